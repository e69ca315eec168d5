--
-- The working-day calendar (R50.3): the functions on the KZ calendar, the
-- errors (IC001 unknown calendar, IC002 out of range) with DETAIL and HINT,
-- the cache, and the ownership of seeded rows for pg_dump.
--
CREATE EXTENSION IF NOT EXISTS instruction_control;
\set VERBOSITY default
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET search_path = instruction_control, public;

SELECT code, name, weekend_days, valid_from, valid_to, seeded FROM calendar;
-- Covered 2000-2075: the years with the Government's decree applied are
-- confirmed, the others generated (from 2027 on a forecast).
SELECT status, count(*) AS years, min(year) AS first, max(year) AS last
  FROM calendar_year WHERE calendar = 'KZ' GROUP BY status ORDER BY status;
SELECT string_agg(year::text, ', ' ORDER BY year) AS confirmed_years
  FROM calendar_year WHERE calendar = 'KZ' AND status = 'confirmed';

-- R50.3: receipt is day 0; a Saturday receipt counts from Monday.
SELECT add_working_days('2025-03-22', 1) AS sat_nauryz_plus_1,
       add_working_days('2024-05-03', 1) AS fri_plus_1_working_sat,
       add_working_days('2025-01-03', 1) AS to_working_sunday,
       add_working_days('2025-12-30', 3) AS across_new_year,
       add_working_days('2025-03-26', -1) AS back_over_nauryz,
       add_working_days('2025-03-22', 0) AS zero_rolls_forward,
       add_working_days('2025-03-20', 0) AS zero_on_working_day;
SELECT working_days_between('2025-03-20', '2025-03-26') AS over_nauryz,
       working_days_between('2025-03-26', '2025-03-20') AS reversed,
       working_days_between('2025-01-01', '2026-01-01') AS in_2025,
       working_days_between('2024-01-01', '2025-01-01') AS in_2024;
SELECT roll_forward('2025-03-21') AS fwd, roll_backward('2025-03-25') AS back,
       roll_forward('2025-03-20') AS fwd_same, roll_backward('2025-03-20') AS back_same;
SELECT array_agg(d) AS may_2024 FROM working_days('2024-05-01', '2024-05-12') d;
SELECT count(*) AS none_when_reversed FROM working_days('2024-05-12', '2024-05-01');

-- Terms: working days per R50.3, calendar terms rolled forward (R51).
SELECT deadline('2025-03-20', '10 working days') AS wd10,
       deadline('2025-03-08', '14 days') AS days14_ends_on_nauryz,
       deadline('2025-12-19', '2 weeks') AS weeks2_new_year,
       deadline('2025-01-31', '1 month') AS month_end_clamped,
       date '2025-03-22' + '10 рабочих дней'::term AS operator_form,
       deadline('2025-03-20', '10 wd', 'KZ') AS named_calendar;
SELECT is_confirmed('2025-06-01') AS y2025, is_confirmed('2027-06-01') AS y2027,
       is_confirmed('2019-06-01') AS y2019, is_confirmed('2015-06-01') AS y2015,
       is_confirmed('2005-06-01') AS y2005, is_confirmed('2075-06-01') AS y2075;

-- One load of the calendar serves every later call of the session.
SELECT calendar_cache_loads() > 0 AS loaded;
SELECT calendar_cache_loads() AS before \gset
SELECT count(DISTINCT add_working_days(d::date, 5)) FROM generate_series(date '2020-01-01', '2025-12-31', '1 day') d;
SELECT calendar_cache_loads() - :before AS loads_for_2192_calls;

-- Errors: IC001 unknown calendar, IC002 a date or an answer outside the range.
SELECT add_working_days('2025-01-01', 1, 'XX');
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT is_working_day('2025-01-01', 'this_code_is_far_too_long');
\echo sqlstate :LAST_ERROR_SQLSTATE
SET instruction_control.calendar = 'NOPE';
SELECT is_working_day('2025-01-01');
\echo sqlstate :LAST_ERROR_SQLSTATE
RESET instruction_control.calendar;
SELECT add_working_days('2076-01-01', 1);
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT add_working_days('2075-12-30', 5);
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT add_working_days('2000-01-05', -10);
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT working_days_between('2025-01-01', 'infinity');
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT deadline('2075-10-01', '6 months');
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT is_confirmed('1999-12-31');
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT * FROM working_days('2075-12-01', '2076-01-31');
\echo sqlstate :LAST_ERROR_SQLSTATE
-- STRICT: NULL in, NULL out.
SELECT add_working_days(NULL, 1) IS NULL AS null_date, add_working_days('2025-01-01', NULL) IS NULL AS null_n;

-- pg_dump keeps the administrator's rows only; seeded rows come from CREATE EXTENSION.
SELECT c.relname, x.cond
  FROM pg_extension e,
       unnest(e.extconfig, e.extcondition) AS x(oid, cond)
       JOIN pg_class c ON c.oid = x.oid
 WHERE e.extname = 'instruction_control' AND c.relname LIKE 'calendar%'
 ORDER BY c.relname;
BEGIN;
-- An update of a seeded row makes it the administrator's: then it is dumped.
UPDATE calendar_day SET name = 'Nauryz (renamed)' WHERE calendar = 'KZ' AND day = '2025-03-21';
SELECT day, name, seeded FROM calendar_day WHERE calendar = 'KZ' AND day = '2025-03-21';
SELECT count(*) AS dumped_rows FROM calendar_day WHERE NOT seeded;
-- An administrator's insert replaces the seeded row with the same key (as a restore does).
INSERT INTO calendar_day (calendar, day, kind, name, basis)
VALUES ('KZ', '2026-12-16', 'holiday', 'Independence Day (restored)', 'test');
SELECT day, kind, name, seeded FROM calendar_day WHERE calendar = 'KZ' AND day = '2026-12-16';
INSERT INTO calendar (code, name, valid_from, valid_to) VALUES ('KZ', 'Kazakhstan (restored)', '2000-01-01', '2075-12-31');
SELECT code, name, seeded FROM calendar;
SELECT count(*) AS kz_days_kept FROM calendar_day WHERE calendar = 'KZ';
-- A seeded row cannot be deleted: it would come back on restore.
DELETE FROM calendar_day WHERE calendar = 'KZ' AND day = '2025-03-22';
\echo sqlstate :LAST_ERROR_SQLSTATE
ROLLBACK;

-- A second calendar: a six-day week, no exceptions.
BEGIN;
INSERT INTO calendar (code, name, weekend_days, valid_from, valid_to)
VALUES ('SIX', 'Six-day week', '{7}', '2025-01-01', '2025-12-31');
SELECT add_working_days('2025-01-03', 1, 'SIX') AS fri_plus_1,
       working_days_between('2025-01-01', '2025-01-31', 'SIX') AS january,
       is_confirmed('2025-05-05', 'SIX') AS confirmed;
-- Weekend days are ISO day numbers 1..7 (a CHECK constraint).
UPDATE calendar SET weekend_days = '{0}' WHERE code = 'SIX';
\echo sqlstate :LAST_ERROR_SQLSTATE
ROLLBACK;

-- Adding a year and applying a decree (README "Working-day calendar").
-- ON_ERROR_ROLLBACK keeps the transaction going past the expected errors.
\set ON_ERROR_ROLLBACK on
BEGIN;
SELECT generate_calendar_year('KZ', 2076, '2076-11-07') AS days_added;
SELECT day, kind, name FROM calendar_day WHERE calendar = 'KZ' AND day >= '2076-01-01' AND kind <> 'holiday' ORDER BY day;
SELECT valid_to FROM calendar WHERE code = 'KZ';
SELECT add_transfer('KZ', '2076-01-04', '2076-01-03', 'Government decree on the transfer of days off in 2076');
SELECT confirm_calendar_year('KZ', 2076, 'Government decree on the transfer of days off in 2076');
SELECT add_working_days('2075-12-31', 1) AS first_working_day_2076, is_confirmed('2076-02-01') AS confirmed;
SELECT generate_calendar_year('KZ', 2076);
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT generate_calendar_year('KZ', 2079);
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT add_transfer('KZ', '2076-01-13', '2076-01-14', 'wrong way round');
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT add_transfer('KZ', '2080-01-06', '2080-01-03', 'outside the calendar');
\echo sqlstate :LAST_ERROR_SQLSTATE
ROLLBACK;

-- Forecast years after the range in one call (extend_calendar): the rules,
-- the weekend-holiday rule and the estimated Kurban Ait day 1.
BEGIN;
SELECT extend_calendar('KZ', 2080) AS years_added;
SELECT valid_to FROM calendar WHERE code = 'KZ';
SELECT year, status, basis FROM calendar_year WHERE calendar = 'KZ' AND year > 2075 ORDER BY year;
SELECT day, kind, name FROM calendar_day WHERE calendar = 'KZ' AND day >= '2080-01-01' ORDER BY day;
SELECT extend_calendar('KZ', 2080) AS nothing_to_add;
SELECT extend_calendar('KZ', 2050);
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT extend_calendar('XX', 2080);
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT extend_calendar('KZ', 2500);
\echo sqlstate :LAST_ERROR_SQLSTATE
ROLLBACK;
\set ON_ERROR_ROLLBACK off
