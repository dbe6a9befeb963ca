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

# judge <log>: make check's verdict on a console log: prints the reasons,
# returns 0 when the run would pass.
judge() {
	local log=$1 bad=0 summary
	summary=$("$vm_dir/parse-results.sh" "$log" ntshim_harness_selftest)
	grep -q '^TOTAL .* failed=0 ' <<<"$summary" || { echo "    test failure"; bad=1; }
	[ -z "$(vm_splats "$log")" ] || { echo "    kernel report: $(vm_splats "$log" | head -n 1)"; bad=1; }
	[ -z "$(vm_bad_taint "$log")" ] || { echo "    $(vm_bad_taint "$log")"; bad=1; }
	grep -q '^NTSHIM-VM: done' "$log" || { echo "    guest did not finish"; bad=1; }
	return $bad
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
	run_vm "$kdir" "$cache/selftest-$fault.cpio.gz" "$log" || true
	if reasons=$(judge "$log"); then
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
