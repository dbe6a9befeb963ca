#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of the example check (run by guest-check.sh, ntshim.ko loaded):
# load ntshim_example.ko, add and delete records through its debugfs file,
# unload it, and require its pool-tag rows back at Diff 0 and no new ntshim
# violation.  Prints "NTSHIM-EXAMPLE: ok" or "NTSHIM-EXAMPLE: FAIL <why>".
d=/sys/kernel/debug
f=$d/ntshim_example/records

fail() {
	echo "NTSHIM-EXAMPLE: FAIL $*"
	[ -d $d/ntshim_example ] && rmmod ntshim_example
	exit 0
}
counts() { sed -n '/^kind count$/,/^$/p' $d/ntshim/violations; }

before=$(counts)
insmod ./ntshim_example.ko || fail "insmod"
for n in alpha beta gamma delta; do
	echo "add $n" > $f || fail "add $n"
done
echo "del 2" > $f || fail "del 2"
[ "$(cat $f | tr '\n' ' ')" = "1 alpha 3 gamma 4 delta " ] ||
	fail "records: $(cat $f | tr '\n' ' ')"
# Bad commands are rejected and change nothing.
for bad in "add" "add two words" "del x" "del 99" "frobnicate" \
	   "add 0123456789012345678901234567890123456789"; do
	echo "$bad" > $f 2>/dev/null && fail "accepted \"$bad\""
done
[ "$(grep -c . $f)" = 3 ] || fail "bad commands changed the records"
echo clear > $f || fail clear
echo "add last" > $f || fail "add last"
cat $f
rmmod ntshim_example || fail "rmmod"

rows=$(awk '$1 ~ /^Ex(Dv|Rc|Nm)$/' $d/ntshim/pooltags)
echo "$rows"
[ -n "$rows" ] || fail "no pooltags rows for ExDv/ExRc/ExNm"
echo "$rows" | awk '$5 != 0 { bad = 1 } END { exit bad }' ||
	fail "pool rows not back to Diff 0"
[ "$(counts)" = "$before" ] || fail "violations were reported:
$(counts)"
echo "NTSHIM-EXAMPLE: ok"
