--
-- The registry against an ordinary role: no SQL a role can run crashes the
-- server or walks around a rule.  Trigger functions fire only on their own
-- tables; what the journal records (who, when, order, derived dates) is
-- computed, never taken from the client; history before Decree No. 403 is
-- imported only by the registry's administrator (role ic_admin).
-- Each statement that fails prints its SQLSTATE after it.
--
CREATE EXTENSION IF NOT EXISTS instruction_control;
\set VERBOSITY default
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET client_min_messages = warning;

CREATE ROLE ic_hostile NOLOGIN;
CREATE ROLE ic_clerk NOLOGIN;
CREATE ROLE ic_importer NOLOGIN;
GRANT ic_admin TO ic_importer;
CREATE SCHEMA hostile AUTHORIZATION ic_hostile;
-- a registry clerk controls: puts instructions on control and records decisions
GRANT ic_controller TO ic_clerk;
RESET client_min_messages;

-- 0. The server must never crash: a role attaches a trigger function of the
-- registry to a table of its own whose columns have other types.
SET ROLE ic_hostile;
CREATE TABLE hostile.decision (id text, instruction_id text, kind integer, decided_on text);
INSERT INTO hostile.decision VALUES ('x', 'y', 1, 'z');
CREATE TRIGGER t BEFORE INSERT ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.decision_judge();
\echo :SQLSTATE
CREATE TRIGGER t BEFORE INSERT ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.instruction_guard();
\echo :SQLSTATE
CREATE TRIGGER t BEFORE INSERT ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.roadmap_judge();
\echo :SQLSTATE
CREATE TRIGGER t BEFORE INSERT ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.report_judge();
\echo :SQLSTATE
CREATE TRIGGER t BEFORE UPDATE ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.journal_append_only();
\echo :SQLSTATE
CREATE TRIGGER t BEFORE INSERT ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.executor_guard();
\echo :SQLSTATE
CREATE TRIGGER t AFTER INSERT ON hostile.decision FOR EACH STATEMENT EXECUTE FUNCTION instruction_control.calendar_data_changed();
\echo :SQLSTATE
-- nor are the registry's tables open to a role nobody granted them to
INSERT INTO instruction_control.decision (instruction_id, kind) VALUES (1, 'extension');
\echo :SQLSTATE
RESET ROLE;

-- Even a superuser who attaches them to another table gets a clean error,
-- never a crash: the function checks the table and the column types.
CREATE TRIGGER t1 BEFORE INSERT ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.decision_judge();
INSERT INTO hostile.decision VALUES ('x', 'y', 1, 'z');
\echo :SQLSTATE
DROP TRIGGER t1 ON hostile.decision;
CREATE TRIGGER t2 BEFORE INSERT ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.instruction_guard();
INSERT INTO hostile.decision VALUES ('x', 'y', 1, 'z');
\echo :SQLSTATE
DROP TRIGGER t2 ON hostile.decision;
CREATE TRIGGER t3 BEFORE INSERT ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.roadmap_judge();
INSERT INTO hostile.decision VALUES ('x', 'y', 1, 'z');
\echo :SQLSTATE
DROP TRIGGER t3 ON hostile.decision;
CREATE TRIGGER t4 BEFORE INSERT ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.report_judge();
INSERT INTO hostile.decision VALUES ('x', 'y', 1, 'z');
\echo :SQLSTATE
DROP TRIGGER t4 ON hostile.decision;
CREATE TRIGGER t5 BEFORE UPDATE ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.journal_append_only();
UPDATE hostile.decision SET id = 'w';
\echo :SQLSTATE
DROP TRIGGER t5 ON hostile.decision;
CREATE TRIGGER t6 BEFORE INSERT ON hostile.decision FOR EACH ROW EXECUTE FUNCTION instruction_control.executor_guard();
INSERT INTO hostile.decision VALUES ('x', 'y', 1, 'z');
\echo :SQLSTATE
DROP TRIGGER t6 ON hostile.decision;
-- and called as a plain function, PostgreSQL itself refuses
SELECT instruction_control.decision_judge();
\echo :SQLSTATE
SELECT count(*) AS rows_still_there FROM hostile.decision;

-- 1. A clerk records decisions; what the journal records is computed.
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SET ROLE ic_clerk;
SET search_path = instruction_control, public;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS a \gset
INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis, decided_on,
                      recorded_by, recorded_at, measures_due_date, roadmap_due_date, old_due_date, seq, repeated, evidence)
VALUES (:a, 'extension', '2025-04-15', 'head_of_pa', 'expert conclusion No. 1', '2025-03-10',
        'president', '2000-01-01', '2099-01-01', '2099-01-01', '1999-01-01', 77, true, '{pa_expert_conclusion}');
SELECT recorded_by = session_user AS recorded_by_is_session_user,
       recorded_at > '2020-01-01' AS not_the_forged_time,
       measures_due_date, roadmap_due_date, old_due_date, seq, repeated
  FROM decision WHERE instruction_id = :a;
-- a huge explicit id is refused (ids are the server's, issue 16): GENERATED ALWAYS (428C9),
-- and OVERRIDING SYSTEM VALUE by server_id (IC119); the decision is then judged as usual
INSERT INTO decision (id, instruction_id, kind, ground, decided_by, evidence, decided_on)
VALUES (9223372036854775000, :a, 'removal', 'executed', 'president', '{official_report}', '2025-03-20');
INSERT INTO decision (id, instruction_id, kind, ground, decided_by, evidence, decided_on) OVERRIDING SYSTEM VALUE
VALUES (9223372036854775000, :a, 'removal', 'executed', 'president', '{official_report}', '2025-03-20');
INSERT INTO decision (instruction_id, kind, ground, decided_by, evidence, decided_on)
VALUES (:a, 'removal', 'executed', 'president', '{official_report}', '2025-03-20');
SELECT id = 9223372036854775000 AS explicit_id, seq, kind FROM decision WHERE instruction_id = :a ORDER BY seq;
SELECT status, removed_on, decision_count, extensions FROM instruction WHERE id = :a;
-- a batch of decisions is judged the same way, with the clerk's privileges
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS b1 \gset
SELECT seq, repeated, recorded_by = session_user AS by_session_user
  FROM extend_deadlines(ARRAY[:b1, :b1], ARRAY['2025-04-15', '2025-05-15']::date[], 'head_of_pa', 'conclusion',
                        'order on disciplinary review', '2025-03-10', evidence => '{pa_expert_conclusion}');
-- imported rows are the administrator's
INSERT INTO instruction (kind, level, received_on, due_date, imported)
VALUES ('act_point', 'pa', '2019-03-01', '2019-03-15', true);
\echo :SQLSTATE
SELECT import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15');
\echo :SQLSTATE
-- a setting that changes what the rules allow is not the clerk's to change
SET instruction_control.repeated_transfer_review = off;
\echo :SQLSTATE
-- and history is not judged by rules that did not exist yet (ids vary by run: no DETAIL)
\set VERBOSITY terse
SELECT put_on_control('act_point', 'pa', '2019-03-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'));
\echo :SQLSTATE
\set VERBOSITY default
RESET ROLE;

-- The administrator imports history: recorded as it was, by whom and when.
SET ROLE ic_importer;
SELECT (import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15', external_ref => 'OLD-1')).id AS old \gset
SELECT (import_decision(:old, 'extension', '2019-03-12', 'head_of_pa', new_due => '2019-04-15')).seq AS first_seq;
SELECT (import_decision(:old, 'extension', '2019-04-10', 'head_of_pa', new_due => '2019-05-15')).repeated AS second_is_repeated;
SELECT imported, recorded_by = session_user AS by_importer, due_date, original_due_date, extensions, decision_count
  FROM instruction WHERE id = :old;
SELECT seq, kind, imported, old_due_date, new_due_date FROM decision WHERE instruction_id = :old ORDER BY seq;
-- still append-only, still ordered
UPDATE decision SET basis = 'rewritten' WHERE instruction_id = :old;
\echo :SQLSTATE
\set VERBOSITY terse
SELECT import_decision(:old, 'removal', '2019-04-01', 'head_of_pa', ground => 'executed');
\echo :SQLSTATE
\set VERBOSITY default
SELECT import_decision(:old, 'extension', '2019-05-01', new_due => 'infinity');
\echo :SQLSTATE
RESET ROLE;

-- A role that may only read cannot decide, one at a time or in a batch.
SET ROLE ic_hostile;
SELECT instruction_control.extend_deadlines(ARRAY[1::bigint], ARRAY['2025-06-16']::date[], 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}');
\echo :SQLSTATE
RESET ROLE;

-- Clean up the roles (their objects first).
DROP SCHEMA hostile CASCADE;
SET client_min_messages = warning;
DROP OWNED BY ic_clerk, ic_importer, ic_hostile;
DROP ROLE ic_hostile;
DROP ROLE ic_clerk;
DROP ROLE ic_importer;
