--
-- The registry writes decisions and their effects without an executor
-- start-up (registry_writer.c), keeping what it prepared for the whole
-- transaction.  A trigger a DBA adds runs there as it would under a statement
-- -- also one whose function has SET clauses or is SECURITY DEFINER, which
-- keeps a cache in the memory of its first call: that memory must live as
-- long as the writer.  Here such triggers fire from many statements of one
-- transaction, single decisions and batches alike, with other work between
-- them that reuses freed memory; every call is counted.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS instruction_control;
\set VERBOSITY terse
SET instruction_control.calendar = 'KZ';

-- triggers on the extension's tables are DDL pg_dump does not keep: the superuser says it knows (IC404)
SET instruction_control.allow_member_ddl = on;
CREATE TABLE writer_trigger_calls (tbl text, n integer);
CREATE FUNCTION writer_trigger_count() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, public, pg_temp SET work_mem = '4MB'
AS $$
BEGIN
  INSERT INTO public.writer_trigger_calls VALUES (TG_TABLE_NAME, 1);
  RETURN NULL;
END
$$;
CREATE TRIGGER dba_counts AFTER INSERT ON instruction_control.decision
  FOR EACH ROW EXECUTE FUNCTION writer_trigger_count();
CREATE TRIGGER dba_counts AFTER UPDATE ON instruction_control.instruction
  FOR EACH ROW EXECUTE FUNCTION writer_trigger_count();

BEGIN;
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT array_agg((instruction_control.put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id) AS ids
  FROM generate_series(1, 20) \gset
-- ten statements, each a single decision or a batch, with memory churn between them
SELECT count(*) FROM instruction_control.extend_deadline((:'ids'::bigint[])[1], '2025-04-15', 'head_of_pa', 'c', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');
SELECT length(string_agg(repeat(md5(g::text), 20), '')) > 0 AS churn FROM generate_series(1, 20000) g;
SELECT count(*) FROM instruction_control.extend_deadlines((:'ids'::bigint[])[2:6],
  array_fill('2025-04-15'::date, ARRAY[5]), 'head_of_pa', 'c', NULL, '2025-03-10', evidence => '{pa_expert_conclusion}');
SELECT length(string_agg(repeat(md5(g::text), 7), '')) > 0 AS churn FROM generate_series(1, 30000) g;
SELECT count(*) FROM instruction_control.extend_deadline((:'ids'::bigint[])[7], '2025-04-15', 'head_of_pa', 'c', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');
SELECT count(*) FROM instruction_control.extend_deadlines((:'ids'::bigint[])[8:12],
  array_fill('2025-04-15'::date, ARRAY[5]), 'head_of_pa', 'c', NULL, '2025-03-10', evidence => '{pa_expert_conclusion}');
SELECT length(string_agg(repeat(md5(g::text), 3), ',')) > 0 AS churn FROM generate_series(1, 50000) g;
SELECT count(*) FROM instruction_control.extend_deadline((:'ids'::bigint[])[13], '2025-04-15', 'head_of_pa', 'c', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');
SELECT count(*) FROM instruction_control.extend_deadlines((:'ids'::bigint[])[14:20],
  array_fill('2025-04-15'::date, ARRAY[7]), 'head_of_pa', 'c', NULL, '2025-03-10', evidence => '{pa_expert_conclusion}');
-- twenty decisions, twenty instructions changed: every trigger call counted
SELECT tbl, sum(n) FROM writer_trigger_calls GROUP BY tbl ORDER BY tbl;
ROLLBACK;

DROP TRIGGER dba_counts ON instruction_control.decision;
DROP TRIGGER dba_counts ON instruction_control.instruction;
DROP FUNCTION writer_trigger_count();
DROP TABLE writer_trigger_calls;
