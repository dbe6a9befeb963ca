// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for KSEMAPHORE, as Microsoft documents it: the count is the
 * signal state, each satisfied wait takes one unit, KeReleaseSemaphore()
 * returns the previous count and refuses to pass the limit
 * (STATUS_SEMAPHORE_LIMIT_EXCEEDED on Windows: reported here, count
 * unchanged), waiters are woken one unit each, first come first served.
 */
#include "tier_kunit.h"

static LARGE_INTEGER zero_timeout = { .QuadPart = 0 };

static NTSTATUS poll(PVOID obj)
{
	return KeWaitForSingleObject(obj, Executive, KernelMode, FALSE, &zero_timeout);
}

static void KeInitializeSemaphore_test(struct kunit *test)
{
	KSEMAPHORE s;

	KeInitializeSemaphore(&s, 2, 5);
	KUNIT_EXPECT_EQ(test, s.Header.Type, (UCHAR)SemaphoreObject);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 2);
	KUNIT_EXPECT_EQ(test, s.Limit, 5);
	KUNIT_EXPECT_EQ(test, ntshim_dispatcher_waiters(&s), 0U);

	/* a zero count is not signalled */
	KeInitializeSemaphore(&s, 0, 1);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 0);
	KUNIT_EXPECT_EQ(test, poll(&s), STATUS_TIMEOUT);
}

/* Each satisfied wait takes one unit; at zero a poll times out. */
static void semaphore_wait_consumes_one_test(struct kunit *test)
{
	KSEMAPHORE s;

	KeInitializeSemaphore(&s, 2, 2);
	KUNIT_EXPECT_EQ(test, poll(&s), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 1);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&s, Executive, KernelMode, FALSE, NULL),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 0);
	KUNIT_EXPECT_EQ(test, poll(&s), STATUS_TIMEOUT);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 0);
}

/* A relative timeout on an empty semaphore ends with STATUS_TIMEOUT. */
static void semaphore_timeout_test(struct kunit *test)
{
	LARGE_INTEGER t = { .QuadPart = -10 * 1000 * 10 };	/* 10 ms */
	KSEMAPHORE s;

	KeInitializeSemaphore(&s, 0, 1);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&s, Executive, KernelMode, FALSE, &t),
			STATUS_TIMEOUT);
	KUNIT_EXPECT_EQ(test, ntshim_dispatcher_waiters(&s), 0U);
}

/* KeReleaseSemaphore returns the count before the call. */
static void KeReleaseSemaphore_previous_count_test(struct kunit *test)
{
	KSEMAPHORE s;

	KeInitializeSemaphore(&s, 0, 3);
	KUNIT_EXPECT_EQ(test, KeReleaseSemaphore(&s, SEMAPHORE_INCREMENT, 1, FALSE), 0);
	KUNIT_EXPECT_EQ(test, KeReleaseSemaphore(&s, SEMAPHORE_INCREMENT, 2, FALSE), 1);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 3);
	/* exactly at the limit is allowed */
	KUNIT_EXPECT_EQ(test, poll(&s), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReleaseSemaphore(&s, IO_NO_INCREMENT, 1, FALSE), 2);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 3);
}

/* Passing the limit: reported once, count unchanged, IRQL unchanged. */
static void KeReleaseSemaphore_limit_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SEMAPHORE_LIMIT);
	KIRQL irql = KeGetCurrentIrql();
	KSEMAPHORE s;

	KeInitializeSemaphore(&s, 2, 3);
	KUNIT_EXPECT_EQ(test, KeReleaseSemaphore(&s, 0, 2, FALSE), 2);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 2);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), irql);

	/* a count that would overflow a LONG is refused the same way */
	KeInitializeSemaphore(&s, MAXLONG, MAXLONG);
	KUNIT_EXPECT_EQ(test, KeReleaseSemaphore(&s, 0, 1, FALSE), MAXLONG);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), MAXLONG);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);

	/* and the semaphore still works */
	KUNIT_EXPECT_EQ(test, poll(&s), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), MAXLONG - 1);
}

/* Adjustment must be positive; bad init values are clamped. */
static void semaphore_bad_argument_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_BAD_ARGUMENT);
	KSEMAPHORE s;

	KeInitializeSemaphore(&s, 1, 4);
	KUNIT_EXPECT_EQ(test, KeReleaseSemaphore(&s, 0, 0, FALSE), 1);
	KUNIT_EXPECT_EQ(test, KeReleaseSemaphore(&s, 0, -1, FALSE), 1);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);

	KeInitializeSemaphore(&s, 7, 2);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 3);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 2);
	KUNIT_EXPECT_EQ(test, s.Limit, 2);
}

/* Releasing from DISPATCH_LEVEL is allowed; above it, refused. */
static void KeReleaseSemaphore_irql_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_BAD_IRQL);
	LONG prev;
	KSEMAPHORE s;
	KIRQL old, at;

	KeInitializeSemaphore(&s, 0, 2);
	old = KfRaiseIrql(DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeReleaseSemaphore(&s, 0, 1, FALSE), 0);
	KeLowerIrql(old);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 1);

	old = KfRaiseIrql(HIGH_LEVEL);
	prev = KeReleaseSemaphore(&s, 0, 1, FALSE);
	at = KeGetCurrentIrql();
	KeLowerIrql(old);
	KUNIT_EXPECT_EQ(test, prev, 1);
	KUNIT_EXPECT_EQ(test, at, (KIRQL)HIGH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
}

static void sem_wait(struct tier_call *c)
{
	c->result = KeWaitForSingleObject(c->obj, Executive, KernelMode, FALSE, NULL);
}

/* One unit wakes one waiter, the first that queued. */
static void semaphore_wakes_one_per_unit_test(struct kunit *test)
{
	struct tier_call a = { .fn = sem_wait }, b = { .fn = sem_wait };
	KSEMAPHORE s;

	KeInitializeSemaphore(&s, 0, 10);
	a.obj = &s;
	b.obj = &s;
	tier_start(test, &a, 0);
	KUNIT_ASSERT_TRUE(test, ntshim_test_waiters_queued(&s, 1));
	tier_start(test, &b, 1);
	KUNIT_ASSERT_TRUE(test, ntshim_test_waiters_queued(&s, 2));

	KUNIT_EXPECT_EQ(test, KeReleaseSemaphore(&s, 0, 1, FALSE), 0);
	tier_finish(test, &a);
	KUNIT_EXPECT_EQ(test, a.result, STATUS_SUCCESS);
	/* the unit went to a, none is left, b still waits */
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 0);
	KUNIT_EXPECT_FALSE(test, tier_done(&b));
	KUNIT_EXPECT_EQ(test, ntshim_dispatcher_waiters(&s), 1U);

	KUNIT_EXPECT_EQ(test, KeReleaseSemaphore(&s, 0, 1, FALSE), 0);
	tier_finish(test, &b);
	KUNIT_EXPECT_EQ(test, b.result, STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 0);
}

/* An adjustment of 3 with two waiters wakes both and keeps one unit. */
static void semaphore_release_many_test(struct kunit *test)
{
	struct tier_call a = { .fn = sem_wait }, b = { .fn = sem_wait };
	KSEMAPHORE s;

	KeInitializeSemaphore(&s, 0, 5);
	a.obj = &s;
	b.obj = &s;
	tier_start(test, &a, 0);
	tier_start(test, &b, 1);
	KUNIT_ASSERT_TRUE(test, ntshim_test_waiters_queued(&s, 2));
	KUNIT_EXPECT_EQ(test, KeReleaseSemaphore(&s, 0, 3, FALSE), 0);
	tier_finish(test, &a);
	tier_finish(test, &b);
	KUNIT_EXPECT_EQ(test, a.result, STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, b.result, STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 1);
}

/* Semaphores in KeWaitForMultipleObjects: WaitAny and WaitAll. */
static void semaphore_wait_multiple_test(struct kunit *test)
{
	KEVENT e;
	KSEMAPHORE s;
	PVOID objs[2] = { &e, &s };

	KeInitializeEvent(&e, NotificationEvent, FALSE);
	KeInitializeSemaphore(&s, 1, 1);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(2, objs, WaitAny, Executive,
						       KernelMode, FALSE, &zero_timeout, NULL),
			STATUS_WAIT_1);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 0);

	/* WaitAll: not while the semaphore is empty, and takes nothing */
	KeSetEvent(&e, 0, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(2, objs, WaitAll, Executive,
						       KernelMode, FALSE, &zero_timeout, NULL),
			STATUS_TIMEOUT);
	KeReleaseSemaphore(&s, 0, 1, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(2, objs, WaitAll, Executive,
						       KernelMode, FALSE, &zero_timeout, NULL),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateSemaphore(&s), 0);
	/* the notification event stays signalled */
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 1);
}

static struct kunit_case ntshim_semaphore_cases[] = {
	KUNIT_CASE(KeInitializeSemaphore_test),
	KUNIT_CASE(semaphore_wait_consumes_one_test),
	KUNIT_CASE(semaphore_timeout_test),
	KUNIT_CASE(KeReleaseSemaphore_previous_count_test),
	KUNIT_CASE(KeReleaseSemaphore_limit_test),
	KUNIT_CASE(semaphore_bad_argument_test),
	KUNIT_CASE(KeReleaseSemaphore_irql_test),
	KUNIT_CASE(semaphore_wakes_one_per_unit_test),
	KUNIT_CASE(semaphore_release_many_test),
	KUNIT_CASE(semaphore_wait_multiple_test),
	{}
};

static struct kunit_suite ntshim_semaphore_suite = {
	.name = "ntshim_semaphore",
	.test_cases = ntshim_semaphore_cases,
};

kunit_test_suite(ntshim_semaphore_suite);
