/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Work items: IO_WORKITEM (IoAllocateWorkItem() and friends) and the older
 * WORK_QUEUE_ITEM (ExQueueWorkItem()), on ntshim's own workqueues.
 *
 * The routine runs in a kworker at PASSIVE_LEVEL and may sleep.
 * CriticalWorkQueue and HyperCriticalWorkQueue items go to a WQ_HIGHPRI
 * workqueue ("ntshim_work_hi"), every other type to "ntshim_work".
 *
 * Windows keeps the driver loaded while its work items are queued (the
 * I/O manager references the device object).  ntshim cannot refuse an
 * rmmod, so instead: an item still queued when the module owning its
 * routine unloads is cancelled, one already running is waited for, and
 * both are reported (WORKITEM_MISUSE); ntshim's exit does the same for all
 * items.  Queueing an item that is already queued is reported and ignored.
 * IoFreeWorkItem() on a queued item is reported and deferred: the item
 * runs, then ntshim frees it.  IoUninitializeWorkItem() on a queued item
 * is reported and waits for it (PASSIVE_LEVEL) or cancels it (above).
 * IoUninitializeWorkItem() at PASSIVE_LEVEL also waits for a routine that
 * is running, so the caller may free the memory afterwards.
 *
 * DEVICE_OBJECT here is a minimal stand-in: work items only store the
 * pointer and hand it back to the routine.
 */
#ifndef _NTSHIM_WORKITEM_H
#define _NTSHIM_WORKITEM_H

#include <linux/list.h>
#include <linux/workqueue.h>
#include <ntshim/types.h>
#include <ntshim/list.h>
#include <ntshim/objects.h>

#ifndef NTSHIM_HAVE_DEVICE_OBJECT
#define NTSHIM_HAVE_DEVICE_OBJECT
struct _DRIVER_OBJECT;

/**
 * struct _DEVICE_OBJECT - minimal stand-in for the I/O manager's device
 * @Type:            IO_TYPE_DEVICE (3) by convention; not checked
 * @Size:            sizeof(DEVICE_OBJECT); not checked
 * @DriverObject:    the owning driver, or NULL
 * @DeviceExtension: driver-defined data
 *
 * Only what work items need; an I/O manager area may replace it (it must
 * then define NTSHIM_HAVE_DEVICE_OBJECT).
 */
typedef struct _DEVICE_OBJECT {
	CSHORT Type;
	USHORT Size;
	struct _DRIVER_OBJECT *DriverObject;
	PVOID DeviceExtension;
} DEVICE_OBJECT, *PDEVICE_OBJECT;
#endif

/**
 * enum _WORK_QUEUE_TYPE - which system worker queue runs an item
 * @CriticalWorkQueue:      time-critical (high-priority workqueue)
 * @DelayedWorkQueue:       ordinary work
 * @HyperCriticalWorkQueue: reserved on Windows; high priority here
 * @NormalWorkQueue:        ordinary work
 * @BackgroundWorkQueue:    ordinary work
 * @RealTimeWorkQueue:      ordinary work
 * @SuperCriticalWorkQueue: ordinary work
 * @MaximumWorkQueue:       bound, not a queue
 */
typedef enum _WORK_QUEUE_TYPE {
	CriticalWorkQueue,
	DelayedWorkQueue,
	HyperCriticalWorkQueue,
	NormalWorkQueue,
	BackgroundWorkQueue,
	RealTimeWorkQueue,
	SuperCriticalWorkQueue,
	MaximumWorkQueue
} WORK_QUEUE_TYPE;

/**
 * struct ntshim_work - ntshim's private part of every work item
 * @work:      the Linux work item
 * @entry:     link in ntshim's list of queued items
 * @flags:     NTSHIM_WORK_* bits
 * @queued_by: code address that queued it
 * @routine:   the driver routine (for the unload guard)
 * @kind:      which kind of work item embeds it
 */
struct ntshim_work {
	struct work_struct work;
	struct list_head entry;
	unsigned long flags;
	unsigned long queued_by;
	void *routine;
	u8 kind;
};

struct _IO_WORKITEM;

/**
 * typedef IO_WORKITEM_ROUTINE - an IoQueueWorkItem() routine
 * @DeviceObject: the device object the item was allocated for
 * @Context:      the context given to IoQueueWorkItem()
 *
 * Called at PASSIVE_LEVEL; may sleep.
 */
typedef VOID IO_WORKITEM_ROUTINE(PDEVICE_OBJECT DeviceObject, PVOID Context);
typedef void (*PIO_WORKITEM_ROUTINE)(PDEVICE_OBJECT DeviceObject, PVOID Context);

/**
 * typedef IO_WORKITEM_ROUTINE_EX - an IoQueueWorkItemEx() routine
 * @IoObject:   the device or driver object of the item
 * @Context:    the context given to IoQueueWorkItemEx()
 * @IoWorkItem: the item (the routine may free it)
 *
 * Called at PASSIVE_LEVEL; may sleep.
 */
typedef VOID IO_WORKITEM_ROUTINE_EX(PVOID IoObject, PVOID Context,
				    struct _IO_WORKITEM *IoWorkItem);
typedef void (*PIO_WORKITEM_ROUTINE_EX)(PVOID IoObject, PVOID Context,
					struct _IO_WORKITEM *IoWorkItem);

/**
 * struct _IO_WORKITEM - an I/O work item (opaque to drivers)
 * @Magic:     private: NTSHIM_WORKITEM_MAGIC while initialised
 * @Allocated: private: TRUE if IoAllocateWorkItem() made it
 * @IoObject:  private: the device (or driver) object
 * @Routine:   private: the IoQueueWorkItem() routine, or NULL
 * @RoutineEx: private: the IoQueueWorkItemEx() routine, or NULL
 * @Context:   private: the routine's context
 * @Work:      private: ntshim's work state
 */
typedef struct _IO_WORKITEM {
	u32 Magic;
	BOOLEAN Allocated;
	PVOID IoObject;
	PIO_WORKITEM_ROUTINE Routine;
	PIO_WORKITEM_ROUTINE_EX RoutineEx;
	PVOID Context;
	struct ntshim_work Work;
} IO_WORKITEM, *PIO_WORKITEM;

#define NTSHIM_WORKITEM_MAGIC 0x6b57494fU	/* "OIWk" */

/**
 * IoAllocateWorkItem() - allocate a work item for a device
 * @DeviceObject: the device object (stored and passed to the routine)
 *
 * IRQL <= DISPATCH_LEVEL (GFP_ATOMIC).
 *
 * Return: the item, or NULL if memory ran out.
 */
PIO_WORKITEM IoAllocateWorkItem(PDEVICE_OBJECT DeviceObject);

/**
 * IoFreeWorkItem() - free a work item from IoAllocateWorkItem()
 * @IoWorkItem: the item
 *
 * May be called from the item's own routine.  Freeing a queued item is
 * reported and deferred until it has run.  IRQL <= DISPATCH_LEVEL.
 */
void IoFreeWorkItem(PIO_WORKITEM IoWorkItem);

/**
 * IoSizeofWorkItem() - the size of an IO_WORKITEM
 *
 * For drivers that embed the item in their own memory and use
 * IoInitializeWorkItem().
 *
 * Return: sizeof(IO_WORKITEM).
 */
ULONG IoSizeofWorkItem(void);

/**
 * IoInitializeWorkItem() - initialise a work item in caller memory
 * @IoObject:   the device or driver object
 * @IoWorkItem: IoSizeofWorkItem() bytes of resident memory
 */
void IoInitializeWorkItem(PVOID IoObject, PIO_WORKITEM IoWorkItem);

/**
 * IoUninitializeWorkItem() - tear down an IoInitializeWorkItem() item
 * @IoWorkItem: the item
 *
 * At PASSIVE_LEVEL it waits until the item's routine has run if the item
 * is queued or running (unless called from that routine).  A queued item
 * is reported (WORKITEM_MISUSE); above PASSIVE_LEVEL it is cancelled.
 */
void IoUninitializeWorkItem(PIO_WORKITEM IoWorkItem);

/**
 * IoQueueWorkItem() - run a routine at PASSIVE_LEVEL in a system worker
 * @IoWorkItem: an allocated or initialised item, not queued
 * @WorkerRoutine: the routine
 * @QueueType:  the WORK_QUEUE_TYPE
 * @Context:    the routine's context
 *
 * Queueing an item that is already queued is reported and ignored.
 * IRQL <= DISPATCH_LEVEL.
 */
void IoQueueWorkItem(PIO_WORKITEM IoWorkItem,
		     PIO_WORKITEM_ROUTINE WorkerRoutine,
		     WORK_QUEUE_TYPE QueueType, PVOID Context);

/**
 * IoQueueWorkItemEx() - IoQueueWorkItem() with the item passed to the routine
 * @IoWorkItem: an allocated or initialised item, not queued
 * @WorkerRoutine: the routine
 * @QueueType:  the WORK_QUEUE_TYPE
 * @Context:    the routine's context
 */
void IoQueueWorkItemEx(PIO_WORKITEM IoWorkItem,
		       PIO_WORKITEM_ROUTINE_EX WorkerRoutine,
		       WORK_QUEUE_TYPE QueueType, PVOID Context);

/**
 * typedef WORKER_THREAD_ROUTINE - an ExQueueWorkItem() routine
 * @Parameter: the item's Parameter
 *
 * Called at PASSIVE_LEVEL; may sleep.
 */
typedef VOID WORKER_THREAD_ROUTINE(PVOID Parameter);
typedef void (*PWORKER_THREAD_ROUTINE)(PVOID Parameter);

/**
 * struct _WORK_QUEUE_ITEM - an executive work item
 * @List:          Windows' link; ntshim leaves it NULL
 * @WorkerRoutine: the routine
 * @Parameter:     its argument
 * @Work:          private: ntshim's work state
 */
typedef struct _WORK_QUEUE_ITEM {
	LIST_ENTRY List;
	PWORKER_THREAD_ROUTINE WorkerRoutine;
	PVOID Parameter;
	struct ntshim_work Work;
} WORK_QUEUE_ITEM, *PWORK_QUEUE_ITEM;

/**
 * ntshim_init_work_queue_item() - ntshim's part of ExInitializeWorkItem()
 * @Item: the item
 */
void ntshim_init_work_queue_item(PWORK_QUEUE_ITEM Item);

/**
 * ExInitializeWorkItem() - initialise an executive work item
 * @Item:    the WORK_QUEUE_ITEM (resident memory)
 * @Routine: the routine
 * @Context: its argument
 */
#define ExInitializeWorkItem(Item, Routine, Context)                    \
	do {                                                            \
		PWORK_QUEUE_ITEM __ntshim_wqi = (Item);                 \
		__ntshim_wqi->WorkerRoutine = (Routine);                \
		__ntshim_wqi->Parameter = (Context);                    \
		__ntshim_wqi->List.Flink = NULL;                        \
		ntshim_init_work_queue_item(__ntshim_wqi);              \
	} while (0)

/**
 * ExQueueWorkItem() - queue an executive work item
 * @WorkItem:  an ExInitializeWorkItem() item, not queued
 * @QueueType: the WORK_QUEUE_TYPE
 *
 * Obsolete on Windows (use IoQueueWorkItem()), supported for old drivers.
 * Queueing an item that is already queued is reported and ignored.
 */
void ExQueueWorkItem(PWORK_QUEUE_ITEM WorkItem, WORK_QUEUE_TYPE QueueType);

#endif /* _NTSHIM_WORKITEM_H */
