-- The decision path straight down (issue 21, item 3): the rules moved out of the triggers' glue into
-- the rules core (src/rules/rules_dates_core.c) give the verdicts and dates they gave, through the
-- API, for a LOGIN role holding one ic_* role.  The imported card's checks (R50.3, R14) are verdicts
-- of the rules core now: their refusals carry the rule id in CONSTRAINT_NAME like every other.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(8);

-- SQLSTATE and CONSTRAINT_NAME (the rule id) of a statement's error
CREATE FUNCTION pg_temp.refusal(stmt text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  state text;
  rule text;
BEGIN
  EXECUTE stmt;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, rule = CONSTRAINT_NAME;
  RETURN state || ' ' || coalesce(nullif(rule, ''), '(no rule)');
END $$;

CREATE ROLE path_admin LOGIN IN ROLE ic_admin;
CREATE ROLE path_controller LOGIN IN ROLE ic_controller;

SET ROLE path_admin;
SELECT is(pg_temp.refusal($$SELECT import_instruction('act_point', 'pa', '2019-03-01', NULL)$$),
  'IC108 R50.3', 'R50.3: an import without its due date is refused by the rules core, with the rule id');
SELECT is(pg_temp.refusal($$SELECT import_instruction('act_point', 'pa', NULL, '2019-03-15')$$),
  'IC108 R50.3', 'R50.3: an import without its day of receipt too');
SELECT is(pg_temp.refusal($$SELECT import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15',
                                                       secrecy => 'state_secret', content => 'the secret', paper_card_ref => 'PC-1')$$),
  'IC110 R14', 'R14: an imported state secret holds its requisites only');
SELECT is(pg_temp.refusal($$SELECT import_instruction('act_point', 'pa', '2019-03-01', '2019-03-15', secrecy => 'state_secret')$$),
  'IC110 R14', 'R14: and gives its paper card');
SELECT is((SELECT count(*)::int FROM instruction WHERE imported), 0, 'R50.3/R14: the refused imports left nothing behind');

RESET ROLE;
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SET ROLE path_controller;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS a \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS b \gset
SELECT is((SELECT (kind, repeated, roadmap_due_date)::text
             FROM transfer_control(:a, 'long_term', '2027-12-31', 'head_of_pa', 'c', 'effect on strategic indicators',
                                   decided_on => '2025-03-06', evidence => '{pa_expert_conclusion}')),
  '(transfer,f,2025-03-26)', 'R59: a transfer to long-term control asks for a roadmap in ten working days (Nauryz counted out)');
SELECT extend_deadline(:b, '2025-04-15', 'head_of_pa', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}') IS NOT NULL AS first \gset
SELECT is((SELECT (kind, repeated, measures_due_date)::text
             FROM extend_deadline(:b, '2025-05-15', 'head_of_pa', 'conclusion', 'order on disciplinary review',
                                  decided_on => '2025-03-12', evidence => '{pa_expert_conclusion}')),
  '(extension,t,2025-04-14)', 'R72.4: information on measures a month after a repeated extension, on a working day');
SELECT is(pg_temp.refusal(format($$SELECT extend_deadline(%s, '2025-06-16', 'head_of_pa', 'conclusion', decided_on => '2025-03-13', evidence => '{pa_expert_conclusion}')$$, :b)),
  'IC102 R72.2', 'R72.2: a repeated extension without review is refused, with its rule');

SELECT * FROM finish();
ROLLBACK;
