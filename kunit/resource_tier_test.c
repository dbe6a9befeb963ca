// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the rest of ERESOURCE: waiter counts, reinitialisation,
 * owner pointers (ExSetResourceOwnerPointer() and the release of the
 * handed-over hold from another thread), and the shared-acquire variants
 * and ExIsResourceAcquiredLite() as real functions whose address callers
 * can take.
 */
#include "tier_kunit.h"

static void acquire_exclusive(struct tier_call *c)
{
	KeEnterCriticalRegion();
	c->result = ExAcquireResourceExclusiveLite(c->obj, TRUE);
	ExReleaseResourceLite(c->obj);
	KeLeaveCriticalRegion();
}

static void acquire_shared(struct tier_call *c)
{
	KeEnterCriticalRegion();
	c->result = ExAcquireResourceSharedLite(c->obj, TRUE);
	ExReleaseResourceLite(c->obj);
	KeLeaveCriticalRegion();
}

/* Wait (bounded) until @get(@r) reads @n. */
static bool waiter_count_is(ULONG (*get)(PERESOURCE), PERESOURCE r, ULONG n)
{
	int i;

	for (i = 0; i < 10000; i++) {
		if (get(r) == n)
			return true;
		usleep_range(500, 1000);
	}
	return false;
}

/* Threads sleeping for exclusive and for shared access are counted. */
static void resource_waiter_counts_test(struct kunit *test)
{
	struct tier_call x = { .fn = acquire_exclusive };
	struct tier_call s = { .fn = acquire_shared };
	ERESOURCE r;

	ExInitializeResourceLite(&r);
	x.obj = &r;
	s.obj = &r;
	KUNIT_EXPECT_EQ(test, ExGetExclusiveWaiterCount(&r), 0U);
	KUNIT_EXPECT_EQ(test, ExGetSharedWaiterCount(&r), 0U);

	KUNIT_ASSERT_TRUE(test, ExAcquireResourceExclusiveLite(&r, TRUE));
	tier_start(test, &x, 0);
	KUNIT_EXPECT_TRUE(test, waiter_count_is(ExGetExclusiveWaiterCount, &r, 1));
	tier_start(test, &s, 1);
	KUNIT_EXPECT_TRUE(test, waiter_count_is(ExGetSharedWaiterCount, &r, 1));
	KUNIT_EXPECT_EQ(test, ExGetExclusiveWaiterCount(&r), 1U);
	ExReleaseResourceLite(&r);

	tier_finish(test, &x);
	tier_finish(test, &s);
	KUNIT_EXPECT_EQ(test, x.result, (long)TRUE);
	KUNIT_EXPECT_EQ(test, s.result, (long)TRUE);
	KUNIT_EXPECT_EQ(test, ExGetExclusiveWaiterCount(&r), 0U);
	KUNIT_EXPECT_EQ(test, ExGetSharedWaiterCount(&r), 0U);
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(&r), STATUS_SUCCESS);
}

/* Reinitialise: fine when free, refused (reported) when held. */
static void ExReinitializeResourceLite_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SYNC_DELETE_HELD);
	ERESOURCE r;

	ExInitializeResourceLite(&r);
	KUNIT_ASSERT_TRUE(test, ExAcquireResourceSharedLite(&r, TRUE));
	KUNIT_EXPECT_EQ(test, ExReinitializeResourceLite(&r), STATUS_UNSUCCESSFUL);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, ExIsResourceAcquiredSharedLite(&r), 1U);
	ExReleaseResourceLite(&r);

	KUNIT_EXPECT_EQ(test, ExReinitializeResourceLite(&r), STATUS_SUCCESS);
	KUNIT_EXPECT_FALSE(test, ExIsResourceAcquiredLite(&r));
	/* usable again, exclusive and shared */
	KUNIT_EXPECT_TRUE(test, ExAcquireResourceExclusiveLite(&r, FALSE));
	ExReleaseResourceLite(&r);
	KUNIT_EXPECT_TRUE(test, ExAcquireResourceSharedLite(&r, FALSE));
	ExReleaseResourceLite(&r);
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(&r), STATUS_SUCCESS);
}

static void try_exclusive(struct tier_call *c)
{
	c->result = ExAcquireResourceExclusiveLite(c->obj, FALSE);
	if (c->result)
		ExReleaseResourceLite(c->obj);
}

static void release_for_owner(struct tier_call *c)
{
	ExReleaseResourceForThreadLite(c->obj, (ERESOURCE_THREAD)c->arg);
}

/* A shared hold handed to an owner pointer is released by another thread. */
static void ExSetResourceOwnerPointer_test(struct kunit *test)
{
	static ERESOURCE_THREAD owner_storage;
	ULONG_PTR owner = (ULONG_PTR)&owner_storage | 3;
	struct tier_call t = { .fn = try_exclusive };
	struct tier_call rel = { .fn = release_for_owner };
	ERESOURCE r;

	ExInitializeResourceLite(&r);
	t.obj = &r;
	rel.obj = &r;
	rel.arg = owner;

	KUNIT_ASSERT_TRUE(test, ExAcquireResourceSharedLite(&r, TRUE));
	ExSetResourceOwnerPointer(&r, (PVOID)owner);
	/* the caller no longer holds it, the owner pointer does */
	KUNIT_EXPECT_FALSE(test, ExIsResourceAcquiredLite(&r));
	tier_run(test, &t, -1);
	KUNIT_EXPECT_EQ(test, t.result, (long)FALSE);

	tier_run(test, &rel, -1);
	tier_run(test, &t, -1);
	KUNIT_EXPECT_EQ(test, t.result, (long)TRUE);
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(&r), STATUS_SUCCESS);
}

/* Owner-pointer misuse is reported, and each time the resource survives. */
static void ExSetResourceOwnerPointer_misuse_test(struct kunit *test)
{
	struct ntshim_violation_mark arg = ntshim_mark(NTSHIM_V_SYNC_BAD_ARGUMENT);
	struct ntshim_violation_mark owner_v = ntshim_mark(NTSHIM_V_SYNC_NOT_OWNER);
	static ERESOURCE_THREAD owner_storage;
	ULONG_PTR owner = (ULONG_PTR)&owner_storage | 3;
	ERESOURCE r;

	ExInitializeResourceLite(&r);
	/* holds nothing */
	ExSetResourceOwnerPointerEx(&r, (PVOID)owner, 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &owner_v, 1);

	/* low bits missing */
	KUNIT_ASSERT_TRUE(test, ExAcquireResourceSharedLite(&r, TRUE));
	ExSetResourceOwnerPointer(&r, &owner_storage);
	NTSHIM_EXPECT_VIOLATIONS(test, &arg, 1);
	KUNIT_EXPECT_EQ(test, ExIsResourceAcquiredSharedLite(&r), 1U);
	/* an owner pointer that holds nothing cannot release */
	ExReleaseResourceForThreadLite(&r, owner);
	NTSHIM_EXPECT_VIOLATIONS(test, &owner_v, 2);
	KUNIT_EXPECT_EQ(test, ExIsResourceAcquiredSharedLite(&r), 1U);
	ExReleaseResourceLite(&r);

	/* exclusive holds stay with their task */
	KUNIT_ASSERT_TRUE(test, ExAcquireResourceExclusiveLite(&r, TRUE));
	ExSetResourceOwnerPointerEx(&r, (PVOID)owner, FLAG_OWNER_POINTER_IS_THREAD);
	NTSHIM_EXPECT_VIOLATIONS(test, &arg, 2);
	KUNIT_EXPECT_TRUE(test, ExIsResourceAcquiredExclusiveLite(&r));
	ExReleaseResourceForThreadLite(&r, ExGetCurrentResourceThread());
	KUNIT_EXPECT_FALSE(test, ExIsResourceAcquiredLite(&r));
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(&r), STATUS_SUCCESS);
}

struct hold_ctx {
	struct completion acquired;
	struct completion release;
};

static void hold_exclusive_until(struct tier_call *c)
{
	struct hold_ctx *ctx = (struct hold_ctx *)c->arg;

	ExAcquireResourceExclusiveLite(c->obj, TRUE);
	complete(&ctx->acquired);
	wait_for_completion(&ctx->release);
	ExReleaseResourceLite(c->obj);
}

/* The variants are functions: callers can take their address. */
static void resource_functions_by_address_test(struct kunit *test)
{
	BOOLEAN (*acquire[])(PERESOURCE, BOOLEAN) = {
		ExAcquireResourceSharedLite,
		ExAcquireSharedStarveExclusive,
		ExAcquireSharedWaitForExclusive,
	};
	BOOLEAN (*held)(PERESOURCE) = ExIsResourceAcquiredLite;
	struct tier_call h = { .fn = hold_exclusive_until };
	struct hold_ctx ctx;
	ERESOURCE r;
	int i;

	ExInitializeResourceLite(&r);
	for (i = 0; i < ARRAY_SIZE(acquire); i++) {
		KUNIT_EXPECT_TRUE(test, acquire[i](&r, TRUE));
		/* recursion by a shared owner is granted at once */
		KUNIT_EXPECT_TRUE(test, acquire[i](&r, FALSE));
		KUNIT_EXPECT_TRUE(test, held(&r));
		ExReleaseResourceLite(&r);
		ExReleaseResourceLite(&r);
		KUNIT_EXPECT_FALSE(test, held(&r));
	}

	/* held exclusive by another thread: no-wait shared attempts fail */
	init_completion(&ctx.acquired);
	init_completion(&ctx.release);
	h.obj = &r;
	h.arg = (long)&ctx;
	tier_start(test, &h, -1);
	wait_for_completion(&ctx.acquired);
	for (i = 0; i < ARRAY_SIZE(acquire); i++)
		KUNIT_EXPECT_FALSE(test, acquire[i](&r, FALSE));
	complete(&ctx.release);
	tier_finish(test, &h);
	KUNIT_EXPECT_EQ(test, ExDeleteResourceLite(&r), STATUS_SUCCESS);
}

static struct kunit_case ntshim_resource_tier_cases[] = {
	KUNIT_CASE(resource_waiter_counts_test),
	KUNIT_CASE(ExReinitializeResourceLite_test),
	KUNIT_CASE(ExSetResourceOwnerPointer_test),
	KUNIT_CASE(ExSetResourceOwnerPointer_misuse_test),
	KUNIT_CASE(resource_functions_by_address_test),
	{}
};

static struct kunit_suite ntshim_resource_tier_suite = {
	.name = "ntshim_resource_tier",
	.init = ntshim_live_case_init,
	.exit = ntshim_live_case_exit,
	.test_cases = ntshim_resource_tier_cases,
};

kunit_test_suite(ntshim_resource_tier_suite);
