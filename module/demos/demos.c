// SPDX-License-Identifier: GPL-2.0
/*
 * ntshim_demos.ko: the demos' registry and debugfs files.  It is a client
 * of ntshim.ko like any ported driver.  /sys/kernel/debug/ntshim/demos/
 * holds one read-only file per demo (reading it runs the demo and returns
 * its output, ending in "status: <NTSTATUS name>") and "all", the list of
 * demos with a line each.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/cpumask.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/sched/task.h>
#include <linux/seq_file.h>

#include "demos.h"

/*
 * NTSHIM_DEMO_LIST comes from module/demos/Kbuild: D(pool) D(file_list) ... for
 * the demos that are built.
 */
#ifndef NTSHIM_DEMO_LIST
#define NTSHIM_DEMO_LIST
#endif

#define D(name) &ntshim_demo_##name,
static const struct ntshim_demo *const demos[] = { NTSHIM_DEMO_LIST };
#undef D

/*
 * Room for a demo's whole output: seq_file calls show again with a larger
 * buffer when the output does not fit, which would run the demo twice.
 */
#define DEMO_OUTPUT_SIZE (64 * 1024)

/* One demo at a time, so that counters a demo shows are its own. */
static DEFINE_MUTEX(demo_mutex);

static int demo_show(struct seq_file *m, void *v)
{
	const struct ntshim_demo *demo = m->private;
	NTSTATUS status;

	if (mutex_lock_interruptible(&demo_mutex))
		return -EINTR;
	seq_printf(m, "demo %s: %s\n", demo->name, demo->description);
	status = demo->run(m);
	mutex_unlock(&demo_mutex);

	/* The verdict is the last line; make check looks for it. */
	seq_printf(m, "status: %s\n", ntshim_status_name(status));
	return 0;
}

static int demo_open(struct inode *inode, struct file *file)
{
	return single_open_size(file, demo_show, inode->i_private,
				DEMO_OUTPUT_SIZE);
}

/* The demos take no parameters. */
static ssize_t demo_write(struct file *file, const char __user *buf,
			  size_t count, loff_t *ppos)
{
	return -EINVAL;
}

static const struct file_operations demo_fops = {
	.owner = THIS_MODULE,
	.open = demo_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.write = demo_write,
	.release = single_release,
};

static int demo_thread_main(void *data)
{
	struct ntshim_demo_thread *t = data;

	wait_for_completion(t->go);
	t->ret = t->fn(t);
	complete(&t->done);
	return 0;
}

NTSTATUS ntshim_demo_run_threads(struct seq_file *m,
				 struct ntshim_demo_thread *t, int n)
{
	DECLARE_COMPLETION_ONSTACK(go);
	int i, cpu = -1;

	for (i = 0; i < n; i++) {
		cpu = cpumask_next(cpu, cpu_online_mask);
		if (cpu >= nr_cpu_ids)
			cpu = cpumask_first(cpu_online_mask);
		t[i].id = i;
		t[i].cpu = cpu;
		t[i].go = &go;
		init_completion(&t[i].done);
		t[i].task = kthread_create(demo_thread_main, &t[i],
					   "ntshim-demo/%d", i);
		if (IS_ERR(t[i].task)) {
			/* Never woken, the others stop without running. */
			while (--i >= 0) {
				kthread_stop(t[i].task);
				put_task_struct(t[i].task);
			}
			return STATUS_INSUFFICIENT_RESOURCES;
		}
		/* Held so that kthread_stop() may follow the thread's exit. */
		get_task_struct(t[i].task);
		kthread_bind(t[i].task, cpu);
	}

	seq_puts(m, "threads:");
	for (i = 0; i < n; i++) {
		seq_printf(m, " %d@cpu%d", i, t[i].cpu);
		wake_up_process(t[i].task);
	}
	seq_printf(m, " (%u CPUs online)\n", num_online_cpus());
	complete_all(&go);

	for (i = 0; i < n; i++) {
		wait_for_completion(&t[i].done);
		kthread_stop(t[i].task);
		put_task_struct(t[i].task);
	}
	return STATUS_SUCCESS;
}

static int all_show(struct seq_file *m, void *v)
{
	size_t i;

	seq_puts(m, "Each file here runs a classic DDK example when read:\n");
	for (i = 0; i < ARRAY_SIZE(demos); i++)
		seq_printf(m, "%-16s %s\n", demos[i]->name,
			   demos[i]->description);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(all);

static struct dentry *demos_dir;

static int __init ntshim_demos_init(void)
{
	/* Beside ntshim.ko's own files, where users have always found them. */
	struct dentry *root = debugfs_lookup("ntshim", NULL);
	size_t i;

	if (IS_ERR_OR_NULL(root))
		return -ENOENT;
	ntshim_demo_process_context_load();
	demos_dir = debugfs_create_dir("demos", root);
	dput(root);
	debugfs_create_file("all", 0444, demos_dir, NULL, &all_fops);
	for (i = 0; i < ARRAY_SIZE(demos); i++)
		debugfs_create_file(demos[i]->name, 0444, demos_dir,
				    (void *)demos[i], &demo_fops);
	return 0;
}

static void __exit ntshim_demos_exit(void)
{
	/* Waits for running demos; demos keep no state between runs. */
	debugfs_remove_recursive(demos_dir);
}

module_init(ntshim_demos_init);
module_exit(ntshim_demos_exit);

MODULE_DESCRIPTION("The classic DDK examples on ntshim, run from debugfs");
MODULE_LICENSE("GPL");
