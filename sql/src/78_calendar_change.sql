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

CREATE FUNCTION calendar_counted_dates(calendar text)
RETURNS TABLE (object text, object_id bigint, what text, d date)
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  -- R50.3, R51: a due date counted from receipt (or signing) that no decision changed
  SELECT 'instruction', i.id, 'due_date',
         CASE i.deadline_source
           WHEN 'term' THEN deadline(i.received_on, i.term, i.calendar)
           ELSE deadline(i.signed_on, '2 weeks'::term, i.calendar) END
    FROM instruction i
   WHERE i.status = 'on_control' AND i.calendar = $1
     AND i.due_date IS NOT DISTINCT FROM i.original_due_date AND i.decision_count = 0
     AND ((i.deadline_source = 'term' AND i.term IS NOT NULL AND i.received_on IS NOT NULL)
          OR (i.deadline_source = 'two_weeks' AND i.signed_on IS NOT NULL))
  UNION ALL
  -- R56: a roadmap due 10 working days from receipt, not registered yet
  SELECT 'instruction', i.id, 'roadmap_due_date', add_working_days(i.received_on, 10, i.calendar)
    FROM instruction i
   WHERE i.status = 'on_control' AND i.calendar = $1
     AND i.roadmap_due_date IS NOT NULL AND i.received_on IS NOT NULL AND i.decision_count = 0
     AND NOT EXISTS (SELECT 1 FROM roadmap r WHERE r.instruction_id = i.id)
  UNION ALL
  -- R20, R33: a draft's review while it is not agreed, signed or withdrawn (the default calendar)
  SELECT 'draft', s.draft_id, 'review_due', add_working_days(s.received_on, s.review_days)
    FROM draft_state s
   WHERE s.review_days IS NOT NULL AND s.agreed_on IS NULL AND s.status NOT IN ('signed', 'withdrawn')
     AND current_setting('instruction_control.calendar') = $1
$$;
COMMENT ON FUNCTION calendar_counted_dates(text) IS
  'The dates the registry counts in working days on a calendar and has not fixed since: open instructions'' due dates from a term or the two weeks of R51 that no decision changed, roadmaps due under R56 not registered yet, drafts'' review deadlines (R20, R33); what calendar_change_preview compares before and after a change';

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
