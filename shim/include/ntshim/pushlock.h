/* SPDX-License-Identifier: GPL-2.0 */
/*
 * EX_PUSH_LOCK: a small reader/writer lock, on rw_semaphore.
 *
 * Microsoft's rules: callers run at IRQL <= APC_LEVEL inside a critical
 * region (KeEnterCriticalRegion(), <ntshim/apc.h>); push locks are not
 * recursive, neither shared nor exclusive, and are not fair.  On Linux
 * the rwsem queues readers behind a waiting writer, so a recursive shared
 * acquisition can deadlock there exactly as it can on Windows.
 *
 * Windows' EX_PUSH_LOCK is one pointer-sized word; ntshim's is an
 * rw_semaphore plus what it needs to survive misuse, so code that relies
 * on sizeof(EX_PUSH_LOCK) == sizeof(void *) must be adapted.
 *
 * Misuse is reported and refused, never a crash:
 *   acquire above APC_LEVEL                SYNC_BAD_IRQL, not acquired
 *   exclusive acquire by the exclusive     SYNC_SELF_DEADLOCK, not acquired
 *   owner (Windows would hang)
 *   exclusive release by a non-owner       SYNC_NOT_OWNER, nothing released
 *   shared release while nobody holds it   SYNC_NOT_OWNER, nothing released
 *   shared                                 (Windows corrupts the lock)
 * A shared release by a thread other than the one that acquired is
 * lockdep's to report, as for any rwsem.
 *
 * ExInitializePushLock() is a macro, so each init site is its own lockdep
 * class.
 */
#ifndef _NTSHIM_PUSHLOCK_H
#define _NTSHIM_PUSHLOCK_H

#include <linux/atomic.h>
#include <linux/lockdep.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <ntshim/types.h>
#include <ntshim/irql.h>

/**
 * struct _EX_PUSH_LOCK - a push lock
 * @Lock:    the rw_semaphore
 * @Owner:   the exclusive owner, or NULL (private)
 * @Shared:  how many shared acquisitions are held (private)
 */
typedef struct _EX_PUSH_LOCK {
	struct rw_semaphore Lock;	/* the lock itself */
	struct task_struct *Owner;
	atomic_t Shared;
} EX_PUSH_LOCK, *PEX_PUSH_LOCK;

/**
 * ntshim_push_lock_init() - ExInitializePushLock()'s body
 * @PushLock: the lock
 * @name:     lockdep name
 * @key:      lockdep class of the init site
 */
void ntshim_push_lock_init(PEX_PUSH_LOCK PushLock, const char *name,
			   struct lock_class_key *key);

/**
 * ExInitializePushLock() - initialise a push lock, free
 * @PushLock: PEX_PUSH_LOCK (resident memory)
 *
 * A macro so that each init site is its own lockdep class.
 */
#define ExInitializePushLock(PushLock)                                        \
	do {                                                                  \
		static struct lock_class_key __ntshim_key;                   \
		ntshim_push_lock_init((PushLock), #PushLock, &__ntshim_key);  \
	} while (0)

/**
 * ExAcquirePushLockExclusive() - acquire a push lock for writing
 * @PushLock: the lock
 *
 * Sleeps until no one else holds it.  IRQL <= APC_LEVEL, in a critical
 * region.
 */
void ExAcquirePushLockExclusive(PEX_PUSH_LOCK PushLock);

/**
 * ExAcquirePushLockShared() - acquire a push lock for reading
 * @PushLock: the lock
 *
 * Sleeps while a writer holds it (or, as the rwsem is fair, while one
 * waits).  IRQL <= APC_LEVEL, in a critical region.
 */
void ExAcquirePushLockShared(PEX_PUSH_LOCK PushLock);

/**
 * ExTryAcquirePushLockExclusive() - acquire a push lock for writing if free
 * @PushLock: the lock
 *
 * Return: TRUE if acquired.
 */
BOOLEAN ExTryAcquirePushLockExclusive(PEX_PUSH_LOCK PushLock);

/**
 * ExTryAcquirePushLockShared() - acquire a push lock for reading if possible
 * @PushLock: the lock
 *
 * Return: TRUE if acquired.
 */
BOOLEAN ExTryAcquirePushLockShared(PEX_PUSH_LOCK PushLock);

/**
 * ExReleasePushLockExclusive() - release an exclusive acquisition
 * @PushLock: the lock, held exclusive by the caller
 */
void ExReleasePushLockExclusive(PEX_PUSH_LOCK PushLock);

/**
 * ExReleasePushLockShared() - release a shared acquisition
 * @PushLock: the lock, held shared by the caller
 */
void ExReleasePushLockShared(PEX_PUSH_LOCK PushLock);

/**
 * ExReleasePushLock() - release a push lock however the caller holds it
 * @PushLock: the lock
 *
 * Exclusive if the caller is the exclusive owner, otherwise shared.
 */
void ExReleasePushLock(PEX_PUSH_LOCK PushLock);

#endif /* _NTSHIM_PUSHLOCK_H */
