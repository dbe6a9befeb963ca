/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The IRQL model: what each Linux context amounts to in Windows terms.
 *
 *   PASSIVE_LEVEL   preemptible process context
 *   APC_LEVEL       process context of a thread that called
 *                   KeRaiseIrql(APC_LEVEL); still preemptible (see below)
 *   DISPATCH_LEVEL  softirqs (the DPC analogue) or preemption disabled,
 *                   or running in a softirq, tasklet or BH work item
 *   NTSHIM_HARDIRQ_LEVEL  a hard interrupt handler (one DIRQL for all)
 *   HIGH_LEVEL      local interrupts disabled outside a hard interrupt,
 *                   or an NMI
 *   3..HIGH_LEVEL   whatever KeRaiseIrql() or an interrupt spin lock set
 *                   while local interrupts are off, as long as it lasts
 *
 * Raising to DISPATCH_LEVEL is local_bh_disable(), which on Linux also
 * disables preemption (on PREEMPT_RT it pins the task to its CPU and
 * takes the per-CPU BH lock instead).  Raising above DISPATCH_LEVEL also
 * disables local interrupts.  KeLowerIrql() undoes exactly what the
 * matching raises did; the record of that lives in per-CPU, per-context
 * slots (task, softirq, hardirq, NMI), which is safe because a context at
 * DISPATCH_LEVEL or above cannot migrate and contexts of one kind do not
 * nest on one CPU.
 *
 * APC_LEVEL on Windows only holds off APC delivery to the thread; the
 * thread stays preemptible and may block.  Linux has no APCs, so
 * ntshim keeps a small table of the threads that raised to APC_LEVEL:
 * KeGetCurrentIrql() reads APC_LEVEL for them, nothing else changes.  The
 * table is only searched while some thread is at APC_LEVEL.  A thread
 * must lower to PASSIVE_LEVEL before it exits (Windows bugchecks there).
 *
 * Limits of the model:
 *  - Linux does not prioritise device interrupts: every handler runs with
 *    all local interrupts off.  ntshim reports one device level,
 *    NTSHIM_HARDIRQ_LEVEL, inside every hard interrupt handler, and
 *    HIGH_LEVEL for code that masked interrupts itself.
 *  - Kernels without CONFIG_PREEMPT_COUNT do not count preempt_disable(),
 *    so code under a plain spin_lock() or preempt_disable() taken by
 *    Linux code reads PASSIVE_LEVEL there.  ntshim's own raises and
 *    KeAcquireSpinLock() use local_bh_disable(), which is always counted.
 */
#ifndef _NTSHIM_IRQL_H
#define _NTSHIM_IRQL_H

#include <linux/atomic.h>
#include <linux/compiler.h>
#include <linux/irqflags.h>
#include <linux/kernel.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <ntshim/types.h>
#include <ntshim/debug.h>

typedef UCHAR KIRQL, *PKIRQL;

/* Microsoft's x64 values. */
#define PASSIVE_LEVEL 0
#define LOW_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define CMCI_LEVEL 5
#define SYNCH_LEVEL 12
#define CLOCK_LEVEL 13
#define IPI_LEVEL 14
#define DRS_LEVEL 14
#define POWER_LEVEL 14
#define PROFILE_LEVEL 15
#define HIGH_LEVEL 15

/*
 * What KeGetCurrentIrql() reads inside a Linux hard interrupt handler:
 * the highest device IRQL below SYNCH_LEVEL.
 */
#define NTSHIM_HARDIRQ_LEVEL 11

/*
 * DPCs waiting on each CPU's own queue (dpc.c): a lowering below
 * DISPATCH_LEVEL runs them first.  Private to the release fast paths.
 */
DECLARE_PER_CPU(unsigned int, ntshim_dpc_pending);

/* Threads at APC_LEVEL right now; private to KeGetCurrentIrql(). */
extern atomic_t ntshim_apc_threads;

/**
 * ntshim_irql_masked() - the IRQL while local interrupts are off
 *
 * The slow part of KeGetCurrentIrql(): the level recorded by
 * KeRaiseIrql() or an interrupt spin lock in this context, else
 * NTSHIM_HARDIRQ_LEVEL in a hard interrupt and HIGH_LEVEL elsewhere.
 *
 * Return: a level above DISPATCH_LEVEL.
 */
KIRQL ntshim_irql_masked(void);

/**
 * ntshim_irql_apc() - PASSIVE_LEVEL or APC_LEVEL for the current thread
 *
 * The slow part of KeGetCurrentIrql() while some thread is at APC_LEVEL.
 *
 * Return: APC_LEVEL if the current thread raised to it, else PASSIVE_LEVEL.
 */
KIRQL ntshim_irql_apc(void);

/**
 * ntshim_irql_pc_masked() - does a preempt_count() value mean a hard context?
 * @pc: preempt_count(), read by the caller
 *
 * The cheap half of "is the IRQL above DISPATCH_LEVEL": a hard interrupt
 * or an NMI.  The other half is irqs_disabled().
 *
 * Return: true inside a hard interrupt handler or an NMI.
 */
static __always_inline bool ntshim_irql_pc_masked(unsigned long pc)
{
	return pc & (NMI_MASK | HARDIRQ_MASK);
}

/**
 * ntshim_irql_pc_dispatch() - does a preempt_count() value mean DISPATCH_LEVEL?
 * @pc: preempt_count(), read by the caller
 *
 * For callers that have already ruled out a hard context and masked
 * interrupts: preemption or softirqs off, or a softirq running (which
 * PREEMPT_RT counts in the task, not in @pc).
 *
 * Return: true at DISPATCH_LEVEL, false below it.
 */
static __always_inline bool ntshim_irql_pc_dispatch(unsigned long pc)
{
	return pc || (IS_ENABLED(CONFIG_PREEMPT_RT) && in_softirq());
}

/**
 * ntshim_irql_unmasked() - the IRQL when it is known not to be above DISPATCH
 * @pc: preempt_count(), read by the caller
 *
 * For callers that have already ruled out a hard context and masked
 * interrupts (ntshim_irql_pc_masked() and irqs_disabled() both false).
 *
 * Return: DISPATCH_LEVEL, APC_LEVEL or PASSIVE_LEVEL.
 */
static __always_inline KIRQL ntshim_irql_unmasked(unsigned long pc)
{
	if (ntshim_irql_pc_dispatch(pc))
		return DISPATCH_LEVEL;
	if (unlikely(atomic_read(&ntshim_apc_threads)))
		return ntshim_irql_apc();
	return PASSIVE_LEVEL;
}

/**
 * ntshim_irql_at_least_dispatch() - is the IRQL DISPATCH_LEVEL or above?
 *
 * KeGetCurrentIrql() >= DISPATCH_LEVEL without classifying further: any
 * preempt_count() bit (softirqs off or running, preemption off, a hard
 * interrupt, an NMI) answers it with one load; only with a zero count is
 * the interrupt flag read.  For the AtDpcLevel fast paths.
 *
 * Return: true at DISPATCH_LEVEL or above.
 */
static __always_inline bool ntshim_irql_at_least_dispatch(void)
{
	if (likely(preempt_count() ||
		   (IS_ENABLED(CONFIG_PREEMPT_RT) && in_softirq())))
		return true;
	return irqs_disabled();
}

/**
 * KeGetCurrentIrql() - the IRQL that the current Linux context amounts to
 *
 * Safe in every context.  See the table at the top of <ntshim/irql.h>.
 *
 * Return: the current IRQL.
 */
static __always_inline KIRQL KeGetCurrentIrql(void)
{
	unsigned long pc = preempt_count();

	if (unlikely(ntshim_irql_pc_masked(pc) || irqs_disabled()))
		return ntshim_irql_masked();
	return ntshim_irql_unmasked(pc);
}

/**
 * KfRaiseIrql() - raise the IRQL and return the old one
 * @NewIrql: the level to raise to, at least the current one
 *
 * To DISPATCH_LEVEL: local_bh_disable().  Above DISPATCH_LEVEL: that and
 * local_irq_save().  To APC_LEVEL: the thread is recorded (see the top of
 * <ntshim/irql.h>).  Raising to a level below the current one is the
 * violation IRQL_RAISE_LOWER: reported, and the IRQL stays as it is.  A
 * level above HIGH_LEVEL is reported as IRQL_TOO_HIGH and taken as
 * HIGH_LEVEL.
 *
 * Return: the IRQL before the call.
 */
KIRQL KfRaiseIrql(KIRQL NewIrql);

/**
 * KeLowerIrql() - lower the IRQL to what an earlier raise returned
 * @NewIrql: the level to return to, at most the current one
 *
 * Undoes exactly what the raises since @NewIrql did in this context:
 * restores local interrupts, re-enables softirqs (which may run pending
 * ones), drops the APC_LEVEL record.  It never undoes what Linux code did
 * (an interrupt handler stays at its level, a tasklet at DISPATCH_LEVEL).
 * Lowering to a level above the current one is the violation
 * IRQL_LOWER_HIGHER: reported and ignored.
 */
void KeLowerIrql(KIRQL NewIrql);

/**
 * KeRaiseIrql() - raise the IRQL
 * @NewIrql: the level to raise to
 * @OldIrql: PKIRQL that receives the level before the call
 *
 * See KfRaiseIrql().
 */
#define KeRaiseIrql(NewIrql, OldIrql) (*(OldIrql) = KfRaiseIrql(NewIrql))

/**
 * KeRaiseIrqlToDpcLevel() - raise the IRQL to DISPATCH_LEVEL
 *
 * Return: the IRQL before the call, for KeLowerIrql().
 */
static inline KIRQL KeRaiseIrqlToDpcLevel(void)
{
	return KfRaiseIrql(DISPATCH_LEVEL);
}

/**
 * KeRaiseIrqlToSynchLevel() - raise the IRQL to SYNCH_LEVEL
 *
 * Local interrupts are off afterwards.
 *
 * Return: the IRQL before the call, for KeLowerIrql().
 */
static inline KIRQL KeRaiseIrqlToSynchLevel(void)
{
	return KfRaiseIrql(SYNCH_LEVEL);
}

/**
 * ntshim_paged_code_violation() - report PAGED_CODE() above APC_LEVEL
 * @caller: the code address of the PAGED_CODE() that fired
 */
void ntshim_paged_code_violation(unsigned long caller);

/**
 * PAGED_CODE() - assert that the caller may sleep (IRQL <= APC_LEVEL)
 *
 * Above APC_LEVEL this is the violation PAGED_CODE (reported and
 * counted, no splat); otherwise might_sleep(), so DEBUG_ATOMIC_SLEEP
 * still catches atomic Linux contexts that the IRQL model cannot see.
 * Unlike Windows, active in every build.
 */
#define PAGED_CODE()                                                          \
	do {                                                                  \
		if (unlikely(KeGetCurrentIrql() > APC_LEVEL))                 \
			ntshim_paged_code_violation(_THIS_IP_);               \
		else                                                          \
			might_sleep();                                        \
	} while (0)

/**
 * PAGED_CODE_LOCKED() - marks paged code that runs with a lock held
 *
 * Windows' no-op counterpart of PAGED_CODE(); nothing is checked.
 */
#define PAGED_CODE_LOCKED() ((void)0)

/**
 * ntshim_sync_bad_irql() - report a sleeping sync call at too high an IRQL
 * @object: the lock or object involved
 * @what:   the API called
 * @caller: the caller's code address
 *
 * Reports SYNC_BAD_IRQL with the current IRQL.  For ntshim's own inline
 * wrappers of calls that may sleep (mutexes, resources, waits).
 */
void ntshim_sync_bad_irql(const void *object, const char *what, unsigned long caller);

#endif /* _NTSHIM_IRQL_H */
