// SPDX-License-Identifier: GPL-2.0
/*
 * The dispatcher: signal states, wait lists and the KeWait* calls for
 * events, kernel mutexes, semaphores and any other DISPATCHER_HEADER
 * object.  The objects' own calls live beside them (event.c, mutex.c,
 * semaphore.c); they reach the dispatcher through dispatcher.h.
 *
 * One raw spin lock (taken with interrupts off, so objects may be
 * signalled from hard interrupts) guards every signal state change to
 * "signalled" and every wait list.  A waiter queues one KWAIT_BLOCK per
 * object and sleeps; whoever signals an object walks its wait list in
 * FIFO order and satisfies each wait that has become possible: it consumes
 * the signal on the waiter's behalf, records the status, unlinks all of
 * the waiter's blocks and wakes the task.  The waiter only reads its
 * status, so a wait is decided exactly once, under the lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/lockdep.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/spinlock.h>
#include <ntshim/event.h>
#include <ntshim/irql.h>
#include <ntshim/mutex.h>
#include <ntshim/violation.h>

#include "dispatcher.h"

struct ntshim_waiter {
	struct task_struct *task;
	WAIT_TYPE type;
	ULONG count;
	PKWAIT_BLOCK blocks;
	NTSTATUS status;	/* STATUS_PENDING until the wait is decided */
};

DEFINE_RAW_SPINLOCK(ntshim_dispatcher_lock);

/* 100 ns intervals from 1601-01-01 to 1970-01-01. */
#define NTSHIM_EPOCH_1970 116444736000000000LL

enum deadline_kind { DEADLINE_POLL, DEADLINE_AT, DEADLINE_NEVER };

struct deadline {
	enum deadline_kind kind;
	ktime_t expires;
	clockid_t clock;
};

/* 100 ns ticks to ktime, saturating at KTIME_MAX (practically never). */
static ktime_t ticks_to_ktime(u64 ticks)
{
	if (ticks > (u64)KTIME_MAX / 100)
		return KTIME_MAX;
	return (ktime_t)(ticks * 100);
}

/* The DDK timeout convention, turned into an absolute hrtimer expiry. */
static void deadline_init(struct deadline *d, const LARGE_INTEGER *timeout)
{
	LONGLONG t;

	if (!timeout) {
		d->kind = DEADLINE_NEVER;
		return;
	}
	t = READ_ONCE(timeout->QuadPart);
	if (t == 0) {
		d->kind = DEADLINE_POLL;
	} else if (t < 0) {
		d->kind = DEADLINE_AT;
		d->clock = CLOCK_MONOTONIC;
		d->expires = ktime_add_safe(ktime_get(), ticks_to_ktime(-(u64)t));
	} else {
		d->kind = DEADLINE_AT;
		d->clock = CLOCK_REALTIME;
		/* before 1970: already past, expires at once */
		d->expires = t <= NTSHIM_EPOCH_1970 ? 0 :
			     ticks_to_ktime(t - NTSHIM_EPOCH_1970);
	}
}

static bool type_is_waitable(UCHAR type)
{
	switch (type) {
	case EventNotificationObject:
	case EventSynchronizationObject:
	case MutantObject:
	case SemaphoreObject:
	case TimerNotificationObject:
	case TimerSynchronizationObject:
	case ThreadObject:
		return true;
	default:
		return false;
	}
}

/* Could @task's wait on @h be satisfied now?  Dispatcher lock held. */
static bool object_available(PDISPATCHER_HEADER h, struct task_struct *task)
{
	if (h->Type == MutantObject)
		return h->SignalState > 0 ||
		       container_of(h, KMUTANT, Header)->OwnerThread == task;
	return h->SignalState > 0;
}

/* Take what satisfying a wait takes.  Returns true if a free mutex was taken. */
static bool object_consume(PDISPATCHER_HEADER h, struct task_struct *task)
{
	switch (h->Type) {
	case EventSynchronizationObject:
	case TimerSynchronizationObject:
		WRITE_ONCE(h->SignalState, 0);
		return false;
	case MutantObject:
		container_of(h, KMUTANT, Header)->OwnerThread = task;
		WRITE_ONCE(h->SignalState, h->SignalState - 1);
		return h->SignalState == 0;
	case SemaphoreObject:
		/* one unit of the count per satisfied wait */
		WRITE_ONCE(h->SignalState, h->SignalState - 1);
		return false;
	default:
		/* notification objects stay signalled */
		return false;
	}
}

/* WaitAny: the lowest index available; WaitAll: 0 if all are.  Else -1. */
static int wait_satisfiable(struct ntshim_waiter *w)
{
	ULONG i;

	for (i = 0; i < w->count; i++) {
		bool avail = object_available(w->blocks[i].Object, w->task);

		if (w->type == WaitAny && avail)
			return i;
		if (w->type == WaitAll && !avail)
			return -1;
	}
	return w->type == WaitAll ? 0 : -1;
}

/* Consume the objects of a wait that can be satisfied by @index. */
static void wait_consume(struct ntshim_waiter *w, int index)
{
	ULONG i;

	if (w->type == WaitAny) {
		w->blocks[index].BlockState =
			object_consume(w->blocks[index].Object, w->task);
		w->status = STATUS_WAIT_0 + index;
		return;
	}
	for (i = 0; i < w->count; i++)
		w->blocks[i].BlockState =
			object_consume(w->blocks[i].Object, w->task);
	w->status = STATUS_SUCCESS;
}

static void wait_unlink(struct ntshim_waiter *w)
{
	ULONG i;

	for (i = 0; i < w->count; i++)
		list_del_init(&w->blocks[i].WaitListEntry);
}

/*
 * @h may have become signalled: satisfy every wait on it that can be
 * satisfied now, first come first served.  Dispatcher lock held.
 */
void ntshim_dispatcher_wait_test(PDISPATCHER_HEADER h)
{
	PKWAIT_BLOCK wb;

again:
	list_for_each_entry(wb, &h->WaitList, WaitListEntry) {
		struct ntshim_waiter *w = wb->Waiter;
		int index;

		if (!object_available(h, w->task))
			continue;
		index = w->type == WaitAny ? wb->WaitKey : wait_satisfiable(w);
		if (index < 0)
			continue;
		wait_consume(w, index);
		/* unlinking may remove more than this entry: rescan */
		wait_unlink(w);
		wake_up_process(w->task);
		goto again;
	}
}

void ntshim_dispatcher_init(PDISPATCHER_HEADER Header, KOBJECTS Type, LONG State)
{
	Header->Type = Type;
	Header->Signalling = 0;
	Header->Size = 0;
	Header->Inserted = 0;
	Header->SignalState = State;
	INIT_LIST_HEAD(&Header->WaitList);
}
EXPORT_SYMBOL_GPL(ntshim_dispatcher_init);

LONG ntshim_dispatcher_signal(PDISPATCHER_HEADER Header, LONG State)
{
	unsigned long flags;
	LONG old;

	raw_spin_lock_irqsave(&ntshim_dispatcher_lock, flags);
	old = Header->SignalState;
	WRITE_ONCE(Header->SignalState, State);
	if (State > 0)
		ntshim_dispatcher_wait_test(Header);
	raw_spin_unlock_irqrestore(&ntshim_dispatcher_lock, flags);
	return old;
}
EXPORT_SYMBOL_GPL(ntshim_dispatcher_signal);

ULONG ntshim_dispatcher_waiters(PVOID Object)
{
	PDISPATCHER_HEADER Header = Object;
	unsigned long flags;
	ULONG n;

	raw_spin_lock_irqsave(&ntshim_dispatcher_lock, flags);
	n = list_count_nodes(&Header->WaitList);
	raw_spin_unlock_irqrestore(&ntshim_dispatcher_lock, flags);
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_dispatcher_waiters);

/* Refuse sleeping above APC_LEVEL and anything above DISPATCH_LEVEL. */
static bool wait_irql_ok(const void *obj, bool may_sleep, const char *what,
			 unsigned long caller)
{
	KIRQL irql = KeGetCurrentIrql();

	if (irql > DISPATCH_LEVEL || (may_sleep && irql > APC_LEVEL)) {
		ntshim_sync_bad_irql(obj, what, caller);
		return false;
	}
	return true;
}

/* Tell lockdep about mutexes this wait took while they were free. */
static void wait_note_mutexes(struct ntshim_waiter *w, unsigned long caller)
{
	ULONG i;

	for (i = 0; i < w->count; i++) {
		PKWAIT_BLOCK wb = &w->blocks[i];

		if (!wb->BlockState)
			continue;
		wb->BlockState = 0;
		mutex_acquire(&container_of(wb->Object, KMUTANT, Header)->dep_map,
			      0, 0, caller);
	}
}

static NTSTATUS ntshim_wait(struct ntshim_waiter *w, KPROCESSOR_MODE mode,
			    BOOLEAN alertable, PLARGE_INTEGER timeout,
			    const char *what, unsigned long caller)
{
	int state = alertable ? TASK_INTERRUPTIBLE : TASK_IDLE;
	struct deadline d;
	unsigned long flags;
	bool expired = false;
	int index;
	ULONG i;

	deadline_init(&d, timeout);
	if (!wait_irql_ok(w->blocks[0].Object, d.kind != DEADLINE_POLL, what, caller))
		return STATUS_UNSUCCESSFUL;
	if (d.kind != DEADLINE_POLL)
		might_sleep();

	for (i = 0; i < w->count; i++) {
		w->blocks[i].Waiter = w;
		w->blocks[i].WaitKey = i;
		w->blocks[i].BlockState = 0;
	}

	raw_spin_lock_irqsave(&ntshim_dispatcher_lock, flags);
	index = wait_satisfiable(w);
	if (index >= 0) {
		wait_consume(w, index);
		goto out_unlock;
	}
	if (d.kind == DEADLINE_POLL) {
		w->status = STATUS_TIMEOUT;
		goto out_unlock;
	}

	w->status = STATUS_PENDING;
	for (i = 0; i < w->count; i++)
		list_add_tail(&w->blocks[i].WaitListEntry,
			      &w->blocks[i].Object->WaitList);

	for (;;) {
		set_current_state(state);
		raw_spin_unlock_irqrestore(&ntshim_dispatcher_lock, flags);
		if (d.kind == DEADLINE_NEVER)
			schedule();
		else
			expired = !schedule_hrtimeout_range_clock(&d.expires, 0,
								  HRTIMER_MODE_ABS,
								  d.clock);
		raw_spin_lock_irqsave(&ntshim_dispatcher_lock, flags);
		if (w->status != STATUS_PENDING)
			break;
		if (expired) {
			w->status = STATUS_TIMEOUT;
			wait_unlink(w);
			break;
		}
		if (alertable && signal_pending(current)) {
			w->status = mode == UserMode ? STATUS_USER_APC : STATUS_ALERTED;
			wait_unlink(w);
			break;
		}
	}
	__set_current_state(TASK_RUNNING);

out_unlock:
	raw_spin_unlock_irqrestore(&ntshim_dispatcher_lock, flags);
	wait_note_mutexes(w, caller);
	return w->status;
}

void ntshim_dispatcher_bad_object(const void *object, const char *what,
				  unsigned long caller)
{
	ntshim_violation(NTSHIM_V_SYNC_BAD_OBJECT, 0, object, caller,
			 "%s: %s is not an initialised object of that kind: refused",
			 what, object ? "object" : "NULL");
}
EXPORT_SYMBOL_GPL(ntshim_dispatcher_bad_object);

/* A pointer that cannot be a dispatcher object is reported. */
static bool object_ok(PDISPATCHER_HEADER h, const char *what, unsigned long caller)
{
	if (h && type_is_waitable(h->Type) && h->WaitList.next)
		return true;
	ntshim_violation(NTSHIM_V_SYNC_BAD_OBJECT, 0, h, caller,
			 "%s: %s is not an initialised dispatcher object", what,
			 h ? "object" : "NULL");
	return false;
}

NTSTATUS KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason,
			       KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
			       PLARGE_INTEGER Timeout)
{
	KWAIT_BLOCK block = { .Object = Object };
	struct ntshim_waiter w = {
		.task = current,
		.type = WaitAny,
		.count = 1,
		.blocks = &block,
	};

	if (!object_ok(Object, __func__, _RET_IP_))
		return STATUS_INVALID_PARAMETER;
	return ntshim_wait(&w, WaitMode, Alertable, Timeout, __func__, _RET_IP_);
}
EXPORT_SYMBOL_GPL(KeWaitForSingleObject);

NTSTATUS KeWaitForMultipleObjects(ULONG Count, PVOID Object[], WAIT_TYPE WaitType,
				  KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
				  BOOLEAN Alertable, PLARGE_INTEGER Timeout,
				  PKWAIT_BLOCK WaitBlockArray)
{
	KWAIT_BLOCK local[THREAD_WAIT_OBJECTS];
	struct ntshim_waiter w = {
		.task = current,
		.type = WaitType,
		.count = Count,
		.blocks = WaitBlockArray ? WaitBlockArray : local,
	};
	ULONG i;

	if (Count == 0 || Count > MAXIMUM_WAIT_OBJECTS || !Object ||
	    (Count > THREAD_WAIT_OBJECTS && !WaitBlockArray) ||
	    (WaitType != WaitAny && WaitType != WaitAll)) {
		ntshim_violation(NTSHIM_V_SYNC_BAD_OBJECT, 0, Object, _RET_IP_,
				 "%s: %u objects, wait type %d, wait blocks %p",
				 __func__, Count, WaitType, WaitBlockArray);
		return STATUS_INVALID_PARAMETER;
	}
	for (i = 0; i < Count; i++) {
		if (!object_ok(Object[i], __func__, _RET_IP_))
			return STATUS_INVALID_PARAMETER;
		w.blocks[i].Object = Object[i];
	}
	return ntshim_wait(&w, WaitMode, Alertable, Timeout, __func__, _RET_IP_);
}
EXPORT_SYMBOL_GPL(KeWaitForMultipleObjects);

NTSTATUS KeDelayExecutionThread(KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
				PLARGE_INTEGER Interval)
{
	int state = Alertable ? TASK_INTERRUPTIBLE : TASK_IDLE;
	struct deadline d;

	if (!Interval) {
		ntshim_violation(NTSHIM_V_SYNC_BAD_OBJECT, 0, NULL, _RET_IP_,
				 "%s: NULL interval", __func__);
		return STATUS_INVALID_PARAMETER;
	}
	if (!wait_irql_ok(Interval, true, __func__, _RET_IP_))
		return STATUS_UNSUCCESSFUL;
	might_sleep();

	deadline_init(&d, Interval);
	/* zero: give the CPU to others that are ready, if preemption allows */
	if (d.kind == DEADLINE_POLL) {
		cond_resched();
		return STATUS_SUCCESS;
	}
	for (;;) {
		set_current_state(state);
		if (!schedule_hrtimeout_range_clock(&d.expires, 0, HRTIMER_MODE_ABS,
						    d.clock))
			return STATUS_SUCCESS;
		if (Alertable && signal_pending(current))
			return WaitMode == UserMode ? STATUS_USER_APC : STATUS_ALERTED;
	}
}
EXPORT_SYMBOL_GPL(KeDelayExecutionThread);
