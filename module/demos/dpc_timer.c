// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "dpc_timer": the classic timer-DPC-work-item chain.  A periodic
 * KTIMER queues a DPC every 2 ms; the DPC (DISPATCH_LEVEL, must not sleep)
 * allocates a numbered entry from non-paged pool, queues it with
 * ExInterlockedInsertTailList() and queues an IO_WORKITEM, at most once at
 * a time thanks to an interlocked flag; the work item (PASSIVE_LEVEL)
 * drains the queue with ExInterlockedRemoveHeadList(), checks that the
 * numbers come in order and frees the entries.  After DEMO_DPC_ITEMS
 * entries the timer is cancelled, the DPC removed and flushed, the work
 * item waited for and freed, and whatever is left drained.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

#define DEMO_DPC_TAG NTSHIM_TAG('D', 'm', 'D', 'p')
#define DEMO_DPC_ITEMS 30
#define DEMO_DPC_PERIOD_MS 2
#define DEMO_DPC_DUE (-10000LL)		/* 1 ms from now, 100 ns units */
#define DEMO_DPC_PRODUCE_WAIT (-10000000LL)	/* 1 s, relative */

/* WorkQueued: no run of the work item is queued or running ... */
#define WORK_IDLE 0
/* ... one is (set by the DPC, cleared by the run as its last act) ... */
#define WORK_BUSY 1
/* ... or the demo is stopping and none will be queued again. */
#define WORK_CLOSED 2

typedef struct _DEMO_DPC_ENTRY {
	LIST_ENTRY ListEntry;
	ULONG Sequence;		/* 1 .. DEMO_DPC_ITEMS */
} DEMO_DPC_ENTRY, *PDEMO_DPC_ENTRY;

struct dpc_demo {
	KTIMER Timer;
	KDPC Dpc;
	DEVICE_OBJECT Device;	/* the work item's stand-in device */
	PIO_WORKITEM WorkItem;
	KEVENT AllProduced;	/* set by the DPC that made the last entry */
	LIST_ENTRY Queue;
	KSPIN_LOCK QueueLock;
	LONG WorkQueued;	/* WORK_IDLE, WORK_BUSY or WORK_CLOSED */
	/* written by the DPC */
	LONG Ticks;
	LONG Produced;
	LONG AllocFailures;
	LONG DpcBadIrql;
	KIRQL DpcIrql;
	/* written by the work item, then (once it is done) by the demo */
	ULONG WorkRuns;
	ULONG WorkBadIrql;
	ULONG WorkBadDevice;
	KIRQL WorkIrql;
	ULONG ConsumedByWork;
	ULONG ConsumedAtStop;
	ULONG LastSequence;
	ULONG OutOfOrder;
};

/* Takes every queued entry, checks its number is the next one, frees it. */
static void demo_dpc_drain(struct dpc_demo *d, ULONG *consumed)
{
	PLIST_ENTRY entry;

	while ((entry = ExInterlockedRemoveHeadList(&d->Queue,
						    &d->QueueLock))) {
		PDEMO_DPC_ENTRY item = CONTAINING_RECORD(entry, DEMO_DPC_ENTRY,
							 ListEntry);

		if (item->Sequence <= d->LastSequence)
			d->OutOfOrder++;
		d->LastSequence = item->Sequence;
		(*consumed)++;
		ExFreePoolWithTag(item, DEMO_DPC_TAG);
	}
}

static VOID demo_dpc_work(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
	struct dpc_demo *d = Context;

	d->WorkIrql = KeGetCurrentIrql();
	if (d->WorkIrql != PASSIVE_LEVEL)
		d->WorkBadIrql++;
	if (DeviceObject != &d->Device)
		d->WorkBadDevice++;
	d->WorkRuns++;
	demo_dpc_drain(d, &d->ConsumedByWork);
	/*
	 * The last touch of *d: once the demo sees WORK_IDLE it may free
	 * everything.  An entry queued since the drain waits for the next
	 * run or the final drain.
	 */
	InterlockedExchange(&d->WorkQueued, WORK_IDLE);
}

static VOID demo_dpc_routine(PKDPC Dpc, PVOID DeferredContext,
			     PVOID SystemArgument1, PVOID SystemArgument2)
{
	struct dpc_demo *d = DeferredContext;
	PDEMO_DPC_ENTRY item;
	LONG tick;

	d->DpcIrql = KeGetCurrentIrql();
	if (d->DpcIrql != DISPATCH_LEVEL)
		InterlockedIncrement(&d->DpcBadIrql);

	/* Ticks after the last entry, until the timer is cancelled, do nothing. */
	tick = InterlockedIncrement(&d->Ticks);
	if (tick > DEMO_DPC_ITEMS)
		return;

	item = ExAllocatePoolWithTag(NonPagedPool, sizeof(*item), DEMO_DPC_TAG);
	if (item) {
		item->Sequence = tick;
		ExInterlockedInsertTailList(&d->Queue, &item->ListEntry,
					    &d->QueueLock);
		InterlockedIncrement(&d->Produced);
		/* Only the DPC that takes the flag queues the work item. */
		if (InterlockedCompareExchange(&d->WorkQueued, WORK_BUSY,
					       WORK_IDLE) == WORK_IDLE)
			IoQueueWorkItem(d->WorkItem, demo_dpc_work,
					DelayedWorkQueue, d);
	} else {
		InterlockedIncrement(&d->AllocFailures);
	}
	if (tick == DEMO_DPC_ITEMS)
		KeSetEvent(&d->AllProduced, IO_NO_INCREMENT, FALSE);
}

/* Waits until no run of the work item is queued or running, and closes it. */
static void demo_dpc_wait_work(struct dpc_demo *d)
{
	LARGE_INTEGER interval;

	interval.QuadPart = -10000LL;	/* 1 ms */
	while (InterlockedCompareExchange(&d->WorkQueued, WORK_CLOSED,
					  WORK_IDLE) != WORK_IDLE)
		KeDelayExecutionThread(KernelMode, FALSE, &interval);
}

static NTSTATUS demo_dpc_timer(struct seq_file *m)
{
	BOOLEAN was_set, was_queued;
	LARGE_INTEGER due, timeout;
	ULONGLONG start, elapsed;
	struct dpc_demo *d;
	NTSTATUS status;
	ULONG consumed;

	d = ExAllocatePoolWithTag(NonPagedPool, sizeof(*d), DEMO_DPC_TAG);
	if (!d)
		return STATUS_INSUFFICIENT_RESOURCES;
	RtlZeroMemory(d, sizeof(*d));
	d->Device.Type = 3;	/* IO_TYPE_DEVICE */
	d->Device.Size = sizeof(d->Device);
	d->WorkItem = IoAllocateWorkItem(&d->Device);
	if (!d->WorkItem) {
		ExFreePoolWithTag(d, DEMO_DPC_TAG);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	InitializeListHead(&d->Queue);
	KeInitializeSpinLock(&d->QueueLock);
	KeInitializeEvent(&d->AllProduced, NotificationEvent, FALSE);
	KeInitializeDpc(&d->Dpc, demo_dpc_routine, d);
	KeInitializeTimer(&d->Timer);

	DemoPrint(m, "KeSetTimerEx: due in 1 ms, then every %d ms, %d entries\n",
		  DEMO_DPC_PERIOD_MS, DEMO_DPC_ITEMS);
	due.QuadPart = DEMO_DPC_DUE;
	start = KeQueryInterruptTime();
	KeSetTimerEx(&d->Timer, due, DEMO_DPC_PERIOD_MS, &d->Dpc);

	timeout.QuadPart = DEMO_DPC_PRODUCE_WAIT;
	status = KeWaitForSingleObject(&d->AllProduced, Executive, KernelMode,
				       FALSE, &timeout);
	elapsed = KeQueryInterruptTime() - start;
	if (status != STATUS_SUCCESS)
		DemoPrint(m, "waiting for %d entries: %s\n", DEMO_DPC_ITEMS,
			  ntshim_status_name(status));
	else
		DemoPrint(m, "the DPC made entry %d after about %llu ms\n",
			  DEMO_DPC_ITEMS, elapsed / 10000);

	/* Stop the chain from its start: timer, then DPC, then work item. */
	/* DemoPrint() evaluates its arguments twice: call each once. */
	was_set = KeCancelTimer(&d->Timer);
	DemoPrint(m, "KeCancelTimer: %s\n", was_set ? "TRUE (was set)" : "FALSE");
	was_queued = KeRemoveQueueDpc(&d->Dpc);
	DemoPrint(m, "KeRemoveQueueDpc: %s\n",
		  was_queued ? "TRUE (a tick was queued)" : "FALSE");
	KeFlushQueuedDpcs();
	demo_dpc_wait_work(d);
	demo_dpc_drain(d, &d->ConsumedAtStop);
	IoFreeWorkItem(d->WorkItem);

	consumed = d->ConsumedByWork + d->ConsumedAtStop;
	DemoPrint(m, "produced %d, consumed %u: %u by %u work item runs, %u at stop\n",
		  d->Produced, consumed, d->ConsumedByWork, d->WorkRuns,
		  d->ConsumedAtStop);
	DemoPrint(m, "sequence numbers out of order: %u\n", d->OutOfOrder);
	DemoPrint(m, "IRQL in the DPC: %u, in the work item: %u\n",
		  d->DpcIrql, d->WorkIrql);
	if (d->AllocFailures)
		DemoPrint(m, "%d allocations failed in the DPC\n",
			  d->AllocFailures);
	if (d->DpcBadIrql || d->WorkBadIrql || d->WorkBadDevice)
		DemoPrint(m, "wrong IRQL: %d DPC runs, %u work item runs; wrong device: %u\n",
			  d->DpcBadIrql, d->WorkBadIrql, d->WorkBadDevice);

	/* STATUS_TIMEOUT is a success code: only STATUS_SUCCESS goes on. */
	if (status == STATUS_SUCCESS && d->AllocFailures)
		status = STATUS_INSUFFICIENT_RESOURCES;
	if (status == STATUS_SUCCESS &&
	    (d->Produced != DEMO_DPC_ITEMS || consumed != DEMO_DPC_ITEMS ||
	     d->OutOfOrder || !d->WorkRuns || d->DpcIrql != DISPATCH_LEVEL ||
	     d->WorkIrql != PASSIVE_LEVEL || d->DpcBadIrql ||
	     d->WorkBadIrql || d->WorkBadDevice))
		status = STATUS_DATA_ERROR;
	ExFreePoolWithTag(d, DEMO_DPC_TAG);
	return status;
}

const struct ntshim_demo ntshim_demo_dpc_timer = {
	.name = "dpc_timer",
	.description = "a periodic KTIMER's DPC feeds a list that an IO_WORKITEM drains",
	.run = demo_dpc_timer,
};
