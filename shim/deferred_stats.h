/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Counters of the deferred-work areas (DPCs, timers, work items): one
 * X-macro list makes the enum and the names (as lock_events.[ch] does),
 * per-CPU counters make counting cheap, /sys/kernel/debug/ntshim/deferred
 * sums them.
 */
#ifndef _NTSHIM_DEFERRED_STATS_H
#define _NTSHIM_DEFERRED_STATS_H

#include <linux/percpu.h>

/* E(ID, "name in debugfs") */
#define NTSHIM_DEFERRED_EVENTS(E)                                             \
	E(DPC_QUEUED, "dpc_queued")                                           \
	E(DPC_ALREADY_QUEUED, "dpc_already_queued")                           \
	E(DPC_REMOVED, "dpc_removed")                                         \
	E(DPC_RUN, "dpc_run")                                                 \
	E(DPC_FLUSHES, "dpc_flushes")                                         \
	E(DPC_CANCELLED, "dpc_cancelled")                                     \
	E(TIMER_FIRED, "timer_fired")                                         \
	E(TIMER_CANCELLED, "timer_cancelled")                                 \
	E(WORK_RUN, "work_run")                                               \
	E(WORK_CANCELLED, "work_cancelled")

#define E(id, name) NTSHIM_DEFERRED_##id,
enum ntshim_deferred_event { NTSHIM_DEFERRED_EVENTS(E) NTSHIM_DEFERRED_NR };
#undef E

DECLARE_PER_CPU(unsigned long, ntshim_deferred_counts[NTSHIM_DEFERRED_NR]);

#define ntshim_deferred_inc(id)                                               \
	this_cpu_inc(ntshim_deferred_counts[NTSHIM_DEFERRED_##id])

struct dentry;
void ntshim_deferred_stats_init(struct dentry *root);

#endif /* _NTSHIM_DEFERRED_STATS_H */
