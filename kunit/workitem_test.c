// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's work items (suite ntshim_workitem).
 *
 * ntshim's work queues are per-CPU, so an item queued with preemption
 * disabled cannot start until preemption is enabled again: the cases use
 * that to look at an item that is certainly still queued.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/preempt.h>
#include <linux/string.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

#define WAIT_BOUND (10 * HZ)

struct work_probe {
	atomic_t runs;
	struct completion done;
	KIRQL irql;
	bool slept;
	PVOID object;
	PVOID context;
	PIO_WORKITEM item;
	bool free_self;
};

static void probe_init(struct work_probe *p)
{
	memset(p, 0, sizeof(*p));
	init_completion(&p->done);
	p->irql = HIGH_LEVEL;
}

static void probe_common(struct work_probe *p, PVOID object)
{
	p->irql = KeGetCurrentIrql();
	p->object = object;
	/* PASSIVE_LEVEL: sleeping is allowed. */
	usleep_range(1000, 2000);
	p->slept = true;
	atomic_inc(&p->runs);
	complete(&p->done);
}

static VOID probe_routine(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
	struct work_probe *p = Context;

	p->context = Context;
	probe_common(p, DeviceObject);
}

static VOID probe_routine_ex(PVOID IoObject, PVOID Context,
			     PIO_WORKITEM IoWorkItem)
{
	struct work_probe *p = Context;

	p->context = Context;
	p->item = IoWorkItem;
	if (p->free_self)
		IoFreeWorkItem(IoWorkItem);
	probe_common(p, IoObject);
}

static VOID probe_worker(PVOID Parameter)
{
	struct work_probe *p = Parameter;

	p->context = Parameter;
	probe_common(p, NULL);
}

static bool wait_ran(struct kunit *test, struct work_probe *p)
{
	if (wait_for_completion_timeout(&p->done, WAIT_BOUND))
		return true;
	KUNIT_FAIL(test, "work item did not run within %d s", WAIT_BOUND / HZ);
	return false;
}

static void IoSizeofWorkItem_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, IoSizeofWorkItem(), (ULONG)sizeof(IO_WORKITEM));
}

/*
 * Allocate, queue, run at PASSIVE_LEVEL with the device object and the
 * context (and sleep there), free.
 */
static void IoQueueWorkItem_test(struct kunit *test)
{
	DEVICE_OBJECT dev = {};
	struct work_probe p;
	PIO_WORKITEM item;

	probe_init(&p);
	item = IoAllocateWorkItem(&dev);
	KUNIT_ASSERT_NOT_NULL(test, item);
	IoQueueWorkItem(item, probe_routine, DelayedWorkQueue, &p);
	if (wait_ran(test, &p)) {
		KUNIT_EXPECT_EQ(test, p.irql, PASSIVE_LEVEL);
		KUNIT_EXPECT_TRUE(test, p.slept);
		KUNIT_EXPECT_PTR_EQ(test, p.object, (PVOID)&dev);
		KUNIT_EXPECT_PTR_EQ(test, p.context, (PVOID)&p);
	}
	IoFreeWorkItem(item);
}

/* Critical items run on the high-priority queue, same contract. */
static void IoQueueWorkItem_critical_test(struct kunit *test)
{
	DEVICE_OBJECT dev = {};
	struct work_probe p;
	PIO_WORKITEM item;

	probe_init(&p);
	item = IoAllocateWorkItem(&dev);
	KUNIT_ASSERT_NOT_NULL(test, item);
	IoQueueWorkItem(item, probe_routine, CriticalWorkQueue, &p);
	if (wait_ran(test, &p))
		KUNIT_EXPECT_EQ(test, p.irql, PASSIVE_LEVEL);
	IoFreeWorkItem(item);
}

/* The Ex routine gets the item and may free it (the usual pattern). */
static void IoQueueWorkItemEx_test(struct kunit *test)
{
	DEVICE_OBJECT dev = {};
	struct work_probe p;
	PIO_WORKITEM item;

	probe_init(&p);
	p.free_self = true;
	item = IoAllocateWorkItem(&dev);
	KUNIT_ASSERT_NOT_NULL(test, item);
	IoQueueWorkItemEx(item, probe_routine_ex, DelayedWorkQueue, &p);
	if (wait_ran(test, &p)) {
		KUNIT_EXPECT_PTR_EQ(test, p.item, item);
		KUNIT_EXPECT_PTR_EQ(test, p.object, (PVOID)&dev);
	}
}

/* An item in caller memory: initialise, queue, run, uninitialise. */
static void IoInitializeWorkItem_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_WORKITEM_MISUSE);
	DEVICE_OBJECT dev = {};
	struct work_probe p;
	PIO_WORKITEM item;

	item = kunit_kzalloc(test, IoSizeofWorkItem(), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, item);
	probe_init(&p);
	IoInitializeWorkItem(&dev, item);
	IoQueueWorkItem(item, probe_routine, DelayedWorkQueue, &p);
	wait_ran(test, &p);
	IoUninitializeWorkItem(item);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 0);
}

/* An item may be queued again once it has run: once per queueing. */
static void IoQueueWorkItem_requeue_test(struct kunit *test)
{
	DEVICE_OBJECT dev = {};
	struct work_probe p;
	PIO_WORKITEM item;

	probe_init(&p);
	item = IoAllocateWorkItem(&dev);
	KUNIT_ASSERT_NOT_NULL(test, item);
	IoQueueWorkItem(item, probe_routine, DelayedWorkQueue, &p);
	wait_ran(test, &p);
	/* The item leaves the queue before its routine starts. */
	reinit_completion(&p.done);
	IoQueueWorkItem(item, probe_routine, DelayedWorkQueue, &p);
	wait_ran(test, &p);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 2);
	IoFreeWorkItem(item);
}

/*
 * Queued twice before it runs: the second is reported and ignored.
 *
 *   queue -> [item]     queue -> [item] + WORKITEM_MISUSE     run once
 */
static void IoQueueWorkItem_already_queued_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_WORKITEM_MISUSE);
	DEVICE_OBJECT dev = {};
	struct work_probe p;
	PIO_WORKITEM item;

	probe_init(&p);
	item = IoAllocateWorkItem(&dev);
	KUNIT_ASSERT_NOT_NULL(test, item);
	preempt_disable();
	IoQueueWorkItem(item, probe_routine, DelayedWorkQueue, &p);
	IoQueueWorkItem(item, probe_routine, DelayedWorkQueue, &p);
	preempt_enable();
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
	wait_ran(test, &p);
	/* a wrong second run would complete the probe again */
	KUNIT_EXPECT_EQ(test, wait_for_completion_timeout(&p.done, msecs_to_jiffies(20)), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
	IoFreeWorkItem(item);
}

/*
 * Freeing a queued item is reported; the item still runs and ntshim frees
 * it afterwards (kmemleak would see it otherwise).
 */
static void IoFreeWorkItem_queued_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_WORKITEM_MISUSE);
	DEVICE_OBJECT dev = {};
	struct work_probe p;
	PIO_WORKITEM item;

	probe_init(&p);
	item = IoAllocateWorkItem(&dev);
	KUNIT_ASSERT_NOT_NULL(test, item);
	preempt_disable();
	IoQueueWorkItem(item, probe_routine, DelayedWorkQueue, &p);
	IoFreeWorkItem(item);
	preempt_enable();
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
	/*
	 * The probe's completion is the routine's last touch of this stack;
	 * the deferred free after it touches only the item.
	 */
	wait_ran(test, &p);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 1);
}

/* Uninitialising a queued item above PASSIVE_LEVEL cancels it. */
static void IoUninitializeWorkItem_queued_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_WORKITEM_MISUSE);
	DEVICE_OBJECT dev = {};
	struct work_probe *p;
	PIO_WORKITEM item;

	item = kunit_kzalloc(test, IoSizeofWorkItem(), GFP_KERNEL);
	p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, item);
	KUNIT_ASSERT_NOT_NULL(test, p);
	probe_init(p);
	IoInitializeWorkItem(&dev, item);
	preempt_disable();
	IoQueueWorkItem(item, probe_routine, DelayedWorkQueue, p);
	IoUninitializeWorkItem(item);
	preempt_enable();
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
	KUNIT_EXPECT_FALSE(test, test_bit(0, &item->Work.flags));
	KUNIT_EXPECT_FALSE(test, work_pending(&item->Work.work));
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 0);
}

/* Uninitialising a queued item at PASSIVE_LEVEL waits for it. */
static void IoUninitializeWorkItem_waits_test(struct kunit *test)
{
	DEVICE_OBJECT dev = {};
	struct work_probe *p;
	PIO_WORKITEM item;

	item = kunit_kzalloc(test, IoSizeofWorkItem(), GFP_KERNEL);
	p = kunit_kzalloc(test, sizeof(*p), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, item);
	KUNIT_ASSERT_NOT_NULL(test, p);
	probe_init(p);
	IoInitializeWorkItem(&dev, item);
	IoQueueWorkItem(item, probe_routine, DelayedWorkQueue, p);
	IoUninitializeWorkItem(item);
	KUNIT_EXPECT_EQ(test, atomic_read(&p->runs), 1);
}

/* Bad items and routines are reported and not queued. */
static void IoQueueWorkItem_bad_input_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_WORKITEM_MISUSE);
	IO_WORKITEM raw;
	PIO_WORKITEM item;
	struct work_probe p;

	probe_init(&p);
	memset(&raw, 0, sizeof(raw));
	IoQueueWorkItem(&raw, probe_routine, DelayedWorkQueue, &p);
	IoQueueWorkItem(NULL, probe_routine, DelayedWorkQueue, &p);
	item = IoAllocateWorkItem(NULL);
	KUNIT_ASSERT_NOT_NULL(test, item);
	IoQueueWorkItem(item, NULL, DelayedWorkQueue, &p);
	IoFreeWorkItem(item);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 3);
	KUNIT_EXPECT_EQ(test, atomic_read(&p.runs), 0);
}

/* The executive work item: runs its routine with its parameter. */
static void ExQueueWorkItem_test(struct kunit *test)
{
	WORK_QUEUE_ITEM *wqi;
	struct work_probe p;

	wqi = kunit_kzalloc(test, sizeof(*wqi), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, wqi);
	probe_init(&p);
	ExInitializeWorkItem(wqi, probe_worker, &p);
	KUNIT_EXPECT_NULL(test, wqi->List.Flink);
	ExQueueWorkItem(wqi, DelayedWorkQueue);
	if (wait_ran(test, &p)) {
		KUNIT_EXPECT_EQ(test, p.irql, PASSIVE_LEVEL);
		KUNIT_EXPECT_PTR_EQ(test, p.context, (PVOID)&p);
	}
	flush_work(&wqi->Work.work);
}

/* An executive item that was never initialised is reported. */
static void ExQueueWorkItem_uninitialized_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_WORKITEM_MISUSE);
	WORK_QUEUE_ITEM wqi;

	memset(&wqi, 0, sizeof(wqi));
	wqi.WorkerRoutine = probe_worker;
	ExQueueWorkItem(&wqi, DelayedWorkQueue);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
}

static struct kunit_case workitem_test_cases[] = {
	KUNIT_CASE(IoSizeofWorkItem_test),
	KUNIT_CASE(IoQueueWorkItem_test),
	KUNIT_CASE(IoQueueWorkItem_critical_test),
	KUNIT_CASE(IoQueueWorkItemEx_test),
	KUNIT_CASE(IoInitializeWorkItem_test),
	KUNIT_CASE(IoQueueWorkItem_requeue_test),
	KUNIT_CASE(IoQueueWorkItem_already_queued_test),
	KUNIT_CASE(IoFreeWorkItem_queued_test),
	KUNIT_CASE(IoUninitializeWorkItem_queued_test),
	KUNIT_CASE(IoUninitializeWorkItem_waits_test),
	KUNIT_CASE(IoQueueWorkItem_bad_input_test),
	KUNIT_CASE(ExQueueWorkItem_test),
	KUNIT_CASE(ExQueueWorkItem_uninitialized_test),
	{}
};

static struct kunit_suite workitem_test_suite = {
	.name = "ntshim_workitem",
	.init = ntshim_live_case_init,
	.exit = ntshim_live_case_exit,
	.test_cases = workitem_test_cases,
};

kunit_test_suite(workitem_test_suite);
