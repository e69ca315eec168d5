-- Scheduling by ic_admin without superuser and without arbitrary SQL through pg_cron (issue 16,
-- item 6): the schedule is checked before anything reaches the cron database, the job runs as the
-- scheduling login (which must hold ic_admin), and the function that runs SQL in the cron database
-- is the owner's alone.  pg_cron itself is exercised by test/integration/roles_e2e.sh.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SELECT plan(23);

-- valid_cron_schedule(): the forms pg_cron reads, nothing else
SELECT ok(valid_cron_schedule(s), format('a pg_cron schedule: %L', s))
  FROM unnest(ARRAY['0 1 * * *', '30 0 * * 1-5', '*/5 * * * *', '0 1 1,15 jan-dec mon', '0 1 $ * *',
                    '@daily', '30 seconds']) s;
SELECT ok(NOT coalesce(valid_cron_schedule(s), false), format('not a pg_cron schedule: %L', s))
  FROM unnest(ARRAY['* * * * *'', ''DROP TABLE x', 'every day; SELECT 1', '* * * *', '* * * * * *',
                    '0 1 * * *; CALL x()', '', repeat('1', 200), NULL]) s;

-- the schedule is refused before anything reaches the cron database (no pg_cron needed here)
SELECT throws_ok($$SELECT schedule_sweeps('* * * * *'', ''DROP TABLE x')$$, '22023', NULL,
  'a schedule carrying SQL is refused (22023): the admin chooses when, never what');
SELECT throws_ok($$SELECT schedule_sweeps('0 1 * * *', '-1 day')$$, '22023', NULL,
  'a negative keep_run_details is refused (22023)');

-- the job runs as the scheduling login, which must hold ic_admin: a SECURITY DEFINER
-- function of an administrator does not lend ic_admin to a caller who lacks it
CREATE ROLE tap_sched_admin NOLOGIN IN ROLE ic_admin;
CREATE ROLE tap_sched_nobody NOLOGIN;
CREATE FUNCTION public.tap_lend_schedule() RETURNS bigint LANGUAGE sql SECURITY DEFINER
  SET search_path = pg_catalog, pg_temp
  AS $$ SELECT instruction_control.schedule_sweeps('0 1 * * *') $$;
ALTER FUNCTION public.tap_lend_schedule() OWNER TO tap_sched_admin;
GRANT EXECUTE ON FUNCTION public.tap_lend_schedule() TO tap_sched_nobody;
SET SESSION AUTHORIZATION tap_sched_nobody;
SELECT throws_ok($$SELECT public.tap_lend_schedule()$$, '42501',
  'the sweep job would run as role tap_sched_nobody, which is not a member of ic_admin',
  'a login without ic_admin cannot get a sweep job through an administrator''s SECURITY DEFINER function');
RESET SESSION AUTHORIZATION;

-- who may run what: the scheduling API is ic_admin's; running SQL in the cron database nobody's
SELECT ok(has_function_privilege('ic_admin', f, 'EXECUTE'), format('ic_admin may call %s', f))
  FROM unnest(ARRAY['schedule_sweeps(text, interval)', 'unschedule_sweeps()', 'scheduled_sweeps()',
                    'scheduling_status()']) f;
SELECT is((SELECT string_agg(format('%s:%s', r, f), ', ' ORDER BY r, f)
             FROM unnest(ARRAY['instruction_control.cron_exec(text)', 'instruction_control.cron_connstr()',
                               'instruction_control.sweep_job_owner()']) f,
                  unnest(ARRAY['ic_reader', 'ic_executor', 'ic_controller', 'ic_admin', 'ic_integrator',
                               'tap_sched_nobody']) r
            WHERE has_function_privilege(r, f, 'EXECUTE')),
          NULL, 'no role but the owner may run SQL in the cron database (cron_exec, cron_connstr, sweep_job_owner)');
SELECT * FROM finish();
ROLLBACK;
