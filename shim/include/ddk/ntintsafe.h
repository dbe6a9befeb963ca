/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <ntintsafe.h> for DDK code built with ntshim: ntshim's DDK environment plus
 * <ntshim/intsafe.h>.
 */
#ifndef _NTSHIM_DDK_NTINTSAFE_H
#define _NTSHIM_DDK_NTINTSAFE_H

#include <ntshim/ddk.h>
#include <ntshim/intsafe.h>

#endif /* _NTSHIM_DDK_NTINTSAFE_H */
