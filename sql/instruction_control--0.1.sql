/*
 * instruction_control — install script, built by the Makefile from the files of
 * sql/src/ (one file per section, concatenated in name order).
 *
 * Sections, in dependency order:
 *   Foundation   settings and library checks
 *   Types        domain types in C (control_level, instruction_kind, point_ref, term)
 *   Calendar     working-day calendar: data, cache invalidation, C functions
 *   Registry     acts, instructions, bodies, decision journal, rule triggers
 *   Scheduling   optional pg_cron integration
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

COMMENT ON FUNCTION lib_version() IS
  'Version of the loaded shared library; equals pg_extension.extversion unless the library and the SQL scripts were installed from different releases';

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
COMMENT ON FUNCTION label(control_level, text) IS
  'Name of the control level in kk (Kazakh), ru (Russian) or en (English), e.g. label(''pa'', ''kk'') = ''Президент Әкімшілігі''';

CREATE FUNCTION control_levels() RETURNS SETOF control_level
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 5
AS $$ SELECT v::instruction_control.control_level
        FROM unnest(ARRAY['organisation', 'local', 'central', 'government', 'pa']) AS v $$;
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
        FROM unnest(ARRAY['act_point', 'event', 'security_council', 'assembly', 'personal',
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
COMMENT ON FUNCTION point_ref_in(cstring) IS
  'Input of point_ref: dot-separated segments like 42, 42-1, 5); spaces and the words тармақ, тармақша, пункт, подпункт, п. are dropped';
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
-- Russian ('10 working days', '10 wd', '10 жұмыс күні', '10 рабочих дней',
-- '2 weeks', '2 апта', '2 недели', '6 months', '6 ай', '6 месяцев'); output in
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

COMMENT ON FUNCTION term_in(cstring) IS 'term input: ''10 working days'', ''10 жұмыс күні'', ''10 рабочих дней'', ''2 weeks'', ''6 months''';
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
SET search_path = pg_catalog, instruction_control
AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seeded THEN
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
SET search_path = pg_catalog, instruction_control
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
  SELECT p_calendar, g, 'holiday', 'Kurban Ait (day 1)', 'Құрбан айт (1-күні)', 'Курбан айт (1-й день)',
         'Labour Code, art. 84(5); never moved'
    FROM unnest(p_kurban_ait) AS g
   WHERE g IS NOT NULL
  UNION ALL
  SELECT p_calendar, e, 'holiday', 'Kurban Ait (day 1, estimated)', 'Құрбан айт (1-күні, болжам)',
         'Курбан айт (1-й день, оценка)',
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
         format('Демалыс күні: %s (%s)', off_names[i][2], off_for[i]),
         format('Выходной день за %s (%s)', off_names[i][3], off_for[i]),
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
SET search_path = pg_catalog, instruction_control
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
SET search_path = pg_catalog, instruction_control
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
SET search_path = pg_catalog, instruction_control
AS $$
DECLARE
  cal  calendar%ROWTYPE;
BEGIN
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
          format('Жұмыс күні (демалыс %s күніне ауыстырылды)', p_day_off),
          format('Рабочий день (выходной перенесён на %s)', p_day_off),
          p_basis),
         (p_calendar, p_day_off, 'day_off',
          format('Day off (transferred from %s)', p_working_day),
          format('Демалыс күні (%s күнінен ауыстырылды)', p_working_day),
          format('Выходной день (перенесён с %s)', p_working_day),
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
SET search_path = pg_catalog, instruction_control
AS $$
BEGIN
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
  (1, 1, 2000, 2001, 'New Year', 'Жаңа жыл', 'Новый год', NULL, false),
  (1, 1, 2002, 9999, 'New Year', 'Жаңа жыл', 'Новый год', NULL, true),
  (1, 2, 2000, 2001, 'New Year', 'Жаңа жыл', 'Новый год', NULL, false),
  (1, 2, 2002, 9999, 'New Year', 'Жаңа жыл', 'Новый год', NULL, true),
  (3, 8, 2000, 2001, 'International Women''s Day', 'Халықаралық әйелдер күні', 'Международный женский день', NULL, false),
  (3, 8, 2002, 9999, 'International Women''s Day', 'Халықаралық әйелдер күні', 'Международный женский день', NULL, true),
  (3, 15, 2027, 9999, 'Constitution Day', 'Конституция күні', 'День Конституции', 'reported after the constitutional referendum of 15 March 2026; not yet confirmed', true),
  (3, 21, 2010, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', '21-23 March since the amendment signed on 2 June 2009', true),
  (3, 22, 2000, 2001, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'a day off: Government decree No. 282 of 2001 bridged Friday 23 March 2001 for Nauryz meiramy', false),
  (3, 22, 2002, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'only 22 March until 2009', true),
  (3, 23, 2010, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', '21-23 March since the amendment signed on 2 June 2009', true),
  (5, 1, 2000, 2001, 'Unity of the People of Kazakhstan Day', 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана', NULL, false),
  (5, 1, 2002, 9999, 'Unity of the People of Kazakhstan Day', 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана', NULL, true),
  (5, 7, 2013, 9999, 'Defender of the Fatherland Day', 'Отан қорғаушы күні', 'День защитника Отечества', 'a holiday since 2013', true),
  (5, 9, 2000, 2001, 'Victory Day', 'Жеңіс күні', 'День Победы', NULL, false),
  (5, 9, 2002, 9999, 'Victory Day', 'Жеңіс күні', 'День Победы', NULL, true),
  (7, 6, 2009, 9999, 'Capital Day', 'Астана күні', 'День столицы', 'a holiday since 2009', true),
  (8, 30, 2000, 2001, 'Constitution Day', 'Қазақстан Республикасының Конституциясы күні', 'День Конституции Республики Казахстан', NULL, false),
  (8, 30, 2002, 2025, 'Constitution Day', 'Қазақстан Республикасының Конституциясы күні', 'День Конституции Республики Казахстан', 'a holiday through 2025', true),
  (10, 25, 2000, 2001, 'Republic Day', 'Республика күні', 'День Республики', NULL, false),
  (10, 25, 2002, 2008, 'Republic Day', 'Республика күні', 'День Республики', 'removed by the amendment signed on 2 June 2009', true),
  (10, 25, 2022, 9999, 'Republic Day', 'Республика күні', 'День Республики', 'non-working again since 2022', true),
  (12, 1, 2012, 2021, 'First President''s Day', 'Тұңғыш Президент күні', 'День Первого Президента', 'introduced by the Law of 14 December 2011, abolished in 2022', true),
  (12, 16, 2000, 2001, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', NULL, false),
  (12, 16, 2002, 9999, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', NULL, true),
  (12, 17, 2002, 2021, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', 'second day from 2002 until 2021', true)
  ) AS v(month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, note, moves);

INSERT INTO calendar_holiday_rule
  (calendar, month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, basis, moves_off_weekend)
VALUES
  ('KZ', 1, 7, 2006, 9999, 'Orthodox Christmas', 'Православиелік Рождество', 'Православное Рождество',
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
  status              text NOT NULL DEFAULT 'on_control' CHECK (status IN ('on_control', 'removed')),
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
  recorded_by         name NOT NULL DEFAULT session_user
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
  ('R4.5', 'Бақылауды бекіту: мерзім, аяқталу нысаны, орындаушылар, бақылау деңгейі', 'Утверждение контроля: срок, форма завершения, исполнители, уровень контроля', 'Control approval: deadline, completion form, executors, control level'),
  ('R14', 'Мемлекеттік құпиялары бар құжаттар қағаз жеткізгіште', 'Документы, содержащие государственные секреты, на бумажном носителе', 'State secrets on paper only'),
  ('R30-1', 'Бақылау деңгейі жоба дайындалғанда белгіленеді', 'Уровень контроля определяется при подготовке проекта', 'The control level is fixed when the instruction is drafted'),
  ('R42-1.1', 'Президент Әкімшілігінің бақылауына қойылатын тапсырмалар', 'Поручения, ставящиеся на контроль Администрации Президента', 'Instructions put on control of the Presidential Administration'),
  ('R42-1.2', 'Ағымдағы (жергілікті) сипаттағы тапсырмалар ПӘ бақылауына қойылмайды', 'Поручения текущего (локального) характера не ставятся на контроль АП', 'Instructions of a current (local) character are not put on PA control'),
  ('R42-1.3', 'Өзге тапсырмалар Үкіметтің, орталық немесе жергілікті органның бақылауында', 'Иные поручения на контроле Правительства, центрального или местного органа', 'Other instructions are controlled by the Government or a central or local body'),
  ('R42-1.4', 'Бақылауы берілген тапсырмаларды Үкімет бақылайды', 'Поручения, контроль которых передан, контролирует Правительство', 'Instructions whose control was passed are controlled by the Government'),
  ('R50.1', 'Тапсырмалар актіде, бақылауды бекітуде немесе бұрыштамада белгіленген мерзімде орындалады', 'Поручения исполняются в сроки акта, утверждения контроля или резолюции', 'Deadlines of the act, the control approval or a resolution'),
  ('R50.2', 'Мерзімді Президент Әкімшілігі белгілейді; құпия тапсырмалар қағаз карточкада', 'Срок устанавливает Администрация Президента; секретные поручения в бумажной карточке', 'The PA sets the deadline; state secrets on a paper card'),
  ('R50.3', 'Мерзімдер алған күннен бастап жұмыс күндерімен есептеледі', 'Сроки исчисляются в рабочих днях со дня получения', 'Deadlines are counted in working days from receipt'),
  ('R51', 'Жеке тапсырмалар қол қойылған күннен бастап екі апта ішінде орындалады', 'Личные поручения исполняются в течение двух недель со дня подписания', 'Personal instructions within two weeks of signing'),
  ('R56', 'Жол картасы алған күннен бастап 10 жұмыс күні ішінде әзірленеді', 'Дорожная карта разрабатывается в течение 10 рабочих дней со дня получения', 'A roadmap within 10 working days of receipt'),
  ('R57', 'Жол картасын бекіту', 'Утверждение дорожной карты', 'Approval of a roadmap'),
  ('R59', 'Ұзақ мерзімді бақылауға ауыстырғанда жол картасы міндетті', 'При переводе на долгосрочный контроль дорожная карта обязательна', 'Long-term control needs a roadmap'),
  ('R66-1.1', 'Аралық бақылау мерзімдері', 'Промежуточные сроки контроля', 'Intermediate control deadlines'),
  ('R66-3.5', 'Мерзімнің бұзылу қаупі туралы дереу хабарлау', 'Незамедлительное информирование о риске нарушения срока', 'Immediate report of a risk to the deadline'),
  ('R69.1', 'Мерзімді ұзарту немесе ауыстыру бір реттен артық емес', 'Продление срока или перевод не более одного раза', 'One extension or transfer'),
  ('R69.2', 'Қауіпсіздік Кеңесінің тапсырмалары бойынша шешім', 'Решение по поручениям Совета Безопасности', 'Security Council instructions'),
  ('R69.3', 'Орта мерзімді бақылауға ауыстыру', 'Перевод на среднесрочный контроль', 'Transfer to medium-term control'),
  ('R69.4', 'Ұзақ мерзімді бақылауға ауыстыру', 'Перевод на долгосрочный контроль', 'Transfer to long-term control'),
  ('R70.4', 'Төтенше жағдай, төтенше ахуал немесе карантин кезінде жаңа мерзім белгілеу', 'Установление нового срока при чрезвычайном положении, чрезвычайной ситуации или карантине', 'A new deadline in an emergency or quarantine'),
  ('R70.5', 'Қауіпсіздік Кеңесінің тапсырмалары бойынша жаңа мерзім', 'Новый срок по поручениям Совета Безопасности', 'New deadline of a Security Council instruction'),
  ('R72.1', 'Жалпыұлттық жоспар бойынша қайталап ұзарту', 'Повторное продление по Общенациональному плану', 'Repeated extension of a national-plan item'),
  ('R72.2', 'Тәртіптік жауаптылықты қарай отырып қайталап ұзарту', 'Повторное продление с рассмотрением дисциплинарной ответственности', 'Repeated extension with disciplinary review'),
  ('R72.3', 'Қауіпсіздік Кеңесінің тапсырмаларын қайталап ұзарту', 'Повторное продление поручений Совета Безопасности', 'Repeated extension of a Security Council instruction'),
  ('R72.4', 'Қабылданған шаралар туралы ақпарат бір ай ішінде', 'Информация о принятых мерах в течение месяца', 'Information on measures within one month'),
  ('R74', 'Жеке тапсырмалардың мерзімін тек Президент ұзартады', 'Сроки личных поручений продлевает только Президент', 'Only the President extends personal instructions'),
  ('R74-1', 'Үкімет пен органдар деңгейінде ұқсас тәртіп', 'Аналогичный порядок на уровне Правительства и органов', 'The same order below the PA, by analogy'),
  ('R75', 'Бақылаудан алу негіздері', 'Основания снятия с контроля', 'Grounds for removal from control'),
  ('R76.1', 'Бақылаудан Президент немесе ПӘ Басшысы алады', 'Снимает с контроля Президент или Руководитель АП', 'Removal by the President or the Head of the PA'),
  ('R76.4', 'Қауіпсіздік Кеңесінің тапсырмаларын бақылаудан алу', 'Снятие с контроля поручений Совета Безопасности', 'Removal of Security Council instructions'),
  ('R76-1', 'Жекелеген санаттар бойынша бақылаудан алу үшін құжаттар', 'Документы для снятия с контроля по отдельным категориям', 'Evidence for removal by category'),
  ('R77', 'Жеке тапсырмаларды бақылаудан тек Президент алады', 'Личные поручения снимает с контроля только Президент', 'Only the President removes personal instructions'),
  ('R79', 'ПӘ бақылауындағы тармақты орган ПӘ алғаннан кейін алады', 'Пункт на контроле АП орган снимает после снятия АП', 'A body removes a PA-controlled point after the PA'),
  ('Decree No. 403', 'Өзгерістер 2024 жылғы 1 ақпаннан бастап күшіне енді', 'Изменения вступили в силу с 1 февраля 2024 года', 'The amendments are in force from 1 February 2024'),
  ('journal', 'Шешімдер журналы: шешім күні мен реті', 'Журнал решений: дата и порядок решения', 'The decision journal: date and order of decisions'),
  ('matrix', 'Шешім қабылдаушылар матрицасы', 'Матрица принимающих решения', 'The decision matrix');

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
  ('decider', 'president', 'Қазақстан Республикасының Президенті', 'Президент Республики Казахстан', 'President of the Republic of Kazakhstan'),
  ('decider', 'head_of_pa', 'Президент Әкімшілігінің Басшысы', 'Руководитель Администрации Президента', 'Head of the Presidential Administration'),
  ('decider', 'secretary_sc', 'Қауіпсіздік Кеңесінің Хатшысы', 'Секретарь Совета Безопасности', 'Secretary of the Security Council'),
  ('decider', 'state_counsellor', 'Мемлекеттік кеңесші', 'Государственный советник', 'State Counsellor'),
  ('decider', 'head_of_presidents_office', 'Президент Кеңсесінің басшысы', 'Руководитель Канцелярии Президента', 'Head of the President''s Office'),
  ('decider', 'assistant_or_adviser', 'Президенттің көмекшісі немесе кеңесшісі', 'Помощник или советник Президента', 'Assistant or Adviser to the President'),
  ('decider', 'pa_unit_head', 'Президент Әкімшілігі құрылымдық бөлімшесінің басшысы', 'Руководитель структурного подразделения Администрации Президента', 'Head of a PA structural unit'),
  ('decider', 'prime_minister', 'Премьер-Министр', 'Премьер-Министр', 'Prime Minister'),
  ('decider', 'deputy_prime_minister', 'Премьер-Министрдің орынбасары', 'Заместитель Премьер-Министра', 'Deputy Prime Minister'),
  ('decider', 'head_of_government_office', 'Үкімет Аппаратының Басшысы', 'Руководитель Аппарата Правительства', 'Head of the Government Office'),
  ('decider', 'first_head', 'Бірінші басшы', 'Первый руководитель', 'First head'),
  ('decider', 'akim', 'Әкім', 'Аким', 'Akim'),
  ('control_regime', 'regular', 'Ағымдағы бақылау', 'Текущий контроль', 'Regular control'),
  ('control_regime', 'medium_term', 'Орта мерзімді бақылау', 'Среднесрочный контроль', 'Medium-term control'),
  ('control_regime', 'long_term', 'Ұзақ мерзімді бақылау', 'Долгосрочный контроль', 'Long-term control'),
  ('decision_kind', 'extension', 'Мерзімді ұзарту', 'Продление срока', 'Extension of the deadline'),
  ('decision_kind', 'transfer', 'Орта немесе ұзақ мерзімді бақылауға ауыстыру', 'Перевод на средне- или долгосрочный контроль', 'Transfer to medium- or long-term control'),
  ('decision_kind', 'new_deadline', 'Жаңа мерзімді белгілеу', 'Установление нового срока', 'New deadline'),
  ('decision_kind', 'removal', 'Бақылаудан алу', 'Снятие с контроля', 'Removal from control'),
  ('decision_kind', 'roadmap_approval', 'Жол картасын бекіту', 'Утверждение дорожной карты', 'Approval of the roadmap'),
  ('removal_ground', 'executed', 'Толық және сапалы орындау', 'Полное и качественное исполнение', 'Full and proper execution'),
  ('removal_ground', 'duplicated', 'Бұрынғы тапсырманы қамтитын жаңа тапсырма', 'Новое поручение, содержащее прежнее', 'Contained in a new instruction'),
  ('removal_ground', 'impossible', 'Объективті себептермен орындау мүмкін еместігі', 'Невозможность исполнения по объективным причинам', 'Execution impossible for objective reasons'),
  ('removal_ground', 'control_passed', 'Бақылауды Үкіметке немесе өзге органға беру', 'Передача контроля Правительству или иному органу', 'Control passed to the Government or another body'),
  ('instruction_status', 'on_control', 'Бақылауда', 'На контроле', 'On control'),
  ('instruction_status', 'removed', 'Бақылаудан алынды', 'Снято с контроля', 'Removed from control'),
  ('report_kind', 'intermediate', 'Аралық ақпарат', 'Промежуточная информация', 'Intermediate report'),
  ('report_kind', 'final', 'Қорытынды ақпарат', 'Итоговая информация', 'Final report'),
  ('report_kind', 'risk', 'Мерзімнің бұзылу қаупі туралы ақпарат', 'Информация о риске нарушения срока', 'Risk of late execution'),
  ('report_kind', 'measures', 'Қабылданған шаралар туралы ақпарат', 'Информация о принятых мерах', 'Information on measures taken'),
  ('new_deadline_reason', 'emergency', 'Төтенше ахуал', 'Чрезвычайная ситуация', 'Emergency'),
  ('new_deadline_reason', 'state_of_emergency', 'Төтенше жағдай режимі', 'Режим чрезвычайного положения', 'State of emergency'),
  ('new_deadline_reason', 'quarantine', 'Карантин', 'Карантин', 'Quarantine'),
  ('body_type', 'presidential_administration', 'Президент Әкімшілігі', 'Администрация Президента', 'Presidential Administration'),
  ('body_type', 'security_council', 'Қауіпсіздік Кеңесі', 'Совет Безопасности', 'Security Council'),
  ('body_type', 'government', 'Үкімет', 'Правительство', 'Government'),
  ('body_type', 'central', 'Орталық мемлекеттік орган', 'Центральный государственный орган', 'Central state body'),
  ('body_type', 'local', 'Жергілікті атқарушы орган', 'Местный исполнительный орган', 'Local executive body'),
  ('body_type', 'organisation', 'Ұйым', 'Организация', 'Organisation'),
  ('deadline_source', 'term', 'Мерзімнен жұмыс күндерімен есептелген', 'Исчислен от срока в рабочих днях', 'Counted from the term'),
  ('deadline_source', 'two_weeks', 'Қол қойылған күннен бастап екі апта', 'Две недели со дня подписания', 'Two weeks from signing'),
  ('deadline_source', 'act', 'Актінің немесе тапсырманың мәтінінде', 'В тексте акта или поручения', 'Set in the act or instruction'),
  ('deadline_source', 'control_approval', 'Бақылауды бекітуде', 'В утверждении контроля', 'Set in the control approval'),
  ('deadline_source', 'resolution', 'Бұрыштамада', 'В резолюции', 'Set in a resolution'),
  ('deadline_source', 'pa', 'Президент Әкімшілігі белгілеген', 'Установлен Администрацией Президента', 'Set by the Presidential Administration'),
  ('evidence_kind', 'official_report', 'Орындау туралы ресми ақпарат', 'Официальная информация об исполнении', 'Official report on execution'),
  ('evidence_kind', 'act_adopted', 'Қабылданған акт', 'Принятый акт', 'Act adopted'),
  ('evidence_kind', 'law_signed', 'Заңға Президент қол қойды', 'Закон подписан Президентом', 'Law signed by the President'),
  ('evidence_kind', 'pa_unit_memo', 'ПӘ құрылымдық бөлімшесінің қызметтік жазбасы', 'Служебная записка структурного подразделения АП', 'Memo of the PA unit'),
  ('evidence_kind', 'executor_final_report', 'Орындаушының қорытынды ақпараты', 'Итоговая информация исполнителя', 'Executor''s final report'),
  ('evidence_kind', 'pa_expert_conclusion', 'ПӘ құрылымдық бөлімшесінің сараптамалық қорытындысы', 'Экспертное заключение структурного подразделения АП', 'Expert conclusion of the PA unit'),
  ('evidence_kind', 'event_held', 'Іс-шара өткізілді', 'Мероприятие проведено', 'Event took place'),
  ('evidence_kind', 'new_instruction', 'Жаңа тапсырма', 'Новое поручение', 'New instruction'),
  ('evidence_kind', 'control_passed_decision', 'Бақылауды беру туралы шешім', 'Решение о передаче контроля', 'Decision passing control'),
  ('executor_role', 'responsible', 'Жауапты орындаушы', 'Ответственный исполнитель', 'Responsible executor'),
  ('executor_role', 'co_executor', 'Бірлесіп орындаушы', 'Соисполнитель', 'Co-executor'),
  ('kind_class', 'any', 'Кез келген түрі', 'Любой вид', 'Any kind'),
  ('kind_class', 'personal', 'Президенттің жеке тапсырмалары (жарияланғандарын қоса)', 'Личные поручения Президента (включая опубликованные)', 'Personal instructions, published or not'),
  ('kind_class', 'personal_unpublished', 'Президенттің жарияланбаған жеке тапсырмалары', 'Неопубликованные личные поручения Президента', 'Personal instructions, not published'),
  ('kind_class', 'security_council', 'Қауіпсіздік Кеңесінің шешімдері', 'Решения Совета Безопасности', 'Security Council decisions'),
  ('kind_class', 'national_plan', 'Жалпыұлттық іс-шаралар жоспарының тармақтары', 'Пункты Общенационального плана мероприятий', 'National action plan items'),
  ('monitoring_category', 'monument', 'Ескерткіштер салу', 'Строительство памятников', 'Construction of monuments'),
  ('monitoring_category', 'construction', 'Құрылыс, реконструкциялау және жөндеу', 'Строительство, реконструкция и ремонт', 'Construction, reconstruction and repair'),
  ('monitoring_category', 'digitalisation', 'Цифрландыру', 'Цифровизация', 'Digitalisation'),
  ('monitoring_category', 'named_law', 'Нақты заң', 'Конкретный закон', 'A specific named law'),
  ('monitoring_category', 'law_amendments', 'Заңдарға түзетулер', 'Поправки в законы', 'Amendments to laws'),
  ('monitoring_category', 'event_or_naming', 'Іс-шаралар және атау беру', 'Мероприятия и присвоение наименований', 'Events and naming'),
  ('reporting_period', 'monthly', 'Ай сайын', 'Ежемесячно', 'Monthly'),
  ('reporting_period', 'quarterly', 'Тоқсан сайын', 'Ежеквартально', 'Quarterly'),
  ('reporting_period', 'half_yearly', 'Жарты жылда бір рет', 'Раз в полугодие', 'Half-yearly'),
  ('reporting_period', 'yearly', 'Жыл сайын', 'Ежегодно', 'Yearly'),
  ('roadmap_drafter', 'central_outside_government', 'Үкімет құрамына кірмейтін орталық мемлекеттік орган', 'Центральный государственный орган, не входящий в состав Правительства', 'Central body outside the Government'),
  ('roadmap_drafter', 'central_interdepartmental', 'Ведомствоаралық іс-шаралары бар орталық мемлекеттік орган', 'Центральный государственный орган с межведомственными мероприятиями', 'Central body with interdepartmental measures'),
  ('roadmap_drafter', 'local', 'Жергілікті атқарушы орган', 'Местный исполнительный орган', 'Local executive body'),
  ('roadmap_drafter', 'executor_only', 'Орындаушы және оның ведомстволық бағынысты ұйымдары', 'Исполнитель и подведомственные ему организации', 'The executor and its subordinate organisations'),
  ('secrecy_class', 'none', 'Құпия емес', 'Несекретно', 'Not classified'),
  ('secrecy_class', 'restricted', 'Қызмет бабында пайдалану үшін', 'Для служебного пользования', 'Restricted (for official use)'),
  ('secrecy_class', 'state_secret', 'Мемлекеттік құпиялар', 'Государственные секреты', 'State secret');

CREATE FUNCTION label(domain text, code text, lang text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, instruction_control
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
SET search_path = pg_catalog, instruction_control
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
SET search_path = pg_catalog, instruction_control
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
COMMENT ON FUNCTION code_of(text, text) IS
  'The code of a vocabulary named by its code, its kk/ru/en label or an administrator''s synonym, e.g. code_of(''decider'', ''РАП'')';

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
SET search_path = pg_catalog, instruction_control
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
  seeded_row_owner(), calendar_data_changed(), decision_matrix_changed() FROM PUBLIC;

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


-- The registry's administrator --------------------------------------------
-- ic_admin (NOLOGIN, created if missing) may import history (import_instruction,
-- import_decision); membership is granted by a superuser: GRANT ic_admin TO alice;
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'ic_admin') THEN
    CREATE ROLE ic_admin NOLOGIN;
  END IF;
END
$$;
GRANT USAGE ON SCHEMA instruction_control TO ic_admin;
GRANT SELECT, INSERT ON instruction, decision, instruction_executor, act, state_body, roadmap, report TO ic_admin;
GRANT UPDATE ON instruction TO ic_admin;
GRANT USAGE ON SEQUENCE instruction_id_seq, decision_id_seq, act_id_seq, state_body_id_seq,
  roadmap_id_seq, report_id_seq TO ic_admin;
GRANT SELECT ON decision_authority, decision_rule, decision_matrix, vocabulary TO ic_admin;
-- the administrator keeps the matrix: the R74-1 rows and amendments of the decree's rows
GRANT INSERT, UPDATE ON decision_rule, decision_authority TO ic_admin;
-- who may decide is public knowledge: every role that judges a decision reads it
GRANT SELECT ON decision_rule, decision_authority, decision_matrix TO PUBLIC;
-- The calendar and the labels are public facts; the working-day functions read them as the caller.
GRANT USAGE ON SCHEMA instruction_control TO PUBLIC;
GRANT SELECT ON calendar, calendar_year, calendar_holiday_rule, calendar_day, vocabulary, vocabulary_synonym, rule TO PUBLIC;
GRANT INSERT, UPDATE, DELETE ON vocabulary_synonym TO ic_admin;
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

GRANT EXECUTE ON FUNCTION import_instruction, import_decision TO ic_admin;
REVOKE EXECUTE ON FUNCTION import_instruction, import_decision FROM PUBLIC;

COMMENT ON FUNCTION who_may_decide(bigint, decision_kind) IS
  'Positions that may take this decision on this instruction now, and the rule that says so';

-- ===========================================================================
-- Scheduling
--
-- pg_cron is optional.  Without it everything works; deadline sweeps are then
-- run by calling the sweep function from any scheduler.  PostgreSQL hides
-- notices raised inside CREATE EXTENSION, so the state of scheduling is a
-- function to ask rather than a message at install time.
-- ===========================================================================

CREATE FUNCTION scheduling_status(
    OUT pg_cron_preloaded boolean,
    OUT pg_cron_installed boolean,
    OUT cron_database text,
    OUT ready boolean,
    OUT hint text)
RETURNS record
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog
AS $$
BEGIN
  pg_cron_preloaded := 'pg_cron' = ANY (string_to_array(
      replace(current_setting('shared_preload_libraries'), ' ', ''), ','));
  pg_cron_installed := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron');
  cron_database := current_setting('cron.database_name', true);
  ready := pg_cron_preloaded AND pg_cron_installed;
  hint := CASE
    WHEN NOT pg_cron_preloaded THEN
      'Add pg_cron to shared_preload_libraries, set cron.database_name = ''' || current_database()
      || ''', restart the server, then run CREATE EXTENSION pg_cron in this database.'
    WHEN cron_database IS DISTINCT FROM current_database() THEN
      'pg_cron runs jobs in database ' || coalesce(quote_literal(cron_database), '(unset)')
      || '; set cron.database_name = ''' || current_database()
      || ''' and restart, or schedule from that database with cron.schedule_in_database().'
    WHEN NOT pg_cron_installed THEN
      'Run CREATE EXTENSION pg_cron in this database.'
    ELSE
      'pg_cron is ready in this database.'
  END;
END
$$;

COMMENT ON FUNCTION scheduling_status() IS
  'Whether pg_cron can run the deadline sweeps in this database, and if not, what to do';
