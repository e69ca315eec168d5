#!/usr/bin/env bash
# Bounded and cancellable work (issue 16, item 8), on a throwaway cluster
# (scripts/cluster.sh NAME bench_bounded).  Prints figures and ratios; asserts
# nothing about time (a shared machine makes timing asserts flaky).
#
#   1. N single extend_deadline() calls in ONE transaction (N = 1k, 4k, 8k by
#      default) vs one extend_deadlines() batch of the same N: the single calls
#      must grow linearly (the ms per decision stays flat)
#  1b. N extensions of ONE instruction in one transaction vs N plain UPDATEs of
#      that row (triggers off): both quadratic, PostgreSQL's row versions (below)
#   2. extend_deadlines() of 20k, 40k, 90k ids as an ic_controller role (row-level
#      security on: the visibility check) vs as the superuser (no check), each
#      side twice in the order ABBA, each run from a reset and vacuumed registry
#   3. time from pg_cancel_backend() to the end of a 90k-id extend_deadlines()
#      running as the controller
#   4. add_transfer() with a 100 MB basis: refused (22001) and how fast
#
#   IC_BENCH_SINGLE   the N of 1 (default "1000 4000 8000")
#   IC_BENCH_SAME     the N of 1b (default "500 1000 2000")
#   IC_BENCH_BATCH    the N of 2 (default "20000 40000 90000"; the largest is used by 3)
set -euo pipefail
shopt -s inherit_errexit

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
single=${IC_BENCH_SINGLE:-1000 4000 8000}
batch=${IC_BENCH_BATCH:-20000 40000 90000}
same=${IC_BENCH_SAME:-500 1000 2000}
export IC_PORT=${IC_PORT:-55474}

make -s >/dev/null && make -s install >/dev/null
bash scripts/cluster.sh start bench_bounded >/dev/null
eval "$(bash scripts/cluster.sh env bench_bounded)"
export PGDATABASE=ic_bench_bounded
dropdb --if-exists "$PGDATABASE"
createdb "$PGDATABASE"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sql() { psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" "$@" >/dev/null; }
# milliseconds of the last statement of a psql run (\timing)
ms_of() {
	local out
	out=$(psql -X -q -At -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c '\timing on' "$@" 2>&1) || {
		echo "bench: failed: $*" >&2; echo "$out" >&2; exit 1; }
	sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<<"$out" | tail -n 1
}
now_ms() { date +%s%3N; }

max=0
for n in $batch $single; do [ "$n" -gt "$max" ] && max=$n; done

sql -f - <<SQL
CREATE EXTENSION instruction_control;
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench_controller') THEN
    CREATE ROLE bench_controller LOGIN;
  END IF;
END \$\$;
GRANT ic_controller TO bench_controller;
CREATE SCHEMA bench;
GRANT USAGE ON SCHEMA bench TO PUBLIC;
-- back to the state before any decision (superuser: triggers off)
CREATE FUNCTION bench.reset() RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  UPDATE instruction_control.instruction i
     SET due_date = s.due_date, last_decision_id = NULL, extensions = 0, decision_count = 0, last_decided_on = NULL
    FROM bench.snapshot s
   WHERE s.id = i.id AND i.decision_count <> 0;
  DELETE FROM instruction_control.decision;
END \$\$;
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
INSERT INTO instruction_control.instruction (kind, level, received_on, term, content, pa_unit, completion_form, responsible_body_id)
SELECT 'act_point', 'pa', date '2025-02-03' + (g % 200), '10 wd', 'instruction ' || g, 'Бақылау бөлімі', 'ақпарат',
       (SELECT id FROM instruction_control.state_body WHERE code = 'R45')
  FROM generate_series(1, $max) g;
CREATE TABLE bench.snapshot AS
  SELECT id, due_date, instruction_control.roll_forward(due_date + 30) AS new_due
    FROM instruction_control.instruction;
CREATE UNIQUE INDEX ON bench.snapshot (id);
GRANT SELECT ON bench.snapshot TO PUBLIC;
VACUUM ANALYZE;
SQL

batch_stmt() {
	echo "SELECT count(*) FROM instruction_control.extend_deadlines(
	   (SELECT array_agg(id ORDER BY id) FROM (SELECT id FROM bench.snapshot ORDER BY id LIMIT $1) s),
	   (SELECT array_agg(new_due ORDER BY id) FROM (SELECT id, new_due FROM bench.snapshot ORDER BY id LIMIT $1) s),
	   'head_of_pa', 'expert conclusion', evidence => '{pa_expert_conclusion}')"
}

declare -a rows=()
row() { rows+=("$1|$2|$3"); }

echo "== 1. single decisions in one transaction"
prev=""
for n in $single; do
	{
		echo "BEGIN;"
		psql -X -q -At -c "SELECT format('SELECT (instruction_control.extend_deadline(%s, %L, ''head_of_pa'', ''expert conclusion'', evidence => ''{pa_expert_conclusion}'')).id;', id, new_due)
		                     FROM bench.snapshot ORDER BY id LIMIT $n"
		echo "COMMIT;"
	} > "$work/single.sql"
	sql -c "SELECT bench.reset()"
	t0=$(now_ms)
	psql -X -q -v ON_ERROR_STOP=1 -f "$work/single.sql" >/dev/null
	t=$(( $(now_ms) - t0 ))
	sql -c "SELECT bench.reset()"
	b=$(ms_of -c "$(batch_stmt "$n")")
	row "$n single extend_deadline() in one transaction (ms, ms/decision)" "$t" \
		"$(awk -v t="$t" -v n="$n" 'BEGIN { printf "%.3f", t / n }')"
	row "  one extend_deadlines() batch of $n (ms, single/batch)" "$b" \
		"$(awk -v t="$t" -v b="$b" 'BEGIN { printf "%.1fx", t / b }')"
	if [ -n "$prev" ]; then
		IFS=: read -r pn pt <<<"$prev"
		row "  growth $pn -> $n single (time ratio, size ratio)" \
			"$(awk -v a="$t" -v b="$pt" 'BEGIN { printf "%.2fx", a / b }')" \
			"$(awk -v a="$n" -v b="$pn" 'BEGIN { printf "%.2fx", a / b }')"
	fi
	prev="$n:$t"
done

echo "== 1b. decisions on ONE instruction in one transaction vs plain UPDATEs of that row"
# Every decision updates the instruction row; PostgreSQL keeps each version the
# transaction made, and a changed indexed column (due_date) gives each version
# its own index entries, so the k-th lookup of the row walks k versions: N
# UPDATEs of one row in one transaction are quadratic in PostgreSQL itself.
for n in $same; do
	loop_ours="DO \$\$ DECLARE d date; BEGIN FOR k IN 1..$n LOOP
	  SELECT due_date INTO d FROM instruction_control.instruction WHERE id = 1;
	  PERFORM instruction_control.extend_deadline(1, instruction_control.roll_forward(d + 1), 'head_of_pa', 'x', 'review', evidence => '{pa_expert_conclusion}');
	END LOOP; END \$\$"
	loop_base="DO \$\$ DECLARE d date; BEGIN FOR k IN 1..$n LOOP
	  SELECT due_date INTO d FROM instruction_control.instruction WHERE id = 1;
	  UPDATE instruction_control.instruction SET due_date = instruction_control.roll_forward(d + 1),
	         extensions = extensions + 1, decision_count = decision_count + 1 WHERE id = 1;
	END LOOP; END \$\$"
	sql -c "SELECT bench.reset()"
	o=$(psql -X -q -At -c '\timing on' -c "BEGIN" -c "$loop_ours" -c "ROLLBACK" 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sed -n 2p)
	b=$(psql -X -q -At -c '\timing on' -c "BEGIN" -c "SET LOCAL instruction_control.allow_member_ddl = on" -c "ALTER TABLE instruction_control.instruction DISABLE TRIGGER USER" \
		-c "$loop_base" -c "ROLLBACK" 2>&1 | sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' | sed -n 3p)
	row "$n extensions of one instruction in one transaction: ours ms, plain UPDATE ms" "$o" "$b"
done

echo "== 2. extend_deadlines() as ic_controller vs superuser"
# Each side twice, controller, superuser, superuser, controller, each run from
# a reset and vacuumed registry.  Timed once each, superuser then controller,
# with no vacuum after the resets (the controller's run met the row versions
# of one more reset and run), it gave 1.34x and 1.40x at 90k in two runs,
# where the registry bench's interleaved medians gave 1.04x at 80k.
fresh() { sql -c "SELECT bench.reset()"; sql -c "VACUUM ANALYZE instruction_control.instruction, instruction_control.decision"; }
as_controller() { fresh; ms_of -c "SET ROLE bench_controller" -c "$(batch_stmt "$1")"; }
as_superuser() { fresh; ms_of -c "$(batch_stmt "$1")"; }
for n in $batch; do
	c1=$(as_controller "$n"); s1=$(as_superuser "$n"); s2=$(as_superuser "$n"); c2=$(as_controller "$n")
	ctl=$(awk -v a="$c1" -v b="$c2" 'BEGIN { printf "%.1f", (a + b) / 2 }')
	su=$(awk -v a="$s1" -v b="$s2" 'BEGIN { printf "%.1f", (a + b) / 2 }')
	row "extend_deadlines() of $n ids: controller ms, superuser ms (each the mean of two)" "$ctl" "$su"
	row "  controller / superuser (runs: $c1, $c2 / $s1, $s2)" "$(awk -v a="$ctl" -v b="$su" 'BEGIN { printf "%.2fx", a / b }')" ""
done

echo "== 3. cancel"
n=${batch##* }
sql -c "SELECT bench.reset()"
psql -X -q -v ON_ERROR_STOP=1 -c "SET application_name = 'bench_cancel'" -c "SET ROLE bench_controller" \
	-c "$(batch_stmt "$n")" >/dev/null 2>"$work/cancel.err" &
client=$!
# cancel once the statement has run for a second
for _ in $(seq 1 100); do
	active=$(psql -X -At -c "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'bench_cancel'
	                          AND state = 'active' AND now() - query_start > interval '1 second'")
	[ "$active" = 1 ] && break
	sleep 0.1
done
t0=$(now_ms)
psql -X -q -At -c "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE application_name = 'bench_cancel'" >/dev/null
wait "$client" || true
t=$(( $(now_ms) - t0 ))
row "pg_cancel_backend() to the end of extend_deadlines() of $n (ms)" "$t" \
	"$(grep -q 'canceling statement' "$work/cancel.err" && echo canceled || echo "NOT canceled (finished first)")"

echo "== 4. add_transfer() with a 100 MB basis"
t0=$(now_ms)
out=$(psql -X -q -At -c "SELECT instruction_control.add_transfer('KZ', date '2025-03-01', date '2025-03-03', repeat('x', 100 * 1024 * 1024))" 2>&1 || true)
t=$(( $(now_ms) - t0 ))
row "add_transfer() with a 100 MB basis (ms, outcome)" "$t" "$(head -n 1 <<<"$out" | cut -c1-60)"
t0=$(now_ms)
psql -X -q -At -c "SELECT length(repeat('x', 100 * 1024 * 1024))" >/dev/null
t=$(( $(now_ms) - t0 ))
row "  of which making the 100 MB value alone (ms)" "$t" ""

echo
printf '%-72s %12s %14s\n' "what" "figure" "second"
for r in "${rows[@]}"; do
	IFS='|' read -r what a b <<<"$r"
	printf '%-72s %12s %14s\n' "$what" "$a" "$b"
done
bash scripts/cluster.sh stop bench_bounded >/dev/null
