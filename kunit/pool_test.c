// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's executive pool (suite ntshim_pool).
 *
 * Each case uses tags of its own, so the pooltags rows it checks start
 * from what the case itself did (rows are compared before and after).
 */
#include <kunit/test.h>
#include <linux/completion.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"
#include <ntshim/verifier.h>

static struct ntshim_pool_tag_stats pool_row(ULONG tag, POOL_TYPE type)
{
	struct ntshim_pool_tag_stats s;

	ntshim_pool_query_tag(tag, type, &s);
	return s;
}

static bool all_zero(const void *p, size_t len)
{
	return !memchr_inv(p, 0, len);
}

/*
 * ExAllocatePoolWithTag(NonPagedPool, 100, 'AlPT') then ExFreePool:
 *   row "TPlA Nonp": Allocs +1, Bytes +100, then Frees +1, Bytes back.
 */
static void ExAllocatePoolWithTag_test(struct kunit *test)
{
	struct ntshim_pool_tag_stats before, mid, after;
	u8 *p;

	before = pool_row('AlPT', NonPagedPool);
	p = ExAllocatePoolWithTag(NonPagedPool, 100, 'AlPT');
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xa5, 100);	/* KASAN: all 100 bytes are ours */
	mid = pool_row('AlPT', NonPagedPool);
	KUNIT_EXPECT_EQ(test, mid.allocs, before.allocs + 1);
	KUNIT_EXPECT_EQ(test, mid.diff, before.diff + 1);
	KUNIT_EXPECT_EQ(test, mid.bytes, before.bytes + 100);

	ExFreePool(p);
	after = pool_row('AlPT', NonPagedPool);
	KUNIT_EXPECT_EQ(test, after.frees, before.frees + 1);
	KUNIT_EXPECT_EQ(test, after.diff, before.diff);
	KUNIT_EXPECT_EQ(test, after.bytes, before.bytes);
}

/*
 * 5 x 'StA1' non-paged (32 bytes), 3 x 'StA1' paged (64 bytes),
 * 4 x 'StB1' non-paged (1 page): each (tag, type) row counts its own.
 */
static void pool_stats_tags_and_types_test(struct kunit *test)
{
	struct ntshim_pool_tag_stats a0 = pool_row('1AtS', NonPagedPool);
	struct ntshim_pool_tag_stats ap0 = pool_row('1AtS', PagedPool);
	struct ntshim_pool_tag_stats b0 = pool_row('1BtS', NonPagedPool);
	struct ntshim_pool_tag_stats a, ap, b;
	void *na[5], *pa[3], *nb[4];
	int i;

	for (i = 0; i < 5; i++)
		na[i] = ExAllocatePoolWithTag(NonPagedPool, 32, '1AtS');
	for (i = 0; i < 3; i++)
		pa[i] = ExAllocatePoolWithTag(PagedPool, 64, '1AtS');
	for (i = 0; i < 4; i++)
		nb[i] = ExAllocatePoolWithTag(NonPagedPoolNx, PAGE_SIZE,
					      '1BtS');
	for (i = 0; i < 5; i++)
		KUNIT_ASSERT_NOT_NULL(test, na[i]);
	for (i = 0; i < 3; i++)
		KUNIT_ASSERT_NOT_NULL(test, pa[i]);
	for (i = 0; i < 4; i++)
		KUNIT_ASSERT_NOT_NULL(test, nb[i]);

	a = pool_row('1AtS', NonPagedPool);
	ap = pool_row('1AtS', PagedPoolCacheAligned);	/* any paged type */
	b = pool_row('1BtS', NonPagedPool);
	KUNIT_EXPECT_EQ(test, a.allocs - a0.allocs, 5);
	KUNIT_EXPECT_EQ(test, a.bytes - a0.bytes, 5 * 32);
	KUNIT_EXPECT_EQ(test, ap.allocs - ap0.allocs, 3);
	KUNIT_EXPECT_EQ(test, ap.bytes - ap0.bytes, 3 * 64);
	KUNIT_EXPECT_EQ(test, b.diff - b0.diff, 4);
	KUNIT_EXPECT_EQ(test, b.bytes - b0.bytes, 4 * (s64)PAGE_SIZE);

	/* free two of the non-paged 'StA1' and all the rest */
	ExFreePoolWithTag(na[0], '1AtS');
	ExFreePoolWithTag(na[1], '1AtS');
	a = pool_row('1AtS', NonPagedPool);
	KUNIT_EXPECT_EQ(test, a.frees - a0.frees, 2);
	KUNIT_EXPECT_EQ(test, a.diff - a0.diff, 3);
	KUNIT_EXPECT_EQ(test, a.bytes - a0.bytes, 3 * 32);
	for (i = 2; i < 5; i++)
		ExFreePool(na[i]);
	for (i = 0; i < 3; i++)
		ExFreePool(pa[i]);
	for (i = 0; i < 4; i++)
		ExFreePool(nb[i]);

	a = pool_row('1AtS', NonPagedPool);
	ap = pool_row('1AtS', PagedPool);
	b = pool_row('1BtS', NonPagedPool);
	KUNIT_EXPECT_EQ(test, a.diff, a0.diff);
	KUNIT_EXPECT_EQ(test, ap.diff, ap0.diff);
	KUNIT_EXPECT_EQ(test, b.bytes, b0.bytes);
	KUNIT_EXPECT_EQ(test, b.frees - b0.frees, 4);
}

/* The protected bit is not part of a tag's row. */
static void ntshim_pool_query_tag_test(struct kunit *test)
{
	struct ntshim_pool_tag_stats s0 = pool_row('1QtS', NonPagedPool);
	struct ntshim_pool_tag_stats s;
	void *p;

	KUNIT_EXPECT_FALSE(test, ntshim_pool_query_tag('?on?', PagedPool, &s));
	KUNIT_EXPECT_EQ(test, s.allocs, 0);

	p = ExAllocatePoolWithTag(NonPagedPool, 8, '1QtS' | PROTECTED_POOL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, ntshim_pool_query_tag('1QtS', NonPagedPool, &s));
	KUNIT_EXPECT_EQ(test, s.allocs, s0.allocs + 1);
	ExFreePoolWithTag(p, '1QtS' | PROTECTED_POOL);
	s = pool_row('1QtS', NonPagedPool);
	KUNIT_EXPECT_EQ(test, s.diff, s0.diff);
}

static const size_t pool_test_sizes[] = {
	1, 8, 15, 16, 17, 63, 64, 65, 100, 255, 256, 1000, 2047, 2048,
	4000, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 1, 2 * PAGE_SIZE,
	3 * PAGE_SIZE - 5, 5 * PAGE_SIZE, 33 * PAGE_SIZE + 7,
};

static void pool_check_alignment(struct kunit *test, POOL_TYPE type,
				 unsigned long align)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(pool_test_sizes); i++) {
		size_t size = pool_test_sizes[i];
		unsigned long want = size >= PAGE_SIZE ? PAGE_SIZE : align;
		u8 *p = ExAllocatePoolWithTag(type, size, '1lAT');

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE_MSG(test, IS_ALIGNED((unsigned long)p, want),
				      "type %d size %zu at %p, want %lu",
				      type, size, p, want);
		memset(p, 0x5a, size);	/* first to last byte are usable */
		ExFreePool(p);
	}
}

/* 16 bytes at least; blocks of a page or more are page aligned. */
static void pool_alignment_test(struct kunit *test)
{
	pool_check_alignment(test, NonPagedPool, 16);
	pool_check_alignment(test, NonPagedPoolNx, 16);
	pool_check_alignment(test, PagedPool, 16);
}

/* CacheAligned types: aligned to the cache line. */
static void pool_cache_aligned_test(struct kunit *test)
{
	u8 *p;

	pool_check_alignment(test, NonPagedPoolCacheAligned, SMP_CACHE_BYTES);
	pool_check_alignment(test, PagedPoolCacheAligned, SMP_CACHE_BYTES);
	pool_check_alignment(test, NonPagedPoolNxCacheAligned,
			     SMP_CACHE_BYTES);

	p = ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_CACHE_ALIGNED, 40,
			    '1lAT');
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, SMP_CACHE_BYTES));
	ExFreePool(p);
}

/* ExAllocatePool2 zero-fills, small and large, unless told not to. */
static void ExAllocatePool2_zeroed_test(struct kunit *test)
{
	static const size_t sizes[] = { 1, 200, 3000, 3 * PAGE_SIZE + 1 };
	int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		u8 *p;

		/* dirty a block first, so recycled memory is not zero */
		p = ExAllocatePoolUninitialized(NonPagedPool, sizes[i], '2PxE');
		KUNIT_ASSERT_NOT_NULL(test, p);
		memset(p, 0xff, sizes[i]);
		ExFreePool(p);

		p = ExAllocatePool2(POOL_FLAG_NON_PAGED, sizes[i], '2PxE');
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, all_zero(p, sizes[i]));
		ExFreePool(p);

		p = ExAllocatePool2(POOL_FLAG_PAGED, sizes[i], '2PxE');
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, all_zero(p, sizes[i]));
		ExFreePool(p);
	}
}

/* POOL_FLAG_UNINITIALIZED: a usable block, contents unspecified. */
static void ExAllocatePool2_uninitialized_test(struct kunit *test)
{
	u8 *p = ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_UNINITIALIZED,
				64, '2PxE');

	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 1, 64);
	ExFreePool(p);
}

/* Tag 0 and invalid flags: reported, NULL. */
static void ExAllocatePool2_bad_args_test(struct kunit *test)
{
	struct ntshim_violation_mark tag0 = ntshim_mark(NTSHIM_V_POOL_ZERO_TAG);
	struct ntshim_violation_mark flags0 = ntshim_mark(NTSHIM_V_POOL_BAD_FLAGS);
	void *p;

	KUNIT_EXPECT_NULL(test, ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 0));
	NTSHIM_EXPECT_VIOLATIONS(test, &tag0, 1);

	/* no pool kind, two kinds, a reserved required bit */
	KUNIT_EXPECT_NULL(test, ExAllocatePool2(0, 16, 'BPxE'));
	KUNIT_EXPECT_NULL(test, ExAllocatePool2(POOL_FLAG_PAGED |
						POOL_FLAG_NON_PAGED, 16,
						'BPxE'));
	KUNIT_EXPECT_NULL(test, ExAllocatePool2(POOL_FLAG_NON_PAGED |
						POOL_FLAG_RESERVED1, 16,
						'BPxE'));
	NTSHIM_EXPECT_VIOLATIONS(test, &flags0, 3);

	/* optional bits it does not know are ignored */
	p = ExAllocatePool2(POOL_FLAG_NON_PAGED | POOL_FLAG_SPECIAL_POOL |
			    0x4000000000000000ULL, 16, 'BPxE');
	KUNIT_ASSERT_NOT_NULL(test, p);
	ExFreePool(p);
	NTSHIM_EXPECT_VIOLATIONS(test, &flags0, 3);
}

/* ExAllocatePool3: priority and node parameters, secure pool refused. */
static void ExAllocatePool3_test(struct kunit *test)
{
	POOL_EXTENDED_PARAMETER params[2] = {};
	struct ntshim_violation_mark flags0 = ntshim_mark(NTSHIM_V_POOL_BAD_FLAGS);
	u8 *p;

	params[0].Type = PoolExtendedParameterPriority;
	params[0].Priority = LowPoolPriority;
	params[1].Type = PoolExtendedParameterNumaNode;
	params[1].PreferredNode = MM_ANY_NODE_OK;
	p = ExAllocatePool3(POOL_FLAG_NON_PAGED, 48, '3PxE', params, 2);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, all_zero(p, 48));
	ExFreePool(p);

	params[0].Type = PoolExtendedParameterSecurePool;
	KUNIT_EXPECT_NULL(test, ExAllocatePool3(POOL_FLAG_NON_PAGED, 48,
						'3PxE', params, 1));
	NTSHIM_EXPECT_VIOLATIONS(test, &flags0, 1);

	params[0].Optional = 1;
	p = ExAllocatePool3(POOL_FLAG_NON_PAGED, 48, '3PxE', params, 1);
	KUNIT_ASSERT_NOT_NULL(test, p);
	ExFreePool(p);
}

/* ExAllocatePoolZero zero-fills; POOL_ZERO_ALLOCATION does too. */
static void ExAllocatePoolZero_test(struct kunit *test)
{
	u8 *p = ExAllocatePoolZero(PagedPool, 333, 'ZPxE');

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, all_zero(p, 333));
	ExFreePool(p);

	p = ExAllocatePoolWithTag(NonPagedPool | POOL_ZERO_ALLOCATION, 77,
				  'ZPxE');
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, all_zero(p, 77));
	ExFreePool(p);
}

/* ExAllocatePool charges the "None" row. */
static void ExAllocatePool_test(struct kunit *test)
{
	struct ntshim_pool_tag_stats s0 = pool_row('enoN', NonPagedPool);
	struct ntshim_pool_tag_stats s;
	void *p = ExAllocatePool(NonPagedPool, 24);

	KUNIT_ASSERT_NOT_NULL(test, p);
	s = pool_row(NTSHIM_TAG('N', 'o', 'n', 'e'), NonPagedPool);
	KUNIT_EXPECT_EQ(test, s.allocs, s0.allocs + 1);
	ExFreePoolWithTag(p, 'enoN');
}

/* The quota, priority and uninitialized variants allocate as usual. */
static void ExAllocatePool_variants_test(struct kunit *test)
{
	struct ntshim_pool_tag_stats s0 = pool_row('VPxE', PagedPool);
	void *q = ExAllocatePoolWithQuotaTag(PagedPool, 10, 'VPxE');
	void *lo = ExAllocatePoolWithTagPriority(PagedPool, 20, 'VPxE',
						 LowPoolPriority);
	void *hi = ExAllocatePoolWithTagPriority(PagedPool, 30, 'VPxE',
						 HighPoolPrioritySpecialPoolOverrun);
	void *un = ExAllocatePoolUninitialized(PagedPool, 40, 'VPxE');
	struct ntshim_pool_tag_stats s = pool_row('VPxE', PagedPool);

	KUNIT_EXPECT_NOT_NULL(test, q);
	KUNIT_EXPECT_NOT_NULL(test, lo);
	KUNIT_EXPECT_NOT_NULL(test, hi);
	KUNIT_EXPECT_NOT_NULL(test, un);
	KUNIT_EXPECT_EQ(test, s.allocs - s0.allocs, 4);
	KUNIT_EXPECT_EQ(test, s.bytes - s0.bytes, 100);
	if (q)
		ExFreePool(q);
	if (lo)
		ExFreePool(lo);
	if (hi)
		ExFreePool(hi);
	if (un)
		ExFreePool(un);
}

/* ExQueryPoolBlockSize: at least what was asked for; 0 for a stranger. */
static void ExQueryPoolBlockSize_test(struct kunit *test)
{
	static const size_t sizes[] = { 1, 100, PAGE_SIZE, 3 * PAGE_SIZE + 3 };
	struct ntshim_violation_mark bad0 = ntshim_mark(NTSHIM_V_POOL_BAD_FREE);
	BOOLEAN quota = TRUE;
	int i;
	u8 *p;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		p = ExAllocatePoolWithTag(NonPagedPool, sizes[i], 'SQxE');
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_GE(test, ExQueryPoolBlockSize(p, &quota),
				sizes[i]);
		KUNIT_EXPECT_FALSE(test, quota);
		ExFreePool(p);
	}
	p = kmalloc(128, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ExQueryPoolBlockSize(p + 32, NULL), 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad0, 1);
	kfree(p);
	/* NULL is no block, not a free slot of the big-block table */
	KUNIT_EXPECT_EQ(test, ExQueryPoolBlockSize(NULL, NULL), 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad0, 2);
}

/*
 * ExFreePoolWithTag with another tag: BAD_POOL_CALLER 0x0A reported, the
 * block still freed.  The protected bit alone is no mismatch.
 */
static void ExFreePoolWithTag_mismatch_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_TAG_MISMATCH);
	struct ntshim_pool_tag_stats s0 = pool_row('MTxE', NonPagedPool);
	struct ntshim_pool_tag_stats s;
	void *p = ExAllocatePoolWithTag(NonPagedPool, 50, 'MTxE');

	KUNIT_ASSERT_NOT_NULL(test, p);
	ExFreePoolWithTag(p, 'gnrW');
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 1);
	s = pool_row('MTxE', NonPagedPool);
	KUNIT_EXPECT_EQ(test, s.frees, s0.frees + 1);
	KUNIT_EXPECT_EQ(test, s.diff, s0.diff);

	p = ExAllocatePoolWithTag(NonPagedPool, 50, 'MTxE');
	KUNIT_ASSERT_NOT_NULL(test, p);
	ExFreePoolWithTag(p, 'MTxE' | PROTECTED_POOL);
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 1);
}

/*
 * Freeing twice: the second free is reported and changes nothing (KASAN
 * stays silent: the freed header is only read without instrumentation).
 */
static void ExFreePool_double_free_test(struct kunit *test)
{
	static const size_t sizes[] = { 24, 500, PAGE_SIZE, 4 * PAGE_SIZE };
	int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_DOUBLE_FREE);
		struct ntshim_pool_tag_stats s0, s;
		void *p = ExAllocatePoolWithTag(NonPagedPool, sizes[i], 'FDxE');

		KUNIT_ASSERT_NOT_NULL(test, p);
		ExFreePool(p);
		s0 = pool_row('FDxE', NonPagedPool);
		ExFreePool(p);
		KUNIT_EXPECT_EQ_MSG(test, ntshim_violations_since(&v0), 1,
				    "size %zu", sizes[i]);
		s = pool_row('FDxE', NonPagedPool);
		KUNIT_EXPECT_EQ(test, s.frees, s0.frees);
		KUNIT_EXPECT_EQ(test, s.bytes, s0.bytes);
	}
}

static int pool_test_static_word;

/* Pointers that never came from the pool are reported and left alone. */
static void ExFreePool_bad_pointer_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_BAD_FREE);
	u8 *buf = kmalloc(256, GFP_KERNEL);
	u8 *p;
	int on_stack[8];

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0x11, 256);
	ExFreePool(buf);		/* kmalloc memory */
	ExFreePool(buf + 64);		/* inside it, 16-aligned */
	ExFreePool(buf + 3);		/* misaligned */
	ExFreePool(&pool_test_static_word);
	ExFreePool(on_stack);
	ExFreePool((void *)0x10000);	/* a user address */
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 6);
	/* the buffer was not touched */
	KUNIT_EXPECT_FALSE(test, memchr_inv(buf, 0x11, 256));
	kfree(buf);

	/* inside a live pool block: reported, block still fine */
	p = ExAllocatePoolWithTag(NonPagedPool, 200, 'PBxE');
	KUNIT_ASSERT_NOT_NULL(test, p);
	ExFreePool(p + 96);
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 7);
	KUNIT_EXPECT_EQ(test, ExQueryPoolBlockSize(p, NULL), 200);
	ExFreePool(p);
}

/* ExFreePool(NULL) is reported and does nothing. */
static void ExFreePool_null_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_FREE_NULL);

	ExFreePool(NULL);
	ExFreePoolWithTag(NULL, 'LNxE');
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 2);
}

/* A zero-byte request is reported and gives an empty block to free. */
static void pool_zero_size_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_ZERO_SIZE);
	struct ntshim_pool_tag_stats s0 = pool_row('0ZxE', NonPagedPool);
	struct ntshim_pool_tag_stats s;
	void *p = ExAllocatePoolWithTag(NonPagedPool, 0, '0ZxE');

	KUNIT_ASSERT_NOT_NULL(test, p);
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 1);
	KUNIT_EXPECT_EQ(test, ExQueryPoolBlockSize(p, NULL), 0);
	s = pool_row('0ZxE', NonPagedPool);
	KUNIT_EXPECT_EQ(test, s.allocs, s0.allocs + 1);
	ExFreePool(p);
	s = pool_row('0ZxE', NonPagedPool);
	KUNIT_EXPECT_EQ(test, s.diff, s0.diff);
}

/* Sizes whose header arithmetic would overflow: reported, NULL. */
static void pool_size_overflow_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_SIZE_OVERFLOW);
	struct ntshim_pool_tag_stats s0 = pool_row('OSxE', NonPagedPool);
	struct ntshim_pool_tag_stats s;

	KUNIT_EXPECT_NULL(test, ExAllocatePoolWithTag(NonPagedPool, SIZE_MAX,
						      'OSxE'));
	KUNIT_EXPECT_NULL(test, ExAllocatePool2(POOL_FLAG_PAGED, SIZE_MAX - 15,
						'OSxE'));
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 2);
	/* merely too big: out of memory, NULL, no report */
	KUNIT_EXPECT_NULL(test, ExAllocatePoolWithTag(PagedPool, 1ULL << 44,
						      'OSxE'));
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 2);
	s = pool_row('OSxE', NonPagedPool);
	KUNIT_EXPECT_EQ(test, s.allocs, s0.allocs);
}

/* Pool types Windows does not define: reported, NULL. */
static void pool_bad_type_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_BAD_TYPE);

	KUNIT_EXPECT_NULL(test, ExAllocatePoolWithTag(DontUseThisType, 8,
						      'TBxE'));
	KUNIT_EXPECT_NULL(test, ExAllocatePoolWithTag(MaxPoolType, 8, 'TBxE'));
	KUNIT_EXPECT_NULL(test, ExAllocatePoolWithTag((POOL_TYPE)0x10000, 8,
						      'TBxE'));
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 3);
}

/*
 * At DISPATCH_LEVEL (preemption off): NonPagedPool works without sleeping
 * (DEBUG_ATOMIC_SLEEP would object), PagedPool is BAD_POOL_CALLER 0x08.
 */
static void pool_dispatch_level_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_BAD_IRQL);
	void *np, *np_large, *pp;

	preempt_disable();
	np = ExAllocatePoolWithTag(NonPagedPool, 64, 'LIxE');
	np_large = ExAllocatePoolWithTag(NonPagedPool, 2 * PAGE_SIZE, 'LIxE');
	pp = ExAllocatePoolWithTag(PagedPool, 64, 'LIxE');
	if (np)
		ExFreePool(np);		/* free at DISPATCH_LEVEL is fine */
	if (np_large)
		ExFreePool(np_large);
	preempt_enable();

	KUNIT_EXPECT_NOT_NULL(test, np);
	KUNIT_EXPECT_NOT_NULL(test, np_large);
	KUNIT_EXPECT_NULL(test, pp);
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 1);
}

/*
 * Above DISPATCH_LEVEL (interrupts off) every allocation is refused, and a
 * free is reported (0x09) but still done, safely.
 */
static void pool_high_level_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_BAD_IRQL);
	struct ntshim_pool_tag_stats s0, s;
	unsigned long flags;
	void *small, *large, *np;

	small = ExAllocatePoolWithTag(NonPagedPool, 64, 'HIxE');
	large = ExAllocatePoolWithTag(PagedPool, 8 * PAGE_SIZE, 'HIxE');
	KUNIT_ASSERT_NOT_NULL(test, small);
	KUNIT_ASSERT_NOT_NULL(test, large);
	s0 = pool_row('HIxE', NonPagedPool);

	local_irq_save(flags);
	np = ExAllocatePoolWithTag(NonPagedPool, 64, 'HIxE');
	ExFreePool(small);
	ExFreePool(large);
	local_irq_restore(flags);

	KUNIT_EXPECT_NULL(test, np);
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 3);
	s = pool_row('HIxE', NonPagedPool);
	KUNIT_EXPECT_EQ(test, s.frees, s0.frees + 1);
	KUNIT_EXPECT_EQ(test, s.allocs, s0.allocs);
	s = pool_row('HIxE', PagedPool);
	KUNIT_EXPECT_EQ(test, s.diff, 0);
}

/* fail_pool makes exactly the armed number of allocations fail. */
static void pool_fault_injection_test(struct kunit *test)
{
	struct ntshim_pool_tag_stats s0 = pool_row('IFxE', NonPagedPool);
	struct ntshim_pool_tag_stats s;
	void *other, *p;

	if (!ntshim_pool_fault_arm('IFxE', 1))
		kunit_skip(test, "kernel without CONFIG_FAULT_INJECTION");

	/* another tag is not affected by the filter */
	other = ExAllocatePoolWithTag(NonPagedPool, 32, 'OFxE');
	KUNIT_EXPECT_NOT_NULL(test, other);
	KUNIT_EXPECT_NULL(test, ExAllocatePoolWithTag(NonPagedPool, 32,
						      'IFxE'));
	p = ExAllocatePoolWithTag(NonPagedPool, 32, 'IFxE');
	KUNIT_EXPECT_NOT_NULL(test, p);
	ntshim_pool_fault_arm(0, 0);

	s = pool_row('IFxE', NonPagedPool);
	KUNIT_EXPECT_EQ(test, s.allocs, s0.allocs + (p ? 1 : 0));
	if (p)
		ExFreePool(p);
	if (other)
		ExFreePool(other);
}

/* charge/uncharge: memory from elsewhere shows under its tag. */
static void ntshim_pool_charge_test(struct kunit *test)
{
	struct ntshim_pool_tag_stats s0 = pool_row('GCxE', PagedPool);
	struct ntshim_pool_tag_stats s;

	ntshim_pool_charge('GCxE', PagedPool, 4096);
	s = pool_row('GCxE', PagedPool);
	KUNIT_EXPECT_EQ(test, s.allocs, s0.allocs + 1);
	KUNIT_EXPECT_EQ(test, s.bytes, s0.bytes + 4096);
	ntshim_pool_uncharge('GCxE', PagedPool, 4096);
	s = pool_row('GCxE', PagedPool);
	KUNIT_EXPECT_EQ(test, s.frees, s0.frees + 1);
	KUNIT_EXPECT_EQ(test, s.bytes, s0.bytes);
}

/*
 * A module unloading with a block outstanding: one pool_leak report per
 * (tag, type, call site) naming the call site, the block kept and still
 * freeable afterwards.  The caller comes from the statistics row, so the
 * report is the same with per-block tracking off.
 */
static void ntshim_pool_report_leaks_test(struct kunit *test)
{
	static struct module fake = { .name = "fake_driver" };
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_LEAK);
	unsigned long site = _THIS_IP_, caller = 0;
	struct ntshim_pool_tag_stats s;
	ULONG tag = 0;
	void *p, *q;

	p = ntshim_pool_alloc(NonPagedPool, 40, 'KLxE', NormalPoolPriority,
			      &fake, site);
	q = ntshim_pool_alloc(NonPagedPool, 40, 'KLxE', NormalPoolPriority,
			      &fake, site + 1);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, q);
	ExFreePool(q);

	KUNIT_EXPECT_EQ(test, ntshim_pool_report_leaks(&fake), 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 1);
	KUNIT_EXPECT_TRUE(test, ntshim_violation_last(NTSHIM_V_POOL_LEAK,
						      &tag, &caller));
	KUNIT_EXPECT_EQ(test, tag, 'KLxE');
	KUNIT_EXPECT_EQ(test, caller, site);
	/* reported once: the rows are retired */
	KUNIT_EXPECT_EQ(test, ntshim_pool_report_leaks(&fake), 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 1);

	ExFreePool(p);
	s = pool_row('KLxE', NonPagedPool);
	KUNIT_EXPECT_EQ(test, s.diff, 0);
	KUNIT_EXPECT_EQ(test, s.bytes, 0);
}

/*
 * Two call sites in one function get two statistics rows, so a leak
 * report names each: two pool_leak reports for two leaked blocks of one
 * tag.  (With _THIS_IP_ in the inline wrappers GCC merged them into one.)
 */
static void ntshim_pool_call_site_rows_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_LEAK);
	unsigned long caller = 0;
	ULONG tag = 0;
	void *p, *q;

	p = ExAllocatePoolWithTag(NonPagedPool, 24, 'SCxE');
	q = ExAllocatePoolWithTag(NonPagedPool, 24, 'SCxE');
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, q);
	/* both "leaked": the report covers this module's outstanding rows */
	KUNIT_EXPECT_EQ(test, ntshim_pool_report_leaks(THIS_MODULE), 2);
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 2);
	KUNIT_EXPECT_TRUE(test, ntshim_violation_last(NTSHIM_V_POOL_LEAK,
						      &tag, &caller));
	KUNIT_EXPECT_TRUE(test, within_module(caller, THIS_MODULE));
	ExFreePool(q);
	ExFreePool(p);
	KUNIT_EXPECT_EQ(test, pool_row('SCxE', NonPagedPool).diff, 0);
}

/*
 * Freeing pool that still holds live kernel objects (Driver Verifier's
 * 0xC7 / 0xC4): a set timer, a queued DPC and a live lookaside list are
 * each reported and stopped before the block goes, so nothing fires in
 * freed memory; the lookaside list's backing store is deleted.
 */
struct live_objects {
	KTIMER timer;
	KDPC timer_dpc;
	KDPC dpc;
	NPAGED_LOOKASIDE_LIST lookaside;
	atomic_t runs;
};

static VOID live_dpc_routine(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
	struct live_objects *o = Context;

	atomic_inc(&o->runs);
}

static void ntshim_pool_free_live_objects_test(struct kunit *test)
{
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_FREE_LIVE_OBJECT);
	LARGE_INTEGER due = { .QuadPart = -10LL * 1000 * 1000 * 10 };	/* 10 s */
	struct live_objects *o;
	atomic_t *runs;
	KIRQL old;

	runs = kunit_kzalloc(test, sizeof(*runs), GFP_KERNEL);
	o = ExAllocatePoolWithTag(NonPagedPool, sizeof(*o), 'OLxE');
	KUNIT_ASSERT_NOT_NULL(test, runs);
	KUNIT_ASSERT_NOT_NULL(test, o);
	KeInitializeDpc(&o->timer_dpc, live_dpc_routine, o);
	KeInitializeDpc(&o->dpc, live_dpc_routine, o);
	KeInitializeTimer(&o->timer);
	ExInitializeNPagedLookasideList(&o->lookaside, NULL, NULL, 0, 64,
					'OLxE', 0);
	KeSetTimer(&o->timer, due, &o->timer_dpc);

	/* the DPC stays queued while this CPU is at DISPATCH_LEVEL */
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	KUNIT_EXPECT_TRUE(test, KeInsertQueueDpc(&o->dpc, NULL, NULL));
	ExFreePool(o);
	KeLowerIrql(old);
	KeFlushQueuedDpcs();

	NTSHIM_EXPECT_VIOLATIONS(test, &v0, 3);
	KUNIT_EXPECT_EQ(test, pool_row('OLxE', NonPagedPool).diff, 0);
	KUNIT_EXPECT_EQ(test, KeGetCurrentIrql(), PASSIVE_LEVEL);
}

/*
 * A big block freed, its address handed to kmalloc() and used there, then
 * ExFreePool() on it: a bad free of foreign memory, not a double free.
 */
static void ntshim_pool_free_reused_large_test(struct kunit *test)
{
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_POOL_BAD_FREE);
	struct ntshim_violation_mark dbl = ntshim_mark(NTSHIM_V_POOL_DOUBLE_FREE);
	void *p, *q = NULL;
	int i;

	for (i = 0; i < 8 && !q; i++) {
		p = ExAllocatePoolWithTag(NonPagedPool, SZ_64K, 'RLxE');
		KUNIT_ASSERT_NOT_NULL(test, p);
		ExFreePool(p);
		q = kmalloc(SZ_64K, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, q);
		if (q != p) {
			kfree(q);
			q = NULL;
		}
	}
	if (!q)
		kunit_skip(test, "kmalloc() did not reuse the address");
	memset(q, 0, SZ_64K);	/* its new owner uses it */
	ExFreePool(q);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &dbl, 0);
	kfree(q);

	/* a true double free of a big block stays a double free */
	p = ExAllocatePoolWithTag(NonPagedPool, SZ_64K, 'RLxE');
	KUNIT_ASSERT_NOT_NULL(test, p);
	ExFreePool(p);
	ExFreePool(p);
	NTSHIM_EXPECT_VIOLATIONS(test, &dbl, 1);
}

/*
 * A driver loaded and unloaded again and again reuses the rows it retired:
 * after more cycles than the statistics table has slots nothing has spilt
 * into the overflow row "Ovfl", and the tag's Allocs stay cumulative.
 */
#define POOL_RELOAD_CYCLES 3000

static void pool_row_reuse_test(struct kunit *test)
{
	static struct module fake = { .name = "fake_reload" };
	const ULONG ovfl = NTSHIM_TAG('O', 'v', 'f', 'l');
	struct ntshim_pool_tag_stats o0 = pool_row(ovfl, NonPagedPool);
	struct ntshim_pool_tag_stats s0 = pool_row('URxE', NonPagedPool);
	unsigned long site = _THIS_IP_;
	struct ntshim_pool_tag_stats o, s;
	int i;

	for (i = 0; i < POOL_RELOAD_CYCLES; i++) {
		/* the same call site each time, as a reloaded driver has */
		void *p = ntshim_pool_alloc(NonPagedPool, 8, 'URxE',
					    NormalPoolPriority, &fake, site);

		KUNIT_ASSERT_NOT_NULL(test, p);
		ExFreePool(p);
		KUNIT_ASSERT_EQ(test, ntshim_pool_report_leaks(&fake), 0);
	}
	o = pool_row(ovfl, NonPagedPool);
	s = pool_row('URxE', NonPagedPool);
	KUNIT_EXPECT_EQ(test, o.allocs, o0.allocs);
	KUNIT_EXPECT_EQ(test, s.allocs, s0.allocs + POOL_RELOAD_CYCLES);
	KUNIT_EXPECT_EQ(test, s.diff, 0);
}

/*
 * Two CPUs free the same block at the same moment, over and over: exactly
 * one free of each pair wins, the other is a pool_double_free, and KASAN
 * stays silent (make check fails on any report).  Rounds alternate small
 * (inline header) and large (big-pool table) blocks.
 */
#define POOL_RACE_ROUNDS 500

struct pool_race {
	atomic_t arrived;
	void *block;
	int alloc_failures;
	bool stuck;
	struct completion done[2];
};

struct pool_racer {
	struct pool_race *race;
	int idx;
};

/*
 * Both racers reach @target arrivals before either goes on (what each
 * wrote before is seen by the other after); false after about 5 s, so a
 * racer that never started cannot hang the test.
 */
static bool pool_race_barrier(atomic_t *arrived, int target)
{
	unsigned long end = jiffies + 5 * HZ;

	/* what this racer wrote (the block) before the other sees the count */
	smp_mb__before_atomic();
	atomic_inc(arrived);
	while (atomic_read_acquire(arrived) < target) {
		if (time_after(jiffies, end))
			return false;
		cpu_relax();
	}
	return true;
}

static int pool_racer_fn(void *data)
{
	struct pool_racer *me = data;
	struct pool_race *race = me->race;
	int r;

	for (r = 0; r < POOL_RACE_ROUNDS; r++) {
		if (me->idx == 0) {
			size_t size = (r & 1) ? PAGE_SIZE : 48;

			race->block = ExAllocatePoolWithTag(NonPagedPool, size,
							    'RDxE');
			if (!race->block)
				race->alloc_failures++;
		}
		if (!pool_race_barrier(&race->arrived, 4 * r + 2)) {
			race->stuck = true;
			break;
		}
		if (race->block)
			ExFreePool(race->block);
		if (!pool_race_barrier(&race->arrived, 4 * r + 4)) {
			race->stuck = true;
			break;
		}
	}
	complete(&race->done[me->idx]);
	return 0;
}

static void pool_concurrent_double_free_test(struct kunit *test)
{
	struct ntshim_pool_tag_stats s0 = pool_row('RDxE', NonPagedPool);
	struct ntshim_violation_mark v0 = ntshim_mark(NTSHIM_V_POOL_DOUBLE_FREE);
	struct pool_racer racers[2];
	struct ntshim_pool_tag_stats s;
	struct pool_race *race;
	u64 rounds;

	if (num_online_cpus() < 2)
		kunit_skip(test, "needs two CPUs");
	race = kunit_kzalloc(test, sizeof(*race), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, race);
	init_completion(&race->done[0]);
	init_completion(&race->done[1]);
	racers[0] = (struct pool_racer){ .race = race, .idx = 0 };
	racers[1] = (struct pool_racer){ .race = race, .idx = 1 };
	KUNIT_ASSERT_EQ(test, ntshim_test_start_pair(pool_racer_fn, &racers[0],
						     &racers[1], race->done,
						     "ntshim_race/%u"), 0);

	KUNIT_ASSERT_FALSE(test, race->stuck);
	KUNIT_ASSERT_EQ(test, race->alloc_failures, 0);
	rounds = POOL_RACE_ROUNDS;
	s = pool_row('RDxE', NonPagedPool);
	KUNIT_EXPECT_EQ(test, s.allocs - s0.allocs, rounds);
	KUNIT_EXPECT_EQ(test, s.frees - s0.frees, rounds);
	KUNIT_EXPECT_EQ(test, s.bytes, s0.bytes);
	NTSHIM_EXPECT_VIOLATIONS(test, &v0, rounds);
}

/* Concurrency: one kthread per online CPU hammering one tag. */
#define POOL_STRESS_ITERS 500
#define POOL_STRESS_HELD 8

struct pool_stress {
	struct completion done;
	int failures;
};

static int pool_stress_fn(void *data)
{
	struct pool_stress *st = data;
	void *held[POOL_STRESS_HELD] = {};
	int i;

	for (i = 0; i < POOL_STRESS_ITERS; i++) {
		int slot = i % POOL_STRESS_HELD;
		POOL_TYPE type = (i & 1) ? PagedPool : NonPagedPool;

		if (held[slot])
			ExFreePoolWithTag(held[slot], 'CCxE');
		/* small blocks and every 16th a large one; bytes balance */
		held[slot] = ExAllocatePoolWithTag(type,
						   (i % 16 == 15 ? PAGE_SIZE : 16) +
						   (i & 127), 'CCxE');
		if (!held[slot])
			st->failures++;
		if (!(i & 63))
			cond_resched();
	}
	for (i = 0; i < POOL_STRESS_HELD; i++)
		if (held[i])
			ExFreePoolWithTag(held[i], 'CCxE');
	complete(&st->done);
	while (!kthread_should_stop())
		schedule_timeout_interruptible(1);
	return 0;
}

static void pool_concurrent_test(struct kunit *test)
{
	struct ntshim_pool_tag_stats n0 = pool_row('CCxE', NonPagedPool);
	struct ntshim_pool_tag_stats p0 = pool_row('CCxE', PagedPool);
	struct ntshim_pool_tag_stats n, p;
	struct task_struct **tasks;
	struct pool_stress *st;
	int cpu, nr = 0, i, failures = 0;

	tasks = kunit_kcalloc(test, nr_cpu_ids, sizeof(*tasks), GFP_KERNEL);
	st = kunit_kcalloc(test, nr_cpu_ids, sizeof(*st), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, tasks);
	KUNIT_ASSERT_NOT_NULL(test, st);

	cpus_read_lock();
	for_each_online_cpu(cpu) {
		struct task_struct *t;

		init_completion(&st[nr].done);
		t = kthread_create(pool_stress_fn, &st[nr], "ntshim_pool/%d",
				   cpu);
		if (IS_ERR(t))
			continue;
		kthread_bind(t, cpu);
		get_task_struct(t);
		tasks[nr++] = t;
		wake_up_process(t);
	}
	cpus_read_unlock();
	KUNIT_ASSERT_GT(test, nr, 0);

	for (i = 0; i < nr; i++) {
		wait_for_completion(&st[i].done);
		kthread_stop(tasks[i]);
		put_task_struct(tasks[i]);
		failures += st[i].failures;
	}
	KUNIT_EXPECT_EQ(test, failures, 0);

	n = pool_row('CCxE', NonPagedPool);
	p = pool_row('CCxE', PagedPool);
	KUNIT_EXPECT_EQ(test, (n.allocs - n0.allocs) + (p.allocs - p0.allocs),
			(u64)nr * POOL_STRESS_ITERS - failures);
	KUNIT_EXPECT_EQ(test, n.allocs - n0.allocs, n.frees - n0.frees);
	KUNIT_EXPECT_EQ(test, p.allocs - p0.allocs, p.frees - p0.frees);
	KUNIT_EXPECT_EQ(test, n.bytes, n0.bytes);
	KUNIT_EXPECT_EQ(test, p.bytes, p0.bytes);
}

static struct kunit_case ntshim_pool_cases[] = {
	KUNIT_CASE(ExAllocatePoolWithTag_test),
	KUNIT_CASE(pool_stats_tags_and_types_test),
	KUNIT_CASE(ntshim_pool_query_tag_test),
	KUNIT_CASE(pool_alignment_test),
	KUNIT_CASE(pool_cache_aligned_test),
	KUNIT_CASE(ExAllocatePool2_zeroed_test),
	KUNIT_CASE(ExAllocatePool2_uninitialized_test),
	KUNIT_CASE(ExAllocatePool2_bad_args_test),
	KUNIT_CASE(ExAllocatePool3_test),
	KUNIT_CASE(ExAllocatePoolZero_test),
	KUNIT_CASE(ExAllocatePool_test),
	KUNIT_CASE(ExAllocatePool_variants_test),
	KUNIT_CASE(ExQueryPoolBlockSize_test),
	KUNIT_CASE(ExFreePoolWithTag_mismatch_test),
	KUNIT_CASE(ExFreePool_double_free_test),
	KUNIT_CASE(ExFreePool_bad_pointer_test),
	KUNIT_CASE(ExFreePool_null_test),
	KUNIT_CASE(pool_zero_size_test),
	KUNIT_CASE(pool_size_overflow_test),
	KUNIT_CASE(pool_bad_type_test),
	KUNIT_CASE(pool_dispatch_level_test),
	KUNIT_CASE(pool_high_level_test),
	KUNIT_CASE(pool_fault_injection_test),
	KUNIT_CASE(ntshim_pool_charge_test),
	KUNIT_CASE(ntshim_pool_report_leaks_test),
	KUNIT_CASE(ntshim_pool_call_site_rows_test),
	KUNIT_CASE(ntshim_pool_free_live_objects_test),
	KUNIT_CASE(ntshim_pool_free_reused_large_test),
	KUNIT_CASE(pool_row_reuse_test),
	KUNIT_CASE(pool_concurrent_test),
	KUNIT_CASE_SLOW(pool_concurrent_double_free_test),
	{}
};

static struct kunit_suite ntshim_pool_suite = {
	.name = "ntshim_pool",
	.test_cases = ntshim_pool_cases,
};

/*
 * The same cases in each tier: ntshim_pool runs as ntshim.ko was loaded
 * (a debug build tracks every block), ntshim_pool_fast in the default
 * tier as a release build runs it (no tracking: the fast path), and
 * ntshim_pool_verify with Driver Verifier's pool_verify on.
 */
struct pool_tier {
	bool track;
};

static int pool_tier_enter(struct kunit *test, bool verify)
{
	struct pool_tier *saved = kunit_kzalloc(test, sizeof(*saved),
						GFP_KERNEL);

	if (!saved)
		return -ENOMEM;
	saved->track = ntshim_pool_track_set(false);
	test->priv = saved;
	return ntshim_verifier_set("pool_verify", verify ? "1" : "0");
}

static int pool_fast_init(struct kunit *test)
{
	return pool_tier_enter(test, false);
}

static int pool_verify_init(struct kunit *test)
{
	return pool_tier_enter(test, true);
}

static void pool_tier_exit(struct kunit *test)
{
	struct pool_tier *saved = test->priv;

	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("pool_verify", "0"), 0);
	if (saved)
		ntshim_pool_track_set(saved->track);
}

static struct kunit_suite ntshim_pool_fast_suite = {
	.name = "ntshim_pool_fast",
	.init = pool_fast_init,
	.exit = pool_tier_exit,
	.test_cases = ntshim_pool_cases,
};

static struct kunit_suite ntshim_pool_verify_suite = {
	.name = "ntshim_pool_verify",
	.init = pool_verify_init,
	.exit = pool_tier_exit,
	.test_cases = ntshim_pool_cases,
};

kunit_test_suites(&ntshim_pool_suite, &ntshim_pool_fast_suite,
		  &ntshim_pool_verify_suite);
