/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Dispatcher objects, KEVENT and the waits: KeWaitForSingleObject(),
 * KeWaitForMultipleObjects(), KeDelayExecutionThread().
 *
 * Every waitable object starts with a DISPATCHER_HEADER: its type, its
 * signal state and the wait blocks of the threads waiting on it.  As in
 * the Windows kernel, one dispatcher lock (a raw spin lock inside
 * shim/event.c) guards every signal state change and every wait list, so
 * WaitAll and WaitAny over several objects are decided atomically.  A
 * waiting thread sleeps in TASK_IDLE (uninterruptible, but neither counted
 * in the load average nor reported by the hung-task detector: DDK system
 * threads commonly wait forever for work), or in TASK_INTERRUPTIBLE when
 * Alertable; whoever signals an object satisfies the waits it can and
 * wakes those threads with wake_up_process(), consuming the signal for
 * synchronization objects on the waiter's behalf.
 *
 * Timeouts (PLARGE_INTEGER, 100 ns units), as the DDK defines them:
 *   NULL        wait forever
 *   negative    relative to now (CLOCK_MONOTONIC, like Windows' interrupt
 *               time, so wall-clock changes do not move it)
 *   positive    absolute system time, 100 ns since 1601-01-01 UTC
 *               (CLOCK_REALTIME, follows wall-clock changes as on Windows)
 *   zero        test the objects and return at once
 *
 * IRQL: waits with a timeout other than zero need IRQL <= APC_LEVEL; at
 * DISPATCH_LEVEL only zero-timeout polls are allowed, and nothing above
 * DISPATCH_LEVEL.  Where Windows would bugcheck, ntshim reports
 * SYNC_BAD_IRQL and returns STATUS_UNSUCCESSFUL without sleeping or
 * touching the objects.
 *
 * Events have no owner, so lockdep cannot track them (as with Linux
 * completions); the dispatcher lock itself is lockdep-checked and
 * might_sleep() guards every sleeping wait.
 *
 * Another area makes a new object waitable by embedding a
 * DISPATCHER_HEADER, initialising it with ntshim_dispatcher_init() and
 * signalling it with ntshim_dispatcher_signal() (see KTIMER).
 */
#ifndef _NTSHIM_EVENT_H
#define _NTSHIM_EVENT_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/list.h>
#include <ntshim/types.h>
#include <ntshim/status.h>
#include <ntshim/list.h>

/* Objects per wait without a caller-supplied wait block array. */
#define THREAD_WAIT_OBJECTS 3
/* Most objects one KeWaitForMultipleObjects() call can take. */
#define MAXIMUM_WAIT_OBJECTS 64

/* Priority boosts: accepted and ignored (the Linux scheduler decides). */
#define IO_NO_INCREMENT 0
#define EVENT_INCREMENT 1
#define SEMAPHORE_INCREMENT 1
#define MUTANT_INCREMENT 1

/* Object types, with Windows' KOBJECTS numbers. */
typedef enum _KOBJECTS {
	EventNotificationObject = 0,
	EventSynchronizationObject = 1,
	MutantObject = 2,
	ProcessObject = 3,
	QueueObject = 4,
	SemaphoreObject = 5,
	ThreadObject = 6,
	GateObject = 7,
	TimerNotificationObject = 8,
	TimerSynchronizationObject = 9,
	MaximumKernelObject = 25
} KOBJECTS;

typedef enum _EVENT_TYPE {
	NotificationEvent,
	SynchronizationEvent
} EVENT_TYPE;

typedef enum _WAIT_TYPE {
	WaitAll,
	WaitAny,
	WaitNotification,
	WaitDequeue
} WAIT_TYPE;

/* Why a thread waits: documentation only on Linux. */
typedef enum _KWAIT_REASON {
	Executive = 0,
	FreePage,
	PageIn,
	PoolAllocation,
	DelayExecution,
	Suspended,
	UserRequest,
	WrExecutive,
	WrFreePage,
	WrPageIn,
	WrPoolAllocation,
	WrDelayExecution,
	WrSuspended,
	WrUserRequest,
	MaximumWaitReason = 37
} KWAIT_REASON;

/**
 * struct _DISPATCHER_HEADER - the start of every waitable object
 * @Type:         a KOBJECTS value; decides what satisfying a wait does
 * @Signalling:   wdm.h's byte; not used by ntshim (always 0)
 * @Size:         the object's size in LONGs, as Windows sets it, for
 *                events, semaphores and kernel mutexes; 0 for timers
 * @Inserted:     wdm.h's byte; not used by ntshim (KTIMER keeps its own
 *                Inserted flag), always 0
 * @SignalState:  > 0 signalled; for a mutex 1 - recursion depth; for a
 *                semaphore its count
 * @WaitListHead: wdm.h's LIST_ENTRY of the KWAIT_BLOCKs of the threads
 *                waiting on the object (Flink/Blink; empty when it
 *                points at itself).  Read it only under ntshim's
 *                dispatcher lock, which drivers cannot take: an unlocked
 *                IsListEmpty() is a hint, as on Windows
 * @WaitList:     the same links as a struct list_head, for ntshim
 *
 * The offsets of Type, SignalState and WaitListHead (0, 4, 8) and the size
 * (24 bytes) are those of Windows x64.  Change @SignalState to signalled
 * only through the ntshim functions, so that waiters are woken; reading it
 * with READ_ONCE() is fine.
 */
typedef struct _DISPATCHER_HEADER {
	UCHAR Type;
	UCHAR Signalling;
	UCHAR Size;
	UCHAR Inserted;
	LONG SignalState;
	union {
		LIST_ENTRY WaitListHead;
		struct list_head WaitList;
	};
} DISPATCHER_HEADER, *PDISPATCHER_HEADER;

static_assert(offsetof(DISPATCHER_HEADER, SignalState) == 4);
static_assert(offsetof(DISPATCHER_HEADER, WaitListHead) == 8);
static_assert(sizeof(DISPATCHER_HEADER) == 24);

struct ntshim_waiter;

/**
 * struct _KWAIT_BLOCK - one thread waiting on one object
 * @WaitListEntry: link in the object's DISPATCHER_HEADER.WaitList
 * @Waiter:        the wait it belongs to (private)
 * @Object:        the object waited on
 * @WaitKey:       the object's index in the wait (STATUS_WAIT_0 + key)
 * @BlockState:    private: nonzero when satisfying this block took a
 *                 free mutex (lockdep is told in the waiter's context)
 *
 * Callers waiting on more than THREAD_WAIT_OBJECTS objects pass an array
 * of these, as on Windows; ntshim only needs it during the call.
 */
typedef struct _KWAIT_BLOCK {
	struct list_head WaitListEntry;
	struct ntshim_waiter *Waiter;
	PDISPATCHER_HEADER Object;
	USHORT WaitKey;
	UCHAR BlockState;
} KWAIT_BLOCK, *PKWAIT_BLOCK;

/**
 * struct _KEVENT - an event object
 * @Header: the dispatcher header (Type is the event type)
 */
typedef struct _KEVENT {
	DISPATCHER_HEADER Header;
} KEVENT, *PKEVENT, *PRKEVENT;

static_assert(sizeof(KEVENT) == 24);

/**
 * ntshim_dispatcher_init() - initialise the header of a waitable object
 * @Header: the header
 * @Type:   a KOBJECTS value
 * @State:  the initial signal state
 *
 * For ntshim areas that add dispatcher objects (timers).
 */
void ntshim_dispatcher_init(PDISPATCHER_HEADER Header, KOBJECTS Type, LONG State);

/**
 * ntshim_dispatcher_signal() - set an object's signal state and wake waiters
 * @Header: the object
 * @State:  the new signal state (> 0 signals)
 *
 * Satisfies every wait that the new state allows, consuming the signal of
 * synchronization objects as it goes.  Any context, including hard
 * interrupts (the dispatcher lock is taken with interrupts disabled).
 *
 * Return: the previous signal state.
 */
LONG ntshim_dispatcher_signal(PDISPATCHER_HEADER Header, LONG State);

/**
 * ntshim_dispatcher_bad_object() - report an object that was never set up
 * @object: the object (may be NULL)
 * @what:   the API called
 * @caller: the caller's code address
 *
 * Reports SYNC_BAD_OBJECT.  For the checks below.
 */
void ntshim_dispatcher_bad_object(const void *object, const char *what,
				  unsigned long caller);

/**
 * ntshim_dispatcher_ok() - is @object an initialised dispatcher object?
 * @object: a KEVENT, KMUTEX, ... (the DISPATCHER_HEADER comes first)
 * @lo:     lowest KOBJECTS type the caller accepts
 * @hi:     highest KOBJECTS type the caller accepts
 *
 * Every dispatcher entry point checks this first, in every build: a
 * zeroed (never initialised) object has no wait list, and a wrong object
 * has the wrong type.  Windows would bugcheck or corrupt memory; ntshim
 * reports SYNC_BAD_OBJECT and refuses the call (it returns 0).
 *
 * Return: true if the call may go on.
 */
static __always_inline bool ntshim_dispatcher_ok(const void *object, UCHAR lo,
						 UCHAR hi)
{
	const DISPATCHER_HEADER *h = object;

	return likely(h && READ_ONCE(h->WaitListHead.Flink) &&
		      h->Type >= lo && h->Type <= hi);
}

/* The event calls' check, reporting a bad object for @what. */
static __always_inline bool ntshim_event_ok(const void *Event, const char *what,
					    unsigned long caller)
{
	if (ntshim_dispatcher_ok(Event, EventNotificationObject,
				 EventSynchronizationObject))
		return true;
	ntshim_dispatcher_bad_object(Event, what, caller);
	return false;
}

/**
 * KeInitializeEvent() - initialise an event
 * @Event: the event (resident memory)
 * @Type:  NotificationEvent (stays signalled, wakes every waiter) or
 *         SynchronizationEvent (wakes one waiter and resets itself)
 * @State: TRUE to start signalled
 */
void KeInitializeEvent(PRKEVENT Event, EVENT_TYPE Type, BOOLEAN State);

/**
 * KeSetEvent() - signal an event
 * @Event:     the event
 * @Increment: priority boost for woken threads (ignored)
 * @Wait:      TRUE if a KeWait* call follows at once (ignored: Windows
 *             uses it to keep the dispatcher lock, ntshim needs no such
 *             hand-over)
 *
 * A notification event wakes every waiter and stays signalled; a
 * synchronization event wakes one waiter and stays unsignalled, or stays
 * signalled until the next waiter if none waits.  IRQL <= DISPATCH_LEVEL.
 *
 * Return: the previous state (0 not signalled, nonzero signalled).
 */
LONG KeSetEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait);

/**
 * KePulseEvent() - signal an event, satisfy waiters, and reset it
 * @Event:     the event
 * @Increment: priority boost (ignored)
 * @Wait:      as for KeSetEvent() (ignored)
 *
 * Return: the previous state.
 */
LONG KePulseEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait);

/**
 * KeResetEvent() - set an event to not signalled
 * @Event: the event
 *
 * Return: the previous state.
 */
static inline LONG KeResetEvent(PRKEVENT Event)
{
	if (!ntshim_event_ok(Event, "KeResetEvent", _THIS_IP_))
		return 0;
	return xchg(&Event->Header.SignalState, 0);
}

/**
 * KeClearEvent() - set an event to not signalled, without returning the old state
 * @Event: the event
 */
static inline void KeClearEvent(PRKEVENT Event)
{
	if (!ntshim_event_ok(Event, "KeClearEvent", _THIS_IP_))
		return;
	WRITE_ONCE(Event->Header.SignalState, 0);
}

/**
 * KeReadStateEvent() - the current state of an event
 * @Event: the event
 *
 * Return: nonzero if signalled, 0 if not.
 */
static inline LONG KeReadStateEvent(PRKEVENT Event)
{
	if (!ntshim_event_ok(Event, "KeReadStateEvent", _THIS_IP_))
		return 0;
	return READ_ONCE(Event->Header.SignalState);
}

/**
 * KeWaitForSingleObject() - wait until an object is signalled
 * @Object:     a KEVENT, KMUTEX or other dispatcher object
 * @WaitReason: why (ignored)
 * @WaitMode:   KernelMode or UserMode (only chooses STATUS_USER_APC over
 *              STATUS_ALERTED for an interrupted alertable wait)
 * @Alertable:  TRUE: a pending Linux signal ends the wait
 * @Timeout:    see the timeout table at the top of this header
 *
 * Satisfying the wait resets a synchronization event and takes ownership
 * of a mutex.
 *
 * Return: STATUS_SUCCESS; STATUS_TIMEOUT; STATUS_ALERTED or
 * STATUS_USER_APC (alertable, signal pending); STATUS_UNSUCCESSFUL on
 * misuse (bad IRQL or object, reported).
 */
NTSTATUS KeWaitForSingleObject(PVOID Object, KWAIT_REASON WaitReason,
			       KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
			       PLARGE_INTEGER Timeout);

/**
 * KeWaitForMultipleObjects() - wait for any or all of several objects
 * @Count:          number of objects, 1..MAXIMUM_WAIT_OBJECTS
 * @Object:         the objects
 * @WaitType:       WaitAny or WaitAll
 * @WaitReason:     why (ignored)
 * @WaitMode:       as for KeWaitForSingleObject()
 * @Alertable:      as for KeWaitForSingleObject()
 * @Timeout:        as for KeWaitForSingleObject()
 * @WaitBlockArray: @Count wait blocks; may be NULL if @Count <=
 *                  THREAD_WAIT_OBJECTS
 *
 * WaitAny is satisfied by the lowest-indexed signalled object; WaitAll
 * only when every object is signalled at once, and then consumes all of
 * them together.
 *
 * Return: STATUS_WAIT_0 + index for WaitAny; STATUS_SUCCESS for WaitAll;
 * otherwise as KeWaitForSingleObject().  Too many objects, a missing
 * @WaitBlockArray or a NULL object is reported and returns
 * STATUS_INVALID_PARAMETER.
 */
NTSTATUS KeWaitForMultipleObjects(ULONG Count, PVOID Object[], WAIT_TYPE WaitType,
				  KWAIT_REASON WaitReason, KPROCESSOR_MODE WaitMode,
				  BOOLEAN Alertable, PLARGE_INTEGER Timeout,
				  PKWAIT_BLOCK WaitBlockArray);

/**
 * KeDelayExecutionThread() - sleep for an interval
 * @WaitMode:  as for KeWaitForSingleObject()
 * @Alertable: TRUE: a pending Linux signal ends the sleep early
 * @Interval:  relative (negative) or absolute (positive) time, 100 ns
 *             units; zero only offers the CPU to other ready threads
 *             (cond_resched())
 *
 * IRQL <= APC_LEVEL; above that it is reported and refused.
 *
 * Return: STATUS_SUCCESS when the interval has passed; STATUS_ALERTED or
 * STATUS_USER_APC when interrupted; STATUS_UNSUCCESSFUL on misuse.
 */
NTSTATUS KeDelayExecutionThread(KPROCESSOR_MODE WaitMode, BOOLEAN Alertable,
				PLARGE_INTEGER Interval);

#endif /* _NTSHIM_EVENT_H */
