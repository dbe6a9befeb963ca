// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's KMUTEX, FAST_MUTEX and ERESOURCE: recursion
 * where Windows allows it, exclusion across kthreads on both CPUs, and
 * each misuse (release by a non-owner, acquire at DISPATCH_LEVEL, delete
 * while held, self-deadlock) reported and harmless.
 */
#include "ntshim_kunit.h"
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <ntshim/ntddk.h>

/* Run one step of a test in a kthread, optionally bound to a CPU. */
struct thread_call {
	void (*fn)(struct thread_call *c);
	void *obj;
	long result;
	long result2;
	struct completion done;
	struct task_struct *task;
};

static int thread_call_fn(void *data)
{
	struct thread_call *c = data;

	c->fn(c);
	complete(&c->done);
	return 0;
}

static void call_start(struct kunit *test, struct thread_call *c, int cpu)
{
	init_completion(&c->done);
	c->task = kthread_create(thread_call_fn, c, "ntshim_sync");
	KUNIT_ASSERT_FALSE(test, IS_ERR(c->task));
	get_task_struct(c->task);
	if (cpu >= 0 && cpu < num_online_cpus())
		kthread_bind(c->task, cpu);
	wake_up_process(c->task);
}

static void call_finish(struct kunit *test, struct thread_call *c)
{
	if (!wait_for_completion_timeout(&c->done, 120 * HZ)) {
		KUNIT_FAIL(test, "thread still blocked");
		wait_for_completion(&c->done);
	}
	kthread_stop(c->task);
	put_task_struct(c->task);
}

static void call_in_thread(struct kunit *test, struct thread_call *c, int cpu)
{
	call_start(test, c, cpu);
	call_finish(test, c);
}

/* KMUTEX */

static void KeInitializeMutex_test(struct kunit *test)
{
	KMUTEX m;

	KeInitializeMutex(&m, 0);
	KUNIT_EXPECT_EQ(test, KeReadStateMutex(&m), 1);
	KUNIT_EXPECT_NULL(test, m.OwnerThread);
}

/*
 * The owner acquires again; each acquisition needs a release.
 *   state:  1 --wait--> 0 --wait--> -1 --release--> 0 --release--> 1
 */
static void KMUTEX_recursion_test(struct kunit *test)
{
	KMUTEX m;

	KeInitializeMutex(&m, 0);
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(&m, Executive, KernelMode, FALSE, NULL),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateMutex(&m), 0);
	KUNIT_EXPECT_PTR_EQ(test, m.OwnerThread, current);
	KUNIT_EXPECT_EQ(test, KeWaitForMutexObject(&m, Executive, KernelMode, FALSE, NULL),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateMutex(&m), -1);

	/* returns the previous state */
	KUNIT_EXPECT_EQ(test, KeReleaseMutex(&m, FALSE), -1);
	KUNIT_EXPECT_PTR_EQ(test, m.OwnerThread, current);
	KUNIT_EXPECT_EQ(test, KeReleaseMutex(&m, FALSE), 0);
	KUNIT_EXPECT_EQ(test, KeReadStateMutex(&m), 1);
	KUNIT_EXPECT_NULL(test, m.OwnerThread);
}

static void mutex_take_and_release(struct thread_call *c)
{
	PRKMUTEX m = c->obj;

	c->result = KeWaitForSingleObject(m, Executive, KernelMode, FALSE, NULL);
	c->result2 = m->OwnerThread == current && KeReadStateMutex(m) == 0;
	if (c->result == STATUS_SUCCESS)
		KeReleaseMutex(m, FALSE);
}

/* A waiter blocks while another thread owns it, then gets ownership. */
static void KMUTEX_handover_test(struct kunit *test)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	struct thread_call c = { .fn = mutex_take_and_release };
	KMUTEX m;

	KeInitializeMutex(&m, 0);
	c.obj = &m;
	KUNIT_ASSERT_EQ(test, KeWaitForSingleObject(&m, Executive, KernelMode, FALSE, &zero),
			STATUS_SUCCESS);
	call_start(test, &c, 1);
	KUNIT_EXPECT_TRUE(test, ntshim_test_waiters_queued(&m, 1));
	KUNIT_EXPECT_EQ(test, KeReleaseMutex(&m, FALSE), 0);
	call_finish(test, &c);
	KUNIT_EXPECT_EQ(test, c.result, STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, c.result2, 1);
	KUNIT_EXPECT_EQ(test, KeReadStateMutex(&m), 1);
}

static void mutex_release_foreign(struct thread_call *c)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };

	c->result = KeReleaseMutex(c->obj, FALSE);
	/* the owner holds it: a poll from here must fail */
	c->result2 = KeWaitForSingleObject(c->obj, Executive, KernelMode, FALSE, &zero);
}

/* Misuse: releasing a mutex one does not own is reported, changes nothing. */
static void KeReleaseMutex_not_owner_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_NOT_OWNER);
	struct thread_call c = { .fn = mutex_release_foreign };
	KMUTEX m;

	KeInitializeMutex(&m, 0);
	/* free mutex */
	KUNIT_EXPECT_EQ(test, KeReleaseMutex(&m, FALSE), 1);
	KUNIT_EXPECT_EQ(test, KeReadStateMutex(&m), 1);

	/* owned by this thread, released by another */
	KeWaitForSingleObject(&m, Executive, KernelMode, FALSE, NULL);
	c.obj = &m;
	call_in_thread(test, &c, 0);
	KUNIT_EXPECT_EQ(test, c.result, 0);
	KUNIT_EXPECT_EQ(test, c.result2, STATUS_TIMEOUT);
	KUNIT_EXPECT_EQ(test, KeReadStateMutex(&m), 0);
	KUNIT_EXPECT_PTR_EQ(test, m.OwnerThread, current);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	KeReleaseMutex(&m, FALSE);
}

/* A mutex is waitable in WaitAll together with an event. */
static void KMUTEX_wait_all_test(struct kunit *test)
{
	LARGE_INTEGER zero = { .QuadPart = 0 };
	KMUTEX m;
	KEVENT e;
	PVOID obj[2] = { &e, &m };

	KeInitializeMutex(&m, 0);
	KeInitializeEvent(&e, SynchronizationEvent, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(2, obj, WaitAll, Executive, KernelMode,
						       FALSE, &zero, NULL),
			STATUS_TIMEOUT);
	KUNIT_EXPECT_EQ(test, KeReadStateMutex(&m), 1);
	KeSetEvent(&e, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, KeWaitForMultipleObjects(2, obj, WaitAll, Executive, KernelMode,
						       FALSE, &zero, NULL),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, KeReadStateMutex(&m), 0);
	KUNIT_EXPECT_EQ(test, KeReadStateEvent(&e), 0);
	KeReleaseMutex(&m, FALSE);
}

/* FAST_MUTEX */

static void ExAcquireFastMutex_test(struct kunit *test)
{
	FAST_MUTEX fm;

	ExInitializeFastMutex(&fm);
	ExAcquireFastMutex(&fm);
	KUNIT_EXPECT_PTR_EQ(test, fm.Owner, current);
	KUNIT_EXPECT_TRUE(test, mutex_is_locked(&fm.Lock));
	/* raised to APC_LEVEL where the IRQL model records it (mutex.h) */
#ifdef KeRaiseIrql
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), APC_LEVEL);
#else
	KUNIT_EXPECT_LE(test, KeGetCurrentIrql(), APC_LEVEL);
#endif
	/* held, also by ourselves: try fails without a report */
	KUNIT_EXPECT_FALSE(test, ExTryToAcquireFastMutex(&fm));
	ExReleaseFastMutex(&fm);
	KUNIT_EXPECT_NULL(test, fm.Owner);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&fm.Lock));
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);

	KUNIT_EXPECT_TRUE(test, ExTryToAcquireFastMutex(&fm));
	KUNIT_EXPECT_LE(test, KeGetCurrentIrql(), APC_LEVEL);
	ExReleaseFastMutex(&fm);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/* Unsafe and guarded forms lock the same way but leave the IRQL alone. */
static void KeAcquireGuardedMutex_test(struct kunit *test)
{
	KGUARDED_MUTEX gm;

	KeInitializeGuardedMutex(&gm);
	KeAcquireGuardedMutex(&gm);
	KUNIT_EXPECT_PTR_EQ(test, gm.Owner, current);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_FALSE(test, KeTryToAcquireGuardedMutex(&gm));
	KeReleaseGuardedMutex(&gm);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&gm.Lock));

	KUNIT_EXPECT_TRUE(test, KeTryToAcquireGuardedMutex(&gm));
	KeReleaseGuardedMutex(&gm);
	ExAcquireFastMutexUnsafe(&gm);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	ExReleaseFastMutexUnsafe(&gm);
	KUNIT_EXPECT_NULL(test, gm.Owner);
}

/* Misuse: recursion (a Windows deadlock) and a stray release are refused. */
static void ExAcquireFastMutex_recursive_test(struct kunit *test)
{
	struct ntshim_violation_mark dead = ntshim_mark(NTSHIM_V_SYNC_SELF_DEADLOCK);
	struct ntshim_violation_mark owner = ntshim_mark(NTSHIM_V_SYNC_NOT_OWNER);
	FAST_MUTEX fm;

	ExInitializeFastMutex(&fm);
	ExAcquireFastMutex(&fm);
	ExAcquireFastMutex(&fm);
	NTSHIM_EXPECT_VIOLATIONS(test, &dead, 1);
	ExReleaseFastMutex(&fm);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&fm.Lock));
	ExReleaseFastMutex(&fm);
	NTSHIM_EXPECT_VIOLATIONS(test, &owner, 1);
}

/* Misuse: acquiring at DISPATCH_LEVEL is reported and refused. */
static void ExAcquireFastMutex_dispatch_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_BAD_IRQL);
	FAST_MUTEX fm;
	BOOLEAN tried;

	ExInitializeFastMutex(&fm);
	preempt_disable();
	ExAcquireFastMutex(&fm);
	tried = ExTryToAcquireFastMutex(&fm);
	preempt_enable();
	KUNIT_EXPECT_FALSE(test, tried);
	KUNIT_EXPECT_FALSE(test, mutex_is_locked(&fm.Lock));
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
}

#define LOOPS 100

struct excl_ctx {
	FAST_MUTEX fm;
	PERESOURCE res;
	int inside;		/* threads in the section (plain int on purpose) */
	int counter;
	atomic_t readers;
	atomic_t writers;
	atomic_t overlaps;
};

static void fast_mutex_worker(struct thread_call *c)
{
	struct excl_ctx *x = c->obj;
	int i;

	for (i = 0; i < LOOPS; i++) {
		ExAcquireFastMutex(&x->fm);
		if (x->inside++)
			atomic_inc(&x->overlaps);
		x->counter++;
		cond_resched();
		x->inside--;
		ExReleaseFastMutex(&x->fm);
	}
}

/* Two CPUs never hold the fast mutex at once and lose no update. */
static void FAST_MUTEX_exclusion_test(struct kunit *test)
{
	struct thread_call c[2] = {};
	struct excl_ctx *x;
	int i;

	x = kunit_kzalloc(test, sizeof(*x), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, x);
	ExInitializeFastMutex(&x->fm);
	for (i = 0; i < 2; i++) {
		c[i].fn = fast_mutex_worker;
		c[i].obj = x;
		call_start(test, &c[i], i);
	}
	for (i = 0; i < 2; i++)
		call_finish(test, &c[i]);
	KUNIT_EXPECT_EQ(test, atomic_read(&x->overlaps), 0);
	KUNIT_EXPECT_EQ(test, x->counter, 2 * LOOPS);
}

/* ERESOURCE */

/*
 * The exclusive owner may acquire again, exclusive or shared:
 *   Excl -> Excl -> Shared: depth 3, three releases free it.
 */
static void ERESOURCE_exclusive_recursion_test(struct kunit *test)
{
	ERESOURCE r;

	KUNIT_ASSERT_EQ(test, ExInitializeResourceLite(&r), STATUS_SUCCESS);
	KUNIT_EXPECT_FALSE(test, ExIsResourceAcquiredExclusiveLite(&r));
	KUNIT_EXPECT_TRUE(test, ExAcquireResourceExclusiveLite(&r, TRUE));
	KUNIT_EXPECT_TRUE(test, ExIsResourceAcquiredExclusiveLite(&r));
	KUNIT_EXPECT_TRUE(test, ExAcquireResourceExclusiveLite(&r, FALSE));
	KUNIT_EXPECT_TRUE(test, ExAcquireResourceSharedLite(&r, TRUE));
	KUNIT_EXPECT_EQ(test, ExIsResourceAcquiredSharedLite(&r), 3U);
	ExReleaseResourceLite(&r);
	ExReleaseResourceLite(&r);
	KUNIT_EXPECT_TRUE(test, ExIsResourceAcquiredExclusiveLite(&r));
	ExReleaseResourceLite(&r);
	KUNIT_EXPECT_FALSE(test, ExIsResourceAcquiredExclusiveLite(&r));
	KUNIT_EXPECT_EQ(test, ExIsResourceAcquiredSharedLite(&r), 0U);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&r.Lock));
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(&r), STATUS_SUCCESS);
}

static void resource_try(struct thread_call *c)
{
	PERESOURCE r = c->obj;

	c->result = ExAcquireResourceSharedLite(r, FALSE);
	if (c->result)
		ExReleaseResourceLite(r);
	c->result2 = ExAcquireResourceExclusiveLite(r, FALSE);
	if (c->result2)
		ExReleaseResourceLite(r);
}

/* Readers share, and a reader may acquire shared again; writers wait. */
static void ERESOURCE_shared_test(struct kunit *test)
{
	struct thread_call c = { .fn = resource_try };
	ERESOURCE r;

	ExInitializeResourceLite(&r);
	c.obj = &r;
	KUNIT_EXPECT_TRUE(test, ExAcquireResourceSharedLite(&r, TRUE));
	KUNIT_EXPECT_TRUE(test, ExAcquireResourceSharedLite(&r, TRUE));
	KUNIT_EXPECT_EQ(test, ExIsResourceAcquiredSharedLite(&r), 2U);
	KUNIT_EXPECT_FALSE(test, ExIsResourceAcquiredExclusiveLite(&r));

	/* another thread: shared yes, exclusive no */
	call_in_thread(test, &c, 1);
	KUNIT_EXPECT_EQ(test, c.result, 1);
	KUNIT_EXPECT_EQ(test, c.result2, 0);

	ExReleaseResourceLite(&r);
	call_in_thread(test, &c, 1);
	KUNIT_EXPECT_EQ(test, c.result2, 0);

	/* free: exclusive yes */
	ExReleaseResourceLite(&r);
	call_in_thread(test, &c, 1);
	KUNIT_EXPECT_EQ(test, c.result, 1);
	KUNIT_EXPECT_EQ(test, c.result2, 1);
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(&r), STATUS_SUCCESS);
}

/* An exclusive holder keeps other threads out entirely. */
static void ERESOURCE_exclusive_excludes_test(struct kunit *test)
{
	struct thread_call c = { .fn = resource_try };
	ERESOURCE r;

	ExInitializeResourceLite(&r);
	c.obj = &r;
	ExAcquireResourceExclusiveLite(&r, TRUE);
	call_in_thread(test, &c, 0);
	KUNIT_EXPECT_EQ(test, c.result, 0);
	KUNIT_EXPECT_EQ(test, c.result2, 0);
	ExReleaseResourceLite(&r);
	ExDeleteResourceLite(&r);
}

/* Exclusive, twice, turned shared: both acquisitions become shared ones. */
static void ExConvertExclusiveToSharedLite_test(struct kunit *test)
{
	struct thread_call c = { .fn = resource_try };
	ERESOURCE r;

	ExInitializeResourceLite(&r);
	c.obj = &r;
	ExAcquireResourceExclusiveLite(&r, TRUE);
	ExAcquireResourceExclusiveLite(&r, TRUE);
	ExConvertExclusiveToSharedLite(&r);
	KUNIT_EXPECT_FALSE(test, ExIsResourceAcquiredExclusiveLite(&r));
	KUNIT_EXPECT_EQ(test, ExIsResourceAcquiredSharedLite(&r), 2U);
	call_in_thread(test, &c, 1);
	KUNIT_EXPECT_EQ(test, c.result, 1);
	KUNIT_EXPECT_EQ(test, c.result2, 0);
	ExReleaseResourceLite(&r);
	ExReleaseResourceLite(&r);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&r.Lock));
	ExDeleteResourceLite(&r);
}

/* Misuse: shared -> exclusive (a Windows deadlock) is refused. */
static void ERESOURCE_upgrade_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_SELF_DEADLOCK);
	ERESOURCE r;

	ExInitializeResourceLite(&r);
	ExAcquireResourceSharedLite(&r, TRUE);
	KUNIT_EXPECT_FALSE(test, ExAcquireResourceExclusiveLite(&r, TRUE));
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, ExIsResourceAcquiredSharedLite(&r), 1U);
	ExReleaseResourceLite(&r);
	ExDeleteResourceLite(&r);
}

/* Misuse: releasing what one does not hold is reported, changes nothing. */
static void ExReleaseResourceLite_not_owner_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_NOT_OWNER);
	ERESOURCE r;

	ExInitializeResourceLite(&r);
	ExReleaseResourceLite(&r);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&r.Lock));

	ExAcquireResourceSharedLite(&r, TRUE);
	/* any thread id but our own */
	ExReleaseResourceForThreadLite(&r, ExGetCurrentResourceThread() + 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	KUNIT_EXPECT_EQ(test, ExIsResourceAcquiredSharedLite(&r), 1U);
	ExReleaseResourceForThreadLite(&r, ExGetCurrentResourceThread());
	KUNIT_EXPECT_EQ(test, ExIsResourceAcquiredSharedLite(&r), 0U);
	ExDeleteResourceLite(&r);
}

/* Misuse: deleting a held resource is reported and refused. */
static void ExDeleteResourceLite_held_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_DELETE_HELD);
	ERESOURCE r;

	ExInitializeResourceLite(&r);
	ExAcquireResourceExclusiveLite(&r, TRUE);
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(&r), STATUS_UNSUCCESSFUL);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	/* still usable */
	KUNIT_EXPECT_TRUE(test, ExIsResourceAcquiredExclusiveLite(&r));
	ExReleaseResourceLite(&r);
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(&r), STATUS_SUCCESS);
}

/* Misuse: acquiring at DISPATCH_LEVEL is reported and refused. */
static void ERESOURCE_dispatch_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_BAD_IRQL);
	BOOLEAN excl, shared;
	ERESOURCE r;

	ExInitializeResourceLite(&r);
	preempt_disable();
	excl = ExAcquireResourceExclusiveLite(&r, FALSE);
	shared = ExAcquireResourceSharedLite(&r, FALSE);
	preempt_enable();
	KUNIT_EXPECT_FALSE(test, excl);
	KUNIT_EXPECT_FALSE(test, shared);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&r.Lock));
	ExDeleteResourceLite(&r);
}

static void resource_writer(struct thread_call *c)
{
	struct excl_ctx *x = c->obj;
	int i;

	for (i = 0; i < LOOPS; i++) {
		ExAcquireResourceExclusiveLite(x->res, TRUE);
		if (atomic_inc_return(&x->writers) != 1 || atomic_read(&x->readers))
			atomic_inc(&x->overlaps);
		/* the owner may nest a shared acquisition */
		ExAcquireResourceSharedLite(x->res, TRUE);
		x->counter++;
		ExReleaseResourceLite(x->res);
		cond_resched();
		atomic_dec(&x->writers);
		ExReleaseResourceLite(x->res);
	}
}

static void resource_reader(struct thread_call *c)
{
	struct excl_ctx *x = c->obj;
	int i;

	for (i = 0; i < LOOPS; i++) {
		ExAcquireResourceSharedLite(x->res, TRUE);
		atomic_inc(&x->readers);
		if (atomic_read(&x->writers))
			atomic_inc(&x->overlaps);
		/* recursive shared, even with a writer queued */
		ExAcquireResourceSharedLite(x->res, TRUE);
		cond_resched();
		ExReleaseResourceLite(x->res);
		atomic_dec(&x->readers);
		ExReleaseResourceLite(x->res);
	}
}

/* Readers and writers on both CPUs: writers always alone. */
static void ERESOURCE_readers_writers_test(struct kunit *test)
{
	struct thread_call c[4] = {};
	struct excl_ctx *x;
	int i;

	x = kunit_kzalloc(test, sizeof(*x), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, x);
	x->res = kunit_kzalloc(test, sizeof(*x->res), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, x->res);
	ExInitializeResourceLite(x->res);
	for (i = 0; i < 4; i++) {
		c[i].fn = i < 2 ? resource_writer : resource_reader;
		c[i].obj = x;
		call_start(test, &c[i], i % 2);
	}
	for (i = 0; i < 4; i++)
		call_finish(test, &c[i]);
	KUNIT_EXPECT_EQ(test, atomic_read(&x->overlaps), 0);
	KUNIT_EXPECT_EQ(test, x->counter, 2 * LOOPS);
	KUNIT_EXPECT_FALSE(test, rwsem_is_locked(&x->res->Lock));
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(x->res), STATUS_SUCCESS);
}

static struct kunit_case ntshim_mutex_cases[] = {
	KUNIT_CASE(KeInitializeMutex_test),
	KUNIT_CASE(KMUTEX_recursion_test),
	KUNIT_CASE(KMUTEX_handover_test),
	KUNIT_CASE(KeReleaseMutex_not_owner_test),
	KUNIT_CASE(KMUTEX_wait_all_test),
	KUNIT_CASE(ExAcquireFastMutex_test),
	KUNIT_CASE(KeAcquireGuardedMutex_test),
	KUNIT_CASE(ExAcquireFastMutex_recursive_test),
	KUNIT_CASE(ExAcquireFastMutex_dispatch_test),
	KUNIT_CASE(FAST_MUTEX_exclusion_test),
	KUNIT_CASE(ERESOURCE_exclusive_recursion_test),
	KUNIT_CASE(ERESOURCE_shared_test),
	KUNIT_CASE(ERESOURCE_exclusive_excludes_test),
	KUNIT_CASE(ExConvertExclusiveToSharedLite_test),
	KUNIT_CASE(ERESOURCE_upgrade_test),
	KUNIT_CASE(ExReleaseResourceLite_not_owner_test),
	KUNIT_CASE(ExDeleteResourceLite_held_test),
	KUNIT_CASE(ERESOURCE_dispatch_test),
	KUNIT_CASE(ERESOURCE_readers_writers_test),
	{}
};

static struct kunit_suite ntshim_mutex_suite = {
	.name = "ntshim_mutex",
	.init = ntshim_live_case_init,
	.exit = ntshim_live_case_exit,
	.test_cases = ntshim_mutex_cases,
};

kunit_test_suite(ntshim_mutex_suite);
