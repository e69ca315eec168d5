#!/usr/bin/env bash
# The registry on a streaming standby, and after its promotion.  A throwaway
# primary of its own (scripts/cluster.sh NAME "ic_standby", port PGPORT + 1 or
# IC_STANDBY_PORT, pg_cron preloaded with cron.database_name = ic_standby, the
# registry's database) and a standby made from it with `pg_basebackup -R` (port
# one above, in a temporary directory), both destroyed at the end; the shared test
# cluster of scripts/test.sh stage 8 is not touched.
#
#   1. the demo's report registry (demo/35_report_registry.sql) and a sweep on the
#      primary reach the standby by streaming (the check waits until
#      pg_stat_wal_receiver says 'streaming')
#   2. on the standby every view (report_*, open_event, decision_matrix, ...), the
#      forms (Appendix 5 and 8, rows, CSV and HTML, ru and kk), the calendar
#      functions and who_may_decide() are readable and answer as on the primary
#   3. writes are refused with 25006 (read-only transaction): a decision, a batch,
#      a removal, putting on control, a direct INSERT into the journal, a report,
#      taking and delivering events; scheduling with IC201 (pg_cron's launcher waits for the
#      end of recovery);
#      CALL sweep() does nothing there and says so (NOTICE), also inside BEGIN
#   4. failover: the primary is killed, the standby promoted (pg_ctl promote);
#      there a decision, a batch and a sweep work, the sweep finds the new overdue
#      instruction; pg_cron's launcher starts, the job scheduled on the old primary
#      is there (it came with the cron database) but names the old primary's socket
#      and port (this cluster runs jobs over connections); schedule_sweeps() alone
#      points it at the new one (failover_cron.sh: with background workers no step)
#
# Prints "ok - ..." / "not ok - ..." per check; exits non-zero on a failure.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bindir=$(pg_config --bindir)
name=ic_standby
db=ic_standby                 # the registry lives in cron.database_name
port=${IC_STANDBY_PORT:-$((${PGPORT:-55432} + 1))}
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
# the SQLSTATE and message of a statement on the standby
err_s()  { psql -X -q -At -v VERBOSITY=verbose -h "$tmp" -p "$sport" -d "$db" -c "$1" 2>&1 | sed -n 's/^ERROR:  //p' | head -n 1; }

tmp=$(mktemp -d /tmp/ic-standby.XXXXXX)
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

# --- 1. a registry on the primary, streamed to the standby ---------------------
qp "CREATE EXTENSION pg_cron; CREATE EXTENSION instruction_control" >/dev/null
psql -X -q -v ON_ERROR_STOP=1 -h "$phost" -p "$port" -d "$db" -f "$repo/demo/35_report_registry.sql" >/dev/null 2>&1 \
	|| not_ok "the demo's report registry loads on the primary"
# the daily sweep scheduled on the primary (pg_cron's launcher starts a moment after the server)
for _ in $(seq 1 40); do
	[ "$(qp "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher'")" = 1 ] && break
	sleep 0.25
done
job=$(qp "SELECT instruction_control.schedule_sweeps('0 1 * * *')" 2>&1)
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
# the WAL receiver starts a moment after the server: wait (at most 30 s) until it streams
for _ in $(seq 1 300); do
	[ "$(qs "SELECT status FROM pg_stat_wal_receiver" 2>/dev/null)" = streaming ] && break
	sleep 0.1
done
check "a streaming standby made by pg_basebackup -R is in recovery, streaming from the primary" \
	same "$(qs "SELECT pg_is_in_recovery(), (SELECT status FROM pg_stat_wal_receiver)")" "t|streaming"

# written after the base backup: reaches the standby by streaming
qp "SET client_min_messages = warning; CALL instruction_control.sweep()"
qp "SELECT instruction_control.put_on_control('act_point', 'pa', current_date - 30, term => '10 wd', external_ref => 'SB-STREAMED', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT min(id) FROM instruction_control.state_body))" >/dev/null
lsn=$(qp "SELECT pg_current_wal_insert_lsn()")
# the insert position: with synchronous_commit off (scripts/cluster.sh) the write position
# may lag behind the last commit; a loaded machine may take a while: wait (at most 60 s)
for _ in $(seq 1 600); do
	[ "$(qs "SELECT pg_last_wal_replay_lsn() >= '$lsn'::pg_lsn")" = t ] && break
	sleep 0.1
done
check "what the primary wrote after the base backup (a sweep's events, an instruction) is replayed on the standby" \
	same "$(qs "SELECT (SELECT count(*) FROM instruction_control.event) > 0, (SELECT count(*) FROM instruction_control.event) = $(qp "SELECT count(*) FROM instruction_control.event"), (SELECT count(*) FROM instruction_control.instruction WHERE external_ref = 'SB-STREAMED')")" "t|t|1"
echo "# registry: $(qs "SELECT count(*) FROM instruction_control.instruction") instructions, $(qs "SELECT count(*) FROM instruction_control.decision") decisions, $(qs "SELECT count(*) FROM instruction_control.event") events"

# --- 2. reading on the standby --------------------------------------------------
# every view of the extension: its rows on the standby equal the primary's
views=$(qp "SELECT string_agg(viewname, ' ' ORDER BY viewname) FROM pg_views WHERE schemaname = 'instruction_control'")
rows_md5() { echo "SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, E'\n' ORDER BY t::text)), '') FROM instruction_control.$1 t"; }
bad=""
nviews=0
nreport=0
for v in $views; do
	nviews=$((nviews + 1))
	[[ $v == report_* ]] && nreport=$((nreport + 1))
	s=$(qs "$(rows_md5 "$v")" 2>&1)
	p=$(qp "$(rows_md5 "$v")" 2>&1)
	if [ "$s" != "$p" ] || [[ ! $s =~ ^[0-9]+: ]]; then bad="$bad $v"; echo "# $v: standby '$s', primary '$p'"; fi
done
check "every view ($nviews, $nreport of them report_*) is readable on the standby and has the primary's rows${bad:+ (differ:$bad)}" \
	same "$bad" ""
check "the report views have rows there (cards, decision history, discipline, overdue)" \
	same "$(qs "SELECT (SELECT count(*) FROM instruction_control.report_control_card) > 100, (SELECT count(*) FROM instruction_control.report_decision_history) > 0,
	                   (SELECT count(*) FROM instruction_control.report_discipline) > 0, (SELECT count(*) FROM instruction_control.report_overdue) > 0")" "t|t|t|t"

# the forms, in both languages: rows, CSV and HTML as on the primary
act="(SELECT id FROM instruction_control.act WHERE external_ref = 'R-ACT-1')"
gov="(SELECT id FROM instruction_control.state_body WHERE code = 'R-GOV')"
bad=""
nforms=0
for lang in ru kk; do
	for f in "SELECT count(*) || ':' || md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM instruction_control.form_control_approval($act, '$lang') t" \
	         "SELECT length(x) || ':' || md5(x) FROM instruction_control.form_control_approval_csv($act, '$lang') x" \
	         "SELECT length(x) || ':' || md5(x) FROM instruction_control.form_control_approval_html($act, '$lang') x" \
	         "SELECT count(*) || ':' || md5(string_agg(t::text, E'\n' ORDER BY t::text)) FROM instruction_control.form_annual_summary($gov, 2025, '$lang') t" \
	         "SELECT length(x) || ':' || md5(x) FROM instruction_control.form_annual_summary_csv($gov, 2025, '$lang') x" \
	         "SELECT length(x) || ':' || md5(x) FROM instruction_control.form_annual_summary_html($gov, 2025, '$lang') x"; do
		nforms=$((nforms + 1))
		s=$(qs "$f" 2>&1)
		p=$(qp "$f" 2>&1)
		if [ "$s" != "$p" ] || [[ ! $s =~ ^[1-9][0-9]*: ]]; then bad="$bad $nforms"; echo "# $f: standby '$s', primary '$p'"; fi
	done
done
check "the forms (Appendix 5 and 8: rows, CSV, HTML; ru and kk: $nforms calls) are produced on the standby, the same as on the primary" \
	same "$bad" ""

# calendar functions and the decision matrix
cal="SELECT instruction_control.add_working_days('2025-03-03', 10), instruction_control.add_working_days('2025-12-25', 20, 'KZ'),
            instruction_control.working_days_between('2025-01-01', '2025-12-31'), instruction_control.deadline('2025-03-03', '10 working days'),
            instruction_control.is_working_day('2025-03-10'), instruction_control.is_working_day('2025-03-11', 'KZ'),
            instruction_control.roll_forward('2025-03-08'), (SELECT count(*) FROM instruction_control.working_days('2025-01-01', '2025-01-31'))"
out=$(qs "$cal" 2>&1)
check "the calendar functions answer on the standby as on the primary ($out)" same "$out" "$(qp "$cal")"
check "10 March 2025 is a day off there too (the calendar cache loads on a standby)" \
	same "$(qs "SELECT instruction_control.add_working_days('2025-03-03', 10)")" "2025-03-18"
who="SELECT string_agg(i.id || ':' || w.decider || ':' || w.rule, ',' ORDER BY i.id, w.decider)
       FROM (SELECT id FROM instruction_control.instruction WHERE status = 'on_control' ORDER BY id LIMIT 40) i,
            LATERAL instruction_control.who_may_decide(i.id, 'extension') w"
out=$(qs "$who" 2>&1)
check "who_may_decide() answers on the standby as on the primary (40 instructions)" \
	bash -c '[ -n "$1" ] && [ "$1" = "$2" ]' _ "$out" "$(qp "$who")"
check "label() and code_of() work there" \
	same "$(qs "SELECT instruction_control.label('decider', 'head_of_pa', 'en') IS NOT NULL, instruction_control.code_of('decider', instruction_control.label('decider', 'head_of_pa', 'ru'))")" "t|head_of_pa"

# --- 3. writes are refused ----------------------------------------------------------
id=$(qs "SELECT id FROM instruction_control.instruction WHERE status = 'on_control' AND extensions = 0 AND kind::text = 'act_point' AND level::text = 'pa' ORDER BY id LIMIT 1")
new_due="instruction_control.add_working_days(current_date, 30)"
for what in \
	"extend_deadline()|SELECT instruction_control.extend_deadline($id, $new_due, 'head_of_pa', 'standby', evidence => '{pa_expert_conclusion}')" \
	"extend_deadlines() (a batch)|SELECT count(*) FROM instruction_control.extend_deadlines(ARRAY[$id], ARRAY[$new_due], 'head_of_pa', 'standby', evidence => '{pa_expert_conclusion}')" \
	"record_decisions() (a batch)|SELECT count(*) FROM instruction_control.record_decisions(ARRAY[jsonb_populate_record(NULL::instruction_control.decision,
	   jsonb_build_object('instruction_id', $id, 'kind', 'extension', 'decided_by', 'head_of_pa', 'new_due_date', $new_due, 'basis', 'standby'))])" \
	"remove_from_control()|SELECT instruction_control.remove_from_control($id, 'executed', 'head_of_pa', '{official_report}', 'report')" \
	"put_on_control()|SELECT instruction_control.put_on_control('act_point', 'pa', current_date, term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT min(id) FROM instruction_control.state_body))" \
	"an INSERT into the journal|INSERT INTO instruction_control.decision (instruction_id, kind, decided_by, new_due_date, basis) VALUES ($id, 'extension', 'head_of_pa', $new_due, 'standby')" \
	"submit_report()|SELECT instruction_control.submit_report($id, 'intermediate', 'standby')" \
	"next_events()|SELECT count(*) FROM instruction_control.next_events(10)" \
	"mark_delivered()|SELECT instruction_control.mark_delivered(ARRAY[1])"; do
	label=${what%%|*}
	e=$(err_s "${what#*|}")
	check "on the standby $label is refused: ${e:-no error}" grep -q '^25006: cannot execute .* in a read-only transaction' <<<"$e"
done
# pg_cron is preloaded here, but its launcher starts only when recovery ends
e=$(err_s "SELECT instruction_control.schedule_sweeps()")
check "on the standby schedule_sweeps() is refused too: ${e:-no error}" grep -q '^IC201: pg_cron is not running' <<<"$e"
check "nothing changed on the instruction (still on control, not extended)" \
	same "$(qs "SELECT status, extensions FROM instruction_control.instruction WHERE id = $id")" "on_control|0"

runs=$(qs "SELECT count(*) || '|' || coalesce(max(id), 0) FROM instruction_control.sweep_run")
events=$(qs "SELECT count(*) FROM instruction_control.event")
out=$(psql -X -h "$tmp" -p "$sport" -d "$db" -c "CALL instruction_control.sweep()" 2>&1); rc=$?
echo "$out" | sed 's/^/# /'
check "CALL sweep() on the standby ends without error and says why it does nothing (NOTICE)" \
	bash -c '[ "$1" -eq 0 ] && grep -q "^NOTICE:  sweep skipped: this server is a standby" <<<"$2" && ! grep -q ERROR <<<"$2"' _ "$rc" "$out"
out=$(psql -X -h "$tmp" -p "$sport" -d "$db" -c "BEGIN" -c "CALL instruction_control.sweep(current_date - 1)" -c "COMMIT" 2>&1); rc=$?
check "inside a transaction block, and replaying a past day, it skips the same way" \
	bash -c '[ "$1" -eq 0 ] && grep -q "^NOTICE:  sweep skipped: this server is a standby" <<<"$2" && ! grep -q ERROR <<<"$2"' _ "$rc" "$out"
check "the skipped sweeps logged no run and wrote no event there" \
	same "$(qs "SELECT count(*) || '|' || coalesce(max(id), 0) FROM instruction_control.sweep_run") $(qs "SELECT count(*) FROM instruction_control.event")" "$runs $events"

# --- 4. failover: the primary dies, the standby is promoted ------------------------------
as_pg "$bindir/pg_ctl" -D "$pdata" -m immediate -w stop >/dev/null 2>&1
as_pg "$bindir/pg_ctl" -D "$standby_data" -w -t 60 promote >/dev/null 2>&1
check "after the primary died, pg_ctl promote makes the standby a primary" \
	same "$(qs "SELECT pg_is_in_recovery()")" "f"
check "the promoted server accepts the decision the standby refused (extend_deadline)" \
	same "$(qs "SELECT (d).seq || '|' || (d).kind FROM (SELECT instruction_control.extend_deadline($id, $new_due, 'head_of_pa', 'after promotion', evidence => '{pa_expert_conclusion}') AS d) t")" "1|extension"
check "and the instruction carries it (extensions 1, the new due date)" \
	same "$(qs "SELECT extensions, due_date = $new_due FROM instruction_control.instruction WHERE id = $id")" "1|t"
id2=$(qs "SELECT id FROM instruction_control.instruction WHERE status = 'on_control' AND extensions = 0 AND kind::text = 'act_point' AND level::text = 'pa' ORDER BY id LIMIT 1")
check "a batch too (extend_deadlines)" \
	same "$(qs "SELECT count(*) FROM instruction_control.extend_deadlines(ARRAY[$id2], ARRAY[$new_due], 'head_of_pa', 'after promotion', evidence => '{pa_expert_conclusion}')")" "1"
qs "SELECT instruction_control.put_on_control('act_point', 'pa', current_date - 40, term => '10 wd', external_ref => 'SB-PROMOTED', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT min(id) FROM instruction_control.state_body))" >/dev/null
out=$(psql -X -h "$tmp" -p "$sport" -d "$db" -c "CALL instruction_control.sweep()" 2>&1)
echo "$out" | sed 's/^/# /'
check "CALL sweep() on the promoted server runs: the run is logged finished, in current mode" \
	same "$(qs "SELECT finished_at IS NOT NULL, mode FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1")" "t|current"
check "it raised the overdue and escalation events of an instruction put on control after the failover" \
	same "$(qs "SELECT string_agg(e.kind, ',' ORDER BY e.kind) FROM instruction_control.event e JOIN instruction_control.instruction i ON i.id = e.instruction_id WHERE i.external_ref = 'SB-PROMOTED'")" "escalation,overdue"
check "no event twice after the failover" \
	same "$(qs "SELECT count(*) FROM (SELECT 1 FROM instruction_control.event GROUP BY instruction_id, kind, period HAVING count(*) > 1) t")" "0"
# pg_cron's launcher starts only when recovery ends: then the sweeps can be scheduled
for _ in $(seq 1 40); do
	[ "$(qs "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher'")" = 1 ] && break
	sleep 0.25
done
check "after promotion pg_cron's launcher runs and scheduling_status() is ready" \
	same "$(qs "SELECT pg_cron_preloaded, ready, method FROM instruction_control.scheduling_status()")" "t|t|cron.schedule_in_database"
check "the job scheduled on the old primary came over with the cron database (scheduled_sweeps(): job $job)" \
	same "$(qs "SELECT jobid, schedule, command FROM instruction_control.scheduled_sweeps()")" "${job}|0 1 * * *|CALL instruction_control.sweep()"
# pg_cron connects to a job's nodename:nodeport, taken when it was scheduled; this
# promoted server has another socket and port than the old primary, and this
# cluster runs jobs over connections (no cron.use_background_workers: see
# failover_cron.sh for the setting that needs no step at all)
check "that job still names the old primary's socket and port (cron.job nodename, nodeport: pg_cron's own behaviour)" \
	same "$(qs "SELECT nodename, nodeport FROM cron.job WHERE jobid = ${job//[^0-9]/0}")" "$phost|$port"
check "scheduling_status() says what to set so that a failover needs no step (cron.use_background_workers = on)" \
	grep -q 'set cron.use_background_workers = on' <<<"$(qs "SELECT hint FROM instruction_control.scheduling_status()")"
job2=$(qs "SELECT instruction_control.schedule_sweeps('30 0 * * *')" 2>&1)
check "schedule_sweeps() alone re-points the sweep and cleanup jobs at the promoted server's socket and port (job $job2, no unschedule)" \
	same "$(qs "SELECT string_agg(jobname || ':' || schedule || ':' || nodename || ':' || nodeport, ',' ORDER BY jobname) FROM cron.job")" \
	"instruction_control_cron_cleanup:17 0 * * *:$tmp:$sport,instruction_control_sweep:$db:30 0 * * *:$tmp:$sport"
check "scheduled_sweeps() shows that one job, no other" \
	same "$(qs "SELECT jobid || '|' || schedule FROM instruction_control.scheduled_sweeps()")" "${job2}|30 0 * * *"
job3=$(qs "SELECT instruction_control.schedule_sweeps('0 1 * * *')" 2>&1)
check "scheduling again on the same server keeps the job (job $job3 = $job2), only its schedule changes" \
	same "$(qs "SELECT jobid || '|' || schedule || '|' || nodename FROM cron.job WHERE jobname = 'instruction_control_sweep:$db'")" "${job2}|0 1 * * *|$tmp"
qs "SELECT instruction_control.unschedule_sweeps()" >/dev/null 2>&1

echo "# $(($(date +%s) - started)) s"
exit $((failures > 0))
