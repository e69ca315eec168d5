-- Imports only import history (issue 16, item 3; Decree No. 403, R74, R77): an import never lands
-- on what the rules govern -- an instruction the live journal decided on, a decision or instruction
-- dated on or after 2024-02-01 unless the instruction is itself imported and the import says so
-- (in_force => true) -- and the President's prerogatives hold for imports too.  Everything runs as
-- a LOGIN role holding only ic_admin, the role imports are for; each refusal leaves nothing behind.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(34);

CREATE ROLE imp_admin LOGIN IN ROLE ic_admin;
SET ROLE imp_admin;

-- ---------------------------------------------------------------------------
-- Allowed: history from before the amended Rules, and flagged history after it
-- ---------------------------------------------------------------------------
SELECT (import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15', external_ref => 'IMP-1')).id AS old \gset
SELECT is((SELECT imported AND NOT imported_in_force FROM instruction WHERE id = :old), true,
  'Decree No. 403: an instruction received before 2024-02-01 is imported as history');
SELECT lives_ok(format($$SELECT import_decision(%s, 'extension', '2019-03-12', 'head_of_pa', new_due => '2019-04-15')$$, :old),
  'Decree No. 403: a decision dated before 2024-02-01 on imported history is imported');
SELECT (import_instruction('act_point', 'pa', '2024-03-01', '2024-04-01', external_ref => 'IMP-2', in_force => true)).id AS flagged \gset
SELECT is((SELECT imported_in_force FROM instruction WHERE id = :flagged), true,
  'Decree No. 403: an instruction received on or after 2024-02-01 is imported when the import says in_force');
SELECT is((SELECT imported_in_force FROM import_decision(:flagged, 'extension', '2024-03-20', 'head_of_pa',
                                                          new_due => '2024-05-02', in_force => true)), true,
  'Decree No. 403: a decision dated on or after 2024-02-01 on imported history is imported with in_force, and says so');
SELECT (import_instruction('personal', 'pa', '2019-05-06', '2019-05-20', signed_on => '2019-05-06')).id AS pers \gset
SELECT (import_instruction('personal_published', 'pa', '2019-05-06', '2019-05-20', signed_on => '2019-05-06')).id AS pub \gset
SELECT lives_ok(format($$SELECT import_decision(%s, 'extension', '2019-05-10', 'head_of_pa', new_due => '2019-06-20')$$, :pub),
  'R74: a published personal instruction was extended by the general rules, imported as such');

-- ---------------------------------------------------------------------------
-- Refused: an imported instruction the rules govern
-- ---------------------------------------------------------------------------
SELECT throws_ok($$SELECT import_instruction('personal', 'pa', '2026-11-01', '2026-11-15', signed_on => '2026-11-01')$$,
  'IC117', 'imported instruction was received when the rules were in force (Decree No. 403)',
  'Decree No. 403: a personal instruction received 2026-11-01 is put on control, not imported');
SELECT throws_ok($$SELECT import_instruction('act_point', 'pa', '2024-02-01', '2024-02-15')$$,
  'IC117', NULL, 'Decree No. 403: received on the day the amendments entered into force: not history unless said so');
SELECT throws_ok($$SELECT import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15', in_force => true)$$,
  'IC117', 'imported instruction says in_force but was received before the rules entered into force (Decree No. 403)',
  'Decree No. 403: in_force is not claimed for history received before 2024-02-01');
SELECT is((SELECT count(*) FROM instruction WHERE received_on >= '2024-02-01' AND imported AND NOT imported_in_force), 0::bigint,
  'Decree No. 403: no imported instruction of the rules'' time without the import saying so');

-- ---------------------------------------------------------------------------
-- Refused: imported decisions on live instructions (the issue's examples)
-- ---------------------------------------------------------------------------
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS live \gset
SELECT (put_on_control('personal', 'pa', '2025-03-03', signed_on => '2025-03-03', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS live_pers \gset
SELECT due_date AS live_due FROM instruction WHERE id = :live \gset
SELECT throws_ok(format($$SELECT import_decision(%s, 'removal', '2025-03-05', 'akim', ground => 'executed')$$, :live_pers),
  'IC117', 'imported decision on an instruction the rules govern (Decree No. 403)',
  'R77: an imported removal by an akim does not remove a live personal instruction of the President');
SELECT is((SELECT status::text FROM instruction WHERE id = :live_pers), 'on_control',
  'R77: the personal instruction is still on control');
SELECT throws_ok(format($$SELECT import_decision(%s, 'extension', '2025-03-05', 'akim', new_due => '2035-03-05', in_force => true)$$, :live),
  'IC117', NULL, 'R69.1, R72: an imported extension ten years out is no way around the review, even with in_force');
SELECT is((SELECT due_date FROM instruction WHERE id = :live), :'live_due'::date,
  'R69.1: the live instruction''s due date is unchanged');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-06-30', 'head_of_pa', 'conclusion No. 1', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')$$, :live),
  'R69.1: the live instruction is extended through the API');
SELECT throws_ok(format($$SELECT import_decision(%s, 'extension', '2019-03-05', 'head_of_pa', new_due => '2019-04-05')$$, :live),
  'IC117', 'history is not imported onto an instruction the live journal has decided on (journal)',
  'journal: no import onto an instruction with a live decision, whatever its date');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2024-06-03', 'head_of_pa', 'conclusion No. 2', decided_on => '2024-04-01',
                                                disciplinary_review => 'reviewed', evidence => '{pa_expert_conclusion}')$$, :flagged),
  'R69.1: imported history of the rules'' time takes live decisions through the API');
SELECT throws_ok(format($$SELECT import_decision(%s, 'removal', '2024-04-02', 'head_of_pa', ground => 'executed',
                                                 evidence => '{official_report}', in_force => true)$$, :flagged),
  'IC117', 'history is not imported onto an instruction the live journal has decided on (journal)',
  'journal: once the live journal decided on imported history, no import lands on it');
SELECT is((SELECT count(*) FROM decision WHERE instruction_id = :flagged), 2::bigint,
  'journal: the refused import left no row');

-- ---------------------------------------------------------------------------
-- Refused: imported decisions of the rules' time not said so
-- ---------------------------------------------------------------------------
SELECT throws_ok(format($$SELECT import_decision(%s, 'extension', '2024-03-01', 'head_of_pa', new_due => '2024-05-15')$$, :old),
  'IC117', 'imported decision is dated when the rules were in force (Decree No. 403)',
  'Decree No. 403: a decision dated on or after 2024-02-01 is not imported unless the import says in_force');
SELECT throws_ok(format($$SELECT import_decision(%s, 'extension', '2019-04-10', 'head_of_pa', new_due => '2019-05-15',
                                                 disciplinary_review => 'r', in_force => true)$$, :old),
  'IC117', 'imported decision says in_force but is dated before the rules entered into force (Decree No. 403)',
  'Decree No. 403: in_force is not claimed for a decision dated before 2024-02-01');

-- ---------------------------------------------------------------------------
-- Who: the President's prerogatives hold for imported history (R74, R77)
-- ---------------------------------------------------------------------------
SELECT throws_ok(format($$SELECT import_decision(%s, 'removal', '2019-05-15', 'akim', ground => 'executed')$$, :pers),
  'IC101', 'only the President removes a personal instruction from control, in imported history too (R77)',
  'R77: an imported removal of a personal instruction by an akim is refused');
SELECT throws_ok(format($$SELECT import_decision(%s, 'removal', '2019-05-15', ground => 'executed')$$, :pers),
  'IC101', NULL, 'R77: an imported removal of a personal instruction naming no decider is refused');
SELECT throws_ok(format($$SELECT import_decision(%s, 'removal', '2019-05-15', 'head_of_pa', ground => 'executed')$$, :pub),
  'IC101', NULL, 'R77: published personal instructions too are removed only by the President');
SELECT throws_ok(format($$SELECT import_decision(%s, 'extension', '2019-05-15', 'head_of_pa', new_due => '2019-06-20')$$, :pers),
  'IC101', 'only the President changes the deadline of a personal instruction, in imported history too (R74)',
  'R74: an imported extension of a personal instruction by the Head of the PA is refused');
SELECT throws_ok(format($$SELECT import_decision(%s, 'transfer', '2019-05-15', 'head_of_pa', new_due => '2019-09-20',
                                                 new_regime => 'medium_term')$$, :pers),
  'IC101', NULL, 'R74: nor transferred by anyone but the President (every change of the deadline)');
SELECT is((SELECT decision_count FROM instruction WHERE id = :pers), 0,
  'R74, R77: the refused imports left the personal instruction untouched');
SELECT lives_ok(format($$SELECT import_decision(%s, 'extension', '2019-05-15', 'president', new_due => '2019-06-20')$$, :pers),
  'R74: the President''s extension of a personal instruction is imported');
SELECT lives_ok(format($$SELECT import_decision(%s, 'removal', '2019-06-20', 'president', ground => 'executed')$$, :pers),
  'R77: the President''s removal of a personal instruction is imported');

-- ---------------------------------------------------------------------------
-- The flag is the import's: not claimed by live rows, not changed afterwards
-- ---------------------------------------------------------------------------
SELECT throws_ok(format($$UPDATE instruction SET imported_in_force = false WHERE id = %s$$, :flagged),
  'IC111', NULL, 'Decree No. 403: what the import said of its date is fixed');
SELECT throws_ok($$INSERT INTO instruction (kind, level, received_on, term, imported_in_force)
                   VALUES ('act_point', 'pa', '2025-03-03', '20 wd', true)$$,
  'IC111', NULL, 'Decree No. 403: a live instruction does not claim to be imported history');
SELECT throws_ok(format($$INSERT INTO decision (instruction_id, kind, decided_on, decided_by, new_due_date, basis, imported_in_force)
                          VALUES (%s, 'extension', '2025-03-12', 'head_of_pa', '2025-07-31', 'c', true)$$, :live_pers),
  'IC111', NULL, 'Decree No. 403: a live decision does not claim to be imported history');
SELECT throws_ok(format($$SELECT count(*) FROM record_decisions(ARRAY[jsonb_populate_record(NULL::decision,
                   jsonb_build_object('instruction_id', %s, 'kind', 'extension', 'decided_on', '2019-04-20',
                                      'decided_by', 'head_of_pa', 'new_due_date', '2019-05-15', 'evidence', '[]'::jsonb,
                                      'disciplinary_review', 'r', 'repeated', false, 'imported', true))])$$, :old),
  'IC111', NULL, 'journal: a batch records live decisions only; history is imported one decision at a time');
SELECT is((SELECT count(*) FROM decision WHERE imported_in_force AND NOT imported), 0::bigint,
  'Decree No. 403: no live decision carries the import''s flag');

-- Every import function takes in_force, false unless said (generated from the catalog)
SELECT is((SELECT array_agg(p.proname::text ORDER BY p.proname) FROM pg_proc p
            WHERE p.pronamespace = 'instruction_control'::regnamespace AND p.proname LIKE 'import\_%'
              AND pg_get_function_arguments(p.oid) LIKE '%in_force boolean DEFAULT false%'),
          (SELECT array_agg(p.proname::text ORDER BY p.proname) FROM pg_proc p
            WHERE p.pronamespace = 'instruction_control'::regnamespace AND p.proname LIKE 'import\_%'),
  'Decree No. 403: every import function of the registry takes in_force, defaulting to false');

RESET ROLE;
SELECT * FROM finish();
ROLLBACK;
