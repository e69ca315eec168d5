#!/usr/bin/env bash
# Benchmark of the registry's rule triggers (issue: registry), on a throwaway
# cluster (scripts/cluster.sh NAME bench_registry).  Every figure is a ratio
# against a baseline measured in the same run, on the same rows:
#
#   1. extend_deadline() on N instructions (journal row + judged + applied)
#      vs. the same change as a plain UPDATE of due_date with user triggers disabled
#   2. a direct UPDATE of a descriptive column through the guard trigger
#      vs. the same UPDATE with user triggers disabled
#   3. COPY of 1M instructions through the guard (due date computed per R50.3)
#      vs. COPY of the same rows, due dates precomputed, with user triggers disabled
#
# Each measurement is the best of 3 runs.  Targets: 1 and 2 <= 1.5x, 3 <= 2x.
#   IC_BENCH_ROWS      rows for COPY (default 1000000)
#   IC_BENCH_DECISIONS instructions for 1 and 2 (default 20000)
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
rows=${IC_BENCH_ROWS:-1000000}
decisions=${IC_BENCH_DECISIONS:-20000}
export IC_PORT=${IC_PORT:-55470}

bash scripts/install-deps.sh >/dev/null
make -s >/dev/null && make -s install >/dev/null
bash scripts/cluster.sh start bench_registry >/dev/null
eval "$(bash scripts/cluster.sh env bench_registry)"
dropdb --if-exists ic_bench_registry
createdb ic_bench_registry
export PGDATABASE=ic_bench_registry
datafile=$(bash scripts/cluster.sh env bench_registry | sed "s/.*PGHOST='\([^']*\)'.*/\1/")/../bench_instructions.copy

psql -X -q -v ON_ERROR_STOP=1 <<SQL
CREATE EXTENSION instruction_control;
SET search_path = instruction_control, public;

-- best of 3 runs of a statement, in milliseconds; setup runs before each run
CREATE FUNCTION pg_temp.best_ms(stmt text, setup text DEFAULT NULL) RETURNS numeric
LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; best numeric := NULL; ms numeric;
BEGIN
  FOR i IN 1..3 LOOP
    IF setup IS NOT NULL THEN EXECUTE setup; END IF;
    t0 := clock_timestamp();
    EXECUTE stmt;
    ms := extract(epoch FROM clock_timestamp() - t0) * 1000;
    best := least(coalesce(best, ms), ms);
  END LOOP;
  RETURN round(best, 1);
END \$\$;

CREATE TABLE pg_temp.result (what text, ours_ms numeric, baseline_ms numeric);

-- 1 and 2: N instructions on control
SET session_replication_role = replica;
TRUNCATE decision, instruction CASCADE;
RESET session_replication_role;
INSERT INTO instruction (kind, level, received_on, term, content)
SELECT 'act_point', 'pa', date '2025-02-03' + (g % 200), '10 wd', 'instruction ' || g
  FROM generate_series(1, $decisions) g;
CREATE TABLE pg_temp.snapshot AS SELECT id, due_date FROM instruction;

-- restore the instructions and empty the journal between runs (superuser only)
CREATE FUNCTION pg_temp.reset() RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  UPDATE instruction_control.instruction i SET due_date = s.due_date, last_decision_id = NULL
    FROM pg_temp.snapshot s WHERE s.id = i.id;
  DELETE FROM instruction_control.decision;
END \$\$;

INSERT INTO pg_temp.result
SELECT 'extend_deadline() vs UPDATE due_date, triggers disabled',
       pg_temp.best_ms(\$q\$SELECT count(instruction_control.extend_deadline(id, due_date + 30, 'head_of_pa', 'expert conclusion')) FROM instruction_control.instruction\$q\$,
                       'SELECT pg_temp.reset(); VACUUM instruction_control.instruction'),
       pg_temp.best_ms(\$q\$UPDATE instruction_control.instruction SET due_date = due_date + 30\$q\$,
                       'SELECT pg_temp.reset(); VACUUM instruction_control.instruction; ALTER TABLE instruction_control.instruction DISABLE TRIGGER USER');
ALTER TABLE instruction ENABLE TRIGGER USER;

INSERT INTO pg_temp.result
SELECT 'UPDATE content through the guard vs triggers disabled',
       pg_temp.best_ms(\$q\$UPDATE instruction_control.instruction SET content = content || '.'\$q\$,
                       'ALTER TABLE instruction_control.instruction ENABLE TRIGGER USER; VACUUM instruction_control.instruction'),
       pg_temp.best_ms(\$q\$UPDATE instruction_control.instruction SET content = content || '.'\$q\$,
                       'ALTER TABLE instruction_control.instruction DISABLE TRIGGER USER; VACUUM instruction_control.instruction');
ALTER TABLE instruction ENABLE TRIGGER USER;

-- 3: COPY of $rows instructions; the baseline gets the due dates precomputed
COPY (SELECT 'act_point', 'central', d, '10 wd', d + 14, d + 14, 'KZ', 'instruction ' || g
        FROM generate_series(1, $rows) g, LATERAL (SELECT date '2024-01-01' + (g % 700) AS d) x)
  TO '$datafile';
CREATE FUNCTION pg_temp.empty() RETURNS void LANGUAGE plpgsql AS \$\$
BEGIN
  SET LOCAL session_replication_role = replica;
  TRUNCATE instruction_control.decision, instruction_control.instruction CASCADE;
END \$\$;
INSERT INTO pg_temp.result
SELECT format('COPY %s instructions through the guard vs triggers disabled', $rows),
       pg_temp.best_ms(\$q\$COPY instruction_control.instruction (kind, level, received_on, term, content) FROM PROGRAM 'cut -f1-4,8 $datafile'\$q\$,
                       'SELECT pg_temp.empty(); ALTER TABLE instruction_control.instruction ENABLE TRIGGER USER'),
       pg_temp.best_ms(\$q\$COPY instruction_control.instruction (kind, level, received_on, term, due_date, original_due_date, calendar, content) FROM '$datafile'\$q\$,
                       'SELECT pg_temp.empty(); ALTER TABLE instruction_control.instruction DISABLE TRIGGER USER');
ALTER TABLE instruction ENABLE TRIGGER USER;

\pset footer off
SELECT what, ours_ms, baseline_ms, round(ours_ms / baseline_ms, 2) AS ratio FROM pg_temp.result;
SQL
rm -f "$datafile"
bash scripts/cluster.sh stop bench_registry
