-- ===========================================================================
-- The guard on DDL of the extension's tables (issue 19, CREATE EXTENSION time)
--
-- The event trigger of refuse_member_ddl() (Embedding section) is created as
-- the last statement of the install script: created earlier, it would fire
-- for every ALTER TABLE, CREATE TRIGGER and CREATE POLICY of the script's own
-- later sections (the text limits, row security, the restore triggers), each
-- time running its function only to find that the command belongs to the
-- extension.  Where it is created changes nothing in the catalog.
-- ===========================================================================

CREATE EVENT TRIGGER instruction_control_member_ddl ON ddl_command_end
  WHEN TAG IN ('ALTER TABLE', 'ALTER INDEX', 'CREATE INDEX', 'CREATE TRIGGER', 'CREATE RULE',
               'CREATE POLICY', 'ALTER POLICY', 'CREATE STATISTICS', 'ALTER TRIGGER')
  EXECUTE FUNCTION refuse_member_ddl();
