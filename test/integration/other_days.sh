#!/usr/bin/env bash
# The suites hold on every kind of day, not only on the working day CI happens
# to run on: make installcheck (the regression tests, whose test pgtap runs
# every pgTAP suite, and the isolation specs) runs on a throwaway cluster
# whose clock (libfaketime, started at 10:00 UTC of the day) is set to
#   - the next Saturday and the next Sunday (days off of the weekly pattern),
#   - the next holiday of the KZ calendar that falls on a weekday,
# each chosen from today, so the days move with the calendar.  A fixture that
# counts working days from current_date as if today were one (a deadline five
# working days back from a Saturday is four days late) fails here on any day of
# the week, not only in a weekend's CI run.
#
# The cluster is scripts/cluster.sh NAME other_days on port PGPORT + 5 (or
# IC_DAYS_PORT), destroyed at the end.  libfaketime comes from
# scripts/install-deps.sh (package faketime).  Runs after the build is
# installed (scripts/test.sh, stage 8).
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
work="$repo/.cluster/logs/other_days"
rm -rf "$work"
mkdir -p "$work"
failed=0
ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; failed=$((failed + 1)); }

port=${IC_DAYS_PORT:-$((${PGPORT:-55432} + 5))}
name=other_days
trap 'IC_PORT=$port bash scripts/cluster.sh destroy "$name" >/dev/null 2>&1' EXIT

lib=$(dpkg -L libfaketime 2>/dev/null | grep -m1 '/libfaketime\.so\.1$' || true)
if [ -z "$lib" ] || [ ! -e "$lib" ]; then
	notok "libfaketime is not installed (scripts/install-deps.sh installs the package faketime)"
	exit 1
fi

# The days, read from the calendar of the test cluster (the extension's seeded KZ calendar)
dropdb --if-exists ic_other_days >/dev/null 2>&1
createdb ic_other_days >"$work/days.log" 2>&1
days=$(psql -X -q -At -v ON_ERROR_STOP=1 -d ic_other_days 2>>"$work/days.log" <<'SQL'
SET client_min_messages = error;
CREATE EXTENSION instruction_control;
SELECT d || ' ' || w FROM (
  SELECT current_date + (6 - extract(isodow FROM current_date)::int + 7) % 7 + 7 * (extract(isodow FROM current_date) = 6)::int AS d,
         'Saturday' AS w
  UNION ALL
  SELECT current_date + (7 - extract(isodow FROM current_date)::int + 7) % 7 + 7 * (extract(isodow FROM current_date) = 7)::int,
         'Sunday'
  UNION ALL
  (SELECT c.day, 'holiday, ' || c.name FROM instruction_control.calendar_day c
    WHERE c.calendar = 'KZ' AND c.kind = 'holiday' AND c.day > current_date AND extract(isodow FROM c.day) < 6
    ORDER BY c.day LIMIT 1)) x
ORDER BY d;
SQL
)
dropdb --if-exists ic_other_days >/dev/null 2>&1
if [ "$(wc -l <<<"$days")" -ne 3 ]; then
	notok "the days to run on: $(tr '\n' ' ' <"$work/days.log") $days"
	exit 1
fi

while read -r day what; do
	log="$work/$day"
	IC_PORT=$port bash scripts/cluster.sh destroy "$name" >/dev/null 2>&1
	# the clock starts at 10:00 UTC of the day and runs (a frozen clock would stop
	# statement_timeout and the isolation of now() between transactions)
	if ! LD_PRELOAD="$lib" FAKETIME="@$day 10:00:00" FAKETIME_DONT_FAKE_MONOTONIC=1 IC_PORT=$port IC_CRON_DB=ic_cron \
		bash scripts/cluster.sh start "$name" >"$log.cluster.log" 2>&1; then
		notok "$day ($what): cluster started: $(tail -5 "$log.cluster.log" | tr '\n' ' ')"
		continue
	fi
	(
		eval "$(IC_PORT=$port bash scripts/cluster.sh env "$name")"
		today=$(psql -X -At -d postgres -c 'SELECT current_date' 2>&1)
		if [ "$today" != "$day" ]; then
			notok "$day ($what): the cluster's clock says $today"
			exit 1
		fi
		# (after stages 4 to 6 of scripts/test.sh, which read their results/ and output_iso/ first)
		make -s installcheck >"$log.installcheck" 2>&1
		rc=$?
		cp results/pgtap.tap "$log.tap" 2>/dev/null
		if [ $rc -eq 0 ] && grep -q '^Result: PASS' "$log.tap"; then
			ok "$day ($what): the regression tests, the pgTAP suites and the isolation specs pass" \
			   "($(grep -cE '\.\.\. ok' "$log.installcheck") tests, $(grep -cE '^ *ok [0-9]+' "$log.tap") pgTAP assertions)"
		else
			notok "$day ($what): $(grep -E '\.\.\. FAILED' "$log.installcheck" | tr -s ' ' | tr '\n' ' ')" \
			      "$(grep -E '^(not ok|test/pgtap/.*Wstat)' "$log.tap" 2>/dev/null | head -8 | tr -s ' ' | tr '\n' ' ')(log: ${log#$repo/}.installcheck)"
			exit 1
		fi
	) || failed=$((failed + 1))
	IC_PORT=$port bash scripts/cluster.sh destroy "$name" >/dev/null 2>&1
done <<<"$days"
exit $((failed > 0))
