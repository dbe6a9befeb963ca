/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntshim's DDK environment: what the headers in shim/include/ddk/
 * (<ntddk.h>, <wdm.h>, <ntifs.h>, ...) include.  Driver code includes
 * those, first, and no Linux header.
 *
 * In order: the Linux headers ntshim needs, with colliding function and
 * struct names renamed (<ntshim/ddk_begin.h>); all of ntshim; the colliding
 * Linux macros removed and the WDK's defined (<ntshim/ddk_end.h>); last
 * the SAL 1 annotations, whose names Linux headers also use.
 *
 * The name __cpuid stays free: GCC ports of DDK code often define their
 * own (MSVC's signature), and MSVC code that calls the intrinsic includes
 * <intrin.h>, which defines it (shim/include/ddk/intrin.h).
 */
#ifndef _NTSHIM_DDK_H
#define _NTSHIM_DDK_H

#include <ntshim/ddk_begin.h>
#include <ntshim/ntddk.h>
#include <ntshim/objects.h>
#include <ntshim/ddk_end.h>

#include <ntshim/sal1.h>

#endif /* _NTSHIM_DDK_H */
