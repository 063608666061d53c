#!/bin/sh
# personal-data.sh - K012: the personal data in tests/golden/k012-personal-data
# appears in no output of keten in full (text in both languages, JSON), also
# where another rule quotes a title or a stage id is made from one.
# Usage: sh tests/personal-data.sh ./keten
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case_dir=$(cd "$(dirname "$0")/golden/k012-personal-data" && pwd)
out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM
values="0612345678 06-12345678 12345678 gijs.jansen@example.nl 1234567 111.222.333 123456782 gijs@example.org 0687654321 gijs@voorbeeld.nl"
passed=0
failed=0
for args in "--lang nl" "--lang en" "--format json" "--format json --lang nl"; do
	# shellcheck disable=SC2086
	(cd "$case_dir" && "$keten" check $args .) >"$out" 2>&1
	for v in $values; do
		if grep -qF -- "$v" "$out"; then
			echo "FAIL personal data: '$v' appears in keten check $args"
			failed=$((failed + 1))
		else
			passed=$((passed + 1))
		fi
	done
	if ! grep -q "K012" "$out"; then
		echo "FAIL personal data: no K012 in keten check $args"
		failed=$((failed + 1))
	fi
done
echo "personal data: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
