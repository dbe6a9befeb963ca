// SPDX-License-Identifier: GPL-2.0
/*
 * ntshim_example: a small driver written the Windows way, against
 * <ntddk.h> only: no Linux header, no Linux code.  DriverEntry() sets up a
 * device extension in non-paged pool holding a spin-locked list of named
 * records, which come from a non-paged lookaside list; DriverUnload()
 * frees everything.  The module glue of shim/ntshim.mk (NTSHIM_DRIVER in
 * Kbuild) calls both.
 *
 * The records are driven through example.h by example_debugfs.c, the one
 * Linux file: /sys/kernel/debug/ntshim_example/records.
 */
#include <ntddk.h>

#include "example.h"

#define EXAMPLE_EXTENSION_TAG 'vDxE'
#define EXAMPLE_RECORD_TAG 'cRxE'	/* lookaside blocks */
#define EXAMPLE_NAME_TAG 'mNxE'		/* record names */

typedef struct _EXAMPLE_RECORD {
	LIST_ENTRY Link;
	ULONG Id;
	UNICODE_STRING Name;		/* buffer from EXAMPLE_NAME_TAG */
} EXAMPLE_RECORD, *PEXAMPLE_RECORD;

typedef struct _DEVICE_EXTENSION {
	KSPIN_LOCK Lock;		/* guards Records and NextId */
	LIST_ENTRY Records;
	ULONG NextId;
	NPAGED_LOOKASIDE_LIST RecordLookaside;
} DEVICE_EXTENSION, *PDEVICE_EXTENSION;

DRIVER_INITIALIZE DriverEntry;
static DRIVER_UNLOAD ExampleUnload;

static PDEVICE_EXTENSION Extension;

static VOID ExampleFreeRecord(_In_ PDEVICE_EXTENSION Ext,
			      _In_ __drv_freesMem(Mem) PEXAMPLE_RECORD Record)
{
	ExFreePoolWithTag(Record->Name.Buffer, EXAMPLE_NAME_TAG);
	ExFreeToNPagedLookasideList(&Ext->RecordLookaside, Record);
}

/* Name: ASCII from the command, stored as a UNICODE_STRING. */
_IRQL_requires_max_(PASSIVE_LEVEL)
static NTSTATUS ExampleAddRecord(_In_ PDEVICE_EXTENSION Ext,
				 _In_reads_(Length) PCSZ Name, _In_ ULONG Length)
{
	PEXAMPLE_RECORD record;
	KIRQL irql;
	ULONG i;

	PAGED_CODE();
	record = ExAllocateFromNPagedLookasideList(&Ext->RecordLookaside);
	if (!record)
		return STATUS_INSUFFICIENT_RESOURCES;
	record->Name.Buffer = ExAllocatePoolWithTag(NonPagedPool,
						    Length * sizeof(WCHAR),
						    EXAMPLE_NAME_TAG);
	if (!record->Name.Buffer) {
		ExFreeToNPagedLookasideList(&Ext->RecordLookaside, record);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	for (i = 0; i < Length; i++)
		record->Name.Buffer[i] = (WCHAR)Name[i];
	record->Name.Length = (USHORT)(Length * sizeof(WCHAR));
	record->Name.MaximumLength = record->Name.Length;

	KeAcquireSpinLock(&Ext->Lock, &irql);
	record->Id = ++Ext->NextId;
	InsertTailList(&Ext->Records, &record->Link);
	KeReleaseSpinLock(&Ext->Lock, irql);
	KdPrint(("ntshim_example: added record %u\n", record->Id));
	return STATUS_SUCCESS;
}

static NTSTATUS ExampleDeleteRecord(_In_ PDEVICE_EXTENSION Ext, _In_ ULONG Id)
{
	PEXAMPLE_RECORD found = NULL;
	PLIST_ENTRY entry;
	KIRQL irql;

	KeAcquireSpinLock(&Ext->Lock, &irql);
	for (entry = Ext->Records.Flink; entry != &Ext->Records;
	     entry = entry->Flink) {
		PEXAMPLE_RECORD record = CONTAINING_RECORD(entry,
							   EXAMPLE_RECORD, Link);

		if (record->Id == Id) {
			RemoveEntryList(&record->Link);
			found = record;
			break;
		}
	}
	KeReleaseSpinLock(&Ext->Lock, irql);
	if (!found)
		return STATUS_NOT_FOUND;
	ExampleFreeRecord(Ext, found);	/* outside the lock */
	KdPrint(("ntshim_example: deleted record %u\n", Id));
	return STATUS_SUCCESS;
}

static VOID ExampleClear(_In_ PDEVICE_EXTENSION Ext)
{
	LIST_ENTRY doomed;
	KIRQL irql;

	/* Detach the whole list under the lock, free it outside. */
	InitializeListHead(&doomed);
	KeAcquireSpinLock(&Ext->Lock, &irql);
	while (!IsListEmpty(&Ext->Records))
		InsertTailList(&doomed, RemoveHeadList(&Ext->Records));
	KeReleaseSpinLock(&Ext->Lock, irql);
	while (!IsListEmpty(&doomed))
		ExampleFreeRecord(Ext, CONTAINING_RECORD(RemoveHeadList(&doomed),
							 EXAMPLE_RECORD, Link));
}

/* The test interface of example.h */

int example_add(const char *name, unsigned long len)
{
	return ntshim_status_to_errno(ExampleAddRecord(Extension, name,
						       (ULONG)len));
}

int example_del(unsigned int id)
{
	return ntshim_status_to_errno(ExampleDeleteRecord(Extension, id));
}

void example_clear(void)
{
	ExampleClear(Extension);
}

void example_show(void (*emit)(void *ctx, unsigned int id, const char *name),
		  void *ctx)
{
	CHAR name[EXAMPLE_NAME_MAX + 1];
	PLIST_ENTRY entry;
	KIRQL irql;
	ULONG i;

	KeAcquireSpinLock(&Extension->Lock, &irql);
	for (entry = Extension->Records.Flink; entry != &Extension->Records;
	     entry = entry->Flink) {
		PEXAMPLE_RECORD record = CONTAINING_RECORD(entry,
							   EXAMPLE_RECORD, Link);
		ULONG chars = min(record->Name.Length / sizeof(WCHAR),
				  (ULONG)EXAMPLE_NAME_MAX);

		for (i = 0; i < chars; i++)
			name[i] = (CHAR)record->Name.Buffer[i];
		name[chars] = '\0';
		emit(ctx, record->Id, name);
	}
	KeReleaseSpinLock(&Extension->Lock, irql);
}

_Use_decl_annotations_
static VOID ExampleUnload(PDRIVER_OBJECT DriverObject)
{
	UNREFERENCED_PARAMETER(DriverObject);
	/* No reader or writer is left once the file is gone. */
	example_debugfs_remove();
	ExampleClear(Extension);
	ExDeleteNPagedLookasideList(&Extension->RecordLookaside);
	ExFreePoolWithTag(Extension, EXAMPLE_EXTENSION_TAG);
	Extension = NULL;
	KdPrint(("ntshim_example: %s done\n", __func__));
}

_Use_decl_annotations_
NTSTATUS DriverEntry(PDRIVER_OBJECT DriverObject, PUNICODE_STRING RegistryPath)
{
	KdPrint(("ntshim_example: %s %s\n", __func__,
		 NTSHIM_WZ(RegistryPath)));

	Extension = ExAllocatePoolWithTag(NonPagedPool, sizeof(DEVICE_EXTENSION),
					  EXAMPLE_EXTENSION_TAG);
	if (!Extension)
		return STATUS_INSUFFICIENT_RESOURCES;
	RtlZeroMemory(Extension, sizeof(DEVICE_EXTENSION));
	KeInitializeSpinLock(&Extension->Lock);
	InitializeListHead(&Extension->Records);
	ExInitializeNPagedLookasideList(&Extension->RecordLookaside, NULL, NULL,
					0, sizeof(EXAMPLE_RECORD),
					EXAMPLE_RECORD_TAG, 0);
	if (example_debugfs_create()) {
		ExDeleteNPagedLookasideList(&Extension->RecordLookaside);
		ExFreePoolWithTag(Extension, EXAMPLE_EXTENSION_TAG);
		Extension = NULL;
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	DriverObject->DriverUnload = ExampleUnload;
	return STATUS_SUCCESS;
}
