// SPDX-License-Identifier: GPL-2.0
/*
 * The Linux side of the example driver, kept apart from its DDK code
 * (example_driver.c): /sys/kernel/debug/ntshim_example/records lists the
 * records ("<id> <name>" per line) and takes one command per write:
 *   add <name>   name: 1-32 printable characters, no spaces
 *   del <id>
 *   clear
 * Anything else is rejected with -EINVAL.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ctype.h>
#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/uaccess.h>

#include "example.h"

#define EXAMPLE_COMMAND_MAX (4 + EXAMPLE_NAME_MAX + 1)

static struct dentry *example_dir;

static void records_emit(void *ctx, unsigned int id, const char *name)
{
	seq_printf(ctx, "%u %s\n", id, name);
}

static int records_show(struct seq_file *m, void *v)
{
	example_show(records_emit, m);
	return 0;
}

static int records_open(struct inode *inode, struct file *file)
{
	return single_open(file, records_show, NULL);
}

static bool valid_name(const char *name, size_t len)
{
	size_t i;

	if (len < 1 || len > EXAMPLE_NAME_MAX)
		return false;
	for (i = 0; i < len; i++)
		if (!isgraph(name[i]))
			return false;
	return true;
}

static ssize_t records_write(struct file *file, const char __user *ubuf,
			     size_t count, loff_t *ppos)
{
	char cmd[EXAMPLE_COMMAND_MAX + 1];
	size_t len;
	int err;
	u32 id;

	if (count == 0 || count > EXAMPLE_COMMAND_MAX)
		return -EINVAL;
	if (copy_from_user(cmd, ubuf, count))
		return -EFAULT;
	len = count;
	if (cmd[len - 1] == '\n')
		len--;
	cmd[len] = '\0';
	if (strlen(cmd) != len)
		return -EINVAL;		/* an embedded NUL */

	if (len > 4 && !strncmp(cmd, "add ", 4) &&
	    valid_name(cmd + 4, len - 4)) {
		err = example_add(cmd + 4, len - 4);
	} else if (len > 4 && !strncmp(cmd, "del ", 4) &&
		   !kstrtou32(cmd + 4, 10, &id)) {
		err = example_del(id);
	} else if (!strcmp(cmd, "clear")) {
		example_clear();
		err = 0;
	} else {
		return -EINVAL;
	}
	return err ? err : count;
}

static const struct file_operations records_fops = {
	.owner = THIS_MODULE,
	.open = records_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.write = records_write,
	.release = single_release,
};

int example_debugfs_create(void)
{
	example_dir = debugfs_create_dir("ntshim_example", NULL);
	if (IS_ERR(example_dir))
		return PTR_ERR(example_dir);
	debugfs_create_file("records", 0644, example_dir, NULL, &records_fops);
	return 0;
}

void example_debugfs_remove(void)
{
	debugfs_remove_recursive(example_dir);
}
