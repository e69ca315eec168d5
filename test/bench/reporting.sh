#!/usr/bin/env bash
# Benchmark of the reporting layer on a throwaway cluster (scripts/cluster.sh
# NAME bench_reporting): IC_BENCH_ROWS instructions (default 1,000,000) and
# their journal, generated set-wise (triggers off, as a restore would load them:
# every row already carries the effect of its decisions), then the queries a
# dashboard sends:
#
#   control card      one page of cards on control by deadline; one body's cards
#                     ordered by act and point; the count of cards by level and status
#   overdue register  overdue per body; the 50 most overdue
#   discipline        every body's figures for a year; one body's months of a year
#   Appendix 8        one ministry's annual summary for a year, as rows and as HTML
#   reader            report_discipline for one body and the first page of control
#                     cards as a reader (row security) vs the superuser (issue 19)
#
# Then Appendix 8 against its floors (issue 19), repetitions interleaved so
# that the machine's load falls on both alike: every body at once
# (form_annual_summary_bodies, one pass) and one body, each against the same
# read of the instructions and their journal folded without formatting.
# Printed: ours, floor (medians), ratio, and the range of each, the wall clock
# and beside it the CPU the server spent (scripts/cluster.sh cpu: backend and
# parallel workers), which the load of other processes on the machine does not
# inflate.  These rows and the reader rows run with production durability
# (fsync, synchronous_commit, full_page_writes on: the headline) and then with
# the throwaway cluster's fast settings (off), as test/bench/registry.sh does.
# Last, the Appendix 8 rows once more (production) after reports are added:
# the registry above has none, and the form reads the latest of each row's.
# Then once more after deadlines of rows of 2025 are moved in 2026: the form
# prints each one's deadline as the year ended.
#   IC_BENCH_REPS   interleaved repetitions of those rows (default 5)
# Target: each <= 2 s.  Each figure is the best of 3 runs; the plan of each query
# (EXPLAIN ANALYZE, summarised) is printed after the table.
#   IC_BENCH_ROWS   instructions (default 1000000)
#   IC_BENCH_PORT   port of the throwaway cluster (default 55471)
set -euo pipefail
shopt -s inherit_errexit

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
rows=${IC_BENCH_ROWS:-1000000}
export IC_PORT=${IC_BENCH_PORT:-55471}

bash scripts/install-deps.sh >/dev/null
make -s >/dev/null && make -s install >/dev/null
bash scripts/cluster.sh start bench_reporting >/dev/null
trap 'bash scripts/cluster.sh durability bench_reporting fast >/dev/null 2>&1 || true; bash scripts/cluster.sh stop bench_reporting >/dev/null 2>&1 || true' EXIT
eval "$(bash scripts/cluster.sh env bench_reporting)"
export PGDATABASE=ic_bench_reporting
dropdb --if-exists "$PGDATABASE"
createdb "$PGDATABASE"

sql() { psql -X -q -v ON_ERROR_STOP=1 -c "SET client_min_messages = warning" "$@" >/dev/null; }

echo "== generating $rows instructions and their journal"
start=$(date +%s)
sql -f - <<SQL
CREATE EXTENSION instruction_control;
SET search_path = instruction_control, public;
INSERT INTO state_body (code, name, name_ru, body_type, sector)
SELECT 'B' || b, 'Body ' || b, 'Орган ' || b, CASE WHEN b <= 50 THEN 'central' ELSE 'local' END,
       (ARRAY['health care', 'education', 'finance', 'economy', 'agriculture', 'transport', 'energy', 'science'])[1 + b % 8]
  FROM generate_series(1, 60) b;
INSERT INTO state_body (code, name, name_ru, body_type) VALUES ('GOV', 'Government', 'Правительство', 'government');
INSERT INTO act (act_type, number, title, signed_on)
SELECT 'Указ', a::text, 'Act ' || a, date '2024-01-15' + (a % 1000) FROM generate_series(1, 1000) a;

-- What happens to each instruction, by its number (r = g % 100):
--   r < 20 extended (r < 3 twice, repeated); 20-24 transferred; 25-27 new deadline;
--   30-88 removed (30-84 executed, some late; 85 duplicated, 86 impossible, 87-88 control passed),
--   and half of the extended ones executed; the rest on control (overdue once past the deadline).
CREATE TEMP TABLE gen AS
SELECT g, r, recv, due0, ext1, ext2, tr, nd,
       coalesce(ext2, ext1, tr, nd, due0) AS due_final,
       CASE WHEN (r BETWEEN 30 AND 88 OR (r < 20 AND g % 2 = 0)) THEN
         CASE WHEN r BETWEEN 70 AND 84 THEN coalesce(ext2, ext1, tr, nd, due0) + 5
              ELSE greatest(recv + 12, coalesce(ext2, ext1, tr, nd, due0) - 2) END END AS removal_day,
       CASE WHEN r BETWEEN 30 AND 84 OR r < 20 THEN 'executed' WHEN r = 85 THEN 'duplicated'
            WHEN r = 86 THEN 'impossible' ELSE 'control_passed' END AS ground
  FROM (SELECT g, g % 100 AS r, recv, due0,
               CASE WHEN g % 100 < 20 THEN add_working_days(due0, 20) END AS ext1,
               CASE WHEN g % 100 < 3 THEN add_working_days(due0, 40) END AS ext2,
               CASE WHEN g % 100 BETWEEN 20 AND 24 THEN roll_forward(due0 + 365) END AS tr,
               CASE WHEN g % 100 BETWEEN 25 AND 27 THEN add_working_days(due0, 15) END AS nd
          FROM (SELECT g, date '2024-02-01' + (g % 1000) AS recv,
                       add_working_days(date '2024-02-01' + (g % 1000), 30) AS due0
                  FROM generate_series(1, $rows) g) s) t;
UPDATE gen SET removal_day = NULL WHERE removal_day > current_date;

SET session_replication_role = replica;
INSERT INTO instruction (id, kind, level, received_on, term, due_date, original_due_date, calendar, content, act_id, point,
                         responsible_body_id, controlling_body_id, regime, status, removed_on, extensions, decision_count,
                         last_decided_on, last_decision_id, deadline_source)
OVERRIDING SYSTEM VALUE  -- ids fixed by the generator (identity columns, issue 16)
SELECT g, CASE WHEN g % 50 = 0 THEN 'event' ELSE 'act_point' END::instruction_kind,
       CASE WHEN g % 50 = 0 THEN 'government' ELSE 'central' END::control_level,
       recv, '30 wd', due_final, due0, 'KZ', 'Instruction ' || g, 1 + g % 1000, (1 + (g / 1000) % 40)::integer::point_ref,
       1 + g % 60, CASE WHEN g % 50 = 0 THEN 61 ELSE 1 + g % 60 END,
       CASE WHEN tr IS NOT NULL THEN 'medium_term' ELSE 'regular' END,
       CASE WHEN removal_day IS NOT NULL THEN 'removed' ELSE 'on_control' END, removal_day,
       (ext1 IS NOT NULL)::int + (ext2 IS NOT NULL)::int + (tr IS NOT NULL)::int,
       (ext1 IS NOT NULL)::int + (ext2 IS NOT NULL)::int + (tr IS NOT NULL)::int + (nd IS NOT NULL)::int + (removal_day IS NOT NULL)::int,
       coalesce(removal_day, CASE WHEN ext2 IS NOT NULL THEN recv + 10 WHEN coalesce(ext1, tr, nd) IS NOT NULL THEN recv + 5 END),
       -- decision ids are g * 8 + slot (1 extension, 2 repeated extension, 3 transfer, 4 new deadline, 5 removal)
       CASE WHEN removal_day IS NOT NULL THEN g * 8 + 5 WHEN nd IS NOT NULL THEN g * 8 + 4 WHEN tr IS NOT NULL THEN g * 8 + 3
            WHEN ext2 IS NOT NULL THEN g * 8 + 2 WHEN ext1 IS NOT NULL THEN g * 8 + 1 END,
       'term'
  FROM gen;
SELECT setval('instruction_id_seq', $rows);
SELECT setval('decision_id_seq', $rows * 8 + 8);
INSERT INTO decision (id, instruction_id, kind, decided_by, decided_on, basis, old_due_date, new_due_date, old_regime, new_regime,
                      repeated, ground, evidence, seq, recorded_by)
OVERRIDING SYSTEM VALUE  -- ids fixed by the generator (identity columns, issue 16)
SELECT g * 8 + 1, g, 'extension', 'first_head', recv + 5, 'conclusion', due0, ext1, NULL, NULL, false, NULL, '{}'::evidence_kind[], 1, 'bench' FROM gen WHERE ext1 IS NOT NULL
UNION ALL
SELECT g * 8 + 2, g, 'extension', 'first_head', recv + 10, 'conclusion', ext1, ext2, NULL, NULL, true, NULL, '{}', 2, 'bench' FROM gen WHERE ext2 IS NOT NULL
UNION ALL
SELECT g * 8 + 3, g, 'transfer', 'first_head', recv + 5, 'conclusion', due0, tr, 'regular', 'medium_term', false, NULL, '{}', 1, 'bench' FROM gen WHERE tr IS NOT NULL
UNION ALL
SELECT g * 8 + 4, g, 'new_deadline', 'first_head', recv + 5, 'letter', due0, nd, NULL, NULL, false, NULL, '{}', 1, 'bench' FROM gen WHERE nd IS NOT NULL
UNION ALL
SELECT g * 8 + 5, g, 'removal', 'first_head', removal_day, NULL, NULL, NULL, NULL, NULL, false, ground,
       CASE ground WHEN 'executed' THEN '{official_report}' WHEN 'duplicated' THEN '{new_instruction}'
                   WHEN 'impossible' THEN '{pa_expert_conclusion}' ELSE '{control_passed_decision}' END::evidence_kind[],
       1 + (ext1 IS NOT NULL)::int + (ext2 IS NOT NULL)::int + (tr IS NOT NULL)::int + (nd IS NOT NULL)::int, 'bench'
  FROM gen WHERE removal_day IS NOT NULL;
RESET session_replication_role;
VACUUM (ANALYZE) instruction_control.instruction, instruction_control.decision, instruction_control.state_body, instruction_control.act;
SQL
echo "   generated in $(( $(date +%s) - start )) s: $(psql -X -At -c 'SELECT count(*) FROM instruction_control.instruction') instructions, $(psql -X -At -c 'SELECT count(*) FROM instruction_control.decision') decisions"

body=7
declare -a names=() queries=()
add() { names+=("$1"); queries+=("$2"); }
add "card: a page of 50 on control, by deadline" \
    "SELECT * FROM instruction_control.report_control_card WHERE status = 'on_control' ORDER BY due_date, instruction_id LIMIT 50"
add "card: one body's cards by act and point (page 1)" \
    "SELECT * FROM instruction_control.report_control_card WHERE responsible_body_id = $body ORDER BY act_id, point_sort_key, instruction_id LIMIT 50"
add "card: count by level and status (labels)" \
    "SELECT level_ru, status_ru, count(*) FROM instruction_control.report_control_card GROUP BY 1, 2"
add "overdue: count per body" \
    "SELECT responsible_body_name_ru, count(*), max(working_days_overdue) FROM instruction_control.report_overdue GROUP BY 1"
add "overdue: the 50 most overdue" \
    "SELECT * FROM instruction_control.report_overdue ORDER BY working_days_overdue DESC, instruction_id LIMIT 50"
add "discipline: every body, year 2025" \
    "SELECT body_code, sum(instructions), sum(on_time), sum(late), sum(extended), sum(extended_repeatedly), round(100.0 * sum(on_time) / nullif(sum(on_time) + sum(late), 0), 1) FROM instruction_control.report_discipline WHERE year = 2025 GROUP BY 1"
add "discipline: one body, months of 2025" \
    "SELECT * FROM instruction_control.report_discipline WHERE body_id = $body AND year = 2025"
add "Appendix 8: one ministry, 2025, rows" \
    "SELECT count(*), count(*) FILTER (WHERE status = 'in_progress') FROM instruction_control.form_annual_summary($body, 2025, 'ru')"
add "Appendix 8: one ministry, 2025, HTML" \
    "SELECT length(instruction_control.form_annual_summary_html($body, 2025, 'kk'))"
add "Appendix 8: the Government, 2025, rows" \
    "SELECT count(*) FROM instruction_control.form_annual_summary(61, 2025, 'ru')"

best_ms() {
	local stmt=$1 best="" ms out
	for _ in 1 2 3; do
		out=$(psql -X -q -At -v ON_ERROR_STOP=1 -c '\timing on' -c "$stmt" 2>&1) || { echo "bench: failed: $stmt" >&2; echo "$out" >&2; exit 1; }
		ms=$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<<"$out" | tail -n 1)
		best=$(awk -v a="$ms" -v b="$best" 'BEGIN { if (b == "" || a < b) print a; else print b }')
	done
	echo "$best"
}

declare -a results=()
for i in "${!names[@]}"; do
	echo "== ${names[$i]}"
	results+=("$(best_ms "${queries[$i]}")")
done

echo
printf '%-52s %10s  %s\n' "query ($rows instructions)" "best (ms)" "target <= 2000 ms"
for i in "${!names[@]}"; do
	verdict=$(awk -v ms="${results[$i]}" 'BEGIN { print (ms <= 2000 ? "met" : "NOT met") }')
	printf '%-52s %10.1f  %s\n' "${names[$i]}" "${results[$i]}" "$verdict"
done

echo
echo "== plans (EXPLAIN ANALYZE, top of each plan)"
noise='^\s+(Sort Key|Output|Buffers|Filter|Rows Removed|Heap Blocks|Recheck|Worker|Group Key|Hash Cond|Index Cond|Merge Cond|Join Filter|Presorted|Full-sort|Pre-sorted|Batches|Memory|Planned|Cache|Hits|Misses)'
for i in "${!names[@]}"; do
	echo "-- ${names[$i]}"
	case "${names[$i]}" in
	Appendix*)
		# the form is a function: auto_explain shows the plan of the query inside it
		psql -X -q -At -v ON_ERROR_STOP=1 -c "LOAD 'auto_explain'" -c "SET auto_explain.log_min_duration = 0" \
			-c "SET auto_explain.log_analyze = on" -c "SET auto_explain.log_timing = off" \
			-c "SET auto_explain.log_nested_statements = on" -c "SET client_min_messages = log" \
			-c "${queries[$i]}" 2>&1 >/dev/null \
			| awk '/Query Text: WITH folded AS/ { on = 1 } on && n < 14 && /^ *(->|[A-Z][a-z]+ [A-Z]|[A-Z][a-z]+ *\()/ { print; n++ }' \
			| grep -vE "$noise"
		;;
	*)
		psql -X -q -At -v ON_ERROR_STOP=1 -c "EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY ON) ${queries[$i]}" \
			| grep -vE "$noise" | awk 'NR <= 14'   # reads to the end: no SIGPIPE under pipefail
		;;
	esac
done

# Appendix 8 against its floors (issue 19) ---------------------------------------
# The floor reads what the form reads -- the bodies' instructions below PA level
# and their whole journal, folded per instruction as of the year's end -- and
# formats nothing: the cost no Appendix 8 can go below.
reps=${IC_BENCH_REPS:-5}
floor_fold="SELECT count(*), sum(n), max(last_day) FROM (SELECT i.id, count(d.id) AS n, max(d.decided_on) FILTER (WHERE d.decided_on <= date '2025-12-31') AS last_day FROM instruction_control.instruction i LEFT JOIN instruction_control.decision d ON d.instruction_id = i.id WHERE %s AND i.level OPERATOR(instruction_control.<>) 'pa' AND i.received_on <= date '2025-12-31' GROUP BY i.id) s"
one_body="(i.controlling_body_id = $body OR (i.controlling_body_id IS NULL AND i.responsible_body_id = $body))"
nbodies=$(psql -X -At -c 'SELECT count(*) FROM instruction_control.state_body')
declare -a a8_names=() a8_ours=() a8_floors=() a8_targets=()
a8_names+=("Appendix 8: all $nbodies bodies, set-wise")
a8_ours+=("SELECT count(*) FROM instruction_control.form_annual_summary_bodies(2025, 'ru')")
a8_floors+=("$(printf "$floor_fold" "true")")
a8_targets+=(3000)
a8_names+=("Appendix 8: one body")
a8_ours+=("SELECT count(*) FROM instruction_control.form_annual_summary($body, 2025, 'ru')")
a8_floors+=("$(printf "$floor_fold" "$one_body")")
a8_targets+=(150)
a8_names+=("Appendix 8: all bodies as $nbodies calls (before)")
a8_ours+=("SELECT count(*) FROM instruction_control.state_body b, instruction_control.form_annual_summary(b.id, 2025, 'ru') f")
a8_floors+=("$(printf "$floor_fold" "true")")
a8_targets+=("")

one_run() {	# prints "wall_ms cpu_ms" of one statement
	local out c0 c1
	c0=$(bash scripts/cluster.sh cpu bench_reporting)
	out=$(psql -X -q -At -U "${2:-postgres}" -v ON_ERROR_STOP=1 -c '\timing on' -c "$1" 2>&1) || { echo "bench: failed: $1" >&2; echo "$out" >&2; exit 1; }
	sleep 0.2	# the backend ends after psql: let the postmaster reap it (its CPU moves to cutime)
	c1=$(bash scripts/cluster.sh cpu bench_reporting)
	echo "$(sed -n 's/^Time: \([0-9.]*\) ms.*/\1/p' <<<"$out" | tail -n 1) $((c1 - c0))"
}
median() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
range() { tr ' ' '\n' <<<"$1" | grep . | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.0f-%.0f", lo, hi }'; }
a8_rows() {	# the Appendix 8 rows under the durability setting $1 (and a note on the data, $2)
	local setting=$1 data=${2:-} i r w o f oc fc t verdict
	declare -A a8_wall=() a8_cpu=()
	bash scripts/cluster.sh durability bench_reporting "$setting"
	echo "== Appendix 8 against its floors ($setting durability${data:+, $data}): $reps interleaved repetitions"
	for ((r = 1; r <= reps; r++)); do
		for i in "${!a8_names[@]}"; do
			# the 61 calls of before: once, under the headline setting
			[ -z "${a8_targets[$i]}" ] && { [ "$setting" != production ] || [ -n "$data" ]; } && continue
			for side in ours floor; do
				if [ $side = ours ]; then w=$(one_run "${a8_ours[$i]}"); else w=$(one_run "${a8_floors[$i]}"); fi
				a8_wall[$i,$side]+="${w% *} "; a8_cpu[$i,$side]+="${w#* } "
			done
		done
	done
	echo
	printf '%-46s %10s %10s %7s %14s %14s %9s %9s %7s  %s\n' "Appendix 8 ($rows instructions, $setting)" "ours (ms)" "floor (ms)" "ratio" \
		"ours range" "floor range" "ours CPU" "floor CPU" "CPU x" "target"
	for i in "${!a8_names[@]}"; do
		[ -n "${a8_wall[$i,ours]:-}" ] || continue
		o=$(median "${a8_wall[$i,ours]}"); f=$(median "${a8_wall[$i,floor]}")
		oc=$(median "${a8_cpu[$i,ours]}"); fc=$(median "${a8_cpu[$i,floor]}")
		t=${a8_targets[$i]}
		verdict=$( [ -z "$t" ] && echo "(for comparison)" || awk -v ms="$o" -v t="$t" 'BEGIN { printf "<= %d ms at 1M: %s here", t, (ms <= t ? "met" : "NOT met") }')
		printf '%-46s %10.1f %10.1f %6.1fx %14s %14s %9.0f %9.0f %6.1fx  %s\n' "${a8_names[$i]}" "$o" "$f" "$(awk -v o="$o" -v f="$f" 'BEGIN { print o / f }')" \
			"$(range "${a8_wall[$i,ours]}")" "$(range "${a8_wall[$i,floor]}")" "$oc" "$fc" \
			"$(awk -v o="$oc" -v f="$fc" 'BEGIN { print (f > 0 ? o / f : 0) }')" "$verdict"
	done
	echo
}
# --- Reader vs superuser (issue 19) ------------------------------------------------
# The same query as a LOGIN role holding only ic_reader, reading body $body
# (body_member), against the superuser (no row security), runs interleaved,
# jit at its default (on): row security must cost no more than 1.5x and its
# plan must not cross the JIT thresholds (the decision policy used to).  The
# first page of control cards: the reader pages with report_control_card_page()
# (its bodies walked in deadline order), the superuser reads the view's page
# (the floor); the row marked "before" is the reader reading the view itself.
#   IC_BENCH_READER_RUNS   interleaved runs of each side (default 7)
reader_rows() {	# the reader rows under the durability setting $1
	local setting=$1 runs=${IC_BENCH_READER_RUNS:-7} i k u w name stmt rstmt su rd suc rdc
	bash scripts/cluster.sh durability bench_reporting "$setting"
	psql -X -q -v ON_ERROR_STOP=1 \
		-c "DO \$\$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'bench_reader') THEN CREATE ROLE bench_reader LOGIN IN ROLE ic_reader; END IF; END\$\$" \
		-c "INSERT INTO instruction_control.body_member VALUES ('bench_reader', $body) ON CONFLICT DO NOTHING" >/dev/null
	# rqueries: what the superuser runs (the floor); rreader: what the reader runs, when not the same
	declare -a rnames=() rqueries=() rreader=()
	local card_page="SELECT * FROM instruction_control.report_control_card WHERE status = 'on_control' ORDER BY due_date, instruction_id LIMIT 50"
	rnames+=("report_discipline, one body, months of 2025")
	rqueries+=("SELECT * FROM instruction_control.report_discipline WHERE body_id = $body AND year = 2025")
	rreader+=("")
	rnames+=("report_control_card_page(), first page of 50")
	rqueries+=("$card_page")
	rreader+=("SELECT * FROM instruction_control.report_control_card_page()")
	rnames+=("report_control_card, the same page (before)")
	rqueries+=("$card_page")
	rreader+=("")
	echo
	printf '%-46s %10s %10s %7s  %-23s %-23s %9s %9s  %s\n' "reader vs superuser ($rows, $setting)" "reader ms" "super ms" "ratio" \
		"reader range" "super range" "rd CPU" "su CPU" "target <= 1.5x, no JIT"
	for i in "${!rnames[@]}"; do
		stmt=${rqueries[$i]}
		rstmt=${rreader[$i]:-$stmt}
		su=() rd=() suc=() rdc=()
		for ((k = 0; k < runs; k++)); do
			for u in postgres bench_reader; do
				if [ "$u" = postgres ]; then w=$(one_run "$stmt" "$u"); else w=$(one_run "$rstmt" "$u"); fi
				[ -n "${w% *}" ] || { echo "bench: failed as $u: $stmt" >&2; exit 1; }
				if [ "$u" = postgres ]; then su+=("${w% *}"); suc+=("${w#* }"); else rd+=("${w% *}"); rdc+=("${w#* }"); fi
			done
		done
		jit=$(psql -X -q -At -U bench_reader -c "EXPLAIN $rstmt" | grep -c '^JIT:' || true)
		awk -v name="${rnames[$i]}" -v su="${su[*]}" -v rd="${rd[*]}" -v jit="$jit" \
			-v suc="$(median "${suc[*]}")" -v rdc="$(median "${rdc[*]}")" 'BEGIN {
			n = split(su, s, " "); split(rd, r, " ");
			smin = smax = s[1]; rmin = rmax = r[1];
			for (k = 2; k <= n; k++) { if (s[k] < smin) smin = s[k]; if (s[k] > smax) smax = s[k];
			                           if (r[k] < rmin) rmin = r[k]; if (r[k] > rmax) rmax = r[k]; }
			ratio = rmin / smin;
			printf "%-46s %10.1f %10.1f %6.2fx  %-23s %-23s %9.0f %9.0f  %s%s\n", name, rmin, smin, ratio,
			       sprintf("%.1f..%.1f", rmin, rmax), sprintf("%.1f..%.1f", smin, smax), rdc, suc,
			       (ratio <= 1.5 ? "met" : "NOT met"), (jit > 0 ? ", reader plan JIT-compiled" : "")
		}'
	done
}
for setting in production fast; do
	a8_rows "$setting"
	reader_rows "$setting"
	echo
done
# The registry above has no reports.  A registry in use has them, and Appendix 8
# prints the latest final or intermediate report of each row (one index lookup
# per row): the same rows again with intermediate reports (every 90 days, at
# most two, for 70% of the instructions, while on control) and a final report
# for 80% of those removed.  The
# floor reads no reports, as before: the ratio grows by what the reports cost.
psql -X -q -v ON_ERROR_STOP=1 -c "SET session_replication_role = replica" \
	-c "INSERT INTO instruction_control.report (instruction_id, kind, period_end, submitted_on, content)
	    SELECT i.id, 'intermediate', i.received_on + 90 * k, i.received_on + 90 * k + 5, 'Intermediate report ' || k || ' on ' || i.id
	      FROM instruction_control.instruction i, generate_series(1, 2) k
	     WHERE i.id % 10 < 7 AND (i.removed_on IS NULL OR i.received_on + 90 * k + 5 < i.removed_on)" \
	-c "INSERT INTO instruction_control.report (instruction_id, kind, submitted_on, content)
	    SELECT i.id, 'final', i.removed_on - 1, 'Final report on ' || i.id
	      FROM instruction_control.instruction i WHERE i.removed_on IS NOT NULL AND i.id % 10 < 8" \
	-c "VACUUM (ANALYZE) instruction_control.report"
a8_rows production "with $(psql -X -At -c 'SELECT count(*) FROM instruction_control.report') reports"
# Nor has it a row of 2025 whose deadline a decision after the year moved (its
# decisions follow receipt by days), which a registry's summary of the year
# before has many of: the form prints the deadline as the year ended, the old
# date of the first such decision (folded in the workers, report_first_day).
# The same rows once more after a new deadline in February 2026 for a fifth of
# the instructions on control at the end of 2025.
psql -X -q -v ON_ERROR_STOP=1 -c "SET session_replication_role = replica" \
	-c "INSERT INTO instruction_control.decision (instruction_id, kind, decided_by, decided_on, basis, old_due_date,
	                                              new_due_date, seq, recorded_by)
	    SELECT i.id, 'new_deadline', 'first_head', date '2026-02-01', 'letter', i.due_date, i.due_date + 30,
	           i.decision_count + 1, 'bench'
	      FROM instruction_control.instruction i
	     WHERE i.received_on <= date '2025-12-31' AND coalesce(i.removed_on, 'infinity') > date '2025-12-31' AND i.id % 5 = 0" \
	-c "VACUUM (ANALYZE) instruction_control.decision"
a8_rows production "with those reports and $(psql -X -At -c "SELECT count(*) FROM instruction_control.decision WHERE decided_on = date '2026-02-01' AND recorded_by = 'bench'") deadlines of 2025 moved in 2026"
bash scripts/cluster.sh durability bench_reporting fast >/dev/null
bash scripts/cluster.sh stop bench_reporting >/dev/null
