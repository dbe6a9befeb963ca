// SPDX-License-Identifier: GPL-2.0
/*
 * ExAllocatePool* / ExFreePool* on kmalloc and kvmalloc.
 *
 * Small blocks (< PAGE_SIZE): one kmalloc() holding padding, a struct
 * pool_hdr and the caller's data; the caller's pointer is aligned to 16
 * (or SMP_CACHE_BYTES) and the header sits right in front of it.
 *
 * Large blocks (>= PAGE_SIZE): the size is rounded up to whole pages and
 * allocated with kvmalloc() when the caller may sleep, kmalloc() when not.
 * Both return page-aligned memory for such sizes (the slab allocator
 * aligns power-of-two sizes naturally and hands larger ones to the page
 * allocator).  The header is a separate kmalloc() found through the
 * pool_large xarray, keyed by page number.  That xarray's lock is the one
 * global lock on the allocation path, and only for page-sized blocks.
 *
 * Free trusts nothing: the pointer must be 16-aligned, a large block must
 * be in pool_large, a small block's header is read with
 * copy_from_kernel_nofault() (no fault, no KASAN report on a wild or freed
 * pointer) and its magic must match the key for that address.  A block is
 * claimed by swapping its magic from live to freed, so only one of two
 * racing frees proceeds.  A freed block's header may be overwritten by the
 * slab allocator, so the last addresses freed on each CPU are remembered
 * too: either sign names a double free.  A bad or double free is reported
 * and the pointer is left alone.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/mm.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <linux/xarray.h>
#include <ntshim/irql.h>
#include <ntshim/violation.h>

#include "internal.h"
#include "pool_internal.h"

#define CREATE_TRACE_POINTS
#include "pool_trace.h"

#define POOL_ALIGN 16
#define POOL_HDR_SIZE sizeof(struct pool_hdr)
/* Beyond this the header and alignment arithmetic would overflow. */
#define POOL_MAX_SIZE (SIZE_MAX - PAGE_SIZE - POOL_HDR_SIZE - SMP_CACHE_BYTES)

static_assert(POOL_HDR_SIZE % POOL_ALIGN == 0);

/* The type bits Windows defines; anything else is pool_bad_type. */
#define POOL_TYPE_BASE_MASK 7
#define POOL_TYPE_SESSION 32
#define POOL_TYPE_KNOWN_BITS                                                  \
	(POOL_TYPE_BASE_MASK | POOL_QUOTA_FAIL_INSTEAD_OF_RAISE |             \
	 POOL_RAISE_IF_ALLOCATION_FAILURE | POOL_TYPE_SESSION |               \
	 POOL_COLD_ALLOCATION | POOL_NX_ALLOCATION | POOL_ZERO_ALLOCATION)

/* Required ExAllocatePool2 flags ntshim understands. */
#define POOL_FLAG_KIND_MASK                                                   \
	(POOL_FLAG_NON_PAGED | POOL_FLAG_NON_PAGED_EXECUTE | POOL_FLAG_PAGED)
#define POOL_FLAG_KNOWN                                                       \
	(POOL_FLAG_USE_QUOTA | POOL_FLAG_UNINITIALIZED | POOL_FLAG_SESSION |  \
	 POOL_FLAG_CACHE_ALIGNED | POOL_FLAG_RAISE_ON_FAILURE |               \
	 POOL_FLAG_KIND_MASK)
#define POOL_FLAG_REQUIRED_MASK 0xffffffffULL

#define POOL_MAGIC_LIVE 0x4e54506f6f6c4c76UL	/* "NTPoolLv" */
#define POOL_MAGIC_FREED 0x4e54506f6f6c4664UL	/* "NTPoolFd" */

static unsigned long pool_key __read_mostly;

static DEFINE_XARRAY_FLAGS(pool_large, XA_FLAGS_LOCK_IRQ);

/* The last addresses freed on each CPU, to name a double free. */
#define POOL_FREED_RING 64

struct pool_freed_ring {
	unsigned long addr[POOL_FREED_RING];
	unsigned int next;
};

static DEFINE_PER_CPU(struct pool_freed_ring, pool_freed);

/* vmalloc'ed blocks freed where vfree() may not sleep go through here. */
static LLIST_HEAD(pool_vfree_list);

static void pool_vfree_work_fn(struct work_struct *work)
{
	struct llist_node *n, *next;

	llist_for_each_safe(n, next, llist_del_all(&pool_vfree_list))
		vfree(n);
}

static DECLARE_WORK(pool_vfree_work, pool_vfree_work_fn);

/* What one allocation asks for, after the API's arguments are decoded. */
struct pool_req {
	SIZE_T size;
	ULONG tag;
	u16 type;
	bool paged;
	bool zero;
	bool low_priority;
	unsigned int align;
	int node;
	struct module *owner;
	unsigned long caller;
};

static unsigned long pool_magic(const struct pool_hdr *h, unsigned long what)
{
	return what ^ pool_key ^ (unsigned long)h;
}

static void *pool_user_ptr(const struct pool_hdr *h)
{
	return (h->flags & POOL_HDR_LARGE) ? h->base : (void *)(h + 1);
}

static void pool_note_freed(const void *p)
{
	struct pool_freed_ring *r = get_cpu_ptr(&pool_freed);

	WRITE_ONCE(r->addr[r->next++ % POOL_FREED_RING], (unsigned long)p);
	put_cpu_ptr(&pool_freed);
}

static bool pool_recently_freed(const void *p)
{
	int cpu, i;

	for_each_possible_cpu(cpu) {
		struct pool_freed_ring *r = per_cpu_ptr(&pool_freed, cpu);

		for (i = 0; i < POOL_FREED_RING; i++)
			if (READ_ONCE(r->addr[i]) == (unsigned long)p)
				return true;
	}
	return false;
}

static gfp_t pool_gfp(const struct pool_req *r, KIRQL irql)
{
	gfp_t gfp;

	if (irql >= DISPATCH_LEVEL)
		gfp = r->low_priority ? GFP_NOWAIT : GFP_ATOMIC;
	else
		gfp = GFP_KERNEL | (r->low_priority ? __GFP_NORETRY : 0);
	return gfp | __GFP_NOWARN | (r->zero ? __GFP_ZERO : 0);
}

static struct pool_hdr *pool_alloc_small(const struct pool_req *r, gfp_t gfp)
{
	size_t len = POOL_HDR_SIZE + r->size;
	struct pool_hdr *h;
	void *base;

	if (r->align > ARCH_KMALLOC_MINALIGN)
		len += r->align - ARCH_KMALLOC_MINALIGN;
	base = kmalloc_node(len, gfp, r->node);
	if (!base)
		return NULL;
	h = PTR_ALIGN(base + POOL_HDR_SIZE, r->align) - POOL_HDR_SIZE;
	h->base = base;
	h->flags = 0;
	return h;
}

static void pool_release_large(void *p)
{
	if (!is_vmalloc_addr(p)) {
		kfree(p);
	} else if (preemptible()) {
		vfree(p);
	} else {
		/* vfree() may sleep: the block itself carries the list node */
		llist_add(p, &pool_vfree_list);
		schedule_work(&pool_vfree_work);
	}
}

static struct pool_hdr *pool_alloc_large(const struct pool_req *r, gfp_t gfp)
{
	size_t len = PAGE_ALIGN(r->size);
	struct pool_hdr *h;
	unsigned long flags;
	void *p;
	int err;

	h = kmalloc(sizeof(*h), gfp & ~__GFP_ZERO);
	if (!h)
		return NULL;
	if (gfpflags_allow_blocking(gfp))
		p = kvmalloc_node(len, gfp, r->node);
	else
		p = kmalloc_node(len, gfp, r->node);
	if (!p)
		goto out_hdr;
	if (!PAGE_ALIGNED(p)) {
		/* The slab allocator's alignment promise was broken. */
		pr_err_once("pool: %zu-byte block at %p is not page aligned\n",
			    len, p);
		goto out_block;
	}
	h->base = p;
	h->flags = POOL_HDR_LARGE;

	xa_lock_irqsave(&pool_large, flags);
	err = xa_err(__xa_store(&pool_large, (unsigned long)p >> PAGE_SHIFT,
				h, gfp & ~__GFP_ZERO));
	xa_unlock_irqrestore(&pool_large, flags);
	if (err)
		goto out_block;
	return h;

out_block:
	pool_release_large(p);
out_hdr:
	kfree(h);
	return NULL;
}

static PVOID pool_alloc(const struct pool_req *r)
{
	KIRQL irql = KeGetCurrentIrql();
	struct pool_hdr *h;
	gfp_t gfp;
	void *p;

	if (irql > DISPATCH_LEVEL || (r->paged && irql > APC_LEVEL)) {
		ntshim_violation(NTSHIM_V_POOL_BAD_IRQL, r->tag, NULL, r->caller,
				 "BAD_POOL_CALLER 0x08: %s pool allocation at IRQL %u",
				 r->paged ? "paged" : "non-paged", irql);
		return NULL;
	}
	if (unlikely(!r->size))
		ntshim_violation(NTSHIM_V_POOL_ZERO_SIZE, r->tag, NULL,
				 r->caller, "zero-byte allocation");
	if (unlikely(r->size > POOL_MAX_SIZE)) {
		ntshim_violation(NTSHIM_V_POOL_SIZE_OVERFLOW, r->tag, NULL,
				 r->caller, "size %zu overflows", r->size);
		return NULL;
	}
	if (pool_should_fail(r->tag, r->size))
		return NULL;

	gfp = pool_gfp(r, irql);
	if (r->size >= PAGE_SIZE)
		h = pool_alloc_large(r, gfp);
	else
		h = pool_alloc_small(r, gfp);
	if (!h)
		return NULL;

	h->stats = pool_stats_row(r->tag, r->paged, r->owner);
	h->owner = r->owner;
	h->caller = r->caller;
	h->size = r->size;
	h->tag = r->tag;
	h->type = r->type;
	h->cpu = 0;
	if (READ_ONCE(pool_track))
		pool_track_add(h);
	pool_stats_add(h->stats, r->size);
	WRITE_ONCE(h->magic, pool_magic(h, POOL_MAGIC_LIVE));

	p = pool_user_ptr(h);
	trace_pool_alloc(r->tag, r->size, r->type, p, r->caller);
	return p;
}

/* Decode a POOL_TYPE; false (and a report) for one Windows does not define. */
static bool pool_decode_type(POOL_TYPE type, struct pool_req *r)
{
	unsigned int base = type & POOL_TYPE_BASE_MASK;

	if ((type & ~POOL_TYPE_KNOWN_BITS) || base == DontUseThisType ||
	    base == MaxPoolType) {
		ntshim_violation(NTSHIM_V_POOL_BAD_TYPE, r->tag, NULL, r->caller,
				 "unknown pool type %#x", type);
		return false;
	}
	r->type = type;
	r->paged = base & PagedPool;
	r->align = (base & NonPagedPoolCacheAligned) ? SMP_CACHE_BYTES :
		   POOL_ALIGN;
	if (type & POOL_ZERO_ALLOCATION)
		r->zero = true;
	return true;
}

PVOID ntshim_pool_alloc(POOL_TYPE PoolType, SIZE_T Size, ULONG Tag,
			unsigned int how, struct module *owner,
			unsigned long caller)
{
	struct pool_req r = {
		.size = Size,
		.tag = Tag,
		.zero = how & NTSHIM_POOL_ZERO,
		.low_priority = (how & NTSHIM_POOL_PRIORITY_MASK) <
				NormalPoolPriority,
		.node = NUMA_NO_NODE,
		.owner = owner,
		.caller = caller,
	};

	if (!pool_decode_type(PoolType, &r))
		return NULL;
	return pool_alloc(&r);
}
EXPORT_SYMBOL_GPL(ntshim_pool_alloc);

static bool pool_bad_flags(struct pool_req *r, const char *why,
			   unsigned long long value)
{
	ntshim_violation(NTSHIM_V_POOL_BAD_FLAGS, r->tag, NULL, r->caller,
			 "%s %#llx", why, value);
	return false;
}

static bool pool_decode_params(PCPOOL_EXTENDED_PARAMETER p, ULONG count,
			       struct pool_req *r)
{
	ULONG i;

	if (count && !p)
		return pool_bad_flags(r, "NULL extended parameters, count",
				      count);
	for (i = 0; i < count; i++, p++) {
		switch (p->Type) {
		case PoolExtendedParameterPriority:
			r->low_priority = (p->Priority & 0xff) <
					  NormalPoolPriority;
			break;
		case PoolExtendedParameterNumaNode:
			if (p->PreferredNode == MM_ANY_NODE_OK)
				break;
			if (p->PreferredNode < MAX_NUMNODES &&
			    node_online(p->PreferredNode)) {
				r->node = p->PreferredNode;
				break;
			}
			if (!p->Optional)
				return pool_bad_flags(r, "offline NUMA node",
						      p->PreferredNode);
			break;
		default:	/* secure pool and unknown types */
			if (!p->Optional)
				return pool_bad_flags(r, "unsupported extended parameter type",
						      p->Type);
			break;
		}
	}
	return true;
}

PVOID ntshim_pool_alloc3(POOL_FLAGS Flags, SIZE_T Size, ULONG Tag,
			 PCPOOL_EXTENDED_PARAMETER Params, ULONG Count,
			 struct module *owner, unsigned long caller)
{
	POOL_FLAGS kind = Flags & POOL_FLAG_KIND_MASK;
	POOL_FLAGS unknown = Flags & POOL_FLAG_REQUIRED_MASK & ~POOL_FLAG_KNOWN;
	struct pool_req r = {
		.size = Size,
		.tag = Tag,
		.zero = !(Flags & POOL_FLAG_UNINITIALIZED),
		.node = NUMA_NO_NODE,
		.owner = owner,
		.caller = caller,
	};

	if (!Tag) {
		ntshim_violation(NTSHIM_V_POOL_ZERO_TAG, 0, NULL, caller,
				 "ExAllocatePool2/3 with tag 0");
		return NULL;
	}
	if (unknown) {
		pool_bad_flags(&r, "unknown required pool flags", unknown);
		return NULL;
	}
	if (!kind || (kind & (kind - 1))) {
		pool_bad_flags(&r, "need exactly one pool kind, flags", Flags);
		return NULL;
	}
	if (!pool_decode_params(Params, Count, &r))
		return NULL;

	r.paged = kind == POOL_FLAG_PAGED;
	r.type = r.paged ? PagedPool : NonPagedPoolNx;
	r.align = POOL_ALIGN;
	if (Flags & POOL_FLAG_CACHE_ALIGNED) {
		r.align = SMP_CACHE_BYTES;
		r.type |= NonPagedPoolCacheAligned;
	}
	return pool_alloc(&r);
}
EXPORT_SYMBOL_GPL(ntshim_pool_alloc3);

enum pool_lookup {
	POOL_LIVE,
	POOL_FREED,
	POOL_FOREIGN,
};

/*
 * Find the live header of @p without trusting @p: on POOL_LIVE, *hp is the
 * header (safe to dereference while the caller owns the block).
 */
static enum pool_lookup pool_lookup(const void *p, struct pool_hdr **hp)
{
	struct pool_hdr *h, copy;

	if (!IS_ALIGNED((unsigned long)p, POOL_ALIGN) ||
	    (unsigned long)p < PAGE_SIZE)
		return POOL_FOREIGN;
	if (PAGE_ALIGNED(p)) {
		h = xa_load(&pool_large, (unsigned long)p >> PAGE_SHIFT);
		if (h && h->base == p &&
		    READ_ONCE(h->magic) == pool_magic(h, POOL_MAGIC_LIVE)) {
			*hp = h;
			return POOL_LIVE;
		}
		/* else a small block may still start on a page boundary */
	}
	h = (struct pool_hdr *)p - 1;
	if (copy_from_kernel_nofault(&copy, h, sizeof(copy)))
		return pool_recently_freed(p) ? POOL_FREED : POOL_FOREIGN;
	if (copy.magic == pool_magic(h, POOL_MAGIC_LIVE) &&
	    !(copy.flags & POOL_HDR_LARGE)) {
		*hp = h;
		return POOL_LIVE;
	}
	if (copy.magic == pool_magic(h, POOL_MAGIC_FREED) ||
	    pool_recently_freed(p))
		return POOL_FREED;
	return POOL_FOREIGN;
}

static void pool_report_lookup(enum pool_lookup what, const void *p,
			       unsigned long caller, const char *api)
{
	if (what == POOL_FREED)
		ntshim_violation(NTSHIM_V_POOL_DOUBLE_FREE, 0, p, caller,
				 "%s: block already freed", api);
	else
		ntshim_violation(NTSHIM_V_POOL_BAD_FREE, 0, p, caller,
				 "%s: not a pool block", api);
}

static void pool_report_mismatch(const struct pool_hdr *h, const void *p,
				 ULONG tag, unsigned long caller)
{
	char had[NTSHIM_TAG_STR_LEN];

	ntshim_violation(NTSHIM_V_POOL_TAG_MISMATCH, tag, p, caller,
			 "BAD_POOL_CALLER 0x0A: block has tag '%s' (freed anyway)",
			 ntshim_tag_str(h->tag, had));
}

void ntshim_pool_free(PVOID P, ULONG Tag, unsigned long caller)
{
	KIRQL irql = KeGetCurrentIrql();
	enum pool_lookup what;
	struct pool_hdr *h;
	unsigned long live;

	if (unlikely(!P)) {
		ntshim_violation(NTSHIM_V_POOL_FREE_NULL, Tag, NULL, caller,
				 "ExFreePool(NULL)");
		return;
	}
	if (unlikely(irql > DISPATCH_LEVEL)) {
		ntshim_violation(NTSHIM_V_POOL_BAD_IRQL, Tag, P, caller,
				 "BAD_POOL_CALLER 0x09: free at IRQL %u%s", irql,
				 in_nmi() ? " (NMI: block leaked)" : "");
		if (in_nmi())
			return;
	}

	what = pool_lookup(P, &h);
	if (unlikely(what != POOL_LIVE)) {
		pool_report_lookup(what, P, caller, "ExFreePool");
		return;
	}
	if (unlikely(Tag && ((Tag ^ h->tag) & ~PROTECTED_POOL)))
		pool_report_mismatch(h, P, Tag, caller);

	/* Claim the block: of two racing frees only one gets here. */
	live = pool_magic(h, POOL_MAGIC_LIVE);
	if (cmpxchg(&h->magic, live, pool_magic(h, POOL_MAGIC_FREED)) != live) {
		pool_report_lookup(POOL_FREED, P, caller, "ExFreePool");
		return;
	}
	pool_note_freed(P);
	if (h->flags & POOL_HDR_TRACKED)
		pool_track_del(h);
	pool_stats_sub(h->stats, h->size);
	trace_pool_free(h->tag, h->size, h->type, P, caller);

	if (h->flags & POOL_HDR_LARGE) {
		unsigned long flags;

		xa_lock_irqsave(&pool_large, flags);
		__xa_erase(&pool_large, (unsigned long)P >> PAGE_SHIFT);
		xa_unlock_irqrestore(&pool_large, flags);
		pool_release_large(P);
		kfree(h);
	} else {
		kfree(h->base);
	}
}
EXPORT_SYMBOL_GPL(ntshim_pool_free);

SIZE_T ntshim_pool_block_size(PVOID P, PBOOLEAN QuotaCharged,
			      unsigned long caller)
{
	enum pool_lookup what;
	struct pool_hdr *h;

	if (QuotaCharged)
		*QuotaCharged = FALSE;
	what = pool_lookup(P, &h);
	if (what != POOL_LIVE) {
		pool_report_lookup(what, P, caller, "ExQueryPoolBlockSize");
		return 0;
	}
	return h->size;
}
EXPORT_SYMBOL_GPL(ntshim_pool_block_size);

int ntshim_pool_init(struct dentry *root)
{
	int err;

	pool_key = get_random_long();
	err = pool_track_init(root);
	if (err)
		return err;
	pool_stats_init(root);
	pool_fault_init(root);
	return 0;
}

void ntshim_pool_exit(void)
{
	pool_track_exit();
	ntshim_pool_report_leaks(THIS_MODULE);
	/* charges made without an owner (lookaside, Mm helpers) */
	ntshim_pool_report_leaks(NULL);
	flush_work(&pool_vfree_work);
	pool_stats_exit();
	xa_destroy(&pool_large);
}
