-- The working-day calendar (R50.3): Kazakhstan's official calendar with its
-- working Saturdays, deadlines from a term in any of three languages, and a
-- new decree applied with one statement.
\pset expanded off
SET datestyle = ISO;
SET search_path = instruction_control, public;

-- Special days of 2025: holidays, days off moved by the weekend rule, the transfer.
SELECT day, to_char(day, 'Dy') AS dow, kind, name, name_kk, name_ru
  FROM calendar_day WHERE calendar = 'KZ' AND day BETWEEN '2025-01-01' AND '2025-04-01' ORDER BY day;

-- Receipt on Saturday 22 March 2025 (Nauryz): deadlines from terms written in
-- English, Kazakh and Russian; a calendar term rolls forward (R51).
SELECT t AS term_as_written, t::term AS term, deadline('2025-03-22', t::term) AS deadline
  FROM (VALUES ('1 working day'), ('10 жұмыс күні'), ('10 рабочих дней'), ('2 weeks'), ('2 апта'), ('6 месяцев')) v(t);

-- The working Sunday 2025-01-05 counts; working days in the first quarter of 2025.
SELECT add_working_days('2025-01-02', 1) AS first_working_day_2025,
       working_days_between('2024-12-31', '2025-03-31') AS working_days_q1_2025,
       is_confirmed('2025-06-01') AS y2025_confirmed, is_confirmed('2027-06-01') AS y2027_confirmed;

-- The calendar covers 2000-2075: past years with the Government's transfers,
-- a forecast from 2027.  A deadline over 2018 counts Saturday 25 August,
-- worked for Friday 31 August (decree No. 864 of 2017).
SELECT valid_from, valid_to FROM calendar WHERE code = 'KZ';
SELECT year, status, left(basis, 90) AS basis
  FROM calendar_year WHERE calendar = 'KZ' AND year IN (2005, 2015, 2018, 2022, 2030) ORDER BY year;
SELECT add_working_days('2018-08-22', 5) AS five_days_from_22_aug_2018,
       deadline('2030-06-28', '10 рабочих дней') AS ten_days_in_2030;

-- A new Government decree is one statement, seen by every session at once;
-- forecast years after 2075 are one call.
BEGIN;
SELECT add_transfer('KZ', '2026-12-19', '2026-12-18', 'Government decree (demo)');
SELECT deadline('2026-12-17', '1 working day') AS deadline_after_decree;
SELECT extend_calendar('KZ', 2100) AS forecast_years_added;
SELECT add_working_days('2099-12-30', 3) AS three_days_into_2100;
ROLLBACK;
