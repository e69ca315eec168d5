-- Reporting views: plain types, comments, values, kk/ru labels, a missing label,
-- state secrets (R14), the overdue register, discipline, and who may read them.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(52);

-- A fixed small registry -------------------------------------------------------
INSERT INTO state_body (code, name, name_kk, name_ru, body_type, sector) VALUES
  ('T-MH', 'Ministry of Health', 'Денсаулық сақтау министрлігі', 'Министерство здравоохранения', 'central', 'health care'),
  ('T-X', 'Agency X', NULL, NULL, 'central', 'Custom sector'),
  ('T-GOV', 'Government', 'Үкімет', 'Правительство', 'government', NULL);
INSERT INTO act (external_ref, act_type, number, title, signed_on) VALUES ('T-A1', 'Указ', '7', 'Decree <seven>', '2025-03-01');
SELECT id AS mh FROM state_body WHERE code = 'T-MH' \gset
SELECT id AS x FROM state_body WHERE code = 'T-X' \gset
SELECT id AS gov FROM state_body WHERE code = 'T-GOV' \gset
SELECT id AS a1 FROM act WHERE external_ref = 'T-A1' \gset

-- i1: extended in 2025, extended again (repeated, R72) in 2026
SELECT (put_on_control('event', 'government', '2025-03-03', term => '10 wd', act_id => :a1, point => '1.10',
                       responsible_body_id => :mh, controlling_body_id => :gov,
                       content => 'Alpha <b>& "co"')).id AS i1 \gset
SELECT extend_deadline(:i1, '2025-04-15', 'prime_minister', 'conclusion 1', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}');
SELECT extend_deadline(:i1, '2026-06-30', 'prime_minister', 'conclusion 2', 'disciplinary review No. 3',
                       decided_on => '2026-01-15', evidence => '{pa_expert_conclusion}');
-- i2: executed on time
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', act_id => :a1, point => '1.9',
                       responsible_body_id => :x, co_executor_ids => ARRAY[:mh]::bigint[], controlling_body_id => :gov,
                       content => 'Gamma, "quoted"')).id AS i2 \gset
SELECT remove_from_control(:i2, 'executed', 'prime_minister', '{official_report}', 'report 2', decided_on => '2025-03-20');
-- i3: a state secret, transferred to medium-term control into a forecast year
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', act_id => :a1, point => '2',
                       responsible_body_id => :mh, controlling_body_id => :gov,
                       secrecy => 'state_secret', paper_card_ref => 'PC-9')).id AS i3 \gset
SELECT transfer_control(:i3, 'medium_term', '2027-12-24', 'prime_minister', NULL, decided_on => '2025-04-01', paper_ref => 'P-1', evidence => '{pa_expert_conclusion}');
-- i4: a PA act point, never decided: overdue
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', act_id => :a1, point => '10',
                       responsible_body_id => :mh, content => 'Delta', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i4 \gset
-- i5: a new deadline in a quarantine (R70.4)
SELECT (put_on_control('event', 'government', '2025-03-03', term => '30 wd', responsible_body_id => :x,
                       controlling_body_id => :gov, content => 'Epsilon')).id AS i5 \gset
SELECT set_new_deadline(:i5, '2025-06-02', 'prime_minister', 'letter 5', 'quarantine', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');

-- Plain types and comments -----------------------------------------------------
SELECT is((SELECT count(*)::int FROM pg_class c
            WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind = 'v' AND c.relname LIKE 'report\_%'),
          8, 'eight reporting views (report_open_draft: the drafts under review, issue 20)');
SELECT is((SELECT count(*)::int FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
            WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relname LIKE 'report\_%'
              AND a.attnum > 0 AND NOT a.attisdropped
              AND (t.typnamespace <> 'pg_catalog'::regnamespace
                   OR t.typname NOT IN ('text', 'date', 'int4', 'int8', 'bool', 'numeric'))),
          0, 'every reporting column is text, date, integer, bigint, boolean or numeric (no extension type reaches a BI driver)');
SELECT is((SELECT count(*)::int FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relname LIKE 'report\_%' AND c.relkind = 'v'
              AND a.attnum > 0 AND NOT a.attisdropped AND col_description(c.oid, a.attnum) IS NULL),
          0, 'every reporting column has a COMMENT');
SELECT is((SELECT count(*)::int FROM pg_class c
            WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relname LIKE 'report\_%' AND c.relkind = 'v'
              AND obj_description(c.oid, 'pg_class') IS NULL),
          0, 'every reporting view has a COMMENT');
SELECT is((SELECT count(*)::int FROM pg_class c
            WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relname LIKE 'report\_%' AND c.relkind = 'v'
              AND NOT coalesce('security_invoker=true' = ANY (c.reloptions), false)),
          0, 'every reporting view is security_invoker: the reader''s privileges and row security apply');

-- The control card ---------------------------------------------------------------
SELECT results_eq(
  format('SELECT kind, kind_kk, kind_ru, level, level_kk, level_ru, due_date, original_due_date FROM report_control_card WHERE instruction_id = %s', :i1),
  $$VALUES ('event', label('event'::instruction_kind, 'kk'), label('event'::instruction_kind, 'ru'),
            'government', 'Үкімет', 'Правительство', date '2026-06-30', date '2025-03-18')$$,
  'card: kind and level codes with their kk/ru labels, due date in force and the original (R50.3)');
SELECT results_eq(
  format('SELECT extensions, repeated_changes, transfers, new_deadlines FROM report_control_card WHERE instruction_id = %s', :i1),
  $$VALUES (2, 1, 0, 0)$$, 'card: two extensions, one of them repeated (R69.1, R72.2)');
SELECT results_eq(
  format('SELECT extensions, transfers, new_deadlines, regime, regime_ru, regime_kk FROM report_control_card WHERE instruction_id = %s', :i3),
  $$VALUES (0, 1, 0, 'medium_term', 'Среднесрочный контроль', 'Орта мерзімді бақылау')$$, 'card: a transfer to medium-term control (R69.3)');
SELECT is((SELECT new_deadlines FROM report_control_card WHERE instruction_id = :i5), 1, 'card: a new deadline (R70.4)');
SELECT is((SELECT working_days_left FROM report_control_card WHERE instruction_id = :i1),
          working_days_between(current_date, '2026-06-30'), 'card: working days left as of today (negative when overdue)');
SELECT is((SELECT overdue FROM report_control_card WHERE instruction_id = :i4), current_date > date '2025-03-18', 'card: an undecided instruction past its deadline is overdue');
SELECT is((SELECT working_days_overdue FROM report_control_card WHERE instruction_id = :i4),
          working_days_between('2025-03-18', current_date), 'card: working days overdue as of today');
SELECT results_eq(format('SELECT status, status_ru, status_kk, removed_on, removal_ground, working_days_left FROM report_control_card WHERE instruction_id = %s', :i2),
  $$VALUES ('removed', 'Снято с контроля', 'Бақылаудан алынды', date '2025-03-20', 'executed', NULL::integer)$$,
  'card: a removed instruction, its day and ground (R75), no days left');
SELECT results_eq(format('SELECT urgent FROM report_control_card WHERE instruction_id IN (%s, %s) ORDER BY instruction_id', :i1, :i2),
  $$VALUES (true), (false)$$, 'card: urgent is a deadline of at most 10 working days (Appendix 7 note): 10 wd yes, 20 wd no');
SELECT results_eq(format('SELECT due_in_unconfirmed_year FROM report_control_card WHERE instruction_id IN (%s, %s) ORDER BY instruction_id', :i1, :i3),
  $$VALUES (false), (true)$$, 'card: a deadline in 2027 lies in a year not yet decreed');
SELECT results_eq(format('SELECT responsible_body_name_ru, responsible_body_name_kk, co_executors_ru, co_executor_count, responsible_body_sector FROM report_control_card WHERE instruction_id = %s', :i2),
  $$VALUES ('Agency X', 'Agency X', 'Министерство здравоохранения', 1, 'Custom sector')$$,
  'card: a body without kk/ru names shows its registered name; co-executors by name');
SELECT results_eq(format('SELECT act_number, act_title, act_signed_on, point FROM report_control_card WHERE instruction_id = %s', :i1),
  $$VALUES ('7', 'Decree <seven>', date '2025-03-01', '1.10')$$, 'card: act requisites and point');
SELECT results_eq(format('SELECT point FROM report_control_card WHERE act_id = %s ORDER BY point_sort_key', :a1),
  $$VALUES ('1.9'), ('1.10'), ('2'), ('10')$$, 'card: point_sort_key sorts points naturally (1.9 < 1.10 < 2 < 10), not as text');
SELECT is((SELECT array_agg(p ORDER BY point_sort_key(p::point_ref) COLLATE "C")::text[]
             FROM unnest('{80-1,4,42-1,42,42.1,42.2),42),13,30-1,30,43,100}'::text[]) p),
          (SELECT array_agg(p::text ORDER BY p) FROM unnest('{80-1,4,42-1,42,42.1,42.2),42),13,30-1,30,43,100}'::point_ref[]) p),
          'point_sort_key orders exactly as point_ref does (42 < 42.1 < 42.2) < 42) < 42-1 < 43)');

-- State secrets (R14) ------------------------------------------------------------
SELECT results_eq(format('SELECT content, completion_form, final_result, state_secret, paper_card_ref FROM report_control_card WHERE instruction_id = %s', :i3),
  $$VALUES (NULL::text, NULL::text, NULL::text, true, 'PC-9')$$, 'R14: a state-secret card shows only its requisites and the paper card');
SELECT results_eq(format('SELECT basis, reason, paper_ref, new_regime FROM report_decision_history WHERE instruction_id = %s', :i3),
  $$VALUES (NULL::text, NULL::text, 'P-1', 'medium_term')$$, 'R14: a state-secret decision shows its paper document, not its basis');
SELECT is((SELECT content FROM report_overdue WHERE instruction_id = :i3), NULL, 'R14: the overdue register shows no secret content');

-- The decision history ------------------------------------------------------------
SELECT results_eq(format('SELECT seq, kind, kind_ru, decided_by_ru, old_due_date, new_due_date, repeated, disciplinary_review FROM report_decision_history WHERE instruction_id = %s ORDER BY seq', :i1),
  $$VALUES (1, 'extension', 'Продление срока', 'Премьер-Министр', date '2025-03-18', date '2025-04-15', false, NULL::text),
           (2, 'extension', 'Продление срока', 'Премьер-Министр', date '2025-04-15', date '2026-06-30', true, 'disciplinary review No. 3')$$,
  'history: the journal in order, deadlines before and after, the repeated extension with its review (R72.2)');
SELECT is((SELECT shift_working_days FROM report_decision_history WHERE instruction_id = :i1 AND seq = 1),
          working_days_between('2025-03-18', '2025-04-15'), 'history: the shift of the deadline in working days');
SELECT results_eq(format('SELECT ground, ground_ru, evidence FROM report_decision_history WHERE instruction_id = %s', :i2),
  $$VALUES ('executed', 'Полное и качественное исполнение', 'official_report')$$, 'history: a removal, its ground (R75) and evidence');

-- The overdue register --------------------------------------------------------------
SELECT ok((SELECT bool_and(instruction_id IN (:i1, :i3, :i4, :i5)) FROM report_overdue WHERE instruction_id IN (:i1, :i2, :i3, :i4, :i5))
          AND EXISTS (SELECT 1 FROM report_overdue WHERE instruction_id = :i4)
          AND NOT EXISTS (SELECT 1 FROM report_overdue WHERE instruction_id IN (:i2, :i3)),
          'overdue register: on control and past the deadline in force; not the removed one, not the one due in 2027');
SELECT is((SELECT calendar_days_overdue FROM report_overdue WHERE instruction_id = :i4), current_date - date '2025-03-18',
          'overdue register: calendar days overdue');

-- Executive discipline ----------------------------------------------------------------
SELECT results_eq(format('SELECT instructions, on_time, late, removed_executed, with_new_deadline, on_time_rate FROM report_discipline WHERE body_id = %s AND year = 2025 AND month = 4', :x),
  $$VALUES (1, 1, 0, 1, 0, 100.0)$$, 'discipline: the executed instruction counts on time in the month of its deadline (4 April 2025)');
SELECT results_eq(format('SELECT sum(instructions)::int, sum(on_time)::int, sum(late)::int, sum(extended)::int, sum(extended_repeatedly)::int, sum(transferred)::int FROM report_discipline WHERE body_id = %s', :mh),
  $$VALUES (3, 0, 2, 1, 1, 1)$$, 'discipline: extended, extended repeatedly, transferred and late per body');
SELECT results_eq(format('SELECT with_new_deadline, late FROM report_discipline WHERE body_id = %s AND year = 2025 AND month = 6', :x),
  $$VALUES (1, 1)$$, 'discipline: the new deadline (R70.4) counts in the month of the deadline in force');

-- The dimensions ----------------------------------------------------------------------
SELECT results_eq($$SELECT kk, ru, en, labelled FROM report_code_label WHERE domain = 'control_regime' AND code = 'long_term'$$,
  $$VALUES ('Ұзақ мерзімді бақылау', 'Долгосрочный контроль', 'Long-term control', true)$$, 'code dimension: a regime in kk, ru, en');
SELECT results_eq($$SELECT code, ordinal FROM report_code_label WHERE domain = 'control_level' ORDER BY ordinal$$,
  $$VALUES ('organisation', 1), ('local', 2), ('central', 3), ('government', 4), ('pa', 5)$$, 'code dimension: control levels in their order, lowest first');
SELECT is((SELECT count(*)::int FROM report_code_label WHERE domain = 'instruction_kind' AND labelled), 8, 'code dimension: the eight kinds, labelled');
SELECT results_eq($$SELECT working_day, day_kind, name_ru, confirmed FROM report_calendar_date WHERE calendar = 'KZ' AND day = '2025-03-22'$$,
  $$SELECT false, 'holiday', name_ru, true FROM calendar_day WHERE calendar = 'KZ' AND day = '2025-03-22'$$, 'calendar dimension: Nauryz 2025 is a holiday of a confirmed year');
SELECT results_eq($$SELECT working_day, day_kind, confirmed FROM report_calendar_date WHERE calendar = 'KZ' AND day = '2027-06-01'$$,
  $$VALUES (true, 'workday', false)$$, 'calendar dimension: a Tuesday of 2027 works, in a forecast year');
SELECT is((SELECT count(*)::int FROM report_calendar_date WHERE calendar = 'KZ' AND year = 2025 AND working_day),
          (SELECT count(*)::int FROM working_days('2025-01-01', '2025-12-31')), 'calendar dimension: the working days of 2025 agree with working_days()');

-- A missing label never breaks a query -----------------------------------------------------
CREATE TEMP TABLE saved_labels AS
  SELECT * FROM vocabulary WHERE (domain, code) IN (('control_regime', 'medium_term'), ('decider', 'prime_minister'));
DELETE FROM vocabulary WHERE (domain, code) IN (SELECT domain, code FROM saved_labels);
SELECT results_eq(format('SELECT regime, regime_ru, regime_kk FROM report_control_card WHERE instruction_id = %s', :i3),
  $$VALUES ('medium_term', 'medium_term', 'medium_term')$$, 'missing label: the card shows the code');
SELECT is((SELECT decided_by_ru FROM report_decision_history WHERE instruction_id = :i1 AND seq = 1), 'prime_minister',
          'missing label: the history shows the code');
SELECT results_eq($$SELECT ru, labelled FROM report_code_label WHERE domain = 'control_regime' AND code = 'medium_term'$$,
  $$VALUES ('medium_term', false)$$, 'missing label: the code dimension still lists the code, marked unlabelled');
SELECT lives_ok(format('SELECT * FROM form_annual_summary(%s, 2025, ''ru'')', :gov), 'missing label: the annual summary still renders');
SELECT ok((SELECT count(*) FROM report_discipline) > 0 AND (SELECT count(*) FROM report_overdue) > 0, 'missing label: the other views still answer');
INSERT INTO vocabulary SELECT * FROM saved_labels;

-- Who may read -----------------------------------------------------------------------
-- a reader of the whole registry (ic_reader acting for every body of the test); row-level security
-- gives a reader the slice of its bodies (acl regress test)
CREATE ROLE ic_test_reader NOLOGIN IN ROLE ic_reader;
INSERT INTO body_member SELECT 'ic_test_reader', id FROM state_body;
CREATE ROLE ic_test_nobody NOLOGIN;
SELECT ok(NOT has_table_privilege('ic_test_nobody', 'instruction_control.report_control_card', 'SELECT'),
          'nothing beyond what exists is granted to PUBLIC: a role without grants may not read the views');
SELECT ok(has_table_privilege('ic_admin', 'instruction_control.report_control_card', 'SELECT'), 'ic_admin reads the views');
SELECT ok(has_table_privilege('ic_reader', 'instruction_control.report_control_card', 'SELECT'), 'ic_reader reads the views');
SET ROLE ic_test_reader;
SELECT is((SELECT count(*)::int FROM report_control_card WHERE act_id = :a1), 4, 'a role with SELECT on the views and their tables reads the control card');
SELECT is((SELECT count(*)::int FROM report_overdue WHERE instruction_id = :i4), 1, 'a reader reads the overdue register');
SELECT ok((SELECT count(*) FROM report_discipline WHERE body_id = :mh) > 0, 'a reader reads the discipline figures');
-- a reader sees its bodies' instructions only: a form would look whole without being so (issue 17, item 5)
SELECT throws_ok(format('SELECT * FROM form_annual_summary(%s, 2025, ''ru'')', :gov), 'IC305', NULL,
                 'a reader is refused the annual summary (its functions run as the reader; IC305: row security shows it part of the registry)');
RESET ROLE;
CREATE ROLE ic_test_controller NOLOGIN IN ROLE ic_controller;
SET ROLE ic_test_controller;
SELECT is((SELECT count(*)::int FROM form_annual_summary(:gov, 2025, 'ru')), 4, 'a controller prints the annual summary (its functions run as the controller)');
RESET ROLE;
SET ROLE ic_test_nobody;
SELECT throws_ok('SELECT count(*) FROM instruction_control.report_control_card', '42501', NULL,
                 'a role without privileges is refused the view (42501)');
SELECT throws_ok(format('SELECT * FROM instruction_control.form_control_approval(%s)', :a1), '42501', NULL,
                 'a role without privileges on the tables gets no form either (42501)');
RESET ROLE;
GRANT SELECT ON report_control_card TO ic_test_nobody;
SET ROLE ic_test_nobody;
SELECT throws_ok('SELECT count(*) FROM instruction_control.report_control_card', '42501', NULL,
                 'security_invoker: SELECT on the view alone does not open the base tables');
RESET ROLE;
REVOKE SELECT ON report_control_card FROM ic_test_nobody;

SELECT * FROM finish();
ROLLBACK;
