-- Appendix 8 at its floor (issue 19): what the faster forms must keep.
--   - report_date(d) is the text of to_char(d, 'DD.MM.YYYY') for every day
--     the registry can hold (written in C, src/reporting/report_date.c), and
--     report_date_kk(d, case) that text, a hyphen and kk_number_ending of its
--     year; a day at infinity prints as nothing (NULL), as to_char prints it
--     (report_date_kk used to fail on it: bigint out of range);
--   - Appendix 8 (R75-1) numbers its rows in the order it prints them: sectors
--     in the order of their headings, and two sectors written two ways under
--     one heading ('health care', 'Health care') are one group numbered
--     through (they used to be two groups printed interleaved: 1, 1, 2, 2);
-- as a role holding only ic_controller (the forms are the controllers').
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';
SELECT plan(12);

CREATE ROLE f_controller NOLOGIN IN ROLE ic_controller;
CREATE ROLE f_reader NOLOGIN IN ROLE ic_reader;

-- report_date and report_date_kk against to_char, day by day -----------------
SET ROLE f_reader;
SELECT is((SELECT count(*) FROM generate_series(date '1999-12-01', date '2101-01-31', interval '1 day') g(t)
            WHERE report_date(t::date) IS DISTINCT FROM to_char(t::date, 'DD.MM.YYYY')),
          0::bigint, 'issue 19: report_date(d) is to_char(d, ''DD.MM.YYYY'') for every day of 1999-12 .. 2101-01 (as ic_reader)');
SELECT is((SELECT count(*)
             FROM unnest(ARRAY['0001-01-01', '0009-02-28', '0999-12-31', '1000-01-01', '9999-12-31', '10000-01-01', '294276-12-31',
                               '0044-03-15 BC', '4713-01-01 BC']::date[]) d
            WHERE report_date(d) IS DISTINCT FROM to_char(d, 'DD.MM.YYYY')),
          0::bigint, 'issue 19: report_date(d) is to_char(d, ''DD.MM.YYYY'') at the ends of the date range and before the era');
SELECT is((SELECT count(*)
             FROM generate_series(date '1999-12-01', date '2101-01-31', interval '1 day') g(t),
                  unnest(ARRAY['ablative', 'dative']) c
            WHERE report_date_kk(t::date, c) IS DISTINCT FROM
                  to_char(t::date, 'DD.MM.YYYY') || '-' || kk_number_ending(date_part('year', t)::bigint, c)),
          0::bigint, 'issue 19: report_date_kk(d, case) is the day, a hyphen and the ending of its year, every day and both cases');
SELECT is(report_date_kk('2025-03-11', 'ablative') || ' ' || report_date_kk('2020-06-02', 'dative'),
          '11.03.2025-тен 02.06.2020-ға', 'issue 19: report_date_kk writes the Kazakh endings (-тен after 2025, -ға after 2020)');
SELECT is(report_date('infinity'), NULL, 'issue 19: report_date(infinity) is NULL, as to_char gives');
SELECT is(report_date_kk('infinity', 'dative'), NULL, 'issue 19: report_date_kk(infinity) is NULL, not an error');
SELECT is(report_date(NULL) || report_date_kk(NULL, 'dative') || report_date_kk('2025-01-01', NULL), NULL,
          'issue 19: report_date and report_date_kk of NULL are NULL');
SELECT throws_ok($$SELECT report_date_kk('2025-01-01', 'genitive')$$, '22023', NULL,
                 'issue 19: report_date_kk names a case it does not know as kk_number_ending does (22023)');
RESET ROLE;

-- Appendix 8: rows numbered in the order printed ------------------------------
INSERT INTO state_body (code, name, name_ru, body_type, sector) VALUES
  ('F-GOV', 'Government', 'Правительство', 'government', NULL),
  ('F-MH', 'Ministry of Health', 'Минздрав', 'central', 'health care'),
  ('F-HC', 'Health Committee', 'Комитет здравоохранения', 'central', 'Health care'),
  ('F-ED', 'Ministry of Education', 'Минпросвещения', 'central', 'education');
SELECT id AS gov FROM state_body WHERE code = 'F-GOV' \gset
SELECT id AS mh FROM state_body WHERE code = 'F-MH' \gset
SELECT id AS hc FROM state_body WHERE code = 'F-HC' \gset
SELECT id AS ed FROM state_body WHERE code = 'F-ED' \gset
\o /dev/null
-- two instructions to each health body, alternating, and one to education
SELECT put_on_control('event', 'government', '2025-03-03', term => '10 wd', responsible_body_id => b,
                      controlling_body_id => :gov, content => 'Measure ' || n)
  FROM (VALUES (1, :mh), (2, :hc), (3, :mh), (4, :hc), (5, :ed)) v(n, b)
 ORDER BY n;
\o

SET ROLE f_controller;
CREATE TEMP TABLE f_rows AS
SELECT f.sector_heading AS heading, f.row_no, f.content, f.ordinality AS n
  FROM form_annual_summary(:gov, 2025, 'ru') WITH ORDINALITY AS f;
SELECT is((SELECT string_agg(heading || ' ' || row_no, ', ' ORDER BY n) FROM f_rows),
          'В сфере здравоохранения 1, В сфере здравоохранения 2, В сфере здравоохранения 3, В сфере здравоохранения 4, В сфере образования 1',
          'R75-1, issue 19: Appendix 8 prints one group per heading: health care written two ways is one group numbered 1..4, then education (as ic_controller)');
SELECT is((SELECT string_agg(content, ', ' ORDER BY n) FROM f_rows),
          'Measure 1, Measure 2, Measure 3, Measure 4, Measure 5',
          'R75-1, issue 19: in a group the rows follow act, point and id, whichever way their sector is written');
SELECT is((SELECT count(*) FROM f_rows r JOIN LATERAL (SELECT count(*) AS k FROM f_rows x WHERE x.heading = r.heading AND x.n <= r.n) c ON true
            WHERE r.row_no <> c.k),
          0::bigint, 'R75-1, issue 19: every row''s number is its place in its group as printed');
SELECT is((SELECT string_agg(f.sector_heading || ' ' || f.row_no, ', ' ORDER BY f.ordinality)
             FROM form_annual_summary_bodies(2025, 'kk', ARRAY[:gov, :mh]::bigint[]) WITH ORDINALITY AS f),
          'Білім беру саласында 1, Денсаулық сақтау саласында 1, Денсаулық сақтау саласында 2, Денсаулық сақтау саласында 3, Денсаулық сақтау саласында 4',
          'R75-1, issue 19: in kk the groups follow the Kazakh alphabet (Білім before Денсаулық), health care numbered through 1..4');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
