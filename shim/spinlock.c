// SPDX-License-Identifier: GPL-2.0
/*
 * Spin lock slow paths: misuse reports, releases of locks taken an
 * unusual way, and the interrupt spin lock.  The fast paths are inline in
 * <ntshim/spinlock.h>.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bottom_half.h>
#include <linux/module.h>
#include <linux/uaccess.h>
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

/* Undo a lock held as @how, then lower to @lower_to if that is not -1. */
static void ntshim_spin_unlock_how(spinlock_t *lock, UCHAR how, int lower_to)
	__releases(lock)
{
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

/* How the caller holds a lock whose Owner is @owner; 0 if it does not. */
static unsigned int ntshim_spin_held_how(unsigned long owner)
{
	unsigned long held = (owner ^ ntshim_spin_ctx(preempt_count())) -
			     (unsigned long)current;

	if (held & ~NTSHIM_HELD_MASK)
		return 0;
	return held >> NTSHIM_HELD_SHIFT;
}

void ntshim_spin_release_slow(PKSPIN_LOCK SpinLock, int lower_to,
			      unsigned long caller)
	__releases(&SpinLock->Lock)
{
	unsigned int how = ntshim_spin_held_how(READ_ONCE(SpinLock->Owner));

	if (unlikely(!how)) {
		ntshim_spin_bad_release(SpinLock, NULL, caller);
		__release(&SpinLock->Lock);
		return;
	}
	WRITE_ONCE(SpinLock->Owner, 0);
	if (unlikely(how & NTSHIM_HELD_QUEUED)) {
		ntshim_violation(NTSHIM_V_SPINLOCK_MIXED, 0, SpinLock, caller,
				 "lock taken by KeAcquireInStackQueuedSpinLock released by KeReleaseSpinLock: released");
		how &= ~NTSHIM_HELD_QUEUED;
	}
	ntshim_spin_unlock_how(&SpinLock->Lock, how, lower_to);
}
EXPORT_SYMBOL_GPL(ntshim_spin_release_slow);

void ntshim_spin_release_queued_slow(PKLOCK_QUEUE_HANDLE LockHandle,
				     int lower_to, unsigned long caller)
	__releases(&LockHandle->LockQueue.Lock->Lock)
{
	PKSPIN_LOCK lock = LockHandle->LockQueue.Lock;
	unsigned long owner;
	unsigned int how;

	/*
	 * Debug checks: a handle no acquire filled may point anywhere, so
	 * read through it without faulting before trusting it.
	 */
	how = 0;
	if (lock && !ntshim_checking())
		how = ntshim_spin_held_how(READ_ONCE(lock->Owner));
	else if (lock && !get_kernel_nofault(owner, &lock->Owner))
		how = ntshim_spin_held_how(owner);
	if (unlikely(!(how & NTSHIM_HELD_QUEUED))) {
		/* Never dereference the lock here: the handle may be garbage. */
		ntshim_spin_bad_release(lock, LockHandle, caller);
		__release(&LockHandle->LockQueue.Lock->Lock);
		return;
	}
	LockHandle->LockQueue.Lock = NULL;
	WRITE_ONCE(lock->Owner, 0);
	ntshim_spin_unlock_how(&lock->Lock, how & ~NTSHIM_HELD_QUEUED,
			       lower_to);
}
EXPORT_SYMBOL_GPL(ntshim_spin_release_queued_slow);

KIRQL ntshim_spin_lock_high(PKSPIN_LOCK SpinLock, UCHAR how,
			    unsigned long caller)
	__acquires(&SpinLock->Lock)
{
	KIRQL old = KeGetCurrentIrql();

	ntshim_spin_irql_violation(SpinLock, NTSHIM_V_IRQL_TOO_HIGH, old,
				   caller);
	spin_lock(&SpinLock->Lock);
	WRITE_ONCE(SpinLock->Owner,
		   ntshim_spin_owner(preempt_count(), NTSHIM_HELD_PLAIN | how));
	return old;
}
EXPORT_SYMBOL_GPL(ntshim_spin_lock_high);

void ntshim_spin_lock_low(PKSPIN_LOCK SpinLock, UCHAR how,
			  unsigned long caller)
	__acquires(&SpinLock->Lock)
{
	unsigned long pc = preempt_count();

	if (irqs_disabled()) {
		/* Masked by Linux code, nothing counted: HIGH_LEVEL. */
		spin_lock(&SpinLock->Lock);
		how |= NTSHIM_HELD_PLAIN;
	} else {
		ntshim_spin_irql_violation(SpinLock, NTSHIM_V_IRQL_TOO_LOW,
					   KeGetCurrentIrql(), caller);
		spin_lock_bh(&SpinLock->Lock);
		how |= NTSHIM_HELD_FIXUP;
	}
	WRITE_ONCE(SpinLock->Owner, ntshim_spin_owner(pc, how));
}
EXPORT_SYMBOL_GPL(ntshim_spin_lock_low);

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
	WRITE_ONCE(Interrupt->SpinLock.Owner,
		   ntshim_spin_owner(preempt_count(), NTSHIM_HELD_PLAIN));
	Interrupt->SavedLevel = ntshim_irql_set_level(max(old, sync));
	return old;
}
EXPORT_SYMBOL_GPL(KeAcquireInterruptSpinLock);

void KeReleaseInterruptSpinLock(PKINTERRUPT Interrupt, KIRQL OldIrql)
	__releases(&Interrupt->SpinLock.Lock)
{
	unsigned long flags = Interrupt->SavedFlags;

	if (READ_ONCE(Interrupt->SpinLock.Owner) !=
	    ntshim_spin_owner(preempt_count(), NTSHIM_HELD_PLAIN)) {
		ntshim_spin_bad_release(&Interrupt->SpinLock, NULL, _RET_IP_);
		__release(&Interrupt->SpinLock.Lock);
		return;
	}
	WRITE_ONCE(Interrupt->SpinLock.Owner, 0);
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
