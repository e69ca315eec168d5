-- Signatories and the Government's yearly reports (issue 20, item 3): R67 who signs the Government's
-- information on execution (part 1: by the addressee of the resolution; part 2: deputies for interim
-- information to the Head of the President's Office, Assistants, Advisers), R75-1 who signs the annual
-- summary and its signatory line in kk and ru, R80-1 the report on the state planning documents in kk
-- and ru.  Each rule with an allowed and a refused case, also as a non-superuser holding the role that
-- does it; SQLSTATEs only (the suite runs on ru_RU clusters too).
BEGIN;
SET client_min_messages = error;   -- the adoption WARNING of an existing cluster's roles
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(40);

\ir include/helpers.psql

INSERT INTO state_body (code, name, name_kk, name_ru, body_type) VALUES
  ('G_GOV', 'Government (G)', 'Үкімет (G)', 'Правительство (G)', 'government'),
  ('G_FIN', 'Ministry of Finance (G)', 'Қаржы министрлігі (G)', 'Министерство финансов (G)', 'central'),
  ('G_AKM', 'Akimat of Almaty (G)', 'Алматы әкімдігі (G)', 'Акимат Алматы (G)', 'local');
SELECT id AS gov FROM state_body WHERE code = 'G_GOV' \gset
SELECT id AS fin FROM state_body WHERE code = 'G_FIN' \gset
SELECT id AS akm FROM state_body WHERE code = 'G_AKM' \gset
INSERT INTO person (name, body_id) VALUES ('Deputy Prime Minister A. (G)', :gov) RETURNING id AS dpm \gset
INSERT INTO person (name, body_id) VALUES ('Minister of Finance B. (G)', :fin) RETURNING id AS minister \gset
INSERT INTO act (act_type, number, signed_on) VALUES ('decree', 'G-1', '2025-02-28') RETURNING id AS act1 \gset
SELECT (put_on_control('act_point', 'government', '2025-03-03', term => '20 wd', act_id => :act1, point => '1',
                       responsible_body_id => :gov, controlling_body_id => :gov)).id AS gov_point \gset
SELECT (put_on_control('act_point', 'central', '2025-03-03', term => '20 wd', act_id => :act1, point => '2',
                       responsible_body_id => :fin)).id AS fin_point \gset

-- R67, part 1 ---------------------------------------------------------------------------------------
SELECT lives_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                             signed_by => 'deputy_prime_minister', signed_by_person_id => %s,
                                             resolution_addressee => 'deputy_prime_minister')$$, :gov_point, :gov, :dpm),
  'R67: the Government''s information signed by the Deputy Prime Minister the resolution is addressed to');
SELECT is((SELECT signed_by || '/' || signed_by_person_id || '/' || resolution_addressee FROM report
            WHERE instruction_id = :gov_point), 'deputy_prime_minister/' || :dpm || '/deputy_prime_minister',
  'R67: the report records the signatory, the person and the resolution''s addressee');
SELECT lives_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                             signed_by => 'prime_minister')$$, :gov_point, :gov),
  'R67: the Government''s information signed by the Prime Minister (no resolution''s addressee recorded)');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                              signed_by => 'prime_minister', resolution_addressee => 'head_of_government_office')$$,
                        :gov_point, :gov),
  'IC308', NULL, 'R67: the Prime Minister does not sign information on a resolution addressed to the Head of the Government Office');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                              signed_by => 'first_head')$$, :gov_point, :gov),
  'IC308', NULL, 'R67: a first head does not sign the Government''s information');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                              resolution_addressee => 'deputy_prime_minister')$$, :gov_point, :gov),
  'IC308', NULL, 'R67: the resolution''s addressee recorded without who signed');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                              signed_by => 'deputy_prime_minister', signed_by_person_id => %s)$$,
                        :gov_point, :gov, :minister),
  'IC308', NULL, 'R67: the signing person is not a person of the Government');
SELECT ok((pg_temp.err(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                 signed_by => 'deputy_head_of_government_office')$$, :gov_point, :gov))).hint ~ 'Head of the Government Office',
  'R67: the HINT names who may sign the Government''s information');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                              signed_by => 'deputy_head_of_government_office')$$, :gov_point, :gov),
  'IC308', NULL, 'R67: a deputy Head of the Government Office does not sign a final report');
SELECT lives_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20')$$,
                       :gov_point, :gov),
  'R67: a report without its signatory recorded is accepted as before');

-- R67, part 2 ---------------------------------------------------------------------------------------
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', act_id => :act1, point => '3',
                       responsible_body_id => :gov, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS pa_gov \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', act_id => :act1, point => '4',
                       responsible_body_id => :fin, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS pa_fin \gset
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'half', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                             addressee => 'assistant_or_adviser', signed_by => 'deputy_head_of_government_office')$$,
                       :pa_gov, :gov),
  'R67 part 2: the Government''s interim information to an Assistant or Adviser signed by a deputy Head of the Government Office');
SELECT throws_ok(format($$SELECT submit_report(%s, 'intermediate', 'half', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                              addressee => 'secretary_sc', signed_by => 'deputy_head_of_government_office')$$,
                        :pa_gov, :gov),
  'IC308', NULL, 'R67 part 2: interim information to the Secretary of the SC is not signed by a deputy');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'half', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                             addressee => 'head_of_presidents_office', signed_by => 'deputy_first_head')$$,
                       :pa_fin, :fin),
  'R67 part 2: a ministry''s interim information to the Head of the President''s Office signed by a deputy of the first head');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'half', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                             addressee => 'assistant_or_adviser', signed_by => 'collegial_body_member')$$,
                       :pa_fin, :fin),
  'R67 part 2: a ministry''s interim information to an Adviser signed by a member of its collegial body');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                              signed_by => 'deputy_first_head')$$, :fin_point, :fin),
  'IC308', NULL, 'R67 part 2: a deputy of the first head does not sign a ministry''s final report');
SELECT lives_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                             signed_by => 'first_head', signed_by_person_id => %s)$$, :fin_point, :fin, :minister),
  'R67 (reading): a ministry''s information signed by its first head');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                              signed_by => 'prime_minister')$$, :fin_point, :fin),
  'IC308', NULL, 'R67: the Prime Minister does not sign a ministry''s information');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                              signed_by => 'first_head', resolution_addressee => 'prime_minister')$$, :fin_point, :fin),
  'IC308', NULL, 'R67: a resolution''s addressee in the Government belongs to the Government''s information only');

-- R75-1: the annual summary's signatory -------------------------------------------------------------
SELECT lives_ok(format($$SELECT sign_annual_summary(%s, 2025, 'deputy_prime_minister', %s, 'Әлеуметтік сала', '2026-01-20')$$,
                       :gov, :dpm),
  'R75-1: the Government''s annual summary signed by a Deputy Prime Minister for an area of supervision');
SELECT lives_ok(format($$SELECT sign_annual_summary(%s, 2025, 'head_of_government_office', signed_on => '2026-01-20')$$, :gov),
  'R75-1: the Government''s annual summary signed by the Head of the Government Office');
SELECT throws_ok(format($$SELECT sign_annual_summary(%s, 2025, 'prime_minister', signed_on => '2026-01-20')$$, :gov),
  'IC308', NULL, 'R75-1: the Prime Minister is not who R75-1 names for the Government''s annual summary');
SELECT throws_ok(format($$SELECT sign_annual_summary(%s, 2025, 'deputy_prime_minister', signed_on => '2026-01-20')$$, :fin),
  'IC308', NULL, 'R75-1: a Deputy Prime Minister does not sign a ministry''s annual summary');
SELECT throws_ok(format($$SELECT sign_annual_summary(%s, 2025, 'deputy_prime_minister', %s, signed_on => '2026-01-20')$$,
                        :gov, :minister),
  'IC308', NULL, 'R75-1: the signing person is not a person of the Government');
SELECT throws_ok(format($$SELECT sign_annual_summary(%s, 2025, 'deputy_prime_minister', signed_on => '2025-12-31')$$, :gov),
  'IC308', NULL, 'R75-1: the summary of a year is not signed before the year ends');
SELECT lives_ok(format($$SELECT sign_annual_summary(%s, 2025, 'akim', signed_on => '2026-01-20')$$, :akm),
  'R75-1 (reading): an akimat''s annual summary signed by its akim');
SELECT ok(form_annual_summary_html(:gov, 2025, 'kk') ~ 'Қол қойған: Премьер-Министрдің орынбасары, Әлеуметтік сала ____________ Deputy Prime Minister A\. \(G\)',
  'R75-1: the Kazakh form carries the signatory line of the Deputy Prime Minister with the area of supervision');
SELECT ok(form_annual_summary_html(:gov, 2025, 'ru') ~ 'Подписал: Руководитель Аппарата Правительства ____________',
  'R75-1: the Russian form carries the signatory line of the Head of the Government Office');
SELECT is(array(SELECT signatory_label FROM annual_summary_signatories(:fin, 2025, 'ru') WHERE NOT recorded),
  ARRAY['Первый руководитель государственного органа'],
  'R75-1: none recorded: the form gives the line of the position that may sign (a ministry: its first head)');
SELECT ok(form_annual_summary_html(:fin, 2025, 'kk') ~ 'Қол қойған: Мемлекеттік органның бірінші басшысы ____________',
  'R75-1: none recorded: the Kazakh form carries a blank signatory line');

-- R80-1: the state planning documents ---------------------------------------------------------------
SELECT (receive_draft('planning_act', :gov, 'prime_minister', received_on => '2025-04-01',
                      title => 'Ұлттық даму жоспары (G)')).id AS plan_draft \gset
SELECT (receive_draft('planning_act', :gov, 'prime_minister', received_on => '2025-05-01',
                      title => 'Аумақтық даму жоспары (G)')).id AS plan_draft2 \gset
SELECT (receive_draft('act', :gov, 'prime_minister', received_on => '2025-04-01', title => 'Other act (G)')).id AS other_draft \gset
SELECT is((SELECT array_agg(status ORDER BY draft_id) FROM report_planning_documents(2025)
            WHERE draft_id IN (:plan_draft, :plan_draft2, :other_draft)),
  ARRAY['in_review', 'in_review'], 'R80-1: the drafts of acts approving planning documents, not other acts');
-- the first is agreed, visaed, signed into an act, and two of its points put on control; one is executed
\o /dev/null
SELECT agree_draft(:plan_draft, '2025-04-08');
SELECT visa_draft(:plan_draft, p::visa_position, 'paper', '2025-04-09') FROM unnest('{head_of_pa,secretary_sc,general_department_head}'::text[]) p;
SELECT (sign_draft(:plan_draft, 'decree', 'G-PLAN', '2025-04-10')).id AS plan_act \gset
SELECT (put_on_control_from_draft(:plan_draft, 'act_point', 'pa', '2025-04-11', '1', '20 wd', responsible_body_id => :gov,
                                  pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS plan_p1 \gset
SELECT (put_on_control_from_draft(:plan_draft, 'act_point', 'pa', '2025-04-11', '2', '20 wd', responsible_body_id => :gov,
                                  pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS plan_p2 \gset
SELECT remove_from_control(:plan_p1, 'executed', 'head_of_pa', '{official_report}', decided_on => '2025-05-05');
\o
SELECT is((SELECT row(status, act_id, points, points_on_control, points_executed, points_overdue)::text
             FROM report_planning_documents(2025) WHERE draft_id = :plan_draft),
  row('signed', :plan_act, 2, 1, 1, 1)::text,
  'R80-1: a signed planning act with its points: on control at the year''s end, executed, overdue');
SELECT is((SELECT row(status, points)::text FROM report_planning_documents(2024) WHERE draft_id = :plan_draft), NULL,
  'R80-1: as of the year before its receipt the draft is not in the report');
SELECT throws_ok('SELECT * FROM report_planning_documents(1999)', 'IC304', NULL, 'R80-1: a year outside 2000-2100');
SELECT ok(form_planning_documents_html(2025, 'kk') ~ 'Мемлекеттік жоспарлау жүйесінің құжаттарын іске асыру барысы туралы есеп'
          AND form_planning_documents_html(2025, 'kk') ~ 'Ұлттық даму жоспары \(G\)',
  'R80-1: the Kazakh form: its title and the document');
SELECT ok(form_planning_documents_html(2025, 'ru') ~ 'Отчёт о ходе реализации документов Системы государственного планирования'
          AND form_planning_documents_html(2025, 'ru') ~ 'На рассмотрении' AND form_planning_documents_html(2025, 'ru') ~ 'Утверждён',
  'R80-1: the Russian form: its title and the status');
SELECT ok(split_part(form_planning_documents_csv(2025, 'ru'), E'\r\n', 1) ~ '^№ п/п,"Документ Системы государственного планирования',
  'R80-1: the CSV header from the forms'' column table');

-- as a non-superuser: an executor of the Government signs its annual summary, not a ministry's ------
CREATE ROLE g_gov_executor LOGIN;
GRANT ic_executor TO g_gov_executor;
INSERT INTO body_member (member, body_id) VALUES ('g_gov_executor', :gov);
SET LOCAL ROLE g_gov_executor;
SELECT lives_ok(format($$SELECT sign_annual_summary(%s, 2025, 'deputy_prime_minister', %s, 'Экономика',
                                                   signed_on => '2026-01-21')$$, :gov, :dpm),
  'R75-1 as ic_executor: the Government''s executor records its Deputy Prime Minister''s signature and person (one it does not act for)');
SELECT throws_ok(format($$SELECT sign_annual_summary(%s, 2025, 'prime_minister', signed_on => '2026-01-21')$$, :gov),
  'IC308', NULL, 'R75-1 as ic_executor: the Prime Minister''s signature refused');
SELECT throws_ok(format($$SELECT sign_annual_summary(%s, 2025, 'first_head', signed_on => '2026-01-21')$$, :fin),
  '42501', NULL, 'as ic_executor: no signature for another body''s summary (row security)');
SELECT throws_ok(format($$SELECT submit_report(%s, 'final', 'done', submitted_by_body_id => %s, submitted_on => '2025-03-20',
                                              signed_by => 'first_head')$$, :gov_point, :gov),
  'IC308', NULL, 'R67 as ic_executor: the Government''s information signed by a first head refused');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
