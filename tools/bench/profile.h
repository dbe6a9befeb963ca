/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ntshim_bench's sampling profiler (profile.c): where the CPU spends the
 * time of one side of a row, by function.
 */
#ifndef _NTSHIM_BENCH_PROFILE_H
#define _NTSHIM_BENCH_PROFILE_H

#include <linux/seq_file.h>
#include <linux/types.h>

int bench_profile_run(void (*fn)(unsigned int n, size_t size),
		      unsigned int n, size_t size);
void bench_profile_show(struct seq_file *m);
void bench_profile_free(void);

#endif /* _NTSHIM_BENCH_PROFILE_H */
