/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <intrin.h> for DDK code built with ntshim: the MSVC intrinsics
 * (ntshim/intrinsics.h), including __cpuid and __cpuidex, whose names
 * <ntddk.h> leaves free for drivers that define their own.
 */
#ifndef _NTSHIM_DDK_INTRIN_H
#define _NTSHIM_DDK_INTRIN_H

#include <ntshim/ddk.h>

#define __cpuid(info, leaf) ntshim_cpuid((info), (leaf))
#define __cpuidex(info, leaf, subleaf) ntshim_cpuidex((info), (leaf), (subleaf))

#endif /* _NTSHIM_DDK_INTRIN_H */
