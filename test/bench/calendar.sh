#!/usr/bin/env bash
# Benchmark of the working-day calendar (make bench-calendar), issue 19's rows:
#
#   1. calendar, 8 calls per row, CPU per call vs d + k   (target <= 1.3x), also
#      with the 'KZ' argument, working_days_between vs d2 - d, and for scale
#      orafce plvdate.add_bizdays and a plain SQL implementation;
#   2. the first add_working_days in a new session vs the first d + 10
#      (target: <= 1 ms), and vs loading a library without settings and
#      reading the calendar's days, the least a calendar in tables can cost;
#   3. CREATE EXTENSION instruction_control vs CREATE EXTENSION orafce
#      (target: <= 150 ms), and vs our schema's tables, keys and indexes
#      alone as plain DDL (test/bench/bare_schema.sql).
#
# Starts its own throwaway cluster (scripts/cluster.sh NAME "bench", port
# IC_PORT, default 55440), builds and installs the extension, installs orafce
# (Debian postgresql-15-orafce) for comparison.  Every row prints ours, the
# floor, the ratio and the range of the ratio over REPS interleaved
# repetitions (ours and the floor measured one after the other each time).
# Section 1 measures the backend's CPU time (/proc/self/schedstat, read with
# pg_read_file as superuser), so other load on the machine does not count
# (durability plays no part in it); sections 2 and 3 print the wall-clock
# time seen by the client (median and fastest) and the backend's CPU time,
# under production durability (the headline) and the fast settings.
#   REPS (default 7), ROWS (default 1000000), SESSIONS (default 40, section 2),
#   SECTIONS (default "1 2 3").
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
reps=${REPS:-7}
rows=${ROWS:-1000000}
sessions=${SESSIONS:-40}
sections=${SECTIONS:-1 2 3}

bash scripts/install-deps.sh postgresql-15-orafce
make -s >/dev/null
make -s install >/dev/null
bash scripts/cluster.sh start bench
eval "$(bash scripts/cluster.sh env bench)"
trap 'bash scripts/cluster.sh durability bench fast >/dev/null 2>&1 || true; bash scripts/cluster.sh stop bench >/dev/null 2>&1 || true' EXIT

psql -qX -d postgres -c "DROP DATABASE IF EXISTS ic_bench" -c "CREATE DATABASE ic_bench"
psql -qX -v ON_ERROR_STOP=1 -d ic_bench -c "SET client_min_messages = error" \
	-c "CREATE EXTENSION instruction_control" -c "CREATE EXTENSION orafce"

# median and range of a list of numbers on stdin (one per line)
stats() {
	sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
		printf "%.3f %.3f %.3f\n", m, v[1], v[NR] }'
}

row() {	# name ours floor ratio range target
	printf '%-60s %10s %10s %7s %-13s %s\n' "$@"
}

if [[ " $sections " == *" 1 "* ]]; then
psql -qX -v ON_ERROR_STOP=1 -v rows="$rows" -v reps="$reps" -d ic_bench <<'SQL'
SET client_min_messages = warning;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET search_path = public, instruction_control;
SELECT set_config('bench.reps', :'reps', false) \gset

-- 1M rows: receipt dates 2016-2026, n in 1..20, a second date up to 60 days later.
SELECT setseed(0.5);
CREATE TABLE bench AS
SELECT d, d + (random() * 60)::integer AS d2, 1 + (random() * 19)::integer AS n
  FROM (SELECT date '2016-01-01' + (random() * 3900)::integer AS d
          FROM generate_series(1, :rows)) s;
CREATE TABLE bench_small AS SELECT * FROM bench LIMIT (:rows / 100);
VACUUM ANALYZE bench;
VACUUM ANALYZE bench_small;

-- A plain SQL implementation of add_working_days over the same tables.
CREATE FUNCTION add_working_days_sql(d date, n integer) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT g::date
    FROM generate_series(d + 1, d + 10 * n + 30, interval '1 day') g
   WHERE coalesce((SELECT kind = 'working_day' FROM instruction_control.calendar_day c
                    WHERE c.calendar = 'KZ' AND c.day = g::date),
                  extract(isodow FROM g) < 6)
   ORDER BY g OFFSET n - 1 LIMIT 1
$$;

-- orafce knows a weekmask and a list of non-working days: register the KZ
-- holidays and days off it can hold (it cannot express a working Saturday).
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT day FROM instruction_control.calendar_day
            WHERE calendar = 'KZ' AND kind <> 'working_day' AND extract(isodow FROM day) < 6
            ORDER BY day
  LOOP
    BEGIN
      PERFORM plvdate.set_nonbizday(r.day);
    EXCEPTION WHEN OTHERS THEN
      EXIT;
    END;
  END LOOP;
END
$$;

-- CPU time of this backend in ns (the scheduler's account of it).
CREATE FUNCTION cpu_ns() RETURNS bigint LANGUAGE sql AS
$$ SELECT split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint $$;

-- One run of a query: CPU ns.
CREATE FUNCTION run_cpu(q text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
  t0 bigint;
BEGIN
  t0 := cpu_ns();
  EXECUTE q;
  RETURN cpu_ns() - t0;
END
$$;

-- The queries: each has its bare twin (the same scan and aggregate with the
-- function calls replaced by the column); "per call" subtracts the twin.
CREATE TEMP TABLE q (id integer, name text, query text, calls bigint);
INSERT INTO q VALUES
  (1, 'bare: greatest of d x8', 'SELECT max(greatest(d, d, d, d, d, d, d, d)) FROM bench', 0),
  (2, 'd + k, k = 1..8', 'SELECT max(greatest(d + 1, d + 2, d + 3, d + 4, d + 5, d + 6, d + 7, d + 8)) FROM bench', 8),
  (3, 'add_working_days(d, k), k = 1..8',
      'SELECT max(greatest(add_working_days(d, 1), add_working_days(d, 2), add_working_days(d, 3), add_working_days(d, 4),'
      ' add_working_days(d, 5), add_working_days(d, 6), add_working_days(d, 7), add_working_days(d, 8))) FROM bench', 8),
  (4, 'add_working_days(d, k, ''KZ''), k = 1..8',
      'SELECT max(greatest(add_working_days(d, 1, ''KZ''), add_working_days(d, 2, ''KZ''), add_working_days(d, 3, ''KZ''), add_working_days(d, 4, ''KZ''),'
      ' add_working_days(d, 5, ''KZ''), add_working_days(d, 6, ''KZ''), add_working_days(d, 7, ''KZ''), add_working_days(d, 8, ''KZ''))) FROM bench', 8),
  (5, 'bare: sum(n) x8', 'SELECT sum(n + n + n + n + n + n + n + n) FROM bench', 0),
  (6, 'd2 - d x8', 'SELECT sum((d2 - d) + (d2 - d) + (d2 - d) + (d2 - d) + (d2 - d) + (d2 - d) + (d2 - d) + (d2 - d)) FROM bench', 8),
  (7, 'working_days_between(d, d2) x8',
      'SELECT sum(working_days_between(d, d2) + working_days_between(d, d2) + working_days_between(d, d2) + working_days_between(d, d2)'
      ' + working_days_between(d, d2) + working_days_between(d, d2) + working_days_between(d, d2) + working_days_between(d, d2)) FROM bench', 8),
  (8, 'orafce plvdate.add_bizdays(d, n)', 'SELECT max(plvdate.add_bizdays(d, n)) FROM bench', 1),
  (9, 'add_working_days(d, n)', 'SELECT max(add_working_days(d, n)) FROM bench', 1),
  (10, 'bare: max(d)', 'SELECT max(d) FROM bench', 0),
  (11, 'plain SQL add_working_days_sql(d, n), 1% of rows', 'SELECT max(add_working_days_sql(d, n)) FROM bench_small', 1),
  (12, 'bare: max(d), 1% of rows', 'SELECT max(d) FROM bench_small', 0);

-- Interleaved repetitions: in each, every query once, in order.
CREATE TEMP TABLE sample (rep integer, id integer, ns bigint);
DO $$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT * FROM q ORDER BY id LOOP
    PERFORM run_cpu(r.query);          -- warm-up
  END LOOP;
  FOR rep IN 1 .. current_setting('bench.reps')::integer LOOP
    FOR r IN SELECT * FROM q WHERE id <> 11 OR rep <= 2 ORDER BY id LOOP
      INSERT INTO sample VALUES (rep, r.id, run_cpu(r.query));
    END LOOP;
  END LOOP;
END
$$;

-- Per call: (query - its bare twin) / (rows x calls per row), per repetition.
CREATE TEMP VIEW per_call AS
SELECT a.rep, a.id, (a.ns - z.ns)::float8 / (t.n * q.calls) AS ns_call
  FROM sample a
  JOIN q ON q.id = a.id
  JOIN sample z ON z.rep = a.rep
        AND z.id = CASE WHEN a.id IN (2, 3, 4) THEN 1 WHEN a.id IN (6, 7) THEN 5
                        WHEN a.id IN (8, 9) THEN 10 WHEN a.id = 11 THEN 12 END
  CROSS JOIN LATERAL (SELECT CASE WHEN a.id = 11 THEN :rows / 100 ELSE :rows END AS n) t
 WHERE q.calls > 0;

\echo
\echo 'Section 1: CPU ns per call (backend CPU, minus the same query with the column instead of the calls);'
\echo 'median of the repetitions; range = lowest..highest ratio of one repetition'
SELECT x.row AS "row", round(percentile_cont(0.5) WITHIN GROUP (ORDER BY a.ns_call)::numeric, 1) AS ours_ns,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY b.ns_call)::numeric, 1) AS floor_ns,
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY a.ns_call)
              / nullif(percentile_cont(0.5) WITHIN GROUP (ORDER BY b.ns_call), 0))::numeric, 2) AS ratio,
       round(min(a.ns_call / nullif(b.ns_call, 0))::numeric, 2) || '..' ||
       round(max(a.ns_call / nullif(b.ns_call, 0))::numeric, 2) AS range,
       x.target
  FROM (VALUES (1, 'calendar, 8 calls per row: add_working_days(d, k) vs d + k', 3, 2, '<= 1.3'),
               (2, 'the same with the ''KZ'' argument vs d + k', 4, 2, '<= 1.3'),
               (3, 'working_days_between(d, d2) vs d2 - d, 8 per row', 7, 6, '<= 1.3'),
               (4, 'orafce add_bizdays(d, n) vs add_working_days(d, n)', 8, 9, 'orafce / ours'),
               (5, 'plain SQL vs add_working_days(d, n)', 11, 9, 'plain SQL / ours'))
       AS x(ord, row, a_id, b_id, target)
  JOIN per_call a ON a.id = x.a_id
  JOIN per_call b ON b.id = x.b_id AND b.rep = a.rep
 GROUP BY x.ord, x.row, x.target
 ORDER BY x.ord;
SQL
fi

# Sections 2 and 3 run under production durability (fsync, synchronous_commit
# and full_page_writes on: the headline) and under the throwaway cluster's fast
# settings (all off) beside it.  Each prints the wall clock the client sees and
# the backend's CPU time for the statement (/proc/self/schedstat read before and
# after it in the same session), which the other load on a shared machine does
# not inflate.
cpu_q="SELECT split_part(pg_read_file('/proc/self/schedstat'), ' ', 1)::bigint"

# One statement in a new session: "wall_ms cpu_ms" (the clock is read once
# before it, so the statement is the first to touch the extension).
first_statement() {
	psql -qXAt -d "${db:-ic_bench}" -c "SET client_min_messages = error" -c "$cpu_q" -c '\timing on' -c "$1" -c '\timing off' -c "$cpu_q" ${2:+-c "$2"} |
		awk '/^Time: / { w = $2; next } /^[0-9]+$/ { c[++n] = $1 } END { printf "%s %.3f\n", w, (c[n] - c[1]) / 1e6 }'
}

# print the rows of one section from "ours_wall ours_cpu floor_wall floor_cpu" lines in file $2
report() {	# title file label target
	local om omin fm fmin oc fc rlo rhi crlo crhi
	read -r om omin _ < <(awk '{ print $1 }' "$2" | stats)
	read -r fm fmin _ < <(awk '{ print $3 }' "$2" | stats)
	read -r oc _ _ < <(awk '{ print $2 }' "$2" | stats)
	read -r fc _ _ < <(awk '{ print $4 }' "$2" | stats)
	read -r _ rlo rhi < <(awk '$3 > 0 { print $1 / $3 }' "$2" | stats)
	read -r _ crlo crhi < <(awk '$4 > 0 { print $2 / $4 }' "$2" | stats)
	row "$3, wall ms" "$om" "$fm" "$(awk -v a="$om" -v b="$fm" 'BEGIN { printf "%.2f", a / b }')" \
		"$(printf '%.2f..%.2f' "$rlo" "$rhi")" "$4"
	row "  the same, fastest (less noise), wall ms" "$omin" "$fmin" \
		"$(awk -v a="$omin" -v b="$fmin" 'BEGIN { printf "%.2f", a / b }')" "" ""
	row "  the same, backend CPU ms (median)" "$oc" "$fc" \
		"$(awk -v a="$oc" -v b="$fc" 'BEGIN { printf "%.2f", a / b }')" "$(printf '%.2f..%.2f' "$crlo" "$crhi")" ""
}

# The second row of section 2 sets ours beside the least a calendar kept in
# tables and counted by a library loaded on first use can cost: loading a
# library that defines nothing (tablefunc, from PostgreSQL's contrib) and a
# session's first read of the calendar's days, in one statement.
section2() {	# durability setting
	local f=/tmp/ic_bench_first.$$ p=/tmp/ic_bench_first_parts.$$ ours
	: >$f
	: >$p
	for ((i = 1; i <= sessions; i++)); do
		ours=$(first_statement "SELECT instruction_control.add_working_days(date '2024-01-10', 10)")
		echo "$ours $(first_statement "SELECT date '2024-01-10' + 10")" >>$f
		echo "$ours $(first_statement "LOAD 'tablefunc'; SELECT count(*) FROM instruction_control.calendar_day WHERE calendar = 'KZ'")" >>$p
	done
	echo
	echo "Section 2 ($1 durability): first statement of a new session (median of $sessions)"
	row "row" "ours" "floor" "ratio" "range" "target"
	report "" $f "first add_working_days in a new session vs d + 10" "ours <= 1 ms"
	report "" $p "  the same vs LOAD of a library + a first read of calendar_day" ""
	rm -f $f $p
}

# Section 3 installs each extension once into a new database, as a database
# gets it: CREATE DATABASE (not timed), then CREATE EXTENSION as its first
# statement.  Repeating DROP EXTENSION and CREATE EXTENSION in one database
# (the "repeated" row, how this section measured before) makes each CREATE
# allocate its files (our 35 tables, their TOAST tables and indexes: about 190)
# right after the previous DROP freed as many in the same directory, and ext4
# skips the inodes freed in the last minute one by one (recently_deleted() in
# the kernel's profile): each repetition is slower than the one before, and
# more so for the extension with more files.  Kept beside the headline so
# the two can be compared.
# The "bare" row is the same work done bare: our schema's tables, keys and
# indexes as plain DDL (test/bench/bare_schema.sql writes it from the
# catalog), run the same way in a third new database; the rest of ours is
# what the extension adds to them (functions, types, triggers, views,
# policies, grants, comments, the seeded calendar).
bare_schema="CREATE SCHEMA instruction_control; $(psql -qXAt -v ON_ERROR_STOP=1 -d ic_bench -f test/bench/bare_schema.sql)"
section3() {	# durability setting
	local f=/tmp/ic_bench_create.$$ g=/tmp/ic_bench_create_repeated.$$ b=/tmp/ic_bench_create_bare.$$ tag=${1:0:4}
	local ours
	: >$f
	: >$g
	: >$b
	for ((i = 1; i <= reps; i++)); do
		psql -qX -d postgres -c "CREATE DATABASE ic_create_ours_${tag}_$i" -c "CREATE DATABASE ic_create_orafce_${tag}_$i" \
			-c "CREATE DATABASE ic_create_bare_${tag}_$i"
		ours=$(db=ic_create_ours_${tag}_$i first_statement "CREATE EXTENSION instruction_control")
		echo "$ours $(db=ic_create_orafce_${tag}_$i first_statement "CREATE EXTENSION orafce")" >>$f
		echo "$ours $(db=ic_create_bare_${tag}_$i first_statement "$bare_schema")" >>$b
	done
	psql -qX -d ic_bench -c "SET client_min_messages = error" -c "DROP EXTENSION IF EXISTS instruction_control CASCADE" -c "DROP EXTENSION IF EXISTS orafce"
	for ((i = 1; i <= reps; i++)); do
		echo "$(first_statement "CREATE EXTENSION instruction_control" "DROP EXTENSION instruction_control CASCADE") $(first_statement "CREATE EXTENSION orafce" "DROP EXTENSION orafce")" >>$g
	done
	echo
	echo "Section 3 ($1 durability): CREATE EXTENSION, ours vs orafce (median of $reps)"
	row "row" "ours" "orafce" "ratio" "range" "target"
	report "" $f "CREATE EXTENSION, each in a new database" "ours <= 150 ms"
	report "" $g "  repeated DROP/CREATE in one database (before)" ""
	echo
	echo "Section 3 ($1 durability): CREATE EXTENSION vs its tables, keys and indexes alone, bare (median of $reps)"
	row "row" "ours" "bare" "ratio" "range" "target"
	report "" $b "CREATE EXTENSION vs the same schema's storage as plain DDL" ""
	rm -f $f $g $b
	psql -qX -d ic_bench -c "SET client_min_messages = error" -c "CREATE EXTENSION instruction_control" -c "CREATE EXTENSION orafce"
}

# The new databases of section 3, dropped before the first measurement (a
# stopped run's) and after the last: never between two, where the files
# they free would slow the next CREATE as the repeated row shows.  When a
# stopped run's were dropped, the measurements wait a minute: ext4 passes
# over the inodes freed in the last minute when it allocates new ones.
drop_create_databases() {
	local d n=0
	while read -r d; do
		psql -qX -d postgres -c "DROP DATABASE \"$d\""
		n=$((n + 1))
	done < <(psql -qXAt -d postgres -c "SELECT datname FROM pg_database WHERE datname LIKE 'ic\_create\_%'")
	[ "${1:-}" != before ] || [ $n -eq 0 ] || sleep 65
}

[[ " $sections " == *" 3 "* ]] && drop_create_databases before
for setting in production fast; do
	[[ " $sections " == *" 2 "* || " $sections " == *" 3 "* ]] || break
	bash scripts/cluster.sh durability bench $setting
	[[ " $sections " == *" 2 "* ]] && section2 $setting
	[[ " $sections " == *" 3 "* ]] && section3 $setting
done
[[ " $sections " == *" 3 "* ]] && drop_create_databases
bash scripts/cluster.sh durability bench fast
