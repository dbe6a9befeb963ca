// SPDX-License-Identifier: GPL-2.0
/*
 * Spin lock slow paths: misuse reports, releases of locks taken an
 * unusual way, and the interrupt spin lock.  The fast paths are inline in
 * <ntshim/spinlock.h>.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bottom_half.h>
#include <linux/module.h>
#include <ntshim/spinlock.h>

#include "irql_internal.h"

void ntshim_spin_irql_violation(PKSPIN_LOCK SpinLock,
				enum ntshim_violation_kind kind, KIRQL irql,
				unsigned long caller)
{
	if (kind == NTSHIM_V_IRQL_TOO_HIGH)
		ntshim_violation(kind, 0, SpinLock, caller,
				 "spin lock acquire at IRQL %u > DISPATCH_LEVEL: taken without raising",
				 irql);
	else
		ntshim_violation(kind, 0, SpinLock, caller,
				 "AtDpcLevel spin lock call at IRQL %u < DISPATCH_LEVEL: taken with softirqs off",
				 irql);
}
EXPORT_SYMBOL_GPL(ntshim_spin_irql_violation);

void ntshim_spin_kind_slow(PKSPIN_LOCK SpinLock, UCHAR kind,
			   unsigned long caller)
{
	/* Called by the holder: Kind only changes under the lock. */
	switch (SpinLock->Kind) {
	case 0:
		WRITE_ONCE(SpinLock->Kind, kind);
		return;
	case NTSHIM_LOCK_MIXED:
		return;
	}
	WRITE_ONCE(SpinLock->Kind, NTSHIM_LOCK_MIXED);
	ntshim_violation(NTSHIM_V_SPINLOCK_MIXED, 0, SpinLock, caller,
			 "%s acquire of a lock used %s before",
			 kind == NTSHIM_LOCK_QUEUED ? "queued" : "ordinary",
			 kind == NTSHIM_LOCK_QUEUED ? "ordinarily" : "queued");
}
EXPORT_SYMBOL_GPL(ntshim_spin_kind_slow);

void ntshim_spin_bad_release(PKSPIN_LOCK SpinLock,
			     PKLOCK_QUEUE_HANDLE handle, unsigned long caller)
{
	/* Never dereference a handle's lock: the handle may be garbage. */
	if (!handle)
		ntshim_violation(NTSHIM_V_SPINLOCK_BAD_RELEASE, 0, SpinLock,
				 caller, "release of a lock %s: ignored",
				 spin_is_locked(&SpinLock->Lock) ?
				 "held by another thread or context" :
				 "that is not held");
	else if (!SpinLock)
		ntshim_violation(NTSHIM_V_SPINLOCK_BAD_RELEASE, 0, handle,
				 caller, "queued release, handle holds no lock: ignored");
	else
		ntshim_violation(NTSHIM_V_SPINLOCK_BAD_RELEASE, 0, SpinLock,
				 caller, "queued release, handle does not hold it: ignored");
}
EXPORT_SYMBOL_GPL(ntshim_spin_bad_release);

void ntshim_spin_unlock_slow(spinlock_t *lock, UCHAR how, int lower_to)
	__releases(lock)
{
	if (unlikely(how & NTSHIM_HELD_QUEUED)) {
		/* KSPIN_LOCK starts with its spinlock_t. */
		ntshim_violation(NTSHIM_V_SPINLOCK_MIXED, 0, lock, _RET_IP_,
				 "lock taken by KeAcquireInStackQueuedSpinLock released by KeReleaseSpinLock: released");
		how &= ~NTSHIM_HELD_QUEUED;
	}
	spin_unlock(lock);
	if (how == NTSHIM_HELD_RAISED || how == NTSHIM_HELD_FIXUP) {
		/*
		 * Softirqs stay off when Windows would stay at DISPATCH_LEVEL
		 * (a raising acquire released FromDpcLevel), or when they
		 * cannot be re-enabled yet (interrupts off): the IRQL owns
		 * them then, and KeLowerIrql() gives them back.
		 */
		if ((how == NTSHIM_HELD_RAISED && lower_to == NTSHIM_NO_LOWER) ||
		    irqs_disabled()) {
			ntshim_irql_adopt_bh();
		} else {
			/* Below DISPATCH_LEVEL next: this CPU's DPCs run first. */
			if (ntshim_irql_drops_below_dispatch(1))
				ntshim_dpc_run_pending();
			local_bh_enable();
		}
	}
	if (lower_to != NTSHIM_NO_LOWER && lower_to < KeGetCurrentIrql())
		KeLowerIrql(lower_to);
}
EXPORT_SYMBOL_GPL(ntshim_spin_unlock_slow);

KIRQL KeAcquireInterruptSpinLock(PKINTERRUPT Interrupt)
	__acquires(&Interrupt->SpinLock.Lock)
{
	KIRQL sync = Interrupt->SynchronizeIrql;
	KIRQL old = KeGetCurrentIrql();
	unsigned long flags;

	if (sync <= DISPATCH_LEVEL || sync > HIGH_LEVEL)
		sync = HIGH_LEVEL;
	if (unlikely(old > sync))
		ntshim_violation(NTSHIM_V_IRQL_TOO_HIGH, 0, Interrupt, _RET_IP_,
				 "interrupt spin lock at IRQL %u > SynchronizeIrql %u",
				 old, sync);

	spin_lock_irqsave(&Interrupt->SpinLock.Lock, flags);
	Interrupt->SavedFlags = flags;
	Interrupt->SpinLock.HeldHow = NTSHIM_HELD_PLAIN;
	ntshim_spin_set_owner(&Interrupt->SpinLock);
	Interrupt->SavedLevel = ntshim_irql_set_level(max(old, sync));
	return old;
}
EXPORT_SYMBOL_GPL(KeAcquireInterruptSpinLock);

void KeReleaseInterruptSpinLock(PKINTERRUPT Interrupt, KIRQL OldIrql)
	__releases(&Interrupt->SpinLock.Lock)
{
	unsigned long flags = Interrupt->SavedFlags;

	if (ntshim_spin_not_held(&Interrupt->SpinLock)) {
		ntshim_spin_bad_release(&Interrupt->SpinLock, NULL, _RET_IP_);
		__release(&Interrupt->SpinLock.Lock);
		return;
	}
	ntshim_spin_clear_owner(&Interrupt->SpinLock);
	ntshim_irql_set_level(Interrupt->SavedLevel);
	spin_unlock_irqrestore(&Interrupt->SpinLock.Lock, flags);
	if (__this_cpu_read(ntshim_dpc_pending))
		ntshim_dpc_lowered();
}
EXPORT_SYMBOL_GPL(KeReleaseInterruptSpinLock);

BOOLEAN KeSynchronizeExecution(PKINTERRUPT Interrupt,
			       PKSYNCHRONIZE_ROUTINE SynchronizeRoutine,
			       PVOID SynchronizeContext)
{
	KIRQL old = KeAcquireInterruptSpinLock(Interrupt);
	BOOLEAN ret = SynchronizeRoutine(SynchronizeContext);

	KeReleaseInterruptSpinLock(Interrupt, old);
	return ret;
}
EXPORT_SYMBOL_GPL(KeSynchronizeExecution);
