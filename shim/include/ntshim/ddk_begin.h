/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The first half of ntshim's DDK environment (<ntshim/ddk.h>): include
 * every Linux header that ntshim's headers need, with the Linux functions
 * and struct tags that ordinary driver code also defines renamed for this
 * translation unit.
 *
 * Driver code may define its own __fls(), fls() or struct kstat, or
 * call the intrinsic __cpuid(); Linux defines all of them in headers that
 * ntshim must include.  While the Linux headers are read, each such name
 * is a macro for __ntshim_linux_<name>, so the kernel's definitions and
 * every use inside the kernel's own inline functions are renamed together
 * and keep working; afterwards the name is free again.  Names that the
 * kernel defines as macros (__ffs, ffs, current, min, ...) cannot be
 * renamed this way: they are removed, here if no ntshim header uses them,
 * else by <ntshim/ddk_end.h> after all of ntshim.
 *
 * Which names are renamed depends on the kernel configuration only where
 * the kernel decides between a function and a macro (__cpuid is a
 * paravirt function with CONFIG_PARAVIRT_XXL, else a macro).
 *
 * Every Linux header that a header in shim/include/ntshim/ includes must be
 * listed here (tools/ddk-hygiene.py checks), so that none is first read
 * after the renames end.
 */
#ifndef _NTSHIM_DDK_BEGIN_H
#define _NTSHIM_DDK_BEGIN_H

#ifdef _LINUX_TYPES_H
#error "<ntddk.h> (or another DDK header) must be the first include of a driver file"
#endif

#define kstat __ntshim_linux_kstat
#define __fls __ntshim_linux___fls
#define fls __ntshim_linux_fls
#define fls64 __ntshim_linux_fls64
#define __ffs64 __ntshim_linux___ffs64
#ifdef CONFIG_PARAVIRT_XXL
#define __cpuid __ntshim_linux___cpuid
#endif

#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/kconfig.h>
#include <linux/compiler.h>
#include <linux/build_bug.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/minmax.h>
#include <linux/bitops.h>
#include <linux/swab.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/overflow.h>
#include <linux/limits.h>
#include <linux/math64.h>
#include <linux/poison.h>
#include <linux/list.h>
#include <linux/atomic.h>
#include <asm/barrier.h>
#include <asm/processor.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <linux/smp.h>
#include <linux/cpumask.h>
#include <linux/lockdep.h>
#include <linux/spinlock.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/xarray.h>
#include <linux/mm.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/module.h>
#include <linux/instruction_pointer.h>
#include <linux/jiffies.h>
#include <linux/timekeeping.h>
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/workqueue.h>
#include <linux/nls.h>
#include <linux/stdarg.h>
#include <linux/percpu.h>
#include <linux/jump_label.h>

/*
 * The kernel's own macros of these names go now, before any ntshim
 * header: ntshim uses none of them, and a runtime header read later
 * (<ntshim/intrinsics.h>) defines the Windows __cpuid(), which
 * <ntshim/ddk_end.h> then leaves to <intrin.h>.
 */
#undef __ffs
#undef ffs
#undef ffz
#undef __cpuid

#undef kstat
#undef __fls
#undef fls
#undef fls64
#undef __ffs64

#endif /* _NTSHIM_DDK_BEGIN_H */
