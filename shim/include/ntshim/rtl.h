/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Rtl memory routines: RtlCopyMemory and friends on the kernel's mem*()
 * functions, RtlCompareMemory and the ULONG-pattern routines out of line.
 *
 * The hot routines are inline wrappers, so FORTIFY_SOURCE still checks
 * constant sizes.  With ntshim's debug checks on (ntshim.ko built
 * with CONFIG_NTSHIM_DEBUG, as make check does, or
 * ntshim.debug_checks=1: decided by ntshim.ko, not by the client's
 * build) they also catch a NULL pointer with a non-zero length and, for
 * RtlCopyMemory, overlapping buffers: each is reported as the violation
 * rtl_bad_memory_argument and then handled safely (nothing is written, or
 * the copy is done with memmove).  Off, they cost a patched-out jump and
 * the mem*() call, and a bad pointer faults as in any kernel code.
 */
#ifndef _NTSHIM_RTL_H
#define _NTSHIM_RTL_H

#include <linux/compiler.h>
#include <linux/instruction_pointer.h>
#include <linux/kconfig.h>
#include <linux/string.h>
#include <linux/swab.h>
#include <ntshim/types.h>
#include <ntshim/violation.h>

/**
 * ntshim_rtl_bad_memory() - report a bad Rtl memory argument
 * @what:   the routine's name
 * @dst:    its destination (or first) buffer
 * @src:    its source (or second) buffer, or NULL
 * @len:    its length in bytes
 * @caller: the caller's code address
 *
 * Internal to the inline routines below; reports NTSHIM_V_RTL_BAD_MEMORY.
 */
void __cold ntshim_rtl_bad_memory(const char *what, const void *dst,
				  const void *src, SIZE_T len,
				  unsigned long caller);

/**
 * ntshim_rtl_debug_null() - debug-build check for a NULL block
 * @what:   the routine's name, for the report
 * @dst:    first block
 * @src:    second block (pass @dst again if there is none)
 * @len:    length in bytes; NULL with 0 is fine
 * @caller: the caller's code address
 *
 * Return: true (after reporting) if the caller must skip the operation.
 */
static __always_inline bool ntshim_rtl_debug_null(const char *what,
						  const void *dst,
						  const void *src, SIZE_T len,
						  unsigned long caller)
{
	if (ntshim_checking() && len && unlikely(!dst || !src)) {
		ntshim_rtl_bad_memory(what, dst, src, len, caller);
		return true;
	}
	return false;
}

/**
 * ntshim_rtl_copy() - RtlCopyMemory()'s body
 * @dst:    destination
 * @src:    source
 * @len:    bytes
 * @caller: the caller's code address, for reports
 */
static __always_inline void ntshim_rtl_copy(void *dst, const void *src,
					    SIZE_T len, unsigned long caller)
{
	if (ntshim_rtl_debug_null("RtlCopyMemory", dst, src, len, caller))
		return;
	if (ntshim_checking() && len &&
	    unlikely((unsigned long)dst < (unsigned long)src + len &&
		     (unsigned long)src < (unsigned long)dst + len)) {
		ntshim_rtl_bad_memory("RtlCopyMemory (overlap)", dst, src, len,
				      caller);
		memmove(dst, src, len);
		return;
	}
	memcpy(dst, src, len);
}

/**
 * ntshim_rtl_move() - RtlMoveMemory()'s body
 * @dst:    destination
 * @src:    source
 * @len:    bytes
 * @caller: the caller's code address, for reports
 */
static __always_inline void ntshim_rtl_move(void *dst, const void *src,
					    SIZE_T len, unsigned long caller)
{
	if (ntshim_rtl_debug_null("RtlMoveMemory", dst, src, len, caller))
		return;
	memmove(dst, src, len);
}

/**
 * ntshim_rtl_fill() - RtlFillMemory()'s and RtlZeroMemory()'s body
 * @dst:    the block
 * @len:    bytes
 * @fill:   the byte value
 * @what:   the routine's name, for reports
 * @caller: the caller's code address, for reports
 */
static __always_inline void ntshim_rtl_fill(void *dst, SIZE_T len, int fill,
					    const char *what,
					    unsigned long caller)
{
	if (ntshim_rtl_debug_null(what, dst, dst, len, caller))
		return;
	memset(dst, fill, len);
}

/*
 * RtlCopyMemory(), RtlMoveMemory(), RtlFillMemory() and RtlZeroMemory()
 * are also exported functions, as in ntoskrnl.exe, for code that
 * #undefs the macros below or takes their address.  Declared before the
 * macros, so the names are not expanded here; documented with the macros.
 */
void RtlCopyMemory(void *Destination, const void *Source, SIZE_T Length);
void RtlMoveMemory(void *Destination, const void *Source, SIZE_T Length);
void RtlFillMemory(void *Destination, SIZE_T Length, int Fill);
void RtlZeroMemory(void *Destination, SIZE_T Length);

/**
 * RtlCopyMemory() - copy a block of memory (the blocks must not overlap)
 * @Destination: where to copy to
 * @Source:      where to copy from
 * @Length:      bytes to copy
 *
 * memcpy().  Overlapping blocks are the caller's bug (use RtlMoveMemory());
 * the debug build reports them and copies with memmove().
 */
#define RtlCopyMemory(Destination, Source, Length)                            \
	ntshim_rtl_copy((Destination), (Source), (Length), _THIS_IP_)

/**
 * RtlCopyBytes() - RtlCopyMemory() under its other DDK name
 * @Destination: where to copy to
 * @Source:      where to copy from
 * @Length:      bytes to copy
 */
#define RtlCopyBytes(Destination, Source, Length)                             \
	RtlCopyMemory(Destination, Source, Length)

/**
 * RtlMoveMemory() - copy a block of memory that may overlap its source
 * @Destination: where to copy to
 * @Source:      where to copy from
 * @Length:      bytes to copy
 *
 * memmove(): correct for overlap in either direction.
 */
#define RtlMoveMemory(Destination, Source, Length)                            \
	ntshim_rtl_move((Destination), (Source), (Length), _THIS_IP_)

/**
 * RtlFillMemory() - fill a block of memory with one byte value
 * @Destination: the block
 * @Length:      its size in bytes
 * @Fill:        the byte value
 *
 * Note the order: length before fill value, the reverse of memset().
 */
#define RtlFillMemory(Destination, Length, Fill)                              \
	ntshim_rtl_fill((Destination), (Length), (UCHAR)(Fill),               \
			"RtlFillMemory", _THIS_IP_)

/**
 * RtlFillBytes() - RtlFillMemory() under its other DDK name
 * @Destination: the block
 * @Length:      its size in bytes
 * @Fill:        the byte value
 */
#define RtlFillBytes(Destination, Length, Fill)                               \
	RtlFillMemory(Destination, Length, Fill)

/**
 * RtlZeroMemory() - fill a block of memory with zeros
 * @Destination: the block
 * @Length:      its size in bytes
 *
 * The compiler may drop the stores if the block is dead afterwards; use
 * RtlSecureZeroMemory() for secrets.
 */
#define RtlZeroMemory(Destination, Length)                                    \
	ntshim_rtl_fill((Destination), (Length), 0, "RtlZeroMemory", _THIS_IP_)

/**
 * RtlZeroBytes() - RtlZeroMemory() under its other DDK name
 * @Destination: the block
 * @Length:      its size in bytes
 */
#define RtlZeroBytes(Destination, Length) RtlZeroMemory(Destination, Length)

/**
 * RtlSecureZeroMemory() - zero a block the compiler may not optimise away
 * @Ptr: the block
 * @cnt: its size in bytes
 *
 * memzero_explicit(): the stores happen even when @Ptr is never read
 * again, so keys and passwords really leave memory.
 *
 * Return: @Ptr.
 */
static __always_inline PVOID RtlSecureZeroMemory(PVOID Ptr, SIZE_T cnt)
{
	if (!ntshim_rtl_debug_null("RtlSecureZeroMemory", Ptr, Ptr, cnt,
				   _THIS_IP_))
		memzero_explicit(Ptr, cnt);
	return Ptr;
}

/**
 * RtlEqualMemory() - whether two blocks hold the same bytes
 * @Source1: first block
 * @Source2: second block
 * @Length:  bytes to compare
 *
 * Return: TRUE if the first @Length bytes match (TRUE for @Length 0).
 */
static __always_inline BOOLEAN RtlEqualMemory(const void *Source1,
					      const void *Source2,
					      SIZE_T Length)
{
	if (ntshim_rtl_debug_null("RtlEqualMemory", Source1, Source2, Length,
				  _THIS_IP_))
		return FALSE;
	return !memcmp(Source1, Source2, Length);
}

/**
 * RtlCompareMemory() - count the leading bytes two blocks have in common
 * @Source1: first block
 * @Source2: second block
 * @Length:  bytes to compare at most
 *
 * Not a memcmp(): there is no ordering.  Comparison stops at the first
 * difference.  A NULL block with a non-zero @Length is reported as a
 * violation and compares as 0 matching bytes.
 *
 * Return: @Length if the blocks match, else the offset of the first byte
 * that differs.
 */
SIZE_T RtlCompareMemory(const void *Source1, const void *Source2,
			SIZE_T Length);

/**
 * RtlCompareMemoryUlong() - count the bytes that match a repeated ULONG
 * @Source:  the block; must be ULONG aligned
 * @Length:  its size in bytes; must be a multiple of sizeof(ULONG)
 * @Pattern: the ULONG value compared against each ULONG of @Source
 *
 * Comparison stops at the first ULONG that differs.  Both rules broken
 * are reported (rtl_bad_memory_argument): a @Length that is not a
 * multiple of sizeof(ULONG) gives Microsoft's documented 0 without
 * reading anything; an unaligned @Source is compared anyway, as Windows
 * on x86/x64 does (the documentation's "0 if not aligned" is not what
 * the x64 kernel returns).
 *
 * Return: bytes that matched (@Length if all did); 0 for a @Length that
 * is not a multiple of sizeof(ULONG).
 */
SIZE_T RtlCompareMemoryUlong(PVOID Source, SIZE_T Length, ULONG Pattern);

/**
 * RtlFillMemoryUlong() - fill a block with a repeated ULONG
 * @Destination: the block; must be ULONG aligned
 * @Length:      its size in bytes; must be a multiple of sizeof(ULONG)
 * @Pattern:     the value to store
 *
 * Breaking either rule is a violation; ntshim then fills the whole ULONGs
 * that fit in @Length (unaligned stores if need be) and never writes past
 * @Length bytes.
 */
void RtlFillMemoryUlong(PVOID Destination, SIZE_T Length, ULONG Pattern);

/**
 * RtlFillMemoryUlonglong() - fill a block with a repeated ULONGLONG
 * @Destination: the block; must be ULONGLONG aligned
 * @Length:      its size in bytes; must be a multiple of sizeof(ULONGLONG)
 * @Pattern:     the value to store
 *
 * Same rules and fallbacks as RtlFillMemoryUlong().
 */
void RtlFillMemoryUlonglong(PVOID Destination, SIZE_T Length,
			    ULONGLONG Pattern);

/**
 * RtlUshortByteSwap() - swap the two bytes of a USHORT
 * @Source: the value
 */
#define RtlUshortByteSwap(Source) ((USHORT)swab16((USHORT)(Source)))
/**
 * RtlUlongByteSwap() - reverse the four bytes of a ULONG
 * @Source: the value
 */
#define RtlUlongByteSwap(Source) ((ULONG)swab32((ULONG)(Source)))
/**
 * RtlUlonglongByteSwap() - reverse the eight bytes of a ULONGLONG
 * @Source: the value
 */
#define RtlUlonglongByteSwap(Source) ((ULONGLONG)swab64((ULONGLONG)(Source)))

#endif /* _NTSHIM_RTL_H */
