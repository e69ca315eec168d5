-- The calendar cache's fast paths (issue 19): the default calendar is resolved once per value of
-- instruction_control.calendar (its assign hook), a constant calendar argument once per call site
-- (fn_extra), and the cache is read with heap scans.  Every path must still follow the setting (SET,
-- SET LOCAL, RESET, a rolled back savepoint, a function's SET clause) and a change of calendar data at
-- once, also inside one PL/pgSQL loop whose expression keeps its call site; a reader (ic_reader) loads
-- the calendar as well as the superuser does (R50.3: deadlines are counted in this calendar).
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SELECT plan(13);

-- XX: every day a working day, June 2025 only.
INSERT INTO calendar (code, name, weekend_days, valid_from, valid_to)
VALUES ('XX', 'seven-day week', '{}', '2025-06-01', '2025-06-30');
CREATE FUNCTION pg_temp.next_day_in_setting(d date) RETURNS date
LANGUAGE sql SET instruction_control.calendar = 'XX' AS $$ SELECT instruction_control.add_working_days(d, 1) $$;

-- Friday 6 June 2025 is Kurban Ait in KZ: the next working day after Thursday 5 June is Monday 9 June.
SELECT is(add_working_days('2025-06-05', 1), '2025-06-09'::date, 'R50.3 the default calendar KZ');
SET instruction_control.calendar = 'XX';
SELECT is(add_working_days('2025-06-05', 1), '2025-06-06'::date, 'R50.3 SET instruction_control.calendar = XX applies at once');
RESET instruction_control.calendar;
SELECT is(add_working_days('2025-06-05', 1), '2025-06-09'::date, 'R50.3 RESET brings back KZ');
SAVEPOINT s;
SET LOCAL instruction_control.calendar = 'XX';
SELECT is(add_working_days('2025-06-05', 1), '2025-06-06'::date, 'R50.3 SET LOCAL XX applies');
ROLLBACK TO SAVEPOINT s;
SELECT is(add_working_days('2025-06-05', 1), '2025-06-09'::date, 'R50.3 a rolled back SET LOCAL leaves KZ');
SELECT is(pg_temp.next_day_in_setting('2025-06-05'), '2025-06-06'::date, 'R50.3 a function''s SET clause applies inside it');
SELECT is(add_working_days('2025-06-05', 1), '2025-06-09'::date, 'R50.3 ... and not after it');

-- A constant argument: the same call site before and after a change of the calendar's data.
SELECT is(add_working_days('2025-06-05', 1, 'XX'), '2025-06-06'::date, 'R50.3 add_working_days(d, n, ''XX'')');
SELECT is((SELECT string_agg(add_working_days(d::date, 1, 'XX')::text, ',' ORDER BY d)
             FROM generate_series(date '2025-06-05', '2025-06-07', '1 day') AS d),
          '2025-06-06,2025-06-07,2025-06-08', 'R50.3 a constant calendar over many rows');
DO $$
DECLARE
  got text := '';
BEGIN
  FOR i IN 1 .. 2 LOOP
    got := got || instruction_control.add_working_days('2025-06-05', 1, 'XX') || ';';
    IF i = 1 THEN
      INSERT INTO instruction_control.calendar_day (calendar, day, kind, name, basis)
      VALUES ('XX', '2025-06-06', 'holiday', 'test holiday', 'test');
    END IF;
  END LOOP;
  PERFORM set_config('ic_test.loop', got, true);
END
$$;
SELECT is(current_setting('ic_test.loop'), '2025-06-06;2025-06-07;',
          'R50.3 the call site of a loop sees a holiday added between two of its calls');

-- A reader loads the calendar (heap scans) after a change as well.
UPDATE calendar_day SET kind = 'day_off' WHERE calendar = 'XX' AND day = '2025-06-06';
SET LOCAL ROLE ic_reader;
SELECT is(add_working_days('2025-06-05', 2, 'XX'), '2025-06-08'::date, 'R50.3 ic_reader: the changed day counts');
SELECT is(add_working_days('2025-06-05', 1), '2025-06-09'::date, 'R50.3 ic_reader: the default calendar');
RESET ROLE;
SELECT throws_ok($$SELECT add_working_days('2025-06-05', 1, 'NOPE')$$, 'IC001', NULL,
                 'R50.3 an unknown calendar is refused (IC001)');

SELECT * FROM finish();
ROLLBACK;
