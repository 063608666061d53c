# Makefile - build, test and install keten. The objects are listed by
# pipeline stage, so this file doubles as the map of the source:
# base -> read -> model -> check -> render/write -> command line.

PREFIX  ?= /usr/local
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man/man1
SCHEMADIR = $(PREFIX)/share/keten/schemas
COMPLETIONDIR = $(PREFIX)/share/bash-completion/completions
DESTDIR ?=

CC      ?= cc
CFLAGS  ?= -O2 -g
PKGS     = libcmark libcjson libutf8proc libgvc libcgraph cairo pangocairo
STD      = -std=c11 -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE
WARN     = -Wall -Wextra -Wmissing-prototypes -Wstrict-prototypes \
           -Wwrite-strings -Wshadow -Werror=format
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
# -MMD -MP: each object also writes BUILD/NAME.d, the headers it really
# includes, so touching a header rebuilds only the objects that use it.
DEPFLAGS    = -MMD -MP
ALL_CFLAGS  = $(STD) $(WARN) $(CFLAGS) $(PKG_CFLAGS) -pthread -Isrc -I$(BUILD)/gen $(DEPFLAGS)
# libhyphen has no pkg-config file in Debian: linked by name.
LDLIBS      = $(PKG_LIBS) -lhyphen -lm -pthread
BUILD      ?= build

# Debian packages the build and the tests need (see `make deps`). Real
# package names only: `pkg-config` is a virtual or transitional name of
# pkgconf, which dpkg-query may not report as installed when pkgconf is.
DEB_PKGS = build-essential pkgconf libcmark-dev libcjson-dev libutf8proc-dev \
           libgraphviz-dev graphviz fonts-dejavu-core valgrind \
           python3-jsonschema chromium clang-14 libclang-rt-14-dev poppler-utils groff-base \
           libcairo2-dev libpango1.0-dev libhyphen-dev hyphen-nl hyphen-en-us
# Node.js runs the accessibility test (tests/a11y/); Debian's packages only
# when there is no node at all (one installed otherwise is kept).
DEB_PKGS += $(if $(shell command -v node 2>/dev/null),,nodejs npm)

# Test tools from the npm registry, installed by `make deps` into a cache
# folder of this checkout (git-ignored): axe-core and puppeteer-core at the
# exact versions of tests/a11y/package-lock.json. puppeteer-core drives
# Debian's chromium; no browser is ever downloaded.
NPM_TOOLS = .cache/npm-tools
NPM_STAMP = $(NPM_TOOLS)/installed

BASE   = mem idmap path self_path text catalog diag vocab values readability personal source jsonw model
READ   = md_limits read_md read_md_item read_md_persona read_md_journey read_md_cover json_scan read_json read_json_value read_json_object
MODEL  = chain
CHECK  = check rules rules_contact rules_move rules_experience rules_text \
         rules_request rules_money rules_course rules_walk preload \
         layout workspace_files workspace_chains workspace_checks workspace
RENDER = palette render_text hyphenate html markers pathway_labels pathway_spec pathway_measure gv_shared pathway map map_draw map_svg overview overview_render compare compare_out \
         render_jobs
WRITE  = diag_print write_json write_md outdir report report_page report_summary
CLI    = cli cli_workspace cli_stdout cmd_main cmd_check cmd_export cmd_chain cmd_rules cmd_render cmd_overview cmd_compare \
         cmd_new cmd_watch

# libketen.a: everything below the command line (the public header is
# src/keten.h). The command line (cli*.c, cmd_*.c, main.c) links against it,
# and so do the unit tests, the fuzz harnesses and tests/api.
CORE_OBJS = $(patsubst %,$(BUILD)/%.o,$(BASE) $(READ) $(MODEL) $(CHECK) $(RENDER) $(WRITE))
CLI_OBJS  = $(patsubst %,$(BUILD)/%.o,$(CLI))
LIBKETEN  = $(BUILD)/libketen.a
MAIN_OBJ = $(BUILD)/main.o

# Generated headers, in $(BUILD)/gen and never committed: msg_formats.h,
# both texts of every message as macros for the compile-time argument check
# (catalog.h), and embedded.h, the files of data/ as string literals (the
# help texts, the templates of `keten new`, the report's style sheet, the
# default chain model). catalog.h includes msg_formats.h, so every object
# depends on it.
GEN         = $(BUILD)/gen
GEN_HEADERS = $(GEN)/msg_formats.h $(GEN)/embedded.h
DATA_FILES  = $(sort $(wildcard data/*.md data/*.css data/*.json data/help/*.txt))

UNIT_SRCS = $(wildcard tests/unit/*.c)
UNIT_BIN  = $(BUILD)/unit-tests
UNIT_OBJS = $(patsubst tests/unit/%.c,$(BUILD)/unit/%.o,$(UNIT_SRCS))
API_BIN   = $(BUILD)/api-check-one
API_OBJ   = $(BUILD)/api/check_one.o
SCALING_BIN = $(BUILD)/scaling-inline-svg
SCALING_OBJ = $(BUILD)/scaling/inline_svg.o

.PHONY: all deps deps-debian demo test check-a11y check-palette check-overview check-headers check-portable check-unit check-api check-golden check-examples check-render check-map check-legibility \
        check-report check-scaffold check-scaling check-messages check-asan check-valgrind check-regress fuzz bench clean \
        install uninstall

all: keten

keten: $(MAIN_OBJ) $(CLI_OBJS) $(LIBKETEN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(LIBKETEN): $(CORE_OBJS)
	rm -f $@
	$(AR) rcs $@ $^

$(BUILD)/%.o: src/%.c | $(BUILD) $(GEN_HEADERS)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD):
	mkdir -p $(BUILD)

$(CORE_OBJS) $(CLI_OBJS) $(MAIN_OBJ) $(UNIT_OBJS) $(API_OBJ): $(GEN_HEADERS)

$(GEN):
	mkdir -p $@

$(GEN)/msg_formats.h: src/messages.def tools/gen-msg-formats.awk | $(GEN)
	LC_ALL=C awk -f tools/gen-msg-formats.awk src/messages.def > $@.tmp
	mv $@.tmp $@

# A tool run at build time: built for the build machine, without CFLAGS
# (no sanitizer or fuzzer flags).
$(GEN)/embed: tools/embed.c | $(GEN)
	$(CC) $(STD) $(WARN) -o $@ tools/embed.c

$(GEN)/embedded.h: $(GEN)/embed $(DATA_FILES)
	$(GEN)/embed $(DATA_FILES) > $@.tmp
	mv $@.tmp $@


$(UNIT_BIN): $(UNIT_OBJS) $(LIBKETEN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# A program of its own against the public header and the library alone.
$(API_BIN): $(API_OBJ) $(LIBKETEN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(API_OBJ): tests/api/check_one.c | $(BUILD)/api
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/api:
	mkdir -p $@

# tests/scaling.sh times the report's inline SVG through this, without
# Graphviz in the way.
$(SCALING_BIN): $(SCALING_OBJ) $(LIBKETEN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(SCALING_OBJ): tests/scaling/inline_svg.c | $(BUILD)/scaling
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/scaling:
	mkdir -p $@

$(BUILD)/unit/%.o: tests/unit/%.c | $(BUILD)/unit
	$(CC) $(ALL_CFLAGS) -Itests/unit -c -o $@ $<

$(BUILD)/unit:
	mkdir -p $@

# The Debian packages, then the test tools from the npm registry.
deps: deps-debian
	@$(MAKE) --no-print-directory $(NPM_STAMP)

# Installs the Debian packages that are missing, as root or with sudo;
# does nothing (and never calls sudo) when none is. Without sudo, or off
# Debian, it says what to install instead.
deps-debian:
	@command -v dpkg-query >/dev/null 2>&1 || { \
	  echo "deps: not a Debian system; install the equivalents of: $(DEB_PKGS)"; exit 0; }; \
	missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q ' ok installed$$' || missing="$$missing $$p"; \
	done; \
	[ -n "$$missing" ] || exit 0; \
	if [ "$$(id -u)" = 0 ]; then sudo=""; \
	elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
	else echo "deps: missing Debian packages:$$missing" >&2; \
	  echo "deps: as root, run: apt-get install$$missing" >&2; exit 1; fi; \
	echo "deps: installing:$$missing"; \
	$$sudo apt-get update -qq && \
	DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq $$missing

# `npm ci`: exactly the locked versions, nothing else, no install scripts.
$(NPM_STAMP): tests/a11y/package.json tests/a11y/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  echo "deps: npm not found; install Debian's nodejs and npm packages" >&2; exit 1; }
	mkdir -p $(NPM_TOOLS)
	cp tests/a11y/package.json tests/a11y/package-lock.json $(NPM_TOOLS)/
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --prefix $(NPM_TOOLS) --ignore-scripts --no-audit --no-fund
	touch $@

# The main job on the shipped example workspace: output/index.html and the
# rest. The example workspace holds a workshop draft with a phone number in
# it (K012, an error), so keten exits 1 there: findings, not a failure.
demo: deps
	$(MAKE) keten
	./keten . || [ $$? -eq 1 ]

test: deps
	$(MAKE) check-headers check-portable check-unit check-api check-messages check-golden check-examples check-render check-map check-report check-scaffold check-regress check-scaling \
	check-palette check-overview check-legibility check-a11y

# Every #include keeps to the first line of the header it includes
# (docs/developers.md, "How the source is laid out"), and the checker catches faults.
check-headers:
	sh tests/headers.sh

# Only `keten watch` needs Linux: cmd_watch.c also compiles without it
# (the rest includes no Linux header: tests/check-headers.py).
check-portable: | $(BUILD) $(GEN_HEADERS)
	$(CC) $(ALL_CFLAGS) -U__linux__ -Werror -c -o $(BUILD)/cmd_watch-elsewhere.o src/cmd_watch.c

# The palette of the pictures stays distinguishable under protanopia,
# deuteranopia and tritanopia and meets WCAG 2.2 contrast; the checker
# rejects the palette before issue 13.
check-palette:
	python3 tests/palette_test.py src/palette.def
	! python3 tests/palette_test.py tests/palette/before-issue13.def >/dev/null
	! python3 tests/palette_test.py tests/golden/s008-colour/chains/regio.json >/dev/null
	python3 tests/palette_test.py tests/golden/s008-impact-colours/chains/goed.json >/dev/null
	! python3 tests/palette_test.py tests/golden/s008-impact-colours/chains/licht.json >/dev/null

# The chain overview's labels clear each other, arrow heads and nodes, and
# a node's text stays inside it (from the SVG's geometry; the example
# workspace and a generated larger chain).
check-overview: keten
	python3 tests/overview_overlap.py ./keten

check-unit: $(UNIT_BIN)
	$(UNIT_BIN)

# tests/api/check_one.c: one journey checked through keten.h; and every
# figure agrees across the outputs, for the example workspace and a
# generated one (tests/figures.sh).
check-api: $(API_BIN) keten
	$(API_BIN) tests/api/workspace
	sh tests/figures.sh ./keten

# Message arguments are checked at compile time: a call that fits compiles,
# a wrong type, count or id does not (tests/msgcheck/).
check-messages: $(GEN_HEADERS)
	sh tests/msg-check.sh "$(CC) $(filter-out $(DEPFLAGS),$(ALL_CFLAGS))"

ROUNDTRIP_PATHS = personas journeys tests/golden/spec-example tests/golden/export \
                  tests/roundtrip

check-golden: keten
	sh tests/golden/run.sh ./keten
	sh tests/roundtrip.sh --exact ./keten $(ROUNDTRIP_PATHS)
	sh tests/schemas.sh ./keten
	sh tests/personal-data.sh ./keten
	sh tests/limits.sh ./keten
	sh tests/outputs.sh ./keten
	sh tests/injection.sh ./keten
	sh tests/hardening.sh ./keten


# The files `keten render` writes: SVG structure, PNG and PDF, same bytes
# for the same input, the output folder.
check-render: keten
	sh tests/render.sh ./keten

# The journey map: A4 and 1920 px size rules, the same bytes twice.
check-map: keten
	sh tests/map.sh ./keten

# The default pathway diagram of every example journey and of a generated
# 10-stage, 40-finding one fits A4 landscape (text >= 7 pt) and 1920 x 1080
# (text >= 14 px); so does every journey map.
check-legibility: keten
	python3 tests/legibility.py ./keten

# The main job and the report: the output folder, index.html's structure
# and escaping, and the report in headless Chromium.
check-report: keten
	sh tests/report.sh ./keten
# WCAG 2.2 AA: axe-core in Debian's Chromium on the example report (Dutch
# and English) and the hostile workspace's report, and the contrast of the
# text in their pictures; any violation fails (tests/a11y/).
check-a11y: keten $(NPM_STAMP)
	sh tests/a11y/run.sh ./keten $(NPM_TOOLS)

# keten new (templates pass the check, nothing is overwritten), keten watch
# (a change is seen, the watcher stops cleanly), the manual page and the
# bash completion.
check-scaffold: keten
	sh tests/new.sh ./keten
	sh tests/watch.sh ./keten
	sh tests/scaffold-docs.sh

# Linear time: each path that once was quadratic, timed on an input and on
# one twice as large (CPU time may grow at most 2.5 times).
check-scaling: keten $(SCALING_BIN)
	sh tests/scaling.sh ./keten $(SCALING_BIN)

# The shipped workspace: exactly the findings of tests/examples.txt, and
# every friction rule among them.
check-examples: keten
	sh tests/examples.sh ./keten

# The whole suite under AddressSanitizer and UndefinedBehaviorSanitizer.
# Every report goes to build-asan/reports/ (log_path) and any report fails
# the run at the end (tests/sanitizer-reports.sh), also one whose exit
# status a test script took for the failure it expected.
ASAN_MAKE = $(MAKE) BUILD=build-asan \
  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer" \
  LDFLAGS="-fsanitize=address,undefined"
SAN_REPORTS = $(CURDIR)/build-asan/reports
# Leaks inside Graphviz and the font libraries it drives are not ours:
# tests/lsan.supp lists those libraries, and only those.
ASAN_RUN = ASAN_OPTIONS=detect_leaks=1:log_path=$(SAN_REPORTS)/asan \
           UBSAN_OPTIONS=print_stacktrace=1:log_path=$(SAN_REPORTS)/ubsan \
           LSAN_OPTIONS=suppressions=$(CURDIR)/tests/lsan.supp:print_suppressions=0
check-asan: deps
	$(ASAN_MAKE) build-asan/unit-tests build-asan/api-check-one keten-asan
	rm -rf $(SAN_REPORTS) && mkdir -p $(SAN_REPORTS) && chmod 1777 $(SAN_REPORTS)
	$(ASAN_RUN) build-asan/unit-tests
	$(ASAN_RUN) build-asan/api-check-one tests/api/workspace
	$(ASAN_RUN) $(ASAN_MAKE) check-regress
	$(ASAN_RUN) sh tests/examples.sh ./keten-asan
	$(ASAN_RUN) sh tests/golden/run.sh ./keten-asan
	$(ASAN_RUN) sh tests/roundtrip.sh --exact ./keten-asan $(ROUNDTRIP_PATHS)
	$(ASAN_RUN) sh tests/schemas.sh ./keten-asan
	$(ASAN_RUN) sh tests/personal-data.sh ./keten-asan
	$(ASAN_RUN) LIMIT_SECONDS=30 MAX_RSS_KB=4194304 sh tests/limits.sh ./keten-asan
	$(ASAN_RUN) sh tests/outputs.sh ./keten-asan
	$(ASAN_RUN) sh tests/injection.sh ./keten-asan
	$(ASAN_RUN) LIMIT_SECONDS=60 sh tests/hardening.sh ./keten-asan
	$(ASAN_RUN) sh tests/render.sh ./keten-asan
	BROWSER=0 $(ASAN_RUN) sh tests/report.sh ./keten-asan
	$(ASAN_RUN) sh tests/new.sh ./keten-asan
	$(ASAN_RUN) sh tests/watch.sh ./keten-asan
	sh tests/sanitizer-reports.sh $(SAN_REPORTS)

keten-asan: $(MAIN_OBJ) $(CLI_OBJS) $(LIBKETEN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The suite under valgrind's memcheck; any error or definite or indirect
# leak fails, reported into build/valgrind-reports/ (tests/vg-keten.sh for
# the scripts that take a keten to run), checked at the end. Render
# workers (keten started anew by the pool) are checked too.
# injection.sh and render.sh draw hundreds of diagrams, which under
# valgrind would take longer than CI has; they run under check-asan.
VG_REPORTS = $(CURDIR)/$(BUILD)/valgrind-reports
VALGRIND_RUN = valgrind -q --error-exitcode=99 --leak-check=full --trace-children=yes \
               --errors-for-leak-kinds=definite,indirect \
               --show-leak-kinds=definite,indirect \
               --suppressions=$(CURDIR)/tests/valgrind.supp \
               --log-file=$(VG_REPORTS)/%p.log
VG_KETEN = VALGRIND_LOGS=$(VG_REPORTS)
check-valgrind: deps
	$(MAKE) keten $(UNIT_BIN) $(REPLAY_BINS)
	rm -rf $(VG_REPORTS) && mkdir -p $(VG_REPORTS) && chmod 1777 $(VG_REPORTS)
	$(VALGRIND_RUN) $(UNIT_BIN)
	$(MAKE) REPLAY_RUN="$(VALGRIND_RUN)" check-regress
	VALGRIND="$(VALGRIND_RUN)" sh tests/golden/run.sh ./keten
	VALGRIND="$(VALGRIND_RUN)" sh tests/roundtrip.sh --exact ./keten $(ROUNDTRIP_PATHS)
	VALGRIND_LOGS=$(VG_REPORTS) sh tests/examples.sh tests/vg-keten.sh
	$(VG_KETEN) sh tests/personal-data.sh tests/vg-keten.sh
	$(VG_KETEN) LIMIT_SECONDS=300 MAX_RSS_KB=16777216 sh tests/limits.sh tests/vg-keten.sh
	$(VG_KETEN) sh tests/outputs.sh tests/vg-keten.sh
	BROWSER=0 VALGRIND="$(VALGRIND_RUN)" sh tests/report.sh ./keten
	VALGRIND="$(VALGRIND_RUN)" sh tests/new.sh ./keten
	VALGRIND="$(VALGRIND_RUN)" sh tests/watch.sh ./keten
	LIMIT_SECONDS=300 VALGRIND="$(VALGRIND_RUN)" sh tests/hardening.sh ./keten
	sh tests/sanitizer-reports.sh $(VG_REPORTS)

# --- fuzzing (fuzz/README.md) ---
# One libFuzzer harness per reader, each through the checks and the rules,
# and one for the DOT graph builder of the renderer (dot_graph).
FUZZ_HARNESSES = persona_md journey_md json chain dot_graph
FUZZ_SECONDS  ?= 60
FUZZ_MAX_LEN  ?= 16384
FUZZ_TIMEOUT  ?= 5
FUZZ_CC       ?= clang-14
FUZZ_BUILD     = build-fuzz
FUZZ_CFLAGS    = -O1 -g -fsanitize=fuzzer-no-link,address,undefined \
                 -fno-sanitize-recover=all -fno-omit-frame-pointer
REPLAY_BINS    = $(patsubst %,$(BUILD)/replay-%,$(FUZZ_HARNESSES))
REPLAY_RUN    ?=

.PRECIOUS: $(BUILD)/fuzz/%.o

$(BUILD)/fuzz/%.o: fuzz/%.c $(GEN_HEADERS) | $(BUILD)/fuzz
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/fuzz:
	mkdir -p $@

# The plain driver: the harness function fed each file of a folder.
$(BUILD)/replay-%: $(BUILD)/fuzz/%.o $(BUILD)/fuzz/fuzz.o $(BUILD)/fuzz/replay.o $(LIBKETEN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# The libFuzzer binaries (built by `make fuzz` with clang).
$(BUILD)/fuzz-%: $(BUILD)/fuzz/%.o $(BUILD)/fuzz/fuzz.o $(LIBKETEN)
	$(CC) $(CFLAGS) -fsanitize=fuzzer $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Replays the regression corpus: every input a fuzzer ever failed on.
check-regress: $(REPLAY_BINS)
	@for h in $(FUZZ_HARNESSES); do \
	  $(REPLAY_RUN) $(BUILD)/replay-$$h fuzz/regress/$$h || exit 1; \
	done

# Runs each harness for FUZZ_SECONDS; fails on any crash, hang or leak.
fuzz: deps
	$(MAKE) BUILD=$(FUZZ_BUILD) CC=$(FUZZ_CC) CFLAGS="$(FUZZ_CFLAGS)" \
	  $(patsubst %,$(FUZZ_BUILD)/fuzz-%,$(FUZZ_HARNESSES))
	sh fuzz/seeds.sh $(FUZZ_BUILD)/seeds
	sh fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZ_MAX_LEN) \
	  $(FUZZ_TIMEOUT) $(FUZZ_HARNESSES)

# Speed figures for docs/developers.md ("Speed"): check (and render, when built) on 100,
# 1,000 and 10,000 synthetic journeys. Not part of `make test`.
# BENCH_ARGS="--sizes 100,1000 --runs 3" for a quicker look.
BENCH_ARGS ?=
bench: deps
	$(MAKE) keten $(BUILD)/bench-measure $(BUILD)/bench-parse
	python3 bench/bench.py --keten ./keten --measure $(BUILD)/bench-measure \
		--parse $(BUILD)/bench-parse $(BENCH_ARGS)

$(BUILD)/bench-measure: bench/measure.c | $(BUILD)
	$(CC) $(STD) $(WARN) $(CFLAGS) -o $@ bench/measure.c

$(BUILD)/bench-parse: bench/parse.c | $(BUILD)
	$(CC) $(STD) $(WARN) $(CFLAGS) -o $@ bench/parse.c -lcmark

install: keten
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 keten $(DESTDIR)$(BINDIR)/keten
	install -d $(DESTDIR)$(SCHEMADIR)
	install -m 644 schemas/*.schema.json $(DESTDIR)$(SCHEMADIR)
	install -d $(DESTDIR)$(MANDIR)
	install -m 644 docs/keten.1 $(DESTDIR)$(MANDIR)/keten.1
	install -d $(DESTDIR)$(COMPLETIONDIR)
	install -m 644 completion/keten.bash $(DESTDIR)$(COMPLETIONDIR)/keten

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/keten
	rm -rf $(DESTDIR)$(SCHEMADIR)
	rm -f $(DESTDIR)$(MANDIR)/keten.1
	rm -f $(DESTDIR)$(COMPLETIONDIR)/keten

clean:
	rm -rf build build-asan build-fuzz keten keten-asan

# The headers each object includes, as the compiler found them (-MMD);
# absent before the first build, when everything is built anyway.
-include $(wildcard $(BUILD)/*.d $(BUILD)/unit/*.d $(BUILD)/api/*.d $(BUILD)/fuzz/*.d)
