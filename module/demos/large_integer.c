// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "large_integer": the LARGE_INTEGER union the DDK uses for 64-bit
 * values (file sizes, offsets, times).  QuadPart, the LowPart/HighPart
 * halves and the u.LowPart/u.HighPart spelling all name the same eight
 * bytes; the demo shows a carry across the halves and a negative value.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

static void show(struct seq_file *m, const char *what, LARGE_INTEGER v)
{
	DemoPrint(m, "%-28s QuadPart %20lld = 0x%016llx  HighPart %11d  LowPart 0x%08x\n",
		  what, v.QuadPart, (ULONGLONG)v.QuadPart, v.HighPart, v.LowPart);
}

static NTSTATUS demo_large_integer(struct seq_file *m)
{
	NTSTATUS status = STATUS_SUCCESS;
	LARGE_INTEGER a, b;
	ULARGE_INTEGER u;

	/* Build from halves, as code handed two ULONGs does. */
	a.HighPart = 1;
	a.LowPart = 0xfffffffe;
	show(m, "HighPart 1, LowPart ~1:", a);
	if (a.QuadPart != 0x1fffffffeLL)
		status = STATUS_DATA_ERROR;

	/* Add 3 to QuadPart: the low half wraps and carries into HighPart. */
	a.QuadPart += 3;
	show(m, "QuadPart += 3 (carry):", a);
	if (a.HighPart != 2 || a.LowPart != 1 || a.u.HighPart != 2 ||
	    a.u.LowPart != 1)
		status = STATUS_DATA_ERROR;

	/* A negative value: HighPart is signed, LowPart is not. */
	b.QuadPart = -2;
	show(m, "QuadPart = -2:", b);
	if (b.HighPart != -1 || b.LowPart != 0xfffffffe)
		status = STATUS_DATA_ERROR;

	/* The same bits as ULARGE_INTEGER. */
	u.QuadPart = (ULONGLONG)b.QuadPart;
	DemoPrint(m, "%-28s QuadPart %20llu  HighPart 0x%08x  LowPart 0x%08x\n",
		  "as ULARGE_INTEGER:", u.QuadPart, u.HighPart, u.LowPart);
	if (u.HighPart != 0xffffffff)
		status = STATUS_DATA_ERROR;

	/* 64-bit arithmetic on QuadPart, e.g. a byte offset in 4 KiB pages. */
	b.QuadPart = 5LL * 1024 * 1024 * 1024 + 123;
	DemoPrint(m, "offset %lld is page %lld, byte %lld in it\n", b.QuadPart,
		  b.QuadPart >> 12, b.QuadPart & 4095);
	if (sizeof(LARGE_INTEGER) != 8 ||
	    FIELD_OFFSET(LARGE_INTEGER, HighPart) != 4)
		status = STATUS_DATA_ERROR;
	DemoPrint(m, "sizeof(LARGE_INTEGER) %zu, FIELD_OFFSET(HighPart) %d\n",
		  sizeof(LARGE_INTEGER), FIELD_OFFSET(LARGE_INTEGER, HighPart));
	return status;
}

const struct ntshim_demo ntshim_demo_large_integer = {
	.name = "large_integer",
	.description = "LARGE_INTEGER: QuadPart and the LowPart/HighPart halves, carry and sign",
	.run = demo_large_integer,
};
