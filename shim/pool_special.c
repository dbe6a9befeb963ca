// SPDX-License-Identifier: GPL-2.0
/*
 * Driver Verifier's special pool: every block smaller than a page gets a
 * page of its own, mapped with vmap() between two unmapped guard pages:
 *
 *	[ guard ][ fill ... block | fill ][ vmap's guard ]   verify end
 *	[ guard ][ block | fill ......... ][ vmap's guard ]   verify start
 *
 * In "verify end" mode (the default) the block ends at most 15 bytes
 * before the page end (it stays 16-byte aligned), so an overrun beyond
 * that slack faults at once; in "verify start" mode it starts at the
 * page start and an underrun faults.  Every byte of the page outside the
 * block holds a fill pattern, checked when the block is freed: a write
 * that stayed within the page is reported then (Windows' bugcheck 0xC1,
 * SPECIAL_POOL_DETECTED_MEMORY_CORRUPTION).
 *
 * The area is vmap()'ed as two pages, a shared dummy page then the block
 * page, and the dummy's PTE is cleared at once: the leading guard.  vmap()
 * puts an unmapped guard page after every area, but the page before an
 * area is not always someone's guard (vm_map_ram()'s blocks have none).
 *
 * A freed block's PTE is cleared too and the TLBs flushed, so a use after
 * free faults at once, without KASAN; the area stays reserved in a
 * quarantine of the last SPECIAL_QUARANTINE blocks freed, then vunmap()
 * releases it.  No exported call unmaps one page of a vmap() area in
 * place, so the PTE is cleared as KFENCE does it on x86: lookup_address()
 * and set_pte() through pte_clear().  No exported call flushes one kernel
 * page on every CPU either: each CPU flushes its whole TLB
 * (__flush_tlb_all()), by IPI where the free may send one, else this CPU
 * now and the others from a work item.
 *
 * The per-block record (size, row, tag, caller, mode) lives out of band,
 * in an xarray indexed by the block page's page number, so the block can
 * sit flush against the guard page.  Lookups are RCU; records are freed
 * with kfree_rcu().  The xarray is only changed where the caller may
 * sleep (allocation, release from the quarantine).
 *
 * While live, a block page is a kmemleak object of its own (it may hold
 * the only pointer to another allocation); it stops being one before its
 * PTE goes, so the scanner never reads an unmapped page.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/gfp.h>
#include <linux/kdebug.h>
#include <linux/kmemleak.h>
#include <linux/mm.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <ntshim/tag.h>
#include <ntshim/violation.h>

#ifdef CONFIG_X86
#include <asm/pgtable.h>
#include <asm/special_insns.h>
#include <asm/tlbflush.h>
#include <asm/trap_pf.h>
#endif

#include "pool_special.h"

#define SPECIAL_ALIGN 16
/* Freed blocks kept unmapped: 256 pages of memory, 768 of address space. */
#define SPECIAL_QUARANTINE 256
/* What the page around a block holds; checked when the block is freed. */
#define SPECIAL_FILL 0xc1

enum special_state {
	SPECIAL_LIVE = 1,
	SPECIAL_FREED,
};

/* One block, found by its page (key) in special_blocks. */
struct special_block {
	unsigned long page;	/* the block's page; the guard is before */
	struct page *pg;
	void *ptr;
	u32 size;
	u16 row;
	bool underrun;
	atomic_t state;		/* enum special_state */
	ULONG tag;
	unsigned long caller;		/* the allocation's */
	unsigned long free_caller;	/* set once freed */
	struct list_head link;	/* in special_quarantine or special_release */
	struct rcu_head rcu;
};

static DEFINE_XARRAY(special_blocks);
static struct page *special_dummy;	/* behind every leading guard */
static bool special_ready;

/*
 * The quarantine, oldest first, and the blocks out of it that wait for
 * the work item to release them (a free that cannot sleep).
 */
static DEFINE_RAW_SPINLOCK(special_lock);
static LIST_HEAD(special_quarantine);
static LIST_HEAD(special_release);
static unsigned int special_quarantined;
static atomic_t special_flush_pending;	/* other CPUs' TLBs, for the work */

static atomic_long_t special_allocs, special_frees, special_fallbacks;
static atomic_long_t special_corruptions;

static void special_work_fn(struct work_struct *work);
static DECLARE_WORK(special_work, special_work_fn);

static unsigned long special_key(unsigned long addr)
{
	return addr >> PAGE_SHIFT;
}

#ifdef CONFIG_X86
/*
 * Unmap the page at @addr, one of our own vmap() area's: nothing else
 * changes its PTE, and its page table stays while the area does.
 */
static bool special_unmap(unsigned long addr)
{
	unsigned int level;
	pte_t *pte = lookup_address(addr, &level);

	if (!pte || level != PG_LEVEL_4K || !pte_present(ptep_get(pte)))
		return false;
	pte_clear(NULL, addr, pte);	/* pte_none(): vunmap() skips it */
	return true;
}

static void special_flush_cpu(void *unused)
{
	__flush_tlb_all();
}

/*
 * Drop the TLB entries of pages just unmapped: on every CPU when the
 * caller may wait for an IPI (it holds no spin lock, interrupts are on),
 * else on this CPU now, where the block was most likely used, and on the
 * others from the work item.
 */
static void special_flush(void)
{
	if (preemptible()) {
		on_each_cpu(special_flush_cpu, NULL, 1);
		return;
	}
	__flush_tlb_all();
	atomic_set(&special_flush_pending, 1);
	schedule_work(&special_work);
}
#else
/* No way to unmap one page in place elsewhere: special pool serves none. */
static bool special_unmap(unsigned long addr)
{
	return false;
}

static void special_flush(void)
{
}
#endif

/* Call under rcu_read_lock(); the record stays readable until it ends. */
static struct special_block *special_find(unsigned long addr)
{
	return xa_load(&special_blocks, special_key(addr));
}

static void special_fill(struct special_block *b, bool zero)
{
	memset((void *)b->page, SPECIAL_FILL, PAGE_SIZE);
	if (zero)
		memset(b->ptr, 0, b->size);
}

void *ntshim_pool_special_alloc(SIZE_T size, bool zero, bool underrun, u16 row,
				ULONG tag, unsigned long caller)
{
	const gfp_t gfp = GFP_KERNEL | __GFP_NOWARN;
	struct special_block *b;
	struct page *pages[2];
	void *area;

	/* vmap() sleeps; Windows, too, serves such blocks from normal pool */
	if (size >= PAGE_SIZE || !preemptible() || !READ_ONCE(special_ready))
		goto fallback;
	b = kzalloc(sizeof(*b), gfp);
	if (!b)
		goto fallback;
	b->pg = alloc_page(gfp);
	if (!b->pg)
		goto out_rec;
	pages[0] = special_dummy;
	pages[1] = b->pg;
	area = vmap(pages, 2, VM_MAP, PAGE_KERNEL);
	if (!area)
		goto out_page;
	/*
	 * No flush: the address range was flushed before vmap() could hand
	 * it out again, and nothing has touched the dummy through it since.
	 */
	if (!special_unmap((unsigned long)area))
		goto out_area;

	b->page = (unsigned long)area + PAGE_SIZE;
	b->size = size;
	/* A 0-byte block is 16 bytes of fill: any write to it is reported. */
	b->ptr = (void *)b->page;
	if (!underrun)
		b->ptr += round_down(PAGE_SIZE - max_t(SIZE_T, size, 1),
				     SPECIAL_ALIGN);
	b->row = row;
	b->underrun = underrun;
	b->tag = tag;
	b->caller = caller;
	atomic_set(&b->state, SPECIAL_LIVE);
	special_fill(b, zero);
	kmemleak_alloc((void *)b->page, PAGE_SIZE, 0, gfp);
	/* last: publishes the record to lookups (a release) */
	if (xa_insert(&special_blocks, special_key(b->page), b, gfp))
		goto out_leak;
	atomic_long_inc(&special_allocs);
	return b->ptr;

out_leak:
	kmemleak_free((void *)b->page);
out_area:
	vunmap(area);
out_page:
	__free_page(b->pg);
out_rec:
	kfree(b);
fallback:
	atomic_long_inc(&special_fallbacks);
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_pool_special_alloc);

bool ntshim_pool_special_is(const void *p)
{
	bool found;

	if (!is_vmalloc_addr(p))
		return false;
	rcu_read_lock();
	found = special_find((unsigned long)p);
	rcu_read_unlock();
	return found;
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_pool_special_is);

SIZE_T ntshim_pool_special_size(const void *p)
{
	struct special_block *b;
	SIZE_T size = 0;

	if (!is_vmalloc_addr(p))
		return 0;
	rcu_read_lock();
	b = special_find((unsigned long)p);
	if (b && b->ptr == p && atomic_read(&b->state) == SPECIAL_LIVE)
		size = b->size;
	rcu_read_unlock();
	return size;
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_pool_special_size);

/*
 * Bytes of @from..@to that lost the fill: counted into @bad, the first
 * one's offset from the block into @first.
 */
static void special_scan(const struct special_block *b, const u8 *from,
			 const u8 *to, unsigned int *bad, long *first)
{
	const u8 *q = memchr_inv(from, SPECIAL_FILL, to - from);

	if (!q)
		return;
	if (!*bad)
		*first = q - (const u8 *)b->ptr;
	for (; q < to; q++)
		*bad += *q != SPECIAL_FILL;
}

/* Check the fill around a block being freed; report a corruption once. */
static void special_check(struct special_block *b, unsigned long caller)
{
	const u8 *page = (const u8 *)b->page;
	const u8 *end = (const u8 *)b->ptr + b->size;
	char tag[NTSHIM_TAG_STR_LEN];
	unsigned int bad = 0;
	long first = 0;

	special_scan(b, page, b->ptr, &bad, &first);
	special_scan(b, end, page + PAGE_SIZE, &bad, &first);
	if (!bad)
		return;
	atomic_long_inc(&special_corruptions);
	ntshim_violation(NTSHIM_V_POOL_SPECIAL_CORRUPTION, b->tag, b->ptr,
			 caller,
			 "0xC1: %u byte(s) around the %u-byte block overwritten, first at %+ld",
			 bad, b->size, first);
	pr_err_ratelimited("special pool: the corrupted '%s' block was allocated at %pS\n",
			   ntshim_tag_str(b->tag, tag), (void *)b->caller);
}

/* Out of the quarantine for good; the caller may sleep. */
static void special_release_block(struct special_block *b)
{
	xa_erase(&special_blocks, special_key(b->page));
	vunmap((void *)(b->page - PAGE_SIZE));
	__free_page(b->pg);
	/* a racing double free may still be reading it */
	kfree_rcu(b, rcu);
}

/*
 * Quarantine a freed block; hand back the oldest one if that made one too
 * many, or NULL.  With @defer, the oldest goes to the work item instead.
 */
static struct special_block *special_quarantine_add(struct special_block *b,
						    bool defer)
{
	struct special_block *old = NULL;
	unsigned long flags;

	raw_spin_lock_irqsave(&special_lock, flags);
	list_add_tail(&b->link, &special_quarantine);
	if (++special_quarantined > SPECIAL_QUARANTINE) {
		old = list_first_entry(&special_quarantine,
				       struct special_block, link);
		list_del(&old->link);
		special_quarantined--;
		if (defer) {
			list_add_tail(&old->link, &special_release);
			old = NULL;
			schedule_work(&special_work);
		}
	}
	raw_spin_unlock_irqrestore(&special_lock, flags);
	return old;
}

static void special_work_fn(struct work_struct *work)
{
	struct special_block *b, *next;
	unsigned long flags;
	LIST_HEAD(release);

	/* Other CPUs' stale entries go before the pages are reused. */
	if (atomic_xchg(&special_flush_pending, 0))
		special_flush();
	raw_spin_lock_irqsave(&special_lock, flags);
	list_splice_init(&special_release, &release);
	raw_spin_unlock_irqrestore(&special_lock, flags);
	list_for_each_entry_safe(b, next, &release, link)
		special_release_block(b);
}

int ntshim_pool_special_free(void *p, SIZE_T *size, u16 *row,
			     unsigned long caller)
{
	char tag[NTSHIM_TAG_STR_LEN];
	struct special_block *b;
	bool defer;
	int state;

	if (!is_vmalloc_addr(p))
		return 0;
	rcu_read_lock();
	b = special_find((unsigned long)p);
	if (!b) {
		rcu_read_unlock();
		return 0;
	}
	if (b->ptr != p) {
		ntshim_violation(NTSHIM_V_POOL_BAD_FREE, b->tag, p, caller,
				 "%+ld bytes into a special-pool block, not its start",
				 (long)(p - b->ptr));
		rcu_read_unlock();
		return -1;
	}
	/* of two racing frees, one claims it */
	state = atomic_cmpxchg(&b->state, SPECIAL_LIVE, SPECIAL_FREED);
	if (state != SPECIAL_LIVE) {
		ntshim_violation(NTSHIM_V_POOL_DOUBLE_FREE, b->tag, p, caller,
				 "special-pool '%s' block already freed at %pS",
				 ntshim_tag_str(b->tag, tag),
				 (void *)READ_ONCE(b->free_caller));
		rcu_read_unlock();
		return -1;
	}
	rcu_read_unlock();
	/* ours now: it leaves the xarray only out of the quarantine */
	WRITE_ONCE(b->free_caller, caller);
	special_check(b, caller);
	*size = b->size;
	*row = b->row;

	/* no scan of it may be running once its PTE goes */
	kmemleak_free((void *)b->page);
	special_unmap(b->page);
	defer = !preemptible();
	special_flush();
	atomic_long_inc(&special_frees);
	b = special_quarantine_add(b, defer);
	if (b)
		special_release_block(b);
	return 1;
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_pool_special_free);

int ntshim_pool_special_describe(unsigned long addr, char *buf, size_t len)
{
	char tag[NTSHIM_TAG_STR_LEN];
	struct special_block *b;
	const char *freed;
	int n = 0;

	if (!is_vmalloc_addr((void *)addr))
		return 0;
	rcu_read_lock();
	/* the block's own page, the page before the guard after it, ... */
	b = special_find(addr);
	if (!b)
		b = special_find(addr - PAGE_SIZE);
	if (!b)	/* ... or the page after its leading guard */
		b = special_find(addr + PAGE_SIZE);
	if (!b)
		goto out;
	freed = atomic_read(&b->state) == SPECIAL_LIVE ? "" : "freed ";
	ntshim_tag_str(b->tag, tag);
	if (addr >= b->page + PAGE_SIZE)
		n = scnprintf(buf, len,
			      "access %lu byte(s) beyond the end of a %s%u-byte '%s' block allocated at %pS",
			      addr - ((unsigned long)b->ptr + b->size), freed,
			      b->size, tag, (void *)b->caller);
	else if (addr < b->page)
		n = scnprintf(buf, len,
			      "access %lu byte(s) before the start of a %s%u-byte '%s' block allocated at %pS",
			      (unsigned long)b->ptr - addr, freed, b->size,
			      tag, (void *)b->caller);
	else if (*freed)
		n = scnprintf(buf, len,
			      "access at %+ld of a freed %u-byte '%s' block allocated at %pS, freed at %pS",
			      (long)(addr - (unsigned long)b->ptr), b->size,
			      tag, (void *)b->caller,
			      (void *)READ_ONCE(b->free_caller));
out:
	rcu_read_unlock();
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_pool_special_describe);

#ifdef CONFIG_X86
/*
 * A kernel page fault that oopses on a special-pool page or guard: name
 * the block (the oops itself follows).  CR2 still holds the address.
 */
static int special_die_notify(struct notifier_block *nb, unsigned long val,
			      void *data)
{
	struct die_args *args = data;
	char line[192];

	if (val != DIE_OOPS || !args->str || strcmp(args->str, "Oops") ||
	    (args->err & X86_PF_PROT))
		return NOTIFY_DONE;
	if (ntshim_pool_special_describe(read_cr2(), line, sizeof(line)))
		pr_emerg("special pool: %s\n", line);
	return NOTIFY_DONE;
}

static struct notifier_block special_die_nb = {
	.notifier_call = special_die_notify,
};

static int special_die_register(void)
{
	return register_die_notifier(&special_die_nb);
}

static void special_die_unregister(void)
{
	unregister_die_notifier(&special_die_nb);
}
#else
static int special_die_register(void)
{
	return 0;
}

static void special_die_unregister(void)
{
}
#endif

int ntshim_pool_special_stats_print(char *buf, size_t len)
{
	long allocs = atomic_long_read(&special_allocs);
	long frees = atomic_long_read(&special_frees);

	return scnprintf(buf, len,
			 "allocs %ld\nfrees %ld\nfallbacks %ld\nlive %ld\nquarantined %u\nquarantine_max %u\ncorruptions %ld\n",
			 allocs, frees, atomic_long_read(&special_fallbacks),
			 allocs - frees, READ_ONCE(special_quarantined),
			 SPECIAL_QUARANTINE,
			 atomic_long_read(&special_corruptions));
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_pool_special_stats_print);

static int special_pool_stats_show(struct seq_file *m, void *v)
{
	char buf[192];

	ntshim_pool_special_stats_print(buf, sizeof(buf));
	seq_puts(m, buf);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(special_pool_stats);

int ntshim_pool_special_init(struct dentry *dir)
{
	int err;

	special_dummy = alloc_page(GFP_KERNEL);
	if (!special_dummy)
		return -ENOMEM;
	err = special_die_register();
	if (err) {
		__free_page(special_dummy);
		return err;
	}
	if (!IS_ERR_OR_NULL(dir))
		debugfs_create_file("special_pool_stats", 0400, dir, NULL,
				    &special_pool_stats_fops);
	WRITE_ONCE(special_ready, true);
	return 0;
}

void ntshim_pool_special_exit(void)
{
	struct special_block *b, *next;
	unsigned long index, live = 0;
	LIST_HEAD(release);

	WRITE_ONCE(special_ready, false);
	special_die_unregister();
	flush_work(&special_work);
	raw_spin_lock_irq(&special_lock);
	list_splice_init(&special_quarantine, &release);
	special_quarantined = 0;
	raw_spin_unlock_irq(&special_lock);
	list_for_each_entry_safe(b, next, &release, link)
		special_release_block(b);

	/* Left: live blocks.  They stay mapped, kmemleak objects of their own. */
	xa_for_each(&special_blocks, index, b) {
		xa_erase(&special_blocks, index);
		kfree_rcu(b, rcu);
		live++;
	}
	xa_destroy(&special_blocks);
	if (live)
		pr_err("special pool: %lu blocks still allocated, kept mapped\n",
		       live);
	__free_page(special_dummy);
}
