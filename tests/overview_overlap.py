#!/usr/bin/env python3
"""overview_overlap.py - checks from the SVG's geometry that the chain overview's labels stay clear of each other, of arrow heads and of nodes, and that a node's text stays inside it.

The overview is drawn for the example workspace (the repository root) and
for a generated workspace with a larger chain (many positions on every rung,
moves up, level, down, and loops). From the SVG it reads:

- text boxes, estimated from the font size and the characters (DejaVu Sans
  advance widths by class of character: narrow, digits, wide, capitals);
  the box runs from 0.73 em above the baseline to 0.21 em below (capitals
  and descenders of DejaVu Sans);
- arrow heads: the polygons of an edge's group;
- nodes: the bounding box of a node group's outline (its first path or
  polygon).

and asserts: no two texts overlap (texts of one node excepted only when
they share a line: a row of cells); no edge label (text in an edge group)
overlaps an arrow head or a node; every text of a node lies inside the
node. The tolerance is 0.5 pt.

Usage: overview_overlap.py KETEN   (run from the repository root). Prints one
line per problem and exits 1 if there was any.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
TOLERANCE = 0.5

NARROW = set("iljtfrI.,:;'!|()[] \u00a0\u00b7-/")
WIDE = set("mwMW\u2014")
SYMBOLS = set("\u25b6\u25cf\u25b2\u2b22\u00d7")  # ▶ ● ▲ ⬢ ×
DIGITS = set("0123456789")


def advance(ch, bold):
    """Estimated advance of a character in em (DejaVu Sans)."""
    if ch in NARROW:
        width = 0.32
    elif ch in WIDE:
        width = 0.9
    elif ch in SYMBOLS:
        width = 0.8
    elif ch in DIGITS:
        width = 0.64
    elif ch.isupper():
        width = 0.72
    else:
        width = 0.61
    return width * (1.08 if bold else 1.0)


class Box:
    def __init__(self, x0, y0, x1, y1, what):
        self.x0, self.y0, self.x1, self.y1, self.what = x0, y0, x1, y1, what

    def overlaps(self, other):
        return (self.x0 < other.x1 - TOLERANCE and other.x0 < self.x1 - TOLERANCE and
                self.y0 < other.y1 - TOLERANCE and other.y0 < self.y1 - TOLERANCE)

    def inside(self, other):
        return (self.x0 >= other.x0 - TOLERANCE and self.x1 <= other.x1 + TOLERANCE and
                self.y0 >= other.y0 - TOLERANCE and self.y1 <= other.y1 + TOLERANCE)

    def __repr__(self):
        return f"{self.what} [{self.x0:.1f},{self.y0:.1f} {self.x1:.1f},{self.y1:.1f}]"


def numbers(text):
    return [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?(?:e-?\d+)?", text)]


def points_box(values, what):
    xs, ys = values[0::2], values[1::2]
    return Box(min(xs), min(ys), max(xs), max(ys), what)


def shape_box(element, what):
    if element.tag == SVG + "polygon":
        return points_box(numbers(element.get("points")), what)
    if element.tag == SVG + "path":
        return points_box(numbers(element.get("d")), what)
    return None


def text_box(element, what):
    content = "".join(element.itertext())
    size = float(element.get("font-size", "14"))
    bold = element.get("font-weight") == "bold"
    width = sum(advance(ch, bold) for ch in content) * size
    x, y = float(element.get("x")), float(element.get("y"))
    anchor = element.get("text-anchor", "start")
    x0 = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    return Box(x0, y - 0.73 * size, x0 + width, y + 0.21 * size, f"{what} '{content}'")


def read(path):
    """Texts (box, group id), edge labels, arrow heads and nodes."""
    root = ET.parse(path).getroot()
    texts, labels, heads, nodes, node_texts = [], [], [], [], []
    for group in root.iter(SVG + "g"):
        kind = (group.get("class") or "").split()
        gid = group.get("id", "")
        if "node" in kind:
            outline = next((shape_box(e, f"node {gid}") for e in group
                            if e.tag in (SVG + "path", SVG + "polygon")), None)
            if outline is None:
                continue
            nodes.append(outline)
            for e in group.iter(SVG + "text"):
                node_texts.append((text_box(e, f"text of {gid}"), outline))
        elif "edge" in kind:
            for e in group.iter(SVG + "polygon"):
                heads.append(shape_box(e, f"arrow head of {gid}"))
            for e in group.iter(SVG + "text"):
                labels.append(text_box(e, f"label of {gid}"))
    for e in root.iter(SVG + "text"):
        texts.append(text_box(e, "text"))
    return texts, labels, heads, nodes, node_texts


def problems(path):
    texts, labels, heads, nodes, node_texts = read(path)
    found = []
    for i, a in enumerate(texts):
        for b in texts[i + 1:]:
            if a.overlaps(b):
                found.append(f"{path}: {a} overlaps {b}")
    for label in labels:
        for box in heads + nodes:
            if label.overlaps(box):
                found.append(f"{path}: {label} overlaps {box}")
    for box, node in node_texts:
        if not box.inside(node):
            found.append(f"{path}: {box} is not inside {node}")
    return found


def big_workspace(folder):
    """A chain of 6 rungs with 3 positions each over 4 domains, and 8
    journeys that climb, fall back and stay."""
    os.makedirs(os.path.join(folder, "chains"))
    os.makedirs(os.path.join(folder, "journeys"))
    os.makedirs(os.path.join(folder, "personas"))
    domains = [{"id": f"d{k}", "label": f"Domein {k}"} for k in range(4)]
    positions = []
    for rung in range(1, 7):
        for k in range(3):
            positions.append({"id": f"p{rung}{k}", "label": f"Positie {rung}.{k} met een langere naam",
                              "ladder": rung, "domain": f"d{(rung + k) % 4}"})
    chain = {"format": "keten/1", "chain": {"id": "groot", "title": "Een grote keten",
                                           "domains": domains, "positions": positions}}
    with open(os.path.join(folder, "chains", "groot.json"), "w", encoding="utf-8") as f:
        import json
        json.dump(chain, f)
    routes = [
        ["p10", "p20", "p30", "p40", "p50", "p60"],
        ["p10", "p10", "p31", "p21", "p31", "p51"],
        ["p11", "p22", "p32", "p32", "p62", "p41"],
        ["p12", "p30", "p52", "p30", "p60", "p60"],
        ["p10", "p21", "p42", "p51", "p22", "p61"],
        ["p11", "p11", "p20", "p40", "p40", "p50"],
        ["p12", "p31", "p60", "p21", "p30", "p52"],
        ["p10", "p22", "p41", "p50", "p61", "p10"],
    ]
    for n, route in enumerate(routes):
        lines = [f"# Reis {n}", "", f"- persona: persoon{n}", "- keten: ../chains/groot.json", ""]
        for k, pos in enumerate(route):
            lines += [f"## Etappe {k}", f"- positie: {pos}", f"- emotie: {(k % 3) - 1}",
                      f"- duur: {10 + 30 * (k % 3)} dagen", ""]
        with open(os.path.join(folder, "journeys", f"reis-{n}.md"), "w", encoding="utf-8") as f:
            f.write("\n".join(lines))
        with open(os.path.join(folder, "personas", f"persoon{n}.md"), "w", encoding="utf-8") as f:
            f.write(f"# Persoon {n}\n\n- positie: p10\n\n## Talenten\n- plannen\n")


def overview(keten, workspace, out, extra):
    subprocess.run([keten, "overview", "-q", "-T", "svg", "-o", out] + extra, cwd=workspace,
                   check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    svg = os.path.join(out, "overview.svg")
    if not os.path.exists(svg):
        return None
    return svg


def main():
    keten = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "./keten")
    tmp = tempfile.mkdtemp(prefix="keten-overlap-")
    found, checked = [], 0
    try:
        cases = [(".", os.path.join(tmp, "example"), []),
                 (".", os.path.join(tmp, "example-en"), ["--lang", "en"])]
        big = os.path.join(tmp, "big")
        big_workspace(big)
        cases.append((big, os.path.join(tmp, "big-out"), ["--chain", "chains/groot.json"]))
        for workspace, out, extra in cases:
            svg = overview(keten, workspace, out, extra)
            if svg is None:
                found.append(f"no overview drawn in {workspace} {' '.join(extra)}")
                continue
            checked += 1
            found += problems(svg)
    finally:
        if "KEEP" not in os.environ:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            print(f"kept {tmp}")
    for line in found:
        print(line)
    print(f"overview overlap: {checked} overviews, {len(found)} problems")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
