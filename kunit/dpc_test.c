// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's DPCs (suite ntshim_dpc).
 *
 * DPCs run when Windows runs them: queued below DISPATCH_LEVEL on the
 * current CPU, before KeInsertQueueDpc() returns; queued at
 * DISPATCH_LEVEL, the moment the IRQL drops below it on that CPU.  A DPC
 * stays queued while bottom halves are disabled on the CPU it targets,
 * so the cases look at a DPC "in the queue" without any timing.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/bottom_half.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/irq_work.h>
#include <linux/preempt.h>
#include <linux/string.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

/* What the test routine saw on its last run. */
struct dpc_probe {
	atomic_t runs;
	KIRQL irql;
	bool preemptible;
	int cpu;
	PVOID context;
	PVOID arg1;
	PVOID arg2;
	int requeue;		/* queue itself again this many times */
};

static VOID probe_routine(PKDPC Dpc, PVOID DeferredContext,
			  PVOID SystemArgument1, PVOID SystemArgument2)
{
	struct dpc_probe *p = DeferredContext;

	p->irql = KeGetCurrentIrql();
	p->preemptible = preemptible();
	p->cpu = smp_processor_id();
	p->context = DeferredContext;
	p->arg1 = SystemArgument1;
	p->arg2 = SystemArgument2;
	if (p->requeue > 0) {
		p->requeue--;
		KeInsertQueueDpc(Dpc, SystemArgument1, SystemArgument2);
	}
	atomic_inc(&p->runs);
}

/* A fresh DPC: DpcObject, medium importance, any CPU, not queued. */
static void KeInitializeDpc_test(struct kunit *test)
{
	struct dpc_probe p = {};
	KDPC dpc;

	memset(&dpc, 0xa5, sizeof(dpc));
	KeInitializeDpc(&dpc, probe_routine, &p);
	KUNIT_EXPECT_EQ(test, dpc.Type, DpcObject);
	KUNIT_EXPECT_EQ(test, dpc.Importance, MediumImportance);
	/* Windows' KeInitializeDpc: Number 0, system arguments untouched */
	KUNIT_EXPECT_EQ(test, dpc.Number, 0);
	KUNIT_EXPECT_PTR_EQ(test, dpc.SystemArgument1, (PVOID)(~0UL / 0xff * 0xa5));
	KUNIT_EXPECT_PTR_EQ(test, dpc.SystemArgument2, (PVOID)(~0UL / 0xff * 0xa5));
	KUNIT_EXPECT_TRUE(test, dpc.DeferredRoutine == probe_routine);
	KUNIT_EXPECT_PTR_EQ(test, dpc.DeferredContext, (PVOID)&p);
	KUNIT_EXPECT_FALSE(test, KeRemoveQueueDpc(&dpc));
}

/* Queued once, runs once, with its context and both arguments. */
static void KeInsertQueueDpc_test(struct kunit *test)
{
	struct dpc_probe p = {};
	KDPC dpc;

	KeInitializeDpc(&dpc, probe_routine, &p);
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&dpc, (PVOID)1, (PVOID)2));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
	KUNIT_EXPECT_PTR_EQ(test, p.context, (PVOID)&p);
	KUNIT_EXPECT_PTR_EQ(test, p.arg1, (PVOID)1);
	KUNIT_EXPECT_PTR_EQ(test, p.arg2, (PVOID)2);
}

/* The routine runs at DISPATCH_LEVEL, not preemptible (softirq). */
static void KeInsertQueueDpc_dispatch_level_test(struct kunit *test)
{
	struct dpc_probe p = { .irql = PASSIVE_LEVEL, .preemptible = true };
	KDPC dpc;

	KeInitializeDpc(&dpc, probe_routine, &p);
	KeInsertQueueDpc(&dpc, NULL, NULL);
	KeFlushQueuedDpcs();
	KUNIT_ASSERT_EQ(test, atomic_read(&p.runs), 1);
	KUNIT_EXPECT_EQ(test, p.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, p.preemptible);
}

/*
 * Queued twice before it runs: the second call returns FALSE and keeps
 * the first call's arguments; the routine runs once.
 *
 *   insert(1,2) -> TRUE    [dpc(1,2)]
 *   insert(3,4) -> FALSE   [dpc(1,2)]
 *   run                    routine(1,2)
 */
static void KeInsertQueueDpc_already_queued_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_DPC_MISUSE);
	struct dpc_probe p = {};
	KDPC dpc;

	KeInitializeDpc(&dpc, probe_routine, &p);
	local_bh_disable();
	KeSetTargetProcessorDpc(&dpc, smp_processor_id());
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&dpc, (PVOID)1, (PVOID)2));
	KUNIT_EXPECT_FALSE(test, KeInsertQueueDpc(&dpc, (PVOID)3, (PVOID)4));
	local_bh_enable();
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
	KUNIT_EXPECT_PTR_EQ(test, p.arg1, (PVOID)1);
	KUNIT_EXPECT_PTR_EQ(test, p.arg2, (PVOID)2);
	/* Documented Windows behaviour, not a misuse. */
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 0);
}

/*
 *   insert -> TRUE   [dpc]
 *   remove -> TRUE   []
 *   remove -> FALSE  []      the routine never runs
 */
static void KeRemoveQueueDpc_test(struct kunit *test)
{
	struct dpc_probe p = {};
	KDPC dpc;

	KeInitializeDpc(&dpc, probe_routine, &p);
	local_bh_disable();
	KeSetTargetProcessorDpc(&dpc, smp_processor_id());
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&dpc, NULL, NULL));
	KUNIT_EXPECT_TRUE(test, KeRemoveQueueDpc(&dpc));
	KUNIT_EXPECT_FALSE(test, KeRemoveQueueDpc(&dpc));
	local_bh_enable();
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 0);
	/* Removed DPCs can be queued again. */
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&dpc, NULL, NULL));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
}

/* Not queued: FALSE. */
static void KeRemoveQueueDpc_not_queued_test(struct kunit *test)
{
	struct dpc_probe p = {};
	KDPC dpc;

	KeInitializeDpc(&dpc, probe_routine, &p);
	KUNIT_EXPECT_FALSE(test, KeRemoveQueueDpc(&dpc));
}

#define FLUSH_DPCS_PER_CPU 8

/* Every DPC queued on every CPU before the flush has run after it. */
static void KeFlushQueuedDpcs_test(struct kunit *test)
{
	struct dpc_probe *p;
	KDPC *dpc;
	int cpu, i, n = 0;

	dpc = kunit_kcalloc(test, nr_cpu_ids * FLUSH_DPCS_PER_CPU, sizeof(*dpc),
			    GFP_KERNEL);
	p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, dpc);
	KUNIT_ASSERT_NOT_NULL(test, p);

	for_each_online_cpu(cpu) {
		for (i = 0; i < FLUSH_DPCS_PER_CPU; i++, n++) {
			KeInitializeDpc(&dpc[n], probe_routine, p);
			KeSetTargetProcessorDpc(&dpc[n], cpu);
			KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&dpc[n], NULL, NULL));
		}
	}
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), n);
}

/* A DPC targeted at a CPU runs there, for every online CPU. */
static void KeSetTargetProcessorDpc_test(struct kunit *test)
{
	struct dpc_probe p = {};
	KDPC dpc;
	int cpu;

	KeInitializeDpc(&dpc, probe_routine, &p);
	for_each_online_cpu(cpu) {
		p.cpu = -1;
		KeSetTargetProcessorDpc(&dpc, cpu);
		KUNIT_EXPECT_EQ(test, dpc.Number, MAXIMUM_PROCESSORS + cpu);
		KeInsertQueueDpc(&dpc, NULL, NULL);
		KeFlushQueuedDpcs();
		KUNIT_EXPECT_EQ(test, p.cpu, cpu);
	}
}

/* The Ex form names group 0; other groups and CPUs do not exist. */
static void KeSetTargetProcessorDpcEx_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_DPC_MISUSE);
	PROCESSOR_NUMBER pn = { .Group = 0, .Number = 0 };
	struct dpc_probe p = {};
	KDPC dpc;

	KeInitializeDpc(&dpc, probe_routine, &p);
	KUNIT_EXPECT_EQ(test, KeSetTargetProcessorDpcEx(&dpc, &pn), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, dpc.Number, MAXIMUM_PROCESSORS);
	pn.Group = 1;
	KUNIT_EXPECT_EQ(test, KeSetTargetProcessorDpcEx(&dpc, &pn),
			STATUS_INVALID_PARAMETER);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
}

/* A processor that does not exist is reported and ignored. */
static void KeSetTargetProcessorDpc_bad_cpu_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_DPC_MISUSE);
	struct dpc_probe p = {};
	KDPC dpc;

	if (nr_cpu_ids > 127)
		kunit_skip(test, "every CCHAR names a possible CPU");
	KeInitializeDpc(&dpc, probe_routine, &p);
	KeSetTargetProcessorDpc(&dpc, 127);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
	KUNIT_EXPECT_EQ(test, dpc.Number, 0);
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&dpc, NULL, NULL));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
}

static void KeSetImportanceDpc_test(struct kunit *test)
{
	struct dpc_probe p = {};
	KDPC dpc;

	KeInitializeDpc(&dpc, probe_routine, &p);
	KeSetImportanceDpc(&dpc, HighImportance);
	KUNIT_EXPECT_EQ(test, dpc.Importance, HighImportance);
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&dpc, NULL, NULL));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
}

/* A routine may queue its own DPC again: once per queueing. */
static void KeInsertQueueDpc_from_routine_test(struct kunit *test)
{
	struct dpc_probe p = { .requeue = 3 };
	KDPC dpc;
	int i;

	KeInitializeDpc(&dpc, probe_routine, &p);
	KeInsertQueueDpc(&dpc, NULL, NULL);
	/* At PASSIVE_LEVEL all four have run already; flushing changes nothing. */
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 4);
	for (i = 0; i < 4; i++)
		KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 4);
	KUNIT_EXPECT_EQ(test, p.requeue, 0);
}

/* Never initialised: reported, not queued. */
static void KeInsertQueueDpc_uninitialized_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_DPC_MISUSE);
	KDPC dpc;

	memset(&dpc, 0, sizeof(dpc));
	KUNIT_EXPECT_FALSE(test, KeInsertQueueDpc(&dpc, NULL, NULL));
	KUNIT_EXPECT_FALSE(test, KeInsertQueueDpc(NULL, NULL, NULL));
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 2);
}

/* Flushing needs PASSIVE_LEVEL: at DISPATCH_LEVEL it is reported. */
static void KeFlushQueuedDpcs_dispatch_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_DPC_MISUSE);

	preempt_disable();
	KeFlushQueuedDpcs();
	preempt_enable();
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
}

/* Re-initialising a queued DPC is reported and ignored. */
static void KeInitializeDpc_queued_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_DPC_MISUSE);
	struct dpc_probe p = {}, q = {};
	KDPC dpc;

	KeInitializeDpc(&dpc, probe_routine, &p);
	local_bh_disable();
	KeSetTargetProcessorDpc(&dpc, smp_processor_id());
	KeInsertQueueDpc(&dpc, NULL, NULL);
	KeInitializeDpc(&dpc, probe_routine, &q);
	local_bh_enable();
	KeFlushQueuedDpcs();
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&q.runs), 0);
}

/* The order DPCs ran in, for the ordering cases. */
struct dpc_order {
	int seen[8];
	int n;
	KIRQL irql[8];
};

struct dpc_ordered {
	KDPC dpc;
	struct dpc_order *order;
	int id;
};

static VOID order_routine(PKDPC Dpc, PVOID DeferredContext,
			  PVOID SystemArgument1, PVOID SystemArgument2)
{
	struct dpc_ordered *d = DeferredContext;
	struct dpc_order *o = d->order;

	if (o->n < ARRAY_SIZE(o->seen)) {
		o->irql[o->n] = KeGetCurrentIrql();
		o->seen[o->n++] = d->id;
	}
}

/* Queued at PASSIVE_LEVEL on this CPU: it has run when the call returns. */
static void KeInsertQueueDpc_passive_runs_now_test(struct kunit *test)
{
	struct dpc_probe p = { .irql = PASSIVE_LEVEL, .preemptible = true };
	KDPC dpc;

	KeInitializeDpc(&dpc, probe_routine, &p);
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&dpc, (PVOID)5, NULL));
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
	KUNIT_EXPECT_EQ(test, p.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, p.preemptible);
	KUNIT_EXPECT_PTR_EQ(test, p.arg1, (PVOID)5);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);

	/* targeted at the CPU it is queued on: the same */
	migrate_disable();
	KeSetTargetProcessorDpc(&dpc, smp_processor_id());
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&dpc, NULL, NULL));
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 2);
	migrate_enable();
	/* not queued any more */
	KUNIT_EXPECT_FALSE(test, KeRemoveQueueDpc(&dpc));
}

enum dpc_lower_how { BY_LOWER_IRQL, BY_SPIN_LOCK, BY_QUEUED_LOCK, BY_AT_DPC_LEVEL };

/*
 * Five DPCs queued at DISPATCH_LEVEL, the last one HighImportance: none
 * runs until the IRQL drops, then all have run, the high one first, the
 * rest in queue order, each at DISPATCH_LEVEL:
 *
 *   raise; insert 0 1 2 3, insert 4 (High)   queue [4 0 1 2 3]
 *   lower (or release the lock)               ran 4 0 1 2 3
 */
static void dpc_lower_run(struct kunit *test, enum dpc_lower_how how)
{
	struct dpc_ordered *d = kunit_kcalloc(test, 5, sizeof(*d), GFP_KERNEL);
	struct dpc_order *o = kunit_kzalloc(test, sizeof(*o), GFP_KERNEL);
	static const int expect[] = { 4, 0, 1, 2, 3 };
	KLOCK_QUEUE_HANDLE handle;
	KSPIN_LOCK lock;
	int i, before_lower;
	KIRQL old;

	KUNIT_ASSERT_NOT_NULL(test, d);
	KUNIT_ASSERT_NOT_NULL(test, o);
	KeInitializeSpinLock(&lock);
	for (i = 0; i < 5; i++) {
		d[i].order = o;
		d[i].id = i;
		KeInitializeDpc(&d[i].dpc, order_routine, &d[i]);
	}
	KeSetImportanceDpc(&d[4].dpc, HighImportance);

	switch (how) {
	case BY_LOWER_IRQL:
		KeRaiseIrql(DISPATCH_LEVEL, &old);
		break;
	case BY_SPIN_LOCK:
		KeAcquireSpinLock(&lock, &old);
		__release(&lock.Lock);	/* sparse: released in the next switch */
		break;
	case BY_QUEUED_LOCK:
		KeAcquireInStackQueuedSpinLock(&lock, &handle);
		__release(&lock.Lock);
		break;
	case BY_AT_DPC_LEVEL:
		KeRaiseIrql(DISPATCH_LEVEL, &old);
		KeAcquireSpinLockAtDpcLevel(&lock);
		__release(&lock.Lock);
		break;
	}
	for (i = 0; i < 5; i++)
		KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&d[i].dpc, NULL, NULL));
	/* a second insert while queued: FALSE */
	KUNIT_EXPECT_FALSE(test, KeInsertQueueDpc(&d[0].dpc, NULL, NULL));
	before_lower = o->n;
	switch (how) {
	case BY_LOWER_IRQL:
		KeLowerIrql(old);
		break;
	case BY_SPIN_LOCK:
		__acquire(&lock.Lock);
		KeReleaseSpinLock(&lock, old);
		break;
	case BY_QUEUED_LOCK:
		__acquire(&lock.Lock);
		KeReleaseInStackQueuedSpinLock(&handle);
		break;
	case BY_AT_DPC_LEVEL:
		__acquire(&lock.Lock);
		KeReleaseSpinLock(&lock, old);
		break;
	}
	KUNIT_EXPECT_EQ(test, before_lower, 0);
	KUNIT_ASSERT_EQ(test, o->n, 5);
	for (i = 0; i < 5; i++) {
		KUNIT_EXPECT_EQ(test, o->seen[i], expect[i]);
		KUNIT_EXPECT_EQ(test, o->irql[i], DISPATCH_LEVEL);
	}
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
}

static void KeInsertQueueDpc_lower_irql_test(struct kunit *test)
{
	dpc_lower_run(test, BY_LOWER_IRQL);
}

static void KeInsertQueueDpc_release_spin_lock_test(struct kunit *test)
{
	dpc_lower_run(test, BY_SPIN_LOCK);
}

static void KeInsertQueueDpc_release_queued_lock_test(struct kunit *test)
{
	dpc_lower_run(test, BY_QUEUED_LOCK);
}

static void KeInsertQueueDpc_release_at_dpc_level_test(struct kunit *test)
{
	dpc_lower_run(test, BY_AT_DPC_LEVEL);
}

/* Nested locks: releasing the inner one stays at DISPATCH_LEVEL. */
static void KeInsertQueueDpc_nested_release_test(struct kunit *test)
{
	struct dpc_probe p = {};
	KSPIN_LOCK a, b;
	KIRQL old_a, old_b;
	int inner;
	KDPC dpc;

	KeInitializeSpinLock(&a);
	KeInitializeSpinLock(&b);
	KeInitializeDpc(&dpc, probe_routine, &p);
	KeAcquireSpinLock(&a, &old_a);
	KeAcquireSpinLock(&b, &old_b);
	KeInsertQueueDpc(&dpc, NULL, NULL);
	KeReleaseSpinLock(&b, old_b);
	inner = atomic_read(&p.runs);
	KeReleaseSpinLock(&a, old_a);
	KUNIT_EXPECT_EQ(test, inner, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
	KUNIT_EXPECT_EQ(test, p.irql, DISPATCH_LEVEL);
}

/*
 * KeRemoveQueueDpc answers TRUE only while the DPC is still queued:
 *
 *   raise; insert -> TRUE; remove -> TRUE; remove -> FALSE; lower: not run
 *   raise; insert -> TRUE; lower: ran; remove -> FALSE
 */
static void KeRemoveQueueDpc_dispatch_test(struct kunit *test)
{
	struct dpc_probe p = {};
	KIRQL old;
	KDPC dpc;

	KeInitializeDpc(&dpc, probe_routine, &p);
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&dpc, NULL, NULL));
	KUNIT_EXPECT_TRUE(test, KeRemoveQueueDpc(&dpc));
	KUNIT_EXPECT_FALSE(test, KeRemoveQueueDpc(&dpc));
	KeLowerIrql(old);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 0);

	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&dpc, NULL, NULL));
	KeLowerIrql(old);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
	KUNIT_EXPECT_FALSE(test, KeRemoveQueueDpc(&dpc));
}

/* Queued from a hard interrupt: deferred, runs in softirq context. */
static struct dpc_probe irq_probe;
static KDPC irq_dpc;
static BOOLEAN irq_inserted;

static void dpc_irq_work_fn(struct irq_work *work)
{
	irq_inserted = KeInsertQueueDpc(&irq_dpc, NULL, NULL);
}

static void KeInsertQueueDpc_hardirq_test(struct kunit *test)
{
	struct irq_work work = IRQ_WORK_INIT_HARD(dpc_irq_work_fn);

	memset(&irq_probe, 0, sizeof(irq_probe));
	KeInitializeDpc(&irq_dpc, probe_routine, &irq_probe);
	irq_work_queue(&work);
	irq_work_sync(&work);
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_TRUE(test, irq_inserted);
	KUNIT_EXPECT_EQ(test, atomic_read(&irq_probe.runs), 1);
	KUNIT_EXPECT_EQ(test, irq_probe.irql, DISPATCH_LEVEL);
}

static struct kunit_case dpc_test_cases[] = {
	KUNIT_CASE(KeInitializeDpc_test),
	KUNIT_CASE(KeInsertQueueDpc_test),
	KUNIT_CASE(KeInsertQueueDpc_dispatch_level_test),
	KUNIT_CASE(KeInsertQueueDpc_already_queued_test),
	KUNIT_CASE(KeRemoveQueueDpc_test),
	KUNIT_CASE(KeRemoveQueueDpc_not_queued_test),
	KUNIT_CASE(KeFlushQueuedDpcs_test),
	KUNIT_CASE(KeSetTargetProcessorDpc_test),
	KUNIT_CASE(KeSetTargetProcessorDpcEx_test),
	KUNIT_CASE(KeSetTargetProcessorDpc_bad_cpu_test),
	KUNIT_CASE(KeSetImportanceDpc_test),
	KUNIT_CASE(KeInsertQueueDpc_from_routine_test),
	KUNIT_CASE(KeInsertQueueDpc_uninitialized_test),
	KUNIT_CASE(KeFlushQueuedDpcs_dispatch_test),
	KUNIT_CASE(KeInitializeDpc_queued_test),
	KUNIT_CASE(KeInsertQueueDpc_passive_runs_now_test),
	KUNIT_CASE(KeInsertQueueDpc_lower_irql_test),
	KUNIT_CASE(KeInsertQueueDpc_release_spin_lock_test),
	KUNIT_CASE(KeInsertQueueDpc_release_queued_lock_test),
	KUNIT_CASE(KeInsertQueueDpc_release_at_dpc_level_test),
	KUNIT_CASE(KeInsertQueueDpc_nested_release_test),
	KUNIT_CASE(KeRemoveQueueDpc_dispatch_test),
	KUNIT_CASE(KeInsertQueueDpc_hardirq_test),
	{}
};

static struct kunit_suite dpc_test_suite = {
	.name = "ntshim_dpc",
	.init = ntshim_live_case_init,
	.exit = ntshim_live_case_exit,
	.test_cases = dpc_test_cases,
};

kunit_test_suite(dpc_test_suite);
