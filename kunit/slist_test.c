// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for <ntshim/slist.h>: the x64 SLIST_HEADER layout, each
 * routine with its Depth/Sequence bookkeeping, misaligned input, and
 * lock-free push/pop from kthreads on both CPUs.  Pictures show
 * [header depth/sequence] and the entries in Next order.
 */
#include "ntshim_kunit.h"
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/hrtimer.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#ifdef CONFIG_X86_64
#include <asm/vsyscall.h>
#endif
#include <ntshim/ntddk.h>

struct slist_item {
	SLIST_ENTRY Entry;
	unsigned long Value;
};

/* The HeaderX64 bit-fields, as plain values (KUnit cannot typeof them). */
static u64 hx_depth(const SLIST_HEADER *h)
{
	return h->HeaderX64.Depth;
}

static u64 hx_sequence(const SLIST_HEADER *h)
{
	return h->HeaderX64.Sequence;
}

static u64 hx_reserved(const SLIST_HEADER *h)
{
	return h->HeaderX64.Reserved;
}

static u64 hx_next_entry(const SLIST_HEADER *h)
{
	return h->HeaderX64.NextEntry;
}

static void ntshim_slist_layout_test(struct kunit *test)
{
	SLIST_HEADER h = {};
	SLIST_ENTRY e;

	KUNIT_EXPECT_EQ(test, sizeof(SLIST_HEADER), 16);
	KUNIT_EXPECT_EQ(test, __alignof__(SLIST_HEADER), 16);
	KUNIT_EXPECT_EQ(test, sizeof(SLIST_ENTRY), 16);
	KUNIT_EXPECT_EQ(test, __alignof__(SLIST_ENTRY), 16);
	KUNIT_EXPECT_EQ(test, __alignof__(struct slist_item), 16);

	/* Depth in bits 0..15, Sequence in 16..63 */
	h.HeaderX64.Depth = 1;
	h.HeaderX64.Sequence = 2;
	KUNIT_EXPECT_EQ(test, h.Alignment, 0x20001ULL);
	/* NextEntry is the address >> 4, so Region is the address */
	h.HeaderX64.NextEntry = (unsigned long)&e >> 4;
	KUNIT_EXPECT_EQ(test, (unsigned long)h.Region, (unsigned long)&e);
	KUNIT_EXPECT_EQ(test, hx_reserved(&h), 0ULL);

#ifdef system_has_cmpxchg128
	kunit_info(test, "SLIST path: %s\n", system_has_cmpxchg128() ?
		   "lock-free (cmpxchg128)" : "hashed spin locks");
#endif
}

static void InitializeSListHead_test(struct kunit *test)
{
	SLIST_HEADER h;

	memset(&h, 0xff, sizeof(h));
	InitializeSListHead(&h);

	/* [0/0] -> NULL */
	KUNIT_EXPECT_EQ(test, h.Alignment, 0ULL);
	KUNIT_EXPECT_EQ(test, h.Region, 0ULL);
	KUNIT_EXPECT_EQ(test, QueryDepthSList(&h), 0);
	KUNIT_EXPECT_NULL(test, FirstEntrySList(&h));
}

static void InterlockedPushEntrySList_test(struct kunit *test)
{
	SLIST_ENTRY a, b;
	SLIST_HEADER h;

	InitializeSListHead(&h);

	/* returns the old first entry: NULL on an empty list */
	KUNIT_EXPECT_NULL(test, InterlockedPushEntrySList(&h, &a));
	/* [1/1] -> a -> NULL */
	KUNIT_EXPECT_EQ(test, hx_depth(&h), 1ULL);
	KUNIT_EXPECT_EQ(test, hx_sequence(&h), 1ULL);
	KUNIT_EXPECT_PTR_EQ(test, FirstEntrySList(&h), &a);
	KUNIT_EXPECT_NULL(test, a.Next);

	KUNIT_EXPECT_PTR_EQ(test, InterlockedPushEntrySList(&h, &b), &a);
	/* [2/2] -> b -> a -> NULL */
	KUNIT_EXPECT_EQ(test, hx_depth(&h), 2ULL);
	KUNIT_EXPECT_EQ(test, hx_sequence(&h), 2ULL);
	KUNIT_EXPECT_EQ(test, (unsigned long)hx_next_entry(&h) << 4,
			(unsigned long)&b);
	KUNIT_EXPECT_PTR_EQ(test, b.Next, &a);
}

static void InterlockedPopEntrySList_test(struct kunit *test)
{
	SLIST_ENTRY a, b;
	SLIST_HEADER h;

	InitializeSListHead(&h);
	InterlockedPushEntrySList(&h, &a);
	InterlockedPushEntrySList(&h, &b);

	/* before: [2/2] -> b -> a; after: [1/2] -> a (Sequence stays) */
	KUNIT_EXPECT_PTR_EQ(test, InterlockedPopEntrySList(&h), &b);
	KUNIT_EXPECT_EQ(test, hx_depth(&h), 1ULL);
	KUNIT_EXPECT_EQ(test, hx_sequence(&h), 2ULL);
	KUNIT_EXPECT_PTR_EQ(test, FirstEntrySList(&h), &a);
	KUNIT_EXPECT_PTR_EQ(test, b.Next, &a);	/* left unchanged */

	KUNIT_EXPECT_PTR_EQ(test, InterlockedPopEntrySList(&h), &a);
	/* [0/2] -> NULL */
	KUNIT_EXPECT_EQ(test, QueryDepthSList(&h), 0);
	KUNIT_EXPECT_EQ(test, hx_sequence(&h), 2ULL);
	KUNIT_EXPECT_NULL(test, FirstEntrySList(&h));
}

static void InterlockedPopEntrySList_empty_test(struct kunit *test)
{
	SLIST_HEADER h;

	InitializeSListHead(&h);
	KUNIT_EXPECT_NULL(test, InterlockedPopEntrySList(&h));
	/* nothing changed: [0/0] */
	KUNIT_EXPECT_EQ(test, h.Alignment, 0ULL);
	KUNIT_EXPECT_EQ(test, h.Region, 0ULL);
}

/*
 * A first entry that cannot be read (its memory gone while it was still
 * listed): pop reports list_corrupt and returns NULL instead of faulting,
 * and leaves the header as it was.
 *   [1/0] -> (the unmapped guard page after a vmalloc area)  pop: NULL
 *   [1/0] -> (a user-space address)                          pop: NULL
 *   [1/0] -> (the x86-64 vsyscall page)                      pop: NULL
 */
static void InterlockedPopEntrySList_unreadable_test(struct kunit *test)
{
	const unsigned long user = 0x10000;
	struct ntshim_violation_mark corrupt0 = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	unsigned long guard;
	SLIST_HEADER h;
	void *area;

	area = vmalloc(PAGE_SIZE);
	KUNIT_ASSERT_NOT_NULL(test, area);
	guard = (unsigned long)area + PAGE_SIZE;	/* never mapped */

	InitializeSListHead(&h);
	h.Alignment = 1;	/* Depth 1 */
	h.Region = guard;
	KUNIT_EXPECT_NULL(test, InterlockedPopEntrySList(&h));
	KUNIT_EXPECT_EQ(test, h.Region, (ULONGLONG)guard);
	KUNIT_EXPECT_EQ(test, hx_depth(&h), 1ULL);

	h.Region = user;
	KUNIT_EXPECT_NULL(test, InterlockedPopEntrySList(&h));
	KUNIT_EXPECT_EQ(test, h.Region, (ULONGLONG)user);
	NTSHIM_EXPECT_VIOLATIONS(test, &corrupt0, 2);
#ifdef CONFIG_X86_64
	/* above TASK_SIZE_MAX, yet a fault there would not be fixed up */
	h.Region = VSYSCALL_ADDR;
	KUNIT_EXPECT_NULL(test, InterlockedPopEntrySList(&h));
	NTSHIM_EXPECT_VIOLATIONS(test, &corrupt0, 3);
#endif
	vfree(area);
}

static void InterlockedFlushSList_test(struct kunit *test)
{
	SLIST_ENTRY a, b, c;
	SLIST_HEADER h;

	InitializeSListHead(&h);
	InterlockedPushEntrySList(&h, &a);
	InterlockedPushEntrySList(&h, &b);
	InterlockedPushEntrySList(&h, &c);

	/* before: [3/3] -> c -> b -> a; after: [0/3] -> NULL */
	KUNIT_EXPECT_PTR_EQ(test, InterlockedFlushSList(&h), &c);
	KUNIT_EXPECT_EQ(test, QueryDepthSList(&h), 0);
	KUNIT_EXPECT_EQ(test, hx_sequence(&h), 3ULL);
	KUNIT_EXPECT_NULL(test, FirstEntrySList(&h));
	/* the chain comes back intact */
	KUNIT_EXPECT_PTR_EQ(test, c.Next, &b);
	KUNIT_EXPECT_PTR_EQ(test, b.Next, &a);
	KUNIT_EXPECT_NULL(test, a.Next);
}

static void InterlockedFlushSList_empty_test(struct kunit *test)
{
	SLIST_HEADER h;

	InitializeSListHead(&h);
	KUNIT_EXPECT_NULL(test, InterlockedFlushSList(&h));
	KUNIT_EXPECT_EQ(test, h.Alignment, 0ULL);
}

static void QueryDepthSList_test(struct kunit *test)
{
	struct slist_item *items;
	SLIST_HEADER h;
	int i;

	items = kunit_kcalloc(test, 300, sizeof(*items), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, items);
	InitializeSListHead(&h);
	for (i = 0; i < 300; i++) {
		KUNIT_EXPECT_EQ(test, QueryDepthSList(&h), i);
		InterlockedPushEntrySList(&h, &items[i].Entry);
	}
	KUNIT_EXPECT_EQ(test, QueryDepthSList(&h), 300);
	KUNIT_EXPECT_EQ(test, hx_sequence(&h), 300ULL);
	for (i = 299; i >= 0; i--)
		KUNIT_EXPECT_PTR_EQ(test, InterlockedPopEntrySList(&h),
				    &items[i].Entry);
	KUNIT_EXPECT_EQ(test, QueryDepthSList(&h), 0);
}

static void ExInterlockedSList_test(struct kunit *test)
{
	SLIST_ENTRY a, b;
	SLIST_HEADER h;
	KSPIN_LOCK lock;

	KeInitializeSpinLock(&lock);
	ExInitializeSListHead(&h);

	/* the lock is ignored, as on x64 Windows: never taken */
	spin_lock(&lock.Lock);
	KUNIT_EXPECT_NULL(test, ExInterlockedPushEntrySList(&h, &a, &lock));
	KUNIT_EXPECT_PTR_EQ(test, ExInterlockedPushEntrySList(&h, &b, &lock),
			    &a);
	spin_unlock(&lock.Lock);
	KUNIT_EXPECT_EQ(test, ExQueryDepthSList(&h), 2);
	KUNIT_EXPECT_PTR_EQ(test, ExInterlockedPopEntrySList(&h, NULL), &b);
	KUNIT_EXPECT_PTR_EQ(test, ExInterlockedFlushSList(&h), &a);
	KUNIT_EXPECT_NULL(test, ExInterlockedPopEntrySList(&h, &lock));
	KUNIT_EXPECT_EQ(test, ExQueryDepthSList(&h), 0);
}

static void InterlockedPushEntrySList_misaligned_entry_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SLIST_MISALIGNED);
	struct slist_item buf[2];
	PSLIST_ENTRY odd = (PSLIST_ENTRY)((char *)buf + 8);
	SLIST_HEADER h;

	InitializeSListHead(&h);
	/* reported, and still pushed: the header keeps the full address */
	KUNIT_EXPECT_NULL(test, InterlockedPushEntrySList(&h, odd));
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_EQ(test, QueryDepthSList(&h), 1);
	KUNIT_EXPECT_PTR_EQ(test, InterlockedPopEntrySList(&h), odd);
	KUNIT_EXPECT_NULL(test, InterlockedPopEntrySList(&h));
}

static void InitializeSListHead_misaligned_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_SLIST_MISALIGNED);
	SLIST_HEADER buf[2];
	PSLIST_HEADER h = (PSLIST_HEADER)((char *)buf + 8);
	SLIST_ENTRY a, b;

	/* reported; the header then works through the locked path */
	InitializeSListHead(h);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	InterlockedPushEntrySList(h, &a);
	InterlockedPushEntrySList(h, &b);
	/* each push through a misaligned header is reported too */
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 3);
	KUNIT_EXPECT_EQ(test, QueryDepthSList(h), 2);
	KUNIT_EXPECT_EQ(test, hx_sequence(h), 2ULL);
	KUNIT_EXPECT_PTR_EQ(test, InterlockedPopEntrySList(h), &b);
	KUNIT_EXPECT_EQ(test, hx_sequence(h), 2ULL);
	KUNIT_EXPECT_PTR_EQ(test, InterlockedFlushSList(h), &a);
	KUNIT_EXPECT_NULL(test, InterlockedPopEntrySList(h));
	KUNIT_EXPECT_EQ(test, QueryDepthSList(h), 0);
}

#define SCONC_ITEMS 64
#define SCONC_ROUNDS 20000
#define SCONC_BATCH 4
#define SFREE_ROUNDS 2000

struct slist_conc {
	SLIST_HEADER h;
	struct completion done[2];
	struct hrtimer timer;
	bool stop;
	/* for the alloc/free variant, per thread */
	unsigned long pushed_sum[2], popped_sum[2];
	unsigned long pushed[2], popped[2];
	struct slist_item items[SCONC_ITEMS];
};

struct slist_conc_arg {
	struct slist_conc *c;
	int id;
};

#define SCONC_TIMER_NS (200 * NSEC_PER_USEC)

/* A third party in hard-interrupt context: pop one, push it back. */
static enum hrtimer_restart slist_conc_timer(struct hrtimer *timer)
{
	struct slist_conc *c = container_of(timer, struct slist_conc, timer);
	PSLIST_ENTRY e = InterlockedPopEntrySList(&c->h);

	if (e)
		InterlockedPushEntrySList(&c->h, e);
	if (READ_ONCE(c->stop))
		return HRTIMER_NORESTART;
	hrtimer_forward_now(timer, ns_to_ktime(SCONC_TIMER_NS));
	return HRTIMER_RESTART;
}

/* Pop a few, push them back, over and over. */
static int slist_conc_thread(void *data)
{
	struct slist_conc_arg *arg = data;
	struct slist_conc *c = arg->c;
	PSLIST_ENTRY got[SCONC_BATCH];
	int round, i, n;

	for (round = 0; round < SCONC_ROUNDS; round++) {
		n = 0;
		for (i = 0; i < SCONC_BATCH; i++) {
			got[n] = InterlockedPopEntrySList(&c->h);
			if (got[n])
				n++;
		}
		for (i = 0; i < n; i++)
			InterlockedPushEntrySList(&c->h, got[i]);
		if (!(round % 256))
			cond_resched();
	}
	kthread_complete_and_exit(&c->done[arg->id], 0);
}

static void InterlockedSList_concurrent_test(struct kunit *test)
{
	DECLARE_BITMAP(seen, SCONC_ITEMS);
	struct slist_conc_arg args[2];
	struct slist_conc *c;
	unsigned long sum = 0;
	int count = 0, i;
	PSLIST_ENTRY e;

	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	InitializeSListHead(&c->h);
	for (i = 0; i < SCONC_ITEMS; i++) {
		c->items[i].Value = i;
		InterlockedPushEntrySList(&c->h, &c->items[i].Entry);
	}
	for (i = 0; i < 2; i++) {
		init_completion(&c->done[i]);
		args[i].c = c;
		args[i].id = i;
	}
	hrtimer_init(&c->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	c->timer.function = slist_conc_timer;
	hrtimer_start(&c->timer, ns_to_ktime(SCONC_TIMER_NS),
		      HRTIMER_MODE_REL_HARD);
	i = ntshim_test_start_pair(slist_conc_thread, &args[0], &args[1],
				   c->done, "ntshim_slist/%u");
	WRITE_ONCE(c->stop, true);
	hrtimer_cancel(&c->timer);
	KUNIT_ASSERT_EQ(test, i, 0);

	KUNIT_EXPECT_EQ(test, QueryDepthSList(&c->h), SCONC_ITEMS);
	bitmap_zero(seen, SCONC_ITEMS);
	while ((e = InterlockedPopEntrySList(&c->h))) {
		struct slist_item *it = container_of(e, struct slist_item,
						     Entry);

		KUNIT_EXPECT_FALSE(test, __test_and_set_bit(it->Value, seen));
		sum += it->Value;
		count++;
	}
	KUNIT_EXPECT_EQ(test, count, SCONC_ITEMS);
	KUNIT_EXPECT_EQ(test, sum, SCONC_ITEMS * (SCONC_ITEMS - 1UL) / 2);
	KUNIT_EXPECT_EQ(test, QueryDepthSList(&c->h), 0);
}

/*
 * Allocate, push, pop, free at once: a pop on one CPU may read Next of an
 * entry the other CPU has just popped and freed.  KASAN must stay quiet.
 */
static int slist_free_thread(void *data)
{
	struct slist_conc_arg *arg = data;
	struct slist_conc *c = arg->c;
	struct slist_item *it;
	PSLIST_ENTRY e;
	int round;

	for (round = 0; round < SFREE_ROUNDS; round++) {
		it = kmalloc(sizeof(*it), GFP_KERNEL);
		if (it) {
			it->Value = round * 2 + arg->id + 1;
			c->pushed[arg->id]++;
			c->pushed_sum[arg->id] += it->Value;
			InterlockedPushEntrySList(&c->h, &it->Entry);
		}
		e = InterlockedPopEntrySList(&c->h);
		if (e) {
			it = container_of(e, struct slist_item, Entry);
			c->popped[arg->id]++;
			c->popped_sum[arg->id] += it->Value;
			kfree(it);
		}
		if (!(round % 256))
			cond_resched();
	}
	kthread_complete_and_exit(&c->done[arg->id], 0);
}

static void InterlockedPopEntrySList_free_race_test(struct kunit *test)
{
	unsigned long pushed, popped, pushed_sum, popped_sum;
	struct slist_conc_arg args[2];
	struct slist_conc *c;
	PSLIST_ENTRY e;
	int i;

	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	InitializeSListHead(&c->h);
	for (i = 0; i < 2; i++) {
		init_completion(&c->done[i]);
		args[i].c = c;
		args[i].id = i;
	}
	KUNIT_ASSERT_EQ(test,
			ntshim_test_start_pair(slist_free_thread, &args[0],
					       &args[1], c->done,
					       "ntshim_slist/%u"), 0);

	pushed = c->pushed[0] + c->pushed[1];
	pushed_sum = c->pushed_sum[0] + c->pushed_sum[1];
	popped = c->popped[0] + c->popped[1];
	popped_sum = c->popped_sum[0] + c->popped_sum[1];
	KUNIT_EXPECT_EQ(test, (unsigned long)QueryDepthSList(&c->h),
			pushed - popped);
	while ((e = InterlockedPopEntrySList(&c->h))) {
		struct slist_item *it = container_of(e, struct slist_item,
						     Entry);

		popped++;
		popped_sum += it->Value;
		kfree(it);
	}
	KUNIT_EXPECT_EQ(test, popped, pushed);
	KUNIT_EXPECT_EQ(test, popped_sum, pushed_sum);
	KUNIT_EXPECT_GT(test, pushed, 0UL);
}

static struct kunit_case ntshim_slist_cases[] = {
	KUNIT_CASE(ntshim_slist_layout_test),
	KUNIT_CASE(InitializeSListHead_test),
	KUNIT_CASE(InterlockedPushEntrySList_test),
	KUNIT_CASE(InterlockedPopEntrySList_test),
	KUNIT_CASE(InterlockedPopEntrySList_empty_test),
	KUNIT_CASE(InterlockedPopEntrySList_unreadable_test),
	KUNIT_CASE(InterlockedFlushSList_test),
	KUNIT_CASE(InterlockedFlushSList_empty_test),
	KUNIT_CASE(QueryDepthSList_test),
	KUNIT_CASE(ExInterlockedSList_test),
	KUNIT_CASE(InterlockedPushEntrySList_misaligned_entry_test),
	KUNIT_CASE(InitializeSListHead_misaligned_test),
	KUNIT_CASE_SLOW(InterlockedSList_concurrent_test),
	KUNIT_CASE_SLOW(InterlockedPopEntrySList_free_race_test),
	{}
};

static struct kunit_suite ntshim_slist_suite = {
	.name = "ntshim_slist",
	.test_cases = ntshim_slist_cases,
};

kunit_test_suite(ntshim_slist_suite);
