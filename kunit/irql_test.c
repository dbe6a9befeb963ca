// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the IRQL model: KeGetCurrentIrql() in every Linux
 * context, KeRaiseIrql/KeLowerIrql round trips and misuse, PAGED_CODE(),
 * ASSERT and DbgPrint.
 *
 * Values are sampled inside atomic sections and checked afterwards, so a
 * failing expectation never allocates with interrupts or softirqs off.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/interrupt.h>
#include <linux/irq_work.h>
#include <linux/kthread.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

/* Sampled state of the CPU: IRQL, and what Linux says. */
struct irql_sample {
	KIRQL irql;
	bool irqs_off;
	bool bh_off;
	bool hardirq;
	bool softirq;
};

static void sample(struct irql_sample *s)
{
	s->irql = KeGetCurrentIrql();
	s->irqs_off = irqs_disabled();
	s->bh_off = softirq_count() != 0;
	s->hardirq = in_hardirq();
	s->softirq = in_serving_softirq();
}

static void ntshim_irql_passive_test(struct kunit *test)
{
	/* a KUnit case runs in a preemptible kthread */
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void ntshim_irql_raise_dispatch_test(struct kunit *test)
{
	struct irql_sample in;
	KIRQL old;

	/*
	 * before: PASSIVE, softirqs on
	 * KeRaiseIrql(DISPATCH_LEVEL): softirqs (DPCs) and preemption off
	 * KeLowerIrql(old): back to PASSIVE, softirqs on
	 */
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	sample(&in);
	KeLowerIrql(old);

	KUNIT_EXPECT_EQ(test, old, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, in.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_TRUE(test, in.bh_off);
	KUNIT_EXPECT_FALSE(test, in.irqs_off);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

static void ntshim_irql_raise_to_dpc_level_test(struct kunit *test)
{
	KIRQL old = KeRaiseIrqlToDpcLevel();
	KIRQL in = KeGetCurrentIrql();

	KeLowerIrql(old);
	KUNIT_EXPECT_EQ(test, old, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, in, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void ntshim_irql_raise_high_test(struct kunit *test)
{
	struct irql_sample clock, high, back, dpc;
	KIRQL old0, old1, old2;

	/*
	 * PASSIVE -> DISPATCH -> CLOCK -> HIGH, then down step by step;
	 * above DISPATCH the recorded level reads back exactly.
	 */
	KeRaiseIrql(DISPATCH_LEVEL, &old0);
	KeRaiseIrql(CLOCK_LEVEL, &old1);
	sample(&clock);
	KeRaiseIrql(HIGH_LEVEL, &old2);
	sample(&high);
	KeLowerIrql(old2);
	sample(&back);
	KeLowerIrql(old1);
	sample(&dpc);
	KeLowerIrql(old0);

	KUNIT_EXPECT_EQ(test, old0, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, old1, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, old2, CLOCK_LEVEL);
	KUNIT_EXPECT_EQ(test, clock.irql, CLOCK_LEVEL);
	KUNIT_EXPECT_TRUE(test, clock.irqs_off);
	KUNIT_EXPECT_EQ(test, high.irql, HIGH_LEVEL);
	KUNIT_EXPECT_EQ(test, back.irql, CLOCK_LEVEL);
	KUNIT_EXPECT_TRUE(test, back.irqs_off);
	KUNIT_EXPECT_EQ(test, dpc.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, dpc.irqs_off);
	KUNIT_EXPECT_TRUE(test, dpc.bh_off);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

static void ntshim_irql_passive_to_high_test(struct kunit *test)
{
	struct irql_sample high, dpc;
	KIRQL old, old2;

	/* one raise from PASSIVE to HIGH, lowered in two steps */
	KeRaiseIrql(HIGH_LEVEL, &old);
	sample(&high);
	KeLowerIrql(DISPATCH_LEVEL);
	sample(&dpc);
	KeLowerIrql(old);

	/* and straight back down in one step */
	old2 = KeRaiseIrqlToSynchLevel();
	KeLowerIrql(old2);

	KUNIT_EXPECT_EQ(test, old, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, high.irql, HIGH_LEVEL);
	KUNIT_EXPECT_TRUE(test, high.irqs_off);
	KUNIT_EXPECT_EQ(test, dpc.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, dpc.irqs_off);
	KUNIT_EXPECT_TRUE(test, dpc.bh_off);
	KUNIT_EXPECT_EQ(test, old2, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

struct apc_other {
	struct completion done;
	KIRQL irql;
};

static int apc_other_fn(void *data)
{
	struct apc_other *o = data;

	o->irql = KeGetCurrentIrql();
	complete(&o->done);
	return 0;
}

static void ntshim_irql_apc_test(struct kunit *test)
{
	struct apc_other o = { .irql = 0xff };
	struct task_struct *tsk;
	KIRQL old, old2, in, dpc, back;

	init_completion(&o.done);
	/*
	 * KeRaiseIrql(APC_LEVEL): reads APC_LEVEL for this thread only; the
	 * thread stays preemptible and may sleep.
	 */
	KeRaiseIrql(APC_LEVEL, &old);
	in = KeGetCurrentIrql();
	KUNIT_EXPECT_TRUE(test, preemptible());
	tsk = kthread_run(apc_other_fn, &o, "ntshim_apc_other");
	KUNIT_ASSERT_FALSE(test, IS_ERR(tsk));
	wait_for_completion(&o.done);	/* sleeping at APC_LEVEL is fine */
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), APC_LEVEL);

	/* APC -> DISPATCH -> APC */
	KeRaiseIrql(DISPATCH_LEVEL, &old2);
	dpc = KeGetCurrentIrql();
	KeLowerIrql(old2);
	back = KeGetCurrentIrql();
	KeLowerIrql(old);

	KUNIT_EXPECT_EQ(test, old, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, in, APC_LEVEL);
	KUNIT_EXPECT_EQ(test, o.irql, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, old2, APC_LEVEL);
	KUNIT_EXPECT_EQ(test, dpc, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, back, APC_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void ntshim_irql_lower_to_apc_test(struct kunit *test)
{
	KIRQL old, apc;

	/* PASSIVE -> DISPATCH, then lowered to APC (not to where it was) */
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KeLowerIrql(APC_LEVEL);
	apc = KeGetCurrentIrql();
	KeLowerIrql(old);

	KUNIT_EXPECT_EQ(test, apc, APC_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void ntshim_irql_raise_lower_violation_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_RAISE_LOWER);
	KIRQL old, bad, in;

	/* at DISPATCH, "raising" to PASSIVE is reported and ignored */
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KeRaiseIrql(PASSIVE_LEVEL, &bad);
	in = KeGetCurrentIrql();
	KeLowerIrql(old);

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, bad, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, in, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void ntshim_irql_lower_higher_violation_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_LOWER_HIGHER);

	/* at PASSIVE, "lowering" to DISPATCH is reported and ignored */
	KeLowerIrql(DISPATCH_LEVEL);

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, softirq_count(), 0);
}

static void ntshim_irql_bad_level_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_TOO_HIGH);
	KIRQL old, in;

	/* no IRQL 200: reported, taken as HIGH_LEVEL */
	KeRaiseIrql(200, &old);
	in = KeGetCurrentIrql();
	KeLowerIrql(old);

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, in, HIGH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

static void ntshim_irql_linux_locks_test(struct kunit *test)
{
	KIRQL bh, plain, preempt;
	spinlock_t lock;	/* a plain Linux lock */

	spin_lock_init(&lock);
	/* Linux code that blocks softirqs or preemption is DISPATCH_LEVEL */
	spin_lock_bh(&lock);
	bh = KeGetCurrentIrql();
	spin_unlock_bh(&lock);

	spin_lock(&lock);
	plain = KeGetCurrentIrql();	/* needs CONFIG_PREEMPT_COUNT */
	spin_unlock(&lock);

	preempt_disable();
	preempt = KeGetCurrentIrql();
	preempt_enable();

	KUNIT_EXPECT_EQ(test, bh, DISPATCH_LEVEL);
	if (IS_ENABLED(CONFIG_PREEMPT_COUNT)) {
		KUNIT_EXPECT_EQ(test, plain, DISPATCH_LEVEL);
		KUNIT_EXPECT_EQ(test, preempt, DISPATCH_LEVEL);
	}
}

static void ntshim_irql_irqs_off_test(struct kunit *test)
{
	struct irql_sample off;
	unsigned long flags;
	KIRQL old, raised;

	/* interrupts masked by Linux code: HIGH_LEVEL */
	local_irq_save(flags);
	sample(&off);
	/* raising to where we are is a no-op, lowering below it cannot be */
	KeRaiseIrql(HIGH_LEVEL, &old);
	KeLowerIrql(PASSIVE_LEVEL);
	raised = KeGetCurrentIrql();
	local_irq_restore(flags);

	KUNIT_EXPECT_EQ(test, off.irql, HIGH_LEVEL);
	KUNIT_EXPECT_EQ(test, old, HIGH_LEVEL);
	KUNIT_EXPECT_EQ(test, raised, HIGH_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/* The AtDpcLevel fast test agrees with KeGetCurrentIrql() >= DISPATCH. */
static bool at_least_dispatch_agrees(void)
{
	return ntshim_irql_at_least_dispatch() ==
	       (KeGetCurrentIrql() >= DISPATCH_LEVEL);
}

static void ntshim_irql_at_least_dispatch_test(struct kunit *test)
{
	bool passive, apc, dispatch, bh, preempt, irqs_off, high, below;
	unsigned long flags;
	KIRQL old, old2;

	passive = at_least_dispatch_agrees() &&
		  !ntshim_irql_at_least_dispatch();
	KeRaiseIrql(APC_LEVEL, &old);
	apc = at_least_dispatch_agrees() && !ntshim_irql_at_least_dispatch();
	KeRaiseIrql(DISPATCH_LEVEL, &old2);
	dispatch = at_least_dispatch_agrees() &&
		   ntshim_irql_at_least_dispatch();
	KeLowerIrql(old2);
	KeLowerIrql(old);

	local_bh_disable();
	bh = at_least_dispatch_agrees() && ntshim_irql_at_least_dispatch();
	local_bh_enable();

	preempt_disable();
	preempt = at_least_dispatch_agrees();
	preempt_enable();

	local_irq_save(flags);
	irqs_off = at_least_dispatch_agrees() &&
		   ntshim_irql_at_least_dispatch();
	local_irq_restore(flags);

	KeRaiseIrql(HIGH_LEVEL, &old);
	high = at_least_dispatch_agrees() && ntshim_irql_at_least_dispatch();
	KeLowerIrql(old);
	below = !ntshim_irql_at_least_dispatch();

	KUNIT_EXPECT_TRUE(test, passive);
	KUNIT_EXPECT_TRUE(test, apc);
	KUNIT_EXPECT_TRUE(test, dispatch);
	KUNIT_EXPECT_TRUE(test, bh);
	/* without CONFIG_PREEMPT_COUNT both read PASSIVE_LEVEL: still agree */
	KUNIT_EXPECT_TRUE(test, preempt);
	KUNIT_EXPECT_TRUE(test, irqs_off);
	KUNIT_EXPECT_TRUE(test, high);
	KUNIT_EXPECT_TRUE(test, below);
}

/* A DPC stand-in: a tasklet runs in softirq context. */
struct irql_tasklet {
	struct tasklet_struct tasklet;
	struct completion done;
	struct irql_sample in, high, after_lower;
	KIRQL old, old_high;
};

static void irql_tasklet_fn(struct tasklet_struct *t)
{
	struct irql_tasklet *c = from_tasklet(c, t, tasklet);

	sample(&c->in);
	KeRaiseIrql(DISPATCH_LEVEL, &c->old);
	KeRaiseIrql(HIGH_LEVEL, &c->old_high);
	sample(&c->high);
	KeLowerIrql(c->old_high);
	/* a DPC cannot go below DISPATCH_LEVEL: nothing to undo */
	KeLowerIrql(PASSIVE_LEVEL);
	sample(&c->after_lower);
	complete(&c->done);
}

static void ntshim_irql_tasklet_test(struct kunit *test)
{
	struct irql_tasklet *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	init_completion(&c->done);
	tasklet_setup(&c->tasklet, irql_tasklet_fn);
	tasklet_schedule(&c->tasklet);
	wait_for_completion(&c->done);
	tasklet_kill(&c->tasklet);

	KUNIT_EXPECT_TRUE(test, c->in.softirq);
	KUNIT_EXPECT_EQ(test, c->in.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, c->old, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, c->old_high, DISPATCH_LEVEL);
	KUNIT_EXPECT_EQ(test, c->high.irql, HIGH_LEVEL);
	KUNIT_EXPECT_TRUE(test, c->high.irqs_off);
	KUNIT_EXPECT_EQ(test, c->after_lower.irql, DISPATCH_LEVEL);
	KUNIT_EXPECT_FALSE(test, c->after_lower.irqs_off);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/* A hard interrupt: irq_work runs its HARD work in hardirq context. */
struct irql_hardirq {
	struct irq_work work;
	struct irql_sample in, high, back;
	KIRQL old_high;
	bool at_least_dispatch;
	u64 paged_code;		/* PAGED_CODE() reports in the handler */
};

static void irql_hardirq_fn(struct irq_work *work)
{
	struct irql_hardirq *c = container_of(work, struct irql_hardirq, work);
	struct ntshim_violation_mark paged;

	sample(&c->in);
	c->at_least_dispatch = ntshim_irql_at_least_dispatch();
	KeRaiseIrql(HIGH_LEVEL, &c->old_high);
	sample(&c->high);
	KeLowerIrql(c->old_high);
	sample(&c->back);
	paged = ntshim_mark(NTSHIM_V_PAGED_CODE);
	PAGED_CODE();
	c->paged_code = ntshim_violations_since(&paged);
}

static void ntshim_irql_hardirq_test(struct kunit *test)
{
	struct irql_hardirq *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->work = IRQ_WORK_INIT_HARD(irql_hardirq_fn);
	irq_work_queue(&c->work);
	irq_work_sync(&c->work);

	KUNIT_EXPECT_TRUE(test, c->in.hardirq);
	KUNIT_EXPECT_TRUE(test, c->in.irqs_off);
	KUNIT_EXPECT_EQ(test, c->in.irql, NTSHIM_HARDIRQ_LEVEL);
	KUNIT_EXPECT_TRUE(test, c->at_least_dispatch);
	KUNIT_EXPECT_EQ(test, c->old_high, NTSHIM_HARDIRQ_LEVEL);
	KUNIT_EXPECT_EQ(test, c->high.irql, HIGH_LEVEL);
	KUNIT_EXPECT_EQ(test, c->back.irql, NTSHIM_HARDIRQ_LEVEL);
	KUNIT_EXPECT_TRUE(test, c->back.irqs_off);
	KUNIT_EXPECT_EQ(test, c->paged_code, 1);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static void ntshim_irql_paged_code_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_PAGED_CODE);
	KIRQL old;

	/* PASSIVE and APC: may sleep, nothing reported */
	PAGED_CODE();
	KeRaiseIrql(APC_LEVEL, &old);
	PAGED_CODE();
	KeLowerIrql(old);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 0);

	/* DISPATCH: reported instead of a might_sleep() splat */
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	PAGED_CODE();
	KeLowerIrql(old);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);

	/* HIGH: reported too */
	KeRaiseIrql(HIGH_LEVEL, &old);
	PAGED_CODE();
	KeLowerIrql(old);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	PAGED_CODE_LOCKED();
}

static void ntshim_irql_assert_test(struct kunit *test)
{
#if DBG
	u64 before = ntshim_assert_failures();

	KUNIT_EXPECT_TRUE(test, ASSERT(1 + 1 == 2));
	KUNIT_EXPECT_TRUE(test, NT_ASSERT(test));
	KUNIT_EXPECT_EQ(test, ntshim_assert_failures(), before);
	/* a failed assertion is reported and execution carries on */
	KUNIT_EXPECT_FALSE(test, ASSERT(1 + 1 == 3));
	KUNIT_EXPECT_FALSE(test, NT_ASSERTMSG("provoked by a test", 0));
	KUNIT_EXPECT_EQ(test, ntshim_assert_failures(), before + 2);
#else
	kunit_skip(test, "ASSERT is compiled out without CONFIG_NTSHIM_DEBUG");
#endif
}

static void ntshim_irql_dbgprint_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, DbgPrint("ntshim_irql: DbgPrint %d\n", 42), 0);
	KUNIT_EXPECT_EQ(test, DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_INFO_LEVEL,
					 "ntshim_irql: DbgPrintEx %s\n", "ok"),
			0);
	KdPrint(("ntshim_irql: KdPrint %u\n", 7U));
}

/* A thread that exits at APC_LEVEL: its record is reported and dropped. */
static int apc_exit_fn(void *data)
{
	KIRQL old;

	KeRaiseIrql(APC_LEVEL, &old);
	complete(data);
	return 0;	/* exits at APC_LEVEL, on purpose */
}

static void ntshim_irql_apc_thread_exit_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_IRQL_THREAD_EXIT);
	int threads = atomic_read(&ntshim_apc_threads);
	struct completion raised;
	struct task_struct *t;
	KIRQL old;

	init_completion(&raised);
	t = kthread_run(apc_exit_fn, &raised, "ntshim_apc_exit");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t);
	wait_for_completion(&raised);
	kthread_stop(t);
	put_task_struct(t);

	/* the next thread to enter APC_LEVEL reaps the record */
	KeRaiseIrql(APC_LEVEL, &old);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), APC_LEVEL);
	KeLowerIrql(old);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&ntshim_apc_threads), threads);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

static struct kunit_case ntshim_irql_cases[] = {
	KUNIT_CASE(ntshim_irql_passive_test),
	KUNIT_CASE(ntshim_irql_raise_dispatch_test),
	KUNIT_CASE(ntshim_irql_raise_to_dpc_level_test),
	KUNIT_CASE(ntshim_irql_raise_high_test),
	KUNIT_CASE(ntshim_irql_passive_to_high_test),
	KUNIT_CASE(ntshim_irql_apc_test),
	KUNIT_CASE(ntshim_irql_lower_to_apc_test),
	KUNIT_CASE(ntshim_irql_raise_lower_violation_test),
	KUNIT_CASE(ntshim_irql_lower_higher_violation_test),
	KUNIT_CASE(ntshim_irql_bad_level_test),
	KUNIT_CASE(ntshim_irql_linux_locks_test),
	KUNIT_CASE(ntshim_irql_irqs_off_test),
	KUNIT_CASE(ntshim_irql_at_least_dispatch_test),
	KUNIT_CASE(ntshim_irql_tasklet_test),
	KUNIT_CASE(ntshim_irql_hardirq_test),
	KUNIT_CASE(ntshim_irql_paged_code_test),
	KUNIT_CASE(ntshim_irql_assert_test),
	KUNIT_CASE(ntshim_irql_dbgprint_test),
	KUNIT_CASE(ntshim_irql_apc_thread_exit_test),
	{}
};

static struct kunit_suite ntshim_irql_suite = {
	.name = "ntshim_irql",
	.test_cases = ntshim_irql_cases,
};

kunit_test_suite(ntshim_irql_suite);
