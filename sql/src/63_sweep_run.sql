-- ===========================================================================
-- Sweeps, part 4 of 4: the sweep's steps, the procedure sweep(), its progress
-- and the outbox's reading and delivering.  The overview: 60_sweep.sql.
-- ===========================================================================

-- What the server cannot say in SQL: may this procedure commit?
CREATE FUNCTION in_transaction_block() RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_in_transaction_block' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION in_transaction_block() IS
  'True inside a transaction block (BEGIN ... or several statements sent at once), where sweep() cannot commit between batches';

-- The sweep's steps ---------------------------------------------------------
-- SECURITY DEFINER with a pinned path: a role allowed to sweep needs no
-- privilege on the tables.  The procedure sweep() only calls them and
-- commits (a procedure with SET or SECURITY DEFINER could not commit).

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
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail,
                                 draft_id)
    SELECT run, f.* FROM sweep_found_replay(r.as_of, reminder_to, periods, r.marks, r.batch_size, run) f;
  ELSIF r.scope = 'incremental' THEN
    -- the instructions that can have changed since the day swept before (sweep_scope, read once in it)
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail,
                                 draft_id)
    SELECT run, f.* FROM sweep_found_incremental(r.as_of, reminder_to, periods, r.marks, r.batch_size, run,
                                                 r.since) f;
  ELSE
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail,
                                 draft_id)
    SELECT run, f.* FROM sweep_found_current(r.as_of, reminder_to, periods, r.marks, r.batch_size, run) f;
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
COMMENT ON FUNCTION sweep_collect(bigint) IS
  'Internal step of sweep_begin(): collects the candidates of the run in the statement of its mode (sweep_found_current, sweep_found_replay, sweep_found_incremental) (current, replay, incremental); returns how many';

CREATE FUNCTION sweep_begin(as_of date, batch_size integer, full_scope boolean DEFAULT false)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
SET jit = off
AS $$
DECLARE
  run bigint;
  replay boolean;
  keep_marks boolean;
  prev sweep_run;
  collected integer;
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
  END IF;
  -- ... unless its notes name so many instructions that reading everything
  -- costs less (sweep_notes_many: after a restore or a bulk load)
  IF prev.id IS NOT NULL AND sweep_notes_many() THEN
    prev := NULL;
  END IF;

  -- Claim the change notes before the state is read (claimed, claimed_in:
  -- sweep_claimed): the notes of the transactions committed in this
  -- statement's snapshot, and those this transaction wrote.  A change
  -- committed after it is seen by the next sweep (its note stays).  A sweep
  -- of today claims them all, a full one too (it covers them); the notes of a
  -- run that failed are claimed again.  A replay leaves them.
  INSERT INTO sweep_run (as_of, mode, marks, scope, since, one_transaction, batch_size,
                         max_instruction_id, max_decision_id, max_report_id, claimed, claimed_in)
  VALUES (as_of, CASE WHEN replay THEN 'replay' ELSE 'current' END, keep_marks,
          CASE WHEN prev.id IS NOT NULL THEN 'incremental' ELSE 'full' END, prev.as_of,
          in_transaction_block(), batch_size,
          (SELECT max(i.id) FROM instruction i), (SELECT max(x.id) FROM decision x),
          (SELECT max(x.id) FROM report x),
          CASE WHEN NOT replay AND keep_marks THEN pg_current_snapshot() END,
          CASE WHEN NOT replay AND keep_marks THEN pg_current_xact_id() END)
  RETURNING id INTO run;

  -- collected first, then stamped: an UPDATE computes its SET list in the
  -- table's column order, so collected_at (before candidates) was the time
  -- the collection began, and sweep_progress counted it in the batches' rate
  collected := sweep_collect(run);
  UPDATE sweep_run SET candidates = collected, collected_at = clock_timestamp() WHERE id = run;
  RETURN run;
END
$$;
COMMENT ON FUNCTION sweep_begin(date, integer, boolean) IS
  'Internal step of sweep(): records the run, claims the change notes and collects every new event of the day (sweep_collect), numbered in batches';

CREATE FUNCTION sweep_batch(run bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  b integer;
  r sweep_run;
  written jsonb;
  n integer;
  taken_n integer;
  unknown_rule text;
  merging boolean;
BEGIN
  -- the run's row locked first: two calls for one run take its batches in
  -- turn, the second reading the count the first committed
  SELECT * INTO r FROM sweep_run WHERE id = run FOR UPDATE;
  -- the batches are numbered 0, 1, ... (sweep_found) and written in that
  -- order, one per call: the next is the number written so far, found by an
  -- index probe, not by a scan of every candidate left (issue 19: that scan
  -- made the batches of a large sweep cost more the more were left).  The
  -- batch is read, not deleted: sweep_run.batches, counted in the same
  -- transaction as the writes, says it is taken, and sweep_finish() empties
  -- the run's candidates at once (issue 19: deleting each batch's rows was a
  -- quarter of a batch)
  b := r.batches;
  IF NOT EXISTS (SELECT 1 FROM sweep_candidate c WHERE c.sweep_run_id = run AND c.batch = b) THEN
    RETURN false;
  END IF;

  -- Written by plain INSERTs first (issue 19: ON CONFLICT's check before each
  -- row was a fifth of a batch).  Should an event of the batch already be in
  -- the outbox (another sweep of the day wrote it since this one collected)
  -- or an instruction already bear a mark (its deadline moved from one past
  -- day to another), a unique index refuses the batch, which is then written
  -- again merging: each event once (event_once), each mark replaced.  Either
  -- way the batch is all or nothing.  A run inside a transaction block merges
  -- at once: a savepoint per batch there would pile up in one transaction.
  merging := r.one_transaction;
  LOOP
    BEGIN
      WITH taken AS (
        SELECT c.* FROM sweep_candidate c WHERE c.sweep_run_id = run AND c.batch = b
      ),
      fresh AS (
        -- a replay's events say so: they are about a day gone (a consumer may skip them)
        SELECT t.instruction_id, t.kind, t.period, t.addressee, t.rule_id, t.due_date, r.as_of, run,
               CASE WHEN r.mode = 'replay' THEN t.detail || '{"replayed": true}' ELSE t.detail END, t.draft_id
          FROM taken t
         ORDER BY t.instruction_id, t.draft_id, t.kind, t.period
      ),
      ins AS (
        INSERT INTO event (instruction_id, kind, period, addressee, rule_id, due_date, as_of, sweep_run_id, detail,
                           draft_id)
        SELECT * FROM fresh f
         WHERE NOT merging
           -- an overdue instruction is a candidate for its mark even when the
           -- outbox holds its event (sweep_found: the deadline came back to a
           -- day whose mark was cleared); an incremental sweep, which re-reads
           -- the deadlines that moved, leaves such events out here rather than
           -- have the whole batch refused and merged
           AND NOT (r.scope = 'incremental' AND f.kind = 'overdue'
                    AND EXISTS (SELECT 1 FROM event e
                                 WHERE e.instruction_id = f.instruction_id AND e.kind = 'overdue'
                                   AND e.period = f.period AND e.draft_id IS NULL))
        RETURNING kind
      ),
      ins_merging AS (
        INSERT INTO event (instruction_id, kind, period, addressee, rule_id, due_date, as_of, sweep_run_id, detail,
                           draft_id)
        SELECT * FROM fresh WHERE merging
        ON CONFLICT ON CONSTRAINT event_once DO NOTHING
        RETURNING kind
      ),
      marks AS (
        SELECT t.instruction_id, t.period, r.as_of, run FROM taken t WHERE r.marks AND t.kind = 'overdue'
      ),
      marked AS (
        INSERT INTO overdue_mark (instruction_id, due_date, marked_on, sweep_run_id)
        SELECT * FROM marks WHERE NOT merging
      ),
      marked_merging AS (
        INSERT INTO overdue_mark (instruction_id, due_date, marked_on, sweep_run_id)
        SELECT * FROM marks WHERE merging
        ON CONFLICT (instruction_id) DO UPDATE
          SET due_date = excluded.due_date, marked_on = excluded.marked_on, sweep_run_id = excluded.sweep_run_id
      ),
      cleared AS (
        DELETE FROM overdue_mark m USING taken t
         WHERE r.marks AND t.kind = 'overdue_cleared' AND m.instruction_id = t.instruction_id
           AND m.due_date = t.period
      )
      SELECT coalesce(jsonb_object_agg(kind, c), '{}'), coalesce(sum(c), 0)::int, (SELECT count(*) FROM taken)::int,
             -- the batch's rule ids checked at once, not by a foreign key per event (issue 19)
             (SELECT t.rule_id FROM (SELECT DISTINCT t0.rule_id FROM taken t0) t
               WHERE NOT EXISTS (SELECT 1 FROM rule u WHERE u.id = t.rule_id) LIMIT 1)
        INTO written, n, taken_n, unknown_rule
        FROM (SELECT w.kind, count(*) AS c
                FROM (SELECT i.kind FROM ins i UNION ALL SELECT i.kind FROM ins_merging i) w
               GROUP BY w.kind) k;
      EXIT;
    EXCEPTION WHEN unique_violation THEN
      IF merging THEN
        RAISE;
      END IF;
      merging := true;
    END;
  END LOOP;
  IF unknown_rule IS NOT NULL THEN
    RAISE EXCEPTION 'the sweep raised an event for rule %, which is not in the table rule', unknown_rule
      USING ERRCODE = '23503',
            DETAIL = format('Sweep run %s, batch %s.', run, b),
            HINT = 'Every sweep_rule_<kind>() names a rule of the table rule (rules.md); the batch was not written.';
  END IF;

  -- the progress a second session reads in sweep_progress once the batch commits
  UPDATE sweep_run s
     SET batches = s.batches + 1, events = s.events + n, processed = s.processed + taken_n,
         counts = (SELECT coalesce(jsonb_object_agg(key, total ORDER BY key), '{}')
                     FROM (SELECT key, sum(value::int) AS total
                             FROM (SELECT * FROM jsonb_each_text(s.counts)
                                   UNION ALL SELECT * FROM jsonb_each_text(written)) e
                            GROUP BY key) t)
   WHERE s.id = run;
  RETURN EXISTS (SELECT 1 FROM sweep_candidate c WHERE c.sweep_run_id = run AND c.batch = b + 1);
END
$$;
COMMENT ON FUNCTION sweep_batch(bigint) IS
  'Internal step of sweep(): writes the next batch of events (once each: instruction, kind, period), keeps the overdue marks; true while batches remain (sweep() sends the wake-up)';

-- The run's candidates go at its end.  When the table holds no other run's
-- (the usual case: one sweep at a time) it is emptied by TRUNCATE, which
-- frees the whole staging in one step (issue 19: a DELETE per batch was a
-- quarter of each batch).  Its lock is only tried (NOWAIT), so a sweep
-- running beside this one is never waited for, and only by a run outside a
-- transaction block, which commits right after: a run inside one (a
-- caller's transaction, however long) would hold the table from every other
-- sweep until then.  Otherwise the run deletes its own rows.
CREATE FUNCTION sweep_finish(run bigint)
RETURNS sweep_run
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  emptied boolean := false;
  finished sweep_run;
BEGIN
  IF NOT (SELECT r.one_transaction FROM sweep_run r WHERE r.id = run) THEN
    BEGIN
      LOCK TABLE sweep_candidate IN ACCESS EXCLUSIVE MODE NOWAIT;
      -- another run's candidates, found by two probes of sweep_candidate_batch_idx
      IF NOT EXISTS (SELECT 1 FROM sweep_candidate c WHERE c.sweep_run_id < run)
         AND NOT EXISTS (SELECT 1 FROM sweep_candidate c WHERE c.sweep_run_id > run) THEN
        TRUNCATE sweep_candidate;
        emptied := true;
      END IF;
    -- the lock taken by another session, or the table open in this one (a
    -- caller's cursor over it, which TRUNCATE refuses)
    EXCEPTION WHEN lock_not_available OR object_in_use THEN
      emptied := false;
    END;
  END IF;
  IF NOT emptied THEN
    DELETE FROM sweep_candidate c WHERE c.sweep_run_id = run;
  END IF;
  -- the changes this run took into account (a note committed since stays for the next)
  DELETE FROM sweep_change c USING sweep_run r
   WHERE r.id = run AND sweep_note_claimed(c.xact, r.claimed, r.claimed_in);
  UPDATE sweep_run r SET finished_at = clock_timestamp() WHERE r.id = run RETURNING * INTO finished;
  RETURN finished;
END
$$;
COMMENT ON FUNCTION sweep_finish(bigint) IS
  'Internal step of sweep(): records the end of the run, deletes the change notes it claimed and its candidates (TRUNCATE when the run is outside a transaction block, no other run has any and the table''s lock is free at once)';

-- The sweep -----------------------------------------------------------------
-- No SET clause and not SECURITY DEFINER, so that it may COMMIT; every name in
-- it is schema-qualified and its operators too, so no search_path changes it.
--
-- After each batch that wrote events it wakes the consumers: one NOTIFY on
-- instruction_control_events with an empty payload (nothing about an
-- instruction: any role may LISTEN), sent when the batch commits.  A replay
-- of a past day (as_of before today) wakes nobody unless notify => true: its
-- events are about a day gone, and a replay of a busy day writes hundreds of
-- thousands of them.

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
  progress instruction_control.sweep_run;
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
    -- a NOTICE per batch when asked: SET instruction_control.sweep_progress = on
    IF pg_catalog.current_setting('instruction_control.sweep_progress', true) OPERATOR(pg_catalog.=) 'on' THEN
      SELECT * INTO progress FROM instruction_control.sweep_run r WHERE r.id OPERATOR(pg_catalog.=) run;
      RAISE NOTICE 'sweep of %: batch %, % of % candidates (%), % events', progress.as_of, progress.batches,
        progress.processed, progress.candidates,
        pg_catalog.round(100.0 OPERATOR(pg_catalog.*) progress.processed
                         OPERATOR(pg_catalog./) GREATEST(progress.candidates, 1))::pg_catalog.text OPERATOR(pg_catalog.||) '%',
        progress.events;
    END IF;
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
  'Sweep the day as_of (default today): reminders, overdue marks and their clearing, escalations (R66-1.3), roadmaps (R56, R57, R59), intermediate reports (R66-1.1), measures (R72.4), personal instructions (R51) into the outbox event; idempotent; a past day is replayed from the journal; commits every batch_size events unless called inside a transaction block; continues the previous day''s sweep incrementally unless full_scope or the change notes name a quarter of the instructions and 50,000 (a restore, a bulk load); wakes consumers (an empty NOTIFY on instruction_control_events per batch) for today, for a replay only with notify => true; does nothing on a standby; with instruction_control.sweep_progress = on, a NOTICE per batch (another session reads the progress in sweep_progress)';

-- Progress of a running sweep (issue 17, item 5) ---------------------------
-- sweep() commits after each batch, and sweep_batch() counts what the batch
-- took (sweep_run.processed) in the same transaction: another session sees the
-- progress batch by batch, as pg_stat_progress_* views show a running command.
-- A run not finished after a day failed (sweep_begin clears its candidates):
-- it is no longer listed.  With instruction_control.sweep_progress = on,
-- sweep() also says it as a NOTICE per batch.

CREATE VIEW sweep_progress AS
SELECT r.id AS run_id, r.as_of, r.mode, r.scope, r.run_by,
       CASE WHEN r.collected_at IS NULL THEN 'collecting' ELSE 'writing' END AS phase,
       r.candidates, r.processed, r.batches, r.batch_size, r.events,
       CASE WHEN r.collected_at IS NOT NULL
            THEN round(100.0 * r.processed / greatest(r.candidates, 1), 1) END AS percent,
       r.started_at, r.collected_at,
       clock_timestamp() - r.started_at AS elapsed,
       -- the rate so far (since the candidates were collected) over what remains
       CASE WHEN r.processed > 0
            THEN (clock_timestamp() - r.collected_at) * ((r.candidates - r.processed)::float8 / r.processed) END
         AS estimated_remaining
  FROM sweep_run r
 WHERE r.finished_at IS NULL
   AND r.started_at >= now() - interval '1 day';
COMMENT ON VIEW sweep_progress IS
  'Sweeps under way (сыпыру барысы / ход обхода), one row per run: phase (collecting the candidates, then writing them in batches), candidates, processed (taken by the batches committed so far), percent, elapsed and the estimated time remaining at the rate so far; a run in one transaction shows its progress only to itself';
COMMENT ON COLUMN sweep_progress.run_id IS 'The run (sweep_run.id)';
COMMENT ON COLUMN sweep_progress.as_of IS 'The day swept';
COMMENT ON COLUMN sweep_progress.mode IS 'current or replay (sweep_run.mode)';
COMMENT ON COLUMN sweep_progress.scope IS 'full or incremental (sweep_run.scope)';
COMMENT ON COLUMN sweep_progress.run_by IS 'Session user that runs it';
COMMENT ON COLUMN sweep_progress.phase IS 'collecting: finding the new events (one statement); writing: the batches';
COMMENT ON COLUMN sweep_progress.candidates IS 'New events found (NULL while collecting)';
COMMENT ON COLUMN sweep_progress.processed IS 'Candidates taken by the batches committed so far';
COMMENT ON COLUMN sweep_progress.batches IS 'Batches committed';
COMMENT ON COLUMN sweep_progress.batch_size IS 'Candidates per batch';
COMMENT ON COLUMN sweep_progress.events IS 'Events written to the outbox so far';
COMMENT ON COLUMN sweep_progress.percent IS 'processed of candidates, percent, one decimal (NULL while collecting)';
COMMENT ON COLUMN sweep_progress.started_at IS 'Start of the run';
COMMENT ON COLUMN sweep_progress.collected_at IS 'When the candidates were collected';
COMMENT ON COLUMN sweep_progress.elapsed IS 'Time since the start';
COMMENT ON COLUMN sweep_progress.estimated_remaining IS 'Time the remaining candidates take at the rate of the batches so far (NULL before the first batch)';

-- Outbox: reading and delivering ---------------------------------------------

-- Both are SECURITY DEFINER: nobody holds UPDATE on event (not even for FOR
-- UPDATE), so a consumer cannot reopen an event (delivered_at = NULL) or
-- forge delivered_by; EXECUTE is ic_admin's and ic_integrator's only.

CREATE FUNCTION next_events(max_events integer DEFAULT 100, for_addressee addressee DEFAULT NULL)
RETURNS SETOF event
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT e.* FROM instruction_control.event e
   WHERE e.delivered_at IS NULL
     AND (for_addressee IS NULL OR e.addressee = for_addressee)
   ORDER BY e.id
   LIMIT max_events
   FOR UPDATE SKIP LOCKED
$$;
COMMENT ON FUNCTION next_events(integer, addressee) IS
  'Open events, oldest first, locked for this transaction and skipped by other consumers (FOR UPDATE SKIP LOCKED); deliver them, then mark_delivered() and COMMIT.  The only way to take events: act on what it returns, never on a NOTIFY payload';

CREATE FUNCTION mark_delivered(ids bigint[])
RETURNS integer
LANGUAGE sql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  WITH d AS (
    UPDATE instruction_control.event e SET delivered_at = now(), delivered_by = session_user
     WHERE e.id = ANY (ids) AND e.delivered_at IS NULL
    RETURNING 1)
  SELECT count(*)::integer FROM d
$$;
COMMENT ON FUNCTION mark_delivered(bigint[]) IS
  'Mark events delivered (once: an event already delivered keeps its first mark, nothing reopens it); records now() and the session user itself; the only writer of delivered_at and delivered_by; returns how many were marked now';

-- An event whose addressee or kind has lost its label (a vocabulary row an
-- administrator deleted) is still open: it shows its code, as every other
-- view does, rather than disappear from the consumers' list.
CREATE VIEW open_event AS
SELECT e.addressee::text AS addressee,
       coalesce(v.kk, e.addressee::text) AS addressee_kk, coalesce(v.ru, e.addressee::text) AS addressee_ru,
       coalesce(v.en, e.addressee::text) AS addressee_en,
       b.id AS body_id, b.name AS body_name,
       e.id, e.kind::text AS kind, coalesce(k.kk, e.kind::text) AS kind_kk, coalesce(k.ru, e.kind::text) AS kind_ru,
       coalesce(k.en, e.kind::text) AS kind_en,
       e.instruction_id, i.external_ref, i.point::text AS point,
       e.period, e.due_date, e.rule_id, r.title_en AS rule_title_en, e.as_of, e.detail, e.created_at,
       e.draft_id
  FROM event e
  LEFT JOIN vocabulary v ON v.domain = 'addressee' AND v.code = e.addressee
  LEFT JOIN vocabulary k ON k.domain = 'event_kind' AND k.code = e.kind
  LEFT JOIN rule r ON r.id = e.rule_id
  LEFT JOIN instruction i ON i.id = e.instruction_id
  LEFT JOIN state_body b ON b.id = CASE WHEN e.addressee = 'executor' THEN i.responsible_body_id
                                        WHEN e.addressee = 'controller' THEN i.controlling_body_id END
 WHERE e.delivered_at IS NULL;
COMMENT ON VIEW open_event IS
  'Events not yet delivered, per addressee, with kk/ru/en labels of the addressee and the kind, the body (the executor for reminders, the controlling body for the controller) and the rule';
COMMENT ON COLUMN open_event.addressee IS 'Addressee code (addressee)';
COMMENT ON COLUMN open_event.addressee_kk IS 'Addressee in Kazakh';
COMMENT ON COLUMN open_event.addressee_ru IS 'Addressee in Russian';
COMMENT ON COLUMN open_event.addressee_en IS 'Addressee in English';
COMMENT ON COLUMN open_event.body_id IS 'The body concerned: the responsible executor for the executor, the controlling body for the controller';
COMMENT ON COLUMN open_event.body_name IS 'Its name';
COMMENT ON COLUMN open_event.id IS 'Event id (event.id)';
COMMENT ON COLUMN open_event.kind IS 'Event kind code (event_kind)';
COMMENT ON COLUMN open_event.kind_kk IS 'Event kind in Kazakh';
COMMENT ON COLUMN open_event.kind_ru IS 'Event kind in Russian';
COMMENT ON COLUMN open_event.kind_en IS 'Event kind in English';
COMMENT ON COLUMN open_event.instruction_id IS 'The instruction';
COMMENT ON COLUMN open_event.external_ref IS 'The instruction''s key in the host registry';
COMMENT ON COLUMN open_event.point IS 'The instruction''s point number';
COMMENT ON COLUMN open_event.period IS 'The day the event is about (event.period)';
COMMENT ON COLUMN open_event.due_date IS 'The deadline as the sweep saw it';
COMMENT ON COLUMN open_event.rule_id IS 'The rule that asks for the event';
COMMENT ON COLUMN open_event.rule_title_en IS 'The rule''s title in English (rule.title_kk and title_ru hold the others)';
COMMENT ON COLUMN open_event.as_of IS 'The day swept';
COMMENT ON COLUMN open_event.detail IS 'Facts for the message (event.detail)';
COMMENT ON COLUMN open_event.created_at IS 'When the sweep wrote it';
COMMENT ON COLUMN open_event.draft_id IS 'The draft a draft_* event is about (R20, R21, R33; instruction_id, body_id and point are then empty: the draft and its body are in report_open_draft)';

CREATE VIEW open_event_summary AS
SELECT o.addressee, o.addressee_kk, o.addressee_ru, o.addressee_en, o.kind, o.kind_en,
       count(*) AS events, min(o.period) AS earliest, max(o.period) AS latest
  FROM open_event o
 GROUP BY o.addressee, o.addressee_kk, o.addressee_ru, o.addressee_en, o.kind, o.kind_en;
COMMENT ON VIEW open_event_summary IS 'How many events are open per addressee and kind, with labels';
COMMENT ON COLUMN open_event_summary.addressee IS 'Addressee code';
COMMENT ON COLUMN open_event_summary.addressee_kk IS 'Addressee in Kazakh';
COMMENT ON COLUMN open_event_summary.addressee_ru IS 'Addressee in Russian';
COMMENT ON COLUMN open_event_summary.addressee_en IS 'Addressee in English';
COMMENT ON COLUMN open_event_summary.kind IS 'Event kind code';
COMMENT ON COLUMN open_event_summary.kind_en IS 'Event kind in English';
COMMENT ON COLUMN open_event_summary.events IS 'Open events of this addressee and kind';
COMMENT ON COLUMN open_event_summary.earliest IS 'Earliest period among them';
COMMENT ON COLUMN open_event_summary.latest IS 'Latest period among them';

-- Privileges: the Security section (90_security.sql).
