/* SPDX-License-Identifier: GPL-2.0 */
/*
 * A driver's private header, as DDK code writes one: shared by the corpus
 * files after <ntddk.h>.  It defines, not just declares, a non-static
 * FORCEINLINE function and selectany data; the corpus links because
 * neither becomes a duplicate symbol.
 */
#ifndef _NTSHIM_DDK_CORPUS_PRIVATE_H
#define _NTSHIM_DDK_CORPUS_PRIVATE_H

#include "ddk_corpus.h"

#define CORPUS_TAG 'proC'

/* Return the line of the first failed check, as ddk_corpus.h says. */
#define CORPUS_CHECK(cond)                                                    \
	do {                                                                  \
		if (!(cond))                                                  \
			return __LINE__;                                      \
	} while (0)

/* Rotate left by 1..31 bits. */
FORCEINLINE ULONG CorpusRotateLeft(_In_ ULONG Value, _In_range_(1, 31) ULONG Bits)
{
	return (Value << Bits) | (Value >> (32 - Bits));
}

extern ULONG CorpusSelectAny;
__declspec(selectany) ULONG CorpusSelectAny = 0x5e1ec7;

#endif /* _NTSHIM_DDK_CORPUS_PRIVATE_H */
