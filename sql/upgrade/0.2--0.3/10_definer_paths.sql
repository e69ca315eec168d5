/*
 * 10_definer_paths: every pinned search_path ends in pg_temp (issue 16, items 0
 * and 1).  Follows the SET clauses of all sql/src/ files and the qualified
 * casts of the unpinned SQL functions instruction_as_of (45_history.sql),
 * escalation_addressee, sweep_state_as_of and the procedure sweep
 * (60_sweep.sql).
 *
 * A path without pg_temp searches the session's temporary schema FIRST for
 * relations and types: an ic_admin could shadow sweep_setting with a temp view
 * and run its own function as the owner of the SECURITY DEFINER sweep steps.
 * Definer or not, every pinned path is now
 * pg_catalog, instruction_control, pg_temp (or pg_catalog, pg_temp where the
 * function names nothing of the extension unqualified).
 */

ALTER FUNCTION cron_connstr() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION cron_exec(text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION form_annual_summary(bigint,integer,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION form_annual_summary_csv(bigint,integer,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION form_annual_summary_html(bigint,integer,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION form_control_approval(bigint,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION form_control_approval_csv(bigint,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION form_control_approval_html(bigint,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION kurban_ait_estimate(integer) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION mark_delivered(bigint[]) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION next_events(integer,addressee) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION report_check_lang(text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION report_html_head(text,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION reporting_period_end(reporting_period,date,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION schedule_sweeps(text,interval) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION scheduled_sweeps() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION scheduling_status() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION sector_heading(text,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION sweep_batch(bigint) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION sweep_begin(date,integer,boolean) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION sweep_finish(bigint) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION sweep_setting_owner() SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION unschedule_sweeps() SET search_path = pg_catalog, pg_temp;

-- Unpinned SQL bodies (inlined, so without SET): every type cast is qualified.

CREATE OR REPLACE FUNCTION instruction_as_of(as_of date)
RETURNS TABLE (
  instruction_id      bigint,
  on_control          boolean,
  due_date            date,
  regime              text,
  extensions          integer,
  repeated_extensions integer,
  transfers           integer,
  new_deadlines       integer,
  decisions           integer,
  removed_on          date,
  removal_ground      text,
  last_decided_on     date)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT i.id,
         j.removed_on IS NULL,
         coalesce(j.due_then, f.due_before, i.due_date),
         coalesce(j.regime_then, f.regime_before, i.regime::pg_catalog.text),
         coalesce(j.extensions, 0),
         coalesce(j.repeated, 0),
         coalesce(j.transfers, 0),
         coalesce(j.new_deadlines, 0),
         coalesce(j.decisions, 0),
         j.removed_on,
         j.removal_ground,
         j.last_decided_on
    FROM instruction_control.instruction i
    -- decisions taken on or before the day: what they left
    LEFT JOIN LATERAL (
      SELECT (pg_catalog.array_agg(d.new_due_date ORDER BY d.seq DESC)
                FILTER (WHERE d.new_due_date IS NOT NULL))[1] AS due_then,
             (pg_catalog.array_agg(d.new_regime::pg_catalog.text ORDER BY d.seq DESC)
                FILTER (WHERE d.new_regime IS NOT NULL))[1] AS regime_then,
             pg_catalog.count(*) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'extension')::integer AS extensions,
             pg_catalog.count(*) FILTER (WHERE d.repeated)::integer AS repeated,
             pg_catalog.count(*) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'transfer')::integer AS transfers,
             pg_catalog.count(*) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'new_deadline')::integer AS new_deadlines,
             pg_catalog.count(*)::integer AS decisions,
             pg_catalog.min(d.decided_on) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'removal') AS removed_on,
             pg_catalog.min(d.ground::pg_catalog.text) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'removal') AS removal_ground,
             pg_catalog.max(d.decided_on) AS last_decided_on
        FROM instruction_control.decision d
       WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id
         AND d.decided_on OPERATOR(pg_catalog.<=) as_of
    ) j ON true
    -- no such decision yet: what the first later decision found
    LEFT JOIN LATERAL (
      SELECT (pg_catalog.array_agg(d.old_due_date ORDER BY d.seq)
                FILTER (WHERE d.new_due_date IS NOT NULL))[1] AS due_before,
             (pg_catalog.array_agg(d.old_regime::pg_catalog.text ORDER BY d.seq)
                FILTER (WHERE d.new_regime IS NOT NULL))[1] AS regime_before
        FROM instruction_control.decision d
       WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id
         AND d.decided_on OPERATOR(pg_catalog.>) as_of
    ) f ON true
   WHERE coalesce(i.received_on, i.created_at::pg_catalog.date) OPERATOR(pg_catalog.<=) as_of
$$;

CREATE OR REPLACE FUNCTION escalation_addressee(kind instruction_kind, level control_level, routed addressee DEFAULT NULL)
RETURNS addressee
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT (CASE
            WHEN routed IS NOT NULL THEN routed::pg_catalog.text
            WHEN instruction_control.is_security_council(kind) THEN 'secretary_sc'
            WHEN level OPERATOR(instruction_control.=) 'pa'::instruction_control.control_level THEN 'head_of_pa'
            WHEN level OPERATOR(instruction_control.=) 'government'::instruction_control.control_level THEN 'prime_minister'
            WHEN level OPERATOR(instruction_control.=) 'local'::instruction_control.control_level THEN 'akim'
            ELSE 'first_head'
          END)::instruction_control.addressee
$$;

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
                THEN instruction_control.add_working_days(i.received_on, 10, coalesce(i.calendar, 'KZ'))
           END),
         i.reporting_period::pg_catalog.text, i.category::pg_catalog.text, i.received_on, i.signed_on, i.deadline_source::pg_catalog.text,
         coalesce(i.calendar, 'KZ'), i.responsible_body_id, i.controlling_body_id
    FROM instruction_control.instruction_as_of(as_of) a
    JOIN instruction_control.instruction i ON i.id OPERATOR(pg_catalog.=) a.instruction_id
$$;

CREATE OR REPLACE PROCEDURE sweep(as_of date DEFAULT current_date, batch_size integer DEFAULT 5000,
                       full_scope boolean DEFAULT false)
LANGUAGE plpgsql
AS $$
DECLARE
  run bigint;
  one_transaction boolean;
  result instruction_control.sweep_run;
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
  run := instruction_control.sweep_begin(as_of, batch_size, full_scope);
  IF NOT one_transaction THEN
    COMMIT;
  END IF;
  WHILE instruction_control.sweep_batch(run) LOOP
    IF NOT one_transaction THEN
      COMMIT;
    END IF;
  END LOOP;
  result := instruction_control.sweep_finish(run);
  RAISE NOTICE 'sweep of %: % events %', result.as_of, result.events, result.counts::pg_catalog.text;
END
$$;
