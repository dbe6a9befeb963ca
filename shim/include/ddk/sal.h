/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sal.h> for DDK code built with ntshim: the SAL 1 and SAL 2 annotations,
 * as no-ops.
 * Like every header here it brings in ntshim's whole DDK environment
 * (<ntshim/ddk.h>), so it must come before anything else.
 */
#ifndef _NTSHIM_DDK_SAL_H
#define _NTSHIM_DDK_SAL_H

#include <ntshim/ddk.h>

#endif /* _NTSHIM_DDK_SAL_H */
