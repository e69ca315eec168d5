/*
 * 99zb_sweep_batches: sweep_batch() as 0.3 has it, the one part of the
 *   upgrade that replaces it (the parts before it that changed what it writes
 *   leave the function to this one: 20 the outbox's ids, 99b the rule ids
 *   checked per batch, 99 the candidates processed, 99r the drafts' events).
 *   Its own change (issue 19): it takes the next batch by the number of
 *   batches written (sweep_run.batches) with an index probe, instead of
 *   min(batch) over every candidate left, a scan that cost each batch of a
 *   large sweep more the more were left; and it writes the batch by plain
 *   INSERTs first, merging (ON CONFLICT) only when a unique index refuses them:
 *   another sweep's event, or a mark of another day (ON CONFLICT's check
 *   before each row was a fifth of a batch).  Follows sql/src/63_sweep_run.sql.
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
  merging boolean;
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
        DELETE FROM sweep_candidate c WHERE c.sweep_run_id = run AND c.batch = b RETURNING c.*
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
