/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What ntshim.ko exports only for its KUnit suites (kunit/): exported with
 * EXPORT_SYMBOL_IF_KUNIT() into the EXPORTED_FOR_KUNIT_TESTING namespace,
 * which ntshim_test.ko imports, and not at all from a kernel without
 * CONFIG_KUNIT.  Not part of the public header: a ported driver has no use
 * for them.  The runtime files that define or call them include this too.
 */
#ifndef _NTSHIM_TEST_EXPORTS_H
#define _NTSHIM_TEST_EXPORTS_H

#include <kunit/visibility.h>
#include <linux/export.h>
#include <ntshim/types.h>

/* Should a kernel's <kunit/visibility.h> lack it: a plain export. */
#ifndef EXPORT_SYMBOL_IF_KUNIT
#define EXPORT_SYMBOL_IF_KUNIT(symbol) EXPORT_SYMBOL_GPL(symbol)
#endif

struct module;

/**
 * ntshim_pool_report_leaks() - report the blocks a module still owns
 * @owner: the module (as THIS_MODULE was when it allocated)
 *
 * Called for every module that unloads, and for ntshim itself at exit:
 * each (tag, type, call site) with blocks outstanding is one pool_leak
 * violation giving the tag, the count, the bytes and the call site (%pS,
 * the violation's caller), with or without per-block tracking.  The
 * blocks stay allocated (something may still use them) and keep their
 * rows; the rows no longer match @owner afterwards, and once their last
 * block is freed a later module allocating the same (tag, type) reuses
 * them.
 *
 * Return: the number of blocks @owner had outstanding.
 */
u64 ntshim_pool_report_leaks(struct module *owner);

/**
 * ntshim_pool_fault_arm() - make the next allocations fail
 * @Tag:   fail only allocations with this tag; 0 for any tag
 * @Times: how many allocations to fail; 0 disarms
 *
 * The same as writing fail_pool/{probability,interval,times,tag} in debugfs
 * (probability 100, interval 1).  Without CONFIG_FAULT_INJECTION it does
 * nothing.
 *
 * Return: true if fault injection is available.
 */
bool ntshim_pool_fault_arm(ULONG Tag, int Times);

/**
 * ntshim_dispatcher_waiters() - how many wait blocks are queued on an object
 * @Object: any dispatcher object (KEVENT, KMUTEX, ...)
 *
 * The answer may be stale by the time the caller reads it.
 *
 * Return: the number of wait blocks queued on @Object.
 */
ULONG ntshim_dispatcher_waiters(PVOID Object);

/**
 * ntshim_live_filter_objects() - how many live objects the filter counts
 *
 * Every set timer, queued DPC and work item, live lookaside list and
 * initialised ERESOURCE is counted once in each of the filter's two
 * tables (shim/live_filter.h).
 *
 * Return: that number, or -1 when the tables disagree (a counter below
 * zero, or the two tables' sums differ): a registration without its
 * deregistration or the other way round.
 */
long ntshim_live_filter_objects(void);

/**
 * ntshim_owner_going() - what a module's unload does, on demand
 * @mod: the module; NULL for everything (ntshim's own exit)
 *
 * Stops and reclaims everything @mod leaves behind, in the order of
 * shim/owner.c, and reports it, as the module notifier does when @mod
 * goes.  For the KUnit suites, which call it for their own module.
 */
void ntshim_owner_going(struct module *mod);

#endif /* _NTSHIM_TEST_EXPORTS_H */
