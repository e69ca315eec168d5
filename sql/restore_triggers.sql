--
-- A restore loads the configuration tables in any order (issue 17, item 1;
-- sql/src/95_restore.sql, src/registry/restore_load.c).  Read from the
-- catalog, so a new configuration table or trigger is held to it:
--   1. every configuration table has restore_load (BEFORE INSERT FOR EACH
--      STATEMENT) and restore_load_end (AFTER), ENABLE ALWAYS; restore_load
--      has the argument any_order exactly on the tables with a foreign key to
--      another configuration table;
--   2. on those tables a restore loads with session_replication_role =
--      replica, so only ENABLE ALWAYS triggers fire: every other trigger that
--      fires on INSERT must be one that only passes a row through in
--      restore_mode (the allowlist below, with the reason);
--   3. what restore_mode does to a statement, and misuse of the functions.
--
SET client_min_messages = error;   -- not the cluster-dependent WARNING of adopted ic_* roles
CREATE EXTENSION IF NOT EXISTS instruction_control;
RESET client_min_messages;

CREATE TEMP VIEW config_table AS
SELECT c.oid AS rel, c.relname,
       EXISTS (SELECT 1 FROM pg_constraint k
                WHERE k.conrelid = c.oid AND k.contype = 'f' AND k.confrelid <> c.oid
                  AND k.confrelid = ANY (e.extconfig)) AS any_order
  FROM pg_extension e JOIN pg_class c ON c.oid = ANY (e.extconfig) AND c.relkind = 'r'
 WHERE e.extname = 'instruction_control';

-- 1. the two triggers on every configuration table: no row means none is missing
SELECT t.relname, t.any_order,
       l.tgenabled AS load_enabled, l.tgtype AS load_type, encode(l.tgargs, 'escape') AS load_args,
       x.tgenabled AS end_enabled, x.tgtype AS end_type
  FROM config_table t
  LEFT JOIN pg_trigger l ON l.tgrelid = t.rel AND l.tgname = 'restore_load'
                        AND l.tgfoid = 'instruction_control.restore_load()'::regprocedure
  LEFT JOIN pg_trigger x ON x.tgrelid = t.rel AND x.tgname = 'restore_load_end'
                        AND x.tgfoid = 'instruction_control.restore_load_end()'::regprocedure
 WHERE l.oid IS NULL OR x.oid IS NULL
    OR l.tgenabled <> 'A' OR x.tgenabled <> 'A'
    OR l.tgtype <> 6     -- BEFORE INSERT FOR EACH STATEMENT
    OR x.tgtype <> 4     -- AFTER INSERT FOR EACH STATEMENT
    OR encode(l.tgargs, 'escape') <> CASE WHEN t.any_order THEN 'any_order\000' ELSE '' END;

-- which tables load in any order (a new foreign key between configuration tables shows here)
SELECT string_agg(relname, ', ' ORDER BY relname) AS any_order_tables FROM config_table WHERE any_order;

-- 2. ORIGIN triggers on INSERT of the any_order tables: each only passes rows
--    through in restore_mode, or the table lacks an ALWAYS one it needs
CREATE TEMP TABLE restore_passes (fn regprocedure PRIMARY KEY, why text NOT NULL);
INSERT INTO restore_passes VALUES
  ('instruction_control.server_id()', 'restore_mode: the ids were the server''s when the dump was made (registry_ids.c)'),
  ('instruction_control.instruction_guard()', 'restore_mode: the row was judged when first written; the dump brings instruction_executor along (instruction_guard.c)'),
  ('instruction_control.executor_guard()', 'restore_mode: the dump brings the executors the registry wrote (instruction_executors.c)'),
  ('instruction_control.decision_judge()', 'restore_mode: judged and applied when first written; the instruction row carries the effect (decision_journal.c)'),
  ('instruction_control.report_judge()', 'restore_mode: judged and journaled when first written (registry_documents.c)'),
  ('instruction_control.roadmap_judge()', 'restore_mode: judged and journaled when first written (registry_documents.c)'),
  ('instruction_control.rule_change_journal()', 'restore_mode: the dump brings the journal of the rule data (rule_change)'),
  ('instruction_control.member_role_exists()', 'restore_mode: COPY reads a member as regrole, whose input already refuses a name of no role (body_member, person_role)'),
  ('instruction_control.host_ref_check()', 'restore_mode: the host key was checked when first written; the host table may load after ours (80_embedding.sql)'),
  ('instruction_control.draft_guard()', 'restore_mode: the receipt was judged when first written and its recorder set then (75_drafts.sql)'),
  ('instruction_control.draft_step_judge()', 'restore_mode: each step was judged and its due date computed when first written; steps may load in any order (75_drafts.sql)'),
  ('instruction_control.control_measure_judge()', 'restore_mode: judged when first written and its recorder set then (77_control_measures.sql)'),
  ('instruction_control.coordination_judge()', 'restore_mode: judged when first written; body_function may load after coordination (79_coordination.sql)'),
  ('instruction_control.report_signatory_judge()', 'restore_mode: the signatory was judged when the report was first written; person may load after report (81_signatories.sql)'),
  ('instruction_control.annual_summary_signature_judge()', 'restore_mode: judged when first written and its recorder set then (81_signatories.sql)');
SELECT t.relname, g.tgname, g.tgfoid::regprocedure AS fn
  FROM config_table t
  JOIN pg_trigger g ON g.tgrelid = t.rel AND NOT g.tgisinternal AND g.tgenabled = 'O'
                   AND (g.tgtype & 4) <> 0     -- fires on INSERT
 WHERE t.any_order
   AND g.tgfoid NOT IN (SELECT fn FROM restore_passes)
 ORDER BY 1, 2;
-- the ALWAYS triggers that act on a restored row (sql/src/95_restore.sql)
SELECT c.relname, g.tgname
  FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
 WHERE c.relnamespace = 'instruction_control'::regnamespace AND g.tgenabled = 'A'
   AND g.tgname NOT IN ('restore_load', 'restore_load_end')
 ORDER BY 1, 2;

-- 3. in restore_mode a statement on an any_order table loads without the
--    foreign keys (the parent may come later), and session_replication_role
--    is origin again after it; without restore_mode the foreign key refuses
\set VERBOSITY terse
BEGIN;
INSERT INTO instruction_control.body_member (member, body_id) VALUES ('ic_reader', 999999);
ROLLBACK;
BEGIN;
SET LOCAL instruction_control.restore_mode = on;
INSERT INTO instruction_control.body_member (member, body_id) VALUES ('ic_reader', 999999);
SHOW session_replication_role;
SELECT member, body_id FROM instruction_control.body_member WHERE body_id = 999999;
-- a statement on a table without any_order keeps its checks
INSERT INTO instruction_control.sweep_setting (level, reminder_days) VALUES ('central', '{0}');
ROLLBACK;
-- a session that chose replica itself keeps it after the statement
BEGIN;
SET LOCAL instruction_control.restore_mode = on;
SET LOCAL session_replication_role = replica;
INSERT INTO instruction_control.body_member (member, body_id) VALUES ('ic_reader', 999999);
SHOW session_replication_role;
ROLLBACK;

-- misuse: the trigger functions serve the extension's tables only
CREATE TABLE public.not_the_registry (id integer);
CREATE TRIGGER restore_load BEFORE INSERT ON public.not_the_registry
  FOR EACH STATEMENT EXECUTE FUNCTION instruction_control.restore_load();
INSERT INTO public.not_the_registry VALUES (1);
DROP TRIGGER restore_load ON public.not_the_registry;
CREATE TRIGGER restore_load BEFORE INSERT ON public.not_the_registry
  FOR EACH ROW EXECUTE FUNCTION instruction_control.restore_load();
INSERT INTO public.not_the_registry VALUES (1);
DROP TABLE public.not_the_registry;
SELECT instruction_control.restore_load();

-- restore_grant()/restore_revoke(): the superuser's, never PUBLIC's
SELECT p.oid::regprocedure, has_function_privilege('public', p.oid, 'EXECUTE') AS public_execute, p.prosecdef
  FROM pg_proc p
 WHERE p.pronamespace = 'instruction_control'::regnamespace AND p.proname LIKE 'restore\_%'
 ORDER BY 1::text;
CREATE ROLE ic_restore_test_owner;
SELECT instruction_control.restore_grant('ic_restore_test_owner');
SET ROLE ic_admin;
SELECT instruction_control.restore_revoke('ic_restore_test_owner');
RESET ROLE;
DROP ROLE ic_restore_test_owner;
