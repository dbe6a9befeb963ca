// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntintsafe: each routine's exact result, and on overflow
 * STATUS_INTEGER_OVERFLOW with the type's documented error value.
 */
#include <kunit/test.h>
#include <ntshim/ntddk.h>

static void ntshim_intsafe_ulong_add_test(struct kunit *test)
{
	ULONG r = 7;

	KUNIT_EXPECT_EQ(test, RtlULongAdd(0xfffffffeU, 1, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, RtlULongAdd(0xffffffffU, 1, &r),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, ULONG_ERROR);
}

static void ntshim_intsafe_ulong_sub_test(struct kunit *test)
{
	ULONG r;

	KUNIT_EXPECT_EQ(test, RtlULongSub(5, 5, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0U);
	/* a - b with b > a underflows */
	KUNIT_EXPECT_EQ(test, RtlULongSub(4, 5, &r), STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, ULONG_ERROR);
}

static void ntshim_intsafe_ulong_mult_test(struct kunit *test)
{
	ULONG r;

	KUNIT_EXPECT_EQ(test, RtlULongMult(0x10000, 0xffff, &r),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0xffff0000U);
	KUNIT_EXPECT_EQ(test, RtlULongMult(0x10000, 0x10000, &r),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, ULONG_ERROR);
}

/* ULONG is 32 bits even though the kernel's unsigned long is 64. */
static void ntshim_intsafe_ulong_is_32_bits_test(struct kunit *test)
{
	ULONG r;

	KUNIT_EXPECT_EQ(test, RtlULongAdd(0x80000000U, 0x80000000U, &r),
			STATUS_INTEGER_OVERFLOW);
}

static void ntshim_intsafe_size_t_test(struct kunit *test)
{
	SIZE_T r;

	KUNIT_EXPECT_EQ(test, RtlSizeTAdd(0xffffffffUL, 1, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 0x100000000UL);
	KUNIT_EXPECT_EQ(test, RtlSizeTMult((SIZE_T)1 << 32, (SIZE_T)1 << 32,
					   &r),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, SIZET_ERROR);
	KUNIT_EXPECT_EQ(test, RtlSizeTSub(0, 1, &r), STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, SIZET_ERROR);
	KUNIT_EXPECT_EQ(test, RtlSizeTMult(3, 5, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 15UL);
}

static void ntshim_intsafe_ulonglong_test(struct kunit *test)
{
	ULONGLONG r;

	KUNIT_EXPECT_EQ(test, RtlULongLongAdd(~0ULL - 1, 1, &r),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, ~0ULL);
	KUNIT_EXPECT_EQ(test, RtlULongLongAdd(~0ULL, 1, &r),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, ULONGLONG_ERROR);
	KUNIT_EXPECT_EQ(test, RtlULongLongSub(1, 2, &r),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, RtlULongLongMult(1ULL << 32, 1ULL << 31, &r),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, 1ULL << 63);
	KUNIT_EXPECT_EQ(test, RtlULongLongMult(1ULL << 32, 1ULL << 32, &r),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, ULONGLONG_ERROR);
}

static void ntshim_intsafe_ushort_uint_test(struct kunit *test)
{
	USHORT us;
	UINT ui;

	KUNIT_EXPECT_EQ(test, RtlUShortAdd(0xfff0, 0xf, &us), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, us, 0xffff);
	KUNIT_EXPECT_EQ(test, RtlUShortAdd(0xfff0, 0x10, &us),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, us, USHORT_ERROR);
	KUNIT_EXPECT_EQ(test, RtlUIntAdd(1, 2, &ui), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ui, 3U);
	KUNIT_EXPECT_EQ(test, RtlUIntMult(0x10000, 0x10000, &ui),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, ui, UINT_ERROR);
}

/* Signed routines overflow both ways and store -1 (LONG_ERROR). */
static void ntshim_intsafe_long_test(struct kunit *test)
{
	LONG r = 0;

	KUNIT_EXPECT_EQ(test, RtlLongAdd(MAXLONG - 1, 1, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, MAXLONG);
	KUNIT_EXPECT_EQ(test, RtlLongAdd(MAXLONG, 1, &r),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, LONG_ERROR);
	KUNIT_EXPECT_EQ(test, r, -1);
	KUNIT_EXPECT_EQ(test, RtlLongSub(MINLONG, 1, &r),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, RtlLongSub(-5, 5, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, -10);
	KUNIT_EXPECT_EQ(test, RtlLongMult(-65536, 32768, &r), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, MINLONG);
	KUNIT_EXPECT_EQ(test, RtlLongMult(65536, 32768, &r),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, LONG_ERROR);
}

static void ntshim_intsafe_int_longlong_test(struct kunit *test)
{
	LONGLONG ll;
	INT i;

	KUNIT_EXPECT_EQ(test, RtlIntAdd(-1, -2, &i), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, i, -3);
	KUNIT_EXPECT_EQ(test, RtlIntAdd(0x7fffffff, 1, &i),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, i, INT_ERROR);
	KUNIT_EXPECT_EQ(test, RtlLongLongMult(MAXLONGLONG, 2, &ll),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, ll, LONGLONG_ERROR);
	KUNIT_EXPECT_EQ(test, RtlLongLongAdd(MINLONGLONG, MAXLONGLONG, &ll),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ll, -1LL);
}

static void ntshim_intsafe_narrowing_test(struct kunit *test)
{
	ULONG ul;
	UINT ui;
	USHORT us;
	UCHAR uc;

	KUNIT_EXPECT_EQ(test, RtlULongLongToULong(0xffffffffULL, &ul),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ul, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, RtlULongLongToULong(0x100000000ULL, &ul),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, ul, ULONG_ERROR);
	KUNIT_EXPECT_EQ(test, RtlULongLongToUInt(0x1ffffffffULL, &ui),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, ui, UINT_ERROR);
	KUNIT_EXPECT_EQ(test, RtlULongToUShort(0xffff, &us), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, us, 0xffff);
	KUNIT_EXPECT_EQ(test, RtlULongToUShort(0x10000, &us),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, us, USHORT_ERROR);
	KUNIT_EXPECT_EQ(test, RtlULongToUChar(255, &uc), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, uc, 255);
	KUNIT_EXPECT_EQ(test, RtlULongToUChar(256, &uc),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, uc, UCHAR_ERROR);
	KUNIT_EXPECT_EQ(test, RtlSizeTToULong(0x100000000UL, &ul),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, RtlSizeTToULong(42, &ul), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ul, 42U);
}

/* Sign changes are checked in full precision, not by casting. */
static void ntshim_intsafe_sign_test(struct kunit *test)
{
	LONG l;
	ULONG ul;

	KUNIT_EXPECT_EQ(test, RtlLongToULong(-1, &ul), STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, ul, ULONG_ERROR);
	KUNIT_EXPECT_EQ(test, RtlLongToULong(MAXLONG, &ul), STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, ul, 0x7fffffffU);
	KUNIT_EXPECT_EQ(test, RtlLongLongToLong(-2147483648LL, &l),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, l, MINLONG);
	KUNIT_EXPECT_EQ(test, RtlLongLongToLong(-2147483649LL, &l),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, l, LONG_ERROR);
	KUNIT_EXPECT_EQ(test, RtlULongToLong(0x80000000U, &l),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, RtlULongLongToLong(0x7fffffffULL, &l),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, l, MAXLONG);
}

static void ntshim_intsafe_ulong_ptr_test(struct kunit *test)
{
	ULONG_PTR r;

	KUNIT_EXPECT_EQ(test, RtlULongPtrAdd(MAXULONG_PTR - 1, 1, &r),
			STATUS_SUCCESS);
	KUNIT_EXPECT_EQ(test, r, MAXULONG_PTR);
	KUNIT_EXPECT_EQ(test, RtlULongPtrAdd(MAXULONG_PTR, 1, &r),
			STATUS_INTEGER_OVERFLOW);
	KUNIT_EXPECT_EQ(test, r, ULONG_PTR_ERROR);
}

static struct kunit_case ntshim_intsafe_cases[] = {
	KUNIT_CASE(ntshim_intsafe_ulong_add_test),
	KUNIT_CASE(ntshim_intsafe_ulong_sub_test),
	KUNIT_CASE(ntshim_intsafe_ulong_mult_test),
	KUNIT_CASE(ntshim_intsafe_ulong_is_32_bits_test),
	KUNIT_CASE(ntshim_intsafe_size_t_test),
	KUNIT_CASE(ntshim_intsafe_ulonglong_test),
	KUNIT_CASE(ntshim_intsafe_ushort_uint_test),
	KUNIT_CASE(ntshim_intsafe_long_test),
	KUNIT_CASE(ntshim_intsafe_int_longlong_test),
	KUNIT_CASE(ntshim_intsafe_narrowing_test),
	KUNIT_CASE(ntshim_intsafe_sign_test),
	KUNIT_CASE(ntshim_intsafe_ulong_ptr_test),
	{}
};

static struct kunit_suite ntshim_intsafe_suite = {
	.name = "ntshim_intsafe",
	.test_cases = ntshim_intsafe_cases,
};

kunit_test_suite(ntshim_intsafe_suite);
