-- ===========================================================================
-- Scheduling: the sweeps on pg_cron
--
-- pg_cron is optional: without it everything works and CALL
-- instruction_control.sweep() can be run by any scheduler.  With it,
-- schedule_sweeps() makes pg_cron run the sweep every morning.
--
-- pg_cron runs in one database, cron.database_name; its schema `cron` exists
-- only there.  When the registry lives in that database the job is scheduled
-- with cron.schedule().  When it lives in another, the job must be created in
-- the cron database with cron.schedule_in_database(): schedule_sweeps() does
-- that through dblink (contrib) when dblink is installed in the registry's
-- database, connecting over pg_cron's own cron.host socket and this server's
-- port; without dblink it raises IC202 with the exact statement to run there.
--
-- pg_cron is detected by its running launcher (pg_stat_activity.backend_type
-- = 'pg_cron launcher'), not by parsing shared_preload_libraries, which may
-- say '$libdir/pg_cron' or list it among others.  PostgreSQL hides notices
-- raised inside CREATE EXTENSION, so the state is a function to ask.
-- ===========================================================================

CREATE FUNCTION sweep_job_name() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN 'instruction_control_sweep:' OPERATOR(pg_catalog.||) pg_catalog.current_database();
COMMENT ON FUNCTION sweep_job_name() IS
  'Name of this database''s sweep job in cron.job: instruction_control_sweep:<database>';

-- The connection string to the cron database over pg_cron's own socket.
CREATE FUNCTION cron_connstr() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT format('dbname=%s host=%s port=%s user=%s application_name=instruction_control',
                quote_literal(current_setting('cron.database_name', true)),
                quote_literal(coalesce(nullif(current_setting('cron.host', true), ''), 'localhost')),
                current_setting('port'), quote_literal(current_user))
$$;
COMMENT ON FUNCTION cron_connstr() IS
  'libpq connection string to pg_cron''s database (cron.database_name) over cron.host and this server''s port, as the current user; used through dblink';

CREATE FUNCTION scheduling_status(
    OUT pg_cron_preloaded boolean,
    OUT pg_cron_installed boolean,
    OUT cron_database text,
    OUT ready boolean,
    OUT hint text,
    OUT method text,
    OUT dblink_schema text)
RETURNS record
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  -- pg_cron is running when its launcher is (whatever shared_preload_libraries spells)
  pg_cron_preloaded := EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher');
  pg_cron_installed := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron');
  cron_database := current_setting('cron.database_name', true);
  SELECT n.nspname INTO dblink_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'dblink';
  method := CASE
    WHEN NOT pg_cron_preloaded THEN NULL
    WHEN cron_database = current_database() THEN 'cron.schedule'
    WHEN dblink_schema IS NOT NULL THEN 'cron.schedule_in_database via dblink'
  END;
  ready := pg_cron_preloaded AND (pg_cron_installed OR method LIKE '%dblink')
           AND method IS NOT NULL;
  hint := CASE
    WHEN NOT pg_cron_preloaded AND pg_is_in_recovery() THEN
      'This server is a standby: pg_cron runs and sweeps are scheduled on the primary (after a promotion: instruction_control.unschedule_sweeps() and schedule_sweeps() again).'
    WHEN NOT pg_cron_preloaded THEN
      'pg_cron is not running: add to postgresql.conf  shared_preload_libraries = ''pg_cron''  and  cron.database_name = '''
      || current_database() || ''', restart the server, then run CREATE EXTENSION pg_cron; in that database.'
    WHEN cron_database = current_database() AND NOT pg_cron_installed THEN
      'Run CREATE EXTENSION pg_cron; in this database.'
    WHEN cron_database = current_database() THEN
      'pg_cron is ready in this database: SELECT instruction_control.schedule_sweeps();'
    WHEN dblink_schema IS NULL THEN
      'pg_cron runs jobs in database ' || coalesce(quote_literal(cron_database), '(unset)')
      || ' (cron.database_name); run CREATE EXTENSION dblink; here and schedule_sweeps() creates the job there with cron.schedule_in_database(), or run in that database: '
      || format('SELECT cron.schedule_in_database(%L, %L, %L, %L);', 'instruction_control_sweep:' || current_database(),
                '0 1 * * *', 'CALL instruction_control.sweep()', current_database())
    ELSE
      'pg_cron runs in database ' || quote_literal(cron_database)
      || '; schedule_sweeps() creates the job there through dblink (cron.schedule_in_database()). CREATE EXTENSION pg_cron; must have been run in that database.'
  END;
END
$$;
COMMENT ON FUNCTION scheduling_status() IS
  'Whether pg_cron can run the sweeps of this database (its launcher is running; the registry is in cron.database_name, or dblink reaches it), how, and if not what to do';

-- Run SQL where the cron schema is: here, or in cron.database_name through dblink.
CREATE FUNCTION cron_exec(command text)
RETURNS SETOF jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  st record;
  statement text := format('SELECT to_jsonb(t)::text FROM (%s) t', command);
BEGIN
  SELECT * INTO st FROM instruction_control.scheduling_status();
  IF NOT st.pg_cron_preloaded THEN
    RAISE EXCEPTION 'pg_cron is not running, so sweeps cannot be scheduled'
      USING ERRCODE = 'IC201',
            DETAIL = 'No process with backend_type ''pg_cron launcher'' is in pg_stat_activity.',
            HINT = format('Add to postgresql.conf:  shared_preload_libraries = ''pg_cron''  and  cron.database_name = %L, restart the server, then run CREATE EXTENSION pg_cron; in that database.  Without pg_cron, run CALL instruction_control.sweep(); from any scheduler.',
                          current_database());
  END IF;
  IF st.cron_database = current_database() THEN
    IF NOT st.pg_cron_installed THEN
      RAISE EXCEPTION 'pg_cron is running but not created in this database'
        USING ERRCODE = 'IC201',
              DETAIL = format('cron.database_name is %L.', st.cron_database),
              HINT = 'Run CREATE EXTENSION pg_cron; in this database.';
    END IF;
    RETURN QUERY EXECUTE format('SELECT v::jsonb FROM (%s) r(v)', statement);
  ELSIF st.dblink_schema IS NULL THEN
    RAISE EXCEPTION 'pg_cron runs in database %, not in %: its jobs are created there', 
                    quote_ident(st.cron_database), quote_ident(current_database())
      USING ERRCODE = 'IC202',
            DETAIL = 'The schema cron exists only in cron.database_name; this database has no dblink to reach it.',
            HINT = format('Run CREATE EXTENSION dblink; here and call again, or run in database %s:  %s',
                          quote_ident(st.cron_database), command);
  ELSE
    RETURN QUERY EXECUTE format('SELECT v::jsonb FROM %I.dblink(%L, %L) AS r(v text)',
                                st.dblink_schema, instruction_control.cron_connstr(), statement);
  END IF;
END
$$;
COMMENT ON FUNCTION cron_exec(text) IS
  'Internal: runs a query on pg_cron''s schema, here or in cron.database_name through dblink; IC201 without pg_cron, IC202 in another database without dblink';

CREATE FUNCTION schedule_sweeps(cron_expr text DEFAULT '0 1 * * *',
                                keep_run_details interval DEFAULT '14 days')
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  here boolean := current_setting('cron.database_name', true) = current_database();
  sweep_cmd text := 'CALL instruction_control.sweep()';
  cleanup_cmd text := format('DELETE FROM cron.job_run_details WHERE end_time < now() - %L::interval',
                             keep_run_details);
  job bigint;
BEGIN
  IF cron_expr IS NULL OR btrim(cron_expr) = '' THEN
    RAISE EXCEPTION 'a cron schedule is needed, e.g. ''0 1 * * *'''
      USING ERRCODE = '22023', HINT = 'pg_cron reads the schedule in GMT: ''0 1 * * *'' is 06:00 in Astana (UTC+5).';
  END IF;
  IF here THEN
    job := (instruction_control.cron_exec(format('SELECT cron.schedule(%L, %L, %L) AS v',
                                                 instruction_control.sweep_job_name(), cron_expr, sweep_cmd)) ->> 'v')::bigint;
  ELSE
    job := (instruction_control.cron_exec(format('SELECT cron.schedule_in_database(%L, %L, %L, %L) AS v',
                                                 instruction_control.sweep_job_name(), cron_expr, sweep_cmd,
                                                 current_database())) ->> 'v')::bigint;
  END IF;
  -- keep cron.job_run_details bounded: one cleanup job in the cron database
  PERFORM instruction_control.cron_exec(format('SELECT cron.schedule(%L, %L, %L) AS v',
                                               'instruction_control_cron_cleanup', '17 0 * * *', cleanup_cmd));
  RETURN job;
END
$$;
COMMENT ON FUNCTION schedule_sweeps(text, interval) IS
  'Schedule CALL instruction_control.sweep() with pg_cron (default 01:00 GMT = 06:00 in Astana), in this database or, from another, through dblink with cron.schedule_in_database(); also schedules the daily cleanup of cron.job_run_details older than keep_run_details; returns the job id';

CREATE FUNCTION unschedule_sweeps()
RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN (instruction_control.cron_exec(format(
    'SELECT count(cron.unschedule(j.jobid)) AS v FROM cron.job j WHERE j.jobname = %L AND j.database = %L',
    instruction_control.sweep_job_name(), current_database())) ->> 'v')::integer;
END
$$;
COMMENT ON FUNCTION unschedule_sweeps() IS
  'Remove this database''s sweep job from pg_cron (here or through dblink); returns how many jobs were removed.  The cleanup job of cron.job_run_details stays for the other databases'' jobs';

CREATE FUNCTION scheduled_sweeps(OUT jobid bigint, OUT schedule text, OUT command text,
                                 OUT database text, OUT username text, OUT active boolean)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RETURN QUERY
  SELECT (j ->> 'jobid')::bigint, j ->> 'schedule', j ->> 'command', j ->> 'database', j ->> 'username',
         (j ->> 'active')::boolean
    FROM instruction_control.cron_exec(format(
      'SELECT j.jobid, j.schedule, j.command, j.database, j.username, j.active FROM cron.job j WHERE j.jobname = %L',
      instruction_control.sweep_job_name())) j;
END
$$;
COMMENT ON FUNCTION scheduled_sweeps() IS 'This database''s sweep job as pg_cron holds it (cron.job), read here or through dblink';

-- Privileges: the Security section (90_security.sql).
