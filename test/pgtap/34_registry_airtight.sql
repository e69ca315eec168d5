-- Registry: no way around the rules (issue "airtight rules"), each refusal with an IC SQLSTATE,
-- the rule id in the message, and nothing changed; each with the allowed case beside it.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(90);

-- pg_temp.err(sql): the error a statement raises, with its DETAIL and HINT
\ir include/helpers.psql

INSERT INTO state_body (code, name, body_type) VALUES
  ('T_FIN', 'Ministry of Finance (test)', 'central'),
  ('T_ECO', 'Ministry of Economy (test)', 'central'),
  ('T_GOV', 'Government (test)', 'government');
SELECT id AS fin FROM state_body WHERE code = 'T_FIN' \gset
SELECT id AS eco FROM state_body WHERE code = 'T_ECO' \gset
SELECT id AS gov FROM state_body WHERE code = 'T_GOV' \gset

-- ---------------------------------------------------------------------------
-- The card's facts are fixed on control; R42-1.2 is judged again on UPDATE.
-- ---------------------------------------------------------------------------
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', category => 'named_law',
                       responsible_body_id => :fin, co_executor_ids => ARRAY[:eco]::bigint[],
                       completion_form => 'draft law', pa_unit => 'Legal department')).id AS c \gset
SELECT throws_ok(format($$UPDATE instruction SET category = NULL WHERE id = %s$$, :c),
  'IC111', 'column "category" is fixed when the instruction is put on control (R30-1, R50.3)',
  'R76-1: the category that fixes the removal evidence cannot be dropped by UPDATE');
SELECT throws_ok(format($$UPDATE instruction SET category = 'event_or_naming' WHERE id = %s$$, :c),
  'IC111', NULL, 'R76-1: nor changed to a category with weaker evidence');
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{official_report}')$$, :c),
  'IC105', NULL, 'R76-1: a named law is still removed only on the President''s signature');
SELECT throws_ok(format($$UPDATE instruction SET responsible_body_id = %s WHERE id = %s$$, :eco, :c),
  'IC111', NULL, 'R4.5: the responsible executor is fixed');
SELECT throws_ok(format($$UPDATE instruction SET co_executor_ids = '{}' WHERE id = %s$$, :c),
  'IC111', NULL, 'R56: the co-executors are fixed');
SELECT throws_ok(format($$UPDATE instruction SET completion_form = 'information' WHERE id = %s$$, :c),
  'IC111', NULL, 'R4.5: the completion form is fixed');
SELECT throws_ok(format($$UPDATE instruction SET pa_unit = 'Other unit' WHERE id = %s$$, :c),
  'IC111', NULL, 'R4.5: the PA unit responsible for control is fixed');
SELECT lives_ok(format($$UPDATE instruction SET content = 'Draft law on X', external_ref = 'EDMS-1' WHERE id = %s$$, :c),
  'R4.5: the text and the host registry''s key stay editable');
SELECT throws_ok(format($$UPDATE instruction SET local_character = true WHERE id = %s$$, :c),
  'IC107', 'instruction of a current (local) character is not held on PA control (R42-1.2)',
  'R42-1.2: marking a PA-level card local without resonance is refused');
SELECT lives_ok(format($$UPDATE instruction SET local_character = true, public_resonance = true WHERE id = %s$$, :c),
  'R42-1.2: local with public resonance stays on PA control');
SELECT throws_ok(format($$UPDATE instruction SET public_resonance = false WHERE id = %s$$, :c),
  'IC107', NULL, 'R42-1.2: dropping the resonance of a local PA-level card is refused');

-- ---------------------------------------------------------------------------
-- R14 / R50.2: no free-text column of a state secret holds content.
-- ---------------------------------------------------------------------------
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', secrecy => 'state_secret',
                       paper_card_ref => 'PC-14/2025', pa_unit => 'Бақылау бөлімі', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS s \gset
SELECT throws_ok(format($$UPDATE instruction SET secrecy = 'none', content = 'the secret', paper_card_ref = NULL WHERE id = %s$$, :s),
  'IC110', 'the secrecy of an instruction is raised, never lowered, by an UPDATE (R14)',
  'R14: a state secret is not declassified and filled with content in one UPDATE');
SELECT throws_ok(format($$UPDATE instruction SET paper_card_ref = NULL WHERE id = %s$$, :s),
  'IC110', 'state-secret instruction needs a paper card reference (R50.2)', 'R50.2: the paper card of a state secret stays');
SELECT throws_ok(format($$UPDATE instruction SET paper_card_ref = repeat('x', 101) WHERE id = %s$$, :s),
  'IC110', NULL, 'R14: a paper card reference is a reference, not a text (at most 100 characters)');
SELECT lives_ok(format($$UPDATE instruction SET paper_card_ref = 'PC-14/2025-bis' WHERE id = %s$$, :s),
  'R50.2: the paper card reference may be corrected');
SELECT throws_ok(format($$SELECT submit_report(%s, 'intermediate', 'what was done in secret', submitted_on => '2025-03-10')$$, :s),
  'IC110', 'a report on a state-secret instruction holds no content (R14)', 'R14: a report on a state secret holds no content');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', document_ref => 'PR-7', submitted_on => '2025-03-10')$$, :s),
  'R14: a report on a state secret gives the paper report''s reference');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-30', 'head_of_pa', 'the reasons in clear text', decided_on => '2025-03-11', evidence => '{pa_expert_conclusion}')$$, :s),
  'IC110', 'the journal of a state-secret instruction holds no text (R14)', 'R14: the basis of a secret decision is not written out');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-30', 'head_of_pa', NULL, decided_on => '2025-03-11')$$, :s),
  'IC114', NULL, 'R69.1: a secret decision still needs its basis (the paper reference)');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-30', 'head_of_pa', NULL, decided_on => '2025-03-11', paper_ref => 'EC-12 of 2025-03-11', evidence => '{pa_expert_conclusion}')$$, :s),
  'R14/R69.1: a secret decision rests on the reference of its paper basis');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', secrecy => 'state_secret', paper_card_ref => 'PC-1', completion_form => 'a law on the secret matter')$$,
  'IC110', 'content of a state-secret instruction is not stored (R14)', 'R14: the completion form of a state secret is not stored');
SELECT throws_ok($$INSERT INTO act (act_type, number, title, secrecy) VALUES ('decree', 'S-1', 'On the secret matter', 'state_secret')$$,
  'IC110', 'the title of a state-secret act is not stored (R14)', 'R14: the title of a state-secret act is refused');
SELECT lives_ok($$INSERT INTO act (act_type, number, secrecy) VALUES ('decree', 'S-1', 'state_secret')$$,
  'R14: a state-secret act keeps its requisites');
SELECT throws_ok($$INSERT INTO act (act_type, number, signed_on) VALUES ('decree', 'S-2', 'infinity')$$,
  '22008', NULL, 'R50.3: an act is not signed on infinity');
SELECT (put_on_control('event', 'pa', '2025-03-03', term => '20 wd', content => 'to be classified', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS raise \gset
SELECT throws_ok(format($$UPDATE instruction SET secrecy = 'state_secret', content = NULL, paper_card_ref = 'PC-20' WHERE id = %s$$, :raise),
  'IC110', NULL, 'R14, R4.5: a PA point raised to state_secret that keeps its completion form is refused');
SELECT lives_ok(format($$UPDATE instruction SET secrecy = 'state_secret', content = NULL, completion_form = NULL, paper_card_ref = 'PC-20' WHERE id = %s$$, :raise),
  'R14: secrecy is raised when the content and the completion form are taken out and a paper card given');

-- ---------------------------------------------------------------------------
-- The journal computes what it records; decided_on is a real, ordered day.
-- ---------------------------------------------------------------------------
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS j \gset
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'c', decided_on => current_date + 1, evidence => '{pa_expert_conclusion}')$$, :j),
  'IC116', 'decision is dated in the future (journal)', 'journal: a decision is not dated after today');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'c', decided_on => '2025-02-28', evidence => '{pa_expert_conclusion}')$$, :j),
  'IC116', 'decision is dated before the instruction was received (R50.3)', 'R50.3: a decision is not dated before receipt');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'c', decided_on => 'infinity', evidence => '{pa_expert_conclusion}')$$, :j),
  '22008', 'decided_on cannot be infinity', 'journal: decided_on is not infinity');
SELECT throws_ok(format($$SELECT extend_deadline(%s, 'infinity', 'head_of_pa', 'c', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}')$$, :j),
  '22008', 'new_due_date cannot be infinity', 'R69.1: an extension to infinity is refused');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2099-06-30', 'head_of_pa', 'c', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}')$$, :j),
  'IC002', NULL, 'R50.3: a deadline outside the working-day calendar is refused when decided');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'c', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')$$, :j),
  'R69.1: the extension dated after receipt is taken');
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', '{official_report}', decided_on => '2025-03-07')$$, :j),
  'IC116', 'decision is dated before the instruction''s latest decision (journal)',
  'journal: a later row cannot be dated before the latest decision');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-19', 'head_of_pa', 'c', 'review', decided_on => '2025-03-12', evidence => '{pa_expert_conclusion}')$$, :j),
  'IC108', 'new deadline is not a working day (R50.3)', 'R50.3: a new deadline on a Saturday is refused, HINT gives the next working day');
SELECT is((pg_temp.err(format($$SELECT extend_deadline(%s, '2025-04-19', 'head_of_pa', 'c', 'review', decided_on => '2025-03-12', evidence => '{pa_expert_conclusion}')$$, :j))).hint,
  'A deadline is a working day; the next working day is 2025-04-21.', 'R50.3: the HINT names the next working day');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-21', 'head_of_pa', E' \u00a0\t', 'review', decided_on => '2025-03-12')$$, :j),
  'IC114', 'decision has no basis (R69.1)', 'R69.1: a basis of white space (U+00A0 too) is not a basis');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-21', 'head_of_pa', 'c', E'\u00a0', decided_on => '2025-03-12', evidence => '{pa_expert_conclusion}')$$, :j),
  'IC102', NULL, 'R72.2: a disciplinary review of white space is not a review');
SELECT is((SELECT count(*)::int FROM decision WHERE instruction_id = :j), 1, 'journal: every refusal left nothing behind');

-- Effective date: the amended rules judge decisions from 2024-02-01 on.
SELECT (put_on_control('act_point', 'pa', '2024-02-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS e \gset
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2024-03-29', 'head_of_pa', 'c', decided_on => '2024-02-05', evidence => '{pa_expert_conclusion}')$$, :e),
  'Decree No. 403: a decision of 2024-02-05 is judged by the amended rules');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2024-01-31', term => '10 wd')$$,
  'IC115', 'instruction was received before the rules entered into force (Decree No. 403)',
  'Decree No. 403: an instruction received before 2024-02-01 is imported, not judged');

-- ---------------------------------------------------------------------------
-- Roadmaps and reports are append-only like the journal.
-- ---------------------------------------------------------------------------
SELECT (put_on_control('act_point', 'pa', '2025-01-06', term => '7 months', new_approaches => true, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS rm \gset
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'executor_only', 'first_head', approved_on => '2025-01-15')$$, :rm),
  'R57: a roadmap is registered');
SELECT throws_ok(format($$UPDATE roadmap SET approved_by = 'president' WHERE instruction_id = %s$$, :rm),
  'IC111', 'roadmap is append-only', 'R57: a judged roadmap is not rewritten');
SELECT throws_ok(format($$DELETE FROM roadmap WHERE instruction_id = %s$$, :rm),
  'IC111', 'roadmap is append-only', 'R57: a judged roadmap is not deleted');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'first quarter', submitted_on => '2025-04-01')$$, :rm),
  'R66-1.1: a report is submitted');
SELECT throws_ok(format($$UPDATE report SET content = 'rewritten' WHERE instruction_id = %s$$, :rm),
  'IC111', 'report is append-only', 'R66-1.1: a submitted report is not rewritten');
SELECT throws_ok($$TRUNCATE report$$, 'IC111', 'report is append-only', 'R66-1.1: reports are not truncated');
SELECT throws_ok(format($$SELECT submit_report(%s, 'intermediate', 'x', submitted_on => 'infinity')$$, :rm),
  '22008', NULL, 'R66-1.1: a report is not dated infinity');

-- ---------------------------------------------------------------------------
-- Putting on control: an explicit due date agrees with the decree.
-- ---------------------------------------------------------------------------
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2026-03-02', term => '10 wd', due_date => '2026-12-31')$$,
  'IC108', 'due date contradicts the term (R50.3)', 'R50.3: a due date contradicting the term is refused');
SELECT is((pg_temp.err($$SELECT put_on_control('act_point', 'pa', '2026-03-02', term => '10 wd', due_date => '2026-12-31', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$)).hint,
  'Leave due_date empty (it is counted from the term), or give the date the term gives: 2026-03-17.',
  'R50.3: the HINT shows the date the term gives');
SELECT is((put_on_control('act_point', 'pa', '2026-03-02', term => '10 wd', due_date => '2026-03-17', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).deadline_source::text,
  'term', 'R50.3: a due date equal to the term''s is taken, source term');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => '2025-05-30')$$,
  'IC108', 'a due date given without a term must say where it comes from (R50.2)', 'R50.2: an explicit date says where it comes from');
SELECT is((put_on_control('act_point', 'pa', '2025-03-03', due_date => '2025-05-30', deadline_source => 'pa', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).deadline_source::text,
  'pa', 'R50.2: the PA sets a deadline where nothing else does');
SELECT throws_ok($$SELECT put_on_control('personal', 'pa', '2025-03-11', signed_on => '2025-03-10', due_date => '2025-06-30', deadline_source => 'resolution')$$,
  'IC108', 'personal instruction would be due later than two weeks after signing (R51)', 'R51: a personal instruction is not due later than two weeks');
SELECT lives_ok($$SELECT put_on_control('personal', 'pa', '2025-03-11', signed_on => '2025-03-10', due_date => '2025-06-30', deadline_source => 'act', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$,
  'R51: unless its text sets another term');
SELECT is((put_on_control('personal', 'pa', '2025-03-11', signed_on => '2025-03-10', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).deadline_source::text,
  'two_weeks', 'R51: without a date, two weeks of signing');
SELECT throws_ok($$SELECT put_on_control('personal', 'pa', '2025-03-07', signed_on => '2025-03-10')$$,
  'IC108', 'instruction is received before it was signed (R50.3)', 'R50.3: receipt before signing is refused');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => '2025-03-22', deadline_source => 'act')$$,
  'IC108', 'due date is not a working day (R50.3)', 'R50.3: a due date on a day off (Nauryz) is refused');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => 'infinity', deadline_source => 'act')$$,
  '22008', 'due_date cannot be infinity', 'R50.3: a due date of infinity is refused');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '-infinity', term => '10 wd')$$,
  '22008', 'received_on cannot be -infinity', 'R50.3: a receipt of -infinity is refused');
WITH x AS (INSERT INTO instruction (kind, level, received_on, term, roadmap_due_date, deadline_source, recorded_by,
                                    pa_unit, completion_form, responsible_body_id)
           VALUES ('act_point', 'pa', '2025-03-03', '10 wd', '2030-01-02', 'pa', 'someone_else',
                   'Бақылау бөлімі', 'ақпарат', (SELECT id FROM state_body WHERE code = 'R45'))
           RETURNING roadmap_due_date, deadline_source, recorded_by)
SELECT is((SELECT (roadmap_due_date, deadline_source, recorded_by = session_user)::text FROM x), '(,term,t)',
  'R56/R50.3: roadmap due date, deadline source and recorder sent by the client are replaced by the computed ones');

-- ---------------------------------------------------------------------------
-- Executors: a junction with foreign keys; R56 counts distinct bodies.
-- ---------------------------------------------------------------------------
SELECT is((SELECT array_agg(role::text || ':' || (body_id = :fin)::text ORDER BY role) FROM instruction_executor WHERE instruction_id = :c),
  ARRAY['co_executor:false', 'responsible:true'], 'R56: the executors are kept with foreign keys');
SELECT throws_ok(format($$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', responsible_body_id => %s, co_executor_ids => ARRAY[%s, %s])$$, :fin, :eco, :eco),
  'IC109', 'co-executors name distinct state bodies other than the responsible one (R56)', 'R56: a co-executor named twice is refused');
SELECT throws_ok(format($$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', responsible_body_id => %s, co_executor_ids => ARRAY[%s])$$, :fin, :fin),
  'IC109', NULL, 'R56: the responsible body is not also a co-executor');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', co_executor_ids => ARRAY[987654321],
                   pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM state_body WHERE code = 'R45'))$$,
  '23503', NULL, 'R56: an unknown body is refused by the foreign key');
SELECT is((put_on_control('act_point', 'pa', '2025-01-06', term => '7 months', responsible_body_id => :fin, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).roadmap_due_date,
  NULL::date, 'R56: one body, more than six months, nothing new: no roadmap');
SELECT is((put_on_control('act_point', 'pa', '2025-01-06', term => '7 months', responsible_body_id => :fin, co_executor_ids => ARRAY[:eco]::bigint[], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).roadmap_due_date,
  '2025-01-21'::date, 'R56: two distinct bodies: a roadmap is due');
SELECT throws_ok(format($$INSERT INTO instruction_executor VALUES (%s, %s, 'co_executor')$$, :c, :gov),
  'IC111', 'executors are fixed when the instruction is put on control (R56)', 'R56: executors are not added around the card');
SELECT throws_ok(format($$DELETE FROM instruction_executor WHERE instruction_id = %s$$, :c),
  'IC111', NULL, 'R56: executors are not removed around the card');

-- ---------------------------------------------------------------------------
-- Readings of the decree.
-- ---------------------------------------------------------------------------
-- R69.2: the President also decides on Security Council instructions.
SELECT (put_on_control('security_council', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS sc \gset
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'president', 'c', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}')$$, :sc),
  'R69.2: the President extends a Security Council instruction');
SELECT (put_on_control('security_council', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS sc2 \gset
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'secretary_sc', 'c', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}')$$, :sc2),
  'R69.2: so does the Secretary of the SC');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'c', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}')$$,
                        (put_on_control('security_council', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id),
  'IC101', 'decider may not take this decision (R69.2)', 'R69.2: the Head of the PA does not');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-05-15', 'president', 'c', decided_on => '2025-03-06', evidence => '{pa_expert_conclusion}')$$, :sc),
  'IC102', 'repeated extension needs the decision on disciplinary responsibility (R72.3)', 'R72.3: a repeated SC extension cites R72.3 in the message');

-- A repeated transfer: the message says transferred; the setting decides whether R72's review is needed.
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS tr \gset
SELECT lives_ok(format($$SELECT transfer_control(%s, 'medium_term', '2025-09-30', 'head_of_pa', 'c', 'external circumstances', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}')$$, :tr),
  'R69.3: the first transfer');
SELECT throws_ok(format($$SELECT transfer_control(%s, 'long_term', '2026-12-30', 'head_of_pa', 'c', 'monitoring the effect', decided_on => '2025-03-06', evidence => '{pa_expert_conclusion}')$$, :tr),
  'IC102', 'repeated transfer needs the decision on disciplinary responsibility (R72.2)', 'R72: a repeated transfer needs the review by default');
SELECT matches((pg_temp.err(format($$SELECT transfer_control(%s, 'long_term', '2026-12-30', 'head_of_pa', 'c', 'monitoring the effect', decided_on => '2025-03-06', evidence => '{pa_expert_conclusion}')$$, :tr))).detail,
  'was already transferred on 2025-03-05', 'R72: the DETAIL says transferred, not extended');
SET instruction_control.repeated_transfer_review = off;
SELECT lives_ok(format($$SELECT transfer_control(%s, 'long_term', '2026-12-30', 'head_of_pa', 'c', 'monitoring the effect', decided_on => '2025-03-06', evidence => '{pa_expert_conclusion}')$$, :tr),
  'R72/R69.4: with repeated_transfer_review off, medium -> long needs no review');
RESET instruction_control.repeated_transfer_review;

-- R74 covers every change of a personal instruction's deadline (documented reading).
SELECT (put_on_control('personal', 'pa', '2025-03-11', signed_on => '2025-03-10', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS p \gset
SELECT throws_ok(format($$SELECT transfer_control(%s, 'medium_term', '2025-09-30', 'head_of_pa', 'c', 'x', decided_on => '2025-03-12', evidence => '{pa_expert_conclusion}')$$, :p),
  'IC101', 'decider may not take this decision (R74)', 'R74: a personal instruction is not transferred by the Head of the PA');
SELECT throws_ok(format($$SELECT set_new_deadline(%s, '2025-09-30', 'head_of_pa', 'c', 'quarantine', decided_on => '2025-03-12', evidence => '{pa_expert_conclusion}')$$, :p),
  'IC101', 'decider may not take this decision (R74)', 'R74/R70.4: nor given a new deadline by him');
SELECT lives_ok(format($$SELECT set_new_deadline(%s, '2025-09-30', 'president', 'c', 'quarantine', decided_on => '2025-03-12', evidence => '{pa_expert_conclusion}')$$, :p),
  'R74/R70.4: the President sets it');

-- R72.1 at every level: a national-plan item at Government level.
SELECT (put_on_control('national_plan', 'government', '2025-03-03', term => '10 wd')).id AS np \gset
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'prime_minister', 'c', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}')$$, :np),
  'R74-1: the first extension at Government level by the Prime Minister');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-05-15', 'prime_minister', 'c', 'review', decided_on => '2025-03-06', evidence => '{pa_expert_conclusion}')$$, :np),
  'IC101', 'decider may not take this decision (R72.1)', 'R72.1: the repeated extension of a national-plan item is the President''s at every level');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-05-15', 'president', 'c', 'review', decided_on => '2025-03-06', evidence => '{pa_expert_conclusion}')$$, :np),
  'R72.1: the President decides it');

-- R42-1.1: records passed down are accepted below PA; personal of local character is registrable.
SELECT (put_on_control('security_council', 'pa', '2025-03-03', term => '20 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS up \gset
-- R42-1.1 (round 3): passed down means the PA's removal on ground control_passed names the receiving body
SELECT remove_from_control(:up, 'control_passed', 'secretary_sc', '{control_passed_decision}', decided_on => '2025-03-04',
                           receiving_body_id => :gov) IS NOT NULL AS passed \gset
SELECT lives_ok(format($$SELECT put_on_control('security_council', 'government', '2025-03-04', term => '10 wd', upper_record_id => %s, controlling_body_id => %s)$$, :up, :gov),
  'R42-1.1/R75(4): a record of control passed down by the PA is accepted at Government level');
SELECT throws_ok(format($$SELECT put_on_control('security_council', 'pa', '2025-03-04', term => '10 wd', upper_record_id => %s)$$,
                        (put_on_control('act_point', 'central', '2025-03-03', term => '10 wd')).id),
  'IC107', 'the upper record of a point is held at a higher level (R42-1.4, R79)', 'R79: the upper record is at a higher level');
SELECT lives_ok($$SELECT put_on_control('personal', 'central', '2025-03-11', signed_on => '2025-03-10', local_character => true)$$,
  'R42-1.2: a personal instruction of local character is registered below PA');
SELECT throws_ok($$SELECT put_on_control('personal', 'central', '2025-03-11', signed_on => '2025-03-10')$$,
  'IC107', NULL, 'R42-1.1: a personal instruction is first placed at PA level');

-- Labels
SELECT is(label('new_deadline_reason', 'emergency', 'kk'), 'Төтенше ахуал', 'R70.4: kk label of an emergency situation');
SELECT is(label('decider', 'head_of_government_office', 'kk'), 'Үкімет Аппаратының Басшысы', 'labels: Head of the Government Office in Kazakh');
SELECT is(label('decider', 'head_of_government_office', 'ru'), 'Руководитель Аппарата Правительства', 'labels: Head of the Government Office in Russian');
SELECT is(label('removal_ground', 'executed', 'ru'), 'Полное и качественное исполнение', 'R75(1): ru label');

SELECT * FROM finish();
ROLLBACK;
