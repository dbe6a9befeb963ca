/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The C runtime subset the DDK offers kernel drivers: wide-string
 * routines (wcslen, _wcsicmp, wcscpy_s...), the secure _s copies with
 * errno_t results, case mapping and classification, and the printf family
 * with Windows' format extensions (_snprintf, _snwprintf, ...).
 *
 * Microsoft's CRT rules, not C99's, wherever they differ:
 *  - _snprintf() and friends do not NUL-terminate a truncated result and
 *    return -1 for it; an exact fit is stored without its NUL and returns
 *    the length;
 *  - the _s routines return 0, EINVAL or ERANGE (the values are the same
 *    as Linux's errno numbers) and empty the destination (dest[0] = 0)
 *    whenever they fail with a usable destination; there is no
 *    invalid-parameter handler to call;
 *  - wcsncpy() pads the destination with NULs up to the count.
 *
 * WCHAR is 16 bits (UTF-16), the kernel's wchar_t with -fshort-wchar, so
 * L"..." is a WCHAR array.  Case mapping of wide characters is ntshim's
 * RtlUpcaseUnicodeChar()/RtlDowncaseUnicodeChar() (ASCII, Latin-1, Latin
 * Extended-A, Greek, Cyrillic); narrow case mapping and the iswdigit(),
 * iswspace() and iswxdigit() classes cover ASCII only, as the "C" locale.
 *
 * Format strings (narrow and wide) accept Microsoft's conversions:
 *   %d %i %u %o %x %X %c %s %p %% with flags - + space # 0, width and
 *   precision (also as *); sizes hh h l (32 bits, Windows' long) ll L
 *   I64 I32 I (pointer-sized) z t j and w;
 *   %ws %ls %S: a WCHAR string in a narrow format (%S and %hs swap roles
 *   in a wide format, where %s is the WCHAR string); %hs: a narrow string;
 *   %C %wc %lc: a WCHAR (a narrow char in a wide format for %C and %hc);
 *   %Z: a PANSI_STRING, %wZ: a PUNICODE_STRING (counted, may lack a NUL).
 * Wide text in narrow output becomes UTF-8 and narrow text in wide output
 * is read as UTF-8 (ntshim's "ANSI" code page), malformed input as
 * U+FFFD.  Width and precision of a string count characters (code units)
 * of the source; both are capped at 256 for numbers.  %p prints the
 * kernel's hashed pointer (no raw kernel addresses in strings).  The
 * floating-point conversions and %n are not supported: a format that
 * uses them, or any unknown conversion, fails as an invalid format (-1,
 * or STATUS_INVALID_PARAMETER from the strsafe routines).
 *
 * Only ntshim headers are included: DDK translation units see no extra
 * Linux names.  toupper()/tolower() are the kernel's <linux/ctype.h>
 * macros when that header came first (Latin-1 aware), else ASCII-only
 * functions here.
 */
#ifndef _NTSHIM_CRT_H
#define _NTSHIM_CRT_H

#include <linux/stdarg.h>
#include <ntshim/types.h>
#include <ntshim/unicode.h>

typedef int errno_t;
typedef size_t rsize_t;
/*
 * Microsoft's wint_t is 16 bits; GCC's built-in towupper() and iswalpha()
 * know the C library's 32-bit one, and a mismatch warns.  Any WCHAR
 * converts without loss.
 */
typedef unsigned int wint_t;

/* strncpy_s()'s count that means "as much as fits" */
#define _TRUNCATE ((size_t)-1)
/* what strncpy_s() returns when _TRUNCATE cut the string */
#define STRUNCATE 80

/* ---- wide strings ----------------------------------------------------- */

/**
 * wcslen() - length of a NUL-terminated WCHAR string
 * @s: the string
 *
 * Return: the number of WCHARs before the NUL.
 */
size_t wcslen(const WCHAR *s);

/**
 * wcsnlen() - wcslen() that looks at most @maxlen WCHARs
 * @s:      the string
 * @maxlen: the bound
 *
 * Return: the length, or @maxlen if there is no NUL within it.
 */
size_t wcsnlen(const WCHAR *s, size_t maxlen);

/**
 * wcscmp() - compare two WCHAR strings
 * @s1: first string
 * @s2: second string
 *
 * WCHARs compare as unsigned 16-bit values.
 *
 * Return: <0, 0 or >0 as @s1 sorts before, equal to or after @s2.
 */
int wcscmp(const WCHAR *s1, const WCHAR *s2);

/**
 * wcsncmp() - compare at most @count WCHARs
 * @s1:    first string
 * @s2:    second string
 * @count: the most WCHARs compared
 *
 * Return: as wcscmp().
 */
int wcsncmp(const WCHAR *s1, const WCHAR *s2, size_t count);

/**
 * _wcsicmp() - compare two WCHAR strings ignoring case
 * @s1: first string
 * @s2: second string
 *
 * Both sides are lowercased with towlower() first, as Microsoft's CRT
 * does, so '_' (0x5f) sorts before 'A' (read as 'a', 0x61).
 *
 * Return: as wcscmp().
 */
int _wcsicmp(const WCHAR *s1, const WCHAR *s2);

/**
 * _wcsnicmp() - _wcsicmp() over at most @count WCHARs
 * @s1:    first string
 * @s2:    second string
 * @count: the most WCHARs compared
 *
 * Return: as wcscmp().
 */
int _wcsnicmp(const WCHAR *s1, const WCHAR *s2, size_t count);

/**
 * wcschr() - first occurrence of a WCHAR
 * @s: the string
 * @c: the WCHAR; L'\0' finds the terminator
 *
 * Return: a pointer into @s, or NULL.
 */
WCHAR *wcschr(const WCHAR *s, WCHAR c);

/**
 * wcsrchr() - last occurrence of a WCHAR
 * @s: the string
 * @c: the WCHAR; L'\0' finds the terminator
 *
 * Return: a pointer into @s, or NULL.
 */
WCHAR *wcsrchr(const WCHAR *s, WCHAR c);

/**
 * wcsstr() - first occurrence of a substring
 * @s:   the string searched
 * @sub: the substring; an empty one matches at @s
 *
 * Return: a pointer into @s, or NULL.
 */
WCHAR *wcsstr(const WCHAR *s, const WCHAR *sub);

/**
 * wcsncpy() - copy at most @count WCHARs, padding with NULs
 * @dest:  the destination, @count WCHARs
 * @src:   the source
 * @count: WCHARs written, always exactly this many
 *
 * A source of @count WCHARs or more leaves @dest without a NUL.
 *
 * Return: @dest.
 */
WCHAR *wcsncpy(WCHAR *dest, const WCHAR *src, size_t count);

/**
 * wcscpy_s() - copy a WCHAR string with a size check
 * @dest: the destination
 * @size: its size in WCHARs
 * @src:  the source
 *
 * Return: 0; EINVAL (@dest untouched) if @dest is NULL or @size is 0;
 * EINVAL with dest[0] = 0 if @src is NULL; ERANGE with dest[0] = 0 if
 * @src and its NUL do not fit.
 */
errno_t wcscpy_s(WCHAR *dest, rsize_t size, const WCHAR *src);

/**
 * wcscat_s() - append a WCHAR string with a size check
 * @dest: the destination, holding a NUL-terminated string
 * @size: its size in WCHARs
 * @src:  the string appended
 *
 * Return: 0; EINVAL (@dest untouched) if @dest is NULL or @size is 0;
 * EINVAL with dest[0] = 0 if @src is NULL or @dest has no NUL within
 * @size; ERANGE with dest[0] = 0 if the result does not fit.
 */
errno_t wcscat_s(WCHAR *dest, rsize_t size, const WCHAR *src);

/**
 * wcsncpy_s() - copy at most @count WCHARs with a size check
 * @dest:  the destination
 * @size:  its size in WCHARs
 * @src:   the source
 * @count: the most WCHARs copied, or _TRUNCATE
 *
 * Always NUL-terminates on success and never pads.
 *
 * Return: as strncpy_s().
 */
errno_t wcsncpy_s(WCHAR *dest, rsize_t size, const WCHAR *src,
		  rsize_t count);

/**
 * _wcsupr() - uppercase a WCHAR string in place
 * @s: the string
 *
 * Return: @s.
 */
WCHAR *_wcsupr(WCHAR *s);

/**
 * _wcslwr() - lowercase a WCHAR string in place
 * @s: the string
 *
 * Return: @s.
 */
WCHAR *_wcslwr(WCHAR *s);

/**
 * towupper() - uppercase form of a WCHAR
 * @c: the character
 *
 * Return: RtlUpcaseUnicodeChar(@c).
 */
wint_t towupper(wint_t c);

/**
 * towlower() - lowercase form of a WCHAR
 * @c: the character
 *
 * Return: RtlDowncaseUnicodeChar(@c).
 */
wint_t towlower(wint_t c);

/**
 * iswdigit() - whether a WCHAR is '0'..'9'
 * @c: the character
 *
 * Return: non-zero if it is.
 */
int iswdigit(wint_t c);

/**
 * iswxdigit() - whether a WCHAR is a hex digit
 * @c: the character
 *
 * Return: non-zero for '0'..'9', 'a'..'f' and 'A'..'F'.
 */
int iswxdigit(wint_t c);

/**
 * iswspace() - whether a WCHAR is white space
 * @c: the character
 *
 * Return: non-zero for ' ' and '\t', '\n', '\v', '\f', '\r'.
 */
int iswspace(wint_t c);

/**
 * iswalpha() - whether a WCHAR is a letter
 * @c: the character
 *
 * Return: non-zero for ASCII letters, the Latin-1 letters and every
 * character that has another case in ntshim's case tables.
 */
int iswalpha(wint_t c);

/**
 * iswupper() - whether a WCHAR is an uppercase letter
 * @c: the character
 *
 * Return: non-zero if towlower() changes it.
 */
int iswupper(wint_t c);

/**
 * iswlower() - whether a WCHAR is a lowercase letter
 * @c: the character
 *
 * Return: non-zero if towupper() changes it.
 */
int iswlower(wint_t c);

/* ---- narrow strings and memory ------------------------------------------ */

/**
 * strcpy_s() - copy a string with a size check
 * @dest: the destination
 * @size: its size in bytes
 * @src:  the source
 *
 * Return: as wcscpy_s().
 */
errno_t strcpy_s(char *dest, rsize_t size, const char *src);

/**
 * strcat_s() - append a string with a size check
 * @dest: the destination, holding a NUL-terminated string
 * @size: its size in bytes
 * @src:  the string appended
 *
 * Return: as wcscat_s().
 */
errno_t strcat_s(char *dest, rsize_t size, const char *src);

/**
 * strncpy_s() - copy at most @count characters with a size check
 * @dest:  the destination
 * @size:  its size in bytes
 * @src:   the source
 * @count: the most characters copied, or _TRUNCATE for "as many as fit"
 *
 * Copies min(@count, strlen(@src)) characters and a NUL; never pads.
 *
 * Return: 0 (also for @dest NULL, @size 0 and @count 0); EINVAL (@dest
 * untouched) if @dest is NULL or @size is 0; EINVAL with dest[0] = 0 if
 * @src is NULL; ERANGE with dest[0] = 0 if the copy and its NUL do not
 * fit; with _TRUNCATE, STRUNCATE when the copy was cut to @size - 1.
 */
errno_t strncpy_s(char *dest, rsize_t size, const char *src, rsize_t count);

/**
 * memcpy_s() - copy memory with a size check
 * @dest:     the destination
 * @destsize: its size in bytes
 * @src:      the source
 * @count:    bytes to copy
 *
 * Return: 0 (also for any arguments when @count is 0); EINVAL if @dest is
 * NULL; EINVAL with @dest zeroed (all @destsize bytes) if @src is NULL;
 * ERANGE with @dest zeroed if @count exceeds @destsize.
 */
errno_t memcpy_s(void *dest, rsize_t destsize, const void *src,
		 rsize_t count);

/**
 * memmove_s() - move memory (overlap allowed) with a size check
 * @dest:     the destination
 * @destsize: its size in bytes
 * @src:      the source
 * @count:    bytes to move
 *
 * Return: 0 (also when @count is 0); EINVAL if @dest or @src is NULL;
 * ERANGE if @count exceeds @destsize.  On failure @dest is untouched.
 */
errno_t memmove_s(void *dest, rsize_t destsize, const void *src,
		  rsize_t count);

/**
 * _stricmp() - compare two strings ignoring ASCII case
 * @s1: first string
 * @s2: second string
 *
 * Both sides are lowercased first, as Microsoft's CRT does.
 *
 * Return: <0, 0 or >0.
 */
int _stricmp(const char *s1, const char *s2);

/**
 * _strnicmp() - _stricmp() over at most @count characters
 * @s1:    first string
 * @s2:    second string
 * @count: the most characters compared
 *
 * Return: <0, 0 or >0.
 */
int _strnicmp(const char *s1, const char *s2, size_t count);

/**
 * _strupr() - uppercase an ASCII string in place
 * @s: the string
 *
 * Return: @s.
 */
char *_strupr(char *s);

/**
 * _strlwr() - lowercase an ASCII string in place
 * @s: the string
 *
 * Return: @s.
 */
char *_strlwr(char *s);

#ifndef toupper
/**
 * toupper() - uppercase form of an ASCII character
 * @c: the character (an int, as in C)
 *
 * Return: 'A'..'Z' for 'a'..'z', else @c.
 */
static inline int toupper(int c)
{
	return c >= 'a' && c <= 'z' ? c - ('a' - 'A') : c;
}
#endif
#ifndef tolower
/**
 * tolower() - lowercase form of an ASCII character
 * @c: the character (an int, as in C)
 *
 * Return: 'a'..'z' for 'A'..'Z', else @c.
 */
static inline int tolower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}
#endif

/* ---- printf with Windows' formats --------------------------------------- */

/**
 * ntshim_vformat() - the Windows format engine behind every printf here
 * @buf:    the output (CHAR or WCHAR array), or NULL with @cap 0
 * @cap:    units that may be written to @buf; nothing more, no NUL added
 * @wide:   true: @buf and @format are WCHAR; false: CHAR
 * @format: the format (see the top of this header)
 * @args:   the arguments
 * @len:    receives the full length of the output in units, as if @cap
 *          were unlimited
 *
 * Return: 0, or -EINVAL for a NULL or unsupported format.
 */
int ntshim_vformat(void *buf, size_t cap, bool wide, const void *format,
		   va_list args, size_t *len);

/**
 * _vsnprintf() - format into a buffer, Microsoft style
 * @buffer: the output
 * @count:  its size in bytes
 * @format: the format (Windows' conversions)
 * @argptr: the arguments
 *
 * A result shorter than @count gets a NUL; a result of exactly @count
 * characters is stored without one; a longer result stores @count
 * characters, no NUL.
 *
 * Return: the length; -1 if the output was truncated, @format is NULL or
 * invalid, or @buffer is NULL with a non-zero @count.  With @buffer NULL
 * and @count 0, the length the output needs.
 */
int _vsnprintf(char *buffer, size_t count, const char *format,
	       va_list argptr);

/**
 * _snprintf() - _vsnprintf() with a variable argument list
 * @buffer: the output
 * @count:  its size in bytes
 * @format: the format
 *
 * Return: as _vsnprintf().
 */
int _snprintf(char *buffer, size_t count, const char *format, ...);

/**
 * _vsnwprintf() - _vsnprintf() for WCHAR buffers and formats
 * @buffer: the output
 * @count:  its size in WCHARs
 * @format: the WCHAR format; %s takes a WCHAR string, %S and %hs narrow
 * @argptr: the arguments
 *
 * Return: as _vsnprintf(), in WCHARs.
 */
int _vsnwprintf(WCHAR *buffer, size_t count, const WCHAR *format,
		va_list argptr);

/**
 * _snwprintf() - _vsnwprintf() with a variable argument list
 * @buffer: the output
 * @count:  its size in WCHARs
 * @format: the WCHAR format
 *
 * Return: as _vsnwprintf().
 */
int _snwprintf(WCHAR *buffer, size_t count, const WCHAR *format, ...);

/**
 * _vscprintf() - the length a format would produce
 * @format: the format
 * @argptr: the arguments
 *
 * Return: the length without a NUL, or -1 for a NULL or invalid format.
 */
int _vscprintf(const char *format, va_list argptr);

/**
 * _scprintf() - _vscprintf() with a variable argument list
 * @format: the format
 *
 * Return: as _vscprintf().
 */
int _scprintf(const char *format, ...);

/**
 * _vscwprintf() - the length in WCHARs a WCHAR format would produce
 * @format: the WCHAR format
 * @argptr: the arguments
 *
 * Return: as _vscprintf().
 */
int _vscwprintf(const WCHAR *format, va_list argptr);

/**
 * _scwprintf() - _vscwprintf() with a variable argument list
 * @format: the WCHAR format
 *
 * Return: as _vscprintf().
 */
int _scwprintf(const WCHAR *format, ...);

/**
 * vsprintf_s() - format with a size check, always NUL-terminated
 * @buffer: the output
 * @size:   its size in bytes
 * @format: the format
 * @argptr: the arguments
 *
 * Return: the length; -1 with @buffer untouched if @buffer or @format is
 * NULL or @size is 0; -1 with buffer[0] = 0 if the result and its NUL do
 * not fit or @format is invalid.
 */
int vsprintf_s(char *buffer, size_t size, const char *format,
	       va_list argptr);

/**
 * sprintf_s() - vsprintf_s() with a variable argument list
 * @buffer: the output
 * @size:   its size in bytes
 * @format: the format
 *
 * Return: as vsprintf_s().
 */
int sprintf_s(char *buffer, size_t size, const char *format, ...);

/**
 * vswprintf_s() - vsprintf_s() for WCHAR buffers and formats
 * @buffer: the output
 * @size:   its size in WCHARs
 * @format: the WCHAR format
 * @argptr: the arguments
 *
 * Return: as vsprintf_s(), in WCHARs.
 */
int vswprintf_s(WCHAR *buffer, size_t size, const WCHAR *format,
		va_list argptr);

/**
 * swprintf_s() - vswprintf_s() with a variable argument list
 * @buffer: the output
 * @size:   its size in WCHARs
 * @format: the WCHAR format
 *
 * Return: as vsprintf_s(), in WCHARs.
 */
int swprintf_s(WCHAR *buffer, size_t size, const WCHAR *format, ...);

#endif /* _NTSHIM_CRT_H */
