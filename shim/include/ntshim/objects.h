/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntshim I/O manager and object-manager types that DDK code passes around:
 * DRIVER_OBJECT, DEVICE_OBJECT, FILE_OBJECT, IRP, IO_STATUS_BLOCK,
 * OBJECT_ATTRIBUTES, access rights, CLIENT_ID, GUID, and the
 * DRIVER_INITIALIZE/DRIVER_UNLOAD/DRIVER_DISPATCH function classes.
 *
 * ntshim has no I/O manager: these are the declarations drivers compile
 * against, with the fields drivers commonly touch.  IRP and
 * IO_STACK_LOCATION are incomplete types (nothing builds or dispatches an
 * IRP yet).  PEPROCESS, PETHREAD and PKTHREAD point to incomplete structs
 * (struct _EPROCESS, struct _ETHREAD, struct _KTHREAD) that a process and
 * thread layer may complete.  The <ntddk.h> glue object (shim/ntshim.mk,
 * NTSHIM_DRIVER) fills in a DRIVER_OBJECT and calls DriverEntry().
 */
#ifndef _NTSHIM_OBJECTS_H
#define _NTSHIM_OBJECTS_H

#include <ntshim/types.h>
#include <ntshim/status.h>
#include <ntshim/unicode.h>
#include <ntshim/list.h>
#include <ntshim/seh.h>

struct _IRP;
struct _IO_STACK_LOCATION;
struct _EPROCESS;
struct _ETHREAD;
struct _KTHREAD;
struct _DRIVER_OBJECT;
struct _DEVICE_OBJECT;

typedef struct _IRP IRP, *PIRP;
typedef struct _IO_STACK_LOCATION IO_STACK_LOCATION, *PIO_STACK_LOCATION;
typedef struct _EPROCESS *PEPROCESS, *PKPROCESS;
typedef struct _ETHREAD *PETHREAD;
typedef struct _KTHREAD *PKTHREAD, *PRKTHREAD;

/* EXCEPTION_RECORD and EXCEPTION_POINTERS come with SEH (ntshim/seh.h). */
typedef struct _CONTEXT CONTEXT, *PCONTEXT;

/* Access rights (winnt.h values) */
#define DELETE 0x00010000UL
#define READ_CONTROL 0x00020000UL
#define WRITE_DAC 0x00040000UL
#define WRITE_OWNER 0x00080000UL
#define SYNCHRONIZE 0x00100000UL
#define STANDARD_RIGHTS_REQUIRED 0x000F0000UL
#define STANDARD_RIGHTS_READ READ_CONTROL
#define STANDARD_RIGHTS_WRITE READ_CONTROL
#define STANDARD_RIGHTS_EXECUTE READ_CONTROL
#define STANDARD_RIGHTS_ALL 0x001F0000UL
#define SPECIFIC_RIGHTS_ALL 0x0000FFFFUL
#define ACCESS_SYSTEM_SECURITY 0x01000000UL
#define MAXIMUM_ALLOWED 0x02000000UL
#define GENERIC_READ 0x80000000UL
#define GENERIC_WRITE 0x40000000UL
#define GENERIC_EXECUTE 0x20000000UL
#define GENERIC_ALL 0x10000000UL
#define THREAD_TERMINATE 0x0001
#define THREAD_SUSPEND_RESUME 0x0002
#define THREAD_GET_CONTEXT 0x0008
#define THREAD_SET_CONTEXT 0x0010
#define THREAD_QUERY_INFORMATION 0x0040
#define THREAD_SET_INFORMATION 0x0020
#define THREAD_SET_THREAD_TOKEN 0x0080
#define THREAD_IMPERSONATE 0x0100
#define THREAD_DIRECT_IMPERSONATION 0x0200
#define THREAD_SET_LIMITED_INFORMATION 0x0400
#define THREAD_QUERY_LIMITED_INFORMATION 0x0800
#define THREAD_RESUME 0x1000
#define THREAD_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0xFFFF)
#define PROCESS_TERMINATE 0x0001
#define PROCESS_CREATE_THREAD 0x0002
#define PROCESS_VM_OPERATION 0x0008
#define PROCESS_VM_READ 0x0010
#define PROCESS_VM_WRITE 0x0020
#define PROCESS_DUP_HANDLE 0x0040
#define PROCESS_CREATE_PROCESS 0x0080
#define PROCESS_SET_QUOTA 0x0100
#define PROCESS_SET_INFORMATION 0x0200
#define PROCESS_QUERY_INFORMATION 0x0400
#define PROCESS_SUSPEND_RESUME 0x0800
#define PROCESS_QUERY_LIMITED_INFORMATION 0x1000
#define PROCESS_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0xFFFF)
#define FILE_READ_DATA 0x0001
#define FILE_LIST_DIRECTORY 0x0001
#define FILE_WRITE_DATA 0x0002
#define FILE_ADD_FILE 0x0002
#define FILE_APPEND_DATA 0x0004
#define FILE_READ_EA 0x0008
#define FILE_WRITE_EA 0x0010
#define FILE_EXECUTE 0x0020
#define FILE_TRAVERSE 0x0020
#define FILE_DELETE_CHILD 0x0040
#define FILE_READ_ATTRIBUTES 0x0080
#define FILE_WRITE_ATTRIBUTES 0x0100
#define FILE_ALL_ACCESS (STANDARD_RIGHTS_REQUIRED | SYNCHRONIZE | 0x1FF)
#define FILE_GENERIC_READ                                                     \
	(STANDARD_RIGHTS_READ | FILE_READ_DATA | FILE_READ_ATTRIBUTES |       \
	 FILE_READ_EA | SYNCHRONIZE)
#define FILE_GENERIC_WRITE                                                    \
	(STANDARD_RIGHTS_WRITE | FILE_WRITE_DATA | FILE_WRITE_ATTRIBUTES |    \
	 FILE_WRITE_EA | FILE_APPEND_DATA | SYNCHRONIZE)
#define FILE_GENERIC_EXECUTE                                                  \
	(STANDARD_RIGHTS_EXECUTE | FILE_READ_ATTRIBUTES | FILE_EXECUTE |      \
	 SYNCHRONIZE)
#define FILE_SHARE_READ 0x00000001
#define FILE_SHARE_WRITE 0x00000002
#define FILE_SHARE_DELETE 0x00000004
#define FILE_ATTRIBUTE_NORMAL 0x00000080

typedef ACCESS_MASK *PACCESS_MASK;

/**
 * struct _GENERIC_MAPPING - how GENERIC_* rights map to specific ones
 * @GenericRead:    rights GENERIC_READ grants
 * @GenericWrite:   rights GENERIC_WRITE grants
 * @GenericExecute: rights GENERIC_EXECUTE grants
 * @GenericAll:     rights GENERIC_ALL grants
 */
typedef struct _GENERIC_MAPPING {
	ACCESS_MASK GenericRead;
	ACCESS_MASK GenericWrite;
	ACCESS_MASK GenericExecute;
	ACCESS_MASK GenericAll;
} GENERIC_MAPPING, *PGENERIC_MAPPING;

/**
 * struct _CLIENT_ID - a process and thread id pair
 * @UniqueProcess: process id
 * @UniqueThread:  thread id
 */
typedef struct _CLIENT_ID {
	HANDLE UniqueProcess;
	HANDLE UniqueThread;
} CLIENT_ID, *PCLIENT_ID;

/**
 * struct _GUID - a 128-bit globally unique identifier
 * @Data1: first 32 bits
 * @Data2: next 16 bits
 * @Data3: next 16 bits
 * @Data4: last 64 bits, as bytes
 */
typedef struct _GUID {
	ULONG Data1;
	USHORT Data2;
	USHORT Data3;
	UCHAR Data4[8];
} GUID, *PGUID, *LPGUID;
typedef const GUID *PCGUID, *LPCGUID, *REFGUID;

/*
 * DEFINE_GUID(): without INITGUID a declaration, with INITGUID (defined
 * before <ntddk.h>, or <initguid.h> after it) the definition, as in the
 * WDK.  The definition is weak (selectany), so a header that defines a
 * GUID may be included by several files.
 */
#define NTSHIM_DEFINE_GUID_DEFINITION(name, l, w1, w2, b1, b2, b3, b4, b5, \
				      b6, b7, b8)                        \
	extern const GUID name;                                               \
	const GUID name __weak =                                              \
		{ l, w1, w2, { b1, b2, b3, b4, b5, b6, b7, b8 } }
#ifdef INITGUID
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)          \
	NTSHIM_DEFINE_GUID_DEFINITION(name, l, w1, w2, b1, b2, b3, b4, b5, b6, \
				      b7, b8)
#else
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)          \
	extern const GUID name
#endif

/**
 * IsEqualGUID() - compare two GUIDs
 * @a: one GUID
 * @b: the other
 *
 * Return: TRUE if all 16 bytes are equal.
 */
static inline BOOLEAN IsEqualGUID(const GUID *a, const GUID *b)
{
	return !__builtin_memcmp(a, b, sizeof(GUID));
}

#define InlineIsEqualGUID(a, b) IsEqualGUID(a, b)

/**
 * struct _IO_STATUS_BLOCK - the result of an I/O request
 * @Status:      final status
 * @Pointer:     reserved, overlays @Status
 * @Information: request-specific: bytes transferred, for most
 */
typedef struct _IO_STATUS_BLOCK {
	union {
		NTSTATUS Status;
		PVOID Pointer;
	};
	ULONG_PTR Information;
} IO_STATUS_BLOCK, *PIO_STATUS_BLOCK;

/* Object attributes */
#define OBJ_INHERIT 0x00000002L
#define OBJ_PERMANENT 0x00000010L
#define OBJ_EXCLUSIVE 0x00000020L
#define OBJ_CASE_INSENSITIVE 0x00000040L
#define OBJ_OPENIF 0x00000080L
#define OBJ_OPENLINK 0x00000100L
#define OBJ_KERNEL_HANDLE 0x00000200L
#define OBJ_FORCE_ACCESS_CHECK 0x00000400L
#define OBJ_IGNORE_IMPERSONATED_DEVICEMAP 0x00000800L
#define OBJ_DONT_REPARSE 0x00001000L
#define OBJ_VALID_ATTRIBUTES 0x00001FF2L

/**
 * struct _OBJECT_ATTRIBUTES - names an object for the Zw and Ob routines
 * @Length:                   sizeof(OBJECT_ATTRIBUTES)
 * @RootDirectory:            directory @ObjectName is relative to, or NULL
 * @ObjectName:               the name, or NULL
 * @Attributes:               OBJ_* flags
 * @SecurityDescriptor:       security descriptor, or NULL
 * @SecurityQualityOfService: quality of service, or NULL
 */
typedef struct _OBJECT_ATTRIBUTES {
	ULONG Length;
	HANDLE RootDirectory;
	PUNICODE_STRING ObjectName;
	ULONG Attributes;
	PVOID SecurityDescriptor;
	PVOID SecurityQualityOfService;
} OBJECT_ATTRIBUTES, *POBJECT_ATTRIBUTES;
typedef const OBJECT_ATTRIBUTES *PCOBJECT_ATTRIBUTES;

/* InitializeObjectAttributes(): a statement, as in the WDK */
#define InitializeObjectAttributes(p, n, a, r, s)                             \
	do {                                                                  \
		(p)->Length = sizeof(OBJECT_ATTRIBUTES);                      \
		(p)->RootDirectory = (r);                                     \
		(p)->Attributes = (a);                                        \
		(p)->ObjectName = (n);                                        \
		(p)->SecurityDescriptor = (s);                                \
		(p)->SecurityQualityOfService = NULL;                         \
	} while (0)

#define RTL_CONSTANT_OBJECT_ATTRIBUTES(n, a)                                  \
	{ sizeof(OBJECT_ATTRIBUTES), NULL, (n), (a), NULL, NULL }
#define RTL_INIT_OBJECT_ATTRIBUTES(n, a) RTL_CONSTANT_OBJECT_ATTRIBUTES(n, a)

/**
 * enum _FILE_INFORMATION_CLASS - what ZwQueryInformationFile() returns
 * @FileDirectoryInformation:       directory entries
 * @FileFullDirectoryInformation:   directory entries with EA size
 * @FileBothDirectoryInformation:   directory entries with short names
 * @FileBasicInformation:           times and attributes
 * @FileStandardInformation:        sizes, link count, delete pending
 * @FileInternalInformation:        file id
 * @FileEaInformation:              EA size
 * @FileAccessInformation:          granted access
 * @FileNameInformation:            name
 * @FileRenameInformation:          rename request
 * @FileLinkInformation:            hard link request
 * @FileNamesInformation:           directory names only
 * @FileDispositionInformation:     delete on close
 * @FilePositionInformation:        current byte offset
 * @FileFullEaInformation:          EAs
 * @FileModeInformation:            open mode
 * @FileAlignmentInformation:       buffer alignment
 * @FileAllInformation:             all of the above
 * @FileAllocationInformation:      allocation size
 * @FileEndOfFileInformation:       end of file
 * @FileMaximumInformation:         bound, not a class
 *
 * The values follow the WDK's numbering; classes after
 * FileEndOfFileInformation are not listed.
 */
typedef enum _FILE_INFORMATION_CLASS {
	FileDirectoryInformation = 1,
	FileFullDirectoryInformation,
	FileBothDirectoryInformation,
	FileBasicInformation,
	FileStandardInformation,
	FileInternalInformation,
	FileEaInformation,
	FileAccessInformation,
	FileNameInformation,
	FileRenameInformation,
	FileLinkInformation,
	FileNamesInformation,
	FileDispositionInformation,
	FilePositionInformation,
	FileFullEaInformation,
	FileModeInformation,
	FileAlignmentInformation,
	FileAllInformation,
	FileAllocationInformation,
	FileEndOfFileInformation,
	FileMaximumInformation = 77
} FILE_INFORMATION_CLASS, *PFILE_INFORMATION_CLASS;

/* IRP major function codes */
#define IRP_MJ_CREATE 0x00
#define IRP_MJ_CREATE_NAMED_PIPE 0x01
#define IRP_MJ_CLOSE 0x02
#define IRP_MJ_READ 0x03
#define IRP_MJ_WRITE 0x04
#define IRP_MJ_QUERY_INFORMATION 0x05
#define IRP_MJ_SET_INFORMATION 0x06
#define IRP_MJ_QUERY_EA 0x07
#define IRP_MJ_SET_EA 0x08
#define IRP_MJ_FLUSH_BUFFERS 0x09
#define IRP_MJ_QUERY_VOLUME_INFORMATION 0x0a
#define IRP_MJ_SET_VOLUME_INFORMATION 0x0b
#define IRP_MJ_DIRECTORY_CONTROL 0x0c
#define IRP_MJ_FILE_SYSTEM_CONTROL 0x0d
#define IRP_MJ_DEVICE_CONTROL 0x0e
#define IRP_MJ_INTERNAL_DEVICE_CONTROL 0x0f
#define IRP_MJ_SHUTDOWN 0x10
#define IRP_MJ_LOCK_CONTROL 0x11
#define IRP_MJ_CLEANUP 0x12
#define IRP_MJ_CREATE_MAILSLOT 0x13
#define IRP_MJ_QUERY_SECURITY 0x14
#define IRP_MJ_SET_SECURITY 0x15
#define IRP_MJ_POWER 0x16
#define IRP_MJ_SYSTEM_CONTROL 0x17
#define IRP_MJ_DEVICE_CHANGE 0x18
#define IRP_MJ_QUERY_QUOTA 0x19
#define IRP_MJ_SET_QUOTA 0x1a
#define IRP_MJ_PNP 0x1b
#define IRP_MJ_PNP_POWER IRP_MJ_PNP
#define IRP_MJ_MAXIMUM_FUNCTION 0x1b

/* DEVICE_OBJECT Flags and DeviceType values drivers test */
#define DO_VERIFY_VOLUME 0x00000002
#define DO_BUFFERED_IO 0x00000004
#define DO_EXCLUSIVE 0x00000008
#define DO_DIRECT_IO 0x00000010
#define DO_MAP_IO_BUFFER 0x00000020
#define DO_DEVICE_INITIALIZING 0x00000080
#define DO_SHUTDOWN_REGISTERED 0x00000800
#define DO_BUS_ENUMERATED_DEVICE 0x00001000
#define DO_POWER_PAGABLE 0x00002000
#define DO_POWER_INRUSH 0x00004000
#define FILE_DEVICE_UNKNOWN 0x00000022
#define FILE_DEVICE_SECURE_OPEN 0x00000100
#define IO_TYPE_DRIVER 4
#define IO_TYPE_DEVICE 3
#define IO_TYPE_FILE 5
#define IO_NO_INCREMENT 0

/**
 * typedef DRIVER_INITIALIZE - the DriverEntry() function class
 * @DriverObject: the driver's object
 * @RegistryPath: the driver's service key
 *
 * Return: STATUS_SUCCESS to stay loaded, an error to fail the load.
 */
typedef NTSTATUS DRIVER_INITIALIZE(struct _DRIVER_OBJECT *DriverObject,
				   PUNICODE_STRING RegistryPath);
typedef DRIVER_INITIALIZE *PDRIVER_INITIALIZE;

/**
 * typedef DRIVER_UNLOAD - the DriverUnload() function class
 * @DriverObject: the driver's object
 */
typedef VOID DRIVER_UNLOAD(struct _DRIVER_OBJECT *DriverObject);
typedef DRIVER_UNLOAD *PDRIVER_UNLOAD;

/**
 * typedef DRIVER_DISPATCH - an IRP_MJ_* dispatch routine
 * @DeviceObject: the target device
 * @Irp:          the request
 *
 * Return: the request's status, or STATUS_PENDING.
 */
typedef NTSTATUS DRIVER_DISPATCH(struct _DEVICE_OBJECT *DeviceObject, PIRP Irp);
typedef DRIVER_DISPATCH *PDRIVER_DISPATCH;
typedef DRIVER_DISPATCH DRIVER_DISPATCH_RAISED, DRIVER_DISPATCH_PAGED;

/**
 * typedef DRIVER_ADD_DEVICE - a PnP AddDevice routine
 * @DriverObject:         the driver's object
 * @PhysicalDeviceObject: the bus driver's device
 *
 * Return: STATUS_SUCCESS or an error.
 */
typedef NTSTATUS DRIVER_ADD_DEVICE(struct _DRIVER_OBJECT *DriverObject,
				   struct _DEVICE_OBJECT *PhysicalDeviceObject);
typedef DRIVER_ADD_DEVICE *PDRIVER_ADD_DEVICE;

/**
 * typedef DRIVER_STARTIO - a StartIo routine
 * @DeviceObject: the target device
 * @Irp:          the request to start
 */
typedef VOID DRIVER_STARTIO(struct _DEVICE_OBJECT *DeviceObject, PIRP Irp);
typedef DRIVER_STARTIO *PDRIVER_STARTIO;

/**
 * typedef DRIVER_CANCEL - an IRP cancel routine
 * @DeviceObject: the target device
 * @Irp:          the request being cancelled
 */
typedef VOID DRIVER_CANCEL(struct _DEVICE_OBJECT *DeviceObject, PIRP Irp);
typedef DRIVER_CANCEL *PDRIVER_CANCEL;

/**
 * struct _DRIVER_EXTENSION - the I/O manager's per-driver extension
 * @DriverObject:   back pointer
 * @AddDevice:      PnP AddDevice routine, or NULL
 * @Count:          reinitialization count
 * @ServiceKeyName: the driver's service name
 */
typedef struct _DRIVER_EXTENSION {
	struct _DRIVER_OBJECT *DriverObject;
	PDRIVER_ADD_DEVICE AddDevice;
	ULONG Count;
	UNICODE_STRING ServiceKeyName;
} DRIVER_EXTENSION, *PDRIVER_EXTENSION;

/**
 * struct _DRIVER_OBJECT - a loaded driver
 * @Type:            IO_TYPE_DRIVER
 * @Size:            sizeof(DRIVER_OBJECT)
 * @DeviceObject:    first device the driver created, or NULL
 * @Flags:           I/O manager flags
 * @DriverStart:     image base (the Linux module's core text)
 * @DriverSize:      image size
 * @DriverSection:   loader data (the Linux struct module)
 * @DriverExtension: the extension, with AddDevice
 * @DriverName:      "\Driver\<name>"
 * @HardwareDatabase: registry path of the hardware database, or NULL
 * @FastIoDispatch:  fast I/O table, or NULL
 * @DriverInit:      the entry point
 * @DriverStartIo:   StartIo routine, or NULL
 * @DriverUnload:    unload routine; the module's exit calls it
 * @MajorFunction:   dispatch routine per IRP_MJ_* code
 */
typedef struct _DRIVER_OBJECT {
	CSHORT Type;
	CSHORT Size;
	struct _DEVICE_OBJECT *DeviceObject;
	ULONG Flags;
	PVOID DriverStart;
	ULONG DriverSize;
	PVOID DriverSection;
	PDRIVER_EXTENSION DriverExtension;
	UNICODE_STRING DriverName;
	PUNICODE_STRING HardwareDatabase;
	PVOID FastIoDispatch;
	PDRIVER_INITIALIZE DriverInit;
	PDRIVER_STARTIO DriverStartIo;
	PDRIVER_UNLOAD DriverUnload;
	PDRIVER_DISPATCH MajorFunction[IRP_MJ_MAXIMUM_FUNCTION + 1];
} DRIVER_OBJECT, *PDRIVER_OBJECT;

/*
 * <ntshim/workitem.h> declares only what work items need unless this
 * header came first; this is the full declaration.
 */
#ifndef NTSHIM_HAVE_DEVICE_OBJECT
#define NTSHIM_HAVE_DEVICE_OBJECT

/**
 * struct _DEVICE_OBJECT - a device a driver created
 * @Type:             IO_TYPE_DEVICE
 * @Size:             sizeof(DEVICE_OBJECT) plus the extension
 * @ReferenceCount:   open handles
 * @DriverObject:     the owning driver, or NULL
 * @NextDevice:       next device of the same driver
 * @AttachedDevice:   the device attached on top, or NULL
 * @CurrentIrp:       the IRP StartIo is processing
 * @Flags:            DO_* flags
 * @Characteristics:  FILE_* characteristics
 * @DeviceExtension:  driver-defined data
 * @DeviceType:       FILE_DEVICE_* type
 * @StackSize:        stack locations an IRP for it needs
 * @AlignmentRequirement: buffer alignment mask
 * @SectorSize:       for storage devices
 */
typedef struct _DEVICE_OBJECT {
	CSHORT Type;
	USHORT Size;
	LONG ReferenceCount;
	struct _DRIVER_OBJECT *DriverObject;
	struct _DEVICE_OBJECT *NextDevice;
	struct _DEVICE_OBJECT *AttachedDevice;
	PIRP CurrentIrp;
	ULONG Flags;
	ULONG Characteristics;
	PVOID DeviceExtension;
	ULONG DeviceType;
	CCHAR StackSize;
	ULONG AlignmentRequirement;
	USHORT SectorSize;
} DEVICE_OBJECT, *PDEVICE_OBJECT;
#endif

/**
 * struct _FILE_OBJECT - an open instance of a device or file
 * @Type:           IO_TYPE_FILE
 * @Size:           sizeof(FILE_OBJECT)
 * @DeviceObject:   the device it was opened on
 * @FsContext:      driver-defined, per stream
 * @FsContext2:     driver-defined, per open
 * @FinalStatus:    status of the last request
 * @RelatedFileObject: the file it was opened relative to, or NULL
 * @CurrentByteOffset: file position for synchronous I/O
 * @Flags:          FO_* flags
 * @FileName:       the name it was opened by
 */
typedef struct _FILE_OBJECT {
	CSHORT Type;
	CSHORT Size;
	PDEVICE_OBJECT DeviceObject;
	PVOID FsContext;
	PVOID FsContext2;
	NTSTATUS FinalStatus;
	struct _FILE_OBJECT *RelatedFileObject;
	LARGE_INTEGER CurrentByteOffset;
	ULONG Flags;
	UNICODE_STRING FileName;
} FILE_OBJECT, *PFILE_OBJECT;

#endif /* _NTSHIM_OBJECTS_H */
