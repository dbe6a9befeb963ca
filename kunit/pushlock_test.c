// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for EX_PUSH_LOCK: shared holders coexist, an exclusive
 * holder excludes everyone, ExReleasePushLock() releases either kind, and
 * each misuse (release without a hold, release by a non-owner, recursive
 * exclusive acquire, acquire above APC_LEVEL) is reported and harmless.
 * Callers hold a critical region, as Microsoft requires.
 */
#include "tier_kunit.h"

static void try_excl(struct tier_call *c)
{
	KeEnterCriticalRegion();
	c->result = ExTryAcquirePushLockExclusive(c->obj);
	if (c->result)
		ExReleasePushLockExclusive(c->obj);
	c->result2 = ExTryAcquirePushLockShared(c->obj);
	if (c->result2)
		ExReleasePushLockShared(c->obj);
	KeLeaveCriticalRegion();
}

/* Exclusive: nobody else gets in, shared or exclusive. */
static void push_lock_exclusive_test(struct kunit *test)
{
	struct tier_call c = { .fn = try_excl };
	EX_PUSH_LOCK p;

	ExInitializePushLock(&p);
	c.obj = &p;
	KeEnterCriticalRegion();
	ExAcquirePushLockExclusive(&p);
	KUNIT_EXPECT_PTR_EQ(test, p.Owner, current);
#ifdef CONFIG_LOCKDEP
	KUNIT_EXPECT_TRUE(test, lockdep_is_held(&p.Lock));
#endif
	tier_run(test, &c, -1);
	KUNIT_EXPECT_EQ(test, c.result, (long)FALSE);
	KUNIT_EXPECT_EQ(test, c.result2, (long)FALSE);
	ExReleasePushLockExclusive(&p);
	KeLeaveCriticalRegion();
	KUNIT_EXPECT_NULL(test, p.Owner);

	/* free again: the other thread gets both */
	tier_run(test, &c, -1);
	KUNIT_EXPECT_EQ(test, c.result, (long)TRUE);
	KUNIT_EXPECT_EQ(test, c.result2, (long)TRUE);
}

/* Shared: a second reader gets in, a writer does not. */
static void push_lock_shared_test(struct kunit *test)
{
	struct tier_call c = { .fn = try_excl };
	EX_PUSH_LOCK p;

	ExInitializePushLock(&p);
	c.obj = &p;
	KeEnterCriticalRegion();
	ExAcquirePushLockShared(&p);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.Shared), 1);
	tier_run(test, &c, -1);
	KUNIT_EXPECT_EQ(test, c.result, (long)FALSE);
	KUNIT_EXPECT_EQ(test, c.result2, (long)TRUE);
	ExReleasePushLockShared(&p);
	KeLeaveCriticalRegion();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.Shared), 0);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&p.Lock));
}

static void take_excl(struct tier_call *c)
{
	PEX_PUSH_LOCK p = c->obj;

	KeEnterCriticalRegion();
	ExAcquirePushLockExclusive(p);
	c->result = p->Owner == current && atomic_read(&p->Shared) == 0;
	ExReleasePushLock(p);
	KeLeaveCriticalRegion();
}

/* A writer sleeps until the last reader leaves. */
static void push_lock_writer_waits_test(struct kunit *test)
{
	struct tier_call c = { .fn = take_excl };
	EX_PUSH_LOCK p;

	ExInitializePushLock(&p);
	c.obj = &p;
	KeEnterCriticalRegion();
	ExAcquirePushLockShared(&p);
	tier_start(test, &c, 1);
	KUNIT_EXPECT_TRUE(test, tier_blocked(c.task));
	KUNIT_EXPECT_FALSE(test, tier_done(&c));
	ExReleasePushLock(&p);	/* releases the shared hold */
	KeLeaveCriticalRegion();
	tier_finish(test, &c);
	KUNIT_EXPECT_EQ(test, c.result, 1);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&p.Lock));
}

static void release_excl(struct tier_call *c)
{
	ExReleasePushLockExclusive(c->obj);
}

/* Misuse is reported once each and leaves the lock as it was. */
static void push_lock_misuse_test(struct kunit *test)
{
	struct ntshim_violation_mark owner = ntshim_mark(NTSHIM_V_SYNC_NOT_OWNER);
	struct ntshim_violation_mark self = ntshim_mark(NTSHIM_V_SYNC_SELF_DEADLOCK);
	struct ntshim_violation_mark irql = ntshim_mark(NTSHIM_V_SYNC_BAD_IRQL);
	struct tier_call c = { .fn = release_excl };
	EX_PUSH_LOCK p;
	KIRQL old;

	ExInitializePushLock(&p);
	KeEnterCriticalRegion();

	/* release of a lock nobody holds */
	ExReleasePushLockShared(&p);
	ExReleasePushLock(&p);
	NTSHIM_EXPECT_VIOLATIONS(test, &owner, 2);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&p.Lock));

	/* exclusive acquire by the owner would deadlock on Windows */
	ExAcquirePushLockExclusive(&p);
	ExAcquirePushLockExclusive(&p);
	NTSHIM_EXPECT_VIOLATIONS(test, &self, 1);
	/* so would a shared acquire by the exclusive owner */
	ExAcquirePushLockShared(&p);
	NTSHIM_EXPECT_VIOLATIONS(test, &self, 2);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.Shared), 0);

	/* another thread's exclusive release, and a shared one by the owner */
	c.obj = &p;
	tier_run(test, &c, -1);
	ExReleasePushLockShared(&p);
	NTSHIM_EXPECT_VIOLATIONS(test, &owner, 4);
	KUNIT_EXPECT_PTR_EQ(test, p.Owner, current);
	ExReleasePushLockExclusive(&p);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&p.Lock));

	/* above APC_LEVEL: refused, IRQL unchanged */
	old = KfRaiseIrql(DISPATCH_LEVEL);
	ExAcquirePushLockShared(&p);
	KeLowerIrql(old);
	NTSHIM_EXPECT_VIOLATIONS(test, &irql, 1);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&p.Lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
	KeLeaveCriticalRegion();
}

/* Each init site is its own lockdep class. */
static void push_lock_lockdep_class_test(struct kunit *test)
{
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	EX_PUSH_LOCK a, b;

	ExInitializePushLock(&a);
	ExInitializePushLock(&b);
	KUNIT_EXPECT_PTR_NE(test, a.Lock.dep_map.key, b.Lock.dep_map.key);
	KUNIT_EXPECT_STREQ(test, a.Lock.dep_map.name, "&a");
#else
	kunit_skip(test, "needs CONFIG_DEBUG_LOCK_ALLOC");
#endif
}

static struct kunit_case ntshim_pushlock_cases[] = {
	KUNIT_CASE(push_lock_exclusive_test),
	KUNIT_CASE(push_lock_shared_test),
	KUNIT_CASE(push_lock_writer_waits_test),
	KUNIT_CASE(push_lock_misuse_test),
	KUNIT_CASE(push_lock_lockdep_class_test),
	{}
};

static struct kunit_suite ntshim_pushlock_suite = {
	.name = "ntshim_pushlock",
	.test_cases = ntshim_pushlock_cases,
};

kunit_test_suite(ntshim_pushlock_suite);
