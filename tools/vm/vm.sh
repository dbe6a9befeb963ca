#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Boot the debug kernel with ntshim.ko, any extra modules and a command:
#   tools/vm/vm.sh [-m "a.ko b.ko"] [-c "guest command"]
# (make vm MODULES="a.ko b.ko" CMD="cat /sys/kernel/debug/ntshim/pooltags")
# Extra modules are built by you against the kernel this prints, with
# KBUILD_EXTRA_SYMBOLS pointing at ntshim's Module.symvers beside it.
set -euo pipefail
. "$(dirname "$0")/lib.sh"

modules=
cmd=true
while getopts "m:c:" opt; do
	case $opt in
	m) modules=$OPTARG ;;
	c) cmd=$OPTARG ;;
	*) echo "usage: $0 [-m \"a.ko b.ko\"] [-c command]" >&2; exit 2 ;;
	esac
done

kdir=$(kernel_dir "$vm_dir/debug.config")
obj=$cache/obj-debug
build_modules "$kdir" "$obj" NTSHIM_DEBUG=1
echo "ntshim: kernel $kdir, ntshim symbols in $obj/Module.symvers" >&2

printf '%s\n' "$cmd" > "$cache/vm-cmd.sh"
# shellcheck disable=SC2086
make_initramfs "$cache/vm.cpio.gz" "$cache/vm-cmd.sh" "$obj/ntshim.ko" $modules
status=0
V=1 run_vm "$kdir" "$cache/vm.cpio.gz" "$cache/vm.log" || status=$?
if ! report=$(vm_verdict "$cache/vm.log" "$status"); then
	echo "ntshim: the VM run failed (console log: $cache/vm.log)" >&2
	printf '%s\n' "$report" >&2
	exit 1
fi
echo "ntshim: the VM run was clean" >&2
