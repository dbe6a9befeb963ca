/* SPDX-License-Identifier: GPL-2.0 */
/*
 * System time, tick counts, the performance counter and processor numbers.
 *
 * Windows counts system time in 100 ns units since 1601-01-01 UTC; Linux
 * counts CLOCK_REALTIME in nanoseconds since 1970-01-01 UTC.  The two
 * epochs are NTSHIM_EPOCH_DELTA 100 ns units apart.
 *
 *   KeQuerySystemTime(Precise)  ktime_get_real_ns() (coarse: ktime_get_coarse_real_ns())
 *   KeQueryInterruptTime        ktime_get_ns() in 100 ns units (CLOCK_MONOTONIC)
 *   KeQueryPerformanceCounter   ktime_get_ns() in 100 ns units, frequency 10 MHz
 *   KeQueryTickCount            jiffies since boot, KeQueryTimeIncrement() = 10^7 / HZ
 *   processor numbers           smp_processor_id(), one group (group 0)
 *
 * Everything here is callable at any IRQL, as on Windows.
 */
#ifndef _NTSHIM_TIME_H
#define _NTSHIM_TIME_H

#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/minmax.h>
#include <linux/smp.h>
#include <linux/timekeeping.h>
#include <ntshim/types.h>

/* 100 ns units from 1601-01-01 to 1970-01-01 (369 years, 89 leap days). */
#define NTSHIM_EPOCH_DELTA 116444736000000000LL

/* The performance counter ticks in 100 ns units, as on most Windows systems. */
#define NTSHIM_PERFORMANCE_FREQUENCY 10000000LL

/* KeStallExecutionProcessor() never busy-waits longer than this (1 s). */
#define NTSHIM_MAX_STALL_US 1000000UL

/* The processor affinity mask: one bit per processor of a group. */
typedef ULONG_PTR KAFFINITY, *PKAFFINITY;

/* Query all processor groups (KeQueryActiveProcessorCountEx()). */
#define ALL_PROCESSOR_GROUPS 0xffff

/**
 * struct _PROCESSOR_NUMBER - a processor named by group and number
 * @Group:    the processor group; always 0 on ntshim
 * @Number:   the processor within the group (the Linux CPU id)
 * @Reserved: zero
 */
typedef struct _PROCESSOR_NUMBER {
	USHORT Group;
	UCHAR Number;
	UCHAR Reserved;
} PROCESSOR_NUMBER, *PPROCESSOR_NUMBER;

/**
 * ntshim_unix_to_system_time() - nanoseconds since 1970 to DDK system time
 * @ns: CLOCK_REALTIME nanoseconds
 *
 * Return: 100 ns units since 1601-01-01 UTC.
 */
static inline LONGLONG ntshim_unix_to_system_time(s64 ns)
{
	return div_s64(ns, 100) + NTSHIM_EPOCH_DELTA;
}

/**
 * KeQuerySystemTime() - the current system time, at clock-tick precision
 * @CurrentTime: receives 100 ns units since 1601-01-01 UTC
 *
 * Like Windows, this reads the time of the last clock tick
 * (ktime_get_coarse_real_ts64()); use KeQuerySystemTimePrecise() for the
 * exact time.
 */
static inline void KeQuerySystemTime(PLARGE_INTEGER CurrentTime)
{
	struct timespec64 ts;

	ktime_get_coarse_real_ts64(&ts);
	CurrentTime->QuadPart = ntshim_unix_to_system_time(timespec64_to_ns(&ts));
}

/**
 * KeQuerySystemTimePrecise() - the current system time, precisely
 * @CurrentTime: receives 100 ns units since 1601-01-01 UTC
 *
 * ktime_get_real_ns() converted to the 1601 epoch.
 */
static inline void KeQuerySystemTimePrecise(PLARGE_INTEGER CurrentTime)
{
	CurrentTime->QuadPart = ntshim_unix_to_system_time(ktime_get_real_ns());
}

/**
 * KeQueryInterruptTime() - time since boot in 100 ns units
 *
 * CLOCK_MONOTONIC (ktime_get_ns()); like Windows' interrupt time it does
 * not follow changes of the wall clock.
 *
 * Return: 100 ns units since boot.
 */
static inline ULONGLONG KeQueryInterruptTime(void)
{
	return div_u64(ktime_get_ns(), 100);
}

/**
 * KeQueryPerformanceCounter() - a high-resolution monotonic counter
 * @PerformanceFrequency: if not NULL, receives the counter's frequency in
 *                        ticks per second (NTSHIM_PERFORMANCE_FREQUENCY)
 *
 * The counter is CLOCK_MONOTONIC in 100 ns units, so it never goes back
 * and agrees between processors.
 *
 * Return: the counter value.
 */
static inline LARGE_INTEGER KeQueryPerformanceCounter(PLARGE_INTEGER PerformanceFrequency)
{
	LARGE_INTEGER now;

	if (PerformanceFrequency)
		PerformanceFrequency->QuadPart = NTSHIM_PERFORMANCE_FREQUENCY;
	now.QuadPart = div_u64(ktime_get_ns(), 100);
	return now;
}

/**
 * KeQueryTickCount() - the number of clock ticks since boot
 * @TickCount: receives the count (jiffies since boot)
 *
 * Multiply by KeQueryTimeIncrement() for 100 ns units.
 */
static inline void KeQueryTickCount(PLARGE_INTEGER TickCount)
{
	TickCount->QuadPart = get_jiffies_64() - INITIAL_JIFFIES;
}

/**
 * KeQueryTimeIncrement() - the length of one clock tick
 *
 * Return: 100 ns units per tick (10^7 / HZ).
 */
static inline ULONG KeQueryTimeIncrement(void)
{
	return 10000000 / HZ;
}

/**
 * KeGetCurrentProcessorNumber() - the processor the caller runs on
 *
 * raw_smp_processor_id(): at PASSIVE_LEVEL the answer may be stale at once,
 * exactly as on Windows.
 *
 * Return: the Linux CPU id.
 */
static inline ULONG KeGetCurrentProcessorNumber(void)
{
	return raw_smp_processor_id();
}

/**
 * KeGetCurrentProcessorNumberEx() - the processor the caller runs on
 * @ProcNumber: if not NULL, receives group 0 and the CPU id
 *
 * Return: the processor index (the Linux CPU id).
 */
static inline ULONG KeGetCurrentProcessorNumberEx(PPROCESSOR_NUMBER ProcNumber)
{
	ULONG cpu = raw_smp_processor_id();

	if (ProcNumber) {
		ProcNumber->Group = 0;
		ProcNumber->Number = cpu;
		ProcNumber->Reserved = 0;
	}
	return cpu;
}

/**
 * KeQueryActiveProcessorCount() - how many processors are active
 * @ActiveProcessors: if not NULL, receives the mask of online CPUs among
 *                    the first BITS_PER_LONG (group 0)
 *
 * Return: num_online_cpus().
 */
static inline ULONG KeQueryActiveProcessorCount(PKAFFINITY ActiveProcessors)
{
	if (ActiveProcessors)
		*ActiveProcessors = cpumask_bits(cpu_online_mask)[0];
	return num_online_cpus();
}

/**
 * KeQueryActiveProcessorCountEx() - active processors in a group
 * @GroupNumber: 0 or ALL_PROCESSOR_GROUPS (ntshim has a single group)
 *
 * Return: num_online_cpus(), or 0 for any other group.
 */
static inline ULONG KeQueryActiveProcessorCountEx(USHORT GroupNumber)
{
	if (GroupNumber != 0 && GroupNumber != ALL_PROCESSOR_GROUPS)
		return 0;
	return num_online_cpus();
}

/**
 * KeStallExecutionProcessor() - busy-wait for a number of microseconds
 * @MicroSeconds: how long; Microsoft asks for at most 50
 *
 * udelay() in slices of at most 1 ms, so long stalls stay accurate;
 * stalls longer than NTSHIM_MAX_STALL_US are cut to it (a Windows driver
 * that stalls that long is broken anyway, and a longer stall would trip
 * the soft-lockup detector).  Any IRQL.
 */
static inline void KeStallExecutionProcessor(ULONG MicroSeconds)
{
	unsigned long left = min_t(unsigned long, MicroSeconds, NTSHIM_MAX_STALL_US);

	while (left) {
		unsigned long us = min_t(unsigned long, left, 1000);

		udelay(us);
		left -= us;
	}
}

#endif /* _NTSHIM_TIME_H */
