/* SPDX-License-Identifier: GPL-2.0 */
/* <wdm.h> and <ntddk.h> expose the same ntshim API. */
#ifndef _NTSHIM_WDM_H
#define _NTSHIM_WDM_H

#include <ntshim/ntddk.h>

#endif /* _NTSHIM_WDM_H */
