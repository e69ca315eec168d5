-- Putting on control and interim reports, the decree read right (issue 18, round three):
-- R42-1.1 records passed down, R4.5 control approval, R66-1.1 the PA's schedule of intermediate
-- reports, R66-1.2 a report's addressee, R66-1.3 the grace period labelled as the registry's own.
-- Each rule with an allowed and a refused case; SQLSTATEs only (the suite runs on ru_RU clusters too).
BEGIN;
SET client_min_messages = error;   -- the adoption WARNING of an existing cluster's roles
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(46);

\ir include/helpers.psql

INSERT INTO state_body (code, name, body_type) VALUES
  ('R3_FIN', 'Ministry of Finance (R3)', 'central'),
  ('R3_AKM', 'Akimat of Almaty (R3)', 'local'),
  ('R3_AKM2', 'Akimat of Shymkent (R3)', 'local');
SELECT id AS fin FROM state_body WHERE code = 'R3_FIN' \gset
SELECT id AS akm FROM state_body WHERE code = 'R3_AKM' \gset
SELECT id AS akm2 FROM state_body WHERE code = 'R3_AKM2' \gset
INSERT INTO act (act_type, number, signed_on) VALUES ('decree', 'R3-1', '2025-02-28') RETURNING id AS act1 \gset
INSERT INTO act (act_type, number, signed_on) VALUES ('decree', 'R3-2', '2025-02-28') RETURNING id AS act2 \gset

-- R42-1.1 records passed down --------------------------------------------------------------------
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', act_id => :act1, point => '2', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS pa_point \gset
SELECT (put_on_control('personal', 'pa', '2025-03-03', signed_on => '2025-03-03', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS pa_personal \gset

SELECT throws_ok(format($$SELECT put_on_control('personal', 'local', '2025-03-04', signed_on => '2025-03-03',
                                               controlling_body_id => %s, upper_record_id => %s)$$, :akm, :pa_point),
  'IC107', NULL, 'R42-1.1: a personal instruction at local level linked to an unrelated PA point is refused');
SELECT throws_ok(format($$SELECT put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', act_id => %s,
                                               point => '3', upper_record_id => %s)$$, :act1, :pa_point),
  'IC107', NULL, 'R42-1.1: a lower record of another point of the same act is no record passed down');
SELECT throws_ok(format($$SELECT put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', act_id => %s,
                                               point => '2', upper_record_id => %s)$$, :act2, :pa_point),
  'IC107', NULL, 'R42-1.1: the same point number of another act is no record passed down');
SELECT lives_ok(format($$SELECT put_on_control('act_point', 'central', '2025-03-04', term => '10 wd', act_id => %s,
                                              point => '2', upper_record_id => %s)$$, :act1, :pa_point),
  'R42-1.1: the body''s record of the same act and point names the PA''s record');
SELECT is((pg_temp.err(format($$SELECT put_on_control('personal', 'local', '2025-03-04', signed_on => '2025-03-03',
                                 controlling_body_id => %s, upper_record_id => %s)$$, :akm, :pa_personal))).state,
  'IC107', 'R42-1.1: a personal instruction is not passed down before the PA removed it with control_passed');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'control_passed', 'president', '{control_passed_decision}',
                                                   decided_on => '2025-03-04', receiving_body_id => %s)$$, :pa_personal, :akm),
  'R75(4): the President passes control of his personal instruction to the akimat');
SELECT throws_ok(format($$SELECT put_on_control('personal', 'local', '2025-03-05', signed_on => '2025-03-03',
                                               controlling_body_id => %s, upper_record_id => %s)$$, :akm2, :pa_personal),
  'IC107', NULL, 'R42-1.1: the removal passed control to another body, not to this one');
SELECT lives_ok(format($$SELECT put_on_control('personal', 'local', '2025-03-05', signed_on => '2025-03-03',
                                              controlling_body_id => %s, upper_record_id => %s)$$, :akm, :pa_personal),
  'R42-1.1, R75(4): the record of the body the PA''s removal names is passed down');

-- R4.5 control approval (Appendix 5) --------------------------------------------------------------
SELECT is((pg_temp.err(format($$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => '2025-04-01',
                                deadline_source => 'control_approval', completion_form => 'draft law',
                                responsible_body_id => %s)$$, :fin))).hint ~ 'pa_unit', true,
  'R4.5: a PA point put on control by its control approval without a PA unit is refused, the HINT names pa_unit');
SELECT is((pg_temp.err(format($$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => '2025-04-01',
                                 deadline_source => 'control_approval', completion_form => 'draft law',
                                 responsible_body_id => %s)$$, :fin))).state,
  'IC107', 'R4.5: refused with IC107');
SELECT is((pg_temp.err(format($$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => '2025-04-01',
                                 deadline_source => 'control_approval', pa_unit => 'Legal department',
                                 responsible_body_id => %s)$$, :fin))).hint ~ 'completion_form', true,
  'R4.5: without a completion form: refused, the HINT names completion_form');
SELECT is((pg_temp.err($$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => '2025-04-01',
                         deadline_source => 'control_approval', pa_unit => 'Legal department',
                         completion_form => 'draft law')$$)).hint ~ 'responsible_body_id', true,
  'R4.5: without the responsible state body: refused, the HINT names responsible_body_id');
SELECT lives_ok(format($$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => '2025-04-01',
                                              deadline_source => 'control_approval', pa_unit => 'Legal department',
                                              completion_form => 'draft law', responsible_body_id => %s)$$, :fin),
  'R4.5: a PA point with the fields of Appendix 5 is put on control');
SELECT lives_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => '2025-04-01',
                                       deadline_source => 'control_approval', pa_unit => 'Legal department',
                                       secrecy => 'state_secret', paper_card_ref => 'PC-1/2025',
                                       responsible_body_id => (SELECT id FROM state_body WHERE code = 'R3_FIN'))$$,
  'R4.5, R14: a state secret keeps no completion form and is still put on control');

-- R66-1.2 a report's addressee ---------------------------------------------------------------------
SELECT (put_on_control('event', 'pa', '2025-03-03', term => '60 wd', responsible_body_id => :fin, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS pa_event \gset
SELECT (put_on_control('security_council', 'pa', '2025-03-03', term => '60 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS pa_sc \gset
SELECT (put_on_control('event', 'local', '2025-03-03', term => '60 wd', controlling_body_id => :akm)).id AS local_event \gset
-- R66-1 a report's day: between the instruction's receipt and today, as a decision's (IC116)
SELECT throws_ok(format($$SELECT submit_report(%s, 'intermediate', 'done so far', submitted_on => current_date + 1)$$, :pa_event),
  'IC113', 'a report is dated in the future (R66-1)', 'R66-1: a report dated tomorrow is refused (IC113)');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_on => '9999-12-31')$$, :pa_event),
  'IC113', 'a report is dated in the future (R66-1)', 'R66-1: a final report dated 9999-12-31 is refused');
SELECT throws_ok(format($$SELECT submit_report(%s, 'intermediate', 'done so far', submitted_on => '2025-03-02')$$, :pa_event),
  'IC113', 'a report is dated before the instruction was received (R66-1)', 'R66-1: a report dated the day before receipt is refused');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'on receipt', submitted_on => '2025-03-03')$$, :pa_event),
  'R66-1: a report on the day of receipt is accepted');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'today', addressee => 'head_of_presidents_office')$$, :pa_event),
  'R66-1: a report of today (the default) is accepted');
SELECT throws_ok(format($$INSERT INTO report (instruction_id, kind, content, submitted_on) VALUES (%s, 'risk', 'x', current_date + 30)$$, :pa_event),
  'IC113', 'a report is dated in the future (R66-1)', 'R66-1: the INSERT of a future report is refused as the call is');
SELECT throws_ok(format($$SELECT submit_report(%s, 'intermediate', 'done so far', addressee => 'akim', submitted_on => '2025-03-31')$$, :pa_event),
  'IC113', NULL, 'R66-1.2: an intermediate report on a PA item addressed to an akim is refused');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'done so far', addressee => 'head_of_presidents_office', submitted_on => '2025-03-31')$$, :pa_event),
  'R66-1.2: addressed to the Head of the President''s Office it is accepted');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'done so far', addressee => 'assistant_or_adviser', submitted_on => '2025-03-31')$$, :pa_event),
  'R66-1.2: addressed to an Assistant or Adviser it is accepted');
SELECT throws_ok(format($$SELECT submit_report(%s, 'intermediate', 'done so far', addressee => 'assistant_or_adviser', submitted_on => '2025-03-31')$$, :pa_sc),
  'IC113', NULL, 'R66-1.2: an intermediate report on a Security Council decision goes to its Secretary, not an adviser');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'done so far', addressee => 'secretary_sc', submitted_on => '2025-03-31')$$, :pa_sc),
  'R66-1.2: an intermediate report on a Security Council decision to the Secretary of the SC');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'done so far', addressee => 'akim', submitted_on => '2025-03-31')$$, :local_event),
  'R66-1.2, R74-1: below PA level, a report on an akimat''s item goes to the akim');
SELECT throws_ok(format($$SELECT submit_report(%s, 'intermediate', 'done so far', addressee => 'head_of_presidents_office', submitted_on => '2025-03-31')$$, :local_event),
  'IC113', NULL, 'R66-1.2, R74-1: a report on an akimat''s item does not go to the President''s Office');
SELECT lives_ok(format($$SELECT submit_report(%s, 'risk', 'risk of delay', addressee => 'pa_unit_head', submitted_on => '2025-03-31')$$, :pa_event),
  'R66-3.5: a risk report to the responsible PA unit');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'no addressee given', submitted_on => '2025-03-31')$$, :pa_event),
  'R66-1.2: a report without an addressee is accepted (nothing to check)');

-- as a non-superuser: an executor of the responsible body, holding only ic_executor
CREATE ROLE r3_executor_test LOGIN IN ROLE ic_executor;
INSERT INTO body_member (member, body_id) VALUES ('r3_executor_test', :fin);
SET LOCAL ROLE r3_executor_test;
SELECT throws_ok(format($$SELECT submit_report(%s, 'intermediate', 'done so far', addressee => 'akim', submitted_on => '2025-03-31')$$, :pa_event),
  'IC113', NULL, 'R66-1.2: as ic_executor, a report on a PA item addressed to an akim is refused');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'done so far', addressee => 'secretary_sc', submitted_on => '2025-03-31')$$, :pa_event),
  'R66-1.2: as ic_executor, addressed to the Secretary of the SC it is accepted');
RESET ROLE;

-- R66-1.1 the PA's schedule of intermediate reports ------------------------------------------------
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '8 months', reporting_period => 'monthly', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS per \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '8 months', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS expl \gset
SELECT throws_ok(format($$UPDATE instruction SET reporting_period = 'explicit' WHERE id = %s$$, :expl),
  '23514', NULL, 'R66-1.1: reporting_period explicit without the PA''s dates is refused');
SELECT throws_ok(format($$UPDATE instruction SET report_dates = '{2025-04-15}' WHERE id = %s$$, :per),
  '23514', NULL, 'R66-1.1: the PA''s dates go with reporting_period explicit only');
SELECT throws_ok(format($$UPDATE instruction SET reporting_period = 'explicit', report_dates = '{2025-04-15,NULL}' WHERE id = %s$$, :expl),
  '23514', NULL, 'R66-1.1: no empty date in the PA''s schedule');
SELECT lives_ok(format($$UPDATE instruction SET reporting_period = 'explicit', report_dates = '{2025-04-15,2025-06-20}' WHERE id = %s$$, :expl),
  'R66-1.1: the PA sets the intermediate dates of an instruction');
-- the sweep's rule on 2025-04-30: the PA's date (15 April, a Tuesday) is due; the default is the end of March
SELECT is((SELECT string_agg(e.period::text, ',') FROM sweep_rule_report_missing(:expl, true, 'explicit', NULL, '2025-03-03',
             '2025-11-03', 'KZ', jsonb_build_object('monthly', reporting_period_end('monthly', '2025-04-30')), '2025-04-30') e),
  '2025-04-15', 'R66-1.1: the sweep asks for the report of the PA''s own date, not a calendar period end');
SELECT is((SELECT string_agg(e.period::text, ',') FROM sweep_rule_report_missing(:per, true, 'monthly', NULL, '2025-03-03',
             '2025-11-03', 'KZ', jsonb_build_object('monthly', reporting_period_end('monthly', '2025-04-30')), '2025-04-30') e),
  '2025-03-31', 'R66-1.1: without the PA''s dates the calendar period ends are the default');
SELECT is((SELECT count(*)::int FROM sweep_rule_report_missing(:expl, true, 'explicit', NULL, '2025-03-03',
             '2025-11-03', 'KZ', '{}', '2025-04-15') e),
  0, 'R66-1.1: on the PA''s date itself the report is not yet missing');
SELECT submit_report(:expl, 'intermediate', 'as of 15 April', addressee => 'head_of_presidents_office',
                     period_end => '2025-04-15', submitted_on => '2025-04-15');
SELECT is((SELECT count(*)::int FROM sweep_rule_report_missing(:expl, true, 'explicit', NULL, '2025-03-03',
             '2025-11-03', 'KZ', '{}', '2025-04-30') e),
  0, 'R66-1.1: a report covering the PA''s date in time raises nothing');

-- as a non-superuser: a controller (ic_controller only) sets the PA's dates and registers records
CREATE ROLE r3_controller_test LOGIN IN ROLE ic_controller;
SET LOCAL ROLE r3_controller_test;
SELECT lives_ok(format($$UPDATE instruction SET reporting_period = 'explicit', report_dates = '{2025-05-15}' WHERE id = %s$$, :per),
  'R66-1.1: as ic_controller, the PA''s dates are set on an instruction');
SELECT throws_ok(format($$SELECT put_on_control('personal', 'local', '2025-03-04', signed_on => '2025-03-03',
                                               controlling_body_id => %s, upper_record_id => %s)$$, :akm, :pa_point),
  'IC107', NULL, 'R42-1.1: as ic_controller, a record linked to an unrelated PA point is refused');
SELECT throws_ok($$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => '2025-04-01',
                                        deadline_source => 'control_approval', completion_form => 'draft law')$$,
  'IC107', NULL, 'R4.5: as ic_controller, a PA point of a control approval without its PA unit is refused');
RESET ROLE;

-- R66-1.3 the grace period is the registry's own setting ----------------------------------------------
SELECT ok(obj_description('instruction_control.sweep_setting'::regclass, 'pg_class') ~ 'not the decree',
  'R66-1.3: the comment of sweep_setting labels the grace period as the registry''s own setting');
SELECT ok(col_description('instruction_control.sweep_setting'::regclass,
                          (SELECT attnum FROM pg_attribute WHERE attrelid = 'instruction_control.sweep_setting'::regclass
                              AND attname = 'escalation_grace_days')) ~ 'not the decree',
  'R66-1.3: the comment of escalation_grace_days says the decree sets no grace period');
SELECT ok((SELECT e.detail ->> 'grace_basis' FROM sweep_rule_escalation(:pa_event, 'event', 'pa', '2025-03-03', true, 'KZ', 5, '2025-03-20') e)
          ~ 'not the decree',
  'R66-1.3: the escalation event''s text (detail.grace_basis) labels the grace period as the registry''s');
SELECT is((SELECT count(*)::int FROM sweep_rule_escalation(:pa_event, 'event', 'pa', '2025-03-18', true, 'KZ', 5, '2025-03-20') e),
  0, 'R66-1.3: within the registry''s grace period no escalation is raised');

SELECT * FROM finish();
ROLLBACK;
