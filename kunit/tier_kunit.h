/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers for the suites of the second API tier (semaphores, guarded
 * mutexes, push locks, processors, ...): run one step in a kthread and
 * wait for it on a completion, and wait (bounded) for a task to block.
 */
#ifndef _NTSHIM_TIER_KUNIT_H
#define _NTSHIM_TIER_KUNIT_H

#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/err.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

/**
 * struct tier_call - one step of a test, run in a kthread
 * @fn:      the step
 * @obj:     what it works on
 * @arg:     a second argument
 * @result:  what it found
 * @result2: more of what it found
 * @started: completed by the thread just before @fn runs
 * @done:    completed by the thread when @fn has returned
 * @task:    the thread
 */
struct tier_call {
	void (*fn)(struct tier_call *c);
	void *obj;
	long arg;
	long result;
	long result2;
	struct completion started;
	struct completion done;
	struct task_struct *task;
};

static int tier_call_fn(void *data)
{
	struct tier_call *c = data;

	complete(&c->started);
	c->fn(c);
	complete(&c->done);
	return 0;
}

/* Start @c->fn in a kthread (on @cpu if >= 0 and online). */
static inline void tier_start(struct kunit *test, struct tier_call *c, int cpu)
{
	init_completion(&c->started);
	init_completion(&c->done);
	c->task = kthread_create(tier_call_fn, c, "ntshim_tier");
	KUNIT_ASSERT_FALSE(test, IS_ERR(c->task));
	get_task_struct(c->task);
	if (cpu >= 0 && cpu_online(cpu))
		kthread_bind(c->task, cpu);
	wake_up_process(c->task);
	wait_for_completion(&c->started);
}

/* Wait for the step to return (failing the test after 120 s) and reap it. */
static inline void tier_finish(struct kunit *test, struct tier_call *c)
{
	if (!wait_for_completion_timeout(&c->done, 120 * HZ)) {
		KUNIT_FAIL(test, "thread still blocked");
		wait_for_completion(&c->done);
	}
	kthread_stop(c->task);
	put_task_struct(c->task);
}

/* Run one step in a kthread and wait for it. */
static inline void tier_run(struct kunit *test, struct tier_call *c, int cpu)
{
	tier_start(test, c, cpu);
	tier_finish(test, c);
}

/* Has the step already returned? */
static inline bool tier_done(struct tier_call *c)
{
	return completion_done(&c->done);
}

/* Wait until the task sleeps (blocked on a lock).  Bounded, like above. */
static inline bool tier_blocked(struct task_struct *t)
{
	int i;

	for (i = 0; i < 10000; i++) {
		if (READ_ONCE(t->__state) & (TASK_UNINTERRUPTIBLE | TASK_IDLE))
			return true;
		usleep_range(500, 1000);
	}
	return false;
}

#endif /* _NTSHIM_TIER_KUNIT_H */
