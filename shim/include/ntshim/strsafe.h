/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntstrsafe: the DDK's safe string routines, RtlStringCch*, RtlStringCb*
 * and RtlUnicodeString*, with Microsoft's documented contract:
 *  - a destination size (cchDest, cbDest / sizeof(char or WCHAR)) of 0
 *    or above NTSTRSAFE_MAX_CCH is STATUS_INVALID_PARAMETER and nothing is
 *    written;
 *  - a result that does not fit is truncated, always NUL-terminated, and
 *    the routine returns STATUS_BUFFER_OVERFLOW (a warning: NT_SUCCESS()
 *    is false);
 *  - the Ex forms take STRSAFE_* flags: IGNORE_NULLS (a NULL source is
 *    "", a NULL destination is allowed with size 0), FILL_BEHIND_NULL
 *    (the low byte fills the rest of the buffer on success),
 *    FILL_ON_FAILURE, NULL_ON_FAILURE and NO_TRUNCATION (on failure: fill,
 *    empty, or keep only what was there before), and report where the
 *    result ends (ppszDestEnd, at the NUL) and how much room is left
 *    (pcchRemaining / pcbRemaining, the NUL's place included) on success
 *    and on STATUS_BUFFER_OVERFLOW;
 *  - the RtlUnicodeString* routines work on counted strings: the result
 *    is never NUL-terminated, a UNICODE_STRING is valid with even Length
 *    <= MaximumLength <= NTSTRSAFE_UNICODE_STRING_MAX_CCH * sizeof(WCHAR)
 *    and a Buffer unless both are 0, and a truncated result fills
 *    MaximumLength and returns STATUS_BUFFER_OVERFLOW.
 * The Printf forms format with the Windows conversions of <ntshim/crt.h>
 * (%ws, %wZ, %I64d, ...); a format the engine cannot handle returns
 * STATUS_INVALID_PARAMETER with an empty result.
 *
 * ntshim differs in one way: where Microsoft's routines would fault on a
 * NULL source or format without STRSAFE_IGNORE_NULLS, these return
 * STATUS_INVALID_PARAMETER.
 *
 * A = char (UTF-8), W = WCHAR (UTF-16).  Only ntshim headers are
 * included.
 */
#ifndef _NTSHIM_STRSAFE_H
#define _NTSHIM_STRSAFE_H

#include <linux/stdarg.h>
#include <ntshim/crt.h>
#include <ntshim/status.h>
#include <ntshim/types.h>
#include <ntshim/unicode.h>

typedef char *NTSTRSAFE_PSTR;
typedef const char *NTSTRSAFE_PCSTR;
typedef WCHAR *NTSTRSAFE_PWSTR;
typedef const WCHAR *NTSTRSAFE_PCWSTR;
typedef const WCHAR *NTSTRSAFE_PCUWSTR;
typedef const char *STRSAFE_PCNZCH;
typedef const WCHAR *STRSAFE_PCNZWCH;
typedef ULONG STRSAFE_DWORD;

/* The most characters a destination may have (INT_MAX). */
#define NTSTRSAFE_MAX_CCH 2147483647
/* The most characters a UNICODE_STRING may have. */
#define NTSTRSAFE_UNICODE_STRING_MAX_CCH 32767

/* dwFlags of the Ex forms; the low byte is the fill byte. */
#define STRSAFE_IGNORE_NULLS 0x00000100
#define STRSAFE_FILL_BEHIND_NULL 0x00000200
#define STRSAFE_FILL_ON_FAILURE 0x00000400
#define STRSAFE_NULL_ON_FAILURE 0x00000800
#define STRSAFE_NO_TRUNCATION 0x00001000
#define STRSAFE_ZERO_LENGTH_ON_FAILURE STRSAFE_NULL_ON_FAILURE
#define STRSAFE_VALID_FLAGS                                             \
	(0x000000ff | STRSAFE_IGNORE_NULLS | STRSAFE_FILL_BEHIND_NULL | \
	 STRSAFE_FILL_ON_FAILURE | STRSAFE_NULL_ON_FAILURE |            \
	 STRSAFE_NO_TRUNCATION)
/**
 * STRSAFE_FILL_BYTE() - FILL_BEHIND_NULL with fill byte @x
 * @x: the byte
 */
#define STRSAFE_FILL_BYTE(x) (((x) & 0xff) | STRSAFE_FILL_BEHIND_NULL)
/**
 * STRSAFE_FAILURE_BYTE() - FILL_ON_FAILURE with fill byte @x
 * @x: the byte
 */
#define STRSAFE_FAILURE_BYTE(x) (((x) & 0xff) | STRSAFE_FILL_ON_FAILURE)
/**
 * STRSAFE_GET_FILL_PATTERN() - the fill byte of a dwFlags value
 * @flags: the flags
 */
#define STRSAFE_GET_FILL_PATTERN(flags) ((int)((flags) & 0xff))

/* What ntshim_strsafe_op() does. */
enum ntshim_strsafe_opcode {
	NTSHIM_SS_COPY,
	NTSHIM_SS_COPYN,
	NTSHIM_SS_CAT,
	NTSHIM_SS_CATN,
};

/**
 * ntshim_strsafe_op() - the body of every Copy and Cat routine
 * @op:            copy or concatenate, bounded (N) or not
 * @dest:          the destination
 * @cchDest:       its size in characters
 * @cbDest:        its size in bytes (for FILL_ON_FAILURE)
 * @wide:          WCHAR (true) or char strings
 * @src:           the source
 * @cchSrc:        the most source characters used (N forms)
 * @ppEnd:         receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left, the NUL's included
 * @flags:         STRSAFE_* flags (0 for the plain forms)
 *
 * Return: STATUS_SUCCESS, STATUS_BUFFER_OVERFLOW or
 * STATUS_INVALID_PARAMETER, as described at the top of this header.
 */
NTSTATUS ntshim_strsafe_op(enum ntshim_strsafe_opcode op, void *dest,
			   size_t cchDest, size_t cbDest, bool wide,
			   const void *src, size_t cchSrc, void **ppEnd,
			   size_t *pcchRemaining, ULONG flags);

/**
 * ntshim_strsafe_vprintf() - the body of every Printf routine
 * @dest:          the destination
 * @cchDest:       its size in characters
 * @cbDest:        its size in bytes
 * @wide:          WCHAR (true) or char
 * @ppEnd:         receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left, the NUL's included
 * @flags:         STRSAFE_* flags
 * @format:        the format (char or WCHAR as @wide)
 * @args:          the arguments
 *
 * Return: as ntshim_strsafe_op().
 */
NTSTATUS ntshim_strsafe_vprintf(void *dest, size_t cchDest, size_t cbDest,
				bool wide, void **ppEnd, size_t *pcchRemaining,
				ULONG flags, const void *format, va_list args);

/**
 * ntshim_strsafe_length() - the body of every Length routine
 * @s:      the string
 * @cchMax: the most characters it may have, its NUL included
 * @wide:   WCHAR (true) or char
 * @pcch:   receives the length, 0 on failure; may be NULL
 *
 * Return: STATUS_SUCCESS; STATUS_INVALID_PARAMETER if @s is NULL,
 * @cchMax exceeds NTSTRSAFE_MAX_CCH, or there is no NUL within @cchMax.
 */
NTSTATUS ntshim_strsafe_length(const void *s, size_t cchMax, bool wide,
			       size_t *pcch);

/* A byte count's remainder, as the Cb Ex forms report it. */
static __always_inline void ntshim_strsafe_cb_remaining(NTSTATUS st,
							size_t *pcb, size_t cch,
							size_t cbDest,
							size_t unit)
{
	if (pcb && (NT_SUCCESS(st) || st == STATUS_BUFFER_OVERFLOW))
		*pcb = cch * unit + cbDest % unit;
}

/* ---- WCHAR strings (W) ------------------------------------------------------- */

/**
 * RtlStringCchCopyW() - copy a string (characters, WCHAR)
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCchCopyW(NTSTRSAFE_PWSTR pszDest,
					 size_t cchDest,
					 NTSTRSAFE_PCWSTR pszSrc)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPY, pszDest, cchDest,
				 cchDest * sizeof(WCHAR), true, pszSrc, 0, NULL,
				 NULL, 0);
}

/**
 * RtlStringCchCopyExW() - RtlStringCchCopyW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCchCopyW().
 */
static inline NTSTATUS RtlStringCchCopyExW(NTSTRSAFE_PWSTR pszDest,
					   size_t cchDest,
					   NTSTRSAFE_PCWSTR pszSrc,
					   NTSTRSAFE_PWSTR *ppszDestEnd,
					   size_t *pcchRemaining, ULONG dwFlags)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPY, pszDest, cchDest,
				 cchDest * sizeof(WCHAR), true, pszSrc, 0,
				 (void **)ppszDestEnd, pcchRemaining, dwFlags);
}

/**
 * RtlStringCbCopyW() - copy a string (bytes, WCHAR)
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCbCopyW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
					NTSTRSAFE_PCWSTR pszSrc)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPY, pszDest,
				 cbDest / sizeof(WCHAR), cbDest, true, pszSrc,
				 0, NULL, NULL, 0);
}

/**
 * RtlStringCbCopyExW() - RtlStringCbCopyW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCbCopyW().
 */
static inline NTSTATUS RtlStringCbCopyExW(NTSTRSAFE_PWSTR pszDest,
					  size_t cbDest,
					  NTSTRSAFE_PCWSTR pszSrc,
					  NTSTRSAFE_PWSTR *ppszDestEnd,
					  size_t *pcbRemaining, ULONG dwFlags)
{
	size_t cch;
	NTSTATUS st = ntshim_strsafe_op(NTSHIM_SS_COPY, pszDest,
					cbDest / sizeof(WCHAR), cbDest, true,
					pszSrc, 0, (void **)ppszDestEnd, &cch,
					dwFlags);

	ntshim_strsafe_cb_remaining(st, pcbRemaining, cch, cbDest,
				    sizeof(WCHAR));
	return st;
}

/**
 * RtlStringCchCopyNW() - copy a string, at most a given length of it (characters, WCHAR)
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @cchToCopy: the most source characters used
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCchCopyNW(NTSTRSAFE_PWSTR pszDest,
					  size_t cchDest,
					  NTSTRSAFE_PCWSTR pszSrc,
					  size_t cchToCopy)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPYN, pszDest, cchDest,
				 cchDest * sizeof(WCHAR), true, pszSrc,
				 cchToCopy, NULL, NULL, 0);
}

/**
 * RtlStringCchCopyNExW() - RtlStringCchCopyNW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @cchToCopy: the most source characters used
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCchCopyNW().
 */
static inline NTSTATUS
RtlStringCchCopyNExW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
		     NTSTRSAFE_PCWSTR pszSrc, size_t cchToCopy,
		     NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcchRemaining,
		     ULONG dwFlags)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPYN, pszDest, cchDest,
				 cchDest * sizeof(WCHAR), true, pszSrc,
				 cchToCopy, (void **)ppszDestEnd, pcchRemaining,
				 dwFlags);
}

/**
 * RtlStringCbCopyNW() - copy a string, at most a given length of it (bytes, WCHAR)
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @cbToCopy: the most source bytes used
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCbCopyNW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
					 NTSTRSAFE_PCWSTR pszSrc,
					 size_t cbToCopy)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPYN, pszDest,
				 cbDest / sizeof(WCHAR), cbDest, true, pszSrc,
				 cbToCopy / sizeof(WCHAR), NULL, NULL, 0);
}

/**
 * RtlStringCbCopyNExW() - RtlStringCbCopyNW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @cbToCopy: the most source bytes used
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCbCopyNW().
 */
static inline NTSTATUS RtlStringCbCopyNExW(NTSTRSAFE_PWSTR pszDest,
					   size_t cbDest,
					   NTSTRSAFE_PCWSTR pszSrc,
					   size_t cbToCopy,
					   NTSTRSAFE_PWSTR *ppszDestEnd,
					   size_t *pcbRemaining, ULONG dwFlags)
{
	size_t cch;
	NTSTATUS st = ntshim_strsafe_op(NTSHIM_SS_COPYN, pszDest,
					cbDest / sizeof(WCHAR), cbDest, true,
					pszSrc, cbToCopy / sizeof(WCHAR),
					(void **)ppszDestEnd, &cch, dwFlags);

	ntshim_strsafe_cb_remaining(st, pcbRemaining, cch, cbDest,
				    sizeof(WCHAR));
	return st;
}

/**
 * RtlStringCchCatW() - append a string (characters, WCHAR)
 * @pszDest: the destination (holding a NUL-terminated string)
 * @cchDest: its size in characters
 * @pszSrc: the source
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCchCatW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
					NTSTRSAFE_PCWSTR pszSrc)
{
	return ntshim_strsafe_op(NTSHIM_SS_CAT, pszDest, cchDest,
				 cchDest * sizeof(WCHAR), true, pszSrc, 0, NULL,
				 NULL, 0);
}

/**
 * RtlStringCchCatExW() - RtlStringCchCatW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCchCatW().
 */
static inline NTSTATUS RtlStringCchCatExW(NTSTRSAFE_PWSTR pszDest,
					  size_t cchDest,
					  NTSTRSAFE_PCWSTR pszSrc,
					  NTSTRSAFE_PWSTR *ppszDestEnd,
					  size_t *pcchRemaining, ULONG dwFlags)
{
	return ntshim_strsafe_op(NTSHIM_SS_CAT, pszDest, cchDest,
				 cchDest * sizeof(WCHAR), true, pszSrc, 0,
				 (void **)ppszDestEnd, pcchRemaining, dwFlags);
}

/**
 * RtlStringCbCatW() - append a string (bytes, WCHAR)
 * @pszDest: the destination (holding a NUL-terminated string)
 * @cbDest: its size in bytes
 * @pszSrc: the source
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCbCatW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
				       NTSTRSAFE_PCWSTR pszSrc)
{
	return ntshim_strsafe_op(NTSHIM_SS_CAT, pszDest, cbDest / sizeof(WCHAR),
				 cbDest, true, pszSrc, 0, NULL, NULL, 0);
}

/**
 * RtlStringCbCatExW() - RtlStringCbCatW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCbCatW().
 */
static inline NTSTATUS RtlStringCbCatExW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
					 NTSTRSAFE_PCWSTR pszSrc,
					 NTSTRSAFE_PWSTR *ppszDestEnd,
					 size_t *pcbRemaining, ULONG dwFlags)
{
	size_t cch;
	NTSTATUS st = ntshim_strsafe_op(NTSHIM_SS_CAT, pszDest,
					cbDest / sizeof(WCHAR), cbDest, true,
					pszSrc, 0, (void **)ppszDestEnd, &cch,
					dwFlags);

	ntshim_strsafe_cb_remaining(st, pcbRemaining, cch, cbDest,
				    sizeof(WCHAR));
	return st;
}

/**
 * RtlStringCchCatNW() - append a string, at most a given length of it (characters, WCHAR)
 * @pszDest: the destination (holding a NUL-terminated string)
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @cchToAppend: the most source characters used
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCchCatNW(NTSTRSAFE_PWSTR pszDest,
					 size_t cchDest,
					 NTSTRSAFE_PCWSTR pszSrc,
					 size_t cchToAppend)
{
	return ntshim_strsafe_op(NTSHIM_SS_CATN, pszDest, cchDest,
				 cchDest * sizeof(WCHAR), true, pszSrc,
				 cchToAppend, NULL, NULL, 0);
}

/**
 * RtlStringCchCatNExW() - RtlStringCchCatNW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @cchToAppend: the most source characters used
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCchCatNW().
 */
static inline NTSTATUS RtlStringCchCatNExW(NTSTRSAFE_PWSTR pszDest,
					   size_t cchDest,
					   NTSTRSAFE_PCWSTR pszSrc,
					   size_t cchToAppend,
					   NTSTRSAFE_PWSTR *ppszDestEnd,
					   size_t *pcchRemaining, ULONG dwFlags)
{
	return ntshim_strsafe_op(NTSHIM_SS_CATN, pszDest, cchDest,
				 cchDest * sizeof(WCHAR), true, pszSrc,
				 cchToAppend, (void **)ppszDestEnd,
				 pcchRemaining, dwFlags);
}

/**
 * RtlStringCbCatNW() - append a string, at most a given length of it (bytes, WCHAR)
 * @pszDest: the destination (holding a NUL-terminated string)
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @cbToAppend: the most source bytes used
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCbCatNW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
					NTSTRSAFE_PCWSTR pszSrc,
					size_t cbToAppend)
{
	return ntshim_strsafe_op(NTSHIM_SS_CATN, pszDest,
				 cbDest / sizeof(WCHAR), cbDest, true, pszSrc,
				 cbToAppend / sizeof(WCHAR), NULL, NULL, 0);
}

/**
 * RtlStringCbCatNExW() - RtlStringCbCatNW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @cbToAppend: the most source bytes used
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCbCatNW().
 */
static inline NTSTATUS RtlStringCbCatNExW(NTSTRSAFE_PWSTR pszDest,
					  size_t cbDest,
					  NTSTRSAFE_PCWSTR pszSrc,
					  size_t cbToAppend,
					  NTSTRSAFE_PWSTR *ppszDestEnd,
					  size_t *pcbRemaining, ULONG dwFlags)
{
	size_t cch;
	NTSTATUS st = ntshim_strsafe_op(NTSHIM_SS_CATN, pszDest,
					cbDest / sizeof(WCHAR), cbDest, true,
					pszSrc, cbToAppend / sizeof(WCHAR),
					(void **)ppszDestEnd, &cch, dwFlags);

	ntshim_strsafe_cb_remaining(st, pcbRemaining, cch, cbDest,
				    sizeof(WCHAR));
	return st;
}

/**
 * RtlStringCchVPrintfW() - format into a buffer (characters, WCHAR)
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszFormat: the format (Windows' conversions, <ntshim/crt.h>)
 * @argList: the arguments
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER.
 */
static inline NTSTATUS RtlStringCchVPrintfW(NTSTRSAFE_PWSTR pszDest,
					    size_t cchDest,
					    NTSTRSAFE_PCWSTR pszFormat,
					    va_list argList)
{
	return ntshim_strsafe_vprintf(pszDest, cchDest, cchDest * sizeof(WCHAR),
				      true, NULL, NULL, 0, pszFormat, argList);
}

/**
 * RtlStringCchVPrintfExW() - RtlStringCchVPrintfW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 * @pszFormat: the format
 * @argList: the arguments
 *
 * Return: as RtlStringCchVPrintfW().
 */
static inline NTSTATUS
RtlStringCchVPrintfExW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
		       NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcchRemaining,
		       ULONG dwFlags, NTSTRSAFE_PCWSTR pszFormat,
		       va_list argList)
{
	return ntshim_strsafe_vprintf(pszDest, cchDest, cchDest * sizeof(WCHAR),
				      true, (void **)ppszDestEnd, pcchRemaining,
				      dwFlags, pszFormat, argList);
}

/**
 * RtlStringCchPrintfW() - format into a buffer (characters, WCHAR)
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszFormat: the format (Windows' conversions, <ntshim/crt.h>)
 *
 * Return: as RtlStringCchVPrintfW().
 */
NTSTATUS RtlStringCchPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
			     NTSTRSAFE_PCWSTR pszFormat, ...);

/**
 * RtlStringCchPrintfExW() - RtlStringCchPrintfW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 * @pszFormat: the format
 *
 * Return: as RtlStringCchVPrintfW().
 */
NTSTATUS RtlStringCchPrintfExW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
			       NTSTRSAFE_PWSTR *ppszDestEnd,
			       size_t *pcchRemaining, ULONG dwFlags,
			       NTSTRSAFE_PCWSTR pszFormat, ...);

/**
 * RtlStringCbVPrintfW() - format into a buffer (bytes, WCHAR)
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszFormat: the format (Windows' conversions, <ntshim/crt.h>)
 * @argList: the arguments
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER.
 */
static inline NTSTATUS RtlStringCbVPrintfW(NTSTRSAFE_PWSTR pszDest,
					   size_t cbDest,
					   NTSTRSAFE_PCWSTR pszFormat,
					   va_list argList)
{
	return ntshim_strsafe_vprintf(pszDest, cbDest / sizeof(WCHAR), cbDest,
				      true, NULL, NULL, 0, pszFormat, argList);
}

/**
 * RtlStringCbVPrintfExW() - RtlStringCbVPrintfW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 * @pszFormat: the format
 * @argList: the arguments
 *
 * Return: as RtlStringCbVPrintfW().
 */
static inline NTSTATUS
RtlStringCbVPrintfExW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
		      NTSTRSAFE_PWSTR *ppszDestEnd, size_t *pcbRemaining,
		      ULONG dwFlags, NTSTRSAFE_PCWSTR pszFormat,
		      va_list argList)
{
	size_t cch;
	NTSTATUS st = ntshim_strsafe_vprintf(pszDest, cbDest / sizeof(WCHAR),
					     cbDest, true, (void **)ppszDestEnd,
					     &cch, dwFlags, pszFormat, argList);

	ntshim_strsafe_cb_remaining(st, pcbRemaining, cch, cbDest,
				    sizeof(WCHAR));
	return st;
}

/**
 * RtlStringCbPrintfW() - format into a buffer (bytes, WCHAR)
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszFormat: the format (Windows' conversions, <ntshim/crt.h>)
 *
 * Return: as RtlStringCbVPrintfW().
 */
NTSTATUS RtlStringCbPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
			    NTSTRSAFE_PCWSTR pszFormat, ...);

/**
 * RtlStringCbPrintfExW() - RtlStringCbPrintfW() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 * @pszFormat: the format
 *
 * Return: as RtlStringCbVPrintfW().
 */
NTSTATUS RtlStringCbPrintfExW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
			      NTSTRSAFE_PWSTR *ppszDestEnd,
			      size_t *pcbRemaining, ULONG dwFlags,
			      NTSTRSAFE_PCWSTR pszFormat, ...);

/**
 * RtlStringCchLengthW() - length of a string, bounded (WCHAR)
 * @psz: the string
 * @cchMax: the most characters it may have, its NUL included
 * @pcchLength: receives the length (0 on failure), or NULL
 *
 * Return: STATUS_SUCCESS; STATUS_INVALID_PARAMETER if @psz is NULL,
 * @cchMax exceeds NTSTRSAFE_MAX_CCH, or @psz has no NUL within @cchMax.
 */
static inline NTSTATUS RtlStringCchLengthW(NTSTRSAFE_PCWSTR psz, size_t cchMax,
					   size_t *pcchLength)
{
	return ntshim_strsafe_length(psz, cchMax, true, pcchLength);
}

/**
 * RtlStringCbLengthW() - length of a string in bytes, bounded (WCHAR)
 * @psz: the string
 * @cbMax: the most bytes it may have, its NUL included
 * @pcbLength: receives the length in bytes (0 on failure), or NULL
 *
 * Return: as RtlStringCchLengthW().
 */
static inline NTSTATUS RtlStringCbLengthW(NTSTRSAFE_PCWSTR psz, size_t cbMax,
					  size_t *pcbLength)
{
	size_t cch;
	NTSTATUS st =
		ntshim_strsafe_length(psz, cbMax / sizeof(WCHAR), true, &cch);

	if (pcbLength)
		*pcbLength = cch * sizeof(WCHAR);
	return st;
}

/* ---- char strings (A) -------------------------------------------------------- */

/**
 * RtlStringCchCopyA() - copy a string (characters, char)
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCchCopyA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
					 NTSTRSAFE_PCSTR pszSrc)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPY, pszDest, cchDest,
				 cchDest * sizeof(char), false, pszSrc, 0, NULL,
				 NULL, 0);
}

/**
 * RtlStringCchCopyExA() - RtlStringCchCopyA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCchCopyA().
 */
static inline NTSTATUS RtlStringCchCopyExA(NTSTRSAFE_PSTR pszDest,
					   size_t cchDest,
					   NTSTRSAFE_PCSTR pszSrc,
					   NTSTRSAFE_PSTR *ppszDestEnd,
					   size_t *pcchRemaining, ULONG dwFlags)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPY, pszDest, cchDest,
				 cchDest * sizeof(char), false, pszSrc, 0,
				 (void **)ppszDestEnd, pcchRemaining, dwFlags);
}

/**
 * RtlStringCbCopyA() - copy a string (bytes, char)
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCbCopyA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
					NTSTRSAFE_PCSTR pszSrc)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPY, pszDest, cbDest / sizeof(char),
				 cbDest, false, pszSrc, 0, NULL, NULL, 0);
}

/**
 * RtlStringCbCopyExA() - RtlStringCbCopyA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCbCopyA().
 */
static inline NTSTATUS RtlStringCbCopyExA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
					  NTSTRSAFE_PCSTR pszSrc,
					  NTSTRSAFE_PSTR *ppszDestEnd,
					  size_t *pcbRemaining, ULONG dwFlags)
{
	size_t cch;
	NTSTATUS st = ntshim_strsafe_op(NTSHIM_SS_COPY, pszDest,
					cbDest / sizeof(char), cbDest, false,
					pszSrc, 0, (void **)ppszDestEnd, &cch,
					dwFlags);

	ntshim_strsafe_cb_remaining(st, pcbRemaining, cch, cbDest,
				    sizeof(char));
	return st;
}

/**
 * RtlStringCchCopyNA() - copy a string, at most a given length of it (characters, char)
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @cchToCopy: the most source characters used
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCchCopyNA(NTSTRSAFE_PSTR pszDest,
					  size_t cchDest,
					  NTSTRSAFE_PCSTR pszSrc,
					  size_t cchToCopy)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPYN, pszDest, cchDest,
				 cchDest * sizeof(char), false, pszSrc,
				 cchToCopy, NULL, NULL, 0);
}

/**
 * RtlStringCchCopyNExA() - RtlStringCchCopyNA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @cchToCopy: the most source characters used
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCchCopyNA().
 */
static inline NTSTATUS
RtlStringCchCopyNExA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
		     NTSTRSAFE_PCSTR pszSrc, size_t cchToCopy,
		     NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcchRemaining,
		     ULONG dwFlags)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPYN, pszDest, cchDest,
				 cchDest * sizeof(char), false, pszSrc,
				 cchToCopy, (void **)ppszDestEnd, pcchRemaining,
				 dwFlags);
}

/**
 * RtlStringCbCopyNA() - copy a string, at most a given length of it (bytes, char)
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @cbToCopy: the most source bytes used
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCbCopyNA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
					 NTSTRSAFE_PCSTR pszSrc,
					 size_t cbToCopy)
{
	return ntshim_strsafe_op(NTSHIM_SS_COPYN, pszDest,
				 cbDest / sizeof(char), cbDest, false, pszSrc,
				 cbToCopy / sizeof(char), NULL, NULL, 0);
}

/**
 * RtlStringCbCopyNExA() - RtlStringCbCopyNA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @cbToCopy: the most source bytes used
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCbCopyNA().
 */
static inline NTSTATUS RtlStringCbCopyNExA(NTSTRSAFE_PSTR pszDest,
					   size_t cbDest,
					   NTSTRSAFE_PCSTR pszSrc,
					   size_t cbToCopy,
					   NTSTRSAFE_PSTR *ppszDestEnd,
					   size_t *pcbRemaining, ULONG dwFlags)
{
	size_t cch;
	NTSTATUS st = ntshim_strsafe_op(NTSHIM_SS_COPYN, pszDest,
					cbDest / sizeof(char), cbDest, false,
					pszSrc, cbToCopy / sizeof(char),
					(void **)ppszDestEnd, &cch, dwFlags);

	ntshim_strsafe_cb_remaining(st, pcbRemaining, cch, cbDest,
				    sizeof(char));
	return st;
}

/**
 * RtlStringCchCatA() - append a string (characters, char)
 * @pszDest: the destination (holding a NUL-terminated string)
 * @cchDest: its size in characters
 * @pszSrc: the source
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCchCatA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
					NTSTRSAFE_PCSTR pszSrc)
{
	return ntshim_strsafe_op(NTSHIM_SS_CAT, pszDest, cchDest,
				 cchDest * sizeof(char), false, pszSrc, 0, NULL,
				 NULL, 0);
}

/**
 * RtlStringCchCatExA() - RtlStringCchCatA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCchCatA().
 */
static inline NTSTATUS RtlStringCchCatExA(NTSTRSAFE_PSTR pszDest,
					  size_t cchDest,
					  NTSTRSAFE_PCSTR pszSrc,
					  NTSTRSAFE_PSTR *ppszDestEnd,
					  size_t *pcchRemaining, ULONG dwFlags)
{
	return ntshim_strsafe_op(NTSHIM_SS_CAT, pszDest, cchDest,
				 cchDest * sizeof(char), false, pszSrc, 0,
				 (void **)ppszDestEnd, pcchRemaining, dwFlags);
}

/**
 * RtlStringCbCatA() - append a string (bytes, char)
 * @pszDest: the destination (holding a NUL-terminated string)
 * @cbDest: its size in bytes
 * @pszSrc: the source
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCbCatA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
				       NTSTRSAFE_PCSTR pszSrc)
{
	return ntshim_strsafe_op(NTSHIM_SS_CAT, pszDest, cbDest / sizeof(char),
				 cbDest, false, pszSrc, 0, NULL, NULL, 0);
}

/**
 * RtlStringCbCatExA() - RtlStringCbCatA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCbCatA().
 */
static inline NTSTATUS RtlStringCbCatExA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
					 NTSTRSAFE_PCSTR pszSrc,
					 NTSTRSAFE_PSTR *ppszDestEnd,
					 size_t *pcbRemaining, ULONG dwFlags)
{
	size_t cch;
	NTSTATUS st = ntshim_strsafe_op(NTSHIM_SS_CAT, pszDest,
					cbDest / sizeof(char), cbDest, false,
					pszSrc, 0, (void **)ppszDestEnd, &cch,
					dwFlags);

	ntshim_strsafe_cb_remaining(st, pcbRemaining, cch, cbDest,
				    sizeof(char));
	return st;
}

/**
 * RtlStringCchCatNA() - append a string, at most a given length of it (characters, char)
 * @pszDest: the destination (holding a NUL-terminated string)
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @cchToAppend: the most source characters used
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCchCatNA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
					 NTSTRSAFE_PCSTR pszSrc,
					 size_t cchToAppend)
{
	return ntshim_strsafe_op(NTSHIM_SS_CATN, pszDest, cchDest,
				 cchDest * sizeof(char), false, pszSrc,
				 cchToAppend, NULL, NULL, 0);
}

/**
 * RtlStringCchCatNExA() - RtlStringCchCatNA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszSrc: the source
 * @cchToAppend: the most source characters used
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCchCatNA().
 */
static inline NTSTATUS RtlStringCchCatNExA(NTSTRSAFE_PSTR pszDest,
					   size_t cchDest,
					   NTSTRSAFE_PCSTR pszSrc,
					   size_t cchToAppend,
					   NTSTRSAFE_PSTR *ppszDestEnd,
					   size_t *pcchRemaining, ULONG dwFlags)
{
	return ntshim_strsafe_op(NTSHIM_SS_CATN, pszDest, cchDest,
				 cchDest * sizeof(char), false, pszSrc,
				 cchToAppend, (void **)ppszDestEnd,
				 pcchRemaining, dwFlags);
}

/**
 * RtlStringCbCatNA() - append a string, at most a given length of it (bytes, char)
 * @pszDest: the destination (holding a NUL-terminated string)
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @cbToAppend: the most source bytes used
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER (see the top of this header).
 */
static inline NTSTATUS RtlStringCbCatNA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
					NTSTRSAFE_PCSTR pszSrc,
					size_t cbToAppend)
{
	return ntshim_strsafe_op(NTSHIM_SS_CATN, pszDest, cbDest / sizeof(char),
				 cbDest, false, pszSrc,
				 cbToAppend / sizeof(char), NULL, NULL, 0);
}

/**
 * RtlStringCbCatNExA() - RtlStringCbCatNA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszSrc: the source
 * @cbToAppend: the most source bytes used
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 *
 * Return: as RtlStringCbCatNA().
 */
static inline NTSTATUS RtlStringCbCatNExA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
					  NTSTRSAFE_PCSTR pszSrc,
					  size_t cbToAppend,
					  NTSTRSAFE_PSTR *ppszDestEnd,
					  size_t *pcbRemaining, ULONG dwFlags)
{
	size_t cch;
	NTSTATUS st = ntshim_strsafe_op(NTSHIM_SS_CATN, pszDest,
					cbDest / sizeof(char), cbDest, false,
					pszSrc, cbToAppend / sizeof(char),
					(void **)ppszDestEnd, &cch, dwFlags);

	ntshim_strsafe_cb_remaining(st, pcbRemaining, cch, cbDest,
				    sizeof(char));
	return st;
}

/**
 * RtlStringCchVPrintfA() - format into a buffer (characters, char)
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszFormat: the format (Windows' conversions, <ntshim/crt.h>)
 * @argList: the arguments
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER.
 */
static inline NTSTATUS RtlStringCchVPrintfA(NTSTRSAFE_PSTR pszDest,
					    size_t cchDest,
					    NTSTRSAFE_PCSTR pszFormat,
					    va_list argList)
{
	return ntshim_strsafe_vprintf(pszDest, cchDest, cchDest * sizeof(char),
				      false, NULL, NULL, 0, pszFormat, argList);
}

/**
 * RtlStringCchVPrintfExA() - RtlStringCchVPrintfA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 * @pszFormat: the format
 * @argList: the arguments
 *
 * Return: as RtlStringCchVPrintfA().
 */
static inline NTSTATUS
RtlStringCchVPrintfExA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
		       NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcchRemaining,
		       ULONG dwFlags, NTSTRSAFE_PCSTR pszFormat,
		       va_list argList)
{
	return ntshim_strsafe_vprintf(pszDest, cchDest, cchDest * sizeof(char),
				      false, (void **)ppszDestEnd,
				      pcchRemaining, dwFlags, pszFormat,
				      argList);
}

/**
 * RtlStringCchPrintfA() - format into a buffer (characters, char)
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @pszFormat: the format (Windows' conversions, <ntshim/crt.h>)
 *
 * Return: as RtlStringCchVPrintfA().
 */
NTSTATUS RtlStringCchPrintfA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
			     NTSTRSAFE_PCSTR pszFormat, ...);

/**
 * RtlStringCchPrintfExA() - RtlStringCchPrintfA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cchDest: its size in characters
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcchRemaining: receives the characters left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 * @pszFormat: the format
 *
 * Return: as RtlStringCchVPrintfA().
 */
NTSTATUS RtlStringCchPrintfExA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
			       NTSTRSAFE_PSTR *ppszDestEnd,
			       size_t *pcchRemaining, ULONG dwFlags,
			       NTSTRSAFE_PCSTR pszFormat, ...);

/**
 * RtlStringCbVPrintfA() - format into a buffer (bytes, char)
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszFormat: the format (Windows' conversions, <ntshim/crt.h>)
 * @argList: the arguments
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW (truncated, NUL-terminated);
 * STATUS_INVALID_PARAMETER.
 */
static inline NTSTATUS RtlStringCbVPrintfA(NTSTRSAFE_PSTR pszDest,
					   size_t cbDest,
					   NTSTRSAFE_PCSTR pszFormat,
					   va_list argList)
{
	return ntshim_strsafe_vprintf(pszDest, cbDest / sizeof(char), cbDest,
				      false, NULL, NULL, 0, pszFormat, argList);
}

/**
 * RtlStringCbVPrintfExA() - RtlStringCbVPrintfA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 * @pszFormat: the format
 * @argList: the arguments
 *
 * Return: as RtlStringCbVPrintfA().
 */
static inline NTSTATUS
RtlStringCbVPrintfExA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
		      NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcbRemaining,
		      ULONG dwFlags, NTSTRSAFE_PCSTR pszFormat, va_list argList)
{
	size_t cch;
	NTSTATUS st = ntshim_strsafe_vprintf(pszDest, cbDest / sizeof(char),
					     cbDest, false,
					     (void **)ppszDestEnd, &cch,
					     dwFlags, pszFormat, argList);

	ntshim_strsafe_cb_remaining(st, pcbRemaining, cch, cbDest,
				    sizeof(char));
	return st;
}

/**
 * RtlStringCbPrintfA() - format into a buffer (bytes, char)
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @pszFormat: the format (Windows' conversions, <ntshim/crt.h>)
 *
 * Return: as RtlStringCbVPrintfA().
 */
NTSTATUS RtlStringCbPrintfA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
			    NTSTRSAFE_PCSTR pszFormat, ...);

/**
 * RtlStringCbPrintfExA() - RtlStringCbPrintfA() with STRSAFE_* flags and results
 * @pszDest: the destination
 * @cbDest: its size in bytes
 * @ppszDestEnd: receives a pointer to the result's NUL, or NULL
 * @pcbRemaining: receives the bytes left (the NUL's included), or NULL
 * @dwFlags: STRSAFE_* flags
 * @pszFormat: the format
 *
 * Return: as RtlStringCbVPrintfA().
 */
NTSTATUS RtlStringCbPrintfExA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
			      NTSTRSAFE_PSTR *ppszDestEnd, size_t *pcbRemaining,
			      ULONG dwFlags, NTSTRSAFE_PCSTR pszFormat, ...);

/**
 * RtlStringCchLengthA() - length of a string, bounded (char)
 * @psz: the string
 * @cchMax: the most characters it may have, its NUL included
 * @pcchLength: receives the length (0 on failure), or NULL
 *
 * Return: STATUS_SUCCESS; STATUS_INVALID_PARAMETER if @psz is NULL,
 * @cchMax exceeds NTSTRSAFE_MAX_CCH, or @psz has no NUL within @cchMax.
 */
static inline NTSTATUS RtlStringCchLengthA(NTSTRSAFE_PCSTR psz, size_t cchMax,
					   size_t *pcchLength)
{
	return ntshim_strsafe_length(psz, cchMax, false, pcchLength);
}

/**
 * RtlStringCbLengthA() - length of a string in bytes, bounded (char)
 * @psz: the string
 * @cbMax: the most bytes it may have, its NUL included
 * @pcbLength: receives the length in bytes (0 on failure), or NULL
 *
 * Return: as RtlStringCchLengthA().
 */
static inline NTSTATUS RtlStringCbLengthA(NTSTRSAFE_PCSTR psz, size_t cbMax,
					  size_t *pcbLength)
{
	size_t cch;
	NTSTATUS st =
		ntshim_strsafe_length(psz, cbMax / sizeof(char), false, &cch);

	if (pcbLength)
		*pcbLength = cch * sizeof(char);
	return st;
}

/* ---- UNICODE_STRING ---------------------------------------------------- */

/**
 * RtlUnicodeStringInit() - point a UNICODE_STRING at a NUL-terminated string
 * @DestinationString: the string to initialise
 * @pszSrc:            the text, or NULL for an empty string
 *
 * Return: STATUS_SUCCESS; STATUS_INVALID_PARAMETER (the string left
 * empty) if @DestinationString is NULL or @pszSrc has
 * NTSTRSAFE_UNICODE_STRING_MAX_CCH characters or more.
 */
NTSTATUS RtlUnicodeStringInit(PUNICODE_STRING DestinationString,
			      NTSTRSAFE_PCWSTR pszSrc);

/**
 * RtlUnicodeStringValidate() - whether a UNICODE_STRING is well formed
 * @SourceString: the string
 *
 * Return: STATUS_SUCCESS, or STATUS_INVALID_PARAMETER for NULL, an odd
 * Length or MaximumLength, Length > MaximumLength, MaximumLength above
 * NTSTRSAFE_UNICODE_STRING_MAX_CCH * sizeof(WCHAR), or a NULL Buffer with
 * a non-zero Length or MaximumLength.
 */
NTSTATUS RtlUnicodeStringValidate(PCUNICODE_STRING SourceString);

/**
 * RtlUnicodeStringCopy() - copy one counted string into another
 * @DestinationString: the destination; its Length becomes the copy's
 * @SourceString:      the source
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW with the destination
 * filled to MaximumLength; STATUS_INVALID_PARAMETER (nothing changed) if
 * either string is invalid (RtlUnicodeStringValidate()).
 */
NTSTATUS RtlUnicodeStringCopy(PUNICODE_STRING DestinationString,
			      PCUNICODE_STRING SourceString);

/**
 * RtlUnicodeStringCopyString() - copy a NUL-terminated string into a
 * counted one
 * @DestinationString: the destination
 * @pszSrc:            the source
 *
 * Return: as RtlUnicodeStringCopy(); STATUS_INVALID_PARAMETER for a NULL
 * @pszSrc.
 */
NTSTATUS RtlUnicodeStringCopyString(PUNICODE_STRING DestinationString,
				    NTSTRSAFE_PCWSTR pszSrc);

/**
 * RtlUnicodeStringCat() - append one counted string to another
 * @DestinationString: the destination
 * @SourceString:      the string appended
 *
 * Return: as RtlUnicodeStringCopy().
 */
NTSTATUS RtlUnicodeStringCat(PUNICODE_STRING DestinationString,
			     PCUNICODE_STRING SourceString);

/**
 * RtlUnicodeStringCatString() - append a NUL-terminated string to a
 * counted one
 * @DestinationString: the destination
 * @pszSrc:            the string appended
 *
 * Return: as RtlUnicodeStringCopyString().
 */
NTSTATUS RtlUnicodeStringCatString(PUNICODE_STRING DestinationString,
				   NTSTRSAFE_PCWSTR pszSrc);

/**
 * RtlUnicodeStringVPrintf() - format into a counted string
 * @DestinationString: the destination; Length becomes the result's
 * @pszFormat:         the WCHAR format (Windows' conversions)
 * @argList:           the arguments
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_OVERFLOW with the destination
 * filled to MaximumLength; STATUS_INVALID_PARAMETER for an invalid
 * destination (unchanged) or a NULL or invalid format (Length 0).
 */
NTSTATUS RtlUnicodeStringVPrintf(PUNICODE_STRING DestinationString,
				 NTSTRSAFE_PCWSTR pszFormat, va_list argList);

/**
 * RtlUnicodeStringPrintf() - RtlUnicodeStringVPrintf() with a variable
 * argument list
 * @DestinationString: the destination
 * @pszFormat:         the WCHAR format
 *
 * Return: as RtlUnicodeStringVPrintf().
 */
NTSTATUS RtlUnicodeStringPrintf(PUNICODE_STRING DestinationString,
				NTSTRSAFE_PCWSTR pszFormat, ...);

#endif /* _NTSHIM_STRSAFE_H */
