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

/*
 * Format with the Windows engine into @buf (DBG_PRINT_MAX bytes); a
 * refused format leaves its own text there instead.
 */
static ULONG dbg_format(char *buf, PCSTR Format, va_list args)
{
	size_t len;

	if (ntshim_vformat(buf, DBG_PRINT_MAX - 1, false, Format, args, &len)) {
		snprintf(buf, DBG_PRINT_MAX, "(bad DbgPrint format) %s",
			 Format ? Format : "(null)");
		return (ULONG)STATUS_INVALID_PARAMETER;
	}
	buf[min(len, (size_t)DBG_PRINT_MAX - 1)] = 0;
	return 0;
}

ULONG DbgPrint(PCSTR Format, ...)
{
	char buf[DBG_PRINT_MAX];
	va_list args;
	ULONG ret;

	va_start(args, Format);
	ret = dbg_format(buf, Format, args);
	va_end(args);
	pr_info("%s", buf);
	return ret;
}
EXPORT_SYMBOL_GPL(DbgPrint);

ULONG DbgPrintEx(ULONG ComponentId, ULONG Level, PCSTR Format, ...)
{
	char buf[DBG_PRINT_MAX];
	va_list args;
	ULONG ret;

	va_start(args, Format);
	ret = dbg_format(buf, Format, args);
	va_end(args);
	switch (Level) {
	case DPFLTR_ERROR_LEVEL:
		pr_err("%s", buf);
		break;
	case DPFLTR_WARNING_LEVEL:
		pr_warn("%s", buf);
		break;
	case DPFLTR_INFO_LEVEL:
		pr_info("%s", buf);
		break;
	default:
		pr_debug("%s", buf);
		break;
	}
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
