// SPDX-License-Identifier: GPL-2.0
/*
 * ntshim_bench: what each shim call costs over the Linux primitive it maps
 * to, and how pool tag tracking scales across CPUs (issue 11).
 *
 * Reading /sys/kernel/debug/ntshim_bench/run runs the rows the rows
 * parameter names (cost, scaling, memory; all by default) and returns CSV,
 * one line per row (the header says which column is which).  Each
 * cost row times a batch of N shim operations and a batch of N raw ones,
 * interleaved (the order flips every round), for several rounds, on one
 * CPU in a bound kthread; N is calibrated so that a raw batch takes about
 * bench_batch_us.  The scaling rows run the same loop on every online CPU
 * at once and on one CPU alone, for ntshim's pool and for a naive tracker
 * (one global spin lock around the counters, as older shims did).  The
 * memory rows measure what a block of each size really occupies, ntshim's
 * against kmalloc's (see bench_memory()).
 *
 * Under QEMU -icount shift=0 (tools/bench/run.sh's default) the guest clock
 * advances one nanosecond per guest instruction: every "ns" here is then
 * an instruction count.
 *
 * Reading /sys/kernel/debug/ntshim_bench/profile instead samples where the
 * shim side of the row numbered by the profile parameter spends its time
 * (profile.c): the evidence behind the table's "why" column.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/completion.h>
#include <linux/cpumask.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/kthread.h>
#include <linux/llist.h>
#include <linux/mm.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched.h>
#include <linux/sizes.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/timekeeping.h>
#include <linux/vmstat.h>
#include <ntshim/ntddk.h>
#include <ntshim/verifier.h>

#include "profile.h"

#define BENCH_TAG NTSHIM_TAG('B', 'n', 'c', 'h')
#define BENCH_MAX_ROUNDS 64
#define BENCH_MAX_CPUS 64
#define BENCH_LIST_LEN 8

static unsigned int bench_rounds = 21;
module_param_named(rounds, bench_rounds, uint, 0644);
MODULE_PARM_DESC(rounds, "rounds per row, shim and raw interleaved (max 64)");

static unsigned int bench_batch_us = 1000;
module_param_named(batch_us, bench_batch_us, uint, 0644);
MODULE_PARM_DESC(batch_us, "target duration of one raw batch in microseconds");

static int bench_cpu = -1;
module_param_named(cpu, bench_cpu, int, 0644);
MODULE_PARM_DESC(cpu, "CPU the cost rows run on (default: last online)");

static char *bench_rows_param = "all";
module_param_named(rows, bench_rows_param, charp, 0644);
MODULE_PARM_DESC(rows, "what reading run measures: all, or a comma-separated list of cost, scaling, memory");

static int bench_profile_row = -1;
module_param_named(profile, bench_profile_row, int, 0644);
MODULE_PARM_DESC(profile, "row whose shim side the profile file samples (0: the first)");

/**
 * struct bench_row - one line of the table: a shim call against raw Linux
 * @name:    what is measured, shim first
 * @target:  the bound on the time ratio, in thousandths (0: none)
 * @setup:   prepares the row's objects, or NULL; returns 0 or -errno
 * @teardown: undoes @setup, or NULL
 * @shim:    runs @n shim operations (on blocks of @size bytes)
 * @raw:     runs @n raw operations
 * @size:    block size for the allocation rows, 0 for the others
 */
struct bench_row {
	const char *name;
	unsigned int target;
	int (*setup)(void);
	void (*teardown)(void);
	void (*shim)(unsigned int n, size_t size);
	void (*raw)(unsigned int n, size_t size);
	size_t size;
};

/**
 * struct bench_stat - median and spread of one side of a row, in ps/op
 * @med: median over the rounds
 * @min: fastest round
 * @max: slowest round
 */
struct bench_stat {
	u64 med, min, max;
};

/**
 * struct bench_result - what a row measured
 * @row:    the row
 * @shim:   the shim side
 * @raw:    the raw side
 * @n:      operations per batch
 * @err:    0, or why the row did not run
 */
struct bench_result {
	const struct bench_row *row;
	struct bench_stat shim, raw;
	unsigned int n;
	int err;
};

/*
 * Code placement.  Under QEMU TCG a translated block may jump straight to
 * the next one only within the same guest page; a loop that straddles a
 * page boundary pays a lookup of its next block on every iteration, which
 * under TCG costs as much as a few list operations.  Which side of a row
 * happened to straddle one depended on the link order (the raw list loop
 * once started at .text+0xfff and measured 3x slower than when it did
 * not).  Every timed loop is therefore aligned to BENCH_LOOP_ALIGN and
 * kept shorter than that (at -Os and -O2 the longest is about 300 bytes),
 * so no loop straddles a page on either side.
 */
#define BENCH_LOOP_ALIGN 512
#define __bench_loop __aligned(BENCH_LOOP_ALIGN)

/* ---- pool: ExAllocatePoolWithTag/ExFreePool vs kmalloc/kfree ---- */

static void __bench_loop pool_loop(unsigned int n, size_t size)
{
	while (n--) {
		void *p = ExAllocatePoolWithTag(NonPagedPoolNx, size, BENCH_TAG);

		OPTIMIZER_HIDE_VAR(p);
		ExFreePool(p);
	}
}

/*
 * The raw side passes kmalloc() a constant size, as Linux code does, so it
 * gets the compile-time cache lookup: one function per size.
 */
static __always_inline void kmalloc_loop(unsigned int n, size_t size)
{
	while (n--) {
		void *p = kmalloc(size, GFP_KERNEL);

		OPTIMIZER_HIDE_VAR(p);
		kfree(p);
	}
}

static void __bench_loop kmalloc_32(unsigned int n, size_t size)
{
	kmalloc_loop(n, 32);
}

static void __bench_loop kmalloc_100(unsigned int n, size_t size)
{
	kmalloc_loop(n, 100);
}

static void __bench_loop kmalloc_256(unsigned int n, size_t size)
{
	kmalloc_loop(n, 256);
}

static void __bench_loop kmalloc_4k(unsigned int n, size_t size)
{
	kmalloc_loop(n, SZ_4K);
}

static void __bench_loop kmalloc_64k(unsigned int n, size_t size)
{
	kmalloc_loop(n, SZ_64K);
}

static void __bench_loop pool2_loop(unsigned int n, size_t size)
{
	while (n--) {
		void *p = ExAllocatePool2(POOL_FLAG_NON_PAGED, size, BENCH_TAG);

		OPTIMIZER_HIDE_VAR(p);
		ExFreePool(p);
	}
}

static void __bench_loop kzalloc_256(unsigned int n, size_t size)
{
	while (n--) {
		void *p = kzalloc(256, GFP_KERNEL);

		OPTIMIZER_HIDE_VAR(p);
		kfree(p);
	}
}

/* ---- lookaside lists vs kmem_cache ---- */

/* Both sides use a cache of their own with 16-byte alignment. */
#define BENCH_LOOKASIDE_SIZE 256

static NPAGED_LOOKASIDE_LIST bench_lookaside;
static struct kmem_cache *bench_cache;

static int lookaside_setup(void)
{
	ExInitializeNPagedLookasideList(&bench_lookaside, NULL, NULL, 0,
					BENCH_LOOKASIDE_SIZE, BENCH_TAG, 0);
	bench_cache = kmem_cache_create("ntshim_bench", BENCH_LOOKASIDE_SIZE,
					16, 0, NULL);
	if (!bench_cache) {
		ExDeleteNPagedLookasideList(&bench_lookaside);
		return -ENOMEM;
	}
	return 0;
}

static void lookaside_teardown(void)
{
	ExDeleteNPagedLookasideList(&bench_lookaside);
	kmem_cache_destroy(bench_cache);
}

static void __bench_loop lookaside_loop(unsigned int n, size_t size)
{
	while (n--) {
		void *p = ExAllocateFromNPagedLookasideList(&bench_lookaside);

		OPTIMIZER_HIDE_VAR(p);
		ExFreeToNPagedLookasideList(&bench_lookaside, p);
	}
}

static void __bench_loop kmem_cache_loop(unsigned int n, size_t size)
{
	while (n--) {
		void *p = kmem_cache_alloc(bench_cache, GFP_KERNEL);

		OPTIMIZER_HIDE_VAR(p);
		kmem_cache_free(bench_cache, p);
	}
}

/* ---- spin locks vs spin_lock_bh/spin_lock ---- */

/* One lock per use, so no lock is taken both ordinary and queued. */
static KSPIN_LOCK bench_klock, bench_qlock, bench_dlock, bench_llock;
static DEFINE_SPINLOCK(bench_rawlock);

/* What the critical sections do: one store the compiler must keep. */
static unsigned long bench_sink;

static void __bench_loop ke_spin_loop(unsigned int n, size_t size)
{
	KIRQL old;

	while (n--) {
		KeAcquireSpinLock(&bench_klock, &old);
		bench_sink++;
		KeReleaseSpinLock(&bench_klock, old);
	}
}

static void __bench_loop ke_queued_loop(unsigned int n, size_t size)
{
	KLOCK_QUEUE_HANDLE h;

	while (n--) {
		KeAcquireInStackQueuedSpinLock(&bench_qlock, &h);
		bench_sink++;
		KeReleaseInStackQueuedSpinLock(&h);
	}
}

static void __bench_loop spin_bh_loop(unsigned int n, size_t size)
{
	while (n--) {
		spin_lock_bh(&bench_rawlock);
		bench_sink++;
		spin_unlock_bh(&bench_rawlock);
	}
}

/* Both sides run with softirqs off: the caller is at DISPATCH_LEVEL. */
static void __bench_loop ke_dpc_loop(unsigned int n, size_t size)
{
	local_bh_disable();
	while (n--) {
		KeAcquireSpinLockAtDpcLevel(&bench_dlock);
		bench_sink++;
		KeReleaseSpinLockFromDpcLevel(&bench_dlock);
	}
	local_bh_enable();
}

static void __bench_loop spin_loop(unsigned int n, size_t size)
{
	local_bh_disable();
	while (n--) {
		spin_lock(&bench_rawlock);
		bench_sink++;
		spin_unlock(&bench_rawlock);
	}
	local_bh_enable();
}

/* ---- lists ---- */

static LIST_ENTRY bench_nt_head;
static LIST_ENTRY bench_nt_entries[BENCH_LIST_LEN];
static LIST_HEAD(bench_head);
static struct list_head bench_entries[BENCH_LIST_LEN];

/* Both lists hold BENCH_LIST_LEN entries; each op moves head to tail. */
static int list_setup(void)
{
	int i;

	InitializeListHead(&bench_nt_head);
	INIT_LIST_HEAD(&bench_head);
	for (i = 0; i < BENCH_LIST_LEN; i++) {
		InsertTailList(&bench_nt_head, &bench_nt_entries[i]);
		list_add_tail(&bench_entries[i], &bench_head);
	}
	KeInitializeSpinLock(&bench_llock);
	return 0;
}

static void __bench_loop nt_list_loop(unsigned int n, size_t size)
{
	while (n--) {
		PLIST_ENTRY e = RemoveHeadList(&bench_nt_head);

		InsertTailList(&bench_nt_head, e);
	}
}

/*
 * The same work as the shim side: RemoveHeadList() tests for an empty list
 * and leaves the removed entry's links alone (no list_del() poisoning), so
 * the raw side is list_rotate_left(): the empty test, __list_del_entry()
 * and list_add_tail().
 */
static void __bench_loop list_loop(unsigned int n, size_t size)
{
	while (n--)
		list_rotate_left(&bench_head);
}

/*
 * The kernel's own checked list: what CONFIG_LIST_HARDENED (without
 * DEBUG_LIST) inlines into list_rotate_left(), as distribution kernels
 * build it (Debian's 6.12 has LIST_HARDENED and DEBUG_LIST).  The bench
 * kernel is built without it, so unless the running kernel has it, the
 * same inline checks are made here, with the report out of line and cold
 * as in lib/list_debug.c.  This is the like-for-like baseline for
 * LIST_ENTRY, whose link checks are part of its Windows contract.
 */
#ifdef CONFIG_LIST_HARDENED
static void __bench_loop list_checked_loop(unsigned int n, size_t size)
{
	while (n--)
		list_rotate_left(&bench_head);
}
#else
static unsigned long bench_list_corrupt_count;

static noinline void __cold bench_list_corrupt(struct list_head *e)
{
	bench_list_corrupt_count++;
	pr_err_ratelimited("list corruption at %p\n", e);
}

static __always_inline bool bench_list_add_valid(struct list_head *new,
						 struct list_head *prev,
						 struct list_head *next)
{
	if (likely(next->prev == prev && prev->next == next && new != prev &&
		   new != next))
		return true;
	bench_list_corrupt(new);
	return false;
}

static __always_inline bool bench_list_del_valid(struct list_head *entry)
{
	struct list_head *prev = entry->prev;
	struct list_head *next = entry->next;

	if (likely(prev->next == entry && next->prev == entry))
		return true;
	bench_list_corrupt(entry);
	return false;
}

/* list_rotate_left() with LIST_HARDENED's inline checks. */
static __always_inline void bench_list_rotate_checked(struct list_head *head)
{
	struct list_head *first = head->next;

	if (first == head || !bench_list_del_valid(first))
		return;
	__list_del(first->prev, first->next);
	if (bench_list_add_valid(first, head->prev, head))
		__list_add(first, head->prev, head);
}

static void __bench_loop list_checked_loop(unsigned int n, size_t size)
{
	while (n--)
		bench_list_rotate_checked(&bench_head);
}
#endif

static void __bench_loop nt_ilist_loop(unsigned int n, size_t size)
{
	while (n--) {
		PLIST_ENTRY e = ExInterlockedRemoveHeadList(&bench_nt_head,
							    &bench_llock);

		ExInterlockedInsertTailList(&bench_nt_head, e, &bench_llock);
	}
}

/*
 * The same work as ExInterlockedRemoveHeadList() and
 * ExInterlockedInsertTailList(): each takes the lock with irqsave; the
 * remove tests for an empty list and does not poison the entry.
 */
static __always_inline void ilist_rotate(bool checked)
{
	struct list_head *e;
	unsigned long flags;

	spin_lock_irqsave(&bench_rawlock, flags);
	e = bench_head.next;
	if (e == &bench_head)
		e = NULL;
#ifndef CONFIG_LIST_HARDENED
	else if (checked && !bench_list_del_valid(e))
		e = NULL;
#endif
	else
		__list_del_entry(e);
	spin_unlock_irqrestore(&bench_rawlock, flags);
	if (!e)
		return;
	spin_lock_irqsave(&bench_rawlock, flags);
#ifndef CONFIG_LIST_HARDENED
	if (!checked || bench_list_add_valid(e, bench_head.prev, &bench_head))
		__list_add(e, bench_head.prev, &bench_head);
#else
	list_add_tail(e, &bench_head);
#endif
	spin_unlock_irqrestore(&bench_rawlock, flags);
}

static void __bench_loop ilist_loop(unsigned int n, size_t size)
{
	while (n--)
		ilist_rotate(false);
}

static void __bench_loop ilist_checked_loop(unsigned int n, size_t size)
{
	while (n--)
		ilist_rotate(true);
}

static SLIST_HEADER bench_slist;
static SLIST_ENTRY bench_sentry;
static LLIST_HEAD(bench_llist);
static struct llist_node bench_lnode;

static int slist_setup(void)
{
	InitializeSListHead(&bench_slist);
	init_llist_head(&bench_llist);
	return 0;
}

static void __bench_loop slist_loop(unsigned int n, size_t size)
{
	while (n--) {
		PSLIST_ENTRY e;

		InterlockedPushEntrySList(&bench_slist, &bench_sentry);
		e = InterlockedPopEntrySList(&bench_slist);
		OPTIMIZER_HIDE_VAR(e);
	}
}

/* llist_del_first() needs its consumers serialised: the lock does it. */
static void __bench_loop llist_loop(unsigned int n, size_t size)
{
	while (n--) {
		struct llist_node *e;

		llist_add(&bench_lnode, &bench_llist);
		spin_lock(&bench_rawlock);
		e = llist_del_first(&bench_llist);
		spin_unlock(&bench_rawlock);
		OPTIMIZER_HIDE_VAR(e);
	}
}

/*
 * ---- calibration: what two primitives that the Windows contract needs
 * cost against their cheaper cousins.  No target: they explain the lock
 * and SLIST rows (an emulator may price them very differently from
 * silicon).
 */

/* SLIST's ABA-safe header needs a 16-byte compare-and-exchange. */
static u128 bench_word128 __aligned(16);
static u64 bench_word64;

static void __bench_loop cas128_loop(unsigned int n, size_t size)
{
	while (n--) {
#ifdef system_has_cmpxchg128
		u128 old = bench_word128;

		/* every x86-64 CPU since 2008; the row is moot without it */
		if (system_has_cmpxchg128())
			try_cmpxchg128(&bench_word128, &old, old + 1);
#endif
	}
}

static void __bench_loop cas64_loop(unsigned int n, size_t size)
{
	while (n--) {
		u64 old = READ_ONCE(bench_word64);

		try_cmpxchg64(&bench_word64, &old, old + 1);
	}
}

/*
 * The IRQL checks of KeAcquireSpinLock and KeReleaseSpinLock read the
 * interrupt flag; the raw side reads preempt_count() as they also do.
 */
static void __bench_loop irqflag_loop(unsigned int n, size_t size)
{
	while (n--)
		WRITE_ONCE(bench_sink, bench_sink + irqs_disabled());
}

static void __bench_loop preempt_count_loop(unsigned int n, size_t size)
{
	while (n--)
		WRITE_ONCE(bench_sink, bench_sink + preempt_count());
}

/* The pool_verify rows: Driver Verifier's pool checks on, then off. */
static int verify_on(void)
{
	return ntshim_verifier_set("pool_verify", "1");
}

static void verify_off(void)
{
	ntshim_verifier_set("pool_verify", "0");
}

#define ROW(n, t, sh, rw, sz, set, tear)                                     \
	{ .name = n, .target = t, .shim = sh, .raw = rw, .size = sz,           \
	  .setup = set, .teardown = tear }

static const struct bench_row bench_rows[] = {
	ROW("ExAllocatePoolWithTag+ExFreePool 32 B vs kmalloc+kfree", 1300,
	    pool_loop, kmalloc_32, 32, NULL, NULL),
	ROW("ExAllocatePoolWithTag+ExFreePool 100 B vs kmalloc+kfree", 1300,
	    pool_loop, kmalloc_100, 100, NULL, NULL),
	ROW("ExAllocatePoolWithTag+ExFreePool 256 B vs kmalloc+kfree", 1300,
	    pool_loop, kmalloc_256, 256, NULL, NULL),
	ROW("ExAllocatePoolWithTag+ExFreePool 4 KiB vs kmalloc+kfree", 1300,
	    pool_loop, kmalloc_4k, SZ_4K, NULL, NULL),
	ROW("ExAllocatePoolWithTag+ExFreePool 64 KiB vs kmalloc+kfree", 1150,
	    pool_loop, kmalloc_64k, SZ_64K, NULL, NULL),
	ROW("ExAllocatePool2 256 B vs kzalloc+kfree", 1300,
	    pool2_loop, kzalloc_256, 256, NULL, NULL),
	ROW("NPaged lookaside alloc+free 256 B vs kmem_cache_alloc+free", 1000,
	    lookaside_loop, kmem_cache_loop, BENCH_LOOKASIDE_SIZE,
	    lookaside_setup, lookaside_teardown),
	ROW("KeAcquireSpinLock+Release vs spin_lock_bh+unlock", 1200,
	    ke_spin_loop, spin_bh_loop, 0, NULL, NULL),
	ROW("KeAcquireInStackQueuedSpinLock+Release vs spin_lock_bh+unlock",
	    1200, ke_queued_loop, spin_bh_loop, 0, NULL, NULL),
	ROW("KeAcquireSpinLockAtDpcLevel+Release vs spin_lock+unlock", 1100,
	    ke_dpc_loop, spin_loop, 0, NULL, NULL),
	ROW("ExInterlockedRemoveHead+InsertTailList vs list ops under irqsave",
	    0, nt_ilist_loop, ilist_loop, 0, list_setup, NULL),
	ROW("ExInterlockedRemoveHead+InsertTailList vs the same LIST_HARDENED",
	    1050, nt_ilist_loop, ilist_checked_loop, 0, list_setup, NULL),
	ROW("InterlockedPush+PopEntrySList vs llist_add+locked llist_del_first",
	    1500, slist_loop, llist_loop, 0, slist_setup, NULL),
	ROW("RemoveHeadList+InsertTailList vs list_rotate_left", 0,
	    nt_list_loop, list_loop, 0, list_setup, NULL),
	ROW("RemoveHeadList+InsertTailList vs list_rotate_left LIST_HARDENED",
	    1050, nt_list_loop, list_checked_loop, 0, list_setup, NULL),
	ROW("calibration: 16-byte vs 8-byte locked cmpxchg", 0,
	    cas128_loop, cas64_loop, 0, NULL, NULL),
	ROW("calibration: irqs_disabled() vs preempt_count() read", 0,
	    irqflag_loop, preempt_count_loop, 0, NULL, NULL),
	/* what Driver Verifier's pool_verify costs: no target */
	ROW("pool_verify: ExAllocatePoolWithTag+ExFreePool 32 B vs kmalloc+kfree",
	    0, pool_loop, kmalloc_32, 32, verify_on, verify_off),
	ROW("pool_verify: ExAllocatePoolWithTag+ExFreePool 256 B vs kmalloc+kfree",
	    0, pool_loop, kmalloc_256, 256, verify_on, verify_off),
	ROW("pool_verify: ExAllocatePoolWithTag+ExFreePool 4 KiB vs kmalloc+kfree",
	    0, pool_loop, kmalloc_4k, SZ_4K, verify_on, verify_off),
	ROW("pool_verify: ExAllocatePoolWithTag+ExFreePool 64 KiB vs kmalloc+kfree",
	    0, pool_loop, kmalloc_64k, SZ_64K, verify_on, verify_off),
	ROW("pool_verify: ExAllocatePool2 256 B vs kzalloc+kfree", 0,
	    pool2_loop, kzalloc_256, 256, verify_on, verify_off),
};

/* ---- timing ---- */

static u64 bench_time(void (*fn)(unsigned int, size_t), unsigned int n,
		      size_t size)
{
	u64 t0 = ktime_get_ns();

	fn(n, size);
	return ktime_get_ns() - t0;
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

static void bench_summarise(struct bench_stat *s, u64 *ps,
			    unsigned int rounds)
{
	sort(ps, rounds, sizeof(*ps), cmp_u64, NULL);
	s->min = ps[0];
	s->max = ps[rounds - 1];
	s->med = rounds & 1 ? ps[rounds / 2] :
			      (ps[rounds / 2 - 1] + ps[rounds / 2]) / 2;
}

/* The batch size at which @fn takes about bench_batch_us. */
static unsigned int bench_calibrate(void (*fn)(unsigned int, size_t),
				    size_t size)
{
	u64 want = (u64)bench_batch_us * NSEC_PER_USEC;
	unsigned int n = 16;

	fn(n, size);		/* warm the caches */
	while (n < (1U << 22) && bench_time(fn, n, size) < want)
		n *= 2;
	return n;
}

static unsigned int bench_nr_rounds(void)
{
	return clamp(bench_rounds, 1U, (unsigned int)BENCH_MAX_ROUNDS);
}

static void bench_run_row(struct bench_result *r)
{
	const struct bench_row *row = r->row;
	unsigned int i, rounds = bench_nr_rounds();
	u64 shim[BENCH_MAX_ROUNDS], raw[BENCH_MAX_ROUNDS];

	if (row->setup) {
		r->err = row->setup();
		if (r->err)
			return;
	}
	r->n = bench_calibrate(row->raw, row->size);
	row->shim(r->n, row->size);	/* warm the shim side too */
	for (i = 0; i < rounds; i++) {
		/* Flip the order every round so neither side always leads. */
		if (i & 1) {
			raw[i] = bench_time(row->raw, r->n, row->size);
			shim[i] = bench_time(row->shim, r->n, row->size);
		} else {
			shim[i] = bench_time(row->shim, r->n, row->size);
			raw[i] = bench_time(row->raw, r->n, row->size);
		}
		shim[i] = div_u64(shim[i] * 1000, r->n);
		raw[i] = div_u64(raw[i] * 1000, r->n);
		cond_resched();
	}
	bench_summarise(&r->shim, shim, rounds);
	bench_summarise(&r->raw, raw, rounds);
	if (row->teardown)
		row->teardown();
}

/* ---- workers: kthreads bound to one CPU each ---- */

/**
 * struct bench_worker - one kthread of a run
 * @task:  the kthread
 * @fn:    what it runs once the start barrier opens
 * @arg:   argument of @fn
 * @n:     operations for @fn
 * @ns:    how long @fn took
 * @done:  completed when @ns is set
 */
struct bench_worker {
	struct task_struct *task;
	void (*fn)(struct bench_worker *w);
	void *arg;
	unsigned int n;
	u64 ns;
	struct completion done;
};

static atomic_t bench_ready;
static int bench_nr_workers;

static int bench_worker_fn(void *data)
{
	struct bench_worker *w = data;

	/* Start together: nobody times until every worker is on its CPU. */
	atomic_inc(&bench_ready);
	while (atomic_read(&bench_ready) < bench_nr_workers)
		cpu_relax();
	w->fn(w);
	complete(&w->done);
	while (!kthread_should_stop()) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

/* Runs @fn on each CPU of @cpus at once; returns 0 or -errno. */
static int bench_on_cpus(const struct cpumask *cpus, struct bench_worker *w,
			 void (*fn)(struct bench_worker *w), void *arg,
			 unsigned int n)
{
	int cpu, i = 0, nr = 0, err = 0;

	atomic_set(&bench_ready, 0);
	bench_nr_workers = cpumask_weight(cpus);
	for_each_cpu(cpu, cpus) {
		w[i].fn = fn;
		w[i].arg = arg;
		w[i].n = n;
		w[i].ns = 0;
		init_completion(&w[i].done);
		w[i].task = kthread_create(bench_worker_fn, &w[i],
					   "ntshim_bench/%d", cpu);
		if (IS_ERR(w[i].task)) {
			err = PTR_ERR(w[i].task);
			break;
		}
		kthread_bind(w[i].task, cpu);
		i++;
	}
	nr = i;
	if (err) {
		/* Never woken: kthread_stop() ends them before fn runs. */
		for (i = 0; i < nr; i++)
			kthread_stop(w[i].task);
		return err;
	}
	for (i = 0; i < nr; i++)
		wake_up_process(w[i].task);
	for (i = 0; i < nr; i++) {
		wait_for_completion(&w[i].done);
		kthread_stop(w[i].task);
	}
	return 0;
}

/* ---- the cost rows, run by one worker ---- */

static struct bench_result bench_results[ARRAY_SIZE(bench_rows)];

static void bench_cost_worker(struct bench_worker *w)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(bench_rows); i++) {
		bench_results[i].row = &bench_rows[i];
		bench_results[i].err = 0;
		bench_run_row(&bench_results[i]);
	}
}

/* ---- scaling: one tag from every CPU at once ---- */

#define BENCH_SCALE_SIZE 256

/*
 * The naive tracker: one global lock around the counters, as older shims
 * kept their pool statistics.  Names never contain commas (CSV).
 */
static struct {
	spinlock_t lock;	/* guards the three counters */
	u64 allocs, frees, bytes;
} naive = { .lock = __SPIN_LOCK_UNLOCKED(naive.lock) };

static void *naive_alloc(size_t size)
{
	unsigned long flags;
	void *p = kmalloc(size, GFP_KERNEL);

	if (p) {
		spin_lock_irqsave(&naive.lock, flags);
		naive.allocs++;
		naive.bytes += size;
		spin_unlock_irqrestore(&naive.lock, flags);
	}
	return p;
}

static void naive_free(void *p, size_t size)
{
	unsigned long flags;

	spin_lock_irqsave(&naive.lock, flags);
	naive.frees++;
	naive.bytes -= size;
	spin_unlock_irqrestore(&naive.lock, flags);
	kfree(p);
}

static void __bench_loop naive_scale_worker(struct bench_worker *w)
{
	unsigned int n = w->n;
	u64 t0 = ktime_get_ns();

	while (n--) {
		void *p = naive_alloc(BENCH_SCALE_SIZE);

		OPTIMIZER_HIDE_VAR(p);
		naive_free(p, BENCH_SCALE_SIZE);
	}
	w->ns = ktime_get_ns() - t0;
}

static void __bench_loop pool_scale_worker(struct bench_worker *w)
{
	unsigned int n = w->n;
	u64 t0 = ktime_get_ns();

	while (n--) {
		void *p = ExAllocatePoolWithTag(NonPagedPoolNx,
						BENCH_SCALE_SIZE, BENCH_TAG);

		OPTIMIZER_HIDE_VAR(p);
		ExFreePool(p);
	}
	w->ns = ktime_get_ns() - t0;
}

/**
 * struct bench_scale - a scaling line: per-CPU ps/op of two runs
 * @name:   what is compared
 * @target: lower bound on the throughput ratio, in thousandths (0: none)
 * @a:      the measured side
 * @b:      the side it is compared with
 */
struct bench_scale {
	const char *name;
	unsigned int target;
	struct bench_stat a, b;
};

/* What a worker of a scaling run does. */
typedef void (*bench_fn_t)(struct bench_worker *w);

/* The four runs of a scaling round. */
enum bench_scale_run {
	SCALE_POOL_ALL,
	SCALE_POOL_ONE,
	SCALE_NAIVE_ALL,
	SCALE_NAIVE_ONE,
	SCALE_RUNS
};

static struct bench_scale bench_scales[3];
static int bench_nr_scales;
static unsigned int bench_scale_n;

static void bench_scale_add(const char *name, unsigned int target, u64 *a,
			    u64 *b, unsigned int rounds)
{
	struct bench_scale *s = &bench_scales[bench_nr_scales++];

	s->name = name;
	s->target = target;
	bench_summarise(&s->a, a, rounds);
	bench_summarise(&s->b, b, rounds);
}

/* Mean per-CPU ps/op of the workers of one run. */
static u64 bench_per_cpu(struct bench_worker *w, int nr, unsigned int n)
{
	u64 sum = 0;
	int i;

	for (i = 0; i < nr; i++)
		sum += div_u64(w[i].ns * 1000, n);
	return div_u64(sum, nr);
}

static int bench_scaling(void)
{
	static const bench_fn_t fns[SCALE_RUNS] = {
		[SCALE_POOL_ALL] = pool_scale_worker,
		[SCALE_POOL_ONE] = pool_scale_worker,
		[SCALE_NAIVE_ALL] = naive_scale_worker,
		[SCALE_NAIVE_ONE] = naive_scale_worker,
	};
	static const bool on_all[SCALE_RUNS] = {
		[SCALE_POOL_ALL] = true,
		[SCALE_NAIVE_ALL] = true,
	};
	static u64 ps[SCALE_RUNS][BENCH_MAX_ROUNDS];
	unsigned int i, rounds = bench_nr_rounds();
	struct bench_worker *w;
	cpumask_var_t one, all;
	int cpu, run, err = 0;

	w = kcalloc(BENCH_MAX_CPUS, sizeof(*w), GFP_KERNEL);
	if (!w)
		return -ENOMEM;
	if (!zalloc_cpumask_var(&one, GFP_KERNEL)) {
		kfree(w);
		return -ENOMEM;
	}
	if (!zalloc_cpumask_var(&all, GFP_KERNEL)) {
		free_cpumask_var(one);
		kfree(w);
		return -ENOMEM;
	}
	/* One CPU: the first online; all: the first BENCH_MAX_CPUS online. */
	cpumask_set_cpu(cpumask_first(cpu_online_mask), one);
	for_each_online_cpu(cpu) {
		if (cpumask_weight(all) >= BENCH_MAX_CPUS)
			break;
		cpumask_set_cpu(cpu, all);
	}

	/* Calibrate on one CPU with the baseline: ~4 batches' worth. */
	bench_scale_n = 1024;
	for (;;) {
		err = bench_on_cpus(one, w, naive_scale_worker, NULL,
				    bench_scale_n);
		if (err || w[0].ns >= 4ULL * bench_batch_us * NSEC_PER_USEC ||
		    bench_scale_n >= (1U << 22))
			break;
		bench_scale_n *= 2;
	}

	for (i = 0; i < rounds && !err; i++) {
		for (run = 0; run < SCALE_RUNS && !err; run++) {
			const struct cpumask *cpus = on_all[run] ? all : one;

			err = bench_on_cpus(cpus, w, fns[run], NULL,
					    bench_scale_n);
			ps[run][i] = bench_per_cpu(w, cpumask_weight(cpus),
						   bench_scale_n);
		}
	}
	free_cpumask_var(all);
	free_cpumask_var(one);
	kfree(w);
	if (err)
		return err;

	bench_nr_scales = 0;
	bench_scale_add("pool tag 256 B per-CPU throughput: all CPUs vs one CPU",
			900, ps[SCALE_POOL_ALL], ps[SCALE_POOL_ONE], rounds);
	bench_scale_add("naive tracker 256 B per-CPU throughput: all CPUs vs one CPU",
			0, ps[SCALE_NAIVE_ALL], ps[SCALE_NAIVE_ONE], rounds);
	/* Both sides already summarised (and sorted) above. */
	bench_scales[bench_nr_scales].name =
		"pool tag vs naive tracker 256 B throughput on all CPUs";
	bench_scales[bench_nr_scales].target = 1500;
	bench_scales[bench_nr_scales].a = bench_scales[0].a;
	bench_scales[bench_nr_scales].b = bench_scales[1].a;
	bench_nr_scales++;
	return 0;
}

/* ---- memory: what a block really occupies, ntshim against kmalloc ---- */

/*
 * Per size, N blocks are allocated twice over on each side.  A block's own
 * object is measured from its pointer: a page allocation's folio size, or
 * a slab object's stride (the smallest distance between two of the N
 * blocks in one slab: the object with its alignment, header and the slab's
 * free pointer where it lies outside the object).  kmalloc's side is its
 * own rounding, ksize().  Memory outside the object (ntshim's big-pool
 * record and its hash table) shows only in the slab counters: "other" is
 * what the node's slab bytes grew by over the second N blocks, less N
 * objects, per block.  The second batch, because the first may be served
 * from slabs earlier rows left partly free; what remains is at most one
 * slab per N blocks (on kmalloc's side "other" is that error).
 */
#define BENCH_MEM_SMALL_BLOCKS 2048
#define BENCH_MEM_LARGE_BLOCKS 1024

/**
 * struct bench_mem - one memory row: what a block of @size occupies
 * @size:       bytes asked for
 * @n:          blocks per batch
 * @raw_block:  kmalloc's object, ksize()
 * @raw_other:  slab bytes per kmalloc block beyond its object (the error)
 * @shim_block: ntshim's object: slab stride or pages
 * @shim_other: slab bytes per ntshim block beyond its object
 * @err:        0, or why the row did not run
 */
struct bench_mem {
	size_t size;
	unsigned int n;
	long raw_block, raw_other, shim_block, shim_other;
	int err;
};

static const size_t bench_mem_sizes[] = { 32, 100, 256, SZ_4K, SZ_64K };
static struct bench_mem bench_mems[ARRAY_SIZE(bench_mem_sizes)];
static bool bench_ran_mem;

/* The node's slab pages (kmalloc's page allocations count there too). */
static long bench_slab_pages(void)
{
	enum node_stat_item item;
	long pages = 0;
	int nid, cpu;

	for_each_online_node(nid) {
		struct pglist_data *pgdat = NODE_DATA(nid);

		for (item = NR_SLAB_RECLAIMABLE_B;
		     item <= NR_SLAB_UNRECLAIMABLE_B; item++) {
			pages += atomic_long_read(&pgdat->vm_stat[item]);
			/* not yet folded into vm_stat: exact, not approximate */
			for_each_possible_cpu(cpu)
				pages += per_cpu_ptr(pgdat->per_cpu_nodestats,
						     cpu)->vm_node_stat_diff[item];
		}
	}
	return pages;
}

/* Let deferred work (hash table resizes) and RCU frees finish. */
static long bench_slab_bytes_settled(void)
{
	msleep(20);
	rcu_barrier();
	return bench_slab_pages() * PAGE_SIZE;
}

static int cmp_ptr(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a;
	unsigned long y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* What one of the @n blocks at @p occupies as an object; sorts @p. */
static long bench_block_bytes(void **p, unsigned int n)
{
	unsigned long stride = ULONG_MAX;
	unsigned int i;

	if (is_vmalloc_addr(p[0]))
		return -EOPNOTSUPP;
	if (!folio_test_slab(virt_to_folio(p[0])))
		return folio_size(virt_to_folio(p[0]));
	sort(p, n, sizeof(*p), cmp_ptr, NULL);
	for (i = 1; i < n; i++)
		if (virt_to_folio(p[i]) == virt_to_folio(p[i - 1]))
			stride = min(stride, (unsigned long)(p[i] - p[i - 1]));
	return stride == ULONG_MAX ? -ERANGE : stride;
}

static void *bench_mem_kmalloc(size_t size)
{
	return kmalloc(size, GFP_KERNEL);
}

static void *bench_mem_pool(size_t size)
{
	return ExAllocatePoolWithTag(NonPagedPoolNx, size, BENCH_TAG);
}

static void bench_mem_pool_free(const void *p)
{
	ExFreePool((void *)p);
}

/*
 * Allocates two batches of @n blocks of @size into @p (2 * @n slots) and
 * measures; frees them all.  Returns 0 or -errno.
 */
static int bench_mem_side(void *(*alloc)(size_t size),
			  void (*release)(const void *p), size_t size,
			  unsigned int n, void **p, long *block, long *other)
{
	unsigned int i, got = 0;
	long before, after;
	int err = 0;

	for (; got < n; got++) {
		p[got] = alloc(size);
		if (!p[got])
			goto out;
	}
	before = bench_slab_bytes_settled();
	for (; got < 2 * n; got++) {
		p[got] = alloc(size);
		if (!p[got])
			goto out;
	}
	after = bench_slab_bytes_settled();
	*block = bench_block_bytes(p + n, n);
	if (*block < 0)
		err = *block;
	else
		*other = DIV_ROUND_CLOSEST(after - before - *block * (long)n,
					   (long)n);
out:
	if (got < 2 * n)
		err = -ENOMEM;
	for (i = 0; i < got; i++)
		release(p[i]);
	return err;
}

static void bench_memory(void)
{
	unsigned int i;
	void **p;

	p = kvmalloc_array(2 * BENCH_MEM_SMALL_BLOCKS, sizeof(*p), GFP_KERNEL);
	for (i = 0; i < ARRAY_SIZE(bench_mems); i++) {
		struct bench_mem *m = &bench_mems[i];

		m->size = bench_mem_sizes[i];
		m->n = m->size < PAGE_SIZE ? BENCH_MEM_SMALL_BLOCKS :
					     BENCH_MEM_LARGE_BLOCKS;
		m->err = p ? 0 : -ENOMEM;
		if (!m->err)
			m->err = bench_mem_side(bench_mem_kmalloc, kfree,
						m->size, m->n, p,
						&m->raw_block, &m->raw_other);
		if (!m->err) {
			/* kmalloc's own rounding, which the stride must equal */
			void *q = kmalloc(m->size, GFP_KERNEL);

			if (q && ksize(q) != m->raw_block)
				pr_warn("kmalloc(%zu): stride %ld, ksize %zu\n",
					m->size, m->raw_block, ksize(q));
			if (q)
				m->raw_block = ksize(q);
			kfree(q);
		}
		if (!m->err)
			m->err = bench_mem_side(bench_mem_pool,
						bench_mem_pool_free, m->size,
						m->n, p, &m->shim_block,
						&m->shim_other);
		cond_resched();
	}
	kvfree(p);
	bench_ran_mem = true;
}

/* ---- output ---- */

static void bench_print_stat(struct seq_file *m, const struct bench_stat *s)
{
	seq_printf(m, ",%llu.%02llu,%llu.%02llu,%llu.%02llu",
		   s->med / 1000, (s->med % 1000) / 10,
		   s->min / 1000, (s->min % 1000) / 10,
		   s->max / 1000, (s->max % 1000) / 10);
}

static void bench_print_ratio(struct seq_file *m, u64 num, u64 den)
{
	u64 r = den ? div64_u64(num * 1000, den) : 0;

	seq_printf(m, ",%llu.%03llu", r / 1000, r % 1000);
}

static void bench_print_target(struct seq_file *m, const char *op,
			       unsigned int t)
{
	if (t)
		seq_printf(m, ",%s%u.%03u", op, t / 1000, t % 1000);
	else
		seq_puts(m, ",");
}

/* One run at a time: the rows and results are global. */
static DEFINE_MUTEX(bench_mutex);

/* Runs @fn in one kthread on the CPU the cost rows use. */
static int bench_on_cost_cpu(void (*fn)(struct bench_worker *w))
{
	struct bench_worker *w;
	cpumask_var_t cpus;
	int cpu, err;

	w = kzalloc(sizeof(*w), GFP_KERNEL);
	if (!w || !zalloc_cpumask_var(&cpus, GFP_KERNEL)) {
		kfree(w);
		return -ENOMEM;
	}
	cpu = bench_cpu;
	if (cpu < 0 || cpu >= nr_cpu_ids || !cpu_online(cpu))
		cpu = cpumask_last(cpu_online_mask);
	cpumask_set_cpu(cpu, cpus);
	err = bench_on_cpus(cpus, w, fn, NULL, 0);
	free_cpumask_var(cpus);
	kfree(w);
	return err;
}

/* What reading run measures: the rows parameter. */
#define BENCH_COST BIT(0)
#define BENCH_SCALING BIT(1)
#define BENCH_MEMORY BIT(2)

static int bench_kinds(void)
{
	char *list, *s, *tok;
	int kinds = 0;

	if (!bench_rows_param || !strcmp(bench_rows_param, "all"))
		return BENCH_COST | BENCH_SCALING | BENCH_MEMORY;
	list = kstrdup(bench_rows_param, GFP_KERNEL);
	if (!list)
		return -ENOMEM;
	s = list;
	while ((tok = strsep(&s, ",")) && kinds >= 0) {
		if (!strcmp(tok, "cost"))
			kinds |= BENCH_COST;
		else if (!strcmp(tok, "scaling"))
			kinds |= BENCH_SCALING;
		else if (!strcmp(tok, "memory"))
			kinds |= BENCH_MEMORY;
		else
			kinds = -EINVAL;
	}
	kfree(list);
	return kinds ?: -EINVAL;
}

static bool bench_ran_cost;

/* Runs the cost rows on one CPU, then the scaling and memory rows. */
static int bench_run_all(int kinds)
{
	int err = 0;

	bench_ran_cost = false;
	bench_nr_scales = 0;
	bench_ran_mem = false;
	if (kinds & BENCH_COST) {
		err = bench_on_cost_cpu(bench_cost_worker);
		bench_ran_cost = !err;
	}
	if (!err && (kinds & BENCH_SCALING))
		err = bench_scaling();
	if (!err && (kinds & BENCH_MEMORY))
		bench_memory();
	return err;
}

static int bench_run_show(struct seq_file *m, void *v)
{
	int kinds = bench_kinds();
	unsigned int i;
	int err;

	if (kinds < 0)
		return kinds;
	if (mutex_lock_interruptible(&bench_mutex))
		return -EINTR;
	err = bench_run_all(kinds);
	if (err) {
		mutex_unlock(&bench_mutex);
		return err;
	}

	/*
	 * ratio: of the medians, shim/raw time for "time" rows, a/b
	 * throughput for "throughput" rows; ratio_min: the same of the
	 * fastest rounds, the least disturbed on a busy host.
	 */
	seq_puts(m, "kind,row,shim_ns,shim_min,shim_max,raw_ns,raw_min,raw_max,ratio,target,n,rounds,cpus,ratio_min\n");
	for (i = 0; bench_ran_cost && i < ARRAY_SIZE(bench_results); i++) {
		struct bench_result *r = &bench_results[i];

		if (r->err) {
			seq_printf(m, "error,%s,,,,,,,,,%d,,\n", r->row->name,
				   r->err);
			continue;
		}
		seq_printf(m, "time,%s", r->row->name);
		bench_print_stat(m, &r->shim);
		bench_print_stat(m, &r->raw);
		bench_print_ratio(m, r->shim.med, r->raw.med);
		bench_print_target(m, "<=", r->row->target);
		seq_printf(m, ",%u,%u,1", r->n, bench_nr_rounds());
		bench_print_ratio(m, r->shim.min, r->raw.min);
		seq_putc(m, '\n');
	}
	for (i = 0; i < bench_nr_scales; i++) {
		struct bench_scale *s = &bench_scales[i];

		seq_printf(m, "throughput,%s", s->name);
		bench_print_stat(m, &s->a);
		bench_print_stat(m, &s->b);
		bench_print_ratio(m, s->b.med, s->a.med);
		bench_print_target(m, ">=", s->target);
		seq_printf(m, ",%u,%u,%u", bench_scale_n, bench_nr_rounds(),
			   num_online_cpus());
		bench_print_ratio(m, s->b.min, s->a.min);
		seq_putc(m, '\n');
	}
	/*
	 * Memory rows have columns of their own: bytes asked for, blocks per
	 * batch, then kmalloc's object and other bytes per block, ntshim's
	 * object and other bytes per block.
	 */
	for (i = 0; bench_ran_mem && i < ARRAY_SIZE(bench_mems); i++) {
		struct bench_mem *b = &bench_mems[i];

		if (b->err) {
			seq_printf(m, "error,ExAllocatePoolWithTag %zu B memory,,,,,,,,,%d,,\n",
				   b->size, b->err);
			continue;
		}
		seq_printf(m, "memory,ExAllocatePoolWithTag %zu B vs kmalloc,%zu,%u,%ld,%ld,%ld,%ld\n",
			   b->size, b->size, b->n, b->raw_block, b->raw_other,
			   b->shim_block, b->shim_other);
	}
	mutex_unlock(&bench_mutex);
	return 0;
}

/*
 * Room for the whole table up front: seq_file would call the show routine
 * again, running every row a second time, if the first buffer overflowed.
 */
static int bench_run_open(struct inode *inode, struct file *file)
{
	return single_open_size(file, bench_run_show, NULL, SZ_16K);
}

static const struct file_operations bench_run_fops = {
	.owner = THIS_MODULE,
	.open = bench_run_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

/* ---- profile: where the shim side of one row spends its time ---- */

static unsigned int bench_profile_at;	/* the row being sampled */
static int bench_profile_err;

static void bench_profile_worker(struct bench_worker *w)
{
	const struct bench_row *row = &bench_rows[bench_profile_at];
	unsigned int n;

	if (row->setup) {
		bench_profile_err = row->setup();
		if (bench_profile_err)
			return;
	}
	n = bench_calibrate(row->raw, row->size);
	bench_profile_err = bench_profile_run(row->shim, n, row->size);
	if (row->teardown)
		row->teardown();
}

/* Reading "profile" samples the row the profile parameter names. */
static int bench_profile_file_show(struct seq_file *m, void *v)
{
	int row = READ_ONCE(bench_profile_row), err;

	if (row < 0 || row >= (int)ARRAY_SIZE(bench_rows))
		return -EINVAL;
	if (mutex_lock_interruptible(&bench_mutex))
		return -EINTR;
	bench_profile_at = row;
	err = bench_on_cost_cpu(bench_profile_worker) ?: bench_profile_err;
	if (!err) {
		seq_printf(m, "row %d: %s (shim side)\n", row,
			   bench_rows[row].name);
		bench_profile_show(m);
	}
	mutex_unlock(&bench_mutex);
	return err;
}

/* Room for every line up front, so the profile is not run twice. */
static int bench_profile_open(struct inode *inode, struct file *file)
{
	return single_open_size(file, bench_profile_file_show, NULL, SZ_128K);
}

static const struct file_operations bench_profile_fops = {
	.owner = THIS_MODULE,
	.open = bench_profile_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

static struct dentry *bench_dir;

static int __init ntshim_bench_init(void)
{
	KeInitializeSpinLock(&bench_klock);
	KeInitializeSpinLock(&bench_qlock);
	KeInitializeSpinLock(&bench_dlock);
	KeInitializeSpinLock(&bench_llock);
	bench_dir = debugfs_create_dir("ntshim_bench", NULL);
	debugfs_create_file("run", 0400, bench_dir, NULL, &bench_run_fops);
	debugfs_create_file("profile", 0400, bench_dir, NULL,
			    &bench_profile_fops);
	return 0;
}

static void __exit ntshim_bench_exit(void)
{
	debugfs_remove_recursive(bench_dir);
	bench_profile_free();
}

module_init(ntshim_bench_init);
module_exit(ntshim_bench_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("ntshim benchmarks: shim cost over raw Linux primitives");
