/*
 * 99x_calendar_apply_more: the calendar change's loose ends (issue 20, item 4;
 * R50.3, R20, R33).  Adds decision.old_roadmap_due_date (the R56 roadmap due
 * date a calendar change moved from, filled in by the journal) and the grants
 * of calendar_change_draft_events(), the definer that writes a draft's
 * deadline_moved event; the function itself and the new bodies of
 * calendar_change_events(), apply_calendar_change() and apply_holiday_date()
 * come with 99m_calendar_change_section (a link to
 * sql/src/78_calendar_change.sql).  Follows sql/src/30_registry.sql and
 * 90_security.sql.
 */

ALTER TABLE decision ADD COLUMN old_roadmap_due_date date;
COMMENT ON COLUMN decision.old_roadmap_due_date IS 'Calendar change: the R56 roadmap due date before the change moved it (R50.3), so the event deadline_moved names from and to; set by the journal, NULL for every other decision and where the roadmap date did not move';

-- the drafts' deadline_moved events are written by definer too (R20, R33)
REVOKE EXECUTE ON FUNCTION calendar_change_draft_events(text, jsonb, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_change_draft_events(text, jsonb, text, date) TO ic_admin;

-- the BEGIN ATOMIC functions that return a decision row (RETURNING *) are
-- parsed again now that decision has one more column
CREATE OR REPLACE FUNCTION transfer_control(
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
CREATE OR REPLACE FUNCTION set_new_deadline(
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

-- the outbox's columns name the calendar change's events too
COMMENT ON COLUMN event.rule_id IS 'The rule that asks for it (rule.id; sweep_batch() checks each batch''s rule ids at once rather than a foreign key row by row: issue 19; the calendar change''s deadline_moved events name R50.3, R20 or R33)';
COMMENT ON COLUMN event.draft_id IS 'The draft (draft.id) a draft_* event (R20, R21, R33) or a deadline_moved event of a draft (a calendar change) is about; NULL for an instruction''s event: exactly one of instruction_id and draft_id is set';
