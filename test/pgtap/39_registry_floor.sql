-- Registry paths at their floor (issue 19), proved by what they read, never by a timing:
-- R79's lookup of the PA's record of the same point reads the instruction table by its
-- indexes (primary key, instruction_act_point_idx), not whole for every removal below PA
-- level; extend_deadline() is a C entry point (a batch of one) that keeps the SQL
-- function's verdicts, privileges and search_path safety.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';
-- where a plain index path exists the planner must take it (a small table would otherwise
-- be read whole anyway; an OR of two conditions has no plain index path, only a sequential
-- scan or a bitmap OR, which at 1M rows the planner did not choose); the registry's lookups
-- are planned in this session, after this
SET LOCAL enable_seqscan = off;
SET LOCAL enable_bitmapscan = off;
SELECT plan(14);

-- rows of the instruction table read in this transaction, by sequential and by index scans
CREATE FUNCTION pg_temp.rows_read() RETURNS bigint LANGUAGE sql
  AS $$ SELECT seq_tup_read + coalesce(idx_tup_fetch, 0) FROM pg_catalog.pg_stat_xact_user_tables
          WHERE relid = 'instruction_control.instruction'::regclass $$;

INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
INSERT INTO act (act_type, number, signed_on) VALUES ('decree', 'floor-79', '2025-02-28') RETURNING id AS act \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', act_id => :act, point => '3', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS pa \gset
SELECT (put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', act_id => :act, point => '3')).id AS own \gset
-- the same act and point as its upper record (R42-1.1: a record passed down)
SELECT (put_on_control('act_point', 'organisation', '2025-03-05', term => '5 wd', act_id => :act, point => '3',
                       upper_record_id => :own)).id AS org \gset
SELECT (put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', act_id => :act, point => '4')).id AS other \gset
SELECT count(put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', act_id => :act, point => g::text::point_ref))
  FROM generate_series(5, 400) g \gset

-- statistics as a live registry has them (a table no ANALYZE saw gets arbitrary plans)
ANALYZE instruction_control.instruction;
SELECT count(*) AS total FROM instruction \gset
SELECT pg_temp.rows_read() AS s0 \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{official_report}')$$, :own),
  'IC106', NULL, 'R79: the body''s record of a point the PA holds is not removed (same act and point)');
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{official_report}')$$, :org),
  'IC106', NULL, 'R79: nor an organisation''s record linked to it through upper_record_id');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{official_report}')$$, :other),
  'R79: a point the PA does not hold is removed by its body');
SELECT cmp_ok(pg_temp.rows_read() - :s0, '<', :total::bigint,
  'R79 (issue 19): three removals below PA level together read fewer rows than the table holds (key lookups, no scan of the whole table)');

-- the lookup of the same act and point is an index scan without an executor (issue 19): the
-- point compared as the index compares it (the canonical number, however it was written),
-- the act as part of the key
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', act_id => :act, point => '7.2', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS pa72 \gset
SELECT (put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', act_id => :act, point => 'п. 7.2')).id AS own72 \gset
INSERT INTO act (act_type, number, signed_on) VALUES ('decree', 'floor-79-other', '2025-02-28') RETURNING id AS act_other \gset
SELECT (put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', act_id => :act_other, point => '7.2')).id AS other_act \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{official_report}')$$, :own72),
  'IC106', NULL, 'R79: the PA holds point 7.2 of the act; the body''s record written as "п. 7.2" is the same point and is not removed');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{official_report}')$$, :other_act),
  'R79: point 7.2 of another act is not the point the PA holds and is removed by its body');

-- extend_deadline(): C, SECURITY INVOKER, no SET clause, the same arguments and defaults
SELECT is((SELECT l.lanname::text FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
            WHERE p.oid = 'instruction_control.extend_deadline'::regproc), 'c',
  'R69.1 (issue 19): extend_deadline() is a C entry point, not a SQL function parsed and planned per call');
SELECT is((SELECT (prosecdef, proconfig IS NULL, pg_get_function_arguments(oid))::text FROM pg_proc
            WHERE oid = 'instruction_control.extend_deadline'::regproc),
  '(f,t,"instruction_id bigint, new_due date, decided_by decider, basis text, disciplinary_review text DEFAULT NULL::text, decided_on date DEFAULT CURRENT_DATE, paper_ref text DEFAULT NULL::text, evidence evidence_kind[] DEFAULT ''{}''::evidence_kind[], evidence_ref text DEFAULT NULL::text")',
  'R69.1: extend_deadline() keeps its arguments and defaults, runs as the caller, with no SET clause');

-- a table planted on the caller's search_path changes nothing
CREATE SCHEMA floor_hostile;
CREATE TABLE floor_hostile.decision (LIKE instruction_control.decision);
SET LOCAL search_path = floor_hostile, instruction_control, public;
SELECT is((SELECT seq FROM extend_deadline(:pa, '2025-04-30', 'head_of_pa', 'expert conclusion', paper_ref => 'p-1', evidence => '{pa_expert_conclusion}')), 1,
  'R69.1: an extension through the C entry point is journaled as the first decision on the instruction');
SELECT is((SELECT count(*) FROM floor_hostile.decision), 0::bigint,
  'R69.1: a decision table planted on the search_path receives nothing');
SET LOCAL search_path = instruction_control, public;
SELECT is((SELECT (kind, new_due_date, decided_by, basis, paper_ref, repeated)::text FROM decision
            WHERE instruction_id = :pa), '(extension,2025-04-30,head_of_pa,"expert conclusion",p-1,f)',
  'R69.1: the journal row holds the arguments as given');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-05-15', 'head_of_pa', 'again', evidence => '{pa_expert_conclusion}')$$, :pa),
  'IC102', NULL, 'R72.2: a repeated extension without disciplinary_review is refused as before');

-- as a login holding exactly one role: ic_controller extends, ic_reader may not call it
CREATE ROLE floor_controller IN ROLE ic_controller;
CREATE ROLE floor_reader IN ROLE ic_reader;
SET LOCAL ROLE floor_controller;
SELECT is((SELECT seq FROM instruction_control.extend_deadline(:own, '2025-04-30', 'first_head', 'expert conclusion', evidence => '{pa_expert_conclusion}')), 1,
  'R69.1: ic_controller extends a deadline (row-level security: control_all)');
RESET ROLE;
SET LOCAL ROLE floor_reader;
SELECT throws_ok(format($$SELECT instruction_control.extend_deadline(%s, '2025-05-15', 'first_head', 'x', evidence => '{pa_expert_conclusion}')$$, :own),
  '42501', NULL, 'ic_reader may not extend a deadline');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
