// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for <ntshim/list.h>: LIST_ENTRY, SINGLE_LIST_ENTRY and the
 * ExInterlocked* list forms.  One small case per call, in the style of
 * lib/list-test.c; the pictures show [head] and the entries in Flink order.
 */
#include "ntshim_kunit.h"
#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/hrtimer.h>
#include <linux/irqflags.h>
#include <linux/kthread.h>
#include <linux/slab.h>
#include <ntshim/ntddk.h>

struct list_item {
	ULONG Number;
	LIST_ENTRY ListEntry;
	SINGLE_LIST_ENTRY SingleEntry;
};

/* Check the whole ring: [head] -> e[0] -> ... -> e[n-1] -> [head]. */
static void expect_ring(struct kunit *test, PLIST_ENTRY head,
			PLIST_ENTRY *e, int n)
{
	PLIST_ENTRY prev = head;
	int i;

	for (i = 0; i < n; i++) {
		KUNIT_EXPECT_PTR_EQ(test, prev->Flink, e[i]);
		KUNIT_EXPECT_PTR_EQ(test, e[i]->Blink, prev);
		prev = e[i];
	}
	KUNIT_EXPECT_PTR_EQ(test, prev->Flink, head);
	KUNIT_EXPECT_PTR_EQ(test, head->Blink, prev);
}

static void ntshim_list_layout_test(struct kunit *test)
{
	LIST_ENTRY head, a;

	KUNIT_EXPECT_EQ(test, sizeof(LIST_ENTRY), sizeof(struct list_head));
	KUNIT_EXPECT_EQ(test, offsetof(LIST_ENTRY, Flink),
			offsetof(struct list_head, next));
	KUNIT_EXPECT_EQ(test, offsetof(LIST_ENTRY, Blink),
			offsetof(struct list_head, prev));
	KUNIT_EXPECT_EQ(test, sizeof(SINGLE_LIST_ENTRY), sizeof(void *));

	/* The kernel's list code sees the very same pointers. */
	InitializeListHead(&head);
	list_add_tail((struct list_head *)&a, (struct list_head *)&head);
	KUNIT_EXPECT_PTR_EQ(test, head.Flink, &a);
	KUNIT_EXPECT_PTR_EQ(test, a.Blink, &head);
	KUNIT_EXPECT_TRUE(test, list_is_singular((struct list_head *)&head));
}

static void InitializeListHead_test(struct kunit *test)
{
	LIST_ENTRY head;

	memset(&head, 0xff, sizeof(head));
	InitializeListHead(&head);

	/* [head] -> [head] */
	KUNIT_EXPECT_PTR_EQ(test, head.Flink, &head);
	KUNIT_EXPECT_PTR_EQ(test, head.Blink, &head);
}

static void IsListEmpty_test(struct kunit *test)
{
	LIST_ENTRY head, a;

	InitializeListHead(&head);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));
	InsertTailList(&head, &a);
	KUNIT_EXPECT_FALSE(test, IsListEmpty(&head));
}

/*
 * The Head and Tail forms mirror each other: a case runs once for each
 * end of the list.
 */
struct list_end {
	const char *name;
	bool head;
	void (*insert)(PLIST_ENTRY ListHead, PLIST_ENTRY Entry);
	PLIST_ENTRY (*remove)(PLIST_ENTRY ListHead);
	PLIST_ENTRY (*interlocked_insert)(PLIST_ENTRY ListHead,
					  PLIST_ENTRY ListEntry, PKSPIN_LOCK Lock);
};

static const struct list_end list_ends[] = {
	{ "Head", true, InsertHeadList, RemoveHeadList, ExInterlockedInsertHeadList },
	{ "Tail", false, InsertTailList, RemoveTailList, ExInterlockedInsertTailList },
};

static void list_end_desc(const struct list_end *end, char *desc)
{
	strscpy(desc, end->name, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(list_end, list_ends, list_end_desc);

/* a, then b: [head] -> b -> a at the head, [head] -> a -> b at the tail */
static void InsertList_test(struct kunit *test)
{
	const struct list_end *end = test->param_value;
	LIST_ENTRY head, a, b;
	PLIST_ENTRY want[] = { end->head ? &b : &a, end->head ? &a : &b };

	InitializeListHead(&head);
	end->insert(&head, &a);
	end->insert(&head, &b);
	expect_ring(test, &head, want, 2);
}

static void RemoveEntryList_test(struct kunit *test)
{
	LIST_ENTRY head, a, b, c;
	PLIST_ENTRY want[] = { &a, &c };

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &b);
	InsertTailList(&head, &c);

	/* before: [head] -> a -> b -> c; after: [head] -> a -> c */
	KUNIT_EXPECT_FALSE(test, RemoveEntryList(&b));
	expect_ring(test, &head, want, 2);
	/* b's own links are left as Windows leaves them */
	KUNIT_EXPECT_PTR_EQ(test, b.Flink, &c);
	KUNIT_EXPECT_PTR_EQ(test, b.Blink, &a);
}

static void RemoveEntryList_last_test(struct kunit *test)
{
	LIST_ENTRY head, a, b;

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &b);

	/* TRUE exactly when the list is empty afterwards */
	KUNIT_EXPECT_FALSE(test, RemoveEntryList(&a));
	KUNIT_EXPECT_TRUE(test, RemoveEntryList(&b));
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));
	KUNIT_EXPECT_PTR_EQ(test, head.Blink, &head);
	KUNIT_EXPECT_PTR_EQ(test, b.Flink, &head);
	KUNIT_EXPECT_PTR_EQ(test, b.Blink, &head);
}

/*
 * before: [head] -> a -> b; after: [head] -> b (RemoveHeadList took a) or
 * [head] -> a (RemoveTailList took b).  The removed entry keeps its links.
 */
static void RemoveList_test(struct kunit *test)
{
	const struct list_end *end = test->param_value;
	LIST_ENTRY head, a, b;
	PLIST_ENTRY gone = end->head ? &a : &b, kept = end->head ? &b : &a;
	PLIST_ENTRY flink, blink;

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &b);
	flink = gone->Flink;
	blink = gone->Blink;

	KUNIT_EXPECT_PTR_EQ(test, end->remove(&head), gone);
	expect_ring(test, &head, &kept, 1);
	KUNIT_EXPECT_PTR_EQ(test, gone->Flink, flink);
	KUNIT_EXPECT_PTR_EQ(test, gone->Blink, blink);
}

static void RemoveHeadList_empty_test(struct kunit *test)
{
	LIST_ENTRY head;

	InitializeListHead(&head);
	/* an empty list gives back its head, not NULL */
	KUNIT_EXPECT_PTR_EQ(test, RemoveHeadList(&head), &head);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));
	KUNIT_EXPECT_PTR_EQ(test, head.Blink, &head);
}

static void RemoveTailList_empty_test(struct kunit *test)
{
	LIST_ENTRY head;

	InitializeListHead(&head);
	KUNIT_EXPECT_PTR_EQ(test, RemoveTailList(&head), &head);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));
}

static void AppendTailList_test(struct kunit *test)
{
	LIST_ENTRY head, a, b, c, d;
	PLIST_ENTRY want[] = { &a, &b, &c, &d };

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &b);
	/* a headless ring: c <-> d */
	c.Flink = &d;
	c.Blink = &d;
	d.Flink = &c;
	d.Blink = &c;

	/* [head] -> a -> b  +  (c -> d)  =  [head] -> a -> b -> c -> d */
	AppendTailList(&head, &c);
	expect_ring(test, &head, want, 4);
}

static void AppendTailList_empty_test(struct kunit *test)
{
	LIST_ENTRY head, c;
	PLIST_ENTRY want[] = { &c };

	InitializeListHead(&head);
	InitializeListHead(&c);	/* a ring of one */
	AppendTailList(&head, &c);
	/* [head] -> c */
	expect_ring(test, &head, want, 1);
}

static void AppendTailList_headed_test(struct kunit *test)
{
	LIST_ENTRY head, other, x;
	PLIST_ENTRY want[] = { &x };

	InitializeListHead(&head);
	InitializeListHead(&other);
	InsertTailList(&other, &x);

	/*
	 * Moving another headed list's entries: the whole ring goes, its head
	 * included, starting with it ([head] -> other -> x), then the other
	 * head comes out ([head] -> x).
	 */
	AppendTailList(&head, &other);
	KUNIT_EXPECT_PTR_EQ(test, head.Flink, &other);
	KUNIT_EXPECT_PTR_EQ(test, other.Flink, &x);
	KUNIT_EXPECT_PTR_EQ(test, head.Blink, &x);
	KUNIT_EXPECT_FALSE(test, RemoveEntryList(&other));
	expect_ring(test, &head, want, 1);
}

static void CONTAINING_RECORD_test(struct kunit *test)
{
	struct list_item item;

	KUNIT_EXPECT_PTR_EQ(test,
			    CONTAINING_RECORD(&item.ListEntry, struct list_item,
					      ListEntry), &item);
	KUNIT_EXPECT_EQ(test, FIELD_OFFSET(struct list_item, ListEntry),
			(LONG)offsetof(struct list_item, ListEntry));
}

/* The seed's LinkListTest: 10 in at the head, out at the tail, in order. */
static void LinkListTest_test(struct kunit *test)
{
	struct list_item *data;
	LIST_ENTRY head;
	ULONG i, expect = 0;

	InitializeListHead(&head);
	for (i = 0; i < 10; i++) {
		data = kunit_kmalloc(test, sizeof(*data), GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, data);
		data->Number = i;
		InsertHeadList(&head, &data->ListEntry);
	}
	while (!IsListEmpty(&head)) {
		PLIST_ENTRY e = RemoveTailList(&head);

		data = CONTAINING_RECORD(e, struct list_item, ListEntry);
		KUNIT_EXPECT_EQ(test, data->Number, expect);
		expect++;
	}
	KUNIT_EXPECT_EQ(test, expect, 10U);
}

/* DDK code may remove the entry it stands on and then follow its Flink. */
static void RemoveEntryList_while_walking_test(struct kunit *test)
{
	struct list_item items[6];
	PLIST_ENTRY e, want[3];
	LIST_ENTRY head;
	int i;

	InitializeListHead(&head);
	for (i = 0; i < 6; i++) {
		items[i].Number = i;
		InsertTailList(&head, &items[i].ListEntry);
	}
	for (e = head.Flink; e != &head; e = e->Flink)
		if (CONTAINING_RECORD(e, struct list_item, ListEntry)->Number % 2)
			RemoveEntryList(e);

	for (i = 0; i < 3; i++)
		want[i] = &items[2 * i].ListEntry;
	expect_ring(test, &head, want, 3);
}

static void RemoveEntryList_double_remove_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	LIST_ENTRY head, a, b, c;
	PLIST_ENTRY want[] = { &a, &c };

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &b);
	InsertTailList(&head, &c);
	RemoveEntryList(&b);

	/* b still points at a and c, which no longer point back: refused */
	KUNIT_EXPECT_FALSE(test, RemoveEntryList(&b));
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	expect_ring(test, &head, want, 2);
}

static void InsertHeadList_corrupt_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	LIST_ENTRY head, a, b, stray;

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	a.Blink = &stray;	/* a no longer points back at the head */

	InsertHeadList(&head, &b);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	/* refused: nothing changed */
	KUNIT_EXPECT_PTR_EQ(test, head.Flink, &a);
	KUNIT_EXPECT_PTR_EQ(test, a.Blink, &stray);
}

static void InsertTailList_double_insert_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	LIST_ENTRY head, a;
	PLIST_ENTRY want[] = { &a };

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &a);

	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	expect_ring(test, &head, want, 1);
}

static void InsertTailList_uninitialised_head_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	LIST_ENTRY head = {}, a;

	/* NULL and poisoned links are the debug tier's (they fault otherwise) */
	if (!ntshim_checking())
		kunit_skip(test, "needs ntshim.debug_checks");

	InsertTailList(&head, &a);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_NULL(test, head.Flink);
	KUNIT_EXPECT_NULL(test, head.Blink);
}

static void RemoveHeadList_corrupt_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	LIST_ENTRY head, a, b, stray;

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &b);
	b.Blink = &stray;	/* a's successor does not point back */

	/* reported; the chain is cut off the head so a drain loop ends */
	KUNIT_EXPECT_PTR_EQ(test, RemoveHeadList(&head), &head);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));
	KUNIT_EXPECT_PTR_EQ(test, head.Blink, &head);
	/* the entries themselves are left alone */
	KUNIT_EXPECT_PTR_EQ(test, a.Flink, &b);
	KUNIT_EXPECT_PTR_EQ(test, b.Blink, &stray);
}

static void RemoveTailList_corrupt_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	LIST_ENTRY head, a, stray;

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	a.Flink = &stray;	/* the last entry does not lead to the head */

	KUNIT_EXPECT_PTR_EQ(test, RemoveTailList(&head), &head);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));
}

static void RemoveHeadList_uninitialised_head_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	LIST_ENTRY head = {};

	/* NULL and poisoned links are the debug tier's (they fault otherwise) */
	if (!ntshim_checking())
		kunit_skip(test, "needs ntshim.debug_checks");

	/* a zeroed head: reported, not followed; the head is made empty */
	KUNIT_EXPECT_PTR_EQ(test, RemoveHeadList(&head), &head);
	KUNIT_EXPECT_PTR_EQ(test, RemoveTailList(&head), &head);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));
	KUNIT_EXPECT_PTR_EQ(test, head.Blink, &head);
}

/*
 * An entry that Linux code list_del()'d while the head still leads to it:
 * its poisoned link is refused before it is followed (the kernel's own
 * LIST_HARDENED check would fault on it).
 */
static void RemoveHeadList_poisoned_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	LIST_ENTRY head, a, b;

	/* NULL and poisoned links are the debug tier's (they fault otherwise) */
	if (!ntshim_checking())
		kunit_skip(test, "needs ntshim.debug_checks");

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &b);
	a.Flink = (PLIST_ENTRY)LIST_POISON1;

	KUNIT_EXPECT_PTR_EQ(test, RemoveHeadList(&head), &head);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));
	KUNIT_EXPECT_PTR_EQ(test, b.Blink, &a);
}

static void RemoveTailList_poisoned_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	LIST_ENTRY head, a, b;

	/* NULL and poisoned links are the debug tier's (they fault otherwise) */
	if (!ntshim_checking())
		kunit_skip(test, "needs ntshim.debug_checks");

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &b);
	b.Blink = (PLIST_ENTRY)LIST_POISON2;

	KUNIT_EXPECT_PTR_EQ(test, RemoveTailList(&head), &head);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));
	KUNIT_EXPECT_PTR_EQ(test, a.Flink, &b);
}

static void RemoveEntryList_poisoned_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	LIST_ENTRY head, a, b;
	PLIST_ENTRY want[] = { &b };

	/* NULL and poisoned links are the debug tier's (they fault otherwise) */
	if (!ntshim_checking())
		kunit_skip(test, "needs ntshim.debug_checks");

	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &b);
	list_del((struct list_head *)&a);	/* Linux poisons a's links */

	KUNIT_EXPECT_FALSE(test, RemoveEntryList(&a));
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 1);
	expect_ring(test, &head, want, 1);
}

/* The index of @p in @base[], -1 for @head. */
static long link_index(const void *p, const void *head, const void *base,
		       size_t size)
{
	if (p == head)
		return -1;
	return ((const char *)p - (const char *)base) / (long)size;
}

/*
 * The fast paths make the kernel's stores themselves, in the kernel's
 * order: the result is exactly what list_add()/list_add_tail() and
 * __list_del_entry() make of the same list.
 */
static void ntshim_list_same_as_kernel_test(struct kunit *test)
{
	LIST_ENTRY nt_head, nt[4];
	struct list_head lx_head, lx[4];
	PLIST_ENTRY e;
	int i;

	InitializeListHead(&nt_head);
	INIT_LIST_HEAD(&lx_head);
	InsertTailList(&nt_head, &nt[0]);
	list_add_tail(&lx[0], &lx_head);
	InsertHeadList(&nt_head, &nt[1]);
	list_add(&lx[1], &lx_head);
	InsertTailList(&nt_head, &nt[2]);
	list_add_tail(&lx[2], &lx_head);
	InsertHeadList(&nt_head, &nt[3]);
	list_add(&lx[3], &lx_head);
	RemoveEntryList(&nt[0]);
	__list_del_entry(&lx[0]);
	e = RemoveHeadList(&nt_head);
	KUNIT_EXPECT_PTR_EQ(test, e, &nt[3]);
	__list_del_entry(&lx[3]);
	e = RemoveTailList(&nt_head);
	KUNIT_EXPECT_PTR_EQ(test, e, &nt[2]);
	__list_del_entry(&lx[2]);

	/* every link, of the head and of removed entries too, corresponds */
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, link_index(nt[i].Flink, &nt_head, nt,
						 sizeof(nt[0])),
				link_index(lx[i].next, &lx_head, lx,
					   sizeof(lx[0])));
		KUNIT_EXPECT_EQ(test, link_index(nt[i].Blink, &nt_head, nt,
						 sizeof(nt[0])),
				link_index(lx[i].prev, &lx_head, lx,
					   sizeof(lx[0])));
	}
	KUNIT_EXPECT_PTR_EQ(test, nt_head.Flink, &nt[1]);
	KUNIT_EXPECT_PTR_EQ(test, lx_head.next, &lx[1]);
	KUNIT_EXPECT_PTR_EQ(test, nt_head.Blink, &nt[1]);
	KUNIT_EXPECT_PTR_EQ(test, lx_head.prev, &lx[1]);
}

static void PushEntryList_test(struct kunit *test)
{
	SINGLE_LIST_ENTRY head = { NULL }, a, b;

	PushEntryList(&head, &a);
	PushEntryList(&head, &b);

	/* [head] -> b -> a -> NULL */
	KUNIT_EXPECT_PTR_EQ(test, head.Next, &b);
	KUNIT_EXPECT_PTR_EQ(test, b.Next, &a);
	KUNIT_EXPECT_NULL(test, a.Next);
}

static void PopEntryList_test(struct kunit *test)
{
	SINGLE_LIST_ENTRY head = { NULL }, a, b;

	PushEntryList(&head, &a);
	PushEntryList(&head, &b);

	/* before: [head] -> b -> a; after: [head] -> a */
	KUNIT_EXPECT_PTR_EQ(test, PopEntryList(&head), &b);
	KUNIT_EXPECT_PTR_EQ(test, head.Next, &a);
	KUNIT_EXPECT_PTR_EQ(test, b.Next, &a);	/* left unchanged */
	KUNIT_EXPECT_PTR_EQ(test, PopEntryList(&head), &a);
	KUNIT_EXPECT_NULL(test, head.Next);
}

static void PopEntryList_empty_test(struct kunit *test)
{
	SINGLE_LIST_ENTRY head = { NULL };

	KUNIT_EXPECT_NULL(test, PopEntryList(&head));
	KUNIT_EXPECT_NULL(test, head.Next);
}

/* Returns the previous first (last) entry, NULL for an empty list. */
static void ExInterlockedInsertList_test(struct kunit *test)
{
	const struct list_end *end = test->param_value;
	LIST_ENTRY head, a, b;
	PLIST_ENTRY want[] = { end->head ? &b : &a, end->head ? &a : &b };
	KSPIN_LOCK lock;

	KeInitializeSpinLock(&lock);
	InitializeListHead(&head);
	KUNIT_EXPECT_NULL(test, end->interlocked_insert(&head, &a, &lock));
	KUNIT_EXPECT_PTR_EQ(test, end->interlocked_insert(&head, &b, &lock), &a);
	expect_ring(test, &head, want, 2);
}

static void ExInterlockedRemoveHeadList_test(struct kunit *test)
{
	LIST_ENTRY head, a, b;
	PLIST_ENTRY want[] = { &b };
	KSPIN_LOCK lock;

	KeInitializeSpinLock(&lock);
	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &b);

	KUNIT_EXPECT_PTR_EQ(test, ExInterlockedRemoveHeadList(&head, &lock),
			    &a);
	expect_ring(test, &head, want, 1);
	KUNIT_EXPECT_PTR_EQ(test, ExInterlockedRemoveHeadList(&head, &lock),
			    &b);
	/* empty: NULL, unlike RemoveHeadList() */
	KUNIT_EXPECT_NULL(test, ExInterlockedRemoveHeadList(&head, &lock));
	KUNIT_EXPECT_TRUE(test, IsListEmpty(&head));
}

static void ExInterlockedPushEntryList_test(struct kunit *test)
{
	SINGLE_LIST_ENTRY head = { NULL }, a, b;
	KSPIN_LOCK lock;

	KeInitializeSpinLock(&lock);
	KUNIT_EXPECT_NULL(test, ExInterlockedPushEntryList(&head, &a, &lock));
	KUNIT_EXPECT_PTR_EQ(test, ExInterlockedPushEntryList(&head, &b, &lock),
			    &a);
	/* [head] -> b -> a -> NULL */
	KUNIT_EXPECT_PTR_EQ(test, head.Next, &b);
	KUNIT_EXPECT_PTR_EQ(test, b.Next, &a);
	KUNIT_EXPECT_NULL(test, a.Next);
}

static void ExInterlockedPopEntryList_test(struct kunit *test)
{
	SINGLE_LIST_ENTRY head = { NULL }, a, b;
	KSPIN_LOCK lock;

	KeInitializeSpinLock(&lock);
	PushEntryList(&head, &a);
	PushEntryList(&head, &b);
	KUNIT_EXPECT_PTR_EQ(test, ExInterlockedPopEntryList(&head, &lock), &b);
	KUNIT_EXPECT_PTR_EQ(test, ExInterlockedPopEntryList(&head, &lock), &a);
	KUNIT_EXPECT_NULL(test, ExInterlockedPopEntryList(&head, &lock));
}

/* Callable at HIGH_LEVEL: with interrupts off, and leaves them off. */
static void ExInterlocked_high_irql_test(struct kunit *test)
{
	SINGLE_LIST_ENTRY shead = { NULL }, s;
	LIST_ENTRY head, a;
	KSPIN_LOCK lock;
	unsigned long flags;
	bool still_off;

	KeInitializeSpinLock(&lock);
	InitializeListHead(&head);
	local_irq_save(flags);
	ExInterlockedInsertTailList(&head, &a, &lock);
	ExInterlockedPushEntryList(&shead, &s, &lock);
	still_off = irqs_disabled();
	local_irq_restore(flags);

	KUNIT_EXPECT_TRUE(test, still_off);
	KUNIT_EXPECT_PTR_EQ(test, head.Flink, &a);
	KUNIT_EXPECT_PTR_EQ(test, shead.Next, &s);
	/* and from PASSIVE_LEVEL they give interrupts back */
	KUNIT_EXPECT_PTR_EQ(test, ExInterlockedRemoveHeadList(&head, &lock),
			    &a);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

/*
 * Concurrency: kthreads on both CPUs keep taking items off the shared
 * lists and putting them back, and so does a hard-interrupt timer (the
 * "any IRQL" promise, watched by lockdep); afterwards every item is there
 * exactly once.
 */
#define CONC_ITEMS 64
#define CONC_ROUNDS 5000
#define CONC_BATCH 4

struct list_conc {
	LIST_ENTRY head;
	SINGLE_LIST_ENTRY shead;
	KSPIN_LOCK lock;
	struct completion done[2];
	struct hrtimer timer;
	bool stop;
	struct list_item items[CONC_ITEMS];
};

#define CONC_TIMER_NS (200 * NSEC_PER_USEC)

static enum hrtimer_restart list_conc_timer(struct hrtimer *timer)
{
	struct list_conc *c = container_of(timer, struct list_conc, timer);
	PSINGLE_LIST_ENTRY s;
	PLIST_ENTRY e;

	e = ExInterlockedRemoveHeadList(&c->head, &c->lock);
	if (e)
		ExInterlockedInsertTailList(&c->head, e, &c->lock);
	s = ExInterlockedPopEntryList(&c->shead, &c->lock);
	if (s)
		ExInterlockedPushEntryList(&c->shead, s, &c->lock);
	if (READ_ONCE(c->stop))
		return HRTIMER_NORESTART;
	hrtimer_forward_now(timer, ns_to_ktime(CONC_TIMER_NS));
	return HRTIMER_RESTART;
}

struct list_conc_arg {
	struct list_conc *c;
	int id;
};

static int list_conc_thread(void *data)
{
	struct list_conc_arg *arg = data;
	struct list_conc *c = arg->c;
	PSINGLE_LIST_ENTRY sgot[CONC_BATCH];
	PLIST_ENTRY got[CONC_BATCH];
	int round, i, n, sn;

	for (round = 0; round < CONC_ROUNDS; round++) {
		n = 0;
		sn = 0;
		for (i = 0; i < CONC_BATCH; i++) {
			got[n] = ExInterlockedRemoveHeadList(&c->head, &c->lock);
			if (got[n])
				n++;
			sgot[sn] = ExInterlockedPopEntryList(&c->shead, &c->lock);
			if (sgot[sn])
				sn++;
		}
		for (i = 0; i < n; i++) {
			if ((round + i + arg->id) & 1)
				ExInterlockedInsertTailList(&c->head, got[i],
							    &c->lock);
			else
				ExInterlockedInsertHeadList(&c->head, got[i],
							    &c->lock);
		}
		for (i = 0; i < sn; i++)
			ExInterlockedPushEntryList(&c->shead, sgot[i],
						   &c->lock);
		if (!(round % 256))
			cond_resched();
	}
	kthread_complete_and_exit(&c->done[arg->id], 0);
}

static void ExInterlocked_concurrent_test(struct kunit *test)
{
	struct list_conc_arg args[2];
	DECLARE_BITMAP(seen, CONC_ITEMS);
	DECLARE_BITMAP(sseen, CONC_ITEMS);
	unsigned long sum = 0, ssum = 0;
	PSINGLE_LIST_ENTRY s;
	struct list_conc *c;
	int count = 0, scount = 0, i;
	PLIST_ENTRY e;

	c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KeInitializeSpinLock(&c->lock);
	InitializeListHead(&c->head);
	for (i = 0; i < CONC_ITEMS; i++) {
		c->items[i].Number = i;
		InsertTailList(&c->head, &c->items[i].ListEntry);
		PushEntryList(&c->shead, &c->items[i].SingleEntry);
	}
	for (i = 0; i < 2; i++) {
		init_completion(&c->done[i]);
		args[i].c = c;
		args[i].id = i;
	}
	hrtimer_init(&c->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	c->timer.function = list_conc_timer;
	hrtimer_start(&c->timer, ns_to_ktime(CONC_TIMER_NS),
		      HRTIMER_MODE_REL_HARD);
	i = ntshim_test_start_pair(list_conc_thread, &args[0], &args[1],
				   c->done, "ntshim_list/%u");
	WRITE_ONCE(c->stop, true);
	hrtimer_cancel(&c->timer);
	KUNIT_ASSERT_EQ(test, i, 0);

	bitmap_zero(seen, CONC_ITEMS);
	while ((e = ExInterlockedRemoveHeadList(&c->head, &c->lock))) {
		struct list_item *it = CONTAINING_RECORD(e, struct list_item,
							 ListEntry);

		KUNIT_EXPECT_FALSE(test, __test_and_set_bit(it->Number, seen));
		sum += it->Number;
		count++;
	}
	bitmap_zero(sseen, CONC_ITEMS);
	while ((s = PopEntryList(&c->shead))) {
		struct list_item *it = CONTAINING_RECORD(s, struct list_item,
							 SingleEntry);

		KUNIT_EXPECT_FALSE(test, __test_and_set_bit(it->Number, sseen));
		ssum += it->Number;
		scount++;
	}
	KUNIT_EXPECT_EQ(test, count, CONC_ITEMS);
	KUNIT_EXPECT_EQ(test, sum, CONC_ITEMS * (CONC_ITEMS - 1UL) / 2);
	KUNIT_EXPECT_EQ(test, scount, CONC_ITEMS);
	KUNIT_EXPECT_EQ(test, ssum, CONC_ITEMS * (CONC_ITEMS - 1UL) / 2);
}

/*
 * An entry still in the list inserted again away from itself: with the
 * debug checks on, refused and reported; the list stays intact.
 */
static void InsertTailList_linked_entry_test(struct kunit *test)
{
	struct ntshim_violation_mark before = ntshim_mark(NTSHIM_V_LIST_CORRUPT);
	LIST_ENTRY head, a, b, c;
	PLIST_ENTRY e;
	int n = 0;

	if (!ntshim_checking())
		kunit_skip(test, "needs ntshim.debug_checks");
	InitializeListHead(&head);
	InsertTailList(&head, &a);
	InsertTailList(&head, &b);
	InsertTailList(&head, &c);
	InsertTailList(&head, &a);	/* a is first: not next to the tail */
	InsertHeadList(&head, &b);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
	for (e = head.Flink; e != &head && n < 10; e = e->Flink)
		n++;
	KUNIT_EXPECT_EQ(test, n, 3);
	KUNIT_EXPECT_PTR_EQ(test, head.Flink, &a);
	KUNIT_EXPECT_PTR_EQ(test, head.Blink, &c);
	/* a removed entry keeps stale links, and may be inserted again */
	RemoveEntryList(&b);
	InsertTailList(&head, &b);
	KUNIT_EXPECT_PTR_EQ(test, head.Blink, &b);
	NTSHIM_EXPECT_VIOLATIONS(test, &before, 2);
}

static struct kunit_case ntshim_list_cases[] = {
	KUNIT_CASE(ntshim_list_layout_test),
	KUNIT_CASE(InitializeListHead_test),
	KUNIT_CASE(IsListEmpty_test),
	KUNIT_CASE_PARAM(InsertList_test, list_end_gen_params),
	KUNIT_CASE(RemoveEntryList_test),
	KUNIT_CASE(RemoveEntryList_last_test),
	KUNIT_CASE_PARAM(RemoveList_test, list_end_gen_params),
	KUNIT_CASE(RemoveHeadList_empty_test),
	KUNIT_CASE(RemoveTailList_empty_test),
	KUNIT_CASE(AppendTailList_test),
	KUNIT_CASE(AppendTailList_empty_test),
	KUNIT_CASE(AppendTailList_headed_test),
	KUNIT_CASE(CONTAINING_RECORD_test),
	KUNIT_CASE(LinkListTest_test),
	KUNIT_CASE(RemoveEntryList_while_walking_test),
	KUNIT_CASE(RemoveEntryList_double_remove_test),
	KUNIT_CASE(InsertHeadList_corrupt_test),
	KUNIT_CASE(InsertTailList_double_insert_test),
	KUNIT_CASE(InsertTailList_uninitialised_head_test),
	KUNIT_CASE(RemoveHeadList_corrupt_test),
	KUNIT_CASE(RemoveTailList_corrupt_test),
	KUNIT_CASE(RemoveHeadList_uninitialised_head_test),
	KUNIT_CASE(RemoveHeadList_poisoned_test),
	KUNIT_CASE(RemoveTailList_poisoned_test),
	KUNIT_CASE(RemoveEntryList_poisoned_test),
	KUNIT_CASE(ntshim_list_same_as_kernel_test),
	KUNIT_CASE(PushEntryList_test),
	KUNIT_CASE(PopEntryList_test),
	KUNIT_CASE(PopEntryList_empty_test),
	KUNIT_CASE_PARAM(ExInterlockedInsertList_test, list_end_gen_params),
	KUNIT_CASE(ExInterlockedRemoveHeadList_test),
	KUNIT_CASE(ExInterlockedPushEntryList_test),
	KUNIT_CASE(ExInterlockedPopEntryList_test),
	KUNIT_CASE(ExInterlocked_high_irql_test),
	KUNIT_CASE(InsertTailList_linked_entry_test),
	KUNIT_CASE_SLOW(ExInterlocked_concurrent_test),
	{}
};

static struct kunit_suite ntshim_list_suite = {
	.name = "ntshim_list",
	.test_cases = ntshim_list_cases,
};

kunit_test_suite(ntshim_list_suite);
