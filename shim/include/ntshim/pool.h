/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pool types (first cut: the pool work completes this header).
 */
#ifndef _NTSHIM_POOL_H
#define _NTSHIM_POOL_H

#include <ntshim/types.h>

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

#endif /* _NTSHIM_POOL_H */
