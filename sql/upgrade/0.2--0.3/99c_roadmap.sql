/*
 * 99c_roadmap: roadmaps read right (issue 18, helper R1).
 * - R57 approvers: roadmap_judge() checks the declared drafter against the
 *   drafting body (state_body.body_type, inside_government,
 *   directly_subordinate_to_president) -- C only, no catalog change;
 * - R57, 5 working days: roadmap.submitted_to_pa_on; register_roadmap() takes
 *   it (DROP + CREATE: one more argument); submit_roadmap_to_pa() and
 *   agree_roadmap_with_pa() write the PA's two days once (trigger
 *   roadmap_pa_step; roadmap_append_only now refuses DELETE, roadmap_pa_step
 *   every other UPDATE); event kind roadmap_agreement_late (R57, to the Head
 *   of the PA) from sweep_rule_roadmap_agreement_late(), which
 *   sweep_rule_roadmap_not_approved() returns too; roadmap_not_approved is
 *   cited R56/R59 and waits the level's escalation grace (the project's own
 *   setting), not R57's 5 days; sweep_scope() re-reads the roadmaps whose
 *   PA days ended since; view report_roadmap;
 * - R59: the missing roadmap's detail says its 10 working days are R56's;
 * - R72: transfer_control's comment quotes R69.1 and R72.
 */

-- R72 and transfers: «бір реттен асырмай» (R69.1) against «қайталап ұзарту» (R72)
COMMENT ON FUNCTION transfer_control(bigint, control_regime, date, decider, text, text, text, date, text) IS
  'Transfer to medium-term (R69.3) or long-term (R69.4, roadmap mandatory: R59) control; counts as the one extension of R69.1: «бір реттен асырмай» covers transfers, R72 relaxes only «қайталап ұзарту», so a repeated transfer needs disciplinary_review while instruction_control.repeated_transfer_review is on (the default)';

-- R57: the day a roadmap is submitted to the PA ------------------------------
ALTER TABLE roadmap ADD COLUMN submitted_to_pa_on date;
COMMENT ON COLUMN roadmap.drafter IS 'Kind of drafting body, which fixes the approver (R57); must fit the drafting body (drafted_by_body_id, else the responsible body): inside the Government central_interdepartmental, outside it or directly subordinate to the President central_outside_government, local local; executor_only fits every body';
COMMENT ON COLUMN roadmap.drafted_by_body_id IS 'The body that drafted it (R57); NULL: the instruction''s responsible body';
COMMENT ON COLUMN roadmap.agreed_with_pa_on IS 'Day the PA agreed it, where needed (R57: within 5 working days of submitted_to_pa_on, the PA''s own term); not before submission, approval or receipt, not in the future; written once (agree_roadmap_with_pa)';
COMMENT ON COLUMN roadmap.submitted_to_pa_on IS 'Day it was submitted to the PA for agreement, where needed (R57: the PA''s 5 working days run from it); not before receipt, not in the future; written once (submit_roadmap_to_pa)';

COMMENT ON FUNCTION roadmap_judge() IS 'Trigger: judges the approval of a roadmap (R57: the drafter fits the drafting body) and journals it; on UPDATE lets through only the PA''s steps, each written once (submitted_to_pa_on, agreed_with_pa_on, R57)';
DROP TRIGGER roadmap_append_only ON roadmap;
CREATE TRIGGER roadmap_append_only BEFORE DELETE ON roadmap
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER roadmap_pa_step BEFORE UPDATE ON roadmap
  FOR EACH ROW EXECUTE FUNCTION roadmap_judge();

-- register_roadmap() gains submitted_to_pa_on (and returns the new row type)
DROP FUNCTION register_roadmap(bigint, roadmap_drafter, decider, bigint, date, boolean, boolean, date, text);
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
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO roadmap (instruction_id, drafter, approved_by, drafted_by_body_id, approved_on,
                       touches_government_powers, agreed_with_prime_minister, agreed_with_pa_on,
                       document_ref, submitted_to_pa_on)
  VALUES (instruction_id, drafter, approved_by, drafted_by_body_id, approved_on,
          touches_government_powers, agreed_with_prime_minister, agreed_with_pa_on, document_ref,
          submitted_to_pa_on)
  RETURNING *;
END;
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

\definition agree_roadmap_with_pa sql/src/40_api.sql


REVOKE EXECUTE ON FUNCTION register_roadmap, submit_roadmap_to_pa, agree_roadmap_with_pa FROM PUBLIC;
GRANT EXECUTE ON FUNCTION register_roadmap TO ic_executor, ic_controller;
GRANT UPDATE (submitted_to_pa_on) ON roadmap TO ic_executor;
GRANT EXECUTE ON FUNCTION submit_roadmap_to_pa TO ic_executor;
GRANT UPDATE (submitted_to_pa_on, agreed_with_pa_on) ON roadmap TO ic_controller;
GRANT EXECUTE ON FUNCTION submit_roadmap_to_pa, agree_roadmap_with_pa TO ic_controller;
CREATE POLICY executor_submits ON roadmap FOR UPDATE TO ic_executor
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) roadmap.instruction_id)
         AND (drafted_by_body_id IS NULL
              OR drafted_by_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[])));

-- The sweep: roadmap_agreement_late (R57); roadmap_not_approved re-cited ----
ALTER DOMAIN event_kind DROP CONSTRAINT event_kind_check;
ALTER DOMAIN event_kind ADD CONSTRAINT event_kind_check
  CHECK (VALUE IN ('reminder', 'overdue', 'overdue_cleared', 'escalation', 'risk_escalation',
                   'personal_overdue', 'roadmap_missing', 'roadmap_not_approved', 'report_missing',
                   'measures_missing', 'roadmap_agreement_late'));
COMMENT ON DOMAIN event_kind IS
  'Kind of event a sweep raises: reminder (R50.1), overdue, overdue_cleared, escalation (R66-1.3), risk_escalation (R66-3.5), personal_overdue (R51), roadmap_missing (R56, R59), roadmap_not_approved (R56, R59: still no roadmap after the escalation grace period, the project''s own setting), report_missing (R66-1.1), measures_missing (R72.4), roadmap_agreement_late (R57: the PA did not agree a submitted roadmap within 5 working days)';
COMMENT ON COLUMN event.kind IS 'event_kind: reminder, overdue, overdue_cleared, escalation, risk_escalation, personal_overdue, roadmap_missing, roadmap_not_approved, report_missing, measures_missing, roadmap_agreement_late';
COMMENT ON COLUMN event.period IS 'What the event is about, as a day: the deadline (overdue, escalation), the day of the reminder, the end of the reporting period, the roadmap or measures due date, the day of the risk report, the last of the PA''s 5 working days to agree a roadmap (R57)';
UPDATE vocabulary SET kk = 'Жол картасы мерзімінде бекітілмеді: басшылыққа хабарлау', ru = 'Дорожная карта не утверждена в срок: доклад руководству', en = 'Roadmap still not approved: escalation'
 WHERE domain = 'event_kind' AND code = 'roadmap_not_approved';
INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('event_kind', 'roadmap_agreement_late', 'Жол картасы ПӘ-мен бес жұмыс күні ішінде келісілмеді', 'Дорожная карта не согласована с АП в течение пяти рабочих дней', 'Roadmap not agreed by the PA within 5 working days');

-- sweep_rule_roadmap_missing(): as 0.3 has it, named by 99zp_sweep_rules_cited.sql (\definition)

-- R57's 5 working days are the PA's, for agreeing a roadmap submitted to it
-- («Келісу ... бес жұмыс күні ішінде жүзеге асырылады»): a roadmap submitted
-- and not agreed by the last of them is the PA's delay, reported to the Head
-- of the PA; its period is that last day.  An agreement recorded after as_of
-- is not known on as_of (a replay sees the day as it was).
\definition sweep_rule_roadmap_agreement_late sql/src/61_sweep_rules.sql

-- A roadmap still missing after the escalation grace period of the level
-- (sweep_setting: the project's own setting, not the decree's) is escalated
-- per R66-1.3 and cited by the rule that asked for it, R56 or R59 (R57's 5
-- working days are the PA's for agreeing, not a term of the executor).  The
-- rule also reports the PA's late agreement (R57), so the sweep's roadmap
-- arm asks one function for both.
-- sweep_rule_roadmap_not_approved(): as 0.3 has it, named by 99zp_sweep_rules_cited.sql (\definition)

-- sweep_rule_days(): as 0.3 has it, named by 99zp_sweep_rules_cited.sql (\definition)


-- The incremental sweep re-reads the roadmaps whose PA days ended (R57)
-- sweep_scope(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)

-- Roadmaps and the PA's agreement (R56, R57, R59) ----------------------------
CREATE VIEW report_roadmap WITH (security_invoker = true) AS
SELECT m.id AS roadmap_id,
       m.instruction_id,
       i.responsible_body_id,
       m.drafted_by_body_id,
       m.drafter::text AS drafter,
       coalesce(vr.kk, m.drafter) AS drafter_kk,
       coalesce(vr.ru, m.drafter) AS drafter_ru,
       m.approved_by::text AS approved_by,
       m.approved_on,
       i.roadmap_due_date,
       m.submitted_to_pa_on,
       a.due AS pa_agreement_due,
       m.agreed_with_pa_on,
       CASE WHEN m.submitted_to_pa_on IS NULL THEN 'not_submitted'
            WHEN m.agreed_with_pa_on IS NOT NULL AND m.agreed_with_pa_on <= a.due THEN 'agreed_in_time'
            WHEN m.agreed_with_pa_on IS NOT NULL THEN 'agreed_late'
            WHEN a.due < current_date THEN 'late'
            ELSE 'pending' END AS pa_agreement_status,
       CASE WHEN m.submitted_to_pa_on IS NOT NULL
            THEN working_days_between(m.submitted_to_pa_on, coalesce(m.agreed_with_pa_on, current_date),
                                      effective_calendar(i.calendar)) END AS pa_working_days,
       m.document_ref,
       (i.secrecy = 'state_secret') AS state_secret
  FROM roadmap m
  JOIN instruction i ON i.id = m.instruction_id
  LEFT JOIN LATERAL (SELECT add_working_days(m.submitted_to_pa_on, 5, effective_calendar(i.calendar)) AS due) a ON true
  LEFT JOIN vocabulary vr ON vr.domain = 'roadmap_drafter' AND vr.code = m.drafter::text;
COMMENT ON VIEW report_roadmap IS
  'Roadmaps (жол карталары / дорожные карты, R56, R57, R59): who drafted and approved each, and the PA''s agreement against its 5 working days from the submission (R57)';
COMMENT ON COLUMN report_roadmap.roadmap_id IS 'Roadmap id (жол картасы / дорожная карта)';
COMMENT ON COLUMN report_roadmap.instruction_id IS 'Instruction of the roadmap (тапсырма / поручение)';
COMMENT ON COLUMN report_roadmap.responsible_body_id IS 'Responsible executor of the instruction (жауапты орындаушы / ответственный исполнитель)';
COMMENT ON COLUMN report_roadmap.drafted_by_body_id IS 'Body that drafted it; NULL: the responsible executor (әзірлеген орган / разработавший орган)';
COMMENT ON COLUMN report_roadmap.drafter IS 'Kind of drafting body, which fixes the approver, R57 (әзірлеуші / разработчик)';
COMMENT ON COLUMN report_roadmap.drafter_kk IS 'Kind of drafting body in Kazakh';
COMMENT ON COLUMN report_roadmap.drafter_ru IS 'Kind of drafting body in Russian';
COMMENT ON COLUMN report_roadmap.approved_by IS 'Position that approved it, R57 (бекіткен / утвердивший)';
COMMENT ON COLUMN report_roadmap.approved_on IS 'Day it was approved (бекітілген күні / дата утверждения)';
COMMENT ON COLUMN report_roadmap.roadmap_due_date IS 'Day a roadmap is due for the instruction, R56, R59 (жол картасы мерзімі / срок дорожной карты)';
COMMENT ON COLUMN report_roadmap.submitted_to_pa_on IS 'Day it was submitted to the PA for agreement, R57 (ПӘ-ге ұсынылған күні / дата представления в АП)';
COMMENT ON COLUMN report_roadmap.pa_agreement_due IS 'Last of the PA''s 5 working days to agree it, R57 (ПӘ келісу мерзімі / срок согласования АП)';
COMMENT ON COLUMN report_roadmap.agreed_with_pa_on IS 'Day the PA agreed it, R57 (ПӘ келіскен күні / дата согласования АП)';
COMMENT ON COLUMN report_roadmap.pa_agreement_status IS 'The PA''s agreement against its 5 working days, R57: not_submitted, pending, late (not agreed and the days passed), agreed_in_time, agreed_late';
COMMENT ON COLUMN report_roadmap.pa_working_days IS 'Working days from the submission to the agreement, or to today while not agreed, R57 (жұмыс күндері / рабочие дни)';
COMMENT ON COLUMN report_roadmap.document_ref IS 'Reference of the roadmap document (құжат / документ)';
COMMENT ON COLUMN report_roadmap.state_secret IS 'The instruction contains state secrets, R14';

GRANT SELECT ON report_roadmap TO ic_reader;
