-- The overdue register and the control card as of a past day (issue 18, Views), and the
-- readers' policies after they were rewritten to read through indexes (issue 19).
--   * report_control_card_as_of / report_overdue_as_of: the registry as it stood at the end of a
--     day, folded from the journal: before and after an extension (R69.1), before and after a
--     removal (R75), a past day before a deadline; NULL or a future day refused with IC307;
--     at current_date each equals its view; row security applies (a reader sees its bodies only).
--   * every readers' policy (generated from pg_policies): a reader sees exactly the rows of the
--     instructions its bodies are responsible for or co-execute; a reader's scan of the registry
--     reads the co-executors through the index instruction_co_executors_idx.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';
SELECT plan(26);
\ir include/helpers.psql

CREATE ROLE tap_asof_reader LOGIN IN ROLE ic_reader;
CREATE ROLE tap_asof_controller LOGIN IN ROLE ic_controller;

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES
  ('ASOF-1', 'Ministry one', 'central'), ('ASOF-2', 'Ministry two', 'central'), ('ASOF-3', 'Ministry three', 'central');
SELECT id AS b1 FROM state_body WHERE code = 'ASOF-1' \gset
SELECT id AS b2 FROM state_body WHERE code = 'ASOF-2' \gset
SELECT id AS b3 FROM state_body WHERE code = 'ASOF-3' \gset
INSERT INTO body_member (member, body_id) VALUES ('tap_asof_reader', :b1);

-- i1 (b1): due 2025-09-15, extended on 2025-09-10 to 2025-10-15 (R69.1)
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', responsible_body_id => :b1,
                       content => 'i1', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i1 \gset
SELECT extend_deadline(:i1, '2025-10-15', 'head_of_pa', 'expert conclusion', decided_on => '2025-09-10', evidence => '{pa_expert_conclusion}');
-- i2 (b1): due 2025-09-15, removed as executed on 2025-09-25, late (R75)
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', responsible_body_id => :b1,
                       content => 'i2', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i2 \gset
SELECT remove_from_control(:i2, 'executed', 'head_of_pa', '{official_report}', 'report 2', decided_on => '2025-09-25');
-- i3 (b2, co-executed by b1): never decided, overdue since 2025-09-15
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', responsible_body_id => :b2,
                       co_executor_ids => ARRAY[:b1]::bigint[], content => 'i3', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i3 \gset
-- i4 (b3 only): never decided, overdue; hidden from the reader of b1
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', responsible_body_id => :b3,
                       content => 'i4', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i4 \gset
SELECT submit_report(:i4, 'risk', 'a risk', :b3);
\o

-- As of a day, from the journal ------------------------------------------------
SELECT is((SELECT string_agg(i.content, ',' ORDER BY i.content) FROM report_overdue_as_of('2025-09-20') o
             JOIN instruction i ON i.id = o.instruction_id WHERE i.id IN (:i1, :i2, :i3, :i4)),
          'i2,i3,i4',
  'as of 2025-09-20 the extended i1 is not overdue (R69.1), i2 not yet removed is (R75), i3 and i4 are');
SELECT is((SELECT string_agg(i.content, ',' ORDER BY i.content) FROM report_overdue_as_of('2025-09-30') o
             JOIN instruction i ON i.id = o.instruction_id WHERE i.id IN (:i1, :i2, :i3, :i4)),
          'i3,i4',
  'as of 2025-09-30, after the removal of i2 (R75), i2 is no longer overdue');
SELECT is((SELECT count(*)::int FROM report_overdue_as_of('2025-09-12') WHERE instruction_id IN (:i1, :i2, :i3, :i4)), 0,
  'as of 2025-09-12, before the deadlines, nothing was overdue');
SELECT is((SELECT due_date || ' ' || status || ' ' || extensions || ' ' || overdue FROM report_control_card_as_of('2025-09-09')
            WHERE instruction_id = :i1),
          '2025-09-15 on_control 0 false',
  'the card of i1 as of the day before its extension: the first deadline, no extension (R69.1)');
SELECT is((SELECT due_date || ' ' || status || ' ' || extensions || ' ' || overdue FROM report_control_card_as_of('2025-09-10')
            WHERE instruction_id = :i1),
          '2025-10-15 on_control 1 false',
  'the card of i1 as of the day of its extension: the new deadline, one extension (R69.1)');
SELECT is((SELECT status || ' ' || coalesce(removed_on::text, '-') || ' ' || coalesce(removal_ground, '-') || ' ' || working_days_overdue
             FROM report_control_card_as_of('2025-09-24') WHERE instruction_id = :i2),
          'on_control - - 7',
  'the card of i2 the day before its removal: on control, 7 working days overdue then');
SELECT is((SELECT status || ' ' || removed_on || ' ' || removal_ground || ' ' || working_days_overdue
             FROM report_control_card_as_of('2025-09-25') WHERE instruction_id = :i2),
          'removed 2025-09-25 executed 0',
  'the card of i2 on the day of its removal: removed as executed (R75), nothing overdue');
SELECT is((SELECT calendar_days_overdue || ' ' || working_days_overdue FROM report_overdue_as_of('2025-09-22')
            WHERE instruction_id = :i4),
          '7 5',
  'the days overdue are counted to the as-of day (calendar and working days)');
SELECT is((SELECT count(*)::int FROM report_control_card_as_of('2025-08-29') WHERE instruction_id IN (:i1, :i2, :i3, :i4)), 0,
  'as of a day before their receipt the instructions are not in the card');
SELECT is((SELECT string_agg(i.content, ',' ORDER BY i.content) FROM report_overdue_as_of('2025-09-20', :b2) o
             JOIN instruction i ON i.id = o.instruction_id),
          'i3',
  'body_id narrows the register to one responsible body');

-- Today's case is the view ----------------------------------------------------
SELECT is((SELECT count(*)::int FROM ((SELECT * FROM report_control_card EXCEPT ALL SELECT * FROM report_control_card_as_of(current_date))
                                       UNION ALL
                                      (SELECT * FROM report_control_card_as_of(current_date) EXCEPT ALL SELECT * FROM report_control_card)) d),
          0,
  'report_control_card_as_of(current_date) returns the rows of report_control_card');
SELECT is((SELECT count(*)::int FROM ((SELECT * FROM report_overdue EXCEPT ALL SELECT * FROM report_overdue_as_of(current_date))
                                       UNION ALL
                                      (SELECT * FROM report_overdue_as_of(current_date) EXCEPT ALL SELECT * FROM report_overdue)) d),
          0,
  'report_overdue_as_of(current_date) returns the rows of report_overdue');
SELECT ok((SELECT count(*) FROM report_overdue) > 0, 'the comparison with the view is not empty');

-- Refused --------------------------------------------------------------------
SELECT throws_ok($$SELECT * FROM instruction_control.report_overdue_as_of(NULL)$$, 'IC307', NULL,
  'no day (NULL): IC307');
SELECT throws_ok($$SELECT * FROM instruction_control.report_overdue_as_of(current_date + 1)$$, 'IC307', NULL,
  'a day after today: IC307, the journal does not know it yet');
SELECT throws_ok($$SELECT * FROM instruction_control.report_control_card_as_of(current_date + 1, 1)$$, 'IC307', NULL,
  'the card as of a day after today: IC307');

-- Row security, as for the views -------------------------------------------------
SET SESSION AUTHORIZATION tap_asof_reader;
SELECT is((SELECT string_agg(i.content, ',' ORDER BY i.content) FROM report_overdue_as_of('2025-09-20') o
             JOIN instruction i ON i.id = o.instruction_id),
          'i2,i3',
  'a reader of b1 sees as of a day only the instructions of its body, responsible or co-executing');
SELECT is((SELECT count(*)::int FROM report_control_card_as_of(current_date) WHERE instruction_id = :i4), 0,
  'a reader does not see the card of another body''s instruction as of any day');
SELECT throws_ok($$SELECT * FROM instruction_control.report_overdue_as_of(current_date + 1)$$, 'IC307', NULL,
  'a reader asking for a future day: IC307');
SELECT is((SELECT count(*)::int FROM report_latest('risk', current_date) WHERE instruction_id = :i4), 0,
  'a reader does not see another body''s latest report (report_latest runs with the caller''s row security)');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT content FROM report_latest('risk', current_date) WHERE instruction_id = :i4), 'a risk',
  'the same latest report, to a role that sees every body');
SET SESSION AUTHORIZATION tap_asof_controller;
SELECT is((SELECT count(*)::int FROM report_overdue_as_of('2025-09-20') WHERE instruction_id IN (:i1, :i2, :i3, :i4)), 3,
  'a controller sees every body''s overdue instructions as of a day');
RESET SESSION AUTHORIZATION;

-- Every readers' policy keeps its meaning (issue 19), generated from the catalog ------
-- The rows a reader sees, per table with a policy for ic_reader, against the rows of the
-- instructions its bodies are responsible for or co-execute (the policies' meaning before
-- they were rewritten), computed here without row security.
CREATE TEMP TABLE asof_expected AS
SELECT i.id FROM instruction i
 WHERE i.responsible_body_id = :b1 OR i.co_executor_ids && ARRAY[:b1]::bigint[];
CREATE TEMP TABLE asof_policy_tables AS
SELECT DISTINCT p.tablename::text AS t FROM pg_policies p
 WHERE p.schemaname = 'instruction_control' AND 'ic_reader' = ANY (p.roles) AND p.cmd IN ('SELECT', 'ALL')
   AND p.tablename IN (SELECT c.table_name FROM information_schema.columns c
                        WHERE c.table_schema = 'instruction_control'
                          AND c.column_name IN ('instruction_id', 'co_executor_ids'));
CREATE TEMP TABLE asof_expected_counts AS
SELECT t, (xpath('/row/n/text()', query_to_xml(format(
         'SELECT count(*) AS n FROM instruction_control.%I x WHERE %s IN (SELECT id FROM asof_expected)',
         t, CASE WHEN t = 'instruction' THEN 'x.id' ELSE 'x.instruction_id' END), false, true, '')))[1]::text::int AS n
  FROM asof_policy_tables;
GRANT SELECT ON asof_expected, asof_policy_tables, asof_expected_counts TO tap_asof_reader;
SET SESSION AUTHORIZATION tap_asof_reader;
SELECT is((SELECT string_agg(t || ':' || seen, ',' ORDER BY t) FROM (
             SELECT e.t, (xpath('/row/n/text()', query_to_xml(format(
                       'SELECT count(*) AS n FROM instruction_control.%I', e.t), false, true, '')))[1]::text::int AS seen,
                    e.n
               FROM asof_expected_counts e) s WHERE seen <> n),
          NULL,
  'issue 19: on every table with a readers'' policy a reader sees exactly the rows of its bodies'' instructions');
SELECT ok((SELECT count(*) FROM asof_policy_tables) >= 5 AND (SELECT sum(n) FROM asof_expected_counts) >= 8,
  'the policies compared are those of instruction, decision, instruction_executor, report and roadmap, with rows');
SELECT is((SELECT array_agg(id ORDER BY id) FROM instruction), ARRAY[:i1, :i2, :i3]::bigint[],
  'issue 19: a reader sees the instructions it is responsible for and the one it co-executes, not the others');
-- the co-executors through the index, not by reading every row
SET LOCAL enable_seqscan = off;
SELECT ok((SELECT bool_or(l LIKE '%instruction_co_executors_idx%')
             FROM pg_temp.plan_of('SELECT id FROM instruction_control.instruction') l),
  'issue 19: a reader''s scan of the registry reads the co-executors through instruction_co_executors_idx');
RESET enable_seqscan;
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
