// SPDX-License-Identifier: GPL-2.0
/*
 * Structured exception handling: the frame stacks, the two-phase
 * dispatch and the unwind.  <ntshim/seh.h> describes the model.
 *
 * Frame stacks.  The frames of one (task, context) pair form a singly
 * linked list from the innermost out.  The outermost frame (the root)
 * is the only one in a global hash table, keyed by the pair, and holds
 * the list's head; only the owning context reads or writes the list, so
 * the table's bucket lock is taken only to add, find or remove a root.
 * A frame is live from the start of its __try body until the body ends
 * or an unwind passes it; its handler and __finally blocks run outside
 * it, as on Windows.
 *
 * Filters.  A filter is code in the function of its frame F, so it runs
 * on F's stack frame, right over the frames of the code that raised.
 * Before jumping to it, the dispatcher saves the stack from its own frame
 * up to F's, and the filter's end copies it back (interrupts off, since
 * the copy runs over its own frame) and jumps back into the dispatcher.
 * While the filter runs, the list's head is F's next frame out, so an
 * exception raised in the filter is dispatched to the frames outside F
 * and a __try inside it nests correctly.
 *
 * Every jump goes up the stack to a live frame; what it abandons below is
 * dead, and with KASAN its shadow is cleared so that stale redzones of
 * abandoned frames cannot be reported later.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hash.h>
#include <linux/irqflags.h>
#include <linux/module.h>
#include <linux/preempt.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <ntshim/irql.h>
#include <ntshim/seh.h>
#include <ntshim/violation.h>

#include "internal.h"

#ifdef CONFIG_X86_64
#define SEH_CAN_JUMP 1
/* The assembly's exports, here so that they get symbol versions. */
EXPORT_SYMBOL_GPL(ntshim_setjmp);
EXPORT_SYMBOL_GPL(ntshim_seh_scope_exit);
#else
#define SEH_CAN_JUMP 0
/* No jumps: the statements run their bodies, raises return. */
int ntshim_setjmp(struct ntshim_jmp_buf *jb)
{
	return 0;
}
EXPORT_SYMBOL_GPL(ntshim_setjmp);

void ntshim_longjmp(struct ntshim_jmp_buf *jb, int val)
{
}

void ntshim_seh_restore_jump(unsigned long dst, const void *src,
			     unsigned long len, struct ntshim_jmp_buf *jb)
{
}

void ntshim_seh_copy(void *dst, const void *src, unsigned long len)
{
}

void ntshim_seh_scope_exit(struct ntshim_seh_frame *f)
{
	ntshim_seh_scope_exit_c(f);
}
EXPORT_SYMBOL_GPL(ntshim_seh_scope_exit);
#endif

static void __noreturn seh_longjmp(struct ntshim_jmp_buf *jb)
{
	ntshim_longjmp(jb, 1);
	BUG();
}

#define JB_RSP 6

#if defined(CONFIG_KASAN_GENERIC) && defined(CONFIG_KASAN_STACK)
/* Exported by mm/kasan for its tests; value 0 makes memory accessible. */
void kasan_poison(const void *addr, size_t size, u8 value, bool init);

static void seh_unpoison_below(unsigned long top)
{
	unsigned long lo = current_stack_pointer & ~7UL;

	top &= ~7UL;
	if (top > lo)
		kasan_poison((void *)lo, top - lo, 0, false);
}
#else
static inline void seh_unpoison_below(unsigned long top)
{
}
#endif

enum seh_ctx { SEH_TASK, SEH_SOFTIRQ, SEH_HARDIRQ, SEH_NMI };

static enum seh_ctx seh_ctx(void)
{
	if (in_nmi())
		return SEH_NMI;
	if (in_hardirq())
		return SEH_HARDIRQ;
	if (in_serving_softirq())
		return SEH_SOFTIRQ;
	return SEH_TASK;
}

#define SEH_HASH_BITS 6
static struct hlist_head seh_roots[1 << SEH_HASH_BITS];
static raw_spinlock_t seh_locks[1 << SEH_HASH_BITS] = {
	[0 ... (1 << SEH_HASH_BITS) - 1] = __RAW_SPIN_LOCK_UNLOCKED(seh_locks),
};

static unsigned int seh_hash(const void *task, enum seh_ctx ctx)
{
	return hash_ptr((const char *)task + ctx, SEH_HASH_BITS);
}

/* The root of the current context's frame stack, or NULL. */
static struct ntshim_seh_frame *seh_root(void)
{
	enum seh_ctx ctx = seh_ctx();
	unsigned int b = seh_hash(current, ctx);
	struct ntshim_seh_frame *r, *found = NULL;
	unsigned long flags;

	if (hlist_empty(&seh_roots[b]))
		return NULL;
	raw_spin_lock_irqsave(&seh_locks[b], flags);
	hlist_for_each_entry(r, &seh_roots[b], node) {
		if (r->task == current && r->ctx == ctx) {
			found = r;
			break;
		}
	}
	raw_spin_unlock_irqrestore(&seh_locks[b], flags);
	return found;
}

static unsigned int seh_preempt_state(void)
{
	return preempt_count() & (PREEMPT_MASK | SOFTIRQ_MASK);
}

static void seh_push(struct ntshim_seh_frame *f)
{
	enum seh_ctx ctx = seh_ctx();
	struct ntshim_seh_frame *root = seh_root();
	unsigned long flags;
	unsigned int b;

	f->irql = KeGetCurrentIrql();
	f->preempt = seh_preempt_state();
	f->ctx = ctx;
	if (root) {
		f->root = root;
		f->prev = root->top;
		root->top = f;
		return;
	}
	f->root = f;
	f->prev = NULL;
	f->top = f;
	f->task = current;
	b = seh_hash(current, ctx);
	raw_spin_lock_irqsave(&seh_locks[b], flags);
	hlist_add_head(&f->node, &seh_roots[b]);
	raw_spin_unlock_irqrestore(&seh_locks[b], flags);
}

/* @f leaves the stack; it is the innermost live frame. */
static void seh_pop(struct ntshim_seh_frame *f)
{
	struct ntshim_seh_frame *root = f->root;
	unsigned long flags;
	unsigned int b;

	root->top = f->prev;
	if (f != root)
		return;
	b = seh_hash(f->task, f->ctx);
	raw_spin_lock_irqsave(&seh_locks[b], flags);
	hlist_del(&f->node);
	raw_spin_unlock_irqrestore(&seh_locks[b], flags);
}

unsigned int ntshim_seh_depth(void)
{
	struct ntshim_seh_frame *root = seh_root(), *f;
	unsigned int n = 0;

	for (f = root ? root->top : NULL; f; f = f->prev)
		n++;
	return n;
}
EXPORT_SYMBOL_GPL(ntshim_seh_depth);

/*
 * Before resuming at @f: the IRQL and the preemption state must be what
 * they were at its __try.  Lower what ntshim's own raises did; report.
 */
static void seh_check_state(struct ntshim_seh_frame *f, const char *what)
{
	KIRQL irql = KeGetCurrentIrql();
	unsigned int pc = seh_preempt_state();

	if (irql == f->irql && pc == f->preempt)
		return;
	if (irql > f->irql)
		KeLowerIrql(f->irql);
	ntshim_violation(NTSHIM_V_SEH_UNWIND_STATE, 0, f, f->jb.regs[7],
			 "%s: IRQL %u preempt %#x at the raise, %u %#x at __try; IRQL lowered%s",
			 what, irql, pc, f->irql, f->preempt,
			 seh_preempt_state() != f->preempt ?
			 ", a lock or preempt_disable() is still held" : "");
}

/* Go to @f's loop condition; everything below it is abandoned. */
static void __noreturn seh_resume(struct ntshim_seh_frame *f, int state)
{
	f->state = state;
	seh_unpoison_below(f->jb.regs[JB_RSP]);
	seh_longjmp(&f->jb);
}

/* Unwind the current context's frames down to @target, then handle. */
static void __noreturn seh_unwind_to(struct ntshim_seh_frame *target)
{
	struct ntshim_seh_frame *root = target->root, *x;

	while ((x = root->top) != target) {
		seh_pop(x);
		if (x->kind == NTSHIM_SEH_KIND_FINALLY) {
			x->abnormal = true;
			x->from_scope_exit = false;
			x->unwind_target = target;
			seh_check_state(x, "unwind to __finally");
			seh_resume(x, NTSHIM_SEH_FINALLY_ENTER);
		}
		x->state = NTSHIM_SEH_DONE;
	}
	seh_pop(target);
	seh_check_state(target, "unwind to __except");
	seh_resume(target, NTSHIM_SEH_HANDLER_ENTER);
}

/*
 * Save the stack from here up to @f's frame and jump to @f's filter.
 * The copy is the last thing done before the jump, so that it holds the
 * dispatcher's stack exactly as its ntshim_setjmp() left it.  Returns
 * only when there is no memory for the copy.
 */
static noinline bool seh_enter_filter(struct ntshim_seh_frame *f)
{
	unsigned long lo = current_stack_pointer & ~7UL;
	unsigned long len = f->jb.regs[JB_RSP] - lo;
	void *copy = kmalloc(len, GFP_ATOMIC | __GFP_NOWARN);

	if (!copy)
		return false;
	f->stack_copy = copy;
	f->stack_lo = lo;
	f->stack_len = len;
	f->state = NTSHIM_SEH_FILTER;
	ntshim_seh_copy(copy, (void *)lo, len);
	/* the filter runs over frames that did not return: stale redzones */
	seh_unpoison_below(f->jb.regs[JB_RSP]);
	seh_longjmp(&f->jb);
}

/*
 * Phase 1 for one frame: run its filter on its own stack frame, the
 * stack below saved and restored around it.
 */
static noinline LONG seh_run_filter(struct ntshim_seh_frame *root,
				    struct ntshim_seh_frame *f,
				    const EXCEPTION_RECORD *rec)
{
	struct ntshim_jmp_buf here;

	f->rec = *rec;
	f->rec.ExceptionRecord = NULL;
	f->ptrs.ExceptionRecord = &f->rec;
	f->ptrs.ContextRecord = NULL;
	f->dispatch_jb = &here;
	f->saved_top = root->top;
	root->top = f->prev;
	f->next_filtering = root->filtering;
	root->filtering = f;
	if (!ntshim_setjmp(&here) && !seh_enter_filter(f)) {
		root->filtering = f->next_filtering;
		root->top = f->saved_top;
		ntshim_violation(NTSHIM_V_SEH_UNHANDLED, 0, f,
				 (unsigned long)rec->ExceptionAddress,
				 "no memory to run a filter: exception %#x passed over it",
				 (u32)rec->ExceptionCode);
		return EXCEPTION_CONTINUE_SEARCH;
	}
	/* Back, on the restored stack, interrupts still off. */
	local_irq_restore(f->irq_flags);
	root->filtering = f->next_filtering;
	root->top = f->saved_top;
	f->state = NTSHIM_SEH_BODY;
	kfree(f->stack_copy);
	f->stack_copy = NULL;
	return f->filter_result;
}

void ntshim_seh_filter_done(struct ntshim_seh_frame *f, LONG value)
{
	unsigned long flags;

	f->filter_result = value;
	local_irq_save(flags);
	f->irq_flags = flags;
	ntshim_seh_restore_jump(f->stack_lo, f->stack_copy, f->stack_len,
				f->dispatch_jb);
	BUG();
}
EXPORT_SYMBOL_GPL(ntshim_seh_filter_done);

/* Is @outer on @f's chain of frames further out? */
static bool seh_is_outside(struct ntshim_seh_frame *f,
			   struct ntshim_seh_frame *outer)
{
	for (f = f->prev; f; f = f->prev)
		if (f == outer)
			return true;
	return false;
}

/*
 * Dispatches whose filters an unwind to @target abandons (it handles an
 * exception raised by their filters): free their stack copies.  NULL
 * @target abandons them all.  The frames inside such a filter's frame were
 * overwritten by the filter: their __finally blocks cannot run.
 */
static void seh_drop_filtering(struct ntshim_seh_frame *root,
			       struct ntshim_seh_frame *target)
{
	struct ntshim_seh_frame *f;

	while ((f = root->filtering) &&
	       (!target || seh_is_outside(f, target))) {
		root->filtering = f->next_filtering;
		kfree(f->stack_copy);
		f->stack_copy = NULL;
	}
}

static void seh_unhandled(const EXCEPTION_RECORD *rec, const char *why)
{
	ntshim_violation(NTSHIM_V_SEH_UNHANDLED, 0, NULL,
			 (unsigned long)rec->ExceptionAddress,
			 "exception %#x (%s) %s: Windows bugchecks (KMODE_EXCEPTION_NOT_HANDLED); the raise returns to its caller",
			 (u32)rec->ExceptionCode,
			 ntshim_status_name(rec->ExceptionCode), why);
}

void ntshim_seh_raise(NTSTATUS Code, unsigned long caller,
		      unsigned long info, unsigned long addr)
{
	EXCEPTION_RECORD rec = {
		.ExceptionCode = Code,
		.ExceptionFlags = EXCEPTION_NONCONTINUABLE,
		.ExceptionAddress = (PVOID)caller,
	};
	struct ntshim_seh_frame *root, *f;
	LONG r;

	if (Code == STATUS_ACCESS_VIOLATION) {
		rec.NumberParameters = 2;
		rec.ExceptionInformation[0] = info;
		rec.ExceptionInformation[1] = addr;
	}
	if (!SEH_CAN_JUMP) {
		seh_unhandled(&rec, "raised on an architecture without SEH");
		return;
	}
	if (in_nmi()) {
		seh_unhandled(&rec, "raised in an NMI");
		return;
	}
	root = seh_root();
	for (f = root ? root->top : NULL; f; f = f->prev) {
		if (f->kind != NTSHIM_SEH_KIND_EXCEPT)
			continue;
		r = seh_run_filter(root, f, &rec);
		if (r == EXCEPTION_EXECUTE_HANDLER) {
			seh_drop_filtering(root, f);
			f->rec = rec;
			f->rec.ExceptionFlags |= EXCEPTION_UNWINDING;
			f->ptrs.ExceptionRecord = &f->rec;
			seh_unwind_to(f);
		}
		if (r == EXCEPTION_CONTINUE_EXECUTION) {
			/* ntshim's raises cannot continue: as on Windows */
			rec.ExceptionCode = STATUS_NONCONTINUABLE_EXCEPTION;
			rec.ExceptionFlags |= EXCEPTION_NESTED_CALL;
		} else if (r != EXCEPTION_CONTINUE_SEARCH) {
			ntshim_violation(NTSHIM_V_SEH_MISUSE, 0, f, caller,
					 "filter returned %d: STATUS_INVALID_DISPOSITION",
					 r);
			rec.ExceptionCode = STATUS_INVALID_DISPOSITION;
		}
	}
	seh_unhandled(&rec, root ? "not accepted by any filter" :
			    "raised outside any __try");
}
EXPORT_SYMBOL_GPL(ntshim_seh_raise);

bool ntshim_seh_step(struct ntshim_seh_frame *f)
{
	switch (f->state) {
	case NTSHIM_SEH_INIT:
		f->state = NTSHIM_SEH_PROBE;
		return true;
	case NTSHIM_SEH_PROBE:
		seh_push(f);
		f->state = NTSHIM_SEH_BODY;
		return true;
	case NTSHIM_SEH_BODY:
		/* the body's end, or __leave */
		seh_pop(f);
		if (f->kind == NTSHIM_SEH_KIND_FINALLY) {
			f->abnormal = false;
			f->state = NTSHIM_SEH_FINALLY;
			return true;
		}
		f->state = NTSHIM_SEH_DONE;
		return false;
	case NTSHIM_SEH_FILTER:
		return true;
	case NTSHIM_SEH_HANDLER_ENTER:
		f->state = NTSHIM_SEH_HANDLER;
		return true;
	case NTSHIM_SEH_FINALLY_ENTER:
		f->state = NTSHIM_SEH_FINALLY;
		return true;
	case NTSHIM_SEH_FINALLY:
		f->state = NTSHIM_SEH_DONE;
		if (f->unwind_target)
			seh_unwind_to(f->unwind_target);
		if (f->from_scope_exit)
			seh_longjmp(&f->ret_jb);
		return false;
	default:
		f->state = NTSHIM_SEH_DONE;
		return false;
	}
}
EXPORT_SYMBOL_GPL(ntshim_seh_step);

/* Tail-called by ntshim_seh_scope_exit() with its return recorded. */
void ntshim_seh_scope_exit_c(struct ntshim_seh_frame *f)
{
	switch (f->state) {
	case NTSHIM_SEH_BODY:
		/* return, goto or break out of the body */
		seh_pop(f);
		if (f->kind != NTSHIM_SEH_KIND_FINALLY || !SEH_CAN_JUMP)
			break;
		f->abnormal = true;
		f->from_scope_exit = true;
		f->unwind_target = NULL;
		/* The frame is the caller's: nothing to abandon or check. */
		f->state = NTSHIM_SEH_FINALLY_ENTER;
		seh_unpoison_below(f->jb.regs[JB_RSP]);
		seh_longjmp(&f->jb);
	case NTSHIM_SEH_FINALLY:
		if (f->unwind_target)
			ntshim_violation(NTSHIM_V_SEH_MISUSE, 0, f,
					 f->ret_jb.regs[7],
					 "left a __finally block during an unwind: the exception is dropped");
		break;
	default:
		break;
	}
	f->state = NTSHIM_SEH_DONE;
}

void ntshim_seh_leave(struct ntshim_seh_frame *f)
{
	if (f->state != NTSHIM_SEH_BODY) {
		ntshim_violation(NTSHIM_V_SEH_MISUSE, 0, f, _RET_IP_,
				 "__leave outside a __try body: ignored");
		return;
	}
	if (SEH_CAN_JUMP) {
		seh_unpoison_below(f->jb.regs[JB_RSP]);
		seh_longjmp(&f->jb);
	}
}
EXPORT_SYMBOL_GPL(ntshim_seh_leave);

void ntshim_seh_unpoison_below(unsigned long top)
{
	seh_unpoison_below(top);
}

void ntshim_seh_drop_task_frames(void)
{
	struct ntshim_seh_frame *root = seh_root();

	if (!root)
		return;
	seh_drop_filtering(root, NULL);
	root->top = root;
	seh_pop(root);
}

void ExRaiseStatus(NTSTATUS Status)
{
	ntshim_seh_raise(Status, _RET_IP_, 0, 0);
}
EXPORT_SYMBOL_GPL(ExRaiseStatus);

void ExRaiseAccessViolation(void)
{
	ntshim_seh_raise(STATUS_ACCESS_VIOLATION, _RET_IP_, 0, 0);
}
EXPORT_SYMBOL_GPL(ExRaiseAccessViolation);

void ExRaiseDatatypeMisalignment(void)
{
	ntshim_seh_raise(STATUS_DATATYPE_MISALIGNMENT, _RET_IP_, 0, 0);
}
EXPORT_SYMBOL_GPL(ExRaiseDatatypeMisalignment);
