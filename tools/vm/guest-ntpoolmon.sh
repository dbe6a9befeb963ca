# SPDX-License-Identifier: GPL-2.0
# Guest side of ntpoolmon's test (busybox sh, after ntshim.ko loads):
# runs the static ./ntpoolmon against the live module and prints one
# "NTSHIM-TOOL: ok <name>" or "NTSHIM-TOOL: FAIL <name> <why>" per check.
set -f	# patterns below are ntpoolmon's, not the shell's
tool=./ntpoolmon
dbg=/sys/kernel/debug/ntshim
out=/tmp/ntpoolmon.out

ok() { echo "NTSHIM-TOOL: ok $1"; }
fail() { echo "NTSHIM-TOOL: FAIL $1 $2"; }

# sum_field <file> <field>: add up a numeric field of the table rows; the
# 4-character tag (columns 0-3) may hold spaces, so cut it off first.
sum_field() { tail -n +2 "$1" | cut -c6- | awk -v f="$2" '{ s += $f } END { print s + 0 }'; }

if [ ! -x "$tool" ]; then
	fail ntpoolmon "no $tool in the guest"
	exit 0
fi

# 1. --once against the live pooltags: exit 0, the header, every row.
if "$tool" -o > $out 2>&1; then
	if head -n 1 $out | grep -q '^Tag  Type *Allocs *Frees *Diff *Bytes *Per Alloc$'; then
		ok ntpoolmon-once
	else
		fail ntpoolmon-once "unexpected output: $(head -n 1 $out)"
	fi
else
	fail ntpoolmon-once "$(head -n 1 $out)"
fi

# 2. It shows what the module says: same rows, same outstanding bytes
# (read from one snapshot, so allocations in between cannot differ).
if [ -r $dbg/pooltags ]; then
	mkdir -p /tmp/snap/ntshim
	cat $dbg/pooltags > /tmp/snap/ntshim/pooltags
	cp /tmp/snap/ntshim/pooltags /tmp/pooltags.raw
	"$tool" -o -D /tmp/snap > $out 2>&1
	rows_file=$(($(wc -l < /tmp/pooltags.raw) - 1))
	rows_tool=$(($(wc -l < $out) - 1))
	bytes_file=$(sum_field /tmp/pooltags.raw 5)
	bytes_tool=$(sum_field $out 5)
	if [ "$rows_file" = "$rows_tool" ] && [ "$bytes_file" = "$bytes_tool" ]; then
		ok ntpoolmon-matches-debugfs
	else
		fail ntpoolmon-matches-debugfs "rows $rows_file/$rows_tool bytes $bytes_file/$bytes_tool (file/ntpoolmon)"
	fi
fi

# 3. Sort keys, filters and pool types all run on live data.
bad=
for args in "-s tag" "-s allocs -r" "-s frees" "-s diff" "-s peralloc" \
	    "-P" "-N" "-i *" "-x Dem?" "-i ????"; do
	# word splitting wanted:
	# shellcheck disable=SC2086
	"$tool" -o $args > $out 2>&1 || bad="$bad [$args: $(head -n 1 $out)]"
done
if [ -z "$bad" ]; then ok ntpoolmon-options; else fail ntpoolmon-options "$bad"; fi

# 4. Exclude everything: only the header is left.
if "$tool" -o -x '*' > $out 2>&1 && [ "$(wc -l < $out)" -eq 1 ]; then
	ok ntpoolmon-exclude-all
else
	fail ntpoolmon-exclude-all "$(wc -l < $out) lines"
fi

# 5. Refreshes without a terminal: the second table has the change columns.
if "$tool" -c 2 -d 0.2 > $out 2>&1 && grep -q '+Allocs' $out; then
	ok ntpoolmon-refresh
else
	fail ntpoolmon-refresh "$(head -n 1 $out)"
fi

# 6. The lookaside view, when the module has lookaside lists.
if [ -e $dbg/lookaside ]; then
	if "$tool" -o -l > $out 2>&1 && head -n 1 $out | grep -q '^Tag  Type *Size'; then
		ok ntpoolmon-lookaside
	else
		fail ntpoolmon-lookaside "$(head -n 1 $out)"
	fi
fi

# 7. A clear error where debugfs is not mounted.
mkdir -p /tmp/nodebugfs
if "$tool" -o -D /tmp/nodebugfs > $out 2>&1; then
	fail ntpoolmon-not-mounted "exit status 0"
elif grep -q 'debugfs is not mounted' $out; then
	ok ntpoolmon-not-mounted
else
	fail ntpoolmon-not-mounted "$(head -n 1 $out)"
fi
exit 0
