-- The sweep as a catalogue of named rules (issue 21, item 2): an incremental
-- sweep, which re-reads only the key days the rules themselves name
-- (sweep_rule_days) and the instructions written since, raises exactly the
-- events a full sweep raises, for every event kind of the vocabulary (the kinds
-- are read from the catalogue, so a new kind is covered or this test fails).
-- The day before is a replay of lo (three working days ago) relabelled as
-- today's sweep of lo; the sweeps run as a role holding ic_admin only.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(10);
\ir include/helpers.psql

CREATE ROLE swr_admin IN ROLE ic_admin;
-- k working days from today, counted from the latest working day on or before
-- it: the suite holds on a day off too (the sweep runs every day; on a Saturday
-- a deadline is as late as on the Friday, and w(0) is the Friday)
CREATE FUNCTION pg_temp.w(k integer) RETURNS date LANGUAGE sql AS
  $$ SELECT instruction_control.add_working_days(instruction_control.roll_backward(current_date, 'KZ'), k, 'KZ') $$;
SELECT pg_temp.w(-3) AS lo \gset

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('SWR_1', 'Ministry one', 'central'), ('SWR_2', 'Ministry two', 'central');
SELECT id AS b1 FROM state_body WHERE code = 'SWR_1' \gset
SELECT id AS b2 FROM state_body WHERE code = 'SWR_2' \gset
-- A. due on a day between lo and today (the key days of sweep_rule_days and the date ranges)
-- R50.1 overdue since yesterday
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT put_on_control('act_point', 'pa', current_date - 60, due_date => pg_temp.w(-1), deadline_source => 'act', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'));
-- R66-1.3 five working days late today, two at lo; R74-1 below PA (grace 2 at the central level)
SELECT put_on_control('security_council', 'pa', current_date - 60, due_date => pg_temp.w(-5), deadline_source => 'act', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'));
UPDATE sweep_setting SET escalation_grace_days = 2 WHERE level = 'central';
SELECT put_on_control('act_point', 'central', current_date - 60, due_date => pg_temp.w(-2), deadline_source => 'act');
-- R50.1 a reminder five working days before, eight at lo; the central level's three days
SELECT put_on_control('act_point', 'pa', current_date - 60, due_date => pg_temp.w(5), deadline_source => 'act', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'));
UPDATE sweep_setting SET reminder_days = '{3}' WHERE level = 'central';
SELECT put_on_control('act_point', 'central', current_date - 60, due_date => pg_temp.w(3), deadline_source => 'act');
-- R51 two weeks from signing ended yesterday
SELECT put_on_control('personal', 'pa', pg_temp.w(-1) - 13, signed_on => pg_temp.w(-1) - 14, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'));
-- R51, R74: the same, extended by the President within its two weeks: not flagged past them
SELECT extend_deadline((put_on_control('personal', 'pa', pg_temp.w(-1) - 13, signed_on => pg_temp.w(-1) - 14, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id,
                       pg_temp.w(30), 'president', 'resolution', decided_on => pg_temp.w(-1) - 10, evidence => '{pa_expert_conclusion}');
-- R56 roadmap due yesterday; R56 roadmap due 6 working days ago, escalated after the grace (5 at PA level)
SELECT put_on_control('act_point', 'pa', pg_temp.w(-11), term => '8 months', responsible_body_id => :b1,
                      co_executor_ids => ARRAY[:b2], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат');
SELECT put_on_control('act_point', 'pa', pg_temp.w(-16), term => '8 months', responsible_body_id => :b1,
                      co_executor_ids => ARRAY[:b2], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат');
-- R57 a roadmap submitted to the PA 7 working days ago: the PA's 5 days ended 2 working days ago, after lo
SELECT (put_on_control('act_point', 'pa', pg_temp.w(-30), term => '8 months', responsible_body_id => :b1,
                       co_executor_ids => ARRAY[:b2], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS rma \gset
SELECT register_roadmap(:rma, 'executor_only', 'first_head', approved_on => pg_temp.w(-25), submitted_to_pa_on => pg_temp.w(-7));
-- R57 at the edge of the incremental scope (issue 19: a range of roadmap_submitted_idx from the 5th
-- working day before lo): submitted 8 working days ago, the PA's 5 days ended at lo itself, so it is
-- late from the day after (raised today); submitted 9 working days ago, they ended before lo (lo's sweep raised it)
SELECT (put_on_control('act_point', 'pa', pg_temp.w(-30), term => '8 months', responsible_body_id => :b1,
                       co_executor_ids => ARRAY[:b2], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS rmb \gset
SELECT register_roadmap(:rmb, 'executor_only', 'first_head', approved_on => pg_temp.w(-25), submitted_to_pa_on => pg_temp.w(-8));
SELECT (put_on_control('act_point', 'pa', pg_temp.w(-30), term => '8 months', responsible_body_id => :b1,
                       co_executor_ids => ARRAY[:b2], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS rmc \gset
SELECT register_roadmap(:rmc, 'executor_only', 'first_head', approved_on => pg_temp.w(-25), submitted_to_pa_on => pg_temp.w(-9));
-- R57 the PA's 5 working days ended yesterday, after lo, for a roadmap submitted on receipt: its
-- own day (R56, 10 working days from receipt) is still to come
SELECT (put_on_control('act_point', 'pa', pg_temp.w(-6), term => '8 months', responsible_body_id => :b1,
                       co_executor_ids => ARRAY[:b2], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS rmf \gset
SELECT register_roadmap(:rmf, 'executor_only', 'first_head', approved_on => pg_temp.w(-6), submitted_to_pa_on => pg_temp.w(-6));
-- R72.4 information on measures due yesterday (a repeated extension a month before)
SELECT (put_on_control('act_point', 'pa', (pg_temp.w(-1) - interval '1 month')::date - 5, term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS ms \gset
SELECT extend_deadline(:ms, pg_temp.w(25), 'head_of_pa', 'c1', decided_on => (pg_temp.w(-1) - interval '1 month')::date - 1, evidence => '{pa_expert_conclusion}');
SELECT extend_deadline(:ms, pg_temp.w(40), 'head_of_pa', 'c2', 'disciplinary review',
                       decided_on => (pg_temp.w(-1) - interval '1 month')::date, evidence => '{pa_expert_conclusion}');
-- R66-1.1 the PA's own reporting date two working days ago, not a period end (found by sweep_scope)
SELECT (put_on_control('act_point', 'pa', current_date - 120, term => '8 months', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS rx \gset
UPDATE instruction SET reporting_period = 'explicit', report_dates = ARRAY[pg_temp.w(-2), pg_temp.w(30)] WHERE id = :rx;
-- overdue at lo, extended after lo's sweep (below)
SELECT (put_on_control('act_point', 'pa', current_date - 60, due_date => pg_temp.w(-6), deadline_source => 'act', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS ext \gset
-- R33 drafts (issue 20, item 1): reminded today, overdue since yesterday, escalated today (6 late,
-- grace 5 at level pa); one overdue at lo and agreed since (cleared); R21 a refinement due yesterday
SELECT receive_draft('instruction_draft', :b1, 'first_head', pg_temp.w(-2));
SELECT receive_draft('instruction_draft', :b1, 'first_head', pg_temp.w(-4));
SELECT receive_draft('instruction_draft', :b2, 'first_head', pg_temp.w(-9));
SELECT (receive_draft('instruction_draft', :b2, 'first_head', pg_temp.w(-8))).id AS dcl \gset
SELECT (receive_draft('act', :b1, 'first_head', pg_temp.w(-12))).id AS dref \gset
SELECT refine_draft(:dref, 'objections', pg_temp.w(-6));
\o

-- lo's sweep: a replay of lo, relabelled as that day's sweep of the live rows;
-- the notes of what was written before it were taken by it
SET ROLE swr_admin;
CALL sweep(:'lo');
RESET ROLE;
UPDATE sweep_run SET mode = 'current' WHERE id = (SELECT max(id) FROM sweep_run);
DELETE FROM sweep_change;

\o /dev/null
-- B. written since lo's sweep (the change queue): a report missing (R66-1.1), a
-- risk report (R66-3.5), an extension clearing an overdue mark (R69.1)
SELECT put_on_control('act_point', 'pa', current_date - 120, term => '8 months', reporting_period => 'monthly', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'));
SELECT (put_on_control('security_council', 'pa', current_date - 20, term => '60 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS rk \gset
SELECT submit_report(:rk, 'risk', 'the contractor failed', submitted_on => current_date);
SELECT extend_deadline(:ext, pg_temp.w(20), 'head_of_pa', 'expert conclusion', evidence => '{pa_expert_conclusion}');
SELECT agree_draft(:dcl, current_date, true, true, true, true, true, true, true);
\o

SAVEPOINT before_today;
SET ROLE swr_admin;
CALL sweep();
RESET ROLE;
SELECT (scope, since)::text AS inc_scope,
       (SELECT coalesce(string_agg(coalesce(e.instruction_id::text, 'draft ' || e.draft_id) || '/' || e.kind || '/' || e.period || '/' || e.addressee || '/'
                                   || e.rule_id || '/' || e.detail::text, ' ' ORDER BY e.instruction_id, e.draft_id, e.kind, e.period), '')
          FROM event e WHERE e.sweep_run_id = r.id) AS inc_events,
       (SELECT coalesce(string_agg(DISTINCT e.kind, ','), '') FROM event e WHERE e.sweep_run_id = r.id) AS inc_kinds
  FROM sweep_run r ORDER BY id DESC LIMIT 1 \gset
ROLLBACK TO SAVEPOINT before_today;
-- the outbox and the marks as lo's sweep left them, for the rules' set-wise
-- reading below (test/bench/sweep_first_bare.sql reads and writes these copies)
CREATE TABLE public.bench_floor_event (LIKE instruction_control.event INCLUDING DEFAULTS INCLUDING INDEXES);
CREATE TABLE public.bench_floor_overdue_mark (LIKE instruction_control.overdue_mark INCLUDING DEFAULTS INCLUDING INDEXES);
INSERT INTO public.bench_floor_event SELECT * FROM instruction_control.event;
INSERT INTO public.bench_floor_overdue_mark SELECT * FROM instruction_control.overdue_mark;
SET ROLE swr_admin;
CALL sweep(full_scope => true);
RESET ROLE;

SELECT is(:'inc_scope', format('(incremental,%s)', :'lo'),
  'the sweep of today continues the sweep of lo incrementally');
SELECT is((SELECT scope FROM sweep_run ORDER BY id DESC LIMIT 1), 'full', 'the second run of today reads every condition');
SELECT is(:'inc_kinds',
  -- deadline_moved is apply_calendar_change()'s (R50.3), not the sweep's
  (SELECT string_agg(v.code, ',' ORDER BY v.code) FROM vocabulary v WHERE v.domain = 'event_kind' AND v.code <> 'deadline_moved'),
  'R50.1, R51, R56, R57, R59, R66-1.1, R66-1.3, R66-3.5, R69.1, R72.4, and for drafts R20, R21, R33: the incremental sweep raises every event kind of the vocabulary');
SELECT is(:'inc_events',
  (SELECT coalesce(string_agg(coalesce(e.instruction_id::text, 'draft ' || e.draft_id) || '/' || e.kind || '/' || e.period || '/' || e.addressee || '/'
                              || e.rule_id || '/' || e.detail::text, ' ' ORDER BY e.instruction_id, e.draft_id, e.kind, e.period), '')
     FROM event e WHERE e.sweep_run_id = (SELECT max(id) FROM sweep_run)),
  'full versus incremental (R66-1.1 the PA''s own reporting dates too; the drafts'' R20, R21, R33): the incremental sweep raises exactly the events of a full sweep of the same day');
-- (each event a word: ' ' before the first too, so that an id is not matched by its last digits)
SELECT ok(' ' || :'inc_events' LIKE format('%% %s/roadmap_agreement_late/%s/%%', :rmb, pg_temp.w(-3))
          AND ' ' || :'inc_events' NOT LIKE format('%% %s/roadmap_agreement_late/%%', :rmc),
  'R57: the incremental sweep raises the PA''s late agreement whose 5 working days ended at lo (the edge of its range), and not again the one lo raised');
SELECT ok(' ' || :'inc_events' LIKE format('%% %s/roadmap_agreement_late/%s/head_of_pa/R57/%%', :rmf, pg_temp.w(-1)),
  'R57: the PA''s late agreement is raised when its 5 working days end, before the roadmap''s own day (R56) comes');
SELECT is((SELECT (d.days @> ARRAY[pg_temp.w(-5), pg_temp.w(5)])
             FROM sweep_rule_days(:'lo', current_date, 'KZ') d WHERE d.key = 'due_date'), true,
  'R50.1, R66-1.3: the key days come from the rules: a deadline reminded today and one escalated today');

-- The rules read another way: make bench-sweep's first sweep done bare, one
-- plain statement over the same tables (each kind's conditions written out,
-- the facts joined set-wise), from the outbox and marks lo's sweep left,
-- raises exactly the events today's full sweep raised and marks exactly what
-- it marked (the drafts' events aside: the bare statement reads no draft).
-- Two readings of every instruction rule kept in step: a rule changed in its
-- sweep_rule_<kind>() and not there fails here (and the bench with it).
\o /dev/null
\ir ../bench/sweep_first_bare.sql
\o
SELECT is((WITH ours AS (SELECT e.instruction_id, e.kind::text, e.period, e.addressee::text, e.rule_id, e.due_date, e.detail
                           FROM instruction_control.event e
                          WHERE e.sweep_run_id = (SELECT max(id) FROM sweep_run) AND e.draft_id IS NULL),
                bare AS (SELECT e.instruction_id, e.kind::text, e.period, e.addressee::text, e.rule_id, e.due_date, e.detail
                           FROM public.bench_floor_event e WHERE e.as_of = current_date AND e.sweep_run_id IS NULL
                            AND e.id > (SELECT coalesce(max(x.id), 0) FROM instruction_control.event x
                                         WHERE x.sweep_run_id < (SELECT max(id) FROM sweep_run))),
                marks_ours AS (SELECT m.instruction_id, m.due_date FROM instruction_control.overdue_mark m
                                WHERE m.sweep_run_id = (SELECT max(id) FROM sweep_run)),
                marks_bare AS (SELECT m.instruction_id, m.due_date FROM public.bench_floor_overdue_mark m
                                WHERE m.marked_on = current_date AND m.sweep_run_id IS NULL)
           SELECT array_agg(d ORDER BY d)
             FROM (SELECT 'sweep only: ' || o::text AS d FROM (TABLE ours EXCEPT ALL TABLE bare) o
                   UNION ALL SELECT 'bare only: ' || b::text FROM (TABLE bare EXCEPT ALL TABLE ours) b
                   UNION ALL SELECT 'mark, sweep only: ' || o::text FROM (TABLE marks_ours EXCEPT ALL TABLE marks_bare) o
                   UNION ALL SELECT 'mark, bare only: ' || b::text FROM (TABLE marks_bare EXCEPT ALL TABLE marks_ours) b) x),
          NULL,
  'R50.1, R51, R56, R57, R59, R66-1.1, R66-1.3, R66-3.5, R69.1, R72.4, R74-1: the full sweep raises and marks exactly what the rules written as one plain set-wise statement (test/bench/sweep_first_bare.sql) raise and mark');

-- The rules are inlinable (LANGUAGE sql, STABLE or IMMUTABLE, no SET, not SECURITY DEFINER): read
-- from the catalogue, so a new rule function is covered.
SELECT is((SELECT coalesce(string_agg(p.proname, ', ' ORDER BY p.proname), '')
             FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
            WHERE p.pronamespace = 'instruction_control'::regnamespace
              AND (p.proname LIKE 'sweep\_rule\_%' OR p.proname IN ('sweep_route', 'sweep_settings', 'sweep_scope',
                                                                    'sweep_deadline_set_by'))
              AND NOT (l.lanname = 'sql' AND p.provolatile IN ('s', 'i') AND p.proconfig IS NULL
                       AND NOT p.prosecdef AND NOT p.proisstrict AND p.proretset)),
  '', 'the sweep''s rule functions are inlinable set-returning SQL functions (no SET, not SECURITY DEFINER)');
SELECT is((SELECT count(*)::int FROM pg_temp.plan_of($$
    SELECT * FROM instruction_control.sweep_state_current s
      JOIN instruction_control.sweep_settings() g ON g.level = s.level
     CROSS JOIN LATERAL instruction_control.sweep_rule_reminder(s.due_date, s.on_control, s.calendar, g.reminder_days, current_date) e
     CROSS JOIN LATERAL instruction_control.sweep_rule_escalation(s.id, s.kind, s.level, s.due_date, s.on_control, s.calendar, g.grace, current_date) x$$) l
            WHERE l ~ 'Function Scan on (sweep_rule|sweep_route|sweep_settings)'), 0,
  'R50.1, R66-1.3: the planner inlines the rules into the sweep''s statement (no function scan of a rule)');

SELECT * FROM finish();
ROLLBACK;
