-- R69.1 typed basis by default (issue 18, round 3): an extension or transfer
-- rests on the PA unit's expert conclusion OR the PA's agreement to a proposal,
-- a new deadline (R70.4) on the conclusion or the executor's letter -- named by
-- kind in evidence.  Since 0.3 instruction_control.typed_basis is on by
-- default: a free-text basis alone is refused (IC114); the superuser opt-out
-- (off) gives 0.2 clients their free-text basis back.  Played by a LOGIN role
-- holding only ic_controller.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(19);

INSERT INTO state_body (code, name, body_type) VALUES ('R691_EXEC', 'Executor of R69.1 points', 'central');
CREATE ROLE r691_controller LOGIN IN ROLE ic_controller;
GRANT USAGE ON SCHEMA public TO r691_controller;

-- five PA points, each with what Appendix 5 fixes (R4.5)
CREATE TEMP TABLE pts AS
SELECT n, (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі',
                          completion_form => 'ақпарат',
                          responsible_body_id => (SELECT id FROM state_body WHERE code = 'R691_EXEC'))).id
  FROM generate_series(1, 6) n;
GRANT SELECT ON pts TO r691_controller;
SELECT id AS p1 FROM pts WHERE n = 1 \gset
SELECT id AS p2 FROM pts WHERE n = 2 \gset
SELECT id AS p3 FROM pts WHERE n = 3 \gset
SELECT id AS p4 FROM pts WHERE n = 4 \gset
SELECT id AS p5 FROM pts WHERE n = 5 \gset
SELECT id AS p6 FROM pts WHERE n = 6 \gset

SELECT is(current_setting('instruction_control.typed_basis'), 'on', 'R69.1: typed_basis is on by default');

SET ROLE r691_controller;
-- refused: a free-text basis alone, on every path that records such a decision
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'conclusion No. 1', decided_on => '2025-03-10')$$, :p1),
  'IC114', NULL, 'R69.1: an extension with a free-text basis alone is refused');
SELECT throws_ok(format($$SELECT transfer_control(%s, 'medium_term', '2025-09-30', 'president', 'conclusion', 'external circumstances', decided_on => '2025-03-10')$$, :p1),
  'IC114', NULL, 'R69.1: a transfer with a free-text basis alone is refused');
SELECT throws_ok(format($$SELECT set_new_deadline(%s, '2025-04-15', 'head_of_pa', 'letter', 'quarantine', decided_on => '2025-03-10')$$, :p1),
  'IC114', NULL, 'R69.1, R70.4: a new deadline with a free-text basis alone is refused');
SELECT throws_ok(format($$SELECT * FROM extend_deadlines(ARRAY[%s]::bigint[], '{2025-04-15}', 'head_of_pa', 'conclusion', decided_on => '2025-03-10')$$, :p1),
  'IC114', NULL, 'R69.1: a batch of extensions with a free-text basis alone is refused');
SELECT throws_ok(format($$INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis, decided_on)
                          VALUES (%s, 'extension', '2025-04-15', 'head_of_pa', 'conclusion', '2025-03-10')$$, :p1),
  'IC114', NULL, 'R69.1: a direct INSERT into the journal with a free-text basis alone is refused');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'report', evidence => '{official_report}', decided_on => '2025-03-10')$$, :p1),
  'IC114', NULL, 'R69.1: an extension resting on a kind R69.1 does not name is refused');
SELECT throws_ok(format($$SELECT set_new_deadline(%s, '2025-04-15', 'head_of_pa', 'agreement', 'quarantine', evidence => '{pa_agreement}', decided_on => '2025-03-10')$$, :p1),
  'IC114', NULL, 'R70.4: a new deadline does not rest on the PA''s agreement to a proposal');
SELECT is((SELECT count(*)::int FROM decision WHERE instruction_id = :p1), 0, 'R69.1: the refused decisions left nothing behind');
SELECT throws_ok($$SET instruction_control.typed_basis = off$$, '42501', NULL,
  'R69.1: a controller cannot switch the typed basis off');

-- allowed: each kind the rule names
SELECT is((SELECT evidence::text FROM extend_deadline(:p1, '2025-04-15', 'head_of_pa', 'conclusion No. 1',
                                                     evidence => '{pa_expert_conclusion}', decided_on => '2025-03-10')),
  '{pa_expert_conclusion}', 'R69.1: an extension on the PA unit''s expert conclusion is taken');
SELECT is((SELECT evidence::text FROM extend_deadline(:p2, '2025-04-15', 'head_of_pa', 'agreement with visas',
                                                     evidence => '{pa_agreement}', decided_on => '2025-03-10')),
  '{pa_agreement}', 'R69.1: an extension on the PA''s agreement to a proposal is taken');
SELECT lives_ok(format($$SELECT transfer_control(%s, 'medium_term', '2025-09-30', 'president', 'agreement', 'external circumstances',
                                               evidence => '{pa_agreement}', decided_on => '2025-03-10')$$, :p3),
  'R69.1, R69.3: a transfer on the PA''s agreement is taken');
SELECT lives_ok(format($$SELECT set_new_deadline(%s, '2025-04-15', 'head_of_pa', 'letter of the ministry', 'quarantine',
                                               evidence => '{executor_letter}', decided_on => '2025-03-10')$$, :p4),
  'R70.4: a new deadline on the executor''s letter is taken');
SELECT is((SELECT count(*)::int FROM extend_deadlines(ARRAY[:p5]::bigint[], '{2025-04-15}', 'head_of_pa', 'conclusion',
                                                     decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')), 1,
  'R69.1: a batch of extensions naming the kind is taken');
RESET ROLE;

-- the opt-out for 0.2 clients: a superuser turns it off; a named kind must still fit
SET instruction_control.typed_basis = off;
SET ROLE r691_controller;
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'report', evidence => '{official_report}', decided_on => '2025-03-10')$$, :p6),
  'IC114', NULL, 'R69.1 typed_basis off: a kind the rule does not name is still refused');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', NULL, decided_on => '2025-03-10')$$, :p6),
  'IC114', NULL, 'R69.1 typed_basis off: a decision with no basis at all is still refused');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'conclusion No. 6', decided_on => '2025-03-10')$$, :p6),
  'R69.1 typed_basis off (the opt-out): a free-text basis alone is accepted, as 0.2 judged it');
SELECT is((SELECT evidence::text FROM decision WHERE instruction_id = :p6), '{}',
  'R69.1 typed_basis off: the decision is journaled with its free-text basis and no kind');
RESET ROLE;
RESET instruction_control.typed_basis;

SELECT * FROM finish();
ROLLBACK;
