// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the DDK's CRT subset: Microsoft's rules for the wide
 * string routines, the _s routines' errno_t results and emptied
 * destinations, _snprintf()'s truncation contract, and the Windows
 * format extensions.  Buffers carry guard bytes after the size the
 * routine is told, which must stay untouched.
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <ntshim/ntddk.h>

#define GUARD 0x5a

/* Pointers the compiler cannot prove NULL. */
static void *volatile null_ptr;

static void ntshim_crt_wcslen_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, wcslen(L""), 0UL);
	KUNIT_EXPECT_EQ(test, wcslen(L"hello"), 5UL);
	KUNIT_EXPECT_EQ(test, wcsnlen(L"hello", 3), 3UL);
	KUNIT_EXPECT_EQ(test, wcsnlen(L"hello", 10), 5UL);
}

/* WCHARs compare as unsigned: U+FFFF sorts after 'a'. */
static void ntshim_crt_wcscmp_test(struct kunit *test)
{
	static const WCHAR high[] = { 0xffff, 0 };

	KUNIT_EXPECT_EQ(test, wcscmp(L"abc", L"abc"), 0);
	KUNIT_EXPECT_LT(test, wcscmp(L"abc", L"abd"), 0);
	KUNIT_EXPECT_LT(test, wcscmp(L"ab", L"abc"), 0);
	KUNIT_EXPECT_GT(test, wcscmp(high, L"a"), 0);
	KUNIT_EXPECT_EQ(test, wcsncmp(L"abcX", L"abcY", 3), 0);
	KUNIT_EXPECT_NE(test, wcsncmp(L"abcX", L"abcY", 4), 0);
	KUNIT_EXPECT_EQ(test, wcsncmp(L"a", L"b", 0), 0);
}

/* Both sides are lowercased: '_' (0x5f) sorts before 'A' (read as 'a'). */
static void ntshim_crt_wcsicmp_test(struct kunit *test)
{
	static const WCHAR cyr_upper[] = { 0x41f, 0x420, 0 };	/* ПР */
	static const WCHAR cyr_lower[] = { 0x43f, 0x440, 0 };	/* пр */

	KUNIT_EXPECT_EQ(test, _wcsicmp(L"Hello", L"hELLO"), 0);
	KUNIT_EXPECT_LT(test, _wcsicmp(L"_", L"A"), 0);
	KUNIT_EXPECT_GT(test, _wcsicmp(L"b", L"A"), 0);
	KUNIT_EXPECT_EQ(test, _wcsicmp(cyr_upper, cyr_lower), 0);
	KUNIT_EXPECT_EQ(test, _wcsnicmp(L"ABCx", L"abcy", 3), 0);
	KUNIT_EXPECT_NE(test, _wcsnicmp(L"ABCx", L"abcy", 4), 0);
}

static void ntshim_crt_wcschr_wcsstr_test(struct kunit *test)
{
	static const WCHAR s[] = L"a/b/c";

	KUNIT_EXPECT_PTR_EQ(test, wcschr(s, '/'), (WCHAR *)&s[1]);
	KUNIT_EXPECT_PTR_EQ(test, wcsrchr(s, '/'), (WCHAR *)&s[3]);
	KUNIT_EXPECT_PTR_EQ(test, wcschr(s, 0), (WCHAR *)&s[5]);
	KUNIT_EXPECT_NULL(test, wcschr(s, 'z'));
	KUNIT_EXPECT_NULL(test, wcsrchr(s, 'z'));
	KUNIT_EXPECT_PTR_EQ(test, wcsstr(s, L"b/c"), (WCHAR *)&s[2]);
	KUNIT_EXPECT_PTR_EQ(test, wcsstr(s, L""), (WCHAR *)s);
	KUNIT_EXPECT_NULL(test, wcsstr(s, L"c/"));
}

/* wcsncpy writes exactly count WCHARs: NUL padding, no NUL if full. */
static void ntshim_crt_wcsncpy_test(struct kunit *test)
{
	WCHAR d[6];

	memset(d, GUARD, sizeof(d));
	wcsncpy(d, L"ab", 5);
	KUNIT_EXPECT_EQ(test, d[0], 'a');
	KUNIT_EXPECT_EQ(test, d[2], 0);
	KUNIT_EXPECT_EQ(test, d[4], 0);
	KUNIT_EXPECT_EQ(test, d[5], (GUARD << 8) | GUARD);

	memset(d, GUARD, sizeof(d));
	wcsncpy(d, L"abcdefgh", 5);
	KUNIT_EXPECT_EQ(test, wcsncmp(d, L"abcde", 5), 0);
	KUNIT_EXPECT_EQ(test, d[5], (GUARD << 8) | GUARD);
}

static void ntshim_crt_wcscpy_s_test(struct kunit *test)
{
	WCHAR d[4] = { 'x', 'x', 'x', 'x' };

	KUNIT_EXPECT_EQ(test, wcscpy_s(d, 4, L"abc"), 0);
	KUNIT_EXPECT_EQ(test, wcscmp(d, L"abc"), 0);
	/* too small: ERANGE and an empty destination */
	KUNIT_EXPECT_EQ(test, wcscpy_s(d, 4, L"abcd"), ERANGE);
	KUNIT_EXPECT_EQ(test, d[0], 0);
	/* NULL source: EINVAL, emptied */
	d[0] = 'q';
	KUNIT_EXPECT_EQ(test, wcscpy_s(d, 4, null_ptr), EINVAL);
	KUNIT_EXPECT_EQ(test, d[0], 0);
	/* unusable destination: EINVAL, untouched */
	d[0] = 'q';
	KUNIT_EXPECT_EQ(test, wcscpy_s(d, 0, L"a"), EINVAL);
	KUNIT_EXPECT_EQ(test, d[0], 'q');
	KUNIT_EXPECT_EQ(test, wcscpy_s(null_ptr, 4, L"a"), EINVAL);
}

static void ntshim_crt_wcscat_s_test(struct kunit *test)
{
	WCHAR d[6] = L"ab";

	KUNIT_EXPECT_EQ(test, wcscat_s(d, 6, L"cde"), 0);
	KUNIT_EXPECT_EQ(test, wcscmp(d, L"abcde"), 0);
	KUNIT_EXPECT_EQ(test, wcscat_s(d, 6, L"f"), ERANGE);
	KUNIT_EXPECT_EQ(test, d[0], 0);
	/* a destination without a NUL within its size is not a string */
	wcsncpy(d, L"zzzzzz", 6);
	KUNIT_EXPECT_EQ(test, wcscat_s(d, 6, L""), EINVAL);
	KUNIT_EXPECT_EQ(test, d[0], 0);
}

static void ntshim_crt_wcsncpy_s_test(struct kunit *test)
{
	WCHAR d[4];

	KUNIT_EXPECT_EQ(test, wcsncpy_s(d, 4, L"abcdef", 2), 0);
	KUNIT_EXPECT_EQ(test, wcscmp(d, L"ab"), 0);
	KUNIT_EXPECT_EQ(test, wcsncpy_s(d, 4, L"abcdef", _TRUNCATE), STRUNCATE);
	KUNIT_EXPECT_EQ(test, wcscmp(d, L"abc"), 0);
	KUNIT_EXPECT_EQ(test, wcsncpy_s(d, 4, L"abcdef", 4), ERANGE);
	KUNIT_EXPECT_EQ(test, d[0], 0);
}

static void ntshim_crt_wcase_test(struct kunit *test)
{
	WCHAR s[] = { 'a', 'B', 0xe9, 0x3b1, '1', 0 };	/* aBéα1 */

	_wcsupr(s);
	KUNIT_EXPECT_EQ(test, s[0], 'A');
	KUNIT_EXPECT_EQ(test, s[1], 'B');
	KUNIT_EXPECT_EQ(test, s[2], 0xc9);
	KUNIT_EXPECT_EQ(test, s[3], 0x391);
	KUNIT_EXPECT_EQ(test, s[4], '1');
	_wcslwr(s);
	KUNIT_EXPECT_EQ(test, s[0], 'a');
	KUNIT_EXPECT_EQ(test, s[2], 0xe9);
	KUNIT_EXPECT_EQ(test, towupper('z'), (wint_t)'Z');
	KUNIT_EXPECT_EQ(test, towlower(0x41f), (wint_t)0x43f);
	KUNIT_EXPECT_EQ(test, towupper('1'), (wint_t)'1');
}

static void ntshim_crt_wctype_test(struct kunit *test)
{
	KUNIT_EXPECT_TRUE(test, iswdigit('7'));
	KUNIT_EXPECT_FALSE(test, iswdigit('a'));
	KUNIT_EXPECT_TRUE(test, iswxdigit('F'));
	KUNIT_EXPECT_TRUE(test, iswxdigit('a'));
	KUNIT_EXPECT_FALSE(test, iswxdigit('g'));
	KUNIT_EXPECT_TRUE(test, iswspace(' '));
	KUNIT_EXPECT_TRUE(test, iswspace('\t'));
	KUNIT_EXPECT_TRUE(test, iswspace('\r'));
	KUNIT_EXPECT_FALSE(test, iswspace('x'));
	KUNIT_EXPECT_FALSE(test, iswspace(0));
	KUNIT_EXPECT_TRUE(test, iswalpha('q'));
	KUNIT_EXPECT_TRUE(test, iswalpha(0xdf));	/* ß */
	KUNIT_EXPECT_TRUE(test, iswalpha(0x436));	/* ж */
	KUNIT_EXPECT_FALSE(test, iswalpha('3'));
	KUNIT_EXPECT_FALSE(test, iswalpha(0xd7));	/* × */
	KUNIT_EXPECT_TRUE(test, iswupper('Q'));
	KUNIT_EXPECT_FALSE(test, iswupper('q'));
	KUNIT_EXPECT_TRUE(test, iswlower(0x3b2));	/* β */
	KUNIT_EXPECT_FALSE(test, iswlower('5'));
}

static void ntshim_crt_strcpy_s_test(struct kunit *test)
{
	char d[5];

	memset(d, GUARD, sizeof(d));
	KUNIT_EXPECT_EQ(test, strcpy_s(d, 4, "abc"), 0);
	KUNIT_EXPECT_STREQ(test, d, "abc");
	KUNIT_EXPECT_EQ(test, strcpy_s(d, 4, "abcd"), ERANGE);
	KUNIT_EXPECT_EQ(test, d[0], 0);
	KUNIT_EXPECT_EQ(test, (u8)d[4], GUARD);
	KUNIT_EXPECT_EQ(test, strcpy_s(d, 4, null_ptr), EINVAL);
	KUNIT_EXPECT_EQ(test, d[0], 0);
	d[0] = 'q';
	KUNIT_EXPECT_EQ(test, strcpy_s(null_ptr, 4, "a"), EINVAL);
	KUNIT_EXPECT_EQ(test, strcpy_s(d, 0, "a"), EINVAL);
	KUNIT_EXPECT_EQ(test, d[0], 'q');
}

static void ntshim_crt_strcat_s_test(struct kunit *test)
{
	char d[6] = "ab";

	KUNIT_EXPECT_EQ(test, strcat_s(d, 6, "cde"), 0);
	KUNIT_EXPECT_STREQ(test, d, "abcde");
	KUNIT_EXPECT_EQ(test, strcat_s(d, 6, "f"), ERANGE);
	KUNIT_EXPECT_EQ(test, d[0], 0);
	KUNIT_EXPECT_EQ(test, strcat_s(d, 6, null_ptr), EINVAL);
	memset(d, 'z', sizeof(d));
	KUNIT_EXPECT_EQ(test, strcat_s(d, 6, "a"), EINVAL);
	KUNIT_EXPECT_EQ(test, d[0], 0);
}

static void ntshim_crt_strncpy_s_test(struct kunit *test)
{
	char d[5];

	memset(d, GUARD, sizeof(d));
	KUNIT_EXPECT_EQ(test, strncpy_s(d, 4, "abcdef", 2), 0);
	KUNIT_EXPECT_STREQ(test, d, "ab");
	KUNIT_EXPECT_EQ(test, (u8)d[3], GUARD);	/* no padding */
	KUNIT_EXPECT_EQ(test, strncpy_s(d, 4, "abcdef", _TRUNCATE), STRUNCATE);
	KUNIT_EXPECT_STREQ(test, d, "abc");
	KUNIT_EXPECT_EQ(test, strncpy_s(d, 4, "abc", _TRUNCATE), 0);
	KUNIT_EXPECT_STREQ(test, d, "abc");
	KUNIT_EXPECT_EQ(test, strncpy_s(d, 4, "abcdef", 4), ERANGE);
	KUNIT_EXPECT_EQ(test, d[0], 0);
	KUNIT_EXPECT_EQ(test, strncpy_s(null_ptr, 0, "abc", 0), 0);
	d[0] = 'q';
	KUNIT_EXPECT_EQ(test, strncpy_s(d, 4, "abc", 0), 0);
	KUNIT_EXPECT_EQ(test, d[0], 0);
	KUNIT_EXPECT_EQ(test, (u8)d[4], GUARD);
}

/* memcpy_s zeroes the destination on failure; memmove_s does not. */
static void ntshim_crt_memcpy_s_test(struct kunit *test)
{
	u8 d[8], s[8] = "1234567";

	memset(d, GUARD, sizeof(d));
	KUNIT_EXPECT_EQ(test, memcpy_s(d, 4, s, 4), 0);
	KUNIT_EXPECT_EQ(test, memcmp(d, "1234", 4), 0);
	KUNIT_EXPECT_EQ(test, memcpy_s(d, 4, s, 5), ERANGE);
	KUNIT_EXPECT_NULL(test, memchr_inv(d, 0, 4));
	KUNIT_EXPECT_EQ(test, d[4], GUARD);
	memset(d, GUARD, sizeof(d));
	KUNIT_EXPECT_EQ(test, memcpy_s(d, 4, null_ptr, 2), EINVAL);
	KUNIT_EXPECT_NULL(test, memchr_inv(d, 0, 4));
	KUNIT_EXPECT_EQ(test, memcpy_s(null_ptr, 4, s, 2), EINVAL);
	KUNIT_EXPECT_EQ(test, memcpy_s(null_ptr, 0, null_ptr, 0), 0);
}

static void ntshim_crt_memmove_s_test(struct kunit *test)
{
	char d[8] = "abcdef";

	KUNIT_EXPECT_EQ(test, memmove_s(d + 1, 7, d, 6), 0);
	KUNIT_EXPECT_EQ(test, memcmp(d, "aabcdef", 7), 0);
	KUNIT_EXPECT_EQ(test, memmove_s(d, 2, "xyz", 3), ERANGE);
	KUNIT_EXPECT_EQ(test, d[0], 'a');
	KUNIT_EXPECT_EQ(test, memmove_s(d, 8, null_ptr, 3), EINVAL);
	KUNIT_EXPECT_EQ(test, d[0], 'a');
	KUNIT_EXPECT_EQ(test, memmove_s(null_ptr, 8, d, 0), 0);
}

static void ntshim_crt_stricmp_test(struct kunit *test)
{
	char s[] = "MiXeD 1";

	KUNIT_EXPECT_EQ(test, _stricmp("Hello", "hELLO"), 0);
	KUNIT_EXPECT_LT(test, _stricmp("_", "A"), 0);
	KUNIT_EXPECT_LT(test, _stricmp("abc", "ABD"), 0);
	KUNIT_EXPECT_EQ(test, _strnicmp("abcX", "ABCy", 3), 0);
	KUNIT_EXPECT_NE(test, _strnicmp("abcX", "ABCy", 4), 0);
	KUNIT_EXPECT_STREQ(test, _strupr(s), "MIXED 1");
	KUNIT_EXPECT_STREQ(test, _strlwr(s), "mixed 1");
	KUNIT_EXPECT_EQ(test, toupper('a'), 'A');
	KUNIT_EXPECT_EQ(test, tolower('Z'), 'z');
	KUNIT_EXPECT_EQ(test, toupper('1'), '1');
}

/* ---- _snprintf's contract ---------------------------------------------- */

/* Shorter than count: stored with a NUL, the length returned. */
static void ntshim_crt_snprintf_fits_test(struct kunit *test)
{
	char b[8];

	memset(b, GUARD, sizeof(b));
	KUNIT_EXPECT_EQ(test, _snprintf(b, 6, "%d-%s", 42, "ab"), 5);
	KUNIT_EXPECT_STREQ(test, b, "42-ab");
	KUNIT_EXPECT_EQ(test, (u8)b[6], GUARD);
}

/* Exactly count characters: stored without a NUL, count returned. */
static void ntshim_crt_snprintf_exact_test(struct kunit *test)
{
	char b[8];

	memset(b, GUARD, sizeof(b));
	KUNIT_EXPECT_EQ(test, _snprintf(b, 5, "%d-%s", 42, "ab"), 5);
	KUNIT_EXPECT_EQ(test, memcmp(b, "42-ab", 5), 0);
	KUNIT_EXPECT_EQ(test, (u8)b[5], GUARD);
}

/* Longer: count characters stored, no NUL, -1. */
static void ntshim_crt_snprintf_truncated_test(struct kunit *test)
{
	char b[8];

	memset(b, GUARD, sizeof(b));
	KUNIT_EXPECT_EQ(test, _snprintf(b, 4, "%s", "abcdefg"), -1);
	KUNIT_EXPECT_EQ(test, memcmp(b, "abcd", 4), 0);
	KUNIT_EXPECT_EQ(test, (u8)b[4], GUARD);
	/* NULL buffer and count 0: the length needed */
	KUNIT_EXPECT_EQ(test, _snprintf(null_ptr, 0, "%s", "abcdefg"), 7);
	KUNIT_EXPECT_EQ(test, _scprintf("%d", 12345), 5);
	KUNIT_EXPECT_EQ(test, _snprintf(b, 4, null_ptr), -1);
}

static int vsn_helper(char *b, size_t n, const char *fmt, ...)
{
	va_list ap;
	int r;

	va_start(ap, fmt);
	r = _vsnprintf(b, n, fmt, ap);
	va_end(ap);
	return r;
}

static void ntshim_crt_vsnprintf_test(struct kunit *test)
{
	char b[16];

	KUNIT_EXPECT_EQ(test, vsn_helper(b, sizeof(b), "%u+%u", 1U, 2U), 3);
	KUNIT_EXPECT_STREQ(test, b, "1+2");
}

/* ---- Windows' conversions ---------------------------------------------- */

#define EXPECT_FMT(test, want, fmt, ...)                                      \
	do {                                                                  \
		char _b[128];                                                 \
		int _n = _snprintf(_b, sizeof(_b), fmt, ##__VA_ARGS__);       \
		KUNIT_EXPECT_EQ(test, _n, (int)strlen(want));                 \
		if (_n >= 0)                                                  \
			KUNIT_EXPECT_STREQ(test, _b, want);                   \
	} while (0)

/* %ws, %ls and %S take a WCHAR string in a narrow format; %hs narrow. */
static void ntshim_crt_format_wide_string_test(struct kunit *test)
{
	EXPECT_FMT(test, "name=Shim", "name=%ws", L"Shim");
	EXPECT_FMT(test, "name=Shim", "name=%ls", L"Shim");
	EXPECT_FMT(test, "name=Shim", "name=%S", L"Shim");
	EXPECT_FMT(test, "name=Shim", "name=%hs", "Shim");
	EXPECT_FMT(test, "[  ab]", "[%4ws]", L"ab");
	EXPECT_FMT(test, "[ab  ]", "[%-4ws]", L"ab");
	EXPECT_FMT(test, "[ab]", "[%.2ws]", L"abcdef");
	EXPECT_FMT(test, "(null)", "%ws", null_ptr);
	EXPECT_FMT(test, "(null)", "%s", null_ptr);
}

/* Wide text in narrow output is UTF-8, surrogate pairs included. */
static void ntshim_crt_format_utf8_test(struct kunit *test)
{
	static const WCHAR w[] = { 'G', 0xfc, 0x4e2d, 0xd83d, 0xde00, 0 };
	static const WCHAR lone[] = { 0xd800, 'x', 0 };

	EXPECT_FMT(test, "G\xc3\xbc\xe4\xb8\xad\xf0\x9f\x98\x80", "%ws", w);
	EXPECT_FMT(test, "\xef\xbf\xbdx", "%ws", lone);
}

/* %wZ: a PUNICODE_STRING (counted, no NUL needed); %Z: a PANSI_STRING. */
static void ntshim_crt_format_counted_string_test(struct kunit *test)
{
	static WCHAR buf[] = { 'a', 'b', 'c', 'X' };
	UNICODE_STRING us = { .Length = 6, .MaximumLength = 8, .Buffer = buf };
	ANSI_STRING as = RTL_CONSTANT_STRING("ansi");
	UNICODE_STRING empty = { .Length = 0, .MaximumLength = 8, .Buffer = buf };
	UNICODE_STRING no_buffer = { 0 };

	EXPECT_FMT(test, "<abc>", "<%wZ>", &us);
	EXPECT_FMT(test, "<ansi>", "<%Z>", &as);
	EXPECT_FMT(test, "<  abc>", "<%5wZ>", &us);
	EXPECT_FMT(test, "<>", "<%wZ>", &empty);
	/* no Buffer prints as a NULL pointer does, as Microsoft's CRT */
	EXPECT_FMT(test, "<(null)>", "<%wZ>", &no_buffer);
	EXPECT_FMT(test, "(null)", "%wZ", null_ptr);
}

/* DbgPrint takes Windows' conversions; a refused format is reported. */
static void ntshim_crt_dbgprint_test(struct kunit *test)
{
	static WCHAR buf[] = { 'd', 'b', 'g' };
	UNICODE_STRING us = { .Length = 6, .MaximumLength = 6, .Buffer = buf };

	KUNIT_EXPECT_EQ(test, DbgPrint("ntshim crt test: %wZ %ws %I64x\n", &us,
				       L"wide", 0x123456789ULL), 0);
	KUNIT_EXPECT_EQ(test, DbgPrintEx(DPFLTR_IHVDRIVER_ID, DPFLTR_TRACE_LEVEL,
					 "ntshim crt test: %S\n", L"trace"), 0);
	KUNIT_EXPECT_EQ(test, DbgPrint("ntshim crt test: %n\n", NULL),
			(ULONG)STATUS_INVALID_PARAMETER);
}

/* l is 32 bits (Windows' long); I64, ll 64; I and z pointer-sized. */
static void ntshim_crt_format_sizes_test(struct kunit *test)
{
	LONG l = -1;
	ULONG ul = 0xffffffffU;
	LONGLONG ll = -1234567890123LL;
	SIZE_T sz = 0x123456789aUL;

	EXPECT_FMT(test, "-1", "%ld", l);
	EXPECT_FMT(test, "4294967295", "%lu", ul);
	EXPECT_FMT(test, "-1234567890123", "%I64d", ll);
	EXPECT_FMT(test, "fffffee08e04fb35", "%I64x", ll);
	EXPECT_FMT(test, "18446742839141661493", "%I64u", ll);
	EXPECT_FMT(test, "-1234567890123", "%lld", ll);
	EXPECT_FMT(test, "123456789a", "%Ix", sz);
	EXPECT_FMT(test, "78187493530", "%Iu", sz);
	EXPECT_FMT(test, "78187493530", "%Id", sz);
	EXPECT_FMT(test, "78187493530", "%zu", sz);
	EXPECT_FMT(test, "DEADBEEF", "%I32X", 0xdeadbeefU);
	EXPECT_FMT(test, "-1", "%hd", 0xffff);
	EXPECT_FMT(test, "65535", "%hu", 0xffff);
	EXPECT_FMT(test, "-1", "%hhd", 0xff);
	EXPECT_FMT(test, "255", "%hhu", 0x1ff);
}

static void ntshim_crt_format_flags_test(struct kunit *test)
{
	EXPECT_FMT(test, "00042", "%05d", 42);
	EXPECT_FMT(test, "42   |", "%-5d|", 42);
	EXPECT_FMT(test, "+42", "%+d", 42);
	EXPECT_FMT(test, " 42", "% d", 42);
	EXPECT_FMT(test, "0x1f", "%#x", 31);
	EXPECT_FMT(test, "0X1F", "%#X", 31);
	EXPECT_FMT(test, "017", "%#o", 15);
	EXPECT_FMT(test, "  007", "%5.3d", 7);
	EXPECT_FMT(test, "   ab", "%*s", 5, "ab");
	EXPECT_FMT(test, "ab   |", "%*s|", -5, "ab");
	EXPECT_FMT(test, "abc", "%.*s", 3, "abcdef");
	EXPECT_FMT(test, "100%", "%d%%", 100);
}

/* %c, %C, %wc, %lc: %C and %wc take a WCHAR in a narrow format. */
static void ntshim_crt_format_chars_test(struct kunit *test)
{
	EXPECT_FMT(test, "[x]", "[%c]", 'x');
	EXPECT_FMT(test, "[y]", "[%C]", (WCHAR)'y');
	EXPECT_FMT(test, "[z]", "[%wc]", (WCHAR)'z');
	EXPECT_FMT(test, "[\xc3\xa9]", "[%lc]", (WCHAR)0xe9);
	EXPECT_FMT(test, "[  q]", "[%3c]", 'q');
}

/* Floating point and %n are not supported: an invalid format, -1. */
static void ntshim_crt_format_unsupported_test(struct kunit *test)
{
	char b[16];
	int n;

	KUNIT_EXPECT_EQ(test, _snprintf(b, sizeof(b), "x%n", &n), -1);
	KUNIT_EXPECT_EQ(test, _snprintf(b, sizeof(b), "%q", 1), -1);
	KUNIT_EXPECT_EQ(test, _scprintf("%y"), -1);
}

/* %p prints the kernel's hashed pointer, never a raw address. */
static void ntshim_crt_format_pointer_test(struct kunit *test)
{
	char mine[32], kernel[32];

	_snprintf(mine, sizeof(mine), "%p", test);
	snprintf(kernel, sizeof(kernel), "%p", test);
	KUNIT_EXPECT_STREQ(test, mine, kernel);
}

/* ---- wide output ------------------------------------------------------- */

/* In a wide format %s is a WCHAR string, %S and %hs a narrow one. */
static void ntshim_crt_snwprintf_test(struct kunit *test)
{
	UNICODE_STRING us = RTL_CONSTANT_STRING(L"dev");
	WCHAR b[32];

	KUNIT_EXPECT_EQ(test, _snwprintf(b, 32, L"%s|%S|%hs|%ls|%ws", L"w",
					 "n", "h", L"l", L"ws"), 10);
	KUNIT_EXPECT_EQ(test, wcscmp(b, L"w|n|h|l|ws"), 0);
	KUNIT_EXPECT_EQ(test, _snwprintf(b, 32, L"%wZ:%I64u:%c%C", &us,
					 10000000000ULL, (WCHAR)'w', 'n'),
			18);
	KUNIT_EXPECT_EQ(test, wcscmp(b, L"dev:10000000000:wn"), 0);
}

/* Narrow (UTF-8) text into wide output is decoded. */
static void ntshim_crt_snwprintf_utf8_test(struct kunit *test)
{
	WCHAR b[8];

	KUNIT_EXPECT_EQ(test, _snwprintf(b, 8, L"%S", "\xc3\xbc\xf0\x9f\x98\x80"),
			3);
	KUNIT_EXPECT_EQ(test, b[0], 0xfc);
	KUNIT_EXPECT_EQ(test, b[1], 0xd83d);
	KUNIT_EXPECT_EQ(test, b[2], 0xde00);
	KUNIT_EXPECT_EQ(test, b[3], 0);
}

static void ntshim_crt_snwprintf_truncation_test(struct kunit *test)
{
	WCHAR b[6];

	memset(b, GUARD, sizeof(b));
	KUNIT_EXPECT_EQ(test, _snwprintf(b, 4, L"%d", 1234), 4);
	KUNIT_EXPECT_EQ(test, wcsncmp(b, L"1234", 4), 0);
	KUNIT_EXPECT_EQ(test, b[4], (GUARD << 8) | GUARD);
	KUNIT_EXPECT_EQ(test, _snwprintf(b, 4, L"%d", 12345), -1);
	KUNIT_EXPECT_EQ(test, b[4], (GUARD << 8) | GUARD);
	KUNIT_EXPECT_EQ(test, _scwprintf(L"%ws", L"abc"), 3);
}

/* The _s printfs always terminate, and empty the buffer when too small. */
static void ntshim_crt_sprintf_s_test(struct kunit *test)
{
	char b[8];
	WCHAR w[4];

	KUNIT_EXPECT_EQ(test, sprintf_s(b, sizeof(b), "%s%d", "ab", 7), 3);
	KUNIT_EXPECT_STREQ(test, b, "ab7");
	KUNIT_EXPECT_EQ(test, sprintf_s(b, 4, "%s", "abcd"), -1);
	KUNIT_EXPECT_EQ(test, b[0], 0);
	KUNIT_EXPECT_EQ(test, sprintf_s(b, 5, "%s", "abcd"), 4);
	KUNIT_EXPECT_STREQ(test, b, "abcd");
	KUNIT_EXPECT_EQ(test, swprintf_s(w, 4, L"%d", 123), 3);
	KUNIT_EXPECT_EQ(test, wcscmp(w, L"123"), 0);
	KUNIT_EXPECT_EQ(test, swprintf_s(w, 4, L"%d", 1234), -1);
	KUNIT_EXPECT_EQ(test, w[0], 0);
	KUNIT_EXPECT_EQ(test, sprintf_s(null_ptr, 4, "x"), -1);
}

static struct kunit_case ntshim_crt_cases[] = {
	KUNIT_CASE(ntshim_crt_dbgprint_test),
	KUNIT_CASE(ntshim_crt_wcslen_test),
	KUNIT_CASE(ntshim_crt_wcscmp_test),
	KUNIT_CASE(ntshim_crt_wcsicmp_test),
	KUNIT_CASE(ntshim_crt_wcschr_wcsstr_test),
	KUNIT_CASE(ntshim_crt_wcsncpy_test),
	KUNIT_CASE(ntshim_crt_wcscpy_s_test),
	KUNIT_CASE(ntshim_crt_wcscat_s_test),
	KUNIT_CASE(ntshim_crt_wcsncpy_s_test),
	KUNIT_CASE(ntshim_crt_wcase_test),
	KUNIT_CASE(ntshim_crt_wctype_test),
	KUNIT_CASE(ntshim_crt_strcpy_s_test),
	KUNIT_CASE(ntshim_crt_strcat_s_test),
	KUNIT_CASE(ntshim_crt_strncpy_s_test),
	KUNIT_CASE(ntshim_crt_memcpy_s_test),
	KUNIT_CASE(ntshim_crt_memmove_s_test),
	KUNIT_CASE(ntshim_crt_stricmp_test),
	KUNIT_CASE(ntshim_crt_snprintf_fits_test),
	KUNIT_CASE(ntshim_crt_snprintf_exact_test),
	KUNIT_CASE(ntshim_crt_snprintf_truncated_test),
	KUNIT_CASE(ntshim_crt_vsnprintf_test),
	KUNIT_CASE(ntshim_crt_format_wide_string_test),
	KUNIT_CASE(ntshim_crt_format_utf8_test),
	KUNIT_CASE(ntshim_crt_format_counted_string_test),
	KUNIT_CASE(ntshim_crt_format_sizes_test),
	KUNIT_CASE(ntshim_crt_format_flags_test),
	KUNIT_CASE(ntshim_crt_format_chars_test),
	KUNIT_CASE(ntshim_crt_format_unsupported_test),
	KUNIT_CASE(ntshim_crt_format_pointer_test),
	KUNIT_CASE(ntshim_crt_snwprintf_test),
	KUNIT_CASE(ntshim_crt_snwprintf_utf8_test),
	KUNIT_CASE(ntshim_crt_snwprintf_truncation_test),
	KUNIT_CASE(ntshim_crt_sprintf_s_test),
	{}
};

static struct kunit_suite ntshim_crt_suite = {
	.name = "ntshim_crt",
	.test_cases = ntshim_crt_cases,
};

kunit_test_suite(ntshim_crt_suite);
