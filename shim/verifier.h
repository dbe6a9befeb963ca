/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to shim/: Driver Verifier's pool options (verifier.c), read by
 * the pool on its slow path.
 */
#ifndef _NTSHIM_VERIFIER_H
#define _NTSHIM_VERIFIER_H

#include <linux/jump_label.h>
#include <ntshim/types.h>
#include <ntshim/verifier.h>

#include "test_exports.h"

struct dentry;
struct module;

/* On while any pool option is on: the pool's fast path is off then. */
DECLARE_STATIC_KEY_FALSE(ntshim_pool_verifier_key);

static __always_inline bool ntshim_pool_verifying(void)
{
	return static_branch_unlikely(&ntshim_pool_verifier_key);
}

/* ntshim_verifier_pool(): in test_exports.h, the KUnit suite calls it too. */

struct dentry *ntshim_verifier_init(struct dentry *root);
void ntshim_verifier_exit(void);

#endif /* _NTSHIM_VERIFIER_H */
