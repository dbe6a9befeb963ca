/* SPDX-License-Identifier: GPL-2.0 */
/*
 * LIST_ENTRY on struct list_head, SINGLE_LIST_ENTRY, and the ExInterlocked*
 * list forms on KSPIN_LOCK.
 *
 * LIST_ENTRY has exactly the layout of struct list_head (Flink is next,
 * Blink is prev), so drivers that walk Flink by hand, the kernel's list
 * helpers and CONFIG_DEBUG_LIST all see the same pointers.  The operations
 * make the kernel's stores (__list_add, __list_del) in the kernel's order.
 *
 * Corrupt links: like Windows 8 and later (FAST_FAIL_CORRUPT_LIST_ENTRY),
 * every insert and remove first checks that the neighbours point back.
 * The check runs in every build and is built like the kernel's own
 * CONFIG_LIST_HARDENED check: inline, the loads the operation needs anyway
 * plus the back links, a few compares whose branches are never taken while
 * the list is sound (each leads to the same cold block), and the report
 * out of line.  It makes the kernel's DEBUG_LIST/LIST_HARDENED checks
 * (which WARN or BUG); a corrupt list is therefore reported as an ntshim
 * violation ("list_corrupt") and the operation is refused.  With
 * ntshim's debug checks on (ntshim.debug_checks, see <ntshim/violation.h>)
 * each operation also refuses NULL and list_del()-poisoned links before
 * following them (without them such a link faults, as on Windows and in
 * the kernel) and an insert of an entry still linked anywhere; one
 * static-key test per operation selects the checked variant.  Having
 * checked, ntshim makes the stores itself instead of calling list_add()
 * and friends, so a kernel built with LIST_HARDENED or
 * DEBUG_LIST does not check the same links a second time: a LIST_ENTRY
 * operation costs what the kernel's own hardened list operation costs.
 * What each call returns on corrupt links is documented with it.
 *
 * A removed entry's own Flink and Blink are left exactly as they were, as
 * Windows leaves them (the kernel's __list_del_entry(), not list_del()):
 * they still point at the old neighbours.  ntshim never poisons them, not
 * even in debug builds, because DDK code that removes entries while walking
 * a list relies on the removed entry's Flink.  A second removal of the same
 * entry is caught by the check above once its neighbours have moved on.
 */
#ifndef _NTSHIM_LIST_H
#define _NTSHIM_LIST_H

#include <linux/compiler.h>
#include <linux/list.h>
#include <linux/poison.h>
#include <linux/spinlock.h>
#include <ntshim/spinlock.h>
#include <ntshim/types.h>

/**
 * struct _LIST_ENTRY - a doubly linked list entry or list head
 * @Flink: next entry (the head when this is the last entry); for a head,
 *         the first entry, or the head itself when the list is empty
 * @Blink: previous entry; for a head, the last entry
 *
 * Layout-identical to struct list_head.
 */
typedef struct _LIST_ENTRY {
	struct _LIST_ENTRY *Flink;
	struct _LIST_ENTRY *Blink;
} LIST_ENTRY, *PLIST_ENTRY, *PRLIST_ENTRY;

static_assert(sizeof(LIST_ENTRY) == sizeof(struct list_head));
static_assert(offsetof(LIST_ENTRY, Flink) == offsetof(struct list_head, next));
static_assert(offsetof(LIST_ENTRY, Blink) == offsetof(struct list_head, prev));

/**
 * struct _SINGLE_LIST_ENTRY - a singly linked list entry or list head
 * @Next: next entry, or NULL at the end; for a head, the first entry
 */
typedef struct _SINGLE_LIST_ENTRY {
	struct _SINGLE_LIST_ENTRY *Next;
} SINGLE_LIST_ENTRY, *PSINGLE_LIST_ENTRY;

/**
 * ntshim_list_head() - a LIST_ENTRY seen as the list_head it is laid out as
 * @Entry: the entry
 *
 * Return: @Entry as a struct list_head pointer.
 */
static __always_inline struct list_head *ntshim_list_head(PLIST_ENTRY Entry)
{
	return (struct list_head *)Entry;
}

/*
 * The report side follows the kernel's LIST_HARDENED slow path: cold, out of
 * line, and with clang's preserve_most convention where the kernel has it
 * (6.8 and later), so the inline fast path keeps its registers and the
 * check costs only its loads and never-taken branches.
 */
#ifndef __preserve_most
#define __preserve_most
#endif

/**
 * ntshim_list_bad_insert() - report a refused insert (out of line, cold)
 * @op:     the DDK call that refused it
 * @New:    the entry being inserted
 * @Prev:   the link that was to precede it
 * @Next:   the link that was to follow it
 *
 * Reports NTSHIM_V_LIST_CORRUPT naming the link that does not point back,
 * with the address it was called from as the caller; reads the links
 * without faulting.
 */
void ntshim_list_bad_insert(const char *op, const LIST_ENTRY *New,
			    const LIST_ENTRY *Prev,
			    const LIST_ENTRY *Next) __cold __preserve_most;

/**
 * ntshim_list_insert_linked() - is an entry to insert still linked?
 * @op:  the DDK call, for the report
 * @New: the entry
 *
 * With ntshim's debug checks on (see <ntshim/violation.h>), every insert
 * asks this first: an entry whose neighbours both point back at it is
 * still in a list, and inserting it again (anywhere, not only next to
 * itself) would corrupt both lists.  Reported as list_corrupt and the
 * insert is refused.  The entry's own links may be garbage (DDK code
 * does not initialise an entry before inserting it), so they are read
 * without faulting.  Without the debug checks only an insert next to the
 * entry itself is caught.
 *
 * Return: true (after reporting) if @New is linked.
 */
bool ntshim_list_insert_linked(const char *op, const LIST_ENTRY *New);

/**
 * ntshim_list_bad_remove() - report a refused remove (out of line, cold)
 * @op:       the DDK call that refused it
 * @Entry:    the entry being removed (may be NULL)
 * @ListHead: the head it was taken from, or NULL for RemoveEntryList()
 *
 * Reports NTSHIM_V_LIST_CORRUPT naming the link that does not point back,
 * with the address it was called from as the caller; reads the links
 * without faulting.
 */
void ntshim_list_bad_remove(const char *op, const LIST_ENTRY *Entry,
			    const LIST_ENTRY *ListHead) __cold __preserve_most;

/*
 * Link values that must not be followed: NULL (a zeroed, never initialised
 * head or entry) and list_del()'s poison.
 */
static __always_inline bool ntshim_list_bad_link(const LIST_ENTRY *p,
						 const void *poison)
{
	return !p || p == poison;
}

/**
 * ntshim_list_link() - link @New between @Prev and @Next, no second check
 * @New:  the entry
 * @Prev: its predecessor
 * @Next: its successor
 *
 * The stores of the kernel's __list_add(), in the same order, without
 * __list_add_valid(): the caller has already made the LIST_HARDENED checks
 * (a superset of them), so a kernel with CONFIG_LIST_HARDENED or
 * CONFIG_DEBUG_LIST does not check the same links twice.
 */
static __always_inline void ntshim_list_link(PLIST_ENTRY New, PLIST_ENTRY Prev,
					     PLIST_ENTRY Next)
{
	Next->Blink = New;
	New->Flink = Next;
	New->Blink = Prev;
	WRITE_ONCE(Prev->Flink, New);
}

/**
 * ntshim_list_unlink() - join @Prev and @Next, dropping what was between
 * @Prev: the link before the removed entry
 * @Next: the link after it
 *
 * The stores of the kernel's __list_del(), without a second check.
 */
static __always_inline void ntshim_list_unlink(PLIST_ENTRY Prev,
					       PLIST_ENTRY Next)
{
	Next->Blink = Prev;
	WRITE_ONCE(Prev->Flink, Next);
}

/**
 * ntshim_list_add_ok() - may @New go between @Prev and @Next?
 * @op:     the DDK call, for the report
 * @New:    the entry to insert
 * @Prev:   its future predecessor
 * @Next:   its future successor
 *
 * The kernel's __list_add_valid() conditions (Windows' FAST_FAIL ones),
 * reported as a violation instead of a WARN; with ntshim's debug checks
 * on, NULL links and an @New still linked anywhere too.  One of @Prev
 * and @Next is the caller's head, the other a link read from it; the
 * compiler drops the compares that the caller's own code already decided.
 *
 * Return: true when the links are sound; false after reporting.
 */
static __always_inline bool ntshim_list_add_ok(const char *op, PLIST_ENTRY New,
					       PLIST_ENTRY Prev,
					       PLIST_ENTRY Next)
{
	/* @New first: the caller may already have decided those. */
	if (unlikely(New == Next || New == Prev))
		goto bad;
	if (ntshim_checking()) {
		if (likely(Prev && Next && Next->Blink == Prev &&
			   Prev->Flink == Next))
			return !ntshim_list_insert_linked(op, New);
	} else if (likely(Next->Blink == Prev && Prev->Flink == Next)) {
		return true;
	}
bad:
	ntshim_list_bad_insert(op, New, Prev, Next);
	return false;
}

/**
 * ntshim_list_del_ok() - may @Entry be unlinked?
 * @op:     the DDK call, for the report
 * @Entry:  the entry to remove
 *
 * The kernel's __list_del_entry_valid() conditions (Windows' FAST_FAIL
 * ones), reported as a violation instead of a WARN; with ntshim's debug
 * checks on, NULL and list_del()-poisoned links are refused before they
 * are followed.
 *
 * Return: true when both neighbours point back at @Entry.
 */
static __always_inline bool ntshim_list_del_ok(const char *op,
					       PLIST_ENTRY Entry)
{
	PLIST_ENTRY Next = Entry->Flink, Prev = Entry->Blink;

	if (ntshim_checking() &&
	    (ntshim_list_bad_link(Next, LIST_POISON1) ||
	     ntshim_list_bad_link(Prev, LIST_POISON2)))
		goto bad;
	if (likely(Prev->Flink == Entry && Next->Blink == Entry))
		return true;
bad:
	ntshim_list_bad_remove(op, Entry, NULL);
	return false;
}

/**
 * InitializeListHead() - make @ListHead an empty list
 * @ListHead: the head; Flink and Blink both point at it afterwards
 */
static __always_inline void InitializeListHead(PLIST_ENTRY ListHead)
{
	INIT_LIST_HEAD(ntshim_list_head(ListHead));
}

/**
 * IsListEmpty() - is the list empty?
 * @ListHead: the head
 *
 * Return: TRUE when @ListHead->Flink points at @ListHead.
 */
static __always_inline BOOLEAN IsListEmpty(const LIST_ENTRY *ListHead)
{
	return list_empty((const struct list_head *)ListHead);
}

/**
 * InsertHeadList() - insert @Entry as the first entry
 * @ListHead: the head
 * @Entry:    the entry (its old links are ignored and overwritten)
 *
 * A corrupt head (its first entry does not point back) or an @Entry that
 * is already next to the head is reported and @Entry is not inserted.
 */
static __always_inline void InsertHeadList(PLIST_ENTRY ListHead,
					   PLIST_ENTRY Entry)
{
	PLIST_ENTRY First = ListHead->Flink;

	if (ntshim_list_add_ok("InsertHeadList", Entry, ListHead, First))
		ntshim_list_link(Entry, ListHead, First);
}

/**
 * InsertTailList() - insert @Entry as the last entry
 * @ListHead: the head
 * @Entry:    the entry (its old links are ignored and overwritten)
 *
 * A corrupt head or a double insert is reported and @Entry is not inserted.
 */
static __always_inline void InsertTailList(PLIST_ENTRY ListHead,
					   PLIST_ENTRY Entry)
{
	PLIST_ENTRY Last = ListHead->Blink;

	if (ntshim_list_add_ok("InsertTailList", Entry, Last, ListHead))
		ntshim_list_link(Entry, Last, ListHead);
}

/**
 * RemoveEntryList() - unlink @Entry from whatever list holds it
 * @Entry: the entry; its own Flink/Blink are left unchanged
 *
 * Return: TRUE when the list is empty afterwards (the old neighbours were
 * the same link, i.e. the head), else FALSE.  Corrupt links (a double
 * remove, a neighbour that does not point back) are reported, nothing is
 * unlinked and FALSE is returned.
 */
static __always_inline BOOLEAN RemoveEntryList(PLIST_ENTRY Entry)
{
	PLIST_ENTRY Next, Prev;

	if (!ntshim_list_del_ok("RemoveEntryList", Entry))
		return FALSE;
	Next = Entry->Flink;
	Prev = Entry->Blink;
	ntshim_list_unlink(Prev, Next);
	return Next == Prev;
}

/**
 * ntshim_list_remove_end() - RemoveHeadList()/RemoveTailList() body
 * @op:       the DDK call, for a report
 * @ListHead: the head
 * @First:    true to remove the first entry, false for the last
 *
 * Windows' checks: the entry's outer link is the head and both its
 * neighbours point back at it (the outer neighbour is the head, which
 * points at the entry by construction, so only the inner one is read);
 * with ntshim's debug checks on, a NULL or poisoned link is refused
 * before it is followed.
 * On corrupt links the report is made and the whole chain is cut off the
 * head (the head becomes empty; the entries are not touched): a caller
 * that drains with "while (!IsListEmpty())" then stops instead of
 * spinning on the same corruption.  Loads: the head's link, the entry's
 * two links and the inner neighbour's back link; nothing else.
 *
 * Return: the removed entry, or @ListHead when the list is empty or corrupt.
 */
static __always_inline PLIST_ENTRY
ntshim_list_remove_end(const char *op, PLIST_ENTRY ListHead, bool First)
{
	PLIST_ENTRY Entry = First ? ListHead->Flink : ListHead->Blink;
	PLIST_ENTRY Outer, Inner;

	if (Entry == ListHead)
		return ListHead;
	if (ntshim_checking() &&
	    (!Entry || ntshim_list_bad_link(First ? Entry->Flink : Entry->Blink,
					    First ? LIST_POISON1 :
						    LIST_POISON2)))
		goto bad;
	Outer = First ? Entry->Blink : Entry->Flink;
	Inner = First ? Entry->Flink : Entry->Blink;
	if (likely(Outer == ListHead &&
		   (First ? Inner->Blink : Inner->Flink) == Entry)) {
		if (First)
			ntshim_list_unlink(ListHead, Inner);
		else
			ntshim_list_unlink(Inner, ListHead);
		return Entry;
	}
bad:
	ntshim_list_bad_remove(op, Entry, ListHead);
	InitializeListHead(ListHead);
	return ListHead;
}

/**
 * RemoveHeadList() - unlink and return the first entry
 * @ListHead: the head
 *
 * The removed entry's own Flink/Blink are left unchanged.  A corrupt list
 * is reported and cut off the head (see ntshim_list_remove_end()).
 *
 * Return: the removed entry; @ListHead itself when the list was empty (or
 * corrupt): unlike ExInterlockedRemoveHeadList(), never NULL.
 */
static __always_inline PLIST_ENTRY RemoveHeadList(PLIST_ENTRY ListHead)
{
	return ntshim_list_remove_end("RemoveHeadList", ListHead, true);
}

/**
 * RemoveTailList() - unlink and return the last entry
 * @ListHead: the head
 *
 * The removed entry's own Flink/Blink are left unchanged.  A corrupt list
 * is reported and cut off the head (see ntshim_list_remove_end()).
 *
 * Return: the removed entry; @ListHead itself when the list was empty (or
 * corrupt).
 */
static __always_inline PLIST_ENTRY RemoveTailList(PLIST_ENTRY ListHead)
{
	return ntshim_list_remove_end("RemoveTailList", ListHead, false);
}

/**
 * AppendTailList() - append a headless circular list at the tail
 * @ListHead:     the head of the list that grows
 * @ListToAppend: the first entry of a circular list that has no head of
 *                its own; it and every entry linked with it are appended
 *                in order
 *
 * As on Windows, every link of that ring is appended, so if the ring has
 * a head of its own, that head is appended as an entry too.  To move the
 * entries of another headed list @Other, the DDK idiom is
 * AppendTailList(ListHead, &Other) and then RemoveEntryList(&Other)
 * (Other's links are stale afterwards: re-initialise it to reuse it).
 * Corrupt links on either side are reported and nothing is appended.
 */
static __always_inline void AppendTailList(PLIST_ENTRY ListHead,
					   PLIST_ENTRY ListToAppend)
{
	PLIST_ENTRY ListEnd = ListHead->Blink;
	PLIST_ENTRY AppendEnd = ListToAppend->Blink;

	if (unlikely(!ListEnd || ListEnd->Flink != ListHead || !AppendEnd ||
		     AppendEnd->Flink != ListToAppend)) {
		ntshim_list_bad_insert("AppendTailList", ListToAppend,
				       ListEnd, ListHead);
		return;
	}
	WRITE_ONCE(ListEnd->Flink, ListToAppend);
	ListHead->Blink = AppendEnd;
	WRITE_ONCE(AppendEnd->Flink, ListHead);
	ListToAppend->Blink = ListEnd;
}

/**
 * PushEntryList() - push @Entry at the front of a single list
 * @ListHead: the head
 * @Entry:    the entry; its Next is overwritten
 */
static __always_inline void PushEntryList(PSINGLE_LIST_ENTRY ListHead,
					  PSINGLE_LIST_ENTRY Entry)
{
	Entry->Next = ListHead->Next;
	WRITE_ONCE(ListHead->Next, Entry);
}

/**
 * PopEntryList() - pop the first entry of a single list
 * @ListHead: the head
 *
 * The popped entry's Next is left unchanged.
 *
 * Return: the popped entry, or NULL when the list was empty.
 */
static __always_inline PSINGLE_LIST_ENTRY
PopEntryList(PSINGLE_LIST_ENTRY ListHead)
{
	PSINGLE_LIST_ENTRY First = ListHead->Next;

	if (First)
		WRITE_ONCE(ListHead->Next, First->Next);
	return First;
}

/*
 * The ExInterlocked* forms below hold @Lock with spin_lock_irqsave(), so
 * they are callable at any IRQL up to HIGH_LEVEL (hard interrupts
 * included); as on Windows, @Lock must only ever guard the list and never
 * be taken by KeAcquireSpinLock() for other work while the list is in use.
 * The entries must stay valid (non-paged) while they are on the list.
 */

/**
 * ExInterlockedInsertHeadList() - InsertHeadList() under @Lock
 * @ListHead:  the head
 * @ListEntry: the entry to insert
 * @Lock:      the spin lock guarding the list
 *
 * Return: the previous first entry, or NULL when the list was empty (also
 * NULL when the insert was refused for corrupt links).
 */
static __always_inline PLIST_ENTRY
ExInterlockedInsertHeadList(PLIST_ENTRY ListHead, PLIST_ENTRY ListEntry,
			    PKSPIN_LOCK Lock)
{
	PLIST_ENTRY First;
	unsigned long flags;

	spin_lock_irqsave(&Lock->Lock, flags);
	First = ListHead->Flink;
	if (ntshim_list_add_ok("ExInterlockedInsertHeadList", ListEntry,
			       ListHead, First))
		ntshim_list_link(ListEntry, ListHead, First);
	else
		First = ListHead;
	spin_unlock_irqrestore(&Lock->Lock, flags);
	return First == ListHead ? NULL : First;
}

/**
 * ExInterlockedInsertTailList() - InsertTailList() under @Lock
 * @ListHead:  the head
 * @ListEntry: the entry to insert
 * @Lock:      the spin lock guarding the list
 *
 * Return: the previous last entry, or NULL when the list was empty (also
 * NULL when the insert was refused for corrupt links).
 */
static __always_inline PLIST_ENTRY
ExInterlockedInsertTailList(PLIST_ENTRY ListHead, PLIST_ENTRY ListEntry,
			    PKSPIN_LOCK Lock)
{
	PLIST_ENTRY Last;
	unsigned long flags;

	spin_lock_irqsave(&Lock->Lock, flags);
	Last = ListHead->Blink;
	if (ntshim_list_add_ok("ExInterlockedInsertTailList", ListEntry,
			       Last, ListHead))
		ntshim_list_link(ListEntry, Last, ListHead);
	else
		Last = ListHead;
	spin_unlock_irqrestore(&Lock->Lock, flags);
	return Last == ListHead ? NULL : Last;
}

/**
 * ExInterlockedRemoveHeadList() - RemoveHeadList() under @Lock
 * @ListHead: the head
 * @Lock:     the spin lock guarding the list
 *
 * Return: the removed first entry, or NULL when the list was empty (or
 * corrupt: then it is reported and cut off the head, as RemoveHeadList()).
 */
static __always_inline PLIST_ENTRY
ExInterlockedRemoveHeadList(PLIST_ENTRY ListHead, PKSPIN_LOCK Lock)
{
	PLIST_ENTRY Entry;
	unsigned long flags;

	spin_lock_irqsave(&Lock->Lock, flags);
	Entry = ntshim_list_remove_end("ExInterlockedRemoveHeadList", ListHead,
				       true);
	spin_unlock_irqrestore(&Lock->Lock, flags);
	return Entry == ListHead ? NULL : Entry;
}

/**
 * ExInterlockedPushEntryList() - PushEntryList() under @Lock
 * @ListHead:  the head
 * @ListEntry: the entry to push
 * @Lock:      the spin lock guarding the list
 *
 * Return: the previous first entry, or NULL when the list was empty.
 */
static __always_inline PSINGLE_LIST_ENTRY
ExInterlockedPushEntryList(PSINGLE_LIST_ENTRY ListHead,
			   PSINGLE_LIST_ENTRY ListEntry, PKSPIN_LOCK Lock)
{
	PSINGLE_LIST_ENTRY First;
	unsigned long flags;

	spin_lock_irqsave(&Lock->Lock, flags);
	First = ListHead->Next;
	PushEntryList(ListHead, ListEntry);
	spin_unlock_irqrestore(&Lock->Lock, flags);
	return First;
}

/**
 * ExInterlockedPopEntryList() - PopEntryList() under @Lock
 * @ListHead: the head
 * @Lock:     the spin lock guarding the list
 *
 * Return: the popped entry, or NULL when the list was empty.
 */
static __always_inline PSINGLE_LIST_ENTRY
ExInterlockedPopEntryList(PSINGLE_LIST_ENTRY ListHead, PKSPIN_LOCK Lock)
{
	PSINGLE_LIST_ENTRY First;
	unsigned long flags;

	spin_lock_irqsave(&Lock->Lock, flags);
	First = PopEntryList(ListHead);
	spin_unlock_irqrestore(&Lock->Lock, flags);
	return First;
}

#endif /* _NTSHIM_LIST_H */
