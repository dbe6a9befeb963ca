/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Counted strings: UNICODE_STRING (UTF-16) and ANSI_STRING (8-bit).
 *
 * Length and MaximumLength count bytes, never characters; Buffer need not
 * be NUL-terminated and may hold embedded NULs.  A UNICODE_STRING is at
 * most UNICODE_STRING_MAX_BYTES (65534) bytes.
 *
 * The "ANSI" code page of ntshim is UTF-8, the kernel's own: converting
 * a UNICODE_STRING to an ANSI_STRING gives UTF-8 and back.  Unpaired
 * surrogates and malformed UTF-8 become U+FFFD, as Windows' UTF-8
 * routines do.
 *
 * Malformed strings (odd Length, Length > MaximumLength, a NULL Buffer
 * with a non-zero length) are reported as the violation rtl_bad_string;
 * the routine then works on the part that is safe to touch: Length and
 * MaximumLength rounded down to whole WCHARs and Length capped at
 * MaximumLength.  No routine reads or writes outside Buffer[0..Length) of
 * a source or Buffer[0..MaximumLength) of a destination.
 *
 * Case mapping (RtlUpcaseUnicodeChar() and the case-insensitive compares)
 * covers ASCII, Latin-1, Latin Extended-A, Greek (U+0391-U+03AB) and
 * Cyrillic (U+0400-U+045F).  Everything else, and the few letters whose
 * Windows mapping differs from simple Unicode (U+00B5, U+00DF, U+0130,
 * U+0131, U+0138, U+0149, U+017F, U+03C2), is left unchanged.
 *
 * Routines that allocate (AllocateDestinationString TRUE) must run at
 * PASSIVE_LEVEL, as on Windows; free their result with
 * RtlFreeUnicodeString() or RtlFreeAnsiString().
 */
#ifndef _NTSHIM_UNICODE_H
#define _NTSHIM_UNICODE_H

#include <linux/build_bug.h>
#include <linux/compiler.h>
#include <ntshim/status.h>
#include <ntshim/types.h>

/**
 * struct _UNICODE_STRING - a counted UTF-16 string
 * @Length:        bytes in use, not counting any terminating NUL
 * @MaximumLength: bytes allocated at @Buffer
 * @Buffer:        the characters
 */
typedef struct _UNICODE_STRING {
	USHORT Length;
	USHORT MaximumLength;
	PWCH Buffer;
} UNICODE_STRING, *PUNICODE_STRING;
typedef const UNICODE_STRING *PCUNICODE_STRING;

/**
 * struct _STRING - a counted 8-bit string (ANSI_STRING, OEM_STRING)
 * @Length:        bytes in use, not counting any terminating NUL
 * @MaximumLength: bytes allocated at @Buffer
 * @Buffer:        the characters
 */
typedef struct _STRING {
	USHORT Length;
	USHORT MaximumLength;
	PCHAR Buffer;
} STRING, *PSTRING, ANSI_STRING, *PANSI_STRING, OEM_STRING, *POEM_STRING;
typedef const STRING *PCSTRING;
typedef const ANSI_STRING *PCANSI_STRING;
typedef const OEM_STRING *PCOEM_STRING;

#define UNICODE_NULL ((WCHAR)0)
#define ANSI_NULL ((CHAR)0)
#define UNICODE_STRING_MAX_BYTES ((USHORT)65534)
#define UNICODE_STRING_MAX_CHARS (32767)

/**
 * RTL_CONSTANT_STRING() - initialiser for a counted string from a literal
 * @s: a string literal or array: L"..." for a UNICODE_STRING, "..." for
 *     an ANSI_STRING
 *
 * A constant expression, so it works at file scope and in initialisers:
 * ``UNICODE_STRING src = RTL_CONSTANT_STRING(L"My source string!");``
 * Length excludes the terminating NUL, MaximumLength includes it.  A
 * pointer instead of an array, or a literal longer than a counted string
 * can hold, fails to compile.
 */
#define RTL_CONSTANT_STRING(s)                                                \
	{                                                                     \
		.Length = sizeof(s) - sizeof((s)[0]) + __must_be_array(s) +   \
			  BUILD_BUG_ON_ZERO(sizeof(s) > 0xffff),               \
		.MaximumLength = sizeof(s),                                   \
		.Buffer = (s),                                                \
	}

/**
 * DECLARE_CONST_UNICODE_STRING() - a const UNICODE_STRING and its buffer
 * @_var:    the variable name; its buffer is @_var ## _buffer
 * @_string: an L"..." literal
 */
#define DECLARE_CONST_UNICODE_STRING(_var, _string)                           \
	const WCHAR _var##_buffer[] = _string;                                \
	const UNICODE_STRING _var = {                                         \
		.Length = sizeof(_string) - sizeof(WCHAR) +                   \
			  BUILD_BUG_ON_ZERO(sizeof(_string) > 0xffff),         \
		.MaximumLength = sizeof(_string),                             \
		.Buffer = (PWCH)_var##_buffer,                                \
	}

/**
 * DECLARE_UNICODE_STRING_SIZE() - an empty UNICODE_STRING with a buffer
 * @_var:  the variable name; its buffer is @_var ## _buffer
 * @_size: buffer size in WCHARs (not bytes), at most 32767
 */
#define DECLARE_UNICODE_STRING_SIZE(_var, _size)                              \
	WCHAR _var##_buffer[_size];                                           \
	UNICODE_STRING _var = {                                               \
		.Length = 0,                                                  \
		.MaximumLength = (_size) * sizeof(WCHAR) +                    \
				 BUILD_BUG_ON_ZERO((_size) >                  \
						   UNICODE_STRING_MAX_CHARS), \
		.Buffer = _var##_buffer,                                      \
	}

/**
 * RtlInitEmptyUnicodeString() - point an empty string at a caller's buffer
 * @UnicodeString: the string
 * @Buffer:        the buffer (may be NULL with @BufferSize 0)
 * @BufferSize:    its size in bytes
 */
static inline void RtlInitEmptyUnicodeString(PUNICODE_STRING UnicodeString,
					     PWCHAR Buffer, USHORT BufferSize)
{
	UnicodeString->Length = 0;
	UnicodeString->MaximumLength = BufferSize;
	UnicodeString->Buffer = Buffer;
}

/**
 * RtlInitEmptyAnsiString() - point an empty ANSI string at a buffer
 * @AnsiString: the string
 * @Buffer:     the buffer (may be NULL with @BufferSize 0)
 * @BufferSize: its size in bytes
 */
static inline void RtlInitEmptyAnsiString(PANSI_STRING AnsiString,
					  PCHAR Buffer, USHORT BufferSize)
{
	AnsiString->Length = 0;
	AnsiString->MaximumLength = BufferSize;
	AnsiString->Buffer = Buffer;
}

/**
 * RtlInitUnicodeString() - make a counted string of a NUL-terminated one
 * @DestinationString: the string to set up
 * @SourceString:      a NUL-terminated UTF-16 string, or NULL
 *
 * Buffer points at @SourceString (nothing is copied); Length is its size
 * in bytes without the NUL, MaximumLength with it.  NULL gives Length =
 * MaximumLength = 0 and a NULL Buffer.  A source longer than 32766
 * characters is cut to Length 65532, MaximumLength 65534 (Windows does
 * the same); it is never read past that point.
 */
void RtlInitUnicodeString(PUNICODE_STRING DestinationString,
			  PCWSTR SourceString);

/**
 * RtlInitAnsiString() - make a counted 8-bit string of a C string
 * @DestinationString: the string to set up
 * @SourceString:      a NUL-terminated string, or NULL
 *
 * As RtlInitUnicodeString(), in bytes: Length at most 65534,
 * MaximumLength = Length + 1.
 */
void RtlInitAnsiString(PANSI_STRING DestinationString, PCSZ SourceString);

/**
 * RtlInitString() - RtlInitAnsiString() for a STRING
 * @DestinationString: the string to set up
 * @SourceString:      a NUL-terminated string, or NULL
 */
void RtlInitString(PSTRING DestinationString, PCSZ SourceString);

/**
 * RtlCopyUnicodeString() - copy a string into a caller-allocated buffer
 * @DestinationString: the destination; MaximumLength and Buffer are kept
 * @SourceString:      the source, or NULL (sets Length to 0)
 *
 * Copies min(source Length, destination MaximumLength) bytes, sets
 * Length to that, and NUL-terminates only if a whole WCHAR of room is
 * left.  Truncation is silent, as on Windows.
 */
void RtlCopyUnicodeString(PUNICODE_STRING DestinationString,
			  PCUNICODE_STRING SourceString);

/**
 * RtlAppendUnicodeStringToString() - append one counted string to another
 * @Destination: the string appended to
 * @Source:      the string appended (may be @Destination itself)
 *
 * NUL-terminates the result if room is left.
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_TOO_SMALL, with @Destination left
 * unchanged, if the result would not fit in MaximumLength.
 */
NTSTATUS RtlAppendUnicodeStringToString(PUNICODE_STRING Destination,
					PCUNICODE_STRING Source);

/**
 * RtlAppendUnicodeToString() - append a NUL-terminated string
 * @Destination: the string appended to
 * @Source:      a NUL-terminated UTF-16 string, or NULL (appends nothing)
 *
 * @Source is read only as far as the room left in @Destination requires.
 *
 * Return: STATUS_SUCCESS; STATUS_BUFFER_TOO_SMALL, with @Destination left
 * unchanged, if the result would not fit.
 */
NTSTATUS RtlAppendUnicodeToString(PUNICODE_STRING Destination,
				  PCWSTR Source);

/**
 * RtlUpcaseUnicodeChar() - the uppercase form of a character
 * @SourceCharacter: a UTF-16 code unit
 *
 * Return: its uppercase form within the ranges listed at the top of this
 * header, else @SourceCharacter.
 */
WCHAR RtlUpcaseUnicodeChar(WCHAR SourceCharacter);

/**
 * RtlDowncaseUnicodeChar() - the lowercase form of a character
 * @SourceCharacter: a UTF-16 code unit
 *
 * Return: the inverse of RtlUpcaseUnicodeChar() over the same ranges.
 */
WCHAR RtlDowncaseUnicodeChar(WCHAR SourceCharacter);

/**
 * RtlEqualUnicodeString() - whether two strings are equal
 * @String1:         first string
 * @String2:         second string
 * @CaseInSensitive: compare with RtlUpcaseUnicodeChar() applied
 *
 * Return: TRUE if equal; FALSE whenever the Lengths differ.
 */
BOOLEAN RtlEqualUnicodeString(PCUNICODE_STRING String1,
			      PCUNICODE_STRING String2,
			      BOOLEAN CaseInSensitive);

/**
 * RtlCompareUnicodeString() - order two strings
 * @String1:         first string
 * @String2:         second string
 * @CaseInSensitive: compare with RtlUpcaseUnicodeChar() applied
 *
 * Compares WCHAR by WCHAR as unsigned 16-bit values; the first difference
 * decides, and if one string is a prefix of the other the shorter sorts
 * first.
 *
 * Return: negative, 0 or positive as @String1 sorts before, equal to or
 * after @String2 (only the sign is meaningful).
 */
LONG RtlCompareUnicodeString(PCUNICODE_STRING String1,
			     PCUNICODE_STRING String2,
			     BOOLEAN CaseInSensitive);

/**
 * RtlPrefixUnicodeString() - whether one string starts another
 * @String1:         the prefix
 * @String2:         the string
 * @CaseInSensitive: compare with RtlUpcaseUnicodeChar() applied
 *
 * Return: TRUE if @String2 begins with @String1.
 */
BOOLEAN RtlPrefixUnicodeString(PCUNICODE_STRING String1,
			       PCUNICODE_STRING String2,
			       BOOLEAN CaseInSensitive);

/**
 * RtlUpcaseUnicodeString() - uppercase a copy of a string
 * @DestinationString:         the result; may be @SourceString itself
 * @SourceString:              the string to convert
 * @AllocateDestinationString: allocate the result's buffer (free it with
 *                             RtlFreeUnicodeString())
 *
 * The result is not NUL-terminated.
 *
 * Return: STATUS_SUCCESS; STATUS_NO_MEMORY if allocation fails;
 * STATUS_BUFFER_OVERFLOW if the caller's buffer is too small.  On failure
 * nothing is allocated or converted.
 */
NTSTATUS RtlUpcaseUnicodeString(PUNICODE_STRING DestinationString,
				PCUNICODE_STRING SourceString,
				BOOLEAN AllocateDestinationString);

/**
 * RtlDowncaseUnicodeString() - lowercase a copy of a string
 * @DestinationString:         the result; may be @SourceString itself
 * @SourceString:              the string to convert
 * @AllocateDestinationString: allocate the result's buffer
 *
 * Return: as RtlUpcaseUnicodeString().
 */
NTSTATUS RtlDowncaseUnicodeString(PUNICODE_STRING DestinationString,
				  PCUNICODE_STRING SourceString,
				  BOOLEAN AllocateDestinationString);

/**
 * RtlxUnicodeStringToAnsiSize() - bytes the ANSI (UTF-8) form would need
 * @UnicodeString: the string
 *
 * Return: the size in bytes including the terminating NUL.
 */
ULONG RtlxUnicodeStringToAnsiSize(PCUNICODE_STRING UnicodeString);

/**
 * RtlUnicodeStringToAnsiSize() - RtlxUnicodeStringToAnsiSize()
 * @UnicodeString: the string
 */
#define RtlUnicodeStringToAnsiSize(UnicodeString)                             \
	RtlxUnicodeStringToAnsiSize(UnicodeString)

/**
 * RtlxAnsiStringToUnicodeSize() - bytes the UTF-16 form would need
 * @AnsiString: the (UTF-8) string
 *
 * Return: the size in bytes including the terminating NUL.
 */
ULONG RtlxAnsiStringToUnicodeSize(PCANSI_STRING AnsiString);

/**
 * RtlAnsiStringToUnicodeSize() - RtlxAnsiStringToUnicodeSize()
 * @AnsiString: the string
 */
#define RtlAnsiStringToUnicodeSize(AnsiString)                                \
	RtlxAnsiStringToUnicodeSize(AnsiString)

/**
 * RtlUnicodeStringToAnsiString() - convert UTF-16 to an ANSI (UTF-8) string
 * @DestinationString:         the result, NUL-terminated
 * @SourceString:              the string to convert
 * @AllocateDestinationString: allocate the result's buffer (free it with
 *                             RtlFreeAnsiString())
 *
 * Return: STATUS_SUCCESS; STATUS_INVALID_PARAMETER_2 if the result would
 * exceed 65534 bytes; STATUS_NO_MEMORY if allocation fails;
 * STATUS_BUFFER_OVERFLOW if the caller's buffer cannot hold the result
 * and its NUL.  On failure @DestinationString is unchanged.
 */
NTSTATUS RtlUnicodeStringToAnsiString(PANSI_STRING DestinationString,
				      PCUNICODE_STRING SourceString,
				      BOOLEAN AllocateDestinationString);

/**
 * RtlAnsiStringToUnicodeString() - convert an ANSI (UTF-8) string to UTF-16
 * @DestinationString:         the result, NUL-terminated
 * @SourceString:              the string to convert
 * @AllocateDestinationString: allocate the result's buffer (free it with
 *                             RtlFreeUnicodeString())
 *
 * Characters beyond the BMP become surrogate pairs.
 *
 * Return: STATUS_SUCCESS; STATUS_INVALID_PARAMETER_2 if the result would
 * exceed UNICODE_STRING_MAX_BYTES with its NUL; STATUS_NO_MEMORY if
 * allocation fails; STATUS_BUFFER_OVERFLOW if the caller's buffer cannot
 * hold the result and its NUL.  On failure @DestinationString is
 * unchanged.
 */
NTSTATUS RtlAnsiStringToUnicodeString(PUNICODE_STRING DestinationString,
				      PCANSI_STRING SourceString,
				      BOOLEAN AllocateDestinationString);

/**
 * RtlFreeUnicodeString() - free a buffer an Rtl routine allocated
 * @UnicodeString: the string; its Buffer, Length and MaximumLength are
 *                 zeroed
 *
 * Only for strings filled by a routine called with
 * AllocateDestinationString TRUE: those buffers come from the paged pool
 * under tag 'Strg' (shown as "Strg" in pooltags).  Any other Buffer is
 * caught by the pool's free checks, reported as pool_bad_free and not
 * freed.
 */
void RtlFreeUnicodeString(PUNICODE_STRING UnicodeString);

/**
 * RtlFreeAnsiString() - free a buffer RtlUnicodeStringToAnsiString()
 * allocated
 * @AnsiString: the string; its Buffer, Length and MaximumLength are zeroed
 *
 * Same rules as RtlFreeUnicodeString().
 */
void RtlFreeAnsiString(PANSI_STRING AnsiString);

/* Size of the temporary NTSHIM_WZ() formats into, NUL included. */
#define NTSHIM_WZ_LEN 128

/**
 * ntshim_ustr_to_cstr() - format a UNICODE_STRING as printable UTF-8
 * @buf:  where to write; always NUL-terminated if @size > 0
 * @size: size of @buf in bytes
 * @us:   the string, or NULL (prints "(null)")
 *
 * For logs: NUL and other control characters print as '?', malformed
 * UTF-16 as U+FFFD, and a string that does not fit is cut at a character
 * boundary and ends in "...".
 *
 * Return: @buf.
 */
char *ntshim_ustr_to_cstr(char *buf, size_t size, PCUNICODE_STRING us);

/**
 * NTSHIM_WZ() - a UNICODE_STRING as a "%s" argument (Windows' %wZ)
 * @us: PCUNICODE_STRING
 *
 * ``pr_info("opened %s\n", NTSHIM_WZ(&name));``  Formats into an
 * NTSHIM_WZ_LEN-byte temporary on the caller's stack that lives until the
 * end of the enclosing block; longer strings are cut (see
 * ntshim_ustr_to_cstr()).
 */
#define NTSHIM_WZ(us)                                                         \
	ntshim_ustr_to_cstr((char[NTSHIM_WZ_LEN]){}, NTSHIM_WZ_LEN, (us))

#endif /* _NTSHIM_UNICODE_H */
