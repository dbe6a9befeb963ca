/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <ntifs.h> for DDK code built with ntshim: the file-system driver API;
 * ntshim's subset is <ntddk.h>'s.
 * Like every header here it brings in ntshim's whole DDK environment
 * (<ntshim/ddk.h>), so it must come before anything else.
 */
#ifndef _NTSHIM_DDK_NTIFS_H
#define _NTSHIM_DDK_NTIFS_H

#include <ntshim/ddk.h>

#endif /* _NTSHIM_DDK_NTIFS_H */
