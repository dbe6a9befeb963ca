// SPDX-License-Identifier: GPL-2.0
/*
 * ntstrsafe: the bodies of the RtlStringCch/Cb routines (one for both
 * widths and both units) and the RtlUnicodeString* routines.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/export.h>
#include <linux/kernel.h>
#include <linux/string.h>
#include <ntshim/strsafe.h>

static inline unsigned int ss_get(const void *p, size_t i, bool wide)
{
	return wide ? ((const WCHAR *)p)[i] : ((const u8 *)p)[i];
}

static inline void ss_put(void *p, size_t i, bool wide, unsigned int c)
{
	if (wide)
		((WCHAR *)p)[i] = c;
	else
		((u8 *)p)[i] = c;
}

static inline void *ss_ptr(void *p, size_t i, bool wide)
{
	return (u8 *)p + i * (wide ? sizeof(WCHAR) : 1);
}

static NTSTATUS ss_validate_dest(const void *dest, size_t cch, ULONG flags)
{
	if (cch > NTSTRSAFE_MAX_CCH)
		return STATUS_INVALID_PARAMETER;
	if (flags & STRSAFE_IGNORE_NULLS)
		return !dest && cch ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
	return !dest || !cch ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
}

/*
 * The common end of every Ex routine, in Microsoft's order: on failure
 * NO_TRUNCATION goes back to the original string, FILL_ON_FAILURE fills
 * (and terminates unless the fill is 0), NULL_ON_FAILURE empties; then
 * the out parameters, on success and on truncation only.
 */
static NTSTATUS ss_finish(NTSTATUS st, void *dest, size_t cchDest,
			  size_t cbDest, bool wide, size_t orig, size_t end,
			  ULONG flags, void **ppEnd, size_t *pcchRemaining)
{
	if (!NT_SUCCESS(st) && cchDest) {
		if (flags & STRSAFE_NO_TRUNCATION) {
			end = orig;
			ss_put(dest, end, wide, 0);
		}
		if (flags & STRSAFE_FILL_ON_FAILURE) {
			memset(dest, STRSAFE_GET_FILL_PATTERN(flags), cbDest);
			if (STRSAFE_GET_FILL_PATTERN(flags)) {
				end = cchDest - 1;
				ss_put(dest, end, wide, 0);
			} else {
				end = 0;
			}
		}
		if (flags & STRSAFE_NULL_ON_FAILURE) {
			end = 0;
			ss_put(dest, 0, wide, 0);
		}
	}
	if (NT_SUCCESS(st) || st == STATUS_BUFFER_OVERFLOW) {
		if (ppEnd)
			*ppEnd = ss_ptr(dest, end, wide);
		if (pcchRemaining)
			*pcchRemaining = cchDest - end;
	}
	return st;
}

/* FILL_BEHIND_NULL: the fill byte after the NUL, on success. */
static void ss_fill_behind(void *dest, size_t cchDest, bool wide, size_t end,
			   ULONG flags)
{
	if ((flags & STRSAFE_FILL_BEHIND_NULL) && cchDest - end > 1)
		memset(ss_ptr(dest, end + 1, wide),
		       STRSAFE_GET_FILL_PATTERN(flags),
		       (cchDest - end - 1) * (wide ? sizeof(WCHAR) : 1));
}

NTSTATUS ntshim_strsafe_op(enum ntshim_strsafe_opcode op, void *dest,
			   size_t cchDest, size_t cbDest, bool wide,
			   const void *src, size_t cchSrc, void **ppEnd,
			   size_t *pcchRemaining, ULONG flags)
{
	static const WCHAR empty;
	bool cat = op == NTSHIM_SS_CAT || op == NTSHIM_SS_CATN;
	bool bounded = op == NTSHIM_SS_COPYN || op == NTSHIM_SS_CATN;
	size_t orig = 0, n = 0;
	NTSTATUS st;

	st = ss_validate_dest(dest, cchDest, flags);
	if (!NT_SUCCESS(st))
		return st;
	if (flags & ~STRSAFE_VALID_FLAGS) {
		if (cchDest)
			ss_put(dest, 0, wide, 0);
		return STATUS_INVALID_PARAMETER;
	}
	if (cat) {
		while (orig < cchDest && ss_get(dest, orig, wide))
			orig++;
		if (cchDest && orig == cchDest)
			return STATUS_INVALID_PARAMETER;	/* no NUL */
	}
	if (!bounded)
		cchSrc = SIZE_MAX;
	if (!src && (flags & STRSAFE_IGNORE_NULLS))
		src = &empty;

	if (!src) {
		st = STATUS_INVALID_PARAMETER;
	} else if (bounded && cchSrc > NTSTRSAFE_MAX_CCH) {
		st = STATUS_INVALID_PARAMETER;
		if (!cat && cchDest)
			ss_put(dest, 0, wide, 0);
	} else if (!cchDest) {
		/* only with STRSAFE_IGNORE_NULLS: there is no room at all */
		if (cchSrc && ss_get(src, 0, wide))
			st = dest ? STATUS_BUFFER_OVERFLOW :
				    STATUS_INVALID_PARAMETER;
	} else {
		while (n < cchSrc && ss_get(src, n, wide)) {
			if (orig + n == cchDest - 1) {
				st = STATUS_BUFFER_OVERFLOW;
				break;
			}
			ss_put(dest, orig + n, wide, ss_get(src, n, wide));
			n++;
		}
		ss_put(dest, orig + n, wide, 0);
		if (NT_SUCCESS(st))
			ss_fill_behind(dest, cchDest, wide, orig + n, flags);
	}
	return ss_finish(st, dest, cchDest, cbDest, wide, orig, orig + n,
			 flags, ppEnd, pcchRemaining);
}
EXPORT_SYMBOL_GPL(ntshim_strsafe_op);

NTSTATUS ntshim_strsafe_vprintf(void *dest, size_t cchDest, size_t cbDest,
				bool wide, void **ppEnd, size_t *pcchRemaining,
				ULONG flags, const void *format, va_list args)
{
	static const WCHAR empty;
	size_t end = 0, len;
	NTSTATUS st;

	st = ss_validate_dest(dest, cchDest, flags);
	if (!NT_SUCCESS(st))
		return st;
	if (flags & ~STRSAFE_VALID_FLAGS) {
		if (cchDest)
			ss_put(dest, 0, wide, 0);
		return STATUS_INVALID_PARAMETER;
	}
	if (!format && (flags & STRSAFE_IGNORE_NULLS))
		format = &empty;

	if (!format) {
		st = STATUS_INVALID_PARAMETER;
		if (cchDest)
			ss_put(dest, 0, wide, 0);
	} else if (!cchDest) {
		if (ss_get(format, 0, wide))
			st = dest ? STATUS_BUFFER_OVERFLOW :
				    STATUS_INVALID_PARAMETER;
	} else if (ntshim_vformat(dest, cchDest - 1, wide, format, args,
				  &len)) {
		st = STATUS_INVALID_PARAMETER;
		ss_put(dest, 0, wide, 0);
	} else {
		if (len > cchDest - 1) {
			st = STATUS_BUFFER_OVERFLOW;
			len = cchDest - 1;
		}
		end = len;
		ss_put(dest, end, wide, 0);
		if (NT_SUCCESS(st))
			ss_fill_behind(dest, cchDest, wide, end, flags);
	}
	return ss_finish(st, dest, cchDest, cbDest, wide, 0, end, flags, ppEnd,
			 pcchRemaining);
}
EXPORT_SYMBOL_GPL(ntshim_strsafe_vprintf);

NTSTATUS ntshim_strsafe_length(const void *s, size_t cchMax, bool wide,
			       size_t *pcch)
{
	size_t n = 0;
	NTSTATUS st = STATUS_SUCCESS;

	if (!s || cchMax > NTSTRSAFE_MAX_CCH) {
		st = STATUS_INVALID_PARAMETER;
	} else {
		while (n < cchMax && ss_get(s, n, wide))
			n++;
		if (n == cchMax)
			st = STATUS_INVALID_PARAMETER;
	}
	if (pcch)
		*pcch = NT_SUCCESS(st) ? n : 0;
	return st;
}
EXPORT_SYMBOL_GPL(ntshim_strsafe_length);

NTSTATUS RtlStringCchPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
			     NTSTRSAFE_PCWSTR pszFormat, ...)
{
	va_list ap;
	NTSTATUS st;

	va_start(ap, pszFormat);
	st = ntshim_strsafe_vprintf(pszDest, cchDest, cchDest * sizeof(WCHAR),
				    true, NULL, NULL, 0, pszFormat, ap);
	va_end(ap);
	return st;
}
EXPORT_SYMBOL_GPL(RtlStringCchPrintfW);

NTSTATUS RtlStringCchPrintfA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
			     NTSTRSAFE_PCSTR pszFormat, ...)
{
	va_list ap;
	NTSTATUS st;

	va_start(ap, pszFormat);
	st = ntshim_strsafe_vprintf(pszDest, cchDest, cchDest, false, NULL,
				    NULL, 0, pszFormat, ap);
	va_end(ap);
	return st;
}
EXPORT_SYMBOL_GPL(RtlStringCchPrintfA);

NTSTATUS RtlStringCbPrintfW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
			    NTSTRSAFE_PCWSTR pszFormat, ...)
{
	va_list ap;
	NTSTATUS st;

	va_start(ap, pszFormat);
	st = ntshim_strsafe_vprintf(pszDest, cbDest / sizeof(WCHAR), cbDest,
				    true, NULL, NULL, 0, pszFormat, ap);
	va_end(ap);
	return st;
}
EXPORT_SYMBOL_GPL(RtlStringCbPrintfW);

NTSTATUS RtlStringCbPrintfA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
			    NTSTRSAFE_PCSTR pszFormat, ...)
{
	va_list ap;
	NTSTATUS st;

	va_start(ap, pszFormat);
	st = ntshim_strsafe_vprintf(pszDest, cbDest, cbDest, false, NULL,
				    NULL, 0, pszFormat, ap);
	va_end(ap);
	return st;
}
EXPORT_SYMBOL_GPL(RtlStringCbPrintfA);

NTSTATUS RtlStringCchPrintfExW(NTSTRSAFE_PWSTR pszDest, size_t cchDest,
			       NTSTRSAFE_PWSTR *ppszDestEnd,
			       size_t *pcchRemaining, ULONG dwFlags,
			       NTSTRSAFE_PCWSTR pszFormat, ...)
{
	va_list ap;
	NTSTATUS st;

	va_start(ap, pszFormat);
	st = ntshim_strsafe_vprintf(pszDest, cchDest, cchDest * sizeof(WCHAR),
				    true, (void **)ppszDestEnd, pcchRemaining,
				    dwFlags, pszFormat, ap);
	va_end(ap);
	return st;
}
EXPORT_SYMBOL_GPL(RtlStringCchPrintfExW);

NTSTATUS RtlStringCchPrintfExA(NTSTRSAFE_PSTR pszDest, size_t cchDest,
			       NTSTRSAFE_PSTR *ppszDestEnd,
			       size_t *pcchRemaining, ULONG dwFlags,
			       NTSTRSAFE_PCSTR pszFormat, ...)
{
	va_list ap;
	NTSTATUS st;

	va_start(ap, pszFormat);
	st = ntshim_strsafe_vprintf(pszDest, cchDest, cchDest, false,
				    (void **)ppszDestEnd, pcchRemaining,
				    dwFlags, pszFormat, ap);
	va_end(ap);
	return st;
}
EXPORT_SYMBOL_GPL(RtlStringCchPrintfExA);

NTSTATUS RtlStringCbPrintfExW(NTSTRSAFE_PWSTR pszDest, size_t cbDest,
			      NTSTRSAFE_PWSTR *ppszDestEnd,
			      size_t *pcbRemaining, ULONG dwFlags,
			      NTSTRSAFE_PCWSTR pszFormat, ...)
{
	va_list ap;
	NTSTATUS st;
	size_t cch;

	va_start(ap, pszFormat);
	st = ntshim_strsafe_vprintf(pszDest, cbDest / sizeof(WCHAR), cbDest,
				    true, (void **)ppszDestEnd, &cch, dwFlags,
				    pszFormat, ap);
	va_end(ap);
	ntshim_strsafe_cb_remaining(st, pcbRemaining, cch, cbDest,
				    sizeof(WCHAR));
	return st;
}
EXPORT_SYMBOL_GPL(RtlStringCbPrintfExW);

NTSTATUS RtlStringCbPrintfExA(NTSTRSAFE_PSTR pszDest, size_t cbDest,
			      NTSTRSAFE_PSTR *ppszDestEnd,
			      size_t *pcbRemaining, ULONG dwFlags,
			      NTSTRSAFE_PCSTR pszFormat, ...)
{
	va_list ap;
	NTSTATUS st;

	va_start(ap, pszFormat);
	st = ntshim_strsafe_vprintf(pszDest, cbDest, cbDest, false,
				    (void **)ppszDestEnd, pcbRemaining,
				    dwFlags, pszFormat, ap);
	va_end(ap);
	return st;
}
EXPORT_SYMBOL_GPL(RtlStringCbPrintfExA);

/* ---- UNICODE_STRING ---------------------------------------------------- */

#define SS_USTR_MAX_BYTES (NTSTRSAFE_UNICODE_STRING_MAX_CCH * sizeof(WCHAR))

NTSTATUS RtlUnicodeStringValidate(PCUNICODE_STRING SourceString)
{
	const UNICODE_STRING *us = SourceString;

	if (!us || (us->Length & 1) || (us->MaximumLength & 1) ||
	    us->Length > us->MaximumLength ||
	    us->MaximumLength > SS_USTR_MAX_BYTES ||
	    (!us->Buffer && (us->Length || us->MaximumLength)))
		return STATUS_INVALID_PARAMETER;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(RtlUnicodeStringValidate);

NTSTATUS RtlUnicodeStringInit(PUNICODE_STRING DestinationString,
			      NTSTRSAFE_PCWSTR pszSrc)
{
	size_t n;

	if (!DestinationString)
		return STATUS_INVALID_PARAMETER;
	DestinationString->Length = 0;
	DestinationString->MaximumLength = 0;
	DestinationString->Buffer = NULL;
	if (!pszSrc)
		return STATUS_SUCCESS;
	n = wcsnlen(pszSrc, NTSTRSAFE_UNICODE_STRING_MAX_CCH);
	if (n == NTSTRSAFE_UNICODE_STRING_MAX_CCH)
		return STATUS_INVALID_PARAMETER;
	DestinationString->Length = n * sizeof(WCHAR);
	DestinationString->MaximumLength = (n + 1) * sizeof(WCHAR);
	DestinationString->Buffer = (PWCH)pszSrc;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(RtlUnicodeStringInit);

/*
 * Store @n WCHARs of @src at character @at of @dst, as many as fit in
 * MaximumLength; Length becomes the end of what was stored.
 */
static NTSTATUS ss_ustr_put(PUNICODE_STRING dst, size_t at, const WCHAR *src,
			    size_t n)
{
	size_t room = dst->MaximumLength / sizeof(WCHAR) - at;
	NTSTATUS st = STATUS_SUCCESS;

	if (n > room) {
		n = room;
		st = STATUS_BUFFER_OVERFLOW;
	}
	memmove(dst->Buffer + at, src, n * sizeof(WCHAR));
	dst->Length = (at + n) * sizeof(WCHAR);
	return st;
}

NTSTATUS RtlUnicodeStringCopy(PUNICODE_STRING DestinationString,
			      PCUNICODE_STRING SourceString)
{
	if (!NT_SUCCESS(RtlUnicodeStringValidate(DestinationString)) ||
	    !NT_SUCCESS(RtlUnicodeStringValidate(SourceString)))
		return STATUS_INVALID_PARAMETER;
	return ss_ustr_put(DestinationString, 0, SourceString->Buffer,
			   SourceString->Length / sizeof(WCHAR));
}
EXPORT_SYMBOL_GPL(RtlUnicodeStringCopy);

NTSTATUS RtlUnicodeStringCat(PUNICODE_STRING DestinationString,
			     PCUNICODE_STRING SourceString)
{
	if (!NT_SUCCESS(RtlUnicodeStringValidate(DestinationString)) ||
	    !NT_SUCCESS(RtlUnicodeStringValidate(SourceString)))
		return STATUS_INVALID_PARAMETER;
	return ss_ustr_put(DestinationString,
			   DestinationString->Length / sizeof(WCHAR),
			   SourceString->Buffer,
			   SourceString->Length / sizeof(WCHAR));
}
EXPORT_SYMBOL_GPL(RtlUnicodeStringCat);

/* A NUL-terminated source: only as much of it as could fit is read. */
static size_t ss_ustr_srclen(PCUNICODE_STRING dst, size_t at,
			     const WCHAR *src)
{
	return wcsnlen(src, dst->MaximumLength / sizeof(WCHAR) - at + 1);
}

NTSTATUS RtlUnicodeStringCopyString(PUNICODE_STRING DestinationString,
				    NTSTRSAFE_PCWSTR pszSrc)
{
	if (!NT_SUCCESS(RtlUnicodeStringValidate(DestinationString)) ||
	    !pszSrc)
		return STATUS_INVALID_PARAMETER;
	return ss_ustr_put(DestinationString, 0, pszSrc,
			   ss_ustr_srclen(DestinationString, 0, pszSrc));
}
EXPORT_SYMBOL_GPL(RtlUnicodeStringCopyString);

NTSTATUS RtlUnicodeStringCatString(PUNICODE_STRING DestinationString,
				   NTSTRSAFE_PCWSTR pszSrc)
{
	size_t at;

	if (!NT_SUCCESS(RtlUnicodeStringValidate(DestinationString)) ||
	    !pszSrc)
		return STATUS_INVALID_PARAMETER;
	at = DestinationString->Length / sizeof(WCHAR);
	return ss_ustr_put(DestinationString, at, pszSrc,
			   ss_ustr_srclen(DestinationString, at, pszSrc));
}
EXPORT_SYMBOL_GPL(RtlUnicodeStringCatString);

NTSTATUS RtlUnicodeStringVPrintf(PUNICODE_STRING DestinationString,
				 NTSTRSAFE_PCWSTR pszFormat, va_list argList)
{
	size_t cap, len;

	if (!NT_SUCCESS(RtlUnicodeStringValidate(DestinationString)))
		return STATUS_INVALID_PARAMETER;
	cap = DestinationString->MaximumLength / sizeof(WCHAR);
	if (ntshim_vformat(DestinationString->Buffer, cap, true, pszFormat,
			   argList, &len)) {
		DestinationString->Length = 0;
		return STATUS_INVALID_PARAMETER;
	}
	if (len > cap) {
		DestinationString->Length = cap * sizeof(WCHAR);
		return STATUS_BUFFER_OVERFLOW;
	}
	DestinationString->Length = len * sizeof(WCHAR);
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(RtlUnicodeStringVPrintf);

NTSTATUS RtlUnicodeStringPrintf(PUNICODE_STRING DestinationString,
				NTSTRSAFE_PCWSTR pszFormat, ...)
{
	va_list ap;
	NTSTATUS st;

	va_start(ap, pszFormat);
	st = RtlUnicodeStringVPrintf(DestinationString, pszFormat, ap);
	va_end(ap);
	return st;
}
EXPORT_SYMBOL_GPL(RtlUnicodeStringPrintf);
