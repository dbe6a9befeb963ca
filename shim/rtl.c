// SPDX-License-Identifier: GPL-2.0
/*
 * Rtl memory routines that are not one mem*() call.
 */
#include <linux/align.h>
#include <linux/bitops.h>
#include <linux/export.h>
#include <linux/string.h>
#include <ntshim/rtl.h>

void ntshim_rtl_bad_memory(const char *what, const void *dst,
			   const void *src, SIZE_T len, unsigned long caller)
{
	ntshim_violation(NTSHIM_V_RTL_BAD_MEMORY, 0, dst, caller,
			 "%s: dst %px src %px length %zu", what, dst, src,
			 (size_t)len);
}
EXPORT_SYMBOL_GPL(ntshim_rtl_bad_memory);

SIZE_T RtlCompareMemory(const void *Source1, const void *Source2,
			SIZE_T Length)
{
	const u8 *a = Source1, *b = Source2;
	SIZE_T i = 0;

	if (!Length)
		return 0;
	if (unlikely(!a || !b)) {
		ntshim_rtl_bad_memory(__func__, a, b, Length,
				      _RET_IP_);
		return 0;
	}

	/* A word at a time; the lowest differing byte is the first one. */
	for (; Length - i >= sizeof(unsigned long); i += sizeof(unsigned long)) {
		unsigned long x, y;

		/* memcpy: an unaligned load the compiler emits as one mov */
		memcpy(&x, a + i, sizeof(x));
		memcpy(&y, b + i, sizeof(y));
		if (x != y)
			return i + __ffs(x ^ y) / BITS_PER_BYTE;
	}
	for (; i < Length; i++)
		if (a[i] != b[i])
			break;
	return i;
}
EXPORT_SYMBOL_GPL(RtlCompareMemory);

SIZE_T RtlCompareMemoryUlong(PVOID Source, SIZE_T Length, ULONG Pattern)
{
	const u8 *p = Source;
	SIZE_T i, n = Length / sizeof(ULONG);

	if (unlikely(!Source && Length)) {
		ntshim_rtl_bad_memory(__func__, Source, NULL,
				      Length, _RET_IP_);
		return 0;
	}
	/* Microsoft's documented answer: 0, nothing is read. */
	if (unlikely(!IS_ALIGNED(Length, sizeof(ULONG)))) {
		ntshim_rtl_bad_memory(__func__, Source, NULL, Length,
				      _RET_IP_);
		return 0;
	}
	/* x86 reads unaligned ULONGs, and so does Windows there: compare. */
	if (unlikely(!IS_ALIGNED((unsigned long)Source, sizeof(ULONG))))
		ntshim_rtl_bad_memory(__func__, Source, NULL, Length,
				      _RET_IP_);
	for (i = 0; i < n; i++) {
		ULONG v;

		memcpy(&v, p + i * sizeof(ULONG), sizeof(v));
		if (v != Pattern)
			break;
	}
	return i * sizeof(ULONG);
}
EXPORT_SYMBOL_GPL(RtlCompareMemoryUlong);

void RtlFillMemoryUlong(PVOID Destination, SIZE_T Length, ULONG Pattern)
{
	u8 *p = Destination;
	SIZE_T i, n = Length / sizeof(ULONG);

	if (unlikely(!Destination && Length)) {
		ntshim_rtl_bad_memory(__func__, NULL, NULL, Length,
				      _RET_IP_);
		return;
	}
	if (unlikely(!IS_ALIGNED((unsigned long)p, sizeof(ULONG)) ||
		     !IS_ALIGNED(Length, sizeof(ULONG))))
		ntshim_rtl_bad_memory(__func__, p,
				      NULL, Length, _RET_IP_);
	for (i = 0; i < n; i++)
		memcpy(p + i * sizeof(Pattern), &Pattern, sizeof(Pattern));
}
EXPORT_SYMBOL_GPL(RtlFillMemoryUlong);

void RtlFillMemoryUlonglong(PVOID Destination, SIZE_T Length,
			    ULONGLONG Pattern)
{
	u8 *p = Destination;
	SIZE_T i, n = Length / sizeof(ULONGLONG);

	if (unlikely(!Destination && Length)) {
		ntshim_rtl_bad_memory(__func__, NULL, NULL,
				      Length, _RET_IP_);
		return;
	}
	if (unlikely(!IS_ALIGNED((unsigned long)p, sizeof(ULONGLONG)) ||
		     !IS_ALIGNED(Length, sizeof(ULONGLONG))))
		ntshim_rtl_bad_memory(__func__, p,
				      NULL, Length, _RET_IP_);
	for (i = 0; i < n; i++)
		memcpy(p + i * sizeof(Pattern), &Pattern, sizeof(Pattern));
}
EXPORT_SYMBOL_GPL(RtlFillMemoryUlonglong);

/* The function forms of the Rtl memory macros (see ntshim/rtl.h). */
#undef RtlCopyMemory
#undef RtlMoveMemory
#undef RtlFillMemory
#undef RtlZeroMemory

void RtlCopyMemory(void *Destination, const void *Source, SIZE_T Length)
{
	ntshim_rtl_copy(Destination, Source, Length, _RET_IP_);
}
EXPORT_SYMBOL_GPL(RtlCopyMemory);

void RtlMoveMemory(void *Destination, const void *Source, SIZE_T Length)
{
	ntshim_rtl_move(Destination, Source, Length, _RET_IP_);
}
EXPORT_SYMBOL_GPL(RtlMoveMemory);

void RtlFillMemory(void *Destination, SIZE_T Length, int Fill)
{
	ntshim_rtl_fill(Destination, Length, (UCHAR)Fill, "RtlFillMemory", _RET_IP_);
}
EXPORT_SYMBOL_GPL(RtlFillMemory);

void RtlZeroMemory(void *Destination, SIZE_T Length)
{
	ntshim_rtl_fill(Destination, Length, 0, "RtlZeroMemory", _RET_IP_);
}
EXPORT_SYMBOL_GPL(RtlZeroMemory);
