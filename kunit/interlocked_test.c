// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's Interlocked* calls: the documented return value
 * of each (new value vs old value), the stored result, and wrap-around.
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/sched/task.h>
#include <ntshim/ntddk.h>

static void InterlockedIncrement_test(struct kunit *test)
{
	LONG v = 41;

	/* returns the NEW value */
	KUNIT_EXPECT_EQ(test, InterlockedIncrement(&v), 42);
	KUNIT_EXPECT_EQ(test, v, 42);

	/* MAXLONG -> MINLONG, as on Windows */
	v = MAXLONG;
	KUNIT_EXPECT_EQ(test, InterlockedIncrement(&v), (LONG)MINLONG);
	KUNIT_EXPECT_EQ(test, v, (LONG)MINLONG);
}

static void InterlockedDecrement_test(struct kunit *test)
{
	LONG v = 1;

	KUNIT_EXPECT_EQ(test, InterlockedDecrement(&v), 0);
	KUNIT_EXPECT_EQ(test, InterlockedDecrement(&v), -1);
	v = MINLONG;
	KUNIT_EXPECT_EQ(test, InterlockedDecrement(&v), (LONG)MAXLONG);
}

static void InterlockedExchange_test(struct kunit *test)
{
	LONG v = 7;

	/* returns the OLD value */
	KUNIT_EXPECT_EQ(test, InterlockedExchange(&v, -3), 7);
	KUNIT_EXPECT_EQ(test, v, -3);
}

static void InterlockedExchangeAdd_test(struct kunit *test)
{
	LONG v = 10;

	/* ExchangeAdd returns OLD, Add returns NEW */
	KUNIT_EXPECT_EQ(test, InterlockedExchangeAdd(&v, 5), 10);
	KUNIT_EXPECT_EQ(test, v, 15);
	KUNIT_EXPECT_EQ(test, InterlockedAdd(&v, -20), -5);
	KUNIT_EXPECT_EQ(test, v, -5);

	v = MAXLONG;
	KUNIT_EXPECT_EQ(test, InterlockedExchangeAdd(&v, 2), (LONG)MAXLONG);
	KUNIT_EXPECT_EQ(test, v, (LONG)MINLONG + 1);
}

static void InterlockedCompareExchange_test(struct kunit *test)
{
	LONG v = 5;

	/* match: stores, returns OLD */
	KUNIT_EXPECT_EQ(test, InterlockedCompareExchange(&v, 9, 5), 5);
	KUNIT_EXPECT_EQ(test, v, 9);
	/* no match: returns current, stores nothing */
	KUNIT_EXPECT_EQ(test, InterlockedCompareExchange(&v, 1, 5), 9);
	KUNIT_EXPECT_EQ(test, v, 9);
}

static void InterlockedAndOrXor_test(struct kunit *test)
{
	LONG v = 0x0f0f;

	/* all return the OLD value */
	KUNIT_EXPECT_EQ(test, InterlockedAnd(&v, 0x00ff), 0x0f0f);
	KUNIT_EXPECT_EQ(test, v, 0x000f);
	KUNIT_EXPECT_EQ(test, InterlockedOr(&v, 0x0100), 0x000f);
	KUNIT_EXPECT_EQ(test, v, 0x010f);
	KUNIT_EXPECT_EQ(test, InterlockedXor(&v, 0x0101), 0x010f);
	KUNIT_EXPECT_EQ(test, v, 0x000e);

	/* the sign bit is an ordinary bit */
	v = 0;
	KUNIT_EXPECT_EQ(test, InterlockedOr(&v, MINLONG), 0);
	KUNIT_EXPECT_EQ(test, v, (LONG)MINLONG);
}

static void InterlockedBitTestAndSet_test(struct kunit *test)
{
	LONG bits[2] = { 0, 0 };

	KUNIT_EXPECT_EQ(test, InterlockedBitTestAndSet(bits, 3), 0);
	KUNIT_EXPECT_EQ(test, InterlockedBitTestAndSet(bits, 3), 1);
	KUNIT_EXPECT_EQ(test, bits[0], 8);
	/* offsets past 31 address the next LONG */
	KUNIT_EXPECT_EQ(test, InterlockedBitTestAndSet(bits, 33), 0);
	KUNIT_EXPECT_EQ(test, bits[1], 2);
	KUNIT_EXPECT_EQ(test, InterlockedBitTestAndReset(bits, 3), 1);
	KUNIT_EXPECT_EQ(test, InterlockedBitTestAndReset(bits, 3), 0);
	KUNIT_EXPECT_EQ(test, bits[0], 0);
}

static void Interlocked64_test(struct kunit *test)
{
	LONG64 v = 0x7fffffffLL;

	/* crosses 32 bits without wrapping */
	KUNIT_EXPECT_EQ(test, InterlockedIncrement64(&v), 0x80000000LL);
	KUNIT_EXPECT_EQ(test, InterlockedDecrement64(&v), 0x7fffffffLL);
	KUNIT_EXPECT_EQ(test, InterlockedExchangeAdd64(&v, 1), 0x7fffffffLL);
	KUNIT_EXPECT_EQ(test, InterlockedAdd64(&v, 1), 0x80000001LL);
	KUNIT_EXPECT_EQ(test, InterlockedExchange64(&v, -1), 0x80000001LL);
	KUNIT_EXPECT_EQ(test, InterlockedCompareExchange64(&v, 4, -1), -1LL);
	KUNIT_EXPECT_EQ(test, v, 4LL);
	KUNIT_EXPECT_EQ(test, InterlockedCompareExchange64(&v, 8, -1), 4LL);
	KUNIT_EXPECT_EQ(test, InterlockedAnd64(&v, 6), 4LL);
	KUNIT_EXPECT_EQ(test, InterlockedOr64(&v, 1LL << 40), 4LL);
	KUNIT_EXPECT_EQ(test, InterlockedXor64(&v, 4), (1LL << 40) | 4);
	KUNIT_EXPECT_EQ(test, v, 1LL << 40);

	v = MAXLONGLONG;
	KUNIT_EXPECT_EQ(test, InterlockedIncrement64(&v), (LONG64)(-MAXLONGLONG - 1));
}

static void Interlocked16and8_test(struct kunit *test)
{
	SHORT s = 0x7fff;
	CHAR c = 0x0f;

	KUNIT_EXPECT_EQ(test, InterlockedIncrement16(&s), (SHORT)-0x8000);
	KUNIT_EXPECT_EQ(test, InterlockedDecrement16(&s), (SHORT)0x7fff);
	KUNIT_EXPECT_EQ(test, InterlockedCompareExchange16(&s, 1, 0x7fff), (SHORT)0x7fff);
	KUNIT_EXPECT_EQ(test, InterlockedExchange16(&s, 2), (SHORT)1);
	KUNIT_EXPECT_EQ(test, s, (SHORT)2);

	KUNIT_EXPECT_EQ(test, InterlockedAnd8(&c, 0x3c), (CHAR)0x0f);
	KUNIT_EXPECT_EQ(test, InterlockedOr8(&c, 0x40), (CHAR)0x0c);
	KUNIT_EXPECT_EQ(test, InterlockedXor8(&c, 0x4c), (CHAR)0x4c);
	KUNIT_EXPECT_EQ(test, InterlockedExchange8(&c, 0x11), (CHAR)0);
	KUNIT_EXPECT_EQ(test, c, (CHAR)0x11);
}

static void InterlockedPointer_test(struct kunit *test)
{
	int a, b;
	PVOID p = &a;
	SIZE_T n = 0;

	KUNIT_EXPECT_PTR_EQ(test, InterlockedExchangePointer(&p, &b), (PVOID)&a);
	KUNIT_EXPECT_PTR_EQ(test, p, (PVOID)&b);
	/* no match: returns current pointer, p unchanged */
	KUNIT_EXPECT_PTR_EQ(test, InterlockedCompareExchangePointer(&p, NULL, &a),
			    (PVOID)&b);
	KUNIT_EXPECT_PTR_EQ(test, InterlockedCompareExchangePointer(&p, NULL, &b),
			    (PVOID)&b);
	KUNIT_EXPECT_NULL(test, p);

	KUNIT_EXPECT_EQ(test, InterlockedIncrementSizeT(&n), 1UL);
	KUNIT_EXPECT_EQ(test, InterlockedExchangeAddSizeT(&n, 4), 1UL);
	KUNIT_EXPECT_EQ(test, InterlockedDecrementSizeT(&n), 4UL);
}

static void ExInterlockedAdd_test(struct kunit *test)
{
	KSPIN_LOCK lock;
	ULONG u = MAXULONG;
	LARGE_INTEGER li = { .QuadPart = 0xffffffffLL }, inc = { .QuadPart = 1 }, old;

	KeInitializeSpinLock(&lock);
	/* returns the OLD value; ULONG wraps */
	KUNIT_EXPECT_EQ(test, ExInterlockedAddUlong(&u, 2, &lock), (ULONG)MAXULONG);
	KUNIT_EXPECT_EQ(test, u, 1U);

	old = ExInterlockedAddLargeInteger(&li, inc, &lock);
	KUNIT_EXPECT_EQ(test, old.QuadPart, 0xffffffffLL);
	/* the carry reaches HighPart */
	KUNIT_EXPECT_EQ(test, li.HighPart, 1);
	KUNIT_EXPECT_EQ(test, li.LowPart, 0U);

	ExInterlockedAddLargeStatistic(&li, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, li.QuadPart, 0x1ffffffffLL);
}

static void ReadWriteNoFence_test(struct kunit *test)
{
	LONG v = 0;
	LONG64 v64 = 0;
	PVOID p = NULL;

	WriteNoFence(&v, 3);
	KUNIT_EXPECT_EQ(test, ReadNoFence(&v), 3);
	WriteRelease(&v, 4);
	KUNIT_EXPECT_EQ(test, ReadAcquire(&v), 4);
	WriteNoFence64(&v64, 1LL << 50);
	KUNIT_EXPECT_EQ(test, ReadNoFence64(&v64), 1LL << 50);
	WritePointerNoFence(&p, &v);
	KUNIT_EXPECT_PTR_EQ(test, ReadPointerNoFence(&p), (PVOID)&v);
	WritePointerRelease(&p, NULL);
	KUNIT_EXPECT_NULL(test, ReadPointerAcquire(&p));
	KeMemoryBarrier();
}

struct inc_ctx {
	LONG counter;
	struct completion done;
};

#define INC_LOOPS 20000

static int inc_thread(void *data)
{
	struct inc_ctx *ctx = data;
	int i;

	for (i = 0; i < INC_LOOPS; i++)
		InterlockedIncrement(&ctx->counter);
	complete(&ctx->done);
	return 0;
}

/* Two CPUs incrementing the same LONG lose no update. */
static void InterlockedIncrement_smp_test(struct kunit *test)
{
	struct task_struct *t[2];
	struct inc_ctx *ctx;
	int i;

	ctx = kunit_kzalloc(test, sizeof(*ctx), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ctx);
	init_completion(&ctx->done);
	for (i = 0; i < 2; i++) {
		t[i] = kthread_create(inc_thread, ctx, "ntshim_inc/%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t[i]));
		if (num_online_cpus() > 1)
			kthread_bind(t[i], i);
	}
	get_task_struct(t[0]);
	get_task_struct(t[1]);
	wake_up_process(t[0]);
	wake_up_process(t[1]);
	wait_for_completion(&ctx->done);
	wait_for_completion(&ctx->done);
	kthread_stop(t[0]);
	kthread_stop(t[1]);
	put_task_struct(t[0]);
	put_task_struct(t[1]);
	KUNIT_EXPECT_EQ(test, ctx->counter, 2 * INC_LOOPS);
}

static struct kunit_case ntshim_interlocked_cases[] = {
	KUNIT_CASE(InterlockedIncrement_test),
	KUNIT_CASE(InterlockedDecrement_test),
	KUNIT_CASE(InterlockedExchange_test),
	KUNIT_CASE(InterlockedExchangeAdd_test),
	KUNIT_CASE(InterlockedCompareExchange_test),
	KUNIT_CASE(InterlockedAndOrXor_test),
	KUNIT_CASE(InterlockedBitTestAndSet_test),
	KUNIT_CASE(Interlocked64_test),
	KUNIT_CASE(Interlocked16and8_test),
	KUNIT_CASE(InterlockedPointer_test),
	KUNIT_CASE(ExInterlockedAdd_test),
	KUNIT_CASE(ReadWriteNoFence_test),
	KUNIT_CASE(InterlockedIncrement_smp_test),
	{}
};

static struct kunit_suite ntshim_interlocked_suite = {
	.name = "ntshim_interlocked",
	.test_cases = ntshim_interlocked_cases,
};

kunit_test_suite(ntshim_interlocked_suite);
