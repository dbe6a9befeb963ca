// SPDX-License-Identifier: GPL-2.0
/*
 * Pool tag statistics: what poolmon shows.
 *
 * Rows live in a fixed open-addressing table keyed by (tag, pool type,
 * owner module, call site); pooltags sums them per (tag, paged or not).
 * Finding a row takes no lock: a slot is published by setting its per-CPU
 * counter pointer (release), and slots are never emptied while ntshim is
 * loaded.  Only the first use of a key takes pool_tags_lock to claim a
 * slot, or to hand a retired row to a new owner of the same tag.
 * Counting is a this_cpu_add() on the row's per-CPU counters; readers sum
 * them over all CPUs.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <ntshim/tag.h>
#include <ntshim/violation.h>

#include "pool_internal.h"

struct pool_tag_entry ntshim_pool_tags[POOL_TAG_SLOTS + 1];
static DEFINE_SPINLOCK(pool_tags_lock);	/* serialises claiming slots */
static DEFINE_PER_CPU(struct pool_tag_counters, pool_overflow_counters);

static void pool_stats_sum(struct pool_tag_entry *e,
			   struct ntshim_pool_tag_stats *out)
{
	/* pairs with the release in pool_stats_insert() */
	struct pool_tag_counters __percpu *pcpu = smp_load_acquire(&e->pcpu);
	int cpu;

	for_each_possible_cpu(cpu) {
		struct pool_tag_counters *c = per_cpu_ptr(pcpu, cpu);

		out->allocs += READ_ONCE(c->allocs);
		out->frees += READ_ONCE(c->frees);
		out->bytes += READ_ONCE(c->bytes);
	}
	out->diff = out->allocs - out->frees;
}

/*
 * A retired row of the same (tag, type) with nothing counted in it any more
 * may take a new owner and call site: a driver loaded again and again
 * reuses its old rows, and the tag's Allocs and Frees stay cumulative.
 */
static bool pool_tag_reusable(struct pool_tag_entry *e, ULONG tag,
			      unsigned int type)
{
	struct ntshim_pool_tag_stats s = {};

	if (READ_ONCE(e->owner) != POOL_OWNER_GONE || e->tag != tag ||
	    e->type != type)
		return false;
	pool_stats_sum(e, &s);
	return !s.diff && !s.bytes;
}

static void pool_tag_rekey(struct pool_tag_entry *e, struct module *owner,
			   unsigned long caller)
{
	WRITE_ONCE(e->owner, POOL_OWNER_BUSY);
	smp_wmb();	/* BUSY before the caller changes */
	WRITE_ONCE(e->caller, caller);
	/* pairs with the acquire in pool_tag_match() */
	smp_store_release(&e->owner, owner);
}

/*
 * Slow path: claim a slot for a key seen for the first time: the first
 * reusable slot on the key's probe sequence, else the first empty one.
 */
static u16 pool_stats_insert(ULONG tag, unsigned int type,
			     struct module *owner, unsigned long caller)
{
	struct pool_tag_counters __percpu *pcpu;
	struct pool_tag_entry *e, *reuse = NULL;
	u32 h = pool_tag_hash(tag, type, caller);
	u16 found = POOL_TAG_OVERFLOW;
	unsigned long flags;
	unsigned int i, idx;

	pcpu = alloc_percpu_gfp(struct pool_tag_counters, GFP_ATOMIC);

	spin_lock_irqsave(&pool_tags_lock, flags);
	for (i = 0; i < POOL_TAG_SLOTS; i++) {
		idx = (h + i) & (POOL_TAG_SLOTS - 1);
		e = &ntshim_pool_tags[idx];
		if (!e->pcpu)
			break;
		if (pool_tag_match(e, tag, type, owner, caller)) {
			found = idx;	/* another CPU was first */
			goto out;
		}
		if (!reuse && pool_tag_reusable(e, tag, type))
			reuse = e;
	}
	if (reuse) {
		pool_tag_rekey(reuse, owner, caller);
		found = reuse - ntshim_pool_tags;
	} else if (i < POOL_TAG_SLOTS && pcpu) {
		e->tag = tag;
		e->type = type;
		e->caller = caller;
		e->owner = owner;
		/* publish the key before the slot counts as used */
		smp_store_release(&e->pcpu, pcpu);
		pcpu = NULL;
		found = idx;
	}
out:
	spin_unlock_irqrestore(&pool_tags_lock, flags);
	free_percpu(pcpu);
	return found;
}

/*
 * The whole probe sequence, after pool_stats_row() found the key's first
 * slot taken by another key, or empty.  @tag and @type come masked.
 */
u16 ntshim_pool_stats_row_slow(ULONG tag, unsigned int type,
			       struct module *owner, unsigned long caller)
{
	u32 h = pool_tag_hash(tag, type, caller);
	struct pool_tag_entry *e;
	unsigned int i, idx;

	for (i = 0; i < POOL_TAG_SLOTS; i++) {
		idx = (h + i) & (POOL_TAG_SLOTS - 1);
		e = &ntshim_pool_tags[idx];
		/* pairs with the release in pool_stats_insert(): key is set */
		if (!smp_load_acquire(&e->pcpu))
			break;
		if (pool_tag_match(e, tag, type, owner, caller))
			return idx;
	}
	return pool_stats_insert(tag, type, owner, caller);
}

void ntshim_pool_charge(ULONG Tag, POOL_TYPE PoolType, SIZE_T Bytes)
{
	pool_stats_add(pool_stats_row(Tag, PoolType, NULL, 0), Bytes);
}
EXPORT_SYMBOL_GPL(ntshim_pool_charge);

void ntshim_pool_uncharge(ULONG Tag, POOL_TYPE PoolType, SIZE_T Bytes)
{
	pool_stats_sub(pool_stats_row(Tag, PoolType, NULL, 0), Bytes);
}
EXPORT_SYMBOL_GPL(ntshim_pool_uncharge);

bool ntshim_pool_query_tag(ULONG Tag, POOL_TYPE PoolType,
			   struct ntshim_pool_tag_stats *out)
{
	bool paged = pool_type_paged(PoolType);
	bool found = false;
	unsigned int i;

	memset(out, 0, sizeof(*out));
	Tag &= ~PROTECTED_POOL;
	for (i = 0; i <= POOL_TAG_OVERFLOW; i++) {
		struct pool_tag_entry *e = &ntshim_pool_tags[i];

		/* acquire: a published slot has its key set */
		if (!smp_load_acquire(&e->pcpu) || e->tag != Tag ||
		    pool_type_paged(e->type) != paged)
			continue;
		pool_stats_sum(e, out);
		found = true;
	}
	out->diff = out->allocs - out->frees;
	return found;
}
EXPORT_SYMBOL_GPL(ntshim_pool_query_tag);

/*
 * One pool_leak report per row (tag, type, call site) with blocks still
 * out, then the owner's rows are retired: a module loaded later at the same
 * address gets rows of its own, and a retired row is reused once its last
 * block is freed.
 */
u64 ntshim_pool_report_leaks(struct module *owner)
{
	unsigned long flags;
	u64 total = 0;
	unsigned int i;

	ntshim_pool_track_forget_owner(owner);
	for (i = 0; i < POOL_TAG_SLOTS; i++) {
		struct pool_tag_entry *e = &ntshim_pool_tags[i];
		struct ntshim_pool_tag_stats s = {};

		/* acquire: a published slot has its key set */
		if (!smp_load_acquire(&e->pcpu) || READ_ONCE(e->owner) != owner)
			continue;
		pool_stats_sum(e, &s);
		if (s.diff > 0) {
			total += s.diff;
			ntshim_violation(NTSHIM_V_POOL_LEAK, e->tag, NULL,
					 e->caller,
					 "%s unloads with %lld %s blocks (%lld bytes) from this call site outstanding",
					 pool_owner_name(owner), s.diff,
					 pool_type_name(pool_type_paged(e->type)),
					 s.bytes);
		}
		spin_lock_irqsave(&pool_tags_lock, flags);
		WRITE_ONCE(e->owner, POOL_OWNER_GONE);
		spin_unlock_irqrestore(&pool_tags_lock, flags);
	}
	return total;
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_pool_report_leaks);

/* Blocks outstanding in every row: what ntshim's exit leaves behind. */
u64 ntshim_pool_stats_outstanding(void)
{
	u64 total = 0;
	unsigned int i;

	for (i = 0; i <= POOL_TAG_OVERFLOW; i++) {
		struct ntshim_pool_tag_stats s = {};

		/* acquire: a published slot has its key set */
		if (!smp_load_acquire(&ntshim_pool_tags[i].pcpu))
			continue;
		pool_stats_sum(&ntshim_pool_tags[i], &s);
		if (s.diff > 0)
			total += s.diff;
	}
	return total;
}

struct pool_tag_row {
	ULONG tag;
	bool paged;
	struct ntshim_pool_tag_stats s;
};

/* poolmon order: by the tag as printed (memory order), Nonp before Paged. */
static int pool_tag_row_cmp(const void *a, const void *b)
{
	const struct pool_tag_row *x = a, *y = b;
	u32 kx = swab32(x->tag), ky = swab32(y->tag);

	if (kx != ky)
		return kx < ky ? -1 : 1;
	return (int)x->paged - (int)y->paged;
}

static int pooltags_show(struct seq_file *m, void *v)
{
	char tagbuf[NTSHIM_TAG_STR_LEN];
	struct pool_tag_row *rows;
	unsigned int n = 0, i, j;

	rows = kvmalloc_array(POOL_TAG_OVERFLOW + 1, sizeof(*rows), GFP_KERNEL);
	if (!rows)
		return -ENOMEM;
	for (i = 0; i <= POOL_TAG_OVERFLOW; i++) {
		struct pool_tag_entry *e = &ntshim_pool_tags[i];

		/* acquire: a published slot has its key set */
		if (!smp_load_acquire(&e->pcpu))
			continue;
		rows[n].tag = e->tag;
		rows[n].paged = pool_type_paged(e->type);
		memset(&rows[n].s, 0, sizeof(rows[n].s));
		pool_stats_sum(e, &rows[n].s);
		/* unused rows (the overflow row until used) do not show */
		if (rows[n].s.allocs)
			n++;
	}
	sort(rows, n, sizeof(*rows), pool_tag_row_cmp, NULL);

	seq_printf(m, "%-4s %-5s %12s %12s %10s %14s %10s\n", "Tag", "Type",
		   "Allocs", "Frees", "Diff", "Bytes", "PerAlloc");
	for (i = 0; i < n; i = j) {
		struct ntshim_pool_tag_stats s = rows[i].s;

		/* one row per (tag, type): sum over owners and call sites */
		for (j = i + 1; j < n && !pool_tag_row_cmp(&rows[i], &rows[j]);
		     j++) {
			s.allocs += rows[j].s.allocs;
			s.frees += rows[j].s.frees;
			s.bytes += rows[j].s.bytes;
		}
		s.diff = s.allocs - s.frees;
		seq_printf(m, "%-4s %-5s %12llu %12llu %10lld %14lld %10lld\n",
			   ntshim_tag_str(rows[i].tag, tagbuf),
			   pool_type_name(rows[i].paged), s.allocs, s.frees,
			   s.diff, s.bytes, s.diff > 0 ? s.bytes / s.diff : 0);
	}
	kvfree(rows);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(pooltags);

int ntshim_pool_stats_init(struct dentry *root)
{
	struct pool_tag_entry *e = &ntshim_pool_tags[POOL_TAG_OVERFLOW];

	e->tag = NTSHIM_TAG('O', 'v', 'f', 'l');
	e->pcpu = &pool_overflow_counters;
	debugfs_create_file("pooltags", 0400, root, NULL, &pooltags_fops);
	return 0;
}

void ntshim_pool_stats_exit(void)
{
	unsigned int i;

	for (i = 0; i < POOL_TAG_SLOTS; i++) {
		free_percpu(ntshim_pool_tags[i].pcpu);
		ntshim_pool_tags[i].pcpu = NULL;
	}
}
