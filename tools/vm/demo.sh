#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: boot the debug VM, load ntshim.ko, print every demo's output
# and the pool-tag and lookaside tables, unload, and confirm that nothing
# leaked (no ntshim leak report, no kmemleak report, no kernel splat).
set -euo pipefail
. "$(dirname "$0")/lib.sh"

kdir=$(kernel_dir "$vm_dir/debug.config")
obj=$cache/obj-debug
echo "ntshim: building modules against $kdir" >&2
build_modules "$kdir" "$obj" NTSHIM_DEBUG=1
log=$cache/demo.log
make_initramfs "$cache/demo.cpio.gz" "$vm_dir/guest-demo.sh" "$obj/ntshim.ko" "$obj/module/demos/ntshim_demos.ko"
echo "ntshim: booting the test VM (log: $log)" >&2
status=0
run_vm "$kdir" "$cache/demo.cpio.gz" "$log" || status=$?

sed -n '/^NTSHIM-OUT-BEGIN$/,/^NTSHIM-OUT-END$/p' "$log" | sed '1d;$d'

if ! report=$(vm_verdict -u "$log" "$status"); then
	echo "==== FAILED (console log: $log) ===="
	printf '%s\n' "$report"
	exit 1
fi
echo "==== unload ===="
echo "rmmod ntshim: no pool allocation left behind, kmemleak clean, no kernel warnings."
