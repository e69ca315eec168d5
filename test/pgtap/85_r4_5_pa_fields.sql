-- R4.5 for every PA-level point (issue 18, round 3): a point put on control at
-- level pa names what Appendix 5 fixes for it -- pa_unit, completion_form (not
-- for a state secret, R14) and responsible_body_id -- whatever its deadline
-- source (a term, the act, the control approval, a resolution, the PA, two
-- weeks from signing).  Each source allowed and refused, played by a LOGIN role
-- holding only ic_controller; history (import_instruction) is not judged by it.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(31);
\ir include/helpers.psql

INSERT INTO state_body (code, name, body_type) VALUES ('R45_EXEC', 'Executor of R4.5 points', 'central');
CREATE ROLE r45_controller LOGIN IN ROLE ic_controller;
CREATE ROLE r45_admin LOGIN IN ROLE ic_admin;
GRANT USAGE ON SCHEMA public TO r45_controller, r45_admin;

-- put_on_control() at level pa with the deadline of a source, and the three fields unless left out
CREATE FUNCTION pg_temp.pa_point(source text, leave_out text DEFAULT NULL) RETURNS text
LANGUAGE sql AS $f$
  SELECT format($$SELECT (put_on_control(%L, 'pa', '2025-03-03'%s%s%s%s)).id$$,
                CASE source WHEN 'two_weeks' THEN 'personal' ELSE 'act_point' END,
                CASE source WHEN 'term' THEN ', term => ''10 wd'''
                            WHEN 'two_weeks' THEN ', signed_on => ''2025-03-03'''
                            ELSE format(', due_date => ''2025-04-30'', deadline_source => %L', source) END,
                CASE WHEN leave_out = 'pa_unit' THEN '' ELSE ', pa_unit => ''Бақылау бөлімі''' END,
                CASE WHEN leave_out = 'completion_form' THEN '' ELSE ', completion_form => ''ақпарат''' END,
                CASE WHEN leave_out = 'responsible_body_id' THEN ''
                     ELSE ', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = ''R45_EXEC'')' END)
$f$;
GRANT EXECUTE ON FUNCTION pg_temp.pa_point(text, text) TO r45_controller;

SET ROLE r45_controller;

-- refused: each source, each field left out (a field at a time, so each is required on its own)
SELECT throws_ok(pg_temp.pa_point('term', 'pa_unit'), 'IC107', NULL,
  'R4.5: a PA point with a term and no PA unit is refused');
SELECT throws_ok(pg_temp.pa_point('term', 'completion_form'), 'IC107', NULL,
  'R4.5: a PA point with a term and no completion form is refused');
SELECT throws_ok(pg_temp.pa_point('term', 'responsible_body_id'), 'IC107', NULL,
  'R4.5: a PA point with a term and no responsible body is refused');
SELECT throws_ok(pg_temp.pa_point('act', 'pa_unit'), 'IC107', NULL,
  'R4.5: a PA point due by the act (R50.1) and no PA unit is refused');
SELECT throws_ok(pg_temp.pa_point('act', 'completion_form'), 'IC107', NULL,
  'R4.5: a PA point due by the act and no completion form is refused');
SELECT throws_ok(pg_temp.pa_point('act', 'responsible_body_id'), 'IC107', NULL,
  'R4.5: a PA point due by the act and no responsible body is refused');
SELECT throws_ok(pg_temp.pa_point('control_approval', 'pa_unit'), 'IC107', NULL,
  'R4.5: a PA point due by its control approval and no PA unit is refused');
SELECT throws_ok(pg_temp.pa_point('control_approval', 'completion_form'), 'IC107', NULL,
  'R4.5: a PA point due by its control approval and no completion form is refused');
SELECT throws_ok(pg_temp.pa_point('control_approval', 'responsible_body_id'), 'IC107', NULL,
  'R4.5: a PA point due by its control approval and no responsible body is refused');
SELECT throws_ok(pg_temp.pa_point('resolution', 'pa_unit'), 'IC107', NULL,
  'R4.5: a PA point due by a resolution (R50.1) and no PA unit is refused');
SELECT throws_ok(pg_temp.pa_point('resolution', 'completion_form'), 'IC107', NULL,
  'R4.5: a PA point due by a resolution and no completion form is refused');
SELECT throws_ok(pg_temp.pa_point('pa', 'responsible_body_id'), 'IC107', NULL,
  'R4.5: a PA point whose deadline the PA set (R50.2) and no responsible body is refused');
SELECT throws_ok(pg_temp.pa_point('pa', 'pa_unit'), 'IC107', NULL,
  'R4.5: a PA point whose deadline the PA set and no PA unit is refused');
SELECT throws_ok(pg_temp.pa_point('two_weeks', 'completion_form'), 'IC107', NULL,
  'R4.5: a personal instruction (R51) at level pa and no completion form is refused');
SELECT throws_ok(pg_temp.pa_point('two_weeks', 'pa_unit'), 'IC107', NULL,
  'R4.5: a personal instruction at level pa and no PA unit is refused');
SELECT is((pg_temp.err(pg_temp.pa_point('act', 'completion_form'))).hint LIKE 'Give completion_form:%', true,
  'R4.5: the HINT names the missing field');
SELECT is((SELECT count(*)::int FROM instruction), 0, 'R4.5: the refused points left nothing behind');

-- allowed: each source with the three fields
SELECT lives_ok(pg_temp.pa_point('term'), 'R4.5: a PA point with a term and the fields of Appendix 5 is put on control');
SELECT lives_ok(pg_temp.pa_point('act'), 'R4.5: a PA point due by the act with the fields is put on control');
SELECT lives_ok(pg_temp.pa_point('control_approval'), 'R4.5: a PA point due by its control approval with the fields is put on control');
SELECT lives_ok(pg_temp.pa_point('resolution'), 'R4.5: a PA point due by a resolution with the fields is put on control');
SELECT lives_ok(pg_temp.pa_point('pa'), 'R4.5: a PA point whose deadline the PA set with the fields is put on control');
SELECT lives_ok(pg_temp.pa_point('two_weeks'), 'R4.5: a personal instruction at level pa with the fields is put on control');
SELECT is((SELECT count(*)::int FROM instruction WHERE pa_unit IS NOT NULL AND completion_form IS NOT NULL
                                                     AND responsible_body_id IS NOT NULL), 6,
  'R4.5: the six points keep the fields of Appendix 5');

-- R14: a state secret keeps no completion form, the other two are still named
SELECT lives_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', secrecy => 'state_secret',
                   paper_card_ref => 'ПК-1', pa_unit => 'Бақылау бөлімі',
                   responsible_body_id => (SELECT id FROM state_body WHERE code = 'R45_EXEC'))$$,
  'R4.5, R14: a state-secret PA point without a completion form is put on control');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', secrecy => 'state_secret',
                   paper_card_ref => 'ПК-2', responsible_body_id => (SELECT id FROM state_body WHERE code = 'R45_EXEC'))$$,
  'IC107', NULL, 'R4.5, R14: a state-secret PA point still names its PA unit');

-- below PA level the fields are the controlling body's business: not required
SELECT lives_ok($$SELECT put_on_control('event', 'government', '2025-03-03', term => '10 wd')$$,
  'R4.5: a Government-level point without PA unit, completion form or responsible body is put on control');

-- a fault of the deadline is reported before the missing fields
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', NULL, term => '10 wd')$$, 'IC108', NULL,
  'R4.5, R50.3: a PA point without a day of receipt is refused for the day of receipt first');

-- the fields are fixed once the point is on control (IC111)
SELECT throws_ok($$UPDATE instruction SET pa_unit = NULL WHERE pa_unit IS NOT NULL$$, 'IC111', NULL,
  'R4.5: the PA unit of a point on control cannot be taken away');

-- history is not judged by R4.5: the import records a legacy card as it was held
RESET ROLE;
SET ROLE r45_admin;
SELECT lives_ok($$SELECT import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15', external_ref => 'R45-OLD')$$,
  'R4.5: import_instruction() records a legacy PA card without the fields (history, not judged)');
SELECT is((SELECT pa_unit IS NULL AND completion_form IS NULL FROM instruction WHERE external_ref = 'R45-OLD'), true,
  'R4.5: the imported card keeps what it had');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
