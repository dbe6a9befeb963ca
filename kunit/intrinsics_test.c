// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the MSVC intrinsics.  Linux headers come first: the
 * intrinsics header (pulled in last by ntddk.h) replaces Linux's __cpuid.
 */
#include <kunit/test.h>
#include <linux/preempt.h>
#include <linux/string.h>
#include <asm/processor.h>
#include <ntshim/ntddk.h>

#include "ntshim_kunit.h"

/* CPUID leaf 0: the vendor string Linux read at boot, EBX EDX ECX. */
static void ntshim_intrinsics_cpuid_vendor_test(struct kunit *test)
{
	int info[4] = { 0 };
	char vendor[13];

	__cpuid(info, 0);
	KUNIT_EXPECT_GE(test, info[0], 1);
	memcpy(vendor, &info[1], 4);
	memcpy(vendor + 4, &info[3], 4);
	memcpy(vendor + 8, &info[2], 4);
	vendor[12] = 0;
	KUNIT_EXPECT_STREQ(test, vendor, boot_cpu_data.x86_vendor_id);
}

/* Leaf 1 EAX is the family/model/stepping signature Linux decoded. */
static void ntshim_intrinsics_cpuid_leaf1_test(struct kunit *test)
{
	int info[4], infoex[4];

	__cpuid(info, 1);
	__cpuidex(infoex, 1, 0);
	KUNIT_EXPECT_EQ(test, info[0], infoex[0]);
	KUNIT_EXPECT_EQ(test, (info[0] >> 4) & 0xf,
			(int)(boot_cpu_data.x86_model & 0xf));
	KUNIT_EXPECT_EQ(test, info[0] & 0xf,
			(int)boot_cpu_data.x86_stepping);
	/* bit 4 of EDX: TSC, which every x86-64 CPU has */
	KUNIT_EXPECT_TRUE(test, info[3] & (1 << 4));
}

static void ntshim_intrinsics_bitscan_test(struct kunit *test)
{
	ULONG index = 77;

	KUNIT_EXPECT_EQ(test, _BitScanForward(&index, 0), 0);
	KUNIT_EXPECT_EQ(test, index, 77U);	/* unchanged for 0 */
	KUNIT_EXPECT_EQ(test, _BitScanReverse(&index, 0), 0);
	KUNIT_EXPECT_EQ(test, index, 77U);
	KUNIT_EXPECT_EQ(test, _BitScanForward(&index, 0x50), 1);
	KUNIT_EXPECT_EQ(test, index, 4U);
	KUNIT_EXPECT_EQ(test, _BitScanReverse(&index, 0x50), 1);
	KUNIT_EXPECT_EQ(test, index, 6U);
	KUNIT_EXPECT_EQ(test, _BitScanReverse(&index, 0x80000000U), 1);
	KUNIT_EXPECT_EQ(test, index, 31U);
	KUNIT_EXPECT_EQ(test, _BitScanForward64(&index, 1ULL << 40), 1);
	KUNIT_EXPECT_EQ(test, index, 40U);
	KUNIT_EXPECT_EQ(test, _BitScanReverse64(&index, ~0ULL), 1);
	KUNIT_EXPECT_EQ(test, index, 63U);
	KUNIT_EXPECT_EQ(test, _BitScanForward64(&index, 0), 0);
}

static void ntshim_intrinsics_popcnt_lzcnt_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, __popcnt16(0xffff), 16);
	KUNIT_EXPECT_EQ(test, __popcnt(0xf0f0f0f0U), 16U);
	KUNIT_EXPECT_EQ(test, __popcnt64(~0ULL), 64ULL);
	KUNIT_EXPECT_EQ(test, __popcnt(0), 0U);
	KUNIT_EXPECT_EQ(test, __lzcnt(0), 32U);
	KUNIT_EXPECT_EQ(test, __lzcnt(1), 31U);
	KUNIT_EXPECT_EQ(test, __lzcnt16(1), 15);
	KUNIT_EXPECT_EQ(test, __lzcnt64(0), 64ULL);
	KUNIT_EXPECT_EQ(test, __lzcnt64(1ULL << 62), 1ULL);
}

/* The shift is taken modulo the width; negative rotates the other way. */
static void ntshim_intrinsics_rotate_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, _rotl(0x80000001U, 1), 0x00000003U);
	KUNIT_EXPECT_EQ(test, _rotr(0x80000001U, 1), 0xc0000000U);
	KUNIT_EXPECT_EQ(test, _rotl(0x12345678U, 32), 0x12345678U);
	KUNIT_EXPECT_EQ(test, _rotl(0x12345678U, 36), 0x23456781U);
	KUNIT_EXPECT_EQ(test, _rotl(0x12345678U, -4), 0x81234567U);
	KUNIT_EXPECT_EQ(test, _rotl64(0x8000000000000001ULL, 4), 0x18ULL);
	KUNIT_EXPECT_EQ(test, _rotr64(1ULL, 1), 0x8000000000000000ULL);
	KUNIT_EXPECT_EQ(test, _lrotl(0x80000000U, 1), 1U);
	KUNIT_EXPECT_EQ(test, _lrotr(1U, 1), 0x80000000U);
}

static void ntshim_intrinsics_byteswap_test(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, _byteswap_ushort(0x1234), 0x3412);
	KUNIT_EXPECT_EQ(test, _byteswap_ulong(0x12345678U), 0x78563412U);
	KUNIT_EXPECT_EQ(test, _byteswap_uint64(0x0102030405060708ULL),
			0x0807060504030201ULL);
	KUNIT_EXPECT_EQ(test, RtlUlongByteSwap(0x12345678U), 0x78563412U);
}

static void ntshim_intrinsics_bittest_test(struct kunit *test)
{
	LONG bits[2] = { 0, 0 };
	LONG64 bits64 = 0;

	KUNIT_EXPECT_EQ(test, _bittestandset(bits, 33), 0);
	KUNIT_EXPECT_EQ(test, bits[1], 2);
	KUNIT_EXPECT_EQ(test, _bittest(bits, 33), 1);
	KUNIT_EXPECT_EQ(test, _bittestandset(bits, 33), 1);
	KUNIT_EXPECT_EQ(test, _bittestandcomplement(bits, 0), 0);
	KUNIT_EXPECT_EQ(test, bits[0], 1);
	KUNIT_EXPECT_EQ(test, _bittestandreset(bits, 33), 1);
	KUNIT_EXPECT_EQ(test, bits[1], 0);
	KUNIT_EXPECT_EQ(test, _bittestandset64(&bits64, 63), 0);
	KUNIT_EXPECT_EQ(test, _bittest64(&bits64, 63), 1);
	KUNIT_EXPECT_EQ(test, _bittestandreset64(&bits64, 63), 1);
	KUNIT_EXPECT_EQ(test, bits64, 0LL);
}

static void ntshim_intrinsics_mul128_test(struct kunit *test)
{
	ULONG64 hi;
	LONG64 shi;

	KUNIT_EXPECT_EQ(test, _umul128(~0ULL, ~0ULL, &hi), 1ULL);
	KUNIT_EXPECT_EQ(test, hi, ~0ULL - 1);
	KUNIT_EXPECT_EQ(test, _umul128(1ULL << 32, 1ULL << 32, &hi), 0ULL);
	KUNIT_EXPECT_EQ(test, hi, 1ULL);
	KUNIT_EXPECT_EQ(test, _mul128(-1, 1, &shi), -1LL);
	KUNIT_EXPECT_EQ(test, shi, -1LL);
}

static void ntshim_intrinsics_rdtsc_test(struct kunit *test)
{
	ULONG64 a, b;

	preempt_disable();
	a = __rdtsc();
	b = __rdtsc();
	preempt_enable();
	KUNIT_EXPECT_GE(test, b, a);
	KUNIT_EXPECT_NE(test, a, 0ULL);
}

/* IA32_APIC_BASE (0x1b) exists on every x86-64 CPU. */
static void ntshim_intrinsics_readmsr_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_INTRINSIC_BAD_MSR);
	ULONG64 apic_base;

	apic_base = __readmsr(0x1b);
	KUNIT_EXPECT_NE(test, apic_base & ~0xfffULL, 0ULL);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 0);
}

/*
 * An MSR that faults: a violation and 0, not a crash.  0x801 is a
 * reserved x2APIC register: on hardware it faults in xAPIC mode and is
 * reserved in x2APIC mode.  QEMU's TCG (before x2APIC emulation) reads
 * it, like every MSR it does not know, as 0 without a fault: the case is
 * skipped there rather than passed without proving anything.
 */
static void ntshim_intrinsics_readmsr_fault_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_INTRINSIC_BAD_MSR);
	ULONG64 val = __readmsr(0x801);

	if (ntshim_violations_since(&before) == 0)
		kunit_skip(test, "MSR 0x801 does not fault on this CPU (QEMU TCG?)");
	KUNIT_EXPECT_EQ(test, val, 0ULL);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
}

static void ntshim_intrinsics_debugbreak_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_DEBUG_BREAK);

	__debugbreak();
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	DbgBreakPoint();
	DbgBreakPointWithStatus(STATUS_BREAKPOINT);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 3);
}

static noinline void *return_address_of_callee(void **slot)
{
	*slot = *(void **)_AddressOfReturnAddress();
	return _ReturnAddress();
}

static void ntshim_intrinsics_return_address_test(struct kunit *test)
{
	void *slot = NULL;
	void *ret = return_address_of_callee(&slot);

	KUNIT_EXPECT_NOT_NULL(test, ret);
	KUNIT_EXPECT_PTR_EQ(test, slot, ret);
}

static void ntshim_intrinsics_barriers_test(struct kunit *test)
{
	int i, spins = 0;

	for (i = 0; i < 4; i++) {
		YieldProcessor();
		_mm_pause();
		spins++;
	}
	_ReadWriteBarrier();
	KeMemoryBarrier();
	MemoryBarrier();
	_mm_mfence();
	_mm_lfence();
	_mm_sfence();
	KUNIT_EXPECT_EQ(test, spins, 4);
}

static void ntshim_intrinsics_string_ops_test(struct kunit *test)
{
	UCHAR src[8] = "abcdefg", dst[8] = { 0 };
	ULONG dw[3] = { 0 };
	ULONG64 qw[2] = { 0 };

	__movsb(dst, src, 8);
	KUNIT_EXPECT_STREQ(test, (char *)dst, "abcdefg");
	__stosb(dst, 'z', 3);
	KUNIT_EXPECT_STREQ(test, (char *)dst, "zzzdefg");
	__stosd(dw, 0xdeadbeef, 2);
	KUNIT_EXPECT_EQ(test, dw[1], 0xdeadbeefU);
	KUNIT_EXPECT_EQ(test, dw[2], 0U);
	__stosq(qw, 5, 1);
	KUNIT_EXPECT_EQ(test, qw[0], 5ULL);
	KUNIT_EXPECT_EQ(test, qw[1], 0ULL);
}

static struct kunit_case ntshim_intrinsics_cases[] = {
	KUNIT_CASE(ntshim_intrinsics_cpuid_vendor_test),
	KUNIT_CASE(ntshim_intrinsics_cpuid_leaf1_test),
	KUNIT_CASE(ntshim_intrinsics_bitscan_test),
	KUNIT_CASE(ntshim_intrinsics_popcnt_lzcnt_test),
	KUNIT_CASE(ntshim_intrinsics_rotate_test),
	KUNIT_CASE(ntshim_intrinsics_byteswap_test),
	KUNIT_CASE(ntshim_intrinsics_bittest_test),
	KUNIT_CASE(ntshim_intrinsics_mul128_test),
	KUNIT_CASE(ntshim_intrinsics_rdtsc_test),
	KUNIT_CASE(ntshim_intrinsics_readmsr_test),
	KUNIT_CASE(ntshim_intrinsics_readmsr_fault_test),
	KUNIT_CASE(ntshim_intrinsics_debugbreak_test),
	KUNIT_CASE(ntshim_intrinsics_return_address_test),
	KUNIT_CASE(ntshim_intrinsics_barriers_test),
	KUNIT_CASE(ntshim_intrinsics_string_ops_test),
	{}
};

static struct kunit_suite ntshim_intrinsics_suite = {
	.name = "ntshim_intrinsics",
	.test_cases = ntshim_intrinsics_cases,
};

kunit_test_suite(ntshim_intrinsics_suite);
