-- ===========================================================================
-- Scheduling: the sweeps on pg_cron
--
-- pg_cron is optional: without it everything works and CALL
-- instruction_control.sweep() can be run by any scheduler.  With it,
-- schedule_sweeps() makes pg_cron run the sweep every morning.
--
-- pg_cron runs in one database, cron.database_name; its schema `cron` exists
-- only there.  The job is created there with cron.schedule_in_database(),
-- directly when the registry lives in that database; from another database
-- schedule_sweeps() does that through dblink (contrib) when dblink is installed in the registry's
-- database, connecting over pg_cron's own cron.host socket and this server's
-- port; without dblink it raises IC202 with the exact statement to run there.
--
-- pg_cron is detected by its running launcher (pg_stat_activity.backend_type
-- = 'pg_cron launcher'), not by parsing shared_preload_libraries, which may
-- say '$libdir/pg_cron' or list it among others.  PostgreSQL hides notices
-- raised inside CREATE EXTENSION, so the state is a function to ask.
--
-- ic_admin schedules without superuser and without any privilege on pg_cron:
-- schedule_sweeps(), unschedule_sweeps(), scheduled_sweeps() and
-- scheduling_status() are SECURITY DEFINER (the extension's owner, who may
-- read cron.database_name and call cron.schedule_in_database).  What they run
-- in the cron database is fixed text built here: the job's command is always
-- CALL instruction_control.sweep(), the schedule is checked against pg_cron's
-- syntax and passed as a literal, and the job runs as the login role that
-- scheduled it (username = session_user), so the sweep has that role's rights,
-- never the owner's.  cron_exec(), which runs a query there, is executable by
-- the owner only: an administrator cannot run arbitrary SQL through pg_cron.
--
-- Failover: pg_cron's launcher runs only on a primary and starts when a standby
-- is promoted; the jobs came over with the cron database.  With
-- cron.use_background_workers = on it runs them in its own server (no
-- connection), so the sweep follows the failover with no step.  Without it, it
-- connects to the job's nodename:nodeport (the scheduling server's cron.host and
-- port): schedule_sweeps() replaces a job that names another server.
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
COMMENT ON FUNCTION scheduling_status() IS
  'Whether pg_cron can run the sweeps of this database (its launcher is running; the registry is in cron.database_name, or dblink reaches it), how, and if not what to do; SECURITY DEFINER: cron.database_name is a superuser-only setting';

-- Run SQL where the cron schema is: here, or in cron.database_name through dblink.
-- It runs as the owner inside the SECURITY DEFINER functions below, so pg_temp
-- comes last and the types it casts to are qualified (a caller's temporary
-- jsonb or text type is never used).
CREATE FUNCTION cron_exec(command text)
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
COMMENT ON FUNCTION cron_exec(text) IS
  'Internal, executable by the extension''s owner only (its SECURITY DEFINER scheduling functions): runs a query on pg_cron''s schema, here or in cron.database_name through dblink; IC201 without pg_cron, IC202 in another database without dblink';

-- Who the sweep job runs as: the login role calling, which must hold ic_admin
-- (its sweep then has ic_admin's rights).  Raises 42501 otherwise.
CREATE FUNCTION sweep_job_owner() RETURNS name
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  IF NOT pg_has_role(session_user, 'ic_admin', 'USAGE')
     AND NOT (SELECT r.rolsuper FROM pg_roles r WHERE r.rolname = session_user) THEN
    RAISE EXCEPTION 'the sweep job would run as role %, which is not a member of ic_admin', quote_ident(session_user)
      USING ERRCODE = '42501',
            DETAIL = 'pg_cron runs the job as the login role that scheduled it (session_user); the sweep needs ic_admin.',
            HINT = 'Schedule from a login role that holds ic_admin: GRANT ic_admin TO that role.';
  END IF;
  RETURN session_user;
END
$$;
COMMENT ON FUNCTION sweep_job_owner() IS
  'Internal: the login role the sweep job runs as (session_user), refused with 42501 unless it holds ic_admin';

-- A pg_cron schedule: five fields of digits, *, /, -, , and month or day
-- names; '@daily'-style macros; 'N seconds' (pg_cron 1.5 and later).  The text is
-- passed as a literal anyway; the check gives a clear error here rather than
-- pg_cron's, and keeps anything else out of cron.job.
CREATE FUNCTION valid_cron_schedule(cron_expr text) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT cron_expr IS NOT NULL AND length(cron_expr) <= 100
     AND (cron_expr ~ '^\s*[0-9A-Za-z*/,-]+(\s+[0-9A-Za-z*/,?$-]+){4}\s*$'
          OR cron_expr ~ '^\s*@(yearly|annually|monthly|weekly|daily|midnight|hourly|reboot)\s*$'
          OR cron_expr ~ '^\s*[1-5]?[0-9]\s+seconds?\s*$')
$$;
COMMENT ON FUNCTION valid_cron_schedule(text) IS
  'Whether a text has the form of a pg_cron schedule (five cron fields, an @macro, or ''N seconds''); schedule_sweeps() refuses anything else with 22023';

CREATE FUNCTION schedule_sweeps(cron_expr text DEFAULT '0 1 * * *',
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

CREATE FUNCTION unschedule_sweeps()
RETURNS integer
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  RETURN (instruction_control.cron_exec(format(
    'SELECT count(cron.unschedule(j.jobid)) AS v FROM cron.job j WHERE j.jobname = %L AND j.database = %L',
    instruction_control.sweep_job_name(), current_database())) ->> 'v')::integer;
END
$$;
COMMENT ON FUNCTION unschedule_sweeps() IS
  'Remove this database''s sweep job from pg_cron (here or through dblink), whoever scheduled it; returns how many jobs were removed.  The cleanup job of cron.job_run_details stays for the other databases'' jobs';

CREATE FUNCTION scheduled_sweeps(OUT jobid bigint, OUT schedule text, OUT command text,
                                 OUT database text, OUT username text, OUT active boolean)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
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
