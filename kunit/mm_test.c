// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's memory manager: translation, contiguous and
 * non-cached memory, I/O space, page macros, code-section macros and
 * user-buffer probing.
 */
#include <kunit/test.h>
#include <linux/io.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <ntshim/ntddk.h>

#include "mm_user.h"
#include "ntshim_kunit.h"

#define NONCANONICAL ((PVOID)0xdead000000000000UL)

static PHYSICAL_ADDRESS phys(u64 v)
{
	PHYSICAL_ADDRESS pa = { .QuadPart = v };

	return pa;
}

/* Translation --------------------------------------------------------- */

static void ntshim_MmGetPhysicalAddress_direct_test(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 200, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_EXPECT_EQ(test, (u64)MmGetPhysicalAddress(buf + 7).QuadPart,
			(u64)virt_to_phys(buf + 7));
}

/*
 * A vmalloc buffer: each page has its own frame, so the physical address
 * is the frame of that page plus the offset in it.
 */
static void ntshim_MmGetPhysicalAddress_vmalloc_test(struct kunit *test)
{
	char *v = vmalloc(3 * PAGE_SIZE);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, v);
	for (i = 0; i < 3; i++) {
		char *p = v + i * PAGE_SIZE + 123;

		KUNIT_EXPECT_EQ(test, (u64)MmGetPhysicalAddress(p).QuadPart,
				(u64)page_to_phys(vmalloc_to_page(p)) + 123);
	}
	vfree(v);
}

static void ntshim_MmGetPhysicalAddress_unmapped_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, MmGetPhysicalAddress(NULL).QuadPart, 0);
	KUNIT_EXPECT_EQ(test, MmGetPhysicalAddress(NONCANONICAL).QuadPart, 0);
}

static void ntshim_MmIsAddressValid_kernel_test(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 64, GFP_KERNEL);
	char *v = vmalloc(PAGE_SIZE);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_EXPECT_TRUE(test, MmIsAddressValid(buf));
	KUNIT_EXPECT_TRUE(test, MmIsAddressValid(v));
	vfree(v);
	/* vfree() clears the page table entries at once */
	KUNIT_EXPECT_FALSE(test, MmIsAddressValid(v));
	KUNIT_EXPECT_FALSE(test, MmIsAddressValid(NULL));
	KUNIT_EXPECT_FALSE(test, MmIsAddressValid(NONCANONICAL));
}

/* A fresh anonymous page is invalid until something faults it in. */
static void ntshim_MmIsAddressValid_user_test(struct kunit *test)
{
	unsigned long u = test_user_map(test, 2 * PAGE_SIZE,
					PROT_READ | PROT_WRITE);

	KUNIT_EXPECT_FALSE(test, MmIsAddressValid((PVOID)u));
	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)u, "x", 1), 0);
	KUNIT_EXPECT_TRUE(test, MmIsAddressValid((PVOID)u));
	KUNIT_EXPECT_FALSE(test, MmIsAddressValid((PVOID)(u + PAGE_SIZE)));
}

/* Contiguous memory --------------------------------------------------- */

static void expect_contiguous_below(struct kunit *test, char *p, size_t bytes,
				    u64 ceiling)
{
	phys_addr_t first = virt_to_phys(p);
	size_t off;

	for (off = 0; off < bytes; off += PAGE_SIZE) {
		phys_addr_t pa = page_to_phys(virt_to_page(p + off));

		KUNIT_EXPECT_EQ(test, (u64)pa, (u64)first + off);
		KUNIT_EXPECT_LE(test, (u64)pa + PAGE_SIZE - 1, ceiling);
		KUNIT_EXPECT_EQ(test, (u64)MmGetPhysicalAddress(p + off).QuadPart,
				(u64)pa);
	}
}

static void ntshim_MmAllocateContiguousMemory_test(struct kunit *test)
{
	ULONG before = ntshim_mm_outstanding(THIS_MODULE);
	size_t bytes = 5 * PAGE_SIZE + 100;
	char *p = MmAllocateContiguousMemory(bytes, phys(0xffffffffULL));

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, PAGE_ALIGNED(p));
	expect_contiguous_below(test, p, bytes, 0xffffffffULL);
	memset(p, 0x5a, bytes);
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before + 1);
	MmFreeContiguousMemory(p);
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before);
}

/*
 * A 16 MiB ceiling: either honoured (ZONE_DMA, or luck) or refused;
 * never memory above it.
 */
static void ntshim_MmAllocateContiguousMemory_low_ceiling_test(struct kunit *test)
{
	u64 ceiling = SZ_16M - 1;
	char *p = MmAllocateContiguousMemory(2 * PAGE_SIZE, phys(ceiling));

	if (p) {
		expect_contiguous_below(test, p, 2 * PAGE_SIZE, ceiling);
		MmFreeContiguousMemory(p);
	}
}

static void ntshim_MmAllocateContiguousMemorySpecifyCache_limits_test(struct kunit *test)
{
	char *p;

	/* three pages cannot avoid crossing a two-page boundary */
	p = MmAllocateContiguousMemorySpecifyCache(3 * PAGE_SIZE, phys(0),
						   phys(~0ULL),
						   phys(2 * PAGE_SIZE), MmCached);
	KUNIT_EXPECT_NULL(test, p);

	/* a boundary it fits in: the block does not cross it */
	p = MmAllocateContiguousMemorySpecifyCache(PAGE_SIZE, phys(0),
						   phys(~0ULL),
						   phys(4 * PAGE_SIZE), MmCached);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, virt_to_phys(p) / (4 * PAGE_SIZE),
			(virt_to_phys(p) + PAGE_SIZE - 1) / (4 * PAGE_SIZE));
	MmFreeContiguousMemorySpecifyCache(p, PAGE_SIZE, MmCached);
}

static void ntshim_MmAllocateContiguousMemorySpecifyCache_noncached_test(struct kunit *test)
{
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MM_BAD_ARG);
	char *p = MmAllocateContiguousMemorySpecifyCache(2 * PAGE_SIZE,
							  phys(0),
							  phys(0xffffffffULL),
							  phys(0), MmNonCached);

	KUNIT_ASSERT_NOT_NULL(test, p);
	expect_contiguous_below(test, p, 2 * PAGE_SIZE, 0xffffffffULL);
#ifdef CONFIG_X86
	{
		unsigned int level;
		pte_t *pte = lookup_address((unsigned long)p, &level);

		KUNIT_ASSERT_NOT_NULL(test, pte);
		/* UC- in the direct map: the cache-disable bit is set */
		KUNIT_EXPECT_TRUE(test, pte_flags(*pte) & _PAGE_PCD);
	}
#endif
	p[0] = 1;
	p[2 * PAGE_SIZE - 1] = 2;
	KUNIT_EXPECT_EQ(test, p[0] + p[2 * PAGE_SIZE - 1], 3);
	MmFreeContiguousMemorySpecifyCache(p, 2 * PAGE_SIZE, MmNonCached);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 0);
}

static void ntshim_MmAllocateContiguousMemory_zero_test(struct kunit *test)
{
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MM_BAD_ARG);

	KUNIT_EXPECT_NULL(test, MmAllocateContiguousMemory(0, phys(~0ULL)));
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
}

static void ntshim_MmFreeContiguousMemory_foreign_test(struct kunit *test)
{
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MM_BAD_ARG);
	char *buf = kunit_kzalloc(test, 64, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	MmFreeContiguousMemory(buf);	/* reported, left alone */
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
	buf[63] = 1;			/* still ours (KASAN would tell) */
}

/* Non-cached memory --------------------------------------------------- */

static void ntshim_MmAllocateNonCachedMemory_test(struct kunit *test)
{
	ULONG before = ntshim_mm_outstanding(THIS_MODULE);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MM_BAD_ARG);
	size_t bytes = 3 * PAGE_SIZE - 10;
	char *p = MmAllocateNonCachedMemory(bytes);
	size_t off;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, PAGE_ALIGNED(p));
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before + 1);
	for (off = 0; off < bytes; off += PAGE_SIZE) {
		struct page *page = vmalloc_to_page(p + off);

		KUNIT_EXPECT_EQ(test, p[off], 0);	/* zeroed */
		KUNIT_EXPECT_EQ(test,
				(u64)MmGetPhysicalAddress(p + off + 5).QuadPart,
				(u64)page_to_phys(page) + 5);
#ifdef CONFIG_X86
		{
			unsigned int level;
			pte_t *pte = lookup_address((unsigned long)page_address(page),
						    &level);

			/* no cached alias left in the direct map */
			KUNIT_ASSERT_NOT_NULL(test, pte);
			KUNIT_EXPECT_TRUE(test, pte_flags(*pte) & _PAGE_PCD);
		}
#endif
	}
	memset(p, 0xa5, bytes);
	KUNIT_EXPECT_EQ(test, (u8)p[bytes - 1], 0xa5);
	MmFreeNonCachedMemory(p, bytes);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 0);
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before);
}

static void ntshim_MmFreeNonCachedMemory_wrong_size_test(struct kunit *test)
{
	ULONG before = ntshim_mm_outstanding(THIS_MODULE);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MM_BAD_ARG);
	char *p = MmAllocateNonCachedMemory(100);

	KUNIT_ASSERT_NOT_NULL(test, p);
	MmFreeNonCachedMemory(p, 200);	/* reported, freed anyway */
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before);
}

/* I/O space ----------------------------------------------------------- */

/* The BIOS area at 0xf0000 is reserved, not RAM, on a PC. */
static void ntshim_MmMapIoSpace_test(struct kunit *test)
{
	ULONG before = ntshim_mm_outstanding(THIS_MODULE);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MM_BAD_ARG);
	PVOID io = MmMapIoSpace(phys(0xf0000), 256, MmNonCached);

	KUNIT_ASSERT_NOT_NULL(test, io);
	KUNIT_EXPECT_TRUE(test, MmIsAddressValid(io));
	(void)readb((void __iomem *)io);
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before + 1);
	MmUnmapIoSpace(io, 256);
	KUNIT_EXPECT_EQ(test, ntshim_mm_outstanding(THIS_MODULE), before);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 0);
}

/* RAM maps cached (onto the direct map); an uncached alias is refused. */
static void ntshim_MmMapIoSpace_ram_test(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MM_BAD_ARG);
	PVOID p;

	KUNIT_ASSERT_NOT_NULL(test, page);
	p = MmMapIoSpace(phys(page_to_phys(page)), PAGE_SIZE, MmCached);
	KUNIT_EXPECT_PTR_EQ(test, p, page_address(page));
	if (p)
		MmUnmapIoSpace(p, PAGE_SIZE);
	KUNIT_EXPECT_NULL(test, MmMapIoSpace(phys(page_to_phys(page)),
					     PAGE_SIZE, MmNonCached));
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
	__free_page(page);
}

static void ntshim_MmUnmapIoSpace_foreign_test(struct kunit *test)
{
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_MM_BAD_ARG);
	char buf[8];

	MmUnmapIoSpace(buf, sizeof(buf));
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
}

/* Macros -------------------------------------------------------------- */

static void ntshim_page_macros_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, BYTES_TO_PAGES(0), 0);
	KUNIT_EXPECT_EQ(test, BYTES_TO_PAGES(1), 1);
	KUNIT_EXPECT_EQ(test, BYTES_TO_PAGES(PAGE_SIZE), 1);
	KUNIT_EXPECT_EQ(test, BYTES_TO_PAGES(PAGE_SIZE + 1), 2);
	/* 0x1ff0..0x200f touches pages 1 and 2 */
	KUNIT_EXPECT_EQ(test, ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x1ff0, 0x20), 2);
	KUNIT_EXPECT_EQ(test, ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x1000, PAGE_SIZE), 1);
	KUNIT_EXPECT_EQ(test, ADDRESS_AND_SIZE_TO_SPAN_PAGES(0x1001, PAGE_SIZE), 2);
	/* Windows' PAGE_ALIGN rounds down */
	KUNIT_EXPECT_PTR_EQ(test, PAGE_ALIGN(0x1234), (PVOID)0x1000);
	KUNIT_EXPECT_EQ(test, BYTE_OFFSET(0x1234), 0x234);
	KUNIT_EXPECT_EQ(test, ROUND_TO_PAGES(1), PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, ROUND_TO_PAGES(PAGE_SIZE), PAGE_SIZE);
}

/* The DDK's section pragmas compile (and are ignored) with GCC. */
#pragma PAGEDCODE
#pragma alloc_text(PAGE, paged_function)
static PAGEDCODE int paged_function(int x)
{
	return x + 1;
}

#pragma LOCKEDCODE
static LOCKEDCODE int locked_function(int x)
{
	return x * 2;
}

#pragma PAGEDDATA
static PAGEDDATA int paged_data = 3;
#pragma LOCKEDDATA
static LOCKEDDATA int locked_data = 4;
#pragma code_seg()

static void ntshim_code_section_macros_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, paged_function(paged_data), 4);
	KUNIT_EXPECT_EQ(test, locked_function(locked_data), 8);
}

/* Probing ------------------------------------------------------------- */

static void ntshim_ProbeForRead_test(struct kunit *test)
{
	unsigned long u = test_user_map(test, PAGE_SIZE, PROT_READ | PROT_WRITE);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_PROBE_BAD_ARG);

	KUNIT_EXPECT_EQ(test, ntshim_ProbeForRead((PVOID)u, 64, 4),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ntshim_ProbeForRead((PVOID)(u + 1), 8, 4),
			STATUS_DATATYPE_MISALIGNMENT);
	/* zero length: no check at all, as on Windows */
	KUNIT_EXPECT_EQ(test, ntshim_ProbeForRead((PVOID)(u + 1), 0, 4),
			STATUS_SUCCESS);
	/* the user's mistake, not the driver's: not a violation */
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 0);
}

static void ntshim_ProbeForRead_bad_test(struct kunit *test)
{
	char *kbuf = kunit_kmalloc(test, 16, GFP_KERNEL);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_PROBE_BAD_ARG);
	struct ntshim_violation_mark unhandled;

	KUNIT_ASSERT_NOT_NULL(test, kbuf);
	KUNIT_EXPECT_EQ(test, ntshim_ProbeForRead(NULL, 8, 1),
			STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, ntshim_ProbeForRead(kbuf, 8, 1),
			STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, ntshim_ProbeForRead((PVOID)0x10000, ~0UL, 1),
			STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, ntshim_ProbeForRead((PVOID)0x10000, 8, 3),
			STATUS_INVALID_PARAMETER);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 4);
	/* the void form raises; with no __try that is reported instead */
	unhandled = ntshim_mark(NTSHIM_V_SEH_UNHANDLED);
	ProbeForRead(kbuf, 8, 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 4);
	NTSHIM_EXPECT_VIOLATIONS(test, &unhandled, 1);
}

static void ntshim_ProbeForWrite_test(struct kunit *test)
{
	unsigned long u = test_user_map(test, 2 * PAGE_SIZE,
					PROT_READ | PROT_WRITE);
	char in[4] = "abc", out[4];

	KUNIT_ASSERT_EQ(test, copy_to_user((void __user *)u, in, 4), 0);
	KUNIT_EXPECT_EQ(test, ntshim_ProbeForWrite((PVOID)u, 2 * PAGE_SIZE, 8),
			STATUS_SUCCESS);
	/* probing does not change the data */
	KUNIT_ASSERT_EQ(test, copy_from_user(out, (void __user *)u, 4), 0);
	KUNIT_EXPECT_STREQ(test, out, "abc");
}

static void ntshim_ProbeForWrite_readonly_test(struct kunit *test)
{
	unsigned long ro = test_user_map(test, PAGE_SIZE, PROT_READ);
	unsigned long none = test_user_map(test, PAGE_SIZE, PROT_NONE);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_PROBE_BAD_ARG);
	struct ntshim_violation_mark unhandled;

	KUNIT_EXPECT_EQ(test, ntshim_ProbeForWrite((PVOID)ro, 16, 4),
			STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, ntshim_ProbeForWrite((PVOID)none, 16, 4),
			STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, ntshim_ProbeForRead((PVOID)ro, 16, 4),
			STATUS_SUCCESS);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 0);
	unhandled = ntshim_mark(NTSHIM_V_SEH_UNHANDLED);
	ProbeForWrite((PVOID)ro, 16, 4);	/* raises, unhandled here */
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &unhandled, 1);
}

static void ntshim_CopyFromUser_test(struct kunit *test)
{
	unsigned long u = test_user_map(test, PAGE_SIZE, PROT_READ | PROT_WRITE);
	unsigned long none = test_user_map(test, PAGE_SIZE, PROT_NONE);
	char buf[8] = "1234567";
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_PROBE_BAD_ARG);

	KUNIT_EXPECT_EQ(test, ntshim_CopyToUser((void __user *)u, buf, 8),
			STATUS_SUCCESS);
	memset(buf, 0, sizeof(buf));
	KUNIT_EXPECT_EQ(test, ntshim_CopyFromUser(buf, (void __user *)u, 8),
			STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, buf, "1234567");

	/* a fault is a status, and the destination is zeroed */
	KUNIT_EXPECT_EQ(test, ntshim_CopyFromUser(buf, (void __user *)none, 8),
			STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, buf[0], 0);
	KUNIT_EXPECT_EQ(test, ntshim_CopyToUser((void __user *)none, buf, 8),
			STATUS_ACCESS_VIOLATION);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 0);
}

static void ntshim_CopyFromUser_kernel_pointer_test(struct kunit *test)
{
	char *kbuf = kunit_kzalloc(test, 8, GFP_KERNEL);
	char buf[8] = "xxxxxxx";
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_PROBE_BAD_ARG);

	KUNIT_ASSERT_NOT_NULL(test, kbuf);
	KUNIT_EXPECT_EQ(test,
			ntshim_CopyFromUser(buf, (__force void __user *)kbuf, 8),
			STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, buf[0], 0);
	KUNIT_EXPECT_EQ(test,
			ntshim_CopyToUser((__force void __user *)kbuf, "evil", 5),
			STATUS_ACCESS_VIOLATION);
	KUNIT_EXPECT_EQ(test, kbuf[0], 0);	/* untouched */
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 2);
}

static struct kunit_case ntshim_mm_cases[] = {
	KUNIT_CASE(ntshim_MmGetPhysicalAddress_direct_test),
	KUNIT_CASE(ntshim_MmGetPhysicalAddress_vmalloc_test),
	KUNIT_CASE(ntshim_MmGetPhysicalAddress_unmapped_test),
	KUNIT_CASE(ntshim_MmIsAddressValid_kernel_test),
	KUNIT_CASE(ntshim_MmIsAddressValid_user_test),
	KUNIT_CASE(ntshim_MmAllocateContiguousMemory_test),
	KUNIT_CASE(ntshim_MmAllocateContiguousMemory_low_ceiling_test),
	KUNIT_CASE(ntshim_MmAllocateContiguousMemorySpecifyCache_limits_test),
	KUNIT_CASE(ntshim_MmAllocateContiguousMemorySpecifyCache_noncached_test),
	KUNIT_CASE(ntshim_MmAllocateContiguousMemory_zero_test),
	KUNIT_CASE(ntshim_MmFreeContiguousMemory_foreign_test),
	KUNIT_CASE(ntshim_MmAllocateNonCachedMemory_test),
	KUNIT_CASE(ntshim_MmFreeNonCachedMemory_wrong_size_test),
	KUNIT_CASE(ntshim_MmMapIoSpace_test),
	KUNIT_CASE(ntshim_MmMapIoSpace_ram_test),
	KUNIT_CASE(ntshim_MmUnmapIoSpace_foreign_test),
	KUNIT_CASE(ntshim_page_macros_test),
	KUNIT_CASE(ntshim_code_section_macros_test),
	KUNIT_CASE(ntshim_ProbeForRead_test),
	KUNIT_CASE(ntshim_ProbeForRead_bad_test),
	KUNIT_CASE(ntshim_ProbeForWrite_test),
	KUNIT_CASE(ntshim_ProbeForWrite_readonly_test),
	KUNIT_CASE(ntshim_CopyFromUser_test),
	KUNIT_CASE(ntshim_CopyFromUser_kernel_pointer_test),
	{}
};

static struct kunit_suite ntshim_mm_suite = {
	.name = "ntshim_mm",
	.test_cases = ntshim_mm_cases,
};

kunit_test_suite(ntshim_mm_suite);
