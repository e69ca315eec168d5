/*
 * 99e_control_reports: putting on control and interim reports (issue 18,
 * round three), following sql/src/60_sweep.sql (the sweep's settings and its
 * escalation and interim-report rules).  R66-1.3: the grace period before an
 * overdue escalation is labelled as the registry's own setting, not the
 * decree's (the comments of sweep_setting and sweep_settings(), the event's
 * detail.grace_basis).  R42-1.1, R4.5 and R66-1.2 are checked in C (the
 * instruction's guard and report_judge) and change no catalog object.
 */

COMMENT ON TABLE sweep_setting IS
  'Per control level: reminders N working days before a deadline (default 5 and 1) and the grace period in working days after which an overdue instruction is escalated (default 5; the registry''s own setting, not the decree''s: R66-1.3 sets no grace period); a level without a row uses the defaults';
COMMENT ON COLUMN sweep_setting.escalation_grace_days IS 'Working days past the deadline after which the overdue instruction is escalated: the registry''s own setting, not the decree''s (R66-1.3 sets no grace period: informing is due once the risk or problem appears)';
COMMENT ON FUNCTION sweep_settings() IS
  'Per control level the reminder days and the escalation grace period the sweep applies: sweep_setting, or the defaults (reminders 5 and 1 working days before, escalation 5 working days late: the registry''s own setting, not the decree''s) for a level without a row (R50.1, R66-1.3)';

CREATE OR REPLACE FUNCTION sweep_rule_escalation(id bigint, kind instruction_kind, level control_level, due_date date,
                                      on_control boolean, calendar text, grace integer, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'escalation', due_date, r.addressee::pg_catalog.text, r.rule_id,
         pg_catalog.jsonb_build_object('working_days_late', k.late, 'grace', grace,
                                       -- R66-1.3 sets no grace period: say whose the days are
                                       'grace_basis', 'registry setting (sweep_setting.escalation_grace_days), not the decree: R66-1.3 sets no grace period')
    FROM (SELECT instruction_control.working_days_between(due_date, as_of, calendar) AS late) k
   CROSS JOIN instruction_control.sweep_route(id, kind, level) r
   WHERE on_control AND due_date OPERATOR(pg_catalog.<) as_of
     AND k.late OPERATOR(pg_catalog.>=) grace AND k.late OPERATOR(pg_catalog.>) 0
$$;
COMMENT ON FUNCTION sweep_rule_escalation(bigint, instruction_kind, control_level, date, boolean, text, integer, date) IS
  'Sweep rule R66-1.3 (R74-1 below PA): overdue by the grace period of its level (working days; the registry''s own setting, not the decree''s, said so in the event''s detail as grace_basis): escalated per sweep_route()';
