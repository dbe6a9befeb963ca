/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the ntshim suites need from KUnit on every kernel they build for.
 */
#ifndef _NTSHIM_KUNIT_H
#define _NTSHIM_KUNIT_H

#include <kunit/test.h>

/* KUnit without speed attributes (before 6.6) runs every case anyway. */
#ifndef KUNIT_CASE_SLOW
#define KUNIT_CASE_SLOW(test_name) KUNIT_CASE(test_name)
#endif

#endif /* _NTSHIM_KUNIT_H */
