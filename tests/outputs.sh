#!/bin/sh
# outputs.sh - keten never damages what is around its output folder and
# never leaves half a file: a link named like an output file (to a file, a
# folder or nothing, outside the folder) is replaced, never written through;
# when one diagram cannot be written the others still are and the one is
# named (status 2); a read-only folder and a full disk give status 2 with
# the path, leave an older file as it was and leave no temporary file; the
# same for --timings, and for standard output on a full device.
#
# The full disk is a 64 KiB tmpfs, the read-only folder a tmpfs mounted
# read-only, both in a mount namespace of our own (`unshare -rm`, which
# needs no privileges where user namespaces are allowed; the mounts vanish
# with it). Without unshare the full disk is simulated with a file size
# limit (`ulimit -f`, with SIGXFSZ ignored so that write() fails with
# EFBIG instead of killing keten), and the read-only case is a folder
# without write permission (as root: run as nobody with setpriv).
# Usage: sh tests/outputs.sh ./keten
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/keten-outputs.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
chmod 755 "$work"
passed=0
failed=0

fail() {
	echo "FAIL outputs: $*"
	failed=$((failed + 1))
}

pass() {
	passed=$((passed + 1))
}

# check NAME CONDITION-COMMAND...: passes when the command succeeds.
check() {
	c_name=$1
	shift
	if "$@"; then pass; else fail "$c_name"; fi
}

no_temp_files() { # folder
	[ -z "$(find "$1" -name '.*.tmp' 2>/dev/null)" ]
}

same_text() { # file text
	[ -f "$1" ] && [ ! -L "$1" ] && [ "$(cat "$1")" = "$2" ]
}

# A workspace of two journeys (and their personas), copied from the
# golden cases.
ws=$work/ws
mkdir -p "$ws/personas" "$ws/journeys"
cp "$here/golden/render-short/personas/"* "$ws/personas/"
cp "$here/golden/render-short/journeys/"* "$ws/journeys/"
cp "$here/golden/render-long/personas/"* "$ws/personas/"
cp "$here/golden/render-long/journeys/"* "$ws/journeys/"
chmod -R a+rX "$ws"
render() { # output-folder args...: keten render in the workspace
	r_out=$1
	shift
	(cd "$ws" && "$keten" render --lang en -j 2 -o "$r_out" "$@") >"$work/said" 2>&1
}

links_and_failures() {
	# --- links named like output files ---
	for format in svg dot; do
		out=$work/links-$format
		mkdir -p "$out" "$work/elsewhere-$format/folder"
		echo "leave me" >"$work/elsewhere-$format/file.txt"
		ln -s "../elsewhere-$format/file.txt" "$out/noor-kort.$format"
		ln -s "../elsewhere-$format/folder" "$out/mira-lange-weg.$format"
		render "$out" -T "$format"
		status=$?
		check "$format: links replaced: status $status" [ "$status" -eq 0 ]
		check "$format: the file a link pointed to is untouched" \
			same_text "$work/elsewhere-$format/file.txt" "leave me"
		check "$format: nothing written into the folder a link pointed to" \
			[ -z "$(ls -A "$work/elsewhere-$format/folder")" ]
		check "$format: the link to a file became a file" \
			test -f "$out/noor-kort.$format" -a ! -L "$out/noor-kort.$format"
		check "$format: the link to a folder became a file" \
			test -f "$out/mira-lange-weg.$format" -a ! -L "$out/mira-lange-weg.$format"
		check "$format: no temporary files" no_temp_files "$out"
	done
	# A dangling link to a place outside: nothing is created there.
	out=$work/dangling
	mkdir -p "$out"
	ln -s "$work/nowhere/made.svg" "$out/noor-kort.svg"
	ln -s "$work/made-here.svg" "$out/mira-lange-weg.svg"
	render "$out"
	check "dangling links: status 0" [ $? -eq 0 ]
	check "dangling links: nothing made where they pointed" \
		test ! -e "$work/nowhere" -a ! -e "$work/made-here.svg"
	check "dangling links: replaced by files" test -f "$out/noor-kort.svg" -a ! -L "$out/noor-kort.svg"
	# --timings through a link: replaced, not followed.
	echo "leave me" >"$work/timings-target.txt"
	ln -s "$work/timings-target.txt" "$work/timings.txt"
	render "$work/timed" -T dot --timings "$work/timings.txt"
	check "timings link: status 0" [ $? -eq 0 ]
	check "timings link: the file it pointed to is untouched" same_text "$work/timings-target.txt" "leave me"
	check "timings link: replaced by a file" test -f "$work/timings.txt" -a ! -L "$work/timings.txt"

	# --- one output cannot be written: the others are, and it is named ---
	out=$work/one-fails
	mkdir -p "$out/noor-kort.svg/in-the-way"
	render "$out"
	status=$?
	check "one fails: status 2 (got $status)" [ "$status" -eq 2 ]
	check "one fails: the other is written" test -s "$out/mira-lange-weg.svg"
	check "one fails: its path is named" grep -qF "$out/noor-kort.svg" "$work/said"
	check "one fails: the summary counts it" grep -qF "1 diagram written" "$work/said"
	check "one fails: no temporary files" no_temp_files "$out"

	# --- standard output on a full device ---
	if [ -w /dev/full ]; then
		(cd "$ws" && "$keten" check --lang en . >/dev/full 2>"$work/said")
		status=$?
		check "check > /dev/full: status 2 (got $status)" [ "$status" -eq 2 ]
		check "check > /dev/full: says so" grep -q "No space left on device" "$work/said"
		(cd "$ws" && "$keten" export journeys/noor-kort.md >/dev/full 2>"$work/said")
		status=$?
		check "export > /dev/full: status 2 (got $status)" [ "$status" -eq 2 ]
	fi

}

# --- a full disk and a read-only folder ---
full_and_readonly() { # how: mount, or limit
	how=$1
	disk=$work/disk-$how
	mkdir -p "$disk"
	if [ "$how" = mount ]; then
		mount -t tmpfs -o size=64k tmpfs "$disk" || return 1
	fi
	out=$disk/out
	mkdir -p "$out"
	echo "the old diagram" >"$out/noor-kort.svg"
	if [ "$how" = mount ]; then
		# Fill the disk up to the last few KiB: a diagram is more.
		dd if=/dev/zero of="$disk/filler" bs=1k count=100 2>/dev/null
		rm -f "$disk/filler"
		dd if=/dev/zero of="$disk/filler" bs=1k count=58 2>/dev/null
		render "$out" journeys/noor-kort.md
		status=$?
	else
		(ulimit -f 8 && trap '' XFSZ && render "$out" journeys/noor-kort.md)
		status=$?
	fi
	check "full disk ($how): status 2 (got $status)" [ "$status" -eq 2 ]
	check "full disk ($how): the path is named" grep -qF "$out/noor-kort.svg" "$work/said"
	check "full disk ($how): the old file is as it was" same_text "$out/noor-kort.svg" "the old diagram"
	check "full disk ($how): no temporary files" no_temp_files "$out"
	if [ "$failed" -gt 0 ]; then sed 's/^/    /' "$work/said" | head -5; fi
	if [ "$how" = mount ]; then
		rm -f "$disk/filler"
		mount -o remount,ro "$disk" || return 1
		render "$out" journeys/noor-kort.md
		status=$?
		check "read-only file system: status 2 (got $status)" [ "$status" -eq 2 ]
		check "read-only file system: the path is named" grep -qF "$out/noor-kort.svg" "$work/said"
		check "read-only file system: the old file is as it was" \
			same_text "$out/noor-kort.svg" "the old diagram"
		(cd "$ws" && "$keten" render --lang en -o "$disk/new" journeys/noor-kort.md) \
			>"$work/said" 2>&1
		status=$?
		check "read-only file system, new folder: status 2 (got $status)" [ "$status" -eq 2 ]
		check "read-only file system, new folder: the path is named" \
			grep -qF "$disk/new" "$work/said"
		umount "$disk"
	fi
	return 0
}

read_only_folder() {
	out=$work/read-only
	mkdir -p "$out"
	echo "the old diagram" >"$out/noor-kort.svg"
	chmod 555 "$out"
	if [ "$(id -u)" -eq 0 ]; then
		command -v setpriv >/dev/null || return 1
		# The unprivileged user may not reach the checkout (a clone in a
		# folder of mode 700): it runs copies in $work of the program, the
		# valgrind wrapper and the sanitizer and valgrind suppressions.
		mkdir -p "$work/nobody/tests" "$work/nobody/logs"
		chmod 1777 "$work/nobody/logs"
		cp "$here/lsan.supp" "$here/valgrind.supp" "$here/vg-keten.sh" "$work/nobody/tests/"
		if head -c 4 "$keten" | grep -q ELF; then
			cp "$keten" "$work/nobody/keten-run"
			program=$work/nobody/keten-run
		else
			cp "$here/../keten" "$work/nobody/keten"
			program=$work/nobody/tests/$(basename "$keten")
		fi
		chmod -R a+rX "$work/nobody"
		lsan=
		if [ -n "${LSAN_OPTIONS:-}" ]; then
			lsan="suppressions=$work/nobody/tests/lsan.supp:print_suppressions=0"
		fi
		(cd "$ws" && LSAN_OPTIONS=$lsan VALGRIND_LOGS=${VALGRIND_LOGS:+$work/nobody/logs} \
			setpriv --reuid=65534 --regid=65534 --clear-groups \
			"$program" render --lang en -o "$out" journeys/noor-kort.md) >"$work/said" 2>&1
	else
		render "$out" journeys/noor-kort.md
	fi
	status=$?
	chmod 755 "$out"
	check "read-only folder: status 2 (got $status)" [ "$status" -eq 2 ]
	check "read-only folder: the path is named" grep -qF "$out/noor-kort.svg" "$work/said"
	check "read-only folder: says why" grep -q "Permission denied" "$work/said"
	check "read-only folder: the old file is as it was" same_text "$out/noor-kort.svg" "the old diagram"
}

if [ "${OUTPUTS_INSIDE:-}" = 1 ]; then
	full_and_readonly mount || echo "FAIL outputs: cannot mount a tmpfs in the namespace"
	echo "outputs: $passed passed, $failed failed"
	[ "$failed" -eq 0 ]
	exit
fi

links_and_failures
if command -v unshare >/dev/null && unshare -rm true 2>/dev/null; then
	OUTPUTS_INSIDE=1 unshare -rm sh "$here/outputs.sh" "$keten" >"$work/inside" 2>&1
	cat "$work/inside" | grep -v '^outputs:'
	inside=$(grep '^outputs:' "$work/inside")
	p=$(echo "$inside" | sed 's/outputs: \([0-9]*\) passed.*/\1/')
	f=$(echo "$inside" | sed 's/.*passed, \([0-9]*\) failed/\1/')
	if [ -z "$inside" ]; then fail "the namespace part did not finish"; fi
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
else
	echo "outputs: no mount namespace; a file size limit stands in for a full disk"
fi
full_and_readonly limit
read_only_folder || echo "outputs: no setpriv; the read-only folder is not tested"

echo "outputs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
