/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Memory descriptor lists.  An MDL describes a virtually contiguous
 * buffer by the page frames behind it: the MDL header is followed in
 * memory by an array of PFN_NUMBERs, one per page the buffer spans,
 * exactly as on Windows (MmGetMdlPfnArray()).  The PFNs are Linux's real
 * page frame numbers (page_to_pfn()).
 *
 * Life cycle, as on Windows:
 *   IoAllocateMdl() -> MmBuildMdlForNonPagedPool()            (kernel)
 *                   or MmProbeAndLockPages() .. MmUnlockPages() (any)
 *   MmGetSystemAddressForMdlSafe() maps it (MmUnlockPages() unmaps)
 *   IoFreeMdl()
 *
 * User pages are pinned with pin_user_pages_fast() (FOLL_WRITE for
 * IoWriteAccess and IoModifyAccess) and unpinned, marked dirty after a
 * write operation, by MmUnlockPages().  Kernel buffers (direct map,
 * kernel image, vmalloc, modules) are described, not pinned: non-paged
 * memory does not move on Linux, and the caller keeps it alive until the
 * MDL is unlocked, as Windows requires too.
 *
 * MDLs from IoAllocateMdl() are tracked (mm_outstanding, kind "mdl",
 * tag NTSHIM_MDL_TAG) and reported as mm_leak if still allocated when
 * their module unloads.
 */
#ifndef _NTSHIM_MDL_H
#define _NTSHIM_MDL_H

#include <linux/module.h>
#include <ntshim/types.h>
#include <ntshim/status.h>
#include <ntshim/tag.h>
#include <ntshim/mm.h>

/* The pool tag IoAllocateMdl() charges MDLs to ("Mdl "). */
#define NTSHIM_MDL_TAG NTSHIM_TAG('M', 'd', 'l', ' ')

typedef ULONG_PTR PFN_NUMBER, *PPFN_NUMBER;

/* Opaque here: ntshim never looks inside them. */
struct _EPROCESS;
struct _IRP;
typedef struct _EPROCESS *PEPROCESS;
typedef struct _IRP *PIRP;

/**
 * struct _MDL - memory descriptor list header (Windows x64 layout)
 * @Next:           next MDL of a chain (driver's business)
 * @Size:           bytes of this header plus its PFN array
 * @MdlFlags:       MDL_* state flags
 * @Process:        the process whose user pages are locked, else NULL;
 *                  ntshim stores the locking mm here, never dereferenced
 * @MappedSystemVa: kernel address of the buffer once mapped (or built
 *                  for non-paged pool)
 * @StartVa:        page-aligned start of the buffer
 * @ByteCount:      length of the buffer
 * @ByteOffset:     offset of the buffer in its first page
 *
 * The PFN array follows the header directly.
 */
typedef struct _MDL {
	struct _MDL *Next;
	CSHORT Size;
	CSHORT MdlFlags;
	PEPROCESS Process;
	PVOID MappedSystemVa;
	PVOID StartVa;
	ULONG ByteCount;
	ULONG ByteOffset;
} MDL, *PMDL;

/* MdlFlags (Microsoft's values). */
#define MDL_MAPPED_TO_SYSTEM_VA 0x0001
#define MDL_PAGES_LOCKED 0x0002
#define MDL_SOURCE_IS_NONPAGED_POOL 0x0004
#define MDL_ALLOCATED_FIXED_SIZE 0x0008
#define MDL_PARTIAL 0x0010
#define MDL_PARTIAL_HAS_BEEN_MAPPED 0x0020
#define MDL_IO_PAGE_READ 0x0040
#define MDL_WRITE_OPERATION 0x0080
#define MDL_LOCKED_PAGE_TABLES 0x0100
#define MDL_PARENT_MAPPED_SYSTEM_VA MDL_LOCKED_PAGE_TABLES
#define MDL_FREE_EXTRA_PTES 0x0200
#define MDL_DESCRIBES_AWE 0x0400
#define MDL_IO_SPACE 0x0800
#define MDL_NETWORK_HEADER 0x1000
#define MDL_MAPPING_CAN_FAIL 0x2000
#define MDL_PAGE_CONTENTS_INVARIANT 0x4000
#define MDL_ALLOCATED_MUST_SUCCEED MDL_PAGE_CONTENTS_INVARIANT
#define MDL_INTERNAL 0x8000

/**
 * enum _LOCK_OPERATION - what the driver will do with locked pages
 * @IoReadAccess:   read them (pinned without FOLL_WRITE)
 * @IoWriteAccess:  write them (FOLL_WRITE; dirtied on unlock)
 * @IoModifyAccess: both (FOLL_WRITE; dirtied on unlock)
 */
typedef enum _LOCK_OPERATION {
	IoReadAccess = 0,
	IoWriteAccess = 1,
	IoModifyAccess = 2,
} LOCK_OPERATION;

/**
 * enum _MM_PAGE_PRIORITY - how hard a mapping may try (ignored by vmap)
 * @LowPagePriority:    may fail under pressure
 * @NormalPagePriority: the usual
 * @HighPagePriority:   should not fail
 *
 * OR in MdlMappingNoWrite / MdlMappingNoExecute as on Windows.
 */
typedef enum _MM_PAGE_PRIORITY {
	LowPagePriority = 0,
	NormalPagePriority = 16,
	HighPagePriority = 32,
} MM_PAGE_PRIORITY;

/* Page-priority modifiers: map read-only; map non-executable. */
#define MdlMappingNoWrite 0x80000000
#define MdlMappingNoExecute 0x40000000

/**
 * MmGetMdlPfnArray() - the PFN array after the MDL header
 * @Mdl: PMDL
 */
#define MmGetMdlPfnArray(Mdl) ((PPFN_NUMBER)((PMDL)(Mdl) + 1))

/**
 * MmGetMdlVirtualAddress() - the virtual address the MDL describes
 * @Mdl: PMDL
 *
 * Return: StartVa plus ByteOffset.
 */
static inline PVOID MmGetMdlVirtualAddress(PMDL Mdl)
{
	return (PCHAR)Mdl->StartVa + Mdl->ByteOffset;
}

/**
 * MmGetMdlByteCount() - the length of the described buffer
 * @Mdl: PMDL
 */
#define MmGetMdlByteCount(Mdl) ((Mdl)->ByteCount)

/**
 * MmGetMdlByteOffset() - offset of the buffer in its first page
 * @Mdl: PMDL
 */
#define MmGetMdlByteOffset(Mdl) ((Mdl)->ByteOffset)

/**
 * MmGetMdlBaseVa() - page-aligned start of the described buffer
 * @Mdl: PMDL
 */
#define MmGetMdlBaseVa(Mdl) ((Mdl)->StartVa)

/**
 * MmSizeOfMdl() - bytes an MDL for a buffer needs, PFN array included
 * @Base:   start of the buffer
 * @Length: its length
 *
 * Return: sizeof(MDL) plus one PFN_NUMBER per page the buffer spans.
 */
static inline SIZE_T MmSizeOfMdl(PVOID Base, SIZE_T Length)
{
	return sizeof(MDL) +
	       sizeof(PFN_NUMBER) * ADDRESS_AND_SIZE_TO_SPAN_PAGES(Base, Length);
}

/**
 * MmInitializeMdl() - set up an MDL in caller-provided storage
 * @MemoryDescriptorList: at least MmSizeOfMdl(@BaseVa, @Length) bytes
 * @BaseVa:               start of the buffer
 * @Length:               its length
 *
 * Such an MDL is not tracked and must not be passed to IoFreeMdl().
 */
#define MmInitializeMdl(MemoryDescriptorList, BaseVa, Length)                 \
	do {                                                                  \
		PMDL __mdl = (MemoryDescriptorList);                          \
		PVOID __va = (PVOID)(BaseVa);                                 \
		SIZE_T __len = (Length);                                      \
									      \
		__mdl->Next = NULL;                                           \
		__mdl->Size = (CSHORT)MmSizeOfMdl(__va, __len);               \
		__mdl->MdlFlags = 0;                                          \
		__mdl->Process = NULL;                                        \
		__mdl->MappedSystemVa = NULL;                                 \
		__mdl->StartVa = PAGE_ALIGN(__va);                            \
		__mdl->ByteOffset = BYTE_OFFSET(__va);                        \
		__mdl->ByteCount = (ULONG)__len;                              \
	} while (0)

/**
 * ntshim_mdl_allocate() - the runtime behind IoAllocateMdl()
 * @VirtualAddress:  as there
 * @Length:          as there
 * @SecondaryBuffer: as there
 * @ChargeQuota:     as there
 * @Irp:             as there
 * @owner:           module the MDL is tracked under (THIS_MODULE)
 * @caller:          code address reported with it (_THIS_IP_)
 *
 * Return: the MDL, or NULL.
 */
PMDL ntshim_mdl_allocate(PVOID VirtualAddress, ULONG Length,
			 BOOLEAN SecondaryBuffer, BOOLEAN ChargeQuota,
			 PIRP Irp, struct module *owner,
			 unsigned long caller);

/**
 * IoAllocateMdl() - allocate an MDL big enough for a buffer
 * @VirtualAddress: start of the buffer (user or kernel)
 * @Length:         its length: 1 .. 4 GiB - PAGE_SIZE
 * @SecondaryBuffer: ignored (chaining onto an IRP is not supported)
 * @ChargeQuota:    ignored
 * @Irp:            must be NULL: ntshim has no IRPs to attach MDLs to; a
 *                  non-NULL IRP is reported (mdl_bad_argument) and the
 *                  MDL returned unattached
 *
 * The MDL is initialised (MmInitializeMdl()) but describes no pages yet.
 * A zero length or a range that wraps the address space is reported as
 * mdl_bad_argument and yields NULL.  IRQL <= DISPATCH_LEVEL.
 *
 * Return: the MDL, or NULL.
 */
static __always_inline PMDL IoAllocateMdl(PVOID VirtualAddress, ULONG Length,
					  BOOLEAN SecondaryBuffer,
					  BOOLEAN ChargeQuota, PIRP Irp)
{
	return ntshim_mdl_allocate(VirtualAddress, Length, SecondaryBuffer,
				    ChargeQuota, Irp, THIS_MODULE, _THIS_IP_);
}

/**
 * IoFreeMdl() - free an MDL from IoAllocateMdl()
 * @Mdl: the MDL
 *
 * Freeing an MDL that is still mapped reports mdl_free_while_mapped, one
 * that is still locked mdl_bad_argument; either way ntshim unmaps and
 * unlocks it first, so nothing leaks.  An MDL that IoAllocateMdl() did
 * not return is reported and left alone.
 */
void IoFreeMdl(PMDL Mdl);

/**
 * MmBuildMdlForNonPagedPool() - fill in the PFNs of a kernel buffer
 * @Mdl: an MDL describing a non-paged kernel buffer (direct map, kernel
 *       image or vmalloc)
 *
 * Sets the PFN array, MappedSystemVa (the buffer itself) and
 * MDL_SOURCE_IS_NONPAGED_POOL; the MDL is not "locked" and must not be
 * passed to MmUnlockPages().  A user or unmapped address is reported as
 * mdl_bad_argument and leaves the MDL unchanged.  IRQL <= DISPATCH_LEVEL.
 */
void MmBuildMdlForNonPagedPool(PMDL Mdl);

/**
 * ntshim_MmProbeAndLockPages() - MmProbeAndLockPages() with a status
 * @Mdl:        an MDL from IoAllocateMdl() or MmInitializeMdl()
 * @AccessMode: UserMode: the buffer must be a user address;
 *              KernelMode: user or kernel address
 * @Operation:  IoReadAccess, IoWriteAccess or IoModifyAccess
 *
 * User buffers are pinned with pin_user_pages_fast(), kernel buffers are
 * described.  On failure nothing stays pinned and the MDL stays unlocked.
 * Misuse (a kernel address with UserMode, an already locked or
 * non-paged-pool MDL, a bad @Operation) is reported as a violation; a
 * user buffer that is simply not accessible is not.
 * User buffers need PASSIVE_LEVEL or APC_LEVEL (pinning can sleep),
 * kernel buffers work up to DISPATCH_LEVEL.
 *
 * Return: STATUS_SUCCESS; STATUS_ACCESS_VIOLATION when a page is not
 * mapped with the needed access, or the address does not fit @AccessMode;
 * STATUS_INSUFFICIENT_RESOURCES when pinning ran out of memory;
 * STATUS_INVALID_PARAMETER for a bad MDL or @Operation.
 */
NTSTATUS ntshim_MmProbeAndLockPages(PMDL Mdl, KPROCESSOR_MODE AccessMode,
				    LOCK_OPERATION Operation);

/**
 * MmProbeAndLockPages() - the DDK's void form
 * @Mdl:        see ntshim_MmProbeAndLockPages()
 * @AccessMode: see ntshim_MmProbeAndLockPages()
 * @Operation:  see ntshim_MmProbeAndLockPages()
 *
 * Raises the failure's status as Windows does, for the driver's
 * __try/__except (<ntshim/seh.h>); the MDL is left unlocked.  Misuse
 * (a bad MDL) is also reported as mdl_bad_argument.  With no handler the
 * raise is reported (seh_unhandled) and the call returns, the MDL unlocked
 * (MDL_PAGES_LOCKED clear), which a caller can test.
 */
void MmProbeAndLockPages(PMDL Mdl, KPROCESSOR_MODE AccessMode,
			 LOCK_OPERATION Operation);

/**
 * MmUnlockPages() - undo MmProbeAndLockPages()
 * @Mdl: a locked MDL
 *
 * Unmaps the MDL's system mapping if it has one, unpins user pages
 * (marking them dirty after IoWriteAccess/IoModifyAccess) and clears
 * MDL_PAGES_LOCKED.  An MDL that is not locked is reported as
 * mdl_unlock_not_locked and left alone.
 */
void MmUnlockPages(PMDL Mdl);

/**
 * MmMapLockedPagesSpecifyCache() - map an MDL's pages
 * @Mdl:               a locked or non-paged-pool MDL
 * @AccessMode:        KernelMode only: mapping into a user address space
 *                     is not supported (reported, NULL)
 * @CacheType:         MmCached, MmNonCached or MmWriteCombined; ask for
 *                     the type the memory really has (as on Windows)
 * @RequestedAddress:  must be NULL for KernelMode
 * @BugCheckOnFailure: ignored: ntshim never bugchecks, it returns NULL
 * @Priority:          MM_PAGE_PRIORITY, optionally | MdlMappingNoWrite /
 *                     MdlMappingNoExecute (kernel data mappings are always
 *                     non-executable on Linux)
 *
 * Physically contiguous pages in the direct map, mapped MmCached, return
 * their direct-map address (no new mapping); otherwise the pages are
 * mapped together with vmap().  vmap() can sleep, so the second case
 * needs IRQL <= APC_LEVEL here (Windows allows DISPATCH_LEVEL); at a higher
 * IRQL it reports mdl_bad_argument and returns NULL.  Sets
 * MappedSystemVa and MDL_MAPPED_TO_SYSTEM_VA.  Mapping an already mapped
 * MDL is reported and returns the existing mapping.
 *
 * Return: the kernel address of the buffer (its first byte), or NULL.
 */
PVOID MmMapLockedPagesSpecifyCache(PMDL Mdl, KPROCESSOR_MODE AccessMode,
				   MEMORY_CACHING_TYPE CacheType,
				   PVOID RequestedAddress,
				   ULONG BugCheckOnFailure, ULONG Priority);

/**
 * MmUnmapLockedPages() - undo MmMapLockedPagesSpecifyCache()
 * @BaseAddress: the address it returned
 * @Mdl:         the MDL
 *
 * An address that is not the MDL's mapping is reported and left alone.
 */
void MmUnmapLockedPages(PVOID BaseAddress, PMDL Mdl);

/**
 * MmGetSystemAddressForMdlSafe() - kernel address of an MDL's buffer
 * @Mdl:      a locked or non-paged-pool MDL
 * @Priority: as for MmMapLockedPagesSpecifyCache()
 *
 * The existing mapping if the MDL has one (MDL_MAPPED_TO_SYSTEM_VA or
 * MDL_SOURCE_IS_NONPAGED_POOL), otherwise a new cached kernel mapping.
 *
 * Return: the kernel address, or NULL.
 */
static inline PVOID MmGetSystemAddressForMdlSafe(PMDL Mdl, ULONG Priority)
{
	if (Mdl->MdlFlags &
	    (MDL_MAPPED_TO_SYSTEM_VA | MDL_SOURCE_IS_NONPAGED_POOL))
		return Mdl->MappedSystemVa;
	return MmMapLockedPagesSpecifyCache(Mdl, KernelMode, MmCached, NULL,
					    FALSE, Priority);
}

/**
 * MmGetSystemAddressForMdl() - obsolete form of the above
 * @Mdl: a locked or non-paged-pool MDL
 *
 * Windows bugchecks when it cannot map; ntshim returns NULL like the Safe
 * form.
 *
 * Return: the kernel address, or NULL.
 */
static inline PVOID MmGetSystemAddressForMdl(PMDL Mdl)
{
	return MmGetSystemAddressForMdlSafe(Mdl, HighPagePriority);
}

/**
 * IoBuildPartialMdl() - describe part of a locked MDL's buffer
 * @SourceMdl:     a locked or non-paged-pool MDL
 * @TargetMdl:     an MDL big enough for the part (IoAllocateMdl())
 * @VirtualAddress: start of the part, inside @SourceMdl's buffer
 * @Length:        its length; 0 means "to the end of the source"
 *
 * Copies the PFNs of the part and marks @TargetMdl MDL_PARTIAL (plus
 * MDL_SOURCE_IS_NONPAGED_POOL when the source is).  A part outside the
 * source, or a target too small, is reported and leaves @TargetMdl alone.
 */
void IoBuildPartialMdl(PMDL SourceMdl, PMDL TargetMdl, PVOID VirtualAddress,
		       ULONG Length);

/**
 * MmPrepareMdlForReuse() - make a partial MDL ready for IoBuildPartialMdl()
 * @Mdl: an MDL that IoBuildPartialMdl() filled in
 *
 * Unmaps its system mapping, if any, and clears MDL_PARTIAL state.
 */
void MmPrepareMdlForReuse(PMDL Mdl);

/* MmAllocatePagesForMdlEx() flags (Microsoft's values). */
#define MM_DONT_ZERO_ALLOCATION 0x00000001
#define MM_ALLOCATE_FROM_LOCAL_NODE_ONLY 0x00000002
#define MM_ALLOCATE_FULLY_REQUIRED 0x00000004
#define MM_ALLOCATE_NO_WAIT 0x00000008
#define MM_ALLOCATE_PREFER_CONTIGUOUS 0x00000010
#define MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS 0x00000020

/**
 * ntshim_mdl_allocate_pages() - the runtime behind MmAllocatePagesForMdl(Ex)()
 * @LowAddress:  as there
 * @HighAddress: as there
 * @SkipBytes:   as there
 * @TotalBytes:  as there
 * @CacheType:   as there
 * @Flags:       as there
 * @owner:       module the pages are tracked under (THIS_MODULE)
 * @caller:      code address reported with them (_THIS_IP_)
 *
 * Return: the MDL, or NULL.
 */
PMDL ntshim_mdl_allocate_pages(PHYSICAL_ADDRESS LowAddress,
			       PHYSICAL_ADDRESS HighAddress,
			       PHYSICAL_ADDRESS SkipBytes, SIZE_T TotalBytes,
			       MEMORY_CACHING_TYPE CacheType, ULONG Flags,
			       struct module *owner, unsigned long caller);

/**
 * MmAllocatePagesForMdlEx() - allocate physical pages and an MDL describing them
 * @LowAddress:  lowest acceptable physical address
 * @HighAddress: highest acceptable physical address
 * @SkipBytes:   Windows' stride for further ranges; a multiple of
 *               PAGE_SIZE.  Linux allocates from zones, not ranges: every
 *               page is checked against [@LowAddress, @HighAddress] and
 *               the zone is chosen by @HighAddress (DMA, DMA32), so
 *               further ranges are never tried.  With
 *               MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS it is the chunk size
 * @TotalBytes:  how much to allocate (rounded up to pages)
 * @CacheType:   MmCached, MmNonCached or MmWriteCombined (and their
 *               aliases): the pages' attribute in the kernel's direct map
 *               is changed to match (set_memory_uc()/_wc()) until they are
 *               freed, so a mapping of that type is coherent with it
 * @Flags:       0 or MM_* flags: MM_DONT_ZERO_ALLOCATION leaves the pages
 *               as they come; MM_ALLOCATE_FULLY_REQUIRED returns NULL
 *               unless every page could be allocated;
 *               MM_ALLOCATE_FROM_LOCAL_NODE_ONLY allocates on this CPU's
 *               NUMA node only; MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS
 *               allocates physically contiguous, naturally aligned chunks
 *               of @SkipBytes (a power-of-two number of pages);
 *               MM_ALLOCATE_NO_WAIT does not sleep for memory;
 *               MM_ALLOCATE_PREFER_CONTIGUOUS is accepted (no effect)
 *
 * The MDL describes the pages (MmGetMdlPfnArray()) at StartVa NULL and is
 * marked MDL_PAGES_LOCKED, so MmMapLockedPagesSpecifyCache() can map it
 * (ask for @CacheType).  Without MM_ALLOCATE_FULLY_REQUIRED the MDL may
 * describe fewer bytes than asked for: check MmGetMdlByteCount().
 *
 * Free the pages with MmFreePagesFromMdl(), then the MDL itself with
 * ExFreePool(), as Microsoft documents.  Pages still allocated when the
 * module unloads are reported (mm_leak, kind "mdl_pages") and freed.
 * IRQL <= APC_LEVEL (DISPATCH_LEVEL with MM_ALLOCATE_NO_WAIT and
 * MmCached).
 *
 * Return: the MDL, or NULL if no page could be allocated (or not all of
 * them with MM_ALLOCATE_FULLY_REQUIRED), or on a bad argument (reported
 * as mdl_bad_argument).
 */
static __always_inline PMDL MmAllocatePagesForMdlEx(PHYSICAL_ADDRESS LowAddress,
						    PHYSICAL_ADDRESS HighAddress,
						    PHYSICAL_ADDRESS SkipBytes,
						    SIZE_T TotalBytes,
						    MEMORY_CACHING_TYPE CacheType,
						    ULONG Flags)
{
	return ntshim_mdl_allocate_pages(LowAddress, HighAddress, SkipBytes,
					 TotalBytes, CacheType, Flags,
					 THIS_MODULE, _THIS_IP_);
}

/**
 * MmAllocatePagesForMdl() - allocate zeroed, cached physical pages for an MDL
 * @LowAddress:  lowest acceptable physical address
 * @HighAddress: highest acceptable physical address
 * @SkipBytes:   see MmAllocatePagesForMdlEx()
 * @TotalBytes:  how much to allocate
 *
 * MmAllocatePagesForMdlEx(..., MmCached, 0).
 *
 * Return: the MDL (possibly describing less than @TotalBytes), or NULL.
 */
static __always_inline PMDL MmAllocatePagesForMdl(PHYSICAL_ADDRESS LowAddress,
						  PHYSICAL_ADDRESS HighAddress,
						  PHYSICAL_ADDRESS SkipBytes,
						  SIZE_T TotalBytes)
{
	return ntshim_mdl_allocate_pages(LowAddress, HighAddress, SkipBytes,
					 TotalBytes, MmCached, 0, THIS_MODULE,
					 _THIS_IP_);
}

/**
 * MmFreePagesFromMdl() - free the pages of MmAllocatePagesForMdl(Ex)()
 * @MemoryDescriptorList: the MDL those calls returned
 *
 * Frees the pages (restoring their cache attribute) but not the MDL: the
 * caller then frees it with ExFreePool().  Unmap the MDL first (Windows
 * requires it); a still mapped MDL is reported (mdl_free_while_mapped)
 * and unmapped.  An MDL that did not come from MmAllocatePagesForMdl(Ex)()
 * is reported and left alone.  IRQL <= APC_LEVEL.
 */
void MmFreePagesFromMdl(PMDL MemoryDescriptorList);

#endif /* _NTSHIM_MDL_H */
