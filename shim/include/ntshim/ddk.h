/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntshim's DDK environment: what the headers in shim/include/ddk/
 * (<ntddk.h>, <wdm.h>, <ntifs.h>, ...) include.  Driver code includes
 * those, first, and no Linux header.
 *
 * In order: the Linux headers ntshim needs, with colliding function and
 * struct names renamed (<ntshim/ddk_begin.h>); all of ntshim; the colliding
 * Linux macros removed and the WDK's defined (<ntshim/ddk_end.h>); the
 * runtime headers (CRT, intrinsics) where this tree has them; last the
 * SAL 1 annotations, whose names Linux headers also use.
 */
#ifndef _NTSHIM_DDK_H
#define _NTSHIM_DDK_H

#include <ntshim/ddk_begin.h>
#include <ntshim/ntddk.h>
#include <ntshim/objects.h>
#include <ntshim/ddk_end.h>

/* sparse 0.6 cannot parse __has_include: it checks without these */
#ifndef __CHECKER__
#if __has_include("ntshim/crt.h")
#include <ntshim/crt.h>
#endif
#if __has_include("ntshim/intrinsics.h")
#include <ntshim/intrinsics.h>
#endif
#endif

/*
 * <ntshim/ddk_end.h> took the name __cpuid back from Linux: it is MSVC's
 * intrinsic again (ntshim/intrinsics.h).
 */
#ifdef _NTSHIM_INTRINSICS_H
#define __cpuid(info, leaf) ntshim_cpuid((info), (leaf))
#define __cpuidex(info, leaf, subleaf) ntshim_cpuidex((info), (leaf), (subleaf))
#endif

#include <ntshim/sal1.h>

#endif /* _NTSHIM_DDK_H */
