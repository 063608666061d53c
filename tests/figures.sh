#!/bin/sh
# figures.sh - every figure agrees (tests/figures.py) for the example
# workspace, and for a generated one of five journeys with varied findings,
# questions, one rule turned off with --disable and a finding accepted
# with 'negeer:'.
# Usage: sh tests/figures.sh ./keten
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cd "$here" || exit 2
failed=0

run() { # name, workspace, keten options...
	name=$1 ws=$2
	shift 2
	NO_COLOR=1 KETEN_LANG= LANG=C "$keten" --lang en -o "$work/$name" "$@" "$ws" >"$work/$name.stdout" 2>&1
	status=$?
	if [ "$status" -gt 1 ]; then
		echo "FAIL figures $name: keten exited $status"
		cat "$work/$name.stdout"
		failed=1
		return
	fi
	python3 tests/figures.py check "$work/$name" "$work/$name.stdout" "$@" || failed=1
}

run examples .
python3 tests/figures.py generate "$work/generated"
grep -q 'negeer: K013' "$work"/generated/journeys/*.md || { echo "FAIL figures: no 'negeer:' in the generated workspace"; failed=1; }
run generated "$work/generated" --disable K006
grep -q '"suppressed": [1-9]' "$work/generated/findings.json" ||
	{ echo "FAIL figures: the generated workspace has no suppressed finding"; failed=1; }
exit $failed
