#!/usr/bin/env bash
# Run libFuzzer targets one after the other (make fuzz calls this).
#
#   FUZZ_RUNS=10000000 FUZZ_OPTS='' bash test/fuzz/run.sh NAME...
#
# NAME is a target without its suffix (term, calendar, ...): test/fuzz/NAME_fuzz
# must be built.  Each runs FUZZ_RUNS executions in one process on its own
# corpus (test/fuzz/NAME_fuzz-corpus/, kept out of git) seeded from
# test/fuzz/seeds/.  A crash, a sanitizer finding or a timeout leaves the
# input in test/fuzz/crashes/ and the log in test/fuzz/logs/; the other
# targets still run, and the script exits 1.  The last lines are a table of
# executions and executions per second per target.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
runs=${FUZZ_RUNS:-10000000}
opts=${FUZZ_OPTS:-}
mkdir -p "$here/crashes" "$here/logs"

declare -a rows=()
failed=0
for name in "$@"; do
	bin="$here/${name}_fuzz"
	corpus="$here/${name}_fuzz-corpus"
	log="$here/logs/${name}.log"
	mkdir -p "$corpus"
	echo "== ${name}_fuzz: $runs runs"
	start=$(date +%s)
	# -timeout: a single input taking a second is a hang; -rss_limit_mb: a leak.
	# shellcheck disable=SC2086
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ASAN_OPTIONS=detect_leaks=1 \
		"$bin" -runs="$runs" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="$here/crashes/${name}-" $opts "$corpus" "$here/seeds" >"$log" 2>&1
	rc=$?
	secs=$(( $(date +%s) - start ))
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
	rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
	units=$(find "$corpus" -type f | wc -l)
	if [ $rc -eq 0 ]; then
		status=ok
	else
		status="FAILED (exit $rc, log test/fuzz/logs/${name}.log)"
		failed=1
		grep -E 'ERROR: |runtime error|SUMMARY|Test unit written' "$log" | head -n 10
	fi
	echo "   ${execs:-?} executions in ${secs}s, ${rate:-?} exec/s, corpus $units: $status"
	rows+=("$(printf '%-22s %12s %10s %8s  %s' "${name}_fuzz" "${execs:-?}" "${rate:-?}" "$units" "$status")")
done

echo
echo "== fuzz summary (executions, exec/s, corpus size)"
printf '%-22s %12s %10s %8s  %s\n' target executions exec/s corpus status
for row in "${rows[@]}"; do echo "$row"; done
exit $failed
