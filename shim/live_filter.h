/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The live-object filter: which pages may hold a live object.
 *
 * Every free of pool or of a lookaside block asks whether a live object
 * (a set KTIMER, a queued KDPC or work item, a live lookaside list, an
 * initialised ERESOURCE) starts inside the block (ntshim_free_check()).
 * The registries that know are lists and tables under their own locks;
 * walking them on every free would cost a lock and a walk per free as
 * soon as one object lives anywhere.  The filter answers first, from two
 * tables of counters:
 *
 *   page[hash(address >> PAGE_SHIFT)]            one count per live object
 *   region[hash(address >> NTSHIM_LIVE_REGION_SHIFT)]   the same, per 2 MiB
 *
 * A registry counts an object in when it enters the registry and out when
 * it leaves, under the registry's lock, at the one place in each area
 * that links or unlinks it (so a count cannot be taken twice or dropped
 * twice: ntshim_live_link() pairs with the list_add and
 * ntshim_live_unlink() with the list_del of the same object).  Only the
 * object's first byte is counted: the registries match an object by its
 * start address.
 *
 * A free of [lo, hi) looks at the page counters of a block of one or two
 * pages; a bigger block looks at its regions' counters first (up to
 * NTSHIM_LIVE_MAX_REGIONS of them), then, when one is nonzero, at its
 * pages' (up to NTSHIM_LIVE_MAX_PAGES of them, 64 KiB).  The registries
 * are walked only when those say an object may be there (or the block is
 * bigger still).  A hash collision only costs a walk; an object is never
 * missed, because its own page's counter is nonzero while it is live.
 */
#ifndef _NTSHIM_LIVE_FILTER_H
#define _NTSHIM_LIVE_FILTER_H

#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/cache.h>
#include <linux/compiler.h>
#include <linux/hash.h>
#include <linux/types.h>
#include <asm/page.h>

#define NTSHIM_LIVE_PAGE_BITS 12	/* 4096 counters, 16 KiB */
#define NTSHIM_LIVE_REGION_SHIFT 21	/* 2 MiB */
#define NTSHIM_LIVE_REGION_BITS 8
#define NTSHIM_LIVE_MAX_REGIONS 16	/* checked region by region: 32 MiB */
#define NTSHIM_LIVE_MAX_PAGES 16	/* then page by page: 64 KiB */

/**
 * struct ntshim_live_filter - the counters (see the top of live_filter.h)
 * @page:   live objects whose first byte lies in a page of this hash
 * @region: live objects whose first byte lies in a 2 MiB region of this hash
 */
struct ntshim_live_filter {
	atomic_t page[1 << NTSHIM_LIVE_PAGE_BITS];
	atomic_t region[1 << NTSHIM_LIVE_REGION_BITS];
} ____cacheline_aligned;

extern struct ntshim_live_filter ntshim_live;

static __always_inline atomic_t *ntshim_live_page(unsigned long pfn)
{
	return &ntshim_live.page[hash_long(pfn, NTSHIM_LIVE_PAGE_BITS)];
}

static __always_inline atomic_t *ntshim_live_region(unsigned long region)
{
	return &ntshim_live.region[hash_long(region, NTSHIM_LIVE_REGION_BITS)];
}

/**
 * ntshim_live_link() - an object enters its registry
 * @obj: the object (its first byte is what the free check matches)
 *
 * Call it with the registry's lock held, next to the list_add (or table
 * insert) that makes @obj live, and nowhere else.
 */
static inline void ntshim_live_link(const void *obj)
{
	unsigned long a = (unsigned long)obj;

	atomic_inc(ntshim_live_page(a >> PAGE_SHIFT));
	atomic_inc(ntshim_live_region(a >> NTSHIM_LIVE_REGION_SHIFT));
}

/**
 * ntshim_live_unlink() - an object leaves its registry
 * @obj: the object ntshim_live_link() counted
 *
 * Call it with the registry's lock held, next to the list_del (or table
 * erase) that takes @obj out, only when @obj really was in.  A counter
 * below zero is a bug in the pairing: it warns.
 */
static inline void ntshim_live_unlink(const void *obj)
{
	unsigned long a = (unsigned long)obj;
	int page, region;

	page = atomic_dec_return(ntshim_live_page(a >> PAGE_SHIFT));
	region = atomic_dec_return(ntshim_live_region(a >> NTSHIM_LIVE_REGION_SHIFT));
	WARN_ON_ONCE(page < 0 || region < 0);
}

bool ntshim_live_maybe_large(unsigned long lo, unsigned long hi);

/**
 * ntshim_live_maybe() - may a live object start in [@lo, @hi)?
 * @lo: the block's first byte
 * @hi: one past its last byte
 *
 * A block of one or two pages (every small block, a page-sized big one)
 * costs one or two loads; a bigger one is looked at region by region
 * first (out of line).
 *
 * Return: false when no live object starts in the block (the common
 * case); true when the registries must be walked.
 */
static __always_inline bool ntshim_live_maybe(unsigned long lo, unsigned long hi)
{
	unsigned long pfn = lo >> PAGE_SHIFT, last = (hi - 1) >> PAGE_SHIFT;

	/* an empty block at a page boundary takes the slow path: no harm */
	if (likely(last - pfn <= 1))
		return atomic_read(ntshim_live_page(pfn)) ||
		       (last != pfn && atomic_read(ntshim_live_page(last)));
	return ntshim_live_maybe_large(lo, hi);
}

#endif /* _NTSHIM_LIVE_FILTER_H */
