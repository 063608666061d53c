"""bench.py - `make bench`: how fast keten checks and renders 100, 1,000 and 10,000 journeys.

Writes synthetic workspaces (bench/gen.py, fixed seed) into a temporary
folder, runs keten on them several times and prints a table: wall-clock time
(median and best), journeys per second, microseconds per journey, the peak
resident memory of the keten process (ru_maxrss from wait4, taken by the
small helper bench/measure.c), how the cost
grows with the number of journeys, and each target with met or missed.

The parser section compares, on one thread, the cost of `keten check` with
the cost of libcmark's parse alone (bench/parse.c) on the same Markdown
files, for each content kind: the bench's synthetic journeys and the
example journeys of the repository (each copied 20 times under new names). With valgrind it counts instructions
(cachegrind, steady on a busy machine), else it takes the best CPU time of
several runs; the start of each program (an empty workspace, no files) is
taken off both. The ratio parse / check is the share of the parser's speed
that checking keeps: the target is 75 % or better.

The render section runs when `keten render` exists: the median time per
journey that keten reports with --timings, and for 1,000 journeys the wall
time of `keten render -T svg` against running `dot -Tsvg` once per journey
on the DOT files `keten render -T dot` writes, both measured in this run.

Usage: python3 bench/bench.py [--keten PATH] [--measure PATH] [--parse PATH]
                              [--sizes 100,1000,10000] [--runs N] [--keep]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen  # noqa: E402

CHECK_RATE_TARGET = 20000      # journeys per second, on 10,000 journeys
CHECK_MEMORY_TARGET = 64       # MiB peak for checking 10,000 journeys
RENDER_MEDIAN_TARGET = 5.0     # ms per 10-stage journey, SVG in process
RENDER_RATIO_TARGET = 5.0      # dot -Tsvg per journey / keten render -T svg
RENDER_RATIO_SIZE = 1000
PARSER_RATIO_TARGET = 0.75     # libcmark's parse alone / keten check, one thread
PARSER_JOURNEYS = 200          # bench journeys for the parser comparison
EXAMPLE_COPIES = 20            # copies of each example journey for it

ENV = dict(os.environ, NO_COLOR="1", KETEN_LANG="en", LANG="C")


class Run:
    """One finished process: wall seconds, peak memory, exit status, CPU
    seconds (user and system, all threads)."""

    def __init__(self, seconds, maxrss_kib, status, cpu):
        self.seconds = seconds
        self.mib = maxrss_kib / 1024.0
        self.status = status
        self.cpu = cpu


MEASURE = None  # path of the compiled bench/measure.c, set by main()


def run(argv, log_path, env=None):
    """Runs argv through bench/measure.c, with its output in log_path: wall
    time, and the peak memory (ru_maxrss) of that process alone."""
    done = subprocess.run([MEASURE, log_path] + argv, env=env or ENV,
                          stdout=subprocess.PIPE, check=True)
    seconds, kib, status, cpu = done.stdout.split()
    return Run(float(seconds), int(kib), int(status), float(cpu))


def fail(text):
    sys.stderr.write("bench: %s\n" % text)
    sys.exit(1)


def load_average():
    try:
        with open("/proc/loadavg") as f:
            return float(f.read().split()[0])
    except (OSError, ValueError, IndexError):
        return -1.0


def machine():
    model = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return "%d cores (nproc), %s" % (os.cpu_count() or 0, model)


def fmt_int(n):
    return "{:,}".format(int(round(n)))


def verdict(ok):
    return "met" if ok else "MISSED"


def table(headers, rows):
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    lines = ["| " + " | ".join(str(h).ljust(w) for h, w in zip(headers, widths)) + " |",
             "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    for row in rows:
        lines.append("| " + " | ".join(str(c).rjust(w) if i else str(c).ljust(w)
                                       for i, (c, w) in enumerate(zip(row, widths))) + " |")
    return "\n".join(lines)


def folder_bytes(folder):
    total = 0
    for root, _, files in os.walk(folder):
        for name in files:
            total += os.path.getsize(os.path.join(root, name))
    return total


# --- check ---

def check_size(keten, workspace, n, runs, scratch, env=None):
    """Runs `keten check` on a workspace `runs` times after one warm-up."""
    out = os.path.join(scratch, "check-%d.txt" % n)
    argv = [keten, "check", "--no-color", workspace]
    results = []
    for i in range(runs + 1):
        r = run(argv, out, env)
        if r.status not in (0, 1):
            fail("keten check exited with %d on %d journeys; see %s" % (r.status, n, out))
        if i > 0:
            results.append(r)
    with open(out, encoding="utf-8", errors="replace") as f:
        last = f.read().rstrip("\n").rsplit("\n", 1)[-1]
    if not last.startswith("%s journeys" % n):
        fail("keten check did not report %d journeys: %r" % (n, last))
    return results, last


def check_row(label, n, mb, results):
    secs = sorted(r.seconds for r in results)
    median = statistics.median(secs)
    cores = statistics.median(r.cpu / r.seconds for r in results)
    cpu = statistics.median(r.cpu for r in results)
    return median, max(r.mib for r in results), [
        label, mb, str(len(results)), "%.3f" % median, "%.3f" % secs[0],
        fmt_int(n / median), fmt_int(n / secs[0]), "%.1f" % (median / n * 1e6),
        "%.2f" % cores, fmt_int(n / cpu), "%.1f" % max(r.mib for r in results)]


def check_section(keten, sizes, runs, workspaces, scratch):
    print("## keten check\n")
    rows, per_journey, memory = [], {}, {}
    for n in sizes:
        results, summary = check_size(keten, workspaces[n], n, runs[n], scratch)
        mb = "%.1f" % (folder_bytes(workspaces[n]) / 1e6)
        median, memory[n], row = check_row(fmt_int(n), n, mb, results)
        per_journey[n] = median / n
        rows.append(row)
    big = max(sizes)
    one, _ = check_size(keten, workspaces[big], big, runs[big], scratch,
                        dict(ENV, KETEN_THREADS="0"))
    mb = "%.1f" % (folder_bytes(workspaces[big]) / 1e6)
    one_median, _, row = check_row("%s, one thread" % fmt_int(big), big, mb, one)
    rows.append(row)
    print(table(["journeys", "MB of Markdown", "runs", "median s", "best s",
                 "journeys/s (median)", "journeys/s (best)", "µs per journey",
                 "cores busy", "journeys per CPU s", "peak RSS MiB"], rows))
    print()
    print("Last run's summary: %s\n" % summary)
    print("Threads: %s journeys take %.3f s with the default reader threads and "
          "%.3f s with KETEN_THREADS=0 (one thread): x%.2f.\n"
          % (fmt_int(big), per_journey[big] * big, one_median,
             one_median / (per_journey[big] * big)))
    growth(sizes, per_journey, memory)
    targets(sizes, per_journey, memory)


def growth(sizes, per_journey, memory):
    print("Growth:")
    for a, b in zip(sizes, sizes[1:]):
        print("- %s -> %s journeys (x%g): time per journey x%.2f, peak memory "
              "%.1f -> %.1f MiB (+%.2f MiB per 1,000 journeys)"
              % (fmt_int(a), fmt_int(b), b / a, per_journey[b] / per_journey[a],
                 memory[a], memory[b], (memory[b] - memory[a]) / (b - a) * 1000))
    print()


def targets(sizes, per_journey, memory):
    big = 10000 if 10000 in sizes else sizes[-1]
    rate = 1 / per_journey[big]
    print("Targets (on %s journeys):" % fmt_int(big))
    print("- check throughput >= %s journeys/s: %s journeys/s, %s"
          % (fmt_int(CHECK_RATE_TARGET), fmt_int(rate), verdict(rate >= CHECK_RATE_TARGET)))
    print("- peak memory <= %d MiB: %.1f MiB, %s"
          % (CHECK_MEMORY_TARGET, memory[big], verdict(memory[big] <= CHECK_MEMORY_TARGET)))
    print()


# --- check against the parser ---

def instructions(argv, env):
    """Instructions argv executes (valgrind's cachegrind, no cache model)."""
    done = subprocess.run(["valgrind", "--tool=cachegrind", "--cache-sim=no",
                           "--cachegrind-out-file=/dev/null"] + argv, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          universal_newlines=True)
    for line in done.stderr.splitlines():
        if "I   refs:" in line or "I refs:" in line:
            return int(line.split(":", 1)[1].replace(",", ""))
    fail("valgrind gave no instruction count for %s:\n%s" % (" ".join(argv), done.stderr))


def cpu_seconds(argv, env, scratch, runs=5):
    """The best CPU time (user and system) of argv over runs."""
    log = os.path.join(scratch, "parser-cpu.log")
    return min(run(argv, log, env).cpu for _ in range(runs))


def valgrind_usable():
    try:
        return subprocess.run(["valgrind", "--version"], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL).returncode == 0
    except OSError:
        return False


def markdown_files(folder):
    return files_with(os.path.join(folder, "journeys"), ".md") + \
        files_with(os.path.join(folder, "personas"), ".md")


def copy_example(root, folder, copies):
    """The example workspace with each Markdown journey copied `copies`
    times under new names (so new ids), its personas and chain models: as
    much text as the bench's, so that what a run does once (the chain
    model, the vocabulary) weighs as little."""
    for sub in ("journeys", "personas", "chains"):
        os.makedirs(os.path.join(folder, sub), exist_ok=True)
    for sub in ("personas", "chains"):
        for path in files_with(os.path.join(root, sub), ""):
            shutil.copy(path, os.path.join(folder, sub))
    for path in files_with(os.path.join(root, "journeys"), ".md"):
        stem = os.path.basename(path)[:-3]
        for i in range(copies):
            shutil.copy(path, os.path.join(folder, "journeys", "%s-%02d.md" % (stem, i)))


def parser_section(keten, parse, scratch):
    print("## keten check against libcmark's parse alone\n")
    env = dict(ENV, KETEN_THREADS="0")
    by_count = valgrind_usable()
    cost = instructions if by_count else (lambda argv, e: cpu_seconds(argv, e, scratch))
    bench_ws = os.path.join(scratch, "ws-parser")
    gen.generate(bench_ws, PARSER_JOURNEYS)
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    empty = os.path.join(scratch, "ws-empty")
    for sub in ("journeys", "personas"):
        os.makedirs(os.path.join(empty, sub), exist_ok=True)
    example_ws = os.path.join(scratch, "ws-example")
    copy_example(root, example_ws, EXAMPLE_COPIES)
    kinds = [("bench journeys (gen.py, %d) and personas" % PARSER_JOURNEYS, bench_ws),
             ("example journeys (journeys/*.md x %d) and personas" % EXAMPLE_COPIES,
              example_ws)]
    check_start = cost([keten, "check", "--no-color", empty], env)
    parse_start = cost([parse], env)
    rows, worst = [], None
    for label, folder in kinds:
        files = markdown_files(folder)
        if not files:
            continue
        check = cost([keten, "check", "--no-color"] + files, env) - check_start
        parsed = cost([parse] + files, env) - parse_start
        ratio = parsed / check
        worst = ratio if worst is None else min(worst, ratio)
        kb = sum(os.path.getsize(f) for f in files) / 1000.0
        if by_count:
            figures = ["%.1f" % (parsed / 1e6), "%.1f" % (check / 1e6),
                       fmt_int(parsed / len(files)), fmt_int(check / len(files))]
        else:
            figures = ["%.3f" % parsed, "%.3f" % check,
                       "%.1f" % (parsed / len(files) * 1e6), "%.1f" % (check / len(files) * 1e6)]
        rows.append([label, str(len(files)), "%.0f" % kb] + figures
                    + ["%.1f %%" % (ratio * 100), verdict(ratio >= PARSER_RATIO_TARGET)])
    unit = ("millions of instructions", "instructions") if by_count else ("CPU s", "CPU µs")
    print(table(["content", "Markdown files", "KB", "parse (%s)" % unit[0],
                 "check (%s)" % unit[0], "parse per file (%s)" % unit[1],
                 "check per file (%s)" % unit[1], "parse / check", "target >= 75 %"], rows))
    print()
    print("Method: %s, one thread (KETEN_THREADS=0); `keten check --no-color FILES` "
          "against bench/parse.c (cmark_parser_feed and cmark_parser_finish with "
          "CMARK_OPT_DEFAULT, then cmark_node_free) on the same Markdown files; the "
          "cost of starting each program (an empty workspace, no files) is taken "
          "off. parse / check is the share of the parser's speed that checking "
          "keeps.\n" % ("instructions counted by valgrind's cachegrind (--cache-sim=no)"
                         if by_count else "valgrind is missing: the best CPU time of 5 runs"))
    if worst is not None:
        print("Target: check at >= %.0f %% of the parser's speed: %.1f %% at worst, %s\n"
              % (PARSER_RATIO_TARGET * 100, worst * 100, verdict(worst >= PARSER_RATIO_TARGET)))


# --- render ---

def render_available(keten, scratch):
    """True when `keten --help` lists a render command."""
    log = os.path.join(scratch, "help.txt")
    run([keten, "--help"], log)
    with open(log, encoding="utf-8", errors="replace") as f:
        return any(line.split()[:1] == ["render"] for line in f)


def read_timings(path):
    micros = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and parts[1].strip().isdigit():
                micros.append(int(parts[1]))
    return micros


def render(keten, workspace, out, fmt, jobs, timings=None):
    shutil.rmtree(out, ignore_errors=True)
    log = out + ".log"
    argv = [keten, "render", workspace, "-o", out, "-T", fmt, "-j", str(jobs)]
    if timings:
        argv += ["--timings", timings]
    r = run(argv, log)
    if r.status not in (0, 1):
        fail("%s exited with %d; see %s" % (" ".join(argv), r.status, log))
    return r


def files_with(folder, ext):
    found = []
    for root, _, files in os.walk(folder):
        found += [os.path.join(root, f) for f in files if f.endswith(ext)]
    return sorted(found)


def dot_per_journey(dot_files):
    """Runs `dot -Tsvg` once per file, one after the other; wall seconds."""
    start = time.perf_counter()
    for path in dot_files:
        done = subprocess.run(["dot", "-Tsvg", "-o", path[:-4] + ".dot.svg", path],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode != 0:
            fail("dot -Tsvg %s failed: %s" % (path, done.stderr.decode(errors="replace")))
    return time.perf_counter() - start


def render_section(keten, sizes, workspaces, scratch):
    print("## keten render\n")
    if not render_available(keten, scratch):
        print("Skipped: this keten has no `render` command (`keten --help` does "
              "not list it), so there are no render figures.\n")
        return
    rows, medians, cpu_ms = [], {}, {}
    jobs = os.cpu_count() or 1
    for n in sizes:
        timings = os.path.join(scratch, "timings-%d.tsv" % n)
        r = render(keten, workspaces[n], os.path.join(scratch, "svg-%d" % n), "svg",
                   jobs, timings)
        micros = read_timings(timings)
        if not micros:
            fail("keten render --timings wrote no timings for %d journeys" % n)
        medians[n] = statistics.median(micros) / 1000.0
        cpu_ms[n] = r.cpu / len(micros) * 1000.0
        rows.append([fmt_int(n), fmt_int(len(micros)), "%.2f" % medians[n],
                     "%.2f" % (max(micros) / 1000.0), "%.2f" % r.seconds,
                     fmt_int(len(micros) / r.seconds), "%.2f" % cpu_ms[n],
                     "%.1f" % r.mib])
    print(table(["journeys", "rendered", "median ms per journey", "slowest ms",
                 "wall s (-j %d)" % jobs, "journeys/s", "CPU ms per journey",
                 "peak RSS MiB"], rows))
    print()
    print("Median and slowest are wall clock inside the worker (--timings), so "
          "they include time the worker waited for a core; CPU ms per journey is "
          "the CPU time of all keten processes (checking, workers, their start) "
          "divided by the journeys. Load average now %.2f.\n" % load_average())
    big = max(sizes)
    print("Targets:")
    print("- SVG in process <= %.0f ms per 10-stage journey (median, %s journeys): "
          "%.2f ms, %s (CPU of the whole run: %.2f ms per journey)"
          % (RENDER_MEDIAN_TARGET, fmt_int(big), medians[big],
             verdict(medians[big] <= RENDER_MEDIAN_TARGET), cpu_ms[big]))
    n = RENDER_RATIO_SIZE if RENDER_RATIO_SIZE in workspaces else big
    ws = workspaces[n]
    svg = render(keten, ws, os.path.join(scratch, "ratio-svg"), "svg", 1)
    svg_j = render(keten, ws, os.path.join(scratch, "ratio-svg-j"), "svg", jobs)
    dot_out = os.path.join(scratch, "ratio-dot")
    render(keten, ws, dot_out, "dot", 1)
    dot_files = files_with(dot_out, ".dot")
    if not dot_files:
        fail("keten render -T dot wrote no .dot files into %s" % dot_out)
    dot_secs = dot_per_journey(dot_files)
    ratio = dot_secs / svg.seconds
    print("- %s journeys: `keten render -T svg -j 1` %.2f s (-j %d: %.2f s); "
          "`dot -Tsvg` once per journey on %s DOT files %.2f s; ratio %.1f "
          "(target >= %.0f), %s"
          % (fmt_int(n), svg.seconds, jobs, svg_j.seconds, fmt_int(len(dot_files)),
             dot_secs, ratio, RENDER_RATIO_TARGET, verdict(ratio >= RENDER_RATIO_TARGET)))
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--keten", default="./keten")
    ap.add_argument("--measure", default="build/bench-measure",
                    help="the compiled bench/measure.c")
    ap.add_argument("--parse", default="build/bench-parse",
                    help="the compiled bench/parse.c (libcmark's parse alone)")
    ap.add_argument("--sizes", default="100,1000,10000")
    ap.add_argument("--runs", type=int, default=0,
                    help="runs per size (default: 15, 9 and 5 as the size grows)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args()
    global MEASURE
    MEASURE = os.path.abspath(args.measure)
    keten = os.path.abspath(args.keten)
    if not os.access(keten, os.X_OK):
        fail("%s is not an executable; run `make` first" % keten)
    if not os.access(MEASURE, os.X_OK):
        fail("%s is not an executable; run `make bench`" % MEASURE)
    parse = os.path.abspath(args.parse)
    if not os.access(parse, os.X_OK):
        fail("%s is not an executable; run `make bench`" % parse)
    sizes = sorted(int(s) for s in args.sizes.split(","))
    runs = {n: args.runs or (15 if n <= 100 else 9 if n <= 1000 else 5) for n in sizes}
    scratch = tempfile.mkdtemp(prefix="keten-bench-")
    try:
        workspaces = {}
        for n in sizes:
            workspaces[n] = os.path.join(scratch, "ws-%d" % n)
            gen.generate(workspaces[n], n)
        print("# keten bench\n")
        print("Machine: %s; load average before the runs %.2f (a busy machine "
              "gives lower figures)" % (machine(), load_average()))
        print("Input: synthetic journeys from bench/gen.py (seed %d): 10 stages and "
              "30 touchpoints each, %d personas; files in the page cache (one "
              "warm-up run first); wall clock.\n" % (gen.DEFAULT_SEED, len(gen.PERSONAS)))
        check_section(keten, sizes, runs, workspaces, scratch)
        parser_section(keten, parse, scratch)
        render_section(keten, sizes, workspaces, scratch)
    finally:
        if args.keep:
            print("kept: %s" % scratch)
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
