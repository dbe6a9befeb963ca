// SPDX-License-Identifier: GPL-2.0
/*
 * MmGetSystemRoutineAddress(): a binary search of a sorted table of the
 * DDK routines ntshim has, built from the X-macro list in routines.h.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <ntshim/ntddk.h>
#include <ntshim/routine.h>

#include "routines.h"

struct routine {
	const char *name;
	void *addr;
};

#define NTSHIM_ROUTINE_ENTRY(name) { #name, (void *)name },
static const struct routine routines[] = {
	NTSHIM_ROUTINES(NTSHIM_ROUTINE_ENTRY)
};
#undef NTSHIM_ROUTINE_ENTRY

/* Longest routine name looked up; longer ones cannot be in the table. */
#define ROUTINE_NAME_MAX 64

PVOID MmGetSystemRoutineAddress(PUNICODE_STRING SystemRoutineName)
{
	char name[ROUTINE_NAME_MAX + 1];
	size_t lo = 0, hi = ARRAY_SIZE(routines);
	USHORT i, len;

	if (!SystemRoutineName || !SystemRoutineName->Buffer)
		return NULL;
	len = SystemRoutineName->Length / sizeof(WCHAR);
	if (!len || len > ROUTINE_NAME_MAX)
		return NULL;
	for (i = 0; i < len; i++) {
		WCHAR c = SystemRoutineName->Buffer[i];

		if (!c || c >= 0x80)
			return NULL;
		name[i] = (char)c;
	}
	name[len] = '\0';

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(name, routines[mid].name);

		if (!cmp)
			return routines[mid].addr;
		if (cmp < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
EXPORT_SYMBOL_GPL(MmGetSystemRoutineAddress);

const char *ntshim_routine_name(ULONG index)
{
	return index < ARRAY_SIZE(routines) ? routines[index].name : NULL;
}
EXPORT_SYMBOL_GPL(ntshim_routine_name);
