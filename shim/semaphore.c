// SPDX-License-Identifier: GPL-2.0
/*
 * Semaphores: KeInitializeSemaphore, KeReleaseSemaphore.  Waiting on one
 * is the dispatcher's (dispatcher.c), which takes one unit of the count
 * per satisfied wait.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/overflow.h>
#include <linux/spinlock.h>
#include <ntshim/irql.h>
#include <ntshim/semaphore.h>
#include <ntshim/violation.h>

#include "dispatcher.h"

void KeInitializeSemaphore(PRKSEMAPHORE Semaphore, LONG Count, LONG Limit)
{
	if (Limit <= 0 || Count < 0 || Count > Limit) {
		ntshim_violation(NTSHIM_V_SYNC_BAD_ARGUMENT, 0, Semaphore, _RET_IP_,
				 "%s: count %d, limit %d; clamped", __func__,
				 Count, Limit);
		Limit = max(Limit, 1);
		Count = clamp(Count, 0, Limit);
	}
	ntshim_dispatcher_init(&Semaphore->Header, SemaphoreObject, Count);
	Semaphore->Header.Size = sizeof(KSEMAPHORE) / sizeof(LONG);
	Semaphore->Limit = Limit;
}
EXPORT_SYMBOL_GPL(KeInitializeSemaphore);

LONG KeReleaseSemaphore(PRKSEMAPHORE Semaphore, KPRIORITY Increment,
			LONG Adjustment, BOOLEAN Wait)
{
	unsigned long flags;
	LONG old, new;

	if (unlikely(KeGetCurrentIrql() > DISPATCH_LEVEL)) {
		ntshim_sync_bad_irql(Semaphore, __func__, _RET_IP_);
		return READ_ONCE(Semaphore->Header.SignalState);
	}
	if (unlikely(Adjustment <= 0)) {
		ntshim_violation(NTSHIM_V_SYNC_BAD_ARGUMENT, 0, Semaphore, _RET_IP_,
				 "%s: adjustment %d is not positive, refused",
				 __func__, Adjustment);
		return READ_ONCE(Semaphore->Header.SignalState);
	}

	raw_spin_lock_irqsave(&ntshim_dispatcher_lock, flags);
	old = Semaphore->Header.SignalState;
	if (unlikely(check_add_overflow(old, Adjustment, &new) ||
		     new > Semaphore->Limit)) {
		LONG limit = Semaphore->Limit;

		raw_spin_unlock_irqrestore(&ntshim_dispatcher_lock, flags);
		ntshim_violation(NTSHIM_V_SEMAPHORE_LIMIT, 0, Semaphore, _RET_IP_,
				 "%s: count %d + %d exceeds the limit %d (STATUS_SEMAPHORE_LIMIT_EXCEEDED), count unchanged",
				 __func__, old, Adjustment, limit);
		return old;
	}
	WRITE_ONCE(Semaphore->Header.SignalState, new);
	ntshim_dispatcher_wait_test(&Semaphore->Header);
	raw_spin_unlock_irqrestore(&ntshim_dispatcher_lock, flags);
	return old;
}
EXPORT_SYMBOL_GPL(KeReleaseSemaphore);
