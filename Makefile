# SPDX-License-Identifier: GPL-2.0
#
# ntshim: build against a kernel tree, test in a VM, install.
#
#   make                 build ntshim.ko, module/demos/ntshim_demos.ko (and
#                        kunit/ntshim_test.ko
#                        when the kernel has KUnit) for KDIR
#   make check           build everything, boot the debug test VM, run KUnit,
#                        the demos and the example driver; fail on any splat
#   make demo            boot the test VM and show every demo's output
#   make vm MODULES="a.ko" CMD="..."   boot the debug VM with your modules
#   make check-harness   prove that make check catches each kind of failure
#   make bench           boot a non-debug VM and print what each shim call
#                        costs over its raw Linux primitive (build/bench.csv)
#   make tools           build tools/ntpoolmon
#   make lint            checkpatch --strict, sparse, kernel-doc, project rules
#   make compat          compile-check against Debian's 6.1 and 6.12 headers
#                        and the debug kernel, W=1, no warning allowed
#   make intree          graft into the kernel tree, run kunit.py (x86_64)
#   make install         modules_install (INSTALL_MOD_DIR=extra) + depmod,
#                        ntpoolmon and its man page, Module.symvers for
#                        client modules; make uninstall undoes it
#   make install-headers the public headers and ntshim.mk for client modules
#   make dkms-install    register with DKMS (rebuilds on kernel upgrades);
#                        make dkms-uninstall removes it
# See docs/install.md.  KDIR picks the kernel; DESTDIR and PREFIX stage and
# place the installed files.

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

# Benchmarks (never part of make check): see docs/bench.md.
bench:
	tools/bench/run.sh

vm:
	tools/vm/vm.sh -m "$(MODULES)" -c "$(or $(CMD),true)"

distclean:
	rm -rf build

# ---- tools, lint, compat, in-tree ------------------------------------------

tools:
	$(MAKE) -C tools/ntpoolmon

tools-test:
	$(MAKE) -C tools/ntpoolmon test

lint:
	tools/lint.sh

compat:
	tools/compat.sh

intree:
	tools/intree/graft.sh

# ---- install -------------------------------------------------------------------

PREFIX ?= /usr/local
INCLUDEDIR ?= $(PREFIX)/include
DATADIR ?= $(PREFIX)/share/ntshim
NTSHIM_VERSION := $(shell sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' dkms.conf)
# The release the kernel reports (uname -r), which is what /lib/modules uses;
# Debian's headers have a different include/config/kernel.release.
KREL = $(shell sed -n 's/^\#define UTS_RELEASE "\(.*\)"/\1/p' \
	$(KDIR)/include/generated/utsrelease.h)
MODDIR = $(INSTALL_MOD_PATH)/lib/modules/$(KREL)/extra

install: modules tools
	@test -n "$(KREL)" || { echo "ntshim: no kernel at KDIR=$(KDIR)"; exit 1; }
	$(MAKE) -C $(KDIR) M=$(PWD) KERNELRELEASE=$(KREL) INSTALL_MOD_DIR=extra modules_install
	$(if $(INSTALL_MOD_PATH),@echo "ntshim: staged; run 'depmod $(KREL)' on the target",depmod $(KREL))
	install -D -m 0644 Module.symvers $(DESTDIR)$(DATADIR)/$(KREL)/Module.symvers
	$(MAKE) -C tools/ntpoolmon install DESTDIR=$(DESTDIR) PREFIX=$(PREFIX)

uninstall:
	@test -n "$(KREL)" || { echo "ntshim: no kernel at KDIR=$(KDIR)"; exit 1; }
	rm -f $(MODDIR)/ntshim.ko* $(MODDIR)/module/demos/ntshim_demos.ko* \
		$(MODDIR)/kunit/ntshim_test.ko*
	-rmdir $(MODDIR)/module/demos $(MODDIR)/module $(MODDIR)/kunit 2>/dev/null
	$(if $(INSTALL_MOD_PATH),,depmod $(KREL))
	rm -rf $(DESTDIR)$(DATADIR)/$(KREL)
	$(MAKE) -C tools/ntpoolmon uninstall DESTDIR=$(DESTDIR) PREFIX=$(PREFIX)

# Client modules: #include <ntddk.h> and, in their Kbuild,
# include $(DATADIR)/ntshim.mk (which also points modpost at the
# Module.symvers that make install put under $(DATADIR)/<release>/).
install-headers:
	install -d $(DESTDIR)$(INCLUDEDIR)/ntshim $(DESTDIR)$(INCLUDEDIR)/ntshim-ddk $(DESTDIR)$(DATADIR)
	install -m 0644 shim/include/ntshim/*.h $(DESTDIR)$(INCLUDEDIR)/ntshim/
	install -m 0644 shim/include/ddk/*.h $(DESTDIR)$(INCLUDEDIR)/ntshim-ddk/
	install -m 0644 shim/ddk_glue.c $(DESTDIR)$(DATADIR)/ddk_glue.c
	{ echo '# SPDX-License-Identifier: GPL-2.0'; \
	  echo '# Installed by ntshim $(NTSHIM_VERSION): include from a client module'"'"'s Kbuild.'; \
	  echo 'ccflags-y += -I$(INCLUDEDIR)/ntshim-ddk -I$(INCLUDEDIR) -Wno-multichar \\'; \
	  echo '	-Wno-unknown-pragmas -Wno-strict-prototypes -Wno-old-style-definition \\'; \
	  echo '	-Wno-missing-prototypes \\'; \
	  echo '	-Wno-missing-declarations -fms-extensions -Wno-implicit-fallthrough -Wno-clobbered'; \
	  echo 'KBUILD_EXTRA_SYMBOLS += $(DATADIR)/$$(KERNELRELEASE)/Module.symvers'; \
	} > $(DESTDIR)$(DATADIR)/ntshim.mk
	chmod 0644 $(DESTDIR)$(DATADIR)/ntshim.mk

uninstall-headers:
	rm -f $(addprefix $(DESTDIR)$(INCLUDEDIR)/ntshim/,$(notdir $(wildcard shim/include/ntshim/*.h)))
	rm -f $(addprefix $(DESTDIR)$(INCLUDEDIR)/ntshim-ddk/,$(notdir $(wildcard shim/include/ddk/*.h)))
	rm -f $(DESTDIR)$(DATADIR)/ddk_glue.c
	-rmdir $(DESTDIR)$(INCLUDEDIR)/ntshim $(DESTDIR)$(INCLUDEDIR)/ntshim-ddk
	rm -f $(DESTDIR)$(DATADIR)/ntshim.mk

DKMS_SRC = /usr/src/ntshim-$(NTSHIM_VERSION)

# DKMS builds for KREL (KDIR's kernel); later kernels get it automatically.
dkms-install:
	@test -n "$(KREL)" || { echo "ntshim: no kernel at KDIR=$(KDIR)"; exit 1; }
	rm -rf $(DKMS_SRC)
	mkdir -p $(DKMS_SRC)
	tar -C $(PWD) -c --exclude=./build --exclude=./.git --exclude='*.o' \
		--exclude='*.ko' --exclude='.*.cmd' --exclude='*.mod*' \
		--exclude=Module.symvers --exclude=modules.order \
		--exclude=./tools/ntpoolmon/ntpoolmon . | tar -C $(DKMS_SRC) -x
	dkms add -m ntshim -v $(NTSHIM_VERSION)
	dkms build -m ntshim -v $(NTSHIM_VERSION) -k $(KREL)
	dkms install -m ntshim -v $(NTSHIM_VERSION) -k $(KREL)

dkms-uninstall:
	-dkms remove -m ntshim -v $(NTSHIM_VERSION) --all
	rm -rf $(DKMS_SRC)

.PHONY: tools tools-test lint compat intree install uninstall install-headers \
	uninstall-headers dkms-install dkms-uninstall
.PHONY: all modules clean check check-harness demo bench vm distclean
