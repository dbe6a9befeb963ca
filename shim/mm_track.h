/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Tracking of Mm allocations, I/O mappings and MDLs (shared by mm.c and
 * mdl.c).  They are not hot, so one list under a spinlock does.
 */
#ifndef _NTSHIM_MM_TRACK_H
#define _NTSHIM_MM_TRACK_H

#include <linux/list.h>
#include <linux/mm.h>
#include <linux/types.h>

struct module;
struct page;

enum mm_kind {
	MM_KIND_CONTIGUOUS,
	MM_KIND_NONCACHED,
	MM_KIND_IOSPACE,
	MM_KIND_MDL,
};

/**
 * struct mm_block - one tracked allocation or mapping
 * @node:   entry in the tracking list
 * @addr:   the address the caller holds
 * @size:   the size it asked for
 * @kind:   what it is
 * @tag:    pool tag it is charged to; 0 if not charged
 * @charge: bytes charged
 * @owner:  the module that made it (NULL: built-in code)
 * @caller: the caller's code address
 * @pages:  NONCACHED: its pages
 * @cache:  CONTIGUOUS: its MEMORY_CACHING_TYPE
 * @ram:    IOSPACE: mapped with memremap() (system RAM), not ioremap()
 */
struct mm_block {
	struct list_head node;
	void *addr;
	size_t size;
	enum mm_kind kind;
	u32 tag;
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

void ntshim_mm_track(struct mm_block *b);
struct mm_block *ntshim_mm_untrack(const void *addr, enum mm_kind kind);

/* mdl.c: free an MDL whose owner leaked it (unmap, unlock, free). */
void ntshim_mdl_release(struct mm_block *b);
/* mdl.c: wait for unmaps deferred from DISPATCH_LEVEL. */
void ntshim_mdl_exit(void);

#endif /* _NTSHIM_MM_TRACK_H */
