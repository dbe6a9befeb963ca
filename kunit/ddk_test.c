// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ntshim_ddk: runs the DDK compile corpus in kunit/ddk/.
 *
 * The corpus files are DDK code built with shim/ntshim.mk's flags and
 * <ntddk.h> (see kunit/Kbuild): that they compile without a warning and
 * link into this module is half the test; each case runs one file's
 * checks, which return the line of the first failure or 0.
 */
#include <kunit/test.h>

#include "ddk/ddk_corpus.h"

static void ddk_sal_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ_MSG(test, ddk_corpus_sal(), 0,
			    "sal_corpus.c: check at this line failed");
}

static void ddk_sal1_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ_MSG(test, ddk_corpus_sal1(), 0,
			    "sal1_corpus.c: check at this line failed");
}

static void ddk_msvc_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ_MSG(test, ddk_corpus_msvc(), 0,
			    "msvc_corpus.c: check at this line failed");
}

static void ddk_hygiene_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ_MSG(test, ddk_corpus_hygiene(), 0,
			    "hygiene_corpus.c: check at this line failed");
}

static void ddk_objects_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ_MSG(test, ddk_corpus_objects(), 0,
			    "objects_corpus.c: check at this line failed");
}

/*
 * A non-static FORCEINLINE function and __declspec(selectany) data, both
 * defined in a header two corpus files include: one value, one object.
 */
static void ddk_header_definitions_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ddk_corpus_inline_a(0x80000001), 0x18U);
	KUNIT_EXPECT_EQ(test, ddk_corpus_inline_b(0x80000001), 0x18U);
	KUNIT_EXPECT_PTR_EQ(test, ddk_corpus_selectany_a(),
			    ddk_corpus_selectany_b());
	KUNIT_EXPECT_EQ(test, *(const unsigned int *)ddk_corpus_selectany_a(),
			0x5e1ec7U);
}

static struct kunit_case ddk_test_cases[] = {
	KUNIT_CASE(ddk_sal_test),
	KUNIT_CASE(ddk_sal1_test),
	KUNIT_CASE(ddk_msvc_test),
	KUNIT_CASE(ddk_hygiene_test),
	KUNIT_CASE(ddk_objects_test),
	KUNIT_CASE(ddk_header_definitions_test),
	{}
};

static struct kunit_suite ddk_test_suite = {
	.name = "ntshim_ddk",
	.test_cases = ddk_test_cases,
};

kunit_test_suite(ddk_test_suite);
