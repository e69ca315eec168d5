/*
 * 70_sweep_rules: the sweep as a catalogue of named rules (issue 21, item 2),
 * helper G.  Follows sql/src/61_sweep_rules.sql: one inlinable SQL function per
 * event kind (sweep_rule_<kind>), sweep_settings() (the one home of the
 * defaults), sweep_route() (the one routing, R66-1.3/R74-1),
 * effective_calendar(), sweep_rule_days() (the incremental key days asked of
 * the rules), sweep_scope() (what an incremental sweep re-reads);
 * sweep_begin() re-created on them; the state of a day counts in
 * effective_calendar().  Nothing is dropped: no function went away.
 */

-- The rules of the sweep: one named function per event kind ----------------
-- Each sweep_rule_<kind>() is the whole rule for one instruction: given the
-- facts of the day's state (and as_of) it returns the event it raises, if any
-- (kind, period, addressee, rule_id, detail).  They are LANGUAGE sql, STABLE,
-- without SET and schema-qualified, so the planner inlines them into the
-- sweep's statement (sweep_begin), whose branches only say where to look
-- (index ranges).  The incremental sweep derives the key days it must re-read
-- from the same functions (sweep_rule_days()), so a rule is written once:
-- changing a reminder rule is changing sweep_rule_reminder().

-- Settings with their defaults, the only place the defaults are written (R50.1, R66-1.3).
CREATE FUNCTION sweep_settings()
RETURNS TABLE (level control_level, reminder_days integer[], grace integer)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT l, coalesce(s.reminder_days, '{5,1}'::integer[]), coalesce(s.escalation_grace_days, 5)
    FROM instruction_control.control_levels() l
    LEFT JOIN instruction_control.sweep_setting s ON s.level OPERATOR(instruction_control.=) l
$$;
COMMENT ON FUNCTION sweep_settings() IS
  'Per control level the reminder days and the escalation grace period the sweep applies: sweep_setting, or the defaults (reminders 5 and 1 working days before, escalation 5 working days late) for a level without a row (R50.1, R66-1.3)';

-- The calendar an instruction's working days are counted in (R50.3).
\definition effective_calendar sql/src/61_sweep_rules.sql

-- Who an escalation of an instruction goes to (R66-1.3; R74-1 below PA).
\definition sweep_route sql/src/61_sweep_rules.sql

\definition sweep_rule_overdue sql/src/61_sweep_rules.sql

CREATE FUNCTION sweep_rule_escalation(id bigint, kind instruction_kind, level control_level, due_date date,
                                      on_control boolean, calendar text, grace integer, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'escalation', due_date, r.addressee::pg_catalog.text, r.rule_id,
         pg_catalog.jsonb_build_object('working_days_late', k.late, 'grace', grace)
    FROM (SELECT instruction_control.working_days_between(due_date, as_of, calendar) AS late) k
   CROSS JOIN instruction_control.sweep_route(id, kind, level) r
   WHERE on_control AND due_date OPERATOR(pg_catalog.<) as_of
     AND k.late OPERATOR(pg_catalog.>=) grace AND k.late OPERATOR(pg_catalog.>) 0
$$;
COMMENT ON FUNCTION sweep_rule_escalation(bigint, instruction_kind, control_level, date, boolean, text, integer, date) IS
  'Sweep rule R66-1.3 (R74-1 below PA): overdue by the grace period of its level (working days): escalated per sweep_route()';

\definition sweep_rule_reminder sql/src/61_sweep_rules.sql

\definition sweep_rule_personal_overdue sql/src/61_sweep_rules.sql

CREATE FUNCTION sweep_rule_roadmap_missing(id bigint, on_control boolean, regime text, roadmap_due_date date, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'roadmap_missing', roadmap_due_date, 'controller',
         CASE WHEN regime OPERATOR(pg_catalog.=) 'long_term' THEN 'R59' ELSE 'R56' END,
         pg_catalog.jsonb_build_object('roadmap_due_date', roadmap_due_date)
   WHERE on_control AND roadmap_due_date OPERATOR(pg_catalog.<) as_of
     AND NOT EXISTS (SELECT 1 FROM instruction_control.roadmap m
                      WHERE m.instruction_id OPERATOR(pg_catalog.=) sweep_rule_roadmap_missing.id
                        AND m.approved_on OPERATOR(pg_catalog.<=) sweep_rule_roadmap_missing.as_of OFFSET 0)
$$;
COMMENT ON FUNCTION sweep_rule_roadmap_missing(bigint, boolean, text, date, date) IS
  'Sweep rule R56 (R59 under long-term control): no roadmap registered by its due date, to the controller';

CREATE FUNCTION sweep_rule_roadmap_not_approved(id bigint, kind instruction_kind, level control_level, on_control boolean,
                                                roadmap_due_date date, calendar text, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'roadmap_not_approved', roadmap_due_date, r.addressee::pg_catalog.text, 'R57',
         pg_catalog.jsonb_build_object('roadmap_due_date', roadmap_due_date)
    FROM instruction_control.sweep_route(id, kind, level) r
   WHERE on_control AND roadmap_due_date OPERATOR(pg_catalog.<) as_of
     AND instruction_control.add_working_days(roadmap_due_date, 5, calendar) OPERATOR(pg_catalog.<) as_of
     AND NOT EXISTS (SELECT 1 FROM instruction_control.roadmap m
                      WHERE m.instruction_id OPERATOR(pg_catalog.=) sweep_rule_roadmap_not_approved.id
                        AND m.approved_on OPERATOR(pg_catalog.<=) sweep_rule_roadmap_not_approved.as_of OFFSET 0)
$$;
COMMENT ON FUNCTION sweep_rule_roadmap_not_approved(bigint, instruction_kind, control_level, boolean, date, text, date) IS
  'Sweep rule R57: no approved roadmap 5 working days after its due date, escalated per sweep_route()';

CREATE FUNCTION sweep_rule_report_missing(id bigint, on_control boolean, reporting_period text, category text,
                                          received_on date, due_date date, calendar text, period_ends jsonb)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'report_missing', p.period_end, 'controller', 'R66-1.1',
         pg_catalog.jsonb_build_object('reporting_period', reporting_period, 'period_end', p.period_end,
                                       'report_due', instruction_control.roll_forward(p.period_end, calendar))
    FROM (SELECT (period_ends OPERATOR(pg_catalog.->>) reporting_period)::pg_catalog.date AS period_end) p
   WHERE on_control AND reporting_period IS NOT NULL AND category IS NULL
     AND received_on OPERATOR(pg_catalog.<) p.period_end AND due_date OPERATOR(pg_catalog.>) p.period_end
     AND NOT EXISTS (SELECT 1 FROM instruction_control.report r
                      WHERE r.instruction_id OPERATOR(pg_catalog.=) sweep_rule_report_missing.id
                        AND r.kind OPERATOR(pg_catalog.=) 'intermediate'::instruction_control.report_kind
                        AND r.period_end OPERATOR(pg_catalog.>=) p.period_end
                        AND r.submitted_on OPERATOR(pg_catalog.<=)
                            instruction_control.roll_forward(p.period_end, sweep_rule_report_missing.calendar)
                     OFFSET 0)
$$;
COMMENT ON FUNCTION sweep_rule_report_missing(bigint, boolean, text, text, date, date, text, jsonb) IS
  'Sweep rule R66-1.1: no intermediate report for the period just ended (period_ends: the end of the latest period of each kind, reporting_period_end()) by its day, to the controller';

\definition sweep_rule_measures_missing sql/src/61_sweep_rules.sql

\definition sweep_rule_risk_escalation sql/src/61_sweep_rules.sql

\definition sweep_rule_overdue_cleared sql/src/61_sweep_rules.sql

-- The key days an incremental sweep re-reads (issue 16): for the rules that
-- fire a number of working days before or after a date, the dates for which
-- the rule, asked as of as_of, raises an event (a period) it did not raise as
-- of since.  Derived by asking the rule functions themselves about every day
-- of a window as wide as the settings reach (sweep_settings) and for every
-- level's settings: nothing re-encoded.
CREATE FUNCTION sweep_rule_days(since date, as_of date, calendar text)
RETURNS TABLE (key text, days date[])
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH reach AS (   -- how many working days any setting reaches (5: R57's days for approval)
    SELECT pg_catalog.max(greatest(g.grace, 5, (SELECT pg_catalog.max(n) FROM pg_catalog.unnest(g.reminder_days) n))) AS n
      FROM instruction_control.sweep_settings() g
  ),
  probe AS (
    SELECT d::pg_catalog.date AS d, g.level, g.reminder_days, g.grace
      FROM reach,
           pg_catalog.generate_series(instruction_control.add_working_days(since, OPERATOR(pg_catalog.-) (reach.n OPERATOR(pg_catalog.+) 2), calendar) OPERATOR(pg_catalog.-) 7,
                                      instruction_control.add_working_days(as_of, reach.n OPERATOR(pg_catalog.+) 2, calendar) OPERATOR(pg_catalog.+) 7,
                                      '1 day'::pg_catalog.interval) d
     CROSS JOIN instruction_control.sweep_settings() g
  )
  SELECT 'due_date', coalesce(pg_catalog.array_agg(DISTINCT p.d ORDER BY p.d), '{}')
    FROM probe p
   WHERE EXISTS (SELECT r.period FROM instruction_control.sweep_rule_reminder(p.d, true, calendar, p.reminder_days, as_of) r
                 EXCEPT
                 SELECT r.period FROM instruction_control.sweep_rule_reminder(p.d, true, calendar, p.reminder_days, since) r)
      OR EXISTS (SELECT r.period FROM instruction_control.sweep_rule_escalation(NULL, 'act_point', p.level, p.d, true, calendar, p.grace, as_of) r
                 EXCEPT
                 SELECT r.period FROM instruction_control.sweep_rule_escalation(NULL, 'act_point', p.level, p.d, true, calendar, p.grace, since) r)
  UNION ALL
  SELECT 'roadmap_due_date', coalesce(pg_catalog.array_agg(DISTINCT p.d ORDER BY p.d), '{}')
    FROM probe p
   WHERE EXISTS (SELECT r.period FROM instruction_control.sweep_rule_roadmap_not_approved(NULL, 'act_point', p.level, true, p.d, calendar, as_of) r
                 EXCEPT
                 SELECT r.period FROM instruction_control.sweep_rule_roadmap_not_approved(NULL, 'act_point', p.level, true, p.d, calendar, since) r)
$$;
COMMENT ON FUNCTION sweep_rule_days(date, date, text) IS
  'Internal: the deadlines (due_date) and roadmap due dates whose reminder (R50.1), escalation (R66-1.3) or roadmap approval (R57) event becomes due after the sweep of since and by as_of, found by asking the rule functions (sweep_rule_reminder, sweep_rule_escalation, sweep_rule_roadmap_not_approved)';

-- The state of a day counts working days in effective_calendar()
CREATE OR REPLACE VIEW sweep_state_current AS
SELECT i.id, i.kind, i.level, i.regime, i.status = 'on_control' AS on_control,
       i.due_date, i.original_due_date, i.roadmap_due_date, i.reporting_period,
       i.category, i.received_on, i.signed_on, i.deadline_source,
       effective_calendar(i.calendar) AS calendar, i.responsible_body_id, i.controlling_body_id
  FROM instruction i;
COMMENT ON VIEW sweep_state_current IS 'Internal: the live state the sweep of today reads (through the instruction''s indexes: the columns are the table''s own, so the partial indexes'' predicates match)';

CREATE OR REPLACE FUNCTION sweep_state_as_of(as_of date)
RETURNS TABLE (id bigint, kind instruction_kind, level control_level, regime text, on_control boolean,
               due_date date, original_due_date date, roadmap_due_date date, reporting_period text,
               category text, received_on date, signed_on date, deadline_source text, calendar text,
               responsible_body_id bigint, controlling_body_id bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT i.id, i.kind, i.level, a.regime, a.on_control, a.due_date, i.original_due_date,
         -- R59: the latest transfer's roadmap date decided by then; else R56's from receipt
         coalesce(
           (SELECT d.roadmap_due_date FROM instruction_control.decision d
             WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id AND d.roadmap_due_date IS NOT NULL
               AND d.decided_on OPERATOR(pg_catalog.<=) as_of
             ORDER BY d.seq DESC LIMIT 1),
           CASE WHEN NOT EXISTS (SELECT 1 FROM instruction_control.decision d
                                  WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id
                                    AND d.roadmap_due_date IS NOT NULL)
                THEN i.roadmap_due_date
                WHEN i.original_due_date OPERATOR(pg_catalog.>) (i.received_on OPERATOR(pg_catalog.+) pg_catalog.make_interval(0, 6))
                     AND ((pg_catalog.cardinality(i.co_executor_ids) OPERATOR(pg_catalog.>) 0) OR i.new_approaches)
                THEN instruction_control.add_working_days(i.received_on, 10, instruction_control.effective_calendar(i.calendar))
           END),
         i.reporting_period::pg_catalog.text, i.category::pg_catalog.text, i.received_on, i.signed_on, i.deadline_source::pg_catalog.text,
         instruction_control.effective_calendar(i.calendar), i.responsible_body_id, i.controlling_body_id
    FROM instruction_control.instruction_as_of(as_of) a
    JOIN instruction_control.instruction i ON i.id OPERATOR(pg_catalog.=) a.instruction_id
$$;
COMMENT ON FUNCTION sweep_state_as_of(date) IS
  'Internal: every instruction as it stood at the end of a past day (instruction_as_of), with the roadmap due date then (R56, R59), for replaying a sweep';

-- What an incremental sweep re-reads (issue 16): the instructions whose
-- conditions can have changed since the sweep of since -- the dates that
-- passed in between (each arm an index range), the key days the rules name
-- (sweep_rule_days: reminders, escalations, R57), the reporting periods that
-- ended, and the instructions written since (the notes run claimed).
CREATE FUNCTION sweep_scope(since date, as_of date, run bigint, calendar text)
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
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.id IN (SELECT c.instruction_id FROM instruction_control.sweep_change c WHERE c.taken_by OPERATOR(pg_catalog.=) sweep_scope.run
                  UNION
                  SELECT x.instruction_id FROM instruction_control.decision x
                   WHERE x.measures_due_date IS NOT NULL AND x.measures_due_date OPERATOR(pg_catalog.>=) sweep_scope.since
                     AND x.measures_due_date OPERATOR(pg_catalog.<) sweep_scope.as_of)
$$;
COMMENT ON FUNCTION sweep_scope(date, date, bigint, text) IS
  'Internal: the live instructions an incremental sweep re-reads: dates passed since the sweep of since, the key days of the rules (sweep_rule_days), reporting periods ended, and the instructions the run''s notes name (sweep_change)';

-- sweep_begin(): its branches ask the rules; the incremental key days come from sweep_rule_days()
CREATE OR REPLACE FUNCTION sweep_begin(as_of date, batch_size integer, full_scope boolean DEFAULT false)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
SET jit = off
AS $$
DECLARE
  run bigint;
  replay boolean;
  keep_marks boolean;
  max_n integer;
  reminder_to date;
  periods jsonb;
  n integer;
  state text;
  scope_cte text := '';
  lookup text;
  measures_only text := '';
  risk_only text := '';
  marks_only text := '';
  prev sweep_run;
  incremental boolean := false;
  cal text := effective_calendar();
  lo date;
BEGIN
  IF as_of IS NULL OR NOT isfinite(as_of) THEN
    RAISE EXCEPTION 'a sweep needs a real day, not %', coalesce(as_of::text, 'NULL')
      USING ERRCODE = '22023', HINT = 'CALL instruction_control.sweep() sweeps today.';
  END IF;
  IF as_of > current_date THEN
    RAISE EXCEPTION 'cannot sweep a day that has not begun (R50.1)'
      USING ERRCODE = 'IC203',
            DETAIL = format('as_of is %s; today is %s.', as_of, current_date),
            HINT = 'Sweep today or replay a past day; reminders already look ahead N working days (sweep_setting).';
  END IF;
  IF batch_size IS NULL OR batch_size < 1 THEN
    RAISE EXCEPTION 'batch_size must be at least 1, not %', coalesce(batch_size::text, 'NULL')
      USING ERRCODE = '22023';
  END IF;
  replay := as_of < current_date;
  -- candidates left by a sweep that failed more than a day ago (a running one keeps its own)
  DELETE FROM sweep_candidate c
   WHERE c.sweep_run_id IN (SELECT r.id FROM sweep_run r
                             WHERE r.finished_at IS NULL AND r.started_at < now() - interval '1 day');
  -- the marks follow the latest day swept; a replay of an earlier day leaves them
  keep_marks := NOT EXISTS (SELECT 1 FROM sweep_run r WHERE r.marks AND r.as_of > sweep_begin.as_of);

  -- Incremental: today's sweep continuing a finished sweep of today or of the
  -- last 7 days looks only at what can have changed since: the days that
  -- passed (each kind's dates in index ranges) and the instructions written,
  -- decided on or reported at risk since (the notes of sweep_change, claimed
  -- below: committed changes only, whatever their ids).
  IF NOT replay AND keep_marks AND NOT coalesce(full_scope, false) THEN
    SELECT * INTO prev FROM sweep_run r
     WHERE r.mode = 'current' AND r.marks AND r.finished_at IS NOT NULL
       AND r.as_of <= sweep_begin.as_of AND r.as_of >= sweep_begin.as_of - 7
     ORDER BY r.id DESC LIMIT 1;
    incremental := prev.id IS NOT NULL;
  END IF;

  INSERT INTO sweep_run (as_of, mode, marks, scope, since, one_transaction, batch_size,
                         max_instruction_id, max_decision_id, max_report_id)
  VALUES (as_of, CASE WHEN replay THEN 'replay' ELSE 'current' END, keep_marks,
          CASE WHEN incremental THEN 'incremental' ELSE 'full' END,
          CASE WHEN incremental THEN prev.as_of END,
          in_transaction_block(), batch_size,
          (SELECT max(i.id) FROM instruction i), (SELECT max(x.id) FROM decision x),
          (SELECT max(x.id) FROM report x))
  RETURNING id INTO run;

  -- Claim the change notes before the state is read: a change committed after
  -- this statement is seen by the next sweep (its note stays unclaimed).  A
  -- sweep of today claims them all, a full one too (it covers them); the
  -- notes of a run that failed are claimed again.  A replay leaves them.
  IF NOT replay AND keep_marks THEN
    UPDATE sweep_change c SET taken_by = run;
  END IF;

  SELECT max(d) INTO max_n FROM sweep_settings() g, unnest(g.reminder_days) AS d;
  -- a wide enough range for every calendar; the rule decides per row (sweep_rule_reminder)
  reminder_to := add_working_days(as_of, max_n) + 14;
  SELECT jsonb_object_agg(p, reporting_period_end(p::reporting_period, as_of))
    INTO periods FROM unnest(ARRAY['monthly', 'quarterly', 'half_yearly', 'yearly']) AS p;

  state := CASE WHEN replay THEN 'sweep_state_as_of($1)' ELSE 'sweep_state_current' END;
  lookup := state;   -- where the branches driven by marks, decisions and reports look an instruction up

  IF incremental THEN
    lo := prev.as_of;
    -- the instructions that can have changed, read once (sweep_scope)
    scope_cte := 'st AS MATERIALIZED (SELECT * FROM sweep_scope($7, $1, $4, $8)),';
    state := 'st';
    -- the branches driven by decisions, reports and marks look at what is new only
    measures_only := 'AND d.measures_due_date >= $7';
    risk_only := 'AND rr.instruction_id IN (SELECT c.instruction_id FROM sweep_change c WHERE c.taken_by = $4)';
    marks_only := 'AND m.instruction_id IN (SELECT st.id FROM st)';
  END IF;

  -- One statement, every kind: each branch says where to look (an index
  -- range of the state, or the decisions, reports and marks that drive it)
  -- and asks its rule (sweep_rule_<kind>, inlined) what the day raises.
  EXECUTE format($q$
    WITH %2$s
    found AS (
      SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
        FROM %1$s s
        CROSS JOIN LATERAL sweep_rule_overdue(s.due_date, s.on_control, s.calendar, $1) e
       WHERE s.on_control AND s.due_date < $1
         AND CASE WHEN $5 THEN NOT EXISTS (SELECT 1 FROM overdue_mark m
                                            WHERE m.instruction_id = s.id AND m.due_date = s.due_date)
                  ELSE true END
      UNION ALL
      SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
        FROM %1$s s
        JOIN sweep_settings() g ON g.level = s.level
        CROSS JOIN LATERAL sweep_rule_escalation(s.id, s.kind, s.level, s.due_date, s.on_control, s.calendar, g.grace, $1) e
       WHERE s.on_control AND s.due_date < $1
      UNION ALL
      SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
        FROM %1$s s
        JOIN sweep_settings() g ON g.level = s.level
        CROSS JOIN LATERAL sweep_rule_reminder(s.due_date, s.on_control, s.calendar, g.reminder_days, $1) e
       WHERE s.on_control AND s.due_date >= $1 AND s.due_date <= $2
      UNION ALL
      SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
        FROM %1$s s
        CROSS JOIN LATERAL sweep_rule_personal_overdue(s.id, s.kind, s.level, s.on_control, s.deadline_source,
                                                       s.original_due_date, s.signed_on, $1) e
       WHERE s.on_control AND s.deadline_source = 'two_weeks' AND s.original_due_date < $1
      UNION ALL
      SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
        FROM %1$s s
        CROSS JOIN LATERAL (SELECT * FROM sweep_rule_roadmap_missing(s.id, s.on_control, s.regime, s.roadmap_due_date, $1)
                            UNION ALL
                            SELECT * FROM sweep_rule_roadmap_not_approved(s.id, s.kind, s.level, s.on_control,
                                                                          s.roadmap_due_date, s.calendar, $1)) e
       WHERE s.on_control AND s.roadmap_due_date < $1
      UNION ALL
      SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
        FROM %1$s s
        CROSS JOIN LATERAL sweep_rule_report_missing(s.id, s.on_control, s.reporting_period, s.category,
                                                     s.received_on, s.due_date, s.calendar, $3) e
       WHERE s.on_control AND s.reporting_period IS NOT NULL AND s.category IS NULL
      UNION ALL
      SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
        FROM decision d
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = d.instruction_id OFFSET 0) s
        CROSS JOIN LATERAL sweep_rule_measures_missing(d.instruction_id, s.on_control, d.decided_on, d.measures_due_date, $1) e
       WHERE d.measures_due_date IS NOT NULL AND d.measures_due_date < $1 AND d.decided_on <= $1 %4$s
      UNION ALL
      SELECT DISTINCT ON (rr.instruction_id, rr.submitted_on)
             s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
        FROM report rr
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = rr.instruction_id OFFSET 0) s
        CROSS JOIN LATERAL sweep_rule_risk_escalation(s.id, s.kind, s.level, s.on_control, rr.id, rr.submitted_on, $1) e
       WHERE rr.kind = 'risk' AND rr.submitted_on <= $1 %5$s
      UNION ALL
      -- the marks the day clears
      SELECT m.instruction_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
        FROM overdue_mark m
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = m.instruction_id OFFSET 0) s
        CROSS JOIN LATERAL sweep_rule_overdue_cleared(m.due_date, s.on_control, s.due_date, $1) e
       WHERE $5 %6$s
      UNION ALL
      -- replaying a past day: the overdue events raised before it that the day clears
      SELECT e0.instruction_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
        FROM event e0
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = e0.instruction_id OFFSET 0) s
        CROSS JOIN LATERAL sweep_rule_overdue_cleared(e0.period, s.on_control, s.due_date, $1) e
       WHERE NOT $5 AND e0.kind = 'overdue' AND e0.as_of < $1
    )
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail)
    SELECT $4, ((row_number() OVER (ORDER BY f.id, f.kind, f.period)) - 1) / $6,
           f.id, f.kind, f.period, f.addressee, f.rule_id, f.due_date, f.detail
      FROM found f
     WHERE f.kind = 'overdue' AND $5
        OR NOT EXISTS (SELECT 1 FROM event e
                        WHERE e.instruction_id = f.id AND e.kind = f.kind AND e.period = f.period OFFSET 0)
  $q$, state, scope_cte, lookup, measures_only, risk_only, marks_only)
  USING as_of, reminder_to, periods, run, keep_marks, batch_size, lo, cal;
  GET DIAGNOSTICS n = ROW_COUNT;

  UPDATE sweep_run SET candidates = n, collected_at = clock_timestamp() WHERE id = run;
  RETURN run;
END
$$;
COMMENT ON FUNCTION sweep_begin(date, integer, boolean) IS
  'Internal step of sweep(): records the run and collects every new event of the day in one statement, numbered in batches';
