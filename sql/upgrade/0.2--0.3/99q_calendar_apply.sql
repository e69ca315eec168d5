/*
 * 99q_calendar_apply: a calendar change applied through the journal (issue 20,
 * item 4; R50.3): the decision kind calendar_change and its labels, the event
 * kind deadline_moved, and the grants of the functions that apply a change
 * (calendar_counted_of, apply_calendar_change in two forms, apply_holiday_date,
 * calendar_change_drafts, calendar_change_events), which 99m_calendar_change_section
 * (a link to sql/src/78_calendar_change.sql) creates.  Follows sql/src/30_registry.sql,
 * 35_registry_triggers.sql, 60_sweep.sql and 90_security.sql.
 */

ALTER DOMAIN decision_kind DROP CONSTRAINT decision_kind_check;
ALTER DOMAIN decision_kind ADD CONSTRAINT decision_kind_check
  CHECK (VALUE IN ('extension', 'transfer', 'new_deadline', 'removal', 'roadmap_approval', 'calendar_change'));
COMMENT ON DOMAIN decision_kind IS 'Kind of entry in the decision journal; calendar_change: a counted date moved by a change of the calendar (R50.3), not an extension';
COMMENT ON COLUMN decision.kind IS 'extension, transfer, new_deadline, removal, roadmap_approval or calendar_change (R50.3: the calendar changed; apply_calendar_change())';
COMMENT ON COLUMN decision.roadmap_due_date IS 'Transfer to long-term control without a roadmap: the roadmap is due on this day (R59); calendar change: the R56 roadmap due date the calendar now counts (R50.3)';
INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('decision_kind', 'calendar_change', 'Күнтізбенің өзгеруіне байланысты мерзімнің ауысуы', 'Перенос срока в связи с изменением календаря', 'Deadline moved by a change of the calendar'),
  ('event_kind', 'deadline_moved', 'Күнтізбенің өзгеруіне байланысты мерзім ауысты', 'Срок перенесён в связи с изменением календаря', 'Deadline moved by a change of the calendar');

-- the event kind's CHECK and comments: 99r_draft_sweep writes the domain's whole list

-- applying one is the calendar keeper's too: the journal's trigger refuses a
-- calendar_change of anyone else (R50.3); the events are written by definer
REVOKE EXECUTE ON FUNCTION calendar_counted_of(instruction), calendar_change_events(bigint[]),
  apply_calendar_change(text, text, date), calendar_change_drafts(text, jsonb),
  apply_calendar_change(text, date, date, text, date), apply_holiday_date(text, date, date, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_counted_of(instruction), calendar_change_events(bigint[]),
  apply_calendar_change(text, text, date), calendar_change_drafts(text, jsonb),
  apply_calendar_change(text, date, date, text, date), apply_holiday_date(text, date, date, text, date) TO ic_admin;
