// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "probe": ProbeForRead/ProbeForWrite on a user buffer.  The demo
 * maps a page into the process reading the demo file (cat), probes it,
 * copies through it, and probes a misaligned address and, once the page
 * is unmapped, the same address again.  Windows raises an exception for
 * a failed probe, caught by __try/__except; this demo uses ntshim's
 * status-returning forms, which give the exception code as an NTSTATUS
 * (see <ntshim/probe.h>; the seh demo shows the raising forms).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/mm.h>
#include <linux/mman.h>

#include "demos.h"

/* One check: show the status and compare it with what Windows returns. */
static bool probe_step(struct seq_file *m, const char *what, NTSTATUS got,
		       NTSTATUS want)
{
	DemoPrint(m, "%-46s %s\n", what, ntshim_status_name(got));
	return got == want;
}

static NTSTATUS demo_probe(struct seq_file *m)
{
	static const char msg[] = "hello from the kernel";
	char back[sizeof(msg)] = { };
	unsigned long addr;
	void __user *ubuf;
	bool ok = true;

	PAGED_CODE();
	addr = vm_mmap(NULL, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
		       MAP_ANONYMOUS | MAP_PRIVATE, 0);
	if (IS_ERR_VALUE(addr))
		return STATUS_INSUFFICIENT_RESOURCES;
	ubuf = (void __user *)addr;
	DemoPrint(m, "mapped one user page into %s (pid %d)\n", current->comm,
		  task_pid_nr(current));

	ok &= probe_step(m, "ProbeForRead(page, PAGE_SIZE, 4):",
			 ntshim_ProbeForRead((__force void *)ubuf, PAGE_SIZE, 4),
			 STATUS_SUCCESS);
	ok &= probe_step(m, "ProbeForWrite(page, PAGE_SIZE, 4):",
			 ntshim_ProbeForWrite((__force void *)ubuf, PAGE_SIZE, 4),
			 STATUS_SUCCESS);
	ok &= probe_step(m, "copy a message to the page:",
			 ntshim_CopyToUser(ubuf, msg, sizeof(msg)),
			 STATUS_SUCCESS);
	ok &= probe_step(m, "copy it back:",
			 ntshim_CopyFromUser(back, ubuf, sizeof(back)),
			 STATUS_SUCCESS);
	DemoPrint(m, "read back \"%s\"\n", back);
	if (RtlCompareMemory(back, msg, sizeof(msg)) != sizeof(msg))
		ok = false;
	ok &= probe_step(m, "ProbeForRead(page + 1, 8, 4) (misaligned):",
			 ntshim_ProbeForRead((__force void *)(ubuf + 1), 8, 4),
			 STATUS_DATATYPE_MISALIGNMENT);
	ok &= probe_step(m, "ProbeForRead(page, 0, 4) (empty: no check):",
			 ntshim_ProbeForRead((__force void *)(ubuf + 1), 0, 4),
			 STATUS_SUCCESS);

	vm_munmap(addr, PAGE_SIZE);
	DemoPrint(m, "unmapped the page\n");
	ok &= probe_step(m, "ProbeForWrite(page, PAGE_SIZE, 4):",
			 ntshim_ProbeForWrite((__force void *)ubuf, PAGE_SIZE, 4),
			 STATUS_ACCESS_VIOLATION);
	ok &= probe_step(m, "copy from the page:",
			 ntshim_CopyFromUser(back, ubuf, sizeof(back)),
			 STATUS_ACCESS_VIOLATION);
	DemoPrint(m, "where Windows code had __try/__except it checks these statuses\n");
	return ok ? STATUS_SUCCESS : STATUS_DATA_ERROR;
}

const struct ntshim_demo ntshim_demo_probe = {
	.name = "probe",
	.description = "ProbeForRead/ProbeForWrite on a user page, failures as NTSTATUS",
	.run = demo_probe,
};
