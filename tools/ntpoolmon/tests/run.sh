#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# run.sh <ntpoolmon> <testdata>: host-side tests of ntpoolmon's parser and
# output against recorded debugfs files.
#
# Each directory testdata/<name>/ holds a recorded ntshim/pooltags and/or
# ntshim/lookaside (as found under /sys/kernel/debug) and one or more
# *.test files: the first line is "args: <ntpoolmon arguments>", the rest
# is the expected output (stdout, then stderr) followed by "exit <status>".
# "-D <that directory>" is added to the arguments.  UPDATE=1 rewrites the
# expected output from the actual one (review the diff before committing).
# Ends with "N passed, N failed".
set -uo pipefail
bin=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
data=$2
cd "$(dirname "$data")" || exit 1
data=$(basename "$data")
pass=0
fail=0

for t in "$data"/*/*.test; do
	dir=$(dirname "$t")
	args=$(sed -n '1s/^args: //p' "$t")
	# The args are a word list on purpose.
	actual=$(eval "\"$bin\" -D \"$dir\" $args" 2>/tmp/ntpoolmon-test.$$; echo "exit $?")
	actual=$(cat <(printf '%s\n' "$actual" | sed '$d') /tmp/ntpoolmon-test.$$ <(printf '%s\n' "$actual" | tail -n 1))
	expected=$(sed 1d "$t")
	if [ "${UPDATE:-0}" = 1 ]; then
		{ head -n 1 "$t"; printf '%s\n' "$actual"; } > "$t.new" && mv "$t.new" "$t"
	fi
	if [ "$actual" = "$expected" ] || [ "${UPDATE:-0}" = 1 ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $t (ntpoolmon -D $dir $args)"
		diff -u <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") | sed 's/^/    /'
	fi
done
rm -f /tmp/ntpoolmon-test.$$

# Permission denied needs a user who is not root: root runs these two
# checks as nobody (setpriv), a file and then a directory it cannot read.
as_user=
if [ "$(id -u)" -eq 0 ]; then
	command -v setpriv > /dev/null &&
		as_user="setpriv --reuid=65534 --regid=65534 --clear-groups"
fi
if [ "$(id -u)" -ne 0 ] || [ -n "$as_user" ]; then
	tmp=$(mktemp -d)
	chmod 755 "$tmp"
	mkdir -p "$tmp/ntshim"
	cp "$data/pool/ntshim/pooltags" "$tmp/ntshim/"
	for what in file dir; do
		if [ $what = file ]; then
			chmod 000 "$tmp/ntshim/pooltags"
		else
			chmod 644 "$tmp/ntshim/pooltags"
			chmod 700 "$tmp/ntshim"
		fi
		msg=$($as_user "$bin" -o -D "$tmp" 2>&1)
		if printf '%s\n' "$msg" | grep -q 'permission denied.*run ntpoolmon as root'; then
			pass=$((pass + 1))
		else
			fail=$((fail + 1))
			echo "FAIL permission denied ($what) is not reported as such"
		fi
	done
	rm -rf "$tmp"
else
	echo "(skipped the permission tests: root without setpriv)"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
