--
-- The decision matrix (R57, R69-R77, R74-1): who may decide is data, read by
-- the triggers through the view decision_matrix.  The view is pinned here row
-- by row; changing R70.4's deciders is one row, and the verdict follows it at
-- once (in the same transaction) and is back after ROLLBACK.
--
CREATE EXTENSION IF NOT EXISTS instruction_control;
\set VERBOSITY default
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET search_path = instruction_control, public;

SELECT precedence, action, level, kind_class, repeated, drafter, deciders, rule_id, effective_from, source
  FROM decision_matrix ORDER BY precedence, action, level;

INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', external_ref => 'M-1', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS m \gset
SELECT decider, rule FROM who_may_decide(:m, 'new_deadline');

-- R70.4 names no decider; the registry reads R69.1's.  Say the decree is
-- amended so that only the President sets new deadlines: one row.
BEGIN;
UPDATE decision_rule SET deciders = '{president}', basis = 'amendment (test)' WHERE rule_id = 'R70.4';
SELECT decider, rule FROM who_may_decide(:m, 'new_deadline');
SELECT set_new_deadline(:m, '2025-04-15', 'head_of_pa', 'letter', 'quarantine', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}');
ROLLBACK;
-- after ROLLBACK the seeded row answers again
SELECT decider, rule FROM who_may_decide(:m, 'new_deadline');
SELECT new_due_date FROM set_new_deadline(:m, '2025-04-15', 'head_of_pa', 'letter', 'quarantine', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}');

-- An amendment with dates: the row judges only decisions of its days.
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS m2 \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS m3 \gset
BEGIN;
SET LOCAL instruction_control.change_basis = 'amendment from 1 April 2025 (test)';
UPDATE decision_rule SET effective_to = '2025-03-31' WHERE rule_id = 'R76.1';
SELECT kind, decided_by FROM remove_from_control(:m2, 'executed', 'head_of_pa', '{official_report}', decided_on => '2025-03-31');
SELECT remove_from_control(:m3, 'executed', 'head_of_pa', '{official_report}', decided_on => '2025-04-01');
ROLLBACK;

-- A seeded row is disabled, not deleted; a changed one is the administrator's (dumped).
DELETE FROM decision_rule WHERE rule_id = 'R70.4';
BEGIN;
UPDATE decision_rule SET basis = 'Decree No. 403, as read by the registry' WHERE rule_id = 'R70.4';
SELECT rule_id, seeded FROM decision_rule WHERE rule_id = 'R70.4';
ROLLBACK;
SELECT c FROM pg_extension e, unnest(e.extconfig, e.extcondition) AS x(t, c)
 WHERE e.extname = 'instruction_control' AND t = 'instruction_control.decision_rule'::regclass;

-- An ordinary role reads the matrix but does not change it.
CREATE ROLE ic_matrix_reader NOLOGIN;
SET ROLE ic_matrix_reader;
SELECT count(*) > 20 AS rows_visible FROM instruction_control.decision_matrix;
UPDATE instruction_control.decision_rule SET deciders = '{pa_unit_head}' WHERE rule_id = 'R69.1';
RESET ROLE;
DROP ROLE ic_matrix_reader;

-- A refusal carries its rule id in the CONSTRAINT_NAME field, the key of the
-- rule table, so an application shows it in the user's language.
DO $$
DECLARE
  rule_id text;
  state text;
BEGIN
  PERFORM instruction_control.extend_deadline(
    (SELECT id FROM instruction_control.instruction WHERE external_ref = 'M-1'),
    '2025-05-15', 'pa_unit_head', 'conclusion', decided_on => '2025-03-06', evidence => '{pa_expert_conclusion}');
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS rule_id = CONSTRAINT_NAME, state = RETURNED_SQLSTATE;
  RAISE NOTICE 'SQLSTATE %, rule %: %', state, rule_id,
    (SELECT title_ru FROM instruction_control.rule WHERE id = rule_id);
END
$$;
-- every rule the matrix names has titles in the three languages
SELECT m.rule_id FROM decision_matrix m LEFT JOIN rule r ON r.id = m.rule_id
 WHERE r.id IS NULL OR btrim(r.title_kk) = '' OR btrim(r.title_ru) = '' OR btrim(r.title_en) = '';
