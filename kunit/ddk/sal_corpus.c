// SPDX-License-Identifier: GPL-2.0
/*
 * DDK compile corpus: SAL 2 and driver annotations on declarations,
 * definitions and structure fields, as WDK drivers write them.  Written
 * for ntshim.
 */
#include <ntddk.h>

#include "corpus.h"

typedef struct _CORPUS_BUFFER {
	ULONG Size;
	ULONG Used;
	_Field_size_bytes_part_(Size, Used) PUCHAR Data;
	_Field_range_(0, 16) ULONG Depth;
	KSPIN_LOCK Lock;
	_Guarded_by_(Lock) ULONG Guarded;
	_Interlocked_ volatile LONG Count;
	_Field_size_opt_(Depth) PULONG Items;
	_Field_z_ PCSTR Name;
} CORPUS_BUFFER, *PCORPUS_BUFFER;

typedef _Struct_size_bytes_(Size) struct _CORPUS_VARIABLE {
	ULONG Size;
	_Field_size_bytes_(Size - sizeof(ULONG)) UCHAR Data[ANYSIZE_ARRAY];
} CORPUS_VARIABLE, *PCORPUS_VARIABLE;

_IRQL_requires_max_(DISPATCH_LEVEL)
_Must_inspect_result_
_Success_(return >= 0)
static NTSTATUS CorpusCopy(_Out_writes_bytes_to_(OutSize, *Written) PVOID Out,
			   _In_ ULONG OutSize,
			   _In_reads_bytes_(InSize) const VOID *In,
			   _In_ ULONG InSize,
			   _Out_ _Deref_out_range_(0, OutSize) PULONG Written);

_Use_decl_annotations_
static NTSTATUS CorpusCopy(PVOID Out, ULONG OutSize, const VOID *In,
			   ULONG InSize, PULONG Written)
{
	ULONG n = min(OutSize, InSize);

	_Analysis_assume_(n <= OutSize);
	RtlCopyMemory(Out, In, n);
	*Written = n;
	return n < InSize ? STATUS_BUFFER_OVERFLOW : STATUS_SUCCESS;
}

_IRQL_requires_max_(DISPATCH_LEVEL)
_When_(Size == 0, _Ret_null_)
_When_(Size != 0, _Ret_maybenull_ _Post_writable_byte_size_(Size))
__drv_allocatesMem(Mem)
static PVOID CorpusAllocate(_In_ SIZE_T Size)
{
	if (Size == 0)
		return NULL;
	return ExAllocatePoolWithTag(NonPagedPool, Size, CORPUS_TAG);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
static VOID CorpusFree(_In_ _Frees_ptr_ __drv_freesMem(Mem) PVOID Block)
{
	ExFreePoolWithTag(Block, CORPUS_TAG);
}

_IRQL_requires_max_(DISPATCH_LEVEL)
_Check_return_
static NTSTATUS CorpusMakeItems(_In_range_(1, 16) ULONG Count,
				_Outptr_result_buffer_(Count) PULONG *Items)
{
	PULONG items = CorpusAllocate(Count * sizeof(ULONG));
	ULONG i;

	*Items = NULL;
	if (!items)
		return STATUS_INSUFFICIENT_RESOURCES;
	for (i = 0; i < Count; i++)
		items[i] = i * i;
	*Items = items;
	return STATUS_SUCCESS;
}

_Requires_lock_not_held_(*Lock)
_Acquires_lock_(*Lock)
_IRQL_requires_max_(DISPATCH_LEVEL)
_IRQL_raises_(DISPATCH_LEVEL)
_IRQL_saves_
static KIRQL CorpusLock(_Inout_ PKSPIN_LOCK Lock)
{
	KIRQL old;

	KeAcquireSpinLock(Lock, &old);
	return old;
}

_Requires_lock_held_(*Lock)
_Releases_lock_(*Lock)
_IRQL_requires_(DISPATCH_LEVEL)
static VOID CorpusUnlock(_Inout_ PKSPIN_LOCK Lock, _In_ _IRQL_restores_ KIRQL Old)
{
	KeReleaseSpinLock(Lock, Old);
}

_IRQL_requires_min_(PASSIVE_LEVEL)
_IRQL_requires_max_(APC_LEVEL)
_IRQL_always_function_min_(PASSIVE_LEVEL)
_IRQL_always_function_max_(DISPATCH_LEVEL)
_IRQL_requires_same_
static KIRQL CorpusIrql(VOID)
{
	return KeGetCurrentIrql();
}

_IRQL_saves_global_(OldIrql, Lock)
_IRQL_restores_global_(OldIrql, Lock)
_Kernel_requires_resource_not_held_(Lock)
_Requires_lock_not_held_(*Lock)
static ULONG CorpusGuarded(_Inout_ PCORPUS_BUFFER Buffer,
			   _Inout_ PKSPIN_LOCK Lock)
{
	KIRQL old = CorpusLock(Lock);
	ULONG value = ++Buffer->Guarded;

	CorpusUnlock(Lock, old);
	return value;
}

_Kernel_float_saved_
_At_(*State, _Kernel_requires_resource_not_held_(FloatState)
	     _Kernel_acquires_resource_(FloatState))
static NTSTATUS CorpusSaveFloat(_Out_ PULONG State)
{
	*State = 1;
	return STATUS_SUCCESS;
}

_Kernel_float_restored_
_At_(*State, _Kernel_requires_resource_held_(FloatState)
	     _Kernel_releases_resource_(FloatState))
static VOID CorpusRestoreFloat(_Inout_ PULONG State)
{
	*State = 0;
}

/* Lock annotations on declarations a driver exports */
_Acquires_exclusive_lock_(*Resource)
_Requires_lock_not_held_(*Resource)
VOID CorpusAcquireExclusive(_Inout_ PERESOURCE Resource);
_Acquires_shared_lock_(*Resource)
VOID CorpusAcquireShared(_Inout_ PERESOURCE Resource);
_Requires_exclusive_lock_held_(*Resource)
_Releases_exclusive_lock_(*Resource)
VOID CorpusReleaseExclusive(_Inout_ PERESOURCE Resource);
_Requires_shared_lock_held_(*Resource)
_Releases_shared_lock_(*Resource)
VOID CorpusReleaseShared(_Inout_ PERESOURCE Resource);
_Acquires_nonreentrant_lock_(*Mutex)
_Releases_nonreentrant_lock_(*Mutex)
_Requires_no_locks_held_
VOID CorpusDeclaredOnly(_Inout_ PFAST_MUTEX Mutex);

_Ret_range_(0, Length)
_Pre_satisfies_(Length <= MAXUSHORT)
_Post_satisfies_(return <= Length)
static ULONG CorpusCountZeros(_In_reads_(Length) const UCHAR *Data,
			      _In_ ULONG Length,
			      _Inout_updates_opt_(1) PULONG Calls,
			      _Out_writes_to_opt_(1, 1) PULONG Last,
			      _In_opt_z_ PCSTR Why)
{
	ULONG zeros = 0;
	ULONG i;

	UNREFERENCED_PARAMETER(Why);
	for (i = 0; i < Length; i++)
		if (!Data[i])
			zeros++;
	if (Calls)
		(*Calls)++;
	if (Last)
		*Last = Length ? Data[Length - 1] : 0;
	return zeros;
}

static VOID CorpusFormat(_Out_writes_z_(Size) PCHAR Out, _In_ SIZE_T Size,
			 _In_ _Printf_format_string_ PCSTR Format, _In_ ULONG Value)
{
	SIZE_T i;

	UNREFERENCED_PARAMETER(Value);
	for (i = 0; i + 1 < Size && Format[i]; i++)
		Out[i] = Format[i];
	Out[i] = '\0';
}

_Function_class_(DRIVER_DISPATCH)
_Dispatch_type_(IRP_MJ_CREATE)
_Dispatch_type_(IRP_MJ_CLOSE)
_IRQL_requires_max_(PASSIVE_LEVEL)
_IRQL_requires_same_
static NTSTATUS CorpusCreateClose(_In_ PDEVICE_OBJECT DeviceObject,
				  _Inout_ PIRP Irp)
{
	UNREFERENCED_PARAMETER(DeviceObject);
	UNREFERENCED_PARAMETER(Irp);
	return STATUS_SUCCESS;
}

_Must_inspect_result_
_Ret_notnull_
_Post_equal_to_(Value)
static PULONG CorpusIdentity(_In_ _Notnull_ _Pre_notnull_ _Literal_ PULONG Value)
{
	return Value;
}

_Success_(return)
static BOOLEAN CorpusFind(_In_reads_(Count) const ULONG *Items,
			  _In_ ULONG Count, _In_ ULONG Wanted,
			  _Out_ _On_failure_(_Post_equal_to_(MAXULONG)) PULONG Index)
{
	ULONG i;

	for (i = 0; i < Count; i++) {
		if (Items[i] == Wanted) {
			*Index = i;
			return TRUE;
		}
	}
	*Index = MAXULONG;
	return FALSE;
}

int ddk_corpus_sal(void)
{
	CORPUS_BUFFER buffer = { 0 };
	UCHAR in[8] = { 1, 0, 2, 0, 3, 0, 0, 4 };
	UCHAR out[4];
	CHAR text[8];
	ULONG written, calls = 0, last, index, fp, value = 7;
	PULONG items;
	NTSTATUS status;

	KeInitializeSpinLock(&buffer.Lock);
	status = CorpusCopy(out, sizeof(out), in, sizeof(in), &written);
	CORPUS_CHECK(status == STATUS_BUFFER_OVERFLOW && written == 4);
	CORPUS_CHECK(RtlCompareMemory(out, in, 4) == 4);
	CORPUS_CHECK(!CorpusAllocate(0));
	CORPUS_CHECK(NT_SUCCESS(CorpusMakeItems(5, &items)));
	CORPUS_CHECK(CorpusFind(items, 5, 9, &index) && index == 3);
	CORPUS_CHECK(!CorpusFind(items, 5, 10, &index) && index == MAXULONG);
	CorpusFree(items);
	CORPUS_CHECK(CorpusIrql() == PASSIVE_LEVEL);
	CORPUS_CHECK(CorpusGuarded(&buffer, &buffer.Lock) == 1);
	CORPUS_CHECK(CorpusGuarded(&buffer, &buffer.Lock) == 2);
	CORPUS_CHECK(NT_SUCCESS(CorpusSaveFloat(&fp)) && fp == 1);
	CorpusRestoreFloat(&fp);
	CORPUS_CHECK(fp == 0);
	CORPUS_CHECK(CorpusCountZeros(in, sizeof(in), &calls, &last, "n") == 4);
	CORPUS_CHECK(calls == 1 && last == 4);
	CORPUS_CHECK(CorpusCountZeros(in, 2, NULL, NULL, NULL) == 1);
	CorpusFormat(text, sizeof(text), "%u items", 3);
	CORPUS_CHECK(text[0] == '%' && text[7] == '\0');
	CORPUS_CHECK(CorpusCreateClose(NULL, NULL) == STATUS_SUCCESS);
	CORPUS_CHECK(CorpusIdentity(&value) == &value);
	CORPUS_CHECK(sizeof(CORPUS_VARIABLE) >= sizeof(ULONG) + 1);
	return 0;
}

/* Two files use the header's FORCEINLINE function and selectany data. */
unsigned int ddk_corpus_inline_a(unsigned int value)
{
	return CorpusRotateLeft(value, 4);
}

const void *ddk_corpus_selectany_a(void)
{
	return &CorpusSelectAny;
}
