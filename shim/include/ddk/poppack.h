/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <poppack.h>: end the packing a <pshpackN.h> started.  No include guard:
 * each include pops once.
 */
#pragma pack(pop)
