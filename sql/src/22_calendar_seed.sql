-- ===========================================================================
-- Calendar, part 3 of 3: the seeded Republic of Kazakhstan (2000-2075) and
-- the compiled calendar a session's first call reads.  The overview:
-- 20_calendar.sql.
-- ===========================================================================

-- ---------------------------------------------------------------------------
-- Seed: the Republic of Kazakhstan, 2000-2075 (calendar-kz facts).
--
-- The holiday rules follow the law of each year: until 2001 the Presidential
-- Decree No. 2534 of 1995 "On holidays" (a holiday on a weekend day not moved),
-- from 2002 the Law "On holidays in the Republic of Kazakhstan" No. 267-II of
-- 13 December 2001 and its amendments.  Years with the Government's decree on
-- the transfer of days off applied and checked are confirmed; the others are
-- generated, and from 2027 on they are a forecast.  Sources of each year are
-- in calendar_year.basis and calendar_day.basis; the research notes are in
-- README.md ("Calendar data").
-- ---------------------------------------------------------------------------

INSERT INTO calendar (code, name, weekend_days, valid_from, valid_to)
VALUES ('KZ', 'Republic of Kazakhstan, five-day week', '{6,7}', '2000-01-01', '2075-12-31');

INSERT INTO calendar_holiday_rule
  (calendar, month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, basis, moves_off_weekend)
SELECT 'KZ', month, day, valid_from_year, valid_to_year, name, name_kk, name_ru,
       CASE WHEN valid_to_year < 2002
            THEN 'Presidential Decree No. 2534 of 1995 "On holidays in the Republic of Kazakhstan" (until 2001); a holiday on a weekend day was not moved'
                 || coalesce('; ' || note, '')
            ELSE 'Law "On holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001, art. 5'
                 || coalesce(' (' || note || ')', '')
       END,
       moves
  FROM (VALUES
  (1, 1, 2000, 2001, 'New Year', 'Жаңа жыл', 'Новый год', NULL, false),
  (1, 1, 2002, 9999, 'New Year', 'Жаңа жыл', 'Новый год', NULL, true),
  (1, 2, 2000, 2001, 'New Year', 'Жаңа жыл', 'Новый год', NULL, false),
  (1, 2, 2002, 9999, 'New Year', 'Жаңа жыл', 'Новый год', NULL, true),
  (3, 8, 2000, 2001, 'International Women''s Day', 'Халықаралық әйелдер күні', 'Международный женский день', NULL, false),
  (3, 8, 2002, 9999, 'International Women''s Day', 'Халықаралық әйелдер күні', 'Международный женский день', NULL, true),
  (3, 15, 2027, 9999, 'Constitution Day', 'Конституция күні', 'День Конституции', 'reported after the constitutional referendum of 15 March 2026; not yet confirmed', true),
  (3, 21, 2010, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', '21-23 March since the amendment signed on 2 June 2009', true),
  (3, 22, 2000, 2001, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'a day off: Government decree No. 282 of 2001 bridged Friday 23 March 2001 for Nauryz meiramy', false),
  (3, 22, 2002, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'only 22 March until 2009', true),
  (3, 23, 2010, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', '21-23 March since the amendment signed on 2 June 2009', true),
  (5, 1, 2000, 2001, 'Unity of the People of Kazakhstan Day', 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана', NULL, false),
  (5, 1, 2002, 9999, 'Unity of the People of Kazakhstan Day', 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана', NULL, true),
  (5, 7, 2013, 9999, 'Defender of the Fatherland Day', 'Отан қорғаушы күні', 'День защитника Отечества', 'a holiday since 2013', true),
  (5, 9, 2000, 2001, 'Victory Day', 'Жеңіс күні', 'День Победы', NULL, false),
  (5, 9, 2002, 9999, 'Victory Day', 'Жеңіс күні', 'День Победы', NULL, true),
  (7, 6, 2009, 9999, 'Capital Day', 'Астана күні', 'День столицы', 'a holiday since 2009', true),
  (8, 30, 2000, 2001, 'Constitution Day', 'Қазақстан Республикасының Конституциясы күні', 'День Конституции Республики Казахстан', NULL, false),
  (8, 30, 2002, 2025, 'Constitution Day', 'Қазақстан Республикасының Конституциясы күні', 'День Конституции Республики Казахстан', 'a holiday through 2025', true),
  (10, 25, 2000, 2001, 'Republic Day', 'Республика күні', 'День Республики', NULL, false),
  (10, 25, 2002, 2008, 'Republic Day', 'Республика күні', 'День Республики', 'removed by the amendment signed on 2 June 2009', true),
  (10, 25, 2022, 9999, 'Republic Day', 'Республика күні', 'День Республики', 'non-working again since 2022', true),
  (12, 1, 2012, 2021, 'First President''s Day', 'Тұңғыш Президент күні', 'День Первого Президента', 'introduced by the Law of 14 December 2011, abolished in 2022', true),
  (12, 16, 2000, 2001, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', NULL, false),
  (12, 16, 2002, 9999, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', NULL, true),
  (12, 17, 2002, 2021, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', 'second day from 2002 until 2021', true)
  ) AS v(month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, note, moves);

INSERT INTO calendar_holiday_rule
  (calendar, month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, basis, moves_off_weekend)
VALUES
  ('KZ', 1, 7, 2006, 9999, 'Orthodox Christmas', 'Православиелік Рождество', 'Православное Рождество',
   'Labour Code, art. 84(5) (a day off since 2006); never moved', false);

-- The days of 2000-2075 in one pass.  Kurban Ait day 1 is a day off since 2006
-- (never moved); the days announced for 2006 and 2014-2026 are given, the
-- other years get kurban_ait_estimate().
SELECT calendar_generate_years('KZ', 2000, 2005, NULL, false);
SELECT calendar_generate_years('KZ', 2006, 2075,
         ARRAY['2006-01-10', '2014-10-04', '2015-09-24', '2016-09-12', '2017-09-01', '2018-08-21',
               '2019-08-11', '2020-07-31', '2021-07-20', '2022-07-09', '2023-06-28', '2024-06-16',
               '2025-06-06', '2026-05-27']::date[],
         true);

-- Government transfers (Labour Code art. 85(3)): a working Saturday or Sunday
-- for a weekday off.  Before 2015 the decrees are the ones python-holidays
-- lists for Kazakhstan with their adilet.zan.kz document codes (the code holds
-- the year and number of the decree); their texts were read where a number or
-- a date is given.
SELECT add_transfer('KZ', w, o, b)
  FROM (VALUES
    (date '2000-05-06', date '2000-05-08', 'Government decree on the transfer of a day off in May 2000 (adilet.zan.kz P000000642_)'),
    ('2001-03-11', '2001-03-09', 'Government decree No. 282 of 2001 (adilet.zan.kz P010000282_): days off moved from Sunday 11 March to Friday 9 March and from Sunday 25 March to Friday 23 March 2001'),
    ('2001-03-25', '2001-03-23', 'Government decree No. 282 of 2001 (adilet.zan.kz P010000282_): days off moved from Sunday 11 March to Friday 9 March and from Sunday 25 March to Friday 23 March 2001'),
    ('2001-04-28', '2001-04-30', 'Government decree on the transfer of a day off in 2001 (adilet.zan.kz P010000515_)'),
    ('2001-12-29', '2001-12-31', 'Government decree on the transfer of a day off in 2001 (adilet.zan.kz P010001604_)'),
    ('2002-05-12', '2002-05-10', 'Government decree on the transfer of a day off in 2002 (adilet.zan.kz P020000466_)'),
    ('2003-05-04', '2003-05-02', 'Government decree on the transfer of a day off in 2003 (adilet.zan.kz P030000338_)'),
    ('2003-12-13', '2003-12-15', 'Government decree on the transfer of a day off in 2003 (adilet.zan.kz P030001166_)'),
    ('2005-03-05', '2005-03-07', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2005-03-19', '2005-03-21', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2005-08-27', '2005-08-29', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2005-10-22', '2005-10-24', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2006-01-14', '2006-01-11', 'Government decrees on the transfer of days off in 2006 (adilet.zan.kz P050001309_, P060000277_)'),
    ('2006-05-06', '2006-05-08', 'Government decrees on the transfer of days off in 2006 (adilet.zan.kz P050001309_, P060000277_)'),
    ('2007-03-11', '2007-03-09', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-03-25', '2007-03-23', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-09-02', '2007-08-31', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-10-28', '2007-10-26', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-12-29', '2007-12-31', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2008-05-04', '2008-05-02', 'Government decree on the transfer of a day off in 2008 (adilet.zan.kz P080000364_)'),
    ('2009-12-20', '2009-12-18', 'Government decree No. 1936 of 26 November 2009 "On the transfer of a day off" (adilet.zan.kz P090001936_)'),
    ('2010-01-10', '2010-01-08', 'Government decree on the transfer of a day off in January 2010 (adilet.zan.kz P090002216_)'),
    ('2010-07-03', '2010-07-05', 'Government decree on the transfer of a day off in July 2010 (adilet.zan.kz P100000637_)'),
    ('2011-03-05', '2011-03-07', 'Government decrees on the transfer of days off in 2011 (adilet.zan.kz P1100000167, P1100000948)'),
    ('2011-08-27', '2011-08-29', 'Government decrees on the transfer of days off in 2011 (adilet.zan.kz P1100000167, P1100000948)'),
    ('2012-03-11', '2012-03-09', 'Government decrees on the transfer of days off in 2012 (adilet.zan.kz P1200000268, P1200000458)'),
    ('2012-04-28', '2012-04-30', 'Government decrees on the transfer of days off in 2012 (adilet.zan.kz P1200000268, P1200000458)'),
    ('2012-12-29', '2012-12-31', 'Government decree No. 1538 of 2012 (adilet.zan.kz P1200001538): the day off moved from Saturday 29 December to Monday 31 December 2012'),
    ('2013-05-04', '2013-05-10', 'Government decrees on the transfer of days off in 2013 (adilet.zan.kz P1300000345, P1300001068)'),
    ('2013-10-12', '2013-10-14', 'Government decrees on the transfer of days off in 2013 (adilet.zan.kz P1300000345, P1300001068)'),
    ('2013-12-28', '2014-01-03', 'Government decree of December 2013 (adilet.zan.kz P1300001322): the day off moved from Saturday 28 December 2013 to Friday 3 January 2014'),
    ('2014-05-04', '2014-05-02', 'Government decree of April 2014 (adilet.zan.kz P1400000365): days off moved from Sunday 4 May to Friday 2 May and from Sunday 11 May to Thursday 8 May 2014'),
    ('2014-05-11', '2014-05-08', 'Government decree of April 2014 (adilet.zan.kz P1400000365): days off moved from Sunday 4 May to Friday 2 May and from Sunday 11 May to Thursday 8 May 2014'),
    ('2016-03-05', '2016-03-07', 'Government decree No. 67 of February 2016 (adilet.zan.kz P1600000067): the day off moved from Saturday 5 March to Monday 7 March 2016'),
    ('2017-03-18', '2017-03-20', 'Government decree No. 5 of 2017 "On the transfer of days off in 2017" (adilet.zan.kz P1700000005)'),
    ('2017-07-01', '2017-07-07', 'Government decree No. 5 of 2017 "On the transfer of days off in 2017" (adilet.zan.kz P1700000005)'),
    ('2018-03-03', '2018-03-09', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-04-28', '2018-04-30', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-05-05', '2018-05-08', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-08-25', '2018-08-31', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-12-29', '2018-12-31', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2019-05-04', '2019-05-10', 'Government decree No. 888 of 2018 on the transfer of a day off in 2019 (adilet.zan.kz P1800000888)'),
    ('2020-01-05', '2020-01-03', 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820)'),
    ('2020-05-11', '2020-05-08', 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820)'),
    ('2020-12-20', '2020-12-18', 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820)'),
    ('2021-07-03', '2021-07-05', 'Government decree No. 930 of 2020 on the transfer of a day off in 2021 (adilet.zan.kz P2000000930)'),
    ('2022-03-05', '2022-03-07', 'Government decree No. 713 of 6 October 2021 "On the transfer of days off in 2022"'),
    ('2022-08-27', '2022-08-29', 'Government decree No. 713 of 6 October 2021 "On the transfer of days off in 2022"'),
    ('2022-10-22', '2022-10-24', 'Government decree No. 713 of 6 October 2021 as amended in October 2022 (adilet.zan.kz P2200000796): Saturday 22 October works, Monday 24 October off'),
    ('2023-07-01', '2023-07-07', 'Government resolution of 25 April 2023 "On the transfer of a day off in 2023" (as published by zakon.kz): Sat 1 Jul works, Fri 7 Jul off; resolution number unconfirmed'),
    ('2024-05-04', '2024-05-08', 'Order of the acting Minister of Labour and Social Protection of the Population of 17 April 2024 "On the transfer of a day off in 2024", under Labour Code art. 85(3) (its text as reported by nur.kz and sputniknews.kz; since 2024 the Minister, not the Government, moves days off): Sat 4 May works, Wed 8 May off; order number unconfirmed'),
    ('2025-01-05', '2025-01-03', 'Order of the Minister of Labour and Social Protection of the Population on the transfer of a day off in 2025, under Labour Code art. 85(3) (reported in November 2024): Sun 5 Jan works, Fri 3 Jan off; order number and date unconfirmed')
  ) AS v(w, o, b);

SELECT confirm_calendar_year('KZ', y, b)
  FROM (VALUES
    (2016, 'Government decree No. 67 of February 2016 (adilet.zan.kz P1600000067): Sat 5 Mar works, Mon 7 Mar off; Kurban Ait 12 Sep'),
    (2017, 'Government decree No. 5 of 2017 "On the transfer of days off in 2017" (adilet.zan.kz P1700000005): Sat 18 Mar works, Mon 20 Mar off; Sat 1 Jul works, Fri 7 Jul off; Kurban Ait 1 Sep.  Transfers unconfirmed: they rest on one source (python-holidays'' list of decrees); the resolution text was not read'),
    (2018, 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864): Sat 3 Mar / Fri 9 Mar, Sat 28 Apr / Mon 30 Apr, Sat 5 May / Tue 8 May, Sat 25 Aug / Fri 31 Aug, Sat 29 Dec / Mon 31 Dec (working / off); Kurban Ait 21 Aug'),
    (2019, 'Government decree No. 888 of 2018 (adilet.zan.kz P1800000888): Sat 4 May works, Fri 10 May off; Kurban Ait 11 Aug.  Transfer unconfirmed: it rests on one source (python-holidays'' list of decrees); the resolution text was not read, and a 2019 holiday calendar as published (kokshetau.online) does not list it'),
    (2020, 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820): Sun 5 Jan / Fri 3 Jan, Mon 11 May / Fri 8 May, Sun 20 Dec / Fri 18 Dec (working / off); Kurban Ait 31 Jul'),
    (2021, 'Government decree No. 930 of 2020 (adilet.zan.kz P2000000930): Sat 3 Jul works, Mon 5 Jul off; Kurban Ait 20 Jul'),
    (2022, 'Government decree No. 713 of 6 October 2021 "On the transfer of days off in 2022" (Sat 5 Mar / Mon 7 Mar, Sat 27 Aug / Mon 29 Aug), amended in October 2022 (adilet.zan.kz P2200000796) with Sat 22 Oct / Mon 24 Oct; the Law of September 2022 on holidays (adilet.zan.kz Z2200000143) made 25 Oct a holiday and ended 1 Dec and 17 Dec, so 1 and 19 Dec 2022 were working days; Kurban Ait 9 Jul'),
    (2023, 'Government resolution of 25 April 2023 "On the transfer of a day off in 2023" (as published by zakon.kz): Sat 1 Jul works, Fri 7 Jul off; resolution number unconfirmed; Kurban Ait 28 Jun'),
    (2024, 'Order of the acting Minister of Labour and Social Protection of the Population of 17 April 2024 "On the transfer of a day off in 2024", under Labour Code art. 85(3) (its text as reported by nur.kz and sputniknews.kz; since 2024 the Minister, not the Government, moves days off): Sat 4 May works, Wed 8 May off; order number unconfirmed; Kurban Ait 16 Jun'),
    (2025, 'Order of the Minister of Labour and Social Protection of the Population on the transfer of a day off in 2025, under Labour Code art. 85(3) (reported in November 2024): Sun 5 Jan works, Fri 3 Jan off; order number and date unconfirmed; Kurban Ait 6 Jun'),
    (2026, 'No transfers decreed for 2026 (no Government resolution or Minister''s order on moving days off found; unconfirmed that none will be); holidays per the Law "On holidays" as amended (no 30 Aug); Kurban Ait 27 May')
  ) AS v(y, b);

-- What is known of the years left generated.
UPDATE calendar_year
   SET basis = CASE
     WHEN year <= 2001 THEN
       'Generated from the rules of the time (Presidential Decree No. 2534 of 1995: a holiday on a weekend day not moved; its list of holidays as python-holidays has it, 22 March inferred from Government decree No. 282 of 2001), with the Government transfers of the year known from adilet.zan.kz; not confirmed: the decree of 1995 and the transfer decrees were not all read'
     WHEN year <= 2005 THEN
       'Generated from the Law "On holidays" No. 267-II of 13 December 2001 as in force then (7 January and Kurban Ait not yet days off)'
       || CASE WHEN year = 2004 THEN ', no transfer decree known' ELSE ', with the Government transfers of the year known from adilet.zan.kz' END
       || '; not confirmed: the transfer decrees were not all read'
     WHEN year <= 2013 THEN
       'Generated from the Law "On holidays" as in force then, with the Government transfers of the year known from adilet.zan.kz; Kurban Ait day 1 '
       || CASE WHEN year = 2006 THEN '10 January (python-holidays)' ELSE 'estimated' END
       || '; not confirmed: the transfer decrees were not all read'
     WHEN year = 2014 THEN
       'Generated from the Law "On holidays" as in force then, with the transfers of Government decrees P1300001322 and P1400000365 (adilet.zan.kz); Kurban Ait 4 October (reported); not confirmed: other decrees of 2014 not searched'
     WHEN year = 2015 THEN
       'Generated from the holiday rules; Kurban Ait 24 September (egov.kz calendar as reported).  No Government decree on the transfer of days off in 2015 found: the egov.kz calendar for 2015 as reported lists only the days off of the weekend-holiday rule (9 March, 24-25 March, 11 May, 31 August), and python-holidays lists decrees for 2014 and 2016 but none for 2015; that no decree was issued is not established, so the year is not confirmed'
     ELSE 'Forecast generated from the holiday rules, unconfirmed: no Government decree yet; the Kurban Ait date is an estimate (+/- 1 day) until it is announced'
   END
 WHERE calendar = 'KZ' AND status = 'generated';

-- Everything above is the extension's, recreated by CREATE EXTENSION.
-- (the days and years are seeded as they are loaded: see calendar_generate_years)
UPDATE calendar SET seeded = true WHERE code = 'KZ';
UPDATE calendar_year SET seeded = true WHERE calendar = 'KZ' AND NOT seeded;
UPDATE calendar_holiday_rule SET seeded = true WHERE calendar = 'KZ';
UPDATE calendar_day SET seeded = true WHERE calendar = 'KZ' AND NOT seeded;

ALTER TABLE calendar_day ADD CONSTRAINT calendar_day_calendar_fkey
  FOREIGN KEY (calendar) REFERENCES calendar ON UPDATE CASCADE ON DELETE CASCADE;

-- ---------------------------------------------------------------------------
-- The compiled calendar (issue 19, the first call of a session): per
-- calendar, what the working-day cache reads of calendar and calendar_day, in
-- one row, so a session's first call reads one row instead of the calendar's
-- and its 1,471 days (src/calendar/calendar_compiled.c).  Derived, never
-- written by a client: no role has a privilege on it, and the statement
-- trigger below rewrites it in the statement that changes calendar or
-- calendar_day, whatever session_replication_role (ENABLE ALWAYS: a restore
-- loads them in replica mode), so every snapshot sees it in step with them.
-- Not dumped: a restore's rows of calendar and calendar_day write it again.
-- ---------------------------------------------------------------------------

CREATE TABLE calendar_compiled (
  calendar     text PRIMARY KEY REFERENCES calendar ON UPDATE CASCADE ON DELETE CASCADE,
  valid_from   date NOT NULL,
  valid_to     date NOT NULL,
  weekend_days smallint[] NOT NULL,
  days_off     date[] NOT NULL,
  working_days date[] NOT NULL
);
-- kept in the row (compressed), not in the TOAST table: one page to read
ALTER TABLE calendar_compiled ALTER COLUMN days_off SET STORAGE MAIN,
  ALTER COLUMN working_days SET STORAGE MAIN, ALTER COLUMN weekend_days SET STORAGE MAIN;
COMMENT ON TABLE calendar_compiled IS
  'Internal: each calendar as the working-day cache reads it, one row (derived from calendar and calendar_day by the trigger calendar_compiled_refresh; no role may write it)';
COMMENT ON COLUMN calendar_compiled.calendar IS 'The calendar (calendar.code)';
COMMENT ON COLUMN calendar_compiled.valid_from IS 'calendar.valid_from';
COMMENT ON COLUMN calendar_compiled.valid_to IS 'calendar.valid_to';
COMMENT ON COLUMN calendar_compiled.weekend_days IS 'calendar.weekend_days';
COMMENT ON COLUMN calendar_compiled.days_off IS
  'The days of calendar_day in the covered range that are not working days (holidays, days off), in order';
COMMENT ON COLUMN calendar_compiled.working_days IS
  'The days of calendar_day in the covered range that are working days (kind working_day: weekend days worked), in order';

CREATE FUNCTION calendar_compiled_rows()
RETURNS SETOF calendar_compiled
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  -- each calendar's days read once, split by kind (NOT NULL)
  SELECT c.code, c.valid_from, c.valid_to, c.weekend_days, coalesce(x.days_off, '{}'), coalesce(x.working_days, '{}')
    FROM calendar c
    CROSS JOIN LATERAL (
      SELECT array_agg(d.day ORDER BY d.day) FILTER (WHERE d.kind <> 'working_day') AS days_off,
             array_agg(d.day ORDER BY d.day) FILTER (WHERE d.kind = 'working_day') AS working_days
        FROM calendar_day d
       WHERE d.calendar = c.code AND d.day BETWEEN c.valid_from AND c.valid_to) x
$$;
COMMENT ON FUNCTION calendar_compiled_rows() IS
  'Internal: the rows calendar_compiled holds, computed from calendar and calendar_day';

CREATE FUNCTION calendar_compiled_refresh() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  -- one writer at a time: a second change waits for the first to commit and
  -- then (READ COMMITTED) reads it; under REPEATABLE READ its upsert of a row
  -- the first changed fails to serialize (40001) instead of undoing it
  LOCK TABLE calendar_compiled IN EXCLUSIVE MODE;
  INSERT INTO calendar_compiled AS k SELECT * FROM calendar_compiled_rows()
  ON CONFLICT (calendar) DO UPDATE
    SET valid_from = excluded.valid_from, valid_to = excluded.valid_to, weekend_days = excluded.weekend_days,
        days_off = excluded.days_off, working_days = excluded.working_days
    WHERE (k.valid_from, k.valid_to, k.weekend_days, k.days_off, k.working_days)
          IS DISTINCT FROM (excluded.valid_from, excluded.valid_to, excluded.weekend_days, excluded.days_off,
                            excluded.working_days);
  -- (a calendar deleted takes its row with it: the foreign key cascades)
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION calendar_compiled_refresh() IS
  'Trigger (AFTER ... FOR EACH STATEMENT on calendar and calendar_day): writes calendar_compiled again from them';
REVOKE EXECUTE ON FUNCTION calendar_compiled_rows(), calendar_compiled_refresh() FROM PUBLIC;

CREATE TRIGGER calendar_compiled_refresh AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_compiled_refresh();
CREATE TRIGGER calendar_compiled_refresh AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_day
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_compiled_refresh();
ALTER TABLE calendar ENABLE ALWAYS TRIGGER calendar_compiled_refresh;
ALTER TABLE calendar_day ENABLE ALWAYS TRIGGER calendar_compiled_refresh;
INSERT INTO calendar_compiled SELECT * FROM calendar_compiled_rows();
