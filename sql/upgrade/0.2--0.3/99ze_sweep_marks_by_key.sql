/*
 * 99ze_sweep_marks_by_key: an incremental sweep finds the overdue marks of
 *   the instructions it re-reads by their key (issue 19).  sweep_found()'s
 *   branch of the marks the day clears read every mark and kept those of the
 *   instructions in scope, a scan that grew with the overdue instructions (at
 *   1M instructions and 150,000 marks, 11 of a sweep's 18 ms of collection when
 *   nothing changed); it is now two branches: every mark in a sweep of the
 *   whole registry (current, replay) as before, and in an incremental sweep
 *   each instruction in scope looks its mark up (overdue_mark_pkey).  Follows
 *   sql/src/62_sweep_found.sql; the derived statements sweep_found_<mode>() are
 *   derived again (99zz, the last part).
 */

CREATE OR REPLACE FUNCTION sweep_found(mode text, as_of date, reminder_to date, periods jsonb, keep_marks boolean,
                            batch_size integer, run bigint, since date DEFAULT NULL,
                            scope sweep_state_current[] DEFAULT NULL)
RETURNS TABLE (batch integer, instruction_id bigint, kind text, period date, addressee text, rule_id text,
               due_date date, detail jsonb, draft_id bigint)
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
    -- the marks the day clears: every mark in a sweep of the whole registry
    SELECT m.instruction_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.overdue_mark m
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) m.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue_cleared(m.due_date, s.on_control, s.due_date, as_of) e
     WHERE keep_marks AND mode OPERATOR(pg_catalog.<>) 'incremental'
    UNION ALL
    -- in an incremental sweep, the marks of the instructions it re-reads, each
    -- found by its key (issue 19: reading every mark to keep those in scope was
    -- most of a sweep that changes nothing, and grew with the overdue ones)
    SELECT m.instruction_id, e.kind, e.period, e.addressee, e.rule_id, u.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) u
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.overdue_mark m
                           WHERE m.instruction_id OPERATOR(pg_catalog.=) u.id OFFSET 0) m
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue_cleared(m.due_date, u.on_control, u.due_date, as_of) e
     WHERE keep_marks AND NOT (mode OPERATOR(pg_catalog.<>) 'incremental')
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
  ),
  -- drafts' review deadlines (R20, R21, R33): every draft in every sweep (few
  -- rows), so a full and an incremental sweep agree; a draft_overdue event
  -- already raised is cleared once its deadline is no longer open
  draft_day AS MATERIALIZED (
    SELECT * FROM instruction_control.sweep_draft_state(sweep_found.as_of)
  ),
  draft_found AS (
    SELECT s.draft_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM draft_day s
      JOIN instruction_control.sweep_settings() g ON g.level OPERATOR(instruction_control.=) 'pa'::instruction_control.control_level
      CROSS JOIN LATERAL instruction_control.sweep_rule_draft(s.rule_id, s.due_date, s.open, s.calendar,
                                                              g.reminder_days, g.grace, sweep_found.as_of) e
     WHERE s.open
    UNION ALL
    SELECT e0.draft_id, e.kind, e.period, e.addressee, e.rule_id, e0.due_date, e.detail
      FROM instruction_control.event e0
      CROSS JOIN LATERAL instruction_control.sweep_rule_draft_cleared(
             e0.period, e0.rule_id,
             EXISTS (SELECT 1 FROM draft_day s
                      WHERE s.draft_id OPERATOR(pg_catalog.=) e0.draft_id AND s.open
                        AND s.due_date OPERATOR(pg_catalog.=) e0.period
                        AND s.due_date OPERATOR(pg_catalog.<) sweep_found.as_of),
             (SELECT pg_catalog.min(s.status) FROM draft_day s WHERE s.draft_id OPERATOR(pg_catalog.=) e0.draft_id)) e
     WHERE e0.instruction_id IS NULL AND e0.kind OPERATOR(pg_catalog.=) 'draft_overdue'
       AND e0.as_of OPERATOR(pg_catalog.<=) sweep_found.as_of
  )
  SELECT (((pg_catalog.row_number() OVER (ORDER BY f.id, f.draft_id, f.kind, f.period)) OPERATOR(pg_catalog.-) 1)
          OPERATOR(pg_catalog./) batch_size)::integer,
         f.id, f.kind, f.period, f.addressee, f.rule_id, f.due_date, f.detail, f.draft_id
    FROM (SELECT found.*, NULL::bigint AS draft_id FROM found
          UNION ALL
          SELECT NULL::bigint, d.kind, d.period, d.addressee, d.rule_id, d.due_date, d.detail, d.draft_id
            FROM draft_found d
           WHERE NOT EXISTS (SELECT 1 FROM instruction_control.event e
                              WHERE e.instruction_id IS NULL AND e.kind OPERATOR(pg_catalog.=) d.kind
                                AND e.period OPERATOR(pg_catalog.=) d.period
                                AND e.draft_id OPERATOR(pg_catalog.=) d.draft_id OFFSET 0)) f
   WHERE f.draft_id IS NOT NULL
      OR f.kind OPERATOR(pg_catalog.=) 'overdue' AND keep_marks
      OR NOT EXISTS (SELECT 1 FROM instruction_control.event e
                      WHERE e.instruction_id OPERATOR(pg_catalog.=) f.id AND e.kind OPERATOR(pg_catalog.=) f.kind
                        AND e.period OPERATOR(pg_catalog.=) f.period OFFSET 0)
$$;
