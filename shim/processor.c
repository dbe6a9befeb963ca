// SPDX-License-Identifier: GPL-2.0
/*
 * Thread affinity (see ntshim/processor.h): set_cpus_allowed_ptr() on the
 * current task, with one record per thread that has a system affinity:
 * the user affinity to restore and the system affinity now in force.
 * Records are few and short-lived, so one list under a spin lock does.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/cpumask.h>
#include <linux/list.h>
#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <ntshim/irql.h>
#include <ntshim/processor.h>
#include <ntshim/violation.h>

#include "internal.h"

struct affinity_rec {
	struct list_head node;
	struct task_struct *task;
	KAFFINITY system;	/* the system affinity in force */
	unsigned long user[];	/* the user affinity: a cpumask */
};

static LIST_HEAD(affinity_recs);
static DEFINE_SPINLOCK(affinity_lock);

static struct affinity_rec *rec_find(void)
{
	struct affinity_rec *r;

	list_for_each_entry(r, &affinity_recs, node)
		if (r->task == current)
			return r;
	return NULL;
}

static struct cpumask *rec_user(struct affinity_rec *r)
{
	return to_cpumask(r->user);
}

/* Microsoft's rule: only existing processors, at least one active. */
static bool affinity_valid(KAFFINITY a, struct cpumask *mask)
{
	unsigned int cpu;

	cpumask_clear(mask);
	for (cpu = 0; cpu < BITS_PER_LONG; cpu++) {
		if (!(a & (1UL << cpu)))
			continue;
		if (cpu >= nr_cpu_ids)
			return false;
		cpumask_set_cpu(cpu, mask);
	}
	return cpumask_intersects(mask, cpu_online_mask);
}

/* Moving the task waits for the move: only where the caller may sleep. */
static bool affinity_irql_ok(const char *what, unsigned long caller)
{
	if (likely(KeGetCurrentIrql() <= APC_LEVEL))
		return true;
	ntshim_sync_bad_irql(NULL, what, caller);
	return false;
}

KAFFINITY KeSetSystemAffinityThreadEx(KAFFINITY Affinity)
{
	struct affinity_rec *r, *fresh;
	cpumask_var_t mask;
	KAFFINITY prev = 0;

	if (!affinity_irql_ok(__func__, _RET_IP_))
		return 0;
	if (!alloc_cpumask_var(&mask, GFP_KERNEL))
		return 0;
	fresh = kzalloc(sizeof(*fresh) + cpumask_size(), GFP_KERNEL);

	spin_lock(&affinity_lock);
	r = rec_find();
	if (r)
		prev = r->system;
	spin_unlock(&affinity_lock);

	if (!affinity_valid(Affinity, mask) || (!r && !fresh))
		goto out;
	if (!r) {
		/* the first system affinity: remember the user affinity */
		fresh->task = current;
		cpumask_copy(rec_user(fresh), current->cpus_ptr);
	}
	if (set_cpus_allowed_ptr(current, mask))
		goto out;	/* a bound kthread: no effect */
	spin_lock(&affinity_lock);
	if (!r) {
		r = fresh;
		fresh = NULL;
		list_add(&r->node, &affinity_recs);
	}
	r->system = Affinity;
	spin_unlock(&affinity_lock);
out:
	kfree(fresh);
	free_cpumask_var(mask);
	return prev;
}
EXPORT_SYMBOL_GPL(KeSetSystemAffinityThreadEx);

void KeRevertToUserAffinityThreadEx(KAFFINITY Affinity)
{
	struct affinity_rec *r;
	cpumask_var_t mask;

	if (!affinity_irql_ok(__func__, _RET_IP_))
		return;
	spin_lock(&affinity_lock);
	r = rec_find();
	spin_unlock(&affinity_lock);
	if (!r)
		return;		/* no system affinity: no effect */

	if (Affinity) {
		if (!alloc_cpumask_var(&mask, GFP_KERNEL))
			return;
		if (affinity_valid(Affinity, mask) &&
		    !set_cpus_allowed_ptr(current, mask))
			WRITE_ONCE(r->system, Affinity);
		free_cpumask_var(mask);
		return;
	}
	/* back to the user affinity; the record goes */
	set_cpus_allowed_ptr(current, rec_user(r));
	spin_lock(&affinity_lock);
	list_del(&r->node);
	spin_unlock(&affinity_lock);
	kfree(r);
}
EXPORT_SYMBOL_GPL(KeRevertToUserAffinityThreadEx);

void KeSetSystemAffinityThread(KAFFINITY Affinity)
{
	KeSetSystemAffinityThreadEx(Affinity);
}
EXPORT_SYMBOL_GPL(KeSetSystemAffinityThread);

void KeRevertToUserAffinityThread(void)
{
	KeRevertToUserAffinityThreadEx(0);
}
EXPORT_SYMBOL_GPL(KeRevertToUserAffinityThread);

void KeSetSystemGroupAffinityThread(PGROUP_AFFINITY Affinity,
				    PGROUP_AFFINITY PreviousAffinity)
{
	KAFFINITY prev;

	if (Affinity->Group != 0) {
		if (PreviousAffinity)
			memset(PreviousAffinity, 0, sizeof(*PreviousAffinity));
		return;
	}
	prev = KeSetSystemAffinityThreadEx(Affinity->Mask);
	if (PreviousAffinity) {
		memset(PreviousAffinity, 0, sizeof(*PreviousAffinity));
		PreviousAffinity->Mask = prev;
	}
}
EXPORT_SYMBOL_GPL(KeSetSystemGroupAffinityThread);

void KeRevertToUserGroupAffinityThread(PGROUP_AFFINITY PreviousAffinity)
{
	KeRevertToUserAffinityThreadEx(PreviousAffinity->Group ? 0 :
				       PreviousAffinity->Mask);
}
EXPORT_SYMBOL_GPL(KeRevertToUserGroupAffinityThread);

void ntshim_affinity_exit(void)
{
	struct affinity_rec *r, *next;

	list_for_each_entry_safe(r, next, &affinity_recs, node) {
		pr_warn("a thread (%p) left a system affinity set (no KeRevertToUserAffinityThread)\n",
			r->task);
		list_del(&r->node);
		kfree(r);
	}
}
