// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "linked_list": LinkListTest.  Ten records go in at the head of a
 * LIST_ENTRY list and come out at the tail until IsListEmpty(), so they
 * come out in the order they went in: 0, 1, ..., 9.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

#define DEMO_LINK_TAG NTSHIM_TAG('D', 'm', 'L', 'k')
#define DEMO_LINK_RECORDS 10

typedef struct _MYDATASTRUCT {
	ULONG number;
	LIST_ENTRY ListEntry;	/* not first: CONTAINING_RECORD does the work */
} MYDATASTRUCT, *PMYDATASTRUCT;

static NTSTATUS demo_linked_list(struct seq_file *m)
{
	NTSTATUS status = STATUS_SUCCESS;
	LIST_ENTRY linkListHead;
	PMYDATASTRUCT pData;
	ULONG i, expect = 0;

	InitializeListHead(&linkListHead);

	DemoPrint(m, "Begin insert to link list\n");
	for (i = 0; i < DEMO_LINK_RECORDS; i++) {
		pData = (PMYDATASTRUCT)ExAllocatePoolWithTag(PagedPool,
							     sizeof(MYDATASTRUCT),
							     DEMO_LINK_TAG);
		if (!pData) {
			status = STATUS_INSUFFICIENT_RESOURCES;
			break;
		}
		pData->number = i;
		InsertHeadList(&linkListHead, &pData->ListEntry);
	}

	DemoPrint(m, "Begin remove from link list\n");
	while (!IsListEmpty(&linkListHead)) {
		PLIST_ENTRY pEntry = RemoveTailList(&linkListHead);

		pData = CONTAINING_RECORD(pEntry, MYDATASTRUCT, ListEntry);
		DemoPrint(m, "%u\n", pData->number);
		if (pData->number != expect++)
			status = STATUS_DATA_ERROR;
		ExFreePoolWithTag(pData, DEMO_LINK_TAG);
	}
	if (NT_SUCCESS(status) && expect != DEMO_LINK_RECORDS)
		status = STATUS_DATA_ERROR;
	if (status == STATUS_DATA_ERROR)
		DemoPrint(m, "records did not come out 0..%u in order\n",
			  DEMO_LINK_RECORDS - 1);
	return status;
}

const struct ntshim_demo ntshim_demo_linked_list = {
	.name = "linked_list",
	.description = "LinkListTest: InsertHeadList x10, RemoveTailList until empty",
	.run = demo_linked_list,
};
