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
#include <linux/bits.h>
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

/*
 * The special pool (pool_special.c, see pool_special.h): the pool calls
 * these, and so does the suite ntshim_pool_special.
 */

/**
 * ntshim_pool_special_alloc() - a block of its own page, flush with a guard
 * @size:     bytes; less than PAGE_SIZE (0 is served as 16 bytes of slack)
 * @zero:     zero the block (else it holds the fill pattern)
 * @underrun: "verify start": the block starts at the page start, right
 *            after a guard page; else "verify end": it ends at most 15
 *            bytes before the guard page after it, 16-byte aligned
 * @row:      the pool statistics row, handed back by the free
 * @tag:      the pool tag, for reports
 * @caller:   the allocation's call site, for reports
 *
 * Needs a context that may sleep: where it may not (DISPATCH_LEVEL or
 * above, preemption off), it serves nothing, as Windows falls back to
 * normal pool when special pool is exhausted.
 *
 * Return: the block, or NULL (size too big, no memory, no context to
 * sleep in): the caller uses normal pool.  Counted as a fallback.
 */
void *ntshim_pool_special_alloc(SIZE_T size, bool zero, bool underrun, u16 row,
				ULONG tag, unsigned long caller);

/**
 * ntshim_pool_special_is() - does @p lie in a special-pool block's page?
 * @p: any address
 *
 * Cheap for anything not in the vmalloc range.  Any context.
 *
 * Return: true for an address in the page of a live block or of one
 * freed and still in the quarantine.
 */
bool ntshim_pool_special_is(const void *p);

/**
 * ntshim_pool_special_free() - free a special-pool block
 * @p:      the block
 * @size:   receives its size
 * @row:    receives the row given to ntshim_pool_special_alloc()
 * @caller: the free's call site, for reports
 *
 * Checks the fill pattern of the page around the block (a write past the
 * end, or before the start, that stayed within the page) and reports a
 * pool_special_corruption, then unmaps the page at once and keeps it in
 * the quarantine.  Any IRQL up to DISPATCH_LEVEL, not in NMI: what must
 * sleep (the other CPUs' TLB flush, releasing old quarantine) is deferred.
 *
 * Return: 1 freed (corrupt or not), 0 @p is not in a special-pool page
 * (@size and @row untouched), -1 reported and left alone: a double free
 * (pool_double_free) or a pointer inside a block (pool_bad_free).
 */
int ntshim_pool_special_free(void *p, SIZE_T *size, u16 *row,
			     unsigned long caller);

/**
 * ntshim_pool_special_size() - the size of a live special-pool block
 * @p: the block
 *
 * Return: its size; 0 if @p is not a live block (or a 0-byte one).
 */
SIZE_T ntshim_pool_special_size(const void *p);

/**
 * ntshim_pool_special_describe() - what an access to @addr hit
 * @addr: a faulting address
 * @buf:  receives one line, e.g. "access 2 bytes beyond the end of a
 *        30-byte 'Tag1' block allocated at foo+0x12/0x40 [mod]"
 * @len:  size of @buf
 *
 * Used by the oops notifier; any context.
 *
 * Return: the line's length; 0 when @addr is neither in a special-pool
 * block's guard pages nor in a freed block.
 */
int ntshim_pool_special_describe(unsigned long addr, char *buf, size_t len);

/**
 * ntshim_pool_special_stats_print() - the text of special_pool_stats
 * @buf: receives "name value" lines: allocs, frees, fallbacks, live,
 *       quarantined, quarantine_max, corruptions
 * @len: size of @buf
 *
 * Return: the text's length.
 */
int ntshim_pool_special_stats_print(char *buf, size_t len);

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

/* What ntshim_verifier_pool() says applies to one allocation. */
#define NTSHIM_VERIFY_POOL BIT(0)	/* pool_verify */
#define NTSHIM_VERIFY_SPECIAL BIT(1)	/* special pool */
#define NTSHIM_VERIFY_UNDERRUN BIT(2)	/* special pool, block starts page */

/**
 * ntshim_verifier_pool() - the Verifier options for one allocation
 * @tag:   its pool tag
 * @owner: the module it is charged to (NULL: ntshim's own)
 *
 * Any IRQL.
 *
 * Return: NTSHIM_VERIFY_* bits.
 */
unsigned int ntshim_verifier_pool(ULONG tag, struct module *owner);

/**
 * ntshim_verifier_pool_on() - is any pool option of Verifier on?
 *
 * Return: true while pool allocations and frees take the checked path.
 */
bool ntshim_verifier_pool_on(void);

/**
 * ntshim_pool_track_set() - switch per-block tracking (pool_track)
 * @on: the new setting
 *
 * Return: the setting before.
 */
bool ntshim_pool_track_set(bool on);

#endif /* _NTSHIM_TEST_EXPORTS_H */
