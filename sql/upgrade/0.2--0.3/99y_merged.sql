/*
 * 99y_merged: the objects two parts of 0.2->0.3 both change, written last in
 * their merged form (sql/src is the fresh install's text, which the update
 * must equal): sweep_scope (99c_roadmap: the PA's 5 working days, R57;
 * 99e_control_reports: the PA's own reporting dates, R66-1.1) and the
 * comment of transfer_control (99c_roadmap, 99d_decisions).
 */

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
  -- R57: the roadmaps whose 5 working days for the PA's agreement ended since
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.roadmap_due_date IS NOT NULL
     AND EXISTS (SELECT 1 FROM instruction_control.roadmap m
                  WHERE m.instruction_id OPERATOR(pg_catalog.=) s.id
                    AND m.submitted_to_pa_on IS NOT NULL AND m.submitted_to_pa_on OPERATOR(pg_catalog.<) sweep_scope.as_of
                    AND instruction_control.add_working_days(m.submitted_to_pa_on, 5, sweep_scope.calendar)
                        OPERATOR(pg_catalog.>=) sweep_scope.since
                    AND instruction_control.add_working_days(m.submitted_to_pa_on, 5, sweep_scope.calendar)
                        OPERATOR(pg_catalog.<) sweep_scope.as_of)
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
  'Internal: the live instructions an incremental sweep re-reads: dates passed since the sweep of since (deadlines, roadmap due dates, the PA''s 5 working days to agree a roadmap, R57), the key days of the rules (sweep_rule_days), reporting periods ended and the PA''s own reporting dates passed (R66-1.1), and the instructions the run''s notes name (sweep_change)';

COMMENT ON FUNCTION transfer_control IS
  'Transfer to medium-term (R69.3) or long-term (R69.4, roadmap mandatory: R59) control; counts as the one extension of R69.1 and rests on the same evidence (pa_expert_conclusion or pa_agreement): «бір реттен асырмай» covers transfers, R72 relaxes only «қайталап ұзарту», so a repeated transfer needs disciplinary_review while instruction_control.repeated_transfer_review is on (the default)';
