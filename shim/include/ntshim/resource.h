/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ERESOURCE: a reader/writer lock with Windows' recursion rules, on
 * rw_semaphore.
 *
 * What Windows allows and a bare rw_semaphore does not:
 *   - the exclusive owner acquires again, exclusive or shared: ntshim
 *     remembers the owner and counts the depth instead of taking the
 *     rwsem again (which would deadlock);
 *   - a shared owner acquires shared again even while a writer waits: a
 *     second down_read() would queue behind that writer and deadlock, and
 *     lockdep would call it recursive locking.  ntshim keeps each shared
 *     owner's depth in an xarray keyed by the thread's pid and takes the
 *     rwsem only on the first acquisition.
 * So the rwsem is held once per owning thread, and lockdep sees exactly
 * the first acquisition and the last release of each thread.
 *
 * What ntshim does not give:
 *   - a shared owner asking for exclusive access deadlocks on Windows;
 *     ntshim reports SYNC_SELF_DEADLOCK and returns FALSE;
 *   - ExSetResourceOwnerPointer() hands over shared holds only: the
 *     owner pointer's ExReleaseResourceForThreadLite() may then come from
 *     any thread (up_read_non_owner(); lockdep stops tracking the hold
 *     at the handover).  An exclusive hold cannot change task on Linux
 *     (the rwsem's write side is released by its owner, which
 *     DEBUG_RWSEMS checks): its handover is reported (SYNC_BAD_ARGUMENT)
 *     and the acquiring thread keeps it;
 *   - starvation control: rwsem queues new readers behind a waiting
 *     writer, so ExAcquireSharedStarveExclusive() behaves as
 *     ExAcquireSharedWaitForExclusive() except for recursive acquisitions.
 *   - the first shared acquisition by a thread may allocate an xarray
 *     node (GFP_KERNEL); if that fails, the call returns FALSE.  Entries
 *     are kept until ExDeleteResourceLite(), so later acquisitions by the
 *     same thread allocate nothing;
 *   - EX_PUSH_LOCK is in <ntshim/pushlock.h>.
 *
 * IRQL: acquisitions need IRQL <= APC_LEVEL (reported as SYNC_BAD_IRQL and
 * refused above it); releases are allowed up to DISPATCH_LEVEL.  The
 * Windows rule to hold a critical region around a resource is recorded,
 * not enforced (see <ntshim/apc.h>).
 */
#ifndef _NTSHIM_RESOURCE_H
#define _NTSHIM_RESOURCE_H

#include <linux/atomic.h>
#include <linux/lockdep.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/xarray.h>
#include <ntshim/types.h>
#include <ntshim/status.h>
#include <ntshim/irql.h>
#include <ntshim/mutex.h>

/**
 * struct _ERESOURCE - an executive resource
 * @Lock:           the rw_semaphore, held once per owning thread
 * @ExclusiveOwner: the task holding it exclusive, or NULL
 * @ExclusiveCount: the exclusive owner's depth (its shared re-acquisitions
 *                  count here too)
 * @SharedOwners:   pid -> depth of every shared owner; owner pointers
 *                  (ExSetResourceOwnerPointer()) -> depth of the shared
 *                  holds handed to them
 * @NumberOfSharedWaiters:    threads sleeping for shared access (wdm.h's
 *                            name; live, changed atomically)
 * @NumberOfExclusiveWaiters: threads sleeping for exclusive access (live)
 *
 * wdm.h's other ERESOURCE fields (OwnerTable, ActiveCount, Flag, ...)
 * describe Windows' own implementation and are not provided; use
 * ExIsResourceAcquired*Lite() and ExGet*WaiterCount().
 */
typedef struct _ERESOURCE {
	struct rw_semaphore Lock;
	struct task_struct *ExclusiveOwner;
	ULONG ExclusiveCount;
	struct xarray SharedOwners;
	ULONG NumberOfSharedWaiters;
	ULONG NumberOfExclusiveWaiters;
} ERESOURCE, *PERESOURCE;

/* Identifies a thread to the ERESOURCE calls. */
typedef ULONG_PTR ERESOURCE_THREAD, *PERESOURCE_THREAD;

/**
 * ExGetCurrentResourceThread() - the calling thread as an ERESOURCE_THREAD
 */
#define ExGetCurrentResourceThread() ((ERESOURCE_THREAD)get_current())

/**
 * ntshim_resource_init() - ExInitializeResourceLite()'s body
 * @Resource: the resource
 * @name:     lockdep name
 * @key:      lockdep class of the init site
 *
 * Return: STATUS_SUCCESS.
 */
NTSTATUS ntshim_resource_init(PERESOURCE Resource, const char *name,
			      struct lock_class_key *key);

/**
 * ExInitializeResourceLite() - initialise a resource, free
 * @Resource: PERESOURCE (resident memory)
 *
 * A macro so that each init site is its own lockdep class.
 *
 * Return: STATUS_SUCCESS.
 */
#define ExInitializeResourceLite(Resource)                                    \
	({                                                                    \
		static struct lock_class_key __ntshim_key;                   \
		ntshim_resource_init((Resource), #Resource, &__ntshim_key);   \
	})

/**
 * ExDeleteResourceLite() - retire a resource before its memory is freed
 * @Resource: the resource, held by nobody
 *
 * Deleting a resource that is still held is reported (SYNC_DELETE_HELD)
 * and refused: the resource stays usable, the owners can release it and
 * the caller can delete it again.
 *
 * Return: STATUS_SUCCESS, or STATUS_UNSUCCESSFUL if still held.
 */
NTSTATUS ExDeleteResourceLite(PERESOURCE Resource);

/**
 * ExAcquireResourceExclusiveLite() - acquire a resource for writing
 * @Resource: the resource
 * @Wait:     TRUE to sleep until it is available, FALSE to try once
 *
 * The exclusive owner may acquire again (recursively).  A shared owner
 * may not (reported, FALSE).
 *
 * Return: TRUE if acquired.
 */
BOOLEAN ExAcquireResourceExclusiveLite(PERESOURCE Resource, BOOLEAN Wait);

/**
 * ExAcquireResourceSharedLite() - acquire a resource for reading
 * @Resource: the resource
 * @Wait:     TRUE to sleep until it is available, FALSE to try once
 *
 * Granted at once to a thread that already holds it, shared or exclusive.
 *
 * Return: TRUE if acquired; always TRUE when @Wait is TRUE (unless the
 * call is refused as a violation), as on Windows.
 */
BOOLEAN ExAcquireResourceSharedLite(PERESOURCE Resource, BOOLEAN Wait);

/**
 * ExAcquireSharedStarveExclusive() - acquire shared without waiting for writers
 * @Resource: the resource
 * @Wait:     as for ExAcquireResourceSharedLite()
 *
 * Windows lets the caller in ahead of waiting exclusive requests.  The
 * rwsem queues new readers behind a waiting writer, so this is
 * ExAcquireResourceSharedLite() except that it never starves anyone;
 * recursive acquisitions are granted at once, as there.
 *
 * Return: TRUE if acquired.
 */
BOOLEAN ExAcquireSharedStarveExclusive(PERESOURCE Resource, BOOLEAN Wait);

/**
 * ExAcquireSharedWaitForExclusive() - acquire shared behind waiting writers
 * @Resource: the resource
 * @Wait:     as for ExAcquireResourceSharedLite()
 *
 * New shared requests wait while an exclusive request waits (the rwsem's
 * own rule); a thread that already holds the resource is granted at once.
 *
 * Return: TRUE if acquired.
 */
BOOLEAN ExAcquireSharedWaitForExclusive(PERESOURCE Resource, BOOLEAN Wait);

/**
 * ExReleaseResourceLite() - release one acquisition by the calling thread
 * @Resource: the resource
 *
 * A thread that holds nothing is reported (SYNC_NOT_OWNER) and nothing
 * changes.
 */
void ExReleaseResourceLite(PERESOURCE Resource);

/**
 * ExReleaseResourceForThreadLite() - release one acquisition of a thread or owner pointer
 * @Resource:         the resource
 * @ResourceThreadId: ExGetCurrentResourceThread() of the calling thread,
 *                    or an owner pointer given to
 *                    ExSetResourceOwnerPointer() (two low bits set), from
 *                    any thread; another thread's id is reported
 *                    (SYNC_NOT_OWNER) and refused
 *
 * IRQL <= DISPATCH_LEVEL.
 */
void ExReleaseResourceForThreadLite(PERESOURCE Resource, ERESOURCE_THREAD ResourceThreadId);

/* ExSetResourceOwnerPointerEx() flag: OwnerPointer is a thread. */
#define FLAG_OWNER_POINTER_IS_THREAD 0x1

/**
 * ExSetResourceOwnerPointerEx() - hand the caller's hold to an owner pointer
 * @Resource:     the resource, held by the caller
 * @OwnerPointer: the new owner: a pointer-sized value whose two low bits
 *                are set (Microsoft's rule; anything else is reported as
 *                SYNC_BAD_ARGUMENT and refused)
 * @Flags:        0 or FLAG_OWNER_POINTER_IS_THREAD (accepted, unused)
 *
 * Afterwards the only call for that hold is
 * ExReleaseResourceForThreadLite(@Resource, (ERESOURCE_THREAD)@OwnerPointer),
 * from any thread; every acquisition the caller held is handed over and
 * needs one such release.  Shared holds only (see the top of this
 * header): handing over an exclusive hold is reported
 * (SYNC_BAD_ARGUMENT) and the caller keeps it.  A caller that holds
 * nothing is reported (SYNC_NOT_OWNER).  IRQL <= DISPATCH_LEVEL.
 */
void ExSetResourceOwnerPointerEx(PERESOURCE Resource, PVOID OwnerPointer, ULONG Flags);

/**
 * ExSetResourceOwnerPointer() - ExSetResourceOwnerPointerEx() with no flags
 * @Resource:     the resource, held by the caller
 * @OwnerPointer: the new owner (two low bits set)
 */
void ExSetResourceOwnerPointer(PERESOURCE Resource, PVOID OwnerPointer);

/**
 * ExGetExclusiveWaiterCount() - how many threads wait for exclusive access
 * @Resource: the resource
 *
 * Return: the number of threads sleeping in an exclusive acquire.
 */
ULONG ExGetExclusiveWaiterCount(PERESOURCE Resource);

/**
 * ExGetSharedWaiterCount() - how many threads wait for shared access
 * @Resource: the resource
 *
 * Return: the number of threads sleeping in a shared acquire.
 */
ULONG ExGetSharedWaiterCount(PERESOURCE Resource);

/**
 * ExReinitializeResourceLite() - reset a resource to its initial state
 * @Resource: the resource, held by nobody
 *
 * Forgets every per-thread record, as deleting and initialising again
 * would, keeping the lockdep class of the first initialisation.  A
 * resource that is still held is reported (SYNC_DELETE_HELD) and left as
 * it is.
 *
 * Return: STATUS_SUCCESS, or STATUS_UNSUCCESSFUL if still held.
 */
NTSTATUS ExReinitializeResourceLite(PERESOURCE Resource);

/**
 * ExConvertExclusiveToSharedLite() - turn the caller's exclusive hold into shared
 * @Resource: the resource, held exclusive by the caller
 *
 * Every recursive acquisition becomes a shared one (downgrade_write());
 * waiting readers get in.  Called by a non-owner it is reported.
 */
void ExConvertExclusiveToSharedLite(PERESOURCE Resource);

/**
 * ExIsResourceAcquiredExclusiveLite() - does the caller hold it exclusive?
 * @Resource: the resource
 *
 * Return: TRUE if the calling thread is the exclusive owner.
 */
static inline BOOLEAN ExIsResourceAcquiredExclusiveLite(PERESOURCE Resource)
{
	return READ_ONCE(Resource->ExclusiveOwner) == current;
}

/**
 * ExIsResourceAcquiredSharedLite() - how often does the caller hold it?
 * @Resource: the resource
 *
 * Return: the calling thread's acquisitions, shared or exclusive; 0 if none.
 */
ULONG ExIsResourceAcquiredSharedLite(PERESOURCE Resource);

/**
 * ExIsResourceAcquiredLite() - does the caller hold it at all?
 * @Resource: the resource
 *
 * Return: TRUE if the calling thread holds it, shared or exclusive.
 */
BOOLEAN ExIsResourceAcquiredLite(PERESOURCE Resource);

/**
 * ExEnterCriticalRegionAndAcquireResourceExclusive() - both in one call
 * @Resource: the resource
 *
 * Return: the resource's data pointer on Windows; here @Resource.
 */
#define ExEnterCriticalRegionAndAcquireResourceExclusive(Resource)            \
	({                                                                    \
		PERESOURCE __ntshim_res = (Resource);                         \
									      \
		KeEnterCriticalRegion();                                      \
		ExAcquireResourceExclusiveLite(__ntshim_res, TRUE);           \
		(PVOID)__ntshim_res;                                          \
	})

/**
 * ExEnterCriticalRegionAndAcquireResourceShared() - both in one call
 * @Resource: the resource
 *
 * Return: @Resource.
 */
#define ExEnterCriticalRegionAndAcquireResourceShared(Resource)               \
	({                                                                    \
		PERESOURCE __ntshim_res = (Resource);                         \
									      \
		KeEnterCriticalRegion();                                      \
		ExAcquireResourceSharedLite(__ntshim_res, TRUE);              \
		(PVOID)__ntshim_res;                                          \
	})

/**
 * ExReleaseResourceAndLeaveCriticalRegion() - both in one call
 * @Resource: the resource
 */
#define ExReleaseResourceAndLeaveCriticalRegion(Resource)                     \
	do {                                                                  \
		ExReleaseResourceLite(Resource);                              \
		KeLeaveCriticalRegion();                                      \
	} while (0)

#endif /* _NTSHIM_RESOURCE_H */
