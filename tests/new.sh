#!/bin/sh
# new.sh - `keten new`: the templates pass `keten check` as written (the one
# finding is the team's example pain point, K013), in Dutch and English;
# an existing file is never overwritten; bad names and persona references
# are refused with a clear message and exit status 2.
# Usage: sh tests/new.sh ./keten     (VALGRIND="valgrind ..." runs keten under it)
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
passed=0
failed=0

ok() { passed=$((passed + 1)); }
fail() { echo "FAIL new: $*"; failed=$((failed + 1)); }

# k ARGS...: runs keten in $work/ws; output in $work/out, status in $st.
k() {
	# shellcheck disable=SC2086
	(cd "$work/ws" && NO_COLOR=1 KETEN_LANG= LANG=C SOURCE_DATE_EPOCH=1767225600 \
		${VALGRIND:-} "$keten" "$@") >"$work/out" 2>"$work/err"
	st=$?
}

expect() { # status, description
	if [ "$st" -eq "$1" ]; then ok; else
		fail "$2: exit status $st, want $1"
		sed 's/^/    /' "$work/out" "$work/err" | head -20
	fi
}

expect_err() { # text, description
	if grep -qF -- "$1" "$work/err"; then ok; else
		fail "$2: standard error lacks '$1'"
		sed 's/^/    /' "$work/err" | head -5
	fi
}

mkdir "$work/ws"

# A first persona in an empty folder: personas/ is made and said so.
k new persona "Samira El Amrani" --lang nl
expect 0 "new persona in an empty folder"
[ "$(head -n 1 "$work/out")" = "personas/samira-el-amrani.md" ] && ok ||
	fail "new persona: first line of output is not the path written"
expect_err "personas/" "new persona: the folder made"
grep -q '^# Samira El Amrani$' "$work/ws/personas/samira-el-amrani.md" && ok ||
	fail "new persona: the name is not the level-1 heading"

k new persona "Joost" --lang en
expect 0 "new persona in English"
grep -q '^- traits: ' "$work/ws/personas/joost.md" && ok ||
	fail "new persona --lang en: English keys expected"

# Personas alone: no finding at all.
k check --lang en personas
expect 0 "check of the new personas"
[ "$(cat "$work/out")" = "0 journeys, 2 personas: 0 errors, 0 friction points (friction score 0)" ] && ok ||
	{ fail "check of the new personas: findings"; sed 's/^/    /' "$work/out"; }

# Journeys for both, in both languages.
k new journey "Samira naar vrijwilligerswerk" --persona samira-el-amrani --lang nl
expect 0 "new journey (nl)"
k new journey "Joost: out of the house" --persona Joost --lang en -q
expect 0 "new journey (en), persona id as a name"
[ "$(cat "$work/out")" = "journeys/joost-out-of-the-house.md" ] && ok ||
	fail "new journey -q: only the path expected"
grep -q '^- persona: joost$' "$work/ws/journeys/joost-out-of-the-house.md" && ok ||
	fail "new journey: the persona id is not filled in"
grep -q '^- datum: 2026-01-01$' "$work/ws/journeys/samira-naar-vrijwilligerswerk.md" && ok ||
	fail "new journey: the date is not SOURCE_DATE_EPOCH's day"
grep -q '@[A-Z]*@' "$work/ws/journeys/"*.md "$work/ws/personas/"*.md &&
	fail "a placeholder was left in a template" || ok

# The whole workspace: only the two example pain points (K013), exit 0.
k check --lang en .
expect 0 "check of the new workspace"
n_findings=$(grep -c ': warning: ' "$work/out")
n_k013=$(grep -c ': warning: .*\[K013 ' "$work/out")
[ "$n_findings" -eq 2 ] && [ "$n_k013" -eq 2 ] && ok ||
	{ fail "check of the new workspace: want exactly two K013 findings"; sed 's/^/    /' "$work/out"; }
grep -q '0 errors' "$work/out" && ok || fail "check of the new workspace: errors"

# Comments are notes: the export has none of them and round-trips.
k export journeys/samira-naar-vrijwilligerswerk.md
expect 0 "export of a new journey"
grep -q 'commentaartekens' "$work/out" && fail "export carries a comment" || ok

# Never overwrite: the file stays as it is, the path is named.
echo "edited by hand" >>"$work/ws/personas/joost.md"
cp "$work/ws/personas/joost.md" "$work/before"
k new persona Joost --lang en
expect 2 "new persona over an existing file"
expect_err "personas/joost.md" "refused overwrite names the path"
cmp -s "$work/before" "$work/ws/personas/joost.md" && ok || fail "an existing persona was changed"
k new journey "Joost: out of the house" --persona joost
expect 2 "new journey over an existing file"
expect_err "journeys/joost-out-of-the-house.md" "refused overwrite names the path"

# A JSON file or a dangling link with the name counts as taken.
echo '{}' >"$work/ws/personas/lot.json"
k new persona Lot
expect 2 "new persona where lot.json exists"
expect_err "personas/lot.json" "the JSON file is named"
ln -s nowhere "$work/ws/journeys/dangling.md"
k new journey Dangling --persona joost
expect 2 "new journey over a dangling link"
[ -L "$work/ws/journeys/dangling.md" ] && ok || fail "the dangling link was replaced"

# A persona id taken by a file of another name.
printf '# Kim\n\n- id: kim-b\n\n## Talenten\n- tekenen\n' >"$work/ws/personas/kim.md"
k new persona "Kim B" --lang en
expect 2 "new persona whose id another file has"
expect_err "personas/kim.md" "the file with the id is named"

# References and names.
k new journey "Reis" --persona samira-el-amrano --lang en
expect 2 "new journey for an unknown persona"
expect_err "did you mean 'samira-el-amrani'?" "a near persona id is suggested"
k new journey "Reis" --lang en
expect 2 "new journey without --persona"
expect_err "needs --persona ID" "--persona is asked for"
k new persona '<script>' --lang en
expect 2 "a name with markup"
k new persona '...' --lang en
expect 2 "a name without letters"
k new thing x --lang en
expect 2 "new with an unknown kind"
k new persona X --persona joost --lang en
expect 2 "--persona with new persona"
ls -A "$work/ws/personas" "$work/ws/journeys" | grep -q '\.tmp$' &&
	fail "a temporary file was left behind" || ok

# A journey in a folder without personas, and work inside personas/.
mkdir "$work/ws/empty"
(cd "$work/ws/empty" && LANG=C KETEN_LANG=en ${VALGRIND:-} "$keten" new journey X --persona a) \
	>"$work/out" 2>"$work/err"
st=$?
expect 2 "new journey without personas/"
expect_err "no personas" "the missing personas are named"
[ -e "$work/ws/empty/journeys" ] && fail "journeys/ made for a refused journey" || ok
(cd "$work/ws/personas" && LANG=C KETEN_LANG=en ${VALGRIND:-} "$keten" new persona Y) \
	>"$work/out" 2>"$work/err"
st=$?
expect 2 "new persona inside personas/"
[ -e "$work/ws/personas/personas" ] && fail "personas/personas made" || ok

echo "new: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
