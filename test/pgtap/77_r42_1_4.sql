-- R42-1.4 (issue 20, item 2): the Government controls the instructions passed to it of every body
-- except the bodies directly subordinate and accountable to the President
-- (state_body.directly_subordinate_to_president): their control is not passed to the Government.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
\ir include/helpers.psql
SELECT plan(5);

\o /dev/null
INSERT INTO state_body (code, name, body_type, directly_subordinate_to_president)
VALUES ('R4214_GOV', 'Government', 'government', false), ('R4214_SUB', 'Agency directly subordinate to the President', 'central', true),
       ('R4214_MIN', 'Ministry', 'central', false);
SELECT id AS gov FROM state_body WHERE code = 'R4214_GOV' \gset
SELECT id AS sub FROM state_body WHERE code = 'R4214_SUB' \gset
SELECT id AS min FROM state_body WHERE code = 'R4214_MIN' \gset
SELECT (put_on_control('event', 'pa', '2025-03-03', term => '2 months', responsible_body_id => :sub, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i_sub \gset
SELECT (put_on_control('event', 'pa', '2025-03-03', term => '2 months', responsible_body_id => :min, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i_min \gset
SELECT decider AS who FROM who_may_decide(:i_sub, 'removal') LIMIT 1 \gset
\o

SELECT throws_ok(format($$SELECT remove_from_control(%s, 'control_passed', %L, '{control_passed_decision}', 'order 1',
                                                    '2025-03-10', %s)$$, :i_sub, :'who', :gov),
                 'IC107', NULL, 'R42-1.4: control of a directly subordinate body''s instruction is not passed to the Government');
SELECT is((pg_temp.err(format($$SELECT remove_from_control(%s, 'control_passed', %L, '{control_passed_decision}', 'order 1',
                                                          '2025-03-10', %s)$$, :i_sub, :'who', :gov))).hint,
          'R42-1.4 gives the Government the control of the instructions of the other bodies; pass this one''s control to the body itself (receiving_body_id) or keep it at the PA.',
          'R42-1.4: the HINT says what is allowed');
SELECT is((SELECT status::text FROM instruction WHERE id = :i_sub), 'on_control', 'R42-1.4: the refused removal left the instruction on control');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'control_passed', %L, '{control_passed_decision}', 'order 2',
                                                   '2025-03-10', %s)$$, :i_sub, :'who', :sub),
                'R42-1.4: its control is passed to the body itself');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'control_passed', %L, '{control_passed_decision}', 'order 3',
                                                   '2025-03-10', %s)$$, :i_min, :'who', :gov),
                'R42-1.4: another body''s instruction goes to the Government''s control');

SELECT * FROM finish();
ROLLBACK;
