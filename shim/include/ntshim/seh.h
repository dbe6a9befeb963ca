/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Structured exception handling for software-raised exceptions:
 * __try/__except/__finally/__leave with the DDK's syntax, on a per-thread
 * stack of frames and a small setjmp/longjmp (x86-64).
 *
 *	__try {
 *		ProbeForWrite(buffer, length, 4);
 *		...
 *	} __except (EXCEPTION_EXECUTE_HANDLER) {
 *		status = GetExceptionCode();
 *	}
 *
 *	__try {
 *		if (!ok)
 *			return STATUS_UNSUCCESSFUL;	// the __finally runs
 *		...
 *	} __finally {
 *		ExFreePool(p);
 *	}
 *
 * What raises: ExRaiseStatus(), ExRaiseAccessViolation(),
 * ExRaiseDatatypeMisalignment(), the void ProbeForRead()/ProbeForWrite()
 * and MmProbeAndLockPages() when their checks fail, and pool allocations
 * with POOL_RAISE_IF_ALLOCATION_FAILURE or POOL_FLAG_RAISE_ON_FAILURE
 * when they fail.  ntshim checks first and raises; it does not catch CPU
 * faults: a driver that dereferences a bad pointer inside __try gets the
 * kernel's oops, not its handler (dereference user memory only through
 * ntshim_CopyFromUser()/ntshim_CopyToUser(), whose faults are statuses).
 *
 * How it works.  Each __try statement is a for statement that declares
 * its frame (struct ntshim_seh_frame, on the stack) with a cleanup
 * function, so every way out of it (the end, __leave, return, break,
 * goto) passes through ntshim, which runs the __finally block.  Its
 * resume point is an ntshim_setjmp() in the statement's loop condition,
 * so the C rule for setjmp() holds: a local the __try body or a filter
 * modifies and the handler, a __finally run by an exception, or the code
 * after them reads must be volatile (below).  The frames
 * of one thread in one context (task, softirq, hard interrupt) form a
 * stack; a raise walks it from the innermost frame out.  As on Windows it
 * has two phases: first the filters are evaluated, innermost first, with
 * the stack below them kept intact (ntshim saves and restores it around
 * each filter), until one returns EXCEPTION_EXECUTE_HANDLER; then every
 * __finally between the raise and that handler runs, innermost first, and
 * the handler runs.  A raise that no filter accepts is reported
 * (seh_unhandled) and ExRaiseStatus() returns to its caller, with no
 * __finally run: Windows would bugcheck (KMODE_EXCEPTION_NOT_HANDLED).
 * The raises ntshim makes are non-continuable, as ExRaiseStatus()'s are
 * on Windows: a filter that returns EXCEPTION_CONTINUE_EXECUTION turns the
 * exception into STATUS_NONCONTINUABLE_EXCEPTION, dispatched to the
 * frames further out.
 *
 * State at the handler: the IRQL, preemption and softirq state at
 * __try entry are recorded.  If the unwind finds them changed (the code
 * it abandoned raised the IRQL or holds a spin lock), ntshim lowers the
 * IRQL back to the entry value where the change was its own raise and
 * reports seh_unwind_state; a lock taken with a Linux primitive stays
 * held (reported, not repaired).
 *
 * Differences from Microsoft's compiler, which C with GCC cannot avoid:
 *  - locals modified inside a __try body or a filter and read after an
 *    exception (in a filter, the handler, a __finally, or after the
 *    statement) must be declared volatile, as with setjmp(): the jump restores
 *    the registers of the __try's entry, and GCC may keep such a local in
 *    one (W=1's -Wclobbered would flag nearly every function with a __try,
 *    mostly wrongly, so ntshim.mk turns it off: the rule is this line);
 *  - break and continue directly in a __try body (not in a loop inside
 *    it) leave the __try: break as an abnormal termination, continue as
 *    the normal end; use __leave, which always works;
 *  - a return from inside a __try with a __finally returns its value
 *    the way every value survives a call (callee-saved registers and the
 *    frame): the __finally body runs on the function's own frame;
 *  - GetExceptionInformation()->ContextRecord is NULL (no CPU context);
 *  - an exception raised inside a filter and handled outside that
 *    filter's frame abandons the first exception: the __finally blocks
 *    between its raise and the filter's frame do not run (the filter ran
 *    over their stack);
 *  - GCC cannot tell that a __try statement whose every path returns
 *    never ends normally: such a function needs a return after it
 *    (-Werror=return-type).
 *
 * Architectures: x86-64 only (shim/seh_x86_64.S).  Elsewhere the
 * statements compile and the bodies run, but nothing can be caught: a
 * raise is reported as unhandled and returns.  A port needs the two
 * jumps (about 30 lines of assembly per architecture).
 */
#ifndef _NTSHIM_SEH_H
#define _NTSHIM_SEH_H

#include <linux/compiler.h>
#include <linux/list.h>
#include <ntshim/types.h>
#include <ntshim/status.h>

#ifndef STATUS_NONCONTINUABLE_EXCEPTION
#define STATUS_NONCONTINUABLE_EXCEPTION ((NTSTATUS)0xC0000025L)
#endif
#ifndef STATUS_INVALID_DISPOSITION
#define STATUS_INVALID_DISPOSITION ((NTSTATUS)0xC0000026L)
#endif

/* What a filter returns (Microsoft's values). */
#define EXCEPTION_EXECUTE_HANDLER 1
#define EXCEPTION_CONTINUE_SEARCH 0
#define EXCEPTION_CONTINUE_EXECUTION (-1)

/* EXCEPTION_RECORD.ExceptionFlags */
#define EXCEPTION_NONCONTINUABLE 0x1
#define EXCEPTION_UNWINDING 0x2
#define EXCEPTION_NESTED_CALL 0x10

#define EXCEPTION_MAXIMUM_PARAMETERS 15

/**
 * struct _EXCEPTION_RECORD - what was raised, as on Windows
 * @ExceptionCode:        the NTSTATUS raised
 * @ExceptionFlags:       EXCEPTION_NONCONTINUABLE for ntshim's raises
 * @ExceptionRecord:      the exception this one replaced, or NULL
 *                        (only while its dispatch lasts)
 * @ExceptionAddress:     the code that raised (the raise call's caller)
 * @NumberParameters:     entries used in @ExceptionInformation
 * @ExceptionInformation: parameters (for an access violation: 0 or 1 for
 *                        read or write, then the address)
 */
typedef struct _EXCEPTION_RECORD {
	NTSTATUS ExceptionCode;
	ULONG ExceptionFlags;
	struct _EXCEPTION_RECORD *ExceptionRecord;
	PVOID ExceptionAddress;
	ULONG NumberParameters;
	ULONG_PTR ExceptionInformation[EXCEPTION_MAXIMUM_PARAMETERS];
} EXCEPTION_RECORD, *PEXCEPTION_RECORD;

struct _CONTEXT;

/**
 * struct _EXCEPTION_POINTERS - what GetExceptionInformation() returns
 * @ExceptionRecord: the exception
 * @ContextRecord:   always NULL: software raises have no CPU context
 */
typedef struct _EXCEPTION_POINTERS {
	PEXCEPTION_RECORD ExceptionRecord;
	struct _CONTEXT *ContextRecord;
} EXCEPTION_POINTERS, *PEXCEPTION_POINTERS;

/**
 * struct ntshim_jmp_buf - callee-saved state for ntshim_setjmp()
 * @regs: rbx, rbp, r12-r15, stack pointer, return address (x86-64)
 */
struct ntshim_jmp_buf {
	unsigned long regs[8];
};

/**
 * struct ntshim_seh_frame - one __try statement's frame (private)
 * @jb:             where the statement resumes (its loop condition)
 * @ret_jb:         where its cleanup was called from (must follow @jb:
 *                  the assembly knows the offset)
 * @state:          NTSHIM_SEH_* below
 * @kind:           NTSHIM_SEH_KIND_EXCEPT or _FINALLY, found on entry
 * @abnormal:       AbnormalTermination() in the __finally block
 * @from_scope_exit: the __finally runs because the scope was left
 * @ctx:            the context the frame belongs to (task, softirq, ...)
 * @irql:           KeGetCurrentIrql() at entry
 * @preempt:        preemption and softirq counts at entry
 * @prev:           the next frame out in the same context
 * @root:           the outermost frame, which holds the stack's head
 * @unwind_target:  the handler an unwind through this frame goes to
 * @node:           root only: link in ntshim's table of frame stacks
 * @task:           root only: the task
 * @top:            root only: the innermost live frame
 * @filtering:      root only: frames whose filter is running, innermost
 *                  first
 * @next_filtering: link in @filtering
 * @saved_top:      @top while this frame's filter runs
 * @stack_copy:     the stack below this frame, saved while its filter runs
 * @stack_lo:       where @stack_copy goes back to
 * @stack_len:      its length
 * @dispatch_jb:    where the dispatcher waits for this frame's filter
 * @irq_flags:      interrupt state while the stack is restored
 * @filter_result:  what this frame's filter returned
 * @rec:            the exception, for GetExceptionCode()
 * @ptrs:           GetExceptionInformation()
 *
 * Declared by __try; nothing in it is for drivers to touch.
 */
struct ntshim_seh_frame {
	struct ntshim_jmp_buf jb;
	struct ntshim_jmp_buf ret_jb;
	int state;
	u8 kind;
	bool abnormal;
	bool from_scope_exit;
	u8 ctx;
	u8 irql;
	unsigned int preempt;
	struct ntshim_seh_frame *prev;
	struct ntshim_seh_frame *root;
	struct ntshim_seh_frame *unwind_target;
	struct hlist_node node;
	void *task;
	struct ntshim_seh_frame *top;
	struct ntshim_seh_frame *filtering;
	struct ntshim_seh_frame *next_filtering;
	struct ntshim_seh_frame *saved_top;
	void *stack_copy;
	unsigned long stack_lo;
	unsigned long stack_len;
	struct ntshim_jmp_buf *dispatch_jb;
	unsigned long irq_flags;
	LONG filter_result;
	EXCEPTION_RECORD rec;
	EXCEPTION_POINTERS ptrs;
};

/* struct ntshim_seh_frame.state */
enum {
	NTSHIM_SEH_INIT,	/* declared, kind unknown */
	NTSHIM_SEH_PROBE,	/* one pass through the branches finds the kind */
	NTSHIM_SEH_BODY,	/* the __try body runs; the frame is live */
	NTSHIM_SEH_FILTER,	/* the __except filter runs for a dispatch */
	NTSHIM_SEH_HANDLER_ENTER, /* an unwind ends here: run the handler */
	NTSHIM_SEH_HANDLER,	/* the __except block runs */
	NTSHIM_SEH_FINALLY_ENTER, /* run the __finally block */
	NTSHIM_SEH_FINALLY,	/* the __finally block runs */
	NTSHIM_SEH_DONE,	/* finished */
};

#define NTSHIM_SEH_KIND_EXCEPT 1
#define NTSHIM_SEH_KIND_FINALLY 2

/**
 * ntshim_setjmp() - save the callee-saved state and the resume point
 * @jb: where to save it
 *
 * Return: 0, and again nonzero when a jump resumes here.
 */
int __attribute__((returns_twice)) ntshim_setjmp(struct ntshim_jmp_buf *jb);

/**
 * ntshim_seh_step() - the state machine of a __try statement (private)
 * @f: the statement's frame
 *
 * Called from the statement's loop condition, right after ntshim_setjmp().
 *
 * Return: true to run the branch that matches @f->state, false to leave.
 */
bool ntshim_seh_step(struct ntshim_seh_frame *f);

/**
 * ntshim_seh_scope_exit() - a __try statement's frame goes out of scope
 * @f: the frame (the compiler's cleanup call)
 *
 * Runs the __finally block when the body is left by return, goto or
 * break, then returns to the compiled code's exit path.
 */
void ntshim_seh_scope_exit(struct ntshim_seh_frame *f);

/**
 * ntshim_seh_filter_done() - a filter's value goes back to the dispatcher
 * @f:     the frame whose filter ran
 * @value: the filter's value
 *
 * Never returns (not declared so: objtool cannot see that across modules).
 */
void ntshim_seh_filter_done(struct ntshim_seh_frame *f, LONG value);

/**
 * ntshim_seh_leave() - __leave: end the innermost __try body now
 * @f: its frame
 *
 * Reported (seh_misuse) and ignored outside a __try body.
 */
void ntshim_seh_leave(struct ntshim_seh_frame *f);

/**
 * ntshim_seh_depth() - live __try frames of the current thread and context
 *
 * An ntshim extension for tests and diagnostics.
 *
 * Return: how many __try bodies the caller is inside.
 */
unsigned int ntshim_seh_depth(void);

#define __try                                                                 \
	for (struct ntshim_seh_frame __seh                                    \
		     __attribute__((cleanup(ntshim_seh_scope_exit))) =        \
		     { .state = NTSHIM_SEH_INIT };                            \
	     ntshim_setjmp(&__seh.jb), ntshim_seh_step(&__seh);)              \
		if (__seh.state == NTSHIM_SEH_BODY)

/* Variadic: a filter may contain commas, as in (a = b, c). */
#define __except(...)                                                         \
		else if (__seh.state == NTSHIM_SEH_PROBE)                     \
			__seh.kind = NTSHIM_SEH_KIND_EXCEPT;                  \
		else if (__seh.state == NTSHIM_SEH_FILTER)                    \
			ntshim_seh_filter_done(&__seh, (__VA_ARGS__));        \
		else if (__seh.state == NTSHIM_SEH_HANDLER)

#define __finally                                                             \
		else if (__seh.state == NTSHIM_SEH_PROBE)                     \
			__seh.kind = NTSHIM_SEH_KIND_FINALLY;                 \
		else if (__seh.state == NTSHIM_SEH_FINALLY)

#define __leave ntshim_seh_leave(&__seh)

/* In a filter or an __except block: the exception's code and record. */
#define GetExceptionCode() (__seh.rec.ExceptionCode)
#define GetExceptionInformation() (&__seh.ptrs)
#define exception_code GetExceptionCode
#define exception_info GetExceptionInformation

/* In a __finally block: left by an exception, return, break or goto. */
#define AbnormalTermination() ((BOOLEAN)__seh.abnormal)
#define abnormal_termination AbnormalTermination

/**
 * ntshim_seh_raise() - raise a software exception
 * @Code:   the exception code
 * @caller: the code that raises, reported as ExceptionAddress
 * @info:   for an access violation: 0 read / 1 write, else ignored
 * @addr:   for an access violation: the address, else ignored
 *
 * The runtime behind the ExRaise* calls and every ntshim call that raises.
 * Does not return when a handler accepts the exception.  When none does,
 * or at NMI level, the raise is reported as seh_unhandled and returns.
 */
void ntshim_seh_raise(NTSTATUS Code, unsigned long caller,
		      unsigned long info, unsigned long addr);

/**
 * ExRaiseStatus() - raise an exception with a status code
 * @Status: the exception code; GetExceptionCode() reads it in a filter
 *
 * Does not return when a handler takes it; returns after reporting
 * seh_unhandled when no filter accepts it (Windows would bugcheck).
 */
void ExRaiseStatus(NTSTATUS Status);

/**
 * ExRaiseAccessViolation() - raise STATUS_ACCESS_VIOLATION
 *
 * As ExRaiseStatus(STATUS_ACCESS_VIOLATION).
 */
void ExRaiseAccessViolation(void);

/**
 * ExRaiseDatatypeMisalignment() - raise STATUS_DATATYPE_MISALIGNMENT
 *
 * As ExRaiseStatus(STATUS_DATATYPE_MISALIGNMENT).
 */
void ExRaiseDatatypeMisalignment(void);

/* The user-mode spelling some shared driver code uses. */
#define RtlRaiseStatus ExRaiseStatus

#endif /* _NTSHIM_SEH_H */
