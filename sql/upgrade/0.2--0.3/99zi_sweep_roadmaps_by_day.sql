/*
 * 99zi_sweep_roadmaps_by_day: an incremental sweep finds the roadmaps whose
 *   PA's 5 working days for agreement (R57) ended since the sweep before by a
 *   range of their submission day (issue 19).  sweep_scope()'s R57 arm read
 *   every roadmap and counted its term (~4 ms of every incremental sweep at
 *   50,000 roadmaps, growing with them); the term ends on or after since
 *   exactly when the roadmap was submitted on or after the 5th working day
 *   before since, a range of the new partial index roadmap_submitted_idx.
 *   Follows sql/src/61_sweep_rules.sql (sweep_scope() is inlined into the derived
 *   statement sweep_found_incremental() when it is planned: nothing to derive).
 */

-- R57 in an incremental sweep: the roadmaps submitted to the PA in a range of days (sweep_scope)
CREATE INDEX roadmap_submitted_idx ON roadmap (submitted_to_pa_on) WHERE submitted_to_pa_on IS NOT NULL;
COMMENT ON INDEX roadmap_submitted_idx IS
  'Roadmaps submitted to the PA, by the day of submission: an incremental sweep finds those whose 5 working days for the PA''s agreement (R57) ended since the sweep before';

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
  -- R57: the roadmaps whose 5 working days for the PA's agreement ended since.
  -- Those days end on or after since exactly when the roadmap was submitted
  -- on or after the 5th working day before since (add_working_days only
  -- grows with its day): a range of roadmap_submitted_idx, not every roadmap
  -- read and its term counted (issue 19: ~4 ms of every incremental sweep at
  -- 50,000 roadmaps, growing with them)
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.roadmap_due_date IS NOT NULL
     AND EXISTS (SELECT 1 FROM instruction_control.roadmap m
                  WHERE m.instruction_id OPERATOR(pg_catalog.=) s.id
                    AND m.submitted_to_pa_on IS NOT NULL AND m.submitted_to_pa_on OPERATOR(pg_catalog.<) sweep_scope.as_of
                    AND m.submitted_to_pa_on OPERATOR(pg_catalog.>=)
                        instruction_control.add_working_days(sweep_scope.since, -5, sweep_scope.calendar)
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
