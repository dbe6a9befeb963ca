// SPDX-License-Identifier: GPL-2.0
/*
 * DPCs on a BH workqueue (see <ntshim/dpc.h>), and the module-unload
 * guard shared by DPCs, timers and work items.
 *
 * Every queued DPC is on one of two kinds of list, under ntshim_dpc_lock,
 * so that the unload guard can find the ones whose routine lives in a
 * module that is going away:
 *  - a CPU's own queue (bit NTSHIM_DPC_LOCAL), drained on that CPU when
 *    the IRQL drops below DISPATCH_LEVEL, or inline by KeInsertQueueDpc()
 *    below DISPATCH_LEVEL, or by the CPU's backstop BH work item;
 *  - ntshim_dpc_queued, for DPCs on the BH workqueue (another CPU's, or
 *    queued from a hard interrupt or a softirq).
 * A DPC's Flags, its list link and the pending state of its work item
 * change together under that lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bottom_half.h>
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/rcupdate.h>
#include <linux/sched/task_stack.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <ntshim/ntddk.h>

#include "deferred_stats.h"
#include "internal.h"
#include "irql_internal.h"

#define NTSHIM_DPC_QUEUED 0
#define NTSHIM_DPC_LOCAL 1

/* A drain runs at most this many DPCs, then leaves the rest to the BH work. */
#define DPC_DRAIN_BATCH 64

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

/* A CPU's own DPC queue. */
struct dpc_cpu {
	struct list_head queue;		/* under ntshim_dpc_lock */
	struct work_struct backstop;	/* drains it when Linux lowers */
	bool draining;			/* this CPU, BHs off: no nesting */
};

static DEFINE_PER_CPU(struct dpc_cpu, dpc_cpus);

/*
 * How many DPCs wait on each CPU's own queue: the release fast paths in
 * <ntshim/spinlock.h> read it to decide whether to drain.
 */
DEFINE_PER_CPU(unsigned int, ntshim_dpc_pending);
EXPORT_PER_CPU_SYMBOL_GPL(ntshim_dpc_pending);

static bool dpc_ready;	/* the per-CPU queues are set up */
static unsigned int dpc_queued_count;	/* under ntshim_dpc_lock */

/* Lock held: @Dpc was just put on a queue (the caller linked it). */
static void dpc_queued_locked(PRKDPC Dpc)
{
	dpc_queued_count++;
	ntshim_live_link(Dpc);
}

/* Lock held: take @Dpc off its queue (its flags are the caller's). */
static void dpc_unqueue_locked(PRKDPC Dpc)
{
	list_del_init(&Dpc->QueueEntry);
	dpc_queued_count--;
	ntshim_live_unlink(Dpc);
}

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

/*
 * Run this CPU's own queue, in order, at DISPATCH_LEVEL: the caller has
 * softirqs off (the IRQL it is about to leave) or is a softirq.  Each DPC
 * is dequeued before its routine runs, so the routine may queue it again.
 */
static void dpc_drain(void)
{
	struct dpc_cpu *dc = this_cpu_ptr(&dpc_cpus);
	PKDEFERRED_ROUTINE routine;
	PVOID context, arg1, arg2;
	unsigned long flags;
	unsigned int n;
	PRKDPC Dpc;

	if (dc->draining)
		return;
	dc->draining = true;
	for (n = 0; n < DPC_DRAIN_BATCH; n++) {
		raw_spin_lock_irqsave(&ntshim_dpc_lock, flags);
		Dpc = list_first_entry_or_null(&dc->queue, KDPC, QueueEntry);
		if (!Dpc) {
			raw_spin_unlock_irqrestore(&ntshim_dpc_lock, flags);
			break;
		}
		dpc_unqueue_locked(Dpc);
		__this_cpu_dec(ntshim_dpc_pending);
		routine = Dpc->DeferredRoutine;
		context = Dpc->DeferredContext;
		arg1 = Dpc->SystemArgument1;
		arg2 = Dpc->SystemArgument2;
		__clear_bit(NTSHIM_DPC_LOCAL, &Dpc->Flags);
		__clear_bit(NTSHIM_DPC_QUEUED, &Dpc->Flags);
		raw_spin_unlock_irqrestore(&ntshim_dpc_lock, flags);

		ntshim_deferred_inc(DPC_RUN);
		routine(Dpc, context, arg1, arg2);
	}
	/* A batch used up: the rest runs from the BH work item. */
	if (n == DPC_DRAIN_BATCH && __this_cpu_read(ntshim_dpc_pending))
		queue_work_on(smp_processor_id(), ntshim_dpc_wq, &dc->backstop);
	dc->draining = false;
}

/* The backstop: softirqs came back on without ntshim lowering the IRQL. */
static void dpc_backstop(struct work_struct *work)
{
	if (NTSHIM_DPC_NEEDS_BH_OFF)
		local_bh_disable();
	dpc_drain();
	if (NTSHIM_DPC_NEEDS_BH_OFF)
		local_bh_enable();
}

void ntshim_dpc_run_pending(void)
{
	if (__this_cpu_read(ntshim_dpc_pending))
		dpc_drain();
}

void ntshim_dpc_lowered(void)
{
	if (!ntshim_irql_drops_below_dispatch(0) || irqs_disabled())
		return;
	local_bh_disable();
	dpc_drain();
	local_bh_enable();
}

static void ntshim_dpc_run(struct work_struct *work)
{
	PRKDPC Dpc = container_of(work, KDPC, Work);
	PKDEFERRED_ROUTINE routine;
	PVOID context, arg1, arg2;
	unsigned long flags;

	/* Windows dequeues before calling, so the routine may requeue. */
	raw_spin_lock_irqsave(&ntshim_dpc_lock, flags);
	dpc_unqueue_locked(Dpc);
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
	/* What Windows sets; SystemArgument1/2 are left alone. */
	Dpc->Type = DpcObject;
	Dpc->Importance = MediumImportance;
	Dpc->Number = 0;
	Dpc->DeferredRoutine = DeferredRoutine;
	Dpc->DeferredContext = DeferredContext;
	Dpc->Flags = 0;
	Dpc->QueuedCpu = 0;
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

/* Task context (possibly with softirqs or preemption off): no hard irq, NMI or softirq. */
static bool dpc_task_context(void)
{
	return !(preempt_count() & (NMI_MASK | HARDIRQ_MASK)) &&
	       !in_serving_softirq();
}

BOOLEAN ntshim_dpc_insert(PRKDPC Dpc, PVOID SystemArgument1,
			  PVOID SystemArgument2, unsigned long caller)
{
	bool below = false, local;
	unsigned long flags;
	unsigned int cpu, this;
	struct dpc_cpu *dc;

	if (!dpc_valid(Dpc, caller, "KeInsertQueueDpc"))
		return FALSE;
	/*
	 * The unload check and the insert in one RCU read section: the
	 * owner's synchronize_rcu() then waits for an insert that passed
	 * the check, and its cancel pass sees the DPC.
	 */
	rcu_read_lock();
	if (ntshim_rearm_refused(Dpc, Dpc->DeferredRoutine)) {
		rcu_read_unlock();
		ntshim_violation(NTSHIM_V_DPC_MISUSE, 0, Dpc, caller,
				 "DPC %ps queued while its module unloads: refused",
				 Dpc->DeferredRoutine);
		return FALSE;
	}

	/* Below DISPATCH_LEVEL: raise for the drain (and to stay on this CPU). */
	if (dpc_ready && dpc_task_context() && !ntshim_irql_at_least_dispatch()) {
		below = true;
		local_bh_disable();
	}
	raw_spin_lock_irqsave(&ntshim_dpc_lock, flags);
	if (test_bit(NTSHIM_DPC_QUEUED, &Dpc->Flags)) {
		raw_spin_unlock_irqrestore(&ntshim_dpc_lock, flags);
		rcu_read_unlock();
		if (below)
			local_bh_enable();
		ntshim_deferred_inc(DPC_ALREADY_QUEUED);
		return FALSE;
	}
	__set_bit(NTSHIM_DPC_QUEUED, &Dpc->Flags);
	Dpc->SystemArgument1 = SystemArgument1;
	Dpc->SystemArgument2 = SystemArgument2;
	Dpc->QueuedBy = caller;

	this = smp_processor_id();
	cpu = READ_ONCE(Dpc->Number);
	if (cpu >= MAXIMUM_PROCESSORS && cpu - MAXIMUM_PROCESSORS < nr_cpu_ids &&
	    cpu_online(cpu - MAXIMUM_PROCESSORS))
		cpu -= MAXIMUM_PROCESSORS;
	else
		cpu = this;
	local = dpc_ready && cpu == this && dpc_task_context();
	if (local) {
		dc = this_cpu_ptr(&dpc_cpus);
		__set_bit(NTSHIM_DPC_LOCAL, &Dpc->Flags);
		Dpc->QueuedCpu = this;
		if (Dpc->Importance == HighImportance)
			list_add(&Dpc->QueueEntry, &dc->queue);
		else
			list_add_tail(&Dpc->QueueEntry, &dc->queue);
		__this_cpu_inc(ntshim_dpc_pending);
		dpc_queued_locked(Dpc);
		/* In case Linux code, not ntshim, lowers the IRQL. */
		if (!below)
			queue_work_on(this, ntshim_dpc_wq, &dc->backstop);
	} else {
		list_add_tail(&Dpc->QueueEntry, &ntshim_dpc_queued);
		dpc_queued_locked(Dpc);
		queue_work_on(cpu, ntshim_dpc_wq, &Dpc->Work);
	}
	raw_spin_unlock_irqrestore(&ntshim_dpc_lock, flags);
	rcu_read_unlock();
	ntshim_deferred_inc(DPC_QUEUED);

	if (below) {
		/* The caller is below DISPATCH_LEVEL: Windows runs it now. */
		dpc_drain();
		local_bh_enable();
	}
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
	if (test_bit(NTSHIM_DPC_LOCAL, &Dpc->Flags)) {
		dpc_unqueue_locked(Dpc);
		per_cpu(ntshim_dpc_pending, Dpc->QueuedCpu)--;
		__clear_bit(NTSHIM_DPC_LOCAL, &Dpc->Flags);
		__clear_bit(NTSHIM_DPC_QUEUED, &Dpc->Flags);
		return true;
	}
	/* Not pending any more means the routine is about to start. */
	if (!cancel_work(&Dpc->Work))
		return false;
	dpc_unqueue_locked(Dpc);
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
	/* and the drains other CPUs are in (softirqs off: RCU readers) */
	synchronize_rcu();
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
	WRITE_ONCE(Dpc->Number, MAXIMUM_PROCESSORS + cpu);
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
	WRITE_ONCE(Dpc->Number, MAXIMUM_PROCESSORS + ProcNumber->Number);
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
static unsigned int dpc_cancel_list(struct list_head *list,
				    const struct module *mod, const char *why)
{
	PRKDPC Dpc, next;
	unsigned int n = 0;

	list_for_each_entry_safe(Dpc, next, list, QueueEntry) {
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
	return n;
}

static unsigned int dpc_free_check_list(struct list_head *list,
					unsigned long lo, unsigned long hi,
					ULONG tag, unsigned long caller)
{
	PRKDPC Dpc, next;
	unsigned int n = 0;

	list_for_each_entry_safe(Dpc, next, list, QueueEntry) {
		if ((unsigned long)Dpc < lo || (unsigned long)Dpc >= hi)
			continue;
		if (!dpc_dequeue_locked(Dpc))
			continue;
		n++;
		ntshim_deferred_inc(DPC_CANCELLED);
		ntshim_violation(NTSHIM_V_POOL_FREE_LIVE_OBJECT, tag, Dpc, caller,
				 "freed pool holds a queued DPC (%ps, queued by %pS): removed",
				 Dpc->DeferredRoutine, (void *)Dpc->QueuedBy);
	}
	return n;
}

unsigned int ntshim_dpc_free_check(unsigned long lo, unsigned long hi,
				   ULONG tag, unsigned long caller)
{
	unsigned long flags;
	unsigned int n;
	int cpu;

	if (!READ_ONCE(dpc_queued_count))
		return 0;
	raw_spin_lock_irqsave(&ntshim_dpc_lock, flags);
	n = dpc_free_check_list(&ntshim_dpc_queued, lo, hi, tag, caller);
	for_each_possible_cpu(cpu)
		n += dpc_free_check_list(&per_cpu(dpc_cpus, cpu).queue, lo, hi,
					 tag, caller);
	raw_spin_unlock_irqrestore(&ntshim_dpc_lock, flags);
	return n;
}

unsigned int ntshim_dpc_cancel(const struct module *mod, const char *why)
{
	unsigned long flags;
	unsigned int n;
	int cpu;

	raw_spin_lock_irqsave(&ntshim_dpc_lock, flags);
	n = dpc_cancel_list(&ntshim_dpc_queued, mod, why);
	for_each_possible_cpu(cpu)
		n += dpc_cancel_list(&per_cpu(dpc_cpus, cpu).queue, mod, why);
	raw_spin_unlock_irqrestore(&ntshim_dpc_lock, flags);
	flush_workqueue(ntshim_dpc_wq);
	/* a drain in task context runs with softirqs off: an RCU reader */
	synchronize_rcu();
	return n;
}

int ntshim_dpc_init(void)
{
	int cpu;

	pr_debug("DPCs run on a %s workqueue\n",
		 NTSHIM_DPC_NEEDS_BH_OFF ? "highpri, BHs disabled" : "BH");
	ntshim_dpc_wq = alloc_workqueue("ntshim_dpc", NTSHIM_DPC_WQ_FLAGS, 0);
	if (!ntshim_dpc_wq)
		return -ENOMEM;
	for_each_possible_cpu(cpu) {
		struct dpc_cpu *dc = per_cpu_ptr(&dpc_cpus, cpu);

		INIT_LIST_HEAD(&dc->queue);
		INIT_WORK(&dc->backstop, dpc_backstop);
	}
	/* the queues above before any insert may use them */
	smp_store_release(&dpc_ready, true);
	return 0;
}

void ntshim_dpc_exit(void)
{
	int cpu;

	WRITE_ONCE(dpc_ready, false);
	/* The owner cancelled every DPC; what is left is the backstops. */
	for_each_possible_cpu(cpu)
		cancel_work_sync(&per_cpu(dpc_cpus, cpu).backstop);
	destroy_workqueue(ntshim_dpc_wq);
}
