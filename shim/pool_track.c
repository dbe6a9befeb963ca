// SPDX-License-Identifier: GPL-2.0
/*
 * Per-block tracking: the live blocks behind pool_outstanding and the
 * per-block part of leak reports, and the module notifier that reports a
 * module's leaks when it unloads.
 *
 * Tracked blocks sit on per-CPU lists, each with its own lock, so
 * allocations on different CPUs do not contend; a block remembers which
 * list holds it.  Tracking costs a lock round trip per alloc and free, so
 * it is a module parameter: pool_track (default on when built with
 * CONFIG_NTSHIM_DEBUG).  Switching it affects new blocks only.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/moduleparam.h>
#include <linux/notifier.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <ntshim/tag.h>

#include "pool_internal.h"

bool pool_track = IS_ENABLED(CONFIG_NTSHIM_DEBUG);
module_param(pool_track, bool, 0644);
MODULE_PARM_DESC(pool_track,
		 "track every live pool block for pool_outstanding and per-block leak reports (default: on in debug builds)");

struct pool_track_list {
	spinlock_t lock;	/* protects blocks */
	struct list_head blocks;
};

static DEFINE_PER_CPU(struct pool_track_list, pool_track_lists);

void pool_track_add(struct pool_hdr *h)
{
	struct pool_track_list *tl;
	unsigned long flags;

	/* Any CPU's list will do; this one's is the least contended. */
	h->cpu = raw_smp_processor_id();
	tl = per_cpu_ptr(&pool_track_lists, h->cpu);
	spin_lock_irqsave(&tl->lock, flags);
	list_add(&h->node, &tl->blocks);
	spin_unlock_irqrestore(&tl->lock, flags);
	h->flags |= POOL_HDR_TRACKED;
}

void pool_track_del(struct pool_hdr *h)
{
	struct pool_track_list *tl = per_cpu_ptr(&pool_track_lists, h->cpu);
	unsigned long flags;

	spin_lock_irqsave(&tl->lock, flags);
	list_del(&h->node);
	spin_unlock_irqrestore(&tl->lock, flags);
}

static const char *pool_type_name(const struct pool_hdr *h)
{
	return h->stats->paged ? "Paged" : "Nonp";
}

static int pool_outstanding_show(struct seq_file *m, void *v)
{
	char tagbuf[NTSHIM_TAG_STR_LEN];
	unsigned long flags;
	int cpu;

	seq_puts(m, "Address          Tag  Type      Size Owner Caller\n");
	for_each_possible_cpu(cpu) {
		struct pool_track_list *tl = per_cpu_ptr(&pool_track_lists, cpu);
		struct pool_hdr *h;

		spin_lock_irqsave(&tl->lock, flags);
		list_for_each_entry(h, &tl->blocks, node)
			seq_printf(m, "%px %-4s %-5s %9zu %s %pS\n",
				   (h->flags & POOL_HDR_LARGE) ? h->base :
				   (void *)(h + 1),
				   ntshim_tag_str(h->tag, tagbuf),
				   pool_type_name(h), h->size,
				   pool_owner_name(h->owner),
				   (void *)h->caller);
		spin_unlock_irqrestore(&tl->lock, flags);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(pool_outstanding);

/* Leaked blocks of one owner, grouped by (tag, size, caller). */
#define POOL_LEAK_GROUPS 16

struct pool_leak_group {
	ULONG tag;
	SIZE_T size;
	unsigned long caller;
	unsigned long count;
};

static void pool_leak_note(struct pool_leak_group *g, unsigned int *n,
			   unsigned long *other, const struct pool_hdr *h)
{
	unsigned int i;

	for (i = 0; i < *n; i++) {
		if (g[i].tag == h->tag && g[i].size == h->size &&
		    g[i].caller == h->caller) {
			g[i].count++;
			return;
		}
	}
	if (*n == POOL_LEAK_GROUPS) {
		(*other)++;
		return;
	}
	g[*n].tag = h->tag;
	g[*n].size = h->size;
	g[*n].caller = h->caller;
	g[*n].count = 1;
	(*n)++;
}

void pool_track_report_owner(struct module *owner)
{
	struct pool_leak_group g[POOL_LEAK_GROUPS];
	char tagbuf[NTSHIM_TAG_STR_LEN];
	unsigned long other = 0, flags;
	unsigned int n = 0, i;
	int cpu;

	for_each_possible_cpu(cpu) {
		struct pool_track_list *tl = per_cpu_ptr(&pool_track_lists, cpu);
		struct pool_hdr *h;

		spin_lock_irqsave(&tl->lock, flags);
		list_for_each_entry(h, &tl->blocks, node) {
			if (h->owner != owner)
				continue;
			pool_leak_note(g, &n, &other, h);
			h->owner = POOL_OWNER_GONE;
		}
		spin_unlock_irqrestore(&tl->lock, flags);
	}
	for (i = 0; i < n; i++)
		pr_err("leak: %s: %lu x '%s' %zu bytes from %pS\n",
		       pool_owner_name(owner), g[i].count,
		       ntshim_tag_str(g[i].tag, tagbuf), g[i].size,
		       (void *)g[i].caller);
	if (other)
		pr_err("leak: %s: %lu more blocks from other call sites\n",
		       pool_owner_name(owner), other);
}

u64 ntshim_pool_report_leaks(struct module *owner)
{
	pool_track_report_owner(owner);
	return pool_stats_report_owner(owner);
}
EXPORT_SYMBOL_GPL(ntshim_pool_report_leaks);

static int pool_module_notify(struct notifier_block *nb, unsigned long action,
			      void *data)
{
	/* GOING comes after the module's exit (or failed init). */
	if (action == MODULE_STATE_GOING)
		ntshim_pool_report_leaks(data);
	return NOTIFY_DONE;
}

static struct notifier_block pool_module_nb = {
	.notifier_call = pool_module_notify,
};

int pool_track_init(struct dentry *root)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct pool_track_list *tl = per_cpu_ptr(&pool_track_lists, cpu);

		spin_lock_init(&tl->lock);
		INIT_LIST_HEAD(&tl->blocks);
	}
	debugfs_create_file("pool_outstanding", 0400, root, NULL,
			    &pool_outstanding_fops);
	return register_module_notifier(&pool_module_nb);
}

void pool_track_exit(void)
{
	unregister_module_notifier(&pool_module_nb);
}
