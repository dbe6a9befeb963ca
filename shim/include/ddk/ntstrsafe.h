/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <ntstrsafe.h> for DDK code built with ntshim: ntshim's DDK environment plus
 * <ntshim/strsafe.h>, where this tree has it.
 */
#ifndef _NTSHIM_DDK_NTSTRSAFE_H
#define _NTSHIM_DDK_NTSTRSAFE_H

#include <ntshim/ddk.h>
/* sparse 0.6 cannot parse __has_include */
#ifndef __CHECKER__
#if __has_include("ntshim/strsafe.h")
#include <ntshim/strsafe.h>
#endif
#endif

#endif /* _NTSHIM_DDK_NTSTRSAFE_H */
