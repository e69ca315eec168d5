-- R48 (issue 20, item 2): the Ministry of Foreign Affairs coordinates the execution of instructions
-- following international events; which body it is, is data (body_function).
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
\ir include/helpers.psql
SELECT plan(7);

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('R48_MFA', 'Ministry of Foreign Affairs', 'central'),
  ('R48_MIN', 'Ministry of Trade', 'central');
SELECT id AS mfa FROM state_body WHERE code = 'R48_MFA' \gset
SELECT id AS min FROM state_body WHERE code = 'R48_MIN' \gset
SELECT (put_on_control('event', 'central', '2025-03-03', term => '1 month', responsible_body_id => :min)).id AS ev \gset
SELECT (put_on_control('act_point', 'central', '2025-03-03', term => '1 month', responsible_body_id => :min)).id AS ap \gset
\o

SELECT throws_ok(format($$SELECT coordinate_instruction(%s, %s, 'summit')$$, :ev, :mfa), 'IC603', NULL,
                 'R48: no body holds foreign_affairs yet: refused, the HINT says how to record it');
\o /dev/null
INSERT INTO body_function (body_id, function) VALUES (:mfa, 'foreign_affairs');
\o
SELECT is((SELECT (coordinating_body_id = :mfa, ground) FROM coordinate_instruction(:ev, :mfa, 'state visit'))::text,
          '(t,international_event)', 'R48: the Ministry of Foreign Affairs coordinates an instruction following an international event');
SELECT throws_ok(format($$UPDATE coordination SET coordinating_body_id = %s WHERE instruction_id = %s$$, :min, :ev), 'IC603', NULL,
                 'R48: another body cannot be made the coordinator');
SELECT throws_ok(format($$SELECT coordinate_instruction(%s, %s)$$, :ap, :mfa), 'IC603', NULL,
                 'R48: an act''s point is not an instruction following an event');
SELECT throws_ok(format($$INSERT INTO body_function (body_id, function) VALUES (%s, 'foreign_affairs')$$, :min), '23505', NULL,
                 'R48: one body holds the function');
SELECT throws_ok(format($$INSERT INTO body_function (body_id, function) VALUES (%s, 'finance')$$, :min), '23514', NULL,
                 'body_function knows the functions the decree names');
SELECT is((pg_temp.err(format($$SELECT coordinate_instruction(%s, %s)$$, :ev, :mfa))).state, '23505',
          'R48: an instruction is coordinated once');

SELECT * FROM finish();
ROLLBACK;
