/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <wdm.h> for DDK code built with ntshim: the WDM driver API; ntshim has one
 * API, as <ntddk.h>.
 * Like every header here it brings in ntshim's whole DDK environment
 * (<ntshim/ddk.h>), so it must come before anything else.
 */
#ifndef _NTSHIM_DDK_WDM_H
#define _NTSHIM_DDK_WDM_H

#include <ntshim/ddk.h>

#endif /* _NTSHIM_DDK_WDM_H */
