-- Domain types: operators, order, operator classes, labels and predicates of
-- control_level (R42-1), instruction_kind (R4.2, R42) and point_ref.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET LOCAL search_path = instruction_control, public;
SELECT plan(58);
\ir include/helpers.psql

-- Types, operator classes
SELECT has_type('instruction_control', 'control_level', 'type control_level exists');
SELECT has_type('instruction_control', 'instruction_kind', 'type instruction_kind exists');
SELECT has_type('instruction_control', 'point_ref', 'type point_ref exists');
SELECT is((SELECT count(*)::int FROM pg_opclass c JOIN pg_am a ON a.oid = c.opcmethod
            WHERE c.opcdefault AND c.opcintype IN ('control_level'::regtype, 'instruction_kind'::regtype,
                                                    'point_ref'::regtype)
              AND a.amname IN ('btree', 'hash')),
          6, 'each type has a default btree and a default hash operator class');
SELECT is((SELECT count(*)::int FROM pg_type t
            WHERE t.oid IN ('control_level'::regtype, 'instruction_kind'::regtype, 'point_ref'::regtype)
              AND obj_description(t.oid, 'pg_type') IS NOT NULL),
          3, 'every type has a COMMENT');
SELECT is((SELECT count(*)::int FROM pg_proc p
            WHERE p.pronamespace = 'instruction_control'::regnamespace
              AND obj_description(p.oid, 'pg_proc') IS NULL),
          0, 'every function of the extension has a COMMENT');

-- control_level: R42-1 order
SELECT ok('pa'::control_level > 'government' AND 'government'::control_level > 'central'
          AND 'central'::control_level > 'local' AND 'local'::control_level > 'organisation',
          'R42-1: pa > government > central > local > organisation');
SELECT results_eq($$SELECT l::text AS code FROM unnest('{local,pa,organisation,central,government}'::control_level[]) l ORDER BY l$$,
                  ARRAY['organisation', 'local', 'central', 'government', 'pa'],
                  'R42-1: ORDER BY control_level sorts lowest level first');
SELECT is((SELECT l::text FROM control_levels() l ORDER BY l DESC LIMIT 1), 'pa', 'R42-1: the highest level is pa');
SELECT is('Президент Әкімшілігі'::control_level, 'pa'::control_level, 'Kazakh name of the PA');
SELECT is('АП'::control_level, 'pa'::control_level, 'Russian abbreviation of the PA');
SELECT is('правительство рк'::control_level, 'government'::control_level, 'Russian name of the Government, lower case');
SELECT is('Акимат'::control_level, 'local'::control_level, 'akimat is a local executive body');
SELECT ok('local'::control_level <> 'central' AND 'local'::control_level <= 'local'
          AND 'local'::control_level >= 'local' AND NOT ('local'::control_level < 'local'),
          '<>, <=, >=, < on control_level');
-- the SQLSTATE, not the message: PostgreSQL translates "invalid input syntax
-- for type" under lc_messages (test/integration/locale_clusters.sh)
SELECT throws_ok($$SELECT 'президент'::instruction_control.control_level$$, '22P02', NULL,
                 'R42-1: an unknown level name is refused with 22P02');
SELECT throws_ok($$SELECT instruction_control.label('pa'::instruction_control.control_level, 'kz')$$, '22023',
                 'unknown label language: "kz"', 'label() refuses an unknown language');
SELECT is(label('central'::control_level, 'kk'), 'Орталық мемлекеттік орган', 'Kazakh label');
SELECT is(label('central'::control_level), 'Central state body', 'label() defaults to English');
-- hash opclass: a hash join and a hash aggregate over the type
SELECT is((SELECT count(*)::int FROM (SELECT l FROM control_levels() l, generate_series(1, 3) GROUP BY l) g),
          5, 'GROUP BY control_level');
SELECT is(control_level_hash('pa'), control_level_hash('ПӘ'), 'equal levels hash equally');

-- instruction_kind
SELECT results_eq($$SELECT k::text AS code FROM instruction_kinds() k WHERE is_personal(k) ORDER BY k$$,
                  ARRAY['personal', 'personal_published'],
                  'R51/R77: is_personal is true for both personal kinds');
SELECT results_eq($$SELECT k::text FROM instruction_kinds() k WHERE is_published_personal(k)$$,
                  ARRAY['personal_published'], 'R74: is_published_personal only for personal_published');
SELECT results_eq($$SELECT k::text FROM instruction_kinds() k WHERE extension_only_by_president(k)$$,
                  ARRAY['personal'], 'R74: only an unpublished personal instruction is extended by the President alone');
SELECT results_eq($$SELECT k::text FROM instruction_kinds() k WHERE is_security_council(k)$$,
                  ARRAY['security_council'], 'R69.2: is_security_council');
SELECT results_eq($$SELECT k::text FROM instruction_kinds() k WHERE is_national_plan(k)$$,
                  ARRAY['national_plan'], 'R72.1: is_national_plan');
SELECT results_eq($$SELECT k::text AS code FROM instruction_kinds() k WHERE requires_pa_control(k) ORDER BY k$$,
                  ARRAY['security_council', 'assembly', 'personal', 'personal_published'],
                  'R42-1.1: decisions of the SC and the Assembly and personal instructions go on PA control');
SELECT is('Қауіпсіздік Кеңесі'::instruction_kind, 'security_council'::instruction_kind, 'Kazakh name of the SC');
SELECT is('Личное поручение'::instruction_kind, 'personal'::instruction_kind, 'Russian name of a personal instruction');
SELECT is((SELECT count(DISTINCT label(k, lang))::int FROM instruction_kinds() k, unnest('{kk,ru,en}'::text[]) lang),
          24, 'every kind has three distinct labels');
SELECT throws_ok($$SELECT 'order'::instruction_control.instruction_kind$$, '22P02', NULL,
                 'an unknown kind is refused with 22P02');
SELECT is((SELECT count(*)::int FROM instruction_kinds() a, instruction_kinds() b
            WHERE (a < b) <> (array_position(ARRAY['act_point','event','security_council','assembly','personal',
                                                   'personal_published','document','national_plan'], a::text) <
                              array_position(ARRAY['act_point','event','security_council','assembly','personal',
                                                   'personal_published','document','national_plan'], b::text))),
          0, 'instruction_kind < follows the numbers of the kinds');

-- point_ref: the decree's own point numbers in natural order
SELECT results_eq(
  $$SELECT p::text AS code FROM unnest('{80-1,4,75-1,13,66-3,14,20,21,24,30-1,30,33,37,42-1,42,43-1,47,48-1,48,50,51,
                               56,57,59,66-2,66-1,67,69,70,72,74-1,74,75,76-1,76,77,79,80}'::point_ref[]) p
     ORDER BY p$$,
  ARRAY['4', '13', '14', '20', '21', '24', '30', '30-1', '33', '37', '42', '42-1', '43-1', '47', '48',
        '48-1', '50', '51', '56', '57', '59', '66-1', '66-2', '66-3', '67', '69', '70', '72', '74', '74-1',
        '75', '75-1', '76', '76-1', '77', '79', '80', '80-1'],
  'ORDER BY point_ref sorts the points of Decree 403 naturally (R42-1 after R42, R80-1 after R80)');
SELECT ok('42'::point_ref < '42-1' AND '42-1'::point_ref < '42-2' AND '42-2'::point_ref < '43'
          AND '43'::point_ref < '100', '42 < 42-1 < 42-2 < 43 < 100');
SELECT ok('1'::point_ref < '1.1' AND '1.1'::point_ref < '1.1.1)' AND '1.99'::point_ref < '2',
          'a point sorts before its sub-points, and they before the next point');
SELECT ok('5'::point_ref < '5.1' AND '5.1'::point_ref < '5)' AND '5)'::point_ref < '5-1',
          '5 < 5.1 < 5) < 5-1');
SELECT is('п. 42-1'::point_ref, '42-1'::point_ref, 'п. is dropped');
SELECT is('42-1-тармақ'::point_ref, '42-1'::point_ref, 'a trailing -тармақ is dropped');
SELECT is('5) тармақша'::point_ref::text, '5)', 'a trailing тармақша is dropped');
SELECT ok('42'::point_ref <> '42)' AND '42'::point_ref <= '42' AND '42'::point_ref >= '42'
          AND '43'::point_ref > '42-9', '<>, <=, >=, > on point_ref');
SELECT is(depth('1.42-1.5)'), 3, 'depth');
SELECT is(parent('1.42-1.5)'), '1.42-1'::point_ref, 'parent');
SELECT is(parent('42-1'), NULL, 'parent of a top-level point is NULL');
SELECT ok('42'::point_ref @> '42.5)' AND '42.5)'::point_ref <@ '42', '@> and <@');
SELECT ok('42'::point_ref @> '42' AND '42'::point_ref <@ '42', '@> and <@ include equality');
SELECT ok(NOT ('42'::point_ref @> '42-1') AND NOT ('42'::point_ref @> '42)') AND NOT ('4'::point_ref @> '42'),
          'siblings and other points are not descendants');
-- @> (inlined into a range) agrees with the plain prefix test over many pairs
SELECT is((SELECT count(*)::int
             FROM (SELECT (a || CASE WHEN b = 0 THEN '' ELSE '.' || b END
                             || CASE WHEN c = 0 THEN '' WHEN c = 1 THEN ')' ELSE '-' || c END)::point_ref AS p
                     FROM generate_series(1, 12) a, generate_series(0, 3) b, generate_series(0, 3) c) x,
                  (SELECT (a || CASE WHEN b = 0 THEN '' ELSE '.' || b END
                             || CASE WHEN c = 0 THEN '' WHEN c = 1 THEN ')' ELSE '-' || c END)::point_ref AS p
                     FROM generate_series(1, 12) a, generate_series(0, 3) b, generate_series(0, 3) c) y
            WHERE (x.p @> y.p) <> point_ref_contains(x.p, y.p)), 0,
          '@> agrees with the prefix test on every pair of 192 points');
SELECT is(point_ref_hash('п. 42-1'), point_ref_hash('42-1'), 'equal point numbers hash equally');
SELECT is((SELECT count(DISTINCT p)::int FROM unnest('{42,42-1,42-1,п. 42,42)}'::point_ref[]) p), 3,
          'DISTINCT over point_ref');
SELECT throws_ok($$SELECT '1..2'::instruction_control.point_ref$$, '22P02', NULL,
                 'a malformed point number is refused with 22P02 (the SQLSTATE: the message is translated)');
SELECT is(point_ref_subtree_upper('42')::text, '42)', 'subtree upper bound of 42 is 42)');
SELECT is(point_ref_subtree_upper('42)')::text, '42-1', 'subtree upper bound of 42) is 42-1');
-- at the 1024-byte limit the bound is still a value input accepts
SELECT is(point_ref_subtree_upper((repeat('1.', 511) || '10')::point_ref)::text::point_ref,
          (repeat('1.', 511) || '11')::point_ref,
          'subtree upper bound of a 1024-byte point parses back (1.1. ... .10 gives 1.1. ... .11)');
SELECT ok(point_ref_subtree_upper(('99999999' || repeat('-99999999', 112) || '-9999999')::point_ref) IS NULL,
          'nothing follows the greatest point number: its subtree upper bound is NULL');
SELECT ok((SELECT m @> m AND m <@ m AND NOT (m @> n) AND NOT (n @> m)
             FROM (SELECT ('99999999' || repeat('-99999999', 112) || '-9999999')::point_ref AS m,
                          ('99999999' || repeat('-99999999', 112) || '-9999998')::point_ref AS n) v),
          '@> and <@ hold for the greatest point number itself, and not with its neighbour');
SELECT is(length(point_ref_subtree_last('7')::text), 1024,
          'subtree last value of 7 is its last sub-point of 1024 bytes');

-- An index serves <@ (the planner inlines it into a btree range).
CREATE TEMP TABLE tap_points (ref point_ref PRIMARY KEY);
INSERT INTO tap_points SELECT (a || '.' || b)::point_ref FROM generate_series(1, 50) a, generate_series(1, 50) b;
ANALYZE tap_points;
SET LOCAL enable_seqscan = off;
SELECT ok((SELECT bool_or(l ~ 'Index (Only )?Scan using tap_points_pkey')
             FROM pg_temp.plan_of($$SELECT * FROM tap_points WHERE ref <@ '7'$$) l),
          'a btree index serves ref <@ p');
SELECT ok((SELECT bool_or(l ~ 'ref >= ''7''::(instruction_control\.)?point_ref')
                  AND bool_or(l ~ 'ref <= ''7\.99999999-99999999-')
             FROM pg_temp.plan_of($$SELECT * FROM tap_points WHERE ref <@ '7'$$) l),
          'as the range [7, point_ref_subtree_last(7)]');
SELECT is((SELECT count(*)::int FROM tap_points WHERE ref <@ '7'), 50, 'and finds the 50 sub-points of 7');
SELECT * FROM finish();
ROLLBACK;
