-- ===========================================================================
-- Reporting, part 2 of 4: the card and the overdue register as of a past
-- day, the decision history, roadmaps and executive discipline.  The
-- overview: 70_reporting.sql.
-- ===========================================================================

-- The control card and the overdue register as of a past day (issue 18, Views)
-- "What was overdue on 5 May": each view has an as-of form, a function of the
-- day that answers as the registry stood at the end of that day, folded from
-- the decision journal (instruction_as_of, as Appendix 8 reads it): the
-- deadline then, on control or removed (day and R75 ground), the regime and
-- the extensions (R69.1), repeated changes (R72), transfers (R69.3, R69.4)
-- and new deadlines (R70.4) decided by then, the days overdue counted to that
-- day.  The views are today's case: report_control_card_as_of(current_date)
-- returns the rows of report_control_card.  An instruction received after the
-- day is not in the answer.  The requisites (act, content, bodies, roadmap
-- date, final result) are shown as registered now.
-- body_id narrows the fold to one responsible body (read through its index).
-- The fold is index probes per card, which JIT compiling cannot speed up: its
-- cost estimate crosses the JIT thresholds even for one body and compiling
-- took seconds longer than the fold itself, so the functions run with
-- jit = off (a SET clause: only their own queries).
-- They run with the caller's privileges: row security gives a reader the
-- rows of its bodies, as the views do.

CREATE FUNCTION report_check_as_of(as_of date) RETURNS date
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF as_of IS NULL THEN
    RAISE EXCEPTION 'no day given for the registry as of a day'
      USING ERRCODE = 'IC307',
            HINT = 'Give a day up to today, e.g. report_overdue_as_of(date ''2025-05-05''); for today read the view.';
  END IF;
  IF as_of > current_date THEN
    RAISE EXCEPTION 'the registry as of % is not known yet', as_of
      USING ERRCODE = 'IC307',
            DETAIL = format('Today is %s: the journal answers for today and past days only.', current_date),
            HINT = 'Give a day up to today; for today read the view (report_control_card, report_overdue).';
  END IF;
  RETURN as_of;
END
$$;
COMMENT ON FUNCTION report_check_as_of(date) IS
  'The day of an as-of report, today or past; NULL or a future day raises IC307';

CREATE FUNCTION report_control_card_as_of(as_of date, body_id bigint DEFAULT NULL)
RETURNS SETOF report_control_card
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
SET jit = off
AS $$
DECLARE
  the_day date := report_check_as_of(as_of);
  the_body bigint := body_id;
BEGIN
  RETURN QUERY
  SELECT c.instruction_id, c.external_ref, c.act_id, c.act_type, c.act_number, c.act_title, c.act_signed_on,
         c.point, c.point_sort_key, c.kind, c.kind_kk, c.kind_ru, c.level, c.level_kk, c.level_ru,
         c.content, c.secrecy, c.state_secret, c.paper_card_ref, c.completion_form, c.final_result,
         c.responsible_body_id, c.responsible_body_code, c.responsible_body_name, c.responsible_body_name_kk,
         c.responsible_body_name_ru, c.responsible_body_sector, c.co_executor_count, c.co_executor_codes,
         c.co_executors_kk, c.co_executors_ru, c.controlling_body_id, c.controlling_body_name_ru,
         c.controlling_body_name_kk, c.pa_unit, c.signed_on, c.received_on, c.term, c.original_due_date,
         s.due_date,
         c.roadmap_due_date,
         CASE WHEN s.on_control AND s.due_date IS NOT NULL
              THEN working_days_between(the_day, s.due_date,
                     coalesce(c.calendar, current_setting('instruction_control.calendar', true), 'KZ')) END,
         (s.on_control AND s.due_date < the_day),
         CASE WHEN s.on_control AND s.due_date < the_day
              THEN working_days_between(s.due_date, the_day,
                     coalesce(c.calendar, current_setting('instruction_control.calendar', true), 'KZ'))
              ELSE 0 END,
         CASE WHEN s.on_control THEN 'on_control' ELSE 'removed' END,
         coalesce(vs.kk, CASE WHEN s.on_control THEN 'on_control' ELSE 'removed' END),
         coalesce(vs.ru, CASE WHEN s.on_control THEN 'on_control' ELSE 'removed' END),
         s.removed_on,
         s.removal_ground,
         s.regime, coalesce(vr.kk, s.regime), coalesce(vr.ru, s.regime),
         s.extension_decisions, s.repeated_extensions, s.transfers, s.new_deadlines,
         c.urgent,
         CASE WHEN s.due_date IS NOT NULL
              THEN NOT is_confirmed(s.due_date,
                     coalesce(c.calendar, current_setting('instruction_control.calendar', true), 'KZ'))
              ELSE false END,
         c.calendar, c.parent_id, c.upper_record_id, c.imported
    -- the cards the caller sees (of the body), each folded on its own: the
    -- fold is probed by instruction id (OFFSET 0 keeps both sides apart, so
    -- the planner does not fold the whole registry and join it afterwards)
    FROM (SELECT * FROM report_control_card c0
           WHERE the_body IS NULL OR c0.responsible_body_id = the_body OFFSET 0) c
   CROSS JOIN LATERAL (SELECT * FROM instruction_as_of(the_day) a
                        WHERE a.instruction_id = c.instruction_id OFFSET 0) s
    LEFT JOIN vocabulary vs
           ON vs.domain = 'instruction_status' AND vs.code = CASE WHEN s.on_control THEN 'on_control' ELSE 'removed' END
    LEFT JOIN vocabulary vr ON vr.domain = 'control_regime' AND vr.code = s.regime;
END
$$;
COMMENT ON FUNCTION report_control_card_as_of(date, bigint) IS
  'The control card as the registry stood at the end of a day up to today (issue 18, Views): the rows of report_control_card with the deadline, status, removal (day, R75 ground), regime, extensions (R69.1), repeated changes (R72), transfers (R69.3, R69.4), new deadlines (R70.4) and days left or overdue folded from the decision journal as of that day (instruction_as_of); instructions received after it are left out; body_id: only that responsible body''s. At current_date it equals the view. NULL or a future day: IC307. Row security applies as to the view';

CREATE FUNCTION report_overdue_as_of(as_of date, body_id bigint DEFAULT NULL)
RETURNS SETOF report_overdue
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
SET jit = off
AS $$
DECLARE
  the_day date := report_check_as_of(as_of);
BEGIN
  RETURN QUERY
  SELECT c.instruction_id, c.external_ref, c.act_id, c.act_type, c.act_number, c.act_signed_on,
         c.point, c.point_sort_key, c.kind, c.kind_kk, c.kind_ru, c.level, c.level_kk, c.level_ru,
         c.content, c.state_secret, c.paper_card_ref,
         c.responsible_body_id, c.responsible_body_code, c.responsible_body_name_kk, c.responsible_body_name_ru,
         c.responsible_body_sector, c.co_executors_ru, c.pa_unit,
         c.received_on, c.original_due_date, c.due_date,
         (the_day - c.due_date),
         c.working_days_overdue,
         c.regime, c.regime_kk, c.regime_ru, c.extensions, c.repeated_changes, c.transfers, c.new_deadlines,
         c.urgent
    FROM report_control_card_as_of(the_day, body_id) c
   WHERE c.overdue;
END
$$;
COMMENT ON FUNCTION report_overdue_as_of(date, bigint) IS
  'The overdue register as of a day up to today (issue 18, Views; "what was overdue on 5 May"): instructions on control at the end of that day whose deadline then was before it, with the days overdue counted to that day, folded from the decision journal (report_control_card_as_of); body_id: only that responsible body''s. At current_date it equals report_overdue. NULL or a future day: IC307. Row security applies as to the view';

-- The decision history ---------------------------------------------------------

CREATE VIEW report_decision_history WITH (security_invoker = true) AS
SELECT d.id AS decision_id,
       d.instruction_id,
       d.seq,
       i.act_id,
       i.point::text AS point,
       i.responsible_body_id,
       i.level::text AS level,
       d.kind::text AS kind,
       coalesce(vk.kk, d.kind) AS kind_kk,
       coalesce(vk.ru, d.kind) AS kind_ru,
       d.decided_on,
       d.decided_by::text AS decided_by,
       coalesce(vd.kk, d.decided_by) AS decided_by_kk,
       coalesce(vd.ru, d.decided_by) AS decided_by_ru,
       d.old_due_date,
       d.new_due_date,
       CASE WHEN d.old_due_date IS NOT NULL AND d.new_due_date IS NOT NULL
            THEN working_days_between(d.old_due_date, d.new_due_date,
                   coalesce(i.calendar, current_setting('instruction_control.calendar', true), 'KZ')) END
         AS shift_working_days,
       d.old_regime::text AS old_regime,
       d.new_regime::text AS new_regime,
       d.repeated,
       d.ground::text AS ground,
       coalesce(vg.kk, d.ground) AS ground_kk,
       coalesce(vg.ru, d.ground) AS ground_ru,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.reason END AS reason,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.basis END AS basis,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.disciplinary_review END AS disciplinary_review,
       (d.disciplinary_review IS NOT NULL OR (i.secrecy = 'state_secret' AND d.repeated)) AS disciplinary_review_taken,
       array_to_string(d.evidence::text[], ', ') AS evidence,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.evidence_ref END AS evidence_ref,
       d.paper_ref,
       d.measures_due_date,
       d.roadmap_due_date,
       d.receiving_body_id,
       coalesce(rb.name_ru, rb.name) AS receiving_body_name_ru,
       (i.secrecy = 'state_secret') AS state_secret,
       d.imported
  FROM decision d
  JOIN instruction i ON i.id = d.instruction_id
  LEFT JOIN state_body rb ON rb.id = d.receiving_body_id
  LEFT JOIN vocabulary vk ON vk.domain = 'decision_kind' AND vk.code = d.kind::text
  LEFT JOIN vocabulary vd ON vd.domain = 'decider' AND vd.code = d.decided_by::text
  LEFT JOIN vocabulary vg ON vg.domain = 'removal_ground' AND vg.code = d.ground::text;
COMMENT ON VIEW report_decision_history IS
  'Decision history (шешімдер журналы / журнал решений): every decision on control in its order, with the deadline and regime before and after; basis and review of state secrets are not shown (R14)';
COMMENT ON COLUMN report_decision_history.decision_id IS 'Decision id (шешім / решение)';
COMMENT ON COLUMN report_decision_history.instruction_id IS 'Instruction decided on (тапсырма / поручение)';
COMMENT ON COLUMN report_decision_history.seq IS 'Order among the instruction''s decisions (реті / порядковый номер)';
COMMENT ON COLUMN report_decision_history.act_id IS 'Act of the instruction (акт / акт)';
COMMENT ON COLUMN report_decision_history.point IS 'Point of the instruction (тармақ / пункт)';
COMMENT ON COLUMN report_decision_history.responsible_body_id IS 'Responsible executor of the instruction (жауапты орындаушы / ответственный исполнитель)';
COMMENT ON COLUMN report_decision_history.level IS 'Control level code (бақылау деңгейі / уровень контроля)';
COMMENT ON COLUMN report_decision_history.kind IS 'extension, transfer, new_deadline, removal, roadmap_approval (шешім түрі / вид решения)';
COMMENT ON COLUMN report_decision_history.kind_kk IS 'Kind of decision in Kazakh';
COMMENT ON COLUMN report_decision_history.kind_ru IS 'Kind of decision in Russian';
COMMENT ON COLUMN report_decision_history.decided_on IS 'Day of the decision (шешім күні / дата решения)';
COMMENT ON COLUMN report_decision_history.decided_by IS 'Position that decided (шешім қабылдаған / принявший решение)';
COMMENT ON COLUMN report_decision_history.decided_by_kk IS 'Decider in Kazakh';
COMMENT ON COLUMN report_decision_history.decided_by_ru IS 'Decider in Russian';
COMMENT ON COLUMN report_decision_history.old_due_date IS 'Deadline before the decision (бұрынғы мерзім / прежний срок)';
COMMENT ON COLUMN report_decision_history.new_due_date IS 'Deadline after the decision (жаңа мерзім / новый срок)';
COMMENT ON COLUMN report_decision_history.shift_working_days IS 'Working days the deadline moved (жылжу / сдвиг в рабочих днях)';
COMMENT ON COLUMN report_decision_history.old_regime IS 'Regime before a transfer (бұрынғы режим / прежний режим)';
COMMENT ON COLUMN report_decision_history.new_regime IS 'Regime after a transfer (жаңа режим / новый режим)';
COMMENT ON COLUMN report_decision_history.repeated IS 'A repeated extension or transfer, R72 (қайталап / повторно)';
COMMENT ON COLUMN report_decision_history.ground IS 'Removal ground, R75 (алу негізі / основание снятия)';
COMMENT ON COLUMN report_decision_history.ground_kk IS 'Removal ground in Kazakh';
COMMENT ON COLUMN report_decision_history.ground_ru IS 'Removal ground in Russian';
COMMENT ON COLUMN report_decision_history.reason IS 'Circumstances of a transfer or the emergency of a new deadline; NULL for a state secret (себебі / причина)';
COMMENT ON COLUMN report_decision_history.basis IS 'Expert conclusion, agreement or letter; NULL for a state secret (негіздеме / основание)';
COMMENT ON COLUMN report_decision_history.disciplinary_review IS 'Decision on disciplinary responsibility, R72; NULL for a state secret (тәртіптік жауаптылық / дисциплинарная ответственность)';
COMMENT ON COLUMN report_decision_history.disciplinary_review_taken IS 'Disciplinary responsibility was considered, R72 (also for state secrets, whose review is on paper)';
COMMENT ON COLUMN report_decision_history.evidence IS 'Kinds of removal evidence, R75, R76-1 (дәлелдер / подтверждающие документы)';
COMMENT ON COLUMN report_decision_history.evidence_ref IS 'References of the removal evidence; NULL for a state secret';
COMMENT ON COLUMN report_decision_history.paper_ref IS 'Paper document of a state-secret decision, R14 (қағаз құжат / бумажный документ)';
COMMENT ON COLUMN report_decision_history.measures_due_date IS 'Information on measures due, R72.4 (шаралар туралы ақпарат мерзімі / срок информации о мерах)';
COMMENT ON COLUMN report_decision_history.roadmap_due_date IS 'Roadmap due after a long-term transfer, R59 (жол картасы мерзімі / срок дорожной карты)';
COMMENT ON COLUMN report_decision_history.receiving_body_id IS 'Body taking over control, R75(4) (бақылауды қабылдаушы / принимающий контроль орган)';
COMMENT ON COLUMN report_decision_history.receiving_body_name_ru IS 'Body taking over control, in Russian';
COMMENT ON COLUMN report_decision_history.state_secret IS 'The instruction contains state secrets, R14';
COMMENT ON COLUMN report_decision_history.imported IS 'Imported history, not judged by Decree No. 403';

-- Roadmaps and the PA's agreement (R56, R57, R59) ----------------------------
-- «Келісу ... бес жұмыс күні ішінде жүзеге асырылады»: where a roadmap is agreed
-- with the PA, the PA agrees it within 5 working days of its submission -- the
-- PA's own term.  pa_agreement_status reads each roadmap against it.

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

-- Executive discipline ---------------------------------------------------------
-- One row per responsible body and month in which the deadline in force falls.
-- "On time": removed as executed on or before the deadline in force; "late":
-- executed after it, or still on control with the deadline passed.  The rate
-- is on time / (on time + late); to roll up to a quarter or a year, sum the
-- counts and divide again (a rate is not summed).

CREATE VIEW report_discipline WITH (security_invoker = true) AS
SELECT g.body_id, b.code AS body_code,
       coalesce(b.name_kk, b.name) AS body_name_kk, coalesce(b.name_ru, b.name) AS body_name_ru,
       b.body_type::text AS body_type, b.sector,
       g.period_start,
       (g.period_start + interval '1 month' - interval '1 day')::date AS period_end,
       extract(year FROM g.period_start)::integer AS year,
       extract(quarter FROM g.period_start)::integer AS quarter,
       extract(month FROM g.period_start)::integer AS month,
       g.instructions, g.on_time, g.late, g.executed_late, g.overdue, g.in_progress,
       g.extended, g.extended_repeatedly, g.transferred, g.with_new_deadline,
       g.removed_executed, g.removed_duplicated, g.removed_impossible, g.removed_control_passed,
       round(100.0 * g.on_time / nullif(g.on_time + g.late, 0), 1) AS on_time_rate
  FROM (
    SELECT i.responsible_body_id AS body_id,
           i.period_start,
           count(*)::integer AS instructions,
           count(*) FILTER (WHERE i.ground = 'executed' AND i.removed_on <= i.due_date)::integer AS on_time,
           count(*) FILTER (WHERE (i.ground = 'executed' AND i.removed_on > i.due_date)
                               OR (i.status = 'on_control' AND i.due_date < current_date))::integer AS late,
           count(*) FILTER (WHERE i.ground = 'executed' AND i.removed_on > i.due_date)::integer AS executed_late,
           count(*) FILTER (WHERE i.status = 'on_control' AND i.due_date < current_date)::integer AS overdue,
           count(*) FILTER (WHERE i.status = 'on_control' AND i.due_date >= current_date)::integer AS in_progress,
           -- instruction.extensions is R69.1's count of changes, extensions and
           -- transfers (the C journal, rules_effect_core.c); less the transfers
           -- it is the extension decisions (extension_decisions of
           -- instruction_as_of)
           count(*) FILTER (WHERE i.extensions > i.transfers)::integer AS extended,
           count(*) FILTER (WHERE i.repeated_extensions > 0)::integer AS extended_repeatedly,
           count(*) FILTER (WHERE i.transfers > 0)::integer AS transferred,
           count(*) FILTER (WHERE i.new_deadlines > 0)::integer AS with_new_deadline,
           count(*) FILTER (WHERE i.ground = 'executed')::integer AS removed_executed,
           count(*) FILTER (WHERE i.ground = 'duplicated')::integer AS removed_duplicated,
           count(*) FILTER (WHERE i.ground = 'impossible')::integer AS removed_impossible,
           count(*) FILTER (WHERE i.ground = 'control_passed')::integer AS removed_control_passed
      FROM (
        -- one row per instruction with the few decisions that are not first
        -- extensions or removals (transfers, new deadlines, repeated
        -- extensions) counted: joined, not aggregated apart, so the planner
        -- probes the journal's index for one body's instructions and hashes
        -- it for every body's (issue 19: a journal aggregated for every
        -- instruction cost a reader a probe of the decision policy per
        -- decision, and its plan crossed the JIT thresholds)
        SELECT i.id, i.responsible_body_id, i.due_date, i.status, i.removed_on, i.extensions,
               date_trunc('month', i.due_date::timestamp)::date AS period_start,
               r.ground,
               count(*) FILTER (WHERE d.kind = 'transfer') AS transfers,
               count(*) FILTER (WHERE d.kind = 'new_deadline') AS new_deadlines,
               count(*) FILTER (WHERE d.kind = 'extension') AS repeated_extensions
          FROM instruction i
          -- the removal, if any: a removed instruction takes no later decision, so
          -- its latest decision (kept by the journal) is the removal
          LEFT JOIN decision r ON r.id = i.last_decision_id AND i.status = 'removed' AND r.kind = 'removal'
          LEFT JOIN decision d ON d.instruction_id = i.id
                              AND (d.kind IN ('transfer', 'new_deadline') OR (d.kind = 'extension' AND d.repeated))
         WHERE i.due_date IS NOT NULL
           -- whole figures only: a body's row for a role that sees all its
           -- instructions (issue 17, item 5; see report_sees_all)
           AND ((SELECT report_whole_bodies()) IS NULL
                OR i.responsible_body_id = ANY ((SELECT report_whole_bodies())::bigint[]))
         GROUP BY i.id, r.ground
      ) i
     GROUP BY i.responsible_body_id, i.period_start
  ) g
  LEFT JOIN state_body b ON b.id = g.body_id;
COMMENT ON VIEW report_discipline IS
  'Executive discipline (атқарушылық тәртіп / исполнительская дисциплина) per responsible body and month of the deadline in force: on time, late, extended, extended repeatedly, transferred, new deadlines, removals by ground and the on-time rate; sum the counts to roll up.  Whole figures only: a reader of some bodies gets the rows of its bodies, never a partial count of another (issue 17, item 5)';
COMMENT ON COLUMN report_discipline.body_id IS 'Responsible executor id; NULL for instructions without one (жауапты орындаушы / ответственный исполнитель)';
COMMENT ON COLUMN report_discipline.body_code IS 'Short code of the body';
COMMENT ON COLUMN report_discipline.body_name_kk IS 'Body in Kazakh (орган атауы)';
COMMENT ON COLUMN report_discipline.body_name_ru IS 'Body in Russian (наименование органа)';
COMMENT ON COLUMN report_discipline.body_type IS 'Body type code (орган түрі / тип органа)';
COMMENT ON COLUMN report_discipline.sector IS 'Sector of the body (сала / сфера)';
COMMENT ON COLUMN report_discipline.period_start IS 'First day of the month the deadlines fall in (кезең басы / начало периода)';
COMMENT ON COLUMN report_discipline.period_end IS 'Last day of that month (кезең соңы / конец периода)';
COMMENT ON COLUMN report_discipline.year IS 'Year of the period (жыл / год)';
COMMENT ON COLUMN report_discipline.quarter IS 'Quarter of the period (тоқсан / квартал)';
COMMENT ON COLUMN report_discipline.month IS 'Month of the period (ай / месяц)';
COMMENT ON COLUMN report_discipline.instructions IS 'Instructions whose deadline in force falls in the period (тапсырмалар / поручения)';
COMMENT ON COLUMN report_discipline.on_time IS 'Removed as executed on or before the deadline (уақтылы / в срок)';
COMMENT ON COLUMN report_discipline.late IS 'Executed after the deadline, or still on control past it (мерзімін бұзып / с нарушением срока)';
COMMENT ON COLUMN report_discipline.executed_late IS 'Removed as executed after the deadline (кеш орындалған / исполнено с опозданием)';
COMMENT ON COLUMN report_discipline.overdue IS 'On control with the deadline passed, as of today (мерзімі өткен / просрочено)';
COMMENT ON COLUMN report_discipline.in_progress IS 'On control, deadline not yet passed (орындалуда / на исполнении)';
COMMENT ON COLUMN report_discipline.extended IS 'Instructions extended at least once, R69.1 (ұзартылған / продлено)';
COMMENT ON COLUMN report_discipline.extended_repeatedly IS 'Instructions extended repeatedly, R72 (қайталап ұзартылған / продлено повторно)';
COMMENT ON COLUMN report_discipline.transferred IS 'Instructions transferred to medium- or long-term control, R69.3, R69.4 (ауыстырылған / переведено)';
COMMENT ON COLUMN report_discipline.with_new_deadline IS 'Instructions with a new deadline, R70.4 (жаңа мерзім белгіленген / установлен новый срок)';
COMMENT ON COLUMN report_discipline.removed_executed IS 'Removed: executed, R75(1) (орындалды / исполнено)';
COMMENT ON COLUMN report_discipline.removed_duplicated IS 'Removed: contained in a new instruction, R75(2) (жаңа тапсырмада / новым поручением)';
COMMENT ON COLUMN report_discipline.removed_impossible IS 'Removed: impossible for objective reasons, R75(3) (мүмкін емес / невозможно)';
COMMENT ON COLUMN report_discipline.removed_control_passed IS 'Removed: control passed, R75(4) (бақылау берілді / контроль передан)';
COMMENT ON COLUMN report_discipline.on_time_rate IS 'Percent on time of on time + late, one decimal; NULL when neither (уақтылы орындау үлесі / доля исполненных в срок)';
