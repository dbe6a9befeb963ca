// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for KGUARDED_MUTEX and the critical and guarded regions
 * behind KeAreApcsDisabled() and KeAreAllApcsDisabled(), as Microsoft
 * documents them: a guarded mutex holder is in a guarded region (all APCs
 * disabled) without any change of IRQL; the Unsafe forms enter no region;
 * the try form fails on a held mutex; misuse is reported and survived.
 */
#include "tier_kunit.h"

/* Critical regions: KeAreApcsDisabled() only. */
static void critical_region_test(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, KeAreApcsDisabled());
	KUNIT_EXPECT_FALSE(test, KeAreAllApcsDisabled());
	KeEnterCriticalRegion();
	KUNIT_EXPECT_TRUE(test, KeAreApcsDisabled());
	KUNIT_EXPECT_FALSE(test, KeAreAllApcsDisabled());
	KeEnterCriticalRegion();
	KeLeaveCriticalRegion();
	/* still inside the outer region */
	KUNIT_EXPECT_TRUE(test, KeAreApcsDisabled());
	KeLeaveCriticalRegion();
	KUNIT_EXPECT_FALSE(test, KeAreApcsDisabled());
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
}

/* Guarded regions disable all APCs: both calls read TRUE. */
static void guarded_region_test(struct kunit *test)
{
	KeEnterGuardedRegion();
	KUNIT_EXPECT_TRUE(test, KeAreApcsDisabled());
	KUNIT_EXPECT_TRUE(test, KeAreAllApcsDisabled());
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
	KeLeaveGuardedRegion();
	KUNIT_EXPECT_FALSE(test, KeAreApcsDisabled());
	KUNIT_EXPECT_FALSE(test, KeAreAllApcsDisabled());
}

/* At APC_LEVEL all APCs are disabled; KeAreApcsDisabled() asks about regions only. */
static void apc_level_test(struct kunit *test)
{
	BOOLEAN all, some;
	KIRQL old;

	old = KfRaiseIrql(APC_LEVEL);
	all = KeAreAllApcsDisabled();
	some = KeAreApcsDisabled();
	KeLowerIrql(old);
	KUNIT_EXPECT_TRUE(test, all);
	KUNIT_EXPECT_FALSE(test, some);

	old = KfRaiseIrql(DISPATCH_LEVEL);
	all = KeAreAllApcsDisabled();
	KeLowerIrql(old);
	KUNIT_EXPECT_TRUE(test, all);
}

static void region_other_thread(struct tier_call *c)
{
	c->result = KeAreApcsDisabled();
	c->result2 = KeAreAllApcsDisabled();
}

/* Regions belong to the thread that entered them. */
static void region_per_thread_test(struct kunit *test)
{
	struct tier_call c = { .fn = region_other_thread };

	KeEnterGuardedRegion();
	tier_run(test, &c, -1);
	KeLeaveGuardedRegion();
	KUNIT_EXPECT_EQ(test, c.result, 0);
	KUNIT_EXPECT_EQ(test, c.result2, 0);
}

/* Leaving a region one is not in is reported and changes nothing. */
static void region_unbalanced_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_APC_REGION);

	KeLeaveCriticalRegion();
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_FALSE(test, KeAreApcsDisabled());

	/* a guarded leave does not undo a critical region */
	KeEnterCriticalRegion();
	KeLeaveGuardedRegion();
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	KUNIT_EXPECT_TRUE(test, KeAreApcsDisabled());
	KeLeaveCriticalRegion();
	KUNIT_EXPECT_FALSE(test, KeAreApcsDisabled());
}

/* Acquire enters a guarded region, release leaves it; IRQL unchanged. */
static void KeAcquireGuardedMutex_test(struct kunit *test)
{
	KGUARDED_MUTEX m;

	KeInitializeGuardedMutex(&m);
	KUNIT_EXPECT_NULL(test, m.Owner);
	KeAcquireGuardedMutex(&m);
	KUNIT_EXPECT_PTR_EQ(test, m.Owner, current);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
	KUNIT_EXPECT_TRUE(test, KeAreAllApcsDisabled());
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&m.Lock));
#ifdef CONFIG_LOCKDEP
	KUNIT_EXPECT_TRUE(test, lockdep_is_held(&m.Lock));
#endif
	KeReleaseGuardedMutex(&m);
	KUNIT_EXPECT_NULL(test, m.Owner);
	KUNIT_EXPECT_FALSE(test, KeAreAllApcsDisabled());
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m.Lock));
}

/* The Unsafe forms enter no region: the caller must be in one already. */
static void KeAcquireGuardedMutexUnsafe_test(struct kunit *test)
{
	KGUARDED_MUTEX m;

	KeInitializeGuardedMutex(&m);
	KeEnterGuardedRegion();
	KeAcquireGuardedMutexUnsafe(&m);
	KUNIT_EXPECT_PTR_EQ(test, m.Owner, current);
	KeLeaveGuardedRegion();
	/* held, but the region was the caller's and is gone */
	KUNIT_EXPECT_FALSE(test, KeAreAllApcsDisabled());
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&m.Lock));
	KeReleaseGuardedMutexUnsafe(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m.Lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
}

static void try_guarded(struct tier_call *c)
{
	c->result = KeTryToAcquireGuardedMutex(c->obj);
	c->result2 = KeAreAllApcsDisabled();
	if (c->result)
		KeReleaseGuardedMutex(c->obj);
}

/* Try: TRUE on a free mutex (in a guarded region), FALSE on a held one. */
static void KeTryToAcquireGuardedMutex_test(struct kunit *test)
{
	struct tier_call c = { .fn = try_guarded };
	KGUARDED_MUTEX m;

	KeInitializeGuardedMutex(&m);
	c.obj = &m;
	tier_run(test, &c, -1);
	KUNIT_EXPECT_EQ(test, c.result, (long)TRUE);
	KUNIT_EXPECT_EQ(test, c.result2, (long)TRUE);

	KUNIT_ASSERT_TRUE(test, KeTryToAcquireGuardedMutex(&m));
	tier_run(test, &c, -1);
	KUNIT_EXPECT_EQ(test, c.result, (long)FALSE);
	/* a failed try leaves no region behind */
	KUNIT_EXPECT_EQ(test, c.result2, (long)FALSE);
	KeReleaseGuardedMutex(&m);
	KUNIT_EXPECT_FALSE(test, KeAreAllApcsDisabled());
}

static void take_guarded(struct tier_call *c)
{
	PKGUARDED_MUTEX m = c->obj;

	KeAcquireGuardedMutex(m);
	c->result = m->Owner == current;
	KeReleaseGuardedMutex(m);
}

/* A second thread blocks until the owner releases. */
static void guarded_mutex_exclusion_test(struct kunit *test)
{
	struct tier_call c = { .fn = take_guarded };
	KGUARDED_MUTEX m;

	KeInitializeGuardedMutex(&m);
	c.obj = &m;
	KeAcquireGuardedMutex(&m);
	tier_start(test, &c, 1);
	KUNIT_EXPECT_TRUE(test, tier_blocked(c.task));
	KUNIT_EXPECT_FALSE(test, tier_done(&c));
	KeReleaseGuardedMutex(&m);
	tier_finish(test, &c);
	KUNIT_EXPECT_EQ(test, c.result, 1);
	KUNIT_EXPECT_NULL(test, m.Owner);
}

static void release_guarded(struct tier_call *c)
{
	KeReleaseGuardedMutex(c->obj);
}

/* Misuse: self-deadlock, foreign release, DISPATCH_LEVEL acquire. */
static void guarded_mutex_misuse_test(struct kunit *test)
{
	struct ntshim_violation_mark self = ntshim_mark(NTSHIM_V_SYNC_SELF_DEADLOCK);
	struct ntshim_violation_mark owner = ntshim_mark(NTSHIM_V_SYNC_NOT_OWNER);
	struct ntshim_violation_mark irql = ntshim_mark(NTSHIM_V_SYNC_BAD_IRQL);
	struct tier_call c = { .fn = release_guarded };
	KGUARDED_MUTEX m;
	KIRQL old;

	KeInitializeGuardedMutex(&m);
	KeAcquireGuardedMutex(&m);
	KeAcquireGuardedMutex(&m);	/* Windows would hang */
	NTSHIM_EXPECT_VIOLATIONS(test, &self, 1);
	KUNIT_EXPECT_PTR_EQ(test, m.Owner, current);

	c.obj = &m;
	tier_run(test, &c, -1);
	NTSHIM_EXPECT_VIOLATIONS(test, &owner, 1);
	KUNIT_EXPECT_PTR_EQ(test, m.Owner, current);

	/* one release undoes the one real acquisition, region included */
	KeReleaseGuardedMutex(&m);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m.Lock));
	KUNIT_EXPECT_FALSE(test, KeAreAllApcsDisabled());

	old = KfRaiseIrql(DISPATCH_LEVEL);
	KeAcquireGuardedMutex(&m);
	KeLowerIrql(old);
	NTSHIM_EXPECT_VIOLATIONS(test, &irql, 1);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&m.Lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
	KUNIT_EXPECT_FALSE(test, KeAreApcsDisabled());
}

/* Each init site is its own lockdep class. */
static void guarded_mutex_lockdep_class_test(struct kunit *test)
{
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	KGUARDED_MUTEX a, b;

	KeInitializeGuardedMutex(&a);
	KeInitializeGuardedMutex(&b);
	KUNIT_EXPECT_PTR_NE(test, a.Lock.dep_map.key, b.Lock.dep_map.key);
	KUNIT_EXPECT_STREQ(test, a.Lock.dep_map.name, "&a");
#else
	kunit_skip(test, "needs CONFIG_DEBUG_LOCK_ALLOC");
#endif
}

static struct kunit_case ntshim_guarded_mutex_cases[] = {
	KUNIT_CASE(critical_region_test),
	KUNIT_CASE(guarded_region_test),
	KUNIT_CASE(apc_level_test),
	KUNIT_CASE(region_per_thread_test),
	KUNIT_CASE(region_unbalanced_test),
	KUNIT_CASE(KeAcquireGuardedMutex_test),
	KUNIT_CASE(KeAcquireGuardedMutexUnsafe_test),
	KUNIT_CASE(KeTryToAcquireGuardedMutex_test),
	KUNIT_CASE(guarded_mutex_exclusion_test),
	KUNIT_CASE(guarded_mutex_misuse_test),
	KUNIT_CASE(guarded_mutex_lockdep_class_test),
	{}
};

static struct kunit_suite ntshim_guarded_mutex_suite = {
	.name = "ntshim_guarded_mutex",
	.test_cases = ntshim_guarded_mutex_cases,
};

kunit_test_suite(ntshim_guarded_mutex_suite);
