// SPDX-License-Identifier: GPL-2.0
/*
 * Compile-only test: DDK code written the way the seed documents write it
 * (Windows types and casts, KdPrint((...)) with double parentheses,
 * multi-character pool tags, the code-section macros, lists reached
 * through CONTAINING_RECORD, spin locks with a saved KIRQL, in-stack
 * queued spin locks).  It must build through <ntddk.h> unchanged;
 * it is not linked into a module.  Written for ntshim, not copied.
 */
#include "seed_style.h"

#define SEED_TAG 'deeS'

typedef struct _SAMPLE_NODE {
	ULONG Value;
	LIST_ENTRY Entry;
} SAMPLE_NODE, *PSAMPLE_NODE;

typedef struct _FILE_INFO_NODE {
	LIST_ENTRY Entry;
	UNICODE_STRING Name;
	LARGE_INTEGER Size;
} FILE_INFO_NODE, *PFILE_INFO_NODE;

static KSPIN_LOCK CounterLock;

PAGEDCODE NTSTATUS CopyStringToPool(PUNICODE_STRING Copy)
{
	UNICODE_STRING Source = RTL_CONSTANT_STRING(L"a string to copy");

	PAGED_CODE();
	Copy->Buffer = (PWCHAR)ExAllocatePoolWithTag(NonPagedPool, Source.Length,
						     SEED_TAG);
	if (Copy->Buffer == NULL)
		return STATUS_INSUFFICIENT_RESOURCES;
	Copy->Length = Copy->MaximumLength = Source.Length;
	RtlCopyUnicodeString(Copy, &Source);
	return STATUS_SUCCESS;
}

NTSTATUS AddFileInfo(PLIST_ENTRY Head, UNICODE_STRING Name, LARGE_INTEGER Size)
{
	PFILE_INFO_NODE Node = (PFILE_INFO_NODE)ExAllocatePoolWithTag(
		PagedPool, sizeof(FILE_INFO_NODE), SEED_TAG);

	if (Node == NULL)
		return STATUS_INSUFFICIENT_RESOURCES;
	Node->Name = Name;
	Node->Size = Size;
	/* The entry is the first member, so the node's address is the entry's. */
	InsertHeadList(Head, (PLIST_ENTRY)Node);
	return STATUS_SUCCESS;
}

VOID ListRoundTrip(VOID)
{
	LIST_ENTRY Head;
	PSAMPLE_NODE Node;
	ULONG i;

	InitializeListHead(&Head);
	KdPrint(("inserting\n"));
	for (i = 0; i < 5; i++) {
		Node = (PSAMPLE_NODE)ExAllocatePool(PagedPool, sizeof(SAMPLE_NODE));
		if (Node == NULL)
			break;
		Node->Value = i;
		InsertHeadList(&Head, &Node->Entry);
	}
	while (!IsListEmpty(&Head)) {
		PLIST_ENTRY Entry = RemoveTailList(&Head);

		Node = CONTAINING_RECORD(Entry, SAMPLE_NODE, Entry);
		KdPrint(("%d\n", Node->Value));
		ExFreePool(Node);
	}
}

VOID LookasideRoundTrip(VOID)
{
	static PAGED_LOOKASIDE_LIST Lookaside;
	PSAMPLE_NODE Items[8];
	int i;

	ExInitializePagedLookasideList(&Lookaside, NULL, NULL, 0,
				       sizeof(SAMPLE_NODE), 'kooL', 0);
	for (i = 0; i < 8; i++)
		Items[i] = (PSAMPLE_NODE)ExAllocateFromPagedLookasideList(&Lookaside);
	for (i = 0; i < 8; i++) {
		if (Items[i] != NULL)
			ExFreeToPagedLookasideList(&Lookaside, Items[i]);
		Items[i] = NULL;
	}
	ExDeletePagedLookasideList(&Lookaside);
}

VOID CountUnderLocks(PULONG Counter)
{
	KIRQL Irql;
	KLOCK_QUEUE_HANDLE LockHandle;

	KeInitializeSpinLock(&CounterLock);
	KeAcquireSpinLock(&CounterLock, &Irql);
	(*Counter)++;
	KeReleaseSpinLock(&CounterLock, Irql);

	KeAcquireInStackQueuedSpinLock(&CounterLock, &LockHandle);
	(*Counter)++;
	KeReleaseInStackQueuedSpinLock(&LockHandle);
}

LOCKEDCODE VOID MemoryRoutines(VOID)
{
	UCHAR A[16], B[16];

	RtlFillMemory(A, sizeof(A), 0x5A);
	RtlZeroMemory(B, sizeof(B));
	RtlCopyMemory(B, A, sizeof(A));
	RtlMoveMemory(A + 1, A, sizeof(A) - 1);
	if (RtlCompareMemory(A, B, sizeof(A)) != sizeof(A))
		KdPrint(("differ\n"));
}
