// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's DPCs (suite ntshim_dpc).
 *
 * A DPC stays queued while bottom halves are disabled on the CPU it
 * targets: its BH work (or, before 6.9, its bound kworker) cannot run
 * there until local_bh_enable().  The cases use that to look at a DPC
 * "in the queue" without any timing.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/bottom_half.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
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
	KUNIT_EXPECT_EQ(test, dpc.Number, NTSHIM_DPC_ANY_CPU);
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
		KUNIT_EXPECT_EQ(test, dpc.Number, cpu);
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
	KUNIT_EXPECT_EQ(test, dpc.Number, 0);
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
	KUNIT_EXPECT_EQ(test, dpc.Number, NTSHIM_DPC_ANY_CPU);
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
	/* Each flush waits for the DPCs queued before it. */
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
	{}
};

static struct kunit_suite dpc_test_suite = {
	.name = "ntshim_dpc",
	.test_cases = dpc_test_cases,
};

kunit_test_suite(dpc_test_suite);
