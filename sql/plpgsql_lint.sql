--
-- plpgsql_check over every PL/pgSQL function of the extension (issue 16,
-- item 9): no error, and no warning -- other, extra, performance or
-- security -- that is not in the allowlist below with the reason it stays.
-- The functions are read from the catalog (pg_depend deptype 'e'), so a new
-- one is checked without anyone listing it.  plpgsql_check need not be in
-- shared_preload_libraries: CREATE EXTENSION is enough for the checks.
--
-- A trigger function is checked against every table it fires on; one that
-- serves several tables branches on TG_TABLE_NAME, so an error counts only
-- when it is found against EVERY such table (a field read in the branch of
-- another table is not an error).
--
SET client_min_messages = error;   -- not the cluster-dependent WARNING of adopted ic_* roles
CREATE EXTENSION IF NOT EXISTS instruction_control;
CREATE EXTENSION IF NOT EXISTS plpgsql_check;
RESET client_min_messages;

CREATE TEMP TABLE lint_allow (fn regprocedure, message text, why text NOT NULL);
INSERT INTO lint_allow VALUES
  ('instruction_control.scheduling_status()', 'target type is different type than source type',
   'performance: a name (pg_namespace.nspname) assigned to a text OUT parameter, once per call'),
  ('instruction_control.cron_exec(text)', 'text type variable is not sanitized',
   'security: cron_exec runs the statement schedule_sweeps() and its siblings build (every value through format %L); it is SECURITY INVOKER and executable by ic_admin only, so it runs nothing its caller could not run'),
  ('instruction_control.cron_exec(text)', 'routine is marked as VOLATILE, should be STABLE',
   'performance: the statement it runs schedules or unschedules pg_cron jobs (writes); VOLATILE is right'),
  ('instruction_control.restore_privileges(regrole,boolean)', 'routine is marked as VOLATILE, should be STABLE',
   'performance: its dynamic statements are GRANT and REVOKE (writes to the catalog); VOLATILE is right'),
  ('instruction_control.host_row(text,text)', 'text type variable is not sanitized',
   'security: the host table, key column and key type come from host_link (names through %I, the type from format_type of the catalog), the key is a bound parameter'),
  ('instruction_control.host_ref_check()', 'text type variable is not sanitized',
   'security: as host_row: names from host_link through %I, the type from format_type, the value a bound parameter'),
  ('instruction_control.host_link_apply(text,jsonb,boolean)', 'text type variable is not sanitized',
   'security: the column list is built with quote_ident from keys link_host checked against the catalog; the values are a bound jsonb parameter'),
  ('instruction_control.host_link_apply(text,jsonb,boolean)', 'routine is marked as VOLATILE, should be STABLE',
   'performance: it inserts and updates rows of state_body, act and person through dynamic SQL; VOLATILE is right'),
  ('instruction_control.link_host(text,regclass,name,jsonb,jsonb)', 'text type variable is not sanitized',
   'security: the host table is a regclass (printed quoted), the key column a name through %I; the statements create triggers with a fixed function');

-- host_link_sync() fires only on a linked host table: link one so it is checked against it
CREATE TABLE public.lint_host (id bigint PRIMARY KEY, title text NOT NULL);
SELECT instruction_control.link_host('act', 'public.lint_host', 'id', '{"act_type": "title"}');

CREATE TEMP TABLE lint_target AS
SELECT p.oid::regprocedure AS fn, coalesce(tg.tgrelid, 0) AS relid,
       p.prorettype = 'trigger'::regtype AS is_trigger
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'instruction_control'
  JOIN pg_catalog.pg_language l ON l.oid = p.prolang AND l.lanname = 'plpgsql'
  LEFT JOIN (SELECT DISTINCT tgfoid, tgrelid FROM pg_catalog.pg_trigger) tg
         ON tg.tgfoid = p.oid AND p.prorettype = 'trigger'::regtype;

-- the test sees the functions: a broken join would pass everything below
SELECT count(DISTINCT fn) > 20 AS checks_functions, count(*) FILTER (WHERE is_trigger) > 3 AS checks_triggers
  FROM lint_target;
-- every trigger function is checked against a table it fires on
SELECT fn AS trigger_function_on_no_table FROM lint_target WHERE is_trigger AND relid = 0 ORDER BY 1::text;

CREATE TEMP TABLE lint_finding AS
SELECT t.fn, t.relid, t.is_trigger, c.level, c.lineno, c.message, c.detail
  FROM lint_target t
  CROSS JOIN LATERAL plpgsql_check_function_tb(t.fn, t.relid,
      fatal_errors => false, other_warnings => true, performance_warnings => true,
      extra_warnings => true, security_warnings => true) c
 WHERE NOT t.is_trigger OR t.relid <> 0;

-- errors and warnings left: none
SELECT f.fn, f.level, f.lineno, f.message, f.detail
  FROM (SELECT DISTINCT fn, level, lineno, message, detail FROM lint_finding) f
 WHERE NOT EXISTS (SELECT 1 FROM lint_allow a WHERE a.fn = f.fn AND a.message = f.message)
   -- a trigger function's error counts when every table it fires on shows it
   AND (f.level <> 'error'
        OR (SELECT count(DISTINCT g.relid) FROM lint_finding g
             WHERE g.fn = f.fn AND g.lineno IS NOT DISTINCT FROM f.lineno AND g.message = f.message)
           = (SELECT count(DISTINCT relid) FROM lint_target t WHERE t.fn = f.fn))
 ORDER BY 1::text, 3, 4;

-- the allowlist holds no stale entry (each one still matches a finding)
SELECT a.fn, a.message AS allowed_but_not_found
  FROM lint_allow a
 WHERE NOT EXISTS (SELECT 1 FROM lint_finding f WHERE f.fn = a.fn AND f.message = a.message)
 ORDER BY 1::text, 2;

SELECT instruction_control.unlink_host('act');
DROP TABLE public.lint_host;
DROP EXTENSION plpgsql_check;
