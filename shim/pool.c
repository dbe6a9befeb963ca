// SPDX-License-Identifier: GPL-2.0
/*
 * Pool allocation with tag tracking (placeholder until the pool work).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <ntshim/pool.h>

#include "internal.h"

void ntshim_pool_charge(ULONG Tag, POOL_TYPE PoolType, SIZE_T Bytes)
{
}
EXPORT_SYMBOL_GPL(ntshim_pool_charge);

void ntshim_pool_uncharge(ULONG Tag, POOL_TYPE PoolType, SIZE_T Bytes)
{
}
EXPORT_SYMBOL_GPL(ntshim_pool_uncharge);

int ntshim_pool_init(struct dentry *root)
{
	return 0;
}

void ntshim_pool_exit(void)
{
}
