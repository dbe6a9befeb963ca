// SPDX-License-Identifier: GPL-2.0
/*
 * Fault injection for pool allocations: Driver Verifier's low-resources
 * simulation on the kernel's fault_attr framework.
 *
 *   /sys/kernel/debug/ntshim/fail_pool/{probability,interval,times,...}
 *   /sys/kernel/debug/ntshim/fail_pool/tag   hex ULONG; 0 = every tag
 *
 * e.g. fail every allocation tagged 'gaTM' ("MTag") once:
 *   echo 0x6761544d > tag; echo 100 > probability; echo 1 > times
 * verbose starts at 1 (one line per injected failure, no stack dump).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/fault-inject.h>
#include <ntshim/tag.h>

#include "pool_internal.h"

#ifdef CONFIG_FAULT_INJECTION

DECLARE_FAULT_ATTR(ntshim_fail_pool);
static u32 fail_pool_tag;

bool ntshim_pool_should_fail(ULONG tag, SIZE_T size)
{
	u32 only = READ_ONCE(fail_pool_tag);

	if (only && (only ^ tag) & ~PROTECTED_POOL)
		return false;
	return should_fail(&ntshim_fail_pool, size);
}

bool ntshim_pool_fault_arm(ULONG Tag, int Times)
{
	WRITE_ONCE(fail_pool_tag, Tag);
	ntshim_fail_pool.interval = 1;
	atomic_set(&ntshim_fail_pool.times, Times);
	ntshim_fail_pool.probability = Times ? 100 : 0;
	return true;
}

void ntshim_pool_fault_init(struct dentry *root)
{
	struct dentry *dir;

	ntshim_fail_pool.verbose = 1;
	dir = fault_create_debugfs_attr("fail_pool", root, &ntshim_fail_pool);
	if (!IS_ERR(dir))
		debugfs_create_x32("tag", 0600, dir, &fail_pool_tag);
}

#else

bool ntshim_pool_fault_arm(ULONG Tag, int Times)
{
	return false;
}

void ntshim_pool_fault_init(struct dentry *root)
{
}

#endif
EXPORT_SYMBOL_IF_KUNIT(ntshim_pool_fault_arm);
