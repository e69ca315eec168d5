/*
 * instruction_control -- install script, built by the Makefile from the files of
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
  'True for NULL, empty or white-space-only text, Unicode spaces too (U+00A0, U+2000-U+200B, U+3000, U+FEFF): no basis';

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
-- ===========================================================================
-- Types
-- ===========================================================================
--
-- control_level (R42-1), instruction_kind (R4.2, R42) and point_ref: small
-- exact types in C.  control_level and instruction_kind are one byte, passed
-- by value, ordered by their number; input accepts the codes and the Kazakh,
-- Russian and English names a host registry uses, output is the code, and
-- label(value, lang) gives the name in kk, ru or en.  point_ref is the number
-- of a point inside an act ("1.42-1.5)"), ordered naturally, with @>/<@ for
-- ancestry that the planner turns into a btree range.

-- ---------------------------------------------------------------------------
-- control_level
-- ---------------------------------------------------------------------------

CREATE TYPE control_level;

CREATE FUNCTION control_level_in(cstring) RETURNS control_level
AS 'MODULE_PATHNAME', 'ic_control_level_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION control_level_out(control_level) RETURNS cstring
AS 'MODULE_PATHNAME', 'ic_control_level_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION control_level_recv(internal) RETURNS control_level
AS 'MODULE_PATHNAME', 'ic_control_level_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION control_level_send(control_level) RETURNS bytea
AS 'MODULE_PATHNAME', 'ic_control_level_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE control_level (
  INPUT = control_level_in,
  OUTPUT = control_level_out,
  RECEIVE = control_level_recv,
  SEND = control_level_send,
  INTERNALLENGTH = 1,
  PASSEDBYVALUE,
  ALIGNMENT = char,
  STORAGE = plain
);

COMMENT ON TYPE control_level IS
  'Level an instruction is controlled at (R42-1): pa > government > central > local > organisation; input also takes Kazakh/Russian/English names, output is the code';
COMMENT ON FUNCTION control_level_in(cstring) IS 'Input of control_level: a code or a Kazakh, Russian or English name, case-insensitive';
COMMENT ON FUNCTION control_level_out(control_level) IS 'Output of control_level: the code';
COMMENT ON FUNCTION control_level_recv(internal) IS 'Binary input of control_level: one byte, 1 (organisation) to 5 (pa)';
COMMENT ON FUNCTION control_level_send(control_level) IS 'Binary output of control_level: one byte, 1 (organisation) to 5 (pa)';

CREATE FUNCTION control_level_cmp(control_level, control_level) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_control_level_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION control_level_lt(control_level, control_level) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_control_level_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION control_level_le(control_level, control_level) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_control_level_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION control_level_eq(control_level, control_level) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_control_level_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION control_level_ne(control_level, control_level) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_control_level_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION control_level_ge(control_level, control_level) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_control_level_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION control_level_gt(control_level, control_level) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_control_level_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION control_level_hash(control_level) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_control_level_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION control_level_hash_extended(control_level, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'ic_control_level_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION control_level_cmp(control_level, control_level) IS 'btree support: -1, 0, 1 by the order of R42-1';
COMMENT ON FUNCTION control_level_lt(control_level, control_level) IS 'Implementation of < for control_level';
COMMENT ON FUNCTION control_level_le(control_level, control_level) IS 'Implementation of <= for control_level';
COMMENT ON FUNCTION control_level_eq(control_level, control_level) IS 'Implementation of = for control_level';
COMMENT ON FUNCTION control_level_ne(control_level, control_level) IS 'Implementation of <> for control_level';
COMMENT ON FUNCTION control_level_ge(control_level, control_level) IS 'Implementation of >= for control_level';
COMMENT ON FUNCTION control_level_gt(control_level, control_level) IS 'Implementation of > for control_level';
COMMENT ON FUNCTION control_level_hash(control_level) IS 'hash support for control_level';
COMMENT ON FUNCTION control_level_hash_extended(control_level, bigint) IS 'seeded hash support for control_level (hash partitioning)';

CREATE OPERATOR < (LEFTARG = control_level, RIGHTARG = control_level, FUNCTION = control_level_lt,
  COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = control_level, RIGHTARG = control_level, FUNCTION = control_level_le,
  COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR = (LEFTARG = control_level, RIGHTARG = control_level, FUNCTION = control_level_eq,
  COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = control_level, RIGHTARG = control_level, FUNCTION = control_level_ne,
  COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR >= (LEFTARG = control_level, RIGHTARG = control_level, FUNCTION = control_level_ge,
  COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel);
CREATE OPERATOR > (LEFTARG = control_level, RIGHTARG = control_level, FUNCTION = control_level_gt,
  COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel);

COMMENT ON OPERATOR < (control_level, control_level) IS 'lower level of control than (R42-1)';
COMMENT ON OPERATOR <= (control_level, control_level) IS 'lower or the same level of control (R42-1)';
COMMENT ON OPERATOR = (control_level, control_level) IS 'the same level of control';
COMMENT ON OPERATOR <> (control_level, control_level) IS 'a different level of control';
COMMENT ON OPERATOR >= (control_level, control_level) IS 'higher or the same level of control (R42-1)';
COMMENT ON OPERATOR > (control_level, control_level) IS 'higher level of control than (R42-1)';

CREATE OPERATOR CLASS control_level_ops DEFAULT FOR TYPE control_level USING btree AS
  OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
  FUNCTION 1 control_level_cmp(control_level, control_level),
  FUNCTION 4 btequalimage(oid);
CREATE OPERATOR CLASS control_level_hash_ops DEFAULT FOR TYPE control_level USING hash AS
  OPERATOR 1 =,
  FUNCTION 1 control_level_hash(control_level),
  FUNCTION 2 control_level_hash_extended(control_level, bigint);

CREATE FUNCTION label(control_level, lang text DEFAULT 'en') RETURNS text
AS 'MODULE_PATHNAME', 'ic_control_level_label_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON FUNCTION label(control_level, text) IS %L',
  instruction_control.unicode_text('Name of the control level in kk (Kazakh), ru (Russian) or en (English), e.g. label(''pa'', ''kk'') = ''\041F\0440\0435\0437\0438\0434\0435\043D\0442 \04D8\043A\0456\043C\0448\0456\043B\0456\0433\0456''')); END $ic_comment$;

CREATE FUNCTION control_levels() RETURNS SETOF control_level
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 5
AS $$ SELECT v::instruction_control.control_level
        FROM pg_catalog.unnest(ARRAY['organisation', 'local', 'central', 'government', 'pa']) AS v $$;
COMMENT ON FUNCTION control_levels() IS 'Every control level, lowest first (R42-1)';

-- ---------------------------------------------------------------------------
-- instruction_kind
-- ---------------------------------------------------------------------------

CREATE TYPE instruction_kind;

CREATE FUNCTION instruction_kind_in(cstring) RETURNS instruction_kind
AS 'MODULE_PATHNAME', 'ic_instruction_kind_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION instruction_kind_out(instruction_kind) RETURNS cstring
AS 'MODULE_PATHNAME', 'ic_instruction_kind_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION instruction_kind_recv(internal) RETURNS instruction_kind
AS 'MODULE_PATHNAME', 'ic_instruction_kind_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION instruction_kind_send(instruction_kind) RETURNS bytea
AS 'MODULE_PATHNAME', 'ic_instruction_kind_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE instruction_kind (
  INPUT = instruction_kind_in,
  OUTPUT = instruction_kind_out,
  RECEIVE = instruction_kind_recv,
  SEND = instruction_kind_send,
  INTERNALLENGTH = 1,
  PASSEDBYVALUE,
  ALIGNMENT = char,
  STORAGE = plain
);

COMMENT ON TYPE instruction_kind IS
  'Kind of instruction the rules distinguish (R4.2, R42): act_point, event, security_council, assembly, personal, personal_published, document, national_plan';
COMMENT ON FUNCTION instruction_kind_in(cstring) IS 'Input of instruction_kind: a code or a Kazakh, Russian or English name, case-insensitive';
COMMENT ON FUNCTION instruction_kind_out(instruction_kind) IS 'Output of instruction_kind: the code';
COMMENT ON FUNCTION instruction_kind_recv(internal) IS 'Binary input of instruction_kind: one byte, 1 (act_point) to 8 (national_plan)';
COMMENT ON FUNCTION instruction_kind_send(instruction_kind) IS 'Binary output of instruction_kind: one byte, 1 (act_point) to 8 (national_plan)';

CREATE FUNCTION instruction_kind_cmp(instruction_kind, instruction_kind) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_instruction_kind_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION instruction_kind_lt(instruction_kind, instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_instruction_kind_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION instruction_kind_le(instruction_kind, instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_instruction_kind_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION instruction_kind_eq(instruction_kind, instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_instruction_kind_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION instruction_kind_ne(instruction_kind, instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_instruction_kind_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION instruction_kind_ge(instruction_kind, instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_instruction_kind_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION instruction_kind_gt(instruction_kind, instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_instruction_kind_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION instruction_kind_hash(instruction_kind) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_instruction_kind_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION instruction_kind_hash_extended(instruction_kind, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'ic_instruction_kind_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION instruction_kind_cmp(instruction_kind, instruction_kind) IS 'btree support: -1, 0, 1 in the order of the codes'' numbers (act_point first)';
COMMENT ON FUNCTION instruction_kind_lt(instruction_kind, instruction_kind) IS 'Implementation of < for instruction_kind';
COMMENT ON FUNCTION instruction_kind_le(instruction_kind, instruction_kind) IS 'Implementation of <= for instruction_kind';
COMMENT ON FUNCTION instruction_kind_eq(instruction_kind, instruction_kind) IS 'Implementation of = for instruction_kind';
COMMENT ON FUNCTION instruction_kind_ne(instruction_kind, instruction_kind) IS 'Implementation of <> for instruction_kind';
COMMENT ON FUNCTION instruction_kind_ge(instruction_kind, instruction_kind) IS 'Implementation of >= for instruction_kind';
COMMENT ON FUNCTION instruction_kind_gt(instruction_kind, instruction_kind) IS 'Implementation of > for instruction_kind';
COMMENT ON FUNCTION instruction_kind_hash(instruction_kind) IS 'hash support for instruction_kind';
COMMENT ON FUNCTION instruction_kind_hash_extended(instruction_kind, bigint) IS 'seeded hash support for instruction_kind (hash partitioning)';

CREATE OPERATOR < (LEFTARG = instruction_kind, RIGHTARG = instruction_kind, FUNCTION = instruction_kind_lt,
  COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = instruction_kind, RIGHTARG = instruction_kind, FUNCTION = instruction_kind_le,
  COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR = (LEFTARG = instruction_kind, RIGHTARG = instruction_kind, FUNCTION = instruction_kind_eq,
  COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = instruction_kind, RIGHTARG = instruction_kind, FUNCTION = instruction_kind_ne,
  COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR >= (LEFTARG = instruction_kind, RIGHTARG = instruction_kind, FUNCTION = instruction_kind_ge,
  COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel);
CREATE OPERATOR > (LEFTARG = instruction_kind, RIGHTARG = instruction_kind, FUNCTION = instruction_kind_gt,
  COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel);

COMMENT ON OPERATOR < (instruction_kind, instruction_kind) IS 'sorts before (act_point first, national_plan last)';
COMMENT ON OPERATOR <= (instruction_kind, instruction_kind) IS 'sorts before or equal';
COMMENT ON OPERATOR = (instruction_kind, instruction_kind) IS 'the same kind';
COMMENT ON OPERATOR <> (instruction_kind, instruction_kind) IS 'a different kind';
COMMENT ON OPERATOR >= (instruction_kind, instruction_kind) IS 'sorts after or equal';
COMMENT ON OPERATOR > (instruction_kind, instruction_kind) IS 'sorts after';

CREATE OPERATOR CLASS instruction_kind_ops DEFAULT FOR TYPE instruction_kind USING btree AS
  OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
  FUNCTION 1 instruction_kind_cmp(instruction_kind, instruction_kind),
  FUNCTION 4 btequalimage(oid);
CREATE OPERATOR CLASS instruction_kind_hash_ops DEFAULT FOR TYPE instruction_kind USING hash AS
  OPERATOR 1 =,
  FUNCTION 1 instruction_kind_hash(instruction_kind),
  FUNCTION 2 instruction_kind_hash_extended(instruction_kind, bigint);

CREATE FUNCTION label(instruction_kind, lang text DEFAULT 'en') RETURNS text
AS 'MODULE_PATHNAME', 'ic_instruction_kind_label_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION label(instruction_kind, text) IS
  'Name of the kind of instruction in kk (Kazakh), ru (Russian) or en (English)';

CREATE FUNCTION instruction_kinds() RETURNS SETOF instruction_kind
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 8
AS $$ SELECT v::instruction_control.instruction_kind
        FROM pg_catalog.unnest(ARRAY['act_point', 'event', 'security_council', 'assembly', 'personal',
                          'personal_published', 'document', 'national_plan']) AS v $$;
COMMENT ON FUNCTION instruction_kinds() IS 'Every kind of instruction, in their order (R4.2, R42)';

-- The predicates the rules ask of a kind (instruction_kind_core.c).
CREATE FUNCTION is_personal(instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_is_personal' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION is_personal(instruction_kind) IS
  'True for personal and personal_published: executed within two weeks of signing (R51), removed from control only by the President (R77)';
CREATE FUNCTION is_published_personal(instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_is_published_personal' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION is_published_personal(instruction_kind) IS
  'True for personal_published: a personal instruction published on social media or in mass media, extended by the general rules (the exception of R74)';
CREATE FUNCTION extension_only_by_president(instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_extension_only_by_president' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION extension_only_by_president(instruction_kind) IS
  'True for personal (not published): its deadline is extended only by the President (R74)';
CREATE FUNCTION is_security_council(instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_is_security_council' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION is_security_council(instruction_kind) IS
  'True for security_council: the Secretary of the Security Council decides (R66-1.3, R69.2, R70.5, R72.3, R76.4)';
CREATE FUNCTION is_national_plan(instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_is_national_plan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION is_national_plan(instruction_kind) IS
  'True for national_plan: a repeated extension only by the President, in exceptional cases (R72.1)';
CREATE FUNCTION requires_pa_control(instruction_kind) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_requires_pa_control' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION requires_pa_control(instruction_kind) IS
  'True for security_council, assembly, personal and personal_published: put on the control of the Presidential Administration (R42-1.1)';

-- ---------------------------------------------------------------------------
-- point_ref
-- ---------------------------------------------------------------------------

CREATE TYPE point_ref;

CREATE FUNCTION point_ref_in(cstring) RETURNS point_ref
AS 'MODULE_PATHNAME', 'ic_point_ref_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION point_ref_out(point_ref) RETURNS cstring
AS 'MODULE_PATHNAME', 'ic_point_ref_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION point_ref_recv(internal) RETURNS point_ref
AS 'MODULE_PATHNAME', 'ic_point_ref_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION point_ref_send(point_ref) RETURNS bytea
AS 'MODULE_PATHNAME', 'ic_point_ref_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE point_ref (
  INPUT = point_ref_in,
  OUTPUT = point_ref_out,
  RECEIVE = point_ref_recv,
  SEND = point_ref_send,
  INTERNALLENGTH = VARIABLE,
  STORAGE = extended
);

COMMENT ON TYPE point_ref IS
  'Number of a point inside an act or instruction, e.g. 1.42-1.5); natural order (42 < 42-1 < 43), a point before its sub-points; @> and <@ for ancestry';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON FUNCTION point_ref_in(cstring) IS %L',
  instruction_control.unicode_text('Input of point_ref: dot-separated segments like 42, 42-1, 5); spaces and the words \0442\0430\0440\043C\0430\049B, \0442\0430\0440\043C\0430\049B\0448\0430, \043F\0443\043D\043A\0442, \043F\043E\0434\043F\0443\043D\043A\0442, \043F. are dropped')); END $ic_comment$;
COMMENT ON FUNCTION point_ref_out(point_ref) IS 'Output of point_ref: the canonical text, e.g. 1.42-1.5)';
COMMENT ON FUNCTION point_ref_recv(internal) IS 'Binary input of point_ref: version byte 1, then the text';
COMMENT ON FUNCTION point_ref_send(point_ref) IS 'Binary output of point_ref: version byte 1, then the canonical text';

CREATE FUNCTION point_ref_cmp(point_ref, point_ref) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_point_ref_cmp_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION point_ref_lt(point_ref, point_ref) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_point_ref_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION point_ref_le(point_ref, point_ref) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_point_ref_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION point_ref_eq(point_ref, point_ref) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_point_ref_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION point_ref_ne(point_ref, point_ref) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_point_ref_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION point_ref_ge(point_ref, point_ref) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_point_ref_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION point_ref_gt(point_ref, point_ref) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_point_ref_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION point_ref_hash(point_ref) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_point_ref_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION point_ref_hash_extended(point_ref, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'ic_point_ref_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;

COMMENT ON FUNCTION point_ref_cmp(point_ref, point_ref) IS 'btree support: -1, 0, 1 in the natural order of point numbers';
COMMENT ON FUNCTION point_ref_lt(point_ref, point_ref) IS 'Implementation of < for point_ref';
COMMENT ON FUNCTION point_ref_le(point_ref, point_ref) IS 'Implementation of <= for point_ref';
COMMENT ON FUNCTION point_ref_eq(point_ref, point_ref) IS 'Implementation of = for point_ref';
COMMENT ON FUNCTION point_ref_ne(point_ref, point_ref) IS 'Implementation of <> for point_ref';
COMMENT ON FUNCTION point_ref_ge(point_ref, point_ref) IS 'Implementation of >= for point_ref';
COMMENT ON FUNCTION point_ref_gt(point_ref, point_ref) IS 'Implementation of > for point_ref';
COMMENT ON FUNCTION point_ref_hash(point_ref) IS 'hash support for point_ref';
COMMENT ON FUNCTION point_ref_hash_extended(point_ref, bigint) IS 'seeded hash support for point_ref (hash partitioning)';

CREATE OPERATOR < (LEFTARG = point_ref, RIGHTARG = point_ref, FUNCTION = point_ref_lt,
  COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = point_ref, RIGHTARG = point_ref, FUNCTION = point_ref_le,
  COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR = (LEFTARG = point_ref, RIGHTARG = point_ref, FUNCTION = point_ref_eq,
  COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = point_ref, RIGHTARG = point_ref, FUNCTION = point_ref_ne,
  COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR >= (LEFTARG = point_ref, RIGHTARG = point_ref, FUNCTION = point_ref_ge,
  COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel);
CREATE OPERATOR > (LEFTARG = point_ref, RIGHTARG = point_ref, FUNCTION = point_ref_gt,
  COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel);

COMMENT ON OPERATOR < (point_ref, point_ref) IS 'sorts before, in the natural order of point numbers';
COMMENT ON OPERATOR <= (point_ref, point_ref) IS 'sorts before or equal';
COMMENT ON OPERATOR = (point_ref, point_ref) IS 'the same point number';
COMMENT ON OPERATOR <> (point_ref, point_ref) IS 'a different point number';
COMMENT ON OPERATOR >= (point_ref, point_ref) IS 'sorts after or equal';
COMMENT ON OPERATOR > (point_ref, point_ref) IS 'sorts after, in the natural order of point numbers';

CREATE OPERATOR CLASS point_ref_ops DEFAULT FOR TYPE point_ref USING btree AS
  OPERATOR 1 <, OPERATOR 2 <=, OPERATOR 3 =, OPERATOR 4 >=, OPERATOR 5 >,
  FUNCTION 1 point_ref_cmp(point_ref, point_ref),
  FUNCTION 4 btequalimage(oid);
CREATE OPERATOR CLASS point_ref_hash_ops DEFAULT FOR TYPE point_ref USING hash AS
  OPERATOR 1 =,
  FUNCTION 1 point_ref_hash(point_ref),
  FUNCTION 2 point_ref_hash_extended(point_ref, bigint);

CREATE FUNCTION depth(point_ref) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_point_ref_depth_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION depth(point_ref) IS 'Number of segments: depth(''1.42-1.5)'') = 3';

CREATE FUNCTION parent(point_ref) RETURNS point_ref
AS 'MODULE_PATHNAME', 'ic_point_ref_parent_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION parent(point_ref) IS 'The point without its last segment: parent(''1.42-1.5)'') = ''1.42-1''; NULL at depth 1';

CREATE FUNCTION point_ref_subtree_last(point_ref) RETURNS point_ref
AS 'MODULE_PATHNAME', 'ic_point_ref_subtree_last_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION point_ref_subtree_last(point_ref) IS
  'Greatest point number in p''s subtree, its last sub-point of at most 1024 bytes (''42'' gives ''42.99999999-99999999-...''): ref >= p AND ref <= point_ref_subtree_last(p) is p''s subtree as one btree range';

CREATE FUNCTION point_ref_subtree_upper(point_ref) RETURNS point_ref
AS 'MODULE_PATHNAME', 'ic_point_ref_subtree_upper_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION point_ref_subtree_upper(point_ref) IS
  'Least point number after p and all its sub-points (''42'' gives ''42)'', ''42)'' gives ''42-1''; at the 1024-byte limit the next one that fits); NULL only for the greatest point number of all';

CREATE FUNCTION point_ref_contains(point_ref, point_ref) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_point_ref_contains_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION point_ref_contains(point_ref, point_ref) IS
  'True when the first point is the second or one of its ancestors (a prefix test, as @> but not index-assisted)';

CREATE FUNCTION point_ref(integer) RETURNS point_ref
AS 'MODULE_PATHNAME', 'ic_point_ref_from_int' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION point_ref(integer) IS 'The one-segment point number n (1..99999999)';
CREATE CAST (integer AS point_ref) WITH FUNCTION point_ref(integer);

-- @> and <@ are SQL functions so that the planner inlines them into
-- "ref >= p AND ref <= point_ref_subtree_last(p)", which a btree index on ref
-- answers as one range scan.  The inclusive bound exists for every p, where
-- the exclusive one (point_ref_subtree_upper) does not for the greatest
-- point number.  Not STRICT (inlining needs that); they return NULL for a
-- NULL argument all the same.
CREATE FUNCTION point_ref_ancestor_or_self(point_ref, point_ref) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT $2 OPERATOR(instruction_control.>=) $1
         AND $2 OPERATOR(instruction_control.<=) instruction_control.point_ref_subtree_last($1) $$;
COMMENT ON FUNCTION point_ref_ancestor_or_self(point_ref, point_ref) IS
  'Implementation of @> for point_ref: the first point is the second or an ancestor of it';
CREATE FUNCTION point_ref_descendant_or_self(point_ref, point_ref) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT $1 OPERATOR(instruction_control.>=) $2
         AND $1 OPERATOR(instruction_control.<=) instruction_control.point_ref_subtree_last($2) $$;
COMMENT ON FUNCTION point_ref_descendant_or_self(point_ref, point_ref) IS
  'Implementation of <@ for point_ref: the first point is the second or a sub-point of it';

CREATE OPERATOR @> (LEFTARG = point_ref, RIGHTARG = point_ref, FUNCTION = point_ref_ancestor_or_self,
  COMMUTATOR = <@, RESTRICT = contsel, JOIN = contjoinsel);
CREATE OPERATOR <@ (LEFTARG = point_ref, RIGHTARG = point_ref, FUNCTION = point_ref_descendant_or_self,
  COMMUTATOR = @>, RESTRICT = contsel, JOIN = contjoinsel);
COMMENT ON OPERATOR @> (point_ref, point_ref) IS 'is the same point or an ancestor of (as ltree''s @>): ''42'' @> ''42.5)''';
COMMENT ON OPERATOR <@ (point_ref, point_ref) IS 'is the same point or a sub-point of (as ltree''s <@): ''42.5)'' <@ ''42''';

-- term (calendar)
--
-- A duration of an act's or instruction's term (R50.3, R51): a count of
-- working days, calendar days, weeks or months.  Input in English, Kazakh or
-- Russian ('10 working days', '10 wd', '10 <U+0436><U+04B1><U+043C><U+044B><U+0441> <U+043A><U+04AF><U+043D><U+0456>', '10 <U+0440><U+0430><U+0431><U+043E><U+0447><U+0438><U+0445> <U+0434><U+043D><U+0435><U+0439>',
-- '2 weeks', '2 <U+0430><U+043F><U+0442><U+0430>', '2 <U+043D><U+0435><U+0434><U+0435><U+043B><U+0438>', '6 months', '6 <U+0430><U+0439>', '6 <U+043C><U+0435><U+0441><U+044F><U+0446><U+0435><U+0432>'); output in
-- canonical English.  8 bytes, (count, unit); 1 <= count <= 10000.

CREATE TYPE term;

CREATE FUNCTION term_in(cstring) RETURNS term
AS 'MODULE_PATHNAME', 'ic_sql_term_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION term_out(term) RETURNS cstring
AS 'MODULE_PATHNAME', 'ic_sql_term_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION term_recv(internal) RETURNS term
AS 'MODULE_PATHNAME', 'ic_sql_term_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION term_send(term) RETURNS bytea
AS 'MODULE_PATHNAME', 'ic_sql_term_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE term (
  INPUT = term_in,
  OUTPUT = term_out,
  RECEIVE = term_recv,
  SEND = term_send,
  INTERNALLENGTH = 8,
  ALIGNMENT = int4,
  STORAGE = plain
);

DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON FUNCTION term_in(cstring) IS %L',
  instruction_control.unicode_text('term input: ''10 working days'', ''10 \0436\04B1\043C\044B\0441 \043A\04AF\043D\0456'', ''10 \0440\0430\0431\043E\0447\0438\0445 \0434\043D\0435\0439'', ''2 weeks'', ''6 months''')); END $ic_comment$;
COMMENT ON FUNCTION term_out(term) IS 'term output, canonical English';
COMMENT ON FUNCTION term_recv(internal) IS 'term binary input';
COMMENT ON FUNCTION term_send(term) IS 'term binary output';

COMMENT ON TYPE term IS
  'Term of an act or instruction (R50.3, R51): N working days, days, weeks or months, 1 <= N <= 10000; input in English, Kazakh or Russian, output in canonical English';

CREATE FUNCTION term_cmp(term, term) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_sql_term_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION term_eq(term, term) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_term_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION term_ne(term, term) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_term_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION term_lt(term, term) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_term_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION term_le(term, term) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_term_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION term_gt(term, term) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_term_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION term_ge(term, term) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_term_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
CREATE FUNCTION term_hash(term) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_sql_term_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION term_cmp(term, term) IS 'btree support: order terms by unit, then by count';
COMMENT ON FUNCTION term_eq(term, term) IS 'Terms are equal when unit and count are (''2 weeks'' <> ''14 days'')';
COMMENT ON FUNCTION term_ne(term, term) IS 'Terms differ in unit or count';
COMMENT ON FUNCTION term_lt(term, term) IS 'Term order: by unit, then by count';
COMMENT ON FUNCTION term_le(term, term) IS 'Term order: by unit, then by count';
COMMENT ON FUNCTION term_gt(term, term) IS 'Term order: by unit, then by count';
COMMENT ON FUNCTION term_ge(term, term) IS 'Term order: by unit, then by count';
COMMENT ON FUNCTION term_hash(term) IS 'hash support for term';

CREATE OPERATOR = (LEFTARG = term, RIGHTARG = term, PROCEDURE = term_eq,
  COMMUTATOR = =, NEGATOR = <>, RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR <> (LEFTARG = term, RIGHTARG = term, PROCEDURE = term_ne,
  COMMUTATOR = <>, NEGATOR = =, RESTRICT = neqsel, JOIN = neqjoinsel);
CREATE OPERATOR < (LEFTARG = term, RIGHTARG = term, PROCEDURE = term_lt,
  COMMUTATOR = >, NEGATOR = >=, RESTRICT = scalarltsel, JOIN = scalarltjoinsel);
CREATE OPERATOR <= (LEFTARG = term, RIGHTARG = term, PROCEDURE = term_le,
  COMMUTATOR = >=, NEGATOR = >, RESTRICT = scalarlesel, JOIN = scalarlejoinsel);
CREATE OPERATOR > (LEFTARG = term, RIGHTARG = term, PROCEDURE = term_gt,
  COMMUTATOR = <, NEGATOR = <=, RESTRICT = scalargtsel, JOIN = scalargtjoinsel);
CREATE OPERATOR >= (LEFTARG = term, RIGHTARG = term, PROCEDURE = term_ge,
  COMMUTATOR = <=, NEGATOR = <, RESTRICT = scalargesel, JOIN = scalargejoinsel);

CREATE OPERATOR CLASS term_ops DEFAULT FOR TYPE term USING btree AS
  OPERATOR 1 <,
  OPERATOR 2 <=,
  OPERATOR 3 =,
  OPERATOR 4 >=,
  OPERATOR 5 >,
  FUNCTION 1 term_cmp(term, term);

CREATE OPERATOR CLASS term_hash_ops DEFAULT FOR TYPE term USING hash AS
  OPERATOR 1 =,
  FUNCTION 1 term_hash(term);

CREATE FUNCTION term_count(term) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_sql_term_count' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION term_unit(term) RETURNS text
AS 'MODULE_PATHNAME', 'ic_sql_term_unit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION term_count(term) IS 'Number of units of a term (1 to 10000)';
COMMENT ON FUNCTION term_unit(term) IS 'Unit of a term: working_days, days, weeks or months';

-- ===========================================================================
-- Calendar
-- ===========================================================================
--
-- Deadlines are counted in working days (R50.3).  A calendar is data: a row
-- of calendar (weekend days, covered range), the holiday rules it is
-- generated from, per-day exceptions (holiday, day off, working day) and per
-- year whether the days are decreed (confirmed) or a forecast (generated).
-- The C functions answer from a per-backend cache; a statement-level trigger
-- on the data tables invalidates every backend's cache when a change commits.
--
-- Rows created by CREATE EXTENSION have seeded = true; pg_dump saves only the
-- other rows (pg_extension_config_dump ... 'WHERE NOT seeded').  Updating a
-- seeded row makes it the administrator's (seeded = false), and an
-- administrator's row replaces the seeded row with the same key, so changes
-- survive dump and restore.  Seeded rows cannot be deleted (change them).

CREATE TABLE calendar (
  code          text PRIMARY KEY
                CONSTRAINT calendar_code_format CHECK (code ~ '^[A-Za-z0-9_]{1,16}$'),
  name          text NOT NULL,
  weekend_days  smallint[] NOT NULL DEFAULT '{6,7}'
                CONSTRAINT calendar_weekend_days CHECK (weekend_days <@ '{1,2,3,4,5,6,7}'::smallint[]
                                                      AND array_position(weekend_days, NULL) IS NULL),
  valid_from    date NOT NULL,
  valid_to      date NOT NULL,
  seeded        boolean NOT NULL DEFAULT false,
  CONSTRAINT calendar_range CHECK (valid_from <= valid_to AND isfinite(valid_from) AND isfinite(valid_to)
                                   AND valid_to - valid_from < 146400)
);

COMMENT ON TABLE calendar IS 'Working-day calendars (R50.3); instruction_control.calendar names the default (KZ)';
COMMENT ON COLUMN calendar.code IS 'Calendar code, 1-16 ASCII letters, digits or underscores';
COMMENT ON COLUMN calendar.name IS 'Name of the calendar';
COMMENT ON COLUMN calendar.weekend_days IS 'ISO days of the week that are days off (1 = Monday .. 7 = Sunday)';
COMMENT ON COLUMN calendar.valid_from IS 'First day the calendar covers; earlier dates are an error (IC002)';
COMMENT ON COLUMN calendar.valid_to IS 'Last day the calendar covers; later dates are an error (IC002)';
COMMENT ON COLUMN calendar.seeded IS 'Created by CREATE EXTENSION (not dumped); false for rows an administrator made or changed';

CREATE TABLE calendar_year (
  calendar  text NOT NULL REFERENCES calendar ON UPDATE CASCADE ON DELETE CASCADE,
  year      integer NOT NULL,
  status    text NOT NULL CONSTRAINT calendar_year_status CHECK (status IN ('confirmed', 'generated')),
  basis     text NOT NULL,
  seeded    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, year)
);

COMMENT ON TABLE calendar_year IS 'Per calendar year: confirmed (the Government''s decree is applied) or generated (a forecast from the rules)';
COMMENT ON COLUMN calendar_year.status IS 'confirmed or generated';
COMMENT ON COLUMN calendar_year.basis IS 'Legal basis of the year''s days (the decree on transfers), or how they were generated';
COMMENT ON COLUMN calendar_year.seeded IS 'Created by CREATE EXTENSION (not dumped)';

CREATE TABLE calendar_holiday_rule (
  calendar          text NOT NULL REFERENCES calendar ON UPDATE CASCADE ON DELETE CASCADE,
  month             integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  day               integer NOT NULL CHECK (day BETWEEN 1 AND 31),
  valid_from_year   integer NOT NULL DEFAULT 1,
  valid_to_year     integer NOT NULL DEFAULT 9999,
  name              text NOT NULL,
  name_kk           text,
  name_ru           text,
  basis             text NOT NULL,
  moves_off_weekend boolean NOT NULL DEFAULT true,
  seeded            boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, month, day, valid_from_year),
  CHECK (valid_from_year <= valid_to_year),
  CHECK (make_date(2000, month, day) IS NOT NULL)
);

COMMENT ON TABLE calendar_holiday_rule IS 'Fixed-date holidays a calendar year is generated from (generate_calendar_year), with the years they apply to';
COMMENT ON COLUMN calendar_holiday_rule.valid_from_year IS 'First year the holiday applies to';
COMMENT ON COLUMN calendar_holiday_rule.valid_to_year IS 'Last year the holiday applies to';
COMMENT ON COLUMN calendar_holiday_rule.name IS 'Name in English';
COMMENT ON COLUMN calendar_holiday_rule.name_kk IS 'Name in Kazakh';
COMMENT ON COLUMN calendar_holiday_rule.name_ru IS 'Name in Russian';
COMMENT ON COLUMN calendar_holiday_rule.basis IS 'Legal basis';
COMMENT ON COLUMN calendar_holiday_rule.moves_off_weekend IS 'On a weekend day the next working day becomes a day off (Law "On holidays", art. 5); false for 7 January and Kurban Ait (Labour Code art. 84(5))';
COMMENT ON COLUMN calendar_holiday_rule.seeded IS 'Created by CREATE EXTENSION (not dumped)';

CREATE TABLE calendar_day (
  calendar  text NOT NULL REFERENCES calendar ON UPDATE CASCADE ON DELETE CASCADE,
  day       date NOT NULL,
  kind      text NOT NULL CONSTRAINT calendar_day_kind CHECK (kind IN ('holiday', 'day_off', 'working_day')),
  name      text NOT NULL,
  name_kk   text,
  name_ru   text,
  basis     text NOT NULL,
  seeded    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, day)
);

COMMENT ON TABLE calendar_day IS 'Exceptions to a calendar''s weekly pattern: holidays and days off (non-working), working days (a working Saturday or Sunday)';
COMMENT ON COLUMN calendar_day.kind IS 'holiday (non-working), day_off (weekend-holiday rule or a Government transfer) or working_day (working on a weekend day by transfer)';
COMMENT ON COLUMN calendar_day.name IS 'Name in English';
COMMENT ON COLUMN calendar_day.name_kk IS 'Name in Kazakh';
COMMENT ON COLUMN calendar_day.name_ru IS 'Name in Russian';
COMMENT ON COLUMN calendar_day.basis IS 'Legal basis: the law, code article or Government decree';
COMMENT ON COLUMN calendar_day.seeded IS 'Created by CREATE EXTENSION (not dumped)';

SELECT pg_catalog.pg_extension_config_dump('calendar', 'WHERE NOT seeded');
SELECT pg_catalog.pg_extension_config_dump('calendar_year', 'WHERE NOT seeded');
SELECT pg_catalog.pg_extension_config_dump('calendar_holiday_rule', 'WHERE NOT seeded');
SELECT pg_catalog.pg_extension_config_dump('calendar_day', 'WHERE NOT seeded');

-- Ownership of rows: see the section header.
CREATE FUNCTION seeded_row_owner() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  -- only the extension's script marks rows seeded: a seeded row is left out of dumps
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.seeded AND NOT instruction_control.creating_extension() THEN
    NEW.seeded := false;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seeded AND NOT instruction_control.creating_extension() THEN
      NEW.seeded := false;
    END IF;
    RETURN NEW;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.seeded AND TG_TABLE_NAME = 'decision_rule' THEN
      RAISE EXCEPTION 'a seeded row of the decision matrix is disabled, not deleted'
        USING ERRCODE = '55000',
              DETAIL = format('Row %s (%s) was installed by the extension; CREATE EXTENSION would bring it back after a dump and restore.', OLD.id, OLD.rule_id),
              HINT = 'UPDATE instruction_control.decision_rule SET enabled = false WHERE id = ...';
    ELSIF OLD.seeded AND TG_TABLE_NAME = 'decision_authority' THEN
      RAISE EXCEPTION 'a seeded authority is disabled, not deleted (R74-1)'
        USING ERRCODE = '55000',
              DETAIL = 'The row was installed by the extension; CREATE EXTENSION would bring it back after a dump and restore.',
              HINT = 'UPDATE instruction_control.decision_authority SET enabled = false WHERE ...';
    ELSIF OLD.seeded THEN
      RAISE EXCEPTION 'cannot delete a row of % that CREATE EXTENSION created', TG_TABLE_NAME
        USING ERRCODE = 'IC003',
              DETAIL = 'Seeded rows are recreated by CREATE EXTENSION on restore; a deleted one would come back.',
              HINT = 'Update the row instead (e.g. SET kind = ''working_day''); the change is then kept by pg_dump.';
    END IF;
    RETURN OLD;
  END IF;
  -- INSERT of an administrator's row: it replaces a seeded row with the same key
  -- (this is also what happens when a dump is restored).  The DELETE runs only
  -- when there is such a row: every DELETE statement on a calendar table fires
  -- the cache invalidation below, which is too costly once per inserted row.
  IF NOT NEW.seeded THEN
    CASE TG_TABLE_NAME
      WHEN 'calendar' THEN
        IF EXISTS (SELECT 1 FROM calendar WHERE code = NEW.code AND seeded) THEN
          UPDATE calendar
             SET name = NEW.name, weekend_days = NEW.weekend_days,
                 valid_from = NEW.valid_from, valid_to = NEW.valid_to
           WHERE code = NEW.code;
          RETURN NULL;
        END IF;
      WHEN 'calendar_year' THEN
        IF EXISTS (SELECT 1 FROM calendar_year WHERE calendar = NEW.calendar AND year = NEW.year AND seeded) THEN
          DELETE FROM calendar_year WHERE calendar = NEW.calendar AND year = NEW.year AND seeded;
        END IF;
      WHEN 'calendar_holiday_rule' THEN
        IF EXISTS (SELECT 1 FROM calendar_holiday_rule
                    WHERE calendar = NEW.calendar AND month = NEW.month AND day = NEW.day
                      AND valid_from_year = NEW.valid_from_year AND seeded) THEN
          DELETE FROM calendar_holiday_rule
           WHERE calendar = NEW.calendar AND month = NEW.month AND day = NEW.day
             AND valid_from_year = NEW.valid_from_year AND seeded;
        END IF;
      WHEN 'calendar_day' THEN
        IF EXISTS (SELECT 1 FROM calendar_day WHERE calendar = NEW.calendar AND day = NEW.day AND seeded) THEN
          DELETE FROM calendar_day WHERE calendar = NEW.calendar AND day = NEW.day AND seeded;
        END IF;
      WHEN 'decision_authority' THEN
        IF EXISTS (SELECT 1 FROM decision_authority
                    WHERE level = NEW.level AND action = NEW.action AND decider = NEW.decider AND seeded) THEN
          UPDATE decision_authority SET enabled = NEW.enabled, basis = NEW.basis
           WHERE level = NEW.level AND action = NEW.action AND decider = NEW.decider;
          RETURN NULL;
        END IF;
      WHEN 'decision_rule' THEN
        DELETE FROM decision_rule WHERE id = NEW.id AND seeded;
    END CASE;
  END IF;
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION seeded_row_owner() IS
  'Trigger on tables with seeded rows (calendar data, decision_authority, decision_rule): an update makes a seeded row the administrator''s; an administrator''s insert replaces the seeded row with the same key; seeded rows cannot be deleted';

-- Deleting the seeded rows inside the trigger must not recurse into the DELETE
-- guard, so the guard runs only for statements issued from outside it.  The
-- INSERT and UPDATE triggers fire only for the rows the function acts on (an
-- administrator's new row, an update of a seeded row), so loading many rows
-- (CREATE EXTENSION, new years) does not run it once per row.
-- Only the extension's script marks a row seeded (seeded rows are left out of
-- dumps): a row an administrator marks seeded is theirs all the same.  Fires
-- before seeded_row_owner (triggers fire in name order), never during the
-- script, so loading the seeded data costs one cheap test per row.
CREATE FUNCTION seeded_flag_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  NEW.seeded := false;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION seeded_flag_guard() IS
  'Trigger: a row marked seeded outside the extension''s own script is the administrator''s (seeded = false), so pg_dump keeps it';
CREATE TRIGGER seeded_flag_guard BEFORE INSERT OR UPDATE ON calendar
  FOR EACH ROW WHEN (NEW.seeded AND NOT instruction_control.creating_extension()) EXECUTE FUNCTION seeded_flag_guard();
CREATE TRIGGER seeded_flag_guard BEFORE INSERT OR UPDATE ON calendar_year
  FOR EACH ROW WHEN (NEW.seeded AND NOT instruction_control.creating_extension()) EXECUTE FUNCTION seeded_flag_guard();
CREATE TRIGGER seeded_flag_guard BEFORE INSERT OR UPDATE ON calendar_holiday_rule
  FOR EACH ROW WHEN (NEW.seeded AND NOT instruction_control.creating_extension()) EXECUTE FUNCTION seeded_flag_guard();
CREATE TRIGGER seeded_flag_guard BEFORE INSERT OR UPDATE ON calendar_day
  FOR EACH ROW WHEN (NEW.seeded AND NOT instruction_control.creating_extension()) EXECUTE FUNCTION seeded_flag_guard();
CREATE TRIGGER seeded_row_owner BEFORE INSERT ON calendar
  FOR EACH ROW WHEN (NOT NEW.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_owner BEFORE INSERT ON calendar_year
  FOR EACH ROW WHEN (NOT NEW.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_owner BEFORE INSERT ON calendar_holiday_rule
  FOR EACH ROW WHEN (NOT NEW.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_owner BEFORE INSERT ON calendar_day
  FOR EACH ROW WHEN (NOT NEW.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_changed BEFORE UPDATE ON calendar
  FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_changed BEFORE UPDATE ON calendar_year
  FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_changed BEFORE UPDATE ON calendar_holiday_rule
  FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_changed BEFORE UPDATE ON calendar_day
  FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON calendar
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON calendar_year
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON calendar_holiday_rule
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON calendar_day
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();

-- Cache invalidation: every backend drops its cached calendars when a change
-- to these tables commits (this backend: at the end of the statement).
CREATE FUNCTION calendar_data_changed() RETURNS trigger
AS 'MODULE_PATHNAME', 'ic_calendar_data_changed' LANGUAGE C;

COMMENT ON FUNCTION calendar_data_changed() IS
  'Trigger: invalidates the working-day cache of every session when calendar data changes';

CREATE TRIGGER calendar_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_data_changed();
CREATE TRIGGER calendar_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_year
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_data_changed();
CREATE TRIGGER calendar_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_day
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_data_changed();

-- ---------------------------------------------------------------------------
-- Working-day functions (C).  The calendar argument is optional: without it
-- the setting instruction_control.calendar decides.
-- ---------------------------------------------------------------------------

CREATE FUNCTION is_working_day(d date) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_is_working_day' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION is_working_day(d date, calendar text) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_is_working_day' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_working_day(date) IS 'Whether d is a working day in the default calendar (R50.3)';
COMMENT ON FUNCTION is_working_day(date, text) IS 'Whether d is a working day in the given calendar (R50.3)';

CREATE FUNCTION add_working_days(d date, n integer) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_add_working_days' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION add_working_days(d date, n integer, calendar text) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_add_working_days' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION add_working_days(date, integer) IS
  'n > 0: the n-th working day strictly after d (R50.3: receipt is day 0); n < 0: the |n|-th working day strictly before d; n = 0: d if working, else the next working day';
COMMENT ON FUNCTION add_working_days(date, integer, text) IS
  'add_working_days(d, n) in the given calendar';

CREATE FUNCTION working_days_between(a date, b date) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_sql_working_days_between' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION working_days_between(a date, b date, calendar text) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_sql_working_days_between' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION working_days_between(date, date) IS
  'Number of working days in (a, b]; negative (minus the working days in (b, a]) when b < a';
COMMENT ON FUNCTION working_days_between(date, date, text) IS
  'working_days_between(a, b) in the given calendar';

CREATE FUNCTION roll_forward(d date) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_roll_forward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION roll_forward(d date, calendar text) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_roll_forward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION roll_forward(date) IS 'd if it is a working day, else the next working day';
COMMENT ON FUNCTION roll_forward(date, text) IS 'roll_forward(d) in the given calendar';

CREATE FUNCTION roll_backward(d date) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_roll_backward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION roll_backward(d date, calendar text) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_roll_backward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION roll_backward(date) IS 'd if it is a working day, else the previous working day';
COMMENT ON FUNCTION roll_backward(date, text) IS 'roll_backward(d) in the given calendar';

CREATE FUNCTION working_days(a date, b date) RETURNS SETOF date
AS 'MODULE_PATHNAME', 'ic_sql_working_days' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 250;
CREATE FUNCTION working_days(a date, b date, calendar text) RETURNS SETOF date
AS 'MODULE_PATHNAME', 'ic_sql_working_days' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 250;
COMMENT ON FUNCTION working_days(date, date) IS 'The working days in [a, b], in order (none when b < a)';
COMMENT ON FUNCTION working_days(date, date, text) IS 'working_days(a, b) in the given calendar';

CREATE FUNCTION deadline(received date, t term) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_deadline' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION deadline(received date, t term, calendar text) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_deadline' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION deadline(date, term) IS
  'Deadline of a term from the day of receipt: N working days = add_working_days(received, N) (R50.3); days, weeks, months = the calendar offset rolled forward to a working day (R51)';
COMMENT ON FUNCTION deadline(date, term, text) IS 'deadline(received, t) in the given calendar';

CREATE OPERATOR + (LEFTARG = date, RIGHTARG = term, PROCEDURE = deadline);
COMMENT ON OPERATOR + (date, term) IS 'date + term = deadline(date, term) in the default calendar';

CREATE FUNCTION is_confirmed(d date) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_is_confirmed' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION is_confirmed(d date, calendar text) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_is_confirmed' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_confirmed(date) IS
  'Whether d lies in a year whose days are decreed (confirmed) rather than a forecast (generated), in the default calendar';
COMMENT ON FUNCTION is_confirmed(date, text) IS 'is_confirmed(d) in the given calendar';

CREATE FUNCTION calendar_cache_loads() RETURNS bigint
AS 'MODULE_PATHNAME', 'ic_sql_calendar_cache_loads' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION calendar_cache_loads() IS
  'How many times this session has read a calendar from its tables into its cache (diagnostics)';

-- ---------------------------------------------------------------------------
-- Administration: new years (one, or a forecast up to a year), a Government
-- transfer, confirming a year.
-- ---------------------------------------------------------------------------

-- Kurban Ait day 1 is 10 Dhu al-Hijjah.  The Spiritual Administration of
-- Muslims of Kazakhstan announces the day from the new crescent, so years
-- without an announced day get this estimate: the conjunction (new moon) of
-- the month, computed with the periodic terms of J. Meeus, "Astronomical
-- Algorithms", ch. 49; when it falls at or before 14:00 UTC (about sunset in
-- Kazakhstan) the month starts the next day, otherwise the day after.  It
-- gives the announced day for 11 of 2006, 2015-2026 (one day early in 2015
-- and 2016).
CREATE FUNCTION kurban_ait_estimate(p_year integer) RETURNS SETOF date
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog
AS $$
DECLARE
  hy      integer;
  tab_jd  double precision;   -- 1 Dhu al-Hijjah of the arithmetical calendar (Julian day)
  k       integer;
  kk      integer;
  t       double precision;
  m       double precision;
  mp      double precision;
  f       double precision;
  om      double precision;
  e       double precision;
  conj    double precision;   -- a conjunction (Julian day, UT)
  best    double precision;   -- the conjunction nearest tab_jd
  ts      timestamp;
  eid     date;
BEGIN
  -- The Hijri years whose 10 Dhu al-Hijjah may fall in p_year (one, sometimes two).
  FOR hy IN ((p_year - 622) * 33 / 32 - 1) .. ((p_year - 622) * 33 / 32 + 2) LOOP
    tab_jd := 325 + (hy - 1) * 354 + (3 + 11 * hy) / 30 + 1948438.5;
    k := round((tab_jd - 2451550.09766) / 29.530588861);
    best := NULL;
    FOR kk IN k - 1 .. k + 1 LOOP
      t := kk / 1236.85;
      m  := radians(2.5534 + 29.10535670 * kk - 0.0000014 * t^2 - 0.00000011 * t^3);
      mp := radians(201.5643 + 385.81693528 * kk + 0.0107582 * t^2 + 0.00001238 * t^3 - 0.000000058 * t^4);
      f  := radians(160.7108 + 390.67050284 * kk - 0.0016118 * t^2 - 0.00000227 * t^3 + 0.000000011 * t^4);
      om := radians(124.7746 - 1.56375588 * kk + 0.0020672 * t^2 + 0.00000215 * t^3);
      e  := 1 - 0.002516 * t - 0.0000074 * t^2;
      conj := 2451550.09766 + 29.530588861 * kk + 0.00015437 * t^2 - 0.000000150 * t^3 + 0.00000000073 * t^4
        - 0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f)
        + 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m)
        - 0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
        - 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
        - 0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m)
        + 0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f)
        + 0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f)
        - 0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp)
        -- planetary arguments
        + 0.000325 * sin(radians(299.77 + 0.107408 * kk - 0.009173 * t^2))
        + 0.000165 * sin(radians(251.88 + 0.016321 * kk)) + 0.000164 * sin(radians(251.83 + 26.651886 * kk))
        + 0.000126 * sin(radians(349.42 + 36.412478 * kk)) + 0.000110 * sin(radians(84.66 + 18.206239 * kk))
        + 0.000062 * sin(radians(141.74 + 53.303771 * kk)) + 0.000060 * sin(radians(207.14 + 2.453732 * kk))
        + 0.000056 * sin(radians(154.84 + 7.306860 * kk)) + 0.000047 * sin(radians(34.52 + 27.261239 * kk))
        + 0.000042 * sin(radians(207.19 + 0.121824 * kk)) + 0.000040 * sin(radians(291.34 + 1.844379 * kk))
        + 0.000037 * sin(radians(161.72 + 24.198154 * kk)) + 0.000035 * sin(radians(239.56 + 25.513099 * kk))
        + 0.000023 * sin(radians(331.55 + 3.592518 * kk))
        - 69.0 / 86400;           -- terrestrial time to UT (delta T, about 69 s)
      IF best IS NULL OR abs(conj - tab_jd) < abs(best - tab_jd) THEN
        best := conj;
      END IF;
    END LOOP;
    ts := timestamp '2000-01-01 12:00' + (best - 2451545.0) * interval '1 day';
    eid := ts::date + CASE WHEN ts::time <= time '14:00' THEN 10 ELSE 11 END;
    IF extract(year FROM eid) = p_year THEN
      RETURN NEXT eid;
    END IF;
  END LOOP;
END
$$;

COMMENT ON FUNCTION kurban_ait_estimate(integer) IS
  'Estimated first day(s) of Kurban Ait (10 Dhu al-Hijjah) in a Gregorian year, from the new moon (J. Meeus, ch. 49; conjunction at or before 14:00 UTC starts the month the next day); an estimate, to be replaced by the day the Spiritual Administration of Muslims of Kazakhstan announces';

-- The rule-based days of the years p_from_year..p_to_year, in one pass: the
-- holidays of calendar_holiday_rule, Kurban Ait day 1 (the days given, else
-- an estimate when p_estimate_kurban_ait), the days off of the weekend-holiday
-- rule, and a calendar_year row marked generated per year.  Returns the
-- number of days added.
CREATE FUNCTION calendar_generate_years(p_calendar text, p_from_year integer, p_to_year integer,
                                        p_kurban_ait date[], p_estimate_kurban_ait boolean)
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  cal      calendar%ROWTYPE;
  y_first  date := make_date(p_from_year, 1, 1);
  y_last   date := make_date(p_to_year, 12, 31);
  r        record;
  d        date;
  n        integer := 0;
  k        integer;
  off_days  date[] := '{}';     -- days off of the weekend-holiday rule,
  off_for   date[] := '{}';     -- the holiday each one is for,
  off_names text[] := '{}';     -- and its names (en, kk, ru)
BEGIN
  IF p_from_year > p_to_year THEN
    RAISE EXCEPTION 'no years from % to %', p_from_year, p_to_year USING ERRCODE = '22023';
  END IF;
  SELECT * INTO cal FROM calendar WHERE code = p_calendar FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'calendar "%" does not exist', p_calendar
      USING ERRCODE = 'IC001',
            HINT = 'Create it first: INSERT INTO instruction_control.calendar (code, name, valid_from, valid_to) VALUES (...).';
  END IF;
  SELECT min(year) INTO k FROM calendar_year
   WHERE calendar = p_calendar AND year BETWEEN p_from_year AND p_to_year;
  IF k IS NOT NULL THEN
    RAISE EXCEPTION 'calendar "%" already has year %', p_calendar, k
      USING ERRCODE = 'IC003',
            DETAIL = 'generate_calendar_year() and extend_calendar() create the rule-based days of new years only.',
            HINT = 'Change single days with UPDATE or add_transfer().';
  END IF;
  IF y_first > cal.valid_to + 1 OR y_last < cal.valid_from - 1 THEN
    RAISE EXCEPTION 'year % is not next to the range of calendar "%" (% to %)',
                    CASE WHEN y_first > cal.valid_to THEN p_from_year ELSE p_to_year END,
                    p_calendar, cal.valid_from, cal.valid_to
      USING ERRCODE = 'IC003',
            HINT = 'Add the years in between first: a calendar covers one unbroken range.';
  END IF;
  IF greatest(cal.valid_to, y_last) - least(cal.valid_from, y_first) >= 146400 THEN
    RAISE EXCEPTION 'calendar "%" would cover more than 400 years (% to %)',
                    p_calendar, least(cal.valid_from, y_first), greatest(cal.valid_to, y_last)
      USING ERRCODE = 'IC003',
            DETAIL = 'The working-day cache holds at most 400 years of a calendar.';
  END IF;
  SELECT g INTO d FROM unnest(p_kurban_ait) g
   WHERE g IS NOT NULL AND extract(year FROM g)::integer NOT BETWEEN p_from_year AND p_to_year LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Kurban Ait % is not in year %', d,
                    CASE WHEN p_from_year = p_to_year THEN p_from_year::text
                         ELSE p_from_year || '-' || p_to_year END
      USING ERRCODE = '22023';
  END IF;
  UPDATE calendar SET valid_from = least(valid_from, y_first), valid_to = greatest(valid_to, y_last)
   WHERE code = p_calendar AND (valid_from > y_first OR valid_to < y_last);

  -- Holidays of the years from the rules (29 February only in leap years).
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
  SELECT p_calendar, make_date(y, h.month, h.day), 'holiday', h.name, h.name_kk, h.name_ru, h.basis
    FROM generate_series(p_from_year, p_to_year) AS y
    JOIN calendar_holiday_rule h
      ON h.calendar = p_calendar AND y BETWEEN h.valid_from_year AND h.valid_to_year
   WHERE (h.month, h.day) <> (2, 29) OR (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0))
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;

  -- Kurban Ait day 1: the days given; for the other years an estimate.
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
  SELECT p_calendar, g, 'holiday', 'Kurban Ait (day 1)', instruction_control.unicode_text('\049A\04B1\0440\0431\0430\043D \0430\0439\0442 (1-\043A\04AF\043D\0456)'), instruction_control.unicode_text('\041A\0443\0440\0431\0430\043D \0430\0439\0442 (1-\0439 \0434\0435\043D\044C)'),
         'Labour Code, art. 84(5); never moved'
    FROM unnest(p_kurban_ait) AS g
   WHERE g IS NOT NULL
  UNION ALL
  SELECT p_calendar, e, 'holiday', 'Kurban Ait (day 1, estimated)', instruction_control.unicode_text('\049A\04B1\0440\0431\0430\043D \0430\0439\0442 (1-\043A\04AF\043D\0456, \0431\043E\043B\0436\0430\043C)'),
         instruction_control.unicode_text('\041A\0443\0440\0431\0430\043D \0430\0439\0442 (1-\0439 \0434\0435\043D\044C, \043E\0446\0435\043D\043A\0430)'),
         'Labour Code, art. 84(5); never moved.  Day estimated by kurban_ait_estimate() until the Spiritual Administration of Muslims of Kazakhstan announces it'
    FROM generate_series(p_from_year, p_to_year) AS y
   CROSS JOIN LATERAL kurban_ait_estimate(y) AS e
   WHERE p_estimate_kurban_ait
     AND NOT EXISTS (SELECT 1 FROM unnest(p_kurban_ait) AS g WHERE extract(year FROM g) = y)
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS k = ROW_COUNT;
  n := n + k;

  -- Law "On holidays", art. 5: a holiday on a weekend day makes the next working
  -- day after it a day off (7 January and Kurban Ait are never moved).  The
  -- days off are collected and inserted at once: each statement on the table
  -- invalidates the working-day caches.
  FOR r IN
    SELECT DISTINCT ON (1) make_date(y, h.month, h.day) AS day, h.name, h.name_kk, h.name_ru
      FROM generate_series(p_from_year, p_to_year) AS y
      JOIN calendar_holiday_rule h
        ON h.calendar = p_calendar AND y BETWEEN h.valid_from_year AND h.valid_to_year
     WHERE h.moves_off_weekend
       AND ((h.month, h.day) <> (2, 29) OR (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0)))
       AND extract(isodow FROM make_date(y, h.month, h.day))::smallint = ANY (cal.weekend_days)
     ORDER BY 1
  LOOP
    d := r.day + 1;
    WHILE extract(isodow FROM d)::smallint = ANY (cal.weekend_days) OR d = ANY (off_days)
          OR EXISTS (SELECT 1 FROM calendar_day WHERE calendar = p_calendar AND day = d) LOOP
      d := d + 1;
    END LOOP;
    off_days := off_days || d;
    off_for := off_for || r.day;
    off_names := off_names || ARRAY[[r.name, r.name_kk, r.name_ru]];
  END LOOP;
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
  SELECT p_calendar, off_days[i], 'day_off',
         format('Day off for %s (%s)', off_names[i][1], off_for[i]),
         format(instruction_control.unicode_text('\0414\0435\043C\0430\043B\044B\0441 \043A\04AF\043D\0456: %s (%s)'), off_names[i][2], off_for[i]),
         format(instruction_control.unicode_text('\0412\044B\0445\043E\0434\043D\043E\0439 \0434\0435\043D\044C \0437\0430 %s (%s)'), off_names[i][3], off_for[i]),
         'Law "On holidays in the Republic of Kazakhstan", art. 5 (holiday on a day off)'
    FROM generate_subscripts(off_days, 1) AS i
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS k = ROW_COUNT;
  n := n + k;

  INSERT INTO calendar_year (calendar, year, status, basis)
  SELECT p_calendar, y, 'generated',
         'Generated from the holiday rules'
         || CASE WHEN EXISTS (SELECT 1 FROM unnest(p_kurban_ait) AS g WHERE extract(year FROM g) = y) THEN ''
                 WHEN p_estimate_kurban_ait THEN ' (Kurban Ait day 1 estimated)'
                 ELSE ' (Kurban Ait not given)' END
         || '; no Government decree applied'
    FROM generate_series(p_from_year, p_to_year) AS y;
  RETURN n;
END
$$;

COMMENT ON FUNCTION calendar_generate_years(text, integer, integer, date[], boolean) IS
  'Internal (generate_calendar_year, extend_calendar, CREATE EXTENSION): adds the rule-based days of the years p_from_year..p_to_year next to the calendar''s range, Kurban Ait day 1 given or estimated, and marks the years generated (returns the number of days added)';

CREATE FUNCTION generate_calendar_year(p_calendar text, p_year integer, p_kurban_ait date DEFAULT NULL)
RETURNS integer
LANGUAGE sql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT calendar_generate_years(p_calendar, p_year, p_year,
                                 CASE WHEN p_kurban_ait IS NULL THEN NULL ELSE ARRAY[p_kurban_ait] END,
                                 false)
$$;

COMMENT ON FUNCTION generate_calendar_year(text, integer, date) IS
  'Adds a year to a calendar: holidays from calendar_holiday_rule, Kurban Ait day 1 if given, and the days off of the weekend-holiday rule; the year is marked generated (returns the number of days added)';

CREATE FUNCTION extend_calendar(p_calendar text, p_until_year integer, p_estimate_kurban_ait boolean DEFAULT true)
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  last_day  date;
  last_year integer;
BEGIN
  SELECT valid_to INTO last_day FROM calendar WHERE code = p_calendar FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'calendar "%" does not exist', p_calendar
      USING ERRCODE = 'IC001',
            HINT = 'Create it first: INSERT INTO instruction_control.calendar (code, name, valid_from, valid_to) VALUES (...).';
  END IF;
  last_year := extract(year FROM last_day);
  IF last_day <> make_date(last_year, 12, 31) THEN
    RAISE EXCEPTION 'calendar "%" ends on %, not on 31 December', p_calendar, last_day
      USING ERRCODE = 'IC003',
            DETAIL = 'extend_calendar() adds whole years after the covered range.',
            HINT = 'Cover the rest of that year first.';
  END IF;
  IF p_until_year < last_year THEN
    RAISE EXCEPTION 'year % is before the end of calendar "%" (%)', p_until_year, p_calendar, last_day
      USING ERRCODE = 'IC003',
            DETAIL = 'extend_calendar() adds the years after the covered range; it never changes a covered year.',
            HINT = 'Change a covered year with add_transfer() or UPDATE; add a year before the range with generate_calendar_year().';
  END IF;
  IF p_until_year = last_year THEN
    RETURN 0;
  END IF;
  PERFORM calendar_generate_years(p_calendar, last_year + 1, p_until_year, NULL, p_estimate_kurban_ait);
  RETURN p_until_year - last_year;
END
$$;

COMMENT ON FUNCTION extend_calendar(text, integer, boolean) IS
  'Adds the forecast years after a calendar''s range up to p_until_year in one call: holidays from calendar_holiday_rule, the weekend-holiday rule and, unless p_estimate_kurban_ait is false, the estimated Kurban Ait day 1; the years are marked generated (returns the number of years added; 0 if the calendar already ends with that year)';

CREATE FUNCTION add_transfer(p_calendar text, p_working_day date, p_day_off date, p_basis text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  cal  calendar%ROWTYPE;
BEGIN
  IF instruction_control.is_blank(p_basis) THEN
    RAISE EXCEPTION 'a change of the calendar needs its basis, the decree that makes it'
      USING ERRCODE = 'IC003',
            HINT = 'Name the decree, e.g. ''Government Decree No. 713 of 6 October 2021''.';
  END IF;
  -- The days are judged from the tables, not from the working-day cache: a
  -- series of transfers would otherwise reload the cache after each one.  An
  -- unknown calendar or a date outside it gets the error of is_working_day().
  SELECT * INTO cal FROM calendar WHERE code = p_calendar;
  IF NOT FOUND OR p_working_day NOT BETWEEN cal.valid_from AND cal.valid_to THEN
    PERFORM is_working_day(p_working_day, p_calendar);
  END IF;
  IF p_day_off NOT BETWEEN cal.valid_from AND cal.valid_to THEN
    PERFORM is_working_day(p_day_off, p_calendar);
  END IF;
  IF coalesce((SELECT kind = 'working_day' FROM calendar_day WHERE calendar = p_calendar AND day = p_working_day),
              NOT extract(isodow FROM p_working_day)::smallint = ANY (cal.weekend_days)) THEN
    RAISE EXCEPTION '% is already a working day in calendar "%"', p_working_day, p_calendar
      USING ERRCODE = 'IC003',
            DETAIL = 'A transfer (Labour Code art. 85(3)) makes a day off a working day and a working day a day off.',
            HINT = 'The first date is the day off that becomes a working day, the second the working day that becomes a day off.';
  END IF;
  IF NOT coalesce((SELECT kind = 'working_day' FROM calendar_day WHERE calendar = p_calendar AND day = p_day_off),
                  NOT extract(isodow FROM p_day_off)::smallint = ANY (cal.weekend_days)) THEN
    RAISE EXCEPTION '% is already not a working day in calendar "%"', p_day_off, p_calendar
      USING ERRCODE = 'IC003',
            DETAIL = 'A transfer (Labour Code art. 85(3)) makes a day off a working day and a working day a day off.',
            HINT = 'The first date is the day off that becomes a working day, the second the working day that becomes a day off.';
  END IF;
  INSERT INTO calendar_day AS c (calendar, day, kind, name, name_kk, name_ru, basis)
  VALUES (p_calendar, p_working_day, 'working_day',
          format('Working day (day off transferred to %s)', p_day_off),
          format(instruction_control.unicode_text('\0416\04B1\043C\044B\0441 \043A\04AF\043D\0456 (\0434\0435\043C\0430\043B\044B\0441 %s \043A\04AF\043D\0456\043D\0435 \0430\0443\044B\0441\0442\044B\0440\044B\043B\0434\044B)'), p_day_off),
          format(instruction_control.unicode_text('\0420\0430\0431\043E\0447\0438\0439 \0434\0435\043D\044C (\0432\044B\0445\043E\0434\043D\043E\0439 \043F\0435\0440\0435\043D\0435\0441\0451\043D \043D\0430 %s)'), p_day_off),
          p_basis),
         (p_calendar, p_day_off, 'day_off',
          format('Day off (transferred from %s)', p_working_day),
          format(instruction_control.unicode_text('\0414\0435\043C\0430\043B\044B\0441 \043A\04AF\043D\0456 (%s \043A\04AF\043D\0456\043D\0435\043D \0430\0443\044B\0441\0442\044B\0440\044B\043B\0434\044B)'), p_working_day),
          format(instruction_control.unicode_text('\0412\044B\0445\043E\0434\043D\043E\0439 \0434\0435\043D\044C (\043F\0435\0440\0435\043D\0435\0441\0451\043D \0441 %s)'), p_working_day),
          p_basis)
  ON CONFLICT (calendar, day) DO UPDATE
     SET kind = excluded.kind, name = excluded.name, name_kk = excluded.name_kk,
         name_ru = excluded.name_ru, basis = excluded.basis;
END
$$;

COMMENT ON FUNCTION add_transfer(text, date, date, text) IS
  'Applies a Government transfer (Labour Code art. 85(3)): p_working_day (a day off) becomes a working day and p_day_off (a working day) a day off';

CREATE FUNCTION confirm_calendar_year(p_calendar text, p_year integer, p_basis text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF instruction_control.is_blank(p_basis) THEN
    RAISE EXCEPTION 'a change of the calendar needs its basis, the decree that makes it'
      USING ERRCODE = 'IC003',
            HINT = 'Name the decree, e.g. ''Government Decree No. 713 of 6 October 2021''.';
  END IF;
  UPDATE calendar_year SET status = 'confirmed', basis = p_basis
   WHERE calendar = p_calendar AND year = p_year;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'calendar "%" has no year %', p_calendar, p_year
      USING ERRCODE = 'IC003',
            HINT = 'Generate it first with instruction_control.generate_calendar_year().';
  END IF;
END
$$;

COMMENT ON FUNCTION confirm_calendar_year(text, integer, text) IS
  'Marks a calendar year confirmed: its days follow the Government''s decree (basis)';

-- ---------------------------------------------------------------------------
-- Seed: the Republic of Kazakhstan, 2000-2075 (calendar-kz facts).
--
-- The holiday rules follow the law of each year: until 2001 the Presidential
-- Decree No. 2534 of 1995 "On holidays" (a holiday on a weekend day not moved),
-- from 2002 the Law "On holidays in the Republic of Kazakhstan" No. 267-II of
-- 13 December 2001 and its amendments.  Years with the Government's decree on
-- the transfer of days off applied and checked are confirmed; the others are
-- generated, and from 2027 on they are a forecast.  Sources of each year are
-- in calendar_year.basis and calendar_day.basis; the research notes are in
-- README.md ("Calendar data").
-- ---------------------------------------------------------------------------

INSERT INTO calendar (code, name, weekend_days, valid_from, valid_to)
VALUES ('KZ', 'Republic of Kazakhstan, five-day week', '{6,7}', '2000-01-01', '2075-12-31');

INSERT INTO calendar_holiday_rule
  (calendar, month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, basis, moves_off_weekend)
SELECT 'KZ', month, day, valid_from_year, valid_to_year, name, name_kk, name_ru,
       CASE WHEN valid_to_year < 2002
            THEN 'Presidential Decree No. 2534 of 1995 "On holidays in the Republic of Kazakhstan" (until 2001); a holiday on a weekend day was not moved'
                 || coalesce('; ' || note, '')
            ELSE 'Law "On holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001, art. 5'
                 || coalesce(' (' || note || ')', '')
       END,
       moves
  FROM (VALUES
  (1, 1, 2000, 2001, 'New Year', instruction_control.unicode_text('\0416\0430\04A3\0430 \0436\044B\043B'), instruction_control.unicode_text('\041D\043E\0432\044B\0439 \0433\043E\0434'), NULL, false),
  (1, 1, 2002, 9999, 'New Year', instruction_control.unicode_text('\0416\0430\04A3\0430 \0436\044B\043B'), instruction_control.unicode_text('\041D\043E\0432\044B\0439 \0433\043E\0434'), NULL, true),
  (1, 2, 2000, 2001, 'New Year', instruction_control.unicode_text('\0416\0430\04A3\0430 \0436\044B\043B'), instruction_control.unicode_text('\041D\043E\0432\044B\0439 \0433\043E\0434'), NULL, false),
  (1, 2, 2002, 9999, 'New Year', instruction_control.unicode_text('\0416\0430\04A3\0430 \0436\044B\043B'), instruction_control.unicode_text('\041D\043E\0432\044B\0439 \0433\043E\0434'), NULL, true),
  (3, 8, 2000, 2001, 'International Women''s Day', instruction_control.unicode_text('\0425\0430\043B\044B\049B\0430\0440\0430\043B\044B\049B \04D9\0439\0435\043B\0434\0435\0440 \043A\04AF\043D\0456'), instruction_control.unicode_text('\041C\0435\0436\0434\0443\043D\0430\0440\043E\0434\043D\044B\0439 \0436\0435\043D\0441\043A\0438\0439 \0434\0435\043D\044C'), NULL, false),
  (3, 8, 2002, 9999, 'International Women''s Day', instruction_control.unicode_text('\0425\0430\043B\044B\049B\0430\0440\0430\043B\044B\049B \04D9\0439\0435\043B\0434\0435\0440 \043A\04AF\043D\0456'), instruction_control.unicode_text('\041C\0435\0436\0434\0443\043D\0430\0440\043E\0434\043D\044B\0439 \0436\0435\043D\0441\043A\0438\0439 \0434\0435\043D\044C'), NULL, true),
  (3, 15, 2027, 9999, 'Constitution Day', instruction_control.unicode_text('\041A\043E\043D\0441\0442\0438\0442\0443\0446\0438\044F \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \041A\043E\043D\0441\0442\0438\0442\0443\0446\0438\0438'), 'reported after the constitutional referendum of 15 March 2026; not yet confirmed', true),
  (3, 21, 2010, 9999, 'Nauryz', instruction_control.unicode_text('\041D\0430\0443\0440\044B\0437 \043C\0435\0439\0440\0430\043C\044B'), instruction_control.unicode_text('\041D\0430\0443\0440\044B\0437 \043C\0435\0439\0440\0430\043C\044B'), '21-23 March since the amendment signed on 2 June 2009', true),
  (3, 22, 2000, 2001, 'Nauryz', instruction_control.unicode_text('\041D\0430\0443\0440\044B\0437 \043C\0435\0439\0440\0430\043C\044B'), instruction_control.unicode_text('\041D\0430\0443\0440\044B\0437 \043C\0435\0439\0440\0430\043C\044B'), 'a day off: Government decree No. 282 of 2001 bridged Friday 23 March 2001 for Nauryz meiramy', false),
  (3, 22, 2002, 9999, 'Nauryz', instruction_control.unicode_text('\041D\0430\0443\0440\044B\0437 \043C\0435\0439\0440\0430\043C\044B'), instruction_control.unicode_text('\041D\0430\0443\0440\044B\0437 \043C\0435\0439\0440\0430\043C\044B'), 'only 22 March until 2009', true),
  (3, 23, 2010, 9999, 'Nauryz', instruction_control.unicode_text('\041D\0430\0443\0440\044B\0437 \043C\0435\0439\0440\0430\043C\044B'), instruction_control.unicode_text('\041D\0430\0443\0440\044B\0437 \043C\0435\0439\0440\0430\043C\044B'), '21-23 March since the amendment signed on 2 June 2009', true),
  (5, 1, 2000, 2001, 'Unity of the People of Kazakhstan Day', instruction_control.unicode_text('\049A\0430\0437\0430\049B\0441\0442\0430\043D \0445\0430\043B\049B\044B\043D\044B\04A3 \0431\0456\0440\043B\0456\0433\0456 \043C\0435\0440\0435\043A\0435\0441\0456'), instruction_control.unicode_text('\041F\0440\0430\0437\0434\043D\0438\043A \0435\0434\0438\043D\0441\0442\0432\0430 \043D\0430\0440\043E\0434\0430 \041A\0430\0437\0430\0445\0441\0442\0430\043D\0430'), NULL, false),
  (5, 1, 2002, 9999, 'Unity of the People of Kazakhstan Day', instruction_control.unicode_text('\049A\0430\0437\0430\049B\0441\0442\0430\043D \0445\0430\043B\049B\044B\043D\044B\04A3 \0431\0456\0440\043B\0456\0433\0456 \043C\0435\0440\0435\043A\0435\0441\0456'), instruction_control.unicode_text('\041F\0440\0430\0437\0434\043D\0438\043A \0435\0434\0438\043D\0441\0442\0432\0430 \043D\0430\0440\043E\0434\0430 \041A\0430\0437\0430\0445\0441\0442\0430\043D\0430'), NULL, true),
  (5, 7, 2013, 9999, 'Defender of the Fatherland Day', instruction_control.unicode_text('\041E\0442\0430\043D \049B\043E\0440\0493\0430\0443\0448\044B \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \0437\0430\0449\0438\0442\043D\0438\043A\0430 \041E\0442\0435\0447\0435\0441\0442\0432\0430'), 'a holiday since 2013', true),
  (5, 9, 2000, 2001, 'Victory Day', instruction_control.unicode_text('\0416\0435\04A3\0456\0441 \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \041F\043E\0431\0435\0434\044B'), NULL, false),
  (5, 9, 2002, 9999, 'Victory Day', instruction_control.unicode_text('\0416\0435\04A3\0456\0441 \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \041F\043E\0431\0435\0434\044B'), NULL, true),
  (7, 6, 2009, 9999, 'Capital Day', instruction_control.unicode_text('\0410\0441\0442\0430\043D\0430 \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \0441\0442\043E\043B\0438\0446\044B'), 'a holiday since 2009', true),
  (8, 30, 2000, 2001, 'Constitution Day', instruction_control.unicode_text('\049A\0430\0437\0430\049B\0441\0442\0430\043D \0420\0435\0441\043F\0443\0431\043B\0438\043A\0430\0441\044B\043D\044B\04A3 \041A\043E\043D\0441\0442\0438\0442\0443\0446\0438\044F\0441\044B \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \041A\043E\043D\0441\0442\0438\0442\0443\0446\0438\0438 \0420\0435\0441\043F\0443\0431\043B\0438\043A\0438 \041A\0430\0437\0430\0445\0441\0442\0430\043D'), NULL, false),
  (8, 30, 2002, 2025, 'Constitution Day', instruction_control.unicode_text('\049A\0430\0437\0430\049B\0441\0442\0430\043D \0420\0435\0441\043F\0443\0431\043B\0438\043A\0430\0441\044B\043D\044B\04A3 \041A\043E\043D\0441\0442\0438\0442\0443\0446\0438\044F\0441\044B \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \041A\043E\043D\0441\0442\0438\0442\0443\0446\0438\0438 \0420\0435\0441\043F\0443\0431\043B\0438\043A\0438 \041A\0430\0437\0430\0445\0441\0442\0430\043D'), 'a holiday through 2025', true),
  (10, 25, 2000, 2001, 'Republic Day', instruction_control.unicode_text('\0420\0435\0441\043F\0443\0431\043B\0438\043A\0430 \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \0420\0435\0441\043F\0443\0431\043B\0438\043A\0438'), NULL, false),
  (10, 25, 2002, 2008, 'Republic Day', instruction_control.unicode_text('\0420\0435\0441\043F\0443\0431\043B\0438\043A\0430 \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \0420\0435\0441\043F\0443\0431\043B\0438\043A\0438'), 'removed by the amendment signed on 2 June 2009', true),
  (10, 25, 2022, 9999, 'Republic Day', instruction_control.unicode_text('\0420\0435\0441\043F\0443\0431\043B\0438\043A\0430 \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \0420\0435\0441\043F\0443\0431\043B\0438\043A\0438'), 'non-working again since 2022', true),
  (12, 1, 2012, 2021, 'First President''s Day', instruction_control.unicode_text('\0422\04B1\04A3\0493\044B\0448 \041F\0440\0435\0437\0438\0434\0435\043D\0442 \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \041F\0435\0440\0432\043E\0433\043E \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430'), 'introduced by the Law of 14 December 2011, abolished in 2022', true),
  (12, 16, 2000, 2001, 'Independence Day', instruction_control.unicode_text('\0422\04D9\0443\0435\043B\0441\0456\0437\0434\0456\043A \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \041D\0435\0437\0430\0432\0438\0441\0438\043C\043E\0441\0442\0438'), NULL, false),
  (12, 16, 2002, 9999, 'Independence Day', instruction_control.unicode_text('\0422\04D9\0443\0435\043B\0441\0456\0437\0434\0456\043A \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \041D\0435\0437\0430\0432\0438\0441\0438\043C\043E\0441\0442\0438'), NULL, true),
  (12, 17, 2002, 2021, 'Independence Day', instruction_control.unicode_text('\0422\04D9\0443\0435\043B\0441\0456\0437\0434\0456\043A \043A\04AF\043D\0456'), instruction_control.unicode_text('\0414\0435\043D\044C \041D\0435\0437\0430\0432\0438\0441\0438\043C\043E\0441\0442\0438'), 'second day from 2002 until 2021', true)
  ) AS v(month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, note, moves);

INSERT INTO calendar_holiday_rule
  (calendar, month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, basis, moves_off_weekend)
VALUES
  ('KZ', 1, 7, 2006, 9999, 'Orthodox Christmas', instruction_control.unicode_text('\041F\0440\0430\0432\043E\0441\043B\0430\0432\0438\0435\043B\0456\043A \0420\043E\0436\0434\0435\0441\0442\0432\043E'), instruction_control.unicode_text('\041F\0440\0430\0432\043E\0441\043B\0430\0432\043D\043E\0435 \0420\043E\0436\0434\0435\0441\0442\0432\043E'),
   'Labour Code, art. 84(5) (a day off since 2006); never moved', false);

-- The days of 2000-2075 in one pass.  Kurban Ait day 1 is a day off since 2006
-- (never moved); the days announced for 2006 and 2014-2026 are given, the
-- other years get kurban_ait_estimate().
SELECT calendar_generate_years('KZ', 2000, 2005, NULL, false);
SELECT calendar_generate_years('KZ', 2006, 2075,
         ARRAY['2006-01-10', '2014-10-04', '2015-09-24', '2016-09-12', '2017-09-01', '2018-08-21',
               '2019-08-11', '2020-07-31', '2021-07-20', '2022-07-09', '2023-06-28', '2024-06-16',
               '2025-06-06', '2026-05-27']::date[],
         true);

-- Government transfers (Labour Code art. 85(3)): a working Saturday or Sunday
-- for a weekday off.  Before 2015 the decrees are the ones python-holidays
-- lists for Kazakhstan with their adilet.zan.kz document codes (the code holds
-- the year and number of the decree); their texts were read where a number or
-- a date is given.
SELECT add_transfer('KZ', w, o, b)
  FROM (VALUES
    (date '2000-05-06', date '2000-05-08', 'Government decree on the transfer of a day off in May 2000 (adilet.zan.kz P000000642_)'),
    ('2001-03-11', '2001-03-09', 'Government decree No. 282 of 2001 (adilet.zan.kz P010000282_): days off moved from Sunday 11 March to Friday 9 March and from Sunday 25 March to Friday 23 March 2001'),
    ('2001-03-25', '2001-03-23', 'Government decree No. 282 of 2001 (adilet.zan.kz P010000282_): days off moved from Sunday 11 March to Friday 9 March and from Sunday 25 March to Friday 23 March 2001'),
    ('2001-04-28', '2001-04-30', 'Government decree on the transfer of a day off in 2001 (adilet.zan.kz P010000515_)'),
    ('2001-12-29', '2001-12-31', 'Government decree on the transfer of a day off in 2001 (adilet.zan.kz P010001604_)'),
    ('2002-05-12', '2002-05-10', 'Government decree on the transfer of a day off in 2002 (adilet.zan.kz P020000466_)'),
    ('2003-05-04', '2003-05-02', 'Government decree on the transfer of a day off in 2003 (adilet.zan.kz P030000338_)'),
    ('2003-12-13', '2003-12-15', 'Government decree on the transfer of a day off in 2003 (adilet.zan.kz P030001166_)'),
    ('2005-03-05', '2005-03-07', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2005-03-19', '2005-03-21', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2005-08-27', '2005-08-29', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2005-10-22', '2005-10-24', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2006-01-14', '2006-01-11', 'Government decrees on the transfer of days off in 2006 (adilet.zan.kz P050001309_, P060000277_)'),
    ('2006-05-06', '2006-05-08', 'Government decrees on the transfer of days off in 2006 (adilet.zan.kz P050001309_, P060000277_)'),
    ('2007-03-11', '2007-03-09', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-03-25', '2007-03-23', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-09-02', '2007-08-31', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-10-28', '2007-10-26', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-12-29', '2007-12-31', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2008-05-04', '2008-05-02', 'Government decree on the transfer of a day off in 2008 (adilet.zan.kz P080000364_)'),
    ('2009-12-20', '2009-12-18', 'Government decree No. 1936 of 26 November 2009 "On the transfer of a day off" (adilet.zan.kz P090001936_)'),
    ('2010-01-10', '2010-01-08', 'Government decree on the transfer of a day off in January 2010 (adilet.zan.kz P090002216_)'),
    ('2010-07-03', '2010-07-05', 'Government decree on the transfer of a day off in July 2010 (adilet.zan.kz P100000637_)'),
    ('2011-03-05', '2011-03-07', 'Government decrees on the transfer of days off in 2011 (adilet.zan.kz P1100000167, P1100000948)'),
    ('2011-08-27', '2011-08-29', 'Government decrees on the transfer of days off in 2011 (adilet.zan.kz P1100000167, P1100000948)'),
    ('2012-03-11', '2012-03-09', 'Government decrees on the transfer of days off in 2012 (adilet.zan.kz P1200000268, P1200000458)'),
    ('2012-04-28', '2012-04-30', 'Government decrees on the transfer of days off in 2012 (adilet.zan.kz P1200000268, P1200000458)'),
    ('2012-12-29', '2012-12-31', 'Government decree No. 1538 of 2012 (adilet.zan.kz P1200001538): the day off moved from Saturday 29 December to Monday 31 December 2012'),
    ('2013-05-04', '2013-05-10', 'Government decrees on the transfer of days off in 2013 (adilet.zan.kz P1300000345, P1300001068)'),
    ('2013-10-12', '2013-10-14', 'Government decrees on the transfer of days off in 2013 (adilet.zan.kz P1300000345, P1300001068)'),
    ('2013-12-28', '2014-01-03', 'Government decree of December 2013 (adilet.zan.kz P1300001322): the day off moved from Saturday 28 December 2013 to Friday 3 January 2014'),
    ('2014-05-04', '2014-05-02', 'Government decree of April 2014 (adilet.zan.kz P1400000365): days off moved from Sunday 4 May to Friday 2 May and from Sunday 11 May to Thursday 8 May 2014'),
    ('2014-05-11', '2014-05-08', 'Government decree of April 2014 (adilet.zan.kz P1400000365): days off moved from Sunday 4 May to Friday 2 May and from Sunday 11 May to Thursday 8 May 2014'),
    ('2016-03-05', '2016-03-07', 'Government decree No. 67 of February 2016 (adilet.zan.kz P1600000067): the day off moved from Saturday 5 March to Monday 7 March 2016'),
    ('2017-03-18', '2017-03-20', 'Government decree No. 5 of 2017 "On the transfer of days off in 2017" (adilet.zan.kz P1700000005)'),
    ('2017-07-01', '2017-07-07', 'Government decree No. 5 of 2017 "On the transfer of days off in 2017" (adilet.zan.kz P1700000005)'),
    ('2018-03-03', '2018-03-09', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-04-28', '2018-04-30', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-05-05', '2018-05-08', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-08-25', '2018-08-31', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-12-29', '2018-12-31', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2019-05-04', '2019-05-10', 'Government decree No. 888 of 2018 on the transfer of a day off in 2019 (adilet.zan.kz P1800000888)'),
    ('2020-01-05', '2020-01-03', 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820)'),
    ('2020-05-11', '2020-05-08', 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820)'),
    ('2020-12-20', '2020-12-18', 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820)'),
    ('2021-07-03', '2021-07-05', 'Government decree No. 930 of 2020 on the transfer of a day off in 2021 (adilet.zan.kz P2000000930)'),
    ('2022-03-05', '2022-03-07', 'Government decree No. 713 of 6 October 2021 "On the transfer of days off in 2022"'),
    ('2022-08-27', '2022-08-29', 'Government decree No. 713 of 6 October 2021 "On the transfer of days off in 2022"'),
    ('2022-10-22', '2022-10-24', 'Government decree No. 713 of 6 October 2021 as amended in October 2022 (adilet.zan.kz P2200000796): Saturday 22 October works, Monday 24 October off'),
    ('2023-07-01', '2023-07-07', 'Government decree on the transfer of days off in 2023'),
    ('2024-05-04', '2024-05-08', 'Government decree on the transfer of days off in 2024'),
    ('2025-01-05', '2025-01-03', 'Government decree on the transfer of days off in 2025')
  ) AS v(w, o, b);

SELECT confirm_calendar_year('KZ', y, b)
  FROM (VALUES
    (2016, 'Government decree No. 67 of February 2016 (adilet.zan.kz P1600000067): Sat 5 Mar works, Mon 7 Mar off; Kurban Ait 12 Sep'),
    (2017, 'Government decree No. 5 of 2017 "On the transfer of days off in 2017" (adilet.zan.kz P1700000005): Sat 18 Mar works, Mon 20 Mar off; Sat 1 Jul works, Fri 7 Jul off; Kurban Ait 1 Sep'),
    (2018, 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864): Sat 3 Mar / Fri 9 Mar, Sat 28 Apr / Mon 30 Apr, Sat 5 May / Tue 8 May, Sat 25 Aug / Fri 31 Aug, Sat 29 Dec / Mon 31 Dec (working / off); Kurban Ait 21 Aug'),
    (2019, 'Government decree No. 888 of 2018 (adilet.zan.kz P1800000888): Sat 4 May works, Fri 10 May off; Kurban Ait 11 Aug'),
    (2020, 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820): Sun 5 Jan / Fri 3 Jan, Mon 11 May / Fri 8 May, Sun 20 Dec / Fri 18 Dec (working / off); Kurban Ait 31 Jul'),
    (2021, 'Government decree No. 930 of 2020 (adilet.zan.kz P2000000930): Sat 3 Jul works, Mon 5 Jul off; Kurban Ait 20 Jul'),
    (2022, 'Government decree No. 713 of 6 October 2021 "On the transfer of days off in 2022" (Sat 5 Mar / Mon 7 Mar, Sat 27 Aug / Mon 29 Aug), amended in October 2022 (adilet.zan.kz P2200000796) with Sat 22 Oct / Mon 24 Oct; the Law of September 2022 on holidays (adilet.zan.kz Z2200000143) made 25 Oct a holiday and ended 1 Dec and 17 Dec, so 1 and 19 Dec 2022 were working days; Kurban Ait 9 Jul'),
    (2023, 'Government decree on the transfer of days off in 2023 (Sat 1 Jul works, Fri 7 Jul off)'),
    (2024, 'Government decree on the transfer of days off in 2024 (Sat 4 May works, Wed 8 May off)'),
    (2025, 'Government decree on the transfer of days off in 2025 (Sun 5 Jan works, Fri 3 Jan off)'),
    (2026, 'No transfers decreed for 2026; holidays per the Law "On holidays" as amended (no 30 Aug)')
  ) AS v(y, b);

-- What is known of the years left generated.
UPDATE calendar_year
   SET basis = CASE
     WHEN year <= 2001 THEN
       'Generated from the rules of the time (Presidential Decree No. 2534 of 1995: a holiday on a weekend day not moved; its list of holidays as python-holidays has it, 22 March inferred from Government decree No. 282 of 2001), with the Government transfers of the year known from adilet.zan.kz; not confirmed: the decree of 1995 and the transfer decrees were not all read'
     WHEN year <= 2005 THEN
       'Generated from the Law "On holidays" No. 267-II of 13 December 2001 as in force then (7 January and Kurban Ait not yet days off)'
       || CASE WHEN year = 2004 THEN ', no transfer decree known' ELSE ', with the Government transfers of the year known from adilet.zan.kz' END
       || '; not confirmed: the transfer decrees were not all read'
     WHEN year <= 2013 THEN
       'Generated from the Law "On holidays" as in force then, with the Government transfers of the year known from adilet.zan.kz; Kurban Ait day 1 '
       || CASE WHEN year = 2006 THEN '10 January (python-holidays)' ELSE 'estimated' END
       || '; not confirmed: the transfer decrees were not all read'
     WHEN year = 2014 THEN
       'Generated from the Law "On holidays" as in force then, with the transfers of Government decrees P1300001322 and P1400000365 (adilet.zan.kz); Kurban Ait 4 October (reported); not confirmed: other decrees of 2014 not searched'
     WHEN year = 2015 THEN
       'Generated from the holiday rules; Kurban Ait 24 September (egov.kz calendar as reported).  No Government decree on the transfer of days off in 2015 found: the egov.kz calendar for 2015 as reported lists only the days off of the weekend-holiday rule (9 March, 24-25 March, 11 May, 31 August), and python-holidays lists decrees for 2014 and 2016 but none for 2015; that no decree was issued is not established, so the year is not confirmed'
     ELSE 'Forecast generated from the holiday rules (Kurban Ait day 1 estimated); no Government decree yet'
   END
 WHERE calendar = 'KZ' AND status = 'generated';

-- Everything above is the extension's, recreated by CREATE EXTENSION.
UPDATE calendar SET seeded = true WHERE code = 'KZ';
UPDATE calendar_year SET seeded = true WHERE calendar = 'KZ';
UPDATE calendar_holiday_rule SET seeded = true WHERE calendar = 'KZ';
UPDATE calendar_day SET seeded = true WHERE calendar = 'KZ';
-- ===========================================================================
-- Registry
--
-- Acts, instructions, state bodies, the append-only decision journal,
-- roadmaps and reports.  The rules of the decree (R42-R79) are enforced by
-- C triggers that call one pure rules module (src/rules_core.c), so direct
-- DML is judged exactly like the API functions below.
--
-- Putting on control is the INSERT of the instruction: its row, with the
-- columns fixed at that moment (level, term, received_on, original_due_date),
-- is the record of that decision.  Every later decision is a row INSERTed
-- into `decision`.  Its BEFORE trigger locks the instruction, judges the
-- decision and applies it to the instruction (due date, regime, status,
-- count of extensions).  The instruction's own UPDATE
-- trigger refuses any change of those columns that is not the application of
-- a new decision.  Host registries link their rows by external_ref.
-- ===========================================================================

-- Vocabulary (lower-case codes; label() gives kk/ru/en names) ---------------

CREATE DOMAIN decider AS text
  CHECK (VALUE IN ('president', 'head_of_pa', 'secretary_sc', 'state_counsellor',
                   'head_of_presidents_office', 'assistant_or_adviser', 'pa_unit_head',
                   'prime_minister', 'deputy_prime_minister', 'head_of_government_office',
                   'first_head', 'akim'));
COMMENT ON DOMAIN decider IS 'Position that takes a decision on control (R69-R77, R57)';

CREATE DOMAIN control_regime AS text
  CHECK (VALUE IN ('regular', 'medium_term', 'long_term'));
COMMENT ON DOMAIN control_regime IS 'Control regime: regular, or medium-/long-term after a transfer (R69.3, R69.4)';

CREATE DOMAIN instruction_status AS text
  CHECK (VALUE IN ('on_control', 'removed'));
COMMENT ON DOMAIN instruction_status IS 'On control, or removed from control (R75); changed only by a removal decision';

CREATE DOMAIN secrecy_class AS text
  CHECK (VALUE IN ('none', 'restricted', 'state_secret'));
COMMENT ON DOMAIN secrecy_class IS 'Secrecy of an instruction; a state_secret one stores requisites only (R14)';

CREATE DOMAIN monitoring_category AS text
  CHECK (VALUE IN ('monument', 'construction', 'digitalisation', 'named_law',
                   'law_amendments', 'event_or_naming'));
COMMENT ON DOMAIN monitoring_category IS
  'R66-3 category monitored without periodic reports; fixes the removal evidence (R76-1)';

CREATE DOMAIN removal_ground AS text
  CHECK (VALUE IN ('executed', 'duplicated', 'impossible', 'control_passed'));
COMMENT ON DOMAIN removal_ground IS 'Ground for removal from control (R75 (1)-(4))';

CREATE DOMAIN evidence_kind AS text
  CHECK (VALUE IN ('official_report', 'act_adopted', 'law_signed', 'pa_unit_memo',
                   'executor_final_report', 'pa_expert_conclusion', 'event_held',
                   'new_instruction', 'control_passed_decision'));
COMMENT ON DOMAIN evidence_kind IS 'Kind of document supporting a removal from control (R75, R76-1)';

CREATE DOMAIN decision_kind AS text
  CHECK (VALUE IN ('extension', 'transfer', 'new_deadline', 'removal', 'roadmap_approval'));
COMMENT ON DOMAIN decision_kind IS 'Kind of entry in the decision journal';

CREATE DOMAIN new_deadline_reason AS text
  CHECK (VALUE IN ('emergency', 'state_of_emergency', 'quarantine'));
COMMENT ON DOMAIN new_deadline_reason IS 'Why a new deadline is set (R70.4)';

CREATE DOMAIN roadmap_drafter AS text
  CHECK (VALUE IN ('central_outside_government', 'central_interdepartmental', 'local',
                   'executor_only'));
COMMENT ON DOMAIN roadmap_drafter IS 'Who drafted a roadmap, which fixes who approves it (R57)';

CREATE DOMAIN report_kind AS text
  CHECK (VALUE IN ('intermediate', 'final', 'risk', 'measures'));
COMMENT ON DOMAIN report_kind IS
  'intermediate (R66-1), final, risk of late execution (R66-3.5), measures taken after a repeated extension (R72.4)';

CREATE DOMAIN reporting_period AS text
  CHECK (VALUE IN ('monthly', 'quarterly', 'half_yearly', 'yearly'));
COMMENT ON DOMAIN reporting_period IS 'Periodicity of intermediate control (R66-1.1)';

CREATE DOMAIN deadline_source AS text
  CHECK (VALUE IN ('term', 'two_weeks', 'act', 'control_approval', 'resolution', 'pa'));
COMMENT ON DOMAIN deadline_source IS
  'Where a deadline comes from: term (counted, R50.3), two_weeks (personal, R51), act, control_approval or resolution (R50.1), pa (set by the PA, R50.2)';

CREATE DOMAIN executor_role AS text
  CHECK (VALUE IN ('responsible', 'co_executor'));
COMMENT ON DOMAIN executor_role IS 'Role of a state body in executing an instruction: responsible executor or co-executor';

CREATE DOMAIN body_type AS text
  CHECK (VALUE IN ('presidential_administration', 'security_council', 'government',
                   'central', 'local', 'organisation'));
COMMENT ON DOMAIN body_type IS 'Kind of state body or organisation';

-- State bodies --------------------------------------------------------------

CREATE TABLE state_body (
  id            bigserial PRIMARY KEY,
  external_ref  text UNIQUE,
  code          text UNIQUE,
  name          text NOT NULL,
  name_kk       text,
  name_ru       text,
  body_type     body_type NOT NULL,
  parent_id     bigint REFERENCES state_body,
  directly_subordinate_to_president boolean NOT NULL DEFAULT false,
  inside_government boolean NOT NULL DEFAULT false,
  sector        text
);
COMMENT ON TABLE state_body IS 'State bodies and organisations that execute or control instructions';
COMMENT ON COLUMN state_body.external_ref IS 'Key of this body in the host registry';
COMMENT ON COLUMN state_body.code IS 'Short code, e.g. MINFIN';
COMMENT ON COLUMN state_body.body_type IS 'presidential_administration, security_council, government, central, local or organisation';
COMMENT ON COLUMN state_body.parent_id IS 'The body an organisation is subordinate to';
COMMENT ON COLUMN state_body.directly_subordinate_to_president IS 'Directly subordinate and accountable to the President (R42-1.4, R57)';
COMMENT ON COLUMN state_body.inside_government IS 'Part of the Government (R57: bodies outside it approve roadmaps by their first head)';
COMMENT ON COLUMN state_body.sector IS 'Sector heading for the annual summary (Appendix 8), e.g. "health care"';

-- Acts ----------------------------------------------------------------------

CREATE TABLE act (
  id            bigserial PRIMARY KEY,
  external_ref  text UNIQUE,
  act_type      text NOT NULL,
  number        text,
  title         text,
  signed_on     date,
  secrecy       secrecy_class NOT NULL DEFAULT 'none'
);
COMMENT ON TABLE act IS 'Source documents: acts of the President, minutes of events, Security Council decisions, posts';
COMMENT ON COLUMN act.external_ref IS 'Key of this act in the host registry';
COMMENT ON COLUMN act.act_type IS 'Free text, e.g. decree, order, address, meeting, security_council_decision';
COMMENT ON COLUMN act.signed_on IS 'Day the act was signed';

-- Instructions --------------------------------------------------------------

CREATE TABLE instruction (
  id                  bigserial PRIMARY KEY,
  external_ref        text UNIQUE,
  act_id              bigint REFERENCES act,
  point               point_ref,
  kind                instruction_kind NOT NULL,
  level               control_level NOT NULL,
  regime              control_regime NOT NULL DEFAULT 'regular',
  content             text,
  signed_on           date,
  received_on         date,
  term                term,
  due_date            date,
  original_due_date   date,
  calendar            text,
  responsible_body_id bigint REFERENCES state_body,
  co_executor_ids     bigint[] NOT NULL DEFAULT '{}',
  controlling_body_id bigint REFERENCES state_body,
  pa_unit             text,
  completion_form     text,
  final_result        text,
  category            monitoring_category,
  secrecy             secrecy_class NOT NULL DEFAULT 'none',
  paper_card_ref      text,
  local_character     boolean NOT NULL DEFAULT false,
  public_resonance    boolean NOT NULL DEFAULT false,
  new_approaches      boolean NOT NULL DEFAULT false,
  reporting_period    reporting_period,
  deadline_source     deadline_source,
  roadmap_due_date    date,
  status              instruction_status NOT NULL DEFAULT 'on_control',
  removed_on          date,
  parent_id           bigint REFERENCES instruction,
  upper_record_id     bigint REFERENCES instruction,
  extensions          integer NOT NULL DEFAULT 0 CHECK (extensions >= 0),
  decision_count      integer NOT NULL DEFAULT 0 CHECK (decision_count >= 0),
  last_decision_id    bigint,
  last_decided_on     date,
  imported            boolean NOT NULL DEFAULT false,
  recorded_by         name,
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX instruction_act_point_idx ON instruction (act_id, point);
CREATE INDEX instruction_due_idx ON instruction (due_date) WHERE status = 'on_control';
CREATE INDEX instruction_parent_idx ON instruction (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX instruction_responsible_idx ON instruction (responsible_body_id);
CREATE INDEX instruction_upper_idx ON instruction (upper_record_id) WHERE upper_record_id IS NOT NULL;

COMMENT ON TABLE instruction IS 'Instructions and act points on control; changed only through decisions (see decision)';
COMMENT ON COLUMN instruction.external_ref IS 'Key of this instruction in the host registry';
COMMENT ON COLUMN instruction.point IS 'Point number within the act, e.g. 1.42-1.5)';
COMMENT ON COLUMN instruction.kind IS 'Kind of instruction (R4.2, R42)';
COMMENT ON COLUMN instruction.level IS 'Level of control, fixed when put on control (R30-1, R42-1)';
COMMENT ON COLUMN instruction.regime IS 'regular, medium_term or long_term; changed by transfer (R69.3, R69.4)';
COMMENT ON COLUMN instruction.content IS 'Text of the instruction; empty for state secrets (R14)';
COMMENT ON COLUMN instruction.signed_on IS 'Day the instruction was signed (R51 counts personal instructions from it)';
COMMENT ON COLUMN instruction.received_on IS 'Day the executing body received it (R50.3 counts from it)';
COMMENT ON COLUMN instruction.term IS 'Term given in the act, e.g. ''10 working days''; the due date is computed from it when not given';
COMMENT ON COLUMN instruction.due_date IS 'Current deadline; changed only by extension, transfer or new deadline decisions';
COMMENT ON COLUMN instruction.original_due_date IS 'Deadline when put on control';
COMMENT ON COLUMN instruction.calendar IS 'Working-day calendar the deadline was counted in';
COMMENT ON COLUMN instruction.responsible_body_id IS 'Responsible executor';
COMMENT ON COLUMN instruction.co_executor_ids IS 'Co-executing bodies (state_body ids), fixed when put on control; checked and kept with foreign keys in instruction_executor';
COMMENT ON COLUMN instruction.controlling_body_id IS 'State body responsible for control (Government, central or local body)';
COMMENT ON COLUMN instruction.pa_unit IS 'PA structural unit responsible for control';
COMMENT ON COLUMN instruction.completion_form IS 'Completion form, e.g. information to the Administration, draft law';
COMMENT ON COLUMN instruction.final_result IS 'Measurable final result, only where the instruction has one';
COMMENT ON COLUMN instruction.category IS 'R66-3 category (monitoring without periodic reports; removal evidence per R76-1)';
COMMENT ON COLUMN instruction.paper_card_ref IS 'Reference of the paper control card (required for state secrets, R50.2)';
COMMENT ON COLUMN instruction.local_character IS 'Of a current (local) character (R42-1.2)';
COMMENT ON COLUMN instruction.public_resonance IS 'The matter caused public resonance (R42-1.2 exception)';
COMMENT ON COLUMN instruction.new_approaches IS 'Aims at new approaches, norms or rules (R56)';
COMMENT ON COLUMN instruction.reporting_period IS 'Intermediate control periodicity set by the PA (R66-1.1)';
COMMENT ON COLUMN instruction.roadmap_due_date IS 'Day a roadmap is due (R56: 10 working days from receipt; R59: on transfer to long-term control)';
COMMENT ON COLUMN instruction.status IS 'on_control or removed';
COMMENT ON COLUMN instruction.removed_on IS 'Day it was removed from control';
COMMENT ON COLUMN instruction.parent_id IS 'Instruction this one details; its due date may not be later (R50.1)';
COMMENT ON COLUMN instruction.extensions IS 'Extensions and transfers so far (R69.1: one is allowed, more are repeated, R72); maintained by the journal';
COMMENT ON COLUMN instruction.last_decision_id IS 'Latest decision applied to this row (maintained by the journal)';
COMMENT ON COLUMN instruction.deadline_source IS 'Where the deadline comes from (R50.1-R50.3, R51); computed for term and two_weeks, given with an explicit due date';
COMMENT ON COLUMN instruction.upper_record_id IS 'The record of the same point at a higher level: the PA''s record, or the body''s that passed control down (R42-1.4, R74-1, R75(4), R79)';
COMMENT ON COLUMN instruction.decision_count IS 'Decisions journaled on this instruction (maintained by the journal; the next one gets seq = decision_count + 1)';
COMMENT ON COLUMN instruction.last_decided_on IS 'Day of the latest decision (maintained by the journal; a new decision may not be dated earlier)';
COMMENT ON COLUMN instruction.imported IS 'Imported history (import_instruction): recorded as it was, not judged by the rules of Decree No. 403';
COMMENT ON COLUMN instruction.recorded_by IS 'Session user that put it on control or imported it (set by the registry)';

-- Executors, with foreign keys (the relational form of responsible_body_id and
-- co_executor_ids, written by the registry when the instruction is put on control).
CREATE TABLE instruction_executor (
  instruction_id  bigint NOT NULL REFERENCES instruction,
  body_id         bigint NOT NULL REFERENCES state_body,
  role            executor_role NOT NULL,
  PRIMARY KEY (instruction_id, body_id)
);
CREATE INDEX instruction_executor_body_idx ON instruction_executor (body_id);
COMMENT ON TABLE instruction_executor IS 'State bodies executing an instruction: the responsible executor and the co-executors (R56 counts them); written by the registry only';
COMMENT ON COLUMN instruction_executor.role IS 'responsible or co_executor';

-- Decision journal ----------------------------------------------------------

CREATE TABLE decision (
  id                  bigserial PRIMARY KEY,
  instruction_id      bigint NOT NULL,	-- no foreign key: the journal's trigger reads and locks it
  kind                decision_kind NOT NULL,
  decided_by          decider,
  decided_on          date NOT NULL DEFAULT current_date,
  basis               text,
  old_due_date        date,
  new_due_date        date,
  old_regime          control_regime,
  new_regime          control_regime,
  reason              text,
  ground              removal_ground,
  evidence            evidence_kind[] NOT NULL DEFAULT '{}',
  evidence_ref        text,
  disciplinary_review text,
  repeated            boolean NOT NULL DEFAULT false,
  measures_due_date   date,
  roadmap_due_date    date,
  roadmap_id          bigint,
  receiving_body_id   bigint REFERENCES state_body,
  paper_ref           text,
  seq                 integer,
  imported            boolean NOT NULL DEFAULT false,
  recorded_at         timestamptz NOT NULL DEFAULT now(),
  recorded_by         name NOT NULL DEFAULT session_user,
  acted_by            text
);
CREATE INDEX decision_instruction_idx ON decision (instruction_id, kind);
-- the order of an instruction's decisions is seq, given under the instruction's row lock
CREATE UNIQUE INDEX decision_instruction_seq_idx ON decision (instruction_id, seq);
-- a roadmap is journaled once: register_roadmap() looks its approval up by roadmap
CREATE INDEX decision_roadmap_idx ON decision (roadmap_id) WHERE roadmap_id IS NOT NULL;
-- instruction.last_decision_id has no foreign key: only the journal writes it, and
-- the guard checks every value against the decision it names.

COMMENT ON TABLE decision IS 'Append-only journal of every decision on control; inserting a row is how a decision is taken';
COMMENT ON COLUMN decision.instruction_id IS 'The instruction decided on (instruction.id); the journal''s trigger reads and locks it for every decision (23503 if it does not exist), and instructions are never deleted, so no foreign-key check is repeated per row';
COMMENT ON COLUMN decision.kind IS 'extension, transfer, new_deadline, removal or roadmap_approval';
COMMENT ON COLUMN decision.decided_by IS 'Position that decided';
COMMENT ON COLUMN decision.decided_on IS 'Day of the decision';
COMMENT ON COLUMN decision.basis IS 'Expert conclusion, agreement or letter the decision rests on (R69.1, R70.4)';
COMMENT ON COLUMN decision.old_due_date IS 'Due date before the decision (filled in by the journal)';
COMMENT ON COLUMN decision.new_due_date IS 'Due date after the decision';
COMMENT ON COLUMN decision.reason IS 'Transfer: the circumstances (R69.3, R69.4); new deadline: emergency, state_of_emergency or quarantine (R70.4)';
COMMENT ON COLUMN decision.ground IS 'Removal: the ground (R75)';
COMMENT ON COLUMN decision.evidence IS 'Removal: kinds of supporting documents (R75, R76-1)';
COMMENT ON COLUMN decision.evidence_ref IS 'Removal: references of the supporting documents';
COMMENT ON COLUMN decision.disciplinary_review IS 'Repeated extension: the decision on disciplinary responsibility (R72)';
COMMENT ON COLUMN decision.repeated IS 'A repeated extension or transfer (R72), set by the journal';
COMMENT ON COLUMN decision.measures_due_date IS 'Repeated extension: information on measures due within one month (R72.4)';
COMMENT ON COLUMN decision.roadmap_due_date IS 'Transfer to long-term control without a roadmap: the roadmap is due on this day (R59)';
COMMENT ON COLUMN decision.roadmap_id IS 'roadmap_approval: the roadmap approved';
COMMENT ON COLUMN decision.recorded_by IS 'Session user that recorded the decision (set by the journal, never taken from the client)';
COMMENT ON COLUMN decision.acted_by IS 'The person the application named for the transaction (SET LOCAL instruction_control.acting_person), set by the journal; NULL when none was named. recorded_by is the database role';
COMMENT ON COLUMN decision.recorded_at IS 'Start of the transaction that recorded it (set by the journal)';
COMMENT ON COLUMN decision.receiving_body_id IS 'Removal on ground control_passed: the body that takes over control (R75(4))';
COMMENT ON COLUMN decision.paper_ref IS 'State-secret instruction: reference of the paper document holding the basis, reason or review (R14); at most 100 characters';
COMMENT ON COLUMN decision.seq IS 'Order of the decision among the instruction''s decisions (1, 2, ...), given under the row lock';
COMMENT ON COLUMN decision.imported IS 'Imported history (import_decision): recorded as it was, not judged by the rules of Decree No. 403';

-- Who decides below PA level (R74-1) ----------------------------------------

CREATE TABLE decision_authority (
  level     control_level NOT NULL,
  action    decision_kind NOT NULL CHECK (action IN ('extension', 'transfer', 'new_deadline', 'removal')),
  decider   decider NOT NULL,
  enabled   boolean NOT NULL DEFAULT true,
  basis     text,
  seeded    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (level, action, decider),
  CHECK (level <> 'pa')
);
COMMENT ON TABLE decision_authority IS
  'Who may extend, transfer, set a new deadline or remove at Government, central, local and organisation level (R74-1); seeded with the decree''s analogues, editable by an administrator';
COMMENT ON COLUMN decision_authority.enabled IS 'false withdraws the authority (seeded rows are disabled, not deleted, so dump/restore keeps the change)';
COMMENT ON COLUMN decision_authority.basis IS 'The regulation that grants the authority';
COMMENT ON COLUMN decision_authority.seeded IS 'Row installed by the extension and not changed since; user rows and changed rows are dumped';

INSERT INTO decision_authority (level, action, decider, basis, seeded)
SELECT l::control_level, a, d, b, true
  FROM (VALUES
    ('government', 'prime_minister', 'R74-1 by analogy with R69.1/R76.1: the head of the Government'),
    ('government', 'head_of_government_office', 'R74-1 by analogy with R69.1/R76.1: the Head of the Government Office'),
    ('central', 'first_head', 'R74-1: the first head of the central state body'),
    ('local', 'akim', 'R74-1: the akim of the region, the capital or the city of republican significance'),
    ('organisation', 'first_head', 'R74-1: the first head of the organisation')
  ) AS s(l, d, b)
  CROSS JOIN (VALUES ('extension'), ('transfer'), ('new_deadline'), ('removal')) AS a(a);

-- Rules ---------------------------------------------------------------------
-- Every rule id the registry cites (in messages, in the matrix, in the error
-- field CONSTRAINT_NAME) with a title in kk, ru and en, so an application can
-- show a refusal in the user's language: SELECT title_kk FROM rule WHERE id = ...

CREATE TABLE rule (
  id        text PRIMARY KEY,
  title_kk  text NOT NULL,
  title_ru  text NOT NULL,
  title_en  text NOT NULL
);
COMMENT ON TABLE rule IS
  'The rules of Decree No. 976 as amended by No. 403 that the registry cites, by id (rules.md), with titles in kk, ru and en';
COMMENT ON COLUMN rule.id IS 'Rule id as cited in errors (PG_DIAG_CONSTRAINT_NAME), messages and the decision matrix, e.g. R69.1';

INSERT INTO rule (id, title_kk, title_ru, title_en) VALUES
  ('R4.5', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0434\044B \0431\0435\043A\0456\0442\0443: \043C\0435\0440\0437\0456\043C, \0430\044F\049B\0442\0430\043B\0443 \043D\044B\0441\0430\043D\044B, \043E\0440\044B\043D\0434\0430\0443\0448\044B\043B\0430\0440, \0431\0430\049B\044B\043B\0430\0443 \0434\0435\04A3\0433\0435\0439\0456'), instruction_control.unicode_text('\0423\0442\0432\0435\0440\0436\0434\0435\043D\0438\0435 \043A\043E\043D\0442\0440\043E\043B\044F: \0441\0440\043E\043A, \0444\043E\0440\043C\0430 \0437\0430\0432\0435\0440\0448\0435\043D\0438\044F, \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\0438, \0443\0440\043E\0432\0435\043D\044C \043A\043E\043D\0442\0440\043E\043B\044F'), 'Control approval: deadline, completion form, executors, control level'),
  ('R14', instruction_control.unicode_text('\041C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \049B\04B1\043F\0438\044F\043B\0430\0440\044B \0431\0430\0440 \049B\04B1\0436\0430\0442\0442\0430\0440 \049B\0430\0493\0430\0437 \0436\0435\0442\043A\0456\0437\0433\0456\0448\0442\0435'), instruction_control.unicode_text('\0414\043E\043A\0443\043C\0435\043D\0442\044B, \0441\043E\0434\0435\0440\0436\0430\0449\0438\0435 \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0435 \0441\0435\043A\0440\0435\0442\044B, \043D\0430 \0431\0443\043C\0430\0436\043D\043E\043C \043D\043E\0441\0438\0442\0435\043B\0435'), 'State secrets on paper only'),
  ('R30-1', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443 \0434\0435\04A3\0433\0435\0439\0456 \0436\043E\0431\0430 \0434\0430\0439\044B\043D\0434\0430\043B\0493\0430\043D\0434\0430 \0431\0435\043B\0433\0456\043B\0435\043D\0435\0434\0456'), instruction_control.unicode_text('\0423\0440\043E\0432\0435\043D\044C \043A\043E\043D\0442\0440\043E\043B\044F \043E\043F\0440\0435\0434\0435\043B\044F\0435\0442\0441\044F \043F\0440\0438 \043F\043E\0434\0433\043E\0442\043E\0432\043A\0435 \043F\0440\043E\0435\043A\0442\0430'), 'The control level is fixed when the instruction is drafted'),
  ('R42-1.1', instruction_control.unicode_text('\041F\0440\0435\0437\0438\0434\0435\043D\0442 \04D8\043A\0456\043C\0448\0456\043B\0456\0433\0456\043D\0456\04A3 \0431\0430\049B\044B\043B\0430\0443\044B\043D\0430 \049B\043E\0439\044B\043B\0430\0442\044B\043D \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440'), instruction_control.unicode_text('\041F\043E\0440\0443\0447\0435\043D\0438\044F, \0441\0442\0430\0432\044F\0449\0438\0435\0441\044F \043D\0430 \043A\043E\043D\0442\0440\043E\043B\044C \0410\0434\043C\0438\043D\0438\0441\0442\0440\0430\0446\0438\0438 \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430'), 'Instructions put on control of the Presidential Administration'),
  ('R42-1.2', instruction_control.unicode_text('\0410\0493\044B\043C\0434\0430\0493\044B (\0436\0435\0440\0433\0456\043B\0456\043A\0442\0456) \0441\0438\043F\0430\0442\0442\0430\0493\044B \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440 \041F\04D8 \0431\0430\049B\044B\043B\0430\0443\044B\043D\0430 \049B\043E\0439\044B\043B\043C\0430\0439\0434\044B'), instruction_control.unicode_text('\041F\043E\0440\0443\0447\0435\043D\0438\044F \0442\0435\043A\0443\0449\0435\0433\043E (\043B\043E\043A\0430\043B\044C\043D\043E\0433\043E) \0445\0430\0440\0430\043A\0442\0435\0440\0430 \043D\0435 \0441\0442\0430\0432\044F\0442\0441\044F \043D\0430 \043A\043E\043D\0442\0440\043E\043B\044C \0410\041F'), 'Instructions of a current (local) character are not put on PA control'),
  ('R42-1.3', instruction_control.unicode_text('\04E8\0437\0433\0435 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440 \04AE\043A\0456\043C\0435\0442\0442\0456\04A3, \043E\0440\0442\0430\043B\044B\049B \043D\0435\043C\0435\0441\0435 \0436\0435\0440\0433\0456\043B\0456\043A\0442\0456 \043E\0440\0433\0430\043D\043D\044B\04A3 \0431\0430\049B\044B\043B\0430\0443\044B\043D\0434\0430'), instruction_control.unicode_text('\0418\043D\044B\0435 \043F\043E\0440\0443\0447\0435\043D\0438\044F \043D\0430 \043A\043E\043D\0442\0440\043E\043B\0435 \041F\0440\0430\0432\0438\0442\0435\043B\044C\0441\0442\0432\0430, \0446\0435\043D\0442\0440\0430\043B\044C\043D\043E\0433\043E \0438\043B\0438 \043C\0435\0441\0442\043D\043E\0433\043E \043E\0440\0433\0430\043D\0430'), 'Other instructions are controlled by the Government or a central or local body'),
  ('R42-1.4', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\044B \0431\0435\0440\0456\043B\0433\0435\043D \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440\0434\044B \04AE\043A\0456\043C\0435\0442 \0431\0430\049B\044B\043B\0430\0439\0434\044B'), instruction_control.unicode_text('\041F\043E\0440\0443\0447\0435\043D\0438\044F, \043A\043E\043D\0442\0440\043E\043B\044C \043A\043E\0442\043E\0440\044B\0445 \043F\0435\0440\0435\0434\0430\043D, \043A\043E\043D\0442\0440\043E\043B\0438\0440\0443\0435\0442 \041F\0440\0430\0432\0438\0442\0435\043B\044C\0441\0442\0432\043E'), 'Instructions whose control was passed are controlled by the Government'),
  ('R50.1', instruction_control.unicode_text('\0422\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440 \0430\043A\0442\0456\0434\0435, \0431\0430\049B\044B\043B\0430\0443\0434\044B \0431\0435\043A\0456\0442\0443\0434\0435 \043D\0435\043C\0435\0441\0435 \0431\04B1\0440\044B\0448\0442\0430\043C\0430\0434\0430 \0431\0435\043B\0433\0456\043B\0435\043D\0433\0435\043D \043C\0435\0440\0437\0456\043C\0434\0435 \043E\0440\044B\043D\0434\0430\043B\0430\0434\044B'), instruction_control.unicode_text('\041F\043E\0440\0443\0447\0435\043D\0438\044F \0438\0441\043F\043E\043B\043D\044F\044E\0442\0441\044F \0432 \0441\0440\043E\043A\0438 \0430\043A\0442\0430, \0443\0442\0432\0435\0440\0436\0434\0435\043D\0438\044F \043A\043E\043D\0442\0440\043E\043B\044F \0438\043B\0438 \0440\0435\0437\043E\043B\044E\0446\0438\0438'), 'Deadlines of the act, the control approval or a resolution'),
  ('R50.2', instruction_control.unicode_text('\041C\0435\0440\0437\0456\043C\0434\0456 \041F\0440\0435\0437\0438\0434\0435\043D\0442 \04D8\043A\0456\043C\0448\0456\043B\0456\0433\0456 \0431\0435\043B\0433\0456\043B\0435\0439\0434\0456; \049B\04B1\043F\0438\044F \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440 \049B\0430\0493\0430\0437 \043A\0430\0440\0442\043E\0447\043A\0430\0434\0430'), instruction_control.unicode_text('\0421\0440\043E\043A \0443\0441\0442\0430\043D\0430\0432\043B\0438\0432\0430\0435\0442 \0410\0434\043C\0438\043D\0438\0441\0442\0440\0430\0446\0438\044F \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430; \0441\0435\043A\0440\0435\0442\043D\044B\0435 \043F\043E\0440\0443\0447\0435\043D\0438\044F \0432 \0431\0443\043C\0430\0436\043D\043E\0439 \043A\0430\0440\0442\043E\0447\043A\0435'), 'The PA sets the deadline; state secrets on a paper card'),
  ('R50.3', instruction_control.unicode_text('\041C\0435\0440\0437\0456\043C\0434\0435\0440 \0430\043B\0493\0430\043D \043A\04AF\043D\043D\0435\043D \0431\0430\0441\0442\0430\043F \0436\04B1\043C\044B\0441 \043A\04AF\043D\0434\0435\0440\0456\043C\0435\043D \0435\0441\0435\043F\0442\0435\043B\0435\0434\0456'), instruction_control.unicode_text('\0421\0440\043E\043A\0438 \0438\0441\0447\0438\0441\043B\044F\044E\0442\0441\044F \0432 \0440\0430\0431\043E\0447\0438\0445 \0434\043D\044F\0445 \0441\043E \0434\043D\044F \043F\043E\043B\0443\0447\0435\043D\0438\044F'), 'Deadlines are counted in working days from receipt'),
  ('R51', instruction_control.unicode_text('\0416\0435\043A\0435 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440 \049B\043E\043B \049B\043E\0439\044B\043B\0493\0430\043D \043A\04AF\043D\043D\0435\043D \0431\0430\0441\0442\0430\043F \0435\043A\0456 \0430\043F\0442\0430 \0456\0448\0456\043D\0434\0435 \043E\0440\044B\043D\0434\0430\043B\0430\0434\044B'), instruction_control.unicode_text('\041B\0438\0447\043D\044B\0435 \043F\043E\0440\0443\0447\0435\043D\0438\044F \0438\0441\043F\043E\043B\043D\044F\044E\0442\0441\044F \0432 \0442\0435\0447\0435\043D\0438\0435 \0434\0432\0443\0445 \043D\0435\0434\0435\043B\044C \0441\043E \0434\043D\044F \043F\043E\0434\043F\0438\0441\0430\043D\0438\044F'), 'Personal instructions within two weeks of signing'),
  ('R56', instruction_control.unicode_text('\0416\043E\043B \043A\0430\0440\0442\0430\0441\044B \0430\043B\0493\0430\043D \043A\04AF\043D\043D\0435\043D \0431\0430\0441\0442\0430\043F 10 \0436\04B1\043C\044B\0441 \043A\04AF\043D\0456 \0456\0448\0456\043D\0434\0435 \04D9\0437\0456\0440\043B\0435\043D\0435\0434\0456'), instruction_control.unicode_text('\0414\043E\0440\043E\0436\043D\0430\044F \043A\0430\0440\0442\0430 \0440\0430\0437\0440\0430\0431\0430\0442\044B\0432\0430\0435\0442\0441\044F \0432 \0442\0435\0447\0435\043D\0438\0435 10 \0440\0430\0431\043E\0447\0438\0445 \0434\043D\0435\0439 \0441\043E \0434\043D\044F \043F\043E\043B\0443\0447\0435\043D\0438\044F'), 'A roadmap within 10 working days of receipt'),
  ('R57', instruction_control.unicode_text('\0416\043E\043B \043A\0430\0440\0442\0430\0441\044B\043D \0431\0435\043A\0456\0442\0443'), instruction_control.unicode_text('\0423\0442\0432\0435\0440\0436\0434\0435\043D\0438\0435 \0434\043E\0440\043E\0436\043D\043E\0439 \043A\0430\0440\0442\044B'), 'Approval of a roadmap'),
  ('R59', instruction_control.unicode_text('\04B0\0437\0430\049B \043C\0435\0440\0437\0456\043C\0434\0456 \0431\0430\049B\044B\043B\0430\0443\0493\0430 \0430\0443\044B\0441\0442\044B\0440\0493\0430\043D\0434\0430 \0436\043E\043B \043A\0430\0440\0442\0430\0441\044B \043C\0456\043D\0434\0435\0442\0442\0456'), instruction_control.unicode_text('\041F\0440\0438 \043F\0435\0440\0435\0432\043E\0434\0435 \043D\0430 \0434\043E\043B\0433\043E\0441\0440\043E\0447\043D\044B\0439 \043A\043E\043D\0442\0440\043E\043B\044C \0434\043E\0440\043E\0436\043D\0430\044F \043A\0430\0440\0442\0430 \043E\0431\044F\0437\0430\0442\0435\043B\044C\043D\0430'), 'Long-term control needs a roadmap'),
  ('R66-1.1', instruction_control.unicode_text('\0410\0440\0430\043B\044B\049B \0431\0430\049B\044B\043B\0430\0443 \043C\0435\0440\0437\0456\043C\0434\0435\0440\0456'), instruction_control.unicode_text('\041F\0440\043E\043C\0435\0436\0443\0442\043E\0447\043D\044B\0435 \0441\0440\043E\043A\0438 \043A\043E\043D\0442\0440\043E\043B\044F'), 'Intermediate control deadlines'),
  ('R66-3.5', instruction_control.unicode_text('\041C\0435\0440\0437\0456\043C\043D\0456\04A3 \0431\04B1\0437\044B\043B\0443 \049B\0430\0443\043F\0456 \0442\0443\0440\0430\043B\044B \0434\0435\0440\0435\0443 \0445\0430\0431\0430\0440\043B\0430\0443'), instruction_control.unicode_text('\041D\0435\0437\0430\043C\0435\0434\043B\0438\0442\0435\043B\044C\043D\043E\0435 \0438\043D\0444\043E\0440\043C\0438\0440\043E\0432\0430\043D\0438\0435 \043E \0440\0438\0441\043A\0435 \043D\0430\0440\0443\0448\0435\043D\0438\044F \0441\0440\043E\043A\0430'), 'Immediate report of a risk to the deadline'),
  ('R69.1', instruction_control.unicode_text('\041C\0435\0440\0437\0456\043C\0434\0456 \04B1\0437\0430\0440\0442\0443 \043D\0435\043C\0435\0441\0435 \0430\0443\044B\0441\0442\044B\0440\0443 \0431\0456\0440 \0440\0435\0442\0442\0435\043D \0430\0440\0442\044B\049B \0435\043C\0435\0441'), instruction_control.unicode_text('\041F\0440\043E\0434\043B\0435\043D\0438\0435 \0441\0440\043E\043A\0430 \0438\043B\0438 \043F\0435\0440\0435\0432\043E\0434 \043D\0435 \0431\043E\043B\0435\0435 \043E\0434\043D\043E\0433\043E \0440\0430\0437\0430'), 'One extension or transfer'),
  ('R69.2', instruction_control.unicode_text('\049A\0430\0443\0456\043F\0441\0456\0437\0434\0456\043A \041A\0435\04A3\0435\0441\0456\043D\0456\04A3 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440\044B \0431\043E\0439\044B\043D\0448\0430 \0448\0435\0448\0456\043C'), instruction_control.unicode_text('\0420\0435\0448\0435\043D\0438\0435 \043F\043E \043F\043E\0440\0443\0447\0435\043D\0438\044F\043C \0421\043E\0432\0435\0442\0430 \0411\0435\0437\043E\043F\0430\0441\043D\043E\0441\0442\0438'), 'Security Council instructions'),
  ('R69.3', instruction_control.unicode_text('\041E\0440\0442\0430 \043C\0435\0440\0437\0456\043C\0434\0456 \0431\0430\049B\044B\043B\0430\0443\0493\0430 \0430\0443\044B\0441\0442\044B\0440\0443'), instruction_control.unicode_text('\041F\0435\0440\0435\0432\043E\0434 \043D\0430 \0441\0440\0435\0434\043D\0435\0441\0440\043E\0447\043D\044B\0439 \043A\043E\043D\0442\0440\043E\043B\044C'), 'Transfer to medium-term control'),
  ('R69.4', instruction_control.unicode_text('\04B0\0437\0430\049B \043C\0435\0440\0437\0456\043C\0434\0456 \0431\0430\049B\044B\043B\0430\0443\0493\0430 \0430\0443\044B\0441\0442\044B\0440\0443'), instruction_control.unicode_text('\041F\0435\0440\0435\0432\043E\0434 \043D\0430 \0434\043E\043B\0433\043E\0441\0440\043E\0447\043D\044B\0439 \043A\043E\043D\0442\0440\043E\043B\044C'), 'Transfer to long-term control'),
  ('R70.4', instruction_control.unicode_text('\0422\04E9\0442\0435\043D\0448\0435 \0436\0430\0493\0434\0430\0439, \0442\04E9\0442\0435\043D\0448\0435 \0430\0445\0443\0430\043B \043D\0435\043C\0435\0441\0435 \043A\0430\0440\0430\043D\0442\0438\043D \043A\0435\0437\0456\043D\0434\0435 \0436\0430\04A3\0430 \043C\0435\0440\0437\0456\043C \0431\0435\043B\0433\0456\043B\0435\0443'), instruction_control.unicode_text('\0423\0441\0442\0430\043D\043E\0432\043B\0435\043D\0438\0435 \043D\043E\0432\043E\0433\043E \0441\0440\043E\043A\0430 \043F\0440\0438 \0447\0440\0435\0437\0432\044B\0447\0430\0439\043D\043E\043C \043F\043E\043B\043E\0436\0435\043D\0438\0438, \0447\0440\0435\0437\0432\044B\0447\0430\0439\043D\043E\0439 \0441\0438\0442\0443\0430\0446\0438\0438 \0438\043B\0438 \043A\0430\0440\0430\043D\0442\0438\043D\0435'), 'A new deadline in an emergency or quarantine'),
  ('R70.5', instruction_control.unicode_text('\049A\0430\0443\0456\043F\0441\0456\0437\0434\0456\043A \041A\0435\04A3\0435\0441\0456\043D\0456\04A3 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440\044B \0431\043E\0439\044B\043D\0448\0430 \0436\0430\04A3\0430 \043C\0435\0440\0437\0456\043C'), instruction_control.unicode_text('\041D\043E\0432\044B\0439 \0441\0440\043E\043A \043F\043E \043F\043E\0440\0443\0447\0435\043D\0438\044F\043C \0421\043E\0432\0435\0442\0430 \0411\0435\0437\043E\043F\0430\0441\043D\043E\0441\0442\0438'), 'New deadline of a Security Council instruction'),
  ('R72.1', instruction_control.unicode_text('\0416\0430\043B\043F\044B\04B1\043B\0442\0442\044B\049B \0436\043E\0441\043F\0430\0440 \0431\043E\0439\044B\043D\0448\0430 \049B\0430\0439\0442\0430\043B\0430\043F \04B1\0437\0430\0440\0442\0443'), instruction_control.unicode_text('\041F\043E\0432\0442\043E\0440\043D\043E\0435 \043F\0440\043E\0434\043B\0435\043D\0438\0435 \043F\043E \041E\0431\0449\0435\043D\0430\0446\0438\043E\043D\0430\043B\044C\043D\043E\043C\0443 \043F\043B\0430\043D\0443'), 'Repeated extension of a national-plan item'),
  ('R72.2', instruction_control.unicode_text('\0422\04D9\0440\0442\0456\043F\0442\0456\043A \0436\0430\0443\0430\043F\0442\044B\043B\044B\049B\0442\044B \049B\0430\0440\0430\0439 \043E\0442\044B\0440\044B\043F \049B\0430\0439\0442\0430\043B\0430\043F \04B1\0437\0430\0440\0442\0443'), instruction_control.unicode_text('\041F\043E\0432\0442\043E\0440\043D\043E\0435 \043F\0440\043E\0434\043B\0435\043D\0438\0435 \0441 \0440\0430\0441\0441\043C\043E\0442\0440\0435\043D\0438\0435\043C \0434\0438\0441\0446\0438\043F\043B\0438\043D\0430\0440\043D\043E\0439 \043E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\043E\0441\0442\0438'), 'Repeated extension with disciplinary review'),
  ('R72.3', instruction_control.unicode_text('\049A\0430\0443\0456\043F\0441\0456\0437\0434\0456\043A \041A\0435\04A3\0435\0441\0456\043D\0456\04A3 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440\044B\043D \049B\0430\0439\0442\0430\043B\0430\043F \04B1\0437\0430\0440\0442\0443'), instruction_control.unicode_text('\041F\043E\0432\0442\043E\0440\043D\043E\0435 \043F\0440\043E\0434\043B\0435\043D\0438\0435 \043F\043E\0440\0443\0447\0435\043D\0438\0439 \0421\043E\0432\0435\0442\0430 \0411\0435\0437\043E\043F\0430\0441\043D\043E\0441\0442\0438'), 'Repeated extension of a Security Council instruction'),
  ('R72.4', instruction_control.unicode_text('\049A\0430\0431\044B\043B\0434\0430\043D\0493\0430\043D \0448\0430\0440\0430\043B\0430\0440 \0442\0443\0440\0430\043B\044B \0430\049B\043F\0430\0440\0430\0442 \0431\0456\0440 \0430\0439 \0456\0448\0456\043D\0434\0435'), instruction_control.unicode_text('\0418\043D\0444\043E\0440\043C\0430\0446\0438\044F \043E \043F\0440\0438\043D\044F\0442\044B\0445 \043C\0435\0440\0430\0445 \0432 \0442\0435\0447\0435\043D\0438\0435 \043C\0435\0441\044F\0446\0430'), 'Information on measures within one month'),
  ('R74', instruction_control.unicode_text('\0416\0435\043A\0435 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440\0434\044B\04A3 \043C\0435\0440\0437\0456\043C\0456\043D \0442\0435\043A \041F\0440\0435\0437\0438\0434\0435\043D\0442 \04B1\0437\0430\0440\0442\0430\0434\044B'), instruction_control.unicode_text('\0421\0440\043E\043A\0438 \043B\0438\0447\043D\044B\0445 \043F\043E\0440\0443\0447\0435\043D\0438\0439 \043F\0440\043E\0434\043B\0435\0432\0430\0435\0442 \0442\043E\043B\044C\043A\043E \041F\0440\0435\0437\0438\0434\0435\043D\0442'), 'Only the President extends personal instructions'),
  ('R74-1', instruction_control.unicode_text('\04AE\043A\0456\043C\0435\0442 \043F\0435\043D \043E\0440\0433\0430\043D\0434\0430\0440 \0434\0435\04A3\0433\0435\0439\0456\043D\0434\0435 \04B1\049B\0441\0430\0441 \0442\04D9\0440\0442\0456\043F'), instruction_control.unicode_text('\0410\043D\0430\043B\043E\0433\0438\0447\043D\044B\0439 \043F\043E\0440\044F\0434\043E\043A \043D\0430 \0443\0440\043E\0432\043D\0435 \041F\0440\0430\0432\0438\0442\0435\043B\044C\0441\0442\0432\0430 \0438 \043E\0440\0433\0430\043D\043E\0432'), 'The same order below the PA, by analogy'),
  ('R75', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0434\0430\043D \0430\043B\0443 \043D\0435\0433\0456\0437\0434\0435\0440\0456'), instruction_control.unicode_text('\041E\0441\043D\043E\0432\0430\043D\0438\044F \0441\043D\044F\0442\0438\044F \0441 \043A\043E\043D\0442\0440\043E\043B\044F'), 'Grounds for removal from control'),
  ('R76.1', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0434\0430\043D \041F\0440\0435\0437\0438\0434\0435\043D\0442 \043D\0435\043C\0435\0441\0435 \041F\04D8 \0411\0430\0441\0448\044B\0441\044B \0430\043B\0430\0434\044B'), instruction_control.unicode_text('\0421\043D\0438\043C\0430\0435\0442 \0441 \043A\043E\043D\0442\0440\043E\043B\044F \041F\0440\0435\0437\0438\0434\0435\043D\0442 \0438\043B\0438 \0420\0443\043A\043E\0432\043E\0434\0438\0442\0435\043B\044C \0410\041F'), 'Removal by the President or the Head of the PA'),
  ('R76.4', instruction_control.unicode_text('\049A\0430\0443\0456\043F\0441\0456\0437\0434\0456\043A \041A\0435\04A3\0435\0441\0456\043D\0456\04A3 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440\044B\043D \0431\0430\049B\044B\043B\0430\0443\0434\0430\043D \0430\043B\0443'), instruction_control.unicode_text('\0421\043D\044F\0442\0438\0435 \0441 \043A\043E\043D\0442\0440\043E\043B\044F \043F\043E\0440\0443\0447\0435\043D\0438\0439 \0421\043E\0432\0435\0442\0430 \0411\0435\0437\043E\043F\0430\0441\043D\043E\0441\0442\0438'), 'Removal of Security Council instructions'),
  ('R76-1', instruction_control.unicode_text('\0416\0435\043A\0435\043B\0435\0433\0435\043D \0441\0430\043D\0430\0442\0442\0430\0440 \0431\043E\0439\044B\043D\0448\0430 \0431\0430\049B\044B\043B\0430\0443\0434\0430\043D \0430\043B\0443 \04AF\0448\0456\043D \049B\04B1\0436\0430\0442\0442\0430\0440'), instruction_control.unicode_text('\0414\043E\043A\0443\043C\0435\043D\0442\044B \0434\043B\044F \0441\043D\044F\0442\0438\044F \0441 \043A\043E\043D\0442\0440\043E\043B\044F \043F\043E \043E\0442\0434\0435\043B\044C\043D\044B\043C \043A\0430\0442\0435\0433\043E\0440\0438\044F\043C'), 'Evidence for removal by category'),
  ('R77', instruction_control.unicode_text('\0416\0435\043A\0435 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440\0434\044B \0431\0430\049B\044B\043B\0430\0443\0434\0430\043D \0442\0435\043A \041F\0440\0435\0437\0438\0434\0435\043D\0442 \0430\043B\0430\0434\044B'), instruction_control.unicode_text('\041B\0438\0447\043D\044B\0435 \043F\043E\0440\0443\0447\0435\043D\0438\044F \0441\043D\0438\043C\0430\0435\0442 \0441 \043A\043E\043D\0442\0440\043E\043B\044F \0442\043E\043B\044C\043A\043E \041F\0440\0435\0437\0438\0434\0435\043D\0442'), 'Only the President removes personal instructions'),
  ('R79', instruction_control.unicode_text('\041F\04D8 \0431\0430\049B\044B\043B\0430\0443\044B\043D\0434\0430\0493\044B \0442\0430\0440\043C\0430\049B\0442\044B \043E\0440\0433\0430\043D \041F\04D8 \0430\043B\0493\0430\043D\043D\0430\043D \043A\0435\0439\0456\043D \0430\043B\0430\0434\044B'), instruction_control.unicode_text('\041F\0443\043D\043A\0442 \043D\0430 \043A\043E\043D\0442\0440\043E\043B\0435 \0410\041F \043E\0440\0433\0430\043D \0441\043D\0438\043C\0430\0435\0442 \043F\043E\0441\043B\0435 \0441\043D\044F\0442\0438\044F \0410\041F'), 'A body removes a PA-controlled point after the PA'),
  ('Decree No. 403', instruction_control.unicode_text('\04E8\0437\0433\0435\0440\0456\0441\0442\0435\0440 2024 \0436\044B\043B\0493\044B 1 \0430\049B\043F\0430\043D\043D\0430\043D \0431\0430\0441\0442\0430\043F \043A\04AF\0448\0456\043D\0435 \0435\043D\0434\0456'), instruction_control.unicode_text('\0418\0437\043C\0435\043D\0435\043D\0438\044F \0432\0441\0442\0443\043F\0438\043B\0438 \0432 \0441\0438\043B\0443 \0441 1 \0444\0435\0432\0440\0430\043B\044F 2024 \0433\043E\0434\0430'), 'The amendments are in force from 1 February 2024'),
  ('journal', instruction_control.unicode_text('\0428\0435\0448\0456\043C\0434\0435\0440 \0436\0443\0440\043D\0430\043B\044B: \0448\0435\0448\0456\043C \043A\04AF\043D\0456 \043C\0435\043D \0440\0435\0442\0456'), instruction_control.unicode_text('\0416\0443\0440\043D\0430\043B \0440\0435\0448\0435\043D\0438\0439: \0434\0430\0442\0430 \0438 \043F\043E\0440\044F\0434\043E\043A \0440\0435\0448\0435\043D\0438\044F'), 'The decision journal: date and order of decisions'),
  ('matrix', instruction_control.unicode_text('\0428\0435\0448\0456\043C \049B\0430\0431\044B\043B\0434\0430\0443\0448\044B\043B\0430\0440 \043C\0430\0442\0440\0438\0446\0430\0441\044B'), instruction_control.unicode_text('\041C\0430\0442\0440\0438\0446\0430 \043F\0440\0438\043D\0438\043C\0430\044E\0449\0438\0445 \0440\0435\0448\0435\043D\0438\044F'), 'The decision matrix');

-- The decision matrix: who may decide (R57, R69-R77, R74-1) -----------------
-- One row per answer of the decree: for an action, at a level (NULL: any), on
-- a class of kinds, first or repeated (NULL: either), for a roadmap's drafter
-- (R57), in force between two days.  Rows are tried by precedence; the first
-- that matches answers.  The administrator's R74-1 rows below PA stay in
-- decision_authority; the view decision_matrix shows both as one matrix,
-- which is what the triggers read (cached per session, refreshed when either
-- table changes).  An amendment of the decree is a change of one row here.

CREATE DOMAIN kind_class AS text
  CHECK (VALUE IN ('any', 'personal', 'personal_unpublished', 'security_council', 'national_plan'));
COMMENT ON DOMAIN kind_class IS
  'The kinds a rule singles out: any, personal (published or not), personal_unpublished, security_council, national_plan';

CREATE TABLE decision_rule (
  id              integer PRIMARY KEY,
  action          decision_kind NOT NULL,
  level           control_level,
  kind_class      kind_class NOT NULL DEFAULT 'any',
  repeated        boolean,
  drafter         roadmap_drafter,
  deciders        decider[] NOT NULL,
  rule_id         text NOT NULL REFERENCES rule,
  precedence      integer NOT NULL,
  effective_from  date,
  effective_to    date,
  enabled         boolean NOT NULL DEFAULT true,
  basis           text,
  seeded          boolean NOT NULL DEFAULT false,
  CHECK (effective_from IS NULL OR effective_to IS NULL OR effective_from <= effective_to),
  CHECK (isfinite(effective_from) AND isfinite(effective_to)),
  CHECK ((drafter IS NULL) = (action <> 'roadmap_approval')),
  CHECK (precedence BETWEEN 1 AND 899)
);
COMMENT ON TABLE decision_rule IS
  'The decree''s rows of the decision matrix: who may take a decision (R57, R69-R77); one row per answer, tried by precedence';
COMMENT ON COLUMN decision_rule.level IS 'Level the row answers for; NULL: every level';
COMMENT ON COLUMN decision_rule.kind_class IS 'Kinds of instruction the row singles out (kind_class)';
COMMENT ON COLUMN decision_rule.repeated IS 'true: a repeated extension or transfer only (R72); false: a first one only; NULL: either';
COMMENT ON COLUMN decision_rule.drafter IS 'roadmap_approval: the kind of body that drafted the roadmap (R57)';
COMMENT ON COLUMN decision_rule.deciders IS 'Positions that may decide';
COMMENT ON COLUMN decision_rule.rule_id IS 'The rule of rules.md that says so, e.g. R69.1';
COMMENT ON COLUMN decision_rule.precedence IS 'Rows are tried in this order (1-899; the administrator''s R74-1 rows come at 900)';
COMMENT ON COLUMN decision_rule.effective_from IS 'First day of decisions the row judges (NULL: open)';
COMMENT ON COLUMN decision_rule.effective_to IS 'Last day of decisions the row judges (NULL: open)';
COMMENT ON COLUMN decision_rule.enabled IS 'false withdraws the row (seeded rows are disabled, not deleted)';
COMMENT ON COLUMN decision_rule.seeded IS 'Row installed by the extension and not changed since; user rows and changed rows are dumped';

INSERT INTO decision_rule (id, action, level, kind_class, repeated, drafter, deciders, rule_id, precedence,
                           effective_from, basis, seeded)
SELECT id, action, level::control_level, kind_class, repeated, drafter, deciders::decider[], rule_id, precedence,
       date '2024-02-01', basis, true
  FROM (VALUES
    (10,  'removal',      'pa', 'personal',             NULL::boolean, NULL, '{president}',               'R77',   10,  'Personal instructions, published or not, are removed only by the President'),
    (20,  'removal',      'pa', 'security_council',     NULL,  NULL, '{president,secretary_sc}',  'R76.4', 20,  'Security Council instructions: the President or the Secretary of the SC'),
    (30,  'removal',      'pa', 'any',                  NULL,  NULL, '{president,head_of_pa}',    'R76.1', 30,  'The President or the Head of the PA'),
    (40,  'extension',    NULL, 'national_plan',        true,  NULL, '{president}',               'R72.1', 40,  'A repeated extension of a national-plan item: the President, at every level'),
    (41,  'transfer',     NULL, 'national_plan',        true,  NULL, '{president}',               'R72.1', 41,  'A repeated transfer of a national-plan item: the President, at every level'),
    (50,  'extension',    'pa', 'personal_unpublished', NULL,  NULL, '{president}',               'R74',   50,  'Personal instructions: only the President moves their deadline'),
    (51,  'transfer',     'pa', 'personal_unpublished', NULL,  NULL, '{president}',               'R74',   51,  'R74 read as covering every change of the deadline (README)'),
    (52,  'new_deadline', 'pa', 'personal_unpublished', NULL,  NULL, '{president}',               'R74',   52,  'R74 read as covering every change of the deadline (README)'),
    (60,  'new_deadline', 'pa', 'security_council',     NULL,  NULL, '{president,secretary_sc}',  'R70.5', 60,  'Security Council instructions: the President or the Secretary of the SC'),
    (70,  'extension',    'pa', 'security_council',     true,  NULL, '{president,secretary_sc}',  'R72.3', 70,  'Repeated, in exceptional cases'),
    (71,  'transfer',     'pa', 'security_council',     true,  NULL, '{president,secretary_sc}',  'R72.3', 71,  'Repeated, in exceptional cases'),
    (80,  'extension',    'pa', 'security_council',     false, NULL, '{president,secretary_sc}',  'R69.2', 80,  'R69.2 replaces the Head of the PA, not the President (revised reading)'),
    (81,  'transfer',     'pa', 'security_council',     false, NULL, '{president,secretary_sc}',  'R69.2', 81,  'R69.2 replaces the Head of the PA, not the President (revised reading)'),
    (90,  'new_deadline', 'pa', 'any',                  NULL,  NULL, '{president,head_of_pa}',    'R70.4', 90,  'R70.4 names no decider: those of R69.1 by analogy'),
    (100, 'extension',    'pa', 'any',                  true,  NULL, '{president,head_of_pa}',    'R72.2', 100, 'Repeated, with disciplinary responsibility considered'),
    (101, 'transfer',     'pa', 'any',                  true,  NULL, '{president,head_of_pa}',    'R72.2', 101, 'Repeated, with disciplinary responsibility considered'),
    (110, 'extension',    'pa', 'any',                  false, NULL, '{president,head_of_pa}',    'R69.1', 110, 'Once, on an expert conclusion or the PA''s agreement'),
    (111, 'transfer',     'pa', 'any',                  false, NULL, '{president,head_of_pa}',    'R69.1', 111, 'Once, to medium- or long-term control (R69.3, R69.4)'),
    (200, 'roadmap_approval', NULL, 'any', NULL, 'central_outside_government', '{first_head}', 'R57', 200, 'A central body outside the Government: its first head (after the Prime Minister''s agreement where needed)'),
    (201, 'roadmap_approval', NULL, 'any', NULL, 'central_interdepartmental', '{deputy_prime_minister,head_of_government_office}', 'R57', 201, 'Interdepartmental measures: the supervising Deputy PM or the Head of the Government Office'),
    (202, 'roadmap_approval', NULL, 'any', NULL, 'local',                     '{akim}',       'R57', 202, 'A local executive body: the akim'),
    (203, 'roadmap_approval', NULL, 'any', NULL, 'executor_only',             '{first_head}', 'R57', 203, 'Only the executor and its organisations: its first head')
  ) AS v(id, action, level, kind_class, repeated, drafter, deciders, rule_id, precedence, basis);

CREATE VIEW decision_matrix AS
SELECT r.precedence, r.action::text AS action, r.level::text AS level, r.kind_class::text AS kind_class,
       r.repeated, r.drafter::text AS drafter, r.deciders::text[] AS deciders, r.rule_id,
       r.effective_from, r.effective_to, r.basis, 'decision_rule'::text AS source
  FROM decision_rule r
 WHERE r.enabled
UNION ALL
SELECT 900, a.action::text, a.level::text, 'any', NULL, NULL,
       array_agg(a.decider::text ORDER BY a.decider::text), 'R74-1', NULL, NULL,
       string_agg(a.basis, '; ' ORDER BY a.decider::text), 'decision_authority'
  FROM decision_authority a
 WHERE a.enabled
 GROUP BY a.action, a.level;
COMMENT ON VIEW decision_matrix IS
  'Who may decide, as the rules read it: the decree''s rows (decision_rule) and the administrator''s R74-1 rows below PA (decision_authority), tried by precedence; the first matching row answers';
COMMENT ON COLUMN decision_matrix.precedence IS 'Order in which rows are tried (R74-1 rows at 900)';
COMMENT ON COLUMN decision_matrix.action IS 'extension, transfer, new_deadline, removal or roadmap_approval';
COMMENT ON COLUMN decision_matrix.level IS 'Control level; NULL: every level';
COMMENT ON COLUMN decision_matrix.kind_class IS 'Kinds the row singles out (any, personal, personal_unpublished, security_council, national_plan)';
COMMENT ON COLUMN decision_matrix.repeated IS 'true: repeated extension or transfer only; false: first only; NULL: either';
COMMENT ON COLUMN decision_matrix.drafter IS 'roadmap_approval: kind of drafting body (R57)';
COMMENT ON COLUMN decision_matrix.deciders IS 'Positions that may decide';
COMMENT ON COLUMN decision_matrix.rule_id IS 'Rule id of rules.md';
COMMENT ON COLUMN decision_matrix.effective_from IS 'First day the row judges (NULL: open)';
COMMENT ON COLUMN decision_matrix.effective_to IS 'Last day the row judges (NULL: open)';
COMMENT ON COLUMN decision_matrix.basis IS 'Why: the decree''s wording, or the regulation granting an R74-1 authority';
COMMENT ON COLUMN decision_matrix.source IS 'decision_rule (the decree) or decision_authority (the administrator, R74-1)';

-- Roadmaps and reports ------------------------------------------------------

CREATE TABLE roadmap (
  id                  bigserial PRIMARY KEY,
  instruction_id      bigint NOT NULL REFERENCES instruction,
  drafted_by_body_id  bigint REFERENCES state_body,
  drafter             roadmap_drafter NOT NULL,
  approved_by         decider NOT NULL,
  approved_on         date NOT NULL DEFAULT current_date,
  touches_government_powers boolean NOT NULL DEFAULT false,
  agreed_with_prime_minister boolean NOT NULL DEFAULT false,
  agreed_with_pa_on   date,
  document_ref        text,
  recorded_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX roadmap_instruction_idx ON roadmap (instruction_id);
ALTER TABLE decision ADD FOREIGN KEY (roadmap_id) REFERENCES roadmap;
COMMENT ON TABLE roadmap IS 'Roadmaps (plans of organisational measures, Appendix 3) and their approval (R56, R57, R59)';
COMMENT ON COLUMN roadmap.drafter IS 'Kind of drafting body, which fixes the approver (R57)';
COMMENT ON COLUMN roadmap.approved_by IS 'Position that approved it (R57)';
COMMENT ON COLUMN roadmap.touches_government_powers IS 'Touches the Government''s powers: needs the Prime Minister''s agreement (R57)';
COMMENT ON COLUMN roadmap.agreed_with_pa_on IS 'Day the PA agreed it, where needed (within 5 working days, R57)';

CREATE TABLE report (
  id                  bigserial PRIMARY KEY,
  instruction_id      bigint NOT NULL REFERENCES instruction,
  kind                report_kind NOT NULL,
  period_end          date,
  submitted_on        date NOT NULL DEFAULT current_date,
  submitted_by_body_id bigint REFERENCES state_body,
  addressee           decider,
  content             text,
  document_ref        text,
  recorded_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX report_instruction_idx ON report (instruction_id, submitted_on);
COMMENT ON TABLE report IS 'Intermediate, final, risk and measures reports on an instruction (R66-1, R66-3.5, R72.4)';
COMMENT ON COLUMN report.period_end IS 'End of the reporting period an intermediate report covers';
COMMENT ON COLUMN report.addressee IS 'Official it goes to by area of supervision (R66-1.2, R66-1.3)';

-- Labels for people (kk, ru, en) -------------------------------------------

CREATE TABLE vocabulary (
  domain  text NOT NULL,
  code    text NOT NULL,
  kk      text NOT NULL,
  ru      text NOT NULL,
  en      text NOT NULL,
  PRIMARY KEY (domain, code)
);
COMMENT ON TABLE vocabulary IS 'Kazakh, Russian and English names of the registry''s codes (deciders, regimes, grounds, ...)';
COMMENT ON COLUMN vocabulary.domain IS 'The domain the code belongs to, e.g. decider, control_regime';

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('decider', 'president', instruction_control.unicode_text('\049A\0430\0437\0430\049B\0441\0442\0430\043D \0420\0435\0441\043F\0443\0431\043B\0438\043A\0430\0441\044B\043D\044B\04A3 \041F\0440\0435\0437\0438\0434\0435\043D\0442\0456'), instruction_control.unicode_text('\041F\0440\0435\0437\0438\0434\0435\043D\0442 \0420\0435\0441\043F\0443\0431\043B\0438\043A\0438 \041A\0430\0437\0430\0445\0441\0442\0430\043D'), 'President of the Republic of Kazakhstan'),
  ('decider', 'head_of_pa', instruction_control.unicode_text('\041F\0440\0435\0437\0438\0434\0435\043D\0442 \04D8\043A\0456\043C\0448\0456\043B\0456\0433\0456\043D\0456\04A3 \0411\0430\0441\0448\044B\0441\044B'), instruction_control.unicode_text('\0420\0443\043A\043E\0432\043E\0434\0438\0442\0435\043B\044C \0410\0434\043C\0438\043D\0438\0441\0442\0440\0430\0446\0438\0438 \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430'), 'Head of the Presidential Administration'),
  ('decider', 'secretary_sc', instruction_control.unicode_text('\049A\0430\0443\0456\043F\0441\0456\0437\0434\0456\043A \041A\0435\04A3\0435\0441\0456\043D\0456\04A3 \0425\0430\0442\0448\044B\0441\044B'), instruction_control.unicode_text('\0421\0435\043A\0440\0435\0442\0430\0440\044C \0421\043E\0432\0435\0442\0430 \0411\0435\0437\043E\043F\0430\0441\043D\043E\0441\0442\0438'), 'Secretary of the Security Council'),
  ('decider', 'state_counsellor', instruction_control.unicode_text('\041C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043A\0435\04A3\0435\0441\0448\0456'), instruction_control.unicode_text('\0413\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0439 \0441\043E\0432\0435\0442\043D\0438\043A'), 'State Counsellor'),
  ('decider', 'head_of_presidents_office', instruction_control.unicode_text('\041F\0440\0435\0437\0438\0434\0435\043D\0442 \041A\0435\04A3\0441\0435\0441\0456\043D\0456\04A3 \0431\0430\0441\0448\044B\0441\044B'), instruction_control.unicode_text('\0420\0443\043A\043E\0432\043E\0434\0438\0442\0435\043B\044C \041A\0430\043D\0446\0435\043B\044F\0440\0438\0438 \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430'), 'Head of the President''s Office'),
  ('decider', 'assistant_or_adviser', instruction_control.unicode_text('\041F\0440\0435\0437\0438\0434\0435\043D\0442\0442\0456\04A3 \043A\04E9\043C\0435\043A\0448\0456\0441\0456 \043D\0435\043C\0435\0441\0435 \043A\0435\04A3\0435\0441\0448\0456\0441\0456'), instruction_control.unicode_text('\041F\043E\043C\043E\0449\043D\0438\043A \0438\043B\0438 \0441\043E\0432\0435\0442\043D\0438\043A \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430'), 'Assistant or Adviser to the President'),
  ('decider', 'pa_unit_head', instruction_control.unicode_text('\041F\0440\0435\0437\0438\0434\0435\043D\0442 \04D8\043A\0456\043C\0448\0456\043B\0456\0433\0456 \049B\04B1\0440\044B\043B\044B\043C\0434\044B\049B \0431\04E9\043B\0456\043C\0448\0435\0441\0456\043D\0456\04A3 \0431\0430\0441\0448\044B\0441\044B'), instruction_control.unicode_text('\0420\0443\043A\043E\0432\043E\0434\0438\0442\0435\043B\044C \0441\0442\0440\0443\043A\0442\0443\0440\043D\043E\0433\043E \043F\043E\0434\0440\0430\0437\0434\0435\043B\0435\043D\0438\044F \0410\0434\043C\0438\043D\0438\0441\0442\0440\0430\0446\0438\0438 \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430'), 'Head of a PA structural unit'),
  ('decider', 'prime_minister', instruction_control.unicode_text('\041F\0440\0435\043C\044C\0435\0440-\041C\0438\043D\0438\0441\0442\0440'), instruction_control.unicode_text('\041F\0440\0435\043C\044C\0435\0440-\041C\0438\043D\0438\0441\0442\0440'), 'Prime Minister'),
  ('decider', 'deputy_prime_minister', instruction_control.unicode_text('\041F\0440\0435\043C\044C\0435\0440-\041C\0438\043D\0438\0441\0442\0440\0434\0456\04A3 \043E\0440\044B\043D\0431\0430\0441\0430\0440\044B'), instruction_control.unicode_text('\0417\0430\043C\0435\0441\0442\0438\0442\0435\043B\044C \041F\0440\0435\043C\044C\0435\0440-\041C\0438\043D\0438\0441\0442\0440\0430'), 'Deputy Prime Minister'),
  ('decider', 'head_of_government_office', instruction_control.unicode_text('\04AE\043A\0456\043C\0435\0442 \0410\043F\043F\0430\0440\0430\0442\044B\043D\044B\04A3 \0411\0430\0441\0448\044B\0441\044B'), instruction_control.unicode_text('\0420\0443\043A\043E\0432\043E\0434\0438\0442\0435\043B\044C \0410\043F\043F\0430\0440\0430\0442\0430 \041F\0440\0430\0432\0438\0442\0435\043B\044C\0441\0442\0432\0430'), 'Head of the Government Office'),
  ('decider', 'first_head', instruction_control.unicode_text('\0411\0456\0440\0456\043D\0448\0456 \0431\0430\0441\0448\044B'), instruction_control.unicode_text('\041F\0435\0440\0432\044B\0439 \0440\0443\043A\043E\0432\043E\0434\0438\0442\0435\043B\044C'), 'First head'),
  ('decider', 'akim', instruction_control.unicode_text('\04D8\043A\0456\043C'), instruction_control.unicode_text('\0410\043A\0438\043C'), 'Akim'),
  ('control_regime', 'regular', instruction_control.unicode_text('\0410\0493\044B\043C\0434\0430\0493\044B \0431\0430\049B\044B\043B\0430\0443'), instruction_control.unicode_text('\0422\0435\043A\0443\0449\0438\0439 \043A\043E\043D\0442\0440\043E\043B\044C'), 'Regular control'),
  ('control_regime', 'medium_term', instruction_control.unicode_text('\041E\0440\0442\0430 \043C\0435\0440\0437\0456\043C\0434\0456 \0431\0430\049B\044B\043B\0430\0443'), instruction_control.unicode_text('\0421\0440\0435\0434\043D\0435\0441\0440\043E\0447\043D\044B\0439 \043A\043E\043D\0442\0440\043E\043B\044C'), 'Medium-term control'),
  ('control_regime', 'long_term', instruction_control.unicode_text('\04B0\0437\0430\049B \043C\0435\0440\0437\0456\043C\0434\0456 \0431\0430\049B\044B\043B\0430\0443'), instruction_control.unicode_text('\0414\043E\043B\0433\043E\0441\0440\043E\0447\043D\044B\0439 \043A\043E\043D\0442\0440\043E\043B\044C'), 'Long-term control'),
  ('decision_kind', 'extension', instruction_control.unicode_text('\041C\0435\0440\0437\0456\043C\0434\0456 \04B1\0437\0430\0440\0442\0443'), instruction_control.unicode_text('\041F\0440\043E\0434\043B\0435\043D\0438\0435 \0441\0440\043E\043A\0430'), 'Extension of the deadline'),
  ('decision_kind', 'transfer', instruction_control.unicode_text('\041E\0440\0442\0430 \043D\0435\043C\0435\0441\0435 \04B1\0437\0430\049B \043C\0435\0440\0437\0456\043C\0434\0456 \0431\0430\049B\044B\043B\0430\0443\0493\0430 \0430\0443\044B\0441\0442\044B\0440\0443'), instruction_control.unicode_text('\041F\0435\0440\0435\0432\043E\0434 \043D\0430 \0441\0440\0435\0434\043D\0435- \0438\043B\0438 \0434\043E\043B\0433\043E\0441\0440\043E\0447\043D\044B\0439 \043A\043E\043D\0442\0440\043E\043B\044C'), 'Transfer to medium- or long-term control'),
  ('decision_kind', 'new_deadline', instruction_control.unicode_text('\0416\0430\04A3\0430 \043C\0435\0440\0437\0456\043C\0434\0456 \0431\0435\043B\0433\0456\043B\0435\0443'), instruction_control.unicode_text('\0423\0441\0442\0430\043D\043E\0432\043B\0435\043D\0438\0435 \043D\043E\0432\043E\0433\043E \0441\0440\043E\043A\0430'), 'New deadline'),
  ('decision_kind', 'removal', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0434\0430\043D \0430\043B\0443'), instruction_control.unicode_text('\0421\043D\044F\0442\0438\0435 \0441 \043A\043E\043D\0442\0440\043E\043B\044F'), 'Removal from control'),
  ('decision_kind', 'roadmap_approval', instruction_control.unicode_text('\0416\043E\043B \043A\0430\0440\0442\0430\0441\044B\043D \0431\0435\043A\0456\0442\0443'), instruction_control.unicode_text('\0423\0442\0432\0435\0440\0436\0434\0435\043D\0438\0435 \0434\043E\0440\043E\0436\043D\043E\0439 \043A\0430\0440\0442\044B'), 'Approval of the roadmap'),
  ('removal_ground', 'executed', instruction_control.unicode_text('\0422\043E\043B\044B\049B \0436\04D9\043D\0435 \0441\0430\043F\0430\043B\044B \043E\0440\044B\043D\0434\0430\0443'), instruction_control.unicode_text('\041F\043E\043B\043D\043E\0435 \0438 \043A\0430\0447\0435\0441\0442\0432\0435\043D\043D\043E\0435 \0438\0441\043F\043E\043B\043D\0435\043D\0438\0435'), 'Full and proper execution'),
  ('removal_ground', 'duplicated', instruction_control.unicode_text('\0411\04B1\0440\044B\043D\0493\044B \0442\0430\043F\0441\044B\0440\043C\0430\043D\044B \049B\0430\043C\0442\0438\0442\044B\043D \0436\0430\04A3\0430 \0442\0430\043F\0441\044B\0440\043C\0430'), instruction_control.unicode_text('\041D\043E\0432\043E\0435 \043F\043E\0440\0443\0447\0435\043D\0438\0435, \0441\043E\0434\0435\0440\0436\0430\0449\0435\0435 \043F\0440\0435\0436\043D\0435\0435'), 'Contained in a new instruction'),
  ('removal_ground', 'impossible', instruction_control.unicode_text('\041E\0431\044A\0435\043A\0442\0438\0432\0442\0456 \0441\0435\0431\0435\043F\0442\0435\0440\043C\0435\043D \043E\0440\044B\043D\0434\0430\0443 \043C\04AF\043C\043A\0456\043D \0435\043C\0435\0441\0442\0456\0433\0456'), instruction_control.unicode_text('\041D\0435\0432\043E\0437\043C\043E\0436\043D\043E\0441\0442\044C \0438\0441\043F\043E\043B\043D\0435\043D\0438\044F \043F\043E \043E\0431\044A\0435\043A\0442\0438\0432\043D\044B\043C \043F\0440\0438\0447\0438\043D\0430\043C'), 'Execution impossible for objective reasons'),
  ('removal_ground', 'control_passed', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0434\044B \04AE\043A\0456\043C\0435\0442\043A\0435 \043D\0435\043C\0435\0441\0435 \04E9\0437\0433\0435 \043E\0440\0433\0430\043D\0493\0430 \0431\0435\0440\0443'), instruction_control.unicode_text('\041F\0435\0440\0435\0434\0430\0447\0430 \043A\043E\043D\0442\0440\043E\043B\044F \041F\0440\0430\0432\0438\0442\0435\043B\044C\0441\0442\0432\0443 \0438\043B\0438 \0438\043D\043E\043C\0443 \043E\0440\0433\0430\043D\0443'), 'Control passed to the Government or another body'),
  ('instruction_status', 'on_control', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0434\0430'), instruction_control.unicode_text('\041D\0430 \043A\043E\043D\0442\0440\043E\043B\0435'), 'On control'),
  ('instruction_status', 'removed', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0434\0430\043D \0430\043B\044B\043D\0434\044B'), instruction_control.unicode_text('\0421\043D\044F\0442\043E \0441 \043A\043E\043D\0442\0440\043E\043B\044F'), 'Removed from control'),
  ('report_kind', 'intermediate', instruction_control.unicode_text('\0410\0440\0430\043B\044B\049B \0430\049B\043F\0430\0440\0430\0442'), instruction_control.unicode_text('\041F\0440\043E\043C\0435\0436\0443\0442\043E\0447\043D\0430\044F \0438\043D\0444\043E\0440\043C\0430\0446\0438\044F'), 'Intermediate report'),
  ('report_kind', 'final', instruction_control.unicode_text('\049A\043E\0440\044B\0442\044B\043D\0434\044B \0430\049B\043F\0430\0440\0430\0442'), instruction_control.unicode_text('\0418\0442\043E\0433\043E\0432\0430\044F \0438\043D\0444\043E\0440\043C\0430\0446\0438\044F'), 'Final report'),
  ('report_kind', 'risk', instruction_control.unicode_text('\041C\0435\0440\0437\0456\043C\043D\0456\04A3 \0431\04B1\0437\044B\043B\0443 \049B\0430\0443\043F\0456 \0442\0443\0440\0430\043B\044B \0430\049B\043F\0430\0440\0430\0442'), instruction_control.unicode_text('\0418\043D\0444\043E\0440\043C\0430\0446\0438\044F \043E \0440\0438\0441\043A\0435 \043D\0430\0440\0443\0448\0435\043D\0438\044F \0441\0440\043E\043A\0430'), 'Risk of late execution'),
  ('report_kind', 'measures', instruction_control.unicode_text('\049A\0430\0431\044B\043B\0434\0430\043D\0493\0430\043D \0448\0430\0440\0430\043B\0430\0440 \0442\0443\0440\0430\043B\044B \0430\049B\043F\0430\0440\0430\0442'), instruction_control.unicode_text('\0418\043D\0444\043E\0440\043C\0430\0446\0438\044F \043E \043F\0440\0438\043D\044F\0442\044B\0445 \043C\0435\0440\0430\0445'), 'Information on measures taken'),
  ('new_deadline_reason', 'emergency', instruction_control.unicode_text('\0422\04E9\0442\0435\043D\0448\0435 \0430\0445\0443\0430\043B'), instruction_control.unicode_text('\0427\0440\0435\0437\0432\044B\0447\0430\0439\043D\0430\044F \0441\0438\0442\0443\0430\0446\0438\044F'), 'Emergency'),
  ('new_deadline_reason', 'state_of_emergency', instruction_control.unicode_text('\0422\04E9\0442\0435\043D\0448\0435 \0436\0430\0493\0434\0430\0439 \0440\0435\0436\0438\043C\0456'), instruction_control.unicode_text('\0420\0435\0436\0438\043C \0447\0440\0435\0437\0432\044B\0447\0430\0439\043D\043E\0433\043E \043F\043E\043B\043E\0436\0435\043D\0438\044F'), 'State of emergency'),
  ('new_deadline_reason', 'quarantine', instruction_control.unicode_text('\041A\0430\0440\0430\043D\0442\0438\043D'), instruction_control.unicode_text('\041A\0430\0440\0430\043D\0442\0438\043D'), 'Quarantine'),
  ('body_type', 'presidential_administration', instruction_control.unicode_text('\041F\0440\0435\0437\0438\0434\0435\043D\0442 \04D8\043A\0456\043C\0448\0456\043B\0456\0433\0456'), instruction_control.unicode_text('\0410\0434\043C\0438\043D\0438\0441\0442\0440\0430\0446\0438\044F \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430'), 'Presidential Administration'),
  ('body_type', 'security_council', instruction_control.unicode_text('\049A\0430\0443\0456\043F\0441\0456\0437\0434\0456\043A \041A\0435\04A3\0435\0441\0456'), instruction_control.unicode_text('\0421\043E\0432\0435\0442 \0411\0435\0437\043E\043F\0430\0441\043D\043E\0441\0442\0438'), 'Security Council'),
  ('body_type', 'government', instruction_control.unicode_text('\04AE\043A\0456\043C\0435\0442'), instruction_control.unicode_text('\041F\0440\0430\0432\0438\0442\0435\043B\044C\0441\0442\0432\043E'), 'Government'),
  ('body_type', 'central', instruction_control.unicode_text('\041E\0440\0442\0430\043B\044B\049B \043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043E\0440\0433\0430\043D'), instruction_control.unicode_text('\0426\0435\043D\0442\0440\0430\043B\044C\043D\044B\0439 \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0439 \043E\0440\0433\0430\043D'), 'Central state body'),
  ('body_type', 'local', instruction_control.unicode_text('\0416\0435\0440\0433\0456\043B\0456\043A\0442\0456 \0430\0442\049B\0430\0440\0443\0448\044B \043E\0440\0433\0430\043D'), instruction_control.unicode_text('\041C\0435\0441\0442\043D\044B\0439 \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C\043D\044B\0439 \043E\0440\0433\0430\043D'), 'Local executive body'),
  ('body_type', 'organisation', instruction_control.unicode_text('\04B0\0439\044B\043C'), instruction_control.unicode_text('\041E\0440\0433\0430\043D\0438\0437\0430\0446\0438\044F'), 'Organisation'),
  ('deadline_source', 'term', instruction_control.unicode_text('\041C\0435\0440\0437\0456\043C\043D\0435\043D \0436\04B1\043C\044B\0441 \043A\04AF\043D\0434\0435\0440\0456\043C\0435\043D \0435\0441\0435\043F\0442\0435\043B\0433\0435\043D'), instruction_control.unicode_text('\0418\0441\0447\0438\0441\043B\0435\043D \043E\0442 \0441\0440\043E\043A\0430 \0432 \0440\0430\0431\043E\0447\0438\0445 \0434\043D\044F\0445'), 'Counted from the term'),
  ('deadline_source', 'two_weeks', instruction_control.unicode_text('\049A\043E\043B \049B\043E\0439\044B\043B\0493\0430\043D \043A\04AF\043D\043D\0435\043D \0431\0430\0441\0442\0430\043F \0435\043A\0456 \0430\043F\0442\0430'), instruction_control.unicode_text('\0414\0432\0435 \043D\0435\0434\0435\043B\0438 \0441\043E \0434\043D\044F \043F\043E\0434\043F\0438\0441\0430\043D\0438\044F'), 'Two weeks from signing'),
  ('deadline_source', 'act', instruction_control.unicode_text('\0410\043A\0442\0456\043D\0456\04A3 \043D\0435\043C\0435\0441\0435 \0442\0430\043F\0441\044B\0440\043C\0430\043D\044B\04A3 \043C\04D9\0442\0456\043D\0456\043D\0434\0435'), instruction_control.unicode_text('\0412 \0442\0435\043A\0441\0442\0435 \0430\043A\0442\0430 \0438\043B\0438 \043F\043E\0440\0443\0447\0435\043D\0438\044F'), 'Set in the act or instruction'),
  ('deadline_source', 'control_approval', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0434\044B \0431\0435\043A\0456\0442\0443\0434\0435'), instruction_control.unicode_text('\0412 \0443\0442\0432\0435\0440\0436\0434\0435\043D\0438\0438 \043A\043E\043D\0442\0440\043E\043B\044F'), 'Set in the control approval'),
  ('deadline_source', 'resolution', instruction_control.unicode_text('\0411\04B1\0440\044B\0448\0442\0430\043C\0430\0434\0430'), instruction_control.unicode_text('\0412 \0440\0435\0437\043E\043B\044E\0446\0438\0438'), 'Set in a resolution'),
  ('deadline_source', 'pa', instruction_control.unicode_text('\041F\0440\0435\0437\0438\0434\0435\043D\0442 \04D8\043A\0456\043C\0448\0456\043B\0456\0433\0456 \0431\0435\043B\0433\0456\043B\0435\0433\0435\043D'), instruction_control.unicode_text('\0423\0441\0442\0430\043D\043E\0432\043B\0435\043D \0410\0434\043C\0438\043D\0438\0441\0442\0440\0430\0446\0438\0435\0439 \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430'), 'Set by the Presidential Administration'),
  ('evidence_kind', 'official_report', instruction_control.unicode_text('\041E\0440\044B\043D\0434\0430\0443 \0442\0443\0440\0430\043B\044B \0440\0435\0441\043C\0438 \0430\049B\043F\0430\0440\0430\0442'), instruction_control.unicode_text('\041E\0444\0438\0446\0438\0430\043B\044C\043D\0430\044F \0438\043D\0444\043E\0440\043C\0430\0446\0438\044F \043E\0431 \0438\0441\043F\043E\043B\043D\0435\043D\0438\0438'), 'Official report on execution'),
  ('evidence_kind', 'act_adopted', instruction_control.unicode_text('\049A\0430\0431\044B\043B\0434\0430\043D\0493\0430\043D \0430\043A\0442'), instruction_control.unicode_text('\041F\0440\0438\043D\044F\0442\044B\0439 \0430\043A\0442'), 'Act adopted'),
  ('evidence_kind', 'law_signed', instruction_control.unicode_text('\0417\0430\04A3\0493\0430 \041F\0440\0435\0437\0438\0434\0435\043D\0442 \049B\043E\043B \049B\043E\0439\0434\044B'), instruction_control.unicode_text('\0417\0430\043A\043E\043D \043F\043E\0434\043F\0438\0441\0430\043D \041F\0440\0435\0437\0438\0434\0435\043D\0442\043E\043C'), 'Law signed by the President'),
  ('evidence_kind', 'pa_unit_memo', instruction_control.unicode_text('\041F\04D8 \049B\04B1\0440\044B\043B\044B\043C\0434\044B\049B \0431\04E9\043B\0456\043C\0448\0435\0441\0456\043D\0456\04A3 \049B\044B\0437\043C\0435\0442\0442\0456\043A \0436\0430\0437\0431\0430\0441\044B'), instruction_control.unicode_text('\0421\043B\0443\0436\0435\0431\043D\0430\044F \0437\0430\043F\0438\0441\043A\0430 \0441\0442\0440\0443\043A\0442\0443\0440\043D\043E\0433\043E \043F\043E\0434\0440\0430\0437\0434\0435\043B\0435\043D\0438\044F \0410\041F'), 'Memo of the PA unit'),
  ('evidence_kind', 'executor_final_report', instruction_control.unicode_text('\041E\0440\044B\043D\0434\0430\0443\0448\044B\043D\044B\04A3 \049B\043E\0440\044B\0442\044B\043D\0434\044B \0430\049B\043F\0430\0440\0430\0442\044B'), instruction_control.unicode_text('\0418\0442\043E\0433\043E\0432\0430\044F \0438\043D\0444\043E\0440\043C\0430\0446\0438\044F \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044F'), 'Executor''s final report'),
  ('evidence_kind', 'pa_expert_conclusion', instruction_control.unicode_text('\041F\04D8 \049B\04B1\0440\044B\043B\044B\043C\0434\044B\049B \0431\04E9\043B\0456\043C\0448\0435\0441\0456\043D\0456\04A3 \0441\0430\0440\0430\043F\0442\0430\043C\0430\043B\044B\049B \049B\043E\0440\044B\0442\044B\043D\0434\044B\0441\044B'), instruction_control.unicode_text('\042D\043A\0441\043F\0435\0440\0442\043D\043E\0435 \0437\0430\043A\043B\044E\0447\0435\043D\0438\0435 \0441\0442\0440\0443\043A\0442\0443\0440\043D\043E\0433\043E \043F\043E\0434\0440\0430\0437\0434\0435\043B\0435\043D\0438\044F \0410\041F'), 'Expert conclusion of the PA unit'),
  ('evidence_kind', 'event_held', instruction_control.unicode_text('\0406\0441-\0448\0430\0440\0430 \04E9\0442\043A\0456\0437\0456\043B\0434\0456'), instruction_control.unicode_text('\041C\0435\0440\043E\043F\0440\0438\044F\0442\0438\0435 \043F\0440\043E\0432\0435\0434\0435\043D\043E'), 'Event took place'),
  ('evidence_kind', 'new_instruction', instruction_control.unicode_text('\0416\0430\04A3\0430 \0442\0430\043F\0441\044B\0440\043C\0430'), instruction_control.unicode_text('\041D\043E\0432\043E\0435 \043F\043E\0440\0443\0447\0435\043D\0438\0435'), 'New instruction'),
  ('evidence_kind', 'control_passed_decision', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0434\044B \0431\0435\0440\0443 \0442\0443\0440\0430\043B\044B \0448\0435\0448\0456\043C'), instruction_control.unicode_text('\0420\0435\0448\0435\043D\0438\0435 \043E \043F\0435\0440\0435\0434\0430\0447\0435 \043A\043E\043D\0442\0440\043E\043B\044F'), 'Decision passing control'),
  ('executor_role', 'responsible', instruction_control.unicode_text('\0416\0430\0443\0430\043F\0442\044B \043E\0440\044B\043D\0434\0430\0443\0448\044B'), instruction_control.unicode_text('\041E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\044B\0439 \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C'), 'Responsible executor'),
  ('executor_role', 'co_executor', instruction_control.unicode_text('\0411\0456\0440\043B\0435\0441\0456\043F \043E\0440\044B\043D\0434\0430\0443\0448\044B'), instruction_control.unicode_text('\0421\043E\0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C'), 'Co-executor'),
  ('kind_class', 'any', instruction_control.unicode_text('\041A\0435\0437 \043A\0435\043B\0433\0435\043D \0442\04AF\0440\0456'), instruction_control.unicode_text('\041B\044E\0431\043E\0439 \0432\0438\0434'), 'Any kind'),
  ('kind_class', 'personal', instruction_control.unicode_text('\041F\0440\0435\0437\0438\0434\0435\043D\0442\0442\0456\04A3 \0436\0435\043A\0435 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440\044B (\0436\0430\0440\0438\044F\043B\0430\043D\0493\0430\043D\0434\0430\0440\044B\043D \049B\043E\0441\0430)'), instruction_control.unicode_text('\041B\0438\0447\043D\044B\0435 \043F\043E\0440\0443\0447\0435\043D\0438\044F \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430 (\0432\043A\043B\044E\0447\0430\044F \043E\043F\0443\0431\043B\0438\043A\043E\0432\0430\043D\043D\044B\0435)'), 'Personal instructions, published or not'),
  ('kind_class', 'personal_unpublished', instruction_control.unicode_text('\041F\0440\0435\0437\0438\0434\0435\043D\0442\0442\0456\04A3 \0436\0430\0440\0438\044F\043B\0430\043D\0431\0430\0493\0430\043D \0436\0435\043A\0435 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440\044B'), instruction_control.unicode_text('\041D\0435\043E\043F\0443\0431\043B\0438\043A\043E\0432\0430\043D\043D\044B\0435 \043B\0438\0447\043D\044B\0435 \043F\043E\0440\0443\0447\0435\043D\0438\044F \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430'), 'Personal instructions, not published'),
  ('kind_class', 'security_council', instruction_control.unicode_text('\049A\0430\0443\0456\043F\0441\0456\0437\0434\0456\043A \041A\0435\04A3\0435\0441\0456\043D\0456\04A3 \0448\0435\0448\0456\043C\0434\0435\0440\0456'), instruction_control.unicode_text('\0420\0435\0448\0435\043D\0438\044F \0421\043E\0432\0435\0442\0430 \0411\0435\0437\043E\043F\0430\0441\043D\043E\0441\0442\0438'), 'Security Council decisions'),
  ('kind_class', 'national_plan', instruction_control.unicode_text('\0416\0430\043B\043F\044B\04B1\043B\0442\0442\044B\049B \0456\0441-\0448\0430\0440\0430\043B\0430\0440 \0436\043E\0441\043F\0430\0440\044B\043D\044B\04A3 \0442\0430\0440\043C\0430\049B\0442\0430\0440\044B'), instruction_control.unicode_text('\041F\0443\043D\043A\0442\044B \041E\0431\0449\0435\043D\0430\0446\0438\043E\043D\0430\043B\044C\043D\043E\0433\043E \043F\043B\0430\043D\0430 \043C\0435\0440\043E\043F\0440\0438\044F\0442\0438\0439'), 'National action plan items'),
  ('monitoring_category', 'monument', instruction_control.unicode_text('\0415\0441\043A\0435\0440\0442\043A\0456\0448\0442\0435\0440 \0441\0430\043B\0443'), instruction_control.unicode_text('\0421\0442\0440\043E\0438\0442\0435\043B\044C\0441\0442\0432\043E \043F\0430\043C\044F\0442\043D\0438\043A\043E\0432'), 'Construction of monuments'),
  ('monitoring_category', 'construction', instruction_control.unicode_text('\049A\04B1\0440\044B\043B\044B\0441, \0440\0435\043A\043E\043D\0441\0442\0440\0443\043A\0446\0438\044F\043B\0430\0443 \0436\04D9\043D\0435 \0436\04E9\043D\0434\0435\0443'), instruction_control.unicode_text('\0421\0442\0440\043E\0438\0442\0435\043B\044C\0441\0442\0432\043E, \0440\0435\043A\043E\043D\0441\0442\0440\0443\043A\0446\0438\044F \0438 \0440\0435\043C\043E\043D\0442'), 'Construction, reconstruction and repair'),
  ('monitoring_category', 'digitalisation', instruction_control.unicode_text('\0426\0438\0444\0440\043B\0430\043D\0434\044B\0440\0443'), instruction_control.unicode_text('\0426\0438\0444\0440\043E\0432\0438\0437\0430\0446\0438\044F'), 'Digitalisation'),
  ('monitoring_category', 'named_law', instruction_control.unicode_text('\041D\0430\049B\0442\044B \0437\0430\04A3'), instruction_control.unicode_text('\041A\043E\043D\043A\0440\0435\0442\043D\044B\0439 \0437\0430\043A\043E\043D'), 'A specific named law'),
  ('monitoring_category', 'law_amendments', instruction_control.unicode_text('\0417\0430\04A3\0434\0430\0440\0493\0430 \0442\04AF\0437\0435\0442\0443\043B\0435\0440'), instruction_control.unicode_text('\041F\043E\043F\0440\0430\0432\043A\0438 \0432 \0437\0430\043A\043E\043D\044B'), 'Amendments to laws'),
  ('monitoring_category', 'event_or_naming', instruction_control.unicode_text('\0406\0441-\0448\0430\0440\0430\043B\0430\0440 \0436\04D9\043D\0435 \0430\0442\0430\0443 \0431\0435\0440\0443'), instruction_control.unicode_text('\041C\0435\0440\043E\043F\0440\0438\044F\0442\0438\044F \0438 \043F\0440\0438\0441\0432\043E\0435\043D\0438\0435 \043D\0430\0438\043C\0435\043D\043E\0432\0430\043D\0438\0439'), 'Events and naming'),
  ('reporting_period', 'monthly', instruction_control.unicode_text('\0410\0439 \0441\0430\0439\044B\043D'), instruction_control.unicode_text('\0415\0436\0435\043C\0435\0441\044F\0447\043D\043E'), 'Monthly'),
  ('reporting_period', 'quarterly', instruction_control.unicode_text('\0422\043E\049B\0441\0430\043D \0441\0430\0439\044B\043D'), instruction_control.unicode_text('\0415\0436\0435\043A\0432\0430\0440\0442\0430\043B\044C\043D\043E'), 'Quarterly'),
  ('reporting_period', 'half_yearly', instruction_control.unicode_text('\0416\0430\0440\0442\044B \0436\044B\043B\0434\0430 \0431\0456\0440 \0440\0435\0442'), instruction_control.unicode_text('\0420\0430\0437 \0432 \043F\043E\043B\0443\0433\043E\0434\0438\0435'), 'Half-yearly'),
  ('reporting_period', 'yearly', instruction_control.unicode_text('\0416\044B\043B \0441\0430\0439\044B\043D'), instruction_control.unicode_text('\0415\0436\0435\0433\043E\0434\043D\043E'), 'Yearly'),
  ('roadmap_drafter', 'central_outside_government', instruction_control.unicode_text('\04AE\043A\0456\043C\0435\0442 \049B\04B1\0440\0430\043C\044B\043D\0430 \043A\0456\0440\043C\0435\0439\0442\0456\043D \043E\0440\0442\0430\043B\044B\049B \043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043E\0440\0433\0430\043D'), instruction_control.unicode_text('\0426\0435\043D\0442\0440\0430\043B\044C\043D\044B\0439 \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0439 \043E\0440\0433\0430\043D, \043D\0435 \0432\0445\043E\0434\044F\0449\0438\0439 \0432 \0441\043E\0441\0442\0430\0432 \041F\0440\0430\0432\0438\0442\0435\043B\044C\0441\0442\0432\0430'), 'Central body outside the Government'),
  ('roadmap_drafter', 'central_interdepartmental', instruction_control.unicode_text('\0412\0435\0434\043E\043C\0441\0442\0432\043E\0430\0440\0430\043B\044B\049B \0456\0441-\0448\0430\0440\0430\043B\0430\0440\044B \0431\0430\0440 \043E\0440\0442\0430\043B\044B\049B \043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043E\0440\0433\0430\043D'), instruction_control.unicode_text('\0426\0435\043D\0442\0440\0430\043B\044C\043D\044B\0439 \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0439 \043E\0440\0433\0430\043D \0441 \043C\0435\0436\0432\0435\0434\043E\043C\0441\0442\0432\0435\043D\043D\044B\043C\0438 \043C\0435\0440\043E\043F\0440\0438\044F\0442\0438\044F\043C\0438'), 'Central body with interdepartmental measures'),
  ('roadmap_drafter', 'local', instruction_control.unicode_text('\0416\0435\0440\0433\0456\043B\0456\043A\0442\0456 \0430\0442\049B\0430\0440\0443\0448\044B \043E\0440\0433\0430\043D'), instruction_control.unicode_text('\041C\0435\0441\0442\043D\044B\0439 \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C\043D\044B\0439 \043E\0440\0433\0430\043D'), 'Local executive body'),
  ('roadmap_drafter', 'executor_only', instruction_control.unicode_text('\041E\0440\044B\043D\0434\0430\0443\0448\044B \0436\04D9\043D\0435 \043E\043D\044B\04A3 \0432\0435\0434\043E\043C\0441\0442\0432\043E\043B\044B\049B \0431\0430\0493\044B\043D\044B\0441\0442\044B \04B1\0439\044B\043C\0434\0430\0440\044B'), instruction_control.unicode_text('\0418\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C \0438 \043F\043E\0434\0432\0435\0434\043E\043C\0441\0442\0432\0435\043D\043D\044B\0435 \0435\043C\0443 \043E\0440\0433\0430\043D\0438\0437\0430\0446\0438\0438'), 'The executor and its subordinate organisations'),
  ('secrecy_class', 'none', instruction_control.unicode_text('\049A\04B1\043F\0438\044F \0435\043C\0435\0441'), instruction_control.unicode_text('\041D\0435\0441\0435\043A\0440\0435\0442\043D\043E'), 'Not classified'),
  ('secrecy_class', 'restricted', instruction_control.unicode_text('\049A\044B\0437\043C\0435\0442 \0431\0430\0431\044B\043D\0434\0430 \043F\0430\0439\0434\0430\043B\0430\043D\0443 \04AF\0448\0456\043D'), instruction_control.unicode_text('\0414\043B\044F \0441\043B\0443\0436\0435\0431\043D\043E\0433\043E \043F\043E\043B\044C\0437\043E\0432\0430\043D\0438\044F'), 'Restricted (for official use)'),
  ('secrecy_class', 'state_secret', instruction_control.unicode_text('\041C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \049B\04B1\043F\0438\044F\043B\0430\0440'), instruction_control.unicode_text('\0413\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0435 \0441\0435\043A\0440\0435\0442\044B'), 'State secret');

CREATE FUNCTION label(domain text, code text, lang text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  result text;
BEGIN
  IF lang NOT IN ('kk', 'ru', 'en') THEN
    RAISE EXCEPTION 'unknown language "%"', lang
      USING ERRCODE = '22023', HINT = 'Use kk, ru or en.';
  END IF;
  SELECT CASE lang WHEN 'kk' THEN v.kk WHEN 'ru' THEN v.ru ELSE v.en END
    INTO result FROM vocabulary v WHERE v.domain = label.domain AND v.code = label.code;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no label for % "%"', domain, code
      USING ERRCODE = '22023',
            HINT = 'The domains with labels are listed in instruction_control.vocabulary.';
  END IF;
  RETURN result;
END
$$;
COMMENT ON FUNCTION label(text, text, text) IS
  'Name of a registry code for people, in Kazakh (kk), Russian (ru) or English (en): label(''decider'', ''head_of_pa'', ''kk'')';

-- One vocabulary: the labels above for every code of every domain, the codes
-- the C code knows (vocabulary_codes(), checked against the domains and the
-- labels by the regress test vocabulary), and synonyms an administrator adds.

CREATE FUNCTION vocabulary_codes(OUT domain text, OUT code text, OUT ordinal integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ic_vocabulary_codes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vocabulary_codes() IS
  'The codes the extension''s C code knows, per domain or type, in their order (for checking the SQL vocabulary against them)';

CREATE FUNCTION label(code text, lang text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  domains text[];
BEGIN
  IF EXISTS (SELECT 1 FROM control_levels() l WHERE l::text = code) THEN
    RETURN label(code::control_level, lang);
  END IF;
  IF EXISTS (SELECT 1 FROM instruction_kinds() k WHERE k::text = code) THEN
    RETURN label(code::instruction_kind, lang);
  END IF;
  SELECT array_agg(v.domain ORDER BY v.domain) INTO domains FROM vocabulary v WHERE v.code = label.code;
  IF domains IS NULL THEN
    RAISE EXCEPTION 'no label for code "%"', code
      USING ERRCODE = '22023', HINT = 'The codes with labels are listed in instruction_control.vocabulary.';
  ELSIF cardinality(domains) > 1 THEN
    RAISE EXCEPTION 'code "%" belongs to several vocabularies: %', code, array_to_string(domains, ', ')
      USING ERRCODE = '22023', HINT = format('Name the vocabulary: label(%L, %L, %L).', domains[1], code, lang);
  END IF;
  RETURN label(domains[1], code, lang);
END
$$;
COMMENT ON FUNCTION label(text, text) IS
  'Name of a code for people in kk, ru or en, e.g. label(''pa'', ''kk''); control levels and instruction kinds first, then the one vocabulary that has the code';

CREATE TABLE vocabulary_synonym (
  domain    text NOT NULL,
  synonym   text NOT NULL CHECK (synonym = lower(btrim(synonym)) AND synonym <> ''),
  code      text NOT NULL,
  PRIMARY KEY (domain, synonym),
  FOREIGN KEY (domain, code) REFERENCES vocabulary (domain, code)
);
COMMENT ON TABLE vocabulary_synonym IS
  'An administrator''s own names for codes (abbreviations of a host registry), read by code_of(); lower case, trimmed';
COMMENT ON COLUMN vocabulary_synonym.synonym IS 'The name as the host registry writes it, lower case and trimmed';
COMMENT ON COLUMN vocabulary_synonym.code IS 'The code it stands for';
SELECT pg_catalog.pg_extension_config_dump('vocabulary_synonym', '');

CREATE FUNCTION code_of(domain text, name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  folded text := lower(btrim(name, E' \t\r\n\u00a0'));
  result text;
BEGIN
  SELECT v.code INTO result FROM vocabulary v
   WHERE v.domain = code_of.domain
     AND folded IN (v.code, lower(v.kk), lower(v.ru), lower(v.en))
   LIMIT 1;
  IF result IS NULL THEN
    SELECT s.code INTO result FROM vocabulary_synonym s
     WHERE s.domain = code_of.domain AND s.synonym = folded;
  END IF;
  IF result IS NULL THEN
    RAISE EXCEPTION 'no code of % is named "%"', domain, name
      USING ERRCODE = '22023',
            HINT = 'Use a code, a kk/ru/en label, or add a synonym to instruction_control.vocabulary_synonym.';
  END IF;
  RETURN result;
END
$$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON FUNCTION code_of(text, text) IS %L',
  instruction_control.unicode_text('The code of a vocabulary named by its code, its kk/ru/en label or an administrator''s synonym, e.g. code_of(''decider'', ''\0420\0410\041F'')')); END $ic_comment$;

-- Triggers (C) --------------------------------------------------------------

CREATE FUNCTION instruction_guard()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_instruction_guard' LANGUAGE C;
COMMENT ON FUNCTION instruction_guard() IS
  'Trigger: judges putting on control (R42-1, R14, R50, R51, R56) and refuses changes that bypass decisions';

CREATE FUNCTION decision_judge()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_decision_judge' LANGUAGE C;
COMMENT ON FUNCTION decision_judge() IS
  'Trigger: locks the instruction, judges a decision against the decree (R69-R79) and applies it';

CREATE FUNCTION journal_append_only()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_journal_append_only' LANGUAGE C;
COMMENT ON FUNCTION journal_append_only() IS
  'Trigger: refuses UPDATE, DELETE and TRUNCATE of the append-only tables (decision, roadmap, report, instruction_executor); a correction is a new row';

CREATE FUNCTION executor_guard()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_executor_guard' LANGUAGE C;
COMMENT ON FUNCTION executor_guard() IS
  'Trigger: instruction_executor is written only by the registry when an instruction is put on control';

CREATE FUNCTION roadmap_judge()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_roadmap_judge' LANGUAGE C;
COMMENT ON FUNCTION roadmap_judge() IS 'Trigger: judges the approval of a roadmap (R57) and journals it';

CREATE FUNCTION report_judge()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_report_judge' LANGUAGE C;
COMMENT ON FUNCTION report_judge() IS 'Trigger: accepts reports only on instructions on control (R72.4 for measures)';


CREATE TRIGGER instruction_guard BEFORE INSERT OR UPDATE OR DELETE ON instruction
  FOR EACH ROW EXECUTE FUNCTION instruction_guard();
-- the executors' rows, with foreign keys, once the instruction exists
CREATE TRIGGER instruction_executors AFTER INSERT ON instruction
  FOR EACH ROW WHEN (NEW.responsible_body_id IS NOT NULL OR cardinality(NEW.co_executor_ids) > 0)
  EXECUTE FUNCTION instruction_guard();
CREATE TRIGGER instruction_no_truncate BEFORE TRUNCATE ON instruction
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER executor_guard BEFORE INSERT ON instruction_executor
  FOR EACH ROW EXECUTE FUNCTION executor_guard();
CREATE TRIGGER executor_append_only BEFORE UPDATE OR DELETE ON instruction_executor
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER executor_no_truncate BEFORE TRUNCATE ON instruction_executor
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER decision_judge BEFORE INSERT ON decision
  FOR EACH ROW EXECUTE FUNCTION decision_judge();
CREATE TRIGGER decision_append_only BEFORE UPDATE OR DELETE ON decision
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER decision_no_truncate BEFORE TRUNCATE ON decision
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER roadmap_judge BEFORE INSERT ON roadmap
  FOR EACH ROW EXECUTE FUNCTION roadmap_judge();
CREATE TRIGGER roadmap_journal AFTER INSERT ON roadmap
  FOR EACH ROW EXECUTE FUNCTION roadmap_judge();
CREATE TRIGGER roadmap_append_only BEFORE UPDATE OR DELETE ON roadmap
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER roadmap_no_truncate BEFORE TRUNCATE ON roadmap
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER report_judge BEFORE INSERT ON report
  FOR EACH ROW EXECUTE FUNCTION report_judge();
CREATE TRIGGER report_append_only BEFORE UPDATE OR DELETE ON report
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER report_no_truncate BEFORE TRUNCATE ON report
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();

-- R14: the title of a state-secret act is not stored.
CREATE FUNCTION act_secrecy_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF NOT isfinite(NEW.signed_on) THEN
    RAISE EXCEPTION 'signed_on cannot be %', NEW.signed_on
      USING ERRCODE = '22008',
            HINT = 'Give the day the act was signed, or leave it empty.';
  END IF;
  IF NEW.secrecy = 'state_secret' AND NEW.title IS NOT NULL THEN
    RAISE EXCEPTION 'the title of a state-secret act is not stored (R14)'
      USING ERRCODE = 'IC110',
            DETAIL = format('Act %s is marked state_secret and has a title.', coalesce(NEW.external_ref, NEW.id::text)),
            HINT = 'Leave title empty: the registry holds only the requisites of a state secret (act_type, number, signed_on).';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.secrecy = 'state_secret' AND NEW.secrecy IS DISTINCT FROM 'state_secret' THEN
    RAISE EXCEPTION 'a state-secret act is not declassified by an UPDATE (R14)'
      USING ERRCODE = 'IC110',
            DETAIL = format('Act %s is marked state_secret.', NEW.id),
            HINT = 'Register the declassified act anew; the secret record stays as it was.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION act_secrecy_guard() IS 'Trigger: a state-secret act keeps only its requisites (R14); its signing day is a real day';
CREATE TRIGGER act_secrecy_guard BEFORE INSERT OR UPDATE ON act
  FOR EACH ROW EXECUTE FUNCTION act_secrecy_guard();

-- seeded rows: as for the calendar's (seeded_row_owner, Calendar section)
CREATE TRIGGER seeded_row_owner BEFORE INSERT OR UPDATE ON decision_authority
  FOR EACH ROW EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON decision_authority
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_owner BEFORE INSERT OR UPDATE ON decision_rule
  FOR EACH ROW EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON decision_rule
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();

-- Every session reads the matrix from its cache; a change tells them all.
CREATE FUNCTION decision_matrix_changed() RETURNS trigger
AS 'MODULE_PATHNAME', 'ic_decision_matrix_changed' LANGUAGE C;
COMMENT ON FUNCTION decision_matrix_changed() IS
  'Trigger: refreshes the decision matrix cached by every session when decision_rule or decision_authority changes';
CREATE TRIGGER decision_matrix_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON decision_rule
  FOR EACH STATEMENT EXECUTE FUNCTION decision_matrix_changed();
CREATE TRIGGER decision_matrix_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON decision_authority
  FOR EACH STATEMENT EXECUTE FUNCTION decision_matrix_changed();

-- Trigger functions are the registry's own: nobody attaches them elsewhere.
REVOKE EXECUTE ON FUNCTION instruction_guard(), decision_judge(), journal_append_only(),
  executor_guard(), roadmap_judge(), report_judge(), act_secrecy_guard(),
  seeded_row_owner(), seeded_flag_guard(), calendar_data_changed(), decision_matrix_changed() FROM PUBLIC;

-- User data survives pg_dump/restore ----------------------------------------

SELECT pg_catalog.pg_extension_config_dump('state_body', '');
SELECT pg_catalog.pg_extension_config_dump('state_body_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('act', '');
SELECT pg_catalog.pg_extension_config_dump('act_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('instruction', '');
SELECT pg_catalog.pg_extension_config_dump('instruction_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('instruction_executor', '');
SELECT pg_catalog.pg_extension_config_dump('decision', '');
SELECT pg_catalog.pg_extension_config_dump('decision_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('roadmap', '');
SELECT pg_catalog.pg_extension_config_dump('roadmap_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('report', '');
SELECT pg_catalog.pg_extension_config_dump('report_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('decision_authority', 'WHERE NOT seeded');
SELECT pg_catalog.pg_extension_config_dump('decision_rule', 'WHERE NOT seeded');
-- API -----------------------------------------------------------------------
-- Thin functions over INSERT: the triggers judge, so calling these and
-- inserting rows directly are the same thing.  SECURITY INVOKER: a caller
-- needs the table privileges the registry's roles grant.  The bodies are
-- BEGIN ATOMIC: parsed when created, so every name in them is bound then and
-- no caller's search_path can redirect it (no SET clause needed, which would
-- cost a configuration save and restore on every call).

CREATE FUNCTION put_on_control(
  kind instruction_kind,
  level control_level,
  received_on date,
  term term DEFAULT NULL,
  due_date date DEFAULT NULL,
  content text DEFAULT NULL,
  act_id bigint DEFAULT NULL,
  point point_ref DEFAULT NULL,
  signed_on date DEFAULT NULL,
  responsible_body_id bigint DEFAULT NULL,
  co_executor_ids bigint[] DEFAULT '{}',
  controlling_body_id bigint DEFAULT NULL,
  pa_unit text DEFAULT NULL,
  completion_form text DEFAULT NULL,
  final_result text DEFAULT NULL,
  category monitoring_category DEFAULT NULL,
  secrecy secrecy_class DEFAULT 'none',
  paper_card_ref text DEFAULT NULL,
  local_character boolean DEFAULT false,
  public_resonance boolean DEFAULT false,
  new_approaches boolean DEFAULT false,
  reporting_period reporting_period DEFAULT NULL,
  parent_id bigint DEFAULT NULL,
  external_ref text DEFAULT NULL,
  deadline_source deadline_source DEFAULT NULL,
  upper_record_id bigint DEFAULT NULL)
RETURNS instruction
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO instruction (kind, level, received_on, term, due_date, content, act_id, point,
                           signed_on, responsible_body_id, co_executor_ids, controlling_body_id,
                           pa_unit, completion_form, final_result, category, secrecy,
                           paper_card_ref, local_character, public_resonance, new_approaches,
                           reporting_period, parent_id, external_ref, deadline_source, upper_record_id)
  VALUES (kind, level, received_on, term, due_date, content, act_id, point,
          signed_on, responsible_body_id, co_executor_ids, controlling_body_id,
          pa_unit, completion_form, final_result, category, secrecy,
          paper_card_ref, local_character, public_resonance, new_approaches,
          reporting_period, parent_id, external_ref, deadline_source, upper_record_id)
  RETURNING *;
END;
COMMENT ON FUNCTION put_on_control IS
  'Put an instruction on control; computes the due date from the term (R50.3) or the signing day (R51) and the roadmap due date (R56)';

CREATE FUNCTION extend_deadline(
  instruction_id bigint,
  new_due date,
  decided_by decider,
  basis text,
  disciplinary_review text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis,
                        disciplinary_review, decided_on, paper_ref)
  VALUES (instruction_id, 'extension', new_due, decided_by, basis, disciplinary_review, decided_on, paper_ref)
  RETURNING *;
END;
COMMENT ON FUNCTION extend_deadline IS
  'Extend the deadline (R69.1: once, by the President or the Head of the PA; R72: a repeated extension needs disciplinary_review)';

CREATE FUNCTION transfer_control(
  instruction_id bigint,
  regime control_regime,
  new_due date,
  decided_by decider,
  basis text,
  reason text DEFAULT NULL,
  disciplinary_review text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_regime, new_due_date, decided_by, basis,
                        reason, disciplinary_review, decided_on, paper_ref)
  VALUES (instruction_id, 'transfer', regime, new_due, decided_by, basis,
          reason, disciplinary_review, decided_on, paper_ref)
  RETURNING *;
END;
COMMENT ON FUNCTION transfer_control IS
  'Transfer to medium-term (R69.3) or long-term (R69.4, roadmap mandatory: R59) control; counts as the one extension of R69.1';

CREATE FUNCTION set_new_deadline(
  instruction_id bigint,
  new_due date,
  decided_by decider,
  basis text,
  reason new_deadline_reason,
  decided_on date DEFAULT current_date,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis, reason, decided_on, paper_ref)
  VALUES (instruction_id, 'new_deadline', new_due, decided_by, basis, reason, decided_on, paper_ref)
  RETURNING *;
END;
COMMENT ON FUNCTION set_new_deadline IS
  'Set a new deadline because of an emergency, a state of emergency or a quarantine (R70.4, R70.5); not an extension';

CREATE FUNCTION remove_from_control(
  instruction_id bigint,
  ground removal_ground,
  decided_by decider,
  evidence evidence_kind[],
  evidence_ref text DEFAULT NULL,
  decided_on date DEFAULT current_date,
  receiving_body_id bigint DEFAULT NULL,
  paper_ref text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, ground, decided_by, evidence, evidence_ref, decided_on,
                        receiving_body_id, paper_ref)
  VALUES (instruction_id, 'removal', ground, decided_by, evidence, evidence_ref, decided_on,
          receiving_body_id, paper_ref)
  RETURNING *;
END;
COMMENT ON FUNCTION remove_from_control IS
  'Remove from control on a ground of R75 with its evidence (R76-1), by the decider of R76.1, R76.4, R77 or R74-1, after the PA for PA-level points (R79)';

CREATE FUNCTION register_roadmap(
  instruction_id bigint,
  drafter roadmap_drafter,
  approved_by decider,
  drafted_by_body_id bigint DEFAULT NULL,
  approved_on date DEFAULT current_date,
  touches_government_powers boolean DEFAULT false,
  agreed_with_prime_minister boolean DEFAULT false,
  agreed_with_pa_on date DEFAULT NULL,
  document_ref text DEFAULT NULL)
RETURNS roadmap
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO roadmap (instruction_id, drafter, approved_by, drafted_by_body_id, approved_on,
                       touches_government_powers, agreed_with_prime_minister, agreed_with_pa_on,
                       document_ref)
  VALUES (instruction_id, drafter, approved_by, drafted_by_body_id, approved_on,
          touches_government_powers, agreed_with_prime_minister, agreed_with_pa_on, document_ref)
  RETURNING *;
END;
COMMENT ON FUNCTION register_roadmap IS 'Register an approved roadmap (R56, R57, R59)';

CREATE FUNCTION submit_report(
  instruction_id bigint,
  kind report_kind,
  content text DEFAULT NULL,
  submitted_by_body_id bigint DEFAULT NULL,
  addressee decider DEFAULT NULL,
  period_end date DEFAULT NULL,
  submitted_on date DEFAULT current_date,
  document_ref text DEFAULT NULL)
RETURNS report
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO report (instruction_id, kind, content, submitted_by_body_id, addressee,
                      period_end, submitted_on, document_ref)
  VALUES (instruction_id, kind, content, submitted_by_body_id, addressee,
          period_end, submitted_on, document_ref)
  RETURNING *;
END;
COMMENT ON FUNCTION submit_report IS 'Submit an intermediate, final, risk or measures report (R66-1, R66-3.5, R72.4)';

CREATE FUNCTION who_may_decide(instruction_id bigint, action decision_kind)
RETURNS TABLE (decider decider, rule text)
AS 'MODULE_PATHNAME', 'ic_who_may_decide'
LANGUAGE C STABLE STRICT;
-- Many decisions in one statement -------------------------------------------
-- The same rules, judged row by row in the order given (each after the ones
-- before it on the same instruction), written with one INSERT and one UPDATE.
-- One refusal fails the whole batch.

CREATE FUNCTION record_decisions(decisions decision[])
RETURNS SETOF decision
AS 'MODULE_PATHNAME', 'ic_record_decisions'
LANGUAGE C VOLATILE STRICT;
COMMENT ON FUNCTION record_decisions(decision[]) IS
  'Record a batch of decisions (journal rows; id, seq and the computed columns are filled in) judged by the same rules as one at a time; all or nothing';

CREATE FUNCTION extend_deadlines(
  instruction_ids bigint[],
  new_dues date[],
  decided_by decider,
  basis text,
  disciplinary_review text DEFAULT NULL,
  decided_on date DEFAULT current_date)
RETURNS SETOF decision
AS 'MODULE_PATHNAME', 'ic_extend_deadlines'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION extend_deadlines IS
  'Extend many deadlines at once (R69.1, R72): one decision per instruction_ids[i] to new_dues[i], judged as extend_deadline() judges one';

-- Import of history (not judged) -------------------------------------------
-- Decisions taken before the amendments entered into force (2024-02-01) were
-- governed by the earlier text; an embedding registry brings them in as
-- imported rows: recorded as they were, by whom and when, applied to the
-- instruction as recorded, still append-only.  Only the registry's
-- administrator (role ic_admin, or a superuser) may write imported rows.

CREATE FUNCTION import_instruction(
  kind instruction_kind,
  level control_level,
  received_on date,
  due_date date,
  content text DEFAULT NULL,
  act_id bigint DEFAULT NULL,
  point point_ref DEFAULT NULL,
  signed_on date DEFAULT NULL,
  term term DEFAULT NULL,
  responsible_body_id bigint DEFAULT NULL,
  co_executor_ids bigint[] DEFAULT '{}',
  category monitoring_category DEFAULT NULL,
  secrecy secrecy_class DEFAULT 'none',
  paper_card_ref text DEFAULT NULL,
  external_ref text DEFAULT NULL,
  upper_record_id bigint DEFAULT NULL)
RETURNS instruction
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO instruction (kind, level, received_on, due_date, content, act_id, point, signed_on, term,
                           responsible_body_id, co_executor_ids, category, secrecy, paper_card_ref,
                           external_ref, upper_record_id, imported)
  VALUES (kind, level, received_on, due_date, content, act_id, point, signed_on, term,
          responsible_body_id, co_executor_ids, category, secrecy, paper_card_ref,
          external_ref, upper_record_id, true)
  RETURNING *;
END;
COMMENT ON FUNCTION import_instruction IS
  'Import a historical instruction as it was recorded (not judged by the rules of Decree No. 403); registry administrator (ic_admin) only';

CREATE FUNCTION import_decision(
  instruction_id bigint,
  kind decision_kind,
  decided_on date,
  decided_by decider DEFAULT NULL,
  new_due date DEFAULT NULL,
  new_regime control_regime DEFAULT NULL,
  ground removal_ground DEFAULT NULL,
  basis text DEFAULT NULL,
  reason text DEFAULT NULL,
  evidence evidence_kind[] DEFAULT '{}',
  evidence_ref text DEFAULT NULL,
  disciplinary_review text DEFAULT NULL)
RETURNS decision
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, decided_on, decided_by, new_due_date, new_regime, ground,
                        basis, reason, evidence, evidence_ref, disciplinary_review, imported)
  VALUES (instruction_id, kind, decided_on, decided_by, new_due, new_regime, ground,
          basis, reason, evidence, evidence_ref, disciplinary_review, true)
  RETURNING *;
END;
COMMENT ON FUNCTION import_decision IS
  'Import a historical decision as it was recorded and apply its effect (not judged by the rules of Decree No. 403); registry administrator (ic_admin) only';


COMMENT ON FUNCTION who_may_decide(bigint, decision_kind) IS
  'Positions that may take this decision on this instruction now, and the rule that says so';

-- ===========================================================================
-- History: the registry as it stood at the end of a past day
--
-- The journal is append-only and every decision records the due date and
-- regime before and after it, so the state of any instruction on any day is a
-- fold of its decisions decided on or before that day.  Sweeps run for a past
-- day (reproducibility) and the annual summary (Appendix 8, "as it stood at the
-- year's end") read it from here, so both answer the same way.
--
-- The function is a single SQL SELECT with no SET clause, so the planner
-- inlines it and pushes a caller's filter (one body, one act) into it.  That
-- is why every object is schema-qualified and every operator is written as
-- OPERATOR(pg_catalog.x): nothing in it resolves through the caller's
-- search_path.
-- ===========================================================================

CREATE FUNCTION instruction_as_of(as_of date)
RETURNS TABLE (
  instruction_id      bigint,
  on_control          boolean,
  due_date            date,
  regime              text,
  extensions          integer,
  repeated_extensions integer,
  transfers           integer,
  new_deadlines       integer,
  decisions           integer,
  removed_on          date,
  removal_ground      text,
  last_decided_on     date)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT i.id,
         j.removed_on IS NULL,
         coalesce(j.due_then, f.due_before, i.due_date),
         coalesce(j.regime_then, f.regime_before, i.regime::text),
         coalesce(j.extensions, 0),
         coalesce(j.repeated, 0),
         coalesce(j.transfers, 0),
         coalesce(j.new_deadlines, 0),
         coalesce(j.decisions, 0),
         j.removed_on,
         j.removal_ground,
         j.last_decided_on
    FROM instruction_control.instruction i
    -- decisions taken on or before the day: what they left
    LEFT JOIN LATERAL (
      SELECT (pg_catalog.array_agg(d.new_due_date ORDER BY d.seq DESC)
                FILTER (WHERE d.new_due_date IS NOT NULL))[1] AS due_then,
             (pg_catalog.array_agg(d.new_regime::text ORDER BY d.seq DESC)
                FILTER (WHERE d.new_regime IS NOT NULL))[1] AS regime_then,
             pg_catalog.count(*) FILTER (WHERE d.kind::text OPERATOR(pg_catalog.=) 'extension')::integer AS extensions,
             pg_catalog.count(*) FILTER (WHERE d.repeated)::integer AS repeated,
             pg_catalog.count(*) FILTER (WHERE d.kind::text OPERATOR(pg_catalog.=) 'transfer')::integer AS transfers,
             pg_catalog.count(*) FILTER (WHERE d.kind::text OPERATOR(pg_catalog.=) 'new_deadline')::integer AS new_deadlines,
             pg_catalog.count(*)::integer AS decisions,
             pg_catalog.min(d.decided_on) FILTER (WHERE d.kind::text OPERATOR(pg_catalog.=) 'removal') AS removed_on,
             pg_catalog.min(d.ground::text) FILTER (WHERE d.kind::text OPERATOR(pg_catalog.=) 'removal') AS removal_ground,
             pg_catalog.max(d.decided_on) AS last_decided_on
        FROM instruction_control.decision d
       WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id
         AND d.decided_on OPERATOR(pg_catalog.<=) as_of
    ) j ON true
    -- no such decision yet: what the first later decision found
    LEFT JOIN LATERAL (
      SELECT (pg_catalog.array_agg(d.old_due_date ORDER BY d.seq)
                FILTER (WHERE d.new_due_date IS NOT NULL))[1] AS due_before,
             (pg_catalog.array_agg(d.old_regime::text ORDER BY d.seq)
                FILTER (WHERE d.new_regime IS NOT NULL))[1] AS regime_before
        FROM instruction_control.decision d
       WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id
         AND d.decided_on OPERATOR(pg_catalog.>) as_of
    ) f ON true
   WHERE coalesce(i.received_on, i.created_at::date) OPERATOR(pg_catalog.<=) as_of
$$;

COMMENT ON FUNCTION instruction_as_of(date) IS
  'Every instruction received on or before the day, as it stood at the end of that day, folded from the decision journal: on control or removed (day, R75 ground), due date and regime then, extensions (repeated: R72), transfers (R69.3, R69.4) and new deadlines (R70.4) so far. Inlined by the planner, so a filter on instruction_id is pushed into it';
-- ===========================================================================
-- Scheduling: the sweeps on pg_cron
--
-- pg_cron is optional: without it everything works and CALL
-- instruction_control.sweep() can be run by any scheduler.  With it,
-- schedule_sweeps() makes pg_cron run the sweep every morning.
--
-- pg_cron runs in one database, cron.database_name; its schema `cron` exists
-- only there.  When the registry lives in that database the job is scheduled
-- with cron.schedule().  When it lives in another, the job must be created in
-- the cron database with cron.schedule_in_database(): schedule_sweeps() does
-- that through dblink (contrib) when dblink is installed in the registry's
-- database, connecting over pg_cron's own cron.host socket and this server's
-- port; without dblink it raises IC202 with the exact statement to run there.
--
-- pg_cron is detected by its running launcher (pg_stat_activity.backend_type
-- = 'pg_cron launcher'), not by parsing shared_preload_libraries, which may
-- say '$libdir/pg_cron' or list it among others.  PostgreSQL hides notices
-- raised inside CREATE EXTENSION, so the state is a function to ask.
-- ===========================================================================

CREATE FUNCTION sweep_job_name() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN 'instruction_control_sweep:' OPERATOR(pg_catalog.||) pg_catalog.current_database();
COMMENT ON FUNCTION sweep_job_name() IS
  'Name of this database''s sweep job in cron.job: instruction_control_sweep:<database>';

-- The connection string to the cron database over pg_cron's own socket.
CREATE FUNCTION cron_connstr() RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog
AS $$
  SELECT format('dbname=%s host=%s port=%s user=%s application_name=instruction_control',
                quote_literal(current_setting('cron.database_name', true)),
                quote_literal(coalesce(nullif(current_setting('cron.host', true), ''), 'localhost')),
                current_setting('port'), quote_literal(current_user))
$$;
COMMENT ON FUNCTION cron_connstr() IS
  'libpq connection string to pg_cron''s database (cron.database_name) over cron.host and this server''s port, as the current user; used through dblink';

CREATE FUNCTION scheduling_status(
    OUT pg_cron_preloaded boolean,
    OUT pg_cron_installed boolean,
    OUT cron_database text,
    OUT ready boolean,
    OUT hint text,
    OUT method text,
    OUT dblink_schema text)
RETURNS record
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog
AS $$
BEGIN
  -- pg_cron is running when its launcher is (whatever shared_preload_libraries spells)
  pg_cron_preloaded := EXISTS (SELECT 1 FROM pg_stat_activity WHERE backend_type = 'pg_cron launcher');
  pg_cron_installed := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron');
  cron_database := current_setting('cron.database_name', true);
  SELECT n.nspname INTO dblink_schema
    FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'dblink';
  method := CASE
    WHEN NOT pg_cron_preloaded THEN NULL
    WHEN cron_database = current_database() THEN 'cron.schedule'
    WHEN dblink_schema IS NOT NULL THEN 'cron.schedule_in_database via dblink'
  END;
  ready := pg_cron_preloaded AND (pg_cron_installed OR method LIKE '%dblink')
           AND method IS NOT NULL;
  hint := CASE
    WHEN NOT pg_cron_preloaded AND pg_is_in_recovery() THEN
      'This server is a standby: pg_cron runs and sweeps are scheduled on the primary (after a promotion: instruction_control.unschedule_sweeps() and schedule_sweeps() again).'
    WHEN NOT pg_cron_preloaded THEN
      'pg_cron is not running: add to postgresql.conf  shared_preload_libraries = ''pg_cron''  and  cron.database_name = '''
      || current_database() || ''', restart the server, then run CREATE EXTENSION pg_cron; in that database.'
    WHEN cron_database = current_database() AND NOT pg_cron_installed THEN
      'Run CREATE EXTENSION pg_cron; in this database.'
    WHEN cron_database = current_database() THEN
      'pg_cron is ready in this database: SELECT instruction_control.schedule_sweeps();'
    WHEN dblink_schema IS NULL THEN
      'pg_cron runs jobs in database ' || coalesce(quote_literal(cron_database), '(unset)')
      || ' (cron.database_name); run CREATE EXTENSION dblink; here and schedule_sweeps() creates the job there with cron.schedule_in_database(), or run in that database: '
      || format('SELECT cron.schedule_in_database(%L, %L, %L, %L);', 'instruction_control_sweep:' || current_database(),
                '0 1 * * *', 'CALL instruction_control.sweep()', current_database())
    ELSE
      'pg_cron runs in database ' || quote_literal(cron_database)
      || '; schedule_sweeps() creates the job there through dblink (cron.schedule_in_database()). CREATE EXTENSION pg_cron; must have been run in that database.'
  END;
END
$$;
COMMENT ON FUNCTION scheduling_status() IS
  'Whether pg_cron can run the sweeps of this database (its launcher is running; the registry is in cron.database_name, or dblink reaches it), how, and if not what to do';

-- Run SQL where the cron schema is: here, or in cron.database_name through dblink.
CREATE FUNCTION cron_exec(command text)
RETURNS SETOF jsonb
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog
AS $$
DECLARE
  st record;
  statement text := format('SELECT to_jsonb(t)::text FROM (%s) t', command);
BEGIN
  SELECT * INTO st FROM instruction_control.scheduling_status();
  IF NOT st.pg_cron_preloaded THEN
    RAISE EXCEPTION 'pg_cron is not running, so sweeps cannot be scheduled'
      USING ERRCODE = 'IC201',
            DETAIL = 'No process with backend_type ''pg_cron launcher'' is in pg_stat_activity.',
            HINT = format('Add to postgresql.conf:  shared_preload_libraries = ''pg_cron''  and  cron.database_name = %L, restart the server, then run CREATE EXTENSION pg_cron; in that database.  Without pg_cron, run CALL instruction_control.sweep(); from any scheduler.',
                          current_database());
  END IF;
  IF st.cron_database = current_database() THEN
    IF NOT st.pg_cron_installed THEN
      RAISE EXCEPTION 'pg_cron is running but not created in this database'
        USING ERRCODE = 'IC201',
              DETAIL = format('cron.database_name is %L.', st.cron_database),
              HINT = 'Run CREATE EXTENSION pg_cron; in this database.';
    END IF;
    RETURN QUERY EXECUTE format('SELECT v::jsonb FROM (%s) r(v)', statement);
  ELSIF st.dblink_schema IS NULL THEN
    RAISE EXCEPTION 'pg_cron runs in database %, not in %: its jobs are created there', 
                    quote_ident(st.cron_database), quote_ident(current_database())
      USING ERRCODE = 'IC202',
            DETAIL = 'The schema cron exists only in cron.database_name; this database has no dblink to reach it.',
            HINT = format('Run CREATE EXTENSION dblink; here and call again, or run in database %s:  %s',
                          quote_ident(st.cron_database), command);
  ELSE
    RETURN QUERY EXECUTE format('SELECT v::jsonb FROM %I.dblink(%L, %L) AS r(v text)',
                                st.dblink_schema, instruction_control.cron_connstr(), statement);
  END IF;
END
$$;
COMMENT ON FUNCTION cron_exec(text) IS
  'Internal: runs a query on pg_cron''s schema, here or in cron.database_name through dblink; IC201 without pg_cron, IC202 in another database without dblink';

CREATE FUNCTION schedule_sweeps(cron_expr text DEFAULT '0 1 * * *',
                                keep_run_details interval DEFAULT '14 days')
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog
AS $$
DECLARE
  here boolean := current_setting('cron.database_name', true) = current_database();
  sweep_cmd text := 'CALL instruction_control.sweep()';
  cleanup_cmd text := format('DELETE FROM cron.job_run_details WHERE end_time < now() - %L::interval',
                             keep_run_details);
  job bigint;
BEGIN
  IF cron_expr IS NULL OR btrim(cron_expr) = '' THEN
    RAISE EXCEPTION 'a cron schedule is needed, e.g. ''0 1 * * *'''
      USING ERRCODE = '22023', HINT = 'pg_cron reads the schedule in GMT: ''0 1 * * *'' is 06:00 in Astana (UTC+5).';
  END IF;
  IF here THEN
    job := (instruction_control.cron_exec(format('SELECT cron.schedule(%L, %L, %L) AS v',
                                                 instruction_control.sweep_job_name(), cron_expr, sweep_cmd)) ->> 'v')::bigint;
  ELSE
    job := (instruction_control.cron_exec(format('SELECT cron.schedule_in_database(%L, %L, %L, %L) AS v',
                                                 instruction_control.sweep_job_name(), cron_expr, sweep_cmd,
                                                 current_database())) ->> 'v')::bigint;
  END IF;
  -- keep cron.job_run_details bounded: one cleanup job in the cron database
  PERFORM instruction_control.cron_exec(format('SELECT cron.schedule(%L, %L, %L) AS v',
                                               'instruction_control_cron_cleanup', '17 0 * * *', cleanup_cmd));
  RETURN job;
END
$$;
COMMENT ON FUNCTION schedule_sweeps(text, interval) IS
  'Schedule CALL instruction_control.sweep() with pg_cron (default 01:00 GMT = 06:00 in Astana), in this database or, from another, through dblink with cron.schedule_in_database(); also schedules the daily cleanup of cron.job_run_details older than keep_run_details; returns the job id';

CREATE FUNCTION unschedule_sweeps()
RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog
AS $$
BEGIN
  RETURN (instruction_control.cron_exec(format(
    'SELECT count(cron.unschedule(j.jobid)) AS v FROM cron.job j WHERE j.jobname = %L AND j.database = %L',
    instruction_control.sweep_job_name(), current_database())) ->> 'v')::integer;
END
$$;
COMMENT ON FUNCTION unschedule_sweeps() IS
  'Remove this database''s sweep job from pg_cron (here or through dblink); returns how many jobs were removed.  The cleanup job of cron.job_run_details stays for the other databases'' jobs';

CREATE FUNCTION scheduled_sweeps(OUT jobid bigint, OUT schedule text, OUT command text,
                                 OUT database text, OUT username text, OUT active boolean)
RETURNS SETOF record
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog
AS $$
BEGIN
  RETURN QUERY
  SELECT (j ->> 'jobid')::bigint, j ->> 'schedule', j ->> 'command', j ->> 'database', j ->> 'username',
         (j ->> 'active')::boolean
    FROM instruction_control.cron_exec(format(
      'SELECT j.jobid, j.schedule, j.command, j.database, j.username, j.active FROM cron.job j WHERE j.jobname = %L',
      instruction_control.sweep_job_name())) j;
END
$$;
COMMENT ON FUNCTION scheduled_sweeps() IS 'This database''s sweep job as pg_cron holds it (cron.job), read here or through dblink';

-- Privileges: the Security section (90_security.sql).
-- ===========================================================================
-- Sweeps: the registry runs the control by itself
--
-- sweep(as_of) looks at every instruction on control as it stood at the end
-- of the day as_of and writes what a controller must learn that morning into
-- the outbox `event`, one row per instruction, event kind and period (unique):
--
--   reminder              N working days before a deadline (N per level, data)    R50.1, R50.3
--   overdue               the deadline passed, still on control (sets a mark)     R50.1
--   overdue_cleared       a decision moved the deadline or removed it             R69.1, R70.4, R75
--   escalation            overdue by a grace period, routed per R66-1.3           R66-1.3, R74-1
--   risk_escalation       a risk report (R66-3.5), routed per R66-1.3              R66-3.5
--   personal_overdue      a personal instruction past its two weeks               R51
--   roadmap_missing       no roadmap registered by its due date                   R56, R59
--   roadmap_not_approved  no approved roadmap 5 working days after that           R57
--   report_missing        no intermediate report for the period just ended       R66-1.1
--   measures_missing      no information on measures a month after a repeated
--                         extension                                               R72.4
--
-- One statement collects the candidates of every kind (each branch an index
-- range scan: due dates, roadmap dates, reporting periods, measures dates,
-- risk reports, the overdue marks), leaves out what the outbox already holds,
-- and numbers them in batches; each batch is written, notified and committed
-- on its own.  Nothing here adds a trigger to instruction or decision: the
-- overdue mark lives in overdue_mark and the sweep re-evaluates it.
--
-- The state of a day: for as_of = current_date the live rows (their indexes);
-- for a past day instruction_as_of(as_of), the journal folded (History), so a
-- replay of a past day yields what that day would have.
-- ===========================================================================

-- Vocabulary: event kinds and addressees ------------------------------------

CREATE DOMAIN event_kind AS text
  CHECK (VALUE IN ('reminder', 'overdue', 'overdue_cleared', 'escalation', 'risk_escalation',
                   'personal_overdue', 'roadmap_missing', 'roadmap_not_approved', 'report_missing',
                   'measures_missing'));
COMMENT ON DOMAIN event_kind IS
  'Kind of event a sweep raises: reminder (R50.1), overdue, overdue_cleared, escalation (R66-1.3), risk_escalation (R66-3.5), personal_overdue (R51), roadmap_missing (R56, R59), roadmap_not_approved (R57), report_missing (R66-1.1), measures_missing (R72.4)';

CREATE DOMAIN addressee AS text
  CHECK (VALUE IN ('executor', 'controller', 'head_of_pa', 'state_counsellor', 'secretary_sc',
                   'prime_minister', 'first_head', 'akim'));
COMMENT ON DOMAIN addressee IS
  'Who an event goes to: the responsible executor, the controller (PA unit or controlling body), or an official escalations are routed to (R66-1.3; below PA by analogy, R74-1)';

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('event_kind', 'reminder', instruction_control.unicode_text('\041C\0435\0440\0437\0456\043C\043D\0456\04A3 \0436\0430\049B\044B\043D\0434\0430\0493\0430\043D\044B \0442\0443\0440\0430\043B\044B \0435\0441\043A\0435 \0441\0430\043B\0443'), instruction_control.unicode_text('\041D\0430\043F\043E\043C\0438\043D\0430\043D\0438\0435 \043E \043F\0440\0438\0431\043B\0438\0436\0435\043D\0438\0438 \0441\0440\043E\043A\0430'), 'Reminder of an approaching deadline'),
  ('event_kind', 'overdue', instruction_control.unicode_text('\041E\0440\044B\043D\0434\0430\0443 \043C\0435\0440\0437\0456\043C\0456 \04E9\0442\0456\043F \043A\0435\0442\0442\0456'), instruction_control.unicode_text('\0421\0440\043E\043A \0438\0441\043F\043E\043B\043D\0435\043D\0438\044F \043D\0430\0440\0443\0448\0435\043D'), 'Deadline missed'),
  ('event_kind', 'overdue_cleared', instruction_control.unicode_text('\041C\0435\0440\0437\0456\043C\043D\0456\04A3 \04E9\0442\0456\043F \043A\0435\0442\043A\0435\043D\0456 \0442\0443\0440\0430\043B\044B \0431\0435\043B\0433\0456 \0430\043B\044B\043D\0434\044B'), instruction_control.unicode_text('\041E\0442\043C\0435\0442\043A\0430 \043E \043D\0430\0440\0443\0448\0435\043D\0438\0438 \0441\0440\043E\043A\0430 \0441\043D\044F\0442\0430'), 'Overdue mark cleared'),
  ('event_kind', 'escalation', instruction_control.unicode_text('\041C\0435\0440\0437\0456\043C\043D\0456\04A3 \0431\04B1\0437\044B\043B\0443\044B \0442\0443\0440\0430\043B\044B \0431\0430\0441\0448\044B\043B\044B\049B\049B\0430 \0445\0430\0431\0430\0440\043B\0430\0443'), instruction_control.unicode_text('\0414\043E\043A\043B\0430\0434 \0440\0443\043A\043E\0432\043E\0434\0441\0442\0432\0443 \043E \043D\0430\0440\0443\0448\0435\043D\0438\0438 \0441\0440\043E\043A\0430'), 'Escalation of a missed deadline'),
  ('event_kind', 'risk_escalation', instruction_control.unicode_text('\041C\0435\0440\0437\0456\043C\043D\0456\04A3 \0431\04B1\0437\044B\043B\0443 \049B\0430\0443\043F\0456 \0442\0443\0440\0430\043B\044B \0431\0430\0441\0448\044B\043B\044B\049B\049B\0430 \0445\0430\0431\0430\0440\043B\0430\0443'), instruction_control.unicode_text('\0414\043E\043A\043B\0430\0434 \0440\0443\043A\043E\0432\043E\0434\0441\0442\0432\0443 \043E \0440\0438\0441\043A\0435 \043D\0430\0440\0443\0448\0435\043D\0438\044F \0441\0440\043E\043A\0430'), 'Escalation of a risk to the deadline'),
  ('event_kind', 'personal_overdue', instruction_control.unicode_text('\0416\0435\043A\0435 \0442\0430\043F\0441\044B\0440\043C\0430\043D\044B\04A3 \0435\043A\0456 \0430\043F\0442\0430\0441\044B \04E9\0442\0442\0456'), instruction_control.unicode_text('\0418\0441\0442\0435\043A\043B\0438 \0434\0432\0435 \043D\0435\0434\0435\043B\0438 \043B\0438\0447\043D\043E\0433\043E \043F\043E\0440\0443\0447\0435\043D\0438\044F'), 'Personal instruction past its two weeks'),
  ('event_kind', 'roadmap_missing', instruction_control.unicode_text('\0416\043E\043B \043A\0430\0440\0442\0430\0441\044B \043C\0435\0440\0437\0456\043C\0456\043D\0434\0435 \0442\0456\0440\043A\0435\043B\043C\0435\0434\0456'), instruction_control.unicode_text('\0414\043E\0440\043E\0436\043D\0430\044F \043A\0430\0440\0442\0430 \043D\0435 \0437\0430\0440\0435\0433\0438\0441\0442\0440\0438\0440\043E\0432\0430\043D\0430 \0432 \0441\0440\043E\043A'), 'Roadmap not registered in time'),
  ('event_kind', 'roadmap_not_approved', instruction_control.unicode_text('\0416\043E\043B \043A\0430\0440\0442\0430\0441\044B \043C\0435\0440\0437\0456\043C\0456\043D\0434\0435 \043A\0435\043B\0456\0441\0456\043B\043C\0435\0434\0456 \043D\0435\043C\0435\0441\0435 \0431\0435\043A\0456\0442\0456\043B\043C\0435\0434\0456'), instruction_control.unicode_text('\0414\043E\0440\043E\0436\043D\0430\044F \043A\0430\0440\0442\0430 \043D\0435 \0441\043E\0433\043B\0430\0441\043E\0432\0430\043D\0430 \0438\043B\0438 \043D\0435 \0443\0442\0432\0435\0440\0436\0434\0435\043D\0430 \0432 \0441\0440\043E\043A'), 'Roadmap not agreed or approved in time'),
  ('event_kind', 'report_missing', instruction_control.unicode_text('\0410\0440\0430\043B\044B\049B \0430\049B\043F\0430\0440\0430\0442 \043C\0435\0440\0437\0456\043C\0456\043D\0434\0435 \04B1\0441\044B\043D\044B\043B\043C\0430\0434\044B'), instruction_control.unicode_text('\041F\0440\043E\043C\0435\0436\0443\0442\043E\0447\043D\0430\044F \0438\043D\0444\043E\0440\043C\0430\0446\0438\044F \043D\0435 \043F\0440\0435\0434\0441\0442\0430\0432\043B\0435\043D\0430 \0432 \0441\0440\043E\043A'), 'Intermediate report not submitted in time'),
  ('event_kind', 'measures_missing', instruction_control.unicode_text('\049A\0430\0431\044B\043B\0434\0430\043D\0493\0430\043D \0448\0430\0440\0430\043B\0430\0440 \0442\0443\0440\0430\043B\044B \0430\049B\043F\0430\0440\0430\0442 \0431\0456\0440 \0430\0439 \0456\0448\0456\043D\0434\0435 \04B1\0441\044B\043D\044B\043B\043C\0430\0434\044B'), instruction_control.unicode_text('\0418\043D\0444\043E\0440\043C\0430\0446\0438\044F \043E \043F\0440\0438\043D\044F\0442\044B\0445 \043C\0435\0440\0430\0445 \043D\0435 \043F\0440\0435\0434\0441\0442\0430\0432\043B\0435\043D\0430 \0432 \0442\0435\0447\0435\043D\0438\0435 \043C\0435\0441\044F\0446\0430'), 'Information on measures not submitted within a month'),
  ('addressee', 'executor', instruction_control.unicode_text('\0416\0430\0443\0430\043F\0442\044B \043E\0440\044B\043D\0434\0430\0443\0448\044B'), instruction_control.unicode_text('\041E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\044B\0439 \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C'), 'Responsible executor'),
  ('addressee', 'controller', instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0434\044B \0436\04AF\0437\0435\0433\0435 \0430\0441\044B\0440\0430\0442\044B\043D \0431\04E9\043B\0456\043C\0448\0435 \043D\0435\043C\0435\0441\0435 \043E\0440\0433\0430\043D'), instruction_control.unicode_text('\041F\043E\0434\0440\0430\0437\0434\0435\043B\0435\043D\0438\0435 \0438\043B\0438 \043E\0440\0433\0430\043D, \043E\0441\0443\0449\0435\0441\0442\0432\043B\044F\044E\0449\0438\0439 \043A\043E\043D\0442\0440\043E\043B\044C'), 'Controlling unit or body'),
  ('addressee', 'head_of_pa', instruction_control.unicode_text('\041F\0440\0435\0437\0438\0434\0435\043D\0442 \04D8\043A\0456\043C\0448\0456\043B\0456\0433\0456\043D\0456\04A3 \0411\0430\0441\0448\044B\0441\044B'), instruction_control.unicode_text('\0420\0443\043A\043E\0432\043E\0434\0438\0442\0435\043B\044C \0410\0434\043C\0438\043D\0438\0441\0442\0440\0430\0446\0438\0438 \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430'), 'Head of the Presidential Administration'),
  ('addressee', 'state_counsellor', instruction_control.unicode_text('\041C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043A\0435\04A3\0435\0441\0448\0456'), instruction_control.unicode_text('\0413\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0439 \0441\043E\0432\0435\0442\043D\0438\043A'), 'State Counsellor'),
  ('addressee', 'secretary_sc', instruction_control.unicode_text('\049A\0430\0443\0456\043F\0441\0456\0437\0434\0456\043A \041A\0435\04A3\0435\0441\0456\043D\0456\04A3 \0425\0430\0442\0448\044B\0441\044B'), instruction_control.unicode_text('\0421\0435\043A\0440\0435\0442\0430\0440\044C \0421\043E\0432\0435\0442\0430 \0411\0435\0437\043E\043F\0430\0441\043D\043E\0441\0442\0438'), 'Secretary of the Security Council'),
  ('addressee', 'prime_minister', instruction_control.unicode_text('\041F\0440\0435\043C\044C\0435\0440-\041C\0438\043D\0438\0441\0442\0440'), instruction_control.unicode_text('\041F\0440\0435\043C\044C\0435\0440-\041C\0438\043D\0438\0441\0442\0440'), 'Prime Minister'),
  ('addressee', 'first_head', instruction_control.unicode_text('\0411\0456\0440\0456\043D\0448\0456 \0431\0430\0441\0448\044B'), instruction_control.unicode_text('\041F\0435\0440\0432\044B\0439 \0440\0443\043A\043E\0432\043E\0434\0438\0442\0435\043B\044C'), 'First head'),
  ('addressee', 'akim', instruction_control.unicode_text('\04D8\043A\0456\043C'), instruction_control.unicode_text('\0410\043A\0438\043C'), 'Akim');

INSERT INTO rule (id, title_kk, title_ru, title_en) VALUES
  ('R66-1.3', instruction_control.unicode_text('\0422\04D9\0443\0435\043A\0435\043B \043D\0435\043C\0435\0441\0435 \0431\0430\0441\049B\0430 \0435\043B\0435\0443\043B\0456 \043F\0440\043E\0431\043B\0435\043C\0430 \0442\0443\0440\0430\043B\044B \041F\04D8 \0411\0430\0441\0448\044B\0441\044B\043D\0430, \041C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043A\0435\04A3\0435\0441\0448\0456\0433\0435 \043D\0435\043C\0435\0441\0435 \049A\041A \0425\0430\0442\0448\044B\0441\044B\043D\0430 \0445\0430\0431\0430\0440\043B\0430\0443'),
   instruction_control.unicode_text('\0418\043D\0444\043E\0440\043C\0438\0440\043E\0432\0430\043D\0438\0435 \0420\0443\043A\043E\0432\043E\0434\0438\0442\0435\043B\044F \0410\041F, \0413\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\043E\0433\043E \0441\043E\0432\0435\0442\043D\0438\043A\0430 \0438\043B\0438 \0421\0435\043A\0440\0435\0442\0430\0440\044F \0421\0411 \043E \0440\0438\0441\043A\0435 \0438\043B\0438 \0438\043D\043E\0439 \0441\0435\0440\044C\0435\0437\043D\043E\0439 \043F\0440\043E\0431\043B\0435\043C\0435'),
   'Risks and serious problems reported to the Head of the PA, the State Counsellor or the Secretary of the SC')
ON CONFLICT (id) DO NOTHING;

-- Settings per control level (data) -----------------------------------------

CREATE TABLE sweep_setting (
  level                  control_level PRIMARY KEY,
  reminder_days          integer[] NOT NULL DEFAULT '{5,1}'
                         CHECK (cardinality(reminder_days) BETWEEN 1 AND 10
                                AND 1 <= ALL (reminder_days) AND 60 >= ALL (reminder_days)),
  escalation_grace_days  integer NOT NULL DEFAULT 5 CHECK (escalation_grace_days BETWEEN 0 AND 60),
  seeded                 boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE sweep_setting IS
  'Per control level: reminders N working days before a deadline (default 5 and 1) and the grace period in working days after which an overdue instruction is escalated (default 5); a level without a row uses the defaults';
COMMENT ON COLUMN sweep_setting.reminder_days IS 'Working days before the deadline a reminder is raised (1-60), e.g. {5,1}';
COMMENT ON COLUMN sweep_setting.escalation_grace_days IS 'Working days past the deadline after which the overdue instruction is escalated (R66-1.3)';
COMMENT ON COLUMN sweep_setting.seeded IS 'Row installed by the extension and not changed since; changed rows are dumped';
COMMENT ON COLUMN sweep_setting.level IS 'The control level the row sets (R42-1)';

INSERT INTO sweep_setting (level, reminder_days, escalation_grace_days, seeded)
SELECT l, '{5,1}', 5, true FROM control_levels() l;

CREATE FUNCTION sweep_setting_owner() RETURNS trigger
LANGUAGE plpgsql
SET search_path = instruction_control, pg_catalog
AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW.seeded := false;
  ELSE
    -- an administrator's row (or a restored one) replaces the seeded row of its level
    DELETE FROM sweep_setting s WHERE s.level = NEW.level AND s.seeded;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION sweep_setting_owner() IS
  'Trigger: an updated seeded sweep_setting row becomes the administrator''s (and is dumped); an inserted one replaces the seeded row of its level';
CREATE TRIGGER sweep_setting_changed BEFORE UPDATE ON sweep_setting
  FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION sweep_setting_owner();
CREATE TRIGGER sweep_setting_owner BEFORE INSERT ON sweep_setting
  FOR EACH ROW WHEN (NOT NEW.seeded) EXECUTE FUNCTION sweep_setting_owner();
REVOKE EXECUTE ON FUNCTION sweep_setting_owner() FROM PUBLIC;

-- Escalation routing (R66-1.3) ----------------------------------------------
-- The kind says when the Secretary of the SC is informed (security_council);
-- the level says who heads the control below PA (R74-1, by analogy).  That an
-- instruction was given personally to the State Counsellor (and needs not be
-- reported to the President) is not on the card: the PA records it here.

CREATE TABLE instruction_escalation (
  instruction_id  bigint PRIMARY KEY,   -- no foreign key: no trigger is added to instruction
  addressee       addressee NOT NULL CHECK (addressee IN ('state_counsellor', 'head_of_pa', 'secretary_sc')),
  basis           text,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  recorded_by     name NOT NULL DEFAULT current_user
);
COMMENT ON TABLE instruction_escalation IS
  'Escalations of an instruction routed by hand (R66-1.3): e.g. an instruction given personally to the State Counsellor and not requiring the President to be informed goes to the State Counsellor';
COMMENT ON COLUMN instruction_escalation.addressee IS 'state_counsellor, head_of_pa or secretary_sc';
COMMENT ON COLUMN instruction_escalation.basis IS 'Why: the resolution giving the instruction to the State Counsellor';
COMMENT ON COLUMN instruction_escalation.instruction_id IS 'The instruction (instruction.id) whose escalations go to addressee';
COMMENT ON COLUMN instruction_escalation.recorded_at IS 'When the routing was recorded';
COMMENT ON COLUMN instruction_escalation.recorded_by IS 'Role that recorded it';

-- Scalar SQL functions without SET: the planner inlines them into the sweep.
CREATE FUNCTION escalation_addressee(kind instruction_kind, level control_level, routed addressee DEFAULT NULL)
RETURNS addressee
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT (CASE
            WHEN routed IS NOT NULL THEN routed::text
            WHEN instruction_control.is_security_council(kind) THEN 'secretary_sc'
            WHEN level OPERATOR(instruction_control.=) 'pa'::instruction_control.control_level THEN 'head_of_pa'
            WHEN level OPERATOR(instruction_control.=) 'government'::instruction_control.control_level THEN 'prime_minister'
            WHEN level OPERATOR(instruction_control.=) 'local'::instruction_control.control_level THEN 'akim'
            ELSE 'first_head'
          END)::instruction_control.addressee
$$;
COMMENT ON FUNCTION escalation_addressee(instruction_kind, control_level, addressee) IS
  'Who a risk or an overdue deadline is escalated to (R66-1.3): the official routed by hand (instruction_escalation: the State Counsellor), the Secretary of the SC for Security Council decisions, the Head of the PA; below PA by analogy (R74-1) the Prime Minister, the akim or the first head';

CREATE FUNCTION escalation_rule(kind instruction_kind, level control_level, routed addressee DEFAULT NULL)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
           WHEN routed IS NOT NULL OR instruction_control.is_security_council(kind)
                OR level OPERATOR(instruction_control.=) 'pa'::instruction_control.control_level THEN 'R66-1.3'
           ELSE 'R74-1'
         END
$$;
COMMENT ON FUNCTION escalation_rule(instruction_kind, control_level, addressee) IS
  'The rule that routes an escalation: R66-1.3 at PA level, for Security Council decisions and routed ones; R74-1 below PA';

-- Marks, runs and the outbox ------------------------------------------------

CREATE TABLE overdue_mark (
  instruction_id  bigint PRIMARY KEY,   -- no foreign key: no trigger is added to instruction
  due_date        date NOT NULL,
  marked_on       date NOT NULL,
  sweep_run_id    bigint
);
COMMENT ON TABLE overdue_mark IS
  'Instructions overdue as of the latest sweep: the deadline they missed; a later sweep clears the mark when a decision moved the deadline or removed the instruction (overdue_cleared)';
COMMENT ON COLUMN overdue_mark.due_date IS 'The deadline that was missed (R50.1)';
COMMENT ON COLUMN overdue_mark.marked_on IS 'as_of of the sweep that marked it';
COMMENT ON COLUMN overdue_mark.instruction_id IS 'The overdue instruction (instruction.id)';
COMMENT ON COLUMN overdue_mark.sweep_run_id IS 'The sweep that marked it (sweep_run.id)';

CREATE TABLE sweep_run (
  id            bigserial PRIMARY KEY,
  as_of         date NOT NULL,
  mode          text NOT NULL CHECK (mode IN ('current', 'replay')),
  marks         boolean NOT NULL,
  scope         text NOT NULL DEFAULT 'full' CHECK (scope IN ('full', 'incremental')),
  since         date,
  one_transaction boolean NOT NULL,
  batch_size    integer NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  collected_at  timestamptz,
  finished_at   timestamptz,
  candidates    integer,
  batches       integer NOT NULL DEFAULT 0,
  events        integer NOT NULL DEFAULT 0,
  counts        jsonb NOT NULL DEFAULT '{}',
  max_instruction_id bigint,
  max_decision_id bigint,
  max_report_id bigint,
  run_by        name NOT NULL DEFAULT session_user
);
CREATE INDEX sweep_run_as_of_idx ON sweep_run (as_of);
COMMENT ON TABLE sweep_run IS 'One row per sweep: the day, when it started and ended, and how many events of each kind it raised';
COMMENT ON COLUMN sweep_run.as_of IS 'The day swept';
COMMENT ON COLUMN sweep_run.mode IS 'current: the live rows (as_of = today); replay: the registry as it stood at the end of as_of (instruction_as_of)';
COMMENT ON COLUMN sweep_run.marks IS 'Whether the run kept overdue_mark (only a run of the latest day swept does; a replay of an earlier day leaves the marks)';
COMMENT ON COLUMN sweep_run.scope IS 'full: every instruction''s conditions were evaluated; incremental: only what can have changed since the previous sweep (since): dates that passed since then, and instructions, decisions and risk reports written since then';
COMMENT ON COLUMN sweep_run.since IS 'incremental: as_of of the previous sweep the run continues from';
COMMENT ON COLUMN sweep_run.max_instruction_id IS 'Highest instruction id when the run began (where the next incremental sweep looks for new instructions)';
COMMENT ON COLUMN sweep_run.max_decision_id IS 'Highest decision id when the run began (the next incremental sweep re-evaluates instructions decided on since)';
COMMENT ON COLUMN sweep_run.max_report_id IS 'Highest report id when the run began (new risk reports, R66-3.5)';
COMMENT ON COLUMN sweep_run.one_transaction IS 'Called inside a transaction block: no commits between batches';
COMMENT ON COLUMN sweep_run.candidates IS 'New events found (before the outbox''s uniqueness, which a concurrent sweep may take first)';
COMMENT ON COLUMN sweep_run.batches IS 'Batches written (each committed on its own unless one_transaction)';
COMMENT ON COLUMN sweep_run.events IS 'Events written to the outbox';
COMMENT ON COLUMN sweep_run.counts IS 'Events written per kind, e.g. {"overdue": 3, "reminder": 12}';
COMMENT ON COLUMN sweep_run.finished_at IS 'End of the run; NULL while it runs, or if it failed';
COMMENT ON COLUMN sweep_run.id IS 'Run number';
COMMENT ON COLUMN sweep_run.started_at IS 'Start of the run';
COMMENT ON COLUMN sweep_run.collected_at IS 'When the new events were collected (before the batches were written)';
COMMENT ON COLUMN sweep_run.batch_size IS 'Events written per batch (and per commit)';
COMMENT ON COLUMN sweep_run.run_by IS 'Session user that ran it (the pg_cron job''s user when scheduled)';

CREATE TABLE event (
  id              bigserial PRIMARY KEY,
  instruction_id  bigint NOT NULL,      -- no foreign key: no trigger is added to instruction
  kind            event_kind NOT NULL,
  period          date NOT NULL,
  addressee       addressee NOT NULL,
  rule_id         text NOT NULL REFERENCES rule,
  due_date        date,
  as_of           date NOT NULL,
  sweep_run_id    bigint,
  detail          jsonb NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  delivered_at    timestamptz,
  delivered_by    name,
  CONSTRAINT event_once UNIQUE (instruction_id, kind, period)
);
CREATE INDEX event_open_idx ON event (addressee, id) WHERE delivered_at IS NULL;
COMMENT ON TABLE event IS
  'Outbox of the sweeps: one row per instruction, event kind and period; integrators take open rows with SELECT ... FOR UPDATE SKIP LOCKED and mark them delivered (mark_delivered)';
COMMENT ON COLUMN event.kind IS 'event_kind: reminder, overdue, overdue_cleared, escalation, risk_escalation, personal_overdue, roadmap_missing, roadmap_not_approved, report_missing, measures_missing';
COMMENT ON COLUMN event.period IS 'What the event is about, as a day: the deadline (overdue, escalation), the day of the reminder, the end of the reporting period, the roadmap or measures due date, the day of the risk report';
COMMENT ON COLUMN event.addressee IS 'Who it goes to (addressee; labels in vocabulary)';
COMMENT ON COLUMN event.rule_id IS 'The rule that asks for it';
COMMENT ON COLUMN event.due_date IS 'The instruction''s deadline as the sweep saw it';
COMMENT ON COLUMN event.as_of IS 'The day swept when the event was raised';
COMMENT ON COLUMN event.sweep_run_id IS 'The sweep that raised it (sweep_run.id)';
COMMENT ON COLUMN event.detail IS 'Facts for the message: e.g. working days left or overdue, the new deadline of a cleared mark';
COMMENT ON COLUMN event.delivered_at IS 'When an integrator marked it delivered; NULL: open';
COMMENT ON COLUMN event.delivered_by IS 'Role that marked it delivered';
COMMENT ON COLUMN event.id IS 'Event number: consumers take events in this order';
COMMENT ON COLUMN event.instruction_id IS 'The instruction (instruction.id) the event is about';
COMMENT ON COLUMN event.created_at IS 'When the sweep wrote it';

-- the sweep's candidates between its batches (not user data: no WAL, not dumped)
CREATE UNLOGGED TABLE sweep_candidate (
  sweep_run_id    bigint NOT NULL,
  batch           integer NOT NULL,
  instruction_id  bigint NOT NULL,
  kind            text NOT NULL,
  period          date NOT NULL,
  addressee       text NOT NULL,
  rule_id         text NOT NULL,
  due_date        date,
  detail          jsonb NOT NULL
);
CREATE INDEX sweep_candidate_batch_idx ON sweep_candidate (sweep_run_id, batch);
COMMENT ON TABLE sweep_candidate IS 'Internal: the events a running sweep found, numbered in batches; emptied as the batches are written';

SELECT pg_catalog.pg_extension_config_dump('event', '');
SELECT pg_catalog.pg_extension_config_dump('event_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('sweep_run', '');
SELECT pg_catalog.pg_extension_config_dump('sweep_run_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('overdue_mark', '');
SELECT pg_catalog.pg_extension_config_dump('instruction_escalation', '');
SELECT pg_catalog.pg_extension_config_dump('sweep_setting', 'WHERE NOT seeded');

-- Indexes the sweep reads (partial: only rows that can raise an event) ------
-- instruction_due_idx (due_date) WHERE status = 'on_control' serves reminders,
-- overdue and escalations.

CREATE INDEX instruction_sweep_roadmap_idx ON instruction (roadmap_due_date)
  WHERE status = 'on_control' AND roadmap_due_date IS NOT NULL;
CREATE INDEX instruction_sweep_personal_idx ON instruction (original_due_date)
  WHERE status = 'on_control' AND deadline_source = 'two_weeks';
CREATE INDEX instruction_sweep_reporting_idx ON instruction (reporting_period)
  WHERE status = 'on_control' AND reporting_period IS NOT NULL AND category IS NULL;
CREATE INDEX decision_sweep_measures_idx ON decision (measures_due_date)
  WHERE measures_due_date IS NOT NULL;
CREATE INDEX report_sweep_risk_idx ON report (submitted_on) WHERE kind = 'risk';

-- The state of a day --------------------------------------------------------

CREATE VIEW sweep_state_current AS
SELECT i.id, i.kind, i.level, i.regime, i.status = 'on_control' AS on_control,
       i.due_date, i.original_due_date, i.roadmap_due_date, i.reporting_period,
       i.category, i.received_on, i.signed_on, i.deadline_source,
       coalesce(i.calendar, 'KZ') AS calendar, i.responsible_body_id, i.controlling_body_id
  FROM instruction i;
COMMENT ON VIEW sweep_state_current IS 'Internal: the live state the sweep of today reads (through the instruction''s indexes: the columns are the table''s own, so the partial indexes'' predicates match)';

CREATE FUNCTION sweep_state_as_of(as_of date)
RETURNS TABLE (id bigint, kind instruction_kind, level control_level, regime text, on_control boolean,
               due_date date, original_due_date date, roadmap_due_date date, reporting_period text,
               category text, received_on date, signed_on date, deadline_source text, calendar text,
               responsible_body_id bigint, controlling_body_id bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT i.id, i.kind, i.level, a.regime, a.on_control, a.due_date, i.original_due_date,
         -- R59: the latest transfer's roadmap date decided by then; else R56's from receipt
         coalesce(
           (SELECT d.roadmap_due_date FROM instruction_control.decision d
             WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id AND d.roadmap_due_date IS NOT NULL
               AND d.decided_on OPERATOR(pg_catalog.<=) as_of
             ORDER BY d.seq DESC LIMIT 1),
           CASE WHEN NOT EXISTS (SELECT 1 FROM instruction_control.decision d
                                  WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id
                                    AND d.roadmap_due_date IS NOT NULL)
                THEN i.roadmap_due_date
                WHEN i.original_due_date OPERATOR(pg_catalog.>) (i.received_on OPERATOR(pg_catalog.+) pg_catalog.make_interval(0, 6))
                     AND ((pg_catalog.cardinality(i.co_executor_ids) OPERATOR(pg_catalog.>) 0) OR i.new_approaches)
                THEN instruction_control.add_working_days(i.received_on, 10, coalesce(i.calendar, 'KZ'))
           END),
         i.reporting_period::text, i.category::text, i.received_on, i.signed_on, i.deadline_source::text,
         coalesce(i.calendar, 'KZ'), i.responsible_body_id, i.controlling_body_id
    FROM instruction_control.instruction_as_of(as_of) a
    JOIN instruction_control.instruction i ON i.id OPERATOR(pg_catalog.=) a.instruction_id
$$;
COMMENT ON FUNCTION sweep_state_as_of(date) IS
  'Internal: every instruction as it stood at the end of a past day (instruction_as_of), with the roadmap due date then (R56, R59), for replaying a sweep';

-- The last reporting period whose report was due before a day (R66-1.1):
-- periods end on the last day of a month, quarter, half-year or year, and
-- the report is due on that day rolled forward to a working day.
CREATE FUNCTION reporting_period_end(period reporting_period, as_of date, calendar text DEFAULT 'KZ')
RETURNS date
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = instruction_control, pg_catalog
AS $$
DECLARE
  step interval := CASE period WHEN 'monthly' THEN interval '1 month' WHEN 'quarterly' THEN interval '3 months'
                               WHEN 'half_yearly' THEN interval '6 months' ELSE interval '1 year' END;
  start date := CASE period
                  WHEN 'monthly' THEN date_trunc('month', as_of)::date
                  WHEN 'quarterly' THEN date_trunc('quarter', as_of)::date
                  WHEN 'half_yearly' THEN make_date(extract(year FROM as_of)::int,
                                                    CASE WHEN extract(month FROM as_of) > 6 THEN 7 ELSE 1 END, 1)
                  ELSE date_trunc('year', as_of)::date END;
  p date := start - 1;
BEGIN
  IF roll_forward(p, calendar) >= as_of THEN
    p := (start - step)::date - 1;
  END IF;
  RETURN p;
END
$$;
COMMENT ON FUNCTION reporting_period_end(reporting_period, date, text) IS
  'End of the latest intermediate reporting period (month, quarter, half-year, year: R66-1.1) whose report was due before as_of; the report is due on the period''s last day rolled forward to a working day';

-- What the server cannot say in SQL: may this procedure commit?
CREATE FUNCTION in_transaction_block() RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_in_transaction_block' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION in_transaction_block() IS
  'True inside a transaction block (BEGIN ... or several statements sent at once), where sweep() cannot commit between batches';

-- The sweep's steps ---------------------------------------------------------
-- SECURITY DEFINER with a pinned path: a role allowed to sweep needs no
-- privilege on the tables.  The procedure sweep() only calls them and
-- commits (a procedure with SET or SECURITY DEFINER could not commit).

CREATE FUNCTION sweep_begin(as_of date, batch_size integer, full_scope boolean DEFAULT false)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = instruction_control, pg_catalog
SET jit = off
AS $$
DECLARE
  run bigint;
  replay boolean;
  keep_marks boolean;
  max_n integer;
  reminder_to date;
  periods jsonb;
  n integer;
  state text;
  scope_cte text := '';
  lookup text;
  measures_only text := '';
  risk_only text := '';
  marks_only text := '';
  scope_ids bigint[];
  prev sweep_run;
  wm sweep_run;
  incremental boolean := false;
  cal text := coalesce(nullif(current_setting('instruction_control.calendar', true), ''), 'KZ');
  g_max integer;
  lo date;
  esc_dates date[] := '{}';
  rem_dates date[] := '{}';
  rmna_dates date[] := '{}';
  changed_periods text[] := '{}';
  dd date;
BEGIN
  IF as_of IS NULL OR NOT isfinite(as_of) THEN
    RAISE EXCEPTION 'a sweep needs a real day, not %', coalesce(as_of::text, 'NULL')
      USING ERRCODE = '22023', HINT = 'CALL instruction_control.sweep() sweeps today.';
  END IF;
  IF as_of > current_date THEN
    RAISE EXCEPTION 'cannot sweep a day that has not begun (R50.1)'
      USING ERRCODE = 'IC203',
            DETAIL = format('as_of is %s; today is %s.', as_of, current_date),
            HINT = 'Sweep today or replay a past day; reminders already look ahead N working days (sweep_setting).';
  END IF;
  IF batch_size IS NULL OR batch_size < 1 THEN
    RAISE EXCEPTION 'batch_size must be at least 1, not %', coalesce(batch_size::text, 'NULL')
      USING ERRCODE = '22023';
  END IF;
  replay := as_of < current_date;
  -- candidates left by a sweep that failed more than a day ago (a running one keeps its own)
  DELETE FROM sweep_candidate c
   WHERE c.sweep_run_id IN (SELECT r.id FROM sweep_run r
                             WHERE r.finished_at IS NULL AND r.started_at < now() - interval '1 day');
  -- the marks follow the latest day swept; a replay of an earlier day leaves them
  keep_marks := NOT EXISTS (SELECT 1 FROM sweep_run r WHERE r.marks AND r.as_of > sweep_begin.as_of);

  -- Incremental: today's sweep continuing a finished sweep of today or of the
  -- last 7 days looks only at what can have changed since: the days that
  -- passed (each kind's dates in index ranges) and the instructions written,
  -- decided on or reported at risk since (ids past the watermarks of the run
  -- before the previous one, so a transaction still open then is not missed).
  IF NOT replay AND keep_marks AND NOT coalesce(full_scope, false) THEN
    SELECT * INTO prev FROM sweep_run r
     WHERE r.mode = 'current' AND r.marks AND r.finished_at IS NOT NULL
       AND r.as_of <= sweep_begin.as_of AND r.as_of >= sweep_begin.as_of - 7
     ORDER BY r.id DESC LIMIT 1;
    IF prev.id IS NOT NULL THEN
      SELECT * INTO wm FROM sweep_run r
       WHERE r.mode = 'current' AND r.finished_at IS NOT NULL AND r.id < prev.id
       ORDER BY r.id DESC LIMIT 1;
      IF wm.id IS NULL THEN
        wm := prev;
      END IF;
      incremental := wm.max_instruction_id IS NOT NULL;
    END IF;
  END IF;

  INSERT INTO sweep_run (as_of, mode, marks, scope, since, one_transaction, batch_size,
                         max_instruction_id, max_decision_id, max_report_id)
  VALUES (as_of, CASE WHEN replay THEN 'replay' ELSE 'current' END, keep_marks,
          CASE WHEN incremental THEN 'incremental' ELSE 'full' END,
          CASE WHEN incremental THEN prev.as_of END,
          in_transaction_block(), batch_size,
          (SELECT max(i.id) FROM instruction i), (SELECT max(x.id) FROM decision x),
          (SELECT max(x.id) FROM report x))
  RETURNING id INTO run;

  SELECT coalesce(max(d), 5) INTO max_n
    FROM (SELECT unnest(s.reminder_days) FROM sweep_setting s) AS t(d);
  max_n := greatest(max_n, 5);
  -- a wide enough range for every calendar; the exact count is per row below
  reminder_to := add_working_days(as_of, max_n) + 14;
  SELECT jsonb_object_agg(p, reporting_period_end(p::reporting_period, as_of))
    INTO periods FROM unnest(ARRAY['monthly', 'quarterly', 'half_yearly', 'yearly']) AS p;

  state := CASE WHEN replay THEN 'sweep_state_as_of($1)' ELSE 'sweep_state_current' END;
  lookup := state;   -- where the branches driven by marks, decisions and reports look an instruction up

  IF incremental THEN
    lo := prev.as_of;
    SELECT coalesce(max(s.escalation_grace_days), 5) INTO g_max FROM sweep_setting s;
    g_max := greatest(g_max, 5);
    -- deadlines that reached a level's grace period since lo (R66-1.3)
    FOR dd IN SELECT generate_series(add_working_days(lo, -(g_max + 2), cal) - 7, as_of - 1, interval '1 day')::date LOOP
      IF EXISTS (SELECT 1 FROM control_levels() l LEFT JOIN sweep_setting s ON s.level = l
                  WHERE working_days_between(dd, as_of, cal) >= coalesce(s.escalation_grace_days, 5)
                    AND working_days_between(dd, lo, cal) < coalesce(s.escalation_grace_days, 5)) THEN
        esc_dates := esc_dates || dd;
      END IF;
    END LOOP;
    -- deadlines whose reminder day came since lo (R50.1)
    FOR dd IN SELECT generate_series(as_of, add_working_days(as_of, max_n, cal) + 7, interval '1 day')::date LOOP
      IF EXISTS (SELECT 1 FROM control_levels() l LEFT JOIN sweep_setting s ON s.level = l,
                        unnest(coalesce(s.reminder_days, '{5,1}')) AS r(n)
                  WHERE working_days_between(as_of, dd, cal) <= r.n
                    AND working_days_between(lo, dd, cal) > r.n) THEN
        rem_dates := rem_dates || dd;
      END IF;
    END LOOP;
    IF lo = as_of THEN
      rem_dates := '{}';
    END IF;
    -- roadmap due dates whose 5 working days for approval ended since lo (R57)
    FOR dd IN SELECT generate_series(add_working_days(lo, -7, cal) - 7, as_of - 1, interval '1 day')::date LOOP
      IF add_working_days(dd, 5, cal) >= lo AND add_working_days(dd, 5, cal) < as_of THEN
        rmna_dates := rmna_dates || dd;
      END IF;
    END LOOP;
    -- a reporting period that ended since lo: every instruction reporting so (R66-1.1)
    SELECT coalesce(array_agg(p), '{}') INTO changed_periods
      FROM unnest(ARRAY['monthly', 'quarterly', 'half_yearly', 'yearly']) AS p
     WHERE reporting_period_end(p::reporting_period, lo, cal) <> reporting_period_end(p::reporting_period, as_of, cal);

    -- the instructions that can have changed, read once (each arm an index range)
    scope_cte := $s$
    st AS MATERIALIZED (
      SELECT s.* FROM sweep_state_current s
       WHERE s.on_control AND s.due_date >= $7 AND s.due_date < $1
      UNION
      SELECT s.* FROM sweep_state_current s WHERE s.on_control AND s.due_date = ANY ($8)
      UNION
      SELECT s.* FROM sweep_state_current s WHERE s.on_control AND s.due_date = ANY ($9)
      UNION
      SELECT s.* FROM sweep_state_current s
       WHERE s.on_control AND s.deadline_source = 'two_weeks'
         AND s.original_due_date >= $7 AND s.original_due_date < $1
      UNION
      SELECT s.* FROM sweep_state_current s
       WHERE s.on_control AND s.roadmap_due_date IS NOT NULL
         AND (s.roadmap_due_date >= $7 AND s.roadmap_due_date < $1 OR s.roadmap_due_date = ANY ($10))
      UNION
      SELECT s.* FROM sweep_state_current s
       WHERE s.on_control AND s.reporting_period IS NOT NULL AND s.category IS NULL
         AND s.reporting_period = ANY ($11)
      UNION
      SELECT s.* FROM sweep_state_current s WHERE s.id > $12
      UNION
      SELECT s.* FROM sweep_state_current s
       WHERE s.id IN (SELECT x.instruction_id FROM decision x WHERE x.id > $13
                      UNION
                      SELECT x.instruction_id FROM decision x
                       WHERE x.measures_due_date IS NOT NULL AND x.measures_due_date >= $7 AND x.measures_due_date < $1
                      UNION
                      SELECT x.instruction_id FROM report x WHERE x.id > $14 AND x.kind = 'risk')
    ),$s$;
    state := 'st';
    -- the branches driven by decisions, reports and marks look at what is new only
    measures_only := 'AND d.measures_due_date >= $7';
    risk_only := 'AND rr.id > $14';
    marks_only := 'AND m.instruction_id IN (SELECT st.id FROM st)';
  END IF;

  -- One statement, every kind: each branch reads its own index range.
  EXECUTE format($q$
    WITH %2$s
    setting AS (
      SELECT l AS level, coalesce(s.reminder_days, '{5,1}') AS reminder_days,
             coalesce(s.escalation_grace_days, 5) AS grace
        FROM control_levels() l LEFT JOIN sweep_setting s ON s.level = l
    ),
    -- R50.1: deadline passed, still on control
    late AS MATERIALIZED (
      SELECT s.*, working_days_between(s.due_date, $1, s.calendar) AS days_late
        FROM %1$s s
       WHERE s.on_control AND s.due_date < $1
    ),
    found AS (
      -- R50.1: overdue (new, or its deadline changed while still overdue)
      SELECT l.id, 'overdue' AS kind, l.due_date AS period, 'controller' AS addressee, 'R50.1' AS rule_id,
             l.due_date, jsonb_build_object('working_days_late', l.days_late) AS detail
        FROM late l
       WHERE CASE WHEN $5 THEN NOT EXISTS (SELECT 1 FROM overdue_mark m
                                            WHERE m.instruction_id = l.id AND m.due_date = l.due_date)
                  ELSE true END
      UNION ALL
      -- R66-1.3 (R74-1 below PA): overdue by the grace period
      SELECT l.id, 'escalation', l.due_date, r.addressee, r.rule_id, l.due_date,
             jsonb_build_object('working_days_late', l.days_late, 'grace', g.grace)
        FROM late l
        JOIN setting g ON g.level = l.level
        LEFT JOIN instruction_escalation x ON x.instruction_id = l.id
        CROSS JOIN LATERAL (SELECT escalation_addressee(l.kind, l.level, x.addressee) AS addressee,
                                   escalation_rule(l.kind, l.level, x.addressee) AS rule_id) r
       WHERE l.days_late >= g.grace AND l.days_late > 0
      UNION ALL
      -- R50.1, R50.3: reminders N working days before the deadline (the nearest N not yet passed)
      SELECT s.id, 'reminder', add_working_days(s.due_date, -r.n, s.calendar), 'executor', 'R50.1', s.due_date,
             jsonb_build_object('working_days_left', r.left_days, 'reminder_days', r.n)
        FROM %1$s s
        JOIN setting g ON g.level = s.level
        CROSS JOIN LATERAL (SELECT working_days_between($1, s.due_date, s.calendar) AS left_days) k
        CROSS JOIN LATERAL (SELECT min(d) AS n, k.left_days FROM unnest(g.reminder_days) d
                             WHERE d >= k.left_days) r
       WHERE s.on_control AND s.due_date >= $1 AND s.due_date <= $2 AND r.n IS NOT NULL
      UNION ALL
      -- R51: a personal instruction past the two weeks from signing
      SELECT s.id, 'personal_overdue', s.original_due_date, r.addressee, 'R51', s.due_date,
             jsonb_build_object('signed_on', s.signed_on, 'two_weeks_ended', s.original_due_date)
        FROM %1$s s
        LEFT JOIN instruction_escalation x ON x.instruction_id = s.id
        CROSS JOIN LATERAL (SELECT escalation_addressee(s.kind, s.level, x.addressee) AS addressee,
                                   escalation_rule(s.kind, s.level, x.addressee) AS rule_id) r
       WHERE s.on_control AND s.deadline_source = 'two_weeks' AND s.original_due_date < $1
      UNION ALL
      -- R56, R59: no roadmap registered by its due date; R57: none approved 5 working days later
      SELECT s.id, k.kind, s.roadmap_due_date, k.addressee, k.rule_id, s.due_date,
             jsonb_build_object('roadmap_due_date', s.roadmap_due_date)
        FROM %1$s s
        LEFT JOIN instruction_escalation x ON x.instruction_id = s.id
        CROSS JOIN LATERAL (SELECT escalation_addressee(s.kind, s.level, x.addressee) AS addressee,
                                   escalation_rule(s.kind, s.level, x.addressee) AS rule_id) r
        CROSS JOIN LATERAL (VALUES
            ('roadmap_missing', 'controller', CASE WHEN s.regime = 'long_term' THEN 'R59' ELSE 'R56' END, true),
            ('roadmap_not_approved', r.addressee::text, 'R57',
             add_working_days(s.roadmap_due_date, 5, s.calendar) < $1)
          ) AS k(kind, addressee, rule_id, due)
       WHERE s.on_control AND s.roadmap_due_date < $1 AND k.due
         AND NOT EXISTS (SELECT 1 FROM roadmap m WHERE m.instruction_id = s.id AND m.approved_on <= $1 OFFSET 0)
      UNION ALL
      -- R66-1.1: no intermediate report for the period just ended, by its day
      SELECT s.id, 'report_missing', p.period_end, 'controller', 'R66-1.1', s.due_date,
             jsonb_build_object('reporting_period', s.reporting_period, 'period_end', p.period_end,
                                'report_due', roll_forward(p.period_end, s.calendar))
        FROM %1$s s
        CROSS JOIN LATERAL (SELECT ($3 ->> s.reporting_period)::date AS period_end) p
       WHERE s.on_control AND s.reporting_period IS NOT NULL AND s.category IS NULL
         AND s.received_on < p.period_end AND s.due_date > p.period_end
         AND NOT EXISTS (SELECT 1 FROM report r
                          WHERE r.instruction_id = s.id AND r.kind = 'intermediate'
                            AND r.period_end >= p.period_end
                            AND r.submitted_on <= roll_forward(p.period_end, s.calendar) OFFSET 0)
      UNION ALL
      -- R72.4: no information on measures within a month of a repeated extension
      SELECT s.id, 'measures_missing', d.measures_due_date, 'controller', 'R72.4', s.due_date,
             jsonb_build_object('repeated_extension_on', d.decided_on, 'measures_due_date', d.measures_due_date)
        FROM decision d
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = d.instruction_id OFFSET 0) s
       WHERE d.measures_due_date IS NOT NULL AND d.measures_due_date < $1 AND d.decided_on <= $1 %4$s
         AND s.on_control
         AND NOT EXISTS (SELECT 1 FROM report r
                          WHERE r.instruction_id = d.instruction_id AND r.kind = 'measures'
                            AND r.submitted_on >= d.decided_on AND r.submitted_on <= d.measures_due_date OFFSET 0)
      UNION ALL
      -- R66-3.5: a risk to the deadline reported; routed per R66-1.3
      SELECT DISTINCT ON (rr.instruction_id, rr.submitted_on)
             s.id, 'risk_escalation', rr.submitted_on, r.addressee, 'R66-3.5', s.due_date,
             jsonb_build_object('report_id', rr.id, 'routed_by', r.rule_id)
        FROM report rr
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = rr.instruction_id OFFSET 0) s
        LEFT JOIN instruction_escalation x ON x.instruction_id = s.id
        CROSS JOIN LATERAL (SELECT escalation_addressee(s.kind, s.level, x.addressee) AS addressee,
                                   escalation_rule(s.kind, s.level, x.addressee) AS rule_id) r
       WHERE rr.kind = 'risk' AND rr.submitted_on <= $1 AND s.on_control %5$s
      UNION ALL
      -- the mark is cleared: the deadline moved or the instruction left control
      SELECT m.instruction_id, 'overdue_cleared', m.due_date, 'controller',
             CASE WHEN s.on_control THEN 'R69.1' ELSE 'R75' END, s.due_date,
             jsonb_build_object('reason', CASE WHEN s.on_control THEN 'deadline_moved' ELSE 'removed' END,
                                'new_due_date', s.due_date)
        FROM overdue_mark m
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = m.instruction_id OFFSET 0) s
       WHERE $5 AND NOT (s.on_control AND s.due_date = m.due_date AND s.due_date < $1) %6$s
      UNION ALL
      -- replaying a past day: the overdue events raised before it that the day clears
      SELECT e.instruction_id, 'overdue_cleared', e.period, 'controller',
             CASE WHEN s.on_control THEN 'R69.1' ELSE 'R75' END, s.due_date,
             jsonb_build_object('reason', CASE WHEN s.on_control THEN 'deadline_moved' ELSE 'removed' END,
                                'new_due_date', s.due_date)
        FROM event e
        CROSS JOIN LATERAL (SELECT * FROM %3$s s WHERE s.id = e.instruction_id OFFSET 0) s
       WHERE NOT $5 AND e.kind = 'overdue' AND e.as_of < $1
         AND NOT (s.on_control AND s.due_date = e.period AND s.due_date < $1)
    )
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail)
    SELECT $4, ((row_number() OVER (ORDER BY f.id, f.kind, f.period)) - 1) / $6,
           f.id, f.kind, f.period, f.addressee, f.rule_id, f.due_date, f.detail
      FROM found f
     WHERE f.kind = 'overdue' AND $5
        OR NOT EXISTS (SELECT 1 FROM event e
                        WHERE e.instruction_id = f.id AND e.kind = f.kind AND e.period = f.period OFFSET 0)
  $q$, state, scope_cte, lookup, measures_only, risk_only, marks_only)
  USING as_of, reminder_to, periods, run, keep_marks, batch_size,
        lo, esc_dates, rem_dates, rmna_dates, changed_periods,
        coalesce(wm.max_instruction_id, 0), coalesce(wm.max_decision_id, 0), coalesce(wm.max_report_id, 0);
  GET DIAGNOSTICS n = ROW_COUNT;

  UPDATE sweep_run SET candidates = n, collected_at = clock_timestamp() WHERE id = run;
  RETURN run;
END
$$;
COMMENT ON FUNCTION sweep_begin(date, integer, boolean) IS
  'Internal step of sweep(): records the run and collects every new event of the day in one statement, numbered in batches';

CREATE FUNCTION sweep_batch(run bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = instruction_control, pg_catalog
AS $$
DECLARE
  b integer;
  r sweep_run;
  written jsonb;
  n integer;
BEGIN
  SELECT * INTO r FROM sweep_run WHERE id = run;
  SELECT min(c.batch) INTO b FROM sweep_candidate c WHERE c.sweep_run_id = run;
  IF b IS NULL THEN
    RETURN false;
  END IF;

  WITH taken AS (
    DELETE FROM sweep_candidate c WHERE c.sweep_run_id = run AND c.batch = b RETURNING c.*
  ),
  ins AS (
    INSERT INTO event (instruction_id, kind, period, addressee, rule_id, due_date, as_of, sweep_run_id, detail)
    SELECT t.instruction_id, t.kind, t.period, t.addressee, t.rule_id, t.due_date, r.as_of, run, t.detail
      FROM taken t
     ORDER BY t.instruction_id, t.kind, t.period
    ON CONFLICT ON CONSTRAINT event_once DO NOTHING
    RETURNING id, instruction_id, kind, period, addressee, rule_id
  ),
  marked AS (
    INSERT INTO overdue_mark (instruction_id, due_date, marked_on, sweep_run_id)
    SELECT t.instruction_id, t.period, r.as_of, run FROM taken t WHERE r.marks AND t.kind = 'overdue'
    ON CONFLICT (instruction_id) DO UPDATE
      SET due_date = excluded.due_date, marked_on = excluded.marked_on, sweep_run_id = excluded.sweep_run_id
  ),
  cleared AS (
    DELETE FROM overdue_mark m USING taken t
     WHERE r.marks AND t.kind = 'overdue_cleared' AND m.instruction_id = t.instruction_id
       AND m.due_date = t.period
  ),
  -- the notification is sent when this transaction commits (pg_notify is transactional)
  notified AS (
    SELECT i.kind FROM ins i
     CROSS JOIN LATERAL pg_notify('instruction_control_events',
       json_build_object('id', i.id, 'instruction_id', i.instruction_id, 'kind', i.kind,
                         'period', i.period, 'addressee', i.addressee, 'rule', i.rule_id)::text) AS nt
  )
  SELECT coalesce(jsonb_object_agg(kind, c), '{}'), coalesce(sum(c), 0)::int INTO written, n
    FROM (SELECT kind, count(*) AS c FROM notified GROUP BY kind) k;

  UPDATE sweep_run s
     SET batches = s.batches + 1, events = s.events + n,
         counts = (SELECT coalesce(jsonb_object_agg(key, total ORDER BY key), '{}')
                     FROM (SELECT key, sum(value::int) AS total
                             FROM (SELECT * FROM jsonb_each_text(s.counts)
                                   UNION ALL SELECT * FROM jsonb_each_text(written)) e
                            GROUP BY key) t)
   WHERE s.id = run;
  RETURN EXISTS (SELECT 1 FROM sweep_candidate c WHERE c.sweep_run_id = run);
END
$$;
COMMENT ON FUNCTION sweep_batch(bigint) IS
  'Internal step of sweep(): writes the next batch of events (once each: instruction, kind, period), keeps the overdue marks, notifies; true while batches remain';

CREATE FUNCTION sweep_finish(run bigint)
RETURNS sweep_run
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = instruction_control, pg_catalog
AS $$
  DELETE FROM instruction_control.sweep_candidate WHERE sweep_run_id = run;
  UPDATE instruction_control.sweep_run SET finished_at = clock_timestamp() WHERE id = run RETURNING *;
$$;
COMMENT ON FUNCTION sweep_finish(bigint) IS 'Internal step of sweep(): records the end of the run';

-- The sweep -----------------------------------------------------------------
-- No SET clause and not SECURITY DEFINER, so that it may COMMIT; every name in
-- it is schema-qualified and it uses no operator, so no search_path changes it.

CREATE PROCEDURE sweep(as_of date DEFAULT current_date, batch_size integer DEFAULT 5000,
                       full_scope boolean DEFAULT false)
LANGUAGE plpgsql
AS $$
DECLARE
  run bigint;
  one_transaction boolean;
  result instruction_control.sweep_run;
BEGIN
  IF pg_catalog.pg_is_in_recovery() THEN
    RAISE NOTICE 'sweep skipped: this server is a standby (in recovery)'
      USING DETAIL = 'A standby is read-only; the primary sweeps and its events reach the standby by replication.',
            HINT = 'Schedule the sweep on the primary (instruction_control.schedule_sweeps()).';
    RETURN;
  END IF;
  one_transaction := instruction_control.in_transaction_block();
  IF one_transaction THEN
    RAISE NOTICE 'sweep runs as one transaction: it was called inside a transaction block'
      USING HINT = 'CALL instruction_control.sweep() outside BEGIN ... COMMIT commits after each batch.';
  END IF;
  run := instruction_control.sweep_begin(as_of, batch_size, full_scope);
  IF NOT one_transaction THEN
    COMMIT;
  END IF;
  WHILE instruction_control.sweep_batch(run) LOOP
    IF NOT one_transaction THEN
      COMMIT;
    END IF;
  END LOOP;
  result := instruction_control.sweep_finish(run);
  RAISE NOTICE 'sweep of %: % events %', result.as_of, result.events, result.counts::text;
END
$$;
COMMENT ON PROCEDURE sweep(date, integer, boolean) IS
  'Sweep the day as_of (default today): reminders, overdue marks and their clearing, escalations (R66-1.3), roadmaps (R56, R57, R59), intermediate reports (R66-1.1), measures (R72.4), personal instructions (R51) into the outbox event; idempotent; a past day is replayed from the journal; commits every batch_size events unless called inside a transaction block; continues the previous day''s sweep incrementally unless full_scope; does nothing on a standby';

-- Outbox: reading and delivering ---------------------------------------------

CREATE FUNCTION next_events(max_events integer DEFAULT 100, for_addressee addressee DEFAULT NULL)
RETURNS SETOF event
LANGUAGE sql VOLATILE
SET search_path = instruction_control, pg_catalog
AS $$
  SELECT e.* FROM instruction_control.event e
   WHERE e.delivered_at IS NULL
     AND (for_addressee IS NULL OR e.addressee = for_addressee)
   ORDER BY e.id
   LIMIT max_events
   FOR UPDATE SKIP LOCKED
$$;
COMMENT ON FUNCTION next_events(integer, addressee) IS
  'Open events, oldest first, locked for this transaction and skipped by other consumers (FOR UPDATE SKIP LOCKED); deliver them, then mark_delivered() and COMMIT';

CREATE FUNCTION mark_delivered(ids bigint[])
RETURNS integer
LANGUAGE sql VOLATILE STRICT
SET search_path = instruction_control, pg_catalog
AS $$
  WITH d AS (
    UPDATE instruction_control.event e SET delivered_at = now(), delivered_by = current_user
     WHERE e.id = ANY (ids) AND e.delivered_at IS NULL
    RETURNING 1)
  SELECT count(*)::integer FROM d
$$;
COMMENT ON FUNCTION mark_delivered(bigint[]) IS
  'Mark events delivered (once: an event already delivered keeps its first mark); returns how many were marked now';

CREATE VIEW open_event AS
SELECT e.addressee::text AS addressee,
       v.kk AS addressee_kk, v.ru AS addressee_ru, v.en AS addressee_en,
       b.id AS body_id, b.name AS body_name,
       e.id, e.kind::text AS kind, k.kk AS kind_kk, k.ru AS kind_ru, k.en AS kind_en,
       e.instruction_id, i.external_ref, i.point::text AS point,
       e.period, e.due_date, e.rule_id, r.title_en AS rule_title_en, e.as_of, e.detail, e.created_at
  FROM event e
  JOIN vocabulary v ON v.domain = 'addressee' AND v.code = e.addressee
  JOIN vocabulary k ON k.domain = 'event_kind' AND k.code = e.kind
  JOIN rule r ON r.id = e.rule_id
  LEFT JOIN instruction i ON i.id = e.instruction_id
  LEFT JOIN state_body b ON b.id = CASE WHEN e.addressee = 'executor' THEN i.responsible_body_id
                                        WHEN e.addressee = 'controller' THEN i.controlling_body_id END
 WHERE e.delivered_at IS NULL;
COMMENT ON VIEW open_event IS
  'Events not yet delivered, per addressee, with kk/ru/en labels of the addressee and the kind, the body (the executor for reminders, the controlling body for the controller) and the rule';
COMMENT ON COLUMN open_event.addressee IS 'Addressee code (addressee)';
COMMENT ON COLUMN open_event.addressee_kk IS 'Addressee in Kazakh';
COMMENT ON COLUMN open_event.addressee_ru IS 'Addressee in Russian';
COMMENT ON COLUMN open_event.addressee_en IS 'Addressee in English';
COMMENT ON COLUMN open_event.body_id IS 'The body concerned: the responsible executor for the executor, the controlling body for the controller';
COMMENT ON COLUMN open_event.body_name IS 'Its name';
COMMENT ON COLUMN open_event.id IS 'Event id (event.id)';
COMMENT ON COLUMN open_event.kind IS 'Event kind code (event_kind)';
COMMENT ON COLUMN open_event.kind_kk IS 'Event kind in Kazakh';
COMMENT ON COLUMN open_event.kind_ru IS 'Event kind in Russian';
COMMENT ON COLUMN open_event.kind_en IS 'Event kind in English';
COMMENT ON COLUMN open_event.instruction_id IS 'The instruction';
COMMENT ON COLUMN open_event.external_ref IS 'The instruction''s key in the host registry';
COMMENT ON COLUMN open_event.point IS 'The instruction''s point number';
COMMENT ON COLUMN open_event.period IS 'The day the event is about (event.period)';
COMMENT ON COLUMN open_event.due_date IS 'The deadline as the sweep saw it';
COMMENT ON COLUMN open_event.rule_id IS 'The rule that asks for the event';
COMMENT ON COLUMN open_event.rule_title_en IS 'The rule''s title in English (rule.title_kk and title_ru hold the others)';
COMMENT ON COLUMN open_event.as_of IS 'The day swept';
COMMENT ON COLUMN open_event.detail IS 'Facts for the message (event.detail)';
COMMENT ON COLUMN open_event.created_at IS 'When the sweep wrote it';

CREATE VIEW open_event_summary AS
SELECT o.addressee, o.addressee_kk, o.addressee_ru, o.addressee_en, o.kind, o.kind_en,
       count(*) AS events, min(o.period) AS earliest, max(o.period) AS latest
  FROM open_event o
 GROUP BY o.addressee, o.addressee_kk, o.addressee_ru, o.addressee_en, o.kind, o.kind_en;
COMMENT ON VIEW open_event_summary IS 'How many events are open per addressee and kind, with labels';
COMMENT ON COLUMN open_event_summary.addressee IS 'Addressee code';
COMMENT ON COLUMN open_event_summary.addressee_kk IS 'Addressee in Kazakh';
COMMENT ON COLUMN open_event_summary.addressee_ru IS 'Addressee in Russian';
COMMENT ON COLUMN open_event_summary.addressee_en IS 'Addressee in English';
COMMENT ON COLUMN open_event_summary.kind IS 'Event kind code';
COMMENT ON COLUMN open_event_summary.kind_en IS 'Event kind in English';
COMMENT ON COLUMN open_event_summary.events IS 'Open events of this addressee and kind';
COMMENT ON COLUMN open_event_summary.earliest IS 'Earliest period among them';
COMMENT ON COLUMN open_event_summary.latest IS 'Latest period among them';

-- Privileges: the Security section (90_security.sql).
-- ===========================================================================
-- Reporting: views for BI dashboards and the decree's official forms
--
-- BI drivers cannot read the extension's own types (control_level,
-- instruction_kind, point_ref, term reach them as USER-DEFINED), so every view
-- here has plain built-in columns only: text, date, integer, bigint, boolean,
-- numeric.  Codes are text, with their kk/ru labels next to them; a point
-- number comes with point_sort_key, plain text that sorts naturally under
-- COLLATE "C".  A label that is missing falls back to the code (LEFT JOIN and
-- coalesce): a dashboard query never fails on a label.
--
-- State secrets (R14): the registry holds only their requisites; the views
-- never show content, completion form, final result, basis, reason or review
-- of a state-secret instruction, only state_secret = true and the paper card.
--
-- The views are security_invoker: the reader's own privileges (and, later,
-- row security) on the base tables apply.  No privilege is granted to PUBLIC
-- beyond what the registry already grants; ic_admin reads them.
--
-- Sections: helpers; dimensions (codes, calendar dates); the control card,
-- the overdue register and the decision history; executive discipline; the
-- forms of Appendix 5 (control approval) and Appendix 8 (annual summary), each
-- as rows, CSV and printable HTML.  Errors are SQLSTATE class IC3xx.
-- ===========================================================================

-- Helpers --------------------------------------------------------------------

CREATE FUNCTION point_sort_key(point_ref) RETURNS text
AS 'MODULE_PATHNAME', 'ic_point_sort_key' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION point_sort_key(point_ref) IS
  'Plain-text key of a point number that sorts in the natural order of point_ref (42 < 42.1 < 42) < 42-1 < 43) when compared with COLLATE "C"; opaque, for ORDER BY in BI tools';

CREATE FUNCTION report_html_escape(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
         $1, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION report_html_escape(text) IS
  'Text made safe inside HTML elements and attribute values: & < > " and '' as entities';

CREATE FUNCTION report_csv_field(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN $1 IS NULL THEN ''
            WHEN $1 OPERATOR(pg_catalog.~) '[",\r\n]' OR $1 OPERATOR(pg_catalog.<>) pg_catalog.btrim($1)
              THEN '"' OPERATOR(pg_catalog.||) pg_catalog.replace($1, '"', '""') OPERATOR(pg_catalog.||) '"'
            ELSE $1 END;
COMMENT ON FUNCTION report_csv_field(text) IS
  'One CSV field (RFC 4180): quoted when it holds a comma, a quote, a line break or edge spaces; NULL is empty';

CREATE FUNCTION report_check_lang(lang text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = instruction_control, pg_catalog
AS $$
BEGIN
  IF lang IS NULL OR lang NOT IN ('kk', 'ru') THEN
    RAISE EXCEPTION 'the forms are printed in Kazakh or Russian, not "%"', coalesce(lang, 'NULL')
      USING ERRCODE = 'IC301', HINT = 'Use lang => ''kk'' or lang => ''ru''.';
  END IF;
  RETURN lang;
END
$$;
COMMENT ON FUNCTION report_check_lang(text) IS 'The language of a form, kk or ru; anything else raises IC301';

CREATE FUNCTION report_date(d date) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN pg_catalog.to_char(d, 'DD.MM.YYYY');
COMMENT ON FUNCTION report_date(date) IS 'A day as the forms print it: DD.MM.YYYY';

CREATE FUNCTION report_long_date(d date, lang text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN d IS NULL THEN NULL
            WHEN lang OPERATOR(pg_catalog.=) 'kk'
              THEN pg_catalog.to_char(d, 'YYYY') OPERATOR(pg_catalog.||) instruction_control.unicode_text(' \0436\044B\043B\0493\044B ') OPERATOR(pg_catalog.||) pg_catalog.to_char(d, 'FMDD') OPERATOR(pg_catalog.||) ' '
                   OPERATOR(pg_catalog.||) (ARRAY[instruction_control.unicode_text('\049B\0430\04A3\0442\0430\0440\0434\0430\0493\044B'), instruction_control.unicode_text('\0430\049B\043F\0430\043D\0434\0430\0493\044B'), instruction_control.unicode_text('\043D\0430\0443\0440\044B\0437\0434\0430\0493\044B'), instruction_control.unicode_text('\0441\04D9\0443\0456\0440\0434\0435\0433\0456'), instruction_control.unicode_text('\043C\0430\043C\044B\0440\0434\0430\0493\044B'), instruction_control.unicode_text('\043C\0430\0443\0441\044B\043C\0434\0430\0493\044B'), instruction_control.unicode_text('\0448\0456\043B\0434\0435\0434\0435\0433\0456'),
                                                   instruction_control.unicode_text('\0442\0430\043C\044B\0437\0434\0430\0493\044B'), instruction_control.unicode_text('\049B\044B\0440\043A\04AF\0439\0435\043A\0442\0435\0433\0456'), instruction_control.unicode_text('\049B\0430\0437\0430\043D\0434\0430\0493\044B'), instruction_control.unicode_text('\049B\0430\0440\0430\0448\0430\0434\0430\0493\044B'), instruction_control.unicode_text('\0436\0435\043B\0442\043E\049B\0441\0430\043D\0434\0430\0493\044B')])[pg_catalog.date_part('month', d)::integer]
            ELSE pg_catalog.to_char(d, 'FMDD') OPERATOR(pg_catalog.||) ' '
                 OPERATOR(pg_catalog.||) (ARRAY[instruction_control.unicode_text('\044F\043D\0432\0430\0440\044F'), instruction_control.unicode_text('\0444\0435\0432\0440\0430\043B\044F'), instruction_control.unicode_text('\043C\0430\0440\0442\0430'), instruction_control.unicode_text('\0430\043F\0440\0435\043B\044F'), instruction_control.unicode_text('\043C\0430\044F'), instruction_control.unicode_text('\0438\044E\043D\044F'), instruction_control.unicode_text('\0438\044E\043B\044F'), instruction_control.unicode_text('\0430\0432\0433\0443\0441\0442\0430'), instruction_control.unicode_text('\0441\0435\043D\0442\044F\0431\0440\044F'),
                                                 instruction_control.unicode_text('\043E\043A\0442\044F\0431\0440\044F'), instruction_control.unicode_text('\043D\043E\044F\0431\0440\044F'), instruction_control.unicode_text('\0434\0435\043A\0430\0431\0440\044F')])[pg_catalog.date_part('month', d)::integer]
                 OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) pg_catalog.to_char(d, 'YYYY') OPERATOR(pg_catalog.||) instruction_control.unicode_text(' \0433\043E\0434\0430') END;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON FUNCTION report_long_date(date, text) IS %L',
  instruction_control.unicode_text('A day as the title of a form writes it: 2024 \0436\044B\043B\0493\044B 2 \049B\044B\0440\043A\04AF\0439\0435\043A\0442\0435\0433\0456 (kk), 2 \0441\0435\043D\0442\044F\0431\0440\044F 2024 \0433\043E\0434\0430 (ru)')); END $ic_comment$;

-- Sector headings of the annual summary (Appendix 8) -------------------------
-- state_body.sector is free text.  The form's headings ("In health care") come
-- from sector_heading (the administrator's rows) or the built-in list below;
-- any other sector is printed as written.

CREATE TABLE sector_heading (
  sector  text PRIMARY KEY,
  kk      text NOT NULL,
  ru      text NOT NULL,
  en      text NOT NULL
);
COMMENT ON TABLE sector_heading IS
  'Headings of the annual summary (Appendix 8) for the sectors written in state_body.sector, in kk, ru and en; the administrator''s rows win over the built-in headings';
COMMENT ON COLUMN sector_heading.sector IS 'The sector as state_body.sector writes it';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN sector_heading.kk IS %L',
  instruction_control.unicode_text('Heading in Kazakh, e.g. \0414\0435\043D\0441\0430\0443\043B\044B\049B \0441\0430\049B\0442\0430\0443 \0441\0430\043B\0430\0441\044B\043D\0434\0430')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN sector_heading.ru IS %L',
  instruction_control.unicode_text('Heading in Russian, e.g. \0412 \0441\0444\0435\0440\0435 \0437\0434\0440\0430\0432\043E\043E\0445\0440\0430\043D\0435\043D\0438\044F')); END $ic_comment$;
COMMENT ON COLUMN sector_heading.en IS 'Heading in English, e.g. In health care';
SELECT pg_catalog.pg_extension_config_dump('sector_heading', '');

CREATE FUNCTION sector_heading(sector text, lang text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = instruction_control, pg_catalog
AS $$
  SELECT coalesce(
    (SELECT CASE lang WHEN 'kk' THEN h.kk WHEN 'ru' THEN h.ru ELSE h.en END
       FROM sector_heading h WHERE h.sector = $1),
    (SELECT CASE lang WHEN 'kk' THEN b.kk WHEN 'ru' THEN b.ru ELSE b.en END
       FROM (VALUES
         ('labour and social protection', instruction_control.unicode_text('\0415\04A3\0431\0435\043A \0436\04D9\043D\0435 \0445\0430\043B\044B\049B\0442\044B \04D9\043B\0435\0443\043C\0435\0442\0442\0456\043A \049B\043E\0440\0493\0430\0443 \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \0442\0440\0443\0434\0430 \0438 \0441\043E\0446\0438\0430\043B\044C\043D\043E\0439 \0437\0430\0449\0438\0442\044B \043D\0430\0441\0435\043B\0435\043D\0438\044F'), 'In labour and social protection'),
         ('health care', instruction_control.unicode_text('\0414\0435\043D\0441\0430\0443\043B\044B\049B \0441\0430\049B\0442\0430\0443 \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \0437\0434\0440\0430\0432\043E\043E\0445\0440\0430\043D\0435\043D\0438\044F'), 'In health care'),
         ('education', instruction_control.unicode_text('\0411\0456\043B\0456\043C \0431\0435\0440\0443 \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \043E\0431\0440\0430\0437\043E\0432\0430\043D\0438\044F'), 'In education'),
         ('science', instruction_control.unicode_text('\0492\044B\043B\044B\043C \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \043D\0430\0443\043A\0438'), 'In science'),
         ('finance', instruction_control.unicode_text('\049A\0430\0440\0436\044B \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \0444\0438\043D\0430\043D\0441\043E\0432'), 'In finance'),
         ('economy', instruction_control.unicode_text('\042D\043A\043E\043D\043E\043C\0438\043A\0430 \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \044D\043A\043E\043D\043E\043C\0438\043A\0438'), 'In the economy'),
         ('agriculture', instruction_control.unicode_text('\0410\0443\044B\043B \0448\0430\0440\0443\0430\0448\044B\043B\044B\0493\044B \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \0441\0435\043B\044C\0441\043A\043E\0433\043E \0445\043E\0437\044F\0439\0441\0442\0432\0430'), 'In agriculture'),
         ('energy', instruction_control.unicode_text('\042D\043D\0435\0440\0433\0435\0442\0438\043A\0430 \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \044D\043D\0435\0440\0433\0435\0442\0438\043A\0438'), 'In energy'),
         ('digital development', instruction_control.unicode_text('\0426\0438\0444\0440\043B\044B\049B \0434\0430\043C\0443 \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \0446\0438\0444\0440\043E\0432\043E\0433\043E \0440\0430\0437\0432\0438\0442\0438\044F'), 'In digital development'),
         ('transport', instruction_control.unicode_text('\041A\04E9\043B\0456\043A \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \0442\0440\0430\043D\0441\043F\043E\0440\0442\0430'), 'In transport'),
         ('culture', instruction_control.unicode_text('\041C\04D9\0434\0435\043D\0438\0435\0442 \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \043A\0443\043B\044C\0442\0443\0440\044B'), 'In culture'),
         ('justice', instruction_control.unicode_text('\04D8\0434\0456\043B\0435\0442 \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \044E\0441\0442\0438\0446\0438\0438'), 'In justice'),
         ('internal affairs', instruction_control.unicode_text('\0406\0448\043A\0456 \0456\0441\0442\0435\0440 \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \0432\043D\0443\0442\0440\0435\043D\043D\0438\0445 \0434\0435\043B'), 'In internal affairs'),
         ('regional development', instruction_control.unicode_text('\04E8\04A3\0456\0440\043B\0456\043A \0434\0430\043C\0443 \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \0440\0435\0433\0438\043E\043D\0430\043B\044C\043D\043E\0433\043E \0440\0430\0437\0432\0438\0442\0438\044F'), 'In regional development'),
         ('ecology', instruction_control.unicode_text('\042D\043A\043E\043B\043E\0433\0438\044F \0441\0430\043B\0430\0441\044B\043D\0434\0430'), instruction_control.unicode_text('\0412 \0441\0444\0435\0440\0435 \044D\043A\043E\043B\043E\0433\0438\0438'), 'In ecology')
       ) AS b(sector, kk, ru, en) WHERE b.sector = lower($1)),
    $1,
    CASE lang WHEN 'kk' THEN instruction_control.unicode_text('\0421\0430\043B\0430 \043A\04E9\0440\0441\0435\0442\0456\043B\043C\0435\0433\0435\043D') WHEN 'ru' THEN instruction_control.unicode_text('\0421\0444\0435\0440\0430 \043D\0435 \0443\043A\0430\0437\0430\043D\0430') ELSE 'Sector not given' END)
$$;
COMMENT ON FUNCTION sector_heading(text, text) IS
  'Heading of a sector in the annual summary (Appendix 8) in kk, ru or en: the administrator''s sector_heading row, the built-in heading, or the sector as written';

-- Dimensions -----------------------------------------------------------------

CREATE VIEW report_code_label WITH (security_invoker = true) AS
SELECT s.domain, s.code, s.ordinal,
       coalesce(s.kk, s.code) AS kk, coalesce(s.ru, s.code) AS ru, coalesce(s.en, s.code) AS en,
       (s.kk IS NOT NULL AND s.ru IS NOT NULL AND s.en IS NOT NULL) AS labelled
  FROM (
    SELECT 'control_level'::text AS domain, l::text AS code,
           (row_number() OVER (ORDER BY l))::integer AS ordinal,
           label(l, 'kk') AS kk, label(l, 'ru') AS ru, label(l, 'en') AS en
      FROM control_levels() l
    UNION ALL
    SELECT 'instruction_kind', k::text, (row_number() OVER (ORDER BY k))::integer,
           label(k, 'kk'), label(k, 'ru'), label(k, 'en')
      FROM instruction_kinds() k
    UNION ALL
    SELECT coalesce(v.domain, c.domain), coalesce(v.code, c.code), c.ordinal, v.kk, v.ru, v.en
      FROM vocabulary v
      FULL JOIN (SELECT * FROM vocabulary_codes()
                  WHERE domain NOT IN ('control_level', 'instruction_kind')) c
        ON c.domain = v.domain AND c.code = v.code
  ) s;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON VIEW report_code_label IS %L',
  instruction_control.unicode_text('Code-label dimension (\043A\043E\0434\0442\0430\0440 / \043A\043E\0434\044B): every code of the registry with its names in Kazakh, Russian and English; a code without a label shows the code itself')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_code_label.domain IS %L',
  instruction_control.unicode_text('Vocabulary of the code, e.g. control_level, instruction_kind, control_regime, removal_ground, decider (\0441\04E9\0437\0434\0456\043A / \0441\043B\043E\0432\0430\0440\044C)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_code_label.code IS %L',
  instruction_control.unicode_text('The code as the other views show it (\043A\043E\0434 / \043A\043E\0434)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_code_label.ordinal IS %L',
  instruction_control.unicode_text('Position of the code in its vocabulary where the extension orders it (control levels lowest first, kinds in order); NULL where there is no order (\0440\0435\0442\0456 / \043F\043E\0440\044F\0434\043E\043A)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_code_label.kk IS %L',
  instruction_control.unicode_text('Name in Kazakh (\049B\0430\0437\0430\049B\0448\0430 \0430\0442\0430\0443\044B / \043D\0430\0437\0432\0430\043D\0438\0435 \043D\0430 \043A\0430\0437\0430\0445\0441\043A\043E\043C); the code if missing')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_code_label.ru IS %L',
  instruction_control.unicode_text('Name in Russian (\043E\0440\044B\0441\0448\0430 \0430\0442\0430\0443\044B / \043D\0430\0437\0432\0430\043D\0438\0435 \043D\0430 \0440\0443\0441\0441\043A\043E\043C); the code if missing')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_code_label.en IS %L',
  instruction_control.unicode_text('Name in English (\0430\0493\044B\043B\0448\044B\043D\0448\0430 \0430\0442\0430\0443\044B / \043D\0430\0437\0432\0430\043D\0438\0435 \043D\0430 \0430\043D\0433\043B\0438\0439\0441\043A\043E\043C); the code if missing')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_code_label.labelled IS %L',
  instruction_control.unicode_text('true when all three names exist (\0431\0435\043B\0433\0456\043B\0435\043D\0433\0435\043D / \043F\043E\0434\043F\0438\0441\0430\043D)')); END $ic_comment$;

CREATE VIEW report_calendar_date WITH (security_invoker = true) AS
SELECT c.code AS calendar,
       g.day::date AS day,
       extract(year FROM g.day)::integer AS year,
       extract(quarter FROM g.day)::integer AS quarter,
       extract(month FROM g.day)::integer AS month,
       extract(isoyear FROM g.day)::integer AS iso_year,
       extract(week FROM g.day)::integer AS iso_week,
       extract(isodow FROM g.day)::integer AS iso_dow,
       is_working_day(g.day::date, c.code) AS working_day,
       coalesce(cd.kind, CASE WHEN extract(isodow FROM g.day)::smallint = ANY (c.weekend_days) THEN 'weekend' ELSE 'workday' END) AS day_kind,
       cd.name AS name_en, coalesce(cd.name_kk, cd.name) AS name_kk, coalesce(cd.name_ru, cd.name) AS name_ru,
       coalesce(cy.status = 'confirmed', false) AS confirmed
  FROM calendar c
 CROSS JOIN LATERAL generate_series(c.valid_from::timestamp, c.valid_to::timestamp, interval '1 day') AS g(day)
  LEFT JOIN calendar_day cd ON cd.calendar = c.code AND cd.day = g.day::date
  LEFT JOIN calendar_year cy ON cy.calendar = c.code AND cy.year = extract(year FROM g.day)::integer;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON VIEW report_calendar_date IS %L',
  instruction_control.unicode_text('Calendar-date dimension (\043A\04AF\043D\0442\0456\0437\0431\0435 / \043A\0430\043B\0435\043D\0434\0430\0440\044C): every day of every working-day calendar''s covered range, whether it is a working day (R50.3) and whether its year is decreed (confirmed) or a forecast')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.calendar IS %L',
  instruction_control.unicode_text('Calendar code, e.g. KZ (\043A\04AF\043D\0442\0456\0437\0431\0435 / \043A\0430\043B\0435\043D\0434\0430\0440\044C)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.day IS %L',
  instruction_control.unicode_text('The day (\043A\04AF\043D / \0434\0430\0442\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.year IS %L',
  instruction_control.unicode_text('Year (\0436\044B\043B / \0433\043E\0434)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.quarter IS %L',
  instruction_control.unicode_text('Quarter 1-4 (\0442\043E\049B\0441\0430\043D / \043A\0432\0430\0440\0442\0430\043B)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.month IS %L',
  instruction_control.unicode_text('Month 1-12 (\0430\0439 / \043C\0435\0441\044F\0446)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.iso_year IS %L',
  instruction_control.unicode_text('ISO week-numbering year (ISO \0436\044B\043B\044B / ISO-\0433\043E\0434)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.iso_week IS %L',
  instruction_control.unicode_text('ISO week 1-53 (\0430\043F\0442\0430 / \043D\0435\0434\0435\043B\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.iso_dow IS %L',
  instruction_control.unicode_text('ISO day of the week, 1 = Monday ... 7 = Sunday (\0430\043F\0442\0430 \043A\04AF\043D\0456 / \0434\0435\043D\044C \043D\0435\0434\0435\043B\0438)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.working_day IS %L',
  instruction_control.unicode_text('A working day of the calendar (\0436\04B1\043C\044B\0441 \043A\04AF\043D\0456 / \0440\0430\0431\043E\0447\0438\0439 \0434\0435\043D\044C)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.day_kind IS %L',
  instruction_control.unicode_text('holiday, day_off, working_day (a working weekend day), weekend or workday (\043A\04AF\043D \0442\04AF\0440\0456 / \0442\0438\043F \0434\043D\044F)')); END $ic_comment$;
COMMENT ON COLUMN report_calendar_date.name_en IS 'Name of the holiday or transfer in English, if any';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.name_kk IS %L',
  instruction_control.unicode_text('Name of the holiday or transfer in Kazakh (\043C\0435\0440\0435\043A\0435 \0430\0442\0430\0443\044B / \043D\0430\0437\0432\0430\043D\0438\0435 \043F\0440\0430\0437\0434\043D\0438\043A\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.name_ru IS %L',
  instruction_control.unicode_text('Name of the holiday or transfer in Russian (\043C\0435\0440\0435\043A\0435 \0430\0442\0430\0443\044B / \043D\0430\0437\0432\0430\043D\0438\0435 \043F\0440\0430\0437\0434\043D\0438\043A\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_calendar_date.confirmed IS %L',
  instruction_control.unicode_text('The year is decreed (confirmed), not a generated forecast (\0431\0435\043A\0456\0442\0456\043B\0433\0435\043D / \0443\0442\0432\0435\0440\0436\0434\0451\043D)')); END $ic_comment$;

-- The control card -----------------------------------------------------------

CREATE VIEW report_control_card WITH (security_invoker = true) AS
SELECT i.id AS instruction_id,
       i.external_ref,
       i.act_id,
       a.act_type,
       a.number AS act_number,
       CASE WHEN a.secrecy = 'state_secret' THEN NULL ELSE a.title END AS act_title,
       a.signed_on AS act_signed_on,
       i.point::text AS point,
       (point_sort_key(i.point) COLLATE "C") AS point_sort_key,
       i.kind::text AS kind,
       label(i.kind, 'kk') AS kind_kk,
       label(i.kind, 'ru') AS kind_ru,
       i.level::text AS level,
       label(i.level, 'kk') AS level_kk,
       label(i.level, 'ru') AS level_ru,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE i.content END AS content,
       i.secrecy::text AS secrecy,
       (i.secrecy = 'state_secret') AS state_secret,
       i.paper_card_ref,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE i.completion_form END AS completion_form,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE i.final_result END AS final_result,
       i.responsible_body_id,
       rb.code AS responsible_body_code,
       rb.name AS responsible_body_name,
       coalesce(rb.name_kk, rb.name) AS responsible_body_name_kk,
       coalesce(rb.name_ru, rb.name) AS responsible_body_name_ru,
       rb.sector AS responsible_body_sector,
       cardinality(i.co_executor_ids) AS co_executor_count,
       (SELECT string_agg(coalesce(b.code, b.id::text), ', ' ORDER BY b.id)
          FROM state_body b WHERE b.id = ANY (i.co_executor_ids)) AS co_executor_codes,
       (SELECT string_agg(coalesce(b.name_kk, b.name), '; ' ORDER BY b.id)
          FROM state_body b WHERE b.id = ANY (i.co_executor_ids)) AS co_executors_kk,
       (SELECT string_agg(coalesce(b.name_ru, b.name), '; ' ORDER BY b.id)
          FROM state_body b WHERE b.id = ANY (i.co_executor_ids)) AS co_executors_ru,
       i.controlling_body_id,
       coalesce(cb.name_ru, cb.name) AS controlling_body_name_ru,
       coalesce(cb.name_kk, cb.name) AS controlling_body_name_kk,
       i.pa_unit,
       i.signed_on,
       i.received_on,
       i.term::text AS term,
       i.original_due_date,
       i.due_date,
       i.roadmap_due_date,
       CASE WHEN i.status = 'on_control' AND i.due_date IS NOT NULL
            THEN working_days_between(current_date, i.due_date,
                   coalesce(i.calendar, current_setting('instruction_control.calendar', true), 'KZ')) END
         AS working_days_left,
       (i.status = 'on_control' AND i.due_date < current_date) AS overdue,
       CASE WHEN i.status = 'on_control' AND i.due_date < current_date
            THEN working_days_between(i.due_date, current_date,
                   coalesce(i.calendar, current_setting('instruction_control.calendar', true), 'KZ'))
            ELSE 0 END AS working_days_overdue,
       i.status::text AS status,
       coalesce(vs.kk, i.status) AS status_kk,
       coalesce(vs.ru, i.status) AS status_ru,
       i.removed_on,
       (SELECT d.ground::text FROM decision d
         WHERE d.instruction_id = i.id AND d.kind = 'removal' ORDER BY d.seq LIMIT 1) AS removal_ground,
       i.regime::text AS regime,
       coalesce(vr.kk, i.regime) AS regime_kk,
       coalesce(vr.ru, i.regime) AS regime_ru,
       (SELECT count(*) FROM decision d WHERE d.instruction_id = i.id AND d.kind = 'extension')::integer AS extensions,
       (SELECT count(*) FROM decision d WHERE d.instruction_id = i.id AND d.kind IN ('extension', 'transfer') AND d.repeated)::integer
         AS repeated_changes,
       (SELECT count(*) FROM decision d WHERE d.instruction_id = i.id AND d.kind = 'transfer')::integer AS transfers,
       (SELECT count(*) FROM decision d WHERE d.instruction_id = i.id AND d.kind = 'new_deadline')::integer AS new_deadlines,
       CASE WHEN i.received_on IS NOT NULL AND i.original_due_date IS NOT NULL
            THEN working_days_between(i.received_on, i.original_due_date,
                   coalesce(i.calendar, current_setting('instruction_control.calendar', true), 'KZ')) <= 10
            ELSE false END AS urgent,
       CASE WHEN i.due_date IS NOT NULL
            THEN NOT is_confirmed(i.due_date, coalesce(i.calendar, current_setting('instruction_control.calendar', true), 'KZ'))
            ELSE false END AS due_in_unconfirmed_year,
       i.calendar,
       i.parent_id,
       i.upper_record_id,
       i.imported
  FROM instruction i
  LEFT JOIN act a ON a.id = i.act_id
  LEFT JOIN state_body rb ON rb.id = i.responsible_body_id
  LEFT JOIN state_body cb ON cb.id = i.controlling_body_id
  LEFT JOIN vocabulary vs ON vs.domain = 'instruction_status' AND vs.code = i.status
  LEFT JOIN vocabulary vr ON vr.domain = 'control_regime' AND vr.code = i.regime::text;

DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON VIEW report_control_card IS %L',
  instruction_control.unicode_text('Control card per instruction (\0431\0430\049B\044B\043B\0430\0443 \043A\0430\0440\0442\043E\0447\043A\0430\0441\044B / \043A\043E\043D\0442\0440\043E\043B\044C\043D\0430\044F \043A\0430\0440\0442\043E\0447\043A\0430): act and requisites, point, kind and level, executors, deadlines, working days left or overdue as of today, status, regime and the decisions taken; plain-typed columns for BI tools; state-secret content is never shown (R14)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.instruction_id IS %L',
  instruction_control.unicode_text('Instruction id (\0442\0430\043F\0441\044B\0440\043C\0430 / \043F\043E\0440\0443\0447\0435\043D\0438\0435)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.external_ref IS %L',
  instruction_control.unicode_text('Key in the host registry (\0441\044B\0440\0442\049B\044B \043A\0456\043B\0442 / \0432\043D\0435\0448\043D\0438\0439 \043A\043B\044E\0447)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.act_id IS %L',
  instruction_control.unicode_text('Act id (\0430\043A\0442 / \0430\043A\0442)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.act_type IS %L',
  instruction_control.unicode_text('Type of the act as registered, e.g. decree, address, meeting (\0430\043A\0442\0456\043D\0456\04A3 \0442\04AF\0440\0456 / \0432\0438\0434 \0430\043A\0442\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.act_number IS %L',
  instruction_control.unicode_text('Number of the act (\0430\043A\0442\0456\043D\0456\04A3 \043D\04E9\043C\0456\0440\0456 / \043D\043E\043C\0435\0440 \0430\043A\0442\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.act_title IS %L',
  instruction_control.unicode_text('Title of the act; NULL for a state-secret act, R14 (\0430\043A\0442\0456\043D\0456\04A3 \0430\0442\0430\0443\044B / \043D\0430\0438\043C\0435\043D\043E\0432\0430\043D\0438\0435 \0430\043A\0442\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.act_signed_on IS %L',
  instruction_control.unicode_text('Day the act was signed (\049B\043E\043B \049B\043E\0439\044B\043B\0493\0430\043D \043A\04AF\043D\0456 / \0434\0430\0442\0430 \043F\043E\0434\043F\0438\0441\0430\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.point IS %L',
  instruction_control.unicode_text('Point number, e.g. 1.42-1.5) (\0442\0430\0440\043C\0430\049B / \043F\0443\043D\043A\0442)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.point_sort_key IS %L',
  instruction_control.unicode_text('Sorts points naturally under COLLATE "C": ORDER BY act_id, point_sort_key (\0441\04B1\0440\044B\043F\0442\0430\0443 \043A\0456\043B\0442\0456 / \043A\043B\044E\0447 \0441\043E\0440\0442\0438\0440\043E\0432\043A\0438)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.kind IS %L',
  instruction_control.unicode_text('Kind code, see report_code_label domain instruction_kind (\0442\0430\043F\0441\044B\0440\043C\0430 \0442\04AF\0440\0456 / \0432\0438\0434 \043F\043E\0440\0443\0447\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.kind_kk IS %L',
  instruction_control.unicode_text('Kind in Kazakh (\0442\0430\043F\0441\044B\0440\043C\0430 \0442\04AF\0440\0456)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.kind_ru IS %L',
  instruction_control.unicode_text('Kind in Russian (\0432\0438\0434 \043F\043E\0440\0443\0447\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.level IS %L',
  instruction_control.unicode_text('Control level code: pa, government, central, local, organisation (\0431\0430\049B\044B\043B\0430\0443 \0434\0435\04A3\0433\0435\0439\0456 / \0443\0440\043E\0432\0435\043D\044C \043A\043E\043D\0442\0440\043E\043B\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.level_kk IS %L',
  instruction_control.unicode_text('Control level in Kazakh (\0431\0430\049B\044B\043B\0430\0443 \0434\0435\04A3\0433\0435\0439\0456)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.level_ru IS %L',
  instruction_control.unicode_text('Control level in Russian (\0443\0440\043E\0432\0435\043D\044C \043A\043E\043D\0442\0440\043E\043B\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.content IS %L',
  instruction_control.unicode_text('Text of the instruction; NULL for a state secret, R14 (\043C\0430\0437\043C\04B1\043D\044B / \0441\043E\0434\0435\0440\0436\0430\043D\0438\0435)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.secrecy IS %L',
  instruction_control.unicode_text('none, restricted or state_secret (\049B\04B1\043F\0438\044F\043B\044B\043B\044B\049B / \0441\0435\043A\0440\0435\0442\043D\043E\0441\0442\044C)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.state_secret IS %L',
  instruction_control.unicode_text('Contains state secrets: only requisites are shown, R14 (\043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \049B\04B1\043F\0438\044F / \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0435 \0441\0435\043A\0440\0435\0442\044B)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.paper_card_ref IS %L',
  instruction_control.unicode_text('Reference of the paper control card, R50.2 (\049B\0430\0493\0430\0437 \043A\0430\0440\0442\043E\0447\043A\0430 / \0431\0443\043C\0430\0436\043D\0430\044F \043A\0430\0440\0442\043E\0447\043A\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.completion_form IS %L',
  instruction_control.unicode_text('Completion form; NULL for a state secret (\0430\044F\049B\0442\0430\043B\0443 \043D\044B\0441\0430\043D\044B / \0444\043E\0440\043C\0430 \0437\0430\0432\0435\0440\0448\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.final_result IS %L',
  instruction_control.unicode_text('Final result where the instruction has one; NULL for a state secret (\0442\04AF\043F\043A\0456\043B\0456\043A\0442\0456 \043D\04D9\0442\0438\0436\0435 / \043A\043E\043D\0435\0447\043D\044B\0439 \0440\0435\0437\0443\043B\044C\0442\0430\0442)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.responsible_body_id IS %L',
  instruction_control.unicode_text('Responsible executor id (\0436\0430\0443\0430\043F\0442\044B \043E\0440\044B\043D\0434\0430\0443\0448\044B / \043E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\044B\0439 \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C)')); END $ic_comment$;
COMMENT ON COLUMN report_control_card.responsible_body_code IS 'Short code of the responsible executor';
COMMENT ON COLUMN report_control_card.responsible_body_name IS 'Name of the responsible executor as registered';
COMMENT ON COLUMN report_control_card.responsible_body_name_kk IS 'Name of the responsible executor in Kazakh (the registered name if none)';
COMMENT ON COLUMN report_control_card.responsible_body_name_ru IS 'Name of the responsible executor in Russian (the registered name if none)';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.responsible_body_sector IS %L',
  instruction_control.unicode_text('Sector of the responsible executor, the heading of Appendix 8 (\0441\0430\043B\0430 / \0441\0444\0435\0440\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.co_executor_count IS %L',
  instruction_control.unicode_text('Number of co-executors (\0431\0456\0440\043B\0435\0441\0456\043F \043E\0440\044B\043D\0434\0430\0443\0448\044B\043B\0430\0440 / \0441\043E\0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\0438)')); END $ic_comment$;
COMMENT ON COLUMN report_control_card.co_executor_codes IS 'Codes of the co-executors, comma-separated';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.co_executors_kk IS %L',
  instruction_control.unicode_text('Co-executors in Kazakh, "; "-separated (\0431\0456\0440\043B\0435\0441\0456\043F \043E\0440\044B\043D\0434\0430\0443\0448\044B\043B\0430\0440)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.co_executors_ru IS %L',
  instruction_control.unicode_text('Co-executors in Russian, "; "-separated (\0441\043E\0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\0438)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.controlling_body_id IS %L',
  instruction_control.unicode_text('State body responsible for control (\0431\0430\049B\044B\043B\0430\0443\0493\0430 \0436\0430\0443\0430\043F\0442\044B \043E\0440\0433\0430\043D / \043E\0440\0433\0430\043D, \043E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\044B\0439 \0437\0430 \043A\043E\043D\0442\0440\043E\043B\044C)')); END $ic_comment$;
COMMENT ON COLUMN report_control_card.controlling_body_name_ru IS 'Controlling body in Russian';
COMMENT ON COLUMN report_control_card.controlling_body_name_kk IS 'Controlling body in Kazakh';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.pa_unit IS %L',
  instruction_control.unicode_text('PA structural unit responsible for control (\041F\04D8 \049B\04B1\0440\044B\043B\044B\043C\0434\044B\049B \0431\04E9\043B\0456\043C\0448\0435\0441\0456 / \0441\0442\0440\0443\043A\0442\0443\0440\043D\043E\0435 \043F\043E\0434\0440\0430\0437\0434\0435\043B\0435\043D\0438\0435 \0410\041F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.signed_on IS %L',
  instruction_control.unicode_text('Day the instruction was signed (\049B\043E\043B \049B\043E\0439\044B\043B\0493\0430\043D \043A\04AF\043D\0456 / \0434\0430\0442\0430 \043F\043E\0434\043F\0438\0441\0430\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.received_on IS %L',
  instruction_control.unicode_text('Day of receipt, day 0 of the working-day count, R50.3 (\043A\0435\043B\0456\043F \0442\04AF\0441\043A\0435\043D \043A\04AF\043D\0456 / \0434\0430\0442\0430 \043F\043E\0441\0442\0443\043F\043B\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.term IS %L',
  instruction_control.unicode_text('Term as given, e.g. 10 working days (\043C\0435\0440\0437\0456\043C\0456 / \0441\0440\043E\043A)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.original_due_date IS %L',
  instruction_control.unicode_text('Deadline when put on control (\0431\0430\0441\0442\0430\043F\049B\044B \043C\0435\0440\0437\0456\043C / \043F\0435\0440\0432\043E\043D\0430\0447\0430\043B\044C\043D\044B\0439 \0441\0440\043E\043A)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.due_date IS %L',
  instruction_control.unicode_text('Deadline in force (\043E\0440\044B\043D\0434\0430\0443 \043C\0435\0440\0437\0456\043C\0456 / \0441\0440\043E\043A \0438\0441\043F\043E\043B\043D\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.roadmap_due_date IS %L',
  instruction_control.unicode_text('Day a roadmap is due, R56, R59 (\0436\043E\043B \043A\0430\0440\0442\0430\0441\044B \043C\0435\0440\0437\0456\043C\0456 / \0441\0440\043E\043A \0434\043E\0440\043E\0436\043D\043E\0439 \043A\0430\0440\0442\044B)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.working_days_left IS %L',
  instruction_control.unicode_text('On control: working days from today to the deadline, negative when overdue; NULL when removed (\049B\0430\043B\0493\0430\043D \0436\04B1\043C\044B\0441 \043A\04AF\043D\0434\0435\0440\0456 / \043E\0441\0442\0430\043B\043E\0441\044C \0440\0430\0431\043E\0447\0438\0445 \0434\043D\0435\0439)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.overdue IS %L',
  instruction_control.unicode_text('On control with the deadline before today (\043C\0435\0440\0437\0456\043C\0456 \04E9\0442\043A\0435\043D / \043F\0440\043E\0441\0440\043E\0447\0435\043D\043E)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.working_days_overdue IS %L',
  instruction_control.unicode_text('Working days past the deadline as of today, 0 when not overdue (\043A\0435\0448\0456\043A\0442\0456\0440\0456\043B\0433\0435\043D \0436\04B1\043C\044B\0441 \043A\04AF\043D\0434\0435\0440\0456 / \0440\0430\0431\043E\0447\0438\0445 \0434\043D\0435\0439 \043F\0440\043E\0441\0440\043E\0447\043A\0438)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.status IS %L',
  instruction_control.unicode_text('on_control or removed (\043C\04D9\0440\0442\0435\0431\0435\0441\0456 / \0441\0442\0430\0442\0443\0441)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.status_kk IS %L',
  instruction_control.unicode_text('Status in Kazakh (\043C\04D9\0440\0442\0435\0431\0435\0441\0456)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.status_ru IS %L',
  instruction_control.unicode_text('Status in Russian (\0441\0442\0430\0442\0443\0441)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.removed_on IS %L',
  instruction_control.unicode_text('Day removed from control (\0431\0430\049B\044B\043B\0430\0443\0434\0430\043D \0430\043B\044B\043D\0493\0430\043D \043A\04AF\043D\0456 / \0434\0430\0442\0430 \0441\043D\044F\0442\0438\044F \0441 \043A\043E\043D\0442\0440\043E\043B\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.removal_ground IS %L',
  instruction_control.unicode_text('Ground of the removal, R75: executed, duplicated, impossible, control_passed (\0430\043B\0443 \043D\0435\0433\0456\0437\0456 / \043E\0441\043D\043E\0432\0430\043D\0438\0435 \0441\043D\044F\0442\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.regime IS %L',
  instruction_control.unicode_text('regular, medium_term or long_term, R69.3, R69.4 (\0431\0430\049B\044B\043B\0430\0443 \0440\0435\0436\0438\043C\0456 / \0440\0435\0436\0438\043C \043A\043E\043D\0442\0440\043E\043B\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.regime_kk IS %L',
  instruction_control.unicode_text('Regime in Kazakh (\0431\0430\049B\044B\043B\0430\0443 \0440\0435\0436\0438\043C\0456)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.regime_ru IS %L',
  instruction_control.unicode_text('Regime in Russian (\0440\0435\0436\0438\043C \043A\043E\043D\0442\0440\043E\043B\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.extensions IS %L',
  instruction_control.unicode_text('Extensions of the deadline, R69.1 (\04B1\0437\0430\0440\0442\0443\043B\0430\0440 / \043F\0440\043E\0434\043B\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.repeated_changes IS %L',
  instruction_control.unicode_text('Repeated extensions or transfers, with disciplinary review, R72 (\049B\0430\0439\0442\0430\043B\0430\043F \04B1\0437\0430\0440\0442\0443 / \043F\043E\0432\0442\043E\0440\043D\044B\0435 \043F\0440\043E\0434\043B\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.transfers IS %L',
  instruction_control.unicode_text('Transfers to medium- or long-term control, R69.3, R69.4 (\0430\0443\044B\0441\0442\044B\0440\0443\043B\0430\0440 / \043F\0435\0440\0435\0432\043E\0434\044B)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.new_deadlines IS %L',
  instruction_control.unicode_text('New deadlines set in an emergency or quarantine, R70.4 (\0436\0430\04A3\0430 \043C\0435\0440\0437\0456\043C\0434\0435\0440 / \043D\043E\0432\044B\0435 \0441\0440\043E\043A\0438)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.urgent IS %L',
  instruction_control.unicode_text('Urgent: at most 10 working days from receipt to the original deadline (Appendix 7 note) (\0436\0435\0434\0435\043B / \0441\0440\043E\0447\043D\043E\0435)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.due_in_unconfirmed_year IS %L',
  instruction_control.unicode_text('The deadline lies in a calendar year not yet decreed (a forecast): it may move when the year''s transfers are decreed (\0431\0435\043A\0456\0442\0456\043B\043C\0435\0433\0435\043D \0436\044B\043B / \043D\0435\0443\0442\0432\0435\0440\0436\0434\0451\043D\043D\044B\0439 \0433\043E\0434)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.calendar IS %L',
  instruction_control.unicode_text('Working-day calendar of the deadline (\043A\04AF\043D\0442\0456\0437\0431\0435 / \043A\0430\043B\0435\043D\0434\0430\0440\044C)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.parent_id IS %L',
  instruction_control.unicode_text('Instruction this one details (\043D\0435\0433\0456\0437\0433\0456 \0442\0430\043F\0441\044B\0440\043C\0430 / \0440\043E\0434\0438\0442\0435\043B\044C\0441\043A\043E\0435 \043F\043E\0440\0443\0447\0435\043D\0438\0435)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.upper_record_id IS %L',
  instruction_control.unicode_text('Record of the same point at a higher level, R79 (\0436\043E\0493\0430\0440\044B \0434\0435\04A3\0433\0435\0439\0434\0435\0433\0456 \0436\0430\0437\0431\0430 / \0437\0430\043F\0438\0441\044C \0432\0435\0440\0445\043D\0435\0433\043E \0443\0440\043E\0432\043D\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_control_card.imported IS %L',
  instruction_control.unicode_text('Imported history, not judged by Decree No. 403 (\0438\043C\043F\043E\0440\0442\0442\0430\043B\0493\0430\043D / \0438\043C\043F\043E\0440\0442\0438\0440\043E\0432\0430\043D\043E)')); END $ic_comment$;

-- The overdue register ---------------------------------------------------------

CREATE VIEW report_overdue WITH (security_invoker = true) AS
SELECT c.instruction_id, c.external_ref, c.act_id, c.act_type, c.act_number, c.act_signed_on,
       c.point, c.point_sort_key, c.kind, c.kind_kk, c.kind_ru, c.level, c.level_kk, c.level_ru,
       c.content, c.state_secret, c.paper_card_ref,
       c.responsible_body_id, c.responsible_body_code, c.responsible_body_name_kk, c.responsible_body_name_ru,
       c.responsible_body_sector, c.co_executors_ru, c.pa_unit,
       c.received_on, c.original_due_date, c.due_date,
       (current_date - c.due_date) AS calendar_days_overdue,
       c.working_days_overdue,
       c.regime, c.regime_kk, c.regime_ru, c.extensions, c.repeated_changes, c.transfers, c.new_deadlines,
       c.urgent
  FROM report_control_card c
 WHERE c.overdue;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON VIEW report_overdue IS %L',
  instruction_control.unicode_text('Overdue register (\043C\0435\0440\0437\0456\043C\0456 \04E9\0442\043A\0435\043D \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440 \0442\0456\0437\0456\043B\0456\043C\0456 / \0440\0435\0435\0441\0442\0440 \043F\0440\043E\0441\0440\043E\0447\0435\043D\043D\044B\0445 \043F\043E\0440\0443\0447\0435\043D\0438\0439): instructions on control whose deadline in force is before today, with the days overdue')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.instruction_id IS %L',
  instruction_control.unicode_text('Instruction id (\0442\0430\043F\0441\044B\0440\043C\0430 / \043F\043E\0440\0443\0447\0435\043D\0438\0435)')); END $ic_comment$;
COMMENT ON COLUMN report_overdue.external_ref IS 'Key in the host registry';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.act_id IS %L',
  instruction_control.unicode_text('Act id (\0430\043A\0442 / \0430\043A\0442)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.act_type IS %L',
  instruction_control.unicode_text('Type of the act (\0430\043A\0442\0456\043D\0456\04A3 \0442\04AF\0440\0456 / \0432\0438\0434 \0430\043A\0442\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.act_number IS %L',
  instruction_control.unicode_text('Number of the act (\043D\04E9\043C\0456\0440\0456 / \043D\043E\043C\0435\0440)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.act_signed_on IS %L',
  instruction_control.unicode_text('Day the act was signed (\049B\043E\043B \049B\043E\0439\044B\043B\0493\0430\043D \043A\04AF\043D\0456 / \0434\0430\0442\0430 \043F\043E\0434\043F\0438\0441\0430\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.point IS %L',
  instruction_control.unicode_text('Point number (\0442\0430\0440\043C\0430\049B / \043F\0443\043D\043A\0442)')); END $ic_comment$;
COMMENT ON COLUMN report_overdue.point_sort_key IS 'Natural sort key of the point under COLLATE "C"';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.kind IS %L',
  instruction_control.unicode_text('Kind code (\0442\0430\043F\0441\044B\0440\043C\0430 \0442\04AF\0440\0456 / \0432\0438\0434 \043F\043E\0440\0443\0447\0435\043D\0438\044F)')); END $ic_comment$;
COMMENT ON COLUMN report_overdue.kind_kk IS 'Kind in Kazakh';
COMMENT ON COLUMN report_overdue.kind_ru IS 'Kind in Russian';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.level IS %L',
  instruction_control.unicode_text('Control level code (\0431\0430\049B\044B\043B\0430\0443 \0434\0435\04A3\0433\0435\0439\0456 / \0443\0440\043E\0432\0435\043D\044C \043A\043E\043D\0442\0440\043E\043B\044F)')); END $ic_comment$;
COMMENT ON COLUMN report_overdue.level_kk IS 'Control level in Kazakh';
COMMENT ON COLUMN report_overdue.level_ru IS 'Control level in Russian';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.content IS %L',
  instruction_control.unicode_text('Text; NULL for a state secret, R14 (\043C\0430\0437\043C\04B1\043D\044B / \0441\043E\0434\0435\0440\0436\0430\043D\0438\0435)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.state_secret IS %L',
  instruction_control.unicode_text('Contains state secrets, R14 (\043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \049B\04B1\043F\0438\044F / \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0435 \0441\0435\043A\0440\0435\0442\044B)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.paper_card_ref IS %L',
  instruction_control.unicode_text('Paper control card (\049B\0430\0493\0430\0437 \043A\0430\0440\0442\043E\0447\043A\0430 / \0431\0443\043C\0430\0436\043D\0430\044F \043A\0430\0440\0442\043E\0447\043A\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.responsible_body_id IS %L',
  instruction_control.unicode_text('Responsible executor id (\0436\0430\0443\0430\043F\0442\044B \043E\0440\044B\043D\0434\0430\0443\0448\044B / \043E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\044B\0439 \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C)')); END $ic_comment$;
COMMENT ON COLUMN report_overdue.responsible_body_code IS 'Short code of the responsible executor';
COMMENT ON COLUMN report_overdue.responsible_body_name_kk IS 'Responsible executor in Kazakh';
COMMENT ON COLUMN report_overdue.responsible_body_name_ru IS 'Responsible executor in Russian';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.responsible_body_sector IS %L',
  instruction_control.unicode_text('Sector of the responsible executor (\0441\0430\043B\0430 / \0441\0444\0435\0440\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.co_executors_ru IS %L',
  instruction_control.unicode_text('Co-executors in Russian (\0441\043E\0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\0438)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.pa_unit IS %L',
  instruction_control.unicode_text('PA unit responsible for control (\041F\04D8 \0431\04E9\043B\0456\043C\0448\0435\0441\0456 / \043F\043E\0434\0440\0430\0437\0434\0435\043B\0435\043D\0438\0435 \0410\041F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.received_on IS %L',
  instruction_control.unicode_text('Day of receipt (\043A\0435\043B\0456\043F \0442\04AF\0441\043A\0435\043D \043A\04AF\043D\0456 / \0434\0430\0442\0430 \043F\043E\0441\0442\0443\043F\043B\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.original_due_date IS %L',
  instruction_control.unicode_text('Deadline when put on control (\0431\0430\0441\0442\0430\043F\049B\044B \043C\0435\0440\0437\0456\043C / \043F\0435\0440\0432\043E\043D\0430\0447\0430\043B\044C\043D\044B\0439 \0441\0440\043E\043A)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.due_date IS %L',
  instruction_control.unicode_text('Deadline in force, missed (\043E\0440\044B\043D\0434\0430\0443 \043C\0435\0440\0437\0456\043C\0456 / \0441\0440\043E\043A \0438\0441\043F\043E\043B\043D\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.calendar_days_overdue IS %L',
  instruction_control.unicode_text('Calendar days past the deadline as of today (\043A\04AF\043D\0442\0456\0437\0431\0435\043B\0456\043A \043A\04AF\043D\0434\0435\0440 / \043A\0430\043B\0435\043D\0434\0430\0440\043D\044B\0445 \0434\043D\0435\0439)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.working_days_overdue IS %L',
  instruction_control.unicode_text('Working days past the deadline as of today (\0436\04B1\043C\044B\0441 \043A\04AF\043D\0434\0435\0440\0456 / \0440\0430\0431\043E\0447\0438\0445 \0434\043D\0435\0439)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.regime IS %L',
  instruction_control.unicode_text('Control regime code (\0431\0430\049B\044B\043B\0430\0443 \0440\0435\0436\0438\043C\0456 / \0440\0435\0436\0438\043C \043A\043E\043D\0442\0440\043E\043B\044F)')); END $ic_comment$;
COMMENT ON COLUMN report_overdue.regime_kk IS 'Regime in Kazakh';
COMMENT ON COLUMN report_overdue.regime_ru IS 'Regime in Russian';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.extensions IS %L',
  instruction_control.unicode_text('Extensions so far, R69.1 (\04B1\0437\0430\0440\0442\0443\043B\0430\0440 / \043F\0440\043E\0434\043B\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.repeated_changes IS %L',
  instruction_control.unicode_text('Repeated extensions or transfers, R72 (\049B\0430\0439\0442\0430\043B\0430\043F / \043F\043E\0432\0442\043E\0440\043D\043E)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.transfers IS %L',
  instruction_control.unicode_text('Transfers, R69.3, R69.4 (\0430\0443\044B\0441\0442\044B\0440\0443\043B\0430\0440 / \043F\0435\0440\0435\0432\043E\0434\044B)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.new_deadlines IS %L',
  instruction_control.unicode_text('New deadlines, R70.4 (\0436\0430\04A3\0430 \043C\0435\0440\0437\0456\043C\0434\0435\0440 / \043D\043E\0432\044B\0435 \0441\0440\043E\043A\0438)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_overdue.urgent IS %L',
  instruction_control.unicode_text('Urgent: at most 10 working days (\0436\0435\0434\0435\043B / \0441\0440\043E\0447\043D\043E\0435)')); END $ic_comment$;

-- The decision history ---------------------------------------------------------

CREATE VIEW report_decision_history WITH (security_invoker = true) AS
SELECT d.id AS decision_id,
       d.instruction_id,
       d.seq,
       i.act_id,
       i.point::text AS point,
       i.responsible_body_id,
       i.level::text AS level,
       d.kind::text AS kind,
       coalesce(vk.kk, d.kind) AS kind_kk,
       coalesce(vk.ru, d.kind) AS kind_ru,
       d.decided_on,
       d.decided_by::text AS decided_by,
       coalesce(vd.kk, d.decided_by) AS decided_by_kk,
       coalesce(vd.ru, d.decided_by) AS decided_by_ru,
       d.old_due_date,
       d.new_due_date,
       CASE WHEN d.old_due_date IS NOT NULL AND d.new_due_date IS NOT NULL
            THEN working_days_between(d.old_due_date, d.new_due_date,
                   coalesce(i.calendar, current_setting('instruction_control.calendar', true), 'KZ')) END
         AS shift_working_days,
       d.old_regime::text AS old_regime,
       d.new_regime::text AS new_regime,
       d.repeated,
       d.ground::text AS ground,
       coalesce(vg.kk, d.ground) AS ground_kk,
       coalesce(vg.ru, d.ground) AS ground_ru,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.reason END AS reason,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.basis END AS basis,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.disciplinary_review END AS disciplinary_review,
       (d.disciplinary_review IS NOT NULL OR (i.secrecy = 'state_secret' AND d.repeated)) AS disciplinary_review_taken,
       array_to_string(d.evidence::text[], ', ') AS evidence,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.evidence_ref END AS evidence_ref,
       d.paper_ref,
       d.measures_due_date,
       d.roadmap_due_date,
       d.receiving_body_id,
       coalesce(rb.name_ru, rb.name) AS receiving_body_name_ru,
       (i.secrecy = 'state_secret') AS state_secret,
       d.imported
  FROM decision d
  JOIN instruction i ON i.id = d.instruction_id
  LEFT JOIN state_body rb ON rb.id = d.receiving_body_id
  LEFT JOIN vocabulary vk ON vk.domain = 'decision_kind' AND vk.code = d.kind::text
  LEFT JOIN vocabulary vd ON vd.domain = 'decider' AND vd.code = d.decided_by::text
  LEFT JOIN vocabulary vg ON vg.domain = 'removal_ground' AND vg.code = d.ground::text;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON VIEW report_decision_history IS %L',
  instruction_control.unicode_text('Decision history (\0448\0435\0448\0456\043C\0434\0435\0440 \0436\0443\0440\043D\0430\043B\044B / \0436\0443\0440\043D\0430\043B \0440\0435\0448\0435\043D\0438\0439): every decision on control in its order, with the deadline and regime before and after; basis and review of state secrets are not shown (R14)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.decision_id IS %L',
  instruction_control.unicode_text('Decision id (\0448\0435\0448\0456\043C / \0440\0435\0448\0435\043D\0438\0435)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.instruction_id IS %L',
  instruction_control.unicode_text('Instruction decided on (\0442\0430\043F\0441\044B\0440\043C\0430 / \043F\043E\0440\0443\0447\0435\043D\0438\0435)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.seq IS %L',
  instruction_control.unicode_text('Order among the instruction''s decisions (\0440\0435\0442\0456 / \043F\043E\0440\044F\0434\043A\043E\0432\044B\0439 \043D\043E\043C\0435\0440)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.act_id IS %L',
  instruction_control.unicode_text('Act of the instruction (\0430\043A\0442 / \0430\043A\0442)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.point IS %L',
  instruction_control.unicode_text('Point of the instruction (\0442\0430\0440\043C\0430\049B / \043F\0443\043D\043A\0442)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.responsible_body_id IS %L',
  instruction_control.unicode_text('Responsible executor of the instruction (\0436\0430\0443\0430\043F\0442\044B \043E\0440\044B\043D\0434\0430\0443\0448\044B / \043E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\044B\0439 \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.level IS %L',
  instruction_control.unicode_text('Control level code (\0431\0430\049B\044B\043B\0430\0443 \0434\0435\04A3\0433\0435\0439\0456 / \0443\0440\043E\0432\0435\043D\044C \043A\043E\043D\0442\0440\043E\043B\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.kind IS %L',
  instruction_control.unicode_text('extension, transfer, new_deadline, removal, roadmap_approval (\0448\0435\0448\0456\043C \0442\04AF\0440\0456 / \0432\0438\0434 \0440\0435\0448\0435\043D\0438\044F)')); END $ic_comment$;
COMMENT ON COLUMN report_decision_history.kind_kk IS 'Kind of decision in Kazakh';
COMMENT ON COLUMN report_decision_history.kind_ru IS 'Kind of decision in Russian';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.decided_on IS %L',
  instruction_control.unicode_text('Day of the decision (\0448\0435\0448\0456\043C \043A\04AF\043D\0456 / \0434\0430\0442\0430 \0440\0435\0448\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.decided_by IS %L',
  instruction_control.unicode_text('Position that decided (\0448\0435\0448\0456\043C \049B\0430\0431\044B\043B\0434\0430\0493\0430\043D / \043F\0440\0438\043D\044F\0432\0448\0438\0439 \0440\0435\0448\0435\043D\0438\0435)')); END $ic_comment$;
COMMENT ON COLUMN report_decision_history.decided_by_kk IS 'Decider in Kazakh';
COMMENT ON COLUMN report_decision_history.decided_by_ru IS 'Decider in Russian';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.old_due_date IS %L',
  instruction_control.unicode_text('Deadline before the decision (\0431\04B1\0440\044B\043D\0493\044B \043C\0435\0440\0437\0456\043C / \043F\0440\0435\0436\043D\0438\0439 \0441\0440\043E\043A)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.new_due_date IS %L',
  instruction_control.unicode_text('Deadline after the decision (\0436\0430\04A3\0430 \043C\0435\0440\0437\0456\043C / \043D\043E\0432\044B\0439 \0441\0440\043E\043A)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.shift_working_days IS %L',
  instruction_control.unicode_text('Working days the deadline moved (\0436\044B\043B\0436\0443 / \0441\0434\0432\0438\0433 \0432 \0440\0430\0431\043E\0447\0438\0445 \0434\043D\044F\0445)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.old_regime IS %L',
  instruction_control.unicode_text('Regime before a transfer (\0431\04B1\0440\044B\043D\0493\044B \0440\0435\0436\0438\043C / \043F\0440\0435\0436\043D\0438\0439 \0440\0435\0436\0438\043C)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.new_regime IS %L',
  instruction_control.unicode_text('Regime after a transfer (\0436\0430\04A3\0430 \0440\0435\0436\0438\043C / \043D\043E\0432\044B\0439 \0440\0435\0436\0438\043C)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.repeated IS %L',
  instruction_control.unicode_text('A repeated extension or transfer, R72 (\049B\0430\0439\0442\0430\043B\0430\043F / \043F\043E\0432\0442\043E\0440\043D\043E)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.ground IS %L',
  instruction_control.unicode_text('Removal ground, R75 (\0430\043B\0443 \043D\0435\0433\0456\0437\0456 / \043E\0441\043D\043E\0432\0430\043D\0438\0435 \0441\043D\044F\0442\0438\044F)')); END $ic_comment$;
COMMENT ON COLUMN report_decision_history.ground_kk IS 'Removal ground in Kazakh';
COMMENT ON COLUMN report_decision_history.ground_ru IS 'Removal ground in Russian';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.reason IS %L',
  instruction_control.unicode_text('Circumstances of a transfer or the emergency of a new deadline; NULL for a state secret (\0441\0435\0431\0435\0431\0456 / \043F\0440\0438\0447\0438\043D\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.basis IS %L',
  instruction_control.unicode_text('Expert conclusion, agreement or letter; NULL for a state secret (\043D\0435\0433\0456\0437\0434\0435\043C\0435 / \043E\0441\043D\043E\0432\0430\043D\0438\0435)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.disciplinary_review IS %L',
  instruction_control.unicode_text('Decision on disciplinary responsibility, R72; NULL for a state secret (\0442\04D9\0440\0442\0456\043F\0442\0456\043A \0436\0430\0443\0430\043F\0442\044B\043B\044B\049B / \0434\0438\0441\0446\0438\043F\043B\0438\043D\0430\0440\043D\0430\044F \043E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\043E\0441\0442\044C)')); END $ic_comment$;
COMMENT ON COLUMN report_decision_history.disciplinary_review_taken IS 'Disciplinary responsibility was considered, R72 (also for state secrets, whose review is on paper)';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.evidence IS %L',
  instruction_control.unicode_text('Kinds of removal evidence, R75, R76-1 (\0434\04D9\043B\0435\043B\0434\0435\0440 / \043F\043E\0434\0442\0432\0435\0440\0436\0434\0430\044E\0449\0438\0435 \0434\043E\043A\0443\043C\0435\043D\0442\044B)')); END $ic_comment$;
COMMENT ON COLUMN report_decision_history.evidence_ref IS 'References of the removal evidence; NULL for a state secret';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.paper_ref IS %L',
  instruction_control.unicode_text('Paper document of a state-secret decision, R14 (\049B\0430\0493\0430\0437 \049B\04B1\0436\0430\0442 / \0431\0443\043C\0430\0436\043D\044B\0439 \0434\043E\043A\0443\043C\0435\043D\0442)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.measures_due_date IS %L',
  instruction_control.unicode_text('Information on measures due, R72.4 (\0448\0430\0440\0430\043B\0430\0440 \0442\0443\0440\0430\043B\044B \0430\049B\043F\0430\0440\0430\0442 \043C\0435\0440\0437\0456\043C\0456 / \0441\0440\043E\043A \0438\043D\0444\043E\0440\043C\0430\0446\0438\0438 \043E \043C\0435\0440\0430\0445)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.roadmap_due_date IS %L',
  instruction_control.unicode_text('Roadmap due after a long-term transfer, R59 (\0436\043E\043B \043A\0430\0440\0442\0430\0441\044B \043C\0435\0440\0437\0456\043C\0456 / \0441\0440\043E\043A \0434\043E\0440\043E\0436\043D\043E\0439 \043A\0430\0440\0442\044B)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_decision_history.receiving_body_id IS %L',
  instruction_control.unicode_text('Body taking over control, R75(4) (\0431\0430\049B\044B\043B\0430\0443\0434\044B \049B\0430\0431\044B\043B\0434\0430\0443\0448\044B / \043F\0440\0438\043D\0438\043C\0430\044E\0449\0438\0439 \043A\043E\043D\0442\0440\043E\043B\044C \043E\0440\0433\0430\043D)')); END $ic_comment$;
COMMENT ON COLUMN report_decision_history.receiving_body_name_ru IS 'Body taking over control, in Russian';
COMMENT ON COLUMN report_decision_history.state_secret IS 'The instruction contains state secrets, R14';
COMMENT ON COLUMN report_decision_history.imported IS 'Imported history, not judged by Decree No. 403';

-- Executive discipline ---------------------------------------------------------
-- One row per responsible body and month in which the deadline in force falls.
-- "On time": removed as executed on or before the deadline in force; "late":
-- executed after it, or still on control with the deadline passed.  The rate
-- is on time / (on time + late); to roll up to a quarter or a year, sum the
-- counts and divide again (a rate is not summed).

CREATE VIEW report_discipline WITH (security_invoker = true) AS
SELECT g.body_id, b.code AS body_code,
       coalesce(b.name_kk, b.name) AS body_name_kk, coalesce(b.name_ru, b.name) AS body_name_ru,
       b.body_type::text AS body_type, b.sector,
       g.period_start,
       (g.period_start + interval '1 month' - interval '1 day')::date AS period_end,
       extract(year FROM g.period_start)::integer AS year,
       extract(quarter FROM g.period_start)::integer AS quarter,
       extract(month FROM g.period_start)::integer AS month,
       g.instructions, g.on_time, g.late, g.executed_late, g.overdue, g.in_progress,
       g.extended, g.extended_repeatedly, g.transferred, g.with_new_deadline,
       g.removed_executed, g.removed_duplicated, g.removed_impossible, g.removed_control_passed,
       round(100.0 * g.on_time / nullif(g.on_time + g.late, 0), 1) AS on_time_rate
  FROM (
    SELECT i.responsible_body_id AS body_id,
           date_trunc('month', i.due_date::timestamp)::date AS period_start,
           count(*)::integer AS instructions,
           count(*) FILTER (WHERE r.ground = 'executed' AND i.removed_on <= i.due_date)::integer AS on_time,
           count(*) FILTER (WHERE (r.ground = 'executed' AND i.removed_on > i.due_date)
                               OR (i.status = 'on_control' AND i.due_date < current_date))::integer AS late,
           count(*) FILTER (WHERE r.ground = 'executed' AND i.removed_on > i.due_date)::integer AS executed_late,
           count(*) FILTER (WHERE i.status = 'on_control' AND i.due_date < current_date)::integer AS overdue,
           count(*) FILTER (WHERE i.status = 'on_control' AND i.due_date >= current_date)::integer AS in_progress,
           -- the journal keeps on the instruction the count of its extensions
           -- and transfers (extensions); the transfers, new deadlines and
           -- repeated extensions, which are few, are counted from the journal
           count(*) FILTER (WHERE i.extensions > coalesce(j.transfers, 0))::integer AS extended,
           count(*) FILTER (WHERE j.repeated_extensions > 0)::integer AS extended_repeatedly,
           count(*) FILTER (WHERE j.transfers > 0)::integer AS transferred,
           count(*) FILTER (WHERE j.new_deadlines > 0)::integer AS with_new_deadline,
           count(*) FILTER (WHERE r.ground = 'executed')::integer AS removed_executed,
           count(*) FILTER (WHERE r.ground = 'duplicated')::integer AS removed_duplicated,
           count(*) FILTER (WHERE r.ground = 'impossible')::integer AS removed_impossible,
           count(*) FILTER (WHERE r.ground = 'control_passed')::integer AS removed_control_passed
      FROM instruction i
      -- the removal, if any: a removed instruction takes no later decision, so
      -- its latest decision (kept by the journal) is the removal
      LEFT JOIN decision r ON r.id = i.last_decision_id AND i.status = 'removed' AND r.kind = 'removal'
      LEFT JOIN (
        SELECT d.instruction_id,
               count(*) FILTER (WHERE d.kind = 'transfer') AS transfers,
               count(*) FILTER (WHERE d.kind = 'new_deadline') AS new_deadlines,
               count(*) FILTER (WHERE d.kind = 'extension') AS repeated_extensions
          FROM decision d
         WHERE d.kind IN ('transfer', 'new_deadline') OR (d.kind = 'extension' AND d.repeated)
         GROUP BY d.instruction_id
      ) j ON j.instruction_id = i.id
     WHERE i.due_date IS NOT NULL
     GROUP BY i.responsible_body_id, date_trunc('month', i.due_date::timestamp)::date
  ) g
  LEFT JOIN state_body b ON b.id = g.body_id;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON VIEW report_discipline IS %L',
  instruction_control.unicode_text('Executive discipline (\0430\0442\049B\0430\0440\0443\0448\044B\043B\044B\049B \0442\04D9\0440\0442\0456\043F / \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C\0441\043A\0430\044F \0434\0438\0441\0446\0438\043F\043B\0438\043D\0430) per responsible body and month of the deadline in force: on time, late, extended, extended repeatedly, transferred, new deadlines, removals by ground and the on-time rate; sum the counts to roll up')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.body_id IS %L',
  instruction_control.unicode_text('Responsible executor id; NULL for instructions without one (\0436\0430\0443\0430\043F\0442\044B \043E\0440\044B\043D\0434\0430\0443\0448\044B / \043E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\044B\0439 \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C)')); END $ic_comment$;
COMMENT ON COLUMN report_discipline.body_code IS 'Short code of the body';
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.body_name_kk IS %L',
  instruction_control.unicode_text('Body in Kazakh (\043E\0440\0433\0430\043D \0430\0442\0430\0443\044B)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.body_name_ru IS %L',
  instruction_control.unicode_text('Body in Russian (\043D\0430\0438\043C\0435\043D\043E\0432\0430\043D\0438\0435 \043E\0440\0433\0430\043D\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.body_type IS %L',
  instruction_control.unicode_text('Body type code (\043E\0440\0433\0430\043D \0442\04AF\0440\0456 / \0442\0438\043F \043E\0440\0433\0430\043D\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.sector IS %L',
  instruction_control.unicode_text('Sector of the body (\0441\0430\043B\0430 / \0441\0444\0435\0440\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.period_start IS %L',
  instruction_control.unicode_text('First day of the month the deadlines fall in (\043A\0435\0437\0435\04A3 \0431\0430\0441\044B / \043D\0430\0447\0430\043B\043E \043F\0435\0440\0438\043E\0434\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.period_end IS %L',
  instruction_control.unicode_text('Last day of that month (\043A\0435\0437\0435\04A3 \0441\043E\04A3\044B / \043A\043E\043D\0435\0446 \043F\0435\0440\0438\043E\0434\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.year IS %L',
  instruction_control.unicode_text('Year of the period (\0436\044B\043B / \0433\043E\0434)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.quarter IS %L',
  instruction_control.unicode_text('Quarter of the period (\0442\043E\049B\0441\0430\043D / \043A\0432\0430\0440\0442\0430\043B)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.month IS %L',
  instruction_control.unicode_text('Month of the period (\0430\0439 / \043C\0435\0441\044F\0446)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.instructions IS %L',
  instruction_control.unicode_text('Instructions whose deadline in force falls in the period (\0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440 / \043F\043E\0440\0443\0447\0435\043D\0438\044F)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.on_time IS %L',
  instruction_control.unicode_text('Removed as executed on or before the deadline (\0443\0430\049B\0442\044B\043B\044B / \0432 \0441\0440\043E\043A)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.late IS %L',
  instruction_control.unicode_text('Executed after the deadline, or still on control past it (\043C\0435\0440\0437\0456\043C\0456\043D \0431\04B1\0437\044B\043F / \0441 \043D\0430\0440\0443\0448\0435\043D\0438\0435\043C \0441\0440\043E\043A\0430)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.executed_late IS %L',
  instruction_control.unicode_text('Removed as executed after the deadline (\043A\0435\0448 \043E\0440\044B\043D\0434\0430\043B\0493\0430\043D / \0438\0441\043F\043E\043B\043D\0435\043D\043E \0441 \043E\043F\043E\0437\0434\0430\043D\0438\0435\043C)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.overdue IS %L',
  instruction_control.unicode_text('On control with the deadline passed, as of today (\043C\0435\0440\0437\0456\043C\0456 \04E9\0442\043A\0435\043D / \043F\0440\043E\0441\0440\043E\0447\0435\043D\043E)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.in_progress IS %L',
  instruction_control.unicode_text('On control, deadline not yet passed (\043E\0440\044B\043D\0434\0430\043B\0443\0434\0430 / \043D\0430 \0438\0441\043F\043E\043B\043D\0435\043D\0438\0438)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.extended IS %L',
  instruction_control.unicode_text('Instructions extended at least once, R69.1 (\04B1\0437\0430\0440\0442\044B\043B\0493\0430\043D / \043F\0440\043E\0434\043B\0435\043D\043E)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.extended_repeatedly IS %L',
  instruction_control.unicode_text('Instructions extended repeatedly, R72 (\049B\0430\0439\0442\0430\043B\0430\043F \04B1\0437\0430\0440\0442\044B\043B\0493\0430\043D / \043F\0440\043E\0434\043B\0435\043D\043E \043F\043E\0432\0442\043E\0440\043D\043E)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.transferred IS %L',
  instruction_control.unicode_text('Instructions transferred to medium- or long-term control, R69.3, R69.4 (\0430\0443\044B\0441\0442\044B\0440\044B\043B\0493\0430\043D / \043F\0435\0440\0435\0432\0435\0434\0435\043D\043E)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.with_new_deadline IS %L',
  instruction_control.unicode_text('Instructions with a new deadline, R70.4 (\0436\0430\04A3\0430 \043C\0435\0440\0437\0456\043C \0431\0435\043B\0433\0456\043B\0435\043D\0433\0435\043D / \0443\0441\0442\0430\043D\043E\0432\043B\0435\043D \043D\043E\0432\044B\0439 \0441\0440\043E\043A)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.removed_executed IS %L',
  instruction_control.unicode_text('Removed: executed, R75(1) (\043E\0440\044B\043D\0434\0430\043B\0434\044B / \0438\0441\043F\043E\043B\043D\0435\043D\043E)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.removed_duplicated IS %L',
  instruction_control.unicode_text('Removed: contained in a new instruction, R75(2) (\0436\0430\04A3\0430 \0442\0430\043F\0441\044B\0440\043C\0430\0434\0430 / \043D\043E\0432\044B\043C \043F\043E\0440\0443\0447\0435\043D\0438\0435\043C)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.removed_impossible IS %L',
  instruction_control.unicode_text('Removed: impossible for objective reasons, R75(3) (\043C\04AF\043C\043A\0456\043D \0435\043C\0435\0441 / \043D\0435\0432\043E\0437\043C\043E\0436\043D\043E)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.removed_control_passed IS %L',
  instruction_control.unicode_text('Removed: control passed, R75(4) (\0431\0430\049B\044B\043B\0430\0443 \0431\0435\0440\0456\043B\0434\0456 / \043A\043E\043D\0442\0440\043E\043B\044C \043F\0435\0440\0435\0434\0430\043D)')); END $ic_comment$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON COLUMN report_discipline.on_time_rate IS %L',
  instruction_control.unicode_text('Percent on time of on time + late, one decimal; NULL when neither (\0443\0430\049B\0442\044B\043B\044B \043E\0440\044B\043D\0434\0430\0443 \04AF\043B\0435\0441\0456 / \0434\043E\043B\044F \0438\0441\043F\043E\043B\043D\0435\043D\043D\044B\0445 \0432 \0441\0440\043E\043A)')); END $ic_comment$;

-- Appendix 5: control approval of an act ---------------------------------------

CREATE FUNCTION form_control_approval(act_id bigint, lang text DEFAULT 'ru')
RETURNS TABLE (row_no integer, instruction_id bigint, point text, point_sort_key text, measure text,
               due_date date, completion_form text, final_result text, responsible_body text,
               control_body text, state_secret boolean)
LANGUAGE plpgsql STABLE
SET search_path = instruction_control, pg_catalog
AS $$
DECLARE
  the_act bigint := act_id;
BEGIN
  PERFORM report_check_lang(lang);
  IF NOT EXISTS (SELECT 1 FROM act a WHERE a.id = the_act) THEN
    RAISE EXCEPTION 'no act %', coalesce(the_act::text, 'NULL')
      USING ERRCODE = 'IC302', HINT = 'Name an act of instruction_control.act by its id.';
  END IF;
  RETURN QUERY
  SELECT (row_number() OVER (ORDER BY i.point NULLS LAST, i.id))::integer,
         i.id,
         i.point::text,
         (point_sort_key(i.point) COLLATE "C"),
         CASE WHEN i.secrecy = 'state_secret'
              THEN CASE lang WHEN 'kk' THEN instruction_control.unicode_text('\041C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \049B\04B1\043F\0438\044F\043B\0430\0440 (R14): \049B\0430\0493\0430\0437 \043A\0430\0440\0442\043E\0447\043A\0430 ') ELSE instruction_control.unicode_text('\0413\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0435 \0441\0435\043A\0440\0435\0442\044B (R14): \0431\0443\043C\0430\0436\043D\0430\044F \043A\0430\0440\0442\043E\0447\043A\0430 ') END
                   || coalesce(i.paper_card_ref, instruction_control.unicode_text('\2014'))
              ELSE i.content END,
         i.original_due_date,
         CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE i.completion_form END,
         CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE i.final_result END,
         concat_ws('; ',
           CASE lang WHEN 'kk' THEN coalesce(rb.name_kk, rb.name) ELSE coalesce(rb.name_ru, rb.name) END,
           (SELECT string_agg(CASE lang WHEN 'kk' THEN coalesce(b.name_kk, b.name) ELSE coalesce(b.name_ru, b.name) END,
                              '; ' ORDER BY b.id)
              FROM state_body b WHERE b.id = ANY (i.co_executor_ids))),
         concat_ws('. ',
           coalesce(CASE lang WHEN 'kk' THEN coalesce(cb.name_kk, cb.name) ELSE coalesce(cb.name_ru, cb.name) END,
                    CASE WHEN i.level <> 'pa' THEN label(i.level, lang) END),
           i.pa_unit),
         i.secrecy = 'state_secret'
    FROM instruction i
    LEFT JOIN state_body rb ON rb.id = i.responsible_body_id
    LEFT JOIN state_body cb ON cb.id = i.controlling_body_id
   WHERE i.act_id = the_act
     AND i.upper_record_id IS NULL
   ORDER BY 1;
END
$$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON FUNCTION form_control_approval(bigint, text) IS %L',
  instruction_control.unicode_text('Appendix 5, control approval of an act (\0431\0430\049B\044B\043B\0430\0443\0434\044B \0431\0435\043A\0456\0442\0443 / \0443\0442\0432\0435\0440\0436\0434\0435\043D\0438\0435 \043A\043E\043D\0442\0440\043E\043B\044F): a row per point with the measure, deadline, completion form, final result, responsible body and the body or PA unit responsible for control (R4.5); state secrets show only their paper card (R14). lang: kk or ru (IC301); unknown act: IC302')); END $ic_comment$;

CREATE FUNCTION form_control_approval_csv(act_id bigint, lang text DEFAULT 'ru') RETURNS text
LANGUAGE sql STABLE
SET search_path = instruction_control, pg_catalog
AS $$
  SELECT (SELECT string_agg(report_csv_field(h.heading), ',' ORDER BY h.n)
            FROM unnest(CASE lang
                   WHEN 'kk' THEN ARRAY[instruction_control.unicode_text('\0440/\0441 \2116'), instruction_control.unicode_text('\0406\0441-\0448\0430\0440\0430\043D\044B\04A3 \0430\0442\0430\0443\044B'), instruction_control.unicode_text('\041E\0440\044B\043D\0434\0430\043B\0443 \043C\0435\0440\0437\0456\043C\0456'), instruction_control.unicode_text('\0410\044F\049B\0442\0430\043B\0443 \043D\044B\0441\0430\043D\044B'), instruction_control.unicode_text('\0422\04AF\043F\043A\0456\043B\0456\043A\0442\0456 \043D\04D9\0442\0438\0436\0435'), instruction_control.unicode_text('\0416\0430\0443\0430\043F\0442\044B \043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043E\0440\0433\0430\043D'),
                                        instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0493\0430 \0436\0430\0443\0430\043F\0442\044B \043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043E\0440\0433\0430\043D (\04AE\043A\0456\043C\0435\0442, \043E\0440\0442\0430\043B\044B\049B \043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043D\0435\043C\0435\0441\0435 \0436\0435\0440\0433\0456\043B\0456\043A\0442\0456 \0430\0442\049B\0430\0440\0443\0448\044B \043E\0440\0433\0430\043D). \041F\0440\0435\0437\0438\0434\0435\043D\0442 \04D8\043A\0456\043C\0448\0456\043B\0456\0433\0456\043D\0456\04A3 \0436\0430\0443\0430\043F\0442\044B \049B\04B1\0440\044B\043B\044B\043C\0434\044B\049B \0431\04E9\043B\0456\043C\0448\0435\0441\0456')]
                   ELSE ARRAY[instruction_control.unicode_text('\2116 \043F/\043F'), instruction_control.unicode_text('\041D\0430\0438\043C\0435\043D\043E\0432\0430\043D\0438\0435 \043C\0435\0440\043E\043F\0440\0438\044F\0442\0438\044F'), instruction_control.unicode_text('\0421\0440\043E\043A \0438\0441\043F\043E\043B\043D\0435\043D\0438\044F'), instruction_control.unicode_text('\0424\043E\0440\043C\0430 \0437\0430\0432\0435\0440\0448\0435\043D\0438\044F'), instruction_control.unicode_text('\041A\043E\043D\0435\0447\043D\044B\0439 \0440\0435\0437\0443\043B\044C\0442\0430\0442'), instruction_control.unicode_text('\041E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\044B\0439 \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0439 \043E\0440\0433\0430\043D'),
                              instruction_control.unicode_text('\0413\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0439 \043E\0440\0433\0430\043D, \043E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\044B\0439 \0437\0430 \043A\043E\043D\0442\0440\043E\043B\044C (\041F\0440\0430\0432\0438\0442\0435\043B\044C\0441\0442\0432\043E, \0446\0435\043D\0442\0440\0430\043B\044C\043D\044B\0439 \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0439 \0438\043B\0438 \043C\0435\0441\0442\043D\044B\0439 \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C\043D\044B\0439 \043E\0440\0433\0430\043D). \041E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\043E\0435 \0441\0442\0440\0443\043A\0442\0443\0440\043D\043E\0435 \043F\043E\0434\0440\0430\0437\0434\0435\043B\0435\043D\0438\0435 \0410\0434\043C\0438\043D\0438\0441\0442\0440\0430\0446\0438\0438 \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430')]
                 END) WITH ORDINALITY AS h(heading, n))
         || E'\r\n'
         || coalesce(string_agg(concat_ws(',', f.row_no::text, report_csv_field(f.measure), report_date(f.due_date),
                                          report_csv_field(f.completion_form), report_csv_field(f.final_result),
                                          report_csv_field(f.responsible_body), report_csv_field(f.control_body))
                                || E'\r\n', '' ORDER BY f.row_no), '')
    FROM form_control_approval(act_id, lang) f
$$;
COMMENT ON FUNCTION form_control_approval_csv(bigint, text) IS
  'Appendix 5 as CSV (RFC 4180, CRLF, a header row with the form''s column headings in kk or ru)';

CREATE FUNCTION form_control_approval_html(act_id bigint, lang text DEFAULT 'ru') RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = instruction_control, pg_catalog
AS $$
DECLARE
  a act;
  is_kk boolean := report_check_lang(lang) = 'kk';
  rows text;
  h text;
BEGIN
  SELECT * INTO a FROM act WHERE id = act_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no act %', coalesce(act_id::text, 'NULL')
      USING ERRCODE = 'IC302', HINT = 'Name an act of instruction_control.act by its id.';
  END IF;
  SELECT string_agg(format('<tr><td class="n">%s.</td><td>%s</td><td class="c">%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>',
                           f.row_no,
                           CASE WHEN f.point IS NOT NULL
                                THEN '<span class="pt">' || report_html_escape(CASE WHEN is_kk THEN f.point || instruction_control.unicode_text('-\0442\0430\0440\043C\0430\049B') ELSE instruction_control.unicode_text('\043F. ') || f.point END) || '</span> '
                                ELSE '' END
                           || coalesce(report_html_escape(f.measure), ''),
                           coalesce(report_html_escape(report_date(f.due_date)), ''),
                           coalesce(report_html_escape(f.completion_form), ''),
                           coalesce(report_html_escape(f.final_result), ''),
                           coalesce(report_html_escape(f.responsible_body), ''),
                           coalesce(report_html_escape(f.control_body), '')),
                    E'\n' ORDER BY f.row_no)
    INTO rows
    FROM form_control_approval(act_id, lang) f;
  h := report_html_head(CASE WHEN is_kk THEN instruction_control.unicode_text('\0411\0430\049B\044B\043B\0430\0443\0434\044B \0431\0435\043A\0456\0442\0443') ELSE instruction_control.unicode_text('\0423\0442\0432\0435\0440\0436\0434\0435\043D\0438\0435 \043A\043E\043D\0442\0440\043E\043B\044F') END, lang)
    || '<div class="appendix">'
    || CASE WHEN is_kk
            THEN instruction_control.unicode_text('\049A\0430\0437\0430\049B\0441\0442\0430\043D \0420\0435\0441\043F\0443\0431\043B\0438\043A\0430\0441\044B \041F\0440\0435\0437\0438\0434\0435\043D\0442\0456\043D\0456\04A3 \0436\043E\043B\0434\0430\0443\044B\043D \0434\0430\0439\044B\043D\0434\0430\0443 \0436\04D9\043D\0435 \0456\0441\043A\0435 \0430\0441\044B\0440\0443, \0430\043A\0442\0456\043B\0435\0440\0456\043C\0435\043D \0436\04D9\043D\0435 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440\044B\043C\0435\043D \0436\04B1\043C\044B\0441 \0456\0441\0442\0435\0443 \0436\04D9\043D\0435 \043E\043B\0430\0440\0434\044B\04A3 \043E\0440\044B\043D\0434\0430\043B\0443\044B\043D \0431\0430\049B\044B\043B\0430\0443\0434\044B \0436\04AF\0437\0435\0433\0435 \0430\0441\044B\0440\0443, \043D\043E\0440\043C\0430\0442\0438\0432\0442\0456\043A \049B\04B1\049B\044B\049B\0442\044B\049B \0436\0430\0440\043B\044B\049B\0442\0430\0440\0493\0430 \043C\043E\043D\0438\0442\043E\0440\0438\043D\0433 \0436\04AF\0440\0433\0456\0437\0443 \049B\0430\0493\0438\0434\0430\043B\0430\0440\044B\043D\0430<br><b>5-\049B\043E\0441\044B\043C\0448\0430</b>')
            ELSE instruction_control.unicode_text('<b>\041F\0440\0438\043B\043E\0436\0435\043D\0438\0435 5</b><br>\043A \041F\0440\0430\0432\0438\043B\0430\043C \043F\043E\0434\0433\043E\0442\043E\0432\043A\0438 \0438 \0440\0435\0430\043B\0438\0437\0430\0446\0438\0438 \041F\043E\0441\043B\0430\043D\0438\044F \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430 \0420\0435\0441\043F\0443\0431\043B\0438\043A\0438 \041A\0430\0437\0430\0445\0441\0442\0430\043D, \0440\0430\0431\043E\0442\044B \0441 \0430\043A\0442\0430\043C\0438 \0438 \043F\043E\0440\0443\0447\0435\043D\0438\044F\043C\0438 \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430 \0420\0435\0441\043F\0443\0431\043B\0438\043A\0438 \041A\0430\0437\0430\0445\0441\0442\0430\043D \0438 \043E\0441\0443\0449\0435\0441\0442\0432\043B\0435\043D\0438\044F \043A\043E\043D\0442\0440\043E\043B\044F \0437\0430 \0438\0445 \0438\0441\043F\043E\043B\043D\0435\043D\0438\0435\043C, \043C\043E\043D\0438\0442\043E\0440\0438\043D\0433\0430 \043D\043E\0440\043C\0430\0442\0438\0432\043D\044B\0445 \043F\0440\0430\0432\043E\0432\044B\0445 \0443\043A\0430\0437\043E\0432') END
    || '</div><h1>'
    || CASE WHEN is_kk
            THEN instruction_control.unicode_text('\049A\0430\0437\0430\049B\0441\0442\0430\043D \0420\0435\0441\043F\0443\0431\043B\0438\043A\0430\0441\044B \041F\0440\0435\0437\0438\0434\0435\043D\0442\0456\043D\0456\04A3 ') || report_html_escape(coalesce(report_long_date(a.signed_on, 'kk'), instruction_control.unicode_text('_____ 20__ \0436\044B\043B\0493\044B _____')))
                 || instruction_control.unicode_text(' \2116 ') || report_html_escape(coalesce(a.number, '_____')) || instruction_control.unicode_text(' \0430\043A\0442\0456\0441\0456\043D \043D\0435\043C\0435\0441\0435 \0442\0430\043F\0441\044B\0440\043C\0430\0441\044B\043D \0456\0441\043A\0435 \0430\0441\044B\0440\0443 \0431\043E\0439\044B\043D\0448\0430<br><span class="big">\0411\0410\049A\042B\041B\0410\0423\0414\042B \0411\0415\041A\0406\0422\0423</span>')
            ELSE instruction_control.unicode_text('<span class="big">\0423\0422\0412\0415\0420\0416\0414\0415\041D\0418\0415 \041A\041E\041D\0422\0420\041E\041B\042F</span><br>\043F\043E \0440\0435\0430\043B\0438\0437\0430\0446\0438\0438 \0430\043A\0442\0430 \0438\043B\0438 \043F\043E\0440\0443\0447\0435\043D\0438\044F \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430 \0420\0435\0441\043F\0443\0431\043B\0438\043A\0438 \041A\0430\0437\0430\0445\0441\0442\0430\043D \043E\0442 ')
                 || report_html_escape(coalesce(report_long_date(a.signed_on, 'ru'), instruction_control.unicode_text('\00AB___\00BB _______ 20__ \0433\043E\0434\0430'))) || instruction_control.unicode_text(' \2116 ') || report_html_escape(coalesce(a.number, '_____')) END
    || '</h1>'
    || CASE WHEN a.secrecy <> 'state_secret' AND a.title IS NOT NULL THEN '<p class="sub">' || report_html_escape(a.title) || '</p>' ELSE '' END
    || '<table><colgroup><col style="width:4%"><col style="width:27%"><col style="width:9%"><col style="width:12%"><col style="width:12%"><col style="width:15%"><col style="width:21%"></colgroup><thead><tr>'
    || CASE WHEN is_kk
            THEN instruction_control.unicode_text('<th>\0440/\0441 \2116</th><th>\0406\0441-\0448\0430\0440\0430\043D\044B\04A3 \0430\0442\0430\0443\044B</th><th>\041E\0440\044B\043D\0434\0430\043B\0443 \043C\0435\0440\0437\0456\043C\0456</th><th>\0410\044F\049B\0442\0430\043B\0443 \043D\044B\0441\0430\043D\044B</th><th>\0422\04AF\043F\043A\0456\043B\0456\043A\0442\0456 \043D\04D9\0442\0438\0436\0435*</th><th>\0416\0430\0443\0430\043F\0442\044B \043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043E\0440\0433\0430\043D</th><th>\0411\0430\049B\044B\043B\0430\0443\0493\0430 \0436\0430\0443\0430\043F\0442\044B \043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043E\0440\0433\0430\043D (\04AE\043A\0456\043C\0435\0442, \043E\0440\0442\0430\043B\044B\049B \043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043D\0435\043C\0435\0441\0435 \0436\0435\0440\0433\0456\043B\0456\043A\0442\0456 \0430\0442\049B\0430\0440\0443\0448\044B \043E\0440\0433\0430\043D). \041F\0440\0435\0437\0438\0434\0435\043D\0442 \04D8\043A\0456\043C\0448\0456\043B\0456\0433\0456\043D\0456\04A3 \0436\0430\0443\0430\043F\0442\044B \049B\04B1\0440\044B\043B\044B\043C\0434\044B\049B \0431\04E9\043B\0456\043C\0448\0435\0441\0456</th>')
            ELSE instruction_control.unicode_text('<th>\2116 \043F/\043F</th><th>\041D\0430\0438\043C\0435\043D\043E\0432\0430\043D\0438\0435 \043C\0435\0440\043E\043F\0440\0438\044F\0442\0438\044F</th><th>\0421\0440\043E\043A \0438\0441\043F\043E\043B\043D\0435\043D\0438\044F</th><th>\0424\043E\0440\043C\0430 \0437\0430\0432\0435\0440\0448\0435\043D\0438\044F</th><th>\041A\043E\043D\0435\0447\043D\044B\0439 \0440\0435\0437\0443\043B\044C\0442\0430\0442*</th><th>\041E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\044B\0439 \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0439 \043E\0440\0433\0430\043D</th><th>\0413\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0439 \043E\0440\0433\0430\043D, \043E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\044B\0439 \0437\0430 \043A\043E\043D\0442\0440\043E\043B\044C (\041F\0440\0430\0432\0438\0442\0435\043B\044C\0441\0442\0432\043E, \0446\0435\043D\0442\0440\0430\043B\044C\043D\044B\0439 \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0439 \0438\043B\0438 \043C\0435\0441\0442\043D\044B\0439 \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C\043D\044B\0439 \043E\0440\0433\0430\043D). \041E\0442\0432\0435\0442\0441\0442\0432\0435\043D\043D\043E\0435 \0441\0442\0440\0443\043A\0442\0443\0440\043D\043E\0435 \043F\043E\0434\0440\0430\0437\0434\0435\043B\0435\043D\0438\0435 \0410\0434\043C\0438\043D\0438\0441\0442\0440\0430\0446\0438\0438 \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430</th>') END
    || '</tr><tr class="num"><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>7</td></tr></thead><tbody>'
    || coalesce(rows, instruction_control.unicode_text('<tr><td colspan="7" class="c">\2014</td></tr>'))
    || '</tbody></table><p class="note">'
    || CASE WHEN is_kk
            THEN instruction_control.unicode_text('* \0442\04AF\043F\043A\0456\043B\0456\043A\0442\0456 \043D\04D9\0442\0438\0436\0435 \04E9\0437\0434\0435\0440\0456\043D\0456\04A3 \043C\0430\0437\043C\04B1\043D\044B \0431\0435\043B\0433\0456\043B\0456 \0431\0456\0440 \04E9\043B\0448\0435\043D\0435\0442\0456\043D \04D9\043B\0435\0443\043C\0435\0442\0442\0456\043A-\044D\043A\043E\043D\043E\043C\0438\043A\0430\043B\044B\049B \043D\0435\043C\0435\0441\0435 \04E9\0437\0433\0435 \0434\0435 \04D9\0441\0435\0440\0433\0435 \0436\0435\0442\0443\0433\0435 \043C\04AF\043C\043A\0456\043D\0434\0456\043A \0431\0435\0440\0435\0442\0456\043D \043D\0430\049B\0442\044B \0442\04B1\0436\044B\0440\044B\043C\0434\0430\043B\0493\0430\043D \0448\0430\0440\0430\043B\0430\0440 \049B\0430\0431\044B\043B\0434\0430\0443\0434\044B \0431\043E\043B\0436\0430\0439\0442\044B\043D \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440 \043C\0435\043D \0430\043A\0442\0456\043B\0435\0440 \0431\043E\0439\044B\043D\0448\0430 \0493\0430\043D\0430 \0430\0439\049B\044B\043D\0434\0430\043B\0430\0434\044B.')
            ELSE instruction_control.unicode_text('* \043A\043E\043D\0435\0447\043D\044B\0439 \0440\0435\0437\0443\043B\044C\0442\0430\0442 \043E\043F\0440\0435\0434\0435\043B\044F\0435\0442\0441\044F \0442\043E\043B\044C\043A\043E \043F\043E \043F\043E\0440\0443\0447\0435\043D\0438\044F\043C \0438 \0430\043A\0442\0430\043C, \043F\0440\0435\0434\043F\043E\043B\0430\0433\0430\044E\0449\0438\043C \043F\0440\0438\043D\044F\0442\0438\0435 \043A\043E\043D\043A\0440\0435\0442\043D\043E \0441\0444\043E\0440\043C\0443\043B\0438\0440\043E\0432\0430\043D\043D\044B\0445 \043C\0435\0440, \0441\043E\0434\0435\0440\0436\0430\043D\0438\0435 \043A\043E\0442\043E\0440\044B\0445 \043F\043E\0437\0432\043E\043B\044F\0435\0442 \0434\043E\0441\0442\0438\0447\044C \043E\043F\0440\0435\0434\0435\043B\0435\043D\043D\043E\0433\043E \0438\0437\043C\0435\0440\0438\043C\043E\0433\043E \0441\043E\0446\0438\0430\043B\044C\043D\043E-\044D\043A\043E\043D\043E\043C\0438\0447\0435\0441\043A\043E\0433\043E \0438\043B\0438 \0438\043D\043E\0433\043E \044D\0444\0444\0435\043A\0442\0430.') END
    || '</p></body></html>';
  RETURN h;
END
$$;
COMMENT ON FUNCTION form_control_approval_html(bigint, text) IS
  'Appendix 5 as a printable HTML document (A4 landscape) in Kazakh (kk) or Russian (ru); every interpolated value is HTML-escaped';

-- Shared page head of the printable forms.
CREATE FUNCTION report_html_head(title text, lang text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = instruction_control, pg_catalog
AS $$
  SELECT '<!DOCTYPE html>' || E'\n' || '<html lang="' || report_html_escape(lang) || '"><head><meta charset="utf-8"><title>'
      || report_html_escape(title) || '</title><style>'
      || '@page { size: A4 landscape; margin: 15mm 12mm; }'
      || 'body { font-family: "Times New Roman", "DejaVu Serif", "Liberation Serif", serif; font-size: 12pt; color: #000; margin: 0 8mm; }'
      || '.appendix { width: 42%; margin: 8px 0 14px auto; text-align: center; font-size: 10.5pt; }'
      || 'h1 { font-size: 13pt; text-align: center; font-weight: bold; margin: 10px 0 12px; }'
      || 'h1 .big { font-size: 14pt; letter-spacing: 0.5px; }'
      || 'p.sub { text-align: center; margin: 0 0 10px; font-style: italic; }'
      || 'table { border-collapse: collapse; width: 100%; font-size: 10.5pt; table-layout: fixed; }'
      || 'th, td { border: 1px solid #000; padding: 4px 5px; vertical-align: top; }'
      || 'th { font-weight: bold; text-align: center; vertical-align: middle; }'
      || 'tr.num td { text-align: center; font-size: 9pt; padding: 1px; }'
      || 'tr.sector td { font-weight: bold; font-style: italic; text-align: center; background: #f2f2f2; }'
      || 'td.n { text-align: center; white-space: nowrap; } td.c { text-align: center; }'
      || 'td { overflow-wrap: break-word; }'
      || '.pt { font-weight: bold; }'
      || 'p.note { font-size: 9.5pt; margin-top: 8px; }'
      || '.sign { margin-top: 18px; font-size: 11pt; }'
      || '</style></head><body>' || E'\n'
$$;
COMMENT ON FUNCTION report_html_head(text, text) IS
  'The head of a printable form: A4 landscape page, serif font with Cyrillic and Kazakh glyphs, bordered table';

-- Appendix 8: annual summary of a body ------------------------------------------
-- The instructions a body reports on: those under its control
-- (controlling_body_id), and those it executes below PA level where no
-- controlling body is recorded.  A year is the registry as it stood at the end
-- of its 31 December (instruction_as_of), so a decision taken later does not
-- change a past year's summary.  Rows: on control at some time in the year
-- (received by its end, not removed before it began).  Status: executed
-- (removed on ground executed), in progress (on control at the year's end), or
-- removed on another ground of R75 during the year (named in the status).

CREATE FUNCTION form_annual_summary(body_id bigint, year integer, lang text DEFAULT 'ru')
RETURNS TABLE (sector text, sector_heading text, row_no integer, instruction_id bigint, requisites text,
               content text, status text, status_label text, final_result text, intermediate_result text,
               due_date date, extensions integer, transfers integer, new_deadlines integer, state_secret boolean)
LANGUAGE plpgsql STABLE
SET search_path = instruction_control, pg_catalog
AS $$
DECLARE
  the_body bigint := body_id;
  y_start date;
  y_end date;
  is_kk boolean := report_check_lang(lang) = 'kk';
BEGIN
  IF NOT EXISTS (SELECT 1 FROM state_body b WHERE b.id = the_body) THEN
    RAISE EXCEPTION 'no state body %', coalesce(the_body::text, 'NULL')
      USING ERRCODE = 'IC303', HINT = 'Name a body of instruction_control.state_body by its id.';
  END IF;
  IF year IS NULL OR year < 2000 OR year > 2100 THEN
    RAISE EXCEPTION 'no annual summary for year %', coalesce(year::text, 'NULL')
      USING ERRCODE = 'IC304', HINT = 'Give a year from 2000 to 2100.';
  END IF;
  y_start := make_date(year, 1, 1);
  y_end := make_date(year, 12, 31);
  RETURN QUERY
  WITH mine AS (
    SELECT i.*
      FROM instruction i
     WHERE (i.controlling_body_id = the_body
            OR (i.controlling_body_id IS NULL AND i.responsible_body_id = the_body AND i.level <> 'pa'))
       AND coalesce(i.received_on, i.created_at::date) <= y_end
  ), rows AS (
    SELECT m.id, m.act_id, m.point, m.secrecy, m.content, m.final_result, m.paper_card_ref, m.received_on,
           m.calendar, m.external_ref,
           coalesce(rb.sector, '') AS sector_key,
           s.on_control, s.due_date AS due_then, s.removed_on AS removed_then, s.removal_ground,
           s.extensions AS ext, s.transfers AS tr, s.new_deadlines AS nd, s.regime AS regime_then
      FROM mine m
      JOIN instruction_as_of(y_end) s ON s.instruction_id = m.id
      LEFT JOIN state_body rb ON rb.id = m.responsible_body_id
     WHERE s.on_control OR s.removed_on >= y_start
  )
  SELECT nullif(r.sector_key, ''),
         sector_heading(nullif(r.sector_key, ''), lang),
         (row_number() OVER (PARTITION BY r.sector_key ORDER BY a.signed_on NULLS LAST, r.act_id NULLS LAST, r.point NULLS LAST, r.id))::integer,
         r.id,
         concat_ws(', ',
           CASE WHEN a.id IS NOT NULL
                THEN concat_ws(' ', a.act_type, CASE WHEN a.number IS NOT NULL THEN instruction_control.unicode_text('\2116 ') || a.number END,
                               CASE WHEN a.signed_on IS NOT NULL THEN CASE WHEN is_kk THEN report_date(a.signed_on) || instruction_control.unicode_text(' \0436.') ELSE instruction_control.unicode_text('\043E\0442 ') || report_date(a.signed_on) END END)
                ELSE CASE WHEN is_kk THEN instruction_control.unicode_text('\0442\0430\043F\0441\044B\0440\043C\0430') ELSE instruction_control.unicode_text('\043F\043E\0440\0443\0447\0435\043D\0438\0435') END
                     || CASE WHEN r.external_ref IS NOT NULL THEN ' ' || r.external_ref ELSE '' END
                     || CASE WHEN r.received_on IS NOT NULL THEN CASE WHEN is_kk THEN instruction_control.unicode_text(', \043A\0435\043B\0456\043F \0442\04AF\0441\0442\0456 ') ELSE instruction_control.unicode_text(', \043F\043E\0441\0442\0443\043F\0438\043B\043E ') END || report_date(r.received_on) ELSE '' END END,
           CASE WHEN r.point IS NOT NULL THEN CASE WHEN is_kk THEN r.point::text || instruction_control.unicode_text('-\0442\0430\0440\043C\0430\049B') ELSE instruction_control.unicode_text('\043F. ') || r.point::text END END),
         CASE WHEN r.secrecy = 'state_secret'
              THEN CASE WHEN is_kk THEN instruction_control.unicode_text('\041C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \049B\04B1\043F\0438\044F\043B\0430\0440 (R14): \049B\0430\0493\0430\0437 \043A\0430\0440\0442\043E\0447\043A\0430 ') ELSE instruction_control.unicode_text('\0413\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0435 \0441\0435\043A\0440\0435\0442\044B (R14): \0431\0443\043C\0430\0436\043D\0430\044F \043A\0430\0440\0442\043E\0447\043A\0430 ') END
                   || coalesce(r.paper_card_ref, instruction_control.unicode_text('\2014'))
              ELSE r.content END,
         CASE WHEN r.on_control THEN 'in_progress' WHEN r.removal_ground = 'executed' THEN 'executed' ELSE 'removed' END,
         CASE WHEN r.on_control THEN CASE WHEN is_kk THEN instruction_control.unicode_text('\043E\0440\044B\043D\0434\0430\043B\0443\0434\0430') ELSE instruction_control.unicode_text('\043D\0430 \0438\0441\043F\043E\043B\043D\0435\043D\0438\0438') END
              WHEN r.removal_ground = 'executed' THEN CASE WHEN is_kk THEN instruction_control.unicode_text('\043E\0440\044B\043D\0434\0430\043B\0493\0430\043D') ELSE instruction_control.unicode_text('\0438\0441\043F\043E\043B\043D\0435\043D\043E') END
              ELSE CASE WHEN is_kk THEN instruction_control.unicode_text('\0431\0430\049B\044B\043B\0430\0443\0434\0430\043D \0430\043B\044B\043D\0434\044B: ') ELSE instruction_control.unicode_text('\0441\043D\044F\0442\043E \0441 \043A\043E\043D\0442\0440\043E\043B\044F: ') END
                   || (coalesce((SELECT CASE WHEN is_kk THEN v.kk ELSE v.ru END FROM vocabulary v
                                       WHERE v.domain = 'removal_ground' AND v.code = r.removal_ground), r.removal_ground, '')) END,
         -- executed: the final result in brief
         CASE WHEN NOT r.on_control AND r.removal_ground = 'executed' THEN
           CASE WHEN r.secrecy = 'state_secret' THEN NULL
                ELSE coalesce(
                  (SELECT p.content FROM report p WHERE p.instruction_id = r.id AND p.kind = 'final' AND p.submitted_on <= y_end
                    ORDER BY p.submitted_on DESC, p.id DESC LIMIT 1),
                  r.final_result) END
           || ''
         END,
         -- in progress: the intermediate result with the facts of extensions, transfers and new deadlines
         CASE WHEN r.on_control OR r.removal_ground <> 'executed' THEN
           nullif(concat_ws(' ',
             CASE WHEN r.secrecy <> 'state_secret' AND r.on_control THEN
               (SELECT p.content || '.' FROM report p WHERE p.instruction_id = r.id AND p.kind = 'intermediate' AND p.submitted_on <= y_end
                 ORDER BY p.submitted_on DESC, p.id DESC LIMIT 1) END,
             (SELECT string_agg(
                CASE d.kind
                  WHEN 'extension' THEN
                    CASE WHEN is_kk THEN report_date(d.decided_on) || instruction_control.unicode_text(' \043C\0435\0440\0437\0456\043C ') || coalesce(report_date(d.old_due_date), '') || instruction_control.unicode_text(' \0431\0430\0441\0442\0430\043F ') || report_date(d.new_due_date) || instruction_control.unicode_text(' \0434\0435\0439\0456\043D ') || CASE WHEN d.repeated THEN instruction_control.unicode_text('\049B\0430\0439\0442\0430\043B\0430\043F ') ELSE '' END || instruction_control.unicode_text('\04B1\0437\0430\0440\0442\044B\043B\0434\044B')
                                    || ' (' || coalesce((SELECT v.kk FROM vocabulary v WHERE v.domain = 'decider' AND v.code = d.decided_by::text), d.decided_by::text, '') || ')'
                         ELSE instruction_control.unicode_text('\0421\0440\043E\043A ') || CASE WHEN d.repeated THEN instruction_control.unicode_text('\043F\043E\0432\0442\043E\0440\043D\043E ') ELSE '' END || instruction_control.unicode_text('\043F\0440\043E\0434\043B\0451\043D ') || report_date(d.decided_on) || instruction_control.unicode_text(' \0441 ') || coalesce(report_date(d.old_due_date), '') || instruction_control.unicode_text(' \0434\043E ') || report_date(d.new_due_date)
                                    || ' (' || coalesce((SELECT v.ru FROM vocabulary v WHERE v.domain = 'decider' AND v.code = d.decided_by::text), d.decided_by::text, '') || ')' END
                  WHEN 'transfer' THEN
                    CASE WHEN is_kk THEN report_date(d.decided_on) || ' ' || lower(coalesce((SELECT v.kk FROM vocabulary v WHERE v.domain = 'control_regime' AND v.code = d.new_regime::text), d.new_regime::text, '')) || instruction_control.unicode_text('\0493\0430 \0430\0443\044B\0441\0442\044B\0440\044B\043B\0434\044B, \043C\0435\0440\0437\0456\043C ') || coalesce(report_date(d.new_due_date), '')
                         ELSE instruction_control.unicode_text('\041F\0435\0440\0435\0432\0435\0434\0435\043D\043E \043D\0430 ') || CASE d.new_regime::text WHEN 'medium_term' THEN instruction_control.unicode_text('\0441\0440\0435\0434\043D\0435\0441\0440\043E\0447\043D\044B\0439') WHEN 'long_term' THEN instruction_control.unicode_text('\0434\043E\043B\0433\043E\0441\0440\043E\0447\043D\044B\0439') ELSE coalesce(d.new_regime::text, '') END || instruction_control.unicode_text(' \043A\043E\043D\0442\0440\043E\043B\044C ') || report_date(d.decided_on) || instruction_control.unicode_text(', \0441\0440\043E\043A \0434\043E ') || coalesce(report_date(d.new_due_date), '') END
                  WHEN 'new_deadline' THEN
                    CASE WHEN is_kk THEN report_date(d.decided_on) || instruction_control.unicode_text(' \0436\0430\04A3\0430 \043C\0435\0440\0437\0456\043C \0431\0435\043B\0433\0456\043B\0435\043D\0434\0456: ') || report_date(d.new_due_date)
                                    || CASE WHEN r.secrecy <> 'state_secret' AND d.reason IS NOT NULL THEN ' (' || lower(coalesce((SELECT v.kk FROM vocabulary v WHERE v.domain = 'new_deadline_reason' AND v.code = d.reason), d.reason)) || ')' ELSE '' END
                         ELSE instruction_control.unicode_text('\0423\0441\0442\0430\043D\043E\0432\043B\0435\043D \043D\043E\0432\044B\0439 \0441\0440\043E\043A ') || report_date(d.decided_on) || instruction_control.unicode_text(': \0434\043E ') || report_date(d.new_due_date)
                                    || CASE WHEN r.secrecy <> 'state_secret' AND d.reason IS NOT NULL THEN ' (' || lower(coalesce((SELECT v.ru FROM vocabulary v WHERE v.domain = 'new_deadline_reason' AND v.code = d.reason), d.reason)) || ')' ELSE '' END END
                  WHEN 'removal' THEN
                    CASE WHEN is_kk THEN report_date(d.decided_on) || instruction_control.unicode_text(' \0431\0430\049B\044B\043B\0430\0443\0434\0430\043D \0430\043B\044B\043D\0434\044B') ELSE instruction_control.unicode_text('\0421\043D\044F\0442\043E \0441 \043A\043E\043D\0442\0440\043E\043B\044F ') || report_date(d.decided_on) END
                END || '.', ' ' ORDER BY d.seq)
                FROM decision d
               WHERE d.instruction_id = r.id AND d.decided_on <= y_end AND d.kind <> 'roadmap_approval'),
             CASE WHEN r.on_control THEN
               CASE WHEN is_kk THEN instruction_control.unicode_text('\041E\0440\044B\043D\0434\0430\0443 \043C\0435\0440\0437\0456\043C\0456: ') || coalesce(report_date(r.due_then), instruction_control.unicode_text('\2014'))
                                    || CASE WHEN r.due_then < y_end THEN instruction_control.unicode_text(' (\04E9\0442\0456\043F \043A\0435\0442\0442\0456)') ELSE '' END || '.'
                    ELSE instruction_control.unicode_text('\0421\0440\043E\043A \0438\0441\043F\043E\043B\043D\0435\043D\0438\044F: ') || coalesce(report_date(r.due_then), instruction_control.unicode_text('\2014'))
                         || CASE WHEN r.due_then < y_end THEN instruction_control.unicode_text(' (\0438\0441\0442\0451\043A)') ELSE '' END || '.' END END), '')
         END,
         r.due_then,
         r.ext, r.tr, r.nd,
         r.secrecy = 'state_secret'
    FROM rows r
    LEFT JOIN act a ON a.id = r.act_id
   ORDER BY 2, 3;
END
$$;
DO $ic_comment$ BEGIN EXECUTE pg_catalog.format('COMMENT ON FUNCTION form_annual_summary(bigint, integer, text) IS %L',
  instruction_control.unicode_text('Appendix 8, annual summary of a body for a year (\0436\044B\043B \0441\0430\0439\044B\043D\0493\044B \0436\0438\044B\043D\0442\044B\049B \0435\0441\0435\043F / \0435\0436\0435\0433\043E\0434\043D\044B\0439 \0441\0432\043E\0434\043D\044B\0439 \043E\0442\0447\0451\0442, R75-1): the instructions under its control as they stood at the year''s end (instruction_as_of), grouped by sector, status executed / in progress, the final result or the intermediate result with the facts of extensions, transfers and new deadlines. lang kk or ru (IC301); unknown body IC303; year outside 2000-2100 IC304')); END $ic_comment$;

CREATE FUNCTION form_annual_summary_csv(body_id bigint, year integer, lang text DEFAULT 'ru') RETURNS text
LANGUAGE sql STABLE
SET search_path = instruction_control, pg_catalog
AS $$
  SELECT (SELECT string_agg(report_csv_field(h.heading), ',' ORDER BY h.n)
            FROM unnest(CASE lang
                   WHEN 'kk' THEN ARRAY[instruction_control.unicode_text('\0421\0430\043B\0430'), instruction_control.unicode_text('\0440/\0441 \2116'), instruction_control.unicode_text('\0422\0430\043F\0441\044B\0440\043C\0430\043D\044B\04A3 \0434\0435\0440\0435\043A\0442\0435\043C\0435\043B\0435\0440\0456'), instruction_control.unicode_text('\0422\0430\043F\0441\044B\0440\043C\0430\043D\044B\04A3 \043C\0430\0437\043C\04B1\043D\044B'), instruction_control.unicode_text('\041E\0440\044B\043D\0434\0430\043B\0443 \043C\04D9\0440\0442\0435\0431\0435\0441\0456 (\043E\0440\044B\043D\0434\0430\043B\0493\0430\043D, \043E\0440\044B\043D\0434\0430\043B\0443\0434\0430)'),
                                        instruction_control.unicode_text('\0415\0433\0435\0440 \0442\0430\043F\0441\044B\0440\043C\0430 \043E\0440\044B\043D\0434\0430\043B\0441\0430, \0442\04AF\043F\043A\0456\043B\0456\043A\0442\0456 \043D\04D9\0442\0438\0436\0435 \049B\044B\0441\049B\0430\0448\0430 \0431\0430\044F\043D\0434\0430\043B\0441\044B\043D'),
                                        instruction_control.unicode_text('\0415\0433\0435\0440 \0442\0430\043F\0441\044B\0440\043C\0430 \043E\0440\044B\043D\0434\0430\043B\044B\043F \0436\0430\0442\0441\0430, \0430\0440\0430\043B\044B\049B \043D\04D9\0442\0438\0436\0435 \049B\044B\0441\049B\0430\0448\0430 \0431\0430\044F\043D\0434\0430\043B\0441\044B\043D (\043E\043D\044B\04A3 \0456\0448\0456\043D\0434\0435 \043C\0435\0440\0437\0456\043C\0434\0435\0440\0434\0456 \04B1\0437\0430\0440\0442\0443, \043E\0440\0442\0430 \043C\0435\0440\0437\0456\043C\0434\0456/ \04B1\0437\0430\049B \043C\0435\0440\0437\0456\043C\0434\0456 \0431\0430\049B\044B\043B\0430\0443\0493\0430 \0430\0443\044B\0441\0442\044B\0440\0443, \0436\0430\04A3\0430 \043C\0435\0440\0437\0456\043C\0434\0435\0440\0434\0456 \0431\0435\043B\0433\0456\043B\0435\0443 \0444\0430\043A\0442\0456\043B\0435\0440\0456 \043A\04E9\0440\0441\0435\0442\0456\043B\0435 \043E\0442\044B\0440\044B\043F)')]
                   ELSE ARRAY[instruction_control.unicode_text('\0421\0444\0435\0440\0430'), instruction_control.unicode_text('\2116 \043F/\043F'), instruction_control.unicode_text('\0420\0435\043A\0432\0438\0437\0438\0442\044B \043F\043E\0440\0443\0447\0435\043D\0438\044F'), instruction_control.unicode_text('\0421\043E\0434\0435\0440\0436\0430\043D\0438\0435 \043F\043E\0440\0443\0447\0435\043D\0438\044F'), instruction_control.unicode_text('\0421\0442\0430\0442\0443\0441 \0438\0441\043F\043E\043B\043D\0435\043D\0438\044F (\0438\0441\043F\043E\043B\043D\0435\043D\043E, \043D\0430 \0438\0441\043F\043E\043B\043D\0435\043D\0438\0438)'),
                              instruction_control.unicode_text('\0415\0441\043B\0438 \043F\043E\0440\0443\0447\0435\043D\0438\0435 \0438\0441\043F\043E\043B\043D\0435\043D\043E, \043A\0440\0430\0442\043A\043E \0438\0437\043B\043E\0436\0438\0442\044C \043A\043E\043D\0435\0447\043D\044B\0439 \0440\0435\0437\0443\043B\044C\0442\0430\0442'),
                              instruction_control.unicode_text('\0415\0441\043B\0438 \043F\043E\0440\0443\0447\0435\043D\0438\0435 \043D\0430\0445\043E\0434\0438\0442\0441\044F \043D\0430 \0438\0441\043F\043E\043B\043D\0435\043D\0438\0438, \043A\0440\0430\0442\043A\043E \0438\0437\043B\043E\0436\0438\0442\044C \043F\0440\043E\043C\0435\0436\0443\0442\043E\0447\043D\044B\0439 \0440\0435\0437\0443\043B\044C\0442\0430\0442 (\0432 \0442\043E\043C \0447\0438\0441\043B\0435 \0441 \0443\043A\0430\0437\0430\043D\0438\0435\043C \0444\0430\043A\0442\043E\0432 \043F\0440\043E\0434\043B\0435\043D\0438\044F \0441\0440\043E\043A\043E\0432, \043F\0435\0440\0435\0432\043E\0434\0430 \043D\0430 \0441\0440\0435\0434\043D\0435\0441\0440\043E\0447\043D\044B\0439/\0434\043E\043B\0433\043E\0441\0440\043E\0447\043D\044B\0439 \043A\043E\043D\0442\0440\043E\043B\044C, \0443\0441\0442\0430\043D\043E\0432\043B\0435\043D\0438\044F \043D\043E\0432\044B\0445 \0441\0440\043E\043A\043E\0432)')]
                 END) WITH ORDINALITY AS h(heading, n))
         || E'\r\n'
         || coalesce(string_agg(concat_ws(',', report_csv_field(f.sector_heading), f.row_no::text, report_csv_field(f.requisites),
                                          report_csv_field(f.content), report_csv_field(f.status_label),
                                          report_csv_field(f.final_result), report_csv_field(f.intermediate_result))
                                || E'\r\n', '' ORDER BY f.sector_heading, f.row_no), '')
    FROM form_annual_summary(body_id, year, lang) f
$$;
COMMENT ON FUNCTION form_annual_summary_csv(bigint, integer, text) IS
  'Appendix 8 as CSV (RFC 4180, CRLF, a header row with the form''s column headings in kk or ru; the sector heading in the first column)';

CREATE FUNCTION form_annual_summary_html(body_id bigint, year integer, lang text DEFAULT 'ru') RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = instruction_control, pg_catalog
AS $$
DECLARE
  is_kk boolean := report_check_lang(lang) = 'kk';
  b state_body;
  rows text;
BEGIN
  SELECT * INTO b FROM state_body WHERE id = body_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no state body %', coalesce(body_id::text, 'NULL')
      USING ERRCODE = 'IC303', HINT = 'Name a body of instruction_control.state_body by its id.';
  END IF;
  SELECT string_agg(
           CASE WHEN f.row_no = 1 THEN '<tr class="sector"><td colspan="6">' || report_html_escape(f.sector_heading) || '</td></tr>' || E'\n' ELSE '' END
           || format('<tr><td class="n">%s.</td><td>%s</td><td>%s</td><td class="c">%s</td><td>%s</td><td>%s</td></tr>',
                     f.row_no, coalesce(report_html_escape(f.requisites), ''), coalesce(report_html_escape(f.content), ''),
                     coalesce(report_html_escape(f.status_label), ''), coalesce(report_html_escape(f.final_result), ''),
                     coalesce(report_html_escape(f.intermediate_result), '')),
           E'\n' ORDER BY f.sector_heading, f.row_no)
    INTO rows
    FROM form_annual_summary(body_id, year, lang) f;
  RETURN report_html_head(CASE WHEN is_kk THEN instruction_control.unicode_text('\0416\044B\043B \0441\0430\0439\044B\043D\0493\044B \0436\0438\044B\043D\0442\044B\049B \0435\0441\0435\043F') ELSE instruction_control.unicode_text('\0415\0436\0435\0433\043E\0434\043D\044B\0439 \0441\0432\043E\0434\043D\044B\0439 \043E\0442\0447\0451\0442') END, lang)
    || '<div class="appendix">'
    || CASE WHEN is_kk
            THEN instruction_control.unicode_text('\049A\0430\0437\0430\049B\0441\0442\0430\043D \0420\0435\0441\043F\0443\0431\043B\0438\043A\0430\0441\044B \041F\0440\0435\0437\0438\0434\0435\043D\0442\0456\043D\0456\04A3 \0436\043E\043B\0434\0430\0443\044B\043D \0434\0430\0439\044B\043D\0434\0430\0443 \0436\04D9\043D\0435 \0456\0441\043A\0435 \0430\0441\044B\0440\0443, \0430\043A\0442\0456\043B\0435\0440\0456\043C\0435\043D \0436\04D9\043D\0435 \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440\044B\043C\0435\043D \0436\04B1\043C\044B\0441 \0456\0441\0442\0435\0443 \0436\04D9\043D\0435 \043E\043B\0430\0440\0434\044B\04A3 \043E\0440\044B\043D\0434\0430\043B\0443\044B\043D \0431\0430\049B\044B\043B\0430\0443\0434\044B \0436\04AF\0437\0435\0433\0435 \0430\0441\044B\0440\0443, \043D\043E\0440\043C\0430\0442\0438\0432\0442\0456\043A \049B\04B1\049B\044B\049B\0442\044B\049B \0436\0430\0440\043B\044B\049B\0442\0430\0440\0493\0430 \043C\043E\043D\0438\0442\043E\0440\0438\043D\0433 \0436\04AF\0440\0433\0456\0437\0443 \049B\0430\0493\0438\0434\0430\043B\0430\0440\044B\043D\0430<br><b>8-\049B\043E\0441\044B\043C\0448\0430</b>')
            ELSE instruction_control.unicode_text('<b>\041F\0440\0438\043B\043E\0436\0435\043D\0438\0435 8</b><br>\043A \041F\0440\0430\0432\0438\043B\0430\043C \043F\043E\0434\0433\043E\0442\043E\0432\043A\0438 \0438 \0440\0435\0430\043B\0438\0437\0430\0446\0438\0438 \041F\043E\0441\043B\0430\043D\0438\044F \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430 \0420\0435\0441\043F\0443\0431\043B\0438\043A\0438 \041A\0430\0437\0430\0445\0441\0442\0430\043D, \0440\0430\0431\043E\0442\044B \0441 \0430\043A\0442\0430\043C\0438 \0438 \043F\043E\0440\0443\0447\0435\043D\0438\044F\043C\0438 \041F\0440\0435\0437\0438\0434\0435\043D\0442\0430 \0420\0435\0441\043F\0443\0431\043B\0438\043A\0438 \041A\0430\0437\0430\0445\0441\0442\0430\043D \0438 \043E\0441\0443\0449\0435\0441\0442\0432\043B\0435\043D\0438\044F \043A\043E\043D\0442\0440\043E\043B\044F \0437\0430 \0438\0445 \0438\0441\043F\043E\043B\043D\0435\043D\0438\0435\043C, \043C\043E\043D\0438\0442\043E\0440\0438\043D\0433\0430 \043D\043E\0440\043C\0430\0442\0438\0432\043D\044B\0445 \043F\0440\0430\0432\043E\0432\044B\0445 \0443\043A\0430\0437\043E\0432') END
    || '</div><h1>'
    || CASE WHEN is_kk
            THEN instruction_control.unicode_text('\04AE\043A\0456\043C\0435\0442\0442\0456\04A3 (\043E\0440\0442\0430\043B\044B\049B \043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043D\0435\043C\0435\0441\0435 \0436\0435\0440\0433\0456\043B\0456\043A\0442\0456 \0430\0442\049B\0430\0440\0443\0448\044B \043E\0440\0433\0430\043D\043D\044B\04A3) \04E9\0437\0434\0435\0440\0456\043D\0456\04A3 \0431\0430\049B\044B\043B\0430\0443\044B\043D\0430 \0431\0435\0440\0456\043B\0433\0435\043D \0442\0430\043F\0441\044B\0440\043C\0430\043B\0430\0440 \0431\043E\0439\044B\043D\0448\0430 \0436\044B\043B \0441\0430\0439\044B\043D\0493\044B \0436\0438\044B\043D\0442\044B\049B \0435\0441\0435\0431\0456')
            ELSE instruction_control.unicode_text('\0415\0436\0435\0433\043E\0434\043D\044B\0439 \0441\0432\043E\0434\043D\044B\0439 \043E\0442\0447\0451\0442 \041F\0440\0430\0432\0438\0442\0435\043B\044C\0441\0442\0432\0430 (\0446\0435\043D\0442\0440\0430\043B\044C\043D\043E\0433\043E \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\043E\0433\043E \0438\043B\0438 \043C\0435\0441\0442\043D\043E\0433\043E \0438\0441\043F\043E\043B\043D\0438\0442\0435\043B\044C\043D\043E\0433\043E \043E\0440\0433\0430\043D\0430) \043F\043E \043F\043E\0440\0443\0447\0435\043D\0438\044F\043C, \043F\0435\0440\0435\0434\0430\043D\043D\044B\043C \043D\0430 \0438\0445 \043A\043E\043D\0442\0440\043E\043B\044C') END
    || '</h1><p class="sub">'
    || report_html_escape(CASE WHEN is_kk THEN coalesce(b.name_kk, b.name) || instruction_control.unicode_text(' \2014 ') || year || instruction_control.unicode_text(' \0436\044B\043B')
                               ELSE coalesce(b.name_ru, b.name) || instruction_control.unicode_text(' \2014 ') || year || instruction_control.unicode_text(' \0433\043E\0434') END)
    || '</p><table><colgroup><col style="width:4%"><col style="width:14%"><col style="width:24%"><col style="width:11%"><col style="width:19%"><col style="width:28%"></colgroup><thead><tr>'
    || CASE WHEN is_kk
            THEN instruction_control.unicode_text('<th>\0440/\0441 \2116</th><th>\0422\0430\043F\0441\044B\0440\043C\0430\043D\044B\04A3 \0434\0435\0440\0435\043A\0442\0435\043C\0435\043B\0435\0440\0456</th><th>\0422\0430\043F\0441\044B\0440\043C\0430\043D\044B\04A3 \043C\0430\0437\043C\04B1\043D\044B</th><th>\041E\0440\044B\043D\0434\0430\043B\0443 \043C\04D9\0440\0442\0435\0431\0435\0441\0456 (\043E\0440\044B\043D\0434\0430\043B\0493\0430\043D, \043E\0440\044B\043D\0434\0430\043B\0443\0434\0430)</th><th>\0415\0433\0435\0440 \0442\0430\043F\0441\044B\0440\043C\0430 \043E\0440\044B\043D\0434\0430\043B\0441\0430, \0442\04AF\043F\043A\0456\043B\0456\043A\0442\0456 \043D\04D9\0442\0438\0436\0435 \049B\044B\0441\049B\0430\0448\0430 \0431\0430\044F\043D\0434\0430\043B\0441\044B\043D</th><th>\0415\0433\0435\0440 \0442\0430\043F\0441\044B\0440\043C\0430 \043E\0440\044B\043D\0434\0430\043B\044B\043F \0436\0430\0442\0441\0430, \0430\0440\0430\043B\044B\049B \043D\04D9\0442\0438\0436\0435 \049B\044B\0441\049B\0430\0448\0430 \0431\0430\044F\043D\0434\0430\043B\0441\044B\043D (\043E\043D\044B\04A3 \0456\0448\0456\043D\0434\0435 \043C\0435\0440\0437\0456\043C\0434\0435\0440\0434\0456 \04B1\0437\0430\0440\0442\0443, \043E\0440\0442\0430 \043C\0435\0440\0437\0456\043C\0434\0456/ \04B1\0437\0430\049B \043C\0435\0440\0437\0456\043C\0434\0456 \0431\0430\049B\044B\043B\0430\0443\0493\0430 \0430\0443\044B\0441\0442\044B\0440\0443, \0436\0430\04A3\0430 \043C\0435\0440\0437\0456\043C\0434\0435\0440\0434\0456 \0431\0435\043B\0433\0456\043B\0435\0443 \0444\0430\043A\0442\0456\043B\0435\0440\0456 \043A\04E9\0440\0441\0435\0442\0456\043B\0435 \043E\0442\044B\0440\044B\043F)</th>')
            ELSE instruction_control.unicode_text('<th>\2116 \043F/\043F</th><th>\0420\0435\043A\0432\0438\0437\0438\0442\044B \043F\043E\0440\0443\0447\0435\043D\0438\044F</th><th>\0421\043E\0434\0435\0440\0436\0430\043D\0438\0435 \043F\043E\0440\0443\0447\0435\043D\0438\044F</th><th>\0421\0442\0430\0442\0443\0441 \0438\0441\043F\043E\043B\043D\0435\043D\0438\044F (\0438\0441\043F\043E\043B\043D\0435\043D\043E, \043D\0430 \0438\0441\043F\043E\043B\043D\0435\043D\0438\0438)</th><th>\0415\0441\043B\0438 \043F\043E\0440\0443\0447\0435\043D\0438\0435 \0438\0441\043F\043E\043B\043D\0435\043D\043E, \043A\0440\0430\0442\043A\043E \0438\0437\043B\043E\0436\0438\0442\044C \043A\043E\043D\0435\0447\043D\044B\0439 \0440\0435\0437\0443\043B\044C\0442\0430\0442</th><th>\0415\0441\043B\0438 \043F\043E\0440\0443\0447\0435\043D\0438\0435 \043D\0430\0445\043E\0434\0438\0442\0441\044F \043D\0430 \0438\0441\043F\043E\043B\043D\0435\043D\0438\0438, \043A\0440\0430\0442\043A\043E \0438\0437\043B\043E\0436\0438\0442\044C \043F\0440\043E\043C\0435\0436\0443\0442\043E\0447\043D\044B\0439 \0440\0435\0437\0443\043B\044C\0442\0430\0442 (\0432 \0442\043E\043C \0447\0438\0441\043B\0435 \0441 \0443\043A\0430\0437\0430\043D\0438\0435\043C \0444\0430\043A\0442\043E\0432 \043F\0440\043E\0434\043B\0435\043D\0438\044F \0441\0440\043E\043A\043E\0432, \043F\0435\0440\0435\0432\043E\0434\0430 \043D\0430 \0441\0440\0435\0434\043D\0435\0441\0440\043E\0447\043D\044B\0439/\0434\043E\043B\0433\043E\0441\0440\043E\0447\043D\044B\0439 \043A\043E\043D\0442\0440\043E\043B\044C, \0443\0441\0442\0430\043D\043E\0432\043B\0435\043D\0438\044F \043D\043E\0432\044B\0445 \0441\0440\043E\043A\043E\0432)</th>') END
    || '</tr><tr class="num"><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td></tr></thead><tbody>'
    || coalesce(rows, instruction_control.unicode_text('<tr><td colspan="6" class="c">\2014</td></tr>'))
    || '</tbody></table><p class="note">'
    || CASE WHEN is_kk THEN instruction_control.unicode_text('* \043E\0440\0442\0430\043B\044B\049B \043C\0435\043C\043B\0435\043A\0435\0442\0442\0456\043A \043E\0440\0433\0430\043D\0434\0430\0440 \04E9\0437\0434\0435\0440\0456\043D\0456\04A3 \0435\0440\0435\0436\0435\043B\0435\0440\0456\043D\0435 \0441\04D9\0439\043A\0435\0441 \0440\0435\0442\0442\0435\0443 \0441\0430\043B\0430\0441\044B\043D \043A\04E9\0440\0441\0435\0442\0435\0434\0456.')
            ELSE instruction_control.unicode_text('* \0446\0435\043D\0442\0440\0430\043B\044C\043D\044B\0435 \0433\043E\0441\0443\0434\0430\0440\0441\0442\0432\0435\043D\043D\044B\0435 \043E\0440\0433\0430\043D\044B \0443\043A\0430\0437\044B\0432\0430\044E\0442 \0441\0444\0435\0440\0443 \0440\0435\0433\0443\043B\0438\0440\043E\0432\0430\043D\0438\044F \0432 \0441\043E\043E\0442\0432\0435\0442\0441\0442\0432\0438\0438 \0441\043E \0441\0432\043E\0438\043C\0438 \043F\043E\043B\043E\0436\0435\043D\0438\044F\043C\0438.') END
    || '</p></body></html>';
END
$$;
COMMENT ON FUNCTION form_annual_summary_html(bigint, integer, text) IS
  'Appendix 8 as a printable HTML document (A4 landscape) in Kazakh (kk) or Russian (ru), rows grouped under sector headings; every interpolated value is HTML-escaped';

-- Indexes the reports use --------------------------------------------------------

-- Dashboards filter report_discipline by year, quarter or month of the deadline
-- and group by body and month: statistics on those expressions let the planner
-- estimate them (without them a year is guessed at 0.5% of the rows).
CREATE STATISTICS instruction_report_period_stats
  ON responsible_body_id, (date_trunc('month', due_date::timestamp)::date),
     (extract(year FROM date_trunc('month', due_date::timestamp)::date)::integer)
  FROM instruction;
COMMENT ON STATISTICS instruction_report_period_stats IS
  'Lets the planner estimate report_discipline''s filters on the year and its grouping by body and month of the deadline';

-- The discipline figures count the few decisions that are not first extensions
-- or removals (transfers, new deadlines, repeated extensions) from this small
-- partial index instead of reading the whole journal; a first extension or a
-- removal, the bulk of the journal, does not enter it.
CREATE INDEX decision_report_changes_idx ON decision (instruction_id, kind)
  WHERE kind IN ('transfer', 'new_deadline') OR (kind = 'extension' AND repeated);
COMMENT ON INDEX decision_report_changes_idx IS
  'The transfers, new deadlines and repeated extensions of the journal, for report_discipline';

-- Appendix 8 selects a body's instructions by the controlling body.
CREATE INDEX instruction_controlling_idx ON instruction (controlling_body_id) WHERE controlling_body_id IS NOT NULL;
COMMENT ON INDEX instruction_controlling_idx IS 'The instructions under a body''s control, for the annual summary (Appendix 8)';

-- Privileges: the Security section (90_security.sql).

-- ===========================================================================
-- Security: roles, privileges and row-level security
--
-- Every "who may do what" of the database lives here, after every object it
-- names.  Four group roles (NOLOGIN, created if missing; roles belong to the
-- cluster, so they outlive DROP EXTENSION), each with what its job needs:
--
--   ic_reader      reads the registry -- the slice of its state bodies
--   ic_executor    an executing body: reads its slice, submits reports and
--                  registers roadmaps on its instructions (member of ic_reader)
--   ic_controller  controls: reads everything, puts instructions on control,
--                  records decisions (member of ic_reader)
--   ic_admin       keeps the registry: calendar, decision matrix, synonyms,
--                  bodies and who belongs to them, imports of history, sweeps
--                  and their schedule (member of ic_controller)
--   ic_integrator  an integrator (EDMS, bot, mail gateway): reads the outbox of
--                  events and marks them delivered
--
-- A login role gets a job by membership: GRANT ic_controller TO alice.  Which
-- state bodies a role acts for is data (body_member).  PUBLIC keeps what every
-- user of the calendar functions needs: the calendar, the labels and the rules.
--
-- A role that is none of these sees no row of the registry's tables with row
-- security (default deny), whatever it was granted: give it one of the roles.
--
-- Row-level security: a reader or executor sees the instructions whose
-- responsible or co-executing body is one of its bodies, and the journal,
-- reports, roadmaps and executors of those; a controller sees all.  Superusers
-- and the tables' owner are not subject to it.  The journal itself locks and
-- writes the instruction a decision or report concerns as the registry (see
-- registry_facts.c): a role needs no UPDATE privilege on instruction, only to
-- see the instruction -- one it may not see does not exist for it (23503).
-- ===========================================================================

-- The roles are created in the Foundation section, before any object grants to them.

-- Who acts for which state body ---------------------------------------------

CREATE TABLE body_member (
  member    name NOT NULL,
  body_id   bigint NOT NULL REFERENCES state_body ON DELETE CASCADE,
  PRIMARY KEY (member, body_id)
);
COMMENT ON TABLE body_member IS
  'Which state bodies a database role acts for: a reader or executor sees the instructions of these bodies (row-level security). Kept by ic_admin';
COMMENT ON COLUMN body_member.member IS 'A database role (a login role or a group); its members act for the body too';
COMMENT ON COLUMN body_member.body_id IS 'The state body';
SELECT pg_catalog.pg_extension_config_dump('body_member', '');

CREATE FUNCTION my_bodies() RETURNS bigint[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(array_agg(DISTINCT m.body_id ORDER BY m.body_id), '{}')
    FROM instruction_control.body_member m
    JOIN pg_catalog.pg_roles r ON r.rolname = m.member
   WHERE pg_catalog.pg_has_role(r.oid, 'MEMBER')
$$;
COMMENT ON FUNCTION my_bodies() IS
  'The state bodies the current role acts for (body_member, through role membership)';

-- Privileges ----------------------------------------------------------------

GRANT USAGE ON SCHEMA instruction_control TO PUBLIC;
-- the calendar, the labels and who may decide are public facts; the
-- working-day functions read them as the caller
GRANT SELECT ON calendar, calendar_year, calendar_holiday_rule, calendar_day,
  vocabulary, vocabulary_synonym, rule, decision_rule, decision_authority, decision_matrix TO PUBLIC;

-- the registry's functions are for its roles; the calendar's stay public
REVOKE EXECUTE ON FUNCTION put_on_control, extend_deadline, transfer_control, set_new_deadline,
  remove_from_control, register_roadmap, submit_report, who_may_decide, record_decisions,
  extend_deadlines, import_instruction, import_decision, instruction_as_of, my_bodies,
  extend_calendar, add_transfer, confirm_calendar_year, generate_calendar_year,
  calendar_generate_years FROM PUBLIC;

GRANT SELECT ON instruction, decision, instruction_executor, act, state_body, roadmap, report,
  body_member TO ic_reader;
GRANT EXECUTE ON FUNCTION who_may_decide, instruction_as_of, my_bodies TO ic_reader;

GRANT INSERT ON roadmap, report TO ic_executor;
GRANT USAGE ON SEQUENCE roadmap_id_seq, report_id_seq TO ic_executor;
GRANT EXECUTE ON FUNCTION register_roadmap, submit_report TO ic_executor;

GRANT INSERT ON instruction, act, decision, roadmap, report TO ic_controller;
-- descriptive columns only: the guard refuses the card's facts and the columns decisions own
GRANT UPDATE ON instruction TO ic_controller;
GRANT USAGE ON SEQUENCE instruction_id_seq, act_id_seq, decision_id_seq, roadmap_id_seq,
  report_id_seq TO ic_controller;
GRANT EXECUTE ON FUNCTION put_on_control, extend_deadline, transfer_control, set_new_deadline,
  remove_from_control, register_roadmap, submit_report, record_decisions, extend_deadlines TO ic_controller;

GRANT INSERT, UPDATE ON state_body, act TO ic_admin;
GRANT USAGE ON SEQUENCE state_body_id_seq TO ic_admin;
GRANT INSERT, UPDATE, DELETE ON body_member, vocabulary_synonym TO ic_admin;
-- the administrator keeps the matrix (the R74-1 rows, amendments of the decree's rows) and the calendar
GRANT INSERT, UPDATE ON decision_rule, decision_authority TO ic_admin;
GRANT INSERT, UPDATE, DELETE ON calendar, calendar_year, calendar_holiday_rule, calendar_day TO ic_admin;
GRANT EXECUTE ON FUNCTION import_instruction, import_decision, extend_calendar, add_transfer,
  confirm_calendar_year, generate_calendar_year, calendar_generate_years TO ic_admin;

-- Deadline sweeps and scheduling: ic_admin sweeps, schedules, routes and sets;
-- ic_integrator reads the outbox and marks events delivered; nobody else.
REVOKE EXECUTE ON FUNCTION sweep_begin(date, integer, boolean), sweep_batch(bigint), sweep_finish(bigint),
  in_transaction_block(), next_events(integer, addressee), mark_delivered(bigint[]) FROM PUBLIC;
REVOKE EXECUTE ON PROCEDURE sweep(date, integer, boolean) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE sweep(date, integer, boolean) TO ic_admin;
GRANT EXECUTE ON FUNCTION sweep_begin(date, integer, boolean), sweep_batch(bigint), sweep_finish(bigint),
  in_transaction_block() TO ic_admin;
GRANT SELECT ON event, open_event, open_event_summary, sweep_run, overdue_mark, sweep_setting,
  instruction_escalation TO ic_admin, ic_integrator;
GRANT UPDATE (delivered_at, delivered_by) ON event TO ic_admin, ic_integrator;
GRANT EXECUTE ON FUNCTION next_events(integer, addressee), mark_delivered(bigint[]) TO ic_admin, ic_integrator;
GRANT INSERT, UPDATE, DELETE ON sweep_setting, instruction_escalation TO ic_admin;
GRANT USAGE ON SCHEMA instruction_control TO ic_integrator;
REVOKE EXECUTE ON FUNCTION cron_exec(text), schedule_sweeps(text, interval), unschedule_sweeps(),
  scheduled_sweeps() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION cron_exec(text), schedule_sweeps(text, interval), unschedule_sweeps(),
  scheduled_sweeps() TO ic_admin;

-- Reporting: the views run with the reader's privileges (security_invoker), so
-- row-level security gives each reader its slice.
GRANT SELECT ON report_code_label, report_calendar_date, report_control_card, report_overdue,
  report_decision_history, report_discipline TO ic_reader;
GRANT SELECT ON sector_heading TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON sector_heading TO ic_admin;

-- Row-level security ----------------------------------------------------------

ALTER TABLE instruction ENABLE ROW LEVEL SECURITY;
ALTER TABLE decision ENABLE ROW LEVEL SECURITY;
ALTER TABLE instruction_executor ENABLE ROW LEVEL SECURITY;
ALTER TABLE report ENABLE ROW LEVEL SECURITY;
ALTER TABLE roadmap ENABLE ROW LEVEL SECURITY;
ALTER TABLE body_member ENABLE ROW LEVEL SECURITY;

CREATE POLICY control_all ON instruction FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON instruction FOR SELECT TO ic_reader
  USING (responsible_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[])
         OR co_executor_ids OPERATOR(pg_catalog.&&) (SELECT instruction_control.my_bodies()));

CREATE POLICY control_all ON decision FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON decision FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) decision.instruction_id));

CREATE POLICY control_all ON instruction_executor FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON instruction_executor FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) instruction_executor.instruction_id));

CREATE POLICY control_all ON report FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON report FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) report.instruction_id));
-- an executor reports on its instructions, for its own bodies
CREATE POLICY executor_submits ON report FOR INSERT TO ic_executor
  WITH CHECK (EXISTS (SELECT 1 FROM instruction_control.instruction i
                       WHERE i.id OPERATOR(pg_catalog.=) report.instruction_id)
              AND (submitted_by_body_id IS NULL
                   OR submitted_by_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[])));

CREATE POLICY control_all ON roadmap FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON roadmap FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) roadmap.instruction_id));
CREATE POLICY executor_registers ON roadmap FOR INSERT TO ic_executor
  WITH CHECK (EXISTS (SELECT 1 FROM instruction_control.instruction i
                       WHERE i.id OPERATOR(pg_catalog.=) roadmap.instruction_id)
              AND (drafted_by_body_id IS NULL
                   OR drafted_by_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[])));

CREATE POLICY admin_all ON body_member FOR ALL TO ic_admin USING (true) WITH CHECK (true);
CREATE POLICY own_rows ON body_member FOR SELECT TO PUBLIC
  USING (EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                  WHERE r.rolname OPERATOR(pg_catalog.=) body_member.member
                    AND pg_catalog.pg_has_role(r.oid, 'MEMBER')));
