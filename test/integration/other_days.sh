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
# Each day runs whole (start the cluster, make installcheck, destroy it) under
# the faketime wrapper, never under a bare LD_PRELOAD of libfaketime; only the
# server keeps the day's clock, the clients run with the real one.  The
# library shares its clock through a semaphore named after the first
# preloaded process (/dev/shm/sem.faketime_sem_PID) and unlinks it when that
# process, or any fork of it, exits: a bash subshell of a preloaded bash
# removed it while the cluster still ran, every program started afterwards
# tried to make its own under its own pid, and one whose pid had a stale
# semaphore left by a dead process exited at start ("sem_open failed and
# recreation attempts failed").  The wrapper makes the semaphore itself,
# outside the preloaded tree, hands its name to every process and removes it
# only after the last of them has exited; given to the server's user (the
# cluster runs as postgres when the tests run as root), it is the one
# semaphore of the day, and no process of the day creates or removes one.
# Stale semaphores of dead processes are removed before each day (the wrapper
# names its own after its pid too).
#
# The cluster is scripts/cluster.sh NAME other_days on port PGPORT + 5 (or
# IC_DAYS_PORT), destroyed at the end.  faketime comes from
# scripts/install-deps.sh (package faketime).  Runs after the build is
# installed (scripts/test.sh, stage 8).
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
work="$repo/.cluster/logs/other_days"
ok() { echo "ok - $*"; }
notok() { echo "not ok - $*"; }
port=${IC_DAYS_PORT:-$((${PGPORT:-55432} + 5))}
name=other_days
destroy_cluster() { IC_PORT=$port bash scripts/cluster.sh destroy "$name" >/dev/null 2>&1; }

# One day, run by the faketime wrapper below: $0 --one-day DAY WHAT
if [ "${1:-}" = --one-day ]; then
	day=$2 what=$3
	log="$work/$day"
	: >"$log.ran"
	# the wrapper made its semaphore and shared memory readable by its own user
	# only; the server's user (postgres, when run as root) joins them too,
	# instead of making its own
	if [ "$(id -u)" -eq 0 ]; then
		read -r sem shm <<<"${FAKETIME_SHARED:-}"
		if ! chown postgres "/dev/shm/sem.${sem#/}" "/dev/shm/${shm#/}"; then
			notok "$day ($what): the faketime wrapper's objects ($FAKETIME_SHARED) given to the server's user"
			exit 1
		fi
	fi
	trap destroy_cluster EXIT
	destroy_cluster
	if ! IC_PORT=$port IC_CRON_DB=ic_cron bash scripts/cluster.sh start "$name" >"$log.cluster.log" 2>&1; then
		notok "$day ($what): cluster started: $(tail -5 "$log.cluster.log" | tr '\n' ' ')"
		exit 1
	fi
	eval "$(IC_PORT=$port bash scripts/cluster.sh env "$name")"
	# only the server's clock is the day's: the clients (psql, pg_regress, make)
	# keep the real one, as they do in CI
	unset LD_PRELOAD FAKETIME FAKETIME_SHARED FAKETIME_DONT_FAKE_MONOTONIC
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
		exit 0
	fi
	notok "$day ($what): $(grep -E '\.\.\. FAILED' "$log.installcheck" | tr -s ' ' | tr '\n' ' ')" \
	      "$(grep -E '^(not ok|test/pgtap/.*Wstat)' "$log.tap" 2>/dev/null | head -8 | tr -s ' ' | tr '\n' ' ')(log: ${log#$repo/}.installcheck)"
	exit 1
fi

rm -rf "$work"
mkdir -p "$work"
failed=0
trap destroy_cluster EXIT

if ! command -v faketime >/dev/null; then
	notok "the faketime wrapper is not installed (scripts/install-deps.sh installs the package faketime)"
	exit 1
fi

# libfaketime's semaphores and shared memory of processes that are gone: a
# new one is named after its creator's pid and cannot be made while a stale
# one of that pid is there
remove_stale_faketime_objects() {
	local f pid
	for f in /dev/shm/sem.faketime_sem_* /dev/shm/faketime_shm_*; do
		[ -O "$f" ] || continue
		pid=${f##*_}
		[[ $pid =~ ^[0-9]+$ ]] && [ ! -d "/proc/$pid" ] && rm -f "$f"
	done
}

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
	remove_stale_faketime_objects
	# the clock starts at 10:00 UTC of the day and runs (a frozen clock would stop
	# statement_timeout and the isolation of now() between transactions); the
	# monotonic clock stays real (timeouts and waits)
	# (bounded: the wrapper waits for every process of the day, a server left
	# running included)
	timeout 1800 faketime --exclude-monotonic -f "@$day 10:00:00" \
		bash "$repo/test/integration/other_days.sh" --one-day "$day" "$what" 2>"$work/$day.faketime.log"
	rc=$?
	if [ $rc -eq 124 ]; then
		notok "$day ($what): not done in 30 minutes (log: ${work#$repo/}/$day.*)"
	elif [ ! -e "$work/$day.ran" ]; then
		notok "$day ($what): the faketime wrapper (exit $rc): $(head -c 600 "$work/$day.faketime.log" | tr '\n' ' ')"
	elif grep -q libfaketime "$work/$day.faketime.log"; then
		# a program of the day that could not join the wrapper's clock
		notok "$day ($what): libfaketime said: $(grep -m3 libfaketime "$work/$day.faketime.log" | tr '\n' ' ')"
		rc=1
	fi
	[ $rc -eq 0 ] || failed=$((failed + 1))
done <<<"$days"
exit $((failed > 0))
