/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <ntstatus.h> for DDK code built with ntshim: the NTSTATUS values
 * (ntshim/status.h, via <ntddk.h>).
 * Like every header here it brings in ntshim's whole DDK environment
 * (<ntshim/ddk.h>), so it must come before anything else.
 */
#ifndef _NTSHIM_DDK_NTSTATUS_H
#define _NTSHIM_DDK_NTSTATUS_H

#include <ntshim/ddk.h>

#endif /* _NTSHIM_DDK_NTSTATUS_H */
