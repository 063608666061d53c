#!/bin/sh
# msg-check.sh - the compile-time check of message arguments (catalog.h):
# tests/msgcheck/right.c must compile, and every case of
# tests/msgcheck/wrong.c (a wrong type, an argument missing or too many,
# an id that is not written out) must be a build error.
# Usage: sh tests/msg-check.sh "COMPILER AND FLAGS" (the Makefile passes
# $(CC) $(ALL_CFLAGS), which hold -Werror=format and -I$(BUILD)/gen).
set -u
cc_cmd=$1
dir=$(dirname "$0")/msgcheck
fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

if ! $cc_cmd -fsyntax-only "$dir/right.c" >"$log" 2>&1 || [ -s "$log" ]; then
	echo "msg-check: right.c should compile without a word:" >&2
	cat "$log" >&2
	fail=1
fi
# Cases 1-5 must fail on the format check, 6-7 on the id not written out
# (the pasted MSG_NL_ name is not a string), not on some other mistake.
for n in 1 2 3 4 5 6 7; do
	if $cc_cmd -fsyntax-only -DCASE=$n "$dir/wrong.c" >"$log" 2>&1; then
		echo "msg-check: wrong.c case $n compiled, but should not" >&2
		fail=1
		continue
	fi
	case $n in 6|7) why=MSG_NL_ ;; *) why="error.*format" ;; esac
	if ! grep -q "$why" "$log"; then
		echo "msg-check: wrong.c case $n failed, but not for the reason it tests:" >&2
		cat "$log" >&2
		fail=1
	fi
done
[ $fail -eq 0 ] && echo "msg-check: right.c compiles, the 7 wrong calls do not"
exit $fail
