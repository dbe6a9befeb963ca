// SPDX-License-Identifier: GPL-2.0
/*
 * EX_PUSH_LOCK on rw_semaphore (see ntshim/pushlock.h).  The exclusive
 * owner and the number of shared holders are kept beside the rwsem so
 * that a release without a matching acquire is refused instead of
 * corrupting the rwsem's count.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <ntshim/irql.h>
#include <ntshim/pushlock.h>
#include <ntshim/violation.h>

void ntshim_push_lock_init(PEX_PUSH_LOCK PushLock, const char *name,
			   struct lock_class_key *key)
{
	__init_rwsem(&PushLock->Lock, name, key);
	PushLock->Owner = NULL;
	atomic_set(&PushLock->Shared, 0);
}
EXPORT_SYMBOL_GPL(ntshim_push_lock_init);

/* May the caller acquire @p?  Otherwise reported. */
static bool acquire_ok(PEX_PUSH_LOCK p, const char *what, unsigned long caller)
{
	if (unlikely(KeGetCurrentIrql() > APC_LEVEL)) {
		ntshim_sync_bad_irql(p, what, caller);
		return false;
	}
	if (unlikely(READ_ONCE(p->Owner) == current)) {
		ntshim_violation(NTSHIM_V_SYNC_SELF_DEADLOCK, 0, p, caller,
				 "%s by the exclusive owner %s/%d (would deadlock), refused",
				 what, current->comm, task_pid_nr(current));
		return false;
	}
	return true;
}

void ExAcquirePushLockExclusive(PEX_PUSH_LOCK PushLock)
{
	if (!acquire_ok(PushLock, __func__, _RET_IP_))
		return;
	down_write(&PushLock->Lock);
	WRITE_ONCE(PushLock->Owner, current);
}
EXPORT_SYMBOL_GPL(ExAcquirePushLockExclusive);

BOOLEAN ExTryAcquirePushLockExclusive(PEX_PUSH_LOCK PushLock)
{
	if (!acquire_ok(PushLock, __func__, _RET_IP_))
		return FALSE;
	if (!down_write_trylock(&PushLock->Lock))
		return FALSE;
	WRITE_ONCE(PushLock->Owner, current);
	return TRUE;
}
EXPORT_SYMBOL_GPL(ExTryAcquirePushLockExclusive);

void ExAcquirePushLockShared(PEX_PUSH_LOCK PushLock)
{
	if (!acquire_ok(PushLock, __func__, _RET_IP_))
		return;
	down_read(&PushLock->Lock);
	atomic_inc(&PushLock->Shared);
}
EXPORT_SYMBOL_GPL(ExAcquirePushLockShared);

BOOLEAN ExTryAcquirePushLockShared(PEX_PUSH_LOCK PushLock)
{
	if (!acquire_ok(PushLock, __func__, _RET_IP_))
		return FALSE;
	if (!down_read_trylock(&PushLock->Lock))
		return FALSE;
	atomic_inc(&PushLock->Shared);
	return TRUE;
}
EXPORT_SYMBOL_GPL(ExTryAcquirePushLockShared);

static void release_exclusive(PEX_PUSH_LOCK p, const char *what,
			      unsigned long caller)
{
	if (unlikely(READ_ONCE(p->Owner) != current)) {
		ntshim_violation(NTSHIM_V_SYNC_NOT_OWNER, 0, p, caller,
				 "%s by %s/%d, which does not hold it exclusive, refused",
				 what, current->comm, task_pid_nr(current));
		return;
	}
	WRITE_ONCE(p->Owner, NULL);
	up_write(&p->Lock);
}

static void release_shared(PEX_PUSH_LOCK p, const char *what,
			   unsigned long caller)
{
	/* take one shared hold, unless there is none to take */
	if (unlikely(atomic_dec_if_positive(&p->Shared) < 0)) {
		ntshim_violation(NTSHIM_V_SYNC_NOT_OWNER, 0, p, caller,
				 "%s by %s/%d while nobody holds it shared, refused",
				 what, current->comm, task_pid_nr(current));
		return;
	}
	up_read(&p->Lock);
}

void ExReleasePushLockExclusive(PEX_PUSH_LOCK PushLock)
{
	release_exclusive(PushLock, __func__, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExReleasePushLockExclusive);

void ExReleasePushLockShared(PEX_PUSH_LOCK PushLock)
{
	release_shared(PushLock, __func__, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExReleasePushLockShared);

void ExReleasePushLock(PEX_PUSH_LOCK PushLock)
{
	if (READ_ONCE(PushLock->Owner) == current)
		release_exclusive(PushLock, __func__, _RET_IP_);
	else
		release_shared(PushLock, __func__, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExReleasePushLock);
