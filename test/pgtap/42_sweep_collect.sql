-- The sweep's collection as named static statements (issue 21, its last
-- criterion): sweep_begin is short and builds no statement as text; the
-- branches are written once (sweep_found) and each mode's statement, planned
-- for its mode alone, still reaches every kind through its partial index
-- (R50.1, R51, R56, R66-3.5, R72.4).  Read from the catalogue.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SELECT plan(14);
\ir include/helpers.psql

SELECT is((SELECT pg_catalog.array_agg(p.oid::regprocedure::text ORDER BY 1) FROM pg_proc p
            WHERE p.pronamespace = 'instruction_control'::regnamespace AND p.proname LIKE 'sweep%'
              AND p.prosrc ~* '\mEXECUTE\M'),
          NULL,
          'issue 21: no sweep function runs a statement built as text (EXECUTE); each mode is a static statement');

SELECT cmp_ok((SELECT pg_catalog.array_length(pg_catalog.regexp_split_to_array(p.prosrc, E'\n'), 1)
                 FROM pg_proc p WHERE p.oid = 'instruction_control.sweep_begin(date, integer, boolean)'::regprocedure),
              '<=', 80,
              'issue 21: sweep_begin is short (validation, the run row, the notes claimed, one call to sweep_collect)');

-- the plan of each mode's statement (as sweep_collect plans it: the values as constants)
CREATE FUNCTION pg_temp.plan(mode text, options text DEFAULT 'COSTS OFF') RETURNS text LANGUAGE sql AS $$
  SELECT string_agg(l, E'\n') || E'\n'
    FROM pg_temp.plan_of(format('SELECT * FROM instruction_control.%I(%L, %L, %L, true, 100, 1, %L)',
                                'sweep_found_' || mode, current_date, current_date + 40, '{"monthly": "2025-02-28"}',
                                current_date - 1), options) l
$$;
-- the indexes are usable (their predicates match through the state's arms);
-- an empty registry would otherwise be read sequentially.  (R66-1.1's
-- instruction_sweep_reporting_idx has no range: on an empty registry the
-- planner may as well take instruction_due_idx, of the same predicate.)
SET LOCAL enable_seqscan = off;
SET LOCAL enable_bitmapscan = off;
-- instruction_body_due_idx (a body's cards on control by deadline, for a
-- reader's page: report_control_card_page) has instruction_due_idx's predicate
-- and due_date among its columns: on an empty registry the planner cannot tell
-- them apart for a deadline window, on a registry of any size it takes
-- instruction_due_idx (a range on its first column).  Out of the way for this
-- plan; the suite rolls back.
SET LOCAL instruction_control.allow_member_ddl = on;
DROP INDEX instruction_control.instruction_body_due_idx;
RESET instruction_control.allow_member_ddl;

SELECT is((SELECT pg_catalog.array_agg(i ORDER BY i) FROM pg_catalog.unnest(ARRAY[
             'instruction_due_idx', 'instruction_sweep_roadmap_idx', 'instruction_sweep_personal_idx',
             'decision_sweep_measures_idx', 'report_sweep_risk_idx']) i
            WHERE pg_temp.plan('current') NOT LIKE '%' || i || '%'),
          NULL,
          'R50.1, R51, R56, R66-3.5, R72.4: today''s full sweep reaches its kinds through their partial indexes');

SELECT ok(pg_temp.plan('current') NOT LIKE '%scope_state%' AND pg_temp.plan('current') NOT LIKE '%replay_state%',
          'issue 21: today''s statement is planned without the replay and incremental states');

-- each mode's statement is sweep_found() with the mode's state written in
-- (derived once, at install or update), so planning it parses no state arms
SELECT is((SELECT pg_catalog.array_agg(m ORDER BY m) FROM pg_catalog.unnest(ARRAY['current', 'replay', 'incremental']) m
            WHERE pg_catalog.to_regprocedure(pg_catalog.format('instruction_control.sweep_found_%s(date, date, jsonb, boolean, '
                    'integer, bigint, date)', m)) IS NULL
               OR (SELECT p.prosrc FROM pg_proc p
                    WHERE p.oid = pg_catalog.to_regprocedure(pg_catalog.format('instruction_control.sweep_found_%s(date, date, '
                            'jsonb, boolean, integer, bigint, date)', m)))
                  IS DISTINCT FROM instruction_control.sweep_found_source(m)),
          NULL,
          'issue 21: sweep_found_current/_replay/_incremental are sweep_found() for their mode, in step with it');

SELECT is((SELECT pg_catalog.array_agg(p.proname::text ORDER BY 1) FROM pg_proc p
            WHERE p.pronamespace = 'instruction_control'::regnamespace AND p.proname LIKE 'sweep_found_%'
              AND p.prolang = (SELECT l.oid FROM pg_language l WHERE l.lanname = 'sql')
              AND (p.prosrc ~ 'sweep_state\(' OR p.prosrc ~ '\mmode\M')),
          NULL,
          'issue 21: no mode statement refers to sweep_state() or to a mode (nothing left to prune when planned)');

SELECT ok(pg_catalog.regexp_count(pg_temp.plan('incremental'), 'CTE scope_state\n') = 1
          AND pg_catalog.regexp_count(pg_temp.plan('incremental'), 'CTE Scan on scope_state') >= 6,
          'issue 19, 21: the incremental statement reads what it re-reads (sweep_scope) once, and its state branches that');

-- the marks of an incremental sweep: looked up by the key of each instruction
-- it re-reads, never read whole (that scan grew with the overdue instructions
-- and was most of a sweep that changes nothing; issue 19).  The lines of the
-- incremental statement's plan (re-reading what changed since `since`) that
-- read overdue_mark without an index condition on the instruction next
CREATE FUNCTION pg_temp.marks_read_whole(since date) RETURNS text[] LANGUAGE sql AS $$
  WITH p AS MATERIALIZED (
    SELECT l, i FROM pg_temp.plan_of(pg_catalog.format(
             'SELECT * FROM instruction_control.sweep_found_incremental(%L, %L, %L, true, 100, 1, %L)',
             current_date, current_date + 40, '{"monthly": "2025-02-28"}', since)) WITH ORDINALITY AS p(l, i))
  SELECT pg_catalog.array_agg(p.l ORDER BY p.i)
    FROM p LEFT JOIN p n ON n.i = p.i + 1
   WHERE (p.l LIKE '% on overdue_mark %' OR p.l LIKE '% on overdue_mark')
     AND (n.l IS NULL OR n.l NOT LIKE '%Index Cond: (instruction_id = %')
$$;
SELECT is(pg_temp.marks_read_whole(current_date - 1), NULL,
          'issue 19: the incremental statement finds each overdue mark by its instruction (an Index Cond), never reads them all');

-- R57 in an incremental sweep: the roadmaps whose PA's 5 working days ended
-- since are a range of roadmap_submitted_idx, bounded below by the 5th working
-- day before since, not every roadmap read and its term counted (issue 19)
SELECT ok((SELECT pg_catalog.bool_or(l ~ 'Index Cond: \(\(submitted_to_pa_on < .*submitted_to_pa_on >= (instruction_control\.)?add_working_days\(')
             FROM pg_temp.plan_of(pg_catalog.format('SELECT * FROM instruction_control.sweep_scope(%L, %L, 1, %L)',
                                                    current_date - 3, current_date, 'KZ')) l),
          'issue 19, R57: the incremental sweep finds the roadmaps whose agreement term ended since by a range of their submission day');

-- every SQL function a mode's statement names is inlined into it: none is
-- left in its plan to be called per row through the SQL function machinery
-- (issue 19: escalation_addressee(), named with a subquery for an argument it
-- used twice, was called once per escalation).  Read from the catalogue: any
-- LANGUAGE sql function of the extension a verbose plan still names, but as
-- the function of a function scan (its "Function Call:" line: read once per
-- scan), which only a function kept out of inlining on purpose may be (a SET
-- clause: sweep_claimed(), whose ROWS sizes the hashes, 60_sweep.sql)
CREATE FUNCTION pg_temp.sql_functions_named(scanned boolean) RETURNS text[] LANGUAGE sql AS $$
  WITH plans AS MATERIALIZED (
    SELECT m, l FROM pg_catalog.unnest(ARRAY['current', 'replay', 'incremental']) m,
                     pg_catalog.regexp_split_to_table(pg_temp.plan(m, 'COSTS OFF, VERBOSE'), E'\n') l)
  SELECT pg_catalog.array_agg(DISTINCT p.m || ': ' || f.proname ORDER BY p.m || ': ' || f.proname)
    FROM plans p, pg_proc f
   WHERE f.pronamespace = 'instruction_control'::regnamespace
     AND f.prolang = (SELECT g.oid FROM pg_language g WHERE g.lanname = 'sql')
     -- (qualified or not: a plan names a function of the search path unqualified)
     AND p.l ~ ('\m' || f.proname || '\(')
     AND (p.l ~ '^\s*Function Call:') = scanned
     -- a function scan: of a function that cannot be inlined (a SET clause)
     AND (NOT scanned OR f.proconfig IS NULL)
$$;
SELECT is(pg_temp.sql_functions_named(false), NULL,
          'issue 19: every SQL function the sweep''s statements name is inlined (R66-1.3: the escalation''s addressee among them)');
SELECT is(pg_temp.sql_functions_named(true), NULL,
          'issue 19: a function scan in the sweep''s statements is of a function kept out of inlining on purpose (a SET clause), read once per scan');

-- R66-1.1: the period's end an instruction reports for is computed once per
-- instruction, in every mode: pulled up into the branch, the rule's
-- subquery had its expression copied into each of its uses, and the day
-- parsed from period_ends seven times per instruction (issue 19).  Counted
-- in each mode's verbose plan: the extractions from the constant period_ends.
SELECT is((SELECT pg_catalog.string_agg(m || ': ' || n, ', ' ORDER BY m)
             FROM (SELECT m, pg_catalog.regexp_count(pg_temp.plan(m, 'COSTS OFF, VERBOSE'),
                                                     '''\{"monthly": "2025-02-28"\}''::jsonb ->> ') AS n
                     FROM pg_catalog.unnest(ARRAY['current', 'replay', 'incremental']) m) c),
          'current: 1, incremental: 1, replay: 1',
          'issue 19, R66-1.1: each mode''s statement extracts the period''s end from period_ends once per instruction');

-- the same on a registry where hashing every mark looks cheap to the planner:
-- 3,000 instructions overdue, each marked, an incremental scope of all of them.
-- The overdue branch left out the marked ones by a NOT EXISTS it hashed (every
-- mark read in each sweep whose scope held an overdue instruction: ~15 ms of
-- a sweep re-reading 10,000 instructions at 120,000 marks, growing with the
-- marks); an incremental sweep probes each mark by its key (issue 19, R50.1)
RESET enable_seqscan;
RESET enable_bitmapscan;
SET LOCAL session_replication_role = replica;
INSERT INTO instruction_control.instruction (kind, level, received_on, due_date, original_due_date, calendar,
                                             deadline_source, content)
SELECT 'act_point', 'pa', current_date - 400, current_date - 1 - g % 300, current_date - 1 - g % 300, 'KZ', 'term',
       'instruction ' || g
  FROM pg_catalog.generate_series(1, 3000) g;
INSERT INTO instruction_control.overdue_mark (instruction_id, due_date, marked_on)
SELECT i.id, i.due_date, current_date - 1 FROM instruction_control.instruction i;
RESET session_replication_role;
ANALYZE instruction_control.instruction, instruction_control.overdue_mark;
SELECT is(pg_temp.marks_read_whole(current_date - 400),
          NULL,
          'issue 19, R50.1: with 3,000 marks the incremental statement still finds each instruction''s mark by its key (no hash of every mark)');

-- Every lookup of a row's own records by its key: in no mode's statement an
-- index scan chosen for another condition reads the records of every row and
-- keeps one row's by a filter on its key (instruction_id, draft_id).  Tried
-- where statistics mislead the planner, as they do between two ANALYZEs:
-- roadmaps registered, none submitted to the PA when analyzed, 1,000 submitted
-- since (autoanalyze waits for a tenth of the table to change).  R57's lookup
-- took roadmap_submitted_idx, "empty", and read every submitted roadmap per
-- instruction: 11.7 s instead of 0.9 for the first sweep of 1M with 2,083
-- submitted (issue 19: no cliff)
SET LOCAL session_replication_role = replica;
UPDATE instruction_control.instruction SET roadmap_due_date = current_date - 5 WHERE id % 2 = 0;
INSERT INTO instruction_control.roadmap (instruction_id, drafter, approved_by, approved_on)
SELECT i.id, 'executor_only', 'first_head', current_date - 10 FROM instruction_control.instruction i WHERE i.id % 2 = 0;
ANALYZE instruction_control.instruction, instruction_control.roadmap;
UPDATE instruction_control.roadmap SET submitted_to_pa_on = current_date - 20, agreed_with_pa_on = current_date - 12
 WHERE id % 3 <> 0;
RESET session_replication_role;
CREATE FUNCTION pg_temp.lookups_not_by_key() RETURNS text[] LANGUAGE sql AS $$
  WITH plans AS MATERIALIZED (
    SELECT m, pg_catalog.string_agg(l, E'\n')::jsonb AS plan
      FROM pg_catalog.unnest(ARRAY['current', 'replay', 'incremental']) m,
           pg_temp.plan_of(pg_catalog.format('SELECT * FROM instruction_control.%I(%L, %L, %L, true, 100, 1, %L)',
                                             'sweep_found_' || m, current_date, current_date + 40,
                                             '{"monthly": "2025-02-28"}', current_date - 1),
                           'COSTS OFF, FORMAT JSON') l
     GROUP BY m)
  SELECT pg_catalog.array_agg(DISTINCT p.m || ': ' || (n OPERATOR(pg_catalog.->>) 'Index Name') || ' filtered by ' || k
                              ORDER BY p.m || ': ' || (n OPERATOR(pg_catalog.->>) 'Index Name') || ' filtered by ' || k)
    FROM plans p,
         pg_catalog.jsonb_path_query(p.plan, 'strict $.**') n,
         pg_catalog.unnest(ARRAY['instruction_id', 'draft_id']) k
   WHERE pg_catalog.jsonb_typeof(n) = 'object'
     AND n OPERATOR(pg_catalog.->>) 'Node Type' IN ('Index Scan', 'Index Only Scan')
     AND (n OPERATOR(pg_catalog.->>) 'Filter') ~ ('\m' || k || ' = ')
     AND coalesce(n OPERATOR(pg_catalog.->>) 'Index Cond', '') !~ ('\m' || k || ' = ')
$$;
SELECT is(pg_temp.lookups_not_by_key(), NULL,
          'issue 19, R57: with statistics that call the submitted roadmaps none, every mode''s statement finds each row''s records by its key (no index chosen for another condition, filtered by the key)');

SELECT * FROM finish();
ROLLBACK;
