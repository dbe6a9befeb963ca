/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The non-local jumps behind ntshim's structured exception handling, for
 * x86-64.  struct ntshim_jmp_buf (<ntshim/seh.h>) holds, in this order:
 * rbx, rbp, r12, r13, r14, r15, the stack pointer after the return and
 * the return address.  Only callee-saved state is kept: whatever else is
 * live across a call is the caller's business, as for any call.
 *
 * Returns go through RET (the return thunk where one is configured) after
 * pushing the target, never through an indirect jmp, so that kernels with
 * IBT accept them: the targets are return addresses, without ENDBR.
 */
#include <linux/linkage.h>
#include <asm/asm.h>
#include <asm/nospec-branch.h>
#include <asm/unwind_hints.h>

/* The hint that ends unwinding was renamed in 6.4 (compat.mk probes). */
#ifdef NTSHIM_HAVE_UNWIND_HINT_EOS
#define SEH_UNWIND_HINT UNWIND_HINT_END_OF_STACK
#else
#define SEH_UNWIND_HINT UNWIND_HINT_EMPTY
#endif

#define JB_RBX	0
#define JB_RBP	8
#define JB_R12	16
#define JB_R13	24
#define JB_R14	32
#define JB_R15	40
#define JB_RSP	48
#define JB_RIP	56

	.text

/*
 * int ntshim_setjmp(struct ntshim_jmp_buf *jb)
 * Returns 0; returns again with a nonzero value through ntshim_longjmp().
 */
SYM_FUNC_START(ntshim_setjmp)
	movq	%rbx, JB_RBX(%rdi)
	movq	%rbp, JB_RBP(%rdi)
	movq	%r12, JB_R12(%rdi)
	movq	%r13, JB_R13(%rdi)
	movq	%r14, JB_R14(%rdi)
	movq	%r15, JB_R15(%rdi)
	leaq	8(%rsp), %rdx
	movq	%rdx, JB_RSP(%rdi)
	movq	(%rsp), %rdx
	movq	%rdx, JB_RIP(%rdi)
	xorl	%eax, %eax
	RET
SYM_FUNC_END(ntshim_setjmp)

/*
 * void ntshim_seh_scope_exit(struct ntshim_seh_frame *f)
 * The cleanup of a __try's frame variable, called by compiled code on
 * every way out of the statement.  It records how to return to that
 * code (the frame starts with its jmp_buf, ret_jb follows it) and goes
 * on in C; running a __finally body returns through that record.
 */
SYM_FUNC_START(ntshim_seh_scope_exit)
	movq	%rbx, 64 + JB_RBX(%rdi)
	movq	%rbp, 64 + JB_RBP(%rdi)
	movq	%r12, 64 + JB_R12(%rdi)
	movq	%r13, 64 + JB_R13(%rdi)
	movq	%r14, 64 + JB_R14(%rdi)
	movq	%r15, 64 + JB_R15(%rdi)
	leaq	8(%rsp), %rdx
	movq	%rdx, 64 + JB_RSP(%rdi)
	movq	(%rsp), %rdx
	movq	%rdx, 64 + JB_RIP(%rdi)
	jmp	ntshim_seh_scope_exit_c
SYM_FUNC_END(ntshim_seh_scope_exit)

/*
 * void ntshim_longjmp(struct ntshim_jmp_buf *jb, int val)
 * Resumes at jb's ntshim_setjmp(), which returns val (1 if val is 0).
 */
SYM_CODE_START(ntshim_longjmp)
	SEH_UNWIND_HINT
	ANNOTATE_NOENDBR
	movl	%esi, %eax
	testl	%eax, %eax
	jnz	1f
	movl	$1, %eax
1:	movq	JB_RBX(%rdi), %rbx
	movq	JB_RBP(%rdi), %rbp
	movq	JB_R12(%rdi), %r12
	movq	JB_R13(%rdi), %r13
	movq	JB_R14(%rdi), %r14
	movq	JB_R15(%rdi), %r15
	movq	JB_RSP(%rdi), %rsp
	pushq	JB_RIP(%rdi)
	RET
SYM_CODE_END(ntshim_longjmp)

/*
 * void ntshim_seh_restore_jump(void *dst, const void *src, size_t len,
 *                              struct ntshim_jmp_buf *jb)
 * Copies a saved stack region back over the live stack (interrupts must
 * be off: the copy runs over this very call's own frame) and resumes at
 * jb, which lies in the restored region.  Uses no stack from the copy on.
 */
SYM_CODE_START(ntshim_seh_restore_jump)
	SEH_UNWIND_HINT
	ANNOTATE_NOENDBR
	movq	%rcx, %r8
	movq	%rdx, %rcx
	rep movsb
	movq	%r8, %rdi
	movl	$1, %esi
	jmp	ntshim_longjmp
SYM_CODE_END(ntshim_seh_restore_jump)

/*
 * void ntshim_seh_copy(void *dst, const void *src, size_t len)
 * A plain copy that neither KASAN nor the fortified string helpers see:
 * it reads the stack, redzones and all.
 */
SYM_FUNC_START(ntshim_seh_copy)
	movq	%rdx, %rcx
	rep movsb
	RET
SYM_FUNC_END(ntshim_seh_copy)
