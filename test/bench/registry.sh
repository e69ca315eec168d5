#!/usr/bin/env bash
# Benchmark of the registry's decision paths, on a throwaway cluster
# (scripts/cluster.sh NAME bench_registry).  Every figure is a ratio against a
# floor measured in the same run, on the same rows (issue 19):
#
#   A. one extend_deadline() per transaction from a client, PREPAREd (pgbench
#      -M prepared, one client), vs B2: the same journal INSERT + instruction
#      UPDATE of the same columns on plain tables with the foreign key, as one
#      prepared statement per transaction (bench.instruction_plain and
#      bench.decision_plain: LIKE the registry's tables, with their defaults,
#      CHECKs and indexes, no triggers);                     target <= 1.2x
#   A2. the same calls vs the two-column write (UPDATE due_date, extensions) the
#      earlier versions of this bench compared with (for information)
#   A3-A5. the other decision calls the same way, each vs its B2 (the journal
#      INSERT of the row the registry writes + the instruction UPDATE of the
#      columns the decision changes): transfer_control() to medium-term
#      control, set_new_deadline() for a quarantine, remove_from_control() as
#      executed, each at PA level by the Head of the PA;       target <= 1.2x
#   A6-A7. two calls that are one INSERT (insert_calls.c) vs that INSERT sent
#      by the client, prepared, through the same triggers: put_on_control() of
#      an event instruction received today, submit_report() of an intermediate
#      report (what the entry point costs beyond its INSERT);   target <= 1.2x
#   B. extend_deadlines(), a batch of N, vs the same writes set-wise (B2 as one
#      statement);                                           target <= 1.3x
#   C. the batch as a login holding ic_controller (row-level security) vs the
#      same batch as a superuser, at N, 2N and 4N;            target <= 1.3x each
#   D. removing an act's point below PA level (the R79 lookup of the PA's record
#      of the same point) vs removing one at PA level, on a table of R rows;
#                                                            target <= 1.2x
#   E. a direct UPDATE of a descriptive column through the guard vs triggers
#      disabled, and COPY through the guard vs precomputed due dates (for
#      information; fast settings only)
#
# Each row is measured IC_BENCH_REPS times, the variants interleaved (ours,
# floor, ours, floor...), every run after the same reset and a VACUUM.  The
# figure is the server's CPU time (scripts/cluster.sh cpu: the backends' user +
# system time), which the other load on a shared machine does not inflate as it
# does the wall clock; the ratio is the median of the per-repetition ratios and
# the range their minimum and maximum; the wall-clock ratio is shown beside it.
# Rows A-D run twice: with production durability (fsync, synchronous_commit,
# full_page_writes on: the headline) and with the throwaway cluster's fast
# settings (all off); shared_buffers stays at its default 128 MB.
#   IC_BENCH_CALLS      A: calls (default 2000)
#   IC_BENCH_DECISIONS  B, C: N (default 20000; C also 2N, 4N)
#   IC_BENCH_REMOVALS   D: removals of each kind (default 5000: a run of 1,000 took
#                       ~150 ms of CPU, where the 10 ms clock tick and a checkpoint
#                       moved the ratio from 0.9x to 1.9x between repetitions)
#   IC_BENCH_REMOVAL_ROWS  D: instructions in the table (default 1000000)
#   IC_BENCH_ROWS       E: rows for COPY (default 1000000)
#   IC_BENCH_REPS       repetitions (default 5: with 3, one run of this stop had the
#                       median of C at 40k at 1.54x where five gave 1.07x)
#   IC_BENCH_INFO       0: leave out the rows E (default 1)
set -euo pipefail
shopt -s inherit_errexit

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
rows=${IC_BENCH_ROWS:-1000000}
decisions=${IC_BENCH_DECISIONS:-20000}
calls=${IC_BENCH_CALLS:-2000}
removals=${IC_BENCH_REMOVALS:-5000}
removal_rows=${IC_BENCH_REMOVAL_ROWS:-1000000}
reps=${IC_BENCH_REPS:-5}
export IC_PORT=${IC_PORT:-55470}
cluster=bench_registry

bash scripts/install-deps.sh >/dev/null
make -s >/dev/null && make -s install >/dev/null
bash scripts/cluster.sh start $cluster >/dev/null
trap 'bash scripts/cluster.sh durability $cluster fast >/dev/null 2>&1 || true; bash scripts/cluster.sh stop $cluster' EXIT
eval "$(bash scripts/cluster.sh env $cluster)"
export PGDATABASE=ic_bench_registry
dropdb --if-exists "$PGDATABASE"
createdb "$PGDATABASE"
psql -X -q -d postgres -c "ALTER SYSTEM SET autovacuum = off" -c "SELECT pg_reload_conf()" >/dev/null
datafile="$(dirname "$PGHOST")/bench_instructions.copy"
scriptdir=$(mktemp -d)
trap 'rm -rf "$scriptdir"; bash scripts/cluster.sh durability $cluster fast >/dev/null 2>&1 || true; bash scripts/cluster.sh stop $cluster' EXIT

sql() { psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" "$@" >/dev/null; }
cpu() { bash scripts/cluster.sh cpu $cluster; }
# wait until no client backend is left: an exited backend's CPU is counted once the
# postmaster has reaped it, so a run is measured only after its own backend is gone
settle() {
	local pm
	pm=$(head -n 1 "$(dirname "$PGHOST")/data/postmaster.pid")
	for _ in $(seq 1 500); do
		ps --ppid "$pm" -o args= | grep -q '\[local\]' || return 0
		sleep 0.02
	done
}
now_ms() { date +%s%3N; }

# One run: SETUP (statements), a VACUUM, then the measured command; prints "cpu_ms wall_ms".
# The command is "sql USER STATEMENT" or "pgbench SCRIPT" (one client, -M prepared).
run_once() {
	local setup=$1 kind=$2 who=$3 what=$4 c0 c1 w0 w1 out
	sql -c "$setup"
	sql -c "VACUUM (ANALYZE) instruction_control.instruction, instruction_control.decision, bench.instruction_plain, bench.decision_plain"
	sql -c "CHECKPOINT"
	settle; c0=$(cpu); w0=$(now_ms)
	case "$kind" in
		sql) out=$(psql -X -q -At -U "$who" -v ON_ERROR_STOP=1 -c "$what" 2>&1) || {
				echo "bench: failed: $what" >&2; echo "$out" >&2; exit 1; } ;;
		pgbench) out=$(pgbench -n -M prepared -c 1 -t "$calls" -D i=0 -f "$what" 2>&1) || {
				echo "bench: pgbench failed: $what" >&2; echo "$out" >&2; exit 1; }
			grep -q "number of failed transactions: 0" <<<"$out" || { echo "$out" >&2; exit 1; } ;;
	esac
	w1=$(now_ms); settle; c1=$(cpu)
	echo "$((c1 - c0)) $((w1 - w0))"
}

declare -a results=()
# measure NAME TARGET SETTING then pairs of (SETUP KIND USER WHAT) for ours and the floor
measure() {
	local name=$1 target=$2 setting=$3 o_setup=$4 o_kind=$5 o_who=$6 o_what=$7 \
		f_setup=$8 f_kind=$9 f_who=${10} f_what=${11} r o f ratios="" wratios="" ocpu="" fcpu=""
	for ((r = 1; r <= reps; r++)); do
		o=$(run_once "$o_setup" "$o_kind" "$o_who" "$o_what")
		f=$(run_once "$f_setup" "$f_kind" "$f_who" "$f_what")
		ocpu+="${o% *} "; fcpu+="${f% *} "
		ratios+="$(awk -v a="${o% *}" -v b="${f% *}" 'BEGIN { printf "%.3f", a / (b > 0 ? b : 1) }') "
		wratios+="$(awk -v a="${o#* }" -v b="${f#* }" 'BEGIN { printf "%.3f", a / (b > 0 ? b : 1) }') "
	done
	results+=("$name|$setting|$(median $ocpu)|$(median $fcpu)|$(median $ratios)|$(minmax $ratios)|$(median $wratios)|$target")
	echo "  $name ($setting): cpu ratios $ratios; wall ratios $wratios" >&2
}
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
minmax() { printf '%s\n' "$@" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f-%.2f", lo, hi }'; }

big=$((decisions * 4))
sql -f - <<SQL
CREATE EXTENSION instruction_control;
CREATE SCHEMA bench;
-- every instruction received the same day: one due date, one new due date
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
INSERT INTO instruction_control.instruction (kind, level, received_on, term, content, pa_unit, completion_form, responsible_body_id)
SELECT 'act_point', 'pa', date '2025-02-03', '10 wd', 'instruction ' || g, 'Бақылау бөлімі', 'ақпарат',
       (SELECT id FROM instruction_control.state_body WHERE code = 'R45')
  FROM generate_series(1, $big) g;
CREATE TABLE bench.snapshot AS
  SELECT id, due_date, regime, status, removed_on, instruction_control.roll_forward(due_date + 30) AS new_due,
         row_number() OVER (ORDER BY id) AS n
    FROM instruction_control.instruction;
CREATE UNIQUE INDEX ON bench.snapshot (id);
CREATE UNIQUE INDEX ON bench.snapshot (n);
-- B2: plain tables with the registry's columns, defaults, CHECKs, indexes and the foreign key
CREATE TABLE bench.instruction_plain (LIKE instruction_control.instruction INCLUDING ALL);
CREATE TABLE bench.decision_plain (LIKE instruction_control.decision INCLUDING ALL,
  FOREIGN KEY (instruction_id) REFERENCES bench.instruction_plain);
-- restore the instructions and empty the journals between runs (superuser: triggers off)
CREATE FUNCTION bench.reset() RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  UPDATE instruction_control.instruction i
     SET due_date = s.due_date, regime = s.regime, status = s.status, removed_on = s.removed_on,
         last_decision_id = NULL, extensions = 0, decision_count = 0, last_decided_on = NULL
    FROM bench.snapshot s
   WHERE s.id = i.id
     AND (i.due_date, i.regime, i.status, i.removed_on, i.last_decision_id, i.extensions, i.decision_count, i.last_decided_on)
         IS DISTINCT FROM (s.due_date, s.regime, s.status, s.removed_on, NULL, 0, 0, NULL);
  DELETE FROM instruction_control.decision;
  TRUNCATE bench.decision_plain, bench.instruction_plain;
  INSERT INTO bench.instruction_plain OVERRIDING SYSTEM VALUE SELECT * FROM instruction_control.instruction;
END \$\$;
-- A6-A7: what the calls that are one INSERT wrote
CREATE FUNCTION bench.reset_writes() RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  DELETE FROM instruction_control.report;
  DELETE FROM instruction_control.instruction WHERE content = 'bench put';
END \$\$;
CREATE FUNCTION bench.empty() RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  TRUNCATE instruction_control.decision, instruction_control.instruction CASCADE;
END \$\$;
DROP ROLE IF EXISTS bench_controller;
CREATE ROLE bench_controller LOGIN IN ROLE ic_controller;
GRANT USAGE ON SCHEMA bench TO bench_controller;
GRANT SELECT ON bench.snapshot TO bench_controller;
SQL
first=$(psql -X -At -c "SELECT min(id) - 1 FROM bench.snapshot")
new_due=$(psql -X -At -c "SELECT new_due FROM bench.snapshot LIMIT 1")

# A: one call per transaction, prepared; the client counts i = 1, 2, ... (pgbench -D i=0)
cat >"$scriptdir/ours.sql" <<SQL
\set i :i + 1
\set id $first + :i
SELECT * FROM instruction_control.extend_deadline(:id, '$new_due', 'head_of_pa', 'expert conclusion', evidence => '{pa_expert_conclusion}');
SQL
# B2: read the instruction, journal the decision with what the registry writes (its values, the
# old deadline and regime, seq, the rules' version) and update the instruction's columns the
# decision changes (rules_effect_core.c), for the instructions of the FROM/WHERE tail $1: $2 the
# journal's columns after old_regime, $3 the values from kind on (over i), $4 the SET list (over d)
b2() {
	echo "WITH d AS (
	  INSERT INTO bench.decision_plain (instruction_id, seq, repeated, rules_version, kind, decided_by, decided_on,
	                                    old_due_date, old_regime, $2)
	  SELECT i.id, i.decision_count + 1, false, 0, $3 FROM bench.instruction_plain i $1
	  RETURNING *)
	UPDATE bench.instruction_plain i
	   SET $4, decision_count = d.seq, last_decision_id = d.id, last_decided_on = d.decided_on
	  FROM d WHERE i.id = d.instruction_id
	RETURNING d.*"
}
# B2 of one call per transaction, as a pgbench script: the B2 the command "$@" writes for the
# instruction :id (b2 or b2_extension, its FROM/WHERE tail left out)
b2_script() {
	local command=$1
	shift
	echo '\set i :i + 1'
	echo "\\set id $first + :i"
	"$command" "WHERE i.id = :id" "$@" | tr '\n\t' '  '
	echo ';'
}
# an extension's B2, its new due date the expression $2
b2_extension() {
	b2 "$1" "new_due_date, basis" "'extension', 'head_of_pa', current_date, i.due_date, i.regime, $2, 'expert conclusion'" \
		"due_date = d.new_due_date, extensions = i.extensions + 1"
}
b2_script b2_extension "'$new_due'::date" >"$scriptdir/b2.sql"
cat >"$scriptdir/two.sql" <<SQL
\set i :i + 1
\set id $first + :i
UPDATE bench.instruction_plain SET due_date = '$new_due', extensions = extensions + 1 WHERE id = :id;
SQL

# A3-A5: the other decision calls, one per transaction, and each one's B2
cat >"$scriptdir/transfer.sql" <<SQL
\set i :i + 1
\set id $first + :i
SELECT * FROM instruction_control.transfer_control(:id, 'medium_term', '$new_due', 'head_of_pa', 'expert conclusion', 'external circumstances', evidence => '{pa_expert_conclusion}');
SQL
b2_script b2 "new_due_date, new_regime, basis, reason, evidence" \
	"'transfer', 'head_of_pa', current_date, i.due_date, i.regime, '$new_due'::date, 'medium_term', 'expert conclusion', 'external circumstances', '{pa_expert_conclusion}'" \
	"due_date = d.new_due_date, regime = d.new_regime, extensions = i.extensions + 1" >"$scriptdir/transfer_b2.sql"
cat >"$scriptdir/new_deadline.sql" <<SQL
\set i :i + 1
\set id $first + :i
SELECT * FROM instruction_control.set_new_deadline(:id, '$new_due', 'head_of_pa', 'letter of the ministry', 'quarantine', evidence => '{pa_expert_conclusion}');
SQL
b2_script b2 "new_due_date, basis, reason, evidence" \
	"'new_deadline', 'head_of_pa', current_date, i.due_date, i.regime, '$new_due'::date, 'letter of the ministry', 'quarantine', '{pa_expert_conclusion}'" \
	"due_date = d.new_due_date" >"$scriptdir/new_deadline_b2.sql"
cat >"$scriptdir/removal.sql" <<SQL
\set i :i + 1
\set id $first + :i
SELECT * FROM instruction_control.remove_from_control(:id, 'executed', 'head_of_pa', '{official_report}');
SQL
b2_script b2 "ground, evidence" \
	"'removal', 'head_of_pa', current_date, i.due_date, i.regime, 'executed', '{official_report}'" \
	"status = 'removed', removed_on = d.decided_on" >"$scriptdir/removal_b2.sql"

# A6-A7: a call that is one INSERT, and that INSERT
cat >"$scriptdir/put.sql" <<SQL
SELECT * FROM instruction_control.put_on_control('event', 'central', current_date, '10 wd', content => 'bench put');
SQL
cat >"$scriptdir/put_insert.sql" <<SQL
INSERT INTO instruction_control.instruction (kind, level, received_on, term, content)
VALUES ('event', 'central', current_date, '10 wd', 'bench put') RETURNING *;
SQL
cat >"$scriptdir/report.sql" <<SQL
\set i :i + 1
\set id $first + :i
SELECT * FROM instruction_control.submit_report(:id, 'intermediate', 'bench report');
SQL
cat >"$scriptdir/report_insert.sql" <<SQL
\set i :i + 1
\set id $first + :i
INSERT INTO instruction_control.report (instruction_id, kind, content) VALUES (:id, 'intermediate', 'bench report') RETURNING *;
SQL

batch_sql() {	# extend_deadlines() on the first $1 instructions
	echo "SELECT count(*) FROM instruction_control.extend_deadlines(
	   (SELECT array_agg(id ORDER BY n) FROM bench.snapshot WHERE n <= $1),
	   (SELECT array_agg(new_due ORDER BY n) FROM bench.snapshot WHERE n <= $1), 'head_of_pa', 'expert conclusion', evidence => '{pa_expert_conclusion}')"
}

# D: a table of R instructions, every act's point held once (a third at PA level, removed;
# the rest central, on control); removals of central records (R79 looks up the records of
# the same point and finds none on the PA's control) and of PA-level records of other points
# of the same acts (no R79 lookup; the same index entries written)
setup_removals() {
	sql -f - <<SQL
SELECT bench.empty();
SET session_replication_role = replica;
INSERT INTO instruction_control.act (act_type, number, signed_on)
SELECT 'decree', 'bench-' || g, '2025-01-10' FROM generate_series(1, 1000) g;
CREATE TEMP TABLE acts AS SELECT id, row_number() OVER (ORDER BY id) AS n FROM instruction_control.act;
INSERT INTO instruction_control.instruction (kind, level, received_on, term, due_date, calendar, content, act_id, point, status, removed_on)
SELECT 'act_point', CASE WHEN g % 3 = 0 THEN 'pa' ELSE 'central' END::instruction_control.control_level,
       date '2025-02-03', '10 wd', date '2025-02-17', 'KZ', 'instruction ' || g,
       a.id, ((g / 1000) + 1)::text::instruction_control.point_ref,
       CASE WHEN g % 3 = 0 THEN 'removed' ELSE 'on_control' END,
       CASE WHEN g % 3 = 0 THEN date '2025-02-14' END
  FROM generate_series(1, $removal_rows) g JOIN acts a ON a.n = g % 1000 + 1;
-- the PA's records are an act's points too, each its own (points above those of the rows
-- below PA): both sides write the same index entries, (act_id, point) among them
INSERT INTO instruction_control.instruction (kind, level, received_on, term, due_date, calendar, content, act_id, point)
SELECT 'act_point', 'pa', date '2025-02-03', '10 wd', date '2025-02-17', 'KZ', 'pa ' || g,
       a.id, ($removal_rows / 1000 + 2 + g / 1000)::text::instruction_control.point_ref
  FROM generate_series(1, $removals) g JOIN acts a ON a.n = g % 1000 + 1;
CREATE TABLE bench.rm_pa AS SELECT id FROM instruction_control.instruction WHERE content LIKE 'pa %' ORDER BY id;
CREATE TABLE bench.rm_central AS SELECT id FROM instruction_control.instruction
 WHERE level::text = 'central' ORDER BY id LIMIT $removals;
CREATE TABLE bench.rm_snapshot AS
  SELECT id, status, removed_on, decision_count, last_decision_id, last_decided_on FROM instruction_control.instruction
   WHERE id IN (SELECT id FROM bench.rm_pa UNION ALL SELECT id FROM bench.rm_central);
CREATE FUNCTION bench.rm_reset() RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  UPDATE instruction_control.instruction i
     SET status = s.status, removed_on = s.removed_on, decision_count = s.decision_count,
         last_decision_id = s.last_decision_id, last_decided_on = s.last_decided_on
    FROM bench.rm_snapshot s WHERE s.id = i.id;
  DELETE FROM instruction_control.decision;
END \$\$;
RESET session_replication_role;
ANALYZE instruction_control.instruction;
SQL
}

run_rows() {	# rows A-D under the durability setting $1
	local setting=$1 n
	bash scripts/cluster.sh durability $cluster "$setting"
	echo "== $setting: A. $calls x extend_deadline(), prepared, one per transaction" >&2
	measure "A. extend_deadline() from a client, PREPAREd, x $calls vs B2 (same columns, plain tables, FK)" 1.2 "$setting" \
		"SELECT bench.reset()" pgbench postgres "$scriptdir/ours.sql" \
		"SELECT bench.reset()" pgbench postgres "$scriptdir/b2.sql"
	measure "A2. the same calls vs the two-column UPDATE (for information)" "" "$setting" \
		"SELECT bench.reset()" pgbench postgres "$scriptdir/ours.sql" \
		"SELECT bench.reset()" pgbench postgres "$scriptdir/two.sql"
	for call in "transfer A3 transfer_control()" "new_deadline A4 set_new_deadline()" "removal A5 remove_from_control()"; do
		read -r script row fn <<<"$call"
		echo "== $setting: $row. $calls x $fn, prepared, one per transaction" >&2
		measure "$row. $fn from a client, PREPAREd, x $calls vs its B2 (same columns, plain tables, FK)" 1.2 "$setting" \
			"SELECT bench.reset()" pgbench postgres "$scriptdir/$script.sql" \
			"SELECT bench.reset()" pgbench postgres "$scriptdir/${script}_b2.sql"
	done
	for call in "put A6 put_on_control()" "report A7 submit_report()"; do
		read -r script row fn <<<"$call"
		echo "== $setting: $row. $calls x $fn vs its INSERT" >&2
		measure "$row. $fn from a client, PREPAREd, x $calls vs its INSERT (the same triggers)" 1.2 "$setting" \
			"SELECT bench.reset_writes()" pgbench postgres "$scriptdir/$script.sql" \
			"SELECT bench.reset_writes()" pgbench postgres "$scriptdir/${script}_insert.sql"
	done
	echo "== $setting: B. extend_deadlines() batch of $decisions" >&2
	measure "B. extend_deadlines() batch of $decisions vs B2 set-wise" 1.3 "$setting" \
		"SELECT bench.reset()" sql postgres "$(batch_sql "$decisions")" \
		"SELECT bench.reset()" sql postgres "$(b2_extension "JOIN bench.snapshot s USING (id) WHERE s.n <= $decisions" s.new_due)"
	for n in "$decisions" $((decisions * 2)) $((decisions * 4)); do
		echo "== $setting: C. batch of $n as ic_controller" >&2
		measure "C. batch of $n as ic_controller (RLS) vs superuser" 1.3 "$setting" \
			"SELECT bench.reset()" sql bench_controller "$(batch_sql "$n")" \
			"SELECT bench.reset()" sql postgres "$(batch_sql "$n")"
	done
}

run_removals() {	# row D under the durability setting $1
	local setting=$1
	bash scripts/cluster.sh durability $cluster "$setting"
	echo "== $setting: D. $removals removals below PA level vs at PA level, $removal_rows instructions" >&2
	measure "D. $removals removals below PA level (R79 lookup) vs at PA level, $removal_rows rows" 1.2 "$setting" \
		"SELECT bench.rm_reset()" sql postgres \
		"SELECT count(instruction_control.remove_from_control(id, 'executed', 'first_head', '{official_report}', decided_on => date '2025-02-17')) FROM bench.rm_central" \
		"SELECT bench.rm_reset()" sql postgres \
		"SELECT count(instruction_control.remove_from_control(id, 'executed', 'head_of_pa', '{official_report}', decided_on => date '2025-02-17')) FROM bench.rm_pa"
}

run_rows production
run_rows fast

if [ "${IC_BENCH_INFO:-1}" = 1 ]; then
echo "== fast: E. UPDATE of a descriptive column, COPY through the guard" >&2
on="SET instruction_control.allow_member_ddl = on; ALTER TABLE instruction_control.instruction ENABLE TRIGGER USER"
off="SET instruction_control.allow_member_ddl = on; ALTER TABLE instruction_control.instruction DISABLE TRIGGER USER"
measure "E. UPDATE content x $big through the guard vs triggers disabled" "" fast \
	"SELECT bench.reset(); $on" sql postgres "UPDATE instruction_control.instruction SET content = content || '.'" \
	"SELECT bench.reset(); $off" sql postgres "UPDATE instruction_control.instruction SET content = content || '.'"
sql -c "$on"
sql -c "COPY (SELECT 'act_point', 'central', d, '10 wd', instruction_control.deadline(d, '10 wd', 'KZ'), 'KZ', 'instruction ' || g
               FROM generate_series(1, $rows) g, LATERAL (SELECT date '2024-02-01' + (g % 700) AS d) x)
          TO '$datafile'"
measure "E. COPY $rows instructions through the guard vs triggers disabled" "" fast \
	"SELECT bench.empty(); $on" sql postgres \
	"COPY instruction_control.instruction (kind, level, received_on, term, content) FROM PROGRAM 'cut -f1-4,7 $datafile'" \
	"SELECT bench.empty(); $off" sql postgres \
	"COPY instruction_control.instruction (kind, level, received_on, term, due_date, calendar, content) FROM PROGRAM 'cut -f1-7 $datafile'"
sql -c "$on"
rm -f "$datafile"
fi

setup_removals
run_removals production
run_removals fast

echo
echo "server CPU ms (median of $reps), ratio = median of the per-repetition ratios [range], wall-clock ratio beside"
printf '%-92s %-10s %9s %9s %6s %11s %6s  %s\n' "what" "settings" "ours" "floor" "ratio" "range" "wall" "target"
for r in "${results[@]}"; do
	IFS='|' read -r what setting o f ratio range wall t <<<"$r"
	verdict=""
	[ -n "$t" ] && verdict=$(awk -v r="$ratio" -v t="$t" 'BEGIN { if (r <= t) printf "<= %.1fx met", t; else printf "<= %.1fx NOT met", t }')
	printf '%-92s %-10s %9s %9s %5.2fx %11s %5.2fx  %s\n' "$what" "$setting" "$o" "$f" "$ratio" "$range" "$wall" "$verdict"
done
