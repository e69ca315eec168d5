/*
 * 99y_merged: the objects two parts of 0.2->0.3 both change, written last in
 * their merged form (sql/src is the fresh install's text, which the update
 * must equal): sweep_scope (99c_roadmap: the PA's 5 working days, R57;
 * 99e_control_reports: the PA's own reporting dates, R66-1.1); sweep_found,
 * which passes as_of to sweep_rule_report_missing (R66-1.1), and the
 * per-mode statements derived from it (99b_sweep.sql's DO block: a part that
 * changes sweep_found() runs it again); the comment of transfer_control
 * (99c_roadmap, 99d_decisions).
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


CREATE OR REPLACE FUNCTION sweep_found(mode text, as_of date, reminder_to date, periods jsonb, keep_marks boolean,
                            batch_size integer, run bigint, since date DEFAULT NULL,
                            scope sweep_state_current[] DEFAULT NULL)
RETURNS TABLE (batch integer, instruction_id bigint, kind text, period date, addressee text, rule_id text,
               due_date date, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH found AS (
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue(s.due_date, s.on_control, s.calendar, as_of) e
     WHERE s.on_control AND s.due_date OPERATOR(pg_catalog.<) as_of
       AND CASE WHEN keep_marks THEN NOT EXISTS (SELECT 1 FROM instruction_control.overdue_mark m
                                                  WHERE m.instruction_id OPERATOR(pg_catalog.=) s.id
                                                    AND m.due_date OPERATOR(pg_catalog.=) s.due_date)
                ELSE true END
    UNION ALL
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      JOIN instruction_control.sweep_settings() g ON g.level OPERATOR(instruction_control.=) s.level
      CROSS JOIN LATERAL instruction_control.sweep_rule_escalation(s.id, s.kind, s.level, s.due_date, s.on_control,
                                                                   s.calendar, g.grace, as_of) e
     WHERE s.on_control AND s.due_date OPERATOR(pg_catalog.<) as_of
    UNION ALL
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      JOIN instruction_control.sweep_settings() g ON g.level OPERATOR(instruction_control.=) s.level
      CROSS JOIN LATERAL instruction_control.sweep_rule_reminder(s.due_date, s.on_control, s.calendar,
                                                                 g.reminder_days, as_of) e
     WHERE s.on_control AND s.due_date OPERATOR(pg_catalog.>=) as_of AND s.due_date OPERATOR(pg_catalog.<=) reminder_to
    UNION ALL
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_personal_overdue(s.id, s.kind, s.level, s.on_control,
                           s.deadline_source, s.original_due_date, s.signed_on, as_of) e
     WHERE s.on_control AND s.deadline_source OPERATOR(pg_catalog.=) 'two_weeks'
       AND s.original_due_date OPERATOR(pg_catalog.<) as_of
    UNION ALL
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_rule_roadmap_missing(s.id, s.on_control, s.regime,
                                                                                      s.roadmap_due_date, as_of)
                          UNION ALL
                          SELECT * FROM instruction_control.sweep_rule_roadmap_not_approved(s.id, s.kind, s.level,
                                          s.on_control, s.roadmap_due_date, s.calendar, as_of)) e
     WHERE s.on_control AND s.roadmap_due_date OPERATOR(pg_catalog.<) as_of
    UNION ALL
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_report_missing(s.id, s.on_control, s.reporting_period,
                           s.category, s.received_on, s.due_date, s.calendar, periods, as_of) e
     WHERE s.on_control AND s.reporting_period IS NOT NULL AND s.category IS NULL
    UNION ALL
    -- the branches driven by decisions, reports and marks look the instruction up
    -- (in the live rows for an incremental sweep)
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.decision d
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) d.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_measures_missing(d.instruction_id, s.on_control, d.decided_on,
                                                                         d.measures_due_date, as_of) e
     WHERE d.measures_due_date IS NOT NULL AND d.measures_due_date OPERATOR(pg_catalog.<) as_of
       AND d.decided_on OPERATOR(pg_catalog.<=) as_of
       AND (mode OPERATOR(pg_catalog.<>) 'incremental' OR d.measures_due_date OPERATOR(pg_catalog.>=) since)
    UNION ALL
    SELECT DISTINCT ON (rr.instruction_id, rr.submitted_on)
           s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.report rr
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) rr.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_risk_escalation(s.id, s.kind, s.level, s.on_control, rr.id,
                                                                        rr.submitted_on, as_of) e
     WHERE rr.kind OPERATOR(pg_catalog.=) 'risk' AND rr.submitted_on OPERATOR(pg_catalog.<=) as_of
       AND (mode OPERATOR(pg_catalog.<>) 'incremental'
            OR rr.instruction_id IN (SELECT c.instruction_id FROM instruction_control.sweep_change c
                                      WHERE c.taken_by OPERATOR(pg_catalog.=) run))
    UNION ALL
    -- the marks the day clears
    SELECT m.instruction_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.overdue_mark m
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) m.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue_cleared(m.due_date, s.on_control, s.due_date, as_of) e
     WHERE keep_marks
       AND (mode OPERATOR(pg_catalog.<>) 'incremental'
            OR m.instruction_id IN (SELECT u.id FROM instruction_control.sweep_state(mode, as_of, scope) u))
    UNION ALL
    -- replaying a past day: the overdue events raised before it that the day clears
    -- (sweep_found.as_of: event has a column as_of)
    SELECT e0.instruction_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.event e0
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) e0.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue_cleared(e0.period, s.on_control, s.due_date,
                                                                        sweep_found.as_of) e
     WHERE NOT keep_marks AND e0.kind OPERATOR(pg_catalog.=) 'overdue' AND e0.as_of OPERATOR(pg_catalog.<) sweep_found.as_of
  )
  SELECT (((pg_catalog.row_number() OVER (ORDER BY f.id, f.kind, f.period)) OPERATOR(pg_catalog.-) 1)
          OPERATOR(pg_catalog./) batch_size)::integer,
         f.id, f.kind, f.period, f.addressee, f.rule_id, f.due_date, f.detail
    FROM found f
   WHERE f.kind OPERATOR(pg_catalog.=) 'overdue' AND keep_marks
      OR NOT EXISTS (SELECT 1 FROM instruction_control.event e
                      WHERE e.instruction_id OPERATOR(pg_catalog.=) f.id AND e.kind OPERATOR(pg_catalog.=) f.kind
                        AND e.period OPERATOR(pg_catalog.=) f.period OFFSET 0)
$$;

DO $$
DECLARE
  m text;
BEGIN
  FOREACH m IN ARRAY ARRAY['current', 'replay', 'incremental'] LOOP
    EXECUTE pg_catalog.format($f$
      CREATE OR REPLACE FUNCTION instruction_control.%I(as_of date, reminder_to date, periods jsonb,
          keep_marks boolean, batch_size integer, run bigint, since date DEFAULT NULL)
      RETURNS TABLE (batch integer, instruction_id bigint, kind text, period date, addressee text,
                     rule_id text, due_date date, detail jsonb)
      LANGUAGE sql STABLE PARALLEL SAFE
      AS %L$f$, 'sweep_found_' || m, instruction_control.sweep_found_source(m));
    EXECUTE pg_catalog.format('COMMENT ON FUNCTION instruction_control.%I(date, date, jsonb, boolean, integer, '
                              'bigint, date) IS %L',
      'sweep_found_' || m,
      'Internal: sweep_found() for the mode ' || m || ', derived from it by sweep_found_source() when the '
      'extension was installed or updated (do not edit: change sweep_found())');
  END LOOP;
END
$$;
