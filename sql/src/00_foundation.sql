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

-- Collations (issue 17, item 3): user-visible text (sector headings of the
-- forms, labels, names) is sorted and case-folded with these, never with the
-- database's own collation, so one registry gives the same form on a C, a
-- ru_RU and a kk_KZ cluster.  kk follows the Kazakh alphabet (А Ә Б В Г Ғ Д
-- ... К Қ ... Н Ң О Ө ... У Ұ Ү ... Х Һ ... Ы І ... Э Ю Я), ru the Russian one,
-- und is ICU's root order (English, and case folding of any script).  Codes
-- sort by "C".  Where the database cannot use ICU (a server built without it,
-- an SQL_ASCII database) each is a copy of "C": the order of code points, the
-- same on every such cluster.  The form of a language sorts with its collation
-- (README, Collation and locale).
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT * FROM (VALUES ('kk', 'kk-KZ'), ('ru', 'ru-RU'), ('und', 'und')) AS v(name, locale) LOOP
    BEGIN
      EXECUTE pg_catalog.format('CREATE COLLATION instruction_control.%I (provider = icu, locale = %L)', c.name, c.locale);
    EXCEPTION WHEN feature_not_supported THEN
      RAISE WARNING 'collation instruction_control.% is a copy of "C": %', c.name, SQLERRM
        USING HINT = 'ICU collations need a server built with ICU and a database encoding other than SQL_ASCII.';
      EXECUTE pg_catalog.format('CREATE COLLATION instruction_control.%I FROM pg_catalog."C"', c.name);
    END;
  END LOOP;
END
$$;
COMMENT ON COLLATION instruction_control.kk IS 'Kazakh alphabetical order (ICU kk-KZ) for the forms in Kazakh (қазақ әліпбиі бойынша / по казахскому алфавиту)';
COMMENT ON COLLATION instruction_control.ru IS 'Russian alphabetical order (ICU ru-RU) for the forms in Russian (орыс әліпбиі бойынша / по русскому алфавиту)';
COMMENT ON COLLATION instruction_control.und IS 'ICU root order, for English labels and for case folding (lower) of any script independent of the database''s lc_ctype';
