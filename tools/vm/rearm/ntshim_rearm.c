// SPDX-License-Identifier: GPL-2.0
/*
 * ntshim_rearm.ko: a driver that unloads with everything still running,
 * for make check (tools/vm/guest-lifecycle.sh).  Its init sets a periodic
 * KTIMER whose DPC sets the timer again and queues a second DPC that
 * queues itself again, queues a work item that queues itself again,
 * uses a lookaside list, initialises an ERESOURCE and allocates pool
 * blocks; its unload routine forgets all of it.  ntshim must stop the
 * deferred work first (in passes, until nothing re-arms), then delete the
 * lookaside list and unregister the resource, then report the pool
 * leaks, with no crash.  (Blocks still out of
 * a deleted lookaside list stay allocated for good, which kmemleak would
 * report after ntshim's own report, so none are left out; the leaked
 * pool blocks are tracked and told to kmemleak as reported.)
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/module.h>
#include <ntshim/ntddk.h>

#define REARM_TAG NTSHIM_TAG('R', 'a', 'r', 'm')
#define REARM_SELF_RUNS 3	/* the self-queueing DPC, per timer tick */

static KTIMER rearm_timer;
static KDPC rearm_timer_dpc, rearm_self_dpc;
static WORK_QUEUE_ITEM rearm_work;
static NPAGED_LOOKASIDE_LIST rearm_lookaside;
static ERESOURCE rearm_resource;
static atomic_t rearm_self_left, rearm_runs;

static KDEFERRED_ROUTINE rearm_self_routine;
static VOID rearm_self_routine(PKDPC Dpc, PVOID Context, PVOID Arg1,
			       PVOID Arg2)
{
	atomic_inc(&rearm_runs);
	if (atomic_dec_return(&rearm_self_left) > 0)
		KeInsertQueueDpc(Dpc, NULL, NULL);
}

static KDEFERRED_ROUTINE rearm_timer_routine;
static VOID rearm_timer_routine(PKDPC Dpc, PVOID Context, PVOID Arg1,
				PVOID Arg2)
{
	LARGE_INTEGER due = { .QuadPart = -20 * 1000 };	/* 2 ms */

	atomic_inc(&rearm_runs);
	/* periodic already, and set again on top: re-arms itself */
	KeSetTimerEx(&rearm_timer, due, 2, &rearm_timer_dpc);
	atomic_set(&rearm_self_left, REARM_SELF_RUNS);
	KeInsertQueueDpc(&rearm_self_dpc, NULL, NULL);
}

static VOID rearm_work_routine(PVOID Parameter)
{
	atomic_inc(&rearm_runs);
	msleep(20);
	ExQueueWorkItem(&rearm_work, DelayedWorkQueue);
}

static int __init rearm_init(void)
{
	LARGE_INTEGER due = { .QuadPart = -20 * 1000 };
	void *blocks[3];
	int i;

	KeInitializeTimer(&rearm_timer);
	KeInitializeDpc(&rearm_timer_dpc, rearm_timer_routine, NULL);
	KeInitializeDpc(&rearm_self_dpc, rearm_self_routine, NULL);
	ExInitializeWorkItem(&rearm_work, rearm_work_routine, NULL);
	ExInitializeNPagedLookasideList(&rearm_lookaside, NULL, NULL, 0, 128,
					REARM_TAG, 0);
	/* taken and given back: the list caches them */
	for (i = 0; i < 3; i++)
		blocks[i] = ExAllocateFromNPagedLookasideList(&rearm_lookaside);
	for (i = 0; i < 3; i++)
		if (blocks[i])
			ExFreeToNPagedLookasideList(&rearm_lookaside, blocks[i]);
	for (i = 0; i < 2; i++)
		if (!ExAllocatePoolWithTag(NonPagedPool, 64 << i, REARM_TAG))
			return -ENOMEM;
	/* a shared owner entry: its table must not leak at unload either */
	ExInitializeResourceLite(&rearm_resource);
	ExAcquireResourceSharedLite(&rearm_resource, TRUE);
	ExReleaseResourceLite(&rearm_resource);
	KeSetTimerEx(&rearm_timer, due, 2, &rearm_timer_dpc);
	ExQueueWorkItem(&rearm_work, DelayedWorkQueue);
	pr_info("armed: timer, DPCs, work item, lookaside, resource and pool blocks\n");
	return 0;
}

static void __exit rearm_exit(void)
{
	/* On purpose: nothing stopped, nothing freed. */
	pr_info("unloading after %d runs, with everything still armed\n",
		atomic_read(&rearm_runs));
}

module_init(rearm_init);
module_exit(rearm_exit);

MODULE_DESCRIPTION("ntshim test: unload with self-re-arming timer, DPC and work item");
MODULE_LICENSE("GPL");
