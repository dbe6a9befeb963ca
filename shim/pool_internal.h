/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to shim/pool*.c: the block header, the per-tag statistics rows
 * and the hooks between allocation, statistics, tracking and fault
 * injection.
 */
#ifndef _NTSHIM_POOL_INTERNAL_H
#define _NTSHIM_POOL_INTERNAL_H

#include <linux/list.h>
#include <linux/module.h>
#include <linux/percpu.h>
#include <ntshim/pool.h>

struct dentry;
struct module;

/* Per-CPU counters of one statistics row; summed when read. */
struct pool_tag_counters {
	unsigned long allocs;
	unsigned long frees;
	long bytes;
};

/*
 * One statistics row, keyed by (tag, paged, owner).  A slot is in use once
 * @pcpu is set (published with release); it is never reused while ntshim
 * is loaded, so lock-free readers may keep the pointer.
 */
struct pool_tag_entry {
	ULONG tag;
	u8 paged;
	struct module *owner;
	struct pool_tag_counters __percpu *pcpu;
};

/* hdr->flags */
#define POOL_HDR_LARGE 0x01	/* page-aligned block, header out of line */
#define POOL_HDR_TRACKED 0x02	/* on a pool_outstanding list */

/*
 * The header of every block.  Small blocks carry it right in front of the
 * caller's pointer; large ones keep it out of line.  The size is a
 * multiple of 16 so the caller's pointer keeps the kmalloc alignment.
 * Once a block is freed the slab allocator may overwrite its header, so
 * pool.c also remembers recently freed addresses to name a double free.
 */
struct pool_hdr {
	struct list_head node;		/* pool_outstanding, if tracked */
	struct pool_tag_entry *stats;	/* the row this block is counted in */
	struct module *owner;
	unsigned long caller;
	void *base;			/* what kmalloc/kvmalloc returned */
	SIZE_T size;			/* bytes requested */
	ULONG tag;			/* as given, PROTECTED_POOL included */
	u16 type;			/* POOL_TYPE as given (low 16 bits) */
	u8 flags;			/* POOL_HDR_* */
	u8 reserved;
	int cpu;			/* whose tracking list holds it */
	u32 reserved2;
	unsigned long magic;		/* pool_magic_live/freed() */
};

/* A module that unloaded: its rows and blocks keep this as owner. */
#define POOL_OWNER_GONE ((struct module *)1UL)

static inline const char *pool_owner_name(struct module *owner)
{
	if (owner == POOL_OWNER_GONE)
		return "[unloaded]";
	return owner ? module_name(owner) : "kernel";
}

/* pool_stats.c */
struct pool_tag_entry *pool_stats_row(ULONG tag, bool paged,
				      struct module *owner);
static inline void pool_stats_add(struct pool_tag_entry *e, SIZE_T bytes)
{
	this_cpu_inc(e->pcpu->allocs);
	this_cpu_add(e->pcpu->bytes, bytes);
}

static inline void pool_stats_sub(struct pool_tag_entry *e, SIZE_T bytes)
{
	this_cpu_inc(e->pcpu->frees);
	this_cpu_sub(e->pcpu->bytes, bytes);
}

u64 pool_stats_report_owner(struct module *owner);
void pool_stats_init(struct dentry *root);
void pool_stats_exit(void);

/* pool_track.c */
extern bool pool_track;
void pool_track_add(struct pool_hdr *h);
void pool_track_del(struct pool_hdr *h);
void pool_track_report_owner(struct module *owner);
int pool_track_init(struct dentry *root);
void pool_track_exit(void);

/* pool_fault.c */
bool pool_should_fail(ULONG tag, SIZE_T size);
void pool_fault_init(struct dentry *root);

#endif /* _NTSHIM_POOL_INTERNAL_H */
