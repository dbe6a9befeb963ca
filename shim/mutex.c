// SPDX-License-Identifier: GPL-2.0
/*
 * Fast mutexes are inline (ntshim/mutex.h); this file holds their cold
 * misuse reports and the IRQL report shared by the sleeping sync calls.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <ntshim/irql.h>
#include <ntshim/mutex.h>
#include <ntshim/violation.h>

void ntshim_sync_bad_irql(const void *object, const char *what, unsigned long caller)
{
	ntshim_violation(NTSHIM_V_SYNC_BAD_IRQL, 0, object, caller,
			 "%s at IRQL %u: would sleep above APC_LEVEL, refused",
			 what, KeGetCurrentIrql());
}
EXPORT_SYMBOL_GPL(ntshim_sync_bad_irql);

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
