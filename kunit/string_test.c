// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for UNICODE_STRING and ANSI_STRING.  Lengths are bytes.
 * Destination buffers come from kunit_kmalloc() at their exact size, so
 * KASAN catches any write past MaximumLength; guard WCHARs after a
 * buffer catch the ones inside a larger block.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <kunit/test.h>
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

#define GUARD_W 0xa5a5

/* RTL_CONSTANT_STRING at file scope, as DDK drivers use it. */
static UNICODE_STRING file_scope_name = RTL_CONSTANT_STRING(L"\\Device\\Shim");
static const ANSI_STRING file_scope_ansi = RTL_CONSTANT_STRING("ansi");

/* "Grüße, Привет, 中文 😀" in UTF-16 (the emoji is a surrogate pair) */
static const WCHAR intl_w[] = {
	'G', 'r', 0xfc, 0xdf, 'e', ',', ' ',
	0x41f, 0x440, 0x438, 0x432, 0x435, 0x442, ',', ' ',
	0x4e2d, 0x6587, ' ', 0xd83d, 0xde00,
};

static const char intl_utf8[] =
	"Gr\xc3\xbc\xc3\x9f" "e, "
	"\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, "
	"\xe4\xb8\xad\xe6\x96\x87 \xf0\x9f\x98\x80";

/* An exactly-sized destination: Length 0, MaximumLength @bytes. */
static UNICODE_STRING *new_ustr(struct kunit *test, size_t bytes)
{
	UNICODE_STRING *us = kunit_kzalloc(test, sizeof(*us), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, us);
	us->Buffer = kunit_kmalloc(test, bytes ? bytes : 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, us->Buffer);
	memset(us->Buffer, 0xa5, bytes);
	us->MaximumLength = bytes;
	return us;
}

static void ntshim_rtl_constant_string_test(struct kunit *test)
{
	UNICODE_STRING local = RTL_CONSTANT_STRING(L"abc");
	ANSI_STRING a = RTL_CONSTANT_STRING("abc");
	DECLARE_CONST_UNICODE_STRING(const_name, L"const");

	KUNIT_EXPECT_EQ(test, local.Length, 6);
	KUNIT_EXPECT_EQ(test, local.MaximumLength, 8);
	KUNIT_EXPECT_EQ(test, local.Buffer[0], 'a');
	KUNIT_EXPECT_EQ(test, local.Buffer[3], 0);
	KUNIT_EXPECT_EQ(test, a.Length, 3);
	KUNIT_EXPECT_EQ(test, a.MaximumLength, 4);
	KUNIT_EXPECT_EQ(test, file_scope_name.Length, 24);
	KUNIT_EXPECT_EQ(test, file_scope_name.MaximumLength, 26);
	KUNIT_EXPECT_EQ(test, file_scope_name.Buffer[1], 'D');
	KUNIT_EXPECT_EQ(test, file_scope_ansi.Length, 4);
	KUNIT_EXPECT_EQ(test, const_name.Length, 10);
	KUNIT_EXPECT_EQ(test, const_name.MaximumLength, 12);
	KUNIT_EXPECT_PTR_EQ(test, (const WCHAR *)const_name.Buffer,
			    (const WCHAR *)const_name_buffer);
}

static void ntshim_declare_unicode_string_size_test(struct kunit *test)
{
	DECLARE_UNICODE_STRING_SIZE(name, 8);

	KUNIT_EXPECT_EQ(test, name.Length, 0);
	KUNIT_EXPECT_EQ(test, name.MaximumLength, 16);
	KUNIT_EXPECT_PTR_EQ(test, name.Buffer, (PWCH)name_buffer);
	KUNIT_EXPECT_EQ(test, RtlAppendUnicodeToString(&name, L"12345678"),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, name.Length, 16);
	KUNIT_EXPECT_EQ(test, RtlAppendUnicodeToString(&name, L"9"),
			STATUS_BUFFER_TOO_SMALL);
}

/*
 * The seed's example: dst gets exactly src.Length bytes from the pool,
 * dst.Length = dst.MaximumLength = src.Length, then RtlCopyUnicodeString.
 * No room for a NUL, so none is written (KASAN would see it).
 */
static void ntshim_rtl_copy_unicode_string_seed_test(struct kunit *test)
{
	UNICODE_STRING dst = { 0 };
	UNICODE_STRING src = RTL_CONSTANT_STRING(L"My source string!");

	dst.Buffer = ExAllocatePoolWithTag(NonPagedPool, src.Length, 'gaTM');
	KUNIT_ASSERT_NOT_NULL(test, dst.Buffer);
	dst.Length = src.Length;	/* the seed sets both to src.Length */
	dst.MaximumLength = src.Length;
	RtlCopyUnicodeString(&dst, &src);
	KUNIT_EXPECT_EQ(test, src.Length, 34);
	KUNIT_EXPECT_EQ(test, dst.Length, 34);
	KUNIT_EXPECT_EQ(test, dst.MaximumLength, 34);
	KUNIT_EXPECT_EQ(test, memcmp(dst.Buffer, src.Buffer, 34), 0);
	KUNIT_EXPECT_TRUE(test, RtlEqualUnicodeString(&dst, &src, FALSE));
	ExFreePool(dst.Buffer);
}

static void ntshim_rtl_init_unicode_string_test(struct kunit *test)
{
	static const WCHAR text[] = L"hello";
	UNICODE_STRING us;

	RtlInitUnicodeString(&us, text);
	KUNIT_EXPECT_EQ(test, us.Length, 10);
	KUNIT_EXPECT_EQ(test, us.MaximumLength, 12);
	KUNIT_EXPECT_PTR_EQ(test, (const WCHAR *)us.Buffer,
			    (const WCHAR *)text);

	RtlInitUnicodeString(&us, L"");
	KUNIT_EXPECT_EQ(test, us.Length, 0);
	KUNIT_EXPECT_EQ(test, us.MaximumLength, 2);

	us.Length = 7;
	RtlInitUnicodeString(&us, NULL);
	KUNIT_EXPECT_EQ(test, us.Length, 0);
	KUNIT_EXPECT_EQ(test, us.MaximumLength, 0);
	KUNIT_EXPECT_NULL(test, us.Buffer);
}

/* Longer than a UNICODE_STRING can hold: capped at 65532/65534. */
static void ntshim_rtl_init_unicode_string_max_test(struct kunit *test)
{
	const size_t n = 40000;
	WCHAR *w = kunit_kmalloc_array(test, n + 1, sizeof(WCHAR), GFP_KERNEL);
	UNICODE_STRING us;
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, w);
	for (i = 0; i < n; i++)
		w[i] = 'x';
	w[n] = 0;
	RtlInitUnicodeString(&us, w);
	KUNIT_EXPECT_EQ(test, us.Length, UNICODE_STRING_MAX_BYTES - 2);
	KUNIT_EXPECT_EQ(test, us.MaximumLength, UNICODE_STRING_MAX_BYTES);

	/* exactly at the limit: 32766 characters fit with their NUL */
	w[32766] = 0;
	RtlInitUnicodeString(&us, w);
	KUNIT_EXPECT_EQ(test, us.Length, 65532);
	KUNIT_EXPECT_EQ(test, us.MaximumLength, 65534);
	w[32765] = 0;
	RtlInitUnicodeString(&us, w);
	KUNIT_EXPECT_EQ(test, us.Length, 65530);
}

static void ntshim_rtl_init_ansi_string_test(struct kunit *test)
{
	const size_t n = 70000;
	char *big = kunit_kmalloc(test, n + 1, GFP_KERNEL);
	ANSI_STRING as;

	RtlInitAnsiString(&as, "abc");
	KUNIT_EXPECT_EQ(test, as.Length, 3);
	KUNIT_EXPECT_EQ(test, as.MaximumLength, 4);
	RtlInitString(&as, NULL);
	KUNIT_EXPECT_EQ(test, as.Length, 0);
	KUNIT_EXPECT_EQ(test, as.MaximumLength, 0);
	KUNIT_EXPECT_NULL(test, as.Buffer);

	KUNIT_ASSERT_NOT_NULL(test, big);
	memset(big, 'y', n);
	big[n] = 0;
	RtlInitAnsiString(&as, big);
	KUNIT_EXPECT_EQ(test, as.Length, 65534);
	KUNIT_EXPECT_EQ(test, as.MaximumLength, 65535);
}

/*
 * Copy into a smaller buffer: 10 bytes into MaximumLength 6 copies 6,
 * no NUL (no room), MaximumLength and Buffer unchanged.
 */
static void ntshim_rtl_copy_unicode_string_truncate_test(struct kunit *test)
{
	UNICODE_STRING src = RTL_CONSTANT_STRING(L"abcde");
	UNICODE_STRING *dst = new_ustr(test, 6);
	PWCH buf = dst->Buffer;

	RtlCopyUnicodeString(dst, &src);
	KUNIT_EXPECT_EQ(test, dst->Length, 6);
	KUNIT_EXPECT_EQ(test, dst->MaximumLength, 6);
	KUNIT_EXPECT_PTR_EQ(test, dst->Buffer, buf);
	KUNIT_EXPECT_EQ(test, memcmp(buf, L"abc", 6), 0);
}

/* Room left: the copy is NUL-terminated and nothing after the NUL moves. */
static void ntshim_rtl_copy_unicode_string_nul_test(struct kunit *test)
{
	UNICODE_STRING src = RTL_CONSTANT_STRING(L"abcde");
	UNICODE_STRING *dst = new_ustr(test, 16);

	RtlCopyUnicodeString(dst, &src);
	KUNIT_EXPECT_EQ(test, dst->Length, 10);
	KUNIT_EXPECT_EQ(test, dst->Buffer[5], 0);
	KUNIT_EXPECT_EQ(test, dst->Buffer[6], GUARD_W);
	KUNIT_EXPECT_EQ(test, dst->Buffer[7], GUARD_W);

	/* exactly Length + 2: the NUL just fits */
	dst = new_ustr(test, 12);
	RtlCopyUnicodeString(dst, &src);
	KUNIT_EXPECT_EQ(test, dst->Length, 10);
	KUNIT_EXPECT_EQ(test, dst->Buffer[5], 0);

	/* NULL source: Length 0, nothing else changes */
	dst->Length = 4;
	RtlCopyUnicodeString(dst, NULL);
	KUNIT_EXPECT_EQ(test, dst->Length, 0);
	KUNIT_EXPECT_EQ(test, dst->MaximumLength, 12);
	KUNIT_EXPECT_EQ(test, dst->Buffer[0], 'a');
}

/*
 * An odd MaximumLength (11) is reported; Windows would write a NUL across
 * the end of the buffer, ntshim copies 10 bytes and writes no NUL.
 */
static void ntshim_rtl_copy_unicode_string_odd_test(struct kunit *test)
{
	UNICODE_STRING src = RTL_CONSTANT_STRING(L"abcdefgh");
	UNICODE_STRING *dst = new_ustr(test, 11);
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_RTL_BAD_STRING);

	RtlCopyUnicodeString(dst, &src);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, dst->Length, 10);
	KUNIT_EXPECT_EQ(test, ((u8 *)dst->Buffer)[10], 0xa5);

	/* an odd source Length is reported and rounded down */
	src.Length = 5;
	dst = new_ustr(test, 16);
	RtlCopyUnicodeString(dst, &src);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	KUNIT_EXPECT_EQ(test, dst->Length, 4);

	/* a NULL Buffer with a Length: reported, treated as empty */
	src.Buffer = NULL;
	src.Length = 4;
	RtlCopyUnicodeString(dst, &src);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 3);
	KUNIT_EXPECT_EQ(test, dst->Length, 0);
}

static void ntshim_rtl_append_unicode_string_test(struct kunit *test)
{
	UNICODE_STRING tail = RTL_CONSTANT_STRING(L"def");
	UNICODE_STRING *dst = new_ustr(test, 16);

	KUNIT_EXPECT_EQ(test, RtlAppendUnicodeToString(dst, L"abc"),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test,
			RtlAppendUnicodeStringToString(dst, &tail),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, dst->Length, 12);
	KUNIT_EXPECT_EQ(test, memcmp(dst->Buffer, L"abcdef", 14), 0);
	KUNIT_EXPECT_EQ(test, dst->Buffer[7], GUARD_W);

	/* appending to itself: "abcdef" + "abcdef" needs 24 > 16 */
	KUNIT_EXPECT_EQ(test, RtlAppendUnicodeStringToString(dst, dst),
			STATUS_BUFFER_TOO_SMALL);
	dst->Length = 4;
	KUNIT_EXPECT_EQ(test, RtlAppendUnicodeStringToString(dst, dst),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, memcmp(dst->Buffer, L"abab", 10), 0);

	/* empty and NULL sources append nothing */
	tail.Length = 0;
	KUNIT_EXPECT_EQ(test, RtlAppendUnicodeStringToString(dst, &tail),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, RtlAppendUnicodeToString(dst, NULL),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, dst->Length, 8);
}

/* Too small: STATUS_BUFFER_TOO_SMALL and not one byte changed. */
static void ntshim_rtl_append_overflow_test(struct kunit *test)
{
	UNICODE_STRING tail = RTL_CONSTANT_STRING(L"defg");
	UNICODE_STRING *dst = new_ustr(test, 12);
	u8 before[12];

	RtlAppendUnicodeToString(dst, L"abc");
	memcpy(before, dst->Buffer, 12);
	KUNIT_EXPECT_EQ(test, RtlAppendUnicodeStringToString(dst, &tail),
			STATUS_BUFFER_TOO_SMALL);
	KUNIT_EXPECT_EQ(test, RtlAppendUnicodeToString(dst, L"defg"),
			STATUS_BUFFER_TOO_SMALL);
	KUNIT_EXPECT_EQ(test, dst->Length, 6);
	KUNIT_EXPECT_EQ(test, dst->MaximumLength, 12);
	KUNIT_EXPECT_EQ(test, memcmp(dst->Buffer, before, 12), 0);

	/* exact fit: succeeds, no room for a NUL so none is written */
	KUNIT_EXPECT_EQ(test, RtlAppendUnicodeToString(dst, L"def"),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, dst->Length, 12);
	KUNIT_EXPECT_EQ(test, memcmp(dst->Buffer, L"abcdef", 12), 0);
}

/*
 * RtlAppendUnicodeToString reads the source only as far as the room left:
 * an unterminated 4-WCHAR source in an exact-size block, room for 3.
 */
static void ntshim_rtl_append_unicode_bounded_read_test(struct kunit *test)
{
	WCHAR *src = kunit_kmalloc_array(test, 4, sizeof(WCHAR), GFP_KERNEL);
	UNICODE_STRING *dst = new_ustr(test, 6);

	KUNIT_ASSERT_NOT_NULL(test, src);
	for (int i = 0; i < 4; i++)
		src[i] = 'z';
	KUNIT_EXPECT_EQ(test, RtlAppendUnicodeToString(dst, src),
			STATUS_BUFFER_TOO_SMALL);
	KUNIT_EXPECT_EQ(test, dst->Length, 0);
}

static void ntshim_rtl_equal_unicode_string_test(struct kunit *test)
{
	UNICODE_STRING a = RTL_CONSTANT_STRING(L"Hello");
	UNICODE_STRING b = RTL_CONSTANT_STRING(L"hELLO");
	UNICODE_STRING c = RTL_CONSTANT_STRING(L"Hell");
	UNICODE_STRING n1 = RTL_CONSTANT_STRING(L"a\0b");
	UNICODE_STRING n2 = RTL_CONSTANT_STRING(L"a\0c");
	UNICODE_STRING empty = { 0 };

	KUNIT_EXPECT_TRUE(test, RtlEqualUnicodeString(&a, &a, FALSE));
	KUNIT_EXPECT_FALSE(test, RtlEqualUnicodeString(&a, &b, FALSE));
	KUNIT_EXPECT_TRUE(test, RtlEqualUnicodeString(&a, &b, TRUE));
	/* different lengths are never equal, even as a prefix */
	KUNIT_EXPECT_FALSE(test, RtlEqualUnicodeString(&a, &c, TRUE));
	/* embedded NULs are characters like any other */
	KUNIT_EXPECT_EQ(test, n1.Length, 6);
	KUNIT_EXPECT_FALSE(test, RtlEqualUnicodeString(&n1, &n2, FALSE));
	/* NULL Buffer with zero length is the empty string */
	c.Length = 0;
	KUNIT_EXPECT_TRUE(test, RtlEqualUnicodeString(&empty, &c, FALSE));
}

static void ntshim_rtl_compare_unicode_string_test(struct kunit *test)
{
	UNICODE_STRING abc = RTL_CONSTANT_STRING(L"abc");
	UNICODE_STRING abd = RTL_CONSTANT_STRING(L"abd");
	UNICODE_STRING ab = RTL_CONSTANT_STRING(L"ab");
	UNICODE_STRING ABC = RTL_CONSTANT_STRING(L"ABC");
	UNICODE_STRING b = RTL_CONSTANT_STRING(L"b");
	static WCHAR high[] = { 0xfffd, 0 };
	UNICODE_STRING hi = RTL_CONSTANT_STRING(high);

	KUNIT_EXPECT_LT(test, RtlCompareUnicodeString(&abc, &abd, FALSE), 0);
	KUNIT_EXPECT_GT(test, RtlCompareUnicodeString(&abd, &abc, FALSE), 0);
	KUNIT_EXPECT_EQ(test, RtlCompareUnicodeString(&abc, &abc, FALSE), 0);
	/* a prefix sorts first */
	KUNIT_EXPECT_LT(test, RtlCompareUnicodeString(&ab, &abc, FALSE), 0);
	KUNIT_EXPECT_GT(test, RtlCompareUnicodeString(&abc, &ab, FALSE), 0);
	/* first difference decides before length: "abc" < "b" */
	KUNIT_EXPECT_LT(test, RtlCompareUnicodeString(&abc, &b, FALSE), 0);
	/* case */
	KUNIT_EXPECT_GT(test, RtlCompareUnicodeString(&abc, &ABC, FALSE), 0);
	KUNIT_EXPECT_EQ(test, RtlCompareUnicodeString(&abc, &ABC, TRUE), 0);
	KUNIT_EXPECT_LT(test, RtlCompareUnicodeString(&ABC, &abd, TRUE), 0);
	/* unsigned 16-bit order: U+FFFD sorts after 'a' */
	KUNIT_EXPECT_GT(test, RtlCompareUnicodeString(&hi, &abc, FALSE), 0);
}

static void ntshim_rtl_prefix_unicode_string_test(struct kunit *test)
{
	UNICODE_STRING dev = RTL_CONSTANT_STRING(L"\\Device\\");
	UNICODE_STRING name = RTL_CONSTANT_STRING(L"\\DEVICE\\Shim0");

	KUNIT_EXPECT_FALSE(test, RtlPrefixUnicodeString(&dev, &name, FALSE));
	KUNIT_EXPECT_TRUE(test, RtlPrefixUnicodeString(&dev, &name, TRUE));
	KUNIT_EXPECT_FALSE(test, RtlPrefixUnicodeString(&name, &dev, TRUE));
}

static void ntshim_rtl_upcase_unicode_char_test(struct kunit *test)
{
	unsigned int c;

	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar('a'), 'A');
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar('z'), 'Z');
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar('A'), 'A');
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar('{'), '{');
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar(0xe9), 0xc9);	/* é */
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar(0xff), 0x178);	/* ÿ */
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar(0xf7), 0xf7);	/* ÷ */
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar(0xdf), 0xdf);	/* ß */
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar(0x101), 0x100);	/* ā */
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar(0x13a), 0x139);	/* ĺ */
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar(0x17e), 0x17d);	/* ž */
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar(0x3b1), 0x391);	/* α */
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar(0x44f), 0x42f);	/* я */
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar(0x451), 0x401);	/* ё */
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeChar(0x4e2d), 0x4e2d);
	KUNIT_EXPECT_EQ(test, RtlDowncaseUnicodeChar(0x178), 0xff);
	KUNIT_EXPECT_EQ(test, RtlDowncaseUnicodeChar(0x401), 0x451);

	/* the two maps are inverse wherever they change a character */
	for (c = 0; c <= 0xffff; c++) {
		WCHAR u = RtlUpcaseUnicodeChar(c), d = RtlDowncaseUnicodeChar(c);

		if (u != c)
			KUNIT_EXPECT_EQ_MSG(test, RtlDowncaseUnicodeChar(u), c,
					    "U+%04X", c);
		if (d != c)
			KUNIT_EXPECT_EQ_MSG(test, RtlUpcaseUnicodeChar(d), c,
					    "U+%04X", c);
	}
}

static void ntshim_rtl_upcase_unicode_string_test(struct kunit *test)
{
	UNICODE_STRING src = RTL_CONSTANT_STRING(L"mixed Case \x44f");
	UNICODE_STRING up = { 0 };
	UNICODE_STRING *small = new_ustr(test, 4);

	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeString(&up, &src, TRUE),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, up.Length, src.Length);
	KUNIT_EXPECT_EQ(test, memcmp(up.Buffer, L"MIXED CASE \x42f", up.Length),
			0);
	/* in place, into its own buffer */
	KUNIT_EXPECT_EQ(test, RtlDowncaseUnicodeString(&up, &up, FALSE),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, memcmp(up.Buffer, L"mixed case \x44f", up.Length),
			0);
	RtlFreeUnicodeString(&up);
	KUNIT_EXPECT_NULL(test, up.Buffer);
	KUNIT_EXPECT_EQ(test, up.Length, 0);
	KUNIT_EXPECT_EQ(test, up.MaximumLength, 0);

	/* caller's buffer too small: nothing converted */
	KUNIT_EXPECT_EQ(test, RtlUpcaseUnicodeString(small, &src, FALSE),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, small->Length, 0);
	KUNIT_EXPECT_EQ(test, small->Buffer[0], GUARD_W);
}

/* Non-ASCII and a surrogate pair, both ways, allocating. */
static void ntshim_rtl_unicode_to_ansi_test(struct kunit *test)
{
	UNICODE_STRING us = {
		.Length = sizeof(intl_w),
		.MaximumLength = sizeof(intl_w),
		.Buffer = (PWCH)intl_w,
	};
	ANSI_STRING as = { 0 };
	UNICODE_STRING back = { 0 };

	KUNIT_EXPECT_EQ(test, RtlxUnicodeStringToAnsiSize(&us),
			sizeof(intl_utf8));
	KUNIT_ASSERT_EQ(test, RtlUnicodeStringToAnsiString(&as, &us, TRUE),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, as.Length, sizeof(intl_utf8) - 1);
	KUNIT_EXPECT_EQ(test, as.MaximumLength, sizeof(intl_utf8));
	KUNIT_EXPECT_EQ(test, memcmp(as.Buffer, intl_utf8, sizeof(intl_utf8)),
			0);

	KUNIT_EXPECT_EQ(test, RtlxAnsiStringToUnicodeSize(&as),
			sizeof(intl_w) + sizeof(WCHAR));
	KUNIT_ASSERT_EQ(test, RtlAnsiStringToUnicodeString(&back, &as, TRUE),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, back.Length, sizeof(intl_w));
	KUNIT_EXPECT_EQ(test, back.MaximumLength, sizeof(intl_w) + 2);
	KUNIT_EXPECT_EQ(test, memcmp(back.Buffer, intl_w, sizeof(intl_w)), 0);
	KUNIT_EXPECT_EQ(test, back.Buffer[ARRAY_SIZE(intl_w)], 0);
	KUNIT_EXPECT_TRUE(test, RtlEqualUnicodeString(&us, &back, FALSE));

	RtlFreeAnsiString(&as);
	RtlFreeUnicodeString(&back);
	KUNIT_EXPECT_NULL(test, as.Buffer);
	KUNIT_EXPECT_NULL(test, back.Buffer);
}

/*
 * Into the caller's buffer: MaximumLength must hold the text and its NUL;
 * one byte less is STATUS_BUFFER_OVERFLOW with nothing written.
 */
static void ntshim_rtl_unicode_to_ansi_buffer_test(struct kunit *test)
{
	UNICODE_STRING us = RTL_CONSTANT_STRING(L"\xe9t\xe9");	/* été */
	ANSI_STRING as;
	char *buf = kunit_kmalloc(test, 6, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0x5a, 6);
	RtlInitEmptyAnsiString(&as, buf, 5);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringToAnsiString(&as, &us, FALSE),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, as.Length, 0);
	KUNIT_EXPECT_EQ(test, buf[0], 0x5a);

	as.MaximumLength = 6;
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringToAnsiString(&as, &us, FALSE),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, as.Length, 5);
	KUNIT_EXPECT_PTR_EQ(test, as.Buffer, buf);
	KUNIT_EXPECT_STREQ(test, buf, "\xc3\xa9t\xc3\xa9");
}

static void ntshim_rtl_ansi_to_unicode_buffer_test(struct kunit *test)
{
	ANSI_STRING as = RTL_CONSTANT_STRING("ab\xc3\xa9");	/* abé */
	UNICODE_STRING *us = new_ustr(test, 6);

	KUNIT_EXPECT_EQ(test, RtlAnsiStringToUnicodeString(us, &as, FALSE),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, us->Length, 0);
	KUNIT_EXPECT_EQ(test, us->Buffer[0], GUARD_W);

	us = new_ustr(test, 8);
	KUNIT_EXPECT_EQ(test, RtlAnsiStringToUnicodeString(us, &as, FALSE),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, us->Length, 6);
	KUNIT_EXPECT_EQ(test, memcmp(us->Buffer, L"ab\xe9", 8), 0);
}

/* Embedded NULs survive; malformed input becomes U+FFFD. */
static void ntshim_rtl_conversion_edges_test(struct kunit *test)
{
	static const WCHAR lone[] = { 'a', 0xd800, 'b', 0xdc00 };
	UNICODE_STRING nul = RTL_CONSTANT_STRING(L"a\0b");
	UNICODE_STRING bad = {
		.Length = sizeof(lone), .MaximumLength = sizeof(lone),
		.Buffer = (PWCH)lone,
	};
	ANSI_STRING junk = RTL_CONSTANT_STRING("x\xff" "y\xe4\xb8");
	ANSI_STRING as = { 0 };
	UNICODE_STRING us = { 0 };

	KUNIT_ASSERT_EQ(test, RtlUnicodeStringToAnsiString(&as, &nul, TRUE),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, as.Length, 3);
	KUNIT_EXPECT_EQ(test, memcmp(as.Buffer, "a\0b", 4), 0);
	RtlFreeAnsiString(&as);

	KUNIT_ASSERT_EQ(test, RtlUnicodeStringToAnsiString(&as, &bad, TRUE),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, as.Length, 8);
	KUNIT_EXPECT_EQ(test, memcmp(as.Buffer,
				     "a\xef\xbf\xbd" "b\xef\xbf\xbd", 9), 0);
	RtlFreeAnsiString(&as);

	/*
	 * 0xff is never UTF-8; a 3-byte sequence cut short at the end gives
	 * one U+FFFD per byte: x ? y ? ?
	 */
	KUNIT_ASSERT_EQ(test, RtlAnsiStringToUnicodeString(&us, &junk, TRUE),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, us.Length, 5 * sizeof(WCHAR));
	KUNIT_EXPECT_EQ(test, us.Buffer[5], 0);
	KUNIT_EXPECT_EQ(test, us.Buffer[0], 'x');
	KUNIT_EXPECT_EQ(test, us.Buffer[1], 0xfffd);
	KUNIT_EXPECT_EQ(test, us.Buffer[2], 'y');
	KUNIT_EXPECT_EQ(test, us.Buffer[3], 0xfffd);
	KUNIT_EXPECT_EQ(test, us.Buffer[4], 0xfffd);
	RtlFreeUnicodeString(&us);

	/* empty strings convert to empty, NUL-terminated results */
	nul.Length = 0;
	KUNIT_ASSERT_EQ(test, RtlUnicodeStringToAnsiString(&as, &nul, TRUE),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, as.Length, 0);
	KUNIT_EXPECT_EQ(test, as.Buffer[0], 0);
	RtlFreeAnsiString(&as);
}

/* 32767 CJK characters need 98301 UTF-8 bytes: more than an ANSI_STRING. */
static void ntshim_rtl_conversion_too_long_test(struct kunit *test)
{
	const size_t n = UNICODE_STRING_MAX_CHARS;
	WCHAR *w = kunit_kmalloc_array(test, n, sizeof(WCHAR), GFP_KERNEL);
	UNICODE_STRING us;
	ANSI_STRING as = { 0 };
	size_t i;

	KUNIT_ASSERT_NOT_NULL(test, w);
	for (i = 0; i < n; i++)
		w[i] = 0x4e2d;
	us.Buffer = w;
	us.Length = n * sizeof(WCHAR);
	us.MaximumLength = us.Length;
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringToAnsiString(&as, &us, TRUE),
			STATUS_INVALID_PARAMETER_2);
	KUNIT_EXPECT_NULL(test, as.Buffer);
}

/* Freeing a buffer no Rtl routine allocated is reported, not done. */
static void ntshim_rtl_free_foreign_test(struct kunit *test)
{
	UNICODE_STRING lit = RTL_CONSTANT_STRING(L"literal");
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_POOL_BAD_FREE);

	RtlFreeUnicodeString(&lit);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_NULL(test, lit.Buffer);
	KUNIT_EXPECT_EQ(test, lit.Length, 0);
	RtlFreeUnicodeString(NULL);
	RtlFreeAnsiString(NULL);
}

static void ntshim_wz_test(struct kunit *test)
{
	UNICODE_STRING us = {
		.Length = sizeof(intl_w),
		.MaximumLength = sizeof(intl_w),
		.Buffer = (PWCH)intl_w,
	};
	UNICODE_STRING ctl = RTL_CONSTANT_STRING(L"a\nb\0c");
	UNICODE_STRING long_e = RTL_CONSTANT_STRING(L"\xe9\xe9\xe9\xe9\xe9");
	UNICODE_STRING abc = RTL_CONSTANT_STRING(L"abcdefghij");
	char buf[8];

	/* what a driver writes instead of %wZ */
	pr_info("ntshim_string: name is %s\n", NTSHIM_WZ(&us));
	KUNIT_EXPECT_STREQ(test, NTSHIM_WZ(&us), intl_utf8);
	KUNIT_EXPECT_STREQ(test, NTSHIM_WZ(&ctl), "a?b?c");
	KUNIT_EXPECT_STREQ(test, NTSHIM_WZ(NULL), "(null)");

	/* cut to fit, on a character boundary, marked with "..." */
	KUNIT_EXPECT_STREQ(test, ntshim_ustr_to_cstr(buf, sizeof(buf), &abc),
			   "abcd...");
	KUNIT_EXPECT_STREQ(test,
			   ntshim_ustr_to_cstr(buf, sizeof(buf), &long_e),
			   "\xc3\xa9\xc3\xa9...");
	KUNIT_EXPECT_STREQ(test, ntshim_ustr_to_cstr(buf, 3, &abc), "ab");
}

static struct kunit_case ntshim_string_cases[] = {
	KUNIT_CASE(ntshim_rtl_constant_string_test),
	KUNIT_CASE(ntshim_declare_unicode_string_size_test),
	KUNIT_CASE(ntshim_rtl_copy_unicode_string_seed_test),
	KUNIT_CASE(ntshim_rtl_init_unicode_string_test),
	KUNIT_CASE(ntshim_rtl_init_unicode_string_max_test),
	KUNIT_CASE(ntshim_rtl_init_ansi_string_test),
	KUNIT_CASE(ntshim_rtl_copy_unicode_string_truncate_test),
	KUNIT_CASE(ntshim_rtl_copy_unicode_string_nul_test),
	KUNIT_CASE(ntshim_rtl_copy_unicode_string_odd_test),
	KUNIT_CASE(ntshim_rtl_append_unicode_string_test),
	KUNIT_CASE(ntshim_rtl_append_overflow_test),
	KUNIT_CASE(ntshim_rtl_append_unicode_bounded_read_test),
	KUNIT_CASE(ntshim_rtl_equal_unicode_string_test),
	KUNIT_CASE(ntshim_rtl_compare_unicode_string_test),
	KUNIT_CASE(ntshim_rtl_prefix_unicode_string_test),
	KUNIT_CASE(ntshim_rtl_upcase_unicode_char_test),
	KUNIT_CASE(ntshim_rtl_upcase_unicode_string_test),
	KUNIT_CASE(ntshim_rtl_unicode_to_ansi_test),
	KUNIT_CASE(ntshim_rtl_unicode_to_ansi_buffer_test),
	KUNIT_CASE(ntshim_rtl_ansi_to_unicode_buffer_test),
	KUNIT_CASE(ntshim_rtl_conversion_edges_test),
	KUNIT_CASE(ntshim_rtl_conversion_too_long_test),
	KUNIT_CASE(ntshim_rtl_free_foreign_test),
	KUNIT_CASE(ntshim_wz_test),
	{}
};

static struct kunit_suite ntshim_string_suite = {
	.name = "ntshim_string",
	.test_cases = ntshim_string_cases,
};

kunit_test_suite(ntshim_string_suite);
