-- Sweeps: every flag and escalation on a fixed day, allowed and quiet cases, each citing its rule
-- (R50.1, R51, R56, R59, R66-1.1, R66-1.3, R66-3.5, R72.4, R74-1, R75).  The decisions are all
-- journaled first; each sweep of a past day reads the registry as it stood then (instruction_as_of).
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(69);

-- The events of one instruction, as text: kind/period/addressee/rule.
CREATE FUNCTION pg_temp.ev(iid bigint) RETURNS text[] LANGUAGE sql AS $$
  SELECT coalesce(array_agg(e.kind || '/' || e.period || '/' || e.addressee || '/' || e.rule_id
                            ORDER BY e.kind, e.period), '{}')
    FROM instruction_control.event e WHERE e.instruction_id = iid $$;
-- pg_temp.err(sql): the error a statement raises, with its DETAIL and HINT
\ir include/helpers.psql

\o /dev/null
INSERT INTO state_body (code, name, body_type, inside_government) VALUES
  ('SW_MIN1', 'Ministry one', 'central', true), ('SW_MIN2', 'Ministry two', 'central', true);
SELECT id AS b1 FROM state_body WHERE code = 'SW_MIN1' \gset
SELECT id AS b2 FROM state_body WHERE code = 'SW_MIN2' \gset

-- The registry: deadlines on Mon 15 Sep 2025 (10 working days from Mon 1 Sep, R50.3).
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', responsible_body_id => :b1, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS a \gset
SELECT (put_on_control('security_council', 'pa', '2025-09-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS sc \gset
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS sco \gset
INSERT INTO instruction_escalation (instruction_id, addressee, basis) VALUES (:sco, 'state_counsellor', 'resolution No. 1');
SELECT (put_on_control('event', 'government', '2025-09-01', term => '10 wd')).id AS g \gset
SELECT (put_on_control('act_point', 'central', '2025-09-01', term => '10 wd')).id AS c \gset
UPDATE sweep_setting SET reminder_days = '{3}' WHERE level = 'central';
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS rm \gset
SELECT remove_from_control(:rm, 'executed', 'head_of_pa', '{official_report}', 'report', decided_on => '2025-09-17');
SELECT extend_deadline(:a, '2025-10-15', 'head_of_pa', 'expert conclusion 1', decided_on => '2025-09-24', evidence => '{pa_expert_conclusion}');
-- overdue from 15 Sep, then a new deadline in a quarantine (R70.4: no extension)
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS nd \gset
SELECT set_new_deadline(:nd, '2025-10-15', 'head_of_pa', 'expert conclusion 2', 'quarantine', decided_on => '2025-09-24', evidence => '{pa_expert_conclusion}');
SELECT (put_on_control('personal', 'pa', '2025-09-02', signed_on => '2025-09-01', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS p \gset
-- the same, extended by the President within its two weeks (R74): its deadline is no longer R51's
SELECT (put_on_control('personal', 'pa', '2025-09-02', signed_on => '2025-09-01', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS p2 \gset
SELECT extend_deadline(:p2, '2025-10-31', 'president', 'resolution', decided_on => '2025-09-10', evidence => '{pa_expert_conclusion}');
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '8 months', responsible_body_id => :b1,
                       co_executor_ids => ARRAY[:b2], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS r56 \gset
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '8 months', responsible_body_id => :b1,
                       co_executor_ids => ARRAY[:b2], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS rok \gset
SELECT register_roadmap(:rok, 'central_interdepartmental', 'deputy_prime_minister', approved_on => '2025-09-10');
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS r59 \gset
SELECT transfer_control(:r59, 'long_term', '2027-12-31', 'head_of_pa', 'c', 'effect on strategic indicators',
                        decided_on => '2025-09-03', evidence => '{pa_expert_conclusion}');
SELECT (put_on_control('act_point', 'pa', '2025-07-01', term => '8 months', reporting_period => 'monthly', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS rp \gset
SELECT (put_on_control('act_point', 'pa', '2025-07-01', term => '8 months', reporting_period => 'monthly', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS rq \gset
SELECT submit_report(:rq, 'intermediate', 'August', period_end => '2025-08-31', submitted_on => '2025-08-29');
SELECT (put_on_control('act_point', 'pa', '2025-07-01', term => '8 months', reporting_period => 'monthly',
                       category => 'digitalisation', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS rcat \gset
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS ms \gset
SELECT extend_deadline(:ms, '2025-10-01', 'head_of_pa', 'c1', decided_on => '2025-09-02', evidence => '{pa_expert_conclusion}');
SELECT extend_deadline(:ms, '2025-11-03', 'head_of_pa', 'c2', 'disciplinary review', decided_on => '2025-09-03', evidence => '{pa_expert_conclusion}');
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS mq \gset
SELECT extend_deadline(:mq, '2025-10-01', 'head_of_pa', 'c1', decided_on => '2025-09-02', evidence => '{pa_expert_conclusion}');
SELECT extend_deadline(:mq, '2025-11-03', 'head_of_pa', 'c2', 'disciplinary review', decided_on => '2025-09-03', evidence => '{pa_expert_conclusion}');
SELECT submit_report(:mq, 'measures', 'reprimands', submitted_on => '2025-09-20');
SELECT (put_on_control('security_council', 'pa', '2025-09-01', term => '30 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS rk \gset
SELECT submit_report(:rk, 'risk', 'the contractor failed', submitted_on => '2025-09-10');
\o

-- Reminders (R50.1, R50.3): N working days before, N per level as data.
CALL sweep('2025-09-05');
SELECT is(pg_temp.ev(:a), '{}', 'R50.3: six working days before the deadline there is no reminder (quiet)');
CALL sweep('2025-09-08');
SELECT is(pg_temp.ev(:a), '{reminder/2025-09-08/executor/R50.1}',
  'R50.1: a reminder five working days before the deadline goes to the executor');
SELECT is(pg_temp.ev(:c), '{}', 'R50.1: the central level reminds 3 working days before (sweep_setting), not 5 (quiet)');
SELECT is((SELECT detail ->> 'working_days_left' FROM event WHERE instruction_id = :a AND kind = 'reminder'), '5',
  'R50.3: the reminder says how many working days are left');
CALL sweep('2025-09-08');
SELECT is((SELECT events FROM sweep_run ORDER BY id DESC LIMIT 1), 0, 'idempotent: a second sweep of the same day adds nothing');
SELECT is((SELECT count(*)::int FROM event WHERE instruction_id = :a), 1, 'idempotent: the reminder is not doubled');
CALL sweep('2025-09-10');
SELECT is(pg_temp.ev(:c), '{reminder/2025-09-10/executor/R50.1}', 'R50.1: the central level''s reminder 3 working days before');
CALL sweep('2025-09-12');
SELECT is(pg_temp.ev(:a), '{reminder/2025-09-08/executor/R50.1,reminder/2025-09-12/executor/R50.1}',
  'R50.1: a second reminder one working day before the deadline');
CALL sweep('2025-09-15');
SELECT is((SELECT count(*)::int FROM event WHERE instruction_id = :a AND kind = 'overdue'), 0,
  'R50.1: on the deadline day itself nothing is overdue (quiet)');
SELECT is(pg_temp.ev(:p), '{reminder/2025-09-08/executor/R50.1,reminder/2025-09-12/executor/R50.1}',
  'R51: within its two weeks a personal instruction only gets its reminder (quiet)');

-- Overdue (R50.1), marks, escalation after the grace period (R66-1.3; R74-1 below PA).
CALL sweep('2025-09-16');
SELECT is((SELECT due_date FROM overdue_mark WHERE instruction_id = :a), '2025-09-15'::date,
  'R50.1: the day after the deadline the instruction is marked overdue');
SELECT ok('overdue/2025-09-15/controller/R50.1' = ANY (pg_temp.ev(:a)), 'R50.1: an overdue event goes to the controller');
SELECT is((SELECT count(*)::int FROM event WHERE instruction_id = :a AND kind = 'escalation'), 0,
  'R66-1.3: one working day late is within the grace period: no escalation yet (quiet)');
SELECT ok('personal_overdue/2025-09-15/head_of_pa/R51' = ANY (pg_temp.ev(:p)),
  'R51: a personal instruction past its two weeks is flagged to the Head of the PA');
SELECT is((SELECT count(*)::int FROM event WHERE instruction_id = :p2 AND kind = 'personal_overdue'), 0,
  'R51, R74: a personal instruction the President extended within its two weeks is not flagged past them (quiet)');
SELECT ok('roadmap_missing/2025-09-15/controller/R56' = ANY (pg_temp.ev(:r56)),
  'R56: no roadmap registered within 10 working days of receipt is flagged');
SELECT is((SELECT count(*)::int FROM event WHERE instruction_id = :rok AND kind LIKE 'roadmap%'), 0,
  'R56: a roadmap registered in time raises nothing (quiet)');
SELECT ok('report_missing/2025-08-31/controller/R66-1.1' = ANY (pg_temp.ev(:rp)),
  'R66-1.1: a monthly intermediate report not submitted for August is flagged');
SELECT is(pg_temp.ev(:rq), '{}', 'R66-1.1: the August report submitted by its day raises nothing (quiet)');
SELECT is(pg_temp.ev(:rcat), '{}', 'R66-3: a digitalisation instruction is monitored without periodic reports (quiet)');
SELECT ok('risk_escalation/2025-09-10/secretary_sc/R66-3.5' = ANY (pg_temp.ev(:rk)),
  'R66-3.5/R66-1.3: a risk report on a Security Council instruction is escalated to the Secretary of the SC');
SELECT is((SELECT count(*)::int FROM event WHERE kind = 'risk_escalation' AND instruction_id <> :rk), 0,
  'R66-3.5: without a risk report nothing is escalated as a risk (quiet)');

CALL sweep('2025-09-18');
SELECT ok('overdue_cleared/2025-09-15/controller/R75' = ANY (pg_temp.ev(:rm)),
  'R75: removal from control clears the overdue mark (overdue_cleared)');
SELECT is((SELECT count(*)::int FROM overdue_mark WHERE instruction_id = :rm), 0, 'R75: the mark of a removed instruction is gone');
SELECT ok('roadmap_missing/2025-09-17/controller/R59' = ANY (pg_temp.ev(:r59)),
  'R59: no roadmap 10 working days after a transfer to long-term control is flagged');

CALL sweep('2025-09-22');
SELECT ok('escalation/2025-09-15/head_of_pa/R66-1.3' = ANY (pg_temp.ev(:a)),
  'R66-1.3: five working days late, the instruction is escalated to the Head of the PA');
SELECT ok('escalation/2025-09-15/secretary_sc/R66-1.3' = ANY (pg_temp.ev(:sc)),
  'R66-1.3: a Security Council instruction is escalated to the Secretary of the SC');
SELECT ok('escalation/2025-09-15/state_counsellor/R66-1.3' = ANY (pg_temp.ev(:sco)),
  'R66-1.3: an instruction given to the State Counsellor is escalated to him (instruction_escalation)');
SELECT ok('escalation/2025-09-15/prime_minister/R74-1' = ANY (pg_temp.ev(:g)),
  'R74-1: at Government level the escalation goes to the Prime Minister, by analogy');
SELECT is((SELECT count(*)::int FROM event WHERE instruction_id = :rm AND kind = 'escalation'), 0,
  'R75: a removed instruction is not escalated (quiet)');

CALL sweep('2025-09-25');
SELECT ok('overdue_cleared/2025-09-15/controller/R69.1' = ANY (pg_temp.ev(:a)),
  'R69.1: an extension clears the overdue mark');
SELECT is((SELECT detail ->> 'new_due_date' FROM event WHERE instruction_id = :a AND kind = 'overdue_cleared'), '2025-10-15',
  'R69.1: the cleared event gives the new deadline');
SELECT is((SELECT count(*)::int FROM overdue_mark WHERE instruction_id = :a), 0, 'R69.1: the mark is gone');
SELECT ok('overdue_cleared/2025-09-15/controller/R70.4' = ANY (pg_temp.ev(:nd)),
  'R70.4: a new deadline set in a quarantine clears the overdue mark, cited by R70.4, not as an extension (R69.1)');
SELECT ok('roadmap_not_approved/2025-09-15/head_of_pa/R56' = ANY (pg_temp.ev(:r56)),
  'R56: no roadmap after the escalation grace period past its due date is escalated (R57''s 5 days are the PA''s, 70_r57_roadmap)');

CALL sweep('2025-10-06');
SELECT ok('measures_missing/2025-10-03/controller/R72.4' = ANY (pg_temp.ev(:ms)),
  'R72.4: no information on measures within a month of the repeated extension is flagged');
SELECT is((SELECT count(*)::int FROM event WHERE instruction_id = :mq AND kind = 'measures_missing'), 0,
  'R72.4: information on measures submitted within the month raises nothing (quiet)');
SELECT is((SELECT counts ->> 'measures_missing' FROM sweep_run ORDER BY id DESC LIMIT 1), '1',
  'sweep_run counts the events of each kind');
SELECT is((SELECT (mode, marks, one_transaction)::text FROM sweep_run ORDER BY id DESC LIMIT 1), '(replay,t,t)',
  'a past day is replayed from the journal; inside a transaction block the run is one transaction');

-- Reproducible: the events of a past day come back the same when it is swept again.
CREATE TEMP TABLE day22 AS
  SELECT instruction_id, kind::text, period, addressee::text, rule_id FROM event WHERE as_of = '2025-09-22';
DELETE FROM event WHERE as_of = '2025-09-22';
CALL sweep('2025-09-22');
SELECT results_eq(
  $$SELECT instruction_id, kind::text, period, addressee::text, rule_id FROM event WHERE as_of = '2025-09-22' ORDER BY 1, 2, 3$$,
  $$SELECT * FROM day22 ORDER BY 1, 2, 3$$,
  'reproducible: a replay of 22 Sep yields the events that day raised');
SELECT is((SELECT marks FROM sweep_run ORDER BY id DESC LIMIT 1), false,
  'a replay of an earlier day leaves the overdue marks of the latest day');
SELECT throws_ok($$CALL sweep(current_date + 1)$$, 'IC203', 'cannot sweep a day that has not begun (R50.1)',
  'IC203: a day that has not begun is not swept');

-- Today: the live rows.
SELECT (put_on_control('act_point', 'pa', current_date - 60, term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS live \gset
CALL sweep();
SELECT is((SELECT mode FROM sweep_run ORDER BY id DESC LIMIT 1), 'current', 'today is swept from the live rows');
SELECT ok(EXISTS (SELECT 1 FROM event WHERE instruction_id = :live AND kind = 'overdue' AND as_of = current_date),
  'R50.1: today''s sweep marks an instruction overdue since its deadline');
-- The next sweep of today continues this one: it reads only what can have changed since.
SELECT (put_on_control('act_point', 'pa', current_date - 50, term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS live2 \gset
CALL sweep();
SELECT is((SELECT scope FROM sweep_run ORDER BY id DESC LIMIT 1), 'incremental',
  'a sweep after today''s sweep is incremental');
SELECT ok(EXISTS (SELECT 1 FROM event WHERE instruction_id = :live2 AND kind = 'overdue' AND as_of = current_date),
  'R50.1: an incremental sweep sees an instruction put on control since the last sweep');
-- an instruction already marked overdue that an incremental sweep re-reads (a
-- note of sweep_change: a decision or a risk report written since) raises
-- nothing: its mark, looked up by its key (issue 19), stands
SELECT sweep_run_id AS live2_mark_run FROM overdue_mark WHERE instruction_id = :live2 \gset
INSERT INTO sweep_change (instruction_id) VALUES (:live2);
CALL sweep();
SELECT is((SELECT (scope, candidates, events)::text FROM sweep_run ORDER BY id DESC LIMIT 1), '(incremental,0,0)',
  'R50.1: an incremental sweep re-reading an instruction marked overdue finds nothing new (its mark, found by its key, stands)');
SELECT is((SELECT sweep_run_id FROM overdue_mark WHERE instruction_id = :live2), :live2_mark_run::bigint,
  'R50.1: the mark an incremental sweep re-reads keeps the run that made it');
\o /dev/null
SELECT extend_deadline(:live, roll_forward(current_date + 30), 'head_of_pa', 'expert conclusion today', evidence => '{pa_expert_conclusion}');
\o
CALL sweep();
SELECT ok(EXISTS (SELECT 1 FROM event WHERE instruction_id = :live AND kind = 'overdue_cleared' AND rule_id = 'R69.1'),
  'R69.1: an incremental sweep clears the mark of an instruction extended since the last sweep');
CALL sweep(full_scope => true);
SELECT is((SELECT (scope, candidates, events)::text FROM sweep_run ORDER BY id DESC LIMIT 1), '(full,0,0)',
  'full_scope re-reads every condition and finds nothing the incremental sweeps missed (R50.1: no instruction marked overdue again)');
-- notes naming a quarter of the registry, and 50,000 instructions, make the
-- sweep a full one: cheaper than a probe per note (issue 19; after a restore)
INSERT INTO sweep_change (instruction_id) SELECT -g FROM generate_series(1, 49999) g;
CALL sweep();
SELECT is((SELECT (scope, (SELECT count(*) FROM sweep_change))::text FROM sweep_run ORDER BY id DESC LIMIT 1),
  '(incremental,0)', 'R50.1: a sweep after 49,999 change notes is incremental and takes them all');
INSERT INTO sweep_change (instruction_id) SELECT -g FROM generate_series(1, 50000) g;
CALL sweep();
SELECT is((SELECT (scope, (SELECT count(*) FROM sweep_change))::text FROM sweep_run ORDER BY id DESC LIMIT 1),
  '(full,0)', 'R50.1: a sweep after 50,000 change notes (a restore, a bulk load) reads everything, and takes them all');

-- The outbox: open events per addressee with labels, taken and delivered once.
SELECT is((SELECT addressee_ru FROM open_event WHERE instruction_id = :sc AND kind = 'escalation'),
  'Секретарь Совета Безопасности', 'open_event labels the addressee (ru)');
SELECT is((SELECT kind_kk FROM open_event WHERE instruction_id = :a AND kind = 'reminder' LIMIT 1),
  'Мерзімнің жақындағаны туралы еске салу', 'open_event labels the kind (kk)');
SELECT is((SELECT body_name FROM open_event WHERE instruction_id = :a AND kind = 'reminder' LIMIT 1),
  'Ministry one', 'a reminder names the responsible executor');
SELECT is((SELECT events FROM open_event_summary WHERE addressee = 'secretary_sc' AND kind = 'escalation'), 2::bigint,
  'open_event_summary counts open events per addressee and kind');
SELECT is(mark_delivered(ARRAY(SELECT id FROM next_events(10, 'secretary_sc'))), 3,
  'next_events takes the open events of one addressee; mark_delivered marks them');
SELECT is(mark_delivered(ARRAY(SELECT id FROM event WHERE addressee = 'secretary_sc')), 0,
  'an event is delivered once');

-- Privileges: ic_admin sweeps; ic_integrator reads and delivers; a plain role does neither.
CREATE ROLE sw_plain;
CREATE ROLE sw_integrator IN ROLE ic_integrator;
CREATE ROLE sw_admin IN ROLE ic_admin;
SET ROLE sw_plain;
SELECT throws_ok($$CALL instruction_control.sweep('2025-10-06')$$, '42501', NULL, 'a plain role may not sweep');
SELECT throws_ok($$SELECT * FROM instruction_control.event$$, '42501', NULL, 'a plain role may not read the outbox');
SELECT throws_ok($$SELECT instruction_control.schedule_sweeps()$$, '42501', NULL, 'a plain role may not schedule');
RESET ROLE;
SET ROLE sw_integrator;
SELECT ok((SELECT count(*) FROM instruction_control.open_event) > 0, 'ic_integrator reads the open events');
SELECT ok(instruction_control.mark_delivered(ARRAY(SELECT id FROM instruction_control.next_events(1))) = 1,
  'ic_integrator takes and delivers an event');
SELECT throws_ok($$UPDATE instruction_control.event SET kind = 'overdue'$$, '42501', NULL,
  'ic_integrator may change only the delivered mark');
SELECT throws_ok($$CALL instruction_control.sweep('2025-10-06')$$, '42501', NULL, 'ic_integrator may not sweep');
RESET ROLE;
SET ROLE sw_admin;
SELECT lives_ok($$CALL instruction_control.sweep('2025-10-07')$$, 'ic_admin sweeps (the steps run as the extension''s owner)');
RESET ROLE;

-- A hostile search_path changes nothing.
CREATE SCHEMA sw_evil;
CREATE FUNCTION sw_evil.in_transaction_block() RETURNS boolean LANGUAGE sql AS 'SELECT false';
CREATE TABLE sw_evil.event (id int);
SET search_path = sw_evil, public;
SELECT lives_ok($$CALL instruction_control.sweep('2025-10-08')$$,
  'a planted in_transaction_block() and event table on the path do not reach the sweep');
SET search_path = instruction_control, public;

-- Scheduling from a database that is not cron.database_name, without dblink: the exact statement.
DO $$
BEGIN
  FOR i IN 1..40 LOOP   -- pg_cron's launcher starts a moment after the cluster
    EXIT WHEN current_setting('shared_preload_libraries') NOT LIKE '%pg_cron%';
    EXIT WHEN EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher');
    PERFORM pg_sleep(0.25);
  END LOOP;
END
$$;
-- (on a cluster without pg_cron -- make installcheck-tap anywhere -- the answer is IC201 and its lines)
SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher')
  THEN is((pg_temp.err('SELECT instruction_control.schedule_sweeps()')).state, 'IC202',
          'IC202: scheduling from another database than cron.database_name needs dblink')
  ELSE is((pg_temp.err('SELECT instruction_control.schedule_sweeps()')).state, 'IC201',
          'IC201: without pg_cron running, scheduling is refused')
  END;
SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher')
  THEN matches((pg_temp.err('SELECT instruction_control.schedule_sweeps()')).hint,
               'cron\.schedule_in_database\(.*CALL instruction_control\.sweep\(\)',
               'IC202: the HINT gives the exact cron.schedule_in_database() statement to run there')
  ELSE matches((pg_temp.err('SELECT instruction_control.schedule_sweeps()')).hint,
               'shared_preload_libraries = ''pg_cron''.*CREATE EXTENSION pg_cron',
               'IC201: the HINT names the postgresql.conf lines and CREATE EXTENSION pg_cron')
  END;

SELECT * FROM finish();
ROLLBACK;
