#!/usr/bin/env bash
# Benchmark of the registry's rule triggers, on a throwaway cluster
# (scripts/cluster.sh NAME bench_registry).  Every figure is a ratio against a
# baseline measured in the same run, on the same rows:
#
#   1. extend_deadline() on N instructions (journal row, judged, applied)
#      vs. the same change as a plain UPDATE of due_date with user triggers disabled,
#      and vs. the same two writes (journal INSERT + UPDATE) without the rules: the
#      registry's triggers disabled, the foreign keys checked as for any client
#      (the target), and also with no triggers and no foreign-key checks at all
#      (session_replication_role = replica; for information)
#   2. a direct UPDATE of a descriptive column through the guard trigger
#      vs. the same UPDATE with user triggers disabled
#   3. COPY of 1M instructions through the guard (due date counted per R50.3)
#      vs. COPY of the same rows with due dates precomputed, user triggers disabled
#
# Each figure is the best of 3 runs, each run after the same setup and a VACUUM.
# Targets: single extend_deadline() calls <= 1.2x the same writes per call, a batch
# (extend_deadlines) <= 1.5x the same writes set-wise; the rest are shown without one.
#   IC_BENCH_ROWS       rows for COPY (default 1000000)
#   IC_BENCH_DECISIONS  instructions for 1 and 2 (default 20000)
set -euo pipefail
shopt -s inherit_errexit

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
rows=${IC_BENCH_ROWS:-1000000}
decisions=${IC_BENCH_DECISIONS:-20000}
export IC_PORT=${IC_PORT:-55470}

bash scripts/install-deps.sh >/dev/null
make -s >/dev/null && make -s install >/dev/null
bash scripts/cluster.sh start bench_registry >/dev/null
eval "$(bash scripts/cluster.sh env bench_registry)"
export PGDATABASE=ic_bench_registry
dropdb --if-exists "$PGDATABASE"
createdb "$PGDATABASE"
datafile="$(dirname "$PGHOST")/bench_instructions.copy"

sql() { psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" "$@" >/dev/null; }

# best of 3: milliseconds of STMT, each run after SETUP and a VACUUM
best_ms() {
	local setup=$1 stmt=$2 best="" ms out
	for _ in 1 2 3; do
		sql -c "$setup" || exit 1
		# every run starts from the same clean tables: no bloat left by the runs before
		sql -c "VACUUM (FULL, ANALYZE) instruction_control.instruction, instruction_control.decision" || exit 1
		out=$(psql -X -q -At -v ON_ERROR_STOP=1 -c '\timing on' -c "$stmt" 2>&1) || {
			echo "bench: failed: $stmt" >&2; echo "$out" >&2; exit 1; }
		ms=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<<"$out" | tail -n 1)
		best=$(awk -v a="$ms" -v b="$best" 'BEGIN { if (b == "" || a < b) print a; else print b }')
	done
	echo "$best"
}

declare -a results=()
record() { results+=("$1|$2|$3|${4:-}"); }

sql -f - <<SQL
CREATE EXTENSION instruction_control;
CREATE SCHEMA bench;
-- restore the instructions and empty the journal between runs (superuser: triggers off)
CREATE FUNCTION bench.reset() RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  UPDATE instruction_control.instruction i
     SET due_date = s.due_date, last_decision_id = NULL, extensions = 0, decision_count = 0, last_decided_on = NULL
    FROM bench.snapshot s
   WHERE s.id = i.id
     AND (i.due_date, i.last_decision_id, i.extensions, i.decision_count, i.last_decided_on)
         IS DISTINCT FROM (s.due_date, NULL, 0, 0, NULL);
  DELETE FROM instruction_control.decision;
END \$\$;
CREATE FUNCTION bench.empty() RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  TRUNCATE instruction_control.decision, instruction_control.instruction CASCADE;
END \$\$;
INSERT INTO instruction_control.instruction (kind, level, received_on, term, content)
SELECT 'act_point', 'pa', date '2025-02-03' + (g % 200), '10 wd', 'instruction ' || g
  FROM generate_series(1, $decisions) g;
-- the new deadline of each extension: a working day (R50.3) a month on
CREATE TABLE bench.snapshot AS
  SELECT id, due_date, instruction_control.roll_forward(due_date + 30) AS new_due
    FROM instruction_control.instruction;
CREATE UNIQUE INDEX ON bench.snapshot (id);
SQL

on="SET instruction_control.allow_member_ddl = on; ALTER TABLE instruction_control.instruction ENABLE TRIGGER USER"
off="SET instruction_control.allow_member_ddl = on; ALTER TABLE instruction_control.instruction DISABLE TRIGGER USER"
journal_on="SET instruction_control.allow_member_ddl = on; ALTER TABLE instruction_control.decision ENABLE TRIGGER USER"
journal_off="SET instruction_control.allow_member_ddl = on; ALTER TABLE instruction_control.decision DISABLE TRIGGER USER"

echo "== 1. extend_deadline() on $decisions instructions"
ours=$(best_ms "SELECT bench.reset(); $on" \
	"SELECT count(instruction_control.extend_deadline(i.id, s.new_due, 'head_of_pa', 'expert conclusion'))
	   FROM instruction_control.instruction i JOIN bench.snapshot s USING (id)")
base=$(best_ms "SELECT bench.reset(); $off" \
	"UPDATE instruction_control.instruction i SET due_date = s.new_due FROM bench.snapshot s WHERE s.id = i.id")
record "extend_deadline() x $decisions vs UPDATE due_date, triggers disabled" "$ours" "$base"
# The same two writes without the rules: the registry's triggers disabled on both
# tables, the foreign keys still checked, as they are for any client.  ($raw: with
# no foreign-key checks either, which only a superuser can do.)
setwise="INSERT INTO instruction_control.decision (instruction_id, kind, new_due_date, decided_by, basis)
	 SELECT id, 'extension', new_due, 'head_of_pa', 'expert conclusion' FROM bench.snapshot;
	 UPDATE instruction_control.instruction i SET due_date = s.new_due, extensions = extensions + 1
	   FROM bench.snapshot s WHERE s.id = i.id;"
percall_loop="FOR r IN SELECT id, new_due FROM bench.snapshot LOOP
	     INSERT INTO instruction_control.decision (instruction_id, kind, new_due_date, decided_by, basis)
	     VALUES (r.id, 'extension', r.new_due, 'head_of_pa', 'expert conclusion');
	     UPDATE instruction_control.instruction SET due_date = r.new_due, extensions = extensions + 1
	      WHERE id = r.id;
	   END LOOP;"
same=$(best_ms "SELECT bench.reset(); $off; $journal_off" "BEGIN; $setwise COMMIT;")
raw=$(best_ms "SELECT bench.reset(); $off" "BEGIN; SET LOCAL session_replication_role = replica; $setwise COMMIT;")
percall=$(best_ms "SELECT bench.reset(); $off; $journal_off" "DO \$\$ DECLARE r record; BEGIN $percall_loop END \$\$")
percall_raw=$(best_ms "SELECT bench.reset(); $off" \
	"DO \$\$ DECLARE r record; BEGIN SET LOCAL session_replication_role = replica; $percall_loop END \$\$")
sql -c "$journal_on"
record "extend_deadline() x $decisions vs the same two writes per call, no rules" "$ours" "$percall" "1.2"
record "extend_deadline() x $decisions vs the same two writes per call, no rules, no FK checks" "$ours" "$percall_raw"

echo "== 1b. extend_deadlines(): a batch of $decisions decisions in one statement"
batch=$(best_ms "SELECT bench.reset(); $on" \
	"SELECT count(*) FROM instruction_control.extend_deadlines(
	   (SELECT array_agg(id ORDER BY id) FROM bench.snapshot),
	   (SELECT array_agg(new_due ORDER BY id) FROM bench.snapshot), 'head_of_pa', 'expert conclusion')")
record "extend_deadlines() batch of $decisions vs the same two writes set-wise, no rules" "$batch" "$same" "1.5"
record "extend_deadlines() batch of $decisions vs the same two writes set-wise, no rules, no FK checks" "$batch" "$raw"

echo "== 2. UPDATE of a descriptive column on $decisions instructions"
ours=$(best_ms "SELECT bench.reset(); $on" "UPDATE instruction_control.instruction SET content = content || '.'")
base=$(best_ms "SELECT bench.reset(); $off" "UPDATE instruction_control.instruction SET content = content || '.'")
record "UPDATE content x $decisions through the guard vs triggers disabled" "$ours" "$base"
sql -c "$on"

echo "== 3. COPY of $rows instructions"
sql -c "COPY (SELECT 'act_point', 'central', d, '10 wd', instruction_control.deadline(d, '10 wd', 'KZ'), 'KZ', 'instruction ' || g
               FROM generate_series(1, $rows) g, LATERAL (SELECT date '2024-02-01' + (g % 700) AS d) x)
          TO '$datafile'"
ours=$(best_ms "SELECT bench.empty(); $on" \
	"COPY instruction_control.instruction (kind, level, received_on, term, content) FROM PROGRAM 'cut -f1-4,7 $datafile'")
base=$(best_ms "SELECT bench.empty(); $off" \
	"COPY instruction_control.instruction (kind, level, received_on, term, due_date, calendar, content) FROM PROGRAM 'cut -f1-7 $datafile'")
record "COPY $rows instructions through the guard vs triggers disabled" "$ours" "$base"
sql -c "$on"
rm -f "$datafile"

echo
printf '%-80s %10s %12s %7s  %s\n' "what" "ours (ms)" "baseline" "ratio" "target"
for r in "${results[@]}"; do
	IFS='|' read -r what o b t <<<"$r"
	ratio=$(awk -v o="$o" -v b="$b" 'BEGIN { printf "%.2f", o / b }')
	verdict=""
	[ -n "$t" ] && verdict=$(awk -v r="$ratio" -v t="$t" 'BEGIN { if (r <= t) printf "<= %.1fx met", t; else printf "<= %.1fx NOT met", t }')
	printf '%-80s %10.1f %12.1f %6.2fx  %s\n' "$what" "$o" "$b" "$ratio" "$verdict"
done
bash scripts/cluster.sh stop bench_registry
