-- Calendar administration: only the extension's script marks rows seeded (seeded rows are left out
-- of dumps), so an administrator's row is dumped however it is written; a change names its basis.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SELECT plan(7);

SELECT ok((SELECT bool_and(seeded) FROM calendar_day WHERE calendar = 'KZ' AND day BETWEEN '2025-01-01' AND '2025-12-31'),
  'the script''s own days are seeded');
SELECT is((SELECT seeded FROM calendar_year WHERE calendar = 'KZ' AND year = 2076), NULL, 'no year 2076 yet');
INSERT INTO calendar_year (calendar, year, status, basis, seeded) VALUES ('KZ', 2076, 'generated', 'an administrator''s', true);
SELECT is((SELECT seeded FROM calendar_year WHERE calendar = 'KZ' AND year = 2076), false,
  'an administrator''s row marked seeded is the administrator''s (kept by pg_dump)');
UPDATE calendar_year SET seeded = true WHERE calendar = 'KZ' AND year = 2076;
SELECT is((SELECT seeded FROM calendar_year WHERE calendar = 'KZ' AND year = 2076), false,
  'and an UPDATE cannot mark it seeded either');
UPDATE calendar_day SET kind = kind, seeded = true WHERE calendar = 'KZ' AND day = '2025-03-08';
SELECT is((SELECT seeded FROM calendar_day WHERE calendar = 'KZ' AND day = '2025-03-08'), false,
  'a seeded row an administrator touches becomes the administrator''s');

-- a change of the calendar names its basis: white space (U+00A0 too) is none
SELECT throws_ok($$SELECT add_transfer('KZ', '2026-12-26', '2026-12-28', E'\u00a0 \t')$$, 'IC003',
  'a change of the calendar needs its basis, the decree that makes it', 'a transfer without its decree is refused');
SELECT throws_ok($$SELECT confirm_calendar_year('KZ', 2027, '')$$, 'IC003',
  'a change of the calendar needs its basis, the decree that makes it', 'a year is not confirmed without its decree');

SELECT * FROM finish();
ROLLBACK;
