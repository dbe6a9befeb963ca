// SPDX-License-Identifier: GPL-2.0
/*
 * NTSTATUS <-> errno and NTSTATUS names.  The tables live in
 * <ntshim/status.h>; here they become switch statements, which the
 * compiler turns into jump tables or binary searches (and which refuse to
 * compile if a status or errno is listed twice).
 */
#include <linux/errno.h>
#include <linux/export.h>
#include <ntshim/status.h>

int ntshim_status_to_errno(NTSTATUS status)
{
	switch (status) {
#define S(st, err) case st: return err;
	NTSHIM_STATUS_ERRNO_MAP(S)
#undef S
	}
	return NT_SUCCESS(status) ? 0 : -EIO;
}
EXPORT_SYMBOL_GPL(ntshim_status_to_errno);

NTSTATUS ntshim_errno_to_status(int err)
{
	if (err > 0)
		err = -err;

	switch (err) {
	case -ERESTARTSYS:
	case -ERESTARTNOINTR:
	case -ERESTARTNOHAND:
	case -ERESTART_RESTARTBLOCK:
		err = -EINTR;
		break;
	case -ENOTSUPP:
		err = -EOPNOTSUPP;
		break;
	case -ENOBUFS:
		err = -ENOMEM;
		break;
	}

	switch (err) {
#define E(err, st) case err: return st;
	NTSHIM_ERRNO_STATUS_MAP(E)
#undef E
	}
	return STATUS_UNSUCCESSFUL;
}
EXPORT_SYMBOL_GPL(ntshim_errno_to_status);

const char *ntshim_status_name(NTSTATUS status)
{
	switch (status) {
#define S(st, err) case st: return #st;
	NTSHIM_STATUS_ERRNO_MAP(S)
#undef S
	}
	return "STATUS_<unknown>";
}
EXPORT_SYMBOL_GPL(ntshim_status_name);
