--
-- point_ref: input forms and canonical output, natural order, depth, parent,
-- ancestry, the subtree range an index answers, and refused literals.
--
-- quietly: the extension exists already when the whole suite runs
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS instruction_control;
RESET client_min_messages;
SET search_path = instruction_control, public;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- Accepted forms and their canonical text.
SELECT input, input::point_ref AS canonical
  FROM (VALUES ('1'), ('42-1'), ('66-3'), ('5)'), ('1.42-1.5)'), (' 1 . 42 - 1 . 5 ) '),
               ('42.'), ('тармақ 42-1'), ('42-1-тармақ'), ('42-1-ТАРМАҒЫ'), ('5) тармақша'),
               ('5) тармақшасы'), ('пункт 42-1'), ('Подпункт 5)'), ('п. 42-1'), ('п.42-1'),
               ('пп. 5)'), ('42–1'), ('99999999'), ('1.2.3.4.5.6.7.8.9.10'))
       AS t(input);

-- Natural order: 42 < 42-1 < 42-2 < 43 < 100, a point before its sub-points,
-- and "5" < its sub-points < "5)" < "5-1".
SELECT p FROM unnest('{100,43,42-2,42-1,42,42.1,42.2),42),5-1,5),5.1,5,4,1.42-1.5),1.42-1,1}'::point_ref[]) AS p
 ORDER BY p;

SELECT p, depth(p), parent(p), parent(parent(p)) AS grandparent, point_ref_subtree_upper(p) AS upper
  FROM unnest('{4,42),42-1,1.42-1,1.42-1.5),30-1.2.3)}'::point_ref[]) AS p;

SELECT '42'::point_ref @> '42' AS self, '42'::point_ref @> '42.5)' AS child,
       '42'::point_ref @> '42.5).1' AS grandchild, '42'::point_ref @> '42-1' AS sibling,
       '42'::point_ref @> '42)' AS paren_sibling, '42'::point_ref @> '4' AS other,
       '42.5)'::point_ref <@ '42' AS descendant, '42'::point_ref <@ '42.5)' AS not_descendant;

SELECT 42::point_ref AS from_integer;
SELECT 0::point_ref;
\echo sqlstate :LAST_ERROR_SQLSTATE

-- A btree index answers "all sub-points of 42": <@ is inlined into a range.
CREATE TABLE pg_temp.points (ref point_ref PRIMARY KEY);
INSERT INTO pg_temp.points
SELECT (a || '.' || b || CASE WHEN c = 0 THEN '' ELSE '.' || c || ')' END)::point_ref
  FROM generate_series(1, 80) a, generate_series(1, 12) b, generate_series(0, 4) c;
INSERT INTO pg_temp.points SELECT a::point_ref FROM generate_series(1, 80) a;
INSERT INTO pg_temp.points VALUES ('42)'), ('42-1'), ('42-1.1');
ANALYZE pg_temp.points;
EXPLAIN (COSTS OFF) SELECT ref FROM pg_temp.points WHERE ref <@ '42';
EXPLAIN (COSTS OFF) SELECT ref FROM pg_temp.points WHERE '42.3'::point_ref @> ref;
SELECT count(*) AS in_subtree, count(*) FILTER (WHERE depth(ref) = 2) AS children
  FROM pg_temp.points WHERE ref <@ '42';
SELECT ref FROM pg_temp.points WHERE ref <@ '42.12' ORDER BY ref;
-- the same rows as the prefix test without an index
SELECT count(*) AS disagreements
  FROM pg_temp.points a, (VALUES ('42'::point_ref), ('42.3'), ('42)'), ('1'), ('80.12.4)')) AS q(p)
 WHERE (a.ref <@ q.p) IS DISTINCT FROM point_ref_contains(q.p, a.ref);

-- Refused: full errors for a few ...
SELECT '4 2'::point_ref;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT '42а'::point_ref;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT '1..2'::point_ref;
\echo sqlstate :LAST_ERROR_SQLSTATE

-- ... and SQLSTATE, message and detail of many.
CREATE FUNCTION pg_temp.try(lit text, OUT state text, OUT message text, OUT detail text)
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM lit::instruction_control.point_ref;
  state := '00000';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT,
                          detail = PG_EXCEPTION_DETAIL;
END
$$;
SELECT lit, r.state, r.message, r.detail
  FROM unnest(ARRAY['', '   ', 'пункт', 'п.', '0', '05', '1.0', '42-0', '100000000',
                    '1..2', '.5', '5..', '.', '42-', '-1', '42--1', ')', '1.)', '5))', '5)1',
                    '5)-1', '4 2', '42a', '1,2', '1/2', '(5)', '+1', '42 п.', 'пунктт 4',
                    '1—2', 'IV', 'сорок два']) AS lit,
       LATERAL pg_temp.try(lit) AS r;
-- longer than 1024 bytes
SELECT (SELECT r.detail FROM pg_temp.try(repeat('1.', 513)) r) AS too_long;
