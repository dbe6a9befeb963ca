// SPDX-License-Identifier: GPL-2.0
/*
 * ntshim_exhaust.ko: a driver that allocates page-sized NonPagedPool in
 * a loop until ExAllocatePoolWithTag() returns NULL, then frees it all,
 * for make check's last step (tools/vm/guest-exhaust.sh).  Exhausted pool
 * must be NULL, as on Windows: not the OOM killer, not a warning, not a
 * panic; afterwards the system goes on, the tag's row is back to 0 and
 * kmemleak has nothing to say.
 *
 * All of it happens inside the module's init, with nothing else to do in
 * between: while memory is gone, any other allocation in the guest (a
 * shell that forks, a page fault) could wake the OOM killer on its own
 * account.  The blocks are chained through their first word, so keeping
 * them needs no memory besides their own.
 *
 * make check's guest has 1 GiB for its other steps, and a debug kernel
 * under TCG takes milliseconds per page-sized block near exhaustion (the
 * slab, KASAN, kmemleak, reclaim that finds nothing): first a ballast of
 * big page allocations (fast, NORETRY) takes all but @headroom_mb of free
 * memory, as if the guest were that small; then the driver's loop runs
 * into NULL within seconds.  The ballast goes back after the pool blocks.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/gfp.h>
#include <linux/ktime.h>
#include <linux/list.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <ntshim/ntddk.h>

#define EXHAUST_TAG NTSHIM_TAG('E', 'x', 'h', 't')
#define EXHAUST_BALLAST_ORDER 8	/* 1 MiB at a time */

static unsigned int headroom_mb = 24;
module_param(headroom_mb, uint, 0444);
MODULE_PARM_DESC(headroom_mb, "free memory left to the pool loop, MiB (0: no ballast)");

static LIST_HEAD(exhaust_ballast);

/* Take free memory down to @headroom_mb. Return: MiB taken. */
static unsigned long exhaust_ballast_take(void)
{
	unsigned long taken = 0, keep = (unsigned long)headroom_mb << (20 - PAGE_SHIFT);
	struct sysinfo si;
	struct page *page;

	if (!headroom_mb)
		return 0;
	for (;;) {
		si_meminfo(&si);
		if (si.freeram <= keep + (1UL << EXHAUST_BALLAST_ORDER))
			break;
		page = alloc_pages(GFP_KERNEL | __GFP_NORETRY | __GFP_NOWARN,
				   EXHAUST_BALLAST_ORDER);
		if (!page)
			break;
		list_add(&page->lru, &exhaust_ballast);
		taken++;
	}
	return taken << (EXHAUST_BALLAST_ORDER + PAGE_SHIFT - 20);
}

static void exhaust_ballast_give_back(void)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, &exhaust_ballast, lru) {
		list_del(&page->lru);
		__free_pages(page, EXHAUST_BALLAST_ORDER);
	}
}

static LONGLONG exhaust_diff(void)
{
	struct ntshim_pool_tag_stats s;

	if (!ntshim_pool_query_tag(EXHAUST_TAG, NonPagedPool, &s))
		return -1;
	return s.diff;
}

static int __init exhaust_init(void)
{
	unsigned long blocks = 0, freed = 0, ballast;
	LONGLONG held, after;
	void **head = NULL, **p;
	s64 alloc_ms, free_ms;
	ktime_t start;

	ballast = exhaust_ballast_take();
	start = ktime_get();
	while ((p = ExAllocatePoolWithTag(NonPagedPool, PAGE_SIZE, EXHAUST_TAG))) {
		*p = head;
		head = p;
		blocks++;
	}
	alloc_ms = ktime_ms_delta(ktime_get(), start);
	held = exhaust_diff();
	while (head) {
		p = head;
		head = *p;
		ExFreePool(p);
		freed++;
	}
	free_ms = ktime_ms_delta(ktime_get(), start) - alloc_ms;
	after = exhaust_diff();
	exhaust_ballast_give_back();
	pr_info("NULL after %lu blocks of %lu bytes (%lu MiB, beside %lu MiB of ballast) in %lld ms; row Diff %lld while held, %lld after freeing %lu in %lld ms\n",
		blocks, PAGE_SIZE, blocks >> (20 - PAGE_SHIFT), ballast,
		alloc_ms, held, after, freed, free_ms);
	if (!blocks || held != blocks || after != 0 || freed != blocks) {
		pr_err("FAIL: the row does not match the blocks\n");
		return -EINVAL;
	}
	return 0;
}

static void __exit exhaust_exit(void)
{
}

module_init(exhaust_init);
module_exit(exhaust_exit);

MODULE_DESCRIPTION("ntshim test: page-sized NonPagedPool until NULL, then free it all");
MODULE_LICENSE("GPL");
