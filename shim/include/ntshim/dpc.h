/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Deferred procedure calls (KDPC).
 *
 * DPCs run when Windows runs them.  Each CPU has its own DPC queue:
 *  - queued below DISPATCH_LEVEL for the current CPU (untargeted, or
 *    targeted at it), the DPC has run before KeInsertQueueDpc() returns;
 *  - queued at DISPATCH_LEVEL or above for the current CPU, it runs the
 *    moment the IRQL drops below DISPATCH_LEVEL on that CPU
 *    (KeLowerIrql(), KeReleaseSpinLock(), KeReleaseInStackQueuedSpinLock()
 *    and the other releases all drain the queue there), in queue order;
 *    HighImportance DPCs go to the head of the queue, the others to the
 *    tail.  If Linux code rather than ntshim lowered the IRQL
 *    (local_bh_enable(), spin_unlock_bh()), a per-CPU BH work item drains
 *    the queue when softirqs run;
 *  - targeted at another CPU, or queued from a hard interrupt or a Linux
 *    softirq (an hrtimer callback: KTIMER expiry), it goes to ntshim's BH
 *    workqueue on the target CPU (WQ_BH, Linux 6.9 and later), which
 *    another CPU is kicked to run at once.
 * Every DPC routine runs at DISPATCH_LEVEL (softirqs and preemption off,
 * or in softirq context), so anything that sleeps is caught by
 * might_sleep().  A queue drain runs at most 64 DPCs before handing the
 * rest to the BH work item, so a DPC that keeps queueing itself cannot
 * hold a CPU forever.  On older kernels (6.1) the workqueue is a per-CPU
 * high-priority one and the routine runs with bottom halves disabled,
 * which gives the same IRQL and the same sleep checks.  A target CPU
 * that is offline when the DPC is queued falls back to the current one.
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
 * HighImportance puts the DPC at the head of its CPU's queue, the others at
 * the tail (see the file comment).
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
 * @Number:          0, or MAXIMUM_PROCESSORS + the target CPU (as Windows)
 * @DeferredRoutine: the routine
 * @DeferredContext: its context argument
 * @SystemArgument1: first argument of the last KeInsertQueueDpc()
 * @SystemArgument2: second argument of the last KeInsertQueueDpc()
 * @Magic:           private: NTSHIM_DPC_MAGIC once initialised
 * @Flags:           private: bit 0 set while queued, bit 1 while on a
 *                   CPU's own queue
 * @QueuedCpu:       private: whose queue, while bit 1 is set
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
	unsigned int QueuedCpu;
	unsigned long QueuedBy;
	struct list_head QueueEntry;
	struct work_struct Work;
} KDPC, *PKDPC, *PRKDPC;

#define NTSHIM_DPC_MAGIC 0x4470634bU	/* "KcpD" */
/* KDPC.Number of a targeted DPC: MAXIMUM_PROCESSORS + the CPU. */
#ifndef MAXIMUM_PROCESSORS
#define MAXIMUM_PROCESSORS 64
#endif

/**
 * KeInitializeDpc() - initialise a DPC object
 * @Dpc:             the DPC (resident memory)
 * @DeferredRoutine: the routine to run at DISPATCH_LEVEL
 * @DeferredContext: its context argument
 *
 * Sets what Windows' KeInitializeDpc() sets: Type, Importance (medium),
 * Number (0: not targeted), the routine and its context; the system
 * arguments are left alone.  Re-initialising a DPC that is queued is
 * reported (DPC_MISUSE) and ignored.  Any IRQL.
 */
void KeInitializeDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine,
		     PVOID DeferredContext);

/**
 * KeInsertQueueDpc() - queue a DPC
 * @Dpc:             an initialised DPC
 * @SystemArgument1: passed to the routine
 * @SystemArgument2: passed to the routine
 *
 * Any IRQL.  The routine runs once per successful queueing; when it runs
 * is described at the top of <ntshim/dpc.h> (below DISPATCH_LEVEL on its
 * own CPU: before this call returns).
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
 * HighImportance: the head of the queue; the others: the tail.
 */
void KeSetImportanceDpc(PRKDPC Dpc, KDPC_IMPORTANCE Importance);

#endif /* _NTSHIM_DPC_H */
