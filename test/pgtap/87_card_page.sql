-- A page of control cards on control by deadline (issue 19): report_control_card_page().
--   * it gives, page after page (keyset: the last card shown), exactly the cards the view gives for
--     SELECT ... FROM report_control_card WHERE status = 'on_control' ORDER BY due_date, instruction_id,
--     cards without a deadline last: as a reader of two bodies (its cards and the ones it co-executes,
--     merged), as a controller, as the superuser; a removed card is on no page;
--   * a reader's page walks its bodies through instruction_body_due_idx, not the whole registry;
--   * a reader of no body gets no card; a page of 0, 1001 or NULL cards, or a deadline without an id,
--     is refused with 22023 and the HINT says what is allowed.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';
SELECT plan(15);
\ir include/helpers.psql

CREATE ROLE tap_page_reader LOGIN IN ROLE ic_reader;
CREATE ROLE tap_page_nobody LOGIN IN ROLE ic_reader;
CREATE ROLE tap_page_controller LOGIN IN ROLE ic_controller;

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES
  ('PAGE-1', 'Ministry one', 'central'), ('PAGE-2', 'Ministry two', 'central'), ('PAGE-3', 'Ministry three', 'central');
SELECT id AS b1 FROM state_body WHERE code = 'PAGE-1' \gset
SELECT id AS b2 FROM state_body WHERE code = 'PAGE-2' \gset
SELECT id AS b3 FROM state_body WHERE code = 'PAGE-3' \gset
INSERT INTO body_member (member, body_id) VALUES ('tap_page_reader', :b1), ('tap_page_reader', :b2);

-- 36 cards: bodies in turn, received on 6 days (so deadlines tie), every 4th of b3 co-executed by b1
SELECT put_on_control('act_point', 'pa', date '2025-09-01' + (g % 6), term => '10 wd',
                      responsible_body_id => (ARRAY[:b1, :b2, :b3]::bigint[])[1 + g % 3],
                      co_executor_ids => CASE WHEN g % 3 = 2 AND g % 4 = 0 THEN ARRAY[:b1]::bigint[] ELSE '{}' END,
                      content => 'card ' || g, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')
  FROM generate_series(1, 36) g;
-- one of b1 removed (on no page), two without a deadline (last, by id)
SELECT remove_from_control(min(id), 'executed', 'head_of_pa', '{official_report}', 'report', decided_on => '2025-09-20')
  FROM instruction WHERE responsible_body_id = :b1;
SET LOCAL session_replication_role = replica;
UPDATE instruction SET due_date = NULL
 WHERE id IN (SELECT max(id) FROM instruction WHERE responsible_body_id IN (:b1, :b3) GROUP BY responsible_body_id);
RESET session_replication_role;
\o

-- every page of size n as the role sees them, following the keyset, as one array of ids
CREATE FUNCTION pg_temp.all_pages(n integer) RETURNS bigint[]
LANGUAGE plpgsql AS $$
DECLARE
  seen bigint[] := '{}';
  last_due date;
  last_id bigint;
  page bigint[];
  dues date[];
BEGIN
  FOR pages IN 1..100 LOOP
    SELECT array_agg(p.instruction_id ORDER BY p.due_date, p.instruction_id),
           array_agg(p.due_date ORDER BY p.due_date, p.instruction_id)
      INTO page, dues
      FROM instruction_control.report_control_card_page(last_due, last_id, n) p;
    IF page IS NULL THEN
      RETURN seen;
    END IF;
    seen := seen || page;
    last_id := page[cardinality(page)];
    last_due := dues[cardinality(dues)];
  END LOOP;
  RAISE EXCEPTION 'the pages do not end';
END
$$;
CREATE FUNCTION pg_temp.view_order() RETURNS bigint[]
LANGUAGE sql AS $$
  SELECT array_agg(instruction_id ORDER BY due_date, instruction_id)
    FROM instruction_control.report_control_card WHERE status = 'on_control'
$$;
GRANT EXECUTE ON FUNCTION pg_temp.all_pages(integer), pg_temp.view_order() TO PUBLIC;

-- As a reader of two bodies ----------------------------------------------------
SET SESSION AUTHORIZATION tap_page_reader;
SELECT is(pg_temp.all_pages(5), pg_temp.view_order(),
  'issue 19: a reader''s pages of 5, one after another (keyset), are the cards on control the view gives it, in deadline order');
SELECT is(cardinality(pg_temp.view_order()), 26,
  'the reader sees the 23 cards on control of its two bodies (one of 24 removed) and the 3 it co-executes');
SELECT ok((SELECT bool_and(due_date IS NULL) FROM (SELECT due_date FROM report_control_card_page(page_size => 1000)
                                                    ORDER BY due_date NULLS FIRST LIMIT 1) s)
          AND (SELECT count(*) FROM report_control_card_page(page_size => 1000) WHERE due_date IS NULL) = 1,
  'the card without a deadline of its body is on the last page, after the dated ones');
SELECT is((SELECT array_agg(instruction_id ORDER BY due_date, instruction_id) FROM report_control_card_page()),
          (SELECT array_agg(instruction_id ORDER BY due_date, instruction_id) FROM (
             SELECT instruction_id, due_date FROM report_control_card WHERE status = 'on_control'
              ORDER BY due_date, instruction_id LIMIT 50) s),
  'the first page (no arguments, 50 cards) is the view''s first page');
SELECT is((SELECT count(*)::int FROM report_control_card_page(page_size => 1000) WHERE status <> 'on_control'), 0,
  'a removed card is on no page (R75)');
-- the walk: each of the reader's bodies through instruction_body_due_idx
SET LOCAL enable_seqscan = off;
CREATE TEMP TABLE page_plan AS SELECT l FROM pg_temp.plan_of('SELECT * FROM instruction_control.report_control_card_page()') l;
SELECT ok(EXISTS (SELECT 1 FROM page_plan WHERE l LIKE '%instruction_body_due_idx%'),
  'issue 19: a reader''s page walks its bodies in deadline order through instruction_body_due_idx');
RESET enable_seqscan;
SELECT ok(NOT EXISTS (SELECT 1 FROM page_plan WHERE l LIKE '%Function Scan on report_control_card_page%'),
  'the page is inlined into the query that asks for it (the keyset is planned as constants)');
RESET SESSION AUTHORIZATION;

-- As a reader of no body, a controller, the superuser ---------------------------
SET SESSION AUTHORIZATION tap_page_nobody;
SELECT is((SELECT count(*)::int FROM report_control_card_page()), 0, 'a reader of no body gets an empty page');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION tap_page_controller;
SELECT is(pg_temp.all_pages(7), pg_temp.view_order(),
  'a controller''s pages of 7 are every card on control of the registry, in deadline order (one walk of instruction_due_idx)');
SELECT ok(cardinality(pg_temp.view_order()) >= 35, 'the controller sees the cards of all three bodies');
RESET SESSION AUTHORIZATION;
SELECT is(pg_temp.all_pages(4), pg_temp.view_order(),
  'the superuser''s pages of 4 are every card on control, in deadline order');

-- Pages that are not pages ------------------------------------------------------
SELECT throws_ok($$SELECT * FROM instruction_control.report_control_card_page(page_size => 0)$$, '22023',
  'a page of control cards holds 1 to 1000 cards, not 0',
  'a page of 0 cards is refused (22023)');
SELECT is((pg_temp.err($$SELECT * FROM instruction_control.report_control_card_page(page_size => 1001)$$)).hint,
  'Give page_size from 1 to 1000 (default 50).',
  'a page of 1001 cards is refused, the HINT says what is allowed');
SELECT throws_ok($$SELECT * FROM instruction_control.report_control_card_page(page_size => NULL)$$, '22023',
  'a page of control cards holds 1 to 1000 cards, not NULL',
  'a page of no size (NULL) is refused (22023)');
SELECT throws_ok($$SELECT * FROM instruction_control.report_control_card_page(date '2025-09-15', NULL)$$, '22023',
  'the next page of control cards needs the last card shown, not its deadline alone',
  'a next page after a deadline without the card''s id is refused (22023)');

SELECT * FROM finish();
ROLLBACK;
