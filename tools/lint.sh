#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make lint`: the static checks reviewers run, with zero findings allowed.
#   1. checkpatch.pl --strict on every .c and .h (the DDK's names allowed);
#   2. sparse (make C=2) against the debug kernel, lock context included;
#   2b. tools/ddk-hygiene.py: no ntshim macro reaches a Linux name that the
#      DDK headers remove (ddk_end.h), rename (ddk_begin.h) or redefine;
#   3. scripts/kernel-doc -none -Wall on the public headers;
#   4. project rules checkpatch does not know: an SPDX line on every file,
#      pr_fmt in every .c that prints, no kernel version checks (probe the
#      feature instead, see docs/install.md), shellcheck on the scripts.
# Prints each finding, then "lint: N findings"; exits 1 when N > 0.
# Uses the cached kernel source and debug kernel of `make check` (built
# the first time, as make check does); builds the modules in its own mirror.
set -euo pipefail
. "$(dirname "$0")/vm/lib.sh"

kdir=$(kernel_dir "$vm_dir/debug.config")
src=${NTSHIM_KCACHE:-$cache}/linux-src
out=$cache/lint
mkdir -p "$out"
findings=0
cd "$top"

# finding <text...>: report one finding.
finding() {
	printf '%s\n' "$*"
	findings=$((findings + 1))
}

# Every source file of the project (work tree, committed or not).
sources() {
	find . \( -path ./build -o -path ./.git \) -prune -o -type f \
		\( -name "$1" ${2:+-o -name "$2"} \) -print | sed 's|^\./||' | sort
}

# ---- 1. checkpatch ----------------------------------------------------------
#
# Ignored everywhere, because the DDK API is made of them:
#   CAMELCASE        the Windows names (ExAllocatePoolWithTag, ListEntry...)
#   NEW_TYPEDEFS     the DDK's types are typedefs (ULONG, LIST_ENTRY, KIRQL)
#   MACRO_ARG_UNUSED SAL annotations (_In_reads_(n), _IRQL_requires_(irql))
#                    compile to nothing on Linux, as they do for gcc on Windows
# Per file, tools/checkpatch.exceptions lists the rest with a reason each.
ignore=CAMELCASE,NEW_TYPEDEFS,MACRO_ARG_UNUSED
exceptions=$top/tools/checkpatch.exceptions

# checkpatch does not know the DDK's type names, so it reads "(LONG)-1" or
# "const LIST_ENTRY *New" as arithmetic: tell it every typedef name of the
# public headers (typedef lines and the names after a typedef'd struct),
# longest first (checkpatch would match ULONG inside ULONGLONG).
typedefs=$out/typedefs
{
	grep -hE '^typedef [^(]*;' shim/include/ntshim/*.h |
		sed -E 's/^typedef //; s/;.*//; s/\[[^]]*\]//g' | tr ',' '\n' |
		sed -E 's/.*[^A-Za-z0-9_]([A-Za-z_][A-Za-z0-9_]*) *$/\1/'
	grep -hE '^\}[ A-Za-z0-9_,*]*;' shim/include/ntshim/*.h |
		sed -E 's/^\}//; s/;.*//' | tr ',' '\n' | tr -d ' *'
	# function types and pointers: typedef VOID NAME(...), (*NAME)(...)
	grep -hoE '^typedef [A-Za-z0-9_ *]+ \(?\*?[A-Za-z_][A-Za-z0-9_]*\)?\(' \
		shim/include/ntshim/*.h | sed -E 's/\)?\($//; s/.*[ (*]//'
} | grep -E '^[A-Za-z_][A-Za-z0-9_]*$' | sort -u |
	awk '{ print length($0), $0 }' | sort -k1,1nr -k2 | cut -d' ' -f2 > "$typedefs"

echo "lint: checkpatch --strict"
for f in $(sources '*.c' '*.h'); do
	extra=$(awk -v f="$f" '$1 == f { print $2 }' "$exceptions" | paste -sd, -)
	if ! res=$("$src/scripts/checkpatch.pl" --no-tree --strict --terse \
		   --show-types --quiet -f --typedefsfile "$typedefs" \
		   --ignore "$ignore${extra:+,$extra}" "$f" 2>&1); then
		while IFS= read -r line; do
			[ -n "$line" ] || continue
			# A table built from an X-macro is followed by the
			# helper's #undef: no blank line wanted there.
			n=$(printf '%s\n' "$line" | sed -n 's/^[^:]*:\([0-9]*\): CHECK:LINE_SPACING:.*/\1/p')
			if [ -n "$n" ] && sed -n "${n}p" "$f" | grep -q '^#undef '; then
				continue
			fi
			finding "$line"
		done <<< "$(printf '%s\n' "$res" | grep -v '^total:' || true)"
	fi
done
# An exception for a file that no longer exists is stale.
while read -r f _; do
	case "$f" in ''|'#'*) continue ;; esac
	[ -f "$f" ] || finding "tools/checkpatch.exceptions: no such file $f"
done < "$exceptions"

# ---- 2. sparse ----------------------------------------------------------------
echo "lint: sparse (make C=2) against $kdir"
obj=$out/obj
log=$out/sparse.log
status=0
# No cap on warnings: the multichar noise below must not hide real ones.
build_modules "$kdir" "$obj" NTSHIM_DEBUG=1 C=2 CF=-fmax-warnings=unlimited > "$log" 2>&1 || status=$?
[ $status -eq 0 ] || finding "sparse: the build failed (status $status), see $log"
# Every diagnostic counts, sparse's and the compiler's (W=1), except one:
# sparse 0.6 has no switch for "multi-character character constant", and
# DDK code spells pool tags 'gaTM' (gcc gets -Wno-multichar, see Kbuild).
while IFS= read -r line; do
	finding "${line#"$obj"/}"
done < <(grep -E '(warning|error):' "$log" |
	 grep -v 'warning: multi-character character constant$' || true)

# The DDK environment's name hygiene, on the sparse build's compile flags.
echo "lint: DDK name hygiene (tools/ddk-hygiene.py)"
while IFS= read -r line; do
	case "$line" in *": 0 findings") ;; *) finding "$line" ;; esac
done < <(cd "$kdir" && python3 "$top/tools/ddk-hygiene.py" "$obj" 2>&1 | grep -v ' findings$' || true)

# ---- 3. kernel-doc ------------------------------------------------------------
echo "lint: kernel-doc -none -Wall on the public headers"
while IFS= read -r line; do
	[ -n "$line" ] && finding "$line"
done < <("$src/scripts/kernel-doc" -none -Wall shim/include/ntshim/*.h 2>&1 || true)

# ---- 4. project rules -----------------------------------------------------------
echo "lint: SPDX lines, pr_fmt, version checks, shellcheck"
for f in $(sources '*.c' '*.h') $(sources '*.sh' 'Kbuild') $(sources 'Makefile' 'Kconfig'); do
	head -n 2 "$f" | grep -q 'SPDX-License-Identifier:' ||
		finding "$f: no SPDX-License-Identifier line in the first two lines"
done
for f in $(sources '*.c'); do
	case "$f" in tools/*) continue ;; esac	# user space
	if grep -qE '\<(pr_(err|warn|info|notice|debug|crit|alert|emerg)|pr_[a-z_]*ratelimited|pr_[a-z_]*once|printk)\(' "$f" &&
	   ! grep -q '^#define pr_fmt(fmt) ' "$f"; then
		finding "$f: prints but defines no pr_fmt (normally KBUILD_MODNAME \": \" fmt)"
	fi
done
# Kernel APIs differ between 6.1 and 6.12: probe for the feature (a Kbuild
# test or __has_include), never compare version numbers.
mapfile -t csrc < <(sources '*.c' '*.h')
while IFS= read -r line; do
	finding "$line: version check; probe the feature instead (docs/install.md)"
done < <(grep -nE '\<(LINUX_VERSION_CODE|KERNEL_VERSION|LINUX_VERSION_MAJOR)\>' \
	 "${csrc[@]}" /dev/null || true)

# Shellcheck: scripts with a #! line as they say; sourced ones are bash;
# the guest's (no #!) run under busybox sh.  Installed when missing (root).
if ! command -v shellcheck > /dev/null && [ "$(id -u)" -eq 0 ]; then
	echo "lint: installing shellcheck" >&2
	DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
		shellcheck >&2 || true
fi
if command -v shellcheck > /dev/null; then
	mapfile -t scripts < <(sources '*.sh'; echo .ci/run; echo tools/vm/guest-init)
	for f in "${scripts[@]}"; do
		[ -f "$f" ] || continue
		case "$f" in
		*/guest-*) shell="-s sh" ;;
		*) head -n 1 "$f" | grep -q '^#!' && shell= || shell="-s bash" ;;
		esac
		# $shell is one option or none:
		# shellcheck disable=SC2086
		while IFS= read -r line; do
			[ -n "$line" ] && finding "$line"
		done < <(shellcheck -x -P SCRIPTDIR $shell -S warning -f gcc "$f" 2>&1 || true)
	done
else
	echo "lint: shellcheck not installed, scripts not checked (apt-get install shellcheck)"
fi

echo "lint: $findings findings"
[ "$findings" -eq 0 ]
