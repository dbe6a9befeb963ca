/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory manager: contiguous and non-cached allocations, address
 * translation, I/O space mapping, the DDK's page macros and the
 * code-section macros.
 *
 * Every allocation made here is tracked: it shows in
 * /sys/kernel/debug/ntshim/mm_outstanding (Address Kind Size Owner
 * Caller), it is charged to the pool-tag statistics under a fixed tag
 * (NTSHIM_MM_TAG_*), and whatever a module still holds when it unloads
 * (or when ntshim unloads) is reported as an mm_leak violation and freed.
 */
#ifndef _NTSHIM_MM_H
#define _NTSHIM_MM_H

#include <linux/mm.h>
#include <linux/module.h>
#include <ntshim/types.h>
#include <ntshim/tag.h>

/* Pool tags the Mm allocations are charged under (poolmon order). */
#define NTSHIM_MM_TAG_CONTIGUOUS NTSHIM_TAG('M', 'm', 'C', 'm')
#define NTSHIM_MM_TAG_NONCACHED NTSHIM_TAG('M', 'm', 'N', 'c')

/**
 * enum _MEMORY_CACHING_TYPE - cache attribute of a mapping or allocation
 * @MmNonCached:              uncached (Linux: UC-, ioremap())
 * @MmCached:                 write-back cached
 * @MmWriteCombined:          write-combining (ioremap_wc())
 * @MmFrameBufferCached:      Microsoft's alias of @MmWriteCombined
 * @MmHardwareCoherentCached: treated as @MmCached
 * @MmNonCachedUnordered:     treated as @MmNonCached
 * @MmUSWCCached:             treated as @MmWriteCombined
 * @MmMaximumCacheType:       first invalid value
 * @MmNotMapped:              no mapping
 *
 * Microsoft's values: MmNonCached is FALSE and MmCached is TRUE, so the
 * old BOOLEAN CacheEnable argument of MmMapIoSpace() still works.
 */
typedef enum _MEMORY_CACHING_TYPE {
	MmNotMapped = -1,
	MmNonCached = 0,
	MmCached = 1,
	MmWriteCombined = 2,
	MmFrameBufferCached = MmWriteCombined,
	MmHardwareCoherentCached = 3,
	MmNonCachedUnordered = 4,
	MmUSWCCached = 5,
	MmMaximumCacheType = 6,
} MEMORY_CACHING_TYPE;

/*
 * Page macros.  PAGE_SIZE and PAGE_SHIFT are Linux's (4096 and 12 on
 * x86-64, as on Windows).
 */

/**
 * BYTE_OFFSET() - offset of an address inside its page
 * @Va: a virtual address
 */
#define BYTE_OFFSET(Va) ((ULONG)((ULONG_PTR)(Va) & (PAGE_SIZE - 1)))

/**
 * BYTES_TO_PAGES() - pages needed for @Size bytes (rounded up)
 * @Size: a byte count
 */
#define BYTES_TO_PAGES(Size)                                                  \
	((ULONG)(((ULONG_PTR)(Size) + PAGE_SIZE - 1) >> PAGE_SHIFT))

/**
 * ROUND_TO_PAGES() - @Size rounded up to a whole number of pages
 * @Size: a byte count
 */
#define ROUND_TO_PAGES(Size)                                                  \
	(((ULONG_PTR)(Size) + PAGE_SIZE - 1) & ~(ULONG_PTR)(PAGE_SIZE - 1))

/**
 * ADDRESS_AND_SIZE_TO_SPAN_PAGES() - pages touched by a range
 * @Va:   start of the range
 * @Size: its length in bytes
 *
 * A range of PAGE_SIZE bytes that starts mid-page spans two pages.
 */
#define ADDRESS_AND_SIZE_TO_SPAN_PAGES(Va, Size)                              \
	((ULONG)((BYTE_OFFSET(Va) + (ULONG_PTR)(Size) + (PAGE_SIZE - 1)) >>   \
		 PAGE_SHIFT))

/**
 * PAGE_ALIGN() - the start of the page containing @Va (Windows meaning)
 * @Va: a virtual address
 *
 * CAUTION: Linux's PAGE_ALIGN() rounds UP to the next page boundary;
 * Windows' rounds DOWN and returns a PVOID.  A file that includes the
 * ntshim headers gets the Windows meaning; use ALIGN(x, PAGE_SIZE) or
 * PAGE_ALIGN_DOWN() there when the Linux meaning is wanted.
 */
#undef PAGE_ALIGN
#define PAGE_ALIGN(Va) ((PVOID)((ULONG_PTR)(Va) & ~(ULONG_PTR)(PAGE_SIZE - 1)))

/*
 * Code and data sections.  The DDK writes `#pragma PAGEDCODE` (expanding
 * to `#pragma code_seg("PAGE")`) or `#pragma alloc_text(INIT, f)` to put
 * code in pageable or discardable sections.  GCC neither expands macros
 * in unknown pragmas nor has a pragma that moves code to another section,
 * so such lines are ignored: ntshim turns off -Wunknown-pragmas for files
 * that include it so they compile cleanly.  Linux never pages kernel code,
 * so "paged" and "locked" are the same thing.  `#pragma INITCODE` CANNOT
 * put code in .init.text; to discard init code, use INITCODE/INITDATA as
 * attributes instead (`INITCODE NTSTATUS DriverEntry(...)`), which map
 * onto __init/__initdata.
 */
#pragma GCC diagnostic ignored "-Wunknown-pragmas"

/**
 * define PAGEDCODE - pageable code, an attribute that does nothing
 */
#define PAGEDCODE
/**
 * define LOCKEDCODE - resident code, an attribute that does nothing
 */
#define LOCKEDCODE
/**
 * define INITCODE - code used only during initialisation (__init)
 *
 * Only as an attribute; __init code is freed once module init returns,
 * so mark only functions that module init alone calls.
 */
#define INITCODE __init
/**
 * define PAGEDDATA - pageable data, an attribute that does nothing
 */
#define PAGEDDATA
/**
 * define LOCKEDDATA - resident data, an attribute that does nothing
 */
#define LOCKEDDATA
/**
 * define INITDATA - data used only during initialisation (__initdata)
 */
#define INITDATA __initdata

/*
 * The runtime behind the inline wrappers below: the same arguments plus
 * the owner module and the caller's address, which the wrappers fill in
 * (THIS_MODULE, _THIS_IP_) so that mm_outstanding and leak reports name
 * the driver.  Call the DDK names instead.
 */

/**
 * ntshim_mm_alloc_contiguous() - MmAllocateContiguousMemorySpecifyCache()
 * @NumberOfBytes: as there
 * @Lowest:        LowestAcceptableAddress
 * @Highest:       HighestAcceptableAddress
 * @Boundary:      BoundaryAddressMultiple
 * @CacheType:     as there
 * @owner:         module charged with the block
 * @caller:        code address reported with it
 *
 * Return: the block, or NULL.
 */
PVOID ntshim_mm_alloc_contiguous(SIZE_T NumberOfBytes, PHYSICAL_ADDRESS Lowest,
				 PHYSICAL_ADDRESS Highest,
				 PHYSICAL_ADDRESS Boundary,
				 MEMORY_CACHING_TYPE CacheType,
				 struct module *owner, unsigned long caller);

/**
 * ntshim_mm_free_contiguous() - MmFreeContiguousMemory*()
 * @BaseAddress:   the block
 * @NumberOfBytes: its size, checked unless 0
 * @caller:        code address reported with a violation
 */
void ntshim_mm_free_contiguous(PVOID BaseAddress, SIZE_T NumberOfBytes,
			       unsigned long caller);

/**
 * ntshim_mm_alloc_noncached() - MmAllocateNonCachedMemory()
 * @NumberOfBytes: as there
 * @owner:         module charged with the block
 * @caller:        code address reported with it
 *
 * Return: the block, or NULL.
 */
PVOID ntshim_mm_alloc_noncached(SIZE_T NumberOfBytes, struct module *owner,
				unsigned long caller);

/**
 * ntshim_mm_free_noncached() - MmFreeNonCachedMemory()
 * @BaseAddress:   the block
 * @NumberOfBytes: its size (checked)
 * @caller:        code address reported with a violation
 */
void ntshim_mm_free_noncached(PVOID BaseAddress, SIZE_T NumberOfBytes,
			      unsigned long caller);

/**
 * ntshim_mm_map_io_space() - MmMapIoSpace()
 * @PhysicalAddress: as there
 * @NumberOfBytes:   as there
 * @CacheType:       as there
 * @owner:           module the mapping is tracked under
 * @caller:          code address reported with it
 *
 * Return: the mapping, or NULL.
 */
PVOID ntshim_mm_map_io_space(PHYSICAL_ADDRESS PhysicalAddress,
			     SIZE_T NumberOfBytes,
			     MEMORY_CACHING_TYPE CacheType,
			     struct module *owner, unsigned long caller);

/**
 * ntshim_mm_unmap_io_space() - MmUnmapIoSpace()
 * @BaseAddress:   the mapping
 * @NumberOfBytes: its length (checked)
 * @caller:        code address reported with a violation
 */
void ntshim_mm_unmap_io_space(PVOID BaseAddress, SIZE_T NumberOfBytes,
			      unsigned long caller);

/**
 * MmAllocateContiguousMemorySpecifyCache() - physically contiguous memory
 * @NumberOfBytes:           size; rounded up to whole pages
 * @LowestAcceptableAddress: lowest physical address the block may use
 * @HighestAcceptableAddress: highest physical address the block may use
 * @BoundaryAddressMultiple: 0, or a power of two the block must not cross
 * @CacheType:               MmCached, MmNonCached or MmWriteCombined
 *
 * The block comes from the page allocator (alloc_pages_exact()), from
 * ZONE_DMA when the ceiling is below 16 MiB and the kernel has that zone,
 * from ZONE_DMA32 when it is below 4 GiB, so a ceiling below 4 GiB is
 * always honoured.  Every limit is checked against the real physical
 * addresses of the block; when the zones cannot satisfy a limit the call
 * fails (NULL) instead of returning memory outside it.  Linux's buddy
 * allocator caps the size at 2^MAX_PAGE_ORDER pages (4 MiB on x86-64).
 *
 * MmNonCached/MmWriteCombined change the direct map of the pages with
 * set_memory_uc()/set_memory_wc() (back to write-back on free); that can
 * sleep, so they need IRQL <= APC_LEVEL here (Windows allows DISPATCH_LEVEL):
 * at a higher IRQL the call reports mm_bad_argument and returns NULL.
 * MmCached works up to DISPATCH_LEVEL (GFP_ATOMIC there).  The memory is
 * not zeroed, as on Windows.  Charged to NTSHIM_MM_TAG_CONTIGUOUS.
 *
 * Return: the block's kernel (direct-map) address, or NULL.
 */
static __always_inline PVOID
MmAllocateContiguousMemorySpecifyCache(SIZE_T NumberOfBytes,
				       PHYSICAL_ADDRESS LowestAcceptableAddress,
				       PHYSICAL_ADDRESS HighestAcceptableAddress,
				       PHYSICAL_ADDRESS BoundaryAddressMultiple,
				       MEMORY_CACHING_TYPE CacheType)
{
	return ntshim_mm_alloc_contiguous(NumberOfBytes, LowestAcceptableAddress,
					  HighestAcceptableAddress,
					  BoundaryAddressMultiple, CacheType,
					  THIS_MODULE, _THIS_IP_);
}

/**
 * MmAllocateContiguousMemory() - physically contiguous, cached memory
 * @NumberOfBytes:            size; rounded up to whole pages
 * @HighestAcceptableAddress: highest physical address the block may use
 *
 * MmAllocateContiguousMemorySpecifyCache() with no lower limit, no
 * boundary and MmCached.  IRQL <= DISPATCH_LEVEL.
 *
 * Return: the block's kernel address, or NULL.
 */
static __always_inline PVOID
MmAllocateContiguousMemory(SIZE_T NumberOfBytes,
			   PHYSICAL_ADDRESS HighestAcceptableAddress)
{
	PHYSICAL_ADDRESS zero = { .QuadPart = 0 };

	return ntshim_mm_alloc_contiguous(NumberOfBytes, zero,
					  HighestAcceptableAddress, zero,
					  MmCached, THIS_MODULE, _THIS_IP_);
}

/**
 * MmFreeContiguousMemory() - free a block from MmAllocateContiguousMemory*()
 * @BaseAddress: the address the allocation returned
 *
 * An address that is not an outstanding contiguous block is reported as
 * mm_bad_argument and left alone.  IRQL <= APC_LEVEL for non-cached blocks.
 */
static __always_inline void MmFreeContiguousMemory(PVOID BaseAddress)
{
	ntshim_mm_free_contiguous(BaseAddress, 0, _THIS_IP_);
}

/**
 * MmFreeContiguousMemorySpecifyCache() - free a contiguous block
 * @BaseAddress:   the address the allocation returned
 * @NumberOfBytes: the size it was allocated with (checked unless 0)
 * @CacheType:     the cache type it was allocated with (ntshim knows it)
 *
 * A size that does not match the allocation is reported as
 * mm_bad_argument; the whole block is freed anyway.
 */
static __always_inline void
MmFreeContiguousMemorySpecifyCache(PVOID BaseAddress, SIZE_T NumberOfBytes,
				   MEMORY_CACHING_TYPE CacheType)
{
	ntshim_mm_free_contiguous(BaseAddress, NumberOfBytes, _THIS_IP_);
}

/**
 * MmAllocateNonCachedMemory() - virtually contiguous, uncached memory
 * @NumberOfBytes: size; rounded up to whole pages
 *
 * Separate pages, switched to uncached in the direct map
 * (set_pages_array_uc()) and mapped together with vmap() and an
 * uncached page protection, so no cached alias of them remains.  The
 * memory is zeroed.  IRQL <= APC_LEVEL (it sleeps); at a higher IRQL
 * the call reports mm_bad_argument and returns NULL.  Charged to
 * NTSHIM_MM_TAG_NONCACHED.
 *
 * Return: the block's kernel address (page aligned), or NULL.
 */
static __always_inline PVOID MmAllocateNonCachedMemory(SIZE_T NumberOfBytes)
{
	return ntshim_mm_alloc_noncached(NumberOfBytes, THIS_MODULE,
						_THIS_IP_);
}

/**
 * MmFreeNonCachedMemory() - free a block from MmAllocateNonCachedMemory()
 * @BaseAddress:   the address the allocation returned
 * @NumberOfBytes: the size it was allocated with (checked)
 *
 * An unknown address is reported and left alone; a wrong size is
 * reported and the whole block freed.  IRQL <= APC_LEVEL.
 */
static __always_inline void MmFreeNonCachedMemory(PVOID BaseAddress,
						  SIZE_T NumberOfBytes)
{
	ntshim_mm_free_noncached(BaseAddress, NumberOfBytes, _THIS_IP_);
}

/**
 * MmMapIoSpace() - map a physical (device) address range
 * @PhysicalAddress: start of the range
 * @NumberOfBytes:   its length
 * @CacheType:       MmNonCached -> ioremap(), MmWriteCombined ->
 *                   ioremap_wc(), MmCached -> ioremap_cache()
 *
 * The result is an __iomem cookie returned as a PVOID, as on Windows:
 * access it with the READ_REGISTER_* / WRITE_REGISTER_* style helpers
 * (readl()/writel()), not by plain dereference.  A range that is system
 * RAM can only be mapped MmCached (it is then the direct map, through
 * memremap()); Linux refuses uncached aliases of RAM, so other cache
 * types on RAM report mm_bad_argument and return NULL.  ioremap() can
 * sleep, so IRQL <= APC_LEVEL here (Windows allows DISPATCH_LEVEL).  The
 * mapping is tracked (kind "iospace") but not charged to a pool tag.
 *
 * Return: the mapping, or NULL.
 */
static __always_inline PVOID MmMapIoSpace(PHYSICAL_ADDRESS PhysicalAddress,
					  SIZE_T NumberOfBytes,
					  MEMORY_CACHING_TYPE CacheType)
{
	return ntshim_mm_map_io_space(PhysicalAddress, NumberOfBytes, CacheType,
				   THIS_MODULE, _THIS_IP_);
}

/**
 * MmUnmapIoSpace() - undo MmMapIoSpace()
 * @BaseAddress:   the address MmMapIoSpace() returned
 * @NumberOfBytes: the length it was mapped with (checked)
 */
static __always_inline void MmUnmapIoSpace(PVOID BaseAddress,
					   SIZE_T NumberOfBytes)
{
	ntshim_mm_unmap_io_space(BaseAddress, NumberOfBytes, _THIS_IP_);
}

/**
 * MmGetPhysicalAddress() - physical address behind a virtual address
 * @BaseAddress: a kernel address (direct map, kernel image, vmalloc,
 *               vmap, module or ioremap space) or a user address of the
 *               current process
 *
 * Direct-map and kernel-image addresses translate with virt_to_phys(),
 * vmalloc-space ones through their page table (vmalloc_to_pfn()), user
 * addresses through a non-sleeping page-table walk of the current mm.
 * Any IRQL.
 *
 * Return: the physical address, or 0 when nothing is mapped there.
 */
PHYSICAL_ADDRESS MmGetPhysicalAddress(PVOID BaseAddress);

/**
 * MmIsAddressValid() - would reading @VirtualAddress fault?
 * @VirtualAddress: any address
 *
 * Kernel addresses: a walk of the kernel page tables, without touching
 * the memory.  User addresses: a read with page faults disabled
 * (copy_from_user_nofault()), so a page not yet faulted in counts as
 * invalid, as on Windows.  Never faults.  Any IRQL.
 *
 * Return: TRUE when the address is mapped and present.
 */
BOOLEAN MmIsAddressValid(PVOID VirtualAddress);

/**
 * ntshim_mm_outstanding() - how many Mm allocations and MDLs are live
 * @owner: count only those made by this module; NULL counts all
 *
 * Return: the number of rows @owner has in mm_outstanding.
 */
ULONG ntshim_mm_outstanding(const struct module *owner);

#endif /* _NTSHIM_MM_H */
