/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <ntdef.h> for DDK code built with ntshim: basic types and macros (ntshim's
 * are in <ntddk.h>).
 * Like every header here it brings in ntshim's whole DDK environment
 * (<ntshim/ddk.h>), so it must come before anything else.
 */
#ifndef _NTSHIM_DDK_NTDEF_H
#define _NTSHIM_DDK_NTDEF_H

#include <ntshim/ddk.h>

#endif /* _NTSHIM_DDK_NTDEF_H */
