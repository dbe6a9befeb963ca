// SPDX-License-Identifier: GPL-2.0
/*
 * The tracking list of Mm allocations, I/O mappings and MDLs: what each
 * module holds, the leak report at its unload, and mm_outstanding in
 * debugfs.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <ntshim/mm.h>
#include <ntshim/pool.h>
#include <ntshim/violation.h>

#include "mm_track.h"

static DEFINE_SPINLOCK(mm_lock);
static LIST_HEAD(mm_blocks);

static const char *owner_name(const struct module *owner)
{
	return owner ? owner->name : "kernel";
}

void ntshim_mm_track(struct ntshim_mm_block *b, const struct ntshim_mm_kind *kind,
		     void *addr, size_t size, size_t charge,
		     struct module *owner, unsigned long caller)
{
	unsigned long flags;

	b->addr = addr;
	b->size = size;
	b->kind = kind;
	b->charge = charge;
	b->owner = owner;
	b->caller = caller;
	if (kind->tag)
		ntshim_pool_charge(kind->tag, NonPagedPool, charge);
	spin_lock_irqsave(&mm_lock, flags);
	list_add_tail(&b->node, &mm_blocks);
	spin_unlock_irqrestore(&mm_lock, flags);
}

struct ntshim_mm_block *ntshim_mm_untrack(const void *addr,
					  const struct ntshim_mm_kind *kind)
{
	struct ntshim_mm_block *b, *found = NULL;
	unsigned long flags;

	spin_lock_irqsave(&mm_lock, flags);
	list_for_each_entry(b, &mm_blocks, node) {
		if (b->addr == addr && b->kind == kind) {
			list_del(&b->node);
			found = b;
			break;
		}
	}
	spin_unlock_irqrestore(&mm_lock, flags);
	if (found && kind->tag)
		ntshim_pool_uncharge(kind->tag, NonPagedPool, found->charge);
	return found;
}

ULONG ntshim_mm_outstanding(const struct module *owner)
{
	struct ntshim_mm_block *b;
	unsigned long flags;
	ULONG n = 0;

	spin_lock_irqsave(&mm_lock, flags);
	list_for_each_entry(b, &mm_blocks, node)
		if (!owner || b->owner == owner)
			n++;
	spin_unlock_irqrestore(&mm_lock, flags);
	return n;
}
EXPORT_SYMBOL_GPL(ntshim_mm_outstanding);

void ntshim_mm_reclaim(const struct module *mod)
{
	struct ntshim_mm_block *b, *next;
	unsigned long flags;
	LIST_HEAD(leaked);

	spin_lock_irqsave(&mm_lock, flags);
	list_for_each_entry_safe(b, next, &mm_blocks, node)
		if (!mod || b->owner == mod)
			list_move_tail(&b->node, &leaked);
	spin_unlock_irqrestore(&mm_lock, flags);

	list_for_each_entry_safe(b, next, &leaked, node) {
		list_del(&b->node);
		ntshim_violation(NTSHIM_V_MM_LEAK, b->kind->tag, b->addr, b->caller,
				 "%s of %zu bytes still held by %s at unload; freed",
				 b->kind->name, b->size, owner_name(b->owner));
		if (b->kind->tag)
			ntshim_pool_uncharge(b->kind->tag, NonPagedPool, b->charge);
		b->kind->release(b);
	}
}

/* One row of mm_outstanding, copied out under the lock. */
struct mm_row {
	void *addr;
	const char *kind;
	size_t size;
	char owner[MODULE_NAME_LEN];
	unsigned long caller;
};

static int mm_outstanding_show(struct seq_file *m, void *v)
{
	struct ntshim_mm_block *b;
	struct mm_row *rows;
	unsigned long flags;
	unsigned int n, i;

	/* Snapshot under the lock with interrupts off, print after. */
	n = ntshim_mm_outstanding(NULL) + 16;
	rows = kvmalloc_array(n, sizeof(*rows), GFP_KERNEL);
	if (!rows)
		return -ENOMEM;
	i = 0;
	spin_lock_irqsave(&mm_lock, flags);
	list_for_each_entry(b, &mm_blocks, node) {
		if (i == n)
			break;
		rows[i].addr = b->addr;
		rows[i].kind = b->kind->name;
		rows[i].size = b->size;
		strscpy(rows[i].owner, owner_name(b->owner), sizeof(rows[i].owner));
		rows[i].caller = b->caller;
		i++;
	}
	spin_unlock_irqrestore(&mm_lock, flags);

	/* %px as in violations: the raw address is what a developer needs. */
	seq_puts(m, "Address Kind Size Owner Caller\n");
	for (n = 0; n < i; n++)
		seq_printf(m, "%px %s %zu %s %pS\n", rows[n].addr, rows[n].kind,
			   rows[n].size, rows[n].owner, (void *)rows[n].caller);
	kvfree(rows);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(mm_outstanding);

void ntshim_mm_track_init(struct dentry *root)
{
	debugfs_create_file("mm_outstanding", 0400, root, NULL,
			    &mm_outstanding_fops);
}
