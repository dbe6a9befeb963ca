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
#include <ntshim/dpc.h>
struct module;
int ntshim_dpc_init(struct dentry *root);
void ntshim_dpc_exit(void);
BOOLEAN ntshim_dpc_insert(PRKDPC Dpc, PVOID SystemArgument1,
			  PVOID SystemArgument2, unsigned long caller);
void ntshim_timer_init(struct dentry *root);
void ntshim_timer_exit(void);
void ntshim_timer_cancel_module(struct module *mod);
int ntshim_workitem_init(struct dentry *root);
void ntshim_workitem_exit(void);
void ntshim_workitem_cancel_module(struct module *mod);

#endif /* _NTSHIM_INTERNAL_H */
