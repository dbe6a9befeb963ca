// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "queued_spinlock": the contention of the spinlock demo with
 * KeAcquireInStackQueuedSpinLock().  Threads on different CPUs take
 * turns on a shared budget of acquisitions; the demo shows who held the
 * lock in which order (the hand-off from one waiter to the next), each
 * thread's share, and that the shares add up exactly.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

#define DEMO_QUEUED_THREADS 2
#define DEMO_QUEUED_BUDGET 4000
#define DEMO_QUEUED_TRACE 48	/* owners shown in order, from the first hand-off */

struct queued_demo {
	KSPIN_LOCK my_Queue_SpinLock;
	/* all below only under my_Queue_SpinLock */
	ULONG taken;
	int last_owner;
	ULONG handoffs;
	ULONG traced;
	ULONG count[DEMO_QUEUED_THREADS];
	char trace[DEMO_QUEUED_TRACE + 1];
};

static NTSTATUS queued_worker(struct ntshim_demo_thread *t)
{
	struct queued_demo *d = t->ctx;
	KLOCK_QUEUE_HANDLE my_lock_queue_handle;
	BOOLEAN done = FALSE;

	while (!done) {
		KeAcquireInStackQueuedSpinLock(&d->my_Queue_SpinLock,
					       &my_lock_queue_handle);
		if (d->taken == DEMO_QUEUED_BUDGET) {
			done = TRUE;
		} else {
			d->taken++;
			d->count[t->id]++;
			if (d->last_owner != t->id && d->last_owner >= 0)
				d->handoffs++;
			/* Once both compete, record who gets the lock next. */
			if (d->handoffs && d->traced < DEMO_QUEUED_TRACE)
				d->trace[d->traced++] = '0' + t->id;
			d->last_owner = t->id;
		}
		KeReleaseInStackQueuedSpinLock(&my_lock_queue_handle);
	}
	return STATUS_SUCCESS;
}

static NTSTATUS demo_queued_spinlock(struct seq_file *m)
{
	struct ntshim_demo_thread t[DEMO_QUEUED_THREADS] = { };
	struct queued_demo d = { .last_owner = -1 };
	NTSTATUS status;
	ULONG sum = 0;
	int i;

	KeInitializeSpinLock(&d.my_Queue_SpinLock);
	for (i = 0; i < DEMO_QUEUED_THREADS; i++) {
		t[i].fn = queued_worker;
		t[i].ctx = &d;
	}
	DemoPrint(m, "%d threads share %d KeAcquireInStackQueuedSpinLock acquisitions\n",
		  DEMO_QUEUED_THREADS, DEMO_QUEUED_BUDGET);
	status = ntshim_demo_run_threads(m, t, DEMO_QUEUED_THREADS);
	if (!NT_SUCCESS(status))
		return status;

	DemoPrint(m, "owners in order from the first hand-off: %s\n", d.trace);
	DemoPrint(m, "the lock passed to another thread %u times in %u acquisitions\n",
		  d.handoffs, d.taken);
	for (i = 0; i < DEMO_QUEUED_THREADS; i++) {
		DemoPrint(m, "thread %d on cpu%d: %u acquisitions\n", i,
			  t[i].cpu, d.count[i]);
		sum += d.count[i];
	}
	DemoPrint(m, "sum %u (expected %u)\n", sum, DEMO_QUEUED_BUDGET);
	if (sum != DEMO_QUEUED_BUDGET || d.taken != DEMO_QUEUED_BUDGET)
		status = STATUS_DATA_ERROR;
	return status;
}

const struct ntshim_demo ntshim_demo_queued_spinlock = {
	.name = "queued_spinlock",
	.description = "in-stack queued spin lock across CPUs: hand-off order, per-thread counts",
	.run = demo_queued_spinlock,
};
