/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Debug output and assertions: DbgPrint, KdPrint, ASSERT, NT_ASSERT.
 *
 * DBG is 1 when ntshim is built with CONFIG_NTSHIM_DEBUG (the "checked
 * build"), 0 otherwise; as on Windows, KdPrint() and ASSERT() compile to
 * nothing when DBG is 0.  A failed assertion prints where it failed
 * (pr_err, rate limited) and execution carries on: there is no kernel
 * debugger to break into, and a WARN would taint the kernel.
 *
 * Format strings are Windows' (ntshim_vformat() in <ntshim/crt.h>): %ws,
 * %wZ, %Z, %I64d and the rest work as in the DDK, and wide text is printed
 * as UTF-8.
 */
#ifndef _NTSHIM_DEBUG_H
#define _NTSHIM_DEBUG_H

#include <linux/compiler.h>
#include <ntshim/types.h>

#ifndef DBG
#ifdef CONFIG_NTSHIM_DEBUG
#define DBG 1
#else
#define DBG 0
#endif
#endif

/* DbgPrintEx() levels: Microsoft's values. */
#define DPFLTR_ERROR_LEVEL 0
#define DPFLTR_WARNING_LEVEL 1
#define DPFLTR_TRACE_LEVEL 2
#define DPFLTR_INFO_LEVEL 3
#define DPFLTR_IHVDRIVER_ID 77
#define DPFLTR_DEFAULT_ID 101

/**
 * DbgPrint() - print a debug message
 * @Format: format string with Windows' conversions (%ws, %wZ, %I64x, ...)
 *
 * Printed at KERN_INFO, without a prefix (the driver's own text).  Safe
 * in any context and in every build; KdPrint() prints in checked builds
 * only.  As on Windows, one call prints at most 512 bytes.  Not marked
 * __printf: gcc's format checking knows printk's conversions, not the
 * DDK's, and would warn on correct DDK code.
 *
 * Return: STATUS_SUCCESS (0), or STATUS_INVALID_PARAMETER for a format the
 * engine refuses (its text is printed instead).
 */
ULONG DbgPrint(PCSTR Format, ...);

/**
 * DbgPrintEx() - print a debug message with a component and a level
 * @ComponentId: DPFLTR_*_ID; not used for filtering
 * @Level:       DPFLTR_ERROR_LEVEL .. DPFLTR_INFO_LEVEL, or a bit mask
 * @Format:      format string, as for DbgPrint()
 *
 * The level picks the printk level: error pr_err, warning pr_warn, info
 * pr_info, trace and everything else pr_debug (off unless dynamic debug
 * enables it, as Windows filters those levels out by default).
 *
 * Return: as DbgPrint().
 */
ULONG DbgPrintEx(ULONG ComponentId, ULONG Level, PCSTR Format, ...);

/**
 * RtlAssert() - report a failed assertion
 * @FailedAssertion: the expression's text
 * @FileName:        source file
 * @LineNumber:      source line
 * @Message:         extra text, or NULL
 *
 * Prints the report with pr_err (rate limited); returns normally.
 */
void RtlAssert(PVOID FailedAssertion, PVOID FileName, ULONG LineNumber,
	       PSTR Message);

/**
 * ntshim_assert_failures() - how many assertions have failed
 *
 * Return: the number of RtlAssert() calls since ntshim.ko loaded.
 */
u64 ntshim_assert_failures(void);

#if DBG
/**
 * KdPrint() - DbgPrint() in checked builds only
 * @_x_: the DbgPrint() arguments in their own parentheses
 */
#define KdPrint(_x_) ((void)DbgPrint _x_)
/**
 * KdPrintEx() - DbgPrintEx() in checked builds only
 * @_x_: the DbgPrintEx() arguments in their own parentheses
 */
#define KdPrintEx(_x_) ((void)DbgPrintEx _x_)
/**
 * ASSERT() - check an expression in checked builds
 * @exp: the expression; not evaluated when DBG is 0
 *
 * Return: TRUE if @exp holds (or DBG is 0), FALSE after reporting it.
 */
#define ASSERT(exp)                                                           \
	((!(exp)) ? (RtlAssert((PVOID)#exp, (PVOID)__FILE__, __LINE__, NULL), \
		     FALSE) : TRUE)
/**
 * ASSERTMSG() - ASSERT() with a message
 * @msg: text printed with the report
 * @exp: the expression
 */
#define ASSERTMSG(msg, exp)                                                   \
	((!(exp)) ? (RtlAssert((PVOID)#exp, (PVOID)__FILE__, __LINE__,        \
			       (PSTR)(msg)), FALSE) : TRUE)
#else
/* Not evaluated, as on Windows; sizeof() still type-checks them. */
#define KdPrint(_x_) ((void)sizeof(DbgPrint _x_))
#define KdPrintEx(_x_) ((void)sizeof(DbgPrintEx _x_))
#define ASSERT(exp) ((void)sizeof(!(exp)))
#define ASSERTMSG(msg, exp) ((void)sizeof(!(exp)), (void)sizeof(msg))
#endif

/**
 * NT_ASSERT() - ASSERT() spelled the newer way
 * @exp: the expression
 */
#define NT_ASSERT(exp) ASSERT(exp)

/**
 * NT_ASSERTMSG() - ASSERTMSG() spelled the newer way
 * @msg: text printed with the report
 * @exp: the expression
 */
#define NT_ASSERTMSG(msg, exp) ASSERTMSG(msg, exp)

#endif /* _NTSHIM_DEBUG_H */
