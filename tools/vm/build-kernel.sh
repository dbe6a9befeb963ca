#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build (or reuse) the test VM's kernel from Debian's linux-source-6.12.
# Usage: build-kernel.sh <cache-dir> <fragment>
# Prints the kernel build directory on stdout.  The build is keyed by the
# fragment's and the source tarball's contents, so editing either rebuilds.
set -euo pipefail

cache=$1
fragment=$2
here=$(cd "$(dirname "$0")" && pwd)
"$here/deps.sh" >&2

tarball=$(ls /usr/src/linux-source-6.12.tar.xz)
key=$( (sha1sum "$fragment" | cut -c1-40; stat -c '%s %Y' "$tarball") | sha1sum | cut -c1-12)
name=$(basename "$fragment" .config)
src=$cache/linux-src
out=$cache/kernel-$name-$key

if [ -f "$out/.ntshim-built" ]; then
	ln -sfn "$(basename "$out")" "$cache/kernel-$name"
	echo "$out"
	exit 0
fi

mkdir -p "$cache"
if [ ! -f "$src/.ntshim-extracted" ]; then
	echo "ntshim: extracting $tarball" >&2
	rm -rf "$src" "$src.tmp"
	mkdir -p "$src.tmp"
	tar -C "$src.tmp" --strip-components=1 -xf "$tarball"
	touch "$src.tmp/.ntshim-extracted"
	mv "$src.tmp" "$src"
fi

echo "ntshim: building kernel $out (takes a few minutes)" >&2
rm -rf "$out"
mkdir -p "$out"
jobs=$(nproc)
make -s -C "$src" O="$out" ARCH=x86_64 tinyconfig >&2
"$src/scripts/kconfig/merge_config.sh" -m -O "$out" "$out/.config" "$fragment" >/dev/null
make -s -C "$src" O="$out" ARCH=x86_64 olddefconfig >&2
# Every line of the fragment must have survived olddefconfig.
missing=0
while read -r line; do
	case "$line" in
	CONFIG_*=*) grep -qx "$line" "$out/.config" || { echo "ntshim: kernel config lost: $line" >&2; missing=1; } ;;
	esac
done < "$fragment"
[ $missing -eq 0 ] || exit 1
make -s -C "$src" O="$out" ARCH=x86_64 -j"$jobs" all >&2
touch "$out/.ntshim-built"
# A stable name for the newest build of this fragment, for humans.
ln -sfn "$(basename "$out")" "$cache/kernel-$name"
echo "$out"
