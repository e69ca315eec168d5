/*
 * 99e_control_reports: putting on control and interim reports (issue 18,
 * round three), following sql/src/60_sweep.sql and 61_sweep_rules.sql (the sweep's settings and its
 * escalation and interim-report rules).  R66-1.3: the grace period before an
 * overdue escalation is labelled as the registry's own setting, not the
 * decree's (the comments of sweep_setting and sweep_settings(), the event's
 * detail.grace_basis).  R66-1.1: the PA sets the intermediate reporting
 * dates per instruction (sql/src/30_registry.sql: reporting_period explicit
 * and instruction.report_dates; calendar period ends stay the default), and
 * the sweep's rule (sweep_rule_report_missing, now given as_of, created in
 * 99a_reporting_period.sql) and the incremental scope (sweep_scope) sweep
 * against them.
 * R42-1.1, R4.5 and R66-1.2 are checked in C (the instruction's guard and
 * report_judge) and change no catalog object.
 */

-- R66-1.1: the domain and the column come first (99a_reporting_period.sql)

-- whole rows of instruction (RETURNING *): created anew to carry the new column
CREATE OR REPLACE FUNCTION put_on_control(
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
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO instruction (kind, level, received_on, term, due_date, content, act_id, point,
                           signed_on, responsible_body_id, co_executor_ids, controlling_body_id,
                           pa_unit, completion_form, final_result, category, secrecy,
                           paper_card_ref, local_character, public_resonance, new_approaches,
                           reporting_period, parent_id, external_ref, deadline_source, upper_record_id)
  VALUES (kind, level, received_on, term, due_date, content, act_id, point,
          signed_on, responsible_body_id, co_executor_ids, controlling_body_id,
          pa_unit, completion_form, final_result, category, secrecy,
          paper_card_ref, local_character, public_resonance, new_approaches,
          reporting_period, parent_id, external_ref, deadline_source, upper_record_id)
  RETURNING *;
END;
CREATE OR REPLACE FUNCTION import_instruction(
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
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO instruction (kind, level, received_on, due_date, content, act_id, point, signed_on, term,
                           responsible_body_id, co_executor_ids, category, secrecy, paper_card_ref,
                           external_ref, upper_record_id, imported, imported_in_force)
  VALUES (kind, level, received_on, due_date, content, act_id, point, signed_on, term,
          responsible_body_id, co_executor_ids, category, secrecy, paper_card_ref,
          external_ref, upper_record_id, true, in_force)
  RETURNING *;
END;

CREATE OR REPLACE FUNCTION sweep_scope(since date, as_of date, run bigint, calendar text)
RETURNS SETOF sweep_state_current
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH k AS MATERIALIZED (
    SELECT k.key, k.days FROM instruction_control.sweep_rule_days(sweep_scope.since, sweep_scope.as_of, sweep_scope.calendar) k
  )
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.due_date OPERATOR(pg_catalog.>=) sweep_scope.since AND s.due_date OPERATOR(pg_catalog.<) sweep_scope.as_of
  UNION
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control
     AND s.due_date OPERATOR(pg_catalog.=) ANY ((SELECT k.days FROM k
                                                 WHERE k.key OPERATOR(pg_catalog.=) 'due_date')::pg_catalog.date[])
  UNION
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.deadline_source OPERATOR(pg_catalog.=) 'two_weeks'
     AND s.original_due_date OPERATOR(pg_catalog.>=) sweep_scope.since AND s.original_due_date OPERATOR(pg_catalog.<) sweep_scope.as_of
  UNION
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.roadmap_due_date IS NOT NULL
     AND (s.roadmap_due_date OPERATOR(pg_catalog.>=) sweep_scope.since AND s.roadmap_due_date OPERATOR(pg_catalog.<) sweep_scope.as_of
          OR s.roadmap_due_date OPERATOR(pg_catalog.=) ANY ((SELECT k.days FROM k
                                                              WHERE k.key OPERATOR(pg_catalog.=) 'roadmap_due_date')::pg_catalog.date[]))
  UNION
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.reporting_period IS NOT NULL AND s.category IS NULL
     AND s.reporting_period OPERATOR(pg_catalog.=) ANY ((
           SELECT coalesce(pg_catalog.array_agg(p), '{}') FROM pg_catalog.unnest(ARRAY['monthly', 'quarterly', 'half_yearly', 'yearly']) AS p
            WHERE instruction_control.reporting_period_end(p::instruction_control.reporting_period, sweep_scope.since, sweep_scope.calendar)
                  OPERATOR(pg_catalog.<>) instruction_control.reporting_period_end(p::instruction_control.reporting_period, sweep_scope.as_of, sweep_scope.calendar))::pg_catalog.text[])
  UNION
  -- R66-1.1: the PA's own dates whose report became due since (sweep_rule_report_missing)
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.reporting_period OPERATOR(pg_catalog.=) 'explicit' AND s.category IS NULL
     AND EXISTS (SELECT 1 FROM instruction_control.instruction i
                  CROSS JOIN pg_catalog.unnest(i.report_dates) AS d(d)
                  WHERE i.id OPERATOR(pg_catalog.=) s.id
                    AND instruction_control.roll_forward(d.d, s.calendar) OPERATOR(pg_catalog.>=) sweep_scope.since
                    AND instruction_control.roll_forward(d.d, s.calendar) OPERATOR(pg_catalog.<) sweep_scope.as_of)
  UNION
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.id IN (SELECT c.instruction_id FROM instruction_control.sweep_change c WHERE c.taken_by OPERATOR(pg_catalog.=) sweep_scope.run
                  UNION
                  SELECT x.instruction_id FROM instruction_control.decision x
                   WHERE x.measures_due_date IS NOT NULL AND x.measures_due_date OPERATOR(pg_catalog.>=) sweep_scope.since
                     AND x.measures_due_date OPERATOR(pg_catalog.<) sweep_scope.as_of)
$$;
COMMENT ON FUNCTION sweep_scope(date, date, bigint, text) IS
  'Internal: the live instructions an incremental sweep re-reads: dates passed since the sweep of since, the key days of the rules (sweep_rule_days), reporting periods ended and the PA''s own reporting dates passed (R66-1.1), and the instructions the run''s notes name (sweep_change)';
-- the rule itself (given as_of) is in 99a_reporting_period.sql, before
-- 99b_sweep.sql creates sweep_found(), which calls it.

-- R66-1.3: the grace period is the registry's own setting -----------------

COMMENT ON TABLE sweep_setting IS
  'Per control level: reminders N working days before a deadline (default 5 and 1) and the grace period in working days after which an overdue instruction is escalated (default 5; the registry''s own setting, not the decree''s: R66-1.3 sets no grace period); a level without a row uses the defaults';
COMMENT ON COLUMN sweep_setting.escalation_grace_days IS 'Working days past the deadline after which the overdue instruction is escalated: the registry''s own setting, not the decree''s (R66-1.3 sets no grace period: informing is due once the risk or problem appears)';
COMMENT ON FUNCTION sweep_settings() IS
  'Per control level the reminder days and the escalation grace period the sweep applies: sweep_setting, or the defaults (reminders 5 and 1 working days before, escalation 5 working days late: the registry''s own setting, not the decree''s) for a level without a row (R50.1, R66-1.3)';

\definition sweep_rule_escalation sql/src/61_sweep_rules.sql
