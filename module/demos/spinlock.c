// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "spinlock": threads bound to different CPUs each add to one shared
 * counter under KeAcquireSpinLock(), with a plain read-modify-write that
 * only the lock makes safe.  The final count is exact, and each thread
 * reports the IRQL it saw outside the lock (PASSIVE_LEVEL) and inside it
 * (DISPATCH_LEVEL).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

#define DEMO_SPIN_THREADS 2
#define DEMO_SPIN_ITERATIONS 2000

struct spin_demo {
	KSPIN_LOCK my_spin_lock;
	ULONG counter;			/* only under my_spin_lock */
	int last_owner;			/* only under my_spin_lock */
	ULONG handoffs;			/* only under my_spin_lock */
	KIRQL outside[DEMO_SPIN_THREADS];
	KIRQL inside[DEMO_SPIN_THREADS];
};

static NTSTATUS spin_worker(struct ntshim_demo_thread *t)
{
	struct spin_demo *d = t->ctx;
	KIRQL Irql, inside = PASSIVE_LEVEL;
	ULONG i;

	d->outside[t->id] = KeGetCurrentIrql();
	for (i = 0; i < DEMO_SPIN_ITERATIONS; i++) {
		KeAcquireSpinLock(&d->my_spin_lock, &Irql);
		inside = max_t(KIRQL, inside, KeGetCurrentIrql());
		/* Deliberately not atomic: the lock is what makes it right. */
		d->counter = READ_ONCE(d->counter) + 1;
		if (d->last_owner != t->id)
			d->handoffs++;
		d->last_owner = t->id;
		KeReleaseSpinLock(&d->my_spin_lock, Irql);
	}
	d->inside[t->id] = inside;
	return STATUS_SUCCESS;
}

static NTSTATUS demo_spinlock(struct seq_file *m)
{
	struct ntshim_demo_thread t[DEMO_SPIN_THREADS] = { };
	struct spin_demo d = { .last_owner = -1 };
	const ULONG expected = DEMO_SPIN_THREADS * DEMO_SPIN_ITERATIONS;
	NTSTATUS status;
	int i;

	KeInitializeSpinLock(&d.my_spin_lock);
	for (i = 0; i < DEMO_SPIN_THREADS; i++) {
		t[i].fn = spin_worker;
		t[i].ctx = &d;
	}
	DemoPrint(m, "%d threads x %d KeAcquireSpinLock/KeReleaseSpinLock rounds on one counter\n",
		  DEMO_SPIN_THREADS, DEMO_SPIN_ITERATIONS);
	status = ntshim_demo_run_threads(m, t, DEMO_SPIN_THREADS);
	if (!NT_SUCCESS(status))
		return status;

	for (i = 0; i < DEMO_SPIN_THREADS; i++) {
		DemoPrint(m, "thread %d on cpu%d: IRQL %u outside the lock, %u inside\n",
			  i, t[i].cpu, d.outside[i], d.inside[i]);
		if (d.outside[i] != PASSIVE_LEVEL || d.inside[i] != DISPATCH_LEVEL)
			status = STATUS_DATA_ERROR;
	}
	DemoPrint(m, "final count %u (expected %u), the lock changed hands %u times\n",
		  d.counter, expected, d.handoffs);
	if (d.counter != expected)
		status = STATUS_DATA_ERROR;
	return status;
}

const struct ntshim_demo ntshim_demo_spinlock = {
	.name = "spinlock",
	.description = "KeAcquireSpinLock across CPUs: exact count, IRQL inside and outside",
	.run = demo_spinlock,
};
