#!/bin/sh
# headers.sh - the header convention holds (tests/check-headers.py on the
# source), and the checker catches what it must: a forbidden project
# include, a library or Linux header outside its modules, a header
# without the line or with a pattern that opens a comment.
set -u
cd "$(dirname "$0")/.."
passed=0
failed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL headers: $*"; failed=$((failed + 1)); }
python3 tests/check-headers.py . && ok || bad "the source breaks the header convention"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$tmp/src"
cp src/*.h "$tmp/src/"

# Each case: one file added to a copy of src/, and the fault expected.
expect_fault() { # FILE EXPECTED-TEXT
	out=$(python3 tests/check-headers.py "$tmp" 2>&1)
	if [ $? -eq 0 ] || ! printf '%s\n' "$out" | grep -qF "$2"; then
		bad "the checker missed: $2"
		printf '%s\n' "$out" | sed 's/^/  /'
	else
		ok
	fi
	rm -f "$tmp/$1"
}

printf '/* cmd_fake.c - a test. */\n#include "mem.h"\n#include "report_parts.h"\n' >"$tmp/src/cmd_fake.c"
expect_fault src/cmd_fake.c 'src/cmd_fake.c:3: includes "report_parts.h"'

printf '/* cmd_fake.c - a test. */\n#include <cmark.h>\n' >"$tmp/src/cmd_fake.c"
expect_fault src/cmd_fake.c 'src/cmd_fake.c:2: includes <cmark.h>'

printf '/* report.c - a test. */\n\n#include <gvc.h>\n' >"$tmp/src/report.c"
expect_fault src/report.c 'src/report.c:3: includes <gvc.h>'

printf '/* cmd_fake.c - a test. */\n#include <sys/inotify.h>\n' >"$tmp/src/cmd_fake.c"
expect_fault src/cmd_fake.c 'src/cmd_fake.c:2: includes <sys/inotify.h>'

printf '/* fake.h - no line of who may include it. */\n' >"$tmp/src/fake.h"
expect_fault src/fake.h 'src/fake.h:1: the first line must be'

printf '/* fake.h - a test. Included by: tests/unit/*.c. */\n' >"$tmp/src/fake.h"
expect_fault src/fake.h "src/fake.h:1: 'tests/unit/*.c' opens a comment"

# Its own .c may include a header that lists nobody else.
printf '/* report_parts.c - a test. */\n#include "report_parts.h"\n' >"$tmp/src/report_parts.c"
python3 tests/check-headers.py "$tmp" && ok || bad "a header's own .c was refused"

echo "headers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
