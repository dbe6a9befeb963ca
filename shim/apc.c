// SPDX-License-Identifier: GPL-2.0
/*
 * Critical and guarded region depths per thread (see ntshim/apc.h).  Only
 * the thread itself changes its own slot's depths; claiming and freeing a
 * slot is a cmpxchg/store of the task pointer.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/module.h>
#include <linux/pid.h>
#include <linux/sched.h>
#include <ntshim/apc.h>
#include <ntshim/violation.h>

struct region_slot {
	struct task_struct *task;
	u32 depth[2];	/* [0] critical, [1] guarded */
};

static struct region_slot region_slots[NTSHIM_REGION_THREADS];
atomic_t ntshim_region_threads = ATOMIC_INIT(0);
EXPORT_SYMBOL_GPL(ntshim_region_threads);
/* enters the full table could not record; their leaves are not misuse */
static atomic_t region_unrecorded = ATOMIC_INIT(0);

static struct region_slot *region_find(void)
{
	int i;

	if (!atomic_read(&ntshim_region_threads))
		return NULL;
	for (i = 0; i < NTSHIM_REGION_THREADS; i++)
		if (READ_ONCE(region_slots[i].task) == current)
			return &region_slots[i];
	return NULL;
}

void ntshim_region_enter(bool guarded)
{
	struct region_slot *s = region_find();
	int i;

	if (s) {
		s->depth[guarded]++;
		return;
	}
	atomic_inc(&ntshim_region_threads);
	for (i = 0; i < NTSHIM_REGION_THREADS; i++) {
		s = &region_slots[i];
		if (!READ_ONCE(s->task) && !cmpxchg(&s->task, NULL, current)) {
			s->depth[0] = 0;
			s->depth[1] = 0;
			s->depth[guarded] = 1;
			return;
		}
	}
	atomic_dec(&ntshim_region_threads);
	atomic_inc(&region_unrecorded);
	pr_warn_ratelimited("more than %d threads in critical or guarded regions: %s/%d is not recorded\n",
			    NTSHIM_REGION_THREADS, current->comm,
			    task_pid_nr(current));
}
EXPORT_SYMBOL_GPL(ntshim_region_enter);

void ntshim_region_leave(bool guarded, unsigned long caller)
{
	struct region_slot *s = region_find();

	if (!s || !s->depth[guarded]) {
		if (!s && atomic_dec_if_positive(&region_unrecorded) >= 0)
			return;
		ntshim_violation(NTSHIM_V_APC_REGION, 0, NULL, caller,
				 "KeLeave%sRegion by %s/%d, which is not in one, ignored",
				 guarded ? "Guarded" : "Critical", current->comm,
				 task_pid_nr(current));
		return;
	}
	if (--s->depth[guarded] || s->depth[!guarded])
		return;
	/* the slot's last use by this thread: release it */
	smp_store_release(&s->task, NULL);
	atomic_dec(&ntshim_region_threads);
}
EXPORT_SYMBOL_GPL(ntshim_region_leave);

ULONG ntshim_region_depth(bool guarded)
{
	struct region_slot *s = region_find();

	return s ? s->depth[guarded] : 0;
}
EXPORT_SYMBOL_GPL(ntshim_region_depth);
