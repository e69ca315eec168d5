-- CREATE EXTENSION's work, counted from the catalog's statistics, not timed (issue 19): the script's
-- own DDL does not run the guard on DDL of the extension's tables (its event trigger is created last),
-- the seed data does not ask pg_extension once per row whether the extension's script is running,
-- and the built script gives consecutive comments one DO block and a table's consecutive constraints
-- one ALTER TABLE.  The guard still refuses a DBA's DDL once the extension is installed (IC404).
-- What the script sets for its own run (lz4 for its catalog rows) is not left in the session: every
-- row of pg_settings is compared before and after, so a setting added later is covered too.
BEGIN;
SET client_min_messages = error;
DROP EXTENSION IF EXISTS instruction_control CASCADE;
SET track_functions = 'all';
SET default_toast_compression = pglz;
SELECT coalesce(sum(idx_scan), 0) + coalesce(sum(seq_scan), 0) AS ext_scans_before
  FROM pg_stat_xact_sys_tables WHERE relname = 'pg_extension' \gset
CREATE TEMP TABLE settings_before AS SELECT name, setting, source FROM pg_settings;
CREATE EXTENSION instruction_control;
CREATE TEMP TABLE settings_changed AS
  SELECT name, setting, source FROM settings_before EXCEPT SELECT name, setting, source FROM pg_settings;
-- counted before plan(): pgTAP's own temporary tables fire the event trigger
SELECT coalesce(sum(calls), 0) AS guard_calls FROM pg_stat_xact_user_functions
 WHERE schemaname = 'instruction_control' AND funcname = 'refuse_member_ddl' \gset
SELECT current_setting('default_toast_compression') AS compression_after \gset
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SELECT plan(11);

SELECT is(:guard_calls::numeric, 0::numeric,
  'issue 19: CREATE EXTENSION runs no refuse_member_ddl() for its own ALTER TABLE, CREATE TRIGGER and CREATE POLICY');
SELECT cmp_ok((SELECT coalesce(sum(calls), 0) FROM pg_stat_xact_user_functions
                WHERE schemaname = 'instruction_control' AND funcname = 'creating_extension'), '>', 1000::numeric,
  'the seed data asks creating_extension() once per row (so the next check means something)');
SELECT cmp_ok((SELECT coalesce(sum(idx_scan), 0) + coalesce(sum(seq_scan), 0) - :ext_scans_before
                 FROM pg_stat_xact_sys_tables WHERE relname = 'pg_extension'), '<', 200::numeric,
  'issue 19: creating_extension() keeps its answer for the extension being created (pg_extension is not scanned per seeded row)');
SELECT is((SELECT evtenabled::text FROM pg_event_trigger WHERE evtname = 'instruction_control_member_ddl'), 'O',
  'the event trigger created last by the script is there and enabled');
SELECT throws_ok($$CREATE INDEX ON instruction_control.calendar_day (name)$$, 'IC404', NULL,
  'after CREATE EXTENSION the guard refuses an index on a table of the extension');

-- The script compresses its largest catalog rows with lz4 (src/common/script_settings.c), for its
-- own run only: the session's setting is the one it had before.
SELECT is(:'compression_after'::text, 'pglz',
  'issue 19: CREATE EXTENSION leaves the session''s default_toast_compression as it was');
SELECT is((SELECT array_agg(DISTINCT pg_column_compression(r.ev_action))
             FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class
            WHERE c.relnamespace = 'instruction_control'::regnamespace
              AND pg_column_compression(r.ev_action) IS NOT NULL),
          CASE WHEN (SELECT 'lz4' = ANY (enumvals) FROM pg_settings WHERE name = 'default_toast_compression')
               THEN ARRAY['lz4'] ELSE ARRAY['pglz'] END::text[],
  'issue 19: the views'' rules the script wrote are compressed with lz4, none with pglz (a server built without lz4: pglz)');
SELECT is_empty('SELECT * FROM settings_changed',
  'issue 19: CREATE EXTENSION changes none of the session''s settings (what the script sets is for its own run)');
SELECT hasnt_function('instruction_control', 'install_script_settings', ARRAY[]::text[],
  'the script drops the function that made its settings');

-- The install script as built (sql_ascii.pl) and installed.
SELECT pg_read_file((SELECT setting FROM pg_config WHERE name = 'SHAREDIR') || '/extension/instruction_control--'
                    || (SELECT extversion FROM pg_extension WHERE extname = 'instruction_control') || '.sql') AS script \gset
SELECT is((SELECT count(*) FROM regexp_matches(:'script',
             ' END \$ic_comment\$;(\s|--[^\n]*\n)*DO \$ic_comment\$ BEGIN ', 'g')), 0::bigint,
  'issue 19: no comment has a DO block of its own right after another one''s');
SELECT is((SELECT count(*) FROM regexp_matches(:'script',
             '\nALTER TABLE (\w+) ADD CONSTRAINT [^\n]*;\nALTER TABLE \1 ADD CONSTRAINT ', 'g')), 0::bigint,
  'issue 19: constraints added to one table one after another are one ALTER TABLE');

SELECT * FROM finish();
ROLLBACK;
