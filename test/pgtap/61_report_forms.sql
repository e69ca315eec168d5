-- The forms: Appendix 5 (control approval) and Appendix 8 (annual summary) as
-- rows, CSV and HTML; the annual summary of a past year as it stood at its end.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(41);
\ir include/helpers.psql

-- A fixed small registry -------------------------------------------------------
INSERT INTO state_body (code, name, name_kk, name_ru, body_type, sector) VALUES
  ('T-MH', 'Ministry of Health', 'Денсаулық сақтау министрлігі', 'Министерство здравоохранения', 'central', 'health care'),
  ('T-X', 'Agency X', NULL, NULL, 'central', 'Custom sector'),
  ('T-GOV', 'Government', 'Үкімет', 'Правительство', 'government', NULL);
INSERT INTO act (external_ref, act_type, number, title, signed_on) VALUES ('T-A1', 'Указ', '7', 'Decree <seven>', '2025-03-01');
SELECT id AS mh FROM state_body WHERE code = 'T-MH' \gset
SELECT id AS x FROM state_body WHERE code = 'T-X' \gset
SELECT id AS gov FROM state_body WHERE code = 'T-GOV' \gset
SELECT id AS a1 FROM act WHERE external_ref = 'T-A1' \gset

-- i1: extended in 2025, extended again (repeated, R72) in 2026
SELECT (put_on_control('event', 'government', '2025-03-03', term => '10 wd', act_id => :a1, point => '1.10',
                       responsible_body_id => :mh, controlling_body_id => :gov,
                       content => 'Alpha <b>& "co"')).id AS i1 \gset
SELECT extend_deadline(:i1, '2025-04-15', 'prime_minister', 'conclusion 1', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}');
SELECT extend_deadline(:i1, '2026-06-30', 'prime_minister', 'conclusion 2', 'disciplinary review No. 3',
                       decided_on => '2026-01-15', evidence => '{pa_expert_conclusion}');
-- i2: executed on time
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', act_id => :a1, point => '1.9',
                       responsible_body_id => :x, co_executor_ids => ARRAY[:mh]::bigint[], controlling_body_id => :gov,
                       content => 'Gamma, "quoted"')).id AS i2 \gset
SELECT submit_report(:i2, 'final', 'Law adopted', submitted_on => '2025-03-19');
SELECT remove_from_control(:i2, 'executed', 'prime_minister', '{official_report}', 'report 2', decided_on => '2025-03-20');
-- i3: a state secret, transferred to medium-term control into a forecast year
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', act_id => :a1, point => '2',
                       responsible_body_id => :mh, controlling_body_id => :gov,
                       secrecy => 'state_secret', paper_card_ref => 'PC-9')).id AS i3 \gset
SELECT transfer_control(:i3, 'medium_term', '2027-12-24', 'prime_minister', NULL, decided_on => '2025-04-01', paper_ref => 'P-1', evidence => '{pa_expert_conclusion}');
-- i4: a PA act point, never decided: overdue
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', act_id => :a1, point => '10',
                       responsible_body_id => :mh, content => 'Delta', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i4 \gset
-- i5: a new deadline in a quarantine (R70.4)
SELECT (put_on_control('event', 'government', '2025-03-03', term => '30 wd', responsible_body_id => :x,
                       controlling_body_id => :gov, content => 'Epsilon')).id AS i5 \gset
SELECT set_new_deadline(:i5, '2025-06-02', 'prime_minister', 'letter 5', 'quarantine', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');

SELECT submit_report(:i5, 'intermediate', 'Half of the measures done', submitted_on => '2025-04-01');

-- Appendix 5 ----------------------------------------------------------------------------
SELECT results_eq(format('SELECT row_no, point, due_date FROM form_control_approval(%s)', :a1),
  $$VALUES (1, '1.9', date '2025-04-04'), (2, '1.10', date '2025-03-18'), (3, '2', date '2025-04-04'), (4, '10', date '2025-03-18')$$,
  'Appendix 5: a row per point in natural order, with the deadline of the control approval (R4.5)');
SELECT results_eq(format('SELECT measure, responsible_body, control_body FROM form_control_approval(%s, ''ru'') WHERE point = ''1.9''', :a1),
  $$VALUES ('Gamma, "quoted"', 'Agency X; Министерство здравоохранения', 'Правительство')$$,
  'Appendix 5: measure, responsible and co-executing bodies, the body responsible for control (ru)');
SELECT is((SELECT control_body FROM form_control_approval(:a1, 'kk') WHERE point = '1.10'), 'Үкімет',
  'Appendix 5: the controlling body in Kazakh');
SELECT results_eq(format('SELECT measure, completion_form, state_secret FROM form_control_approval(%s, ''ru'') WHERE point = ''2''', :a1),
  $$VALUES ('Государственные секреты: бумажная карточка PC-9', NULL::text, true)$$,
  'R14: Appendix 5 shows a state secret by its paper card only');
SELECT is((SELECT count(*)::int FROM form_control_approval(:a1) WHERE measure LIKE '%Alpha%'), 1, 'Appendix 5: content of ordinary points is shown');

-- Appendix 8 ------------------------------------------------------------------------------
SELECT results_eq(format('SELECT sector_heading, row_no, instruction_id, status FROM form_annual_summary(%s, 2025, ''ru'')', :gov),
  format('VALUES (''В сфере здравоохранения'', 1, %s::bigint, ''in_progress''), (''В сфере здравоохранения'', 2, %s, ''in_progress''), (''Custom sector'', 1, %s, ''executed''), (''Custom sector'', 2, %s, ''in_progress'')', :i1, :i3, :i2, :i5),
  'Appendix 8: the body''s instructions grouped by sector (in the Russian order, Cyrillic before Latin), executed or in progress (R75-1); a PA-level point is not the body''s');
SELECT results_eq(format('SELECT due_date, extensions, status_label FROM form_annual_summary(%s, 2025, ''ru'') WHERE instruction_id = %s', :gov, :i1),
  $$VALUES (date '2025-04-15', 1, 'на исполнении')$$,
  'Appendix 8 for 2025: the deadline and the one extension as they stood on 31.12.2025 (the 2026 extension is not there)');
SELECT is((SELECT intermediate_result FROM form_annual_summary(:gov, 2025, 'ru') WHERE instruction_id = :i1),
  'Срок продлён 05.03.2025 с 18.03.2025 до 15.04.2025 (Премьер-Министр). Срок исполнения: 15.04.2025 (истёк).',
  'Appendix 8: the intermediate result states the fact of the extension (R75-1) and a deadline passed by the year''s end');
SELECT results_eq(format('SELECT due_date, extensions FROM form_annual_summary(%s, 2026, ''ru'') WHERE instruction_id = %s', :gov, :i1),
  $$VALUES (date '2026-06-30', 2)$$, 'Appendix 8 for 2026: both extensions');
SELECT matches((SELECT intermediate_result FROM form_annual_summary(:gov, 2026, 'ru') WHERE instruction_id = :i1),
  'Срок повторно продлён 15\.01\.2026 с 15\.04\.2025 до 30\.06\.2026', 'Appendix 8: a repeated extension is stated as repeated (R72)');
SELECT is((SELECT count(*)::int FROM form_annual_summary(:gov, 2026, 'ru') WHERE instruction_id = :i2), 0,
  'Appendix 8 for 2026: an instruction removed in 2025 is not in the next year''s summary');
SELECT results_eq(format('SELECT final_result, intermediate_result FROM form_annual_summary(%s, 2025, ''ru'') WHERE instruction_id = %s', :gov, :i2),
  $$VALUES ('Law adopted', NULL::text)$$, 'Appendix 8: an executed instruction states its final result');
SELECT is((SELECT intermediate_result FROM form_annual_summary(:gov, 2025, 'ru') WHERE instruction_id = :i5),
  'Half of the measures done. Установлен новый срок 10.03.2025: до 02.06.2025 (карантин). Срок исполнения: 02.06.2025 (истёк).',
  'Appendix 8: the latest intermediate report and the fact of a new deadline (R70.4)');
SELECT results_eq(format('SELECT content, intermediate_result FROM form_annual_summary(%s, 2025, ''ru'') WHERE instruction_id = %s', :gov, :i3),
  $$VALUES ('Государственные секреты: бумажная карточка PC-9', 'Переведено на среднесрочный контроль 01.04.2025, срок до 24.12.2027. Срок исполнения: 24.12.2027.')$$,
  'R14: a state secret in Appendix 8: its paper card and the facts of the transfer, no content');
SELECT results_eq(format('SELECT sector_heading, status_label FROM form_annual_summary(%s, 2025, ''kk'') WHERE instruction_id = %s', :gov, :i1),
  $$VALUES ('Денсаулық сақтау саласында', 'орындалуда')$$, 'Appendix 8 in Kazakh: the sector heading and the status');

-- A decision after the year's end does not change that year's summary.
CREATE TEMP TABLE summary_before AS SELECT * FROM form_annual_summary(:gov, 2025, 'ru');
SELECT remove_from_control(:i5, 'executed', 'prime_minister', '{official_report}', 'report 5', decided_on => '2026-02-02');
SELECT transfer_control(:i1, 'long_term', '2027-12-24', 'prime_minister', 'conclusion 3', 'effect', 'review 4', decided_on => '2026-03-02', evidence => '{pa_expert_conclusion}');
SELECT set_eq(format('SELECT * FROM form_annual_summary(%s, 2025, ''ru'')', :gov), 'SELECT * FROM summary_before',
  'as of the year''s end: a removal and a transfer in 2026 leave the 2025 summary as it was (instruction_as_of)');
SELECT is((SELECT status FROM form_annual_summary(:gov, 2026, 'ru') WHERE instruction_id = :i5), 'executed',
  'the 2026 summary shows the removal of 2026');

-- The administrator's sector headings win.
INSERT INTO sector_heading VALUES ('Custom sector', 'Х саласында', 'В сфере X', 'In X');
SELECT is((SELECT DISTINCT sector_heading FROM form_annual_summary(:gov, 2025, 'ru') WHERE sector = 'Custom sector'), 'В сфере X',
  'Appendix 8: a sector heading of the administrator (sector_heading) replaces the sector as written');

-- CSV ---------------------------------------------------------------------------------------
SELECT is(split_part(form_control_approval_csv(:a1, 'ru'), E'\r\n', 1),
  '№ п/п,Наименование мероприятия,Срок исполнения,Форма завершения,Конечный результат*,Ответственный государственный орган,"Государственный орган, ответственный за контроль (Правительство, центральный государственный или местный исполнительный орган). Ответственное структурное подразделение Администрации Президента"',
  'CSV: the header row holds the form''s headings, quoted where they contain a comma');
SELECT is(split_part(form_control_approval_csv(:a1, 'ru'), E'\r\n', 2),
  '1,"Gamma, ""quoted""",04.04.2025,,,Agency X; Министерство здравоохранения,Правительство',
  'CSV: a field with a comma and quotes is quoted and its quotes doubled (RFC 4180)');
SELECT is(array_length(string_to_array(form_control_approval_csv(:a1, 'ru'), E'\r\n'), 1), 6,
  'CSV: a header, four rows, each ended by CRLF');
SELECT is(array_length(string_to_array(form_annual_summary_csv(:gov, 2025, 'kk'), E'\r\n'), 1), 6,
  'CSV of Appendix 8: a header and four rows');
SELECT matches(split_part(form_annual_summary_csv(:gov, 2025, 'kk'), E'\r\n', 1), '^Сала\*,р/с №,Тапсырманың деректемелері,',
  'CSV of Appendix 8 in Kazakh: the form''s headings');

-- HTML --------------------------------------------------------------------------------------
SELECT ok(strpos(form_control_approval_html(:a1, 'ru'), 'Alpha &lt;b&gt;&amp; &quot;co&quot;') > 0
          AND strpos(form_control_approval_html(:a1, 'ru'), 'Alpha <b>') = 0,
          'HTML: interpolated content is escaped');
SELECT ok(strpos(form_control_approval_html(:a1, 'ru'), 'Decree &lt;seven&gt;') > 0, 'HTML: the act''s title is escaped');
SELECT ok(form_control_approval_html(:a1, 'ru') ~ 'УТВЕРЖДЕНИЕ КОНТРОЛЯ.*№ 7.*<th>Наименование мероприятия</th>.*<th>Конечный результат\*</th>',
          'HTML Appendix 5 (ru): title, act number and the form''s headings');
SELECT ok(form_control_approval_html(:a1, 'kk') ~ '5-қосымша.*БАҚЫЛАУДЫ БЕКІТУ.*<th>Іс-шараның атауы</th>.*<th>Жауапты мемлекеттік орган</th>',
          'HTML Appendix 5 (kk): the appendix, title and headings in Kazakh');
SELECT ok(strpos(form_control_approval_html(:a1, 'ru'), 'Президента Республики Казахстан от 1 марта 2025 года № 7') > 0,
          'HTML Appendix 5 (ru): the act''s date and number as the form''s title writes them');
SELECT ok(strpos(form_control_approval_html(:a1, 'kk'), 'Президентінің 2025 жылғы 1 наурыздағы № 7 актісін') > 0,
          'HTML Appendix 5 (kk): the act''s date and number in Kazakh');
SELECT ok(form_annual_summary_html(:gov, 2025, 'kk') ~ '8-қосымша.*<th>Тапсырманың деректемелері</th>.*<tr class="sector"><td colspan="6">Денсаулық сақтау саласында\*</td></tr>',
          'HTML Appendix 8 (kk): the appendix, headings and sector rows');
SELECT ok(form_annual_summary_html(:gov, 2025, 'ru') ~ '^<!DOCTYPE html>.*<meta charset="utf-8">.*border: 1px solid #000.*</html>$',
          'HTML: a whole UTF-8 document with bordered cells');
SELECT ok(strpos(form_annual_summary_html(:gov, 2025, 'ru'), 'Alpha &lt;b&gt;') > 0
          AND strpos(form_annual_summary_html(:gov, 2025, 'ru'), 'Alpha <b>') = 0, 'HTML Appendix 8: content escaped');

-- Appendix 8 for several bodies (form_annual_summary_bodies): the bodies in the order asked,
-- in a body its sectors in their order, in a sector by the act's day of signing, the act, the
-- point in its natural order, and last the instructions without an act; numbered per body and
-- sector (the rows are sorted once, in print order, and folded in that order: issue 19)
\o /dev/null
INSERT INTO act (external_ref, act_type, number, title, signed_on) VALUES
  ('T-A2', 'Распоряжение', '9', 'Order nine', '2025-02-25'), ('T-A0', 'Указ', '3', 'Decree three', '2025-02-20');
SELECT id AS a0 FROM act WHERE external_ref = 'T-A0' \gset
SELECT id AS a2 FROM act WHERE external_ref = 'T-A2' \gset
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', act_id => :a2, point => '1',
                       responsible_body_id => :mh, content => 'Eta')).id AS i7 \gset
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', act_id => :a0, point => '3',
                       responsible_body_id => :mh, content => 'Zeta')).id AS i6 \gset
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', responsible_body_id => :mh,
                       content => 'Iota')).id AS i9 \gset
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', act_id => :a0, point => '1.2',
                       responsible_body_id => :mh, content => 'Theta')).id AS i8 \gset
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', responsible_body_id => :x,
                       content => 'Kappa')).id AS i10 \gset
\o
SELECT results_eq(format('SELECT body_id, sector, row_no, instruction_id FROM form_annual_summary_bodies(2025, ''ru'', ARRAY[%s, %s, %s]::bigint[])', :x, :mh, :gov),
  format('VALUES (%s::bigint, ''Custom sector'', 1, %s::bigint), (%s, ''health care'', 1, %s), (%s, ''health care'', 2, %s), (%s, ''health care'', 3, %s), (%s, ''health care'', 4, %s), '
         '(%s, ''health care'', 1, %s), (%s, ''health care'', 2, %s), (%s, ''Custom sector'', 1, %s), (%s, ''Custom sector'', 2, %s)',
         :x, :i10, :mh, :i8, :mh, :i6, :mh, :i7, :mh, :i9, :gov, :i1, :gov, :i3, :gov, :i2, :gov, :i5),
  'Appendix 8 for several bodies: bodies as asked, sectors in order, in a sector by the act''s day, act and point (natural order), then without an act; numbered per body and sector');

-- One body's Appendix 8 reads the instructions its year can print by instruction_owner_idx: the
-- body's own, not removed before the year, a range of the index (issue 19); a removal of 2024 is
-- not read for 2025 (the index finds exactly the rows in range; a filter would fetch more.  Counted
-- as the live rows fetched through the index: an index entry of a row's older version is returned
-- too, but not fetched)
\o /dev/null
SELECT (put_on_control('event', 'government', '2024-03-04', term => '20 wd', responsible_body_id => :mh,
                       content => 'Lambda')).id AS i11 \gset
SELECT remove_from_control(:i11, 'executed', 'prime_minister', '{official_report}', 'report 11', decided_on => '2024-05-06');
\o
-- (planned afresh under these settings: the form's plan of the calls above is cached)
SET LOCAL plan_cache_mode = force_custom_plan;
SET LOCAL enable_seqscan = off;
SET LOCAL enable_bitmapscan = off;
SET LOCAL max_parallel_workers_per_gather = 0;
-- (the rows expected, counted first: this count may read the index too)
SELECT count(*) AS mh_own FROM instruction WHERE coalesce(controlling_body_id, responsible_body_id) = :mh
                                            AND (removed_on IS NULL OR removed_on >= '2025-01-01') \gset
SELECT pg_stat_get_xact_tuples_fetched('instruction_control.instruction_owner_idx'::regclass) AS owner_read \gset
SELECT count(*) AS mh_rows FROM form_annual_summary(:mh, 2025, 'ru') \gset
SELECT is(pg_stat_get_xact_tuples_fetched('instruction_control.instruction_owner_idx'::regclass) - :owner_read, :mh_own::bigint,
  'Appendix 8 of one body reads its own instructions not removed before the year, a range of instruction_owner_idx');
RESET enable_seqscan;
RESET enable_bitmapscan;
RESET max_parallel_workers_per_gather;
RESET plan_cache_mode;

-- The reports Appendix 8 prints are the year's latest of their kind: the latest by day, of two on
-- one day the later registered, none after the year's end (R75-1; joined in the same pass as the
-- journal: issue 19)
\o /dev/null
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', responsible_body_id => :x,
                       content => 'Mu')).id AS i12 \gset
SELECT submit_report(:i12, 'final', 'Mu first', submitted_on => '2025-05-05');
SELECT submit_report(:i12, 'final', 'Mu corrected', submitted_on => '2025-05-05');
SELECT submit_report(:i12, 'final', 'Mu earlier', submitted_on => '2025-05-02');
SELECT remove_from_control(:i12, 'executed', 'prime_minister', '{official_report}', 'report 12', decided_on => '2025-05-06');
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd', responsible_body_id => :x,
                       content => 'Nu')).id AS i13 \gset
SELECT submit_report(:i13, 'intermediate', 'Nu first', submitted_on => '2025-06-02');
SELECT submit_report(:i13, 'intermediate', 'Nu second', submitted_on => '2025-06-02');
SELECT submit_report(:i13, 'intermediate', 'Nu of 2026', submitted_on => '2026-01-20');
\o
SELECT results_eq(format('SELECT instruction_id, final_result FROM form_annual_summary_bodies(2025, ''ru'', ARRAY[%s]::bigint[]) WHERE instruction_id = %s', :x, :i12),
  format('VALUES (%s::bigint, ''Mu corrected'')', :i12),
  'Appendix 8: the final result is the year''s latest final report, of two on one day the later registered (R75-1)');
SELECT results_eq(format('SELECT year, split_part(intermediate_result, ''.'', 1) FROM (VALUES (2025), (2026)) y(year), '
                         'form_annual_summary_bodies(y.year, ''ru'', ARRAY[%s]::bigint[]) f WHERE f.instruction_id = %s ORDER BY 1', :x, :i13),
  $$VALUES (2025, 'Nu second'), (2026, 'Nu of 2026')$$,
  'Appendix 8: the intermediate result begins with the year''s latest intermediate report, not one of a later year (R75-1)');

-- report_latest() is inlined where it is joined and parallel safe, so Appendix 8 joins it in its
-- parallel workers (issue 19): with force_parallel_mode a plan that is parallel safe throughout is
-- run under one Gather at its top; a function scan of its own, or a kind cast to the domain
-- report_kind (parallel restricted), would keep the join above it
SET LOCAL force_parallel_mode = on;
SELECT is((SELECT pg_catalog.array_agg(l) FROM pg_temp.plan_of(
             'SELECT * FROM instruction LEFT JOIN report_latest(''final'', date ''2025-12-31'') f ON f.instruction_id = instruction.id') l
            WHERE l LIKE '%Function Scan%' OR l NOT LIKE ' %' AND l NOT LIKE 'Gather%'), NULL,
  'Appendix 8''s latest reports (report_latest) are inlined into the query that joins them, parallel safe');
RESET force_parallel_mode;

-- Errors (IC3xx) ------------------------------------------------------------------------------
SELECT throws_ok(format('SELECT form_control_approval_html(%s, ''en'')', :a1), 'IC301', NULL, 'a form in a language other than kk or ru: IC301');
SELECT throws_ok('SELECT * FROM form_control_approval(-1)', 'IC302', NULL, 'Appendix 5 of an unknown act: IC302');
SELECT throws_ok('SELECT * FROM form_annual_summary(-1, 2025)', 'IC303', NULL, 'Appendix 8 of an unknown body: IC303');
SELECT throws_ok(format('SELECT * FROM form_annual_summary(%s, 1999)', :gov), 'IC304', NULL, 'Appendix 8 for a year outside 2000-2100: IC304');

SELECT * FROM finish();
ROLLBACK;
