// SPDX-License-Identifier: GPL-2.0
/*
 * Pool tag statistics: what poolmon shows.
 *
 * Rows live in a fixed open-addressing table keyed by (tag, paged, owner).
 * Finding a row takes no lock: a slot is published by setting its per-CPU
 * counter pointer (release), and slots are never emptied while ntshim is
 * loaded.  Only the first use of a key takes pool_tags_lock to claim a
 * slot.  Counting is a this_cpu_add() on the row's per-CPU counters;
 * readers sum them over all CPUs.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/hash.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/spinlock.h>
#include <ntshim/tag.h>
#include <ntshim/violation.h>

#include "pool_internal.h"

#define POOL_TAG_BITS 10
#define POOL_TAG_SLOTS BIT(POOL_TAG_BITS)

static struct pool_tag_entry pool_tags[POOL_TAG_SLOTS];
static DEFINE_SPINLOCK(pool_tags_lock);

/*
 * When the table is full (or the per-CPU counters cannot be allocated)
 * rows fold into this one, shown as tag "Ovfl", so totals stay right.
 */
static DEFINE_PER_CPU(struct pool_tag_counters, pool_overflow_counters);
static struct pool_tag_entry pool_overflow = {
	.tag = NTSHIM_TAG('O', 'v', 'f', 'l'),
};

static u32 pool_tag_hash(ULONG tag, bool paged, struct module *owner)
{
	return hash_32(tag ^ (paged ? 0x9e3779b9 : 0) ^
		       hash_ptr(owner, 32), POOL_TAG_BITS);
}

static bool pool_tag_match(struct pool_tag_entry *e, ULONG tag, bool paged,
			   struct module *owner)
{
	return e->tag == tag && e->paged == paged &&
	       READ_ONCE(e->owner) == owner;
}

/* Slow path: claim a slot for a key seen for the first time. */
static struct pool_tag_entry *pool_stats_insert(ULONG tag, bool paged,
						struct module *owner)
{
	struct pool_tag_counters __percpu *pcpu;
	struct pool_tag_entry *e, *found = NULL;
	u32 h = pool_tag_hash(tag, paged, owner);
	unsigned long flags;
	unsigned int i;

	pcpu = alloc_percpu_gfp(struct pool_tag_counters, GFP_ATOMIC);
	if (!pcpu)
		return &pool_overflow;

	spin_lock_irqsave(&pool_tags_lock, flags);
	for (i = 0; i < POOL_TAG_SLOTS; i++) {
		e = &pool_tags[(h + i) & (POOL_TAG_SLOTS - 1)];
		if (!e->pcpu) {
			e->tag = tag;
			e->paged = paged;
			e->owner = owner;
			/* publish the key before the slot counts as used */
			smp_store_release(&e->pcpu, pcpu);
			pcpu = NULL;
			found = e;
			break;
		}
		if (pool_tag_match(e, tag, paged, owner)) {
			found = e;	/* another CPU was first */
			break;
		}
	}
	spin_unlock_irqrestore(&pool_tags_lock, flags);

	if (pcpu)
		free_percpu(pcpu);
	return found ? found : &pool_overflow;
}

/* The row for (tag, paged, owner), created on first use.  Any context. */
struct pool_tag_entry *pool_stats_row(ULONG tag, bool paged,
				      struct module *owner)
{
	struct pool_tag_entry *e;
	unsigned int i;
	u32 h;

	tag &= ~PROTECTED_POOL;
	h = pool_tag_hash(tag, paged, owner);
	for (i = 0; i < POOL_TAG_SLOTS; i++) {
		e = &pool_tags[(h + i) & (POOL_TAG_SLOTS - 1)];
		/* pairs with the release in pool_stats_insert(): key is set */
		if (!smp_load_acquire(&e->pcpu))
			break;
		if (pool_tag_match(e, tag, paged, owner))
			return e;
	}
	return pool_stats_insert(tag, paged, owner);
}

static bool pool_type_paged(POOL_TYPE type)
{
	return type & PagedPool;
}

void ntshim_pool_charge(ULONG Tag, POOL_TYPE PoolType, SIZE_T Bytes)
{
	pool_stats_add(pool_stats_row(Tag & ~PROTECTED_POOL,
				      pool_type_paged(PoolType), NULL), Bytes);
}
EXPORT_SYMBOL_GPL(ntshim_pool_charge);

void ntshim_pool_uncharge(ULONG Tag, POOL_TYPE PoolType, SIZE_T Bytes)
{
	pool_stats_sub(pool_stats_row(Tag & ~PROTECTED_POOL,
				      pool_type_paged(PoolType), NULL), Bytes);
}
EXPORT_SYMBOL_GPL(ntshim_pool_uncharge);

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

bool ntshim_pool_query_tag(ULONG Tag, POOL_TYPE PoolType,
			   struct ntshim_pool_tag_stats *out)
{
	bool paged = pool_type_paged(PoolType);
	bool found = false;
	unsigned int i;

	memset(out, 0, sizeof(*out));
	Tag &= ~PROTECTED_POOL;
	for (i = 0; i < POOL_TAG_SLOTS; i++) {
		struct pool_tag_entry *e = &pool_tags[i];

		/* acquire: a published slot has its key set */
		if (!smp_load_acquire(&e->pcpu) || e->tag != Tag ||
		    e->paged != paged)
			continue;
		pool_stats_sum(e, out);
		found = true;
	}
	out->diff = out->allocs - out->frees;
	return found;
}
EXPORT_SYMBOL_GPL(ntshim_pool_query_tag);

u64 pool_stats_report_owner(struct module *owner)
{
	unsigned long flags;
	u64 total = 0;
	unsigned int i;

	for (i = 0; i < POOL_TAG_SLOTS; i++) {
		struct pool_tag_entry *e = &pool_tags[i];
		struct ntshim_pool_tag_stats s = {};

		/* acquire: a published slot has its key set */
		if (!smp_load_acquire(&e->pcpu) || READ_ONCE(e->owner) != owner)
			continue;
		pool_stats_sum(e, &s);
		if (s.diff > 0) {
			total += s.diff;
			ntshim_violation(NTSHIM_V_POOL_LEAK, e->tag, NULL, 0,
					 "%s unloads with %lld %s blocks (%lld bytes) outstanding",
					 pool_owner_name(owner), s.diff,
					 e->paged ? "Paged" : "Nonp", s.bytes);
		}
		/*
		 * Retire the row: a module loaded later at the same address
		 * gets rows of its own.  Blocks still out keep counting here.
		 */
		spin_lock_irqsave(&pool_tags_lock, flags);
		WRITE_ONCE(e->owner, POOL_OWNER_GONE);
		spin_unlock_irqrestore(&pool_tags_lock, flags);
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

static void pool_tag_row_add(struct pool_tag_row *rows, unsigned int *n,
			     struct pool_tag_entry *e)
{
	struct pool_tag_row *r = &rows[(*n)++];

	r->tag = e->tag;
	r->paged = e->paged;
	memset(&r->s, 0, sizeof(r->s));
	pool_stats_sum(e, &r->s);
}

static int pooltags_show(struct seq_file *m, void *v)
{
	char tagbuf[NTSHIM_TAG_STR_LEN];
	struct pool_tag_row *rows;
	unsigned int n = 0, i, j;

	rows = kvmalloc_array(POOL_TAG_SLOTS + 1, sizeof(*rows), GFP_KERNEL);
	if (!rows)
		return -ENOMEM;
	for (i = 0; i < POOL_TAG_SLOTS; i++) {
		/* acquire: a published slot has its key set */
		if (smp_load_acquire(&pool_tags[i].pcpu))
			pool_tag_row_add(rows, &n, &pool_tags[i]);
	}
	pool_tag_row_add(rows, &n, &pool_overflow);
	if (!rows[n - 1].s.allocs)
		n--;	/* the overflow row only shows once used */
	sort(rows, n, sizeof(*rows), pool_tag_row_cmp, NULL);

	seq_printf(m, "%-4s %-5s %12s %12s %10s %14s %10s\n", "Tag", "Type",
		   "Allocs", "Frees", "Diff", "Bytes", "PerAlloc");
	for (i = 0; i < n; i = j) {
		struct ntshim_pool_tag_stats s = rows[i].s;

		/* one row per (tag, type): sum over owner modules */
		for (j = i + 1; j < n && !pool_tag_row_cmp(&rows[i], &rows[j]);
		     j++) {
			s.allocs += rows[j].s.allocs;
			s.frees += rows[j].s.frees;
			s.bytes += rows[j].s.bytes;
		}
		s.diff = s.allocs - s.frees;
		seq_printf(m, "%-4s %-5s %12llu %12llu %10lld %14lld %10lld\n",
			   ntshim_tag_str(rows[i].tag, tagbuf),
			   rows[i].paged ? "Paged" : "Nonp", s.allocs, s.frees,
			   s.diff, s.bytes, s.diff > 0 ? s.bytes / s.diff : 0);
	}
	kvfree(rows);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(pooltags);

void pool_stats_init(struct dentry *root)
{
	pool_overflow.pcpu = &pool_overflow_counters;
	debugfs_create_file("pooltags", 0400, root, NULL, &pooltags_fops);
}

void pool_stats_exit(void)
{
	unsigned int i;

	for (i = 0; i < POOL_TAG_SLOTS; i++) {
		free_percpu(pool_tags[i].pcpu);
		pool_tags[i].pcpu = NULL;
	}
}
