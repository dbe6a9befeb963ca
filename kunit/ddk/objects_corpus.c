// SPDX-License-Identifier: GPL-2.0
/*
 * DDK compile corpus: the I/O manager and object types a driver passes
 * around: DRIVER_OBJECT with its dispatch table, DEVICE_OBJECT with an
 * extension, OBJECT_ATTRIBUTES, IO_STATUS_BLOCK, access rights, GUIDs.
 * Written for ntshim.
 */
#include <ntddk.h>
#include <wdm.h>
#include <ntifs.h>
#include <initguid.h>

#include "corpus.h"

DEFINE_GUID(GUID_CORPUS_INTERFACE, 0x6fde7521, 0x1b65, 0x48ae, 0xb6, 0x28,
	    0x80, 0xbe, 0x62, 0x01, 0x60, 0x26);

typedef struct _CORPUS_EXTENSION {
	ULONG Opens;
	IO_STATUS_BLOCK LastStatus;
} CORPUS_EXTENSION, *PCORPUS_EXTENSION;

static DRIVER_DISPATCH CorpusDispatchCreate;
static DRIVER_UNLOAD CorpusUnload;

_Use_decl_annotations_
static NTSTATUS CorpusDispatchCreate(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{
	PCORPUS_EXTENSION ext = DeviceObject->DeviceExtension;

	UNREFERENCED_PARAMETER(Irp);
	ext->Opens++;
	ext->LastStatus.Status = STATUS_SUCCESS;
	ext->LastStatus.Information = 1;
	return STATUS_SUCCESS;
}

_Use_decl_annotations_
static VOID CorpusUnload(PDRIVER_OBJECT DriverObject)
{
	DriverObject->Flags = 0;
}

int ddk_corpus_objects(void)
{
	DRIVER_OBJECT driver = { 0 };
	DEVICE_OBJECT device = { 0 };
	FILE_OBJECT file = { 0 };
	CORPUS_EXTENSION ext = { 0 };
	UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\Device\\Corpus");
	OBJECT_ATTRIBUTES attributes;
	OBJECT_ATTRIBUTES constant = RTL_CONSTANT_OBJECT_ATTRIBUTES(&name,
								   OBJ_KERNEL_HANDLE);
	GUID copy = GUID_CORPUS_INTERFACE;
	CLIENT_ID client = { NULL, NULL };
	EXCEPTION_POINTERS pointers = { NULL, NULL };
	PETHREAD thread = NULL;
	PKTHREAD kthread = NULL;
	PEPROCESS process = NULL;
	ACCESS_MASK access = GENERIC_READ | SYNCHRONIZE;
	ULONG i;

	driver.Type = IO_TYPE_DRIVER;
	driver.Size = sizeof(driver);
	driver.DriverUnload = CorpusUnload;
	for (i = 0; i <= IRP_MJ_MAXIMUM_FUNCTION; i++)
		driver.MajorFunction[i] = NULL;
	driver.MajorFunction[IRP_MJ_CREATE] = CorpusDispatchCreate;
	device.DriverObject = &driver;
	device.DeviceExtension = &ext;
	device.Flags |= DO_BUFFERED_IO | DO_DEVICE_INITIALIZING;
	ClearFlag(device.Flags, DO_DEVICE_INITIALIZING);
	driver.DeviceObject = &device;
	file.DeviceObject = &device;

	CORPUS_CHECK(RTL_NUMBER_OF(driver.MajorFunction) == 28);
	CORPUS_CHECK(driver.MajorFunction[IRP_MJ_CREATE](file.DeviceObject,
							 NULL) == STATUS_SUCCESS);
	CORPUS_CHECK(ext.Opens == 1 && NT_SUCCESS(ext.LastStatus.Status));
	CORPUS_CHECK(ext.LastStatus.Information == 1);
	CORPUS_CHECK(device.Flags == DO_BUFFERED_IO);
	driver.Flags = 1;
	driver.DriverUnload(&driver);
	CORPUS_CHECK(driver.Flags == 0);

	InitializeObjectAttributes(&attributes, &name,
				   OBJ_CASE_INSENSITIVE | OBJ_KERNEL_HANDLE,
				   NULL, NULL);
	CORPUS_CHECK(attributes.Length == sizeof(OBJECT_ATTRIBUTES));
	CORPUS_CHECK(attributes.ObjectName == &name);
	CORPUS_CHECK(attributes.Attributes == 0x240);
	CORPUS_CHECK(constant.Attributes == OBJ_KERNEL_HANDLE);

	CORPUS_CHECK(IsEqualGUID(&copy, &GUID_CORPUS_INTERFACE));
	copy.Data4[7]++;
	CORPUS_CHECK(!IsEqualGUID(&copy, &GUID_CORPUS_INTERFACE));

	CORPUS_CHECK(THREAD_ALL_ACCESS == 0x1FFFFF);
	CORPUS_CHECK(STANDARD_RIGHTS_REQUIRED == (DELETE | READ_CONTROL |
						  WRITE_DAC | WRITE_OWNER));
	CORPUS_CHECK(FlagOn(access, SYNCHRONIZE) && !FlagOn(access, GENERIC_ALL));
	CORPUS_CHECK(FileStandardInformation == 5);
	CORPUS_CHECK(!client.UniqueProcess && !pointers.ExceptionRecord);
	CORPUS_CHECK(!thread && !kthread && !process);
	return 0;
}
