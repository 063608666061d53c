#!/bin/sh
# scaling.sh - linear time on large inputs: each path that once was
# quadratic in its input is run on an input and on one twice as large, and
# its CPU time (user + system, render workers included) may grow at most
# SCALING_RATIO times (default 2.5). The paths: chain validation in aliases
# and in positions (keten chain), the jargon of K010 against many words
# (keten check, non-ASCII text and jargon), a journey's personas looked up
# among many persona files (keten check journeys/x.md), and the report's
# inline SVG (build/scaling-inline-svg, so that Graphviz is not timed),
# and the pairing of findings in keten compare.
# Every input is inside the default limits (the larger chain models are
# just under --max-file-size). Each run is the best of three, and a case
# that grows too much is measured up to twice more (the machine may be busy: a
# linear path passes then, a quadratic one grows four times again); a run
# that takes longer than SCALING_TIMEOUT seconds (default 20) fails. N1..N6
# set the base sizes, to measure (N6: compare).
# Sanitizers and valgrind distort time: SCALING=skip (or a set VALGRIND)
# skips the whole script; check-asan and check-valgrind do not run it.
# Usage: sh tests/scaling.sh ./keten build/scaling-inline-svg
set -u
if [ "${SCALING:-}" = skip ] || [ -n "${VALGRIND:-}" ]; then
	echo "scaling: skipped (SCALING=skip or VALGRIND set)"
	exit 0
fi
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
inline_svg=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
work=$(mktemp -d "${TMPDIR:-/tmp}/keten-scaling.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM

python3 - "$keten" "$inline_svg" "$work" "${SCALING_RATIO:-2.5}" "${SCALING_TIMEOUT:-20}" <<'EOF'
import json, os, resource, subprocess, sys

keten, inline_svg, work = sys.argv[1:4]
ratio, timeout = float(sys.argv[4]), float(sys.argv[5])

def chain(path, positions, aliases, jargon=("x",)):
    """A valid chain model: positions, each with its aliases."""
    pos = [{"id": "p%d" % i, "ladder": 1 + i % 6, "domain": "b",
            "aliases": ["a%d-%d" % (i, k) for k in range(aliases)]}
           for i in range(positions)]
    with open(path, "w") as f:
        json.dump({"format": "keten/1", "chain": {
            "id": "groot", "title": "Groot", "domains": [{"id": "b", "label": "B"}],
            "positions": pos, "jargon": list(jargon)}}, f)

def workspace(root, personas, jargon, letters):
    """personas persona files; a journey with `letters` letters of 500
    non-ASCII words each, against a chain model with `jargon` entries."""
    for d in ("personas", "journeys", "chains"):
        os.makedirs(os.path.join(root, d))
    for i in range(personas):
        with open(os.path.join(root, "personas", "p%05d.md" % i), "w") as f:
            f.write("# Persoon %d\n\n## Talenten\n- plannen\n" % i)
    chain(os.path.join(root, "chains", "groot.json"), 6, 1,
          ["wörd%dé ändere" % i for i in range(jargon)])
    out = ["# Reis\n\n- persona: p00000\n- keten: groot\n\n## Een\n- positie: p0\n"]
    for t in range(letters):
        words = " ".join("wörd%dé" % (7 * (t * 500 + k)) for k in range(500))
        out.append("- brief: brief %d\n  - tekst: %s.\n" % (t, words))
    with open(os.path.join(root, "journeys", "j.md"), "w") as f:
        f.write("".join(out))

def two_versions(root, stages):
    """Two versions of a journey of `stages` stages, 10 letters each, each
    letter with hard language, on other stages and positions in the second
    version: many findings that find no partner in keten compare."""
    for d in ("personas", "journeys"):
        os.makedirs(os.path.join(root, d))
    with open(os.path.join(root, "personas", "p.md"), "w") as f:
        f.write("# P\n\n## Talenten\n- plannen\n")
    for name, title, stage, places in (
            ("a.md", "Reis", "Fase", ("thuis", "beschut-werk")),
            ("b.md", "Reis twee", "Stap", ("dagbesteding", "betaald-werk"))):
        out = ["# %s\n\n- persona: p\n" % title]
        for i in range(stages):
            out.append("\n## %s %d\n- positie: %s\n- emotie: %d\n"
                       % (stage, i, places[i % 2], [-2, 2][i % 2]))
            for k in range(10):
                out.append("- brief: brief %d %d\n  - tekst: De beschikking en de"
                           " grondslag zijn derhalve onherroepelijk vastgesteld,"
                           " artikel %d.\n" % (i, k, k))
        with open(os.path.join(root, "journeys", name), "w") as f:
            f.write("".join(out))

def svg(path, n):
    """An SVG of n groups with ids and url(#) references, and no href."""
    with open(path, "w") as f:
        f.write('<?xml version="1.0"?>\n<svg width="10" height="10">\n')
        for i in range(n):
            f.write('<g id="node%d" class="node"><title>n%d</title>'
                    '<path fill="url(#grad)" d="M0,0 h%d"/></g>\n' % (i, i, i))
        f.write("</svg>\n")

def cpu_time(args, cwd, stdin=None):
    """CPU seconds of one run (None when it took too long or failed)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    try:
        with open(stdin or os.devnull, "rb") as inp:
            done = subprocess.run(args, cwd=cwd, stdin=inp, stdout=subprocess.PIPE,
                                  stderr=subprocess.STDOUT, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Every input is inside the limits: an S009 would time nothing.
    if done.returncode not in (0, 1) or b"S009" in done.stdout:
        print("scaling: %s in %s: exit status %d" % (args[1:], cwd, done.returncode))
        return None
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)

def best_of_three(args, cwd, stdin=None):
    times = []
    for _ in range(3):
        t = cpu_time(args, cwd, stdin)
        if t is None:
            return None
        times.append(t)
    return min(times)

# name, maker(folder, n), command, base size
cases = [
    ("chain aliases", lambda d, n: chain(os.path.join(d, "c.json"), 10, n),
     [keten, "chain", "--chain", "c.json"], None, int(os.environ.get("N1", 15000))),
    ("chain positions", lambda d, n: chain(os.path.join(d, "c.json"), n, 1),
     [keten, "chain", "--chain", "c.json"], None, int(os.environ.get("N2", 50000))),
    ("jargon (non-ASCII)", lambda d, n: workspace(d, 1, n, n // 2500),
     [keten, "check", "."], None, int(os.environ.get("N3", 100000))),
    ("personas", lambda d, n: workspace(d, n, 1, 1),
     [keten, "check", "journeys/j.md"], None, int(os.environ.get("N4", 8000))),
    ("compare (findings paired)", lambda d, n: two_versions(d, n),
     [keten, "compare", "journeys/a.md", "journeys/b.md"], None,
     int(os.environ.get("N6", 500))),
    ("report inline SVG", lambda d, n: svg(os.path.join(d, "in.svg"), n),
     [inline_svg], "in.svg", int(os.environ.get("N5", 600000))),
]

def measure(number, make, args, stdin, n, folders):
    """CPU times at n and 2n (None for a run that failed or took too long)."""
    times = []
    for size in (n, 2 * n):
        if size not in folders:
            folders[size] = os.path.join(work, "%d-%d" % (number, size))
            os.makedirs(folders[size])
            make(folders[size], size)
        folder = folders[size]
        times.append(best_of_three(args, folder, stdin and os.path.join(folder, stdin)))
    return times

def grown(small, large):
    # A run too short to time is within the bound by itself.
    return large / max(small, 0.02)

passed = failed = 0
for number, (name, make, args, stdin, n) in enumerate(cases):
    folders = {}
    small, large = measure(number, make, args, stdin, n, folders)
    for again in range(2):
        if small is None or large is None or grown(small, large) <= ratio:
            break
        # The machine may be busy, and CPU times of a tenth of a second
        # are coarse: each size keeps its best time over the tries, so a
        # linear path passes on a later try; a quadratic one (four times)
        # fails every time.
        again_small, again_large = measure(number, make, args, stdin, n, folders)
        if again_small is None or again_large is None:
            small, large = again_small, again_large
        else:
            small, large = min(small, again_small), min(large, again_large)
    if small is None or large is None:
        print("FAIL scaling: %s: a run took more than %g s or failed (sizes %d, %d)"
              % (name, timeout, n, 2 * n))
        failed += 1
    elif grown(small, large) > ratio:
        print("FAIL scaling: %s: %.2f s at %d, %.2f s at %d: %.1f times (at most %.1f)"
              % (name, small, n, large, 2 * n, grown(small, large), ratio))
        failed += 1
    else:
        print("scaling: %s: %.2f s at %d, %.2f s at %d" % (name, small, n, large, 2 * n))
        passed += 1
print("scaling: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
EOF
