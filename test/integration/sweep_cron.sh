#!/usr/bin/env bash
# Sweeps on pg_cron, end to end, in the running test cluster (scripts/test.sh stage 8;
# PGHOST/PGPORT/PGUSER point at it, cron.database_name is ic_cron):
#
#   1. the registry in another database than cron.database_name: schedule_sweeps()
#      creates the job in ic_cron through dblink (cron.schedule_in_database); pg_cron
#      really runs it (cron.job_run_details polled, ~90 s at most); the outbox then
#      holds the expected rows (R50.1, R66-1.3); unschedule_sweeps() removes it
#   2. the registry in cron.database_name itself: cron.schedule() directly
#   3. a client LISTENing on instruction_control_events is woken (an empty payload)
#   4. on a standby (pg_is_in_recovery()) the sweep does nothing and says so; without
#      pg_cron there, schedule_sweeps() raises IC201 with the postgresql.conf lines
#
# Prints "ok - ..." / "not ok - ..." per check; exits non-zero on a failure.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bindir=$(pg_config --bindir)
db=ic_sweep_it
cron_db=ic_cron
failures=0
tmp=$(mktemp -d /tmp/ic-sweep-it.XXXXXX)
chmod 777 "$tmp"

ok()     { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
check()  { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
. "$(dirname "${BASH_SOURCE[0]}")/lib/listener.sh"
q()      { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
as_pg()  { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
same()   { [ "$1" = "$2" ] || { echo "# expected: $2"; echo "#      got: $1"; return 1; }; }

cleanup() {
	q "$cron_db" "SELECT cron.unschedule(jobid) FROM cron.job WHERE jobname LIKE 'instruction_control%'" >/dev/null 2>&1
	q "$cron_db" "DROP EXTENSION IF EXISTS instruction_control" >/dev/null 2>&1
	if [ -n "${standby_data:-}" ] && [ -f "$standby_data/postmaster.pid" ]; then
		as_pg "$bindir/pg_ctl" -D "$standby_data" -m immediate -w stop >/dev/null 2>&1
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT

# pg_cron's launcher starts a moment after the server (and after ic_cron exists)
for _ in $(seq 1 20); do
	[ "$(q postgres "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher'")" = 1 ] && break
	sleep 0.5
done

q "$cron_db" "CREATE EXTENSION IF NOT EXISTS pg_cron"
dropdb --if-exists "$db" >/dev/null 2>&1
createdb "$db"
q "$db" "CREATE EXTENSION instruction_control; CREATE EXTENSION dblink;
         INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central');"
q "$db" "SELECT instruction_control.put_on_control('act_point', 'pa', current_date - 60, term => '10 wd', external_ref => 'IT-1', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'));
         SELECT instruction_control.put_on_control('security_council', 'pa', current_date - 60, term => '10 wd', external_ref => 'IT-2', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'));" >/dev/null

# --- 1. another database: through dblink ------------------------------------
check "scheduling_status() finds pg_cron by its launcher and schedules through dblink" \
	same "$(q "$db" "SELECT pg_cron_preloaded, ready, method FROM instruction_control.scheduling_status()")" \
	"t|t|cron.schedule_in_database via dblink"
job=$(q "$db" "SELECT instruction_control.schedule_sweeps('* * * * *')")
check "schedule_sweeps() from $db returns the job id ($job)" [ -n "$job" ]
check "the job is in $cron_db's cron.job and runs in $db" \
	same "$(q "$cron_db" "SELECT database, command FROM cron.job WHERE jobid = $job")" \
	"$db|CALL instruction_control.sweep()"
check "cron.job_run_details is kept bounded: a daily cleanup job exists" \
	same "$(q "$cron_db" "SELECT count(*) FROM cron.job WHERE jobname = 'instruction_control_cron_cleanup' AND command LIKE 'DELETE FROM cron.job_run_details%'")" "1"
check "scheduled_sweeps() reads the job back through dblink" \
	same "$(q "$db" "SELECT schedule, database FROM instruction_control.scheduled_sweeps()")" "* * * * *|$db"

status=""
for _ in $(seq 1 90); do
	status=$(q "$cron_db" "SELECT status FROM cron.job_run_details WHERE jobid = $job AND status IN ('succeeded', 'failed') ORDER BY runid LIMIT 1")
	[ -n "$status" ] && break
	sleep 1
done
if [ "$status" = succeeded ]; then
	ok "pg_cron ran the scheduled sweep in $db (cron.job_run_details: succeeded)"
else
	not_ok "pg_cron ran the scheduled sweep in $db (status: '${status:-none after 90 s}')"
	q "$cron_db" "SELECT status, return_message FROM cron.job_run_details WHERE jobid = $job" | sed 's/^/# /'
fi
check "the outbox holds the expected rows: overdue (R50.1) and escalations routed per R66-1.3" \
	same "$(q "$db" "SELECT string_agg(x, ',' ORDER BY x) FROM (SELECT i.external_ref || ':' || e.kind || ':' || e.addressee || ':' || e.rule_id AS x
	                 FROM instruction_control.event e JOIN instruction_control.instruction i ON i.id = e.instruction_id
	                WHERE e.as_of = current_date) t")" \
	"IT-1:escalation:head_of_pa:R66-1.3,IT-1:overdue:controller:R50.1,IT-2:escalation:secretary_sc:R66-1.3,IT-2:overdue:controller:R50.1"
check "the run is logged in sweep_run (current mode, finished, by the job's user)" \
	same "$(q "$db" "SELECT mode, finished_at IS NOT NULL, one_transaction FROM instruction_control.sweep_run ORDER BY id LIMIT 1")" "current|t|f"
check "unschedule_sweeps() removes the job" same "$(q "$db" "SELECT instruction_control.unschedule_sweeps()")" "1"
check "no sweep job of $db is left in cron.job" \
	same "$(q "$cron_db" "SELECT count(*) FROM cron.job WHERE database = '$db' AND jobname LIKE 'instruction_control_sweep:%'")" "0"

# --- 2. the cron database itself: cron.schedule ------------------------------
q "$cron_db" "CREATE EXTENSION instruction_control"
check "in cron.database_name scheduling calls cron.schedule_in_database() directly" \
	same "$(q "$cron_db" "SELECT ready, method FROM instruction_control.scheduling_status()")" "t|cron.schedule_in_database"
job2=$(q "$cron_db" "SELECT instruction_control.schedule_sweeps('0 1 * * *')")
check "schedule_sweeps() in $cron_db schedules job $job2 there" \
	same "$(q "$cron_db" "SELECT jobname, database FROM cron.job WHERE jobid = ${job2:-0}")" "instruction_control_sweep:$cron_db|$cron_db"
check "scheduling again replaces the job (one job per database)" \
	same "$(q "$cron_db" "SELECT instruction_control.schedule_sweeps('0 2 * * *') = $job2, (SELECT count(*) FROM cron.job WHERE jobname = 'instruction_control_sweep:$cron_db')")" "t|1"
check "unschedule_sweeps() in $cron_db" same "$(q "$cron_db" "SELECT instruction_control.unschedule_sweeps()")" "1"
q "$cron_db" "DROP EXTENSION instruction_control"

# --- 3. LISTEN -----------------------------------------------------------------
q "$db" "SELECT instruction_control.put_on_control('act_point', 'central', current_date - 40, term => '10 wd', external_ref => 'IT-3')" >/dev/null
# a client LISTENs before the sweep and asks again after its commit (lib/listener.sh)
listener_start "$tmp/listen.out" "$db"
psql -X -q -d "$db" -c "SET client_min_messages = warning" -c "CALL instruction_control.sweep()"
listener_stop
check "a LISTENing client is woken on instruction_control_events after commit" \
	grep -q 'Asynchronous notification "instruction_control_events" received' "$tmp/listen.out"  # psql names no empty payload
# issue 16: any role may LISTEN, so the payload is an opaque wake-up; the events come from next_events()
check "the wake-up carries nothing about an instruction (empty payload, once per batch)" \
	same "$(grep -c 'Asynchronous notification' "$tmp/listen.out"),$(grep -c 'payload "[^"]' "$tmp/listen.out")" "1,0"

# --- 4. a standby does nothing and says so ------------------------------------
standby_data="$tmp/standby"
standby_port=$((PGPORT + 1))
if as_pg "$bindir/pg_basebackup" -h "$PGHOST" -p "$PGPORT" -U postgres -D "$standby_data" -R -X stream -c fast >/dev/null 2>"$tmp/basebackup.err"; then
	cat >>"$standby_data/postgresql.conf" <<CONF
port = $standby_port
unix_socket_directories = '$tmp'
shared_preload_libraries = ''
CONF
	as_pg "$bindir/pg_ctl" -D "$standby_data" -l "$tmp/standby.log" -w -t 60 start >/dev/null
	out=$(psql -X -h "$tmp" -p "$standby_port" -d "$db" -c "CALL instruction_control.sweep()" 2>&1)
	echo "$out" | sed 's/^/# /'
	check "on a standby the sweep does nothing and says so (NOTICE, no error)" \
		grep -q 'NOTICE:  sweep skipped: this server is a standby (in recovery)' <<<"$out"
	# the standby preloads no pg_cron: scheduling there is refused with the lines to add
	out=$(psql -X -h "$tmp" -p "$standby_port" -d "$db" -c "SELECT instruction_control.schedule_sweeps()" 2>&1)
	check "without pg_cron's launcher schedule_sweeps() raises IC201 naming the postgresql.conf lines and CREATE EXTENSION pg_cron" \
		grep -q "HINT:  Add to postgresql.conf:  shared_preload_libraries = 'pg_cron'  and  cron.database_name = '$db', restart the server, then run CREATE EXTENSION pg_cron;" <<<"$out"
	check "scheduling_status() there says pg_cron is not running" \
		same "$(psql -X -q -At -h "$tmp" -p "$standby_port" -d "$db" -c "SELECT pg_cron_preloaded, ready FROM instruction_control.scheduling_status()")" "f|f"
else
	not_ok "a standby for the check could not be made"; sed 's/^/# /' "$tmp/basebackup.err"
fi

dropdb --if-exists "$db" >/dev/null 2>&1
exit $((failures > 0))
