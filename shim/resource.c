// SPDX-License-Identifier: GPL-2.0
/*
 * ERESOURCE on rw_semaphore.  The rwsem is taken once per owning thread;
 * recursion is counted beside it (see ntshim/resource.h):
 *   exclusive owner  ExclusiveOwner == current, depth in ExclusiveCount
 *   shared owners    SharedOwners[pid] = depth (xarray value entries)
 * Only the thread itself changes its own depth, so the counts need no
 * lock of their own; the xarray locks its nodes internally.  A thread's
 * entry stays (at depth 0) after its last release, so a thread that takes
 * the resource again allocates nothing; ExDeleteResourceLite() frees them.
 *
 * Every initialised resource is in ntshim_resources (address -> the code
 * that initialised it), as Windows keeps every one on its system resource
 * list until ExDeleteResourceLite(): so a pool block freed with one in it
 * (Driver Verifier: bugcheck 0xC4, Parameter 1 0x17) and a module that
 * unloads with one in its memory are caught.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/pid.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/xarray.h>
#include <ntshim/irql.h>
#include <ntshim/mutex.h>
#include <ntshim/resource.h>
#include <ntshim/violation.h>

#include "internal.h"

/*
 * Initialised resources: index the ERESOURCE's address, value the code
 * that initialised it, with the top bit cleared to fit a value entry
 * (every kernel address has it set).  Its lock is taken with interrupts
 * off: pool may be freed in any context.
 */
static DEFINE_XARRAY_FLAGS(ntshim_resources, XA_FLAGS_LOCK_IRQ);

#define RESOURCE_ADDR_TOP (1UL << (BITS_PER_LONG - 1))

static unsigned long resource_init_site(void *entry)
{
	return xa_to_value(entry) | RESOURCE_ADDR_TOP;
}

/*
 * Record @r as initialised by @caller; counted once in the live-object
 * filter, however often it is initialised again.  Without memory for the
 * record the resource works but is not checked.
 */
static void resource_register(PERESOURCE r, unsigned long caller)
{
	unsigned long flags;
	void *old;

	xa_lock_irqsave(&ntshim_resources, flags);
	old = __xa_store(&ntshim_resources, (unsigned long)r,
			 xa_mk_value(caller & ~RESOURCE_ADDR_TOP),
			 GFP_ATOMIC | __GFP_NOWARN);
	if (!old)
		ntshim_live_link(r);
	xa_unlock_irqrestore(&ntshim_resources, flags);
}

/* Forget @r; false if it was not recorded. */
static bool resource_unregister(PERESOURCE r)
{
	unsigned long flags;
	bool was;

	xa_lock_irqsave(&ntshim_resources, flags);
	was = __xa_erase(&ntshim_resources, (unsigned long)r);
	if (was)
		ntshim_live_unlink(r);
	xa_unlock_irqrestore(&ntshim_resources, flags);
	return was;
}

/*
 * Take the next recorded resource in [@lo, @hi] that @mod owns (every one
 * when @mod is NULL) out of the record.  Return: it, or NULL; *@site is
 * the code that initialised it.
 */
static PERESOURCE resource_take_next(unsigned long lo, unsigned long hi,
				     const struct module *mod,
				     unsigned long *site)
{
	unsigned long flags, index = lo;
	PERESOURCE r = NULL;
	void *entry;

	xa_lock_irqsave(&ntshim_resources, flags);
	xa_for_each_range(&ntshim_resources, index, entry, lo, hi) {
		if (mod && !ntshim_owns(mod, NULL, (void *)index, NULL))
			continue;
		r = (PERESOURCE)index;
		*site = resource_init_site(entry);
		__xa_erase(&ntshim_resources, index);
		ntshim_live_unlink(r);
		break;
	}
	xa_unlock_irqrestore(&ntshim_resources, flags);
	return r;
}

/*
 * @r leaves the record without ExDeleteResourceLite(): free its owner
 * table unless somebody holds it (whose release would then use a freed
 * table).  Return: true when it was held.
 */
static bool resource_drop_table(PERESOURCE r)
{
	if (rwsem_is_locked(&r->Lock))
		return true;
	xa_destroy(&r->SharedOwners);
	return false;
}

unsigned int ntshim_resource_free_check(unsigned long lo, unsigned long hi,
					ULONG tag, unsigned long caller)
{
	unsigned long site;
	unsigned int n = 0;
	PERESOURCE r;

	if (xa_empty(&ntshim_resources))
		return 0;
	while ((r = resource_take_next(lo, hi - 1, NULL, &site))) {
		bool held = resource_drop_table(r);

		n++;
		ntshim_violation(NTSHIM_V_POOL_FREE_LIVE_OBJECT, tag, r, caller,
				 "freed pool holds an initialised ERESOURCE (initialised by %pS, not deleted with ExDeleteResourceLite; Windows: 0xC4/0x17): unregistered%s",
				 (void *)site, held ? ", still held" : "");
	}
	return n;
}

/**
 * ntshim_resource_reclaim() - a module goes with resources in its memory
 * @mod: the module; NULL at ntshim's exit: every resource still recorded
 * @why: "module unload" or "ntshim exit", for the report
 *
 * Each one is reported (pool_leak, as an undeleted lookaside list is) and
 * unregistered; a going module's own memory is still mapped, so its
 * resources' owner tables are freed too.  At ntshim's exit the memory of
 * what is left may be gone (a stack frame): it is not touched.
 */
void ntshim_resource_reclaim(const struct module *mod, const char *why)
{
	unsigned long site;
	PERESOURCE r;

	while ((r = resource_take_next(0, ULONG_MAX, mod, &site))) {
		bool held = mod && resource_drop_table(r);

		ntshim_violation(NTSHIM_V_POOL_LEAK, 0, r, site,
				 "ERESOURCE still initialised at %s (%s did not call ExDeleteResourceLite): unregistered%s",
				 why, mod ? mod->name : "a driver",
				 held ? ", still held" : "");
	}
}

/* The calling thread's shared depth: 0 if it holds no shared access. */
static ULONG shared_depth(PERESOURCE r)
{
	void *entry = xa_load(&r->SharedOwners, task_pid_nr(current));

	return entry ? xa_to_value(entry) : 0;
}

/* A waiter count: changed by many threads at once, read with READ_ONCE(). */
static void waiters_add(ULONG *count, int delta)
{
	__atomic_fetch_add(count, (ULONG)delta, __ATOMIC_RELAXED);
}

static bool acquire_irql_ok(PERESOURCE r, const char *what, unsigned long caller)
{
	if (likely(KeGetCurrentIrql() <= APC_LEVEL))
		return true;
	ntshim_sync_bad_irql(r, what, caller);
	return false;
}

NTSTATUS ntshim_resource_init(PERESOURCE Resource, const char *name,
			      struct lock_class_key *key)
{
	__init_rwsem(&Resource->Lock, name, key);
	Resource->ExclusiveOwner = NULL;
	Resource->ExclusiveCount = 0;
	xa_init(&Resource->SharedOwners);
	Resource->NumberOfSharedWaiters = 0;
	Resource->NumberOfExclusiveWaiters = 0;
	resource_register(Resource, _RET_IP_);
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(ntshim_resource_init);

/* Delete and reinitialise: refused while held, else drop the owner table. */
static NTSTATUS resource_retire(PERESOURCE Resource, const char *what,
				unsigned long caller)
{
	if (rwsem_is_locked(&Resource->Lock)) {
		ntshim_violation(NTSHIM_V_SYNC_DELETE_HELD, 0, Resource, caller,
				 "%s on a held resource (exclusive owner %p), refused",
				 what, READ_ONCE(Resource->ExclusiveOwner));
		return STATUS_UNSUCCESSFUL;
	}
	xa_destroy(&Resource->SharedOwners);
	return STATUS_SUCCESS;
}

NTSTATUS ExDeleteResourceLite(PERESOURCE Resource)
{
	NTSTATUS status = resource_retire(Resource, __func__, _RET_IP_);

	if (NT_SUCCESS(status))
		resource_unregister(Resource);
	return status;
}
EXPORT_SYMBOL_GPL(ExDeleteResourceLite);

BOOLEAN ExAcquireResourceExclusiveLite(PERESOURCE Resource, BOOLEAN Wait)
{
	if (!acquire_irql_ok(Resource, __func__, _RET_IP_))
		return FALSE;
	if (READ_ONCE(Resource->ExclusiveOwner) == current) {
		Resource->ExclusiveCount++;
		return TRUE;
	}
	if (shared_depth(Resource)) {
		ntshim_violation(NTSHIM_V_SYNC_SELF_DEADLOCK, 0, Resource, _RET_IP_,
				 "exclusive acquire by a shared owner (would deadlock), refused");
		return FALSE;
	}
	if (!down_write_trylock(&Resource->Lock)) {
		if (!Wait)
			return FALSE;
		waiters_add(&Resource->NumberOfExclusiveWaiters, 1);
		down_write(&Resource->Lock);
		waiters_add(&Resource->NumberOfExclusiveWaiters, -1);
	}
	WRITE_ONCE(Resource->ExclusiveOwner, current);
	Resource->ExclusiveCount = 1;
	return TRUE;
}
EXPORT_SYMBOL_GPL(ExAcquireResourceExclusiveLite);

BOOLEAN ExAcquireResourceSharedLite(PERESOURCE Resource, BOOLEAN Wait)
{
	unsigned long id = task_pid_nr(current);
	ULONG depth;

	if (!acquire_irql_ok(Resource, __func__, _RET_IP_))
		return FALSE;
	if (READ_ONCE(Resource->ExclusiveOwner) == current) {
		Resource->ExclusiveCount++;
		return TRUE;
	}
	depth = shared_depth(Resource);
	if (depth) {
		/* replaces an existing entry: allocates nothing */
		xa_store(&Resource->SharedOwners, id, xa_mk_value(depth + 1), GFP_ATOMIC);
		return TRUE;
	}
	/*
	 * Record first, so no allocation happens under the rwsem (it
	 * allocates only the first time this thread takes the resource).
	 * A waiting acquire cannot fail on Windows and callers do not check
	 * it, so that small allocation must not fail either.
	 */
	if (xa_is_err(xa_store(&Resource->SharedOwners, id, xa_mk_value(1),
			       Wait ? GFP_KERNEL | __GFP_NOFAIL : GFP_KERNEL)))
		return FALSE;
	if (!down_read_trylock(&Resource->Lock)) {
		if (!Wait) {
			xa_store(&Resource->SharedOwners, id, xa_mk_value(0), GFP_ATOMIC);
			return FALSE;
		}
		waiters_add(&Resource->NumberOfSharedWaiters, 1);
		down_read(&Resource->Lock);
		waiters_add(&Resource->NumberOfSharedWaiters, -1);
	}
	return TRUE;
}
EXPORT_SYMBOL_GPL(ExAcquireResourceSharedLite);

BOOLEAN ExAcquireSharedStarveExclusive(PERESOURCE Resource, BOOLEAN Wait)
{
	return ExAcquireResourceSharedLite(Resource, Wait);
}
EXPORT_SYMBOL_GPL(ExAcquireSharedStarveExclusive);

BOOLEAN ExAcquireSharedWaitForExclusive(PERESOURCE Resource, BOOLEAN Wait)
{
	return ExAcquireResourceSharedLite(Resource, Wait);
}
EXPORT_SYMBOL_GPL(ExAcquireSharedWaitForExclusive);

static void release_resource(PERESOURCE Resource, unsigned long caller)
{
	unsigned long id = task_pid_nr(current);
	ULONG depth;

	if (READ_ONCE(Resource->ExclusiveOwner) == current) {
		if (--Resource->ExclusiveCount == 0) {
			WRITE_ONCE(Resource->ExclusiveOwner, NULL);
			up_write(&Resource->Lock);
		}
		return;
	}
	depth = shared_depth(Resource);
	if (depth > 1) {
		xa_store(&Resource->SharedOwners, id, xa_mk_value(depth - 1), GFP_ATOMIC);
	} else if (depth == 1) {
		xa_store(&Resource->SharedOwners, id, xa_mk_value(0), GFP_ATOMIC);
		up_read(&Resource->Lock);
	} else {
		ntshim_violation(NTSHIM_V_SYNC_NOT_OWNER, 0, Resource, caller,
				 "ERESOURCE released by %s/%d, which does not hold it (STATUS_RESOURCE_NOT_OWNED)",
				 current->comm, task_pid_nr(current));
	}
}

void ExReleaseResourceLite(PERESOURCE Resource)
{
	release_resource(Resource, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExReleaseResourceLite);

/* An owner pointer of ExSetResourceOwnerPointer(): the two low bits set. */
static bool is_owner_pointer(ULONG_PTR id)
{
	return (id & 3) == 3;
}

/* Release one shared hold handed to an owner pointer; false if none. */
static bool release_owner_pointer(PERESOURCE r, ULONG_PTR id)
{
	void *entry = xa_load(&r->SharedOwners, id);
	ULONG depth = entry ? xa_to_value(entry) : 0;

	if (!depth)
		return false;
	if (depth > 1) {
		xa_store(&r->SharedOwners, id, xa_mk_value(depth - 1), GFP_ATOMIC);
		return true;
	}
	xa_erase(&r->SharedOwners, id);
	/* lockdep forgot this hold at the handover */
	up_read_non_owner(&r->Lock);
	return true;
}

void ExReleaseResourceForThreadLite(PERESOURCE Resource, ERESOURCE_THREAD ResourceThreadId)
{
	if (ResourceThreadId == ExGetCurrentResourceThread()) {
		release_resource(Resource, _RET_IP_);
		return;
	}
	if (is_owner_pointer(ResourceThreadId) &&
	    release_owner_pointer(Resource, ResourceThreadId))
		return;
	ntshim_violation(NTSHIM_V_SYNC_NOT_OWNER, 0, Resource, _RET_IP_,
			 "ERESOURCE release for %#lx, which is neither the caller nor an owner pointer holding it, refused",
			 ResourceThreadId);
}
EXPORT_SYMBOL_GPL(ExReleaseResourceForThreadLite);

void ExSetResourceOwnerPointerEx(PERESOURCE Resource, PVOID OwnerPointer, ULONG Flags)
{
	ULONG_PTR owner = (ULONG_PTR)OwnerPointer;
	unsigned long id = task_pid_nr(current);
	void *entry;
	ULONG depth, had;

	if (!is_owner_pointer(owner)) {
		ntshim_violation(NTSHIM_V_SYNC_BAD_ARGUMENT, 0, Resource, _RET_IP_,
				 "%s: owner pointer %#lx lacks the two low bits, refused",
				 __func__, owner);
		return;
	}
	if (READ_ONCE(Resource->ExclusiveOwner) == current) {
		ntshim_violation(NTSHIM_V_SYNC_BAD_ARGUMENT, 0, Resource, _RET_IP_,
				 "%s: an exclusive hold cannot change task on Linux; the caller keeps it",
				 __func__);
		return;
	}
	depth = shared_depth(Resource);
	if (!depth) {
		ntshim_violation(NTSHIM_V_SYNC_NOT_OWNER, 0, Resource, _RET_IP_,
				 "%s by %s/%d, which does not hold the resource, refused",
				 __func__, current->comm, task_pid_nr(current));
		return;
	}
	entry = xa_load(&Resource->SharedOwners, owner);
	had = entry ? xa_to_value(entry) : 0;
	if (xa_is_err(xa_store(&Resource->SharedOwners, owner,
			       xa_mk_value(had + depth), GFP_ATOMIC))) {
		ntshim_violation(NTSHIM_V_SYNC_BAD_ARGUMENT, 0, Resource, _RET_IP_,
				 "%s: no memory to record the owner pointer; the caller keeps the resource",
				 __func__);
		return;
	}
	xa_store(&Resource->SharedOwners, id, xa_mk_value(0), GFP_ATOMIC);
	/* the rwsem stays held; the calling task no longer holds it */
	rwsem_release(&Resource->Lock.dep_map, _RET_IP_);
}
EXPORT_SYMBOL_GPL(ExSetResourceOwnerPointerEx);

void ExSetResourceOwnerPointer(PERESOURCE Resource, PVOID OwnerPointer)
{
	ExSetResourceOwnerPointerEx(Resource, OwnerPointer, 0);
}
EXPORT_SYMBOL_GPL(ExSetResourceOwnerPointer);

ULONG ExGetExclusiveWaiterCount(PERESOURCE Resource)
{
	return READ_ONCE(Resource->NumberOfExclusiveWaiters);
}
EXPORT_SYMBOL_GPL(ExGetExclusiveWaiterCount);

ULONG ExGetSharedWaiterCount(PERESOURCE Resource)
{
	return READ_ONCE(Resource->NumberOfSharedWaiters);
}
EXPORT_SYMBOL_GPL(ExGetSharedWaiterCount);

NTSTATUS ExReinitializeResourceLite(PERESOURCE Resource)
{
	NTSTATUS status = resource_retire(Resource, __func__, _RET_IP_);

	if (!NT_SUCCESS(status))
		return status;
	Resource->ExclusiveOwner = NULL;
	Resource->ExclusiveCount = 0;
	Resource->NumberOfSharedWaiters = 0;
	Resource->NumberOfExclusiveWaiters = 0;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(ExReinitializeResourceLite);

void ExConvertExclusiveToSharedLite(PERESOURCE Resource)
{
	gfp_t gfp = KeGetCurrentIrql() > APC_LEVEL ? GFP_ATOMIC : GFP_KERNEL;
	ULONG depth = Resource->ExclusiveCount;

	if (READ_ONCE(Resource->ExclusiveOwner) != current) {
		ntshim_violation(NTSHIM_V_SYNC_NOT_OWNER, 0, Resource, _RET_IP_,
				 "%s by a non-owner, refused", __func__);
		return;
	}
	/* No memory for the entry: staying exclusive is the safe side. */
	if (xa_is_err(xa_store(&Resource->SharedOwners, task_pid_nr(current),
			       xa_mk_value(depth), gfp)))
		return;
	Resource->ExclusiveCount = 0;
	WRITE_ONCE(Resource->ExclusiveOwner, NULL);
	downgrade_write(&Resource->Lock);
}
EXPORT_SYMBOL_GPL(ExConvertExclusiveToSharedLite);

ULONG ExIsResourceAcquiredSharedLite(PERESOURCE Resource)
{
	if (READ_ONCE(Resource->ExclusiveOwner) == current)
		return Resource->ExclusiveCount;
	return shared_depth(Resource);
}
EXPORT_SYMBOL_GPL(ExIsResourceAcquiredSharedLite);

BOOLEAN ExIsResourceAcquiredLite(PERESOURCE Resource)
{
	return ExIsResourceAcquiredSharedLite(Resource) != 0;
}
EXPORT_SYMBOL_GPL(ExIsResourceAcquiredLite);
