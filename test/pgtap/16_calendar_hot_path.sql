-- The SQL calendar functions' hot path (issue 19): the default calendar's index is a copy kept by the
-- cache, and an argument that names the default calendar ('KZ' where the setting is KZ) is recognised by
-- its text and takes that copy.  Working days are counted in the calendar named (R50.3): never in the
-- default when the argument is another calendar whose code is a prefix of the default's, a value read
-- from a table (a short varlena), or after the setting or the data changed.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(8);

-- K: a seven-day calendar (no weekend) whose code is a prefix of KZ's.
INSERT INTO calendar (code, name, weekend_days, valid_from, valid_to)
VALUES ('K', 'seven working days a week', '{}', '2020-01-01', '2030-12-31');
CREATE TEMP TABLE hot_arg (n integer, c text);
INSERT INTO hot_arg VALUES (1, 'KZ'), (2, 'K'), (3, 'KZ'), (4, 'K');

-- Friday 2024-01-12: the next working day is Monday in KZ, Saturday in K.
SELECT is(add_working_days('2024-01-12', 1, 'KZ'), date '2024-01-15',
  'R50.3: the argument naming the default calendar counts in it');
SELECT is(add_working_days('2024-01-12', 1, 'K'), date '2024-01-13',
  'R50.3: a calendar whose code is a prefix of the default''s counts in its own days');
SELECT is((SELECT string_agg(add_working_days('2024-01-12', 1, c)::text, ',' ORDER BY n) FROM hot_arg),
          '2024-01-15,2024-01-13,2024-01-15,2024-01-13',
  'R50.3: calendar codes read from a table, alternating, each count in their own calendar');
SELECT is((SELECT string_agg(working_days_between('2024-01-12', '2024-01-15', c)::text, ',' ORDER BY n) FROM hot_arg),
          '1,3,1,3',
  'R50.3: working_days_between with codes read from a table');

SET instruction_control.calendar = 'K';
SELECT is(add_working_days('2024-01-12', 1, 'KZ') || ' ' || add_working_days('2024-01-12', 1),
          '2024-01-15 2024-01-13',
  'R50.3: with the setting K, the argument KZ still counts in KZ and no argument in K');
RESET instruction_control.calendar;

-- A change of the calendar data empties the copy: the next call counts in the new data.
SELECT is(is_working_day('2024-01-15', 'KZ'), true, 'Monday 2024-01-15 works in KZ');
INSERT INTO calendar_day (calendar, day, kind, name, basis)
VALUES ('KZ', '2024-01-15', 'holiday', 'test holiday', 'test');
SELECT is(add_working_days('2024-01-12', 1, 'KZ') || ' ' || add_working_days('2024-01-12', 1),
          '2024-01-16 2024-01-16',
  'R50.3: after a new holiday the argument KZ and the default both skip it');
SELECT throws_ok($$SELECT add_working_days('2099-01-01', 1, 'KZ')$$, 'IC002', NULL,
  'R50.3: a date outside the default calendar named by the argument is still IC002');

SELECT * FROM finish();
ROLLBACK;
