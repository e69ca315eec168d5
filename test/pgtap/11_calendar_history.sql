-- The working-day calendar's history and reach (R50.3): the KZ calendar covers
-- 2000-01-01 to 2075-12-31; the past years carry the Government's transfers
-- (Labour Code art. 85(3)) and the holiday rules of their time; the years
-- after 2026 are a forecast; extend_calendar() adds more forecast years.
-- The expected days are written out here from the sources, not read back from
-- the seeded tables.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET LOCAL search_path = instruction_control, public;
SELECT plan(197);

-- ---------------------------------------------------------------------------
-- Every Government transfer of the seed: the Saturday or Sunday works, the
-- weekday is off.
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE transfer (working date, off date, decree text);
INSERT INTO transfer VALUES
  ('2000-05-06', '2000-05-08', 'adilet P000000642_'),
  ('2001-03-11', '2001-03-09', 'decree No. 282 of 2001'),
  ('2001-03-25', '2001-03-23', 'decree No. 282 of 2001'),
  ('2001-04-28', '2001-04-30', 'adilet P010000515_'),
  ('2001-12-29', '2001-12-31', 'adilet P010001604_'),
  ('2002-05-12', '2002-05-10', 'adilet P020000466_'),
  ('2003-05-04', '2003-05-02', 'adilet P030000338_'),
  ('2003-12-13', '2003-12-15', 'adilet P030001166_'),
  ('2005-03-05', '2005-03-07', 'decrees of 2005'),
  ('2005-03-19', '2005-03-21', 'decrees of 2005'),
  ('2005-08-27', '2005-08-29', 'decrees of 2005'),
  ('2005-10-22', '2005-10-24', 'decrees of 2005'),
  ('2006-01-14', '2006-01-11', 'decrees of 2006'),
  ('2006-05-06', '2006-05-08', 'decrees of 2006'),
  ('2007-03-11', '2007-03-09', 'decrees of 2007'),
  ('2007-03-25', '2007-03-23', 'decrees of 2007'),
  ('2007-09-02', '2007-08-31', 'decrees of 2007'),
  ('2007-10-28', '2007-10-26', 'decrees of 2007'),
  ('2007-12-29', '2007-12-31', 'decrees of 2007'),
  ('2008-05-04', '2008-05-02', 'adilet P080000364_'),
  ('2009-12-20', '2009-12-18', 'decree No. 1936 of 26 November 2009'),
  ('2010-01-10', '2010-01-08', 'adilet P090002216_'),
  ('2010-07-03', '2010-07-05', 'adilet P100000637_'),
  ('2011-03-05', '2011-03-07', 'decrees of 2011'),
  ('2011-08-27', '2011-08-29', 'decrees of 2011'),
  ('2012-03-11', '2012-03-09', 'decrees of 2012'),
  ('2012-04-28', '2012-04-30', 'decrees of 2012'),
  ('2012-12-29', '2012-12-31', 'decree No. 1538 of 2012'),
  ('2013-05-04', '2013-05-10', 'decrees of 2013'),
  ('2013-10-12', '2013-10-14', 'decrees of 2013'),
  ('2013-12-28', '2014-01-03', 'adilet P1300001322'),
  ('2014-05-04', '2014-05-02', 'adilet P1400000365'),
  ('2014-05-11', '2014-05-08', 'adilet P1400000365'),
  ('2016-03-05', '2016-03-07', 'decree No. 67 of 2016'),
  ('2017-03-18', '2017-03-20', 'decree No. 5 of 2017'),
  ('2017-07-01', '2017-07-07', 'decree No. 5 of 2017'),
  ('2018-03-03', '2018-03-09', 'decree No. 864 of 2017'),
  ('2018-04-28', '2018-04-30', 'decree No. 864 of 2017'),
  ('2018-05-05', '2018-05-08', 'decree No. 864 of 2017'),
  ('2018-08-25', '2018-08-31', 'decree No. 864 of 2017'),
  ('2018-12-29', '2018-12-31', 'decree No. 864 of 2017'),
  ('2019-05-04', '2019-05-10', 'decree No. 888 of 2018'),
  ('2020-01-05', '2020-01-03', 'decree No. 820 of 2019'),
  ('2020-05-11', '2020-05-08', 'decree No. 820 of 2019'),
  ('2020-12-20', '2020-12-18', 'decree No. 820 of 2019'),
  ('2021-07-03', '2021-07-05', 'decree No. 930 of 2020'),
  ('2022-03-05', '2022-03-07', 'decree No. 713 of 6 October 2021'),
  ('2022-08-27', '2022-08-29', 'decree No. 713 of 6 October 2021'),
  ('2022-10-22', '2022-10-24', 'decree No. 713 as amended in October 2022');

SELECT ok(is_working_day(working),
          format('R50.3 calendar %s: %s %s is a working day (transfer, %s)',
                 extract(year FROM working), to_char(working, 'Dy'), to_char(working, 'FMDD Mon'), decree))
  FROM transfer ORDER BY working;
SELECT ok(NOT is_working_day(off),
          format('R50.3 calendar %s: %s %s is a day off (transfer from %s, %s)',
                 extract(year FROM off), to_char(off, 'Dy'), to_char(off, 'FMDD Mon'), working, decree))
  FROM transfer ORDER BY off;
SELECT is((SELECT count(*) FROM calendar_day WHERE calendar = 'KZ' AND kind = 'working_day' AND day < '2023-01-01'),
          (SELECT count(*) FROM transfer),
          'R50.3 calendar 2000-2022: no working Saturday or Sunday other than the transfers above');

-- ---------------------------------------------------------------------------
-- Confirmed and generated years.
-- ---------------------------------------------------------------------------
SELECT ok(is_confirmed(make_date(y, 6, 1)), format('R50.3 calendar %s is confirmed (decree applied)', y))
  FROM generate_series(2016, 2026) AS y;
SELECT ok(NOT is_confirmed(make_date(y, 6, 1)), format('R50.3 calendar %s is generated (%s)', y, why))
  FROM (VALUES (2000, 'rules of 1995 and transfers, decrees not all read'),
               (2014, 'decrees of 2014 not all searched'),
               (2015, 'no decree found for 2015'),
               (2027, 'forecast'), (2050, 'forecast'), (2075, 'forecast')) AS v(y, why);
SELECT is((SELECT count(*) FROM calendar_year WHERE calendar = 'KZ' AND status = 'confirmed'
                                                 AND basis !~ '(decree|resolution|[Oo]rder|No transfers decreed)'),
          0::bigint, 'R50.3 every confirmed year names its decree (Government resolution or, since 2024, Minister''s order) in the basis');
SELECT ok((SELECT basis ~ 'not established' FROM calendar_year WHERE calendar = 'KZ' AND year = 2015),
          'R50.3 calendar 2015: the basis says what is missing (a transfer decree is not established)');

-- ---------------------------------------------------------------------------
-- Coverage: 2000-01-01 to 2075-12-31.
-- ---------------------------------------------------------------------------
SELECT is(valid_from, '2000-01-01'::date, 'R50.3 the KZ calendar starts on 2000-01-01') FROM calendar WHERE code = 'KZ';
SELECT is(valid_to, '2075-12-31'::date, 'R50.3 the KZ calendar ends on 2075-12-31') FROM calendar WHERE code = 'KZ';
SELECT is((SELECT count(*) FROM calendar_year WHERE calendar = 'KZ'), 76::bigint,
          'R50.3 every year 2000-2075 has a calendar_year row');
SELECT ok(NOT is_working_day('2000-01-01'), 'R50.3 2000-01-01 is covered');
SELECT lives_ok($$SELECT is_working_day('2075-12-31')$$, 'R50.3 2075-12-31 is covered');
SELECT throws_ok($$SELECT is_working_day('1999-12-31')$$, 'IC002', NULL, 'R50.3 1999-12-31 is outside the calendar (IC002)');
SELECT throws_ok($$SELECT is_working_day('2076-01-01')$$, 'IC002', NULL, 'R50.3 2076-01-01 is outside the calendar (IC002)');
SELECT is(add_working_days('2030-06-28', 10), '2030-07-15'::date,
          'R50.3 long-term control: a deadline in 2030 is counted (Capital Day, Sat 6 Jul 2030, moved to Mon 8 Jul)');
SELECT is(working_days_between('2025-01-01', '2035-12-31'),
          (SELECT count(*)::integer FROM generate_series(date '2025-01-02', date '2035-12-31', interval '1 day') g
            WHERE is_working_day(g::date)),
          'R50.3 working days over 2025-2035 are counted, not an IC002 error');
SELECT is(add_working_days('2000-01-04', 1), '2000-01-05'::date, 'R50.3 counting from the first days of 2000');

-- ---------------------------------------------------------------------------
-- A deadline over 2018 counted across a transfer.
-- ---------------------------------------------------------------------------
SELECT is(add_working_days('2018-08-24', 1), '2018-08-25'::date,
          'R50.3 calendar 2018: receipt on Fri 24 Aug, day 1 is Sat 25 Aug (a working day by transfer)');
SELECT is(add_working_days('2018-08-22', 5), '2018-08-28'::date,
          'R50.3 calendar 2018: 5 working days from Wed 22 Aug end on Tue 28 Aug, counting Sat 25 Aug (transfer)');
SELECT is(add_working_days('2018-08-29', 2), '2018-09-04'::date,
          'R50.3 calendar 2018: 2 working days from Wed 29 Aug skip Constitution Day and Fri 31 Aug (transfer): Tue 4 Sep');
SELECT is(deadline('2018-04-26', '3 working days'), '2018-05-02'::date,
          'R50.3 calendar 2018: 3 working days from Thu 26 Apr: Fri 27, Sat 28 (transfer), Wed 2 May');
SELECT is(working_days_between('2018-12-28', '2019-01-03'), 2,
          'R50.3 calendar 2018: Sat 29 Dec works, Mon 31 Dec is off (transfer), 1-2 Jan New Year');

-- ---------------------------------------------------------------------------
-- The holiday rules of their time.
-- ---------------------------------------------------------------------------
SELECT is(is_working_day(day), working, format('R50.3 calendar %s: %s', day, what))
  FROM (VALUES
    ('2000-01-03'::date, true, 'New Year on Sat-Sun 2000 not moved: no weekend-holiday rule before the Law of 2001'),
    ('2000-03-22', false, 'Nauryz 22 March a day off in 2000 (Presidential Decree of 1995)'),
    ('2000-10-25', false, 'Republic Day a holiday until 2008'),
    ('2001-12-17', true, 'Independence Day only 16 December before 2002 (Sunday 16 Dec 2001 not moved)'),
    ('2002-12-17', false, 'Independence Day 16-17 December from 2002'),
    ('2005-03-22', false, 'Nauryz 2005: 22 March is a holiday'),
    ('2005-03-23', true, 'Nauryz 2005: only 22 March, 23 March is a working day'),
    ('2005-01-07', true, 'Orthodox Christmas not yet a day off in 2005'),
    ('2006-03-21', true, 'Nauryz 2006: only 22 March, 21 March is a working day'),
    ('2008-10-24', true, 'Republic Day 2008 on Saturday 25 October is moved to Monday, Friday 24 October works'),
    ('2008-10-27', false, 'Republic Day 2008 on Saturday: Monday 27 Oct is a day off'),
    ('2009-03-23', false, 'Nauryz 2009 on Sunday 22 March: Monday 23 March is a day off (22 March only until 2009)'),
    ('2009-03-24', true, 'Nauryz 2009: Tuesday 24 March is a working day'),
    ('2009-10-26', true, 'Republic Day no longer a holiday from 2009 (25 Oct 2009 on Sunday not moved)'),
    ('2010-03-23', false, 'Nauryz 21-23 March from 2010'),
    ('2010-01-07', false, 'Orthodox Christmas a day off since 2006'),
    ('2011-12-01', true, '1 December not yet a holiday in 2011'),
    ('2012-05-07', true, 'Defender of the Fatherland Day not yet a holiday in 2012'),
    ('2013-05-07', false, 'Defender of the Fatherland Day a holiday from 2013'),
    ('2013-12-02', false, 'First President''s Day 2013 on Sunday: Monday 2 December is a day off'),
    ('2014-10-06', true, 'Kurban Ait 2014 on Saturday 4 October is not moved'),
    ('2015-09-24', false, 'Kurban Ait 2015: Thursday 24 September'),
    ('2015-03-25', false, 'Nauryz 2015 on Sat-Sun: 24 and 25 March are days off'),
    ('2016-12-19', false, 'Independence Day 2016: 17 December on Saturday, Monday 19 December is a day off'),
    ('2018-12-18', false, 'Independence Day 2018: 16 December on Sunday moved past the holiday 17 December to Tuesday 18'),
    ('2019-12-02', false, 'First President''s Day 2019 on Sunday: Monday 2 December is a day off'),
    ('2021-03-24', false, 'Nauryz 2021: 21 March on Sunday, Wednesday 24 March is a day off'),
    ('2022-12-01', true, 'December 2022: 1 December no longer a holiday (Law of September 2022)'),
    ('2022-12-16', false, 'December 2022: Independence Day 16 December'),
    ('2022-12-19', true, 'December 2022: 17 December no longer a holiday, Monday 19 December works'),
    ('2026-08-31', true, 'Constitution Day 30 August no longer a holiday in 2026'),
    ('2027-03-15', false, 'forecast 2027: Constitution Day 15 March (reported)')) AS v(day, working, what)
 ORDER BY day;

-- ---------------------------------------------------------------------------
-- Kurban Ait day 1: the days announced, and the estimate for the other years.
-- ---------------------------------------------------------------------------
SELECT is(kurban_ait_estimate(y), announced,
          format('R50.3 kurban_ait_estimate(%s) gives the announced day %s', y, announced))
  FROM (VALUES (2017, '2017-09-01'::date), (2018, '2018-08-21'), (2019, '2019-08-11'), (2020, '2020-07-31'),
               (2021, '2021-07-20'), (2022, '2022-07-09'), (2023, '2023-06-28'), (2024, '2024-06-16'),
               (2025, '2025-06-06'), (2026, '2026-05-27')) AS v(y, announced)
 ORDER BY y;
SELECT is(kurban_ait_estimate(2015), '2015-09-23'::date,
          'R50.3 kurban_ait_estimate(2015) is one day before the announced 24 September: an estimate, not a fact');
SELECT results_eq($$SELECT kurban_ait_estimate(2039)$$, $$VALUES ('2039-01-05'::date), ('2039-12-26'::date)$$,
                  'R50.3 kurban_ait_estimate: two Kurban Aits in 2039');
SELECT is((SELECT count(*) FROM calendar_day WHERE calendar = 'KZ' AND name LIKE 'Kurban Ait%' AND day < '2006-01-01'),
          0::bigint, 'R50.3 Kurban Ait is not a day off before 2006');
SELECT is((SELECT count(DISTINCT extract(year FROM day)) FROM calendar_day
            WHERE calendar = 'KZ' AND name LIKE 'Kurban Ait%' AND day >= '2006-01-01'),
          69::bigint, 'R50.3 every year 2006-2075 but 2032 has a Kurban Ait day 1 of its own');
SELECT is(kurban_ait_estimate(2032), '2032-03-22'::date,
          'R50.3 forecast 2032: Kurban Ait estimated on 22 March, a day of Nauryz (one day off, not moved)');
SELECT is((SELECT min(day) FROM calendar_day WHERE calendar = 'KZ' AND name = 'Kurban Ait (day 1, estimated)' AND day > '2026-12-31'),
          '2027-05-16'::date, 'R50.3 forecast 2027: Kurban Ait day 1 estimated on 16 May');
SELECT ok(EXISTS (SELECT 1 FROM calendar_day WHERE calendar = 'KZ' AND day = '2030-04-13' AND kind = 'holiday'
                     AND name = 'Kurban Ait (day 1, estimated)'),
          'R50.3 forecast 2030: the estimated Kurban Ait (13 Apr) is a holiday of the calendar');
SELECT is(add_working_days('2029-04-23', 1), '2029-04-25'::date,
          'R50.3 forecast 2029: the estimated Kurban Ait (Tue 24 Apr) is not counted');

-- ---------------------------------------------------------------------------
-- extend_calendar: forecast years after the range in one call.
-- ---------------------------------------------------------------------------
SELECT is(extend_calendar('KZ', 2080), 5, 'R50.3 extend_calendar adds 2076-2080 (5 years)');
SELECT is(valid_to, '2080-12-31'::date, 'R50.3 extend_calendar moves the end of the range') FROM calendar WHERE code = 'KZ';
SELECT is((SELECT count(*) FROM calendar_year WHERE calendar = 'KZ' AND year BETWEEN 2076 AND 2080 AND status = 'generated'),
          5::bigint, 'R50.3 extend_calendar marks the years generated (a forecast)');
SELECT ok(EXISTS (SELECT 1 FROM calendar_day WHERE calendar = 'KZ' AND day = '2076-11-07' AND kind = 'holiday'
                     AND name = 'Kurban Ait (day 1, estimated)'),
          'R50.3 extend_calendar: Kurban Ait 2076 is estimated (7 Nov)');
SELECT is(add_working_days('2080-07-05', 1), '2080-07-09'::date,
          'R50.3 extend_calendar: Capital Day 2080 on Saturday, Monday 8 July off (weekend-holiday rule)');
SELECT ok(NOT is_confirmed('2080-06-01'), 'R50.3 extend_calendar: the added years are not confirmed');
SELECT is(extend_calendar('KZ', 2080), 0, 'R50.3 extend_calendar to the last covered year adds nothing');
SELECT throws_ok($$SELECT extend_calendar('KZ', 2050)$$, 'IC003', 'year 2050 is before the end of calendar "KZ" (2080-12-31)',
                 'R50.3 extend_calendar refuses a year before the range end (IC003)');
SELECT throws_ok($$SELECT extend_calendar('XX', 2080)$$, 'IC001', 'calendar "XX" does not exist',
                 'R50.3 extend_calendar refuses an unknown calendar (IC001)');
SELECT throws_ok($$SELECT extend_calendar('KZ', 2500)$$, 'IC003', NULL,
                 'R50.3 extend_calendar refuses a range of more than 400 years (IC003)');
INSERT INTO calendar (code, name, weekend_days, valid_from, valid_to)
VALUES ('SIX', 'Six-day week', '{7}', '2025-01-01', '2025-12-31'),
       ('HALF', 'Half a year', '{6,7}', '2025-01-01', '2025-06-30');
SELECT is(extend_calendar('SIX', 2027, false), 2, 'R50.3 extend_calendar on a calendar without holiday rules');
SELECT is((SELECT count(*) FROM calendar_day WHERE calendar = 'SIX'), 0::bigint,
          'R50.3 extend_calendar(..., false) adds no Kurban Ait estimate');
SELECT is(add_working_days('2027-12-31', 0, 'SIX'), '2027-12-31'::date, 'R50.3 the extended calendar covers 2027');
SELECT throws_ok($$SELECT extend_calendar('HALF', 2027)$$, 'IC003', NULL,
                 'R50.3 extend_calendar refuses a calendar that does not end on 31 December (IC003)');

SELECT * FROM finish();
ROLLBACK;
