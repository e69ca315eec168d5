-- Calendar changes and their consequences, the preview (issue 20, item 4): which counted deadlines a
-- new transfer of a day off would move (R50.3, R51, R56, R20, R33), and that the preview changes nothing.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
\ir include/helpers.psql
SELECT plan(12);

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('CC_MIN', 'Ministry of days', 'central');
SELECT id AS m FROM state_body WHERE code = 'CC_MIN' \gset
-- due Mon 15 Sep 2025: 10 working days from Mon 1 Sep (R50.3)
SELECT (put_on_control('act_point', 'central', '2025-09-01', term => '10 wd', responsible_body_id => :m)).id AS counted \gset
-- the same, then extended: its due date is a decision's date, not a count
SELECT (put_on_control('act_point', 'central', '2025-09-01', term => '10 wd', responsible_body_id => :m)).id AS extended \gset
SELECT extend_deadline(:extended, '2025-10-15', (SELECT decider FROM who_may_decide(:extended, 'extension') LIMIT 1),
                       'letter', decided_on => '2025-09-03', evidence => '{pa_expert_conclusion}');
-- a draft instruction received Mon 8 Sep: reviewed by Thu 11 Sep (R33)
SELECT (receive_draft('instruction_draft', :m, 'first_head', '2025-09-08')).id AS draft \gset
\o

SELECT is((SELECT due_date FROM instruction WHERE id = :counted), '2025-09-15'::date, 'R50.3: counted due date before');
-- what if Wed 10 Sep 2025 became a day off, worked on Sat 20 Sep
SELECT is((SELECT (old_date, new_date, days_moved)::text FROM calendar_change_preview('KZ', '2025-09-20', '2025-09-10')
            WHERE object = 'instruction' AND object_id = :counted AND what = 'due_date'),
          '(2025-09-15,2025-09-16,1)', 'R50.3: a counted due date across the new day off moves a day later');
SELECT is((SELECT count(*)::int FROM calendar_change_preview('KZ', '2025-09-20', '2025-09-10') WHERE object_id = :extended
            AND object = 'instruction'), 0,
          'R69.1: a due date a decision set is a date, not a count: it does not move');
SELECT is((SELECT (old_date, new_date)::text FROM calendar_change_preview('KZ', '2025-09-20', '2025-09-10')
            WHERE object = 'draft' AND object_id = :draft),
          '(2025-09-11,2025-09-12)', 'R33: a draft''s review deadline moves too');
SELECT is((SELECT count(*)::int FROM calendar_change_preview('KZ', '2025-09-27', '2025-09-26')), 0,
          'a transfer after every counted deadline moves nothing');

-- the preview changed nothing
SELECT is(is_working_day('2025-09-10', 'KZ'), true, 'the preview leaves the calendar as it was (the cache too)');
SELECT is((SELECT count(*)::int FROM calendar_day WHERE calendar = 'KZ' AND day IN ('2025-09-10', '2025-09-20')), 0,
          'the preview leaves no row in calendar_day');
SELECT is(add_working_days('2025-09-01', 10, 'KZ'), '2025-09-15'::date, 'working days count as before the preview');

SELECT throws_ok($$SELECT * FROM calendar_change_preview('KZ', '2025-09-10', '2025-09-11')$$, 'IC003', NULL,
                 'a transfer add_transfer refuses (the day is already a working day) is refused by the preview');
SELECT throws_ok($$SELECT * FROM calendar_change_preview('XX', '2025-09-20', '2025-09-10')$$, 'IC001', NULL,
                 'an unknown calendar is refused');

-- the change applied: the stored due date is now stale, and calendar_stale_date says so
SELECT is((SELECT count(*)::int FROM calendar_stale_date), 0, 'before the change no stored date is stale');
\o /dev/null
SELECT add_transfer('KZ', '2025-09-20', '2025-09-10', 'test: a transfer added late');
\o
SELECT is((SELECT (stored_date, counted_date)::text FROM calendar_stale_date WHERE object_id = :counted AND what = 'due_date'),
          '(2025-09-15,2025-09-16)', 'after the transfer calendar_stale_date lists the due date counted across it');

SELECT * FROM finish();
ROLLBACK;
