-- ===========================================================================
-- Drafts: the API (R13, R14, R20, R21, R24, R33)
--
-- Thin functions over INSERT into draft and draft_step, as the registry's API
-- (40_api.sql): the triggers of the Drafts section judge, so calling these and
-- inserting the rows directly are the same thing.  The five that are one
-- INSERT are C entry points whose INSERT is prepared once per backend and run
-- as the caller (insert_calls.c, issue 19).  sign_draft creates the act
-- the draft becomes; put_on_control_from_draft puts a point of it on control
-- with the act's facts taken from the draft, not entered again.
-- ===========================================================================

CREATE FUNCTION receive_draft(
  kind draft_kind,
  submitted_by_body_id bigint,
  signatory decider,
  received_on date DEFAULT current_date,
  title text DEFAULT NULL,
  content text DEFAULT NULL,
  secrecy secrecy_class DEFAULT 'none',
  channel draft_channel DEFAULT 'electronic',
  paper_reason text DEFAULT NULL,
  paper_card_ref text DEFAULT NULL,
  national_plan boolean DEFAULT false,
  external_ref text DEFAULT NULL)
RETURNS draft
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION receive_draft IS
  'Record the receipt of a draft act or instruction (R13, R14); its review term counts from received_on (R20, R33)';

CREATE FUNCTION refine_draft(
  draft_id bigint,
  basis text DEFAULT NULL,
  on_date date DEFAULT current_date,
  decided_by decider DEFAULT NULL,
  term_days integer DEFAULT NULL)
RETURNS draft_step
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION refine_draft IS
  'Send an act''s draft to refinement in the PA: 5 working days, or the term an official of R21 sets (decided_by, term_days)';

CREATE FUNCTION agree_draft(
  draft_id bigint,
  on_date date DEFAULT current_date,
  r30_worked_out boolean DEFAULT NULL,
  r30_strategic boolean DEFAULT NULL,
  r30_result boolean DEFAULT NULL,
  r30_deadlines boolean DEFAULT NULL,
  r30_feasible boolean DEFAULT NULL,
  r30_autonomy boolean DEFAULT NULL,
  r33_no_duplicate boolean DEFAULT NULL,
  basis text DEFAULT NULL)
RETURNS draft_step
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION agree_draft IS
  'Record the PA''s agreement of a draft (R20); a draft instruction needs every item of R30 and the duplicate check (R33)';

CREATE FUNCTION return_draft(draft_id bigint, basis text, on_date date DEFAULT current_date)
RETURNS draft_step
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION return_draft IS 'Return a draft to the body with its shortcomings (basis)';

CREATE FUNCTION visa_draft(draft_id bigint, visa_position visa_position, medium draft_channel,
                           on_date date DEFAULT current_date)
RETURNS draft_step
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION visa_draft IS 'Record a visa on a draft before signature (R24 for acts, R33 for instructions)';

CREATE FUNCTION sign_draft(
  draft_id bigint,
  act_type text,
  number text DEFAULT NULL,
  signed_on date DEFAULT current_date,
  external_ref text DEFAULT NULL)
RETURNS act
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  d instruction_control.draft;
  a instruction_control.act;
BEGIN
  SELECT * INTO d FROM draft WHERE id OPERATOR(pg_catalog.=) sign_draft.draft_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'draft % does not exist', sign_draft.draft_id
      USING ERRCODE = '23503', HINT = 'Receive the draft first (receive_draft).';
  END IF;
  INSERT INTO act (act_type, number, title, signed_on, secrecy, external_ref)
  VALUES (sign_draft.act_type, sign_draft.number,
          CASE WHEN d.secrecy OPERATOR(pg_catalog.<>) 'state_secret' THEN d.title END,
          sign_draft.signed_on, d.secrecy, sign_draft.external_ref)
  RETURNING * INTO a;
  INSERT INTO draft_step (draft_id, step, on_date, act_id)
  VALUES (d.id, 'signed', sign_draft.signed_on, a.id);
  RETURN a;
END
$$;
COMMENT ON FUNCTION sign_draft IS
  'Record the signature of an agreed draft with its visas (R24, R33): the act it becomes is created from the draft (title and secrecy, R14) and returned';

CREATE FUNCTION put_on_control_from_draft(
  draft_id bigint,
  kind instruction_kind,
  level control_level,
  received_on date,
  point point_ref DEFAULT NULL,
  term term DEFAULT NULL,
  due_date date DEFAULT NULL,
  content text DEFAULT NULL,
  responsible_body_id bigint DEFAULT NULL,
  co_executor_ids bigint[] DEFAULT '{}',
  controlling_body_id bigint DEFAULT NULL,
  pa_unit text DEFAULT NULL,
  completion_form text DEFAULT NULL,
  final_result text DEFAULT NULL,
  external_ref text DEFAULT NULL)
RETURNS instruction
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  a instruction_control.act;
  r instruction_control.instruction;
BEGIN
  SELECT act.* INTO a
    FROM draft_step s JOIN act ON act.id OPERATOR(pg_catalog.=) s.act_id
   WHERE s.draft_id OPERATOR(pg_catalog.=) put_on_control_from_draft.draft_id
     AND s.step OPERATOR(pg_catalog.=) 'signed';
  IF NOT FOUND THEN
    RAISE EXCEPTION 'draft % is not signed', put_on_control_from_draft.draft_id
      USING ERRCODE = 'IC507',
            DETAIL = 'Only a signed draft is an act whose points are put on control.',
            HINT = 'Sign it (sign_draft) first, or put the point on control from its act (put_on_control).';
  END IF;
  r := put_on_control(kind => put_on_control_from_draft.kind, level => put_on_control_from_draft.level,
                      received_on => put_on_control_from_draft.received_on,
                      term => put_on_control_from_draft.term, due_date => put_on_control_from_draft.due_date,
                      content => put_on_control_from_draft.content, act_id => a.id,
                      point => put_on_control_from_draft.point, signed_on => a.signed_on,
                      responsible_body_id => put_on_control_from_draft.responsible_body_id,
                      co_executor_ids => put_on_control_from_draft.co_executor_ids,
                      controlling_body_id => put_on_control_from_draft.controlling_body_id,
                      pa_unit => put_on_control_from_draft.pa_unit,
                      completion_form => put_on_control_from_draft.completion_form,
                      final_result => put_on_control_from_draft.final_result,
                      secrecy => a.secrecy,
                      paper_card_ref => (SELECT d.paper_card_ref FROM draft d
                                          WHERE d.id OPERATOR(pg_catalog.=) put_on_control_from_draft.draft_id),
                      external_ref => put_on_control_from_draft.external_ref);
  RETURN r;
END
$$;
COMMENT ON FUNCTION put_on_control_from_draft IS
  'Put a point of a signed draft''s act on control without entering the act again: the act, its signing day (R51), secrecy and paper card come from the draft';
