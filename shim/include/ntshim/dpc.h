/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Deferred procedure calls (KDPC).
 *
 * A DPC is a work_struct on ntshim's own BH workqueue (WQ_BH, Linux 6.9
 * and later): its routine runs in softirq context on the chosen CPU, so
 * KeGetCurrentIrql() reads DISPATCH_LEVEL there and anything that sleeps
 * is caught by might_sleep().  On older kernels (6.1) the workqueue is a
 * per-CPU high-priority one and the routine runs with bottom halves
 * disabled, which gives the same IRQL and the same sleep checks.
 *
 * A DPC runs on the CPU that queued it, or on the one set with
 * KeSetTargetProcessorDpc() (queue_work_on()); a target CPU that is offline
 * when the DPC is queued falls back to the current one.  Importance is
 * recorded but does not reorder the queue: every DPC runs in queueing order
 * on a high-priority queue.
 *
 * Queueing a DPC that is already queued returns FALSE and leaves its
 * arguments alone (normal on Windows, so it is only counted in
 * /sys/kernel/debug/ntshim/dpc).  Queueing an uninitialised DPC, a DPC
 * still queued when the module owning its routine unloads, or one still
 * queued at ntshim's exit are reported as DPC_MISUSE; the last two are
 * cancelled so that nothing runs in freed memory.
 */
#ifndef _NTSHIM_DPC_H
#define _NTSHIM_DPC_H

#include <linux/list.h>
#include <linux/workqueue.h>
#include <ntshim/types.h>
#include <ntshim/status.h>
#include <ntshim/time.h>

/* KOBJECTS values of the DPC object types. */
#define DpcObject 0x13
#define ThreadedDpcObject 0x18

struct _KDPC;

/**
 * typedef KDEFERRED_ROUTINE - a DPC routine (PKDEFERRED_ROUTINE points to one)
 * @Dpc:             the DPC being run
 * @DeferredContext: its DeferredContext
 * @SystemArgument1: the first argument given to KeInsertQueueDpc()
 * @SystemArgument2: the second argument given to KeInsertQueueDpc()
 *
 * Called at DISPATCH_LEVEL; must not sleep.
 */
typedef VOID KDEFERRED_ROUTINE(struct _KDPC *Dpc, PVOID DeferredContext,
			       PVOID SystemArgument1, PVOID SystemArgument2);
typedef void (*PKDEFERRED_ROUTINE)(struct _KDPC *Dpc, PVOID DeferredContext,
				   PVOID SystemArgument1,
				   PVOID SystemArgument2);

/**
 * enum _KDPC_IMPORTANCE - where Windows puts a DPC in the queue
 * @LowImportance:          tail, no immediate DPC interrupt
 * @MediumImportance:       tail (the default)
 * @HighImportance:         head
 * @MediumHighImportance:   tail, always requests processing
 *
 * ntshim records it only (see the file comment).
 */
typedef enum _KDPC_IMPORTANCE {
	LowImportance,
	MediumImportance,
	HighImportance,
	MediumHighImportance
} KDPC_IMPORTANCE;

/**
 * struct _KDPC - a deferred procedure call object
 * @Type:            DpcObject once initialised
 * @Importance:      a KDPC_IMPORTANCE value
 * @Number:          the target CPU, or NTSHIM_DPC_ANY_CPU
 * @DeferredRoutine: the routine
 * @DeferredContext: its context argument
 * @SystemArgument1: first argument of the last KeInsertQueueDpc()
 * @SystemArgument2: second argument of the last KeInsertQueueDpc()
 * @Magic:           private: NTSHIM_DPC_MAGIC once initialised
 * @Flags:           private: bit 0 set while queued
 * @QueuedBy:        private: code address that queued it
 * @QueueEntry:      private: link in ntshim's list of queued DPCs
 * @Work:            private: the work item on the BH workqueue
 *
 * Drivers treat a KDPC as opaque and only touch it through the Ke calls.
 */
typedef struct _KDPC {
	UCHAR Type;
	UCHAR Importance;
	USHORT Number;
	PKDEFERRED_ROUTINE DeferredRoutine;
	PVOID DeferredContext;
	PVOID SystemArgument1;
	PVOID SystemArgument2;
	u32 Magic;
	unsigned long Flags;
	unsigned long QueuedBy;
	struct list_head QueueEntry;
	struct work_struct Work;
} KDPC, *PKDPC, *PRKDPC;

#define NTSHIM_DPC_MAGIC 0x4470634bU	/* "KcpD" */
#define NTSHIM_DPC_ANY_CPU 0xffff

/**
 * KeInitializeDpc() - initialise a DPC object
 * @Dpc:             the DPC (resident memory)
 * @DeferredRoutine: the routine to run at DISPATCH_LEVEL
 * @DeferredContext: its context argument
 *
 * Re-initialising a DPC that is queued is reported (DPC_MISUSE) and
 * ignored.  Any IRQL.
 */
void KeInitializeDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine,
		     PVOID DeferredContext);

/**
 * KeInsertQueueDpc() - queue a DPC
 * @Dpc:             an initialised DPC
 * @SystemArgument1: passed to the routine
 * @SystemArgument2: passed to the routine
 *
 * Any IRQL.  The routine runs once per successful queueing.
 *
 * Return: TRUE if queued; FALSE if it was already queued (its arguments
 * are then unchanged) or is not initialised.
 */
BOOLEAN KeInsertQueueDpc(PRKDPC Dpc, PVOID SystemArgument1,
			 PVOID SystemArgument2);

/**
 * KeRemoveQueueDpc() - take a DPC out of the queue
 * @Dpc: the DPC
 *
 * A routine that has already started is not waited for (use
 * KeFlushQueuedDpcs()).  Any IRQL.
 *
 * Return: TRUE if the DPC was queued and now will not run.
 */
BOOLEAN KeRemoveQueueDpc(PRKDPC Dpc);

/**
 * KeFlushQueuedDpcs() - wait until every queued DPC has run
 *
 * Waits for every DPC queued before the call (on every CPU) to finish.
 * PASSIVE_LEVEL only; at a higher IRQL it is reported as DPC_MISUSE and
 * returns without waiting.
 */
void KeFlushQueuedDpcs(void);

/**
 * KeSetTargetProcessorDpc() - run a DPC on a given processor
 * @Dpc:    the DPC
 * @Number: the processor (Linux CPU id)
 *
 * A processor number outside the possible CPUs is reported (DPC_MISUSE)
 * and ignored.  Takes effect at the next KeInsertQueueDpc().
 */
void KeSetTargetProcessorDpc(PRKDPC Dpc, CCHAR Number);

/**
 * KeSetTargetProcessorDpcEx() - run a DPC on a given processor
 * @Dpc:       the DPC
 * @ProcNumber: group (must be 0) and number of the processor
 *
 * Return: STATUS_SUCCESS, or STATUS_INVALID_PARAMETER (reported) for a
 * processor that does not exist.
 */
NTSTATUS KeSetTargetProcessorDpcEx(PKDPC Dpc, PPROCESSOR_NUMBER ProcNumber);

/**
 * KeSetImportanceDpc() - set a DPC's importance
 * @Dpc:        the DPC
 * @Importance: a KDPC_IMPORTANCE value
 *
 * Recorded only; see the file comment.
 */
void KeSetImportanceDpc(PRKDPC Dpc, KDPC_IMPORTANCE Importance);

#endif /* _NTSHIM_DPC_H */
