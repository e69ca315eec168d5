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

-- For this script's run only (src/common/script_settings.c): the largest
-- catalog rows it writes (views' rules, long function bodies) are compressed
-- with lz4 rather than pglz (issue 19, CREATE EXTENSION time).  The setting is
-- put back when the script ends; the function is dropped at once.
CREATE FUNCTION install_script_settings() RETURNS void
AS 'MODULE_PATHNAME', 'ic_install_script_settings' LANGUAGE C;
SELECT install_script_settings();
DROP FUNCTION install_script_settings();

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
--
-- Roles are cluster-wide: a second database with the extension, or a role a
-- DBA made before, already has the name.  Such a role is adopted explicitly
-- (README, Security > Roles: one cluster, several databases):
--   - a role with LOGIN, SUPERUSER, CREATEROLE, BYPASSRLS or REPLICATION is
--     refused (IC010): row security and the jobs below mean nothing for it;
--   - otherwise one WARNING names every adopted role and says where it came
--     from: created by the extension in another database (the COMMENT ON ROLE
--     marker written here) or a role of the same name made by someone else;
--     the members of the latter get the registry's rights: a WARNING names them.
--     (A WARNING, not a NOTICE: CREATE EXTENSION runs its script with
--     client_min_messages at least WARNING, so a NOTICE would never be seen.)
-- A role the extension creates gets the marker; a foreign role's comment is
-- left as it is.
DO $$
DECLARE
  marker constant text := 'instruction_control group role';
  r text;
  ro record;
  note text;
  members text;
  adopted text[] := '{}';
  origins text[] := '{}';
BEGIN
  FOREACH r IN ARRAY ARRAY['ic_reader', 'ic_executor', 'ic_controller', 'ic_admin', 'ic_integrator'] LOOP
    SELECT a.oid, a.rolsuper, a.rolcanlogin, a.rolcreaterole, a.rolbypassrls, a.rolreplication
      INTO ro FROM pg_catalog.pg_roles a WHERE a.rolname OPERATOR(pg_catalog.=) r;
    IF NOT FOUND THEN
      EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
      EXECUTE pg_catalog.format('COMMENT ON ROLE %I IS %L', r,
        marker || ', created by CREATE EXTENSION instruction_control in database '
        || pg_catalog.quote_ident(pg_catalog.current_database()));
      CONTINUE;
    END IF;
    IF ro.rolsuper OR ro.rolcanlogin OR ro.rolcreaterole OR ro.rolbypassrls OR ro.rolreplication THEN
      RAISE EXCEPTION 'role % exists with attributes a registry group role must not have', r
        USING ERRCODE = 'IC010',
              DETAIL = pg_catalog.format('Roles belong to the cluster; the existing role %I has%s%s%s%s%s. A group role of the registry is NOLOGIN and holds nothing beyond its job: SUPERUSER and BYPASSRLS skip row-level security, LOGIN lets whoever knows its password act as the whole group, CREATEROLE and REPLICATION reach beyond the registry.',
                         r, CASE WHEN ro.rolsuper THEN ' SUPERUSER' ELSE '' END,
                         CASE WHEN ro.rolcanlogin THEN ' LOGIN' ELSE '' END,
                         CASE WHEN ro.rolcreaterole THEN ' CREATEROLE' ELSE '' END,
                         CASE WHEN ro.rolbypassrls THEN ' BYPASSRLS' ELSE '' END,
                         CASE WHEN ro.rolreplication THEN ' REPLICATION' ELSE '' END),
              HINT = pg_catalog.format('If the role is meant for the registry: ALTER ROLE %I NOSUPERUSER NOLOGIN NOCREATEROLE NOBYPASSRLS NOREPLICATION; otherwise rename it (ALTER ROLE %I RENAME TO ...), then CREATE EXTENSION again.', r, r);
    END IF;
    note := pg_catalog.shobj_description(ro.oid, 'pg_authid');
    IF pg_catalog.starts_with(note, marker) THEN
      origins := origins || pg_catalog.substr(note, pg_catalog.length(marker) + 3);
    ELSE
      origins := origins || 'existing roles not created by instruction_control'::text;
      SELECT pg_catalog.string_agg(pg_catalog.quote_ident(m.rolname), ', ' ORDER BY m.rolname) INTO members
        FROM pg_catalog.pg_auth_members am JOIN pg_catalog.pg_roles m ON m.oid OPERATOR(pg_catalog.=) am.member
       WHERE am.roleid OPERATOR(pg_catalog.=) ro.oid
         AND m.rolname OPERATOR(pg_catalog.<>) ALL (ARRAY['ic_executor', 'ic_controller', 'ic_admin']::name[]);
      IF members IS NOT NULL THEN
        RAISE WARNING 'the members of the existing role % get the registry''s rights of %', r, r
          USING DETAIL = pg_catalog.format('Role %I was not created by instruction_control; its members: %s.', r, members),
                HINT = pg_catalog.format('Revoke the role from those who should not have the registry''s job (REVOKE %I FROM ...).', r);
      END IF;
    END IF;
    adopted := adopted || r;
  END LOOP;
  IF pg_catalog.cardinality(adopted) > 0 THEN
    RAISE WARNING 'instruction_control adopts the existing roles %', pg_catalog.array_to_string(adopted, ', ')
      USING DETAIL = 'Roles belong to the cluster, not to a database: '
                     || (SELECT pg_catalog.string_agg(g.roles || ': ' || g.origin, '; ' ORDER BY g.first)
                           FROM (SELECT o.origin, pg_catalog.string_agg(o.role, ', ' ORDER BY o.n) AS roles, pg_catalog.min(o.n) AS first
                                   FROM ROWS FROM (pg_catalog.unnest(adopted), pg_catalog.unnest(origins)) WITH ORDINALITY AS o(role, origin, n)
                                  GROUP BY o.origin) g) || '.',
            HINT = 'Their members have the same job in every database of this cluster that has the extension; which state bodies they act for (body_member) is per database.';
  END IF;
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
