// SPDX-License-Identifier: GPL-2.0
/*
 * The IRQL model's out-of-line parts: KeRaiseIrql/KeLowerIrql and their
 * per-context records, the APC_LEVEL thread table and PAGED_CODE()
 * reports.  The model itself is described in <ntshim/irql.h>.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bottom_half.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/printk.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <ntshim/irql.h>
#include <ntshim/violation.h>

#include "internal.h"
#include "irql_internal.h"

/*
 * What ntshim's raises did in one context on one CPU.  Only touched while
 * that context is at DISPATCH_LEVEL or above, so it cannot migrate, and
 * only by that context (contexts of one kind do not nest on a CPU).
 */
struct irql_slot {
	unsigned long flags;	/* local_irq_save() flags, if @irq_saved */
	unsigned int bh;	/* local_bh_disable()s owned by the IRQL */
	bool irq_saved;		/* a raise disabled local interrupts */
	KIRQL level;		/* recorded level above DISPATCH_LEVEL, or 0 */
};

enum irql_context { CTX_TASK, CTX_SOFTIRQ, CTX_HARDIRQ, CTX_NMI, CTX_NR };

static DEFINE_PER_CPU(struct irql_slot, irql_slots[CTX_NR]);

static enum irql_context irql_context(void)
{
	if (in_nmi())
		return CTX_NMI;
	if (in_hardirq())
		return CTX_HARDIRQ;
	if (in_serving_softirq())
		return CTX_SOFTIRQ;
	return CTX_TASK;
}

/* The caller is pinned: at DISPATCH_LEVEL or above. */
static struct irql_slot *irql_slot(void)
{
	return raw_cpu_ptr(&irql_slots[irql_context()]);
}

/* What a masked context reads when no raise recorded a level. */
static KIRQL irql_natural_masked(void)
{
	if (in_nmi())
		return HIGH_LEVEL;
	return in_hardirq() ? NTSHIM_HARDIRQ_LEVEL : HIGH_LEVEL;
}

KIRQL ntshim_irql_masked(void)
{
	KIRQL level;

	if (in_nmi())
		return HIGH_LEVEL;
	level = irql_slot()->level;
	return level ? level : irql_natural_masked();
}
EXPORT_SYMBOL_GPL(ntshim_irql_masked);

/*
 * APC_LEVEL threads.  Windows threads at APC_LEVEL stay preemptible, so
 * the record must follow the task, not the CPU.  A fixed table keeps the
 * raise allocation-free; it is scanned only while a thread is in it.
 */
#define APC_THREADS 128
static struct task_struct *apc_threads[APC_THREADS];
atomic_t ntshim_apc_threads = ATOMIC_INIT(0);
EXPORT_SYMBOL_GPL(ntshim_apc_threads);

static int apc_find(struct task_struct *task)
{
	int i;

	for (i = 0; i < APC_THREADS; i++)
		if (READ_ONCE(apc_threads[i]) == task)
			return i;
	return -1;
}

/*
 * A thread that exits at APC_LEVEL (Windows: bugcheck 0x20,
 * KERNEL_APC_PENDING_DURING_EXIT) leaves its record behind: modules get
 * no cheap exit hook.  Each record holds a reference on its task, so the
 * address cannot be reused by a new thread, and the records of exited
 * threads are reported and dropped whenever a thread enters or leaves
 * APC_LEVEL, and at ntshim's exit.  Task context only.
 */
static void apc_reap(bool all)
{
	struct task_struct *t;
	int i;

	for (i = 0; i < APC_THREADS; i++) {
		t = READ_ONCE(apc_threads[i]);
		/*
		 * exit_state, not PF_EXITING: an exiting task still runs
		 * driver code (file release handlers) until exit_notify().
		 */
		if (!t || (!all && !READ_ONCE(t->exit_state)))
			continue;
		if (cmpxchg(&apc_threads[i], t, NULL) != t)
			continue;
		atomic_dec(&ntshim_apc_threads);
		ntshim_violation(NTSHIM_V_IRQL_THREAD_EXIT, 0, t, 0,
				 "thread %s/%d %s at APC_LEVEL: record dropped",
				 t->comm, task_pid_nr(t),
				 all ? "still" : "exited");
		put_task_struct(t);
	}
}

void ntshim_irql_exit(void)
{
	apc_reap(true);
}

static void apc_enter(void)
{
	int i;

	if (apc_find(current) >= 0)
		return;
	if (atomic_read(&ntshim_apc_threads))
		apc_reap(false);
	atomic_inc(&ntshim_apc_threads);
	get_task_struct(current);
	for (i = 0; i < APC_THREADS; i++)
		if (!cmpxchg(&apc_threads[i], NULL, current))
			return;
	put_task_struct(current);
	atomic_dec(&ntshim_apc_threads);
	pr_warn_ratelimited("more than %d threads at APC_LEVEL: %s/%d reads PASSIVE_LEVEL\n",
			    APC_THREADS, current->comm, task_pid_nr(current));
}

static void apc_leave(void)
{
	int i = apc_find(current);

	if (i < 0)
		return;
	/* Only the one who clears the slot drops its reference. */
	if (cmpxchg(&apc_threads[i], current, NULL) != current)
		return;
	atomic_dec(&ntshim_apc_threads);
	put_task_struct(current);
	if (atomic_read(&ntshim_apc_threads))
		apc_reap(false);
}

KIRQL ntshim_irql_apc(void)
{
	return apc_find(current) >= 0 ? APC_LEVEL : PASSIVE_LEVEL;
}
EXPORT_SYMBOL_GPL(ntshim_irql_apc);

KIRQL KfRaiseIrql(KIRQL NewIrql)
{
	KIRQL cur = KeGetCurrentIrql();
	struct irql_slot *slot;
	unsigned long flags;

	if (unlikely(NewIrql > HIGH_LEVEL)) {
		ntshim_violation(NTSHIM_V_IRQL_TOO_HIGH, 0, NULL, _RET_IP_,
				 "KeRaiseIrql(%u): no such IRQL, using HIGH_LEVEL",
				 NewIrql);
		NewIrql = HIGH_LEVEL;
	}
	if (unlikely(NewIrql < cur)) {
		ntshim_violation(NTSHIM_V_IRQL_RAISE_LOWER, 0, NULL, _RET_IP_,
				 "KeRaiseIrql(%u) at IRQL %u: ignored",
				 NewIrql, cur);
		return cur;
	}
	if (NewIrql == cur)
		return cur;
	if (NewIrql == APC_LEVEL) {
		apc_enter();
		return cur;
	}

	if (cur < DISPATCH_LEVEL) {
		local_bh_disable();
		irql_slot()->bh++;
	}
	slot = irql_slot();
	if (NewIrql > DISPATCH_LEVEL) {
		if (cur <= DISPATCH_LEVEL) {
			local_irq_save(flags);
			slot->flags = flags;
			slot->irq_saved = true;
		}
		slot->level = NewIrql;
	}
	return cur;
}
EXPORT_SYMBOL_GPL(KfRaiseIrql);

void KeLowerIrql(KIRQL NewIrql)
{
	KIRQL cur = KeGetCurrentIrql();
	struct irql_slot *slot;
	unsigned int bh = 0;

	if (unlikely(NewIrql > cur)) {
		ntshim_violation(NTSHIM_V_IRQL_LOWER_HIGHER, 0, NULL, _RET_IP_,
				 "%s(%u) at IRQL %u: ignored",
				 __func__, NewIrql, cur);
		return;
	}
	if (NewIrql == cur)
		return;

	if (cur >= DISPATCH_LEVEL) {
		/* Pinned until the undo below: the slot is ours. */
		slot = irql_slot();
		if (cur > DISPATCH_LEVEL) {
			if (NewIrql > DISPATCH_LEVEL) {
				slot->level = NewIrql == irql_natural_masked() ?
					      0 : NewIrql;
				return;
			}
			slot->level = 0;
			if (slot->irq_saved) {
				slot->irq_saved = false;
				local_irq_restore(slot->flags);
			}
		}
		/*
		 * Interrupts masked by Linux code (an ISR, local_irq_save)
		 * stay masked, and softirqs cannot be re-enabled under them.
		 */
		if (NewIrql < DISPATCH_LEVEL && !irqs_disabled()) {
			bh = slot->bh;
			slot->bh = 0;
		}
		/* Windows runs this CPU's DPCs as the IRQL drops: now. */
		if (bh && ntshim_irql_drops_below_dispatch(bh) &&
		    __this_cpu_read(ntshim_dpc_pending))
			ntshim_dpc_run_pending();
		while (bh--)
			local_bh_enable();
	}

	/* An interrupt that lowers must not touch the interrupted thread. */
	if (!in_task())
		return;
	if (NewIrql == APC_LEVEL)
		apc_enter();
	else if (NewIrql == PASSIVE_LEVEL)
		apc_leave();
}
EXPORT_SYMBOL_GPL(KeLowerIrql);

void ntshim_irql_adopt_bh(void)
{
	irql_slot()->bh++;
}

KIRQL ntshim_irql_set_level(KIRQL level)
{
	struct irql_slot *slot = irql_slot();
	KIRQL old = slot->level;

	slot->level = level;
	return old;
}

void ntshim_paged_code_violation(unsigned long caller)
{
	ntshim_violation(NTSHIM_V_PAGED_CODE, 0, NULL, caller,
			 "PAGED_CODE() at IRQL %u", KeGetCurrentIrql());
}
EXPORT_SYMBOL_GPL(ntshim_paged_code_violation);

/* The IRQL rule of every call that may sleep (mutexes, resources, waits). */
void ntshim_sync_bad_irql(const void *object, const char *what, unsigned long caller)
{
	ntshim_violation(NTSHIM_V_SYNC_BAD_IRQL, 0, object, caller,
			 "%s at IRQL %u: would sleep above APC_LEVEL, refused",
			 what, KeGetCurrentIrql());
}
EXPORT_SYMBOL_GPL(ntshim_sync_bad_irql);
