/*
 * 99m_calendar_change_tail: the grants of the calendar change preview (issue 20,
 * item 4), after 99m_calendar_change_section.sql.  Follows sql/src/90_security.sql.
 */

-- Calendar changes: previewing one applies it in a subtransaction, so it is
-- the calendar keeper's (as add_transfer)
REVOKE EXECUTE ON FUNCTION calendar_counted_dates(text), calendar_change_preview(text, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION calendar_counted_dates(text), calendar_change_preview(text, date, date) TO ic_admin;
GRANT SELECT ON calendar_stale_date TO ic_admin;

