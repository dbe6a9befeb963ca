// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the ordered Interlocked variants (Acquire, Release,
 * NoFence; 32- and 64-bit; pointers), InterlockedCompareExchange128,
 * ExInterlockedCompareExchange64 and the typed Read/Write accessors, each
 * against Microsoft's documented return value: NEW for Increment,
 * Decrement and Add, OLD for everything else; 128: TRUE/FALSE with the
 * previous pair always written back.
 */
#include "tier_kunit.h"

/* One 32-bit variant family, checked for one order suffix. */
#define CHECK_LONG_FAMILY(test, S)                                            \
	do {                                                                  \
		LONG volatile v = MAXLONG;                                    \
									      \
		KUNIT_EXPECT_EQ(test, InterlockedIncrement##S(&v), MINLONG);  \
		KUNIT_EXPECT_EQ(test, InterlockedDecrement##S(&v), MAXLONG);  \
		v = 10;                                                       \
		KUNIT_EXPECT_EQ(test, InterlockedAdd##S(&v, -3), 7);          \
		KUNIT_EXPECT_EQ(test, InterlockedExchangeAdd##S(&v, 5), 7);   \
		KUNIT_EXPECT_EQ(test, v, 12);                                 \
		KUNIT_EXPECT_EQ(test, InterlockedExchange##S(&v, 99), 12);    \
		KUNIT_EXPECT_EQ(test, InterlockedCompareExchange##S(&v, 1, 98), 99); \
		KUNIT_EXPECT_EQ(test, v, 99);                                 \
		KUNIT_EXPECT_EQ(test, InterlockedCompareExchange##S(&v, 1, 99), 99); \
		KUNIT_EXPECT_EQ(test, v, 1);                                  \
		v = 0x0f0;                                                    \
		KUNIT_EXPECT_EQ(test, InterlockedOr##S(&v, 0x00f), 0x0f0);    \
		KUNIT_EXPECT_EQ(test, InterlockedAnd##S(&v, 0x03c), 0x0ff);   \
		KUNIT_EXPECT_EQ(test, InterlockedXor##S(&v, 0x0ff), 0x03c);   \
		KUNIT_EXPECT_EQ(test, v, 0x0c3);                              \
	} while (0)

#define CHECK_LONG64_FAMILY(test, S)                                          \
	do {                                                                  \
		LONG64 volatile v = MAXLONGLONG;                              \
									      \
		KUNIT_EXPECT_EQ(test, InterlockedIncrement##S##64(&v), MINLONGLONG); \
		KUNIT_EXPECT_EQ(test, InterlockedDecrement##S##64(&v), MAXLONGLONG); \
		v = 1LL << 40;                                                \
		KUNIT_EXPECT_EQ(test, InterlockedAdd##S##64(&v, 1), (1LL << 40) + 1); \
		KUNIT_EXPECT_EQ(test, InterlockedExchangeAdd##S##64(&v, -1),  \
				(1LL << 40) + 1);                             \
		KUNIT_EXPECT_EQ(test, InterlockedExchange##S##64(&v, -5), 1LL << 40); \
		KUNIT_EXPECT_EQ(test, InterlockedCompareExchange##S##64(&v, 7, 0), -5LL); \
		KUNIT_EXPECT_EQ(test, v, -5LL);                               \
		KUNIT_EXPECT_EQ(test, InterlockedCompareExchange##S##64(&v, 7, -5), -5LL); \
		KUNIT_EXPECT_EQ(test, v, 7LL);                                \
		v = 0xf0LL << 32;                                             \
		KUNIT_EXPECT_EQ(test, InterlockedOr64##S(&v, 0xf), 0xf0LL << 32); \
		KUNIT_EXPECT_EQ(test, InterlockedAnd64##S(&v, 0xf), (0xf0LL << 32) | 0xf); \
		KUNIT_EXPECT_EQ(test, InterlockedXor64##S(&v, 0x1), 0xfLL);   \
		KUNIT_EXPECT_EQ(test, v, 0xeLL);                              \
	} while (0)

static void interlocked_ordered_32_test(struct kunit *test)
{
	CHECK_LONG_FAMILY(test, Acquire);
	CHECK_LONG_FAMILY(test, Release);
	CHECK_LONG_FAMILY(test, NoFence);
}

static void interlocked_ordered_64_test(struct kunit *test)
{
	CHECK_LONG64_FAMILY(test, Acquire);
	CHECK_LONG64_FAMILY(test, Release);
	CHECK_LONG64_FAMILY(test, NoFence);
}

static void interlocked_pointer_variants_test(struct kunit *test)
{
	int a, b;
	PVOID volatile p = &a;

	KUNIT_EXPECT_PTR_EQ(test, InterlockedCompareExchangePointerAcquire(&p, &b, &b), &a);
	KUNIT_EXPECT_PTR_EQ(test, p, &a);
	KUNIT_EXPECT_PTR_EQ(test, InterlockedCompareExchangePointerRelease(&p, &b, &a), &a);
	KUNIT_EXPECT_PTR_EQ(test, p, &b);
	KUNIT_EXPECT_PTR_EQ(test, InterlockedCompareExchangePointerNoFence(&p, NULL, &b), &b);
	KUNIT_EXPECT_NULL(test, p);
	KUNIT_EXPECT_NULL(test, InterlockedExchangePointerAcquire(&p, &a));
	KUNIT_EXPECT_PTR_EQ(test, InterlockedExchangePointerNoFence(&p, &b), &a);
	KUNIT_EXPECT_PTR_EQ(test, InterlockedExchangePointer(&p, NULL), &b);
}

static void InterlockedCompareExchange128_test(struct kunit *test)
{
	LONG64 volatile d[2] __aligned(16) = { 1, 2 };
	LONG64 cmp[2] = { 1, 2 };

	/* equal: stored, TRUE, and the comparand holds the old pair */
	KUNIT_EXPECT_TRUE(test, InterlockedCompareExchange128(d, -4, 3, cmp));
	KUNIT_EXPECT_EQ(test, d[0], 3LL);
	KUNIT_EXPECT_EQ(test, d[1], -4LL);
	KUNIT_EXPECT_EQ(test, cmp[0], 1LL);
	KUNIT_EXPECT_EQ(test, cmp[1], 2LL);

	/* only the high half differs: FALSE, nothing stored, comparand updated */
	cmp[0] = 3;
	cmp[1] = 0;
	KUNIT_EXPECT_FALSE(test, InterlockedCompareExchange128(d, 9, 9, cmp));
	KUNIT_EXPECT_EQ(test, d[0], 3LL);
	KUNIT_EXPECT_EQ(test, d[1], -4LL);
	KUNIT_EXPECT_EQ(test, cmp[0], 3LL);
	KUNIT_EXPECT_EQ(test, cmp[1], -4LL);

	/* the updated comparand succeeds next time: the usual retry loop */
	KUNIT_EXPECT_TRUE(test, InterlockedCompareExchange128(d, 9, 8, cmp));
	KUNIT_EXPECT_EQ(test, d[0], 8LL);
	KUNIT_EXPECT_EQ(test, d[1], 9LL);
}

/* A misaligned destination would fault: reported, refused, untouched. */
static void InterlockedCompareExchange128_misaligned_test(struct kunit *test)
{
	LONG64 buf[4] __aligned(16) = { 5, 6, 7, 8 };
	LONG64 volatile *d = &buf[1];
	LONG64 cmp[2] = { 6, 7 };
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_BAD_ARGUMENT);

	KUNIT_EXPECT_FALSE(test, InterlockedCompareExchange128(d, 0, 0, cmp));
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, buf[1], 6LL);
	KUNIT_EXPECT_EQ(test, buf[2], 7LL);
}

static void ExInterlockedCompareExchange64_test(struct kunit *test)
{
	LONGLONG volatile d = 1LL << 33;
	LONGLONG x = 4, c = 0;
	KSPIN_LOCK lock;

	KeInitializeSpinLock(&lock);
	KUNIT_EXPECT_EQ(test, ExInterlockedCompareExchange64(&d, &x, &c, &lock), 1LL << 33);
	KUNIT_EXPECT_EQ(test, d, 1LL << 33);
	c = 1LL << 33;
	KUNIT_EXPECT_EQ(test, ExInterlockedCompareExchange64(&d, &x, &c, NULL), 1LL << 33);
	KUNIT_EXPECT_EQ(test, d, 4LL);
}

static void read_write_accessors_test(struct kunit *test)
{
	UCHAR volatile uc = 0;
	CHAR volatile ch = 0;
	BOOLEAN volatile bo = FALSE;
	SHORT volatile sh = 0;
	ULONG volatile ul = 0;
	LONG volatile l = 0;
	ULONG64 volatile u64v = 0;
	LONG64 volatile l64 = 0;
	SIZE_T volatile sz = 0;
	LONG_PTR volatile lp = 0;
	PVOID volatile p = NULL;

	WriteUCharRelease(&uc, 0x80);
	KUNIT_EXPECT_EQ(test, ReadUCharAcquire(&uc), 0x80);
	/* CHAR is the kernel's char: unsigned since Linux 6.2 (-funsigned-char) */
	WriteCharNoFence(&ch, (CHAR)0x80);
	KUNIT_EXPECT_EQ(test, ReadCharNoFence(&ch), (CHAR)0x80);
	WriteBoolean(&bo, TRUE);
	KUNIT_EXPECT_EQ(test, ReadBooleanNoFence(&bo), TRUE);
	WriteShortRaw(&sh, -2);
	KUNIT_EXPECT_EQ(test, ReadShortRaw(&sh), -2);
	WriteULongNoFence(&ul, MAXULONG);
	KUNIT_EXPECT_EQ(test, ReadULongNoFence(&ul), MAXULONG);
	KUNIT_EXPECT_EQ(test, ReadULong(&ul), MAXULONG);
	WriteLongRelease(&l, MINLONG);
	KUNIT_EXPECT_EQ(test, ReadLongAcquire(&l), MINLONG);
	WriteULong64NoFence(&u64v, MAXULONGLONG);
	KUNIT_EXPECT_EQ(test, ReadULong64Acquire(&u64v), MAXULONGLONG);
	WriteLong64(&l64, MINLONGLONG);
	KUNIT_EXPECT_EQ(test, ReadLong64NoFence(&l64), MINLONGLONG);
	WriteSizeTRelease(&sz, MAXSIZE_T);
	KUNIT_EXPECT_EQ(test, ReadSizeTAcquire(&sz), MAXSIZE_T);
	WriteLongPtrNoFence(&lp, -1);
	KUNIT_EXPECT_EQ(test, ReadLongPtrRaw(&lp), -1L);
	WritePointerRaw(&p, (PVOID)&l);
	KUNIT_EXPECT_PTR_EQ(test, ReadPointerRaw(&p), (PVOID)&l);
	KUNIT_EXPECT_PTR_EQ(test, ReadPointerAcquire(&p), (PVOID)&l);
}

#define ROUNDS 50000

static void increment_nofence(struct tier_call *c)
{
	int i;

	for (i = 0; i < ROUNDS; i++) {
		InterlockedIncrementNoFence(c->obj);
		InterlockedExchangeAddRelease64((LONG64 volatile *)c->arg, 2);
	}
}

/* Without a fence the operation is still atomic: no lost updates. */
static void interlocked_nofence_atomic_test(struct kunit *test)
{
	LONG volatile n = 0;
	LONG64 volatile n64 = 0;
	struct tier_call a = { .fn = increment_nofence, .obj = (void *)&n,
			       .arg = (long)&n64 };
	struct tier_call b = a;

	tier_start(test, &a, 0);
	tier_start(test, &b, 1);
	tier_finish(test, &a);
	tier_finish(test, &b);
	KUNIT_EXPECT_EQ(test, n, 2 * ROUNDS);
	KUNIT_EXPECT_EQ(test, n64, 4LL * ROUNDS);
}

static struct kunit_case ntshim_interlocked_variants_cases[] = {
	KUNIT_CASE(interlocked_ordered_32_test),
	KUNIT_CASE(interlocked_ordered_64_test),
	KUNIT_CASE(interlocked_pointer_variants_test),
	KUNIT_CASE(InterlockedCompareExchange128_test),
	KUNIT_CASE(InterlockedCompareExchange128_misaligned_test),
	KUNIT_CASE(ExInterlockedCompareExchange64_test),
	KUNIT_CASE(read_write_accessors_test),
	KUNIT_CASE(interlocked_nofence_atomic_test),
	{}
};

static struct kunit_suite ntshim_interlocked_variants_suite = {
	.name = "ntshim_interlocked_variants",
	.test_cases = ntshim_interlocked_variants_cases,
};

kunit_test_suite(ntshim_interlocked_variants_suite);
