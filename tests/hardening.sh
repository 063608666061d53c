#!/bin/sh
# hardening.sh - a hostile workspace on the file system (issue 16): a FIFO
# in any folder or named by `keten:` hangs no command and does not stop
# `watch` from ending on one Ctrl-C; a link out of the workspace is not
# read (its text reaches no output); no input is ever overwritten by an
# output; partial .tmp files do not outlive a run; a journey called
# `overview` does not overwrite the chain overview; `keten new` gives the
# real reason a file cannot be made.
# Usage: sh tests/hardening.sh ./keten   (VALGRIND="valgrind ..." runs keten under it)
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/keten-hardening.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
passed=0
failed=0
limit=${LIMIT_SECONDS:-20}

fail() { echo "FAIL hardening: $*"; failed=$((failed + 1)); }
ok() { passed=$((passed + 1)); }

k() { # keten with fixed language and colours, within the time limit
	NO_COLOR=1 KETEN_LANG=en timeout -k 2 "$limit" ${VALGRIND:-} "$keten" "$@"
}

# A fresh workspace of two journeys and their personas at $1.
make_ws() {
	rm -rf "$1"
	mkdir -p "$1/personas" "$1/journeys" "$1/chains"
	cp "$here/golden/render-short/personas/"* "$1/personas/"
	cp "$here/golden/render-short/journeys/"* "$1/journeys/"
	cp "$here/golden/render-long/personas/"* "$1/personas/"
	cp "$here/golden/render-long/journeys/"* "$1/journeys/"
}

# --- 1. special files: a FIFO in each folder, and named by keten: ---

ws=$work/fifo
for folder in personas journeys chains; do
	make_ws "$ws"
	case $folder in
	chains) mkfifo "$ws/chains/pijp.json" ;;
	*) mkfifo "$ws/$folder/pijp.md" ;;
	esac
	cd "$ws" || exit 2
	for cmd in check main render report overview; do
		rm -rf "$work/out"
		case $cmd in
		check) k check >"$work/log" 2>&1 ;;
		main) k -o "$work/out" >"$work/log" 2>&1 ;;
		*) k "$cmd" -o "$work/out" >"$work/log" 2>&1 ;;
		esac
		st=$?
		if [ "$st" -ge 124 ]; then
			fail "$cmd with a FIFO in $folder/: status $st (hangs?)"
		elif grep -q 'pijp.*not a regular file' "$work/log"; then
			ok
		elif [ "$cmd" = render ] || [ "$cmd" = overview ]; then
			ok # these report no findings, only what they drew
		else
			fail "$cmd with a FIFO in $folder/: no diagnostic"
			cat "$work/log"
		fi
	done
	cd "$here" || exit 2
done
make_ws "$ws"
mkfifo "$ws/journeys/pijp.md" "$ws/chains/pijp.json"
k export "$ws/journeys/pijp.md" >"$work/log" 2>&1
st=$?
[ "$st" -lt 124 ] && grep -q 'not a regular file' "$work/log" && ok ||
	{ fail "export of a FIFO: status $st"; cat "$work/log"; }
rm "$ws/journeys/pijp.md"
# keten: naming a FIFO.
sed -i '1,/^#/s/^\(# .*\)$/\1\n\nketen: ..\/chains\/pijp.json/' "$ws/journeys/noor-kort.md"
k check "$ws" >"$work/log" 2>&1
st=$?
[ "$st" -lt 124 ] && grep -q 'pijp.json.*not a regular file' "$work/log" && ok ||
	{ fail "keten: naming a FIFO: status $st"; cat "$work/log"; }

# watch with a FIFO: it runs, and one SIGINT stops it.
make_ws "$ws"
mkfifo "$ws/journeys/pijp.md"
cd "$ws" || exit 2
NO_COLOR=1 KETEN_LANG=en ${VALGRIND:-} "$keten" watch -o "$work/wout" >"$work/wlog" 2>&1 &
pid=$!
i=0
while ! grep -q '] done in \|] the job could not' "$work/wlog" && [ "$i" -lt $((limit * 10)) ]; do
	sleep 0.1
	i=$((i + 1))
done
grep -q 'pijp.md.*not a regular file' "$work/wlog" && ok ||
	{ fail "watch with a FIFO: no diagnostic"; cat "$work/wlog"; }
touch journeys/pijp.md journeys/noor-kort.md
sleep 1
kill -INT "$pid"
i=0
while kill -0 "$pid" 2>/dev/null && [ "$i" -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
if kill -0 "$pid" 2>/dev/null; then
	fail "watch with a FIFO does not stop on one SIGINT"
	kill -KILL "$pid"
else
	ok
fi
wait "$pid" 2>/dev/null
cd "$here" || exit 2

echo "hardening: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
