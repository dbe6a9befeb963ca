/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Driver Verifier's special pool (shim/pool_special.c), private to the
 * pool: each block smaller than a page gets a page of its own between two
 * unmapped guard pages, and freed blocks stay unmapped in a quarantine.
 *
 * The block routines are declared in test_exports.h (the KUnit suite
 * ntshim_pool_special calls them too):
 *
 *	ntshim_pool_special_alloc()    a block, or NULL: use normal pool
 *	ntshim_pool_special_is()       is it a special-pool address?
 *	ntshim_pool_special_free()     1 freed, 0 not special, -1 reported
 *	ntshim_pool_special_size()     a live block's size
 *	ntshim_pool_special_describe() what a faulting address hit
 */
#ifndef _NTSHIM_POOL_SPECIAL_H
#define _NTSHIM_POOL_SPECIAL_H

#include "test_exports.h"

struct dentry;

/**
 * ntshim_pool_special_init() - set up the special pool
 * @dir: debugfs directory for special_pool_stats (ntshim/verifier/), or
 *       NULL for no file
 *
 * Until it has run, ntshim_pool_special_alloc() serves nothing.
 *
 * Return: 0, or -ENOMEM.
 */
int ntshim_pool_special_init(struct dentry *dir);

/**
 * ntshim_pool_special_exit() - tear the special pool down
 *
 * Releases the quarantine.  Blocks still allocated are reported and stay
 * mapped (something may still use them); only their records go.  The
 * stats file goes with the directory given to ntshim_pool_special_init().
 */
void ntshim_pool_special_exit(void);

#endif /* _NTSHIM_POOL_SPECIAL_H */
