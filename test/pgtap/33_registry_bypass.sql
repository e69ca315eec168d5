-- Registry: direct DML is judged like the API; the journal is append-only; user data is dumped.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(24);

INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', content => 'Prepare a draft law', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS a \gset

-- Decisions only through the journal
SELECT throws_ok(format($$UPDATE instruction SET due_date = '2025-06-30' WHERE id = %s$$, :a),
  'IC111', 'deadline, regime and status of an instruction change only by a decision (R69.1, R75)',
  'R69.1: a direct UPDATE of the due date is refused');
SELECT throws_ok(format($$UPDATE instruction SET status = 'removed', removed_on = current_date WHERE id = %s$$, :a),
  'IC111', NULL, 'R75: a direct change of status to removed is refused');
SELECT throws_ok(format($$UPDATE instruction SET regime = 'long_term' WHERE id = %s$$, :a),
  'IC111', NULL, 'R69.4: a direct change of regime is refused');
SELECT throws_ok(format($$UPDATE instruction SET level = 'government' WHERE id = %s$$, :a),
  'IC111', 'column "level" is fixed when the instruction is put on control (R30-1, R50.3)',
  'R30-1: the level of control is fixed');
SELECT throws_ok(format($$UPDATE instruction SET received_on = '2025-03-10' WHERE id = %s$$, :a),
  'IC111', NULL, 'R50.3: the day of receipt is fixed');
SELECT lives_ok(format($$UPDATE instruction SET content = 'Prepare a draft law on X', final_result = 'a law in force' WHERE id = %s$$, :a),
  'descriptive columns are edited freely');
SELECT throws_ok(format($$DELETE FROM instruction WHERE id = %s$$, :a),
  'IC111', 'instructions are not deleted; they are removed from control (R75)', 'R75: DELETE of an instruction is refused');
SELECT throws_ok(format($$INSERT INTO instruction (kind, level, received_on, term, status) VALUES ('event', 'pa', '2025-03-03', '5 wd', 'removed')$$),
  'IC111', NULL, 'R75: an instruction is not inserted as removed');

-- A decision inserted directly is judged like the API call.
SELECT lives_ok(format($$INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis, evidence) VALUES (%s, 'extension', '2025-04-30', 'head_of_pa', 'agreement of the PA', '{pa_agreement}')$$, :a),
  'R69.1: a direct INSERT into the journal takes the decision');
SELECT is((SELECT due_date FROM instruction WHERE id = :a), '2025-04-30'::date, 'R69.1: and applies it');
SELECT throws_ok(format($$INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis, evidence) VALUES (%s, 'extension', '2025-05-30', 'head_of_pa', 'again', '{pa_agreement}')$$, :a),
  'IC102', NULL, 'R69.1: a direct INSERT of a repeated extension is refused like the API');
SELECT throws_ok(format($$INSERT INTO decision (instruction_id, kind, decided_by) VALUES (%s, 'roadmap_approval', 'first_head')$$, :a),
  'IC111', NULL, 'R57: a roadmap approval is journaled only with its roadmap');

-- The journal is append-only.
SELECT throws_ok($$UPDATE decision SET decided_by = 'president'$$, 'IC111', 'decision journal is append-only',
  'the journal refuses UPDATE');
SELECT throws_ok($$DELETE FROM decision$$, 'IC111', 'decision journal is append-only', 'the journal refuses DELETE');
SELECT throws_ok($$TRUNCATE decision CASCADE$$, 'IC111', 'decision journal is append-only', 'the journal refuses TRUNCATE');

-- R14 on UPDATE
SELECT throws_ok(format($$UPDATE instruction SET secrecy = 'state_secret', paper_card_ref = 'PC-9' WHERE id = %s$$, :a),
  'IC110', NULL, 'R14: an instruction with content does not become a state secret');

-- Dump and restore: user data is registered with pg_extension_config_dump.
SELECT is((SELECT count(*) FROM pg_extension e, unnest(e.extconfig) c
            WHERE e.extname = 'instruction_control'
              AND c IN ('instruction_control.instruction'::regclass, 'instruction_control.decision'::regclass,
                        'instruction_control.act'::regclass, 'instruction_control.state_body'::regclass,
                        'instruction_control.roadmap'::regclass, 'instruction_control.report'::regclass,
                        'instruction_control.decision_authority'::regclass))::int, 7,
  'the registry''s tables are dumped by pg_dump');
SELECT is((SELECT cond FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(c, cond)
            WHERE e.extname = 'instruction_control' AND c = 'instruction_control.decision_authority'::regclass),
  'WHERE NOT seeded', 'R74-1: only user and changed authority rows are dumped (seeded ones come with CREATE EXTENSION)');
UPDATE decision_authority SET basis = 'Government regulation No. 1' WHERE level = 'government' AND action = 'removal' AND decider = 'prime_minister';
SELECT is((SELECT seeded FROM decision_authority WHERE level = 'government' AND action = 'removal' AND decider = 'prime_minister'),
  false, 'R74-1: a changed seeded row becomes the administrator''s and is dumped');
SELECT throws_ok($$DELETE FROM decision_authority WHERE level = 'central' AND action = 'removal'$$, '55000',
  'a seeded authority is disabled, not deleted (R74-1)', 'R74-1: seeded rows are disabled, not deleted');

-- Labels for people
SELECT is(label('decider', 'head_of_pa', 'kk'), 'Президент Әкімшілігінің Басшысы', 'labels: a decider in Kazakh');
SELECT is(label('removal_ground', 'executed', 'ru'), 'Полное и качественное исполнение', 'labels: R75 ground in Russian');
SELECT throws_ok($$SELECT label('decider', 'king', 'en')$$, '22023', 'no label for decider "king"', 'labels: unknown code');
SELECT is((SELECT count(*) FROM (SELECT unnest(ARRAY['president','head_of_pa','secretary_sc','state_counsellor',
           'head_of_presidents_office','assistant_or_adviser','pa_unit_head','prime_minister','deputy_prime_minister',
           'head_of_government_office','first_head','akim']) AS c) d
           WHERE label('decider', d.c, 'kk') IS NOT NULL)::int, 12, 'labels: every decider has a Kazakh name');

SELECT * FROM finish();
ROLLBACK;
