// SPDX-License-Identifier: GPL-2.0
/*
 * Lookaside lists on kmem_cache: see <ntshim/lookaside.h> for the design.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/ctype.h>
#include <linux/debugfs.h>
#include <linux/kasan.h>
#include <linux/llist.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <ntshim/irql.h>
#include <ntshim/lookaside.h>
#include <ntshim/tag.h>
#include <ntshim/violation.h>

#include "internal.h"

#define LOOKASIDE_LIVE 0x4b4f4f4c	/* "LOOK" */
#define LOOKASIDE_DELETED 0x44414544	/* "DEAD" */
#define LOOKASIDE_BROKEN 0x4b4f5242	/* "BROK": initialisation failed */

/* struct ntshim_lookaside.flags */
#define LOOKASIDE_PAGED BIT(0)
#define LOOKASIDE_EX BIT(1)
#define LOOKASIDE_CB_ALLOC BIT(2)	/* the caller's Allocate routine */
#define LOOKASIDE_CB_FREE BIT(3)	/* the caller's Free routine */
#define LOOKASIDE_RAISE BIT(4)

/* Live lists, for debugfs, the unload guard and the free check. */
static LIST_HEAD(lookaside_lists);
static DEFINE_SPINLOCK(lookaside_lists_lock);

/* lookaside_lists_lock held: @L joins the live lists. */
static void lookaside_list_locked(GENERAL_LOOKASIDE *L)
{
	list_add_tail(&L->ListEntry, &lookaside_lists);
	ntshim_live_link(L);
}

/* lookaside_lists_lock held: @L leaves the live lists, if it is on them. */
static bool lookaside_unlist_locked(GENERAL_LOOKASIDE *L)
{
	if (list_empty(&L->ListEntry))
		return false;
	list_del_init(&L->ListEntry);
	ntshim_live_unlink(L);
	return true;
}

static atomic_t lookaside_cache_seq = ATOMIC_INIT(0);

/* kmem_caches to destroy from process context. */
struct lookaside_doomed {
	struct llist_node node;
	struct kmem_cache *slab;
};

static LLIST_HEAD(lookaside_doomed);

static void lookaside_doomed_work_fn(struct work_struct *work)
{
	struct lookaside_doomed *d, *next;

	llist_for_each_entry_safe(d, next, llist_del_all(&lookaside_doomed),
				  node) {
		kmem_cache_destroy(d->slab);
		kfree(d);
	}
}

static DECLARE_WORK(lookaside_doomed_work, lookaside_doomed_work_fn);

/* ------------------------------------------------------------------ */
/* KASAN: cached blocks of a kmem_cache-backed list are poisoned.      */

#ifdef CONFIG_KASAN_GENERIC
/*
 * mm/kasan's poisoning primitive: exported (GPL) but declared only in
 * mm/kasan/kasan.h.  kasan_mempool_poison_object(), which mm/mempool.c
 * uses for the same job, is not exported to modules.
 */
void kasan_poison(const void *addr, size_t size, u8 value, bool init);
#define LOOKASIDE_KASAN_FREE 0xFB	/* KASAN_SLAB_FREE: "freed slab object" */
#define LOOKASIDE_GRANULE BIT(KASAN_SHADOW_SCALE_SHIFT)

static void lookaside_poison(GENERAL_LOOKASIDE *L, void *p)
{
	if (L->Ntshim.slab)
		kasan_poison(p, round_up(L->Size, LOOKASIDE_GRANULE),
			     LOOKASIDE_KASAN_FREE, false);
}

static void lookaside_unpoison(GENERAL_LOOKASIDE *L, void *p)
{
	size_t size = L->Size;

	if (!L->Ntshim.slab)
		return;
	kasan_poison(p, round_up(size, LOOKASIDE_GRANULE), 0, false);
	/* the redzone right after the object, as the slab left it */
	if (size & (LOOKASIDE_GRANULE - 1))
		*(u8 *)kasan_mem_to_shadow(p + size) =
			size & (LOOKASIDE_GRANULE - 1);
}
#else
static void lookaside_poison(GENERAL_LOOKASIDE *L, void *p)
{
}

static void lookaside_unpoison(GENERAL_LOOKASIDE *L, void *p)
{
}
#endif

/* ------------------------------------------------------------------ */
/* Per-block tracking (CONFIG_NTSHIM_DEBUG): block address -> list.    */

#ifdef CONFIG_NTSHIM_DEBUG
static DEFINE_XARRAY_FLAGS(lookaside_blocks, XA_FLAGS_LOCK_IRQ);

static bool lookaside_track(GENERAL_LOOKASIDE *L, void *p)
{
	unsigned long flags;
	void *old;

	xa_lock_irqsave(&lookaside_blocks, flags);
	old = __xa_store(&lookaside_blocks, (unsigned long)p, L,
			 GFP_ATOMIC | __GFP_NOWARN);
	xa_unlock_irqrestore(&lookaside_blocks, flags);
	return !xa_is_err(old);
}

/* Claim @p for freeing to @L.  Return: its owner before (NULL: none). */
static void *lookaside_untrack(GENERAL_LOOKASIDE *L, void *p)
{
	unsigned long flags;
	void *owner;

	xa_lock_irqsave(&lookaside_blocks, flags);
	owner = xa_load(&lookaside_blocks, (unsigned long)p);
	if (owner == L)
		__xa_erase(&lookaside_blocks, (unsigned long)p);
	xa_unlock_irqrestore(&lookaside_blocks, flags);
	return owner;
}

/* Remember blocks given back to the backing store, to spot double frees. */
static void lookaside_remember(GENERAL_LOOKASIDE *L, void *p)
{
	struct ntshim_lookaside *n = &L->Ntshim;
	unsigned long flags;

	spin_lock_irqsave(&n->lock, flags);
	n->recent[n->recent_next++ % ARRAY_SIZE(n->recent)] = p;
	spin_unlock_irqrestore(&n->lock, flags);
}
#else
static bool lookaside_track(GENERAL_LOOKASIDE *L, void *p)
{
	return true;
}

static void *lookaside_untrack(GENERAL_LOOKASIDE *L, void *p)
{
	return L;
}

static void lookaside_remember(GENERAL_LOOKASIDE *L, void *p)
{
}
#endif

/* The tag of @owner if it is a live list, else 0. */
static ULONG lookaside_owner_tag(const void *owner)
{
	GENERAL_LOOKASIDE *L;
	unsigned long flags;
	ULONG tag = 0;

	spin_lock_irqsave(&lookaside_lists_lock, flags);
	list_for_each_entry(L, &lookaside_lists, ListEntry)
		if (owner == L)
			tag = L->Tag;
	spin_unlock_irqrestore(&lookaside_lists_lock, flags);
	return tag;
}

/* Is @p in @L's cache or among the blocks it last released? */
static bool lookaside_recently_freed(GENERAL_LOOKASIDE *L, void *p)
{
	struct ntshim_lookaside *n = &L->Ntshim;
	unsigned long flags;
	bool found = false;
	int i;

	spin_lock_irqsave(&n->lock, flags);
	for (i = 0; i < n->cached; i++)
		found |= n->cache[i] == p;
	for (i = 0; i < ARRAY_SIZE(n->recent); i++)
		found |= n->recent[i] == p;
	spin_unlock_irqrestore(&n->lock, flags);
	return found;
}

/* Report a free of @p to @L, which did not hand it out (debug builds). */
static void lookaside_bad_free(GENERAL_LOOKASIDE *L, void *p, void *owner,
			       unsigned long caller)
{
	char tagbuf[NTSHIM_TAG_STR_LEN];

	if (owner) {
		ULONG tag = lookaside_owner_tag(owner);

		ntshim_violation(NTSHIM_V_LOOKASIDE_FOREIGN_FREE, L->Tag, p,
				 caller, "block belongs to list %p ('%s')",
				 owner, tag ? ntshim_tag_str(tag, tagbuf) :
					      "deleted");
	} else if (lookaside_recently_freed(L, p)) {
		ntshim_violation(NTSHIM_V_LOOKASIDE_DOUBLE_FREE, L->Tag, p,
				 caller, "block freed twice");
	} else {
		ntshim_violation(NTSHIM_V_LOOKASIDE_FOREIGN_FREE, L->Tag, p,
				 caller,
				 "block not handed out by any lookaside list");
	}
}

/* ------------------------------------------------------------------ */
/* Backing store.                                                      */

/*
 * Blocks come from the caller's Allocate routine if it gave one, else from
 * the list's kmem_cache (or kmalloc); they go to the caller's Free routine
 * if it gave one, else back to the kmem_cache (or kfree).  A list with only
 * one routine pairs it with kmalloc()/kfree().  ntshim charges the pool
 * statistics only for the blocks it allocates itself.
 */
static void *lookaside_backend_alloc(GENERAL_LOOKASIDE *L, gfp_t gfp)
{
	struct ntshim_lookaside *n = &L->Ntshim;
	void *p;

	if (n->flags & LOOKASIDE_CB_ALLOC) {
		POOL_TYPE type = L->Type;

		if (n->flags & LOOKASIDE_RAISE)
			type |= POOL_RAISE_IF_ALLOCATION_FAILURE;
		if (n->flags & LOOKASIDE_EX)
			return L->AllocateEx(type, L->Size, L->Tag,
					     container_of(L, LOOKASIDE_LIST_EX,
							  L));
		return L->Allocate(type, L->Size, L->Tag);
	}
	if (n->slab)
		p = kmem_cache_alloc(n->slab, gfp);
	else
		p = kmalloc(L->Size, gfp);
	if (p)
		ntshim_pool_charge(L->Tag, L->Type, L->Size);
	return p;
}

static void lookaside_backend_free(GENERAL_LOOKASIDE *L, void *p)
{
	struct ntshim_lookaside *n = &L->Ntshim;

	lookaside_remember(L, p);
	if (!(n->flags & LOOKASIDE_CB_ALLOC))
		ntshim_pool_uncharge(L->Tag, L->Type, L->Size);
	if (n->flags & LOOKASIDE_CB_FREE) {
		if (n->flags & LOOKASIDE_EX)
			L->FreeEx(p, container_of(L, LOOKASIDE_LIST_EX, L));
		else
			L->Free(p);
	} else if (n->slab) {
		kmem_cache_free(n->slab, p);
	} else {
		kfree(p);
	}
}

/*
 * Destroy @L's kmem_cache now or, if we may not sleep, from a work item
 * (with the node allocated beside the cache, so this cannot fail).
 */
static void lookaside_retire_slab(GENERAL_LOOKASIDE *L)
{
	struct lookaside_doomed *d = L->Ntshim.doomed;

	L->Ntshim.slab = NULL;
	L->Ntshim.doomed = NULL;
	if (!d)
		return;
	if (KeGetCurrentIrql() == PASSIVE_LEVEL) {
		kmem_cache_destroy(d->slab);
		kfree(d);
		return;
	}
	llist_add(&d->node, &lookaside_doomed);
	schedule_work(&lookaside_doomed_work);
}

/* ------------------------------------------------------------------ */
/* Checks shared by every entry point.                                 */

/* Check the IRQL for @L; return the allocation flags to use. */
static __always_inline gfp_t lookaside_check_irql(GENERAL_LOOKASIDE *L,
						  unsigned long caller)
{
	KIRQL irql = KeGetCurrentIrql();
	KIRQL max = (L->Ntshim.flags & LOOKASIDE_PAGED) ? APC_LEVEL :
							   DISPATCH_LEVEL;

	if (unlikely(irql > max))
		ntshim_violation(NTSHIM_V_LOOKASIDE_BAD_IRQL, L->Tag, L, caller,
				 "%s lookaside list used at IRQL %u",
				 max == APC_LEVEL ? "paged" : "nonpaged",
				 irql);
	return irql <= APC_LEVEL ? GFP_KERNEL : GFP_ATOMIC;
}

static bool lookaside_live(GENERAL_LOOKASIDE *L, unsigned long caller)
{
	u32 magic = READ_ONCE(L->Ntshim.magic);

	if (likely(magic == LOOKASIDE_LIVE))
		return true;
	ntshim_violation(NTSHIM_V_LOOKASIDE_USE_AFTER_DELETE, L->Tag, L,
			 caller, "list %s",
			 magic == LOOKASIDE_DELETED ? "deleted" :
			 magic == LOOKASIDE_BROKEN ? "failed to initialise" :
						     "not initialised");
	return false;
}

/* Blocks handed out and not freed; call with the list's lock held. */
static ULONG lookaside_outstanding(GENERAL_LOOKASIDE *L)
{
	return L->TotalAllocates - L->TotalFrees - L->Ntshim.failed;
}

/* ------------------------------------------------------------------ */
/* The list operations.                                                */

static void lookaside_init(GENERAL_LOOKASIDE *L, POOL_TYPE type, u8 flags,
			   SIZE_T size, ULONG tag, unsigned long caller)
{
	struct ntshim_lookaside *n = &L->Ntshim;
	struct lookaside_doomed *doomed = NULL;
	char tagbuf[NTSHIM_TAG_STR_LEN];
	unsigned long irqflags;
	char name[32];
	int i;

	memset(L, 0, sizeof(*L));
	spin_lock_init(&n->lock);
	INIT_LIST_HEAD(&L->ListEntry);
	L->Depth = NTSHIM_LOOKASIDE_DEPTH;
	L->MaximumDepth = NTSHIM_LOOKASIDE_DEPTH;
	L->Type = type;
	L->Tag = tag;
	L->Size = max_t(SIZE_T, size, LOOKASIDE_MINIMUM_BLOCK_SIZE);
	n->flags = flags;

	if (size < LOOKASIDE_MINIMUM_BLOCK_SIZE)
		ntshim_violation(NTSHIM_V_LOOKASIDE_BAD_SIZE, tag, L, caller,
				 "block size %zu below the minimum %d, rounded up",
				 (size_t)size, LOOKASIDE_MINIMUM_BLOCK_SIZE);

	if (!(flags & (LOOKASIDE_CB_ALLOC | LOOKASIDE_CB_FREE)) &&
	    KeGetCurrentIrql() == PASSIVE_LEVEL)
		doomed = kmalloc(sizeof(*doomed), GFP_KERNEL);
	if (doomed) {
		ntshim_tag_str(tag, tagbuf);
		for (i = 0; i < 4; i++)
			if (!isalnum(tagbuf[i]))
				tagbuf[i] = '_';
		snprintf(name, sizeof(name), "ntshim_%s_%d", tagbuf,
			 atomic_inc_return(&lookaside_cache_seq));
#ifdef SLAB_NO_MERGE
		doomed->slab = kmem_cache_create(name, L->Size, 16,
						 SLAB_NO_MERGE, NULL);
#else
		doomed->slab = kmem_cache_create(name, L->Size, 16, 0, NULL);
#endif
		if (doomed->slab) {
			n->slab = doomed->slab;
			n->doomed = doomed;
		} else {
			kfree(doomed);
		}
	}

	n->magic = LOOKASIDE_LIVE;
	spin_lock_irqsave(&lookaside_lists_lock, irqflags);
	lookaside_list_locked(L);
	spin_unlock_irqrestore(&lookaside_lists_lock, irqflags);
}

/* A list whose initialisation failed: every later use is reported. */
static void lookaside_init_broken(GENERAL_LOOKASIDE *L, ULONG tag)
{
	memset(L, 0, sizeof(*L));
	spin_lock_init(&L->Ntshim.lock);
	INIT_LIST_HEAD(&L->ListEntry);
	L->Tag = tag;
	L->Ntshim.magic = LOOKASIDE_BROKEN;
}

/* Inline in each Allocate entry point, as is free: a call less per block. */
static __always_inline void *lookaside_allocate(GENERAL_LOOKASIDE *L,
						unsigned long caller)
{
	struct ntshim_lookaside *n = &L->Ntshim;
	unsigned long flags;
	void *p = NULL;
	gfp_t gfp;

	if (unlikely(!lookaside_live(L, caller)))
		return NULL;
	gfp = lookaside_check_irql(L, caller);

	spin_lock_irqsave(&n->lock, flags);
	L->TotalAllocates++;
	if (n->cached)
		p = n->cache[--n->cached];
	else
		L->AllocateMisses++;
	spin_unlock_irqrestore(&n->lock, flags);

	if (p) {
		lookaside_unpoison(L, p);
	} else {
		p = lookaside_backend_alloc(L, gfp);
		if (!p)
			goto failed;
	}
	if (unlikely(!lookaside_track(L, p))) {
		lookaside_backend_free(L, p);
		goto failed;
	}
	return p;

failed:
	spin_lock_irqsave(&n->lock, flags);
	n->failed++;
	spin_unlock_irqrestore(&n->lock, flags);
	return NULL;
}

/* A block freed to a deleted list: release it if the list still owes it. */
static noinline void lookaside_free_late(GENERAL_LOOKASIDE *L, void *p,
					 unsigned long caller)
{
	struct ntshim_lookaside *n = &L->Ntshim;
	bool release = false, last = false;
	unsigned long flags;

	ntshim_violation(NTSHIM_V_LOOKASIDE_USE_AFTER_DELETE, L->Tag, p,
			 caller, "block freed to a deleted list");
	if (lookaside_untrack(L, p) != L)
		return;
	spin_lock_irqsave(&n->lock, flags);
	if (lookaside_outstanding(L)) {
		L->TotalFrees++;
		release = true;
		last = !lookaside_outstanding(L);
	}
	spin_unlock_irqrestore(&n->lock, flags);
	if (release)
		lookaside_backend_free(L, p);
	if (last)
		lookaside_retire_slab(L);
}

static __always_inline void lookaside_free(GENERAL_LOOKASIDE *L, void *p,
					   unsigned long caller)
{
	struct ntshim_lookaside *n = &L->Ntshim;
	unsigned long flags;
	void *owner;
	int i;

	if (unlikely(!p)) {
		ntshim_violation(NTSHIM_V_LOOKASIDE_FOREIGN_FREE, L->Tag, p,
				 caller, "NULL block");
		return;
	}
	ntshim_free_check(p, L->Size, L->Tag, caller);
	if (unlikely(READ_ONCE(n->magic) == LOOKASIDE_DELETED)) {
		lookaside_free_late(L, p, caller);
		return;
	}
	if (unlikely(!lookaside_live(L, caller)))
		return;
	lookaside_check_irql(L, caller);

	owner = lookaside_untrack(L, p);
	if (unlikely(owner != L)) {
		lookaside_bad_free(L, p, owner, caller);
		return;
	}

	spin_lock_irqsave(&n->lock, flags);
	for (i = 0; i < n->cached; i++) {
		if (unlikely(n->cache[i] == p)) {
			spin_unlock_irqrestore(&n->lock, flags);
			ntshim_violation(NTSHIM_V_LOOKASIDE_DOUBLE_FREE, L->Tag,
					 p, caller, "block freed twice");
			return;
		}
	}
	L->TotalFrees++;
	if (n->cached < min_t(unsigned int, L->Depth, NTSHIM_LOOKASIDE_DEPTH)) {
		lookaside_poison(L, p);
		n->cache[n->cached++] = p;
		p = NULL;
	} else {
		L->FreeMisses++;
	}
	spin_unlock_irqrestore(&n->lock, flags);

	if (p)
		lookaside_backend_free(L, p);
}

static void lookaside_flush(GENERAL_LOOKASIDE *L)
{
	struct ntshim_lookaside *n = &L->Ntshim;
	void *blocks[NTSHIM_LOOKASIDE_DEPTH];
	unsigned long flags;
	int i, count;

	spin_lock_irqsave(&n->lock, flags);
	count = n->cached;
	memcpy(blocks, n->cache, count * sizeof(blocks[0]));
	n->cached = 0;
	spin_unlock_irqrestore(&n->lock, flags);

	for (i = 0; i < count; i++) {
		lookaside_unpoison(L, blocks[i]);
		lookaside_backend_free(L, blocks[i]);
	}
}

static void lookaside_delete(GENERAL_LOOKASIDE *L, unsigned long caller)
{
	struct ntshim_lookaside *n = &L->Ntshim;
	unsigned long flags;
	ULONG outstanding;
	u32 magic;

	/* a list that is not live may not even have an initialised lock */
	magic = READ_ONCE(n->magic);
	if (magic == LOOKASIDE_BROKEN) {
		/* reported at initialisation; nothing to release */
		WRITE_ONCE(n->magic, LOOKASIDE_DELETED);
		return;
	}
	if (!lookaside_live(L, caller))
		return;
	lookaside_check_irql(L, caller);

	spin_lock_irqsave(&n->lock, flags);
	n->magic = LOOKASIDE_DELETED;
	outstanding = lookaside_outstanding(L);
	spin_unlock_irqrestore(&n->lock, flags);

	spin_lock_irqsave(&lookaside_lists_lock, flags);
	lookaside_unlist_locked(L);
	spin_unlock_irqrestore(&lookaside_lists_lock, flags);

	lookaside_flush(L);
	if (outstanding) {
		/* keep the backing cache: the blocks out there stay valid */
		ntshim_violation(NTSHIM_V_LOOKASIDE_DELETE_BUSY, L->Tag, L,
				 caller, "%u blocks still outstanding",
				 outstanding);
		return;
	}
	lookaside_retire_slab(L);
}

/* ------------------------------------------------------------------ */
/* The DDK entry points.                                               */

static u8 lookaside_cb_flags(bool allocate, bool free)
{
	return (allocate ? LOOKASIDE_CB_ALLOC : 0) |
	       (free ? LOOKASIDE_CB_FREE : 0);
}

void ExInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
				     PALLOCATE_FUNCTION Allocate,
				     PFREE_FUNCTION Free, ULONG Flags,
				     SIZE_T Size, ULONG Tag, USHORT Depth)
{
	GENERAL_LOOKASIDE *L = &Lookaside->L;

	if (Size > KMALLOC_MAX_SIZE) {
		lookaside_init_broken(L, Tag);
		ntshim_violation(NTSHIM_V_LOOKASIDE_BAD_SIZE, Tag, L, _RET_IP_,
				 "block size %zu too large", (size_t)Size);
		return;
	}
	lookaside_init(L, NonPagedPool, lookaside_cb_flags(Allocate, Free),
		       Size, Tag, _RET_IP_);
	L->Allocate = Allocate;
	L->Free = Free;
	lookaside_check_irql(L, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExInitializeNPagedLookasideList);

void ExInitializePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside,
				    PALLOCATE_FUNCTION Allocate,
				    PFREE_FUNCTION Free, ULONG Flags,
				    SIZE_T Size, ULONG Tag, USHORT Depth)
{
	GENERAL_LOOKASIDE *L = &Lookaside->L;

	if (Size > KMALLOC_MAX_SIZE) {
		lookaside_init_broken(L, Tag);
		ntshim_violation(NTSHIM_V_LOOKASIDE_BAD_SIZE, Tag, L, _RET_IP_,
				 "block size %zu too large", (size_t)Size);
		return;
	}
	lookaside_init(L, PagedPool,
		       LOOKASIDE_PAGED | lookaside_cb_flags(Allocate, Free),
		       Size, Tag, _RET_IP_);
	L->Allocate = Allocate;
	L->Free = Free;
	lookaside_check_irql(L, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExInitializePagedLookasideList);

NTSTATUS ExInitializeLookasideListEx(PLOOKASIDE_LIST_EX Lookaside,
				     PALLOCATE_FUNCTION_EX Allocate,
				     PFREE_FUNCTION_EX Free,
				     POOL_TYPE PoolType, ULONG Flags,
				     SIZE_T Size, ULONG Tag, USHORT Depth)
{
	GENERAL_LOOKASIDE *L = &Lookaside->L;
	u8 flags = LOOKASIDE_EX | lookaside_cb_flags(Allocate, Free);

	if (Size < LOOKASIDE_MINIMUM_BLOCK_SIZE || Size > KMALLOC_MAX_SIZE) {
		lookaside_init_broken(L, Tag);
		ntshim_violation(NTSHIM_V_LOOKASIDE_BAD_SIZE, Tag, L, _RET_IP_,
				 "block size %zu out of range", (size_t)Size);
		return STATUS_INVALID_PARAMETER;
	}
	if ((Flags & EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL) &&
	    (Flags & EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE)) {
		lookaside_init_broken(L, Tag);
		return STATUS_INVALID_PARAMETER;
	}
	if (PoolType & 1)	/* the base type of every paged pool type */
		flags |= LOOKASIDE_PAGED;
	if (Flags & EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL)
		flags |= LOOKASIDE_RAISE;

	lookaside_init(L, PoolType, flags, Size, Tag, _RET_IP_);
	L->AllocateEx = Allocate;
	L->FreeEx = Free;
	lookaside_check_irql(L, _RET_IP_);
	if (!Allocate && !Free && !L->Ntshim.slab &&
	    KeGetCurrentIrql() == PASSIVE_LEVEL) {
		lookaside_delete(L, _RET_IP_);
		lookaside_init_broken(L, Tag);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(ExInitializeLookasideListEx);

PVOID ExAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
	return lookaside_allocate(&Lookaside->L, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExAllocateFromNPagedLookasideList);

PVOID ExAllocateFromPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside)
{
	return lookaside_allocate(&Lookaside->L, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExAllocateFromPagedLookasideList);

PVOID ExAllocateFromLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
	return lookaside_allocate(&Lookaside->L, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExAllocateFromLookasideListEx);

void ExFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
				 PVOID Entry)
{
	lookaside_free(&Lookaside->L, Entry, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExFreeToNPagedLookasideList);

void ExFreeToPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside,
				PVOID Entry)
{
	lookaside_free(&Lookaside->L, Entry, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExFreeToPagedLookasideList);

void ExFreeToLookasideListEx(PLOOKASIDE_LIST_EX Lookaside, PVOID Entry)
{
	lookaside_free(&Lookaside->L, Entry, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExFreeToLookasideListEx);

void ExFlushLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
	if (!lookaside_live(&Lookaside->L, _RET_IP_))
		return;
	lookaside_check_irql(&Lookaside->L, _RET_IP_);
	lookaside_flush(&Lookaside->L);
}
EXPORT_SYMBOL_GPL(ExFlushLookasideListEx);

void ExDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside)
{
	lookaside_delete(&Lookaside->L, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExDeleteNPagedLookasideList);

void ExDeletePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside)
{
	lookaside_delete(&Lookaside->L, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExDeletePagedLookasideList);

void ExDeleteLookasideListEx(PLOOKASIDE_LIST_EX Lookaside)
{
	lookaside_delete(&Lookaside->L, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExDeleteLookasideListEx);

/* ------------------------------------------------------------------ */
/* debugfs: /sys/kernel/debug/ntshim/lookaside, like WinDbg's !lookaside */

int ntshim_lookaside_row(PGENERAL_LOOKASIDE L, char *buf, size_t len)
{
	struct ntshim_lookaside *n = &L->Ntshim;
	ULONG allocs, misses, frees, free_misses, outstanding;
	char tagbuf[NTSHIM_TAG_STR_LEN];
	unsigned int permille = 0;
	unsigned long flags;

	spin_lock_irqsave(&n->lock, flags);
	allocs = L->TotalAllocates;
	misses = L->AllocateMisses;
	frees = L->TotalFrees;
	free_misses = L->FreeMisses;
	outstanding = lookaside_outstanding(L);
	spin_unlock_irqrestore(&n->lock, flags);

	if (allocs)
		permille = div_u64((u64)(allocs - misses) * 1000, allocs);
	return scnprintf(buf, len,
			 "%s %-5s %8u %5u %11u %11u %5u.%u %11u %11u %11u\n",
			 ntshim_tag_str(L->Tag, tagbuf),
			 (n->flags & LOOKASIDE_PAGED) ? "Paged" : "Nonp",
			 L->Size, L->Depth, allocs, misses, permille / 10,
			 permille % 10, frees, free_misses, outstanding);
}
EXPORT_SYMBOL_GPL(ntshim_lookaside_row);

static int lookaside_show(struct seq_file *m, void *v)
{
	char row[NTSHIM_LOOKASIDE_ROW_LEN];
	GENERAL_LOOKASIDE *L;
	unsigned long flags;

	seq_puts(m, NTSHIM_LOOKASIDE_HEADER);
	spin_lock_irqsave(&lookaside_lists_lock, flags);
	list_for_each_entry(L, &lookaside_lists, ListEntry) {
		ntshim_lookaside_row(L, row, sizeof(row));
		seq_puts(m, row);
	}
	spin_unlock_irqrestore(&lookaside_lists_lock, flags);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(lookaside);

/*
 * A driver that unloads without deleting a lookaside list in its own
 * memory (a static list) would leave it on lookaside_lists after its
 * memory is gone, for debugfs and every later list walk to trip over.
 * Windows' Driver Verifier catches this at unload; ntshim reports it as
 * a leak and deletes the list while the module's memory still exists.
 */
void ntshim_lookaside_reclaim(const struct module *mod)
{
	GENERAL_LOOKASIDE *L;
	unsigned long flags;
	bool found;

	do {
		found = false;
		spin_lock_irqsave(&lookaside_lists_lock, flags);
		list_for_each_entry(L, &lookaside_lists, ListEntry) {
			if (ntshim_owns(mod, NULL, L, NULL)) {
				found = lookaside_unlist_locked(L);
				break;
			}
		}
		spin_unlock_irqrestore(&lookaside_lists_lock, flags);
		if (found) {
			ntshim_violation(NTSHIM_V_POOL_LEAK, L->Tag, L, 0,
					 "%s unloads without deleting this lookaside list",
					 mod ? mod->name : "ntshim");
			lookaside_delete(L, 0);
		}
	} while (found);
}

unsigned int ntshim_lookaside_free_check(unsigned long lo, unsigned long hi,
					 ULONG tag, unsigned long caller)
{
	GENERAL_LOOKASIDE *L;
	unsigned long flags;
	unsigned int n = 0;
	bool found;

	if (list_empty(&lookaside_lists))
		return 0;
	do {
		found = false;
		spin_lock_irqsave(&lookaside_lists_lock, flags);
		list_for_each_entry(L, &lookaside_lists, ListEntry) {
			unsigned long at = (unsigned long)L;

			if (at >= lo && at < hi) {
				found = lookaside_unlist_locked(L);
				break;
			}
		}
		spin_unlock_irqrestore(&lookaside_lists_lock, flags);
		if (found) {
			n++;
			ntshim_violation(NTSHIM_V_POOL_FREE_LIVE_OBJECT, tag, L,
					 caller,
					 "freed pool holds a live lookaside list ('%.4s'): deleted",
					 (const char *)&L->Tag);
			lookaside_delete(L, caller);
		}
	} while (found);
	return n;
}

int ntshim_lookaside_init(struct dentry *root)
{
	debugfs_create_file("lookaside", 0400, root, NULL, &lookaside_fops);
	return 0;
}

void ntshim_lookaside_exit(void)
{
	flush_work(&lookaside_doomed_work);
	lookaside_doomed_work_fn(NULL);
	if (!list_empty(&lookaside_lists))
		pr_err("lookaside lists still live at unload: a driver did not delete them\n");
#ifdef CONFIG_NTSHIM_DEBUG
	xa_destroy(&lookaside_blocks);
#endif
}
