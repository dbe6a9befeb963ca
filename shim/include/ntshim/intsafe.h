/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntintsafe: the kernel-mode integer helpers of the DDK (RtlULongAdd,
 * RtlSizeTMult, RtlULongLongToULong...), all inline.
 *
 * Every routine returns STATUS_SUCCESS with the exact result, or
 * STATUS_INTEGER_OVERFLOW when the result does not fit the destination
 * type; then *pResult holds the type's error value (ULONG_ERROR and the
 * other unsigned ones are all ones, the signed ones -1), as Microsoft
 * documents, never a wrapped value.  The arithmetic is done in infinite
 * precision by the compiler's __builtin_*_overflow(), so mixed signedness
 * in conversions is exact too.
 *
 * Types follow 64-bit Windows: LONG/ULONG/INT/UINT are 32 bits,
 * SIZE_T/ULONG_PTR/LONG_PTR 64.  Only ntshim's types.h and status.h are
 * included, so DDK translation units see no extra Linux names.
 */
#ifndef _NTSHIM_INTSAFE_H
#define _NTSHIM_INTSAFE_H

#include <ntshim/status.h>
#include <ntshim/types.h>

#define BYTE_ERROR ((BYTE)0xff)
#define UCHAR_ERROR ((UCHAR)0xff)
#define CHAR_ERROR ((CHAR)-1)
#define USHORT_ERROR ((USHORT)0xffff)
#define WORD_ERROR ((WORD)0xffff)
#define SHORT_ERROR ((SHORT)-1)
#define UINT_ERROR ((UINT)0xffffffffU)
#define ULONG_ERROR ((ULONG)0xffffffffU)
#define DWORD_ERROR ((DWORD)0xffffffffU)
#define INT_ERROR ((INT)-1)
#define LONG_ERROR ((LONG)-1)
#define ULONGLONG_ERROR ((ULONGLONG)~0ULL)
#define LONGLONG_ERROR ((LONGLONG)-1)
#define ULONG64_ERROR ((ULONG64)~0ULL)
#define DWORD64_ERROR ((DWORD64)~0ULL)
#define SIZET_ERROR ((SIZE_T)~0UL)
#define ULONG_PTR_ERROR ((ULONG_PTR)~0UL)
#define UINT_PTR_ERROR ((UINT_PTR)~0UL)
#define DWORD_PTR_ERROR ((DWORD_PTR)~0UL)
#define LONG_PTR_ERROR ((LONG_PTR)-1)
#define INT_PTR_ERROR ((INT_PTR)-1)
#define SSIZET_ERROR ((SSIZE_T)-1)

/**
 * NTSHIM_INTSAFE_MATH() - define one two-operand intsafe routine
 * @name: the routine, e.g. RtlULongAdd
 * @type: operand and result type
 * @op:   add, sub or mul (the __builtin_<op>_overflow to use)
 * @err:  the value stored in *pResult on overflow
 *
 * The routine is ``NTSTATUS name(type a, type b, type *pResult)``.
 */
#define NTSHIM_INTSAFE_MATH(name, type, op, err)                              \
	static __always_inline NTSTATUS name(type a, type b, type *pResult)   \
	{                                                                     \
		bool ovf = __builtin_##op##_overflow(a, b, pResult);         \
								      \
		if (__builtin_expect(ovf, 0)) {                               \
			*pResult = (err);                                     \
			return STATUS_INTEGER_OVERFLOW;                       \
		}                                                             \
		return STATUS_SUCCESS;                                        \
	}

/**
 * NTSHIM_INTSAFE_CONV() - define one intsafe conversion routine
 * @name: the routine, e.g. RtlULongLongToULong
 * @from: the source type
 * @to:   the destination type
 * @err:  the value stored in *pResult when the value does not fit
 *
 * The routine is ``NTSTATUS name(from value, to *pResult)``; adding 0 in
 * infinite precision and storing into @to is exactly "does it fit".
 */
#define NTSHIM_INTSAFE_CONV(name, from, to, err)                              \
	static __always_inline NTSTATUS name(from value, to *pResult)         \
	{                                                                     \
		bool ovf = __builtin_add_overflow(value, 0, pResult);         \
								      \
		if (__builtin_expect(ovf, 0)) {                               \
			*pResult = (err);                                     \
			return STATUS_INTEGER_OVERFLOW;                       \
		}                                                             \
		return STATUS_SUCCESS;                                        \
	}

/*
 * Arithmetic: RtlXxxAdd(a, b, &r), RtlXxxSub(a, b, &r) (a - b),
 * RtlXxxMult(a, b, &r).
 */
NTSHIM_INTSAFE_MATH(RtlUShortAdd, USHORT, add, USHORT_ERROR)
NTSHIM_INTSAFE_MATH(RtlUShortSub, USHORT, sub, USHORT_ERROR)
NTSHIM_INTSAFE_MATH(RtlUShortMult, USHORT, mul, USHORT_ERROR)
NTSHIM_INTSAFE_MATH(RtlWordAdd, WORD, add, WORD_ERROR)
NTSHIM_INTSAFE_MATH(RtlWordSub, WORD, sub, WORD_ERROR)
NTSHIM_INTSAFE_MATH(RtlUIntAdd, UINT, add, UINT_ERROR)
NTSHIM_INTSAFE_MATH(RtlUIntSub, UINT, sub, UINT_ERROR)
NTSHIM_INTSAFE_MATH(RtlUIntMult, UINT, mul, UINT_ERROR)
NTSHIM_INTSAFE_MATH(RtlULongAdd, ULONG, add, ULONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlULongSub, ULONG, sub, ULONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlULongMult, ULONG, mul, ULONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlDWordAdd, DWORD, add, DWORD_ERROR)
NTSHIM_INTSAFE_MATH(RtlDWordSub, DWORD, sub, DWORD_ERROR)
NTSHIM_INTSAFE_MATH(RtlDWordMult, DWORD, mul, DWORD_ERROR)
NTSHIM_INTSAFE_MATH(RtlULongLongAdd, ULONGLONG, add, ULONGLONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlULongLongSub, ULONGLONG, sub, ULONGLONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlULongLongMult, ULONGLONG, mul, ULONGLONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlDWord64Add, DWORD64, add, DWORD64_ERROR)
NTSHIM_INTSAFE_MATH(RtlDWord64Mult, DWORD64, mul, DWORD64_ERROR)
NTSHIM_INTSAFE_MATH(RtlSizeTAdd, SIZE_T, add, SIZET_ERROR)
NTSHIM_INTSAFE_MATH(RtlSizeTSub, SIZE_T, sub, SIZET_ERROR)
NTSHIM_INTSAFE_MATH(RtlSizeTMult, SIZE_T, mul, SIZET_ERROR)
NTSHIM_INTSAFE_MATH(RtlULongPtrAdd, ULONG_PTR, add, ULONG_PTR_ERROR)
NTSHIM_INTSAFE_MATH(RtlULongPtrSub, ULONG_PTR, sub, ULONG_PTR_ERROR)
NTSHIM_INTSAFE_MATH(RtlULongPtrMult, ULONG_PTR, mul, ULONG_PTR_ERROR)
NTSHIM_INTSAFE_MATH(RtlUIntPtrAdd, UINT_PTR, add, UINT_PTR_ERROR)
NTSHIM_INTSAFE_MATH(RtlUIntPtrSub, UINT_PTR, sub, UINT_PTR_ERROR)
NTSHIM_INTSAFE_MATH(RtlDWordPtrAdd, DWORD_PTR, add, DWORD_PTR_ERROR)
NTSHIM_INTSAFE_MATH(RtlDWordPtrSub, DWORD_PTR, sub, DWORD_PTR_ERROR)
NTSHIM_INTSAFE_MATH(RtlShortAdd, SHORT, add, SHORT_ERROR)
NTSHIM_INTSAFE_MATH(RtlShortSub, SHORT, sub, SHORT_ERROR)
NTSHIM_INTSAFE_MATH(RtlShortMult, SHORT, mul, SHORT_ERROR)
NTSHIM_INTSAFE_MATH(RtlIntAdd, INT, add, INT_ERROR)
NTSHIM_INTSAFE_MATH(RtlIntSub, INT, sub, INT_ERROR)
NTSHIM_INTSAFE_MATH(RtlIntMult, INT, mul, INT_ERROR)
NTSHIM_INTSAFE_MATH(RtlLongAdd, LONG, add, LONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlLongSub, LONG, sub, LONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlLongMult, LONG, mul, LONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlLongLongAdd, LONGLONG, add, LONGLONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlLongLongSub, LONGLONG, sub, LONGLONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlLongLongMult, LONGLONG, mul, LONGLONG_ERROR)
NTSHIM_INTSAFE_MATH(RtlLongPtrAdd, LONG_PTR, add, LONG_PTR_ERROR)
NTSHIM_INTSAFE_MATH(RtlLongPtrSub, LONG_PTR, sub, LONG_PTR_ERROR)
NTSHIM_INTSAFE_MATH(RtlLongPtrMult, LONG_PTR, mul, LONG_PTR_ERROR)
NTSHIM_INTSAFE_MATH(RtlSSIZETAdd, SSIZE_T, add, SSIZET_ERROR)
NTSHIM_INTSAFE_MATH(RtlSSIZETSub, SSIZE_T, sub, SSIZET_ERROR)

/* Conversions: RtlFromToTo(value, &result). */
NTSHIM_INTSAFE_CONV(RtlUShortToUChar, USHORT, UCHAR, UCHAR_ERROR)
NTSHIM_INTSAFE_CONV(RtlUShortToShort, USHORT, SHORT, SHORT_ERROR)
NTSHIM_INTSAFE_CONV(RtlShortToUShort, SHORT, USHORT, USHORT_ERROR)
NTSHIM_INTSAFE_CONV(RtlShortToUChar, SHORT, UCHAR, UCHAR_ERROR)
NTSHIM_INTSAFE_CONV(RtlIntToUInt, INT, UINT, UINT_ERROR)
NTSHIM_INTSAFE_CONV(RtlIntToULong, INT, ULONG, ULONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlIntToUShort, INT, USHORT, USHORT_ERROR)
NTSHIM_INTSAFE_CONV(RtlIntToUChar, INT, UCHAR, UCHAR_ERROR)
NTSHIM_INTSAFE_CONV(RtlIntToShort, INT, SHORT, SHORT_ERROR)
NTSHIM_INTSAFE_CONV(RtlIntToSizeT, INT, SIZE_T, SIZET_ERROR)
NTSHIM_INTSAFE_CONV(RtlUIntToInt, UINT, INT, INT_ERROR)
NTSHIM_INTSAFE_CONV(RtlUIntToLong, UINT, LONG, LONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlUIntToUShort, UINT, USHORT, USHORT_ERROR)
NTSHIM_INTSAFE_CONV(RtlUIntToUChar, UINT, UCHAR, UCHAR_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongToULong, LONG, ULONG, ULONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongToUInt, LONG, UINT, UINT_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongToUShort, LONG, USHORT, USHORT_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongToShort, LONG, SHORT, SHORT_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongToUChar, LONG, UCHAR, UCHAR_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongToSizeT, LONG, SIZE_T, SIZET_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongToULongPtr, LONG, ULONG_PTR, ULONG_PTR_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongToLong, ULONG, LONG, LONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongToInt, ULONG, INT, INT_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongToUShort, ULONG, USHORT, USHORT_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongToUChar, ULONG, UCHAR, UCHAR_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongToShort, ULONG, SHORT, SHORT_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongLongToULong, ULONGLONG, ULONG, ULONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongLongToUInt, ULONGLONG, UINT, UINT_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongLongToLong, ULONGLONG, LONG, LONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongLongToLongLong, ULONGLONG, LONGLONG,
		    LONGLONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongLongToUShort, ULONGLONG, USHORT, USHORT_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongLongToSizeT, ULONGLONG, SIZE_T, SIZET_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongLongToLong, LONGLONG, LONG, LONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongLongToInt, LONGLONG, INT, INT_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongLongToULong, LONGLONG, ULONG, ULONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongLongToUInt, LONGLONG, UINT, UINT_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongLongToULongLong, LONGLONG, ULONGLONG,
		    ULONGLONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongLongToSizeT, LONGLONG, SIZE_T, SIZET_ERROR)
NTSHIM_INTSAFE_CONV(RtlSizeTToULong, SIZE_T, ULONG, ULONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlSizeTToUInt, SIZE_T, UINT, UINT_ERROR)
NTSHIM_INTSAFE_CONV(RtlSizeTToDWord, SIZE_T, DWORD, DWORD_ERROR)
NTSHIM_INTSAFE_CONV(RtlSizeTToUShort, SIZE_T, USHORT, USHORT_ERROR)
NTSHIM_INTSAFE_CONV(RtlSizeTToLong, SIZE_T, LONG, LONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlSizeTToInt, SIZE_T, INT, INT_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongPtrToULong, ULONG_PTR, ULONG, ULONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongPtrToUInt, ULONG_PTR, UINT, UINT_ERROR)
NTSHIM_INTSAFE_CONV(RtlULongPtrToLong, ULONG_PTR, LONG, LONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongPtrToULong, LONG_PTR, ULONG, ULONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongPtrToLong, LONG_PTR, LONG, LONG_ERROR)
NTSHIM_INTSAFE_CONV(RtlLongPtrToULongPtr, LONG_PTR, ULONG_PTR,
		    ULONG_PTR_ERROR)

#endif /* _NTSHIM_INTSAFE_H */
