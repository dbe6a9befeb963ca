// SPDX-License-Identifier: GPL-2.0
/*
 * Misbehaves on purpose so tools/vm/selftest.sh can prove that the test VM
 * harness notices each kind of failure: a failing KUnit case, a WARN_ON(),
 * a leaked allocation (kmemleak) and an out-of-bounds read (KASAN).
 * Never loaded by make check itself.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <kunit/test.h>
#include <linux/module.h>
#include <linux/slab.h>

static char *fault = "all";
module_param(fault, charp, 0444);
MODULE_PARM_DESC(fault, "kunit, warn, leak, kasan or all");

static void *leaked;

static bool want(const char *what)
{
	return !strcmp(fault, "all") || !strcmp(fault, what);
}

static void ntshim_harness_selftest_fails(struct kunit *test)
{
	if (want("kunit"))
		KUNIT_EXPECT_EQ(test, 1, 2);
}

static struct kunit_case ntshim_harness_selftest_cases[] = {
	KUNIT_CASE(ntshim_harness_selftest_fails),
	{}
};

static struct kunit_suite ntshim_harness_selftest_suite = {
	.name = "ntshim_harness_selftest",
	.test_cases = ntshim_harness_selftest_cases,
};

kunit_test_suite(ntshim_harness_selftest_suite);

static noinline char read_past_end(char *p, size_t n)
{
	return READ_ONCE(p[n]);
}

static int __init selftest_init(void)
{
	if (want("warn"))
		WARN_ON(1);
	if (want("leak")) {
		leaked = kmalloc(64, GFP_KERNEL);
		leaked = NULL;	/* drop the only reference */
	}
	if (want("kasan")) {
		char *p = kmalloc(16, GFP_KERNEL);

		if (p) {
			pr_info("read past the end: %d\n", read_past_end(p, 16));
			kfree(p);
		}
	}
	return 0;
}

static void __exit selftest_exit(void)
{
}

module_init(selftest_init);
module_exit(selftest_exit);
MODULE_DESCRIPTION("ntshim test harness self-test: misbehaves on purpose");
MODULE_LICENSE("GPL");
