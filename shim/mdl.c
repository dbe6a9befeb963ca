// SPDX-License-Identifier: GPL-2.0
/*
 * MDLs: the Windows header followed by real PFNs, user pages pinned with
 * pin_user_pages_fast(), system mappings with vmap() (or the direct map
 * when the pages are contiguous there).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/llist.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <ntshim/irql.h>
#include <ntshim/mdl.h>
#include <ntshim/seh.h>
#include <ntshim/violation.h>

#include "internal.h"
#include "mm_track.h"

/* Windows' largest MDL: 4 GiB minus a page. */
#define MDL_MAX_BYTES (0x100000000ULL - PAGE_SIZE)

/* IoAllocateMdl()'s block: tracking record, MDL header, PFN array. */
struct mdl_alloc {
	struct ntshim_mm_block track;
	MDL mdl;
	/* PFN_NUMBER pfns[] follow mdl directly, as MmGetMdlPfnArray() expects */
};

static void mdl_release(struct ntshim_mm_block *b);

static const struct ntshim_mm_kind mdl_kind = {
	.name = "mdl",
	.tag = NTSHIM_MDL_TAG,
	.release = mdl_release,
};

static_assert(sizeof(struct mdl_alloc) ==
	      offsetof(struct mdl_alloc, mdl) + sizeof(MDL));

#define mdl_violation(kind, mdl, fmt, ...)                                    \
	ntshim_violation(NTSHIM_V_##kind, NTSHIM_MDL_TAG, mdl, _RET_IP_,      \
			 fmt, ##__VA_ARGS__)

static ULONG mdl_pages(PMDL Mdl)
{
	return ADDRESS_AND_SIZE_TO_SPAN_PAGES(Mdl->ByteOffset, Mdl->ByteCount);
}

static bool range_wraps(unsigned long va, unsigned long len)
{
	return !len || va + len - 1 < va;
}

PMDL ntshim_mdl_allocate(PVOID VirtualAddress, ULONG Length,
			 BOOLEAN SecondaryBuffer, BOOLEAN ChargeQuota,
			 PIRP Irp, struct module *owner,
			 unsigned long caller)
{
	unsigned long va = (unsigned long)VirtualAddress;
	bool atomic = KeGetCurrentIrql() > APC_LEVEL;
	struct mdl_alloc *a;
	size_t pfn_bytes, bytes;

	if (range_wraps(va, Length) || Length > MDL_MAX_BYTES) {
		ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG,
				 VirtualAddress, caller,
				 "IoAllocateMdl of %u bytes: empty or wrapping range",
				 Length);
		return NULL;
	}
	if (Irp)
		ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG, Irp,
				 caller,
				 "IoAllocateMdl cannot attach to an IRP; MDL not attached");

	pfn_bytes = sizeof(PFN_NUMBER) *
		    ADDRESS_AND_SIZE_TO_SPAN_PAGES(VirtualAddress, Length);
	bytes = sizeof(*a) + pfn_bytes;
	/* Large PFN arrays may need vmalloc, which needs a context that can sleep. */
	a = atomic ? kmalloc(bytes, GFP_ATOMIC | __GFP_NOWARN) :
		     kvmalloc(bytes, GFP_KERNEL);
	if (!a)
		return NULL;
	memset(&a->track, 0, sizeof(a->track));
	MmInitializeMdl(&a->mdl, VirtualAddress, Length);
	memset(MmGetMdlPfnArray(&a->mdl), 0, pfn_bytes);

	ntshim_mm_track(&a->track, &mdl_kind, &a->mdl, Length,
			sizeof(MDL) + pfn_bytes, owner, caller);
	return &a->mdl;
}
EXPORT_SYMBOL_GPL(ntshim_mdl_allocate);

/* Mappings ------------------------------------------------------------ */

/*
 * vunmap() sleeps, but Windows lets drivers unlock and unmap MDLs at
 * DISPATCH_LEVEL (completion routines, DPCs): defer those to a worker.
 */
struct deferred_unmap {
	struct llist_node node;
	void *va;
};

static LLIST_HEAD(deferred_unmaps);

static void deferred_unmap_fn(struct work_struct *work)
{
	struct llist_node *list = llist_del_all(&deferred_unmaps);
	struct deferred_unmap *d, *next;

	llist_for_each_entry_safe(d, next, list, node) {
		vunmap(d->va);
		kfree(d);
	}
}

static DECLARE_WORK(deferred_unmap_work, deferred_unmap_fn);

void ntshim_mdl_unmap(PMDL Mdl)
{
	void *va = (void *)((unsigned long)Mdl->MappedSystemVa & PAGE_MASK);

	/* Only vmap()s are ours to undo; direct-map addresses need nothing. */
	if (is_vmalloc_addr(va)) {
		if (KeGetCurrentIrql() <= APC_LEVEL) {
			vunmap(va);
		} else {
			struct deferred_unmap *d = kmalloc(sizeof(*d), GFP_ATOMIC);

			if (d) {
				d->va = va;
				llist_add(&d->node, &deferred_unmaps);
				schedule_work(&deferred_unmap_work);
			} else {
				mdl_violation(MDL_BAD_ARG, va,
					      "no memory to defer the unmap at DISPATCH_LEVEL; mapping leaked");
			}
		}
	}
	Mdl->MappedSystemVa = NULL;
	Mdl->MdlFlags &= ~(MDL_MAPPED_TO_SYSTEM_VA | MDL_PARTIAL_HAS_BEEN_MAPPED);
}

static bool pfns_contiguous_lowmem(const PFN_NUMBER *pfns, ULONG n)
{
	ULONG i;

	for (i = 0; i < n; i++)
		if (!pfn_valid(pfns[i]) || pfns[i] != pfns[0] + i ||
		    PageHighMem(pfn_to_page(pfns[i])))
			return false;
	return true;
}

static pgprot_t mdl_prot(MEMORY_CACHING_TYPE CacheType, ULONG Priority)
{
	pgprot_t prot = (Priority & MdlMappingNoWrite) ? PAGE_KERNEL_RO :
							 PAGE_KERNEL;

	switch (CacheType) {
	case MmNonCached:
	case MmNonCachedUnordered:
		return pgprot_noncached(prot);
	case MmWriteCombined:
	case MmUSWCCached:
		return pgprot_writecombine(prot);
	default:
		return prot;
	}
}

static void *mdl_vmap(PMDL Mdl, MEMORY_CACHING_TYPE CacheType, ULONG Priority)
{
	PPFN_NUMBER pfns = MmGetMdlPfnArray(Mdl);
	ULONG i, n = mdl_pages(Mdl);
	struct page **pages;
	void *va = NULL;

	pages = kvmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return NULL;
	for (i = 0; i < n; i++) {
		if (!pfn_valid(pfns[i]))
			goto out;
		pages[i] = pfn_to_page(pfns[i]);
	}
	va = vmap(pages, n, VM_MAP, mdl_prot(CacheType, Priority));
out:
	kvfree(pages);
	return va;
}

PVOID MmMapLockedPagesSpecifyCache(PMDL Mdl, KPROCESSOR_MODE AccessMode,
				   MEMORY_CACHING_TYPE CacheType,
				   PVOID RequestedAddress,
				   ULONG BugCheckOnFailure, ULONG Priority)
{
	PPFN_NUMBER pfns;
	void *va;

	if (!Mdl) {
		mdl_violation(MDL_BAD_ARG, NULL, "map of a NULL MDL");
		return NULL;
	}
	if (AccessMode != KernelMode || RequestedAddress) {
		mdl_violation(MDL_BAD_ARG, Mdl,
			      "mapping an MDL into user space is not supported");
		return NULL;
	}
	if (!(Mdl->MdlFlags &
	      (MDL_PAGES_LOCKED | MDL_SOURCE_IS_NONPAGED_POOL | MDL_PARTIAL))) {
		mdl_violation(MDL_BAD_ARG, Mdl, "map of an MDL that is not locked");
		return NULL;
	}
	if (Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) {
		mdl_violation(MDL_BAD_ARG, Mdl, "MDL mapped twice");
		return Mdl->MappedSystemVa;
	}
	if ((unsigned int)CacheType >= MmMaximumCacheType) {
		mdl_violation(MDL_BAD_ARG, Mdl, "bad cache type %d", CacheType);
		return NULL;
	}

	pfns = MmGetMdlPfnArray(Mdl);
	if ((CacheType == MmCached || CacheType == MmHardwareCoherentCached) &&
	    !(Priority & MdlMappingNoWrite) &&
	    pfns_contiguous_lowmem(pfns, mdl_pages(Mdl))) {
		va = page_address(pfn_to_page(pfns[0]));
	} else {
		if (KeGetCurrentIrql() > APC_LEVEL) {
			mdl_violation(MDL_BAD_ARG, Mdl,
				      "mapping scattered pages needs IRQL <= APC_LEVEL on Linux");
			return NULL;
		}
		va = mdl_vmap(Mdl, CacheType, Priority);
		if (!va)
			return NULL;
	}

	Mdl->MappedSystemVa = (PCHAR)va + Mdl->ByteOffset;
	Mdl->MdlFlags |= MDL_MAPPED_TO_SYSTEM_VA;
	if (Mdl->MdlFlags & MDL_PARTIAL)
		Mdl->MdlFlags |= MDL_PARTIAL_HAS_BEEN_MAPPED;
	return Mdl->MappedSystemVa;
}
EXPORT_SYMBOL_GPL(MmMapLockedPagesSpecifyCache);

void MmUnmapLockedPages(PVOID BaseAddress, PMDL Mdl)
{
	if (!Mdl || !(Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA) ||
	    BaseAddress != Mdl->MappedSystemVa) {
		mdl_violation(MDL_BAD_ARG, BaseAddress,
			      "unmap of an address that is not the MDL's mapping");
		return;
	}
	ntshim_mdl_unmap(Mdl);
}
EXPORT_SYMBOL_GPL(MmUnmapLockedPages);

/* Building and locking ------------------------------------------------ */

static struct page *kernel_page(unsigned long va)
{
	if (virt_addr_valid((void *)va))
		return virt_to_page((void *)va);
	if (ntshim_is_vmalloc_or_module((void *)va))
		return vmalloc_to_page((void *)va);
	return NULL;
}

/* Fill the PFN array of an MDL for a kernel buffer; false if unmapped. */
static bool describe_kernel(PMDL Mdl)
{
	PPFN_NUMBER pfns = MmGetMdlPfnArray(Mdl);
	unsigned long start = (unsigned long)Mdl->StartVa;
	ULONG i, n = mdl_pages(Mdl);

	for (i = 0; i < n; i++) {
		struct page *page = kernel_page(start + i * PAGE_SIZE);

		if (!page)
			return false;
		pfns[i] = page_to_pfn(page);
	}
	return true;
}

static bool is_user_range(unsigned long va, unsigned long len)
{
	return va + len - 1 < TASK_SIZE_MAX;
}

void MmBuildMdlForNonPagedPool(PMDL Mdl)
{
	unsigned long va;

	if (!Mdl) {
		mdl_violation(MDL_BAD_ARG, NULL, "%s(NULL)", __func__);
		return;
	}
	va = (unsigned long)MmGetMdlVirtualAddress(Mdl);
	if (range_wraps(va, Mdl->ByteCount) ||
	    (unsigned long)Mdl->StartVa < TASK_SIZE_MAX ||
	    (Mdl->MdlFlags & (MDL_PAGES_LOCKED | MDL_MAPPED_TO_SYSTEM_VA))) {
		mdl_violation(MDL_BAD_ARG, Mdl,
			      "%s: not an unlocked MDL for a kernel buffer",
			      __func__);
		return;
	}
	if (!describe_kernel(Mdl)) {
		mdl_violation(MDL_BAD_ARG, (void *)va,
			      "%s: buffer is not mapped kernel memory", __func__);
		return;
	}
	Mdl->MappedSystemVa = (PVOID)va;
	Mdl->MdlFlags |= MDL_SOURCE_IS_NONPAGED_POOL;
}
EXPORT_SYMBOL_GPL(MmBuildMdlForNonPagedPool);

#define PIN_BATCH 16

static void unpin_pfns(const PFN_NUMBER *pfns, ULONG n, bool dirty)
{
	ULONG i;

	for (i = 0; i < n; i++) {
		struct page *page = pfn_to_page(pfns[i]);

		unpin_user_pages_dirty_lock(&page, 1, dirty);
	}
}

static NTSTATUS pin_user(PMDL Mdl, unsigned int gup_flags)
{
	PPFN_NUMBER pfns = MmGetMdlPfnArray(Mdl);
	unsigned long start = (unsigned long)Mdl->StartVa;
	ULONG n = mdl_pages(Mdl), done = 0;
	struct page *batch[PIN_BATCH];

	while (done < n) {
		int want = min_t(ULONG, n - done, PIN_BATCH);
		int i, got;

		got = pin_user_pages_fast(start + done * PAGE_SIZE, want,
					  gup_flags, batch);
		if (got <= 0) {
			unpin_pfns(pfns, done, false);
			return got == -ENOMEM ? STATUS_INSUFFICIENT_RESOURCES :
						STATUS_ACCESS_VIOLATION;
		}
		for (i = 0; i < got; i++)
			pfns[done + i] = page_to_pfn(batch[i]);
		done += got;
	}
	return STATUS_SUCCESS;
}

/* *reported: a violation was already filed for this failure. */
static NTSTATUS probe_and_lock(PMDL Mdl, KPROCESSOR_MODE AccessMode,
			       LOCK_OPERATION Operation, unsigned long caller,
			       bool *reported)
{
	unsigned long va;
	NTSTATUS status;

	*reported = true;
	if (!Mdl || (unsigned int)Operation > IoModifyAccess) {
		ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG, Mdl, caller,
				 "MmProbeAndLockPages: NULL MDL or bad operation %d",
				 Operation);
		return STATUS_INVALID_PARAMETER;
	}
	if (Mdl->MdlFlags & (MDL_PAGES_LOCKED | MDL_SOURCE_IS_NONPAGED_POOL |
			     MDL_PARTIAL | MDL_MAPPED_TO_SYSTEM_VA)) {
		ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG, Mdl, caller,
				 "MmProbeAndLockPages: MDL already locked, built or mapped (flags %#x)",
				 (u16)Mdl->MdlFlags);
		return STATUS_INVALID_PARAMETER;
	}
	va = (unsigned long)MmGetMdlVirtualAddress(Mdl);
	if (range_wraps(va, Mdl->ByteCount)) {
		ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG, (void *)va,
				 caller,
				 "MmProbeAndLockPages: empty or wrapping range of %u bytes",
				 Mdl->ByteCount);
		return STATUS_ACCESS_VIOLATION;
	}

	if (is_user_range(va, Mdl->ByteCount)) {
		if (!va) {
			ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG, Mdl,
					 caller, "MmProbeAndLockPages: NULL buffer");
			return STATUS_ACCESS_VIOLATION;
		}
		if (KeGetCurrentIrql() > APC_LEVEL || !current->mm) {
			ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG, Mdl,
					 caller,
					 "MmProbeAndLockPages: user buffer needs IRQL <= APC_LEVEL in a process");
			return STATUS_ACCESS_VIOLATION;
		}
		*reported = false;
		status = pin_user(Mdl, Operation == IoReadAccess ? 0 : FOLL_WRITE);
		if (!NT_SUCCESS(status))
			return status;
		Mdl->Process = (PEPROCESS)current->mm;	/* marks "pinned" */
	} else {
		if (AccessMode != KernelMode) {
			ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG,
					 (void *)va, caller,
					 "MmProbeAndLockPages(UserMode) of a kernel address");
			return STATUS_ACCESS_VIOLATION;
		}
		if (va < TASK_SIZE_MAX || !describe_kernel(Mdl)) {
			ntshim_violation(NTSHIM_V_MDL_BAD_ARG, NTSHIM_MDL_TAG,
					 (void *)va, caller,
					 "MmProbeAndLockPages: %u bytes at addr are not mapped kernel memory",
					 Mdl->ByteCount);
			return STATUS_ACCESS_VIOLATION;
		}
		Mdl->Process = NULL;
	}
	Mdl->MdlFlags |= MDL_PAGES_LOCKED;
	if (Operation != IoReadAccess)
		Mdl->MdlFlags |= MDL_WRITE_OPERATION;
	return STATUS_SUCCESS;
}

NTSTATUS ntshim_MmProbeAndLockPages(PMDL Mdl, KPROCESSOR_MODE AccessMode,
				    LOCK_OPERATION Operation)
{
	bool reported;

	return probe_and_lock(Mdl, AccessMode, Operation, _RET_IP_, &reported);
}
EXPORT_SYMBOL_GPL(ntshim_MmProbeAndLockPages);

void MmProbeAndLockPages(PMDL Mdl, KPROCESSOR_MODE AccessMode,
			 LOCK_OPERATION Operation)
{
	bool reported;
	NTSTATUS status;

	status = probe_and_lock(Mdl, AccessMode, Operation, _RET_IP_,
				&reported);
	if (!NT_SUCCESS(status))
		ntshim_seh_raise(status, _RET_IP_, Operation != IoReadAccess,
				 Mdl ? (ULONG_PTR)MmGetMdlVirtualAddress(Mdl) : 0);
}
EXPORT_SYMBOL_GPL(MmProbeAndLockPages);

static void mdl_unlock(PMDL Mdl)
{
	if (Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA)
		ntshim_mdl_unmap(Mdl);
	if (Mdl->Process)
		unpin_pfns(MmGetMdlPfnArray(Mdl), mdl_pages(Mdl),
			   Mdl->MdlFlags & MDL_WRITE_OPERATION);
	Mdl->Process = NULL;
	Mdl->MdlFlags &= ~(MDL_PAGES_LOCKED | MDL_WRITE_OPERATION);
}

void MmUnlockPages(PMDL Mdl)
{
	if (!Mdl || !(Mdl->MdlFlags & MDL_PAGES_LOCKED)) {
		mdl_violation(MDL_NOT_LOCKED, Mdl,
			      "%s of an MDL that is not locked", __func__);
		return;
	}
	mdl_unlock(Mdl);
}
EXPORT_SYMBOL_GPL(MmUnlockPages);

/* Partial MDLs -------------------------------------------------------- */

void IoBuildPartialMdl(PMDL SourceMdl, PMDL TargetMdl, PVOID VirtualAddress,
		       ULONG Length)
{
	unsigned long va = (unsigned long)VirtualAddress;
	unsigned long src, skip;
	ULONG n;

	if (!SourceMdl || !TargetMdl ||
	    !(SourceMdl->MdlFlags & (MDL_PAGES_LOCKED |
				     MDL_SOURCE_IS_NONPAGED_POOL | MDL_PARTIAL)) ||
	    (TargetMdl->MdlFlags & (MDL_PAGES_LOCKED | MDL_MAPPED_TO_SYSTEM_VA))) {
		mdl_violation(MDL_BAD_ARG, TargetMdl,
			      "%s: source not locked or target in use", __func__);
		return;
	}
	src = (unsigned long)MmGetMdlVirtualAddress(SourceMdl);
	if (va < src || va - src >= SourceMdl->ByteCount) {
		mdl_violation(MDL_BAD_ARG, VirtualAddress,
			      "%s: address outside the source buffer", __func__);
		return;
	}
	if (!Length)
		Length = SourceMdl->ByteCount - (va - src);
	if (Length > SourceMdl->ByteCount - (va - src) ||
	    MmSizeOfMdl(VirtualAddress, Length) > (u16)TargetMdl->Size) {
		mdl_violation(MDL_BAD_ARG, TargetMdl,
			      "%s: part too long for source or target", __func__);
		return;
	}

	n = ADDRESS_AND_SIZE_TO_SPAN_PAGES(VirtualAddress, Length);
	skip = ((va & PAGE_MASK) - (unsigned long)SourceMdl->StartVa) >> PAGE_SHIFT;
	memcpy(MmGetMdlPfnArray(TargetMdl), MmGetMdlPfnArray(SourceMdl) + skip,
	       n * sizeof(PFN_NUMBER));
	TargetMdl->StartVa = PAGE_ALIGN(VirtualAddress);
	TargetMdl->ByteOffset = BYTE_OFFSET(VirtualAddress);
	TargetMdl->ByteCount = Length;
	TargetMdl->Process = NULL;
	TargetMdl->MdlFlags = MDL_PARTIAL |
		(SourceMdl->MdlFlags & MDL_SOURCE_IS_NONPAGED_POOL);
	TargetMdl->MappedSystemVa =
		(TargetMdl->MdlFlags & MDL_SOURCE_IS_NONPAGED_POOL) ?
		VirtualAddress : NULL;
}
EXPORT_SYMBOL_GPL(IoBuildPartialMdl);

void MmPrepareMdlForReuse(PMDL Mdl)
{
	if (!Mdl || (Mdl->MdlFlags & MDL_PAGES_LOCKED)) {
		mdl_violation(MDL_BAD_ARG, Mdl,
			      "%s of a NULL or locked MDL", __func__);
		return;
	}
	if (Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA)
		ntshim_mdl_unmap(Mdl);
	Mdl->MappedSystemVa = NULL;
	Mdl->MdlFlags &= ~(MDL_PARTIAL | MDL_PARTIAL_HAS_BEEN_MAPPED |
			   MDL_SOURCE_IS_NONPAGED_POOL);
}
EXPORT_SYMBOL_GPL(MmPrepareMdlForReuse);

/* Freeing ------------------------------------------------------------- */

static void mdl_free(struct mdl_alloc *a)
{
	PMDL Mdl = &a->mdl;

	if (Mdl->MdlFlags & MDL_PAGES_LOCKED)
		mdl_unlock(Mdl);
	else if (Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA)
		ntshim_mdl_unmap(Mdl);
	kvfree(a);
}

void IoFreeMdl(PMDL Mdl)
{
	struct ntshim_mm_block *b = ntshim_mm_untrack(Mdl, &mdl_kind);

	if (!b) {
		mdl_violation(MDL_BAD_ARG, Mdl,
			      "%s of an MDL IoAllocateMdl did not return",
			      __func__);
		return;
	}
	if (Mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA)
		mdl_violation(MDL_FREE_MAPPED, Mdl,
			      "%s of a mapped MDL; unmapped first", __func__);
	if (Mdl->MdlFlags & MDL_PAGES_LOCKED)
		mdl_violation(MDL_BAD_ARG, Mdl,
			      "%s of a locked MDL; unlocked first", __func__);
	mdl_free(container_of(b, struct mdl_alloc, track));
}
EXPORT_SYMBOL_GPL(IoFreeMdl);

static void mdl_release(struct ntshim_mm_block *b)
{
	mdl_free(container_of(b, struct mdl_alloc, track));
}

void ntshim_mdl_exit(void)
{
	flush_work(&deferred_unmap_work);
}
