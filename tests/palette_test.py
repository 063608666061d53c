#!/usr/bin/env python3
"""palette_test.py - checks the palette of the pictures (src/palette.def) for people with a colour-vision deficiency and for contrast.

For normal vision and for protanopia, deuteranopia and tritanopia (Machado,
Oliveira and Fernandes 2009, severity 1.0, applied in linear RGB) the colours
that must be told apart keep a CIE76 colour difference of at least
MIN_DELTA_E; and every colour meets WCAG 2.2 contrast against what it sits on:
text 4.5:1 (SC 1.4.3), markers, arrows and lane edges 3:1 (SC 1.4.11).

MIN_DELTA_E is 20: about ten times the just-noticeable difference (2.3), so
that two colours are told apart at a glance in a small area such as a 10-pt
marker, where colour discrimination is much weaker than in large fields. The
glyphs (● ▲ ⬢) carry the impact level anyway; the colour must not mislead.
The domains' lane edges are held to the same 20, pairwise over all eight
default tints (a chain repeats them after the eighth), although the lanes
are named in their headers: a lane is recognised across a page by colour.

Usage: palette_test.py [PALETTE.def | CHAIN.json]   (default: src/palette.def
next to this folder). A chain model's own domain and impact colours get
the same checks (contrast 3:1 against white, dE76 apart under every vision),
as keten does when it reads them (S008 warnings). Prints one line per failed
check and exits 1 if any failed.
"""
import math
import os
import re
import sys

MIN_DELTA_E = 20.0
TEXT = 4.5
GRAPHIC = 3.0

MACHADO = {
    "protanopia": ((0.152286, 1.052583, -0.204868),
                   (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968),
                     (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779),
                   (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def linear(hexcolour):
    """sRGB "#rrggbb" to linear RGB in 0..1."""
    out = []
    for i in (1, 3, 5):
        c = int(hexcolour[i:i + 2], 16) / 255
        out.append(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
    return out


def luminance(rgb):
    return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]


def contrast(a, b):
    la, lb = luminance(linear(a)), luminance(linear(b))
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def simulate(rgb, matrix):
    return [min(1.0, max(0.0, sum(m * c for m, c in zip(row, rgb)))) for row in matrix]


def lab(rgb):
    """Linear sRGB to CIELAB (D65)."""
    x = 0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]
    y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    z = 0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]

    def f(t):
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116
    fx, fy, fz = f(x / 0.95047), f(y), f(z / 1.08883)
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def read_palette(path):
    text = open(path, encoding="utf-8").read()
    pal = {"impact": [], "colour": {}, "tint": [], "grey": None}
    for m in re.finditer(r'^IMPACT\((\d), "(#[0-9a-fA-F]{6})", "(#[0-9a-fA-F]{6})"', text, re.M):
        pal["impact"].append((m.group(2), m.group(3)))
    for m in re.finditer(r'^COLOUR\((\w+), "(#[0-9a-fA-F]{6})"\)', text, re.M):
        pal["colour"][m.group(1)] = m.group(2)
    for m in re.finditer(r'^(GREY_)?TINT\("(#\w{6})", "(#\w{6})", "(#\w{6})"\)', text, re.M):
        tint = (m.group(2), m.group(3), m.group(4))
        if m.group(1):
            pal["grey"] = tint
        else:
            pal["tint"].append(tint)
    return pal


def contrast_checks(pal):
    """(what, foreground, background, minimum) for every pair that must contrast."""
    c = pal["colour"]
    bg, text = c["BACKGROUND"], c["TEXT"]
    checks = []
    for level, (fill, on) in enumerate(pal["impact"], 1):
        checks.append((f"impact {level} marker", fill, bg, GRAPHIC))
        checks.append((f"impact {level} text on its marker", on, fill, TEXT))
    for move in ("MOVE_UP", "MOVE_LEVEL", "MOVE_DOWN", "NO_FRICTION", "UNVISITED"):
        checks.append((f"{move.lower()} line", c[move], bg, GRAPHIC))
    checks.append(("grey text", c["GREY_TEXT"], bg, TEXT))
    checks.append(("question text on its marker", c["QUESTION_TEXT"], c["QUESTION_FILL"], TEXT))
    checks.append(("opportunity symbol on its note", c["OPPORTUNITY_STRONG"], c["OPPORTUNITY_LIGHT"],
                   TEXT))
    if "MAP_AXIS" in c:
        # The journey map: the zero line and the emotion curve are graphics
        # (3:1); the row names are text on their band. The grid (MAP_RULE)
        # is decoration, which WCAG 2.2 SC 1.4.11 does not ask contrast of.
        checks.append(("map zero line", c["MAP_AXIS"], bg, GRAPHIC))
        checks.append(("map zero line on the row band", c["MAP_AXIS"], c["MAP_ROW_BAND"], GRAPHIC))
        checks.append(("map emotion curve", c["MAP_CURVE"], bg, GRAPHIC))
        checks.append(("text on the map's row band", text, c["MAP_ROW_BAND"], TEXT))
        checks.append(("grey text on the map's row band", c["GREY_TEXT"], c["MAP_ROW_BAND"], TEXT))
    for i, (band, strong, dark) in enumerate(pal["tint"] + [pal["grey"]]):
        name = f"domain {i + 1}" if i < len(pal["tint"]) else "grey domain"
        checks.append((f"{name} lane edge on its band", dark, band, GRAPHIC))
        checks.append((f"{name} card edge on white", dark, bg, GRAPHIC))
        checks.append((f"text on the {name} header", text, strong, TEXT))
        checks.append((f"text on the {name} band", text, band, TEXT))
    return checks


def distinct_sets(pal):
    """Sets of colours that must be told apart, each colour named."""
    c = pal["colour"]
    return {
        "impact levels": [(f"impact {i}", fill) for i, (fill, _) in enumerate(pal["impact"], 1)],
        "moves": [(m.lower(), c[m]) for m in ("MOVE_UP", "MOVE_LEVEL", "MOVE_DOWN")],
        "impact and question markers": [(f"impact {i}", fill) for i, (fill, _) in
                                        enumerate(pal["impact"], 1)]
        + [("question", c["QUESTION_FILL"])],
        "domain lane edges": [(f"domain {i}", dark) for i, (_, _, dark) in
                              enumerate(pal["tint"], 1)],
    }


def smallest_differences(colours, matrix):
    labs = [lab(linear(h) if matrix is None else simulate(linear(h), matrix)) for _, h in colours]
    pairs = []
    for i in range(len(colours)):
        for j in range(i + 1, len(colours)):
            pairs.append((math.dist(labs[i], labs[j]), colours[i][0], colours[j][0]))
    return sorted(pairs)


def check(path, verbose=False):
    pal = read_palette(path)
    failures = []
    if len(pal["impact"]) != 3 or not pal["tint"] or pal["grey"] is None:
        return [f"{path}: expected 3 IMPACT lines, TINT lines and a GREY_TINT"]
    for what, fg, bg, minimum in contrast_checks(pal):
        ratio = contrast(fg, bg)
        if ratio < minimum:
            failures.append(f"contrast: {what}: {fg} on {bg} is {ratio:.2f}:1, needs {minimum}:1")
    for vision, matrix in [("normal vision", None)] + list(MACHADO.items()):
        for name, colours in distinct_sets(pal).items():
            pairs = smallest_differences(colours, matrix)
            delta, a, b = pairs[0]
            if verbose:
                print(f"{vision:13} {name:28} smallest dE76 {delta:5.1f} ({a} / {b})")
            if delta < MIN_DELTA_E:
                failures.append(f"{vision}: {name}: {a} and {b} differ by dE76 {delta:.1f}, "
                                f"needs {MIN_DELTA_E}")
    return failures


def check_pairs(what, colours, verbose=False):
    """Failures for colours (named) closer than MIN_DELTA_E under some vision."""
    failures = []
    for vision, matrix in [("normal vision", None)] + list(MACHADO.items()):
        for delta, a, b in smallest_differences(colours, matrix) if len(colours) > 1 else []:
            if verbose:
                print(f"{vision:13} {what} {a} / {b}: dE76 {delta:5.1f}")
            if delta < MIN_DELTA_E:
                failures.append(f"{vision}: {what} {a} and {b} differ by dE76 {delta:.1f}, "
                                f"needs {MIN_DELTA_E}")
    return failures


def valid_colours(what, colours):
    """The colours that are #rrggbb, and a failure for each that is not."""
    good = [(n, h) for n, h in colours if isinstance(h, str) and re.fullmatch(r"#[0-9a-fA-F]{6}", h)]
    return good, [f"{what} {n}: {h!r} is not #rrggbb" for n, h in colours if (n, h) not in good]


def marks_on_white(what, colours):
    return [f"contrast: {what} {n}: {h} on white is {contrast(h, '#ffffff'):.2f}:1, needs {GRAPHIC}:1"
            for n, h in colours if contrast(h, "#ffffff") < GRAPHIC]


def check_chain(path, verbose=False):
    """The colours a chain model gives (what keten warns about, S008): its
    domains' colours 3:1 against white and apart from each other; its
    impact colours (three) 3:1 against white and apart from each other and
    from the question markers (palette.def's), under every vision. The text
    on an impact colour is black or white, whichever contrasts more: that
    is always 4.58:1 or more."""
    import json
    chain = json.load(open(path, encoding="utf-8"))["chain"]
    domains, failures = valid_colours("domain", [(d["id"], d["colour"]) for d in
                                                 chain.get("domains", []) if d.get("colour")])
    failures += marks_on_white("domain", domains)
    failures += check_pairs("domains", domains, verbose)
    given = chain.get("impact_colours") or []
    if given and len(given) != 3:
        return failures + [f"impact_colours: {len(given)} colours, needs 3"]
    impacts, wrong = valid_colours("impact level", [(i, h) for i, h in enumerate(given, 1)])
    failures += wrong
    if impacts and not wrong:
        failures += marks_on_white("impact level", impacts)
        here = os.path.dirname(os.path.abspath(__file__))
        question = read_palette(os.path.join(here, "..", "src", "palette.def"))["colour"]["QUESTION_FILL"]
        failures += check_pairs("impact levels", impacts, verbose)
        for level, hexcolour in impacts:
            failures += check_pairs("impact level and question", [(level, hexcolour),
                                                                    ("question", question)], verbose)
    return failures


def main():
    args = [a for a in sys.argv[1:] if a != "-v"]
    here = os.path.dirname(os.path.abspath(__file__))
    path = args[0] if args else os.path.join(here, "..", "src", "palette.def")
    verbose = "-v" in sys.argv
    failures = check_chain(path, verbose) if path.endswith(".json") else check(path, verbose)
    for f in failures:
        print(f)
    print(f"palette: {'failed' if failures else 'passed'} ({len(failures)} problems)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
