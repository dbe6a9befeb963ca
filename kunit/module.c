// SPDX-License-Identifier: GPL-2.0
/*
 * ntshim_test.ko: every ntshim_* KUnit suite, one file per area.  KUnit
 * runs them when the module loads; load ntshim.ko first.
 */
#include <linux/module.h>

MODULE_DESCRIPTION("KUnit tests for ntshim");
MODULE_LICENSE("GPL");
/* What ntshim.ko exports for the tests only (shim/test_exports.h). */
#ifdef NTSHIM_KUNIT_NS_STRING
MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING");
#else
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
#endif
