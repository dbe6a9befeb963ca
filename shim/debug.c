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
#include <ntshim/debug.h>

ULONG DbgPrint(PCSTR Format, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, Format);
	vaf.fmt = Format;
	vaf.va = &args;
	pr_info("%pV", &vaf);
	va_end(args);
	return 0;
}
EXPORT_SYMBOL_GPL(DbgPrint);

ULONG DbgPrintEx(ULONG ComponentId, ULONG Level, PCSTR Format, ...)
{
	struct va_format vaf;
	va_list args;

	va_start(args, Format);
	vaf.fmt = Format;
	vaf.va = &args;
	switch (Level) {
	case DPFLTR_ERROR_LEVEL:
		pr_err("%pV", &vaf);
		break;
	case DPFLTR_WARNING_LEVEL:
		pr_warn("%pV", &vaf);
		break;
	case DPFLTR_INFO_LEVEL:
		pr_info("%pV", &vaf);
		break;
	default:
		pr_debug("%pV", &vaf);
		break;
	}
	va_end(args);
	return 0;
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
