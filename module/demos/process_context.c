// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "process_context": which process each kind of routine runs in.
 *
 * The DDK books print the current process's name from DriverEntry, from
 * a dispatch routine and so on, to show that driver routines run in
 * different processes.  Their trick reads the name at a fixed offset in
 * the EPROCESS (0x174 on one Windows XP build): Windows-internal layout
 * that changes with every release.  The API answer is
 * PsGetProcessImageFileName(), which on ntshim returns the Linux process
 * name (the thread group leader's comm, 15 characters at most).
 *
 * Module load runs in insmod; reading the demo file runs in the reader
 * (cat); a DPC runs in whatever task the softirq found (Windows:
 * "arbitrary thread context"); a work item runs in a kworker; a system
 * thread is a kthread of its own, named after its routine (on Windows it
 * would be in the System process).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/string.h>

#include "demos.h"

struct where {
	char name[16];
	HANDLE pid;
	HANDLE tid;
	KIRQL irql;
	BOOLEAN system;
	KEVENT done;
	PIO_WORKITEM item;
};

static struct where at_load;

static void record(struct where *w)
{
	PEPROCESS process = PsGetCurrentProcess();

	strscpy(w->name, (char *)PsGetProcessImageFileName(process),
		sizeof(w->name));
	w->pid = PsGetProcessId(process);
	w->tid = PsGetCurrentThreadId();
	w->irql = KeGetCurrentIrql();
	w->system = PsIsSystemThread(PsGetCurrentThread());
}

void ntshim_demo_process_context_load(void)
{
	record(&at_load);
}

static void show(struct seq_file *m, const char *what, const struct where *w)
{
	DemoPrint(m, "%-16s process %-15s pid %-6lu thread %-6lu IRQL %u %s\n",
		  what, w->name, (unsigned long)(uintptr_t)w->pid,
		  (unsigned long)(uintptr_t)w->tid, w->irql,
		  w->system ? "kernel thread" : "user process");
}

static VOID where_dpc(PKDPC Dpc, PVOID Context, PVOID A1, PVOID A2)
{
	struct where *w = Context;

	record(w);
	KeSetEvent(&w->done, IO_NO_INCREMENT, FALSE);
}

static VOID where_work(PDEVICE_OBJECT DeviceObject, PVOID Context)
{
	struct where *w = Context;

	record(w);
	IoFreeWorkItem(w->item);
	KeSetEvent(&w->done, IO_NO_INCREMENT, FALSE);
}

static VOID where_thread(PVOID Context)
{
	struct where *w = Context;

	record(w);
	PsTerminateSystemThread(STATUS_SUCCESS);
}

static NTSTATUS wait_done(PVOID object)
{
	LARGE_INTEGER timeout = { .QuadPart = -2LL * 10 * 1000 * 1000 };

	return KeWaitForSingleObject(object, Executive, KernelMode, FALSE,
				     &timeout);
}

static NTSTATUS demo_process_context(struct seq_file *m)
{
	struct where here = { }, dpc = { }, work = { }, thread = { };
	DEVICE_OBJECT device = { .Size = sizeof(DEVICE_OBJECT) };
	PVOID object = NULL;
	HANDLE handle;
	NTSTATUS status;
	KDPC kdpc;

	PAGED_CODE();
	show(m, "module load:", &at_load);

	record(&here);
	show(m, "debugfs read:", &here);

	KeInitializeEvent(&dpc.done, NotificationEvent, FALSE);
	KeInitializeDpc(&kdpc, where_dpc, &dpc);
	KeInsertQueueDpc(&kdpc, NULL, NULL);
	status = wait_done(&dpc.done);
	KeFlushQueuedDpcs();
	if (status != STATUS_SUCCESS)
		return status;
	show(m, "DPC:", &dpc);

	KeInitializeEvent(&work.done, NotificationEvent, FALSE);
	work.item = IoAllocateWorkItem(&device);
	if (!work.item)
		return STATUS_INSUFFICIENT_RESOURCES;
	IoQueueWorkItem(work.item, where_work, DelayedWorkQueue, &work);
	status = wait_done(&work.done);
	if (status != STATUS_SUCCESS)
		return status;
	show(m, "work item:", &work);

	/* the standard pattern: handle -> referenced object -> wait */
	status = PsCreateSystemThread(&handle, THREAD_ALL_ACCESS, NULL, NULL,
				      NULL, where_thread, &thread);
	if (!NT_SUCCESS(status))
		return status;
	status = ObReferenceObjectByHandle(handle, THREAD_ALL_ACCESS,
					   *PsThreadType, KernelMode, &object,
					   NULL);
	ZwClose(handle);
	if (!NT_SUCCESS(status))
		return status;
	status = wait_done(object);
	ObDereferenceObject(object);
	if (status != STATUS_SUCCESS)
		return status;
	show(m, "system thread:", &thread);

	DemoPrint(m, "the book's EPROCESS + 0x174 is Windows-internal layout;\n");
	DemoPrint(m, "PsGetProcessImageFileName() is the API that names the process\n");
	if (here.system || !thread.system || dpc.irql != DISPATCH_LEVEL ||
	    work.irql != PASSIVE_LEVEL || thread.irql != PASSIVE_LEVEL)
		return STATUS_UNSUCCESSFUL;
	return STATUS_SUCCESS;
}

const struct ntshim_demo ntshim_demo_process_context = {
	.name = "process_context",
	.description = "DisplayItsProcessName: the process each kind of routine runs in",
	.run = demo_process_context,
};
