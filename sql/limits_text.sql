--
-- Limits of text (issue 16, item 8): every text column a user writes has a
-- documented maximum (free_text 10,000 characters, name 500, lists of codes
-- 100 elements), refused with 22001 whatever writes the row.  The roles are
-- LOGIN roles holding exactly one ic_* role, connected as themselves.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS instruction_control;
\set VERBOSITY default
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET client_min_messages = warning;
SELECT session_user AS session_user_name \gset

-- 1. From the catalog: no text column of the registry is left unbounded.  A
-- column is bounded by a CHECK calling text_limit_ok() on it, by a domain
-- with a CHECK (a code), or by a foreign key to a bounded column; the
-- exceptions are listed with their reason.  A new text column shows up here.
WITH textlike AS (
  SELECT c.relname, a.attname, a.attnum, c.oid AS relid, t.oid AS typid, t.typname,
         coalesce(et.oid, t.oid) AS elemtyp
    FROM pg_class c
    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
    JOIN pg_type t ON t.oid = a.atttypid
    LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
   WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind IN ('r', 'p')
), text_columns AS (
  SELECT l.*, e.typtype AS elemkind, e.typbasetype
    FROM textlike l JOIN pg_type e ON e.oid = l.elemtyp
   WHERE e.oid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)
      OR e.typbasetype IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)
)
SELECT relname || '.' || attname AS unbounded_text_column, typname
  FROM text_columns tc
 WHERE NOT EXISTS (         -- a CHECK calling text_limit_ok() on the column
         SELECT FROM pg_constraint k
          WHERE k.conrelid = tc.relid AND k.contype = 'c' AND k.conkey = ARRAY[tc.attnum]
            AND pg_get_constraintdef(k.oid) LIKE '%text_limit_ok(%')
   AND NOT (tc.typid = tc.elemtyp AND tc.elemkind = 'd' AND EXISTS (   -- a coded domain
         SELECT FROM pg_constraint k WHERE k.contypid = tc.elemtyp AND k.contype = 'c'))
   AND NOT EXISTS (         -- a foreign key to a bounded column
         SELECT FROM pg_constraint k
          WHERE k.conrelid = tc.relid AND k.contype = 'f' AND tc.attnum = ANY (k.conkey))
   AND (relname, attname) NOT IN (
         ('calendar', 'code'),              -- CHECK calendar_code_format: 1-16 characters
         ('calendar_day', 'kind'),          -- CHECK: one of three words
         ('calendar_year', 'status'),       -- CHECK: one of two words
         ('sweep_run', 'mode'),             -- CHECK: one of two words
         ('sweep_run', 'scope'),            -- CHECK: one of two words
         ('sweep_candidate', 'kind'),       -- the sweep's own work table, written by sweep() only
         ('sweep_candidate', 'addressee'),
         ('sweep_candidate', 'rule_id'))
 ORDER BY 1;

-- 2. The limits as the roles meet them.
CREATE ROLE limits_controller LOGIN IN ROLE ic_controller;
CREATE ROLE limits_executor LOGIN IN ROLE ic_executor;
CREATE ROLE limits_admin LOGIN IN ROLE ic_admin;
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('LIM_A', 'Ministry A', 'central');
SELECT id AS body_a FROM instruction_control.state_body WHERE code = 'LIM_A' \gset
INSERT INTO instruction_control.body_member VALUES ('limits_executor', :body_a);
SELECT count(*) AS instructions_before FROM instruction_control.instruction \gset
SELECT (instruction_control.put_on_control('act_point', 'central', '2025-03-03', term => '10 wd',
          responsible_body_id => :body_a, content => 'body A''s instruction')).id AS i \gset

\c - limits_controller
SET datestyle = ISO;
SET instruction_control.calendar = 'KZ';
\set VERBOSITY default
\set SHOW_CONTEXT never
-- content: 10,000 characters are taken (Cyrillic: characters, not bytes), 10,001 are not
SELECT char_length(content) FROM instruction_control.put_on_control('act_point', 'central', '2025-03-03',
          term => '10 wd', content => repeat('я', 10000));
SELECT instruction_control.put_on_control('act_point', 'central', '2025-03-03', term => '10 wd',
          content => repeat('я', 10001));
-- names and references: 500
SELECT instruction_control.put_on_control('act_point', 'central', '2025-03-03', term => '10 wd',
          external_ref => repeat('r', 501));
SELECT instruction_control.put_on_control('act_point', 'central', '2025-03-03', term => '10 wd',
          paper_card_ref => repeat('r', 501));
-- a descriptive column edited directly
UPDATE instruction_control.instruction SET final_result = repeat('f', 10001) WHERE id = :i;
-- a decision's basis of 20 MB: refused on its size (22001), nothing journaled, the deadline
-- unchanged (before the judged row was copied out of SPI's memory, this crashed the server)
\set VERBOSITY sqlstate
SELECT instruction_control.extend_deadline(:i, '2025-04-15', 'first_head', repeat('b', 20 * 1024 * 1024),
          decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');
\set VERBOSITY default
SELECT count(d.id) AS decisions, max(i.due_date) AS due_date
  FROM instruction_control.instruction i LEFT JOIN instruction_control.decision d ON d.instruction_id = i.id
 WHERE i.id = :i;
-- the same in a batch, and a journal row written directly
SELECT count(*) FROM instruction_control.extend_deadlines(ARRAY[:i]::bigint[], ARRAY['2025-04-15']::date[],
          'first_head', 'conclusion', disciplinary_review => repeat('d', 10001), decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');
INSERT INTO instruction_control.decision (instruction_id, kind, new_due_date, decided_by, basis, decided_on, paper_ref, evidence)
VALUES (:i, 'extension', '2025-04-15', 'first_head', 'conclusion', '2025-03-10', repeat('p', 501), '{body_expert_conclusion}');
-- a list of evidence: at most 100 codes
SELECT instruction_control.remove_from_control(:i, 'executed', 'first_head',
          array_fill('official_report'::instruction_control.evidence_kind, ARRAY[101]), 'memo',
          decided_on => '2025-03-10');

\c - limits_executor
\set VERBOSITY default
\set SHOW_CONTEXT never
SELECT instruction_control.submit_report(:i, 'intermediate', repeat('c', 10001), :body_a);
SELECT instruction_control.submit_report(:i, 'intermediate', 'done', :body_a, document_ref => repeat('d', 501));
SELECT kind FROM instruction_control.submit_report(:i, 'intermediate', repeat('c', 10000), :body_a);

\c - limits_admin
\set VERBOSITY default
\set SHOW_CONTEXT never
-- a calendar transfer with a 100 MB basis: refused on its size (22001), before any scan of it
\set VERBOSITY sqlstate
SELECT instruction_control.add_transfer('KZ', '2025-03-01', '2025-03-03', repeat('x', 100 * 1024 * 1024));
\set VERBOSITY default
SELECT instruction_control.confirm_calendar_year('KZ', 2025, repeat('x', 10001));
UPDATE instruction_control.state_body SET name = repeat('n', 501) WHERE id = :body_a;

\c - :session_user_name
SET client_min_messages = warning;
SELECT count(*) - :instructions_before AS instructions_added_two_accepted FROM instruction_control.instruction;
DELETE FROM instruction_control.body_member WHERE member::text LIKE 'limits\_%';
DROP ROLE limits_controller, limits_executor, limits_admin;
