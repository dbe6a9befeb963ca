// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's violation reporting.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

static void ntshim_violation_counts_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);

	ntshim_violation(NTSHIM_V_LIST_CORRUPT, 'tseT', test, _THIS_IP_,
			 "provoked by %s", "a test");
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
}

static void ntshim_violation_name_test(struct kunit *test)
{
	KUNIT_EXPECT_STREQ(test, ntshim_violation_name(NTSHIM_V_POOL_BAD_FREE),
			   "pool_bad_free");
	KUNIT_EXPECT_STREQ(test, ntshim_violation_name(NTSHIM_VIOLATION_NR),
			   "unknown");
	KUNIT_EXPECT_EQ(test, ntshim_violation_count(NTSHIM_VIOLATION_NR), 0);
}

static void ntshim_tag_str_test(struct kunit *test)
{
	char buf[NTSHIM_TAG_STR_LEN];

	/* poolmon prints 'gaTM' as MTag: memory order, little endian */
	KUNIT_EXPECT_STREQ(test, ntshim_tag_str('gaTM', buf), "MTag");
	KUNIT_EXPECT_EQ(test, NTSHIM_TAG('M', 'T', 'a', 'g'), (ULONG)'gaTM');
	/* the protected bit is not part of the name */
	KUNIT_EXPECT_STREQ(test, ntshim_tag_str('gaTM' | PROTECTED_POOL, buf),
			   "MTag");
	KUNIT_EXPECT_STREQ(test, ntshim_tag_str(0x00014142, buf), "BA..");
}

static struct kunit_case ntshim_violation_cases[] = {
	KUNIT_CASE(ntshim_violation_counts_test),
	KUNIT_CASE(ntshim_violation_name_test),
	KUNIT_CASE(ntshim_tag_str_test),
	{}
};

static struct kunit_suite ntshim_violation_suite = {
	.name = "ntshim_violation",
	.test_cases = ntshim_violation_cases,
};

kunit_test_suite(ntshim_violation_suite);

MODULE_DESCRIPTION("KUnit tests for ntshim");
MODULE_LICENSE("GPL");
