# SPDX-License-Identifier: GPL-2.0
#
# Include from a client module's Kbuild to build DDK code against ntshim:
#
#   NTSHIM ?= /path/to/ntshim
#   include $(NTSHIM)/shim/ntshim.mk
#
# and build with KBUILD_EXTRA_SYMBOLS=$(NTSHIM)/Module.symvers so modpost
# resolves the ntshim runtime symbols.
#
# -Wno-multichar: DDK code spells pool tags as 'gaTM'; see ntshim/tag.h.
# -Wno-clobbered: __try is built on a returns_twice setjmp; GCC keeps every
# value live across such a call in memory (its documented contract for
# returns_twice), so W=1's -Wclobbered heuristic, which runs before
# register allocation, only reports false alarms in functions with __try.
ccflags-y += -I$(NTSHIM)/shim/include -Wno-multichar -Wno-clobbered
