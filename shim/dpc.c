// SPDX-License-Identifier: GPL-2.0
/*
 * DPCs on a BH workqueue (see <ntshim/dpc.h>), and the module-unload
 * guard shared by DPCs, timers and work items.
 *
 * ntshim keeps every queued DPC on one list, under ntshim_dpc_lock, so
 * that the unload guard can find the ones whose routine lives in a module
 * that is going away.  A DPC's Flags bit NTSHIM_DPC_QUEUED, its list link
 * and the pending state of its work item change together under that lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bottom_half.h>
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/sched/task_stack.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <ntshim/ntddk.h>

#include "deferred_stats.h"
#include "internal.h"

#define NTSHIM_DPC_QUEUED 0

/*
 * Without BH workqueues (before 6.9; shim/compat.mk probes for WQ_BH) the
 * routine runs in a bound high-priority kworker with BHs disabled.
 */
#ifdef NTSHIM_HAVE_WQ_BH
#define NTSHIM_DPC_WQ_FLAGS (WQ_BH | WQ_HIGHPRI)
#define NTSHIM_DPC_NEEDS_BH_OFF 0
#else
#define NTSHIM_DPC_WQ_FLAGS WQ_HIGHPRI
#define NTSHIM_DPC_NEEDS_BH_OFF 1
#endif

static struct workqueue_struct *ntshim_dpc_wq;
static DEFINE_RAW_SPINLOCK(ntshim_dpc_lock);
static LIST_HEAD(ntshim_dpc_queued);

static bool dpc_valid(PRKDPC Dpc, unsigned long caller, const char *what)
{
	if (!Dpc) {
		ntshim_violation(NTSHIM_V_DPC_MISUSE, 0, NULL, caller,
				 "%s on a NULL DPC", what);
		return false;
	}
	if (Dpc->Magic != NTSHIM_DPC_MAGIC || Dpc->Type != DpcObject) {
		ntshim_violation(NTSHIM_V_DPC_MISUSE, 0, Dpc, caller,
				 "%s on a DPC that KeInitializeDpc() never set up",
				 what);
		return false;
	}
	return true;
}

static void ntshim_dpc_run(struct work_struct *work)
{
	PRKDPC Dpc = container_of(work, KDPC, Work);
	PKDEFERRED_ROUTINE routine;
	PVOID context, arg1, arg2;
	unsigned long flags;

	/* Windows dequeues before calling, so the routine may requeue. */
	raw_spin_lock_irqsave(&ntshim_dpc_lock, flags);
	list_del_init(&Dpc->QueueEntry);
	routine = Dpc->DeferredRoutine;
	context = Dpc->DeferredContext;
	arg1 = Dpc->SystemArgument1;
	arg2 = Dpc->SystemArgument2;
	clear_bit(NTSHIM_DPC_QUEUED, &Dpc->Flags);
	raw_spin_unlock_irqrestore(&ntshim_dpc_lock, flags);

	if (NTSHIM_DPC_NEEDS_BH_OFF)
		local_bh_disable();
	ntshim_deferred_inc(DPC_RUN);
	routine(Dpc, context, arg1, arg2);
	if (NTSHIM_DPC_NEEDS_BH_OFF)
		local_bh_enable();
}

void KeInitializeDpc(PRKDPC Dpc, PKDEFERRED_ROUTINE DeferredRoutine,
		     PVOID DeferredContext)
{
	if (!Dpc || !DeferredRoutine) {
		ntshim_violation(NTSHIM_V_DPC_MISUSE, 0, Dpc, _RET_IP_,
				 "%s with a NULL %s", __func__,
				 Dpc ? "routine" : "DPC");
		return;
	}
	if (Dpc->Magic == NTSHIM_DPC_MAGIC &&
	    test_bit(NTSHIM_DPC_QUEUED, &Dpc->Flags)) {
		ntshim_violation(NTSHIM_V_DPC_MISUSE, 0, Dpc, _RET_IP_,
				 "%s on a queued DPC (%ps): ignored",
				 __func__, Dpc->DeferredRoutine);
		return;
	}
	Dpc->Type = DpcObject;
	Dpc->Importance = MediumImportance;
	Dpc->Number = NTSHIM_DPC_ANY_CPU;
	Dpc->DeferredRoutine = DeferredRoutine;
	Dpc->DeferredContext = DeferredContext;
	Dpc->SystemArgument1 = NULL;
	Dpc->SystemArgument2 = NULL;
	Dpc->Flags = 0;
	Dpc->QueuedBy = 0;
	INIT_LIST_HEAD(&Dpc->QueueEntry);
	/* debugobjects wants on-stack work items said to be on the stack. */
	if (object_is_on_stack(Dpc))
		INIT_WORK_ONSTACK(&Dpc->Work, ntshim_dpc_run);
	else
		INIT_WORK(&Dpc->Work, ntshim_dpc_run);
	Dpc->Magic = NTSHIM_DPC_MAGIC;
}
EXPORT_SYMBOL_GPL(KeInitializeDpc);

BOOLEAN ntshim_dpc_insert(PRKDPC Dpc, PVOID SystemArgument1,
			  PVOID SystemArgument2, unsigned long caller)
{
	unsigned long flags;
	int cpu;

	if (!dpc_valid(Dpc, caller, "KeInsertQueueDpc"))
		return FALSE;

	raw_spin_lock_irqsave(&ntshim_dpc_lock, flags);
	if (test_bit(NTSHIM_DPC_QUEUED, &Dpc->Flags)) {
		raw_spin_unlock_irqrestore(&ntshim_dpc_lock, flags);
		ntshim_deferred_inc(DPC_ALREADY_QUEUED);
		return FALSE;
	}
	__set_bit(NTSHIM_DPC_QUEUED, &Dpc->Flags);
	Dpc->SystemArgument1 = SystemArgument1;
	Dpc->SystemArgument2 = SystemArgument2;
	Dpc->QueuedBy = caller;
	list_add_tail(&Dpc->QueueEntry, &ntshim_dpc_queued);

	cpu = Dpc->Number;
	if (cpu >= nr_cpu_ids || !cpu_online(cpu))
		cpu = smp_processor_id();
	queue_work_on(cpu, ntshim_dpc_wq, &Dpc->Work);
	raw_spin_unlock_irqrestore(&ntshim_dpc_lock, flags);

	ntshim_deferred_inc(DPC_QUEUED);
	return TRUE;
}

BOOLEAN KeInsertQueueDpc(PRKDPC Dpc, PVOID SystemArgument1,
			 PVOID SystemArgument2)
{
	return ntshim_dpc_insert(Dpc, SystemArgument1, SystemArgument2,
				 _RET_IP_);
}
EXPORT_SYMBOL_GPL(KeInsertQueueDpc);

/* Called with ntshim_dpc_lock held. */
static bool dpc_dequeue_locked(PRKDPC Dpc)
{
	if (!test_bit(NTSHIM_DPC_QUEUED, &Dpc->Flags))
		return false;
	/* Not pending any more means the routine is about to start. */
	if (!cancel_work(&Dpc->Work))
		return false;
	list_del_init(&Dpc->QueueEntry);
	__clear_bit(NTSHIM_DPC_QUEUED, &Dpc->Flags);
	return true;
}

BOOLEAN KeRemoveQueueDpc(PRKDPC Dpc)
{
	unsigned long flags;
	bool removed;

	if (!dpc_valid(Dpc, _RET_IP_, "KeRemoveQueueDpc"))
		return FALSE;

	raw_spin_lock_irqsave(&ntshim_dpc_lock, flags);
	removed = dpc_dequeue_locked(Dpc);
	raw_spin_unlock_irqrestore(&ntshim_dpc_lock, flags);

	if (removed)
		ntshim_deferred_inc(DPC_REMOVED);
	return removed;
}
EXPORT_SYMBOL_GPL(KeRemoveQueueDpc);

void KeFlushQueuedDpcs(void)
{
	if (!preemptible() || KeGetCurrentIrql() != PASSIVE_LEVEL) {
		ntshim_violation(NTSHIM_V_DPC_MISUSE, 0, NULL, _RET_IP_,
				 "%s above PASSIVE_LEVEL (IRQL %u)",
				 __func__, KeGetCurrentIrql());
		return;
	}
	ntshim_deferred_inc(DPC_FLUSHES);
	flush_workqueue(ntshim_dpc_wq);
}
EXPORT_SYMBOL_GPL(KeFlushQueuedDpcs);

void KeSetTargetProcessorDpc(PRKDPC Dpc, CCHAR Number)
{
	unsigned int cpu = (UCHAR)Number;

	if (!dpc_valid(Dpc, _RET_IP_, "KeSetTargetProcessorDpc"))
		return;
	if (cpu >= nr_cpu_ids || !cpu_possible(cpu)) {
		ntshim_violation(NTSHIM_V_DPC_MISUSE, 0, Dpc, _RET_IP_,
				 "%s to processor %u of %u: ignored",
				 __func__, cpu, nr_cpu_ids);
		return;
	}
	WRITE_ONCE(Dpc->Number, cpu);
}
EXPORT_SYMBOL_GPL(KeSetTargetProcessorDpc);

NTSTATUS KeSetTargetProcessorDpcEx(PKDPC Dpc, PPROCESSOR_NUMBER ProcNumber)
{
	if (!dpc_valid(Dpc, _RET_IP_, "KeSetTargetProcessorDpcEx"))
		return STATUS_INVALID_PARAMETER;
	if (!ProcNumber || ProcNumber->Group != 0 ||
	    ProcNumber->Number >= nr_cpu_ids ||
	    !cpu_possible(ProcNumber->Number)) {
		ntshim_violation(NTSHIM_V_DPC_MISUSE, 0, Dpc, _RET_IP_,
				 "%s to a processor that does not exist",
				 __func__);
		return STATUS_INVALID_PARAMETER;
	}
	WRITE_ONCE(Dpc->Number, ProcNumber->Number);
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(KeSetTargetProcessorDpcEx);

void KeSetImportanceDpc(PRKDPC Dpc, KDPC_IMPORTANCE Importance)
{
	if (!dpc_valid(Dpc, _RET_IP_, "KeSetImportanceDpc"))
		return;
	if ((unsigned int)Importance > MediumHighImportance) {
		ntshim_violation(NTSHIM_V_DPC_MISUSE, 0, Dpc, _RET_IP_,
				 "%s with importance %d: ignored",
				 __func__, Importance);
		return;
	}
	WRITE_ONCE(Dpc->Importance, Importance);
}
EXPORT_SYMBOL_GPL(KeSetImportanceDpc);

/*
 * Cancel every queued DPC that @mod owns (every one when NULL), report
 * each, then wait for the running ones.  Returns how many it cancelled.
 */
unsigned int ntshim_dpc_cancel(const struct module *mod, const char *why)
{
	PRKDPC Dpc, next;
	unsigned long flags;
	unsigned int n = 0;

	raw_spin_lock_irqsave(&ntshim_dpc_lock, flags);
	list_for_each_entry_safe(Dpc, next, &ntshim_dpc_queued, QueueEntry) {
		if (!ntshim_owns(mod, NULL, Dpc, Dpc->DeferredRoutine))
			continue;
		if (!dpc_dequeue_locked(Dpc))
			continue;
		n++;
		ntshim_deferred_inc(DPC_CANCELLED);
		ntshim_violation(NTSHIM_V_DPC_MISUSE, 0, Dpc, Dpc->QueuedBy,
				 "DPC %ps still queued at %s: cancelled",
				 Dpc->DeferredRoutine, why);
	}
	raw_spin_unlock_irqrestore(&ntshim_dpc_lock, flags);
	flush_workqueue(ntshim_dpc_wq);
	return n;
}

int ntshim_dpc_init(void)
{
	pr_debug("DPCs run on a %s workqueue\n",
		 NTSHIM_DPC_NEEDS_BH_OFF ? "highpri, BHs disabled" : "BH");
	ntshim_dpc_wq = alloc_workqueue("ntshim_dpc", NTSHIM_DPC_WQ_FLAGS, 0);
	return ntshim_dpc_wq ? 0 : -ENOMEM;
}

void ntshim_dpc_exit(void)
{
	destroy_workqueue(ntshim_dpc_wq);
}
