// SPDX-License-Identifier: GPL-2.0
/*
 * Driver Verifier's pool options, switched on at run time.
 *
 * The default tier is lean: a pool block carries a header with its tag
 * row, size and a keyed magic, and free checks that magic before it trusts
 * the block (pool.c).  These options add what Driver Verifier adds:
 *
 *   pool_verify           every free validates its pointer, whatever it
 *                         is, claims the block atomically against a
 *                         racing free with a per-allocation generation,
 *                         and remembers recently freed addresses
 *   special_pool          blocks of the selected tags get a page of their
 *                         own against an inaccessible guard page
 *                         (pool_special.c), so an overrun or a use after
 *                         free faults at once
 *   special_pool_underrun the block starts the page instead (an underrun
 *                         faults), Verifier's "verify start"
 *   special_pool_tags     the tags special pool takes, space separated,
 *                         '?' for any one byte, a final '*' for the rest;
 *                         empty: every tag
 *   modules               the modules the options apply to (Verifier's
 *                         driver list); empty: every module
 *
 * Each is a module parameter for boot-time use and a file in
 * /sys/kernel/debug/ntshim/verifier/ to read and write at run time.  The
 * selection is one immutable struct replaced as a whole under RCU, so an
 * allocation at any IRQL reads it with no lock; while every option is off
 * a static key keeps the pool's fast path to one patched-out jump.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ctype.h>
#include <linux/debugfs.h>
#include <linux/jump_label.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rcupdate.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <ntshim/tag.h>

#include "internal.h"
#include "verifier.h"

#define VERIFIER_MAX_TAGS 16
#define VERIFIER_MAX_MODULES 8
#define VERIFIER_MAX_WRITE 256

struct verifier_tag {
	u32 value;
	u32 mask;	/* the bytes that must match */
};

struct verifier_config {
	bool pool_verify;
	bool special_pool;
	bool underrun;
	unsigned int ntags;
	unsigned int nmodules;
	struct verifier_tag tags[VERIFIER_MAX_TAGS];
	char modules[VERIFIER_MAX_MODULES][MODULE_NAME_LEN];
	struct rcu_head rcu;
};

DEFINE_STATIC_KEY_FALSE(ntshim_pool_verifier_key);

static struct verifier_config __rcu *verifier_config;
static DEFINE_MUTEX(verifier_mutex);

/* Boot-time settings; the debugfs files change them later. */
static bool pool_verify;
module_param(pool_verify, bool, 0444);
MODULE_PARM_DESC(pool_verify, "Verifier: validate every pool free (default off)");
static bool special_pool;
module_param(special_pool, bool, 0444);
MODULE_PARM_DESC(special_pool, "Verifier: special pool with guard pages (default off)");
static bool special_pool_underrun;
module_param(special_pool_underrun, bool, 0444);
MODULE_PARM_DESC(special_pool_underrun, "Verifier: special pool blocks start the page");
static char *special_pool_tags;
module_param(special_pool_tags, charp, 0444);
MODULE_PARM_DESC(special_pool_tags, "Verifier: special pool tags, e.g. \"Tst1,Ab*\" (default every tag)");
static char *verify_modules;
module_param(verify_modules, charp, 0444);
MODULE_PARM_DESC(verify_modules, "Verifier: modules the options apply to (default every module)");

/* Does @tag (memory order, PROTECTED_POOL ignored) match pattern @t? */
static bool verifier_tag_match(const struct verifier_tag *t, ULONG tag)
{
	return !(((tag & ~PROTECTED_POOL) ^ t->value) & t->mask);
}

static bool verifier_module_match(const struct verifier_config *c,
				  struct module *owner)
{
	const char *name = owner ? module_name(owner) : "ntshim";
	unsigned int i;

	for (i = 0; i < c->nmodules; i++)
		if (!strcmp(c->modules[i], name))
			return true;
	return false;
}

unsigned int ntshim_verifier_pool(ULONG tag, struct module *owner)
{
	const struct verifier_config *c;
	unsigned int opts = 0, i;

	rcu_read_lock();
	c = rcu_dereference(verifier_config);
	if (!c || (c->nmodules && !verifier_module_match(c, owner)))
		goto out;
	if (c->pool_verify)
		opts |= NTSHIM_VERIFY_POOL;
	if (!c->special_pool)
		goto out;
	for (i = 0; i < c->ntags; i++)
		if (verifier_tag_match(&c->tags[i], tag))
			break;
	if (!c->ntags || i < c->ntags)
		opts |= NTSHIM_VERIFY_SPECIAL |
			(c->underrun ? NTSHIM_VERIFY_UNDERRUN : 0);
out:
	rcu_read_unlock();
	return opts;
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_verifier_pool);

bool ntshim_verifier_pool_on(void)
{
	return ntshim_pool_verifying();
}
EXPORT_SYMBOL_IF_KUNIT(ntshim_verifier_pool_on);

/* One tag pattern: 1..4 bytes, '?' any byte, a final '*' any rest. */
static int verifier_parse_tag(const char *s, size_t len, struct verifier_tag *t)
{
	size_t i;

	if (!len || len > 4)
		return -EINVAL;
	t->value = 0;
	t->mask = 0;
	for (i = 0; i < 4; i++) {
		char c = i < len ? s[i] : ' ';	/* short tags are space padded */

		if (c == '*') {
			if (i != len - 1)
				return -EINVAL;
			return 0;
		}
		if (c < 0x20 || c > 0x7e)
			return -EINVAL;
		if (c == '?')
			continue;
		t->value |= (u32)(u8)c << (8 * i);
		t->mask |= 0xffU << (8 * i);
	}
	return 0;
}

/* Split @s at spaces and commas; call @one for each word.  Strict. */
static int verifier_parse_list(const char *s, unsigned int max,
			       int (*one)(struct verifier_config *c,
					  const char *w, size_t len),
			       struct verifier_config *c)
{
	unsigned int n = 0;
	int err;

	for (;;) {
		size_t len;

		s += strspn(s, " ,\t\n");
		if (!*s)
			return 0;
		len = strcspn(s, " ,\t\n");
		if (n++ == max)
			return -E2BIG;
		err = one(c, s, len);
		if (err)
			return err;
		s += len;
	}
}

static int verifier_add_tag(struct verifier_config *c, const char *w,
			    size_t len)
{
	int err = verifier_parse_tag(w, len, &c->tags[c->ntags]);

	if (!err)
		c->ntags++;
	return err;
}

static int verifier_add_module(struct verifier_config *c, const char *w,
			       size_t len)
{
	size_t i;

	if (len >= MODULE_NAME_LEN)
		return -ENAMETOOLONG;
	for (i = 0; i < len; i++)
		if (!isalnum(w[i]) && w[i] != '_' && w[i] != '-')
			return -EINVAL;
	memcpy(c->modules[c->nmodules], w, len);
	c->modules[c->nmodules][len] = '\0';
	c->nmodules++;
	return 0;
}

static int verifier_set_tags(struct verifier_config *c, const char *s)
{
	c->ntags = 0;
	return verifier_parse_list(s, VERIFIER_MAX_TAGS, verifier_add_tag, c);
}

static int verifier_set_modules(struct verifier_config *c, const char *s)
{
	c->nmodules = 0;
	return verifier_parse_list(s, VERIFIER_MAX_MODULES, verifier_add_module,
				   c);
}

/* Publish @c (ours now) and switch the fast path off or on. */
static void verifier_publish(struct verifier_config *c)
{
	struct verifier_config *old;

	lockdep_assert_held(&verifier_mutex);
	old = rcu_replace_pointer(verifier_config, c,
				  lockdep_is_held(&verifier_mutex));
	if (c->pool_verify || c->special_pool)
		static_branch_enable(&ntshim_pool_verifier_key);
	else
		static_branch_disable(&ntshim_pool_verifier_key);
	if (old)
		kfree_rcu(old, rcu);
}

/* A copy of the current selection to change, or NULL. */
static struct verifier_config *verifier_copy(void)
{
	struct verifier_config *c = kzalloc(sizeof(*c), GFP_KERNEL);
	const struct verifier_config *cur;

	lockdep_assert_held(&verifier_mutex);
	cur = rcu_dereference_protected(verifier_config,
					lockdep_is_held(&verifier_mutex));
	if (c && cur)
		memcpy(c, cur, offsetof(struct verifier_config, rcu));
	return c;
}

/* The files of verifier/: which field each one is. */
enum verifier_field {
	VF_POOL_VERIFY,
	VF_SPECIAL_POOL,
	VF_UNDERRUN,
	VF_TAGS,
	VF_MODULES,
};

static int verifier_apply(enum verifier_field f, const char *s)
{
	struct verifier_config *c;
	bool on = false;
	int err = 0;

	if (f <= VF_UNDERRUN) {
		static const char *const words[] = {
			"0", "1", "n", "y", "N", "Y", "off", "on", "no", "yes",
		};
		char word[8];
		int w;

		/* strict: exactly one of these words, then a newline or not */
		if (strscpy(word, s, sizeof(word)) < 0)
			return -EINVAL;
		w = match_string(words, ARRAY_SIZE(words), strim(word));
		if (w < 0)
			return -EINVAL;
		on = w & 1;
	}
	mutex_lock(&verifier_mutex);
	c = verifier_copy();
	if (!c) {
		mutex_unlock(&verifier_mutex);
		return -ENOMEM;
	}
	switch (f) {
	case VF_POOL_VERIFY:
		c->pool_verify = on;
		break;
	case VF_SPECIAL_POOL:
		c->special_pool = on;
		break;
	case VF_UNDERRUN:
		c->underrun = on;
		break;
	case VF_TAGS:
		err = verifier_set_tags(c, s);
		break;
	case VF_MODULES:
		err = verifier_set_modules(c, s);
		break;
	}
	if (err)
		kfree(c);
	else
		verifier_publish(c);
	mutex_unlock(&verifier_mutex);
	return err;
}

/* The file names of verifier/, which are also ntshim_verifier_set()'s. */
static const char *const verifier_files[] = {
	[VF_POOL_VERIFY] = "pool_verify",
	[VF_SPECIAL_POOL] = "special_pool",
	[VF_UNDERRUN] = "special_pool_underrun",
	[VF_TAGS] = "special_pool_tags",
	[VF_MODULES] = "modules",
};

int ntshim_verifier_set(const char *option, const char *value)
{
	int f = match_string(verifier_files, ARRAY_SIZE(verifier_files),
			     option);

	return f < 0 ? f : verifier_apply(f, value);
}
EXPORT_SYMBOL_GPL(ntshim_verifier_set);

static int verifier_show(struct seq_file *m, void *v)
{
	enum verifier_field f = (uintptr_t)m->private;
	const struct verifier_config *c;
	char buf[NTSHIM_TAG_STR_LEN];
	unsigned int i, b;

	rcu_read_lock();
	c = rcu_dereference(verifier_config);
	switch (f) {
	case VF_POOL_VERIFY:
		seq_printf(m, "%d\n", c && c->pool_verify);
		break;
	case VF_SPECIAL_POOL:
		seq_printf(m, "%d\n", c && c->special_pool);
		break;
	case VF_UNDERRUN:
		seq_printf(m, "%d\n", c && c->underrun);
		break;
	case VF_TAGS:
		for (i = 0; c && i < c->ntags; i++) {
			ntshim_tag_str(c->tags[i].value, buf);
			for (b = 0; b < 4; b++)
				if (!(c->tags[i].mask & (0xffU << (8 * b))))
					buf[b] = '?';
			/* a trailing run of wildcards reads back as '*' */
			for (b = 4; b > 0 && buf[b - 1] == '?'; b--)
				;
			if (b < 4)
				strscpy(buf + b, "*", sizeof(buf) - b);
			seq_printf(m, "%s%s", i ? " " : "", buf);
		}
		seq_putc(m, '\n');
		break;
	case VF_MODULES:
		for (i = 0; c && i < c->nmodules; i++)
			seq_printf(m, "%s%s", i ? " " : "", c->modules[i]);
		seq_putc(m, '\n');
		break;
	}
	rcu_read_unlock();
	return 0;
}

static int verifier_open(struct inode *inode, struct file *file)
{
	return single_open(file, verifier_show, inode->i_private);
}

static ssize_t verifier_write(struct file *file, const char __user *ubuf,
			      size_t count, loff_t *ppos)
{
	struct seq_file *m = file->private_data;
	char *buf;
	int err;

	if (count >= VERIFIER_MAX_WRITE)
		return -E2BIG;
	buf = memdup_user_nul(ubuf, count);
	if (IS_ERR(buf))
		return PTR_ERR(buf);
	err = verifier_apply((uintptr_t)m->private, buf);
	kfree(buf);
	return err ?: count;
}

static const struct file_operations verifier_fops = {
	.owner = THIS_MODULE,
	.open = verifier_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.write = verifier_write,
	.release = single_release,
};

struct dentry *ntshim_verifier_init(struct dentry *root)
{
	struct verifier_config *c = kzalloc(sizeof(*c), GFP_KERNEL);
	struct dentry *dir = debugfs_create_dir("verifier", root);
	uintptr_t f;

	for (f = 0; f < ARRAY_SIZE(verifier_files); f++)
		debugfs_create_file(verifier_files[f], 0600, dir, (void *)f,
				    &verifier_fops);
	if (!c)
		return dir;	/* every option stays off */
	c->pool_verify = pool_verify;
	c->special_pool = special_pool;
	c->underrun = special_pool_underrun;
	if (special_pool_tags && verifier_set_tags(c, special_pool_tags)) {
		pr_warn("verifier: bad special_pool_tags \"%s\": every tag\n",
			special_pool_tags);
		c->ntags = 0;
	}
	if (verify_modules && verifier_set_modules(c, verify_modules)) {
		pr_warn("verifier: bad verify_modules \"%s\": every module\n",
			verify_modules);
		c->nmodules = 0;
	}
	mutex_lock(&verifier_mutex);
	verifier_publish(c);
	mutex_unlock(&verifier_mutex);
	return dir;
}

void ntshim_verifier_exit(void)
{
	struct verifier_config *c;

	mutex_lock(&verifier_mutex);
	static_branch_disable(&ntshim_pool_verifier_key);
	c = rcu_replace_pointer(verifier_config, NULL,
				lockdep_is_held(&verifier_mutex));
	mutex_unlock(&verifier_mutex);
	synchronize_rcu();
	kfree(c);
}
