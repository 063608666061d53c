#!/bin/sh
# run.sh - the golden tests: each folder under tests/golden/ is a case with
# input files and a file `args` whose lines read
#     <expected-file> <exit-status> <arguments to keten...>
# Each line runs keten (in a copy of the case folder, after its optional
# setup.sh) and compares standard output and standard error, together,
# with <expected-file>, and the exit status with <exit-status>.
# Usage: sh tests/golden/run.sh ./keten [case...]
# A case may also have a file `files` whose lines read
#     <expected-file> <path written by the runs above>
# to compare files keten wrote (pathway diagrams, say) after its args.
# The runs see LANG=C and no KETEN_LANG, LC_ALL, LC_MESSAGES or LANGUAGE
# (keten then speaks Dutch); a line
# may begin with NAME=value words, set for that run only:
#     en.txt 0 LANG=en_GB.UTF-8 check .
# A file `stdin` in the case folder is each run's standard input (else
# /dev/null).
# UPDATE=1 rewrites the expected files instead of comparing them.
# VALGRIND="valgrind ..." runs keten under it.
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
passed=0
failed=0

run_line() { # case-name, expected-file, status, args...
	name=$1 expected=$2 want=$3
	shift 3
	out="$work/out"
	envs=""
	while :; do
		case "${1:-}" in
		[A-Z_]*=*) envs="$envs $1"; shift ;;
		*) break ;;
		esac
	done
	input=/dev/null
	[ -f "$work/$name/stdin" ] && input="$work/$name/stdin"
	# shellcheck disable=SC2086
	(cd "$work/$name" && env -u LC_ALL -u LC_MESSAGES -u LANGUAGE NO_COLOR=1 KETEN_LANG= LANG=C $envs timeout 60 ${VALGRIND:-} "$keten" "$@") \
		<"$input" >"$out" 2>&1
	got=$?
	if [ "${UPDATE:-}" = 1 ]; then
		cp "$out" "$here/$name/$expected"
	fi
	if [ "$got" -ne "$want" ]; then
		echo "FAIL $name: keten $*: exit status $got, want $want"
		sed 's/^/    /' "$out" | head -20
		failed=$((failed + 1))
	elif ! cmp -s "$out" "$here/$name/$expected"; then
		echo "FAIL $name: keten $*: output differs from $expected"
		diff -u "$here/$name/$expected" "$out" | head -40
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
}

check_file() { # case-name, expected-file, written-file
	name=$1 expected=$2 written="$work/$1/$3"
	if [ "${UPDATE:-}" = 1 ] && [ -f "$written" ]; then
		cp "$written" "$here/$name/$expected"
	fi
	if [ ! -f "$written" ]; then
		echo "FAIL $name: $3 was not written"
		failed=$((failed + 1))
	elif ! cmp -s "$written" "$here/$name/$expected"; then
		echo "FAIL $name: $3 differs from $expected"
		diff -u "$here/$name/$expected" "$written" | head -40
		failed=$((failed + 1))
	else
		passed=$((passed + 1))
	fi
}

run_case() {
	name=$1
	rm -rf "${work:?}/$name"
	cp -R "$here/$name" "$work/$name"
	if [ -f "$work/$name/setup.sh" ]; then
		(cd "$work/$name" && KETEN="$keten" sh ./setup.sh) || {
			echo "FAIL $name: setup.sh failed"
			failed=$((failed + 1))
			return
		}
	fi
	while read -r expected want args; do
		case "$expected" in '' | '#'*) continue ;; esac
		# shellcheck disable=SC2086
		run_line "$name" "$expected" "$want" $args
	done <"$here/$name/args"
	[ -f "$here/$name/files" ] || return 0
	while read -r expected written; do
		case "$expected" in '' | '#'*) continue ;; esac
		check_file "$name" "$expected" "$written"
	done <"$here/$name/files"
}

if [ $# -gt 0 ]; then
	cases=$*
else
	cases=$(cd "$here" && for d in */; do [ -f "$d/args" ] && echo "${d%/}"; done)
fi
for c in $cases; do
	run_case "$c"
done
echo "golden: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
