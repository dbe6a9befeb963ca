/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private interfaces between ntshim's runtime files and module/main.c.
 * Nothing here is part of the public header.
 */
#ifndef _NTSHIM_INTERNAL_H
#define _NTSHIM_INTERNAL_H

#include <linux/bug.h>
#include <linux/module.h>
#include <ntshim/dpc.h>
#include <ntshim/seh.h>

#include "live_filter.h"
#include "test_exports.h"

struct dentry;

/*
 * Each runtime area's set-up and tear-down, called by module/main.c in
 * this order (and undone in the reverse one).
 */
void ntshim_violation_init(struct dentry *root);
int ntshim_pool_init(struct dentry *root);
void ntshim_pool_exit(void);
int ntshim_lookaside_init(struct dentry *root);
void ntshim_lookaside_exit(void);
void ntshim_mm_track_init(struct dentry *root);
int ntshim_workitem_init(void);
void ntshim_workitem_exit(void);
int ntshim_dpc_init(void);
void ntshim_dpc_exit(void);
void ntshim_deferred_stats_init(struct dentry *root);
int ntshim_owner_init(void);
void ntshim_owner_exit(void);
void ntshim_irql_exit(void);

/* processor.c: forget the affinity records of threads that never reverted. */
void ntshim_affinity_exit(void);

/**
 * ntshim_owns() - the one ownership test of everything a module leaves
 * @mod:      the module going away; NULL means every owner (ntshim's exit)
 * @recorded: the owner the object recorded when it was made, or NULL
 * @obj:      the object's memory (a static object lives in its module)
 * @code:     a routine the object runs, or the code that set it up
 *
 * Return: true when @mod owns the object by any of the three.
 */
static inline bool ntshim_owns(const struct module *mod,
			       const struct module *recorded,
			       const void *obj, const void *code)
{
	if (!mod || (recorded && recorded == mod))
		return true;
	return (obj && within_module((unsigned long)obj, (struct module *)mod)) ||
	       (code && within_module((unsigned long)code, (struct module *)mod));
}

/*
 * The module whose deferred work is being cancelled right now, or NULL.
 * While it is set, a timer, DPC or work item of that module cannot be
 * armed again (a routine still running would re-arm itself after the
 * pass that looked for it): the set or queue call is refused.
 */
extern const struct module *ntshim_going_module;

static inline bool ntshim_rearm_refused(const void *obj, const void *code)
{
	const struct module *mod = READ_ONCE(ntshim_going_module);

	return unlikely(mod) && ntshim_owns(mod, NULL, obj, code);
}

/*
 * What a going module leaves behind, each area's part.  @mod NULL means
 * everything.  The cancel calls return how many they cancelled, so the
 * owner can repeat until objects that re-arm each other are all stopped.
 */
unsigned int ntshim_timer_cancel(const struct module *mod, const char *why);
unsigned int ntshim_dpc_cancel(const struct module *mod, const char *why);
unsigned int ntshim_workitem_cancel(const struct module *mod, const char *why);
void ntshim_lookaside_reclaim(const struct module *mod);
void ntshim_mm_reclaim(const struct module *mod);
void ntshim_mdl_exit(void);

/* Threads of @mod's code still running: report them and wait. */
void ntshim_thread_wait_going(const struct module *mod, const char *why);

struct ntshim_jmp_buf;
struct ntshim_seh_frame;
/*
 * shim/seh_x86_64.S.  The jumps never return, but objtool cannot know it
 * of assembly, so they are declared returning and seh.c follows every
 * call with BUG().
 */
void ntshim_longjmp(struct ntshim_jmp_buf *jb, int val);
void ntshim_seh_restore_jump(unsigned long dst, const void *src,
			     unsigned long len, struct ntshim_jmp_buf *jb);
void ntshim_seh_copy(void *dst, const void *src, unsigned long len);
/* Tail-called by the assembly's ntshim_seh_scope_exit(). */
void ntshim_seh_scope_exit_c(struct ntshim_seh_frame *f);
/* Clear KASAN's stale stack redzones from here up to @top (seh.c). */
void ntshim_seh_unpoison_below(unsigned long top);

/*
 * Jump up the current stack to @jb's ntshim_setjmp().  Inline, ending in
 * BUG(), so that objtool sees the dead end in the caller itself.
 */
static inline void __noreturn ntshim_seh_jump(struct ntshim_jmp_buf *jb)
{
	ntshim_seh_unpoison_below(jb->regs[6]);	/* the stack pointer */
	ntshim_longjmp(jb, 1);
	BUG();
}

/* Forget the current task's __try frames: it leaves them for good. */
void ntshim_seh_drop_task_frames(void);

/*
 * A pool or lookaside block [@lo, @hi) is being freed: stop and report
 * every live object in it (a set timer, a queued DPC or work item, a
 * live lookaside list, an initialised ERESOURCE).  Each area's part
 * returns how many it found; ntshim_free_check_slow() runs them all, and
 * only when the live-object filter says an object may start in the block.
 */
unsigned int ntshim_timer_free_check(unsigned long lo, unsigned long hi,
				     ULONG tag, unsigned long caller);
unsigned int ntshim_dpc_free_check(unsigned long lo, unsigned long hi,
				   ULONG tag, unsigned long caller);
unsigned int ntshim_workitem_free_check(unsigned long lo, unsigned long hi,
					ULONG tag, unsigned long caller);
unsigned int ntshim_lookaside_free_check(unsigned long lo, unsigned long hi,
					 ULONG tag, unsigned long caller);
unsigned int ntshim_resource_free_check(unsigned long lo, unsigned long hi,
					ULONG tag, unsigned long caller);
void ntshim_free_check_slow(unsigned long lo, unsigned long hi, ULONG tag,
			    unsigned long caller);

/**
 * ntshim_free_check() - a block is freed: neutralise the objects in it
 * @p:      the block
 * @size:   its size
 * @tag:    its pool tag, for the reports
 * @caller: the code freeing it
 *
 * Driver Verifier bugchecks when pool holding a set timer, a queued DPC
 * or work item, a live lookaside list or an initialised ERESOURCE is
 * freed (0xC7; 0xC4 with Parameter 1 0x15 for a timer, 0x17 for an
 * ERESOURCE); ntshim stops, deletes or unregisters each such object
 * first and reports it (pool_free_live_object), so nothing runs in or
 * touches freed memory.  Inline: while no live object starts in the
 * block's pages, this is a few loads (see live_filter.h).
 */
static __always_inline void ntshim_free_check(const void *p, size_t size,
					      ULONG tag, unsigned long caller)
{
	unsigned long lo = (unsigned long)p;

	if (unlikely(ntshim_live_maybe(lo, lo + size)))
		ntshim_free_check_slow(lo, lo + size, tag, caller);
}

/*
 * What a going module leaves in its own memory, after its deferred work
 * stopped: ERESOURCEs still initialised (resource.c).  @mod NULL means
 * every one (ntshim's exit), whose memory is then not touched.
 */
void ntshim_resource_reclaim(const struct module *mod, const char *why);

/* timer.c queues its DPC through this (caller: the timer's setter). */
BOOLEAN ntshim_dpc_insert(PRKDPC Dpc, PVOID SystemArgument1,
			  PVOID SystemArgument2, unsigned long caller);

#endif /* _NTSHIM_INTERNAL_H */
