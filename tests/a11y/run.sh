#!/bin/sh
# run.sh - the report is accessible (WCAG 2.2 AA): axe-core on the example and hostile reports, plus landmarks, names of pictures and lang.
#
# Writes four reports: the shipped example workspace in Dutch and with
# --lang en, the hostile workspace of tests/injection.sh
# (tests/outputs_scan.py workspace: hostile text in every field) and that
# of tests/report.sh (tests/report/hostile: markup and scripts). Then
# - tests/a11y/axe.js runs axe-core (WCAG 2.0/2.1/2.2, levels A and AA) on
#   each in Debian's Chromium and measures the contrast of the text in the
#   pictures; any violation fails;
# - each report has one <main>, a <nav> for the contents, no <script>, and
#   every diagram and journey map has a name of its own (the journey's
#   title, not only "Pathway diagram");
# - the checker itself finds the faults of tests/a11y/violations.html;
# - the user's text (taken as Dutch, docs/developers.md) is marked
#   lang="nl" in the English report, and nothing is in the Dutch one.
# Usage: sh tests/a11y/run.sh ./keten TOOLS_DIR (make check-a11y)
set -u
keten=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
tools=$2
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/keten-a11y.XXXXXX")
trap '[ -n "${KEEP:-}" ] || rm -rf "$work"' EXIT INT TERM
failed=0
fail() {
	echo "FAIL a11y: $*"
	failed=$((failed + 1))
}

# main_job DIR OUT [ARGS]: keten's main job in DIR into OUT (status 1:
# findings, not a failure).
main_job() {
	m_dir=$1 m_out=$2
	shift 2
	(cd "$m_dir" && "$keten" "$@" -o "$m_out" . >"$work/said" 2>&1)
	m_status=$?
	[ "$m_status" -le 1 ] && [ -s "$m_out/index.html" ] ||
		{ fail "keten $* in $m_dir: status $m_status, no index.html"; sed 's/^/    /' "$work/said" | head -5; }
}

main_job "$root" "$work/nl" --lang nl
main_job "$root" "$work/en" --lang en
python3 "$root/tests/outputs_scan.py" workspace "$root/tests/injection/strings.tsv" "$work/hostile-ws" ||
	fail "cannot make the hostile workspace"
main_job "$work/hostile-ws" "$work/hostile" --lang nl
main_job "$root/tests/report/hostile" "$work/hostile-report" --lang en

# The structure axe-core does not ask for by name.
for report in nl en hostile hostile-report; do
	page=$work/$report/index.html
	[ -s "$page" ] || continue
	[ "$(grep -c '<main>' "$page")" -eq 1 ] || fail "$report: not exactly one <main>"
	grep -q '<nav aria-labelledby="inhoud">' "$page" || fail "$report: no <nav> for the contents"
	! grep -qi '<script' "$page" || fail "$report: the report holds a script"
	n=$(grep -c '<figure class="diagram[^"]*" aria-label="[^"]*: ' "$page")
	all=$(grep -c '<figure class="diagram' "$page")
	[ "$n" -eq "$all" ] && [ "$n" -gt 0 ] ||
		fail "$report: $n of $all diagrams and maps are named by their journey"
done
grep -q '<h2 lang="nl">' "$work/en/index.html" ||
	fail "en: the journeys' titles are not marked as Dutch"
grep -q '<li lang="nl">' "$work/en/index.html" ||
	fail "en: the persona cards' lists are not marked as Dutch"
! grep -Eq '<(h[1-6]|li|p|span|a|div|blockquote)[^>]* lang="nl"' "$work/nl/index.html" ||
	fail "nl: Dutch text marked as Dutch inside a Dutch report"

node "$here/axe.js" "$tools" "$work/nl/index.html" "$work/en/index.html" "$work/hostile/index.html" \
	"$work/hostile-report/index.html" |
	grep -v '^note' >"$work/axe.txt"
sed "s|$work/||" "$work/axe.txt"
grep -q '^FAIL' "$work/axe.txt" && failed=$((failed + 1))
[ "$(grep -c '^ok a11y' "$work/axe.txt")" -eq 4 ] || failed=$((failed + 1))

# The checker finds faults: a page with four kinds of them fails, each named.
node "$here/axe.js" "$tools" "$here/violations.html" >"$work/bad.txt" &&
	fail "axe.js passes tests/a11y/violations.html"
for rule in color-contrast image-alt landmark-one-main svg-text-contrast; do
	grep -q "^FAIL a11y: .*: $rule" "$work/bad.txt" || fail "axe.js misses $rule in violations.html"
done

if [ "$failed" -gt 0 ]; then
	echo "a11y: $failed failed"
	exit 1
fi
echo "a11y: ok"
