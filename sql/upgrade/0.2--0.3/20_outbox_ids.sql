/*
 * 20_outbox_ids.sql -- issue 16, items 2 and 5 (helper B): follows
 * sql/src/30_registry.sql and 60_sweep.sql (the ids, the sweep's change queue,
 * the outbox), 35_registry_triggers.sql (server_id) and 90_security.sql.
 *
 *  - every table with an id: bigserial -> GENERATED ALWAYS AS IDENTITY; the
 *    sequence T_id_seq is dropped and the identity's, of the same name,
 *    continues where it stopped (no id is given twice); trigger server_id
 *    refuses ids supplied by OVERRIDING SYSTEM VALUE or COPY (IC119)
 *  - incremental sweeps follow sweep_change (filled by triggers) instead of
 *    max(id) watermarks; the queue starts with every instruction, so the first
 *    sweep after the update re-evaluates them all
 *  - the outbox: an opaque NOTIFY per batch, none for a replay unless
 *    sweep(..., notify => true); next_events() and mark_delivered() SECURITY
 *    DEFINER, the only readers-for-update and writers of delivered_at/_by;
 *    UPDATE on event revoked
 */

-- Ids are the server's ----------------------------------------------------------

DO $upgrade$
DECLARE
  t text;
  last bigint;
  called boolean;
  n bigint;
  top bigint;
BEGIN
  FOREACH t IN ARRAY ARRAY['state_body', 'act', 'instruction', 'decision', 'roadmap', 'report', 'sweep_run', 'event'] LOOP
    EXECUTE format('SELECT last_value, is_called FROM instruction_control.%I', t || '_id_seq') INTO last, called;
    -- 0.2 let clients choose ids: the identity continues after the sequence, not after such ids
    -- (one of them could be 2^63-1); the administrator learns of those beyond it
    EXECUTE format('SELECT count(*), max(id) FROM instruction_control.%I WHERE id > $1', t)
      INTO n, top USING CASE WHEN called THEN last ELSE 0 END;
    IF n > 0 THEN
      RAISE WARNING '% rows of instruction_control.% have ids beyond its sequence, up to %: chosen by a client before 0.3', n, t, top
        USING HINT = 'New ids continue after the sequence; an insert that reaches one of these ids fails once with 23505.';
    END IF;
    EXECUTE format('ALTER TABLE instruction_control.%I ALTER COLUMN id DROP DEFAULT', t);
    EXECUTE format('DROP SEQUENCE instruction_control.%I', t || '_id_seq');
    EXECUTE format('ALTER TABLE instruction_control.%I ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY', t);
    IF called THEN
      PERFORM pg_catalog.setval(format('instruction_control.%I', t || '_id_seq'), last, true);
    END IF;
    PERFORM pg_catalog.pg_extension_config_dump(format('instruction_control.%I', t || '_id_seq')::regclass, '');
  END LOOP;
END
$upgrade$;

CREATE FUNCTION server_id()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_server_id' LANGUAGE C;
COMMENT ON FUNCTION server_id() IS
  'Trigger: a row''s id is the one its table''s identity just gave it in this session; a client''s id (OVERRIDING SYSTEM VALUE, COPY) is refused (IC119), except when reloading a dump (restore_mode)';
CREATE TRIGGER server_id BEFORE INSERT ON state_body FOR EACH ROW EXECUTE FUNCTION server_id();
CREATE TRIGGER server_id BEFORE INSERT ON act FOR EACH ROW EXECUTE FUNCTION server_id();
CREATE TRIGGER server_id BEFORE INSERT ON instruction FOR EACH ROW EXECUTE FUNCTION server_id();
CREATE TRIGGER server_id BEFORE INSERT ON decision FOR EACH ROW EXECUTE FUNCTION server_id();
CREATE TRIGGER server_id BEFORE INSERT ON roadmap FOR EACH ROW EXECUTE FUNCTION server_id();
CREATE TRIGGER server_id BEFORE INSERT ON report FOR EACH ROW EXECUTE FUNCTION server_id();
REVOKE EXECUTE ON FUNCTION server_id() FROM PUBLIC;

-- What changed since the last sweep ----------------------------------------------

CREATE TABLE sweep_change (
  instruction_id  bigint NOT NULL,
  taken_by        bigint
);
CREATE INDEX sweep_change_taken_idx ON sweep_change (taken_by);
COMMENT ON TABLE sweep_change IS
  'Internal: instructions written since the last sweep (new instruction, decision, risk report), noted by triggers; an incremental sweep re-evaluates them and deletes the notes when it finishes';
COMMENT ON COLUMN sweep_change.instruction_id IS 'The instruction written (instruction.id)';
COMMENT ON COLUMN sweep_change.taken_by IS 'The sweep (sweep_run.id) that claimed the note; NULL: not yet claimed';

CREATE FUNCTION sweep_change_note() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF TG_TABLE_NAME = 'instruction' THEN
    INSERT INTO instruction_control.sweep_change (instruction_id) VALUES (NEW.id);
  ELSE
    INSERT INTO instruction_control.sweep_change (instruction_id) VALUES (NEW.instruction_id);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION sweep_change_note() IS
  'Trigger: notes the instruction a new instruction, decision or risk report writes, for the next incremental sweep (sweep_change)';
REVOKE EXECUTE ON FUNCTION sweep_change_note() FROM PUBLIC;
CREATE TRIGGER sweep_change AFTER INSERT ON instruction
  FOR EACH ROW EXECUTE FUNCTION sweep_change_note();
CREATE TRIGGER sweep_change AFTER INSERT ON decision
  FOR EACH ROW EXECUTE FUNCTION sweep_change_note();
CREATE TRIGGER sweep_change AFTER INSERT ON report
  FOR EACH ROW WHEN (NEW.kind = 'risk') EXECUTE FUNCTION sweep_change_note();

-- every instruction counts as changed: the first sweep after the update sees them all
INSERT INTO sweep_change (instruction_id) SELECT i.id FROM instruction i;

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
  scope_ids bigint[];
  prev sweep_run;
  incremental boolean := false;
  cal text := coalesce(nullif(current_setting('instruction_control.calendar', true), ''), 'KZ');
  g_max integer;
  lo date;
  esc_dates date[] := '{}';
  rem_dates date[] := '{}';
  rmna_dates date[] := '{}';
  changed_periods text[] := '{}';
  dd date;
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

  SELECT coalesce(max(d), 5) INTO max_n
    FROM (SELECT unnest(s.reminder_days) FROM sweep_setting s) AS t(d);
  max_n := greatest(max_n, 5);
  -- a wide enough range for every calendar; the exact count is per row below
  reminder_to := add_working_days(as_of, max_n) + 14;
  SELECT jsonb_object_agg(p, reporting_period_end(p::reporting_period, as_of))
    INTO periods FROM unnest(ARRAY['monthly', 'quarterly', 'half_yearly', 'yearly']) AS p;

  state := CASE WHEN replay THEN 'sweep_state_as_of($1)' ELSE 'sweep_state_current' END;
  lookup := state;   -- where the branches driven by marks, decisions and reports look an instruction up

  IF incremental THEN
    lo := prev.as_of;
    SELECT coalesce(max(s.escalation_grace_days), 5) INTO g_max FROM sweep_setting s;
    g_max := greatest(g_max, 5);
    -- deadlines that reached a level's grace period since lo (R66-1.3)
    FOR dd IN SELECT generate_series(add_working_days(lo, -(g_max + 2), cal) - 7, as_of - 1, interval '1 day')::date LOOP
      IF EXISTS (SELECT 1 FROM control_levels() l LEFT JOIN sweep_setting s ON s.level = l
                  WHERE working_days_between(dd, as_of, cal) >= coalesce(s.escalation_grace_days, 5)
                    AND working_days_between(dd, lo, cal) < coalesce(s.escalation_grace_days, 5)) THEN
        esc_dates := esc_dates || dd;
      END IF;
    END LOOP;
    -- deadlines whose reminder day came since lo (R50.1)
    FOR dd IN SELECT generate_series(as_of, add_working_days(as_of, max_n, cal) + 7, interval '1 day')::date LOOP
      IF EXISTS (SELECT 1 FROM control_levels() l LEFT JOIN sweep_setting s ON s.level = l,
                        unnest(coalesce(s.reminder_days, '{5,1}')) AS r(n)
                  WHERE working_days_between(as_of, dd, cal) <= r.n
                    AND working_days_between(lo, dd, cal) > r.n) THEN
        rem_dates := rem_dates || dd;
      END IF;
    END LOOP;
    IF lo = as_of THEN
      rem_dates := '{}';
    END IF;
    -- roadmap due dates whose 5 working days for approval ended since lo (R57)
    FOR dd IN SELECT generate_series(add_working_days(lo, -7, cal) - 7, as_of - 1, interval '1 day')::date LOOP
      IF add_working_days(dd, 5, cal) >= lo AND add_working_days(dd, 5, cal) < as_of THEN
        rmna_dates := rmna_dates || dd;
      END IF;
    END LOOP;
    -- a reporting period that ended since lo: every instruction reporting so (R66-1.1)
    SELECT coalesce(array_agg(p), '{}') INTO changed_periods
      FROM unnest(ARRAY['monthly', 'quarterly', 'half_yearly', 'yearly']) AS p
     WHERE reporting_period_end(p::reporting_period, lo, cal) <> reporting_period_end(p::reporting_period, as_of, cal);

    -- the instructions that can have changed, read once (each arm an index range)
    scope_cte := $s$
    st AS MATERIALIZED (
      SELECT s.* FROM sweep_state_current s
       WHERE s.on_control AND s.due_date >= $7 AND s.due_date < $1
      UNION
      SELECT s.* FROM sweep_state_current s WHERE s.on_control AND s.due_date = ANY ($8)
      UNION
      SELECT s.* FROM sweep_state_current s WHERE s.on_control AND s.due_date = ANY ($9)
      UNION
      SELECT s.* FROM sweep_state_current s
       WHERE s.on_control AND s.deadline_source = 'two_weeks'
         AND s.original_due_date >= $7 AND s.original_due_date < $1
      UNION
      SELECT s.* FROM sweep_state_current s
       WHERE s.on_control AND s.roadmap_due_date IS NOT NULL
         AND (s.roadmap_due_date >= $7 AND s.roadmap_due_date < $1 OR s.roadmap_due_date = ANY ($10))
      UNION
      SELECT s.* FROM sweep_state_current s
       WHERE s.on_control AND s.reporting_period IS NOT NULL AND s.category IS NULL
         AND s.reporting_period = ANY ($11)
      UNION
      SELECT s.* FROM sweep_state_current s
       WHERE s.id IN (SELECT c.instruction_id FROM sweep_change c WHERE c.taken_by = $4
                      UNION
                      SELECT x.instruction_id FROM decision x
                       WHERE x.measures_due_date IS NOT NULL AND x.measures_due_date >= $7 AND x.measures_due_date < $1)
    ),$s$;
    state := 'st';
    -- the branches driven by decisions, reports and marks look at what is new only
    measures_only := 'AND d.measures_due_date >= $7';
    risk_only := 'AND rr.instruction_id IN (SELECT c.instruction_id FROM sweep_change c WHERE c.taken_by = $4)';
    marks_only := 'AND m.instruction_id IN (SELECT st.id FROM st)';
  END IF;

  -- One statement, every kind: each branch reads its own index range.
  EXECUTE format($q$
    WITH %2$s
    setting AS (
      SELECT l AS level, coalesce(s.reminder_days, '{5,1}') AS reminder_days,
             coalesce(s.escalation_grace_days, 5) AS grace
        FROM control_levels() l LEFT JOIN sweep_setting s ON s.level = l
    ),
    -- R50.1: deadline passed, still on control
    late AS MATERIALIZED (
      SELECT s.*, working_days_between(s.due_date, $1, s.calendar) AS days_late
        FROM %1$s s
       WHERE s.on_control AND s.due_date < $1
    ),
    found AS (
      -- R50.1: overdue (new, or its deadline changed while still overdue)
      SELECT l.id, 'overdue' AS kind, l.due_date AS period, 'controller' AS addressee, 'R50.1' AS rule_id,
             l.due_date, jsonb_build_object('working_days_late', l.days_late) AS detail
        FROM late l
       WHERE CASE WHEN $5 THEN NOT EXISTS (SELECT 1 FROM overdue_mark m
                                            WHERE m.instruction_id = l.id AND m.due_date = l.due_date)
                  ELSE true END
      UNION ALL
      -- R66-1.3 (R74-1 below PA): overdue by the grace period
      SELECT l.id, 'escalation', l.due_date, r.addressee, r.rule_id, l.due_date,
             jsonb_build_object('working_days_late', l.days_late, 'grace', g.grace)
        FROM late l
        JOIN setting g ON g.level = l.level
        LEFT JOIN instruction_escalation x ON x.instruction_id = l.id
        CROSS JOIN LATERAL (SELECT escalation_addressee(l.kind, l.level, x.addressee) AS addressee,
                                   escalation_rule(l.kind, l.level, x.addressee) AS rule_id) r
       WHERE l.days_late >= g.grace AND l.days_late > 0
      UNION ALL
      -- R50.1, R50.3: reminders N working days before the deadline (the nearest N not yet passed)
      SELECT s.id, 'reminder', add_working_days(s.due_date, -r.n, s.calendar), 'executor', 'R50.1', s.due_date,
             jsonb_build_object('working_days_left', r.left_days, 'reminder_days', r.n)
        FROM %1$s s
        JOIN setting g ON g.level = s.level
        CROSS JOIN LATERAL (SELECT working_days_between($1, s.due_date, s.calendar) AS left_days) k
        CROSS JOIN LATERAL (SELECT min(d) AS n, k.left_days FROM unnest(g.reminder_days) d
                             WHERE d >= k.left_days) r
       WHERE s.on_control AND s.due_date >= $1 AND s.due_date <= $2 AND r.n IS NOT NULL
      UNION ALL
      -- R51: a personal instruction past the two weeks from signing
      SELECT s.id, 'personal_overdue', s.original_due_date, r.addressee, 'R51', s.due_date,
             jsonb_build_object('signed_on', s.signed_on, 'two_weeks_ended', s.original_due_date)
        FROM %1$s s
        LEFT JOIN instruction_escalation x ON x.instruction_id = s.id
        CROSS JOIN LATERAL (SELECT escalation_addressee(s.kind, s.level, x.addressee) AS addressee,
                                   escalation_rule(s.kind, s.level, x.addressee) AS rule_id) r
       WHERE s.on_control AND s.deadline_source = 'two_weeks' AND s.original_due_date < $1
      UNION ALL
      -- R56, R59: no roadmap registered by its due date; R57: none approved 5 working days later
      SELECT s.id, k.kind, s.roadmap_due_date, k.addressee, k.rule_id, s.due_date,
             jsonb_build_object('roadmap_due_date', s.roadmap_due_date)
        FROM %1$s s
        LEFT JOIN instruction_escalation x ON x.instruction_id = s.id
        CROSS JOIN LATERAL (SELECT escalation_addressee(s.kind, s.level, x.addressee) AS addressee,
                                   escalation_rule(s.kind, s.level, x.addressee) AS rule_id) r
        CROSS JOIN LATERAL (VALUES
            ('roadmap_missing', 'controller', CASE WHEN s.regime = 'long_term' THEN 'R59' ELSE 'R56' END, true),
            ('roadmap_not_approved', r.addressee::text, 'R57',
             add_working_days(s.roadmap_due_date, 5, s.calendar) < $1)
          ) AS k(kind, addressee, rule_id, due)
       WHERE s.on_control AND s.roadmap_due_date < $1 AND k.due
         AND NOT EXISTS (SELECT 1 FROM roadmap m WHERE m.instruction_id = s.id AND m.approved_on <= $1 OFFSET 0)
      UNION ALL
      -- R66-1.1: no intermediate report for the period just ended, by its day
      SELECT s.id, 'report_missing', p.period_end, 'controller', 'R66-1.1', s.due_date,
             jsonb_build_object('reporting_period', s.reporting_period, 'period_end', p.period_end,
                                'report_due', roll_forward(p.period_end, s.calendar))
        FROM %1$s s
        CROSS JOIN LATERAL (SELECT ($3 ->> s.reporting_period)::date AS period_end) p
       WHERE s.on_control AND s.reporting_period IS NOT NULL AND s.category IS NULL
         AND s.received_on < p.period_end AND s.due_date > p.period_end
         AND NOT EXISTS (SELECT 1 FROM report r
                          WHERE r.instruction_id = s.id AND r.kind = 'intermediate'
                            AND r.period_end >= p.period_end
                            AND r.submitted_on <= roll_forward(p.period_end, s.calendar) OFFSET 0)
      UNION ALL
      -- R72.4: no information on measures within a month of a repeated extension
      SELECT s.id, 'measures_missing', d.measures_due_date, 'controller', 'R72.4', s.due_date,
             jsonb_build_object('repeated_extension_on', d.decided_on, 'measures_due_date', d.measures_due_date)
        FROM decision d
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = d.instruction_id OFFSET 0) s
       WHERE d.measures_due_date IS NOT NULL AND d.measures_due_date < $1 AND d.decided_on <= $1 %4$s
         AND s.on_control
         AND NOT EXISTS (SELECT 1 FROM report r
                          WHERE r.instruction_id = d.instruction_id AND r.kind = 'measures'
                            AND r.submitted_on >= d.decided_on AND r.submitted_on <= d.measures_due_date OFFSET 0)
      UNION ALL
      -- R66-3.5: a risk to the deadline reported; routed per R66-1.3
      SELECT DISTINCT ON (rr.instruction_id, rr.submitted_on)
             s.id, 'risk_escalation', rr.submitted_on, r.addressee, 'R66-3.5', s.due_date,
             jsonb_build_object('report_id', rr.id, 'routed_by', r.rule_id)
        FROM report rr
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = rr.instruction_id OFFSET 0) s
        LEFT JOIN instruction_escalation x ON x.instruction_id = s.id
        CROSS JOIN LATERAL (SELECT escalation_addressee(s.kind, s.level, x.addressee) AS addressee,
                                   escalation_rule(s.kind, s.level, x.addressee) AS rule_id) r
       WHERE rr.kind = 'risk' AND rr.submitted_on <= $1 AND s.on_control %5$s
      UNION ALL
      -- the mark is cleared: the deadline moved or the instruction left control
      SELECT m.instruction_id, 'overdue_cleared', m.due_date, 'controller',
             CASE WHEN s.on_control THEN 'R69.1' ELSE 'R75' END, s.due_date,
             jsonb_build_object('reason', CASE WHEN s.on_control THEN 'deadline_moved' ELSE 'removed' END,
                                'new_due_date', s.due_date)
        FROM overdue_mark m
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = m.instruction_id OFFSET 0) s
       WHERE $5 AND NOT (s.on_control AND s.due_date = m.due_date AND s.due_date < $1) %6$s
      UNION ALL
      -- replaying a past day: the overdue events raised before it that the day clears
      SELECT e.instruction_id, 'overdue_cleared', e.period, 'controller',
             CASE WHEN s.on_control THEN 'R69.1' ELSE 'R75' END, s.due_date,
             jsonb_build_object('reason', CASE WHEN s.on_control THEN 'deadline_moved' ELSE 'removed' END,
                                'new_due_date', s.due_date)
        FROM event e
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = e.instruction_id OFFSET 0) s
       WHERE NOT $5 AND e.kind = 'overdue' AND e.as_of < $1
         AND NOT (s.on_control AND s.due_date = e.period AND s.due_date < $1)
    )
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail)
    SELECT $4, ((row_number() OVER (ORDER BY f.id, f.kind, f.period)) - 1) / $6,
           f.id, f.kind, f.period, f.addressee, f.rule_id, f.due_date, f.detail
      FROM found f
     WHERE f.kind = 'overdue' AND $5
        OR NOT EXISTS (SELECT 1 FROM event e
                        WHERE e.instruction_id = f.id AND e.kind = f.kind AND e.period = f.period OFFSET 0)
  $q$, state, scope_cte, lookup, measures_only, risk_only, marks_only)
  USING as_of, reminder_to, periods, run, keep_marks, batch_size,
        lo, esc_dates, rem_dates, rmna_dates, changed_periods;
  GET DIAGNOSTICS n = ROW_COUNT;

  UPDATE sweep_run SET candidates = n, collected_at = clock_timestamp() WHERE id = run;
  RETURN run;
END
$$;
COMMENT ON FUNCTION sweep_begin(date, integer, boolean) IS
  'Internal step of sweep(): records the run and collects every new event of the day in one statement, numbered in batches';

-- sweep_batch(): replaced whole by 99zb_sweep_batches.sql, the last part that changes it

CREATE OR REPLACE FUNCTION sweep_finish(run bigint)
RETURNS sweep_run
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  DELETE FROM instruction_control.sweep_candidate WHERE sweep_run_id = run;
  -- the changes this run took into account (a note claimed since by a later run stays its)
  DELETE FROM instruction_control.sweep_change WHERE taken_by = run;
  UPDATE instruction_control.sweep_run SET finished_at = clock_timestamp() WHERE id = run RETURNING *;
$$;
COMMENT ON FUNCTION sweep_finish(bigint) IS 'Internal step of sweep(): records the end of the run';

-- sweep() gains notify: a new signature
DROP PROCEDURE sweep(date, integer, boolean);
CREATE PROCEDURE sweep(as_of date DEFAULT current_date, batch_size integer DEFAULT 5000,
                       full_scope boolean DEFAULT false, notify boolean DEFAULT NULL)
LANGUAGE plpgsql
AS $$
DECLARE
  run bigint;
  one_transaction boolean;
  result instruction_control.sweep_run;
  wake boolean;
  more boolean;
  seen integer := 0;
  total integer;
BEGIN
  IF pg_catalog.pg_is_in_recovery() THEN
    RAISE NOTICE 'sweep skipped: this server is a standby (in recovery)'
      USING DETAIL = 'A standby is read-only; the primary sweeps and its events reach the standby by replication.',
            HINT = 'Schedule the sweep on the primary (instruction_control.schedule_sweeps()).';
    RETURN;
  END IF;
  one_transaction := instruction_control.in_transaction_block();
  IF one_transaction THEN
    RAISE NOTICE 'sweep runs as one transaction: it was called inside a transaction block'
      USING HINT = 'CALL instruction_control.sweep() outside BEGIN ... COMMIT commits after each batch.';
  END IF;
  -- notify NULL: wake the consumers for today's sweep only, never for a replay
  wake := coalesce(notify, as_of OPERATOR(pg_catalog.>=) CURRENT_DATE);
  run := instruction_control.sweep_begin(as_of, batch_size, full_scope);
  IF NOT one_transaction THEN
    COMMIT;
  END IF;
  LOOP
    more := instruction_control.sweep_batch(run);
    SELECT r.events INTO total FROM instruction_control.sweep_run r WHERE r.id OPERATOR(pg_catalog.=) run;
    IF wake AND total OPERATOR(pg_catalog.>) seen THEN
      -- an opaque wake-up, sent at commit: consumers call next_events()
      PERFORM pg_catalog.pg_notify('instruction_control_events', '');
    END IF;
    seen := total;
    EXIT WHEN NOT more;
    IF NOT one_transaction THEN
      COMMIT;
    END IF;
  END LOOP;
  result := instruction_control.sweep_finish(run);
  RAISE NOTICE 'sweep of %: % events %', result.as_of, result.events, result.counts::pg_catalog.text;
END
$$;
COMMENT ON PROCEDURE sweep(date, integer, boolean, boolean) IS
  'Sweep the day as_of (default today): reminders, overdue marks and their clearing, escalations (R66-1.3), roadmaps (R56, R57, R59), intermediate reports (R66-1.1), measures (R72.4), personal instructions (R51) into the outbox event; idempotent; a past day is replayed from the journal; commits every batch_size events unless called inside a transaction block; continues the previous day''s sweep incrementally unless full_scope; wakes consumers (an empty NOTIFY on instruction_control_events per batch) for today, for a replay only with notify => true; does nothing on a standby';

-- The outbox ------------------------------------------------------------------------

\definition next_events sql/src/63_sweep_run.sql

\definition mark_delivered sql/src/63_sweep_run.sql

COMMENT ON COLUMN sweep_run.max_instruction_id IS 'Highest instruction id when the run began; for information only (incremental sweeps follow sweep_change, not ids)';

COMMENT ON COLUMN sweep_run.max_decision_id IS 'Highest decision id when the run began; for information only (incremental sweeps follow sweep_change, not ids)';

COMMENT ON COLUMN sweep_run.max_report_id IS 'Highest report id when the run began; for information only (incremental sweeps follow sweep_change, not ids)';

COMMENT ON TABLE event IS
  'Outbox of the sweeps: one row per instruction, event kind and period; integrators take open rows with next_events() (FOR UPDATE SKIP LOCKED) and mark them delivered with mark_delivered(), its only writer';

COMMENT ON COLUMN event.delivered_at IS 'When an integrator marked it delivered (mark_delivered(), once); NULL: open';

COMMENT ON COLUMN event.detail IS 'Facts for the message: e.g. working days left or overdue, the new deadline of a cleared mark; "replayed": true for an event a replay of a past day wrote';
COMMENT ON COLUMN event.delivered_by IS 'Session user that marked it delivered, recorded by mark_delivered()';


-- Security (90_security.sql) ----------------------------------------------------------
REVOKE EXECUTE ON PROCEDURE sweep(date, integer, boolean, boolean) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE sweep(date, integer, boolean, boolean) TO ic_admin;
REVOKE UPDATE (delivered_at, delivered_by) ON event FROM ic_admin, ic_integrator;
