// SPDX-License-Identifier: GPL-2.0
/*
 * The live-object filter's counters and its slow path (see live_filter.h).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>

#include "live_filter.h"
#include "test_exports.h"

struct ntshim_live_filter ntshim_live;

/*
 * A block of three pages or more: its regions' counters, then, if one is
 * nonzero, its pages' (when there are few enough), else walk.
 */
bool ntshim_live_maybe_large(unsigned long lo, unsigned long hi)
{
	unsigned long r = lo >> NTSHIM_LIVE_REGION_SHIFT;
	unsigned long last = (hi - 1) >> NTSHIM_LIVE_REGION_SHIFT;
	unsigned long pfn, last_pfn;

	if (last - r >= NTSHIM_LIVE_MAX_REGIONS)
		return true;
	while (!atomic_read(ntshim_live_region(r)))
		if (r++ == last)
			return false;

	pfn = lo >> PAGE_SHIFT;
	last_pfn = (hi - 1) >> PAGE_SHIFT;
	if (last_pfn - pfn >= NTSHIM_LIVE_MAX_PAGES)
		return true;
	for (;;) {
		if (atomic_read(ntshim_live_page(pfn)))
			return true;
		if (pfn++ == last_pfn)
			return false;
	}
}

/* Sum of one table; *negative set when a counter is below zero. */
static long live_sum(const atomic_t *t, unsigned int n, bool *negative)
{
	long sum = 0;
	unsigned int i;

	for (i = 0; i < n; i++) {
		int v = atomic_read(&t[i]);

		if (v < 0)
			*negative = true;
		sum += v;
	}
	return sum;
}

long ntshim_live_filter_objects(void)
{
	bool negative = false;
	long pages, regions;

	pages = live_sum(ntshim_live.page, ARRAY_SIZE(ntshim_live.page),
			 &negative);
	regions = live_sum(ntshim_live.region, ARRAY_SIZE(ntshim_live.region),
			   &negative);
	if (negative || pages != regions)
		return -1;
	return pages;
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_live_filter_objects);
