/*
 * 99zr_annual_summary_numbered_in_order: Appendix 8 numbers its rows without
 *   a window (issue 19).  form_annual_summary_bodies numbered each body's
 *   rows per sector with row_number() over a window, which copied every row
 *   into the window's tuple store and read it back in the one process that
 *   finishes the form; the rows already come in print order, so the new C
 *   function report_row_no(body's place, sector's place) numbers them as
 *   they are returned (its library is this release's).  The same rows in the
 *   same order.  Follows sql/src/70c_annual_summary.sql, whose definition of
 *   report_row_no it names; the form itself is named by the last part that
 *   changes it (99zs).
 */

\definition report_row_no sql/src/70c_annual_summary.sql
-- form_annual_summary_bodies(): as 0.3 has it, named by 99zs_annual_summary_date_found_in_workers.sql (\definition)
