// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "interlocked_list": producers and consumers on different CPUs
 * share one LIST_ENTRY queue through ExInterlockedInsertTailList() and
 * ExInterlockedRemoveHeadList().  Every item is accounted for: each is
 * consumed exactly once (count and checksum), and a consumer sees each
 * producer's items in the order they were queued.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/delay.h>

#include "demos.h"

#define DEMO_ILIST_TAG NTSHIM_TAG('D', 'm', 'I', 'l')
#define DEMO_ILIST_PRODUCERS 2
#define DEMO_ILIST_CONSUMERS 2
#define DEMO_ILIST_ITEMS 500	/* per producer */
#define DEMO_ILIST_TOTAL (DEMO_ILIST_PRODUCERS * DEMO_ILIST_ITEMS)

typedef struct _DEMO_ITEM {
	LIST_ENTRY ListEntry;
	ULONG Producer;
	ULONG Sequence;		/* 1 .. DEMO_ILIST_ITEMS */
} DEMO_ITEM, *PDEMO_ITEM;

struct ilist_demo {
	LIST_ENTRY queue;
	KSPIN_LOCK queue_lock;
	KSPIN_LOCK stats_lock;
	/* under stats_lock */
	ULONG producers_done;
	ULONG consumed;
	ULONG64 checksum;
	ULONG out_of_order;
	ULONG produced[DEMO_ILIST_PRODUCERS];
	ULONG taken[DEMO_ILIST_CONSUMERS];
};

static NTSTATUS producer(struct ntshim_demo_thread *t)
{
	struct ilist_demo *d = t->ctx;
	ULONG seq;
	KIRQL irql;

	for (seq = 1; seq <= DEMO_ILIST_ITEMS; seq++) {
		PDEMO_ITEM item = ExAllocatePoolWithTag(NonPagedPool,
							sizeof(DEMO_ITEM),
							DEMO_ILIST_TAG);

		if (!item)
			break;
		item->Producer = t->id;
		item->Sequence = seq;
		ExInterlockedInsertTailList(&d->queue, &item->ListEntry,
					    &d->queue_lock);
		KeAcquireSpinLock(&d->stats_lock, &irql);
		d->produced[t->id]++;
		KeReleaseSpinLock(&d->stats_lock, irql);
	}
	/* Done, even after a failed allocation: the consumers may stop. */
	KeAcquireSpinLock(&d->stats_lock, &irql);
	d->producers_done++;
	KeReleaseSpinLock(&d->stats_lock, irql);
	return seq > DEMO_ILIST_ITEMS ? STATUS_SUCCESS :
					STATUS_INSUFFICIENT_RESOURCES;
}

static NTSTATUS consumer(struct ntshim_demo_thread *t)
{
	struct ilist_demo *d = t->ctx;
	ULONG last[DEMO_ILIST_PRODUCERS] = { };
	int me = t->id - DEMO_ILIST_PRODUCERS;
	KIRQL irql;

	for (;;) {
		PLIST_ENTRY entry = ExInterlockedRemoveHeadList(&d->queue,
								&d->queue_lock);
		PDEMO_ITEM item;
		BOOLEAN finished;

		if (!entry) {
			/* Empty: finished once every producer is done. */
			KeAcquireSpinLock(&d->stats_lock, &irql);
			finished = d->producers_done == DEMO_ILIST_PRODUCERS;
			KeReleaseSpinLock(&d->stats_lock, irql);
			if (!finished) {
				usleep_range(10, 20);	/* let them run */
				continue;
			}
			/* Their last inserts came before: look once more. */
			entry = ExInterlockedRemoveHeadList(&d->queue,
							    &d->queue_lock);
			if (!entry)
				return STATUS_SUCCESS;
		}
		item = CONTAINING_RECORD(entry, DEMO_ITEM, ListEntry);
		KeAcquireSpinLock(&d->stats_lock, &irql);
		d->consumed++;
		d->taken[me]++;
		d->checksum += (ULONG64)item->Producer * DEMO_ILIST_ITEMS +
			       item->Sequence;
		if (item->Producer >= DEMO_ILIST_PRODUCERS ||
		    item->Sequence <= last[item->Producer])
			d->out_of_order++;
		else
			last[item->Producer] = item->Sequence;
		KeReleaseSpinLock(&d->stats_lock, irql);
		ExFreePoolWithTag(item, DEMO_ILIST_TAG);
	}
}

static NTSTATUS demo_interlocked_list(struct seq_file *m)
{
	struct ntshim_demo_thread t[DEMO_ILIST_PRODUCERS + DEMO_ILIST_CONSUMERS] = { };
	const ULONG n = DEMO_ILIST_ITEMS;
	ULONG64 expected_sum = 0;
	struct ilist_demo *d;
	ULONG leftover = 0;
	NTSTATUS status;
	PLIST_ENTRY entry;
	int i;

	d = ExAllocatePoolWithTag(NonPagedPool, sizeof(*d), DEMO_ILIST_TAG);
	if (!d)
		return STATUS_INSUFFICIENT_RESOURCES;
	RtlZeroMemory(d, sizeof(*d));
	InitializeListHead(&d->queue);
	KeInitializeSpinLock(&d->queue_lock);
	KeInitializeSpinLock(&d->stats_lock);

	for (i = 0; i < ARRAY_SIZE(t); i++) {
		t[i].fn = i < DEMO_ILIST_PRODUCERS ? producer : consumer;
		t[i].ctx = d;
	}
	DemoPrint(m, "%d producers x %u items, %d consumers (threads 0-%d produce)\n",
		  DEMO_ILIST_PRODUCERS, n, DEMO_ILIST_CONSUMERS,
		  DEMO_ILIST_PRODUCERS - 1);
	status = ntshim_demo_run_threads(m, t, ARRAY_SIZE(t));
	if (!NT_SUCCESS(status))
		goto out;

	for (i = 0; i < ARRAY_SIZE(t); i++) {
		if (!NT_SUCCESS(t[i].ret)) {
			DemoPrint(m, "thread %d: %s\n", i,
				  ntshim_status_name(t[i].ret));
			status = t[i].ret;
		}
	}
	for (i = 0; i < DEMO_ILIST_PRODUCERS; i++) {
		DemoPrint(m, "producer %d on cpu%d queued %u\n", i, t[i].cpu,
			  d->produced[i]);
		/* sum over seq 1..n of (i * n + seq) */
		expected_sum += (ULONG64)i * n * n + (ULONG64)n * (n + 1) / 2;
	}
	for (i = 0; i < DEMO_ILIST_CONSUMERS; i++)
		DemoPrint(m, "consumer %d on cpu%d took %u\n", i,
			  t[DEMO_ILIST_PRODUCERS + i].cpu, d->taken[i]);
	DemoPrint(m, "consumed %u of %u, checksum %llu (expected %llu), %u out of order\n",
		  d->consumed, DEMO_ILIST_TOTAL, d->checksum, expected_sum,
		  d->out_of_order);
	if (NT_SUCCESS(status) &&
	    (d->consumed != DEMO_ILIST_TOTAL || d->checksum != expected_sum ||
	     d->out_of_order))
		status = STATUS_DATA_ERROR;
out:
	/* Whatever a failed run left queued is freed, not leaked. */
	while ((entry = ExInterlockedRemoveHeadList(&d->queue, &d->queue_lock))) {
		ExFreePoolWithTag(CONTAINING_RECORD(entry, DEMO_ITEM, ListEntry),
				  DEMO_ILIST_TAG);
		leftover++;
	}
	if (leftover)
		DemoPrint(m, "%u items were left in the queue\n", leftover);
	ExFreePoolWithTag(d, DEMO_ILIST_TAG);
	return status;
}

const struct ntshim_demo ntshim_demo_interlocked_list = {
	.name = "interlocked_list",
	.description = "producers and consumers across CPUs on ExInterlocked*List",
	.run = demo_interlocked_list,
};
