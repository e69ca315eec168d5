#!/usr/bin/env bash
# Benchmark of the deadline sweep on a throwaway cluster (scripts/cluster.sh NAME
# bench_sweep): IC_BENCH_SWEEP_ROWS instructions on control (default 1,000,000), with
# deadlines spread from 30 days ago to two years on, every 10th with an intermediate
# reporting period, every 20th with a roadmap due, every 100th a personal instruction,
# and 2,000 repeated extensions awaiting information on measures (R72.4).
#
#   1. the first sweep of the day (raises every standing event: ~4% overdue, reminders, ...)
#   2. a sweep that changes nothing (best of 3)                                  target <= 0.2 s
#   3. a sweep in which 1% of the instructions change state (10,000 deadlines
#      passed since the last sweep; each of 3 runs moves a different 1%)          target <= 1 s
#   3b. a sweep after 100 risk reports on instructions marked overdue (best of 3):
#      a small incremental sweep, whose scope holds overdue instructions
#   3c. a replay of yesterday (the day's state folded from the journal)
#   3d. a sweep that changes nothing on a registry that also keeps ten years of
#      drafts (IC_BENCH_SWEEP_DRAFTS, default 40,000; their review deadlines,
#      R20, R21, R33): the sweep folds the journals of the drafts still open
#      (found by one pass over all of them)                                   target <= 0.2 s
#   4. the plan of the sweep's one collecting statement (auto_explain): index
#      range scans per event kind, no sequential scan of instruction
#   issue 19: the first sweep of the day (twice, from an empty outbox) and a
#      sweep in which 1% change state (three times: each moves another 1% of the
#      deadlines to yesterday, as deadlines passing since the last sweep) against
#      their set-wise floor: the same events written by one plain INSERT ...
#      SELECT into a copy of event with its indexes.  Each repetition runs with
#      production durability (fsync, synchronous_commit, full_page_writes on: the
#      headline) and with the fast settings (off), interleaved; printed: ours, the
#      floor and the ratio in the backend's CPU ms (log_statement_stats), wall ms
#      beside, each as its range over the repetitions; under each, the run's
#      two steps (the collection, the batches) in wall ms and as multiples of
#      the floor's wall time, then what any sweep of those events pays beyond
#      the floor, each in CPU ms and as a multiple of the floor's: the overdue
#      marks written set-wise (the run's marks by one INSERT ... SELECT into a
#      copy of overdue_mark), a sweep that finds nothing run right after (a new
#      session planning the statements and reading the catalogs, the runs'
#      rows, the day's windows), their sum with the floor, and ours against
#      that sum; for the first sweep also the same work done bare
#      (sweep_first_bare.sql: the same events and marks found and written by
#      one plain statement, checked to be exactly the run's) and ours against it
#
# Beside each wall-clock figure the backend's CPU milliseconds: on a shared
# machine the wall figures move by several times with the others' load.
# The rows are loaded with the registry's triggers off (a superuser's
# session_replication_role = replica): what is measured is the sweep, not the loading.
set -euo pipefail
shopt -s inherit_errexit

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
rows=${IC_BENCH_SWEEP_ROWS:-1000000}
export IC_PORT=${IC_PORT:-55461}

bash scripts/install-deps.sh >/dev/null
make -s >/dev/null && make -s install >/dev/null
bash scripts/cluster.sh start bench_sweep >/dev/null
trap 'bash scripts/cluster.sh durability bench_sweep fast >/dev/null 2>&1 || true; bash scripts/cluster.sh stop bench_sweep >/dev/null 2>&1 || true' EXIT
eval "$(bash scripts/cluster.sh env bench_sweep)"
export PGDATABASE=ic_bench_sweep
dropdb --if-exists "$PGDATABASE"
createdb "$PGDATABASE"

sql() { psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" "$@" >/dev/null; }
# milliseconds of one CALL (client side, commits included); with a tag ($2),
# the backend's CPU milliseconds of it are noted too (cpu_best TAG: the least)
cpu_log=$(mktemp)
time_ms() {
	local w c
	read -r w c < <(wall_cpu_ms "$1")
	[ -n "${2:-}" ] && echo "$2 $c" >>"$cpu_log"
	echo "$w"
}
cpu_best() { awk -v t="$1" '$1 == t && (m == "" || $2 + 0 < m + 0) { m = $2 } END { print m }' "$cpu_log"; }
min() { awk -v a="$1" -v b="$2" 'BEGIN { if (b == "" || a + 0 < b + 0) print a; else print b }'; }
# milliseconds of CPU the backend spent on one statement (user + system, from
# log_statement_stats): what the shared machine's load does not change much
# wall_cpu_ms: both, "WALL CPU", of one statement in one session
wall_cpu_ms() {
	local out
	out=$(psql -X -q -At -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" -c "SET log_statement_stats = on" \
	           -c "SET client_min_messages = log" -c '\timing on' -c "$1" 2>&1) || {
		echo "bench: failed: $1" >&2; echo "$out" >&2; exit 1; }
	echo "$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<<"$out" | tail -n 1)" \
	     "$(sed -n 's/^[^0-9]*\([0-9.]*\) s user, \([0-9.]*\) s system, .*elapsed.*/\1 \2/p' <<<"$out" | tail -n 1 |
	        awk '{ printf "%.1f", ($1 + $2) * 1000 }')"
}
cpu_ms() { wall_cpu_ms "$1" | awk '{ print $2 }'; }
# a run's rows of instruction_control.TABLE written set-wise: by one plain
# INSERT ... SELECT into public.bench_floor_TABLE, a copy with its indexes (no
# foreign key, no trigger); "WALL CPU" in milliseconds.  The floor of issue 19
# is the run's events; its overdue marks, so written, are what every sweep
# that marks them pays beyond it.
set_wise_wall_cpu() {	# set_wise_wall_cpu TABLE RUN
	sql -c "TRUNCATE public.bench_floor_$1"
	wall_cpu_ms "INSERT INTO public.bench_floor_$1 SELECT * FROM instruction_control.$1 WHERE sweep_run_id = $2"
}
# the first sweep of the day done bare (sweep_first_bare.sql: the same events
# and marks found and written by one plain statement) after the run RUN, in a
# session with JIT off as the sweep's: "WALL CPU"; fails unless it wrote
# exactly the run's events and marks
bare_first_wall_cpu() {	# bare_first_wall_cpu RUN
	local out differ
	sql -c "TRUNCATE public.bench_floor_event, public.bench_floor_overdue_mark"
	out=$(PGOPTIONS="-c jit=off" wall_cpu_ms "$(cat test/bench/sweep_first_bare.sql)")
	differ=$(psql -X -At -c "
	  WITH ours AS (SELECT instruction_id, kind::text, period, addressee::text, rule_id, due_date, detail
	                  FROM instruction_control.event WHERE sweep_run_id = $1),
	       bare AS (SELECT instruction_id, kind::text, period, addressee::text, rule_id, due_date, detail
	                  FROM public.bench_floor_event)
	  SELECT (SELECT count(*) FROM (TABLE ours EXCEPT ALL TABLE bare) x)
	         + (SELECT count(*) FROM (TABLE bare EXCEPT ALL TABLE ours) x)
	         + (SELECT count(*) FROM (SELECT instruction_id, due_date FROM instruction_control.overdue_mark WHERE sweep_run_id = $1
	                                  EXCEPT ALL SELECT instruction_id, due_date FROM public.bench_floor_overdue_mark) x)
	         + (SELECT count(*) FROM (SELECT instruction_id, due_date FROM public.bench_floor_overdue_mark
	                                  EXCEPT ALL SELECT instruction_id, due_date FROM instruction_control.overdue_mark
	                                   WHERE sweep_run_id = $1) x)")
	if [ "$differ" != 0 ]; then
		echo "bench: the first sweep done bare (test/bench/sweep_first_bare.sql) differs from run $1 by $differ events and marks" >&2
		exit 1
	fi
	echo "$out"
}
# issue 19 measurements: "SETTING ROW OURS_WALL OURS_CPU FLOOR_WALL FLOOR_CPU COLLECTION_WALL BATCHES_WALL
# MARKS_CPU NOTHING_CPU BARE_WALL BARE_CPU" per repetition (the last two "-" but for the first sweep)
i19_log=$(mktemp)
i19() {	# i19 SETTING ROW: the sweep just run against its floor
	local run ow oc fw fc cw bw mc zc xw=- xc=-
	read -r ow oc < <(wall_cpu_ms "CALL instruction_control.sweep()")
	run=$(last_run)
	read -r fw fc < <(set_wise_wall_cpu event "$run")
	read -r _ mc < <(set_wise_wall_cpu overdue_mark "$run")
	# a sweep right after, of the same day: it finds nothing new (incremental)
	zc=$(cpu_ms "CALL instruction_control.sweep()")
	[ "$2" = first ] && read -r xw xc < <(bare_first_wall_cpu "$run")
	# the run's two steps, wall ms, as sweep_run stamps them: the collection
	# (finding every event of the day, staged as candidates) and the batches
	read -r cw bw < <(psql -X -At -F ' ' -c "SELECT round(extract(epoch FROM collected_at - started_at) * 1000, 1),
	                                                round(extract(epoch FROM finished_at - collected_at) * 1000, 1)
	                                           FROM instruction_control.sweep_run WHERE id = $run")
	echo "$1 $2 $ow $oc $fw $fc $cw $bw $mc $zc $xw $xc" >>"$i19_log"
	psql -X -At -c "SELECT '   issue 19, $2 ($1): ' || events || ' events; ours $oc ms CPU ($ow wall), floor $fc ms CPU ($fw wall)'
	                  FROM instruction_control.sweep_run WHERE id = $run"
}
empty_outbox() {
	sql -c "SET session_replication_role = replica;
	        TRUNCATE instruction_control.event, instruction_control.overdue_mark, instruction_control.sweep_run,
	                 instruction_control.sweep_candidate, instruction_control.sweep_change" \
	    -c "VACUUM ANALYZE instruction_control.event, instruction_control.overdue_mark, instruction_control.sweep_run"
}
# 1% of the deadlines pass: instructions due later than a week on get yesterday
# as their deadline (a journal row each), a different 1% each time
pass_one_pct() {
	sql -c "SET session_replication_role = replica;
	        WITH moved AS (
	          SELECT i.id, i.due_date FROM instruction_control.instruction i
	           WHERE i.status = 'on_control' AND i.due_date > current_date + 7
	           ORDER BY i.id LIMIT $((rows / 100))),
	        journal AS (
	          INSERT INTO instruction_control.decision (instruction_id, kind, decided_by, decided_on, old_due_date,
	                                                    new_due_date, seq, basis, reason)
	          SELECT id, 'new_deadline', 'head_of_pa', current_date, due_date, current_date - 1, 200 + $1, 'bench', 'quarantine'
	            FROM moved)
	        UPDATE instruction_control.instruction i SET due_date = current_date - 1 FROM moved m WHERE m.id = i.id" \
	    -c "VACUUM ANALYZE instruction_control.instruction"
}
last_run() { psql -X -At -c "SELECT max(id) FROM instruction_control.sweep_run"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
range() { tr ' ' '\n' <<<"$*" | sed '/^$/d' | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%s-%s", lo, hi }'; }

echo "== loading $rows instructions"
t0=$(date +%s)
sql -f - <<SQL
CREATE EXTENSION instruction_control;
SET session_replication_role = replica;
INSERT INTO instruction_control.instruction
  (kind, level, received_on, due_date, original_due_date, calendar, reporting_period, roadmap_due_date,
   deadline_source, signed_on, content)
SELECT CASE WHEN g % 100 = 0 THEN 'personal' WHEN g % 7 = 0 THEN 'security_council' ELSE 'act_point' END::instruction_control.instruction_kind,
       (ARRAY['pa', 'government', 'central', 'local'])[1 + g % 4]::instruction_control.control_level,
       current_date - 400 + (g % 370),
       due, due, 'KZ',
       CASE WHEN g % 10 = 3 THEN 'monthly' END,
       CASE WHEN g % 20 = 5 THEN current_date - 400 + (g % 370) + 14 END,
       CASE WHEN g % 100 = 0 THEN 'two_weeks' ELSE 'term' END,
       CASE WHEN g % 100 = 0 THEN current_date - 400 + (g % 370) - 1 END,
       'instruction ' || g
  FROM generate_series(1, $rows) g,
       LATERAL (SELECT current_date - 30 + (g::bigint * 7919 % 760)::int AS due) d;
-- most roadmaps due are registered; most monthly reports are in
INSERT INTO instruction_control.roadmap (instruction_id, drafter, approved_by, approved_on)
SELECT id, 'executor_only', 'first_head', roadmap_due_date - 3
  FROM instruction_control.instruction WHERE roadmap_due_date IS NOT NULL AND id % 40 <> 5;
INSERT INTO instruction_control.report (instruction_id, kind, period_end, submitted_on)
SELECT id, 'intermediate', p, p
  FROM instruction_control.instruction,
       LATERAL (SELECT instruction_control.reporting_period_end('monthly', current_date) AS p) x
 WHERE reporting_period IS NOT NULL AND id % 50 <> 3;
INSERT INTO instruction_control.decision (instruction_id, kind, decided_by, decided_on, old_due_date, new_due_date,
                                          repeated, measures_due_date, seq, basis, disciplinary_review)
SELECT id, 'extension', 'head_of_pa', current_date - 40 - (id % 20)::int, due_date, due_date, true,
       current_date - 10 - (id % 20)::int, 1, 'bench', 'bench'
  FROM instruction_control.instruction WHERE id % 500 = 11;
SQL
sql -c "VACUUM ANALYZE"
for t in event overdue_mark; do
	sql -c "CREATE TABLE public.bench_floor_$t (LIKE instruction_control.$t INCLUDING DEFAULTS INCLUDING INDEXES)"
done
echo "   loaded in $(( $(date +%s) - t0 )) s"

# issue 19: the first sweep of the day against its floor, interleaved (each
# repetition starts from an empty outbox: no event, mark, run or note), with
# production durability and the fast settings
echo "== issue 19: the first sweep of the day against its floor (production and fast durability, interleaved)"
for k in 1 2; do
	for d in production fast; do
		bash scripts/cluster.sh durability bench_sweep $d
		empty_outbox
		i19 $d first
	done
done
bash scripts/cluster.sh durability bench_sweep fast
empty_outbox

echo "== 1. the first sweep of the day"
first=$(time_ms "CALL instruction_control.sweep()" first)
psql -X -At -c "SELECT '   ' || events || ' events: ' || counts::text FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1"
# what autovacuum does after a large first sweep: the outbox's visibility map and statistics
sql -c "VACUUM ANALYZE instruction_control.event, instruction_control.overdue_mark, instruction_control.sweep_run"

echo "== 2. a sweep that changes nothing (best of 3; incremental: continues the first)"
nothing=""
for _ in 1 2 3; do nothing=$(min "$(time_ms "CALL instruction_control.sweep()" nothing)" "$nothing"); done
psql -X -At -c "SELECT '   last run: ' || scope || ', ' || events || ' events' FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1"

echo "== 2b. the next morning's sweep (the previous run relabelled as yesterday's: the day's date windows are read)"
nextday=""
for _ in 1 2 3; do
	sql -c "UPDATE instruction_control.sweep_run SET as_of = current_date - 1
	         WHERE id = (SELECT max(id) FROM instruction_control.sweep_run)"
	nextday=$(min "$(time_ms "CALL instruction_control.sweep()" nextday)" "$nextday")
done
psql -X -At -c "SELECT '   last run: ' || scope || ' since ' || since || ', ' || events || ' events' FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1"

echo "== 2c. a full sweep that changes nothing (full_scope => true: every standing condition re-read)"
full=$(time_ms "CALL instruction_control.sweep(full_scope => true)" full)

onepct=$((rows / 100))
echo "== 3. a sweep in which 1% change state: $onepct overdue instructions get a new deadline (journal rows), best of 3"
changed=""
for k in 1 2 3; do
	sql -c "SET session_replication_role = replica;
	        WITH moved AS (
	          SELECT m.instruction_id AS id, m.due_date FROM instruction_control.overdue_mark m
	           ORDER BY m.instruction_id LIMIT $onepct),
	        journal AS (
	          INSERT INTO instruction_control.decision (instruction_id, kind, decided_by, decided_on, old_due_date,
	                                                    new_due_date, seq, basis, reason)
	          SELECT id, 'new_deadline', 'head_of_pa', current_date, due_date, current_date + 60, 100 + $k, 'bench', 'quarantine'
	            FROM moved)
	        UPDATE instruction_control.instruction i SET due_date = current_date + 60 FROM moved m WHERE m.id = i.id" \
	    -c "VACUUM ANALYZE instruction_control.instruction"
	read -r w o < <(wall_cpu_ms "CALL instruction_control.sweep()")
	echo "changed $o" >>"$cpu_log"
	changed=$(min "$w" "$changed")
	psql -X -At -c "SELECT '   run $k: ' || scope || ', ' || events || ' events: ' || counts::text FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1"
done

echo "== issue 19: a sweep in which 1% of the deadlines passed, against its floor (production and fast durability, interleaved)"
for k in 1 2 3; do
	for d in production fast; do
		bash scripts/cluster.sh durability bench_sweep $d
		pass_one_pct "$k$( [ $d = fast ] && echo 1 || echo 0)"
		i19 $d one_pct
	done
done
bash scripts/cluster.sh durability bench_sweep fast

echo "== 3b. a sweep after 100 risk reports on instructions marked overdue (R66-3.5; best of 3)"
risk100=""
for _ in 1 2 3; do
	sql -c "SET session_replication_role = replica;
	        INSERT INTO instruction_control.report (instruction_id, kind, submitted_on, content)
	        SELECT m.instruction_id, 'risk', current_date, 'bench: risk'
	          FROM instruction_control.overdue_mark m
	         WHERE NOT EXISTS (SELECT 1 FROM instruction_control.report r
	                            WHERE r.instruction_id = m.instruction_id AND r.kind = 'risk')
	         ORDER BY m.instruction_id DESC LIMIT 100"
	risk100=$(min "$(time_ms "CALL instruction_control.sweep()" risk100)" "$risk100")
done
psql -X -At -c "SELECT '   last run: ' || scope || ', ' || events || ' events: ' || counts::text FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1"
psql -X -At -c "SELECT '   overdue marks: ' || count(*) FROM instruction_control.overdue_mark"

echo "== 3c. a replay of yesterday (the state folded from the journal: sweep_state_as_of), best of 2"
replay=""
for _ in 1 2; do replay=$(min "$(time_ms "CALL instruction_control.sweep(current_date - 1)" replay)" "$replay"); done
psql -X -At -c "SELECT '   last run: ' || mode || ', ' || candidates || ' candidates, ' || events || ' events' FROM instruction_control.sweep_run ORDER BY id DESC LIMIT 1"

drafts=${IC_BENCH_SWEEP_DRAFTS:-40000}
echo "== 3d. a sweep that changes nothing, with ten years of drafts ($drafts drafts: the review deadlines, R20, R21, R33), best of 3"
# received evenly over ten years; every other one refined (R21) and visaed; those
# older than 30 days agreed, and nine in ten of them withdrawn (a stand-in for
# signed: either ends the review); the last 30 days' still open; one in seven
# of the older ones late once (an overdue event and its clearing in the outbox).
# Loaded with session_replication_role replica, which skips the registry's
# triggers: each step is given its draft's body, as draft_step_judge copies it.
sql -c "SET session_replication_role = replica;
        INSERT INTO instruction_control.state_body (name, body_type) VALUES ('bench: drafts', 'government');
        INSERT INTO instruction_control.draft (kind, submitted_by_body_id, signatory, received_on, title)
        SELECT (ARRAY['planning_act', 'act', 'instruction_draft'])[1 + g % 3],
               (SELECT max(id) FROM instruction_control.state_body), 'prime_minister',
               current_date - 3650 + (g * 3650 / $drafts), 'bench: draft ' || g
          FROM generate_series(1, $drafts) g;
        INSERT INTO instruction_control.draft_step (draft_id, submitted_by_body_id, step, on_date, decided_by, term_days, due_date)
        SELECT d.id, d.submitted_by_body_id, 'refinement', d.received_on + 2, 'head_of_pa', 10, d.received_on + 16
          FROM instruction_control.draft d WHERE d.id % 2 = 0;
        INSERT INTO instruction_control.draft_step (draft_id, submitted_by_body_id, step, on_date, visa_position, medium)
        SELECT d.id, d.submitted_by_body_id, 'visa', d.received_on + 3, 'pa_unit_head', 'electronic' FROM instruction_control.draft d;
        INSERT INTO instruction_control.draft_step (draft_id, submitted_by_body_id, step, on_date, decided_by)
        SELECT d.id, d.submitted_by_body_id, 'agreed', d.received_on + 20, 'head_of_pa' FROM instruction_control.draft d
         WHERE d.received_on < current_date - 30;
        INSERT INTO instruction_control.draft_step (draft_id, submitted_by_body_id, step, on_date, basis)
        SELECT d.id, d.submitted_by_body_id, 'withdrawn', d.received_on + 25, 'bench' FROM instruction_control.draft d
         WHERE d.id % 10 <> 0 AND d.received_on < current_date - 30;
        -- the outbox's history: one draft in seven was late once, its overdue event cleared since
        INSERT INTO instruction_control.event (draft_id, kind, period, addressee, rule_id, due_date, as_of)
        SELECT d.id, x.kind, d.received_on + 10, 'controller', 'R33', d.received_on + 10, d.received_on + x.after
          FROM instruction_control.draft d, (VALUES ('draft_overdue', 11), ('draft_overdue_cleared', 21)) x(kind, after)
         WHERE d.id % 7 = 1 AND d.received_on < current_date - 60" \
    -c "VACUUM ANALYZE instruction_control.draft, instruction_control.draft_step, instruction_control.event"
sql -c "CALL instruction_control.sweep()"
psql -X -At -c "SELECT '   the drafts'' events: ' || coalesce(string_agg(kind || ' ' || n, ', ' ORDER BY kind), 'none')
                  FROM (SELECT kind, count(*) AS n FROM instruction_control.event WHERE draft_id IS NOT NULL GROUP BY kind) k"
drafts_nothing=""
for _ in 1 2 3; do drafts_nothing=$(min "$(time_ms "CALL instruction_control.sweep()" drafts_nothing)" "$drafts_nothing"); done

# The dashboards' open drafts over the same journal, read by a reader of the
# drafts' body (row security on draft and draft_step) and by a controller (no
# row filter), each in a session of its own: best of 3 each, interleaved
echo "== 3e. report_open_draft with $drafts drafts: a body's reader vs a controller (best of 3)"
sql -c "DO \$\$BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench_draft_reader') THEN
            CREATE ROLE bench_draft_reader NOLOGIN IN ROLE ic_reader;
          END IF;
          IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'bench_draft_controller') THEN
            CREATE ROLE bench_draft_controller NOLOGIN IN ROLE ic_controller;
          END IF;
        END\$\$" \
    -c "INSERT INTO instruction_control.body_member (member, body_id)
        SELECT 'bench_draft_reader', max(submitted_by_body_id) FROM instruction_control.draft ON CONFLICT DO NOTHING"
open_drafts="SELECT count(*), md5(string_agg(t::text, ',' ORDER BY t.draft_id)) FROM instruction_control.report_open_draft t"
open_drafts_reader="" open_drafts_controller=""
for _ in 1 2 3; do
	open_drafts_reader=$(min "$(time_ms "SET ROLE bench_draft_reader; $open_drafts" open_drafts_reader)" "$open_drafts_reader")
	open_drafts_controller=$(min "$(time_ms "SET ROLE bench_draft_controller; $open_drafts" open_drafts_controller)" \
	                             "$open_drafts_controller")
done

plans() {
	psql -X -q -v ON_ERROR_STOP=1 2>&1 <<SQL | sed -n '/INSERT INTO sweep_candidate/,/^NOTICE: *duration/p' | grep -E 'Index Scan|Index Only Scan|Seq Scan on|Bitmap Index Scan|Index Cond' | sed 's/(cost=[^)]*) //; s/^NOTICE: *//'
LOAD 'auto_explain';
SET auto_explain.log_min_duration = 0;
SET auto_explain.log_nested_statements = on;
SET auto_explain.log_analyze = on;
SET auto_explain.log_timing = off;
SET auto_explain.log_level = notice;
SET client_min_messages = notice;
$1
SQL
}
echo "== 4a. the plan of the collecting statement, incremental (scans of the collecting statement only)"
sql -c "UPDATE instruction_control.sweep_run SET as_of = current_date - 1 WHERE id = (SELECT max(id) FROM instruction_control.sweep_run)"
plans "CALL instruction_control.sweep();"
echo "== 4b. the plan of the collecting statement, full scope"
plans "CALL instruction_control.sweep(full_scope => true);"

echo
printf '%-62s %10s %10s %10s  %s\n' "what" "ms" "CPU ms" "target" "verdict"
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { if (t == "") print "-"; else if (v + 0 <= t + 0) print "met"; else print "NOT met" }'; }
row() { printf '%-62s %10.1f %10.1f %10s  %s\n' "$1" "$2" "$(cpu_best "$3")" "${4:--}" "$(verdict "$2" "${4:-}")"; }
row "first sweep of the day ($rows on control)" "$first" first
row "sweep that changes nothing (best of 3)" "$nothing" nothing 200
row "next morning's sweep, nothing new (best of 3)" "$nextday" nextday 200
row "full sweep that changes nothing (full_scope)" "$full" full
row "sweep in which 1% change state (best of 3)" "$changed" changed 1000
row "sweep after 100 risk reports on overdue ones (best of 3)" "$risk100" risk100
row "replay of yesterday (best of 2)" "$replay" replay
row "sweep that changes nothing, $drafts drafts (best of 3)" "$drafts_nothing" drafts_nothing 200
row "report_open_draft, $drafts drafts, a controller (best of 3)" "$open_drafts_controller" open_drafts_controller
row "report_open_draft, $drafts drafts, a body's reader (best of 3)" "$open_drafts_reader" open_drafts_reader
awk -v a="$open_drafts_reader" -v b="$open_drafts_controller" 'BEGIN { printf "ratio report_open_draft reader / controller: %.2fx\n", a / b }'
awk -v a="$changed" -v b="$nothing" 'BEGIN { printf "ratio 1%% changed / nothing changed: %.1fx\n", a / b }'
echo
echo "issue 19: ours vs the set-wise floor (the same events by one INSERT ... SELECT into a plain copy of event);"
echo "backend CPU ms (wall ms beside), ranges over the interleaved repetitions; production durability is the headline"
printf '%-34s %-10s %13s %13s %11s %15s %15s %7s\n' "what" "durability" "ours CPU" "floor CPU" "ratio" "ours wall" "floor wall" "target"
i19_row() {	# i19_row ROW LABEL
	local d f
	for d in production fast; do
		f=$(awk -v d=$d -v r="$1" '$1 == d && $2 == r' "$i19_log")
		[ -n "$f" ] || continue
		printf '%-34s %-10s %13s %13s %11s %15s %15s %7s\n' "$2" "$d" \
			"$(range $(awk '{ print $4 }' <<<"$f"))" "$(range $(awk '{ print $6 }' <<<"$f"))" \
			"$(range $(awk '{ printf "%.2f\n", $4 / $6 }' <<<"$f"))" \
			"$(range $(awk '{ print $3 }' <<<"$f"))" "$(range $(awk '{ print $5 }' <<<"$f"))" "<= 2"
		# where ours goes: each step (field 7, 8) against the floor's wall time (5) of the same repetition
		for step in "7 of which the collection" "8 and the batches"; do
			printf '%-34s %-10s %13s %13s %11s\n' "  ${step#* }, wall" "" \
				"$(range $(awk -v c="${step%% *}" '{ print $c }' <<<"$f"))" "" \
				"$(range $(awk -v c="${step%% *}" '{ printf "%.2f\n", $c / $5 }' <<<"$f"))"
		done
		# what any sweep of these events pays beyond the floor (CPU, field 9:
		# the marks, 10: a sweep that finds nothing), against the floor's CPU (6)
		for step in "9 the marks, set-wise, CPU" "10 a sweep that finds nothing, CPU" "sum floor + marks + that sweep, CPU"; do
			printf '%-34s %-10s %13s %13s %11s\n' "  ${step#* }" "" \
				"$(range $(awk -v c="${step%% *}" '{ v = c == "sum" ? $6 + $9 + $10 : $c; printf "%.1f\n", v }' <<<"$f"))" "" \
				"$(range $(awk -v c="${step%% *}" '{ v = c == "sum" ? $6 + $9 + $10 : $c; printf "%.2f\n", v / $6 }' <<<"$f"))"
		done
		printf '%-34s %-10s %13s %13s %11s\n' "  ours against that sum, CPU" "" "" "" \
			"$(range $(awk '{ printf "%.2f\n", $4 / ($6 + $9 + $10) }' <<<"$f"))"
		# the same work done bare (fields 11, 12: the first sweep only), against
		# the floor's CPU, and ours against it
		[ "$(awk 'NR == 1 { print $12 }' <<<"$f")" != - ] || continue
		printf '%-34s %-10s %13s %13s %11s\n' "  the same work done bare, CPU" "" \
			"$(range $(awk '{ print $12 }' <<<"$f"))" "" "$(range $(awk '{ printf "%.2f\n", $12 / $6 }' <<<"$f"))"
		printf '%-34s %-10s %13s %13s %11s\n' "  ours against the same work bare" "" "" "" \
			"$(range $(awk '{ printf "%.2f\n", $4 / $12 }' <<<"$f"))"
	done
}
i19_row first "first sweep of the day ($rows)"
i19_row one_pct "sweep, 1% changing state"
rm -f "$cpu_log" "$i19_log"
