/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Hooks between the IRQL model (irql.c) and the lock code (spinlock.c).
 * Not exported: only ntshim.ko's own out-of-line lock paths use them.
 */
#ifndef _NTSHIM_IRQL_INTERNAL_H
#define _NTSHIM_IRQL_INTERNAL_H

#include <ntshim/irql.h>

/*
 * ntshim_irql_adopt_bh() - let the IRQL own a lock's softirq disable
 *
 * A raising acquire released by a FromDpcLevel routine leaves the IRQL at
 * DISPATCH_LEVEL, as on Windows; the next KeLowerIrql() below
 * DISPATCH_LEVEL re-enables softirqs.  Softirqs must be disabled.
 */
void ntshim_irql_adopt_bh(void);

/*
 * ntshim_irql_set_level() - record what a masked context reads
 * @level: the level KeGetCurrentIrql() reads from now on, 0 for natural
 *
 * For the interrupt spin lock.  Local interrupts must be off.
 * Returns the previous record, to be put back on release.
 */
KIRQL ntshim_irql_set_level(KIRQL level);

/*
 * ntshim_dpc_run_pending() - run this CPU's queued DPCs (dpc.c)
 *
 * Called where the IRQL is about to drop below DISPATCH_LEVEL, with the
 * softirq disable that keeps it at DISPATCH_LEVEL still in place: each
 * DPC runs at DISPATCH_LEVEL, in queue order, before the drop.
 */
void ntshim_dpc_run_pending(void);

/*
 * ntshim_dpc_lowered() - the IRQL has just dropped below DISPATCH_LEVEL
 *
 * For drops that do not go through a softirq enable (the interrupt spin
 * lock): raises, runs this CPU's queued DPCs, lowers.
 */
void ntshim_dpc_lowered(void);

/* Will undoing @bh softirq disables bring this context below DISPATCH_LEVEL? */
static inline bool ntshim_irql_drops_below_dispatch(unsigned int bh)
{
	return in_task() && preempt_count() == bh * SOFTIRQ_DISABLE_OFFSET;
}

#endif /* _NTSHIM_IRQL_INTERNAL_H */
