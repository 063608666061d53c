#!/bin/sh
# personal-data.sh - K012: the personal data in tests/golden/k012-personal-data
# appears in no output of keten in full (text in both languages, JSON), also
# where another rule quotes a title or a stage id is made from one; nor in
# any diagram (DOT, SVG, PDF through pdftotext; a PNG through the DOT and
# SVG of the same journey), nor in keten export (which refuses a file with
# personal data), nor in the files of the main job. tests/outputs_scan.py absent does the looking.
# Usage: sh tests/personal-data.sh ./keten
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
case_dir=$(cd "$(dirname "$0")/golden/k012-personal-data" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
out=$(mktemp)
work=$(mktemp -d "${TMPDIR:-/tmp}/keten-personal.XXXXXX")
trap 'rm -f "$out"; rm -rf "$work"' EXIT INT TERM
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

# Every output file: diagrams in each format, exports, findings.
# The values in full; not the short ones above, which are also parts of
# "123456789", a number the case shows on purpose (no BSN).
printf '%s\n' 0612345678 06-12345678 "+31 20 123 4567" gijs.jansen@example.nl \
	111.222.333 123456782 gijs@example.org 0687654321 gijs@voorbeeld.nl >"$work/values"
mkdir -p "$work/files"
for format in dot svg png pdf; do
	(cd "$case_dir" && "$keten" render --lang nl -T "$format" -j 1 -o "$work/render-$format" .) \
		>"$work/files/render-$format.txt" 2>&1
	if [ -z "$(ls "$work/render-$format" 2>/dev/null)" ]; then
		echo "FAIL personal data: keten render -T $format wrote no diagram"
		failed=$((failed + 1))
	fi
done
# The journey maps: their PDF through pdftotext; their SVGs (words as
# <text>) are among the main job's files below.
(cd "$case_dir" && "$keten" render --lang nl --view map -T pdf -o "$work/map-pdf" .) \
	>"$work/files/map-pdf.txt" 2>&1
[ -n "$(ls "$work/map-pdf" 2>/dev/null)" ] && passed=$((passed + 1)) ||
	{ echo "FAIL personal data: keten render --view map -T pdf wrote no map"; failed=$((failed + 1)); }
for file in "$case_dir"/personas/* "$case_dir"/journeys/*; do
	name=$(basename "$file")
	for lang in nl en; do
		(cd "$case_dir" && "$keten" export --lang "$lang" "${file#"$case_dir"/}") \
			>"$work/files/export-$lang-$name.out" 2>"$work/files/export-$lang-$name.err"
	done
done
(cd "$case_dir" && "$keten" check --format json .) >"$work/files/findings.json" 2>&1
# The main job: every diagram, the overview, index.html and findings.json.
(cd "$case_dir" && "$keten" --lang nl -o "$work/main-job" .) >"$work/files/main-job.txt" 2>&1
[ -s "$work/main-job/index.html" ] && [ -s "$work/main-job/findings.json" ] ||
	{ echo "FAIL personal data: the main job wrote no index.html or findings.json"; failed=$((failed + 1)); }
# Personal data in a file name and in a chain model's title, labels and
# aliases: keten check (text in both languages, JSON: the file, the journey
# id made from its name, the summary) and keten chain show it masked.
names=$work/names
mkdir -p "$names/chains"
cp -R "$case_dir/personas" "$case_dir/journeys" "$names/"
mv "$names/journeys/vuurt.md" "$names/journeys/0612345678.md"
sed 's/^# .*/# Bel gijs@voorbeeld.nl/; s/^- persona: .*/&\n- keten: gijs/' "$names/journeys/0612345678.md" \
	>"$names/journeys/gijs@example.org.md"
"$keten" chain --dump | python3 -c '
import json, sys
d = json.load(sys.stdin)
c = d["chain"]
c["id"], c["title"] = "gijs", "Keten van gijs@example.org"
c["domains"][0]["label"] = "Domein 06-12345678"
c["positions"][0]["label"] = "Thuis bij 0687654321"
c["positions"][0]["aliases"] = c["positions"][0].get("aliases", []) + ["gijs@voorbeeld.nl"]
json.dump(d, sys.stdout, indent=1)' >"$names/chains/gijs.json"
for args in "--lang nl" "--lang en" "--format json"; do
	# shellcheck disable=SC2086
	(cd "$names" && "$keten" check $args .) >"$work/files/names-check-$(echo $args | tr -d ' -').out" 2>&1
done
for lang in nl en; do
	(cd "$names" && "$keten" chain --lang $lang --chain chains/gijs.json) >"$work/files/names-chain-$lang.out" 2>&1
done
grep -q 'journeys/\*\*\*\*\*\*\*\*78.md' "$work/files/names-check-langen.out" && grep -q 'Thuis bij \*' "$work/files/names-chain-en.out" &&
	passed=$((passed + 1)) || { echo "FAIL personal data: the file name or chain label is not shown masked"; failed=$((failed + 1)); }

files=$(find "$work" -type f ! -name values ! -path "$names/*" | LC_ALL=C sort)
# shellcheck disable=SC2086
if python3 "$here/outputs_scan.py" absent "$work/values" $files >"$work/scan" 2>&1; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
	grep -v '^scanned' "$work/scan" | head -20
fi
n_files=$(echo "$files" | wc -l)
if [ "$n_files" -lt 12 ]; then
	echo "FAIL personal data: only $n_files output files to look into"
	failed=$((failed + 1))
fi

echo "personal data: $passed passed, $failed failed ($(tail -n 1 "$work/scan"))"
[ "$failed" -eq 0 ]
