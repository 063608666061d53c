#!/bin/sh
# render.sh - tests of `keten render` that look into the files it writes:
# the SVG structure of every example and fixture journey (render_svg.py),
# valid PNG and PDF files, the same bytes for the same input (twice, and
# with -j 1 against -j 2), no temporary files left, the --timings file, an
# output folder reached through a link into a source folder, and keten run
# as an absolute path, a relative path and a name found in PATH.
# Usage: sh tests/render.sh ./keten   (VALGRIND="valgrind ..." runs keten under it)
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
passed=0
failed=0
# English on purpose: the checks below look for English texts.
run() { NO_COLOR=1 KETEN_LANG=en LANG=C ${VALGRIND:-} "$keten" "$@"; }
# keten render that did its job: status 0, or 1 (findings such as K012 in
# the examples' workshop draft), but not 2.
draw() { run "$@"; [ $? -le 1 ]; }
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL render: $*"; failed=$((failed + 1)); }

fixtures="$root/tests/golden/render-short $root/tests/golden/render-long \
$root/tests/golden/render-relapse $root/tests/golden/render-hostile \
$root/tests/golden/render-bracket"

# SVG structure: every journey of the examples and the fixtures (each a
# workspace of its own).
for ws in "$root" $fixtures; do
	(cd "$root" && draw render -j 2 -o "$work/svg" "$ws") >"$work/log" 2>&1 ||
		bad "render $ws: $(cat "$work/log")"
done
for j in "$root"/journeys/*.md "$root"/journeys/*.json; do
	out=$(python3 "$here/render_svg.py" "$keten" "$j" "$work/svg" 2>&1) && ok || bad "$out"
done
for f in $fixtures; do
	for j in "$f"/journeys/*; do
		out=$(python3 "$here/render_svg.py" "$keten" "$j" "$work/svg" 2>&1) && ok || bad "$out"
	done
done

# The poster (--detail poster) of every example journey has the same SVG
# structure; an unknown --detail is refused.
(cd "$root" && draw render --detail poster -j 2 -o "$work/poster" .) >"$work/log" 2>&1 ||
	bad "render --detail poster: $(cat "$work/log")"
for j in "$root"/journeys/*.md "$root"/journeys/*.json; do
	out=$(python3 "$here/render_svg.py" "$keten" "$j" "$work/poster" 2>&1) && ok || bad "poster: $out"
done
(cd "$root" && run render --detail huge -o "$work/huge" .) >"$work/log" 2>&1
[ $? -eq 2 ] && grep -q "compact, poster" "$work/log" && ok || bad "--detail huge is not refused: $(cat "$work/log")"

# A title of only "]" shows in the diagram, and its DOT lays out again.
grep -q '>\]</text>' "$work/svg/haakje.svg" && ok || bad "the title ']' is not in haakje.svg"
(cd "$root" && draw render -T dot -j 1 -o "$work/bracket-dot" tests/golden/render-bracket) >"$work/log" 2>&1 &&
	dot -Tsvg "$work/bracket-dot/haakje.dot" >/dev/null 2>"$work/log" && ok ||
	bad "the DOT of a title ']' does not lay out again: $(cat "$work/log")"

# PNG and PDF: the right magic bytes and more than a token of content.
magic() { # file, expected first bytes as printed by od
	[ "$(od -An -c -N "$3" "$1" | tr -d ' \n')" = "$2" ]
}
for fmt in png pdf; do
	(cd "$root" && draw render -T $fmt -j 2 -o "$work/$fmt" .) >"$work/log" 2>&1 ||
		bad "render -T $fmt: $(cat "$work/log")"
	for f in "$work/$fmt"/*.$fmt; do
		size=$(wc -c <"$f")
		case $fmt in
		png) magic "$f" '211PNG\r\n032\n' 8 ;;
		pdf) magic "$f" '%PDF-' 5 && ! grep -q '/CreationDate (D:' "$f" ;;
		esac && [ "$size" -gt 20000 ] && ok || bad "$f: not a valid $fmt of some size ($size bytes)"
	done
done

# The same input gives the same bytes: twice, and with one worker or two.
for fmt in svg png pdf dot; do
	(cd "$root" && draw render -T $fmt -j 1 -o "$work/a-$fmt" . && sleep 1 &&
		draw render -T $fmt -j 1 -o "$work/b-$fmt" . &&
		draw render -T $fmt -j 2 -o "$work/c-$fmt" .) >"$work/log" 2>&1 ||
		bad "render -T $fmt: $(cat "$work/log")"
	for f in "$work/a-$fmt"/*; do
		name=$(basename "$f")
		cmp -s "$f" "$work/b-$fmt/$name" && cmp -s "$f" "$work/c-$fmt/$name" && ok ||
			bad "$fmt: $name differs between runs"
	done
done

# No temporary file is left behind.
leftover=$(find "$work" -name '.*.tmp' | head -1)
[ -z "$leftover" ] && ok || bad "temporary file left: $leftover"

# --timings: one line "<id>\t<microseconds>" per diagram written.
(cd "$root" && draw render -j 2 -o "$work/t" --timings "$work/timings.tsv" .) >"$work/log" 2>&1 ||
	bad "render --timings: $(cat "$work/log")"
n_files=$(ls "$work/t" | wc -l)
if [ "$(grep -cE '^[a-z0-9-]+	[0-9]+$' "$work/timings.tsv")" -eq "$n_files" ] &&
	[ "$(wc -l <"$work/timings.tsv")" -eq "$n_files" ] && [ "$n_files" -gt 0 ]; then
	ok
else
	bad "timings file: $(cat "$work/timings.tsv")"
fi

# An output folder that is a link into a source folder is refused, and
# nothing is written there.
cp -R "$root/tests/golden/render-short" "$work/ws"
ln -s "$work/ws/journeys" "$work/link"
before=$(ls -A "$work/ws/journeys")
(cd "$work/ws" && run render -o ../link/sub) >"$work/log" 2>&1
status=$?
if [ $status -eq 2 ] && [ "$(ls -A "$work/ws/journeys")" = "$before" ] &&
	grep -q 'source folder journeys' "$work/log"; then
	ok
else
	bad "output folder through a link into journeys/: status $status: $(cat "$work/log")"
fi

# Workers are keten started again through its own path, found from
# argv[0]: run as an absolute path, a relative path (from another folder)
# and a bare name found in PATH, keten starts its workers through that
# path (bin/keten here, a script that notes each start and runs keten)
# and draws the same bytes.
mkdir -p "$work/bin" "$work/three"
printf '#!/bin/sh\necho "$1" >>"%s"\nexec "%s" "$@"\n' "$work/three/started" "$keten" >"$work/bin/keten"
chmod +x "$work/bin/keten"
short="$root/tests/golden/render-short"
three_ways() { # NAME ARGV0: keten itself, started with ARGV0 as its argv[0]
	rm -f "$work/three/started"
	(cd "$work/three" && NO_COLOR=1 KETEN_LANG= LANG=C PATH="$work/bin:$PATH" python3 -c \
		'import os, sys; os.execv(sys.argv[1], sys.argv[2:])' "$keten" "$2" render -j 2 \
		-o "$work/three/$1" "$short") >"$work/log" 2>&1
	status=$?
	if [ $status -le 1 ] && [ -s "$work/three/$1/noor-kort.svg" ] &&
		grep -qx -- --render-worker "$work/three/started" 2>/dev/null; then
		ok
	else
		bad "keten run as $2: status $status, started: $(cat "$work/three/started" 2>&1): $(cat "$work/log")"
	fi
}
three_ways absolute "$work/bin/keten"
three_ways relative ../bin/keten
three_ways path keten
for name in relative path; do
	cmp -s "$work/three/absolute/noor-kort.svg" "$work/three/$name/noor-kort.svg" && ok ||
		bad "keten run as a $name path draws other bytes than as an absolute path"
done

echo "render: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
