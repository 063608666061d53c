#!/bin/sh
# report.sh - tests of the main job and `keten report`: the files in the
# output folder, findings.json equal to `check --format json`, the report's
# structure and escaping (report_check.py, which must also fail on a page
# with an injected script), diagrams in other formats, a broken journey
# listed and skipped, personal data masked in every file, the same bytes
# twice, a refused output folder, the whole persona on its card, and the
# report in headless Chromium
# (report_browser.py; BROWSER=0 leaves it out, for the sanitizer runs).
# Usage: sh tests/report.sh ./keten   (VALGRIND="valgrind ..." runs keten under it)
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
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL report: $*"; failed=$((failed + 1)); }
# Runs keten and expects the status $1.
expect() {
	want=$1
	shift
	run "$@" >"$work/out" 2>"$work/err"
	got=$?
	[ "$got" -eq "$want" ] && ok || bad "keten $*: status $got, expected $want: $(head -3 "$work/err")"
}
cd "$root" || exit 2
hostile="$root/tests/report/hostile"
name_text="Sam <script>document.body.setAttribute('data-pwned','name')</script>"
title_text="Reis <script>document.body.setAttribute('data-pwned','title')</script> & \"meer\""
quote_text="</blockquote><script>document.body.setAttribute('data-pwned','quote')</script>"

# The main job on the examples, in both languages: every file, and
# findings.json is what `check --format json` prints.
for lang in nl en; do
	out="$work/examples-$lang"
	expect 1 --lang $lang -o "$out"
	for j in "$root"/journeys/*; do
		id=$(basename "$j" | sed 's/\.[a-z]*$//')
		[ -s "$out/$id.svg" ] && ok || bad "main job: no $id.svg"
		[ -s "$out/$id.map.svg" ] && ok || bad "main job: no $id.map.svg"
	done
	n_journeys=$(ls "$root"/journeys | wc -l)
	n_maps=$(grep -c '<figure class="diagram map"' "$out/index.html")
	[ "$n_maps" -eq "$n_journeys" ] && ok || bad "the report shows $n_maps journey maps, not $n_journeys"
	[ -s "$out/index.html" ] && [ -s "$out/findings.json" ] && ok || bad "main job: no index.html or findings.json"
	run check --lang $lang --format json >"$work/check.json"
	cmp -s "$work/check.json" "$out/findings.json" && ok || bad "findings.json differs from check --format json ($lang)"
	python3 "$here/report_check.py" "$out" "$root" && ok || bad "report_check $lang"
	grep -q "<html lang=\"$lang\">" "$out/index.html" && ok || bad "index.html not in $lang"
done

# As-is before to-be: Ruud's as-is journey, then his to-be journey, then
# their comparison, in the page and in its contents.
python3 - "$work/examples-nl/index.html" <<'PY' && ok || bad "no transitions with the most friction under the overview, most first"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
at = page.index('<table class="transitions">')
table = page[at:page.index("</table>", at)]
rows = re.findall(r'<tr><td>[^<]+ \u2192 [^<]+</td><td class="num">\d+</td><td class="num">(\d+)</td><td class="num">(\d+)</td></tr>', table)
friction = [int(f) for _, f in rows]
sys.exit(0 if 0 < len(rows) <= 5 and friction == sorted(friction, reverse=True)
         and page.index('id="overzicht"') < at < page.index('class="journey"') else 1)
PY
python3 -c 'import sys; p=open(sys.argv[1]).read(); n=p[p.index("<nav"):p.index("</nav>")]; sys.exit(0 if "href=\"#overgangen\"" in n else 1)' "$work/examples-nl/index.html" &&
	ok || bad "the transitions are not in the contents"
python3 - "$work/examples-nl/index.html" <<'PY' && ok || bad "a persona's card is not on the page once, with a pointer from her other journeys"
import sys
page = open(sys.argv[1], encoding="utf-8").read()
keten = page.index('<section class="journey" id="reis-ruud-ede-keten"')
gewenst = page.index('<section class="journey" id="reis-ruud-ede-gewenst"')
cards = [i for i in range(len(page)) if page.startswith('<aside class="persona">\n<h3>Persona: Ruud', i)]
ref = page.find('<p class="persona-ref"><a href="#reis-ruud-ede-keten">', gewenst)
sys.exit(0 if len(cards) == 1 and keten < cards[0] < gewenst and ref > gewenst else 1)
PY
python3 - "$work/examples-nl/index.html" <<'PY' && ok || bad "as-is, to-be and comparison not in that order"
import sys
page = open(sys.argv[1], encoding="utf-8").read()
at = [page.index('<section class="journey" id="reis-ruud-ede-keten"'),
      page.index('<section class="journey" id="reis-ruud-ede-gewenst"'),
      page.index('<section class="keten-compare brief"')]
nav = page[page.index("<nav"):page.index("</nav>")]
if at != sorted(at) or nav.index("#reis-ruud-ede-keten") > nav.index("#reis-ruud-ede-gewenst"):
    sys.exit(f"order {at}")
PY

# The same bytes twice.
expect 1 --lang nl -o "$work/again"
for f in "$work/examples-nl"/*; do
	cmp -s "$f" "$work/again/$(basename "$f")" && ok || bad "$(basename "$f") differs between runs"
done

# Hostile text shows as text, and raw personal data is in no file.
expect 1 -o "$work/hostile" "$hostile"
python3 "$here/report_check.py" "$work/hostile" "$hostile" --text "$name_text" \
	--text "$title_text" --text "Dagbesteding </section><h1>kapot</h1>" \
	--absent 06-12345678 --absent 111222333 --absent sam@voorbeeld.nl && ok || bad "report_check hostile"

# The check can fail: an injected script, an external image, a missing row.
cp -r "$work/hostile" "$work/tampered"
sed -i 's|</footer>|<script>alert(1)</script></footer>|' "$work/tampered/index.html"
python3 "$here/report_check.py" "$work/tampered" "$hostile" >/dev/null && bad "report_check missed a script" || ok
cp "$work/hostile/index.html" "$work/tampered/index.html"
sed -i 's|</footer>|<img src="https://example.org/x.png"></footer>|' "$work/tampered/index.html"
python3 "$here/report_check.py" "$work/tampered" "$hostile" >/dev/null && bad "report_check missed an external image" || ok
cp "$work/hostile/index.html" "$work/tampered/index.html"
sed -i '0,/<tr class="finding/s|<tr class="finding|<tr class="gone|' "$work/tampered/index.html"
python3 "$here/report_check.py" "$work/tampered" "$hostile" >/dev/null && bad "report_check missed a missing row" || ok

# Questions: under "Open vragen", apart from the findings and out of every
# friction figure; the check fails on a question row gone.
questions="$root/tests/golden/v2-questions"
expect 0 --lang nl -o "$work/questions" "$questions"
python3 "$here/report_check.py" "$work/questions" "$questions" && ok || bad "report_check questions"
grep -q '<h3>Open vragen</h3>' "$work/questions/index.html" && ok || bad "questions: no Open vragen"
grep -q '<li class="question k001"><span class="num">?1</span>' "$work/questions/index.html" && ok ||
	bad "questions: no row ?1"
# (without the soft hyphens of long words)
sed 's/&shy;//g' "$work/questions/index.html" >"$work/questions-plain.html"
grep -q 'frictiescore 0 · 1 vraag</p>' "$work/questions-plain.html" && ok ||
	bad "questions: not counted apart in the journey's facts"
grep -q '<summary>Norm 2: goede informatieverstrekking</summary>' "$work/questions-plain.html" && ok ||
	bad "questions: no norm with the finding"
cp "$work/questions/index.html" "$work/tampered-q.html"
mkdir -p "$work/tampered-q" && cp "$work/questions/findings.json" "$work/tampered-q/"
sed 's|<li class="question|<li class="gone|' "$work/tampered-q.html" >"$work/tampered-q/index.html"
python3 "$here/report_check.py" "$work/tampered-q" "$questions" >/dev/null && bad "report_check missed a question row" || ok

# The title page: werkruimte.md at the workspace root gives the title,
# the attributes as written and the introduction, as text; without one,
# the defaults. "What we saw" holds the themes and the open questions.
cover="$work/cover"
mkdir -p "$cover"
cp -r "$questions/journeys" "$questions/personas" "$cover/"
printf '%s\n' '# Werk in de Vallei <script>x</script>' '' '- regio: Foodvalley' \
	'- team: Regionaal Werkbedrijf' '- datum: december 2026' '' \
	'Wat we in zes gesprekken hoorden.' '' '- een lijst' '- van dingen' >"$cover/werkruimte.md"
expect 0 --lang nl -o "$work/cover-out" "$cover"
python3 - "$work/cover-out/index.html" <<'PY' && ok || bad "title page from werkruimte.md"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
title = re.search(r'<header class="title-page">(.*?)</header>', page, re.S)
if not title:
    sys.exit("no title page")
want = ["<h1>Werk in de Vallei &lt;script&gt;x&lt;/script&gt;</h1>",
        "<dt>regio</dt><dd>Foodvalley</dd>", "<dt>datum</dt><dd>december 2026</dd>",
        "<p>Wat we in zes gesprekken hoorden.</p>", "<li>van dingen</li>",
        "1 (licht), 2 (duidelijk) of 3 (ernstig)"]
missing = [w for w in want if w not in title[1]]
if missing:
    sys.exit(f"not on the title page: {missing}")
if "<title>Werk in de Vallei &lt;script&gt;x&lt;/script&gt;</title>" not in page:
    sys.exit("the page's title is not the title page's")
if '@page{@top-center{content:"Werk in de Vallei \\3c script\\3e x\\3c \\2f script\\3e "}}' not in page:
    sys.exit("no running header with the title, escaped for CSS")
if page.index("</header>") > page.index("<nav") or page.index("<nav") > page.index('id="samenvatting"'):
    sys.exit("not title page, contents, what we saw in that order")
saw = page[page.index('id="samenvatting"'):page.index('<section class="journey"')]
for w in ["<h3>Wat het vaakst misgaat</h3>", "<h3 id=\"acties\">Wat de organisaties kunnen veranderen</h3>",
          "<h3>Open vragen</h3>", 'class="open-questions"']:
    if w not in saw:
        sys.exit(f"not in what we saw: {w}")
actions = re.search(r'<ul class="actions">(.*?)</ul>', saw, re.S)[1]
if "&#39;" in actions or "schrijf" in actions:
    sys.exit(f"an action tells the reader to edit a file: {actions}")
PY
grep -q '<h1>Ketenrapport</h1>' "$work/questions/index.html" && ok || bad "title page: no default title"
# File paths, lines and what to write are for the team: in the appendix,
# not on the council's pages.
python3 - "$work/questions/index.html" <<'PY' && ok || bad "file paths outside the appendix"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
council, team = page.split('<section id="bijlage"', 1)
if re.search(r"journeys/[^ <]*\.md", council):
    sys.exit("a journey's file is named before the appendix")
if not re.search(r'<tr class="team-row"><td class="num">\?1</td><td>K001</td><td class="loc">[^<]*journeys/[^<]*\.md:\d+</td>', team):
    sys.exit("the appendix does not name the question's file and line")
if "negeer: K001" not in team:
    sys.exit("the appendix does not say how to accept the finding")
PY
grep -q '<section id="bijlage"' "$work/questions/index.html" && ok || bad "no appendix for the team"

# Other diagram formats: PNG inline as data, PDF named.
expect 0 -T png -o "$work/png" journeys/ruud-ede-keten.md
grep -q 'src="data:image/png;base64,iVBORw0KGgo' "$work/png/index.html" && ok || bad "-T png: no inline PNG"
expect 0 -T pdf -o "$work/pdf" journeys/ruud-ede-keten.md
[ -s "$work/pdf/ruud-ede-keten.pdf" ] && grep -q 'ruud-ede-keten.pdf' "$work/pdf/index.html" && ok || bad "-T pdf: diagram not named"

# keten report: index.html and its diagrams, no findings.json.
expect 1 report -o "$work/report" .
[ -s "$work/report/index.html" ] && [ ! -e "$work/report/findings.json" ] && ok || bad "report: wrong files"
grep -q "index.html" "$work/out" && ok || bad "report: no line naming index.html"

# The persona card shows the whole persona, labelled in the report's
# language: facts, position with its rung, income, traits, the five lists,
# the persona's own sections (paragraphs and lines kept) and the quote.
card="$root/tests/report/persona-card"
for lang in nl en; do
	expect 0 report --lang $lang -o "$work/card-$lang" "$card"
	python3 - "$work/card-$lang/index.html" $lang <<'PY' && ok || bad "persona card ($lang)"
import html, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
cards = re.findall(r'<aside class="persona">(.*?)</aside>', page, re.S)
if len(cards) != 1:
    sys.exit(f"{len(cards)} persona cards, want 1")
card = html.unescape(cards[0]).replace("\xad", "")  # soft hyphens
nl = sys.argv[2] == "nl"
# in English, the persona's own words are marked as Dutch (tests/a11y/)
if nl == (' lang="nl"' in card):
    sys.exit("the persona's words are not marked as Dutch in English only")
card = card.replace('<span lang="nl">', "").replace("</span>", "").replace(' lang="nl"', "")
want = ["Persona: Noor", "29 jaar" if nl else "29 years old", "Ede", "alleenstaande moeder",
        "Noor (29) woont met haar dochter",
        "<dt>Positie</dt>" if nl else "<dt>Position</dt>",
        "(trede 2)" if nl else "(rung 2)",
        "<dt>Inkomen</dt><dd>uitkering</dd>" if nl else "<dt>Income</dt><dd>benefit</dd>",
        "<dt>Kenmerken</dt><dd>angstig, weinig-digitaal</dd>" if nl
        else "<dt>Traits</dt><dd>angstig, weinig-digitaal</dd>",
        "<h4>Talenten</h4>" if nl else "<h4>Talents</h4>", "luistert goed",
        "<h4>Behoeften</h4>" if nl else "<h4>Needs</h4>", "schooltijden",
        "<h4>Zorgen</h4>" if nl else "<h4>Worries</h4>", "toeslagen",
        "<h4>Doelen</h4>" if nl else "<h4>Goals</h4>", "twintig uur",
        "<h4>Netwerk</h4>" if nl else "<h4>Network</h4>", "op dinsdag oppast",
        "<h4>Achtergrond</h4>", "<p>Noor werkte acht jaar in de thuiszorg.</p>",
        "<ul>\n<li>eerst alleen rust</li>\n<li>daarna een cursus bij het buurthuis</li>\n</ul>",
        "<blockquote>Ik wil weer iets betekenen voor een ander.</blockquote>"]
missing = [w for w in want if w not in card]
if missing:
    sys.exit(f"not on the card: {missing}")
PY
done

# A broken journey is skipped, listed, and the others are still written.
mkdir -p "$work/broken/journeys"
cp -r "$hostile/personas" "$hostile/journeys" "$work/broken/"
printf '# Kapotte reis\n\n- persona: sam\n\n## Eerste fase\n- positie: nergens\n' >"$work/broken/journeys/kapot.md"
expect 1 -o "$work/broken-out" "$work/broken"
grep -q 'skipped' "$work/err" && ok || bad "broken journey: not said on standard error"
[ ! -e "$work/broken-out/kapot.svg" ] && [ -s "$work/broken-out/sam-vijandig.svg" ] && ok || bad "broken journey: wrong diagrams"
grep -q 'id="overgeslagen"' "$work/broken-out/index.html" && grep -q 'href="#reis-kapot"' "$work/broken-out/index.html" &&
	ok || bad "broken journey: not listed in the report"

# An output folder inside a source folder is refused, and nothing written.
expect 2 -o "$work/broken/journeys/out" "$work/broken"
[ ! -e "$work/broken/journeys/out" ] && ok || bad "output folder in a source folder was made"

# Long words carry soft hyphens where libhyphen's dictionary breaks them,
# in visible text only; short words none; without the dictionaries
# (KETEN_HYPHEN_DIR) the same report without them. Skipped when Debian's
# Dutch dictionary is not installed.
if [ -r /usr/share/hyphen/hyph_nl_NL.dic ]; then
	NO_COLOR=1 KETEN_HYPHEN_DIR="$work/no-dictionaries" LANG=C "$keten" --lang nl -o "$work/unhyphenated" >/dev/null 2>&1
	python3 - "$work/examples-nl/index.html" "$work/unhyphenated/index.html" <<'PY' && ok || bad "soft hyphens: missing, in short words, in attributes or markup, or not the only difference"
import html.parser, re, sys
page = open(sys.argv[1], encoding="utf-8").read()
plain = open(sys.argv[2], encoding="utf-8").read()
assert "ar&shy;beids&shy;ma&shy;ti&shy;ge" in page, "arbeidsmatige not hyphenated"
assert "lap&shy;top&shy;werk&shy;plaats" in page, "laptopwerkplaats not hyphenated"
for word in re.findall(r"[A-Za-z\u00c0-\u00ff]+(?:&shy;[A-Za-z\u00c0-\u00ff]+)+", page):
    assert len(word.replace("&shy;", "")) >= 12, "a short word hyphenated: " + word
assert "&shy;" not in plain, "soft hyphens without the dictionaries"
assert page.replace("&shy;", "") == plain, "without the dictionaries the report differs otherwise"
class Check(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open, self.seen = [], 0
    def handle_starttag(self, tag, attrs):
        assert not any("\xad" in (v or "") for _, v in attrs), "a soft hyphen in an attribute of <%s>" % tag
        if tag not in ("br", "img", "meta", "link", "hr", "col", "wbr"):
            self.open.append(tag)
    def handle_endtag(self, tag):
        while self.open and self.open.pop() != tag:
            pass
    def handle_data(self, data):
        if "\xad" in data:
            self.seen += 1
            inside = [t for t in ("title", "style", "svg", "script") if t in self.open]
            assert not inside, "a soft hyphen in <%s>" % inside[0]
check = Check()
check.feed(page)
assert check.seen > 0
PY
fi

# The report in a real browser.
if [ "${BROWSER:-1}" != 0 ]; then
	# printed: A4, the page budget, no text out of its box, nothing under
	# 7 pt; for the examples and a generated workspace of two journeys
	python3 "$here/report_browser.py" "$work/examples-nl/index.html" "$work/browser-examples" \
		--layout && ok || bad "browser: examples"
	python3 "$root/bench/gen.py" "$work/generated" 2 &&
		{ run -q -o "$work/generated-out" "$work/generated" >/dev/null 2>&1 || true; }
	python3 "$here/report_browser.py" "$work/generated-out/index.html" "$work/browser-generated" \
		--layout && ok || bad "browser: generated workspace"
	python3 "$here/report_browser.py" "$work/hostile/index.html" "$work/browser-hostile" \
		--text "$name_text" --text "$quote_text" && ok || bad "browser: hostile"
	cp "$work/hostile/index.html" "$work/tampered/index.html"
	sed -i "s|</footer>|<img src=x onerror=\"document.body.setAttribute('data-pwned','x')\"></footer>|" \
		"$work/tampered/index.html"
	python3 "$here/report_browser.py" "$work/tampered/index.html" "$work/browser-tampered" >/dev/null &&
		bad "browser: an injected script went unnoticed" || ok
fi

echo "report: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
