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

#endif /* _NTSHIM_IRQL_INTERNAL_H */
