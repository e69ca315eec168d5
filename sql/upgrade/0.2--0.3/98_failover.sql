/*
 * 98_failover: the sweep job follows a failover with no manual step (issue 17,
 * item 4), helper D.  Follows sql/src/50_scheduling.sql:
 * - scheduling_status(): the standby's hint no longer asks to unschedule and
 *   schedule again after a promotion; the ready hints recommend
 *   cron.use_background_workers = on when it is off;
 * - schedule_sweeps(): a sweep or cleanup job naming another server's
 *   nodename/nodeport (scheduled on the old primary) is replaced by one naming
 *   this server.
 * Same signatures and results.
 */

CREATE OR REPLACE FUNCTION scheduling_status(
    OUT pg_cron_preloaded boolean,
    OUT pg_cron_installed boolean,
    OUT cron_database text,
    OUT ready boolean,
    OUT hint text,
    OUT method text,
    OUT dblink_schema text)
RETURNS record
LANGUAGE plpgsql STABLE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  -- without background workers pg_cron connects to the job's nodename:nodeport,
  -- which a promoted standby on another host or port is not (README, Crashes and standbys)
  failover_note text := CASE WHEN current_setting('cron.use_background_workers', true) = 'off' THEN
    ' To have the job run on whichever server is primary after a failover, set cron.use_background_workers = on (postgresql.conf, restart).' ELSE '' END;
BEGIN
  -- pg_cron is running when its launcher is (whatever shared_preload_libraries spells)
  pg_cron_preloaded := EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher');
  pg_cron_installed := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron');
  cron_database := current_setting('cron.database_name', true);
  SELECT n.nspname INTO dblink_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'dblink';
  method := CASE
    WHEN NOT pg_cron_preloaded THEN NULL
    WHEN cron_database = current_database() THEN 'cron.schedule_in_database'
    WHEN dblink_schema IS NOT NULL THEN 'cron.schedule_in_database via dblink'
  END;
  ready := pg_cron_preloaded AND (pg_cron_installed OR method LIKE '%dblink')
           AND method IS NOT NULL;
  hint := CASE
    WHEN NOT pg_cron_preloaded AND pg_is_in_recovery() THEN
      'This server is a standby: pg_cron runs and sweeps are scheduled on the primary. When this server is promoted, its pg_cron launcher starts and runs the jobs scheduled on the primary, with nothing done by hand if cron.use_background_workers = on (otherwise they connect to the host and port they were scheduled with).'
    WHEN NOT pg_cron_preloaded THEN
      'pg_cron is not running: add to postgresql.conf  shared_preload_libraries = ''pg_cron''  and  cron.database_name = '''
      || current_database() || ''', restart the server, then run CREATE EXTENSION pg_cron; in that database.  With cron.use_background_workers = on as well, the job runs on whichever server is primary after a failover.'
    WHEN cron_database = current_database() AND NOT pg_cron_installed THEN
      'Run CREATE EXTENSION pg_cron; in this database.'
    WHEN cron_database = current_database() THEN
      'pg_cron is ready in this database: SELECT instruction_control.schedule_sweeps();' || failover_note
    WHEN dblink_schema IS NULL THEN
      'pg_cron runs jobs in database ' || coalesce(quote_literal(cron_database), '(unset)')
      || ' (cron.database_name); run CREATE EXTENSION dblink; here and schedule_sweeps() creates the job there with cron.schedule_in_database(), or run in that database: '
      || format('SELECT cron.schedule_in_database(%L, %L, %L, %L);', 'instruction_control_sweep:' || current_database(),
                '0 1 * * *', 'CALL instruction_control.sweep()', current_database())
    ELSE
      'pg_cron runs in database ' || quote_literal(cron_database)
      || '; schedule_sweeps() creates the job there through dblink (cron.schedule_in_database()). CREATE EXTENSION pg_cron; must have been run in that database.'
      || failover_note
  END;
END
$$;
CREATE OR REPLACE FUNCTION schedule_sweeps(cron_expr text DEFAULT '0 1 * * *',
                                keep_run_details interval DEFAULT '14 days')
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  -- the command is fixed: the caller chooses when, never what
  sweep_cmd constant text := 'CALL instruction_control.sweep()';
  cleanup_cmd text := format('DELETE FROM cron.job_run_details WHERE end_time < now() - %L::interval',
                             keep_run_details);
  job_owner name := instruction_control.sweep_job_owner();
  schedule_cmd text := format('SELECT cron.schedule_in_database(%L, %L, %L, %L, %L)',
                              instruction_control.sweep_job_name(), cron_expr, sweep_cmd,
                              current_database(), job_owner);
  job bigint;
BEGIN
  IF cron_expr IS NULL OR btrim(cron_expr) = '' THEN
    RAISE EXCEPTION 'a cron schedule is needed, e.g. ''0 1 * * *'''
      USING ERRCODE = '22023', HINT = 'pg_cron reads the schedule in GMT: ''0 1 * * *'' is 06:00 in Astana (UTC+5).';
  END IF;
  IF NOT instruction_control.valid_cron_schedule(cron_expr) THEN
    RAISE EXCEPTION 'invalid cron schedule: %', quote_literal(left(cron_expr, 100))
      USING ERRCODE = '22023',
            DETAIL = 'A schedule is five cron fields (minute hour day month weekday), an @macro such as @daily, or ''N seconds''.',
            HINT = 'E.g. ''0 1 * * *'' (01:00 GMT, 06:00 in Astana) or ''30 0 * * 1-5''.';
  END IF;
  IF keep_run_details IS NULL OR keep_run_details < interval '0' THEN
    RAISE EXCEPTION 'keep_run_details must not be negative'
      USING ERRCODE = '22023', HINT = 'E.g. ''14 days''.';
  END IF;
  -- the command is a statement a superuser can run as it is (IC202's HINT shows it): no alias
  job := (instruction_control.cron_exec(schedule_cmd) ->> 'schedule_in_database')::bigint;
  -- a job that names another server (scheduled on the old primary before a
  -- failover) is replaced: pg_cron's upsert above keeps its nodename/nodeport,
  -- and without cron.use_background_workers pg_cron connects there to run it
  IF (SELECT count(*) FROM instruction_control.cron_exec(format(
        'SELECT cron.unschedule(j.jobid) FROM cron.job j WHERE ((j.jobname = %L AND j.database = %L) OR j.jobname = %L)'
        ' AND (j.nodename, j.nodeport) IS DISTINCT FROM (pg_catalog.current_setting(''cron.host''), pg_catalog.current_setting(''port'')::pg_catalog.int4)',
        instruction_control.sweep_job_name(), current_database(), 'instruction_control_cron_cleanup'))) > 0 THEN
    job := (instruction_control.cron_exec(schedule_cmd) ->> 'schedule_in_database')::bigint;
  END IF;
  -- one sweep job per database: another role's job of this database goes
  PERFORM instruction_control.cron_exec(format(
    'SELECT cron.unschedule(j.jobid) FROM cron.job j WHERE j.jobname = %L AND j.database = %L AND j.username <> %L',
    instruction_control.sweep_job_name(), current_database(), job_owner));
  -- keep cron.job_run_details bounded: one cleanup job in the cron database
  PERFORM instruction_control.cron_exec(format('SELECT cron.schedule(%L, %L, %L)',
                                               'instruction_control_cron_cleanup', '17 0 * * *', cleanup_cmd));
  RETURN job;
END
$$;

COMMENT ON FUNCTION schedule_sweeps(text, interval) IS
  'Schedule CALL instruction_control.sweep() with pg_cron (default 01:00 GMT = 06:00 in Astana) through cron.schedule_in_database, here or through dblink; the job runs as the calling login role (an ic_admin), the command is fixed and the schedule checked (22023); a job naming another server''s host or port (from before a failover) is replaced by one naming this server; also schedules the daily cleanup of cron.job_run_details older than keep_run_details; returns the job id';
