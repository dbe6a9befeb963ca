/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The debugfs demos: classic DDK examples that run when their file in
 * /sys/kernel/debug/ntshim/demos/ is read.  Each demo lives in its own
 * file as a struct ntshim_demo named ntshim_demo_<name>; module/Kbuild
 * lists the ones that are built (ntshim-demos) and demos.c registers
 * exactly those.
 */
#ifndef _NTSHIM_DEMOS_H
#define _NTSHIM_DEMOS_H

#include <linux/completion.h>
#include <linux/seq_file.h>
#include <ntshim/ntddk.h>

/**
 * struct ntshim_demo - one demo
 * @name:        its file name under demos/
 * @description: one line for demos/all
 * @run:         runs the demo, writing what it does to @m, and returns
 *               STATUS_SUCCESS or the status that made it fail.  It must
 *               leave nothing allocated and finish within about 2 s.
 */
struct ntshim_demo {
	const char *name;
	const char *description;
	NTSTATUS (*run)(struct seq_file *m);
};

/**
 * DemoPrint() - show a line in the demo's output and trace it with KdPrint
 * @m:   the demo's seq_file
 * @fmt: printf format, then its arguments
 *
 * The output is what a reader of the demo file sees; the KdPrint copy is
 * the trace a Windows driver would leave in the debugger (dmesg here).
 */
#define DemoPrint(m, fmt, ...)                                                \
	do {                                                                  \
		seq_printf(m, fmt, ##__VA_ARGS__);                            \
		KdPrint(("ntshim demo: " fmt, ##__VA_ARGS__));                \
	} while (0)

/**
 * struct ntshim_demo_thread - one kthread of a multi-CPU demo
 * @fn:   the work, run once; its return value lands in @ret
 * @ctx:  the demo's shared state
 * @id:   0 .. n-1
 * @cpu:  the CPU the thread is bound to
 * @ret:  @fn's return value
 * @task: the kthread (ntshim_demo_run_threads() only)
 * @go:   completed when all threads exist (ntshim_demo_run_threads() only)
 * @done: completed when @fn returned (ntshim_demo_run_threads() only)
 */
struct ntshim_demo_thread {
	NTSTATUS (*fn)(struct ntshim_demo_thread *t);
	void *ctx;
	int id;
	int cpu;
	NTSTATUS ret;
	struct task_struct *task;
	struct completion *go;
	struct completion done;
};

/**
 * ntshim_demo_run_threads() - run @n kthreads spread over the online CPUs
 * @m: the demo's seq_file (the placement is printed there)
 * @t: the threads, with @fn, @ctx set
 * @n: how many
 *
 * Thread i is bound to the i-th online CPU (round robin); all start
 * together once every one exists, and the call returns when all have
 * finished.  Must be called at PASSIVE_LEVEL.
 *
 * Return: STATUS_SUCCESS, or STATUS_INSUFFICIENT_RESOURCES when a thread
 * could not be created (then none ran).
 */
NTSTATUS ntshim_demo_run_threads(struct seq_file *m,
				 struct ntshim_demo_thread *t, int n);

/* Every demo there is; module/Kbuild decides which are built. */
extern const struct ntshim_demo ntshim_demo_pool;
extern const struct ntshim_demo ntshim_demo_file_list;
extern const struct ntshim_demo ntshim_demo_linked_list;
extern const struct ntshim_demo ntshim_demo_lookaside;
extern const struct ntshim_demo ntshim_demo_spinlock;
extern const struct ntshim_demo ntshim_demo_interlocked_list;
extern const struct ntshim_demo ntshim_demo_queued_spinlock;
extern const struct ntshim_demo ntshim_demo_large_integer;
extern const struct ntshim_demo ntshim_demo_rtl_memory;
extern const struct ntshim_demo ntshim_demo_mdl;
extern const struct ntshim_demo ntshim_demo_probe;
extern const struct ntshim_demo ntshim_demo_events;
extern const struct ntshim_demo ntshim_demo_dpc_timer;
extern const struct ntshim_demo ntshim_demo_seh;
extern const struct ntshim_demo ntshim_demo_process_context;

/**
 * ntshim_demo_process_context_load() - note the context of module load
 *
 * Called once from the demos module's init, for process_context.
 */
void ntshim_demo_process_context_load(void);

#endif /* _NTSHIM_DEMOS_H */
