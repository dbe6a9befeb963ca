// SPDX-License-Identifier: GPL-2.0
/*
 * Fast mutexes are inline (ntshim/mutex.h); this file holds their cold
 * misuse reports, and the kernel mutex (KMUTEX): acquiring one is a
 * dispatcher wait (dispatcher.c), releasing it is here.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/lockdep.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <ntshim/irql.h>
#include <ntshim/list.h>
#include <ntshim/mutex.h>
#include <ntshim/violation.h>

#include "dispatcher.h"

void ntshim_fast_mutex_misuse(PFAST_MUTEX FastMutex, bool release,
			      unsigned long caller)
{
	struct task_struct *owner = READ_ONCE(FastMutex->Owner);

	if (release)
		ntshim_violation(NTSHIM_V_SYNC_NOT_OWNER, 0, FastMutex, caller,
				 "fast mutex released by %s/%d, owner %p, refused",
				 current->comm, task_pid_nr(current), owner);
	else if (KeGetCurrentIrql() > APC_LEVEL)
		ntshim_sync_bad_irql(FastMutex, "fast mutex acquire", caller);
	else
		ntshim_violation(NTSHIM_V_SYNC_SELF_DEADLOCK, 0, FastMutex, caller,
				 "fast mutex acquired again by its owner %s/%d (would deadlock), refused",
				 current->comm, task_pid_nr(current));
}
EXPORT_SYMBOL_GPL(ntshim_fast_mutex_misuse);

/* Kernel mutexes: acquisition is a dispatcher wait, release is here. */

void ntshim_mutex_init(PRKMUTEX Mutex, const char *name, struct lock_class_key *key)
{
	ntshim_dispatcher_init(&Mutex->Header, MutantObject, 1);
	Mutex->Header.Size = min_t(size_t, sizeof(KMUTANT) / sizeof(LONG), MAXUCHAR);
	InitializeListHead(&Mutex->MutantListEntry);
	Mutex->OwnerThread = NULL;
	Mutex->Abandoned = FALSE;
	Mutex->ApcDisable = 0;
	lockdep_init_map(&Mutex->dep_map, name, key, 0);
}
EXPORT_SYMBOL_GPL(ntshim_mutex_init);

LONG KeReleaseMutex(PRKMUTEX Mutex, BOOLEAN Wait)
{
	unsigned long flags;
	bool freed;
	LONG old;

	if (!ntshim_dispatcher_ok(Mutex, MutantObject, MutantObject)) {
		ntshim_dispatcher_bad_object(Mutex, __func__, _RET_IP_);
		return 0;
	}
	raw_spin_lock_irqsave(&ntshim_dispatcher_lock, flags);
	old = Mutex->Header.SignalState;
	if (Mutex->OwnerThread != current || old > 0) {
		/* the owner is only printed: it may have exited already */
		struct task_struct *owner = Mutex->OwnerThread;

		raw_spin_unlock_irqrestore(&ntshim_dispatcher_lock, flags);
		ntshim_violation(NTSHIM_V_SYNC_NOT_OWNER, 0, Mutex, _RET_IP_,
				 "%s by %s/%d, owner %p (STATUS_MUTANT_NOT_OWNED)",
				 __func__, current->comm, task_pid_nr(current), owner);
		return old;
	}
	WRITE_ONCE(Mutex->Header.SignalState, old + 1);
	freed = old + 1 > 0;
	if (freed) {
		/*
		 * Tell lockdep before anyone else can own it: once the lock
		 * is dropped, the next owner may release and free the mutex.
		 */
		mutex_release(&Mutex->dep_map, _RET_IP_);
		Mutex->OwnerThread = NULL;
		ntshim_dispatcher_wait_test(&Mutex->Header);
	}
	raw_spin_unlock_irqrestore(&ntshim_dispatcher_lock, flags);
	return old;
}
EXPORT_SYMBOL_GPL(KeReleaseMutex);
