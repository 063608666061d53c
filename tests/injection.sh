#!/bin/sh
# injection.sh - hostile text in every field of personas and journeys
# (tests/injection/strings.tsv: quotes, < > &, new lines, Graphviz
# HTML-label syntax, \N-style escapes, DOT syntax, very long words and
# texts, right-to-left marks, control characters, <script>, <img onerror>,
# entities, printf formats) goes through keten check (text in both
# languages, JSON), keten export (to Markdown and back: nothing lost) and
# keten render (DOT, SVG, PNG, PDF; from the JSON and from the exported
# Markdown), and every output is looked into by tests/outputs_scan.py: the
# DOT lays out again with `dot -Tsvg` without a word, the SVG is
# well-formed with only Graphviz's own elements and no event attributes or
# outside links, PNG and PDF are whole, the terminal text has no raw
# control characters, and each journey's diagram shows its text as text
# (PDF through pdftotext).
# The main job's files (index.html, findings.json, overview) are scanned
# too (main_job_outputs); any file can be given to outputs_scan.py inject.
# Usage: sh tests/injection.sh ./keten
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
strings=$here/injection/strings.tsv
scan="python3 $here/outputs_scan.py"
work=$(mktemp -d "${TMPDIR:-/tmp}/keten-injection.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT INT TERM
passed=0
failed=0

# Failures go to fd 3, the script's own output, also from inside a
# redirected call.
exec 3>&1
fail() {
	echo "FAIL injection: $*" >&3
	failed=$((failed + 1))
}

# keten_in FOLDER STATUS... -- ARGS: runs keten ARGS in FOLDER; the status
# must be one of those listed.
keten_in() {
	k_dir=$1
	shift
	k_ok=""
	while [ "$1" != "--" ]; do
		k_ok="$k_ok $1"
		shift
	done
	shift
	(cd "$k_dir" && "$keten" "$@")
	k_status=$?
	case " $k_ok " in
	*" $k_status "*) passed=$((passed + 1)) ;;
	*) fail "keten $* gave status $k_status (expected$k_ok)" ;;
	esac
}

json_ws=$work/json
md_ws=$work/md
out=$work/out
mkdir -p "$md_ws/personas" "$md_ws/journeys" "$out/check" "$out/export"
if ! $scan workspace "$strings" "$json_ws"; then
	echo "FAIL injection: cannot make the workspace"
	exit 1
fi

# Export: every file to Markdown (the second workspace), and the round trip
# md -> json -> md -> json loses nothing.
for file in "$json_ws"/personas/*.json "$json_ws"/journeys/*.json; do
	rel=${file#"$json_ws"/}
	keten_in "$json_ws" 0 -- export --lang nl "$rel" >"$md_ws/${rel%.json}.md" 2>"$work/said"
	grep -q . "$md_ws/${rel%.json}.md" || fail "export of $rel is empty"
	cp "$md_ws/${rel%.json}.md" "$out/export/$(basename "${rel%.json}").md"
done
if sh "$here/roundtrip.sh" "$keten" "$json_ws" >"$work/said" 2>&1; then
	passed=$((passed + 1))
else
	fail "export does not go round unchanged"
	grep -v '^roundtrip:' "$work/said" | head -20
fi

# Check: findings as text and JSON, from both workspaces. Status 0 or 1:
# the texts draw friction findings, none is a structural error (checked
# by the scan of the JSON below: it must parse).
for ws in json md; do
	dir=$work/$ws
	keten_in "$dir" 0 1 -- check --lang nl --no-color . >"$out/check/$ws-nl.txt" 2>&1
	keten_in "$dir" 0 1 -- check --lang en --no-color . >"$out/check/$ws-en.txt" 2>&1
	keten_in "$dir" 0 1 -- check --format json . >"$out/check/$ws.json" 2>"$work/said"
	if grep -q '"severity": "error"' "$out/check/$ws.json"; then
		fail "check of the $ws workspace reports errors"
		grep -B3 -A6 '"severity": "error"' "$out/check/$ws.json" | head -30
	fi
done

# Render: every format from the JSON, DOT and SVG from the Markdown.
for format in dot svg png pdf; do
	keten_in "$json_ws" 0 1 -- render --lang nl -T "$format" -o "$out/json-$format" . \
		>"$out/check/render-json-$format.txt" 2>&1
done
for format in dot svg; do
	keten_in "$md_ws" 0 1 -- render --lang en -T "$format" -o "$out/md-$format" . \
		>"$out/check/render-md-$format.txt" 2>&1
done
n_journeys=$(ls "$json_ws/journeys" | wc -l)
for dir in json-dot json-svg json-png json-pdf md-dot md-svg; do
	n=$(ls "$out/$dir" 2>/dev/null | wc -l)
	if [ "$n" -eq "$n_journeys" ]; then
		passed=$((passed + 1))
	else
		fail "$dir: $n diagrams for $n_journeys journeys"
	fi
done

# The main job: diagrams, overview, index.html and findings.json, scanned
# like the rest.
main_job_outputs() {
	keten_in "$json_ws" 0 1 -- --lang nl -o "$out/main-job" . >"$work/said" 2>&1
	sed 's/^/    /' "$work/said" | head -5
	[ -s "$out/main-job/index.html" ] && [ -s "$out/main-job/findings.json" ] ||
		fail "the main job wrote no index.html or findings.json"
}
main_job_outputs

# Terminal lines that quote titles, chain labels and file names: compare
# (hostile titles and persona names, and a file name with escapes), and
# the main job's "skipped:" line for a broken journey whose file name holds
# escapes. The terminal scan below looks into the .txt files.
names_ws=$work/names
mkdir -p "$names_ws/personas" "$names_ws/journeys"
cp "$json_ws/personas/p-terminal.json" "$json_ws/personas/p-control.json" "$names_ws/personas/"
cp "$json_ws/journeys/inj-terminal.json" "$names_ws/journeys/$(printf 'a\033[2Jb').json"
cp "$json_ws/journeys/inj-control.json" "$names_ws/journeys/"
printf '# Kapot\n\n- persona: niemand\n\n## Ergens\n- positie: thuis\n' \
	>"$names_ws/journeys/$(printf 'kapot\033]0;x\007').md"
for lang in nl en; do
	keten_in "$json_ws" 0 1 -- compare --lang "$lang" journeys/inj-terminal.json journeys/inj-control.json \
		>"$out/check/compare-$lang.txt" 2>&1
	keten_in "$names_ws" 0 1 -- compare --lang "$lang" "journeys/$(printf 'a\033[2Jb').json" journeys/inj-control.json \
		>"$out/check/compare-names-$lang.txt" 2>&1
	keten_in "$names_ws" 1 -- --lang "$lang" -o "$work/names-out-$lang" . >"$out/check/main-job-names-$lang.txt" 2>&1
done
grep -q 'skipped: \|overgeslagen: ' "$out/check/main-job-names-en.txt" ||
	fail "the main job does not say it skipped the broken journey"

files=$(find "$out" -type f | LC_ALL=C sort)
# shellcheck disable=SC2086
if $scan inject "$strings" $files >"$work/scan" 2>&1; then
	passed=$((passed + 1))
else
	failed=$((failed + 1))
fi
grep -v '^scanned' "$work/scan" | head -60
echo "injection: $passed passed, $failed failed ($(tail -n 1 "$work/scan"))"
[ "$failed" -eq 0 ]
