// SPDX-License-Identifier: GPL-2.0
/*
 * Events: KeInitializeEvent, KeSetEvent, KePulseEvent.  Waiting on them is
 * the dispatcher's (dispatcher.c).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/spinlock.h>
#include <ntshim/event.h>

#include "dispatcher.h"

void KeInitializeEvent(PRKEVENT Event, EVENT_TYPE Type, BOOLEAN State)
{
	ntshim_dispatcher_init(&Event->Header,
			       Type == NotificationEvent ? EventNotificationObject :
							   EventSynchronizationObject,
			       State ? 1 : 0);
	Event->Header.Size = sizeof(KEVENT) / sizeof(LONG);
}
EXPORT_SYMBOL_GPL(KeInitializeEvent);

LONG KeSetEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait)
{
	if (!ntshim_event_ok(Event, __func__, _RET_IP_))
		return 0;
	/* A signalled notification event has nobody to wake. */
	if (Event->Header.Type == EventNotificationObject &&
	    READ_ONCE(Event->Header.SignalState))
		return 1;
	return ntshim_dispatcher_signal(&Event->Header, 1);
}
EXPORT_SYMBOL_GPL(KeSetEvent);

LONG KePulseEvent(PRKEVENT Event, KPRIORITY Increment, BOOLEAN Wait)
{
	unsigned long flags;
	LONG old;

	if (!ntshim_event_ok(Event, __func__, _RET_IP_))
		return 0;
	raw_spin_lock_irqsave(&ntshim_dispatcher_lock, flags);
	old = Event->Header.SignalState;
	WRITE_ONCE(Event->Header.SignalState, 1);
	ntshim_dispatcher_wait_test(&Event->Header);
	WRITE_ONCE(Event->Header.SignalState, 0);
	raw_spin_unlock_irqrestore(&ntshim_dispatcher_lock, flags);
	return old;
}
EXPORT_SYMBOL_GPL(KePulseEvent);
