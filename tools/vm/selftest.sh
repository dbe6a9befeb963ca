#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check-harness`: prove that the test VM harness fails a run for each
# kind of problem make check promises to catch.  For each fault (a failing
# KUnit case, WARN_ON, a leaked kmalloc, a KASAN out-of-bounds read) it
# boots the VM with a module that commits only that fault and runs
# make check's own judgement on the console log, which must say "failed".
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kdir=$(kernel_dir "$vm_dir/debug.config")
obj=$cache/obj-selftest
mkdir -p "$obj"
cp "$vm_dir/selftest/Kbuild" "$vm_dir/selftest/ntshim_harness_selftest.c" "$obj/"
make -s -C "$kdir" M="$obj" modules

# judge <log> <qemu-status>: make check's verdict on a console log: its
# test results and vm_verdict; prints the reasons, returns 0 when the run
# would pass.
judge() {
	local log=$1 status=$2 summary tests=()
	summary=$("$vm_dir/parse-results.sh" "$log" ntshim_harness_selftest)
	grep -q '^TOTAL .* failed=0 ' <<<"$summary" || tests=("test failure")
	vm_verdict "$log" "$status" ${tests[@]+"${tests[@]}"}
}

cat > "$cache/selftest-cmd.sh" <<'GUEST'
d=/sys/kernel/debug/kunit/ntshim_harness_selftest
echo "NTSHIM-KTAP-BEGIN ntshim_harness_selftest"
cat "$d/results"
echo "NTSHIM-KTAP-END ntshim_harness_selftest"
GUEST

failures=0
for fault in none kunit warn leak kasan; do
	log=$cache/selftest-$fault.log
	make_initramfs "$cache/selftest-$fault.cpio.gz" "$cache/selftest-cmd.sh" \
		"$obj/ntshim_harness_selftest.ko fault=$fault"
	status=0
	run_vm "$kdir" "$cache/selftest-$fault.cpio.gz" "$log" || status=$?
	if reasons=$(judge "$log" "$status"); then
		verdict=passed
	else
		verdict=failed
	fi
	expect=failed
	[ $fault = none ] && expect=passed
	if [ $verdict = $expect ]; then
		echo "ok: fault=$fault -> make check $verdict"
	else
		echo "NOT OK: fault=$fault -> make check $verdict, expected $expect (log: $log)"
		failures=$((failures + 1))
	fi
	[ -z "$reasons" ] || printf '%s\n' "$reasons"
done
[ $failures -eq 0 ]
