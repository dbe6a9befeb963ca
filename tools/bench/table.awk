#!/usr/bin/awk -f
# SPDX-License-Identifier: GPL-2.0
# Print ntshim_bench's CSV (tools/bench/run.sh) as a table with a verdict
# per row: "ok", or how far the ratio of the medians misses its target.
# "min" is the same ratio of the fastest rounds (least disturbed by a busy
# host), shown beside it.
BEGIN { FS = "," }
NR == 1 { next }
function verdict(ratio, target,    op, t, miss) {
	if (target == "")
		return "-"
	op = substr(target, 1, 2)
	t = substr(target, 3) + 0
	if (op == "<=") {
		if (ratio <= t)
			return "ok"
		return sprintf("MISSED by %.0f%%", (ratio / t - 1) * 100)
	}
	if (ratio >= t)
		return "ok"
	return sprintf("MISSED by %.0f%%", (1 - ratio / t) * 100)
}
function span(med, lo, hi) {
	return sprintf("%9.1f (%.1f..%.1f)", med, lo, hi)
}
$1 == "error" {
	errors[++ne] = sprintf("%-66s did not run: error %s", $2, $11)
	next
}
$1 == "time" {
	if (!th) {
		printf "%-66s %-26s %-26s %6s %6s %7s  %s\n",
		       "cost row (shim vs raw)", "shim ns/op", "raw ns/op",
		       "ratio", "min", "target", "verdict"
		th = 1
	}
	printf "%-66s %-26s %-26s %6.3f %6.3f %7s  %s\n", $2, span($3, $4, $5),
	       span($6, $7, $8), $9, $14, $10, verdict($9, $10)
	next
}
$1 == "throughput" {
	if (!sh) {
		printf "\n%-66s %-26s %-26s %6s %6s %7s  %s\n",
		       "scaling row (" $13 " CPUs; throughput of A over B)",
		       "A ns/op per CPU", "B ns/op per CPU", "ratio", "min",
		       "target", "verdict"
		sh = 1
	}
	printf "%-66s %-26s %-26s %6.3f %6.3f %7s  %s\n", $2, span($3, $4, $5),
	       span($6, $7, $8), $9, $14, $10, verdict($9, $10)
}
END {
	for (i = 1; i <= ne; i++)
		print errors[i]
}
