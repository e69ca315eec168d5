/*
 * 99zs_annual_summary_date_found_in_workers: Appendix 8 takes the deadline a
 *   later decision found in its parallel workers (issue 19).  For a row whose
 *   deadline a decision after the year moved, form_annual_summary_bodies
 *   looked that decision up after the gather, once for each of the three
 *   places the form prints the date (the column, the phrase, whether it had
 *   passed).  The new aggregate report_first_day(seq, day) takes the old date
 *   of the first such decision in the journal's order with the rest of the
 *   fold; its state is a bigint that two workers' shares combine by
 *   int8smaller (its C functions are in the library of this release).  The
 *   same rows in the same order.  Follows sql/src/70c_annual_summary.sql,
 *   whose definitions it names (the last part that changes the form; 99zr
 *   named it before).
 */

\definition report_first_day_add sql/src/70c_annual_summary.sql
\definition report_first_day_final sql/src/70c_annual_summary.sql
\definition report_first_day sql/src/70c_annual_summary.sql
\definition form_annual_summary_bodies sql/src/70c_annual_summary.sql
