-- A calendar change's loose ends (issue 20, item 4): a draft whose review deadline the change moved
-- gets an event deadline_moved to the reviewing PA unit (R20, R33; event.draft_id), once; the
-- decision keeps the roadmap due date it moved from (decision.old_roadmap_due_date) and the
-- executor's event names from and to (R50.3, R56); a repeated extension's measures report date
-- (R72.4: one calendar month, fixed when journaled) does not move; an imported calendar_change is
-- history and writes no event.  Played as a LOGIN role holding only ic_admin, refused to a
-- controller.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';
SELECT plan(14);

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('K2_MIN', 'Ministry of moved days', 'central'),
                                                      ('K2_MIN2', 'Ministry of moved nights', 'central');
SELECT id AS m FROM state_body WHERE code = 'K2_MIN' \gset
SELECT id AS m2 FROM state_body WHERE code = 'K2_MIN2' \gset
-- a year, two bodies, new approaches: a roadmap is due Mon 15 Sep 2025, 10 working days from Mon 1 Sep (R56)
SELECT (put_on_control('act_point', 'central', '2025-09-01', term => '12 months', responsible_body_id => :m,
                       co_executor_ids => ARRAY[:m2], new_approaches => true)).id AS roadmapped \gset
-- a planning act's draft received Mon 1 Sep: reviewed by Mon 15 Sep (R20, 10 working days)
SELECT (receive_draft('planning_act', :m, 'first_head', '2025-09-01')).id AS plan_draft \gset
-- a draft instruction received Mon 8 Sep: reviewed by Thu 11 Sep (R33, 3 working days)
SELECT (receive_draft('instruction_draft', :m, 'first_head', '2025-09-08')).id AS instr_draft \gset
-- a draft agreed already: its review is over, nothing of it moves
SELECT (receive_draft('instruction_draft', :m, 'first_head', '2025-09-08')).id AS agreed_draft \gset
SELECT agree_draft(:agreed_draft, '2025-09-09', true, true, true, true, true, true, true);
-- a PA point extended twice: the repeated extension asks the measures taken within one month (R72.4)
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', responsible_body_id => :m,
                       pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS twice \gset
SELECT extend_deadline(:twice, '2025-11-14', 'head_of_pa', 'conclusion 1', decided_on => '2025-09-02',
                       evidence => '{pa_expert_conclusion}');
SELECT extend_deadline(:twice, '2025-12-15', 'head_of_pa', 'conclusion 2', 'disciplinary review opened',
                       decided_on => '2025-09-03', evidence => '{pa_expert_conclusion}');
SELECT measures_due_date AS measures FROM decision WHERE instruction_id = :twice AND repeated \gset
-- history: an instruction and a calendar change imported as they were recorded
SELECT (import_instruction('act_point', 'central', '2019-03-01', '2019-03-15', external_ref => 'K2-IMP')).id AS imp \gset
CREATE ROLE k2_cal_admin LOGIN IN ROLE ic_admin;
CREATE ROLE k2_cal_controller LOGIN IN ROLE ic_controller;
\o

-- refused: a controller writes no draft's event (the definer is the calendar keeper's)
SET ROLE k2_cal_controller;
SELECT throws_ok(format($$SELECT calendar_change_draft_events('KZ', '[]', 'Order No. 1', '2025-09-05')$$),
                 '42501', NULL, 'R20, R33: a controller may not write a draft''s deadline_moved event');
RESET ROLE;

-- allowed: the calendar's keeper applies the transfer (Wed 10 Sep 2025 off, Sat 20 Sep worked)
SET ROLE k2_cal_admin;
CREATE TEMP TABLE moved AS
SELECT * FROM apply_calendar_change('KZ', '2025-09-20', '2025-09-10', 'Order No. 1 of the Minister of Labour',
                                    '2025-09-05');
SELECT results_eq(
  format($$SELECT draft_id, instruction_id, period, addressee::text, rule_id, due_date, as_of,
                  detail->>'old_review_due', detail->>'new_review_due', detail->>'basis'
             FROM event WHERE kind = 'deadline_moved' AND draft_id IS NOT NULL ORDER BY draft_id$$),
  format($$VALUES (%s::bigint, NULL::bigint, '2025-09-16'::date, 'controller', 'R20', '2025-09-16'::date, '2025-09-05'::date,
                   '2025-09-15', '2025-09-16', 'Order No. 1 of the Minister of Labour'),
                  (%s, NULL, '2025-09-12', 'controller', 'R33', '2025-09-12', '2025-09-05',
                   '2025-09-11', '2025-09-12', 'Order No. 1 of the Minister of Labour')$$, :plan_draft, :instr_draft),
  'R20, R33: one event deadline_moved per draft whose review deadline moved, to the reviewing PA unit, from and to');
SELECT is((SELECT count(*)::int FROM event WHERE draft_id = :agreed_draft), 0,
          'R33: an agreed draft''s review is over: no event');
SELECT is((SELECT count(*)::int FROM moved WHERE object = 'draft'), 2,
          'R20, R33: the drafts that moved are still listed (decision_id NULL)');

-- the roadmap's date from -> to, in the journal and in the event
SELECT is((SELECT (old_roadmap_due_date, roadmap_due_date)::text FROM decision
            WHERE kind = 'calendar_change' AND instruction_id = :roadmapped),
          '(2025-09-15,2025-09-16)', 'R56, R50.3: the decision keeps the roadmap due date it moved from');
SELECT is((SELECT detail->>'old_roadmap_due_date' || ' -> ' || (detail->>'new_roadmap_due_date') FROM event
            WHERE kind = 'deadline_moved' AND instruction_id = :roadmapped),
          '2025-09-15 -> 2025-09-16', 'R56, R50.3: the executor''s event names the roadmap date from and to');
SELECT is((SELECT count(*)::int FROM decision WHERE old_roadmap_due_date IS NOT NULL AND kind <> 'calendar_change'), 0,
          'the journal sets old_roadmap_due_date for a calendar change only');
SELECT throws_ok(format($$INSERT INTO event (draft_id, kind, period, addressee, rule_id, as_of)
                          VALUES (%s, 'deadline_moved', '2025-09-30', 'controller', 'R33', '2025-09-05')$$, :instr_draft),
                 '42501', NULL, 'the keeper writes no event by hand: only the definer does');

-- applying again writes nothing twice
SELECT is((SELECT count(*)::int FROM apply_calendar_change('KZ', '2025-09-20', '2025-09-10',
                                                           'Order No. 1 of the Minister of Labour', '2025-09-05')),
          0, 'applying the same transfer again moves nothing');
SELECT is((SELECT count(*)::int FROM event WHERE kind = 'deadline_moved' AND draft_id IS NOT NULL), 2,
          'R20, R33: no draft''s event written twice');

-- R72.4: the measures report date is one calendar month from the repeated extension, fixed when
-- journaled; a transfer that makes that day a day off does not move it
SELECT is((SELECT count(*)::int FROM apply_calendar_change('KZ', '2025-10-25', :'measures', 'Order No. 2', '2025-09-20')
            WHERE object_id = :twice), 0,
          'R72.4: a day off on the measures report date moves no decision of the twice-extended point');
SELECT is((SELECT measures_due_date FROM decision WHERE instruction_id = :twice AND repeated), :'measures'::date,
          'R72.4: the measures report date is a fixed date, not a count of working days');

-- an imported calendar change is history: it writes no event
SELECT lives_ok(format($$SELECT import_decision(%s, 'calendar_change', '2019-03-12', new_due => '2019-03-18',
                                                 basis => 'Order of 2019')$$, :imp),
                'R50.3: a calendar change of the past is imported as it was recorded');
SELECT is((SELECT count(*)::int FROM event WHERE instruction_id = :imp), 0,
          'R50.3: an imported calendar change writes no deadline_moved event (imports are history)');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
