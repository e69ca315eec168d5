-- Registry: many decisions in one statement (record_decisions, extend_deadlines) are judged by the
-- same rules as one at a time, in the order given, all or nothing.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(20);

INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS a \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS b \gset
SELECT (put_on_control('personal', 'pa', '2025-03-11', signed_on => '2025-03-10', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS p \gset

-- allowed: two instructions, one of them twice (the second is repeated and carries the review)
SELECT results_eq(
  format($$SELECT instruction_id, seq, old_due_date, new_due_date, repeated, measures_due_date
             FROM extend_deadlines(ARRAY[%s, %s, %s], ARRAY['2025-04-15', '2025-04-16', '2025-05-15']::date[],
                                   'head_of_pa', 'conclusion', 'order on disciplinary review', '2025-03-10', evidence => '{pa_expert_conclusion}')$$, :a, :b, :a),
  format($$VALUES (%s::bigint, 1, '2025-03-18'::date, '2025-04-15'::date, false, NULL::date),
                  (%s, 1, '2025-03-18', '2025-04-16', false, NULL),
                  (%s, 2, '2025-04-15', '2025-05-15', true, '2025-04-10')$$, :a, :b, :a),
  'R69.1/R72.2/R72.4: a batch judges each row after the ones before it on the same instruction');
SELECT is((SELECT (due_date, extensions, decision_count, last_decided_on)::text FROM instruction WHERE id = :a),
  '(2025-05-15,2,2,2025-03-10)', 'R69.1: the instruction carries the state after both of its decisions');
SELECT is((SELECT last_decision_id FROM instruction WHERE id = :a),
  (SELECT id FROM decision WHERE instruction_id = :a AND seq = 2), 'journal: the instruction points at its latest decision');
SELECT is((SELECT count(*)::int FROM decision WHERE instruction_id IN (:a, :b) AND recorded_by = session_user), 3,
  'journal: every batch row records the session user');

-- refused: one bad row fails the whole batch, nothing is written
SELECT throws_ok(format($$SELECT extend_deadlines(ARRAY[%s, %s], ARRAY['2025-06-16', '2025-06-16']::date[], 'head_of_pa', 'c', 'review', '2025-03-12', evidence => '{pa_expert_conclusion}')$$, :b, :p),
  'IC101', 'decider may not take this decision (R74)', 'R74: a personal instruction in a batch is refused as alone');
SELECT is((SELECT count(*)::int FROM decision WHERE instruction_id IN (:b, :p)), 1, 'R74: and the batch left nothing behind');
SELECT is((SELECT due_date FROM instruction WHERE id = :b), '2025-04-16'::date, 'R74: the other instruction is unchanged');
SELECT throws_ok(format($$SELECT extend_deadlines(ARRAY[%s], ARRAY['2025-06-16']::date[], 'head_of_pa', 'c', NULL, '2025-03-12', evidence => '{pa_expert_conclusion}')$$, :b),
  'IC102', 'repeated extension needs the decision on disciplinary responsibility (R72.2)', 'R72.2: a batch does not repeat an extension without review');
SELECT throws_ok(format($$SELECT extend_deadlines(ARRAY[%s], ARRAY['2025-06-14']::date[], 'head_of_pa', 'c', 'r', '2025-03-12', evidence => '{pa_expert_conclusion}')$$, :b),
  'IC108', 'new deadline is not a working day (R50.3)', 'R50.3: nor extend to a day off');
SELECT throws_ok(format($$SELECT extend_deadlines(ARRAY[%s], ARRAY['2025-06-16']::date[], 'head_of_pa', 'c', 'r', current_date + 1, evidence => '{pa_expert_conclusion}')$$, :b),
  'IC116', NULL, 'journal: nor date a decision in the future');
SELECT throws_ok($$SELECT extend_deadlines(ARRAY[987654321], ARRAY['2025-06-16']::date[], 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$,
  '23503', 'instruction 987654321 does not exist', 'a batch names existing instructions');
SELECT throws_ok(format($$SELECT extend_deadlines(ARRAY[%s, %s], ARRAY['2025-06-16']::date[], 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$, :a, :b),
  '2202E', NULL, 'one new due date per instruction');
SELECT lives_ok($$SELECT extend_deadlines('{}', '{}', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$, 'an empty batch does nothing');

-- record_decisions: any kind, the same rules
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS c \gset
SELECT is((SELECT string_agg(kind || ':' || seq, ',' ORDER BY seq) FROM record_decisions(ARRAY[
    jsonb_populate_record(NULL::decision, jsonb_build_object('instruction_id', :c, 'kind', 'new_deadline',
      'decided_by', 'president', 'basis', 'letter', 'reason', 'quarantine', 'new_due_date', '2025-04-15',
      'decided_on', '2025-03-05', 'evidence', '["executor_letter"]'::jsonb, 'repeated', false, 'imported', false)),
    jsonb_populate_record(NULL::decision, jsonb_build_object('instruction_id', :c, 'kind', 'removal',
      'decided_by', 'head_of_pa', 'ground', 'executed', 'evidence', '["official_report"]'::jsonb,
      'decided_on', '2025-03-06', 'repeated', false, 'imported', false))])),
  'new_deadline:1,removal:2', 'R70.4/R75: a new deadline and a removal in one batch');
SELECT is((SELECT (status, removed_on, due_date)::text FROM instruction WHERE id = :c), '(removed,2025-03-06,2025-04-15)',
  'R75: the removal of the batch is applied');
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS d \gset
SELECT throws_ok(format($$SELECT record_decisions(ARRAY[
    jsonb_populate_record(NULL::decision, jsonb_build_object('instruction_id', %s, 'kind', 'removal',
      'decided_by', 'head_of_pa', 'ground', 'executed', 'evidence', '["official_report"]'::jsonb,
      'decided_on', '2025-03-06', 'repeated', false, 'imported', false)),
    jsonb_populate_record(NULL::decision, jsonb_build_object('instruction_id', %s, 'kind', 'extension',
      'decided_by', 'head_of_pa', 'basis', 'c', 'new_due_date', '2025-04-15',
      'decided_on', '2025-03-07', 'evidence', '[]'::jsonb, 'repeated', false, 'imported', false))])$$, :d, :d),
  'IC112', 'instruction is no longer on control (R75)', 'R75: a batch does not decide on what it removed');
SELECT is((SELECT status FROM instruction WHERE id = :d), 'on_control', 'R75: and removes nothing either');
SELECT throws_ok(format($$SELECT record_decisions(ARRAY[jsonb_populate_record(NULL::decision, jsonb_build_object(
      'instruction_id', %s, 'kind', 'roadmap_approval', 'decided_by', 'first_head', 'decided_on', '2025-03-06',
      'evidence', '[]'::jsonb, 'repeated', false, 'imported', false))])$$, :d),
  'IC111', 'a roadmap approval is journaled when the roadmap is registered (R57)', 'R57: no roadmap approval through a batch');
SELECT throws_ok(format($$SELECT record_decisions(ARRAY[jsonb_populate_record(NULL::decision, jsonb_build_object(
      'instruction_id', %s, 'kind', 'extension', 'decided_by', 'head_of_pa', 'basis', 'c', 'new_due_date', '2019-04-15',
      'decided_on', '2019-03-06', 'evidence', '[]'::jsonb, 'repeated', false, 'imported', false))])$$, :d),
  'IC115', NULL, 'Decree No. 403: a batch does not judge decisions dated before 2024-02-01');
SELECT throws_ok($$SELECT record_decisions(ARRAY[NULL::decision])$$, '22004', NULL, 'a NULL row is refused');

SELECT * FROM finish();
ROLLBACK;
