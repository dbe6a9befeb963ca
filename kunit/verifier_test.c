// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for Driver Verifier's pool options (suite ntshim_verifier):
 * what each option selects, the strict parsing of its file, and blocks
 * crossing a switch of the tier.
 */
#include <kunit/test.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"
#include <ntshim/verifier.h>

#define TAG_TST1 0x31747354	/* "Tst1" */
#define TAG_TST2 0x32747354	/* "Tst2" */
#define TAG_ABCD 0x64636241	/* "Abcd" */
#define TAG_AB 0x20206241	/* "Ab  ": a two-letter tag, space padded */

static void verifier_reset(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("pool_verify", "0"), 0);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("special_pool", "0"), 0);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("special_pool_underrun", "0"),
			0);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("special_pool_tags", ""), 0);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("modules", ""), 0);
}

static int verifier_test_init(struct kunit *test)
{
	verifier_reset(test);
	return 0;
}

static void verifier_off_test(struct kunit *test)
{
	KUNIT_EXPECT_FALSE(test, ntshim_verifier_pool_on());
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_TST1, THIS_MODULE), 0U);
}

static void verifier_pool_verify_test(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("pool_verify", "1"), 0);
	KUNIT_EXPECT_TRUE(test, ntshim_verifier_pool_on());
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_TST1, THIS_MODULE),
			(unsigned int)NTSHIM_VERIFY_POOL);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_TST1, NULL),
			(unsigned int)NTSHIM_VERIFY_POOL);
	verifier_reset(test);
	KUNIT_EXPECT_FALSE(test, ntshim_verifier_pool_on());
}

static void verifier_special_tags_test(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool", "1"), 0);
	/* no tag list: every tag */
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_ABCD, THIS_MODULE),
			(unsigned int)NTSHIM_VERIFY_SPECIAL);
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool_tags",
						  "Tst1, A?cd"), 0);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_TST1, THIS_MODULE),
			(unsigned int)NTSHIM_VERIFY_SPECIAL);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_TST1 | PROTECTED_POOL,
						   THIS_MODULE),
			(unsigned int)NTSHIM_VERIFY_SPECIAL);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_ABCD, THIS_MODULE),
			(unsigned int)NTSHIM_VERIFY_SPECIAL);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_TST2, THIS_MODULE), 0U);

	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool_tags", "Ts*"),
			0);
	KUNIT_EXPECT_NE(test, ntshim_verifier_pool(TAG_TST2, THIS_MODULE), 0U);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_ABCD, THIS_MODULE), 0U);

	/* a short tag is space padded, as Windows pads it */
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool_tags", "Ab"), 0);
	KUNIT_EXPECT_NE(test, ntshim_verifier_pool(TAG_AB, THIS_MODULE), 0U);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_ABCD, THIS_MODULE), 0U);

	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool_underrun", "y"),
			0);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_AB, THIS_MODULE),
			(unsigned int)(NTSHIM_VERIFY_SPECIAL |
				       NTSHIM_VERIFY_UNDERRUN));
	verifier_reset(test);
}

static void verifier_modules_test(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("pool_verify", "1"), 0);
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("modules", "other_driver"),
			0);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_TST1, THIS_MODULE), 0U);
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("modules",
						  "other_driver ntshim_test"),
			0);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_TST1, THIS_MODULE),
			(unsigned int)NTSHIM_VERIFY_POOL);
	verifier_reset(test);
}

/* A value the file refuses changes nothing. */
static void verifier_strict_parse_test(struct kunit *test)
{
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool_tags", "Tst1"),
			0);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("special_pool_tags", "Tst12"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("special_pool_tags", "T*t"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("special_pool_tags",
						  "a b c d e f g h i j k l m n o p q"),
			-E2BIG);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("pool_verify", "maybe"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("modules", "bad/name"),
			-EINVAL);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_set("no_such_option", "1"),
			-EINVAL);
	KUNIT_EXPECT_FALSE(test, ntshim_verifier_pool_on());
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool", "1"), 0);
	/* still only Tst1 */
	KUNIT_EXPECT_NE(test, ntshim_verifier_pool(TAG_TST1, THIS_MODULE), 0U);
	KUNIT_EXPECT_EQ(test, ntshim_verifier_pool(TAG_TST2, THIS_MODULE), 0U);
	verifier_reset(test);
}

/*
 * Blocks cross a change of tier: one allocated in the default tier is
 * freed with pool_verify on and the other way round, each exactly once,
 * and a second free of either is a double free in both tiers.
 */
static void verifier_tier_switch_test(struct kunit *test)
{
	struct ntshim_violation_mark dbl = ntshim_mark(NTSHIM_V_POOL_DOUBLE_FREE);
	bool track = ntshim_pool_track_set(false);
	void *fast, *checked;

	fast = ExAllocatePoolWithTag(NonPagedPoolNx, 40, TAG_TST1);
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("pool_verify", "1"), 0);
	checked = ExAllocatePoolWithTag(NonPagedPoolNx, 40, TAG_TST1);
	ntshim_pool_track_set(track);
	KUNIT_ASSERT_NOT_NULL(test, fast);
	KUNIT_ASSERT_NOT_NULL(test, checked);
	KUNIT_EXPECT_EQ(test, ExQueryPoolBlockSize(fast, NULL), (SIZE_T)40);

	ExFreePoolWithTag(fast, TAG_TST1);
	ExFreePoolWithTag(fast, TAG_TST1);
	KUNIT_EXPECT_EQ(test, ntshim_violations_since(&dbl), 1ULL);

	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("pool_verify", "0"), 0);
	ExFreePoolWithTag(checked, TAG_TST1);
	ExFreePoolWithTag(checked, TAG_TST1);
	KUNIT_EXPECT_EQ(test, ntshim_violations_since(&dbl), 2ULL);
}

/*
 * Special pool through ExAllocatePoolWithTag: a selected tag gets a page
 * of its own, flush against the guard page (an overrun past the slack
 * faults, here read without faulting); the freed page is inaccessible;
 * another tag and a request at DISPATCH_LEVEL stay in normal pool.
 */
static void verifier_special_pool_test(struct kunit *test)
{
	struct ntshim_violation_mark bad = ntshim_mark(NTSHIM_V_POOL_BAD_FREE);
	struct ntshim_violation_mark dbl = ntshim_mark(NTSHIM_V_POOL_DOUBLE_FREE);
	u8 *p, *other, *atomic;
	KIRQL old;
	u8 byte;

	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool_tags", "Tst1"),
			0);
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool", "1"), 0);
	p = ExAllocatePoolWithTag(NonPagedPoolNx, 32, TAG_TST1);
	other = ExAllocatePoolWithTag(NonPagedPoolNx, 32, TAG_TST2);
	KeRaiseIrql(DISPATCH_LEVEL, &old);
	atomic = ExAllocatePoolWithTag(NonPagedPoolNx, 32, TAG_TST1);
	KeLowerIrql(old);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_NOT_NULL(test, other);
	KUNIT_ASSERT_NOT_NULL(test, atomic);

	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	KUNIT_EXPECT_FALSE(test, is_vmalloc_addr(other));
	KUNIT_EXPECT_FALSE(test, is_vmalloc_addr(atomic));
	KUNIT_EXPECT_TRUE(test, IS_ALIGNED((unsigned long)p, 16));
	KUNIT_EXPECT_EQ(test, ExQueryPoolBlockSize(p, NULL), (SIZE_T)32);
	/* the block ends the page: the next byte is the guard page */
	KUNIT_EXPECT_EQ(test, offset_in_page(p + 32), 0UL);
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(&byte, p + 32, 1),
			-EFAULT);
	memset(p, 0x5a, 32);

	ExFreePoolWithTag(p, TAG_TST1);
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(&byte, p, 1), -EFAULT);
	ExFreePoolWithTag(p, TAG_TST1);
	KUNIT_EXPECT_EQ(test, ntshim_violations_since(&dbl), 1ULL);
	KUNIT_EXPECT_EQ(test, ntshim_violations_since(&bad), 0ULL);
	ExFreePoolWithTag(other, TAG_TST2);
	ExFreePoolWithTag(atomic, TAG_TST1);
	KUNIT_EXPECT_EQ(test, ntshim_violations_since(&dbl), 1ULL);
	verifier_reset(test);
}

/* special_pool_underrun: the block starts its page, an underrun faults. */
static void verifier_special_pool_underrun_test(struct kunit *test)
{
	u8 *p;
	u8 byte;

	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool_tags", "Tst?"),
			0);
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool_underrun", "1"),
			0);
	KUNIT_ASSERT_EQ(test, ntshim_verifier_set("special_pool", "1"), 0);
	p = ExAllocatePoolWithTag(PagedPool, 100, TAG_TST2);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	KUNIT_EXPECT_TRUE(test, PAGE_ALIGNED(p));
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(&byte, p - 1, 1),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, copy_from_kernel_nofault(&byte, p + 99, 1), 0);
	ExFreePool(p);
	verifier_reset(test);
}

static struct kunit_case ntshim_verifier_cases[] = {
	KUNIT_CASE(verifier_off_test),
	KUNIT_CASE(verifier_pool_verify_test),
	KUNIT_CASE(verifier_special_tags_test),
	KUNIT_CASE(verifier_modules_test),
	KUNIT_CASE(verifier_strict_parse_test),
	KUNIT_CASE(verifier_tier_switch_test),
	KUNIT_CASE(verifier_special_pool_test),
	KUNIT_CASE(verifier_special_pool_underrun_test),
	{}
};

static struct kunit_suite ntshim_verifier_suite = {
	.name = "ntshim_verifier",
	.init = verifier_test_init,
	.exit = verifier_reset,
	.test_cases = ntshim_verifier_cases,
};

kunit_test_suite(ntshim_verifier_suite);
