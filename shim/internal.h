/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private interfaces between ntshim's runtime files and module/main.c.
 * Nothing here is part of the public header.
 */
#ifndef _NTSHIM_INTERNAL_H
#define _NTSHIM_INTERNAL_H

struct dentry;

/* Each runtime area that needs set-up gets its debugfs root here. */
void ntshim_violation_init(struct dentry *root);

/* pool */
int ntshim_pool_init(struct dentry *root);
void ntshim_pool_exit(void);

/* lookaside */
int ntshim_lookaside_init(struct dentry *root);
void ntshim_lookaside_exit(void);

/* Mm and MDLs */
int ntshim_mm_init(struct dentry *root);
void ntshim_mm_exit(void);

/* demos */
int ntshim_demos_init(struct dentry *root);
void ntshim_demos_exit(void);

/* DPCs, timers, work items */

#endif /* _NTSHIM_INTERNAL_H */
