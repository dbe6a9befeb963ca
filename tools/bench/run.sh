#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make bench`: build the non-debug benchmark kernel (tools/vm/bench.config,
# cached like the debug one), build ntshim.ko for it in the release
# configuration (no NTSHIM_DEBUG) and ntshim_bench.ko, and boot it:
#
#   1. the cost and memory rows, under QEMU -icount shift=0,sleep=off (one
#      guest nanosecond per guest instruction, so ns/op read as
#      instructions per op and repeat exactly); CSV in build/bench.csv
#   2. the scaling rows, without -icount (multi-threaded TCG), once per
#      CPU count in NTSHIM_BENCH_SCALING_SMP; CSV in build/bench-scaling.csv
#
# and print the tables (also in build/bench.txt).
#
# Environment (besides tools/vm/lib.sh's NTSHIM_VM_*):
#   NTSHIM_BENCH_ROUNDS       rounds per row (default 21, at most 64)
#   NTSHIM_BENCH_BATCH_US     target length of one raw batch (default 4000
#                             under -icount: 4M instructions, so a timer
#                             tick is at most 0.1% of a batch; else 1000)
#   NTSHIM_BENCH_ICOUNT       1 (default): cost rows in instructions under
#                             -icount; 0: in ns of (emulated) time.  Off
#                             with NTSHIM_VM_KVM=1 (KVM has no -icount)
#   NTSHIM_BENCH_SCALING_SMP  guest CPU counts of the scaling boots
#                             (default "2 4"; empty: no scaling boot)
#   NTSHIM_BENCH_PROFILE      a row number (0: the first row of the table):
#                             sample where that row's shim side spends its
#                             time instead of running the table (under
#                             -icount as the cost rows); the profile goes to
#                             build/bench-profile.txt
#
# Exits 0 when the run was clean; missed targets are reported, not fatal.
set -euo pipefail
. "$(dirname "$0")/../vm/lib.sh"

bench_src=$top/tools/bench
rounds=${NTSHIM_BENCH_ROUNDS:-21}
profile=${NTSHIM_BENCH_PROFILE:--1}
case $profile in
-1 | [0-9] | [0-9][0-9]) ;;
*) echo "ntshim: NTSHIM_BENCH_PROFILE must be a row number" >&2; exit 2 ;;
esac
use_icount=${NTSHIM_BENCH_ICOUNT:-1}
accel=TCG
if [ "${NTSHIM_VM_KVM:-0}" = 1 ]; then
	accel=KVM
	use_icount=0
fi
scaling_smp=${NTSHIM_BENCH_SCALING_SMP-2 4}
# batch_of <icount>: the batch length of a boot with or without -icount.
batch_of() {
	local d=1000
	[ "$1" = 1 ] && d=4000
	echo "${NTSHIM_BENCH_BATCH_US:-$d}"
}
smp=${NTSHIM_VM_SMP:-2}

kdir=$(kernel_dir "$vm_dir/bench.config")
obj=$cache/obj-bench
echo "ntshim: building ntshim.ko (release) and ntshim_bench.ko against $kdir" >&2
build_modules "$kdir" "$obj"
make -s -C "$kdir" M="$obj/tools/bench" -j"$(nproc)" W=1 \
	NTSHIM="$obj" KBUILD_EXTRA_SYMBOLS="$obj/Module.symvers" modules

problems=()

# The boots run back to back: take the machine's VM lock (the one run_vm
# takes for each guest) once for all of them, and give run_vm a lock of
# our own meanwhile, which it then takes uncontended.
vm_lock=${NTSHIM_VM_LOCK:-/tmp/ntshim-vm.lock}
exec {vm_lock_fd}>> "$vm_lock"
echo "ntshim: waiting for the VM lock ($vm_lock)" >&2
flock "$vm_lock_fd"
export NTSHIM_VM_LOCK=$cache/bench-vm.lock

# boot <what> <log> <cpus> <icount> <module parameters>: one guest run.
boot() {
	local what=$1 log=$2 cpus=$3 ic=$4 params=$5 mode status=0 verdict
	make_initramfs "$cache/bench.cpio.gz" "$bench_src/guest-bench.sh" \
		"$obj/ntshim.ko" \
		"$obj/tools/bench/ntshim_bench.ko rounds=$rounds batch_us=$(batch_of "$ic") $params"
	mode=$accel
	[ "$ic" = 1 ] && mode="TCG -icount"
	echo "ntshim: booting the benchmark VM for $what ($mode, $cpus CPUs; log: $log)" >&2
	NTSHIM_VM_SMP=$cpus NTSHIM_VM_ICOUNT=$ic \
		run_vm "$kdir" "$cache/bench.cpio.gz" "$log" || status=$?
	verdict=$(vm_verdict -u "$log" "$status") || problems+=("$what (log: $log):
$verdict")
}

# csv_of <log>: the CSV the guest printed.
csv_of() {
	sed -n '/^NTSHIM-BENCH-BEGIN$/,/^NTSHIM-BENCH-END$/p' "$1" | sed '1d;$d'
}

# describe <log> <cpus> <icount>: where the figures come from.
describe() {
	local mode=$accel
	[ "$3" = 1 ] && mode="TCG, -icount shift=0,sleep=off (single-threaded)"
	[ "$3" = 0 ] && [ "$accel" = TCG ] && mode="TCG, thread=multi"
	echo "qemu:  $(qemu-system-x86_64 --version | head -n 1), $mode, -smp $2"
	echo "guest: $(sed -n 's/^NTSHIM-BENCH-GUEST: //p' "$1")"
}

if [ "$profile" -ge 0 ]; then
	log=$cache/bench-profile.log
	prof=$cache/bench-profile.txt
	boot "the profile of row $profile" "$log" "$smp" "$use_icount" "profile=$profile"
	sed -n '/^NTSHIM-BENCH-PROFILE-BEGIN$/,/^NTSHIM-BENCH-PROFILE-END$/p' "$log" |
		sed '1d;$d' > "$prof"
	head -n 40 "$prof"
	grep -q ' samples, one per ' "$prof" || problems+=("no profile in the output")
else
	log=$cache/bench.log
	csv=$cache/bench.csv
	scsv=$cache/bench-scaling.csv
	txt=$cache/bench.txt
	boot "the cost and memory rows" "$log" "$smp" "$use_icount" rows=cost,memory
	csv_of "$log" > "$csv"
	grep -q '^time,' "$csv" || problems+=("no cost rows in the output")
	grep -q '^memory,' "$csv" || problems+=("no memory rows in the output")
	slogs=()
	: > "$scsv"
	for n in $scaling_smp; do
		slog=$cache/bench-scaling-smp$n.log
		slogs+=("$slog" "$n")
		boot "the scaling rows on $n CPUs" "$slog" "$n" 0 rows=scaling
		csv_of "$slog" | if [ -s "$scsv" ]; then sed 1d; else cat; fi >> "$scsv"
		csv_of "$slog" | grep -q '^throughput,' ||
			problems+=("no scaling rows in the output of $slog")
	done
	unit=ns
	[ "$use_icount" = 1 ] && unit=instructions
	{
		echo "host:  $(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%d)"
		echo "cost and memory rows:"
		describe "$log" "$smp" "$use_icount"
		if [ "$unit" = instructions ]; then
			echo "$rounds rounds per row of $(batch_of 1)-us batches; instructions per op (1 guest ns = 1 guest instruction) as median (min..max) over the rounds"
		else
			echo "$rounds rounds per row; ns/op as median (min..max) over the rounds"
			if [ "$accel" = TCG ]; then
				echo "TCG emulation: absolute ns are emulation numbers, only the ratios carry over"
			fi
		fi
		echo
		"$bench_src/table.awk" -v unit="$unit" "$csv"
		set -- "${slogs[@]}"
		while [ $# -ge 2 ]; do
			echo
			echo "scaling rows, $2 CPUs:"
			describe "$1" "$2" 0
			shift 2
		done
		if [ -s "$scsv" ]; then
			[ "$accel" = TCG ] && echo "$(nproc) host CPUs: a guest with more vCPUs than that measures contention, not throughput"
			"$bench_src/table.awk" "$scsv"
		fi
	} | tee "$txt"
	! grep -q '^error,' "$csv" "$scsv" || problems+=("a row failed to run (see $csv, $scsv)")
fi

if [ ${#problems[@]} -ne 0 ]; then
	echo "==== bench FAILED ====" >&2
	printf '  - %s\n' "${problems[@]}" >&2
	exit 1
fi
if [ "$profile" -ge 0 ]; then
	echo "ntshim: profile in $prof" >&2
else
	echo "ntshim: CSV in $csv and $scsv, tables in $txt" >&2
fi
