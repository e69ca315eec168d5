-- Least privilege by construction (issue 16, items 2 and 5): ids are the server's, the outbox is
-- written by the extension only.  The catalog checks are generated: a new table with an id, a new
-- role or a new sequence is covered without touching this file.  The attacks are played as the
-- roles (SET ROLE): an executor probing another body's hidden report by its id, a controller
-- claiming ids, an integrator reopening events or forging delivered_by.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SELECT plan(23);

-- Ids: every table of the extension with an integer id column takes it from GENERATED ALWAYS AS
-- IDENTITY (rule and decision_rule have text ids: the decree's codes).  The predefined roles
-- pg_read_all_data/pg_write_all_data are a superuser's choice and left out.
SELECT is(array_agg(c.relname::text ORDER BY c.relname), NULL,
          'issue 16: every table of the extension with an id has it GENERATED ALWAYS AS IDENTITY')
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped
 WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind IN ('r', 'p')
   AND a.atttypid IN ('int8'::regtype, 'int4'::regtype, 'int2'::regtype)
   AND c.relname <> 'decision_rule'   -- the matrix's row numbers: the decree's data, not a counter
   AND a.attidentity IS DISTINCT FROM 'a';
-- ... and every one a role other than its owner may INSERT into refuses a supplied id (server_id)
SELECT is(array_agg(DISTINCT c.relname::text), NULL,
          'issue 16: every table with an id that a role may INSERT into has the trigger server_id (OVERRIDING SYSTEM VALUE, COPY)')
  FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'id' AND NOT a.attisdropped
  JOIN pg_roles r ON NOT r.rolsuper AND r.rolname !~ '^pg_' AND r.oid <> c.relowner
 WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind IN ('r', 'p')
   AND a.atttypid IN ('int8'::regtype, 'int4'::regtype, 'int2'::regtype)
   AND c.relname <> 'decision_rule'
   AND has_table_privilege(r.oid, c.oid, 'INSERT')
   AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = 'server_id'
                      AND t.tgenabled <> 'D');
-- ... and no role but the owner holds a privilege on the extension's sequences (no setval, nextval)
SELECT is(array_agg(DISTINCT s.relname::text || ':' || r.rolname), NULL,
          'issue 16: no role other than the owner may use or set a sequence of the extension')
  FROM pg_class s JOIN pg_roles r ON NOT r.rolsuper AND r.rolname !~ '^pg_' AND r.oid <> s.relowner
 WHERE s.relnamespace = 'instruction_control'::regnamespace AND s.relkind = 'S'
   AND (has_sequence_privilege(r.oid, s.oid, 'USAGE') OR has_sequence_privilege(r.oid, s.oid, 'UPDATE')
        OR has_sequence_privilege(r.oid, s.oid, 'SELECT'));
-- The outbox and the sweep's change notes: nobody but the owner may write them (delivered_at/_by are
-- mark_delivered()'s, the notes the triggers')
SELECT is(array_agg(t.tbl || ':' || r.rolname ORDER BY 1), NULL,
          'issue 16: no role other than the owner may INSERT, UPDATE (any column), DELETE or TRUNCATE event or sweep_change')
  FROM (VALUES ('instruction_control.event'), ('instruction_control.sweep_change')) AS t(tbl)
  JOIN pg_roles r ON NOT r.rolsuper AND r.rolname !~ '^pg_'
   AND r.oid <> (SELECT relowner FROM pg_class WHERE oid = t.tbl::regclass)
 WHERE has_any_column_privilege(r.oid, t.tbl, 'UPDATE')
    OR has_table_privilege(r.oid, t.tbl, 'INSERT') OR has_table_privilege(r.oid, t.tbl, 'DELETE')
    OR has_table_privilege(r.oid, t.tbl, 'TRUNCATE');
SELECT ok(NOT has_function_privilege('public', 'instruction_control.next_events(integer, addressee)', 'EXECUTE')
          AND NOT has_function_privilege('ic_reader', 'instruction_control.next_events(integer, addressee)', 'EXECUTE')
          AND NOT has_function_privilege('ic_controller', 'instruction_control.mark_delivered(bigint[])', 'EXECUTE'),
          'issue 16: next_events() and mark_delivered() are ic_admin''s and ic_integrator''s only');

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('OI_A', 'Ministry A', 'central'), ('OI_B', 'Ministry B', 'central');
SELECT id AS body_a FROM state_body WHERE code = 'OI_A' \gset
SELECT id AS body_b FROM state_body WHERE code = 'OI_B' \gset
CREATE ROLE oi_exec_a NOLOGIN IN ROLE ic_executor;
CREATE ROLE oi_integrator NOLOGIN IN ROLE ic_integrator;
CREATE ROLE oi_controller NOLOGIN IN ROLE ic_controller;
INSERT INTO body_member VALUES ('oi_exec_a', :body_a);
SELECT id AS i_b FROM put_on_control('act_point', 'pa', current_date - 60, term => '10 wd',
                                     responsible_body_id => :body_b, external_ref => 'oi-b', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат') \gset
SELECT id AS i_a FROM put_on_control('act_point', 'pa', current_date - 60, term => '10 wd',
                                     responsible_body_id => :body_a, external_ref => 'oi-a', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат') \gset
SELECT id AS hidden_report FROM submit_report(:i_b, 'intermediate', 'hidden body B report', submitted_by_body_id => :body_b) \gset
\o

-- An executor of body A probes body B's hidden report by its id: refused for the id, not 23505
-- (DISCARD SEQUENCES: the executor's session has not itself just written that report)
DISCARD SEQUENCES;
SET ROLE oi_exec_a;
SELECT is((SELECT count(*) FROM report), 0::bigint, 'issue 16: the executor of body A does not see body B''s report');
SELECT throws_ok(format($$INSERT INTO report (id, instruction_id, kind, content) OVERRIDING SYSTEM VALUE
                         VALUES (%s, %s, 'intermediate', 'probe')$$, :hidden_report, :i_a),
                 'IC119', NULL, 'issue 16: an executor naming the id of a hidden report gets IC119, never 23505 (its existence is not told)');
SELECT throws_ok(format($$INSERT INTO report (id, instruction_id, kind, content)
                         VALUES (%s, %s, 'intermediate', 'probe')$$, :hidden_report, :i_a),
                 '428C9', NULL, 'issue 16: a plain INSERT naming an id is refused (GENERATED ALWAYS)');
RESET ROLE;
-- A controller claims the next ids or 2^63-1: refused, so nobody's next call fails and no watermark is blinded
SET ROLE oi_controller;
SELECT throws_ok($$INSERT INTO act (id, act_type) OVERRIDING SYSTEM VALUE VALUES (9223372036854775807, 'decree')$$,
                 'IC119', NULL, 'issue 16: a controller cannot write act id 2^63-1');
SELECT throws_ok(format($$INSERT INTO decision (id, instruction_id, kind, ground, decided_by, evidence)
                         OVERRIDING SYSTEM VALUE VALUES (9223372036854775807, %s, 'removal', 'executed',
                         'president', '{official_report}')$$, :i_a),
                 'IC119', NULL, 'issue 16: a controller cannot write decision id 2^63-1 (R75 removal refused for its id)');
SELECT throws_ok(format($$SELECT record_decisions(ARRAY[jsonb_populate_record(NULL::decision,
                         jsonb_build_object('id', 9223372036854775807, 'instruction_id', %s, 'kind', 'removal',
                         'ground', 'executed', 'decided_by', 'president', 'evidence', '{official_report}'))])$$, :i_a),
                 'IC119', NULL, 'issue 16: a batch of decisions naming an id is refused (record_decisions)');
SELECT throws_ok(format($$INSERT INTO instruction (id, kind, level, received_on, term) OVERRIDING SYSTEM VALUE
                         VALUES ((SELECT max(id) + 1 FROM instruction), 'act_point', 'central', current_date, '10 wd')$$),
                 'IC119', NULL, 'issue 16: a controller cannot claim the next instruction id');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', ARRAY['official_report'], 'r')$$, :i_b),
                'issue 16: the controller''s own decision takes the id the identity gives it (R75)');
RESET ROLE;

-- The sweep's change tracking: the removal is noted by the server, whatever id it got
SELECT ok(EXISTS (SELECT 1 FROM sweep_change WHERE instruction_id = :i_b AND xact = pg_current_xact_id()),
          'issue 16: a decision leaves a change note for the next incremental sweep, with the transaction that wrote it (R75)');

-- The outbox as an integrator: reading through next_events(), delivering through mark_delivered() only
CALL sweep();
-- swept in the transaction that wrote the notes: taken and deleted (here the snapshot already counts them,
-- since the aborted subtransactions of throws_ok moved its xmax past this transaction; the case only
-- claimed_in covers is specs/sweep_change_order.spec)
SELECT is((SELECT count(*)::int FROM sweep_change), 0,
          'issue 19: a sweep in the transaction that wrote the change notes takes them and deletes them when it finishes');
SET ROLE oi_integrator;
SELECT throws_ok($$UPDATE event SET delivered_at = NULL$$, '42501', NULL,
                 'issue 16: an integrator cannot reopen events (UPDATE event SET delivered_at = NULL)');
SELECT throws_ok($$UPDATE event SET delivered_by = 'someone_else'$$, '42501', NULL,
                 'issue 16: an integrator cannot forge delivered_by');
SELECT throws_ok($$SELECT * FROM event FOR UPDATE$$, '42501', NULL,
                 'issue 16: events are taken through next_events() only (no FOR UPDATE on event)');
SELECT ok((SELECT count(*) FROM next_events(100)) > 0, 'issue 16: next_events() gives the integrator the open events');
SELECT is(mark_delivered(ARRAY(SELECT id FROM event)), (SELECT count(*)::int FROM event),
          'issue 16: mark_delivered() marks the events');
SELECT is(mark_delivered(ARRAY(SELECT id FROM event)), 0,
          'issue 16: mark_delivered() never marks an event twice (the first mark stays)');
RESET ROLE;
SELECT is((SELECT array_agg(DISTINCT delivered_by::text) FROM event), ARRAY[session_user::text],
          'issue 16: delivered_by is the session user mark_delivered() records itself');

-- next_events() reads the open events, not the outbox's history (issue 19): with 218,000
-- events delivered and 100 open, each call read every delivered one through event_pkey
-- (42 ms, growing with the outbox).  20,000 delivered and 30 open, analyzed; the rows the
-- integrator's two calls (all addressees, one addressee) read are counted by the
-- transaction's statistics
SET LOCAL session_replication_role = replica;
INSERT INTO event (instruction_id, kind, period, addressee, rule_id, as_of, delivered_at, delivered_by)
SELECT g, 'overdue', current_date - 1, CASE WHEN g % 3 = 0 THEN 'executor' ELSE 'controller' END, 'R50.1',
       current_date - 1, CASE WHEN g <= 20000 THEN now() END, CASE WHEN g <= 20000 THEN session_user END
  FROM generate_series(1, 20030) g;
RESET session_replication_role;
ANALYZE event;
SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) AS event_rows_before
  FROM pg_stat_xact_user_tables WHERE relid = 'instruction_control.event'::regclass \gset
SET ROLE oi_integrator;
SELECT count(*) AS taken_all FROM next_events(100) \gset
SELECT count(*) AS taken_one FROM next_events(100, 'executor') \gset
RESET ROLE;
SELECT ok(:taken_all = 30 AND :taken_one = 10
          AND (SELECT coalesce(seq_tup_read, 0) + coalesce(idx_tup_fetch, 0) - :event_rows_before
                 FROM pg_stat_xact_user_tables WHERE relid = 'instruction_control.event'::regclass) < 1000,
          'issue 19: next_events() finds the open events without reading the delivered ones (20,000 delivered, 30 open: all 30, and the 10 of one addressee)');

SELECT * FROM finish();
ROLLBACK;
