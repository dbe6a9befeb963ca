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
 * The lock remembers how its holder took it (HeldHow, written only by the
 * holder), so every release undoes exactly what its acquire did:
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
 *    acquired, released twice), held by another thread, or a queued
 *    release with a handle that holds nothing (zeroed, never acquired,
 *    already released, a stale copy): SPINLOCK_BAD_RELEASE, nothing is
 *    unlocked and no count (IRQL, preempt, softirq) is touched.  The lock
 *    records its holder (Owner: the task and its context, written after
 *    the acquire, cleared before the release), so this runs in every
 *    build for one compare (Windows: Driver Verifier's 0xC4 / 0x51 checks
 *    SPIN_LOCK_NOT_OWNED).
 *  - A lock taken by KeAcquireInStackQueuedSpinLock*() and released by
 *    KeReleaseSpinLock*(): SPINLOCK_MIXED, and the lock is released as
 *    its acquire took it (softirqs back on, IRQL back to NewIrql).
 * With ntshim's debug checks on (ntshim.debug_checks, see
 * <ntshim/violation.h>; decided by ntshim.ko, not by the client's build):
 *  - queued and ordinary acquisition of one lock: SPINLOCK_MIXED, once
 *    per lock (the lock still works: both are the same spinlock_t).
 */
#ifndef _NTSHIM_SPINLOCK_H
#define _NTSHIM_SPINLOCK_H

#include <linux/spinlock.h>
#include <ntshim/irql.h>
#include <ntshim/violation.h>

/* How the holder took the lock: KSPIN_LOCK.HeldHow, KLOCK_QUEUE_HANDLE. */
#define NTSHIM_HELD_RAISED 1	/* spin_lock_bh(), IRQL raised by the acquire */
#define NTSHIM_HELD_PLAIN 2	/* spin_lock(), at DISPATCH_LEVEL or above */
#define NTSHIM_HELD_FIXUP 3	/* spin_lock_bh() for an AtDpcLevel misuse */
#define NTSHIM_HELD_QUEUED 0x10	/* KSPIN_LOCK.HeldHow: a queued acquire */

/* Which API family took the lock, for SPINLOCK_MIXED: KSPIN_LOCK.Kind. */
#define NTSHIM_LOCK_ORDINARY 1
#define NTSHIM_LOCK_QUEUED 2
#define NTSHIM_LOCK_MIXED 3	/* reported once; no more checks */

/* KeReleaseSpinLockFromDpcLevel() and friends do not change the IRQL. */
#define NTSHIM_NO_LOWER (-1)

/**
 * struct _KSPIN_LOCK - a DDK spin lock
 * @Lock:    the Linux spin lock (a qspinlock on x86)
 * @HeldHow: NTSHIM_HELD_*: how the current holder took it (private)
 * @Kind:    NTSHIM_LOCK_*: which acquire family used it (private, debug)
 * @Owner:   the holder, ntshim_spin_self() (private); 0 when free
 *
 * Windows' KSPIN_LOCK is a ULONG_PTR; ntshim's is larger, so code that
 * assumes sizeof(KSPIN_LOCK) == sizeof(void *) must be adapted.  The
 * layout is the same with and without CONFIG_NTSHIM_DEBUG.
 */
typedef struct _KSPIN_LOCK {
	spinlock_t Lock;	/* the lock itself */
	UCHAR HeldHow;
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
 * @HeldHow:   NTSHIM_HELD_*: how the lock was taken (private)
 * @Cookie:    proof that an acquire filled the handle (private, debug)
 *
 * Lives on the acquirer's stack from acquire to release.
 */
typedef struct _KLOCK_QUEUE_HANDLE {
	KSPIN_LOCK_QUEUE LockQueue;
	KIRQL OldIrql;
	UCHAR HeldHow;
	unsigned long Cookie;
} KLOCK_QUEUE_HANDLE, *PKLOCK_QUEUE_HANDLE;

#define NTSHIM_HANDLE_COOKIE 0x4b4c51484e544c4bUL

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
		(SpinLock)->HeldHow = 0;                                      \
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
 * ntshim_spin_unlock_slow() - release a lock taken some other way
 * @lock:     the spinlock_t
 * @how:      NTSHIM_HELD_* recorded by the acquire
 * @lower_to: the IRQL to lower to afterwards, or NTSHIM_NO_LOWER
 *
 * The out-of-line part of every release: undoes what the acquire did
 * (see the top of <ntshim/spinlock.h>).
 */
void ntshim_spin_unlock_slow(spinlock_t *lock, UCHAR how, int lower_to)
	__releases(lock);

/* Debug checks on: record the acquire family, report SPINLOCK_MIXED. */
#define ntshim_spin_kind(SpinLock, kind)                                      \
	do {                                                                  \
		if (ntshim_checking() &&                                      \
		    unlikely(READ_ONCE((SpinLock)->Kind) != (kind)))          \
			ntshim_spin_kind_slow(SpinLock, kind, _THIS_IP_);     \
	} while (0)

/**
 * ntshim_spin_self() - who would hold a lock taken here
 *
 * The current task with its context in the low bits (1: serving a
 * softirq, 2: a hard interrupt or NMI), so a DPC or an ISR that
 * interrupted a holder is not mistaken for it.
 *
 * Return: the value KSPIN_LOCK.Owner holds while the caller holds it.
 */
static __always_inline unsigned long ntshim_spin_self(void)
{
	unsigned long pc = preempt_count();

	return (unsigned long)current |
	       ((pc & (NMI_MASK | HARDIRQ_MASK)) ? 2 :
		(pc & SOFTIRQ_OFFSET) ? 1 : 0);
}

/* Every build: does the caller hold the lock it is releasing? */
static __always_inline bool ntshim_spin_not_held(PKSPIN_LOCK SpinLock)
{
	return unlikely(READ_ONCE(SpinLock->Owner) != ntshim_spin_self());
}

/* The acquire's last step and the release's first. */
static __always_inline void ntshim_spin_set_owner(PKSPIN_LOCK SpinLock)
{
	WRITE_ONCE(SpinLock->Owner, ntshim_spin_self());
}

static __always_inline void ntshim_spin_clear_owner(PKSPIN_LOCK SpinLock)
{
	WRITE_ONCE(SpinLock->Owner, 0);
}

/*
 * The fast paths below test preempt_count() and the interrupt flag
 * directly instead of computing KeGetCurrentIrql(): the full
 * classification (which level above DISPATCH_LEVEL, APC_LEVEL or
 * PASSIVE_LEVEL) is only needed on the misuse branch or for the value the
 * acquire returns, and each is worked out there.  The checks themselves
 * stay in release builds: they are what lets a misused lock be reported
 * and survived (the interrupt flag must be known before spin_unlock_bh(),
 * which would run softirqs with interrupts enabled under a caller that
 * masked them).
 */

/* The raising acquire shared by the ordinary and queued families. */
static __always_inline KIRQL ntshim_spin_lock_raise(PKSPIN_LOCK SpinLock,
						    UCHAR *how)
	__acquires(&SpinLock->Lock)
{
	unsigned long pc = preempt_count();
	KIRQL old;

	if (unlikely(ntshim_irql_pc_masked(pc) || irqs_disabled())) {
		old = ntshim_irql_masked();
		ntshim_spin_irql_violation(SpinLock, NTSHIM_V_IRQL_TOO_HIGH,
					   old, _THIS_IP_);
		spin_lock(&SpinLock->Lock);
		*how = NTSHIM_HELD_PLAIN;
		return old;
	}
	old = ntshim_irql_unmasked(pc);
	spin_lock_bh(&SpinLock->Lock);
	*how = NTSHIM_HELD_RAISED;
	return old;
}

/* The AtDpcLevel acquire shared by the ordinary and queued families. */
static __always_inline void ntshim_spin_lock_dpc(PKSPIN_LOCK SpinLock,
						 UCHAR *how)
	__acquires(&SpinLock->Lock)
{
	if (unlikely(!ntshim_irql_at_least_dispatch())) {
		ntshim_spin_irql_violation(SpinLock, NTSHIM_V_IRQL_TOO_LOW,
					   KeGetCurrentIrql(), _THIS_IP_);
		spin_lock_bh(&SpinLock->Lock);
		*how = NTSHIM_HELD_FIXUP;
	} else {
		spin_lock(&SpinLock->Lock);
		*how = NTSHIM_HELD_PLAIN;
	}
}

/* Undo a lock held as @how, then lower to @lower_to if that is not -1. */
static __always_inline void ntshim_spin_unlock(PKSPIN_LOCK SpinLock, UCHAR how,
					       int lower_to)
	__releases(&SpinLock->Lock)
{
	if (lower_to != NTSHIM_NO_LOWER && likely(how == NTSHIM_HELD_RAISED) &&
	    likely(!irqs_disabled()) &&
	    likely(!__this_cpu_read(ntshim_dpc_pending)))
		spin_unlock_bh(&SpinLock->Lock);
	else if (lower_to == NTSHIM_NO_LOWER && likely(how == NTSHIM_HELD_PLAIN))
		spin_unlock(&SpinLock->Lock);
	else
		ntshim_spin_unlock_slow(&SpinLock->Lock, how, lower_to);
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
	UCHAR how;
	KIRQL old = ntshim_spin_lock_raise(SpinLock, &how);

	SpinLock->HeldHow = how;
	ntshim_spin_set_owner(SpinLock);
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
	UCHAR how;

	ntshim_spin_lock_dpc(SpinLock, &how);
	SpinLock->HeldHow = how;
	ntshim_spin_set_owner(SpinLock);
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
	UCHAR how;

	if (ntshim_spin_not_held(SpinLock)) {
		ntshim_spin_bad_release(SpinLock, NULL, _THIS_IP_);
		__release(&SpinLock->Lock);
		return;
	}
	how = SpinLock->HeldHow;
	ntshim_spin_clear_owner(SpinLock);
	ntshim_spin_unlock(SpinLock, how, NewIrql);
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
	UCHAR how;

	ntshim_spin_lock_dpc(SpinLock, &how);
	SpinLock->HeldHow = how;
	ntshim_spin_set_owner(SpinLock);
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
	UCHAR how;

	if (ntshim_spin_not_held(SpinLock)) {
		ntshim_spin_bad_release(SpinLock, NULL, _THIS_IP_);
		__release(&SpinLock->Lock);
		return;
	}
	how = SpinLock->HeldHow;
	ntshim_spin_clear_owner(SpinLock);
	ntshim_spin_unlock(SpinLock, how, NTSHIM_NO_LOWER);
}

/**
 * ntshim_spin_trylock_dpc() - the body of KeTryToAcquireSpinLockAtDpcLevel()
 * @SpinLock: the lock
 *
 * Return: true with the lock held, false without waiting if it is busy.
 */
static __always_inline bool ntshim_spin_trylock_dpc(PKSPIN_LOCK SpinLock)
{
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
	SpinLock->HeldHow = how;
	ntshim_spin_set_owner(SpinLock);
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
	UCHAR how;

	LockHandle->OldIrql = ntshim_spin_lock_raise(SpinLock, &how);
	LockHandle->HeldHow = how;
	LockHandle->LockQueue.Lock = SpinLock;
	LockHandle->Cookie = (unsigned long)SpinLock ^ NTSHIM_HANDLE_COOKIE;
	SpinLock->HeldHow = how | NTSHIM_HELD_QUEUED;
	ntshim_spin_set_owner(SpinLock);
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
	UCHAR how;

	LockHandle->OldIrql = KeGetCurrentIrql();
	ntshim_spin_lock_dpc(SpinLock, &how);
	LockHandle->HeldHow = how;
	LockHandle->LockQueue.Lock = SpinLock;
	LockHandle->Cookie = (unsigned long)SpinLock ^ NTSHIM_HANDLE_COOKIE;
	SpinLock->HeldHow = how | NTSHIM_HELD_QUEUED;
	ntshim_spin_set_owner(SpinLock);
	ntshim_spin_kind(SpinLock, NTSHIM_LOCK_QUEUED);
}

/*
 * The lock a handle holds, or NULL (reported) if it holds none: a handle
 * no acquire filled, one already released, or a stale copy whose lock is
 * now free, held by someone else or held ordinarily.  Clears the handle
 * so that a second release is caught too.  Every build.
 */
static __always_inline PKSPIN_LOCK
ntshim_handle_take(PKLOCK_QUEUE_HANDLE LockHandle)
{
	PKSPIN_LOCK lock = LockHandle->LockQueue.Lock;

	if (unlikely(!lock) ||
	    unlikely(LockHandle->Cookie !=
		     ((unsigned long)lock ^ NTSHIM_HANDLE_COOKIE)) ||
	    ntshim_spin_not_held(lock) ||
	    unlikely(!(lock->HeldHow & NTSHIM_HELD_QUEUED))) {
		ntshim_spin_bad_release(lock, LockHandle, _THIS_IP_);
		return NULL;
	}
	LockHandle->LockQueue.Lock = NULL;
	LockHandle->Cookie = 0;
	ntshim_spin_clear_owner(lock);
	return lock;
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
	PKSPIN_LOCK lock = ntshim_handle_take(LockHandle);

	if (!lock) {
		__release(&LockHandle->LockQueue.Lock->Lock);
		return;
	}
	ntshim_spin_unlock(lock, LockHandle->HeldHow, LockHandle->OldIrql);
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
	PKSPIN_LOCK lock = ntshim_handle_take(LockHandle);

	if (!lock) {
		__release(&LockHandle->LockQueue.Lock->Lock);
		return;
	}
	ntshim_spin_unlock(lock, LockHandle->HeldHow, NTSHIM_NO_LOWER);
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
