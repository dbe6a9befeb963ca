// SPDX-License-Identifier: GPL-2.0
/*
 * ntshim.ko: the Windows DDK runtime on Linux.  Sets up the debugfs tree
 * (/sys/kernel/debug/ntshim/) and each runtime area in order; a failure
 * undoes exactly the steps before it, and exit is init's mirror.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/init.h>
#include <linux/module.h>

#include "../shim/internal.h"
#include "../shim/pool_special.h"

static struct dentry *ntshim_debugfs;

#ifdef CONFIG_NTSHIM_DEBUG
/*
 * make check's proof of the unwind: step N (1..6) fails instead of
 * running, so the unwind undoes exactly steps 1..N-1.  (Failing after a
 * step that succeeded skipped its undo: a failed step 5 left the module
 * notifier registered, which then ran in freed memory.)
 */
static unsigned int fail_init_step;
module_param(fail_init_step, uint, 0400);
MODULE_PARM_DESC(fail_init_step, "debug: fail init at this step (0: never)");
#define init_step(n, call) (fail_init_step == (n) ? -EAGAIN : (call))
#else
#define init_step(n, err) (err)
#endif

static int __init ntshim_init(void)
{
	int err;

	ntshim_debugfs = debugfs_create_dir("ntshim", NULL);
	ntshim_violation_init(ntshim_debugfs);

	err = init_step(1, ntshim_pool_init(ntshim_debugfs));
	if (err)
		goto out_debugfs;
	/* the special pool, until ntshim_pool_init() sets it up itself */
	err = ntshim_pool_special_init(debugfs_create_dir("verifier",
							  ntshim_debugfs));
	if (err)
		goto out_pool;
	err = init_step(2, ntshim_lookaside_init(ntshim_debugfs));
	if (err)
		goto out_special;
	ntshim_mm_track_init(ntshim_debugfs);
	err = init_step(3, ntshim_workitem_init());
	if (err)
		goto out_lookaside;
	err = init_step(4, ntshim_dpc_init());
	if (err)
		goto out_workitem;
	ntshim_deferred_stats_init(ntshim_debugfs);
	/* Last: from here on, a going client module is cleaned up. */
	err = init_step(5, ntshim_owner_init());
	if (err)
		goto out_dpc;
	err = init_step(6, 0);
	if (err)
		goto out_owner;

	pr_info("loaded (version %s)\n", NTSHIM_VERSION);
	return 0;

out_owner:
	ntshim_owner_exit();
out_dpc:
	ntshim_dpc_exit();
out_workitem:
	ntshim_workitem_exit();
out_lookaside:
	ntshim_lookaside_exit();
out_special:
	ntshim_pool_special_exit();
out_pool:
	ntshim_pool_exit();
out_debugfs:
	debugfs_remove_recursive(ntshim_debugfs);
	return err;
}

static void __exit ntshim_exit(void)
{
	/* Files first, so nothing reads an area while it is torn down. */
	debugfs_remove_recursive(ntshim_debugfs);
	ntshim_owner_exit();
	ntshim_dpc_exit();
	ntshim_workitem_exit();
	ntshim_lookaside_exit();
	ntshim_pool_special_exit();
	ntshim_pool_exit();
	ntshim_affinity_exit();
	ntshim_irql_exit();
	pr_info("unloaded\n");
}

module_init(ntshim_init);
module_exit(ntshim_exit);

MODULE_DESCRIPTION("Windows DDK runtime (pool, lists, locks, Rtl, Mm) on Linux primitives");
MODULE_LICENSE("GPL");
MODULE_VERSION(NTSHIM_VERSION);
