-- ===========================================================================
-- Restore: every configuration table loads in any order (issue 17, item 1)
--
-- CREATE EXTENSION makes the tables and their foreign keys before pg_restore
-- loads a row, and pg_restore -j N loads the tables side by side, in no order
-- the archive keeps (src/registry/restore_load.c).  While
-- instruction_control.restore_mode is on, two statement triggers on every
-- configuration table (ENABLE ALWAYS, so they fire whatever
-- session_replication_role is):
--   restore_load      BEFORE INSERT: refuses text in an encoding the database
--                     may not hold (IC005) on every table alike; on a table
--                     with a foreign key to another configuration table
--                     (argument 'any_order') makes session_replication_role
--                     replica for the statement, so the foreign keys and the
--                     ORIGIN triggers do not fire for rows checked and judged
--                     when first written;
--   restore_load_end  AFTER INSERT: puts session_replication_role back.
-- The triggers that must act on a restored row are ENABLE ALWAYS: a dumped
-- calendar row replaces the seeded row with its key (seeded_row_owner,
-- seeded_flag_guard), the working-day cache is dropped (calendar_data_changed),
-- and a restored instruction, decision or risk report is noted for the next
-- incremental sweep (sweep_change).  The others only pass rows through in
-- restore_mode (server_id, the guards and judges); sql/restore_triggers.sql
-- checks this from the catalog.
-- ===========================================================================

CREATE FUNCTION restore_load() RETURNS trigger
AS 'MODULE_PATHNAME', 'ic_restore_load' LANGUAGE C;
COMMENT ON FUNCTION restore_load() IS
  'Trigger (BEFORE INSERT FOR EACH STATEMENT, restore_mode only): refuses a dump in an encoding the database may not hold (IC005); with argument any_order, loads the statement with session_replication_role = replica (pg_restore -j loads the tables in any order)';
CREATE FUNCTION restore_load_end() RETURNS trigger
AS 'MODULE_PATHNAME', 'ic_restore_load_end' LANGUAGE C;
COMMENT ON FUNCTION restore_load_end() IS
  'Trigger (AFTER INSERT FOR EACH STATEMENT, restore_mode only): puts back the session_replication_role restore_load changed for the statement';
REVOKE EXECUTE ON FUNCTION restore_load(), restore_load_end() FROM PUBLIC;

DO $$
DECLARE
  t regclass;
  any_order boolean;
BEGIN
  FOR t, any_order IN
    SELECT c.oid::regclass,
           EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k
                    WHERE k.conrelid OPERATOR(pg_catalog.=) c.oid AND k.contype OPERATOR(pg_catalog.=) 'f'
                      AND k.confrelid OPERATOR(pg_catalog.<>) c.oid
                      AND k.confrelid OPERATOR(pg_catalog.=) ANY (e.extconfig))
      FROM pg_catalog.pg_extension e, pg_catalog.pg_class c
     WHERE e.extname OPERATOR(pg_catalog.=) 'instruction_control'
       AND c.oid OPERATOR(pg_catalog.=) ANY (e.extconfig) AND c.relkind OPERATOR(pg_catalog.=) 'r'
     ORDER BY c.relname
  LOOP
    EXECUTE format('CREATE TRIGGER restore_load BEFORE INSERT ON %s FOR EACH STATEMENT'
                   ' WHEN (instruction_control.restore_mode()) EXECUTE FUNCTION instruction_control.restore_load(%s)',
                   t, CASE WHEN any_order THEN '''any_order''' ELSE '' END);
    EXECUTE format('CREATE TRIGGER restore_load_end AFTER INSERT ON %s FOR EACH STATEMENT'
                   ' WHEN (instruction_control.restore_mode()) EXECUTE FUNCTION instruction_control.restore_load_end()', t);
    EXECUTE format('ALTER TABLE %s ENABLE ALWAYS TRIGGER restore_load, ENABLE ALWAYS TRIGGER restore_load_end', t);
  END LOOP;
END
$$;

ALTER TABLE calendar_year ENABLE ALWAYS TRIGGER seeded_flag_guard, ENABLE ALWAYS TRIGGER seeded_row_owner,
  ENABLE ALWAYS TRIGGER calendar_data_changed;
ALTER TABLE calendar_holiday_rule ENABLE ALWAYS TRIGGER seeded_flag_guard, ENABLE ALWAYS TRIGGER seeded_row_owner;
ALTER TABLE calendar_day ENABLE ALWAYS TRIGGER seeded_flag_guard, ENABLE ALWAYS TRIGGER seeded_row_owner,
  ENABLE ALWAYS TRIGGER calendar_data_changed;
ALTER TABLE instruction ENABLE ALWAYS TRIGGER sweep_change;
ALTER TABLE decision ENABLE ALWAYS TRIGGER sweep_change;
ALTER TABLE report ENABLE ALWAYS TRIGGER sweep_change;
