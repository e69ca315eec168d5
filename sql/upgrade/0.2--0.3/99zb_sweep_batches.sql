/*
 * 99zb_sweep_batches: a sweep's batches by their number (issue 19).
 *   sweep_batch() takes the next batch by the number of batches written
 *   (sweep_run.batches) with an index probe, instead of min(batch) over every
 *   candidate left, a scan that cost each batch of a large sweep more the more
 *   were left (sql/src/63_sweep_run.sql).
 */

CREATE OR REPLACE FUNCTION sweep_batch(run bigint)
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
BEGIN
  SELECT * INTO r FROM sweep_run WHERE id = run;
  -- the batches are numbered 0, 1, ... (sweep_found) and written in that
  -- order, one per call: the next is the number written so far, found by an
  -- index probe, not by a scan of every candidate left (issue 19: that scan
  -- made the batches of a large sweep cost more the more were left)
  b := r.batches;
  IF NOT EXISTS (SELECT 1 FROM sweep_candidate c WHERE c.sweep_run_id = run AND c.batch = b) THEN
    RETURN false;
  END IF;

  WITH taken AS (
    DELETE FROM sweep_candidate c WHERE c.sweep_run_id = run AND c.batch = b RETURNING c.*
  ),
  ins AS (
    INSERT INTO event (instruction_id, kind, period, addressee, rule_id, due_date, as_of, sweep_run_id, detail,
                       draft_id)
    -- a replay's events say so: they are about a day gone (a consumer may skip them)
    SELECT t.instruction_id, t.kind, t.period, t.addressee, t.rule_id, t.due_date, r.as_of, run,
           CASE WHEN r.mode = 'replay' THEN t.detail || '{"replayed": true}' ELSE t.detail END, t.draft_id
      FROM taken t
     ORDER BY t.instruction_id, t.draft_id, t.kind, t.period
    ON CONFLICT ON CONSTRAINT event_once DO NOTHING
    RETURNING id, instruction_id, kind, period, addressee, rule_id
  ),
  marked AS (
    INSERT INTO overdue_mark (instruction_id, due_date, marked_on, sweep_run_id)
    SELECT t.instruction_id, t.period, r.as_of, run FROM taken t WHERE r.marks AND t.kind = 'overdue'
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
    FROM (SELECT i.kind, count(*) AS c FROM ins i GROUP BY i.kind) k;
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
