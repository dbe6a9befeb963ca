// SPDX-License-Identifier: GPL-2.0
/*
 * The cold half of <ntshim/list.h>: reports for refused list operations.
 * They are called from the inline fast paths, so their return address is
 * the DDK caller's code, which is what the report names.
 * The links are read with get_kernel_nofault(), since the pointers that
 * failed the check may point anywhere.  Addresses are printed raw (%px),
 * as lib/list_debug.c does: they are what a developer matches against a
 * crash dump, and violations are root-only in debugfs.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/export.h>
#include <linux/poison.h>
#include <linux/uaccess.h>
#include <ntshim/list.h>
#include <ntshim/violation.h>

/* The pointer stored at @p, or an ERR_PTR when @p cannot be read. */
static const LIST_ENTRY *link_at(LIST_ENTRY *const *p)
{
	LIST_ENTRY *v;

	if (!p || get_kernel_nofault(v, p))
		return ERR_PTR(-EFAULT);
	return v;
}

void ntshim_list_bad_insert(const char *op, const LIST_ENTRY *New,
			    const LIST_ENTRY *Prev, const LIST_ENTRY *Next)
{
	unsigned long caller = _RET_IP_;
	const LIST_ENTRY *back;

	if (!Prev || !Next) {
		ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, New, caller,
				 "%s: %s is NULL (uninitialised head?)", op,
				 Prev ? "Flink" : "Blink");
		return;
	}
	if (New == Prev || New == Next) {
		ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, New, caller,
				 "%s: double insert", op);
		return;
	}
	back = link_at(&Next->Blink);
	if (back != Prev) {
		ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, New, caller,
				 "%s: next->Blink %px != prev %px", op, back,
				 Prev);
		return;
	}
	back = link_at(&Prev->Flink);
	if (back != Next) {
		ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, New, caller,
				 "%s: prev->Flink %px != next %px", op, back,
				 Next);
		return;
	}
	ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, New, caller,
			 "%s: appended list's last entry does not point back",
			 op);
}
EXPORT_SYMBOL_GPL(ntshim_list_bad_insert);

bool ntshim_list_insert_linked(const char *op, const LIST_ENTRY *New)
{
	const LIST_ENTRY *next = READ_ONCE(New->Flink);
	const LIST_ENTRY *prev = READ_ONCE(New->Blink);

	/* A fresh entry's links are garbage: read them without faulting. */
	if (!next || !prev || next == New || prev == New ||
	    link_at(&next->Blink) != New || link_at(&prev->Flink) != New)
		return false;
	ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, New, _RET_IP_,
			 "%s: the entry is still linked in a list (between %px and %px): double insert refused",
			 op, prev, next);
	return true;
}
EXPORT_SYMBOL_GPL(ntshim_list_insert_linked);

void ntshim_list_bad_remove(const char *op, const LIST_ENTRY *Entry,
			    const LIST_ENTRY *ListHead)
{
	unsigned long caller = _RET_IP_;
	const LIST_ENTRY *next, *prev, *back;

	if (!Entry) {
		ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, ListHead, caller,
				 "%s: head link is NULL (uninitialised head?)",
				 op);
		return;
	}
	next = link_at(&Entry->Flink);
	prev = link_at(&Entry->Blink);
	if (!next || !prev) {
		ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, Entry, caller,
				 "%s: Flink or Blink is NULL", op);
		return;
	}
	if (next == (const LIST_ENTRY *)LIST_POISON1 ||
	    prev == (const LIST_ENTRY *)LIST_POISON2) {
		ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, Entry, caller,
				 "%s: Flink/Blink poisoned by list_del()", op);
		return;
	}
	back = link_at(&prev->Flink);
	if (back != Entry) {
		ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, Entry, caller,
				 "%s: Blink->Flink %px != entry (double remove?)",
				 op, back);
		return;
	}
	back = link_at(&next->Blink);
	if (back != Entry) {
		ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, Entry, caller,
				 "%s: Flink->Blink %px != entry (double remove?)",
				 op, back);
		return;
	}
	ntshim_violation(NTSHIM_V_LIST_CORRUPT, 0, Entry, caller,
			 "%s: entry is not linked to the head %px", op,
			 ListHead);
}
EXPORT_SYMBOL_GPL(ntshim_list_bad_remove);
