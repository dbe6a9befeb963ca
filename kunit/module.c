// SPDX-License-Identifier: GPL-2.0
/*
 * ntshim_test.ko: every ntshim_* KUnit suite, one file per area.  KUnit
 * runs them when the module loads; load ntshim.ko first.
 */
#include <linux/delay.h>
#include <linux/module.h>

#include "ntshim_kunit.h"

MODULE_DESCRIPTION("KUnit tests for ntshim");
MODULE_LICENSE("GPL");
/* What ntshim.ko exports for the tests only (shim/test_exports.h). */
#ifdef NTSHIM_KUNIT_NS_STRING
MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING");
#else
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
#endif

/* The live-object filter's count when the current case started. */
static long live_at_init;

int ntshim_live_case_init(struct kunit *test)
{
	live_at_init = ntshim_live_filter_objects();
	return 0;
}

void ntshim_live_case_exit(struct kunit *test)
{
	long now = ntshim_live_filter_objects();
	int i;

	/* a DPC or work item of the case may still be finishing: 1 s at most */
	for (i = 0; i < 100 && now != live_at_init; i++) {
		usleep_range(10000, 20000);
		now = ntshim_live_filter_objects();
	}
	KUNIT_EXPECT_GE_MSG(test, now, 0,
			    "live-object filter out of balance (see shim/live_filter.h)");
	KUNIT_EXPECT_EQ_MSG(test, now, live_at_init,
			    "live objects left by the case (or counted wrong)");
}
