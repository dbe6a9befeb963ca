/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The example driver's test interface between its DDK side
 * (example_driver.c, Windows code only) and its Linux side
 * (example_debugfs.c, the debugfs file the VM test drives).  Plain C
 * types only, so both sides can include it.
 */
#ifndef _NTSHIM_EXAMPLE_H
#define _NTSHIM_EXAMPLE_H

#define EXAMPLE_NAME_MAX 32

/* DDK side: 0 or a negative errno. */
int example_add(const char *name, unsigned long len);
int example_del(unsigned int id);
void example_clear(void);
void example_show(void (*emit)(void *ctx, unsigned int id, const char *name),
		  void *ctx);

/* Linux side: the debugfs file. */
int example_debugfs_create(void);
void example_debugfs_remove(void);

#endif /* _NTSHIM_EXAMPLE_H */
