// SPDX-License-Identifier: GPL-2.0
/*
 * A sampling profiler for one benchmark loop, for guests without a PMU
 * (QEMU TCG has none, so perf cannot sample there).  A pinned hrtimer on
 * the loop's CPU records the interrupted instruction pointer every
 * BENCH_PROFILE_PERIOD_NS while the loop runs; the samples are then
 * counted per function.
 *
 * How to read it under TCG: an interrupt is taken only between translated
 * blocks, so a sample names the block that runs after the time was spent,
 * often the instruction after a call (the callee's return and the lookup
 * of the next block) or the first one after interrupts were re-enabled.
 * Function totals are reliable; single addresses only hint.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/hrtimer.h>
#include <linux/kallsyms.h>
#include <linux/ktime.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/vmalloc.h>
#include <asm/irq_regs.h>

#include "profile.h"

#define BENCH_PROFILE_PERIOD_NS (20 * NSEC_PER_USEC)
#define BENCH_PROFILE_NS (4 * NSEC_PER_SEC)
#define BENCH_PROFILE_MAX_SAMPLES 250000
#define BENCH_PROFILE_MAX_FUNCS 512

struct bench_profile_func {
	unsigned long start;	/* symbol address, the sort key */
	unsigned int samples;
};

static unsigned long *bench_samples;
static unsigned int bench_nr_samples;
static struct bench_profile_func *bench_funcs;
static unsigned int bench_nr_funcs;
static struct hrtimer bench_timer;

static enum hrtimer_restart bench_profile_tick(struct hrtimer *t)
{
	struct pt_regs *regs = get_irq_regs();

	if (regs && bench_nr_samples < BENCH_PROFILE_MAX_SAMPLES)
		bench_samples[bench_nr_samples++] = instruction_pointer(regs);
	hrtimer_forward_now(t, ns_to_ktime(BENCH_PROFILE_PERIOD_NS));
	return HRTIMER_RESTART;
}

static int bench_cmp_func(const void *a, const void *b)
{
	const struct bench_profile_func *x = a, *y = b;

	return x->samples < y->samples ? 1 : x->samples > y->samples ? -1 : 0;
}

/* Count the samples per function, most sampled first. */
static void bench_profile_count(void)
{
	char name[KSYM_SYMBOL_LEN];
	unsigned int i, j;

	bench_nr_funcs = 0;
	for (i = 0; i < bench_nr_samples; i++) {
		/* the symbol's start: its address minus the offset */
		unsigned long ip = bench_samples[i], start = ip;
		char *plus;

		sprint_symbol(name, ip);
		plus = strchr(name, '+');
		if (plus) {
			unsigned long off;

			*strchrnul(plus, '/') = '\0';
			if (!kstrtoul(plus + 1, 0, &off))
				start = ip - off;
		}
		for (j = 0; j < bench_nr_funcs; j++)
			if (bench_funcs[j].start == start)
				break;
		if (j == bench_nr_funcs) {
			if (j == BENCH_PROFILE_MAX_FUNCS)
				continue;
			bench_funcs[bench_nr_funcs++].start = start;
		}
		bench_funcs[j].samples++;
	}
	sort(bench_funcs, bench_nr_funcs, sizeof(*bench_funcs),
	     bench_cmp_func, NULL);
}

void bench_profile_free(void)
{
	vfree(bench_samples);
	bench_samples = NULL;
	kfree(bench_funcs);
	bench_funcs = NULL;
	bench_nr_samples = 0;
	bench_nr_funcs = 0;
}

/**
 * bench_profile_run() - sample @fn's loop for BENCH_PROFILE_NS
 * @fn:   the loop, run in batches of @n
 * @n:    operations per batch
 * @size: passed to @fn
 *
 * Call on the CPU to profile, from a task bound to it.
 *
 * Return: 0, or -ENOMEM.
 */
int bench_profile_run(void (*fn)(unsigned int n, size_t size),
		      unsigned int n, size_t size)
{
	u64 t0;

	bench_profile_free();
	bench_samples = vmalloc_array(BENCH_PROFILE_MAX_SAMPLES,
				      sizeof(*bench_samples));
	bench_funcs = kcalloc(BENCH_PROFILE_MAX_FUNCS, sizeof(*bench_funcs),
			      GFP_KERNEL);
	if (!bench_samples || !bench_funcs) {
		bench_profile_free();
		return -ENOMEM;
	}

	hrtimer_init(&bench_timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED);
	bench_timer.function = bench_profile_tick;
	hrtimer_start(&bench_timer, ns_to_ktime(BENCH_PROFILE_PERIOD_NS),
		      HRTIMER_MODE_REL_PINNED);
	t0 = ktime_get_ns();
	while (ktime_get_ns() - t0 < BENCH_PROFILE_NS) {
		fn(n, size);
		cond_resched();
	}
	hrtimer_cancel(&bench_timer);
	bench_profile_count();
	return 0;
}

/**
 * bench_profile_show() - print the last profile
 * @m: where to
 *
 * One line per function: samples, share in per mille, symbol.
 */
void bench_profile_show(struct seq_file *m)
{
	unsigned int i, total = max(bench_nr_samples, 1U);

	seq_printf(m, "%u samples, one per %llu us\n", bench_nr_samples,
		   BENCH_PROFILE_PERIOD_NS / NSEC_PER_USEC);
	for (i = 0; i < bench_nr_funcs; i++)
		seq_printf(m, "%8u %5u.%u%%  %ps\n", bench_funcs[i].samples,
			   bench_funcs[i].samples * 100 / total,
			   bench_funcs[i].samples * 1000 / total % 10,
			   (void *)bench_funcs[i].start);
}
