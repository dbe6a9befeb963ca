/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IRQL model (first cut; the IRQL/locks work refines it).
 *
 *   PASSIVE_LEVEL   preemptible process context
 *   DISPATCH_LEVEL  preemption or softirqs (the DPC analogue) disabled,
 *                   or running in a softirq
 *   HIGH_LEVEL      hard interrupt, NMI, or local interrupts disabled
 */
#ifndef _NTSHIM_IRQL_H
#define _NTSHIM_IRQL_H

#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <ntshim/types.h>

typedef UCHAR KIRQL, *PKIRQL;

#define PASSIVE_LEVEL 0
#define LOW_LEVEL 0
#define APC_LEVEL 1
#define DISPATCH_LEVEL 2
#define CMCI_LEVEL 5
#define CLOCK_LEVEL 13
#define IPI_LEVEL 14
#define DRS_LEVEL 14
#define POWER_LEVEL 14
#define PROFILE_LEVEL 15
#define HIGH_LEVEL 15

/**
 * KeGetCurrentIrql() - the IRQL that the current Linux context amounts to
 *
 * Return: PASSIVE_LEVEL, DISPATCH_LEVEL or HIGH_LEVEL (see the table above).
 */
static inline KIRQL KeGetCurrentIrql(void)
{
	if (in_hardirq() || in_nmi() || irqs_disabled())
		return HIGH_LEVEL;
	if (in_softirq() || preempt_count())
		return DISPATCH_LEVEL;
	return PASSIVE_LEVEL;
}

#endif /* _NTSHIM_IRQL_H */
