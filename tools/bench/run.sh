#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make bench`: build the non-debug benchmark kernel (tools/vm/bench.config,
# cached like the debug one), build ntshim.ko for it in the release
# configuration (no NTSHIM_DEBUG) and ntshim_bench.ko, boot it, and print
# the table; the CSV goes to build/bench.csv, the table to build/bench.txt.
#
# Environment (besides tools/vm/lib.sh's NTSHIM_VM_*):
#   NTSHIM_BENCH_ROUNDS    rounds per row (default 21, at most 64)
#   NTSHIM_BENCH_BATCH_US  target length of one raw batch (default 1000)
#   NTSHIM_BENCH_PROFILE   a row number (0: the first row of the table):
#                          sample where that row's shim side spends its
#                          time instead of running the table; the profile
#                          goes to build/bench-profile.txt
#
# Exits 0 when the run was clean; missed targets are reported, not fatal.
set -euo pipefail
. "$(dirname "$0")/../vm/lib.sh"

bench_src=$top/tools/bench
rounds=${NTSHIM_BENCH_ROUNDS:-21}
batch_us=${NTSHIM_BENCH_BATCH_US:-1000}
profile=${NTSHIM_BENCH_PROFILE:--1}
case $profile in
-1 | [0-9] | [0-9][0-9]) ;;
*) echo "ntshim: NTSHIM_BENCH_PROFILE must be a row number" >&2; exit 2 ;;
esac

kdir=$(kernel_dir "$vm_dir/bench.config")
obj=$cache/obj-bench
echo "ntshim: building ntshim.ko (release) and ntshim_bench.ko against $kdir" >&2
build_modules "$kdir" "$obj"
make -s -C "$kdir" M="$obj/tools/bench" -j"$(nproc)" W=1 \
	NTSHIM="$obj" KBUILD_EXTRA_SYMBOLS="$obj/Module.symvers" modules

log=$cache/bench.log
csv=$cache/bench.csv
txt=$cache/bench.txt
make_initramfs "$cache/bench.cpio.gz" "$bench_src/guest-bench.sh" \
	"$obj/ntshim.ko" \
	"$obj/tools/bench/ntshim_bench.ko rounds=$rounds batch_us=$batch_us profile=$profile"
accel=TCG
[ "${NTSHIM_VM_KVM:-0}" = 1 ] && accel=KVM
echo "ntshim: booting the benchmark VM ($accel, ${NTSHIM_VM_SMP:-2} CPUs; log: $log)" >&2
status=0
run_vm "$kdir" "$cache/bench.cpio.gz" "$log" || status=$?

problems=()
if [ "$profile" -ge 0 ]; then
	prof=$cache/bench-profile.txt
	sed -n '/^NTSHIM-BENCH-PROFILE-BEGIN$/,/^NTSHIM-BENCH-PROFILE-END$/p' "$log" |
		sed '1d;$d' > "$prof"
	head -n 40 "$prof"
	grep -q ' samples, one per ' "$prof" || problems+=("no profile in the output")
else
	sed -n '/^NTSHIM-BENCH-BEGIN$/,/^NTSHIM-BENCH-END$/p' "$log" | sed '1d;$d' > "$csv"
	{
		echo "host:  $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
		echo "qemu:  $(qemu-system-x86_64 --version | head -n 1), $accel, -smp ${NTSHIM_VM_SMP:-2}"
		echo "guest: $(sed -n 's/^NTSHIM-BENCH-GUEST: //p' "$log")"
		echo "$rounds rounds per row; ns/op as median (min..max) over the rounds"
		[ "$accel" = TCG ] && echo "TCG emulation: absolute ns are emulation numbers, only the ratios carry over"
		echo
		"$bench_src/table.awk" "$csv"
	} | tee "$txt"
	grep -q '^time,' "$csv" || problems+=("no benchmark rows in the output")
	! grep -q '^error,' "$csv" || problems+=("a row failed to run (see $csv)")
fi
if ! report=$(vm_verdict -u "$log" "$status" ${problems[@]+"${problems[@]}"}); then
	echo "==== bench FAILED (console log: $log) ====" >&2
	printf '%s\n' "$report" >&2
	exit 1
fi
if [ "$profile" -ge 0 ]; then
	echo "ntshim: profile in $prof" >&2
else
	echo "ntshim: CSV in $csv, table in $txt" >&2
fi
