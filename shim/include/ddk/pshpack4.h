/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <pshpack4.h>: pack the structures that follow to 4-byte alignment,
 * until <poppack.h>.  No include guard: each include pushes once.
 */
#pragma pack(push, 4)
