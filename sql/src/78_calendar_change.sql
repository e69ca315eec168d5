-- ===========================================================================
-- Calendar changes and their consequences: the preview
--
-- When the Government adds a transfer of a day off, every deadline counted in
-- working days across that day moves.  calendar_change_preview() answers
-- "what if this transfer is added": which open instructions, roadmaps and
-- drafts would get another date, from what to what.  It applies the transfer
-- in a subtransaction, computes the dates the registry would compute then
-- with the same functions (deadline(), add_working_days()), and rolls the
-- subtransaction back: the calendar and every session's calendar cache stay
-- as they were (the cache is invalidated by relcache messages, which an
-- aborted subtransaction replays).  Only dates the registry derived are
-- listed: a due date a decision set (an extension, a new deadline) or an act
-- fixed is a date, not a count, and does not move.
-- ===========================================================================

-- What the registry counts of one instruction: its due date counted from
-- receipt (R50.3) or signing (R51), and its roadmap due 10 working days from
-- receipt (R56) while no roadmap is registered, as long as no decision but a
-- calendar change (which writes the count again) has fixed the date; NULL
-- where the date is not counted.  The one definition the preview, the stale
-- dates, apply_calendar_change() and the journal's trigger read.
CREATE FUNCTION calendar_counted_of(i instruction, OUT due_date date, OUT roadmap_due_date date)
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT CASE WHEN i.status = 'on_control' AND fixed.none
               AND ((i.deadline_source = 'term' AND i.term IS NOT NULL AND i.received_on IS NOT NULL)
                    OR (i.deadline_source = 'two_weeks' AND i.signed_on IS NOT NULL))
              THEN CASE i.deadline_source
                     WHEN 'term' THEN deadline(i.received_on, i.term, i.calendar)
                     ELSE deadline(i.signed_on, '2 weeks'::term, i.calendar) END END,
         CASE WHEN i.status = 'on_control' AND fixed.none
               AND i.roadmap_due_date IS NOT NULL AND i.received_on IS NOT NULL
               AND NOT EXISTS (SELECT 1 FROM roadmap r WHERE r.instruction_id = i.id)
              THEN add_working_days(i.received_on, 10, i.calendar) END
    FROM (SELECT CASE WHEN i.decision_count = 0 THEN i.due_date IS NOT DISTINCT FROM i.original_due_date
                      ELSE NOT EXISTS (SELECT 1 FROM decision d
                                        WHERE d.instruction_id = i.id AND d.kind <> 'calendar_change') END
          ) AS fixed(none)
$$;
COMMENT ON FUNCTION calendar_counted_of(instruction) IS
  'The dates the registry counts in working days for one instruction on control, on its calendar as it is now: due_date counted from receipt (R50.3) or signing (R51), roadmap_due_date 10 working days from receipt while no roadmap is registered (R56); NULL where a decision other than a calendar change fixed the date or it is not counted';

CREATE FUNCTION calendar_counted_dates(calendar text)
RETURNS TABLE (object text, object_id bigint, what text, d date)
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  -- R50.3, R51, R56: an open instruction's counted due date and roadmap due
  SELECT 'instruction', i.id, w.what, w.d
    FROM instruction i
   CROSS JOIN LATERAL calendar_counted_of(i) c
   CROSS JOIN LATERAL (VALUES ('due_date', c.due_date), ('roadmap_due_date', c.roadmap_due_date)) AS w(what, d)
   WHERE i.status = 'on_control' AND i.calendar = $1 AND w.d IS NOT NULL
  UNION ALL
  -- R20, R33: a draft's review while it is not agreed, signed or withdrawn (the default calendar)
  SELECT 'draft', s.draft_id, 'review_due', add_working_days(s.received_on, s.review_days)
    FROM draft_state s
   WHERE s.review_days IS NOT NULL AND s.agreed_on IS NULL AND s.status NOT IN ('signed', 'withdrawn')
     AND current_setting('instruction_control.calendar') = $1
$$;
COMMENT ON FUNCTION calendar_counted_dates(text) IS
  'The dates the registry counts in working days on a calendar and has not fixed since: open instructions'' due dates from a term or the two weeks of R51 and roadmaps due under R56 not registered yet, as calendar_counted_of() gives them (a calendar change writes the count again and keeps them counted); drafts'' review deadlines (R20, R33); what calendar_change_preview compares before and after a change';

-- After a change: the stored dates the calendar no longer gives
CREATE VIEW calendar_stale_date WITH (security_invoker = true) AS
SELECT c.object, c.object_id, c.what,
       CASE c.what WHEN 'due_date' THEN i.due_date ELSE i.roadmap_due_date END AS stored_date,
       c.d AS counted_date
  FROM (SELECT DISTINCT i.calendar FROM instruction i WHERE i.calendar IS NOT NULL) cal
  CROSS JOIN LATERAL calendar_counted_dates(cal.calendar) c
  JOIN instruction i ON i.id = c.object_id
 WHERE c.object = 'instruction'
   AND c.d IS DISTINCT FROM CASE c.what WHEN 'due_date' THEN i.due_date ELSE i.roadmap_due_date END;
COMMENT ON VIEW calendar_stale_date IS
  'Stored deadlines of open instructions counted in working days (R50.3, R51, R56) that the calendar, as it is now, counts to another day: what a transfer added after they were counted moved';
COMMENT ON COLUMN calendar_stale_date.stored_date IS 'The date stored when it was counted';
COMMENT ON COLUMN calendar_stale_date.counted_date IS 'The date the calendar counts now';

CREATE FUNCTION calendar_change_preview(calendar text, working_day date, day_off date)
RETURNS TABLE (object text, object_id bigint, what text, old_date date, new_date date, days_moved integer)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  cal text := calendar;
  before jsonb;
  after jsonb;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM instruction_control.calendar c WHERE c.code OPERATOR(pg_catalog.=) cal) THEN
    PERFORM is_working_day(working_day, cal);      -- IC001 with the known calendars
  END IF;
  SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') INTO before FROM calendar_counted_dates(cal) x;
  BEGIN
    PERFORM add_transfer(cal, working_day, day_off, 'preview (calendar_change_preview)');
    SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') INTO after FROM calendar_counted_dates(cal) x;
    -- undo the transfer: the subtransaction ends here (its SQLSTATE never leaves this block)
    RAISE EXCEPTION USING ERRCODE = 'IC0PV', MESSAGE = 'preview rolled back';
  EXCEPTION WHEN SQLSTATE 'IC0PV' THEN
    NULL;                       -- the variables keep before and after
  END;
  RETURN QUERY
  SELECT a.object, a.object_id, a.what, b.d, a.d, a.d - b.d
    FROM jsonb_to_recordset(after) AS a(object text, object_id bigint, what text, d date)
    JOIN jsonb_to_recordset(before) AS b(object text, object_id bigint, what text, d date)
      ON b.object = a.object AND b.object_id = a.object_id AND b.what = a.what
   WHERE a.d IS DISTINCT FROM b.d
   ORDER BY 1, 2, 3;
END
$$;
COMMENT ON FUNCTION calendar_change_preview(text, date, date) IS
  'What if the transfer (working_day becomes a working day, day_off a day off) were added to the calendar: the dates of calendar_counted_dates() that would move (open instructions'' counted due dates, R50.3, R51; roadmaps due, R56; drafts'' review deadlines, R20, R33), from what to what; nothing is changed (the transfer is applied in a subtransaction and rolled back). Refused as add_transfer refuses the transfer (IC003)';

-- ---------------------------------------------------------------------------
-- Applying a calendar change (issue 20, item 4)
--
-- A change of the calendar (a transfer of a day off, the announced day of a
-- forecast holiday such as Kurban Ait) moves every date counted across it.
-- Applying it moves the stored ones through the journal: one decision of the
-- kind calendar_change per instruction whose counted due date or R56 roadmap
-- due date the calendar now counts otherwise, with the act that changed the
-- calendar as its basis.  The journal's trigger writes the dates the calendar
-- counts (never the caller's), refuses anyone but the calendar's keeper
-- (ic_admin) and counts no extension (R69.1, R72); no typed evidence is asked
-- (R69.1 and R70.4 name none for it).  The decision keeps both ends of each
-- move: old_due_date -> new_due_date and old_roadmap_due_date ->
-- roadmap_due_date (the journal fills them in), and each moved date is an
-- event deadline_moved to the executor in the outbox whose detail names from
-- and to.  Drafts' review deadlines (R20, R33) are counted live, not stored:
-- nothing is journaled for them, but each one that moved is listed and is an
-- event deadline_moved (event.draft_id) to the reviewing PA unit (controller,
-- as the draft sweep addresses them), rule R20 or R33 as the sweep names it.
-- The intermediate reporting dates (R66-1.1) are rolled forward when swept.
-- Not moved, as dates fixed when they were set: an R21 refinement's due date
-- (stored on its draft_step) and a repeated extension's measures report date
-- (R72.4: "within one month", a calendar month from the extension, rolled
-- forward to a working day once, when the journal wrote it; not a count of
-- working days).  An imported calendar_change (import_decision) is history:
-- it moves nothing counted now and writes no event.
--
-- Idempotent: a second application finds no stale date and journals nothing.
-- Concurrent decisions: each instruction is locked (in id order) and counted
-- again after the lock, so an extension committed meanwhile fixes its date
-- and the change passes it by (specs/calendar_apply_vs_extend.spec).
-- ---------------------------------------------------------------------------

-- The outbox events of calendar changes, from the journal alone: nobody but
-- the sweep and this function writes event (SECURITY DEFINER).
CREATE FUNCTION calendar_change_events(decision_ids bigint[])
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  n integer;
BEGIN
  INSERT INTO instruction_control.event AS e
         (instruction_id, kind, period, addressee, rule_id, due_date, as_of, detail)
  SELECT d.instruction_id, 'deadline_moved',
         CASE WHEN d.new_due_date IS DISTINCT FROM d.old_due_date THEN d.new_due_date ELSE d.roadmap_due_date END,
         'executor', 'R50.3', i.due_date, d.decided_on,
         pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
           'decision_id', d.id, 'basis', d.basis,
           'old_due_date', CASE WHEN d.new_due_date IS DISTINCT FROM d.old_due_date THEN d.old_due_date END,
           'new_due_date', CASE WHEN d.new_due_date IS DISTINCT FROM d.old_due_date THEN d.new_due_date END,
           'old_roadmap_due_date', CASE WHEN d.roadmap_due_date IS NOT NULL THEN d.old_roadmap_due_date END,
           'new_roadmap_due_date', d.roadmap_due_date))
    FROM instruction_control.decision d
    JOIN instruction_control.instruction i ON i.id OPERATOR(pg_catalog.=) d.instruction_id
   WHERE d.id OPERATOR(pg_catalog.=) ANY (decision_ids)
     AND d.kind OPERATOR(pg_catalog.=) 'calendar_change'
     AND NOT d.imported
  ON CONFLICT ON CONSTRAINT event_once DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
COMMENT ON FUNCTION calendar_change_events(bigint[]) IS
  'Internal (apply_calendar_change): writes one outbox event deadline_moved (R50.3) to the executor for each calendar_change decision of the list, from the journal alone (period: the new due date, else the new roadmap due date; detail: old_due_date -> new_due_date, old_roadmap_due_date -> new_roadmap_due_date); an imported decision (history) writes none; an event already there is kept; returns the number written';

CREATE FUNCTION apply_calendar_change(calendar text, basis text, decided_on date DEFAULT current_date)
RETURNS TABLE (object text, object_id bigint, what text, old_date date, new_date date, days_moved integer,
               decision_id bigint)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  cal text := calendar;
  why text := basis;
  day date := decided_on;
  cand bigint;
  i instruction_control.instruction;
  d instruction_control.decision;
  ids bigint[] := '{}'::bigint[];
BEGIN
  IF is_blank(why) THEN
    RAISE EXCEPTION 'a change of the calendar needs its basis, the decree that makes it'
      USING ERRCODE = 'IC003',
            HINT = 'Name the act, e.g. ''Order of the Minister of Labour No. 123 of 1 June 2025 on the transfer of a day off'' (R50.3).';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM instruction_control.calendar c WHERE c.code OPERATOR(pg_catalog.=) cal) THEN
    PERFORM is_working_day(current_date, cal);      -- IC001 with the known calendars
  END IF;
  FOR cand IN
    SELECT s.id FROM instruction s CROSS JOIN LATERAL calendar_counted_of(s) c
     WHERE s.status = 'on_control' AND s.calendar = cal
       AND (c.due_date IS DISTINCT FROM s.due_date AND c.due_date IS NOT NULL
            OR c.roadmap_due_date IS DISTINCT FROM s.roadmap_due_date AND c.roadmap_due_date IS NOT NULL)
     ORDER BY s.id
  LOOP
    -- lock, then count again: a decision committed meanwhile may have fixed the date
    SELECT * INTO i FROM instruction s WHERE s.id = cand FOR NO KEY UPDATE;
    CONTINUE WHEN NOT EXISTS (
      SELECT 1 FROM calendar_counted_of(i) c
       WHERE c.due_date IS DISTINCT FROM i.due_date AND c.due_date IS NOT NULL
          OR c.roadmap_due_date IS DISTINCT FROM i.roadmap_due_date AND c.roadmap_due_date IS NOT NULL);
    INSERT INTO decision (instruction_id, kind, basis, decided_on)
    VALUES (cand, 'calendar_change', why, day)
    RETURNING * INTO d;
    ids := ids || d.id;
    IF d.new_due_date IS DISTINCT FROM i.due_date AND d.new_due_date IS NOT NULL THEN
      RETURN QUERY SELECT 'instruction', cand, 'due_date', i.due_date, d.new_due_date, d.new_due_date - i.due_date, d.id;
    END IF;
    IF d.roadmap_due_date IS NOT NULL THEN
      RETURN QUERY SELECT 'instruction', cand, 'roadmap_due_date', i.roadmap_due_date, d.roadmap_due_date,
                          d.roadmap_due_date - i.roadmap_due_date, d.id;
    END IF;
  END LOOP;
  PERFORM calendar_change_events(ids);
END
$$;
COMMENT ON FUNCTION apply_calendar_change(text, text, date) IS
  'Apply a change already made to a calendar (add_transfer, a confirmed year, a moved holiday): for every open instruction on it whose counted due date or R56 roadmap due date the calendar now counts otherwise (calendar_stale_date), a journal decision calendar_change (R50.3; basis: the act that changed the calendar; not an extension, R69.1, R72; no typed evidence) moves the stored date, and an outbox event deadline_moved tells the executor; returns what moved (the decision keeps from and to: old_due_date, new_due_date, old_roadmap_due_date, roadmap_due_date). A repeated extension''s measures report date (R72.4: one calendar month, rolled forward once when journaled) is fixed and does not move. The calendar''s keeper (ic_admin) only; idempotent';

-- The drafts' review deadlines a change moved: counted live from receipt,
-- nothing stored to move (before: calendar_counted_dates() as JSON).
CREATE FUNCTION calendar_change_drafts(calendar text, before jsonb)
RETURNS TABLE (object text, object_id bigint, what text, old_date date, new_date date, days_moved integer,
               decision_id bigint)
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT a.object, a.object_id, a.what, b.d, a.d, a.d - b.d, NULL::bigint
    FROM calendar_counted_dates($1) a
    JOIN jsonb_to_recordset($2) AS b(object text, object_id bigint, what text, d date)
      ON b.object = a.object AND b.object_id = a.object_id AND b.what = a.what
   WHERE a.object = 'draft' AND a.d IS DISTINCT FROM b.d
   ORDER BY a.object_id
$$;
COMMENT ON FUNCTION calendar_change_drafts(text, jsonb) IS
  'Internal (apply_calendar_change, apply_holiday_date): the drafts'' review deadlines (R20, R33) the calendar counts otherwise than in before (calendar_counted_dates() as JSON); counted live, so nothing is journaled for them';

-- The drafts' events: one deadline_moved per draft whose review deadline the
-- change moved, to the reviewing PA unit as the draft sweep writes them.  The
-- new date is counted here; before is what the caller counted before the
-- change (only drafts the calendar now counts otherwise get an event).
CREATE FUNCTION calendar_change_draft_events(calendar text, before jsonb, basis text, decided_on date)
RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  n integer;
BEGIN
  INSERT INTO instruction_control.event AS e
         (draft_id, kind, period, addressee, rule_id, due_date, as_of, detail)
  SELECT m.object_id, 'deadline_moved', m.new_date, 'controller',
         CASE d.kind WHEN 'planning_act' THEN 'R20' ELSE 'R33' END,
         m.new_date, $4,
         pg_catalog.jsonb_strip_nulls(pg_catalog.jsonb_build_object(
           'basis', $3, 'old_review_due', m.old_date, 'new_review_due', m.new_date))
    FROM instruction_control.calendar_change_drafts($1, $2) m
    JOIN instruction_control.draft d ON d.id OPERATOR(pg_catalog.=) m.object_id
  ON CONFLICT ON CONSTRAINT event_once DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
COMMENT ON FUNCTION calendar_change_draft_events(text, jsonb, text, date) IS
  'Internal (apply_calendar_change, apply_holiday_date): writes one outbox event deadline_moved (event.draft_id) to the reviewing PA unit (controller) for each draft whose review deadline the calendar now counts otherwise than in before (calendar_change_drafts; rule R20 for a planning act''s draft, else R33; period and due_date: the new review deadline; detail: old_review_due -> new_review_due, basis); an event already there is kept; returns the number written';

CREATE FUNCTION apply_calendar_change(calendar text, working_day date, day_off date, basis text,
                                      decided_on date DEFAULT current_date)
RETURNS TABLE (object text, object_id bigint, what text, old_date date, new_date date, days_moved integer,
               decision_id bigint)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  cal text := calendar;
  before jsonb;
BEGIN
  SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') INTO before FROM calendar_counted_dates(cal) x;
  -- a transfer already in the calendar is not added twice (applying again moves nothing)
  IF (SELECT count(*) FROM calendar_day c
       WHERE c.calendar = cal AND (c.day, c.kind) IN ((working_day, 'working_day'), (day_off, 'day_off'))) < 2 THEN
    PERFORM add_transfer(cal, working_day, day_off, basis);
  END IF;
  RETURN QUERY SELECT * FROM apply_calendar_change(cal, basis, decided_on);
  RETURN QUERY SELECT * FROM calendar_change_drafts(cal, before);
  PERFORM calendar_change_draft_events(cal, before, basis, decided_on);
END
$$;
COMMENT ON FUNCTION apply_calendar_change(text, date, date, text, date) IS
  'Add the transfer (working_day becomes a working day, day_off a day off; add_transfer, skipped when it is there) and apply it: the stored counted dates move through the journal (decisions calendar_change, R50.3, events deadline_moved) as apply_calendar_change(calendar, basis) moves them; the drafts'' review deadlines that moved (R20, R33) are listed too (decision_id NULL) and each is an event deadline_moved to the reviewing PA unit (event.draft_id). What calendar_change_preview showed, done';

-- Confirming a forecast year is the same operation: the holiday a forecast
-- year estimated (Kurban Ait day 1, kurban_ait_estimate()) moves to the day
-- announced.  The estimated day's row is changed, not deleted (a seeded row
-- is kept, 20_calendar.sql): it becomes a working day, or a plain day off on
-- a weekend day.
CREATE FUNCTION apply_holiday_date(calendar text, estimated_day date, announced_day date, basis text,
                                   decided_on date DEFAULT current_date)
RETURNS TABLE (object text, object_id bigint, what text, old_date date, new_date date, days_moved integer,
               decision_id bigint)
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  cal text := calendar;
  before jsonb;
  h instruction_control.calendar_day;
  weekend smallint[];
BEGIN
  IF is_blank(basis) THEN
    RAISE EXCEPTION 'a change of the calendar needs its basis, the decree that makes it'
      USING ERRCODE = 'IC003',
            HINT = 'Name the announcement, e.g. ''Spiritual Administration of Muslims of Kazakhstan, announcement of ...''.';
  END IF;
  PERFORM is_working_day(estimated_day, cal), is_working_day(announced_day, cal);   -- IC001, IC002
  SELECT * INTO h FROM calendar_day c WHERE c.calendar = cal AND c.day = estimated_day;
  IF extract(year FROM estimated_day) <> extract(year FROM announced_day) THEN
    RAISE EXCEPTION 'the announced day % is not in the year of the estimated holiday %', announced_day, estimated_day
      USING ERRCODE = 'IC003', HINT = 'A holiday moves within its year.';
  END IF;
  IF h.kind IS DISTINCT FROM 'holiday' OR announced_day = estimated_day THEN
    -- applied before: the holiday is on the announced day already
    IF EXISTS (SELECT 1 FROM calendar_day c WHERE c.calendar = cal AND c.day = announced_day AND c.kind = 'holiday')
       AND coalesce(h.kind, '') <> 'holiday' THEN
      RETURN QUERY SELECT * FROM apply_calendar_change(cal, basis, decided_on);
      RETURN;
    END IF;
    RAISE EXCEPTION '% is not a holiday in calendar "%"', estimated_day, cal
      USING ERRCODE = 'IC003',
            DETAIL = 'The estimated day of a forecast holiday (e.g. Kurban Ait day 1, kurban_ait_estimate()) is a holiday row of calendar_day.',
            HINT = 'Give the day the forecast year holds the holiday on, then the day announced.';
  END IF;
  IF EXISTS (SELECT 1 FROM calendar_day c WHERE c.calendar = cal AND c.day = announced_day AND c.kind = 'holiday') THEN
    RAISE EXCEPTION '% is already a holiday in calendar "%"', announced_day, cal
      USING ERRCODE = 'IC003', HINT = 'Give the day announced for the holiday.';
  END IF;
  SELECT coalesce(jsonb_agg(to_jsonb(x)), '[]') INTO before FROM calendar_counted_dates(cal) x;
  SELECT c.weekend_days INTO weekend FROM instruction_control.calendar c WHERE c.code = cal;
  UPDATE calendar_day c
     SET kind = CASE WHEN extract(isodow FROM estimated_day)::smallint = ANY (weekend) THEN 'day_off' ELSE 'working_day' END,
         name = format('%s moved to %s', replace(h.name, ', estimated', ''), announced_day),
         name_kk = format('%s %s күніне ауыстырылды', replace(h.name_kk, ', болжам', ''), announced_day),
         name_ru = format('%s перенесён на %s', replace(h.name_ru, ', оценка', ''), announced_day),
         basis = apply_holiday_date.basis
   WHERE c.calendar = cal AND c.day = estimated_day;
  INSERT INTO calendar_day AS c (calendar, day, kind, name, name_kk, name_ru, basis)
  VALUES (cal, announced_day, 'holiday', replace(h.name, ', estimated', ''), replace(h.name_kk, ', болжам', ''),
          replace(h.name_ru, ', оценка', ''), apply_holiday_date.basis)
  ON CONFLICT ON CONSTRAINT calendar_day_pkey DO UPDATE
     SET kind = excluded.kind, name = excluded.name, name_kk = excluded.name_kk,
         name_ru = excluded.name_ru, basis = excluded.basis;
  RETURN QUERY SELECT * FROM apply_calendar_change(cal, basis, decided_on);
  RETURN QUERY SELECT * FROM calendar_change_drafts(cal, before);
  PERFORM calendar_change_draft_events(cal, before, basis, decided_on);
END
$$;
COMMENT ON FUNCTION apply_holiday_date(text, date, date, text, date) IS
  'Confirm the day of a forecast holiday (e.g. Kurban Ait day 1 estimated by kurban_ait_estimate()): the holiday moves from estimated_day (then a working day, or a day off on a weekend day) to announced_day, and the change is applied as apply_calendar_change applies one (decisions calendar_change, R50.3, events deadline_moved, to the reviewing PA unit too for a draft whose review deadline moved); applying it again moves nothing';
