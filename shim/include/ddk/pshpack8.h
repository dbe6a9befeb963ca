/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <pshpack8.h>: pack the structures that follow to 8-byte alignment,
 * until <poppack.h>.  No include guard: each include pushes once.
 */
#pragma pack(push, 8)
