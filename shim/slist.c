// SPDX-License-Identifier: GPL-2.0
/*
 * SLIST: lock-free push/pop/flush on a 16-byte header (see
 * <ntshim/slist.h> for the layout and the pop hazard), with a hashed
 * spin-lock fallback for CPUs without 16-byte compare-and-exchange and for
 * misaligned headers.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/export.h>
#include <linux/hash.h>
#include <linux/spinlock.h>
#include <linux/uaccess.h>
#ifdef CONFIG_X86_64
#include <asm/vsyscall.h>
#endif
#include <ntshim/slist.h>
#include <ntshim/violation.h>

#define SLIST_DEPTH_MASK 0xffffULL
#define SLIST_SEQ_SHIFT 16

#if defined(system_has_cmpxchg128) && defined(CONFIG_X86_64)
/* A patched jump, not a load of the feature word. */
#define slist_have_cas() static_cpu_has(X86_FEATURE_CX16)
#elif defined(system_has_cmpxchg128)
#define slist_have_cas() system_has_cmpxchg128()
#elif defined(system_has_cmpxchg_double)	/* before Linux 6.6 */
#define slist_have_cas() system_has_cmpxchg_double()
#else
#define slist_have_cas() false
#endif

/* The fallback: one of a few locks chosen by the header's address. */
#define SLIST_LOCK_BITS 4
static raw_spinlock_t slist_locks[1 << SLIST_LOCK_BITS] = {
	[0 ... (1 << SLIST_LOCK_BITS) - 1] =
		__RAW_SPIN_LOCK_UNLOCKED(slist_locks),
};

static raw_spinlock_t *slist_lock(const SLIST_HEADER *h)
{
	return &slist_locks[hash_ptr(h, SLIST_LOCK_BITS)];
}

static __always_inline bool slist_misaligned(const void *p)
{
	return (unsigned long)p & (MEMORY_ALLOCATION_ALIGNMENT - 1);
}

/* A header uses the locked path for its whole life, or never. */
static __always_inline bool slist_use_lock(const SLIST_HEADER *h)
{
	return !slist_have_cas() || slist_misaligned(h);
}

/* Depth moved by @depth, Sequence by @seq; each wraps in its own field. */
static u64 slist_counts(u64 word, int depth, int seq)
{
	return (((word >> SLIST_SEQ_SHIFT) + seq) << SLIST_SEQ_SHIFT) |
	       ((word + depth) & SLIST_DEPTH_MASK);
}

static PSLIST_ENTRY slist_first(const SLIST_HEADER *h)
{
	return (PSLIST_ENTRY)(unsigned long)h->Region;
}

/* A snapshot; a torn one only makes the next compare-and-exchange fail. */
static void slist_read(const SLIST_HEADER *h, SLIST_HEADER *snap)
{
	snap->Alignment = READ_ONCE(h->Alignment);
	snap->Region = READ_ONCE(h->Region);
}

/*
 * Read @e->Next where @e may have been popped and freed by another CPU
 * meanwhile: without KASAN and without faulting.  On x86-64 this is
 * copy_from_kernel_nofault() of one word, inline (pop's fast path would
 * otherwise pay two calls): the same address checks, then the same
 * exception-table load; elsewhere it is that function.
 */
static __always_inline bool slist_read_next(PSLIST_ENTRY e,
					    PSLIST_ENTRY *next)
{
#ifdef CONFIG_X86_64
	unsigned long addr = (unsigned long)&e->Next, val;

	/*
	 * As copy_from_kernel_nofault_allowed(): no user address, no vsyscall
	 * page (a fault there is not fixed up), nothing non-canonical (a #GP).
	 * Every entry the header ever named was written by its push (its
	 * Next) before the push published it, so it is writable kernel
	 * memory, or was; only a header overwritten by other code names
	 * anything else.  That is a debug check.
	 */
	if (ntshim_checking() &&
	    (addr < TASK_SIZE_MAX + PAGE_SIZE || is_vsyscall_vaddr(addr) ||
	     !__is_canonical_address(addr, boot_cpu_data.x86_virt_bits)))
		return false;
	pagefault_disable();
	__get_kernel_nofault(&val, &e->Next, unsigned long, fault);
	pagefault_enable();
	*next = (PSLIST_ENTRY)val;
	return true;
fault:
	pagefault_enable();
	return false;
#else
	return !copy_from_kernel_nofault(next, &e->Next, sizeof(*next));
#endif
}

/* Replace *@h by *@new if it still equals *@old; else refresh *@old. */
static bool slist_cas(PSLIST_HEADER h, SLIST_HEADER *old,
		      const SLIST_HEADER *new)
{
#if defined(system_has_cmpxchg128)
	return try_cmpxchg128((u128 *)h, (u128 *)old, *(const u128 *)new);
#elif defined(system_has_cmpxchg_double)
	if (cmpxchg_double(&h->Alignment, &h->Region, old->Alignment,
			   old->Region, new->Alignment, new->Region))
		return true;
	slist_read(h, old);
	return false;
#else
	return false;	/* never called: slist_use_lock() is always true */
#endif
}

static void slist_store(PSLIST_HEADER h, const SLIST_HEADER *new)
{
	WRITE_ONCE(h->Alignment, new->Alignment);
	WRITE_ONCE(h->Region, new->Region);
}

void InitializeSListHead(PSLIST_HEADER SListHead)
{
	static const SLIST_HEADER empty;

	if (unlikely(slist_misaligned(SListHead)))
		ntshim_violation(NTSHIM_V_SLIST_MISALIGNED, 0, SListHead,
				 _RET_IP_,
				 "%s: header not 16-byte aligned", __func__);
	slist_store(SListHead, &empty);
}
EXPORT_SYMBOL_GPL(InitializeSListHead);

#if defined(system_has_cmpxchg128)
/*
 * The lock-free fast paths on the header as one u128 kept in registers
 * (no 16-byte aligned stack frame).  Depth is the low 16 bits: a push
 * adds 0x10001 (Depth and Sequence) unless Depth would carry into
 * Sequence, a pop subtracts 1 unless Depth is 0 (65536 entries or more);
 * those rare cases take slist_counts().
 */
static __always_inline u128 slist_u128(u64 counts, PSLIST_ENTRY first)
{
	return ((u128)(unsigned long)first << 64) | counts;
}

static __always_inline PSLIST_ENTRY slist_push_cas(PSLIST_HEADER h,
						   PSLIST_ENTRY e)
{
	u128 old = slist_u128(READ_ONCE(h->Alignment),
			      (PSLIST_ENTRY)(unsigned long)READ_ONCE(h->Region));
	u64 counts;

	do {
		WRITE_ONCE(e->Next, (PSLIST_ENTRY)(unsigned long)(old >> 64));
		counts = (u64)old;
		if (likely((u16)counts != SLIST_DEPTH_MASK))
			counts += 0x10001;
		else
			counts = slist_counts(counts, 1, 1);
	} while (!try_cmpxchg128((u128 *)h, &old, slist_u128(counts, e)));
	return (PSLIST_ENTRY)(unsigned long)(old >> 64);
}
#endif

/* Everything but the aligned lock-free push; its own frame. */
static noinline PSLIST_ENTRY slist_push_slow(PSLIST_HEADER ListHead,
					     PSLIST_ENTRY ListEntry,
					     unsigned long caller)
{
	SLIST_HEADER old, new;
	unsigned long flags;

	if (slist_misaligned(ListEntry))
		ntshim_violation(NTSHIM_V_SLIST_MISALIGNED, 0, ListEntry,
				 caller, "InterlockedPushEntrySList: entry not 16-byte aligned");
	if (slist_misaligned(ListHead))
		ntshim_violation(NTSHIM_V_SLIST_MISALIGNED, 0, ListHead,
				 caller, "InterlockedPushEntrySList: header not 16-byte aligned");

	new.Region = (unsigned long)ListEntry;
	if (unlikely(slist_use_lock(ListHead))) {
		raw_spin_lock_irqsave(slist_lock(ListHead), flags);
		old = *ListHead;
		WRITE_ONCE(ListEntry->Next, slist_first(&old));
		new.Alignment = slist_counts(old.Alignment, 1, 1);
		slist_store(ListHead, &new);
		raw_spin_unlock_irqrestore(slist_lock(ListHead), flags);
		return slist_first(&old);
	}

	slist_read(ListHead, &old);
	do {
		WRITE_ONCE(ListEntry->Next, slist_first(&old));
		new.Alignment = slist_counts(old.Alignment, 1, 1);
	} while (!slist_cas(ListHead, &old, &new));
	return slist_first(&old);
}

PSLIST_ENTRY InterlockedPushEntrySList(PSLIST_HEADER ListHead,
				       PSLIST_ENTRY ListEntry)
{
#if defined(system_has_cmpxchg128)
	/* One test for both alignments; the slow path tells them apart. */
	if (likely(!slist_misaligned((void *)((unsigned long)ListHead |
					      (unsigned long)ListEntry))) &&
	    likely(slist_have_cas()))
		return slist_push_cas(ListHead, ListEntry);
#endif
	return slist_push_slow(ListHead, ListEntry, _RET_IP_);
}
EXPORT_SYMBOL_GPL(InterlockedPushEntrySList);

static PSLIST_ENTRY slist_pop_locked(PSLIST_HEADER h)
{
	SLIST_HEADER new;
	PSLIST_ENTRY first;
	unsigned long flags;

	raw_spin_lock_irqsave(slist_lock(h), flags);
	first = slist_first(h);
	if (first) {
		new.Alignment = slist_counts(h->Alignment, -1, 0);
		new.Region = (unsigned long)first->Next;
		slist_store(h, &new);
	}
	raw_spin_unlock_irqrestore(slist_lock(h), flags);
	return first;
}

#if defined(system_has_cmpxchg128)
/* Pop's fast path; false when the first entry cannot be read. */
static __always_inline bool slist_pop_cas(PSLIST_HEADER h,
					  PSLIST_ENTRY *popped)
{
	u128 old = slist_u128(READ_ONCE(h->Alignment),
			      (PSLIST_ENTRY)(unsigned long)READ_ONCE(h->Region));
	PSLIST_ENTRY first, next;
	u64 counts;

	do {
		first = (PSLIST_ENTRY)(unsigned long)(old >> 64);
		if (!first) {
			*popped = NULL;
			return true;
		}
		if (unlikely(!slist_read_next(first, &next)))
			return false;
		counts = (u64)old;
		if (likely((u16)counts))
			counts -= 1;
		else
			counts = slist_counts(counts, -1, 0);
	} while (!try_cmpxchg128((u128 *)h, &old, slist_u128(counts, next)));
	*popped = first;
	return true;
}
#endif

/* The careful pop: an unreadable first entry is told from a stale one. */
static noinline PSLIST_ENTRY slist_pop_slow(PSLIST_HEADER ListHead,
					    unsigned long caller)
{
	SLIST_HEADER old, new, now;
	PSLIST_ENTRY first, next;

	if (unlikely(slist_use_lock(ListHead)))
		return slist_pop_locked(ListHead);

	slist_read(ListHead, &old);
	for (;;) {
		first = slist_first(&old);
		if (!first)
			return NULL;
		/*
		 * Another CPU may have popped and freed @first since the
		 * snapshot: read its Next without KASAN and without faulting.
		 * If it is gone, the header has moved on and we retry.
		 */
		if (unlikely(!slist_read_next(first, &next))) {
			slist_read(ListHead, &now);
			if (now.Alignment == old.Alignment &&
			    now.Region == old.Region) {
				ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, first,
						 caller,
						 "InterlockedPopEntrySList: first entry unreadable (freed while listed?)");
				return NULL;
			}
			old = now;
			continue;
		}
		new.Alignment = slist_counts(old.Alignment, -1, 0);
		new.Region = (unsigned long)next;
		if (slist_cas(ListHead, &old, &new))
			return first;
	}
}

PSLIST_ENTRY InterlockedPopEntrySList(PSLIST_HEADER ListHead)
{
#if defined(system_has_cmpxchg128)
	PSLIST_ENTRY first;

	/* An unreadable first entry: the careful loop decides. */
	if (likely(!slist_use_lock(ListHead)) &&
	    likely(slist_pop_cas(ListHead, &first)))
		return first;
#endif
	return slist_pop_slow(ListHead, _RET_IP_);
}
EXPORT_SYMBOL_GPL(InterlockedPopEntrySList);

PSLIST_ENTRY InterlockedFlushSList(PSLIST_HEADER ListHead)
{
	SLIST_HEADER old, new;
	unsigned long flags;

	new.Region = 0;
	if (unlikely(slist_use_lock(ListHead))) {
		raw_spin_lock_irqsave(slist_lock(ListHead), flags);
		old = *ListHead;
		if (old.Region) {
			new.Alignment = old.Alignment & ~SLIST_DEPTH_MASK;
			slist_store(ListHead, &new);
		}
		raw_spin_unlock_irqrestore(slist_lock(ListHead), flags);
		return slist_first(&old);
	}

	slist_read(ListHead, &old);
	do {
		if (!old.Region)
			return NULL;
		new.Alignment = old.Alignment & ~SLIST_DEPTH_MASK;
	} while (!slist_cas(ListHead, &old, &new));
	return slist_first(&old);
}
EXPORT_SYMBOL_GPL(InterlockedFlushSList);
