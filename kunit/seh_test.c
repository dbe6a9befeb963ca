// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for structured exception handling (suite ntshim_seh):
 * every way into and out of __try, the order Windows runs filters,
 * __finally blocks and handlers in, the raising DDK calls, and misuse.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/kthread.h>
#include <linux/preempt.h>
#include <linux/string.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

#define WAIT_BOUND (10 * HZ)

/* A trace of what ran, in order: one letter per step. */
struct trace {
	char s[32];
	int n;
};

static noinline void step(struct trace *t, char c)
{
	if (t->n < (int)sizeof(t->s) - 1)
		t->s[t->n++] = c;
}

static noinline LONG filter(struct trace *t, char c, LONG verdict)
{
	step(t, c);
	return verdict;
}

/* The body ends: no handler, the __finally runs, not abnormally. */
static void seh_normal_exit_test(struct kunit *test)
{
	struct trace t = { };
	BOOLEAN abnormal = TRUE;
	unsigned int depth = 0;

	__try {
		step(&t, 'b');
		depth = ntshim_seh_depth();
	} __finally {
		abnormal = AbnormalTermination();
		step(&t, 'f');
	}
	__try {
		step(&t, 'c');
	} __except(filter(&t, 'X', EXCEPTION_EXECUTE_HANDLER)) {
		step(&t, 'H');
	}
	KUNIT_EXPECT_STREQ(test, t.s, "bfc");
	KUNIT_EXPECT_EQ(test, depth, 1);
	KUNIT_EXPECT_FALSE(test, abnormal);
	KUNIT_EXPECT_EQ(test, ntshim_seh_depth(), 0);
}

/* __leave ends the body at once, a normal termination, even in a loop. */
static void seh_leave_test(struct kunit *test)
{
	struct trace t = { };
	BOOLEAN abnormal = TRUE;
	int i;

	__try {
		step(&t, 'b');
		for (i = 0; i < 10; i++) {
			if (i == 2)
				__leave;
			step(&t, '0' + i);
		}
		step(&t, 'X');
	} __finally {
		abnormal = AbnormalTermination();
		step(&t, 'f');
	}
	KUNIT_EXPECT_STREQ(test, t.s, "b01f");
	KUNIT_EXPECT_FALSE(test, abnormal);
	KUNIT_EXPECT_EQ(test, ntshim_seh_depth(), 0);
}

/* TryFinallyTest: return from inside __try; the __finally still runs. */
static noinline NTSTATUS return_inside(struct trace *t, BOOLEAN *abnormal,
				       u64 a, u64 b, u64 c)
{
	u64 x = a * 3, y = b * 5, z = c * 7;

	__try {
		step(t, 'b');
		if (a)
			return (NTSTATUS)(x + y + z);
		step(t, 'X');
	} __finally {
		*abnormal = AbnormalTermination();
		/* work that needs registers and stack of its own */
		x = 0;
		y = 0;
		z = 0;
		step(t, 'f');
	}
	return STATUS_UNSUCCESSFUL;
}

static void seh_return_inside_try_test(struct kunit *test)
{
	struct trace t = { };
	BOOLEAN abnormal = FALSE;

	KUNIT_EXPECT_EQ(test, return_inside(&t, &abnormal, 1, 2, 3),
			(NTSTATUS)(3 + 10 + 21));
	KUNIT_EXPECT_STREQ(test, t.s, "bf");
	KUNIT_EXPECT_TRUE(test, abnormal);
	KUNIT_EXPECT_EQ(test, ntshim_seh_depth(), 0);
}

/* goto out of a __try body: the __finally runs on the way. */
static void seh_goto_out_test(struct kunit *test)
{
	struct trace t = { };
	BOOLEAN abnormal = FALSE;

	__try {
		step(&t, 'b');
		goto out;
	} __finally {
		abnormal = AbnormalTermination();
		step(&t, 'f');
	}
	step(&t, 'X');
out:
	KUNIT_EXPECT_STREQ(test, t.s, "bf");
	KUNIT_EXPECT_TRUE(test, abnormal);
	KUNIT_EXPECT_EQ(test, ntshim_seh_depth(), 0);
}

/* ExRaiseStatus in the body: the handler runs with its code. */
static void seh_raise_direct_test(struct kunit *test)
{
	struct trace t = { };
	NTSTATUS code = STATUS_SUCCESS;
	/* written by the filter: volatile, as seh.h says */
	PEXCEPTION_POINTERS volatile info = NULL;
	struct ntshim_violation_mark unhandled = ntshim_mark(NTSHIM_V_SEH_UNHANDLED);

	__try {
		step(&t, 'b');
		ExRaiseStatus(STATUS_INVALID_PARAMETER);
		step(&t, 'X');
	} __except(info = GetExceptionInformation(),
		    filter(&t, 'F', EXCEPTION_EXECUTE_HANDLER)) {
		code = GetExceptionCode();
		step(&t, 'H');
	}
	step(&t, 'a');
	KUNIT_EXPECT_STREQ(test, t.s, "bFHa");
	KUNIT_EXPECT_EQ(test, code, STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_NOT_NULL(test, info);
	KUNIT_EXPECT_EQ(test, ntshim_seh_depth(), 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &unhandled, 0);
	KUNIT_EXPECT_EQ(test, preempt_count() & PREEMPT_MASK, 0);
}

static noinline void deep2(struct trace *t)
{
	step(t, '2');
	ExRaiseAccessViolation();
	step(t, 'X');
}

static noinline void deep1(struct trace *t, BOOLEAN *abnormal)
{
	__try {
		step(t, '1');
		deep2(t);
		step(t, 'Y');
	} __finally {
		*abnormal = AbnormalTermination();
		step(t, 'f');
	}
	step(t, 'Z');
}

/*
 * A raise two calls deep, through a __finally in between: Windows' order
 * is the filter first, then the __finally, then the handler.
 */
static void seh_raise_two_calls_deep_test(struct kunit *test)
{
	struct trace t = { };
	BOOLEAN abnormal = FALSE;
	NTSTATUS code = 0;

	__try {
		deep1(&t, &abnormal);
	} __except(filter(&t, 'F', GetExceptionCode() ==
				   STATUS_ACCESS_VIOLATION ?
				   EXCEPTION_EXECUTE_HANDLER :
				   EXCEPTION_CONTINUE_SEARCH)) {
		code = GetExceptionCode();
		step(&t, 'H');
	}
	KUNIT_EXPECT_STREQ(test, t.s, "12FfH");
	KUNIT_EXPECT_TRUE(test, abnormal);
	KUNIT_EXPECT_EQ(test, code, STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, ntshim_seh_depth(), 0);
}

static noinline u64 mix(u64 a, u64 b)
{
	return a * 31 + b;
}

/*
 * The documented rule: locals the body modifies and the handler reads are
 * volatile, as for setjmp(); then they keep the body's values even with
 * many values live at once.
 */
static void seh_locals_survive_test(struct kunit *test)
{
	volatile u64 a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, g = 7, h = 8;
	volatile int status = 0;

	__try {
		a = mix(a, 10);
		b = mix(b, a);
		c = mix(c, b);
		d = mix(d, c);
		e = mix(e, d);
		f = mix(f, e);
		g = mix(g, f);
		h = mix(h, g);
		status = 1;
		deep2(&(struct trace){ });
		status = 2;
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		status += 10;
	}
	KUNIT_EXPECT_EQ(test, status, 11);
	KUNIT_EXPECT_EQ(test, a, 41ULL);
	KUNIT_EXPECT_EQ(test, b, 2 * 31 + a);
	KUNIT_EXPECT_EQ(test, c, 3 * 31 + b);
	KUNIT_EXPECT_EQ(test, d, 4 * 31 + c);
	KUNIT_EXPECT_EQ(test, e, 5 * 31 + d);
	KUNIT_EXPECT_EQ(test, f, 6 * 31 + e);
	KUNIT_EXPECT_EQ(test, g, 7 * 31 + f);
	KUNIT_EXPECT_EQ(test, h, 8 * 31 + g);
}

/* Filters innermost first; one that declines passes the search on. */
static void seh_filter_order_test(struct kunit *test)
{
	struct trace t = { };
	NTSTATUS code = 0;

	__try {
		__try {
			__try {
				step(&t, 'b');
				ExRaiseStatus(STATUS_TIMEOUT);
			} __except(filter(&t, '1', EXCEPTION_CONTINUE_SEARCH)) {
				step(&t, 'X');
			}
		} __finally {
			step(&t, 'f');
		}
	} __except(filter(&t, '2', EXCEPTION_EXECUTE_HANDLER)) {
		code = GetExceptionCode();
		step(&t, 'H');
	}
	KUNIT_EXPECT_STREQ(test, t.s, "b12fH");
	KUNIT_EXPECT_EQ(test, code, STATUS_TIMEOUT);
	KUNIT_EXPECT_EQ(test, ntshim_seh_depth(), 0);
}

/* A __try inside a __finally that runs during an unwind. */
static void seh_nested_in_finally_test(struct kunit *test)
{
	struct trace t = { };
	NTSTATUS inner = 0, outer = 0;

	__try {
		__try {
			ExRaiseStatus(STATUS_TIMEOUT);
		} __finally {
			step(&t, 'f');
			__try {
				ExRaiseStatus(STATUS_NO_MEMORY);
			} __except(EXCEPTION_EXECUTE_HANDLER) {
				inner = GetExceptionCode();
				step(&t, 'i');
			}
		}
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		outer = GetExceptionCode();
		step(&t, 'H');
	}
	KUNIT_EXPECT_STREQ(test, t.s, "fiH");
	KUNIT_EXPECT_EQ(test, inner, STATUS_NO_MEMORY);
	KUNIT_EXPECT_EQ(test, outer, STATUS_TIMEOUT);
	KUNIT_EXPECT_EQ(test, ntshim_seh_depth(), 0);
}

static noinline LONG raising_filter(struct trace *t)
{
	step(t, 'r');
	ExRaiseStatus(STATUS_NO_MEMORY);
	step(t, 'X');
	return EXCEPTION_EXECUTE_HANDLER;
}

/* An exception in a filter goes to the frames outside that filter's. */
static void seh_exception_in_filter_test(struct kunit *test)
{
	struct trace t = { };
	NTSTATUS code = 0;

	__try {
		__try {
			ExRaiseStatus(STATUS_TIMEOUT);
		} __except(raising_filter(&t)) {
			step(&t, 'Y');
		}
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		code = GetExceptionCode();
		step(&t, 'H');
	}
	KUNIT_EXPECT_STREQ(test, t.s, "rH");
	KUNIT_EXPECT_EQ(test, code, STATUS_NO_MEMORY);
	KUNIT_EXPECT_EQ(test, ntshim_seh_depth(), 0);
}

/* A filter may catch its own exceptions with a __try of its own. */
static noinline LONG guarded_filter(struct trace *t)
{
	LONG verdict = EXCEPTION_CONTINUE_SEARCH;

	__try {
		ExRaiseStatus(STATUS_NO_MEMORY);
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		step(t, 'g');
		verdict = EXCEPTION_EXECUTE_HANDLER;
	}
	return verdict;
}

static void seh_try_inside_filter_test(struct kunit *test)
{
	struct trace t = { };
	NTSTATUS code = 0;

	__try {
		ExRaiseStatus(STATUS_TIMEOUT);
	} __except(guarded_filter(&t)) {
		code = GetExceptionCode();
		step(&t, 'H');
	}
	KUNIT_EXPECT_STREQ(test, t.s, "gH");
	KUNIT_EXPECT_EQ(test, code, STATUS_TIMEOUT);
	KUNIT_EXPECT_EQ(test, ntshim_seh_depth(), 0);
}

/* A handler that raises again: the next frame out takes the new code. */
static void seh_reraise_test(struct kunit *test)
{
	struct trace t = { };
	NTSTATUS code = 0;

	__try {
		__try {
			ExRaiseStatus(STATUS_TIMEOUT);
		} __except(EXCEPTION_EXECUTE_HANDLER) {
			step(&t, 'h');
			ExRaiseStatus(GetExceptionCode() + 1);
			step(&t, 'X');
		}
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		code = GetExceptionCode();
		step(&t, 'H');
	}
	KUNIT_EXPECT_STREQ(test, t.s, "hH");
	KUNIT_EXPECT_EQ(test, code, STATUS_TIMEOUT + 1);
}

/* ntshim's raises are non-continuable, as ExRaiseStatus's are. */
static void seh_continue_execution_test(struct kunit *test)
{
	NTSTATUS code = 0;

	__try {
		__try {
			ExRaiseStatus(STATUS_TIMEOUT);
		} __except(EXCEPTION_CONTINUE_EXECUTION) {
			code = 1;
		}
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		code = GetExceptionCode();
	}
	KUNIT_EXPECT_EQ(test, code, STATUS_NONCONTINUABLE_EXCEPTION);
}

/* No handler: reported once, the raise returns, no __finally runs. */
static void seh_unhandled_test(struct kunit *test)
{
	struct ntshim_violation_mark unhandled = ntshim_mark(NTSHIM_V_SEH_UNHANDLED);
	struct trace t = { };
	BOOLEAN abnormal = TRUE;

	ExRaiseStatus(STATUS_TIMEOUT);
	NTSHIM_EXPECT_VIOLATIONS(test, &unhandled, 1);

	__try {
		__try {
			ExRaiseStatus(STATUS_TIMEOUT);
			step(&t, 'c');
		} __finally {
			abnormal = AbnormalTermination();
			step(&t, 'f');
		}
	} __except(filter(&t, 'F', EXCEPTION_CONTINUE_SEARCH)) {
		step(&t, 'X');
	}
	KUNIT_EXPECT_STREQ(test, t.s, "Fcf");
	KUNIT_EXPECT_FALSE(test, abnormal);
	NTSHIM_EXPECT_VIOLATIONS(test, &unhandled, 2);
	KUNIT_EXPECT_EQ(test, ntshim_seh_depth(), 0);
}

/* The handler finds the IRQL of its __try: lowered and reported. */
static void seh_irql_restored_test(struct kunit *test)
{
	struct ntshim_violation_mark state = ntshim_mark(NTSHIM_V_SEH_UNWIND_STATE);
	KIRQL at_handler = HIGH_LEVEL, old;
	unsigned int pc = preempt_count();

	__try {
		KeRaiseIrql(DISPATCH_LEVEL, &old);
		ExRaiseStatus(STATUS_TIMEOUT);
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		at_handler = KeGetCurrentIrql();
	}
	KUNIT_EXPECT_EQ(test, at_handler, PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
	KUNIT_EXPECT_EQ(test, preempt_count(), pc);
	NTSHIM_EXPECT_VIOLATIONS(test, &state, 1);
}

/* Seed ProbeTest: ProbeForWrite(NULL, 100, 4) raises and is caught. */
static void seh_probe_raises_test(struct kunit *test)
{
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_PROBE_BAD_ARG);
	NTSTATUS code = 0, code2 = 0;

	__try {
		ProbeForWrite(NULL, 100, 4);
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		code = GetExceptionCode();
	}
	__try {
		ProbeForRead((PVOID)0x10001, 8, 4);
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		code2 = GetExceptionCode();
	}
	KUNIT_EXPECT_EQ(test, code, STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, code2, STATUS_DATATYPE_MISALIGNMENT);
	/* a caught bad user pointer is not driver misuse */
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 0);
}

/* MmProbeAndLockPages raises; the MDL stays unlocked. */
static void seh_mdl_raises_test(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 64, GFP_KERNEL);
	NTSTATUS code = 0;
	PMDL mdl;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	mdl = IoAllocateMdl(buf, 64, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	__try {
		/* a kernel buffer probed for UserMode: misuse, and a raise */
		MmProbeAndLockPages(mdl, UserMode, IoReadAccess);
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		code = GetExceptionCode();
	}
	KUNIT_EXPECT_EQ(test, code, STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_FALSE(test, mdl->MdlFlags & MDL_PAGES_LOCKED);
	IoFreeMdl(mdl);
}

/* Allocations that must raise on failure do. */
static void seh_pool_raises_test(struct kunit *test)
{
	NTSTATUS code = 0, code2 = 0;
	PVOID p = NULL, q = NULL;

	if (!ntshim_pool_fault_arm('RSxE', 1))
		kunit_skip(test, "kernel without CONFIG_FAULT_INJECTION");
	__try {
		p = ExAllocatePoolWithTag(NonPagedPool |
					  POOL_RAISE_IF_ALLOCATION_FAILURE,
					  32, 'RSxE');
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		code = GetExceptionCode();
	}
	ntshim_pool_fault_arm('RSxE', 1);
	__try {
		q = ExAllocatePool2(POOL_FLAG_NON_PAGED |
				    POOL_FLAG_RAISE_ON_FAILURE, 32, 'RSxE');
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		code2 = GetExceptionCode();
	}
	ntshim_pool_fault_arm(0, 0);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_NULL(test, q);
	KUNIT_EXPECT_EQ(test, code, STATUS_INSUFFICIENT_RESOURCES);
	KUNIT_EXPECT_EQ(test, code2, STATUS_INSUFFICIENT_RESOURCES);
	if (p)
		ExFreePool(p);
	if (q)
		ExFreePool(q);
}

struct raiser {
	struct completion done;
	NTSTATUS code;
	KIRQL irql;
	bool handled;
};

static int raiser_thread(void *arg)
{
	struct raiser *r = arg;

	ExRaiseStatus(STATUS_TIMEOUT);	/* no frame in this thread */
	complete(&r->done);
	return 0;
}

/* Another thread's raise never lands in this thread's handler. */
static void seh_per_thread_test(struct kunit *test)
{
	struct ntshim_violation_mark unhandled = ntshim_mark(NTSHIM_V_SEH_UNHANDLED);
	struct raiser r = { };
	bool here = false;
	struct task_struct *task;

	init_completion(&r.done);
	/* no KUNIT_ASSERT inside __try: a failed one exits the thread */
	task = kthread_run(raiser_thread, &r, "seh_raiser");
	KUNIT_ASSERT_FALSE(test, IS_ERR(task));
	__try {
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&r.done,
								  WAIT_BOUND), 0);
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		here = true;
	}
	KUNIT_EXPECT_FALSE(test, here);
	NTSHIM_EXPECT_VIOLATIONS(test, &unhandled, 1);
}

static VOID raiser_dpc(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
	struct raiser *r = Context;

	__try {
		r->irql = KeGetCurrentIrql();
		ExRaiseStatus(STATUS_TIMEOUT);
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		r->code = GetExceptionCode();
		r->handled = true;
	}
	complete(&r->done);
}

/* A DPC (softirq context) has its own frames and catches its raise. */
static void seh_in_dpc_test(struct kunit *test)
{
	struct raiser r = { };
	KDPC dpc;

	init_completion(&r.done);
	KeInitializeDpc(&dpc, raiser_dpc, &r);
	KUNIT_ASSERT_TRUE(test, KeInsertQueueDpc(&dpc, NULL, NULL));
	KUNIT_ASSERT_GT(test, wait_for_completion_timeout(&r.done, WAIT_BOUND),
			0);
	KeFlushQueuedDpcs();
	KUNIT_EXPECT_TRUE(test, r.handled);
	KUNIT_EXPECT_EQ(test, r.code, STATUS_TIMEOUT);
	KUNIT_EXPECT_EQ(test, r.irql, DISPATCH_LEVEL);
}

/* __leave outside a __try body is misuse: reported, ignored. */
static void seh_leave_misuse_test(struct kunit *test)
{
	struct ntshim_violation_mark misuse = ntshim_mark(NTSHIM_V_SEH_MISUSE);
	int after = 0;

	__try {
		after = 1;
	} __finally {
		__leave;
		after = 2;
	}
	KUNIT_EXPECT_EQ(test, after, 2);
	NTSHIM_EXPECT_VIOLATIONS(test, &misuse, 1);
}

static struct kunit_case seh_test_cases[] = {
	KUNIT_CASE(seh_normal_exit_test),
	KUNIT_CASE(seh_leave_test),
	KUNIT_CASE(seh_return_inside_try_test),
	KUNIT_CASE(seh_goto_out_test),
	KUNIT_CASE(seh_raise_direct_test),
	KUNIT_CASE(seh_raise_two_calls_deep_test),
	KUNIT_CASE(seh_locals_survive_test),
	KUNIT_CASE(seh_filter_order_test),
	KUNIT_CASE(seh_nested_in_finally_test),
	KUNIT_CASE(seh_exception_in_filter_test),
	KUNIT_CASE(seh_try_inside_filter_test),
	KUNIT_CASE(seh_reraise_test),
	KUNIT_CASE(seh_continue_execution_test),
	KUNIT_CASE(seh_unhandled_test),
	KUNIT_CASE(seh_irql_restored_test),
	KUNIT_CASE(seh_probe_raises_test),
	KUNIT_CASE(seh_mdl_raises_test),
	KUNIT_CASE(seh_pool_raises_test),
	KUNIT_CASE(seh_per_thread_test),
	KUNIT_CASE(seh_in_dpc_test),
	KUNIT_CASE(seh_leave_misuse_test),
	{}
};

static struct kunit_suite seh_test_suite = {
	.name = "ntshim_seh",
	.test_cases = seh_test_cases,
};

kunit_test_suite(seh_test_suite);
