/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The dispatcher's private interface to the objects' own files (event.c,
 * mutex.c): the lock that guards every signal state and wait list, and
 * the call that satisfies the waits an object's new state allows.
 */
#ifndef _NTSHIM_DISPATCHER_H
#define _NTSHIM_DISPATCHER_H

#include <linux/spinlock.h>
#include <ntshim/event.h>

#include "test_exports.h"

extern raw_spinlock_t ntshim_dispatcher_lock;

/* @h may have become signalled: wake whom it can.  Lock held. */
void ntshim_dispatcher_wait_test(PDISPATCHER_HEADER h);

#endif /* _NTSHIM_DISPATCHER_H */
