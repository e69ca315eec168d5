-- Calendar: only the extension's script marks rows seeded (seeded rows are left out of dumps),
-- so an administrator's row is dumped however it is written.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SELECT plan(5);

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

SELECT * FROM finish();
ROLLBACK;
