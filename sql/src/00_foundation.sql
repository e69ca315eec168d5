/*
 * instruction_control — install script, built by the Makefile from the files of
 * sql/src/ (one file per section, concatenated in name order).
 *
 * Sections, in dependency order:
 *   Foundation   settings and library checks
 *   Types        domain types in C (control_level, instruction_kind, point_ref, term)
 *   Calendar     working-day calendar: data, cache invalidation, C functions
 *   Registry     acts, instructions, bodies, decision journal, rule triggers
 *   API          functions that take decisions
 *   History      the registry as it stood at the end of a past day (from the journal)
 *   Scheduling   optional pg_cron integration
 *   Sweeps       deadline sweeps, reminders, escalations and the outbox of events
 *   Reporting    plain-typed views for BI tools and the decree's forms (Appendix 5, 8)
 *   Security     roles, privileges and row-level security
 */
\echo Use "CREATE EXTENSION instruction_control" to load this file. \quit

-- ===========================================================================
-- Foundation
-- ===========================================================================

COMMENT ON SCHEMA instruction_control IS
  'instruction_control: control registry for the execution of the President''s acts and instructions (Decree No. 976, as amended by Decree No. 403 of 4 Dec 2023)';

CREATE FUNCTION lib_version()
RETURNS text
AS 'MODULE_PATHNAME', 'ic_lib_version'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION is_blank(t text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_is_blank'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION is_blank(text) IS
  'True for NULL, empty or text without a visible letter, digit, punctuation or symbol (Unicode categories L, N, P, S; fillers such as U+3164 and U+2800 do not count): no basis';

CREATE FUNCTION creating_extension()
RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_creating_extension'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION creating_extension() IS
  'True while the extension''s own script runs (CREATE EXTENSION, ALTER EXTENSION UPDATE): only then is a row marked seeded';

-- The install script is ASCII (scripts/sql_ascii.pl writes it from sql/src):
-- a Kazakh or Russian text comes as unicode_text('\0416...'), which gives it
-- in the database's encoding; a letter the encoding lacks (Kazakh in WIN1251)
-- becomes its nearest Russian letter.  Created first: everything below uses it.
CREATE FUNCTION unicode_text(escaped text)
RETURNS text
AS 'MODULE_PATHNAME', 'ic_unicode_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unicode_text(text) IS
  'Text of an ASCII string with the escapes of U&'''' strings (\XXXX, \+XXXXXX, \\) in the database encoding; Kazakh letters the encoding lacks become their nearest Russian letter (\04D9 -> \0430), other missing characters ?';

COMMENT ON FUNCTION lib_version() IS
  'Version of the loaded shared library; equals pg_extension.extversion unless the library and the SQL scripts were installed from different releases';

-- The registry's group roles (NOLOGIN, created if missing; they belong to the
-- cluster and outlive DROP EXTENSION).  What each may do: the Security section.
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['ic_reader', 'ic_executor', 'ic_controller', 'ic_admin', 'ic_integrator'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
      EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END
$$;
GRANT ic_reader TO ic_executor;
GRANT ic_reader TO ic_controller;
GRANT ic_controller TO ic_admin;
