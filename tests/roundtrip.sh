#!/bin/sh
# roundtrip.sh - `keten export` loses nothing: for every persona and journey
# given (files or folders), md -> json -> md -> json (and json -> md -> json
# -> md -> json) gives the same JSON, with Dutch and with English keys.
# With --exact, a JSON file must come back the same already after its first
# trip (for files in the form keten writes; hand-made JSON may hold what
# has no Markdown spelling, docs/formats.md section 9). Also
# `keten chain --dump` is accepted unchanged by --chain.
# Usage: sh tests/roundtrip.sh [--exact] ./keten PATH...
set -u
exact=
if [ "${1:-}" = --exact ]; then
	exact=1
	shift
fi
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
passed=0
failed=0
refused=0

fail() {
	echo "FAIL $*"
	failed=$((failed + 1))
}

# export FILE KIND EXT: writes the other form of FILE to $work/<n>/KIND/base.EXT
step=0
export_to() {
	step=$((step + 1))
	mkdir -p "$work/$step/$2"
	out="$work/$step/$2/$base.$3"
	${VALGRIND:-} "$keten" export --lang "$lang" "$1" >"$out" 2>"$work/err" || {
		# Personal data (K012) is an error: such a file is not exported,
		# and nothing of it may be printed.
		if [ "$step" -eq "$first_step" ] && [ ! -s "$out" ] && grep -q 'K012' "$work/err"; then
			refused=$((refused + 1))
			return 1
		fi
		fail "$file ($lang): keten export $1"
		sed 's/^/    /' "$work/err" | head -10
		return 1
	}
}

round_trip() { # file kind
	file=$1 kind=$2
	first_step=$((step + 1))
	base=$(basename "$file" | sed 's/\.[a-z]*$//')
	case "$file" in
	*.md)
		export_to "$file" "$kind" json && j1=$out &&
			export_to "$j1" "$kind" md && export_to "$out" "$kind" json || return
		j2=$out
		;;
	*.json)
		export_to "$file" "$kind" md && export_to "$out" "$kind" json && j1=$out &&
			export_to "$j1" "$kind" md && export_to "$out" "$kind" json || return
		j2=$out
		# Already the first trip gives the same document back.
		if [ -z "$exact" ]; then
			:
		elif python3 -c 'import json, sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' \
			"$file" "$j1"; then
			passed=$((passed + 1))
		else
			fail "$file ($lang): the JSON changed on the way to Markdown and back"
			diff -u "$file" "$j1" | head -20
		fi
		;;
	esac
	if cmp -s "$j1" "$j2"; then
		passed=$((passed + 1))
	else
		fail "$file ($lang): the JSON changed on the way round"
		diff -u "$j1" "$j2" | head -20
	fi
}

for path in "$@"; do
	for file in $(find "$path" -name '*.md' -o -name '*.json' | sort); do
		case "$file" in
		personas/* | */personas/*) kind=personas ;;
		journeys/* | */journeys/*) kind=journeys ;;
		*) continue ;;
		esac
		for lang in nl en; do
			round_trip "$file" "$kind"
		done
	done
done

"$keten" chain --dump >"$work/dump.json"
if "$keten" chain --chain "$work/dump.json" --dump | cmp -s - "$work/dump.json"; then
	passed=$((passed + 1))
else
	fail "keten chain --dump is not accepted unchanged by --chain"
fi

echo "roundtrip: $passed passed, $failed failed ($refused refused for personal data)"
[ "$failed" -eq 0 ]
