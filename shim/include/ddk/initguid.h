/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <initguid.h>: from here on DEFINE_GUID() defines the GUID instead of
 * declaring it, as in the WDK.  Include it after <ntddk.h> in the one
 * file that should hold the GUIDs (the definitions are weak, so a second
 * one links too).
 */
#ifndef _NTSHIM_DDK_INITGUID_H
#define _NTSHIM_DDK_INITGUID_H

#include <ntshim/ddk.h>

#ifndef INITGUID
#define INITGUID
#endif
#undef DEFINE_GUID
#define DEFINE_GUID(name, l, w1, w2, b1, b2, b3, b4, b5, b6, b7, b8)          \
	NTSHIM_DEFINE_GUID_DEFINITION(name, l, w1, w2, b1, b2, b3, b4, b5, b6, \
				      b7, b8)

#endif /* _NTSHIM_DDK_INITGUID_H */
