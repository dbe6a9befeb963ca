/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Processors, groups and thread affinity.
 *
 * ntshim has one processor group, group 0, and a processor's number and
 * index are its Linux CPU id.  A KAFFINITY is one unsigned long, so CPUs
 * with an id of BITS_PER_LONG (64) or more cannot be named in an affinity
 * mask (Windows puts them in further groups); they are still counted.
 * KeGetCurrentProcessorNumber(), KeGetCurrentProcessorNumberEx(),
 * KeQueryActiveProcessorCount(Ex)() and PROCESSOR_NUMBER are in
 * <ntshim/time.h>.
 *
 * Thread affinity (KeSetSystemAffinityThreadEx() and friends) is the
 * task's CPU mask, set with set_cpus_allowed_ptr(); the mask the thread
 * had before its first system affinity ("user affinity") is remembered
 * per thread until KeRevertToUserAffinityThread(Ex)() restores it.  On
 * Linux moving a task to another CPU waits for the move, so it needs
 * IRQL <= APC_LEVEL; Windows also accepts DISPATCH_LEVEL and moves the
 * thread when the IRQL drops, which ntshim cannot: such a call is
 * reported (SYNC_BAD_IRQL) and has no effect.  Kernel threads that are
 * bound to a CPU (kthread_bind(), per-CPU workers) cannot change affinity
 * at all on Linux: the call has no effect.  A thread must revert before
 * it exits.
 */
#ifndef _NTSHIM_PROCESSOR_H
#define _NTSHIM_PROCESSOR_H

#include <linux/cpumask.h>
#include <linux/smp.h>
#include <ntshim/types.h>
#include <ntshim/status.h>
#include <ntshim/time.h>

/* KeGetProcessorIndexFromNumber() for a processor that does not exist. */
#define INVALID_PROCESSOR_INDEX 0xffffffff

/**
 * struct _GROUP_AFFINITY - an affinity mask within a processor group
 * @Mask:     the processors of @Group
 * @Group:    the group; always 0 on ntshim
 * @Reserved: zero
 */
typedef struct _GROUP_AFFINITY {
	KAFFINITY Mask;
	USHORT Group;
	USHORT Reserved[3];
} GROUP_AFFINITY, *PGROUP_AFFINITY;

/**
 * KeGetCurrentProcessorIndex() - the index of the processor the caller runs on
 *
 * As KeGetCurrentProcessorNumber(): stale at once unless the caller runs
 * at DISPATCH_LEVEL or above.
 *
 * Return: the Linux CPU id.
 */
static inline ULONG KeGetCurrentProcessorIndex(void)
{
	return raw_smp_processor_id();
}

/**
 * KeQueryActiveProcessors() - the mask of active processors
 *
 * Return: the online CPUs among the first BITS_PER_LONG, one bit each.
 */
static inline KAFFINITY KeQueryActiveProcessors(void)
{
	return cpumask_bits(cpu_online_mask)[0];
}

/**
 * KeQueryMaximumProcessorCount() - how many processors there can be
 *
 * Return: nr_cpu_ids: every CPU id that can come online is below it
 * (hot-added CPUs included, as on Windows).
 */
static inline ULONG KeQueryMaximumProcessorCount(void)
{
	return nr_cpu_ids;
}

/**
 * KeQueryMaximumProcessorCountEx() - how many processors a group can have
 * @GroupNumber: 0 or ALL_PROCESSOR_GROUPS
 *
 * Return: nr_cpu_ids, or 0 for a group that does not exist.
 */
static inline ULONG KeQueryMaximumProcessorCountEx(USHORT GroupNumber)
{
	if (GroupNumber != 0 && GroupNumber != ALL_PROCESSOR_GROUPS)
		return 0;
	return nr_cpu_ids;
}

/**
 * KeQueryActiveGroupCount() - how many processor groups are active
 *
 * Return: 1.
 */
static inline USHORT KeQueryActiveGroupCount(void)
{
	return 1;
}

/**
 * KeQueryMaximumGroupCount() - how many processor groups there can be
 *
 * Return: 1.
 */
static inline USHORT KeQueryMaximumGroupCount(void)
{
	return 1;
}

/**
 * KeGetProcessorNumberFromIndex() - group and number of a processor index
 * @ProcIndex:  the index
 * @ProcNumber: receives group 0 and the number (the same as the index)
 *
 * Return: STATUS_SUCCESS, or STATUS_INVALID_PARAMETER if @ProcIndex is
 * not below KeQueryMaximumProcessorCount() (@ProcNumber untouched).
 */
static inline NTSTATUS KeGetProcessorNumberFromIndex(ULONG ProcIndex,
						     PPROCESSOR_NUMBER ProcNumber)
{
	if (ProcIndex >= nr_cpu_ids || ProcIndex > MAXUCHAR)
		return STATUS_INVALID_PARAMETER;
	ProcNumber->Group = 0;
	ProcNumber->Number = ProcIndex;
	ProcNumber->Reserved = 0;
	return STATUS_SUCCESS;
}

/**
 * KeGetProcessorIndexFromNumber() - the index of a processor
 * @ProcNumber: group and number
 *
 * Return: the index, or INVALID_PROCESSOR_INDEX for a processor that
 * cannot exist (another group, or a number not below nr_cpu_ids).
 */
static inline ULONG KeGetProcessorIndexFromNumber(PPROCESSOR_NUMBER ProcNumber)
{
	if (ProcNumber->Group != 0 || ProcNumber->Number >= nr_cpu_ids)
		return INVALID_PROCESSOR_INDEX;
	return ProcNumber->Number;
}

/**
 * KeSetSystemAffinityThreadEx() - restrict the current thread to processors
 * @Affinity: the processors (group 0)
 *
 * Changes nothing unless @Affinity names only processors that can exist
 * and at least one that is active (Microsoft's rule).  The first system
 * affinity saves the thread's user affinity.  Once the call returns the
 * thread runs on a processor of @Affinity.  IRQL <= APC_LEVEL here (see
 * the top of this header).
 *
 * Return: the previous system affinity, or 0 if the thread had none (it
 * ran with its user affinity); pass it to KeRevertToUserAffinityThreadEx().
 */
KAFFINITY KeSetSystemAffinityThreadEx(KAFFINITY Affinity);

/**
 * KeRevertToUserAffinityThreadEx() - undo KeSetSystemAffinityThreadEx()
 * @Affinity: what KeSetSystemAffinityThreadEx() returned: 0 restores the
 *            user affinity saved by the first system affinity; nonzero
 *            sets that system affinity again
 *
 * No effect unless the thread has a system affinity, or if a nonzero
 * @Affinity is not valid (as for KeSetSystemAffinityThreadEx()).
 */
void KeRevertToUserAffinityThreadEx(KAFFINITY Affinity);

/**
 * KeSetSystemAffinityThread() - KeSetSystemAffinityThreadEx() without a result
 * @Affinity: the processors (group 0)
 */
void KeSetSystemAffinityThread(KAFFINITY Affinity);

/**
 * KeRevertToUserAffinityThread() - restore the current thread's user affinity
 *
 * KeRevertToUserAffinityThreadEx(0).
 */
void KeRevertToUserAffinityThread(void);

/**
 * KeSetSystemGroupAffinityThread() - KeSetSystemAffinityThreadEx() by group
 * @Affinity:         group (must be 0) and mask
 * @PreviousAffinity: if not NULL, receives the previous system affinity
 *                    (mask 0: there was none) for
 *                    KeRevertToUserGroupAffinityThread()
 *
 * A group other than 0 changes nothing.
 */
void KeSetSystemGroupAffinityThread(PGROUP_AFFINITY Affinity,
				    PGROUP_AFFINITY PreviousAffinity);

/**
 * KeRevertToUserGroupAffinityThread() - undo KeSetSystemGroupAffinityThread()
 * @PreviousAffinity: what KeSetSystemGroupAffinityThread() stored
 */
void KeRevertToUserGroupAffinityThread(PGROUP_AFFINITY PreviousAffinity);

#endif /* _NTSHIM_PROCESSOR_H */
