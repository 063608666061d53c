#!/usr/bin/env python3
"""outputs_scan.py - looks into the files keten writes for injected markup and leaked personal data.

Used by tests/injection.sh and tests/personal-data.sh; give it any list of
output files (findings as text or JSON, exports, diagrams in SVG, DOT, PNG
and PDF, HTML pages such as the report's index.html):

  outputs_scan.py workspace STRINGS DIR
      writes a workspace into DIR: per hostile text of STRINGS a persona
      and a journey (JSON) with that text in every field they have.
  outputs_scan.py chains STRINGS DIR
      writes a workspace into DIR: per hostile text of STRINGS a chain
      model (chains/c-<name>.json) with that text in every text member
      (title, domain labels and organisations, position labels, aliases,
      jargon) and a journey (inj-<name>) that uses it in `chain` and
      whose own texts are plain, but for one letter with the text (to
      draw the jargon finding); one plain persona.
  outputs_scan.py broken-chain STRINGS DIR
      writes a workspace into DIR with one chain model (chains/c-kapot.json)
      whose ids, domain references, incomes, rule codes and aliases are
      hostile texts (each an S008 or S005 error), and a journey that uses
      it; prints how many errors the model must draw.
  outputs_scan.py inject STRINGS FILE...
      each file must be well-formed for its kind and carry no markup made
      from user text; a file named after a journey of the workspace
      (inj-<name>.<ext>, or inj-<name>.<what>.<ext>) must show that
      journey's text (or its chain model's) as text.
  outputs_scan.py absent VALUES FILE...
      no value of the file VALUES (one a line) appears in the text of any
      file (PDF through pdftotext; a PNG is checked through the DOT or SVG
      of the same diagram, which the caller passes too).

Prints one line per problem and exits 1 if there was any.
"""

import html.parser
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET
import zlib

SVG_NS = "{http://www.w3.org/2000/svg}"
XLINK_NS = "{http://www.w3.org/1999/xlink}"
# What Graphviz's SVG renderer writes; anything else was made from input.
SVG_TAGS = {"svg", "g", "title", "desc", "text", "polygon", "polyline", "path",
            "ellipse", "a", "defs", "linearGradient", "radialGradient", "stop"}
# What keten's own SVG writer writes for a journey map (<id>.map.svg,
# src/map_svg.c): words as <text>, shapes, groups.
MAP_SVG_TAGS = {"svg", "title", "desc", "g", "text", "rect", "line", "polyline", "polygon",
                "circle"}
# Characters that never count as shown text: white space, controls,
# direction marks and the other invisible format characters.
INVISIBLE = re.compile("[\\s\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e"
                       "\u2060-\u2069\ufeff]")
PAYLOAD = "alert("

problems = []


def problem(path, what):
    problems.append(f"{path}: {what}")


def load_strings(path):
    entries = []
    with open(path, encoding="ascii") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            name, text, expect = line.split("\t")
            decode = lambda s: s.encode("ascii").decode("unicode_escape")
            entries.append((name, decode(text), decode(expect)))
    return entries


def shown(text):
    return INVISIBLE.sub("", text)


# --- the workspace ---

def persona_doc(name, s):
    return {"format": "keten/1", "persona": {
        "id": f"p-{name}", "name": s, "summary": s, "age": 40, "place": s,
        "situation": s, "position": "thuis", "talents": [s, "koken"],
        "needs": [s], "worries": [s], "goals": [s], "network": [s],
        "quote": s, "sections": [{"title": s, "body": s}], "note": [s]}}


def touchpoint(kind, s):
    return {"kind": kind, "title": s, "actor": s, "text": s, "note": [s]}


def stage(n, s, position, emotion):
    return {"id": f"etappe-{n}", "title": s, "position": position, "actors": [s, "consulent"],
            "organisation": s, "emotion": emotion, "duration_days": 30,
            "description": s, "note": [s], "pain_points": [s],
            "opportunities": [s],
            "touchpoints": [touchpoint("letter", s), touchpoint("decision", s),
                            touchpoint("handover", s), touchpoint("email", s)]}


def journey_doc(name, s):
    return {"format": "keten/1", "journey": {
        "id": f"inj-{name}", "title": s, "persona": f"p-{name}", "region": s,
        "kind": "as-is", "author": s, "description": s, "note": [s],
        "stages": [stage(1, s, "thuis", -1), stage(2, s, "dagbesteding", 1),
                   stage(3, s, "betaald-werk", 2), stage(4, s, "thuis", -2)]}}


def make_workspace(strings, folder):
    for sub in ("personas", "journeys"):
        os.makedirs(os.path.join(folder, sub), exist_ok=True)
    for name, text, _ in load_strings(strings):
        for sub, doc in (("personas", persona_doc(name, text)),
                         ("journeys", journey_doc(name, text))):
            path = os.path.join(folder, sub, f"{'p' if sub == 'personas' else 'inj'}-{name}.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(doc, f, ensure_ascii=False, indent=1)


def chain_doc(name, s):
    """Every text member of a chain model carries s; the ids stay slugs
    (else S008), and the aliases differ in their slug (else S008)."""
    def position(pid, ladder, domain, n, **more):
        return {"id": pid, "label": s, "ladder": ladder, "domain": domain,
                "aliases": [f"{s} {n}"], **more}
    return {"format": "keten/1", "chain": {
        "id": f"c-{name}", "title": s,
        "domains": [{"id": "basis", "label": s, "organisation": s},
                    {"id": "wmo", "label": s},
                    {"id": "pw", "label": s, "organisation": s},
                    {"id": "markt", "label": s},
                    {"id": f"d-{name}", "label": s, "organisation": s}],
        "positions": [position("thuis", 1, "basis", 1, income="benefit"),
                      position("dagbesteding", 3, "wmo", 2, indication=True,
                               reindication_months=12),
                      position(f"plek-{name}", 4, f"d-{name}", 3),
                      position("betaald-werk", 6, "markt", 4, income="wage")],
        "thresholds": {"max_wait_days": 42, "max_step_up": 2, "max_actors": 5,
                       "emotion_drop": 2, "min_readability": 60},
        "jargon": [s, "beschikking"]}}


def chain_journey_doc(name, s):
    """A plain journey through the model c-<name>: a stage at the position
    of each domain, one reached by its alias; a letter quotes s."""
    stages = [stage(n, f"Etappe {n}", position, emotion) for n, position, emotion in
              ((1, "thuis", -1), (2, f"{s} 2", 1), (3, f"plek-{name}", 1),
               (4, "betaald-werk", 2))]
    for st in stages:
        for key in ("actors",):
            st[key] = ["consulent"]
        for key in ("organisation", "description"):
            st[key] = "Gemeente"
        for key in ("note", "pain_points", "opportunities"):
            st[key] = ["Een gewone zin."]
        st["touchpoints"] = [touchpoint("letter", "Brief"), touchpoint("decision", "Besluit")]
        for tp in st["touchpoints"]:
            tp.update(actor="consulent", text="U krijgt een brief.", note=["Gewoon."])
    stages[1]["touchpoints"][0]["text"] = f"U krijgt een beschikking: {s}"
    return {"format": "keten/1", "journey": {
        "id": f"inj-{name}", "title": f"Reis {name}", "persona": "p-gewoon",
        "chain": f"c-{name}", "region": "Ede", "kind": "as-is", "author": "Team",
        "description": "Een gewone reis.", "stages": stages}}


def make_chain_workspace(strings, folder):
    for sub in ("personas", "journeys", "chains"):
        os.makedirs(os.path.join(folder, sub), exist_ok=True)
    persona = persona_doc("gewoon", "Gewoon")
    write_json(os.path.join(folder, "personas", "p-gewoon.json"), persona)
    for name, text, _ in load_strings(strings):
        write_json(os.path.join(folder, "chains", f"c-{name}.json"), chain_doc(name, text))
        write_json(os.path.join(folder, "journeys", f"inj-{name}.json"),
                   chain_journey_doc(name, text))


def broken_chain_doc(texts):
    """A chain model with a hostile text wherever an id, a code or a word
    of a fixed list belongs, and a duplicate hostile alias."""
    def take(i):
        return texts[i % len(texts)]
    domains = [{"id": "basis", "label": "Basis"}] + \
        [{"id": take(i), "label": "Domein"} for i in range(0, 4)]
    positions = [{"id": "thuis", "label": "Thuis", "ladder": 1, "domain": "basis",
                  "aliases": [take(4), take(4)]}] + \
        [{"id": take(i), "label": "Plek", "ladder": 2, "domain": take(i + 1),
          "income": take(i + 2)} for i in range(5, len(texts), 3)]
    return {"format": "keten/1", "chain": {
        "id": take(1), "title": "Kapot", "domains": domains, "positions": positions,
        "disable": texts[:4]}}


SLUG = re.compile("[a-z0-9]+(-[a-z0-9]+)*")
INCOMES = ("none", "benefit", "wage", "mixed")


def broken_chain_errors(doc):
    """How many S008 and S005 errors the model of broken_chain_doc draws:
    one per id that is no slug, reference to no domain, unknown income and
    entry of disable, and one for the alias given twice."""
    c = doc["chain"]
    ids = [c["id"]] + [d["id"] for d in c["domains"]] + [p["id"] for p in c["positions"]]
    domains = {d["id"] for d in c["domains"]}
    return (sum(not SLUG.fullmatch(i) for i in ids) +
            sum(p["domain"] not in domains for p in c["positions"]) +
            sum(p.get("income", "none") not in INCOMES for p in c["positions"]) +
            len(c["disable"]) + 1)


def make_broken_chain_workspace(strings, folder):
    texts = [text for _, text, _ in load_strings(strings)]
    for sub in ("personas", "journeys", "chains"):
        os.makedirs(os.path.join(folder, sub), exist_ok=True)
    write_json(os.path.join(folder, "personas", "p-gewoon.json"), persona_doc("gewoon", "Gewoon"))
    write_json(os.path.join(folder, "chains", "c-kapot.json"), broken_chain_doc(texts))
    journey = chain_journey_doc("kapot", "tekst")
    journey["journey"]["stages"][1]["position"] = "thuis"
    journey["journey"]["stages"][2]["position"] = "thuis"
    journey["journey"]["stages"][3]["position"] = "thuis"
    write_json(os.path.join(folder, "journeys", "kapot.json"), journey)
    print(broken_chain_errors(broken_chain_doc(texts)))


def write_json(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=1)


# --- text of each kind of file ---

def svg_text(path, data):
    """The SVG's drawn text; None (with a problem) when it is no clean SVG.
    A journey map's text is its <text>, <title> and <desc>."""
    is_map = path.endswith(".map.svg")
    tags = MAP_SVG_TAGS if is_map else SVG_TAGS
    if b"<!ENTITY" in data:
        problem(path, "an entity declaration in the SVG")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as e:
        problem(path, f"not well-formed XML: {e}")
        return None
    drawn = []
    for el in root.iter():
        tag = el.tag.replace(SVG_NS, "")
        if tag not in tags:
            problem(path, f"an element <{tag}> that {'keten' if is_map else 'Graphviz'} does not write")
        for attr, value in el.attrib.items():
            local = attr.split("}")[-1]
            if local.lower().startswith("on"):
                problem(path, f"an event attribute {local}= on <{tag}>")
            if local == "href" and not value.startswith("#"):
                problem(path, f"a link to {value[:40]!r} on <{tag}>")
        if tag == "text" or (is_map and tag in ("title", "desc")):
            drawn.append("".join(el.itertext()))
    return "".join(drawn)


def dot_text(path, data):
    """Lays the DOT out again with `dot -Tsvg`; returns the SVG's text."""
    if shutil.which("dot") is None:
        return data.decode("utf-8", "replace")
    run = subprocess.run(["dot", "-Tsvg"], input=data, capture_output=True)
    said = run.stderr.decode("utf-8", "replace").strip()
    if run.returncode != 0 or said:
        problem(path, f"dot -Tsvg refuses it (status {run.returncode}): {said[:300]}")
        return None
    return svg_text(path + " (dot -Tsvg)", run.stdout)


def png_check(path, data):
    if not data.startswith(b"\x89PNG\r\n\x1a\n"):
        problem(path, "no PNG signature")
        return
    at, kinds = 8, []
    while at + 8 <= len(data):
        length, kind = struct.unpack(">I4s", data[at:at + 8])
        body = data[at + 8:at + 8 + length]
        crc = data[at + 8 + length:at + 12 + length]
        if len(body) != length or len(crc) != 4 or \
                struct.unpack(">I", crc)[0] != zlib.crc32(kind + body) & 0xffffffff:
            problem(path, f"a broken {kind!r} chunk at byte {at}")
            return
        kinds.append(kind)
        at += 12 + length
    if not kinds or kinds[0] != b"IHDR" or kinds[-1] != b"IEND" or at != len(data):
        problem(path, "not a whole PNG (IHDR first, IEND last)")
        return
    width, height = struct.unpack(">II", data[16:24])
    if width == 0 or height == 0:
        problem(path, "a PNG of no size")


def pdf_text(path, data):
    if not data.startswith(b"%PDF-") or b"%%EOF" not in data[-64:]:
        problem(path, "not a whole PDF (%PDF- ... %%EOF)")
        return None
    if shutil.which("pdftotext") is None:
        return None
    run = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True)
    if run.returncode != 0:
        problem(path, f"pdftotext cannot read it: {run.stderr.decode()[:200]}")
        return None
    return run.stdout.decode("utf-8", "replace")


class PageScan(html.parser.HTMLParser):
    """The text of an HTML page, and the places where the payload of a
    hostile text would run: script and style content, event attributes,
    links and sources."""

    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path, self.text, self.inside = path, [], []

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.inside.append(tag)
        for attr, value in attrs:
            value = value or ""
            if attr.startswith("on") and PAYLOAD in value:
                problem(self.path, f"injected code in {attr}= of <{tag}>")
            if attr in ("href", "src", "action", "formaction", "srcdoc") and \
                    (PAYLOAD in value or value.strip().lower().startswith("javascript:")):
                problem(self.path, f"injected link in {attr}= of <{tag}>")
        if tag == "img" and dict(attrs).get("src") == "x":
            problem(self.path, "an <img> made from user text")

    def handle_endtag(self, tag):
        if self.inside and self.inside[-1] == tag:
            self.inside.pop()

    def handle_data(self, data):
        if self.inside:
            if PAYLOAD in data:
                problem(self.path, f"user text inside <{self.inside[-1]}>")
        else:
            self.text.append(data)


def html_text(path, data):
    scan = PageScan(path)
    scan.feed(data.decode("utf-8", "replace"))
    scan.close()
    return "".join(scan.text)


def terminal_text(path, data):
    text = data.decode("utf-8", "replace")
    bad = re.search("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]", text)
    if bad:
        problem(path, f"a raw control character or direction mark U+{ord(bad.group()):04X}")
    return text


def json_text(path, data):
    try:
        return json.dumps(json.loads(data), ensure_ascii=False)
    except ValueError as e:
        problem(path, f"not JSON: {e}")
        return None


def text_of(path):
    """The text a reader of the file sees; None when it cannot be had."""
    with open(path, "rb") as f:
        data = f.read()
    ext = os.path.splitext(path)[1].lower()
    if ext == ".svg":
        return svg_text(path, data)
    if ext == ".dot":
        return dot_text(path, data)
    if ext == ".png":
        png_check(path, data)
        return None
    if ext == ".pdf":
        return pdf_text(path, data)
    if ext in (".html", ".htm"):
        return html_text(path, data)
    if ext == ".json":
        return json_text(path, data)
    if ext in (".txt", ".out", ".err"):
        return terminal_text(path, data)
    return data.decode("utf-8", "replace")


def inject(strings, files):
    expect = {f"inj-{name}": shown(e) for name, _, e in load_strings(strings)}
    for path in files:
        text = text_of(path)
        stem = os.path.basename(path).split(".")[0]
        want = expect.get(stem)
        if text is None or not want or os.path.splitext(path)[1] not in (".svg", ".dot", ".pdf", ".html"):
            continue
        if path.endswith(".map.svg"):  # its <text> is cut to its columns: its <title> shows it
            continue
        if want not in shown(text):
            problem(path, f"does not show {want!r} as text")


def absent(values_file, files):
    with open(values_file, encoding="utf-8") as f:
        values = [v.strip() for v in f if v.strip() and not v.startswith("#")]
    for path in files:
        with open(path, "rb") as f:
            raw = f.read().decode("utf-8", "replace")
        text = text_of(path)
        for v in values:
            for where, t in (("bytes", raw), ("text", text)):
                if t is not None and (v in t or shown(v) in shown(t)):
                    problem(path, f"the personal data {v!r} appears in its {where}")


def main(argv):
    if len(argv) >= 4 and argv[1] == "workspace":
        make_workspace(argv[2], argv[3])
        return 0
    if len(argv) >= 4 and argv[1] == "chains":
        make_chain_workspace(argv[2], argv[3])
        return 0
    if len(argv) >= 4 and argv[1] == "broken-chain":
        make_broken_chain_workspace(argv[2], argv[3])
        return 0
    if len(argv) >= 3 and argv[1] in ("inject", "absent"):
        (inject if argv[1] == "inject" else absent)(argv[2], argv[3:])
        for p in problems:
            print(f"FAIL {p}")
        print(f"scanned {len(argv) - 3} files: {len(problems)} problems")
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
