#!/bin/sh
# sanitizer-reports.sh - fails when a folder holds any report of
# AddressSanitizer, UndefinedBehaviorSanitizer, LeakSanitizer or valgrind
# (make check-asan and check-valgrind send them there with log_path= and
# --log-file=), and prints them. A test script that expects keten to fail
# (status 1 or 2) would otherwise take a report's exit status for the
# failure it expected.
# Usage: sh tests/sanitizer-reports.sh FOLDER
set -u
dir=$1
found=0
for f in "$dir"/*; do
	[ -s "$f" ] || continue
	found=$((found + 1))
	echo "=== $f"
	head -n 60 "$f"
done
if [ "$found" -gt 0 ]; then
	echo "sanitizer reports: $found (in $dir)"
	exit 1
fi
echo "sanitizer reports: none"
