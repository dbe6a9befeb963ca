/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Executive pool: ExAllocatePool* / ExFreePool* on kmalloc and kvmalloc,
 * with poolmon-style per-tag statistics.
 *
 * Every allocation entry point is an inline wrapper that passes the calling
 * module (THIS_MODULE) to the out-of-line runtime, which takes the call site
 * from its own return address (NTSHIM_POOL_CALLER): one per call site in
 * the driver, so each block knows its owner and caller at no cost to the
 * driver.  (_THIS_IP_ would not do: GCC gives every inlined copy of a
 * wrapper the same label address, so all call sites in one function
 * would share one statistics row.)
 *
 * Block layout (see shim/pool.c for the details):
 *  - blocks smaller than PAGE_SIZE carry a 16-byte header right in front
 *    of the caller's pointer, as Windows' POOL_HEADER does, and come from
 *    ntshim's slab caches "ntshim_pool-<size>-<load id>", whose objects
 *    are a kmalloc bucket plus the header (and, being type-safe by RCU,
 *    the slab's 8-byte free pointer): a block costs what kmalloc() of the
 *    same size would, plus 16 to 24 bytes.  The pointer is 16-byte aligned, or
 *    SMP_CACHE_BYTES aligned for the CacheAligned types and
 *    POOL_FLAG_CACHE_ALIGNED (those come from kmalloc() with room to
 *    align);
 *  - blocks of PAGE_SIZE or more are page aligned, as on Windows: they come
 *    from kmalloc() (sizes rounded up to whole pages, which the slab
 *    allocator aligns to the page) or, when the caller may sleep, from
 *    kvmalloc(); their record is kept out of line in a hash table keyed by
 *    the address (Windows' big-pool table) with per-bucket locks.
 * Statistics rows are per (tag, pool type, owner module, call site), so
 * when a module unloads with blocks outstanding ntshim reports each call
 * site that allocated them (violation pool_leak) and leaves the blocks
 * allocated; kmemleak reports them too once nothing references them.
 *
 * ExFreePool() finds the header from the pointer alone and checks a keyed
 * magic before trusting it, so a bad or repeated free is reported (and the
 * memory left alone) instead of corrupting the slab, even when two CPUs
 * free the same block at once.
 *
 * debugfs (/sys/kernel/debug/ntshim/):
 *  - pooltags: header "Tag  Type   Allocs  Frees  Diff  Bytes  PerAlloc"
 *    then one row per (tag, pool type), sorted by tag: the tag in columns
 *    0-3 as poolmon prints it, then Type (Nonp or Paged), Allocs, Frees,
 *    Diff, Bytes (outstanding) and PerAlloc (Bytes / Diff, 0 if Diff <= 0)
 *    separated by whitespace;
 *  - pool_outstanding: header "Address Tag Type Size Owner Caller", one row
 *    per live block while tracking is on (module parameter pool_track,
 *    default on with CONFIG_NTSHIM_DEBUG; switching it affects new blocks):
 *    Address (%px, 16 hex digits), one space, the tag in the next four
 *    columns (it may contain spaces), then whitespace-separated Type, Size,
 *    Owner (module name, "[unloaded]" once its module is gone) and Caller
 *    (%pS);
 *  - fail_pool/: the kernel's fault_attr files plus "tag" (hex ULONG, 0 for
 *    every tag) to make allocations fail on purpose.
 *
 * Tracepoints ntshim:pool_alloc and ntshim:pool_free record tag, size, pool
 * type, pointer and caller.
 */
#ifndef _NTSHIM_POOL_H
#define _NTSHIM_POOL_H

#include <linux/compiler.h>
#include <linux/export.h>
#include <linux/init.h>
#include <linux/instruction_pointer.h>
#include <ntshim/tag.h>
#include <ntshim/types.h>

struct module;

/* Microsoft's values. */
typedef enum _POOL_TYPE {
	NonPagedPool = 0,
	NonPagedPoolExecute = NonPagedPool,
	PagedPool = 1,
	NonPagedPoolMustSucceed = 2,
	DontUseThisType = 3,
	NonPagedPoolCacheAligned = 4,
	PagedPoolCacheAligned = 5,
	NonPagedPoolCacheAlignedMustS = 6,
	MaxPoolType = 7,
	NonPagedPoolBase = 0,
	NonPagedPoolBaseMustSucceed = NonPagedPoolBase + 2,
	NonPagedPoolBaseCacheAligned = NonPagedPoolBase + 4,
	NonPagedPoolBaseCacheAlignedMustS = NonPagedPoolBase + 6,
	NonPagedPoolSession = 32,
	PagedPoolSession = NonPagedPoolSession + 1,
	NonPagedPoolMustSucceedSession = PagedPoolSession + 1,
	DontUseThisTypeSession = NonPagedPoolMustSucceedSession + 1,
	NonPagedPoolCacheAlignedSession = DontUseThisTypeSession + 1,
	PagedPoolCacheAlignedSession = NonPagedPoolCacheAlignedSession + 1,
	NonPagedPoolCacheAlignedMustSSession = PagedPoolCacheAlignedSession + 1,
	NonPagedPoolNx = 512,
	NonPagedPoolNxCacheAligned = NonPagedPoolNx + 4,
	NonPagedPoolSessionNx = NonPagedPoolNx + 32,
} POOL_TYPE;

/* Modifier bits that may be ORed into a POOL_TYPE (Microsoft's values). */
#define POOL_QUOTA_FAIL_INSTEAD_OF_RAISE 8
#define POOL_RAISE_IF_ALLOCATION_FAILURE 16
#define POOL_COLD_ALLOCATION 256
#define POOL_NX_ALLOCATION 512
#define POOL_ZERO_ALLOCATION 1024

/* ExAllocatePoolWithTagPriority() priorities (Microsoft's values). */
typedef enum _EX_POOL_PRIORITY {
	LowPoolPriority = 0,
	LowPoolPrioritySpecialPoolOverrun = 8,
	LowPoolPrioritySpecialPoolUnderrun = 9,
	NormalPoolPriority = 16,
	NormalPoolPrioritySpecialPoolOverrun = 24,
	NormalPoolPrioritySpecialPoolUnderrun = 25,
	HighPoolPriority = 32,
	HighPoolPrioritySpecialPoolOverrun = 40,
	HighPoolPrioritySpecialPoolUnderrun = 41,
} EX_POOL_PRIORITY;

/*
 * ExAllocatePool2/3 flags (Microsoft's values).  The low 32 bits are
 * required: an unknown one fails the allocation.  The high 32 bits are
 * optional and ignored when not understood.
 */
typedef ULONG64 POOL_FLAGS;

#define POOL_FLAG_REQUIRED_START 0x0000000000000001ULL
#define POOL_FLAG_USE_QUOTA 0x0000000000000001ULL
#define POOL_FLAG_UNINITIALIZED 0x0000000000000002ULL
#define POOL_FLAG_SESSION 0x0000000000000004ULL
#define POOL_FLAG_CACHE_ALIGNED 0x0000000000000008ULL
#define POOL_FLAG_RESERVED1 0x0000000000000010ULL
#define POOL_FLAG_RAISE_ON_FAILURE 0x0000000000000020ULL
#define POOL_FLAG_NON_PAGED 0x0000000000000040ULL
#define POOL_FLAG_NON_PAGED_EXECUTE 0x0000000000000080ULL
#define POOL_FLAG_PAGED 0x0000000000000100ULL
#define POOL_FLAG_RESERVED2 0x0000000000000200ULL
#define POOL_FLAG_RESERVED3 0x0000000000000400ULL
#define POOL_FLAG_REQUIRED_END 0x0000000080000000ULL
#define POOL_FLAG_OPTIONAL_START 0x0000000100000000ULL
#define POOL_FLAG_SPECIAL_POOL 0x0000000100000000ULL
#define POOL_FLAG_OPTIONAL_END 0x8000000000000000ULL

/* ExAllocatePool3 extended parameters. */
typedef enum _POOL_EXTENDED_PARAMETER_TYPE {
	PoolExtendedParameterInvalidType = 0,
	PoolExtendedParameterPriority,
	PoolExtendedParameterSecurePool,
	PoolExtendedParameterNumaNode,
	PoolExtendedParameterMax
} POOL_EXTENDED_PARAMETER_TYPE, *PPOOL_EXTENDED_PARAMETER_TYPE;

#define POOL_EXTENDED_PARAMETER_TYPE_BITS 8
#define POOL_EXTENDED_PARAMETER_REQUIRED_FIELD_BITS 1
#define POOL_EXTENDED_PARAMETER_RESERVED_BITS (64 - 8 - 1)

typedef ULONG POOL_NODE_REQUIREMENT;
#define MM_ANY_NODE_OK 0x80000000

struct _POOL_EXTENDED_PARAMS_SECURE_POOL;

/**
 * struct _POOL_EXTENDED_PARAMETER - one ExAllocatePool3() parameter
 * @Type:             a POOL_EXTENDED_PARAMETER_TYPE
 * @Optional:         1 if the allocation may ignore this parameter
 * @Reserved:         must be 0
 * @Reserved2:        the union as a raw value
 * @Reserved3:        the union as a pointer
 * @Priority:         for PoolExtendedParameterPriority
 * @SecurePoolParams: for PoolExtendedParameterSecurePool (unsupported)
 * @PreferredNode:    for PoolExtendedParameterNumaNode: a node number or
 *                    MM_ANY_NODE_OK
 */
typedef struct _POOL_EXTENDED_PARAMETER {
	struct {
		ULONG64 Type : POOL_EXTENDED_PARAMETER_TYPE_BITS;
		ULONG64 Optional : POOL_EXTENDED_PARAMETER_REQUIRED_FIELD_BITS;
		ULONG64 Reserved : POOL_EXTENDED_PARAMETER_RESERVED_BITS;
	};
	union {
		ULONG64 Reserved2;
		PVOID Reserved3;
		EX_POOL_PRIORITY Priority;
		struct _POOL_EXTENDED_PARAMS_SECURE_POOL *SecurePoolParams;
		POOL_NODE_REQUIREMENT PreferredNode;
	};
} POOL_EXTENDED_PARAMETER, *PPOOL_EXTENDED_PARAMETER;
typedef const struct _POOL_EXTENDED_PARAMETER *PCPOOL_EXTENDED_PARAMETER;

/* The tag ExAllocatePool() uses: poolmon shows it as "None". */
#define NTSHIM_POOL_DEFAULT_TAG NTSHIM_TAG('N', 'o', 'n', 'e')

/*
 * The @caller the Ex* wrappers pass: 0 asks the runtime for its return
 * address, which differs per call site.
 */
#define NTSHIM_POOL_CALLER 0UL

/* ntshim_pool_alloc() @how bits besides the EX_POOL_PRIORITY value. */
#define NTSHIM_POOL_ZERO 0x100
#define NTSHIM_POOL_PRIORITY_MASK 0xff

/**
 * ntshim_pool_alloc() - the runtime behind the ExAllocatePool* wrappers
 * @PoolType: a POOL_TYPE, possibly with POOL_* modifier bits
 * @Size:     bytes requested
 * @Tag:      pool tag
 * @how:      an EX_POOL_PRIORITY, ORed with NTSHIM_POOL_ZERO to zero-fill
 * @owner:    the module the block is charged to (THIS_MODULE)
 * @caller:   the call site, or NTSHIM_POOL_CALLER for the return address
 *
 * Call the Ex* wrappers instead; this is exported for them.
 *
 * Return: the block, or NULL on failure or misuse.
 */
PVOID ntshim_pool_alloc(POOL_TYPE PoolType, SIZE_T Size, ULONG Tag,
			unsigned int how, struct module *owner,
			unsigned long caller);

/**
 * ntshim_pool_alloc3() - the runtime behind ExAllocatePool2/3
 * @Flags:  POOL_FLAG_* values
 * @Size:   bytes requested
 * @Tag:    pool tag, nonzero
 * @Params: extended parameters, or NULL
 * @Count:  number of @Params
 * @owner:  the module the block is charged to (THIS_MODULE)
 * @caller: the call site, or NTSHIM_POOL_CALLER for the return address
 *
 * Return: the block, or NULL on failure or misuse.
 */
PVOID ntshim_pool_alloc3(POOL_FLAGS Flags, SIZE_T Size, ULONG Tag,
			 PCPOOL_EXTENDED_PARAMETER Params, ULONG Count,
			 struct module *owner, unsigned long caller);

/**
 * ntshim_pool_free() - the runtime behind ExFreePool/ExFreePoolWithTag
 * @P:      the block
 * @Tag:    0, or the tag the block must carry
 * @caller: the call site, or NTSHIM_POOL_CALLER for the return address
 */
void ntshim_pool_free(PVOID P, ULONG Tag, unsigned long caller);

/**
 * ntshim_pool_block_size() - the runtime behind ExQueryPoolBlockSize
 * @P:             the block
 * @QuotaCharged:  set to FALSE (ntshim charges no quota), may be NULL
 * @caller:        the call site, or NTSHIM_POOL_CALLER
 *
 * Return: the size asked for when @P was allocated; 0 (and a
 * pool_bad_free violation) if @P is not a live pool block.
 */
SIZE_T ntshim_pool_block_size(PVOID P, PBOOLEAN QuotaCharged,
			      unsigned long caller);

/**
 * ExAllocatePoolWithTag() - allocate pool memory
 * @PoolType:      NonPagedPool[Nx], PagedPool, the CacheAligned and
 *                 session variants, optionally with POOL_* modifier bits
 * @NumberOfBytes: size of the block
 * @Tag:           pool tag, e.g. 'gaTM' (poolmon prints it as "MTag")
 *
 * IRQL: NonPagedPool at <= DISPATCH_LEVEL (at DISPATCH_LEVEL it uses
 * GFP_ATOMIC and never sleeps, below it GFP_KERNEL); PagedPool at
 * <= APC_LEVEL.  A call at a higher IRQL is a pool_bad_irql violation
 * (BAD_POOL_CALLER 0x08) and returns NULL.
 *
 * Exhaustion: when memory runs out the call returns NULL, as Windows'
 * does; it never invokes the OOM killer, warns or panics.  Below
 * DISPATCH_LEVEL the allocation is GFP_KERNEL | __GFP_RETRY_MAYFAIL (it
 * reclaims, then fails), LowPoolPriority adds __GFP_NORETRY instead (one
 * round of reclaim), at DISPATCH_LEVEL it is GFP_ATOMIC (GFP_NOWAIT for
 * LowPoolPriority); every request carries __GFP_NOWARN.  Every caller must
 * check for NULL, whatever the size.
 *
 * Alignment: 16 bytes; SMP_CACHE_BYTES for the CacheAligned types; page
 * aligned for blocks of PAGE_SIZE or more.
 *
 * Differences from Windows: MustSucceed types fail like the others
 * instead of bugchecking; session types are ordinary pool;
 * non-paged pool is never executable.  A zero-byte request is reported
 * (pool_zero_size) and returns a valid empty block that must be freed.  A
 * size so large that the header arithmetic would overflow is reported
 * (pool_size_overflow) and returns NULL.  An unknown type is reported
 * (pool_bad_type) and returns NULL.  With POOL_RAISE_IF_ALLOCATION_FAILURE
 * in @PoolType a failure raises STATUS_INSUFFICIENT_RESOURCES, as on
 * Windows (<ntshim/seh.h>); unhandled, the call returns NULL.
 *
 * Return: the block, or NULL.
 */
static __always_inline PVOID ExAllocatePoolWithTag(POOL_TYPE PoolType,
						   SIZE_T NumberOfBytes,
						   ULONG Tag)
{
	return ntshim_pool_alloc(PoolType, NumberOfBytes, Tag,
				 NormalPoolPriority, THIS_MODULE, NTSHIM_POOL_CALLER);
}

/**
 * ExAllocatePool() - allocate pool memory tagged "None"
 * @PoolType:      as for ExAllocatePoolWithTag()
 * @NumberOfBytes: size of the block
 *
 * Return: the block, or NULL.
 */
static __always_inline PVOID ExAllocatePool(POOL_TYPE PoolType,
					    SIZE_T NumberOfBytes)
{
	return ntshim_pool_alloc(PoolType, NumberOfBytes,
				 NTSHIM_POOL_DEFAULT_TAG, NormalPoolPriority,
				 THIS_MODULE, NTSHIM_POOL_CALLER);
}

/**
 * ExAllocatePoolWithQuotaTag() - allocate pool memory charged to the process
 * @PoolType:      as for ExAllocatePoolWithTag()
 * @NumberOfBytes: size of the block
 * @Tag:           pool tag
 *
 * Linux has no pool quota: nothing is charged.  Windows raises an
 * exception on failure unless POOL_QUOTA_FAIL_INSTEAD_OF_RAISE is given;
 * ntshim always returns NULL instead.
 *
 * Return: the block, or NULL.
 */
static __always_inline PVOID ExAllocatePoolWithQuotaTag(POOL_TYPE PoolType,
							SIZE_T NumberOfBytes,
							ULONG Tag)
{
	return ntshim_pool_alloc(PoolType, NumberOfBytes, Tag,
				 NormalPoolPriority, THIS_MODULE, NTSHIM_POOL_CALLER);
}

/**
 * ExAllocatePoolWithTagPriority() - allocate pool memory with a priority
 * @PoolType:      as for ExAllocatePoolWithTag()
 * @NumberOfBytes: size of the block
 * @Tag:           pool tag
 * @Priority:      LowPoolPriority gives up early under memory pressure
 *                 (GFP_NOWAIT or __GFP_NORETRY); Normal and High behave
 *                 the same.  Special-pool variants are treated as their
 *                 base priority.
 *
 * Return: the block, or NULL.
 */
static __always_inline PVOID
ExAllocatePoolWithTagPriority(POOL_TYPE PoolType, SIZE_T NumberOfBytes,
			      ULONG Tag, EX_POOL_PRIORITY Priority)
{
	return ntshim_pool_alloc(PoolType, NumberOfBytes, Tag,
				 Priority & NTSHIM_POOL_PRIORITY_MASK,
				 THIS_MODULE, NTSHIM_POOL_CALLER);
}

/**
 * ExAllocatePoolZero() - allocate zero-filled pool memory
 * @PoolType:      as for ExAllocatePoolWithTag()
 * @NumberOfBytes: size of the block
 * @Tag:           pool tag
 *
 * Return: the zeroed block, or NULL.
 */
static __always_inline PVOID ExAllocatePoolZero(POOL_TYPE PoolType,
						SIZE_T NumberOfBytes,
						ULONG Tag)
{
	return ntshim_pool_alloc(PoolType, NumberOfBytes, Tag,
				 NormalPoolPriority | NTSHIM_POOL_ZERO,
				 THIS_MODULE, NTSHIM_POOL_CALLER);
}

/**
 * ExAllocatePoolUninitialized() - allocate pool memory without zeroing it
 * @PoolType:      as for ExAllocatePoolWithTag()
 * @NumberOfBytes: size of the block
 * @Tag:           pool tag
 *
 * Return: the block, or NULL.
 */
static __always_inline PVOID ExAllocatePoolUninitialized(POOL_TYPE PoolType,
							 SIZE_T NumberOfBytes,
							 ULONG Tag)
{
	return ntshim_pool_alloc(PoolType, NumberOfBytes, Tag,
				 NormalPoolPriority, THIS_MODULE, NTSHIM_POOL_CALLER);
}

/**
 * ExAllocatePool2() - allocate pool memory, zeroed by default
 * @Flags:         exactly one of POOL_FLAG_NON_PAGED, _NON_PAGED_EXECUTE,
 *                 _PAGED, optionally with POOL_FLAG_UNINITIALIZED,
 *                 _CACHE_ALIGNED, _USE_QUOTA (ignored), _SESSION (ignored),
 *                 _RAISE_ON_FAILURE (raises STATUS_INSUFFICIENT_RESOURCES
 *                 on failure, <ntshim/seh.h>) and
 *                 any optional (high 32) bits, which are ignored
 * @NumberOfBytes: size of the block
 * @Tag:           pool tag, nonzero
 *
 * A zero @Tag (pool_zero_tag) or invalid @Flags (pool_bad_flags: a reserved
 * or unknown required bit, or not exactly one pool kind) is reported and
 * returns NULL, as documented.  IRQL, alignment and zero-size rules are
 * those of ExAllocatePoolWithTag().
 *
 * Return: the block (zero-filled unless POOL_FLAG_UNINITIALIZED), or NULL.
 */
static __always_inline PVOID ExAllocatePool2(POOL_FLAGS Flags,
					     SIZE_T NumberOfBytes, ULONG Tag)
{
	return ntshim_pool_alloc3(Flags, NumberOfBytes, Tag, NULL, 0,
				  THIS_MODULE, NTSHIM_POOL_CALLER);
}

/**
 * ExAllocatePool3() - ExAllocatePool2() with extended parameters
 * @Flags:              as for ExAllocatePool2()
 * @NumberOfBytes:      size of the block
 * @Tag:                pool tag, nonzero
 * @ExtendedParameters: array of parameters, or NULL
 * @Count:              number of parameters
 *
 * PoolExtendedParameterPriority and PoolExtendedParameterNumaNode are
 * honoured (the node through kmalloc_node()).  Secure pool is not
 * supported: a required secure-pool parameter, an unknown required type or
 * an offline required node is reported as pool_bad_flags and returns NULL;
 * optional ones are ignored.
 *
 * Return: the block, or NULL.
 */
static __always_inline PVOID
ExAllocatePool3(POOL_FLAGS Flags, SIZE_T NumberOfBytes, ULONG Tag,
		PCPOOL_EXTENDED_PARAMETER ExtendedParameters, ULONG Count)
{
	return ntshim_pool_alloc3(Flags, NumberOfBytes, Tag,
				  ExtendedParameters, Count, THIS_MODULE,
				  NTSHIM_POOL_CALLER);
}

/**
 * ExFreePoolWithTag() - free pool memory
 * @P:   a block from ExAllocatePool*
 * @Tag: 0 to skip the check, or the tag the block was allocated with
 *       (PROTECTED_POOL ignored)
 *
 * Misuse is reported and never corrupts memory: NULL (pool_free_null), a
 * pointer not from the pool (pool_bad_free) or already freed
 * (pool_double_free) is left alone; a wrong tag (pool_tag_mismatch,
 * BAD_POOL_CALLER 0x0A) is reported and the block is still freed.
 *
 * IRQL <= DISPATCH_LEVEL.  Above it (BAD_POOL_CALLER 0x09) the call is
 * reported and the block is still freed, because kfree() is safe with
 * interrupts off and vmalloc'ed blocks are handed to a work item; in NMI
 * context the block is leaked.
 */
static __always_inline void ExFreePoolWithTag(PVOID P, ULONG Tag)
{
	ntshim_pool_free(P, Tag, NTSHIM_POOL_CALLER);
}

/**
 * ExFreePool() - free pool memory without a tag check
 * @P: a block from ExAllocatePool*
 *
 * Same as ExFreePoolWithTag(@P, 0).
 */
static __always_inline void ExFreePool(PVOID P)
{
	ntshim_pool_free(P, 0, NTSHIM_POOL_CALLER);
}

/**
 * ExQueryPoolBlockSize() - size of a pool block
 * @PoolBlock:    a live block from ExAllocatePool*
 * @QuotaCharged: set to FALSE; may be NULL
 *
 * Return: the number of bytes requested for the block (always at least
 * what was asked for, which is what callers may rely on); 0 for a pointer
 * that is not a live pool block (reported as pool_bad_free).
 */
static __always_inline SIZE_T ExQueryPoolBlockSize(PVOID PoolBlock,
						   PBOOLEAN QuotaCharged)
{
	return ntshim_pool_block_size(PoolBlock, QuotaCharged, NTSHIM_POOL_CALLER);
}

/**
 * ntshim_pool_charge() - count memory that did not come from ExAllocatePool*
 * @Tag:      the tag its row is kept under
 * @PoolType: the pool type its row is kept under
 * @Bytes:    the block's size
 *
 * For lookaside blocks, contiguous memory and the like: the block shows in
 * /sys/kernel/debug/ntshim/pooltags as one more allocation of @Tag.
 * Safe in any context.
 */
void ntshim_pool_charge(ULONG Tag, POOL_TYPE PoolType, SIZE_T Bytes);

/**
 * ntshim_pool_uncharge() - undo ntshim_pool_charge() for one block
 * @Tag:      as charged
 * @PoolType: as charged
 * @Bytes:    as charged
 */
void ntshim_pool_uncharge(ULONG Tag, POOL_TYPE PoolType, SIZE_T Bytes);

/**
 * struct ntshim_pool_tag_stats - one pooltags row
 * @allocs: allocations (and charges) ever made
 * @frees:  frees (and uncharges) ever made
 * @diff:   @allocs - @frees, the blocks outstanding
 * @bytes:  bytes outstanding
 */
struct ntshim_pool_tag_stats {
	u64 allocs;
	u64 frees;
	s64 diff;
	s64 bytes;
};

/**
 * ntshim_pool_query_tag() - read one (tag, pool type) row of pooltags
 * @Tag:      the tag (PROTECTED_POOL ignored)
 * @PoolType: any paged type selects the Paged row, others the Nonp row
 * @out:      the counters, summed over CPUs and owner modules
 *
 * Return: true if the row exists (the tag was ever used with that type).
 */
bool ntshim_pool_query_tag(ULONG Tag, POOL_TYPE PoolType,
			   struct ntshim_pool_tag_stats *out);

#endif /* _NTSHIM_POOL_H */
