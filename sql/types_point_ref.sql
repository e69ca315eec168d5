--
-- point_ref: input forms and canonical output, natural order, depth, parent,
-- ancestry, the subtree range an index answers, the subtree bounds at the
-- limits, and refused literals.
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

-- Long values are shown by their ends.
CREATE FUNCTION pg_temp.short(p point_ref) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN length(p::text) <= 24 THEN p::text
              ELSE left(p::text, 11) || '...' || right(p::text, 10) END $$;

-- upper: the least point after the subtree; last: the greatest point in it
-- (its last sub-point of at most 1024 bytes).
SELECT p, depth(p), parent(p), parent(parent(p)) AS grandparent, point_ref_subtree_upper(p) AS upper,
       pg_temp.short(point_ref_subtree_last(p)) AS last, length(point_ref_subtree_last(p)::text) AS last_len
  FROM unnest('{4,42),42-1,1.42-1,1.42-1.5),30-1.2.3)}'::point_ref[]) AS p;

SELECT '42'::point_ref @> '42' AS self, '42'::point_ref @> '42.5)' AS child,
       '42'::point_ref @> '42.5).1' AS grandchild, '42'::point_ref @> '42-1' AS sibling,
       '42'::point_ref @> '42)' AS paren_sibling, '42'::point_ref @> '4' AS other,
       '42.5)'::point_ref <@ '42' AS descendant, '42'::point_ref <@ '42.5)' AS not_descendant;

SELECT 42::point_ref AS from_integer;
SELECT 0::point_ref;
\echo sqlstate :LAST_ERROR_SQLSTATE

-- Subtree bounds at the limits of length (1024 bytes), depth and number.
-- point_ref_subtree_upper(p) was "p)" or "p-1", one byte longer than p,
-- which input refuses when p has 1024 bytes; it is now the next value that
-- fits, and NULL only for the greatest value of all ("M" below), which
-- nothing follows.  point_ref_subtree_last(p) always exists, and @> and <@
-- are the range [p, point_ref_subtree_last(p)].
CREATE TABLE pg_temp.extremes (what text, p point_ref);
INSERT INTO pg_temp.extremes SELECT what, lit::point_ref FROM (VALUES
  ('deepest, 512 segments', repeat('1.', 511) || '1'),
  ('longest plain',         repeat('1.', 511) || '10'),
  ('longest with )',        repeat('1.', 511) || '1)'),
  ('longest, 99 then 100',  repeat('9.', 511) || '99'),
  ('longest, largest',      repeat('1.', 503) || '99999999-99999999)'),
  ('longest, 999999)',      '99999999' || repeat('-99999999', 112) || '-999999)'),
  ('next to M',             '99999999' || repeat('-99999999', 112) || '-9999998'),
  ('M, the greatest',       '99999999' || repeat('-99999999', 112) || '-9999999'),
  ('largest number',        '99999999'),
  ('largest number)',       '99999999)'),
  ('suffix form',           '1.42-1.5)')) AS t(what, lit);
SELECT what, length(p::text) AS len, depth(p),
       pg_temp.short(point_ref_subtree_upper(p)) AS upper, length(point_ref_subtree_upper(p)::text) AS upper_len,
       pg_temp.short(point_ref_subtree_last(p)) AS last, length(point_ref_subtree_last(p)::text) AS last_len
  FROM pg_temp.extremes;
-- none fails: the bounds parse back to themselves, upper is after the
-- subtree and not in it, last is in it
SELECT what FROM pg_temp.extremes
 WHERE point_ref_subtree_upper(p)::text::point_ref IS DISTINCT FROM point_ref_subtree_upper(p)
    OR point_ref_subtree_last(p)::text::point_ref IS DISTINCT FROM point_ref_subtree_last(p)
    OR NOT point_ref_contains(p, point_ref_subtree_last(p))
    OR point_ref_subtree_upper(p) <= point_ref_subtree_last(p)
    OR point_ref_contains(p, point_ref_subtree_upper(p));
SELECT point_ref_subtree_upper((repeat('1.', 511) || '10')::point_ref)
         = (repeat('1.', 511) || '11')::point_ref AS longest_plain,
       point_ref_subtree_upper((repeat('1.', 511) || '1)')::point_ref)
         = (repeat('1.', 511) || '2')::point_ref AS longest_paren,
       point_ref_subtree_upper((repeat('9.', 511) || '99')::point_ref)
         = (repeat('9.', 510) || '9)')::point_ref AS one_level_up,
       point_ref_subtree_upper(('99999999' || repeat('-99999999', 112) || '-9999998')::point_ref)
         = ('99999999' || repeat('-99999999', 112) || '-9999999')::point_ref AS m_follows;
-- @> and <@ agree with the prefix test on the extremes, their bounds and
-- their parents
CREATE TABLE pg_temp.near (r point_ref);
INSERT INTO pg_temp.near
SELECT DISTINCT x FROM pg_temp.extremes e,
       LATERAL (VALUES (e.p), (parent(e.p)), (point_ref_subtree_upper(e.p)), (point_ref_subtree_last(e.p)),
                       (parent(point_ref_subtree_last(e.p))), (parent(point_ref_subtree_upper(e.p)))) AS v(x)
 WHERE x IS NOT NULL;
SELECT count(*) AS pairs,
       count(*) FILTER (WHERE (a.r @> b.r) IS DISTINCT FROM point_ref_contains(a.r, b.r)
                           OR (b.r <@ a.r) IS DISTINCT FROM point_ref_contains(a.r, b.r)) AS disagreements,
       count(*) FILTER (WHERE a.r @> b.r AND a.r <> b.r) AS proper_ancestors
  FROM pg_temp.near a, pg_temp.near b;
SELECT p @> p AS m_contains_m, p <@ p AS m_within_m, point_ref_subtree_upper(p) IS NULL AS nothing_after_m
  FROM pg_temp.extremes WHERE what LIKE 'M%';

-- A btree index answers "all sub-points of 42": <@ is inlined into a range.
CREATE TABLE pg_temp.points (ref point_ref PRIMARY KEY);
INSERT INTO pg_temp.points
SELECT (a || '.' || b || CASE WHEN c = 0 THEN '' ELSE '.' || c || ')' END)::point_ref
  FROM generate_series(1, 80) a, generate_series(1, 12) b, generate_series(0, 4) c;
INSERT INTO pg_temp.points SELECT a::point_ref FROM generate_series(1, 80) a;
INSERT INTO pg_temp.points VALUES ('42)'), ('42-1'), ('42-1.1');
ANALYZE pg_temp.points;
-- the plans, with the 1024-byte bound (point_ref_subtree_last) shortened
CREATE FUNCTION pg_temp.plan(q text) RETURNS SETOF text LANGUAGE plpgsql AS $f$
DECLARE
  l text;
BEGIN
  FOR l IN EXECUTE 'EXPLAIN (COSTS OFF) ' || q LOOP
    RETURN NEXT regexp_replace(l, $$'([^']{11})[^']{20,}([^']{10})'$$, $$'\1...\2'$$, 'g');
  END LOOP;
END
$f$;
SELECT pg_temp.plan($$SELECT ref FROM pg_temp.points WHERE ref <@ '42'$$);
SELECT pg_temp.plan($$SELECT ref FROM pg_temp.points WHERE '42.3'::point_ref @> ref$$);
SELECT count(*) AS in_subtree, count(*) FILTER (WHERE depth(ref) = 2) AS children
  FROM pg_temp.points WHERE ref <@ '42';
SELECT ref FROM pg_temp.points WHERE ref <@ '42.12' ORDER BY ref;
-- the same rows as the prefix test without an index
SELECT count(*) AS disagreements
  FROM pg_temp.points a, (VALUES ('42'::point_ref), ('42.3'), ('42)'), ('1'), ('80.12.4)')) AS q(p)
 WHERE (a.ref <@ q.p) IS DISTINCT FROM point_ref_contains(q.p, a.ref);
-- the extremes, by index too
INSERT INTO pg_temp.points SELECT r FROM pg_temp.near ON CONFLICT DO NOTHING;
ANALYZE pg_temp.points;
SET enable_seqscan = off;
SELECT pg_temp.plan($$SELECT ref FROM pg_temp.points
                       WHERE ref <@ ('99999999' || repeat('-99999999', 112) || '-9999999')::point_ref$$);
SELECT e.what, count(a.ref) AS in_subtree
  FROM pg_temp.extremes e LEFT JOIN pg_temp.points a ON a.ref <@ e.p
 GROUP BY e.what ORDER BY e.what COLLATE "C";
SELECT count(*) AS pairs, count(*) FILTER (WHERE (a.ref <@ q.r) IS DISTINCT FROM point_ref_contains(q.r, a.ref))
       AS disagreements
  FROM pg_temp.points a, pg_temp.near q;
-- a generic plan (a parameter, not a constant) still scans one range
PREPARE subtree(point_ref) AS SELECT ref FROM pg_temp.points WHERE ref <@ $1;
SET plan_cache_mode = force_generic_plan;
SELECT pg_temp.plan($$EXECUTE subtree('42')$$);
RESET plan_cache_mode;
RESET enable_seqscan;
DEALLOCATE subtree;

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

-- Hostile input: empty, whitespace only (the no-break spaces U+00A0 and
-- U+202F are whitespace too), huge numbers, digits of other scripts, and
-- overlong input, also when its canonical text would fit (the limit is on
-- the input).  Whitespace other than ' ' is shown as <name>.
SELECT replace(replace(replace(replace(lit, chr(160), '<nbsp>'), chr(8239), '<nnbsp>'), E'\t', '<tab>'),
               E'\n', '<lf>') AS lit, r.state, r.detail
  FROM unnest(ARRAY['', ' ', E'\t\n', chr(160), chr(160) || chr(160), chr(160) || '42' || chr(160),
                    '4' || chr(160) || '2', chr(8239) || '5)', '99999999', '100000000',
                    '1.100000000', '42-100000000', '99999999999999999999999999999999',
                    '4294967297', '18446744073709551617', '-0', '+5', '1e3', '0x10', '٤٢',
                    '４２']) AS lit,
       LATERAL pg_temp.try(lit) AS r;
SELECT what, octet_length(lit) AS bytes, r.state, r.detail
  FROM (VALUES ('1024 bytes', repeat('1.', 511) || '10'),
               ('1025 bytes', repeat('1.', 512) || '1'),
               ('1024 bytes and a space', ' ' || repeat('1.', 511) || '10'),
               ('1024 bytes with a word', 'п. ' || repeat('1.', 509) || '10'),
               ('M and a final dot', '99999999' || repeat('-99999999', 112) || '-9999999.'),
               ('2000 digits', repeat('9', 2000)),
               ('100000 bytes', repeat('1.', 50000))) AS t(what, lit),
       LATERAL pg_temp.try(lit) AS r;
\set VERBOSITY terse
SELECT ''::point_ref;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT chr(160)::point_ref;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT '100000000'::point_ref;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT 100000000::point_ref;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT (-1)::point_ref;
\echo sqlstate :LAST_ERROR_SQLSTATE
\set VERBOSITY default
