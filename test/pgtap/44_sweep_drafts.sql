-- The sweep covers drafts' review deadlines (issue 20, item 1): a draft instruction's 3 working
-- days (R33), a planning act's 10 (R20) and a refinement's 5 (R21) raise draft_reminder,
-- draft_overdue and draft_escalation in the outbox (event.draft_id, instruction_id empty), once
-- each; an agreed draft raises nothing more and its overdue event is cleared
-- (draft_overdue_cleared); report_open_draft shows the deadlines to the dashboards, a body's reader
-- seeing only the drafts it submitted.  The sweeps run as a role holding ic_admin only.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
\ir include/helpers.psql
SELECT plan(30);

CREATE ROLE swd_admin IN ROLE ic_admin;
-- k working days from today, counted from the latest working day on or before
-- it: the suite holds on a day off too (the sweep runs every day; on a Saturday
-- a deadline is as late as on the Friday, and w(0) is the Friday)
CREATE FUNCTION pg_temp.w(k integer) RETURNS date LANGUAGE sql AS
  $$ SELECT instruction_control.add_working_days(instruction_control.roll_backward(current_date, 'KZ'), k, 'KZ') $$;
-- the events of a draft, as kind/period/addressee/rule
CREATE FUNCTION pg_temp.ev(d bigint) RETURNS text LANGUAGE sql AS
  $$ SELECT coalesce(string_agg(e.kind || '/' || e.period || '/' || e.addressee || '/' || e.rule_id, ' '
                                ORDER BY e.kind, e.period), '')
       FROM instruction_control.event e WHERE e.draft_id = d $$;
SELECT pg_temp.w(-3) AS lo \gset

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('SWD_1', 'Ministry of drafts', 'central'),
  ('SWD_2', 'Another ministry', 'central');
SELECT id AS b1 FROM state_body WHERE code = 'SWD_1' \gset
SELECT id AS b2 FROM state_body WHERE code = 'SWD_2' \gset
-- R33: received two working days ago, due tomorrow (3 working days): a reminder today
SELECT (receive_draft('instruction_draft', :b1, 'first_head', pg_temp.w(-2), title => 'Reminded')).id AS d_rem \gset
-- R20: received 11 working days ago, due yesterday (10): overdue, not yet escalated
SELECT (receive_draft('planning_act', :b1, 'first_head', pg_temp.w(-11), title => 'Late plan')).id AS d_late \gset
-- R33: due 6 working days ago: overdue and escalated to the Head of the PA (grace 5 at level pa)
SELECT (receive_draft('instruction_draft', :b2, 'first_head', pg_temp.w(-9), title => 'Escalated')).id AS d_esc \gset
-- R21: an act (no review term) refined 8 working days ago for 5: overdue since 3 working days
SELECT (receive_draft('act', :b1, 'first_head', pg_temp.w(-20), title => 'Refined')).id AS d_ref \gset
SELECT refine_draft(:d_ref, 'objections of the unit', pg_temp.w(-8));
-- R33: agreed within its 3 working days: nothing to say
SELECT (receive_draft('instruction_draft', :b1, 'first_head', pg_temp.w(-10), title => 'In time')).id AS d_ok \gset
SELECT agree_draft(:d_ok, pg_temp.w(-8), true, true, true, true, true, true, true);
-- R33: due 5 working days ago, overdue at lo; agreed today
SELECT (receive_draft('instruction_draft', :b2, 'first_head', pg_temp.w(-8), title => 'Cleared')).id AS d_clr \gset
\o

-- lo's sweep (a replay of lo): the late draft that is agreed today was overdue then
SET ROLE swd_admin;
CALL sweep(:'lo');
RESET ROLE;
SELECT is(pg_temp.ev(:d_clr), format('draft_overdue/%s/controller/R33', pg_temp.w(-5)),
  'R33: a draft instruction not agreed within 3 working days of receipt is overdue on the day after (lo''s sweep)');
\o /dev/null
SELECT agree_draft(:d_clr, current_date, true, true, true, true, true, true, true);
\o

SET ROLE swd_admin;
CALL sweep();
RESET ROLE;
SELECT is(pg_temp.ev(:d_rem), format('draft_reminder/%s/controller/R33', pg_temp.w(0)),
  'R33: a reminder to the reviewing PA unit (controller) one working day before the review deadline (the reminder days of level pa)');
SELECT is((SELECT (e.instruction_id IS NULL, e.due_date = pg_temp.w(1), e.detail ->> 'working_days_left')::text
             FROM event e WHERE e.draft_id = :d_rem),
          '(t,t,1)', 'R33: a draft''s event names the draft, not an instruction, with its deadline and the working days left');
SELECT is(pg_temp.ev(:d_late), format('draft_overdue/%s/controller/R20 draft_reminder/%s/controller/R20',
                                      pg_temp.w(-1), pg_temp.w(-6)),
  'R20: a planning act''s draft not agreed within 10 working days is overdue, not yet escalated (late 1 < grace 5); lo''s sweep reminded 5 working days before');
SELECT is(pg_temp.ev(:d_esc),
  format('draft_escalation/%1$s/head_of_pa/R33 draft_overdue/%1$s/controller/R33', pg_temp.w(-6)),
  'R33: a draft overdue by the grace of level pa is escalated to the Head of the PA');
SELECT is((SELECT e.detail ->> 'grace_basis' FROM event e WHERE e.draft_id = :d_esc AND e.kind = 'draft_escalation'),
  'registry setting (sweep_setting.escalation_grace_days of level pa), not the decree: R20, R21 and R33 set no escalation',
  'R33: the escalation says its grace is the registry''s own setting');
SELECT is(pg_temp.ev(:d_ref), format('draft_overdue/%s/controller/R21 draft_reminder/%s/controller/R21',
                                     pg_temp.w(-3), pg_temp.w(-4)),
  'R21: a refinement not done within its 5 working days is overdue (an act has no review term); lo''s sweep reminded the day before');
SELECT is(pg_temp.ev(:d_ok), '', 'R33: a draft agreed within its term raises nothing');
SELECT is(pg_temp.ev(:d_clr),
  format('draft_overdue/%1$s/controller/R33 draft_overdue_cleared/%1$s/controller/R33', pg_temp.w(-5)),
  'R33: the overdue event of a draft agreed since is cleared (draft_overdue_cleared)');
SELECT is((SELECT e.detail ->> 'reason' FROM event e WHERE e.draft_id = :d_clr AND e.kind = 'draft_overdue_cleared'),
  'agreed', 'R33: the clearing says why: the draft was agreed');

-- once each: a second sweep of the day adds nothing; an agreed draft raises nothing more
SELECT count(*) AS before_n FROM event WHERE draft_id IS NOT NULL \gset
SET ROLE swd_admin;
CALL sweep(full_scope => true);
RESET ROLE;
SELECT is((SELECT count(*) FROM event WHERE draft_id IS NOT NULL), :before_n::bigint,
  'R20, R33: a draft''s events are raised once per draft, kind and period (event_once)');
\o /dev/null
SELECT agree_draft(:d_esc, current_date, true, true, true, true, true, true, true);
\o
SET ROLE swd_admin;
CALL sweep(full_scope => true);
RESET ROLE;
SELECT is((SELECT string_agg(kind, ',' ORDER BY kind) FROM event WHERE draft_id = :d_esc AND as_of = current_date
             AND sweep_run_id = (SELECT max(id) FROM sweep_run)),
  'draft_overdue_cleared', 'R33: agreeing an escalated draft clears it and raises nothing else');

-- the outbox: one subject per event, consumers read draft events through next_events()
SELECT throws_ok(format($$INSERT INTO event (instruction_id, draft_id, kind, period, addressee, rule_id, as_of)
                          VALUES (1, %s, 'draft_overdue', current_date, 'controller', 'R33', current_date)$$, :d_late),
                 '23514', NULL, 'an event is about an instruction or a draft, not both (event_subject)');
SELECT throws_ok($$INSERT INTO event (kind, period, addressee, rule_id, as_of)
                   VALUES ('draft_overdue', current_date, 'controller', 'R33', current_date)$$,
                 '23514', NULL, 'an event is about an instruction or a draft, never neither (event_subject)');
SELECT throws_ok(format($$INSERT INTO event (draft_id, kind, period, addressee, rule_id, as_of)
                          VALUES (%s, 'draft_overdue', %L, 'controller', 'R20', current_date)$$, :d_late, pg_temp.w(-1)),
                 '23505', NULL, 'a draft''s event is unique per draft, kind and period (event_once, NULLS NOT DISTINCT)');
SELECT ok((SELECT count(*) FROM next_events(1000) n WHERE n.draft_id = :d_esc) > 0,
  'the integrator''s next_events() returns the drafts'' events with their draft_id');
SELECT is((SELECT (kind_ru, addressee, instruction_id IS NULL)::text FROM open_event
            WHERE draft_id = :d_late AND kind = 'draft_overdue'),
  '("Срок рассмотрения проекта нарушен",controller,t)', 'open_event lists a draft''s event with its kk/ru label');

-- report_open_draft: the dashboards' view of the deadlines
SELECT is((SELECT (review_rule, review_due = pg_temp.w(1), review_days_left, overdue)::text
             FROM report_open_draft WHERE draft_id = :d_rem),
  '(R33,t,1,f)', 'R33: report_open_draft shows the review deadline and the working days left');
SELECT is((SELECT (review_rule, review_overdue_days, overdue)::text FROM report_open_draft WHERE draft_id = :d_late),
  '(R20,1,t)', 'R20: report_open_draft shows an overdue review in working days');
SELECT is((SELECT (review_rule, refinement_due = pg_temp.w(-3), refinement_overdue_days, overdue, status_ru)::text
             FROM report_open_draft WHERE draft_id = :d_ref),
  '(,t,3,t,Доработка)', 'R21: report_open_draft shows the refinement in course and how late it is, with the status in Russian');
SELECT is((SELECT (review_due, overdue, missing_visa IS NOT NULL)::text FROM report_open_draft WHERE draft_id = :d_esc),
  '(,f,t)', 'R24, R33: an agreed draft has no review deadline left and shows the first visa it still needs');
SELECT is((SELECT count(*)::int FROM report_open_draft o JOIN draft_state s USING (draft_id)
            WHERE s.review_overdue IS DISTINCT FROM (o.review_overdue_days IS NOT NULL)), 0,
  'R20, R33: report_open_draft''s overdue reviews are draft_state''s');

-- Which drafts a sweep reads (issue 19): not every draft ever received (40,000
-- of ten years made a sweep that changes nothing 5 times dearer), but every
-- one whose deadlines can raise or clear an event on the day swept.
-- Generated: a draft of each kind for every sequence of up to three steps
-- (refinement, agreed, returned, visa; withdrawn only last), a step every 4
-- days from receipt 30 days ago, and an overdue event on each (cleared for
-- every other one).  For each day of those 30, sweep_draft_state() against the
-- whole fold of every draft, as the sweep read them before (pg_temp.fold)
SET LOCAL session_replication_role = replica;
WITH steps(s) AS (VALUES ('refinement'), ('agreed'), ('returned'), ('visa'), ('withdrawn')),
seqs AS (
  SELECT ARRAY[]::text[] AS seq
  UNION ALL SELECT ARRAY[a.s] FROM steps a
  UNION ALL SELECT ARRAY[a.s, b.s] FROM steps a, steps b WHERE a.s <> 'withdrawn'
  UNION ALL SELECT ARRAY[a.s, b.s, c.s] FROM steps a, steps b, steps c WHERE 'withdrawn' NOT IN (a.s, b.s)
),
drafts AS (
  INSERT INTO draft (kind, submitted_by_body_id, signatory, received_on, title)
  SELECT k, :b1, 'first_head', current_date - 30, 'steps:' || array_to_string(q.seq, ',')
    FROM seqs q, unnest(ARRAY['planning_act', 'act', 'instruction_draft']) k
  RETURNING id, title
),
overdue AS (
  INSERT INTO event (draft_id, kind, period, addressee, rule_id, as_of)
  SELECT d.id, x.kind, current_date - 29, 'controller', 'R33', current_date - x.after
    FROM drafts d, (VALUES ('draft_overdue', 24), ('draft_overdue_cleared', 10)) x(kind, after)
   WHERE x.kind = 'draft_overdue' OR d.id % 2 = 0
)
INSERT INTO draft_step (draft_id, step, on_date, term_days, due_date, visa_position, medium, basis)
SELECT d.id, x.s, current_date - 30 + 4 * x.n::int, CASE WHEN x.s = 'refinement' THEN 5 END,
       CASE WHEN x.s = 'refinement' THEN add_working_days(current_date - 30 + 4 * x.n::int, 5, 'KZ') END,
       CASE WHEN x.s = 'visa' THEN 'pa_unit_head' END, CASE WHEN x.s = 'visa' THEN 'electronic' END,
       CASE WHEN x.s IN ('returned', 'withdrawn') THEN 'generated' END
  FROM drafts d, unnest(string_to_array(nullif(substr(d.title, 7), ''), ',')) WITH ORDINALITY x(s, n);
RESET session_replication_role;
-- the whole fold, as sweep_draft_state() read every draft before
CREATE FUNCTION pg_temp.fold(as_of date)
RETURNS TABLE (draft_id bigint, deadline text, rule_id text, due_date date, open boolean, status text, calendar text)
LANGUAGE sql AS $$
  WITH j AS (
    SELECT d.id, d.kind, d.received_on,
           (array_agg(s.step::text ORDER BY s.on_date DESC, s.id DESC) FILTER (WHERE s.step <> 'visa'))[1] AS last_step,
           (array_agg(s.due_date ORDER BY s.on_date DESC, s.id DESC) FILTER (WHERE s.step <> 'visa'))[1] AS last_due,
           bool_or(s.step IN ('agreed', 'signed', 'withdrawn')) AS review_over,
           bool_or(s.step IN ('signed', 'withdrawn')) AS closed
      FROM instruction_control.draft d
      LEFT JOIN instruction_control.draft_step s ON s.draft_id = d.id AND s.on_date <= as_of
     WHERE d.received_on <= as_of
     GROUP BY d.id)
  SELECT j.id, 'review', CASE j.kind WHEN 'planning_act' THEN 'R20' ELSE 'R33' END,
         instruction_control.add_working_days(j.received_on, instruction_control.draft_review_days(j.kind),
                                              instruction_control.effective_calendar()),
         NOT coalesce(j.review_over, false), coalesce(j.last_step, 'received'), instruction_control.effective_calendar()
    FROM j WHERE instruction_control.draft_review_days(j.kind) IS NOT NULL
  UNION ALL
  SELECT j.id, 'refinement', 'R21', j.last_due, NOT coalesce(j.closed, false), j.last_step,
         instruction_control.effective_calendar()
    FROM j WHERE j.last_step = 'refinement'
$$;
-- the drafts with an overdue event raised by the day and not cleared
CREATE TEMP TABLE awaiting_clearing AS
  SELECT DISTINCT g::date AS day, e.draft_id FROM generate_series(current_date - 31, current_date, '1 day') g
    JOIN instruction_control.event e ON e.kind = 'draft_overdue' AND e.as_of <= g::date
   WHERE NOT EXISTS (SELECT 1 FROM instruction_control.event c
                      WHERE c.kind = 'draft_overdue_cleared' AND c.draft_id = e.draft_id AND c.period = e.period);
CREATE TEMP TABLE read_by_day AS
  SELECT g::date AS day, r.* FROM generate_series(current_date - 31, current_date, '1 day') g,
                                  LATERAL instruction_control.sweep_draft_state(g::date) r;
CREATE TEMP TABLE fold_by_day AS
  SELECT g::date AS day, f.* FROM generate_series(current_date - 31, current_date, '1 day') g, LATERAL pg_temp.fold(g::date) f;
SELECT cmp_ok((SELECT count(DISTINCT draft_id) FROM fold_by_day WHERE day = current_date), '>=', 3 * 81::bigint,
  'issue 19: the generated drafts are there (every sequence of up to three steps, three kinds)');
SELECT is_empty($$SELECT * FROM fold_by_day WHERE open EXCEPT SELECT * FROM read_by_day WHERE open
                  UNION ALL
                  (SELECT * FROM read_by_day WHERE open EXCEPT SELECT * FROM fold_by_day WHERE open)$$,
  'issue 19, R20, R21, R33: on every day the drafts a sweep reads have the open deadlines of the whole fold, no more, no fewer');
SELECT is_empty($$SELECT f.* FROM fold_by_day f JOIN awaiting_clearing a USING (day, draft_id)
                  EXCEPT SELECT * FROM read_by_day
                  UNION ALL
                  (SELECT * FROM read_by_day EXCEPT SELECT * FROM fold_by_day)$$,
  'issue 19, R20, R33: a draft whose overdue event awaits clearing is read as the fold has it (its state decides the clearing); nothing is read that the fold has not');
SELECT is_empty($$SELECT r.day, r.draft_id FROM read_by_day r
                   WHERE NOT EXISTS (SELECT 1 FROM awaiting_clearing a WHERE a.day = r.day AND a.draft_id = r.draft_id)
                     AND EXISTS (SELECT 1 FROM draft_step x WHERE x.draft_id = r.draft_id
                                    AND x.step IN ('signed', 'withdrawn') AND x.on_date <= r.day)$$,
  'issue 19: a draft signed or withdrawn is not read again, unless its overdue event awaits clearing');

-- report_open_draft leaves the ended drafts out before it folds their journals:
-- the same drafts as draft_state's not signed or withdrawn
SELECT set_eq($$SELECT draft_id FROM report_open_draft$$,
              $$SELECT draft_id FROM draft_state WHERE status NOT IN ('signed', 'withdrawn')$$,
  'issue 19: report_open_draft lists the drafts draft_state has neither signed nor withdrawn, the generated ones among them');

-- and the sweep clears each generated overdue event once: those awaiting
-- clearing now (their period, the day after receipt, is no deadline of the
-- draft), none cleared before again
SET ROLE swd_admin;
CALL sweep(full_scope => true);
RESET ROLE;
SELECT is((SELECT count(*) FILTER (WHERE n <> 1) FROM (
             SELECT count(c.*) AS n FROM draft d
               JOIN event o ON o.draft_id = d.id AND o.kind = 'draft_overdue' AND o.period = current_date - 29
               LEFT JOIN event c ON c.draft_id = d.id AND c.kind = 'draft_overdue_cleared' AND c.period = o.period
              WHERE d.title LIKE 'steps:%' GROUP BY d.id) k), 0::bigint,
  'issue 19, R20, R33: each overdue event awaiting clearing is cleared once, none cleared before is cleared again');

-- row security: a body's reader sees its own drafts only
CREATE ROLE swd_reader NOLOGIN IN ROLE ic_reader;
INSERT INTO body_member (member, body_id) VALUES ('swd_reader', :b2);
SET LOCAL ROLE swd_reader;
SELECT is((SELECT string_agg(draft_id::text, ',' ORDER BY draft_id) FROM report_open_draft),
  (SELECT string_agg(id::text, ',' ORDER BY id) FROM (VALUES (:d_esc), (:d_clr)) v(id)),
  'a reader of the submitting body sees its open drafts in report_open_draft, a reader of another body does not see them');
SELECT throws_ok($$SELECT * FROM event$$, '42501', NULL, 'a reader does not read the outbox (the drafts'' events included)');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
