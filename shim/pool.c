// SPDX-License-Identifier: GPL-2.0
/*
 * ExAllocatePool* / ExFreePool* on slab caches, kmalloc and kvmalloc.
 *
 * Small blocks (< PAGE_SIZE) carry a 16-byte struct pool_hdr right in front
 * of the caller's 16-byte aligned pointer, as Windows' POOL_HEADER does.
 * They come from ntshim's own slab caches whose objects are a kmalloc
 * bucket plus the header (48 bytes for a 32-byte request, 272 for 256;
 * the caches are type-safe by RCU, see pool_create_caches()), so a block
 * costs what kmalloc() would plus 16 to 24 bytes.  Cache-aligned blocks
 * (and tracked ones too big for the largest cache) use kmalloc() with room
 * to align; the header says which.
 *
 * Large blocks (>= PAGE_SIZE) are page aligned as on Windows: the size is
 * rounded up to whole pages and allocated with kvmalloc() when the caller
 * may sleep, kmalloc() when not; their record is a slot of the flat
 * big-block table (pool_big.c, Windows' big-pool table) in the default
 * tier, a pool_large record (pool_large.c) on the checked path.
 *
 * Two paths.  The default tier's fast path (pool_alloc_fast(),
 * pool_free_fast()) serves ordinary requests with a cheap magic, the
 * header's address keyed by a boot secret, still claimed with one cmpxchg
 * on free.  Everything else, and every call while a Driver Verifier
 * option is on (verifier.c), takes the checked path described next; it
 * knows both kinds of magic, so a block may cross a change of tier.
 *
 * The checked free trusts nothing: the pointer must be 16-aligned, a
 * large block must be in a table, a small block's header must lie on a
 * slab page and is
 * read without KASAN instrumentation (and without faulting where pages
 * can be unmapped, see pool_read_magic()), and its magic must check out
 * for that address.  The block is then claimed by swapping exactly the
 * live magic that was read for a freed one, so of two racing frees one
 * proceeds; the swap is an uninstrumented atomic because the loser may
 * touch a block the winner already freed.  A freed header may be
 * overwritten by the slab allocator, so the last addresses freed on each
 * CPU are remembered too: either sign names a double free.  A bad or
 * double free is reported and the pointer left alone.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hash.h>
#include <linux/kfence.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <ntshim/irql.h>
#include <ntshim/seh.h>
#include <ntshim/violation.h>

#include "internal.h"
#include "pool_internal.h"
#include "pool_special.h"
#include "verifier.h"

#define CREATE_TRACE_POINTS
#include "pool_trace.h"

#define POOL_ALIGN 16
#define POOL_HDR_SIZE sizeof(struct pool_hdr)
/* Room for a pool_track_node in front of the header, keeping it aligned. */
#define POOL_TRACK_SIZE ALIGN(sizeof(struct pool_track_node), POOL_ALIGN)
/* Beyond this the header and alignment arithmetic would overflow. */
#define POOL_MAX_SIZE (SIZE_MAX - PAGE_SIZE - POOL_HDR_SIZE - SMP_CACHE_BYTES)

static_assert(POOL_HDR_SIZE == POOL_ALIGN);
static_assert(POOL_TRACK_SIZE + SMP_CACHE_BYTES < 256);	/* fits hdr->pad */

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

/* Salts of the magic's check: a live and a freed block differ. */
#define POOL_MAGIC_LIVE 0x4e54506f6f6c4c76UL	/* "NTPoolLv" */
#define POOL_MAGIC_FREED 0x4e54506f6f6c4664UL	/* "NTPoolFd" */

static unsigned long pool_key __read_mostly;
static DEFINE_PER_CPU(u32, pool_gen);

/*
 * The payload sizes of the pool caches: kmalloc's buckets from 16 bytes to
 * a page.  Each object is the payload plus the header in front of it.
 */
static const unsigned int pool_class_payload[] = {
	16, 32, 64, 96, 128, 192, 256, 512, 1024, 2048, 4096,
};

#define POOL_CLASSES ARRAY_SIZE(pool_class_payload)

static struct kmem_cache *pool_caches[POOL_CLASSES] __read_mostly;

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

/* The claim word of the header (or record) at @where, see struct pool_hdr. */
static u64 pool_magic(const void *where, u32 gen, unsigned long salt)
{
	u32 check = hash_long(pool_key ^ (unsigned long)where ^ gen ^ salt, 32);

	return (u64)gen << 32 | check;
}

static bool pool_magic_is(const void *where, u64 magic, unsigned long salt)
{
	return magic == pool_magic(where, magic >> 32, salt);
}

/*
 * Each CPU counts generations from its own number in steps of nr_cpu_ids,
 * so no two CPUs hand out the same one (until 2^32 allocations wrap).
 */
static u64 pool_new_magic(const void *where)
{
	return pool_magic(where, this_cpu_add_return(pool_gen, nr_cpu_ids),
			  POOL_MAGIC_LIVE);
}

/*
 * The default tier's magic, for blocks from the fast path: no generation,
 * no hash, just the header's address keyed by the boot-time secret, so
 * it costs two instructions to make and to check.  A block of either
 * format is known by its magic alone.
 */
static __always_inline u64 pool_fast_magic(const void *h, bool freed)
{
	return pool_key ^ (unsigned long)h ^ (freed ? POOL_MAGIC_FREED : 0);
}

static void pool_note_freed(const void *p)
{
	struct pool_freed_ring *r = get_cpu_ptr(&pool_freed);

	WRITE_ONCE(r->addr[r->next++ % POOL_FREED_RING], (unsigned long)p);
	put_cpu_ptr(&pool_freed);
}

/*
 * A freed big block keeps this word (its second: the first may carry the
 * deferred vfree()'s list node) until its memory is used again, so a
 * second free of the address can tell "still free" (a double free) from
 * "handed to someone else since" (a bad free of foreign memory).
 */
static u64 pool_large_marker(const void *p)
{
	return (unsigned long)p ^ 0x6c6f6f50656572FULL;
}

static void pool_large_mark_freed(void *p)
{
	WRITE_ONCE(((u64 *)p)[1], pool_large_marker(p));
}

/* Is the page-aligned @p, once a big block, still free memory? */
static bool pool_large_still_free(const void *p)
{
	const u64 *word = (const u64 *)p + 1;
	u64 v;

	if (is_vmalloc_addr(p)) {
		if (!vmalloc_to_page(p))
			return true;	/* unmapped: nobody has it */
	} else if (!virt_addr_valid(p)) {
		return false;
	} else if (folio_test_slab(virt_to_folio(p))) {
		/*
		 * A slab object: the allocator and KASAN keep their free
		 * metadata in it, so the marker proves nothing; trust the
		 * ring (only the page allocator's big blocks are told apart).
		 */
		return true;
	}
	if (debug_pagealloc_enabled_static() || is_vmalloc_addr(p)) {
		if (copy_from_kernel_nofault(&v, word, sizeof(v)))
			return true;	/* unmapped free pages */
	} else {
		v = READ_ONCE_NOCHECK(*word);	/* freed memory: no KASAN report */
	}
	/* the marker, or the page poisoning pattern over freed pages */
	return v == pool_large_marker(p) || v == 0xaaaaaaaaaaaaaaaaULL;
}

static bool pool_recently_freed(const void *p)
{
	int cpu, i;

	for_each_possible_cpu(cpu) {
		struct pool_freed_ring *r = per_cpu_ptr(&pool_freed, cpu);

		for (i = 0; i < POOL_FREED_RING; i++)
			if (READ_ONCE(r->addr[i]) == (unsigned long)p)
				goto found;
	}
	return false;
found:
	/* A big block's address may be kmalloc()'s again: a bad free then. */
	return !PAGE_ALIGNED(p) || pool_large_still_free(p);
}

/* @atomic: at DISPATCH_LEVEL, where the allocation may not sleep. */
static __always_inline gfp_t pool_gfp(bool atomic, bool low_priority,
				      bool zero)
{
	gfp_t gfp;

	/*
	 * Exhausted pool returns NULL, as on Windows: never the OOM killer
	 * (__GFP_RETRY_MAYFAIL reclaims hard, then fails; __GFP_NORETRY
	 * gives up after one round), never a warning or a panic.
	 */
	if (atomic)
		gfp = low_priority ? GFP_NOWAIT : GFP_ATOMIC;
	else
		gfp = GFP_KERNEL | (low_priority ? __GFP_NORETRY :
						   __GFP_RETRY_MAYFAIL);
	return gfp | __GFP_NOWARN | (zero ? __GFP_ZERO : 0);
}

/* pool_class() of 1..192 bytes by (len - 1) / 8, as kmalloc's size_index. */
static const u8 pool_class_small[24] = {
	0, 0, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3,	/* ..16, ..32, ..64, ..96 */
	4, 4, 4, 4, 5, 5, 5, 5, 5, 5, 5, 5,	/* ..128, ..192 */
};

/* The pool cache whose payload holds @len bytes, or -1. */
static __always_inline int pool_class(size_t len)
{
	if (len - 1 < 192)
		return pool_class_small[(len - 1) / 8];
	if (!len)
		return 0;
	if (len > 4096)
		return -1;
	return fls(len - 1) - 2;	/* 256 -> 6, ..., 4096 -> 10 */
}

/* A tracked small block's node sits right in front of its header. */
static struct pool_track_node *pool_hdr_track(struct pool_hdr *h)
{
	return (void *)h - sizeof(struct pool_track_node);
}

static __always_inline void *pool_alloc_small(const struct pool_req *r,
					      gfp_t gfp, u16 row, bool track)
{
	size_t front = track ? POOL_TRACK_SIZE : 0;
	int cls = r->align == POOL_ALIGN ? pool_class(front + r->size) : -1;
	struct pool_hdr *h;
	void *base;

	if (cls >= 0) {
		base = kmem_cache_alloc_node(pool_caches[cls], gfp, r->node);
		if (!base)
			return NULL;
		h = base + front;
	} else {
		size_t len = front + POOL_HDR_SIZE + r->size;

		if (r->align > ARCH_KMALLOC_MINALIGN)
			len += r->align - ARCH_KMALLOC_MINALIGN;
		base = kmalloc_node(len, gfp, r->node);
		if (!base)
			return NULL;
		h = PTR_ALIGN(base + front + POOL_HDR_SIZE, r->align) -
		    POOL_HDR_SIZE;
	}
	h->size = r->size;
	h->row = row;
	h->pad = (void *)h - base;
	h->cls = cls + 1;
	h->tracked = track;
	if (track)
		ntshim_pool_track_add(pool_hdr_track(h), h + 1, r->size, row);
	/* last: from here on a free may claim it */
	smp_store_release(&h->magic, pool_new_magic(h));
	return h + 1;
}

static void pool_free_small(struct pool_hdr *h)
{
	void *base = (void *)h - h->pad;

	if (h->tracked)
		ntshim_pool_track_del(pool_hdr_track(h));
	if (h->cls)
		kmem_cache_free(pool_caches[h->cls - 1], base);
	else
		kfree(base);
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

static noinline void *pool_alloc_large(SIZE_T size, int node, gfp_t gfp,
				       u16 row, bool track)
{
	size_t len = PAGE_ALIGN(size);
	struct pool_large *l;
	void *p;

	l = ntshim_pool_large_alloc(gfp & ~__GFP_ZERO);
	if (!l)
		return NULL;
	if (gfpflags_allow_blocking(gfp))
		p = kvmalloc_node(len, gfp, node);
	else
		p = kmalloc_node(len, gfp, node);
	if (!p)
		goto out_rec;
	if (!PAGE_ALIGNED(p)) {
		/* The slab allocator's alignment promise was broken. */
		pr_err_once("pool: %zu-byte block at %p is not page aligned\n",
			    len, p);
		goto out_block;
	}
	WRITE_ONCE(l->ptr, p);
	WRITE_ONCE(l->size, size);
	WRITE_ONCE(l->row, row);
	l->tracked = track;
	/* last: pairs with the acquire in pool_lookup_large() */
	smp_store_release(&l->magic, pool_new_magic(l));
	if (track)
		ntshim_pool_track_add(&l->track, p, size, row);
	if (!ntshim_pool_large_insert(l))
		return p;

	/* a stale lookup may still reach the record: mark it freed */
	WRITE_ONCE(l->magic, pool_magic(l, l->magic >> 32, POOL_MAGIC_FREED));
	if (track)
		ntshim_pool_track_del(&l->track);
out_block:
	pool_release_large(p);
out_rec:
	ntshim_pool_large_free(l);
	return NULL;
}

/*
 * Special pool, where Verifier selects it for the request: a small block
 * of 16-byte alignment (a cache-aligned one stays in normal pool) where
 * the caller may sleep.  NULL: normal pool serves it, as Windows falls
 * back when special pool is exhausted.
 */
static noinline void *pool_alloc_special(const struct pool_req *r, u16 row)
{
	unsigned int opts = ntshim_verifier_pool(r->tag, r->owner);

	if (!(opts & NTSHIM_VERIFY_SPECIAL) || r->size >= PAGE_SIZE ||
	    r->align != POOL_ALIGN)
		return NULL;
	return ntshim_pool_special_alloc(r->size, r->zero,
					 opts & NTSHIM_VERIFY_UNDERRUN, row,
					 r->tag, r->caller);
}

/* Inline in both entry points: a call less on every allocation. */
static __always_inline PVOID pool_alloc(const struct pool_req *r)
{
	KIRQL irql = KeGetCurrentIrql();
	bool track = READ_ONCE(ntshim_pool_track);
	gfp_t gfp;
	u16 row;
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
	if (ntshim_pool_should_fail(r->tag, r->size))
		return NULL;

	gfp = pool_gfp(irql >= DISPATCH_LEVEL, r->low_priority, r->zero);
	row = pool_stats_row(r->tag, r->type, r->owner, r->caller);
	p = ntshim_pool_verifying() ? pool_alloc_special(r, row) : NULL;
	if (!p && r->size >= PAGE_SIZE)
		p = pool_alloc_large(r->size, r->node, gfp, row, track);
	else if (!p)
		p = pool_alloc_small(r, gfp, row, track);
	if (!p)
		return NULL;
	pool_stats_add(row, r->size);
	trace_pool_alloc(r->tag, r->size, r->type, p, r->caller);
	return p;
}

/*
 * The default tier's fast path serves the common request in a few dozen
 * instructions over kmem_cache_alloc(): a small block of an ordinary pool
 * type, at an IRQL the type allows, with no Verifier option, no pool
 * tracking and no fault injection armed.  Everything else, misuse
 * included, takes the checked path below, which reports it.
 */
#define POOL_FAST_TYPE_BITS (POOL_TYPE_KNOWN_BITS & ~NonPagedPoolCacheAligned)

/* @pc: preempt_count(), read once for this test and pool_gfp()'s. */
static __always_inline bool pool_fast_ok(SIZE_T size, bool paged,
					 unsigned long pc)
{
	if (ntshim_pool_verifying() || READ_ONCE(ntshim_pool_track) ||
	    ntshim_pool_fault_armed())
		return false;
	if (size - 1 >= U32_MAX)	/* 0, and what a slot cannot hold */
		return false;
	if (ntshim_irql_pc_masked(pc) || irqs_disabled())
		return false;	/* above DISPATCH_LEVEL */
	/* paged pool: below DISPATCH_LEVEL */
	return !paged || !ntshim_irql_pc_dispatch(pc);
}

static __always_inline void *pool_alloc_fast(SIZE_T size, ULONG tag,
					     unsigned int type, gfp_t gfp,
					     struct module *owner,
					     unsigned long caller)
{
	u16 row = pool_stats_row(tag, type, owner, caller);
	int cls = pool_class(size);
	struct pool_hdr *h = kmem_cache_alloc(pool_caches[cls], gfp);

	if (unlikely(!h))
		return NULL;
	h->size = size;
	h->row = row;
	h->pad = 0;
	h->cls = cls + 1;
	h->tracked = 0;
	/* last: from here on a free may claim it */
	smp_store_release(&h->magic, pool_fast_magic(h, false));
	pool_stats_add(row, size);
	trace_pool_alloc(tag, size, type, h + 1, caller);
	return h + 1;
}

/*
 * The fast path of a big block: page aligned as on Windows, its record a
 * slot of the big-block table (pool_big.c); a pool_large record when the
 * table has no slot for it.
 */
static noinline void *pool_alloc_big_fast(SIZE_T size, ULONG tag,
					  unsigned int type, gfp_t gfp,
					  struct module *owner,
					  unsigned long caller)
{
	u16 row = pool_stats_row(tag, type, owner, caller);
	size_t len = PAGE_ALIGN(size);
	void *p;

	if (gfpflags_allow_blocking(gfp))
		p = kvmalloc(len, gfp);
	else
		p = kmalloc(len, gfp);
	if (unlikely(!p))
		return NULL;
	if (unlikely(!PAGE_ALIGNED(p) || !ntshim_pool_big_insert(p, size, row))) {
		kvfree(p);
		p = pool_alloc_large(size, NUMA_NO_NODE, gfp, row, false);
		if (!p)
			return NULL;
	}
	pool_stats_add(row, size);
	trace_pool_alloc(tag, size, type, p, caller);
	return p;
}

/* The fast path: a small block, or a big one. */
static __always_inline void *pool_alloc_default(SIZE_T size, ULONG tag,
						unsigned int type, gfp_t gfp,
						struct module *owner,
						unsigned long caller)
{
	if (likely(size < PAGE_SIZE))
		return pool_alloc_fast(size, tag, type, gfp, owner, caller);
	return pool_alloc_big_fast(size, tag, type, gfp, owner, caller);
}

/* Is @type one Windows defines?  If not, report it. */
static bool pool_type_ok(POOL_TYPE type, ULONG tag, unsigned long caller)
{
	unsigned int base = type & POOL_TYPE_BASE_MASK;

	if (likely(!(type & ~POOL_TYPE_KNOWN_BITS) &&
		   base != DontUseThisType && base != MaxPoolType))
		return true;
	ntshim_violation(NTSHIM_V_POOL_BAD_TYPE, tag, NULL, caller,
			 "unknown pool type %#x", type);
	return false;
}

/* The checked path of ExAllocatePool*: see pool_alloc_fast(). */
static noinline PVOID pool_alloc_checked(POOL_TYPE PoolType, SIZE_T Size,
					 ULONG Tag, unsigned int how,
					 struct module *owner,
					 unsigned long caller)
{
	unsigned int base = PoolType & POOL_TYPE_BASE_MASK;
	struct pool_req r = {
		.size = Size,
		.tag = Tag,
		.type = PoolType,
		.paged = base & PagedPool,
		.zero = (how & NTSHIM_POOL_ZERO) ||
			(PoolType & POOL_ZERO_ALLOCATION),
		.low_priority = (how & NTSHIM_POOL_PRIORITY_MASK) <
				NormalPoolPriority,
		.align = (base & NonPagedPoolCacheAligned) ? SMP_CACHE_BYTES :
							     POOL_ALIGN,
		.node = NUMA_NO_NODE,
		.owner = owner,
		.caller = caller,
	};

	if (!pool_type_ok(PoolType, Tag, caller))
		return NULL;
	return pool_alloc(&r);
}

PVOID ntshim_pool_alloc(POOL_TYPE PoolType, SIZE_T Size, ULONG Tag,
			unsigned int how, struct module *owner,
			unsigned long caller)
{
	unsigned long pc = preempt_count();
	PVOID p;

	/* 0: the call site is where this call returns to (NTSHIM_POOL_CALLER) */
	if (!caller)
		caller = _RET_IP_;
	if (likely(!(PoolType & ~POOL_FAST_TYPE_BITS) &&
		   (PoolType & POOL_TYPE_BASE_MASK) != DontUseThisType &&
		   pool_fast_ok(Size, PoolType & PagedPool, pc))) {
		gfp_t gfp = pool_gfp(ntshim_irql_pc_dispatch(pc),
				     (how & NTSHIM_POOL_PRIORITY_MASK) <
				     NormalPoolPriority,
				     (how & NTSHIM_POOL_ZERO) ||
				     (PoolType & POOL_ZERO_ALLOCATION));

		p = pool_alloc_default(Size, Tag, PoolType, gfp, owner, caller);
	} else {
		p = pool_alloc_checked(PoolType, Size, Tag, how, owner, caller);
	}
	if (unlikely(!p) && (PoolType & POOL_RAISE_IF_ALLOCATION_FAILURE))
		ntshim_seh_raise(STATUS_INSUFFICIENT_RESOURCES, caller, 0, 0);
	return p;
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

/* The checked path of ExAllocatePool2/3: see pool_alloc_fast(). */
static noinline PVOID pool_alloc3_checked(POOL_FLAGS Flags, SIZE_T Size,
					  ULONG Tag,
					  PCPOOL_EXTENDED_PARAMETER Params,
					  ULONG Count, struct module *owner,
					  unsigned long caller)
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
	PVOID p;

	if (!Tag) {
		ntshim_violation(NTSHIM_V_POOL_ZERO_TAG, 0, NULL, caller,
				 "ExAllocatePool2/3 with tag 0");
		goto fail;
	}
	if (unknown) {
		pool_bad_flags(&r, "unknown required pool flags", unknown);
		goto fail;
	}
	if (!kind || (kind & (kind - 1))) {
		pool_bad_flags(&r, "need exactly one pool kind, flags", Flags);
		goto fail;
	}
	if (!pool_decode_params(Params, Count, &r))
		goto fail;

	r.paged = kind == POOL_FLAG_PAGED;
	r.type = r.paged ? PagedPool : NonPagedPoolNx;
	r.align = POOL_ALIGN;
	if (Flags & POOL_FLAG_CACHE_ALIGNED) {
		r.align = SMP_CACHE_BYTES;
		r.type |= NonPagedPoolCacheAligned;
	}
	p = pool_alloc(&r);
	if (likely(p))
		return p;
fail:
	if (Flags & POOL_FLAG_RAISE_ON_FAILURE)
		ntshim_seh_raise(STATUS_INSUFFICIENT_RESOURCES, caller, 0, 0);
	return NULL;
}

PVOID ntshim_pool_alloc3(POOL_FLAGS Flags, SIZE_T Size, ULONG Tag,
			 PCPOOL_EXTENDED_PARAMETER Params, ULONG Count,
			 struct module *owner, unsigned long caller)
{
	POOL_FLAGS kind = Flags & ~POOL_FLAG_UNINITIALIZED;
	unsigned long pc = preempt_count();
	bool paged = kind == POOL_FLAG_PAGED;

	if (!caller)
		caller = _RET_IP_;
	if (likely((paged || kind == POOL_FLAG_NON_PAGED) && Tag && !Count &&
		   pool_fast_ok(Size, paged, pc))) {
		gfp_t gfp = pool_gfp(ntshim_irql_pc_dispatch(pc), false,
				     !(Flags & POOL_FLAG_UNINITIALIZED));

		return pool_alloc_default(Size, Tag,
					  paged ? PagedPool : NonPagedPoolNx,
					  gfp, owner, caller);
	}
	return pool_alloc3_checked(Flags, Size, Tag, Params, Count, owner,
				   caller);
}
EXPORT_SYMBOL_GPL(ntshim_pool_alloc3);

/*
 * A live block found from a pointer: the header or record, and the magic
 * that free must swap to claim it.
 */
struct pool_found {
	struct pool_hdr *hdr;		/* small block, or NULL */
	struct pool_large *large;	/* large block (type-safe RCU), or NULL */
	bool may_unmap;			/* see pool_hdr_may_unmap() */
	u64 magic;
	SIZE_T size;			/* read once the block is claimed, */
	u16 row;			/* or checked against the magic */
};

enum pool_lookup {
	POOL_LIVE,
	POOL_FREED,
	POOL_FOREIGN,
};

/*
 * Can freeing the block at @h unmap its header?  Slab pages stay in the
 * direct map, except a KFENCE object's and, with debug_pagealloc, any.
 */
static __always_inline bool pool_hdr_may_unmap(const struct pool_hdr *h)
{
	return is_kfence_address(h) || debug_pagealloc_enabled_static();
}

/*
 * Read the magic of what may be the header at @h: false if it cannot be
 * one.  Every small block lives on a slab page, so the word is read there
 * with a plain uninstrumented load (it may be freed memory: no KASAN
 * report), or, where @may_unmap (see pool_hdr_may_unmap()), with one that
 * cannot fault.  Only the magic: free reads the rest once it has claimed
 * the block, and a scalar stays in a register on the fast path.
 */
static __always_inline bool pool_read_magic(const struct pool_hdr *h,
					    bool may_unmap, u64 *magic)
{
	if (!virt_addr_valid(h) || !folio_test_slab(virt_to_folio(h)))
		return false;
	if (may_unmap) {
		u64 word;

		if (copy_from_kernel_nofault(&word, &h->magic, sizeof(word)))
			return false;
		*magic = word;
		return true;
	}
	*magic = READ_ONCE_NOCHECK(h->magic);
	return true;
}

/* What pool_lookup_large() found; see there. */
struct pool_large_found {
	enum pool_lookup what;
	struct pool_large *large;
	u64 magic;
};

/*
 * The big-pool record of @p, if any.  Records are SLAB_TYPESAFE_BY_RCU:
 * one found may be freed and reused for another block meanwhile, so it
 * counts only if it names @p and its magic read the same before and
 * after (a new use writes a new generation last).  Returned by value:
 * free's own lookup state never has its address taken, so it stays in
 * registers on the small-block path.
 */
static noinline struct pool_large_found pool_lookup_large(const void *p)
{
	struct pool_large_found found = { .what = POOL_FOREIGN };
	struct pool_large *l = ntshim_pool_large_find(p);
	u64 magic;

	if (!l)
		return found;
	/* pairs with the release in pool_alloc_large() */
	magic = smp_load_acquire(&l->magic);
	if (READ_ONCE(l->ptr) != p)
		return found;
	smp_rmb();	/* the pointer before the second look at the magic */
	found.what = POOL_FREED;	/* unless still live, below */
	if (READ_ONCE(l->magic) != magic ||
	    !pool_magic_is(l, magic, POOL_MAGIC_LIVE))
		return found;
	found.what = POOL_LIVE;
	found.large = l;
	found.magic = magic;
	return found;
}

/*
 * Find the live block at @p without trusting @p.  Call under
 * rcu_read_lock(): a large block's record stays readable until it ends.
 * Fills in where the block's header or record is and its magic; size and
 * row are read once the block is claimed.  Inline: free's fast path; @f
 * never leaves it, so it can live in registers.
 */
static __always_inline enum pool_lookup pool_lookup(const void *p,
						    struct pool_found *f)
{
	struct pool_hdr *h;
	bool may_unmap;
	u64 magic;

	if (!IS_ALIGNED((unsigned long)p, POOL_ALIGN) ||
	    (unsigned long)p < PAGE_SIZE)
		return POOL_FOREIGN;
	if (PAGE_ALIGNED(p)) {
		struct pool_large_found big = pool_lookup_large(p);

		if (big.what != POOL_FOREIGN) {
			f->hdr = NULL;
			f->large = big.large;
			f->may_unmap = false;	/* a type-safe record */
			f->magic = big.magic;
			return big.what;
		}
		/* else a small block may still start on a page boundary */
	}
	h = (struct pool_hdr *)p - 1;
	may_unmap = pool_hdr_may_unmap(h);
	if (!pool_read_magic(h, may_unmap, &magic))
		return pool_recently_freed(p) ? POOL_FREED : POOL_FOREIGN;
	if (pool_magic_is(h, magic, POOL_MAGIC_LIVE) ||
	    magic == pool_fast_magic(h, false)) {
		f->hdr = h;
		f->large = NULL;
		f->may_unmap = may_unmap;
		f->magic = magic;
		return POOL_LIVE;
	}
	if (pool_magic_is(h, magic, POOL_MAGIC_FREED) ||
	    magic == pool_fast_magic(h, true) || pool_recently_freed(p))
		return POOL_FREED;
	return POOL_FOREIGN;
}

/*
 * Serialises claims of small blocks whose memory can really be unmapped
 * when they are freed: see pool_claim().  Such blocks are rare (KFENCE
 * samples a few) or the kernel is a debug one (debug_pagealloc).
 */
static DEFINE_RAW_SPINLOCK(pool_claim_lock);

/*
 * Swap the live magic that was read for a freed one: true for the one
 * caller that wins.  A small block's header may already be freed memory
 * when a racing free got there first, so that swap is a raw, uninstrumented
 * cmpxchg.  It cannot fault: under free's RCU read section the memory of a
 * pool cache object stays mapped (the caches are SLAB_TYPESAFE_BY_RCU), as
 * does a big-pool record, and a block reused since carries another
 * generation, so the swap fails and nothing is written.  Blocks from
 * kmalloc() are not type-safe: where a free can unmap them (@f->may_unmap)
 * the claim re-reads the magic without faulting and swaps it under
 * pool_claim_lock, so no free can come in between.
 */
static bool pool_claim(struct pool_found *f)
{
	u64 *word = f->hdr ? &f->hdr->magic : &f->large->magic;
	void *where = f->hdr ? (void *)f->hdr : (void *)f->large;
	u64 freed = f->magic == pool_fast_magic(where, false) ?
		    pool_fast_magic(where, true) :
		    pool_magic(where, f->magic >> 32, POOL_MAGIC_FREED);
	unsigned long flags;
	bool won;
	u64 now;

	if (likely(!f->may_unmap))
		return arch_cmpxchg64(word, f->magic, freed) == f->magic;

	raw_spin_lock_irqsave(&pool_claim_lock, flags);
	won = !copy_from_kernel_nofault(&now, word, sizeof(now)) &&
	      now == f->magic;
	if (won)
		WRITE_ONCE(*word, freed);
	raw_spin_unlock_irqrestore(&pool_claim_lock, flags);
	return won;
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

static void pool_report_mismatch(ULONG had_tag, const void *p, ULONG tag,
				 unsigned long caller)
{
	char had[NTSHIM_TAG_STR_LEN];

	ntshim_violation(NTSHIM_V_POOL_TAG_MISMATCH, tag, p, caller,
			 "BAD_POOL_CALLER 0x0A: block has tag '%s' (freed anyway)",
			 ntshim_tag_str(had_tag, had));
}

static noinline void pool_free_large(struct pool_large *l)
{
	ntshim_pool_large_remove(l);
	if (l->tracked)
		ntshim_pool_track_del(&l->track);
	pool_large_mark_freed(l->ptr);
	pool_release_large(l->ptr);
	/* at once: a racing lookup checks the magic again (type-safe RCU) */
	ntshim_pool_large_free(l);
}

/*
 * A block free has claimed: report a tag that is not the block's, cancel
 * what still lives in it, release it.  @l: a large block's record, or
 * NULL for the small block at @h, or both NULL for a big block whose
 * big-table slot was claimed and released; @fast: the fast path made the
 * small block (untracked, from a pool cache, no padding).
 */
static __always_inline void pool_release_claimed(void *P, struct pool_hdr *h,
						 struct pool_large *l,
						 SIZE_T size, u16 row,
						 ULONG Tag,
						 unsigned long caller,
						 bool fast)
{
	/* All that is needed from the row, before its counts may reach 0. */
	struct pool_tag_entry *e = pool_row_entry(row);

	if (unlikely(Tag && ((Tag ^ e->tag) & ~PROTECTED_POOL)))
		pool_report_mismatch(e->tag, P, Tag, caller);
	trace_pool_free(e->tag, size, e->type, P, caller);
	/* Timers, DPCs, work items and lookaside lists living in it. */
	ntshim_free_check(P, size, e->tag, caller);

	if (l) {
		pool_free_large(l);
	} else if (!h) {	/* a big block from the big-block table */
		pool_large_mark_freed(P);
		pool_release_large(P);
	} else if (fast) {
		kmem_cache_free(pool_caches[h->cls - 1], h);
	} else {
		pool_free_small(h);
	}
	pool_stats_sub(row, size);
}

/*
 * A special-pool block: what lives in it is cancelled while its page is
 * still mapped, then pool_special.c checks the filler, unmaps the page
 * and reports a double or bad free itself.
 */
static noinline void pool_free_special(PVOID P, ULONG Tag,
				       unsigned long caller)
{
	SIZE_T size = ntshim_pool_special_size(P);
	struct pool_tag_entry *e;
	u16 row;

	if (size) {
		/* a racing free may get there first: then it reports */
		ntshim_free_check(P, size, Tag, caller);
	}
	if (ntshim_pool_special_free(P, &size, &row, caller) != 1)
		return;
	pool_note_freed(P);
	e = pool_row_entry(row);
	if (unlikely(Tag && ((Tag ^ e->tag) & ~PROTECTED_POOL)))
		pool_report_mismatch(e->tag, P, Tag, caller);
	trace_pool_free(e->tag, size, e->type, P, caller);
	pool_stats_sub(row, size);
}

/* The checked path of ExFreePool: see the comment at the top. */
static noinline void pool_free_checked(PVOID P, ULONG Tag,
				       unsigned long caller)
{
	KIRQL irql = KeGetCurrentIrql();
	enum pool_lookup what;
	struct pool_found f = {};
	bool won;

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

	if (unlikely(is_vmalloc_addr(P)) && ntshim_pool_special_is(P)) {
		pool_free_special(P, Tag, caller);
		return;
	}
	if (PAGE_ALIGNED(P)) {
		struct pool_big_slot *s = ntshim_pool_big_claim(P);

		if (IS_ERR(s)) {
			pool_report_lookup(POOL_FREED, P, caller, "ExFreePool");
			return;
		}
		if (s) {
			f.size = s->size;
			f.row = s->row;
			/* before the slot is free: a racing free finds either */
			pool_note_freed(P);
			ntshim_pool_big_release(s);
			pool_release_claimed(P, NULL, NULL, f.size, f.row, Tag,
					     caller, false);
			return;
		}
	}

	rcu_read_lock();
	what = pool_lookup(P, &f);
	won = what == POOL_LIVE && pool_claim(&f);
	rcu_read_unlock();
	if (unlikely(!won)) {
		/* of two racing frees, the loser lands here */
		pool_report_lookup(what == POOL_LIVE ? POOL_FREED : what, P,
				   caller, "ExFreePool");
		return;
	}
	pool_note_freed(P);
	/* ours now; the claim's cmpxchg ordered these after the magic */
	if (f.hdr) {
		f.size = f.hdr->size;
		f.row = f.hdr->row;
	} else {
		f.size = f.large->size;
		f.row = f.large->row;
	}
	pool_release_claimed(P, f.hdr, f.large, f.size, f.row, Tag, caller,
			     false);
}

/*
 * Can the fast path read the header in front of @P?  A 16-aligned pointer
 * that does not start a page has its header on the same page; inside the
 * direct map that page is mapped unless freeing can unmap it (KFENCE,
 * debug_pagealloc).  Anything else, including a vmalloc or stack address,
 * takes the checked path, which validates it.  (A page in a hole of the
 * direct map below high_memory would fault: a wild pointer exactly there
 * is caught by pool_verify only.)
 */
static __always_inline bool pool_fast_addr(const void *P)
{
	unsigned long a = (unsigned long)P;

	return IS_ALIGNED(a, POOL_ALIGN) && !PAGE_ALIGNED(a) &&
	       a - PAGE_OFFSET < (unsigned long)high_memory - PAGE_OFFSET &&
	       !pool_hdr_may_unmap((struct pool_hdr *)P - 1);
}

/*
 * The default tier's free of a block the fast path allocated: its magic
 * checked and swapped for the freed one with one cmpxchg, so of two
 * racing frees one wins.  False: the checked path decides.
 */
static __always_inline bool pool_free_fast(PVOID P, ULONG Tag,
					   unsigned long caller)
{
	struct pool_hdr *h = (struct pool_hdr *)P - 1;
	unsigned long pc = preempt_count();
	u64 magic;

	if (ntshim_pool_verifying() || !pool_fast_addr(P) ||
	    ntshim_irql_pc_masked(pc) || irqs_disabled())
		return false;
	magic = READ_ONCE_NOCHECK(h->magic);
	if (magic != pool_fast_magic(h, false) ||
	    arch_cmpxchg64(&h->magic, magic, pool_fast_magic(h, true)) != magic)
		return false;
	pool_release_claimed(P, h, NULL, h->size, h->row, Tag, caller, true);
	return true;
}

void ntshim_pool_free(PVOID P, ULONG Tag, unsigned long caller)
{
	if (!caller)
		caller = _RET_IP_;
	if (likely(pool_free_fast(P, Tag, caller)))
		return;
	pool_free_checked(P, Tag, caller);
}
EXPORT_SYMBOL_GPL(ntshim_pool_free);

/*
 * The size of a live block found but not claimed (ExQueryPoolBlockSize):
 * a racing free may release or reuse it meanwhile, so the size counts only
 * if the magic still holds after it was read.  A header is read without
 * faulting: a KFENCE object is unmapped when freed.
 */
static bool pool_size_unclaimed(struct pool_found *f)
{
	u64 magic = 0;
	u32 size = 0;

	smp_rmb();	/* the lookup's read of the magic before the size */
	if (!f->hdr) {
		f->size = READ_ONCE(f->large->size);
		smp_rmb();	/* the size before the second look at the magic */
		return READ_ONCE(f->large->magic) == f->magic;
	}
	if (copy_from_kernel_nofault(&size, &f->hdr->size, sizeof(size)))
		return false;
	smp_rmb();	/* the size before the second look at the magic */
	if (copy_from_kernel_nofault(&magic, &f->hdr->magic, sizeof(magic)))
		return false;
	f->size = size;
	return magic == f->magic;
}

SIZE_T ntshim_pool_block_size(PVOID P, PBOOLEAN QuotaCharged,
			      unsigned long caller)
{
	enum pool_lookup what;
	struct pool_found f = {};

	if (!caller)
		caller = _RET_IP_;
	if (QuotaCharged)
		*QuotaCharged = FALSE;
	/* the big-block table and special pool keep no header */
	if (PAGE_ALIGNED(P))
		f.size = ntshim_pool_big_size(P);
	if (!f.size && is_vmalloc_addr(P))
		f.size = ntshim_pool_special_size(P);
	if (f.size)
		return f.size;
	rcu_read_lock();
	what = pool_lookup(P, &f);
	if (what == POOL_LIVE && !pool_size_unclaimed(&f))
		what = POOL_FREED;
	rcu_read_unlock();
	if (what != POOL_LIVE) {
		pool_report_lookup(what, P, caller, "ExQueryPoolBlockSize");
		return 0;
	}
	return f.size;
}
EXPORT_SYMBOL_GPL(ntshim_pool_block_size);

static void pool_destroy_caches(void)
{
	unsigned int i;

	for (i = 0; i < POOL_CLASSES; i++) {
		kmem_cache_destroy(pool_caches[i]);
		pool_caches[i] = NULL;
	}
}

/*
 * SLAB_TYPESAFE_BY_RCU: the loser of two racing frees may still swap the
 * magic of a block the winner freed; within its RCU read section that
 * memory stays an object of the same cache, mapped, and the slab's free
 * pointer lives outside the object, so the header survives a free.  The
 * names carry @load_id: caches kept by an earlier ntshim that exited with
 * blocks outstanding still hold their names.
 */
static int pool_create_caches(u32 load_id)
{
	char name[32];
	unsigned int i, size;

	for (i = 0; i < POOL_CLASSES; i++) {
		size = POOL_HDR_SIZE + pool_class_payload[i];
		snprintf(name, sizeof(name), "ntshim_pool-%u-%04x", size,
			 load_id);
		/* drivers copy pool blocks to and from user space */
		pool_caches[i] = kmem_cache_create_usercopy(name, size,
							    POOL_ALIGN,
							    SLAB_TYPESAFE_BY_RCU,
							    0, size, NULL);
		if (!pool_caches[i]) {
			pool_destroy_caches();
			return -ENOMEM;
		}
	}
	return 0;
}

int ntshim_pool_init(struct dentry *root)
{
	u32 load_id = get_random_u32() & 0xffff;
	struct dentry *verifier;
	int err, cpu;

	verifier = ntshim_verifier_init(root);
	pool_key = get_random_long();
	for_each_possible_cpu(cpu)
		per_cpu(pool_gen, cpu) = cpu;
	err = pool_create_caches(load_id);
	if (err)
		goto out_verifier;
	err = ntshim_pool_large_init(load_id);
	if (err)
		goto out_caches;
	err = ntshim_pool_big_init();
	if (err)
		goto out_large;
	err = ntshim_pool_stats_init(root);
	if (err)
		goto out_big;
	ntshim_pool_track_init(root);
	ntshim_pool_fault_init(root);
	err = ntshim_pool_special_init(verifier);
	if (err)
		goto out_stats;
	return 0;

out_stats:
	ntshim_pool_stats_exit();

out_big:
	ntshim_pool_big_exit();
out_large:
	ntshim_pool_large_exit(true);
out_caches:
	pool_destroy_caches();
out_verifier:
	ntshim_verifier_exit();
	return err;
}

void ntshim_pool_exit(void)
{
	u64 leaked;

	/* no new special blocks; live ones are reported and kept mapped */
	ntshim_pool_special_exit();
	ntshim_pool_report_leaks(THIS_MODULE);
	/* charges made without an owner (lookaside, Mm helpers) */
	ntshim_pool_report_leaks(NULL);
	/* blocks of any owner, modules unloaded before included */
	leaked = ntshim_pool_stats_outstanding();
	flush_work(&pool_vfree_work);
	ntshim_pool_stats_exit();
	/* A cache with objects left would complain; keep them all instead. */
	if (leaked)
		pr_err("pool: %llu blocks still allocated, pool caches kept\n",
		       leaked);
	else
		pool_destroy_caches();
	ntshim_pool_big_exit();
	ntshim_pool_large_exit(!leaked);
	ntshim_verifier_exit();
}
