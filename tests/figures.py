#!/usr/bin/env python3
# figures.py - every figure of a run agrees: the summary line, the report's
# header, ranking table, themes, per-rule table, each journey's section
# (score, questions, rows of findings, appendix rows), each pathway diagram
# (its markers and its caption), each journey map (its description), the
# overview's caption and findings.json (its summary and its diagnostics).
# Run keten with --lang en first.
# Usage: python3 tests/figures.py check OUT STDOUT [KETEN-OPTION...]
#        (the codes among the options are the rules turned off)
#        python3 tests/figures.py generate FOLDER   (a workspace of 5 journeys)
import html
import json
import os
import re
import sys


def text(path):
    """The file's text; in the report without its soft hyphens (&shy;)."""
    with open(path, encoding="utf-8") as f:
        return f.read().replace("&shy;", "")


def between(page, start, end, at=0):
    i = page.index(start, at)
    return page[i:page.index(end, i)]


def num(cell):
    return int(re.sub(r"<[^>]+>", "", cell))


class Checker:
    def __init__(self):
        self.failed = []

    def same(self, what, *values):
        if len({json.dumps(v, sort_keys=True) for v in values}) != 1:
            self.failed.append(f"{what}: {values}")


# The rules that are no friction (codes.def: NOTE and PRIVACY): counted per
# rule, in no score and on no picture.
NOT_FRICTION = {"K011", "K012"}


def from_json(out):
    """Per journey: points, score, questions, and per code: found,
    questions, from findings.json's diagnostics; and its summary."""
    doc = json.load(open(f"{out}/findings.json", encoding="utf-8"))
    journeys, codes, questions_by_code = {}, {}, {}
    for d in doc["diagnostics"]:
        if not d["code"].startswith("K"):
            continue
        j = journeys.setdefault(d["journey"], [0, 0, 0]) if d.get("journey") else None
        if d["severity"] == "question":
            questions_by_code[d["code"]] = questions_by_code.get(d["code"], 0) + 1
            if j:
                j[2] += 1
            continue
        codes[d["code"]] = codes.get(d["code"], 0) + 1
        if j and d["code"] not in NOT_FRICTION:
            j[0] += 1
            j[1] += d["impact"]
    return doc["summary"], journeys, codes, questions_by_code


def ranking(page):
    table = between(page, '<table class="ranking"', "</table>")
    rows = {}
    for m in re.finditer(r'<tr><td><a href="#reis-([^"]+)"[^>]*>.*?</tr>', table, re.S):
        cells = re.findall(r'<td class="num">(\d+)</td>', m[0])
        score, points, errors, questions = (int(c) for c in cells)
        rows[m[1]] = (points, score, questions)
    return rows


def rule_table(page):
    table = between(page, '<table class="rules"', "</table>")
    rows = {}
    for m in re.finditer(r"<tr><td>(?:<span[^>]*>)?(K\d{3})</span>.*?</tr>", table, re.S):
        found, questions, suppressed = (int(c) for c in re.findall(r'<td class="num">(\d+)</td>', m[0]))
        rows[m[1]] = (found, questions, suppressed)
    return rows


def themes(page):
    block = between(page, '<ol class="themes">', "</ol>")
    return {m[1]: int(m[2]) for m in re.finditer(r'<span class="code">(K\d{3})</span> \((\d+) times?\)', block)}


def sections(page):
    """Per journey: score and questions from its facts, findings from its
    rows (data-findings), the marker numbers in those rows."""
    out = {}
    for m in re.finditer(r'<section class="journey" id="reis-([^"]+)"', page):
        end = page.find("<section", m.end())
        sec = page[m.end():end if end >= 0 else len(page)]
        facts = html.unescape(re.search(r'<p class="facts">([^<]*)', sec)[1])
        score = int(re.search(r"friction score (\d+)", facts)[1])
        q = re.search(r"(\d+) questions?", facts)
        # one row per rule, and the team's pain points (K013) once, in
        # "what the team saw", with their numbers
        rows = re.findall(r'<tr class="finding[^"]*" data-findings="(\d+)"><td class="num">([^<]*)</td>', sec)
        rows += re.findall(r'<li class="finding[^"]*" data-findings="(\d+)"><span class="badge [^"]*">'
                           r'\S+ (\d+)</span>', sec)
        numbers = [n for _, cell in rows for n in re.findall(r"\d+", cell)]
        qrows = len(re.findall(r'<(?:tr|li) class="question', sec))
        out[m[1]] = {"score": score, "questions": int(q[1]) if q else 0,
                     "points": sum(int(n) for n, _ in rows), "numbers": len(numbers),
                     "question_rows": qrows}
    return out


def appendix(page):
    """Per journey title in the appendix: its team rows."""
    team = page[page.index('<section id="bijlage"'):]
    out = {}
    for m in re.finditer(r"<h3>([^<]*)</h3>\s*<table class=\"team\">(.*?)</table>", team, re.S):
        out[html.unescape(m[1])] = len(re.findall(r'<tr class="team-row', m[2]))
    return out


def titles(page):
    return {m[1]: html.unescape(m[2]) for m in
            re.finditer(r'<section class="journey" id="reis-([^"]+)">\s*<h2[^>]*>([^<]*)</h2>', page)}


def diagram(out, journey):
    svg = text(f"{out}/{journey}.svg")
    impacts = [int(i) for i in re.findall(r'class="marker impact-(\d)', svg)]
    questions = len(re.findall(r'class="marker question', svg))
    cap = re.search(r"(\d+) friction points? · friction score (\d+)", svg)
    return (len(impacts), sum(impacts), questions), (int(cap[1]), int(cap[2])) if cap else (0, 0)


def journey_map(out, journey):
    path = f"{out}/{journey}.map.svg"
    if not os.path.exists(path):
        return None
    desc = html.unescape(re.search(r"<desc[^>]*>([^<]*)", text(path))[1])
    p = re.search(r"(\d+) friction points?", desc)
    s = re.search(r"friction score (\d+)", desc)
    q = re.search(r"(\d+) questions?", desc)
    return (int(p[1]) if p else 0, int(s[1]) if s else 0, int(q[1]) if q else 0)


def check(out, stdout, disabled):
    c = Checker()
    line = [l for l in text(stdout).splitlines() if "friction score" in l and "journey" in l][-1]
    m = re.search(r"(\d+) friction points? \(friction score (\d+)\)", line)
    points, score = (int(m[1]), int(m[2])) if m else (0, 0)
    q = re.search(r"(\d+) questions?", line)
    questions = int(q[1]) if q else 0
    summary, by_journey, by_code, q_by_code = from_json(out)
    page = text(f"{out}/index.html")
    header = html.unescape(re.search(r'summary-line">([^<]*)', page)[1])
    c.same("summary line and the report's header", line, header)
    c.same("run score: summary line, findings.json", score, summary["friction_total"])
    c.same("run points: summary line, findings.json", points, summary["friction_points"])
    c.same("run questions: summary line, findings.json", questions, summary["questions"])
    c.same("findings.json: by_code and its diagnostics", summary["by_code"], by_code)
    c.same("findings.json: questions_by_code and its diagnostics", summary["questions_by_code"], q_by_code)
    caption = re.search(r"friction score (\d+)", text(f"{out}/overview.svg"))
    c.same("overview caption and summary line", int(caption[1]) if caption else 0, score)
    rank = ranking(page)
    c.same("ranking table: sum of scores, summary line", sum(r[1] for r in rank.values()), score)
    c.same("ranking table: sum of points, summary line", sum(r[0] for r in rank.values()), points)
    c.same("ranking table: sum of questions, summary line", sum(r[2] for r in rank.values()), questions)
    rules = rule_table(page)
    c.same("per-rule table and findings.json by_code",
           {k: v[0] for k, v in rules.items() if v[0]}, summary["by_code"])
    c.same("per-rule table and findings.json questions_by_code",
           {k: v[1] for k, v in rules.items() if v[1]}, summary["questions_by_code"])
    c.same("per-rule table and findings.json suppressed_by_code",
           {k: v[2] for k, v in rules.items() if v[2]}, summary["suppressed_by_code"])
    for code, n in themes(page).items():
        c.same(f"{code}: themes and findings.json by_code", n, summary["by_code"].get(code))
    for code in disabled:
        c.same(f"{code} is disabled: findings.json by_code", summary["by_code"].get(code, 0), 0)
        c.same(f"{code} is disabled: per-rule table", rules.get(code, (0, 0, 0))[:2], (0, 0))
        c.same(f"{code} is disabled: themes", themes(page).get(code, 0), 0)
    secs = sections(page)
    team = appendix(page)
    names = titles(page)
    c.same("journeys: ranking table, sections", sorted(rank), sorted(secs))
    for j, (jpoints, jscore, jq) in rank.items():
        s = secs.get(j, {})
        fj = by_journey.get(j, [0, 0, 0])
        c.same(f"{j}: score in ranking, section, findings.json summary, diagnostics",
               jscore, s.get("score"), summary["friction_score"].get(j), fj[1])
        c.same(f"{j}: points in ranking, section rows, marker numbers, diagnostics",
               jpoints, s.get("points"), s.get("numbers"), fj[0])
        c.same(f"{j}: questions in ranking, section, diagnostics", jq, s.get("questions"), fj[2])
        if j in names and names[j] in team:
            c.same(f"{j}: appendix rows and points + questions", team[names[j]], jpoints + jq)
        markers, cap = diagram(out, j)
        c.same(f"{j}: ranking and diagram markers (points, score, questions)", (jpoints, jscore, jq), markers)
        c.same(f"{j}: ranking and diagram caption", (jpoints, jscore), cap)
        jm = journey_map(out, j)
        if jm is not None:
            c.same(f"{j}: ranking and journey map", (jpoints, jscore, jq), jm)
    by_title = {t: j for j, t in names.items()}
    for m in re.finditer(r'<section class="keten-compare brief"[^>]*>\s*<h2>Comparison: (.*?) → (.*?)</h2>\s*'
                         r'<p class="score"><strong>friction score: (\d+) → (\d+)[^<]*</strong><br>'
                         r'findings: (\d+) → (\d+)', page):
        before, after = by_title.get(html.unescape(m[1])), by_title.get(html.unescape(m[2]))
        if before is None or after is None:
            c.failed.append(f"comparison names no journey of the report: {m[1]} -> {m[2]}")
            continue
        c.same(f"comparison {before} -> {after}: scores, ranking",
               (int(m[3]), int(m[4])), (rank[before][1], rank[after][1]))
        c.same(f"comparison {before} -> {after}: findings, ranking",
               (int(m[5]), int(m[6])), (rank[before][0], rank[after][0]))
    for f in c.failed:
        print("FAIL figures:", f)
    if not c.failed:
        print(f"figures: {len(rank)} journeys, {points} friction points, score {score}, "
              f"{questions} questions, everywhere")
    return 1 if c.failed else 0


# --- a generated workspace ---

PERSONAS = {
    "anouk": "# Anouk\n\nAnouk (29) is een verzonnen persoon.\n\n- positie: thuis\n"
             "- kenmerken: angstig, laaggeletterd\n\n## Talenten\n- tekent goed\n",
    "bram": "# Bram\n\nBram (55) is een verzonnen persoon.\n\n- positie: dagbesteding\n\n"
            "## Talenten\n- timmert\n",
}
POSITIONS = ["thuis", "sociale-basis", "dagbesteding", "re-integratie", "vrijwilligerswerk",
             "werk-met-ondersteuning", "betaald-werk", "thuis"]


def stage(n, k, position, ignore=False):
    lines = [f"## Etappe {n}.{k}", f"- positie: {position}", f"- actor: consulent {k % 3 + n}",
             f"- emotie: {[-2, 1, -1, 2, 0][(n + k) % 5]}",
             f"- duur: {[2, 90, 10, 200, 30][(n * k) % 5]} dagen"]
    if ignore:
        lines.append("- negeer: K013")
    kind = (n + k) % 4
    if kind == 0:
        lines += ["- brief: een besluit over de uitkering", "  - toelichting: nee"]
    elif kind == 1:
        lines += ["- beschikking: toekenning", "  - toelichting: onbekend"]
    elif kind == 2:
        lines += ["- gesprek: kennismaking met de consulent"]
    else:
        lines += ["- brief: uitnodiging", "  - toelichting: ja"]
    if (n + k) % 3 == 0:
        lines.append(f"- knelpunt: niemand belt terug ({n}.{k})")
    if (n * k) % 4 == 1:
        lines.append(f"- kans: een vaste contactpersoon ({n}.{k})")
    return "\n".join(lines) + "\n"


def generate(folder):
    os.makedirs(f"{folder}/personas", exist_ok=True)
    os.makedirs(f"{folder}/journeys", exist_ok=True)
    for pid, body in PERSONAS.items():
        with open(f"{folder}/personas/{pid}.md", "w", encoding="utf-8") as f:
            f.write(body)
    for n in range(1, 6):
        persona = "anouk" if n % 2 else "bram"
        head = [f"# Reis {n} van {persona.title()}", "", f"- persona: {persona}", "- regio: Proefregio"]
        if n == 4:
            head.append("- contacten: onvolledig")
        if n in (1, 3):  # Anouk's as-is and to-be journeys: a comparison
            head.append("- soort: huidig" if n == 1 else "- soort: gewenst")
        body = "\n".join(head) + "\n\n"
        for k in range(1, 2 + n):
            body += stage(n, k, POSITIONS[(n + k) % len(POSITIONS)], ignore=(n == 3 and k == 3)) + "\n"
        with open(f"{folder}/journeys/reis-{n}.md", "w", encoding="utf-8") as f:
            f.write(body)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "generate":
        generate(sys.argv[2])
        sys.exit(0)
    if len(sys.argv) >= 4 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2], sys.argv[3], [a for a in sys.argv[4:] if re.fullmatch(r"K\d{3}", a)]))
    sys.exit("usage: figures.py check OUT STDOUT [OPTION...] | generate FOLDER")
