// SPDX-License-Identifier: GPL-2.0
/*
 * /sys/kernel/debug/ntshim/deferred: the DPC, timer and work-item
 * counters, summed over CPUs (see deferred_stats.h).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "deferred_stats.h"

DEFINE_PER_CPU(unsigned long, ntshim_deferred_counts[NTSHIM_DEFERRED_NR]);

#define E(id, name) [NTSHIM_DEFERRED_##id] = name,
static const char *const deferred_names[] = { NTSHIM_DEFERRED_EVENTS(E) };
#undef E

static int deferred_show(struct seq_file *m, void *v)
{
	unsigned long sum[NTSHIM_DEFERRED_NR] = {};
	int cpu, i;

	/* Snapshot every counter first, then print. */
	for_each_possible_cpu(cpu)
		for (i = 0; i < NTSHIM_DEFERRED_NR; i++)
			sum[i] += READ_ONCE(per_cpu(ntshim_deferred_counts, cpu)[i]);
	for (i = 0; i < NTSHIM_DEFERRED_NR; i++)
		seq_printf(m, "%-20s %lu\n", deferred_names[i], sum[i]);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(deferred);

void ntshim_deferred_stats_init(struct dentry *root)
{
	debugfs_create_file("deferred", 0400, root, NULL, &deferred_fops);
}
