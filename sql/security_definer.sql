--
-- Least privilege by construction (issue 16, item 0): read from the catalog,
-- not from a list someone has to remember.
--
-- Every function of the extension (pg_depend deptype 'e') that pins a
-- search_path ends it in pg_temp: a path without pg_temp searches the
-- session's temporary schema FIRST for relations and types, so a temp view
-- named like a table of the extension would be read by the function (as its
-- owner, if it is SECURITY DEFINER).  A SECURITY DEFINER function pins exactly
-- pg_catalog, instruction_control, pg_temp, is in the allowlist below with the
-- reason it must be one, and is not executable by PUBLIC.  A new definer
-- function fails this test until it is pinned, revoked and justified here.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS instruction_control;
RESET client_min_messages;

CREATE TEMP TABLE definer_allowlist (fn regprocedure PRIMARY KEY, why text NOT NULL);
INSERT INTO definer_allowlist VALUES
  ('instruction_control.sweep_begin(date,integer,boolean)',
   'a role allowed to sweep (ic_admin) needs no privilege on sweep_run, sweep_state, the registry or the outbox: the step reads all instructions past row-level security and writes the run'),
  ('instruction_control.sweep_batch(bigint)',
   'writes the outbox events and the sweep state of one batch; no role has INSERT on event'),
  ('instruction_control.sweep_finish(bigint)',
   'records the end of the run in sweep_run, which no role may write'),
  ('instruction_control.rule_change_journal()',
   'the trigger that journals every change of the rule data (R74-1 matrix, sweep settings, calendar) into rule_change, which no role may write: an administrator changes the rules but not their journal'),
  ('instruction_control.rules_version()',
   'the journal''s last version, read by the decision journal of every role that records decisions (decision.rules_version); rule_change itself is readable by nobody but its owner'),
  ('instruction_control.calendar_compiled_refresh()',
   'the trigger that writes calendar_compiled, the calendar as the working-day cache reads it, in the statement that changes calendar or calendar_day: an administrator changes the calendar, and no role may write its derived row'),
  ('instruction_control.seeded_row_owner()',
   'the trigger that lets an administrator''s row replace a seeded row of the matrix or calendar: it deletes the seeded row, which ic_admin may not delete directly'),
  ('instruction_control.scheduling_status()',
   'reads cron.database_name, a superuser-only setting, and pg_cron''s state for ic_admin'),
  ('instruction_control.schedule_sweeps(text,interval)',
   'creates the sweep job in pg_cron (cron.schedule_in_database, superuser-only) with a fixed command, CALL instruction_control.sweep(), run as the scheduling ic_admin login; the admin chooses when, never what'),
  ('instruction_control.unschedule_sweeps()',
   'removes this database''s sweep job from pg_cron, whose tables ic_admin may not write'),
  ('instruction_control.scheduled_sweeps()',
   'reads this database''s sweep job from cron.job, which ic_admin may not read'),
  ('instruction_control.sweep_change_note()',
   'the trigger that notes a written instruction, decision or risk report for the next incremental sweep in sweep_change, which no client may write (so no client value can hide a change from the sweep)'),
  ('instruction_control.next_events(integer,instruction_control.addressee)',
   'takes open events FOR UPDATE SKIP LOCKED for ic_admin and ic_integrator, who hold no UPDATE on event (so they cannot reopen an event or forge delivered_by)'),
  ('instruction_control.mark_delivered(bigint[])',
   'the only writer of event.delivered_at and delivered_by (the session user, never taken from the client); nobody holds UPDATE on event'),
  ('instruction_control.host_link_sync()',
   'the trigger link_host puts on a host table: the host application''s role writes its own departments, documents and staff and holds no privilege on state_body, act or person, which this keeps in step (issue 17, item 2); it fires only on the table host_link names'),
  ('instruction_control.calendar_change_events(bigint[])',
   'writes the outbox events deadline_moved of calendar_change decisions (R50.3) for apply_calendar_change(), from the journal alone; no role has INSERT on event'),
  ('instruction_control.calendar_change_draft_events(text,jsonb,text,date)',
   'writes the outbox events deadline_moved of drafts whose review deadline a calendar change moved (R20, R33) for apply_calendar_change() and apply_holiday_date(); no role has INSERT on event'),
  ('instruction_control.host_ref_check()',
   'the trigger on state_body, act and person that checks a linked row''s external_ref against the host table, which the registry''s roles may not read (IC401, IC402)'),
  ('instruction_control.signatory_person_of_body(bigint,bigint)',
   'the signatory checks (R67, R75-1) ask whether the signing person is an active person of the body; row security shows a recording role only the persons it acts for, and the clerk who records a signature does not act for the Deputy Prime Minister who signed; it answers yes or no, nothing of the row');

CREATE TEMP VIEW ext_function AS
SELECT p.oid::regprocedure AS fn, p.prosecdef, p.proacl,
       (SELECT pg_catalog.substr(c, 13) FROM pg_catalog.unnest(p.proconfig) c
         WHERE c LIKE 'search_path=%') AS search_path
  FROM pg_catalog.pg_proc p
  JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid
                              AND d.deptype = 'e'
  JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'instruction_control';

-- the test itself sees the functions (a broken join would pass everything below)
SELECT count(*) > 100 AS sees_functions, count(*) FILTER (WHERE prosecdef) > 0 AS sees_definers
  FROM ext_function;

-- a SECURITY DEFINER function pins exactly this path (issue 16, item 0)
SELECT fn, search_path AS wrong_definer_path
  FROM ext_function
 WHERE prosecdef AND search_path IS DISTINCT FROM 'pg_catalog, instruction_control, pg_temp'
 ORDER BY 1::text;

-- a SECURITY DEFINER function is in the allowlist, with its reason
SELECT fn AS definer_not_in_allowlist FROM ext_function
 WHERE prosecdef AND fn NOT IN (SELECT fn FROM definer_allowlist)
 ORDER BY 1::text;
-- and the allowlist names only definer functions of the extension
SELECT fn AS allowlisted_but_not_definer FROM definer_allowlist
 WHERE fn NOT IN (SELECT fn FROM ext_function WHERE prosecdef)
 ORDER BY 1::text;

-- every pinned path, definer or not, ends in pg_temp (searched last)
SELECT fn, search_path AS pg_temp_not_last
  FROM ext_function
 WHERE search_path IS NOT NULL
   AND (pg_catalog.string_to_array(pg_catalog.replace(search_path, ' ', ''), ','))
       [pg_catalog.cardinality(pg_catalog.string_to_array(search_path, ','))] IS DISTINCT FROM 'pg_temp'
 ORDER BY 1::text;

-- PUBLIC may not execute a SECURITY DEFINER function (a NULL ACL grants it to PUBLIC)
SELECT fn AS definer_executable_by_public
  FROM ext_function
 WHERE prosecdef
   AND (proacl IS NULL
        OR EXISTS (SELECT 1 FROM pg_catalog.aclexplode(proacl) a
                    WHERE a.grantee = 0 AND a.privilege_type = 'EXECUTE'))
 ORDER BY 1::text;

-- which of the extension's roles can run each definer function
SELECT fn, pg_catalog.string_agg(r.rolname, ', ' ORDER BY r.rolname) AS executable_by
  FROM ext_function f
  CROSS JOIN pg_catalog.pg_roles r
 WHERE f.prosecdef AND r.rolname IN ('ic_reader', 'ic_executor', 'ic_controller', 'ic_admin', 'ic_integrator')
   AND pg_catalog.has_function_privilege(r.oid, f.fn, 'EXECUTE')
 GROUP BY fn
 ORDER BY 1::text;
