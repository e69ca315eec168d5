-- Rule data versioned and audited (issue 16, item 7): every change of the
-- decision matrix, the sweep settings and the calendar is journaled (who,
-- when, before, after, basis) with a new rules version; a decision records the
-- version that judged it; a deleted key leaves a dumped tombstone.  The
-- changes are made as roles holding one ic_* role (SET SESSION AUTHORIZATION).
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(44);

CREATE ROLE tap_audit_admin LOGIN IN ROLE ic_admin;
CREATE ROLE tap_audit_controller LOGIN IN ROLE ic_controller;
CREATE ROLE tap_audit_reader LOGIN IN ROLE ic_reader;
-- the administrator acts as a person it is mapped to: a name is proven, not claimed
WITH p AS (INSERT INTO person (name) VALUES ('A. Admin') RETURNING id)
INSERT INTO person_role SELECT id, 'tap_audit_admin' FROM p;

-- The class, from the catalog: every table with seeded rows is rule data.
SELECT is(ARRAY(
  SELECT c.relname::text FROM pg_class c
   WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind = 'r'
     AND (EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'seeded' AND NOT a.attisdropped)
          OR c.oid IN (SELECT x.oid FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(oid, cond)
                        WHERE e.extname = 'instruction_control' AND x.cond ILIKE '%seeded%'))
     AND NOT EXISTS (SELECT 1 FROM pg_trigger t
                      WHERE t.tgrelid = c.oid AND t.tgname = 'rule_change_journal' AND t.tgenabled = 'O'
                        AND t.tgfoid = 'instruction_control.rule_change_journal()'::regprocedure
                        AND t.tgtype = (1 | 4 | 8 | 16))   -- AFTER ROW, INSERT OR DELETE OR UPDATE
   ORDER BY 1), '{}'::text[],
  'R74-1: every table with seeded rows is journaled by rule_change_journal AFTER INSERT OR UPDATE OR DELETE FOR EACH ROW');
-- ... and rules_as_of() knows every journaled table, row for row
SELECT is(ARRAY(
  SELECT c.relname::text FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
   WHERE t.tgname = 'rule_change_journal'
     AND (xpath('/row/c/text()', query_to_xml(format('SELECT count(*) AS c FROM instruction_control.%I', c.relname), false, true, '')))[1]::text
         IS DISTINCT FROM (SELECT count(*)::text FROM rules_as_of(rules_version()) r WHERE r.table_name = c.relname::text)
   ORDER BY 1), '{}'::text[],
  'rules_as_of(the current version) gives every row of every journaled table');
-- nobody but the owner writes the journal or its tombstones
SELECT is(ARRAY(
  SELECT c.relname || ':' || coalesce(nullif(a.grantee::regrole::text, '-'), 'PUBLIC') || ':' || a.privilege_type
    FROM pg_class c, aclexplode(coalesce(c.relacl, acldefault('r', c.relowner))) a
   WHERE c.oid IN ('instruction_control.rule_change'::regclass, 'instruction_control.rule_data_removed'::regclass)
     AND a.grantee <> c.relowner
   ORDER BY 1), '{}'::text[],
  'no role but the owner has any privilege on rule_change or rule_data_removed (read through rule_change_history)');
SELECT is(ARRAY(
  SELECT p.oid::regprocedure::text FROM pg_proc p
   WHERE p.oid IN ('instruction_control.rule_change_journal()'::regprocedure, 'instruction_control.rule_data_removed_apply()'::regprocedure)
     AND (has_function_privilege('ic_admin', p.oid, 'EXECUTE') OR has_function_privilege('public', p.oid, 'EXECUTE'))
   ORDER BY 1), '{}'::text[],
  'the journal''s trigger functions are not callable by clients');

SELECT rules_version() AS v0 \gset
SELECT is(:v0::bigint, 0::bigint, 'rules version 0: the rule data as installed');

-- A controller's decision under the rules as installed
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SET SESSION AUTHORIZATION tap_audit_controller;
SELECT (put_on_control('personal_published', 'pa', '2025-03-11', signed_on => '2025-03-10', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS pp \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS a \gset
SELECT is((SELECT rules_version FROM extend_deadline(:a, '2025-04-15', 'head_of_pa', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')),
  0::bigint, 'R69.1: a decision records the rules version that judged it (0)');
SELECT throws_ok(format($$SELECT remove_from_control(%s, 'executed', 'assistant_or_adviser', '{official_report}')$$, :pp),
  'IC101', 'decider may not take this decision (R77)', 'R77: as installed, an Assistant may not remove a personal instruction');
RESET SESSION AUTHORIZATION;

-- The administrator changes R77: not without a basis
SET SESSION AUTHORIZATION tap_audit_admin;
SELECT throws_ok($$UPDATE decision_rule SET deciders = '{assistant_or_adviser}' WHERE rule_id = 'R77'$$,
  'IC004', 'a change of the decision matrix needs its basis (R74-1)',
  'R77: a change of the matrix without a basis is refused (IC004)');
SET LOCAL instruction_control.change_basis = E'\u00a0 ';
SELECT throws_ok($$UPDATE decision_rule SET deciders = '{assistant_or_adviser}' WHERE rule_id = 'R77'$$,
  'IC004', NULL, 'R77: white space (U+00A0 too) is no basis');
SELECT throws_ok($$UPDATE decision_rule SET basis = basis WHERE rule_id = 'R77'$$,
  'IC004', NULL, 'R74-1: an unchanged basis column is no basis for the change');
SELECT throws_ok($$INSERT INTO decision_authority (level, action, decider) VALUES ('central', 'removal', 'deputy_prime_minister')$$,
  'IC004', NULL, 'R74-1: a new authority without a basis is refused');
SELECT is(rules_version(), 0::bigint, 'a refused change makes no version');
SET LOCAL instruction_control.change_basis = 'Decree No. 1 (test): R77 amended';
SET LOCAL instruction_control.acting_person = 'Prime Minister (forged)';
SELECT throws_ok($$UPDATE decision_rule SET deciders = '{assistant_or_adviser}' WHERE rule_id = 'R77'$$,
  '42501', NULL, 'R74-1: the journal of the rule data records only a proven person: a name the administrator may not act for is refused');
SET LOCAL instruction_control.acting_person = 'A. Admin';
SELECT lives_ok($$UPDATE decision_rule SET deciders = '{assistant_or_adviser}' WHERE rule_id = 'R77'$$,
  'R77: the administrator changes the row with a basis');
SELECT is((SELECT concat_ws(' | ', rules_version, changed_by, acted_by, table_name, row_key, operation, basis,
                                 before->'deciders', after->'deciders', before->'seeded', after->'seeded')
             FROM rule_change_history),
  '1 | tap_audit_admin | A. Admin | decision_rule | {"id": 10} | UPDATE | Decree No. 1 (test): R77 amended | ["president"] | ["assistant_or_adviser"] | true | false',
  'R77: the change is journaled: version, who, the person, the row, before, after, basis');
SELECT throws_ok($$INSERT INTO rule_change (rules_version, table_name, row_key, operation, after, changed_by, changed_at)
                   VALUES (99, 'decision_rule', '{"id": 10}', 'UPDATE', '{}', 'someone', now())$$,
  '42501', NULL, 'the administrator cannot write the journal');
SELECT throws_ok($$DELETE FROM rule_data_removed$$, '42501', NULL, 'the administrator cannot remove tombstones');
SET LOCAL instruction_control.acting_person = '';
RESET SESSION AUTHORIZATION;

-- The decision after the change records the new version; those rules show R77 changed
SET SESSION AUTHORIZATION tap_audit_controller;
SELECT rules_version AS v1 FROM remove_from_control(:pp, 'executed', 'assistant_or_adviser', '{official_report}') \gset
SELECT is(:v1::bigint, 1::bigint, 'R77: the removal the changed rules accepted records rules version 1');
SELECT is((SELECT row_data->'deciders' FROM rules_as_of(:v1) WHERE table_name = 'decision_rule' AND row_key = '{"id": 10}'),
  '["assistant_or_adviser"]'::jsonb, 'R77: rules_as_of(the decision''s version) shows the deciders that judged it');
SELECT is((SELECT row_data->'deciders' FROM rules_as_of(0) WHERE table_name = 'decision_rule' AND row_key = '{"id": 10}'),
  '["president"]'::jsonb, 'R77: rules_as_of(0) shows the rule as installed');
-- a version the client writes is replaced
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS b \gset
INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis, decided_on, rules_version, evidence)
VALUES (:b, 'extension', '2025-04-15', 'head_of_pa', 'conclusion', '2025-03-10', 999, '{pa_expert_conclusion}');
SELECT is((SELECT rules_version FROM decision WHERE instruction_id = :b), 1::bigint,
  'the journal writes the rules version, not the client');
SELECT is((SELECT count(*) FROM rule_change_history)::int, 1, 'ic_controller reads the history of the rules');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION tap_audit_reader;
SELECT throws_ok($$SELECT count(*) FROM rule_change_history$$, '42501', NULL,
  'ic_reader does not read the history of the rules');
RESET SESSION AUTHORIZATION;

-- Sweep settings and the calendar: journaled, the basis optional
SET SESSION AUTHORIZATION tap_audit_admin;
SET LOCAL instruction_control.change_basis = '';
SET LOCAL instruction_control.acting_person = '';
DELETE FROM sweep_setting WHERE level = 'local';
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*) FROM rule_data_removed WHERE table_name = 'sweep_setting' AND row_key = '{"level": "local"}')::int, 1,
  'a deleted seeded sweep setting leaves a tombstone (pg_dump carries it)');
SET SESSION AUTHORIZATION tap_audit_admin;
INSERT INTO sweep_setting (level, reminder_days, escalation_grace_days) VALUES ('local', '{3}', 2);
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*) FROM rule_data_removed WHERE table_name = 'sweep_setting')::int, 0,
  'a row made again with the key takes its tombstone away');
SET SESSION AUTHORIZATION tap_audit_admin;
SELECT is(ARRAY(SELECT operation || ':' || (after IS NULL)::text FROM rule_change_history
                 WHERE table_name = 'sweep_setting' ORDER BY rules_version),
  '{DELETE:true,INSERT:false}', 'the delete and the new row are journaled one by one');
INSERT INTO sweep_setting (level, reminder_days, escalation_grace_days) VALUES ('central', '{4}', 1);
SELECT is(ARRAY(SELECT operation FROM rule_change_history WHERE table_name = 'sweep_setting' AND row_key = '{"level": "central"}'
                 ORDER BY rules_version),
  '{DELETE,INSERT}', 'an insert that replaces a seeded row is journaled as what happened: the seeded row gone, the new one made');
SELECT add_transfer('KZ', '2026-12-26', '2026-12-28', 'Government Decree No. 5 (test)');
SELECT is(ARRAY(SELECT DISTINCT basis FROM rule_change_history WHERE table_name = 'calendar_day'),
  '{"Government Decree No. 5 (test)"}', 'R50.3: a calendar transfer is journaled with the decree it names');
SELECT is((SELECT count(*) FROM rule_change_history WHERE table_name = 'calendar_day' AND changed_by = 'tap_audit_admin')::int, 2,
  'R50.3: both days of the transfer are journaled, by the administrator');
-- (replacing a decree's row by an insert is the owner's: ic_admin has no DELETE on decision_rule)
RESET SESSION AUTHORIZATION;
SELECT throws_ok($$INSERT INTO decision_rule (id, action, level, kind_class, deciders, rule_id, precedence)
                   VALUES (30, 'removal', 'pa', 'any', '{president}', 'R76.1', 30)$$,
  'IC004', NULL, 'R76.1: a row that replaces a seeded one needs a basis too');
SELECT lives_ok($$INSERT INTO decision_rule (id, action, level, kind_class, deciders, rule_id, precedence, basis)
                  VALUES (30, 'removal', 'pa', 'any', '{president}', 'R76.1', 30, 'Decree No. 2 (test)')$$,
  'R76.1: a row with its basis replaces the seeded row (journaled as the seeded row gone, the new one made)');
SELECT is(ARRAY(SELECT operation || ':' || coalesce(basis, '-') FROM rule_change_history
                 WHERE table_name = 'decision_rule' AND row_key = '{"id": 30}' ORDER BY rules_version),
  '{DELETE:-,"INSERT:Decree No. 2 (test)"}', 'R76.1: the replacement is journaled as the seeded row gone and the new row made, with its basis');
SET SESSION AUTHORIZATION tap_audit_admin;
SET LOCAL instruction_control.change_basis = 'renumbered (test)';
UPDATE decision_rule SET id = 999 WHERE id = 203;
SELECT is(ARRAY(SELECT row_key::text || ':' || (before IS NULL)::text || ':' || (after IS NULL)::text FROM rule_change_history
                 WHERE table_name = 'decision_rule' AND basis = 'renumbered (test)' ORDER BY rules_version),
  '{"{\"id\": 203}:false:true","{\"id\": 999}:true:false"}', 'a changed key is journaled as the old key gone and the new key made');
RESET SESSION AUTHORIZATION;
SELECT is((SELECT count(*) FROM rule_data_removed WHERE table_name = 'decision_rule' AND row_key = '{"id": 203}')::int, 1,
  'a changed key leaves a tombstone of the old key (the seeded row would come back from CREATE EXTENSION)');
SET SESSION AUTHORIZATION tap_audit_admin;
RESET SESSION AUTHORIZATION;

-- Seeded rows are the extension's: a row an administrator marks seeded would
-- fall out of dumps.  For every table with a seeded column (from the catalog):
-- change a seeded row (it becomes the administrator's), then mark it seeded.
CREATE FUNCTION pg_temp.marked_seeded() RETURNS text[] LANGUAGE plpgsql AS $f$
DECLARE
  t text;
  tid tid;
  flag boolean;
  bad text[] := '{}';
BEGIN
  FOR t IN SELECT c.relname FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'seeded'
            WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind = 'r' ORDER BY 1 LOOP
    EXECUTE format('UPDATE instruction_control.%I SET seeded = seeded WHERE ctid = (SELECT ctid FROM instruction_control.%I WHERE seeded LIMIT 1) RETURNING ctid', t, t)
      INTO tid;
    EXECUTE format('UPDATE instruction_control.%I SET seeded = true WHERE ctid = $1 RETURNING seeded', t) INTO flag USING tid;
    IF flag IS DISTINCT FROM false THEN
      bad := bad || t;
    END IF;
  END LOOP;
  RETURN bad;
END
$f$;
SET SESSION AUTHORIZATION tap_audit_admin;
SET LOCAL instruction_control.change_basis = 'marking rows seeded (test)';
SELECT is(pg_temp.marked_seeded(), '{}'::text[],
  'a row an administrator marks seeded stays the administrator''s (dumped), in every table with seeded rows');
DELETE FROM sweep_setting WHERE level = 'pa';
INSERT INTO sweep_setting (level, reminder_days, escalation_grace_days, seeded) VALUES ('pa', '{2}', 3, true);
SELECT is((SELECT seeded FROM sweep_setting WHERE level = 'pa'), false,
  'a sweep setting an administrator inserts as seeded is the administrator''s (dumped)');
RESET SESSION AUTHORIZATION;

-- Versions: one per change, in commit order, no gaps
SELECT is(ARRAY(SELECT rules_version FROM rule_change_history ORDER BY id),
  ARRAY(SELECT generate_series(1::bigint, rules_version())), 'rules versions are 1, 2, ... with no gap');

-- The journal only grows, even for the owner
SELECT throws_ok($$UPDATE rule_change SET basis = 'rewritten'$$, 'IC111', 'rule_change is append-only',
  'the journal of the rules cannot be rewritten');
SELECT throws_ok($$DELETE FROM rule_change$$, 'IC111', 'rule_change is append-only', 'the journal of the rules cannot be deleted');

-- A restored tombstone deletes the seeded row CREATE EXTENSION brought back
SELECT min(level::text) AS seeded_level FROM sweep_setting WHERE seeded \gset
INSERT INTO rule_data_removed (table_name, row_key) VALUES ('sweep_setting', jsonb_build_object('level', :'seeded_level'));
SELECT is((SELECT count(*) FROM sweep_setting WHERE level::text = :'seeded_level')::int, 0,
  'a tombstone (as pg_restore loads it) deletes the seeded row with its key');

SELECT throws_ok($$INSERT INTO rule_data_removed (table_name, row_key) VALUES ('decision', '{"id": 1}')$$, '39P01', NULL,
  'a tombstone deletes rows of rule data only, never of the journal of decisions');

-- The journal's trigger serves the extension's rule data only
CREATE TABLE pg_temp.not_rule_data (id integer PRIMARY KEY, seeded boolean);
CREATE TRIGGER rule_change_journal AFTER INSERT ON pg_temp.not_rule_data
  FOR EACH ROW EXECUTE FUNCTION instruction_control.rule_change_journal();
SELECT throws_ok($$INSERT INTO pg_temp.not_rule_data VALUES (1, false)$$, '39P01', NULL,
  'rule_change_journal() attached to another table refuses to run');

-- A batch records the version like single decisions; imported history was judged by no rules of ours
SET SESSION AUTHORIZATION tap_audit_controller;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS c1 \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS c2 \gset
SELECT is(ARRAY(SELECT DISTINCT d.rules_version
                  FROM extend_deadlines(ARRAY[:c1, :c2]::bigint[], '{2025-04-15,2025-04-15}'::date[], 'head_of_pa', 'conclusion',
                                        decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}') d),
  ARRAY[rules_version()], 'R69.1: a batch of decisions records the rules version that judged it');
RESET SESSION AUTHORIZATION;
SET SESSION AUTHORIZATION tap_audit_admin;
SELECT is((SELECT d.rules_version
             FROM import_decision((import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15')).id,
                                  'extension', '2019-03-12', 'head_of_pa', new_due => '2019-04-15') d),
  NULL::bigint, 'Decree No. 403: an imported decision was judged by no rules version');
RESET SESSION AUTHORIZATION;

SELECT * FROM finish();
ROLLBACK;
