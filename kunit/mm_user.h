/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A user mapping for the Mm/MDL tests: kunit_vm_mmap() gives the test
 * thread an mm and maps anonymous memory in it.  It exists from Linux
 * 6.12 on, which is what the test VM runs; the suites are not meant to
 * build against older kernels.
 */
#ifndef _NTSHIM_KUNIT_MM_USER_H
#define _NTSHIM_KUNIT_MM_USER_H

#include <kunit/test.h>
#include <linux/err.h>
#include <linux/mman.h>

/**
 * test_user_map() - map @len bytes of anonymous user memory
 * @test: the test
 * @len:  bytes to map
 * @prot: PROT_* flags
 *
 * Return: the user address; the test is aborted on failure.
 */
static inline unsigned long test_user_map(struct kunit *test, size_t len,
					  unsigned long prot)
{
	unsigned long addr = kunit_vm_mmap(test, NULL, 0, len, prot,
					   MAP_ANONYMOUS | MAP_PRIVATE, 0);

	KUNIT_ASSERT_NE_MSG(test, addr, 0, "no user mapping");
	KUNIT_ASSERT_FALSE(test, IS_ERR_VALUE(addr));
	KUNIT_ASSERT_LT(test, addr + len, (unsigned long)TASK_SIZE);
	return addr;
}

#endif /* _NTSHIM_KUNIT_MM_USER_H */
