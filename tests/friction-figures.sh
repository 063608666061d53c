#!/bin/sh
# friction-figures.sh - every figure about the example workspace agrees: the
# summary line, findings.json, the overview caption, the report's header
# and its ranking table (which adds up to them), and each journey's score
# and friction points in the table, in findings.json and in its diagram.
# Usage: sh tests/friction-figures.sh ./keten
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
cd "$here" || exit 2
NO_COLOR=1 KETEN_LANG= LANG=C "$keten" --lang en -o "$work/out" . >"$work/stdout" 2>&1
status=$?
if [ "$status" -gt 1 ]; then
	echo "FAIL friction-figures: keten exited $status"
	cat "$work/stdout"
	exit 1
fi
python3 - "$work/out" "$work/stdout" <<'PY'
import html, json, re, sys
out, stdout = sys.argv[1], sys.argv[2]
failed = []
def same(what, *values):
    if len(set(values)) != 1:
        failed.append(f"{what}: {values}")
line = [l for l in open(stdout).read().splitlines() if "friction points (friction score" in l][-1]
m = re.search(r"(\d+) friction points? \(friction score (\d+)\)", line)
points, score = int(m[1]), int(m[2])
summary = json.load(open(f"{out}/findings.json"))["summary"]
same("run score: summary line, findings.json", score, summary["friction_total"])
same("run points: summary line, findings.json", points, summary["friction_points"])
page = open(f"{out}/index.html").read()
header = html.unescape(re.search(r'summary-line">([^<]*)', page)[1])
same("report header and summary line", header, line)
caption = re.search(r"friction score (\d+)", open(f"{out}/overview.svg").read())
same("overview caption and summary line", int(caption[1]), score)
table = page[page.index('class="ranking"'):]
table = table[:table.index("</table>")]
rows = re.findall(r'href="#reis-([^"]+)".*?<td class="num">(\d+)</td><td class="num">(\d+)</td>', table)
same("report table score sum and summary line", sum(int(r[1]) for r in rows), score)
same("report table points sum and summary line", sum(int(r[2]) for r in rows), points)
for journey, jscore, jpoints in rows:
    same(f"{journey}: table and findings.json", int(jscore), summary["friction_score"][journey])
    svg = open(f"{out}/{journey}.svg").read()
    d = re.search(r"(\d+) friction points? · friction score (\d+)", svg)
    same(f"{journey}: table and diagram", (int(jpoints), int(jscore)), (int(d[1]), int(d[2])))
for f in failed:
    print("FAIL friction-figures:", f)
if not failed:
    print(f"friction-figures: {len(rows)} journeys, {points} friction points, score {score}, everywhere")
sys.exit(1 if failed else 0)
PY
