// SPDX-License-Identifier: GPL-2.0
/*
 * A sampling profiler for one benchmark loop, for guests without a PMU
 * (QEMU TCG has none, so perf cannot sample there).  A pinned hard-irq
 * hrtimer on the loop's CPU records the interrupted instruction pointer
 * every BENCH_PROFILE_PERIOD_US (with high-resolution timers) while the
 * loop's task runs; the samples are then counted per function.
 *
 * How to read it under TCG: an interrupt is taken only between translated
 * blocks, so a sample names the block that runs after the time was spent,
 * often the instruction after a call (the callee's return and the lookup
 * of the next block) or the first one after interrupts were re-enabled.
 * Function totals are reliable; single addresses only hint.
 *
 * Under QEMU -icount (make bench's default) the period is counted in guest
 * instructions (one per nanosecond), and QEMU cuts translated blocks so
 * that the timer interrupt arrives at the instruction where its deadline
 * falls: a sample every BENCH_PROFILE_PERIOD_US * 1000 instructions (the
 * handler's own included), so the profile counts where the instructions
 * go, not where the emulator spends its time.
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

#define BENCH_PROFILE_PERIOD_US 20
#define BENCH_PROFILE_PERIOD                                                  \
	ns_to_ktime(BENCH_PROFILE_PERIOD_US * NSEC_PER_USEC)
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
static unsigned int bench_nr_other;	/* samples past MAX_FUNCS functions */
static struct task_struct *bench_task;	/* whose samples count */
static struct hrtimer bench_timer;

static enum hrtimer_restart bench_profile_tick(struct hrtimer *t)
{
	struct pt_regs *regs = get_irq_regs();

	/* only the loop's task: cond_resched() may let others run */
	if (regs && current == bench_task &&
	    bench_nr_samples < BENCH_PROFILE_MAX_SAMPLES)
		bench_samples[bench_nr_samples++] = instruction_pointer(regs);
	hrtimer_forward_now(t, BENCH_PROFILE_PERIOD);
	return HRTIMER_RESTART;
}

static int bench_cmp_ip(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a;
	unsigned long y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

static int bench_cmp_func(const void *a, const void *b)
{
	const struct bench_profile_func *x = a, *y = b;

	return x->samples < y->samples ? 1 : x->samples > y->samples ? -1 : 0;
}

/* The start of the function @ip is in (@ip itself if it has no symbol). */
static unsigned long bench_func_start(unsigned long ip)
{
	char name[KSYM_SYMBOL_LEN];
	unsigned long off;
	char *plus;

	sprint_symbol(name, ip);	/* "name+0xoff/0xsize [module]" */
	plus = strchr(name, '+');
	if (!plus)
		return ip;
	*strchrnul(plus, '/') = '\0';
	return kstrtoul(plus + 1, 0, &off) ? ip : ip - off;
}

/* Count the samples per function, most sampled first. */
static void bench_profile_count(void)
{
	unsigned int i, j, run;

	/* one symbol lookup per distinct address */
	sort(bench_samples, bench_nr_samples, sizeof(*bench_samples),
	     bench_cmp_ip, NULL);
	bench_nr_funcs = 0;
	bench_nr_other = 0;
	for (i = 0; i < bench_nr_samples; i += run) {
		unsigned long start = bench_func_start(bench_samples[i]);

		for (run = 1; i + run < bench_nr_samples &&
		     bench_samples[i + run] == bench_samples[i]; run++)
			;
		for (j = 0; j < bench_nr_funcs; j++)
			if (bench_funcs[j].start == start)
				break;
		if (j == bench_nr_funcs) {
			if (j == BENCH_PROFILE_MAX_FUNCS) {
				bench_nr_other += run;
				continue;
			}
			bench_funcs[bench_nr_funcs++].start = start;
		}
		bench_funcs[j].samples += run;
		cond_resched();
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

	bench_task = current;
	hrtimer_init(&bench_timer, CLOCK_MONOTONIC,
		     HRTIMER_MODE_REL_PINNED_HARD);
	bench_timer.function = bench_profile_tick;
	hrtimer_start(&bench_timer, BENCH_PROFILE_PERIOD,
		      HRTIMER_MODE_REL_PINNED_HARD);
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
 * One line per function: samples, share in percent, symbol; then what
 * did not fit, if anything.
 */
void bench_profile_show(struct seq_file *m)
{
	unsigned int i, total = max(bench_nr_samples, 1U);

	seq_printf(m, "%u samples, one per %u us\n", bench_nr_samples,
		   BENCH_PROFILE_PERIOD_US);
	for (i = 0; i < bench_nr_funcs; i++)
		seq_printf(m, "%8u %5u.%u%%  %ps\n", bench_funcs[i].samples,
			   bench_funcs[i].samples * 100 / total,
			   bench_funcs[i].samples * 1000 / total % 10,
			   (void *)bench_funcs[i].start);
	if (bench_nr_other)
		seq_printf(m, "%8u %5u.%u%%  (other functions)\n",
			   bench_nr_other, bench_nr_other * 100 / total,
			   bench_nr_other * 1000 / total % 10);
}
