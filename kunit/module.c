// SPDX-License-Identifier: GPL-2.0
/*
 * ntshim_test.ko: every ntshim_* KUnit suite, one file per area.  KUnit
 * runs them when the module loads; load ntshim.ko first.
 */
#include <linux/module.h>

MODULE_DESCRIPTION("KUnit tests for ntshim");
MODULE_LICENSE("GPL");
