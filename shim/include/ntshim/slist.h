/* SPDX-License-Identifier: GPL-2.0 */
/*
 * SLIST: Windows' sequenced singly linked lists (lock-free LIFO stacks).
 *
 * SLIST_HEADER has Windows' x64 layout, 16 bytes, 16-byte aligned:
 *
 *   bits   0..15  Depth      entries on the list (mod 65536)
 *   bits  16..63  Sequence   +1 on every push (mod 2^48); pop and flush
 *                            keep it
 *   bits  64..67  Reserved   0 (entries are 16-byte aligned)
 *   bits  68..127 NextEntry  first entry's address >> 4
 *
 * so the second quadword (Region) is simply the first entry's address.
 * Push, pop and flush replace all 16 bytes with one 16-byte
 * compare-and-exchange (try_cmpxchg128, CMPXCHG16B on x86-64; the
 * sequence number defeats ABA).  Without 16-byte CAS, or on a misaligned
 * header, a small table of hashed spin locks stands in; every header uses
 * the same path for its whole life.
 *
 * Pop reads first->Next of an entry that another CPU may have popped and
 * freed meanwhile (Windows has the same hazard and catches the fault).
 * ntshim reads it with a no-fault load (copy_from_kernel_nofault()'s):
 * not KASAN-instrumented and safe on an unmapped page; the stale value is
 * then discarded because the compare-and-exchange fails.  So entries may
 * be freed as soon as they are popped, as on Windows.  Every entry a
 * header ever names was written by its push before the push published
 * it, so it is (or was) kernel memory; the address-class checks of
 * copy_from_kernel_nofault() (user, vsyscall, non-canonical: only a header
 * overwritten by other code) run with ntshim's debug checks on.
 *
 * The routines are out of line in ntshim.ko, as in Windows (ntoskrnl
 * exports them); their fast paths keep the header in registers (no
 * aligned stack frame) and test both alignments with one instruction.
 */
#ifndef _NTSHIM_SLIST_H
#define _NTSHIM_SLIST_H

#include <linux/compiler.h>
#include <ntshim/spinlock.h>
#include <ntshim/types.h>

/* Alignment of pool blocks on x64; SLIST entries need it. */
#define MEMORY_ALLOCATION_ALIGNMENT 16

/**
 * struct _SLIST_ENTRY - an entry of a sequenced singly linked list
 * @Next: the next entry, or NULL; read it, but only the SList routines
 *        may change it
 *
 * 16-byte aligned (and so 16 bytes long), as on x64 Windows.
 */
typedef struct _SLIST_ENTRY {
	struct _SLIST_ENTRY *Next;
} DECLSPEC_ALIGN(MEMORY_ALLOCATION_ALIGNMENT) SLIST_ENTRY, *PSLIST_ENTRY;

/**
 * union _SLIST_HEADER - head of a sequenced singly linked list
 * @Alignment:  first quadword: Depth and Sequence
 * @Region:     second quadword: the first entry's address
 * @HeaderX64:  the same bits by name (see the table at the top)
 * @HeaderX64.Depth:     number of entries, mod 65536
 * @HeaderX64.Sequence:  push count, mod 2^48
 * @HeaderX64.Reserved:  0
 * @HeaderX64.NextEntry: first entry's address >> 4
 *
 * Treat as opaque: only the SList routines may change it.
 */
typedef union _SLIST_HEADER {
	struct {
		ULONGLONG Alignment;
		ULONGLONG Region;
	};
	struct {
		ULONGLONG Depth : 16;
		ULONGLONG Sequence : 48;
		ULONGLONG Reserved : 4;
		ULONGLONG NextEntry : 60;
	} HeaderX64;
} DECLSPEC_ALIGN(16) SLIST_HEADER, *PSLIST_HEADER;

static_assert(sizeof(SLIST_HEADER) == 16);
static_assert(__alignof__(SLIST_HEADER) == 16);
static_assert(sizeof(SLIST_ENTRY) == 16);
static_assert(__alignof__(SLIST_ENTRY) == 16);
static_assert(__alignof__(union _SLIST_HEADER) == 16);

/**
 * InitializeSListHead() - make @SListHead an empty list
 * @SListHead: the header; must be 16-byte aligned
 *
 * Depth, Sequence and the first entry all become 0.  A misaligned header
 * is reported (slist_misaligned; Windows raises
 * STATUS_DATATYPE_MISALIGNMENT) and then works through the locked path.
 */
void InitializeSListHead(PSLIST_HEADER SListHead);

/**
 * InterlockedPushEntrySList() - push @ListEntry on the list
 * @ListHead:  the header
 * @ListEntry: the entry; should be 16-byte aligned (a misaligned entry is
 *             reported as slist_misaligned and pushed all the same: the
 *             header keeps its full address)
 *
 * Lock-free, callable at any IRQL.  Depth and Sequence both rise by one.
 *
 * Return: the previous first entry, or NULL when the list was empty.
 */
PSLIST_ENTRY InterlockedPushEntrySList(PSLIST_HEADER ListHead,
				       PSLIST_ENTRY ListEntry);

/**
 * InterlockedPopEntrySList() - pop the first entry
 * @ListHead: the header
 *
 * Lock-free, callable at any IRQL.  Depth falls by one, Sequence stays.
 * The popped entry's Next is left unchanged.
 *
 * Return: the popped entry, or NULL when the list was empty.
 */
PSLIST_ENTRY InterlockedPopEntrySList(PSLIST_HEADER ListHead);

/**
 * InterlockedFlushSList() - take every entry off the list at once
 * @ListHead: the header
 *
 * Depth and the first entry become 0, Sequence stays.
 *
 * Return: the old first entry, its chain of Next links intact, or NULL
 * when the list was empty.
 */
PSLIST_ENTRY InterlockedFlushSList(PSLIST_HEADER ListHead);

/**
 * QueryDepthSList() - number of entries on the list
 * @ListHead: the header
 *
 * A snapshot: other CPUs may change it at once.
 *
 * Return: Depth (mod 65536).
 */
static inline USHORT QueryDepthSList(const SLIST_HEADER *ListHead)
{
	return (USHORT)READ_ONCE(ListHead->Alignment);
}

/**
 * FirstEntrySList() - the first entry, without removing it
 * @ListHead: the header
 *
 * Return: the first entry (a snapshot), or NULL when the list is empty.
 */
static inline PSLIST_ENTRY FirstEntrySList(const SLIST_HEADER *ListHead)
{
	return (PSLIST_ENTRY)(unsigned long)READ_ONCE(ListHead->Region);
}

/**
 * ExInitializeSListHead() - InitializeSListHead()
 * @SListHead: the header
 */
#define ExInitializeSListHead(SListHead) InitializeSListHead(SListHead)

/**
 * ExInterlockedPushEntrySList() - InterlockedPushEntrySList()
 * @ListHead:  the header
 * @ListEntry: the entry
 * @Lock:      ignored, as by x64 Windows (evaluated once, never taken)
 */
#define ExInterlockedPushEntrySList(ListHead, ListEntry, Lock)                \
	((void)(Lock), InterlockedPushEntrySList(ListHead, ListEntry))

/**
 * ExInterlockedPopEntrySList() - InterlockedPopEntrySList()
 * @ListHead: the header
 * @Lock:     ignored, as by x64 Windows (evaluated once, never taken)
 */
#define ExInterlockedPopEntrySList(ListHead, Lock)                            \
	((void)(Lock), InterlockedPopEntrySList(ListHead))

/**
 * ExInterlockedFlushSList() - InterlockedFlushSList()
 * @ListHead: the header
 */
#define ExInterlockedFlushSList(ListHead) InterlockedFlushSList(ListHead)

/**
 * ExQueryDepthSList() - QueryDepthSList()
 * @ListHead: the header
 */
#define ExQueryDepthSList(ListHead) QueryDepthSList(ListHead)

#endif /* _NTSHIM_SLIST_H */
