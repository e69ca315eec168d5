-- Members are roles, not names (issue 17, item 2; README, Security > Roles): body_member and
-- person_role hold a role's identity (regrole), so ALTER ROLE ... RENAME keeps what a login sees
-- and whom it may act for; an unknown role is refused (42704), also as a bare OID; a dropped
-- role's row stays, grants nothing, is listed by dangling_member and is not dumped.  Played as
-- roles holding one ic_* role (SET SESSION AUTHORIZATION).  Two databases in one cluster, dump
-- and restore: test/integration/role_ties.sh.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
\ir include/helpers.psql
SELECT plan(15);

CREATE ROLE tap_rt_admin LOGIN IN ROLE ic_admin;
CREATE ROLE tap_rt_reader LOGIN IN ROLE ic_reader;
CREATE ROLE tap_rt_controller LOGIN IN ROLE ic_controller;
CREATE ROLE tap_rt_gone LOGIN IN ROLE ic_reader;

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('RT_A', 'Body A', 'central'), ('RT_B', 'Body B', 'central');
SELECT id AS body_a FROM state_body WHERE code = 'RT_A' \gset
SELECT id AS body_b FROM state_body WHERE code = 'RT_B' \gset
SET SESSION AUTHORIZATION tap_rt_controller;
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', responsible_body_id => :body_a, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id
  FROM generate_series(1, 3);
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', responsible_body_id => :body_b, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS card_b \gset
RESET SESSION AUTHORIZATION;
\o

-- The class, from the catalog: every column named member of the extension's tables is a role.
SELECT is(ARRAY(
  SELECT c.relname || '.' || a.attname || ':' || format_type(a.atttypid, a.atttypmod)
    FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
   WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind = 'r'
     AND a.attname = 'member' AND NOT a.attisdropped
   ORDER BY 1), ARRAY['body_member.member:regrole', 'person_role.member:regrole'],
  'body_member.member and person_role.member are regrole: a member is the role itself, not its name');
SELECT is(ARRAY(
  SELECT x.oid::regclass::text FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cond)
   WHERE e.extname = 'instruction_control' AND x.cond LIKE '%pg_catalog.pg_roles%' ORDER BY 1),
  ARRAY['body_member', 'person_role'],
  'pg_dump writes the rows of existing roles only (pg_extension_config_dump filter): a bare OID could name another role where it is restored');
SELECT is(ARRAY(
  SELECT c.relname || ':' || t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
   WHERE t.tgfoid = 'instruction_control.member_role_exists()'::regprocedure AND t.tgenabled = 'O'
   ORDER BY 1), ARRAY['body_member:member_role_exists', 'person_role:member_role_exists'],
  'both tables check that a member names an existing role on INSERT and UPDATE');

-- An unknown role is refused, by name and by OID
SET SESSION AUTHORIZATION tap_rt_admin;
SELECT throws_ok(format('INSERT INTO body_member VALUES (%L, %s)', 'tap_rt_nobody', :body_a),
  '42704', NULL,   -- PostgreSQL's own message, translated under lc_messages
  'an ic_admin naming a role that does not exist in body_member is refused (42704)');
SELECT is((SELECT (e.state, e.message, e.hint)::text FROM pg_temp.err(format('INSERT INTO body_member VALUES (%L, %s)', '4000000000', :body_a)) e),
  ('42704', 'role with OID 4000000000 does not exist',
   'Name the role (INSERT ... VALUES (''alice'', ...)); CREATE ROLE it first if it does not exist.')::text,
  'a bare OID of no role is refused too (42704; the HINT says to CREATE ROLE first)');
SELECT throws_ok(format('INSERT INTO person_role VALUES (1, %L)', 'tap_rt_nobody'), '42704', NULL,
  'person_role refuses an unknown role the same way');
INSERT INTO body_member VALUES ('tap_rt_reader', :body_a), ('tap_rt_gone', :body_b);
SELECT throws_ok(format('UPDATE body_member SET member = %L WHERE member = %L::regrole', '4000000000', 'tap_rt_reader'),
  '42704', 'role with OID 4000000000 does not exist', 'an UPDATE to an OID of no role is refused');
RESET SESSION AUTHORIZATION;

-- RENAME is followed: the reader keeps its three cards
SET SESSION AUTHORIZATION tap_rt_reader;
SELECT is((SELECT count(*)::int FROM instruction), 3, 'the reader sees the 3 cards of its body');
RESET SESSION AUTHORIZATION;
ALTER ROLE tap_rt_reader RENAME TO tap_rt_reader_renamed;
SET SESSION AUTHORIZATION tap_rt_reader_renamed;
SELECT is((SELECT count(*)::int FROM instruction), 3, 'after ALTER ROLE ... RENAME it still sees its 3 cards');
SELECT is(my_bodies(), ARRAY[:body_a]::bigint[], '... my_bodies() follows the role');
SELECT is(ARRAY(SELECT member::text FROM body_member), ARRAY['tap_rt_reader_renamed'], '... and body_member shows the new name');
RESET SESSION AUTHORIZATION;

-- ... and so is person_role: a renamed login still acts for its person (the decision journal)
\o /dev/null
SET SESSION AUTHORIZATION tap_rt_admin;
WITH p AS (INSERT INTO person (name) VALUES ('R. Renamed') RETURNING id)
INSERT INTO person_role SELECT id, 'tap_rt_controller' FROM p;
RESET SESSION AUTHORIZATION;
ALTER ROLE tap_rt_controller RENAME TO tap_rt_controller_renamed;
SET SESSION AUTHORIZATION tap_rt_controller_renamed;
SET LOCAL instruction_control.acting_person = 'R. Renamed';
SELECT extend_deadline(:card_b, '2025-10-15', 'head_of_pa', 'expert conclusion', decided_on => '2025-09-03', evidence => '{pa_expert_conclusion}');
RESET instruction_control.acting_person;
RESET SESSION AUTHORIZATION;
\o
SELECT is((SELECT acted_by FROM decision WHERE instruction_id = :card_b AND acted_by IS NOT NULL), 'R. Renamed',
  'after ALTER ROLE ... RENAME the controller still acts for its person (person_role follows the role)');

-- DROP ROLE: the row stays, grants nothing, is listed for the administrator
SELECT oid AS gone_oid FROM pg_roles WHERE rolname = 'tap_rt_gone' \gset
DROP ROLE tap_rt_gone;
SET SESSION AUTHORIZATION tap_rt_admin;
SELECT is(ARRAY(SELECT in_table || ':' || role_oid || ':' || body_id FROM dangling_member),
  ARRAY['body_member:' || :gone_oid || ':' || :body_b],
  'DROP ROLE of a member leaves its row, listed by dangling_member');
RESET SESSION AUTHORIZATION;
SELECT ok(NOT has_table_privilege('ic_reader', 'instruction_control.dangling_member', 'SELECT')
          AND has_table_privilege('ic_admin', 'instruction_control.dangling_member', 'SELECT'),
  'dangling_member is the administrator''s');
SET SESSION AUTHORIZATION tap_rt_admin;
DELETE FROM body_member WHERE member::oid = :gone_oid;
SELECT is((SELECT count(*)::int FROM dangling_member), 0, 'the administrator deletes it');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
