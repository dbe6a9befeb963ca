/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The entry points of the DDK compile corpus (the files in kunit/ddk/) that the
 * ntshim_ddk KUnit suite (kunit/ddk_test.c) calls.  Plain C types only:
 * the corpus files are DDK code and the suite is Linux code, and both
 * include this.
 *
 * Each ddk_corpus_<family>() runs its file's checks and returns 0, or the
 * source line of the first check that failed.
 */
#ifndef _NTSHIM_DDK_CORPUS_H
#define _NTSHIM_DDK_CORPUS_H

int ddk_corpus_sal(void);
int ddk_corpus_sal1(void);
int ddk_corpus_msvc(void);
int ddk_corpus_hygiene(void);
int ddk_corpus_objects(void);

/* The same header-defined FORCEINLINE and selectany data, from two files */
unsigned int ddk_corpus_inline_a(unsigned int value);
unsigned int ddk_corpus_inline_b(unsigned int value);
const void *ddk_corpus_selectany_a(void);
const void *ddk_corpus_selectany_b(void);

#endif /* _NTSHIM_DDK_CORPUS_H */
