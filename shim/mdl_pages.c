// SPDX-License-Identifier: GPL-2.0
/*
 * MmAllocatePagesForMdl(Ex) and MmFreePagesFromMdl: pages from the page
 * allocator, described by an MDL from ntshim's pool (the caller frees it
 * with ExFreePool(), as on Windows).  The pages themselves are tracked in
 * the Mm tracker (kind "mdl_pages") with a copy of their PFNs, so pages
 * whose MDL was freed without MmFreePagesFromMdl() are still found and
 * freed when their module unloads.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/topology.h>
#include <asm/dma.h>
#ifdef CONFIG_X86
#include <asm/set_memory.h>
#endif
#include <ntshim/irql.h>
#include <ntshim/mdl.h>
#include <ntshim/pool.h>
#include <ntshim/violation.h>

#include "mm_track.h"

/* The tracker's record: the pages, whatever happens to the MDL. */
struct mdl_pages {
	struct ntshim_mm_block track;	/* .addr is the MDL, .cache the type */
	ULONG count;
	PFN_NUMBER pfns[];
};

static void mdl_pages_release(struct ntshim_mm_block *b);

static const struct ntshim_mm_kind mdl_pages_kind = {
	.name = "mdl_pages",
	.tag = 0,	/* the pages are not pool: poolmon does not count them */
	.release = mdl_pages_release,
};

static bool cache_changes(MEMORY_CACHING_TYPE ct)
{
	return ct == MmNonCached || ct == MmNonCachedUnordered ||
	       ct == MmWriteCombined || ct == MmUSWCCached;
}

/* Give one page the cache attribute @ct in the direct map. */
static int page_set_cache(struct page *page, MEMORY_CACHING_TYPE ct)
{
#ifdef CONFIG_X86
	unsigned long va = (unsigned long)page_address(page);

	if (ct == MmNonCached || ct == MmNonCachedUnordered)
		return set_memory_uc(va, 1);
	if (ct == MmWriteCombined || ct == MmUSWCCached)
		return set_memory_wc(va, 1);
#endif
	return 0;
}

static void page_restore_cache(struct page *page, MEMORY_CACHING_TYPE ct)
{
#ifdef CONFIG_X86
	if (cache_changes(ct))
		set_memory_wb((unsigned long)page_address(page), 1);
#endif
}

static void free_pfns(const PFN_NUMBER *pfns, ULONG n, MEMORY_CACHING_TYPE ct)
{
	ULONG i;

	for (i = 0; i < n; i++) {
		struct page *page = pfn_to_page(pfns[i]);

		page_restore_cache(page, ct);
		__free_page(page);
	}
}

/* The zone that honours @high, as far as one exists. */
static gfp_t zone_gfp(u64 high)
{
#if defined(CONFIG_ZONE_DMA) && defined(MAX_DMA_PFN)
	if (high < (u64)MAX_DMA_PFN << PAGE_SHIFT)
		return GFP_DMA;
#endif
#ifdef CONFIG_ZONE_DMA32
	if (high <= DMA_BIT_MASK(32))
		return GFP_DMA32;
#endif
	return 0;
}

static bool chunk_in_range(struct page *page, unsigned int order, u64 low, u64 high)
{
	u64 start = page_to_phys(page);
	u64 end = start + (PAGE_SIZE << order) - 1;

	return start >= low && end <= high;
}

/* Chunks outside the range set aside at most, before giving up. */
#define MAX_REJECTS 32

/*
 * Fill @pfns with up to @want pages in [@low, @high], in chunks of
 * 2^@order contiguous pages.  Chunks outside the range are set aside and
 * freed at the end, so the allocator does not hand them back at once.
 * Returns how many pages it got.
 */
static ULONG alloc_range(PFN_NUMBER *pfns, ULONG want, unsigned int order,
			 u64 low, u64 high, gfp_t gfp)
{
	struct page *rejects[MAX_REJECTS];
	unsigned int nrej = 0;
	struct page *page;
	ULONG got = 0, i;

	while (got + (1U << order) <= want) {
		page = alloc_pages(gfp, order);
		if (!page)
			break;
		if (!chunk_in_range(page, order, low, high)) {
			rejects[nrej++] = page;
			if (nrej == MAX_REJECTS)
				break;
			continue;
		}
		if (order)
			split_page(page, order);
		for (i = 0; i < (1U << order); i++)
			pfns[got++] = page_to_pfn(page + i);
	}
	while (nrej)
		__free_pages(rejects[--nrej], order);
	return got;
}

PMDL ntshim_mdl_allocate_pages(PHYSICAL_ADDRESS LowAddress,
			       PHYSICAL_ADDRESS HighAddress,
			       PHYSICAL_ADDRESS SkipBytes, SIZE_T TotalBytes,
			       MEMORY_CACHING_TYPE CacheType, ULONG Flags,
			       struct module *owner, unsigned long caller)
{
	u64 low = LowAddress.QuadPart, high = HighAddress.QuadPart;
	u64 skip = SkipBytes.QuadPart;
	bool nowait = Flags & MM_ALLOCATE_NO_WAIT;
	unsigned int order = 0;
	struct mdl_pages *rec;
	ULONG want, got, i;
	size_t bytes;
	gfp_t gfp;
	PMDL mdl;

	if (!TotalBytes || (skip & ~PAGE_MASK) || low > high ||
	    TotalBytes > (SIZE_T)MAXULONG - PAGE_SIZE + 1 ||
	    (unsigned int)CacheType >= MmMaximumCacheType) {
		ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG, NULL, caller,
				 "MmAllocatePagesForMdl: %zu bytes, range %#llx-%#llx, skip %#llx, cache %d",
				 TotalBytes, low, high, skip, CacheType);
		return NULL;
	}
	if (KeGetCurrentIrql() > (nowait && !cache_changes(CacheType) ?
				  DISPATCH_LEVEL : APC_LEVEL)) {
		ntshim_sync_bad_irql(NULL, "MmAllocatePagesForMdlEx", caller);
		return NULL;
	}
	if (Flags & MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS) {
		order = skip ? get_order(skip) : 0;
		if (skip && skip != PAGE_SIZE << order) {
			ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG, NULL,
					 caller,
					 "MmAllocatePagesForMdlEx: chunk %#llx is not a power-of-two number of pages",
					 skip);
			return NULL;
		}
	}

	want = DIV_ROUND_UP(TotalBytes, PAGE_SIZE);
	if (order)
		want = round_up(want, 1U << order);
	gfp = (nowait ? GFP_NOWAIT : GFP_KERNEL) | __GFP_NOWARN | zone_gfp(high);
	if (!(Flags & MM_DONT_ZERO_ALLOCATION))
		gfp |= __GFP_ZERO;
	if (Flags & MM_ALLOCATE_FROM_LOCAL_NODE_ONLY)
		gfp |= __GFP_THISNODE;

	rec = kvzalloc(struct_size(rec, pfns, want), nowait ? GFP_NOWAIT : GFP_KERNEL);
	if (!rec)
		return NULL;
	got = alloc_range(rec->pfns, want, order, low, high, gfp);
	if (!got || ((Flags & MM_ALLOCATE_FULLY_REQUIRED) && got < want))
		goto fail_pages;
	for (i = 0; i < got; i++) {
		if (page_set_cache(pfn_to_page(rec->pfns[i]), CacheType)) {
			/* undo the ones already changed, then give up */
			while (i--)
				page_restore_cache(pfn_to_page(rec->pfns[i]), CacheType);
			goto fail_pages;
		}
	}

	bytes = sizeof(MDL) + sizeof(PFN_NUMBER) * got;
	mdl = ntshim_pool_alloc(NonPagedPoolNx, bytes, NTSHIM_MDL_TAG,
				NormalPoolPriority | NTSHIM_POOL_ZERO, owner, caller);
	if (!mdl)
		goto fail_cache;
	mdl->Size = (CSHORT)min_t(size_t, bytes, MAXSHORT);
	mdl->MdlFlags = MDL_PAGES_LOCKED;
	mdl->ByteCount = (ULONG)min_t(u64, TotalBytes, (u64)got << PAGE_SHIFT);
	memcpy(MmGetMdlPfnArray(mdl), rec->pfns, sizeof(PFN_NUMBER) * got);

	rec->count = got;
	rec->track.cache = CacheType;
	ntshim_mm_track(&rec->track, &mdl_pages_kind, mdl,
			(size_t)got << PAGE_SHIFT, 0, owner, caller);
	return mdl;

fail_cache:
	for (i = 0; i < got; i++)
		page_restore_cache(pfn_to_page(rec->pfns[i]), CacheType);
fail_pages:
	for (i = 0; i < got; i++)
		__free_page(pfn_to_page(rec->pfns[i]));
	kvfree(rec);
	return NULL;
}
EXPORT_SYMBOL_GPL(ntshim_mdl_allocate_pages);

static void mdl_pages_release(struct ntshim_mm_block *b)
{
	struct mdl_pages *rec = container_of(b, struct mdl_pages, track);

	free_pfns(rec->pfns, rec->count, rec->track.cache);
	kvfree(rec);
}

void MmFreePagesFromMdl(PMDL MemoryDescriptorList)
{
	PMDL mdl = MemoryDescriptorList;
	struct ntshim_mm_block *b;

	if (KeGetCurrentIrql() > APC_LEVEL) {
		ntshim_sync_bad_irql(mdl, __func__, _RET_IP_);
		return;
	}
	b = mdl ? ntshim_mm_untrack(mdl, &mdl_pages_kind) : NULL;
	if (!b) {
		ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG, mdl, _RET_IP_,
				 "%s of an MDL MmAllocatePagesForMdl did not return (or already freed)",
				 __func__);
		return;
	}
	if (mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) {
		ntshim_violation(NTSHIM_V_MDL_FREE_MAPPED, NTSHIM_MDL_TAG, mdl, _RET_IP_,
				 "%s of a mapped MDL; unmapped first", __func__);
		ntshim_mdl_unmap(mdl);
	}
	mdl_pages_release(b);
	/* the MDL describes nothing now; the caller frees it with ExFreePool */
	mdl->ByteCount = 0;
	mdl->MdlFlags &= ~MDL_PAGES_LOCKED;
}
EXPORT_SYMBOL_GPL(MmFreePagesFromMdl);
