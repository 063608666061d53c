#!/bin/sh
# watch.sh - `keten watch` on a copy of the example workspace: the first
# run, a changed journey run again (its new finding shows, and the output
# folder is refreshed when the main job writes one), a broken file that
# does not stop the watch, a new file written the way editors do (a
# temporary name, then a rename), and Ctrl-C (SIGINT) that stops it with
# exit status 0. Also: an output folder inside a source folder is refused.
# Usage: sh tests/watch.sh ./keten   (VALGRIND="valgrind ..." runs keten under it)
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
src=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pid=
cleanup() {
	[ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null
	rm -rf "$work"
}
trap cleanup EXIT INT TERM
[ -n "${KEEP:-}" ] && trap - EXIT
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL watch: $*"; failed=$((failed + 1)); }
log="$work/log"
# Under valgrind a run takes seconds; waits poll every 0.1 s up to this.
limit=${WATCH_WAIT:-600}

# wait_runs N: until N runs have ended (each prints one "done"/"could not"
# line), or the time limit; returns 1 on timeout.
wait_runs() {
	i=0
	while n=$(grep -c -e '] done in ' -e '] the job could not be done' "$log" 2>/dev/null)
		[ "${n:-0}" -lt "$1" ]; do
		i=$((i + 1))
		if [ "$i" -gt "$limit" ] || ! kill -0 "$pid" 2>/dev/null; then
			fail "run $1 did not come (log below)"
			sed 's/^/    /' "$log" | tail -20
			return 1
		fi
		sleep 0.1
	done
}

mkdir "$work/ws"
cp -R "$src/personas" "$src/journeys" "$src/chains" "$work/ws/"
cd "$work/ws" || exit 2

# An output folder inside a source folder is refused at once.
NO_COLOR=1 KETEN_LANG=en ${VALGRIND:-} "$keten" watch -o journeys/out >"$work/refused" 2>&1
st=$?
[ "$st" -eq 2 ] && ok || { fail "watch -o journeys/out: exit status $st, want 2"; cat "$work/refused"; }
[ -e journeys/out ] && fail "the refused output folder was made" || ok

# shellcheck disable=SC2086
: >"$log" # before the watcher starts: a background job opens its files itself, later
NO_COLOR=1 KETEN_LANG=en ${VALGRIND:-} "$keten" watch -o "$work/out" >>"$log" 2>&1 &
pid=$!

wait_runs 1 || exit 1
grep -q '] keten watch follows personas/, journeys/, chains/' "$log" && ok ||
	fail "the first line does not say what is followed"
findings="$work/out/findings.json"
[ -f "$findings" ] && cp "$findings" "$work/findings-1"

# A changed journey: one new pain point, which the next run reports.
printf -- '\n## Nog een etappe\n- positie: betaald-werk\n- knelpunt: WATCHTEST een nieuw knelpunt\n' >>journeys/ruud-ede-keten.md
wait_runs 2 || exit 1
grep -q '] changed: journeys/ruud-ede-keten.md' "$log" && ok || fail "the change is not named"
grep -q 'WATCHTEST een nieuw knelpunt' "$log" && ok || fail "the second run does not show the new finding"
if [ -f "$work/findings-1" ]; then
	grep -q WATCHTEST "$findings" && ok || fail "output/findings.json was not refreshed"
fi

# A broken file never stops the watch.
printf 'geen kop, geen lijst\n\0binair\n' >journeys/kapot.md
wait_runs 3 || exit 1
grep -q 'journeys/kapot.md:.*error' "$log" && ok || fail "the broken file is not reported"
kill -0 "$pid" 2>/dev/null && ok || fail "the watch ended on a broken file"

# Editors write a temporary file and rename it into place.
rm journeys/kapot.md
wait_runs 4 || exit 1
cp "$work/ws/journeys/ruud-ede-gewenst.md" "journeys/.nieuw.md.swp"
sed 's/^- knelpunt: .*/- knelpunt: WATCHRENAME/' journeys/.nieuw.md.swp >journeys/.tmp.swp
sed 's/^# .*/# Een kopie/' journeys/.tmp.swp >journeys/.nieuw.md.swp
rm journeys/.tmp.swp
mv journeys/.nieuw.md.swp journeys/kopie.md
wait_runs 5 || exit 1
grep -q 'journeys/kopie.md' "$log" && ok || fail "a file renamed into place is not seen"
runs=$(grep -c '] done in \|] the job could not' "$log")
[ "$runs" -eq 5 ] && ok || fail "$runs runs, want 5 (hidden files must not start runs)"

# A file name with terminal escapes is shown escaped in the "changed:"
# line (and everywhere else): no raw control character in the log.
cp journeys/kopie.md "journeys/$(printf 'esc\033[2J\033]0;x\007')".md
wait_runs 6 || exit 1
grep -qF '] changed: journeys/esc\x1B[2J\x1B]0;x\x07.md' "$log" && ok ||
	fail "the changed file with escapes is not named, escaped"
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$log"; then
	fail "a raw control character reached the terminal"
	LC_ALL=C grep -n "$(printf '[\001-\010\013-\037\177]')" "$log" | cat -A | head -5
else
	ok
fi

# Ctrl-C: a clean stop, exit status 0.
kill -INT "$pid"
i=0
while kill -0 "$pid" 2>/dev/null && [ "$i" -lt "$limit" ]; do
	sleep 0.1
	i=$((i + 1))
done
wait "$pid"
st=$?
pid=
[ "$st" -eq 0 ] && ok || { fail "after SIGINT: exit status $st, want 0"; tail -5 "$log"; }
tail -n 1 "$log" | grep -q '] stopped$' && ok || fail "the last line does not say stopped"

echo "watch: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
