#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make check`: build ntshim against the debug kernel, boot it, load
# ntshim.ko and ntshim_test.ko (KUnit runs every ntshim_* suite), run the
# demos and the example driver, unload, and judge the console:
#   - every KUnit case of every suite in kunit/*.c must pass;
#   - every demo must end with "status: STATUS_SUCCESS";
#   - the example driver and ntpoolmon must report ok against the live module;
#   - no BUG/WARNING/KASAN/lockdep/kmemleak report, no taint but O, E, N;
#   - the guest must finish before NTSHIM_VM_TIMEOUT;
#   - last, after the unload and kmemleak scan above, a driver exhausts
#     page-sized NonPagedPool: it must get NULL (no OOM killer, no panic),
#     free it all, and leave no leak; that section of the console is
#     judged on its own (vm_exhaust_verdict), the rest as above.
# Ends with the line "N passed, N failed[, N skipped]".
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kdir=$(kernel_dir "$vm_dir/debug.config")
obj=$cache/obj-debug
echo "ntshim: building modules against $kdir"
build_modules "$kdir" "$obj" NTSHIM_DEBUG=1
[ -f "$obj/kunit/ntshim_test.ko" ] || { echo "ntshim: no ntshim_test.ko" >&2; exit 1; }

# The unload test module, built as a ported driver is (shim/ntshim.mk).
rearm=$cache/obj-rearm
mkdir -p "$rearm"
rsync -a "$vm_dir/rearm/" "$rearm/"
make -s -C "$kdir" M="$rearm" -j"$(nproc)" W=1 NTSHIM="$obj" \
	KBUILD_EXTRA_SYMBOLS="$obj/Module.symvers" modules

# The pool exhaustion driver, built the same way.
exhaust=$cache/obj-exhaust
mkdir -p "$exhaust"
rsync -a "$vm_dir/exhaust/" "$exhaust/"
make -s -C "$kdir" M="$exhaust" -j"$(nproc)" W=1 NTSHIM="$obj" \
	KBUILD_EXTRA_SYMBOLS="$obj/Module.symvers" modules

make -s -C "$top/tools/ntpoolmon"
extra="$top/tools/ntpoolmon/ntpoolmon $vm_dir/guest-ntpoolmon.sh"
extra="$extra $rearm/ntshim_rearm.ko $vm_dir/guest-lifecycle.sh"
extra="$extra $exhaust/ntshim_exhaust.ko $vm_dir/guest-exhaust.sh"
if [ -f "$obj/examples/ntshim_example.ko" ]; then
	extra="$extra $obj/examples/ntshim_example.ko $vm_dir/guest-example.sh"
fi
log=$cache/check.log
echo "ntshim: booting the test VM (log: $log)"
NTSHIM_VM_FILES=$extra make_initramfs "$cache/check.cpio.gz" \
	"$vm_dir/guest-check.sh" "$obj/ntshim.ko" "$obj/module/demos/ntshim_demos.ko" "$obj/kunit/ntshim_test.ko"
start=$(date +%s)
status=0
run_vm "$kdir" "$cache/check.cpio.gz" "$log" || status=$?
echo "ntshim: guest ran $(( $(date +%s) - start )) s"

# Every suite defined in kunit/*.c: the .name inside a struct kunit_suite.
expected=$(awk '/struct kunit_suite [a-z0-9_]+ = \{/ { insuite = 1 }
		insuite && /\.name = "/ { split($0, q, "\""); print q[2]; insuite = 0 }' \
	   "$top"/kunit/*.c | sort -u)
if [ -n "${NTSHIM_KUNIT_FILTER:-}" ]; then
	# shellcheck disable=SC2053 # the filter is a glob on purpose
	expected=$(for s in $expected; do
			   if [[ $s == $NTSHIM_KUNIT_FILTER ]]; then echo "$s"; fi
		   done)
fi
"$vm_dir/parse-results.sh" "$log" $expected > "$cache/check.summary" || true
cat "$cache/check.summary"

# The exhaustion step's section, judged apart from the rest.
vm_split_post "$log" "$cache/check-main.log" "$cache/check-exhaust.log"
grep '^NTSHIM-EXHAUST: ok' "$cache/check-exhaust.log" || true
nproblems=0
report=$(vm_verdict "$cache/check-main.log" "$status") || nproblems=$?
n=0
exhaust_report=$(vm_exhaust_verdict "$cache/check-exhaust.log") || n=$?
if [ "$n" -ne 0 ]; then
	nproblems=$((nproblems + n))
	report="$report
  pool exhaustion step (its console: $cache/check-exhaust.log):
$exhaust_report"
fi

passed=$(sed -n 's/^TOTAL passed=\([0-9]*\) .*/\1/p' "$cache/check.summary")
failed=$(sed -n 's/^TOTAL .* failed=\([0-9]*\) .*/\1/p' "$cache/check.summary")
skipped=$(sed -n 's/^TOTAL .* skipped=\([0-9]*\)$/\1/p' "$cache/check.summary")
failed=$(( ${failed:-0} + nproblems ))
if [ $nproblems -ne 0 ]; then
	echo "ntshim: make check found problems (full console log: $log):"
	printf '%s\n' "$report"
fi
line="${passed:-0} passed, $failed failed"
[ "${skipped:-0}" -eq 0 ] || line="$line, $skipped skipped"
echo "$line"
[ "$failed" -eq 0 ]
