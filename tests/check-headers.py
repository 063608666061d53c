#!/usr/bin/env python3
# check-headers.py - checks that every #include in the source keeps to the
# first line of the header it includes (docs/developers.md, "How the source is laid
# out": the header convention), and the rule on the libraries' own headers.
#
# Usage: python3 tests/check-headers.py [ROOT]   (ROOT: the repository, ".")
# Prints FILE:LINE: what is wrong, for each fault; exits 1 when there is any.
#
# The convention: the first line of a project header NAME.h is
#   /* NAME.h - what it is. Included by: PATTERNS. */
# PATTERNS is a comma-separated list of globs relative to the repository
# (a glob without a slash means src/), folders ending in a slash (every
# file in it: `tests/unit/`; `tests/unit/*.c` would open a comment inside
# the comment, which -Wcomment warns about), or the single word `any`. A header
# may always be included by its own .c file (in its folder), and by the
# headers its PATTERNS name (`Included by: cli.h` lets cli.h include it).
import fnmatch
import os
import re
import sys

# The folders whose .c and .h files are checked.
SOURCE_DIRS = ["src", "tests", "fuzz", "bench"]
# Where the compiler looks for "NAME" after the includer's own folder (-I).
INCLUDE_DIRS = ["src", "tests/unit"]

# The project rule on the libraries' headers: only the readers include
# cmark and cJSON, only the renderers include Graphviz, cairo and pango,
# only text.c includes utf8proc (the one place that knows Unicode's
# tables), and only `keten watch` includes Linux's own headers.
# fuzz/dot_graph.c is the fuzz harness of the renderer's graph builder;
# bench/parse.c is `make bench`'s yardstick, libcmark's parse with nothing of
# keten around it (no part of keten).
RENDERERS = ["src/pathway*.c", "src/overview_render.c", "src/gv_shared.c",
             "src/gv_shared.h", "fuzz/dot_graph.c"]
# The journey map (map_draw.c) draws with cairo and pango directly, never
# with Graphviz.
CAIRO_RENDERERS = RENDERERS + ["src/map_draw.c"]
GRAPHVIZ = ["gvc.h", "cgraph.h", "cdt.h", "xdot.h", "gvplugin*.h",
            "gvcext.h", "gvcjob.h", "gvcommon.h", "types.h", "graphviz/*"]
SYSTEM_RULES = [
    (["cmark.h", "cmark/*", "cmark-gfm*"], ["src/read_md_item.h", "bench/parse.c"], "cmark"),
    (["cJSON.h", "cjson/*"], ["src/read_json_value.h"], "cJSON"),
    (["utf8proc.h"], ["src/text.c"], "utf8proc"),
    (GRAPHVIZ, RENDERERS, "Graphviz"),
    (["cairo.h", "cairo/*", "cairo-*.h"], CAIRO_RENDERERS, "cairo"),
    (["pango/*", "pango*.h"], CAIRO_RENDERERS, "pango"),
    (["glib.h", "glib/*", "glib-object.h", "gobject/*"], CAIRO_RENDERERS, "GLib"),
    # Only `keten watch` needs Linux (inotify, within #ifdef __linux__).
    (["sys/inotify.h", "linux/*", "sys/epoll.h", "sys/prctl.h", "sys/sendfile.h",
      "sys/signalfd.h", "sys/timerfd.h", "sys/eventfd.h"], ["src/cmd_watch.c"], "Linux"),
]

FIRST_LINE = re.compile(r"^/\* (\S+\.h) - .*\bIncluded by: (.+)\. \*/$")
INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^">]+)[">]')
GLOB = re.compile(r"^[A-Za-z0-9_.*?\[\]/-]+$")


def source_files(root):
    """Every .c and .h file under SOURCE_DIRS, relative to root, sorted."""
    found = []
    for top in SOURCE_DIRS:
        for folder, dirs, files in os.walk(os.path.join(root, top)):
            dirs.sort()
            for name in files:
                if name.endswith((".c", ".h")):
                    found.append(os.path.relpath(os.path.join(folder, name), root))
    return sorted(found)


def read_patterns(root, header, faults):
    """The globs of a header's first line, None (and a fault) when it lacks one."""
    with open(os.path.join(root, header), encoding="utf-8", errors="replace") as f:
        first = f.readline().rstrip("\n")
    m = FIRST_LINE.match(first)
    name = os.path.basename(header)
    if not m:
        faults.append(f"{header}:1: the first line must be "
                      f"'/* {name} - what it is. Included by: PATTERNS. */'")
        return None
    if m.group(1) != name:
        faults.append(f"{header}:1: the first line names {m.group(1)}, not {name}")
    patterns = [p.strip() for p in m.group(2).split(",")]
    for p in patterns:
        if not GLOB.match(p):
            faults.append(f"{header}:1: '{p}' is not a file pattern (or 'any')")
            return None
        if "/*" in p:
            faults.append(f"{header}:1: '{p}' opens a comment in a comment; "
                          f"write the folder: '{p[:p.index('/*') + 1]}'")
            return None
    return [p if p == "any" or "/" in p else "src/" + p for p in patterns]


def resolve(root, includer, name):
    """The project file a quoted include names, or None (system, generated)."""
    for folder in [os.path.dirname(includer)] + INCLUDE_DIRS:
        candidate = os.path.normpath(os.path.join(folder, name))
        if os.path.isfile(os.path.join(root, candidate)):
            return candidate
    return None


def allowed(includer, header, patterns):
    if "any" in patterns:
        return True
    own = os.path.splitext(header)[0] + ".c"
    return includer == own or any(includer.startswith(p) if p.endswith("/")
                                  else fnmatch.fnmatchcase(includer, p)
                                  for p in patterns)


def check_system(includer, lineno, name, faults):
    for headers, users, library in SYSTEM_RULES:
        if any(fnmatch.fnmatchcase(name, h) for h in headers):
            if not any(fnmatch.fnmatchcase(includer, u) for u in users):
                faults.append(f"{includer}:{lineno}: includes <{name}>; only "
                              f"{', '.join(users)} may include {library}'s headers")
            return


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    faults = []
    files = source_files(root)
    patterns = {f: read_patterns(root, f, faults) for f in files if f.endswith(".h")}
    for includer in files:
        path = os.path.join(root, includer)
        with open(path, encoding="utf-8", errors="replace") as f:
            for lineno, line in enumerate(f, 1):
                m = INCLUDE.match(line)
                if not m:
                    continue
                quote, name = m.groups()
                check_system(includer, lineno, name, faults)
                if quote == "<" or not name.endswith(".h"):
                    continue
                header = resolve(root, includer, name)
                if header is None or patterns.get(header) is None:
                    continue
                if not allowed(includer, header, patterns[header]):
                    faults.append(f"{includer}:{lineno}: includes \"{name}\", whose "
                                  f"first line allows only: {', '.join(patterns[header])}")
    for fault in faults:
        print(fault, file=sys.stderr)
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main())
