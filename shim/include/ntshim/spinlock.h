/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KSPIN_LOCK on spinlock_t, in-stack queued spin locks on the same lock,
 * and interrupt spin locks for data shared with an ISR.
 *
 *   KeAcquireSpinLock()             spin_lock_bh(): raises to DISPATCH_LEVEL
 *   KeAcquireSpinLockAtDpcLevel()   spin_lock(): caller is at DISPATCH_LEVEL
 *   KeAcquireInStackQueuedSpinLock  the same two, with a handle
 *   KeAcquireInterruptSpinLock()    spin_lock_irqsave(): above DISPATCH_LEVEL
 *
 * spinlock_t is a qspinlock on x86 (an MCS queue behind a pending bit),
 * which already grants a contended lock first come, first served: the
 * in-stack queued lock needs no queue of its own, and the handle's
 * LockQueue.Next is unused.  Lockdep, KASAN and PREEMPT_RT (where
 * spinlock_t sleeps) apply as to any spinlock_t.
 *
 * The lock remembers who holds it and how it was taken (Owner, written
 * only by the holder; see ntshim_spin_owner()), so every release undoes
 * exactly what its acquire did:
 *  - a raising acquire (KeAcquireSpinLock) released by KeReleaseSpinLock()
 *    re-enables softirqs; released by KeReleaseSpinLockFromDpcLevel() it
 *    leaves the IRQL at DISPATCH_LEVEL, as Windows does, until
 *    KeLowerIrql();
 *  - KeReleaseSpinLock() after an AtDpcLevel acquire lowers to NewIrql
 *    (the KeRaiseIrql / AtDpcLevel / KeReleaseSpinLock pattern);
 *  - the fallbacks for misuse (below) are undone by any release.
 *
 * Misuse is reported (see <ntshim/violation.h>) and survived:
 *  - KeAcquireSpinLock* above DISPATCH_LEVEL: IRQL_TOO_HIGH; the lock is
 *    taken with spin_lock() and the IRQL stays as it was.  In a hard
 *    interrupt lockdep will also report the lock's inconsistent use: the
 *    driver really can deadlock there, on Windows as on Linux.
 *  - *AtDpcLevel below DISPATCH_LEVEL: IRQL_TOO_LOW; the lock is taken
 *    with spin_lock_bh() so a DPC on this CPU cannot deadlock on it.
 *  - A release by anyone but the holder: a lock that is not held (never
 *    acquired, released twice), held by another thread or context, or a
 *    queued release with a handle that holds nothing (zeroed, already
 *    released, a stale copy): SPINLOCK_BAD_RELEASE, nothing is unlocked
 *    and no count (IRQL, preempt, softirq) is touched.  The lock records
 *    its holder and how it was taken in one word (Owner, written after
 *    the acquire, cleared before the release), so this runs in every
 *    build: the release's fast path is one compare of Owner with the
 *    value its own context and release kind expect (Windows: Driver
 *    Verifier's 0xC4 / 0x51 checks SPIN_LOCK_NOT_OWNED).
 *  - A lock taken by KeAcquireInStackQueuedSpinLock*() and released by
 *    KeReleaseSpinLock*(): SPINLOCK_MIXED, and the lock is released as
 *    its acquire took it (softirqs back on, IRQL back to NewIrql).
 * With ntshim's debug checks on (ntshim.debug_checks, see
 * <ntshim/violation.h>; decided by ntshim.ko, not by the client's build):
 *  - queued and ordinary acquisition of one lock: SPINLOCK_MIXED, once
 *    per lock (the lock still works: both are the same spinlock_t);
 *  - a queued release with a handle no acquire ever filled (stack
 *    garbage): its lock pointer is read without faulting first, and a
 *    pointer that does not lead to a lock the caller holds queued is
 *    SPINLOCK_BAD_RELEASE.  Without them the release build reads
 *    through the handle's pointer as Windows does (a wild pointer may
 *    fault; NULL, a released or a stale handle are refused in every
 *    build).
 */
#ifndef _NTSHIM_SPINLOCK_H
#define _NTSHIM_SPINLOCK_H

#include <linux/spinlock.h>
#include <ntshim/irql.h>
#include <ntshim/violation.h>

/* How the holder took the lock: in KSPIN_LOCK.Owner, see ntshim_spin_owner(). */
#define NTSHIM_HELD_RAISED 1	/* spin_lock_bh(), IRQL raised by the acquire */
#define NTSHIM_HELD_PLAIN 2	/* spin_lock(), at DISPATCH_LEVEL or above */
#define NTSHIM_HELD_FIXUP 3	/* spin_lock_bh() for an AtDpcLevel misuse */
#define NTSHIM_HELD_QUEUED 4	/* flag: a queued acquire */
#define NTSHIM_HELD_SHIFT 57	/* bits 57..59 of Owner */
#define NTSHIM_HELD_MASK (7UL << NTSHIM_HELD_SHIFT)

/* Which API family took the lock, for SPINLOCK_MIXED: KSPIN_LOCK.Kind. */
#define NTSHIM_LOCK_ORDINARY 1
#define NTSHIM_LOCK_QUEUED 2
#define NTSHIM_LOCK_MIXED 3	/* reported once; no more checks */

/* KeReleaseSpinLockFromDpcLevel() and friends do not change the IRQL. */
#define NTSHIM_NO_LOWER (-1)

/**
 * struct _KSPIN_LOCK - a DDK spin lock
 * @Lock:    the Linux spin lock (a qspinlock on x86)
 * @Kind:    NTSHIM_LOCK_*: which acquire family used it (private, debug)
 * @Owner:   the holder and how it took the lock, ntshim_spin_owner()
 *           (private); 0 when free
 *
 * Windows' KSPIN_LOCK is a ULONG_PTR; ntshim's is larger, so code that
 * assumes sizeof(KSPIN_LOCK) == sizeof(void *) must be adapted.  The
 * layout is the same with and without CONFIG_NTSHIM_DEBUG.
 */
typedef struct _KSPIN_LOCK {
	spinlock_t Lock;	/* the lock itself */
	UCHAR Kind;
	unsigned long Owner;
} KSPIN_LOCK, *PKSPIN_LOCK;

/**
 * struct _KSPIN_LOCK_QUEUE - the queue entry of an in-stack queued lock
 * @Next: unused and never written: the qspinlock keeps its own per-CPU
 *        MCS queue
 * @Lock: the lock the handle holds, NULL when it holds none
 */
typedef struct _KSPIN_LOCK_QUEUE {
	struct _KSPIN_LOCK_QUEUE *Next;
	PKSPIN_LOCK Lock;
} KSPIN_LOCK_QUEUE, *PKSPIN_LOCK_QUEUE;

/**
 * struct _KLOCK_QUEUE_HANDLE - an in-stack queued lock acquisition
 * @LockQueue: which lock is held
 * @OldIrql:   the IRQL before the acquire
 *
 * Lives on the acquirer's stack from acquire to release.  Windows' x64
 * layout: how the lock was taken is recorded in the lock's Owner.
 */
typedef struct _KLOCK_QUEUE_HANDLE {
	KSPIN_LOCK_QUEUE LockQueue;
	KIRQL OldIrql;
} KLOCK_QUEUE_HANDLE, *PKLOCK_QUEUE_HANDLE;

/**
 * KeInitializeSpinLock() - initialise a spin lock
 * @SpinLock: PKSPIN_LOCK; evaluated more than once
 *
 * A macro so that lockdep gives each call site its own lock class.  The
 * same initialisation serves ordinary and in-stack queued acquisition.
 */
#define KeInitializeSpinLock(SpinLock)                                        \
	do {                                                                  \
		spin_lock_init(&(SpinLock)->Lock);                            \
		(SpinLock)->Kind = 0;                                         \
		(SpinLock)->Owner = 0;                                        \
	} while (0)

/**
 * ntshim_spin_irql_violation() - report a spin lock call at the wrong IRQL
 * @SpinLock: the lock
 * @kind:     NTSHIM_V_IRQL_TOO_HIGH or NTSHIM_V_IRQL_TOO_LOW
 * @irql:     the IRQL of the call
 * @caller:   the call site
 */
void ntshim_spin_irql_violation(PKSPIN_LOCK SpinLock,
				enum ntshim_violation_kind kind, KIRQL irql,
				unsigned long caller);

/**
 * ntshim_spin_kind_slow() - record or check which family took a lock
 * @SpinLock: the lock, held by the caller
 * @kind:     NTSHIM_LOCK_ORDINARY or NTSHIM_LOCK_QUEUED
 * @caller:   the call site, for the SPINLOCK_MIXED report
 */
void ntshim_spin_kind_slow(PKSPIN_LOCK SpinLock, UCHAR kind,
			   unsigned long caller);

/**
 * ntshim_spin_bad_release() - report a release that holds nothing
 * @SpinLock: the lock, or NULL
 * @handle:   the queued-lock handle, or NULL
 * @caller:   the call site
 */
void ntshim_spin_bad_release(PKSPIN_LOCK SpinLock,
			     PKLOCK_QUEUE_HANDLE handle, unsigned long caller);

/**
 * ntshim_spin_release_slow() - every release the fast paths do not make
 * @SpinLock: the lock
 * @lower_to: the IRQL to lower to afterwards, or NTSHIM_NO_LOWER
 * @caller:   the call site, for a report
 *
 * Called in the releasing context, which it reads again.  A release by
 * someone who does not hold the lock is reported and
 * ignored; otherwise undoes what the acquire did (see the top of
 * <ntshim/spinlock.h>), running this CPU's pending DPCs when the IRQL
 * drops below DISPATCH_LEVEL.
 */
void ntshim_spin_release_slow(PKSPIN_LOCK SpinLock, int lower_to,
			      unsigned long caller)
	__releases(&SpinLock->Lock);

/**
 * ntshim_spin_release_queued_slow() - the slow path of a queued release
 * @LockHandle: the handle
 * @lower_to:   the IRQL to lower to afterwards, or NTSHIM_NO_LOWER
 * @caller:     the call site, for a report
 *
 * Like ntshim_spin_release_slow(), for a handle; with the debug checks on,
 * the handle's lock pointer is read without faulting.
 */
void ntshim_spin_release_queued_slow(PKLOCK_QUEUE_HANDLE LockHandle,
				     int lower_to, unsigned long caller)
	__releases(&LockHandle->LockQueue.Lock->Lock);

/**
 * ntshim_spin_lock_high() - a raising acquire above DISPATCH_LEVEL
 * @SpinLock: the lock
 * @how:      NTSHIM_HELD_QUEUED for a queued acquire, else 0
 * @caller:   the call site, for the report
 *
 * IRQL_TOO_HIGH: reported, the lock is taken with spin_lock() and the
 * IRQL stays as it was.
 *
 * Return: the IRQL of the call.
 */
KIRQL ntshim_spin_lock_high(PKSPIN_LOCK SpinLock, UCHAR how,
			    unsigned long caller)
	__acquires(&SpinLock->Lock);

/**
 * ntshim_spin_lock_low() - an AtDpcLevel acquire with a zero preempt count
 * @SpinLock: the lock
 * @how:      NTSHIM_HELD_QUEUED for a queued acquire, else 0
 * @caller:   the call site, for the report
 *
 * With interrupts masked the IRQL is above DISPATCH_LEVEL: spin_lock().
 * Otherwise IRQL_TOO_LOW: reported, and the lock is taken with
 * spin_lock_bh() so a DPC on this CPU cannot deadlock on it.
 */
void ntshim_spin_lock_low(PKSPIN_LOCK SpinLock, UCHAR how,
			  unsigned long caller)
	__acquires(&SpinLock->Lock);

/* Debug checks on: record the acquire family, report SPINLOCK_MIXED. */
#define ntshim_spin_kind(SpinLock, kind)                                      \
	do {                                                                  \
		if (ntshim_checking() &&                                      \
		    unlikely(READ_ONCE((SpinLock)->Kind) != (kind)))          \
			ntshim_spin_kind_slow(SpinLock, kind, _THIS_IP_);     \
	} while (0)

/**
 * ntshim_spin_ctx() - the caller's context, as Owner encodes it
 * @pc: preempt_count(), read by the caller
 *
 * The serving-softirq bit and the hard interrupt and NMI counts of @pc,
 * rotated to bit 56 and bits 0..5: bits where no two task_struct
 * addresses differ (64-byte aligned kernel addresses, kilobytes apart,
 * bits 56..63 all set).
 *
 * Return: 0 in task context, another value in each interrupt context.
 */
static __always_inline unsigned long ntshim_spin_ctx(unsigned long pc)
{
	return ror64(pc & (SOFTIRQ_OFFSET | HARDIRQ_MASK | NMI_MASK), 16);
}

/**
 * ntshim_spin_owner() - KSPIN_LOCK.Owner while the caller holds the lock
 * @pc:  preempt_count(), read by the caller
 * @how: NTSHIM_HELD_*, with NTSHIM_HELD_QUEUED for a queued acquire
 *
 * The current task, plus @how in bits 57..59 (which every kernel address
 * has set, so the sum only changes those bits), XOR its context (see
 * ntshim_spin_ctx()).  So a DPC or an ISR that interrupted a holder is not
 * mistaken for it, no two (task, context, how) give the same value, and a
 * release compares one word to know both that its caller holds the lock
 * and that the lock was taken the way its fast path undoes; anything
 * else (another holder, a free lock, another kind of acquire) goes to
 * the slow path, which tells them apart.  The sum and the XOR are
 * different operations so the compiler keeps task + @how as one value,
 * which a loop computes once: three instructions on top of the
 * preempt_count() load, no branch.
 *
 * Return: the Owner value.
 */
static __always_inline unsigned long ntshim_spin_owner(unsigned long pc,
						       unsigned int how)
{
	return ntshim_spin_ctx(pc) ^
	       ((unsigned long)get_current() +
		((unsigned long)how << NTSHIM_HELD_SHIFT));
}

/*
 * Above DISPATCH_LEVEL for a raising acquire?  x86 runs every hard
 * interrupt handler and NMI with interrupts off (genirq re-disables them
 * if a handler does not), so there the interrupt flag alone answers it;
 * elsewhere the hard-context bits of preempt_count() are tested first.
 * The flag must be known anyway: softirqs cannot be re-enabled under a
 * caller that masked interrupts.
 */
static __always_inline bool ntshim_spin_masked(unsigned long pc)
{
	if (!IS_ENABLED(CONFIG_X86) && ntshim_irql_pc_masked(pc))
		return true;
	return irqs_disabled();
}

/*
 * The raising release's fast path: the caller holds the lock as @how,
 * interrupts are on and no DPC waits for the IRQL to drop.
 */
static __always_inline bool ntshim_spin_release_fast(PKSPIN_LOCK SpinLock,
						     unsigned long want)
{
	return likely(READ_ONCE(SpinLock->Owner) == want) &&
	       likely(!irqs_disabled()) &&
	       likely(!__this_cpu_read(ntshim_dpc_pending));
}

/**
 * KeAcquireSpinLockRaiseToDpc() - acquire a spin lock, raising to DISPATCH
 * @SpinLock: the lock
 *
 * spin_lock_bh(): no preemption and no softirqs (DPCs) on this CPU until
 * the release.  Callable at IRQL <= DISPATCH_LEVEL; above it, see the
 * top of <ntshim/spinlock.h>.
 *
 * Return: the IRQL before the call, for KeReleaseSpinLock().
 */
static __always_inline KIRQL KeAcquireSpinLockRaiseToDpc(PKSPIN_LOCK SpinLock)
	__acquires(&SpinLock->Lock)
{
	unsigned long pc = preempt_count();
	unsigned long owner;
	KIRQL old;

	if (unlikely(ntshim_spin_masked(pc))) {
		old = ntshim_spin_lock_high(SpinLock, 0, _THIS_IP_);
	} else {
		old = ntshim_irql_unmasked(pc);
		owner = ntshim_spin_owner(pc, NTSHIM_HELD_RAISED);
		spin_lock_bh(&SpinLock->Lock);
		WRITE_ONCE(SpinLock->Owner, owner);
	}
	ntshim_spin_kind(SpinLock, NTSHIM_LOCK_ORDINARY);
	return old;
}

/**
 * KeAcquireSpinLock() - acquire a spin lock, raising to DISPATCH_LEVEL
 * @SpinLock: the lock
 * @OldIrql:  PKIRQL that receives the IRQL before the call
 *
 * See KeAcquireSpinLockRaiseToDpc().
 */
#define KeAcquireSpinLock(SpinLock, OldIrql)                                  \
	(*(OldIrql) = KeAcquireSpinLockRaiseToDpc(SpinLock))

/* The AtDpcLevel acquire shared by the ordinary and queued families. */
static __always_inline void ntshim_spin_lock_dpc(PKSPIN_LOCK SpinLock,
						 unsigned int queued)
	__acquires(&SpinLock->Lock)
{
	unsigned long pc = preempt_count();
	unsigned long owner;

	/* Any count is DISPATCH_LEVEL or above; zero needs a closer look. */
	if (unlikely(!pc && !(IS_ENABLED(CONFIG_PREEMPT_RT) && in_softirq()))) {
		ntshim_spin_lock_low(SpinLock, queued, _THIS_IP_);
		return;
	}
	owner = ntshim_spin_owner(pc, NTSHIM_HELD_PLAIN | queued);
	spin_lock(&SpinLock->Lock);
	WRITE_ONCE(SpinLock->Owner, owner);
}

/**
 * KeAcquireSpinLockRaiseToSynch() - acquire a spin lock at SYNCH_LEVEL
 * @SpinLock: the lock
 *
 * Windows raises to SYNCH_LEVEL (12 on x64: device interrupts masked,
 * clock and IPIs still delivered).  Linux has no level between "softirqs
 * off" and "all local interrupts off", so the honest nearest is the
 * latter: KfRaiseIrql(SYNCH_LEVEL) (local_irq_save(), and
 * KeGetCurrentIrql() reads SYNCH_LEVEL), then the lock as at
 * DISPATCH_LEVEL.  Release with KeReleaseSpinLock(@SpinLock, old IRQL),
 * which unlocks and lowers.  IRQL <= SYNCH_LEVEL; above it the raise
 * reports IRQL_RAISE_LOWER.
 *
 * Return: the IRQL before the call, for KeReleaseSpinLock().
 */
static __always_inline KIRQL KeAcquireSpinLockRaiseToSynch(PKSPIN_LOCK SpinLock)
	__acquires(&SpinLock->Lock)
{
	KIRQL old = KfRaiseIrql(SYNCH_LEVEL);

	ntshim_spin_lock_dpc(SpinLock, 0);
	ntshim_spin_kind(SpinLock, NTSHIM_LOCK_ORDINARY);
	return old;
}

/**
 * KeReleaseSpinLock() - release a spin lock and return to an IRQL
 * @SpinLock: the lock
 * @NewIrql:  the IRQL KeAcquireSpinLock() returned
 *
 * spin_unlock_bh() after a KeAcquireSpinLock(); after an AtDpcLevel
 * acquire, spin_unlock() and KeLowerIrql(@NewIrql).
 */
static __always_inline void KeReleaseSpinLock(PKSPIN_LOCK SpinLock,
					      KIRQL NewIrql)
	__releases(&SpinLock->Lock)
{
	unsigned long want = ntshim_spin_owner(preempt_count(),
					      NTSHIM_HELD_RAISED);

	if (ntshim_spin_release_fast(SpinLock, want)) {
		WRITE_ONCE(SpinLock->Owner, 0);
		spin_unlock_bh(&SpinLock->Lock);
	} else {
		ntshim_spin_release_slow(SpinLock, NewIrql, _THIS_IP_);
	}
}

/**
 * KeAcquireSpinLockAtDpcLevel() - acquire a spin lock at DISPATCH_LEVEL
 * @SpinLock: the lock
 *
 * spin_lock(); the caller must already be at IRQL >= DISPATCH_LEVEL
 * (a DPC, or after KeRaiseIrql()); below it, IRQL_TOO_LOW (see the top
 * of <ntshim/spinlock.h>).  The IRQL does not change.
 */
static __always_inline void KeAcquireSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock)
	__acquires(&SpinLock->Lock)
{
	ntshim_spin_lock_dpc(SpinLock, 0);
	ntshim_spin_kind(SpinLock, NTSHIM_LOCK_ORDINARY);
}

/**
 * KeReleaseSpinLockFromDpcLevel() - release a spin lock, IRQL unchanged
 * @SpinLock: the lock
 *
 * spin_unlock() after KeAcquireSpinLockAtDpcLevel().
 */
static __always_inline void KeReleaseSpinLockFromDpcLevel(PKSPIN_LOCK SpinLock)
	__releases(&SpinLock->Lock)
{
	unsigned long want = ntshim_spin_owner(preempt_count(),
					      NTSHIM_HELD_PLAIN);

	if (likely(READ_ONCE(SpinLock->Owner) == want)) {
		WRITE_ONCE(SpinLock->Owner, 0);
		spin_unlock(&SpinLock->Lock);
	} else {
		ntshim_spin_release_slow(SpinLock, NTSHIM_NO_LOWER,
					 _THIS_IP_);
	}
}

/**
 * ntshim_spin_trylock_dpc() - the body of KeTryToAcquireSpinLockAtDpcLevel()
 * @SpinLock: the lock
 *
 * Return: true with the lock held, false without waiting if it is busy.
 */
static __always_inline bool ntshim_spin_trylock_dpc(PKSPIN_LOCK SpinLock)
{
	unsigned long pc = preempt_count();
	UCHAR how = NTSHIM_HELD_PLAIN;

	if (unlikely(!ntshim_irql_at_least_dispatch())) {
		ntshim_spin_irql_violation(SpinLock, NTSHIM_V_IRQL_TOO_LOW,
					   KeGetCurrentIrql(), _THIS_IP_);
		how = NTSHIM_HELD_FIXUP;
		if (!spin_trylock_bh(&SpinLock->Lock))
			return false;
	} else if (!spin_trylock(&SpinLock->Lock)) {
		return false;
	}
	WRITE_ONCE(SpinLock->Owner,
		   ntshim_spin_owner(pc, how));
	ntshim_spin_kind(SpinLock, NTSHIM_LOCK_ORDINARY);
	return true;
}

/**
 * KeTryToAcquireSpinLockAtDpcLevel() - try to take a spin lock, no waiting
 * @SpinLock: the lock
 *
 * Like KeAcquireSpinLockAtDpcLevel(), but returns at once if the lock is
 * held.  Release with KeReleaseSpinLockFromDpcLevel().
 *
 * Return: TRUE if the lock was acquired, FALSE if it is held.
 */
#define KeTryToAcquireSpinLockAtDpcLevel(SpinLock)                            \
	((BOOLEAN)ntshim_spin_trylock_dpc(SpinLock))

/**
 * KeTestSpinLock() - is a spin lock free right now?
 * @SpinLock: the lock
 *
 * Neither acquires the lock nor changes the IRQL; callable at any IRQL.
 *
 * Return: FALSE if the lock is held, TRUE otherwise.
 */
static __always_inline BOOLEAN KeTestSpinLock(PKSPIN_LOCK SpinLock)
{
	return !spin_is_locked(&SpinLock->Lock);
}

/**
 * KeAcquireInStackQueuedSpinLock() - acquire a queued lock, raising to DPC
 * @SpinLock:   the lock (initialised with KeInitializeSpinLock())
 * @LockHandle: the caller's handle, kept until the release
 *
 * spin_lock_bh() on the same spinlock_t; contended waiters are served in
 * arrival order by the qspinlock queue.  Callable at IRQL <=
 * DISPATCH_LEVEL.  Do not mix with KeAcquireSpinLock() on one lock.
 */
static __always_inline void
KeAcquireInStackQueuedSpinLock(PKSPIN_LOCK SpinLock,
			       PKLOCK_QUEUE_HANDLE LockHandle)
	__acquires(&SpinLock->Lock)
{
	unsigned long pc = preempt_count();
	unsigned long owner;

	if (unlikely(ntshim_spin_masked(pc))) {
		LockHandle->OldIrql = ntshim_spin_lock_high(SpinLock,
							    NTSHIM_HELD_QUEUED,
							    _THIS_IP_);
	} else {
		LockHandle->OldIrql = ntshim_irql_unmasked(pc);
		owner = ntshim_spin_owner(pc, NTSHIM_HELD_RAISED |
					     NTSHIM_HELD_QUEUED);
		spin_lock_bh(&SpinLock->Lock);
		WRITE_ONCE(SpinLock->Owner, owner);
	}
	LockHandle->LockQueue.Lock = SpinLock;
	ntshim_spin_kind(SpinLock, NTSHIM_LOCK_QUEUED);
}

/**
 * KeAcquireInStackQueuedSpinLockAtDpcLevel() - acquire a queued lock at DPC
 * @SpinLock:   the lock
 * @LockHandle: the caller's handle, kept until the release
 *
 * spin_lock() on the same spinlock_t; the caller must be at IRQL >=
 * DISPATCH_LEVEL (below it, IRQL_TOO_LOW).  The IRQL does not change.
 */
static __always_inline void
KeAcquireInStackQueuedSpinLockAtDpcLevel(PKSPIN_LOCK SpinLock,
					 PKLOCK_QUEUE_HANDLE LockHandle)
	__acquires(&SpinLock->Lock)
{
	LockHandle->OldIrql = KeGetCurrentIrql();
	ntshim_spin_lock_dpc(SpinLock, NTSHIM_HELD_QUEUED);
	LockHandle->LockQueue.Lock = SpinLock;
	ntshim_spin_kind(SpinLock, NTSHIM_LOCK_QUEUED);
}

/*
 * The queued releases' fast path: the handle names a lock whose Owner is
 * @want (the caller holds it queued, taken the way the release undoes).
 * A NULL handle (zeroed, already released) and, with the debug checks
 * on, every handle go to the slow path, which reads a handle's lock
 * pointer without faulting before it trusts it.  Clears the handle so
 * that a second release is caught too.
 */
static __always_inline PKSPIN_LOCK
ntshim_handle_take(PKLOCK_QUEUE_HANDLE LockHandle, unsigned long want)
{
	PKSPIN_LOCK lock = LockHandle->LockQueue.Lock;

	if (likely(lock) && !ntshim_checking() &&
	    likely(READ_ONCE(lock->Owner) == want)) {
		LockHandle->LockQueue.Lock = NULL;
		WRITE_ONCE(lock->Owner, 0);
		return lock;
	}
	return NULL;
}

/**
 * KeReleaseInStackQueuedSpinLock() - release a queued lock, restore IRQL
 * @LockHandle: the handle given to the acquire
 *
 * Returns to the handle's OldIrql.  Queued locks taken one after another
 * are released in the reverse order.  A handle that holds no lock is
 * SPINLOCK_BAD_RELEASE: reported, nothing is released.
 */
static __always_inline void
KeReleaseInStackQueuedSpinLock(PKLOCK_QUEUE_HANDLE LockHandle)
	__releases(&LockHandle->LockQueue.Lock->Lock)
{
	unsigned long want = ntshim_spin_owner(preempt_count(),
					      NTSHIM_HELD_RAISED |
					      NTSHIM_HELD_QUEUED);
	PKSPIN_LOCK lock;

	if (likely(!irqs_disabled()) &&
	    likely(!__this_cpu_read(ntshim_dpc_pending))) {
		lock = ntshim_handle_take(LockHandle, want);
		if (likely(lock)) {
			spin_unlock_bh(&lock->Lock);
			return;
		}
	}
	ntshim_spin_release_queued_slow(LockHandle, LockHandle->OldIrql,
					_THIS_IP_);
}

/**
 * KeReleaseInStackQueuedSpinLockFromDpcLevel() - release a queued lock
 * @LockHandle: the handle given to the acquire
 *
 * The IRQL does not change.  A handle that holds no lock is
 * SPINLOCK_BAD_RELEASE: reported, nothing is released.
 */
static __always_inline void
KeReleaseInStackQueuedSpinLockFromDpcLevel(PKLOCK_QUEUE_HANDLE LockHandle)
	__releases(&LockHandle->LockQueue.Lock->Lock)
{
	unsigned long want = ntshim_spin_owner(preempt_count(),
					      NTSHIM_HELD_PLAIN |
					      NTSHIM_HELD_QUEUED);
	PKSPIN_LOCK lock = ntshim_handle_take(LockHandle, want);

	if (likely(lock))
		spin_unlock(&lock->Lock);
	else
		ntshim_spin_release_queued_slow(LockHandle, NTSHIM_NO_LOWER,
						_THIS_IP_);
}

/**
 * struct _KINTERRUPT - stand-in for an interrupt object
 * @SpinLock:        the lock that serialises the ISR and its callers
 * @SynchronizeIrql: the IRQL the ISR and the lock holders run at
 * @SavedFlags:      the holder's saved interrupt flags (private)
 * @SavedLevel:      the holder's previous recorded IRQL (private)
 *
 * Windows builds these in IoConnectInterrupt(); ntshim has no interrupt
 * connection of its own, so a driver embeds one next to its Linux
 * request_irq() handler and sets it up with ntshim_init_interrupt().
 */
typedef struct _KINTERRUPT {
	KSPIN_LOCK SpinLock;
	KIRQL SynchronizeIrql;
	KIRQL SavedLevel;
	unsigned long SavedFlags;
} KINTERRUPT, *PKINTERRUPT;

/**
 * ntshim_init_interrupt() - set up a KINTERRUPT
 * @Interrupt: PKINTERRUPT
 * @Irql:      its SynchronizeIrql: above DISPATCH_LEVEL, usually
 *             NTSHIM_HARDIRQ_LEVEL (what an ISR reads)
 *
 * A macro so that lockdep gives each call site its own lock class.
 */
#define ntshim_init_interrupt(Interrupt, Irql)                                \
	do {                                                                  \
		KeInitializeSpinLock(&(Interrupt)->SpinLock);                 \
		(Interrupt)->SynchronizeIrql = (Irql);                        \
	} while (0)

/**
 * KeAcquireInterruptSpinLock() - take an interrupt's lock from non-ISR code
 * @Interrupt: the interrupt object
 *
 * spin_lock_irqsave(): local interrupts are off until the release, and
 * KeGetCurrentIrql() reads the SynchronizeIrql.  Callable at IRQL <=
 * SynchronizeIrql (above it: IRQL_TOO_HIGH, the lock is still taken).
 * Also safe inside the ISR itself.
 *
 * Return: the IRQL before the call, for KeReleaseInterruptSpinLock().
 */
KIRQL KeAcquireInterruptSpinLock(PKINTERRUPT Interrupt)
	__acquires(&Interrupt->SpinLock.Lock);

/**
 * KeReleaseInterruptSpinLock() - release an interrupt's lock
 * @Interrupt: the interrupt object
 * @OldIrql:   what KeAcquireInterruptSpinLock() returned
 */
void KeReleaseInterruptSpinLock(PKINTERRUPT Interrupt, KIRQL OldIrql)
	__releases(&Interrupt->SpinLock.Lock);

/* The role type (KSYNCHRONIZE_ROUTINE MySync;) and its pointer. */
typedef BOOLEAN KSYNCHRONIZE_ROUTINE(PVOID SynchronizeContext);
typedef BOOLEAN (*PKSYNCHRONIZE_ROUTINE)(PVOID SynchronizeContext);

/**
 * KeSynchronizeExecution() - run a routine under an interrupt's lock
 * @Interrupt:          the interrupt object
 * @SynchronizeRoutine: runs with the lock held, interrupts off
 * @SynchronizeContext: its argument
 *
 * Return: what @SynchronizeRoutine returned.
 */
BOOLEAN KeSynchronizeExecution(PKINTERRUPT Interrupt,
			       PKSYNCHRONIZE_ROUTINE SynchronizeRoutine,
			       PVOID SynchronizeContext);

#endif /* _NTSHIM_SPINLOCK_H */
