#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of make check's lifecycle steps (run by guest-check.sh after
# the suites, with ntshim.ko, ntshim_demos.ko and ntshim_test.ko loaded):
#  1. ntshim_rearm.ko unloads with a self-re-arming timer, DPCs and work
#     item, a lookaside list, an ERESOURCE and pool blocks: ntshim must cancel the
#     deferred work first and report the pool leaks last, without a splat;
#  2. ntshim.ko's init ladder: insmod with fail_init_step=1..6 must fail
#     each time and leave nothing behind;
#  3. ntshim.ko unloads and loads again, and a demo runs on it.
# Prints "NTSHIM-LIFECYCLE: ok <step>" or "NTSHIM-LIFECYCLE: FAIL <why>".
d=/sys/kernel/debug/ntshim
ok() { echo "NTSHIM-LIFECYCLE: ok $*"; }
fail() { echo "NTSHIM-LIFECYCLE: FAIL $*"; }
# The kinds of the violation history, oldest first, from line $1 on.
kinds_since() {
	sed -n '/^last reports/,$p' $d/violations | sed 1d |
		awk -v from="$1" '$1 >= from { print $2 }'
}
now_ns() { sed -n '/^last reports/,$p' $d/violations | tail -n 1 | awk '{ print $1 + 1 }'; }

# 1. unload with everything armed
start=$(now_ns)
[ -n "$start" ] || start=0
if insmod ./ntshim_rearm.ko; then
	sleep 1
	if rmmod ntshim_rearm; then
		kinds=$(kinds_since "$start" | tr '\n' ' ')
		echo "violations at unload: $kinds"
		last_deferred=$(kinds_since "$start" | grep -n -E '^(timer|dpc|workitem)_misuse$' | tail -n 1 | cut -d: -f1)
		first_leak=$(kinds_since "$start" | grep -n '^pool_leak$' | head -n 1 | cut -d: -f1)
		if [ -z "$last_deferred" ]; then
			fail "rearm: no timer, DPC or work item was cancelled"
		elif [ -z "$first_leak" ]; then
			fail "rearm: no pool_leak report"
		elif [ "$first_leak" -lt "$last_deferred" ]; then
			fail "rearm: a leak was reported before the deferred work stopped: $kinds"
		elif ! grep -q '^Rarm' $d/pooltags; then
			fail "rearm: no Rarm row in pooltags"
		else
			ok "rearm unload"
		fi
	else
		fail "rmmod ntshim_rearm"
	fi
else
	fail "insmod ntshim_rearm.ko"
fi

# 2. and 3. ntshim itself: out, the init ladder, back in
for m in ntshim_test ntshim_demos ntshim; do
	[ -d /sys/module/$m ] && { rmmod $m || fail "rmmod $m"; }
done
if [ -d /sys/module/ntshim ]; then
	fail "ntshim still loaded"
	exit 0
fi
ladder=ok
for n in 1 2 3 4 5 6; do
	if insmod ./ntshim.ko fail_init_step=$n 2>/dev/null; then
		fail "insmod ntshim.ko fail_init_step=$n succeeded"
		ladder=
		rmmod ntshim
	elif [ -d /sys/module/ntshim ] || [ -d $d ]; then
		fail "fail_init_step=$n left ntshim behind"
		ladder=
	fi
done
[ -n "$ladder" ] && ok "init ladder 1..6"
if insmod ./ntshim.ko && insmod ./ntshim_demos.ko; then
	if cat $d/demos/pool | grep -q '^status: STATUS_SUCCESS$'; then
		ok "ntshim reloaded"
	else
		fail "demo after reload"
	fi
else
	fail "insmod after the ladder"
fi
exit 0
