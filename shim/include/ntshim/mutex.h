/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Mutexes: KMUTEX (a dispatcher object, recursive for its owner),
 * FAST_MUTEX and KGUARDED_MUTEX (on struct mutex), critical and guarded
 * regions.
 *
 * KMUTEX is acquired by waiting on it (KeWaitForSingleObject() or
 * KeWaitForMultipleObjects()), so it lives in the dispatcher of
 * shim/event.c; its owner may acquire it again, and each acquisition
 * needs one KeReleaseMutex().  It carries its own lockdep map: lockdep sees
 * the first acquisition and the last release.  Abandonment (owner exits
 * while holding it, STATUS_ABANDONED) is not detected: Linux gives the
 * module no hook at thread exit.
 *
 * FAST_MUTEX is a struct mutex plus its owner and the IRQL to restore.
 * KGUARDED_MUTEX is the same object (as in the WDK); its acquire enters
 * a guarded region (<ntshim/apc.h>) instead of raising the IRQL.
 * ExAcquireFastMutex() and ExTryToAcquireFastMutex() raise the IRQL to
 * APC_LEVEL as on Windows, and ExReleaseFastMutex() lowers it again, with
 * the IRQL model's KfRaiseIrql()/KeLowerIrql(): Linux has no APCs to hold
 * off, so this only makes KeGetCurrentIrql() read APC_LEVEL while the
 * mutex is held.  Builds whose <ntshim/irql.h> has no APC_LEVEL record
 * (no KeRaiseIrql()) leave the IRQL alone and read PASSIVE_LEVEL there.
 * The Unsafe and guarded forms never change the IRQL, as on Windows.
 *
 * Critical and guarded regions are in <ntshim/apc.h>.
 *
 * Misuse is reported, counted and refused, never a crash:
 *   acquire above APC_LEVEL               SYNC_BAD_IRQL, not acquired
 *   acquire a held fast mutex again       SYNC_SELF_DEADLOCK, not acquired
 *                                         (Windows would hang)
 *   release by a thread that is not the   SYNC_NOT_OWNER, nothing released
 *   owner                                 (Windows raises
 *                                         STATUS_MUTANT_NOT_OWNED)
 *
 * Init helpers are macros so that every init site is its own lockdep
 * class.
 */
#ifndef _NTSHIM_MUTEX_H
#define _NTSHIM_MUTEX_H

#include <linux/compiler.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <ntshim/types.h>
#include <ntshim/irql.h>
#include <ntshim/event.h>
#include <ntshim/list.h>
#include <ntshim/apc.h>

/**
 * struct _KMUTANT - a kernel mutex (KMUTEX)
 * @Header:          dispatcher header; SignalState is 1 when free and
 *                   1 - depth while owned
 * @MutantListEntry: wdm.h's link in the owner thread's list of mutexes;
 *                   ntshim keeps no such list: always an empty list
 * @OwnerThread:     the owning task, or NULL (at wdm.h's offset)
 * @Abandoned:       always FALSE: ntshim cannot see an owner exit (see
 *                   the top of this header)
 * @ApcDisable:      always 0: there are no APCs to disable on Linux
 * @dep_map:         lockdep's view of the mutex (CONFIG_DEBUG_LOCK_ALLOC)
 */
typedef struct _KMUTANT {
	DISPATCHER_HEADER Header;
	LIST_ENTRY MutantListEntry;
	struct task_struct *OwnerThread;
	BOOLEAN Abandoned;
	UCHAR ApcDisable;
#ifdef CONFIG_DEBUG_LOCK_ALLOC
	struct lockdep_map dep_map;
#endif
} KMUTANT, *PKMUTANT, *PRKMUTANT, KMUTEX, *PKMUTEX, *PRKMUTEX;

static_assert(offsetof(KMUTANT, OwnerThread) == 40);

/**
 * ntshim_mutex_init() - KeInitializeMutex()'s body
 * @Mutex: the mutex
 * @name:  lockdep name
 * @key:   lockdep class of the init site
 *
 * Use KeInitializeMutex().
 */
void ntshim_mutex_init(PRKMUTEX Mutex, const char *name, struct lock_class_key *key);

/**
 * KeInitializeMutex() - initialise a kernel mutex, free
 * @Mutex: PRKMUTEX (resident memory)
 * @Level: ignored, as on Windows
 */
#define KeInitializeMutex(Mutex, Level)                                       \
	do {                                                                  \
		static struct lock_class_key __ntshim_key;                   \
		(void)(Level);                                                \
		ntshim_mutex_init((Mutex), #Mutex, &__ntshim_key);            \
	} while (0)

/**
 * KeWaitForMutexObject() - acquire a kernel mutex (KeWaitForSingleObject())
 * @Mutex:      the mutex
 * @WaitReason: as for KeWaitForSingleObject()
 * @WaitMode:   as for KeWaitForSingleObject()
 * @Alertable:  as for KeWaitForSingleObject()
 * @Timeout:    as for KeWaitForSingleObject()
 */
#define KeWaitForMutexObject(Mutex, WaitReason, WaitMode, Alertable, Timeout) \
	KeWaitForSingleObject((Mutex), (WaitReason), (WaitMode), (Alertable), \
			      (Timeout))

/**
 * KeReleaseMutex() - release one acquisition of a kernel mutex
 * @Mutex: the mutex, owned by the caller
 * @Wait:  TRUE if a KeWait* call follows at once (ignored)
 *
 * The last release frees the mutex and hands it to the first waiter that
 * can take it.  A release by a thread that does not own it is reported
 * (SYNC_NOT_OWNER) and changes nothing.  IRQL <= DISPATCH_LEVEL.
 *
 * Return: the previous signal state (0 when this release freed the mutex).
 */
LONG KeReleaseMutex(PRKMUTEX Mutex, BOOLEAN Wait);

/**
 * KeReadStateMutex() - the signal state of a kernel mutex
 * @Mutex: the mutex
 *
 * Return: 1 if free, 1 - depth if owned.
 */
static inline LONG KeReadStateMutex(PRKMUTEX Mutex)
{
	if (!ntshim_dispatcher_ok(Mutex, MutantObject, MutantObject)) {
		ntshim_dispatcher_bad_object(Mutex, "KeReadStateMutex",
					     _THIS_IP_);
		return 0;
	}
	return READ_ONCE(Mutex->Header.SignalState);
}

/**
 * struct _FAST_MUTEX - a fast (non-recursive) mutex
 * @Lock:  the Linux mutex
 * @Owner: the owning task, or NULL; lets ntshim catch self-deadlock and
 *         releases by others
 * @OldIrql: the IRQL before ExAcquireFastMutex() raised it
 *
 * wdm.h's Count, Contention and Event fields are not provided: the Linux
 * mutex keeps that state itself (mutex_is_locked() tells whether it is
 * held), and a stale copy would mislead.
 *
 * KGUARDED_MUTEX is the same object.
 */
typedef struct _FAST_MUTEX {
	struct mutex Lock;		/* the lock itself */
	struct task_struct *Owner;
	KIRQL OldIrql;
} FAST_MUTEX, *PFAST_MUTEX, KGUARDED_MUTEX, *PKGUARDED_MUTEX;

/**
 * ntshim_fast_mutex_misuse() - report a refused fast mutex operation
 * @FastMutex: the mutex
 * @release:   true for a release by a non-owner (SYNC_NOT_OWNER); false
 *             for a refused acquire (SYNC_BAD_IRQL or SYNC_SELF_DEADLOCK)
 * @caller:    the caller's code address
 *
 * For the inline fast mutex calls.
 */
void ntshim_fast_mutex_misuse(PFAST_MUTEX FastMutex, bool release,
			      unsigned long caller);

/**
 * ExInitializeFastMutex() - initialise a fast mutex, free
 * @FastMutex: PFAST_MUTEX (resident memory)
 *
 * A macro so each init site gets its own lockdep class.
 */
#define ExInitializeFastMutex(FastMutex)                                      \
	do {                                                                  \
		PFAST_MUTEX __ntshim_fm = (FastMutex);                        \
									      \
		mutex_init(&__ntshim_fm->Lock);                               \
		__ntshim_fm->Owner = NULL;                                    \
	} while (0)

/* true if acquiring @m here is allowed; otherwise reported */
static __always_inline bool __ntshim_fast_mutex_may_acquire(PFAST_MUTEX m, unsigned long ip)
{
	if (unlikely(KeGetCurrentIrql() > APC_LEVEL || READ_ONCE(m->Owner) == current)) {
		ntshim_fast_mutex_misuse(m, false, ip);
		return false;
	}
	return true;
}

/* The lock half of the acquire calls: false if refused (reported). */
static __always_inline bool __ntshim_fast_mutex_lock(PFAST_MUTEX m, unsigned long ip)
{
	if (!__ntshim_fast_mutex_may_acquire(m, ip))
		return false;
	mutex_lock(&m->Lock);
	WRITE_ONCE(m->Owner, current);
	return true;
}

/* The lock half of the try calls: false if held or refused. */
static __always_inline bool __ntshim_fast_mutex_trylock(PFAST_MUTEX m, unsigned long ip)
{
	if (unlikely(KeGetCurrentIrql() > APC_LEVEL)) {
		ntshim_fast_mutex_misuse(m, false, ip);
		return false;
	}
	if (!mutex_trylock(&m->Lock))
		return false;
	WRITE_ONCE(m->Owner, current);
	return true;
}

/* The unlock half of the release calls: false if refused (reported). */
static __always_inline bool __ntshim_fast_mutex_unlock(PFAST_MUTEX m, unsigned long ip)
{
	if (unlikely(READ_ONCE(m->Owner) != current)) {
		ntshim_fast_mutex_misuse(m, true, ip);
		return false;
	}
	WRITE_ONCE(m->Owner, NULL);
	mutex_unlock(&m->Lock);
	return true;
}

/**
 * ExAcquireFastMutex() - acquire a fast mutex, sleeping if needed
 * @FastMutex: the mutex
 *
 * IRQL <= APC_LEVEL; returns at APC_LEVEL (see the top of this header).
 * Not recursive: acquiring it again from the owner is reported and
 * refused (Windows would deadlock).
 */
static __always_inline void ExAcquireFastMutex(PFAST_MUTEX FastMutex)
{
	if (__ntshim_fast_mutex_lock(FastMutex, _THIS_IP_))
		FastMutex->OldIrql = KfRaiseIrql(APC_LEVEL);
}

/**
 * ExTryToAcquireFastMutex() - acquire a fast mutex if it is free
 * @FastMutex: the mutex
 *
 * Return: TRUE if acquired (now at APC_LEVEL); FALSE if held, also by the
 * caller itself.
 */
static __always_inline BOOLEAN ExTryToAcquireFastMutex(PFAST_MUTEX FastMutex)
{
	if (!__ntshim_fast_mutex_trylock(FastMutex, _THIS_IP_))
		return FALSE;
	FastMutex->OldIrql = KfRaiseIrql(APC_LEVEL);
	return TRUE;
}

/**
 * ExReleaseFastMutex() - release a fast mutex and restore the IRQL
 * @FastMutex: the mutex, owned by the caller
 *
 * A release by another thread is reported and changes nothing.
 */
static __always_inline void ExReleaseFastMutex(PFAST_MUTEX FastMutex)
{
	KIRQL old = FastMutex->OldIrql;

	if (__ntshim_fast_mutex_unlock(FastMutex, _THIS_IP_))
		KeLowerIrql(old);
}

/**
 * ExAcquireFastMutexUnsafe() - acquire a fast mutex, IRQL unchanged
 * @FastMutex: the mutex
 *
 * For callers already at APC_LEVEL or in a critical region.
 */
static __always_inline void ExAcquireFastMutexUnsafe(PFAST_MUTEX FastMutex)
{
	__ntshim_fast_mutex_lock(FastMutex, _THIS_IP_);
}

/**
 * ExReleaseFastMutexUnsafe() - release after ExAcquireFastMutexUnsafe()
 * @FastMutex: the mutex
 */
static __always_inline void ExReleaseFastMutexUnsafe(PFAST_MUTEX FastMutex)
{
	__ntshim_fast_mutex_unlock(FastMutex, _THIS_IP_);
}

/**
 * KeInitializeGuardedMutex() - initialise a guarded mutex, free
 * @Mutex: PKGUARDED_MUTEX (resident memory)
 *
 * A macro so each init site gets its own lockdep class, named after the
 * caller's expression.
 */
#define KeInitializeGuardedMutex(Mutex)                                       \
	do {                                                                  \
		static struct lock_class_key __ntshim_key;                   \
		PKGUARDED_MUTEX __ntshim_gm = (Mutex);                        \
									      \
		__mutex_init(&__ntshim_gm->Lock, #Mutex, &__ntshim_key);      \
		__ntshim_gm->Owner = NULL;                                    \
	} while (0)

/**
 * KeAcquireGuardedMutex() - enter a guarded region and acquire a guarded mutex
 * @Mutex: the mutex
 *
 * IRQL <= APC_LEVEL; the IRQL does not change, but KeAreAllApcsDisabled()
 * reads TRUE until the release (the guarded region).  Not recursive:
 * acquiring it again from the owner is reported (SYNC_SELF_DEADLOCK) and
 * refused, and the region is left again.
 */
static __always_inline void KeAcquireGuardedMutex(PKGUARDED_MUTEX Mutex)
{
	KeEnterGuardedRegion();
	if (!__ntshim_fast_mutex_lock(Mutex, _THIS_IP_))
		KeLeaveGuardedRegion();
}

/**
 * KeReleaseGuardedMutex() - release a guarded mutex and leave the region
 * @Mutex: the mutex, owned by the caller
 *
 * A release by a thread that is not the owner is reported
 * (SYNC_NOT_OWNER) and changes nothing.
 */
static __always_inline void KeReleaseGuardedMutex(PKGUARDED_MUTEX Mutex)
{
	if (__ntshim_fast_mutex_unlock(Mutex, _THIS_IP_))
		KeLeaveGuardedRegion();
}

/**
 * KeTryToAcquireGuardedMutex() - acquire a guarded mutex if it is free
 * @Mutex: the mutex
 *
 * Return: TRUE if acquired (the caller is then in a guarded region);
 * FALSE if it is held, also by the caller itself.
 */
static __always_inline BOOLEAN KeTryToAcquireGuardedMutex(PKGUARDED_MUTEX Mutex)
{
	KeEnterGuardedRegion();
	if (__ntshim_fast_mutex_trylock(Mutex, _THIS_IP_))
		return TRUE;
	KeLeaveGuardedRegion();
	return FALSE;
}

/**
 * KeAcquireGuardedMutexUnsafe() - acquire a guarded mutex, no region entered
 * @Mutex: the mutex
 *
 * For callers already in a guarded region or at APC_LEVEL, as Microsoft
 * requires; neither the IRQL nor the region changes.
 */
static __always_inline void KeAcquireGuardedMutexUnsafe(PKGUARDED_MUTEX Mutex)
{
	__ntshim_fast_mutex_lock(Mutex, _THIS_IP_);
}

/**
 * KeReleaseGuardedMutexUnsafe() - release after KeAcquireGuardedMutexUnsafe()
 * @Mutex: the mutex, owned by the caller
 */
static __always_inline void KeReleaseGuardedMutexUnsafe(PKGUARDED_MUTEX Mutex)
{
	__ntshim_fast_mutex_unlock(Mutex, _THIS_IP_);
}

#endif /* _NTSHIM_MUTEX_H */
