# SPDX-License-Identifier: GPL-2.0
#
# Shared helpers of the ntshim test VM scripts (sourced, not run).
#
# Environment:
#   NTSHIM_CACHE        where objects, images and logs go (default build/)
#   NTSHIM_KCACHE       where kernels are built and cached (default
#                       $NTSHIM_CACHE); share it between checkouts
#   NTSHIM_VM_SMP       guest CPUs (default 2)
#   NTSHIM_VM_MEM       guest memory (default 1G)
#   NTSHIM_VM_TIMEOUT   hard limit on one guest run in seconds (default 900)
#   NTSHIM_VM_KVM=1     use KVM instead of TCG (off by default: nested KVM
#                       hangs on many CI machines)
#   NTSHIM_VM_ICOUNT=1  TCG with -icount shift=0,sleep=off: the guest clock
#                       advances 1 ns per guest instruction (deterministic;
#                       single-threaded TCG, as -icount requires)
#   NTSHIM_VM_LOCK      lock file that keeps to one guest at a time on this
#                       machine (default /tmp/ntshim-vm.lock)
#   NTSHIM_KUNIT_FILTER run only the KUnit suites matching this glob
#                       (kunit.filter_glob); make check then expects only
#                       those

vm_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$vm_dir/../.." && pwd)
cache=${NTSHIM_CACHE:-$top/build}
mkdir -p "$cache"

# kernel_dir <fragment>: build or reuse a kernel, print its build dir.
kernel_dir() {
	"$vm_dir/build-kernel.sh" "${NTSHIM_KCACHE:-$cache}" "$1"
}

# build_modules <kdir> <objdir> [make args...]: build ntshim out of tree
# against <kdir> in a mirror of the sources, so builds for different
# kernels never share object files.
build_modules() {
	local kdir=$1 obj=$2
	shift 2
	mkdir -p "$obj"
	rsync -a --delete --exclude=/build --exclude=/.git \
		--exclude='*.o' --exclude='*.ko' --exclude='*.mod*' \
		--exclude='.*.cmd' --exclude=Module.symvers --exclude=modules.order \
		--filter='P *.o' --filter='P *.ko' --filter='P *.mod*' \
		--filter='P .*.cmd' --filter='P Module.symvers' \
		--filter='P modules.order' \
		"$top/" "$obj/"
	make -s -C "$kdir" M="$obj" -j"$(nproc)" W=1 "$@" modules
	if [ -f "$obj/examples/Kbuild" ]; then
		make -s -C "$kdir" M="$obj/examples" -j"$(nproc)" W=1 \
			NTSHIM="$obj" KBUILD_EXTRA_SYMBOLS="$obj/Module.symvers" \
			"$@" modules
	fi
}

# make_initramfs <out.cpio.gz> <cmd.sh> <module>...: a busybox initramfs
# whose init loads the modules in order and runs cmd.sh.  A <module> is a
# .ko path, optionally followed by its parameters in the same argument
# ("x.ko fault=warn").  $NTSHIM_VM_FILES lists extra files for /ntshim.
make_initramfs() {
	local out=$1 cmd=$2 root m ko args
	shift 2
	root=$(mktemp -d)
	mkdir -p "$root"/{bin,proc,sys,dev,tmp,ntshim}
	cp /bin/busybox "$root/bin/busybox"
	cp "$vm_dir/guest-init" "$root/init"
	chmod +x "$root/init"
	cp "$cmd" "$root/ntshim/cmd.sh"
	: > "$root/ntshim/modules.list"
	for m in "$@"; do
		ko=${m%% *}
		args=${m#"$ko"}
		cp "$ko" "$root/ntshim/"
		echo "$(basename "$ko")$args" >> "$root/ntshim/modules.list"
	done
	for m in ${NTSHIM_VM_FILES:-}; do
		cp "$m" "$root/ntshim/"
	done
	(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) > "$out"
	rm -rf "$root"
}

# run_vm <kdir> <initramfs> <log>: boot it; the console goes to <log>
# (and to stdout when V=1).  Returns qemu's status (124 on timeout).
run_vm() {
	local kdir=$1 initrd=$2 log=$3 accel=tcg,thread=multi cpu=max
	local icount=()
	if [ "${NTSHIM_VM_KVM:-0}" = 1 ]; then
		accel=kvm
		cpu=host
	elif [ "${NTSHIM_VM_ICOUNT:-0}" = 1 ]; then
		accel=tcg,thread=single
		icount=(-icount "shift=0,sleep=off")
	fi
	local out=/dev/null
	[ "${V:-0}" = 1 ] && out=/dev/stdout
	# Generous watchdogs: a TCG guest on a loaded host is slow, not hung;
	# the hard timeout below catches real hangs.
	local cmdline="console=ttyS0 panic=-1 oops=panic loglevel=7 kmemleak=on"
	cmdline="$cmdline watchdog_thresh=60 rcupdate.rcu_cpu_stall_timeout=120"
	cmdline="$cmdline workqueue.watchdog_thresh=120"
	[ -z "${NTSHIM_KUNIT_FILTER:-}" ] ||
		cmdline="$cmdline kunit.filter_glob=$NTSHIM_KUNIT_FILTER"
	# One guest at a time: the cores are shared, and TCG guests that
	# compete for them trip their own watchdogs.
	flock "${NTSHIM_VM_LOCK:-/tmp/ntshim-vm.lock}" \
	timeout --foreground -k 10 "${NTSHIM_VM_TIMEOUT:-900}" \
		qemu-system-x86_64 -accel "$accel" "${icount[@]}" -cpu "$cpu" \
		-smp "${NTSHIM_VM_SMP:-2}" -m "${NTSHIM_VM_MEM:-1G}" \
		-nodefaults -display none -no-reboot \
		-serial stdio -monitor none \
		-kernel "$kdir/arch/x86/boot/bzImage" -initrd "$initrd" \
		-append "$cmdline" \
		</dev/null 2>&1 | tr -d '\r' | tee "$log" > "$out"
	return "${PIPESTATUS[0]}"
}

# vm_splats <log>: print the console lines that mean the kernel complained.
vm_splats() {
	grep -E 'BUG:|WARNING:|Oops|general protection fault|Kernel panic|UBSAN:|kmemleak: .*suspected memory leak|unreferenced object|INFO: task .* blocked|INFO: trying to register non-static key|Call Trace:|stack-protector' "$1" || true
}

# vm_bad_taint <log>: the taint flags other than O, E and N, or nothing.
vm_bad_taint() {
	local t
	t=$(sed -n 's/^NTSHIM-VM: taint \([0-9]*\)$/\1/p' "$1" | tail -n 1)
	[ -n "$t" ] || { echo "no taint line"; return; }
	# O = 1 << 12, E = 1 << 13, N = 1 << 18
	t=$((t & ~((1 << 12) | (1 << 13) | (1 << 18))))
	[ "$t" -eq 0 ] || echo "taint $t"
}

# vm_verdict [-u] <log> <qemu-status> [problem...]: judge a guest run by
# its console log.  The problems are the caller's own (the arguments after
# the status) and those of every run: qemu's exit status (124: the hard
# timeout), a guest that did not finish, an insmod or rmmod that failed,
# kernel reports (vm_splats) and a taint other than O, E and N.  With -u,
# also ntshim's reports while the modules unload (leaks, violations, any
# failure) and a guest command that did not exit 0.  Prints one
# "  - <problem>" line (or block) per problem; returns how many there were
# (0: the run was clean).
vm_verdict() {
	local unload=0 log status failed splats taint found
	if [ "$1" = -u ]; then
		unload=1
		shift
	fi
	log=$1
	status=$2
	shift 2
	found=("$@")
	[ "$status" -eq 0 ] ||
		found+=("qemu exited with status $status (124: timed out)")
	grep -q '^NTSHIM-VM: done' "$log" || found+=("the guest did not finish")
	failed=$(grep '^NTSHIM-VM: .* failed' "$log" | head -n 3 || true)
	[ -z "$failed" ] || found+=("$failed")
	if [ $unload = 1 ]; then
		failed=$(sed -n '/^NTSHIM-VM: cmd exit/,$p' "$log" | grep -v '^NTSHIM-VM:' |
			 grep -E 'ntshim: .*(leak|violation)|failed' || true)
		[ -z "$failed" ] || found+=("at unload:
$failed")
		grep -q '^NTSHIM-VM: cmd exit 0$' "$log" ||
			found+=("the guest command failed")
	fi
	splats=$(vm_splats "$log")
	[ -z "$splats" ] || found+=("kernel reports on the console:
$(printf '%s\n' "$splats" | head -n 40)")
	taint=$(vm_bad_taint "$log")
	[ -z "$taint" ] || found+=("bad $taint")
	[ ${#found[@]} -ne 0 ] || return 0
	printf '  - %s\n' "${found[@]}"
	return ${#found[@]}
}

# vm_split_post <log> <main> <post>: the console log without, and only,
# the section between "NTSHIM-VM: post begin" and "NTSHIM-VM: post end"
# (guest-init's last step, which may exhaust memory on purpose).
vm_split_post() {
	sed '/^NTSHIM-VM: post begin$/,/^NTSHIM-VM: post end/d' "$1" > "$2"
	sed -n '/^NTSHIM-VM: post begin$/,/^NTSHIM-VM: post end/p' "$1" > "$3"
}

# vm_exhaust_verdict <post>: judge the pool exhaustion step's section.
# Exhausted pool must be NULL for the driver and nothing worse: no OOM
# killer, no panic or oops, no KASAN or lockdep report, no warning with
# ntshim's code in its trace (a pool allocation that warns), no leak
# report from ntshim or kmemleak, no taint but O, E and N.  Allocation
# failures of other code while memory is gone are what exhaustion means;
# they are tolerated here only.  (Its ok/FAIL lines are counted by
# parse-results.sh.)  Prints one "  - <problem>" line per
# problem; returns how many there were.
vm_exhaust_verdict() {
	local post=$1 found=() bad t
	grep -q '^NTSHIM-VM: post end 0$' "$post" ||
		found+=("the exhaustion step did not finish")
	grep -q '^NTSHIM-EXHAUST: ok driver: NULL after' "$post" ||
		found+=("the exhaustion driver did not report getting NULL")
	bad=$(grep -E 'invoked oom-killer|Out of memory|Kernel panic|Oops|BUG:|general protection fault|UBSAN:|kmemleak: .*suspected memory leak|unreferenced object|ntshim: .*(leak|violation)' "$post" | head -n 10 || true)
	[ -z "$bad" ] || found+=("reports during exhaustion:
$bad")
	# a warning or allocation failure trace that passes through ntshim
	bad=$(awk '/WARNING:|page allocation failure|vmalloc error/ { w = 1; n = 0 }
		   w && /(ntshim|ExAllocatePool)/ { print; w = 0 }
		   w && ++n > 60 { w = 0 }' "$post" | head -n 5)
	[ -z "$bad" ] || found+=("an allocation warned with ntshim in its trace:
$bad")
	t=$(sed -n 's/^NTSHIM-EXHAUST: taint \([0-9]*\)$/\1/p' "$post" | tail -n 1)
	if [ -z "$t" ]; then
		found+=("no taint line after the exhaustion step")
	elif [ $((t & ~((1 << 12) | (1 << 13) | (1 << 18)))) -ne 0 ]; then
		found+=("taint $t after the exhaustion step")
	fi
	[ ${#found[@]} -ne 0 ] || return 0
	printf '  - %s\n' "${found[@]}"
	return ${#found[@]}
}
