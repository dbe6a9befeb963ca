/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the ntshim suites need from KUnit on every kernel they build for.
 */
#ifndef _NTSHIM_KUNIT_H
#define _NTSHIM_KUNIT_H

#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <ntshim/event.h>
#include <ntshim/violation.h>

#include "../shim/test_exports.h"

/* KUnit without speed attributes (before 6.6) runs every case anyway. */
#ifndef KUNIT_CASE_SLOW
#define KUNIT_CASE_SLOW(test_name) KUNIT_CASE(test_name)
#endif

/**
 * struct ntshim_violation_mark - one violation kind's count at a point
 * @kind:  the violation kind
 * @count: how often @kind had been reported at ntshim_mark()
 */
struct ntshim_violation_mark {
	enum ntshim_violation_kind kind;
	u64 count;
};

/**
 * ntshim_mark() - remember how often @kind has been reported so far
 * @kind: the violation kind the calls under test may report
 *
 * Take the mark before the calls, then check what they reported with
 * NTSHIM_EXPECT_VIOLATIONS().
 *
 * Return: the mark.
 */
static inline struct ntshim_violation_mark
ntshim_mark(enum ntshim_violation_kind kind)
{
	return (struct ntshim_violation_mark){
		.kind = kind,
		.count = ntshim_violation_count(kind),
	};
}

/**
 * ntshim_violations_since() - reports of a mark's kind since the mark
 * @mark: from ntshim_mark()
 *
 * Return: how many violations of @mark's kind were reported since.
 */
static inline u64 ntshim_violations_since(const struct ntshim_violation_mark *mark)
{
	return ntshim_violation_count(mark->kind) - mark->count;
}

/**
 * NTSHIM_EXPECT_VIOLATIONS() - expect exactly @n reports since a mark
 * @test: the test case
 * @mark: a struct ntshim_violation_mark * from ntshim_mark()
 * @n:    how many violations of the mark's kind were reported since the
 *        mark (0: none at all)
 *
 * A KUnit expectation at the caller's line that names the kind when it
 * fails:
 *
 *	struct ntshim_violation_mark m = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
 *
 *	RemoveEntryList(&stray);
 *	NTSHIM_EXPECT_VIOLATIONS(test, &m, 1);
 */
#define NTSHIM_EXPECT_VIOLATIONS(test, mark, n)                               \
	do {                                                                  \
		const struct ntshim_violation_mark *__mark = (mark);          \
									      \
		KUNIT_EXPECT_EQ_MSG(test, ntshim_violations_since(__mark),    \
				    (u64)(n), "violation %s",                 \
				    ntshim_violation_name(__mark->kind));     \
	} while (0)

/**
 * ntshim_test_start_pair() - run two kthreads on two CPUs and wait for both
 * @fn:   the thread function; it must complete @done[its index] on exit
 * @arg0: argument of the thread on the first online CPU
 * @arg1: argument of the thread on the second (the first, if alone)
 * @done: two completions, one per thread
 * @name: kthread name format with one %u for the CPU
 *
 * Return: 0, or the error of a kthread that could not be started.
 */
static inline int ntshim_test_start_pair(int (*fn)(void *), void *arg0,
					 void *arg1, struct completion *done,
					 const char *name)
{
	unsigned int cpu0 = cpumask_first(cpu_online_mask);
	unsigned int cpu1 = cpumask_next(cpu0, cpu_online_mask);
	struct task_struct *t;

	if (cpu1 >= nr_cpu_ids)
		cpu1 = cpu0;
	t = kthread_run_on_cpu(fn, arg0, cpu0, name);
	if (IS_ERR(t))
		return PTR_ERR(t);
	t = kthread_run_on_cpu(fn, arg1, cpu1, name);
	if (IS_ERR(t)) {
		wait_for_completion(&done[0]);
		return PTR_ERR(t);
	}
	wait_for_completion(&done[0]);
	wait_for_completion(&done[1]);
	return 0;
}

/**
 * ntshim_test_waiters_queued() - wait (bounded) for @n waiters on @object
 * @object: a dispatcher object (KEVENT, KMUTEX, KTIMER)
 * @n:      how many waiters to wait for
 *
 * Return: true once @n threads wait on @object, false after about 5 s.
 */
static inline bool ntshim_test_waiters_queued(PVOID object, ULONG n)
{
	int i;

	for (i = 0; i < 5000; i++) {
		if (ntshim_dispatcher_waiters(object) >= n)
			return true;
		usleep_range(1000, 2000);
	}
	return false;
}

/**
 * ntshim_live_case_init() - a suite's .init: remember the live objects
 * @test: the case
 *
 * With ntshim_live_case_exit() as .exit, a case of a suite whose objects
 * the live-object filter counts (timers, DPCs, work items, lookaside
 * lists, ERESOURCEs) fails when the filter's count is not back where it
 * was when the case began, or the filter's two tables disagree.
 *
 * Return: 0.
 */
int ntshim_live_case_init(struct kunit *test);

/**
 * ntshim_live_case_exit() - a suite's .exit: the live objects are back
 * @test: the case
 */
void ntshim_live_case_exit(struct kunit *test);

#endif /* _NTSHIM_KUNIT_H */
