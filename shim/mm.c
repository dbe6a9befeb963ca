// SPDX-License-Identifier: GPL-2.0
/*
 * Memory manager: contiguous and non-cached allocations on the page
 * allocator, I/O space on ioremap(), address translation, and the
 * tracking (mm_outstanding, leak reports) of everything Mm and MDL.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/dma-mapping.h>
#include <linux/gfp.h>
#include <linux/io.h>
#include <linux/ioport.h>
#include <linux/math64.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <asm/dma.h>
#include <asm/set_memory.h>
#include <ntshim/irql.h>
#include <ntshim/mm.h>
#include <ntshim/pool.h>
#include <ntshim/violation.h>

#include "internal.h"
#include "mm_track.h"

#ifndef MAX_PAGE_ORDER		/* before 6.8: MAX_ORDER, exclusive in 6.1 */
#define MAX_PAGE_ORDER (MAX_ORDER - 1)
#endif

static void contiguous_release(struct ntshim_mm_block *b);
static void noncached_release(struct ntshim_mm_block *b);
static void iospace_release(struct ntshim_mm_block *b);

static const struct ntshim_mm_kind contiguous_kind = {
	.name = "contiguous",
	.tag = NTSHIM_MM_TAG_CONTIGUOUS,
	.release = contiguous_release,
};

static const struct ntshim_mm_kind noncached_kind = {
	.name = "noncached",
	.tag = NTSHIM_MM_TAG_NONCACHED,
	.release = noncached_release,
};

static const struct ntshim_mm_kind iospace_kind = {
	.name = "iospace",
	.release = iospace_release,
};

/* Contiguous memory --------------------------------------------------- */

static int set_cache(void *addr, unsigned int npages, MEMORY_CACHING_TYPE ct)
{
	unsigned long va = (unsigned long)addr;

	switch (ct) {
	case MmNonCached:
	case MmNonCachedUnordered:
		return set_memory_uc(va, npages);
	case MmWriteCombined:
	case MmUSWCCached:
		return set_memory_wc(va, npages);
	default:
		return 0;
	}
}

static bool cache_is_cached(MEMORY_CACHING_TYPE ct)
{
	return ct == MmCached || ct == MmHardwareCoherentCached;
}

/* The zone that honours @high, as far as one exists. */
static gfp_t contig_gfp(u64 high, bool atomic)
{
	gfp_t gfp = (atomic ? GFP_ATOMIC : GFP_KERNEL) | __GFP_NOWARN;

#if defined(CONFIG_ZONE_DMA) && defined(MAX_DMA_PFN)
	if (high < (u64)MAX_DMA_PFN << PAGE_SHIFT)
		return gfp | GFP_DMA;
#endif
#ifdef CONFIG_ZONE_DMA32
	if (high <= DMA_BIT_MASK(32))
		return gfp | GFP_DMA32;
#endif
	return gfp;
}

PVOID ntshim_mm_alloc_contiguous(SIZE_T NumberOfBytes, PHYSICAL_ADDRESS Lowest,
				 PHYSICAL_ADDRESS Highest,
				 PHYSICAL_ADDRESS Boundary,
				 MEMORY_CACHING_TYPE CacheType,
				 struct module *owner, unsigned long caller)
{
	u64 low = Lowest.QuadPart;
	u64 high = Highest.QuadPart;
	u64 boundary = Boundary.QuadPart;
	bool atomic = KeGetCurrentIrql() > APC_LEVEL;
	struct ntshim_mm_block *b;
	unsigned int npages;
	size_t bytes;
	u64 first, last;
	void *addr;

	if (!NumberOfBytes || NumberOfBytes > ((size_t)PAGE_SIZE << MAX_PAGE_ORDER)) {
		if (!NumberOfBytes)
			ntshim_violation(NTSHIM_V_MM_BAD_ARG, NTSHIM_MM_TAG_CONTIGUOUS,
					 NULL, caller, "contiguous memory of 0 bytes");
		return NULL;	/* too big for the buddy allocator */
	}
	if ((unsigned int)CacheType >= MmMaximumCacheType) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, NTSHIM_MM_TAG_CONTIGUOUS,
				 NULL, caller, "bad cache type %d", CacheType);
		return NULL;
	}
	if (!cache_is_cached(CacheType) && atomic) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, NTSHIM_MM_TAG_CONTIGUOUS,
				 NULL, caller,
				 "uncached contiguous memory needs IRQL <= APC_LEVEL on Linux");
		return NULL;
	}

	bytes = ROUND_TO_PAGES(NumberOfBytes);
	npages = bytes >> PAGE_SHIFT;
	if (boundary && bytes > boundary)
		return NULL;	/* cannot fit without crossing, as on Windows */

	b = kzalloc(sizeof(*b), atomic ? GFP_ATOMIC : GFP_KERNEL);
	if (!b)
		return NULL;
	addr = alloc_pages_exact(bytes, contig_gfp(high, atomic));
	if (!addr)
		goto out_free_block;

	/* The zones are coarse: check the real frames against the limits. */
	first = page_to_phys(virt_to_page(addr));
	last = first + bytes - 1;
	if (first < low || last > high ||
	    (boundary && div64_u64(first, boundary) != div64_u64(last, boundary)))
		goto out_free_pages;
	if (set_cache(addr, npages, CacheType))
		goto out_free_pages;

	b->cache = CacheType;
	ntshim_mm_track(b, &contiguous_kind, addr, NumberOfBytes, bytes, owner,
			caller);
	return addr;

out_free_pages:
	free_pages_exact(addr, bytes);
out_free_block:
	kfree(b);
	return NULL;
}
EXPORT_SYMBOL_GPL(ntshim_mm_alloc_contiguous);

static void contiguous_release(struct ntshim_mm_block *b)
{
	size_t bytes = ROUND_TO_PAGES(b->size);

	if (!cache_is_cached(b->cache))
		set_memory_wb((unsigned long)b->addr, bytes >> PAGE_SHIFT);
	free_pages_exact(b->addr, bytes);
	kfree(b);
}

void ntshim_mm_free_contiguous(PVOID BaseAddress, SIZE_T NumberOfBytes,
			       unsigned long caller)
{
	struct ntshim_mm_block *b = ntshim_mm_untrack(BaseAddress, &contiguous_kind);

	if (!b) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, NTSHIM_MM_TAG_CONTIGUOUS,
				 BaseAddress, caller,
				 "free of an address that is not contiguous memory");
		return;
	}
	if (NumberOfBytes && NumberOfBytes != b->size)
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, b->kind->tag, BaseAddress, caller,
				 "freed with size %zu, allocated %zu",
				 NumberOfBytes, b->size);
	contiguous_release(b);
}
EXPORT_SYMBOL_GPL(ntshim_mm_free_contiguous);

/* Non-cached memory --------------------------------------------------- */

PVOID ntshim_mm_alloc_noncached(SIZE_T NumberOfBytes,
				struct module *owner,
				unsigned long caller)
{
	struct ntshim_mm_block *b;
	struct page **pages;
	unsigned int i, npages;
	void *addr;

	if (KeGetCurrentIrql() > APC_LEVEL) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, NTSHIM_MM_TAG_NONCACHED,
				 NULL, caller,
				 "MmAllocateNonCachedMemory above APC_LEVEL");
		return NULL;
	}
	if (!NumberOfBytes || NumberOfBytes > (SIZE_T)INT_MAX << PAGE_SHIFT) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, NTSHIM_MM_TAG_NONCACHED,
				 NULL, caller, "non-cached memory of %zu bytes",
				 (size_t)NumberOfBytes);
		return NULL;
	}
	npages = BYTES_TO_PAGES(NumberOfBytes);

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	pages = kvcalloc(npages, sizeof(*pages), GFP_KERNEL);
	if (!b || !pages)
		goto out_free;
	for (i = 0; i < npages; i++) {
		pages[i] = alloc_page(GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN);
		if (!pages[i])
			goto out_free_pages;
	}
	/* Uncached in the direct map too: no cached alias of these pages. */
	if (set_pages_array_uc(pages, npages))
		goto out_free_pages;
	addr = vmap(pages, npages, VM_MAP, pgprot_noncached(PAGE_KERNEL));
	if (!addr) {
		set_pages_array_wb(pages, npages);
		goto out_free_pages;
	}

	b->pages = pages;
	ntshim_mm_track(b, &noncached_kind, addr, NumberOfBytes,
			(size_t)npages << PAGE_SHIFT, owner, caller);
	return addr;

out_free_pages:
	while (i--)
		__free_page(pages[i]);
out_free:
	kvfree(pages);
	kfree(b);
	return NULL;
}
EXPORT_SYMBOL_GPL(ntshim_mm_alloc_noncached);

static void noncached_release(struct ntshim_mm_block *b)
{
	unsigned int npages = BYTES_TO_PAGES(b->size);

	vunmap(b->addr);
	set_pages_array_wb(b->pages, npages);
	while (npages--)
		__free_page(b->pages[npages]);
	kvfree(b->pages);
	kfree(b);
}

void ntshim_mm_free_noncached(PVOID BaseAddress, SIZE_T NumberOfBytes,
			      unsigned long caller)
{
	struct ntshim_mm_block *b;

	if (KeGetCurrentIrql() > APC_LEVEL) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, NTSHIM_MM_TAG_NONCACHED,
				 BaseAddress, caller,
				 "MmFreeNonCachedMemory above APC_LEVEL; leaked");
		return;
	}
	b = ntshim_mm_untrack(BaseAddress, &noncached_kind);
	if (!b) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, NTSHIM_MM_TAG_NONCACHED,
				 BaseAddress, caller,
				 "free of an address that is not non-cached memory");
		return;
	}
	if (NumberOfBytes != b->size)
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, b->kind->tag, BaseAddress, caller,
				 "freed with size %zu, allocated %zu",
				 (size_t)NumberOfBytes, b->size);
	noncached_release(b);
}
EXPORT_SYMBOL_GPL(ntshim_mm_free_noncached);

/* I/O space ----------------------------------------------------------- */

PVOID ntshim_mm_map_io_space(PHYSICAL_ADDRESS PhysicalAddress,
			     SIZE_T NumberOfBytes, MEMORY_CACHING_TYPE CacheType,
			     struct module *owner, unsigned long caller)
{
	phys_addr_t phys = (phys_addr_t)PhysicalAddress.QuadPart;
	struct ntshim_mm_block *b;
	void __iomem *io = NULL;
	void *addr;
	int ram;

	if (KeGetCurrentIrql() > APC_LEVEL) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, 0, NULL, caller,
				 "MmMapIoSpace above APC_LEVEL (ioremap sleeps)");
		return NULL;
	}
	if (!NumberOfBytes || phys + NumberOfBytes - 1 < phys ||
	    (unsigned int)CacheType >= MmMaximumCacheType) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, 0, NULL, caller,
				 "MmMapIoSpace(%pa, %zu, %d): bad range or cache type",
				 &phys, (size_t)NumberOfBytes, CacheType);
		return NULL;
	}

#ifdef CONFIG_X86
	/* ioremap() WARNs on addresses beyond the CPU's physical bits. */
	if ((phys + NumberOfBytes - 1) >> boot_cpu_data.x86_phys_bits) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, 0, NULL, caller,
				 "MmMapIoSpace(%pa): beyond the physical address width",
				 &phys);
		return NULL;
	}
#endif
	ram = region_intersects(phys, NumberOfBytes, IORESOURCE_SYSTEM_RAM,
				IORES_DESC_NONE);
	if (ram != REGION_DISJOINT &&
	    (ram != REGION_INTERSECTS || !cache_is_cached(CacheType))) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, 0, NULL, caller,
				 "MmMapIoSpace(%pa, %zu): system RAM can only be mapped MmCached",
				 &phys, (size_t)NumberOfBytes);
		return NULL;
	}

	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!b)
		return NULL;
	if (ram == REGION_INTERSECTS) {
		addr = memremap(phys, NumberOfBytes, MEMREMAP_WB);
	} else {
		switch (CacheType) {
		case MmCached:
		case MmHardwareCoherentCached:
			io = ioremap_cache(phys, NumberOfBytes);
			break;
		case MmWriteCombined:
		case MmUSWCCached:
			io = ioremap_wc(phys, NumberOfBytes);
			break;
		default:
			io = ioremap(phys, NumberOfBytes);
			break;
		}
		addr = (__force void *)io;
	}
	if (!addr) {
		kfree(b);
		return NULL;
	}

	b->ram = ram == REGION_INTERSECTS;
	ntshim_mm_track(b, &iospace_kind, addr, NumberOfBytes, 0, owner, caller);
	return addr;
}
EXPORT_SYMBOL_GPL(ntshim_mm_map_io_space);

static void iospace_release(struct ntshim_mm_block *b)
{
	if (b->ram)
		memunmap(b->addr);
	else
		iounmap((__force void __iomem *)b->addr);
	kfree(b);
}

void ntshim_mm_unmap_io_space(PVOID BaseAddress, SIZE_T NumberOfBytes,
			      unsigned long caller)
{
	struct ntshim_mm_block *b = ntshim_mm_untrack(BaseAddress, &iospace_kind);

	if (!b) {
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, 0, BaseAddress, caller,
				 "MmUnmapIoSpace of an address MmMapIoSpace did not return");
		return;
	}
	if (NumberOfBytes != b->size)
		ntshim_violation(NTSHIM_V_MM_BAD_ARG, 0, BaseAddress, caller,
				 "unmapped with size %zu, mapped %zu",
				 (size_t)NumberOfBytes, b->size);
	iospace_release(b);
}
EXPORT_SYMBOL_GPL(ntshim_mm_unmap_io_space);

/* Translation --------------------------------------------------------- */

static bool is_user_address(unsigned long va)
{
	return va < TASK_SIZE_MAX;
}

PHYSICAL_ADDRESS MmGetPhysicalAddress(PVOID BaseAddress)
{
	unsigned long va = (unsigned long)BaseAddress;
	PHYSICAL_ADDRESS pa = { .QuadPart = 0 };
	struct page *page;
	unsigned long pfn;

	if (virt_addr_valid(BaseAddress)) {
		pa.QuadPart = virt_to_phys(BaseAddress);
	} else if (ntshim_is_vmalloc_or_module(BaseAddress)) {
		pfn = vmalloc_to_pfn(BaseAddress);
		if (pfn)
			pa.QuadPart = PFN_PHYS(pfn) + offset_in_page(va);
	} else if (is_user_address(va) && current->mm &&
		   get_user_page_fast_only(va, 0, &page)) {
		pa.QuadPart = page_to_phys(page) + offset_in_page(va);
		put_page(page);
	}
	return pa;
}
EXPORT_SYMBOL_GPL(MmGetPhysicalAddress);

BOOLEAN MmIsAddressValid(PVOID VirtualAddress)
{
	unsigned long va = (unsigned long)VirtualAddress;
	char c;

	if (is_user_address(va))
		return current->mm &&
		       !copy_from_user_nofault(&c, (const void __user *)va, 1);
#ifdef CONFIG_X86
	{
		unsigned int level;
		pte_t *pte;

		if (!__is_canonical_address(va, boot_cpu_data.x86_virt_bits))
			return FALSE;
		pte = lookup_address(va, &level);
		return pte && pte_present(*pte);
	}
#else
	return !copy_from_kernel_nofault(&c, VirtualAddress, 1);
#endif
}
EXPORT_SYMBOL_GPL(MmIsAddressValid);
