/*
 * 99_readme: the README as tested documentation (issue 17, item 6), helper K.
 * Follows sql/src/50_scheduling.sql: IC202's HINT is the exact statement to run in
 * the cron database (it ended in " AS v", the alias cron_exec() used, and had no
 * ';'); schedule_sweeps() reads the job id by its column name.
 */

CREATE OR REPLACE FUNCTION cron_exec(command text)
RETURNS SETOF jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  st record;
  statement text := format('SELECT pg_catalog.to_jsonb(t)::pg_catalog.text FROM (%s) t', command);
BEGIN
  SELECT * INTO st FROM instruction_control.scheduling_status();
  IF NOT st.pg_cron_preloaded THEN
    RAISE EXCEPTION 'pg_cron is not running, so sweeps cannot be scheduled'
      USING ERRCODE = 'IC201',
            DETAIL = 'No process with backend_type ''pg_cron launcher'' is in pg_stat_activity.',
            HINT = format('Add to postgresql.conf:  shared_preload_libraries = ''pg_cron''  and  cron.database_name = %L, restart the server, then run CREATE EXTENSION pg_cron; in that database.  With cron.use_background_workers = on as well, the job runs on whichever server is primary after a failover.  Without pg_cron, run CALL instruction_control.sweep(); from any scheduler.',
                          current_database());
  END IF;
  IF st.cron_database = current_database() THEN
    IF NOT st.pg_cron_installed THEN
      RAISE EXCEPTION 'pg_cron is running but not created in this database'
        USING ERRCODE = 'IC201',
              DETAIL = format('cron.database_name is %L.', st.cron_database),
              HINT = 'Run CREATE EXTENSION pg_cron; in this database.';
    END IF;
    RETURN QUERY EXECUTE format('SELECT v::pg_catalog.jsonb FROM (%s) r(v)', statement);
  ELSIF st.dblink_schema IS NULL THEN
    RAISE EXCEPTION 'pg_cron runs in database %, not in %: its jobs are created there', 
                    quote_ident(st.cron_database), quote_ident(current_database())
      USING ERRCODE = 'IC202',
            DETAIL = 'The schema cron exists only in cron.database_name; this database has no dblink to reach it.',
            HINT = format('Run CREATE EXTENSION dblink; here and call again, or run in database %s:  %s;',
                          quote_ident(st.cron_database), command);
  ELSE
    RETURN QUERY EXECUTE format('SELECT v::pg_catalog.jsonb FROM %I.dblink(%L::pg_catalog.text, %L::pg_catalog.text) AS r(v pg_catalog.text)',
                                st.dblink_schema, instruction_control.cron_connstr(), statement);
  END IF;
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
