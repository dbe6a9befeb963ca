// SPDX-License-Identifier: GPL-2.0
/*
 * IO_WORKITEM and WORK_QUEUE_ITEM on workqueues (see <ntshim/workitem.h>).
 *
 * Every queued item is on ntshim_work_queued under ntshim_work_lock, so
 * the unload guard can find the items of a module that goes away.  An
 * item's NTSHIM_WORK_QUEUED bit, list link and pending state change
 * together under that lock.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/sched/task_stack.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/workqueue.h>
#include <ntshim/ntddk.h>

#include "deferred_stats.h"
#include "internal.h"

/* struct ntshim_work.flags */
#define NTSHIM_WORK_QUEUED 0
#define NTSHIM_WORK_FREE_PENDING 1

/* struct ntshim_work.kind */
enum { NTSHIM_WORK_IO, NTSHIM_WORK_EX };

static struct workqueue_struct *ntshim_work_wq;
static struct workqueue_struct *ntshim_work_hi_wq;
static DEFINE_SPINLOCK(ntshim_work_lock);
static LIST_HEAD(ntshim_work_queued);

/* The memory that holds @w, for the unload guard and the free check. */
static const void *work_owner_object(struct ntshim_work *w)
{
	if (w->kind == NTSHIM_WORK_IO)
		return container_of(w, IO_WORKITEM, Work);
	return container_of(w, WORK_QUEUE_ITEM, Work);
}

/* Lock held: @w leaves ntshim_work_queued (its flags are the caller's). */
static void work_unlist_locked(struct ntshim_work *w)
{
	list_del_init(&w->entry);
	ntshim_live_unlink(work_owner_object(w));
}

static void ntshim_work_run_fn(struct work_struct *work)
{
	struct ntshim_work *w = container_of(work, struct ntshim_work, work);
	unsigned long flags;
	bool free_after;

	spin_lock_irqsave(&ntshim_work_lock, flags);
	work_unlist_locked(w);
	clear_bit(NTSHIM_WORK_QUEUED, &w->flags);
	free_after = test_bit(NTSHIM_WORK_FREE_PENDING, &w->flags);
	spin_unlock_irqrestore(&ntshim_work_lock, flags);

	ntshim_deferred_inc(WORK_RUN);
	if (w->kind == NTSHIM_WORK_IO) {
		PIO_WORKITEM item = container_of(w, IO_WORKITEM, Work);

		if (item->RoutineEx)
			item->RoutineEx(item->IoObject, item->Context, item);
		else
			item->Routine(item->IoObject, item->Context);
		/* The routine may have freed the item: only a deferred free may touch it. */
		if (free_after) {
			item->Magic = 0;
			kfree(item);
		}
	} else {
		PWORK_QUEUE_ITEM item = container_of(w, WORK_QUEUE_ITEM, Work);

		item->WorkerRoutine(item->Parameter);
	}
}

static void work_init(struct ntshim_work *w, u8 kind)
{
	/* debugobjects wants on-stack work items said to be on the stack. */
	if (object_is_on_stack(w))
		INIT_WORK_ONSTACK(&w->work, ntshim_work_run_fn);
	else
		INIT_WORK(&w->work, ntshim_work_run_fn);
	INIT_LIST_HEAD(&w->entry);
	w->flags = 0;
	w->queued_by = 0;
	w->routine = NULL;
	w->kind = kind;
}

/* Queue @w unless it is already queued; false (and a report) if it is. */
static bool work_queue(struct ntshim_work *w, void *routine,
		       WORK_QUEUE_TYPE type, const void *obj, unsigned long caller)
{
	struct workqueue_struct *wq = ntshim_work_wq;
	unsigned long flags;

	if (type == CriticalWorkQueue || type == HyperCriticalWorkQueue)
		wq = ntshim_work_hi_wq;
	spin_lock_irqsave(&ntshim_work_lock, flags);
	/*
	 * Checked with interrupts off (an RCU read section): the owner's
	 * synchronize_rcu() waits for a queueing that passed the check.
	 */
	if (ntshim_rearm_refused(obj, routine)) {
		spin_unlock_irqrestore(&ntshim_work_lock, flags);
		ntshim_violation(NTSHIM_V_WORKITEM_MISUSE, 0, obj, caller,
				 "work item %ps queued while its module unloads: refused",
				 routine);
		return false;
	}
	if (test_bit(NTSHIM_WORK_QUEUED, &w->flags) ||
	    test_bit(NTSHIM_WORK_FREE_PENDING, &w->flags)) {
		spin_unlock_irqrestore(&ntshim_work_lock, flags);
		ntshim_violation(NTSHIM_V_WORKITEM_MISUSE, 0, obj, caller,
				 "work item queued while still queued (%ps): ignored",
				 w->routine);
		return false;
	}
	__set_bit(NTSHIM_WORK_QUEUED, &w->flags);
	w->queued_by = caller;
	w->routine = routine;
	list_add_tail(&w->entry, &ntshim_work_queued);
	ntshim_live_link(work_owner_object(w));
	queue_work(wq, &w->work);
	spin_unlock_irqrestore(&ntshim_work_lock, flags);
	return true;
}

/* Lock held: take a pending item off the queue; false if not pending. */
static bool work_dequeue_locked(struct ntshim_work *w)
{
	if (!test_bit(NTSHIM_WORK_QUEUED, &w->flags))
		return false;
	if (!cancel_work(&w->work))
		return false;	/* its run function is starting */
	work_unlist_locked(w);
	__clear_bit(NTSHIM_WORK_QUEUED, &w->flags);
	return true;
}

static bool io_item_valid(PIO_WORKITEM item, unsigned long caller,
			  const char *what)
{
	if (!item || item->Magic != NTSHIM_WORKITEM_MAGIC) {
		ntshim_violation(NTSHIM_V_WORKITEM_MISUSE, 0, item, caller,
				 "%s on %s", what,
				 item ? "an item that is not initialised (or freed)" :
					"a NULL item");
		return false;
	}
	return true;
}

static void io_item_init(PIO_WORKITEM item, PVOID IoObject, bool allocated)
{
	item->Allocated = allocated;
	item->IoObject = IoObject;
	item->Routine = NULL;
	item->RoutineEx = NULL;
	item->Context = NULL;
	work_init(&item->Work, NTSHIM_WORK_IO);
	item->Magic = NTSHIM_WORKITEM_MAGIC;
}

PIO_WORKITEM IoAllocateWorkItem(PDEVICE_OBJECT DeviceObject)
{
	PIO_WORKITEM item = kmalloc(sizeof(*item), GFP_ATOMIC);

	if (item)
		io_item_init(item, DeviceObject, true);
	return item;
}
EXPORT_SYMBOL_GPL(IoAllocateWorkItem);

void IoFreeWorkItem(PIO_WORKITEM IoWorkItem)
{
	unsigned long flags;
	bool queued;

	if (!io_item_valid(IoWorkItem, _RET_IP_, "IoFreeWorkItem"))
		return;
	if (!IoWorkItem->Allocated) {
		ntshim_violation(NTSHIM_V_WORKITEM_MISUSE, 0, IoWorkItem, _RET_IP_,
				 "%s on an IoInitializeWorkItem() item: ignored",
				 __func__);
		return;
	}
	spin_lock_irqsave(&ntshim_work_lock, flags);
	queued = test_bit(NTSHIM_WORK_QUEUED, &IoWorkItem->Work.flags);
	if (queued)
		__set_bit(NTSHIM_WORK_FREE_PENDING, &IoWorkItem->Work.flags);
	spin_unlock_irqrestore(&ntshim_work_lock, flags);

	if (queued) {
		ntshim_violation(NTSHIM_V_WORKITEM_MISUSE, 0, IoWorkItem, _RET_IP_,
				 "%s on a queued item (%ps): freed after it runs",
				 __func__, IoWorkItem->Work.routine);
		return;
	}
	IoWorkItem->Magic = 0;
	kfree(IoWorkItem);
}
EXPORT_SYMBOL_GPL(IoFreeWorkItem);

ULONG IoSizeofWorkItem(void)
{
	return sizeof(IO_WORKITEM);
}
EXPORT_SYMBOL_GPL(IoSizeofWorkItem);

void IoInitializeWorkItem(PVOID IoObject, PIO_WORKITEM IoWorkItem)
{
	if (!IoWorkItem) {
		ntshim_violation(NTSHIM_V_WORKITEM_MISUSE, 0, NULL, _RET_IP_,
				 "%s on a NULL item", __func__);
		return;
	}
	io_item_init(IoWorkItem, IoObject, false);
}
EXPORT_SYMBOL_GPL(IoInitializeWorkItem);

void IoUninitializeWorkItem(PIO_WORKITEM IoWorkItem)
{
	bool passive = preemptible();	/* before the lock makes it false */
	unsigned long flags;
	bool queued;

	if (!io_item_valid(IoWorkItem, _RET_IP_, "IoUninitializeWorkItem"))
		return;
	spin_lock_irqsave(&ntshim_work_lock, flags);
	queued = test_bit(NTSHIM_WORK_QUEUED, &IoWorkItem->Work.flags);
	if (queued && !passive)
		work_dequeue_locked(&IoWorkItem->Work);
	spin_unlock_irqrestore(&ntshim_work_lock, flags);

	if (queued)
		ntshim_violation(NTSHIM_V_WORKITEM_MISUSE, 0, IoWorkItem, _RET_IP_,
				 "%s on a queued item (%ps): %s",
				 __func__, IoWorkItem->Work.routine,
				 passive ? "waited for it" : "cancelled it");
	/* A running routine is waited for too, unless it is the caller. */
	if (passive && current_work() != &IoWorkItem->Work.work)
		flush_work(&IoWorkItem->Work.work);
	IoWorkItem->Magic = 0;
}
EXPORT_SYMBOL_GPL(IoUninitializeWorkItem);

/* IoQueueWorkItem(Ex): exactly one of @routine and @routine_ex is set. */
static void io_queue_item(PIO_WORKITEM IoWorkItem,
			  PIO_WORKITEM_ROUTINE routine,
			  PIO_WORKITEM_ROUTINE_EX routine_ex,
			  WORK_QUEUE_TYPE QueueType, PVOID Context,
			  const char *what, unsigned long caller)
{
	void *either = routine ? (void *)routine : (void *)routine_ex;
	unsigned long flags;

	if (!io_item_valid(IoWorkItem, caller, what))
		return;
	if (!either) {
		ntshim_violation(NTSHIM_V_WORKITEM_MISUSE, 0, IoWorkItem, caller,
				 "%s with a NULL routine", what);
		return;
	}
	/* Set the routine under the lock only if the item is not queued. */
	spin_lock_irqsave(&ntshim_work_lock, flags);
	if (!test_bit(NTSHIM_WORK_QUEUED, &IoWorkItem->Work.flags)) {
		IoWorkItem->Routine = routine;
		IoWorkItem->RoutineEx = routine_ex;
		IoWorkItem->Context = Context;
	}
	spin_unlock_irqrestore(&ntshim_work_lock, flags);
	work_queue(&IoWorkItem->Work, either, QueueType, IoWorkItem, caller);
}

void IoQueueWorkItem(PIO_WORKITEM IoWorkItem,
		     PIO_WORKITEM_ROUTINE WorkerRoutine,
		     WORK_QUEUE_TYPE QueueType, PVOID Context)
{
	io_queue_item(IoWorkItem, WorkerRoutine, NULL, QueueType, Context,
		      "IoQueueWorkItem", _RET_IP_);
}
EXPORT_SYMBOL_GPL(IoQueueWorkItem);

void IoQueueWorkItemEx(PIO_WORKITEM IoWorkItem,
		       PIO_WORKITEM_ROUTINE_EX WorkerRoutine,
		       WORK_QUEUE_TYPE QueueType, PVOID Context)
{
	io_queue_item(IoWorkItem, NULL, WorkerRoutine, QueueType, Context,
		      "IoQueueWorkItemEx", _RET_IP_);
}
EXPORT_SYMBOL_GPL(IoQueueWorkItemEx);

void ntshim_init_work_queue_item(PWORK_QUEUE_ITEM Item)
{
	work_init(&Item->Work, NTSHIM_WORK_EX);
}
EXPORT_SYMBOL_GPL(ntshim_init_work_queue_item);

void ExQueueWorkItem(PWORK_QUEUE_ITEM WorkItem, WORK_QUEUE_TYPE QueueType)
{
	if (!WorkItem || !WorkItem->WorkerRoutine ||
	    WorkItem->Work.work.func != ntshim_work_run_fn) {
		ntshim_violation(NTSHIM_V_WORKITEM_MISUSE, 0, WorkItem, _RET_IP_,
				 "%s on an item ExInitializeWorkItem() never set up",
				 __func__);
		return;
	}
	work_queue(&WorkItem->Work, WorkItem->WorkerRoutine, QueueType,
		   WorkItem, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExQueueWorkItem);

unsigned int ntshim_workitem_free_check(unsigned long lo, unsigned long hi,
					ULONG tag, unsigned long caller)
{
	struct ntshim_work *w, *next;
	unsigned long flags;
	unsigned int n = 0;

	if (list_empty(&ntshim_work_queued))
		return 0;
	spin_lock_irqsave(&ntshim_work_lock, flags);
	list_for_each_entry_safe(w, next, &ntshim_work_queued, entry) {
		const void *obj = work_owner_object(w);

		if ((unsigned long)obj < lo || (unsigned long)obj >= hi)
			continue;
		/* IoFreeWorkItem()'s deferred free owns those items */
		if (test_bit(NTSHIM_WORK_FREE_PENDING, &w->flags))
			continue;
		if (!work_dequeue_locked(w))
			continue;
		n++;
		ntshim_deferred_inc(WORK_CANCELLED);
		ntshim_violation(NTSHIM_V_POOL_FREE_LIVE_OBJECT, tag, obj, caller,
				 "freed pool holds a queued work item (%ps, queued by %pS): cancelled",
				 w->routine, (void *)w->queued_by);
	}
	spin_unlock_irqrestore(&ntshim_work_lock, flags);
	return n;
}

/*
 * Cancel and report queued items that @mod owns (all when NULL), then
 * wait for the running ones.  Returns how many it cancelled.
 */
unsigned int ntshim_workitem_cancel(const struct module *mod, const char *why)
{
	struct ntshim_work *w, *next;
	LIST_HEAD(freed);
	unsigned long flags;
	unsigned int n = 0;

	spin_lock_irqsave(&ntshim_work_lock, flags);
	list_for_each_entry_safe(w, next, &ntshim_work_queued, entry) {
		const void *obj = work_owner_object(w);

		if (!ntshim_owns(mod, NULL, obj, w->routine))
			continue;
		if (!work_dequeue_locked(w))
			continue;
		n++;
		ntshim_deferred_inc(WORK_CANCELLED);
		ntshim_violation(NTSHIM_V_WORKITEM_MISUSE, 0, obj, w->queued_by,
				 "work item %ps still queued at %s: cancelled",
				 w->routine, why);
		if (test_bit(NTSHIM_WORK_FREE_PENDING, &w->flags))
			list_add(&w->entry, &freed);
	}
	spin_unlock_irqrestore(&ntshim_work_lock, flags);

	list_for_each_entry_safe(w, next, &freed, entry)
		kfree(container_of(w, IO_WORKITEM, Work));
	flush_workqueue(ntshim_work_hi_wq);
	flush_workqueue(ntshim_work_wq);
	return n;
}

int ntshim_workitem_init(void)
{
	ntshim_work_wq = alloc_workqueue("ntshim_work", 0, 0);
	if (!ntshim_work_wq)
		return -ENOMEM;
	ntshim_work_hi_wq = alloc_workqueue("ntshim_work_hi", WQ_HIGHPRI, 0);
	if (!ntshim_work_hi_wq) {
		destroy_workqueue(ntshim_work_wq);
		return -ENOMEM;
	}
	return 0;
}

void ntshim_workitem_exit(void)
{
	destroy_workqueue(ntshim_work_hi_wq);
	destroy_workqueue(ntshim_work_wq);
}
