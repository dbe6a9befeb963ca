// SPDX-License-Identifier: GPL-2.0
/*
 * ntpoolmon: watch ntshim's pool-tag and lookaside statistics, like
 * Windows' poolmon and Linux's slabtop.
 *
 * Reads /sys/kernel/debug/ntshim/pooltags (or lookaside), whose formats
 * are fixed: a header line with exactly the expected column names, then one
 * row per tag: the 4-character tag in columns 0-3 (it may hold spaces or
 * '.'), one space, the pool type (Nonp or Paged) and decimal fields.
 * Anything else is reported as an error; nothing half-parsed is shown.
 *
 * The terminal view uses plain ANSI escapes and termios raw mode.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <getopt.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define NTPOOLMON_VERSION "1.0"
#define DEBUGFS_MAGIC 0x64626720
#define MAX_FIELDS 8
#define ERRLEN 512

/* What a numeric field holds: a plain integer or a percentage in tenths. */
enum field_kind { F_INT, F_TENTHS };

struct row {
	char tag[5];		/* NUL-terminated, exactly 4 characters */
	bool paged;
	long long f[MAX_FIELDS];	/* the fields after Type, file order */
};

struct table {
	struct row *rows;
	size_t n, cap;
};

/*
 * A displayed column.  field is the index into row.f, or COL_TAG/COL_TYPE.
 * key is the --sort name, hotkey the key that sorts by it on screen.
 */
#define COL_TAG (-1)
#define COL_TYPE (-2)
struct column {
	const char *head;
	const char *key;
	char hotkey;
	int field;
	int width;
	bool delta;		/* followed by a change-since-refresh column */
};

struct view {
	const char *name;	/* shown in the title */
	const char *file;	/* under <debugfs>/ntshim/ */
	const char *const *header;	/* the exact header tokens */
	int nfields;		/* fields after Tag and Type */
	const enum field_kind *kinds;
	const struct column *cols;
	int ncols;
	int default_sort;	/* index into cols */
};

static const char *const pool_header[] = {
	"Tag", "Type", "Allocs", "Frees", "Diff", "Bytes", "PerAlloc", NULL
};

static const enum field_kind pool_kinds[] = {
	F_INT, F_INT, F_INT, F_INT, F_INT
};

static const struct column pool_cols[] = {
	{ "Tag", "tag", 't', COL_TAG, 4, false },
	{ "Type", "type", 'y', COL_TYPE, 5, false },
	{ "Allocs", "allocs", 'a', 0, 10, true },
	{ "Frees", "frees", 'f', 1, 10, true },
	{ "Diff", "diff", 'd', 2, 9, false },
	{ "Bytes", "bytes", 'b', 3, 12, true },
	{ "Per Alloc", "peralloc", 'm', 4, 9, false },
};

static const char *const lookaside_header[] = {
	"Tag", "Type", "Size", "Depth", "TotalAllocs", "AllocMisses", "HitRate",
	"TotalFrees", "FreeMisses", "Outstanding", NULL
};

static const enum field_kind lookaside_kinds[] = {
	F_INT, F_INT, F_INT, F_INT, F_TENTHS, F_INT, F_INT, F_INT
};

static const struct column lookaside_cols[] = {
	{ "Tag", "tag", 't', COL_TAG, 4, false },
	{ "Type", "type", 'y', COL_TYPE, 5, false },
	{ "Size", "size", 's', 0, 8, false },
	{ "Depth", "depth", 'e', 1, 6, false },
	{ "Allocs", "allocs", 'a', 2, 10, true },
	{ "Misses", "misses", 'i', 3, 9, false },
	{ "Hit%", "hitrate", 'h', 4, 6, false },
	{ "Frees", "frees", 'f', 5, 10, true },
	{ "FreeMiss", "freemisses", 'g', 6, 9, false },
	{ "Outstanding", "outstanding", 'o', 7, 11, false },
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

static const struct view views[] = {
	{ "pool tags", "pooltags", pool_header, 5, pool_kinds,
	  pool_cols, ARRAY_SIZE(pool_cols), 5 },
	{ "lookaside lists", "lookaside", lookaside_header, 8, lookaside_kinds,
	  lookaside_cols, ARRAY_SIZE(lookaside_cols), 9 },
};

enum pool_filter { POOL_BOTH, POOL_NONPAGED, POOL_PAGED };
static const char *const pool_filter_names[] = { "both", "nonpaged", "paged" };

static struct options {
	const char *debugfs;
	double delay;
	long count;		/* refreshes before exiting; 0 = forever */
	bool once;
	int view;
	int sort;		/* column index, -1 = the view's default */
	bool reverse;
	enum pool_filter pool;
	char **include, **exclude;
	size_t ninclude, nexclude;
} opt = {
	.debugfs = "/sys/kernel/debug",
	.delay = 1.0,
	.sort = -1,
};

static const char *progname = "ntpoolmon";

static void print_usage(FILE *out)
{
	fprintf(out, "Usage: %s [OPTION]...\n"
"Show ntshim's pool-tag statistics (/sys/kernel/debug/ntshim/pooltags) or\n"
"lookaside-list statistics, like Windows' poolmon.  Needs root (debugfs).\n"
"\n"
"  -o, --once             print the table once, plainly, and exit (for scripts)\n"
"  -d, --delay SECONDS    refresh interval in watch mode (default 1, min 0.1)\n"
"  -c, --count N          exit after N refreshes (default: run until q)\n"
"  -s, --sort KEY         sort by KEY, largest first (tag and type: A to Z)\n"
"                         pool tags: tag type allocs frees diff bytes peralloc\n"
"                         (default bytes); lookaside: tag type size depth\n"
"                         allocs misses hitrate frees freemisses outstanding\n"
"                         (default outstanding)\n"
"  -r, --reverse          reverse the sort order\n"
"  -i, --include PATTERN  show only tags matching PATTERN (repeatable)\n"
"  -x, --exclude PATTERN  hide tags matching PATTERN (repeatable)\n"
"                         PATTERN uses * and ? (fnmatch), is case-sensitive and\n"
"                         matches the 4-character tag with or without its\n"
"                         trailing spaces; quote it from the shell\n"
"  -t, --type TYPE        pool type to show: paged, nonpaged or both (default)\n"
"  -P, --paged            same as --type paged\n"
"  -N, --nonpaged         same as --type nonpaged\n"
"  -l, --lookaside        show the lookaside lists instead of the pool tags\n"
"  -D, --debugfs DIR      where debugfs is mounted (default /sys/kernel/debug)\n"
"  -h, --help             show this help and exit\n"
"  -V, --version          show the version and exit\n"
"\n"
"Watch mode (the default on a terminal) redraws every --delay seconds and\n"
"adds change-since-last-refresh columns +Allocs, +Frees and +Bytes\n"
"(lookaside: +Allocs, +Frees); rows that changed are shown bold.  Keys:\n"
"  q  quit              r  reverse the sort      l  pool tags <-> lookaside\n"
"  p  cycle pool type (both, nonpaged, paged)\n"
"  sort keys, pool tags: t tag, y type, a allocs, f frees, d diff, b bytes,\n"
"                        m per alloc\n"
"  sort keys, lookaside: t tag, y type, s size, e depth, a allocs, i misses,\n"
"                        h hit rate, f frees, g free misses, o outstanding\n"
"When standard output is not a terminal, every refresh prints a plain table\n"
"(with change columns after the first) followed by an empty line.\n"
"\n"
"Columns (pool tags): Allocs and Frees count calls since the tag first\n"
"appeared, Diff = Allocs - Frees, Bytes is the memory outstanding now,\n"
"Per Alloc = Bytes / Diff.\n"
"\n"
"Exit status: 0 on success, 1 on a read or parse error (debugfs not\n"
"mounted, module not loaded, permission denied, unexpected format),\n"
"2 on a wrong option or argument.\n",
		progname);
}

/* ---- errors ------------------------------------------------------------ */

static void seterr(char *err, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, ERRLEN, fmt, ap);
	va_end(ap);
}

/*
 * Say why <debugfs>/ntshim/<file> cannot be opened, the way a user can act
 * on: debugfs not mounted, module not loaded, not root.
 */
static void explain_open_error(const char *path, int open_errno, char *err)
{
	char dir[PATH_MAX];
	struct statfs sfs;
	struct stat st;

	if (open_errno == EACCES || open_errno == EPERM) {
		seterr(err,
		       "permission denied reading %s: debugfs is readable by root only; run ntpoolmon as root",
		       path);
		return;
	}
	if (open_errno != ENOENT && open_errno != ENOTDIR) {
		seterr(err, "cannot open %s: %s", path, strerror(open_errno));
		return;
	}
	snprintf(dir, sizeof(dir), "%s/ntshim", opt.debugfs);
	if (stat(dir, &st) == 0) {
		seterr(err, "%s does not exist: this ntshim module does not provide it", path);
		return;
	}
	if (errno == EACCES) {
		seterr(err,
		       "permission denied reading %s: debugfs is readable by root only; run ntpoolmon as root",
		       dir);
		return;
	}
	if (statfs(opt.debugfs, &sfs) == 0 && sfs.f_type == DEBUGFS_MAGIC) {
		seterr(err,
		       "the ntshim module is not loaded (no %s): load it with 'modprobe ntshim' or 'insmod ntshim.ko'",
		       dir);
		return;
	}
	seterr(err,
	       "debugfs is not mounted at %s (no %s): mount it with 'mount -t debugfs none %s'",
	       opt.debugfs, dir, opt.debugfs);
}

/* ---- parsing ----------------------------------------------------------- */

/* Read a whole file; debugfs files report size 0, so read to EOF. */
static char *read_file(const char *path, char *err)
{
	size_t len = 0, cap = 16384;
	char *buf = malloc(cap);
	int fd;

	if (!buf) {
		seterr(err, "out of memory");
		return NULL;
	}
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		explain_open_error(path, errno, err);
		free(buf);
		return NULL;
	}
	for (;;) {
		ssize_t got;

		if (cap - len < 4096) {
			char *bigger = realloc(buf, cap * 2);

			if (!bigger) {
				seterr(err, "out of memory reading %s", path);
				goto fail;
			}
			buf = bigger;
			cap *= 2;
		}
		got = read(fd, buf + len, cap - len - 1);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			if (errno == EACCES || errno == EPERM)
				explain_open_error(path, errno, err);
			else
				seterr(err, "cannot read %s: %s", path, strerror(errno));
			goto fail;
		}
		if (got == 0)
			break;
		len += got;
	}
	close(fd);
	buf[len] = '\0';
	if (strlen(buf) != len) {
		seterr(err, "%s: unexpected NUL byte (not a text file)", path);
		free(buf);
		return NULL;
	}
	return buf;
fail:
	close(fd);
	free(buf);
	return NULL;
}

/* Parse one decimal integer token; false unless it is exactly that. */
static bool parse_int(const char *tok, long long *out)
{
	char *end;

	if (!*tok || !(*tok == '-' || (*tok >= '0' && *tok <= '9')))
		return false;
	errno = 0;
	*out = strtoll(tok, &end, 10);
	return errno == 0 && *end == '\0' && end != tok && !(tok[0] == '-' && !tok[1]);
}

/* "98.0" -> 980: digits, a point and exactly one decimal. */
static bool parse_tenths(const char *tok, long long *out)
{
	const char *dot = strchr(tok, '.');
	char whole[32];
	long long w;
	size_t n;

	if (!dot || dot == tok || dot[1] < '0' || dot[1] > '9' || dot[2])
		return false;
	n = dot - tok;
	if (n >= sizeof(whole))
		return false;
	memcpy(whole, tok, n);
	whole[n] = '\0';
	if (whole[0] == '-' || !parse_int(whole, &w) || w > LLONG_MAX / 10 - 9)
		return false;
	*out = w * 10 + (dot[1] - '0');
	return true;
}

static bool add_row(struct table *t, const struct row *r)
{
	if (t->n == t->cap) {
		size_t cap = t->cap ? t->cap * 2 : 64;
		struct row *rows = realloc(t->rows, cap * sizeof(*rows));

		if (!rows)
			return false;
		t->rows = rows;
		t->cap = cap;
	}
	t->rows[t->n++] = *r;
	return true;
}

/* Show a line in an error message: printable, and not too long. */
static const char *quote_line(const char *line, size_t len)
{
	static char out[80];
	size_t i, o = 0;

	for (i = 0; i < len && o < sizeof(out) - 4; i++)
		out[o++] = (line[i] >= 0x20 && line[i] < 0x7f) ? line[i] : '?';
	if (i < len)
		out[o++] = '.', out[o++] = '.', out[o++] = '.';
	out[o] = '\0';
	return out;
}

static bool check_header(const struct view *v, const char *path,
			 const char *line, size_t len, char *err)
{
	char buf[512], *tok, *save = NULL;
	int i = 0;

	if (len >= sizeof(buf)) {
		seterr(err, "%s: unexpected header (too long): \"%s\"", path,
		       quote_line(line, len));
		return false;
	}
	memcpy(buf, line, len);
	buf[len] = '\0';
	for (tok = strtok_r(buf, " \t", &save); tok;
	     tok = strtok_r(NULL, " \t", &save), i++) {
		if (!v->header[i] || strcmp(tok, v->header[i]))
			break;
	}
	if (tok || v->header[i]) {
		char want[256] = "";

		for (i = 0; v->header[i]; i++) {
			strcat(want, i ? " " : "");
			strcat(want, v->header[i]);
		}
		seterr(err,
		       "%s: unexpected header \"%s\" (expected \"%s\"): is ntpoolmon as new as the ntshim module?",
		       path, quote_line(line, len), want);
		return false;
	}
	return true;
}

static bool parse_row(const struct view *v, const char *path, int lineno,
		      const char *line, size_t len, struct row *r, char *err)
{
	char buf[512], *tok, *save = NULL;
	size_t i;
	int n;

	if (len < 6 || line[4] != ' ' || len >= sizeof(buf))
		goto bad;
	for (i = 0; i < 4; i++)
		if (line[i] < 0x20 || line[i] >= 0x7f)
			goto bad;
	memcpy(r->tag, line, 4);
	r->tag[4] = '\0';
	memcpy(buf, line + 5, len - 5);
	buf[len - 5] = '\0';

	tok = strtok_r(buf, " \t", &save);
	if (!tok)
		goto bad;
	if (!strcmp(tok, "Nonp"))
		r->paged = false;
	else if (!strcmp(tok, "Paged"))
		r->paged = true;
	else
		goto bad;
	for (n = 0; n < v->nfields; n++) {
		tok = strtok_r(NULL, " \t", &save);
		if (!tok)
			goto bad;
		if (v->kinds[n] == F_TENTHS ? !parse_tenths(tok, &r->f[n])
					    : !parse_int(tok, &r->f[n]))
			goto bad;
	}
	if (strtok_r(NULL, " \t", &save))
		goto bad;
	return true;
bad:
	seterr(err,
	       "%s:%d: malformed row \"%s\" (expected a 4-character tag, a space, Nonp or Paged and %d decimal fields)",
	       path, lineno, quote_line(line, len), v->nfields);
	return false;
}

/*
 * Parse a whole file into t (emptied first).  On any error t is left empty
 * and err says what and where.
 */
static bool parse_text(const struct view *v, const char *path, const char *text,
		       struct table *t, char *err)
{
	const char *p = text;
	int lineno = 0;

	t->n = 0;
	if (!*text) {
		seterr(err, "%s: empty file (expected the header \"%s ...\")", path, v->header[0]);
		return false;
	}
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		struct row r;

		lineno++;
		if (len && p[len - 1] == '\r')
			len--;
		if (lineno == 1) {
			if (!check_header(v, path, p, len, err))
				goto fail;
		} else if (len == 0 && (!nl || !nl[1])) {
			/* one empty last line is fine */
		} else {
			if (!parse_row(v, path, lineno, p, len, &r, err))
				goto fail;
			if (!add_row(t, &r)) {
				seterr(err, "out of memory");
				goto fail;
			}
		}
		if (!nl)
			break;
		p = nl + 1;
	}
	return true;
fail:
	t->n = 0;
	return false;
}

static bool load(const struct view *v, struct table *t, char *err)
{
	char path[PATH_MAX];
	char *text;
	bool ok;

	snprintf(path, sizeof(path), "%s/ntshim/%s", opt.debugfs, v->file);
	text = read_file(path, err);
	if (!text) {
		t->n = 0;
		return false;
	}
	ok = parse_text(v, path, text, t, err);
	free(text);
	return ok;
}

/* ---- filtering, sorting, deltas ----------------------------------------- */

static bool tag_matches(const char *pattern, const char *tag)
{
	char trimmed[5];
	int n = 4;

	if (!fnmatch(pattern, tag, 0))
		return true;
	memcpy(trimmed, tag, 5);
	while (n > 0 && trimmed[n - 1] == ' ')
		trimmed[--n] = '\0';
	return n < 4 && !fnmatch(pattern, trimmed, 0);
}

static bool row_shown(const struct row *r)
{
	size_t i;

	if (opt.pool == POOL_PAGED && !r->paged)
		return false;
	if (opt.pool == POOL_NONPAGED && r->paged)
		return false;
	for (i = 0; i < opt.nexclude; i++)
		if (tag_matches(opt.exclude[i], r->tag))
			return false;
	if (!opt.ninclude)
		return true;
	for (i = 0; i < opt.ninclude; i++)
		if (tag_matches(opt.include[i], r->tag))
			return true;
	return false;
}

static void filter(struct table *t)
{
	size_t i, n = 0;

	for (i = 0; i < t->n; i++)
		if (row_shown(&t->rows[i]))
			t->rows[n++] = t->rows[i];
	t->n = n;
}

static int cmp_key(const struct row *a, const struct row *b)
{
	int c = strcmp(a->tag, b->tag);

	return c ? c : (int)a->paged - (int)b->paged;
}

static const struct column *sort_col;

static int cmp_sort(const void *pa, const void *pb)
{
	const struct row *a = pa, *b = pb;
	int c = 0;

	if (sort_col->field == COL_TYPE) {
		c = (int)a->paged - (int)b->paged;
	} else if (sort_col->field >= 0) {
		long long x = a->f[sort_col->field], y = b->f[sort_col->field];

		c = x < y ? 1 : x > y ? -1 : 0;	/* largest first */
	}
	if (opt.reverse)
		c = -c;
	/* Ties (and the tag column) in tag order, so the order is stable. */
	if (!c) {
		c = cmp_key(a, b);
		if (opt.reverse && sort_col->field == COL_TAG)
			c = -c;
	}
	return c;
}

static int cmp_key_q(const void *a, const void *b)
{
	return cmp_key(a, b);
}

static const struct column *current_sort(const struct view *v)
{
	return &v->cols[opt.sort >= 0 ? opt.sort : v->default_sort];
}

/* The matching row of the previous refresh (prev sorted by key) or NULL. */
static const struct row *find_prev(const struct table *prev, const struct row *r)
{
	if (!prev || !prev->n)
		return NULL;
	return bsearch(r, prev->rows, prev->n, sizeof(*r), cmp_key_q);
}

/* ---- output --------------------------------------------------------------- */

struct outbuf {
	char *s;
	size_t len, cap;
};

static void out_append(struct outbuf *o, const char *s, size_t n)
{
	if (o->len + n + 1 > o->cap) {
		size_t cap = (o->len + n + 1) * 2;
		char *p = realloc(o->s, cap);

		if (!p) {
			fprintf(stderr, "%s: out of memory\n", progname);
			exit(1);
		}
		o->s = p;
		o->cap = cap;
	}
	memcpy(o->s + o->len, s, n);
	o->len += n;
	o->s[o->len] = '\0';
}

static void out_printf(struct outbuf *o, const char *fmt, ...)
{
	char buf[1024];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	out_append(o, buf, n < (int)sizeof(buf) ? (size_t)n : sizeof(buf) - 1);
}

static void format_value(char *buf, size_t size, const struct view *v,
			 const struct row *r, int field)
{
	long long x = r->f[field];

	if (v->kinds[field] == F_TENTHS)
		snprintf(buf, size, "%lld.%lld", x / 10, x % 10);
	else
		snprintf(buf, size, "%lld", x);
}

/*
 * One table line (no newline) into line.  With deltas, change columns
 * follow the columns that have them: blank without a previous refresh.
 */
static void format_line(char *line, size_t size, const struct view *v,
			const struct row *r, bool deltas,
			const struct table *prev, bool *changed)
{
	const struct row *p = prev ? find_prev(prev, r) : NULL;
	size_t len = 0;
	char val[64];
	int c;

	*changed = false;
	for (c = 0; c < v->ncols && len < size; c++) {
		const struct column *col = &v->cols[c];

		if (col->field == COL_TAG)
			snprintf(val, sizeof(val), "%s", r->tag);
		else if (col->field == COL_TYPE)
			snprintf(val, sizeof(val), "%s", r->paged ? "Paged" : "Nonp");
		else
			format_value(val, sizeof(val), v, r, col->field);
		if (col->field < 0)
			len += snprintf(line + len, size - len, "%s%-*s", c ? " " : "",
					col->width, val);
		else
			len += snprintf(line + len, size - len, " %*s", col->width, val);
		if (deltas && col->delta && len < size) {
			long long d = p ? r->f[col->field] - p->f[col->field]
					: r->f[col->field];

			if (prev && d)
				*changed = true;
			snprintf(val, sizeof(val), "%+lld", d);
			len += snprintf(line + len, size - len, " %8s",
					!prev ? "" : d ? val : "0");
		}
	}
	/* Values that moved without a delta column count as changes too. */
	if (prev && !*changed)
		*changed = !p || memcmp(p->f, r->f, sizeof(r->f));
}

static void format_header(char *line, size_t size, const struct view *v,
			  bool deltas)
{
	size_t len = 0;
	int c;

	for (c = 0; c < v->ncols && len < size; c++) {
		const struct column *col = &v->cols[c];

		if (col->field < 0)
			len += snprintf(line + len, size - len, "%s%-*s", c ? " " : "",
					col->width, col->head);
		else
			len += snprintf(line + len, size - len, " %*s", col->width, col->head);
		if (deltas && col->delta && len < size) {
			char name[32];

			snprintf(name, sizeof(name), "+%s", col->head);
			len += snprintf(line + len, size - len, " %8s", name);
		}
	}
}

/* The plain table: --once, or each refresh when stdout is no terminal. */
static void print_plain(const struct view *v, const struct table *t,
			const struct table *prev)
{
	struct outbuf o = { 0 };
	char line[512];
	bool changed;
	size_t i;

	format_header(line, sizeof(line), v, prev);
	out_printf(&o, "%s\n", line);
	for (i = 0; i < t->n; i++) {
		format_line(line, sizeof(line), v, &t->rows[i], prev, prev,
			    &changed);
		out_printf(&o, "%s\n", line);
	}
	if (o.len)
		fwrite(o.s, 1, o.len, stdout);
	fflush(stdout);
	free(o.s);
}

/* ---- the terminal --------------------------------------------------------- */

static struct termios saved_termios;
static bool termios_saved, screen_on;
static volatile sig_atomic_t got_winch, got_quit;

static void screen_restore(void)
{
	if (screen_on) {
		/* show the cursor, leave the alternate screen */
		fputs("\033[?25h\033[?1049l", stdout);
		fflush(stdout);
		screen_on = false;
	}
	if (termios_saved) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_termios);
		termios_saved = false;
	}
}

static void on_signal(int sig)
{
	if (sig == SIGWINCH)
		got_winch = 1;
	else
		got_quit = 1;
}

static void screen_setup(void)
{
	struct sigaction sa = { .sa_handler = on_signal };
	struct termios raw;

	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: select() must return at once on a signal. */
	sigaction(SIGWINCH, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	atexit(screen_restore);

	if (isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_termios) == 0) {
		raw = saved_termios;
		raw.c_lflag &= ~(ICANON | ECHO);
		raw.c_cc[VMIN] = 0;
		raw.c_cc[VTIME] = 0;
		if (tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw) == 0)
			termios_saved = true;
	}
	/* alternate screen, hide the cursor */
	fputs("\033[?1049h\033[?25l", stdout);
	fflush(stdout);
	screen_on = true;
}

static void screen_size(int *rows, int *cols)
{
	struct winsize ws;

	*rows = 24;
	*cols = 80;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row && ws.ws_col) {
		*rows = ws.ws_row;
		*cols = ws.ws_col;
	}
}

/* Append s cut to cols characters, clear the rest of the line, newline. */
static void screen_line(struct outbuf *o, const char *s, int cols, bool bold,
			bool last)
{
	size_t n = strlen(s);

	if (n > (size_t)cols)
		n = cols;
	if (bold)
		out_append(o, "\033[1m", 4);
	out_append(o, s, n);
	if (bold)
		out_append(o, "\033[0m", 4);
	out_append(o, "\033[K", 3);
	if (!last)
		out_append(o, "\r\n", 2);
}

static void screen_draw(const struct view *v, const struct table *t,
			const struct table *prev, const char *error,
			const char *note)
{
	const struct column *sc = current_sort(v);
	long long nonp = 0, paged = 0;
	int rows, cols, used = 0, c;
	struct outbuf o = { 0 };
	char line[1024], keys[64];
	size_t i, klen = 0;
	time_t now = time(NULL);
	char clock[16];
	bool changed;

	screen_size(&rows, &cols);
	strftime(clock, sizeof(clock), "%H:%M:%S", localtime(&now));
	out_append(&o, "\033[H", 3);

	snprintf(line, sizeof(line), "ntpoolmon: %s   sort: %s%s   pool: %s   every %.1f s   %s",
		 v->name, sc->key, opt.reverse ? " (reversed)" : "",
		 pool_filter_names[opt.pool], opt.delay, clock);
	screen_line(&o, line, cols, true, false);
	used++;

	if (v->cols == pool_cols)
		for (i = 0; i < t->n; i++)
			*(t->rows[i].paged ? &paged : &nonp) += t->rows[i].f[3];
	if (error)
		snprintf(line, sizeof(line), "error: %s", error);
	else if (v->cols == pool_cols)
		snprintf(line, sizeof(line),
			 "%zu tags shown   outstanding bytes: Nonp %lld, Paged %lld",
			 t->n, nonp, paged);
	else
		snprintf(line, sizeof(line), "%zu lookaside lists shown", t->n);
	screen_line(&o, line, cols, error, false);
	used++;

	for (c = 0; c < v->ncols && klen < sizeof(keys) - 3; c++)
		klen += snprintf(keys + klen, sizeof(keys) - klen, "%c", v->cols[c].hotkey);
	snprintf(line, sizeof(line), "keys: q quit, r reverse, p pool type, l %s, sort by %s%s%s",
		 v->cols == pool_cols ? "lookaside" : "pool tags", keys,
		 note ? "   " : "", note ? note : "");
	screen_line(&o, line, cols, false, false);
	used++;

	format_header(line, sizeof(line), v, true);
	screen_line(&o, line, cols, true, rows <= used + 1);
	used++;
	for (i = 0; i < t->n && used < rows; i++, used++) {
		format_line(line, sizeof(line), v, &t->rows[i], true, prev,
			    &changed);
		screen_line(&o, line, cols, changed && prev && prev->n,
			    used + 1 >= rows || i + 1 == t->n);
	}
	out_append(&o, "\033[J", 3);	/* clear below */
	fwrite(o.s, 1, o.len, stdout);
	fflush(stdout);
	free(o.s);
}

/*
 * Wait up to the delay for a key.  Returns the key, 0 on timeout, -1 when
 * a signal cut the wait short.
 */
static int wait_key(double seconds)
{
	struct timeval tv = {
		.tv_sec = (time_t)seconds,
		.tv_usec = (long)((seconds - (time_t)seconds) * 1e6),
	};
	fd_set fds;
	unsigned char ch;
	int n;

	FD_ZERO(&fds);
	if (termios_saved)
		FD_SET(STDIN_FILENO, &fds);
	n = select(termios_saved ? STDIN_FILENO + 1 : 0, &fds, NULL, NULL, &tv);
	if (n < 0)
		return -1;
	if (n == 0)
		return 0;
	if (read(STDIN_FILENO, &ch, 1) != 1)
		return 0;
	return ch;
}

static int find_col_by_key(const struct view *v, const char *key)
{
	int c;

	for (c = 0; c < v->ncols; c++)
		if (!strcmp(v->cols[c].key, key))
			return c;
	return -1;
}

static int find_col_by_hotkey(const struct view *v, int ch)
{
	int c;

	for (c = 0; c < v->ncols; c++)
		if (v->cols[c].hotkey == ch)
			return c;
	return -1;
}

/* Load and filter: what the tables show. */
static bool refresh(const struct view *v, struct table *cur, char *err)
{
	if (!load(v, cur, err))
		return false;
	filter(cur);
	return true;
}

static void sort_table(const struct view *v, struct table *t)
{
	sort_col = current_sort(v);
	qsort(t->rows, t->n, sizeof(*t->rows), cmp_sort);
}

static void copy_sorted_by_key(struct table *dst, const struct table *src)
{
	if (dst->cap < src->n) {
		free(dst->rows);
		dst->rows = malloc(src->n * sizeof(*src->rows));
		dst->cap = dst->rows ? src->n : 0;
		if (!dst->rows) {
			dst->n = 0;
			return;
		}
	}
	if (src->n)
		memcpy(dst->rows, src->rows, src->n * sizeof(*src->rows));
	dst->n = src->n;
	qsort(dst->rows, dst->n, sizeof(*dst->rows), cmp_key_q);
}

static int run_plain(void)
{
	const struct view *v = &views[opt.view];
	struct table cur = { 0 }, prev = { 0 };
	char err[ERRLEN];
	long i;

	for (i = 0; !opt.count || i < opt.count; i++) {
		if (i) {
			struct timespec ts = {
				.tv_sec = (time_t)opt.delay,
				.tv_nsec = (long)((opt.delay - (time_t)opt.delay) * 1e9),
			};

			nanosleep(&ts, NULL);
			putchar('\n');
		}
		if (!refresh(v, &cur, err)) {
			fprintf(stderr, "%s: %s\n", progname, err);
			return 1;
		}
		sort_table(v, &cur);
		print_plain(v, &cur, i && !opt.once ? &prev : NULL);
		copy_sorted_by_key(&prev, &cur);
	}
	free(cur.rows);
	free(prev.rows);
	return 0;
}

/* Copy src's rows that pass the filters into dst. */
static void copy_filtered(struct table *dst, const struct table *src)
{
	size_t i;

	dst->n = 0;
	for (i = 0; i < src->n; i++)
		if (row_shown(&src->rows[i]) && !add_row(dst, &src->rows[i])) {
			fprintf(stderr, "%s: out of memory\n", progname);
			exit(1);
		}
}

/*
 * Watch mode.  raw is the last refresh unfiltered, prev the one before
 * (sorted by tag for the deltas); keys and resizes redraw raw without
 * reading the file again.
 */
static int run_screen(void)
{
	struct table raw = { 0 }, prev = { 0 }, shown = { 0 };
	char err[ERRLEN], note[64] = "";
	bool have_prev = false, ok;
	long n = 0;

	/* Fail before touching the terminal when there is nothing to show. */
	if (!load(&views[opt.view], &raw, err)) {
		fprintf(stderr, "%s: %s\n", progname, err);
		return 1;
	}
	ok = true;
	screen_setup();
	for (;;) {
		const struct view *v = &views[opt.view];
		int ch, c;

		copy_filtered(&shown, &raw);
		sort_table(v, &shown);
		screen_draw(v, &shown, have_prev ? &prev : NULL, ok ? NULL : err,
			    note[0] ? note : NULL);
		note[0] = '\0';

		ch = wait_key(opt.delay);
		if (got_quit || ch == 'q' || ch == 'Q')
			break;
		if (got_winch) {
			got_winch = 0;
			continue;
		}
		if (ch > 0) {
			switch (ch) {
			case 'r': case 'R':
				opt.reverse = !opt.reverse;
				break;
			case 'p': case 'P':
				opt.pool = (opt.pool + 1) % 3;
				break;
			case 'l': case 'L':
				opt.view = !opt.view;
				opt.sort = -1;
				have_prev = false;
				ok = load(&views[opt.view], &raw, err);
				break;
			default:
				c = find_col_by_hotkey(v, ch | 0x20);
				if (c >= 0)
					opt.sort = c;
				else
					snprintf(note, sizeof(note), "(no key '%c')",
						 ch > 0x20 && ch < 0x7f ? ch : '?');
			}
			continue;
		}
		/* The delay passed: this refresh becomes the previous one. */
		if (opt.count && ++n >= opt.count)
			break;
		if (ok) {
			copy_sorted_by_key(&prev, &raw);
			have_prev = true;
		}
		ok = load(v, &raw, err);
	}
	screen_restore();
	free(raw.rows);
	free(prev.rows);
	free(shown.rows);
	return 0;
}

static void add_pattern(char ***list, size_t *n, char *pattern)
{
	char **l = realloc(*list, (*n + 1) * sizeof(**list));

	if (!l) {
		fprintf(stderr, "%s: out of memory\n", progname);
		exit(1);
	}
	l[(*n)++] = pattern;
	*list = l;
}

static void usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", progname);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", progname);
	exit(2);
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "once", no_argument, NULL, 'o' },
		{ "delay", required_argument, NULL, 'd' },
		{ "count", required_argument, NULL, 'c' },
		{ "sort", required_argument, NULL, 's' },
		{ "reverse", no_argument, NULL, 'r' },
		{ "include", required_argument, NULL, 'i' },
		{ "exclude", required_argument, NULL, 'x' },
		{ "type", required_argument, NULL, 't' },
		{ "paged", no_argument, NULL, 'P' },
		{ "nonpaged", no_argument, NULL, 'N' },
		{ "lookaside", no_argument, NULL, 'l' },
		{ "debugfs", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	const char *sort_key = NULL;
	char *end;
	int ch;

	while ((ch = getopt_long(argc, argv, "od:c:s:ri:x:t:PNlD:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			opt.once = true;
			break;
		case 'd':
			errno = 0;
			opt.delay = strtod(optarg, &end);
			if (errno || end == optarg || *end || !isfinite(opt.delay) ||
			    opt.delay < 0.1 || opt.delay > 86400)
				usage_error("invalid delay '%s' (seconds, 0.1 to 86400)", optarg);
			break;
		case 'c':
			errno = 0;
			opt.count = strtol(optarg, &end, 10);
			if (errno || end == optarg || *end || opt.count < 1)
				usage_error("invalid count '%s' (a positive number)", optarg);
			break;
		case 's':
			sort_key = optarg;
			break;
		case 'r':
			opt.reverse = true;
			break;
		case 'i':
			add_pattern(&opt.include, &opt.ninclude, optarg);
			break;
		case 'x':
			add_pattern(&opt.exclude, &opt.nexclude, optarg);
			break;
		case 't':
			if (!strcmp(optarg, "paged"))
				opt.pool = POOL_PAGED;
			else if (!strcmp(optarg, "nonpaged"))
				opt.pool = POOL_NONPAGED;
			else if (!strcmp(optarg, "both"))
				opt.pool = POOL_BOTH;
			else
				usage_error("invalid pool type '%s' (paged, nonpaged or both)",
					    optarg);
			break;
		case 'P':
			opt.pool = POOL_PAGED;
			break;
		case 'N':
			opt.pool = POOL_NONPAGED;
			break;
		case 'l':
			opt.view = 1;
			break;
		case 'D':
			opt.debugfs = optarg;
			break;
		case 'h':
			print_usage(stdout);
			return 0;
		case 'V':
			printf("ntpoolmon %s\n", NTPOOLMON_VERSION);
			return 0;
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", progname);
			return 2;
		}
	}
	if (optind < argc)
		usage_error("unexpected argument '%s'", argv[optind]);
	if (sort_key) {
		opt.sort = find_col_by_key(&views[opt.view], sort_key);
		if (opt.sort < 0)
			usage_error(opt.view ?
				    "invalid sort key '%s' for the lookaside view (see --help)" :
				    "invalid sort key '%s' for the pool tags (see --help)",
				    sort_key);
	}
	if (opt.once)
		opt.count = 1;
	if (opt.once || !isatty(STDOUT_FILENO))
		return run_plain();
	return run_screen();
}
