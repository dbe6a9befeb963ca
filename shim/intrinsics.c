// SPDX-License-Identifier: GPL-2.0
/*
 * The out-of-line halves of the MSVC intrinsics: __readmsr() through the
 * kernel's fault-safe rdmsr, __debugbreak() as a reported violation.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/export.h>
#include <linux/instruction_pointer.h>
#include <asm/msr.h>
#include <ntshim/intrinsics.h>
#include <ntshim/violation.h>

ULONG64 ntshim_readmsr(ULONG reg)
{
	u64 val;

	if (rdmsrl_safe(reg, &val)) {
		ntshim_violation(NTSHIM_V_INTRINSIC_BAD_MSR, 0, NULL, _RET_IP_,
				 "__readmsr(0x%x) faulted: no such MSR; read as 0",
				 reg);
		return 0;
	}
	return val;
}
EXPORT_SYMBOL_GPL(ntshim_readmsr);

void ntshim_debugbreak(void)
{
	ntshim_violation(NTSHIM_V_DEBUG_BREAK, 0, NULL, _RET_IP_,
			 "__debugbreak()/DbgBreakPoint(): no kernel debugger; continuing");
}
EXPORT_SYMBOL_GPL(ntshim_debugbreak);
