/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel timers (KTIMER) on hrtimers.
 *
 * Due times follow the DDK (100 ns units):
 *   negative  relative to now, on CLOCK_MONOTONIC (like Windows'
 *             interrupt time, wall-clock changes do not move it)
 *   positive  absolute system time since 1601-01-01 UTC, on
 *             CLOCK_REALTIME (follows wall-clock changes, as on Windows)
 *   zero      absolute 1601: already due, expires at once
 *
 * The hrtimer runs in softirq context (HRTIMER_MODE_*_SOFT).  On expiry
 * the timer becomes signalled and its DPC, if any, is queued with
 * KeInsertQueueDpc() on the expiring CPU, with the low and high 32 bits of
 * the expiry's system time as SystemArgument1 and 2.  A periodic timer is
 * re-armed Period milliseconds after its last due time (hrtimer_forward).
 *
 * A KTIMER is a dispatcher object (<ntshim/event.h>): threads can wait for
 * it with KeWaitForSingleObject()/KeWaitForMultipleObjects().  Expiry
 * signals it and wakes the waiters; a notification timer stays signalled
 * until set again, a synchronization timer is reset by the wait it
 * satisfies.
 *
 * Cancelling a timer that is not set just returns FALSE, as Microsoft
 * documents.  Using a timer KeInitializeTimer() never set up, a negative
 * period, re-initialising a set timer (it is cancelled first), and a timer
 * still set when the module that set it unloads or at ntshim's exit (it is
 * cancelled) are reported as TIMER_MISUSE.
 *
 * All timers share one raw spin lock; setting, cancelling and expiry are
 * short under it.
 */
#ifndef _NTSHIM_TIMER_H
#define _NTSHIM_TIMER_H

#include <linux/hrtimer.h>
#include <linux/list.h>
#include <ntshim/types.h>
#include <ntshim/dpc.h>
#include <ntshim/event.h>

/**
 * enum _TIMER_TYPE - what a wait on the timer does to its state
 * @NotificationTimer:    stays signalled until set again
 * @SynchronizationTimer: a satisfied wait resets it (auto-reset)
 */
typedef enum _TIMER_TYPE {
	NotificationTimer,
	SynchronizationTimer
} TIMER_TYPE;

/**
 * struct _KTIMER - a kernel timer
 * @Header:      the dispatcher header: Type is TimerNotificationObject or
 *               TimerSynchronizationObject, SignalState > 0 once expired
 * @Inserted:    TRUE while set (in the timer queue)
 * @DueTime:     the due time last given to KeSetTimerEx() (DDK units)
 * @Period:      the period in milliseconds, 0 for a one-shot timer
 * @Dpc:         the DPC queued at each expiry, or NULL
 * @Magic:       private: NTSHIM_TIMER_MAGIC once initialised
 * @Clock:       private: the hrtimer's current clock
 * @SetBy:       private: code address of the last KeSetTimerEx()
 * @ActiveEntry: private: link in ntshim's list of set timers
 * @Timer:       private: the hrtimer
 */
typedef struct _KTIMER {
	DISPATCHER_HEADER Header;
	BOOLEAN Inserted;
	ULARGE_INTEGER DueTime;
	LONG Period;
	PKDPC Dpc;
	u32 Magic;
	clockid_t Clock;
	unsigned long SetBy;
	struct list_head ActiveEntry;
	struct hrtimer Timer;
} KTIMER, *PKTIMER, *PRKTIMER;

#define NTSHIM_TIMER_MAGIC 0x6d69544bU	/* "KTim" */

/**
 * KeInitializeTimerEx() - initialise a timer of a given type
 * @Timer: the timer (resident memory)
 * @Type:  NotificationTimer or SynchronizationTimer
 *
 * The timer starts not signalled and not set.  Re-initialising a set
 * timer is reported (TIMER_MISUSE) and cancels it first.
 */
void KeInitializeTimerEx(PKTIMER Timer, TIMER_TYPE Type);

/**
 * KeInitializeTimer() - initialise a notification timer
 * @Timer: the timer
 */
static inline void KeInitializeTimer(PKTIMER Timer)
{
	KeInitializeTimerEx(Timer, NotificationTimer);
}

/**
 * KeSetTimerEx() - set a timer, optionally periodic, optionally with a DPC
 * @Timer:   an initialised timer
 * @DueTime: when it first expires (see the file comment)
 * @Period:  then every @Period milliseconds; 0 for once
 * @Dpc:     queued at each expiry, or NULL
 *
 * A timer that is already set is cancelled first; the timer becomes not
 * signalled.  IRQL <= DISPATCH_LEVEL.
 *
 * Return: TRUE if the timer was already set.
 */
BOOLEAN KeSetTimerEx(PKTIMER Timer, LARGE_INTEGER DueTime, LONG Period,
		     PKDPC Dpc);

/**
 * KeSetTimer() - set a one-shot timer
 * @Timer:   an initialised timer
 * @DueTime: when it expires
 * @Dpc:     queued at expiry, or NULL
 *
 * Return: TRUE if the timer was already set.
 */
BOOLEAN KeSetTimer(PKTIMER Timer, LARGE_INTEGER DueTime, PKDPC Dpc);

/**
 * KeCancelTimer() - take a timer out of the timer queue
 * @Timer: an initialised timer
 *
 * Waits for an expiry already in progress on another CPU to finish.  A
 * DPC the timer has already queued stays queued (KeRemoveQueueDpc() it).
 * The signal state is unchanged.  IRQL <= DISPATCH_LEVEL.
 *
 * Return: TRUE if the timer was set; FALSE if it was not (not an error).
 */
BOOLEAN KeCancelTimer(PKTIMER Timer);

/**
 * KeReadStateTimer() - whether a timer has expired
 * @Timer: an initialised timer
 *
 * Return: TRUE if signalled (expired since it was last set).
 */
BOOLEAN KeReadStateTimer(PKTIMER Timer);

#endif /* _NTSHIM_TIMER_H */
