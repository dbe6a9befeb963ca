#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install the Debian packages the build and the test VM need, when missing.
set -euo pipefail

pkgs="linux-source-6.12 qemu-system-x86 busybox-static flex bison bc libelf-dev libc6-dev
libssl-dev dwarves cpio sparse python3 gcc make rsync gzip"
missing=
for p in $pkgs; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "ntshim: installing Debian packages:$missing" >&2
if [ "$(id -u)" -ne 0 ]; then
	echo "ntshim: need root to install packages (or install them yourself)" >&2
	exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >&2
apt-get install -y -q --no-install-recommends $missing >&2
