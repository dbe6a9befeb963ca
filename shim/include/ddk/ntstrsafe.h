/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <ntstrsafe.h> for DDK code built with ntshim: ntshim's DDK environment plus
 * <ntshim/strsafe.h>.
 */
#ifndef _NTSHIM_DDK_NTSTRSAFE_H
#define _NTSHIM_DDK_NTSTRSAFE_H

#include <ntshim/ddk.h>
#include <ntshim/strsafe.h>

#endif /* _NTSHIM_DDK_NTSTRSAFE_H */
