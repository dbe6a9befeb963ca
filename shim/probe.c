// SPDX-License-Identifier: GPL-2.0
/*
 * ProbeForRead/ProbeForWrite as status-returning checks and, in their
 * DDK void form, as raises; user copies whose faults come back as
 * STATUS_ACCESS_VIOLATION.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/pagemap.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <ntshim/irql.h>
#include <ntshim/probe.h>
#include <ntshim/seh.h>
#include <ntshim/violation.h>

#define probe_violation(addr, caller, fmt, ...)                               \
	ntshim_violation(NTSHIM_V_PROBE_BAD_ARG, 0, (const void *)(addr),     \
			 caller, fmt, ##__VA_ARGS__)

/*
 * Common checks; *reported: a violation was filed for the failure.  With
 * @raising (the void forms) a bad user pointer is the exception the
 * caller's __try expects, not misuse: it is raised, not reported.
 */
static NTSTATUS probe(const void *Address, SIZE_T Length,
		      ULONG Alignment, bool write, unsigned long caller,
		      bool *reported, bool raising)
{
	unsigned long va = (unsigned long)Address;
	const char __user *uaddr = (__force const char __user *)Address;

	*reported = true;
	if (!Length)
		return STATUS_SUCCESS;
	if (!Alignment || Alignment > 16 || (Alignment & (Alignment - 1))) {
		probe_violation(va, caller, "bad alignment %u", Alignment);
		return STATUS_INVALID_PARAMETER;
	}
	if (va & (Alignment - 1)) {
		*reported = false;	/* the user's buffer, not driver misuse */
		return STATUS_DATATYPE_MISALIGNMENT;
	}
	if (!va) {
		if (!raising)
			probe_violation(va, caller, "NULL user pointer");
		return STATUS_ACCESS_VIOLATION;
	}
	if (va + Length - 1 < va) {
		if (!raising)
			probe_violation(va, caller, "range of %zu bytes wraps",
					(size_t)Length);
		return STATUS_ACCESS_VIOLATION;
	}
	if (!access_ok(uaddr, Length)) {
		if (!raising)
			probe_violation(va, caller,
					"kernel address where a user address is required");
		return STATUS_ACCESS_VIOLATION;
	}
	if (write) {
		if (KeGetCurrentIrql() > APC_LEVEL || !current->mm) {
			probe_violation(va, caller,
					"ProbeForWrite needs IRQL <= APC_LEVEL in a process");
			return STATUS_ACCESS_VIOLATION;
		}
		*reported = false;
		if (fault_in_safe_writeable(uaddr, Length))
			return STATUS_ACCESS_VIOLATION;
	}
	return STATUS_SUCCESS;
}

NTSTATUS ntshim_ProbeForRead(const void *Address, SIZE_T Length,
			     ULONG Alignment)
{
	bool reported;

	return probe(Address, Length, Alignment, false, _RET_IP_, &reported, false);
}
EXPORT_SYMBOL_GPL(ntshim_ProbeForRead);

NTSTATUS ntshim_ProbeForWrite(void *Address, SIZE_T Length,
			      ULONG Alignment)
{
	bool reported;

	return probe(Address, Length, Alignment, true, _RET_IP_, &reported, false);
}
EXPORT_SYMBOL_GPL(ntshim_ProbeForWrite);

void ProbeForRead(const void *Address, SIZE_T Length,
		  ULONG Alignment)
{
	NTSTATUS status;
	bool reported;

	status = probe(Address, Length, Alignment, false, _RET_IP_, &reported,
		       true);
	if (!NT_SUCCESS(status))
		ntshim_seh_raise(status, _RET_IP_, 0, (ULONG_PTR)Address);
}
EXPORT_SYMBOL_GPL(ProbeForRead);

void ProbeForWrite(void *Address, SIZE_T Length, ULONG Alignment)
{
	NTSTATUS status;
	bool reported;

	status = probe(Address, Length, Alignment, true, _RET_IP_, &reported,
		       true);
	if (!NT_SUCCESS(status))
		ntshim_seh_raise(status, _RET_IP_, 1, (ULONG_PTR)Address);
}
EXPORT_SYMBOL_GPL(ProbeForWrite);

NTSTATUS ntshim_CopyFromUser(PVOID Destination, const void __user *Source,
			     SIZE_T Length)
{
	if (!Length)
		return STATUS_SUCCESS;
	if (!Source || !access_ok(Source, Length)) {
		probe_violation((__force const void *)Source, _RET_IP_,
				"copy from a NULL or kernel address");
		memset(Destination, 0, Length);
		return STATUS_ACCESS_VIOLATION;
	}
	if (copy_from_user(Destination, Source, Length))
		return STATUS_ACCESS_VIOLATION;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(ntshim_CopyFromUser);

NTSTATUS ntshim_CopyToUser(void __user *Destination, const void *Source,
			   SIZE_T Length)
{
	if (!Length)
		return STATUS_SUCCESS;
	if (!Destination || !access_ok(Destination, Length)) {
		probe_violation((__force const void *)Destination, _RET_IP_,
				"copy to a NULL or kernel address");
		return STATUS_ACCESS_VIOLATION;
	}
	if (copy_to_user(Destination, Source, Length))
		return STATUS_ACCESS_VIOLATION;
	return STATUS_SUCCESS;
}
EXPORT_SYMBOL_GPL(ntshim_CopyToUser);
