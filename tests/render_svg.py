#!/usr/bin/env python3
"""render_svg.py - checks the structure of one pathway diagram in SVG against its journey.

Usage: render_svg.py KETEN JOURNEY-FILE SVG-FOLDER

The journey is read back with `keten export` (a JSON journey as it is) and
its chain model with `keten chain --dump`, so the expectations come from
the same input the diagram was drawn from; the diagram is
SVG-FOLDER/<journey-id>.svg. Checked: the SVG parses and has a <title> and a
<desc>; every stage is one group with id stage-<id> and the classes stage,
friction (when it has markers or pain points) and one per finding code;
stages run left to right in time order without overlapping; lane headers
run top to bottom by rung (then chain order); each stage sits in the band
of its position's lane; markers are numbered 1..n, each links to its line
in the legend; text stays text, in DejaVu Sans. Exits 1 with one line per
problem.
"""
import json
import os
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"
problems = []


def fail(what):
    problems.append(what)


def slug(s):
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def read_journey(binary, path):
    if not path.endswith(".json"):
        return keten(binary, "export", path)["journey"]
    with open(path, encoding="utf-8") as f:
        journey = json.load(f)["journey"]
    journey.setdefault("id", slug(os.path.splitext(os.path.basename(path))[0]))
    for n, stage in enumerate(journey["stages"], 1):
        stage.setdefault("id", slug(stage.get("title", "")) or "stage-%d" % n)
    return journey


def keten(binary, *args):
    out = subprocess.run([binary, *args], capture_output=True, check=False)
    if out.returncode not in (0, 1):
        sys.exit("render_svg: keten %s failed: %s" % (" ".join(args), out.stderr.decode()))
    return json.loads(out.stdout)


def chain_of(binary, journey_path, journey):
    ref = journey.get("chain")
    if not ref:
        return keten(binary, "chain", "--dump")["chain"]
    folder = os.path.dirname(journey_path)
    if "/" in ref or ref.endswith(".json"):
        path = os.path.join(folder, ref)
    else:
        root = os.path.dirname(folder) if os.path.basename(folder) == "journeys" else folder
        path = os.path.join(root, "chains", ref + ".json")
    return keten(binary, "chain", "--chain", path, "--dump")["chain"]


def position_index(chain):
    index = {}
    for order, pos in enumerate(chain["positions"]):
        for name in [pos["id"]] + pos.get("aliases", []):
            index[slug(name)] = (pos["id"], pos["ladder"], order)
    return index


def classes(g):
    return (g.get("class") or "").split()


def bbox(g):
    xs, ys = [], []
    for el in g.iter():
        for attr in ("points", "d"):
            for x, y in re.findall(r"(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)", el.get(attr) or ""):
                xs.append(float(x))
                ys.append(float(y))
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def check_head(root, graph):
    """<title> and <desc> are the first children of <svg role="img">, which
    names them; the graph holds no other <title> (a machine id as hover)."""
    children = list(root)
    tags = [c.tag for c in children[:2]]
    if tags != [SVG + "title", SVG + "desc"]:
        fail("the SVG does not start with <title> and <desc> (got %s)" % tags)
        return
    if not (children[1].text or "").strip():
        fail("<desc> is empty")
    if root.get("role") != "img":
        fail("<svg> has no role=\"img\"")
    if root.get("aria-labelledby") != children[0].get("id") or \
            root.get("aria-describedby") != children[1].get("id"):
        fail("<svg> does not name its <title> and <desc> (aria-labelledby, aria-describedby)")
    inner = [t.text for t in graph.iter(SVG + "title")]
    if inner:
        fail("the graph has hover titles that are machine ids: %s" % inner[:3])


def check_marker_classes(graph):
    """Each marker's group says what it is: "marker impact-2 k003", or
    "marker question k020"; each touchpoint's its kind: "touchpoint letter"."""
    for g in graph.iter(SVG + "g"):
        if (g.get("id") or "").startswith("a_tp-"):
            if not re.fullmatch(r"touchpoint [a-z_]+", g.get("class") or ""):
                fail("touchpoint group %s has classes %r" % (g.get("id"), g.get("class")))
            continue
        if not (g.get("id") or "").startswith("a_marker-"):
            continue
        cls = (g.get("class") or "").split()
        if cls[:1] != ["marker"] or not re.fullmatch(r"impact-[123]|question", cls[1] if len(cls) > 1 else "") \
                or not re.fullmatch(r"k\d{3}", cls[2] if len(cls) > 2 else ""):
            fail("marker group %s has classes %r" % (g.get("id"), g.get("class")))


def check_text(root):
    texts = list(root.iter(SVG + "text"))
    if not texts:
        fail("no <text> elements: text must stay text")
    for t in texts:
        if t.get("font-family") != "DejaVu Sans":
            fail("text %r is in font %r" % (t.text, t.get("font-family")))
            break
    if list(root.iter(SVG + "image")):
        fail("the diagram holds images")


def check_stages(groups, journey, index):
    stages = journey["stages"]
    by_id = {g.get("id"): g for g in groups if "stage" in classes(g)}
    wanted = ["stage-" + s["id"] for s in stages]
    if sorted(by_id) != sorted(wanted):
        fail("stage groups %s, want %s" % (sorted(by_id), sorted(wanted)))
        return {}
    lanes = {g.get("id"): g for g in groups if "lane" in classes(g)}
    previous = None
    for n, stage in enumerate(stages, 1):
        g = by_id["stage-" + stage["id"]]
        box = bbox(g)
        if box is None:
            fail("stage %s draws nothing" % stage["id"])
            continue
        # Right of the stage before, or (a longer journey wraps) in a row below it.
        if previous is not None and box[0] <= previous[2] and box[1] <= previous[1]:
            fail("stage %d (%s) does not start right of stage %d, nor in a row below" %
                 (n, stage["id"], n - 1))
        previous = box
        first = next(iter(g.iter(SVG + "text")), None)
        if first is None or not (first.text or "").startswith("%d \u00b7" % n):
            fail("stage %s does not open with its number %d" % (stage["id"], n))
        pos = index.get(slug(stage["position"]))
        # A wrapped journey has the lane once per row: lane-<pos>, lane-<pos>_2, ...
        headers = [g for lid, g in lanes.items() if pos and lane_position(lid) == pos[0]]
        if not headers:
            fail("stage %s has no lane for position %r" % (stage["id"], stage["position"]))
        elif min(abs(bbox(h)[1] - box[1]) for h in headers) > 0.5:
            fail("stage %s is not at the top of the band of lane %s" % (stage["id"], pos[0]))
    return by_id


def lane_position(lane_id):
    """The position of a lane's id: lane-<pos>, or lane-<pos>_<row>."""
    return re.sub(r"_\d+$", "", lane_id[len("lane-"):])


def check_lanes(groups, index):
    rungs = {pid: (ladder, order) for pid, ladder, order in index.values()}
    rows = {}
    for g in groups:
        if "lane" in classes(g):
            lid = g.get("id") or ""
            pid = lane_position(lid)
            if pid not in rungs:
                fail("lane %s is no position of the chain" % pid)
                continue
            row = re.search(r"_(\d+)$", lid)
            rows.setdefault(row.group(1) if row else "1", []).append(
                (bbox(g)[1], -rungs[pid][0], rungs[pid][1], pid))
    for headers in rows.values():
        top_down = [h[1:] for h in sorted(headers)]
        if top_down != sorted(top_down):
            fail("lanes top to bottom %s are not in rung order" % [h[2] for h in top_down])


def numbered_markers(root, prefix, anchor):
    """The markers a_marker-<prefix><n> of one kind (friction: no prefix,
    questions: "q"), numbered 1..n, each linking to its legend line
    a_<anchor>-<n>, and those legend lines exactly."""
    markers, links = {}, {}
    for g in root.iter(SVG + "g"):
        m = re.fullmatch(r"a_marker-%s(\d+)" % prefix, g.get("id") or "")
        if m:
            n = int(m.group(1))
            if n in markers:
                fail("marker %s%d appears twice" % (prefix, n))
            markers[n] = g
            a = g.find(SVG + "a")
            links[n] = a.get(XLINK + "href") if a is not None else None
    line_groups = {int(m.group(1)): g for g in root.iter(SVG + "g")
                   for m in [re.fullmatch(r"a_%s-(\d+)" % anchor, g.get("id") or "")] if m}
    lines = set(line_groups)
    if sorted(markers) != list(range(1, len(markers) + 1)):
        fail("%s markers are not numbered 1..%d: %s" % (anchor, len(markers), sorted(markers)))
    if lines != set(markers):
        fail("legend lines %s do not match the %s markers %s" % (sorted(lines), anchor, sorted(markers)))
    for n, href in links.items():
        if href != "#a_%s-%d" % (anchor, n):
            fail("marker %s%d links to %r" % (prefix, n, href))
    for n in sorted(lines & set(markers)):
        check_legend_line(markers[n], line_groups[n], "%s%d" % (prefix, n))
    return markers


def first_fill(g):
    shape = next(iter(g.iter(SVG + "polygon")), None)
    return shape.get("fill") if shape is not None else None


def check_legend_line(marker, line, name):
    """A marker's legend line (its own, or its number in a line grouped
    per rule and impact) names the marker's rule, on the marker's colour."""
    a = line.find(SVG + "a")
    code = re.search(r"K\d{3}", a.get(XLINK + "title") or "") if a is not None else None
    want = [c for c in classes(marker) if re.fullmatch(r"k\d{3}", c)]
    if code is None or [code.group(0).lower()] != want:
        fail("legend line of marker %s names %s, the marker %s" %
             (name, code.group(0) if code else None, want))
    if first_fill(line) != first_fill(marker):
        fail("legend line of marker %s is on %s, the marker on %s" %
             (name, first_fill(line), first_fill(marker)))


GOOD_EVENTS = {"payment", "redress"}


def check_markers(root, stage_groups, journey):
    markers = numbered_markers(root, "", "finding")
    questions = numbered_markers(root, "q", "question")
    for stage in journey["stages"]:
        g = stage_groups.get("stage-" + stage["id"])
        if g is None:
            continue
        inside, asked = [], []
        for x in g.iter(SVG + "g"):
            m = re.fullmatch(r"a_marker-(q?)(\d+)", x.get("id") or "")
            if m:
                (asked if m.group(1) else inside).append(int(m.group(2)))
        codes = set()
        for group, n in [(markers, n) for n in inside] + [(questions, n) for n in asked]:
            # The poster's marker says its code; the compact chip's class does.
            code = re.search(r"K\d{3}", "".join(group[n].itertext()))
            cls_code = [c for c in classes(group[n]) if re.fullmatch(r"k\d{3}", c)]
            codes.add(code.group(0).lower() if code else cls_code[0] if cls_code else "?")
        cls = set(classes(g))
        want_friction = bool(inside) or bool(stage.get("pain_points"))
        if ("friction" in cls) != want_friction:
            fail("stage %s: class friction is %s, want %s" % (stage["id"], "friction" in cls, want_friction))
        if ("question" in cls) != bool(asked):
            fail("stage %s: class question is %s, want %s" % (stage["id"], "question" in cls, bool(asked)))
        got_codes = {c for c in cls if re.fullmatch(r"k\d{3}", c)}
        if got_codes != codes:
            fail("stage %s: code classes %s, markers %s" % (stage["id"], sorted(got_codes), sorted(codes)))
        good = any(t.get("kind") in GOOD_EVENTS for t in stage.get("touchpoints", []))
        if ("good-event" in cls) != good:
            fail("stage %s: class good-event is %s, want %s" % (stage["id"], "good-event" in cls, good))
    return len(markers)


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    binary, journey_path, folder = sys.argv[1:]
    journey = read_journey(binary, journey_path)
    svg_path = os.path.join(folder, journey["id"] + ".svg")
    index = position_index(chain_of(binary, journey_path, journey))
    with open(svg_path, "rb") as f:
        data = f.read()
    try:
        data.decode("utf-8")
        root = ET.fromstring(data)
    except (UnicodeDecodeError, ET.ParseError) as e:
        print("%s: not valid UTF-8 XML: %s" % (svg_path, e))
        return 1
    graph = root.find(SVG + "g")
    if graph is None or graph.get("id") != "graph0":
        print("%s: no graph group" % svg_path)
        return 1
    check_head(root, graph)
    check_text(root)
    check_marker_classes(graph)
    groups = list(graph.iter(SVG + "g"))
    stage_groups = check_stages(groups, journey, index)
    check_lanes(groups, index)
    n_markers = check_markers(root, stage_groups, journey)
    for p in problems:
        print("%s: %s" % (svg_path, p))
    if not problems:
        print("ok %s: %d stages, %d markers" % (os.path.basename(svg_path), len(journey["stages"]), n_markers))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
