#!/usr/bin/env python3
"""report_check.py - checks the structure of an index.html the main job wrote.

Usage: report_check.py OUTPUT_DIR WORKSPACE [--text STRING]... [--absent STRING]...

- the page is one self-contained file: no script, no event attribute, no
  element that loads anything (iframe, object, embed, link, base, meta
  refresh), and every src/href is a fragment (#...), a data: address (only
  for images) or a plain file name next to the report;
- every journey of findings.json has its section, with one finding row per
  K-finding of the journey and of its persona and one row under "Open
  questions" per question, and unless it was skipped a journey map in its
  section and a pathway diagram in the appendix (figure#pad-ID), each an
  inline SVG with a stage group per stage, the section linking to it;
- every persona name of WORKSPACE/personas shows, and the summary ranks the
  journeys by friction score;
- each --text STRING shows as text; each --absent STRING is in no file of
  OUTPUT_DIR (raw personal data, for example).
"""
import html.parser
import json
import os
import re
import sys

LOADING = {"script", "iframe", "object", "embed", "link", "base", "frame", "frameset",
           "applet", "audio", "video", "source", "track"}


class Page(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []
        self.text = []
        self.sections = {}      # journey id -> {"rows": n, "stages": n, "svg": bool}
        self.current = None
        self.ranking = []       # scores in the ranking table, in order
        self.in_ranking = False
        self.cell = 0
        self.stack = []
        self.sections_open = []  # per open <section>: whether it is a journey's
        self.pathways = {}      # journey id -> stage groups in its pathway figure
        self.pathway = None     # the journey of the open pathway figure
        self.links = set()      # fragments linked to

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in LOADING:
            self.problems.append(f"element <{tag}> in the page")
        if tag == "meta" and "http-equiv" in attrs:
            self.problems.append("meta http-equiv in the page")
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"event attribute {name} on <{tag}>")
            if name in ("src", "href", "xlink:href", "action", "formaction", "poster"):
                self.check_address(tag, name, value or "")
        if tag == "style" and self.stack.count("head") == 0:
            self.problems.append("<style> outside the head")
        self.stack.append(tag)
        cls = attrs.get("class", "") or ""
        if tag == "section":
            self.sections_open.append("journey" in cls.split())
        if tag == "a" and (attrs.get("href") or "").startswith("#"):
            self.links.add(attrs["href"][1:])
        if tag == "figure" and "pathway" in cls.split():
            self.pathway = attrs.get("id", "")[len("pad-"):]
            self.pathways[self.pathway] = 0
        if self.pathway is not None and tag == "g" and "stage" in cls.split():
            self.pathways[self.pathway] += 1
        if tag == "section" and "journey" in cls.split():
            self.current = attrs.get("id", "")[len("reis-"):]
            self.sections[self.current] = {"rows": 0, "questions": 0, "stages": 0, "svg": False}
        elif self.current is not None:
            s = self.sections[self.current]
            if tag in ("tr", "li") and "finding" in cls.split():
                # one row per rule: data-findings says how many it stands for;
                # a pain point of the team (K013) is an item of its stage
                s["rows"] += int(attrs.get("data-findings", "1"))
            if tag in ("tr", "li") and "question" in cls.split():
                s["questions"] += 1
            if tag == "svg":
                s["svg"] = True
            if tag == "g" and "stage" in cls.split():
                s["stages"] += 1
        if tag == "table" and "ranking" in cls.split():
            self.in_ranking = True
        if self.in_ranking and tag == "tr":
            self.cell = 0
        if self.in_ranking and tag == "td":
            self.cell += 1

    def handle_endtag(self, tag):
        if tag == "figure":
            self.pathway = None
        while self.stack and self.stack.pop() != tag:
            pass
        if tag == "section" and self.sections_open and self.sections_open.pop():
            self.current = None  # a section inside a journey's (its comparison) keeps it
        if tag == "table":
            self.in_ranking = False

    def handle_data(self, data):
        data = data.replace("\xad", "")  # the report's soft hyphens
        self.text.append(data)
        if self.in_ranking and self.cell == 4 and data.strip():
            self.ranking.append(int(data))

    def check_address(self, tag, name, value):
        v = value.strip()
        if v.startswith("#"):
            return
        if v.startswith("data:"):
            if tag != "img":
                self.problems.append(f"data: address on <{tag}>")
            return
        if re.fullmatch(r"[A-Za-z0-9._-]+", v) and not v.startswith("."):
            return
        self.problems.append(f"address {name}=\"{v}\" on <{tag}>")


def persona_names(workspace):
    names = []
    folder = os.path.join(workspace, "personas")
    for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
        path = os.path.join(folder, name)
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if name.endswith(".json"):
            names.append(json.loads(text)["persona"]["name"])
        else:
            first = next(line for line in text.splitlines() if line.startswith("# "))
            names.append(first[2:].strip())
    return names


# The rules that are no friction (codes.def: NOTE and PRIVACY): shown with
# the file's diagnostics, never a row of findings or a marker.
NOT_FRICTION = {"K011", "K012"}


def expected_rows(findings, question):
    """Friction findings per journey, persona-level ones added to its
    journeys: the questions when question is true, the others otherwise."""
    diags = findings["diagnostics"]
    persona_of = {}
    for d in diags:
        if d["journey"] and d["persona"]:
            persona_of[d["journey"]] = d["persona"]
    rows = {}
    for j in findings["summary"]["friction_score"]:
        def counted(d):
            return (d["code"].startswith("K") and d["code"] not in NOT_FRICTION
                    and (d["severity"] == "question") == question)
        own = [d for d in diags if d["journey"] == j and counted(d)]
        persona = persona_of.get(j)
        extra = [d for d in diags if d["journey"] is None and counted(d)
                 and persona is not None and d["persona"] == persona]
        rows[j] = len(own) + len(extra)
    return rows


def main():
    args = sys.argv[1:]
    out, workspace = args[0], args[1]
    texts, absent = [], []
    i = 2
    while i < len(args):
        (texts if args[i] == "--text" else absent).append(args[i + 1])
        i += 2
    with open(os.path.join(out, "index.html"), encoding="utf-8") as f:
        page_source = f.read()
    with open(os.path.join(out, "findings.json"), encoding="utf-8") as f:
        findings = json.load(f)
    page = Page()
    page.feed(page_source)
    problems = list(page.problems)
    text = " ".join("".join(page.text).split())
    broken = {d["journey"] for d in findings["diagnostics"]
              if d["code"].startswith("S") and d["severity"] == "error" and d["journey"]}
    questions = expected_rows(findings, True)
    for j, n in expected_rows(findings, False).items():
        s = page.sections.get(j)
        if s is None:
            problems.append(f"journey {j}: no section")
            continue
        if s["rows"] != n:
            problems.append(f"journey {j}: {s['rows']} finding rows, expected {n}")
        if s["questions"] != questions[j]:
            problems.append(f"journey {j}: {s['questions']} question rows, expected {questions[j]}")
        if j not in broken and (not s["svg"] or s["stages"] == 0):
            problems.append(f"journey {j}: no inline journey map with stage groups")
        if j not in broken and (not page.pathways.get(j) or "pad-" + j not in page.links):
            problems.append(f"journey {j}: no pathway diagram with stage groups in the appendix, "
                            "linked from its section")
    if page.ranking != sorted(page.ranking, reverse=True) or not page.ranking:
        problems.append(f"ranking not by friction score: {page.ranking}")
    for name in persona_names(workspace):
        if " ".join(name.split()) not in text:
            problems.append(f"persona {name!r} not shown")
    for t in texts:
        if " ".join(t.split()) not in text:
            problems.append(f"text {t!r} not shown as text")
    for name in sorted(os.listdir(out)):
        with open(os.path.join(out, name), "rb") as f:
            data = f.read()
        for a in absent:
            if a.encode() in data:
                problems.append(f"{name} holds {a!r}")
    for p in problems:
        print(f"FAIL report {out}: {p}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
