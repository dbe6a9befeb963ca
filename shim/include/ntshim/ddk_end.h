/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The second half of ntshim's DDK environment (<ntshim/ddk.h>): after the
 * Linux and ntshim headers, remove the Linux macros that collide with
 * ordinary driver code, and define the WDK's own versions where the WDK
 * has them.
 *
 * A driver may name a variable "current", define MIN/MAX/ARRAY_SIZE/BIT or
 * its own swap(), use min()/max() on mixed types (the WDK's are plain
 * comparisons; the kernel's reject mixed signedness), or define a helper
 * called __ffs.  None of the macros below is used by an ntshim macro
 * that expands in driver code (tools/ddk-hygiene.py checks: ntshim's
 * macros say get_current(), not current).  The kernel's inline functions
 * read before this point keep their meaning: macros are expanded where a
 * function is defined.
 */
#ifndef _NTSHIM_DDK_END_H
#define _NTSHIM_DDK_END_H

/* Variables, helpers and macros drivers commonly define themselves */
#undef current
/* MSVC's __cpuid comes with <intrin.h>: gcc ports often bring their own */
#undef __cpuid
#undef __cpuidex
#undef swap
#undef MIN
#undef MAX
#undef ARRAY_SIZE
#undef BIT
#undef BIT_ULL
#undef GENMASK
#undef GENMASK_ULL
#undef ALIGN
#undef ALIGN_DOWN
#undef PTR_ALIGN
#undef IS_ALIGNED
#undef READ
#undef WRITE
#undef MAJOR
#undef MINOR
#undef CLASS

/* min()/max() and their family: the WDK's are below */
#undef min
#undef max
#undef min3
#undef max3
#undef min_t
#undef max_t
#undef umin
#undef umax
#undef clamp
#undef clamp_t
#undef clamp_val

/* Linux's list helpers: DDK code has LIST_ENTRY and its own names */
#undef LIST_HEAD
#undef LIST_HEAD_INIT
#undef list_entry
#undef list_first_entry
#undef list_last_entry
#undef list_next_entry
#undef list_prev_entry
#undef list_for_each
#undef list_for_each_safe
#undef list_for_each_prev
#undef list_for_each_entry
#undef list_for_each_entry_safe
#undef list_for_each_entry_reverse

/* The WDK's ntdef.h versions */
#ifndef NOMINMAX
#define min(a, b) (((a) < (b)) ? (a) : (b))
#define max(a, b) (((a) > (b)) ? (a) : (b))
#endif
#define ALIGN_DOWN(length, type) NTSHIM_WDK_ALIGN_DOWN(length, type)

#endif /* _NTSHIM_DDK_END_H */
