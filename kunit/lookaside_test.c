// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for ntshim's lookaside lists (suite ntshim_lookaside).
 *
 * Counter pictures use Windows' names: TA TotalAllocates, AM
 * AllocateMisses, TF TotalFrees, FM FreeMisses; "cache" is what the list
 * holds (at most Depth = 4 blocks).
 */
#include "ntshim_kunit.h"
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/kasan.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <ntshim/ntddk.h>

#define TEST_TAG NTSHIM_TAG('T', 'L', 's', 't')
#define TEST_SIZE 40

/* What the test Allocate/Free routines saw. */
static struct {
	atomic_t allocs;
	atomic_t frees;
	POOL_TYPE type;
	SIZE_T size;
	ULONG tag;
	void *lookaside;
} cb;

static PVOID test_allocate(POOL_TYPE PoolType, SIZE_T NumberOfBytes, ULONG Tag)
{
	atomic_inc(&cb.allocs);
	cb.type = PoolType;
	cb.size = NumberOfBytes;
	cb.tag = Tag;
	return kmalloc(NumberOfBytes, GFP_KERNEL);
}

static VOID test_free(PVOID Buffer)
{
	atomic_inc(&cb.frees);
	kfree(Buffer);
}

static PVOID test_allocate_ex(POOL_TYPE PoolType, SIZE_T NumberOfBytes,
			      ULONG Tag, PLOOKASIDE_LIST_EX Lookaside)
{
	cb.lookaside = Lookaside;
	return test_allocate(PoolType, NumberOfBytes, Tag);
}

static VOID test_free_ex(PVOID Buffer, PLOOKASIDE_LIST_EX Lookaside)
{
	cb.lookaside = Lookaside;
	test_free(Buffer);
}

static int lookaside_test_init(struct kunit *test)
{
	memset(&cb, 0, sizeof(cb));
	return ntshim_live_case_init(test);
}

/* A new list: empty, Depth 4, its own kmem_cache of at least Size bytes. */
static void ExInitializeNPagedLookasideList_test(struct kunit *test)
{
	struct ntshim_violation_mark bad_size = ntshim_mark(NTSHIM_V_LOOKASIDE_BAD_SIZE);
	NPAGED_LOOKASIDE_LIST list;

	ExInitializeNPagedLookasideList(&list, NULL, NULL, 0, TEST_SIZE,
					TEST_TAG, 0);
	KUNIT_EXPECT_EQ(test, list.L.Depth, NTSHIM_LOOKASIDE_DEPTH);
	KUNIT_EXPECT_EQ(test, list.L.Type, NonPagedPool);
	KUNIT_EXPECT_EQ(test, list.L.Tag, (ULONG)TEST_TAG);
	KUNIT_EXPECT_EQ(test, list.L.Size, TEST_SIZE);
	KUNIT_EXPECT_EQ(test, list.L.TotalAllocates, 0);
	KUNIT_EXPECT_EQ(test, list.L.AllocateMisses, 0);
	KUNIT_EXPECT_EQ(test, list.L.TotalFrees, 0);
	KUNIT_EXPECT_EQ(test, list.L.FreeMisses, 0);
	KUNIT_ASSERT_NOT_NULL(test, list.L.Ntshim.slab);
	KUNIT_EXPECT_GE(test, kmem_cache_size(list.L.Ntshim.slab), TEST_SIZE);
	NTSHIM_EXPECT_VIOLATIONS(test, &bad_size, 0);
	ExDeleteNPagedLookasideList(&list);
}

/*
 * alloc p:  TA 1, AM 1            cache []
 * free p:   TF 1, FM 0            cache [p]
 * alloc:    TA 2, AM 1 (a hit)    cache []   and it is p again
 */
static void ExAllocateFromNPagedLookasideList_test(struct kunit *test)
{
	NPAGED_LOOKASIDE_LIST list;
	void *p, *q;

	ExInitializeNPagedLookasideList(&list, NULL, NULL, 0, TEST_SIZE,
					TEST_TAG, 0);
	p = ExAllocateFromNPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0xa5, TEST_SIZE);	/* the whole block is usable */
	KUNIT_EXPECT_EQ(test, list.L.TotalAllocates, 1);
	KUNIT_EXPECT_EQ(test, list.L.AllocateMisses, 1);

	ExFreeToNPagedLookasideList(&list, p);
	KUNIT_EXPECT_EQ(test, list.L.TotalFrees, 1);
	KUNIT_EXPECT_EQ(test, list.L.FreeMisses, 0);

	q = ExAllocateFromNPagedLookasideList(&list);
	KUNIT_EXPECT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_EQ(test, list.L.TotalAllocates, 2);
	KUNIT_EXPECT_EQ(test, list.L.AllocateMisses, 1);
	memset(q, 0x5a, TEST_SIZE);	/* unpoisoned again for KASAN */

	ExFreeToNPagedLookasideList(&list, q);
	ExDeleteNPagedLookasideList(&list);
}

#ifdef CONFIG_KASAN_GENERIC
static u8 __no_sanitize_address shadow_byte(const void *p)
{
	return *(u8 *)kasan_mem_to_shadow(p);
}
#endif

/*
 * KASAN: a cached block is poisoned as freed slab memory (0xFB) and
 * unpoisoned when handed out again, with the slab's redzone after Size
 * back in place.  A 20-byte block is granules [0-7][8-15][16-23]:
 *   cached:     FB FB FB
 *   handed out: 00 00 04   (4 bytes of the last granule usable)
 */
static void ntshim_lookaside_kasan_test(struct kunit *test)
{
#ifdef CONFIG_KASAN_GENERIC
	NPAGED_LOOKASIDE_LIST list;
	u8 *p, *q;

	ExInitializeNPagedLookasideList(&list, NULL, NULL, 0, 20, TEST_TAG, 0);
	p = ExAllocateFromNPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, shadow_byte(p), 0);
	KUNIT_EXPECT_EQ(test, shadow_byte(p + 16), 4);

	ExFreeToNPagedLookasideList(&list, p);
	KUNIT_EXPECT_EQ(test, shadow_byte(p), 0xFB);
	KUNIT_EXPECT_EQ(test, shadow_byte(p + 8), 0xFB);
	KUNIT_EXPECT_EQ(test, shadow_byte(p + 16), 0xFB);

	q = ExAllocateFromNPagedLookasideList(&list);
	KUNIT_ASSERT_PTR_EQ(test, q, p);
	KUNIT_EXPECT_EQ(test, shadow_byte(q), 0);
	KUNIT_EXPECT_EQ(test, shadow_byte(q + 8), 0);
	KUNIT_EXPECT_EQ(test, shadow_byte(q + 16), 4);
	memset(q, 0, 20);

	ExFreeToNPagedLookasideList(&list, q);
	ExDeleteNPagedLookasideList(&list);
#else
	kunit_skip(test, "needs generic KASAN");
#endif
}

/*
 * The seed's LookasideTest: 50 allocations, 50 frees, delete.
 * 50 allocs on an empty list: TA 50, AM 50.
 * 50 frees: the first 4 fill the cache, the other 46 miss: TF 50, FM 46.
 */
static void ntshim_lookaside_seed_test(struct kunit *test)
{
	PAGED_LOOKASIDE_LIST list;
	void **blocks;
	int i;

	blocks = kunit_kcalloc(test, 50, sizeof(*blocks), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, blocks);
	ExInitializePagedLookasideList(&list, NULL, NULL, 0, TEST_SIZE,
				       '4321', 0);
	for (i = 0; i < 50; i++) {
		blocks[i] = ExAllocateFromPagedLookasideList(&list);
		KUNIT_ASSERT_NOT_NULL(test, blocks[i]);
	}
	KUNIT_EXPECT_EQ(test, list.L.TotalAllocates, 50);
	KUNIT_EXPECT_EQ(test, list.L.AllocateMisses, 50);
	for (i = 0; i < 50; i++)
		ExFreeToPagedLookasideList(&list, blocks[i]);
	KUNIT_EXPECT_EQ(test, list.L.TotalFrees, 50);
	KUNIT_EXPECT_EQ(test, list.L.FreeMisses, 46);
	KUNIT_EXPECT_EQ(test, list.L.Ntshim.cached, 4);
	ExDeletePagedLookasideList(&list);
}

/*
 * With callbacks, the seed's test calls Allocate 50 times (every
 * allocation misses), Free 46 times during the frees and 4 more at delete.
 */
static void ntshim_lookaside_callbacks_test(struct kunit *test)
{
	NPAGED_LOOKASIDE_LIST list;
	void **blocks;
	int i;

	blocks = kunit_kcalloc(test, 50, sizeof(*blocks), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, blocks);
	ExInitializeNPagedLookasideList(&list, test_allocate, test_free, 0,
					TEST_SIZE, TEST_TAG, 0);
	KUNIT_EXPECT_NULL(test, list.L.Ntshim.slab);
	for (i = 0; i < 50; i++)
		blocks[i] = ExAllocateFromNPagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.allocs), 50);
	KUNIT_EXPECT_EQ(test, cb.type, NonPagedPool);
	KUNIT_EXPECT_EQ(test, cb.size, TEST_SIZE);
	KUNIT_EXPECT_EQ(test, cb.tag, (ULONG)TEST_TAG);
	for (i = 0; i < 50; i++)
		ExFreeToNPagedLookasideList(&list, blocks[i]);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.frees), 46);
	ExDeleteNPagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.frees), 50);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.allocs), 50);
}

/*
 * Only one routine given: the other is kmalloc()/kfree().  5 allocs and
 * 5 frees: one block leaves at the fifth free, four at delete.
 */
static void ntshim_lookaside_one_callback_test(struct kunit *test)
{
	NPAGED_LOOKASIDE_LIST list;
	void *blocks[5];
	int i;

	ExInitializeNPagedLookasideList(&list, test_allocate, NULL, 0,
					TEST_SIZE, TEST_TAG, 0);
	for (i = 0; i < 5; i++)
		blocks[i] = ExAllocateFromNPagedLookasideList(&list);
	for (i = 0; i < 5; i++)
		ExFreeToNPagedLookasideList(&list, blocks[i]);
	ExDeleteNPagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.allocs), 5);

	ExInitializeNPagedLookasideList(&list, NULL, test_free, 0,
					TEST_SIZE, TEST_TAG, 0);
	KUNIT_EXPECT_NULL(test, list.L.Ntshim.slab);
	for (i = 0; i < 5; i++)
		blocks[i] = ExAllocateFromNPagedLookasideList(&list);
	for (i = 0; i < 5; i++)
		ExFreeToNPagedLookasideList(&list, blocks[i]);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.frees), 1);
	ExDeleteNPagedLookasideList(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.frees), 5);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.allocs), 5);
}

/* Ex callbacks get the list; RAISE_ON_FAIL ors the flag into PoolType. */
static void ExInitializeLookasideListEx_test(struct kunit *test)
{
	LOOKASIDE_LIST_EX list;
	NTSTATUS status;
	void *p;

	status = ExInitializeLookasideListEx(&list, test_allocate_ex,
					     test_free_ex, NonPagedPoolNx,
					     EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL,
					     TEST_SIZE, TEST_TAG, 0);
	KUNIT_ASSERT_EQ(test, status, STATUS_SUCCESS);
	p = ExAllocateFromLookasideListEx(&list);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_PTR_EQ(test, cb.lookaside, (void *)&list);
	KUNIT_EXPECT_EQ(test, cb.type,
			NonPagedPoolNx | POOL_RAISE_IF_ALLOCATION_FAILURE);
	ExFreeToLookasideListEx(&list, p);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.frees), 0);	/* cached */
	ExDeleteLookasideListEx(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.frees), 1);

	/* both flags at once are invalid */
	status = ExInitializeLookasideListEx(&list, NULL, NULL, PagedPool,
					     EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL |
					     EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE,
					     TEST_SIZE, TEST_TAG, 0);
	KUNIT_EXPECT_EQ(test, status, STATUS_INVALID_PARAMETER);
	ExDeleteLookasideListEx(&list);
}

/*
 * alloc 3, free 3:  cache [a b c], Free not called
 * flush:            cache [], Free called 3 times, counters unchanged
 * alloc:            a miss again (Allocate called, AM + 1)
 */
static void ExFlushLookasideListEx_test(struct kunit *test)
{
	LOOKASIDE_LIST_EX list;
	void *blocks[3];
	NTSTATUS status;
	int i;

	status = ExInitializeLookasideListEx(&list, test_allocate_ex,
					     test_free_ex, PagedPool, 0,
					     TEST_SIZE, TEST_TAG, 0);
	KUNIT_ASSERT_EQ(test, status, STATUS_SUCCESS);
	for (i = 0; i < 3; i++)
		blocks[i] = ExAllocateFromLookasideListEx(&list);
	for (i = 0; i < 3; i++)
		ExFreeToLookasideListEx(&list, blocks[i]);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.frees), 0);
	KUNIT_EXPECT_EQ(test, list.L.Ntshim.cached, 3);

	ExFlushLookasideListEx(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.frees), 3);
	KUNIT_EXPECT_EQ(test, list.L.Ntshim.cached, 0);
	KUNIT_EXPECT_EQ(test, list.L.TotalFrees, 3);
	KUNIT_EXPECT_EQ(test, list.L.FreeMisses, 0);

	blocks[0] = ExAllocateFromLookasideListEx(&list);
	KUNIT_EXPECT_EQ(test, list.L.AllocateMisses, 4);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.allocs), 4);
	ExFreeToLookasideListEx(&list, blocks[0]);
	ExDeleteLookasideListEx(&list);
	KUNIT_EXPECT_EQ(test, atomic_read(&cb.frees), 4);
}

/* Sizes 0 and 8: reported; the void initialisers round up to 16. */
static void ntshim_lookaside_bad_size_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LOOKASIDE_BAD_SIZE);
	NPAGED_LOOKASIDE_LIST list;
	LOOKASIDE_LIST_EX ex;
	NTSTATUS status;
	u8 *p;

	ExInitializeNPagedLookasideList(&list, NULL, NULL, 0, 0, TEST_TAG, 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, list.L.Size, LOOKASIDE_MINIMUM_BLOCK_SIZE);
	p = ExAllocateFromNPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, p);
	memset(p, 0, LOOKASIDE_MINIMUM_BLOCK_SIZE);
	ExFreeToNPagedLookasideList(&list, p);
	ExDeleteNPagedLookasideList(&list);

	ExInitializeNPagedLookasideList(&list, NULL, NULL, 0, 8, TEST_TAG, 0);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	ExDeleteNPagedLookasideList(&list);

	status = ExInitializeLookasideListEx(&ex, NULL, NULL, NonPagedPool, 0,
					     0, TEST_TAG, 0);
	KUNIT_EXPECT_EQ(test, status, STATUS_INVALID_PARAMETER);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 3);
	KUNIT_EXPECT_NULL(test, ExAllocateFromLookasideListEx(&ex));
	ExDeleteLookasideListEx(&ex);
}

/* A block of list a freed to list b: reported, b untouched, a still owes it. */
static void ntshim_lookaside_foreign_free_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LOOKASIDE_FOREIGN_FREE);
	NPAGED_LOOKASIDE_LIST a, b;
	void *p, *stranger;

	if (!IS_ENABLED(CONFIG_NTSHIM_DEBUG))
		kunit_skip(test, "foreign frees are caught in debug builds");
	ExInitializeNPagedLookasideList(&a, NULL, NULL, 0, TEST_SIZE,
					TEST_TAG, 0);
	ExInitializeNPagedLookasideList(&b, NULL, NULL, 0, TEST_SIZE,
					TEST_TAG, 0);
	p = ExAllocateFromNPagedLookasideList(&a);
	KUNIT_ASSERT_NOT_NULL(test, p);

	ExFreeToNPagedLookasideList(&b, p);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, b.L.TotalFrees, 0);
	KUNIT_EXPECT_EQ(test, b.L.Ntshim.cached, 0);

	/* memory no list handed out */
	stranger = kunit_kzalloc(test, TEST_SIZE, GFP_KERNEL);
	ExFreeToNPagedLookasideList(&a, stranger);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	KUNIT_EXPECT_EQ(test, a.L.TotalFrees, 0);

	ExFreeToNPagedLookasideList(&a, p);
	KUNIT_EXPECT_EQ(test, a.L.TotalFrees, 1);
	ExDeleteNPagedLookasideList(&a);
	ExDeleteNPagedLookasideList(&b);
}

/*
 * free p twice while p is cached: the second is reported and ignored, so
 * the cache never holds p twice (which would hand it out twice).
 */
static void ntshim_lookaside_double_free_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LOOKASIDE_DOUBLE_FREE);
	NPAGED_LOOKASIDE_LIST list;
	void *blocks[5];
	void *p;
	int i;

	ExInitializeNPagedLookasideList(&list, NULL, NULL, 0, TEST_SIZE,
					TEST_TAG, 0);
	p = ExAllocateFromNPagedLookasideList(&list);
	ExFreeToNPagedLookasideList(&list, p);
	ExFreeToNPagedLookasideList(&list, p);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, list.L.TotalFrees, 1);
	KUNIT_EXPECT_EQ(test, list.L.Ntshim.cached, 1);

	if (IS_ENABLED(CONFIG_NTSHIM_DEBUG)) {
		/* the fifth block goes back to the slab; freeing it again */
		for (i = 0; i < 5; i++)
			blocks[i] = ExAllocateFromNPagedLookasideList(&list);
		for (i = 0; i < 5; i++)
			ExFreeToNPagedLookasideList(&list, blocks[i]);
		KUNIT_EXPECT_EQ(test, list.L.FreeMisses, 1);
		ExFreeToNPagedLookasideList(&list, blocks[4]);
		NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
		KUNIT_EXPECT_EQ(test, list.L.TotalFrees, 6);
	}
	ExDeleteNPagedLookasideList(&list);
}

/*
 * delete with p outstanding: reported; p stays valid; freeing p later is a
 * use after delete, but p still goes back (no leak) and the list's
 * kmem_cache goes with the last block.
 */
static void ntshim_lookaside_delete_busy_test(struct kunit *test)
{
	struct ntshim_violation_mark busy = ntshim_mark(NTSHIM_V_LOOKASIDE_DELETE_BUSY);
	struct ntshim_violation_mark uad = ntshim_mark(NTSHIM_V_LOOKASIDE_USE_AFTER_DELETE);
	NPAGED_LOOKASIDE_LIST list;
	u8 *p;

	ExInitializeNPagedLookasideList(&list, NULL, NULL, 0, TEST_SIZE,
					TEST_TAG, 0);
	p = ExAllocateFromNPagedLookasideList(&list);
	KUNIT_ASSERT_NOT_NULL(test, p);
	ExDeleteNPagedLookasideList(&list);
	NTSHIM_EXPECT_VIOLATIONS(test, &busy, 1);
	KUNIT_EXPECT_NOT_NULL(test, list.L.Ntshim.slab);
	memset(p, 1, TEST_SIZE);	/* still valid memory */

	ExFreeToNPagedLookasideList(&list, p);
	NTSHIM_EXPECT_VIOLATIONS(test, &uad, 1);
	KUNIT_EXPECT_EQ(test, list.L.TotalFrees, 1);
	KUNIT_EXPECT_NULL(test, list.L.Ntshim.slab);
}

/* After delete: allocations fail, frees and a second delete are reported. */
static void ntshim_lookaside_use_after_delete_test(struct kunit *test)
{
	struct ntshim_violation_mark uad = ntshim_mark(NTSHIM_V_LOOKASIDE_USE_AFTER_DELETE);
	PAGED_LOOKASIDE_LIST list;
	void *p;

	ExInitializePagedLookasideList(&list, NULL, NULL, 0, TEST_SIZE,
				       TEST_TAG, 0);
	p = ExAllocateFromPagedLookasideList(&list);
	ExFreeToPagedLookasideList(&list, p);
	ExDeletePagedLookasideList(&list);

	KUNIT_EXPECT_NULL(test, ExAllocateFromPagedLookasideList(&list));
	NTSHIM_EXPECT_VIOLATIONS(test, &uad, 1);
	ExFreeToPagedLookasideList(&list, p);	/* p is long gone */
	NTSHIM_EXPECT_VIOLATIONS(test, &uad, 2);
	ExDeletePagedLookasideList(&list);
	NTSHIM_EXPECT_VIOLATIONS(test, &uad, 3);
	KUNIT_EXPECT_EQ(test, list.L.TotalFrees, 1);
}

/*
 * Paged lists: below DISPATCH_LEVEL only.  Nonpaged: up to DISPATCH_LEVEL.
 * Misuse is reported and the call still works (GFP_ATOMIC).
 */
static void ntshim_lookaside_irql_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LOOKASIDE_BAD_IRQL);
	NPAGED_LOOKASIDE_LIST npaged;
	PAGED_LOOKASIDE_LIST paged;
	unsigned long flags;
	void *p;

	ExInitializePagedLookasideList(&paged, NULL, NULL, 0, TEST_SIZE,
				       TEST_TAG, 0);
	ExInitializeNPagedLookasideList(&npaged, NULL, NULL, 0, TEST_SIZE,
					TEST_TAG, 0);

	local_bh_disable();	/* DISPATCH_LEVEL */
	p = ExAllocateFromNPagedLookasideList(&npaged);
	ExFreeToNPagedLookasideList(&npaged, p);
	KUNIT_EXPECT_NOT_NULL(test, p);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 0);
	p = ExAllocateFromPagedLookasideList(&paged);
	ExFreeToPagedLookasideList(&paged, p);
	local_bh_enable();
	KUNIT_EXPECT_NOT_NULL(test, p);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);

	local_irq_save(flags);	/* above DISPATCH_LEVEL */
	p = ExAllocateFromNPagedLookasideList(&npaged);
	ExFreeToNPagedLookasideList(&npaged, p);
	local_irq_restore(flags);
	KUNIT_EXPECT_NOT_NULL(test, p);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 4);

	ExDeletePagedLookasideList(&paged);

	/* nonpaged delete at DISPATCH_LEVEL: legal; the cache goes later */
	local_bh_disable();
	ExDeleteNPagedLookasideList(&npaged);
	local_bh_enable();
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 4);
	KUNIT_EXPECT_NULL(test, npaged.L.Ntshim.slab);
}

/*
 * The debugfs table.  alloc p, free p, alloc (hit), alloc (miss):
 * TA 3, AM 2, hit rate 33.3, TF 1, FM 0, outstanding 2.
 */
static void ntshim_lookaside_row_test(struct kunit *test)
{
	static const char *const header[] = {
		"Tag", "Type", "Size", "Depth", "TotalAllocs", "AllocMisses",
		"HitRate", "TotalFrees", "FreeMisses", "Outstanding",
	};
	unsigned int size, depth, ta, am, hr, hr10, tf, fm, out;
	char buf[NTSHIM_LOOKASIDE_ROW_LEN];
	char *line = buf, *tok;
	NPAGED_LOOKASIDE_LIST list;
	PAGED_LOOKASIDE_LIST paged;
	void *p, *q;
	char type[8];
	int i, len, fields;

	strscpy(buf, NTSHIM_LOOKASIDE_HEADER, sizeof(buf));
	for (i = 0; i < ARRAY_SIZE(header); i++) {
		do {
			tok = strsep(&line, "\n ");
		} while (tok && !*tok);
		KUNIT_EXPECT_STREQ(test, tok ? tok : "(none)", header[i]);
	}

	ExInitializePagedLookasideList(&paged, NULL, NULL, 0, TEST_SIZE,
				       'wRbD', 0);
	len = ntshim_lookaside_row(&paged.L, buf, sizeof(buf));
	KUNIT_EXPECT_EQ(test, len, strlen(buf));
	fields = sscanf(buf, "DbRw %7s %u %u %u %u %u.%u", type, &size,
			&depth, &ta, &am, &hr, &hr10);
	KUNIT_EXPECT_EQ(test, fields, 7);
	KUNIT_EXPECT_STREQ(test, type, "Paged");
	KUNIT_EXPECT_EQ(test, hr * 10 + hr10, 0);	/* no allocations yet */
	ExDeletePagedLookasideList(&paged);

	ExInitializeNPagedLookasideList(&list, NULL, NULL, 0, TEST_SIZE,
					'wRbD', 0);
	p = ExAllocateFromNPagedLookasideList(&list);
	ExFreeToNPagedLookasideList(&list, p);
	p = ExAllocateFromNPagedLookasideList(&list);
	q = ExAllocateFromNPagedLookasideList(&list);
	len = ntshim_lookaside_row(&list.L, buf, sizeof(buf));

	KUNIT_EXPECT_EQ(test, buf[len - 1], '\n');
	KUNIT_EXPECT_EQ(test, strncmp(buf, "DbRw ", 5), 0);
	fields = sscanf(buf, "DbRw %7s %u %u %u %u %u.%u %u %u %u", type,
			&size, &depth, &ta, &am, &hr, &hr10, &tf, &fm, &out);
	KUNIT_EXPECT_EQ(test, fields, 10);
	KUNIT_EXPECT_STREQ(test, type, "Nonp");
	KUNIT_EXPECT_EQ(test, size, TEST_SIZE);
	KUNIT_EXPECT_EQ(test, depth, NTSHIM_LOOKASIDE_DEPTH);
	KUNIT_EXPECT_EQ(test, ta, 3);
	KUNIT_EXPECT_EQ(test, am, 2);
	KUNIT_EXPECT_EQ(test, hr, 33);
	KUNIT_EXPECT_EQ(test, hr10, 3);
	KUNIT_EXPECT_EQ(test, tf, 1);
	KUNIT_EXPECT_EQ(test, fm, 0);
	KUNIT_EXPECT_EQ(test, out, 2);

	ExFreeToNPagedLookasideList(&list, p);
	ExFreeToNPagedLookasideList(&list, q);
	ExDeleteNPagedLookasideList(&list);
}

#define STRESS_ROUNDS 60
#define STRESS_BATCH 6
#define STRESS_KEEP 3

struct stress_arg {
	PNPAGED_LOOKASIDE_LIST list;
	void *kept[STRESS_KEEP];
	int errors;
	struct completion done;
};

static int lookaside_stress_fn(void *data)
{
	struct stress_arg *arg = data;
	u8 *blocks[STRESS_BATCH];
	int round, i;

	for (round = 0; round < STRESS_ROUNDS; round++) {
		for (i = 0; i < STRESS_BATCH; i++) {
			blocks[i] = ExAllocateFromNPagedLookasideList(arg->list);
			if (!blocks[i]) {
				arg->errors++;
				continue;
			}
			memset(blocks[i], i, TEST_SIZE);
		}
		for (i = 0; i < STRESS_BATCH; i++) {
			if (!blocks[i])
				continue;
			/* nobody else wrote to a block we own */
			if (blocks[i][0] != i || blocks[i][TEST_SIZE - 1] != i)
				arg->errors++;
			ExFreeToNPagedLookasideList(arg->list, blocks[i]);
		}
		if (round % 16 == 0)
			cond_resched();
	}
	for (i = 0; i < STRESS_KEEP; i++)
		arg->kept[i] = ExAllocateFromNPagedLookasideList(arg->list);
	complete(&arg->done);

	set_current_state(TASK_INTERRUPTIBLE);
	while (!kthread_should_stop()) {
		schedule();
		set_current_state(TASK_INTERRUPTIBLE);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/*
 * Two kthreads, one per CPU, allocate and free concurrently.  Afterwards
 * TA - TF equals the blocks still held (3 per thread), the counters add
 * up, and no block was handed to two threads at once.
 */
static void ntshim_lookaside_concurrent_test(struct kunit *test)
{
	struct stress_arg args[2] = {};
	struct task_struct *tasks[2];
	NPAGED_LOOKASIDE_LIST list;
	ULONG total;
	int i, cpu;

	ExInitializeNPagedLookasideList(&list, NULL, NULL, 0, TEST_SIZE,
					TEST_TAG, 0);
	cpu = cpumask_first(cpu_online_mask);
	for (i = 0; i < 2; i++) {
		args[i].list = &list;
		init_completion(&args[i].done);
		tasks[i] = kthread_create(lookaside_stress_fn, &args[i],
					  "ntshim_la/%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(tasks[i]));
		kthread_bind(tasks[i], cpu);
		cpu = cpumask_next(cpu, cpu_online_mask);
		if (cpu >= nr_cpu_ids)
			cpu = cpumask_first(cpu_online_mask);
	}
	for (i = 0; i < 2; i++)
		wake_up_process(tasks[i]);
	/* each thread sleeps after its work until it is stopped */
	for (i = 0; i < 2; i++)
		wait_for_completion(&args[i].done);
	for (i = 0; i < 2; i++)
		kthread_stop(tasks[i]);

	KUNIT_EXPECT_EQ(test, args[0].errors + args[1].errors, 0);
	total = 2 * (STRESS_ROUNDS * STRESS_BATCH + STRESS_KEEP);
	KUNIT_EXPECT_EQ(test, list.L.TotalAllocates, total);
	KUNIT_EXPECT_EQ(test, list.L.TotalFrees, total - 2 * STRESS_KEEP);
	KUNIT_EXPECT_EQ(test, list.L.TotalAllocates - list.L.TotalFrees,
			2 * STRESS_KEEP);
	/* every hit reuses a block a free put in the cache */
	KUNIT_EXPECT_LE(test, list.L.TotalAllocates - list.L.AllocateMisses,
			list.L.TotalFrees - list.L.FreeMisses);
	KUNIT_EXPECT_LE(test, list.L.Ntshim.cached, NTSHIM_LOOKASIDE_DEPTH);
	/* cached + released = freed; released blocks = misses that left */
	KUNIT_EXPECT_EQ(test, list.L.AllocateMisses + (list.L.TotalFrees -
			list.L.FreeMisses) - list.L.Ntshim.cached,
			list.L.TotalAllocates);

	for (i = 0; i < 2; i++) {
		int j;

		for (j = 0; j < STRESS_KEEP; j++)
			ExFreeToNPagedLookasideList(&list, args[i].kept[j]);
	}
	KUNIT_EXPECT_EQ(test, list.L.TotalAllocates, list.L.TotalFrees);
	ExDeleteNPagedLookasideList(&list);
}

static struct kunit_case ntshim_lookaside_cases[] = {
	KUNIT_CASE(ExInitializeNPagedLookasideList_test),
	KUNIT_CASE(ExAllocateFromNPagedLookasideList_test),
	KUNIT_CASE(ntshim_lookaside_kasan_test),
	KUNIT_CASE(ntshim_lookaside_seed_test),
	KUNIT_CASE(ntshim_lookaside_callbacks_test),
	KUNIT_CASE(ntshim_lookaside_one_callback_test),
	KUNIT_CASE(ExInitializeLookasideListEx_test),
	KUNIT_CASE(ExFlushLookasideListEx_test),
	KUNIT_CASE(ntshim_lookaside_bad_size_test),
	KUNIT_CASE(ntshim_lookaside_foreign_free_test),
	KUNIT_CASE(ntshim_lookaside_double_free_test),
	KUNIT_CASE(ntshim_lookaside_delete_busy_test),
	KUNIT_CASE(ntshim_lookaside_use_after_delete_test),
	KUNIT_CASE(ntshim_lookaside_irql_test),
	KUNIT_CASE(ntshim_lookaside_row_test),
	KUNIT_CASE_SLOW(ntshim_lookaside_concurrent_test),
	{}
};

static struct kunit_suite ntshim_lookaside_suite = {
	.name = "ntshim_lookaside",
	.init = lookaside_test_init,
	.exit = ntshim_live_case_exit,
	.test_cases = ntshim_lookaside_cases,
};

kunit_test_suite(ntshim_lookaside_suite);
