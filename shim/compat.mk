# SPDX-License-Identifier: GPL-2.0
#
# Every compatibility probe in one place (as WireGuard's compat/ does):
# feature probes of the target kernel's headers, never version checks.
# The top Kbuild adds $(ntshim_compat_flags) to every ntshim object.

ntshim_probe = $(if $(shell grep -s '$(1)' $(srctree)/$(2)),-D$(3))

# BH workqueues (WQ_BH, 6.9) run DPCs in softirq context.
ntshim_compat_flags += $(call ntshim_probe,WQ_BH[^A-Z_],include/linux/workqueue.h,NTSHIM_HAVE_WQ_BH)
# kunit_vm_mmap() (6.12) lets KUnit cases map user memory.
ntshim_compat_flags += $(call ntshim_probe,kunit_vm_mmap,include/kunit/test.h,NTSHIM_HAVE_KUNIT_VM_MMAP)
# The unwind hint for code that ends a stack walk (renamed in 6.4).
ntshim_compat_flags += $(call ntshim_probe,macro UNWIND_HINT_END_OF_STACK,arch/x86/include/asm/unwind_hints.h,NTSHIM_HAVE_UNWIND_HINT_EOS)

# <ntshim/objects.h> (object types), for sparse, which lacks __has_include.
ntshim_compat_flags += $(if $(wildcard $(ntshim_root)/shim/include/ntshim/objects.h),-DNTSHIM_HAVE_OBJECTS_H)

# The version, defined once: dkms.conf's PACKAGE_VERSION.
ntshim_version := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' $(ntshim_root)/dkms.conf)
