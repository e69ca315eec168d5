--
-- Roles, privileges and row-level security: every action tried as every role.
-- ic_reader and ic_executor act for body A (body_member); the instructions
-- are A's, B's, and B's with A co-executing.  Each action runs in a
-- subtransaction that is rolled back, so the actions do not depend on one
-- another; the matrix shows "ok" (or the value read) or the SQLSTATE.
--
CREATE EXTENSION IF NOT EXISTS instruction_control;
\set VERBOSITY default
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';

CREATE ROLE acl_reader NOLOGIN IN ROLE ic_reader;
CREATE ROLE acl_executor NOLOGIN IN ROLE ic_executor;
CREATE ROLE acl_controller NOLOGIN IN ROLE ic_controller;
CREATE ROLE acl_admin NOLOGIN IN ROLE ic_admin;
CREATE ROLE acl_nobody NOLOGIN;

INSERT INTO instruction_control.state_body (code, name, body_type) VALUES
  ('ACL_A', 'Ministry A', 'central'), ('ACL_B', 'Ministry B', 'central');
SELECT id AS body_a FROM instruction_control.state_body WHERE code = 'ACL_A' \gset
SELECT id AS body_b FROM instruction_control.state_body WHERE code = 'ACL_B' \gset
INSERT INTO instruction_control.body_member VALUES ('acl_reader', :body_a), ('acl_executor', :body_a);
SELECT (instruction_control.put_on_control('act_point', 'central', '2025-03-03', term => '10 wd',
          responsible_body_id => :body_a)).id AS i_a \gset
SELECT (instruction_control.put_on_control('act_point', 'central', '2025-03-03', term => '10 wd',
          responsible_body_id => :body_b)).id AS i_b \gset
SELECT (instruction_control.put_on_control('act_point', 'central', '2025-03-03', term => '10 wd',
          responsible_body_id => :body_b, co_executor_ids => ARRAY[:body_a]::bigint[])).id AS i_ab \gset

-- one decision already journaled on A's instruction
SELECT kind FROM instruction_control.extend_deadline(:i_a, '2025-04-15', 'first_head', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');

-- try(sql): the value the statement returns, "ok", or the SQLSTATE; always rolled back
CREATE FUNCTION pg_temp.try(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  result text;
BEGIN
  BEGIN
    IF stmt ILIKE 'SELECT%' THEN
      EXECUTE stmt INTO result;
    ELSE
      EXECUTE stmt;
    END IF;
    RAISE EXCEPTION USING ERRCODE = 'P0099', MESSAGE = coalesce(nullif(result, ''), 'ok');
  EXCEPTION
    WHEN SQLSTATE 'P0099' THEN RETURN SQLERRM;
    WHEN OTHERS THEN RETURN SQLSTATE;
  END;
END
$$;
CREATE TEMP TABLE action (n int, name text, stmt text);
CREATE TEMP TABLE outcome (n int, role name, result text);
GRANT SELECT ON action TO PUBLIC;
GRANT INSERT ON outcome TO PUBLIC;
INSERT INTO action VALUES
  (1, 'read: instructions seen', 'SELECT count(*)::text FROM instruction_control.instruction'),
  (2, 'read: journal rows seen', 'SELECT count(*)::text FROM instruction_control.decision'),
  (3, 'read: history as of a day', 'SELECT count(*)::text FROM instruction_control.instruction_as_of(''2025-12-31'')'),
  (4, 'who_may_decide on A''s', format('SELECT string_agg(decider, '','' ORDER BY decider) FROM instruction_control.who_may_decide(%s, ''removal'')', :i_a)),
  (5, 'who_may_decide on B''s', format('SELECT count(*)::text FROM instruction_control.who_may_decide(%s, ''removal'')', :i_b)),
  (6, 'calendar: add_working_days', 'SELECT instruction_control.add_working_days(''2025-03-03'', 10)::text'),
  (7, 'labels', 'SELECT instruction_control.label(''decision_kind'', ''removal'', ''kk'')'),
  (8, 'put on control', 'SELECT (instruction_control.put_on_control(''act_point'', ''central'', ''2025-03-03'', term => ''10 wd'')).kind::text'),
  (9, 'extend B''s deadline (R74-1)', format('SELECT (instruction_control.extend_deadline(%s, ''2025-04-15'', ''first_head'', ''conclusion'', decided_on => ''2025-03-10'', evidence => ''{body_expert_conclusion}'')).kind::text', :i_b)),
  (10, 'extend by a forged decided_by', format('SELECT (instruction_control.extend_deadline(%s, ''2025-04-15'', ''president'', ''conclusion'', decided_on => ''2025-03-10'', evidence => ''{body_expert_conclusion}'')).kind::text', :i_b)),
  (11, 'batch of extensions', format('SELECT count(*)::text FROM instruction_control.extend_deadlines(ARRAY[%s, %s], ARRAY[''2025-05-15'', ''2025-05-16'']::date[], ''first_head'', ''c'', ''review'', ''2025-03-11'', evidence => ''{body_expert_conclusion}'')', :i_a, :i_b)),
  (12, 'bare UPDATE of due_date', format('UPDATE instruction_control.instruction SET due_date = ''2025-06-02'' WHERE id = %s', :i_a)),
  (13, 'report on A''s', format('SELECT (instruction_control.submit_report(%s, ''risk'', ''risk of delay'', %s, submitted_on => ''2025-03-12'')).kind::text', :i_a, :body_a)),
  (14, 'report on B''s (hidden)', format('SELECT (instruction_control.submit_report(%s, ''risk'', ''risk'', submitted_on => ''2025-03-12'')).kind::text', :i_b)),
  (15, 'report on A+B''s as body B', format('SELECT (instruction_control.submit_report(%s, ''risk'', ''risk'', %s, submitted_on => ''2025-03-12'')).kind::text', :i_ab, :body_b)),
  (16, 'roadmap on A''s', format('SELECT (instruction_control.register_roadmap(%s, ''executor_only'', ''first_head'', %s, ''2025-03-12'')).drafter::text', :i_a, :body_a)),
  (17, 'calendar transfer', 'SELECT instruction_control.add_transfer(''KZ'', ''2026-12-26'', ''2026-12-28'', ''decree'')::text'),
  (18, 'decision matrix row', 'UPDATE instruction_control.decision_rule SET enabled = enabled, basis = ''acl (test)'' WHERE id = (SELECT min(id) FROM instruction_control.decision_rule)'),
  (19, 'import history', 'SELECT (instruction_control.import_instruction(''act_point'', ''pa'', ''2019-03-01'', ''2019-03-15'')).imported::text'),
  (20, 'who acts for a body', format('INSERT INTO instruction_control.body_member VALUES (''acl_nobody'', %s)', :body_b));

SET ROLE acl_reader;
INSERT INTO outcome SELECT n, current_user, pg_temp.try(stmt) FROM action;
SET ROLE acl_executor;
INSERT INTO outcome SELECT n, current_user, pg_temp.try(stmt) FROM action;
SET ROLE acl_controller;
INSERT INTO outcome SELECT n, current_user, pg_temp.try(stmt) FROM action;
SET ROLE acl_admin;
INSERT INTO outcome SELECT n, current_user, pg_temp.try(stmt) FROM action;
SET ROLE acl_nobody;
INSERT INTO outcome SELECT n, current_user, pg_temp.try(stmt) FROM action;
RESET ROLE;

SELECT a.n, a.name,
       max(o.result) FILTER (WHERE o.role = 'acl_reader') AS reader,
       max(o.result) FILTER (WHERE o.role = 'acl_executor') AS executor,
       max(o.result) FILTER (WHERE o.role = 'acl_controller') AS controller,
       max(o.result) FILTER (WHERE o.role = 'acl_admin') AS admin,
       max(o.result) FILTER (WHERE o.role = 'acl_nobody') AS nobody
  FROM action a JOIN outcome o USING (n)
 GROUP BY a.n, a.name ORDER BY a.n;

-- the acting person an application names is recorded with the decision: a person
-- the role may act for (person_role; test/integration/acting_person.sh tries the rest)
INSERT INTO instruction_control.person (name) VALUES ('A. Abenov');
INSERT INTO instruction_control.person_role
  SELECT id, 'acl_controller' FROM instruction_control.person WHERE name = 'A. Abenov';
SET ROLE acl_controller;
BEGIN;
SET LOCAL instruction_control.acting_person = 'A. Abenov';
SELECT acted_by, recorded_by FROM instruction_control.extend_deadline(:i_ab, '2025-04-15', 'first_head', 'conclusion',
                                                                      decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');
ROLLBACK;
SELECT acted_by IS NULL AS no_person_named FROM instruction_control.extend_deadline(:i_ab, '2025-04-15', 'first_head',
                                                         'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');
RESET ROLE;

-- A DBA's own role that may record decisions but sees only body A's slice: a
-- decision on an instruction it cannot see is refused as one that does not
-- exist (23503), and a forged decided_by does not widen what it sees.
CREATE ROLE acl_body_decider NOLOGIN IN ROLE ic_executor;
INSERT INTO instruction_control.body_member VALUES ('acl_body_decider', :body_a);
GRANT INSERT ON instruction_control.decision TO acl_body_decider;
GRANT USAGE ON SEQUENCE instruction_control.decision_id_seq TO acl_body_decider;
GRANT EXECUTE ON FUNCTION instruction_control.extend_deadline TO acl_body_decider;
-- a policy on the extension's table is DDL pg_dump does not keep: the superuser says it knows (IC404)
SET instruction_control.allow_member_ddl = on;
CREATE POLICY acl_body_decides ON instruction_control.decision FOR INSERT TO acl_body_decider WITH CHECK (true);
SET ROLE acl_body_decider;
SELECT count(*) AS instructions_seen FROM instruction_control.instruction;
\set VERBOSITY terse
SELECT kind FROM instruction_control.extend_deadline(:i_b, '2025-05-15', 'president', 'forged', decided_on => '2025-03-11', evidence => '{pa_expert_conclusion}');
\set VERBOSITY default
SELECT kind, repeated FROM instruction_control.extend_deadline(:i_ab, '2025-05-15', 'first_head', 'letter', 'order No. 3',
                                                           decided_on => '2025-03-11', evidence => '{pa_expert_conclusion}');
RESET ROLE;
SELECT count(*) AS decisions_on_the_hidden_one FROM instruction_control.decision WHERE instruction_id = :i_b;
DROP POLICY acl_body_decides ON instruction_control.decision;
RESET instruction_control.allow_member_ddl;

-- a read-only transaction (as on a standby) records nothing, one at a time or in a batch: 25006
BEGIN READ ONLY;
SELECT instruction_control.extend_deadlines(ARRAY[:i_b]::bigint[], ARRAY['2025-05-15']::date[], 'first_head', 'c', evidence => '{pa_expert_conclusion}');
ROLLBACK;
BEGIN READ ONLY;
SELECT instruction_control.extend_deadline(:i_b, '2025-05-15', 'first_head', 'c', evidence => '{pa_expert_conclusion}');
ROLLBACK;

SET client_min_messages = warning;
DELETE FROM instruction_control.body_member WHERE member::text LIKE 'acl\_%';
REVOKE ALL ON instruction_control.decision, instruction_control.decision_id_seq FROM acl_body_decider;
REVOKE ALL ON FUNCTION instruction_control.extend_deadline FROM acl_body_decider;
DROP ROLE acl_reader, acl_executor, acl_controller, acl_admin, acl_nobody, acl_body_decider;
