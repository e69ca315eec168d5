--
-- Foundation: the extension installs, drops and installs again; it works without
-- pg_cron in the database and says how to enable scheduling; the setting
-- instruction_control.calendar exists with its default and rejects bad codes.
--
\set VERBOSITY default
\set SHOW_CONTEXT never
-- pg_cron is preloaded in the test cluster but not created in this database.
SELECT count(*) AS pg_cron_in_db FROM pg_extension WHERE extname = 'pg_cron';

-- The ic_* roles may exist already (roles belong to the cluster): adopting them
-- raises a WARNING that names the database that created them
-- (test/integration/role_ties.sh tests it), so it is not shown here.
SET client_min_messages = error;
CREATE EXTENSION instruction_control;
RESET client_min_messages;

SELECT extname, extversion = a.default_version AS default_version, extrelocatable, n.nspname AS schema
  FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
  JOIN pg_available_extensions a ON a.name = e.extname
 WHERE extname = 'instruction_control';

-- pg_cron's launcher connects a moment after the throwaway cluster has created
-- its database (scripts/cluster.sh); scheduling_status() looks for it, so wait
-- (at most 10 s) where pg_cron is preloaded.  On a cluster without pg_cron the
-- hint names the postgresql.conf lines instead (expected/00_foundation_1.out).
DO $$
BEGIN
  FOR i IN 1..40 LOOP
    EXIT WHEN current_setting('shared_preload_libraries') NOT LIKE '%pg_cron%';
    EXIT WHEN EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher');
    PERFORM pg_sleep(0.25);
  END LOOP;
END
$$;
-- Without pg_cron in the database the extension says what to do to schedule sweeps.
SELECT pg_cron_preloaded, pg_cron_installed, cron_database, ready, hint
  FROM instruction_control.scheduling_status();

-- The loaded library and the installed SQL are of the same release.
SELECT instruction_control.lib_version() = extversion AS library_matches_scripts
  FROM pg_extension WHERE extname = 'instruction_control';

SHOW instruction_control.calendar;
SET instruction_control.calendar = 'kz_test';
SHOW instruction_control.calendar;
RESET instruction_control.calendar;

SET instruction_control.calendar = '';
\echo sqlstate :LAST_ERROR_SQLSTATE
SET instruction_control.calendar = 'K Z';
\echo sqlstate :LAST_ERROR_SQLSTATE
SET instruction_control.calendar = 'ABCDEFGHIJKLMNOPQ';
\echo sqlstate :LAST_ERROR_SQLSTATE
-- The prefix is reserved: a typo in a setting name is refused, not kept silently.
SET instruction_control.calender = 'KZ';
\echo sqlstate :LAST_ERROR_SQLSTATE

DROP EXTENSION instruction_control;
-- PostgreSQL keeps the schema CREATE EXTENSION made; nothing is left in it.
SELECT count(*) AS objects_left
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE n.nspname = 'instruction_control';
SELECT count(*) AS functions_left
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
 WHERE n.nspname = 'instruction_control';

SET client_min_messages = error;
CREATE EXTENSION instruction_control;
RESET client_min_messages;
SELECT e.extversion = a.default_version AS default_version
  FROM pg_extension e JOIN pg_available_extensions a ON a.name = e.extname WHERE e.extname = 'instruction_control';
