// SPDX-License-Identifier: GPL-2.0
/*
 * UNICODE_STRING and ANSI_STRING routines.  Every routine first takes a
 * checked view of its strings (rtl_ustr_src()/rtl_ustr_dst()), so a
 * malformed string is reported once and then only its safe part is used.
 */
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/mm.h>
#include <linux/nls.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <ntshim/pool.h>
#include <ntshim/rtl.h>
#include <ntshim/tag.h>
#include <ntshim/unicode.h>
#include <ntshim/violation.h>

/*
 * String buffers for AllocateDestinationString come from the paged pool
 * under one tag, so they show in pooltags and a bad
 * RtlFree*String() is caught by the pool's free checks.
 */
#define RTL_STRING_TAG NTSHIM_TAG('S', 't', 'r', 'g')

static void *rtl_string_alloc(size_t n)
{
	return ExAllocatePoolWithTag(PagedPool, n, RTL_STRING_TAG);
}

static void rtl_string_free(void *p)
{
	ExFreePoolWithTag(p, RTL_STRING_TAG);
}

/* A checked view of a counted string: lengths in bytes, both even. */
struct rtl_ustr {
	WCHAR *buf;
	unsigned int len;	/* bytes in use, <= max */
	unsigned int max;	/* bytes at buf */
};

static void rtl_bad_string(const void *us, unsigned long caller,
			   const char *what, unsigned int len, unsigned int max)
{
	ntshim_violation(NTSHIM_V_RTL_BAD_STRING, 0, us, caller,
			 "%s (Length %u MaximumLength %u)", what, len, max);
}

/* A string that is read: only Length bytes matter. */
static struct rtl_ustr rtl_ustr_src(PCUNICODE_STRING us, unsigned long caller)
{
	struct rtl_ustr v = {
		.buf = us->Buffer,
		.len = us->Length,
		.max = us->MaximumLength,
	};

	if (unlikely(v.len & 1)) {
		rtl_bad_string(us, caller, "odd Length", v.len, v.max);
		v.len &= ~1u;
	}
	if (unlikely(v.len > v.max)) {
		rtl_bad_string(us, caller, "Length > MaximumLength", v.len,
			       v.max);
		v.len = v.max & ~1u;
	}
	if (unlikely(!v.buf && v.len)) {
		rtl_bad_string(us, caller, "NULL Buffer", v.len, v.max);
		v.len = 0;
	}
	v.max &= ~1u;
	return v;
}

/* A string that is written: MaximumLength bytes must be writable. */
static struct rtl_ustr rtl_ustr_dst(PCUNICODE_STRING us, unsigned long caller)
{
	struct rtl_ustr v = {
		.buf = us->Buffer,
		.len = us->Length,
		.max = us->MaximumLength,
	};

	if (unlikely((v.len | v.max) & 1)) {
		rtl_bad_string(us, caller, "odd length", v.len, v.max);
		v.len &= ~1u;
		v.max &= ~1u;
	}
	if (unlikely(!v.buf && v.max)) {
		rtl_bad_string(us, caller, "NULL Buffer", v.len, v.max);
		v.max = 0;
	}
	if (unlikely(v.len > v.max)) {
		rtl_bad_string(us, caller, "Length > MaximumLength", v.len,
			       v.max);
		v.len = v.max;
	}
	return v;
}

static bool rtl_null_arg(const void *p, const char *fn, unsigned long caller)
{
	if (likely(p))
		return false;
	ntshim_violation(NTSHIM_V_RTL_BAD_STRING, 0, NULL, caller,
			 "%s: NULL string", fn);
	return true;
}

void RtlInitUnicodeString(PUNICODE_STRING DestinationString,
			  PCWSTR SourceString)
{
	/* Room for the NUL must remain: at most 65532 bytes of text. */
	const size_t max_chars = UNICODE_STRING_MAX_CHARS - 1;
	size_t n = 0;

	if (rtl_null_arg(DestinationString, __func__, _RET_IP_))
		return;
	DestinationString->Buffer = (PWCH)SourceString;
	if (!SourceString) {
		DestinationString->Length = 0;
		DestinationString->MaximumLength = 0;
		return;
	}
	while (n < max_chars && SourceString[n])
		n++;
	DestinationString->Length = n * sizeof(WCHAR);
	DestinationString->MaximumLength = (n + 1) * sizeof(WCHAR);
}
EXPORT_SYMBOL_GPL(RtlInitUnicodeString);

void RtlInitAnsiString(PANSI_STRING DestinationString, PCSZ SourceString)
{
	size_t n;

	if (rtl_null_arg(DestinationString, __func__, _RET_IP_))
		return;
	DestinationString->Buffer = (PCHAR)SourceString;
	if (!SourceString) {
		DestinationString->Length = 0;
		DestinationString->MaximumLength = 0;
		return;
	}
	n = strnlen(SourceString, MAXUSHORT - 1);
	DestinationString->Length = n;
	DestinationString->MaximumLength = n + 1;
}
EXPORT_SYMBOL_GPL(RtlInitAnsiString);

void RtlInitString(PSTRING DestinationString, PCSZ SourceString)
{
	RtlInitAnsiString(DestinationString, SourceString);
}
EXPORT_SYMBOL_GPL(RtlInitString);

/* Write a NUL after @len bytes if a whole WCHAR of room is left. */
static void rtl_terminate(WCHAR *buf, unsigned int len, unsigned int max)
{
	if (len + sizeof(WCHAR) <= max)
		buf[len / sizeof(WCHAR)] = UNICODE_NULL;
}

void RtlCopyUnicodeString(PUNICODE_STRING DestinationString,
			  PCUNICODE_STRING SourceString)
{
	struct rtl_ustr d, s;
	unsigned int n;

	if (rtl_null_arg(DestinationString, __func__, _RET_IP_))
		return;
	if (!SourceString) {
		DestinationString->Length = 0;
		return;
	}
	d = rtl_ustr_dst(DestinationString, _RET_IP_);
	s = rtl_ustr_src(SourceString, _RET_IP_);
	n = min(s.len, d.max);
	if (n)
		memmove(d.buf, s.buf, n);
	DestinationString->Length = n;
	if (d.buf)
		rtl_terminate(d.buf, n, d.max);
}
EXPORT_SYMBOL_GPL(RtlCopyUnicodeString);

/* Append @n bytes at @src to @dst, or change nothing if they do not fit. */
static NTSTATUS rtl_append(PUNICODE_STRING dst, const WCHAR *src,
			   unsigned int n, unsigned long caller)
{
	struct rtl_ustr d = rtl_ustr_dst(dst, caller);

	if (!n)
		return STATUS_SUCCESS;
	if (d.len + n > d.max)
		return STATUS_BUFFER_TOO_SMALL;
	memmove((u8 *)d.buf + d.len, src, n);
	dst->Length = d.len + n;
	rtl_terminate(d.buf, d.len + n, d.max);
	return STATUS_SUCCESS;
}

NTSTATUS RtlAppendUnicodeStringToString(PUNICODE_STRING Destination,
					PCUNICODE_STRING Source)
{
	struct rtl_ustr s;

	if (rtl_null_arg(Destination, __func__, _RET_IP_))
		return STATUS_INVALID_PARAMETER_1;
	if (rtl_null_arg(Source, __func__, _RET_IP_))
		return STATUS_INVALID_PARAMETER_2;
	s = rtl_ustr_src(Source, _RET_IP_);
	return rtl_append(Destination, s.buf, s.len, _RET_IP_);
}
EXPORT_SYMBOL_GPL(RtlAppendUnicodeStringToString);

NTSTATUS RtlAppendUnicodeToString(PUNICODE_STRING Destination,
				  PCWSTR Source)
{
	struct rtl_ustr d;
	size_t room, n = 0;

	if (rtl_null_arg(Destination, __func__, _RET_IP_))
		return STATUS_INVALID_PARAMETER_1;
	if (!Source)
		return STATUS_SUCCESS;
	d = rtl_ustr_dst(Destination, _RET_IP_);
	room = (d.max - d.len) / sizeof(WCHAR);
	/* Read no further than the room left (plus one to see it overflow). */
	while (n <= room && Source[n])
		n++;
	if (n > room)
		return STATUS_BUFFER_TOO_SMALL;
	return rtl_append(Destination, Source, n * sizeof(WCHAR), _RET_IP_);
}
EXPORT_SYMBOL_GPL(RtlAppendUnicodeToString);

WCHAR RtlUpcaseUnicodeChar(WCHAR c)
{
	if (c < 'a')
		return c;
	if (c <= 'z')
		return c - ('a' - 'A');
	if (c < 0xe0)		/* incl. U+00B5 MICRO SIGN, U+00DF sharp s */
		return c;
	if (c <= 0xfe)
		return c == 0xf7 ? c : c - 0x20;	/* U+00F7 is '÷' */
	if (c == 0xff)
		return 0x178;
	if (c <= 0x17f) {	/* Latin Extended-A: upper/lower pairs */
		if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 ||
		    c == 0x178 || c == 0x17f)
			return c;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
			return (c & 1) ? c : c - 1;	/* odd is upper */
		return (c & 1) ? c - 1 : c;		/* even is upper */
	}
	if (c >= 0x3b1 && c <= 0x3cb && c != 0x3c2)	/* Greek */
		return c - 0x20;
	if (c >= 0x430 && c <= 0x44f)			/* Cyrillic */
		return c - 0x20;
	if (c >= 0x450 && c <= 0x45f)
		return c - 0x50;
	return c;
}
EXPORT_SYMBOL_GPL(RtlUpcaseUnicodeChar);

WCHAR RtlDowncaseUnicodeChar(WCHAR c)
{
	if (c < 'A')
		return c;
	if (c <= 'Z')
		return c + ('a' - 'A');
	if (c < 0xc0)
		return c;
	if (c <= 0xde)
		return c == 0xd7 ? c : c + 0x20;	/* U+00D7 is '×' */
	if (c < 0x100)
		return c;
	if (c == 0x178)
		return 0xff;
	if (c <= 0x17f) {
		if (c == 0x130 || c == 0x131 || c == 0x138 || c == 0x149 ||
		    c == 0x17f)
			return c;
		if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
			return (c & 1) ? c + 1 : c;
		return (c & 1) ? c : c + 1;
	}
	if (c >= 0x391 && c <= 0x3ab && c != 0x3a2)
		return c + 0x20;
	if (c >= 0x410 && c <= 0x42f)
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40f)
		return c + 0x50;
	return c;
}
EXPORT_SYMBOL_GPL(RtlDowncaseUnicodeChar);

/* Compare @n WCHARs; the signed difference of the first pair that differs. */
static LONG rtl_wcsncmp(const WCHAR *a, const WCHAR *b, unsigned int n,
			BOOLEAN ci)
{
	unsigned int i;

	for (i = 0; i < n; i++) {
		WCHAR x = a[i], y = b[i];

		if (ci) {
			x = RtlUpcaseUnicodeChar(x);
			y = RtlUpcaseUnicodeChar(y);
		}
		if (x != y)
			return (LONG)x - (LONG)y;
	}
	return 0;
}

LONG RtlCompareUnicodeString(PCUNICODE_STRING String1,
			     PCUNICODE_STRING String2,
			     BOOLEAN CaseInSensitive)
{
	struct rtl_ustr a, b;
	LONG r;

	if (rtl_null_arg(String1, __func__, _RET_IP_) ||
	    rtl_null_arg(String2, __func__, _RET_IP_))
		return String1 ? 1 : (String2 ? -1 : 0);
	a = rtl_ustr_src(String1, _RET_IP_);
	b = rtl_ustr_src(String2, _RET_IP_);
	r = rtl_wcsncmp(a.buf, b.buf, min(a.len, b.len) / sizeof(WCHAR),
			CaseInSensitive);
	return r ? r : (LONG)a.len - (LONG)b.len;
}
EXPORT_SYMBOL_GPL(RtlCompareUnicodeString);

BOOLEAN RtlEqualUnicodeString(PCUNICODE_STRING String1,
			      PCUNICODE_STRING String2,
			      BOOLEAN CaseInSensitive)
{
	struct rtl_ustr a, b;

	if (rtl_null_arg(String1, __func__, _RET_IP_) ||
	    rtl_null_arg(String2, __func__, _RET_IP_))
		return String1 == String2;
	a = rtl_ustr_src(String1, _RET_IP_);
	b = rtl_ustr_src(String2, _RET_IP_);
	if (a.len != b.len)
		return FALSE;
	return !rtl_wcsncmp(a.buf, b.buf, a.len / sizeof(WCHAR),
			    CaseInSensitive);
}
EXPORT_SYMBOL_GPL(RtlEqualUnicodeString);

BOOLEAN RtlPrefixUnicodeString(PCUNICODE_STRING String1,
			       PCUNICODE_STRING String2,
			       BOOLEAN CaseInSensitive)
{
	struct rtl_ustr a, b;

	if (rtl_null_arg(String1, __func__, _RET_IP_) ||
	    rtl_null_arg(String2, __func__, _RET_IP_))
		return FALSE;
	a = rtl_ustr_src(String1, _RET_IP_);
	b = rtl_ustr_src(String2, _RET_IP_);
	if (a.len > b.len)
		return FALSE;
	return !rtl_wcsncmp(a.buf, b.buf, a.len / sizeof(WCHAR),
			    CaseInSensitive);
}
EXPORT_SYMBOL_GPL(RtlPrefixUnicodeString);

static NTSTATUS rtl_map_case(PUNICODE_STRING dst, PCUNICODE_STRING src,
			     BOOLEAN alloc, WCHAR (*map)(WCHAR),
			     unsigned long caller)
{
	struct rtl_ustr s, d;
	unsigned int i;
	WCHAR *buf;

	if (rtl_null_arg(dst, "Rtl*caseUnicodeString", caller))
		return STATUS_INVALID_PARAMETER_1;
	if (rtl_null_arg(src, "Rtl*caseUnicodeString", caller))
		return STATUS_INVALID_PARAMETER_2;
	s = rtl_ustr_src(src, caller);
	if (alloc) {
		/* never a zero-size block: the pool rejects those */
		buf = rtl_string_alloc(max_t(size_t, s.len, sizeof(WCHAR)));
		if (!buf)
			return STATUS_NO_MEMORY;
		dst->MaximumLength = s.len;
	} else {
		d = rtl_ustr_dst(dst, caller);
		if (s.len > d.max)
			return STATUS_BUFFER_OVERFLOW;
		buf = d.buf;
	}
	for (i = 0; i < s.len / sizeof(WCHAR); i++)
		buf[i] = map(s.buf[i]);	/* in place is fine: same index */
	dst->Buffer = buf;
	dst->Length = s.len;
	return STATUS_SUCCESS;
}

NTSTATUS RtlUpcaseUnicodeString(PUNICODE_STRING DestinationString,
				PCUNICODE_STRING SourceString,
				BOOLEAN AllocateDestinationString)
{
	return rtl_map_case(DestinationString, SourceString,
			    AllocateDestinationString, RtlUpcaseUnicodeChar,
			    _RET_IP_);
}
EXPORT_SYMBOL_GPL(RtlUpcaseUnicodeString);

NTSTATUS RtlDowncaseUnicodeString(PUNICODE_STRING DestinationString,
				  PCUNICODE_STRING SourceString,
				  BOOLEAN AllocateDestinationString)
{
	return rtl_map_case(DestinationString, SourceString,
			    AllocateDestinationString, RtlDowncaseUnicodeChar,
			    _RET_IP_);
}
EXPORT_SYMBOL_GPL(RtlDowncaseUnicodeString);

/*
 * UTF-16 <-> UTF-8 a character at a time with the kernel's
 * utf32_to_utf8()/utf8_to_utf32().  The string helpers utf16s_to_utf8s()
 * and utf8s_to_utf16s() do not fit: they stop at the first NUL (counted
 * strings may embed NULs), drop unpaired surrogates silently and give up
 * on the first malformed UTF-8 byte.
 */
#define RTL_REPLACEMENT_CHAR 0xfffd
#define RTL_SURROGATE(c) (((c) & 0xf800) == 0xd800)
#define RTL_HIGH_SURROGATE(c) (((c) & 0xfc00) == 0xd800)
#define RTL_LOW_SURROGATE(c) (((c) & 0xfc00) == 0xdc00)

/* The code point at @in[*i], advancing *i past it. */
static unicode_t rtl_utf16_next(const WCHAR *in, unsigned int n,
				unsigned int *i)
{
	WCHAR c = in[(*i)++];

	if (!RTL_SURROGATE(c))
		return c;
	if (RTL_HIGH_SURROGATE(c) && *i < n && RTL_LOW_SURROGATE(in[*i]))
		return 0x10000 + ((c & 0x3ff) << 10) + (in[(*i)++] & 0x3ff);
	return RTL_REPLACEMENT_CHAR;	/* unpaired */
}

/*
 * UTF-16 (@n units) to UTF-8.  Writes whole characters only, at most
 * @outmax bytes (@out may be NULL to measure).  Sets *@cut if some input
 * was left over.  Return: bytes of output.
 */
static size_t rtl_utf16_to_utf8(const WCHAR *in, unsigned int n, u8 *out,
				size_t outmax, bool *cut)
{
	unsigned int i = 0;
	size_t pos = 0;

	*cut = false;
	while (i < n) {
		unsigned int start = i;
		u8 tmp[4];
		int k = utf32_to_utf8(rtl_utf16_next(in, n, &i), tmp,
				      sizeof(tmp));

		if (k <= 0)	/* cannot happen for a valid code point */
			k = utf32_to_utf8(RTL_REPLACEMENT_CHAR, tmp,
					  sizeof(tmp));
		if (pos + k > outmax) {
			i = start;
			*cut = true;
			break;
		}
		if (out)
			memcpy(out + pos, tmp, k);
		pos += k;
	}
	return pos;
}

/*
 * UTF-8 (@n bytes) to UTF-16.  Writes at most @outmax units (@out may be
 * NULL to measure); a pair is never split.  Return: units of output.
 */
static size_t rtl_utf8_to_utf16(const u8 *in, unsigned int n, WCHAR *out,
				size_t outmax)
{
	unsigned int i = 0;
	size_t pos = 0;

	while (i < n) {
		unicode_t u;
		int k = 1;

		if (in[i] < 0x80) {
			u = in[i];
		} else {
			k = utf8_to_utf32(in + i, n - i, &u);
			if (k <= 0) {
				u = RTL_REPLACEMENT_CHAR;
				k = 1;	/* resynchronise on the next byte */
			}
		}
		if (u >= 0x10000) {
			if (pos + 2 > outmax)
				break;
			if (out) {
				u -= 0x10000;
				out[pos] = 0xd800 | (u >> 10);
				out[pos + 1] = 0xdc00 | (u & 0x3ff);
			}
			pos += 2;
		} else {
			if (pos + 1 > outmax)
				break;
			if (out)
				out[pos] = u;
			pos++;
		}
		i += k;
	}
	return pos;
}

ULONG RtlxUnicodeStringToAnsiSize(PCUNICODE_STRING UnicodeString)
{
	struct rtl_ustr s;
	bool cut;

	if (rtl_null_arg(UnicodeString, __func__, _RET_IP_))
		return 1;
	s = rtl_ustr_src(UnicodeString, _RET_IP_);
	return rtl_utf16_to_utf8(s.buf, s.len / sizeof(WCHAR), NULL, SIZE_MAX,
				 &cut) + 1;
}
EXPORT_SYMBOL_GPL(RtlxUnicodeStringToAnsiSize);

ULONG RtlxAnsiStringToUnicodeSize(PCANSI_STRING AnsiString)
{
	unsigned int len;

	if (rtl_null_arg(AnsiString, __func__, _RET_IP_))
		return sizeof(WCHAR);
	len = AnsiString->Buffer ? min(AnsiString->Length,
				       AnsiString->MaximumLength) : 0;
	return (rtl_utf8_to_utf16((const u8 *)AnsiString->Buffer, len, NULL,
				  SIZE_MAX) + 1) * sizeof(WCHAR);
}
EXPORT_SYMBOL_GPL(RtlxAnsiStringToUnicodeSize);

NTSTATUS RtlUnicodeStringToAnsiString(PANSI_STRING DestinationString,
				      PCUNICODE_STRING SourceString,
				      BOOLEAN AllocateDestinationString)
{
	struct rtl_ustr s;
	size_t need;
	bool cut;
	char *buf;

	if (rtl_null_arg(DestinationString, __func__, _RET_IP_))
		return STATUS_INVALID_PARAMETER_1;
	if (rtl_null_arg(SourceString, __func__, _RET_IP_))
		return STATUS_INVALID_PARAMETER_2;
	s = rtl_ustr_src(SourceString, _RET_IP_);
	need = rtl_utf16_to_utf8(s.buf, s.len / sizeof(WCHAR), NULL, SIZE_MAX,
				 &cut) + 1;
	if (need > MAXUSHORT)
		return STATUS_INVALID_PARAMETER_2;

	if (AllocateDestinationString) {
		buf = rtl_string_alloc(need);
		if (!buf)
			return STATUS_NO_MEMORY;
		DestinationString->MaximumLength = need;
	} else {
		unsigned int max = DestinationString->Buffer ?
				   DestinationString->MaximumLength : 0;

		if (need > max)
			return STATUS_BUFFER_OVERFLOW;
		buf = DestinationString->Buffer;
	}
	rtl_utf16_to_utf8(s.buf, s.len / sizeof(WCHAR), (u8 *)buf, need - 1,
			  &cut);
	buf[need - 1] = ANSI_NULL;
	DestinationString->Buffer = buf;
	DestinationString->Length = need - 1;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(RtlUnicodeStringToAnsiString);

NTSTATUS RtlAnsiStringToUnicodeString(PUNICODE_STRING DestinationString,
				      PCANSI_STRING SourceString,
				      BOOLEAN AllocateDestinationString)
{
	const u8 *in;
	unsigned int len;
	size_t units, need;
	WCHAR *buf;

	if (rtl_null_arg(DestinationString, __func__, _RET_IP_))
		return STATUS_INVALID_PARAMETER_1;
	if (rtl_null_arg(SourceString, __func__, _RET_IP_))
		return STATUS_INVALID_PARAMETER_2;
	in = (const u8 *)SourceString->Buffer;
	len = SourceString->Length;
	if (unlikely(len > SourceString->MaximumLength || (!in && len))) {
		rtl_bad_string(SourceString, _RET_IP_, "bad ANSI_STRING", len,
			       SourceString->MaximumLength);
		len = in ? SourceString->MaximumLength : 0;
	}
	units = rtl_utf8_to_utf16(in, len, NULL, SIZE_MAX);
	need = (units + 1) * sizeof(WCHAR);
	if (need > UNICODE_STRING_MAX_BYTES)
		return STATUS_INVALID_PARAMETER_2;

	if (AllocateDestinationString) {
		buf = rtl_string_alloc(need);
		if (!buf)
			return STATUS_NO_MEMORY;
		DestinationString->MaximumLength = need;
	} else {
		struct rtl_ustr d = rtl_ustr_dst(DestinationString, _RET_IP_);

		if (need > d.max)
			return STATUS_BUFFER_OVERFLOW;
		buf = d.buf;
	}
	rtl_utf8_to_utf16(in, len, buf, units);
	buf[units] = UNICODE_NULL;
	DestinationString->Buffer = buf;
	DestinationString->Length = units * sizeof(WCHAR);
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(RtlAnsiStringToUnicodeString);

void RtlFreeUnicodeString(PUNICODE_STRING UnicodeString)
{
	if (!UnicodeString)
		return;
	if (UnicodeString->Buffer)
		rtl_string_free(UnicodeString->Buffer);
	UnicodeString->Buffer = NULL;
	UnicodeString->Length = 0;
	UnicodeString->MaximumLength = 0;
}
EXPORT_SYMBOL_GPL(RtlFreeUnicodeString);

void RtlFreeAnsiString(PANSI_STRING AnsiString)
{
	if (!AnsiString)
		return;
	if (AnsiString->Buffer)
		rtl_string_free(AnsiString->Buffer);
	AnsiString->Buffer = NULL;
	AnsiString->Length = 0;
	AnsiString->MaximumLength = 0;
}
EXPORT_SYMBOL_GPL(RtlFreeAnsiString);

char *ntshim_ustr_to_cstr(char *buf, size_t size, PCUNICODE_STRING us)
{
	static const char ellipsis[] = "...";
	struct rtl_ustr s;
	size_t pos, i;
	bool cut;

	if (!size)
		return buf;
	if (!us) {
		strscpy(buf, "(null)", size);
		return buf;
	}
	s = rtl_ustr_src(us, _RET_IP_);
	pos = rtl_utf16_to_utf8(s.buf, s.len / sizeof(WCHAR), (u8 *)buf,
				size - 1, &cut);
	if (cut && size > sizeof(ellipsis)) {
		/* make room for "...", backing up to a character boundary */
		size_t end = min(pos, size - sizeof(ellipsis));

		while (end && end < pos && ((u8)buf[end] & 0xc0) == 0x80)
			end--;
		memcpy(buf + end, ellipsis, sizeof(ellipsis) - 1);
		pos = end + sizeof(ellipsis) - 1;
	}
	buf[pos] = '\0';
	for (i = 0; i < pos; i++)	/* one log line, no hidden NULs */
		if ((u8)buf[i] < 0x20 || buf[i] == 0x7f)
			buf[i] = '?';
	return buf;
}
EXPORT_SYMBOL_GPL(ntshim_ustr_to_cstr);
