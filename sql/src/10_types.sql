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

