/*
 * 99zc_calendar_not_strict: the working-day functions check their own NULLs
 * (issue 19).  is_working_day, add_working_days and working_days_between
 * still give NULL for a NULL argument, but are no longer STRICT: the
 * executor's strict check, a loop over the arguments, was about 2 ns of a
 * 7 ns call with the calendar argument (sql/src/20_calendar.sql,
 * src/calendar/calendar.c).
 */

ALTER FUNCTION is_working_day(date) CALLED ON NULL INPUT;
ALTER FUNCTION is_working_day(date, text) CALLED ON NULL INPUT;
ALTER FUNCTION add_working_days(date, integer) CALLED ON NULL INPUT;
ALTER FUNCTION add_working_days(date, integer, text) CALLED ON NULL INPUT;
ALTER FUNCTION working_days_between(date, date) CALLED ON NULL INPUT;
ALTER FUNCTION working_days_between(date, date, text) CALLED ON NULL INPUT;
