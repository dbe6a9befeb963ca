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
# -Wno-clobbered: __try resumes through a setjmp, so locals a __try body
# modifies and reads after an exception must be volatile (<ntshim/seh.h>).
# W=1's -Wclobbered heuristic would flag nearly every function with a
# __try, mostly wrongly, and misses real cases: the rule is documented.
ccflags-y += -I$(NTSHIM)/shim/include -Wno-multichar -Wno-clobbered
