#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# parse-results.sh <console.log> <suite>...: read the KTAP blocks that
# guest-check.sh printed from /sys/kernel/debug/kunit/<suite>/results, the
# demo blocks, the example driver's, ntpoolmon's and the lifecycle steps'
# verdicts; print one line per suite,
# then "TOTAL passed=N failed=N skipped=N".  A listed suite with no block,
# or with fewer results than its plan, counts as failed.
set -euo pipefail
log=$1
shift
awk -v expected="$*" '
function finish_suite(s,   got) {
	got = pass[s] + fail[s] + skip[s]
	if (got < plan[s]) { missing[s] = plan[s] - got; fail[s] += missing[s] }
}
/^NTSHIM-KTAP-BEGIN / { suite = $2; seen[suite] = 1; plan[suite] = 0; next }
/^NTSHIM-KTAP-END / { finish_suite(suite); suite = ""; next }
suite != "" && /^    1\.\.[0-9]+$/ && !plan[suite] { sub(/^    1\.\./, ""); plan[suite] = $0 + 0; next }
suite != "" && /^    ok [0-9]+ / {
	if ($0 ~ /# SKIP/) skip[suite]++; else pass[suite]++
	next
}
suite != "" && /^    not ok [0-9]+ / {
	fail[suite]++; name = $0; sub(/^    not ok [0-9]+ /, "", name)
	failures = failures "  FAIL " suite "." name "\n"
	next
}
/^NTSHIM-DEMO-BEGIN / { demo = $2; demo_ok = 0; next }
/^status: STATUS_SUCCESS$/ && demo != "" { demo_ok = 1; next }
/^NTSHIM-DEMO-END / {
	if (demo_ok && $0 ~ /status=0$/) dpass++
	else { dfail++; failures = failures "  FAIL demo " demo "\n" }
	demos = demos " " demo; demo = ""
	next
}
/^NTSHIM-EXAMPLE: ok/ { epass++; next }
/^NTSHIM-EXAMPLE: FAIL/ { efail++; failures = failures "  FAIL example: " $0 "\n"; next }
/^NTSHIM-LIFECYCLE: ok/ { lpass++; next }
/^NTSHIM-LIFECYCLE: FAIL/ { lfail++; failures = failures "  FAIL lifecycle: " $0 "\n"; next }
/^NTSHIM-EXHAUST: ok/ { xpass++; next }
/^NTSHIM-EXHAUST: FAIL/ { xfail++; failures = failures "  FAIL pool exhaustion: " $0 "\n"; next }
/^NTSHIM-TOOL: ok / { tlpass++; next }
/^NTSHIM-TOOL: FAIL / { tlfail++; failures = failures "  FAIL tool: " $0 "\n"; next }
END {
	n = split(expected, want, " ")
	for (i = 1; i <= n; i++) {
		s = want[i]
		if (!seen[s]) {
			printf "%-24s MISSING (no results)\n", s
			tfail++
			failures = failures "  FAIL suite " s " did not run\n"
			continue
		}
		printf "%-24s %3d passed, %d failed, %d skipped%s\n", s, pass[s], fail[s], skip[s], \
			missing[s] ? " (" missing[s] " never reported)" : ""
		tpass += pass[s]; tfail += fail[s]; tskip += skip[s]
	}
	for (s in seen) {
		found = 0
		for (i = 1; i <= n; i++) if (want[i] == s) found = 1
		if (!found) { printf "%-24s %3d passed, %d failed (unexpected suite)\n", s, pass[s], fail[s]; tpass += pass[s]; tfail += fail[s] }
	}
	if (dpass + dfail) printf "%-24s %3d passed, %d failed:%s\n", "demos", dpass, dfail, demos
	if (epass + efail) printf "%-24s %3d passed, %d failed\n", "example driver", epass, efail
	if (tlpass + tlfail) printf "%-24s %3d passed, %d failed\n", "ntpoolmon (live)", tlpass, tlfail
	if (lpass + lfail) printf "%-24s %3d passed, %d failed\n", "lifecycle", lpass, lfail
	if (xpass + xfail) printf "%-24s %3d passed, %d failed\n", "pool exhaustion", xpass, xfail
	if (failures != "") printf "%s", failures
	printf "TOTAL passed=%d failed=%d skipped=%d\n", tpass + dpass + epass + tlpass + lpass + xpass, tfail + dfail + efail + tlfail + lfail + xfail, tskip
}' "$log"
