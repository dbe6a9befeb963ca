# SPDX-License-Identifier: GPL-2.0
#
# ntshim: build against a kernel tree, test in a VM, install.
#
#   make                 build module/ntshim.ko (and kunit/ntshim_test.ko
#                        when the kernel has KUnit) for KDIR
#   make check           build everything, boot the debug test VM, run KUnit,
#                        the demos and the example driver; fail on any splat
#   make demo            boot the test VM and show every demo's output
#   make vm MODULES="a.ko" CMD="..."   boot the debug VM with your modules
#   make check-harness   prove that make check catches each kind of failure

KDIR ?= /lib/modules/$(shell uname -r)/build
PWD := $(CURDIR)

all: modules

modules:
	$(MAKE) -C $(KDIR) M=$(PWD) modules

clean:
	$(MAKE) -C $(KDIR) M=$(PWD) clean

check:
	tools/vm/check.sh

demo:
	tools/vm/demo.sh

# Prove that make check's judgement fails on a failing KUnit case, a
# WARN_ON, a leak and a KASAN report (boots the VM five times).
check-harness:
	tools/vm/selftest.sh

vm:
	tools/vm/vm.sh -m "$(MODULES)" -c "$(or $(CMD),true)"

distclean:
	rm -rf build

.PHONY: all modules clean check check-harness demo vm distclean
