// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the live-object filter and the checks behind it (suite
 * ntshim_live): a freed pool block that holds a set timer, a queued DPC
 * or work item, a live lookaside list or an initialised ERESOURCE is
 * reported once per object and the object neutralised; the filter's
 * counters go back to where they were after every path an object leaves
 * its registry by (fire, run, cancel, delete, the free check, unload).
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/module.h>
#include <linux/sizes.h>
#include <linux/slab.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

#define LIVE_FAR_DUE (-10LL * 1000 * 1000 * 10)	/* 10 s, relative */

static atomic_t live_runs;

static VOID live_dpc_routine(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
	atomic_inc(&live_runs);
}

static VOID live_work_routine(PVOID Parameter)
{
	atomic_inc(&live_runs);
}

static struct ntshim_pool_tag_stats live_row(ULONG tag)
{
	struct ntshim_pool_tag_stats s;

	ntshim_pool_query_tag(tag, NonPagedPool, &s);
	return s;
}

/* Wait (bounded) for @n runs of the routines above. */
static bool live_runs_reach(int n)
{
	int i;

	for (i = 0; i < 2000 && atomic_read(&live_runs) < n; i++)
		usleep_range(500, 1000);
	return atomic_read(&live_runs) >= n;
}

/*
 * Every way in and out of each registry, one after the other: the filter
 * counts each live object once and is back where it started after each.
 */
static void live_filter_balance_test(struct kunit *test)
{
	LARGE_INTEGER far = { .QuadPart = LIVE_FAR_DUE };
	LARGE_INTEGER near = { .QuadPart = -10 * 1000 };	/* 1 ms */
	long base = ntshim_live_filter_objects();
	NPAGED_LOOKASIDE_LIST *la;
	WORK_QUEUE_ITEM *wi;
	ERESOURCE *res;
	KTIMER *timer;
	KDPC *dpc;
	KIRQL old;

	KUNIT_ASSERT_GE(test, base, 0);
	timer = kunit_kzalloc(test, sizeof(*timer), GFP_KERNEL);
	dpc = kunit_kzalloc(test, sizeof(*dpc), GFP_KERNEL);
	wi = kunit_kzalloc(test, sizeof(*wi), GFP_KERNEL);
	la = kunit_kzalloc(test, sizeof(*la), GFP_KERNEL);
	res = kunit_kzalloc(test, sizeof(*res), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, res);
	KUNIT_ASSERT_NOT_NULL(test, la);
	KUNIT_ASSERT_NOT_NULL(test, wi);
	KUNIT_ASSERT_NOT_NULL(test, dpc);
	KUNIT_ASSERT_NOT_NULL(test, timer);
	atomic_set(&live_runs, 0);

	/* timer: set, set again while set, cancel; set and let it fire */
	KeInitializeTimer(timer);
	KeSetTimer(timer, far, NULL);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base + 1);
	KUNIT_EXPECT_TRUE(test, KeSetTimer(timer, far, NULL));
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base + 1);
	KUNIT_EXPECT_TRUE(test, KeCancelTimer(timer));
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);
	KeSetTimer(timer, near, NULL);
	KUNIT_EXPECT_EQ(test,
			KeWaitForSingleObject(timer, Executive, KernelMode,
					      FALSE, NULL), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);
	/* re-initialised while set: cancelled first */
	KeSetTimer(timer, far, NULL);
	KeInitializeTimer(timer);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);

	/* DPC: queued twice (once counted), removed; queued and run */
	KeInitializeDpc(dpc, live_dpc_routine, NULL);
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(dpc, NULL, NULL));
	KUNIT_EXPECT_FALSE(test, KeInsertQueueDpc(dpc, NULL, NULL));
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base + 1);
	KUNIT_EXPECT_TRUE(test, KeRemoveQueueDpc(dpc));
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(dpc, NULL, NULL));
	KeLowerIrql(old);	/* runs it */
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&live_runs), 1);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);

	/* work item: queued and run */
	ExInitializeWorkItem(wi, live_work_routine, NULL);
	ExQueueWorkItem(wi, DelayedWorkQueue);
	KUNIT_EXPECT_TRUE(test, live_runs_reach(2));
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);

	/* lookaside list: initialised, deleted, deleted again */
	ExInitializeNPagedLookasideList(la, NULL, NULL, 0, 64, 'FLxE', 0);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base + 1);
	ExDeleteNPagedLookasideList(la);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);

	/* ERESOURCE: initialised twice (counted once), delete refused while held */
	ExInitializeResourceLite(res);
	ExInitializeResourceLite(res);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base + 1);
	ExAcquireResourceExclusiveLite(res, TRUE);
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(res), STATUS_UNSUCCESSFUL);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base + 1);
	ExReleaseResourceLite(res);
	KUNIT_EXPECT_EQ(test, ExReinitializeResourceLite(res), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base + 1);
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(res), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(res), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);
}

/* Everything a driver can leave live in one pool block. */
struct live_block {
	KTIMER timer;
	KDPC timer_dpc;
	KDPC dpc;
	WORK_QUEUE_ITEM work;
	NPAGED_LOOKASIDE_LIST lookaside;
	ERESOURCE resource;
};

/*
 * ExFreePool() of a block holding one of each: five reports (the timer's
 * DPC is not queued: the timer is cancelled first), nothing runs later,
 * the pool row is back to 0 and so is the filter.
 */
static void live_free_each_kind_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_FREE_LIVE_OBJECT);
	LARGE_INTEGER far = { .QuadPart = LIVE_FAR_DUE };
	long base = ntshim_live_filter_objects();
	struct live_block *b;
	KIRQL old;

	b = ExAllocatePoolWithTag(NonPagedPool, sizeof(*b), 'KLxE');
	KUNIT_ASSERT_NOT_NULL(test, b);
	atomic_set(&live_runs, 0);
	KeInitializeTimer(&b->timer);
	KeInitializeDpc(&b->timer_dpc, live_dpc_routine, NULL);
	KeInitializeDpc(&b->dpc, live_dpc_routine, NULL);
	ExInitializeWorkItem(&b->work, live_work_routine, NULL);
	ExInitializeNPagedLookasideList(&b->lookaside, NULL, NULL, 0, 64,
					'KLxE', 0);
	ExInitializeResourceLite(&b->resource);
	/* a shared owner entry: its node must not leak (kmemleak) */
	ExAcquireResourceSharedLite(&b->resource, TRUE);
	ExReleaseResourceLite(&b->resource);
	KeSetTimer(&b->timer, far, &b->timer_dpc);

	/* at DISPATCH_LEVEL the DPC and the work item stay queued here */
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&b->dpc, NULL, NULL));
	ExQueueWorkItem(&b->work, DelayedWorkQueue);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base + 5);
	ExFreePool(b);
	KeLowerIrql(old);
	KeFlushQueuedDpcs();

	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 5);
	KUNIT_EXPECT_EQ(test, atomic_read(&live_runs), 0);
	KUNIT_EXPECT_EQ(test, live_row('KLxE').diff, 0);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);
}

/*
 * An ERESOURCE alone in freed pool (Driver Verifier: 0xC4, Parameter 1
 * 0x17): exactly one pool_free_live_object naming the tag and the freeing
 * code, the resource unregistered (a later free of the address reports
 * nothing), its owner table freed.
 */
static void live_free_resource_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_FREE_LIVE_OBJECT);
	long base = ntshim_live_filter_objects();
	unsigned long caller = 0;
	PERESOURCE r;
	ULONG tag = 0;

	r = ExAllocatePoolWithTag(NonPagedPool, sizeof(*r), 'RLxE');
	KUNIT_ASSERT_NOT_NULL(test, r);
	ExInitializeResourceLite(r);
	ExAcquireResourceSharedLite(r, TRUE);
	ExReleaseResourceLite(r);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base + 1);
	ExFreePoolWithTag(r, 'RLxE');

	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 1);
	KUNIT_EXPECT_TRUE(test, ntshim_violation_last(NTSHIM_V_POOL_FREE_LIVE_OBJECT,
						      &tag, &caller));
	KUNIT_EXPECT_EQ(test, tag, (ULONG)'RLxE');
	KUNIT_EXPECT_TRUE(test, within_module(caller, THIS_MODULE));
	KUNIT_EXPECT_EQ(test, live_row('RLxE').diff, 0);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);

	/* the same address again, now holding nothing live */
	r = ExAllocatePoolWithTag(NonPagedPool, sizeof(*r), 'RLxE');
	KUNIT_ASSERT_NOT_NULL(test, r);
	ExFreePool(r);
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 1);
}

/*
 * Big blocks: a timer at the end of a 64 KiB block (page by page) and of
 * a 1 MiB one (by 2 MiB region) is found; a big block beside a live
 * object reports nothing.
 */
static void live_free_big_block_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_FREE_LIVE_OBJECT);
	LARGE_INTEGER far = { .QuadPart = LIVE_FAR_DUE };
	static const size_t sizes[] = { SZ_64K, SZ_64K + 1, SZ_1M };
	long base = ntshim_live_filter_objects();
	KTIMER *elsewhere;
	unsigned int i;

	elsewhere = kunit_kzalloc(test, sizeof(*elsewhere), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, elsewhere);
	KeInitializeTimer(elsewhere);
	KeSetTimer(elsewhere, far, NULL);

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p = ExAllocatePoolWithTag(NonPagedPool, sizes[i], 'BLxE');
		KTIMER *t;

		KUNIT_ASSERT_NOT_NULL(test, p);
		t = (KTIMER *)(p + round_down(sizes[i] - sizeof(*t), 16));
		KeInitializeTimer(t);
		KeSetTimer(t, far, NULL);
		ExFreePool(p);
		NTSHIM_EXPECT_VIOLATIONS(test, &v0, i + 1);

		p = ExAllocatePoolWithTag(NonPagedPool, sizes[i], 'BLxE');
		KUNIT_ASSERT_NOT_NULL(test, p);
		ExFreePool(p);
		NTSHIM_EXPECT_VIOLATIONS(test, &v0, i + 1);
	}
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base + 1);
	KUNIT_EXPECT_TRUE(test, KeCancelTimer(elsewhere));
	KUNIT_EXPECT_EQ(test, live_row('BLxE').diff, 0);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);
}

/* In this module's own memory, as a driver's globals are. */
static ERESOURCE live_static_resource;
static KTIMER live_static_timer;
static NPAGED_LOOKASIDE_LIST live_static_lookaside;

/*
 * The unload sequence (shim/owner.c) for this module, with a timer set,
 * a lookaside list and an ERESOURCE left in its globals: the timer is
 * cancelled (timer_misuse), the list and the resource are each reported
 * once (pool_leak) and unregistered, and the filter is back to 0.
 */
static void live_unload_test(struct kunit *test)
{
	struct ntshim_violation_mark timer = ntshim_mark(NTSHIM_V_TIMER_MISUSE);
	struct ntshim_violation_mark leak = ntshim_mark(NTSHIM_V_POOL_LEAK);
	struct ntshim_violation_mark freed = ntshim_mark(NTSHIM_V_POOL_FREE_LIVE_OBJECT);
	LARGE_INTEGER far = { .QuadPart = LIVE_FAR_DUE };
	long base = ntshim_live_filter_objects();

	KeInitializeTimer(&live_static_timer);
	KeSetTimer(&live_static_timer, far, NULL);
	ExInitializeNPagedLookasideList(&live_static_lookaside, NULL, NULL, 0,
					64, 'ULxE', 0);
	ExInitializeResourceLite(&live_static_resource);
	ExAcquireResourceSharedLite(&live_static_resource, TRUE);
	ExReleaseResourceLite(&live_static_resource);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base + 3);

	ntshim_owner_going(THIS_MODULE);

	NTSHIM_EXPECT_VIOLATIONS(test, &timer, 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &leak, 2);
	NTSHIM_EXPECT_VIOLATIONS(test, &freed, 0);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);
	/* unregistered: deleting it now is an ordinary delete */
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(&live_static_resource),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), base);
}

/* Last: after all of the above, and every suite before, nothing is live. */
static void live_filter_idle_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ntshim_live_filter_objects(), 0);
}

static struct kunit_case ntshim_live_cases[] = {
	KUNIT_CASE(live_filter_balance_test),
	KUNIT_CASE(live_free_each_kind_test),
	KUNIT_CASE(live_free_resource_test),
	KUNIT_CASE(live_free_big_block_test),
	KUNIT_CASE(live_unload_test),
	KUNIT_CASE(live_filter_idle_test),
	{}
};

static struct kunit_suite ntshim_live_suite = {
	.name = "ntshim_live",
	.init = ntshim_live_case_init,
	.exit = ntshim_live_case_exit,
	.test_cases = ntshim_live_cases,
};

kunit_test_suite(ntshim_live_suite);
