/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <pshpack1.h>: pack the structures that follow to 1-byte alignment,
 * until <poppack.h>.  No include guard: each include pushes once.
 */
#pragma pack(push, 1)
