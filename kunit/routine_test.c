// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for MmGetSystemRoutineAddress() (finds what ntshim has,
 * NULL for the rest, case-sensitive) and for the function forms of
 * RtlCopyMemory, RtlMoveMemory, RtlFillMemory and RtlZeroMemory that
 * code reaches by #undef-ing the macros or by taking their address.
 */
#include "tier_kunit.h"

/* Look @name up, as a driver probing for a routine does. */
static PVOID lookup(const char *name)
{
	WCHAR buf[80];
	UNICODE_STRING us;
	size_t i, n = strlen(name);

	if (n >= ARRAY_SIZE(buf))
		return NULL;
	for (i = 0; i < n; i++)
		buf[i] = (u8)name[i];
	us.Buffer = buf;
	us.Length = (USHORT)(n * sizeof(WCHAR));
	us.MaximumLength = sizeof(buf);
	return MmGetSystemRoutineAddress(&us);
}

/* The table is sorted (the binary search depends on it) and complete. */
static void routine_table_sorted_test(struct kunit *test)
{
	const char *prev = ntshim_routine_name(0), *name;
	ULONG i;

	KUNIT_ASSERT_NOT_NULL(test, prev);
	KUNIT_EXPECT_NOT_NULL(test, lookup(prev));
	for (i = 1; (name = ntshim_routine_name(i)); i++) {
		KUNIT_EXPECT_LT_MSG(test, strcmp(prev, name), 0, "%s before %s", prev, name);
		KUNIT_EXPECT_NOT_NULL_MSG(test, lookup(name), "%s", name);
		prev = name;
	}
	KUNIT_EXPECT_GT(test, i, 100U);
}

/* Exported routines resolve to themselves. */
static void routine_exported_test(struct kunit *test)
{
	UNICODE_STRING us = RTL_CONSTANT_STRING(L"KeWaitForSingleObject");

	KUNIT_EXPECT_PTR_EQ(test, MmGetSystemRoutineAddress(&us), (PVOID)KeWaitForSingleObject);
	KUNIT_EXPECT_PTR_EQ(test, lookup("MmGetSystemRoutineAddress"),
			    (PVOID)MmGetSystemRoutineAddress);
	KUNIT_EXPECT_PTR_EQ(test, lookup("KeReleaseSemaphore"), (PVOID)KeReleaseSemaphore);
	KUNIT_EXPECT_PTR_EQ(test, lookup("ExSetResourceOwnerPointerEx"),
			    (PVOID)ExSetResourceOwnerPointerEx);
	KUNIT_EXPECT_PTR_EQ(test, lookup("RtlZeroMemory"), (PVOID)RtlZeroMemory);
	/* the newer APIs drivers probe for */
	KUNIT_EXPECT_NOT_NULL(test, lookup("ExAllocatePool2"));
	KUNIT_EXPECT_NOT_NULL(test, lookup("KeQueryActiveProcessorCountEx"));
	KUNIT_EXPECT_NOT_NULL(test, lookup("MmAllocatePagesForMdlEx"));
}

/* What ntshim lacks, macros without a function, and bad names: NULL. */
static void routine_missing_test(struct kunit *test)
{
	UNICODE_STRING empty = { 0 };
	WCHAR odd[] = { 'K', 'e', 0x00e9 };
	UNICODE_STRING nonascii = { .Buffer = odd, .Length = sizeof(odd),
				    .MaximumLength = sizeof(odd) };

	KUNIT_EXPECT_NULL(test, lookup("ZwCreateFile"));
	KUNIT_EXPECT_NULL(test, lookup("KeAcquireSpinLock"));
	KUNIT_EXPECT_NULL(test, lookup("keWaitForSingleObject"));
	KUNIT_EXPECT_NULL(test, lookup("KeWaitForSingleObjectX"));
	KUNIT_EXPECT_NULL(test, lookup("A"));
	KUNIT_EXPECT_NULL(test, lookup("zzz"));
	KUNIT_EXPECT_NULL(test, MmGetSystemRoutineAddress(&empty));
	KUNIT_EXPECT_NULL(test, MmGetSystemRoutineAddress(NULL));
	KUNIT_EXPECT_NULL(test, MmGetSystemRoutineAddress(&nonascii));
}

typedef SIZE_T (*compare_fn)(const void *, const void *, SIZE_T);
typedef LONG (*increment_fn)(LONG volatile *);

/* A pointer from the table calls the routine. */
static void routine_call_through_test(struct kunit *test)
{
	compare_fn cmp = lookup("RtlCompareMemory");
	increment_fn inc = lookup("InterlockedIncrement");
	LONG volatile n = 41;

	KUNIT_ASSERT_NOT_NULL(test, cmp);
	KUNIT_ASSERT_NOT_NULL(test, inc);
	KUNIT_EXPECT_EQ(test, cmp("abcd", "abXd", 4), 2UL);
	KUNIT_EXPECT_EQ(test, inc(&n), 42);
}

/* The function forms, reached as a caller that #undefs the macros would. */
static void rtl_memory_functions_test(struct kunit *test)
{
	void (*zero)(void *, SIZE_T) = RtlZeroMemory;
	char a[16] = "0123456789abcde", b[16];
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_RTL_BAD_MEMORY);

	(RtlCopyMemory)(b, a, sizeof(a));
	KUNIT_EXPECT_STREQ(test, b, "0123456789abcde");
	(RtlMoveMemory)(a + 2, a, 8);		/* overlapping: fine */
	KUNIT_EXPECT_EQ(test, memcmp(a, "0101234567abcde", 16), 0);
	(RtlFillMemory)(b, 4, 'x');
	KUNIT_EXPECT_EQ(test, memcmp(b, "xxxx456789abcde", 16), 0);
	zero(b, 8);
	KUNIT_EXPECT_TRUE(test, !memchr_inv(b, 0, 8));
	KUNIT_EXPECT_EQ(test, b[8], '8');

	/* the debug build's checks apply to the functions too */
	if (IS_ENABLED(CONFIG_NTSHIM_DEBUG)) {
		(RtlZeroMemory)(NULL, 4);
		NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	}
}

static struct kunit_case ntshim_routine_cases[] = {
	KUNIT_CASE(routine_table_sorted_test),
	KUNIT_CASE(routine_exported_test),
	KUNIT_CASE(routine_missing_test),
	KUNIT_CASE(routine_call_through_test),
	KUNIT_CASE(rtl_memory_functions_test),
	{}
};

static struct kunit_suite ntshim_routine_suite = {
	.name = "ntshim_routine",
	.test_cases = ntshim_routine_cases,
};

kunit_test_suite(ntshim_routine_suite);
