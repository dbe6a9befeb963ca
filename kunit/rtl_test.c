// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the DDK basic types and the Rtl memory routines.  Each
 * buffer test keeps guard bytes after the requested length and checks
 * they are untouched.
 */
#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

#define GUARD 0xa5

/* Pointers the compiler cannot prove NULL (no -Wnonnull for the test). */
static void *volatile null_ptr;

static bool all_bytes(const u8 *p, size_t n, u8 v)
{
	while (n--)
		if (*p++ != v)
			return false;
	return true;
}

static void ntshim_types_size_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sizeof(UCHAR), 1);
	KUNIT_EXPECT_EQ(test, sizeof(USHORT), 2);
	KUNIT_EXPECT_EQ(test, sizeof(WCHAR), 2);
	KUNIT_EXPECT_EQ(test, sizeof(L"ab"), 3 * sizeof(WCHAR));
	KUNIT_EXPECT_EQ(test, sizeof(ULONG), 4);
	KUNIT_EXPECT_EQ(test, sizeof(LONG), 4);
	KUNIT_EXPECT_EQ(test, sizeof(LONGLONG), 8);
	KUNIT_EXPECT_EQ(test, sizeof(ULONG_PTR), sizeof(void *));
	KUNIT_EXPECT_EQ(test, sizeof(SIZE_T), sizeof(size_t));
	KUNIT_EXPECT_EQ(test, sizeof(BOOLEAN), 1);
	KUNIT_EXPECT_EQ(test, sizeof(HANDLE), sizeof(void *));
	KUNIT_EXPECT_LT(test, (LONG)-1, 0);
	KUNIT_EXPECT_GT(test, (ULONG)-1, 0u);
	KUNIT_EXPECT_EQ(test, TRUE, 1);
	KUNIT_EXPECT_EQ(test, FALSE, 0);
}

/*
 * QuadPart -2 is 0xFFFFFFFF_FFFFFFFE: LowPart 0xFFFFFFFE, HighPart -1,
 * the same through the named u member.
 */
static void ntshim_large_integer_negative_test(struct kunit *test)
{
	LARGE_INTEGER li;

	KUNIT_EXPECT_EQ(test, sizeof(li), 8);
	li.QuadPart = -2;
	KUNIT_EXPECT_EQ(test, li.LowPart, 0xfffffffeu);
	KUNIT_EXPECT_EQ(test, li.HighPart, -1);
	KUNIT_EXPECT_EQ(test, li.u.LowPart, 0xfffffffeu);
	KUNIT_EXPECT_EQ(test, li.u.HighPart, -1);

	/* a negative relative timeout as the DDK writes it: -10 s */
	li.QuadPart = -10LL * 1000 * 1000 * 10;
	KUNIT_EXPECT_EQ(test, li.HighPart, -1);
	KUNIT_EXPECT_EQ(test, li.LowPart, (ULONG)(-100000000LL & 0xffffffff));

	/* and back: the halves build the quad */
	li.HighPart = -1;
	li.LowPart = 0;
	KUNIT_EXPECT_EQ(test, li.QuadPart, -4294967296LL);
	li.u.HighPart = 0x7fffffff;
	li.u.LowPart = 0xffffffff;
	KUNIT_EXPECT_EQ(test, li.QuadPart, MAXLONGLONG);
}

static void ntshim_ularge_integer_test(struct kunit *test)
{
	ULARGE_INTEGER ul;

	ul.QuadPart = 0x123456789abcdef0ULL;
	KUNIT_EXPECT_EQ(test, ul.LowPart, 0x9abcdef0u);
	KUNIT_EXPECT_EQ(test, ul.HighPart, 0x12345678u);
	KUNIT_EXPECT_EQ(test, ul.u.HighPart, 0x12345678u);
	ul.HighPart = 0xffffffff;
	KUNIT_EXPECT_EQ(test, ul.QuadPart, 0xffffffff9abcdef0ULL);
}

static void ntshim_rtl_copy_memory_test(struct kunit *test)
{
	u8 src[16], dst[16 + 4];
	int i;

	for (i = 0; i < 16; i++)
		src[i] = i + 1;
	memset(dst, GUARD, sizeof(dst));
	RtlCopyMemory(dst, src, 16);
	KUNIT_EXPECT_EQ(test, memcmp(dst, src, 16), 0);
	KUNIT_EXPECT_TRUE(test, all_bytes(dst + 16, 4, GUARD));

	/* zero length touches nothing */
	memset(dst, GUARD, sizeof(dst));
	RtlCopyMemory(dst, src, 0);
	KUNIT_EXPECT_TRUE(test, all_bytes(dst, sizeof(dst), GUARD));
	RtlCopyBytes(dst, src, 3);
	KUNIT_EXPECT_EQ(test, dst[2], 3);
	KUNIT_EXPECT_EQ(test, dst[3], GUARD);
}

/* Overlap is a bug for RtlCopyMemory: the debug checks report and fix it. */
static void ntshim_rtl_copy_memory_overlap_test(struct kunit *test)
{
	u8 buf[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	u8 *volatile p = buf;
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_RTL_BAD_MEMORY);

	if (!ntshim_checking())
		kunit_skip(test, "needs ntshim.debug_checks");
	RtlCopyMemory(p + 2, p, 5);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	/* as memmove would: 1 2 1 2 3 4 5 8 */
	KUNIT_EXPECT_EQ(test, buf[2], 1);
	KUNIT_EXPECT_EQ(test, buf[6], 5);
	KUNIT_EXPECT_EQ(test, buf[7], 8);
}

static void ntshim_rtl_null_pointer_test(struct kunit *test)
{
	u8 buf[4] = { 0 };
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_RTL_BAD_MEMORY);

	if (!ntshim_checking())
		kunit_skip(test, "needs ntshim.debug_checks");
	RtlCopyMemory(null_ptr, buf, 4);
	RtlMoveMemory(buf, null_ptr, 4);
	RtlFillMemory(null_ptr, 4, 0);
	RtlZeroMemory(null_ptr, 4);
	KUNIT_EXPECT_FALSE(test, RtlEqualMemory(null_ptr, buf, 4));
	KUNIT_EXPECT_EQ(test, RtlCompareMemory(null_ptr, buf, 4), 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 6);
	/* zero length with NULL is fine everywhere */
	RtlCopyMemory(null_ptr, buf, 0);
	KUNIT_EXPECT_EQ(test, RtlCompareMemory(null_ptr, null_ptr, 0), 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 6);
}

/*
 * Forward overlap (dst after src):  [a b c d e . .] -> [a b a b c d e]
 * Backward overlap (dst before src): [. . a b c d e] -> [a b c d e d e]
 */
static void ntshim_rtl_move_memory_test(struct kunit *test)
{
	u8 buf[8 + 2];

	memcpy(buf, "abcde\0\0\0", 8);
	memset(buf + 8, GUARD, 2);
	RtlMoveMemory(buf + 2, buf, 5);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "ababcde", 7), 0);
	KUNIT_EXPECT_EQ(test, buf[7], 0);

	memcpy(buf, "\0\0abcde\0", 8);
	RtlMoveMemory(buf, buf + 2, 5);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "abcdede", 7), 0);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf + 8, 2, GUARD));
}

/* RtlFillMemory(Destination, Length, Fill): length first, then the byte */
static void ntshim_rtl_fill_memory_test(struct kunit *test)
{
	u8 buf[12];
	int fill;

	memset(buf, GUARD, sizeof(buf));
	RtlFillMemory(buf, 8, 0x3c);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf, 8, 0x3c));
	KUNIT_EXPECT_TRUE(test, all_bytes(buf + 8, 4, GUARD));

	/* only the low byte of Fill counts */
	fill = 0x1ff;
	RtlFillMemory(buf, 2, fill);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf, 2, 0xff));
	KUNIT_EXPECT_EQ(test, buf[2], 0x3c);
	RtlFillBytes(buf, 1, 7);
	KUNIT_EXPECT_EQ(test, buf[0], 7);
}

static void ntshim_rtl_zero_memory_test(struct kunit *test)
{
	u8 buf[12];

	memset(buf, GUARD, sizeof(buf));
	RtlZeroMemory(buf, 9);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf, 9, 0));
	KUNIT_EXPECT_TRUE(test, all_bytes(buf + 9, 3, GUARD));
	memset(buf, GUARD, sizeof(buf));
	RtlZeroBytes(buf, 1);
	KUNIT_EXPECT_EQ(test, buf[0], 0);
	KUNIT_EXPECT_EQ(test, buf[1], GUARD);
}

/* The secret is gone from memory even though nothing reads it afterwards. */
static noinline void use_and_wipe_secret(u8 *secret, size_t n)
{
	memset(secret, 0x5e, n);
	RtlSecureZeroMemory(secret, n);
}

static void ntshim_rtl_secure_zero_memory_test(struct kunit *test)
{
	u8 *buf = kunit_kmalloc(test, 32 + 4, GFP_KERNEL);
	u8 small[5];

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, GUARD, 36);
	use_and_wipe_secret(buf, 32);
	KUNIT_EXPECT_TRUE(test, all_bytes(buf, 32, 0));
	KUNIT_EXPECT_TRUE(test, all_bytes(buf + 32, 4, GUARD));

	memset(small, 1, sizeof(small));
	KUNIT_EXPECT_PTR_EQ(test, RtlSecureZeroMemory(small, 4), (PVOID)small);
	KUNIT_EXPECT_TRUE(test, all_bytes(small, 4, 0));
	KUNIT_EXPECT_EQ(test, small[4], 1);
}

static void ntshim_rtl_equal_memory_test(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, RtlEqualMemory("abcd", "abcd", 4));
	KUNIT_EXPECT_FALSE(test, RtlEqualMemory("abcd", "abce", 4));
	/* only Length bytes count */
	KUNIT_EXPECT_TRUE(test, RtlEqualMemory("abcd", "abce", 3));
	KUNIT_EXPECT_TRUE(test, RtlEqualMemory("x", "y", 0));
}

/*
 * RtlCompareMemory counts leading equal bytes:
 *   "abcdef" vs "abcXef" -> 3, full match -> Length, Length 0 -> 0.
 */
static void ntshim_rtl_compare_memory_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, RtlCompareMemory("abcdef", "abcXef", 6), 3);
	KUNIT_EXPECT_EQ(test, RtlCompareMemory("abcdef", "abcdef", 6), 6);
	KUNIT_EXPECT_EQ(test, RtlCompareMemory("abcdef", "abcdef", 0), 0);
	KUNIT_EXPECT_EQ(test, RtlCompareMemory("abcdef", "Xbcdef", 6), 0);
	KUNIT_EXPECT_EQ(test, RtlCompareMemory("abcdef", "abcdeX", 6), 5);
	/* stops at Length even when bytes after it differ */
	KUNIT_EXPECT_EQ(test, RtlCompareMemory("abcdef", "abcXef", 2), 2);
}

/* Every difference position, from every alignment, over the word loop. */
static void ntshim_rtl_compare_memory_positions_test(struct kunit *test)
{
	u8 *a = kunit_kmalloc(test, 80, GFP_KERNEL);
	u8 *b = kunit_kmalloc(test, 80, GFP_KERNEL);
	size_t off, len, pos;

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	for (off = 0; off < 8; off++) {
		for (len = 0; len <= 40; len++) {
			memset(a, 0x11, 80);
			memset(b, 0x11, 80);
			KUNIT_EXPECT_EQ(test, RtlCompareMemory(a + off, b + 7 - off,
							       len), len);
			for (pos = 0; pos < len; pos++) {
				b[7 - off + pos] = 0x12;
				SIZE_T same = RtlCompareMemory(a + off,
							       b + 7 - off,
							       len);

				KUNIT_EXPECT_EQ_MSG(test, same, pos,
						    "off %zu len %zu", off,
						    len);
				b[7 - off + pos] = 0x11;
			}
		}
	}
}

static void ntshim_rtl_compare_memory_ulong_test(struct kunit *test)
{
	ULONG buf[5] = { 7, 7, 7, 8, 7 };
	u8 odd[13] = { 0xee, 7, 0, 0, 0, 7, 0, 0, 0, 8, 0, 0, 0 };
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_RTL_BAD_MEMORY);

	KUNIT_EXPECT_EQ(test, RtlCompareMemoryUlong(buf, 12, 7), 12);
	KUNIT_EXPECT_EQ(test, RtlCompareMemoryUlong(buf, 20, 7), 12);
	KUNIT_EXPECT_EQ(test, RtlCompareMemoryUlong(buf, 20, 8), 0);
	KUNIT_EXPECT_EQ(test, RtlCompareMemoryUlong(buf, 0, 7), 0);
	/* ragged length: 0, as documented; reported */
	KUNIT_EXPECT_EQ(test, RtlCompareMemoryUlong(buf, 10, 7), 0);
	/* misaligned source: compared as x64 Windows does; reported */
	KUNIT_EXPECT_EQ(test, RtlCompareMemoryUlong(odd + 1, 12, 7), 8);
	KUNIT_EXPECT_EQ(test, RtlCompareMemoryUlong(odd + 1, 4, 7), 4);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 3);
}

static void ntshim_rtl_fill_memory_ulong_test(struct kunit *test)
{
	ULONG buf[6];
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_RTL_BAD_MEMORY);

	memset(buf, GUARD, sizeof(buf));
	RtlFillMemoryUlong(buf, 16, 0xdeadbeef);
	KUNIT_EXPECT_EQ(test, buf[0], 0xdeadbeefu);
	KUNIT_EXPECT_EQ(test, buf[3], 0xdeadbeefu);
	KUNIT_EXPECT_TRUE(test, all_bytes((u8 *)&buf[4], 8, GUARD));
	KUNIT_EXPECT_EQ(test, RtlCompareMemoryUlong(buf, 16, 0xdeadbeef), 16);

	/* a ragged length is reported; only whole ULONGs are written */
	memset(buf, GUARD, sizeof(buf));
	RtlFillMemoryUlong(buf, 7, 0x01020304);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, buf[0], 0x01020304u);
	KUNIT_EXPECT_TRUE(test, all_bytes((u8 *)&buf[1], 20, GUARD));
}

static void ntshim_rtl_fill_memory_ulonglong_test(struct kunit *test)
{
	ULONGLONG buf[3];

	memset(buf, GUARD, sizeof(buf));
	RtlFillMemoryUlonglong(buf, 16, 0x1122334455667788ULL);
	KUNIT_EXPECT_EQ(test, buf[0], 0x1122334455667788ULL);
	KUNIT_EXPECT_EQ(test, buf[1], 0x1122334455667788ULL);
	KUNIT_EXPECT_TRUE(test, all_bytes((u8 *)&buf[2], 8, GUARD));
}

static void ntshim_rtl_byte_swap_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, RtlUshortByteSwap(0x1234), 0x3412);
	KUNIT_EXPECT_EQ(test, RtlUlongByteSwap(0x12345678), 0x78563412u);
	KUNIT_EXPECT_EQ(test, RtlUlonglongByteSwap(0x0102030405060708ULL),
			0x0807060504030201ULL);
}

static struct kunit_case ntshim_rtl_cases[] = {
	KUNIT_CASE(ntshim_types_size_test),
	KUNIT_CASE(ntshim_large_integer_negative_test),
	KUNIT_CASE(ntshim_ularge_integer_test),
	KUNIT_CASE(ntshim_rtl_copy_memory_test),
	KUNIT_CASE(ntshim_rtl_copy_memory_overlap_test),
	KUNIT_CASE(ntshim_rtl_null_pointer_test),
	KUNIT_CASE(ntshim_rtl_move_memory_test),
	KUNIT_CASE(ntshim_rtl_fill_memory_test),
	KUNIT_CASE(ntshim_rtl_zero_memory_test),
	KUNIT_CASE(ntshim_rtl_secure_zero_memory_test),
	KUNIT_CASE(ntshim_rtl_equal_memory_test),
	KUNIT_CASE(ntshim_rtl_compare_memory_test),
	KUNIT_CASE(ntshim_rtl_compare_memory_positions_test),
	KUNIT_CASE(ntshim_rtl_compare_memory_ulong_test),
	KUNIT_CASE(ntshim_rtl_fill_memory_ulong_test),
	KUNIT_CASE(ntshim_rtl_fill_memory_ulonglong_test),
	KUNIT_CASE(ntshim_rtl_byte_swap_test),
	{}
};

static struct kunit_suite ntshim_rtl_suite = {
	.name = "ntshim_rtl",
	.test_cases = ntshim_rtl_cases,
};

kunit_test_suite(ntshim_rtl_suite);
