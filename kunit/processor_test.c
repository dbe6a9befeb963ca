// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for processor numbers, counts and thread affinity, against
 * Microsoft's documentation: KeSetSystemAffinityThreadEx() returns 0 when
 * the thread had no system affinity and the previous one otherwise, the
 * thread runs inside the new mask when the call returns, reverting with
 * 0 restores the user affinity, and invalid masks change nothing.
 */
#include <linux/bitops.h>
#include "tier_kunit.h"

static void processor_number_test(struct kunit *test)
{
	PROCESSOR_NUMBER pn = { .Reserved = 7 };
	ULONG n, idx;

	preempt_disable();
	n = KeGetCurrentProcessorNumberEx(&pn);
	idx = KeGetCurrentProcessorIndex();
	KUNIT_EXPECT_EQ(test, n, (ULONG)smp_processor_id());
	preempt_enable();
	KUNIT_EXPECT_EQ(test, idx, n);
	KUNIT_EXPECT_EQ(test, pn.Group, 0);
	KUNIT_EXPECT_EQ(test, (ULONG)pn.Number, n);
	KUNIT_EXPECT_EQ(test, pn.Reserved, 0);
	KUNIT_EXPECT_EQ(test, KeGetProcessorIndexFromNumber(&pn), n);
}

static void processor_counts_test(struct kunit *test)
{
	KAFFINITY active = 0;
	ULONG count = KeQueryActiveProcessorCount(&active);

	KUNIT_EXPECT_EQ(test, count, num_online_cpus());
	KUNIT_EXPECT_EQ(test, (ULONG)hweight_long(active), count);
	KUNIT_EXPECT_EQ(test, KeQueryActiveProcessors(), active);
	KUNIT_EXPECT_EQ(test, KeQueryActiveProcessorCountEx(0), count);
	KUNIT_EXPECT_EQ(test, KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS), count);
	KUNIT_EXPECT_EQ(test, KeQueryActiveProcessorCountEx(1), 0U);
	KUNIT_EXPECT_GE(test, KeQueryMaximumProcessorCount(), count);
	KUNIT_EXPECT_EQ(test, KeQueryMaximumProcessorCountEx(ALL_PROCESSOR_GROUPS),
			KeQueryMaximumProcessorCount());
	KUNIT_EXPECT_EQ(test, KeQueryMaximumProcessorCountEx(2), 0U);
	KUNIT_EXPECT_EQ(test, KeQueryActiveGroupCount(), 1);
	KUNIT_EXPECT_EQ(test, KeQueryMaximumGroupCount(), 1);
}

static void processor_index_number_test(struct kunit *test)
{
	PROCESSOR_NUMBER pn = { .Group = 9, .Number = 9, .Reserved = 9 };
	ULONG max = KeQueryMaximumProcessorCount();

	KUNIT_EXPECT_EQ(test, KeGetProcessorNumberFromIndex(max - 1, &pn), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, pn.Group, 0);
	KUNIT_EXPECT_EQ(test, (ULONG)pn.Number, max - 1);
	KUNIT_EXPECT_EQ(test, KeGetProcessorIndexFromNumber(&pn), max - 1);

	pn.Number = 3;
	KUNIT_EXPECT_EQ(test, KeGetProcessorNumberFromIndex(max, &pn),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, pn.Number, 3);
	pn.Group = 1;
	pn.Number = 0;
	KUNIT_EXPECT_EQ(test, KeGetProcessorIndexFromNumber(&pn), INVALID_PROCESSOR_INDEX);
}

struct affinity_result {
	KAFFINITY first, second, third;
	int cpu_first, cpu_second, cpu_reverted;
	bool user_restored, unchanged_invalid, unchanged_no_set;
};

/* Runs in an unbound kthread: set, nest, revert, revert to user. */
static void affinity_steps(struct tier_call *c)
{
	struct affinity_result *res = c->obj;
	unsigned int a = cpumask_first(cpu_online_mask);
	unsigned int b = cpumask_last(cpu_online_mask);
	cpumask_var_t user;

	if (!alloc_cpumask_var(&user, GFP_KERNEL))
		return;
	cpumask_copy(user, current->cpus_ptr);

	/* without a system affinity, a revert changes nothing */
	KeRevertToUserAffinityThreadEx(1UL << a);
	res->unchanged_no_set = cpumask_equal(user, current->cpus_ptr);

	res->first = KeSetSystemAffinityThreadEx(1UL << b);
	res->cpu_first = raw_smp_processor_id();
	res->second = KeSetSystemAffinityThreadEx(1UL << a);
	res->cpu_second = raw_smp_processor_id();
	/* invalid: no active processor named, or one that cannot exist */
	res->third = KeSetSystemAffinityThreadEx(0);
	if (nr_cpu_ids < BITS_PER_LONG)
		KeSetSystemAffinityThreadEx((1UL << a) | (1UL << (BITS_PER_LONG - 1)));
	res->unchanged_invalid = cpumask_weight(current->cpus_ptr) == 1 &&
				 cpumask_test_cpu(a, current->cpus_ptr);

	KeRevertToUserAffinityThreadEx(res->second);
	res->cpu_reverted = raw_smp_processor_id();
	KeRevertToUserAffinityThreadEx(res->first);
	res->user_restored = cpumask_equal(user, current->cpus_ptr);
	free_cpumask_var(user);
}

static void affinity_test(struct kunit *test)
{
	struct affinity_result res = {};
	struct tier_call c = { .fn = affinity_steps, .obj = &res };
	unsigned int a = cpumask_first(cpu_online_mask);
	unsigned int b = cpumask_last(cpu_online_mask);

	tier_run(test, &c, -1);
	KUNIT_EXPECT_EQ(test, res.first, 0UL);		/* no previous system affinity */
	KUNIT_EXPECT_EQ(test, res.cpu_first, (int)b);
	KUNIT_EXPECT_EQ(test, res.second, 1UL << b);	/* the previous one */
	KUNIT_EXPECT_EQ(test, res.cpu_second, (int)a);
	KUNIT_EXPECT_EQ(test, res.third, 1UL << a);
	KUNIT_EXPECT_TRUE(test, res.unchanged_invalid);
	KUNIT_EXPECT_EQ(test, res.cpu_reverted, (int)b);
	KUNIT_EXPECT_TRUE(test, res.user_restored);
	KUNIT_EXPECT_TRUE(test, res.unchanged_no_set);
}

static void group_affinity_steps(struct tier_call *c)
{
	unsigned int b = cpumask_last(cpu_online_mask);
	GROUP_AFFINITY ga = { .Mask = 1UL << b }, prev = { .Mask = 5 };
	cpumask_var_t user;

	if (!alloc_cpumask_var(&user, GFP_KERNEL))
		return;
	cpumask_copy(user, current->cpus_ptr);
	KeSetSystemGroupAffinityThread(&ga, &prev);
	c->result = raw_smp_processor_id() == b && prev.Mask == 0 && prev.Group == 0;
	KeRevertToUserGroupAffinityThread(&prev);
	KeSetSystemAffinityThread(1UL << b);
	KeRevertToUserAffinityThread();
	c->result2 = cpumask_equal(user, current->cpus_ptr);
	free_cpumask_var(user);
}

static void group_affinity_test(struct kunit *test)
{
	struct tier_call c = { .fn = group_affinity_steps };

	tier_run(test, &c, -1);
	KUNIT_EXPECT_EQ(test, c.result, 1);
	KUNIT_EXPECT_EQ(test, c.result2, 1);
}

static void affinity_dispatch_steps(struct tier_call *c)
{
	cpumask_var_t user;
	KIRQL old;

	if (!alloc_cpumask_var(&user, GFP_KERNEL))
		return;
	cpumask_copy(user, current->cpus_ptr);
	old = KfRaiseIrql(DISPATCH_LEVEL);
	c->result = KeSetSystemAffinityThreadEx(1UL << cpumask_first(cpu_online_mask));
	KeLowerIrql(old);
	c->result2 = cpumask_equal(user, current->cpus_ptr) &&
		     KeGetCurrentIrql() == PASSIVE_LEVEL;
	free_cpumask_var(user);
}

/* Linux cannot move a thread at DISPATCH_LEVEL: reported, no effect. */
static void affinity_dispatch_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_BAD_IRQL);
	struct tier_call c = { .fn = affinity_dispatch_steps };

	tier_run(test, &c, -1);
	KUNIT_EXPECT_EQ(test, c.result, 0);
	KUNIT_EXPECT_EQ(test, c.result2, 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
}

static struct kunit_case ntshim_processor_cases[] = {
	KUNIT_CASE(processor_number_test),
	KUNIT_CASE(processor_counts_test),
	KUNIT_CASE(processor_index_number_test),
	KUNIT_CASE(affinity_test),
	KUNIT_CASE(group_affinity_test),
	KUNIT_CASE(affinity_dispatch_test),
	{}
};

static struct kunit_suite ntshim_processor_suite = {
	.name = "ntshim_processor",
	.test_cases = ntshim_processor_cases,
};

kunit_test_suite(ntshim_processor_suite);
