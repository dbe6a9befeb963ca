# SPDX-License-Identifier: GPL-2.0
# Guest side of `make check` (runs after ntshim.ko and ntshim_test.ko load).
for d in /sys/kernel/debug/kunit/ntshim_*; do
	[ -d "$d" ] || continue
	echo "NTSHIM-KTAP-BEGIN ${d##*/}"
	cat "$d/results"
	echo "NTSHIM-KTAP-END ${d##*/}"
done
if [ -d /sys/kernel/debug/ntshim/demos ]; then
	for f in /sys/kernel/debug/ntshim/demos/*; do
		[ "${f##*/}" = all ] && continue
		echo "NTSHIM-DEMO-BEGIN ${f##*/}"
		cat "$f"
		echo "NTSHIM-DEMO-END ${f##*/} status=$?"
	done
fi
[ -f ./guest-example.sh ] && sh ./guest-example.sh
[ -f ./guest-ntpoolmon.sh ] && sh ./guest-ntpoolmon.sh
# Last: it unloads and reloads ntshim.ko (guest-init skips what is gone).
[ -f ./guest-lifecycle.sh ] && sh ./guest-lifecycle.sh
exit 0
