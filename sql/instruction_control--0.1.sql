/*
 * instruction_control 0.1 — install script.
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

CREATE FUNCTION point_ref_subtree_upper(point_ref) RETURNS point_ref
AS 'MODULE_PATHNAME', 'ic_point_ref_subtree_upper_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION point_ref_subtree_upper(point_ref) IS
  'Least point number after p and all its sub-points (''42'' gives ''42)'', ''42)'' gives ''42-1''): ref >= p AND ref < point_ref_subtree_upper(p) is p''s subtree as one btree range';

CREATE FUNCTION point_ref_contains(point_ref, point_ref) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_point_ref_contains_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION point_ref_contains(point_ref, point_ref) IS
  'True when the first point is the second or one of its ancestors (a prefix test, as @> but not index-assisted)';

CREATE FUNCTION point_ref(integer) RETURNS point_ref
AS 'MODULE_PATHNAME', 'ic_point_ref_from_int' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION point_ref(integer) IS 'The one-segment point number n (1..99999999)';
CREATE CAST (integer AS point_ref) WITH FUNCTION point_ref(integer);

-- @> and <@ are SQL functions so that the planner inlines them into
-- "ref >= p AND ref < point_ref_subtree_upper(p)", which a btree index on ref
-- answers as one range scan.  Not STRICT (inlining needs that); they return
-- NULL for a NULL argument all the same.
CREATE FUNCTION point_ref_ancestor_or_self(point_ref, point_ref) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT $2 OPERATOR(instruction_control.>=) $1
         AND $2 OPERATOR(instruction_control.<) instruction_control.point_ref_subtree_upper($1) $$;
COMMENT ON FUNCTION point_ref_ancestor_or_self(point_ref, point_ref) IS
  'Implementation of @> for point_ref: the first point is the second or an ancestor of it';
CREATE FUNCTION point_ref_descendant_or_self(point_ref, point_ref) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT $1 OPERATOR(instruction_control.>=) $2
         AND $1 OPERATOR(instruction_control.<) instruction_control.point_ref_subtree_upper($2) $$;
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
    IF OLD.seeded AND TG_TABLE_NAME = 'decision_authority' THEN
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
  -- (this is also what happens when a dump is restored).
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
        DELETE FROM calendar_year WHERE calendar = NEW.calendar AND year = NEW.year AND seeded;
      WHEN 'calendar_holiday_rule' THEN
        DELETE FROM calendar_holiday_rule
         WHERE calendar = NEW.calendar AND month = NEW.month AND day = NEW.day
           AND valid_from_year = NEW.valid_from_year AND seeded;
      WHEN 'calendar_day' THEN
        DELETE FROM calendar_day WHERE calendar = NEW.calendar AND day = NEW.day AND seeded;
      WHEN 'decision_authority' THEN
        IF EXISTS (SELECT 1 FROM decision_authority
                    WHERE level = NEW.level AND action = NEW.action AND decider = NEW.decider AND seeded) THEN
          UPDATE decision_authority SET enabled = NEW.enabled, basis = NEW.basis
           WHERE level = NEW.level AND action = NEW.action AND decider = NEW.decider;
          RETURN NULL;
        END IF;
    END CASE;
  END IF;
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION seeded_row_owner() IS
  'Trigger on tables with seeded rows (calendar data, decision_authority): an update makes a seeded row the administrator''s; an administrator''s insert replaces the seeded row with the same key; seeded rows cannot be deleted';

-- Deleting the seeded rows inside the trigger must not recurse into the DELETE
-- guard, so the guard runs only for statements issued from outside it.
CREATE TRIGGER seeded_row_owner BEFORE INSERT OR UPDATE ON calendar
  FOR EACH ROW EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_owner BEFORE INSERT OR UPDATE ON calendar_year
  FOR EACH ROW EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_owner BEFORE INSERT OR UPDATE ON calendar_holiday_rule
  FOR EACH ROW EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_owner BEFORE INSERT OR UPDATE ON calendar_day
  FOR EACH ROW EXECUTE FUNCTION seeded_row_owner();
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
-- Administration: a new year, a Government transfer, confirming a year.
-- ---------------------------------------------------------------------------

CREATE FUNCTION generate_calendar_year(p_calendar text, p_year integer, p_kurban_ait date DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control
AS $$
DECLARE
  cal      calendar%ROWTYPE;
  y_first  date := make_date(p_year, 1, 1);
  y_last   date := make_date(p_year, 12, 31);
  r        record;
  d        date;
  n        integer := 0;
  k        integer;
BEGIN
  SELECT * INTO cal FROM calendar WHERE code = p_calendar FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'calendar "%" does not exist', p_calendar
      USING ERRCODE = 'IC001',
            HINT = 'Create it first: INSERT INTO instruction_control.calendar (code, name, valid_from, valid_to) VALUES (...).';
  END IF;
  IF EXISTS (SELECT 1 FROM calendar_year WHERE calendar = p_calendar AND year = p_year) THEN
    RAISE EXCEPTION 'calendar "%" already has year %', p_calendar, p_year
      USING ERRCODE = 'IC003',
            DETAIL = 'generate_calendar_year() creates the rule-based days of a new year only.',
            HINT = 'Change single days with UPDATE or add_transfer().';
  END IF;
  IF y_first > cal.valid_to + 1 OR y_last < cal.valid_from - 1 THEN
    RAISE EXCEPTION 'year % is not next to the range of calendar "%" (% to %)',
                    p_year, p_calendar, cal.valid_from, cal.valid_to
      USING ERRCODE = 'IC003',
            HINT = 'Add the years in between first: a calendar covers one unbroken range.';
  END IF;
  IF p_kurban_ait IS NOT NULL AND extract(year FROM p_kurban_ait) <> p_year THEN
    RAISE EXCEPTION 'Kurban Ait % is not in year %', p_kurban_ait, p_year USING ERRCODE = '22023';
  END IF;
  UPDATE calendar SET valid_from = least(valid_from, y_first), valid_to = greatest(valid_to, y_last)
   WHERE code = p_calendar;

  -- Holidays of the year from the rules.
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
  SELECT p_calendar, make_date(p_year, h.month, h.day), 'holiday', h.name, h.name_kk, h.name_ru, h.basis
    FROM calendar_holiday_rule h
   WHERE h.calendar = p_calendar AND p_year BETWEEN h.valid_from_year AND h.valid_to_year
     AND (h.month, h.day) <> (2, 29)
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF p_kurban_ait IS NOT NULL THEN
    INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
    VALUES (p_calendar, p_kurban_ait, 'holiday', 'Kurban Ait (day 1)', 'Құрбан айт (1-күні)',
            'Курбан айт (1-й день)', 'Labour Code, art. 84(5); never moved')
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS k = ROW_COUNT;
    n := n + k;
  END IF;

  -- Law "On holidays", art. 5: a holiday on a weekend day makes the next working
  -- day after it a day off (7 January and Kurban Ait are never moved).
  FOR r IN
    SELECT make_date(p_year, h.month, h.day) AS day, h.name, h.name_kk, h.name_ru
      FROM calendar_holiday_rule h
     WHERE h.calendar = p_calendar AND p_year BETWEEN h.valid_from_year AND h.valid_to_year
       AND h.moves_off_weekend AND (h.month, h.day) <> (2, 29)
       AND extract(isodow FROM make_date(p_year, h.month, h.day))::smallint = ANY (cal.weekend_days)
     ORDER BY 1
  LOOP
    d := r.day + 1;
    WHILE extract(isodow FROM d)::smallint = ANY (cal.weekend_days)
          OR EXISTS (SELECT 1 FROM calendar_day WHERE calendar = p_calendar AND day = d) LOOP
      d := d + 1;
    END LOOP;
    INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
    VALUES (p_calendar, d, 'day_off',
            format('Day off for %s (%s)', r.name, r.day),
            format('Демалыс күні: %s (%s)', r.name_kk, r.day),
            format('Выходной день за %s (%s)', r.name_ru, r.day),
            'Law "On holidays in the Republic of Kazakhstan", art. 5 (holiday on a day off)')
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS k = ROW_COUNT;
    n := n + k;
  END LOOP;

  INSERT INTO calendar_year (calendar, year, status, basis)
  VALUES (p_calendar, p_year, 'generated',
          'Generated from the holiday rules' || CASE WHEN p_kurban_ait IS NULL THEN ' (Kurban Ait not given)' ELSE '' END
          || '; no Government decree applied');
  RETURN n;
END
$$;

COMMENT ON FUNCTION generate_calendar_year(text, integer, date) IS
  'Adds a year to a calendar: holidays from calendar_holiday_rule, Kurban Ait day 1 if given, and the days off of the weekend-holiday rule; the year is marked generated (returns the number of days added)';

CREATE FUNCTION add_transfer(p_calendar text, p_working_day date, p_day_off date, p_basis text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control
AS $$
BEGIN
  IF is_working_day(p_working_day, p_calendar) THEN
    RAISE EXCEPTION '% is already a working day in calendar "%"', p_working_day, p_calendar
      USING ERRCODE = 'IC003',
            DETAIL = 'A transfer (Labour Code art. 85(3)) makes a day off a working day and a working day a day off.',
            HINT = 'The first date is the day off that becomes a working day, the second the working day that becomes a day off.';
  END IF;
  IF NOT is_working_day(p_day_off, p_calendar) THEN
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
-- Seed: the Republic of Kazakhstan, 2015-2027 (calendar-kz facts).
-- ---------------------------------------------------------------------------

INSERT INTO calendar (code, name, weekend_days, valid_from, valid_to)
VALUES ('KZ', 'Republic of Kazakhstan, five-day week', '{6,7}', '2015-01-01', '2027-12-31');

INSERT INTO calendar_holiday_rule
  (calendar, month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, basis, moves_off_weekend)
VALUES
  ('KZ', 1, 1, 1, 9999, 'New Year', 'Жаңа жыл', 'Новый год', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 1, 2, 1, 9999, 'New Year', 'Жаңа жыл', 'Новый год', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 1, 7, 1, 9999, 'Orthodox Christmas', 'Православиелік Рождество', 'Православное Рождество', 'Labour Code, art. 84(5); never moved', false),
  ('KZ', 3, 8, 1, 9999, 'International Women''s Day', 'Халықаралық әйелдер күні', 'Международный женский день', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 3, 15, 2027, 9999, 'Constitution Day', 'Конституция күні', 'День Конституции', 'Reported after the constitutional referendum of 15 March 2026; not yet confirmed', true),
  ('KZ', 3, 21, 1, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 3, 22, 1, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 3, 23, 1, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 5, 1, 1, 9999, 'Unity of the People of Kazakhstan Day', 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 5, 7, 1, 9999, 'Defender of the Fatherland Day', 'Отан қорғаушы күні', 'День защитника Отечества', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 5, 9, 1, 9999, 'Victory Day', 'Жеңіс күні', 'День Победы', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 7, 6, 1, 9999, 'Capital Day', 'Астана күні', 'День столицы', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 8, 30, 1, 2025, 'Constitution Day', 'Қазақстан Республикасының Конституциясы күні', 'День Конституции Республики Казахстан', 'Law "On holidays in the Republic of Kazakhstan", art. 5 (a holiday through 2025)', true),
  ('KZ', 10, 25, 2022, 9999, 'Republic Day', 'Республика күні', 'День Республики', 'Law "On holidays in the Republic of Kazakhstan", art. 5 (non-working since 2022)', true),
  ('KZ', 12, 1, 1, 2021, 'First President''s Day', 'Тұңғыш Президент күні', 'День Первого Президента', 'Law "On holidays in the Republic of Kazakhstan", art. 5 (abolished in 2022)', true),
  ('KZ', 12, 16, 1, 9999, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 12, 17, 1, 2021, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', 'Law "On holidays in the Republic of Kazakhstan", art. 5 (second day until 2021)', true);

-- Kurban Ait day 1 (lunar, set each year by the Spiritual Administration of
-- Muslims): 2023-2026 from calendar-kz; 2019, 2021, 2022 from published
-- calendars; 2015-2018, 2020 and 2027 best known dates (those years are generated).
SELECT generate_calendar_year('KZ', y, k)
  FROM (VALUES (2015, date '2015-09-24'), (2016, date '2016-09-12'), (2017, date '2017-09-01'),
               (2018, date '2018-08-21'), (2019, date '2019-08-11'), (2020, date '2020-07-31'),
               (2021, date '2021-07-20'), (2022, date '2022-07-09'), (2023, date '2023-06-28'),
               (2024, date '2024-06-16'), (2025, date '2025-06-06'), (2026, date '2026-05-27'),
               (2027, date '2027-05-16')) AS v(y, k)
 ORDER BY y;

-- Government transfers (Labour Code art. 85(3)).
SELECT add_transfer('KZ', w, o, b)
  FROM (VALUES
    (date '2020-01-05', date '2020-01-03', 'Government decree on the transfer of days off in 2020'),
    (date '2020-05-11', date '2020-05-08', 'Government decree on the transfer of days off in 2020'),
    (date '2020-12-20', date '2020-12-18', 'Government decree on the transfer of days off in 2020'),
    (date '2021-07-03', date '2021-07-05', 'Government decree on the transfer of days off in 2021'),
    (date '2022-03-05', date '2022-03-07', 'Government decree No. 713 of 6 October 2021 on the transfer of days off in 2022'),
    (date '2022-08-27', date '2022-08-29', 'Government decree No. 713 of 6 October 2021 on the transfer of days off in 2022'),
    (date '2022-10-22', date '2022-10-24', 'Government decree No. 713 of 6 October 2021, as amended in 2022'),
    (date '2023-07-01', date '2023-07-07', 'Government decree on the transfer of days off in 2023'),
    (date '2024-05-04', date '2024-05-08', 'Government decree on the transfer of days off in 2024'),
    (date '2025-01-05', date '2025-01-03', 'Government decree on the transfer of days off in 2025')
  ) AS v(w, o, b);

SELECT confirm_calendar_year('KZ', y, b)
  FROM (VALUES
    (2020, 'Government decree on the transfer of days off in 2020 (transfers of 3 Jan, 8 May, 18 Dec)'),
    (2023, 'Government decree on the transfer of days off in 2023 (Sat 1 Jul works, Fri 7 Jul off)'),
    (2024, 'Government decree on the transfer of days off in 2024 (Sat 4 May works, Wed 8 May off)'),
    (2025, 'Government decree on the transfer of days off in 2025 (Sun 5 Jan works, Fri 3 Jan off)'),
    (2026, 'No transfers decreed for 2026; holidays per the Law "On holidays" as amended (no 30 Aug)')
  ) AS v(y, b);

UPDATE calendar_year
   SET basis = 'Generated from the holiday rules, with the transfers known from published decrees (Sat 3 Jul works, Mon 5 Jul off); other transfers of the year not established'
 WHERE calendar = 'KZ' AND year = 2021;
UPDATE calendar_year
   SET basis = 'Generated from the holiday rules, with the transfers of Government decree No. 713 of 6 October 2021 as amended (5/7 Mar, 27/29 Aug, 22/24 Oct); the December holidays of 2022 are reported differently, so the year is not confirmed'
 WHERE calendar = 'KZ' AND year = 2022;

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
  roadmap_due_date    date,
  status              text NOT NULL DEFAULT 'on_control' CHECK (status IN ('on_control', 'removed')),
  removed_on          date,
  parent_id           bigint REFERENCES instruction,
  extensions          smallint NOT NULL DEFAULT 0 CHECK (extensions >= 0),
  last_decision_id    bigint,
  created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX instruction_act_point_idx ON instruction (act_id, point);
CREATE INDEX instruction_due_idx ON instruction (due_date) WHERE status = 'on_control';
CREATE INDEX instruction_parent_idx ON instruction (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX instruction_responsible_idx ON instruction (responsible_body_id);

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
COMMENT ON COLUMN instruction.co_executor_ids IS 'Co-executing bodies (state_body ids)';
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

-- Decision journal ----------------------------------------------------------

CREATE TABLE decision (
  id                  bigserial PRIMARY KEY,
  instruction_id      bigint NOT NULL REFERENCES instruction,
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
  recorded_at         timestamptz NOT NULL DEFAULT now(),
  recorded_by         name NOT NULL DEFAULT current_user
);
CREATE INDEX decision_instruction_idx ON decision (instruction_id, kind);
-- a roadmap is journaled once: register_roadmap() looks its approval up by roadmap
CREATE INDEX decision_roadmap_idx ON decision (roadmap_id) WHERE roadmap_id IS NOT NULL;
-- instruction.last_decision_id has no foreign key: only the journal writes it, and
-- the guard checks every value against the decision it names.

COMMENT ON TABLE decision IS 'Append-only journal of every decision on control; inserting a row is how a decision is taken';
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
COMMENT ON COLUMN decision.recorded_by IS 'Database role that recorded the decision';

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
  ('decider', 'head_of_government_office', 'Премьер-Министр Кеңсесінің Басшысы', 'Руководитель Канцелярии Премьер-Министра', 'Head of the Government Office'),
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
  ('removal_ground', 'executed', 'Толық және тиісінше орындалуы', 'Полное и надлежащее исполнение', 'Full and proper execution'),
  ('removal_ground', 'duplicated', 'Бұрынғы тапсырманы қамтитын жаңа тапсырма', 'Новое поручение, содержащее прежнее', 'Contained in a new instruction'),
  ('removal_ground', 'impossible', 'Объективті себептермен орындау мүмкін еместігі', 'Невозможность исполнения по объективным причинам', 'Execution impossible for objective reasons'),
  ('removal_ground', 'control_passed', 'Бақылауды Үкіметке немесе өзге органға беру', 'Передача контроля Правительству или иному органу', 'Control passed to the Government or another body'),
  ('instruction_status', 'on_control', 'Бақылауда', 'На контроле', 'On control'),
  ('instruction_status', 'removed', 'Бақылаудан алынды', 'Снято с контроля', 'Removed from control'),
  ('report_kind', 'intermediate', 'Аралық ақпарат', 'Промежуточная информация', 'Intermediate report'),
  ('report_kind', 'final', 'Қорытынды ақпарат', 'Итоговая информация', 'Final report'),
  ('report_kind', 'risk', 'Мерзімнің бұзылу қаупі туралы ақпарат', 'Информация о риске нарушения срока', 'Risk of late execution'),
  ('report_kind', 'measures', 'Қабылданған шаралар туралы ақпарат', 'Информация о принятых мерах', 'Information on measures taken'),
  ('new_deadline_reason', 'emergency', 'Төтенше жағдай', 'Чрезвычайная ситуация', 'Emergency'),
  ('new_deadline_reason', 'state_of_emergency', 'Төтенше жағдай режимі', 'Режим чрезвычайного положения', 'State of emergency'),
  ('new_deadline_reason', 'quarantine', 'Карантин', 'Карантин', 'Quarantine');

CREATE FUNCTION label(domain text, code text, lang text DEFAULT 'en')
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
COMMENT ON FUNCTION journal_append_only() IS 'Trigger: refuses UPDATE, DELETE and TRUNCATE of the decision journal';

CREATE FUNCTION roadmap_judge()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_roadmap_judge' LANGUAGE C;
COMMENT ON FUNCTION roadmap_judge() IS 'Trigger: judges the approval of a roadmap (R57) and journals it';

CREATE FUNCTION report_judge()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_report_judge' LANGUAGE C;
COMMENT ON FUNCTION report_judge() IS 'Trigger: accepts reports only on instructions on control (R72.4 for measures)';


CREATE TRIGGER instruction_guard BEFORE INSERT OR UPDATE OR DELETE ON instruction
  FOR EACH ROW EXECUTE FUNCTION instruction_guard();
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
CREATE TRIGGER report_judge BEFORE INSERT ON report
  FOR EACH ROW EXECUTE FUNCTION report_judge();
-- seeded rows: as for the calendar's (seeded_row_owner, Calendar section)
CREATE TRIGGER seeded_row_owner BEFORE INSERT OR UPDATE ON decision_authority
  FOR EACH ROW EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON decision_authority
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();

-- User data survives pg_dump/restore ----------------------------------------

SELECT pg_catalog.pg_extension_config_dump('state_body', '');
SELECT pg_catalog.pg_extension_config_dump('state_body_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('act', '');
SELECT pg_catalog.pg_extension_config_dump('act_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('instruction', '');
SELECT pg_catalog.pg_extension_config_dump('instruction_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('decision', '');
SELECT pg_catalog.pg_extension_config_dump('decision_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('roadmap', '');
SELECT pg_catalog.pg_extension_config_dump('roadmap_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('report', '');
SELECT pg_catalog.pg_extension_config_dump('report_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('decision_authority', 'WHERE NOT seeded');

-- API -----------------------------------------------------------------------
-- Thin functions over INSERT: the triggers judge, so calling these and
-- inserting rows directly are the same thing.  SECURITY INVOKER: a caller
-- needs the table privileges the registry's roles grant.

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
  external_ref text DEFAULT NULL)
RETURNS instruction
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, instruction_control
BEGIN ATOMIC
  INSERT INTO instruction (kind, level, received_on, term, due_date, content, act_id, point,
                           signed_on, responsible_body_id, co_executor_ids, controlling_body_id,
                           pa_unit, completion_form, final_result, category, secrecy,
                           paper_card_ref, local_character, public_resonance, new_approaches,
                           reporting_period, parent_id, external_ref)
  VALUES (kind, level, received_on, term, due_date, content, act_id, point,
          signed_on, responsible_body_id, co_executor_ids, controlling_body_id,
          pa_unit, completion_form, final_result, category, secrecy,
          paper_card_ref, local_character, public_resonance, new_approaches,
          reporting_period, parent_id, external_ref)
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
  decided_on date DEFAULT current_date)
RETURNS decision
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, instruction_control
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis,
                        disciplinary_review, decided_on)
  VALUES (instruction_id, 'extension', new_due, decided_by, basis, disciplinary_review, decided_on)
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
  decided_on date DEFAULT current_date)
RETURNS decision
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, instruction_control
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_regime, new_due_date, decided_by, basis,
                        reason, disciplinary_review, decided_on)
  VALUES (instruction_id, 'transfer', regime, new_due, decided_by, basis,
          reason, disciplinary_review, decided_on)
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
  decided_on date DEFAULT current_date)
RETURNS decision
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, instruction_control
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis, reason, decided_on)
  VALUES (instruction_id, 'new_deadline', new_due, decided_by, basis, reason, decided_on)
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
  decided_on date DEFAULT current_date)
RETURNS decision
LANGUAGE sql VOLATILE
SET search_path = pg_catalog, instruction_control
BEGIN ATOMIC
  INSERT INTO decision (instruction_id, kind, ground, decided_by, evidence, evidence_ref, decided_on)
  VALUES (instruction_id, 'removal', ground, decided_by, evidence, evidence_ref, decided_on)
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
SET search_path = pg_catalog, instruction_control
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
SET search_path = pg_catalog, instruction_control
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
