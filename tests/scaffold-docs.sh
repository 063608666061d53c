#!/bin/sh
# scaffold-docs.sh - the manual page and the bash completion: groff reads
# docs/keten.1 without a warning; every long option of src/cli.c is in the
# manual page and in the completion; the completion suggests commands,
# options, option values, persona ids and files; `make install` puts the
# program, the manual page and the completion in place, `make uninstall`
# takes them away; `keten --version` names the libraries it runs with, as
# pkg-config knows them on this machine.
# Usage: sh tests/scaffold-docs.sh
set -u
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
passed=0
failed=0
ok() { passed=$((passed + 1)); }
fail() { echo "FAIL docs: $*"; failed=$((failed + 1)); }

# The manual page: no warning from groff (all warnings on).
if groff -man -Tutf8 -ww -z "$root/docs/keten.1" >"$work/groff" 2>&1 && [ ! -s "$work/groff" ]; then
	ok
else
	fail "groff warns about docs/keten.1:"
	sed 's/^/    /' "$work/groff" | head -10
fi
if command -v mandoc >/dev/null 2>&1; then
	mandoc -Tlint -Wwarning "$root/docs/keten.1" >"$work/mandoc" 2>&1 && ok ||
		{ fail "mandoc -Tlint warns:"; sed 's/^/    /' "$work/mandoc" | head -10; }
fi

# Every long option the program knows is documented and completed.
groff -man -Tascii -P-cbou "$root/docs/keten.1" 2>/dev/null >"$work/man.txt"
sed -n '/long_options\[\] = {/,/^};/p' "$root/src/cli.c" |
	sed -n 's/^[[:space:]]*{"\([a-z-]*\)",.*/\1/p' >"$work/options"
[ -s "$work/options" ] && ok || fail "no long options found in src/cli.c"
while read -r opt; do
	grep -q -- "--$opt\\b" "$work/man.txt" && ok ||
		fail "--$opt is not in docs/keten.1"
	grep -q -- "--$opt\\b" "$root/completion/keten.bash" && ok ||
		fail "--$opt is not in completion/keten.bash (add it to the command's options)"
done <"$work/options"
for cmd in $(sed -n 's/^[[:space:]]*{"\([a-z]*\)", cmd_.*/\1/p' "$root/src/cli.c"); do
	grep -q "^_keten_commands=.*\\b$cmd\\b" "$root/completion/keten.bash" && ok ||
		fail "command $cmd is not in completion/keten.bash"
	grep -q "keten $cmd\\b" "$work/man.txt" && ok ||
		fail "command $cmd is not in docs/keten.1"
done

# The completion, called as bash calls it.
mkdir -p "$work/ws/personas" "$work/ws/journeys"
: >"$work/ws/personas/samira.md"
: >"$work/ws/personas/joost.json"
: >"$work/ws/journeys/samira-werk.md"
: >"$work/ws/journeys/notes.txt"
complete_words() { # words... (the last is the one completed)
	(cd "$work/ws" && bash -c '
		. "$0"
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		_keten
		[ "${#COMPREPLY[@]}" -gt 0 ] && printf "%s\n" "${COMPREPLY[@]}" | sort | tr "\n" " "
	' "$root/completion/keten.bash" "$@")
}
expect() { # want, words...
	want=$1
	shift
	got=$(complete_words "$@")
	[ "$got" = "$want" ] && ok || fail "completing '$*': got '$got', want '$want'"
}
expect "chain check " keten ch
expect "export exporteer " keten -q e
expect "rapport regels render report rules " keten r
expect "--output " keten rapport --outp
expect "--lang " keten check --la
expect "en nl " keten check --lang ""
expect "en " keten --lang = e
expect "--fail-on=warning " keten --fail-on=w
expect "journey persona reis " keten new ""
expect "journey persona reis " keten nieuw ""
expect "joost samira " keten new journey "Een reis" --persona ""
expect "--persona " keten new journey X --p
expect "pdf png " keten render -T p
expect "K001,K010 K001,K011 K001,K012 K001,K013 K001,K014 " keten check --disable K001,K01
expect "--disable " keten check --di
expect "--dump " keten chain --du
expect "html json text " keten compare a.md --format ""
expect "json text " keten check --format ""
expect "" keten check --du
expect "--output " keten watch --ou
expect "journeys/samira-werk.md " keten export journeys/
expect "K010 K011 K012 K013 K014 " keten rules K01
expect "journeys " keten -o journeys/ -T svg journeys
expect "" keten new persona ""

# make install and make uninstall, into a staging folder.
if make -s -C "$root" install DESTDIR="$work/stage" PREFIX=/usr >"$work/install" 2>&1; then
	for f in usr/bin/keten usr/share/man/man1/keten.1 \
		usr/share/bash-completion/completions/keten; do
		[ -f "$work/stage/$f" ] && ok || fail "make install did not install /$f"
	done
	make -s -C "$root" uninstall DESTDIR="$work/stage" PREFIX=/usr >>"$work/install" 2>&1
	left=$(find "$work/stage" -type f | wc -l)
	[ "$left" -eq 0 ] && ok || fail "make uninstall left $left files"
else
	fail "make install failed:"
	sed 's/^/    /' "$work/install" | head -10
fi

# --version: keten's own line, then the libraries it runs with.
versions=$("$root/keten" --version --lang en | sed -n '2,4p')
want="libcmark $(pkg-config --modversion libcmark)
cJSON $(pkg-config --modversion libcjson)
Graphviz $(pkg-config --modversion libgvc)"
[ "$versions" = "$want" ] && ok || fail "--version: got '$versions', want '$want'"
"$root/keten" --version | head -1 | grep -q '^keten [0-9]' && ok || fail "--version: no 'keten N' line first"

echo "docs: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
