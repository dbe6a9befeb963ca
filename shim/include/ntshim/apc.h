/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Critical and guarded regions, and the calls that ask about them:
 * KeEnterCriticalRegion(), KeLeaveCriticalRegion(), KeEnterGuardedRegion(),
 * KeLeaveGuardedRegion(), KeAreApcsDisabled(), KeAreAllApcsDisabled().
 *
 * On Windows a critical region disables normal kernel APCs and a guarded
 * region all kernel APCs for the current thread.  Linux delivers no APCs
 * to kernel code, so there is nothing to disable; ntshim only remembers
 * the region depths of each thread, so that KeAreApcsDisabled() and
 * KeAreAllApcsDisabled() answer as Microsoft documents, and so that an
 * unbalanced leave is caught (APC_REGION; Windows bugchecks later, when
 * the count goes wrong).
 *
 * The depths live in a fixed table of threads (allocation-free, as the
 * APC_LEVEL record of <ntshim/irql.h>), searched only while some thread
 * is in a region.  If more than NTSHIM_REGION_THREADS threads are in
 * regions at once, the extra ones are not recorded (a rate-limited
 * warning says so) and read "not in a region".  A thread must leave its
 * regions before it exits, as Windows requires (APC_INDEX_MISMATCH).
 */
#ifndef _NTSHIM_APC_H
#define _NTSHIM_APC_H

#include <linux/atomic.h>
#include <ntshim/types.h>
#include <ntshim/irql.h>

/* Threads that can be in a critical or guarded region at once. */
#define NTSHIM_REGION_THREADS 128

/* How many threads are in a region now; private to the inline calls. */
extern atomic_t ntshim_region_threads;

/**
 * ntshim_region_enter() - enter a critical or guarded region
 * @guarded: true for a guarded region
 *
 * Use KeEnterCriticalRegion() or KeEnterGuardedRegion().
 */
void ntshim_region_enter(bool guarded);

/**
 * ntshim_region_leave() - leave a critical or guarded region
 * @guarded: true for a guarded region
 * @caller:  the caller's code address, for the APC_REGION report
 *
 * Use KeLeaveCriticalRegion() or KeLeaveGuardedRegion().
 */
void ntshim_region_leave(bool guarded, unsigned long caller);

/**
 * ntshim_region_depth() - the current thread's region depth
 * @guarded: true for the guarded depth, false for the critical depth
 *
 * Return: how many regions of that kind the thread is in.
 */
ULONG ntshim_region_depth(bool guarded);

/**
 * KeEnterCriticalRegion() - disable normal kernel APCs for this thread
 *
 * Nests; each call needs one KeLeaveCriticalRegion().  Nothing to disable
 * on Linux: the depth is recorded for KeAreApcsDisabled().
 */
static __always_inline void KeEnterCriticalRegion(void)
{
	ntshim_region_enter(false);
}

/**
 * KeLeaveCriticalRegion() - undo one KeEnterCriticalRegion()
 *
 * Leaving a region the thread is not in is reported (APC_REGION) and
 * changes nothing.
 */
static __always_inline void KeLeaveCriticalRegion(void)
{
	ntshim_region_leave(false, _THIS_IP_);
}

/**
 * KeEnterGuardedRegion() - disable all kernel APCs for this thread
 *
 * Nests; each call needs one KeLeaveGuardedRegion().  IRQL <= APC_LEVEL.
 */
static __always_inline void KeEnterGuardedRegion(void)
{
	ntshim_region_enter(true);
}

/**
 * KeLeaveGuardedRegion() - undo one KeEnterGuardedRegion()
 *
 * Leaving a region the thread is not in is reported (APC_REGION) and
 * changes nothing.
 */
static __always_inline void KeLeaveGuardedRegion(void)
{
	ntshim_region_leave(true, _THIS_IP_);
}

/**
 * KeAreApcsDisabled() - is the thread in a critical or guarded region?
 *
 * IRQL <= DISPATCH_LEVEL.
 *
 * Return: TRUE if the calling thread is inside a critical region or a
 * guarded region, FALSE otherwise (Microsoft's definition: the IRQL does
 * not enter into it).
 */
static inline BOOLEAN KeAreApcsDisabled(void)
{
	if (likely(!atomic_read(&ntshim_region_threads)))
		return FALSE;
	return ntshim_region_depth(false) || ntshim_region_depth(true);
}

/**
 * KeAreAllApcsDisabled() - are even special kernel APCs disabled?
 *
 * IRQL <= DISPATCH_LEVEL.
 *
 * Return: TRUE if the calling thread is inside a guarded region or runs at
 * IRQL >= APC_LEVEL (see <ntshim/irql.h> for what the IRQL reads), FALSE
 * otherwise.
 */
static inline BOOLEAN KeAreAllApcsDisabled(void)
{
	if (KeGetCurrentIrql() >= APC_LEVEL)
		return TRUE;
	if (likely(!atomic_read(&ntshim_region_threads)))
		return FALSE;
	return ntshim_region_depth(true) != 0;
}

#endif /* _NTSHIM_APC_H */
