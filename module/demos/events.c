// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "events": a producer/consumer handshake on KEVENTs.  The producer
 * fills a one-item slot, signals the SynchronizationEvent DataReady and
 * waits for the consumer's Ack before the next item.  The consumer loops
 * on KeWaitForMultipleObjects(WaitAny) over DataReady and the
 * NotificationEvent Stop with a 10 ms timeout: STATUS_WAIT_0 consumes an
 * item, STATUS_WAIT_0 + 1 ends the loop, STATUS_TIMEOUT is an idle round.
 * Consumed items go into a small table guarded by an ERESOURCE: the
 * consumer writes it exclusive, the producer checks it shared after every
 * Ack.  Every item is accounted for (count, sum and each sequence number
 * exactly once).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

#define DEMO_EVENTS_TAG NTSHIM_TAG('D', 'm', 'E', 'v')
#define DEMO_EVENTS_ITEMS 20
#define DEMO_EVENTS_BUCKETS 4		/* table rows: sequence % 4 */
#define DEMO_EVENTS_PAUSE_EVERY 5	/* the producer pauses before these */
#define DEMO_EVENTS_MAX_IDLE 100	/* 100 x 10 ms idle: give up */

/* 100 ns units, negative: relative */
#define DEMO_EVENTS_POLL (-10 * 10000LL)	/* 10 ms */
#define DEMO_EVENTS_PAUSE (-20 * 10000LL)	/* 20 ms */
#define DEMO_EVENTS_ACK_WAIT (-1000 * 10000LL)	/* 1 s */

typedef struct _DEMO_EVENTS_ROW {
	ULONG Items;
	ULONG64 Sum;
	ULONG LastSequence;
} DEMO_EVENTS_ROW;

struct events_demo {
	KEVENT DataReady;	/* SynchronizationEvent: one item in the slot */
	KEVENT Ack;		/* SynchronizationEvent: the slot is free */
	KEVENT Stop;		/* NotificationEvent: no more items */
	/* the slot: written by the producer before DataReady */
	ULONG SlotSequence;
	ULONG SlotValue;
	/* the table, under Table */
	ERESOURCE Table;
	DEMO_EVENTS_ROW Rows[DEMO_EVENTS_BUCKETS];
	ULONG Consumed;
	ULONG Seen;		/* bit (sequence - 1) per consumed item */
	ULONG Duplicates;
	/* the consumer's wait statuses */
	ULONG Wait0;
	ULONG Wait1;
	ULONG Timeouts;
	ULONG Other;
	/* the producer's shared reads that matched its count */
	ULONG ReaderChecks;
	ULONG ReaderMismatches;
};

static ULONG item_value(ULONG seq)
{
	return seq * seq;
}

static NTSTATUS producer(struct ntshim_demo_thread *t)
{
	struct events_demo *d = t->ctx;
	LARGE_INTEGER pause = { .QuadPart = DEMO_EVENTS_PAUSE };
	LARGE_INTEGER ack_wait = { .QuadPart = DEMO_EVENTS_ACK_WAIT };
	NTSTATUS status = STATUS_SUCCESS;
	ULONG seq, consumed;

	for (seq = 1; seq <= DEMO_EVENTS_ITEMS; seq++) {
		/* Now and then the consumer finds nothing for a while. */
		if (seq % DEMO_EVENTS_PAUSE_EVERY == 0)
			KeDelayExecutionThread(KernelMode, FALSE, &pause);

		d->SlotSequence = seq;
		d->SlotValue = item_value(seq);
		KeSetEvent(&d->DataReady, IO_NO_INCREMENT, FALSE);

		status = KeWaitForSingleObject(&d->Ack, Executive, KernelMode,
					       FALSE, &ack_wait);
		if (status != STATUS_SUCCESS) {
			KdPrint(("ntshim demo: item %u not acknowledged: %s\n",
				 seq, ntshim_status_name(status)));
			if (NT_SUCCESS(status))	/* STATUS_TIMEOUT */
				status = STATUS_IO_TIMEOUT;
			break;
		}

		/* A reader: the table holds every item acknowledged so far. */
		KeEnterCriticalRegion();
		ExAcquireResourceSharedLite(&d->Table, TRUE);
		consumed = d->Consumed;
		ExReleaseResourceLite(&d->Table);
		KeLeaveCriticalRegion();
		if (consumed == seq)
			d->ReaderChecks++;
		else
			d->ReaderMismatches++;
	}
	/* Always, even after a failure: the consumer must not wait on. */
	KeSetEvent(&d->Stop, IO_NO_INCREMENT, FALSE);
	return status;
}

static void consume(struct events_demo *d)
{
	ULONG seq = d->SlotSequence;
	ULONG value = d->SlotValue;
	DEMO_EVENTS_ROW *row = &d->Rows[seq % DEMO_EVENTS_BUCKETS];

	/* A writer. */
	KeEnterCriticalRegion();
	ExAcquireResourceExclusiveLite(&d->Table, TRUE);
	if (seq < 1 || seq > DEMO_EVENTS_ITEMS ||
	    (d->Seen & BIT(seq - 1))) {
		d->Duplicates++;
	} else {
		d->Seen |= BIT(seq - 1);
		row->Items++;
		row->Sum += value;
		row->LastSequence = seq;
		d->Consumed++;
	}
	ExReleaseResourceLite(&d->Table);
	KeLeaveCriticalRegion();

	KeSetEvent(&d->Ack, IO_NO_INCREMENT, FALSE);
}

static NTSTATUS consumer(struct ntshim_demo_thread *t)
{
	struct events_demo *d = t->ctx;
	PVOID objects[2] = { &d->DataReady, &d->Stop };
	KWAIT_BLOCK WaitBlocks[2];
	LARGE_INTEGER timeout = { .QuadPart = DEMO_EVENTS_POLL };
	NTSTATUS status;

	for (;;) {
		status = KeWaitForMultipleObjects(2, objects, WaitAny,
						  Executive, KernelMode, FALSE,
						  &timeout, WaitBlocks);
		if (status == STATUS_WAIT_0) {
			d->Wait0++;
			consume(d);
		} else if (status == STATUS_WAIT_0 + 1) {
			d->Wait1++;
			return STATUS_SUCCESS;
		} else if (status == STATUS_TIMEOUT) {
			/* Idle; bounded in case the producer never stops. */
			if (++d->Timeouts >= DEMO_EVENTS_MAX_IDLE)
				return STATUS_IO_TIMEOUT;
		} else {
			d->Other++;
			return NT_SUCCESS(status) ? STATUS_UNSUCCESSFUL : status;
		}
	}
}

static NTSTATUS demo_events(struct seq_file *m)
{
	struct ntshim_demo_thread t[2] = { };
	struct events_demo *d;
	ULONG64 expected_sum = 0, sum = 0;
	ULONG items = 0, seq;
	NTSTATUS status, deleted;
	int i;

	d = ExAllocatePoolWithTag(NonPagedPool, sizeof(*d), DEMO_EVENTS_TAG);
	if (!d)
		return STATUS_INSUFFICIENT_RESOURCES;
	RtlZeroMemory(d, sizeof(*d));
	KeInitializeEvent(&d->DataReady, SynchronizationEvent, FALSE);
	KeInitializeEvent(&d->Ack, SynchronizationEvent, FALSE);
	KeInitializeEvent(&d->Stop, NotificationEvent, FALSE);
	status = ExInitializeResourceLite(&d->Table);
	if (!NT_SUCCESS(status)) {
		ExFreePoolWithTag(d, DEMO_EVENTS_TAG);
		return status;
	}

	t[0].fn = producer;
	t[1].fn = consumer;
	t[0].ctx = d;
	t[1].ctx = d;
	DemoPrint(m, "%d items through a one-item slot, thread 0 produces, thread 1 consumes\n",
		  DEMO_EVENTS_ITEMS);
	DemoPrint(m, "DataReady, Ack: SynchronizationEvent; Stop: NotificationEvent\n");
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
	DemoPrint(m, "consumer waits: STATUS_WAIT_0 (DataReady) %u, STATUS_WAIT_1 (Stop) %u\n",
		  d->Wait0, d->Wait1);
	DemoPrint(m, "consumer waits: STATUS_TIMEOUT (10 ms idle) %u, other %u\n",
		  d->Timeouts, d->Other);
	DemoPrint(m, "producer: %u shared reads of the table matched its count, %u did not\n",
		  d->ReaderChecks, d->ReaderMismatches);

	/* The table, read shared as any reader would. */
	KeEnterCriticalRegion();
	ExAcquireResourceSharedLite(&d->Table, TRUE);
	DemoPrint(m, "table (sequence %% %d): row items sum last\n",
		  DEMO_EVENTS_BUCKETS);
	for (i = 0; i < DEMO_EVENTS_BUCKETS; i++) {
		DemoPrint(m, "  %d %5u %6llu %4u\n", i, d->Rows[i].Items,
			  d->Rows[i].Sum, d->Rows[i].LastSequence);
		items += d->Rows[i].Items;
		sum += d->Rows[i].Sum;
	}
	ExReleaseResourceLite(&d->Table);
	KeLeaveCriticalRegion();

	for (seq = 1; seq <= DEMO_EVENTS_ITEMS; seq++)
		expected_sum += item_value(seq);
	DemoPrint(m, "consumed %u of %d, sum %llu (expected %llu)\n",
		  items, DEMO_EVENTS_ITEMS, sum, expected_sum);
	DemoPrint(m, "every sequence number seen: %s, %u duplicates\n",
		  d->Seen == GENMASK(DEMO_EVENTS_ITEMS - 1, 0) ? "yes" : "no",
		  d->Duplicates);
	if (NT_SUCCESS(status) &&
	    (items != DEMO_EVENTS_ITEMS || d->Consumed != DEMO_EVENTS_ITEMS ||
	     sum != expected_sum || d->Duplicates ||
	     d->Seen != GENMASK(DEMO_EVENTS_ITEMS - 1, 0) ||
	     d->Wait0 != DEMO_EVENTS_ITEMS || d->Wait1 != 1 || d->Other ||
	     d->ReaderChecks != DEMO_EVENTS_ITEMS || d->ReaderMismatches))
		status = STATUS_DATA_ERROR;
out:
	deleted = ExDeleteResourceLite(&d->Table);
	if (!NT_SUCCESS(deleted)) {
		/* Still held: keeping the memory is safer than freeing it. */
		DemoPrint(m, "ExDeleteResourceLite: %s\n",
			  ntshim_status_name(deleted));
		return deleted;
	}
	ExFreePoolWithTag(d, DEMO_EVENTS_TAG);
	return status;
}

const struct ntshim_demo ntshim_demo_events = {
	.name = "events",
	.description = "KEVENT producer/consumer handshake, ERESOURCE table",
	.run = demo_events,
};
