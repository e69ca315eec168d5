#!/usr/bin/env bash
# Benchmark of the working-day functions (make bench).
#
# Starts its own throwaway cluster (scripts/cluster.sh NAME "bench", port
# IC_PORT, default 55440), builds and installs the extension, installs orafce
# (Debian postgresql-15-orafce) for comparison, and times one query over 1M
# rows per function, all in the same run:
#
#   add_working_days(d, n)        vs  d + n                (built-in date + integer)
#   working_days_between(a, b)    vs  b - a                (built-in date - date)
#   add_working_days              vs  a plain SQL implementation (10,000 rows, scaled x100)
#   add_working_days              vs  orafce plvdate.add_bizdays(d, n)
#
# Each query is run REPS times (default 5) after a warm-up; the minimum is
# reported.  "whole" is the ratio of whole-query times; "marginal" subtracts the
# same query with no function applied (an aggregate over the bare column) and
# compares the cost per call.  Targets: whole <= 1.2x, marginal <= 3x the built-in.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
reps=${REPS:-5}
rows=${ROWS:-1000000}

bash scripts/install-deps.sh postgresql-15-orafce
make -s >/dev/null
make -s install >/dev/null
bash scripts/cluster.sh start bench
eval "$(bash scripts/cluster.sh env bench)"

psql -qX -d postgres -c "DROP DATABASE IF EXISTS ic_bench" -c "CREATE DATABASE ic_bench"
psql -qX -v ON_ERROR_STOP=1 -v rows="$rows" -v reps="$reps" -d ic_bench <<'SQL'
SET client_min_messages = warning;
CREATE EXTENSION instruction_control;
CREATE EXTENSION orafce;
SET max_parallel_workers_per_gather = 0;
SET jit = off;
SET search_path = public, instruction_control;

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
  k integer := 0;
BEGIN
  FOR r IN SELECT day FROM instruction_control.calendar_day
            WHERE calendar = 'KZ' AND kind <> 'working_day' AND extract(isodow FROM day) < 6
            ORDER BY day
  LOOP
    BEGIN
      PERFORM plvdate.set_nonbizday(r.day);
      k := k + 1;
    EXCEPTION WHEN OTHERS THEN
      EXIT;
    END;
  END LOOP;
  PERFORM set_config('bench.orafce_days', k::text, false);
END
$$;

-- Minimum time in ms of REPS runs of a query, after one warm-up run.
CREATE FUNCTION bench_ms(q text, reps integer) RETURNS double precision
LANGUAGE plpgsql AS $$
DECLARE
  t0 timestamptz;
  best double precision := 'infinity';
  ms double precision;
BEGIN
  EXECUTE q;
  FOR i IN 1 .. reps LOOP
    t0 := clock_timestamp();
    EXECUTE q;
    ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    best := least(best, ms);
  END LOOP;
  RETURN best;
END
$$;

CREATE TEMP TABLE timing (id integer, name text, query text, nrows bigint, ms double precision);
INSERT INTO timing (id, name, query, nrows) VALUES
  (1, 'bare column (no function): max(d)', 'SELECT max(d) FROM bench', :rows),
  (2, 'built-in d + n', 'SELECT max(d + n) FROM bench', :rows),
  (3, 'add_working_days(d, n)', 'SELECT max(instruction_control.add_working_days(d, n)) FROM bench', :rows),
  (4, 'add_working_days(d, n, ''KZ'')', 'SELECT max(instruction_control.add_working_days(d, n, ''KZ'')) FROM bench', :rows),
  (5, 'bare column (no function): sum(n)', 'SELECT sum(n) FROM bench', :rows),
  (6, 'built-in d2 - d', 'SELECT sum(d2 - d) FROM bench', :rows),
  (7, 'working_days_between(d, d2)', 'SELECT sum(instruction_control.working_days_between(d, d2)) FROM bench', :rows),
  (8, 'orafce plvdate.add_bizdays(d, n)', 'SELECT max(plvdate.add_bizdays(d, n)) FROM bench', :rows),
  (9, 'plain SQL add_working_days_sql(d, n)', 'SELECT max(add_working_days_sql(d, n)) FROM bench_small', :rows / 100),
  (10, 'bare column on the small table', 'SELECT max(d) FROM bench_small', :rows / 100);
UPDATE timing SET ms = bench_ms(query, CASE WHEN id = 9 THEN 1 ELSE :reps END);

-- Per-row figures; the plain SQL and its bare column are scaled to 1M rows.
CREATE TEMP VIEW per AS
SELECT id, name, nrows, ms, ms * 1e6 / nrows AS ns_row FROM timing;

\echo
\echo 'Working-day functions: one query over the rows shown, minimum of the runs (ms)'
SELECT id, name, nrows AS rows, round(ms::numeric, 1) AS ms, round(ns_row::numeric, 1) AS ns_per_row
  FROM per ORDER BY id;

\echo 'Ratios (same run).  whole = query time / built-in query time;'
\echo 'marginal = (query - bare column) / (built-in - bare column), per call.'
WITH p AS (SELECT id, ns_row FROM per)
SELECT x.comparison,
       round((a.ns_row / b.ns_row)::numeric, 2) AS whole_ratio,
       round((a.ns_row - z.ns_row)::numeric, 1) AS marginal_ns_per_call,
       round((b.ns_row - z.ns_row)::numeric, 1) AS baseline_marginal_ns,
       round(((a.ns_row - z.ns_row) / nullif(b.ns_row - z.ns_row, 0))::numeric, 2) AS marginal_ratio,
       x.target
  FROM (VALUES ('add_working_days vs d + n', 3, 2, 1, 'whole <= 1.2, marginal <= 3'),
               ('add_working_days(.., ''KZ'') vs d + n', 4, 2, 1, 'whole <= 1.2, marginal <= 3'),
               ('working_days_between vs d2 - d', 7, 6, 5, 'whole <= 1.2, marginal <= 3'),
               ('orafce add_bizdays vs add_working_days', 8, 3, 1, 'orafce / ours'),
               ('plain SQL vs add_working_days', 9, 3, 10, 'plain SQL / ours')) AS x(comparison, a_id, b_id, z_id, target)
  JOIN p a ON a.id = x.a_id
  JOIN p b ON b.id = x.b_id
  JOIN p z ON z.id = x.z_id
 ORDER BY x.a_id;

SELECT current_setting('bench.orafce_days') AS orafce_registered_nonbizdays,
       (SELECT count(*) FROM instruction_control.calendar_day
         WHERE calendar = 'KZ' AND kind <> 'working_day' AND extract(isodow FROM day) < 6) AS kz_weekday_days_off;
SQL

bash scripts/cluster.sh stop bench
