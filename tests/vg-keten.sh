#!/bin/sh
# vg-keten.sh - keten under valgrind's memcheck, for the test scripts that
# take a keten to run (make check-valgrind): errors and definite or
# indirect leaks fail with status 99 and are written to
# $VALGRIND_LOGS/<pid>.log when that is set (tests/sanitizer-reports.sh
# looks at them); Graphviz's own losses are suppressed (valgrind.supp).
here=$(cd "$(dirname "$0")" && pwd)
exec valgrind -q --error-exitcode=99 --leak-check=full --trace-children=yes \
	--errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect \
	--suppressions="$here/valgrind.supp" \
	${VALGRIND_LOGS:+--log-file="$VALGRIND_LOGS/%p.log"} \
	"$here/../keten" "$@"
