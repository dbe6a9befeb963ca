// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "rtl_memory": the Rtl memory routines a driver uses instead of the
 * C library: RtlFillMemory, RtlZeroMemory, RtlCopyMemory, RtlMoveMemory
 * (overlapping), RtlCompareMemory (which returns how many bytes match,
 * not an ordering) and RtlCompareMemoryUlong.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

#define DEMO_RTL_BYTES 64

static NTSTATUS demo_rtl_memory(struct seq_file *m)
{
	/* ULONG-aligned, as RtlCompareMemoryUlong requires */
	ULONG abuf[DEMO_RTL_BYTES / sizeof(ULONG)], bbuf[DEMO_RTL_BYTES / sizeof(ULONG)];
	PUCHAR a = (PUCHAR)abuf, b = (PUCHAR)bbuf;
	NTSTATUS status = STATUS_SUCCESS;
	SIZE_T same;

	RtlFillMemory(a, DEMO_RTL_BYTES, 0xA5);
	RtlZeroMemory(b, DEMO_RTL_BYTES);
	same = RtlCompareMemory(a, b, DEMO_RTL_BYTES);
	DemoPrint(m, "RtlFillMemory(a, 64, 0xA5), RtlZeroMemory(b, 64): RtlCompareMemory = %zu\n",
		  same);
	if (same != 0)
		status = STATUS_DATA_ERROR;

	RtlCopyMemory(b, a, DEMO_RTL_BYTES);
	b[40] = 0;
	same = RtlCompareMemory(a, b, DEMO_RTL_BYTES);
	DemoPrint(m, "RtlCopyMemory(b, a, 64), b[40] = 0: RtlCompareMemory = %zu (matching)\n",
		  same);
	if (same != 40)
		status = STATUS_DATA_ERROR;

	/* RtlMoveMemory copies correctly when the ranges overlap. */
	RtlCopyMemory(a, "0123456789", 10);
	RtlMoveMemory(a + 2, a, 8);
	DemoPrint(m, "\"0123456789\" after RtlMoveMemory(a + 2, a, 8): \"%.10s\"\n",
		  a);
	if (RtlCompareMemory(a, "0101234567", 10) != 10)
		status = STATUS_DATA_ERROR;

	RtlFillMemory(b, DEMO_RTL_BYTES, 0x11);
	same = RtlCompareMemoryUlong(b, DEMO_RTL_BYTES, 0x11111111);
	DemoPrint(m, "RtlCompareMemoryUlong(b filled with 0x11, 64, 0x11111111) = %zu\n",
		  same);
	if (same != DEMO_RTL_BYTES)
		status = STATUS_DATA_ERROR;

	DemoPrint(m, "RtlUlongByteSwap(0x12345678) = 0x%08x\n",
		  RtlUlongByteSwap(0x12345678));
	if (RtlUlongByteSwap(0x12345678) != 0x78563412)
		status = STATUS_DATA_ERROR;

	return status;
}

const struct ntshim_demo ntshim_demo_rtl_memory = {
	.name = "rtl_memory",
	.description = "RtlFill/Zero/Copy/Move/CompareMemory, overlapping moves",
	.run = demo_rtl_memory,
};
