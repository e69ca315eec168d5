-- Registry: removal from control (R75, R76.1, R76.4, R76-1, R77, R79) and roadmaps (R57).
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(39);

INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS a \gset

-- R75 / R76.1
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'pa_unit_head', '{official_report}')$$, :a),
  'IC101', 'decider may not take this decision (R76.1)', 'R76.1: a PA unit head may not remove from control');
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{}')$$, :a),
  'IC105', 'removal from control lacks the required evidence (R75)', 'R75: execution needs a report or an adopted act');
SELECT throws_ok(format($$SELECT remove_from_control(%s, NULL, 'head_of_pa', '{official_report}')$$, :a),
  'IC105', 'removal from control needs one of the grounds of the decree (R75)', 'R75: a removal needs a ground');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{official_report}', 'report No. 5', '2025-03-17')$$, :a),
  'R76.1: the Head of the PA removes an executed instruction with its report');
SELECT is((SELECT (status, removed_on)::text FROM instruction WHERE id = :a), '(removed,2025-03-17)',
  'R75: the instruction is removed on the day of the decision');

-- A removed instruction takes no further decision or report.
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$, :a),
  'IC112', 'instruction is no longer on control (R75)', 'R75: a removed instruction is not extended');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done')$$, :a),
  'IC112', 'instruction is no longer on control (R75)', 'R75: a removed instruction takes no report');
SELECT throws_ok(format($$UPDATE instruction SET content = 'edited' WHERE id = %s$$, :a),
  'IC112', NULL, 'R75: the record of a removed instruction is closed');

-- R66-1.1 / R66-3.5: periodicity of intermediate control; risk reports while on control
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', reporting_period => 'weekly')$$,
  '23514', NULL, 'R66-1.1: intermediate control is monthly, quarterly, half-yearly or yearly, not weekly');
SELECT is((put_on_control('act_point', 'pa', '2025-03-03', term => '6 months', reporting_period => 'quarterly', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).reporting_period::text,
  'quarterly', 'R66-1.1: a quarterly intermediate control is recorded');
SELECT (put_on_control('event', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS rk \gset
SELECT lives_ok(format($$SELECT submit_report(%s, 'risk', 'contractor late', addressee => 'head_of_pa')$$, :rk),
  'R66-3.5: a risk of late execution is reported on an instruction on control');
SELECT throws_ok(format($$SELECT submit_report(%s, 'risk', 'too late')$$, :a),
  'IC112', 'instruction is no longer on control (R75)', 'R66-3.5: no risk report on a removed instruction');

-- R75 (2)-(4)
SELECT (put_on_control('event', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS d \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'duplicated', 'president', '{official_report}')$$, :d),
  'IC105', NULL, 'R75(2): a duplicated instruction needs the new instruction');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'duplicated', 'president', '{new_instruction}')$$, :d),
  'R75(2): removed as duplicated by a new instruction');
SELECT (put_on_control('event', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS cp \gset
INSERT INTO state_body (name, body_type) VALUES ('Government of the Republic of Kazakhstan', 'government') RETURNING id AS gov \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'control_passed', 'head_of_pa', '{control_passed_decision}')$$, :cp),
  'IC105', 'removal on ground control_passed names no receiving body (R75)', 'R75(4): passing control names the body that receives it');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'control_passed', 'head_of_pa', '{control_passed_decision}', receiving_body_id => %s)$$, :cp, :gov),
  'R75(4): removed when control passes to the Government');
SELECT is((SELECT receiving_body_id FROM decision WHERE instruction_id = :cp AND kind = 'removal'), :'gov'::bigint,
  'R75(4): the journal records the receiving body');
SELECT (put_on_control('event', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS imp \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'impossible', 'president', '{official_report}')$$, :imp),
  'IC105', 'removal from control lacks the required evidence (R75)', 'R75(3): the executor''s own report does not establish impossibility');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'impossible', 'president', '{pa_expert_conclusion}')$$, :imp),
  'R75(3): impossibility is established by the PA''s expert conclusion');

-- R76.4: Security Council
SELECT (put_on_control('security_council', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS sc \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{official_report}')$$, :sc),
  'IC101', 'decider may not take this decision (R76.4)', 'R76.4: the Head of the PA may not remove an SC instruction');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'secretary_sc', '{official_report}')$$, :sc),
  'R76.4: the Secretary of the SC removes an SC instruction');

-- R77: personal instructions, published or not, only by the President
SELECT (put_on_control('personal_published', 'pa', '2025-03-11', signed_on => '2025-03-10', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS pp \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{official_report}')$$, :pp),
  'IC101', 'decider may not take this decision (R77)', 'R77: the Head of the PA may not remove a published personal instruction');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'president', '{official_report}')$$, :pp),
  'R77: the President removes a personal instruction');

-- R76-1: evidence by category
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', category => 'named_law', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS law \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{official_report}')$$, :law),
  'IC105', 'removal from control lacks the required evidence (R76-1)', 'R76-1: a named law is removed on its signing, not a report');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{law_signed}')$$, :law),
  'R76-1: a named law is removed once the President signed it');
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', category => 'digitalisation', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS dig \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{executor_final_report}')$$, :dig),
  'IC105', 'removal from control lacks the required evidence (R76-1)', 'R76-1: digitalisation needs the PA unit memo too');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{executor_final_report,pa_unit_memo}')$$, :dig),
  'R76-1: digitalisation with final report and PA unit memo is removed');
SELECT (put_on_control('event', 'pa', '2025-03-03', term => '10 wd', category => 'event_or_naming', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS ev \gset
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{event_held}')$$, :ev),
  'R76-1: an event is removed once it took place');

-- R79: the same point held at PA level and by the body (act + point, or upper_record_id at any depth)
INSERT INTO act (act_type, number, signed_on) VALUES ('decree', '79', '2025-02-28') RETURNING id AS act79 \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', act_id => :act79, point => '3', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS parent \gset
SELECT (put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', act_id => :act79, point => '3')).id AS own \gset
-- R42-1.1 (round 3): the organisation's record of the same act and point names the body's record
SELECT (put_on_control('act_point', 'organisation', '2025-03-05', term => '5 wd', act_id => :act79, point => '3', upper_record_id => :own)).id AS org \gset
SELECT (put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', parent_id => :parent)).id AS subtask \gset
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{official_report}')$$, :own),
  'IC106', 'point controlled at PA level is still on the PA''s control (R79)', 'R79: the body may not remove its record of the same point before the PA');
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{official_report}')$$, :org),
  'IC106', NULL, 'R79: an organisation''s record linked through the body''s record is blocked too (every level)');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{official_report}')$$, :subtask),
  'R79: a genuine sub-task of the PA''s point (parent_id) is not the same point and is removed by its body');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{official_report}')$$, :parent),
  'R79: the PA removes its instruction');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{official_report}')$$, :own),
  'R79: then the body removes its own record of the point (R74-1: by its first head)');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'first_head', '{official_report}')$$, :org),
  'R79: and the organisation its own');

-- R57: roadmap approval
-- (R4.5: the point names its responsible body; R57 reads the drafter from it)
INSERT INTO state_body (code, name, body_type, inside_government) VALUES
  ('R57_MIN', 'A ministry inside the Government', 'central', true),
  ('R57_OUT', 'A central body outside the Government', 'central', false),
  ('R57_AKIM', 'An akimat', 'local', false);
SELECT (put_on_control('act_point', 'pa', '2025-01-06', term => '7 months', new_approaches => true, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM state_body WHERE code = 'R57_MIN'))).id AS r \gset
SELECT (put_on_control('act_point', 'pa', '2025-01-06', term => '7 months', new_approaches => true, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM state_body WHERE code = 'R57_OUT'))).id AS r_out \gset
SELECT (put_on_control('act_point', 'pa', '2025-01-06', term => '7 months', new_approaches => true, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM state_body WHERE code = 'R57_AKIM'))).id AS r_loc \gset
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'central_interdepartmental', 'first_head')$$, :r),
  'IC101', 'decider may not take this decision (R57)', 'R57: an interdepartmental roadmap is not approved by the first head');
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'central_interdepartmental', 'deputy_prime_minister', document_ref => 'RM-1')$$, :r),
  'R57: the supervising Deputy Prime Minister approves an interdepartmental roadmap');
SELECT is((SELECT (kind, decided_by)::text FROM decision WHERE instruction_id = :r), '(roadmap_approval,deputy_prime_minister)',
  'R57: the approval is journaled');
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'central_outside_government', 'first_head', touches_government_powers => true)$$, :r_out),
  'IC109', 'roadmap touching the Government''s powers is approved after agreement with the Prime Minister (R57)',
  'R57: a roadmap touching the Government''s powers needs the Prime Minister''s agreement');
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'local', 'akim')$$, :r_loc),
  'R57: a local body''s roadmap is approved by the akim');

SELECT * FROM finish();
ROLLBACK;
