-- Deadline sweeps: the registry runs the control by itself.  A sweep of a day
-- writes reminders, overdue marks, escalations (R66-1.3), roadmap, report and
-- measures flags (R56, R57, R59, R66-1.1, R72.4, R51) to the outbox `event`;
-- integrators take them once; pg_cron runs the sweep every morning.
SET search_path = instruction_control, public;
SET client_min_messages = warning;

-- pg_cron's launcher connects a moment after its database exists (the demo has just created it)
DO $$
BEGIN
  FOR i IN 1..24 LOOP
    EXIT WHEN EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher');
    PERFORM pg_sleep(0.25);
  END LOOP;
END
$$;
\echo '-- Is pg_cron there to run the sweeps?  (detected by its running launcher)'
SELECT pg_cron_preloaded, pg_cron_installed, cron_database, ready, method FROM scheduling_status();

\echo '-- Sweep two past days: each is replayed from the journal as it stood that evening'
CALL sweep('2025-04-21');
CALL sweep('2025-06-20');
SELECT as_of, mode, scope, events, counts FROM sweep_run ORDER BY id;

\echo '-- The same day again adds nothing (idempotent)'
CALL sweep('2025-06-20');
SELECT as_of, events FROM sweep_run ORDER BY id DESC LIMIT 1;

\echo '-- What the sweeps raised on the instructions of the demo registry, with the rule that asks for it'
SELECT e.instruction_id AS instr, e.kind, e.period, e.addressee, e.rule_id, e.as_of
  FROM event e
 WHERE e.instruction_id IN (SELECT id FROM instruction WHERE act_id IS NOT NULL OR kind = 'personal' OR level = 'government')
 ORDER BY e.instruction_id, e.as_of, e.kind
 LIMIT 20;

\echo '-- Open events per addressee, labelled in Russian (the same view has kk and en)'
SELECT addressee_ru AS addressee, kind, events, earliest, latest
  FROM open_event_summary ORDER BY addressee, kind;

\echo '-- An escalation in Kazakh, for a messenger bot'
SELECT addressee_kk, kind_kk, instruction_id, period, rule_id
  FROM open_event WHERE kind = 'escalation' ORDER BY id LIMIT 3;

\echo '-- An integrator takes open events (FOR UPDATE SKIP LOCKED), delivers them, marks them delivered'
BEGIN;
SELECT id, kind, addressee FROM next_events(3) ORDER BY id;
SELECT mark_delivered(ARRAY(SELECT id FROM next_events(3))) AS delivered_now;
COMMIT;
SELECT count(*) FILTER (WHERE delivered_at IS NOT NULL) AS delivered, count(*) FILTER (WHERE delivered_at IS NULL) AS open
  FROM event;

\echo '-- Listening on the channel instruction_control_events: an empty wake-up per batch; act on next_events() only'
SELECT id, kind, level, due_date FROM put_on_control('event', 'central', current_date - 30, term => '10 wd',
                                                     content => 'An instruction overdue today');
LISTEN instruction_control_events;
CALL sweep();
UNLISTEN instruction_control_events;
SELECT as_of, mode, scope, events FROM sweep_run ORDER BY id DESC LIMIT 1;

\echo '-- Schedule the sweep every morning (01:00 GMT = 06:00 in Astana); cron.job_run_details is cleaned daily'
SELECT ready AS cron_ready, hint AS cron_hint FROM scheduling_status() \gset
\if :cron_ready
SELECT schedule_sweeps() AS job_id;
SELECT schedule, command, database, active FROM scheduled_sweeps();
SELECT unschedule_sweeps() AS removed;
\else
\echo 'pg_cron cannot schedule here now:' :cron_hint
\echo '(pg_cron''s launcher does not come back after DROP DATABASE ... WITH (FORCE) of its database until the server restarts)'
\endif
