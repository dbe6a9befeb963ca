/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntshim: the Windows DDK on Linux.  Include this (or <ntshim/wdm.h>) from
 * driver code written against the DDK; it pulls in every ntshim header.
 *
 * Client modules build with -I<ntshim>/shim/include and -Wno-multichar
 * (shim/ntshim.mk sets both) and link against ntshim.ko through
 * KBUILD_EXTRA_SYMBOLS=<ntshim>/Module.symvers.
 */
#ifndef _NTSHIM_NTDDK_H
#define _NTSHIM_NTDDK_H

#include <ntshim/types.h>
#include <ntshim/status.h>
#include <ntshim/tag.h>
#include <ntshim/violation.h>
#include <ntshim/irql.h>
#include <ntshim/spinlock.h>

/* structured exception handling */
#include <ntshim/seh.h>

/* pool */
#include <ntshim/pool.h>

/* lists */
#include <ntshim/list.h>
#include <ntshim/slist.h>

/* lookaside */
#include <ntshim/lookaside.h>

/* runtime basics: Rtl memory and strings */
#include <ntshim/rtl.h>
#include <ntshim/unicode.h>
#include <ntshim/routine.h>

/* Mm and MDLs */
#include <ntshim/mm.h>
#include <ntshim/mdl.h>
#include <ntshim/probe.h>

/* interlocked, events, mutexes, resources */
#include <ntshim/interlocked.h>
#include <ntshim/event.h>
#include <ntshim/apc.h>
#include <ntshim/mutex.h>
#include <ntshim/semaphore.h>
#include <ntshim/pushlock.h>
#include <ntshim/resource.h>

/* processes and system threads */
#include <ntshim/process.h>

/* HAL: bus addresses, PCI configuration space */
#include <ntshim/hal.h>

/* DPCs, timers, work items, time */
#include <ntshim/time.h>
#include <ntshim/dpc.h>
#include <ntshim/timer.h>
#include <ntshim/workitem.h>

/* processors and thread affinity */
#include <ntshim/processor.h>

/* I/O manager and object types */
#include <ntshim/objects.h>

/* the DDK compile environment: CRT subset, ntstrsafe, ntintsafe */
#include <ntshim/crt.h>
#include <ntshim/strsafe.h>
#include <ntshim/intsafe.h>

/*
 * MSVC intrinsics: last, after every Linux header, because it replaces
 * Linux's __cpuid() with MSVC's (see intrinsics.h).
 */
#include <ntshim/intrinsics.h>

#endif /* _NTSHIM_NTDDK_H */
