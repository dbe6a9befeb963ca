/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Routines of seed_style.c, DDK code in the style the seed documents use;
 * declared so the compile-only object builds warning-free.
 */
#ifndef _NTSHIM_SEED_STYLE_H
#define _NTSHIM_SEED_STYLE_H

#include <ntddk.h>

NTSTATUS CopyStringToPool(PUNICODE_STRING Copy);
NTSTATUS AddFileInfo(PLIST_ENTRY Head, UNICODE_STRING Name, LARGE_INTEGER Size);
VOID ListRoundTrip(void);
VOID LookasideRoundTrip(void);
VOID CountUnderLocks(PULONG Counter);
VOID MemoryRoutines(void);

#endif /* _NTSHIM_SEED_STYLE_H */
