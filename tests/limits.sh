#!/bin/sh
# limits.sh - S009: input beyond each limit (file size, stages, touchpoints,
# text length, nesting depth; Markdown and JSON) ends quickly, with an S009
# finding that names the limit and the option that raises it, in keten
# check (text and JSON) and keten export (keten render draws nothing for
# it, as quickly); raising the limit with the option
# lets the same input through. Includes a 50 MB file and a journey of a
# million stages. Each run must end within LIMIT_SECONDS (default 5) and,
# when /usr/bin/time is there, stay under MAX_RSS_KB (default 1 GiB).
# Markdown files of 8 MiB full of marks, just within the marks limit, must
# stay under FILE_RSS_KB (default 256 MiB, or MAX_RSS_KB when that is set),
# the bound docs/formats.md states; the largest journey within the
# touchpoint limits must render within twice LIMIT_SECONDS.
# Usage: sh tests/limits.sh ./keten
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
limit_seconds=${LIMIT_SECONDS:-5}
max_rss_kb=${MAX_RSS_KB:-1048576}
file_rss_kb=${FILE_RSS_KB:-${MAX_RSS_KB:-262144}}
work=$(mktemp -d "${TMPDIR:-/tmp}/keten-limits.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
passed=0
failed=0

fail() {
	echo "FAIL limits: $*"
	failed=$((failed + 1))
}

now_ms() {
	date +%s%N | awk '{ printf "%d\n", $1 / 1000000 }'
}

# run NAME STATUS COMMAND...: runs keten COMMAND... in $work/ws with output
# in $work/out, checks the exit status, the time and the memory.
run() {
	r_name=$1 want=$2
	shift 2
	start=$(now_ms)
	if [ -x /usr/bin/time ]; then
		(cd "$work/ws" && /usr/bin/time -f '%M' -o "$work/rss" \
			"$keten" "$@") >"$work/out" 2>&1
		status=$?
	else
		(cd "$work/ws" && "$keten" "$@") >"$work/out" 2>&1
		status=$?
		echo 0 >"$work/rss"
	fi
	took=$(($(now_ms) - start))
	ok=true
	if [ "$status" -ne "$want" ]; then
		fail "$r_name: exit status $status, expected $want"
		ok=false
	fi
	if [ "$took" -gt $((limit_seconds * 1000)) ]; then
		fail "$r_name: took ${took} ms, more than ${limit_seconds} s"
		ok=false
	fi
	rss=$(tail -n 1 "$work/rss")
	if [ "${rss:-0}" -gt "$max_rss_kb" ] 2>/dev/null; then
		fail "$r_name: used ${rss} KiB, more than ${max_rss_kb} KiB"
		ok=false
	fi
	if $ok; then
		passed=$((passed + 1))
	else
		sed 's/^/    /' "$work/out" | head -8
	fi
}

# expect NAME TEXT...: each TEXT is in the output of the last run.
expect() {
	e_name=$1
	shift
	for text in "$@"; do
		if grep -qF -- "$text" "$work/out"; then
			passed=$((passed + 1))
		else
			fail "$e_name: '$text' not in the output"
			sed 's/^/    /' "$work/out" | head -8
		fi
	done
}

# refuse NAME FILE OPTION TEXT: FILE (in the workspace) beyond a limit
# gives S009 naming TEXT and OPTION in check (text, English and Dutch, and
# JSON) and in export.
refuse() {
	name=$1 file=$2 option=$3 text=$4
	run "$name: check" 1 check --lang en .
	expect "$name: check" "$file" "S009 too-large" "$text" "$option"
	run "$name: check --lang nl" 1 check --lang nl .
	expect "$name: check --lang nl" "S009 te-groot" "$option"
	run "$name: check --format json" 1 check --format json .
	expect "$name: check --format json" '"code": "S009"' "$option"
	run "$name: export" 1 export --lang en "$file"
	expect "$name: export" "S009" "$option"
	# render draws nothing for it and ends as quickly.
	rm -rf "$work/drawn"
	run "$name: render" 1 render --lang en -T dot -j 1 -o "$work/drawn" .
	expect "$name: render" "0 diagrams written"
}

# workspace: one persona, the file under test, nothing else.
fresh() {
	rm -rf "$work/ws"
	mkdir -p "$work/ws/personas" "$work/ws/journeys"
	printf '# Xandra\n\n- id: x\n- positie: thuis\n\n## Talenten\n- koken\n' \
		>"$work/ws/personas/x.md"
}

journey_head='# Een reis\n\n- persona: x\n\n'
stage='## Thuis\n- positie: thuis\n\n'

# File size: 50 MB of Markdown and of JSON.
fresh
awk 'BEGIN { printf "# Groot\n\n- persona: x\n\n## Thuis\n- positie: thuis\n\n";
	line = "- notitie: een regel met wat tekst erbij, steeds dezelfde\n";
	for (n = 0; n < 52428800; n += length(line)) printf "%s", line }' \
	>"$work/ws/journeys/groot.md"
refuse "50 MB Markdown" journeys/groot.md --max-file-size "more than the limit of 8388608 bytes"
rm "$work/ws/journeys/groot.md"
awk 'BEGIN { printf "{\"format\": \"keten/1\", \"persona\": {\"id\": \"groot\", \"name\": \"G\", \"notes\": [";
	for (n = 0; n < 52428800; n += 40) printf "\"een notitie met wat tekst erbij......\",";
	printf "\"x\"]}}\n" }' >"$work/ws/personas/groot.json"
refuse "50 MB JSON" personas/groot.json --max-file-size "more than the limit of 8388608 bytes"

# Stages: a million, in Markdown and in JSON (an empty object each: 3 MB).
fresh
{
	printf "$journey_head"
	awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "## e\n" }'
} >"$work/ws/journeys/miljoen.md"
# (in Markdown the marks limit comes first: a million line ends)
refuse "a million stages, Markdown" journeys/miljoen.md --max-marks "100000 Markdown marks"
rm "$work/ws/journeys/miljoen.md"
{
	printf '{"format": "keten/1", "journey": {"id": "miljoen", "title": "M", "persona": "x", "stages": ['
	awk 'BEGIN { for (i = 1; i < 1000000; i++) printf "{},"; printf "{}]}}\n" }'
} >"$work/ws/journeys/miljoen.json"
refuse "a million stages, JSON" journeys/miljoen.json --max-stages "more than 1000 stages"

# Stages: 1001, refused; let through with --max-stages 1001.
fresh
{
	printf "$journey_head"
	awk 'BEGIN { for (i = 0; i < 1001; i++) printf "## Thuis %d\n- positie: thuis\n\n", i }'
} >"$work/ws/journeys/veel.md"
refuse "1001 stages" journeys/veel.md --max-stages "more than 1000 stages"
run "1001 stages, --max-stages 1001" 0 check --lang en --max-stages 1001 --disable K006,K007,K008 -q .
if grep -q S009 "$work/out"; then fail "1001 stages, --max-stages 1001: still S009"; fi

# Touchpoints: 201 in one stage, Markdown and JSON.
fresh
{
	printf "$journey_head$stage### Contactmomenten\n"
	awk 'BEGIN { for (i = 0; i < 201; i++) printf "- gesprek: gesprek %d\n", i }'
} >"$work/ws/journeys/druk.md"
refuse "201 touchpoints, Markdown" journeys/druk.md --max-touchpoints "more than 200 touchpoints"
run "201 touchpoints, --max-touchpoints 201" 0 check --lang en --max-touchpoints 201 -q .
if grep -q S009 "$work/out"; then fail "201 touchpoints, --max-touchpoints 201: still S009"; fi
rm "$work/ws/journeys/druk.md"
{
	printf '{"format": "keten/1", "journey": {"id": "druk", "title": "D", "persona": "x", "stages": [{"title": "Thuis", "position": "thuis", "touchpoints": ['
	awk 'BEGIN { for (i = 1; i < 201; i++) printf "{\"kind\": \"conversation\", \"title\": \"g %d\"},", i;
		printf "{\"kind\": \"conversation\", \"title\": \"g\"}]}]}}\n" }'
} >"$work/ws/journeys/druk.json"
refuse "201 touchpoints, JSON" journeys/druk.json --max-touchpoints "more than 200 touchpoints"

# Text: a value of 20,001 characters, Markdown and JSON; also a word that long.
fresh
{
	printf "$journey_head$stage### Contactmomenten\n- brief: "
	awk 'BEGIN { for (i = 0; i < 2000; i++) printf "tien tekens"; printf "x\n" }'
} >"$work/ws/journeys/lang.md"
refuse "a text of 20,001 characters, Markdown" journeys/lang.md --max-text "20000"
run "a long text, --max-text 30000" 0 check --lang en --max-text 30000 --disable K001,K010 -q .
if grep -q S009 "$work/out"; then fail "a long text, --max-text 30000: still S009"; fi
rm "$work/ws/journeys/lang.md"
{
	printf '{"format": "keten/1", "journey": {"id": "lang", "title": "'
	awk 'BEGIN { for (i = 0; i < 20001; i++) printf "w" }'
	printf '", "persona": "x", "stages": [{"title": "Thuis", "position": "thuis"}]}}\n'
} >"$work/ws/journeys/lang.json"
refuse "a word of 20,001 characters, JSON" journeys/lang.json --max-text "20000"

# Nesting depth: JSON arrays and objects 100,000 deep, Markdown lists and
# quotes; let through at depth 64 and refused at 65 with --max-depth.
fresh
awk 'BEGIN { printf "{\"format\": \"keten/1\", \"journey\": {\"x\": ";
	for (i = 0; i < 100000; i++) printf "[";
	for (i = 0; i < 100000; i++) printf "]"; printf "}}\n" }' >"$work/ws/journeys/diep.json"
refuse "JSON arrays 100,000 deep" journeys/diep.json --max-depth "64 levels"
rm "$work/ws/journeys/diep.json"
awk 'BEGIN { printf "{\"format\": \"keten/1\", \"journey\": ";
	for (i = 0; i < 100000; i++) printf "{\"a\": ";
	printf "1"; for (i = 0; i < 100000; i++) printf "}"; printf "}\n" }' >"$work/ws/journeys/diep.json"
refuse "JSON objects 100,000 deep" journeys/diep.json --max-depth "64 levels"
rm "$work/ws/journeys/diep.json"
{
	printf "$journey_head$stage"
	awk 'BEGIN { s = ""; for (i = 0; i < 1000; i++) { printf "%s- niveau %d\n", s, i; s = s "  " } }'
} >"$work/ws/journeys/lijsten.md"
refuse "Markdown lists 1,000 deep" journeys/lijsten.md --max-depth "64 levels"
rm "$work/ws/journeys/lijsten.md"
{
	printf "$journey_head$stage"
	awk 'BEGIN { for (i = 0; i < 200000; i++) printf ">"; printf " citaat\n" }'
} >"$work/ws/journeys/citaten.md"
refuse "Markdown quotes 200,000 deep" journeys/citaten.md --max-depth "64 levels"
rm "$work/ws/journeys/citaten.md"
# 64 levels of JSON (the document's own object is the first) pass; 65 do not.
nested() { # depth
	awk -v d="$1" 'BEGIN { printf "{\"format\": \"keten/1\", \"persona\": {\"id\": \"d\", \"name\": \"D\", \"x\": ";
		for (i = 2; i < d; i++) printf "[";
		printf "1"; for (i = 2; i < d; i++) printf "]"; printf "}}\n" }'
}
nested 64 >"$work/ws/personas/d.json"
run "JSON 64 deep" 0 check --lang en .
if grep -q S009 "$work/out"; then fail "JSON 64 deep: S009 at the limit"; sed 's/^/    /' "$work/out" | head -4; fi
nested 65 >"$work/ws/personas/d.json"
run "JSON 65 deep" 1 check --lang en .
expect "JSON 65 deep" "S009" "--max-depth"
run "JSON 65 deep, --max-depth 65" 0 check --lang en --max-depth 65 .
if grep -q S009 "$work/out"; then fail "JSON 65 deep, --max-depth 65: still S009"; fi

# Marks: 7 MB of `*_` (1.9 GB in cmark without the limit) is refused; a
# file of 100,000 `*_` marks in paragraphs (and 200-odd line ends) is
# refused and let through with --max-marks.
fresh
{
	printf "$journey_head$stage"
	awk 'BEGIN { for (i = 0; i < 3500000; i++) printf "*_"; printf "\n" }'
} >"$work/ws/journeys/sterren.md"
refuse "7 MB of *_" journeys/sterren.md --max-marks "100000 Markdown marks"
{
	printf "$journey_head$stage"
	awk 'BEGIN { for (p = 0; p < 100; p++) { for (i = 0; i < 500; i++) printf "*_"; printf "\n\n" } }'
} >"$work/ws/journeys/sterren.md"
run "100,001 marks" 1 check --lang en .
expect "100,001 marks" "S009" "--max-marks"
run "100,001 marks, --max-marks 100300" 0 check --lang en --max-marks 100300 --max-text 200000 --disable K001,K010 -q .
if grep -q S009 "$work/out"; then fail "100,001 marks, --max-marks 100300: still S009"; fi

# The worst Markdown within the limits: 8 MiB, with 99,000 marks of one
# kind first and plain words after; check and the main job each stay
# under FILE_RSS_KB.
full_of() { # NAME UNIT MARKS-PER-UNIT
	{
		printf "$journey_head$stage"
		awk -v u="$2" -v n=$((99000 / $3)) 'BEGIN { for (i = 0; i < n; i++) printf "%s", u; printf "\n\n" }'
	} >"$work/ws/journeys/$1.md"
	have=$(wc -c <"$work/ws/journeys/$1.md")
	awk -v n=$((8388608 - have)) 'BEGIN { line = "woorden zonder tekens erin ";
		while (length(line) < 8000) line = line line;
		while (n > length(line) + 1) { printf "%s\n", line; n -= length(line) + 1 }
		while (n-- > 1) printf "a"; printf "\n" }' >>"$work/ws/journeys/$1.md"
}
saved_rss_kb=$max_rss_kb
max_rss_kb=$file_rss_kb
for shape in 'nadruk|*a* |2' 'sterren|*_|2' 'haken|[|1' 'links|[a](b) |2' \
	'entiteiten|&amp; |1' 'punthaken|<a|1' 'regels|a\n|1' 'lijst|- a\n|2' \
	'kopjes|### a\n|1' 'citaten|> a\n\n|3' 'diep|- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - a\n|31'; do
	name=${shape%%|*} rest=${shape#*|}
	fresh
	full_of "$name" "${rest%|*}" "${rest##*|}"
	run "8 MiB of marks ($name): check" 1 check --format json .
	rm -rf "$work/drawn"
	run "8 MiB of marks ($name): main job" 1 -o "$work/drawn" -j 1 .
done
max_rss_kb=$saved_rss_kb

# Touchpoints in one journey: the largest diagram within the limits
# (1000 stages of 10 touchpoints; 50 stages of 200 as PNG) renders within
# twice LIMIT_SECONDS; 10,001 are refused, and let through with the option.
big_journey() { # STAGES TOUCHPOINTS
	printf "$journey_head"
	awk -v s="$1" -v t="$2" 'BEGIN {
		split("thuis arbeidsmatige-dagbesteding werk-met-ondersteuning betaald-werk", pos, " ");
		split("gesprek brief e-mail beschikking overdracht proefplaatsing inkomenscheck", k, " ");
		for (i = 0; i < s; i++) {
			printf "## Etappe %d\n- positie: %s\n- actor: jobcoach %d, werkgever\n- emotie: %d\n- knelpunt: probleem %d\n", i, pos[i % 4 + 1], i % 7, i % 5 - 2, i;
			for (j = 0; j < t; j++) printf "- %s: contactmoment %d in etappe %d met wat tekst erbij\n", k[j % 7 + 1], j, i;
			printf "\n" } }'
}
saved_seconds=$limit_seconds
limit_seconds=$((2 * limit_seconds))
fresh
big_journey 1000 10 >"$work/ws/journeys/groot.md"
rm -rf "$work/drawn"
run "1000 x 10 touchpoints: render SVG" 0 render --lang en -T svg -j 1 -o "$work/drawn" .
expect "1000 x 10 touchpoints: render SVG" "1 diagram written"
fresh
big_journey 50 200 >"$work/ws/journeys/groot.md"
rm -rf "$work/drawn"
run "50 x 200 touchpoints: render PNG" 0 render --lang en -T png -j 1 -o "$work/drawn" .
expect "50 x 200 touchpoints: render PNG" "1 diagram written"
limit_seconds=$saved_seconds
fresh
{
	big_journey 1000 10
	printf -- '- gesprek: de laatste\n'
} >"$work/ws/journeys/groot.md"
refuse "10,001 touchpoints in one journey" journeys/groot.md --max-journey-touchpoints "more than 10000 touchpoints in one journey"
run "10,001 touchpoints, --max-journey-touchpoints 10001" 0 check --lang en --max-journey-touchpoints 10001 -q .
if grep -q S009 "$work/out"; then fail "10,001 touchpoints, --max-journey-touchpoints 10001: still S009"; fi

echo "limits: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
