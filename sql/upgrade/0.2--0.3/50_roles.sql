/*
 * 50_roles: every ic_* role does its whole job without superuser (issue 16,
 * item 6; test/integration/roles_e2e.sh).  Follows sql/src/20_calendar.sql
 * (seeded_row_owner), 50_scheduling.sql and 90_security.sql:
 *
 *  - seeded_row_owner() is SECURITY DEFINER: ic_admin's row replacing a
 *    seeded decision_rule row deletes the seeded one without DELETE on it;
 *  - scheduling: scheduling_status(), schedule_sweeps(), unschedule_sweeps()
 *    and scheduled_sweeps() are SECURITY DEFINER for ic_admin, the job runs
 *    as the calling login (sweep_job_owner()), its command fixed and its
 *    schedule checked (valid_cron_schedule()); cron_exec() and cron_connstr()
 *    are the owner's only.
 *
 * The executors of a new instruction are written as the table's owner by the
 * C library (instruction_executors.c): no SQL change.
 */

ALTER FUNCTION seeded_row_owner() SECURITY DEFINER;
ALTER FUNCTION cron_connstr() SET search_path = pg_catalog, pg_temp;

-- scheduling_status(): as 0.3 has it, named by 98_failover.sql (\definition)

-- Run SQL where the cron schema is: here, or in cron.database_name through dblink.
-- It runs as the owner inside the SECURITY DEFINER functions below, so pg_temp
-- comes last and the types it casts to are qualified (a caller's temporary
-- jsonb or text type is never used).
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
    RETURN QUERY EXECUTE format('SELECT v::pg_catalog.jsonb FROM (%s) r(v)', statement);
  ELSIF st.dblink_schema IS NULL THEN
    RAISE EXCEPTION 'pg_cron runs in database %, not in %: its jobs are created there', 
                    quote_ident(st.cron_database), quote_ident(current_database())
      USING ERRCODE = 'IC202',
            DETAIL = 'The schema cron exists only in cron.database_name; this database has no dblink to reach it.',
            HINT = format('Run CREATE EXTENSION dblink; here and call again, or run in database %s:  %s',
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
\definition sweep_job_owner sql/src/50_scheduling.sql

-- A pg_cron schedule: five fields of digits, *, /, -, , and month or day
-- names; '@daily'-style macros; 'N seconds' (pg_cron 1.5 and later).  The text is
-- passed as a literal anyway; the check gives a clear error here rather than
-- pg_cron's, and keeps anything else out of cron.job.
\definition valid_cron_schedule sql/src/50_scheduling.sql

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
  job := (instruction_control.cron_exec(format('SELECT cron.schedule_in_database(%L, %L, %L, %L, %L) AS v',
                                               instruction_control.sweep_job_name(), cron_expr, sweep_cmd,
                                               current_database(), job_owner)) ->> 'v')::bigint;
  -- one sweep job per database: another role's job of this database goes
  PERFORM instruction_control.cron_exec(format(
    'SELECT cron.unschedule(j.jobid) AS v FROM cron.job j WHERE j.jobname = %L AND j.database = %L AND j.username <> %L',
    instruction_control.sweep_job_name(), current_database(), job_owner));
  -- keep cron.job_run_details bounded: one cleanup job in the cron database
  PERFORM instruction_control.cron_exec(format('SELECT cron.schedule(%L, %L, %L) AS v',
                                               'instruction_control_cron_cleanup', '17 0 * * *', cleanup_cmd));
  RETURN job;
END
$$;
COMMENT ON FUNCTION schedule_sweeps(text, interval) IS
  'Schedule CALL instruction_control.sweep() with pg_cron (default 01:00 GMT = 06:00 in Astana) through cron.schedule_in_database, here or through dblink; the job runs as the calling login role (an ic_admin), the command is fixed and the schedule checked (22023); also schedules the daily cleanup of cron.job_run_details older than keep_run_details; returns the job id';

\definition unschedule_sweeps sql/src/50_scheduling.sql

\definition scheduled_sweeps sql/src/50_scheduling.sql

REVOKE EXECUTE ON FUNCTION cron_exec(text), cron_connstr(), sweep_job_owner(), schedule_sweeps(text, interval),
  unschedule_sweeps(), scheduled_sweeps(), scheduling_status() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION cron_exec(text) FROM ic_admin;
GRANT EXECUTE ON FUNCTION schedule_sweeps(text, interval), unschedule_sweeps(), scheduled_sweeps(),
  scheduling_status() TO ic_admin;
