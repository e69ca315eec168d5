/*
 * Part 40: rule data versioned and audited (issue 16, item 7).  Follows
 * sql/src/65_rule_audit.sql (the Rule data section), the column
 * decision.rules_version of sql/src/30_registry.sql and the lines of
 * sql/src/90_security.sql on the journal.  The Rule data section is new in
 * 0.3 and comes as it is: 41_rule_audit_section.sql is a link to
 * sql/src/65_rule_audit.sql (the journal rule_change and its tombstones
 * rule_data_removed, both dumped; the journal's triggers on decision_rule,
 * decision_authority, sweep_setting and the calendar tables; rules_version(),
 * restore_mode(), rules_as_of(), the view rule_change_history), then
 * 42_rule_audit_grants.sql its privileges.  The rule data as it stands at the
 * update is rules version 0: the journal starts with the first change after it.
 */

-- Registry: a decision records the rules version that judged it.  The
-- functions that return a decision (BEGIN ATOMIC ... RETURNING *) are
-- re-created as sql/src/40_api.sql has them, to return the new column too.
ALTER TABLE decision ADD COLUMN rules_version bigint;
COMMENT ON COLUMN decision.rules_version IS
  'The rules version that judged the decision (rule_change; rules_as_of() shows those rules), set by the journal; NULL for imported history and decisions recorded before 0.3';

CREATE OR REPLACE FUNCTION extend_deadline(
  instruction_id bigint,
  new_due date,
  decided_by decider,
  basis text,
  disciplinary_review text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis,
                        disciplinary_review, decided_on, paper_ref)
  VALUES (instruction_id, 'extension', new_due, decided_by, basis, disciplinary_review, decided_on, paper_ref)
  RETURNING *;
END;

CREATE OR REPLACE FUNCTION transfer_control(
  instruction_id bigint,
  regime control_regime,
  new_due date,
  decided_by decider,
  basis text,
  reason text DEFAULT NULL,
  disciplinary_review text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_regime, new_due_date, decided_by, basis,
                        reason, disciplinary_review, decided_on, paper_ref)
  VALUES (instruction_id, 'transfer', regime, new_due, decided_by, basis,
          reason, disciplinary_review, decided_on, paper_ref)
  RETURNING *;
END;

CREATE OR REPLACE FUNCTION set_new_deadline(
  instruction_id bigint,
  new_due date,
  decided_by decider,
  basis text,
  reason new_deadline_reason,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis, reason, decided_on, paper_ref)
  VALUES (instruction_id, 'new_deadline', new_due, decided_by, basis, reason, decided_on, paper_ref)
  RETURNING *;
END;

CREATE OR REPLACE FUNCTION remove_from_control(
  instruction_id bigint,
  ground removal_ground,
  decided_by decider,
  evidence evidence_kind[],
  evidence_ref text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  receiving_body_id bigint DEFAULT NULL,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, ground, decided_by, evidence, evidence_ref, decided_on,
                        receiving_body_id, paper_ref)
  VALUES (instruction_id, 'removal', ground, decided_by, evidence, evidence_ref, decided_on,
          receiving_body_id, paper_ref)
  RETURNING *;
END;

CREATE OR REPLACE FUNCTION import_decision(
  instruction_id bigint,
  kind decision_kind,
  decided_on date,
  decided_by decider DEFAULT NULL,
  new_due date DEFAULT NULL,
  new_regime control_regime DEFAULT NULL,
  ground removal_ground DEFAULT NULL,
  basis text DEFAULT NULL,
  reason text DEFAULT NULL,
  evidence evidence_kind[] DEFAULT '{}',
  evidence_ref text DEFAULT NULL,
  disciplinary_review text DEFAULT NULL,
  in_force boolean DEFAULT false)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, decided_on, decided_by, new_due_date, new_regime, ground,
                        basis, reason, evidence, evidence_ref, disciplinary_review, imported,
                        imported_in_force)
  VALUES (instruction_id, kind, decided_on, decided_by, new_due, new_regime, ground,
          basis, reason, evidence, evidence_ref, disciplinary_review, true, in_force)
  RETURNING *;
END;
