#!/bin/sh
# examples.sh - the shipped example workspace (personas/, journeys/, chains/)
# gives exactly the findings in tests/examples.txt, and every rule K001-K025
# fires at least once in it (K011 as its note, some as a question in the
# partial journey too), so that a new user sees them all; and the journey
# that went well (esra-zutphen-thuiszorg) gives no finding at all.
# Usage: sh tests/examples.sh ./keten    (UPDATE=1 rewrites examples.txt)
set -u
keten=$1
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM
cd "$here/.." || exit 2
NO_COLOR=1 "$keten" check --lang nl . >"$out" 2>&1
status=$?
failed=0
if [ "$status" -ne 1 ]; then
	echo "FAIL examples: exit status $status, want 1 (the K012 in the workshop draft)"
	failed=1
fi
if [ "${UPDATE:-}" = 1 ]; then
	cp "$out" "$here/examples.txt"
fi
if ! cmp -s "$out" "$here/examples.txt"; then
	echo "FAIL examples: findings differ from tests/examples.txt"
	diff -u "$here/examples.txt" "$out" | head -40
	failed=1
fi
for n in 01 02 03 04 05 06 07 08 09 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25; do
	if ! grep -q "\[K0$n " "$out"; then
		echo "FAIL examples: rule K0$n fires nowhere in the examples"
		failed=1
	fi
done
if grep -q 'esra-zutphen-thuiszorg' "$out"; then
	echo "FAIL examples: the journey that went well (esra-zutphen-thuiszorg) has findings"
	failed=1
fi
if [ "$failed" -ne 0 ]; then
	echo "examples: 0 passed, 1 failed"
	exit 1
fi
echo "examples: 1 passed, 0 failed"
