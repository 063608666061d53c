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
	chains) # read only when a journey names it
		mkfifo "$ws/chains/pijp.json"
		sed -i 's|^- persona: noor$|&\n- keten: pijp|' "$ws/journeys/noor-kort.md" ;;
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
mkfifo "$ws/journeys/pijp.md" "$ws/pijp.json"
k export "$ws/journeys/pijp.md" >"$work/log" 2>&1
st=$?
[ "$st" -lt 124 ] && grep -q 'not a regular file' "$work/log" && ok ||
	{ fail "export of a FIFO: status $st"; cat "$work/log"; }
rm "$ws/journeys/pijp.md"
# keten: naming a FIFO.
sed -i 's|^- persona: noor$|&\n- keten: ../pijp.json|' "$ws/journeys/noor-kort.md"
k check "$ws" >"$work/log" 2>&1
st=$?
[ "$st" -lt 124 ] && grep -q 'pijp.json.*not a regular file' "$work/log" && ok ||
	{ fail "keten: naming a FIFO: status $st"; cat "$work/log"; }

# watch with a FIFO: it runs, and one SIGINT stops it.
make_ws "$ws"
mkfifo "$ws/journeys/pijp.md"
cd "$ws" || exit 2
: >"$work/wlog"
NO_COLOR=1 KETEN_LANG=en ${VALGRIND:-} "$keten" watch -o "$work/wout" >>"$work/wlog" 2>&1 &
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
# a run the touch started may finish first: as long as a run may take
# (LIMIT_SECONDS, longer under valgrind)
i=0
while kill -0 "$pid" 2>/dev/null && [ "$i" -lt $((limit * 10)) ]; do
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

# --- 2. links out of the workspace are not read ---

secret=$work/geheim
mkdir -p "$secret"
printf '# Geheim\n\n- id: geheim\n- leeftijd: 40\n- situatie: GEHEIMWACHTWOORD uit een bestand buiten de werkruimte\n' >"$secret/x.md"
cp "$here/../chains/nijmegen.json" "$secret/keten.json" 2>/dev/null ||
	cp "$(dirname "$here")/chains/nijmegen.json" "$secret/keten.json"
sed -i 's/"\(label\|name\|naam\)": "\([^"]*\)"/"\1": "GEHEIMKETEN \2"/' "$secret/keten.json"
ws=$work/links
make_ws "$ws"
ln -s "$secret/x.md" "$ws/personas/x.md"
ln -s "$secret/x.md" "$ws/journeys/x.md"
ln -s "$secret/keten.json" "$ws/chains/x.json"
cp "$ws/personas/noor.md" "$work/noor.md"
ln -s ../personas/noor.md "$ws/journeys/../personas/noor-link.md" # inside: read
cd "$ws" || exit 2
k check >"$work/log" 2>&1
for f in personas/x.md journeys/x.md chains/x.json; do
	grep -q "^[^ ]*$f:1:1: error: a link to a file outside the workspace" "$work/log" && ok ||
		{ fail "check: no diagnostic for the link $f"; cat "$work/log"; }
done
grep -q 'GEHEIM' "$work/log" && fail "check shows the text of a file outside" || ok
grep -q 'personas/noor-link.md.*outside' "$work/log" && fail "a link inside the workspace is refused" || ok
rm -rf "$work/out"
k -o "$work/out" >"$work/log" 2>&1
grep -rq GEHEIM "$work/out" "$work/log" && fail "the main job's output holds the text of a file outside" || ok
grep -q 'personas/x.md' "$work/out/findings.json" && ok || fail "findings.json does not name the refused link"
grep -q 'personas/x.md' "$work/out/index.html" && ok || fail "index.html does not name the refused link"
# watch: the same diagnostic, and nothing of the file outside. The log is
# emptied here, before the watch starts, so that nothing old is seen.
: >"$work/wlog"
NO_COLOR=1 KETEN_LANG=en ${VALGRIND:-} "$keten" watch -o "$work/wout2" >>"$work/wlog" 2>&1 &
pid=$!
i=0
while ! grep -q '] done in \|] the job could not' "$work/wlog" && [ "$i" -lt $((limit * 10)) ]; do
	sleep 0.1
	i=$((i + 1))
done
kill -INT "$pid"
# a run the touch started may finish first: as long as a run may take
# (LIMIT_SECONDS, longer under valgrind)
i=0
while kill -0 "$pid" 2>/dev/null && [ "$i" -lt $((limit * 10)) ]; do
	sleep 0.1
	i=$((i + 1))
done
kill -0 "$pid" 2>/dev/null && { fail "watch with a link out does not stop on SIGINT"; kill -KILL "$pid"; }
wait "$pid" 2>/dev/null
grep -q 'personas/x.md:1:1: error: a link to a file outside the workspace' "$work/wlog" && ok ||
	{ fail "watch: no diagnostic for a link out"; cat "$work/wlog"; }
grep -rq GEHEIM "$work/wlog" "$work/wout2" && fail "watch shows the text of a file outside" || ok
# keten: naming a chain model outside the workspace; allowed when named.
rm personas/x.md journeys/x.md chains/x.json
sed -i "s|^- persona: noor\$|&\n- keten: $secret/keten.json|" journeys/noor-kort.md
k check >"$work/log" 2>&1
grep -q "noor-kort.md:[0-9]*:[0-9]*: error: chain model '$secret/keten.json' lies outside the workspace" "$work/log" && ok ||
	{ fail "keten: outside the workspace: no diagnostic"; cat "$work/log"; }
grep -q GEHEIM "$work/log" && fail "keten: outside the workspace is read" || ok
k check . "$secret/keten.json" >"$work/log" 2>&1
grep -q "lies outside" "$work/log" && fail "keten: named on the command line is refused" || ok
cd "$here" || exit 2

# --- 3. no input is ever overwritten ---

foo=$work/foo
rm -rf "$foo"
mkdir -p "$foo"
cp "$here/golden/render-short/journeys/noor-kort.md" "$foo/findings.md"
k export "$foo/findings.md" >"$foo/findings.json" 2>/dev/null # a journey in JSON
rm "$foo/findings.md"
cp "$here/golden/render-short/personas/noor.md" "$foo/noor.md"
cp "$foo/findings.json" "$work/findings.before"
for cmd in main report render overview; do
	case $cmd in
	main) k "$foo/findings.json" "$foo/noor.md" -o "$foo" >"$work/log" 2>&1 ;;
	*) k "$cmd" "$foo/findings.json" "$foo/noor.md" -o "$foo" >"$work/log" 2>&1 ;;
	esac
	st=$?
	[ "$st" -eq 2 ] && ok || { fail "$cmd -o the folder of an input: status $st, want 2"; cat "$work/log"; }
	grep -q "holds the input file .*findings.json" "$work/log" && ok ||
		{ fail "$cmd -o the folder of an input: no clear message"; cat "$work/log"; }
	cmp -s "$foo/findings.json" "$work/findings.before" && ok || fail "$cmd overwrote the input findings.json"
	[ "$(ls "$foo" | wc -l)" -eq 2 ] && ok || fail "$cmd wrote into the folder of an input: $(ls "$foo")"
done
# The same folder by another name (a link to it).
ln -s "$foo" "$work/foo-link"
k "$foo/findings.json" -o "$work/foo-link" >"$work/log" 2>&1
st=$?
[ "$st" -eq 2 ] && cmp -s "$foo/findings.json" "$work/findings.before" && ok ||
	fail "-o a link to the folder of an input: status $st"
# watch refuses it too, at once.
k watch "$foo/findings.json" "$foo/noor.md" -o "$foo" >"$work/log" 2>&1
st=$?
[ "$st" -eq 2 ] && cmp -s "$foo/findings.json" "$work/findings.before" && ok ||
	{ fail "watch -o the folder of an input: status $st"; cat "$work/log"; }
# --timings onto an input, and onto --chain.
cp "$here/../chains/nijmegen.json" "$work/keten.json" 2>/dev/null ||
	cp "$(dirname "$here")/chains/nijmegen.json" "$work/keten.json"
cp "$work/keten.json" "$work/keten.before"
k render "$foo/findings.json" "$foo/noor.md" -o "$work/rout" --timings "$foo/noor.md" >"$work/log" 2>&1
st=$?
[ "$st" -eq 2 ] && grep -q 'noor.md: this is an input file' "$work/log" && ok ||
	{ fail "--timings onto an input: status $st"; cat "$work/log"; }
k render "$foo/findings.json" "$foo/noor.md" --chain "$work/keten.json" -o "$work/rout" \
	--timings "$work/keten.json" >"$work/log" 2>&1
st=$?
[ "$st" -eq 2 ] && cmp -s "$work/keten.json" "$work/keten.before" && ok ||
	{ fail "--timings onto --chain: status $st"; cat "$work/log"; }
# An output folder elsewhere still works.
k "$foo/findings.json" "$foo/noor.md" -o "$work/elders" >"$work/log" 2>&1
[ -f "$work/elders/findings.json" ] && ok || { fail "-o elsewhere wrote nothing"; cat "$work/log"; }

# --- 4. partial .tmp files do not outlive a run ---

no_temp_files() { # folder
	[ -z "$(find "$1" -name '.*.tmp' 2>/dev/null)" ]
}
ws=$work/tmpws
make_ws "$ws"
# A run killed while it writes (a file larger than `ulimit -f` ends it
# with SIGXFSZ, at once and every time): no partial file is left.
for cmd in main render; do
	[ -n "${VALGRIND:-}" ] && break # valgrind's own log would meet the limit
	rm -rf "$work/tout"
	mkdir "$work/tout"
	(
		ulimit -f 4
		case $cmd in
		main) k "$ws" -o "$work/tout" ;;
		render) k render "$ws" -o "$work/tout" ;;
		esac
	) >"$work/log" 2>&1
	no_temp_files "$work/tout" && ok ||
		{ fail "$cmd killed while writing leaves $(find "$work/tout" -name '.*.tmp')"; cat "$work/log"; }
done
# A slow render (many long journeys, one worker) killed by SIGTERM at
# several moments: never a partial file.
big=$work/bigws
make_ws "$big"
for n in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do
	sed "s/^# .*/# Mira $n/; s/^- id: .*/- id: mira-$n/" "$big/journeys/mira-lange-weg.md" >"$big/journeys/mira-$n.md"
done
for delay in 0.3 0.6 0.9 1.2 1.5; do
	rm -rf "$work/tout"
	NO_COLOR=1 KETEN_LANG=en ${VALGRIND:-} "$keten" render "$big" -j1 --format png -o "$work/tout" >"$work/log" 2>&1 &
	pid=$!
	sleep "$delay"
	kill -TERM "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	sleep 0.3 # the worker sees its pipe close and ends
	no_temp_files "$work/tout" && ok ||
		fail "render killed by SIGTERM after ${delay}s leaves $(find "$work/tout" -name '.*.tmp')"
done
# What an earlier run left behind is removed by the next one; other
# files, and the temporary files of a run still going on, are not.
rm -rf "$work/tout"
mkdir "$work/tout"
: >"$work/tout/.noor-kort.svg.4194305.0.tmp"
: >"$work/tout/.index.html.$$.3.tmp" # this shell is alive
: >"$work/tout/.eigen.tmp"
: >"$work/tout/notities.123.0.tmp"
touch -d '1 hour ago' "$work/tout/"*.tmp "$work/tout/".*.tmp
k "$ws" -o "$work/tout" >"$work/log" 2>&1
[ ! -e "$work/tout/.noor-kort.svg.4194305.0.tmp" ] && ok || fail "a stale temporary file is not removed"
[ -e "$work/tout/.index.html.$$.3.tmp" ] && ok || fail "the temporary file of a live process is removed"
[ -e "$work/tout/.eigen.tmp" ] && [ -e "$work/tout/notities.123.0.tmp" ] && ok ||
	fail "a file not of ours is removed"

# --- 5. a journey called overview, index or findings ---

ws=$work/names
make_ws "$ws"
for id in overview index findings; do
	sed "s/^- persona: noor$/- id: $id\n&/; s/^# .*/# Noor als $id/" \
		"$ws/journeys/noor-kort.md" >"$ws/journeys/$id.md"
done
rm -rf "$work/nout"
k "$ws" -o "$work/nout" >"$work/log" 2>&1
for id in overview index findings; do
	[ -f "$work/nout/journey_$id.svg" ] && ok || { fail "no journey_$id.svg"; ls "$work/nout"; }
done
grep -q 'class="graph overview"' "$work/nout/overview.svg" && ok || fail "overview.svg is not the chain overview"
grep -q 'Noor als overview' "$work/nout/overview.svg" && fail "the journey overwrote overview.svg" || ok
python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/nout/findings.json" && ok ||
	fail "findings.json is not the findings"
grep -q 'Noor als overview' "$work/nout/index.html" && ok || fail "index.html lacks the journey called overview"
rm -rf "$work/nout"
k render "$ws" -o "$work/nout" >"$work/log" 2>&1
[ -f "$work/nout/journey_overview.svg" ] && [ ! -e "$work/nout/overview.svg" ] && ok ||
	{ fail "render: the journey called overview is not journey_overview.svg"; ls "$work/nout"; }

# --- 6. keten new gives the real reason ---

mkdir -p "$work/new"
cd "$work/new" || exit 2
long=$(printf '%0300d' 0 | tr 0 a)
for round in 1 2; do # without personas/, then with it
	k new persona "$long" >"$work/log" 2>&1
	st=$?
	[ "$st" -eq 2 ] && grep -q 'cannot create the file: the name is too long' "$work/log" &&
		! grep -q 'exists already' "$work/log" && ok ||
		{ fail "new with a name too long (round $round): status $st"; cat "$work/log"; }
done
NO_COLOR=1 KETEN_LANG=nl timeout "$limit" ${VALGRIND:-} "$keten" new persona "$long" >"$work/log" 2>&1
grep -q 'kan het bestand niet maken: de naam is te lang' "$work/log" && ok ||
	{ fail "new with a name too long: no Dutch reason"; cat "$work/log"; }
k new persona Sam >"$work/log" 2>&1 && k new persona Sam >"$work/log" 2>&1
grep -q 'exists already' "$work/log" && ok || fail "new on an existing file: not 'exists already'"
cd "$here" || exit 2

echo "hardening: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
