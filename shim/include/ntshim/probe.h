/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Probing user buffers.  On Windows ProbeForRead()/ProbeForWrite() raise
 * an exception that the driver catches with __try/__except, and a driver
 * may then dereference the user pointer inside the __try block.  Linux C
 * has no structured exception handling and a kernel must never
 * dereference a user pointer directly (SMAP), so ntshim offers:
 *
 *  - ntshim_ProbeForRead()/ntshim_ProbeForWrite(): the same checks, with
 *    the exception turned into a returned NTSTATUS;
 *  - ntshim_CopyFromUser()/ntshim_CopyToUser(): the accesses themselves,
 *    a user-copy fault becoming STATUS_ACCESS_VIOLATION, never an oops;
 *  - ProbeForRead()/ProbeForWrite() with the DDK's void signature, which
 *    raise the failure as Windows does, for a __try/__except around them
 *    (<ntshim/seh.h>).  The accesses after the probe must still go
 *    through ntshim_CopyFromUser()/ntshim_CopyToUser(): ntshim does not
 *    catch CPU faults.
 */
#ifndef _NTSHIM_PROBE_H
#define _NTSHIM_PROBE_H

#include <linux/compiler.h>
#include <ntshim/types.h>
#include <ntshim/status.h>

/**
 * ntshim_ProbeForRead() - check that a user buffer may be read
 * @Address:   the user address (as the DDK passes it, a plain pointer)
 * @Length:    its length; 0 succeeds without any check, as on Windows
 * @Alignment: required alignment of @Address: 1, 2, 4, 8 or 16
 *
 * Like Windows' ProbeForRead(), only the range is checked (access_ok()):
 * the memory is not touched, so a later copy can still fault; use
 * ntshim_CopyFromUser() for the access.  A NULL or kernel @Address, or a
 * bad @Alignment, is misuse: reported as probe_bad_argument.
 *
 * Return: STATUS_SUCCESS; STATUS_DATATYPE_MISALIGNMENT when @Address is
 * not aligned; STATUS_ACCESS_VIOLATION when the range wraps or leaves
 * user space, or @Address is NULL; STATUS_INVALID_PARAMETER for a bad
 * @Alignment.
 */
NTSTATUS ntshim_ProbeForRead(const void *Address, SIZE_T Length,
			     ULONG Alignment);

/**
 * ntshim_ProbeForWrite() - check that a user buffer may be written
 * @Address:   the user address
 * @Length:    its length; 0 succeeds without any check, as on Windows
 * @Alignment: required alignment of @Address: 1, 2, 4, 8 or 16
 *
 * The checks of ntshim_ProbeForRead(), then, as Windows does by touching
 * each page, every page is made present and writable
 * (fault_in_safe_writeable(): no data is changed).  May sleep:
 * PASSIVE_LEVEL or APC_LEVEL, as on Windows.
 *
 * Return: as ntshim_ProbeForRead(), plus STATUS_ACCESS_VIOLATION when a
 * page is not mapped writable.
 */
NTSTATUS ntshim_ProbeForWrite(void *Address, SIZE_T Length,
			      ULONG Alignment);

/**
 * ProbeForRead() - the DDK's void form of ntshim_ProbeForRead()
 * @Address:   the user address
 * @Length:    its length
 * @Alignment: 1, 2, 4, 8 or 16
 *
 * Raises the status ntshim_ProbeForRead() would return (an access
 * violation carries the address in its record).  A bad user pointer is
 * not reported as misuse here: it is the exception the caller's __try
 * expects.  With no handler the raise is reported (seh_unhandled) and the
 * call returns.
 */
void ProbeForRead(const void *Address, SIZE_T Length,
		  ULONG Alignment);

/**
 * ProbeForWrite() - the DDK's void form of ntshim_ProbeForWrite()
 * @Address:   the user address
 * @Length:    its length
 * @Alignment: 1, 2, 4, 8 or 16
 *
 * Raises the status ntshim_ProbeForWrite() would return, as
 * ProbeForRead() does.  May sleep.
 */
void ProbeForWrite(void *Address, SIZE_T Length, ULONG Alignment);

/**
 * ntshim_CopyFromUser() - copy from a user buffer, faults as a status
 * @Destination: kernel buffer of @Length bytes
 * @Source:      user buffer
 * @Length:      bytes to copy
 *
 * On a fault the bytes that could not be copied are zeroed.  A kernel or
 * NULL @Source is reported as probe_bad_argument; a fault on a user
 * address is not misuse and is only returned.  May sleep.
 *
 * Return: STATUS_SUCCESS or STATUS_ACCESS_VIOLATION.
 */
NTSTATUS ntshim_CopyFromUser(PVOID Destination, const void __user *Source,
			     SIZE_T Length);

/**
 * ntshim_CopyToUser() - copy to a user buffer, faults as a status
 * @Destination: user buffer
 * @Source:      kernel buffer of @Length bytes
 * @Length:      bytes to copy
 *
 * A kernel or NULL @Destination is reported as probe_bad_argument.
 * May sleep.
 *
 * Return: STATUS_SUCCESS or STATUS_ACCESS_VIOLATION (possibly after a
 * partial copy).
 */
NTSTATUS ntshim_CopyToUser(void __user *Destination, const void *Source,
			   SIZE_T Length);

#endif /* _NTSHIM_PROBE_H */
