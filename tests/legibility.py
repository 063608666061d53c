#!/usr/bin/env python3
"""legibility.py - the pictures keten draws can be read on A4 and on a projector.

For every example journey (journeys/), the render fixtures and a GENERATED
journey of 10 stages and about 40 findings (made here, its findings counted
with `keten check --format json`), the default pathway diagram is drawn as
PDF and SVG, and:

  A4:  the picture scaled to fit A4 landscape minus 10 mm margins
       (277 x 190 mm = 785.2 x 538.6 pt), up or down; its smallest word,
       from `pdftotext -bbox` word boxes, must then be set in 7 pt or more.
       pdftotext's box is the font's ascent + descent, 1.164 em in DejaVu
       Sans (the one font keten draws with), so font size = box / 1.164;
       the box height itself is printed too.
  1920 x 1080: the SVG scaled to fit the screen; the smallest font-size of
       any <text> with a visible character, times that scale, must be 14 px
       or more (computed from the SVG's font sizes; the PNG has the SVG's
       proportions, which is checked).

Every example journey must pass, whatever its length; a render fixture
beyond the promise (more than 10 stages or 40 findings: mira-lange-weg,
17 stages) only warns.

The journey map (`keten render --view map -T pdf`, <id>.map.pdf) is the
second picture kind: the same A4 rule from its PDF, the 1920 x 1080 rule
from its PDF page (A4 landscape, the map's own 18 pt margins inside it),
and a map that misses either fails like a diagram.

The chain overview (`keten overview`, overview.pdf and overview.svg) is
the third: for the example workspace (Dutch and English) and the larger
generated chain of tests/overview_overlap.py (6 rungs of 3 positions, 8
journeys), the same A4 rule from its PDF and the 1920 x 1080 rule from
its SVG's font sizes; an overview that misses either fails.

Determinism: the generated journey is drawn twice in svg, pdf and png (and
as a poster, --detail poster, in svg and pdf) and must give the same bytes
(tests/render.sh covers the examples).

Usage: python3 tests/legibility.py ./keten   (VERBOSE=1 prints every line)
"""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

MM = 72 / 25.4
A4_W, A4_H = (297 - 20) * MM, (210 - 20) * MM
SCREEN_W, SCREEN_H = 1920, 1080
MIN_PT, MIN_PX = 7.0, 14.0
BOX_PER_EM = 1.164  # DejaVu Sans ascent + descent
ROUNDING = 0.02     # pdftotext rounds boxes to two decimals

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = ["render-short", "render-long", "render-relapse", "render-hostile", "render-bracket"]


def run(keten, args, cwd=ROOT):
    env = dict(os.environ, NO_COLOR="1", KETEN_LANG="en", LANG="C")
    p = subprocess.run([keten] + args, cwd=cwd, env=env, capture_output=True, text=True)
    if p.returncode > 1:
        raise RuntimeError("keten %s: %s" % (" ".join(args), p.stderr.strip()))
    return p.stdout


KINDS = ["telefoon", "gesprek", "portaal", "e-mail", "verwijzing", "intake", "huisbezoek"]


def generate(folder):
    """A journey of 10 stages, each with a long title, three touchpoints
    and three pain points of the team (K013 each): 30 findings, and one
    more per stage from the rules (40 in all)."""
    os.makedirs(os.path.join(folder, "journeys"))
    os.makedirs(os.path.join(folder, "personas"))
    shutil.copy(os.path.join(ROOT, "personas", "ruud.md"), os.path.join(folder, "personas"))
    positions = ["thuis", "dagbesteding", "arbeidsmatige-dagbesteding", "loonkostensubsidie"]
    lines = ["# Ruud: tien etappes, veertig knelpunten", "", "- persona: ruud", "- soort: huidig"]
    for i in range(1, 11):
        lines += ["", "## Etappe %d met een lange titel die niet in een kolom past" % i,
                  "- positie: %s" % positions[(i - 1) % 4 if i < 9 else 3],
                  "- duur: %d weken" % i, "- emotie: %d" % (i % 5 - 2)]
        lines += ["", "### Contactmomenten"]
        for k in range(3):
            kind = KINDS[(i + k) % len(KINDS)]
            lines.append("- %s: een %s met een lange titel over de beschikking %d" % (kind, kind, i))
        lines += ["", "### Knelpunten"]
        for k in range(1, 4):
            lines.append("- pijnpunt %d.%d met een tekst die langer is dan een kolom breed is"
                         % (i, k))
    path = os.path.join(folder, "journeys", "ruud-veertig.md")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return path


def count_findings(keten, folder):
    out = run(keten, ["check", "--format", "json", folder])
    return sum(1 for d in json.loads(out)["diagnostics"] if "impact" in d)


def pdf_words(path):
    """(page width, page height, [(box height, word)]) of a PDF's first page."""
    html = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True,
                          text=True, check=True).stdout
    pages = re.findall(r'<page width="([\d.]+)" height="([\d.]+)"', html)
    words = [(float(b) - float(a), w) for a, b, w in
             re.findall(r'<word [^>]*yMin="([\d.]+)"[^>]*yMax="([\d.]+)">([^<]*)</word>', html)]
    w, h = (float(pages[0][0]), float(pages[0][1])) if pages else (0.0, 0.0)
    return w, h, words


def a4_numbers(pdf):
    """Smallest word of a PDF at A4 (pt) and at 1920 x 1080 (px), with the
    picture's size and the word; None when the PDF has no words."""
    w, h, words = pdf_words(pdf)
    if not words or w <= 0:
        return None
    box, word = min(words)
    font = box / BOX_PER_EM
    a4 = min(A4_W / w, A4_H / h)
    screen = min(SCREEN_W / w, SCREEN_H / h)
    return {"w": w, "h": h, "word": word, "box": box, "font": font,
            "a4_scale": a4, "a4_pt": font * a4, "a4_box": box * a4,
            "screen_px": font * screen}


def svg_numbers(svg):
    """Smallest font-size of a <text> that shows something, the SVG's size
    and that font in px when the SVG is scaled to fit 1920 x 1080; the
    numbers of stages and of friction markers."""
    text = open(svg, encoding="utf-8").read()
    stages = len(re.findall(r'<g id="stage(?:-|&#45;)[^"]*" class="node stage[ "]', text))
    findings = len(set(re.findall(r'<g id="a_marker(?:-|&#45;)(\d+)"', text)))
    m = re.search(r'<svg[^>]* width="([\d.]+)pt" height="([\d.]+)pt"', text)
    w, h = float(m.group(1)), float(m.group(2))
    sizes = [(float(fs), t) for fs, t in
             re.findall(r'<text [^>]*font-size="([\d.]+)"[^>]*>([^<]*)</text>', text)
             if t.strip() and t.strip() != "&#160;"]
    fs, word = min(sizes)
    return {"w": w, "h": h, "font": fs, "word": word, "stages": stages, "findings": findings,
            "px": fs * min(SCREEN_W / w, SCREEN_H / h)}


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")


class Result:
    def __init__(self):
        self.passed = self.failed = self.warned = 0

    def check(self, ok, what, warn_only=False):
        if ok:
            self.passed += 1
        elif warn_only:
            self.warned += 1
            print("WARNING legibility: " + what)
        else:
            self.failed += 1
            print("FAIL legibility: " + what)


def example_names():
    """The example journeys (journeys/), by file name: their diagrams must
    be legible whatever their length (ruud-ede-keten: 11 stages, 43
    findings)."""
    folder = os.path.join(ROOT, "journeys")
    return {os.path.splitext(f)[0] for f in os.listdir(folder)
            if f.endswith((".md", ".json"))}


def draw_all(keten, workspaces, work, extra, fmt, folder):
    out = os.path.join(work, folder)
    for ws in workspaces:
        run(keten, ["render", "-q", "-T", fmt, "-o", out] + extra + [ws])
    return out


def check_pathways(keten, workspaces, work, res, verbose):
    pdfs = draw_all(keten, workspaces, work, [], "pdf", "pdf")
    svgs = draw_all(keten, workspaces, work, [], "svg", "svg")
    pngs = draw_all(keten, workspaces, work, [], "png", "png")
    names = sorted(f[:-4] for f in os.listdir(pdfs) if f.endswith(".pdf"))
    res.check(len(names) >= 10, "expected at least 10 diagrams, found %d" % len(names))
    examples = example_names()
    for name in sorted(examples - set(names)):
        res.check(False, "example journey %s drew no diagram" % name)
    for name in names:
        a = a4_numbers(os.path.join(pdfs, name + ".pdf"))
        s = svg_numbers(os.path.join(svgs, name + ".svg"))
        pw, ph = png_size(os.path.join(pngs, name + ".png"))
        line = ("%s (%d stages, %d findings): %.0f x %.0f pt; A4 x%.2f: smallest word %r box "
                "%.2f pt -> font %.2f pt; 1920x1080: SVG font %.1f pt x%.2f = %.1f px" %
                (name, s["stages"], s["findings"], a["w"], a["h"], a["a4_scale"], a["word"],
                 a["a4_box"], a["a4_pt"], s["font"], s["px"] / s["font"], s["px"]))
        if verbose:
            print(line)
        # The promise holds for up to 10 stages and 40 findings, and for
        # every example journey whatever its length; a longer fixture wraps
        # onto more rows and is measured, a miss a warning.
        beyond = name not in examples and (s["stages"] > 10 or s["findings"] > 40)
        res.check(a["a4_pt"] >= MIN_PT - ROUNDING, "%s: under %g pt at A4: %s" % (name, MIN_PT, line),
                  warn_only=beyond)
        res.check(s["px"] >= MIN_PX - 0.05, "%s: under %g px at 1920x1080: %s" % (name, MIN_PX, line),
                  warn_only=beyond)
        res.check(abs(pw / ph - s["w"] / s["h"]) < 0.02,
                  "%s: the PNG (%d x %d) is not shaped as the SVG (%.0f x %.0f)" %
                  (name, pw, ph, s["w"], s["h"]))


def check_maps(keten, workspaces, work, res, verbose):
    pdfs = draw_all(keten, workspaces, work, ["--view", "map"], "pdf", "map-pdf")
    for f in sorted(os.listdir(pdfs)):
        a = a4_numbers(os.path.join(pdfs, f))
        if a is None:
            res.check(False, "%s: no words in the map's PDF" % f)
            continue
        line = ("%s (map): %.0f x %.0f pt; A4 x%.2f: smallest word %r -> font %.2f pt; "
                "1920x1080: %.1f px" % (f, a["w"], a["h"], a["a4_scale"], a["word"], a["a4_pt"],
                                        a["screen_px"]))
        if verbose:
            print(line)
        res.check(a["a4_pt"] >= MIN_PT - ROUNDING and a["screen_px"] >= MIN_PX - 0.05,
                  "map %s" % line)


def draw_overview(keten, workspace, out, extra, fmt):
    run(keten, ["overview", "-q", "-T", fmt, "-o", out] + extra, cwd=workspace)
    return os.path.join(out, "overview." + fmt)


def check_overviews(keten, work, res, verbose):
    sys.path.insert(0, HERE)
    from overview_overlap import big_workspace
    big = os.path.join(work, "big-chain")
    big_workspace(big)
    cases = [("example", ROOT, ["--lang", "nl"]), ("example-en", ROOT, ["--lang", "en"]),
             ("big-chain", big, ["--chain", "chains/groot.json"])]
    for name, workspace, extra in cases:
        out = os.path.join(work, "overview-" + name)
        pdf = draw_overview(keten, workspace, out, extra, "pdf")
        svg = draw_overview(keten, workspace, out, extra, "svg")
        if not (os.path.exists(pdf) and os.path.exists(svg)):
            res.check(False, "overview %s: not drawn" % name)
            continue
        a, s = a4_numbers(pdf), svg_numbers(svg)
        if a is None:
            res.check(False, "overview %s: no words in its PDF" % name)
            continue
        line = ("overview %s: %.0f x %.0f pt; A4 x%.2f: smallest word %r -> font %.2f pt; "
                "1920x1080: SVG font %.1f pt x%.2f = %.1f px" %
                (name, a["w"], a["h"], a["a4_scale"], a["word"], a["a4_pt"], s["font"],
                 s["px"] / s["font"], s["px"]))
        if verbose:
            print(line)
        res.check(a["a4_pt"] >= MIN_PT - ROUNDING, "under %g pt at A4: %s" % (MIN_PT, line))
        res.check(s["px"] >= MIN_PX - 0.05, "under %g px at 1920x1080: %s" % (MIN_PX, line))


def check_same_bytes(keten, gen, work, res):
    for extra, formats in (([], ["svg", "pdf", "png"]), (["--detail", "poster"], ["svg", "pdf"])):
        for fmt in formats:
            tag = "-".join([fmt] + extra[1:])
            one = draw_all(keten, [gen], work, extra, fmt, "one-" + tag)
            two = draw_all(keten, [gen], work, extra, fmt, "two-" + tag)
            for f in sorted(os.listdir(one)):
                with open(os.path.join(one, f), "rb") as x, open(os.path.join(two, f), "rb") as y:
                    res.check(x.read() == y.read(), "%s %s: not the same bytes twice" % (tag, f))


def main():
    keten = os.path.abspath(sys.argv[1])
    verbose = bool(os.environ.get("VERBOSE"))
    res = Result()
    work = tempfile.mkdtemp()
    try:
        gen = os.path.join(work, "gen")
        generate(gen)
        n = count_findings(keten, gen)
        res.check(36 <= n <= 40, "the generated journey has %d findings, not about 40" % n)
        if verbose:
            print("generated journey: 10 stages, %d findings" % n)
        workspaces = [ROOT] + [os.path.join(ROOT, "tests", "golden", f) for f in FIXTURES] + [gen]
        check_pathways(keten, workspaces, work, res, verbose)
        check_maps(keten, [ROOT, gen], work, res, verbose)
        check_overviews(keten, work, res, verbose)
        check_same_bytes(keten, gen, work, res)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print("legibility: %d passed, %d failed, %d warnings" % (res.passed, res.failed, res.warned))
    return 1 if res.failed else 0


if __name__ == "__main__":
    sys.exit(main())
