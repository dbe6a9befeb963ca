/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to shim/pool*.c: the block headers, the statistics rows and the
 * hooks between allocation, statistics, the large-block table, tracking
 * and fault injection.
 */
#ifndef _NTSHIM_POOL_INTERNAL_H
#define _NTSHIM_POOL_INTERNAL_H

#include <linux/fault-inject.h>
#include <linux/hash.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <linux/rhashtable-types.h>
#include <linux/sched.h>
#include <ntshim/pool.h>

#include "test_exports.h"

struct dentry;
struct module;

/* Per-CPU counters of one statistics row; summed when read. */
struct pool_tag_counters {
	unsigned long allocs;
	unsigned long frees;
	long bytes;
};

/*
 * One statistics row, keyed by (tag, pool type, owner, caller): every call
 * site that allocates has rows of its own, so a leak report names the
 * caller without any per-block bookkeeping.  A slot is in use once @pcpu
 * is set (published with release); the slot array never moves, so a block
 * keeps its row as a 16-bit index.  See pool_stats.c for reuse.
 */
struct pool_tag_entry {
	ULONG tag;		/* PROTECTED_POOL cleared */
	u16 type;		/* POOL_TYPE, low 16 bits */
	struct module *owner;
	unsigned long caller;
	struct pool_tag_counters __percpu *pcpu;
};

/* A module that unloaded: its rows keep this as owner. */
#define POOL_OWNER_GONE ((struct module *)1UL)
/* A row being re-keyed for a new owner (pool_stats.c); matches nothing. */
#define POOL_OWNER_BUSY ((struct module *)2UL)

static inline const char *pool_owner_name(struct module *owner)
{
	if (owner == POOL_OWNER_GONE || owner == POOL_OWNER_BUSY)
		return "[unloaded]";
	return owner ? module_name(owner) : "kernel";
}

static inline bool pool_type_paged(unsigned int type)
{
	return type & PagedPool;
}

/* The Type column of pooltags and pool_outstanding, as poolmon prints it. */
static inline const char *pool_type_name(bool paged)
{
	return paged ? "Paged" : "Nonp";
}

/* What pool_outstanding lists for one live block (tracking on). */
void ntshim_pool_track_forget_owner(const struct module *owner);

struct pool_track_node {
	struct list_head link;
	void *ptr;		/* the caller's pointer */
	SIZE_T size;
	u16 row;
	int cpu;		/* whose list holds it */
};

/*
 * The 16-byte header right in front of every block smaller than PAGE_SIZE.
 * @magic is the claim word: a generation number (high half) and a check
 * of it keyed by a boot-time secret and the header's address (low half),
 * in a live or freed flavour.  Free swaps live for freed with one cmpxchg
 * of the value it validated, so of two racing frees one wins, and a block
 * freed and reallocated in between has another generation and is not
 * taken for the one the loser saw.
 */
struct pool_hdr {
	u64 magic;
	u32 size;		/* bytes requested */
	u16 row;		/* ntshim_pool_tags[] index */
	u8 pad;			/* bytes from the slab object to this header */
	u8 cls : 7;		/* pool_caches[] index + 1; 0: from kmalloc() */
	u8 tracked : 1;		/* a pool_track_node sits right in front */
};

/*
 * Blocks of PAGE_SIZE or more are page aligned with no room in front; their
 * record lives in the pool_large table (pool_large.c), keyed by address.
 */
struct pool_large {
	struct rhash_head node;
	void *ptr;		/* the key: what kvmalloc() returned */
	SIZE_T size;
	u64 magic;		/* as in pool_hdr */
	u16 row;
	bool tracked;
	struct pool_track_node track;
};

/* pool_stats.c */
#define POOL_TAG_BITS 11
#define POOL_TAG_SLOTS BIT(POOL_TAG_BITS)
/* When the table is full, rows fold into this last one, shown as "Ovfl". */
#define POOL_TAG_OVERFLOW POOL_TAG_SLOTS

static_assert(POOL_TAG_OVERFLOW <= U16_MAX);

extern struct pool_tag_entry ntshim_pool_tags[];
u16 ntshim_pool_stats_row_slow(ULONG tag, unsigned int type,
			       struct module *owner, unsigned long caller);

/*
 * The owner and the call site's page are left out of the hash (not the
 * key), so a driver loaded again, at any address, probes from where its
 * retired rows are and reuses them.
 */
static inline u32 pool_tag_hash(ULONG tag, unsigned int type,
				unsigned long caller)
{
	return hash_long((caller & ~PAGE_MASK) ^ ((unsigned long)tag << 16) ^
			 type, POOL_TAG_BITS);
}

/*
 * The owner is written last when a slot is (re)keyed and read first, with
 * acquire: a reader that sees its own owner sees the rest of the key.  The
 * value a retired slot holds before that, GONE or BUSY, matches no lookup.
 */
static inline bool pool_tag_match(struct pool_tag_entry *e, ULONG tag,
				  unsigned int type, struct module *owner,
				  unsigned long caller)
{
	/* pairs with the release in pool_tag_rekey(): the key is set */
	return smp_load_acquire(&e->owner) == owner && e->tag == tag &&
	       e->type == type && READ_ONCE(e->caller) == caller;
}

/*
 * The row for (tag, type, owner, caller), created on first use.  Any
 * context.  Inline for the common case, the key in its first slot: a call
 * site's row is looked up on every allocation.
 */
static __always_inline u16 pool_stats_row(ULONG tag, unsigned int type,
					  struct module *owner,
					  unsigned long caller)
{
	u32 idx;

	tag &= ~PROTECTED_POOL;
	type &= U16_MAX;
	idx = pool_tag_hash(tag, type, caller);
	/* pairs with the release in pool_stats_insert(): the key is set */
	if (likely(smp_load_acquire(&ntshim_pool_tags[idx].pcpu) &&
		   pool_tag_match(&ntshim_pool_tags[idx], tag, type, owner, caller)))
		return idx;
	return ntshim_pool_stats_row_slow(tag, type, owner, caller);
}

static inline struct pool_tag_entry *pool_row_entry(u16 row)
{
	return &ntshim_pool_tags[row];
}

static inline void pool_stats_add(u16 row, SIZE_T bytes)
{
	struct pool_tag_counters __percpu *c = ntshim_pool_tags[row].pcpu;

	this_cpu_inc(c->allocs);
	this_cpu_add(c->bytes, bytes);
}

static inline void pool_stats_sub(u16 row, SIZE_T bytes)
{
	struct pool_tag_counters __percpu *c = ntshim_pool_tags[row].pcpu;

	this_cpu_inc(c->frees);
	this_cpu_sub(c->bytes, bytes);
}

u64 ntshim_pool_stats_outstanding(void);
int ntshim_pool_stats_init(struct dentry *root);
void ntshim_pool_stats_exit(void);

/* pool_large.c */
struct pool_large *ntshim_pool_large_alloc(gfp_t gfp);
void ntshim_pool_large_free(struct pool_large *l);
int ntshim_pool_large_insert(struct pool_large *l);
struct pool_large *ntshim_pool_large_find(const void *p);
void ntshim_pool_large_remove(struct pool_large *l);
int ntshim_pool_large_init(u32 load_id);
void ntshim_pool_large_exit(bool empty);

/* pool_big.c: the default tier's big blocks, see there. */
struct pool_big_slot {
	unsigned long va;	/* the block; 0: free; | POOL_BIG_BUSY: */
	u32 size;		/* being filled in or freed */
	u16 row;
};

#define POOL_BIG_BUSY 1UL
#define POOL_BIG_BITS 14	/* 16384 slots, 256 KiB */
#define POOL_BIG_SLOTS BIT(POOL_BIG_BITS)
#define POOL_BIG_PROBES 8

static inline u32 pool_big_hash(const void *p)
{
	return hash_long((unsigned long)p >> PAGE_SHIFT, POOL_BIG_BITS);
}

int ntshim_pool_big_init(void);
void ntshim_pool_big_exit(void);
/* False: no free slot near its hash; the block goes to pool_large. */
bool ntshim_pool_big_insert(void *p, SIZE_T size, u16 row);
/*
 * The slot of the block at @p, claimed (one caller wins), or NULL, or
 * ERR_PTR(-EBUSY) when a racing free of @p has claimed it.
 */
struct pool_big_slot *ntshim_pool_big_claim(const void *p);
/* The size of the block at @p (not claimed), or 0. */
SIZE_T ntshim_pool_big_size(const void *p);

/* A claimed slot is free again. */
static inline void ntshim_pool_big_release(struct pool_big_slot *s)
{
	/* the free's reads of the slot before an insert may reuse it */
	smp_store_release(&s->va, 0);
}

/* pool_track.c */
extern bool ntshim_pool_track;
/* Fill in @t for the block at @ptr and list it. */
void ntshim_pool_track_add(struct pool_track_node *t, void *ptr, SIZE_T size,
			   u16 row);
void ntshim_pool_track_del(struct pool_track_node *t);
void ntshim_pool_track_init(struct dentry *root);

/* pool_fault.c */
#ifdef CONFIG_FAULT_INJECTION
extern struct fault_attr ntshim_fail_pool;
bool ntshim_pool_should_fail(ULONG tag, SIZE_T size);

/* Might ntshim_pool_should_fail() say yes?  The fast path's test. */
static __always_inline bool ntshim_pool_fault_armed(void)
{
	return READ_ONCE(ntshim_fail_pool.probability) ||
	       (in_task() && READ_ONCE(current->fail_nth));
}
#else
static inline bool ntshim_pool_fault_armed(void)
{
	return false;
}

static inline bool ntshim_pool_should_fail(ULONG tag, SIZE_T size)
{
	return false;
}
#endif
void ntshim_pool_fault_init(struct dentry *root);

#endif /* _NTSHIM_POOL_INTERNAL_H */
