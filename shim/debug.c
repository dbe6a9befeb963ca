// SPDX-License-Identifier: GPL-2.0
/*
 * Debug output and assertions: DbgPrint, DbgPrintEx and RtlAssert (behind
 * KdPrint, ASSERT and NT_ASSERT; see <ntshim/debug.h>).
 */
/* DbgPrint text is the driver's own: no "ntshim: " prefix. */
#define pr_fmt(fmt) fmt

#include <linux/atomic.h>
#include <linux/module.h>
#include <linux/printk.h>
#include <ntshim/crt.h>
#include <ntshim/debug.h>
#include <ntshim/status.h>

/* Windows' DbgPrint buffer: longer messages are cut. */
#define DBG_PRINT_MAX 512

/* Format with the Windows engine and hand the text to printk at @level. */
static ULONG dbg_vprint(const char *level, PCSTR Format, va_list args)
{
	char buf[DBG_PRINT_MAX];
	size_t len;

	if (ntshim_vformat(buf, sizeof(buf) - 1, false, Format, args, &len)) {
		printk("%s(bad DbgPrint format) %s", level,
		       Format ? Format : "(null)");
		return (ULONG)STATUS_INVALID_PARAMETER;
	}
	buf[min(len, sizeof(buf) - 1)] = 0;
	printk("%s%s", level, buf);
	return 0;
}

ULONG DbgPrint(PCSTR Format, ...)
{
	va_list args;
	ULONG ret;

	va_start(args, Format);
	ret = dbg_vprint(KERN_INFO, Format, args);
	va_end(args);
	return ret;
}
EXPORT_SYMBOL_GPL(DbgPrint);

ULONG DbgPrintEx(ULONG ComponentId, ULONG Level, PCSTR Format, ...)
{
	const char *level;
	va_list args;
	ULONG ret;

	switch (Level) {
	case DPFLTR_ERROR_LEVEL:
		level = KERN_ERR;
		break;
	case DPFLTR_WARNING_LEVEL:
		level = KERN_WARNING;
		break;
	case DPFLTR_INFO_LEVEL:
		level = KERN_INFO;
		break;
	default:
		level = KERN_DEBUG;
		break;
	}
	va_start(args, Format);
	ret = dbg_vprint(level, Format, args);
	va_end(args);
	return ret;
}
EXPORT_SYMBOL_GPL(DbgPrintEx);

static atomic64_t assert_failures = ATOMIC64_INIT(0);

void RtlAssert(PVOID FailedAssertion, PVOID FileName, ULONG LineNumber,
	       PSTR Message)
{
	atomic64_inc(&assert_failures);
	pr_err_ratelimited(KBUILD_MODNAME ": assertion failed: %s%s%s at %s:%u (caller %pS)\n",
			   (const char *)FailedAssertion,
			   Message ? ": " : "", Message ? Message : "",
			   (const char *)FileName, LineNumber,
			   (void *)_RET_IP_);
}
EXPORT_SYMBOL_GPL(RtlAssert);

u64 ntshim_assert_failures(void)
{
	return atomic64_read(&assert_failures);
}
EXPORT_SYMBOL_GPL(ntshim_assert_failures);
