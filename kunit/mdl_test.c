// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's MDLs: layout, PFN arrays for kernel and user
 * buffers, system mappings, locking and the misuse reports.
 */
#include <kunit/test.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <ntshim/ntddk.h>

#include "mm_user.h"
#include "ntshim_kunit.h"

/* The frame behind a kernel address, whatever kind of mapping it is. */
static PFN_NUMBER kernel_pfn(void *va)
{
	return is_vmalloc_addr(va) ? vmalloc_to_pfn(va) : page_to_pfn(virt_to_page(va));
}

/* The frame behind a user address of the test's mm, found by GUP. */
static PFN_NUMBER user_pfn(unsigned long u)
{
	struct page *page;
	PFN_NUMBER pfn;

	if (get_user_pages_fast(u, 1, 0, &page) != 1)
		return 0;
	pfn = page_to_pfn(page);
	put_page(page);
	return pfn;
}

/* Every PFN of @mdl is the frame of the matching page of its buffer. */
static void expect_kernel_pfns(struct kunit *test, PMDL mdl)
{
	PPFN_NUMBER pfns = MmGetMdlPfnArray(mdl);
	char *base = mdl->StartVa;
	ULONG i, n = ADDRESS_AND_SIZE_TO_SPAN_PAGES(MmGetMdlVirtualAddress(mdl),
						    mdl->ByteCount);

	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, pfns[i], kernel_pfn(base + i * PAGE_SIZE));
}

static void fill(char *p, size_t n, char seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = seed + i % 251;
}

/*
 * IoAllocateMdl(buf + 100, 2 pages):
 *
 *   page 0        page 1        page 2
 *   [..|xxxxxxxx][xxxxxxxxxxxx][xx.........]
 *      ^ ByteOffset 100         three PFNs after the header
 */
static void ntshim_IoAllocateMdl_test(struct kunit *test)
{
	ULONG before = ntshim_mm_outstanding(THIS_MODULE);
	char *va = (char *)0x7f0000001000UL + 100;
	PMDL mdl = IoAllocateMdl(va, 2 * PAGE_SIZE, FALSE, FALSE, NULL);

	KUNIT_ASSERT_NOT_NULL(test, mdl);
	KUNIT_EXPECT_PTR_EQ(test, mdl->StartVa, (PVOID)0x7f0000001000UL);
	KUNIT_EXPECT_EQ(test, MmGetMdlByteOffset(mdl), 100);
	KUNIT_EXPECT_EQ(test, MmGetMdlByteCount(mdl), 2 * PAGE_SIZE);
	KUNIT_EXPECT_PTR_EQ(test, MmGetMdlVirtualAddress(mdl), (PVOID)va);
	KUNIT_EXPECT_PTR_EQ(test, MmGetMdlBaseVa(mdl), (PVOID)0x7f0000001000UL);
	KUNIT_EXPECT_EQ(test, mdl->MdlFlags, 0);
	KUNIT_EXPECT_EQ(test, mdl->Size, sizeof(MDL) + 3 * sizeof(PFN_NUMBER));
	KUNIT_EXPECT_EQ(test, MmSizeOfMdl(va, 2 * PAGE_SIZE), mdl->Size);
	KUNIT_EXPECT_PTR_EQ(test, (PVOID)MmGetMdlPfnArray(mdl),
			    (PVOID)((char *)mdl + sizeof(MDL)));
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before + 1);
	IoFreeMdl(mdl);
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before);
}

static void ntshim_IoAllocateMdl_bad_range_test(struct kunit *test)
{
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MDL_BAD_ARG);

	KUNIT_EXPECT_NULL(test, IoAllocateMdl((PVOID)0x10000, 0, FALSE, FALSE,
					      NULL));
	KUNIT_EXPECT_NULL(test, IoAllocateMdl((PVOID)(~0UL - 10), 100, FALSE,
					      FALSE, NULL));
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 2);
}

static void ntshim_MmInitializeMdl_test(struct kunit *test)
{
	struct {
		MDL mdl;
		PFN_NUMBER pfns[2];
	} s;
	char *va = (char *)0x2000 + PAGE_SIZE - 1;

	MmInitializeMdl(&s.mdl, va, 2);		/* two bytes, two pages */
	KUNIT_EXPECT_EQ(test, s.mdl.Size, sizeof(MDL) + 2 * sizeof(PFN_NUMBER));
	KUNIT_EXPECT_EQ(test, s.mdl.ByteOffset, PAGE_SIZE - 1);
	KUNIT_EXPECT_PTR_EQ(test, s.mdl.StartVa, (PVOID)0x2000);
	KUNIT_EXPECT_EQ(test, s.mdl.MdlFlags, 0);
}

/* A physically contiguous kmalloc buffer, described at an odd offset. */
static void ntshim_MmBuildMdlForNonPagedPool_direct_test(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 4 * PAGE_SIZE, GFP_KERNEL);
	char *va;
	PMDL mdl;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	va = buf + PAGE_SIZE - 10;
	mdl = IoAllocateMdl(va, 2 * PAGE_SIZE + 20, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	MmBuildMdlForNonPagedPool(mdl);
	KUNIT_EXPECT_TRUE(test, mdl->MdlFlags & MDL_SOURCE_IS_NONPAGED_POOL);
	KUNIT_EXPECT_FALSE(test, mdl->MdlFlags & MDL_PAGES_LOCKED);
	expect_kernel_pfns(test, mdl);
	KUNIT_EXPECT_PTR_EQ(test, MmGetSystemAddressForMdlSafe(mdl,
							       NormalPagePriority),
			    (PVOID)va);
	IoFreeMdl(mdl);
}

/* A vmalloc buffer: every page has its own frame. */
static void ntshim_MmBuildMdlForNonPagedPool_vmalloc_test(struct kunit *test)
{
	char *v = vmalloc(4 * PAGE_SIZE);
	char *va;
	PMDL mdl;

	KUNIT_ASSERT_NOT_NULL(test, v);
	va = v + 3000;
	mdl = IoAllocateMdl(va, 2 * PAGE_SIZE + 500, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	MmBuildMdlForNonPagedPool(mdl);
	KUNIT_EXPECT_TRUE(test, mdl->MdlFlags & MDL_SOURCE_IS_NONPAGED_POOL);
	expect_kernel_pfns(test, mdl);
	KUNIT_EXPECT_PTR_EQ(test, MmGetSystemAddressForMdlSafe(mdl,
							       NormalPagePriority),
			    (PVOID)va);
	IoFreeMdl(mdl);
	vfree(v);
}

static void ntshim_MmBuildMdlForNonPagedPool_user_test(struct kunit *test)
{
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MDL_BAD_ARG);
	PMDL mdl = IoAllocateMdl((PVOID)0x10000, 64, FALSE, FALSE, NULL);

	KUNIT_ASSERT_NOT_NULL(test, mdl);
	MmBuildMdlForNonPagedPool(mdl);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
	KUNIT_EXPECT_EQ(test, mdl->MdlFlags, 0);
	IoFreeMdl(mdl);
}

/*
 * Lock a vmalloc buffer and map it: the system address is a second
 * mapping of the same frames, so writes show through both.
 */
static void ntshim_MmProbeAndLockPages_kernel_test(struct kunit *test)
{
	size_t len = 2 * PAGE_SIZE;
	char *v = vmalloc(3 * PAGE_SIZE);
	char *va, *sys;
	PMDL mdl;

	KUNIT_ASSERT_NOT_NULL(test, v);
	va = v + 1000;
	fill(va, len, 7);
	mdl = IoAllocateMdl(va, len, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	KUNIT_ASSERT_EQ(test, ntshim_MmProbeAndLockPages(mdl, KernelMode,
							 IoModifyAccess),
			STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, mdl->MdlFlags & MDL_PAGES_LOCKED);
	KUNIT_EXPECT_TRUE(test, mdl->MdlFlags & MDL_WRITE_OPERATION);
	expect_kernel_pfns(test, mdl);

	sys = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority);
	KUNIT_ASSERT_NOT_NULL(test, sys);
	KUNIT_EXPECT_PTR_NE(test, sys, va);
	KUNIT_EXPECT_TRUE(test, mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA);
	KUNIT_EXPECT_EQ(test, memcmp(sys, va, len), 0);
	sys[len - 1] = 'Z';
	KUNIT_EXPECT_EQ(test, va[len - 1], 'Z');
	/* a second call returns the same mapping */
	KUNIT_EXPECT_PTR_EQ(test, MmGetSystemAddressForMdlSafe(mdl,
							       NormalPagePriority),
			    (PVOID)sys);

	MmUnlockPages(mdl);	/* unmaps too */
	KUNIT_EXPECT_EQ(test, mdl->MdlFlags & (MDL_PAGES_LOCKED |
					       MDL_MAPPED_TO_SYSTEM_VA), 0);
	KUNIT_EXPECT_NULL(test, mdl->MappedSystemVa);
	IoFreeMdl(mdl);
	vfree(v);
}

/* Contiguous direct-map pages map onto their direct-map address. */
static void ntshim_MmMapLockedPagesSpecifyCache_direct_test(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 256, GFP_KERNEL);
	PMDL mdl;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	mdl = IoAllocateMdl(buf + 16, 64, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	KUNIT_ASSERT_EQ(test, ntshim_MmProbeAndLockPages(mdl, KernelMode,
							 IoReadAccess),
			STATUS_SUCCESS);
	KUNIT_EXPECT_FALSE(test, mdl->MdlFlags & MDL_WRITE_OPERATION);
	KUNIT_EXPECT_PTR_EQ(test,
			    MmMapLockedPagesSpecifyCache(mdl, KernelMode,
							 MmCached, NULL, FALSE,
							 NormalPagePriority),
			    (PVOID)(buf + 16));
	MmUnmapLockedPages(buf + 16, mdl);
	KUNIT_EXPECT_FALSE(test, mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA);
	MmUnlockPages(mdl);
	IoFreeMdl(mdl);
}

/*
 * A user buffer at an odd offset over three pages: pinned, PFNs equal
 * to the frames the user mapping has, the system mapping sees what the
 * user wrote and the user sees what the driver wrote.
 */
static void ntshim_MmProbeAndLockPages_user_test(struct kunit *test)
{
	unsigned long u = test_user_map(test, 3 * PAGE_SIZE,
					PROT_READ | PROT_WRITE);
	size_t len = 2 * PAGE_SIZE;
	char *data = kunit_kmalloc(test, len, GFP_KERNEL);
	void __user *ubuf = (void __user *)(u + 100);
	PPFN_NUMBER pfns;
	char *sys;
	PMDL mdl;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, data);
	fill(data, len, 3);
	KUNIT_ASSERT_EQ(test, copy_to_user(ubuf, data, len), 0);

	mdl = IoAllocateMdl((__force PVOID)ubuf, len, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	KUNIT_ASSERT_EQ(test, ntshim_MmProbeAndLockPages(mdl, UserMode,
							 IoWriteAccess),
			STATUS_SUCCESS);
	KUNIT_EXPECT_TRUE(test, mdl->MdlFlags & MDL_PAGES_LOCKED);
	KUNIT_EXPECT_TRUE(test, mdl->MdlFlags & MDL_WRITE_OPERATION);
	pfns = MmGetMdlPfnArray(mdl);
	for (i = 0; i < 3; i++)
		KUNIT_EXPECT_EQ(test, pfns[i], user_pfn(u + i * PAGE_SIZE));

	sys = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority);
	KUNIT_ASSERT_NOT_NULL(test, sys);
	KUNIT_EXPECT_EQ(test, memcmp(sys, data, len), 0);
	fill(sys, len, 9);
	MmUnlockPages(mdl);
	KUNIT_EXPECT_EQ(test, mdl->MdlFlags & MDL_PAGES_LOCKED, 0);

	memset(data, 0, len);
	KUNIT_ASSERT_EQ(test, copy_from_user(data, ubuf, len), 0);
	KUNIT_EXPECT_EQ(test, data[0], 9);
	KUNIT_EXPECT_EQ(test, data[len - 1], (char)(9 + (len - 1) % 251));
	IoFreeMdl(mdl);
}

/* Inaccessible user memory is a status, not misuse; nothing stays pinned. */
static void ntshim_MmProbeAndLockPages_user_fault_test(struct kunit *test)
{
	unsigned long none = test_user_map(test, PAGE_SIZE, PROT_NONE);
	unsigned long ro = test_user_map(test, PAGE_SIZE, PROT_READ);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MDL_BAD_ARG);
	struct ntshim_violation_mark unhandled;
	PMDL mdl;

	mdl = IoAllocateMdl((PVOID)none, 64, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	KUNIT_EXPECT_EQ(test, ntshim_MmProbeAndLockPages(mdl, UserMode,
							 IoReadAccess),
			STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, mdl->MdlFlags, 0);
	IoFreeMdl(mdl);

	mdl = IoAllocateMdl((PVOID)ro, 64, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	KUNIT_EXPECT_EQ(test, ntshim_MmProbeAndLockPages(mdl, UserMode,
							 IoWriteAccess),
			STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, mdl->MdlFlags, 0);
	KUNIT_EXPECT_EQ(test, ntshim_MmProbeAndLockPages(mdl, UserMode,
							 IoReadAccess),
			STATUS_SUCCESS);
	MmUnlockPages(mdl);
	IoFreeMdl(mdl);

	/* nothing is mapped at 64 KiB in the test's fresh mm */
	mdl = IoAllocateMdl((PVOID)0x10000, 64, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	KUNIT_EXPECT_EQ(test, ntshim_MmProbeAndLockPages(mdl, UserMode,
							 IoReadAccess),
			STATUS_ACCESS_VIOLATION);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 0);

	/* the void form raises; unhandled, it returns with the MDL unlocked */
	unhandled = ntshim_mark(NTSHIM_V_SEH_UNHANDLED);
	MmProbeAndLockPages(mdl, UserMode, IoReadAccess);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &unhandled, 1);
	KUNIT_EXPECT_EQ(test, mdl->MdlFlags, 0);
	IoFreeMdl(mdl);
}

static void ntshim_MmProbeAndLockPages_kernel_as_user_test(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 64, GFP_KERNEL);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MDL_BAD_ARG);
	PMDL mdl;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	mdl = IoAllocateMdl(buf, 64, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	KUNIT_EXPECT_EQ(test, ntshim_MmProbeAndLockPages(mdl, UserMode,
							 IoReadAccess),
			STATUS_ACCESS_VIOLATION);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
	KUNIT_EXPECT_EQ(test, mdl->MdlFlags, 0);
	IoFreeMdl(mdl);
}

static void ntshim_MmUnlockPages_not_locked_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_MDL_NOT_LOCKED);
	PMDL mdl = IoAllocateMdl((PVOID)0x10000, 64, FALSE, FALSE, NULL);

	KUNIT_ASSERT_NOT_NULL(test, mdl);
	MmUnlockPages(mdl);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, mdl->MdlFlags, 0);
	IoFreeMdl(mdl);
}

/* Freeing a mapped, locked MDL: reported, then unmapped and unlocked. */
static void ntshim_IoFreeMdl_mapped_test(struct kunit *test)
{
	ULONG before = ntshim_mm_outstanding(THIS_MODULE);
	struct ntshim_violation_mark mapped = ntshim_mark(NTSHIM_V_MDL_FREE_MAPPED);
	char *v = vmalloc(2 * PAGE_SIZE);
	PMDL mdl;

	KUNIT_ASSERT_NOT_NULL(test, v);
	mdl = IoAllocateMdl(v, 2 * PAGE_SIZE, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	KUNIT_ASSERT_EQ(test, ntshim_MmProbeAndLockPages(mdl, KernelMode,
							 IoReadAccess),
			STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, MmGetSystemAddressForMdlSafe(mdl,
								 NormalPagePriority));
	IoFreeMdl(mdl);
	NTSHIM_EXPECT_VIOLATIONS(test, &mapped, 1);
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before);
	vfree(v);
}

static void ntshim_IoFreeMdl_foreign_test(struct kunit *test)
{
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MDL_BAD_ARG);
	struct {
		MDL mdl;
		PFN_NUMBER pfns[1];
	} s;

	MmInitializeMdl(&s.mdl, (PVOID)0x10000, 16);
	IoFreeMdl(&s.mdl);	/* not from IoAllocateMdl: reported, ignored */
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
}

static void ntshim_MmMapLockedPagesSpecifyCache_bad_test(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 64, GFP_KERNEL);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MDL_BAD_ARG);
	PMDL mdl;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	mdl = IoAllocateMdl(buf, 64, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	/* not locked yet */
	KUNIT_EXPECT_NULL(test, MmGetSystemAddressForMdlSafe(mdl,
							     NormalPagePriority));
	MmBuildMdlForNonPagedPool(mdl);
	/* no mapping into user space */
	KUNIT_EXPECT_NULL(test, MmMapLockedPagesSpecifyCache(mdl, UserMode,
							     MmCached, NULL,
							     FALSE,
							     NormalPagePriority));
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 2);
	IoFreeMdl(mdl);
}

/*
 * A partial MDL for the middle of a locked buffer:
 *
 *   source  [p0][p1][p2][p3]
 *   target      [p1][p2]      PFNs copied, mapped on its own
 */
static void ntshim_IoBuildPartialMdl_test(struct kunit *test)
{
	char *v = vmalloc(4 * PAGE_SIZE);
	PMDL src, part;
	char *va, *sys;

	KUNIT_ASSERT_NOT_NULL(test, v);
	fill(v, 4 * PAGE_SIZE, 1);
	src = IoAllocateMdl(v, 4 * PAGE_SIZE, FALSE, FALSE, NULL);
	part = IoAllocateMdl(v + PAGE_SIZE + 8, PAGE_SIZE, FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, src);
	KUNIT_ASSERT_NOT_NULL(test, part);
	KUNIT_ASSERT_EQ(test, ntshim_MmProbeAndLockPages(src, KernelMode,
							 IoReadAccess),
			STATUS_SUCCESS);

	va = v + PAGE_SIZE + 8;
	IoBuildPartialMdl(src, part, va, PAGE_SIZE);
	KUNIT_EXPECT_TRUE(test, part->MdlFlags & MDL_PARTIAL);
	KUNIT_EXPECT_PTR_EQ(test, MmGetMdlVirtualAddress(part), (PVOID)va);
	expect_kernel_pfns(test, part);
	sys = MmGetSystemAddressForMdlSafe(part, NormalPagePriority);
	KUNIT_ASSERT_NOT_NULL(test, sys);
	KUNIT_EXPECT_EQ(test, memcmp(sys, va, PAGE_SIZE), 0);
	KUNIT_EXPECT_TRUE(test, part->MdlFlags & MDL_PARTIAL_HAS_BEEN_MAPPED);

	MmPrepareMdlForReuse(part);
	KUNIT_EXPECT_EQ(test, part->MdlFlags &
			(MDL_PARTIAL | MDL_PARTIAL_HAS_BEEN_MAPPED |
			 MDL_MAPPED_TO_SYSTEM_VA), 0);
	IoFreeMdl(part);
	MmUnlockPages(src);
	IoFreeMdl(src);
	vfree(v);
}

static struct kunit_case ntshim_mdl_cases[] = {
	KUNIT_CASE(ntshim_IoAllocateMdl_test),
	KUNIT_CASE(ntshim_IoAllocateMdl_bad_range_test),
	KUNIT_CASE(ntshim_MmInitializeMdl_test),
	KUNIT_CASE(ntshim_MmBuildMdlForNonPagedPool_direct_test),
	KUNIT_CASE(ntshim_MmBuildMdlForNonPagedPool_vmalloc_test),
	KUNIT_CASE(ntshim_MmBuildMdlForNonPagedPool_user_test),
	KUNIT_CASE(ntshim_MmProbeAndLockPages_kernel_test),
	KUNIT_CASE(ntshim_MmMapLockedPagesSpecifyCache_direct_test),
	KUNIT_CASE(ntshim_MmProbeAndLockPages_user_test),
	KUNIT_CASE(ntshim_MmProbeAndLockPages_user_fault_test),
	KUNIT_CASE(ntshim_MmProbeAndLockPages_kernel_as_user_test),
	KUNIT_CASE(ntshim_MmUnlockPages_not_locked_test),
	KUNIT_CASE(ntshim_IoFreeMdl_mapped_test),
	KUNIT_CASE(ntshim_IoFreeMdl_foreign_test),
	KUNIT_CASE(ntshim_MmMapLockedPagesSpecifyCache_bad_test),
	KUNIT_CASE(ntshim_IoBuildPartialMdl_test),
	{}
};

static struct kunit_suite ntshim_mdl_suite = {
	.name = "ntshim_mdl",
	.test_cases = ntshim_mdl_cases,
};

kunit_test_suite(ntshim_mdl_suite);
