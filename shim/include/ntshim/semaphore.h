/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KSEMAPHORE: a counting dispatcher object.
 *
 * The count is the object's signal state (DISPATCHER_HEADER.SignalState):
 * the semaphore is signalled while the count is above zero, and every
 * satisfied wait (KeWaitForSingleObject(), KeWaitForMultipleObjects())
 * takes one unit of it, under the dispatcher lock of shim/dispatcher.c.
 * KeReleaseSemaphore() adds units and satisfies as many queued waits as
 * the new count allows, first come first served.
 *
 * Misuse, as Microsoft documents it, is reported and refused:
 *   Count + Adjustment above the Limit   Windows raises the exception
 *   (or overflowing a LONG)              STATUS_SEMAPHORE_LIMIT_EXCEEDED;
 *                                        ntshim cannot raise one, so it
 *                                        reports SEMAPHORE_LIMIT and
 *                                        leaves the count unchanged
 *   Adjustment <= 0, a negative Count,   SYNC_BAD_ARGUMENT; a release
 *   Limit <= 0 or Count > Limit          changes nothing, an init clamps
 *                                        the values into range
 *   release above DISPATCH_LEVEL         SYNC_BAD_IRQL, nothing changes
 *
 * A semaphore has no owner, so lockdep cannot follow it (as with Linux's
 * own struct semaphore).
 */
#ifndef _NTSHIM_SEMAPHORE_H
#define _NTSHIM_SEMAPHORE_H

#include <linux/compiler.h>
#include <ntshim/types.h>
#include <ntshim/event.h>

/**
 * struct _KSEMAPHORE - a semaphore object
 * @Header: the dispatcher header; Type is SemaphoreObject and SignalState
 *          is the count
 * @Limit:  the most the count may reach
 */
typedef struct _KSEMAPHORE {
	DISPATCHER_HEADER Header;
	LONG Limit;
} KSEMAPHORE, *PKSEMAPHORE, *PRKSEMAPHORE;

/* Windows x64's layout. */
static_assert(offsetof(KSEMAPHORE, Limit) == 24 && sizeof(KSEMAPHORE) == 32);

/**
 * KeInitializeSemaphore() - initialise a semaphore with a count and a limit
 * @Semaphore: the semaphore (resident memory)
 * @Count:     the initial count, 0..@Limit; nonzero means signalled
 * @Limit:     the highest count, at least 1
 *
 * Out-of-range values are reported (SYNC_BAD_ARGUMENT) and clamped: the
 * limit to at least 1, the count into 0..limit.  IRQL == PASSIVE_LEVEL
 * on Windows; any IRQL here.
 */
void KeInitializeSemaphore(PRKSEMAPHORE Semaphore, LONG Count, LONG Limit);

/**
 * KeReleaseSemaphore() - add to a semaphore's count and wake waiters
 * @Semaphore:  the semaphore
 * @Increment:  priority boost for satisfied waiters (ignored)
 * @Adjustment: how much to add, at least 1
 * @Wait:       TRUE if a KeWait* call follows at once (ignored: nothing is
 *              held between the two calls on Linux)
 *
 * Each unit added satisfies one queued wait, first come first served; the
 * rest stays in the count.  When the new count would exceed the limit or
 * overflow, Windows raises STATUS_SEMAPHORE_LIMIT_EXCEEDED; ntshim reports
 * SEMAPHORE_LIMIT and leaves the count as it was.  IRQL <= DISPATCH_LEVEL.
 *
 * Return: the count before the call (0: the semaphore was not signalled).
 */
LONG KeReleaseSemaphore(PRKSEMAPHORE Semaphore, KPRIORITY Increment,
			LONG Adjustment, BOOLEAN Wait);

/**
 * KeReadStateSemaphore() - the current count of a semaphore
 * @Semaphore: the semaphore
 *
 * Any IRQL; the answer may be stale by the time the caller reads it.
 *
 * Return: the count; nonzero means signalled.
 */
static inline LONG KeReadStateSemaphore(PRKSEMAPHORE Semaphore)
{
	return READ_ONCE(Semaphore->Header.SignalState);
}

#endif /* _NTSHIM_SEMAPHORE_H */
