// SPDX-License-Identifier: GPL-2.0
/*
 * DDK compile corpus: ordinary driver code whose names Linux also uses.
 * A local helper called __ffs, a variable called current, a struct kstat,
 * the driver's own MIN/MAX/ARRAY_SIZE/BIT/ALIGN and swap(), READ/WRITE as
 * enumerators, and min()/max() on mixed types, which the WDK's macros
 * allow and the kernel's reject.  Written for ntshim.
 */
#include <ntddk.h>

#include "corpus.h"

#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define BIT(n) (1UL << (n))
#define ALIGN(x, a) (((x) + (a) - 1) & ~((a) - 1))

typedef enum _CORPUS_DIRECTION {
	READ,
	WRITE
} CORPUS_DIRECTION;

struct kstat {
	ULONG Reads;
	ULONG Writes;
};

/* The driver's own current-statistics pointer. */
static struct kstat *current;

/* 1-based index of the lowest set bit, 0 for none (the driver's meaning). */
static ULONG __ffs(ULONG Value)
{
	ULONG i;

	for (i = 0; i < 32; i++)
		if (Value & (1UL << i))
			return i + 1;
	return 0;
}

/* 1-based index of the highest set bit, 0 for none. */
static ULONG __fls(ULONG Value)
{
	ULONG i = 32;

	while (i && !(Value & (1UL << (i - 1))))
		i--;
	return i;
}

static int fls(int Value)
{
	return (int)__fls((ULONG)Value);
}

static VOID swap(PULONG a, PULONG b)
{
	ULONG t = *a;

	*a = *b;
	*b = t;
}

/* Ports to gcc often supply MSVC's intrinsic themselves (<intrin.h> not included). */
static VOID __cpuid(int Info[4], int Leaf)
{
	Info[0] = Leaf;
	Info[1] = Info[2] = Info[3] = 0;
}

static VOID CorpusCount(CORPUS_DIRECTION Direction)
{
	if (Direction == READ)
		current->Reads++;
	else
		current->Writes++;
}

int ddk_corpus_hygiene(void)
{
	struct kstat stats = { 0 };
	ULONG values[5] = { 0 };
	ULONG a = 1, b = 2;
	LONG negative = -1;
	UCHAR small = 200;
	int info[4];
	LIST_ENTRY head;
	PLIST_ENTRY list_entry = &head;

	current = &stats;
	CorpusCount(READ);
	CorpusCount(WRITE);
	CorpusCount(WRITE);
	CORPUS_CHECK(stats.Reads == 1 && stats.Writes == 2);
	current = NULL;

	CORPUS_CHECK(__ffs(0x18) == 4 && __ffs(0) == 0);
	CORPUS_CHECK(__fls(0x18) == 5 && fls(1) == 1);
	swap(&a, &b);
	CORPUS_CHECK(a == 2 && b == 1);
	CORPUS_CHECK(MIN(3, 4) == 3 && MAX(3, 4) == 4);
	CORPUS_CHECK(ARRAY_SIZE(values) == 5 && BIT(3) == 8);
	CORPUS_CHECK(ALIGN(5, 4) == 8);
	/* The WDK's min()/max(): plain comparisons, any operand types. */
	CORPUS_CHECK(min(negative, (LONG)small) == -1);
	CORPUS_CHECK(max(small, 100UL) == 200);
	CORPUS_CHECK(min(a, 7) == 2);
	__cpuid(info, 7);
	CORPUS_CHECK(info[0] == 7 && info[3] == 0);
	UNREFERENCED_PARAMETER(info);
	InitializeListHead(list_entry);
	CORPUS_CHECK(IsListEmpty(&head));
	return 0;
}
