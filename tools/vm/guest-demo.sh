# SPDX-License-Identifier: GPL-2.0
# Guest side of `make demo`: every demo with a heading, then the tables.
# Kernel messages are held back from the console while the demos print and
# replayed afterwards, prefixed "dmesg| ", so the output stays readable and
# the host still sees every report.
d=/sys/kernel/debug/ntshim
dmesg -c > /dev/null
dmesg -n 1
echo "NTSHIM-OUT-BEGIN"
for f in "$d"/demos/*; do
	[ -f "$f" ] || continue
	[ "${f##*/}" = all ] && continue
	echo "==== demo: ${f##*/} ===="
	cat "$f"
	echo
done
for t in pooltags lookaside; do
	[ -f "$d/$t" ] || continue
	echo "==== /sys/kernel/debug/ntshim/$t ===="
	cat "$d/$t"
	echo
done
echo "NTSHIM-OUT-END"
dmesg -n 7
dmesg | sed 's/^/dmesg| /'
exit 0
