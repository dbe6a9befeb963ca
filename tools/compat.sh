#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make compat`: compile-check ntshim, the example driver (when examples/
# has a Kbuild) and the KUnit tests against real distribution kernels:
# Debian's packaged headers for 6.1 (linux-headers-amd64) and 6.12
# (linux-headers-6.12-amd64), and the test VM's debug kernel, each with
# and without NTSHIM_DEBUG=1, at W=1 with every warning an error.
#
# Kernels without CONFIG_KUNIT (Debian's) still compile the tests: modpost
# is told to warn instead of fail, and only its "undefined kunit_*" notes
# about ntshim_test.ko are forgiven.  Each build has its own mirror of the
# sources (build_modules in tools/vm/lib.sh), so builds never share objects.
#
# Environment:
#   NTSHIM_COMPAT_KDIRS  kernel build directories to use instead of the
#                        default three (space separated)
#   NTSHIM_COMPAT_NODEBUG=1  skip the debug kernel (it is built the first
#                        time otherwise, like make check does)
# Ends with "compat: N builds ok, N failed"; exits 1 on any failure.
set -euo pipefail
. "$(dirname "$0")/vm/lib.sh"

# newest <glob>: the last matching directory, or nothing.
newest() {
	local d last=
	for d in $1; do [ -d "$d" ] && last=$d; done
	printf '%s' "$last"
}

# Debian's headers, installed when missing (root only).
distro_kdirs() {
	local want="6.1:linux-headers-amd64 6.12:linux-headers-6.12-amd64" w ver pkg d
	for w in $want; do
		ver=${w%%:*}
		pkg=${w#*:}
		d=$(newest "/usr/src/linux-headers-$ver.*-amd64")
		if [ -z "$d" ]; then
			if [ "$(id -u)" -eq 0 ]; then
				echo "compat: installing $pkg" >&2
				DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
					--no-install-recommends "$pkg" >&2 ||
					{ apt-get update -q >&2 &&
					  DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
						--no-install-recommends "$pkg" >&2; } || true
				d=$(newest "/usr/src/linux-headers-$ver.*-amd64")
			fi
			[ -n "$d" ] || { echo "compat: no headers for $ver (apt-get install $pkg)" >&2; d="missing:$ver"; }
		fi
		printf '%s\n' "$d"
	done
}

if [ -n "${NTSHIM_COMPAT_KDIRS:-}" ]; then
	kdirs=$NTSHIM_COMPAT_KDIRS
else
	kdirs=$(distro_kdirs)
	[ "${NTSHIM_COMPAT_NODEBUG:-0}" = 1 ] || kdirs="$kdirs $(kernel_dir "$vm_dir/debug.config")"
fi

# What ntshim.ko exports only for the tests (EXPORT_SYMBOL_IF_KUNIT).
test_only=$(sed -n 's/^[A-Za-z].*[ *]\(ntshim_[a-z0-9_]*\)(.*/\1/p' "$top/shim/test_exports.h" |
	    paste -sd'|' -)

ok=0
bad=0
mkdir -p "$cache/compat"
for kdir in $kdirs; do
	case "$kdir" in
	missing:*)
		echo "compat: ${kdir#missing:}: FAIL (no headers installed)"
		bad=$((bad + 1))
		continue ;;
	esac
	krel=$(basename "$kdir")
	krel=${krel#linux-headers-}
	kunit=yes
	grep -q '^CONFIG_KUNIT=[ym]' "$kdir/.config" || kunit=no
	for cfg in release debug; do
		obj=$cache/compat/$krel-$cfg
		log=$obj.log
		args=(W=1 KCFLAGS=-Werror)
		[ $cfg = debug ] && args+=(NTSHIM_DEBUG=1)
		[ $kunit = no ] && args+=(CONFIG_NTSHIM_KUNIT_TEST=m KBUILD_MODPOST_WARN=1)
		start=$(date +%s)
		status=0
		rm -rf "$obj"	# a fresh build: warnings are only printed once
		build_modules "$kdir" "$obj" "${args[@]}" > "$log" 2>&1 || status=$?
		# Any diagnostic fails, except the modpost notes that a kernel
		# without KUnit lacks the kunit_* symbols the tests use, and
		# the ones ntshim.ko exports only with KUnit there.
		problems=$(grep -iE 'warning|error' "$log" |
			   grep -vE "^WARNING: modpost: \"(_*kunit_[a-z0-9_]*|$test_only)\" \\[.*/kunit/ntshim_test\\.ko\\] undefined!\$" |
			   grep -v '^WARNING: modpost: suppressed [0-9]* unresolved symbol warnings' || true)
		built="ntshim.ko"
		[ -f "$obj/kunit/ntshim_test.ko" ] && built="$built ntshim_test.ko"
		[ -f "$obj/examples/Kbuild" ] && built="$built examples"
		note=
		[ $kunit = no ] && note=" (tests compiled, not linkable: no CONFIG_KUNIT)"
		if [ $status -eq 0 ] && [ -z "$problems" ] && [ -f "$obj/ntshim.ko" ] &&
		   [ -f "$obj/kunit/ntshim_test.ko" ]; then
			echo "compat: $krel $cfg: ok, $built in $(( $(date +%s) - start )) s$note"
			ok=$((ok + 1))
		else
			echo "compat: $krel $cfg: FAIL (log $log)"
			if [ -n "$problems" ]; then
				printf '%s\n' "$problems" | head -n 40 | sed "s|$obj/||; s/^/    /"
			else
				tail -n 20 "$log" | sed "s|$obj/||; s/^/    /"
			fi
			bad=$((bad + 1))
		fi
	done
done
echo "compat: $ok builds ok, $bad failed"
[ "$bad" -eq 0 ]
