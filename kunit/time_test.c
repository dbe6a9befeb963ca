// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's time and processor queries (suite ntshim_time).
 *
 * Each clock is compared with the Linux clock it is built on, read just
 * before and just after: the DDK value must lie between the two.
 */
#include <kunit/test.h>
#include <linux/bitops.h>
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/preempt.h>
#include <linux/timekeeping.h>
#include <ntshim/ntddk.h>

/* 1970-01-01 and 2000-01-01 00:00:00 UTC in 100 ns units since 1601. */
#define FILETIME_1970 116444736000000000LL
#define FILETIME_2000 125911584000000000LL
#define UNIX_2000_NS (946684800LL * NSEC_PER_SEC)

/* The epoch shift: 1970 and 2000 land on their Windows values. */
static void ntshim_unix_to_system_time_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ntshim_unix_to_system_time(0), FILETIME_1970);
	KUNIT_EXPECT_EQ(test, ntshim_unix_to_system_time(UNIX_2000_NS),
			FILETIME_2000);
	KUNIT_EXPECT_EQ(test, ntshim_unix_to_system_time(100), FILETIME_1970 + 1);
}

/* before <= KeQuerySystemTimePrecise <= after, on CLOCK_REALTIME. */
static void KeQuerySystemTimePrecise_test(struct kunit *test)
{
	LONGLONG before, after;
	LARGE_INTEGER now;

	before = ntshim_unix_to_system_time(ktime_get_real_ns());
	KeQuerySystemTimePrecise(&now);
	after = ntshim_unix_to_system_time(ktime_get_real_ns());
	KUNIT_EXPECT_GE(test, now.QuadPart, before);
	KUNIT_EXPECT_LE(test, now.QuadPart, after);
	KUNIT_EXPECT_GT(test, now.QuadPart, FILETIME_2000);
}

/* The tick-precision time lies between the coarse and the precise clock. */
static void KeQuerySystemTime_test(struct kunit *test)
{
	LONGLONG before, after;
	LARGE_INTEGER now;

	before = ntshim_unix_to_system_time(ktime_get_coarse_real_ns());
	KeQuerySystemTime(&now);
	after = ntshim_unix_to_system_time(ktime_get_real_ns());
	KUNIT_EXPECT_GE(test, now.QuadPart, before);
	KUNIT_EXPECT_LE(test, now.QuadPart, after);
}

/* Interrupt time is CLOCK_MONOTONIC in 100 ns units. */
static void KeQueryInterruptTime_test(struct kunit *test)
{
	u64 before, now, after;

	before = div_u64(ktime_get_ns(), 100);
	now = KeQueryInterruptTime();
	after = div_u64(ktime_get_ns(), 100);
	KUNIT_EXPECT_GE(test, now, before);
	KUNIT_EXPECT_LE(test, now, after);
}

/* 10 MHz, CLOCK_MONOTONIC in 100 ns units, never going back. */
static void KeQueryPerformanceCounter_test(struct kunit *test)
{
	LARGE_INTEGER freq = { .QuadPart = 0 }, prev, cur;
	u64 before, after;
	int i;

	before = div_u64(ktime_get_ns(), 100);
	prev = KeQueryPerformanceCounter(&freq);
	after = div_u64(ktime_get_ns(), 100);
	KUNIT_EXPECT_EQ(test, freq.QuadPart, 10000000LL);
	KUNIT_EXPECT_GE(test, (u64)prev.QuadPart, before);
	KUNIT_EXPECT_LE(test, (u64)prev.QuadPart, after);
	for (i = 0; i < 1000; i++) {
		cur = KeQueryPerformanceCounter(NULL);
		KUNIT_ASSERT_GE(test, cur.QuadPart, prev.QuadPart);
		prev = cur;
	}
}

/* Ticks are jiffies since boot; one tick is 10^7 / HZ units. */
static void KeQueryTickCount_test(struct kunit *test)
{
	LARGE_INTEGER ticks;
	u64 before, after;

	before = get_jiffies_64() - INITIAL_JIFFIES;
	KeQueryTickCount(&ticks);
	after = get_jiffies_64() - INITIAL_JIFFIES;
	KUNIT_EXPECT_GE(test, (u64)ticks.QuadPart, before);
	KUNIT_EXPECT_LE(test, (u64)ticks.QuadPart, after);
}

static void KeQueryTimeIncrement_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, KeQueryTimeIncrement() * HZ, 10000000UL);
}

/* Pinned to a CPU, both forms name it; the group is 0. */
static void KeGetCurrentProcessorNumberEx_test(struct kunit *test)
{
	PROCESSOR_NUMBER pn;
	ULONG n, ex, cpu;

	memset(&pn, 0xff, sizeof(pn));
	preempt_disable();
	cpu = smp_processor_id();
	n = KeGetCurrentProcessorNumber();
	ex = KeGetCurrentProcessorNumberEx(&pn);
	preempt_enable();
	KUNIT_EXPECT_EQ(test, n, cpu);
	KUNIT_EXPECT_EQ(test, ex, cpu);
	KUNIT_EXPECT_EQ(test, pn.Group, 0);
	KUNIT_EXPECT_EQ(test, pn.Number, cpu);
	KUNIT_EXPECT_EQ(test, pn.Reserved, 0);
}

/* The count is the online CPUs; the mask has that many bits (<= 64). */
static void KeQueryActiveProcessorCount_test(struct kunit *test)
{
	KAFFINITY mask = 0;
	ULONG count;

	count = KeQueryActiveProcessorCount(&mask);
	KUNIT_EXPECT_EQ(test, count, num_online_cpus());
	KUNIT_EXPECT_EQ(test, KeQueryActiveProcessorCount(NULL), count);
	if (nr_cpu_ids <= BITS_PER_LONG)
		KUNIT_EXPECT_EQ(test, (ULONG)hweight_long(mask), count);
	KUNIT_EXPECT_TRUE(test, mask & 1);
	KUNIT_EXPECT_EQ(test, KeQueryActiveProcessorCountEx(0), count);
	KUNIT_EXPECT_EQ(test, KeQueryActiveProcessorCountEx(ALL_PROCESSOR_GROUPS),
			count);
	KUNIT_EXPECT_EQ(test, KeQueryActiveProcessorCountEx(1), 0);
}

/* A stall busy-waits at least as long as asked (a lower bound only). */
static void KeStallExecutionProcessor_test(struct kunit *test)
{
	u64 start, elapsed;

	preempt_disable();
	start = ktime_get_ns();
	KeStallExecutionProcessor(20);
	elapsed = ktime_get_ns() - start;
	preempt_enable();
	/* udelay() may be a little short; half is a generous floor. */
	KUNIT_EXPECT_GE(test, elapsed, 10 * NSEC_PER_USEC);
	KeStallExecutionProcessor(0);
}

static struct kunit_case time_test_cases[] = {
	KUNIT_CASE(ntshim_unix_to_system_time_test),
	KUNIT_CASE(KeQuerySystemTimePrecise_test),
	KUNIT_CASE(KeQuerySystemTime_test),
	KUNIT_CASE(KeQueryInterruptTime_test),
	KUNIT_CASE(KeQueryPerformanceCounter_test),
	KUNIT_CASE(KeQueryTickCount_test),
	KUNIT_CASE(KeQueryTimeIncrement_test),
	KUNIT_CASE(KeGetCurrentProcessorNumberEx_test),
	KUNIT_CASE(KeQueryActiveProcessorCount_test),
	KUNIT_CASE(KeStallExecutionProcessor_test),
	{}
};

static struct kunit_suite time_test_suite = {
	.name = "ntshim_time",
	.test_cases = time_test_cases,
};

kunit_test_suite(time_test_suite);
