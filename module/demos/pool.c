// SPDX-License-Identifier: GPL-2.0
/*
 * Demo "pool": the string copy every DDK book starts with.  A
 * UNICODE_STRING buffer comes from ExAllocatePoolWithTag(NonPagedPool,
 * src.Length, tag), RtlCopyUnicodeString() fills it, and the tag's
 * pooltags row is shown before the allocation, while it is held and
 * after ExFreePool().
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include "demos.h"

#define DEMO_POOL_TAG NTSHIM_TAG('D', 'm', 'P', 'l')

static void show_row(struct seq_file *m, const char *when,
		     struct ntshim_pool_tag_stats *st)
{
	char tag[NTSHIM_TAG_STR_LEN];

	if (!ntshim_pool_query_tag(DEMO_POOL_TAG, NonPagedPool, st))
		memset(st, 0, sizeof(*st));
	DemoPrint(m, "  pooltags %-14s %s Nonp Allocs %llu Frees %llu Diff %lld Bytes %lld\n",
		  when, ntshim_tag_str(DEMO_POOL_TAG, tag), st->allocs,
		  st->frees, st->diff, st->bytes);
}

static NTSTATUS demo_pool(struct seq_file *m)
{
	UNICODE_STRING src = RTL_CONSTANT_STRING(L"My source string!");
	UNICODE_STRING dst = { 0 };
	struct ntshim_pool_tag_stats before, held, after;
	NTSTATUS status = STATUS_SUCCESS;

	show_row(m, "before:", &before);

	dst.Buffer = (PWCHAR)ExAllocatePoolWithTag(NonPagedPool, src.Length,
						   DEMO_POOL_TAG);
	if (!dst.Buffer) {
		DemoPrint(m, "ExAllocatePoolWithTag(NonPagedPool, %u) failed\n",
			  src.Length);
		return STATUS_INSUFFICIENT_RESOURCES;
	}
	dst.Length = 0;
	dst.MaximumLength = src.Length;
	RtlCopyUnicodeString(&dst, &src);
	DemoPrint(m, "ExAllocatePoolWithTag(NonPagedPool, %u, 'DmPl')\n",
		  src.Length);
	DemoPrint(m, "RtlCopyUnicodeString: %u bytes \"%s\"\n", dst.Length,
		  NTSHIM_WZ(&dst));
	/* The copy must be whole and equal: the buffer has exactly room. */
	if (dst.Length != src.Length || !RtlEqualUnicodeString(&dst, &src, FALSE)) {
		DemoPrint(m, "the copy differs from the source\n");
		status = STATUS_DATA_ERROR;
	}
	show_row(m, "while held:", &held);

	ExFreePool(dst.Buffer);
	dst.Buffer = NULL;
	dst.Length = 0;
	dst.MaximumLength = 0;
	show_row(m, "after free:", &after);

	if (held.diff != before.diff + 1 || held.bytes != before.bytes + src.Length ||
	    after.diff != before.diff || after.bytes != before.bytes) {
		DemoPrint(m, "the tag's row did not count the block in and out\n");
		status = STATUS_DATA_ERROR;
	} else {
		DemoPrint(m, "the row counted the %u-byte block in and out: Diff back to %lld\n",
			  src.Length, after.diff);
	}
	return status;
}

const struct ntshim_demo ntshim_demo_pool = {
	.name = "pool",
	.description = "UNICODE_STRING copy in tagged pool, its pooltags row around ExFreePool",
	.run = demo_pool,
};
