// SPDX-License-Identifier: GPL-2.0
/*
 * The default tier's table of big blocks (PAGE_SIZE or more), done the
 * way Windows does its big-pool table: one flat array of 16-byte slots,
 * open addressing, a few probes from the hash of the address.  An insert
 * takes a free slot with one cmpxchg, a free claims its slot with one
 * cmpxchg, so neither takes a lock or allocates a record, and a wild or
 * stale pointer is just an address found in no slot: nothing of it is
 * read.  When the probe window is full, pool.c keeps the block in the
 * pool_large rhashtable instead (its checked path), as it does for
 * tracked and Verifier blocks.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/vmalloc.h>

#include "pool_internal.h"

static struct pool_big_slot *ntshim_pool_big __read_mostly;

int ntshim_pool_big_init(void)
{
	ntshim_pool_big = vzalloc(array_size(POOL_BIG_SLOTS,
					     sizeof(*ntshim_pool_big)));
	return ntshim_pool_big ? 0 : -ENOMEM;
}

/* Blocks still in the table at exit are leaks, reported by pool_stats. */
void ntshim_pool_big_exit(void)
{
	vfree(ntshim_pool_big);
	ntshim_pool_big = NULL;
}

bool ntshim_pool_big_insert(void *p, SIZE_T size, u16 row)
{
	u32 i = pool_big_hash(p);
	unsigned int n;

	for (n = 0; n < POOL_BIG_PROBES; n++, i = (i + 1) % POOL_BIG_SLOTS) {
		struct pool_big_slot *s = &ntshim_pool_big[i];
		unsigned long none = 0;

		if (READ_ONCE(s->va) ||
		    !try_cmpxchg(&s->va, &none, (unsigned long)p | POOL_BIG_BUSY))
			continue;
		s->size = size;
		s->row = row;
		/* the fields before the address: pairs with the claim */
		smp_store_release(&s->va, (unsigned long)p);
		return true;
	}
	return false;
}

struct pool_big_slot *ntshim_pool_big_claim(const void *p)
{
	unsigned long va = (unsigned long)p;
	u32 i = pool_big_hash(p);
	unsigned int n;

	if (!va)	/* what a free slot holds */
		return NULL;
	for (n = 0; n < POOL_BIG_PROBES; n++, i = (i + 1) % POOL_BIG_SLOTS) {
		struct pool_big_slot *s = &ntshim_pool_big[i];
		/* acquire: the size and row the insert wrote before */
		unsigned long now = smp_load_acquire(&s->va);

		if (now == va && try_cmpxchg(&s->va, &now, va | POOL_BIG_BUSY))
			return s;
		/* another free of the block claimed it: a double free */
		if (now == (va | POOL_BIG_BUSY))
			return ERR_PTR(-EBUSY);
	}
	return NULL;
}

SIZE_T ntshim_pool_big_size(const void *p)
{
	unsigned long va = (unsigned long)p;
	u32 i = pool_big_hash(p);
	unsigned int n;

	if (!va)	/* what a free slot holds */
		return 0;
	for (n = 0; n < POOL_BIG_PROBES; n++, i = (i + 1) % POOL_BIG_SLOTS) {
		struct pool_big_slot *s = &ntshim_pool_big[i];
		u32 size;

		/* pairs with the insert's release: its size is written */
		if (smp_load_acquire(&s->va) != va)
			continue;
		size = READ_ONCE(s->size);
		smp_rmb();	/* the size before the second look */
		if (READ_ONCE(s->va) == va)
			return size;
	}
	return 0;
}
