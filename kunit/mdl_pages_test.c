// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for MmAllocatePagesForMdl(Ex) and MmFreePagesFromMdl, as
 * Microsoft documents them: zero-filled pages in the requested physical
 * range, described by an MDL whose byte count says how much was
 * allocated; NULL when nothing (or, with MM_ALLOCATE_FULLY_REQUIRED, not
 * everything) could be allocated; MmFreePagesFromMdl frees the pages and
 * the caller frees the MDL with ExFreePool.  Misuse is reported.
 */
#include <linux/dma-mapping.h>
#include "tier_kunit.h"

static PHYSICAL_ADDRESS pa(u64 v)
{
	PHYSICAL_ADDRESS p = { .QuadPart = v };

	return p;
}

static bool all_zero(const u8 *p, size_t n)
{
	return !memchr_inv(p, 0, n);
}

static void MmAllocatePagesForMdl_test(struct kunit *test)
{
	ULONG before = ntshim_mm_outstanding(THIS_MODULE);
	SIZE_T total = 3 * PAGE_SIZE + 100;
	PPFN_NUMBER pfns;
	PMDL mdl;
	u8 *va;
	ULONG i;

	mdl = MmAllocatePagesForMdl(pa(0), pa(~0ULL), pa(0), total);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	KUNIT_EXPECT_EQ(test, MmGetMdlByteCount(mdl), (ULONG)total);
	KUNIT_EXPECT_EQ(test, MmGetMdlByteOffset(mdl), 0U);
	KUNIT_EXPECT_TRUE(test, mdl->MdlFlags & MDL_PAGES_LOCKED);
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before + 1);
	pfns = MmGetMdlPfnArray(mdl);
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_TRUE(test, pfn_valid(pfns[i]));

	va = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority);
	KUNIT_ASSERT_NOT_NULL(test, va);
	/* zero-filled, and really these frames */
	KUNIT_EXPECT_TRUE(test, all_zero(va, total));
	memset(va, 0x5a, total);
	KUNIT_EXPECT_EQ(test, *(u8 *)page_address(pfn_to_page(pfns[3])), 0x5a);
	MmUnmapLockedPages(va, mdl);

	MmFreePagesFromMdl(mdl);
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before);
	ExFreePool(mdl);
}

/* Every page lies inside [Low, High]; a range without RAM yields NULL. */
static void MmAllocatePagesForMdl_range_test(struct kunit *test)
{
	u64 high = DMA_BIT_MASK(32);
	PPFN_NUMBER pfns;
	PMDL mdl;
	ULONG i, n;

	mdl = MmAllocatePagesForMdlEx(pa(0), pa(high), pa(0), 8 * PAGE_SIZE,
				      MmCached, MM_ALLOCATE_FULLY_REQUIRED);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	pfns = MmGetMdlPfnArray(mdl);
	n = MmGetMdlByteCount(mdl) >> PAGE_SHIFT;
	KUNIT_EXPECT_EQ(test, n, 8U);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_LE(test, PFN_PHYS(pfns[i]) + PAGE_SIZE - 1, high);
	MmFreePagesFromMdl(mdl);
	ExFreePool(mdl);

	/* far above any RAM of the test VM */
	KUNIT_EXPECT_NULL(test, MmAllocatePagesForMdl(pa(1ULL << 46), pa(~0ULL),
						      pa(0), PAGE_SIZE));
	KUNIT_EXPECT_NULL(test, MmAllocatePagesForMdlEx(pa(1ULL << 46), pa(~0ULL), pa(0),
							PAGE_SIZE, MmCached,
							MM_ALLOCATE_FULLY_REQUIRED));
}

/* MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS: aligned runs of SkipBytes. */
static void MmAllocatePagesForMdlEx_chunks_test(struct kunit *test)
{
	PPFN_NUMBER pfns;
	PMDL mdl;
	ULONG i;

	mdl = MmAllocatePagesForMdlEx(pa(0), pa(~0ULL), pa(4 * PAGE_SIZE),
				      8 * PAGE_SIZE, MmCached,
				      MM_ALLOCATE_REQUIRE_CONTIGUOUS_CHUNKS |
				      MM_ALLOCATE_FULLY_REQUIRED | MM_DONT_ZERO_ALLOCATION);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	pfns = MmGetMdlPfnArray(mdl);
	for (i = 0; i < 8; i += 4) {
		KUNIT_EXPECT_EQ(test, pfns[i] % 4, 0UL);
		KUNIT_EXPECT_EQ(test, pfns[i + 1], pfns[i] + 1);
		KUNIT_EXPECT_EQ(test, pfns[i + 3], pfns[i] + 3);
	}
	MmFreePagesFromMdl(mdl);
	ExFreePool(mdl);
}

/* Non-cached pages map non-cached and still read back what was written. */
static void MmAllocatePagesForMdlEx_noncached_test(struct kunit *test)
{
	PMDL mdl;
	u32 *va;

	mdl = MmAllocatePagesForMdlEx(pa(0), pa(~0ULL), pa(0), 2 * PAGE_SIZE,
				      MmNonCached, 0);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	va = MmMapLockedPagesSpecifyCache(mdl, KernelMode, MmNonCached, NULL,
					  FALSE, NormalPagePriority);
	KUNIT_ASSERT_NOT_NULL(test, va);
	KUNIT_EXPECT_EQ(test, va[0], 0U);
	va[PAGE_SIZE / 4] = 0xfeedf00d;
	KUNIT_EXPECT_EQ(test, READ_ONCE(va[PAGE_SIZE / 4]), 0xfeedf00dU);
	MmUnmapLockedPages(va, mdl);
	MmFreePagesFromMdl(mdl);
	ExFreePool(mdl);
}

/* Misuse: reported once each; the pages are never freed twice. */
static void MmFreePagesFromMdl_misuse_test(struct kunit *test)
{
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MDL_BAD_ARG);
	struct ntshim_violation_mark mapped = ntshim_mark(NTSHIM_V_MDL_FREE_MAPPED);
	ULONG before = ntshim_mm_outstanding(THIS_MODULE);
	char buf[64];
	PMDL mdl, other;

	/* an MDL from IoAllocateMdl */
	other = IoAllocateMdl(buf, sizeof(buf), FALSE, FALSE, NULL);
	KUNIT_ASSERT_NOT_NULL(test, other);
	MmFreePagesFromMdl(other);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
	IoFreeMdl(other);

	/* freed while mapped: unmapped first */
	mdl = MmAllocatePagesForMdl(pa(0), pa(~0ULL), pa(0), PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, mdl);
	KUNIT_ASSERT_NOT_NULL(test, MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority));
	MmFreePagesFromMdl(mdl);
	NTSHIM_EXPECT_VIOLATIONS(test, &mapped, 1);
	KUNIT_EXPECT_FALSE(test, mdl->MdlFlags & MDL_MAPPED_TO_SYSTEM_VA);

	/* and again: the pages are gone already */
	MmFreePagesFromMdl(mdl);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 2);
	ExFreePool(mdl);

	/* bad arguments: nothing allocated */
	KUNIT_EXPECT_NULL(test, MmAllocatePagesForMdl(pa(0), pa(~0ULL), pa(0), 0));
	KUNIT_EXPECT_NULL(test, MmAllocatePagesForMdl(pa(0), pa(~0ULL), pa(100), PAGE_SIZE));
	KUNIT_EXPECT_NULL(test, MmAllocatePagesForMdl(pa(2 * PAGE_SIZE), pa(PAGE_SIZE),
						      pa(0), PAGE_SIZE));
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 5);
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before);
}

/* Above APC_LEVEL (without MM_ALLOCATE_NO_WAIT) it is refused. */
static void MmAllocatePagesForMdl_irql_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_BAD_IRQL);
	PMDL mdl, nowait;
	KIRQL old;

	old = KfRaiseIrql(DISPATCH_LEVEL);
	mdl = MmAllocatePagesForMdl(pa(0), pa(~0ULL), pa(0), PAGE_SIZE);
	nowait = MmAllocatePagesForMdlEx(pa(0), pa(~0ULL), pa(0), PAGE_SIZE,
					 MmCached, MM_ALLOCATE_NO_WAIT);
	KeLowerIrql(old);
	KUNIT_EXPECT_NULL(test, mdl);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	if (nowait) {
		MmFreePagesFromMdl(nowait);
		ExFreePool(nowait);
	}
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), (KIRQL)PASSIVE_LEVEL);
}

static struct kunit_case ntshim_mdl_pages_cases[] = {
	KUNIT_CASE(MmAllocatePagesForMdl_test),
	KUNIT_CASE(MmAllocatePagesForMdl_range_test),
	KUNIT_CASE(MmAllocatePagesForMdlEx_chunks_test),
	KUNIT_CASE(MmAllocatePagesForMdlEx_noncached_test),
	KUNIT_CASE(MmFreePagesFromMdl_misuse_test),
	KUNIT_CASE(MmAllocatePagesForMdl_irql_test),
	{}
};

static struct kunit_suite ntshim_mdl_pages_suite = {
	.name = "ntshim_mdl_pages",
	.test_cases = ntshim_mdl_pages_cases,
};

kunit_test_suite(ntshim_mdl_pages_suite);
