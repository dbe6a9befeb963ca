// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for KeAcquireSpinLockRaiseToSynch(): the lock is held at
 * SYNCH_LEVEL (local interrupts off on Linux, the nearest level there
 * is), and KeReleaseSpinLock() with the returned IRQL unlocks and lowers.
 */
#include "tier_kunit.h"

static void KeAcquireSpinLockRaiseToSynch_test(struct kunit *test)
{
	KSPIN_LOCK lock;
	KIRQL old, inside;
	bool irqs_off, locked;

	KeInitializeSpinLock(&lock);
	old = KeAcquireSpinLockRaiseToSynch(&lock);
	inside = KeGetCurrentIrql();
	irqs_off = irqs_disabled();
	locked = spin_is_locked(&lock.Lock);
	KeReleaseSpinLock(&lock, old);

	KUNIT_EXPECT_EQ(test, old, (KIRQL)PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, inside, (KIRQL)SYNCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, irqs_off);
	KUNIT_EXPECT_TRUE(test, locked);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock.Lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

/* From DISPATCH_LEVEL: returns DISPATCH_LEVEL and goes back to it. */
static void KeAcquireSpinLockRaiseToSynch_dispatch_test(struct kunit *test)
{
	KSPIN_LOCK lock;
	KIRQL dpc, old, inside, after;

	KeInitializeSpinLock(&lock);
	dpc = KfRaiseIrql(DISPATCH_LEVEL);
	old = KeAcquireSpinLockRaiseToSynch(&lock);
	inside = KeGetCurrentIrql();
	KeReleaseSpinLock(&lock, old);
	after = KeGetCurrentIrql();
	KeLowerIrql(dpc);

	KUNIT_EXPECT_EQ(test, old, (KIRQL)DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, inside, (KIRQL)SYNCH_LEVEL);
	KUNIT_EXPECT_EQ(test, after, (KIRQL)DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
}

/* Above SYNCH_LEVEL the raise is a misuse: reported, IRQL unchanged. */
static void KeAcquireSpinLockRaiseToSynch_too_high_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_RAISE_LOWER);
	KSPIN_LOCK lock;
	KIRQL high, old, inside;

	KeInitializeSpinLock(&lock);
	high = KfRaiseIrql(HIGH_LEVEL);
	old = KeAcquireSpinLockRaiseToSynch(&lock);
	inside = KeGetCurrentIrql();
	KeReleaseSpinLock(&lock, old);
	KeLowerIrql(high);

	KUNIT_EXPECT_EQ(test, old, (KIRQL)HIGH_LEVEL);
	KUNIT_EXPECT_EQ(test, inside, (KIRQL)HIGH_LEVEL);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
	KUNIT_EXPECT_FALSE(test, spin_is_locked(&lock.Lock));
}

static struct kunit_case ntshim_spinlock_synch_cases[] = {
	KUNIT_CASE(KeAcquireSpinLockRaiseToSynch_test),
	KUNIT_CASE(KeAcquireSpinLockRaiseToSynch_dispatch_test),
	KUNIT_CASE(KeAcquireSpinLockRaiseToSynch_too_high_test),
	{}
};

static struct kunit_suite ntshim_spinlock_synch_suite = {
	.name = "ntshim_spinlock_synch",
	.test_cases = ntshim_spinlock_synch_cases,
};

kunit_test_suite(ntshim_spinlock_synch_suite);
