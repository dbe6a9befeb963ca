#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# `make intree`: prove that Kconfig and Kbuild work in tree, the way kernel
# developers run KUnit.  Grafts ntshim into drivers/misc of the cached
# kernel source and runs
#   tools/testing/kunit/kunit.py run --arch=x86_64 --kunitconfig=<ntshim>/kunit
# with its own build directory.
#
# The shared source tree is never written to: the graft is an overlay made
# of symlinks (cp -as) to the cached tree, in which only drivers/misc/Kconfig,
# drivers/misc/Makefile and tools/testing/kunit/ are real copies (kunit.py
# finds the tree through realpath), plus drivers/misc/ntshim, a symlink to
# a clean mirror of this checkout (stale out-of-tree objects in the checkout
# must not leak into the build through VPATH).
#
# Environment: NTSHIM_KCACHE / NTSHIM_CACHE as for make check;
# NTSHIM_INTREE_JOBS (default nproc); extra arguments go to kunit.py run.
set -euo pipefail
. "$(dirname "$0")/../vm/lib.sh"

# The debug kernel build extracts the source; reuse its cache.
kernel_dir "$vm_dir/debug.config" > /dev/null
src=${NTSHIM_KCACHE:-$cache}/linux-src
[ -f "$src/tools/testing/kunit/kunit.py" ] || { echo "ntshim: no kernel source at $src" >&2; exit 1; }

work=$cache/intree
overlay=$work/src
stamp=$(stat -c '%Y' "$src/.ntshim-extracted")
if [ ! -f "$overlay/.ntshim-overlay" ] || [ "$(cat "$overlay/.ntshim-overlay")" != "$stamp" ]; then
	echo "ntshim: making the symlink overlay of $src" >&2
	rm -rf "$overlay"
	mkdir -p "$work"
	cp -as "$src" "$overlay"
	for f in drivers/misc/Kconfig drivers/misc/Makefile; do
		rm "$overlay/$f"
		cp "$src/$f" "$overlay/$f"
	done
	rm -rf "$overlay/tools/testing/kunit"
	cp -a "$src/tools/testing/kunit" "$overlay/tools/testing/kunit"
	echo 'source "drivers/misc/ntshim/Kconfig"' >> "$overlay/drivers/misc/Kconfig"
	echo 'obj-$(CONFIG_NTSHIM) += ntshim/' >> "$overlay/drivers/misc/Makefile"
	echo "$stamp" > "$overlay/.ntshim-overlay"
fi

# A clean mirror of the sources (no objects), as build_modules makes.
mirror=$work/ntshim
mkdir -p "$mirror"
rsync -a --delete --exclude=/build --exclude=/.git \
	--exclude='*.o' --exclude='*.ko' --exclude='*.mod*' --exclude='.*.cmd' \
	--exclude=Module.symvers --exclude=modules.order \
	--exclude=/tools/ntpoolmon/ntpoolmon \
	"$top/" "$mirror/"
ln -sfn "$mirror" "$overlay/drivers/misc/ntshim"

start=$(date +%s)
status=0
(cd "$overlay" && python3 tools/testing/kunit/kunit.py run --arch=x86_64 \
	--kunitconfig="$overlay/drivers/misc/ntshim/kunit" \
	--build_dir="$work/build" --jobs="${NTSHIM_INTREE_JOBS:-$(nproc)}" \
	--timeout=900 "$@") || status=$?
echo "ntshim: kunit.py took $(( $(date +%s) - start )) s (build dir $work/build)"
exit $status
