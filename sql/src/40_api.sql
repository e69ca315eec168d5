-- API -----------------------------------------------------------------------
-- Thin functions over INSERT: the triggers judge, so calling these and
-- inserting rows directly are the same thing.  SECURITY INVOKER: a caller
-- needs the table privileges the registry's roles grant.  No function names
-- anything through the caller's search_path, and none has a SET clause (which
-- would cost a configuration save and restore on every call):
-- - the four decisions (extend_deadline, transfer_control, set_new_deadline,
--   remove_from_control) are C entry points, each its journal row judged and
--   written as a batch of one (decision_batch.c, decision_calls.c);
-- - the calls that are one INSERT (put_on_control, register_roadmap,
--   submit_report, import_instruction, import_decision here; the drafts'
--   calls, take_control_measure, coordinate_instruction and
--   sign_annual_summary in their sections) are C entry points
--   whose INSERT is prepared once per backend and run as the caller
--   (insert_calls.c): no INSERT parsed, planned and started on every call
--   (issue 19);
-- - the roadmap's PA steps are PL/pgSQL with a pinned search_path.

CREATE FUNCTION put_on_control(
  kind instruction_kind,
  level control_level,
  received_on date,
  term term DEFAULT NULL,
  due_date date DEFAULT NULL,
  content text DEFAULT NULL,
  act_id bigint DEFAULT NULL,
  point point_ref DEFAULT NULL,
  signed_on date DEFAULT NULL,
  responsible_body_id bigint DEFAULT NULL,
  co_executor_ids bigint[] DEFAULT '{}',
  controlling_body_id bigint DEFAULT NULL,
  pa_unit text DEFAULT NULL,
  completion_form text DEFAULT NULL,
  final_result text DEFAULT NULL,
  category monitoring_category DEFAULT NULL,
  secrecy secrecy_class DEFAULT 'none',
  paper_card_ref text DEFAULT NULL,
  local_character boolean DEFAULT false,
  public_resonance boolean DEFAULT false,
  new_approaches boolean DEFAULT false,
  reporting_period reporting_period DEFAULT NULL,
  parent_id bigint DEFAULT NULL,
  external_ref text DEFAULT NULL,
  deadline_source deadline_source DEFAULT NULL,
  upper_record_id bigint DEFAULT NULL)
RETURNS instruction
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION put_on_control IS
  'Put an instruction on control; computes the due date from the term (R50.3) or the signing day (R51) and the roadmap due date (R56)';

-- extend_deadline(): the call applications make most, the first written in C
-- (decision_batch.c).
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
AS 'MODULE_PATHNAME', 'ic_extend_deadline'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION extend_deadline IS
  'Extend the deadline (R69.1: once, by the President or the Head of the PA, on evidence pa_expert_conclusion or pa_agreement; R72: a repeated extension needs disciplinary_review)';

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
AS 'MODULE_PATHNAME', 'ic_transfer_control'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION transfer_control IS
  'Transfer to medium-term (R69.3) or long-term (R69.4, roadmap mandatory: R59) control; counts as the one extension of R69.1 and rests on the same evidence (pa_expert_conclusion or pa_agreement): «бір реттен асырмай» covers transfers, R72 relaxes only «қайталап ұзарту», so a repeated transfer needs disciplinary_review while instruction_control.repeated_transfer_review is on (the default)';

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
AS 'MODULE_PATHNAME', 'ic_set_new_deadline'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION set_new_deadline IS
  'Set a new deadline because of an emergency, a state of emergency or a quarantine (R70.4, R70.5; evidence pa_expert_conclusion or executor_letter); not an extension';

CREATE FUNCTION remove_from_control(
  instruction_id bigint,
  ground removal_ground,
  decided_by decider,
  evidence evidence_kind[],
  evidence_ref text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  receiving_body_id bigint DEFAULT NULL,
  paper_ref text DEFAULT NULL)
RETURNS decision
AS 'MODULE_PATHNAME', 'ic_remove_from_control'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION remove_from_control IS
  'Remove from control on a ground of R75 with its evidence (R76-1), by the decider of R76.1, R76.4, R77 or R74-1, after the PA for PA-level points (R79)';

CREATE FUNCTION register_roadmap(
  instruction_id bigint,
  drafter roadmap_drafter,
  approved_by decider,
  drafted_by_body_id bigint DEFAULT NULL,
  approved_on date DEFAULT current_date,
  touches_government_powers boolean DEFAULT false,
  agreed_with_prime_minister boolean DEFAULT false,
  agreed_with_pa_on date DEFAULT NULL,
  document_ref text DEFAULT NULL,
  submitted_to_pa_on date DEFAULT NULL)
RETURNS roadmap
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION register_roadmap IS 'Register an approved roadmap (R56, R57, R59): the drafter must fit the drafting body (R57); a roadmap already agreed with the PA gives submitted_to_pa_on with agreed_with_pa_on';

-- R57's PA steps: «Келісу ... бес жұмыс күні ішінде жүзеге асырылады» -- where
-- a roadmap is agreed with the PA, the PA agrees it within 5 working days of
-- its submission (the PA's own term).  Each day is written once into the
-- roadmap (the only UPDATE roadmap_judge lets through) and judged there: a
-- submission not before receipt, an agreement not before submission,
-- approval or receipt, neither in the future.  The sweep reports an agreement
-- not given in time (roadmap_agreement_late, to the Head of the PA).
CREATE FUNCTION submit_roadmap_to_pa(roadmap_id bigint, submitted_on date DEFAULT current_date)
RETURNS roadmap
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  r instruction_control.roadmap;
BEGIN
  UPDATE instruction_control.roadmap m SET submitted_to_pa_on = submit_roadmap_to_pa.submitted_on
   WHERE m.id OPERATOR(pg_catalog.=) submit_roadmap_to_pa.roadmap_id
  RETURNING m.* INTO r;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'roadmap % does not exist', roadmap_id
      USING ERRCODE = 'foreign_key_violation', HINT = 'Register the roadmap first (register_roadmap).';
  END IF;
  RETURN r;
END
$$;
COMMENT ON FUNCTION submit_roadmap_to_pa(bigint, date) IS
  'Record the day a roadmap was submitted to the PA for agreement (R57: the PA''s 5 working days run from it); written once, not before receipt, not in the future';

CREATE FUNCTION agree_roadmap_with_pa(roadmap_id bigint, agreed_on date DEFAULT current_date)
RETURNS roadmap
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  r instruction_control.roadmap;
BEGIN
  UPDATE instruction_control.roadmap m SET agreed_with_pa_on = agree_roadmap_with_pa.agreed_on
   WHERE m.id OPERATOR(pg_catalog.=) agree_roadmap_with_pa.roadmap_id
  RETURNING m.* INTO r;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'roadmap % does not exist', roadmap_id
      USING ERRCODE = 'foreign_key_violation', HINT = 'Register the roadmap first (register_roadmap).';
  END IF;
  RETURN r;
END
$$;
COMMENT ON FUNCTION agree_roadmap_with_pa(bigint, date) IS
  'Record the day the PA agreed a roadmap (R57: due within 5 working days of its submission to the PA); written once, after submission, approval and receipt, not in the future';

CREATE FUNCTION submit_report(
  instruction_id bigint,
  kind report_kind,
  content text DEFAULT NULL,
  submitted_by_body_id bigint DEFAULT NULL,
  addressee decider DEFAULT NULL,
  period_end date DEFAULT NULL,
  submitted_on date DEFAULT current_date,
  document_ref text DEFAULT NULL,
  signed_by signatory DEFAULT NULL,
  signed_by_person_id bigint DEFAULT NULL,
  resolution_addressee signatory DEFAULT NULL)
RETURNS report
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION submit_report IS 'Submit an intermediate, final, risk or measures report (R66-1, R66-3.5, R72.4), with who signed it (R67: signed_by, signed_by_person_id; the Government''s information also resolution_addressee)';

CREATE FUNCTION who_may_decide(instruction_id bigint, action decision_kind)
RETURNS TABLE (decider decider, rule text)
AS 'MODULE_PATHNAME', 'ic_who_may_decide'
LANGUAGE C STABLE STRICT;
-- Many decisions in one statement -------------------------------------------
-- The same rules, judged row by row in the order given (each after the ones
-- before it on the same instruction), written with one INSERT and one UPDATE.
-- One refusal fails the whole batch.

CREATE FUNCTION record_decisions(decisions decision[])
RETURNS SETOF decision
AS 'MODULE_PATHNAME', 'ic_record_decisions'
LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION record_decisions(decision[]) IS
  'Record a batch of decisions (journal rows; id, seq and the computed columns are filled in) judged by the same rules as one at a time; all or nothing';

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
COMMENT ON FUNCTION extend_deadlines IS
  'Extend many deadlines at once (R69.1, R72): one decision per instruction_ids[i] to new_dues[i], on the same basis and evidence, judged as extend_deadline() judges one';

-- Import of history (not judged) -------------------------------------------
-- Decisions taken before the amendments entered into force (2024-02-01) were
-- governed by the earlier text; an embedding registry brings them in as
-- imported rows: recorded as they were, by whom and when, applied to the
-- instruction as recorded, still append-only.  Only the registry's
-- administrator (role ic_admin, or a superuser) may write imported rows.
-- Imports only import history (IC117): never on an instruction that has a
-- decision of the live journal; a row dated on or after 2024-02-01 only on an
-- imported instruction and only with in_force => true; and R74/R77 (the
-- President's personal instructions are extended and removed by the
-- President alone) hold for every import (decision_journal.c).

CREATE FUNCTION import_instruction(
  kind instruction_kind,
  level control_level,
  received_on date,
  due_date date,
  content text DEFAULT NULL,
  act_id bigint DEFAULT NULL,
  point point_ref DEFAULT NULL,
  signed_on date DEFAULT NULL,
  term term DEFAULT NULL,
  responsible_body_id bigint DEFAULT NULL,
  co_executor_ids bigint[] DEFAULT '{}',
  category monitoring_category DEFAULT NULL,
  secrecy secrecy_class DEFAULT 'none',
  paper_card_ref text DEFAULT NULL,
  external_ref text DEFAULT NULL,
  upper_record_id bigint DEFAULT NULL,
  in_force boolean DEFAULT false)
RETURNS instruction
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION import_instruction IS
  'Import a historical instruction as it was recorded (not judged by the rules of Decree No. 403); received on or after 2024-02-01 only with in_force => true (IC117); registry administrator (ic_admin) only';

CREATE FUNCTION import_decision(
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
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION import_decision IS
  'Import a historical decision as it was recorded and apply its effect (not judged by the rules of Decree No. 403, except who decides: R74, R77); never on an instruction with live decisions; dated on or after 2024-02-01 only on an imported instruction with in_force => true (IC117); registry administrator (ic_admin) only';


COMMENT ON FUNCTION who_may_decide(bigint, decision_kind) IS
  'Positions that may take this decision on this instruction now, and the rule that says so';

