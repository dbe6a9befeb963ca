// SPDX-License-Identifier: GPL-2.0
/*
 * The table of pool blocks of PAGE_SIZE or more, Windows' "big pool" table
 * done with an rhashtable: lookups are RCU, inserts and removals take only
 * the bucket's lock and the table grows and shrinks in the background, so
 * no global lock sits on the allocation path.  Records are freed after a
 * grace period, so a free that found one may still look at it while a
 * racing free of the same block removes it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hash.h>
#include <linux/rhashtable.h>

#include "pool_internal.h"

static struct rhashtable pool_large_table;

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

/* Returns 0 or -ENOMEM (-EBUSY) when the table cannot take the record. */
int pool_large_insert(struct pool_large *l)
{
	return rhashtable_insert_fast(&pool_large_table, &l->node,
				      pool_large_params);
}

/* Call under rcu_read_lock(); the record stays readable until it ends. */
struct pool_large *pool_large_find(const void *p)
{
	return rhashtable_lookup(&pool_large_table, &p, pool_large_params);
}

void pool_large_remove(struct pool_large *l)
{
	rhashtable_remove_fast(&pool_large_table, &l->node, pool_large_params);
}

int pool_large_init(void)
{
	return rhashtable_init(&pool_large_table, &pool_large_params);
}

/* Every block is freed or reported by now; leaked records go with it. */
void pool_large_exit(void)
{
	rhashtable_destroy(&pool_large_table);
}
