// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "seh": structured exception handling as the DDK books teach it.
 *
 * ProbeTest probes a NULL user pointer for writing inside __try: the
 * probe raises STATUS_ACCESS_VIOLATION, the rest of the __try block is
 * skipped, the __except block runs and the routine keeps going.
 * TryFinallyTest returns from inside __try; its __finally block still runs
 * (and its own return wins, as with Microsoft's compiler).  Last, an
 * exception raised two calls deep unwinds through a __finally on the way
 * to its handler.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

static NTSTATUS probe_test(struct seq_file *m, bool *caught)
{
	PVOID badPointer = NULL;

	DemoPrint(m, "Enter ProbeTest\n");
	__try {
		DemoPrint(m, "Enter __try block\n");
		/* a NULL pointer is never writable: this raises */
		ProbeForWrite(badPointer, 100, 4);
		/* not reached */
		DemoPrint(m, "Leave __try block\n");
	} __except(EXCEPTION_EXECUTE_HANDLER) {
		DemoPrint(m, "Catch the exception: %s\n",
			  ntshim_status_name(GetExceptionCode()));
		DemoPrint(m, "The program will keep going\n");
		*caught = true;
	}
	DemoPrint(m, "Leave ProbeTest\n");
	return STATUS_SUCCESS;
}

static NTSTATUS try_finally_test(struct seq_file *m, bool *finally_ran)
{
	NTSTATUS status = STATUS_PENDING;

	__try {
		DemoPrint(m, "TryFinallyTest: return STATUS_SUCCESS from inside __try\n");
		return STATUS_SUCCESS;
	} __finally {
		DemoPrint(m, "Enter finally block (AbnormalTermination() = %d)\n",
			  AbnormalTermination());
		*finally_ran = true;
		/* the __finally's own return replaces the __try's */
		return status;
	}
	/* GCC cannot see that the statement never ends normally */
	return status;
}

static noinline void level2(struct seq_file *m)
{
	DemoPrint(m, "  %s: ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES)\n", __func__);
	ExRaiseStatus(STATUS_INSUFFICIENT_RESOURCES);
	DemoPrint(m, "  %s: not reached\n", __func__);
}

static noinline void level1(struct seq_file *m, PVOID buffer)
{
	__try {
		DemoPrint(m, " %s: holds a pool block, calls level2\n", __func__);
		level2(m);
		DemoPrint(m, " %s: not reached\n", __func__);
	} __finally {
		DemoPrint(m, " %s: __finally frees the block (abnormal %d)\n",
			  __func__, AbnormalTermination());
		ExFreePoolWithTag(buffer, 'hSmD');
	}
}

static LONG show_filter(struct seq_file *m, NTSTATUS code)
{
	DemoPrint(m, "filter sees %s: EXCEPTION_EXECUTE_HANDLER\n",
		  ntshim_status_name(code));
	return EXCEPTION_EXECUTE_HANDLER;
}

static NTSTATUS demo_seh(struct seq_file *m)
{
	bool caught = false, finally_ran = false;
	NTSTATUS status, code = STATUS_SUCCESS;
	PVOID buffer;

	PAGED_CODE();
	probe_test(m, &caught);

	status = try_finally_test(m, &finally_ran);
	DemoPrint(m, "TryFinallyTest returned %s\n", ntshim_status_name(status));

	DemoPrint(m, "a raise two calls deep:\n");
	buffer = ExAllocatePoolWithTag(PagedPool, 64, 'hSmD');
	if (!buffer)
		return STATUS_INSUFFICIENT_RESOURCES;
	__try {
		level1(m, buffer);
	} __except(show_filter(m, GetExceptionCode())) {
		code = GetExceptionCode();
		DemoPrint(m, "handler: caught %s, __try depth now %u\n",
			  ntshim_status_name(code), ntshim_seh_depth());
	}
	if (!caught || !finally_ran || status != STATUS_PENDING ||
	    code != STATUS_INSUFFICIENT_RESOURCES)
		return STATUS_UNSUCCESSFUL;
	return STATUS_SUCCESS;
}

const struct ntshim_demo ntshim_demo_seh = {
	.name = "seh",
	.description = "ProbeTest and TryFinallyTest: __try/__except/__finally",
	.run = demo_seh,
};
