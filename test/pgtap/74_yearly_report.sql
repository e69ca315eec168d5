-- The yearly report on control (R80, issue 20 item 3): the figures of a year as it stood at its end,
-- from the decision journal, by level, body and kind; the printable form in kk and ru.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
\ir include/helpers.psql
SELECT plan(16);

\o /dev/null
INSERT INTO state_body (code, name, name_kk, name_ru, body_type)
VALUES ('YR_MIN', 'Ministry of years', 'Жылдар министрлігі', 'Министерство лет', 'central');
SELECT id AS m FROM state_body WHERE code = 'YR_MIN' \gset
-- I1: on control since 2024, overdue at the start and the end of 2025
SELECT (put_on_control('act_point', 'central', '2024-03-04', term => '1 month', responsible_body_id => :m)).id AS i1 \gset
-- I2: put on control and executed in 2025, on time
SELECT (put_on_control('act_point', 'central', '2025-02-03', term => '1 month', responsible_body_id => :m)).id AS i2 \gset
-- I3: put on control in 2025, extended once, executed after its new deadline
SELECT (put_on_control('act_point', 'central', '2025-02-03', term => '10 wd', responsible_body_id => :m)).id AS i3 \gset
-- I5: next year's
SELECT (put_on_control('act_point', 'central', '2026-01-05', term => '1 month', responsible_body_id => :m)).id AS i5 \gset
SELECT remove_from_control(:i2, 'executed', (SELECT decider FROM who_may_decide(:i2, 'removal') LIMIT 1),
                           '{official_report}', 'report 2', '2025-02-20');
SELECT extend_deadline(:i3, '2025-03-31', (SELECT decider FROM who_may_decide(:i3, 'extension') LIMIT 1),
                       'letter of the ministry', decided_on => '2025-02-10', evidence => '{pa_expert_conclusion}');
SELECT remove_from_control(:i3, 'executed', (SELECT decider FROM who_may_decide(:i3, 'removal') LIMIT 1),
                           '{official_report}', 'report 3', '2025-04-10');
\o

SELECT is((SELECT (on_control_at_start, put_on_control, executed, executed_on_time, extended, repeated_extensions,
                   transferred, new_deadlines, removed_duplicated + removed_impossible + removed_control_passed,
                   overdue_at_end, on_control_at_end)::text
             FROM report_yearly(2025) WHERE body_id = :m),
          '(1,2,2,1,1,0,0,0,0,1,1)',
          'R80: 2025 as it stood at its end: 1 on control at the start, 2 put on control, 2 executed (1 on time), 1 extended, 1 overdue and on control at the end');
SELECT is((SELECT count(*)::int FROM report_yearly(2025) WHERE body_id = :m), 1,
          'R80: one row per level, body and kind');

-- a decision recorded later does not change the past year
\o /dev/null
SELECT remove_from_control(:i1, 'executed', (SELECT decider FROM who_may_decide(:i1, 'removal') LIMIT 1),
                           '{official_report}', 'report 1', '2026-02-02');
\o
SELECT is((SELECT (executed, overdue_at_end, on_control_at_end)::text FROM report_yearly(2025) WHERE body_id = :m),
          '(2,1,1)', 'R80: a removal in 2026 leaves the figures of 2025 as they were (read from the journal)');
SELECT is((SELECT (on_control_at_start, put_on_control, executed, executed_on_time)::text FROM report_yearly(2026) WHERE body_id = :m),
          '(1,1,1,0)', 'R80: 2026: I1 on control at the start and executed late; I5 put on control');
SELECT is((SELECT count(*)::int FROM report_yearly(2024) WHERE body_id = :m AND put_on_control = 1), 1,
          'R80: 2024 knows only I1');

SELECT throws_ok('SELECT * FROM report_yearly(1999)', 'IC304', NULL, 'R80: a year before 2000 is refused');
SELECT throws_ok('SELECT * FROM report_yearly(NULL)', 'IC304', NULL, 'R80: no year is refused');

-- the form: rows by level and body, kk and ru
SELECT is((SELECT (level_heading, row_no, body, executed, executed_on_time)::text FROM form_yearly_control(2025, 'kk') WHERE body_id = :m),
          format('("%s",1,"Жылдар министрлігі",2,1)', label('central'::control_level, 'kk')),
          'R80: the kk form names the level and the body in Kazakh');
SELECT is((SELECT body FROM form_yearly_control(2025, 'ru') WHERE body_id = :m), 'Министерство лет',
          'R80: the ru form names the body in Russian');
SELECT throws_ok($$SELECT * FROM form_yearly_control(2025, 'en')$$, 'IC301', NULL, 'R80: the form is in kk or ru');
SELECT ok(form_yearly_control_html(2025, 'kk') LIKE '%Президент актілері мен тапсырмаларының орындалуын бақылаудың жай-күйі%'
          AND form_yearly_control_html(2025, 'kk') LIKE '%2025 жылдың қорытындысы бойынша%',
          'R80: the kk HTML carries the title and the year');
SELECT ok(form_yearly_control_html(2025, 'ru') LIKE '%<th>в том числе в срок</th>%'
          AND form_yearly_control_html(2025, 'ru') LIKE '%<td class="n">1</td>%',
          'R80: the ru HTML carries the column headings and the figures');
SELECT is(split_part(form_yearly_control_csv(2025, 'ru'), E'\r\n', 1),
          'Уровень контроля,№ п/п,Ответственный государственный орган,На контроле на начало года,Поставлено на контроль за год,"Исполнено, снято с контроля",в том числе в срок,Продлены сроки,Сроки продлены повторно,Переведены на среднесрочный или долгосрочный контроль,Сняты с контроля по иным основаниям,Просрочены на конец года,На контроле на конец года',
          'R80: the CSV header names every column in Russian');

-- a reader who sees one body gets its slice of the figures but no form (IC305)
\o /dev/null
CREATE ROLE yr_reader NOLOGIN IN ROLE ic_reader;
INSERT INTO body_member (member, body_id) VALUES ('yr_reader', :m);
\o
SET LOCAL ROLE yr_reader;
SELECT is((SELECT count(*)::int FROM report_yearly(2025) WHERE body_id IS DISTINCT FROM :m), 0,
          'R80: a reader''s figures are its slice');
SELECT is((SELECT put_on_control FROM report_yearly(2025) WHERE body_id = :m), 2,
          'R80: a reader sees its body''s figures');
SELECT throws_ok($$SELECT form_yearly_control_html(2025, 'ru')$$, 'IC305', NULL,
                 'R80: the form is a whole-registry document: a partial reader gets none');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
