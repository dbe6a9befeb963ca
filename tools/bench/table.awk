#!/usr/bin/awk -f
# SPDX-License-Identifier: GPL-2.0
# Print ntshim_bench's CSV (tools/bench/run.sh) as tables with a verdict
# per row: "met", or how far the ratio of the medians misses its target.
# "min" is the same ratio of the fastest rounds, shown beside it.
# -v unit=instructions labels the cost rows' figures as instructions per op
# (a run under QEMU -icount); the default is ns/op.
BEGIN {
	FS = ","
	if (unit == "")
		unit = "ns"
	per = unit == "instructions" ? "instructions/op" : "ns/op"
}
$1 == "kind" { next }
function verdict(ratio, target,    op, t) {
	if (target == "")
		return "-"
	op = substr(target, 1, 2)
	t = substr(target, 3) + 0
	if (op == "<=") {
		if (ratio <= t)
			return "met"
		return sprintf("MISSED by %.0f%%", (ratio / t - 1) * 100)
	}
	if (ratio >= t)
		return "met"
	return sprintf("MISSED by %.0f%%", (1 - ratio / t) * 100)
}
function span(med, lo, hi) {
	return sprintf("%9.1f (%.1f..%.1f)", med, lo, hi)
}
function size(b) {
	if (b >= 1024 && b % 1024 == 0)
		return (b / 1024) " KiB"
	return b " B"
}
$1 == "error" {
	errors[++ne] = sprintf("%-66s did not run: error %s", $2, $11)
	next
}
$1 == "time" {
	if (!th) {
		printf "%-66s %-26s %-26s %6s %6s %7s  %s\n",
		       "cost row (shim vs raw)", "shim " per, "raw " per,
		       "ratio", "min", "target", "verdict"
		th = 1
	}
	printf "%-66s %-26s %-26s %6.3f %6.3f %7s  %s\n", $2, span($3, $4, $5),
	       span($6, $7, $8), $9, $14, $10, verdict($9, $10)
	next
}
$1 == "throughput" {
	if ($13 != cpus) {
		printf "\n%-66s %-26s %-26s %6s %6s %7s  %s\n",
		       "scaling row (" $13 " CPUs; throughput of A over B)",
		       "A ns/op per CPU", "B ns/op per CPU", "ratio", "min",
		       "target", "verdict"
		cpus = $13
	}
	printf "%-66s %-26s %-26s %6.3f %6.3f %7s  %s\n", $2, span($3, $4, $5),
	       span($6, $7, $8), $9, $14, $10, verdict($9, $10)
	next
}
# memory,name,size,blocks,kmalloc object,kmalloc other,ntshim object,ntshim other
$1 == "memory" {
	if (!mh) {
		printf "\n%-28s %8s %6s %6s   %8s %6s %6s  %7s  %s\n",
		       "memory row (bytes/block)", "kmalloc", "other", "over",
		       "ntshim", "other", "over", "excess",
		       "verdict (excess <= 64 B)"
		mh = 1
	}
	kover = $5 + $6 - $3
	sover = $7 + $8 - $3
	excess = sover - kover
	printf "%-28s %8d %6d %6d   %8d %6d %6d  %+7d  %s\n",
	       "ExAllocatePoolWithTag " size($3), $5, $6, kover, $7, $8, sover,
	       excess, (excess > 64 ? "OVER by " (excess - 64) " B" : "met")
}
END {
	for (i = 1; i <= ne; i++)
		print errors[i]
}
