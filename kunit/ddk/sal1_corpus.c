// SPDX-License-Identifier: GPL-2.0
/*
 * DDK compile corpus: SAL 1 (specstrings.h) annotations and the older
 * __drv_* driver annotations, as drivers written before Windows 8 use
 * them.  Written for ntshim.
 */
#include <ntddk.h>
#include <specstrings.h>

#include "corpus.h"

typedef struct _CORPUS_TABLE {
	ULONG Count;
	__field_ecount(Count) PULONG Entries;
	__field_bcount_part(Capacity, Count * sizeof(ULONG)) PVOID Raw;
	ULONG Capacity;
	__field_range(0, 10) ULONG Level;
} CORPUS_TABLE, *PCORPUS_TABLE;

__checkReturn
__success(return >= 0)
__drv_maxIRQL(DISPATCH_LEVEL)
static NTSTATUS CorpusLegacyCopy(__out_bcount_part(OutSize, *Written) PVOID Out,
				 __in ULONG OutSize,
				 __in_bcount(InSize) const VOID *In,
				 __in ULONG InSize,
				 __out PULONG Written,
				 __reserved PVOID Reserved);

static NTSTATUS CorpusLegacyCopy(PVOID Out, ULONG OutSize, const VOID *In,
				 ULONG InSize, PULONG Written, PVOID Reserved)
{
	ULONG n = OutSize < InSize ? OutSize : InSize;

	__analysis_assume(n <= OutSize);
	if (Reserved)
		return STATUS_INVALID_PARAMETER;
	RtlCopyMemory(Out, In, n);
	*Written = n;
	return STATUS_SUCCESS;
}

__drv_requiresIRQL(PASSIVE_LEVEL)
__drv_sameIRQL
__drv_functionClass(DRIVER_UNLOAD)
static VOID CorpusLegacyFill(__out_ecount(Count) PULONG Out, __in ULONG Count,
			     __in_opt PULONG Seed,
			     __inout_ecount_part(Count, 1) PULONG Scratch)
{
	ULONG i;

	for (i = 0; i < Count; i++)
		Out[i] = (Seed ? *Seed : 0) + i;
	Scratch[0] = Count;
}

__drv_when(Count > 8, __drv_maxIRQL(PASSIVE_LEVEL))
__drv_allocatesMem(Mem)
static NTSTATUS CorpusLegacyTable(__in ULONG Count,
				  __deref_out_opt PCORPUS_TABLE *Table)
{
	PCORPUS_TABLE table;

	*Table = NULL;
	table = ExAllocatePoolWithTag(NonPagedPool, sizeof(*table) +
				      Count * sizeof(ULONG), CORPUS_TAG);
	if (!table)
		return STATUS_INSUFFICIENT_RESOURCES;
	table->Count = Count;
	table->Capacity = Count * sizeof(ULONG);
	table->Entries = (PULONG)(table + 1);
	table->Raw = table->Entries;
	table->Level = 0;
	*Table = table;
	return STATUS_SUCCESS;
}

__drv_maxIRQL(DISPATCH_LEVEL)
static VOID CorpusLegacyFree(__in __drv_freesMem(Mem) PCORPUS_TABLE Table)
{
	ExFreePoolWithTag(Table, CORPUS_TAG);
}

static ULONG CorpusLegacyLength(__in_z PCSTR Text, __in_ecount_z_opt(4) PCSTR Other,
				__deref_in PCSTR *Indirect,
				__out_ecount_full_opt(1) PULONG Out,
				__inout_opt PULONG Calls,
				__deref_opt_out_opt PVOID *Nothing)
{
	ULONG n = 0;

	UNREFERENCED_PARAMETER(Other);
	while (Text[n])
		n++;
	if (Out)
		*Out = n;
	if (Calls)
		(*Calls)++;
	if (Nothing)
		*Nothing = NULL;
	return n + (*Indirect ? 1 : 0);
}

int ddk_corpus_sal1(void)
{
	UCHAR in[6] = "abcde";
	UCHAR out[6];
	ULONG written, fill[4], scratch[1], seed = 10, calls = 0, len;
	PCSTR text = "four";
	PCORPUS_TABLE table;
	PVOID nothing = &calls;

	CORPUS_CHECK(NT_SUCCESS(CorpusLegacyCopy(out, sizeof(out), in, sizeof(in),
						 &written, NULL)));
	CORPUS_CHECK(written == 6 && out[4] == 'e');
	CORPUS_CHECK(CorpusLegacyCopy(out, 1, in, 1, &written, out) ==
		     STATUS_INVALID_PARAMETER);
	CorpusLegacyFill(fill, 4, &seed, scratch);
	CORPUS_CHECK(fill[3] == 13 && scratch[0] == 4);
	CORPUS_CHECK(NT_SUCCESS(CorpusLegacyTable(3, &table)));
	CORPUS_CHECK(table->Count == 3 && table->Entries == table->Raw);
	CorpusLegacyFree(table);
	CORPUS_CHECK(CorpusLegacyLength(text, NULL, &text, &len, &calls,
					&nothing) == 5);
	CORPUS_CHECK(len == 4 && calls == 1 && !nothing);
	return 0;
}
