#!/bin/sh
# run.sh - runs each fuzz harness for a while with libFuzzer and fails on
# the first crash, hang, leak or sanitizer report. The corpus each run
# grows is kept in <work>/corpus/<harness>; the seeds (fuzz/seeds.sh) and
# the regression corpus fuzz/regress/<harness> are read too. What a run
# finds is written to <work>/artifacts/<harness>/, its log to
# <work>/logs/<harness>.log; the last line of each log (executions per
# second, coverage) is printed at the end.
# Usage: sh fuzz/run.sh <work> <seconds> <max-len> <timeout> harness...
set -eu
work=$1 seconds=$2 max_len=$3 timeout=$4
shift 4
summary=""
for harness in "$@"; do
	case $harness in
	persona_md | journey_md | dot_graph) dict=fuzz/markdown.dict ;;
	*) dict=fuzz/json.dict ;;
	esac
	# Graphviz keeps memory on every render, so libFuzzer's leak check
	# after each input would scan the whole heap every time (1 exec/s);
	# dot_graph leaves leaks to LeakSanitizer at the end of the run.
	leaks=1
	[ "$harness" = dot_graph ] && leaks=0
	mkdir -p "$work/corpus/$harness" "$work/artifacts/$harness" "$work/logs" \
		"fuzz/regress/$harness"
	log="$work/logs/$harness.log"
	echo "fuzz: $harness for ${seconds}s (log: $log)"
	# Graphviz and the font libraries keep memory for good (tests/lsan.supp).
	if ! LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
		"$work/fuzz-$harness" -max_total_time="$seconds" -max_len="$max_len" \
		-timeout="$timeout" -rss_limit_mb=2048 -dict="$dict" -detect_leaks="$leaks" \
		-print_final_stats=1 -artifact_prefix="$work/artifacts/$harness/" \
		"$work/corpus/$harness" "$work/seeds/$harness" "fuzz/regress/$harness" \
		>"$log" 2>&1; then
		tail -n 60 "$log"
		echo "fuzz: $harness FAILED; the input is in $work/artifacts/$harness/"
		echo "fuzz: fix it and add the input to fuzz/regress/$harness/"
		exit 1
	fi
	done_line=$(grep -E '^#[0-9]+[[:space:]]+DONE' "$log" | tail -n 1)
	rate=$(grep -E '^stat::average_exec_per_sec' "$log" | sed 's/.*:[[:space:]]*//')
	summary="$summary$harness: $done_line, $rate exec/s
"
done
printf '%s' "$summary"
