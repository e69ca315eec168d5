-- Decisions read right, round three (issue 18): R74 and R77 at every level of
-- control; R75(3) and R76-1 below PA level, where the controlling body's unit
-- gives the conclusion or memo; R69.1 and R70.4 typed evidence.  Each rule has
-- an allowed and a refused case, played by a LOGIN role holding ic_controller.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(37);
\ir include/helpers.psql

CREATE ROLE r3_controller LOGIN IN ROLE ic_controller;
GRANT USAGE ON SCHEMA public TO r3_controller;
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SET ROLE r3_controller;

-- R74 at every level: a personal instruction controlled by an akimat
-- (R42-1.2: of local character) is still extended only by the President.
SELECT (put_on_control('personal', 'local', '2025-03-03', signed_on => '2025-03-03', local_character => true)).id AS pl \gset
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'akim', 'c', evidence => '{body_agreement}', decided_on => '2025-03-10')$$, :pl),
  'IC101', 'decider may not take this decision (R74)', 'R74: an akim may not extend a personal instruction controlled at local level');
SELECT results_eq(format($$SELECT decider::text, rule FROM who_may_decide(%s, 'extension')$$, :pl),
  $$VALUES ('president', 'R74')$$, 'R74: who_may_decide answers the President for a local personal instruction');
SELECT results_eq(format($$SELECT decider::text, rule FROM who_may_decide(%s, 'removal')$$, :pl),
  $$VALUES ('president', 'R77')$$, 'R77: who_may_decide answers the President, not the akim, for its removal');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'president', 'c', evidence => '{body_agreement}', decided_on => '2025-03-10')$$, :pl),
  'R74: the President extends a personal instruction controlled at local level');

SELECT (put_on_control('personal', 'government', '2025-03-03', signed_on => '2025-03-03', local_character => true)).id AS pg \gset
SELECT throws_ok(format($$SELECT transfer_control(%s, 'medium_term', '2025-09-30', 'prime_minister', 'c', 'external circumstances', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')$$, :pg),
  'IC101', 'decider may not take this decision (R74)', 'R74: the Prime Minister may not transfer a personal instruction controlled by the Government');
SELECT throws_ok(format($$SELECT set_new_deadline(%s, '2025-04-15', 'prime_minister', 'letter', 'quarantine', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')$$, :pg),
  'IC101', 'decider may not take this decision (R74)', 'R74: nor set its new deadline (R70.4)');

-- a published personal instruction follows the general rules (R74), here R74-1's
SELECT (put_on_control('personal_published', 'local', '2025-03-03', signed_on => '2025-03-03', local_character => true)).id AS pub \gset
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'akim', 'c', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')$$, :pub),
  'R74: the akim extends a published personal instruction controlled at local level (R74-1)');

-- R77 at every level: published or not, removed only by the President.
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'akim', '{official_report}', decided_on => '2025-03-12')$$, :pub),
  'IC101', 'decider may not take this decision (R77)', 'R77: an akim may not remove a published personal instruction controlled at local level');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'president', '{official_report}', decided_on => '2025-03-12')$$, :pub),
  'R77: the President removes it');
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'prime_minister', '{official_report}', decided_on => '2025-03-12')$$, :pg),
  'IC101', 'decider may not take this decision (R77)', 'R77: the Prime Minister may not remove a personal instruction controlled by the Government');

-- R75(3) at PA, Government and local level: impossibility is established by an
-- expert conclusion -- the PA unit's at PA level, the controlling body's below.
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS ipa \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'impossible', 'head_of_pa', '{body_expert_conclusion}', decided_on => '2025-03-12')$$, :ipa),
  'IC105', 'removal from control lacks the required evidence (R75)', 'R75(3): at PA level a body''s conclusion does not establish impossibility');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'impossible', 'head_of_pa', '{pa_expert_conclusion}', decided_on => '2025-03-12')$$, :ipa),
  'R75(3): at PA level the PA unit''s expert conclusion does');
SELECT (put_on_control('act_point', 'government', '2025-03-03', term => '10 wd')).id AS igov \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'impossible', 'prime_minister', '{official_report}', decided_on => '2025-03-12')$$, :igov),
  'IC105', 'removal from control lacks the required evidence (R75)', 'R75(3): at Government level the executor''s own report does not establish impossibility');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'impossible', 'prime_minister', '{body_expert_conclusion}', decided_on => '2025-03-12')$$, :igov),
  'R75(3): at Government level the controlling body''s expert conclusion does (no PA conclusion needed)');
SELECT (put_on_control('act_point', 'local', '2025-03-03', term => '10 wd')).id AS iloc \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'impossible', 'akim', '{}', decided_on => '2025-03-12')$$, :iloc),
  'IC105', 'removal from control lacks the required evidence (R75)', 'R75(3): at local level a removal without a conclusion is refused');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'impossible', 'akim', '{body_expert_conclusion}', decided_on => '2025-03-12')$$, :iloc),
  'R75(3): at local level the akimat unit''s expert conclusion establishes impossibility');

-- R76-1 below PA: the memo of the controlling body's unit
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', category => 'monument', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS mpa \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{body_unit_memo}', decided_on => '2025-03-12')$$, :mpa),
  'IC105', 'removal from control lacks the required evidence (R76-1)', 'R76-1: at PA level a monument needs the PA unit''s memo');
SELECT (put_on_control('act_point', 'local', '2025-03-03', term => '10 wd', category => 'monument')).id AS mloc \gset
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'akim', '{body_unit_memo}', decided_on => '2025-03-12')$$, :mloc),
  'R76-1: at local level the akimat unit''s memo on the monument suffices');
SELECT (put_on_control('act_point', 'central', '2025-03-03', term => '10 wd', category => 'digitalisation')).id AS dcen \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{body_unit_memo}', decided_on => '2025-03-12')$$, :dcen),
  'IC105', 'removal from control lacks the required evidence (R76-1)', 'R76-1: digitalisation needs the executor''s final report too');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{executor_final_report,body_unit_memo}', decided_on => '2025-03-12')$$, :dcen),
  'R76-1: at central level the final report and the body''s memo suffice');

-- R69.1 typed evidence: the expert conclusion or the PA's agreement to the proposal.
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS e1 \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS e2 \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS e3 \gset
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'report of the ministry', evidence => '{official_report}', decided_on => '2025-03-10')$$, :e1),
  'IC114', 'decision lacks the required kind of basis (R69.1)', 'R69.1: an extension on the executor''s report is refused');
SELECT is((pg_temp.err(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'x', evidence => '{official_report}', decided_on => '2025-03-10')$$, :e1))).hint ~ 'pa_expert_conclusion or pa_agreement',
  true, 'R69.1: the HINT names the missing kinds');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'x', evidence => '{body_agreement}', decided_on => '2025-03-10')$$, :e1),
  'IC114', 'decision lacks the required kind of basis (R69.1)', 'R69.1: at PA level a body''s agreement is no basis');
SELECT is((extend_deadline(:e1, '2025-04-15', 'head_of_pa', NULL, evidence => '{pa_expert_conclusion}', evidence_ref => 'PA unit conclusion No. 12 of 2025-03-07',
                           decided_on => '2025-03-10')).evidence::text, '{pa_expert_conclusion}',
  'R69.1: an extension on the PA unit''s expert conclusion is recorded with its kind');
SELECT is((extend_deadline(:e2, '2025-04-15', 'head_of_pa', NULL, evidence => '{pa_agreement}', decided_on => '2025-03-10')).kind::text,
  'extension', 'R69.1: an extension on the PA''s agreement to the Government''s proposal');
SELECT is((transfer_control(:e3, 'medium_term', '2025-09-30', 'head_of_pa', NULL, 'external circumstances', evidence => '{pa_agreement}',
                            decided_on => '2025-03-10')).new_regime::text, 'medium_term',
  'R69.1: a transfer rests on the same typed basis');
SELECT (put_on_control('act_point', 'central', '2025-03-03', term => '10 wd')).id AS ec \gset
SELECT is((extend_deadline(:ec, '2025-04-15', 'first_head', NULL, evidence => '{body_agreement}', decided_on => '2025-03-10')).kind::text,
  'extension', 'R69.1: below PA level the controlling body''s agreement is the basis (R74-1)');

-- R70.4: the expert conclusion or the letter of the responsible executor.
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS n1 \gset
SELECT throws_ok(format($$SELECT set_new_deadline(%s, '2025-04-15', 'head_of_pa', 'x', 'quarantine', evidence => '{pa_agreement}', decided_on => '2025-03-10')$$, :n1),
  'IC114', 'decision lacks the required kind of basis (R70.4)', 'R70.4: the PA''s agreement is not the basis of a new deadline');
SELECT lives_ok(format($$SELECT set_new_deadline(%s, '2025-04-15', 'head_of_pa', NULL, 'quarantine', evidence => '{executor_letter}', decided_on => '2025-03-10')$$, :n1),
  'R70.4: a new deadline on the letter of the responsible executing body');

-- Batch forms: extend_deadlines and record_decisions judge the typed basis alike.
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS b1 \gset
SELECT throws_ok(format($$SELECT * FROM extend_deadlines(ARRAY[%s]::bigint[], '{2025-04-15}', 'head_of_pa', 'x', NULL, '2025-03-10', '{event_held}')$$, :b1),
  'IC114', 'decision lacks the required kind of basis (R69.1)', 'R69.1: extend_deadlines refuses a basis of the wrong kind');
SELECT is((SELECT evidence::text FROM extend_deadlines(ARRAY[:b1]::bigint[], '{2025-04-15}', 'head_of_pa', NULL, NULL, '2025-03-10', '{pa_agreement}', 'PA letter 5')),
  '{pa_agreement}', 'R69.1: extend_deadlines records the typed basis');
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS b2 \gset
SELECT throws_ok(format($$SELECT * FROM record_decisions(ARRAY[
    jsonb_populate_record(NULL::decision, jsonb_build_object('instruction_id', %s, 'kind', 'extension',
      'decided_by', 'head_of_pa', 'basis', 'x', 'new_due_date', '2025-04-15', 'decided_on', '2025-03-10',
      'evidence', '["official_report"]'::jsonb, 'repeated', false, 'imported', false))])$$, :b2),
  'IC114', 'decision lacks the required kind of basis (R69.1)', 'R69.1: record_decisions refuses a basis of the wrong kind');

-- The setting instruction_control.typed_basis: superuser only; on, a free-text basis alone is refused.
SELECT throws_ok($$SET instruction_control.typed_basis = on$$, '42501', NULL,
  'R69.1: a controller cannot relax or tighten the typed-basis setting');
RESET ROLE;
SET instruction_control.typed_basis = on;
SET ROLE r3_controller;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS t1 \gset
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'conclusion No. 3', decided_on => '2025-03-10')$$, :t1),
  'IC114', 'decision lacks the required kind of basis (R69.1)', 'R69.1 typed_basis on: a free-text basis alone is refused');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'conclusion No. 3', evidence => '{pa_expert_conclusion}', decided_on => '2025-03-10')$$, :t1),
  'R69.1 typed_basis on: the same decision naming its kind is accepted');
RESET ROLE;
SET instruction_control.typed_basis = off;   -- the opt-out for 0.2 clients (on by default since 0.3)
SET ROLE r3_controller;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS t2 \gset
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'conclusion No. 4', decided_on => '2025-03-10')$$, :t2),
  'R69.1 typed_basis off (the opt-out): a free-text basis alone is still accepted (0.2 clients)');
RESET ROLE;
RESET instruction_control.typed_basis;
SET ROLE r3_controller;

-- A refused decision leaves nothing behind.
SELECT is((SELECT count(*)::int FROM decision WHERE instruction_id IN (:pg, :b2, :igov) AND kind <> 'removal'), 0,
  'refused decisions leave no journal entry');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
