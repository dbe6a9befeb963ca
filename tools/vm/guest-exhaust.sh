#!/bin/sh
# SPDX-License-Identifier: GPL-2.0
# Guest side of make check's last step, pool exhaustion (run by guest-init
# after the run's own unload and kmemleak scan, with every module gone):
# ntshim.ko and ntshim_exhaust.ko load, the driver takes page-sized
# NonPagedPool until it gets NULL and frees it all (see ntshim_exhaust.c),
# both unload, kmemleak scans again.  check.sh judges what this prints on
# its own (vm_exhaust_verdict in lib.sh): no OOM killer, no panic, no
# warning from ntshim's allocations, no leak, the Exht row back to 0.
# Prints "NTSHIM-EXHAUST: ok <what>" or "NTSHIM-EXHAUST: FAIL <why>".
d=/sys/kernel/debug/ntshim
ok() { echo "NTSHIM-EXHAUST: ok $*"; }
fail() { echo "NTSHIM-EXHAUST: FAIL $*"; }

if ! insmod ./ntshim.ko; then
	fail "insmod ntshim.ko"
	exit 0
fi
if insmod ./ntshim_exhaust.ko; then
	line=$(dmesg | grep 'ntshim_exhaust: NULL after' | tail -n 1)
	ok "driver: ${line#*ntshim_exhaust: }"
	row=$(grep '^Exht Nonp' $d/pooltags)
	# Tag Type Allocs Frees Diff Bytes
	# shellcheck disable=SC2086 # split the row into its columns
	set -- $row
	if [ "$#" -ge 6 ] && [ "$3" = "$4" ] && [ "$5" = 0 ] && [ "$6" = 0 ]; then
		ok "pooltags: $row"
	else
		fail "pooltags row after freeing: '$row'"
	fi
	rmmod ntshim_exhaust || fail "rmmod ntshim_exhaust"
else
	fail "insmod ntshim_exhaust.ko (the driver's check failed: see dmesg)"
fi
rmmod ntshim || fail "rmmod ntshim"
# the system goes on: a process starts and runs
if [ "$(echo alive | cat)" = alive ]; then
	ok "userspace runs after exhaustion"
else
	fail "userspace after exhaustion"
fi
# one scan (the run's own two came before): blocks older than 5 s
sleep 6
echo scan > /sys/kernel/debug/kmemleak
cat /sys/kernel/debug/kmemleak
echo "NTSHIM-EXHAUST: taint $(cat /proc/sys/kernel/tainted)"
exit 0
