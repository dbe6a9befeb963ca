/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <ntddk.h> for DDK code built with ntshim: the kernel-mode driver API: all
 * of ntshim.
 * Like every header here it brings in ntshim's whole DDK environment
 * (<ntshim/ddk.h>), so it must come before anything else.
 */
#ifndef _NTSHIM_DDK_NTDDK_H
#define _NTSHIM_DDK_NTDDK_H

#include <ntshim/ddk.h>

#endif /* _NTSHIM_DDK_NTDDK_H */
