/*
 * 99zj_annual_summary_one_sort: Appendix 8 does less of what it never
 *   prints, sorts its rows once, in the parallel workers, and one body reads
 *   only the rows its year can print (issue 19).  form_annual_summary_bodies
 *   - leaves out an instruction removed before the year began by its
 *     removed_on (the day of its removal decision, written by the decision's
 *     trigger; a removal closes the record, so the journal's fold would find
 *     the same day and leave the row out), no longer phrases a removal on the
 *     ground executed (it makes the row executed, whose phrases are never
 *     printed), and writes an act's requisites once per act;
 *   - reads the sectors' numbers into arrays before the query, so the joins
 *     to the sectors, state bodies and acts run in the parallel workers,
 *     which sort their share in print order; the fold's window is partitioned
 *     by the instruction with the keys of its place in print, so the gathered
 *     rows are folded, numbered and returned without another sort (the fold
 *     sorted by id and the folded rows were sorted again, wide, in one
 *     process: 0.65-0.85 s of every body's 3.2 s at 1M);
 *   - finds one body's instructions by the new index instruction_owner_idx
 *     (owner, day of removal), skipping those removed before the year (built
 *     here: about 0.4 s per million instructions);
 *   - joins the year's latest final and intermediate reports in the parallel
 *     workers (the new function report_latest) instead of looking them up per
 *     printed row after the gather (about 1 s of every body's time at 980,000
 *     reports); of two reports of a kind on the same day the later
 *     registered is the latest.
 *   The same rows in the same order.  Follows sql/src/70c_annual_summary.sql.
 */

-- The instructions by their owner (the controlling body, else the responsible
-- body) and day of removal (not removed: infinity): one body's Appendix 8
-- reads only the rows its year can print, not every instruction the body ever
-- had (issue 19: a body's removals accumulate year after year; at 1M, 9,000
-- of the 16,667 rows one body read had been removed before the year).  Not
-- partial: with a partial index the planner estimated these expressions
-- without their statistics, took every body's rows for a tenth of what they
-- are and planned every body without parallel workers.
CREATE INDEX instruction_owner_idx ON instruction ((coalesce(controlling_body_id, responsible_body_id)),
                                                  (coalesce(removed_on, 'infinity'::date)));
COMMENT ON INDEX instruction_owner_idx IS
  'The instructions by their owner (the controlling body, else the responsible body) and day of removal (not removed: infinity): one body''s annual summary (Appendix 8) reads the rows of its year as one range';

-- The latest report of a kind submitted by a day, per instruction: the
-- latest by day, of two on one day the later registered; a report that no
-- later one of its kind outdates.  Written without LIMIT or a correlated
-- lookup, and inlined (LANGUAGE sql, no SET, every name qualified), so that
-- Appendix 8 joins it in its parallel workers (issue 19): every body hashes
-- the reports, one body probes report_instruction_idx per instruction.  kind
-- is text, not the domain report_kind: a value cast to a domain with a CHECK
-- is parallel-restricted in PostgreSQL, and kept the join above the gather.
CREATE FUNCTION report_latest(kind text, until date)
RETURNS TABLE (instruction_id bigint, report_id bigint, submitted_on date, content text)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT p.instruction_id, p.id, p.submitted_on, p.content
    FROM instruction_control.report p
   WHERE p.kind OPERATOR(pg_catalog.=) report_latest.kind
     AND p.submitted_on OPERATOR(pg_catalog.<=) report_latest.until
     AND NOT EXISTS (SELECT 1 FROM instruction_control.report q
                      WHERE q.instruction_id OPERATOR(pg_catalog.=) p.instruction_id
                        AND q.kind OPERATOR(pg_catalog.=) report_latest.kind
                        AND q.submitted_on OPERATOR(pg_catalog.<=) report_latest.until
                        AND (q.submitted_on OPERATOR(pg_catalog.>) p.submitted_on
                             OR q.submitted_on OPERATOR(pg_catalog.=) p.submitted_on
                                AND q.id OPERATOR(pg_catalog.>) p.id))
$$;
COMMENT ON FUNCTION report_latest(text, date) IS
  'The latest report of a kind (final, intermediate, risk, measures) submitted on or before until, one per instruction: the latest by day, of two on one day the later registered (Appendix 8 prints the year''s latest final and intermediate reports, R75-1); rows as the caller may see them';

-- form_annual_summary_bodies(): as 0.3 has it, named by 99zs_annual_summary_date_found_in_workers.sql (\definition)

COMMENT ON INDEX instruction_controlling_idx IS 'The instructions under a body''s control: the references to a state body (its deletion, host_row_user)';
