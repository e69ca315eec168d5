-- R67 required (issue 20, item 3): the Government's information on the course of execution, submitted
-- to the PA, names its signatory.  The reading (README, Signatories): R67 applies to a report whose
-- submitting body (else the point's responsible body) is of type government on a point on the PA's
-- control (level pa); a ministry's or an akimat's report, a Government report on a point below the PA
-- and imported history that is not in force record a signatory only when they have one (checked then).
-- Allowed and refused cases as a non-superuser LOGIN role holding exactly ic_executor (the role that
-- submits reports); SQLSTATEs only (the suite runs on ru_RU clusters too).
BEGIN;
SET client_min_messages = error;   -- the adoption WARNING of an existing cluster's roles
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(16);

\ir include/helpers.psql

INSERT INTO state_body (code, name, name_kk, name_ru, body_type) VALUES
  ('R67_GOV', 'Government (R67)', 'Үкімет (R67)', 'Правительство (R67)', 'government'),
  ('R67_FIN', 'Ministry of Finance (R67)', 'Қаржы министрлігі (R67)', 'Министерство финансов (R67)', 'central');
SELECT id AS gov FROM state_body WHERE code = 'R67_GOV' \gset
SELECT id AS fin FROM state_body WHERE code = 'R67_FIN' \gset
INSERT INTO person (name, body_id) VALUES ('Deputy Prime Minister A. (R67)', :gov) RETURNING id AS dpm \gset
INSERT INTO act (act_type, number, signed_on) VALUES ('decree', 'R67-1', '2025-02-28') RETURNING id AS act1 \gset
\o /dev/null
-- points on the PA's control (R4.5: pa_unit, completion_form, responsible_body_id)
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', act_id => :act1, point => '1',
                       responsible_body_id => :gov, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS pa_gov \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', act_id => :act1, point => '2',
                       responsible_body_id => :fin, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS pa_fin \gset
-- a point on the Government's own control: its information does not go to the PA
SELECT (put_on_control('act_point', 'government', '2025-03-03', term => '20 wd', act_id => :act1, point => '3',
                       responsible_body_id => :gov, controlling_body_id => :gov)).id AS gov_point \gset
-- imported history, not in force (not judged by the decree)
SELECT (import_instruction('act_point', 'pa', '2023-03-03', '2023-04-03', act_id => :act1, point => '4',
                           responsible_body_id => :gov)).id AS imported \gset
\o

CREATE ROLE r67_gov_executor LOGIN;
GRANT ic_executor TO r67_gov_executor;
INSERT INTO body_member (member, body_id) VALUES ('r67_gov_executor', :gov);
CREATE ROLE r67_fin_executor LOGIN;
GRANT ic_executor TO r67_fin_executor;
INSERT INTO body_member (member, body_id) VALUES ('r67_fin_executor', :fin);

SET LOCAL ROLE r67_gov_executor;
SELECT is((SELECT rolsuper FROM pg_roles WHERE rolname = current_user), false,
  'R67: the Government''s executor is not a superuser');

-- refused: the Government's information to the PA without its signatory ------------------------------
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20')$$,
                        :pa_gov, :gov),
  'IC308', NULL, 'R67 refused: the Government''s final information to the PA names no signatory');
SELECT throws_ok(format($$SELECT submit_report(%s, 'intermediate', 'half', submitted_on => '2025-03-20',
                                              addressee => 'secretary_sc')$$, :pa_gov),
  'IC308', NULL, 'R67 refused: no submitting body given, the responsible body is the Government, no signatory');
SELECT ok((pg_temp.err(format($$SELECT submit_report(%s, 'intermediate', 'half', submitted_by_body_id => %s,
                                 submitted_on => '2025-03-20', addressee => 'secretary_sc')$$, :pa_gov, :gov))).detail
          ~ format('instruction %s .*body %s \(type government\), addressed to secretary_sc, records no signatory', :pa_gov, :gov),
  'R67 refused: the DETAIL gives the instruction, the Government body and the addressee');
SELECT ok((pg_temp.err(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20')$$,
                              :pa_gov, :gov))).hint ~ 'Prime Minister.*Deputy Prime Minister.*Head of the Government Office.*resolution',
  'R67 refused: the HINT names who may sign, by the addressee of the resolution');
SELECT ok((pg_temp.err(format($$SELECT submit_report(%s, 'intermediate', 'half', submitted_by_body_id => %s,
                                 submitted_on => '2025-03-20', addressee => 'assistant_or_adviser')$$, :pa_gov, :gov))).hint
          ~ 'deputy Head of the Government Office',
  'R67 part 2 refused: interim information to an Adviser: the HINT also names a deputy Head of the Government Office');
SELECT is((SELECT count(*) FROM report WHERE instruction_id = :pa_gov), 0::bigint,
  'R67 refused: no report row is left');

-- allowed: the Government's information signed per R67 ---------------------------------------------
SELECT lives_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                             signed_by => 'deputy_prime_minister', signed_by_person_id => %s,
                                             resolution_addressee => 'deputy_prime_minister')$$, :pa_gov, :gov, :dpm),
  'R67 allowed: the Government''s information signed by the Deputy Prime Minister the resolution is addressed to');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'half', submitted_on => '2025-03-20',
                                             addressee => 'secretary_sc', signed_by => 'prime_minister',
                                             resolution_addressee => 'prime_minister')$$, :pa_gov),
  'R67 allowed: the responsible Government''s information signed by the Prime Minister, the resolution''s addressee');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'half', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                             addressee => 'assistant_or_adviser', signed_by => 'deputy_head_of_government_office')$$,
                       :pa_gov, :gov),
  'R67 part 2 allowed: interim information to an Adviser signed by a deputy Head of the Government Office');
SELECT is((SELECT array_agg(signed_by::text ORDER BY id) FROM report WHERE instruction_id = :pa_gov),
  ARRAY['deputy_prime_minister', 'prime_minister', 'deputy_head_of_government_office'],
  'R67 allowed: each of the Government''s reports records its signatory');

-- R67 does not apply: reports stay as they were ----------------------------------------------------
SELECT lives_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20')$$,
                       :gov_point, :gov),
  'R67 does not apply: the Government''s report on a point on its own control (not submitted to the PA)');
SELECT lives_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20')$$,
                       :imported, :gov),
  'R67 does not apply: a report on imported history that is not in force');
RESET ROLE;
SET LOCAL ROLE r67_fin_executor;
SELECT lives_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20')$$,
                       :pa_fin, :fin),
  'R67 does not apply: a ministry''s report to the PA without a signatory is accepted as before');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                              signed_by => 'deputy_first_head')$$, :pa_fin, :fin),
  'IC308', NULL, 'R67 (reading): a ministry''s signatory, when given, is still judged (a deputy does not sign a final report)');
RESET ROLE;

-- a restore loads reports as they were dumped (judged when first written): R67 passes through
SET LOCAL instruction_control.restore_mode = on;
SELECT lives_ok(format($$INSERT INTO report (instruction_id, kind, content, submitted_by_body_id, submitted_on)
                        VALUES (%s, 'final', 'restored', %s, '2025-03-21')$$, :pa_gov, :gov),
  'R67 restore_mode: a dumped Government report without a signatory loads as it was');
RESET instruction_control.restore_mode;

SELECT * FROM finish();
ROLLBACK;
