// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the process and thread context calls (suite
 * ntshim_process): PEPROCESS/PETHREAD as handles onto Linux tasks.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/string.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

#define WAIT_BOUND (10 * HZ)

static void PsGetCurrentProcess_test(struct kunit *test)
{
	PEPROCESS p = PsGetCurrentProcess();

	KUNIT_EXPECT_PTR_EQ(test, (void *)p, (void *)current->group_leader);
	KUNIT_EXPECT_PTR_EQ(test, (void *)IoGetCurrentProcess(), (void *)p);
	KUNIT_EXPECT_EQ(test, (uintptr_t)PsGetCurrentProcessId(),
			(uintptr_t)task_tgid_nr(current));
	KUNIT_EXPECT_EQ(test, (uintptr_t)PsGetProcessId(p),
			(uintptr_t)PsGetCurrentProcessId());
	KUNIT_EXPECT_EQ(test, (uintptr_t)PsGetCurrentThreadId(),
			(uintptr_t)task_pid_nr(current));
}

/* The image name is the leader's comm: 15 characters at most. */
static void PsGetProcessImageFileName_test(struct kunit *test)
{
	PUCHAR name = PsGetProcessImageFileName(PsGetCurrentProcess());

	KUNIT_ASSERT_NOT_NULL(test, name);
	KUNIT_EXPECT_STREQ(test, (char *)name, current->group_leader->comm);
	KUNIT_EXPECT_LE(test, strnlen((char *)name, 16), 15);
}

/* The KUnit case runs in a kthread: a system thread, not ntshim's. */
static void PsGetCurrentThread_test(struct kunit *test)
{
	PETHREAD t = PsGetCurrentThread();

	KUNIT_EXPECT_PTR_EQ(test, (void *)t, (void *)current);
	KUNIT_EXPECT_PTR_EQ(test, (void *)KeGetCurrentThread(), (void *)t);
	KUNIT_EXPECT_TRUE(test, PsIsSystemThread(t));
	KUNIT_EXPECT_EQ(test, (uintptr_t)PsGetThreadId(t),
			(uintptr_t)PsGetCurrentThreadId());
	KUNIT_EXPECT_EQ(test, (uintptr_t)PsGetThreadProcessId(t),
			(uintptr_t)PsGetCurrentProcessId());
	KUNIT_EXPECT_PTR_EQ(test, (void *)PsGetThreadProcess(t),
			    (void *)PsGetCurrentProcess());
}

/* ObReferenceObject on a process pins its task, and lets it go. */
static void ObReferenceObject_process_test(struct kunit *test)
{
	PEPROCESS p = PsGetCurrentProcess();
	struct task_struct *task = (struct task_struct *)p;
	unsigned int before = refcount_read(&task->usage);

	ObReferenceObject(p);
	KUNIT_EXPECT_EQ(test, refcount_read(&task->usage), before + 1);
	ObDereferenceObject(p);
	KUNIT_EXPECT_EQ(test, refcount_read(&task->usage), before);
}

static void ObReferenceObject_null_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_THREAD_MISUSE);

	KUNIT_EXPECT_EQ(test, ObReferenceObject(NULL), 0);
	KUNIT_EXPECT_EQ(test, ObDereferenceObject(NULL), 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 2);
}

struct ctx_probe {
	struct completion done;
	HANDLE pid;
	HANDLE tid;
	pid_t want_pid;
	pid_t want_tgid;
	KIRQL irql;
};

static VOID ctx_dpc(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
	struct ctx_probe *c = Context;

	c->pid = PsGetCurrentProcessId();
	c->tid = PsGetCurrentThreadId();
	c->want_tgid = task_tgid_nr(current);
	c->want_pid = task_pid_nr(current);
	c->irql = KeGetCurrentIrql();
	complete(&c->done);
}

/* In a DPC the "current process" is whatever task the softirq runs on. */
static void process_in_dpc_test(struct kunit *test)
{
	struct ctx_probe c = { };
	KDPC dpc;

	init_completion(&c.done);
	KeInitializeDpc(&dpc, ctx_dpc, &c);
	KUNIT_ASSERT_TRUE(test, KeInsertQueueDpc(&dpc, NULL, NULL));
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&c.done, WAIT_BOUND),
			0);
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_EQ(test, c.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, (uintptr_t)c.pid, (uintptr_t)c.want_tgid);
	KUNIT_EXPECT_EQ(test, (uintptr_t)c.tid, (uintptr_t)c.want_pid);
}

static struct kunit_case process_test_cases[] = {
	KUNIT_CASE(PsGetCurrentProcess_test),
	KUNIT_CASE(PsGetProcessImageFileName_test),
	KUNIT_CASE(PsGetCurrentThread_test),
	KUNIT_CASE(ObReferenceObject_process_test),
	KUNIT_CASE(ObReferenceObject_null_test),
	KUNIT_CASE(process_in_dpc_test),
	{}
};

static struct kunit_suite process_test_suite = {
	.name = "ntshim_process",
	.test_cases = process_test_cases,
};

kunit_test_suite(process_test_suite);
