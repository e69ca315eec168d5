/*
 * 99zq_annual_summary_folded_in_workers: Appendix 8 folds the journal in its
 *   parallel workers (issue 19).  form_annual_summary_bodies folded every
 *   body's decisions with a window after the gather, in one process, and
 *   deduplicated its rows there; it now folds them with one aggregate per
 *   instruction that each worker computes for its share (every aggregate of
 *   the fold has a partial mode), grouped in print order, so the leader
 *   combines one folded row per instruction in the order it prints.  The
 *   phrases of the decisions are joined in the journal's order by the new
 *   aggregate report_phrases (string_agg with ORDER BY has no partial mode
 *   in PostgreSQL 15; its state lives in the aggregate's memory and its C
 *   functions are in the library of this release),
 *   and the rows' requisites and content are written in the workers.  The
 *   same rows in the same order.  form_annual_summary (one body) becomes an
 *   SQL function the planner inlines, its check of the body (IC303) the new
 *   report_check_body(): the form's rows are no longer copied into a second
 *   tuple store and sorted again by their place.  Follows
 *   sql/src/70c_annual_summary.sql, whose definitions it names (the last
 *   part that changes the two forms; 99zj and 99f named them before).
 */

\definition report_phrases_add sql/src/70c_annual_summary.sql
\definition report_phrases_combine sql/src/70c_annual_summary.sql
\definition report_phrases_serialize sql/src/70c_annual_summary.sql
\definition report_phrases_deserialize sql/src/70c_annual_summary.sql
\definition report_phrases_final sql/src/70c_annual_summary.sql
\definition report_phrases sql/src/70c_annual_summary.sql
-- form_annual_summary_bodies(): as 0.3 has it, named by 99zs_annual_summary_date_found_in_workers.sql (\definition)
\definition report_check_body sql/src/70c_annual_summary.sql
\definition form_annual_summary sql/src/70c_annual_summary.sql
