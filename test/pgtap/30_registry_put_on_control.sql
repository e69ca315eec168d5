-- Registry: putting on control (R42-1, R50, R51, R56, R14) and the due date computed from the term.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(40);

INSERT INTO state_body (code, name, body_type) VALUES
  ('MINFIN', 'Ministry of Finance', 'central'),
  ('MINECON', 'Ministry of National Economy', 'central'),
  ('MINEDU', 'Ministry of Education', 'central');

-- R50.3: counted in working days from receipt; 2025-03-10 is a day off (8 March was a Saturday).
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 working days', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS i1 \gset
SELECT is((SELECT due_date FROM instruction WHERE id = :i1), '2025-03-18'::date,
  'R50.3: 10 working days from receipt on 2025-03-03 end on 2025-03-18 (10 March is a day off)');
SELECT is((SELECT original_due_date FROM instruction WHERE id = :i1), '2025-03-18'::date,
  'R50.3: the original due date is kept');
SELECT is((SELECT calendar FROM instruction WHERE id = :i1), 'KZ', 'R50.3: the calendar counted in is recorded');
SELECT is((SELECT status FROM instruction WHERE id = :i1), 'on_control', 'R42-1: the instruction is on control');

SELECT is((put_on_control('event', 'government', '2025-03-01', term => '1 wd')).due_date, '2025-03-03'::date,
  'R50.3: received on Saturday 2025-03-01, day 1 is Monday 2025-03-03');
SELECT is((put_on_control('event', 'government', '2024-12-27', term => '3 wd')).due_date, '2025-01-05'::date,
  'R50.3: across New Year 2025 (1-3 January off) the third working day is the working Sunday 2025-01-05');
SELECT is((put_on_control('event', 'government', '2025-03-20', term => '2 wd')).due_date, '2025-03-27'::date,
  'R50.3: across Nauryz 2025 (21-25 March off)');
SELECT is((put_on_control('event', 'central', '2025-03-03', due_date => '2025-05-30', deadline_source => 'act')).due_date, '2025-05-30'::date,
  'R50.1: a due date given in the act is kept');

-- R51: personal instructions, two weeks from signing, rolled to a working day.
SELECT is((put_on_control('personal', 'pa', '2025-03-11', signed_on => '2025-03-10', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).due_date, '2025-03-26'::date,
  'R51: signed 2025-03-10, 14 days is 2025-03-24 (a Nauryz day off), so 2025-03-26');
SELECT is((put_on_control('personal', 'pa', '2025-03-11', signed_on => '2025-03-10', term => '5 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).due_date,
  '2025-03-18'::date, 'R51: a term in the text counts instead (5 working days from receipt)');

-- R50.2: no deadline at all is refused.
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03')$$, 'IC108',
  'instruction has no deadline (R50.2)', 'R50.2: an instruction with neither term nor due date is refused');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => '2025-02-28', deadline_source => 'act')$$, 'IC108',
  'due date is before the instruction was received (R50.3)', 'R50.3: a due date before receipt is refused');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', NULL, term => '10 wd')$$, 'IC108',
  'instruction has no day of receipt (R50.3)', 'R50.3: a term without the day of receipt is refused');
-- R50.3: the day of receipt has come (the term counts from it), put on control or imported
SELECT throws_ok($$SELECT put_on_control('event', 'central', current_date + 1, term => '10 wd')$$, 'IC108',
  'instruction is received in the future (R50.3)', 'R50.3: an instruction received tomorrow is refused');
SELECT throws_ok($$SELECT put_on_control('personal', 'government', current_date + 1, signed_on => current_date + 1, local_character => true)$$, 'IC108',
  'instruction is received in the future (R50.3)', 'R50.3, R51: a personal instruction signed and received tomorrow is refused');
SELECT throws_ok($$INSERT INTO instruction (kind, level, received_on, term) VALUES ('event', 'central', current_date + 30, '10 wd')$$, 'IC108',
  'instruction is received in the future (R50.3)', 'R50.3: its INSERT is refused as the call is');
SELECT throws_ok($$SELECT import_instruction('act_point', 'pa', current_date + 1, current_date + 20, in_force => true)$$, 'IC108',
  'instruction is received in the future (R50.3)', 'R50.3: history received tomorrow is no history (import refused)');
SELECT lives_ok($$SELECT put_on_control('event', 'central', current_date, term => '10 wd')$$,
  'R50.3: an instruction received today is put on control');
-- R50.3: a point of an act is received on or after the act is signed, and the act's signing day is
-- not moved past the receipt of its points afterwards
INSERT INTO act (act_type, number, signed_on) VALUES ('decree', 'signed-0310', '2025-03-10') RETURNING id AS act0310 \gset
SELECT throws_ok(format($$SELECT put_on_control('act_point', 'central', '2025-03-07', term => '10 wd', act_id => %s, point => '1')$$, :act0310), 'IC108',
  'instruction is received before its act was signed (R50.3)', 'R50.3: a point received before its act was signed is refused');
SELECT lives_ok(format($$SELECT put_on_control('act_point', 'central', '2025-03-10', term => '10 wd', act_id => %s, point => '1')$$, :act0310),
  'R50.3: a point received the day its act was signed is put on control');
SELECT throws_ok(format($$UPDATE act SET signed_on = '2025-03-11' WHERE id = %s$$, :act0310), 'IC108',
  'an act is signed before its points are received (R50.3)', 'R50.3: the act''s signing day is not moved past the receipt of a point');
SELECT lives_ok(format($$UPDATE act SET signed_on = '2025-03-06' WHERE id = %s$$, :act0310),
  'R50.3: moved earlier (a correction) it is accepted');
SELECT lives_ok(format($$SELECT import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15', act_id => %s, point => '2')$$, :act0310),
  'R50.3: history is imported as it was held, even before its act''s recorded signing');

-- R42-1.1 / R42-1.2: level of control.
SELECT throws_ok($$SELECT put_on_control('event', 'pa', '2025-03-03', term => '10 wd', local_character => true)$$,
  'IC107', 'instruction of a current (local) character is not put on PA control (R42-1.2)',
  'R42-1.2: a local matter is refused at PA level');
SELECT lives_ok($$SELECT put_on_control('event', 'pa', '2025-03-03', term => '10 wd', local_character => true, public_resonance => true, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$,
  'R42-1.2: a local matter with public resonance is put on PA control');
SELECT lives_ok($$SELECT put_on_control('event', 'local', '2025-03-03', term => '10 wd', local_character => true)$$,
  'R42-1.2: a local matter at local level is allowed');
SELECT throws_ok($$SELECT put_on_control('security_council', 'government', '2025-03-03', term => '10 wd')$$,
  'IC107', 'instruction of this kind is put on control of the Presidential Administration (R42-1.1)',
  'R42-1.1: a Security Council decision below PA level is refused');
SELECT lives_ok($$SELECT put_on_control('security_council', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$,
  'R42-1.1: a Security Council decision at PA level is allowed');

-- R14 / R50.2: state secrets keep requisites and a paper card only.
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', secrecy => 'state_secret', content => 'text', paper_card_ref => 'PC-1')$$,
  'IC110', 'content of a state-secret instruction is not stored (R14)', 'R14: content of a state secret is refused');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', secrecy => 'state_secret')$$,
  'IC110', 'state-secret instruction needs a paper card reference (R50.2)', 'R50.2: a state secret needs its paper card');
SELECT lives_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', secrecy => 'state_secret', paper_card_ref => 'PC-1', pa_unit => 'Бақылау бөлімі', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$,
  'R14: a state secret with requisites and paper card only is put on control');

-- R56: roadmap within 10 working days of receipt for long, interdepartmental or new-approach instructions.
SELECT is((put_on_control('act_point', 'pa', '2025-01-06', term => '7 months',
                          responsible_body_id => (SELECT id FROM state_body WHERE code = 'MINFIN'),
                          co_executor_ids => ARRAY[(SELECT id FROM state_body WHERE code = 'MINECON')], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).roadmap_due_date,
  '2025-01-21'::date, 'R56: > 6 months and two bodies: roadmap due 10 working days after 2025-01-06 (7 January off)');
SELECT is((put_on_control('act_point', 'pa', '2025-01-06', term => '7 months', new_approaches => true, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).roadmap_due_date,
  '2025-01-21'::date, 'R56: > 6 months and new approaches: roadmap due');
SELECT is((put_on_control('act_point', 'pa', '2025-01-06', term => '7 months', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).roadmap_due_date, NULL::date,
  'R56: > 6 months, one body, nothing new: no roadmap required');
SELECT is((put_on_control('act_point', 'pa', '2025-01-06', term => '6 months', new_approaches => true,
                          co_executor_ids => ARRAY[1, 2], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).roadmap_due_date, NULL::date,
  'R56: a term of exactly 6 months is not more than six months, though its due date rolls past (6 July 2025 is a Sunday)');

-- R50.1: a sub-instruction is not due after its parent.
SELECT throws_ok(format($$SELECT put_on_control('act_point', 'central', '2025-03-04', due_date => '2025-03-19', parent_id => %s, deadline_source => 'control_approval')$$, :i1),
  'IC108', 'sub-instruction would be due after its parent (R50.1)', 'R50.1: a sub-instruction due after its parent is refused');
SELECT is((put_on_control('act_point', 'central', '2025-03-04', due_date => '2025-03-18', parent_id => :i1, deadline_source => 'control_approval')).due_date,
  '2025-03-18'::date, 'R50.1: a sub-instruction due with its parent is allowed');

-- Unknown calendar
SET instruction_control.calendar = 'NOWHERE';
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd')$$, 'IC001', NULL,
  'R50.3: counting in an unknown calendar is refused');
RESET instruction_control.calendar;

-- Nothing left behind by a refused insert
SELECT is((SELECT count(*) FROM instruction WHERE received_on = '2025-03-03' AND level = 'pa' AND local_character AND NOT public_resonance)::int, 0,
  'a refused put_on_control leaves no row');
SELECT is((SELECT count(*) FROM decision)::int, 0, 'putting on control writes no journal entry: the row is its record');

SELECT * FROM finish();
ROLLBACK;
