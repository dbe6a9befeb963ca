// SPDX-License-Identifier: GPL-2.0
/*
 * The table of pool blocks of PAGE_SIZE or more, Windows' "big pool" table
 * done with an rhashtable: lookups are RCU, inserts and removals take only
 * the bucket's lock and the table grows and shrinks in the background, so
 * no global lock sits on the allocation path.  Records come from a
 * SLAB_TYPESAFE_BY_RCU cache: freed at once, they stay records for as long
 * as a lookup may look at them, and pool.c checks that the one it found
 * still describes its block (rhashtable copes with records moving between
 * chains under a lookup).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hash.h>
#include <linux/rhashtable.h>
#include <linux/slab.h>

#include "pool_internal.h"

static struct rhashtable pool_large_table;
static struct kmem_cache *pool_large_cache;

/* The keys are page-aligned addresses: one multiply mixes them enough. */
static u32 pool_large_hashfn(const void *key, u32 len, u32 seed)
{
	return hash_long(*(const unsigned long *)key ^ seed, 32);
}

static const struct rhashtable_params pool_large_params = {
	.key_len = sizeof(void *),
	.hashfn = pool_large_hashfn,
	.key_offset = offsetof(struct pool_large, ptr),
	.head_offset = offsetof(struct pool_large, node),
	.automatic_shrinking = true,
};

struct pool_large *ntshim_pool_large_alloc(gfp_t gfp)
{
	return kmem_cache_alloc(pool_large_cache, gfp);
}

void ntshim_pool_large_free(struct pool_large *l)
{
	kmem_cache_free(pool_large_cache, l);
}

/* Returns 0 or -ENOMEM (-EBUSY) when the table cannot take the record. */
int ntshim_pool_large_insert(struct pool_large *l)
{
	return rhashtable_insert_fast(&pool_large_table, &l->node,
				      pool_large_params);
}

/* Call under rcu_read_lock(); the record stays readable until it ends. */
struct pool_large *ntshim_pool_large_find(const void *p)
{
	return rhashtable_lookup(&pool_large_table, &p, pool_large_params);
}

void ntshim_pool_large_remove(struct pool_large *l)
{
	rhashtable_remove_fast(&pool_large_table, &l->node, pool_large_params);
}

/* @load_id: see pool_create_caches() in pool.c */
int ntshim_pool_large_init(u32 load_id)
{
	char name[32];
	int err;

	snprintf(name, sizeof(name), "ntshim_pool_large-%04x", load_id);
	pool_large_cache = kmem_cache_create(name, sizeof(struct pool_large),
					     0, SLAB_TYPESAFE_BY_RCU, NULL);
	if (!pool_large_cache)
		return -ENOMEM;
	err = rhashtable_init(&pool_large_table, &pool_large_params);
	if (err)
		kmem_cache_destroy(pool_large_cache);
	return err;
}

/*
 * Every block is freed or reported by now.  With blocks left (@empty
 * false) their records stay too, and so does the cache they are in.
 */
void ntshim_pool_large_exit(bool empty)
{
	rhashtable_destroy(&pool_large_table);
	if (empty)
		kmem_cache_destroy(pool_large_cache);
}
