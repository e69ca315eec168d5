-- The forms as the decree draws them (issue 18, Forms): Appendix 8 (R75-1) and
-- Appendix 5 (R4.5) checked against the Kazakh text of Decree No. 403
-- (Appendices 1 and 2, which give Appendices 5 and 8 of the Rules), rendered
-- in kk and ru, as a login-less role holding only ic_controller.
--   - Appendix 8 is for instructions «өздерінің бақылауына берілген», given to
--     the body's own control: a point controlled at PA level is left out even
--     when its controlling body is the reporting body;
--   - its status has two values, «орындалған, орындалуда»: a removal on another
--     ground of R75 is in progress, the removal and its ground stated in the
--     intermediate result;
--   - sectors in the Kazakh alphabet even where the collation
--     instruction_control.kk is a copy of "C" (a server without ICU);
--   - Kazakh dates take their case endings: «18.03.2025-тен бастап
--     15.04.2025-ке дейін»;
--   - the title says «нысаны»; no internal rule id «(R14)»; the footnote marks
--     «*» in the table and in the CSV;
--   - the decree's words: «Президент Кеңесінің бастығы», «жолданым».
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';
SELECT plan(28);

INSERT INTO state_body (code, name, name_kk, name_ru, body_type, sector) VALUES
  ('D-GOV', 'Government', 'Үкімет', 'Правительство', 'government', NULL),
  ('D-MH', 'Ministry of Health', 'Денсаулық сақтау министрлігі', 'Министерство здравоохранения', 'central', 'health care'),
  ('D-SC', 'Ministry of Science', 'Ғылым министрлігі', 'Министерство науки', 'central', 'science'),
  ('D-NO', 'Agency without a sector', NULL, NULL, 'central', NULL);
INSERT INTO act (external_ref, act_type, number, title, signed_on) VALUES ('D-A1', 'Указ', '8', 'Decree eight', '2025-03-01');
SELECT id AS gov FROM state_body WHERE code = 'D-GOV' \gset
SELECT id AS mh FROM state_body WHERE code = 'D-MH' \gset
SELECT id AS sc FROM state_body WHERE code = 'D-SC' \gset
SELECT id AS nos FROM state_body WHERE code = 'D-NO' \gset
SELECT id AS a1 FROM act WHERE external_ref = 'D-A1' \gset

\o /dev/null
-- extended once in 2025
SELECT (put_on_control('event', 'government', '2025-03-03', term => '10 wd', responsible_body_id => :mh,
                       controlling_body_id => :gov, content => 'Extended measure')).id AS ext \gset
SELECT extend_deadline(:ext, '2025-04-15', 'prime_minister', 'conclusion 1', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}');
-- science, and one without a sector: the order of the Kazakh alphabet
SELECT (put_on_control('event', 'government', '2025-03-03', term => '10 wd', responsible_body_id => :sc,
                       controlling_body_id => :gov, content => 'Science measure')).id AS sci \gset
SELECT (put_on_control('event', 'government', '2025-03-03', term => '10 wd', responsible_body_id => :nos,
                       controlling_body_id => :gov, content => 'Measure without a sector')).id AS nosec \gset
-- removed on another ground than executed (objectively impossible, R75): the
-- journal row is written as a restore writes it, whatever evidence R75 asks
SELECT (put_on_control('event', 'government', '2025-03-03', term => '10 wd', responsible_body_id => :sc,
                       controlling_body_id => :gov, content => 'Impossible measure')).id AS imp \gset
SET session_replication_role = replica;
INSERT INTO decision (instruction_id, kind, decided_by, decided_on, ground, evidence, seq, recorded_by)
VALUES (:imp, 'removal', 'prime_minister', '2025-05-06', 'impossible', '{pa_expert_conclusion}', 1, 'test');
UPDATE instruction SET status = 'removed', removed_on = '2025-05-06' WHERE id = :imp;
-- a point of an act controlled at PA level whose controlling body is the Government
INSERT INTO instruction (kind, level, received_on, term, due_date, original_due_date, calendar, content, act_id, point,
                         responsible_body_id, controlling_body_id, regime, status, deadline_source)
VALUES ('act_point', 'pa', '2025-03-03', '10 wd', '2025-03-17', '2025-03-17', 'KZ', 'PA point', :a1, '3',
        :mh, :gov, 'regular', 'on_control', 'term')
RETURNING id AS pa \gset
RESET session_replication_role;
-- a state secret of the act, on control below PA level (Appendix 5 and 8)
SELECT (put_on_control('event', 'government', '2025-03-03', term => '10 wd', act_id => :a1, point => '4',
                       responsible_body_id => :mh, controlling_body_id => :gov,
                       secrecy => 'state_secret', paper_card_ref => 'PC-8')).id AS sec \gset
\o

-- A server without ICU: 98_collation leaves instruction_control.kk a copy of
-- "C" (Ғ after every Russian letter).  Swapped before any form runs in this
-- session, so that no cached plan keeps the ICU collation.
SET instruction_control.allow_member_ddl = on;
ALTER EXTENSION instruction_control DROP COLLATION instruction_control.kk;
DROP COLLATION instruction_control.kk;
CREATE COLLATION instruction_control.kk FROM "C";
RESET instruction_control.allow_member_ddl;

CREATE ROLE ic_test_decree_forms NOLOGIN IN ROLE ic_controller;
SET ROLE ic_test_decree_forms;

-- R75-1: the body's own control only ----------------------------------------------
SELECT is((SELECT count(*)::int FROM form_annual_summary(:gov, 2025, l) WHERE instruction_id = :pa), 0,
          'R75-1 (Appendix 8, ' || l || '): a point controlled at PA level is not in the body''s summary, though its controlling body is the body')
  FROM unnest(ARRAY['kk', 'ru']) l;
SELECT is((SELECT count(*)::int FROM form_annual_summary(:gov, 2025, 'ru')), 5,
          'R75-1: the body''s five instructions below PA level are there');

-- Two statuses -------------------------------------------------------------------
SELECT is((SELECT array_agg(DISTINCT status_label ORDER BY status_label) FROM form_annual_summary(:gov, 2025, l)),
          CASE l WHEN 'kk' THEN ARRAY['орындалуда'] ELSE ARRAY['на исполнении'] END,
          'Appendix 8 (' || l || '): the status is one of the form''s two values («орындалған, орындалуда»), no third')
  FROM unnest(ARRAY['kk', 'ru']) l;
SELECT results_eq(format('SELECT status, status_label, final_result, intermediate_result FROM form_annual_summary(%s, 2025, ''ru'') WHERE instruction_id = %s', :gov, :imp),
  $$VALUES ('in_progress', 'на исполнении', NULL::text, 'Снято с контроля 06.05.2025 (Невозможность исполнения по объективным причинам).')$$,
  'R75: a removal on another ground is in progress, its day and ground stated in the intermediate result (ru)');
SELECT is((SELECT intermediate_result FROM form_annual_summary(:gov, 2025, 'kk') WHERE instruction_id = :imp),
  '06.05.2025 бақылаудан алынды (Объективті себептермен орындау мүмкін еместігі).',
  'R75: a removal on another ground states its ground in the intermediate result (kk)');

-- Kazakh alphabetical order, on a server without ICU too (kk is a copy of "C" here) --
SELECT is((SELECT count(DISTINCT sector_heading)::int FROM form_annual_summary(:gov, 2025, 'kk') WHERE sector_heading IN ('Ғылым саласында', 'Сала көрсетілмеген')),
          2, 'fixture: the two sectors are there');
SELECT is((SELECT array_agg(h ORDER BY o) FROM (SELECT f.sector_heading, min(o) FROM form_annual_summary(:gov, 2025, 'kk') WITH ORDINALITY AS f(sector, sector_heading, row_no, instruction_id, requisites, content, status, status_label, final_result, intermediate_result, due_date, extensions, transfers, new_deadlines, state_secret, o) GROUP BY 1) s(h, o)),
          ARRAY['Ғылым саласында', 'Денсаулық сақтау саласында', 'Сала көрсетілмеген'],
          'R75-1 (kk): sectors in the Kazakh alphabet (Г Ғ Д ... С: Ғылым first, before Сала көрсетілмеген) where the collation kk is a copy of "C"');
SELECT ok(strpos(form_annual_summary_csv(:gov, 2025, 'kk'), 'Ғылым саласында') < strpos(form_annual_summary_csv(:gov, 2025, 'kk'), 'Сала көрсетілмеген')
          AND strpos(form_annual_summary_html(:gov, 2025, 'kk'), 'Ғылым саласында') < strpos(form_annual_summary_html(:gov, 2025, 'kk'), 'Сала көрсетілмеген'),
          'R75-1 (kk): the CSV and the HTML keep the Kazakh order');
SELECT ok(min(row_no) = 1 AND max(row_no) = count(*) AND count(DISTINCT row_no) = count(*),
          'R75-1: numbering restarts in each sector: 1..n (' || sector_heading || ')')
  FROM form_annual_summary(:gov, 2025, 'kk') GROUP BY sector_heading;

-- Kazakh case endings after dates ----------------------------------------------------
SELECT is((SELECT intermediate_result FROM form_annual_summary(:gov, 2025, 'kk') WHERE instruction_id = :ext),
  '05.03.2025 мерзім 18.03.2025-тен бастап 15.04.2025-ке дейін ұзартылды (Премьер-Министр). Орындау мерзімі: 15.04.2025 (өтіп кетті).',
  'R75-1 (kk): an extension reads «18.03.2025-тен бастап 15.04.2025-ке дейін», the dates with their case endings');
SELECT is((SELECT intermediate_result FROM form_annual_summary(:gov, 2025, 'ru') WHERE instruction_id = :ext),
  'Срок продлён 05.03.2025 с 18.03.2025 до 15.04.2025 (Премьер-Министр). Срок исполнения: 15.04.2025 (истёк).',
  'R75-1 (ru): the Russian phrase is unchanged');
SELECT is(array_agg(report_date_kk(d, c) ORDER BY d, c),
          ARRAY['31.12.2000-нан', '31.12.2000-ға', '01.01.2020-дан', '01.01.2020-ға', '02.06.2024-тен', '02.06.2024-ке', '11.03.2026-дан', '11.03.2026-ға'],
          'kk_number_ending: a date takes the ending of its year read aloud (жиырма, төрт, алты, мың)')
  FROM unnest(ARRAY[date '2020-01-01', '2024-06-02', '2026-03-11', '2000-12-31']) d, unnest(ARRAY['ablative', 'dative']) c;
SELECT throws_ok($$SELECT kk_number_ending(2025, 'genitive')$$, '22023', NULL, 'kk_number_ending: another case is refused');

-- Title, internal codes, footnote marks -----------------------------------------------
SELECT ok(form_annual_summary_html(:gov, 2025, 'kk') ~ '<h1>[^<]*жыл сайынғы жиынтық есебінің нысаны</h1>',
          'Appendix 8 (kk): the title ends «… жиынтық есебінің нысаны» as the decree draws it');
SELECT ok(form_annual_summary_html(:gov, 2025, 'ru') ~ '<h1>Форма ежегодного сводного отчёта ',
          'Appendix 8 (ru): the title is the form''s («Форма ежегодного сводного отчёта …»)');
SELECT is(count(*)::int, 0, 'no form shows an internal rule id such as (R14) (' || l || ')')
  FROM unnest(ARRAY['kk', 'ru']) l,
       unnest(ARRAY[form_annual_summary_html(:gov, 2025, l), form_annual_summary_csv(:gov, 2025, l),
                    form_control_approval_html(:a1, l), form_control_approval_csv(:a1, l)]) AS t(doc)
 WHERE doc ~ '\(R[0-9]'
 GROUP BY l;
SELECT ok(form_control_approval_csv(:a1, 'ru') LIKE '%Мемлекеттік%' OR form_control_approval_csv(:a1, 'ru') LIKE '%Государственные секреты: бумажная карточка PC-8%',
          'R14: a state secret is still shown by its paper card only');
SELECT ok(split_part(form_control_approval_csv(:a1, 'kk'), E'\r\n', 1) LIKE '%,Түпкілікті нәтиже*,%'
          AND split_part(form_control_approval_csv(:a1, 'ru'), E'\r\n', 1) LIKE '%,Конечный результат*,%',
          'Appendix 5: the CSV keeps the footnote mark after «Түпкілікті нәтиже» / «Конечный результат» (kk, ru)');
SELECT ok(form_annual_summary_html(:gov, 2025, l) ~ '<tr class="sector"><td colspan="6">[^<]*саласында\*</td></tr>'
          OR form_annual_summary_html(:gov, 2025, l) ~ '<tr class="sector"><td colspan="6">В сфере [^<]*\*</td></tr>',
          'Appendix 8 (' || l || '): the sector rows carry the anchor «*» of the footnote on the sector')
  FROM unnest(ARRAY['kk', 'ru']) l;

-- The decree's words -------------------------------------------------------------------
SELECT is(label('decider', 'head_of_presidents_office', 'kk'), 'Президент Кеңесінің бастығы',
          'R69: the decider is named as the decree names him («Президент Кеңесінің бастығы»)');
SELECT is(label('document'::instruction_kind, 'kk'), 'Құжат немесе жолданым бойынша тапсырма',
          'R4.2: the document kind says «жолданым», the decree''s word for an appeal');
SELECT is(('жолданым'::text)::instruction_kind::text, 'document', 'R4.2: «жолданым» is read as the document kind');

-- All bodies at once: the same rows as body by body ----------------------------------------
SELECT is((SELECT count(*)::int FROM (
            SELECT body_id, instruction_id, row_no, status_label, intermediate_result FROM form_annual_summary_bodies(2025, 'kk')
            EXCEPT
            SELECT b.id, f.instruction_id, f.row_no, f.status_label, f.intermediate_result
              FROM state_body b, form_annual_summary(b.id, 2025, 'kk') f) x), 0,
          'issue 19: form_annual_summary_bodies gives every body''s rows as form_annual_summary does');
SELECT is((SELECT count(*)::int FROM form_annual_summary_bodies(2025, 'ru', ARRAY[:gov])), 5,
          'issue 19: form_annual_summary_bodies for the bodies asked');

RESET ROLE;
SELECT * FROM finish();
ROLLBACK;
