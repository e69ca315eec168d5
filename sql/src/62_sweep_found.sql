-- ===========================================================================
-- Sweeps, part 3 of 4: where the sweep looks (sweep_found(), its branches
-- written once) and the statement of each mode derived from it.  The
-- overview: 60_sweep.sql.
-- ===========================================================================

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

CREATE FUNCTION sweep_state(mode text, as_of date, scope sweep_state_current[])
RETURNS SETOF sweep_state_current
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE mode OPERATOR(pg_catalog.=) 'current'
  UNION ALL
  -- ORDER BY keeps the day's state a subquery of its own (quals are still
  -- pushed into it): when mode is not replay the arm is dropped before the
  -- journal's fold (instruction_as_of) is planned at all
  SELECT a.* FROM (SELECT x.id, x.kind, x.level, x.regime::instruction_control.control_regime, x.on_control,
                          x.due_date, x.original_due_date, x.roadmap_due_date,
                          x.reporting_period::instruction_control.reporting_period,
                          x.category::instruction_control.monitoring_category, x.received_on, x.signed_on,
                          x.deadline_source::instruction_control.deadline_source, x.calendar,
                          x.responsible_body_id, x.controlling_body_id
                     FROM instruction_control.sweep_state_as_of(as_of) x ORDER BY x.id) a
   WHERE mode OPERATOR(pg_catalog.=) 'replay'
  UNION ALL
  SELECT u.* FROM pg_catalog.unnest(scope) u
   WHERE mode OPERATOR(pg_catalog.=) 'incremental'
$$;
COMMENT ON FUNCTION sweep_state(text, date, sweep_state_current[]) IS
  'Internal: the state a sweep reads by mode (a constant when planned): current (the live rows: sweep_state_current), replay (the day as_of folded from the journal: sweep_state_as_of), incremental (the rows of scope: sweep_scope read once)';

-- The candidates of a sweep, numbered in batches, leaving out what the outbox
-- holds: every branch once.  mode is current, replay or incremental (since:
-- the day swept before; scope: what it re-reads); the branches driven by
-- decisions, reports and marks then look at what is new only.
CREATE FUNCTION sweep_found(mode text, as_of date, reminder_to date, periods jsonb, keep_marks boolean,
                            batch_size integer, run bigint, since date DEFAULT NULL,
                            scope sweep_state_current[] DEFAULT NULL)
RETURNS TABLE (batch integer, instruction_id bigint, kind text, period date, addressee text, rule_id text,
               due_date date, detail jsonb, draft_id bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH found AS (
    -- an overdue instruction already marked raises nothing (its event is out):
    -- a sweep of the whole registry hashes every mark once ...
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue(s.due_date, s.on_control, s.calendar, as_of) e
     WHERE mode OPERATOR(pg_catalog.<>) 'incremental' AND s.on_control AND s.due_date OPERATOR(pg_catalog.<) as_of
       AND CASE WHEN keep_marks THEN NOT EXISTS (SELECT 1 FROM instruction_control.overdue_mark m
                                                  WHERE m.instruction_id OPERATOR(pg_catalog.=) s.id
                                                    AND m.due_date OPERATOR(pg_catalog.=) s.due_date)
                ELSE true END
    UNION ALL
    -- ... an incremental sweep looks up the mark of each instruction it
    -- re-reads by its key (OFFSET 0: a probe per row, never a hash of every
    -- mark; issue 19: hashing 120,000 marks was ~15 ms of a sweep re-reading
    -- 10,000 instructions, and grew with the overdue ones, not with the scope)
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue(s.due_date, s.on_control, s.calendar, as_of) e
     WHERE NOT (mode OPERATOR(pg_catalog.<>) 'incremental') AND s.on_control AND s.due_date OPERATOR(pg_catalog.<) as_of
       AND CASE WHEN keep_marks THEN NOT EXISTS (SELECT 1 FROM instruction_control.overdue_mark m
                                                  WHERE m.instruction_id OPERATOR(pg_catalog.=) s.id
                                                    AND m.due_date OPERATOR(pg_catalog.=) s.due_date OFFSET 0)
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
    -- the roadmaps: every instruction with a roadmap due (R56, R59), not only
    -- those whose day passed: the PA's 5 working days for agreeing a submitted
    -- roadmap (R57) run from its submission and can end before the executor's
    -- own day (the two rules of its due date check that day themselves)
    -- (the level's grace joined once, as for the escalations: looked up by
    -- the rule it was a scan of the settings per instruction; whether a
    -- roadmap was approved asked once for both rules, OFFSET 0 keeping it one
    -- probe: each rule probed for it, issue 19)
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      JOIN instruction_control.sweep_settings() g ON g.level OPERATOR(instruction_control.=) s.level
      CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM instruction_control.roadmap m
                                          WHERE m.instruction_id OPERATOR(pg_catalog.=) s.id
                                            AND m.approved_on OPERATOR(pg_catalog.<=) as_of) AS approved OFFSET 0) f
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_rule_roadmap_missing(s.on_control, s.regime,
                                          s.roadmap_due_date, f.approved, as_of)
                          UNION ALL
                          SELECT * FROM instruction_control.sweep_rule_roadmap_not_approved(s.id, s.kind, s.level,
                                          s.on_control, s.roadmap_due_date, s.calendar, g.grace, f.approved, as_of)) e
     WHERE s.on_control AND s.roadmap_due_date IS NOT NULL
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
       -- an incremental sweep: the risk reports of the instructions it re-reads,
       -- which hold those its notes name (sweep_scope; issue 19: reading the
       -- notes a second time here was 5 ms of a sweep re-reading 10,000)
       AND (mode OPERATOR(pg_catalog.<>) 'incremental'
            OR rr.instruction_id IN (SELECT u.id FROM instruction_control.sweep_state(mode, as_of, scope) u))
    UNION ALL
    -- the marks the day clears: every mark in a sweep of the whole registry
    SELECT m.instruction_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.overdue_mark m
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) m.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue_cleared(m.instruction_id, m.due_date, s.on_control, s.due_date, as_of) e
     WHERE keep_marks AND mode OPERATOR(pg_catalog.<>) 'incremental'
    UNION ALL
    -- in an incremental sweep, the marks of the instructions it re-reads, each
    -- found by its key (issue 19: reading every mark to keep those in scope was
    -- most of a sweep that changes nothing, and grew with the overdue ones)
    SELECT m.instruction_id, e.kind, e.period, e.addressee, e.rule_id, u.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) u
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.overdue_mark m
                           WHERE m.instruction_id OPERATOR(pg_catalog.=) u.id OFFSET 0) m
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue_cleared(m.instruction_id, m.due_date, u.on_control, u.due_date, as_of) e
     WHERE keep_marks AND NOT (mode OPERATOR(pg_catalog.<>) 'incremental')
    UNION ALL
    -- replaying a past day: the overdue events raised before it that the day clears
    -- (sweep_found.as_of: event has a column as_of)
    SELECT e0.instruction_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.event e0
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) e0.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue_cleared(e0.instruction_id, e0.period, s.on_control, s.due_date,
                                                                        sweep_found.as_of) e
     WHERE NOT keep_marks AND e0.kind OPERATOR(pg_catalog.=) 'overdue' AND e0.as_of OPERATOR(pg_catalog.<) sweep_found.as_of
  ),
  -- drafts' review deadlines (R20, R21, R33): in every sweep, every draft
  -- whose deadlines can raise or clear an event (sweep_draft_state), so a full
  -- and an incremental sweep agree; a draft_overdue event already raised is
  -- cleared once its deadline is no longer open
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
    -- the overdue events awaiting clearing (sweep_draft_overdue_open), each
    -- against its draft's state of the day
    -- (the draft's state read first, so the rule is called with plain values:
    -- the planner inlines no set-returning function with a subquery for an
    -- argument, and would call it per event through the SQL function machinery)
    SELECT e0.draft_id, e.kind, e.period, e.addressee, e.rule_id, e0.due_date, e.detail
      FROM instruction_control.sweep_draft_overdue_open(sweep_found.as_of) e0
      CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM draft_day s
                                          WHERE s.draft_id OPERATOR(pg_catalog.=) e0.draft_id AND s.open
                                            AND s.due_date OPERATOR(pg_catalog.=) e0.period
                                            AND s.due_date OPERATOR(pg_catalog.<) sweep_found.as_of) AS still_overdue,
                                 (SELECT pg_catalog.min(s.status) FROM draft_day s
                                   WHERE s.draft_id OPERATOR(pg_catalog.=) e0.draft_id) AS status) x
      CROSS JOIN LATERAL instruction_control.sweep_rule_draft_cleared(e0.period, e0.rule_id, x.still_overdue, x.status) e
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
COMMENT ON FUNCTION sweep_found(text, date, date, jsonb, boolean, integer, bigint, date, sweep_state_current[]) IS
  'Internal: the events the day as_of raises that the outbox does not hold (an overdue kept as a mark when keep_marks), numbered in batches of batch_size: every branch of the sweep once, each an index range asking its rule (sweep_rule_<kind>); mode current, replay or incremental (sweep_state); the drafts'' review deadlines (R20, R21, R33: draft_id set, instruction_id NULL) read whole in every mode';

-- The statements a sweep runs: sweep_found() derived once per mode -----------
-- Planned through sweep_state(), a mode's statement parses the three arms of
-- the state at each of its eleven state references before the constant mode
-- drops two: ~2 ms more planning per sweep than a statement written for its
-- mode (issue 21: the incremental sweep of 200k instructions went from 28 to
-- 31-36 ms).  So the statements the sweep runs are derived from sweep_found()
-- here, once, when the extension is installed or updated (not at run time):
-- sweep_found_source(mode) is sweep_found()'s body with each state reference
-- replaced by the mode's relation, and 62a_sweep_statements.sql creates
-- sweep_found_current(), sweep_found_replay() and sweep_found_incremental()
-- with those bodies (static LANGUAGE sql functions, inlined as sweep_found()
-- was).  A rule is still changed in its sweep_rule_<kind>() and a branch in
-- sweep_found(); an upgrade runs 62a_sweep_statements.sql again as its last
-- part (pgTAP 42_sweep_collect checks that each body is in step).
CREATE FUNCTION sweep_found_source(mode text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  src text;
  -- the three references sweep_found() makes to its mode, each written one way
  scan constant text := 'instruction_control.sweep_state(mode, as_of, scope)';
  lookup constant text := 'instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) ''replay'' '
                          'THEN ''replay'' ELSE ''current'' END, sweep_found.as_of, NULL)';
  all_rows constant text := 'mode OPERATOR(pg_catalog.<>) ''incremental''';
BEGIN
  IF mode NOT IN ('current', 'replay', 'incremental') THEN
    RAISE EXCEPTION 'no sweep mode %', mode
      USING ERRCODE = '22023', HINT = 'The modes are current, replay and incremental.';
  END IF;
  SELECT p.prosrc INTO STRICT src FROM pg_proc p
   WHERE p.oid = 'instruction_control.sweep_found(text, date, date, jsonb, boolean, integer, bigint, date, '
                 'instruction_control.sweep_state_current[])'::regprocedure;
  IF position('WITH found AS (' IN src) <> 1 + length(substring(src FROM '^\s*')) THEN
    RAISE EXCEPTION 'sweep_found() no longer begins with WITH found AS (' USING ERRCODE = 'XX000';
  END IF;
  -- a replay folds the journal once (replay_state), and every branch reads
  -- that fold: the lookups become joins with it (no OFFSET 0 fence: hash
  -- joins), not a fold of the journal per instruction looked up
  IF mode = 'replay' THEN
    src := regexp_replace(src, '(\.instruction_id) OFFSET 0\) s\M', '\1) s', 'g');
    src := replace(src, 'WITH found AS (',
                   'WITH replay_state AS MATERIALIZED (SELECT * FROM instruction_control.sweep_state_as_of(sweep_found.as_of)),'
                   || E'\n  found AS (');
  -- an incremental sweep reads what it re-reads (sweep_scope) once, in the
  -- statement: not as an array passed in, a constant the planner would copy
  -- into every branch (30-60 ms of planning for 2,000 instructions)
  ELSIF mode = 'incremental' THEN
    src := replace(src, 'WITH found AS (',
                   'WITH scope_state AS MATERIALIZED (SELECT * FROM instruction_control.sweep_scope(since, as_of, run, '
                   || 'instruction_control.effective_calendar())),' || E'\n  found AS (');
  END IF;
  src := replace(src, scan, CASE mode WHEN 'current' THEN 'instruction_control.sweep_state_current'
                                      WHEN 'replay' THEN 'replay_state'
                                      ELSE 'scope_state' END);
  src := replace(src, lookup, CASE mode WHEN 'replay' THEN 'replay_state'
                                        ELSE 'instruction_control.sweep_state_current' END);
  src := replace(src, all_rows, CASE mode WHEN 'incremental' THEN 'false' ELSE 'true' END);
  src := replace(src, 'sweep_found.', 'sweep_found_' || mode || '.');
  -- a reference to the mode written another way would be left behind: refuse
  -- (one to scope, the generic state's argument, fails when the function is created)
  IF src ~ '\mmode\M' OR src ~ 'sweep_state\(' THEN
    RAISE EXCEPTION 'sweep_found() refers to its mode in a way sweep_found_source() does not derive'
      USING ERRCODE = 'XX000',
            HINT = 'Write the state as sweep_state(mode, as_of, scope), a lookup as in the other lookup branches.';
  END IF;
  RETURN src;
END
$$;
COMMENT ON FUNCTION sweep_found_source(text) IS
  'Internal: the body of sweep_found_<mode>(): sweep_found()''s, with its state references replaced by the mode''s relation (current: sweep_state_current; replay: sweep_state_as_of, folded once; incremental: sweep_scope, read once); used once, when the extension is installed or updated';
