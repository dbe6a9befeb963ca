// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's events and waits: KEVENT state changes,
 * notification vs synchronization wake-ups across kthreads, each timeout
 * form, WaitAny/WaitAll indices, and misuse (wait at DISPATCH_LEVEL, bad
 * objects) reported and harmless.
 *
 * Threads that must be asleep before an event is set are checked with
 * ntshim_dispatcher_waiters(), never with timing.
 */
#include "ntshim_kunit.h"
#include <linux/completion.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched/signal.h>
#include <linux/sched/task.h>
#include <linux/timekeeping.h>
#include <ntshim/ntddk.h>

/* 100 ns units */
#define MS_TO_100NS(ms) ((LONGLONG)(ms) * 10000)
#define EPOCH_1970 116444736000000000LL

/* A kthread that waits on up to four objects with no timeout. */
struct waiter {
	PVOID objects[4];
	ULONG count;
	WAIT_TYPE type;
	BOOLEAN alertable;
	NTSTATUS status;
	atomic_t *woken;
	struct completion *woke;	/* completed at each wake-up, if set */
	struct completion done;
	struct task_struct *task;
};

static int waiter_fn(void *data)
{
	struct waiter *w = data;

	if (w->alertable)
		allow_signal(SIGUSR1);
	if (w->count == 1)
		w->status = KeWaitForSingleObject(w->objects[0], Executive, KernelMode,
						  w->alertable, NULL);
	else
		w->status = KeWaitForMultipleObjects(w->count, w->objects, w->type,
						     Executive, KernelMode, w->alertable,
						     NULL, NULL);
	if (w->woken)
		atomic_inc(w->woken);
	if (w->woke)
		complete(w->woke);
	complete(&w->done);
	return 0;
}

static void waiter_start(struct kunit *test, struct waiter *w, int cpu)
{
	init_completion(&w->done);
	w->status = STATUS_PENDING;
	w->task = kthread_create(waiter_fn, w, "ntshim_wait");
	KUNIT_ASSERT_FALSE(test, IS_ERR(w->task));
	get_task_struct(w->task);
	if (cpu >= 0 && cpu < num_online_cpus())
		kthread_bind(w->task, cpu);
	wake_up_process(w->task);
}

/* Reap a waiter; if it hangs (a failed test; the bound only catches hangs), free it. */
static void waiter_finish(struct kunit *test, struct waiter *w)
{
	ULONG i;

	if (!wait_for_completion_timeout(&w->done, 120 * HZ)) {
		KUNIT_FAIL(test, "waiter still blocked");
		for (i = 0; i < w->count; i++)
			ntshim_dispatcher_signal(w->objects[i], 1);
		wait_for_completion(&w->done);
	}
	kthread_stop(w->task);
	put_task_struct(w->task);
}

static void KeInitializeEvent_test(struct kunit *test)
{
	KEVENT n, s;

	KeInitializeEvent(&n, NotificationEvent, FALSE);
	KeInitializeEvent(&s, SynchronizationEvent, TRUE);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&n), 0);
	KUNIT_EXPECT_NE(test, KeReadStateEvent(&s), 0);
	KUNIT_EXPECT_EQ(test, n.Header.Type, (UCHAR)EventNotificationObject);
	KUNIT_EXPECT_EQ(test, s.Header.Type, (UCHAR)EventSynchronizationObject);
	KUNIT_EXPECT_EQ(test, ntshim_dispatcher_waiters(&n), 0U);
}

static void KeSetEvent_test(struct kunit *test)
{
	KEVENT e;

	KeInitializeEvent(&e, NotificationEvent, FALSE);
	/* returns the previous state */
	KUNIT_EXPECT_EQ(test, KeSetEvent(&e, IO_NO_INCREMENT, FALSE), 0);
	KUNIT_EXPECT_NE(test, KeSetEvent(&e, IO_NO_INCREMENT, FALSE), 0);
	KUNIT_EXPECT_NE(test, KeReadStateEvent(&e), 0);
}

static void KeResetEvent_test(struct kunit *test)
{
	KEVENT e;

	KeInitializeEvent(&e, NotificationEvent, TRUE);
	KUNIT_EXPECT_NE(test, KeResetEvent(&e), 0);
	KUNIT_EXPECT_EQ(test, KeResetEvent(&e), 0);
	KeSetEvent(&e, IO_NO_INCREMENT, FALSE);
	KeClearEvent(&e);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 0);
}

static void KeWaitForSingleObject_poll_test(struct kunit *test)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	KEVENT n, s;

	KeInitializeEvent(&n, NotificationEvent, FALSE);
	KeInitializeEvent(&s, SynchronizationEvent, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&n, Executive, KernelMode, FALSE, &zero),
			STATUS_TIMEOUT);

	/* a notification event stays signalled */
	KeSetEvent(&n, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&n, Executive, KernelMode, FALSE, &zero),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&n, Executive, KernelMode, FALSE, &zero),
			STATUS_SUCCESS);

	/* a synchronization event resets when a wait is satisfied */
	KeSetEvent(&s, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&s, Executive, KernelMode, FALSE, &zero),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&s), 0);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&s, Executive, KernelMode, FALSE, &zero),
			STATUS_TIMEOUT);
}

static void KeWaitForSingleObject_relative_test(struct kunit *test)
{
	LARGE_INTEGER t = { .QuadPart = -MS_TO_100NS(2) };
	KEVENT e;
	ktime_t start;

	KeInitializeEvent(&e, NotificationEvent, FALSE);
	start = ktime_get();
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&e, Executive, KernelMode, FALSE, &t),
			STATUS_TIMEOUT);
	/* never early: at least the interval has passed */
	KUNIT_EXPECT_GE(test, ktime_ms_delta(ktime_get(), start), 2);

	KeSetEvent(&e, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&e, Executive, KernelMode, FALSE, &t),
			STATUS_SUCCESS);
}

static void KeWaitForSingleObject_absolute_test(struct kunit *test)
{
	LARGE_INTEGER t;
	KEVENT e;

	KeInitializeEvent(&e, SynchronizationEvent, FALSE);
	/* system time: 100 ns since 1601, a few ms from now */
	t.QuadPart = ktime_get_real_ns() / 100 + EPOCH_1970 + MS_TO_100NS(2);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&e, Executive, KernelMode, FALSE, &t),
			STATUS_TIMEOUT);
	KUNIT_EXPECT_GE(test, (s64)(ktime_get_real_ns() / 100 + EPOCH_1970), t.QuadPart);

	/* a time in the past behaves as a poll */
	t.QuadPart = EPOCH_1970 - 1;
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&e, Executive, KernelMode, FALSE, &t),
			STATUS_TIMEOUT);
	KeSetEvent(&e, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&e, Executive, KernelMode, FALSE, &t),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 0);
}

/* NULL timeout: wait forever, until another thread sets the event. */
static void KeWaitForSingleObject_infinite_test(struct kunit *test)
{
	struct waiter w = { .count = 1 };
	KEVENT e;

	KeInitializeEvent(&e, SynchronizationEvent, FALSE);
	w.objects[0] = &e;
	waiter_start(test, &w, 1);
	KUNIT_EXPECT_TRUE(test, ntshim_test_waiters_queued(&e, 1));
	KUNIT_EXPECT_EQ(test, w.status, STATUS_PENDING);
	KeSetEvent(&e, IO_NO_INCREMENT, FALSE);
	waiter_finish(test, &w);
	KUNIT_EXPECT_EQ(test, w.status, STATUS_SUCCESS);
	/* consumed by the waiter */
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 0);
	KUNIT_EXPECT_EQ(test, ntshim_dispatcher_waiters(&e), 0U);
}

/* One KeSetEvent on a notification event wakes every waiter. */
static void notification_wakes_all_test(struct kunit *test)
{
	struct waiter w[3] = {};
	atomic_t woken = ATOMIC_INIT(0);
	KEVENT e;
	int i;

	KeInitializeEvent(&e, NotificationEvent, FALSE);
	for (i = 0; i < 3; i++) {
		w[i].count = 1;
		w[i].objects[0] = &e;
		w[i].woken = &woken;
		waiter_start(test, &w[i], i % 2);
	}
	KUNIT_EXPECT_TRUE(test, ntshim_test_waiters_queued(&e, 3));
	KUNIT_EXPECT_EQ(test, atomic_read(&woken), 0);
	KeSetEvent(&e, IO_NO_INCREMENT, FALSE);
	for (i = 0; i < 3; i++) {
		waiter_finish(test, &w[i]);
		KUNIT_EXPECT_EQ(test, w[i].status, STATUS_SUCCESS);
	}
	KUNIT_EXPECT_EQ(test, atomic_read(&woken), 3);
	/* and it stays signalled */
	KUNIT_EXPECT_NE(test, KeReadStateEvent(&e), 0);
}

/* A synchronization event wakes one waiter per KeSetEvent and resets. */
static void synchronization_wakes_one_test(struct kunit *test)
{
	struct waiter w[2] = {};
	atomic_t woken = ATOMIC_INIT(0);
	DECLARE_COMPLETION_ONSTACK(woke);
	KEVENT e;
	int i;

	KeInitializeEvent(&e, SynchronizationEvent, FALSE);
	for (i = 0; i < 2; i++) {
		w[i].count = 1;
		w[i].objects[0] = &e;
		w[i].woken = &woken;
		w[i].woke = &woke;
		waiter_start(test, &w[i], i);
	}
	KUNIT_EXPECT_TRUE(test, ntshim_test_waiters_queued(&e, 2));

	KUNIT_EXPECT_EQ(test, KeSetEvent(&e, IO_NO_INCREMENT, FALSE), 0);
	KUNIT_EXPECT_NE(test, wait_for_completion_timeout(&woke, 10 * HZ), 0);
	/* room for a wrong second wake-up to show */
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&woke, msecs_to_jiffies(20)), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&woken), 1);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 0);
	KUNIT_EXPECT_EQ(test, ntshim_dispatcher_waiters(&e), 1U);

	KeSetEvent(&e, IO_NO_INCREMENT, FALSE);
	for (i = 0; i < 2; i++) {
		waiter_finish(test, &w[i]);
		KUNIT_EXPECT_EQ(test, w[i].status, STATUS_SUCCESS);
	}
	KUNIT_EXPECT_EQ(test, atomic_read(&woken), 2);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 0);
}

static void KePulseEvent_test(struct kunit *test)
{
	struct waiter w = { .count = 1 };
	KEVENT e;

	KeInitializeEvent(&e, NotificationEvent, FALSE);
	w.objects[0] = &e;
	waiter_start(test, &w, 0);
	KUNIT_EXPECT_TRUE(test, ntshim_test_waiters_queued(&e, 1));
	KUNIT_EXPECT_EQ(test, KePulseEvent(&e, IO_NO_INCREMENT, FALSE), 0);
	waiter_finish(test, &w);
	KUNIT_EXPECT_EQ(test, w.status, STATUS_SUCCESS);
	/* satisfied the waiter, then reset */
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 0);
}

static void KeWaitForMultipleObjects_any_test(struct kunit *test)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	KEVENT e[3];
	PVOID obj[3] = { &e[0], &e[1], &e[2] };
	int i;

	for (i = 0; i < 3; i++)
		KeInitializeEvent(&e[i], SynchronizationEvent, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(3, obj, WaitAny, Executive, KernelMode,
						       FALSE, &zero, NULL),
			STATUS_TIMEOUT);

	KeSetEvent(&e[2], IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(3, obj, WaitAny, Executive, KernelMode,
						       FALSE, &zero, NULL),
			STATUS_WAIT_0 + 2);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e[2]), 0);

	/* the lowest signalled index wins; only it is consumed */
	KeSetEvent(&e[1], IO_NO_INCREMENT, FALSE);
	KeSetEvent(&e[2], IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(3, obj, WaitAny, Executive, KernelMode,
						       FALSE, &zero, NULL),
			STATUS_WAIT_0 + 1);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e[1]), 0);
	KUNIT_EXPECT_NE(test, KeReadStateEvent(&e[2]), 0);
}

/* A sleeping WaitAny learns which object woke it. */
static void KeWaitForMultipleObjects_any_blocking_test(struct kunit *test)
{
	struct waiter w = { .count = 2, .type = WaitAny };
	KEVENT e[2];

	KeInitializeEvent(&e[0], SynchronizationEvent, FALSE);
	KeInitializeEvent(&e[1], NotificationEvent, FALSE);
	w.objects[0] = &e[0];
	w.objects[1] = &e[1];
	waiter_start(test, &w, 1);
	KUNIT_EXPECT_TRUE(test, ntshim_test_waiters_queued(&e[1], 1));
	KeSetEvent(&e[1], IO_NO_INCREMENT, FALSE);
	waiter_finish(test, &w);
	KUNIT_EXPECT_EQ(test, w.status, STATUS_WAIT_0 + 1);
	/* its blocks left both wait lists */
	KUNIT_EXPECT_EQ(test, ntshim_dispatcher_waiters(&e[0]), 0U);
}

static void KeWaitForMultipleObjects_all_test(struct kunit *test)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	KEVENT s, n;
	PVOID obj[2] = { &s, &n };

	KeInitializeEvent(&s, SynchronizationEvent, FALSE);
	KeInitializeEvent(&n, NotificationEvent, FALSE);

	/* one of two: not satisfied, and nothing consumed */
	KeSetEvent(&s, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(2, obj, WaitAll, Executive, KernelMode,
						       FALSE, &zero, NULL),
			STATUS_TIMEOUT);
	KUNIT_EXPECT_NE(test, KeReadStateEvent(&s), 0);

	/* both: satisfied together, the synchronization event consumed */
	KeSetEvent(&n, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(2, obj, WaitAll, Executive, KernelMode,
						       FALSE, &zero, NULL),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&s), 0);
	KUNIT_EXPECT_NE(test, KeReadStateEvent(&n), 0);
}

/* A sleeping WaitAll wakes only once every object is signalled. */
static void KeWaitForMultipleObjects_all_blocking_test(struct kunit *test)
{
	struct waiter w = { .count = 2, .type = WaitAll };
	KEVENT s, n;

	KeInitializeEvent(&s, SynchronizationEvent, FALSE);
	KeInitializeEvent(&n, NotificationEvent, FALSE);
	w.objects[0] = &s;
	w.objects[1] = &n;
	waiter_start(test, &w, 0);
	KUNIT_EXPECT_TRUE(test, ntshim_test_waiters_queued(&n, 1));

	KeSetEvent(&s, IO_NO_INCREMENT, FALSE);
	/* still waiting, and the signal was not taken */
	KUNIT_EXPECT_EQ(test, ntshim_dispatcher_waiters(&n), 1U);
	KUNIT_EXPECT_NE(test, KeReadStateEvent(&s), 0);
	KUNIT_EXPECT_EQ(test, w.status, STATUS_PENDING);

	KeSetEvent(&n, IO_NO_INCREMENT, FALSE);
	waiter_finish(test, &w);
	KUNIT_EXPECT_EQ(test, w.status, STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&s), 0);
}

/* More than THREAD_WAIT_OBJECTS objects need a wait block array. */
static void KeWaitForMultipleObjects_wait_blocks_test(struct kunit *test)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_BAD_OBJECT);
	KWAIT_BLOCK blocks[5];
	KEVENT e[5];
	PVOID obj[5];
	int i;

	for (i = 0; i < 5; i++) {
		KeInitializeEvent(&e[i], NotificationEvent, FALSE);
		obj[i] = &e[i];
	}
	KeSetEvent(&e[4], IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(5, obj, WaitAny, Executive, KernelMode,
						       FALSE, &zero, NULL),
			STATUS_INVALID_PARAMETER);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(5, obj, WaitAny, Executive, KernelMode,
						       FALSE, &zero, blocks),
			STATUS_WAIT_0 + 4);
}

/*
 * Misuse: a zeroed (never initialised) event or mutex at every entry
 * point is reported and refused; nothing is dereferenced or changed.
 */
static void KeSetEvent_uninitialised_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_BAD_OBJECT);
	KEVENT *e = kunit_kzalloc(test, sizeof(*e), GFP_KERNEL);
	KMUTEX *m = kunit_kzalloc(test, sizeof(*m), GFP_KERNEL);
	KEVENT zero = {};
	KIRQL irql = KeGetCurrentIrql();

	KUNIT_ASSERT_NOT_NULL(test, e);
	KUNIT_ASSERT_NOT_NULL(test, m);
	KUNIT_EXPECT_EQ(test, KeSetEvent(e, IO_NO_INCREMENT, FALSE), 0);
	KUNIT_EXPECT_EQ(test, KePulseEvent(e, IO_NO_INCREMENT, FALSE), 0);
	KUNIT_EXPECT_EQ(test, KeResetEvent(e), 0);
	KeClearEvent(e);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(e), 0);
	KUNIT_EXPECT_EQ(test, KeReleaseMutex(m, FALSE), 0);
	KUNIT_EXPECT_EQ(test, KeReadStateMutex(m), 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 7);
	KUNIT_EXPECT_EQ(test, memcmp(e, &zero, sizeof(zero)), 0);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), irql);

	/* a mutex is not an event, and the other way round */
	KeInitializeMutex(m, 0);
	KUNIT_EXPECT_EQ(test, KeSetEvent((PRKEVENT)m, IO_NO_INCREMENT, FALSE), 0);
	KUNIT_EXPECT_EQ(test, KeReadStateMutex(m), 1);
	KeInitializeEvent(e, NotificationEvent, FALSE);
	KUNIT_EXPECT_EQ(test, KeReleaseMutex((PRKMUTEX)e, FALSE), 0);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(e), 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 9);
	/* initialised, they work */
	KUNIT_EXPECT_EQ(test, KeSetEvent(e, IO_NO_INCREMENT, FALSE), 0);
	KUNIT_EXPECT_NE(test, KeReadStateEvent(e), 0);
}

/* Misuse: a NULL object is reported, nothing is touched. */
static void KeWaitForSingleObject_null_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_BAD_OBJECT);

	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(NULL, Executive, KernelMode, FALSE, NULL),
			STATUS_INVALID_PARAMETER);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
}

/*
 * Misuse: a wait that could sleep at DISPATCH_LEVEL is reported and
 * refused without sleeping; a zero-timeout poll is allowed there.
 */
static void KeWaitForSingleObject_dispatch_test(struct kunit *test)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	LARGE_INTEGER rel = { .QuadPart = -MS_TO_100NS(1) };
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_BAD_IRQL);
	NTSTATUS forever, relative, poll, delay;
	KEVENT e;

	KeInitializeEvent(&e, SynchronizationEvent, TRUE);
	preempt_disable();
	forever = KeWaitForSingleObject(&e, Executive, KernelMode, FALSE, NULL);
	relative = KeWaitForSingleObject(&e, Executive, KernelMode, FALSE, &rel);
	delay = KeDelayExecutionThread(KernelMode, FALSE, &rel);
	poll = KeWaitForSingleObject(&e, Executive, KernelMode, FALSE, &zero);
	preempt_enable();

	KUNIT_EXPECT_EQ(test, forever, STATUS_UNSUCCESSFUL);
	KUNIT_EXPECT_EQ(test, relative, STATUS_UNSUCCESSFUL);
	KUNIT_EXPECT_EQ(test, delay, STATUS_UNSUCCESSFUL);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 3);
	/* the refused waits left the event alone; the poll took it */
	KUNIT_EXPECT_EQ(test, poll, STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 0);
}

static void KeDelayExecutionThread_test(struct kunit *test)
{
	LARGE_INTEGER t = { .QuadPart = -MS_TO_100NS(2) };
	ktime_t start = ktime_get();

	KUNIT_EXPECT_EQ(test, KeDelayExecutionThread(KernelMode, FALSE, &t), STATUS_SUCCESS);
	KUNIT_EXPECT_GE(test, ktime_ms_delta(ktime_get(), start), 2);

	t.QuadPart = 0;
	KUNIT_EXPECT_EQ(test, KeDelayExecutionThread(KernelMode, FALSE, &t), STATUS_SUCCESS);
	t.QuadPart = EPOCH_1970;	/* absolute, long past */
	KUNIT_EXPECT_EQ(test, KeDelayExecutionThread(KernelMode, FALSE, &t), STATUS_SUCCESS);
}

/* An alertable wait ends with STATUS_ALERTED when a signal arrives. */
static void KeWaitForSingleObject_alertable_test(struct kunit *test)
{
	struct waiter w = { .count = 1, .alertable = TRUE };
	KEVENT e;

	KeInitializeEvent(&e, NotificationEvent, FALSE);
	w.objects[0] = &e;
	waiter_start(test, &w, 0);
	KUNIT_EXPECT_TRUE(test, ntshim_test_waiters_queued(&e, 1));
	send_sig(SIGUSR1, w.task, 1);
	waiter_finish(test, &w);
	KUNIT_EXPECT_EQ(test, w.status, STATUS_ALERTED);
	KUNIT_EXPECT_EQ(test, ntshim_dispatcher_waiters(&e), 0U);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 0);
}

static struct kunit_case ntshim_event_cases[] = {
	KUNIT_CASE(KeInitializeEvent_test),
	KUNIT_CASE(KeSetEvent_test),
	KUNIT_CASE(KeResetEvent_test),
	KUNIT_CASE(KeWaitForSingleObject_poll_test),
	KUNIT_CASE(KeWaitForSingleObject_relative_test),
	KUNIT_CASE(KeWaitForSingleObject_absolute_test),
	KUNIT_CASE(KeWaitForSingleObject_infinite_test),
	KUNIT_CASE(notification_wakes_all_test),
	KUNIT_CASE(synchronization_wakes_one_test),
	KUNIT_CASE(KePulseEvent_test),
	KUNIT_CASE(KeWaitForMultipleObjects_any_test),
	KUNIT_CASE(KeWaitForMultipleObjects_any_blocking_test),
	KUNIT_CASE(KeWaitForMultipleObjects_all_test),
	KUNIT_CASE(KeWaitForMultipleObjects_all_blocking_test),
	KUNIT_CASE(KeWaitForMultipleObjects_wait_blocks_test),
	KUNIT_CASE(KeWaitForSingleObject_null_test),
	KUNIT_CASE(KeWaitForSingleObject_dispatch_test),
	KUNIT_CASE(KeDelayExecutionThread_test),
	KUNIT_CASE(KeSetEvent_uninitialised_test),
	KUNIT_CASE(KeWaitForSingleObject_alertable_test),
	{}
};

static struct kunit_suite ntshim_event_suite = {
	.name = "ntshim_event",
	.test_cases = ntshim_event_cases,
};

kunit_test_suite(ntshim_event_suite);
