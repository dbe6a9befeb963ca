// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntstrsafe: Microsoft's documented results for each
 * routine (exact NTSTATUS, truncation that stays NUL-terminated, the Ex
 * flags and out parameters, UNICODE_STRING results that are never
 * NUL-terminated).  Guard characters after the size a routine is told
 * must stay untouched.
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <ntshim/ntddk.h>

#define GUARD 0x5a
#define GUARD_W 0x5a5a

/* Pointers the compiler cannot prove NULL. */
static void *volatile null_ptr;

/* ---- Copy ------------------------------------------------------------- */

static void ntshim_strsafe_copy_test(struct kunit *test)
{
	WCHAR w[8];
	char a[8];

	KUNIT_EXPECT_EQ(test, RtlStringCchCopyW(w, 8, L"abc"), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"abc"), 0);
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyA(a, 8, "abc"), STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, a, "abc");
	/* exactly fits: seven characters and the NUL */
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyA(a, 8, "1234567"),
			STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, a, "1234567");
}

/* Truncated: cchDest - 1 characters, a NUL, STATUS_BUFFER_OVERFLOW. */
static void ntshim_strsafe_copy_truncate_test(struct kunit *test)
{
	WCHAR w[6];
	char a[6];

	memset(w, GUARD, sizeof(w));
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyW(w, 5, L"abcdefgh"),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"abcd"), 0);
	KUNIT_EXPECT_EQ(test, w[5], GUARD_W);
	KUNIT_EXPECT_FALSE(test, NT_SUCCESS(STATUS_BUFFER_OVERFLOW));

	memset(a, GUARD, sizeof(a));
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyA(a, 5, "abcdefgh"),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_STREQ(test, a, "abcd");
	KUNIT_EXPECT_EQ(test, (u8)a[5], GUARD);
}

/* cchDest 0 or above NTSTRSAFE_MAX_CCH: invalid, nothing written. */
static void ntshim_strsafe_copy_invalid_size_test(struct kunit *test)
{
	WCHAR w[2] = { 'q', 0 };
	char a[2] = "q";

	KUNIT_EXPECT_EQ(test, RtlStringCchCopyW(w, 0, L"x"),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, w[0], 'q');
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyW(w, NTSTRSAFE_MAX_CCH + 1UL,
						L"x"),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, w[0], 'q');
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyA(a, NTSTRSAFE_MAX_CCH + 1UL,
						"x"),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, a[0], 'q');
	KUNIT_EXPECT_EQ(test, NTSTRSAFE_MAX_CCH, 2147483647);
}

/* Cb forms: the size is in bytes; an odd byte holds no WCHAR. */
static void ntshim_strsafe_cb_copy_test(struct kunit *test)
{
	WCHAR w[5];

	memset(w, GUARD, sizeof(w));
	KUNIT_EXPECT_EQ(test, RtlStringCbCopyW(w, 7, L"abcdef"),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"ab"), 0);
	KUNIT_EXPECT_EQ(test, w[3], GUARD_W);
	KUNIT_EXPECT_EQ(test, RtlStringCbCopyW(w, 1, L"a"),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, RtlStringCbCopyW(w, sizeof(w), L"abcd"),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"abcd"), 0);
}

static void ntshim_strsafe_copy_n_test(struct kunit *test)
{
	WCHAR w[8];
	char a[8];

	KUNIT_EXPECT_EQ(test, RtlStringCchCopyNW(w, 8, L"abcdef", 3),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"abc"), 0);
	KUNIT_EXPECT_EQ(test, RtlStringCbCopyNA(a, 8, "abcdef", 2),
			STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, a, "ab");
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyNA(a, 4, "abcdef", 5),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_STREQ(test, a, "abc");
	/* the source may lack a NUL when the count ends first */
	KUNIT_EXPECT_EQ(test, RtlStringCbCopyNW(w, sizeof(w), L"xyz", 4),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"xy"), 0);
	/* a count above NTSTRSAFE_MAX_CCH: invalid, destination emptied */
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyNA(a, 8, "abc",
						 NTSTRSAFE_MAX_CCH + 1UL),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, a[0], 0);
}

/* ---- Cat --------------------------------------------------------------- */

static void ntshim_strsafe_cat_test(struct kunit *test)
{
	WCHAR w[6] = L"ab";
	char a[6] = "ab";

	KUNIT_EXPECT_EQ(test, RtlStringCchCatW(w, 6, L"cde"), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"abcde"), 0);
	/* full: appending "" succeeds, anything else overflows unchanged */
	KUNIT_EXPECT_EQ(test, RtlStringCchCatW(w, 6, L""), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, RtlStringCchCatW(w, 6, L"f"),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"abcde"), 0);
	KUNIT_EXPECT_EQ(test, RtlStringCbCatA(a, 6, "cdefgh"),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_STREQ(test, a, "abcde");
}

/* A destination with no NUL within cchDest is invalid. */
static void ntshim_strsafe_cat_unterminated_test(struct kunit *test)
{
	char a[4] = { 'a', 'b', 'c', 'd' };

	KUNIT_EXPECT_EQ(test, RtlStringCchCatA(a, 4, "x"),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, a[0], 'a');
}

static void ntshim_strsafe_cat_n_test(struct kunit *test)
{
	WCHAR w[8] = L"ab";

	KUNIT_EXPECT_EQ(test, RtlStringCchCatNW(w, 8, L"cdef", 2),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"abcd"), 0);
	KUNIT_EXPECT_EQ(test, RtlStringCbCatNW(w, sizeof(w), L"efghij", 6),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"abcdefg"), 0);
	KUNIT_EXPECT_EQ(test, RtlStringCchCatNW(w, 8, L"xyz", 0),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, RtlStringCchCatNW(w, 8, L"h", 1),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"abcdefg"), 0);
}

/* ---- Ex forms ---------------------------------------------------------- */

/* ppszDestEnd points at the NUL; pcchRemaining counts it. */
static void ntshim_strsafe_ex_out_params_test(struct kunit *test)
{
	WCHAR w[8];
	PWSTR end = NULL;
	size_t rem = 0;

	KUNIT_EXPECT_EQ(test, RtlStringCchCopyExW(w, 8, L"abc", &end, &rem, 0),
			STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, end, &w[3]);
	KUNIT_EXPECT_EQ(test, rem, 5UL);
	KUNIT_EXPECT_EQ(test, RtlStringCchCatExW(w, 8, L"defghij", &end, &rem,
						 0),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_PTR_EQ(test, end, &w[7]);
	KUNIT_EXPECT_EQ(test, rem, 1UL);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"abcdefg"), 0);
}

/* Cb Ex: the bytes left, an odd trailing byte included. */
static void ntshim_strsafe_cb_ex_remaining_test(struct kunit *test)
{
	WCHAR w[8];
	PWSTR end;
	size_t rem = 0;

	KUNIT_EXPECT_EQ(test, RtlStringCbCopyExW(w, 15, L"ab", &end, &rem, 0),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, rem, 11UL);	/* 5 WCHARs + the odd byte */
	KUNIT_EXPECT_PTR_EQ(test, end, &w[2]);
}

static void ntshim_strsafe_fill_behind_null_test(struct kunit *test)
{
	char a[8];

	memset(a, GUARD, sizeof(a));
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyExA(a, 7, "ab", NULL, NULL,
						  STRSAFE_FILL_BYTE('#')),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, memcmp(a, "ab\0####", 7), 0);
	KUNIT_EXPECT_EQ(test, (u8)a[7], GUARD);
}

/* FILL_ON_FAILURE: the whole buffer filled, the last character a NUL. */
static void ntshim_strsafe_fill_on_failure_test(struct kunit *test)
{
	char a[6];
	PSTR end;
	size_t rem;

	memset(a, GUARD, sizeof(a));
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyExA(a, 5, "abcdefg", &end, &rem,
						  STRSAFE_FAILURE_BYTE('x')),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, memcmp(a, "xxxx\0", 5), 0);
	KUNIT_EXPECT_PTR_EQ(test, end, &a[4]);
	KUNIT_EXPECT_EQ(test, rem, 1UL);
	KUNIT_EXPECT_EQ(test, (u8)a[5], GUARD);
	/* fill byte 0: all zero, the end at the start */
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyExA(a, 5, "abcdefg", &end, &rem,
						  STRSAFE_FILL_ON_FAILURE),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_NULL(test, memchr_inv(a, 0, 5));
	KUNIT_EXPECT_PTR_EQ(test, end, &a[0]);
	KUNIT_EXPECT_EQ(test, rem, 5UL);
}

static void ntshim_strsafe_null_on_failure_test(struct kunit *test)
{
	WCHAR w[6] = L"ab";
	PWSTR end;
	size_t rem;

	KUNIT_EXPECT_EQ(test, RtlStringCchCatExW(w, 6, L"cdefgh", &end, &rem,
						 STRSAFE_NULL_ON_FAILURE),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, w[0], 0);
	KUNIT_EXPECT_PTR_EQ(test, end, &w[0]);
	KUNIT_EXPECT_EQ(test, rem, 6UL);
}

/* NO_TRUNCATION: Cat keeps the original string, Copy leaves it empty. */
static void ntshim_strsafe_no_truncation_test(struct kunit *test)
{
	WCHAR w[6] = L"ab";
	char a[4] = "zz";
	PWSTR end;
	size_t rem;

	KUNIT_EXPECT_EQ(test, RtlStringCchCatExW(w, 6, L"cdefgh", &end, &rem,
						 STRSAFE_NO_TRUNCATION),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"ab"), 0);
	KUNIT_EXPECT_PTR_EQ(test, end, &w[2]);
	KUNIT_EXPECT_EQ(test, rem, 4UL);
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyExA(a, 4, "abcd", NULL, NULL,
						  STRSAFE_NO_TRUNCATION),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, a[0], 0);
}

/* IGNORE_NULLS: a NULL source is "", a NULL destination needs size 0. */
static void ntshim_strsafe_ignore_nulls_test(struct kunit *test)
{
	WCHAR w[4] = L"q";
	PWSTR end;
	size_t rem;

	KUNIT_EXPECT_EQ(test, RtlStringCchCopyExW(w, 4, null_ptr, &end, &rem,
						  STRSAFE_IGNORE_NULLS),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, w[0], 0);
	KUNIT_EXPECT_EQ(test, rem, 4UL);
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyExW(null_ptr, 0, L"", &end, &rem,
						  STRSAFE_IGNORE_NULLS),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyExW(null_ptr, 0, L"x", NULL, NULL,
						  STRSAFE_IGNORE_NULLS),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyExW(null_ptr, 4, L"", NULL, NULL,
						  STRSAFE_IGNORE_NULLS),
			STATUS_INVALID_PARAMETER);
	/* without the flag a NULL source is invalid (Windows would fault) */
	KUNIT_EXPECT_EQ(test, RtlStringCchCopyW(w, 4, null_ptr),
			STATUS_INVALID_PARAMETER);
}

static void ntshim_strsafe_invalid_flags_test(struct kunit *test)
{
	char a[4] = "abc";

	KUNIT_EXPECT_EQ(test, RtlStringCchCopyExA(a, 4, "x", NULL, NULL,
						  0x10000),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, a[0], 0);
}

/* ---- Printf ------------------------------------------------------------ */

static void ntshim_strsafe_printf_test(struct kunit *test)
{
	UNICODE_STRING name = RTL_CONSTANT_STRING(L"Shim");
	WCHAR w[32];
	char a[32];

	KUNIT_EXPECT_EQ(test, RtlStringCchPrintfW(w, 32, L"%s:%d:%wZ", L"dev",
						  -7, &name),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"dev:-7:Shim"), 0);
	KUNIT_EXPECT_EQ(test, RtlStringCbPrintfA(a, sizeof(a), "%ws/%I64x",
						 L"w", 0x1234567890ULL),
			STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, a, "w/1234567890");
	KUNIT_EXPECT_EQ(test, RtlStringCbPrintfW(w, sizeof(w), L"%S|%hs", "n",
						 "h"),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"n|h"), 0);
}

/* cchDest - 1 characters fit; one more truncates, NUL-terminated. */
static void ntshim_strsafe_printf_truncate_test(struct kunit *test)
{
	char a[6];

	memset(a, GUARD, sizeof(a));
	KUNIT_EXPECT_EQ(test, RtlStringCchPrintfA(a, 5, "%d", 1234),
			STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, a, "1234");
	KUNIT_EXPECT_EQ(test, RtlStringCchPrintfA(a, 5, "%d", 12345),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_STREQ(test, a, "1234");
	KUNIT_EXPECT_EQ(test, (u8)a[5], GUARD);
	KUNIT_EXPECT_EQ(test, RtlStringCchPrintfA(a, 0, "%d", 1),
			STATUS_INVALID_PARAMETER);
}

static void ntshim_strsafe_printf_ex_test(struct kunit *test)
{
	WCHAR w[8];
	PWSTR end;
	size_t rem;

	KUNIT_EXPECT_EQ(test, RtlStringCchPrintfExW(w, 8, &end, &rem, 0,
						    L"%u", 42U),
			STATUS_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, end, &w[2]);
	KUNIT_EXPECT_EQ(test, rem, 6UL);
	KUNIT_EXPECT_EQ(test, RtlStringCbPrintfExW(w, sizeof(w), &end, &rem,
						   STRSAFE_NULL_ON_FAILURE,
						   L"%s", L"0123456789"),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, w[0], 0);
	KUNIT_EXPECT_EQ(test, rem, sizeof(w));
	KUNIT_EXPECT_EQ(test, RtlStringCchPrintfExW(w, 8, NULL, NULL,
						    STRSAFE_IGNORE_NULLS,
						    null_ptr),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, w[0], 0);
}

static NTSTATUS vprintf_helper(char *a, size_t cch, const char *fmt, ...)
{
	va_list ap;
	NTSTATUS st;

	va_start(ap, fmt);
	st = RtlStringCchVPrintfA(a, cch, fmt, ap);
	va_end(ap);
	return st;
}

static void ntshim_strsafe_vprintf_test(struct kunit *test)
{
	char a[8];

	KUNIT_EXPECT_EQ(test, vprintf_helper(a, 8, "%s-%s", "a", "b"),
			STATUS_SUCCESS);
	KUNIT_EXPECT_STREQ(test, a, "a-b");
	/* an unsupported conversion: invalid, empty result */
	KUNIT_EXPECT_EQ(test, vprintf_helper(a, 8, "%f", 1),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, a[0], 0);
}

/* ---- Length ------------------------------------------------------------ */

static void ntshim_strsafe_length_test(struct kunit *test)
{
	size_t n = 99;

	KUNIT_EXPECT_EQ(test, RtlStringCchLengthW(L"abc", 4, &n),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, n, 3UL);
	KUNIT_EXPECT_EQ(test, RtlStringCbLengthW(L"abc", 8, &n),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, n, 6UL);
	KUNIT_EXPECT_EQ(test, RtlStringCchLengthA("abc", 4, &n),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, n, 3UL);
	KUNIT_EXPECT_EQ(test, RtlStringCchLengthA("abc", 4, NULL),
			STATUS_SUCCESS);
}

/* No NUL within cchMax, NULL, cchMax too large: invalid, length 0. */
static void ntshim_strsafe_length_invalid_test(struct kunit *test)
{
	size_t n = 99;

	KUNIT_EXPECT_EQ(test, RtlStringCchLengthW(L"abc", 3, &n),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, n, 0UL);
	n = 99;
	KUNIT_EXPECT_EQ(test, RtlStringCchLengthA(null_ptr, 4, &n),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, n, 0UL);
	KUNIT_EXPECT_EQ(test, RtlStringCchLengthA("a", NTSTRSAFE_MAX_CCH + 1UL,
						  &n),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, RtlStringCchLengthA("", 0, &n),
			STATUS_INVALID_PARAMETER);
}

/* ---- UNICODE_STRING ------------------------------------------------------ */

static void ntshim_strsafe_ustr_init_test(struct kunit *test)
{
	UNICODE_STRING us;
	WCHAR *big;

	KUNIT_EXPECT_EQ(test, RtlUnicodeStringInit(&us, L"abc"),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, us.Length, 6);
	KUNIT_EXPECT_EQ(test, us.MaximumLength, 8);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringInit(&us, NULL), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, us.Length, 0);
	KUNIT_EXPECT_NULL(test, us.Buffer);

	big = kunit_kmalloc_array(test, 32768, sizeof(WCHAR), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, big);
	memset(big, 'x', 32768 * sizeof(WCHAR));
	big[32766] = 0;		/* 32766 characters: the most that fit */
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringInit(&us, big), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, us.Length, 65532);
	KUNIT_EXPECT_EQ(test, us.MaximumLength, 65534);
	big[32766] = 'x';
	big[32767] = 0;
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringInit(&us, big),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, us.Length, 0);
	KUNIT_EXPECT_EQ(test, us.MaximumLength, 0);
}

static void ntshim_strsafe_ustr_validate_test(struct kunit *test)
{
	WCHAR b[4];
	UNICODE_STRING us = { .Length = 4, .MaximumLength = 8, .Buffer = b };

	KUNIT_EXPECT_EQ(test, RtlUnicodeStringValidate(&us), STATUS_SUCCESS);
	us.Length = 3;
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringValidate(&us),
			STATUS_INVALID_PARAMETER);
	us.Length = 10;
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringValidate(&us),
			STATUS_INVALID_PARAMETER);
	us.Length = 0;
	us.MaximumLength = 7;
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringValidate(&us),
			STATUS_INVALID_PARAMETER);
	us.MaximumLength = 65534;
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringValidate(&us), STATUS_SUCCESS);
	us.Buffer = NULL;
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringValidate(&us),
			STATUS_INVALID_PARAMETER);
	us.MaximumLength = 0;
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringValidate(&us), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringValidate(null_ptr),
			STATUS_INVALID_PARAMETER);
}

/* Truncated copies fill MaximumLength; no NUL is ever written. */
static void ntshim_strsafe_ustr_copy_test(struct kunit *test)
{
	WCHAR b[5];
	UNICODE_STRING dst = { .Length = 0, .MaximumLength = 8, .Buffer = b };
	UNICODE_STRING src = RTL_CONSTANT_STRING(L"abcdef");
	UNICODE_STRING small = RTL_CONSTANT_STRING(L"ab");

	memset(b, GUARD, sizeof(b));
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringCopy(&dst, &small),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, dst.Length, 4);
	KUNIT_EXPECT_EQ(test, b[2], GUARD_W);	/* no NUL */
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringCopy(&dst, &src),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, dst.Length, 8);
	KUNIT_EXPECT_EQ(test, memcmp(b, L"abcd", 8), 0);
	KUNIT_EXPECT_EQ(test, b[4], GUARD_W);
	dst.Length = 3;
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringCopy(&dst, &small),
			STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_EQ(test, dst.Length, 3);
}

static void ntshim_strsafe_ustr_copy_string_test(struct kunit *test)
{
	WCHAR b[4];
	UNICODE_STRING dst = { .Length = 2, .MaximumLength = 8, .Buffer = b };

	KUNIT_EXPECT_EQ(test, RtlUnicodeStringCopyString(&dst, L"wxyz"),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, dst.Length, 8);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringCopyString(&dst, L"vwxyz"),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, dst.Length, 8);
	KUNIT_EXPECT_EQ(test, memcmp(b, L"vwxy", 8), 0);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringCopyString(&dst, null_ptr),
			STATUS_INVALID_PARAMETER);
}

static void ntshim_strsafe_ustr_cat_test(struct kunit *test)
{
	WCHAR b[5];
	UNICODE_STRING dst = { .Length = 0, .MaximumLength = 10, .Buffer = b };
	UNICODE_STRING cd = RTL_CONSTANT_STRING(L"cd");

	KUNIT_EXPECT_EQ(test, RtlUnicodeStringCatString(&dst, L"ab"),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringCat(&dst, &cd), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, dst.Length, 8);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringCatString(&dst, L"efg"),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, dst.Length, 10);
	KUNIT_EXPECT_EQ(test, memcmp(b, L"abcde", 10), 0);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringCat(&dst, &cd),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, dst.Length, 10);
}

static void ntshim_strsafe_ustr_printf_test(struct kunit *test)
{
	WCHAR b[6];
	UNICODE_STRING dst = { .Length = 0, .MaximumLength = 10, .Buffer = b };

	memset(b, GUARD, sizeof(b));
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringPrintf(&dst, L"%d", 42),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, dst.Length, 4);
	KUNIT_EXPECT_EQ(test, b[2], GUARD_W);	/* not NUL-terminated */
	/* five characters fill MaximumLength exactly: success */
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringPrintf(&dst, L"%ws", L"abcde"),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, dst.Length, 10);
	KUNIT_EXPECT_EQ(test, RtlUnicodeStringPrintf(&dst, L"%d", 123456),
			STATUS_BUFFER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, dst.Length, 10);
	KUNIT_EXPECT_EQ(test, memcmp(b, L"12345", 10), 0);
	KUNIT_EXPECT_EQ(test, b[5], GUARD_W);
}

static struct kunit_case ntshim_strsafe_cases[] = {
	KUNIT_CASE(ntshim_strsafe_copy_test),
	KUNIT_CASE(ntshim_strsafe_copy_truncate_test),
	KUNIT_CASE(ntshim_strsafe_copy_invalid_size_test),
	KUNIT_CASE(ntshim_strsafe_cb_copy_test),
	KUNIT_CASE(ntshim_strsafe_copy_n_test),
	KUNIT_CASE(ntshim_strsafe_cat_test),
	KUNIT_CASE(ntshim_strsafe_cat_unterminated_test),
	KUNIT_CASE(ntshim_strsafe_cat_n_test),
	KUNIT_CASE(ntshim_strsafe_ex_out_params_test),
	KUNIT_CASE(ntshim_strsafe_cb_ex_remaining_test),
	KUNIT_CASE(ntshim_strsafe_fill_behind_null_test),
	KUNIT_CASE(ntshim_strsafe_fill_on_failure_test),
	KUNIT_CASE(ntshim_strsafe_null_on_failure_test),
	KUNIT_CASE(ntshim_strsafe_no_truncation_test),
	KUNIT_CASE(ntshim_strsafe_ignore_nulls_test),
	KUNIT_CASE(ntshim_strsafe_invalid_flags_test),
	KUNIT_CASE(ntshim_strsafe_printf_test),
	KUNIT_CASE(ntshim_strsafe_printf_truncate_test),
	KUNIT_CASE(ntshim_strsafe_printf_ex_test),
	KUNIT_CASE(ntshim_strsafe_vprintf_test),
	KUNIT_CASE(ntshim_strsafe_length_test),
	KUNIT_CASE(ntshim_strsafe_length_invalid_test),
	KUNIT_CASE(ntshim_strsafe_ustr_init_test),
	KUNIT_CASE(ntshim_strsafe_ustr_validate_test),
	KUNIT_CASE(ntshim_strsafe_ustr_copy_test),
	KUNIT_CASE(ntshim_strsafe_ustr_copy_string_test),
	KUNIT_CASE(ntshim_strsafe_ustr_cat_test),
	KUNIT_CASE(ntshim_strsafe_ustr_printf_test),
	{}
};

static struct kunit_suite ntshim_strsafe_suite = {
	.name = "ntshim_strsafe",
	.test_cases = ntshim_strsafe_cases,
};

kunit_test_suite(ntshim_strsafe_suite);
