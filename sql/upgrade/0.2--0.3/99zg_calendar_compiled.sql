/*
 * 99zg_calendar_compiled: the compiled calendar (issue 19, the first call of a
 *   session).  calendar_compiled holds per calendar what the working-day cache
 *   reads of calendar and calendar_day, in one row, written by the statement
 *   trigger calendar_compiled_refresh in the statement that changes them;
 *   src/calendar/calendar_compiled.c reads it, and the tables when there is no
 *   row.  Follows sql/src/22_calendar_seed.sql (the section after the seeded rows).
 */

-- ---------------------------------------------------------------------------
-- The compiled calendar (issue 19, the first call of a session): per
-- calendar, what the working-day cache reads of calendar and calendar_day, in
-- one row, so a session's first call reads one row instead of the calendar's
-- and its 1,471 days (src/calendar/calendar_compiled.c).  Derived, never
-- written by a client: no role has a privilege on it, and the statement
-- trigger below rewrites it in the statement that changes calendar or
-- calendar_day, whatever session_replication_role (ENABLE ALWAYS: a restore
-- loads them in replica mode), so every snapshot sees it in step with them.
-- Not dumped: a restore's rows of calendar and calendar_day write it again.
-- ---------------------------------------------------------------------------

CREATE TABLE calendar_compiled (
  calendar     text PRIMARY KEY REFERENCES calendar ON UPDATE CASCADE ON DELETE CASCADE,
  valid_from   date NOT NULL,
  valid_to     date NOT NULL,
  weekend_days smallint[] NOT NULL,
  days_off     date[] NOT NULL,
  working_days date[] NOT NULL
);
-- kept in the row (compressed), not in the TOAST table: one page to read
ALTER TABLE calendar_compiled ALTER COLUMN days_off SET STORAGE MAIN,
  ALTER COLUMN working_days SET STORAGE MAIN, ALTER COLUMN weekend_days SET STORAGE MAIN;
COMMENT ON TABLE calendar_compiled IS
  'Internal: each calendar as the working-day cache reads it, one row (derived from calendar and calendar_day by the trigger calendar_compiled_refresh; no role may write it)';
COMMENT ON COLUMN calendar_compiled.calendar IS 'The calendar (calendar.code)';
COMMENT ON COLUMN calendar_compiled.valid_from IS 'calendar.valid_from';
COMMENT ON COLUMN calendar_compiled.valid_to IS 'calendar.valid_to';
COMMENT ON COLUMN calendar_compiled.weekend_days IS 'calendar.weekend_days';
COMMENT ON COLUMN calendar_compiled.days_off IS
  'The days of calendar_day in the covered range that are not working days (holidays, days off), in order';
COMMENT ON COLUMN calendar_compiled.working_days IS
  'The days of calendar_day in the covered range that are working days (kind working_day: weekend days worked), in order';

\definition calendar_compiled_rows sql/src/22_calendar_seed.sql

\definition calendar_compiled_refresh sql/src/22_calendar_seed.sql
REVOKE EXECUTE ON FUNCTION calendar_compiled_rows(), calendar_compiled_refresh() FROM PUBLIC;

CREATE TRIGGER calendar_compiled_refresh AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_compiled_refresh();
CREATE TRIGGER calendar_compiled_refresh AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_day
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_compiled_refresh();
ALTER TABLE calendar ENABLE ALWAYS TRIGGER calendar_compiled_refresh;
ALTER TABLE calendar_day ENABLE ALWAYS TRIGGER calendar_compiled_refresh;
INSERT INTO calendar_compiled SELECT * FROM calendar_compiled_rows();
