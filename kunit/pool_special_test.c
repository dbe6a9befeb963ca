// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for Driver Verifier's special pool (suite
 * ntshim_pool_special): the block's place in its page, the guard pages
 * and freed pages proved unmapped with copy_from_kernel_nofault() (as
 * KFENCE's tests prove a fault without taking one), the fill checked at
 * free, double and bad frees, and the statistics.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/completion.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

#define SP_TAG NTSHIM_TAG('S', 'p', 'T', '1')
#define SP_ROW 7
#define SP_FILL 0xc1	/* pool_special.c's SPECIAL_FILL */

static void *sp_alloc(SIZE_T size, bool zero, bool underrun)
{
	return ntshim_pool_special_alloc(size, zero, underrun, SP_ROW, SP_TAG,
					 _THIS_IP_);
}

static int sp_free(void *p)
{
	SIZE_T size;
	u16 row;

	return ntshim_pool_special_free(p, &size, &row, _THIS_IP_);
}

/* Can the byte at @addr be read?  False: reading it would fault. */
static bool sp_mapped(unsigned long addr)
{
	u8 c;

	return !copy_from_kernel_nofault(&c, (void *)addr, 1);
}

/* One counter of special_pool_stats, or -1. */
static long sp_stat(const char *name)
{
	char buf[256], key[32], *line = buf, *tok;
	long v;

	ntshim_pool_special_stats_print(buf, sizeof(buf));
	while ((tok = strsep(&line, "\n")))
		if (sscanf(tok, "%31s %ld", key, &v) == 2 && !strcmp(key, name))
			return v;
	return -1;
}

/*
 * Verify end: 16-byte aligned, ending less than 16 bytes before the page
 * end, the page after it and the one before unmapped; freed, it is
 * unmapped too, still a special-pool address (quarantined), with no size.
 */
static void ntshim_pool_special_end_mode_test(struct kunit *test)
{
	static const SIZE_T sizes[] = {
		1, 15, 16, 30, 100, 2048, PAGE_SIZE - 16, PAGE_SIZE - 1,
	};
	struct ntshim_violation_mark m =
		ntshim_mark(NTSHIM_V_POOL_SPECIAL_CORRUPTION);
	unsigned long page, end;
	SIZE_T size, got;
	unsigned int i;
	u16 row;
	u8 *p;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size = sizes[i];
		p = sp_alloc(size, false, false);
		KUNIT_ASSERT_NOT_NULL_MSG(test, p, "size %zu", size);
		page = (unsigned long)p & PAGE_MASK;
		end = page + PAGE_SIZE;
		KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, 16));
		KUNIT_EXPECT_LE(test, (unsigned long)p + size, end);
		KUNIT_EXPECT_LT(test, end - ((unsigned long)p + size), 16UL);
		memset(p, 0xa5, size);
		KUNIT_EXPECT_FALSE_MSG(test, sp_mapped(end), "size %zu", size);
		KUNIT_EXPECT_FALSE_MSG(test, sp_mapped(page - 1), "size %zu",
				       size);
		KUNIT_EXPECT_TRUE(test, ntshim_pool_special_is(p));
		KUNIT_EXPECT_EQ(test, ntshim_pool_special_size(p), size);

		KUNIT_EXPECT_EQ(test, ntshim_pool_special_free(p, &got, &row,
							       _THIS_IP_), 1);
		KUNIT_EXPECT_EQ(test, got, size);
		KUNIT_EXPECT_EQ(test, row, SP_ROW);
		KUNIT_EXPECT_FALSE(test, sp_mapped((unsigned long)p));
		KUNIT_EXPECT_FALSE(test, sp_mapped(page));
		KUNIT_EXPECT_TRUE(test, ntshim_pool_special_is(p));
		KUNIT_EXPECT_EQ(test, ntshim_pool_special_size(p), 0);
	}
	NTSHIM_EXPECT_VIOLATIONS(test, &m, 0);
}

/* Verify start: the block at the page start, the page before unmapped. */
static void ntshim_pool_special_start_mode_test(struct kunit *test)
{
	static const SIZE_T sizes[] = { 1, 30, PAGE_SIZE - 1 };
	struct ntshim_violation_mark m =
		ntshim_mark(NTSHIM_V_POOL_SPECIAL_CORRUPTION);
	unsigned int i;
	u8 *p;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		p = sp_alloc(sizes[i], false, true);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, PAGE_ALIGNED(p));
		memset(p, 0x5a, sizes[i]);
		KUNIT_EXPECT_FALSE(test, sp_mapped((unsigned long)p - 1));
		KUNIT_EXPECT_TRUE(test, sp_mapped((unsigned long)p + PAGE_SIZE - 1));
		KUNIT_EXPECT_FALSE(test, sp_mapped((unsigned long)p + PAGE_SIZE));
		KUNIT_EXPECT_EQ(test, ntshim_pool_special_size(p), sizes[i]);
		KUNIT_EXPECT_EQ(test, sp_free(p), 1);
		KUNIT_EXPECT_FALSE(test, sp_mapped((unsigned long)p));
	}
	NTSHIM_EXPECT_VIOLATIONS(test, &m, 0);
}

/* Free @p after the caller scribbled on its fill: exactly one report. */
static void sp_expect_corrupt(struct kunit *test, u8 *p)
{
	struct ntshim_violation_mark m =
		ntshim_mark(NTSHIM_V_POOL_SPECIAL_CORRUPTION);
	long corruptions = sp_stat("corruptions");
	unsigned long caller;
	ULONG tag;

	KUNIT_EXPECT_EQ(test, sp_free(p), 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &m, 1);
	KUNIT_EXPECT_EQ(test, sp_stat("corruptions"), corruptions + 1);
	KUNIT_EXPECT_TRUE(test, ntshim_violation_last(NTSHIM_V_POOL_SPECIAL_CORRUPTION,
						      &tag, &caller));
	KUNIT_EXPECT_EQ(test, tag, SP_TAG);
	KUNIT_EXPECT_FALSE(test, sp_mapped((unsigned long)p));
}

/*
 * Writes that stay within the page are found at free: one byte past the
 * end of a 30-byte block (2 bytes of slack), one in front of it, ten past
 * the end of a block at the page start.
 */
static void ntshim_pool_special_fill_test(struct kunit *test)
{
	u8 *p;

	p = sp_alloc(30, false, false);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ((unsigned long)p + 32) & ~PAGE_MASK, 0UL);
	p[30] = 0;
	sp_expect_corrupt(test, p);

	p = sp_alloc(30, false, false);
	KUNIT_ASSERT_NOT_NULL(test, p);
	p[-1] = 0;
	sp_expect_corrupt(test, p);

	p = sp_alloc(30, false, true);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p + 30, 0, 10);
	sp_expect_corrupt(test, p);
}

/* A double free and a pointer inside a block: reported, left alone. */
static void ntshim_pool_special_bad_free_test(struct kunit *test)
{
	struct ntshim_violation_mark dbl = ntshim_mark(NTSHIM_V_POOL_DOUBLE_FREE);
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_POOL_BAD_FREE);
	long frees = sp_stat("frees");
	u8 *p;

	p = sp_alloc(64, false, false);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, sp_free(p + 16), -1);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad, 1);
	KUNIT_EXPECT_EQ(test, ntshim_pool_special_size(p), 64);
	KUNIT_EXPECT_TRUE(test, sp_mapped((unsigned long)p));

	KUNIT_EXPECT_EQ(test, sp_free(p), 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &dbl, 0);
	KUNIT_EXPECT_EQ(test, sp_free(p), -1);
	NTSHIM_EXPECT_VIOLATIONS(test, &dbl, 1);
	KUNIT_EXPECT_EQ(test, sp_stat("frees"), frees + 1);
}

struct sp_race {
	u8 *p;
	atomic_t arrived;
	int result[2];
	struct completion done[2];
};

struct sp_racer {
	struct sp_race *race;
	int idx;
};

static int sp_racer_fn(void *arg)
{
	struct sp_racer *me = arg;
	struct sp_race *race = me->race;
	int spins = 0;

	/* both at the line, bounded: a missing partner only costs the race */
	atomic_inc(&race->arrived);
	while (atomic_read(&race->arrived) < 2 && ++spins < 10000000)
		cpu_relax();
	race->result[me->idx] = sp_free(race->p);
	complete(&race->done[me->idx]);
	return 0;
}

/* Two CPUs free one block at once: one frees it, the other is reported. */
static void ntshim_pool_special_racing_free_test(struct kunit *test)
{
	struct ntshim_violation_mark dbl = ntshim_mark(NTSHIM_V_POOL_DOUBLE_FREE);
	struct sp_racer racers[2];
	struct sp_race *race;

	race = kunit_kzalloc(test, sizeof(*race), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, race);
	race->p = sp_alloc(100, false, false);
	KUNIT_ASSERT_NOT_NULL(test, race->p);
	init_completion(&race->done[0]);
	init_completion(&race->done[1]);
	racers[0] = (struct sp_racer){ .race = race, .idx = 0 };
	racers[1] = (struct sp_racer){ .race = race, .idx = 1 };
	KUNIT_ASSERT_EQ(test, ntshim_test_start_pair(sp_racer_fn, &racers[0],
						     &racers[1], race->done,
						     "ntshim_sp_race/%u"), 0);
	KUNIT_EXPECT_EQ(test, race->result[0] + race->result[1], 0);
	KUNIT_EXPECT_NE(test, race->result[0], race->result[1]);
	NTSHIM_EXPECT_VIOLATIONS(test, &dbl, 1);
}

/*
 * Sizes: 0 is 16 bytes of fill at the page end; a page or more is not
 * served.  @zero zeroes the block, else it holds the fill.  Addresses that
 * are not special pool's: free returns 0 and leaves them alone.
 */
static void ntshim_pool_special_size_rules_test(struct kunit *test)
{
	struct ntshim_violation_mark m =
		ntshim_mark(NTSHIM_V_POOL_SPECIAL_CORRUPTION);
	long fallbacks = sp_stat("fallbacks");
	void *k, *v;
	u8 *p;

	p = sp_alloc(0, false, false);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ((unsigned long)p + 16) & ~PAGE_MASK, 0UL);
	KUNIT_EXPECT_TRUE(test, ntshim_pool_special_is(p));
	KUNIT_EXPECT_EQ(test, ntshim_pool_special_size(p), 0);
	KUNIT_EXPECT_EQ(test, sp_free(p), 1);

	KUNIT_EXPECT_NULL(test, sp_alloc(PAGE_SIZE, false, false));
	KUNIT_EXPECT_NULL(test, sp_alloc(PAGE_SIZE + 1, false, true));
	KUNIT_EXPECT_EQ(test, sp_stat("fallbacks"), fallbacks + 2);

	p = sp_alloc(100, true, false);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_NULL(test, memchr_inv(p, 0, 100));
	KUNIT_EXPECT_EQ(test, sp_free(p), 1);
	p = sp_alloc(100, false, false);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_NULL(test, memchr_inv(p, SP_FILL, 100));
	KUNIT_EXPECT_EQ(test, sp_free(p), 1);
	NTSHIM_EXPECT_VIOLATIONS(test, &m, 0);

	k = kmalloc(64, GFP_KERNEL);
	v = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, k);
	KUNIT_ASSERT_NOT_NULL(test, v);
	KUNIT_EXPECT_FALSE(test, ntshim_pool_special_is(NULL));
	KUNIT_EXPECT_FALSE(test, ntshim_pool_special_is(k));
	KUNIT_EXPECT_FALSE(test, ntshim_pool_special_is(v));
	KUNIT_EXPECT_EQ(test, sp_free(k), 0);
	KUNIT_EXPECT_EQ(test, sp_free(v), 0);
	KUNIT_EXPECT_EQ(test, ntshim_pool_special_size(v), 0);
	kfree(k);
	vfree(v);
}

/*
 * At DISPATCH_LEVEL nothing is served (vmap() sleeps), but a free works:
 * the block is unmapped on this CPU at once, the rest comes later.
 */
static void ntshim_pool_special_dispatch_test(struct kunit *test)
{
	long fallbacks = sp_stat("fallbacks");
	KIRQL old;
	u8 *p, *q;

	p = sp_alloc(48, false, false);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	q = sp_alloc(48, false, false);
	KUNIT_EXPECT_EQ(test, sp_free(p), 1);
	KUNIT_EXPECT_FALSE(test, sp_mapped((unsigned long)p));
	KeLowerIrql(old);
	KUNIT_EXPECT_NULL(test, q);
	KUNIT_EXPECT_EQ(test, sp_stat("fallbacks"), fallbacks + 1);
}

/* special_pool_stats counts allocations, frees and the quarantine. */
static void ntshim_pool_special_stats_test(struct kunit *test)
{
	long allocs = sp_stat("allocs"), frees = sp_stat("frees");
	long live = sp_stat("live"), quarantined = sp_stat("quarantined");
	long max = sp_stat("quarantine_max");
	u8 *p, *q;

	KUNIT_EXPECT_GT(test, max, 0L);
	p = sp_alloc(10, false, false);
	q = sp_alloc(20, false, true);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, q);
	KUNIT_EXPECT_EQ(test, sp_stat("allocs"), allocs + 2);
	KUNIT_EXPECT_EQ(test, sp_stat("live"), live + 2);
	KUNIT_EXPECT_EQ(test, sp_free(p), 1);
	KUNIT_EXPECT_EQ(test, sp_stat("frees"), frees + 1);
	KUNIT_EXPECT_EQ(test, sp_stat("live"), live + 1);
	KUNIT_EXPECT_EQ(test, sp_stat("quarantined"), min(quarantined + 1, max));
	KUNIT_EXPECT_EQ(test, sp_free(q), 1);
	KUNIT_EXPECT_EQ(test, sp_stat("live"), live);
}

/*
 * The quarantine keeps quarantine_max freed blocks: one more free
 * releases the oldest, which is no special-pool address any more.
 */
static void ntshim_pool_special_quarantine_test(struct kunit *test)
{
	long i, max = sp_stat("quarantine_max");
	u8 *first, *p;

	first = sp_alloc(8, false, false);
	KUNIT_ASSERT_NOT_NULL(test, first);
	KUNIT_ASSERT_EQ(test, sp_free(first), 1);
	for (i = 0; i < max; i++) {
		KUNIT_EXPECT_TRUE(test, ntshim_pool_special_is(first));
		p = sp_alloc(8, false, i & 1);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_ASSERT_EQ(test, sp_free(p), 1);
	}
	KUNIT_EXPECT_FALSE(test, ntshim_pool_special_is(first));
	KUNIT_EXPECT_TRUE(test, ntshim_pool_special_is(p));
	KUNIT_EXPECT_EQ(test, sp_stat("quarantined"), max);
}

#define SP_LINE 192

/* What the oops notifier prints for @addr; "" for nothing. */
static const char *sp_describe(unsigned long addr, char *line)
{
	if (!ntshim_pool_special_describe(addr, line, SP_LINE))
		line[0] = '\0';
	return line;
}

/* What the oops notifier prints for an address. */
static void ntshim_pool_special_describe_test(struct kunit *test)
{
	unsigned long a;
	char line[SP_LINE];
	void *k;
	u8 *p;

	p = sp_alloc(30, false, false);
	KUNIT_ASSERT_NOT_NULL(test, p);
	a = (unsigned long)p;
	/* the block ends 2 bytes before the page end */
	KUNIT_EXPECT_NOT_NULL(test, strstr(sp_describe(a + 40, line),
					   "access 10 byte(s) beyond the end of a 30-byte"));
	KUNIT_EXPECT_NOT_NULL(test, strstr(line, "'SpT1' block allocated at "));
	KUNIT_EXPECT_NOT_NULL(test, strstr(sp_describe(a - PAGE_SIZE, line),
					   "before the start of a 30-byte 'SpT1' block"));
	KUNIT_EXPECT_STREQ(test, sp_describe(a, line), "");
	KUNIT_EXPECT_EQ(test, sp_free(p), 1);
	KUNIT_EXPECT_NOT_NULL(test, strstr(sp_describe(a + 4, line),
					   "access at +4 of a freed 30-byte 'SpT1' block"));

	k = kmalloc(8, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, k);
	KUNIT_EXPECT_STREQ(test, sp_describe((unsigned long)k, line), "");
	kfree(k);
}

static struct kunit_case ntshim_pool_special_cases[] = {
	KUNIT_CASE(ntshim_pool_special_end_mode_test),
	KUNIT_CASE(ntshim_pool_special_start_mode_test),
	KUNIT_CASE(ntshim_pool_special_fill_test),
	KUNIT_CASE(ntshim_pool_special_bad_free_test),
	KUNIT_CASE(ntshim_pool_special_racing_free_test),
	KUNIT_CASE(ntshim_pool_special_size_rules_test),
	KUNIT_CASE(ntshim_pool_special_dispatch_test),
	KUNIT_CASE(ntshim_pool_special_stats_test),
	KUNIT_CASE(ntshim_pool_special_quarantine_test),
	KUNIT_CASE(ntshim_pool_special_describe_test),
	{}
};

static struct kunit_suite ntshim_pool_special_suite = {
	.name = "ntshim_pool_special",
	.test_cases = ntshim_pool_special_cases,
};

kunit_test_suite(ntshim_pool_special_suite);
