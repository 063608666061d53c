#!/bin/sh
# map.sh - tests of the journey map (`keten render --view map`) that look
# into the files it writes: for every example journey, the golden fixture
# and a generated journey of 10 stages and 40 findings, the PDF's pages are
# A4 landscape and its smallest word (pdftotext -bbox) is set in 7 pt or
# more; the PNG is 1920 pixels wide and that word's font is then at least
# 14 pixels, also with a band shown whole on a 1920 x 1080 screen; every format gives the same bytes twice, whatever else the
# process drew before; the SVG keeps words as text, in groups with classes;
# dot is refused.
# Usage: sh tests/map.sh ./keten
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
passed=0
failed=0
run() { NO_COLOR=1 KETEN_LANG=en LANG=C "$keten" "$@"; }
draw() { run "$@"; [ $? -le 1 ]; }
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL map: $*"; failed=$((failed + 1)); }

# A journey of 10 stages with 4 pain points each: 40 findings (K013), the
# most the size rule promises to fit on one A4 page.
gen="$work/gen"
mkdir -p "$gen/journeys" "$gen/personas"
cp "$root/personas/ruud.md" "$gen/personas/"
{
	printf '# Ruud: tien etappes, veertig knelpunten\n\n- persona: ruud\n- soort: huidig\n'
	for i in 1 2 3 4 5 6 7 8 9 10; do
		case $i in
		1 | 6) pos=thuis ;; 2 | 7) pos=dagbesteding ;;
		3 | 8) pos=arbeidsmatige-dagbesteding ;; *) pos=loonkostensubsidie ;;
		esac
		printf '\n## Etappe %s met een lange titel die niet in een kolom past\n' "$i"
		printf -- '- positie: %s\n- duur: %s weken\n- emotie: %s\n' "$pos" "$i" $((i % 5 - 2))
		printf -- '- brief: een brief met een lange titel over de beschikking %s\n' "$i"
		printf -- '- telefoon: de consulent belt\n'
		for k in 1 2 3 4; do
			printf -- '- knelpunt: pijnpunt %s.%s met een tekst die langer is dan een kolom breed is\n' "$i" "$k"
		done
	done
} >"$gen/journeys/ruud-veertig.md"

workspaces="$root $root/tests/golden/map-relapse $gen"

# Draws every map of every workspace in a format into $work/<dir>.
for fmt in svg png pdf; do
	for ws in $workspaces; do
		(cd "$root" && draw render --view map -T $fmt -o "$work/$fmt" "$ws") >"$work/log" 2>&1 ||
			bad "render --view map -T $fmt $ws: $(cat "$work/log")"
	done
done
n=$(ls "$work/pdf" | wc -l)
[ "$n" -ge 10 ] && ok || bad "expected at least 10 maps, found $n"

# Sizes: A4 landscape pages, words >= 7 pt; 1920 px PNG, words >= 14 px.
for pdf in "$work"/pdf/*.map.pdf; do
	name=$(basename "$pdf" .pdf)
	pdftotext -bbox "$pdf" "$work/bbox.html" 2>"$work/log" || { bad "pdftotext $name"; continue; }
	png="$work/png/$name.png"
	width=$(od -An -tu1 -j16 -N4 "$png" | awk '{print $1 * 16777216 + $2 * 65536 + $3 * 256 + $4}')
	out=$(python3 - "$work/bbox.html" "$width" "$work/svg/$name.svg" <<'EOF'
import re, sys
html = open(sys.argv[1], encoding="utf-8").read()
png_width = int(sys.argv[2])
pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', html)
words = [(float(a), float(b), w) for a, b, w in
         re.findall(r'<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([^<]*)</word>', html)]
problems = []
for w, h in pages:
    if abs(float(w) - 842) > 1 or abs(float(h) - 595) > 1:
        problems.append("page %s x %s pt is not A4 landscape" % (w, h))
if not words:
    problems.append("no words")
else:
    # pdftotext's box is the font's ascent + descent: 1.164 em in DejaVu
    # Sans, the map's one font; the font size is the box over that.
    box, word = min((b - a, w) for a, b, w in words)
    low = box / 1.164
    page_w = float(pages[0][0])
    px = low * png_width / page_w
    if low < 7 - 0.02:  # pdftotext rounds the box to two decimals
        problems.append("the word %r is %.2f pt high, under 7 pt" % (word, low))
    if png_width != 1920:
        problems.append("the PNG is %d px wide, not 1920" % png_width)
    if px < 14 - 0.05:
        problems.append("the word %r is %.1f px high at 1920 px, under 14" % (word, px))
    # a band (a page of the PDF; stacked in the PNG) shown whole on a
    # 1920 x 1080 screen
    band_h = max(float(h) for h in re.findall(
        r'<g class="band">\s*<rect x="0" y="[\d.]+" width="842" height="([\d.]+)"',
        open(sys.argv[3], encoding="utf-8").read()))
    screen = low * min(1920 / page_w, 1080 / band_h)
    if screen < 14 - 0.05:
        problems.append("a band %.0f pt high shown on 1920 x 1080: %.1f px text, under 14" % (band_h, screen))
    print("smallest font %.2f pt (%r), %.1f px at %d px wide, %.1f px on 1920 x 1080 (band %.0f pt)"
          % (low, word, px, png_width, screen, band_h))
if problems:
    print("; ".join(problems))
    sys.exit(1)
EOF
	) && ok || bad "$name: $out"
	[ -n "${VERBOSE:-}" ] && echo "$name: $out"
done

# The same bytes twice: each example journey drawn alone (first in its
# process) against the same journey drawn among the others above.
for fmt in svg png pdf; do
	for j in "$root"/journeys/*.md "$root"/journeys/*.json; do
		(cd "$root" && draw render -q --view map -T $fmt -o "$work/again-$fmt" "$j" personas) \
			>"$work/log" 2>&1 || bad "render again $j -T $fmt: $(cat "$work/log")"
	done
	for f in "$work/again-$fmt"/*.map.$fmt; do
		cmp -s "$f" "$work/$fmt/$(basename "$f")" && ok || bad "$(basename "$f"): not the same bytes twice"
	done
done

# The SVG for designers: words as <text> (no glyph outlines), no text under
# 7 pt, <title> and <desc> first and nowhere else (no hover titles), and
# the groups a designer styles, by class.
for svg in "$work"/svg/*.map.svg; do
	out=$(python3 - "$svg" <<'EOF2'
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
problems = []
if "<path" in svg or "<symbol" in svg or "<use" in svg:
    problems.append("glyph outlines (path, symbol or use) instead of text")
sizes = [float(v) for v in re.findall(r'<text [^>]*font-size="([\d.]+)"', svg)]
if not sizes:
    problems.append("no <text>")
elif min(sizes) < 7:
    problems.append("text of %.2f pt" % min(sizes))
head = re.search(r'<svg [^>]*role="img"[^>]*>\s*<title id="svg-title">[^<]*</title>\s*<desc id="svg-desc">', svg)
if not head:
    problems.append("<title> and <desc> are not the first children of <svg role=img>")
if svg.count("<title") != 1:
    problems.append("%d <title> elements" % svg.count("<title"))
for cls in ["row stages", "row position", "row emotion", "row touchpoints", "row friction",
            "row pains", "row opportunities", "stage", "key"]:
    if 'class="%s"' % cls not in svg:
        problems.append("no group of class %r" % cls)
if problems:
    print("; ".join(problems))
    sys.exit(1)
EOF2
	) && ok || bad "$(basename "$svg"): $out"
done
fixture="$work/svg/joost-kaart.map.svg"
for cls in 'marker impact-2 k0' 'question k0' 'touchpoint phone' 'touchpoint payment good' \
	'pain' 'opportunity' 'move relapse' 'unknown' 'step unknown'; do
	grep -q "class=\"$cls" "$fixture" && ok || bad "joost-kaart.map.svg: no group of class '$cls'"
done
# A pain point a finding (K013) reports carries that marker's number.
python3 - "$fixture" <<'EOF2' && ok || bad "joost-kaart.map.svg: a pain point without its K013 marker"
import re, sys
svg = open(sys.argv[1], encoding="utf-8").read()
pains = re.findall(r'<g class="pain">\s*<g class="marker impact-\d k013">', svg)
sys.exit(0 if len(pains) == 2 else 1)
EOF2

# `keten report` shows a map beside each diagram, as the main job does.
(cd "$root" && draw report -q -o "$work/report" .) >"$work/log" 2>&1 || bad "report: $(cat "$work/log")"
n_journeys=$(ls "$root"/journeys | wc -l)
n_maps=$(grep -c '<figure class="diagram map"' "$work/report/index.html")
n_files=$(ls "$work/report" | grep -c '\.map\.svg$')
[ "$n_maps" -eq "$n_journeys" ] && [ "$n_files" -eq "$n_journeys" ] && ok ||
	bad "keten report shows $n_maps maps and wrote $n_files, not $n_journeys"

# dot is refused: the map is drawn by cairo, not Graphviz.
run render --view map -T dot -o "$work/dot" "$root/tests/golden/map-relapse" >"$work/log" 2>&1
[ $? -eq 2 ] && grep -q "cannot be dot" "$work/log" && ok || bad "-T dot is not refused: $(cat "$work/log")"

echo "map: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
