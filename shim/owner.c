// SPDX-License-Identifier: GPL-2.0
/*
 * The one owner of what a module leaves behind.  When a client module
 * goes (its exit routine has run, its code and data are still mapped),
 * or when ntshim itself exits, everything it still owns is stopped and
 * reclaimed in one order:
 *
 *   0. system threads running its code: reported and waited for (they
 *      may still queue work, and Linux cannot keep the module loaded);
 *   1. deferred work: timers, DPCs, work items, until a whole pass finds
 *      nothing (a timer's DPC may set the timer again, a DPC may queue a
 *      work item that queues the DPC): nothing can run the module's code
 *      or touch its objects after this;
 *   2. lookaside lists and initialised ERESOURCEs living in its memory;
 *   3. Mm allocations, I/O mappings and MDLs;
 *   4. pool leaks, reported last, when nothing can free any more.
 *
 * Windows' Driver Verifier checks the same at unload (bugcheck 0xC7 for
 * timers and DPCs, 0xCE for code still queued after unload).
 *
 * The same objects in a pool block being freed are found by
 * ntshim_free_check_slow(), behind the live-object filter (live_filter.h).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <ntshim/pool.h>

#include "internal.h"
#include "mm_track.h"

/* Enough for any honest chain of objects re-arming each other. */
#define OWNER_MAX_PASSES 64

const struct module *ntshim_going_module;

/*
 * Modules may go at the same time (GOING notifiers run outside
 * module_mutex): one at a time here, so ntshim_going_module names the
 * one being cleaned up for the whole of its passes.
 */
static DEFINE_MUTEX(owner_going_lock);

static void owner_cancel_deferred(const struct module *mod, const char *why)
{
	unsigned int pass, n;

	/* From here on nothing of @mod can be armed again. */
	if (mod) {
		WRITE_ONCE(ntshim_going_module, mod);
		synchronize_rcu();	/* callers that missed it are done */
	}
	for (pass = 0; pass < OWNER_MAX_PASSES; pass++) {
		/* Timers queue DPCs; DPCs set timers and queue work items. */
		n = ntshim_timer_cancel(mod, why);
		n += ntshim_dpc_cancel(mod, why);
		n += ntshim_workitem_cancel(mod, why);
		if (!n)
			goto out;
	}
	pr_err("%s: deferred work still re-arming after %u passes\n",
	       mod ? mod->name : "ntshim", OWNER_MAX_PASSES);
out:
	WRITE_ONCE(ntshim_going_module, NULL);
}

/**
 * ntshim_owner_going() - stop and reclaim everything a module leaves
 * @mod: the module going away; NULL at ntshim's own exit (everything)
 */
void ntshim_owner_going(struct module *mod)
{
	const char *why = mod ? "module unload" : "ntshim exit";

	mutex_lock(&owner_going_lock);
	ntshim_thread_wait_going(mod, why);
	owner_cancel_deferred(mod, why);
	ntshim_lookaside_reclaim(mod);
	ntshim_resource_reclaim(mod, why);
	ntshim_mm_reclaim(mod);
	if (mod)
		ntshim_pool_report_leaks(mod);
	mutex_unlock(&owner_going_lock);
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_owner_going);

/**
 * ntshim_free_check_slow() - the registries' part of ntshim_free_check()
 * @lo:     the block's first byte
 * @hi:     one past its last byte
 * @tag:    its pool tag, for the reports
 * @caller: the code freeing it
 *
 * Reached when the live-object filter finds a live object may start in
 * the block.  Timers first: their expiry queues DPCs.
 */
void ntshim_free_check_slow(unsigned long lo, unsigned long hi, ULONG tag,
			    unsigned long caller)
{
	ntshim_timer_free_check(lo, hi, tag, caller);
	ntshim_dpc_free_check(lo, hi, tag, caller);
	ntshim_workitem_free_check(lo, hi, tag, caller);
	ntshim_lookaside_free_check(lo, hi, tag, caller);
	ntshim_resource_free_check(lo, hi, tag, caller);
}

static int owner_module_notify(struct notifier_block *nb, unsigned long action,
			       void *data)
{
	/* GOING comes after the module's exit (or failed init). */
	if (action == MODULE_STATE_GOING)
		ntshim_owner_going(data);
	return NOTIFY_DONE;
}

static struct notifier_block owner_module_nb = {
	.notifier_call = owner_module_notify,
};

int ntshim_owner_init(void)
{
	return register_module_notifier(&owner_module_nb);
}

void ntshim_owner_exit(void)
{
	unregister_module_notifier(&owner_module_nb);
	ntshim_owner_going(NULL);
	ntshim_mdl_exit();
}
