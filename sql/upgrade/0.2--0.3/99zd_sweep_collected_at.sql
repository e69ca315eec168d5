/*
 * 99zd_sweep_collected_at: sweep_run.collected_at is when the collection
 *   ended (issue 19, found while timing a sweep's steps).  sweep_begin() set
 *   candidates = sweep_collect(run) and collected_at = clock_timestamp() in one
 *   UPDATE, whose SET list PostgreSQL computes in the table's column order:
 *   collected_at (column 10) before candidates (column 12), so it held the time
 *   the collection began, and sweep_progress's estimate of the time left
 *   counted the collection as batch time.  The collection now runs first
 *   (sql/src/63_sweep_run.sql).
 */

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

  INSERT INTO sweep_run (as_of, mode, marks, scope, since, one_transaction, batch_size,
                         max_instruction_id, max_decision_id, max_report_id)
  VALUES (as_of, CASE WHEN replay THEN 'replay' ELSE 'current' END, keep_marks,
          CASE WHEN prev.id IS NOT NULL THEN 'incremental' ELSE 'full' END, prev.as_of,
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

  -- collected first, then stamped: an UPDATE computes its SET list in the
  -- table's column order, so collected_at (before candidates) was the time
  -- the collection began, and sweep_progress counted it in the batches' rate
  collected := sweep_collect(run);
  UPDATE sweep_run SET candidates = collected, collected_at = clock_timestamp() WHERE id = run;
  RETURN run;
END
$$;
