// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "mdl": describe a non-paged pool buffer with an MDL.
 * IoAllocateMdl() sizes the MDL for the pages the buffer spans,
 * MmBuildMdlForNonPagedPool() fills in its page frames, and the demo
 * checks them against MmGetPhysicalAddress().  A second MDL on the same
 * buffer is locked with MmProbeAndLockPages(), mapped with
 * MmGetSystemAddressForMdlSafe(), written through, unlocked and freed.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

#define DEMO_MDL_TAG NTSHIM_TAG('D', 'm', 'M', 'd')
#define DEMO_MDL_OFFSET 100
#define DEMO_MDL_LENGTH (2 * PAGE_SIZE)

static NTSTATUS describe(struct seq_file *m, PUCHAR buffer)
{
	PVOID va = buffer + DEMO_MDL_OFFSET;
	PHYSICAL_ADDRESS pa;
	PPFN_NUMBER pfn;
	ULONG i, pages;
	PMDL mdl;
	NTSTATUS status = STATUS_SUCCESS;

	mdl = IoAllocateMdl(va, DEMO_MDL_LENGTH, FALSE, FALSE, NULL);
	if (!mdl)
		return STATUS_INSUFFICIENT_RESOURCES;
	MmBuildMdlForNonPagedPool(mdl);
	pages = ADDRESS_AND_SIZE_TO_SPAN_PAGES(va, DEMO_MDL_LENGTH);
	DemoPrint(m, "IoAllocateMdl(buffer + %d, %lu): ByteOffset %u, ByteCount %u\n",
		  DEMO_MDL_OFFSET, DEMO_MDL_LENGTH, MmGetMdlByteOffset(mdl),
		  MmGetMdlByteCount(mdl));
	DemoPrint(m, "MmBuildMdlForNonPagedPool: %u pages, MdlFlags 0x%04x\n",
		  pages, mdl->MdlFlags);
	if (MmGetMdlByteOffset(mdl) != BYTE_OFFSET(va) ||
	    MmGetMdlByteCount(mdl) != DEMO_MDL_LENGTH ||
	    MmGetMdlVirtualAddress(mdl) != va ||
	    !(mdl->MdlFlags & MDL_SOURCE_IS_NONPAGED_POOL))
		status = STATUS_DATA_ERROR;

	/* Each page frame must be where MmGetPhysicalAddress says. */
	pfn = MmGetMdlPfnArray(mdl);
	for (i = 0; i < pages; i++) {
		pa = MmGetPhysicalAddress((PUCHAR)PAGE_ALIGN(va) + i * PAGE_SIZE);
		if (pfn[i] != (PFN_NUMBER)(pa.QuadPart >> PAGE_SHIFT))
			status = STATUS_DATA_ERROR;
	}
	DemoPrint(m, "its %u page frames match MmGetPhysicalAddress: %s\n",
		  pages, NT_SUCCESS(status) ? "yes" : "NO");
	if (MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority) != va)
		status = STATUS_DATA_ERROR;
	DemoPrint(m, "MmGetSystemAddressForMdlSafe returns the buffer itself (non-paged pool)\n");
	IoFreeMdl(mdl);
	return status;
}

static NTSTATUS lock_and_map(struct seq_file *m, PUCHAR buffer)
{
	PVOID va = buffer + DEMO_MDL_OFFSET;
	NTSTATUS status;
	PUCHAR mapped;
	PMDL mdl;

	mdl = IoAllocateMdl(va, DEMO_MDL_LENGTH, FALSE, FALSE, NULL);
	if (!mdl)
		return STATUS_INSUFFICIENT_RESOURCES;
	status = ntshim_MmProbeAndLockPages(mdl, KernelMode, IoWriteAccess);
	DemoPrint(m, "MmProbeAndLockPages(KernelMode, IoWriteAccess): %s, MdlFlags 0x%04x\n",
		  ntshim_status_name(status), mdl->MdlFlags);
	if (!NT_SUCCESS(status))
		goto free;

	mapped = MmGetSystemAddressForMdlSafe(mdl, NormalPagePriority);
	if (!mapped) {
		status = STATUS_INSUFFICIENT_RESOURCES;
	} else {
		/* A write through the mapping lands in the buffer. */
		mapped[0] = 'M';
		mapped[DEMO_MDL_LENGTH - 1] = 'L';
		DemoPrint(m, "wrote through the system address: buffer sees '%c' and '%c'\n",
			  buffer[DEMO_MDL_OFFSET],
			  buffer[DEMO_MDL_OFFSET + DEMO_MDL_LENGTH - 1]);
		if (buffer[DEMO_MDL_OFFSET] != 'M' ||
		    buffer[DEMO_MDL_OFFSET + DEMO_MDL_LENGTH - 1] != 'L')
			status = STATUS_DATA_ERROR;
	}
	MmUnlockPages(mdl);	/* also drops the system mapping */
	DemoPrint(m, "MmUnlockPages, IoFreeMdl\n");
free:
	IoFreeMdl(mdl);
	return status;
}

static NTSTATUS demo_mdl(struct seq_file *m)
{
	NTSTATUS status;
	PUCHAR buffer;

	buffer = ExAllocatePoolWithTag(NonPagedPool,
				       DEMO_MDL_OFFSET + DEMO_MDL_LENGTH,
				       DEMO_MDL_TAG);
	if (!buffer)
		return STATUS_INSUFFICIENT_RESOURCES;
	RtlZeroMemory(buffer, DEMO_MDL_OFFSET + DEMO_MDL_LENGTH);

	status = describe(m, buffer);
	if (NT_SUCCESS(status))
		status = lock_and_map(m, buffer);

	ExFreePoolWithTag(buffer, DEMO_MDL_TAG);
	return status;
}

const struct ntshim_demo ntshim_demo_mdl = {
	.name = "mdl",
	.description = "an MDL for a pool buffer: build, page frames, lock, map, unlock",
	.run = demo_mdl,
};
