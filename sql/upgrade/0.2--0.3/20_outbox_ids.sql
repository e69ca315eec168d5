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

-- sweep_begin(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)

-- sweep_batch(): replaced whole by 99zo_sweep_candidates_read.sql, the last part that changes it

-- sweep_finish(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)

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
