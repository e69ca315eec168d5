-- The working-day calendar (R50.3, R51): every special day of 2023-2026 in
-- calendar-kz.md, the counting rules, and 5,000 random (date, n) pairs
-- checked against a slow reference written in plain SQL.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET LOCAL search_path = instruction_control, public;
SELECT plan(157);

-- ---------------------------------------------------------------------------
-- Every special day of 2023-2026 (calendar-kz.md).
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE special (day date, working boolean, what text);
INSERT INTO special VALUES
  -- 2023
  ('2023-01-01', false, 'New Year (Sun)'), ('2023-01-02', false, 'New Year'),
  ('2023-01-03', false, 'day off for New Year on Sunday'), ('2023-01-07', false, 'Orthodox Christmas (Sat, not moved)'),
  ('2023-01-09', true, 'Mon after Christmas on Saturday stays working (never moved)'),
  ('2023-03-08', false, 'Women''s Day'), ('2023-03-21', false, 'Nauryz'), ('2023-03-22', false, 'Nauryz'),
  ('2023-03-23', false, 'Nauryz'), ('2023-05-01', false, 'Unity Day'), ('2023-05-07', false, 'Defender Day (Sun)'),
  ('2023-05-08', false, 'day off for Defender Day on Sunday'), ('2023-05-09', false, 'Victory Day'),
  ('2023-06-28', false, 'Kurban Ait'), ('2023-07-01', true, 'working Saturday by transfer'),
  ('2023-07-06', false, 'Capital Day'), ('2023-07-07', false, 'day off by transfer'),
  ('2023-08-30', false, 'Constitution Day'), ('2023-10-25', false, 'Republic Day'),
  ('2023-12-01', true, '1 Dec no longer a holiday'), ('2023-12-16', false, 'Independence Day (Sat)'),
  ('2023-12-18', false, 'day off for Independence Day on Saturday'), ('2023-12-19', true, '17 Dec no longer a holiday'),
  -- 2024
  ('2024-01-01', false, 'New Year'), ('2024-01-02', false, 'New Year'), ('2024-01-07', false, 'Christmas (Sun)'),
  ('2024-01-08', true, 'Christmas on Sunday not moved'), ('2024-03-08', false, 'Women''s Day'),
  ('2024-03-21', false, 'Nauryz'), ('2024-03-22', false, 'Nauryz'), ('2024-03-23', false, 'Nauryz (Sat)'),
  ('2024-03-25', false, 'day off for Nauryz on Saturday'), ('2024-05-01', false, 'Unity Day'),
  ('2024-05-04', true, 'working Saturday by transfer'), ('2024-05-07', false, 'Defender Day'),
  ('2024-05-08', false, 'day off by transfer (Wed)'), ('2024-05-09', false, 'Victory Day'),
  ('2024-06-16', false, 'Kurban Ait (Sun)'), ('2024-06-17', true, 'Kurban Ait on Sunday not moved'),
  ('2024-07-06', false, 'Capital Day (Sat)'), ('2024-07-08', false, 'day off for Capital Day on Saturday'),
  ('2024-08-30', false, 'Constitution Day'), ('2024-10-25', false, 'Republic Day'),
  ('2024-12-02', true, '1 Dec (Sun) no longer a holiday'), ('2024-12-16', false, 'Independence Day'),
  ('2024-12-17', true, '17 Dec no longer a holiday'),
  -- 2025
  ('2025-01-01', false, 'New Year'), ('2025-01-02', false, 'New Year'), ('2025-01-03', false, 'day off by transfer (Fri)'),
  ('2025-01-05', true, 'working Sunday by transfer'), ('2025-01-07', false, 'Christmas'),
  ('2025-03-08', false, 'Women''s Day (Sat)'), ('2025-03-10', false, 'day off for Women''s Day on Saturday'),
  ('2025-03-21', false, 'Nauryz'), ('2025-03-22', false, 'Nauryz (Sat)'), ('2025-03-23', false, 'Nauryz (Sun)'),
  ('2025-03-24', false, 'day off for Nauryz on Saturday'), ('2025-03-25', false, 'day off for Nauryz on Sunday'),
  ('2025-03-26', true, 'first working day after Nauryz'),
  ('2025-05-01', false, 'Unity Day'), ('2025-05-07', false, 'Defender Day'), ('2025-05-09', false, 'Victory Day'),
  ('2025-06-06', false, 'Kurban Ait'), ('2025-07-06', false, 'Capital Day (Sun)'),
  ('2025-07-07', false, 'day off for Capital Day on Sunday'), ('2025-08-30', false, 'Constitution Day (Sat)'),
  ('2025-09-01', false, 'day off for Constitution Day on Saturday'), ('2025-10-25', false, 'Republic Day (Sat)'),
  ('2025-10-27', false, 'day off for Republic Day on Saturday'), ('2025-12-01', true, '1 Dec not a holiday'),
  ('2025-12-16', false, 'Independence Day'), ('2025-12-17', true, '17 Dec not a holiday'),
  -- 2026
  ('2026-01-01', false, 'New Year'), ('2026-01-02', false, 'New Year'), ('2026-01-07', false, 'Christmas'),
  ('2026-03-08', false, 'Women''s Day (Sun)'), ('2026-03-09', false, 'day off for Women''s Day on Sunday'),
  ('2026-03-21', false, 'Nauryz (Sat)'), ('2026-03-22', false, 'Nauryz (Sun)'), ('2026-03-23', false, 'Nauryz'),
  ('2026-03-24', false, 'day off for Nauryz on Saturday'), ('2026-03-25', false, 'day off for Nauryz on Sunday'),
  ('2026-05-01', false, 'Unity Day'), ('2026-05-07', false, 'Defender Day'), ('2026-05-09', false, 'Victory Day (Sat)'),
  ('2026-05-11', false, 'day off for Victory Day on Saturday'), ('2026-05-27', false, 'Kurban Ait'),
  ('2026-07-06', false, 'Capital Day'), ('2026-08-31', true, 'no 31 Aug: 30 Aug is no longer a holiday'),
  ('2026-10-25', false, 'Republic Day (Sun)'), ('2026-10-26', false, 'day off for Republic Day on Sunday'),
  ('2026-12-16', false, 'Independence Day');

SELECT is(is_working_day(day), working,
          format('%s is %s: %s (R50.3)', day, CASE WHEN working THEN 'working' ELSE 'not working' END, what))
  FROM special ORDER BY day;

-- History: past years keep the rules of their time (calendar-kz.md).
SELECT is(is_working_day(day), working, format('%s: %s', day, what))
  FROM (VALUES
    ('2019-03-25'::date, false, 'day off for Nauryz on Saturday 2019'),
    ('2019-12-02'::date, false, 'day off for First President''s Day on Sunday 1 Dec 2019 (until 2021)'),
    ('2020-05-08'::date, false, 'Fri 8 May 2020 off by transfer'),
    ('2020-05-11'::date, true, 'Mon 11 May 2020 working by transfer'),
    ('2020-12-18'::date, false, 'Fri 18 Dec 2020 off by transfer'),
    ('2021-07-03'::date, true, 'Sat 3 Jul 2021 working by transfer'),
    ('2021-12-17'::date, false, '17 Dec still a holiday in 2021'),
    ('2022-01-04'::date, false, 'day off for New Year on Sunday 2 Jan 2022'),
    ('2022-10-22'::date, true, 'Sat 22 Oct 2022 working by transfer'),
    ('2022-10-24'::date, false, 'Mon 24 Oct 2022 off by transfer'),
    ('2022-10-25'::date, false, 'Republic Day, a holiday since 2022')) AS v(day, working, what)
 ORDER BY day;

-- ---------------------------------------------------------------------------
-- Counting (R50.3): receipt is day 0.
-- ---------------------------------------------------------------------------
SELECT is(add_working_days('2025-03-22', 1), '2025-03-26'::date,
          'receipt on Saturday 22 Mar 2025 (Nauryz): day 1 is Wed 26 Mar (R50.3)');
SELECT is(add_working_days('2024-09-07', 1), '2024-09-09'::date,
          'receipt on an ordinary Saturday: day 1 is the following Monday (R50.3)');
SELECT is(add_working_days('2024-12-27', 5), '2025-01-08'::date,
          '5 working days across New Year 2025: 30, 31 Dec, Sun 5 Jan, 6 Jan, 8 Jan (R50.3)');
SELECT is(add_working_days('2025-12-29', 3), '2026-01-05'::date,
          '3 working days across New Year 2026 (R50.3)');
SELECT is(add_working_days('2025-03-19', 3), '2025-03-27'::date,
          'across Nauryz 2025: 20 Mar, 26 Mar, 27 Mar (R50.3)');
SELECT is(add_working_days('2024-05-03', 1), '2024-05-04'::date,
          'the working Saturday 2024-05-04 is counted (R50.3)');
SELECT is(add_working_days('2025-01-04', 1), '2025-01-05'::date,
          'the working Sunday 2025-01-05 is counted (R50.3)');
SELECT is(add_working_days('2025-01-06', -1), '2025-01-05'::date, 'n = -1 finds the working Sunday');
SELECT is(add_working_days('2025-03-26', -2), '2025-03-19'::date, 'negative n goes back over Nauryz');
SELECT is(add_working_days('2025-03-24', 0), '2025-03-26'::date, 'n = 0 on a day off rolls forward');
SELECT is(add_working_days('2025-03-26', 0), '2025-03-26'::date, 'n = 0 on a working day is the day itself');
SELECT is(working_days_between('2025-03-19', '2025-03-27'), 3, 'working days in (a, b] over Nauryz');
SELECT is(working_days_between('2025-03-27', '2025-03-19'), -3, 'a reversed range is negative');
SELECT is(working_days_between('2025-03-22', '2025-03-22'), 0, 'an empty range');
SELECT is(working_days_between('2024-05-03', '2024-05-04'), 1, 'the working Saturday is in the count');
SELECT is(roll_forward('2025-01-01'), '2025-01-05'::date, 'roll forward from New Year 2025 to the working Sunday');
SELECT is(roll_backward('2025-01-04'), '2024-12-31'::date, 'roll backward from Saturday 4 Jan 2025');
SELECT results_eq($$SELECT d FROM working_days('2025-01-01', '2025-01-10') d$$,
                  $$VALUES ('2025-01-05'::date), ('2025-01-06'), ('2025-01-08'), ('2025-01-09'), ('2025-01-10')$$,
                  'working_days() lists the working days of early January 2025');

-- Terms: calendar days, weeks and months roll forward (R51).
SELECT is(deadline('2025-03-08', '14 days'), '2025-03-26'::date,
          '14 days ending on Nauryz roll forward to 26 Mar (R51)');
SELECT is(deadline('2025-12-22', '2 weeks'), '2026-01-05'::date,
          '2 weeks ending on 5 Jan 2026 (Monday) (R51)');
SELECT is(deadline('2024-12-20', '2 weeks'), '2025-01-05'::date,
          '2 weeks ending on Fri 3 Jan 2025 (day off by transfer) roll to the working Sunday 5 Jan (R51)');
SELECT is(deadline('2025-09-23', '6 месяцев'), '2026-03-26'::date,
          '6 months ending on 23 Mar 2026 (Nauryz) roll forward (R51, R56)');
SELECT is(deadline('2025-03-21', '10 жұмыс күні'), add_working_days('2025-03-21', 10),
          'a working-day term is add_working_days (R50.3)');
SELECT is('2025-03-21'::date + '10 wd'::term, '2025-04-08'::date, 'date + term');
SELECT is(term_count('10 рабочих дней'), 10, 'term_count');
SELECT is(term_unit('2 апта'), 'weeks', 'term_unit');

-- Confirmed and generated years.
SELECT ok(is_confirmed('2024-02-01'), '2024 is a confirmed year');
SELECT ok(NOT is_confirmed('2027-02-01'), '2027 is a generated year (a forecast)');

-- Errors.
SELECT throws_ok($$SELECT add_working_days('2025-01-01', 1, 'XX')$$, 'IC001', NULL, 'unknown calendar');
SELECT throws_ok($$SELECT add_working_days('2076-01-01', 1)$$, 'IC002', NULL, 'a date outside the calendar');
SELECT throws_ok($$SELECT add_working_days('2075-12-31', 1)$$, 'IC002', NULL, 'an answer outside the calendar');
SELECT throws_ok($$SELECT '10 fortnights'::term$$, '22P02', NULL, 'a malformed term');

-- ---------------------------------------------------------------------------
-- 5,000 random (date, n) pairs against a slow reference in plain SQL.
-- ---------------------------------------------------------------------------
CREATE TEMP TABLE ref_day AS
SELECT g::date AS day,
       coalesce(cd.kind = 'working_day', extract(isodow FROM g) < 6) AS working
  FROM generate_series(date '2015-01-01', date '2027-12-31', interval '1 day') g
  LEFT JOIN calendar_day cd ON cd.calendar = 'KZ' AND cd.day = g::date;
CREATE INDEX ON ref_day (day);

CREATE FUNCTION pg_temp.ref_add(d date, n integer) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN n > 0 THEN (SELECT day FROM ref_day WHERE working AND day > d ORDER BY day OFFSET n - 1 LIMIT 1)
    WHEN n < 0 THEN (SELECT day FROM ref_day WHERE working AND day < d ORDER BY day DESC OFFSET -n - 1 LIMIT 1)
    ELSE (SELECT day FROM ref_day WHERE working AND day >= d ORDER BY day LIMIT 1)
  END
$$;
CREATE FUNCTION pg_temp.ref_between(a date, b date) RETURNS integer
LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN a <= b
    THEN (SELECT count(*)::integer FROM ref_day WHERE working AND day > a AND day <= b)
    ELSE -(SELECT count(*)::integer FROM ref_day WHERE working AND day > b AND day <= a)
  END
$$;

SELECT setseed(0.1976);
CREATE TEMP TABLE pairs AS
SELECT date '2016-01-01' + (random() * 4000)::integer AS d,
       (random() * 120)::integer - 60 AS n,
       date '2016-01-01' + (random() * 4000)::integer AS d2
  FROM generate_series(1, 5000);

SELECT is((SELECT count(*) FROM pairs), 5000::bigint, '5,000 random pairs');
SELECT is((SELECT count(*) FROM pairs WHERE add_working_days(d, n) IS DISTINCT FROM pg_temp.ref_add(d, n)),
          0::bigint, 'add_working_days agrees with the SQL reference on 5,000 random (date, n) pairs (R50.3)');
SELECT is((SELECT count(*) FROM pairs WHERE working_days_between(d, d2) <> pg_temp.ref_between(d, d2)),
          0::bigint, 'working_days_between agrees with the SQL reference on 5,000 random pairs (R50.3)');
SELECT is((SELECT count(*) FROM pairs WHERE is_working_day(d) <> (SELECT working FROM ref_day r WHERE r.day = pairs.d)),
          0::bigint, 'is_working_day agrees with the SQL reference');
SELECT is((SELECT count(*) FROM pairs
            WHERE n > 0 AND working_days_between(d, add_working_days(d, n)) <> n),
          0::bigint, 'working_days_between inverts add_working_days for n > 0');

-- ---------------------------------------------------------------------------
-- A new year and a decree are data: one statement each, seen at once.
-- ---------------------------------------------------------------------------
SELECT lives_ok($$SELECT generate_calendar_year('KZ', 2076, '2076-11-07')$$, 'generate_calendar_year adds 2076 after the range');
SELECT is(add_working_days('2075-12-31', 1), '2076-01-03'::date,
          'New Year 2076 on Wed-Thu: the first working day is Fri 3 Jan');
SELECT ok(NOT is_working_day('2076-11-07'), 'the Kurban Ait day given to generate_calendar_year is a day off');
SELECT ok(NOT is_confirmed('2076-03-01'), 'a generated year is not confirmed');
SELECT is(add_working_days('2027-12-31', 1), '2028-01-05'::date,
          'forecast 2028 (seeded): New Year on Sat-Sun, Mon 3 and Tue 4 Jan are days off, the first working day is Wed 5 Jan');
SELECT ok(NOT is_confirmed('2028-03-01'), 'a forecast year is not confirmed');
SELECT is(add_working_days('2028-01-05', 1), '2028-01-06'::date, 'before the decree: Thu 6 Jan is working');
SELECT lives_ok($$SELECT add_transfer('KZ', '2028-01-08', '2028-01-06', 'decree')$$, 'add_transfer');
SELECT is(add_working_days('2028-01-05', 1), '2028-01-08'::date,
          'the transfer is seen at once: Thu 6 off, Fri 7 Christmas, Sat 8 works');
SELECT ok(is_working_day('2028-01-08'), 'the transferred Saturday is working');
SELECT lives_ok($$SELECT confirm_calendar_year('KZ', 2028, 'decree')$$, 'confirm_calendar_year');
SELECT ok(is_confirmed('2028-03-01'), 'the confirmed year is reported as such');
SELECT lives_ok($$INSERT INTO calendar_day (calendar, day, kind, name, basis)
                  VALUES ('KZ', '2026-06-01', 'holiday', 'One-off holiday', 'test decree')$$,
                'a one-off holiday is one INSERT');
SELECT ok(NOT is_working_day('2026-06-01'), 'and it is seen by the next statement');

-- NULL in, NULL out (R50.3): the working-day functions check their own NULLs
-- rather than being STRICT (issue 19), in every argument and every form; as
-- an ordinary role, since a NULL read as a calendar would crash the backend
CREATE ROLE cal_null_reader NOLOGIN IN ROLE ic_reader;
SET ROLE cal_null_reader;
SELECT is((SELECT count(*) FROM (VALUES
             (is_working_day(NULL)), (is_working_day(NULL, 'KZ')), (is_working_day('2025-01-02', NULL))) v(x)
            WHERE x IS NOT NULL),
          0::bigint, 'issue 19: is_working_day of a NULL day or a NULL calendar is NULL (as ic_reader)');
SELECT is((SELECT count(*) FROM (VALUES
             (add_working_days(NULL, 1)), (add_working_days('2025-01-02', NULL)), (add_working_days(NULL, 1, 'KZ')),
             (add_working_days('2025-01-02', NULL, 'KZ')), (add_working_days('2025-01-02', 1, NULL))) v(x)
            WHERE x IS NOT NULL),
          0::bigint, 'issue 19: add_working_days with a NULL day, count or calendar is NULL (no default calendar for a NULL one; as ic_reader)');
SELECT is((SELECT count(*) FROM (VALUES
             (working_days_between(NULL, '2025-01-02')), (working_days_between('2025-01-02', NULL)),
             (working_days_between(NULL, '2025-01-02', 'KZ')), (working_days_between('2025-01-02', NULL, 'KZ')),
             (working_days_between('2025-01-02', '2025-01-09', NULL))) v(x)
            WHERE x IS NOT NULL),
          0::bigint, 'issue 19: working_days_between with a NULL day or calendar is NULL (as ic_reader)');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
