// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's kernel timers (suite ntshim_timer).
 *
 * Timers are a few milliseconds long and every wait for an expiry has a
 * generous (seconds) bound: the guest is an emulated, shared machine.  No
 * case passes or fails on how late a timer was, only on whether and how
 * often it fired (hrtimers never fire early, which the absolute case
 * checks).
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <linux/preempt.h>
#include <linux/string.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

#define MS_100NS(ms) ((LONGLONG)(ms) * 10000)	/* ms in 100 ns units */
#define WAIT_BOUND (10 * HZ)

struct timer_probe {
	atomic_t runs;
	int complete_at;	/* complete @done when runs reaches this */
	struct completion done;
	LONGLONG fired_at;	/* system time from the DPC arguments */
	KIRQL irql;
	BOOLEAN state_in_dpc;
	PKTIMER timer;
};

static VOID probe_dpc(PKDPC Dpc, PVOID DeferredContext, PVOID SystemArgument1,
		      PVOID SystemArgument2)
{
	struct timer_probe *p = DeferredContext;
	LARGE_INTEGER t;

	t.LowPart = (ULONG)(ULONG_PTR)SystemArgument1;
	t.HighPart = (LONG)(ULONG_PTR)SystemArgument2;
	p->fired_at = t.QuadPart;
	p->irql = KeGetCurrentIrql();
	if (p->timer)
		p->state_in_dpc = KeReadStateTimer(p->timer);
	if (atomic_inc_return(&p->runs) == READ_ONCE(p->complete_at))
		complete(&p->done);
}

static void probe_init(struct timer_probe *p, PKTIMER timer, int complete_at)
{
	memset(p, 0, sizeof(*p));
	init_completion(&p->done);
	p->complete_at = complete_at;
	p->timer = timer;
}

/*
 * After the expected expiries: wait @ms for one more, which must not come
 * (the probe completes again at the next run).
 */
static bool no_more_runs(struct timer_probe *p, unsigned int ms)
{
	reinit_completion(&p->done);
	WRITE_ONCE(p->complete_at, atomic_read(&p->runs) + 1);
	return !wait_for_completion_timeout(&p->done, msecs_to_jiffies(ms));
}

/*
 * Wait for the probe's completion.  On timeout fail, and stop the timer
 * and its DPC so nothing fires into the dead test's stack.
 */
static bool wait_fired(struct kunit *test, struct timer_probe *p, PKDPC dpc)
{
	if (wait_for_completion_timeout(&p->done, WAIT_BOUND))
		return true;
	KUNIT_FAIL(test, "timer did not fire %d times within %d s",
		   p->complete_at, WAIT_BOUND / HZ);
	KeCancelTimer(p->timer);
	KeRemoveQueueDpc(dpc);
	KeFlushQueuedDpcs();
	return false;
}

static LARGE_INTEGER due(LONGLONG v)
{
	LARGE_INTEGER li = { .QuadPart = v };

	return li;
}

/* A fresh timer: not set, not signalled. */
static void KeInitializeTimer_test(struct kunit *test)
{
	KTIMER timer;

	memset(&timer, 0x5a, sizeof(timer));
	KeInitializeTimer(&timer);
	KUNIT_EXPECT_EQ(test, timer.Header.Type, TimerNotificationObject);
	KUNIT_EXPECT_FALSE(test, timer.Inserted);
	KUNIT_EXPECT_FALSE(test, KeReadStateTimer(&timer));
	KUNIT_EXPECT_FALSE(test, KeCancelTimer(&timer));
}

static void KeInitializeTimerEx_test(struct kunit *test)
{
	KTIMER timer;

	KeInitializeTimerEx(&timer, SynchronizationTimer);
	KUNIT_EXPECT_EQ(test, timer.Header.Type, TimerSynchronizationObject);
	KUNIT_EXPECT_FALSE(test, KeReadStateTimer(&timer));
}

/*
 * Relative due time (-5 ms): fires once, runs its DPC at DISPATCH_LEVEL,
 * ends signalled and no longer set.
 */
static void KeSetTimer_relative_test(struct kunit *test)
{
	struct timer_probe p;
	KTIMER timer;
	KDPC dpc;

	probe_init(&p, &timer, 1);
	KeInitializeTimer(&timer);
	KeInitializeDpc(&dpc, probe_dpc, &p);
	KUNIT_EXPECT_FALSE(test, KeSetTimer(&timer, due(-MS_100NS(5)), &dpc));
	if (!wait_fired(test, &p, &dpc))
		return;
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, p.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, p.state_in_dpc);
	KUNIT_EXPECT_TRUE(test, KeReadStateTimer(&timer));
	KUNIT_EXPECT_FALSE(test, timer.Inserted);
	KUNIT_EXPECT_FALSE(test, KeCancelTimer(&timer));
	/* One-shot: no second expiry. */
	KUNIT_EXPECT_TRUE(test, no_more_runs(&p, 20));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
}

/*
 * Absolute due time (now + 5 ms, 1601 epoch): never fires before it, and
 * the DPC's arguments carry the expiry's system time.
 */
static void KeSetTimer_absolute_test(struct kunit *test)
{
	struct timer_probe p;
	LARGE_INTEGER now;
	LONGLONG when;
	KTIMER timer;
	KDPC dpc;

	probe_init(&p, &timer, 1);
	KeInitializeTimer(&timer);
	KeInitializeDpc(&dpc, probe_dpc, &p);
	KeQuerySystemTimePrecise(&now);
	when = now.QuadPart + MS_100NS(5);
	KeSetTimer(&timer, due(when), &dpc);
	if (!wait_fired(test, &p, &dpc))
		return;
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_GE(test, p.fired_at, when);
	KUNIT_EXPECT_TRUE(test, KeReadStateTimer(&timer));
}

/* An absolute time in the past (here 1601 itself) expires at once. */
static void KeSetTimer_past_test(struct kunit *test)
{
	struct timer_probe p;
	KTIMER timer;
	KDPC dpc;

	probe_init(&p, &timer, 1);
	KeInitializeTimer(&timer);
	KeInitializeDpc(&dpc, probe_dpc, &p);
	KeSetTimer(&timer, due(0), &dpc);
	if (!wait_fired(test, &p, &dpc))
		return;
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_TRUE(test, KeReadStateTimer(&timer));
}

/*
 * Without a DPC the timer still expires and becomes signalled: a wait on
 * it (bounded) is satisfied.
 */
static void KeSetTimer_no_dpc_test(struct kunit *test)
{
	LARGE_INTEGER bound = due(-MS_100NS(jiffies_to_msecs(WAIT_BOUND)));
	NTSTATUS status;
	KTIMER timer;

	KeInitializeTimer(&timer);
	KeSetTimer(&timer, due(-MS_100NS(2)), NULL);
	status = KeWaitForSingleObject(&timer, Executive, KernelMode, FALSE, &bound);
	if (status != STATUS_SUCCESS)
		KeCancelTimer(&timer);	/* it must not fire into a dead stack */
	KUNIT_ASSERT_EQ(test, status, STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, KeReadStateTimer(&timer));
	KUNIT_EXPECT_FALSE(test, KeCancelTimer(&timer));
}

/*
 * Setting a set timer cancels it first and returns TRUE; the timer is
 * not signalled again until the new due time.
 */
static void KeSetTimer_already_set_test(struct kunit *test)
{
	KTIMER timer;

	KeInitializeTimer(&timer);
	KUNIT_EXPECT_FALSE(test, KeSetTimer(&timer, due(-MS_100NS(60000)), NULL));
	KUNIT_EXPECT_TRUE(test, KeSetTimer(&timer, due(-MS_100NS(60000)), NULL));
	KUNIT_EXPECT_TRUE(test, KeCancelTimer(&timer));
	KUNIT_EXPECT_FALSE(test, KeReadStateTimer(&timer));
}

/* Setting an expired (signalled) timer makes it not signalled. */
static void KeSetTimer_resets_state_test(struct kunit *test)
{
	struct timer_probe p;
	KTIMER timer;
	KDPC dpc;

	probe_init(&p, &timer, 1);
	KeInitializeTimer(&timer);
	KeInitializeDpc(&dpc, probe_dpc, &p);
	KeSetTimer(&timer, due(-1), &dpc);
	if (!wait_fired(test, &p, &dpc))
		return;
	KeFlushQueuedDpcs();
	KUNIT_ASSERT_TRUE(test, KeReadStateTimer(&timer));
	KUNIT_EXPECT_FALSE(test, KeSetTimer(&timer, due(-MS_100NS(60000)), NULL));
	KUNIT_EXPECT_FALSE(test, KeReadStateTimer(&timer));
	KUNIT_EXPECT_TRUE(test, KeCancelTimer(&timer));
}

/*
 * Periodic (first after 2 ms, then every 3 ms): fires again and again
 * until cancelled, then never again.
 */
static void KeSetTimerEx_periodic_test(struct kunit *test)
{
	struct timer_probe p;
	KTIMER timer;
	KDPC dpc;
	int runs;

	probe_init(&p, &timer, 3);
	KeInitializeTimer(&timer);
	KeInitializeDpc(&dpc, probe_dpc, &p);
	KeSetTimerEx(&timer, due(-MS_100NS(2)), 3, &dpc);
	if (!wait_fired(test, &p, &dpc))
		return;
	KUNIT_EXPECT_TRUE(test, timer.Inserted);
	KUNIT_EXPECT_TRUE(test, KeCancelTimer(&timer));
	KeRemoveQueueDpc(&dpc);
	KeFlushQueuedDpcs();
	runs = atomic_read(&p.runs);
	KUNIT_EXPECT_GE(test, runs, 3);
	KUNIT_EXPECT_TRUE(test, no_more_runs(&p, 30));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), runs);
	KUNIT_EXPECT_FALSE(test, KeCancelTimer(&timer));
}

/* Cancelling a timer that is not set returns FALSE and is no misuse. */
static void KeCancelTimer_not_set_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_TIMER_MISUSE);
	KTIMER timer;

	KeInitializeTimer(&timer);
	KUNIT_EXPECT_FALSE(test, KeCancelTimer(&timer));
	KUNIT_EXPECT_FALSE(test, KeCancelTimer(&timer));
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 0);
}

/* Cancelling a set timer: TRUE once, and its DPC never runs. */
static void KeCancelTimer_set_test(struct kunit *test)
{
	struct timer_probe p;
	KTIMER timer;
	KDPC dpc;

	probe_init(&p, &timer, 1);
	KeInitializeTimer(&timer);
	KeInitializeDpc(&dpc, probe_dpc, &p);
	KeSetTimer(&timer, due(-MS_100NS(60000)), &dpc);
	KUNIT_EXPECT_TRUE(test, KeCancelTimer(&timer));
	KUNIT_EXPECT_FALSE(test, KeCancelTimer(&timer));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 0);
	KUNIT_EXPECT_FALSE(test, KeReadStateTimer(&timer));
}

/* Set and cancel work at DISPATCH_LEVEL. */
static void KeSetTimer_dispatch_level_test(struct kunit *test)
{
	KTIMER timer;

	KeInitializeTimer(&timer);
	preempt_disable();
	KUNIT_EXPECT_FALSE(test, KeSetTimer(&timer, due(-MS_100NS(60000)), NULL));
	KUNIT_EXPECT_TRUE(test, KeCancelTimer(&timer));
	preempt_enable();
}

/* A timer KeInitializeTimer() never saw: reported, nothing happens. */
static void KeSetTimer_uninitialized_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_TIMER_MISUSE);
	KTIMER timer;

	memset(&timer, 0, sizeof(timer));
	KUNIT_EXPECT_FALSE(test, KeSetTimer(&timer, due(-1), NULL));
	KUNIT_EXPECT_FALSE(test, KeCancelTimer(&timer));
	KUNIT_EXPECT_FALSE(test, KeReadStateTimer(&timer));
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 3);
}

/* A negative period is reported; the timer fires once. */
static void KeSetTimerEx_negative_period_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_TIMER_MISUSE);
	struct timer_probe p;
	KTIMER timer;
	KDPC dpc;

	probe_init(&p, &timer, 1);
	KeInitializeTimer(&timer);
	KeInitializeDpc(&dpc, probe_dpc, &p);
	KeSetTimerEx(&timer, due(-MS_100NS(1)), -5, &dpc);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
	if (!wait_fired(test, &p, &dpc))
		return;
	KUNIT_EXPECT_FALSE(test, KeCancelTimer(&timer));
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
}

/* Re-initialising a set timer is reported; the old setting is gone. */
static void KeInitializeTimer_set_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_TIMER_MISUSE);
	struct timer_probe p;
	KTIMER timer;
	KDPC dpc;

	probe_init(&p, &timer, 1);
	KeInitializeTimer(&timer);
	KeInitializeDpc(&dpc, probe_dpc, &p);
	KeSetTimer(&timer, due(-MS_100NS(60000)), &dpc);
	KeInitializeTimer(&timer);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
	KUNIT_EXPECT_FALSE(test, timer.Inserted);
	KUNIT_EXPECT_FALSE(test, KeCancelTimer(&timer));
}

/* Due-time conversion: an absolute time switches the clock and back. */
static void KeSetTimer_clock_switch_test(struct kunit *test)
{
	LARGE_INTEGER now;
	KTIMER timer;

	KeInitializeTimer(&timer);
	KeQuerySystemTimePrecise(&now);
	KeSetTimer(&timer, due(now.QuadPart + MS_100NS(60000)), NULL);
	KUNIT_EXPECT_EQ(test, timer.Clock, CLOCK_REALTIME);
	KeSetTimer(&timer, due(-MS_100NS(60000)), NULL);
	KUNIT_EXPECT_EQ(test, timer.Clock, CLOCK_MONOTONIC);
	KUNIT_EXPECT_TRUE(test, KeCancelTimer(&timer));
}

/* A thread waits for a notification timer; it stays signalled after. */
static void KeWaitForSingleObject_timer_test(struct kunit *test)
{
	LARGE_INTEGER bound = due(-MS_100NS(10000));
	KTIMER timer;

	KeInitializeTimer(&timer);
	KeSetTimer(&timer, due(-MS_100NS(5)), NULL);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&timer, Executive, KernelMode,
						    FALSE, &bound),
			STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, KeReadStateTimer(&timer));
	/* Still signalled: a second wait returns at once. */
	bound = due(0);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&timer, Executive, KernelMode,
						    FALSE, &bound),
			STATUS_SUCCESS);
	KeCancelTimer(&timer);
}

/* A synchronization timer is reset by the wait it satisfies. */
static void KeWaitForSingleObject_sync_timer_test(struct kunit *test)
{
	LARGE_INTEGER bound = due(-MS_100NS(10000));
	KTIMER timer;

	KeInitializeTimerEx(&timer, SynchronizationTimer);
	KeSetTimer(&timer, due(-MS_100NS(5)), NULL);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&timer, Executive, KernelMode,
						    FALSE, &bound),
			STATUS_SUCCESS);
	KUNIT_EXPECT_FALSE(test, KeReadStateTimer(&timer));
	KeCancelTimer(&timer);
}

/* A wait for a timer that is far off times out. */
static void KeWaitForSingleObject_timer_timeout_test(struct kunit *test)
{
	LARGE_INTEGER bound = due(-MS_100NS(5));
	KTIMER timer;

	KeInitializeTimer(&timer);
	KeSetTimer(&timer, due(-MS_100NS(60000)), NULL);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&timer, Executive, KernelMode,
						    FALSE, &bound),
			STATUS_TIMEOUT);
	KUNIT_EXPECT_TRUE(test, KeCancelTimer(&timer));
}

static struct kunit_case timer_test_cases[] = {
	KUNIT_CASE(KeInitializeTimer_test),
	KUNIT_CASE(KeInitializeTimerEx_test),
	KUNIT_CASE(KeSetTimer_relative_test),
	KUNIT_CASE(KeSetTimer_absolute_test),
	KUNIT_CASE(KeSetTimer_past_test),
	KUNIT_CASE(KeSetTimer_no_dpc_test),
	KUNIT_CASE(KeSetTimer_already_set_test),
	KUNIT_CASE(KeSetTimer_resets_state_test),
	KUNIT_CASE(KeSetTimerEx_periodic_test),
	KUNIT_CASE(KeCancelTimer_not_set_test),
	KUNIT_CASE(KeCancelTimer_set_test),
	KUNIT_CASE(KeSetTimer_dispatch_level_test),
	KUNIT_CASE(KeSetTimer_uninitialized_test),
	KUNIT_CASE(KeSetTimerEx_negative_period_test),
	KUNIT_CASE(KeInitializeTimer_set_test),
	KUNIT_CASE(KeSetTimer_clock_switch_test),
	KUNIT_CASE(KeWaitForSingleObject_timer_test),
	KUNIT_CASE(KeWaitForSingleObject_sync_timer_test),
	KUNIT_CASE(KeWaitForSingleObject_timer_timeout_test),
	{}
};

static struct kunit_suite timer_test_suite = {
	.name = "ntshim_timer",
	.init = ntshim_live_case_init,
	.exit = ntshim_live_case_exit,
	.test_cases = timer_test_cases,
};

kunit_test_suite(timer_test_suite);
