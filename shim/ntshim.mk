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
ccflags-y += -I$(NTSHIM)/shim/include -Wno-multichar
