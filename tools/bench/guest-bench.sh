# SPDX-License-Identifier: GPL-2.0
# Guest side of `make bench`: describe the guest, run every row, print the
# CSV between markers.  Kernel messages stay off the console meanwhile so
# they cannot land inside the CSV; they are replayed afterwards.  With the
# module's profile parameter set (NTSHIM_BENCH_PROFILE), print that row's
# profile instead.
d=/sys/kernel/debug/ntshim_bench
dmesg -n 1
echo "NTSHIM-BENCH-GUEST: kernel $(uname -r), $(grep -c ^processor /proc/cpuinfo) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
status=0
if [ "$(cat /sys/module/ntshim_bench/parameters/profile)" -ge 0 ]; then
	echo "NTSHIM-BENCH-PROFILE-BEGIN"
	cat "$d/profile" || status=$?
	echo "NTSHIM-BENCH-PROFILE-END"
else
	echo "NTSHIM-BENCH-BEGIN"
	cat "$d/run" || status=$?
	echo "NTSHIM-BENCH-END"
fi
dmesg -n 7
dmesg | sed 's/^/dmesg| /'
exit $status
