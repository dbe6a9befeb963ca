/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KSPIN_LOCK on spinlock_t (first cut; the IRQL/locks work completes it).
 */
#ifndef _NTSHIM_SPINLOCK_H
#define _NTSHIM_SPINLOCK_H

#include <linux/spinlock.h>
#include <ntshim/irql.h>

/**
 * struct _KSPIN_LOCK - a DDK spin lock
 * @Lock: the Linux spin lock (a qspinlock on x86)
 *
 * Windows' KSPIN_LOCK is a ULONG_PTR; ntshim's is larger, so code that
 * assumes sizeof(KSPIN_LOCK) == sizeof(void *) must be adapted.
 */
typedef struct _KSPIN_LOCK {
	spinlock_t Lock;
} KSPIN_LOCK, *PKSPIN_LOCK;

/**
 * KeInitializeSpinLock() - initialise a spin lock
 * @SpinLock: PKSPIN_LOCK
 *
 * A macro so that lockdep gives each call site its own lock class.
 */
#define KeInitializeSpinLock(SpinLock) spin_lock_init(&(SpinLock)->Lock)

#endif /* _NTSHIM_SPINLOCK_H */
