// SPDX-License-Identifier: GPL-2.0
/*
 * Violation reports: per-CPU counters summed when read, plus a short
 * history of the latest reports for /sys/kernel/debug/ntshim/violations.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/seq_file.h>
#include <linux/spinlock.h>
#include <linux/timekeeping.h>
#include <ntshim/tag.h>
#include <ntshim/violation.h>

#include "internal.h"

#define NTSHIM_VIOLATION_NAME(id, name) [NTSHIM_V_##id] = name,
static const char *const violation_names[NTSHIM_VIOLATION_NR] = {
	NTSHIM_VIOLATIONS(NTSHIM_VIOLATION_NAME)
};
#undef NTSHIM_VIOLATION_NAME

static DEFINE_PER_CPU(unsigned long, violation_counts[NTSHIM_VIOLATION_NR]);

/*
 * The run-time switch of the debug checks inline in the public headers
 * (see <ntshim/violation.h>): ntshim's build sets the default, the
 * parameter debug_checks changes it, at load or later.
 */
DEFINE_STATIC_KEY_FALSE(ntshim_debug_checks);
EXPORT_SYMBOL_GPL(ntshim_debug_checks);

static bool debug_checks = IS_ENABLED(CONFIG_NTSHIM_DEBUG);
static bool debug_checks_live;	/* after init: the parameter moves the key */
static DEFINE_MUTEX(debug_checks_mutex);

static void debug_checks_apply(void)
{
	if (debug_checks)
		static_branch_enable(&ntshim_debug_checks);
	else
		static_branch_disable(&ntshim_debug_checks);
}

static int debug_checks_set(const char *val, const struct kernel_param *kp)
{
	int err;

	mutex_lock(&debug_checks_mutex);
	err = param_set_bool(val, kp);
	if (!err && debug_checks_live)
		debug_checks_apply();
	mutex_unlock(&debug_checks_mutex);
	return err;
}

static const struct kernel_param_ops debug_checks_ops = {
	.set = debug_checks_set,
	.get = param_get_bool,
};
module_param_cb(debug_checks, &debug_checks_ops, &debug_checks, 0644);
MODULE_PARM_DESC(debug_checks,
		 "run the debug misuse checks inline in clients (default: on in CONFIG_NTSHIM_DEBUG builds)");

#define HISTORY_LEN 16
#define DETAIL_LEN 96

struct violation_record {
	u64 time_ns;
	enum ntshim_violation_kind kind;
	ULONG tag;
	const void *addr;
	unsigned long caller;
	char detail[DETAIL_LEN];
};

/* Violations are rare, so one lock around the history is fine. */
static DEFINE_RAW_SPINLOCK(history_lock);
static struct violation_record history[HISTORY_LEN];
static unsigned int history_next;	/* total records ever written */

const char *ntshim_violation_name(enum ntshim_violation_kind kind)
{
	if ((unsigned int)kind >= NTSHIM_VIOLATION_NR)
		return "unknown";
	return violation_names[kind];
}
EXPORT_SYMBOL_GPL(ntshim_violation_name);

void ntshim_violation(enum ntshim_violation_kind kind, ULONG tag,
		      const void *addr, unsigned long caller,
		      const char *fmt, ...)
{
	struct violation_record *rec;
	char tagbuf[NTSHIM_TAG_STR_LEN];
	char detail[DETAIL_LEN];
	unsigned long flags;
	va_list args;

	if ((unsigned int)kind >= NTSHIM_VIOLATION_NR)
		kind = 0;
	this_cpu_inc(violation_counts[kind]);

	va_start(args, fmt);
	vscnprintf(detail, sizeof(detail), fmt, args);
	va_end(args);

	raw_spin_lock_irqsave(&history_lock, flags);
	rec = &history[history_next++ % HISTORY_LEN];
	rec->time_ns = ktime_get_ns();
	rec->kind = kind;
	rec->tag = tag;
	rec->addr = addr;
	rec->caller = caller;
	strscpy(rec->detail, detail, sizeof(rec->detail));
	raw_spin_unlock_irqrestore(&history_lock, flags);

	/*
	 * %px: the raw address is what a developer matches against
	 * pool_outstanding and a crash dump; debugfs is root-only anyway.
	 */
	pr_err_ratelimited("violation %s: tag '%s' addr %px caller %pS: %s\n",
			   violation_names[kind], ntshim_tag_str(tag, tagbuf),
			   addr, (void *)caller, detail);
}
EXPORT_SYMBOL_GPL(ntshim_violation);

u64 ntshim_violation_count(enum ntshim_violation_kind kind)
{
	u64 sum = 0;
	int cpu;

	if ((unsigned int)kind >= NTSHIM_VIOLATION_NR)
		return 0;
	for_each_possible_cpu(cpu)
		sum += per_cpu(violation_counts[kind], cpu);
	return sum;
}
EXPORT_SYMBOL_GPL(ntshim_violation_count);

bool ntshim_violation_last(enum ntshim_violation_kind kind, ULONG *tag,
			   unsigned long *caller)
{
	unsigned int i, first;
	unsigned long flags;
	bool found = false;

	raw_spin_lock_irqsave(&history_lock, flags);
	first = history_next > HISTORY_LEN ? history_next - HISTORY_LEN : 0;
	for (i = history_next; i-- > first;) {
		struct violation_record *rec = &history[i % HISTORY_LEN];

		if (rec->kind != kind)
			continue;
		*tag = rec->tag;
		*caller = rec->caller;
		found = true;
		break;
	}
	raw_spin_unlock_irqrestore(&history_lock, flags);
	return found;
}
EXPORT_SYMBOL_GPL(ntshim_violation_last);

static int violations_show(struct seq_file *m, void *v)
{
	struct violation_record *snap;
	char tagbuf[NTSHIM_TAG_STR_LEN];
	unsigned int next, i, first;
	unsigned long flags;
	int kind;

	seq_puts(m, "kind count\n");
	for (kind = 0; kind < NTSHIM_VIOLATION_NR; kind++)
		seq_printf(m, "%s %llu\n", violation_names[kind],
			   ntshim_violation_count(kind));

	snap = kmalloc_array(HISTORY_LEN, sizeof(*snap), GFP_KERNEL);
	if (!snap)
		return -ENOMEM;
	raw_spin_lock_irqsave(&history_lock, flags);
	memcpy(snap, history, sizeof(history));
	next = history_next;
	raw_spin_unlock_irqrestore(&history_lock, flags);

	seq_puts(m, "\nlast reports (oldest first): time_ns kind tag addr caller detail\n");
	first = next > HISTORY_LEN ? next - HISTORY_LEN : 0;
	for (i = first; i < next; i++) {
		struct violation_record *rec = &snap[i % HISTORY_LEN];

		seq_printf(m, "%llu %s '%s' %px %pS %s\n", rec->time_ns,
			   violation_names[rec->kind],
			   ntshim_tag_str(rec->tag, tagbuf), rec->addr,
			   (void *)rec->caller, rec->detail);
	}
	kfree(snap);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(violations);

void ntshim_violation_init(struct dentry *root)
{
	mutex_lock(&debug_checks_mutex);
	debug_checks_live = true;
	debug_checks_apply();
	mutex_unlock(&debug_checks_mutex);
	debugfs_create_file("violations", 0400, root, NULL, &violations_fops);
}
