-- Whole figures only (issue 17, item 5): with row security a reader of one
-- body sees only its instructions, so a figure over another body, or a form,
-- would be partial and look whole.  Generated from the catalog: for EVERY
-- report_* view and EVERY form_* function, what a reader of one body gets
-- equals what a superuser gets for those rows (a form may refuse, IC305), and
-- a controller, who sees every row, gets exactly the superuser's result.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(2 * (SELECT count(*)::integer FROM pg_class c
                  WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind IN ('v', 'm')
                    AND c.relname LIKE 'report\_%')
            + 2 * (SELECT count(*)::integer FROM pg_proc p
                    WHERE p.pronamespace = 'instruction_control'::regnamespace AND p.proname LIKE 'form\_%')
            + 5);

-- A small registry: body X's instruction i2 has MH as co-executor, so a reader
-- of MH sees i2 (one of X's two) but not i5 (X's other one) nor the act's
-- other points of other bodies.
INSERT INTO state_body (code, name, name_kk, name_ru, body_type, sector) VALUES
  ('W-MH', 'Ministry of Health', 'Денсаулық сақтау министрлігі', 'Министерство здравоохранения', 'central', 'health care'),
  ('W-X', 'Agency X', NULL, NULL, 'central', 'Custom sector'),
  ('W-GOV', 'Government', 'Үкімет', 'Правительство', 'government', NULL);
INSERT INTO act (external_ref, act_type, number, title, signed_on) VALUES ('W-A1', 'Указ', '7', 'Decree seven', '2025-03-01');
SELECT id AS mh FROM state_body WHERE code = 'W-MH' \gset
SELECT id AS x FROM state_body WHERE code = 'W-X' \gset
SELECT id AS gov FROM state_body WHERE code = 'W-GOV' \gset
SELECT id AS a1 FROM act WHERE external_ref = 'W-A1' \gset

SELECT (put_on_control('event', 'government', '2025-03-03', term => '10 wd', act_id => :a1, point => '1.10',
                       responsible_body_id => :mh, controlling_body_id => :gov, content => 'Alpha')).id AS i1 \gset
SELECT extend_deadline(:i1, '2025-04-15', 'prime_minister', 'conclusion 1', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}');
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', act_id => :a1, point => '1.9',
                       responsible_body_id => :x, co_executor_ids => ARRAY[:mh]::bigint[], controlling_body_id => :gov,
                       content => 'Gamma')).id AS i2 \gset
SELECT submit_report(:i2, 'final', 'Law adopted', submitted_on => '2025-03-19');
SELECT remove_from_control(:i2, 'executed', 'prime_minister', '{official_report}', 'report 2', decided_on => '2025-03-20');
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', act_id => :a1, point => '1.1',
                       responsible_body_id => :x, controlling_body_id => :gov, content => 'Beta')).id AS i5 \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', act_id => :a1, point => '10',
                       responsible_body_id => :mh, content => 'Delta', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i4 \gset

CREATE ROLE ic_whole_reader NOLOGIN IN ROLE ic_reader;
INSERT INTO body_member VALUES ('ic_whole_reader', :mh);
CREATE ROLE ic_whole_controller NOLOGIN IN ROLE ic_controller;

-- What the superuser gets: every view's rows, every form's result for the act
-- and for every body (arguments by name; those with defaults keep them)
CREATE TEMP TABLE call (item text, key text, sql text, form boolean);
INSERT INTO call
SELECT c.relname, '', format('SELECT to_jsonb(t) FROM instruction_control.%I t', c.relname), false
  FROM pg_class c
 WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind IN ('v', 'm') AND c.relname LIKE 'report\_%';
INSERT INTO call
SELECT p.oid::regprocedure::text, k.key::text,
       format('SELECT to_jsonb(t) FROM instruction_control.%I(%s) t', p.proname,
              array_to_string(ARRAY(SELECT CASE a.n WHEN 'act_id' THEN k.key::text WHEN 'body_id' THEN k.key::text
                                                    WHEN 'year' THEN '2025' WHEN 'lang' THEN '''ru'''
                                                    ELSE 'UNKNOWN_ARGUMENT_' || a.n END
                                      FROM unnest(p.proargnames[1:p.pronargs - p.pronargdefaults]) a(n)), ', ')),
       true
  FROM pg_proc p
  CROSS JOIN LATERAL (SELECT b.id AS key FROM state_body b WHERE b.code LIKE 'W-%' AND 'body_id' = ANY (p.proargnames)
                      UNION ALL
                      SELECT a.id FROM act a WHERE a.external_ref = 'W-A1' AND NOT 'body_id' = ANY (p.proargnames)) k
 WHERE p.pronamespace = 'instruction_control'::regnamespace AND p.proname LIKE 'form\_%';
CREATE TEMP TABLE whole (item text, key text, j jsonb);
DO $$
DECLARE c record;
BEGIN
  FOR c IN SELECT * FROM pg_temp.call LOOP
    EXECUTE format('INSERT INTO pg_temp.whole SELECT %L, %L, s.j FROM (%s) s(j)', c.item, c.key, c.sql);
  END LOOP;
END
$$;

GRANT SELECT ON pg_temp.call, pg_temp.whole TO PUBLIC;

-- What a role gets, held to the superuser's: 'ok', or the first difference.
-- A view may give a reader fewer rows, never a row the superuser has not
-- (a partial count is such a row); a form gives all its rows or refuses
-- (IC305), never some of them.
CREATE FUNCTION pg_temp.held_to_whole(the_item text, may_refuse boolean) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  c record;
  extra jsonb;
  missing jsonb;
BEGIN
  FOR c IN SELECT * FROM pg_temp.call WHERE item = the_item ORDER BY key LOOP
    BEGIN
      EXECUTE format('SELECT (SELECT jsonb_agg(j) FROM (%s EXCEPT ALL SELECT w.j FROM pg_temp.whole w WHERE w.item = %L AND w.key = %L) e(j)),
                             (SELECT jsonb_agg(j) FROM (SELECT w.j FROM pg_temp.whole w WHERE w.item = %L AND w.key = %L EXCEPT ALL %s) e(j))',
                     c.sql, c.item, c.key, c.item, c.key, c.sql)
        INTO extra, missing;
    EXCEPTION WHEN SQLSTATE 'IC305' THEN
      IF may_refuse THEN
        CONTINUE;
      END IF;
      RETURN format('%s (%s): refused: %s', c.item, c.key, SQLERRM);
    END;
    IF extra IS NOT NULL THEN
      RETURN format('%s (%s): a row the superuser does not have: %s', c.item, c.key, extra -> 0);
    END IF;
    IF missing IS NOT NULL AND (c.form OR NOT may_refuse) THEN
      RETURN format('%s (%s): a row left out: %s', c.item, c.key, missing -> 0);
    END IF;
  END LOOP;
  RETURN 'ok';
END
$$;

SELECT cmp_ok((SELECT count(*) FROM pg_temp.whole WHERE item = 'report_discipline' AND (j ->> 'body_id')::bigint = :x), '>', 0::bigint,
              'the fixture: report_discipline has rows of body X for the superuser');

SET ROLE ic_whole_reader;
SELECT is(pg_temp.held_to_whole(c.item, true), 'ok',
          format('issue 17, item 5: a reader of one body gets from %s only whole figures (the superuser''s rows, or a refusal IC305 for a form)', c.item))
  FROM (SELECT DISTINCT item FROM pg_temp.call) c ORDER BY c.item;
SELECT is((SELECT count(*) FROM report_discipline WHERE body_id = :x), 0::bigint,
          'issue 17, item 5: the reader of MH gets no row of body X from report_discipline (it sees only X''s co-executed instruction)');
SELECT cmp_ok((SELECT count(*) FROM report_discipline WHERE body_id = :mh), '>', 0::bigint,
              'issue 17, item 5: the reader of MH gets its own body''s rows of report_discipline');
SELECT throws_ok(format('SELECT * FROM form_control_approval(%s)', :a1), 'IC305', NULL,
                 'issue 17, item 5: Appendix 5 refuses a reader who sees part of the act (IC305)');
RESET ROLE;

SET ROLE ic_whole_controller;
SELECT is(pg_temp.held_to_whole(c.item, false), 'ok',
          format('issue 17, item 5: a controller, who sees every instruction, gets from %s exactly the superuser''s result', c.item))
  FROM (SELECT DISTINCT item FROM pg_temp.call) c ORDER BY c.item;
SELECT is((SELECT count(*) FROM report_discipline WHERE body_id = :x), 
          (SELECT count(*) FROM pg_temp.whole WHERE item = 'report_discipline' AND (j ->> 'body_id')::bigint = :x),
          'issue 17, item 5: a controller gets body X''s rows of report_discipline');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
