-- A calendar change with its consequences (issue 20, item 4): before the
-- Government's transfer of a day off is entered, the preview lists the
-- deadlines counted across it that would move; then the transfer is added and
-- calendar_stale_date shows the stored due dates the calendar now counts
-- otherwise.  (A made-up transfer in the demo's throwaway database.)
\set ON_ERROR_STOP 1
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';

\echo '-- what if Wed 25 Jun 2025 became a day off, worked on Sat 2 Aug'
SELECT object, what, count(*) AS moved, min(old_date) AS first_old, max(new_date) AS last_new,
       min(days_moved) AS min_days, max(days_moved) AS max_days
  FROM calendar_change_preview('KZ', '2025-08-02', '2025-06-25')
 GROUP BY object, what ORDER BY object, what;
SELECT is_working_day('2025-06-25', 'KZ') AS "25 Jun still a working day after the preview";

\echo '-- the transfer added: the stored due dates counted across it are now stale'
SELECT add_transfer('KZ', '2025-08-02', '2025-06-25', 'demo: a transfer added late') \gset ignored_
SELECT count(*) AS stale_dates, min(stored_date) AS first_stored, min(counted_date) AS first_counted
  FROM calendar_stale_date;
