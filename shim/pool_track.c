// SPDX-License-Identifier: GPL-2.0
/*
 * Per-block tracking for pool_outstanding: every live block, with its
 * address, size and statistics row (which names tag, type, owner and
 * caller).
 *
 * Tracked blocks sit on per-CPU lists, each with its own lock, so
 * allocations on different CPUs do not contend; a block remembers which
 * list holds it.  Tracking costs a lock round trip and 48 bytes per block,
 * so it is a module parameter: pool_track (default on when built with
 * CONFIG_NTSHIM_DEBUG).  Switching it affects new blocks only.  Leak
 * reports do not need it: the statistics rows are per call site.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/kmemleak.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <ntshim/tag.h>

#include "pool_internal.h"

bool ntshim_pool_track = IS_ENABLED(CONFIG_NTSHIM_DEBUG);
module_param_named(pool_track, ntshim_pool_track, bool, 0644);
MODULE_PARM_DESC(pool_track,
		 "track every live pool block for pool_outstanding (default: on in debug builds)");

bool ntshim_pool_track_set(bool on)
{
	return xchg(&ntshim_pool_track, on);
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_pool_track_set);

struct pool_track_list {
	spinlock_t lock;	/* protects blocks */
	struct list_head blocks;
};

static DEFINE_PER_CPU(struct pool_track_list, pool_track_lists);

void ntshim_pool_track_add(struct pool_track_node *t, void *ptr, SIZE_T size,
			   u16 row)
{
	struct pool_track_list *tl;
	unsigned long flags;

	t->ptr = ptr;
	t->size = size;
	t->row = row;

	/* Any CPU's list will do; this one's is the least contended. */
	t->cpu = raw_smp_processor_id();
	tl = per_cpu_ptr(&pool_track_lists, t->cpu);
	spin_lock_irqsave(&tl->lock, flags);
	list_add(&t->link, &tl->blocks);
	spin_unlock_irqrestore(&tl->lock, flags);
}

void ntshim_pool_track_del(struct pool_track_node *t)
{
	struct pool_track_list *tl = per_cpu_ptr(&pool_track_lists, t->cpu);
	unsigned long flags;

	spin_lock_irqsave(&tl->lock, flags);
	list_del(&t->link);
	spin_unlock_irqrestore(&tl->lock, flags);
}

/*
 * @owner unloads with these blocks: ntshim has reported them (pool_leak),
 * and nothing can free them once ntshim goes too, so kmemleak is told not
 * to report them a second time.  Only tracked blocks can be found.
 */
void ntshim_pool_track_forget_owner(const struct module *owner)
{
	unsigned long flags;
	int cpu;

	for_each_possible_cpu(cpu) {
		struct pool_track_list *tl = per_cpu_ptr(&pool_track_lists, cpu);
		struct pool_track_node *t;

		spin_lock_irqsave(&tl->lock, flags);
		list_for_each_entry(t, &tl->blocks, link) {
			struct pool_hdr *h = (struct pool_hdr *)t->ptr - 1;

			if (READ_ONCE(pool_row_entry(t->row)->owner) != owner)
				continue;
			/* big blocks start at the caller's pointer */
			kmemleak_not_leak(t->size >= PAGE_SIZE ? t->ptr :
					  (void *)h - h->pad);
		}
		spin_unlock_irqrestore(&tl->lock, flags);
	}
}

/* One row of pool_outstanding, copied out under the list's lock. */
struct pool_outstanding_row {
	const void *ptr;
	u32 tag;
	bool paged;
	size_t size;
	char owner[MODULE_NAME_LEN];
	unsigned long caller;
};

/* Copy at most @max rows of @tl into @rows; returns how many. */
static unsigned int pool_outstanding_snapshot(struct pool_track_list *tl,
					      struct pool_outstanding_row *rows,
					      unsigned int max)
{
	struct pool_track_node *t;
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&tl->lock, flags);
	list_for_each_entry(t, &tl->blocks, link) {
		struct pool_tag_entry *e = pool_row_entry(t->row);

		if (n == max)
			break;
		rows[n].ptr = t->ptr;
		rows[n].tag = e->tag;
		rows[n].paged = pool_type_paged(e->type);
		rows[n].size = t->size;
		strscpy(rows[n].owner, pool_owner_name(READ_ONCE(e->owner)),
			sizeof(rows[n].owner));
		rows[n].caller = e->caller;
		n++;
	}
	spin_unlock_irqrestore(&tl->lock, flags);
	return n;
}

static int pool_outstanding_show(struct seq_file *m, void *v)
{
	struct pool_outstanding_row *rows;
	char tagbuf[NTSHIM_TAG_STR_LEN];
	unsigned int n, i, max;
	int cpu;

	seq_puts(m, "Address          Tag  Type      Size Owner Caller\n");
	for_each_possible_cpu(cpu) {
		struct pool_track_list *tl = per_cpu_ptr(&pool_track_lists, cpu);

		/* Snapshot with interrupts off, print after (as slub does). */
		spin_lock_irq(&tl->lock);
		max = list_count_nodes(&tl->blocks) + 64;
		spin_unlock_irq(&tl->lock);
		rows = kvmalloc_array(max, sizeof(*rows), GFP_KERNEL);
		if (!rows)
			return -ENOMEM;
		n = pool_outstanding_snapshot(tl, rows, max);
		for (i = 0; i < n; i++)
			seq_printf(m, "%px %-4s %-5s %9zu %s %pS\n", rows[i].ptr,
				   ntshim_tag_str(rows[i].tag, tagbuf),
				   pool_type_name(rows[i].paged), rows[i].size,
				   rows[i].owner, (void *)rows[i].caller);
		kvfree(rows);
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(pool_outstanding);

void ntshim_pool_track_init(struct dentry *root)
{
	int cpu;

	for_each_possible_cpu(cpu) {
		struct pool_track_list *tl = per_cpu_ptr(&pool_track_lists, cpu);

		spin_lock_init(&tl->lock);
		INIT_LIST_HEAD(&tl->blocks);
	}
	debugfs_create_file("pool_outstanding", 0400, root, NULL,
			    &pool_outstanding_fops);
}
