// SPDX-License-Identifier: GPL-2.0
/*
 * ntshim.ko: the Windows DDK runtime on Linux.  Sets up the debugfs tree
 * (/sys/kernel/debug/ntshim/) and each runtime area, and tears them down
 * in reverse order.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/module.h>

#include "../shim/internal.h"

static struct dentry *ntshim_debugfs;

static int __init ntshim_init(void)
{
	int err;

	ntshim_debugfs = debugfs_create_dir("ntshim", NULL);
	ntshim_violation_init(ntshim_debugfs);

	err = ntshim_pool_init(ntshim_debugfs);
	if (err)
		goto out_debugfs;

	/* lookaside */
	err = ntshim_lookaside_init(ntshim_debugfs);
	if (err) {
		ntshim_pool_exit();
		goto out_debugfs;
	}

	/* Mm and MDLs */
	err = ntshim_mm_init(ntshim_debugfs);
	if (err) {
		ntshim_lookaside_exit();
		ntshim_pool_exit();
		goto out_debugfs;
	}

	/* DPCs, timers, work items */
	err = ntshim_dpc_init(ntshim_debugfs);
	if (err) {
		ntshim_lookaside_exit();
		ntshim_pool_exit();
		goto out_debugfs;
	}

	/* demos */
	err = ntshim_demos_init(ntshim_debugfs);
	if (err)
		goto out_debugfs;

	pr_info("loaded\n");
	return 0;

out_debugfs:
	debugfs_remove_recursive(ntshim_debugfs);
	return err;
}

static void __exit ntshim_exit(void)
{
	/* Files first, so nothing reads an area while it is torn down. */
	debugfs_remove_recursive(ntshim_debugfs);

	/* demos */
	ntshim_demos_exit();

	/* DPCs, timers, work items */
	ntshim_dpc_exit();

	/* Mm and MDLs */
	ntshim_mm_exit();

	/* lookaside */
	ntshim_lookaside_exit();

	ntshim_pool_exit();
	pr_info("unloaded\n");
}

module_init(ntshim_init);
module_exit(ntshim_exit);

MODULE_DESCRIPTION("Windows DDK runtime (pool, lists, locks, Rtl, Mm) on Linux primitives");
MODULE_LICENSE("GPL");
