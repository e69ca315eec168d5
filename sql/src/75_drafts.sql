-- ===========================================================================
-- Drafts and their review deadlines (R13, R14, R20, R21, R24, R30, R33, R37)
--
-- Before an act or an instruction exists, its draft reaches the PA from a
-- state body (R13 electronically, R14 on paper for state secrets) and is
-- reviewed within working days counted from receipt: 10 for an act approving
-- a document of the state planning system (R20), 3 for a draft instruction,
-- with the R30 checklist and the check against duplicating earlier
-- instructions (R33).  An act's draft may be refined within 5 working days
-- unless an official R21 names sets another term; it needs visas before
-- signature (R24; instructions R33); a disagreement on a national plan's
-- measures is settled by the official R37 names.  Once signed, the draft
-- becomes an act and its points are put on control from it.
--
-- The same shape as the registry: the draft row holds the facts of receipt
-- (fixed once written); every later step is a row INSERTed into the
-- append-only journal draft_step, judged by its BEFORE trigger against the
-- rules of drafts_core.c (the C functions below), with derived dates computed
-- there, never taken from the client.  draft_state derives the status, the
-- review deadline and what is still missing.  Errors: IC5xx (README).
-- ===========================================================================

CREATE DOMAIN draft_kind AS text
  CHECK (VALUE IN ('planning_act', 'act', 'instruction_draft'));
COMMENT ON DOMAIN draft_kind IS
  'Kind of draft: an act approving a document of the state planning system (R20), another act of the President, or a draft instruction (instruction_draft, R33)';

CREATE DOMAIN draft_channel AS text
  CHECK (VALUE IN ('electronic', 'paper'));
COMMENT ON DOMAIN draft_channel IS 'How a draft or a visa is given: electronically through the EDMS (R13) or on paper (R14, R24)';

CREATE DOMAIN draft_step_kind AS text
  CHECK (VALUE IN ('refinement', 'agreed', 'returned', 'visa', 'disagreement_resolved',
                   'signed', 'withdrawn'));
COMMENT ON DOMAIN draft_step_kind IS
  'A step of a draft''s review: refinement (R21), agreed (R20, R33), returned, visa (R24, R33), disagreement_resolved (R37), signed, withdrawn';

CREATE DOMAIN visa_position AS text
  CHECK (VALUE IN ('head_of_pa', 'secretary_sc', 'head_of_presidents_office',
                   'assistant_or_adviser', 'state_counsellor', 'pa_unit_head',
                   'general_department_head'));
COMMENT ON DOMAIN visa_position IS 'Who puts a visa on a draft before signature (R24, R33)';

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('draft_kind', 'planning_act', 'Мемлекеттік жоспарлау жүйесінің құжатын бекіту туралы акт жобасы', 'Проект акта об утверждении документа Системы государственного планирования', 'Draft act approving a state planning document'),
  ('draft_kind', 'act', 'Президент актісінің жобасы', 'Проект акта Президента', 'Draft act of the President'),
  ('draft_kind', 'instruction_draft', 'Президент тапсырмасының жобасы', 'Проект поручения Президента', 'Draft instruction of the President'),
  ('draft_channel', 'electronic', 'Электрондық түрде', 'В электронном виде', 'Electronic'),
  ('draft_channel', 'paper', 'Қағаздағы түрінде', 'На бумажном носителе', 'On paper'),
  ('draft_step_kind', 'refinement', 'Пысықтау', 'Доработка', 'Refinement'),
  ('draft_step_kind', 'agreed', 'Келісілді', 'Согласовано', 'Agreed'),
  ('draft_step_kind', 'returned', 'Қайтарылды', 'Возвращено', 'Returned'),
  ('draft_step_kind', 'visa', 'Виза', 'Виза', 'Visa'),
  ('draft_step_kind', 'disagreement_resolved', 'Келіспеушілік шешілді', 'Разногласия разрешены', 'Disagreement settled'),
  ('draft_step_kind', 'signed', 'Қол қойылды', 'Подписано', 'Signed'),
  ('draft_step_kind', 'withdrawn', 'Кері қайтарып алынды', 'Отозвано', 'Withdrawn'),
  ('visa_position', 'head_of_pa', 'Президент Әкімшілігінің Басшысы', 'Руководитель Администрации Президента', 'Head of the Presidential Administration'),
  ('visa_position', 'secretary_sc', 'Қауіпсіздік Кеңесінің Хатшысы', 'Секретарь Совета Безопасности', 'Secretary of the Security Council'),
  ('visa_position', 'head_of_presidents_office', 'Президент Кеңесінің бастығы', 'Начальник Канцелярии Президента', 'Head of the President''s Office'),
  ('visa_position', 'assistant_or_adviser', 'Президенттің көмекшісі немесе кеңесшісі', 'Помощник или советник Президента', 'Assistant or Adviser to the President'),
  ('visa_position', 'state_counsellor', 'Мемлекеттік кеңесші', 'Государственный советник', 'State Counsellor'),
  ('visa_position', 'pa_unit_head', 'Жауапты құрылымдық бөлімшенің басшысы', 'Руководитель ответственного структурного подразделения', 'Head of the responsible PA unit'),
  ('visa_position', 'general_department_head', 'Жалпы бөлімнің басшысы', 'Руководитель Общего отдела', 'Head of the General Department');

-- The rules, from the pure core (drafts_core.c) ------------------------------

CREATE FUNCTION draft_review_days(kind text) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_sql_draft_review_days' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION draft_review_days(text) IS
  'Working days the PA has to review a draft, from receipt: 10 for a planning_act (R20), 3 for an instruction_draft (R33); NULL for another act (the decree sets none)';

CREATE FUNCTION draft_may_set_refinement_term(decider text) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_draft_may_set_refinement_term' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION draft_may_set_refinement_term(text) IS
  'R21: may this official set a refinement term other than 5 working days (the Head of the PA, the Secretary of the SC, the Head of the President''s Office, an Assistant or an Adviser)';

CREATE FUNCTION draft_may_be_refined(kind text) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_draft_may_be_refined' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION draft_may_be_refined(text) IS
  'R21: may a draft of this kind be refined in the PA (an act''s draft; a draft instruction is reviewed under R33)';

CREATE FUNCTION draft_may_resolve_disagreement(decider text) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_draft_may_resolve_disagreement' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION draft_may_resolve_disagreement(text) IS
  'R37: may this official settle a disagreement on the measures or deadlines of a national plan (a leading official of the PA supervising the unit, or the Head of the PA)';

CREATE FUNCTION draft_channel_refusal(secrecy text, channel text, has_content boolean,
                                      has_paper_reason boolean, has_paper_card boolean) RETURNS text
AS 'MODULE_PATHNAME', 'ic_sql_draft_channel_refusal' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION draft_channel_refusal(text, text, boolean, boolean, boolean) IS
  'R13, R14: NULL when a draft of this secrecy may reach the PA this way, else why not';

CREATE FUNCTION draft_signatory_refusal(body_type text, signatory text) RETURNS text
AS 'MODULE_PATHNAME', 'ic_sql_draft_signatory_refusal' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION draft_signatory_refusal(text, text) IS
  'R14: NULL when this official may sign the draft a body of this type submits (the Prime Minister for the Government, the first head or akim for others), else why not';

CREATE FUNCTION draft_checklist_unmet(worked_out boolean, strategic boolean, result boolean,
                                      deadlines boolean, feasible boolean, autonomy boolean,
                                      no_duplicate boolean) RETURNS text
AS 'MODULE_PATHNAME', 'ic_sql_draft_checklist_unmet' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION draft_checklist_unmet(boolean, boolean, boolean, boolean, boolean, boolean, boolean) IS
  'R33: the first item of the R30 checklist (or the duplicate check) not met, NULL when all are';

CREATE FUNCTION draft_missing_visa(kind text, positions text[], media text[]) RETURNS text
AS 'MODULE_PATHNAME', 'ic_sql_draft_missing_visa' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION draft_missing_visa(text, text[], text[]) IS
  'R24, R33: the first visa a draft of this kind still needs before signature, given the visas put (position and medium, pairwise); NULL when none is missing';

CREATE FUNCTION draft_visa_refusal(kind text, visa text, medium text) RETURNS text
AS 'MODULE_PATHNAME', 'ic_sql_draft_visa_refusal' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION draft_visa_refusal(text, text, text) IS
  'R24: NULL when this visa may be put in this medium, else why not (the State Counsellor visas an act electronically)';

-- Drafts ---------------------------------------------------------------------

CREATE TABLE draft (
  id                   bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_ref         text UNIQUE,
  kind                 draft_kind NOT NULL,
  submitted_by_body_id bigint NOT NULL REFERENCES state_body,
  signatory            decider NOT NULL,
  received_on          date NOT NULL DEFAULT current_date,
  secrecy              secrecy_class NOT NULL DEFAULT 'none',
  channel              draft_channel NOT NULL DEFAULT 'electronic',
  paper_reason         text,
  paper_card_ref       text,
  national_plan        boolean NOT NULL DEFAULT false,
  title                text,
  content              text,
  recorded_by          name NOT NULL DEFAULT current_user,
  recorded_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX draft_body_idx ON draft (submitted_by_body_id);
COMMENT ON TABLE draft IS
  'Drafts of acts and instructions received by the PA, with the facts of receipt (R13, R14); fixed once written, reviewed through draft_step';
COMMENT ON COLUMN draft.external_ref IS 'Key of this draft in the host registry (EDMS)';
COMMENT ON COLUMN draft.kind IS 'planning_act (R20: 10 working days), act, or instruction_draft (R33: 3 working days)';
COMMENT ON COLUMN draft.submitted_by_body_id IS 'The state body that submitted the draft (R13)';
COMMENT ON COLUMN draft.signatory IS 'Who signed the submission: the Prime Minister for the Government, the first head (akim) for another body (R14)';
COMMENT ON COLUMN draft.received_on IS 'Day the draft reached the PA: the review terms count from it (R20, R33)';
COMMENT ON COLUMN draft.secrecy IS 'A state_secret draft comes on paper and the registry keeps its requisites only (R14)';
COMMENT ON COLUMN draft.channel IS 'electronic through the EDMS (R13) or paper (R14)';
COMMENT ON COLUMN draft.paper_reason IS 'Why a draft with restricted information came on paper: electronic submission was impossible (R14)';
COMMENT ON COLUMN draft.paper_card_ref IS 'Reference of the paper card of a state-secret draft (R14)';
COMMENT ON COLUMN draft.national_plan IS 'A draft of a national plan of measures: a disagreement on it is settled under R37';
COMMENT ON COLUMN draft.title IS 'Title (none for a state secret, R14)';
COMMENT ON COLUMN draft.content IS 'Text of the draft (none for a state secret, R14)';
COMMENT ON COLUMN draft.recorded_by IS 'The role that recorded the receipt (set by the registry)';
COMMENT ON COLUMN draft.recorded_at IS 'When the receipt was recorded';

CREATE TABLE draft_step (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  draft_id         bigint NOT NULL REFERENCES draft,
  -- the draft's body, copied when the step is written (draft_step_judge)
  submitted_by_body_id bigint,
  step             draft_step_kind NOT NULL,
  on_date          date NOT NULL DEFAULT current_date,
  decided_by       decider,
  term_days        integer CHECK (term_days BETWEEN 1 AND 250),
  due_date         date,
  visa_position    visa_position,
  medium           draft_channel,
  r30_worked_out   boolean,
  r30_strategic    boolean,
  r30_result       boolean,
  r30_deadlines    boolean,
  r30_feasible     boolean,
  r30_autonomy     boolean,
  r33_no_duplicate boolean,
  basis            text,
  act_id           bigint REFERENCES act,
  recorded_by      name NOT NULL DEFAULT current_user,
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((step = 'visa') = (visa_position IS NOT NULL AND medium IS NOT NULL)),
  CHECK (step = 'visa' OR (visa_position IS NULL AND medium IS NULL)),
  CHECK (step = 'refinement' OR (term_days IS NULL AND due_date IS NULL)),
  CHECK ((step = 'signed') = (act_id IS NOT NULL)),
  CHECK (step = 'agreed' OR num_nonnulls(r30_worked_out, r30_strategic, r30_result, r30_deadlines,
                                         r30_feasible, r30_autonomy, r33_no_duplicate) = 0)
);
CREATE INDEX draft_step_draft_idx ON draft_step (draft_id, on_date);
CREATE UNIQUE INDEX draft_step_act_idx ON draft_step (act_id) WHERE act_id IS NOT NULL;
COMMENT ON TABLE draft_step IS
  'Append-only journal of a draft''s review: each step judged by the rules (R20, R21, R24, R30, R33, R37) when it is written';
COMMENT ON COLUMN draft_step.submitted_by_body_id IS
  'The body that submitted the draft (draft.submitted_by_body_id, fixed: R13), copied by the registry when the step is written, never the client''s: a body''s readers see the steps of its drafts by it (row security without a look-up of the draft per step)';
COMMENT ON COLUMN draft_step.step IS 'refinement, agreed, returned, visa, disagreement_resolved, signed or withdrawn';
COMMENT ON COLUMN draft_step.on_date IS 'Day of the step: not before receipt, not before the draft''s last step, not in the future';
COMMENT ON COLUMN draft_step.decided_by IS 'refinement: who set another term (R21); disagreement_resolved: who settled it (R37)';
COMMENT ON COLUMN draft_step.term_days IS 'refinement: the term in working days another official set (R21); empty: 5';
COMMENT ON COLUMN draft_step.due_date IS 'refinement: the day the refinement is due, computed by the registry (R21)';
COMMENT ON COLUMN draft_step.visa_position IS 'visa: whose visa (R24, R33)';
COMMENT ON COLUMN draft_step.medium IS 'visa: on paper or electronic (R24, R33)';
COMMENT ON COLUMN draft_step.r30_worked_out IS 'agreed (instruction): R30(1) worked out and agreed with every body concerned';
COMMENT ON COLUMN draft_step.r30_strategic IS 'agreed (instruction): R30(2) fits the strategic goals';
COMMENT ON COLUMN draft_step.r30_result IS 'agreed (instruction): R30(3) concrete expected result';
COMMENT ON COLUMN draft_step.r30_deadlines IS 'agreed (instruction): R30(4) concrete deadlines';
COMMENT ON COLUMN draft_step.r30_feasible IS 'agreed (instruction): R30(5) economically feasible and resourced';
COMMENT ON COLUMN draft_step.r30_autonomy IS 'agreed (instruction): R30(6) respects the Government''s autonomy';
COMMENT ON COLUMN draft_step.r33_no_duplicate IS 'agreed (instruction): R33 checked not to duplicate earlier instructions';
COMMENT ON COLUMN draft_step.basis IS 'Why: the shortcomings (returned, refinement), the decision (R37), the reason of a withdrawal';
COMMENT ON COLUMN draft_step.act_id IS 'signed: the act the draft became';
COMMENT ON COLUMN draft_step.recorded_by IS 'The role that recorded the step (set by the registry)';
COMMENT ON COLUMN draft_step.recorded_at IS 'When the step was recorded';

-- R13, R14: what a receipt may say; the facts of receipt are fixed.
CREATE FUNCTION draft_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  body_kind instruction_control.body_type;
  refusal text;
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF (NEW.kind, NEW.submitted_by_body_id, NEW.signatory, NEW.received_on, NEW.secrecy, NEW.channel,
        NEW.paper_reason, NEW.paper_card_ref, NEW.national_plan, NEW.recorded_by, NEW.recorded_at)
       IS DISTINCT FROM
       (OLD.kind, OLD.submitted_by_body_id, OLD.signatory, OLD.received_on, OLD.secrecy, OLD.channel,
        OLD.paper_reason, OLD.paper_card_ref, OLD.national_plan, OLD.recorded_by, OLD.recorded_at) THEN
      RAISE EXCEPTION 'the facts of a draft''s receipt are fixed (R13, R14)'
        USING ERRCODE = 'IC507',
              DETAIL = format('Draft %s: an UPDATE changed its kind, body, signatory, day of receipt, secrecy or channel.', OLD.id),
              HINT = 'Correct title, content or external_ref only; a draft received wrongly is withdrawn (a withdrawn step) and received anew.';
    END IF;
  ELSE
    NEW.recorded_by := current_user;
    NEW.recorded_at := now();
  END IF;
  IF NOT isfinite(NEW.received_on) OR NEW.received_on > current_date THEN
    RAISE EXCEPTION 'a draft cannot be received on % (R20, R33)', NEW.received_on
      USING ERRCODE = 'IC501',
            DETAIL = format('Today is %s; the review terms count from the real day of receipt.', current_date),
            HINT = 'Give the day the draft reached the PA, today or earlier.';
  END IF;
  refusal := draft_channel_refusal(NEW.secrecy, NEW.channel,
                                   NEW.content IS NOT NULL OR NEW.title IS NOT NULL,
                                   NOT is_blank(NEW.paper_reason),
                                   NOT is_blank(NEW.paper_card_ref));
  IF refusal IS NOT NULL THEN
    RAISE EXCEPTION 'a draft cannot reach the PA this way (R13, R14)'
      USING ERRCODE = 'IC501',
            DETAIL = refusal,
            HINT = 'Electronic through the EDMS (R13); on paper only a state secret (paper_card_ref, no title or content) or, with paper_reason, restricted information (R14).';
  END IF;
  SELECT b.body_type INTO body_kind FROM state_body b WHERE b.id OPERATOR(pg_catalog.=) NEW.submitted_by_body_id;
  refusal := draft_signatory_refusal(body_kind, NEW.signatory);
  IF body_kind IS NOT NULL AND refusal IS NOT NULL THEN
    RAISE EXCEPTION 'the draft is not signed by whom R14 requires'
      USING ERRCODE = 'IC501',
            DETAIL = format('%s (body %s is of type %s; the draft is signed by %s).', refusal,
                            NEW.submitted_by_body_id, body_kind, NEW.signatory),
            HINT = 'The Government submits through the Prime Minister; another body through its first head (first_head, or akim for a local executive body).';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION draft_guard() IS
  'Trigger: a draft reaches the PA electronically or on paper as R13/R14 allow, signed as R14 requires, on a real day not in the future; its facts of receipt are fixed (IC501, IC507)';
CREATE TRIGGER draft_guard BEFORE INSERT OR UPDATE ON draft
  FOR EACH ROW EXECUTE FUNCTION draft_guard();

-- Each step is judged against the draft's journal so far.
CREATE FUNCTION draft_step_judge() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  d instruction_control.draft;
  last_day date;
  closed text;
  refusal text;
BEGIN
  -- one writer per draft at a time: the judgement reads the journal so far
  SELECT * INTO d FROM draft WHERE id OPERATOR(pg_catalog.=) NEW.draft_id FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NEW;                 -- the foreign key refuses it (23503)
  END IF;
  NEW.recorded_by := current_user;
  NEW.recorded_at := now();
  NEW.due_date := NULL;
  -- the draft's body (fixed once received: draft_guard), which the readers'
  -- row security reads on the step itself (issue 19)
  NEW.submitted_by_body_id := d.submitted_by_body_id;

  SELECT max(s.on_date), max(s.step) FILTER (WHERE s.step IN ('signed', 'withdrawn'))
    INTO last_day, closed
    FROM draft_step s WHERE s.draft_id OPERATOR(pg_catalog.=) NEW.draft_id;
  IF closed IS NOT NULL THEN
    RAISE EXCEPTION 'draft % is already %', d.id, closed
      USING ERRCODE = 'IC507',
            DETAIL = format('A %s step was refused: the draft''s review is over.', NEW.step),
            HINT = CASE closed WHEN 'signed' THEN 'Put its points on control (put_on_control_from_draft).'
                               ELSE 'Receive the new draft as a new row of draft.' END;
  END IF;
  IF NOT isfinite(NEW.on_date) OR NEW.on_date < d.received_on OR NEW.on_date > current_date
     OR NEW.on_date < last_day THEN
    RAISE EXCEPTION 'a step of draft % cannot be dated %', d.id, NEW.on_date
      USING ERRCODE = 'IC502',
            DETAIL = format('Received %s; last step %s; today %s.', d.received_on,
                            coalesce(last_day::text, 'none'), current_date),
            HINT = 'Date it between the draft''s last step (or its receipt) and today.';
  END IF;
  IF NEW.step IN ('returned', 'withdrawn', 'disagreement_resolved')
     AND is_blank(NEW.basis) THEN
    RAISE EXCEPTION 'a % step needs its basis', NEW.step
      USING ERRCODE = 'IC505',
            DETAIL = format('Draft %s: basis is empty.', d.id),
            HINT = 'State the shortcomings, the reason or the decision (R21, R37) in basis.';
  END IF;

  CASE NEW.step
  WHEN 'refinement' THEN
    -- R21: an act's draft is refined in 5 working days unless a named official sets another term
    IF NOT draft_may_be_refined(d.kind) THEN
      RAISE EXCEPTION 'a draft instruction is not refined under R21'
        USING ERRCODE = 'IC503',
              DETAIL = format('Draft %s is a draft instruction: R33 gives the PA 3 working days to review and agree it.', d.id),
              HINT = 'Return it (a returned step with the shortcomings) or agree it.';
    END IF;
    IF NEW.term_days IS NOT NULL AND NOT draft_may_set_refinement_term(NEW.decided_by) THEN
      RAISE EXCEPTION 'only the officials R21 names set another refinement term'
        USING ERRCODE = 'IC503',
              DETAIL = format('Draft %s: a term of %s working days set by %s.', d.id, NEW.term_days,
                              coalesce(NEW.decided_by::text, 'nobody named')),
              HINT = 'The Head of the PA, the Secretary of the SC, the Head of the President''s Office, an Assistant or an Adviser (decided_by); without them the term is 5 working days (R21).';
    END IF;
    NEW.due_date := add_working_days(NEW.on_date, coalesce(NEW.term_days, 5));
  WHEN 'agreed' THEN
    IF d.kind = 'instruction_draft' THEN
      refusal := draft_checklist_unmet(NEW.r30_worked_out, NEW.r30_strategic, NEW.r30_result,
                                       NEW.r30_deadlines, NEW.r30_feasible, NEW.r30_autonomy,
                                       NEW.r33_no_duplicate);
      IF refusal IS NOT NULL THEN
        RAISE EXCEPTION 'a draft instruction is agreed only when the R30 checklist is met (R33)'
          USING ERRCODE = 'IC504',
                DETAIL = format('Draft %s: not met: %s.', d.id, refusal),
                HINT = 'Return the draft with the shortcomings (a returned step), or record every item of R30 and the duplicate check as true.';
      END IF;
    ELSIF num_nonnulls(NEW.r30_worked_out, NEW.r30_strategic, NEW.r30_result, NEW.r30_deadlines,
                       NEW.r30_feasible, NEW.r30_autonomy, NEW.r33_no_duplicate) > 0 THEN
      RAISE EXCEPTION 'the R30 checklist is for draft instructions (R33)'
        USING ERRCODE = 'IC504',
              DETAIL = format('Draft %s is a draft %s.', d.id, d.kind),
              HINT = 'Agree an act''s draft without the checklist.';
    END IF;
  WHEN 'visa' THEN
    refusal := draft_visa_refusal(d.kind, NEW.visa_position, NEW.medium);
    IF refusal IS NOT NULL THEN
      RAISE EXCEPTION 'this visa is not put this way (R24)'
        USING ERRCODE = 'IC506',
              DETAIL = format('Draft %s: %s.', d.id, refusal),
              HINT = 'The State Counsellor visas electronically; the others as R24 and R33 say.';
    END IF;
  WHEN 'disagreement_resolved' THEN
    IF NOT d.national_plan OR NOT draft_may_resolve_disagreement(NEW.decided_by) THEN
      RAISE EXCEPTION 'R37 settles a disagreement on a national plan, by its officials'
        USING ERRCODE = 'IC503',
              DETAIL = format('Draft %s (national plan: %s) settled by %s.', d.id, d.national_plan,
                              coalesce(NEW.decided_by::text, 'nobody named')),
              HINT = 'The leading official of the PA who supervises the plan''s unit, or the Head of the PA (decided_by), on a draft with national_plan.';
    END IF;
  WHEN 'signed' THEN
    IF NOT EXISTS (SELECT 1 FROM draft_step s
                    WHERE s.draft_id OPERATOR(pg_catalog.=) d.id AND s.step OPERATOR(pg_catalog.=) 'agreed') THEN
      RAISE EXCEPTION 'draft % is signed before it was agreed (R20, R33)', d.id
        USING ERRCODE = 'IC507',
              DETAIL = 'The draft''s journal has no agreed step.',
              HINT = 'Record the PA''s agreement (agree_draft) first.';
    END IF;
    SELECT draft_missing_visa(d.kind, coalesce(array_agg(s.visa_position::text), '{}'),
                              coalesce(array_agg(s.medium::text), '{}'))
      INTO refusal
      FROM draft_step s WHERE s.draft_id OPERATOR(pg_catalog.=) d.id AND s.step OPERATOR(pg_catalog.=) 'visa';
    IF refusal IS NOT NULL THEN
      RAISE EXCEPTION 'draft % goes to signature without its visas (R24, R33)', d.id
        USING ERRCODE = 'IC506',
              DETAIL = format('Missing: %s.', refusal),
              HINT = 'Record the missing visa (visa_draft) before signing.';
    END IF;
  ELSE
    NULL;
  END CASE;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION draft_step_judge() IS
  'Trigger: judges a step of a draft''s review (R20, R21, R24, R30, R33, R37) against the journal so far and computes its due date; IC502-IC507';
CREATE TRIGGER draft_step_judge BEFORE INSERT ON draft_step
  FOR EACH ROW EXECUTE FUNCTION draft_step_judge();

CREATE FUNCTION draft_step_append_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'draft_step is append-only'
    USING ERRCODE = 'IC507',
          DETAIL = format('%s of draft_step was refused.', TG_OP),
          HINT = 'A step is corrected by a new step (returned, withdrawn); the journal keeps both.';
END
$$;
COMMENT ON FUNCTION draft_step_append_only() IS 'Trigger: the journal of a draft''s review is append-only (IC507)';
CREATE TRIGGER draft_step_append_only BEFORE UPDATE OR DELETE ON draft_step
  FOR EACH ROW EXECUTE FUNCTION draft_step_append_only();
CREATE TRIGGER draft_step_no_truncate BEFORE TRUNCATE ON draft_step
  FOR EACH STATEMENT EXECUTE FUNCTION draft_step_append_only();
CREATE TRIGGER server_id BEFORE INSERT ON draft FOR EACH ROW EXECUTE FUNCTION server_id();
CREATE TRIGGER server_id BEFORE INSERT ON draft_step FOR EACH ROW EXECUTE FUNCTION server_id();
REVOKE EXECUTE ON FUNCTION draft_guard(), draft_step_judge(), draft_step_append_only() FROM PUBLIC;

SELECT pg_catalog.pg_extension_config_dump('draft', '');
SELECT pg_catalog.pg_extension_config_dump('draft_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('draft_step', '');
SELECT pg_catalog.pg_extension_config_dump('draft_step_id_seq', '');

-- Where each draft stands ----------------------------------------------------

CREATE VIEW draft_state WITH (security_invoker = true) AS
SELECT d.id AS draft_id, d.external_ref, d.kind, d.submitted_by_body_id, d.received_on,
       d.secrecy, d.national_plan,
       draft_review_days(d.kind) AS review_days,
       add_working_days(d.received_on, draft_review_days(d.kind)) AS review_due,
       coalesce(j.last_step, 'received') AS status,
       j.agreed_on, j.refinement_due, j.signed_on, j.act_id,
       coalesce(j.agreed_on IS NULL AND j.closed_on IS NULL
                AND current_date > add_working_days(d.received_on, draft_review_days(d.kind)), false)
         AS review_overdue,
       CASE WHEN j.closed_on IS NULL
            THEN draft_missing_visa(d.kind, j.visa_positions, j.visa_media) END AS missing_visa
  FROM draft d
  LEFT JOIN LATERAL (
    SELECT (array_agg(s.step::text ORDER BY s.on_date DESC, s.id DESC)
              FILTER (WHERE s.step OPERATOR(pg_catalog.<>) 'visa'))[1] AS last_step,
           min(s.on_date) FILTER (WHERE s.step OPERATOR(pg_catalog.=) 'agreed') AS agreed_on,
           (array_agg(s.due_date ORDER BY s.id DESC) FILTER (WHERE s.step OPERATOR(pg_catalog.=) 'refinement'))[1]
             AS refinement_due,
           max(s.on_date) FILTER (WHERE s.step OPERATOR(pg_catalog.=) 'signed') AS signed_on,
           max(s.act_id) AS act_id,
           max(s.on_date) FILTER (WHERE s.step IN ('signed', 'withdrawn')) AS closed_on,
           coalesce(array_agg(s.visa_position::text) FILTER (WHERE s.step OPERATOR(pg_catalog.=) 'visa'), '{}') AS visa_positions,
           coalesce(array_agg(s.medium::text) FILTER (WHERE s.step OPERATOR(pg_catalog.=) 'visa'), '{}') AS visa_media
      FROM draft_step s WHERE s.draft_id OPERATOR(pg_catalog.=) d.id) j ON true;
COMMENT ON VIEW draft_state IS
  'Where each draft stands: status (the last step, or received), the review deadline from receipt (R20, R33) and whether it is overdue, the refinement deadline (R21), the first visa still missing (R24, R33), the act it became';
COMMENT ON COLUMN draft_state.review_days IS 'Working days of the review (R20: 10, R33: 3; NULL: no term for other acts)';
COMMENT ON COLUMN draft_state.review_due IS 'Last day of the review, counted in working days from receipt (R20, R33)';
COMMENT ON COLUMN draft_state.status IS 'received, refinement, agreed, returned, disagreement_resolved, signed or withdrawn (the last step but visas)';
COMMENT ON COLUMN draft_state.agreed_on IS 'Day the PA agreed the draft (the first agreed step)';
COMMENT ON COLUMN draft_state.refinement_due IS 'Last day of the latest refinement (R21)';
COMMENT ON COLUMN draft_state.signed_on IS 'Day the draft was signed';
COMMENT ON COLUMN draft_state.act_id IS 'The act the draft became';
COMMENT ON COLUMN draft_state.review_overdue IS 'Not agreed, signed or withdrawn after its review deadline (R20, R33)';
COMMENT ON COLUMN draft_state.missing_visa IS 'The first visa still needed before signature (R24, R33); NULL when none or the review is over';

-- Open drafts for the dashboards (issue 20, item 1) ---------------------------
-- The drafts not yet signed or withdrawn, one row each, with the deadlines the
-- sweep watches (sweep_draft_state, sweep_rule_draft): the review from receipt
-- (R20, R33; open until agreed) and the refinement in course (R21), how many
-- working days remain or are overdue, and the first visa still missing (R24,
-- R33).  (Whether an overdue one is escalated is the sweep's: its grace is in
-- sweep_setting, which a reader does not read.)  security_invoker: a body's reader sees the
-- drafts it submitted (the policies of draft), as in draft_state.  The forms
-- of Appendices 1-8 list instructions on control, so drafts stay out of them
-- (report_overdue included): this view is where overdue drafts show.
CREATE VIEW report_open_draft WITH (security_invoker = true) AS
SELECT s.draft_id, s.external_ref, s.kind::text AS kind,
       coalesce(vk.kk, s.kind::text) AS kind_kk, coalesce(vk.ru, s.kind::text) AS kind_ru,
       s.submitted_by_body_id, b.name AS body_name, s.received_on, s.status,
       coalesce(vs.kk, s.status) AS status_kk, coalesce(vs.ru, s.status) AS status_ru,
       CASE s.kind WHEN 'planning_act' THEN 'R20' WHEN 'instruction_draft' THEN 'R33' END AS review_rule,
       CASE WHEN s.agreed_on IS NULL THEN s.review_due END AS review_due,
       CASE WHEN s.agreed_on IS NULL AND s.review_due >= current_date
            THEN working_days_between(current_date, s.review_due, effective_calendar()) END AS review_days_left,
       o.review_overdue_days,
       CASE WHEN s.status = 'refinement' THEN s.refinement_due END AS refinement_due,
       o.refinement_overdue_days,
       o.review_overdue_days IS NOT NULL OR o.refinement_overdue_days IS NOT NULL AS overdue,
       s.missing_visa
  FROM draft_state s
  CROSS JOIN LATERAL (
    SELECT CASE WHEN s.review_overdue
                THEN working_days_between(s.review_due, current_date, effective_calendar()) END AS review_overdue_days,
           CASE WHEN s.status = 'refinement' AND s.refinement_due < current_date
                THEN working_days_between(s.refinement_due, current_date, effective_calendar()) END
             AS refinement_overdue_days) o
  LEFT JOIN state_body b ON b.id = s.submitted_by_body_id
  LEFT JOIN vocabulary vk ON vk.domain = 'draft_kind' AND vk.code = s.kind
  LEFT JOIN vocabulary vs ON vs.domain = 'draft_step_kind' AND vs.code = s.status
 WHERE s.status NOT IN ('signed', 'withdrawn')
   -- the same drafts (no step follows a signature or a withdrawal: IC507),
   -- left out before their journals are folded, not after (issue 19: at
   -- 40,000 drafts of ten years, nine in ten ended, 410 ms against 72)
   AND NOT EXISTS (SELECT 1 FROM draft_step x
                    WHERE x.draft_id = s.draft_id AND x.step IN ('signed', 'withdrawn'));
COMMENT ON VIEW report_open_draft IS
  'Drafts under review (жобалар қарауда / проекты на рассмотрении), one row each, for the dashboards: the review deadline from receipt (R20, R33) and the refinement in course (R21) with working days left or overdue, the first visa missing (R24, R33); a body''s reader sees the drafts it submitted; drafts are not in the forms of Appendices 1-8 (instructions on control)';
COMMENT ON COLUMN report_open_draft.draft_id IS 'The draft (draft.id)';
COMMENT ON COLUMN report_open_draft.external_ref IS 'Its key in the host registry (EDMS)';
COMMENT ON COLUMN report_open_draft.kind IS 'planning_act (R20), act or instruction_draft (R33)';
COMMENT ON COLUMN report_open_draft.kind_kk IS 'Kind in Kazakh (жоба түрі)';
COMMENT ON COLUMN report_open_draft.kind_ru IS 'Kind in Russian (вид проекта)';
COMMENT ON COLUMN report_open_draft.submitted_by_body_id IS 'The body that submitted it (R13)';
COMMENT ON COLUMN report_open_draft.body_name IS 'Its name';
COMMENT ON COLUMN report_open_draft.received_on IS 'Day of receipt: the review counts from it (R20, R33)';
COMMENT ON COLUMN report_open_draft.status IS 'received, refinement, agreed, returned or disagreement_resolved (draft_state.status)';
COMMENT ON COLUMN report_open_draft.status_kk IS 'Status in Kazakh (мәртебесі)';
COMMENT ON COLUMN report_open_draft.status_ru IS 'Status in Russian (статус)';
COMMENT ON COLUMN report_open_draft.review_rule IS 'The rule of the review term: R20 (10 working days) or R33 (3); NULL for another act (no term)';
COMMENT ON COLUMN report_open_draft.review_due IS 'Last day of the review (қарау мерзімі / срок рассмотрения) while not agreed';
COMMENT ON COLUMN report_open_draft.review_days_left IS 'Working days from today to review_due (0: due today); NULL when past or agreed';
COMMENT ON COLUMN report_open_draft.review_overdue_days IS 'Working days the review is overdue (мерзімі өткен күндер / дней просрочки); NULL when not overdue';
COMMENT ON COLUMN report_open_draft.refinement_due IS 'Last day of the refinement in course (R21); NULL when none is';
COMMENT ON COLUMN report_open_draft.refinement_overdue_days IS 'Working days the refinement is overdue (R21); NULL when not overdue';
COMMENT ON COLUMN report_open_draft.overdue IS 'The review or the refinement in course is overdue (the sweep raises draft_overdue)';
COMMENT ON COLUMN report_open_draft.missing_visa IS 'The first visa still needed before signature (R24, R33)';
