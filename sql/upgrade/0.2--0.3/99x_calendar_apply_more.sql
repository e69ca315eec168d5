/*
 * 99x_calendar_apply_more: the calendar change's loose ends (issue 20, item 4;
 * R50.3, R20, R33).  Adds decision.old_roadmap_due_date (the R56 roadmap due
 * date a calendar change moved from, filled in by the journal) and the grants
 * of calendar_change_draft_events(), the definer that writes a draft's
 * deadline_moved event; the function itself and the new bodies of
 * calendar_change_events(), apply_calendar_change() and apply_holiday_date()
 * come with 99m_calendar_change_section (a link to
 * sql/src/78_calendar_change.sql).  Follows sql/src/30_registry.sql and
 * 90_security.sql.
 */

ALTER TABLE decision ADD COLUMN old_roadmap_due_date date;
COMMENT ON COLUMN decision.old_roadmap_due_date IS 'Calendar change: the R56 roadmap due date before the change moved it (R50.3), so the event deadline_moved names from and to; set by the journal, NULL for every other decision and where the roadmap date did not move';

-- the drafts' deadline_moved events are written by definer too (R20, R33)
REVOKE EXECUTE ON FUNCTION calendar_change_draft_events(text, jsonb, text, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_change_draft_events(text, jsonb, text, date) TO ic_admin;
