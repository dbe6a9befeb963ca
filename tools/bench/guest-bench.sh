# SPDX-License-Identifier: GPL-2.0
# Guest side of `make bench`: describe the guest, run every row, print the
# CSV between markers.  Kernel messages stay off the console meanwhile so
# they cannot land inside the CSV; they are replayed afterwards.
d=/sys/kernel/debug/ntshim_bench
dmesg -n 1
echo "NTSHIM-BENCH-GUEST: kernel $(uname -r), $(grep -c ^processor /proc/cpuinfo) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
echo "NTSHIM-BENCH-BEGIN"
status=0
cat "$d/run" || status=$?
echo "NTSHIM-BENCH-END"
dmesg -n 7
dmesg | sed 's/^/dmesg| /'
exit $status
