// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for system threads and their objects (suite ntshim_thread):
 * PsCreateSystemThread, ObReferenceObjectByHandle, ZwClose, waiting for a
 * thread's exit, PsTerminateSystemThread, and misuse.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

/* 10 s, relative, in 100 ns units */
#define WAIT_10S (-10LL * 10 * 1000 * 1000)

struct worker {
	KEVENT stop;
	struct completion started;
	PETHREAD self;
	HANDLE tid;
	KIRQL irql;
	BOOLEAN system;
	bool after_terminate;
	bool raise_irql;
	bool terminate;
};

static void worker_init(struct worker *w)
{
	memset(w, 0, sizeof(*w));
	KeInitializeEvent(&w->stop, NotificationEvent, FALSE);
	init_completion(&w->started);
}

static noinline void terminate_deep(struct worker *w)
{
	__try {
		PsTerminateSystemThread(STATUS_TIMEOUT);
		w->after_terminate = true;
	} __finally {
		w->after_terminate = true;	/* does not run: no unwind */
	}
}

static VOID worker_routine(PVOID StartContext)
{
	struct worker *w = StartContext;
	KIRQL old;

	w->self = PsGetCurrentThread();
	w->tid = PsGetCurrentThreadId();
	w->irql = KeGetCurrentIrql();
	w->system = PsIsSystemThread(w->self);
	complete(&w->started);
	KeWaitForSingleObject(&w->stop, Executive, KernelMode, FALSE, NULL);
	if (w->terminate)
		terminate_deep(w);
	if (w->raise_irql)
		KeRaiseIrql(DISPATCH_LEVEL, &old);	/* and return so */
}

static PVOID start_worker(struct kunit *test, struct worker *w,
			  CLIENT_ID *cid)
{
	HANDLE h = NULL;
	PVOID obj = NULL;

	KUNIT_ASSERT_EQ(test, PsCreateSystemThread(&h, THREAD_ALL_ACCESS, NULL,
						   NULL, cid, worker_routine,
						   w),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test,
			ObReferenceObjectByHandle(h, THREAD_ALL_ACCESS,
						  *PsThreadType, KernelMode,
						  &obj, NULL),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ZwClose(h), STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, obj);
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&w->started, 10 * HZ),
			0);
	return obj;
}

static NTSTATUS wait_exit(PVOID obj)
{
	LARGE_INTEGER timeout = { .QuadPart = WAIT_10S };

	return KeWaitForSingleObject(obj, Executive, KernelMode, FALSE,
				     &timeout);
}

/* The standard pattern, exactly as drivers write it. */
static void PsCreateSystemThread_pattern_test(struct kunit *test)
{
	unsigned int running = ntshim_system_threads();
	LARGE_INTEGER zero = { .QuadPart = 0 };
	struct worker w;
	CLIENT_ID cid = { };
	PVOID obj;

	worker_init(&w);
	obj = start_worker(test, &w, &cid);
	KUNIT_EXPECT_EQ(test, ntshim_system_threads(), running + 1);
	/* still running: a zero-timeout wait times out */
	KUNIT_EXPECT_EQ(test, KeWaitForSingleObject(obj, Executive, KernelMode,
						    FALSE, &zero),
			STATUS_TIMEOUT);
	KUNIT_EXPECT_EQ(test, ntshim_thread_exit_status(obj), STATUS_PENDING);
	KeSetEvent(&w.stop, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, wait_exit(obj), STATUS_SUCCESS);
	/* a notification object: stays signalled */
	KUNIT_EXPECT_EQ(test, wait_exit(obj), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ntshim_thread_exit_status(obj), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ntshim_system_threads(), running);

	/* what the thread saw of itself */
	KUNIT_EXPECT_PTR_EQ(test, (void *)w.self, obj);
	KUNIT_EXPECT_EQ(test, w.irql, PASSIVE_LEVEL);
	KUNIT_EXPECT_TRUE(test, w.system);
	KUNIT_EXPECT_EQ(test, (uintptr_t)w.tid, (uintptr_t)cid.UniqueThread);
	KUNIT_EXPECT_EQ(test, (uintptr_t)PsGetThreadId(obj),
			(uintptr_t)cid.UniqueThread);
	KUNIT_EXPECT_EQ(test, (uintptr_t)PsGetThreadProcessId(obj),
			(uintptr_t)cid.UniqueProcess);
	KUNIT_EXPECT_TRUE(test, PsIsSystemThread(obj));
	ObDereferenceObject(obj);
}

/* PsTerminateSystemThread from inside a __try two calls deep. */
static void PsTerminateSystemThread_test(struct kunit *test)
{
	struct worker w;
	PVOID obj;

	worker_init(&w);
	w.terminate = true;
	obj = start_worker(test, &w, NULL);
	KeSetEvent(&w.stop, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, wait_exit(obj), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ntshim_thread_exit_status(obj), STATUS_TIMEOUT);
	KUNIT_EXPECT_FALSE(test, w.after_terminate);
	ObDereferenceObject(obj);
}

/* Extra references keep the object; the last one frees it. */
static void ObReferenceObject_thread_test(struct kunit *test)
{
	struct worker w;
	PVOID obj;

	worker_init(&w);
	obj = start_worker(test, &w, NULL);
	/* the running thread's own + ours + this one */
	KUNIT_EXPECT_EQ(test, ObReferenceObject(obj), 3);
	KUNIT_EXPECT_EQ(test, ObDereferenceObject(obj), 2);
	KeSetEvent(&w.stop, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, wait_exit(obj), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ntshim_thread_exit_status(obj), STATUS_SUCCESS);
	/*
	 * Ours is the last but for the thread's own, which the exiting
	 * thread drops just after it signals (as Windows' reaper does after
	 * the thread object is signalled): 1 or 0, and the last one frees
	 * it (KASAN and kmemleak would see otherwise).
	 */
	KUNIT_EXPECT_LE(test, ObDereferenceObject(obj), 1);
}

/* A thread that returns at DISPATCH_LEVEL: reported and lowered. */
static void thread_exit_raised_irql_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_THREAD_MISUSE);
	struct worker w;
	PVOID obj;

	worker_init(&w);
	w.raise_irql = true;
	obj = start_worker(test, &w, NULL);
	KeSetEvent(&w.stop, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, wait_exit(obj), STATUS_SUCCESS);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
	ObDereferenceObject(obj);
}

static void handle_misuse_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_THREAD_MISUSE);
	struct worker w;
	HANDLE h = NULL;
	PVOID obj = (PVOID)1, thread = NULL;

	worker_init(&w);
	KUNIT_ASSERT_EQ(test, PsCreateSystemThread(&h, THREAD_ALL_ACCESS, NULL,
						   NULL, NULL, worker_routine,
						   &w),
			STATUS_SUCCESS);
	KUNIT_ASSERT_EQ(test,
			ObReferenceObjectByHandle(h, 0, NULL, KernelMode,
						  &thread, NULL),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test,
			ObReferenceObjectByHandle(h, 0, *PsProcessType,
						  KernelMode, &obj, NULL),
			STATUS_OBJECT_TYPE_MISMATCH);
	KUNIT_EXPECT_NULL(test, obj);
	KUNIT_EXPECT_EQ(test, ZwClose(h), STATUS_SUCCESS);
	/* closed: unknown now */
	KUNIT_EXPECT_EQ(test, ZwClose(h), STATUS_INVALID_HANDLE);
	KUNIT_EXPECT_EQ(test,
			ObReferenceObjectByHandle(h, 0, NULL, KernelMode, &obj,
						  NULL),
			STATUS_INVALID_HANDLE);
	KUNIT_EXPECT_EQ(test, ZwClose((HANDLE)0x1234), STATUS_INVALID_HANDLE);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 2);
	/* the thread runs on without handles */
	KeSetEvent(&w.stop, IO_NO_INCREMENT, FALSE);
	KUNIT_EXPECT_EQ(test, wait_exit(thread), STATUS_SUCCESS);
	ObDereferenceObject(thread);
}

static void create_misuse_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_THREAD_MISUSE);
	struct ntshim_violation_mark irql = ntshim_mark(NTSHIM_V_SYNC_BAD_IRQL);
	unsigned int pc = preempt_count();
	HANDLE h = NULL;
	KIRQL old;

	KUNIT_EXPECT_EQ(test, PsCreateSystemThread(&h, 0, NULL, NULL, NULL,
						   NULL, NULL),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, PsCreateSystemThread(&h, 0, NULL,
						   (HANDLE)0x40, NULL,
						   worker_routine, NULL),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, PsTerminateSystemThread(STATUS_SUCCESS),
			STATUS_INVALID_PARAMETER);
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KUNIT_EXPECT_EQ(test, PsCreateSystemThread(&h, 0, NULL, NULL, NULL,
						   worker_routine, NULL),
			STATUS_INVALID_PARAMETER);
	KeLowerIrql(old);
	KUNIT_EXPECT_NULL(test, h);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 3);
	NTSHIM_EXPECT_VIOLATIONS(test, &irql, 1);
}

static struct kunit_case thread_test_cases[] = {
	KUNIT_CASE(PsCreateSystemThread_pattern_test),
	KUNIT_CASE(PsTerminateSystemThread_test),
	KUNIT_CASE(ObReferenceObject_thread_test),
	KUNIT_CASE(thread_exit_raised_irql_test),
	KUNIT_CASE(handle_misuse_test),
	KUNIT_CASE(create_misuse_test),
	{}
};

static struct kunit_suite thread_test_suite = {
	.name = "ntshim_thread",
	.test_cases = thread_test_cases,
};

kunit_test_suite(thread_test_suite);
