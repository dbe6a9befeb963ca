/* SPDX-License-Identifier: GPL-2.0 */
/*
 * MmGetSystemRoutineAddress(): drivers probe for newer DDK routines by
 * name and fall back when they are missing.  ntshim answers from its own
 * table of the DDK routines it implements (shim/routines.h), so a probe
 * finds exactly what ntshim has and NULL for what it lacks.
 */
#ifndef _NTSHIM_ROUTINE_H
#define _NTSHIM_ROUTINE_H

#include <ntshim/types.h>
#include <ntshim/unicode.h>

/**
 * MmGetSystemRoutineAddress() - the address of a DDK routine, by name
 * @SystemRoutineName: the routine's name, case-sensitive (as the export
 *                     names of ntoskrnl.exe and hal.dll are)
 *
 * Exported ntshim functions resolve to themselves.  Routines that are
 * inline in the headers (ExAllocatePool2(), KeGetCurrentProcessorNumberEx(),
 * the Interlocked* calls, ...) resolve to ntshim.ko's own out-of-line copy;
 * calls through such a pointer work, but allocations made through them
 * are charged to ntshim.ko, not to the calling module.  Macros that have
 * no function behind them (KeAcquireSpinLock(), KeInitializeSpinLock(),
 * ...) and routines ntshim does not implement are not found.
 * IRQL == PASSIVE_LEVEL on Windows; any IRQL here.
 *
 * Return: the routine's address, or NULL if ntshim has no routine of that
 * name (or @SystemRoutineName is NULL or not an ASCII name).
 */
PVOID MmGetSystemRoutineAddress(PUNICODE_STRING SystemRoutineName);

/**
 * ntshim_routine_name() - the name of an entry of the routine table
 * @index: 0 .. the number of entries - 1
 *
 * For tests and diagnostics: the table is sorted by strcmp().
 *
 * Return: the name, or NULL past the last entry.
 */
const char *ntshim_routine_name(ULONG index);

#endif /* _NTSHIM_ROUTINE_H */
