#!/usr/bin/env bash
# Crash recovery of the registry and of the sweep, on a throwaway cluster of its
# own (scripts/cluster.sh NAME "crash", port PGPORT + 1 or IC_CRASH_PORT), destroyed
# at the end; the shared test cluster of scripts/test.sh stage 8 is not touched.
#
# The server is killed with `pg_ctl stop -m immediate` (no shutdown checkpoint:
# the next start replays the WAL) while the work runs, and restarted.  The work is
# held open at a random but seeded row (IC_CRASH_SEED, default 976; printed) by a
# trigger that sleeps, so the kill lands at that row whatever the machine's speed
# (pg_stat_activity shows it held there just before the kill):
#
#   A. extend_deadlines() over 8,000 ids in one statement;
#      then batches of 2,000 repeated extensions, one statement each, in autocommit
#   B. 3,000 single extend_deadline() calls in one transaction
#   C. 3,000 single extend_deadline() calls in autocommit
#   D. CALL sweep() writing its events in batches of 50 (each batch committed),
#      on a first (full) sweep of the day and on an incremental one after new
#      instructions and decisions
#
# After each restart the journal and the instructions agree: for every
# instruction extensions and decision_count equal its journal rows,
# last_decision_id / last_decided_on are its latest row, due_date is the latest
# new_due_date (or the original due date), each row's old_due_date is the due
# date before it, seq is 1..n; a batch or a transaction is there whole or not at
# all; every decision the client saw committed is there (synchronous_commit is on
# in this cluster); amcheck finds the indexes sound.  A killed sweep is logged
# unfinished in sweep_run, the next sweep finishes it, no event is written twice,
# and the outbox (and the overdue marks) then equal those of one clean sweep of
# the same day on a copy of the database taken before (CREATE DATABASE ...
# TEMPLATE).
#
# Prints "ok - ..." / "not ok - ..." per check; exits non-zero on a failure.
set -uo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
bindir=$(pg_config --bindir)
name=crash
port=${IC_CRASH_PORT:-$((${PGPORT:-55432} + 1))}
seed=${IC_CRASH_SEED:-976}
RANDOM=$seed
db=ic_crash
sdb=ic_crash_sweep
ref=ic_crash_sweep_ref
failures=0
crashes=0
started=$(date +%s)

ok()     { echo "ok - $1"; }
not_ok() { echo "not ok - $1"; failures=$((failures + 1)); }
check()  { local what=$1; shift; if "$@"; then ok "$what"; else not_ok "$what"; fi; }
same()   { [ "$1" = "$2" ] || { echo "# expected: $2"; echo "#      got: $1"; return 1; }; }
as_pg()  { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cl()     { IC_PORT=$port bash "$repo/scripts/cluster.sh" "$1" "$name"; }
q()      { psql -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }
# VAR LO HI: VAR = a random number in [LO, HI] from the seeded sequence (set in
# this shell: a command substitution would draw from a reseeded subshell)
rnd()    { printf -v "$1" '%d' $(($2 + RANDOM % ($3 - $2 + 1))); }
ms()     { echo $(($(date +%s%N) / 1000000)); }

tmp=$(mktemp -d /tmp/ic-crash.XXXXXX)
cl destroy >/dev/null 2>&1
trap 'cl destroy >/dev/null 2>&1; rm -rf "$tmp"' EXIT
cl start >/dev/null || { not_ok "the crash cluster starts on port $port"; exit 1; }
eval "$(cl env)"
dir=$(readlink -f "$repo/.cluster/$name")
data="$dir/data"
logfile="$dir/server.log"
echo "# seed $seed (IC_CRASH_SEED), cluster on port $port, data $data"

# What the client was told is committed must survive the kill: this cluster is
# otherwise set up for speed (synchronous_commit = off).  fsync stays off: the
# kernel keeps what the server wrote; only the server dies.  LOG lines show
# the crash recovery.
q postgres "ALTER SYSTEM SET synchronous_commit = on" >/dev/null
q postgres "ALTER SYSTEM SET log_min_messages = log" >/dev/null
cl stop >/dev/null && cl start >/dev/null

# APP CONDITION: wait (30 s at most) until a backend of application APP matches
wait_backend() {
	for _ in $(seq 1 1200); do
		[ "$(q postgres "SELECT count(*) FROM pg_stat_activity WHERE application_name = '$1' AND ($2)")" -ge 1 ] && return 0
		sleep 0.025
	done
	return 1
}
# APP: what the backend does now (state, has it an xid, its query)
backend_now() {
	q postgres "SELECT state || ' xid=' || (backend_xid IS NOT NULL) || ' ' || left(regexp_replace(query, '\s+', ' ', 'g'), 70)
	              FROM pg_stat_activity WHERE application_name = '$1'"
}
# DB TABLE CONDITION: a row trigger that sleeps when a row matching CONDITION
# is written, holding the statement (and its transaction) open, so the kill
# lands inside the write whatever the machine's speed; unpause DB TABLE drops it
# (DDL on the extension's tables: allowed with instruction_control.allow_member_ddl)
pause_on() {
	q "$1" "CREATE OR REPLACE FUNCTION public.crash_pause() RETURNS trigger LANGUAGE plpgsql
	          AS \$\$ BEGIN PERFORM pg_sleep(120); RETURN NULL; END \$\$;
	        DROP TRIGGER IF EXISTS crash_pause ON $2;
	        SET instruction_control.allow_member_ddl = on;  -- a test's trigger on our table, knowingly (IC404)
	        CREATE TRIGGER crash_pause AFTER INSERT ON $2 FOR EACH ROW WHEN ($3) EXECUTE FUNCTION public.crash_pause()" >/dev/null
}
unpause() { q "$1" "DROP TRIGGER IF EXISTS crash_pause ON $2" >/dev/null; }
# kill the server now, no shutdown checkpoint
crash() {
	as_pg "$bindir/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1
	crashes=$((crashes + 1))
}
# WHAT: the server was killed, comes back through crash recovery
restart() {
	local state
	state=$(as_pg "$bindir/pg_controldata" -D "$data" | sed -n 's/^Database cluster state: *//p')
	check "$1: the server went down without a shutdown checkpoint (pg_controldata: $state)" same "$state" "in production"
	cl start >/dev/null || { not_ok "$1: the server restarts"; tail -n 20 "$logfile" | sed 's/^/# /'; exit 1; }
	check "$1: it restarts through crash recovery (WAL replayed; $crashes in the log)" \
		same "$(grep -c 'database system was not properly shut down; automatic recovery in progress' "$logfile")" "$crashes"
}

# The journal and the instructions agree.  The view lists what does not.
consistency_view="
CREATE SCHEMA IF NOT EXISTS crash_check;
CREATE OR REPLACE VIEW crash_check.inconsistent AS
WITH d AS (
  SELECT d.*, i.original_due_date,
         row_number() OVER w AS n,
         -- the due date in force before this row: the latest new_due_date before it
         (array_agg(d.new_due_date) FILTER (WHERE d.new_due_date IS NOT NULL)
            OVER (w ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)) AS dues_before
    FROM instruction_control.decision d
    LEFT JOIN instruction_control.instruction i ON i.id = d.instruction_id
  WINDOW w AS (PARTITION BY d.instruction_id ORDER BY d.seq)
),
j AS (
  SELECT d.instruction_id, count(*) AS n,
         count(*) FILTER (WHERE d.kind IN ('extension', 'transfer')) AS ext,
         bool_and(d.seq = d.n) AS seq_ok,
         (array_agg(d.id ORDER BY d.seq DESC))[1] AS last_id,
         (array_agg(d.decided_on ORDER BY d.seq DESC))[1] AS last_on,
         (array_agg(d.new_due_date ORDER BY d.seq DESC) FILTER (WHERE d.new_due_date IS NOT NULL))[1] AS last_due,
         bool_and(d.new_due_date IS NULL
                  OR d.old_due_date IS NOT DISTINCT FROM coalesce(d.dues_before[cardinality(d.dues_before)], d.original_due_date)) AS chain_ok
    FROM d GROUP BY d.instruction_id
)
SELECT i.id, j.instruction_id, i.extensions, coalesce(j.ext, 0) AS journal_extensions, i.decision_count, coalesce(j.n, 0) AS journal_rows,
       i.last_decision_id, j.last_id, i.due_date, coalesce(j.last_due, i.original_due_date) AS journal_due,
       j.seq_ok, j.chain_ok
  FROM instruction_control.instruction i
  FULL JOIN j ON j.instruction_id = i.id
 WHERE i.id IS NULL
    OR i.extensions <> coalesce(j.ext, 0)
    OR i.decision_count <> coalesce(j.n, 0)
    OR i.last_decision_id IS DISTINCT FROM j.last_id
    OR i.last_decided_on IS DISTINCT FROM j.last_on
    OR i.due_date IS DISTINCT FROM coalesce(j.last_due, i.original_due_date)
    OR NOT coalesce(j.seq_ok, true)
    OR NOT coalesce(j.chain_ok, true);"

# DB WHAT: the journal and the instructions agree; amcheck finds the indexes sound
consistent() {
	local bad
	bad=$(q "$1" "SELECT count(*) FROM crash_check.inconsistent")
	check "$2: journal and instructions agree: extensions, decision_count, last_decision_id, due_date, old_due_date chain, seq 1..n ($(q "$1" "SELECT count(*) FROM instruction_control.decision") journal rows)" \
		same "$bad" "0"
	[ "$bad" = 0 ] || q "$1" "SELECT * FROM crash_check.inconsistent LIMIT 5" | sed 's/^/# /'
	local idx
	idx=$(q "$1" "SELECT count(*) FROM (SELECT bt_index_parent_check(c.oid, true)
	                FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am a ON a.oid = c.relam
	               WHERE a.amname = 'btree' AND x.indrelid IN ('instruction_control.instruction'::regclass,
	                     'instruction_control.decision'::regclass, 'instruction_control.event'::regclass,
	                     'instruction_control.sweep_run'::regclass, 'instruction_control.overdue_mark'::regclass)) t" 2>&1)
	check "$2: amcheck: every btree index of instruction, decision and the outbox is sound and holds every row ($idx indexes)" \
		grep -qx '[0-9][0-9]*' <<<"$idx"
	[[ $idx =~ ^[0-9]+$ ]] || echo "# $idx"
}

# ---------------------------------------------------------------------------
# The registry: 8,000 instructions on control
createdb "$db"
q "$db" "CREATE EXTENSION instruction_control; CREATE EXTENSION amcheck; $consistency_view
         INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central');" >/dev/null
q "$db" "SELECT count(instruction_control.put_on_control('act_point', 'pa', current_date - 200 + (g % 190), term => '20 wd',
                                                       content => 'crash test ' || g, external_ref => 'CR-' || g, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45')))
           FROM generate_series(1, 8000) g" >/dev/null
check "8000 instructions put on control" same "$(q "$db" "SELECT count(*) FROM instruction_control.instruction")" "8000"

ids="(SELECT array_agg(id ORDER BY id) FROM instruction_control.instruction)"
dues="(SELECT array_agg(instruction_control.add_working_days(due_date, 30) ORDER BY id) FROM instruction_control.instruction)"
batch_sql="SELECT count(*) FROM instruction_control.extend_deadlines($ids, $dues, 'head_of_pa', 'crash A batch', evidence => '{pa_expert_conclusion}')"

# how long the batch takes here (rolled back), to kill it in its middle
t0=$(ms)
q "$db" "BEGIN; $batch_sql; ROLLBACK" >/dev/null
t_batch=$(($(ms) - t0))
echo "# extend_deadlines() over 8000 ids takes ~${t_batch} ms here"

# --- A1. one batch of 8,000, killed mid-statement ------------------------------
# (its journal rows written, the statement held open at a seeded row)
rnd delay 1 8000
pause_on "$db" instruction_control.decision "NEW.basis = 'crash A batch' AND NEW.instruction_id = $delay"
PGAPPNAME=crash_a1 psql -X -q -At -d "$db" -c "$batch_sql" >"$tmp/a1.out" 2>"$tmp/a1.err" &
client=$!
wait_backend crash_a1 "state = 'active' AND query LIKE '%extend_deadlines%' AND wait_event = 'PgSleep'"
now=$(backend_now crash_a1)
crash
wait "$client"; rc=$?
check "A1: extend_deadlines() over 8000 ids was running when the server was killed at the row of instruction ${delay} (pg_stat_activity: ${now:-nothing})" \
	grep -q '^active xid=true .*extend_deadlines' <<<"$now"
check "A1: the client got no result: its connection was lost mid-statement (psql exit $rc)" \
	[ "$rc" -ne 0 -a ! -s "$tmp/a1.out" ]
restart "A1"
unpause "$db" instruction_control.decision
consistent "$db" "A1"
check "A1: nothing of the killed batch is there: 0 of 8000 decisions, every instruction still unextended" \
	same "$(q "$db" "SELECT (SELECT count(*) FROM instruction_control.decision), (SELECT count(*) FROM instruction_control.instruction WHERE extensions <> 0 OR due_date <> original_due_date)")" "0|0"
check "A1: after recovery the same batch is accepted whole (8000 first extensions, R69.1)" \
	same "$(q "$db" "$batch_sql")" "8000"
consistent "$db" "A1 rerun"

# --- A2. batches of 2,000 repeated extensions in autocommit, killed in one --------
# (R72.2: a second extension carries the decision on disciplinary responsibility)
for b in 1 2 3 4; do
	range="id BETWEEN $(((b - 1) * 2000 + 1)) AND $((b * 2000))"
	echo "SELECT $b, count(*) FROM instruction_control.extend_deadlines(
	        (SELECT array_agg(id ORDER BY id) FROM instruction_control.instruction WHERE $range),
	        (SELECT array_agg(instruction_control.add_working_days(due_date, 5) ORDER BY id) FROM instruction_control.instruction WHERE $range),
	        'head_of_pa', 'crash A2 batch $b', disciplinary_review => 'order No. $b', evidence => '{pa_expert_conclusion}');"
done >"$tmp/a2.sql"
rnd k 1 2               # batches to let commit
rnd delay 1 2000        # then the row of the next one to hold it open at
pause_on "$db" instruction_control.decision \
	"NEW.basis = 'crash A2 batch $((k + 1))' AND NEW.instruction_id = $((k * 2000 + delay))"
PGAPPNAME=crash_a2 psql -X -q -At -F ' ' -d "$db" -f "$tmp/a2.sql" >"$tmp/a2.out" 2>"$tmp/a2.err" &
client=$!
wait_backend crash_a2 "state = 'active' AND query LIKE 'SELECT $((k + 1)), count(*)%' AND wait_event = 'PgSleep'"
now=$(backend_now crash_a2)
crash
wait "$client"
acked=$(wc -l <"$tmp/a2.out")
check "A2: batch $((k + 1)) of 4 was running when the server was killed (held at its row $delay); the client had $acked batches acknowledged (pg_stat_activity: ${now:-nothing})" \
	grep -q "^active xid=[a-z]* SELECT $((k + 1)), count(\*) .*extend_deadlines" <<<"$now"
restart "A2"
unpause "$db" instruction_control.decision
consistent "$db" "A2"
per_batch=$(q "$db" "SELECT string_agg(b::text || ':' || coalesce(n, 0), ' ' ORDER BY b)
                      FROM generate_series(1, 4) b
                      LEFT JOIN (SELECT substring(basis FROM 'batch ([0-9]+)')::int AS b, count(*) AS n
                                   FROM instruction_control.decision WHERE basis LIKE 'crash A2 %' GROUP BY 1) t USING (b)")
echo "# decisions per batch after recovery: $per_batch"
check "A2: every batch is whole or absent (2000 or 0 decisions each)" \
	bash -c '! grep -qvE "^[0-9]+:(0|2000)$" < <(tr " " "\n" <<<"$1")' _ "$per_batch"
present=$(q "$db" "SELECT count(DISTINCT basis) FROM instruction_control.decision WHERE basis LIKE 'crash A2 %'")
last=$(q "$db" "SELECT coalesce(max(substring(basis FROM 'batch ([0-9]+)')::int), 0) FROM instruction_control.decision WHERE basis LIKE 'crash A2 %'")
check "A2: every batch the client saw committed is there, and at most the one it was waiting for besides ($acked acknowledged, $present present: batches 1..$last)" \
	[ "$present" -ge "$acked" -a "$present" -le $((acked + 1)) -a "$last" = "$present" ]
check "A2: the acknowledged counts were whole batches" \
	bash -c '! grep -qvE "^[0-9] 2000$" "$1"' _ "$tmp/a2.out"

# --- B. 3,000 single calls in one transaction -----------------------------------
{
	echo "BEGIN;"
	for i in $(seq 1 3000); do
		echo "SELECT (instruction_control.extend_deadline(id, instruction_control.add_working_days(due_date, 7), 'head_of_pa', 'crash B tx', disciplinary_review => 'order No. 9', evidence => '{pa_expert_conclusion}')).seq FROM instruction_control.instruction WHERE id = $i;"
	done
	echo "COMMIT;"
	echo "\\echo committed"
} >"$tmp/b.sql"
before=$(q "$db" "SELECT count(*) FROM instruction_control.decision")
rnd k 300 2500          # the call to hold the transaction open at
pause_on "$db" instruction_control.decision "NEW.basis = 'crash B tx' AND NEW.instruction_id = $k"
PGAPPNAME=crash_b psql -X -q -At -v ON_ERROR_STOP=1 -d "$db" -f "$tmp/b.sql" >"$tmp/b.out" 2>"$tmp/b.err" &
client=$!
wait_backend crash_b "backend_xid IS NOT NULL AND query LIKE '%WHERE id = $k;' AND wait_event = 'PgSleep'"
now=$(backend_now crash_b)
crash
wait "$client"
done_calls=$(grep -c . "$tmp/b.out")
check "B: the transaction of single extend_deadline() calls was open, held in call $k, with the $((k - 1)) calls before it done ($done_calls results), when the server was killed (pg_stat_activity: ${now:-nothing})" \
	bash -c '[[ $1 =~ ^active\ xid=true ]] && ! grep -q committed "$2" && [ "$3" -eq "$4" ]' _ "$now" "$tmp/b.out" "$done_calls" "$((k - 1))"
restart "B"
unpause "$db" instruction_control.decision
consistent "$db" "B"
check "B: nothing of the open transaction is there (0 of its $done_calls decisions; the journal as before: $before rows)" \
	same "$(q "$db" "SELECT count(*) FILTER (WHERE basis = 'crash B tx'), count(*) FROM instruction_control.decision")" "0|$before"

# --- C. 3,000 single calls in autocommit -------------------------------------------
for i in $(seq 3001 6000); do
	echo "SELECT (d).id FROM (SELECT instruction_control.extend_deadline(id, instruction_control.add_working_days(due_date, 7), 'head_of_pa', 'crash C auto', disciplinary_review => 'order No. 10', evidence => '{pa_expert_conclusion}') AS d FROM instruction_control.instruction WHERE id = $i) t;"
done >"$tmp/c.sql"
rnd k 300 1500          # the call to hold open: the k - 1 before it commit
pause_on "$db" instruction_control.decision "NEW.basis = 'crash C auto' AND NEW.instruction_id = $((3000 + k))"
PGAPPNAME=crash_c psql -X -q -At -d "$db" -f "$tmp/c.sql" >"$tmp/c.out" 2>"$tmp/c.err" &
client=$!
wait_backend crash_c "backend_xid IS NOT NULL AND query LIKE '%WHERE id = $((3000 + k))) t;' AND wait_event = 'PgSleep'"
now=$(backend_now crash_c)
crash
wait "$client"
acked=$(grep -c '^[0-9][0-9]*$' "$tmp/c.out")
check "C: single extend_deadline() calls in autocommit were running, held in call $k, $acked committed before it (of $((k - 1))), when the server was killed (pg_stat_activity: ${now:-nothing})" \
	bash -c '[[ $1 =~ ^active\ xid=true ]] && [ "$2" -eq "$3" ]' _ "$now" "$acked" "$((k - 1))"
restart "C"
unpause "$db" instruction_control.decision
consistent "$db" "C"
tr '\n' ',' <"$tmp/c.out" | sed 's/,$//' >"$tmp/c.ids"
check "C: every decision the client saw committed is in the journal ($acked of $acked)" \
	same "$(q "$db" "SELECT count(*) FROM instruction_control.decision WHERE id = ANY ('{$(cat "$tmp/c.ids")}'::bigint[])")" "$acked"
present=$(q "$db" "SELECT count(*) FROM instruction_control.decision WHERE basis = 'crash C auto'")
check "C: the calls that committed are the first ones in order, with at most the one in flight besides ($present present)" \
	same "$(q "$db" "SELECT count(*) = $present AND coalesce(max(instruction_id), 3000) = 3000 + $present AND $present BETWEEN $acked AND $acked + 1
	                   FROM instruction_control.decision WHERE basis = 'crash C auto'")" "t"
check "C: after recovery decisions go on: the remaining calls are accepted (single and batch)" \
	same "$(q "$db" "SELECT count(instruction_control.extend_deadline(id, instruction_control.add_working_days(due_date, 7), 'head_of_pa', 'after C', disciplinary_review => 'order No. 11', evidence => '{pa_expert_conclusion}'))
	                   FROM instruction_control.instruction WHERE id > 3000 + $present AND id <= 6000;
	                 SELECT count(*) FROM instruction_control.extend_deadlines(
	                   (SELECT array_agg(id ORDER BY id) FROM instruction_control.instruction WHERE id > 6000),
	                   (SELECT array_agg(instruction_control.add_working_days(due_date, 7) ORDER BY id) FROM instruction_control.instruction WHERE id > 6000),
	                   'head_of_pa', 'after C batch', disciplinary_review => 'order No. 12', evidence => '{pa_expert_conclusion}')" | tr '\n' ' ')" \
	"$((3000 - present)) 2000 "
consistent "$db" "after all decisions"

# ---------------------------------------------------------------------------
# D. The sweep: a registry with thousands of events due today
today=$(q postgres "SELECT current_date")
createdb "$sdb"
q "$sdb" "CREATE EXTENSION instruction_control; CREATE EXTENSION amcheck; $consistency_view
          INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central');" >/dev/null
load_sweep_registry() {   # DB FROM TO: instructions FROM..TO received 1..100 days ago
	q "$1" "SELECT count(instruction_control.put_on_control(
	          (CASE WHEN g % 7 = 0 THEN 'security_council' ELSE 'act_point' END)::instruction_control.instruction_kind, 'pa',
	          current_date - 1 - (g % 100), term => '10 wd', content => 'sweep crash ' || g, external_ref => 'SW-' || g,
	          reporting_period => CASE WHEN g % 10 = 0 THEN 'monthly' END::instruction_control.reporting_period, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45')))
	          FROM generate_series($2, $3) g" >/dev/null
}
load_sweep_registry "$sdb" 1 6000
q postgres "CREATE DATABASE $ref TEMPLATE $sdb" >/dev/null

# DB: the outbox and the marks without what may differ between two databases:
# event and run ids, times, and instruction ids (a sequence jumps ahead after a
# crash: it is WAL-logged 32 values in advance), so instructions by external_ref
outbox() {
	q "$1" "SELECT i.external_ref, e.kind, e.period, e.addressee, e.rule_id, e.due_date, e.as_of, e.detail::text
	          FROM instruction_control.event e JOIN instruction_control.instruction i ON i.id = e.instruction_id
	         ORDER BY 1, 2, 3"
	q "$1" "SELECT 'mark', i.external_ref, m.due_date, m.marked_on
	          FROM instruction_control.overdue_mark m JOIN instruction_control.instruction i ON i.id = m.instruction_id ORDER BY 2"
}
sweep_sql="CALL instruction_control.sweep('$today', 50)"

# SCENARIO: a clean sweep on the copy, a killed one then a second one on the original
sweep_scenario() {
	local sc=$1 runs_before t_sweep n_ref batches k now runs
	t0=$(ms)
	q "$ref" "SET client_min_messages = warning; $sweep_sql"
	t_sweep=$(($(ms) - t0))
	n_ref=$(q "$ref" "SELECT events FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1")
	batches=$(q "$ref" "SELECT batches FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1")
	echo "# $sc: a clean sweep on the copy wrote $n_ref events in $batches batches of 50, ${t_sweep} ms"
	runs_before=$(q "$sdb" "SELECT coalesce(max(id), 0) FROM instruction_control.sweep_run")
	rnd k 2 $((batches / 2))
	# held open in the batch after the k-th: at the first event past k batches of 50
	pause_on "$sdb" instruction_control.event \
		"NEW.id > $(q "$sdb" "SELECT coalesce(max(id), 0) FROM instruction_control.event") + $((k * 50 + 25))"
	PGAPPNAME=crash_sweep psql -X -q -At -d "$sdb" -c "$sweep_sql" >"$tmp/sweep.out" 2>"$tmp/sweep.err" &
	client=$!
	wait_backend crash_sweep "state = 'active' AND wait_event = 'PgSleep'"
	now=$(backend_now crash_sweep)
	state=$(q "$sdb" "SELECT batches || ' batches, ' || events || ' events, finished ' || (finished_at IS NOT NULL) FROM instruction_control.sweep_run WHERE id > $runs_before")
	crash
	wait "$client"
	check "$sc: the sweep was running when the server was killed: $state committed (pg_stat_activity: ${now:-nothing})" \
		bash -c '[[ $1 =~ ^active\ .*sweep ]] && [[ $2 =~ finished\ false$ ]]' _ "$now" "$state"
	restart "$sc"
	unpause "$sdb" instruction_control.event
	check "$sc: sweep_run shows the killed run unfinished, its committed batches and events as written" \
		same "$(q "$sdb" "SELECT r.finished_at IS NULL, r.events = (SELECT count(*) FROM instruction_control.event e WHERE e.sweep_run_id = r.id), r.batches >= 1
		                   FROM instruction_control.sweep_run r WHERE r.id > $runs_before")" "t|t|t"
	out=$(psql -X -q -At -d "$sdb" -c "$sweep_sql" 2>&1)
	echo "$out" | sed 's/^/# /'
	check "$sc: running the sweep again finishes the day: the next run is logged finished" \
		same "$(q "$sdb" "SELECT string_agg((finished_at IS NOT NULL)::text, ',' ORDER BY id) FROM instruction_control.sweep_run WHERE id > $runs_before")" "false,true"
	check "$sc: no event twice (one per instruction, kind and period)" \
		same "$(q "$sdb" "SELECT count(*) FROM (SELECT 1 FROM instruction_control.event GROUP BY instruction_id, kind, period HAVING count(*) > 1) t")" "0"
	outbox "$sdb" >"$tmp/outbox.crash"
	outbox "$ref" >"$tmp/outbox.ref"
	check "$sc: the outbox and the overdue marks equal those of one clean sweep of $today on the copy ($(grep -vc '^mark' "$tmp/outbox.ref") events, $(grep -c '^mark' "$tmp/outbox.ref") marks)" \
		cmp -s "$tmp/outbox.ref" "$tmp/outbox.crash"
	diff "$tmp/outbox.ref" "$tmp/outbox.crash" | head -n 10 | sed 's/^/# /'
	check "$sc: the candidates of the killed run are gone (sweep_candidate empty)" \
		same "$(q "$sdb" "SELECT count(*) FROM instruction_control.sweep_candidate")" "0"
	check "$sc: a third sweep of the day adds nothing" \
		same "$(q "$sdb" "SET client_min_messages = warning; $sweep_sql; SELECT events FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1")" "0"
	q "$ref" "SET client_min_messages = warning; $sweep_sql" >/dev/null
	consistent "$sdb" "$sc"
}

echo "# D1: the first sweep of the day (full scope), killed"
sweep_scenario D1

# D2: new instructions and decisions since, the same on both databases, then
# an incremental sweep killed in its middle
for d in "$sdb" "$ref"; do
	load_sweep_registry "$d" 6001 8000
	n_ext=$(q "$d" "SELECT count(instruction_control.extend_deadline(id, instruction_control.add_working_days(current_date, 20), 'president', 'after the sweep', evidence => '{pa_expert_conclusion}'))
	          FROM instruction_control.instruction WHERE id % 5 = 0 AND id <= 6000 AND due_date < current_date")
done
echo "# D2: an incremental sweep after 2000 new instructions and $n_ext extensions of overdue ones, killed"
sweep_scenario D2
check "D2: the rerun after the crash continued incrementally from the last finished sweep" \
	same "$(q "$sdb" "SELECT scope FROM instruction_control.sweep_run WHERE finished_at IS NOT NULL ORDER BY id DESC OFFSET 1 LIMIT 1")" "incremental"

echo "# $crashes crashes, $(($(date +%s) - started)) s"
exit $((failures > 0))
