/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Pool tags.  DDK code writes tags as multi-character literals ('gaTM');
 * GCC evaluates them big-endian, so the bytes sit in memory reversed and
 * poolmon prints 'gaTM' as "MTag".  ntshim prints them the same way.
 *
 * Multi-character literals draw -Wmultichar from GCC.  ntshim's own Kbuild
 * and shim/ntshim.mk (for client modules) pass -Wno-multichar; code that
 * would rather not can spell the tag NTSHIM_TAG('M', 'T', 'a', 'g').
 */
#ifndef _NTSHIM_TAG_H
#define _NTSHIM_TAG_H

#include <ntshim/types.h>

/**
 * NTSHIM_TAG() - build a pool tag from its four characters in print order
 * @a: first character poolmon prints
 * @b: second character
 * @c: third character
 * @d: fourth character
 *
 * NTSHIM_TAG('M', 'T', 'a', 'g') == 'gaTM'.
 */
#define NTSHIM_TAG(a, b, c, d)                                                \
	((ULONG)(UCHAR)(a) | ((ULONG)(UCHAR)(b) << 8) |                       \
	 ((ULONG)(UCHAR)(c) << 16) | ((ULONG)(UCHAR)(d) << 24))

/* Windows marks "protected" tags with the top bit; it never names a tag. */
#define PROTECTED_POOL 0x80000000UL

/* Room for a printed tag: four characters and the NUL. */
#define NTSHIM_TAG_STR_LEN 5

/**
 * ntshim_tag_str() - print a tag the way poolmon does
 * @tag: the tag (the protected bit is ignored)
 * @buf: at least NTSHIM_TAG_STR_LEN bytes
 *
 * Bytes are printed in memory order; bytes outside printable ASCII show
 * as '.', so a tag never breaks a debugfs table.
 *
 * Return: @buf.
 */
static inline char *ntshim_tag_str(ULONG tag, char *buf)
{
	int i;

	tag &= ~PROTECTED_POOL;
	for (i = 0; i < 4; i++) {
		char c = (tag >> (8 * i)) & 0xff;

		buf[i] = (c >= 0x20 && c < 0x7f) ? c : '.';
	}
	buf[4] = '\0';
	return buf;
}

#endif /* _NTSHIM_TAG_H */
