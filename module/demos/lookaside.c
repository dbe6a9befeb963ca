// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "lookaside": LookasideTest.  Fifty blocks come from a paged
 * lookaside list and go back to it, then the list is deleted; the list's
 * counters (as in /sys/kernel/debug/ntshim/lookaside) are shown after the
 * allocations and after the frees.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

#define DEMO_LOOKASIDE_TAG NTSHIM_TAG('4', '3', '2', '1')	/* the books' '1234' */
#define DEMO_HEADER_TAG NTSHIM_TAG('D', 'm', 'L', 'a')	/* the header's block */
#define ARRAY_NUMBER 50

typedef struct _MYDATASTRUCT {
	LIST_ENTRY ListEntry;
	ULONG number;
	UCHAR payload[100];
} MYDATASTRUCT, *PMYDATASTRUCT;

static void show_counters(struct seq_file *m, const char *when,
			  PPAGED_LOOKASIDE_LIST list)
{
	char row[NTSHIM_LOOKASIDE_ROW_LEN];

	ntshim_lookaside_row(&list->L, row, sizeof(row));
	DemoPrint(m, "%s\n  %s  %s", when, NTSHIM_LOOKASIDE_HEADER, row);
}

static NTSTATUS demo_lookaside(struct seq_file *m)
{
	/*
	 * The header of a paged lookaside list must itself be non-paged, and
	 * with the array it is too large for the stack.
	 */
	struct lookaside_demo {
		PAGED_LOOKASIDE_LIST pageList;
		PMYDATASTRUCT MyObjectArray[ARRAY_NUMBER];
	} *d;
	NTSTATUS status = STATUS_SUCCESS;
	ULONG i, got = 0;

	d = ExAllocatePoolWithTag(NonPagedPool, sizeof(*d), DEMO_HEADER_TAG);
	if (!d)
		return STATUS_INSUFFICIENT_RESOURCES;
	RtlZeroMemory(d, sizeof(*d));

	ExInitializePagedLookasideList(&d->pageList, NULL, NULL, 0,
				       sizeof(MYDATASTRUCT),
				       DEMO_LOOKASIDE_TAG, 0);

	for (i = 0; i < ARRAY_NUMBER; i++) {
		d->MyObjectArray[i] = (PMYDATASTRUCT)
			ExAllocateFromPagedLookasideList(&d->pageList);
		if (d->MyObjectArray[i]) {
			d->MyObjectArray[i]->number = i;
			got++;
		}
	}
	DemoPrint(m, "%u of %u ExAllocateFromPagedLookasideList calls returned a %zu-byte block\n",
		  got, ARRAY_NUMBER, sizeof(MYDATASTRUCT));
	show_counters(m, "after 50 allocations:", &d->pageList);

	for (i = 0; i < ARRAY_NUMBER; i++) {
		if (d->MyObjectArray[i] && d->MyObjectArray[i]->number != i)
			status = STATUS_DATA_ERROR;
		if (d->MyObjectArray[i])
			ExFreeToPagedLookasideList(&d->pageList,
						   d->MyObjectArray[i]);
		d->MyObjectArray[i] = NULL;
	}
	show_counters(m, "after 50 frees:", &d->pageList);

	if (got != ARRAY_NUMBER) {
		status = STATUS_INSUFFICIENT_RESOURCES;
	} else if (d->pageList.L.TotalAllocates != ARRAY_NUMBER ||
		   d->pageList.L.TotalFrees != ARRAY_NUMBER) {
		DemoPrint(m, "the counters do not show 50 allocations and 50 frees\n");
		status = STATUS_DATA_ERROR;
	} else {
		DemoPrint(m, "TotalAllocates %u, AllocateMisses %u, TotalFrees %u, FreeMisses %u\n",
			  d->pageList.L.TotalAllocates,
			  d->pageList.L.AllocateMisses,
			  d->pageList.L.TotalFrees, d->pageList.L.FreeMisses);
	}

	ExDeletePagedLookasideList(&d->pageList);
	DemoPrint(m, "ExDeletePagedLookasideList: list gone\n");
	ExFreePoolWithTag(d, DEMO_HEADER_TAG);
	return status;
}

const struct ntshim_demo ntshim_demo_lookaside = {
	.name = "lookaside",
	.description = "LookasideTest: 50 allocations and frees on a paged lookaside list",
	.run = demo_lookaside,
};
