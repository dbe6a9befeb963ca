// SPDX-License-Identifier: GPL-2.0
/*
 * KTIMER on softirq hrtimers (see <ntshim/timer.h>).
 *
 * ntshim_timer_lock guards every timer's Inserted, Period, Dpc and list
 * link, and the list of set timers that the unload guard
 * walks.  The expiry callback takes it too, so a caller that finds the
 * callback running (hrtimer_try_to_cancel() < 0) drops the lock and
 * retries until the callback is done.  The signal state changes through
 * the dispatcher (ntshim_dispatcher_signal(), which nests its lock inside
 * ntshim_timer_lock), so waiters are woken and a re-set timer is never
 * signalled by a stale expiry.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/hrtimer.h>
#include <linux/module.h>
#include <linux/sched/task_stack.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <ntshim/ntddk.h>

#include "deferred_stats.h"
#include "internal.h"

static DEFINE_RAW_SPINLOCK(ntshim_timer_lock);
static LIST_HEAD(ntshim_timers_set);

static bool timer_valid(PKTIMER Timer, unsigned long caller, const char *what)
{
	if (!Timer) {
		ntshim_violation(NTSHIM_V_TIMER_MISUSE, 0, NULL, caller,
				 "%s on a NULL timer", what);
		return false;
	}
	if (Timer->Magic != NTSHIM_TIMER_MAGIC) {
		ntshim_violation(NTSHIM_V_TIMER_MISUSE, 0, Timer, caller,
				 "%s on a timer KeInitializeTimer() never set up",
				 what);
		return false;
	}
	return true;
}

/*
 * Take ntshim_timer_lock with @Timer's hrtimer stopped and its callback
 * not running.  Returns with the lock held; *flags as for irqsave.
 */
static void timer_stop_and_lock(PKTIMER Timer, unsigned long *flags)
	__acquires(&ntshim_timer_lock)
{
	raw_spin_lock_irqsave(&ntshim_timer_lock, *flags);
	while (hrtimer_try_to_cancel(&Timer->Timer) < 0) {
		raw_spin_unlock_irqrestore(&ntshim_timer_lock, *flags);
		cpu_relax();
		raw_spin_lock_irqsave(&ntshim_timer_lock, *flags);
	}
}

/* Lock held, hrtimer stopped: forget that the timer is set. */
static bool timer_unset_locked(PKTIMER Timer)
{
	bool was_set = Timer->Inserted;

	if (was_set) {
		Timer->Inserted = FALSE;
		list_del_init(&Timer->ActiveEntry);
		ntshim_live_unlink(Timer);
	}
	return was_set;
}

static enum hrtimer_restart ntshim_timer_expire(struct hrtimer *hr)
{
	PKTIMER Timer = container_of(hr, KTIMER, Timer);
	enum hrtimer_restart ret = HRTIMER_NORESTART;
	LARGE_INTEGER now;
	unsigned long flags;
	PKDPC Dpc;

	KeQuerySystemTimePrecise(&now);
	raw_spin_lock_irqsave(&ntshim_timer_lock, flags);
	ntshim_dispatcher_signal(&Timer->Header, 1);
	Dpc = Timer->Dpc;
	if (Timer->Period > 0) {
		hrtimer_forward_now(hr, ms_to_ktime(Timer->Period));
		ret = HRTIMER_RESTART;
	} else {
		timer_unset_locked(Timer);
	}
	/*
	 * Queue the DPC before the lock goes, as Windows does under its
	 * dispatcher lock: once the timer is unset, a free of the block that
	 * holds it (and its KDPC) no longer waits for this callback, so
	 * nothing here may touch the timer after the unlock.
	 */
	if (Dpc)
		ntshim_dpc_insert(Dpc, (PVOID)(ULONG_PTR)now.LowPart,
				  (PVOID)(ULONG_PTR)(ULONG)now.HighPart,
				  Timer->SetBy);
	raw_spin_unlock_irqrestore(&ntshim_timer_lock, flags);

	ntshim_deferred_inc(TIMER_FIRED);
	return ret;
}

/* debugobjects wants on-stack hrtimers said to be on the stack. */
static void timer_hrtimer_init(PKTIMER Timer, clockid_t clock,
			       enum hrtimer_mode mode)
{
	if (object_is_on_stack(Timer))
		hrtimer_init_on_stack(&Timer->Timer, clock, mode);
	else
		hrtimer_init(&Timer->Timer, clock, mode);
	Timer->Timer.function = ntshim_timer_expire;
	Timer->Clock = clock;
}

void KeInitializeTimerEx(PKTIMER Timer, TIMER_TYPE Type)
{
	unsigned long flags;

	if (!Timer) {
		ntshim_violation(NTSHIM_V_TIMER_MISUSE, 0, NULL, _RET_IP_,
				 "%s on a NULL timer", __func__);
		return;
	}
	if (Timer->Magic == NTSHIM_TIMER_MAGIC) {
		bool was_set;

		timer_stop_and_lock(Timer, &flags);
		was_set = timer_unset_locked(Timer);
		raw_spin_unlock_irqrestore(&ntshim_timer_lock, flags);
		if (was_set)
			ntshim_violation(NTSHIM_V_TIMER_MISUSE, 0, Timer, _RET_IP_,
					 "KeInitializeTimer on a set timer: cancelled it first");
	}
	if (Timer->Magic == NTSHIM_TIMER_MAGIC &&
	    ntshim_dispatcher_waiters(Timer)) {
		ntshim_violation(NTSHIM_V_TIMER_MISUSE, 0, Timer, _RET_IP_,
				 "%s on a timer that threads wait for: ignored",
				 __func__);
		return;
	}
	if ((unsigned int)Type > SynchronizationTimer) {
		ntshim_violation(NTSHIM_V_TIMER_MISUSE, 0, Timer, _RET_IP_,
				 "%s with type %d: using NotificationTimer",
				 __func__, Type);
		Type = NotificationTimer;
	}
	ntshim_dispatcher_init(&Timer->Header,
			       Type == NotificationTimer ? TimerNotificationObject :
							   TimerSynchronizationObject,
			       0);
	Timer->Inserted = FALSE;
	Timer->DueTime.QuadPart = 0;
	Timer->Period = 0;
	Timer->Dpc = NULL;
	Timer->SetBy = 0;
	INIT_LIST_HEAD(&Timer->ActiveEntry);
	timer_hrtimer_init(Timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_SOFT);
	Timer->Magic = NTSHIM_TIMER_MAGIC;
}
EXPORT_SYMBOL_GPL(KeInitializeTimerEx);

/* DDK due time to an hrtimer clock, expiry and mode. */
static enum hrtimer_mode due_to_ktime(LONGLONG due, clockid_t *clock,
				      ktime_t *expires)
{
	if (due < 0) {
		*clock = CLOCK_MONOTONIC;
		/* -due * 100 ns, saturating. */
		if (due < -(KTIME_MAX / 100))
			*expires = KTIME_MAX;
		else
			*expires = -due * 100;
		return HRTIMER_MODE_REL_SOFT;
	}
	*clock = CLOCK_REALTIME;
	if (due <= NTSHIM_EPOCH_DELTA)
		*expires = 0;
	else if (due - NTSHIM_EPOCH_DELTA > KTIME_MAX / 100)
		*expires = KTIME_MAX;
	else
		*expires = (due - NTSHIM_EPOCH_DELTA) * 100;
	return HRTIMER_MODE_ABS_SOFT;
}

static BOOLEAN timer_set(PKTIMER Timer, LARGE_INTEGER DueTime, LONG Period,
			 PKDPC Dpc, unsigned long caller)
{
	enum hrtimer_mode mode;
	unsigned long flags;
	ktime_t expires;
	clockid_t clock;
	bool was_set;

	if (!timer_valid(Timer, caller, "KeSetTimerEx"))
		return FALSE;
	if (Period < 0) {
		ntshim_violation(NTSHIM_V_TIMER_MISUSE, 0, Timer, caller,
				 "KeSetTimerEx with period %d ms: one-shot instead",
				 Period);
		Period = 0;
	}
	/* The unload check and the set in one RCU read section (see dpc.c). */
	rcu_read_lock();
	if (ntshim_rearm_refused(Timer, (void *)caller) ||
	    (Dpc && ntshim_rearm_refused(NULL, Dpc->DeferredRoutine))) {
		rcu_read_unlock();
		ntshim_violation(NTSHIM_V_TIMER_MISUSE, 0, Timer, caller,
				 "timer set while its module unloads: refused");
		return FALSE;
	}
	mode = due_to_ktime(DueTime.QuadPart, &clock, &expires);

	timer_stop_and_lock(Timer, &flags);
	was_set = timer_unset_locked(Timer);
	if (clock != Timer->Clock) {
		/* Stopped and not running: safe to move to the other clock. */
		timer_hrtimer_init(Timer, clock, mode);
	}
	ntshim_dispatcher_signal(&Timer->Header, 0);
	Timer->DueTime.QuadPart = DueTime.QuadPart;
	Timer->Period = Period;
	Timer->Dpc = Dpc;
	Timer->SetBy = caller;
	Timer->Inserted = TRUE;
	list_add_tail(&Timer->ActiveEntry, &ntshim_timers_set);
	ntshim_live_link(Timer);
	hrtimer_start(&Timer->Timer, expires, mode);
	raw_spin_unlock_irqrestore(&ntshim_timer_lock, flags);
	rcu_read_unlock();
	return was_set;
}

BOOLEAN KeSetTimerEx(PKTIMER Timer, LARGE_INTEGER DueTime, LONG Period,
		     PKDPC Dpc)
{
	return timer_set(Timer, DueTime, Period, Dpc, _RET_IP_);
}
EXPORT_SYMBOL_GPL(KeSetTimerEx);

BOOLEAN KeSetTimer(PKTIMER Timer, LARGE_INTEGER DueTime, PKDPC Dpc)
{
	return timer_set(Timer, DueTime, 0, Dpc, _RET_IP_);
}
EXPORT_SYMBOL_GPL(KeSetTimer);

BOOLEAN KeCancelTimer(PKTIMER Timer)
{
	unsigned long flags;
	bool was_set;

	if (!timer_valid(Timer, _RET_IP_, "KeCancelTimer"))
		return FALSE;
	timer_stop_and_lock(Timer, &flags);
	was_set = timer_unset_locked(Timer);
	raw_spin_unlock_irqrestore(&ntshim_timer_lock, flags);
	return was_set;
}
EXPORT_SYMBOL_GPL(KeCancelTimer);

BOOLEAN KeReadStateTimer(PKTIMER Timer)
{
	if (!timer_valid(Timer, _RET_IP_, "KeReadStateTimer"))
		return FALSE;
	return READ_ONCE(Timer->Header.SignalState) > 0;
}
EXPORT_SYMBOL_GPL(KeReadStateTimer);

/*
 * Under ntshim_timer_lock: cancel and unset the next set timer that
 * @match accepts and return it, or NULL when none is left.  A chosen
 * timer that is expiring right now is let finish (the lock dropped
 * meanwhile), then the search starts again.
 */
static PKTIMER timer_cancel_next(bool (*match)(PKTIMER Timer, const void *arg),
				 const void *arg, unsigned long *flags)
{
	PKTIMER Timer;

again:
	list_for_each_entry(Timer, &ntshim_timers_set, ActiveEntry) {
		if (!match(Timer, arg))
			continue;
		if (hrtimer_try_to_cancel(&Timer->Timer) < 0) {
			raw_spin_unlock_irqrestore(&ntshim_timer_lock, *flags);
			cpu_relax();
			raw_spin_lock_irqsave(&ntshim_timer_lock, *flags);
			goto again;
		}
		timer_unset_locked(Timer);
		ntshim_deferred_inc(TIMER_CANCELLED);
		return Timer;
	}
	return NULL;
}

struct timer_range {
	unsigned long lo, hi;
};

static bool timer_in_range(PKTIMER Timer, const void *arg)
{
	const struct timer_range *r = arg;

	return (unsigned long)Timer >= r->lo && (unsigned long)Timer < r->hi;
}

unsigned int ntshim_timer_free_check(unsigned long lo, unsigned long hi,
				     ULONG tag, unsigned long caller)
{
	struct timer_range range = { .lo = lo, .hi = hi };
	unsigned long flags;
	unsigned int n = 0;
	PKTIMER Timer;

	if (list_empty(&ntshim_timers_set))
		return 0;
	raw_spin_lock_irqsave(&ntshim_timer_lock, flags);
	while ((Timer = timer_cancel_next(timer_in_range, &range, &flags))) {
		n++;
		ntshim_violation(NTSHIM_V_POOL_FREE_LIVE_OBJECT, tag, Timer, caller,
				 "freed pool holds a set KTIMER (set by %pS): cancelled",
				 (void *)Timer->SetBy);
	}
	raw_spin_unlock_irqrestore(&ntshim_timer_lock, flags);
	return n;
}

/* @arg: the module; NULL matches every timer. */
static bool timer_owned_by(PKTIMER Timer, const void *arg)
{
	const struct module *mod = arg;

	return ntshim_owns(mod, NULL, Timer, (void *)Timer->SetBy) ||
	       (Timer->Dpc &&
		ntshim_owns(mod, NULL, NULL, Timer->Dpc->DeferredRoutine));
}

/*
 * Cancel (and report) every set timer that @mod owns (all when NULL).
 * Returns how many it cancelled.
 */
unsigned int ntshim_timer_cancel(const struct module *mod, const char *why)
{
	unsigned long flags;
	unsigned int n = 0;
	PKTIMER Timer;

	raw_spin_lock_irqsave(&ntshim_timer_lock, flags);
	while ((Timer = timer_cancel_next(timer_owned_by, mod, &flags))) {
		n++;
		ntshim_violation(NTSHIM_V_TIMER_MISUSE, 0, Timer, Timer->SetBy,
				 "timer still set at %s: cancelled", why);
	}
	raw_spin_unlock_irqrestore(&ntshim_timer_lock, flags);
	return n;
}
