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
-- seeded_flag_guard), the working-day cache is dropped (calendar_data_changed)
-- and the compiled calendar written again (calendar_compiled_refresh),
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
       AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger g     -- idempotent: run again after new tables
                        WHERE g.tgrelid OPERATOR(pg_catalog.=) c.oid AND g.tgname OPERATOR(pg_catalog.=) 'restore_load')
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

-- ---------------------------------------------------------------------------
-- A restore by a role that is not a superuser (README, Backup, dump and
-- restore).  The extension is not trusted (C functions, SECURITY DEFINER
-- functions), so a superuser runs CREATE EXTENSION; its tables then belong to
-- that superuser and have row-level security, so the role that restores needs
-- INSERT on each configuration table (SELECT and DELETE too on the rule data,
-- where a restored tombstone deletes a seeded row), REFERENCES for the host's
-- foreign keys to them, UPDATE on each of their sequences (setval), the
-- settings of a restore and BYPASSRLS (COPY FROM is refused on a
-- table whose policies apply).  restore_grant() gives the first three for the
-- time of the restore (BYPASSRLS is a role attribute: the superuser gives it
-- with ALTER ROLE, knowingly); restore_revoke() takes them back, so the next
-- dump does not carry them.  Superuser only: nothing is granted to PUBLIC.
-- ---------------------------------------------------------------------------

CREATE FUNCTION restore_privileges(grantee regrole, give boolean)
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  obj record;
  n integer := 0;
BEGIN
  IF NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname OPERATOR(pg_catalog.=) current_user) THEN
    RAISE EXCEPTION 'only a superuser lets a role restore the registry'
      USING ERRCODE = '42501',
            DETAIL = format('%s is not a superuser; the privileges of a restore are the registry''s whole content.', current_user),
            HINT = 'A superuser runs SELECT instruction_control.restore_grant(''role''), and restore_revoke(''role'') after the restore.';
  END IF;
  IF give AND NOT (SELECT r.rolbypassrls OR r.rolsuper FROM pg_catalog.pg_roles r WHERE r.oid OPERATOR(pg_catalog.=) grantee) THEN
    RAISE EXCEPTION 'role % needs BYPASSRLS to restore the registry', grantee
      USING ERRCODE = '42501',
            DETAIL = 'pg_restore loads the tables with COPY FROM and row_security = off, which PostgreSQL refuses on a table with row-level security to a role that neither owns it nor bypasses it.',
            HINT = format('ALTER ROLE %s BYPASSRLS; before the restore, ALTER ROLE %s NOBYPASSRLS; after it.', grantee, grantee);
  END IF;
  -- a restored tombstone deletes a seeded row of rule data as the role that
  -- restores (rule_data_removed_apply): SELECT and DELETE on those tables too
  FOR obj IN
    SELECT c.oid::regclass AS rel, c.relkind,
           EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t
                    WHERE t.tgrelid OPERATOR(pg_catalog.=) c.oid AND t.tgname OPERATOR(pg_catalog.=) 'rule_change_journal') AS rule_data
      FROM pg_catalog.pg_extension e, pg_catalog.pg_class c
     WHERE e.extname OPERATOR(pg_catalog.=) 'instruction_control'
       AND c.oid OPERATOR(pg_catalog.=) ANY (e.extconfig)
     ORDER BY c.relname
  LOOP
    EXECUTE format(CASE WHEN give THEN 'GRANT %s ON %s %s TO %s' ELSE 'REVOKE %s ON %s %s FROM %s' END,
                   CASE WHEN obj.relkind OPERATOR(pg_catalog.=) 'S' THEN 'UPDATE'
                        WHEN obj.rule_data THEN 'INSERT, REFERENCES, SELECT, DELETE' ELSE 'INSERT, REFERENCES' END,
                   CASE obj.relkind WHEN 'S' THEN 'SEQUENCE' ELSE 'TABLE' END, obj.rel, grantee);
    n := n + 1;
  END LOOP;
  EXECUTE format(CASE WHEN give THEN 'GRANT SET ON PARAMETER instruction_control.restore_mode, session_replication_role TO %s'
                      ELSE 'REVOKE SET ON PARAMETER instruction_control.restore_mode, session_replication_role FROM %s' END,
                 grantee);
  RETURN n;
END
$$;
COMMENT ON FUNCTION restore_privileges(regrole, boolean) IS
  'Internal: what restore_grant() gives and restore_revoke() takes back';

CREATE FUNCTION restore_grant(grantee regrole)
RETURNS integer
LANGUAGE sql
SET search_path = pg_catalog, instruction_control, pg_temp
BEGIN ATOMIC
  SELECT instruction_control.restore_privileges(grantee, true);
END;
COMMENT ON FUNCTION restore_grant(regrole) IS
  'Superuser: lets a role that is not a superuser (holding BYPASSRLS) restore the registry''s data into this database: INSERT and REFERENCES on every configuration table (SELECT, DELETE on the rule data, for the tombstones), UPDATE on their sequences, SET on instruction_control.restore_mode and session_replication_role; returns the number of tables and sequences';

CREATE FUNCTION restore_revoke(grantee regrole)
RETURNS integer
LANGUAGE sql
SET search_path = pg_catalog, instruction_control, pg_temp
BEGIN ATOMIC
  SELECT instruction_control.restore_privileges(grantee, false);
END;
COMMENT ON FUNCTION restore_revoke(regrole) IS
  'Superuser: takes back from a role what restore_grant() gave it';

REVOKE EXECUTE ON FUNCTION restore_privileges(regrole, boolean), restore_grant(regrole), restore_revoke(regrole) FROM PUBLIC;
