-- The API's write calls in C (issue 19): the calls that are one INSERT (put_on_control(),
-- submit_report(), register_roadmap(), the imports, the drafts' calls, take_control_measure(),
-- coordinate_instruction(), sign_annual_summary()), whose INSERT is prepared once per backend,
-- and transfer_control(), set_new_deadline() and remove_from_control(), each a batch of one as
-- extend_deadline() is.  Each must do exactly what the INSERT it replaces does.
-- Every case below is played twice -- the call, and the INSERT of the same values -- in a
-- subtransaction rolled back after it, and the outcomes must be equal: the stored row (and,
-- for a decision, the instruction after it), less the ids and times a write takes, or the
-- error (SQLSTATE, message, detail, hint).  The cases are played by the superuser, by a LOGIN
-- role holding ic_controller (row-level security: control_all) and by one holding ic_reader
-- (no INSERT), so a case added to the table is compared three times without anyone writing a
-- test for it.  Cases cover R14, R20, R21, R24, R33, R42-1.1, R43-1, R48, R50.3, R51, R56,
-- R59, R66-2, R69.1, R69.3, R69.4, R70.4, R72.2, R74-R79, R75-1 and the hostile values of a call (NULL, an unknown or huge id, a day at
-- infinity, a text over its limit).
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(14);

INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
INSERT INTO state_body (code, name, body_type) VALUES ('calls-gov', 'Government office', 'government') RETURNING id AS gov \gset
SELECT id AS r45 FROM state_body WHERE code = 'R45' \gset
INSERT INTO act (act_type, number, signed_on) VALUES ('decree', 'calls-1', '2025-02-28') RETURNING id AS act \gset
-- PA level: fresh, extended once, removed
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', act_id => :act, point => '1', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM state_body WHERE code = 'R45'))).id AS pa \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', act_id => :act, point => '2', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM state_body WHERE code = 'R45'))).id AS extended \gset
SELECT extend_deadline(:extended, '2025-05-15', 'head_of_pa', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}') IS NOT NULL AS ok \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', act_id => :act, point => '3', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM state_body WHERE code = 'R45'))).id AS removed \gset
SELECT remove_from_control(:removed, 'executed', 'head_of_pa', '{official_report}', decided_on => '2025-03-12') IS NOT NULL AS ok \gset
-- below PA level: a point the PA holds (R79) and one it does not
SELECT (put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', act_id => :act, point => '1')).id AS own \gset
SELECT (put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', act_id => :act, point => '9')).id AS central \gset
-- a Security Council instruction (R74: its Secretary decides) and a personal one (R51, R74, R77)
SELECT (put_on_control('security_council', 'pa', '2025-03-03', term => '20 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM state_body WHERE code = 'R45'))).id AS sc \gset
SELECT (put_on_control('personal', 'government', '2025-03-03', signed_on => '2025-03-03', local_character => true)).id AS personal \gset

-- The cases: each a call and the INSERT of the same values, generated from one row.
CREATE TEMP TABLE call_case (n serial, fn text, what text, instruction bigint, call_sql text, insert_sql text);

INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'transfer_control', v.what, v.i,
       format('SELECT * FROM instruction_control.transfer_control(%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L)',
              v.i, v.regime, v.due, v.by, v.basis, v.reason, v.review, v.on_, v.paper, v.ev, v.evref),
       format('INSERT INTO instruction_control.decision (instruction_id, kind, new_regime, new_due_date, decided_by, basis, reason, disciplinary_review, decided_on, paper_ref, evidence, evidence_ref) VALUES (%L, ''transfer'', %L, %L, %L, %L, %L, %L, %L, %L, %L, %L) RETURNING *',
              v.i, v.regime, v.due, v.by, v.basis, v.reason, v.review, v.on_, v.paper, v.ev, v.evref)
  FROM (VALUES
    ('R69.3 medium-term', :pa, 'medium_term', '2025-12-30', 'head_of_pa', 'conclusion', 'external circumstances', NULL, '2025-03-10', 'p-1', '{pa_expert_conclusion}', 'ref 1'),
    ('R69.4 long-term, roadmap due (R59)', :pa, 'long_term', '2027-12-30', 'president', 'conclusion', 'effect on strategic indicators', NULL, '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('R69.3 no reason', :pa, 'medium_term', '2025-12-30', 'head_of_pa', 'conclusion', NULL, NULL, '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('R69.3 back to regular', :pa, 'regular', '2025-12-30', 'head_of_pa', 'conclusion', 'sanctions', NULL, '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('R69.1 no evidence', :pa, 'medium_term', '2025-12-30', 'head_of_pa', 'conclusion', 'external circumstances', NULL, '2025-03-10', NULL, '{}', NULL),
    ('R69.1 evidence NULL', :pa, 'medium_term', '2025-12-30', 'head_of_pa', 'conclusion', 'external circumstances', NULL, '2025-03-10', NULL, NULL, NULL),
    ('R72.2 after an extension, no review', :extended, 'medium_term', '2025-12-30', 'head_of_pa', 'conclusion', 'external circumstances', NULL, '2025-03-11', NULL, '{pa_expert_conclusion}', NULL),
    ('R72.2 after an extension, with review', :extended, 'medium_term', '2025-12-30', 'head_of_pa', 'conclusion', 'external circumstances', 'order 7', '2025-03-11', NULL, '{pa_expert_conclusion}', NULL),
    ('R74 a decider not allowed', :pa, 'medium_term', '2025-12-30', 'pa_unit_head', 'conclusion', 'external circumstances', NULL, '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('R74 the Secretary of the Security Council', :sc, 'medium_term', '2025-12-30', 'secretary_sc', 'conclusion', 'external circumstances', NULL, '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('R74 a personal instruction by the Prime Minister', :personal, 'medium_term', '2025-09-30', 'prime_minister', 'c', 'external circumstances', NULL, '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('R75 a removed instruction', :removed, 'medium_term', '2025-12-30', 'head_of_pa', 'conclusion', 'external circumstances', NULL, '2025-03-13', NULL, '{pa_expert_conclusion}', NULL),
    ('a new deadline before the old one', :pa, 'medium_term', '2025-03-05', 'head_of_pa', 'conclusion', 'external circumstances', NULL, '2025-03-04', NULL, '{pa_expert_conclusion}', NULL),
    ('a decision dated at infinity', :pa, 'medium_term', '2025-12-30', 'head_of_pa', 'conclusion', 'external circumstances', NULL, 'infinity', NULL, '{pa_expert_conclusion}', NULL),
    ('a NULL day of decision', :pa, 'medium_term', '2025-12-30', 'head_of_pa', 'conclusion', 'external circumstances', NULL, NULL, NULL, '{pa_expert_conclusion}', NULL),
    ('a NULL instruction', NULL, 'medium_term', '2025-12-30', 'head_of_pa', 'conclusion', 'external circumstances', NULL, '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('an unknown instruction', 9223372036854775807, 'medium_term', '2025-12-30', 'head_of_pa', 'conclusion', 'external circumstances', NULL, '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('a basis over its limit', :pa, 'medium_term', '2025-12-30', 'head_of_pa', repeat('b', 10001), 'external circumstances', NULL, '2025-03-10', NULL, '{pa_expert_conclusion}', NULL)
  ) AS v(what, i, regime, due, by, basis, reason, review, on_, paper, ev, evref);

INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'set_new_deadline', v.what, v.i,
       format('SELECT * FROM instruction_control.set_new_deadline(%L, %L, %L, %L, %L, %L, %L, %L, %L)',
              v.i, v.due, v.by, v.basis, v.reason, v.on_, v.paper, v.ev, v.evref),
       format('INSERT INTO instruction_control.decision (instruction_id, kind, new_due_date, decided_by, basis, reason, decided_on, paper_ref, evidence, evidence_ref) VALUES (%L, ''new_deadline'', %L, %L, %L, %L, %L, %L, %L, %L) RETURNING *',
              v.i, v.due, v.by, v.basis, v.reason, v.on_, v.paper, v.ev, v.evref)
  FROM (VALUES
    ('R70.4 a quarantine', :pa, '2025-06-16', 'head_of_pa', 'letter of the ministry', 'quarantine', '2025-03-10', 'p-2', '{pa_expert_conclusion}', 'ref 2'),
    ('R70.4 an executor''s letter', :pa, '2025-06-16', 'head_of_pa', 'letter', 'emergency', '2025-03-10', NULL, '{executor_letter}', NULL),
    ('R70.4 no reason', :pa, '2025-06-16', 'head_of_pa', 'letter', NULL, '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('R70.4 an empty basis, no evidence', :pa, '2025-06-16', 'head_of_pa', '', 'quarantine', '2025-03-10', NULL, '{}', NULL),
    ('R70.4 after an extension', :extended, '2025-06-16', 'head_of_pa', 'letter', 'quarantine', '2025-03-11', NULL, '{pa_expert_conclusion}', NULL),
    ('R74 the Security Council''s Secretary', :sc, '2025-06-16', 'secretary_sc', 'c', 'quarantine', '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('R74 not the Head of the PA for the Security Council', :sc, '2025-06-16', 'head_of_pa', 'c', 'quarantine', '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('R75 a removed instruction', :removed, '2025-06-16', 'head_of_pa', 'letter', 'quarantine', '2025-03-13', NULL, '{pa_expert_conclusion}', NULL),
    ('a NULL new deadline', :pa, NULL, 'head_of_pa', 'letter', 'quarantine', '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('an unknown instruction', -1, '2025-06-16', 'head_of_pa', 'letter', 'quarantine', '2025-03-10', NULL, '{pa_expert_conclusion}', NULL),
    ('a decision dated in the future', :pa, '2025-06-16', 'head_of_pa', 'letter', 'quarantine', '9999-12-31', NULL, '{pa_expert_conclusion}', NULL)
  ) AS v(what, i, due, by, basis, reason, on_, paper, ev, evref);

INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'remove_from_control', v.what, v.i,
       format('SELECT * FROM instruction_control.remove_from_control(%L, %L, %L, %L, %L, %L, %L, %L)',
              v.i, v.ground, v.by, v.ev, v.evref, v.on_, v.receiving, v.paper),
       format('INSERT INTO instruction_control.decision (instruction_id, kind, ground, decided_by, evidence, evidence_ref, decided_on, receiving_body_id, paper_ref) VALUES (%L, ''removal'', %L, %L, %L, %L, %L, %L, %L) RETURNING *',
              v.i, v.ground, v.by, v.ev, v.evref, v.on_, v.receiving, v.paper)
  FROM (VALUES
    ('R75 executed', :pa, 'executed', 'head_of_pa', '{official_report}', 'report No. 5', '2025-03-17', NULL, 'p-3'),
    ('R76-1 no evidence', :pa, 'executed', 'head_of_pa', '{}', NULL, '2025-03-17', NULL, NULL),
    ('R76-1 evidence NULL', :pa, 'executed', 'head_of_pa', NULL, NULL, '2025-03-17', NULL, NULL),
    ('R75 no ground', :pa, NULL, 'head_of_pa', '{official_report}', NULL, '2025-03-17', NULL, NULL),
    ('R75 control passed, no receiving body', :pa, 'control_passed', 'head_of_pa', '{control_passed_decision}', NULL, '2025-03-17', NULL, NULL),
    ('R75 control passed to a body', :pa, 'control_passed', 'head_of_pa', '{control_passed_decision}', NULL, '2025-03-17', :gov, NULL),
    ('R75 control passed to an unknown body', :pa, 'control_passed', 'head_of_pa', '{control_passed_decision}', NULL, '2025-03-17', 9223372036854775807, NULL),
    ('R76.1 a decider not allowed', :pa, 'executed', 'pa_unit_head', '{official_report}', NULL, '2025-03-17', NULL, NULL),
    ('R77 a personal instruction by the Prime Minister', :personal, 'executed', 'prime_minister', '{official_report}', NULL, '2025-03-17', NULL, NULL),
    ('R77 a personal instruction by the President', :personal, 'executed', 'president', '{official_report}', NULL, '2025-03-17', NULL, NULL),
    ('R79 the PA holds the point', :own, 'executed', 'first_head', '{official_report}', NULL, '2025-03-17', NULL, NULL),
    ('R79 a point the PA does not hold', :central, 'executed', 'first_head', '{official_report}', NULL, '2025-03-17', NULL, NULL),
    ('R75 removed twice', :removed, 'executed', 'head_of_pa', '{official_report}', NULL, '2025-03-17', NULL, NULL),
    ('a removal before receipt', :pa, 'executed', 'head_of_pa', '{official_report}', NULL, '2025-01-01', NULL, NULL),
    ('a NULL instruction', NULL, 'executed', 'head_of_pa', '{official_report}', NULL, '2025-03-17', NULL, NULL)
  ) AS v(what, i, ground, by, ev, evref, on_, receiving, paper);

-- put_on_control(): each argument into its column (26 of them, in the order of the arguments)
INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'put_on_control', v.what, NULL,
       format('SELECT * FROM instruction_control.put_on_control(%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L)',
              v.kind, v.level, v.received, v.term, v.due, v.content, v.act, v.point, v.signed, v.resp, v.coexec, v.ctrl,
              v.unit, v.form, NULL, NULL, v.secrecy, v.paper, false, false, false, v.period, NULL, v.ext, v.src, v.upper),
       format('INSERT INTO instruction_control.instruction (kind, level, received_on, term, due_date, content, act_id, point, signed_on, responsible_body_id, co_executor_ids, controlling_body_id, pa_unit, completion_form, final_result, category, secrecy, paper_card_ref, local_character, public_resonance, new_approaches, reporting_period, parent_id, external_ref, deadline_source, upper_record_id) VALUES (%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L) RETURNING *',
              v.kind, v.level, v.received, v.term, v.due, v.content, v.act, v.point, v.signed, v.resp, v.coexec, v.ctrl,
              v.unit, v.form, NULL, NULL, v.secrecy, v.paper, false, false, false, v.period, NULL, v.ext, v.src, v.upper)
  FROM (VALUES
    ('R50.3 a PA point, term in working days', 'act_point', 'pa', '2025-03-03', '20 wd', NULL, 'c', :act, '5', NULL, :r45, '{}', NULL, 'Бақылау бөлімі', 'ақпарат', 'none', NULL, 'monthly', 'ext-1', NULL, NULL),
    ('R50.1 a central point, the act''s deadline', 'act_point', 'central', '2025-03-04', NULL, '2025-04-30', 'c', :act, '6', NULL, NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, NULL, 'act'),
    ('R50.2 a deadline without its source', 'act_point', 'central', '2025-03-04', NULL, '2025-04-30', 'c', :act, '6', NULL, NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, NULL, NULL),
    ('R50.2 neither term nor deadline', 'act_point', 'central', '2025-03-04', NULL, NULL, 'c', :act, '7', NULL, NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, NULL, NULL),
    ('R51 a personal instruction, two weeks from signing', 'personal', 'pa', '2025-03-03', NULL, NULL, 'c', NULL, NULL, '2025-03-03', :r45, '{}', NULL, 'Бақылау бөлімі', 'ақпарат', 'none', NULL, NULL, NULL, NULL, NULL),
    ('R42-1.1 a personal instruction below PA level', 'personal', 'government', '2025-03-03', NULL, NULL, 'c', NULL, NULL, '2025-03-03', NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, NULL, NULL),
    ('R14 a state secret with its paper card', 'act_point', 'central', '2025-03-04', '10 wd', NULL, NULL, :act, '8', NULL, NULL, '{}', NULL, NULL, NULL, 'state_secret', 'card 7', NULL, NULL, NULL, NULL),
    ('R14 a state secret with its text', 'act_point', 'central', '2025-03-04', '10 wd', NULL, 'the secret', :act, '9', NULL, NULL, '{}', NULL, NULL, NULL, 'state_secret', 'card 8', NULL, NULL, NULL, NULL),
    ('R42-1.1 a record passed down', 'act_point', 'organisation', '2025-03-05', '5 wd', NULL, 'c', :act, '1', NULL, NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, :own, NULL),
    ('R42-1.1 an unknown upper record', 'act_point', 'organisation', '2025-03-05', '5 wd', NULL, 'c', :act, '1', NULL, NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, 9223372036854775807, NULL),
    ('an unknown act', 'act_point', 'central', '2025-03-04', '10 wd', NULL, 'c', 9223372036854775807, '1', NULL, NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, NULL, NULL),
    ('co-executors with a NULL among them', 'act_point', 'central', '2025-03-04', '10 wd', NULL, 'c', :act, '10', NULL, NULL, ARRAY[:r45, NULL]::bigint[], NULL, NULL, NULL, 'none', NULL, NULL, NULL, NULL, NULL),
    ('a controlling body', 'act_point', 'central', '2025-03-04', '10 wd', NULL, 'c', :act, '11', NULL, :r45, '{}', :gov, NULL, NULL, 'none', NULL, NULL, NULL, NULL, NULL),
    ('received at infinity', 'act_point', 'central', 'infinity', '10 wd', NULL, 'c', :act, '12', NULL, NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, NULL, NULL),
    ('received in the future', 'act_point', 'central', '9999-12-31', '10 wd', NULL, 'c', :act, '13', NULL, NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, NULL, NULL),
    ('a NULL kind', NULL, 'central', '2025-03-04', '10 wd', NULL, 'c', :act, '14', NULL, NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, NULL, NULL),
    ('a content over its limit', 'act_point', 'central', '2025-03-04', '10 wd', NULL, repeat('c', 10001), :act, '15', NULL, NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, NULL, NULL),
    ('R4.5 a PA point without its PA fields', 'act_point', 'pa', '2025-03-03', '20 wd', NULL, 'c', :act, '16', NULL, NULL, '{}', NULL, NULL, NULL, 'none', NULL, NULL, NULL, NULL, NULL)
  ) AS v(what, kind, level, received, term, due, content, act, point, signed, resp, coexec, ctrl, unit, form, secrecy, paper, period, ext, upper, src);

-- submit_report(): each argument into its column (R66-1, R66-3.5, R67, R72.4)
INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'submit_report', v.what, v.i,
       format('SELECT * FROM instruction_control.submit_report(%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L)',
              v.i, v.kind, v.content, v.body, v.addressee, v.period_end, v.on_, v.doc, v.signed_by, NULL, NULL),
       format('INSERT INTO instruction_control.report (instruction_id, kind, content, submitted_by_body_id, addressee, period_end, submitted_on, document_ref, signed_by, signed_by_person_id, resolution_addressee) VALUES (%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L) RETURNING *',
              v.i, v.kind, v.content, v.body, v.addressee, v.period_end, v.on_, v.doc, v.signed_by, NULL, NULL)
  FROM (VALUES
    ('R66-1 an intermediate report', :pa, 'intermediate', 'half done', NULL, NULL, '2025-03-31', '2025-04-01', 'doc-1', NULL),
    ('R66-1 a final report', :pa, 'final', 'done', :r45, NULL, NULL, '2025-04-02', NULL, NULL),
    ('R66-3.5 a risk report', :pa, 'risk', 'contractor late', NULL, 'head_of_pa', NULL, '2025-04-02', NULL, NULL),
    ('R72.4 measures without a repeated extension', :pa, 'measures', 'measures taken', NULL, NULL, NULL, '2025-04-02', NULL, NULL),
    ('R67 signed by the first head', :pa, 'intermediate', 'q1', :r45, NULL, '2025-03-31', '2025-04-01', NULL, 'first_head'),
    ('R67 signed by the Prime Minister for a central body', :pa, 'intermediate', 'q1', :r45, NULL, '2025-03-31', '2025-04-01', NULL, 'prime_minister'),
    ('R75 a report on a removed instruction', :removed, 'intermediate', 'late', NULL, NULL, '2025-03-31', '2025-04-01', NULL, NULL),
    ('submitted at infinity', :pa, 'intermediate', 'x', NULL, NULL, NULL, 'infinity', NULL, NULL),
    ('submitted in the future', :pa, 'intermediate', 'x', NULL, NULL, NULL, '9999-12-31', NULL, NULL),
    ('an unknown instruction', 9223372036854775807, 'intermediate', 'x', NULL, NULL, NULL, '2025-04-01', NULL, NULL),
    ('a NULL kind', :pa, NULL, 'x', NULL, NULL, NULL, '2025-04-01', NULL, NULL),
    ('a content over its limit', :pa, 'intermediate', repeat('x', 10001), NULL, NULL, NULL, '2025-04-01', NULL, NULL)
  ) AS v(what, i, kind, content, body, addressee, period_end, on_, doc, signed_by);

-- register_roadmap(): each argument into its column (R56, R57, R59)
INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'register_roadmap', v.what, v.i,
       format('SELECT * FROM instruction_control.register_roadmap(%L, %L, %L, %L, %L, %L, %L, %L, %L, %L)',
              v.i, v.drafter, v.approved_by, NULL, v.approved_on, v.touches, false, v.agreed, v.doc, v.submitted),
       format('INSERT INTO instruction_control.roadmap (instruction_id, drafter, approved_by, drafted_by_body_id, approved_on, touches_government_powers, agreed_with_prime_minister, agreed_with_pa_on, document_ref, submitted_to_pa_on) VALUES (%L, %L, %L, %L, %L, %L, %L, %L, %L, %L) RETURNING *',
              v.i, v.drafter, v.approved_by, NULL, v.approved_on, v.touches, false, v.agreed, v.doc, v.submitted)
  FROM (VALUES
    ('R57 an executor''s roadmap', :central, 'executor_only', 'first_head', '2025-03-10', false, NULL, 'RM-1', NULL),
    ('R57 an interdepartmental roadmap not approved by a Deputy Prime Minister', :central, 'central_interdepartmental', 'first_head', '2025-03-10', false, NULL, NULL, NULL),
    ('R57 an interdepartmental roadmap approved by a Deputy Prime Minister', :central, 'central_interdepartmental', 'deputy_prime_minister', '2025-03-10', false, NULL, NULL, NULL),
    ('R57 outside the Government, touching its powers', :central, 'central_outside_government', 'first_head', '2025-03-10', true, NULL, NULL, NULL),
    ('R57 agreed with the PA before its submission', :central, 'executor_only', 'first_head', '2025-03-10', false, '2025-03-11', NULL, NULL),
    ('R57 submitted to and agreed with the PA', :central, 'executor_only', 'first_head', '2025-03-12', false, '2025-03-12', NULL, '2025-03-11'),
    ('approved at infinity', :central, 'executor_only', 'first_head', 'infinity', false, NULL, NULL, NULL),
    ('an unknown instruction', -7, 'executor_only', 'first_head', '2025-03-10', false, NULL, NULL, NULL),
    ('a NULL drafter', :central, NULL, 'first_head', '2025-03-10', false, NULL, NULL, NULL)
  ) AS v(what, i, drafter, approved_by, approved_on, touches, agreed, doc, submitted);

-- import_instruction() and import_decision(): history, imported = true (IC117; R74, R77 still hold)
INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'import_instruction', v.what, NULL,
       format('SELECT * FROM instruction_control.import_instruction(%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L)',
              v.kind, v.level, v.received, v.due, 'c', NULL, NULL, v.signed, NULL, NULL, '{}', NULL, 'none', NULL, v.ext, NULL, v.in_force),
       format('INSERT INTO instruction_control.instruction (kind, level, received_on, due_date, content, act_id, point, signed_on, term, responsible_body_id, co_executor_ids, category, secrecy, paper_card_ref, external_ref, upper_record_id, imported, imported_in_force) VALUES (%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, true, %L) RETURNING *',
              v.kind, v.level, v.received, v.due, 'c', NULL, NULL, v.signed, NULL, NULL, '{}', NULL, 'none', NULL, v.ext, NULL, v.in_force)
  FROM (VALUES
    ('IC117 history before 2024-02-01', 'act_point', 'pa', '2019-03-01', '2019-03-15', NULL, 'IMP-1', false),
    ('IC117 received after 2024-02-01 without in_force', 'act_point', 'pa', '2024-03-01', '2024-04-01', NULL, 'IMP-2', false),
    ('IC117 received after 2024-02-01, in force', 'act_point', 'pa', '2024-03-01', '2024-04-01', NULL, 'IMP-3', true),
    ('a personal instruction of 2019', 'personal', 'pa', '2019-05-06', '2019-05-20', '2019-05-06', 'IMP-4', false),
    ('a NULL due date', 'act_point', 'pa', '2019-03-01', NULL, NULL, 'IMP-5', false)
  ) AS v(what, kind, level, received, due, signed, ext, in_force);

SELECT (import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15', external_ref => 'IMP-0')).id AS old \gset
INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'import_decision', v.what, v.i,
       format('SELECT * FROM instruction_control.import_decision(%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L)',
              v.i, v.kind, v.on_, v.by, v.due, NULL, v.ground, NULL, NULL, '{}', NULL, NULL, v.in_force),
       format('INSERT INTO instruction_control.decision (instruction_id, kind, decided_on, decided_by, new_due_date, new_regime, ground, basis, reason, evidence, evidence_ref, disciplinary_review, imported, imported_in_force) VALUES (%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, true, %L) RETURNING *',
              v.i, v.kind, v.on_, v.by, v.due, NULL, v.ground, NULL, NULL, '{}', NULL, NULL, v.in_force)
  FROM (VALUES
    ('IC117 an extension of 2019', :old, 'extension', '2019-03-12', 'head_of_pa', '2019-04-15', NULL, false),
    ('IC117 a removal of 2019', :old, 'removal', '2019-03-14', 'head_of_pa', NULL, 'executed', false),
    ('IC117 on an instruction with live decisions', :extended, 'extension', '2019-03-12', 'head_of_pa', '2019-04-15', NULL, false),
    ('IC117 dated after 2024-02-01 on a live instruction', :pa, 'extension', '2025-03-12', 'head_of_pa', '2025-06-15', NULL, true),
    ('an unknown instruction', 9223372036854775807, 'extension', '2019-03-12', 'head_of_pa', '2019-04-15', NULL, false)
  ) AS v(what, i, kind, on_, by, due, ground, in_force);

-- the drafts' calls (R14, R20, R21, R24, R30, R33): a draft received, then its steps
SELECT (receive_draft('act', :r45, 'first_head', '2025-03-03', 'Decree draft', 'text')).id AS act_draft \gset
SELECT (receive_draft('instruction_draft', :r45, 'first_head', '2025-03-03', 'Instruction draft', 'text')).id AS instr_draft \gset
SELECT (receive_draft('act', :gov, 'prime_minister', '2025-03-03', 'Signed draft', 'text')).id AS closed_draft \gset
SELECT (agree_draft(:closed_draft, '2025-03-04')).id IS NOT NULL AS ok \gset
SELECT count(*) > 0 AS ok FROM (SELECT visa_draft(:closed_draft, v, 'electronic', '2025-03-05')
                                  FROM unnest(ARRAY['pa_unit_head', 'general_department_head', 'state_counsellor', 'head_of_pa']::visa_position[]) AS v) x \gset
INSERT INTO draft_step (draft_id, step, on_date, basis) VALUES (:closed_draft, 'withdrawn', '2025-03-06', 'withdrawn by the Government');
INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'receive_draft', v.what, NULL,
       format('SELECT * FROM instruction_control.receive_draft(%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L)',
              v.kind, v.body, v.signatory, v.received, v.title, v.content, v.secrecy, v.channel, v.paper_reason, v.card, v.plan, v.ext),
       format('INSERT INTO instruction_control.draft (kind, submitted_by_body_id, signatory, received_on, title, content, secrecy, channel, paper_reason, paper_card_ref, national_plan, external_ref) VALUES (%L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L, %L) RETURNING *',
              v.kind, v.body, v.signatory, v.received, v.title, v.content, v.secrecy, v.channel, v.paper_reason, v.card, v.plan, v.ext)
  FROM (VALUES
    ('R13 an act''s draft through the EDMS', 'act', :r45, 'first_head', '2025-03-03', 't', 'c', 'none', 'electronic', NULL, NULL, false, 'DR-1'),
    ('R20 a planning act of a national plan', 'planning_act', :gov, 'prime_minister', '2025-03-03', 't', 'c', 'none', 'electronic', NULL, NULL, true, NULL),
    ('R14 the Government through a first head', 'act', :gov, 'first_head', '2025-03-03', 't', 'c', 'none', 'electronic', NULL, NULL, false, NULL),
    ('R14 a state secret on paper, requisites only', 'instruction_draft', :r45, 'first_head', '2025-03-03', NULL, NULL, 'state_secret', 'paper', NULL, 'card 1', false, NULL),
    ('R14 a state secret with its text', 'instruction_draft', :r45, 'first_head', '2025-03-03', 't', 'c', 'state_secret', 'paper', NULL, 'card 2', false, NULL),
    ('R14 restricted information on paper without its reason', 'act', :r45, 'first_head', '2025-03-03', 't', 'c', 'restricted', 'paper', NULL, NULL, false, NULL),
    ('received in the future', 'act', :r45, 'first_head', '9999-12-31', 't', 'c', 'none', 'electronic', NULL, NULL, false, NULL),
    ('received at infinity', 'act', :r45, 'first_head', 'infinity', 't', 'c', 'none', 'electronic', NULL, NULL, false, NULL),
    ('an unknown body', 'act', 9223372036854775807, 'first_head', '2025-03-03', 't', 'c', 'none', 'electronic', NULL, NULL, false, NULL),
    ('a NULL kind', NULL, :r45, 'first_head', '2025-03-03', 't', 'c', 'none', 'electronic', NULL, NULL, false, NULL)
  ) AS v(what, kind, body, signatory, received, title, content, secrecy, channel, paper_reason, card, plan, ext);

INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'refine_draft', v.what, NULL,
       format('SELECT * FROM instruction_control.refine_draft(%L, %L, %L, %L, %L)', v.d, v.basis, v.on_, v.by, v.days),
       format('INSERT INTO instruction_control.draft_step (draft_id, step, basis, on_date, decided_by, term_days) VALUES (%L, ''refinement'', %L, %L, %L, %L) RETURNING *',
              v.d, v.basis, v.on_, v.by, v.days)
  FROM (VALUES
    ('R21 five working days', :act_draft, 'objections', '2025-03-05', NULL, NULL),
    ('R21 another term set by the Head of the PA', :act_draft, 'objections', '2025-03-05', 'head_of_pa', 12),
    ('R21 another term set by one R21 does not name', :act_draft, 'objections', '2025-03-05', 'pa_unit_head', 12),
    ('R21 a draft instruction is not refined', :instr_draft, 'objections', '2025-03-05', NULL, NULL),
    ('a term over its limit', :act_draft, 'objections', '2025-03-05', 'head_of_pa', 251),
    ('a step before receipt', :act_draft, 'objections', '2025-03-01', NULL, NULL),
    ('a step of a withdrawn draft', :closed_draft, 'objections', '2025-03-07', NULL, NULL),
    ('an unknown draft', 9223372036854775807, 'objections', '2025-03-05', NULL, NULL)
  ) AS v(what, d, basis, on_, by, days);

INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'agree_draft', v.what, NULL,
       format('SELECT * FROM instruction_control.agree_draft(%L, %L, %L, %L, %L, %L, %L, %L, %L, %L)',
              v.d, v.on_, v.c1, v.c2, v.c3, v.c4, v.c5, v.c6, v.dup, v.basis),
       format('INSERT INTO instruction_control.draft_step (draft_id, step, on_date, r30_worked_out, r30_strategic, r30_result, r30_deadlines, r30_feasible, r30_autonomy, r33_no_duplicate, basis) VALUES (%L, ''agreed'', %L, %L, %L, %L, %L, %L, %L, %L, %L) RETURNING *',
              v.d, v.on_, v.c1, v.c2, v.c3, v.c4, v.c5, v.c6, v.dup, v.basis)
  FROM (VALUES
    ('R33 a draft instruction, the R30 checklist met', :instr_draft, '2025-03-05', true, true, true, true, true, true, true, 'agreed'),
    ('R33 the checklist not met (R30 item 5)', :instr_draft, '2025-03-05', true, true, true, true, false, true, true, NULL),
    ('R33 the duplicate check left out', :instr_draft, '2025-03-05', true, true, true, true, true, true, NULL, NULL),
    ('R20 an act''s draft without the checklist', :act_draft, '2025-03-05', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    ('R33 the checklist on an act''s draft', :act_draft, '2025-03-05', true, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    ('agreed in the future', :act_draft, '9999-12-31', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    ('a NULL draft', NULL, '2025-03-05', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
  ) AS v(what, d, on_, c1, c2, c3, c4, c5, c6, dup, basis);

INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'return_draft', v.what, NULL,
       format('SELECT * FROM instruction_control.return_draft(%L, %L, %L)', v.d, v.basis, v.on_),
       format('INSERT INTO instruction_control.draft_step (draft_id, step, basis, on_date) VALUES (%L, ''returned'', %L, %L) RETURNING *', v.d, v.basis, v.on_)
  FROM (VALUES
    ('returned with its shortcomings', :instr_draft, 'no deadlines (R30 item 4)', '2025-03-05'),
    ('returned without a basis', :instr_draft, NULL, '2025-03-05'),
    ('returned with a blank basis', :instr_draft, E' \u200B', '2025-03-05'),
    ('a basis over its limit', :instr_draft, repeat('b', 10001), '2025-03-05'),
    ('returned at infinity', :instr_draft, 'x', '-infinity')
  ) AS v(what, d, basis, on_);

INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'visa_draft', v.what, NULL,
       format('SELECT * FROM instruction_control.visa_draft(%L, %L, %L, %L)', v.d, v.pos, v.medium, v.on_),
       format('INSERT INTO instruction_control.draft_step (draft_id, step, visa_position, medium, on_date) VALUES (%L, ''visa'', %L, %L, %L) RETURNING *', v.d, v.pos, v.medium, v.on_)
  FROM (VALUES
    ('R24 the State Counsellor electronically', :act_draft, 'state_counsellor', 'electronic', '2025-03-05'),
    ('R24 the State Counsellor on paper', :act_draft, 'state_counsellor', 'paper', '2025-03-05'),
    ('R33 a visa on a draft instruction', :instr_draft, 'pa_unit_head', 'paper', '2025-03-05'),
    ('a NULL medium', :act_draft, 'head_of_pa', NULL, '2025-03-05'),
    ('an unknown position', :act_draft, 'minister', 'paper', '2025-03-05')
  ) AS v(what, d, pos, medium, on_);

-- take_control_measure() (R43-1, R47, R66-2), coordinate_instruction() (R48), sign_annual_summary() (R75-1)
INSERT INTO state_body (code, name, body_type) VALUES ('calls-mfa', 'Ministry of Foreign Affairs', 'central') RETURNING id AS mfa \gset
INSERT INTO body_function (body_id, function) VALUES (:mfa, 'foreign_affairs') ON CONFLICT (function) DO UPDATE SET body_id = excluded.body_id;
SELECT (put_on_control('event', 'central', '2025-03-04', term => '10 wd', content => 'after the summit')).id AS event \gset
INSERT INTO person (name, body_id) VALUES ('First head of R45', :r45) RETURNING id AS head \gset
INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'take_control_measure', v.what, v.i,
       format('SELECT * FROM instruction_control.take_control_measure(%L, %L, %L, %L, %L, %L, %L, %L, %L)',
              v.i, v.kind, v.body, v.on_, v.outcome, v.basis, v.planned, v.schedule, v.doc),
       format('INSERT INTO instruction_control.control_measure (instruction_id, kind, taken_by_body_id, taken_on, outcome, basis, planned, schedule_ref, document_ref) VALUES (%L, %L, %L, %L, %L, %L, %L, %L, %L) RETURNING *',
              v.i, v.kind, v.body, v.on_, v.outcome, v.basis, v.planned, v.schedule, v.doc)
  FROM (VALUES
    ('R66-2 periodic monitoring', :pa, 'monitoring', :r45, '2025-03-10', 'on track', 'plan', NULL, NULL, 'letter 1'),
    ('R47 remote monitoring', :central, 'remote_monitoring', :r45, '2025-03-10', NULL, NULL, NULL, NULL, NULL),
    ('R43-1 a planned inspection by the Government', :pa, 'on_site_inspection', :gov, '2025-03-10', 'found', NULL, true, 'schedule 2025', NULL),
    ('R43-1 a planned inspection without its schedule', :pa, 'on_site_inspection', :gov, '2025-03-10', NULL, NULL, true, NULL, NULL),
    ('R43-1 an unplanned inspection without its trip', :pa, 'on_site_inspection', :gov, '2025-03-10', NULL, NULL, false, NULL, NULL),
    ('R43-1 an inspection by a central body', :pa, 'on_site_inspection', :r45, '2025-03-10', NULL, 'trip', false, NULL, NULL),
    ('an inspection without planned', :pa, 'on_site_inspection', :gov, '2025-03-10', NULL, 'trip', NULL, NULL, NULL),
    ('taken before receipt', :pa, 'monitoring', :r45, '2025-01-01', NULL, NULL, NULL, NULL, NULL),
    ('taken in the future', :pa, 'monitoring', :r45, '9999-12-31', NULL, NULL, NULL, NULL, NULL),
    ('an unknown instruction', 9223372036854775807, 'monitoring', :r45, '2025-03-10', NULL, NULL, NULL, NULL, NULL),
    ('an unknown kind', :pa, 'audit', :r45, '2025-03-10', NULL, NULL, NULL, NULL, NULL)
  ) AS v(what, i, kind, body, on_, outcome, basis, planned, schedule, doc);

INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'coordinate_instruction', v.what, v.i,
       format('SELECT * FROM instruction_control.coordinate_instruction(%L, %L, %L)', v.i, v.body, v.basis),
       format('INSERT INTO instruction_control.coordination (instruction_id, coordinating_body_id, basis) VALUES (%L, %L, %L) RETURNING *', v.i, v.body, v.basis)
  FROM (VALUES
    ('R48 the Ministry of Foreign Affairs', :event, :mfa, 'summit of 2025'),
    ('R48 another body', :event, :r45, NULL),
    ('R48 an instruction not following an event', :pa, :mfa, NULL),
    ('an unknown instruction', 9223372036854775807, :mfa, NULL),
    ('a NULL body', :event, NULL, NULL)
  ) AS v(what, i, body, basis);

INSERT INTO call_case (fn, what, instruction, call_sql, insert_sql)
SELECT 'sign_annual_summary', v.what, NULL,
       format('SELECT * FROM instruction_control.sign_annual_summary(%L, %L, %L, %L, %L, %L, %L)', v.body, v.year, v.by, v.person, v.area, v.on_, v.doc),
       format('INSERT INTO instruction_control.annual_summary_signature (body_id, year, signed_by, signed_by_person_id, supervision_area, signed_on, document_ref) VALUES (%L, %L, %L, %L, %L, %L, %L) RETURNING *',
              v.body, v.year, v.by, v.person, v.area, v.on_, v.doc)
  FROM (VALUES
    ('R75-1 a central body by its first head', :r45, 2024, 'first_head', :head, NULL, '2025-01-20', 'doc 1'),
    ('R75-1 the Government by a Deputy Prime Minister for an area', :gov, 2024, 'deputy_prime_minister', NULL, 'economy', '2025-01-20', NULL),
    ('R75-1 the Government by the Prime Minister', :gov, 2024, 'prime_minister', NULL, NULL, '2025-01-20', NULL),
    ('R75-1 a person of another body', :gov, 2024, 'deputy_prime_minister', :head, 'economy', '2025-01-20', NULL),
    ('R75-1 signed before the year ends', :r45, 2024, 'first_head', NULL, NULL, '2024-12-31', NULL),
    ('signed in the future', :r45, 2024, 'first_head', NULL, NULL, '9999-12-31', NULL),
    ('a year at the end of the calendar', :r45, 2147483647, 'first_head', NULL, NULL, '2025-01-20', NULL),
    ('an unknown body', 9223372036854775807, 2024, 'first_head', NULL, NULL, '2025-01-20', NULL)
  ) AS v(what, body, year, by, person, area, on_, doc);

-- What one statement did, rolled back after it: the journal row it returned and the
-- instruction after it, less what differs between two writes (the decision's id, the
-- time and the instruction's pointer to it), or the error it raised.
CREATE FUNCTION pg_temp.outcome(statement text, instruction bigint) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  written jsonb;
  after jsonb;
  st text;
  msg text;
  det text;
  hnt text;
BEGIN
  BEGIN
    EXECUTE format('WITH x AS (%s) SELECT to_jsonb(x) - ''id'' - ''recorded_at'' - ''created_at'' FROM x', statement) INTO written;
    SELECT to_jsonb(i) - 'last_decision_id' INTO after FROM instruction_control.instruction i WHERE i.id = instruction;
    RAISE EXCEPTION USING ERRCODE = 'ICXXX', MESSAGE = jsonb_build_object('row', written, 'after', after)::text;
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL, hnt = PG_EXCEPTION_HINT;
    IF st = 'ICXXX' THEN
      RETURN msg;
    END IF;
    RETURN format('error %s: %s | %s | %s', st, msg, det, hnt);
  END;
END
$$;
GRANT EXECUTE ON FUNCTION pg_temp.outcome(text, bigint) TO PUBLIC;

CREATE ROLE calls_controller LOGIN IN ROLE ic_controller;
CREATE ROLE calls_reader LOGIN IN ROLE ic_reader;
GRANT SELECT ON call_case TO calls_controller, calls_reader;

SELECT count(*) AS journal_before FROM decision \gset
SELECT (SELECT count(*) FROM instruction) + (SELECT count(*) FROM report) + (SELECT count(*) FROM roadmap)
     + (SELECT count(*) FROM draft) + (SELECT count(*) FROM draft_step) + (SELECT count(*) FROM control_measure)
     + (SELECT count(*) FROM coordination) + (SELECT count(*) FROM annual_summary_signature) AS instructions_before \gset
-- the outcomes, per role (the caller's role set around each pair)
CREATE TEMP TABLE call_outcome (who text, n integer, fn text, what text, by_call text, by_insert text);
GRANT INSERT ON call_outcome TO calls_controller, calls_reader;
INSERT INTO call_outcome
SELECT 'superuser', c.n, c.fn, c.what, pg_temp.outcome(c.call_sql, c.instruction), pg_temp.outcome(c.insert_sql, c.instruction)
  FROM call_case c;
SET ROLE calls_controller;
INSERT INTO call_outcome
SELECT 'ic_controller', c.n, c.fn, c.what, pg_temp.outcome(c.call_sql, c.instruction), pg_temp.outcome(c.insert_sql, c.instruction)
  FROM call_case c;
RESET ROLE;
SET ROLE calls_reader;
INSERT INTO call_outcome
SELECT 'ic_reader', c.n, c.fn, c.what, pg_temp.outcome(c.call_sql, c.instruction), pg_temp.outcome(c.insert_sql, c.instruction)
  FROM call_case c;
RESET ROLE;

-- The class, from the catalog, so that a call added later is held to it without anyone
-- remembering: no function of the extension is a SQL function whose body is one INSERT (it
-- would parse, plan and start it on every call), and every entry point of insert_calls.c has
-- cases above.
SELECT is((SELECT string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.oid::regprocedure::text)
             FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
            WHERE p.pronamespace = 'instruction_control'::regnamespace AND l.lanname = 'sql'
              AND coalesce(pg_get_function_sqlbody(p.oid), p.prosrc) ~* '^\s*(BEGIN ATOMIC\s*)?INSERT\M'), NULL,
  'issue 19: no call of the API is a SQL function whose one INSERT is parsed, planned and started per call (each is an entry point of insert_calls.c or a decision call)');
SELECT is((SELECT string_agg(p.proname, ', ' ORDER BY p.proname) FROM pg_proc p
            WHERE p.pronamespace = 'instruction_control'::regnamespace AND p.prosrc = 'ic_insert_call'
              AND p.proname NOT IN (SELECT fn FROM call_case)), NULL,
  'every call of ic_insert_call (the catalog''s list) is compared with its INSERT, case by case');
SELECT is((SELECT string_agg(p.proname, ', ' ORDER BY p.proname) FROM pg_proc p
            WHERE (p.prosrc = 'ic_insert_call' OR p.proname IN ('extend_deadline', 'transfer_control', 'set_new_deadline', 'remove_from_control'))
              AND p.pronamespace = 'instruction_control'::regnamespace AND (p.prosecdef OR p.proconfig IS NOT NULL)), NULL,
  'the calls that are one INSERT and the four decision calls run as the caller, with no SET clause');

-- every case, as every role: the call does what the INSERT does (an instruction put on control
-- takes the next id of the table, so two writes name two ids: put_on_control()'s are compared
-- without the number of the instruction they created)
UPDATE call_outcome SET by_call = regexp_replace(by_call, 'Instruction [0-9]+', 'Instruction N', 'g'),
                        by_insert = regexp_replace(by_insert, 'Instruction [0-9]+', 'Instruction N', 'g')
 WHERE fn IN ('put_on_control', 'import_instruction') AND by_call LIKE 'error %';
-- (and a NOT NULL or CHECK violation's DETAIL shows the row with the id it took, "(21, ...",
-- in the server's language: lc_messages may be Russian or Kazakh)
UPDATE call_outcome SET by_call = regexp_replace(by_call, '\([0-9]+, ', '(N, ', 'g'),
                        by_insert = regexp_replace(by_insert, '\([0-9]+, ', '(N, ', 'g')
 WHERE by_call LIKE 'error 23502:%' OR by_call LIKE 'error 23514:%';
-- History is imported by the registry's administrator alone (IC111): ic_controller and ic_reader
-- have no EXECUTE on the imports (42501), and their INSERT of the same rows is refused too
SELECT is((SELECT count(*) FROM call_outcome WHERE who <> 'superuser' AND fn LIKE 'import_%'
              AND NOT (by_call LIKE 'error 42501:%' AND by_insert LIKE 'error %')), 0::bigint,
  'IC111: the imports are refused to ic_controller and ic_reader, as the INSERT of their rows is');
SELECT is((SELECT string_agg(format('%s, %s() %s: call %s; INSERT %s', o.who, o.fn, o.what, o.by_call, o.by_insert), E'\n' ORDER BY o.who, o.n)
             FROM call_outcome o
            WHERE (o.who = 'superuser' OR (o.who = 'ic_controller' AND o.fn NOT LIKE 'import_%'))
              AND o.by_call IS DISTINCT FROM o.by_insert), NULL,
  'R14, R20, R21, R24, R33, R42-1.1, R43-1, R48, R50.3, R51, R56, R57, R59, R66-1, R66-2, R67, R69.3, R69.4, R70.4, R72.2, R74-R79, R75-1, IC117: each call writes the row (and the instruction) the INSERT of its values writes, or raises the error the INSERT raises, as superuser and as ic_controller');
-- the comparison is not empty: the cases both succeed and fail, and the roles differ
SELECT cmp_ok((SELECT count(*) FROM call_outcome WHERE who = 'superuser' AND by_call NOT LIKE 'error %'), '>=', 10::bigint,
  'at least ten cases are decisions written (rule ids R69.3, R70.4, R75 among them)');
SELECT cmp_ok((SELECT count(DISTINCT split_part(by_call, ':', 1)) FROM call_outcome WHERE who = 'superuser' AND by_call LIKE 'error %'), '>=', 5::bigint,
  'the refused cases raise at least five different SQLSTATEs');
SELECT is((SELECT count(*) FROM call_outcome WHERE who = 'ic_reader' AND (by_call NOT LIKE 'error 42501:%' OR by_insert NOT LIKE 'error 42501:%')), 0::bigint,
  'ic_reader: every call is refused with 42501 (no EXECUTE on the calls), as its INSERT is (no INSERT on the journal)');
-- (a row records its writer, recorded_by: the caller, as the INSERT's, compared above)
SELECT is((SELECT string_agg(a.what || ': ' || a.by_call || ' / ' || b.by_call, E'\n') FROM call_outcome a JOIN call_outcome b USING (n)
            WHERE a.who = 'superuser' AND b.who = 'ic_controller' AND a.fn NOT LIKE 'import_%'
              AND split_part(a.by_call, ' | ', 1)
                  IS DISTINCT FROM replace(split_part(b.by_call, ' | ', 1), '"recorded_by": "calls_controller"', '"recorded_by": "' || current_user || '"')), NULL,
  'ic_controller (row-level security control_all) gets the superuser''s verdict, case by case (the row, or the SQLSTATE and message: PostgreSQL shows a foreign key''s value only to a role that may read it)');
-- (the instruction and the decision journal record the session's user, the other tables the
-- role that wrote the row: current_user, which SET ROLE makes calls_controller here)
SELECT is((SELECT format('%s rows recorded by calls_controller, %s by the session user; others: %s',
                         count(*) FILTER (WHERE w.by = w.expected AND w.expected = 'calls_controller'),
                         count(*) FILTER (WHERE w.by = w.expected AND w.expected = session_user),
                         coalesce(string_agg(w.fn || ' by ' || w.by, ', ') FILTER (WHERE w.by <> w.expected), 'none'))
             FROM (SELECT o.fn, o.by_call::jsonb -> 'row' ->> 'recorded_by' AS by,
                          CASE WHEN o.fn IN ('put_on_control', 'transfer_control', 'set_new_deadline', 'remove_from_control')
                               THEN session_user::text ELSE 'calls_controller' END AS expected
                     FROM call_outcome o
                    WHERE o.who = 'ic_controller' AND o.by_call LIKE '{%' AND (o.by_call::jsonb -> 'row') ? 'recorded_by') w),
          '16 rows recorded by calls_controller, 18 by the session user; others: none',
  'the calls run as their caller: each row ic_controller writes through them is recorded by its role (the instruction and the decision journal: by its session), as its INSERT''s is');
SELECT is((SELECT count(*) FROM decision), :journal_before::bigint,
  'every case was rolled back: nothing of the comparison stays in the journal');
SELECT is((SELECT count(*) FROM instruction) + (SELECT count(*) FROM report) + (SELECT count(*) FROM roadmap)
           + (SELECT count(*) FROM draft) + (SELECT count(*) FROM draft_step) + (SELECT count(*) FROM control_measure)
           + (SELECT count(*) FROM coordination) + (SELECT count(*) FROM annual_summary_signature),
  :instructions_before::bigint, 'nor in the instructions, reports, roadmaps, drafts and their steps, control measures, coordinations or signatures');
SELECT cmp_ok((SELECT count(*) FROM call_outcome WHERE who = 'superuser' AND fn = 'put_on_control' AND by_call NOT LIKE 'error %'), '>=', 6::bigint,
  'put_on_control(): at least six cases are put on control (R50.3, R51, R14, R42-1.1 among them)');
SELECT is((SELECT string_agg(DISTINCT fn, ', ' ORDER BY fn) FROM call_outcome WHERE who = 'superuser' AND by_call NOT LIKE 'error %'),
  (SELECT string_agg(DISTINCT fn, ', ' ORDER BY fn) FROM call_case),
  'every call has cases that write, not only refusals');

SELECT * FROM finish();
ROLLBACK;
