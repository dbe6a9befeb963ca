/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracking of Mm allocations, I/O mappings and MDLs (mm_track.c), used by
 * mm.c and mdl.c.  They are not hot, so one list under a spinlock does.
 * Each kind of block brings its own release routine, so the tracker
 * calls back into nobody by name.
 */
#ifndef _NTSHIM_MM_TRACK_H
#define _NTSHIM_MM_TRACK_H

#include <linux/list.h>
#include <linux/mm.h>
#include <linux/types.h>

struct dentry;
struct module;
struct page;
struct ntshim_mm_block;

/**
 * struct ntshim_mm_kind - what a kind of tracked block is
 * @name:    its name in reports and mm_outstanding
 * @tag:     pool tag it is charged to; 0 if not charged
 * @release: frees a block whose owner leaked it (unmap, unlock, free)
 */
struct ntshim_mm_kind {
	const char *name;
	u32 tag;
	void (*release)(struct ntshim_mm_block *b);
};

/**
 * struct ntshim_mm_block - one tracked allocation or mapping
 * @node:   entry in the tracking list
 * @addr:   the address the caller holds
 * @size:   the size it asked for
 * @kind:   what it is
 * @charge: bytes charged to @kind's tag
 * @owner:  the module that made it (NULL: built-in code)
 * @caller: the caller's code address
 * @pages:  noncached: its pages
 * @cache:  contiguous: its MEMORY_CACHING_TYPE
 * @ram:    I/O space: mapped with memremap() (system RAM), not ioremap()
 */
struct ntshim_mm_block {
	struct list_head node;
	void *addr;
	size_t size;
	const struct ntshim_mm_kind *kind;
	size_t charge;
	struct module *owner;
	unsigned long caller;
	union {
		struct page **pages;
		int cache;
		bool ram;
	};
};

/*
 * Is @p mapped through the vmalloc or module page tables (so that
 * vmalloc_to_page() finds its frame)?  Linux 6.1 does not export
 * is_vmalloc_or_module_addr(), hence this copy.
 */
static inline bool ntshim_is_vmalloc_or_module(const void *p)
{
#if defined(CONFIG_MODULES) && defined(MODULES_VADDR)
	unsigned long a = (unsigned long)p;

	if (a >= MODULES_VADDR && a < MODULES_END)
		return true;
#endif
	return is_vmalloc_addr(p);
}

/* Fill @b (the fields above @pages), charge it and list it. */
void ntshim_mm_track(struct ntshim_mm_block *b, const struct ntshim_mm_kind *kind,
		     void *addr, size_t size, size_t charge,
		     struct module *owner, unsigned long caller);
struct ntshim_mm_block *ntshim_mm_untrack(const void *addr,
					  const struct ntshim_mm_kind *kind);

/* Report and release what @mod (everything when NULL) still holds. */
void ntshim_mm_reclaim(const struct module *mod);
void ntshim_mm_track_init(struct dentry *root);

/* mdl.c: wait for unmaps deferred from DISPATCH_LEVEL. */
void ntshim_mdl_exit(void);

/* mdl.c: undo an MDL's system mapping (deferred above APC_LEVEL). */
struct _MDL;
void ntshim_mdl_unmap(struct _MDL *Mdl);

#endif /* _NTSHIM_MM_TRACK_H */
