// SPDX-License-Identifier: GPL-2.0
/*
 * The DDK's C runtime subset: wide strings, the _s routines, case
 * mapping, and the printf family with Windows' format extensions.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/errno.h>
#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/nls.h>
#include <linux/string.h>
#include <ntshim/crt.h>
#include <ntshim/unicode.h>

/* ---- wide strings ----------------------------------------------------- */

size_t wcslen(const WCHAR *s)
{
	const WCHAR *p = s;

	while (*p)
		p++;
	return p - s;
}
EXPORT_SYMBOL_GPL(wcslen);

size_t wcsnlen(const WCHAR *s, size_t maxlen)
{
	size_t n = 0;

	while (n < maxlen && s[n])
		n++;
	return n;
}
EXPORT_SYMBOL_GPL(wcsnlen);

int wcsncmp(const WCHAR *s1, const WCHAR *s2, size_t count)
{
	for (; count; count--, s1++, s2++) {
		if (*s1 != *s2)
			return *s1 < *s2 ? -1 : 1;
		if (!*s1)
			break;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(wcsncmp);

int wcscmp(const WCHAR *s1, const WCHAR *s2)
{
	return wcsncmp(s1, s2, SIZE_MAX);
}
EXPORT_SYMBOL_GPL(wcscmp);

wint_t towupper(wint_t c)
{
	return c > 0xffff ? c : RtlUpcaseUnicodeChar(c);
}
EXPORT_SYMBOL_GPL(towupper);

wint_t towlower(wint_t c)
{
	return c > 0xffff ? c : RtlDowncaseUnicodeChar(c);
}
EXPORT_SYMBOL_GPL(towlower);

int _wcsnicmp(const WCHAR *s1, const WCHAR *s2, size_t count)
{
	for (; count; count--, s1++, s2++) {
		WCHAR a = towlower(*s1), b = towlower(*s2);

		if (a != b)
			return a < b ? -1 : 1;
		if (!a)
			break;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(_wcsnicmp);

int _wcsicmp(const WCHAR *s1, const WCHAR *s2)
{
	return _wcsnicmp(s1, s2, SIZE_MAX);
}
EXPORT_SYMBOL_GPL(_wcsicmp);

WCHAR *wcschr(const WCHAR *s, WCHAR c)
{
	for (;; s++) {
		if (*s == c)
			return (WCHAR *)s;
		if (!*s)
			return NULL;
	}
}
EXPORT_SYMBOL_GPL(wcschr);

WCHAR *wcsrchr(const WCHAR *s, WCHAR c)
{
	const WCHAR *last = NULL;

	for (;; s++) {
		if (*s == c)
			last = s;
		if (!*s)
			return (WCHAR *)last;
	}
}
EXPORT_SYMBOL_GPL(wcsrchr);

WCHAR *wcsstr(const WCHAR *s, const WCHAR *sub)
{
	size_t n = wcslen(sub);

	if (!n)
		return (WCHAR *)s;
	for (; *s; s++)
		if (*s == *sub && !wcsncmp(s, sub, n))
			return (WCHAR *)s;
	return NULL;
}
EXPORT_SYMBOL_GPL(wcsstr);

WCHAR *wcsncpy(WCHAR *dest, const WCHAR *src, size_t count)
{
	size_t i = 0;

	for (; i < count && src[i]; i++)
		dest[i] = src[i];
	for (; i < count; i++)
		dest[i] = 0;
	return dest;
}
EXPORT_SYMBOL_GPL(wcsncpy);

WCHAR *_wcsupr(WCHAR *s)
{
	WCHAR *p;

	for (p = s; *p; p++)
		*p = towupper(*p);
	return s;
}
EXPORT_SYMBOL_GPL(_wcsupr);

WCHAR *_wcslwr(WCHAR *s)
{
	WCHAR *p;

	for (p = s; *p; p++)
		*p = towlower(*p);
	return s;
}
EXPORT_SYMBOL_GPL(_wcslwr);

int iswdigit(wint_t c)
{
	return c >= '0' && c <= '9';
}
EXPORT_SYMBOL_GPL(iswdigit);

int iswxdigit(wint_t c)
{
	return iswdigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
EXPORT_SYMBOL_GPL(iswxdigit);

int iswspace(wint_t c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}
EXPORT_SYMBOL_GPL(iswspace);

int iswupper(wint_t c)
{
	return towlower(c) != c;
}
EXPORT_SYMBOL_GPL(iswupper);

int iswlower(wint_t c)
{
	return towupper(c) != c;
}
EXPORT_SYMBOL_GPL(iswlower);

int iswalpha(wint_t c)
{
	if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
		return 1;
	/* Latin-1 letters, including ß, ÿ, ª, µ, º that have no other case */
	if (c == 0xaa || c == 0xb5 || c == 0xba ||
	    (c >= 0xc0 && c <= 0xff && c != 0xd7 && c != 0xf7))
		return 1;
	return iswupper(c) || iswlower(c);
}
EXPORT_SYMBOL_GPL(iswalpha);

/*
 * The _s copies for both widths: @unit is 1 or 2, @dest and @src point to
 * CHARs or WCHARs.  Microsoft's order of checks: the destination first
 * (untouched if unusable), then the source, then the room.
 */
static inline unsigned int crt_get(const void *p, size_t i, size_t unit)
{
	return unit == 1 ? ((const u8 *)p)[i] : ((const u16 *)p)[i];
}

static inline void crt_put(void *p, size_t i, size_t unit, unsigned int c)
{
	if (unit == 1)
		((u8 *)p)[i] = c;
	else
		((u16 *)p)[i] = c;
}

static errno_t crt_ncpy_s(void *dest, rsize_t size, const void *src,
			  rsize_t count, size_t unit, size_t start)
{
	size_t i;

	if (!src) {
		crt_put(dest, 0, unit, 0);
		return EINVAL;
	}
	for (i = 0; i < count; i++) {
		unsigned int c = crt_get(src, i, unit);

		if (!c)
			break;
		if (start + i >= size - 1) {
			if (count == _TRUNCATE) {
				crt_put(dest, size - 1, unit, 0);
				return STRUNCATE;
			}
			crt_put(dest, 0, unit, 0);
			return ERANGE;
		}
		crt_put(dest, start + i, unit, c);
	}
	crt_put(dest, start + i, unit, 0);
	return 0;
}

static errno_t crt_cat_s(void *dest, rsize_t size, const void *src,
			 size_t unit)
{
	size_t len = 0;

	if (!dest || !size)
		return EINVAL;
	if (!src) {
		crt_put(dest, 0, unit, 0);
		return EINVAL;
	}
	while (len < size && crt_get(dest, len, unit))
		len++;
	if (len == size) {
		/* no NUL in the destination: not a string */
		crt_put(dest, 0, unit, 0);
		return EINVAL;
	}
	return crt_ncpy_s(dest, size, src, SIZE_MAX - 1, unit, len);
}

errno_t wcscpy_s(WCHAR *dest, rsize_t size, const WCHAR *src)
{
	if (!dest || !size)
		return EINVAL;
	return crt_ncpy_s(dest, size, src, SIZE_MAX - 1, sizeof(WCHAR), 0);
}
EXPORT_SYMBOL_GPL(wcscpy_s);

errno_t wcscat_s(WCHAR *dest, rsize_t size, const WCHAR *src)
{
	return crt_cat_s(dest, size, src, sizeof(WCHAR));
}
EXPORT_SYMBOL_GPL(wcscat_s);

errno_t wcsncpy_s(WCHAR *dest, rsize_t size, const WCHAR *src,
		  rsize_t count)
{
	if (!count && !dest && !size)
		return 0;
	if (!dest || !size)
		return EINVAL;
	if (!count) {
		dest[0] = 0;
		return 0;
	}
	return crt_ncpy_s(dest, size, src, count, sizeof(WCHAR), 0);
}
EXPORT_SYMBOL_GPL(wcsncpy_s);

errno_t strcpy_s(char *dest, rsize_t size, const char *src)
{
	if (!dest || !size)
		return EINVAL;
	return crt_ncpy_s(dest, size, src, SIZE_MAX - 1, 1, 0);
}
EXPORT_SYMBOL_GPL(strcpy_s);

errno_t strcat_s(char *dest, rsize_t size, const char *src)
{
	return crt_cat_s(dest, size, src, 1);
}
EXPORT_SYMBOL_GPL(strcat_s);

errno_t strncpy_s(char *dest, rsize_t size, const char *src, rsize_t count)
{
	if (!count && !dest && !size)
		return 0;
	if (!dest || !size)
		return EINVAL;
	if (!count) {
		dest[0] = 0;
		return 0;
	}
	return crt_ncpy_s(dest, size, src, count, 1, 0);
}
EXPORT_SYMBOL_GPL(strncpy_s);

errno_t memcpy_s(void *dest, rsize_t destsize, const void *src,
		 rsize_t count)
{
	if (!count)
		return 0;
	if (!dest)
		return EINVAL;
	if (!src || destsize < count) {
		memset(dest, 0, destsize);
		return src ? ERANGE : EINVAL;
	}
	memcpy(dest, src, count);
	return 0;
}
EXPORT_SYMBOL_GPL(memcpy_s);

errno_t memmove_s(void *dest, rsize_t destsize, const void *src,
		  rsize_t count)
{
	if (!count)
		return 0;
	if (!dest || !src)
		return EINVAL;
	if (destsize < count)
		return ERANGE;
	memmove(dest, src, count);
	return 0;
}
EXPORT_SYMBOL_GPL(memmove_s);

static inline int crt_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

int _strnicmp(const char *s1, const char *s2, size_t count)
{
	for (; count; count--, s1++, s2++) {
		int a = crt_lower((u8)*s1), b = crt_lower((u8)*s2);

		if (a != b)
			return a - b;
		if (!a)
			break;
	}
	return 0;
}
EXPORT_SYMBOL_GPL(_strnicmp);

int _stricmp(const char *s1, const char *s2)
{
	return _strnicmp(s1, s2, SIZE_MAX);
}
EXPORT_SYMBOL_GPL(_stricmp);

char *_strupr(char *s)
{
	char *p;

	for (p = s; *p; p++)
		if (*p >= 'a' && *p <= 'z')
			*p -= 'a' - 'A';
	return s;
}
EXPORT_SYMBOL_GPL(_strupr);

char *_strlwr(char *s)
{
	char *p;

	for (p = s; *p; p++)
		*p = crt_lower((u8)*p);
	return s;
}
EXPORT_SYMBOL_GPL(_strlwr);

/* ---- the format engine ------------------------------------------------ */

struct fmt_out {
	void *buf;
	size_t cap;	/* units that may be stored */
	size_t len;	/* units produced, stored or not */
	bool wide;
};

static void out_unit(struct fmt_out *o, unsigned int u)
{
	if (o->len < o->cap)
		crt_put(o->buf, o->len, o->wide ? 2 : 1, u);
	o->len++;
}

/* One code point: UTF-16 into wide output, UTF-8 into narrow output. */
static void out_cp(struct fmt_out *o, unicode_t cp)
{
	u8 tmp[4];
	int i, n;

	if (o->wide) {
		if (cp >= 0x10000) {
			cp -= 0x10000;
			out_unit(o, 0xd800 | (cp >> 10));
			out_unit(o, 0xdc00 | (cp & 0x3ff));
		} else {
			out_unit(o, cp);
		}
		return;
	}
	if (cp < 0x80) {
		out_unit(o, cp);
		return;
	}
	n = utf32_to_utf8(cp, tmp, sizeof(tmp));
	if (n <= 0)
		n = utf32_to_utf8(0xfffd, tmp, sizeof(tmp));
	for (i = 0; i < n; i++)
		out_unit(o, tmp[i]);
}

static void out_pad(struct fmt_out *o, size_t n, char c)
{
	while (n--)
		out_unit(o, c);
}

/*
 * A string argument, @n source units of @src (narrow or wide), into @o,
 * converting between widths when they differ.
 */
static void out_str_units(struct fmt_out *o, const void *src, bool src_wide,
			  size_t n)
{
	size_t i = 0;

	if (src_wide == o->wide) {
		for (; i < n; i++)
			out_unit(o, crt_get(src, i, src_wide ? 2 : 1));
		return;
	}
	while (i < n) {
		unicode_t cp;

		if (src_wide) {
			const u16 *w = src;

			cp = w[i++];
			if (cp >= 0xd800 && cp < 0xdc00 && i < n &&
			    w[i] >= 0xdc00 && w[i] < 0xe000)
				cp = 0x10000 + ((cp - 0xd800) << 10) +
				     (w[i++] - 0xdc00);
			else if (cp >= 0xd800 && cp < 0xe000)
				cp = 0xfffd;
		} else {
			const u8 *s = src;
			int used;

			if (s[i] < 0x80) {
				cp = s[i++];
			} else {
				used = utf8_to_utf32(s + i, min_t(size_t, n - i, 6),
						     &cp);
				if (used <= 0) {
					cp = 0xfffd;
					used = 1;
				}
				i += used;
			}
		}
		out_cp(o, cp);
	}
}

/* Output units out_str_units() would produce. */
static size_t str_out_len(const void *src, bool src_wide, size_t n, bool wide)
{
	struct fmt_out count = { .wide = wide };

	out_str_units(&count, src, src_wide, n);
	return count.len;
}

struct fmt_spec {
	bool minus, plus, space, hash, zero;
	int width;	/* -1: none */
	int prec;	/* -1: none */
};

static void out_str(struct fmt_out *o, const struct fmt_spec *sp,
		    const void *src, bool src_wide, size_t n)
{
	size_t len = str_out_len(src, src_wide, n, o->wide);
	size_t pad = sp->width > 0 && (size_t)sp->width > len ?
		     sp->width - len : 0;

	if (!sp->minus)
		out_pad(o, pad, sp->zero ? '0' : ' ');
	out_str_units(o, src, src_wide, n);
	if (sp->minus)
		out_pad(o, pad, ' ');
}

static void out_cstr(struct fmt_out *o, const struct fmt_spec *sp,
		     const void *s, bool src_wide)
{
	size_t max = sp->prec >= 0 ? sp->prec : SIZE_MAX;
	size_t n;

	if (!s) {
		s = "(null)";
		src_wide = false;
	}
	n = src_wide ? wcsnlen(s, max) : strnlen(s, max);
	out_str(o, sp, s, src_wide, n);
}

/* A number through the kernel's vsnprintf, flags and all. */
#define FMT_NUM_MAX 256

static void out_num(struct fmt_out *o, const struct fmt_spec *sp, char conv,
		    bool is_signed, u64 v)
{
	char spec[32], tmp[FMT_NUM_MAX + 32];
	char *p = spec;
	int n, i;

	*p++ = '%';
	if (sp->minus)
		*p++ = '-';
	if (sp->plus)
		*p++ = '+';
	if (sp->space)
		*p++ = ' ';
	if (sp->hash)
		*p++ = '#';
	if (sp->zero)
		*p++ = '0';
	if (sp->width >= 0)
		p += sprintf(p, "%d", min(sp->width, FMT_NUM_MAX));
	if (sp->prec >= 0)
		p += sprintf(p, ".%d", min(sp->prec, FMT_NUM_MAX));
	*p++ = 'l';
	*p++ = 'l';
	*p++ = conv;
	*p = 0;
	if (is_signed)
		n = snprintf(tmp, sizeof(tmp), spec, (long long)v);
	else
		n = snprintf(tmp, sizeof(tmp), spec, (unsigned long long)v);
	n = min_t(int, n, sizeof(tmp) - 1);
	for (i = 0; i < n; i++)
		out_unit(o, (u8)tmp[i]);
}

enum fmt_size { SZ_INT, SZ_CHAR, SZ_SHORT, SZ_32, SZ_64 };

static inline unsigned int fmt_at(const void *f, size_t i, bool wide)
{
	return crt_get(f, i, wide ? 2 : 1);
}

static int fmt_number(const void *f, size_t *i, bool wide)
{
	int v = 0;

	while (fmt_at(f, *i, wide) >= '0' && fmt_at(f, *i, wide) <= '9') {
		if (v < 100000)
			v = v * 10 + fmt_at(f, *i, wide) - '0';
		(*i)++;
	}
	return v;
}

int ntshim_vformat(void *buf, size_t cap, bool wide, const void *format,
		   va_list args, size_t *len)
{
	struct fmt_out o = { .buf = buf, .cap = buf ? cap : 0, .wide = wide };
	const void *f = format;
	size_t i = 0;
	va_list ap;
	int ret = 0;

	*len = 0;
	if (!format)
		return -EINVAL;
	va_copy(ap, args);
	for (;;) {
		struct fmt_spec sp = { .width = -1, .prec = -1 };
		enum fmt_size size = SZ_INT;
		int narrow = 0, wide_arg = 0;	/* h / l, w modifiers */
		unsigned int c = fmt_at(f, i++, wide);
		bool is_signed;
		u64 v;

		if (!c)
			break;
		if (c != '%') {
			out_unit(&o, c);
			continue;
		}
		/* flags */
		for (;; i++) {
			c = fmt_at(f, i, wide);
			if (c == '-')
				sp.minus = true;
			else if (c == '+')
				sp.plus = true;
			else if (c == ' ')
				sp.space = true;
			else if (c == '#')
				sp.hash = true;
			else if (c == '0')
				sp.zero = true;
			else
				break;
		}
		/* width */
		if (fmt_at(f, i, wide) == '*') {
			i++;
			sp.width = va_arg(ap, int);
			if (sp.width < 0) {
				sp.minus = true;
				sp.width = sp.width == INT_MIN ? INT_MAX :
					   -sp.width;
			}
		} else if (fmt_at(f, i, wide) >= '1' &&
			   fmt_at(f, i, wide) <= '9') {
			sp.width = fmt_number(f, &i, wide);
		}
		/* precision */
		if (fmt_at(f, i, wide) == '.') {
			i++;
			if (fmt_at(f, i, wide) == '*') {
				i++;
				sp.prec = va_arg(ap, int);
				if (sp.prec < 0)
					sp.prec = -1;
			} else {
				sp.prec = fmt_number(f, &i, wide);
			}
		}
		/* size */
		c = fmt_at(f, i, wide);
		if (c == 'h') {
			i++;
			narrow = 1;
			size = SZ_SHORT;
			if (fmt_at(f, i, wide) == 'h') {
				i++;
				size = SZ_CHAR;
			}
		} else if (c == 'l') {
			i++;
			wide_arg = 1;
			size = SZ_32;
			if (fmt_at(f, i, wide) == 'l') {
				i++;
				size = SZ_64;
			}
		} else if (c == 'w') {
			i++;
			wide_arg = 1;
		} else if (c == 'L' || c == 'j' || c == 'z' || c == 't') {
			i++;
			size = SZ_64;
		} else if (c == 'I') {
			i++;
			if (fmt_at(f, i, wide) == '6' &&
			    fmt_at(f, i + 1, wide) == '4') {
				i += 2;
				size = SZ_64;
			} else if (fmt_at(f, i, wide) == '3' &&
				   fmt_at(f, i + 1, wide) == '2') {
				i += 2;
				size = SZ_32;
			} else {
				size = SZ_64;	/* pointer-sized */
			}
		}
		c = fmt_at(f, i++, wide);
		switch (c) {
		case '%':
			out_unit(&o, '%');
			continue;
		case 'd':
		case 'i':
		case 'u':
		case 'o':
		case 'x':
		case 'X':
			is_signed = c == 'd' || c == 'i';
			if (size == SZ_64) {
				v = va_arg(ap, u64);
			} else {
				unsigned int x = va_arg(ap, unsigned int);

				if (size == SZ_CHAR)
					v = is_signed ? (u64)(s8)x : (u8)x;
				else if (size == SZ_SHORT)
					v = is_signed ? (u64)(s16)x : (u16)x;
				else
					v = is_signed ? (u64)(s32)x : x;
			}
			out_num(&o, &sp, c == 'i' ? 'd' : c, is_signed, v);
			continue;
		case 'c':
		case 'C': {
			/* a WCHAR for %wc %lc, for %C in narrow, %c in wide */
			bool w = wide_arg || (!narrow && (c == 'C') != wide);
			unsigned int x = va_arg(ap, unsigned int);
			WCHAR wc = x;
			char nc = x;

			if (w)
				out_str(&o, &sp, &wc, true, 1);
			else
				out_str(&o, &sp, &nc, false, 1);
			continue;
		}
		case 's':
		case 'S': {
			bool w = wide_arg || (!narrow && (c == 'S') != wide);

			out_cstr(&o, &sp, va_arg(ap, const void *), w);
			continue;
		}
		case 'Z': {
			/* %wZ: PUNICODE_STRING; %Z, %hZ: PANSI_STRING */
			const void *p = va_arg(ap, const void *);

			if (wide_arg) {
				const UNICODE_STRING *us = p;
				size_t n;

				if (!us || !us->Buffer) {
					out_cstr(&o, &sp, NULL, false);
					continue;
				}
				n = us->Length / sizeof(WCHAR);
				if (sp.prec >= 0)
					n = min_t(size_t, n, sp.prec);
				out_str(&o, &sp, us->Buffer, true, n);
			} else {
				const ANSI_STRING *as = p;
				size_t n;

				if (!as || !as->Buffer) {
					out_cstr(&o, &sp, NULL, false);
					continue;
				}
				n = as->Length;
				if (sp.prec >= 0)
					n = min_t(size_t, n, sp.prec);
				out_str(&o, &sp, as->Buffer, false, n);
			}
			continue;
		}
		case 'p': {
			char tmp[32];
			int n, k;

			n = scnprintf(tmp, sizeof(tmp), "%p",
				      va_arg(ap, void *));
			for (k = 0; k < n; k++)
				out_unit(&o, (u8)tmp[k]);
			continue;
		}
		default:
			/* %n, floating point, unknown: an invalid format */
			ret = -EINVAL;
			break;
		}
		break;
	}
	va_end(ap);
	*len = o.len;
	return ret;
}
EXPORT_SYMBOL_GPL(ntshim_vformat);

/* Microsoft's _vsnprintf contract over the engine. */
static int crt_vsnprintf(void *buf, size_t count, bool wide,
			 const void *format, va_list ap)
{
	size_t len;

	if (!buf && count)
		return -1;
	if (ntshim_vformat(buf, count, wide, format, ap, &len))
		return -1;
	if (!buf)
		return len > INT_MAX ? -1 : (int)len;
	if (len > count || len > INT_MAX)
		return -1;
	if (len < count)
		crt_put(buf, len, wide ? 2 : 1, 0);
	return len;
}

int _vsnprintf(char *buffer, size_t count, const char *format,
	       va_list argptr)
{
	return crt_vsnprintf(buffer, count, false, format, argptr);
}
EXPORT_SYMBOL_GPL(_vsnprintf);

int _snprintf(char *buffer, size_t count, const char *format, ...)
{
	va_list ap;
	int ret;

	va_start(ap, format);
	ret = crt_vsnprintf(buffer, count, false, format, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(_snprintf);

int _vsnwprintf(WCHAR *buffer, size_t count, const WCHAR *format,
		va_list argptr)
{
	return crt_vsnprintf(buffer, count, true, format, argptr);
}
EXPORT_SYMBOL_GPL(_vsnwprintf);

int _snwprintf(WCHAR *buffer, size_t count, const WCHAR *format, ...)
{
	va_list ap;
	int ret;

	va_start(ap, format);
	ret = crt_vsnprintf(buffer, count, true, format, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(_snwprintf);

int _vscprintf(const char *format, va_list argptr)
{
	return crt_vsnprintf(NULL, 0, false, format, argptr);
}
EXPORT_SYMBOL_GPL(_vscprintf);

int _scprintf(const char *format, ...)
{
	va_list ap;
	int ret;

	va_start(ap, format);
	ret = crt_vsnprintf(NULL, 0, false, format, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(_scprintf);

int _vscwprintf(const WCHAR *format, va_list argptr)
{
	return crt_vsnprintf(NULL, 0, true, format, argptr);
}
EXPORT_SYMBOL_GPL(_vscwprintf);

int _scwprintf(const WCHAR *format, ...)
{
	va_list ap;
	int ret;

	va_start(ap, format);
	ret = crt_vsnprintf(NULL, 0, true, format, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(_scwprintf);

/* The _s printf contract: always a NUL, -1 and an empty string on failure. */
static int crt_vsprintf_s(void *buf, size_t size, bool wide,
			  const void *format, va_list ap)
{
	size_t len;

	if (!buf || !size || !format)
		return -1;
	if (ntshim_vformat(buf, size - 1, wide, format, ap, &len) ||
	    len > size - 1 || len > INT_MAX) {
		crt_put(buf, 0, wide ? 2 : 1, 0);
		return -1;
	}
	crt_put(buf, len, wide ? 2 : 1, 0);
	return len;
}

int vsprintf_s(char *buffer, size_t size, const char *format,
	       va_list argptr)
{
	return crt_vsprintf_s(buffer, size, false, format, argptr);
}
EXPORT_SYMBOL_GPL(vsprintf_s);

int sprintf_s(char *buffer, size_t size, const char *format, ...)
{
	va_list ap;
	int ret;

	va_start(ap, format);
	ret = crt_vsprintf_s(buffer, size, false, format, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(sprintf_s);

int vswprintf_s(WCHAR *buffer, size_t size, const WCHAR *format,
		va_list argptr)
{
	return crt_vsprintf_s(buffer, size, true, format, argptr);
}
EXPORT_SYMBOL_GPL(vswprintf_s);

int swprintf_s(WCHAR *buffer, size_t size, const WCHAR *format, ...)
{
	va_list ap;
	int ret;

	va_start(ap, format);
	ret = crt_vsprintf_s(buffer, size, true, format, ap);
	va_end(ap);
	return ret;
}
EXPORT_SYMBOL_GPL(swprintf_s);
