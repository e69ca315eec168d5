/*
 * 99b_sweep: sweep_begin short (issue 21, its last criterion), helper G.
 * Follows sql/src/62_sweep_found.sql: the sweep's branches written once in
 * sweep_found() over sweep_state(mode) (the state by mode, one arm kept when
 * planned), one static statement per mode in sweep_collect() (no format(), no
 * EXECUTE of built text); sweep_begin() re-created on it (validation, the run
 * row, the notes claimed, one call).  New functions only; nothing dropped.
 * Helper S: the statement of each mode, sweep_found_current/_replay/
 * _incremental, derived from sweep_found() by sweep_found_source() once, in
 * the upgrade's last part (99zz, a link to sql/src/62a_sweep_statements.sql),
 * so no sweep_state() arm is parsed when a
 * sweep is planned; a replay folds the journal once (replay_state).  The
 * foreign key event.rule_id -> rule dropped: sweep_batch() checks a batch's
 * rule ids at once (issue 19: the per-row check cost as much as the write).
 */

-- Where the sweep looks, written once (issue 21) ----------------------------
-- sweep_found() is the sweep's one list of branches: each says where to look
-- (an index range of the state, or the decisions, reports and marks that
-- drive a kind) and asks its rule (sweep_rule_<kind>, inlined) what the day
-- raises.  The state it reads is sweep_state(mode): three arms, of which a
-- constant mode keeps one when the statement is planned (the others are
-- dropped, not filtered at run time), so each mode's statement in
-- sweep_collect() is planned as if written for it alone: the live rows
-- through their partial indexes (today), the day folded from the journal
-- (a replay), or the instructions an incremental sweep re-reads (read once
-- by sweep_collect: sweep_scope).  LANGUAGE sql, STABLE, without SET and
-- schema-qualified, so the planner inlines them.

\definition sweep_state sql/src/62_sweep_found.sql

-- The candidates of a sweep, numbered in batches, leaving out what the outbox
-- holds: every branch once.  mode is current, replay or incremental (since:
-- the day swept before; scope: what it re-reads); the branches driven by
-- decisions, reports and marks then look at what is new only.
CREATE FUNCTION sweep_found(mode text, as_of date, reminder_to date, periods jsonb, keep_marks boolean,
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
COMMENT ON FUNCTION sweep_found(text, date, date, jsonb, boolean, integer, bigint, date, sweep_state_current[]) IS
  'Internal: the events the day as_of raises that the outbox does not hold (an overdue kept as a mark when keep_marks), numbered in batches of batch_size: every branch of the sweep once, each an index range asking its rule (sweep_rule_<kind>); mode current, replay or incremental (sweep_state)';

-- The statements a sweep runs: sweep_found() derived once per mode -----------
-- Planned through sweep_state(), a mode's statement parses the three arms of
-- the state at each of its eleven state references before the constant mode
-- drops two: ~2 ms more planning per sweep than a statement written for its
-- mode (issue 21: the incremental sweep of 200k instructions went from 28 to
-- 31-36 ms).  So the statements the sweep runs are derived from sweep_found()
-- here, once, when the extension is installed or updated (not at run time):
-- sweep_found_source(mode) is sweep_found()'s body with each state reference
-- replaced by the mode's relation, and the upgrade's last part (99zz) creates
-- sweep_found_current(), sweep_found_replay() and sweep_found_incremental()
-- with those bodies (static LANGUAGE sql functions, inlined as sweep_found()
-- was), from sweep_found() as the parts between leave it.  A rule is still
-- changed in its sweep_rule_<kind>() and a branch in sweep_found() (pgTAP
-- 42_sweep_collect checks that each body is in step).
\definition sweep_found_source sql/src/62_sweep_found.sql

-- The collection of a run: one static statement per mode, so each is planned
-- for its mode alone (sweep_found_<mode>); the values the rules read
-- are planned as the constants they are (force_custom_plan), as EXECUTE did.
CREATE FUNCTION sweep_collect(run bigint)
RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  r sweep_run;
  max_n integer;
  reminder_to date;
  periods jsonb;
  n integer;
BEGIN
  SELECT * INTO STRICT r FROM sweep_run WHERE id = run;
  -- a wide enough range for every calendar; the rule decides per row (sweep_rule_reminder)
  SELECT max(d) INTO max_n FROM sweep_settings() g, unnest(g.reminder_days) AS d;
  reminder_to := add_working_days(r.as_of, max_n) + 14;
  SELECT jsonb_object_agg(p, reporting_period_end(p::reporting_period, r.as_of))
    INTO periods FROM unnest(ARRAY['monthly', 'quarterly', 'half_yearly', 'yearly']) AS p;
  IF r.mode = 'replay' THEN
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail)
    SELECT run, f.* FROM sweep_found_replay(r.as_of, reminder_to, periods, r.marks, r.batch_size, run) f;
  ELSIF r.scope = 'incremental' THEN
    -- the instructions that can have changed since the day swept before (sweep_scope, read once in it)
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail)
    SELECT run, f.* FROM sweep_found_incremental(r.as_of, reminder_to, periods, r.marks, r.batch_size, run,
                                                 r.since) f;
  ELSE
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail)
    SELECT run, f.* FROM sweep_found_current(r.as_of, reminder_to, periods, r.marks, r.batch_size, run) f;
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
COMMENT ON FUNCTION sweep_collect(bigint) IS
  'Internal step of sweep_begin(): collects the candidates of the run (sweep_found) in the statement of its mode (current, replay, incremental); returns how many';

-- sweep_begin(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)
-- sweep_collect writes the candidates: only through sweep_begin (SECURITY DEFINER)
REVOKE EXECUTE ON FUNCTION sweep_collect(bigint) FROM PUBLIC;

-- The outbox without a foreign key per event (issue 19): sweep_batch(), the
-- only writer of event, checks a batch's rule ids at once.
ALTER TABLE event DROP CONSTRAINT event_rule_id_fkey;
ALTER TABLE event ADD CONSTRAINT event_rule_id_limit CHECK (text_limit_ok(rule_id, 'name', 'event.rule_id'));
COMMENT ON COLUMN event.rule_id IS 'The rule that asks for it (rule.id; sweep_batch(), the only writer, checks each batch''s rule ids at once rather than a foreign key row by row: issue 19)';

-- sweep_batch(): replaced whole by 99zo_sweep_candidates_read.sql, the last part that changes it
