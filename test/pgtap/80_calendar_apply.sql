-- A calendar change applied through the journal (issue 20, item 4): the counted dates it moves are
-- journaled as decisions calendar_change with the act as basis (R50.3), not as extensions (R69.1,
-- R72), by the calendar's keeper only (ic_admin); events deadline_moved tell the executors; applying
-- twice moves nothing; confirming a forecast holiday (Kurban Ait) is the same operation.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';
SET instruction_control.typed_basis = on;    -- R69.1 typed evidence: a calendar change asks none
\ir include/helpers.psql
SELECT plan(41);

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('CA_MIN', 'Ministry of days', 'central'),
                                                      ('CA_MIN2', 'Ministry of nights', 'central');
SELECT id AS m FROM state_body WHERE code = 'CA_MIN' \gset
SELECT id AS m2 FROM state_body WHERE code = 'CA_MIN2' \gset
-- due Mon 15 Sep 2025: 10 working days from Mon 1 Sep (R50.3)
SELECT (put_on_control('act_point', 'central', '2025-09-01', term => '10 wd', responsible_body_id => :m)).id AS counted \gset
-- the same at PA level, with what R4.5 asks of a PA point
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', responsible_body_id => :m,
                       pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS pa \gset
-- the same, extended: its due date is a decision's date, not a count
SELECT (put_on_control('act_point', 'central', '2025-09-01', term => '10 wd', responsible_body_id => :m)).id AS extended \gset
SELECT extend_deadline(:extended, '2025-10-15', 'first_head', 'letter', decided_on => '2025-09-03',
                       evidence => '{body_agreement}');
-- a year, two bodies, new approaches: a roadmap is due 10 working days from receipt (R56)
SELECT (put_on_control('act_point', 'central', '2025-09-01', term => '12 months', responsible_body_id => :m,
                       co_executor_ids => ARRAY[:m2], new_approaches => true)).id AS roadmapped \gset
-- due 8 months on, Sun 16 May 2027 (Kurban Ait estimated), rolled to Mon 17 May
SELECT (put_on_control('act_point', 'central', '2026-09-16', term => '8 months', responsible_body_id => :m)).id AS kurban \gset
-- a draft instruction received Mon 8 Sep 2025: reviewed by Thu 11 Sep (R33)
SELECT (receive_draft('instruction_draft', :m, 'first_head', '2025-09-08')).id AS draft \gset
CREATE ROLE k_cal_admin LOGIN IN ROLE ic_admin;
CREATE ROLE k_cal_controller LOGIN IN ROLE ic_controller;
\o

-- refused: a controller does not keep the calendar
SET ROLE k_cal_controller;
SELECT throws_ok($$SELECT * FROM apply_calendar_change('KZ', '2025-09-20', '2025-09-10', 'Order No. 1')$$, '42501', NULL,
                 'R50.3: a controller may not apply a calendar change');
SELECT throws_ok(format($$INSERT INTO decision (instruction_id, kind, basis) VALUES (%s, 'calendar_change', 'Order No. 1')$$, :counted),
                 'IC101', NULL, 'R50.3: a controller may not journal a calendar change directly either');
RESET ROLE;

-- allowed: the calendar's keeper applies the transfer (Wed 10 Sep 2025 off, Sat 20 Sep worked)
SET ROLE k_cal_admin;
CREATE TEMP TABLE moved AS
SELECT * FROM apply_calendar_change('KZ', '2025-09-20', '2025-09-10', 'Order No. 1 of the Minister of Labour');
SELECT results_eq($$SELECT object, object_id, what, old_date, new_date, days_moved FROM moved ORDER BY 1, 2, 3$$,
  format($$VALUES ('draft', %s::bigint, 'review_due', '2025-09-11'::date, '2025-09-12'::date, 1),
                  ('instruction', %s, 'due_date', '2025-09-15', '2025-09-16', 1),
                  ('instruction', %s, 'due_date', '2025-09-15', '2025-09-16', 1),
                  ('instruction', %s, 'roadmap_due_date', '2025-09-15', '2025-09-16', 1)$$,
         :draft, :counted, :pa, :roadmapped),
  'R50.3, R56, R33: the counted due dates, the roadmap due and the draft''s review move; the extended date does not');
SELECT is((SELECT due_date FROM instruction WHERE id = :counted), '2025-09-16'::date, 'R50.3: the stored due date moved');
SELECT is((SELECT roadmap_due_date FROM instruction WHERE id = :roadmapped), '2025-09-16'::date, 'R56: the stored roadmap due date moved');
SELECT is((SELECT due_date FROM instruction WHERE id = :extended), '2025-10-15'::date, 'R69.1: a date an extension set stays');
SELECT is((SELECT count(*)::int FROM decision WHERE kind = 'calendar_change'), 3, 'one journal decision per instruction moved');
SELECT is((SELECT (decided_by, basis, old_due_date, new_due_date, repeated)::text FROM decision
            WHERE kind = 'calendar_change' AND instruction_id = :counted),
          '(,"Order No. 1 of the Minister of Labour",2025-09-15,2025-09-16,f)',
          'R50.3: the decision names no position and rests on the act');
SELECT is((SELECT evidence FROM decision WHERE kind = 'calendar_change' AND instruction_id = :pa), '{}'::evidence_kind[],
          'R69.1: with typed_basis on, a calendar change needs no evidence kind');
SELECT is((SELECT (extensions, decision_count, regime)::text FROM instruction WHERE id = :counted), '(0,1,regular)',
          'R69.1: a calendar change is no extension (extensions stays 0)');
SELECT is((SELECT moved.decision_id FROM moved WHERE object_id = :counted AND object = 'instruction'),
          (SELECT id FROM decision WHERE kind = 'calendar_change' AND instruction_id = :counted),
          'the result names the decision that moved the date');
SELECT is((SELECT count(*)::int FROM moved WHERE object = 'draft' AND decision_id IS NULL), 1,
          'R33: a draft''s review deadline is counted live: listed, not journaled');

-- the events tell the executors
SELECT results_eq(format($$SELECT instruction_id, kind::text, period, addressee::text, rule_id, detail->>'old_due_date',
                                  detail->>'new_roadmap_due_date'
                             FROM event WHERE kind = 'deadline_moved' AND draft_id IS NULL ORDER BY instruction_id$$),
  format($$VALUES (%s::bigint, 'deadline_moved', '2025-09-16'::date, 'executor', 'R50.3', '2025-09-15', NULL::text),
                  (%s, 'deadline_moved', '2025-09-16', 'executor', 'R50.3', '2025-09-15', NULL),
                  (%s, 'deadline_moved', '2025-09-16', 'executor', 'R50.3', NULL, '2025-09-16')$$,
         :counted, :pa, :roadmapped),
  'R50.3: an event deadline_moved to the executor for each instruction moved, with the dates');
SELECT is((SELECT label('event_kind', 'deadline_moved', 'ru')), 'Срок перенесён в связи с изменением календаря',
          'the event kind has its labels');
SELECT is((SELECT label('decision_kind', 'calendar_change', 'kk')), 'Күнтізбенің өзгеруіне байланысты мерзімнің ауысуы',
          'the decision kind has its labels');
SELECT is((SELECT count(*)::int FROM calendar_stale_date), 0, 'after applying no stored date is stale');

-- applying twice changes nothing the second time
SELECT is((SELECT count(*)::int FROM apply_calendar_change('KZ', '2025-09-20', '2025-09-10', 'Order No. 1 of the Minister of Labour')),
          0, 'applying the same transfer again moves nothing');
SELECT is((SELECT count(*)::int FROM apply_calendar_change('KZ', 'Order No. 1 of the Minister of Labour')), 0,
          'applying the calendar as it is moves nothing');
SELECT is((SELECT count(*)::int FROM decision WHERE kind = 'calendar_change'), 3, 'no decision journaled twice');
SELECT is((SELECT count(*)::int FROM event WHERE kind = 'deadline_moved'), 4,
          'no event written twice (three instructions, one draft: 84_calendar_apply_drafts.sql)');

-- the journal refuses what is no calendar change
SELECT throws_ok(format($$INSERT INTO decision (instruction_id, kind, basis) VALUES (%s, 'calendar_change', 'Order No. 1')$$, :counted),
                 'IC108', NULL, 'R50.3: a calendar change that moves nothing is refused');
SELECT throws_ok(format($$INSERT INTO decision (instruction_id, kind, basis) VALUES (%s, 'calendar_change', 'Order No. 1')$$, :extended),
                 'IC108', NULL, 'R50.3: a date an extension fixed is not the calendar''s to move');
SELECT throws_ok(format($$INSERT INTO decision (instruction_id, kind, basis, decided_by) VALUES (%s, 'calendar_change', 'Order', 'president')$$, :counted),
                 'IC101', NULL, 'R50.3: a calendar change is no decision of a position');
SELECT throws_ok($$SELECT * FROM apply_calendar_change('KZ', ' ')$$, 'IC003', NULL, 'R50.3: a calendar change names its act');
SELECT throws_ok($$SELECT * FROM apply_calendar_change('XX', 'Order')$$, 'IC001', NULL, 'an unknown calendar is refused');
SELECT throws_ok(format($$SELECT record_decisions(ARRAY[jsonb_populate_record(NULL::decision,
                          jsonb_build_object('instruction_id', %s, 'kind', 'calendar_change', 'basis', 'Order', 'evidence', '{}', 'imported', false))])$$, :counted),
                 'IC111', NULL, 'a calendar change is applied to every date at once, not in a batch of decisions');

-- a second change moves a date the first one moved: it is still counted
\o /dev/null
SELECT * FROM apply_calendar_change('KZ', '2025-09-27', '2025-09-11', 'Order No. 2 of the Minister of Labour');
\o
SELECT is((SELECT due_date FROM instruction WHERE id = :counted), '2025-09-17'::date,
          'R50.3: a second calendar change moves the date the first one wrote');
SELECT is((SELECT (extensions, decision_count)::text FROM instruction WHERE id = :counted), '(0,2)',
          'R69.1: two calendar changes are still no extension');

-- after calendar changes, the first extension is the first (R69.1), not a repeated one (R72)
SELECT is((SELECT (kind, repeated)::text FROM extend_deadline(:counted, '2025-10-31', 'first_head', 'letter',
                                                              evidence => '{body_agreement}')),
          '(extension,f)', 'R69.1, R72: an extension after calendar changes is the first, no disciplinary review asked');
SELECT is((SELECT extensions FROM instruction WHERE id = :counted), 1, 'R69.1: the count of extensions is 1');
SELECT is((SELECT count(*)::int FROM calendar_counted_dates('KZ') WHERE object_id = :counted AND object = 'instruction'), 0,
          'after an extension the date is no longer counted');

-- confirming a forecast year: Kurban Ait 2027 announced for Mon 17 May (estimated Sun 16 May)
SELECT is((SELECT due_date FROM instruction WHERE id = :kurban), '2027-05-17'::date, 'due date counted on the forecast year');
CREATE TEMP TABLE kurban_moved AS
SELECT * FROM apply_holiday_date('KZ', '2027-05-16', '2027-05-17', 'Announcement of the Spiritual Administration of Muslims');
SELECT is((SELECT (old_date, new_date)::text FROM kurban_moved WHERE object_id = :kurban AND what = 'due_date'),
          '(2027-05-17,2027-05-18)', 'R50.3: the announced holiday moves the counted due date');
SELECT is((SELECT (kind, name)::text FROM calendar_day WHERE calendar = 'KZ' AND day = '2027-05-17'), '(holiday,"Kurban Ait (day 1)")',
          'the holiday is on the announced day, no longer an estimate');
SELECT is(is_working_day('2027-05-16', 'KZ'), false, 'the estimated day, a Sunday, stays a day off');
SELECT is((SELECT count(*)::int FROM event WHERE kind = 'deadline_moved' AND instruction_id = :kurban AND period = '2027-05-18'), 1,
          'the executor is told');
SELECT is((SELECT count(*)::int FROM apply_holiday_date('KZ', '2027-05-16', '2027-05-17', 'Announcement of the Spiritual Administration of Muslims')),
          0, 'confirming the same day again moves nothing');
SELECT throws_ok($$SELECT * FROM apply_holiday_date('KZ', '2027-05-19', '2027-05-20', 'Announcement')$$, 'IC003', NULL,
                 'a day that is no holiday is not moved');
RESET ROLE;

-- R56 or R59, as the sweep cites a roadmap still missing after the grace
-- period: the calendar change above moved an R56 roadmap's day (a decision
-- calendar_change with roadmap_due_date), which is no transfer; a transfer to
-- long-term control sets an R59 roadmap's day
\o /dev/null
SELECT (put_on_control('act_point', 'central', '2025-09-01', term => '12 months', responsible_body_id => :m)).id AS long_term \gset
SELECT transfer_control(:long_term, 'long_term', '2027-12-31', 'first_head', 'c', 'effect on strategic indicators',
                        decided_on => '2025-09-05', evidence => '{body_agreement}');
\o
SELECT is((SELECT f.rule_id FROM sweep_found_current('2025-10-15', '2025-11-15', '{}', true, 100, 0) f
            WHERE f.instruction_id = :roadmapped AND f.kind = 'roadmap_not_approved'),
          'R56', 'R56, R50.3: a roadmap whose day a calendar change moved is escalated as R56''s, not as a transfer''s (R59)');
SELECT is((SELECT f.rule_id FROM sweep_found_current('2025-10-15', '2025-11-15', '{}', true, 100, 0) f
            WHERE f.instruction_id = :long_term AND f.kind = 'roadmap_not_approved'),
          'R59', 'R59: a roadmap a transfer to long-term control asked for is escalated as R59''s');
-- R50.3: a deadline the calendar moved past the day clears its overdue mark, cited by the calendar change
-- (the PA point: due 15 Sep, moved to 16 and then to 17 Sep by the two changes above)
INSERT INTO overdue_mark (instruction_id, due_date, marked_on) VALUES (:pa, '2025-09-15', '2025-09-16');
SELECT is((SELECT f.rule_id FROM sweep_found_current(current_date, current_date + 30, '{}', true, 100, 0) f
            WHERE f.instruction_id = :pa AND f.kind = 'overdue_cleared'),
          'R50.3', 'R50.3: an overdue mark the calendar change cleared is cited by R50.3, not as an extension (R69.1)');

SELECT * FROM finish();
ROLLBACK;
