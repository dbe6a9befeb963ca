# SPDX-License-Identifier: GPL-2.0
#
# Include from a client module's Kbuild to build DDK code against ntshim:
#
#   NTSHIM ?= /path/to/ntshim
#   include $(NTSHIM)/shim/ntshim.mk
#   obj-m += mydriver.o
#
# and build with KBUILD_EXTRA_SYMBOLS=$(NTSHIM)/Module.symvers so modpost
# resolves the ntshim runtime symbols.  Driver files then start with
# #include <ntddk.h> (shim/include/ddk/) and include nothing from Linux.
#
# Optional module glue, so that no driver file needs Linux code:
#
#   NTSHIM_DRIVER := mydriver        # the module's name
#   mydriver-y := main.o io.o        # the driver's own objects
#
# adds ntshim_glue.o to the module: module_init() builds a DRIVER_OBJECT
# and calls the driver's DriverEntry(DriverObject, RegistryPath),
# module_exit() calls DriverObject->DriverUnload; MODULE_LICENSE("GPL").

# The flags DDK code needs, on top of the kernel's (each says why):
#   -Wno-multichar           pool tags are spelled 'gaTM' (ntshim/tag.h)
#   -Wno-unknown-pragmas     #pragma warning(...), prefast, alloc_text
#   -Wno-strict-prototypes   "VOID f();" is valid C and common in DDK code
#   -Wno-old-style-definition  and so is "VOID f() { }" (W=1 warns on 6.1)
#   -Wno-missing-prototypes  DDK code defines global helpers without a
#   -Wno-missing-declarations  prior prototype (W=1 warns)
#   -fms-extensions          anonymous members of a typedef'd struct type
#   -Wno-implicit-fallthrough switch cases fall through without annotation
#   -Wno-clobbered           __try resumes through a setjmp, so locals a
#                            __try body modifies and reads after an
#                            exception must be volatile (<ntshim/seh.h>);
#                            W=1's -Wclobbered heuristic flags nearly every
#                            function with a __try, mostly wrongly
NTSHIM_DDK_CFLAGS := -I$(NTSHIM)/shim/include/ddk -I$(NTSHIM)/shim/include \
	-Wno-multichar -Wno-unknown-pragmas -Wno-strict-prototypes \
	-Wno-old-style-definition \
	-Wno-missing-prototypes -Wno-missing-declarations -fms-extensions \
	-Wno-implicit-fallthrough -Wno-clobbered

# A directory that mixes DDK and Linux files can list the DDK objects in
# NTSHIM_DDK_OBJECTS (before the include) to give the flags to those only.
ifeq ($(NTSHIM_DDK_OBJECTS),)
ccflags-y += $(NTSHIM_DDK_CFLAGS)
else
$(foreach o,$(NTSHIM_DDK_OBJECTS),$(eval CFLAGS_$(o) += $(NTSHIM_DDK_CFLAGS)))
endif

ifneq ($(NTSHIM_DRIVER),)
$(NTSHIM_DRIVER)-y += ntshim_glue.o
$(obj)/ntshim_glue.c: $(NTSHIM)/shim/ddk_glue.c FORCE
	$(call if_changed,copy)
targets += ntshim_glue.c
CFLAGS_ntshim_glue.o += -DNTSHIM_DRIVER_NAME='"$(NTSHIM_DRIVER)"'
endif
