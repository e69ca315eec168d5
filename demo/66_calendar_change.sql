-- A calendar change with its consequences (issue 20, item 4): before the
-- Minister's transfer of a day off is entered, the preview lists the
-- deadlines counted across it that would move; applying it moves the stored
-- ones through the journal (decisions calendar_change, R50.3: not an
-- extension), and the events deadline_moved tell the executors (and the
-- reviewing PA unit of each draft whose review deadline moved), from -> to.
-- Applying it again moves nothing.  (A made-up transfer in the demo's throwaway database.)
\set ON_ERROR_STOP 1
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';

\echo '-- a draft instruction received Mon 23 Jun (reviewed in 3 working days, R33) and a year-long point with a roadmap due (R56)'
SELECT (receive_draft('instruction_draft', b.id, 'first_head', '2025-06-23')).id AS draft_id
  FROM state_body b WHERE b.body_type = 'central' ORDER BY b.id LIMIT 1;
SELECT (put_on_control('act_point', 'central', '2025-06-20', term => '12 months', responsible_body_id => b.id,
                       co_executor_ids => ARRAY[b2.id], new_approaches => true)).roadmap_due_date
  FROM (SELECT id FROM state_body WHERE body_type = 'central' ORDER BY id LIMIT 1) b,
       (SELECT id FROM state_body WHERE body_type = 'central' ORDER BY id LIMIT 1 OFFSET 1) b2;

\echo '-- what if Wed 25 Jun 2025 became a day off, worked on Sat 2 Aug'
SELECT object, what, count(*) AS moved, min(old_date) AS first_old, max(new_date) AS last_new,
       min(days_moved) AS min_days, max(days_moved) AS max_days
  FROM calendar_change_preview('KZ', '2025-08-02', '2025-06-25')
 GROUP BY object, what ORDER BY object, what;
SELECT is_working_day('2025-06-25', 'KZ') AS "25 Jun still a working day after the preview";

\echo '-- the transfer applied by the calendar''s keeper: the counted dates move through the journal'
SELECT object, what, count(*) AS moved, count(decision_id) AS journaled, min(old_date) AS first_old,
       min(new_date) AS first_new
  FROM apply_calendar_change('KZ', '2025-08-02', '2025-06-25', 'demo: Order of the Minister of Labour on the transfer of a day off')
 GROUP BY object, what ORDER BY object, what;

\echo '-- the journal: decisions of their own kind, not extensions (R69.1 counts none)'
SELECT d.instruction_id, label('decision_kind', d.kind, 'kk') AS kind_kk, d.decided_by, d.old_due_date,
       d.new_due_date, d.old_roadmap_due_date, d.roadmap_due_date, i.extensions
  FROM decision d JOIN instruction i ON i.id = d.instruction_id
 WHERE d.kind = 'calendar_change' ORDER BY d.instruction_id LIMIT 5;

\echo '-- the events to the executors and, for the drafts, to the reviewing PA unit (outbox): from -> to'
SELECT e.instruction_id, e.draft_id, e.kind, e.period, e.addressee, e.rule_id,
       coalesce(e.detail->>'old_due_date', e.detail->>'old_roadmap_due_date', e.detail->>'old_review_due') AS moved_from,
       coalesce(e.detail->>'new_due_date', e.detail->>'new_roadmap_due_date', e.detail->>'new_review_due') AS moved_to
  FROM event e WHERE e.kind = 'deadline_moved' ORDER BY e.draft_id NULLS FIRST, e.instruction_id LIMIT 8;

\echo '-- nothing is stale now, and applying again moves nothing'
SELECT (SELECT count(*) FROM calendar_stale_date) AS stale_dates,
       (SELECT count(*) FROM apply_calendar_change('KZ', 'demo: Order of the Minister of Labour on the transfer of a day off')) AS moved_again;
