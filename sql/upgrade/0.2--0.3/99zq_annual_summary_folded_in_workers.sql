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
 *   in PostgreSQL 15; its C functions are in the library of this release),
 *   and the rows' requisites and content are written in the workers.  The
 *   same rows in the same order.  Follows sql/src/70c_annual_summary.sql,
 *   whose definition of the form it names (the last part that changes it;
 *   99zj named it before).
 */

-- The phrases of an instruction's decisions joined by a space in the order
-- of its journal (seq), whatever order they come in (src/reporting/
-- report_phrases.c).  string_agg(... ORDER BY seq) has no partial mode in
-- PostgreSQL 15, and an aggregate without one keeps the whole fold in the
-- leader, after the gather: this one's state is a bag of pieces that two
-- workers' bags make by bytea's ||, so the parallel workers fold the journal
-- and the leader only combines what each instruction's worker folded (issue
-- 19: the window that folded it was a third of every body's time, in one
-- process).
CREATE FUNCTION report_phrases_add(state bytea, seq integer, phrase text) RETURNS bytea
AS 'MODULE_PATHNAME', 'ic_report_phrases_add' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION report_phrases_add(bytea, integer, text) IS
  'Internal (the aggregate report_phrases): the state with the phrase as one more piece, kept with its seq; a NULL phrase or seq adds nothing';
CREATE FUNCTION report_phrases_join(state bytea) RETURNS text
AS 'MODULE_PATHNAME', 'ic_report_phrases_join' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION report_phrases_join(bytea) IS
  'Internal (the aggregate report_phrases): the pieces'' phrases in the order of their seq, joined by a space; a state that is not the aggregate''s raises 22023';
CREATE AGGREGATE report_phrases(seq integer, phrase text) (
  SFUNC = report_phrases_add,
  STYPE = bytea,
  FINALFUNC = report_phrases_join,
  COMBINEFUNC = pg_catalog.byteacat,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE report_phrases(integer, text) IS
  'The phrases joined by a space in the order of seq (an instruction''s journal), whatever order the rows come in; NULL phrases are left out, no phrase gives NULL. string_agg(phrase, '' '' ORDER BY seq) with a partial mode: Appendix 8 folds the journal in its parallel workers with it (issue 19)';

\definition form_annual_summary_bodies sql/src/70c_annual_summary.sql
