/*
 * 99d_decisions: the decisions read right, round three (issue 18), helper R2.
 * Follows sql/src/30_registry.sql (evidence_kind, decision's comments, the
 * decision_rule rows R74/R77), 35_registry_triggers.sql (the evidence labels)
 * and 40_api.sql (extend_deadline, transfer_control, set_new_deadline,
 * extend_deadlines):
 * - R74, R77 at every level of control: the seeded rows 10, 50, 51, 52 of the
 *   decision matrix answer for every level (level NULL), not the PA's only;
 * - R69.1 typed evidence: new evidence kinds pa_agreement, executor_letter
 *   (R70.4) and, below PA level (R74-1, R75(3), R76-1), body_expert_conclusion,
 *   body_unit_memo, body_agreement;
 * - the deadline functions take evidence and evidence_ref (new signatures:
 *   DROP + CREATE, grants as in 90_security.sql).
 */

-- PostgreSQL cannot validate a domain constraint over a column of an array of
-- the domain (decision.evidence): the constraint is added NOT VALID and then
-- marked valid, which it is -- the new list holds every old value, so every
-- stored row already satisfies it.
ALTER DOMAIN evidence_kind DROP CONSTRAINT evidence_kind_check;
ALTER DOMAIN evidence_kind ADD CONSTRAINT evidence_kind_check
  CHECK (VALUE IN ('official_report', 'act_adopted', 'law_signed', 'pa_unit_memo',
                   'executor_final_report', 'pa_expert_conclusion', 'event_held',
                   'new_instruction', 'control_passed_decision',
                   'pa_agreement', 'executor_letter',
                   'body_expert_conclusion', 'body_unit_memo', 'body_agreement')) NOT VALID;
UPDATE pg_catalog.pg_constraint SET convalidated = true
 WHERE conname OPERATOR(pg_catalog.=) 'evidence_kind_check'
   AND contypid OPERATOR(pg_catalog.=) 'instruction_control.evidence_kind'::pg_catalog.regtype;
COMMENT ON DOMAIN evidence_kind IS
  'Kind of document a decision rests on: a removal''s evidence (R75, R76-1), the basis of an extension or transfer (R69.1: pa_expert_conclusion or pa_agreement) or of a new deadline (R70.4: pa_expert_conclusion or executor_letter); below PA level the controlling body''s unit gives them (body_*, R74-1)';

COMMENT ON COLUMN decision.basis IS 'Expert conclusion, agreement or letter the decision rests on (R69.1, R70.4), as free text; its kind is in evidence (typed, R69.1), which the setting instruction_control.typed_basis requires';
COMMENT ON COLUMN decision.evidence IS 'Kinds of the documents the decision rests on: a removal''s evidence (R75, R76-1); an extension''s, transfer''s or new deadline''s basis (R69.1, R70.4)';
COMMENT ON COLUMN decision.evidence_ref IS 'References (number, date, issuing body) of the documents named in evidence';

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('evidence_kind', 'pa_agreement', 'Үкіметтің немесе орындаушы органның ұсынысын ПӘ келісуі', 'Согласование АП предложения Правительства или исполняющего органа', 'PA''s agreement to the proposal'),
  ('evidence_kind', 'executor_letter', 'Жауапты орындаушы органның хаты', 'Письмо ответственного исполняющего органа', 'Letter of the responsible executor'),
  ('evidence_kind', 'body_expert_conclusion', 'Бақылаушы орган бөлімшесінің сараптамалық қорытындысы', 'Экспертное заключение подразделения контролирующего органа', 'Expert conclusion of the controlling body''s unit'),
  ('evidence_kind', 'body_unit_memo', 'Бақылаушы орган бөлімшесінің қызметтік жазбасы', 'Служебная записка подразделения контролирующего органа', 'Memo of the controlling body''s unit'),
  ('evidence_kind', 'body_agreement', 'Ұсынысты бақылаушы органның келісуі', 'Согласование предложения контролирующим органом', 'Controlling body''s agreement to the proposal');

-- R74, R77 at every level (rules.md, revised round 3); a row the administrator
-- changed (seeded = false) is his and stays as he left it.
UPDATE decision_rule SET level = NULL,
       basis = 'Personal instructions, published or not, are removed only by the President, at every level of control (R74-1''s analogy does not reach R77)'
 WHERE id = 10 AND seeded;
UPDATE decision_rule SET level = NULL,
       basis = 'Personal instructions: only the President moves their deadline, at every level of control (R74-1''s analogy does not reach R74)'
 WHERE id = 50 AND seeded;
UPDATE decision_rule SET level = NULL,
       basis = 'R74 read as covering every change of the deadline (README), at every level of control (R74-1''s analogy does not reach R74)'
 WHERE id IN (51, 52) AND seeded;

DROP FUNCTION extend_deadline(bigint, date, decider, text, text, date, text);
DROP FUNCTION transfer_control(bigint, control_regime, date, decider, text, text, text, date, text);
DROP FUNCTION set_new_deadline(bigint, date, decider, text, new_deadline_reason, date, text);
DROP FUNCTION extend_deadlines(bigint[], date[], decider, text, text, date);

CREATE FUNCTION extend_deadline(
  instruction_id bigint,
  new_due date,
  decided_by decider,
  basis text,
  disciplinary_review text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL,
  evidence evidence_kind[] DEFAULT '{}',
  evidence_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis,
                        disciplinary_review, decided_on, paper_ref, evidence, evidence_ref)
  VALUES (instruction_id, 'extension', new_due, decided_by, basis, disciplinary_review, decided_on, paper_ref,
          evidence, evidence_ref)
  RETURNING *;
END;

CREATE FUNCTION transfer_control(
  instruction_id bigint,
  regime control_regime,
  new_due date,
  decided_by decider,
  basis text,
  reason text DEFAULT NULL,
  disciplinary_review text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL,
  evidence evidence_kind[] DEFAULT '{}',
  evidence_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_regime, new_due_date, decided_by, basis,
                        reason, disciplinary_review, decided_on, paper_ref, evidence, evidence_ref)
  VALUES (instruction_id, 'transfer', regime, new_due, decided_by, basis,
          reason, disciplinary_review, decided_on, paper_ref, evidence, evidence_ref)
  RETURNING *;
END;

CREATE FUNCTION set_new_deadline(
  instruction_id bigint,
  new_due date,
  decided_by decider,
  basis text,
  reason new_deadline_reason,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL,
  evidence evidence_kind[] DEFAULT '{}',
  evidence_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis, reason, decided_on, paper_ref,
                        evidence, evidence_ref)
  VALUES (instruction_id, 'new_deadline', new_due, decided_by, basis, reason, decided_on, paper_ref,
          evidence, evidence_ref)
  RETURNING *;
END;

CREATE FUNCTION extend_deadlines(
  instruction_ids bigint[],
  new_dues date[],
  decided_by decider,
  basis text,
  disciplinary_review text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  evidence evidence_kind[] DEFAULT '{}',
  evidence_ref text DEFAULT NULL)
RETURNS SETOF decision
AS 'MODULE_PATHNAME', 'ic_extend_deadlines'
LANGUAGE C VOLATILE;

COMMENT ON FUNCTION extend_deadline IS
  'Extend the deadline (R69.1: once, by the President or the Head of the PA, on evidence pa_expert_conclusion or pa_agreement; R72: a repeated extension needs disciplinary_review)';
COMMENT ON FUNCTION transfer_control IS
  'Transfer to medium-term (R69.3) or long-term (R69.4, roadmap mandatory: R59) control; counts as the one extension of R69.1 and rests on the same evidence (pa_expert_conclusion or pa_agreement)';
COMMENT ON FUNCTION set_new_deadline IS
  'Set a new deadline because of an emergency, a state of emergency or a quarantine (R70.4, R70.5; evidence pa_expert_conclusion or executor_letter); not an extension';
COMMENT ON FUNCTION extend_deadlines IS
  'Extend many deadlines at once (R69.1, R72): one decision per instruction_ids[i] to new_dues[i], on the same basis and evidence, judged as extend_deadline() judges one';

REVOKE EXECUTE ON FUNCTION extend_deadline, transfer_control, set_new_deadline, extend_deadlines FROM PUBLIC;
GRANT EXECUTE ON FUNCTION extend_deadline, transfer_control, set_new_deadline, extend_deadlines TO ic_controller;
