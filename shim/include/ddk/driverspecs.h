/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <driverspecs.h> for DDK code built with ntshim: the driver annotations
 * (IRQL, resources), as no-ops.
 * Like every header here it brings in ntshim's whole DDK environment
 * (<ntshim/ddk.h>), so it must come before anything else.
 */
#ifndef _NTSHIM_DDK_DRIVERSPECS_H
#define _NTSHIM_DDK_DRIVERSPECS_H

#include <ntshim/ddk.h>

#endif /* _NTSHIM_DDK_DRIVERSPECS_H */
