// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for KSPIN_LOCK, in-stack queued spin locks and interrupt
 * spin locks: IRQL round trips, AtDpcLevel pairs, try-acquire, misuse
 * reports, an exact counter under contention from kthreads on both CPUs,
 * and first-come-first-served hand-over of a queued lock.
 *
 * Values are sampled inside atomic sections and checked afterwards, so a
 * failing expectation never allocates with a spin lock held.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/irq_work.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

static void ntshim_spinlock_init_test(struct kunit *test)
{
	KSPIN_LOCK lock;

	KeInitializeSpinLock(&lock);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
}

static void ntshim_spinlock_acquire_test(struct kunit *test)
{
	KSPIN_LOCK lock;
	BOOLEAN free_inside;
	KIRQL old, in;

	KeInitializeSpinLock(&lock);
	/*
	 * before: PASSIVE, lock free
	 * KeAcquireSpinLock: DISPATCH, lock held, old = PASSIVE
	 * KeReleaseSpinLock(old): PASSIVE, lock free
	 */
	KeAcquireSpinLock(&lock, &old);
	in = KeGetCurrentIrql();
	free_inside = KeTestSpinLock(&lock);
	KeReleaseSpinLock(&lock, old);

	KUNIT_EXPECT_EQ(test, old, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, in, DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, free_inside);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

static void ntshim_spinlock_raise_to_dpc_test(struct kunit *test)
{
	KSPIN_LOCK lock;
	KIRQL raised, old, in, after;

	KeInitializeSpinLock(&lock);
	/* acquired at DISPATCH already: old = DISPATCH, release stays there */
	KeRaiseIrql(DISPATCH_LEVEL, &raised);
	old = KeAcquireSpinLockRaiseToDpc(&lock);
	in = KeGetCurrentIrql();
	KeReleaseSpinLock(&lock, old);
	after = KeGetCurrentIrql();
	KeLowerIrql(raised);

	KUNIT_EXPECT_EQ(test, old, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, in, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, after, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void ntshim_spinlock_acquire_at_apc_test(struct kunit *test)
{
	KSPIN_LOCK lock;
	KIRQL raised, old, after;

	KeInitializeSpinLock(&lock);
	KeRaiseIrql(APC_LEVEL, &raised);
	KeAcquireSpinLock(&lock, &old);
	KeReleaseSpinLock(&lock, old);
	after = KeGetCurrentIrql();
	KeLowerIrql(raised);

	KUNIT_EXPECT_EQ(test, old, APC_LEVEL);
	KUNIT_EXPECT_EQ(test, after, APC_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void ntshim_spinlock_at_dpc_level_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_TOO_LOW);
	KSPIN_LOCK lock;
	BOOLEAN free_inside;
	KIRQL old, in, after;

	KeInitializeSpinLock(&lock);
	/* the DPC pattern: raise, AtDpcLevel pair, lower */
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KeAcquireSpinLockAtDpcLevel(&lock);
	in = KeGetCurrentIrql();
	free_inside = KeTestSpinLock(&lock);
	KeReleaseSpinLockFromDpcLevel(&lock);
	after = KeGetCurrentIrql();
	KeLowerIrql(old);

	KUNIT_EXPECT_EQ(test, in, DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, free_inside);
	KUNIT_EXPECT_EQ(test, after, DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 0);
}

static void ntshim_spinlock_at_dpc_level_too_low_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_TOO_LOW);
	KSPIN_LOCK lock;
	BOOLEAN free_inside;
	KIRQL in;

	KeInitializeSpinLock(&lock);
	/* AtDpcLevel at PASSIVE: reported, taken with softirqs off anyway */
	KeAcquireSpinLockAtDpcLevel(&lock);
	in = KeGetCurrentIrql();
	free_inside = KeTestSpinLock(&lock);
	KeReleaseSpinLockFromDpcLevel(&lock);

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, in, DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, free_inside);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

static void ntshim_spinlock_acquire_too_high_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_TOO_HIGH);
	unsigned long flags;
	KSPIN_LOCK lock;
	BOOLEAN free_inside;
	bool irqs_off_after;
	KIRQL old;

	KeInitializeSpinLock(&lock);
	/* KeAcquireSpinLock with interrupts off: reported, still locked */
	local_irq_save(flags);
	KeAcquireSpinLock(&lock, &old);
	free_inside = KeTestSpinLock(&lock);
	KeReleaseSpinLock(&lock, old);
	irqs_off_after = irqs_disabled();
	local_irq_restore(flags);

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, old, HIGH_LEVEL);
	KUNIT_EXPECT_FALSE(test, free_inside);
	KUNIT_EXPECT_TRUE(test, irqs_off_after);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

/*
 * The AtDpcLevel fast path decides by preempt_count() alone and reads the
 * interrupt flag only when the count is zero: interrupts masked by Linux
 * code with nothing counted is HIGH_LEVEL, which is not too low.
 */
static void ntshim_spinlock_at_dpc_level_irqs_off_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_TOO_LOW);
	BOOLEAN free_inside, tried;
	unsigned long flags;
	KSPIN_LOCK lock;
	KIRQL in;

	KeInitializeSpinLock(&lock);
	local_irq_save(flags);
	KeAcquireSpinLockAtDpcLevel(&lock);
	in = KeGetCurrentIrql();
	free_inside = KeTestSpinLock(&lock);
	KeReleaseSpinLockFromDpcLevel(&lock);
	tried = FALSE;
	if (KeTryToAcquireSpinLockAtDpcLevel(&lock)) {
		tried = TRUE;
		KeReleaseSpinLockFromDpcLevel(&lock);
	}
	local_irq_restore(flags);

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 0);
	KUNIT_EXPECT_EQ(test, in, HIGH_LEVEL);
	KUNIT_EXPECT_FALSE(test, free_inside);
	KUNIT_EXPECT_TRUE(test, tried);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/* Preemption off (counted with CONFIG_PREEMPT_COUNT) is DISPATCH_LEVEL. */
static void ntshim_spinlock_at_dpc_level_preempt_off_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_TOO_LOW);
	KSPIN_LOCK lock;
	KIRQL in;

	if (!IS_ENABLED(CONFIG_PREEMPT_COUNT))
		kunit_skip(test, "preempt_disable() is not counted");
	KeInitializeSpinLock(&lock);
	preempt_disable();
	KeAcquireSpinLockAtDpcLevel(&lock);
	in = KeGetCurrentIrql();
	KeReleaseSpinLockFromDpcLevel(&lock);
	preempt_enable();

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 0);
	KUNIT_EXPECT_EQ(test, in, DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

/*
 * KeReleaseSpinLock() at HIGH_LEVEL (a KeRaiseIrql() inside the lock, not
 * lowered): the release reads the interrupt flag, takes the slow path and
 * lowers all the way to the acquire's OldIrql, interrupts and softirqs on.
 */
static void ntshim_spinlock_release_from_high_test(struct kunit *test)
{
	KSPIN_LOCK lock;
	KIRQL old, high, in;

	KeInitializeSpinLock(&lock);
	KeAcquireSpinLock(&lock, &old);
	KeRaiseIrql(HIGH_LEVEL, &high);
	in = KeGetCurrentIrql();
	KeReleaseSpinLock(&lock, old);

	KUNIT_EXPECT_EQ(test, old, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, high, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, in, HIGH_LEVEL);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void ntshim_spinlock_try_test(struct kunit *test)
{
	BOOLEAN first = FALSE, second = FALSE, third = FALSE;
	KSPIN_LOCK lock;
	KIRQL old;

	KeInitializeSpinLock(&lock);
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	if (KeTryToAcquireSpinLockAtDpcLevel(&lock)) {
		first = TRUE;
		/* held: FALSE at once, even for the holder itself */
		if (KeTryToAcquireSpinLockAtDpcLevel(&lock)) {
			second = TRUE;
			KeReleaseSpinLockFromDpcLevel(&lock);
		}
		KeReleaseSpinLockFromDpcLevel(&lock);
	}
	if (KeTryToAcquireSpinLockAtDpcLevel(&lock)) {
		third = TRUE;
		KeReleaseSpinLockFromDpcLevel(&lock);
	}
	KeLowerIrql(old);

	KUNIT_EXPECT_TRUE(test, first);
	KUNIT_EXPECT_FALSE(test, second);
	KUNIT_EXPECT_TRUE(test, third);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void ntshim_spinlock_try_too_low_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_TOO_LOW);
	BOOLEAN got = FALSE;
	KSPIN_LOCK lock;
	KIRQL in = 0;

	KeInitializeSpinLock(&lock);
	/* at PASSIVE: reported, and taken with softirqs off */
	if (KeTryToAcquireSpinLockAtDpcLevel(&lock)) {
		got = TRUE;
		in = KeGetCurrentIrql();
		KeReleaseSpinLockFromDpcLevel(&lock);
	}

	KUNIT_EXPECT_TRUE(test, got);
	KUNIT_EXPECT_EQ(test, in, DISPATCH_LEVEL);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

static void ntshim_spinlock_cross_pairs_test(struct kunit *test)
{
	KIRQL old, after_release, raised;
	KSPIN_LOCK lock;

	KeInitializeSpinLock(&lock);
	/*
	 * KeAcquireSpinLock + KeReleaseSpinLockFromDpcLevel: as on Windows
	 * the IRQL stays at DISPATCH until KeLowerIrql(old).
	 */
	KeAcquireSpinLock(&lock, &old);
	KeReleaseSpinLockFromDpcLevel(&lock);
	after_release = KeGetCurrentIrql();
	KeLowerIrql(old);
	KUNIT_EXPECT_EQ(test, after_release, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);

	/* KeRaiseIrql + AtDpcLevel + KeReleaseSpinLock(old): back to old */
	KeRaiseIrql(DISPATCH_LEVEL, &raised);
	KeAcquireSpinLockAtDpcLevel(&lock);
	KeReleaseSpinLock(&lock, raised);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);

	/* raised to HIGH inside the lock: the release lowers all the way */
	KeAcquireSpinLock(&lock, &old);
	KeRaiseIrql(HIGH_LEVEL, &raised);
	KeReleaseSpinLock(&lock, old);
	KUNIT_EXPECT_EQ(test, raised, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
}

static void ntshim_spinlock_bad_release_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SPINLOCK_BAD_RELEASE);
	KSPIN_LOCK lock;

	KeInitializeSpinLock(&lock);
	/* releasing a free lock: reported, nothing unlocked */
	__acquire(&lock.Lock);	/* for sparse: the misuse is on purpose */
	KeReleaseSpinLock(&lock, PASSIVE_LEVEL);
	__acquire(&lock.Lock);
	KeReleaseSpinLockFromDpcLevel(&lock);

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

static void ntshim_spinlock_queued_test(struct kunit *test)
{
	KLOCK_QUEUE_HANDLE handle;
	KSPIN_LOCK lock;
	BOOLEAN free_inside;
	KIRQL in;

	KeInitializeSpinLock(&lock);
	/* a stack handle starts as garbage; LockQueue.Next is never used */
	memset(&handle, 0x5a, sizeof(handle));
	/* the same KSPIN_LOCK and init serve the queued API */
	KeAcquireInStackQueuedSpinLock(&lock, &handle);
	in = KeGetCurrentIrql();
	free_inside = KeTestSpinLock(&lock);
	KeReleaseInStackQueuedSpinLock(&handle);

	KUNIT_EXPECT_PTR_EQ(test, handle.LockQueue.Next,
			    (PKSPIN_LOCK_QUEUE)(~0UL / 0xff * 0x5a));
	KUNIT_EXPECT_EQ(test, handle.OldIrql, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, in, DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, free_inside);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

static void ntshim_spinlock_queued_nested_test(struct kunit *test)
{
	KLOCK_QUEUE_HANDLE h1, h2;
	KSPIN_LOCK a, b;
	KIRQL in2, after2;
	BOOLEAN a_held, b_free;

	KeInitializeSpinLock(&a);
	KeInitializeSpinLock(&b);
	/*
	 * acquire a (PASSIVE -> DISPATCH), acquire b (DISPATCH), release b
	 * (still DISPATCH, a held), release a (PASSIVE): reverse order
	 */
	KeAcquireInStackQueuedSpinLock(&a, &h1);
	KeAcquireInStackQueuedSpinLock(&b, &h2);
	in2 = KeGetCurrentIrql();
	KeReleaseInStackQueuedSpinLock(&h2);
	after2 = KeGetCurrentIrql();
	a_held = !KeTestSpinLock(&a);
	b_free = KeTestSpinLock(&b);
	KeReleaseInStackQueuedSpinLock(&h1);

	KUNIT_EXPECT_EQ(test, h1.OldIrql, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, h2.OldIrql, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, in2, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, after2, DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, a_held);
	KUNIT_EXPECT_TRUE(test, b_free);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void ntshim_spinlock_queued_at_dpc_level_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_TOO_LOW);
	KLOCK_QUEUE_HANDLE handle;
	KSPIN_LOCK lock;
	KIRQL old, in, after;

	KeInitializeSpinLock(&lock);
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KeAcquireInStackQueuedSpinLockAtDpcLevel(&lock, &handle);
	in = KeGetCurrentIrql();
	KeReleaseInStackQueuedSpinLockFromDpcLevel(&handle);
	after = KeGetCurrentIrql();
	KeLowerIrql(old);

	KUNIT_EXPECT_EQ(test, in, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, after, DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 0);
}

static void ntshim_spinlock_queued_bad_release_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SPINLOCK_BAD_RELEASE);
	KLOCK_QUEUE_HANDLE never = {}, handle;
	KSPIN_LOCK lock;

	KeInitializeSpinLock(&lock);
	/* a handle no acquire filled (__acquire: misuse on purpose) */
	__acquire(&never.LockQueue.Lock->Lock);
	KeReleaseInStackQueuedSpinLock(&never);
	/* the second release of one acquisition */
	KeAcquireInStackQueuedSpinLock(&lock, &handle);
	KeReleaseInStackQueuedSpinLock(&handle);
	__acquire(&handle.LockQueue.Lock->Lock);
	KeReleaseInStackQueuedSpinLock(&handle);
	__acquire(&handle.LockQueue.Lock->Lock);
	KeReleaseInStackQueuedSpinLockFromDpcLevel(&handle);

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 3);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

static void ntshim_spinlock_queued_stale_handle_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SPINLOCK_BAD_RELEASE);
	KLOCK_QUEUE_HANDLE handle, copy;
	KSPIN_LOCK lock;

	KeInitializeSpinLock(&lock);
	/* a copy of a handle whose lock was released since */
	KeAcquireInStackQueuedSpinLock(&lock, &handle);
	copy = handle;
	KeReleaseInStackQueuedSpinLock(&handle);
	__acquire(&copy.LockQueue.Lock->Lock);	/* misuse on purpose */
	KeReleaseInStackQueuedSpinLock(&copy);

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

static void ntshim_spinlock_mixed_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SPINLOCK_MIXED);
	KLOCK_QUEUE_HANDLE handle;
	KSPIN_LOCK lock, other;
	KIRQL old;

	if (!ntshim_checking())
		kunit_skip(test, "needs ntshim.debug_checks");
	KeInitializeSpinLock(&lock);
	KeInitializeSpinLock(&other);

	/* one family only: nothing to report */
	KeAcquireInStackQueuedSpinLock(&lock, &handle);
	KeReleaseInStackQueuedSpinLock(&handle);
	KeAcquireInStackQueuedSpinLock(&lock, &handle);
	KeReleaseInStackQueuedSpinLock(&handle);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 0);

	/* queued, then ordinary: reported once per lock */
	KeAcquireSpinLock(&lock, &old);
	KeReleaseSpinLock(&lock, old);
	KeAcquireSpinLock(&lock, &old);
	KeReleaseSpinLock(&lock, old);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);

	/* ordinary, then queued at DPC level */
	KeAcquireSpinLock(&other, &old);
	KeReleaseSpinLock(&other, old);
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KeAcquireInStackQueuedSpinLockAtDpcLevel(&other, &handle);
	KeReleaseInStackQueuedSpinLockFromDpcLevel(&handle);
	KeLowerIrql(old);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/* The counts a misuse must leave alone. */
struct cpu_state {
	unsigned int pc;	/* preempt_count(): preempt and softirq bits */
	KIRQL irql;
	bool irqs_off;
};

static void cpu_state_get(struct cpu_state *st)
{
	st->pc = preempt_count();
	st->irql = KeGetCurrentIrql();
	st->irqs_off = irqs_disabled();
}

static void expect_cpu_state(struct kunit *test, const struct cpu_state *was)
{
	struct cpu_state now;

	cpu_state_get(&now);
	KUNIT_EXPECT_EQ(test, now.pc, was->pc);
	KUNIT_EXPECT_EQ(test, now.irql, was->irql);
	KUNIT_EXPECT_EQ(test, now.irqs_off, was->irqs_off);
}

/* A lock still works after a misuse: one clean round trip. */
static void expect_lock_usable(struct kunit *test, PKSPIN_LOCK lock)
{
	KLOCK_QUEUE_HANDLE handle;
	BOOLEAN held;
	KIRQL old;

	KeAcquireSpinLock(lock, &old);
	held = !KeTestSpinLock(lock);
	KeReleaseSpinLock(lock, old);
	KUNIT_EXPECT_TRUE(test, held);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(lock));
	KeAcquireInStackQueuedSpinLock(lock, &handle);
	KeReleaseInStackQueuedSpinLock(&handle);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

/* Released twice, in every build: the second one touches nothing. */
static void ntshim_spinlock_release_twice_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SPINLOCK_BAD_RELEASE);
	struct cpu_state st;
	KSPIN_LOCK lock;
	KIRQL old;

	KeInitializeSpinLock(&lock);
	KeAcquireSpinLock(&lock, &old);
	KeReleaseSpinLock(&lock, old);
	cpu_state_get(&st);
	__acquire(&lock.Lock);	/* misuse on purpose */
	KeReleaseSpinLock(&lock, old);
	expect_cpu_state(test, &st);

	/* the same at DISPATCH_LEVEL: still DISPATCH_LEVEL afterwards */
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KeAcquireSpinLockAtDpcLevel(&lock);
	KeReleaseSpinLockFromDpcLevel(&lock);
	cpu_state_get(&st);
	__acquire(&lock.Lock);
	KeReleaseSpinLockFromDpcLevel(&lock);
	__acquire(&lock.Lock);
	KeReleaseSpinLock(&lock, old);
	expect_cpu_state(test, &st);
	KeLowerIrql(old);

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 3);
	expect_lock_usable(test, &lock);
}

/* A zeroed and a stale handle while the lock is held: both refused. */
static void ntshim_spinlock_queued_bad_handle_held_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SPINLOCK_BAD_RELEASE);
	KLOCK_QUEUE_HANDLE handle, zero = {}, stale;
	struct cpu_state st;
	KSPIN_LOCK lock;
	BOOLEAN held;

	KeInitializeSpinLock(&lock);
	KeAcquireInStackQueuedSpinLock(&lock, &handle);
	stale = handle;
	KeReleaseInStackQueuedSpinLock(&handle);
	KeAcquireSpinLock(&lock, &handle.OldIrql);
	cpu_state_get(&st);
	__acquire(&zero.LockQueue.Lock->Lock);	/* misuse on purpose */
	KeReleaseInStackQueuedSpinLock(&zero);
	/* stale: the lock is held again, but ordinarily */
	__acquire(&stale.LockQueue.Lock->Lock);
	KeReleaseInStackQueuedSpinLock(&stale);
	expect_cpu_state(test, &st);
	held = !KeTestSpinLock(&lock);
	KeReleaseSpinLock(&lock, handle.OldIrql);

	KUNIT_EXPECT_TRUE(test, held);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	expect_lock_usable(test, &lock);
}

/*
 * Debug checks: a handle no acquire filled, whose lock pointer leads
 * nowhere, is read without faulting and refused (the release build
 * would follow the pointer, as Windows does).
 */
static void ntshim_spinlock_queued_garbage_handle_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SPINLOCK_BAD_RELEASE);
	KLOCK_QUEUE_HANDLE garbage;
	struct cpu_state st;

	if (!ntshim_checking())
		kunit_skip(test, "needs ntshim.debug_checks");
	memset(&garbage, 0x5a, sizeof(garbage));
	garbage.LockQueue.Lock = (PKSPIN_LOCK)0xdead4ead00000000UL;
	cpu_state_get(&st);
	__acquire(&garbage.LockQueue.Lock->Lock);	/* misuse on purpose */
	KeReleaseInStackQueuedSpinLock(&garbage);
	__acquire(&garbage.LockQueue.Lock->Lock);
	KeReleaseInStackQueuedSpinLockFromDpcLevel(&garbage);
	expect_cpu_state(test, &st);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
}

/* Queued acquire, ordinary release: reported, released as taken. */
static void ntshim_spinlock_queued_released_plain_test(struct kunit *test)
{
	struct ntshim_violation_mark mixed = ntshim_mark(NTSHIM_V_SPINLOCK_MIXED);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_SPINLOCK_BAD_RELEASE);
	KLOCK_QUEUE_HANDLE handle;
	struct cpu_state st;
	KSPIN_LOCK lock;
	KIRQL old;

	KeInitializeSpinLock(&lock);
	cpu_state_get(&st);
	KeAcquireInStackQueuedSpinLock(&lock, &handle);
	KeReleaseSpinLock(&lock, handle.OldIrql);
	expect_cpu_state(test, &st);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&lock));
	/* the handle's own release comes too late: refused */
	__acquire(&handle.LockQueue.Lock->Lock);
	KeReleaseInStackQueuedSpinLock(&handle);
	expect_cpu_state(test, &st);

	/* the same at DISPATCH_LEVEL with the FromDpcLevel pair */
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	cpu_state_get(&st);
	KeAcquireInStackQueuedSpinLockAtDpcLevel(&lock, &handle);
	KeReleaseSpinLockFromDpcLevel(&lock);
	expect_cpu_state(test, &st);
	KeLowerIrql(old);

	KUNIT_EXPECT_GE(test, ntshim_violations_since(&mixed), (u64)2);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
	expect_lock_usable(test, &lock);
}

/* One thread holds the lock, another releases it: refused. */
struct foreign_release {
	KSPIN_LOCK lock;
	atomic_t stage;		/* 1: held, 2: released by the other, 3: done */
	struct cpu_state before, after;
	bool still_held, timed_out;
};

static int foreign_holder_fn(void *data)
{
	struct foreign_release *f = data;
	unsigned long deadline = jiffies + 10 * HZ;
	KIRQL old;

	KeAcquireSpinLock(&f->lock, &old);
	atomic_set(&f->stage, 1);
	while (atomic_read(&f->stage) != 2 && time_before(jiffies, deadline))
		cpu_relax();
	f->timed_out = atomic_read(&f->stage) != 2;
	KeReleaseSpinLock(&f->lock, old);
	atomic_set(&f->stage, 3);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static int foreign_releaser_fn(void *data)
{
	struct foreign_release *f = data;
	unsigned long deadline = jiffies + 10 * HZ;

	while (atomic_read(&f->stage) != 1 && time_before(jiffies, deadline))
		schedule_timeout_interruptible(1);
	cpu_state_get(&f->before);
	__acquire(&f->lock.Lock);	/* misuse on purpose */
	KeReleaseSpinLock(&f->lock, PASSIVE_LEVEL);
	cpu_state_get(&f->after);
	f->still_held = !KeTestSpinLock(&f->lock);
	atomic_set(&f->stage, 2);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static void ntshim_spinlock_release_other_thread_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SPINLOCK_BAD_RELEASE);
	struct foreign_release *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	struct task_struct *t[2];
	int i;

	if (!cpu_online(0) || !cpu_online(1))
		kunit_skip(test, "needs CPUs 0 and 1 online");
	KUNIT_ASSERT_NOT_NULL(test, f);
	KeInitializeSpinLock(&f->lock);
	t[0] = kthread_create(foreign_holder_fn, f, "ntshim_hold");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t[0]));
	t[1] = kthread_create(foreign_releaser_fn, f, "ntshim_rel");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t[1]));
	for (i = 0; i < 2; i++) {
		kthread_bind(t[i], i);
		get_task_struct(t[i]);
		wake_up_process(t[i]);
	}
	/* kthread_stop() before a thread ran would skip its function */
	for (i = 0; i < 1000 && atomic_read(&f->stage) != 3; i++)
		msleep(20);
	for (i = 0; i < 2; i++) {
		kthread_stop(t[i]);
		put_task_struct(t[i]);
	}

	KUNIT_EXPECT_EQ(test, atomic_read(&f->stage), 3);
	KUNIT_EXPECT_FALSE(test, f->timed_out);
	KUNIT_EXPECT_TRUE(test, f->still_held);
	KUNIT_EXPECT_EQ(test, f->after.pc, f->before.pc);
	KUNIT_EXPECT_EQ(test, f->after.irql, PASSIVE_LEVEL);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	expect_lock_usable(test, &f->lock);
}

/* Interrupt spin lock: ISR-shared data. */
struct isr_ctx {
	KINTERRUPT interrupt;
	struct irq_work work;
	ULONG shared;
	KIRQL isr_old, in_routine;
	bool routine_irqs_off;
};

static KSYNCHRONIZE_ROUTINE isr_sync_routine;

static BOOLEAN isr_sync_routine(PVOID context)
{
	struct isr_ctx *c = context;

	c->in_routine = KeGetCurrentIrql();
	c->routine_irqs_off = irqs_disabled();
	c->shared++;
	return TRUE;
}

static void isr_work_fn(struct irq_work *work)
{
	struct isr_ctx *c = container_of(work, struct isr_ctx, work);
	KIRQL old = KeAcquireInterruptSpinLock(&c->interrupt);

	c->isr_old = old;
	c->shared += 10;
	KeReleaseInterruptSpinLock(&c->interrupt, old);
}

static void ntshim_spinlock_interrupt_test(struct kunit *test)
{
	struct isr_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	bool irqs_off_inside;
	KIRQL old, in;

	KUNIT_ASSERT_NOT_NULL(test, c);
	ntshim_init_interrupt(&c->interrupt, NTSHIM_HARDIRQ_LEVEL);

	/* from PASSIVE: interrupts off, IRQL = SynchronizeIrql */
	old = KeAcquireInterruptSpinLock(&c->interrupt);
	in = KeGetCurrentIrql();
	irqs_off_inside = irqs_disabled();
	c->shared++;
	KeReleaseInterruptSpinLock(&c->interrupt, old);
	KUNIT_EXPECT_EQ(test, old, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, in, NTSHIM_HARDIRQ_LEVEL);
	KUNIT_EXPECT_TRUE(test, irqs_off_inside);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);

	KUNIT_EXPECT_TRUE(test, KeSynchronizeExecution(&c->interrupt,
						       isr_sync_routine, c));
	KUNIT_EXPECT_EQ(test, c->in_routine, NTSHIM_HARDIRQ_LEVEL);
	KUNIT_EXPECT_TRUE(test, c->routine_irqs_off);

	/* from the "ISR" (hard interrupt context) */
	c->work = IRQ_WORK_INIT_HARD(isr_work_fn);
	irq_work_queue(&c->work);
	irq_work_sync(&c->work);
	KUNIT_EXPECT_EQ(test, c->isr_old, NTSHIM_HARDIRQ_LEVEL);
	KUNIT_EXPECT_EQ(test, c->shared, 12);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/* Contention: kthreads bound alternately to CPU 0 and CPU 1. */
#define CONTENDERS 4
#define CONTENTION_ROUNDS 1000

enum contention_mode { BY_ACQUIRE, BY_QUEUED, BY_DPC_LEVEL };

struct contention {
	KSPIN_LOCK lock;
	enum contention_mode mode;
	struct completion go;
	unsigned long counter;	/* plain: the lock is all that protects it */
	int bad_irql;
};

static int contention_fn(void *data)
{
	struct contention *c = data;
	KLOCK_QUEUE_HANDLE handle;
	KIRQL old;
	int i;

	wait_for_completion(&c->go);
	for (i = 0; i < CONTENTION_ROUNDS; i++) {
		switch (c->mode) {
		case BY_ACQUIRE:
			KeAcquireSpinLock(&c->lock, &old);
			c->counter++;
			KeReleaseSpinLock(&c->lock, old);
			break;
		case BY_QUEUED:
			KeAcquireInStackQueuedSpinLock(&c->lock, &handle);
			c->counter++;
			KeReleaseInStackQueuedSpinLock(&handle);
			break;
		case BY_DPC_LEVEL:
			KeRaiseIrql(DISPATCH_LEVEL, &old);
			KeAcquireSpinLockAtDpcLevel(&c->lock);
			c->counter++;
			KeReleaseSpinLockFromDpcLevel(&c->lock);
			KeLowerIrql(old);
			break;
		}
		if (KeGetCurrentIrql() != PASSIVE_LEVEL)
			c->bad_irql = 1;
		if (!(i % 64))
			cond_resched();
	}
	return 0;
}

/* Run @fn on @n kthreads, alternately on CPU 0 and 1; wait for all. */
static void run_on_both_cpus(struct kunit *test, int n,
			     int (*fn)(void *), void *data,
			     struct completion *go)
{
	struct task_struct *tasks[CONTENDERS];
	int i;

	KUNIT_ASSERT_LE(test, n, CONTENDERS);
	for (i = 0; i < n; i++) {
		tasks[i] = kthread_create(fn, data, "ntshim_spin/%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(tasks[i]));
		kthread_bind(tasks[i], i % 2);
		get_task_struct(tasks[i]);
		wake_up_process(tasks[i]);
	}
	complete_all(go);
	for (i = 0; i < n; i++) {
		kthread_stop(tasks[i]);
		put_task_struct(tasks[i]);
	}
}

static void contention_run(struct kunit *test, enum contention_mode mode)
{
	struct contention *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	if (!cpu_online(0) || !cpu_online(1))
		kunit_skip(test, "needs CPUs 0 and 1 online");
	KUNIT_ASSERT_NOT_NULL(test, c);
	KeInitializeSpinLock(&c->lock);
	c->mode = mode;
	init_completion(&c->go);
	run_on_both_cpus(test, CONTENDERS, contention_fn, c, &c->go);

	KUNIT_EXPECT_EQ(test, c->counter,
			(unsigned long)CONTENDERS * CONTENTION_ROUNDS);
	KUNIT_EXPECT_EQ(test, c->bad_irql, 0);
	KUNIT_EXPECT_TRUE(test, KeTestSpinLock(&c->lock));
}

static void ntshim_spinlock_contention_test(struct kunit *test)
{
	contention_run(test, BY_ACQUIRE);
}

static void ntshim_spinlock_contention_queued_test(struct kunit *test)
{
	contention_run(test, BY_QUEUED);
}

static void ntshim_spinlock_contention_dpc_level_test(struct kunit *test)
{
	contention_run(test, BY_DPC_LEVEL);
}

/*
 * First come, first served: two kthreads, one per CPU, take a queued
 * lock in turn.  Before releasing, the holder waits (a bounded while)
 * until the other one is queued on the lock, then releases and at once
 * asks for the lock again.  A FIFO lock must now go to the waiter; an
 * unfair one could go straight back to the releaser.  Only hand-overs
 * where the waiter was seen queued are judged, so the test does not
 * depend on timing.
 */
#define FIFO_ROUNDS 100
#define FIFO_PATIENCE 1000000

struct fifo {
	KSPIN_LOCK lock;
	struct completion go;
	atomic_t finished[2];
	atomic_t next_id;
	int last_owner;		/* under the lock */
	bool waiter_seen;	/* under the lock: last release had a waiter */
	int judged, unfair;
};

static int fifo_fn(void *data)
{
	struct fifo *f = data;
	int me = atomic_inc_return(&f->next_id) - 1;
	KLOCK_QUEUE_HANDLE handle;
	int i, spin;

	wait_for_completion(&f->go);
	for (i = 0; i < FIFO_ROUNDS; i++) {
		KeAcquireInStackQueuedSpinLock(&f->lock, &handle);
		if (f->waiter_seen) {
			f->judged++;
			if (f->last_owner == me)
				f->unfair++;
		}
		f->last_owner = me;
		for (spin = 0; spin < FIFO_PATIENCE; spin++) {
			if (spin_is_contended(&f->lock.Lock) ||
			    atomic_read(&f->finished[!me]))
				break;
			cpu_relax();
		}
		/* contended: the other thread waits, it alone can */
		f->waiter_seen = spin_is_contended(&f->lock.Lock);
		KeReleaseInStackQueuedSpinLock(&handle);
	}
	atomic_set(&f->finished[me], 1);
	return 0;
}

static void ntshim_spinlock_queued_fifo_test(struct kunit *test)
{
	struct fifo *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);

	if (!cpu_online(0) || !cpu_online(1))
		kunit_skip(test, "needs CPUs 0 and 1 online");
	KUNIT_ASSERT_NOT_NULL(test, f);
	KeInitializeSpinLock(&f->lock);
	init_completion(&f->go);
	f->last_owner = -1;
	run_on_both_cpus(test, 2, fifo_fn, f, &f->go);

	/* virt_spin_lock() makes x86 guests without PV locks test-and-set */
	if (IS_ENABLED(CONFIG_PARAVIRT) && !f->judged)
		kunit_skip(test, "the spin lock is not queued in this guest");
	KUNIT_EXPECT_GT(test, f->judged, 0);
	KUNIT_EXPECT_EQ(test, f->unfair, 0);
	kunit_info(test, "%d hand-overs to a queued waiter, all in order\n",
		   f->judged);
}

static struct kunit_case ntshim_spinlock_cases[] = {
	KUNIT_CASE(ntshim_spinlock_init_test),
	KUNIT_CASE(ntshim_spinlock_acquire_test),
	KUNIT_CASE(ntshim_spinlock_raise_to_dpc_test),
	KUNIT_CASE(ntshim_spinlock_acquire_at_apc_test),
	KUNIT_CASE(ntshim_spinlock_at_dpc_level_test),
	KUNIT_CASE(ntshim_spinlock_at_dpc_level_too_low_test),
	KUNIT_CASE(ntshim_spinlock_acquire_too_high_test),
	KUNIT_CASE(ntshim_spinlock_at_dpc_level_irqs_off_test),
	KUNIT_CASE(ntshim_spinlock_at_dpc_level_preempt_off_test),
	KUNIT_CASE(ntshim_spinlock_release_from_high_test),
	KUNIT_CASE(ntshim_spinlock_try_test),
	KUNIT_CASE(ntshim_spinlock_try_too_low_test),
	KUNIT_CASE(ntshim_spinlock_cross_pairs_test),
	KUNIT_CASE(ntshim_spinlock_bad_release_test),
	KUNIT_CASE(ntshim_spinlock_queued_test),
	KUNIT_CASE(ntshim_spinlock_queued_nested_test),
	KUNIT_CASE(ntshim_spinlock_queued_at_dpc_level_test),
	KUNIT_CASE(ntshim_spinlock_queued_bad_release_test),
	KUNIT_CASE(ntshim_spinlock_queued_stale_handle_test),
	KUNIT_CASE(ntshim_spinlock_mixed_test),
	KUNIT_CASE(ntshim_spinlock_release_twice_test),
	KUNIT_CASE(ntshim_spinlock_queued_bad_handle_held_test),
	KUNIT_CASE(ntshim_spinlock_queued_garbage_handle_test),
	KUNIT_CASE(ntshim_spinlock_queued_released_plain_test),
	KUNIT_CASE(ntshim_spinlock_release_other_thread_test),
	KUNIT_CASE(ntshim_spinlock_interrupt_test),
	KUNIT_CASE(ntshim_spinlock_contention_test),
	KUNIT_CASE(ntshim_spinlock_contention_queued_test),
	KUNIT_CASE(ntshim_spinlock_contention_dpc_level_test),
	KUNIT_CASE(ntshim_spinlock_queued_fifo_test),
	{}
};

static struct kunit_suite ntshim_spinlock_suite = {
	.name = "ntshim_spinlock",
	.test_cases = ntshim_spinlock_cases,
};

kunit_test_suite(ntshim_spinlock_suite);
