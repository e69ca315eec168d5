/*
 * 99i_reader: the readers' paths at their floor (issue 19) and the as-of forms
 * of the control card and the overdue register (issue 18, Views).  Follows
 * sql/src/90_security.sql (the index instruction_co_executors_idx and policy
 * body_slice on instruction, read through indexes; the grants of the as-of
 * functions) and sql/src/70a_reporting_history.sql (report_discipline counts the
 * journal's changes per instruction, same columns, so CREATE OR REPLACE keeps
 * its comments and grants; report_check_as_of, report_control_card_as_of,
 * report_overdue_as_of, new).
 */

CREATE INDEX instruction_co_executors_idx ON instruction USING gin (co_executor_ids)
  WHERE co_executor_ids OPERATOR(pg_catalog.<>) '{}';
COMMENT ON INDEX instruction_co_executors_idx IS
  'The instructions a body co-executes, for the readers'' policy body_slice (issue 19)';
ALTER POLICY body_slice ON instruction
  USING (responsible_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[])
         OR (co_executor_ids OPERATOR(pg_catalog.<>) '{}'
             AND co_executor_ids OPERATOR(pg_catalog.&&) (SELECT instruction_control.my_bodies())));

CREATE OR REPLACE VIEW report_discipline WITH (security_invoker = true) AS
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

REVOKE EXECUTE ON FUNCTION report_check_as_of(date), report_control_card_as_of(date, bigint),
  report_overdue_as_of(date, bigint)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_check_as_of(date), report_control_card_as_of(date, bigint),
  report_overdue_as_of(date, bigint)
  TO ic_reader;
