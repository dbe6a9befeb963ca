/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Lookaside lists: the DDK's caches of fixed-size blocks.
 *
 * Backing store.  A list initialised without Allocate/Free callbacks gets
 * its own kmem_cache, named "ntshim_<tag>_<n>" (the tag as poolmon prints
 * it, non-alphanumeric characters as '_', <n> unique because two lists may
 * share a tag), object size max(Size, LOOKASIDE_MINIMUM_BLOCK_SIZE),
 * alignment 16, never merged with another cache (where the kernel has
 * SLAB_NO_MERGE), so /proc/slabinfo, slab debugging and KASAN see every
 * block.  Each block taken from or given back to that cache is charged to
 * or uncharged from the pool statistics under the list's tag and type
 * (ntshim_pool_charge()); a block held in the list's cache stays charged,
 * as it stays allocated from pool on Windows.  If the kmem_cache cannot be
 * created (no memory, or the list is initialised at DISPATCH_LEVEL, where
 * kmem_cache_create() may not sleep), blocks come from kmalloc() instead,
 * still charged.  A list with callbacks calls them exactly as Windows does:
 * Allocate(Type, Size, Tag) on a miss, Free(block) when a freed block does
 * not fit under the depth, and Free for every cached block at flush and
 * delete.
 *
 * Cache, counters, depth.  Like Windows, each list keeps up to Depth freed
 * blocks and hands them out again before asking the backing store.  The
 * counters follow the DDK's inline routines exactly: every allocation
 * counts in TotalAllocates, one that finds the cache empty also in
 * AllocateMisses; every free counts in TotalFrees, one that finds the cache
 * full (Depth blocks) also in FreeMisses.  A failed allocation still counts
 * (as on Windows); ntshim remembers failures so that Outstanding (debugfs)
 * is TotalAllocates - TotalFrees - failures.  Counters are updated under
 * the list's lock, so they are exact under concurrency (Windows' are not
 * interlocked).  Depth is fixed at NTSHIM_LOOKASIDE_DEPTH (4, Windows'
 * initial depth); Windows' balance-set manager would grow a busy list's
 * depth up to 256, ntshim does not, because the slab allocator behind the
 * list already keeps per-CPU caches of free objects.  The Depth argument
 * of the initialisers is ignored, as Windows documents it reserved.
 * Example (the classic LookasideTest): 50 allocations then 50 frees on a
 * new list give TotalAllocates 50, AllocateMisses 50, TotalFrees 50,
 * FreeMisses 46, four blocks cached until delete.
 *
 * KASAN.  Blocks cached by a kmem_cache-backed list are poisoned in KASAN's
 * shadow (as freed slab memory) while cached and unpoisoned when handed
 * out again, so a driver touching a block it has freed to the list gets a
 * KASAN report even though the block is not back in the slab.  Blocks
 * cached by a list with callbacks are not poisoned: they come from the
 * caller's allocator, whose memory ntshim cannot classify.
 *
 * Bad input (each reported by ntshim_violation() with the list's tag, the
 * block and the caller, counted, and survived):
 *  - Size 0 or below LOOKASIDE_MINIMUM_BLOCK_SIZE: lookaside_bad_size; the
 *    void initialisers round Size up to the minimum, the _Ex one fails.
 *  - wrong IRQL (paged lists at DISPATCH_LEVEL or above, any list above
 *    DISPATCH_LEVEL): lookaside_bad_irql; the call goes ahead with
 *    GFP_ATOMIC.
 *  - freeing a block another list (or no list) handed out:
 *    lookaside_foreign_free; the block is left alone.
 *  - freeing a block twice: lookaside_double_free; ignored.
 *  - deleting a list with blocks outstanding: lookaside_delete_outstanding;
 *    the cached blocks are released, the backing cache is kept until the
 *    outstanding blocks come back (then destroyed), so they stay valid;
 *    the list's structure must then stay in place until they do, or the
 *    kmem_cache is leaked.
 *  - using a list after delete (or never initialised):
 *    lookaside_use_after_delete; allocations return NULL; a block freed to
 *    a deleted list that still owes blocks is released to its backing
 *    store, anything else is left alone.
 *  - a module unloading without deleting a list that lives in its own
 *    memory (a static list): pool_leak, naming the module; ntshim deletes
 *    the list then, before the module's memory goes away.
 * Double frees of a cached block are caught in every build.  Foreign frees
 * and double frees of blocks already back in the backing store need
 * per-block tracking, which only CONFIG_NTSHIM_DEBUG builds keep (a global
 * xarray of outstanding blocks and a short per-list ring of released
 * ones); without it such a block goes to kmem_cache_free()/the Free
 * callback, where slab debugging or KASAN may catch it.
 *
 * Layout.  The structures keep Windows' field names for the counters and
 * parameters, but not its exact size: ListHead (an SLIST_HEADER) is
 * replaced by ntshim's private part, and ListEntry is a list_head.  The
 * structure may live anywhere (stack included) but must stay valid and
 * unmoved until the list is deleted, as on Windows.
 */
#ifndef _NTSHIM_LOOKASIDE_H
#define _NTSHIM_LOOKASIDE_H

#include <linux/list.h>
#include <linux/spinlock.h>
#include <ntshim/pool.h>
#include <ntshim/status.h>
#include <ntshim/types.h>

/**
 * define LOOKASIDE_MINIMUM_BLOCK_SIZE - smallest legal block size
 *
 * sizeof(SLIST_ENTRY) on x64: Windows chains cached blocks through them.
 */
#define LOOKASIDE_MINIMUM_BLOCK_SIZE 16

/**
 * define NTSHIM_LOOKASIDE_DEPTH - blocks a list caches (fixed; see above)
 */
#define NTSHIM_LOOKASIDE_DEPTH 4

/**
 * define EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL - raise if allocation fails
 *
 * ExInitializeLookasideListEx() flag.  Linux cannot raise: the allocation
 * returns NULL, but the Allocate callback sees the flag in its PoolType.
 */
#define EX_LOOKASIDE_LIST_EX_FLAGS_RAISE_ON_FAIL 0x00000001UL

/**
 * define EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE - return NULL on failure
 *
 * ExInitializeLookasideListEx() flag; excludes RAISE_ON_FAIL.
 */
#define EX_LOOKASIDE_LIST_EX_FLAGS_FAIL_NO_RAISE 0x00000002UL

struct _LOOKASIDE_LIST_EX;

typedef PVOID ALLOCATE_FUNCTION(POOL_TYPE PoolType, SIZE_T NumberOfBytes,
				ULONG Tag);
typedef ALLOCATE_FUNCTION *PALLOCATE_FUNCTION;
typedef VOID FREE_FUNCTION(PVOID Buffer);
typedef FREE_FUNCTION *PFREE_FUNCTION;
typedef PVOID ALLOCATE_FUNCTION_EX(POOL_TYPE PoolType, SIZE_T NumberOfBytes,
				   ULONG Tag,
				   struct _LOOKASIDE_LIST_EX *Lookaside);
typedef ALLOCATE_FUNCTION_EX *PALLOCATE_FUNCTION_EX;
typedef VOID FREE_FUNCTION_EX(PVOID Buffer,
			      struct _LOOKASIDE_LIST_EX *Lookaside);
typedef FREE_FUNCTION_EX *PFREE_FUNCTION_EX;

struct kmem_cache;

/**
 * struct ntshim_lookaside - ntshim's private part of a lookaside list
 * @lock:     guards @cache, @cached, @failed and the Windows counters
 * @magic:    live, deleted, or garbage (never initialised)
 * @flags:    NTSHIM_LOOKASIDE_* bits (how the list was made)
 * @cached:   blocks in @cache
 * @recent_next: next slot of @recent
 * @cache:    freed blocks kept for reuse
 * @slab:     the list's kmem_cache, or NULL (callbacks or kmalloc)
 * @doomed:   what destroys @slab later if the list is deleted at DISPATCH
 * @failed:   allocations that returned NULL
 * @recent:   blocks last given back to the backing store (debug builds)
 *
 * Same layout with and without CONFIG_NTSHIM_DEBUG, so drivers built
 * either way work with either ntshim.ko.
 */
struct ntshim_lookaside {
	spinlock_t lock;	/* see @lock above */
	u32 magic;
	u8 flags;
	u8 cached;
	u8 recent_next;
	PVOID cache[NTSHIM_LOOKASIDE_DEPTH];
	struct kmem_cache *slab;
	void *doomed;
	ULONG failed;
	PVOID recent[8];
};

/**
 * struct _GENERAL_LOOKASIDE - a lookaside list (Windows' fields first)
 * @Depth:          blocks the list caches at most
 * @MaximumDepth:   the largest @Depth can get (equal: depth is fixed)
 * @TotalAllocates: allocations requested
 * @AllocateMisses: allocations that found the cache empty
 * @AllocateHits:   Windows' alias of @AllocateMisses
 * @TotalFrees:     frees requested
 * @FreeMisses:     frees that found the cache full
 * @FreeHits:       Windows' alias of @FreeMisses
 * @Type:           the POOL_TYPE of the blocks
 * @Tag:            the pool tag of the blocks
 * @Size:           the size of each block as requested
 * @Allocate:       caller's allocate routine (non-Ex lists) or NULL
 * @AllocateEx:     caller's allocate routine (Ex lists) or NULL
 * @Free:           caller's free routine (non-Ex lists) or NULL
 * @FreeEx:         caller's free routine (Ex lists) or NULL
 * @ListEntry:      link in ntshim's list of live lists (debugfs)
 * @LastTotalAllocates: kept for Windows compatibility; always 0
 * @LastAllocateMisses: kept for Windows compatibility; always 0
 * @LastAllocateHits:   alias of @LastAllocateMisses
 * @Future:         reserved
 * @Ntshim:         ntshim's private state; do not touch
 */
typedef struct _GENERAL_LOOKASIDE {
	USHORT Depth;
	USHORT MaximumDepth;
	ULONG TotalAllocates;
	union {
		ULONG AllocateMisses;
		ULONG AllocateHits;
	};
	ULONG TotalFrees;
	union {
		ULONG FreeMisses;
		ULONG FreeHits;
	};
	POOL_TYPE Type;
	ULONG Tag;
	ULONG Size;
	union {
		PALLOCATE_FUNCTION_EX AllocateEx;
		PALLOCATE_FUNCTION Allocate;
	};
	union {
		PFREE_FUNCTION_EX FreeEx;
		PFREE_FUNCTION Free;
	};
	struct list_head ListEntry;
	ULONG LastTotalAllocates;
	union {
		ULONG LastAllocateMisses;
		ULONG LastAllocateHits;
	};
	ULONG Future[2];
	struct ntshim_lookaside Ntshim;
} GENERAL_LOOKASIDE, *PGENERAL_LOOKASIDE, GENERAL_LOOKASIDE_POOL,
	*PGENERAL_LOOKASIDE_POOL;

/**
 * struct _NPAGED_LOOKASIDE_LIST - lookaside list of nonpaged blocks
 * @L: the list
 */
typedef struct _NPAGED_LOOKASIDE_LIST {
	GENERAL_LOOKASIDE L;
} __aligned(16) NPAGED_LOOKASIDE_LIST, *PNPAGED_LOOKASIDE_LIST;

/**
 * struct _PAGED_LOOKASIDE_LIST - lookaside list of paged blocks
 * @L: the list
 */
typedef struct _PAGED_LOOKASIDE_LIST {
	GENERAL_LOOKASIDE L;
} __aligned(16) PAGED_LOOKASIDE_LIST, *PPAGED_LOOKASIDE_LIST;

/**
 * struct _LOOKASIDE_LIST_EX - lookaside list of any pool type
 * @L: the list
 */
typedef struct _LOOKASIDE_LIST_EX {
	GENERAL_LOOKASIDE_POOL L;
} __aligned(16) LOOKASIDE_LIST_EX, *PLOOKASIDE_LIST_EX;

/**
 * ExInitializeNPagedLookasideList() - set up a list of nonpaged blocks
 * @Lookaside: the list to initialise
 * @Allocate:  allocate routine called on a miss, or NULL: with both
 *             routines NULL the list gets its own kmem_cache; with only
 *             one NULL, that one is kmalloc()/kfree() (the pool's
 *             allocator, as ExAllocatePoolWithTag/ExFreePool on Windows)
 * @Free:      free routine called for blocks leaving the list, or NULL
 * @Flags:     accepted and ignored (POOL_RAISE_IF_ALLOCATION_FAILURE cannot
 *             raise on Linux: allocations return NULL on failure)
 * @Size:      block size; below LOOKASIDE_MINIMUM_BLOCK_SIZE is a
 *             violation and is rounded up
 * @Tag:       pool tag of the blocks (names the kmem_cache)
 * @Depth:     reserved, ignored (see the top of this header)
 *
 * IRQL <= DISPATCH_LEVEL.  At DISPATCH_LEVEL no kmem_cache can be made, so
 * blocks come from kmalloc().
 */
void ExInitializeNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
				     PALLOCATE_FUNCTION Allocate,
				     PFREE_FUNCTION Free, ULONG Flags,
				     SIZE_T Size, ULONG Tag, USHORT Depth);

/**
 * ExInitializePagedLookasideList() - set up a list of paged blocks
 * @Lookaside: the list to initialise
 * @Allocate:  allocate routine called on a miss, or NULL
 * @Free:      free routine, or NULL
 * @Flags:     accepted and ignored
 * @Size:      block size (as for ExInitializeNPagedLookasideList())
 * @Tag:       pool tag of the blocks
 * @Depth:     reserved, ignored
 *
 * IRQL < DISPATCH_LEVEL.  Linux has no paged kernel heap: "paged" blocks
 * are ordinary slab memory, but the IRQL rule is still enforced.
 */
void ExInitializePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside,
				    PALLOCATE_FUNCTION Allocate,
				    PFREE_FUNCTION Free, ULONG Flags,
				    SIZE_T Size, ULONG Tag, USHORT Depth);

/**
 * ExInitializeLookasideListEx() - set up a list of blocks of any pool type
 * @Lookaside: the list to initialise
 * @Allocate:  allocate routine called on a miss, or NULL
 * @Free:      free routine, or NULL
 * @PoolType:  pool type of the blocks; paged types (odd base type) follow
 *             the paged IRQL rule
 * @Flags:     0 or one EX_LOOKASIDE_LIST_EX_FLAGS_* bit; with RAISE_ON_FAIL
 *             @Allocate receives PoolType | POOL_RAISE_IF_ALLOCATION_FAILURE
 *             (ntshim itself never raises)
 * @Size:      block size, at least LOOKASIDE_MINIMUM_BLOCK_SIZE
 * @Tag:       pool tag of the blocks
 * @Depth:     reserved, ignored
 *
 * Return: STATUS_SUCCESS; STATUS_INVALID_PARAMETER for a bad size (also a
 * violation) or both flags; STATUS_INSUFFICIENT_RESOURCES if the list's
 * kmem_cache cannot be made.  On failure the list is not usable.
 */
NTSTATUS ExInitializeLookasideListEx(PLOOKASIDE_LIST_EX Lookaside,
				     PALLOCATE_FUNCTION_EX Allocate,
				     PFREE_FUNCTION_EX Free,
				     POOL_TYPE PoolType, ULONG Flags,
				     SIZE_T Size, ULONG Tag, USHORT Depth);

/**
 * ExAllocateFromNPagedLookasideList() - take a block from a nonpaged list
 * @Lookaside: the list
 *
 * IRQL <= DISPATCH_LEVEL.
 *
 * Return: a block of at least Size bytes (contents undefined), or NULL.
 */
PVOID ExAllocateFromNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);

/**
 * ExAllocateFromPagedLookasideList() - take a block from a paged list
 * @Lookaside: the list
 *
 * IRQL < DISPATCH_LEVEL.
 *
 * Return: a block of at least Size bytes, or NULL.
 */
PVOID ExAllocateFromPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside);

/**
 * ExAllocateFromLookasideListEx() - take a block from an Ex list
 * @Lookaside: the list
 *
 * IRQL < DISPATCH_LEVEL for paged pool types, else <= DISPATCH_LEVEL.
 *
 * Return: a block of at least Size bytes, or NULL.
 */
PVOID ExAllocateFromLookasideListEx(PLOOKASIDE_LIST_EX Lookaside);

/**
 * ExFreeToNPagedLookasideList() - give a block back to a nonpaged list
 * @Lookaside: the list it came from
 * @Entry:     the block
 *
 * The block is cached if fewer than Depth blocks are, else released.
 * IRQL <= DISPATCH_LEVEL.
 */
void ExFreeToNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside,
				 PVOID Entry);

/**
 * ExFreeToPagedLookasideList() - give a block back to a paged list
 * @Lookaside: the list it came from
 * @Entry:     the block
 *
 * IRQL < DISPATCH_LEVEL.
 */
void ExFreeToPagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside,
				PVOID Entry);

/**
 * ExFreeToLookasideListEx() - give a block back to an Ex list
 * @Lookaside: the list it came from
 * @Entry:     the block
 *
 * IRQL as for ExAllocateFromLookasideListEx().
 */
void ExFreeToLookasideListEx(PLOOKASIDE_LIST_EX Lookaside, PVOID Entry);

/**
 * ExFlushLookasideListEx() - release every cached block of an Ex list
 * @Lookaside: the list
 *
 * Calls Free (or frees to the kmem_cache) for each cached block; leaves
 * nothing cached.  Counters are unchanged.  IRQL as for the list's
 * allocations.
 */
void ExFlushLookasideListEx(PLOOKASIDE_LIST_EX Lookaside);

/**
 * ExDeleteNPagedLookasideList() - release a nonpaged list
 * @Lookaside: the list
 *
 * Frees the cached blocks and the list's kmem_cache.  Every block must
 * have been freed to the list first (see "Bad input" above).
 * IRQL <= DISPATCH_LEVEL; at DISPATCH_LEVEL the kmem_cache is destroyed
 * later from a work item.
 */
void ExDeleteNPagedLookasideList(PNPAGED_LOOKASIDE_LIST Lookaside);

/**
 * ExDeletePagedLookasideList() - release a paged list
 * @Lookaside: the list
 *
 * IRQL < DISPATCH_LEVEL.
 */
void ExDeletePagedLookasideList(PPAGED_LOOKASIDE_LIST Lookaside);

/**
 * ExDeleteLookasideListEx() - release an Ex list
 * @Lookaside: the list
 *
 * IRQL as for the list's allocations.
 */
void ExDeleteLookasideListEx(PLOOKASIDE_LIST_EX Lookaside);

/**
 * define NTSHIM_LOOKASIDE_HEADER - first line of the debugfs table
 *
 * /sys/kernel/debug/ntshim/lookaside is this line, then one
 * ntshim_lookaside_row() per live list.
 */
#define NTSHIM_LOOKASIDE_HEADER                                               \
	"Tag  Type      Size Depth TotalAllocs AllocMisses HitRate "          \
	" TotalFrees  FreeMisses Outstanding\n"

/**
 * define NTSHIM_LOOKASIDE_ROW_LEN - room for one ntshim_lookaside_row()
 */
#define NTSHIM_LOOKASIDE_ROW_LEN 128

/**
 * ntshim_lookaside_row() - format one list's line of the debugfs table
 * @L:   a live list
 * @buf: where to write, NTSHIM_LOOKASIDE_ROW_LEN bytes suffice
 * @len: size of @buf
 *
 * The line, like WinDbg's !lookaside: the tag in columns 0-3 (as poolmon
 * prints it), one space, then whitespace-separated Type ("Nonp" or
 * "Paged"), Size, Depth, TotalAllocs, AllocMisses, HitRate (percent of
 * allocations served from the cache, one decimal), TotalFrees, FreeMisses
 * and Outstanding (blocks handed out and not yet freed), ending in '\n'.
 *
 * Return: the characters written, not counting the NUL.
 */
int ntshim_lookaside_row(PGENERAL_LOOKASIDE L, char *buf, size_t len);

#endif /* _NTSHIM_LOOKASIDE_H */
