--
-- Progress of a sweep (issue 17, item 5): sweep_run.processed counts what each
-- committed batch took, the view sweep_progress shows a running sweep to
-- ic_admin and ic_integrator (percent, elapsed, estimated remaining), and
-- with instruction_control.sweep_progress = on sweep() says it as a NOTICE
-- per batch.  A sweep covers the whole registry, so this test has a database
-- of its own (the others leave their rows in contrib_regression).
--
SET client_min_messages = warning;
DROP DATABASE IF EXISTS ic_regress_sweep_progress;
CREATE DATABASE ic_regress_sweep_progress;
-- as pg_regress sets its own database: messages in English on any cluster
ALTER DATABASE ic_regress_sweep_progress SET lc_messages TO 'C';
SELECT current_database() AS regress_db \gset
\c ic_regress_sweep_progress
BEGIN;
SET LOCAL client_min_messages = error;   -- not the cluster-dependent WARNING of adopted ic_* roles
CREATE EXTENSION instruction_control;
SET LOCAL client_min_messages = warning;
SET LOCAL search_path = instruction_control, public;
SET LOCAL instruction_control.calendar = 'KZ';
SET LOCAL client_min_messages = warning;
SET LOCAL datestyle = ISO;
-- five deadlines on Mon 15 Sep 2025 (10 working days from Mon 1 Sep, R50.3)
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT count(put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))) FROM generate_series(1, 5);
-- A NOTICE per batch when asked: five overdue events in batches of two
SET LOCAL client_min_messages = notice;
SET LOCAL instruction_control.sweep_progress = on;
CALL sweep('2025-09-20', 2, true);
-- not asked: the final NOTICE only (the events exist: nothing new)
SET LOCAL instruction_control.sweep_progress = off;
CALL sweep('2025-09-20', 2, true);
SET LOCAL client_min_messages = warning;
-- five more, due Tue 16 Sep 2025
SELECT count(put_on_control('act_point', 'pa', '2025-09-02', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))) FROM generate_series(1, 5);

CREATE ROLE ic_test_progress_admin NOLOGIN IN ROLE ic_admin;
CREATE ROLE ic_test_progress_integrator NOLOGIN IN ROLE ic_integrator;
CREATE ROLE ic_test_progress_reader NOLOGIN IN ROLE ic_reader;

-- The steps of sweep() one by one, as ic_admin: after each batch the view says
-- how far the run is.
SET LOCAL ROLE ic_test_progress_admin;
SELECT sweep_begin('2025-09-20', 2, true) AS run \gset
SELECT run_id = :run AS this_run, as_of, mode, phase, candidates, processed, batches, batch_size, events, percent,
       elapsed >= interval '0' AS elapsed_known, estimated_remaining IS NULL AS no_estimate_yet
  FROM sweep_progress;
SELECT sweep_batch(:run) AS more;
SELECT phase, candidates, processed, batches, events, percent,
       estimated_remaining >= interval '0' AS estimated
  FROM sweep_progress;
SELECT sweep_batch(:run) AS more;
SELECT processed, batches, percent FROM sweep_progress;
SELECT sweep_batch(:run) AS more;
SELECT processed, batches, percent FROM sweep_progress;
-- finished: no longer under way; the run keeps its count
SELECT (sweep_finish(:run)).processed;
SELECT count(*) AS under_way FROM sweep_progress;
RESET ROLE;

-- the integrator watches the outbox, so it may watch a sweep too; a reader may not
SET LOCAL ROLE ic_test_progress_integrator;
SELECT count(*) FROM sweep_progress;
RESET ROLE;
SET LOCAL ROLE ic_test_progress_reader;
\set VERBOSITY terse
SAVEPOINT s;
SELECT count(*) FROM sweep_progress;
ROLLBACK TO SAVEPOINT s;
\set VERBOSITY default
RESET ROLE;

SHOW instruction_control.sweep_progress;
ROLLBACK;
\c :regress_db
SET client_min_messages = warning;
DROP DATABASE ic_regress_sweep_progress;
