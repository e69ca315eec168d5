#!/usr/bin/env bash
# Failover with pg_cron and no manual step (issue 17, item 4).  A throwaway
# primary of its own (scripts/cluster.sh NAME "ic_failover", port PGPORT + 1 or
# IC_FAILOVER_PORT; the registry lives in cron.database_name) with pg_cron's
# cron.use_background_workers = on, and a standby made from it with
# `pg_basebackup -R` on ANOTHER port and socket directory (port one above); both
# destroyed at the end, the shared test cluster is not touched.
#
#   1. an ic_admin login schedules the sweep every minute ('* * * * *'); the
#      standby streams from the primary (polled until pg_stat_wal_receiver says
#      'streaming')
#   2. the primary is killed, the standby promoted; nothing is re-scheduled
#   3. the old primary comes back: started with an empty standby.signal for a
#      look, it stays in recovery and does not sweep; then pg_rewind -R makes it a
#      standby of the promoted server; there pg_cron's launcher does not run and
#      sweep() skips
#   4. at the next minute pg_cron runs the sweep ON THE PROMOTED SERVER: a
#      finished sweep_run row started after the promotion, the job's run
#      'succeeded' as the ic_admin login, the overdue instruction's events are
#      written; the job still names the old primary's socket and port, which a
#      background worker never uses; the demoted server has replayed that run and
#      swept nothing itself
#
# Waits for pg_cron's next minute once (pg_cron 1.4 schedules in minutes): the
# whole script takes 40 to 110 s.  Prints "ok - ..." / "not ok - ..." per
# check; exits non-zero on a failure.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bindir=$(pg_config --bindir)
name=ic_failover
db=ic_failover                # the registry lives in cron.database_name
admin=ic_failover_admin       # a login holding only ic_admin schedules the sweep
port=${IC_FAILOVER_PORT:-$((${PGPORT:-55432} + 1))}
sport=$((port + 1))
failures=0
started=$(date +%s)

ok()     { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
check()  { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
same()   { [ "$1" = "$2" ] || { echo "# expected: $2"; echo "#      got: $1"; return 1; }; }
as_pg()  { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cl()     { IC_PORT=$port bash "$repo/scripts/cluster.sh" "$1" "$name"; }
qp()     { psql -X -q -At -v ON_ERROR_STOP=1 -h "$phost" -p "$port" -d "$db" -c "$1"; }
qs()     { psql -X -q -At -v ON_ERROR_STOP=1 -h "$tmp" -p "$sport" -d "$db" -c "$1"; }
# poll a query on host/port until it returns the expected text (at most $4 tenths of a second)
wait_for() {
	local host=$1 p=$2 sql=$3 tenths=$4 want=$5 i
	for ((i = 0; i < tenths; i++)); do
		[ "$(psql -X -q -At -h "$host" -p "$p" -d "$db" -c "$sql" 2>/dev/null)" = "$want" ] && return 0
		sleep 0.1
	done
	return 1
}

tmp=$(mktemp -d /tmp/ic-failover.XXXXXX)
chmod 777 "$tmp"
standby_data="$tmp/standby"
cleanup() {
	if [ -f "$standby_data/postmaster.pid" ]; then
		as_pg "$bindir/pg_ctl" -D "$standby_data" -m immediate -w stop >/dev/null 2>&1
	fi
	cl destroy >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT

cl destroy >/dev/null 2>&1
cl start >/dev/null || { not_ok "the primary starts on port $port"; exit 1; }
eval "$(cl env)"
phost=$PGHOST
pdata="$(readlink -f "$repo/.cluster/$name")/data"

# --- 1. the primary: jobs as background workers, the sweep every minute ---------
# cron.use_background_workers: pg_cron runs a job in a background worker of the
# server whose launcher fires it, in the job's database as the job's user; it
# opens no connection, so the job's nodename/nodeport (the old primary's) do not
# matter.  wal_log_hints, full_page_writes and wal_keep_size (the WAL back to
# the last checkpoint before the fork) let pg_rewind demote the old primary later.
# (scripts/cluster.sh turns full_page_writes off for speed; pg_rewind needs it)
cat >>"$pdata/postgresql.conf" <<CONF
cron.use_background_workers = on
wal_log_hints = on
full_page_writes = on
wal_keep_size = '256MB'
CONF
as_pg "$bindir/pg_ctl" -D "$pdata" -w -t 60 restart -l "$pdata/../server.log" >/dev/null \
	|| { not_ok "the primary restarts with cron.use_background_workers = on"; exit 1; }
qp "CREATE EXTENSION pg_cron; CREATE EXTENSION instruction_control;
    CREATE ROLE $admin LOGIN IN ROLE ic_admin;
    INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central');" >/dev/null
# overdue since before the failover: the promoted server's sweep must find it
qp "SELECT instruction_control.put_on_control('act_point', 'pa', current_date - 40, term => '10 wd', external_ref => 'FO-OVERDUE', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))" >/dev/null
wait_for "$phost" "$port" "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher'" 100 1
job=$(psql -X -q -At -v ON_ERROR_STOP=1 -h "$phost" -p "$port" -U "$admin" -d "$db" \
	-c "SELECT instruction_control.schedule_sweeps('* * * * *')" 2>&1)
check "an ic_admin login schedules the sweep every minute on the primary (job $job)" \
	same "$(qp "SELECT schedule || '|' || username || '|' || current_setting('cron.use_background_workers') FROM cron.job WHERE jobid = ${job//[^0-9]/0}")" \
	"* * * * *|$admin|on"

if ! as_pg "$bindir/pg_basebackup" -h "$phost" -p "$port" -U postgres -D "$standby_data" -R -X stream -c fast \
		>/dev/null 2>"$tmp/basebackup.err"; then
	not_ok "pg_basebackup -R makes a standby"; sed 's/^/# /' "$tmp/basebackup.err"; exit 1
fi
cat >>"$standby_data/postgresql.conf" <<CONF
port = $sport
unix_socket_directories = '$tmp'
cron.host = '$tmp'
CONF
as_pg "$bindir/pg_ctl" -D "$standby_data" -l "$tmp/standby.log" -w -t 60 start >/dev/null \
	|| { not_ok "the standby starts"; tail -n 20 "$tmp/standby.log" | sed 's/^/# /'; exit 1; }
wait_for "$tmp" "$sport" "SELECT status FROM pg_stat_wal_receiver" 300 streaming
check "the standby (another port and socket directory) is in recovery and streaming, without a pg_cron launcher" \
	same "$(qs "SELECT pg_is_in_recovery(), (SELECT status FROM pg_stat_wal_receiver), (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher')")" "t|streaming|0"

hint=$(qs "SELECT hint FROM instruction_control.scheduling_status()")
echo "# standby's hint: $hint"
check "scheduling_status() on the standby asks for no step after a promotion (no unschedule, no schedule again)" \
	bash -c 'grep -q "nothing done by hand" <<<"$1" && ! grep -qi "unschedule\|schedule_sweeps() again" <<<"$1"' _ "$hint"

# --- 2. failover: the primary dies, the standby is promoted, nothing else --------
lsn=$(qp "SELECT pg_current_wal_insert_lsn()")
wait_for "$tmp" "$sport" "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn" 200 t
as_pg "$bindir/pg_ctl" -D "$pdata" -m immediate -w stop >/dev/null 2>&1
as_pg "$bindir/pg_ctl" -D "$standby_data" -w -t 60 promote >/dev/null 2>&1
promoted=$(qs "SELECT now()")
check "pg_ctl promote makes the standby a primary" same "$(qs "SELECT pg_is_in_recovery()")" "f"
wait_for "$tmp" "$sport" "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher'" 100 1
check "pg_cron's launcher starts on the promoted server; the job came over unchanged, naming the old primary's socket and port" \
	same "$(qs "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher'")|$(qs "SELECT jobid || '|' || schedule || '|' || nodename || '|' || nodeport FROM cron.job WHERE jobname = 'instruction_control_sweep:$db'")" \
	"1|${job}|* * * * *|$phost|$port"

# --- 3. the old primary comes back: looked at first, then demoted ----------------
# started by hand for a look with an empty standby.signal (README: what keeps a
# split brain from sweeping): it stays in recovery, read-only, without a launcher
as_pg touch "$pdata/standby.signal"
cl start >/dev/null 2>&1
check "the old primary started with standby.signal for a look stays in recovery, without a pg_cron launcher, and does not sweep" \
	bash -c '[ "$1" = "t|0" ] && grep -q "^NOTICE:  sweep skipped: this server is a standby" <<<"$2"' _ \
	"$(qp "SELECT pg_is_in_recovery(), (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher')")" \
	"$(psql -X -h "$phost" -p "$port" -d "$db" -c "CALL instruction_control.sweep()" 2>&1)"
cl stop >/dev/null 2>&1
# then demoted for good: pg_rewind makes it a standby of the promoted server
# pg_rewind reads the promoted server's timeline from its control file: checkpoint first
qs "CHECKPOINT"
if as_pg "$bindir/pg_rewind" -D "$pdata" -R --source-server="host=$tmp port=$sport user=postgres dbname=postgres" \
		>"$tmp/rewind.log" 2>&1; then
	ok "pg_rewind -R turns the old primary into a standby of the promoted server"
else
	not_ok "pg_rewind -R turns the old primary into a standby of the promoted server"; sed 's/^/# /' "$tmp/rewind.log"
	exit 1      # never start it as a second primary
fi
# pg_rewind copied the promoted server's configuration files: the old primary's own port and socket again
cat >>"$pdata/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$phost'
cron.host = '$phost'
CONF
cl start >/dev/null 2>&1
wait_for "$phost" "$port" "SELECT status FROM pg_stat_wal_receiver" 300 streaming
check "the demoted old primary is in recovery, streaming from the promoted server, with no pg_cron launcher" \
	same "$(qp "SELECT pg_is_in_recovery(), (SELECT status FROM pg_stat_wal_receiver), (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher')")" "t|streaming|0"
out=$(psql -X -h "$phost" -p "$port" -d "$db" -c "CALL instruction_control.sweep()" 2>&1)
check "CALL sweep() there does nothing and says so" grep -q "^NOTICE:  sweep skipped: this server is a standby" <<<"$out"

# --- 4. at the next minute pg_cron sweeps on the promoted server -----------------
echo "# waiting for pg_cron's next minute (at most 100 s)"
run_sql="SELECT count(*) FROM instruction_control.sweep_run WHERE started_at >= '$promoted' AND finished_at IS NOT NULL"
details_sql="SELECT status || '|' || username || '|' || command FROM cron.job_run_details WHERE jobid = ${job//[^0-9]/0} AND start_time >= '$promoted' ORDER BY runid LIMIT 1"
wait_for "$tmp" "$sport" "$run_sql" 1000 1
# pg_cron marks the run succeeded a moment after the sweep's last commit
wait_for "$tmp" "$sport" "$details_sql" 100 "succeeded|$admin|CALL instruction_control.sweep()"
check "pg_cron ran the sweep on the promoted server, nothing done by hand: one finished sweep_run row started after the promotion" \
	same "$(qs "$run_sql")" "1"
check "cron.job_run_details there: the job's run succeeded, as the ic_admin login, with the fixed command" \
	same "$(qs "$details_sql")" \
	"succeeded|$admin|CALL instruction_control.sweep()"
check "that sweep wrote the overdue and escalation events of the instruction overdue since before the failover" \
	same "$(qs "SELECT string_agg(e.kind, ',' ORDER BY e.kind) FROM instruction_control.event e JOIN instruction_control.instruction i ON i.id = e.instruction_id WHERE i.external_ref = 'FO-OVERDUE'")" \
	"escalation,overdue"
lsn=$(qs "SELECT pg_current_wal_insert_lsn()")
wait_for "$phost" "$port" "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn" 200 t
check "the demoted server has the promoted server's runs and events by replication, and still no launcher: it swept nothing itself" \
	same "$(qp "SELECT (SELECT string_agg(id || ':' || started_at, ',' ORDER BY id) FROM instruction_control.sweep_run), (SELECT count(*) FROM instruction_control.event), (SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher')")" \
	"$(qs "SELECT (SELECT string_agg(id || ':' || started_at, ',' ORDER BY id) FROM instruction_control.sweep_run), (SELECT count(*) FROM instruction_control.event)")|0"
check "no event twice" \
	same "$(qs "SELECT count(*) FROM (SELECT 1 FROM instruction_control.event GROUP BY instruction_id, kind, period HAVING count(*) > 1) t")" "0"

echo "# $(($(date +%s) - started)) s"
exit $((failures > 0))
