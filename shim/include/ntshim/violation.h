/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Violations: misuse of the DDK API that Windows would bugcheck on (or
 * Driver Verifier would flag).  ntshim never crashes for them: each one is
 * reported with pr_err (rate limited), counted per CPU, remembered in a
 * short history, and shown in /sys/kernel/debug/ntshim/violations.  The
 * caller then carries on with the safe fallback its API documents.
 *
 * Violations deliberately do not WARN: a test that provokes one on purpose
 * must not taint the kernel or fail the run.
 */
#ifndef _NTSHIM_VIOLATION_H
#define _NTSHIM_VIOLATION_H

#include <linux/compiler.h>
#include <linux/jump_label.h>
#include <ntshim/types.h>

/*
 * The extra checks (overlapping RtlCopyMemory, NULL Rtl buffers, queued
 * and ordinary use of one spin lock, a queued release through a garbage
 * handle, NULL and poisoned LIST_ENTRY links, a still-linked entry
 * inserted again, an SLIST header naming a non-kernel address, ...) are
 * decided by ntshim.ko, not by how the client was compiled: inline code
 * in the client tests this static key, which ntshim.ko owns.  It is on
 * when ntshim.ko was built with CONFIG_NTSHIM_DEBUG, and
 * ntshim.debug_checks=0/1 (module parameter, writable in
 * /sys/module/ntshim/parameters/) switches it at run time.  Off, each
 * check costs one patched-out jump (with CONFIG_JUMP_LABEL, as distro
 * kernels have; without it a load, a test and a branch).
 */
DECLARE_STATIC_KEY_FALSE(ntshim_debug_checks);

/**
 * ntshim_checking() - are ntshim's debug checks on?
 *
 * Return: true when ntshim.ko runs its debug checks (see above).
 */
#define ntshim_checking() static_branch_unlikely(&ntshim_debug_checks)

/*
 * One list makes both the enum and the names (as lock_events.c does).
 * V(ID, "name in debugfs")
 */
#define NTSHIM_VIOLATIONS(V)                                                  \
	V(POOL_ZERO_SIZE, "pool_zero_size")                                   \
	V(POOL_SIZE_OVERFLOW, "pool_size_overflow")                           \
	V(POOL_BAD_TYPE, "pool_bad_type")                                     \
	V(POOL_BAD_FLAGS, "pool_bad_flags")                                   \
	V(POOL_ZERO_TAG, "pool_zero_tag")                                     \
	V(POOL_BAD_IRQL, "pool_bad_irql")                                     \
	V(POOL_FREE_NULL, "pool_free_null")                                   \
	V(POOL_BAD_FREE, "pool_bad_free")                                     \
	V(POOL_DOUBLE_FREE, "pool_double_free")                               \
	V(POOL_TAG_MISMATCH, "pool_tag_mismatch")                             \
	V(POOL_LEAK, "pool_leak")                                             \
	V(POOL_FREE_LIVE_OBJECT, "pool_free_live_object")                     \
	V(POOL_SPECIAL_CORRUPTION, "pool_special_corruption")                 \
	V(IRQL_RAISE_LOWER, "irql_raise_to_lower")                            \
	V(IRQL_LOWER_HIGHER, "irql_lower_to_higher")                          \
	V(IRQL_TOO_HIGH, "irql_too_high")                                     \
	V(IRQL_TOO_LOW, "irql_too_low")                                       \
	V(PAGED_CODE, "paged_code_at_dispatch")                               \
	V(IRQL_THREAD_EXIT, "irql_apc_level_at_thread_exit")                  \
	V(SPINLOCK_MIXED, "spinlock_mixed_queued_and_plain")                  \
	V(SPINLOCK_BAD_RELEASE, "spinlock_bad_release")                       \
	V(LIST_CORRUPT, "list_corrupt")                                       \
	V(SLIST_MISALIGNED, "slist_misaligned")                               \
	V(LOOKASIDE_BAD_SIZE, "lookaside_bad_size")                           \
	V(LOOKASIDE_BAD_IRQL, "lookaside_bad_irql")                           \
	V(LOOKASIDE_FOREIGN_FREE, "lookaside_foreign_free")                   \
	V(LOOKASIDE_DOUBLE_FREE, "lookaside_double_free")                     \
	V(LOOKASIDE_DELETE_BUSY, "lookaside_delete_outstanding")              \
	V(LOOKASIDE_USE_AFTER_DELETE, "lookaside_use_after_delete")           \
	V(RTL_BAD_STRING, "rtl_bad_string")                                   \
	V(RTL_BAD_MEMORY, "rtl_bad_memory_argument")                          \
	V(MM_BAD_ARG, "mm_bad_argument")                                      \
	V(MM_LEAK, "mm_leak")                                                 \
	V(MDL_NOT_LOCKED, "mdl_unlock_not_locked")                            \
	V(MDL_FREE_MAPPED, "mdl_free_while_mapped")                           \
	V(MDL_BAD_ARG, "mdl_bad_argument")                                    \
	V(PROBE_BAD_ARG, "probe_bad_argument")                                \
	V(SYNC_BAD_IRQL, "sync_wait_at_dispatch")                             \
	V(SYNC_NOT_OWNER, "sync_release_not_owner")                           \
	V(SYNC_DELETE_HELD, "sync_delete_while_held")                         \
	V(SYNC_BAD_OBJECT, "sync_bad_object")                                 \
	V(SYNC_SELF_DEADLOCK, "sync_self_deadlock")                           \
	V(SYNC_BAD_ARGUMENT, "sync_bad_argument")                             \
	V(SEMAPHORE_LIMIT, "semaphore_limit_exceeded")                        \
	V(APC_REGION, "apc_region_unbalanced")                                \
	V(DPC_MISUSE, "dpc_misuse")                                           \
	V(TIMER_MISUSE, "timer_misuse")                                       \
	V(WORKITEM_MISUSE, "workitem_misuse")                                 \
	V(DEBUG_BREAK, "debug_break")                                         \
	V(INTRINSIC_BAD_MSR, "intrinsic_bad_msr")                                 \
	V(SEH_UNHANDLED, "seh_unhandled")                                     \
	V(SEH_UNWIND_STATE, "seh_unwind_state")                               \
	V(SEH_MISUSE, "seh_misuse")                                           \
	V(THREAD_MISUSE, "thread_misuse")

#define NTSHIM_VIOLATION_ENUM(id, name) NTSHIM_V_##id,
enum ntshim_violation_kind {
	NTSHIM_VIOLATIONS(NTSHIM_VIOLATION_ENUM)
	NTSHIM_VIOLATION_NR
};
#undef NTSHIM_VIOLATION_ENUM

/**
 * ntshim_violation() - report and count one API misuse
 * @kind:   what went wrong
 * @tag:    the pool or object tag involved, or 0
 * @addr:   the address involved (block, lock, list), or NULL
 * @caller: the caller's code address (_RET_IP_ or _THIS_IP_), printed %pS
 * @fmt:    printf-style detail
 *
 * Safe in any context, including hard interrupts and with locks held.
 */
__printf(5, 6) __cold
void ntshim_violation(enum ntshim_violation_kind kind, ULONG tag,
		      const void *addr, unsigned long caller,
		      const char *fmt, ...);

/**
 * ntshim_violation_count() - how often @kind has been reported
 * @kind: the violation kind
 *
 * Return: the total over all CPUs since the module loaded.
 */
u64 ntshim_violation_count(enum ntshim_violation_kind kind);

/**
 * ntshim_violation_last() - the latest report of one kind still remembered
 * @kind:   the violation kind
 * @tag:    receives the report's tag
 * @caller: receives the report's caller (for pool_leak: the call site that
 *          allocated the leaked blocks)
 *
 * Only the last few reports of all kinds are kept (those the violations
 * file lists), so an old report may be gone.
 *
 * Return: true if a report of @kind was found.
 */
bool ntshim_violation_last(enum ntshim_violation_kind kind, ULONG *tag,
			   unsigned long *caller);

/**
 * ntshim_violation_name() - the debugfs name of a violation kind
 * @kind: the violation kind
 *
 * Return: a static string; "unknown" for an out-of-range @kind.
 */
const char *ntshim_violation_name(enum ntshim_violation_kind kind);

#endif /* _NTSHIM_VIOLATION_H */
