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

CREATE OR REPLACE FUNCTION form_annual_summary_bodies(year integer, lang text DEFAULT 'ru', body_ids bigint[] DEFAULT NULL)
RETURNS TABLE (body_id bigint, sector text, sector_heading text, row_no integer, instruction_id bigint, requisites text,
               content text, status text, status_label text, final_result text, intermediate_result text,
               due_date date, extensions integer, transfers integer, new_deadlines integer, state_secret boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
-- the query of every body is costed above the JIT thresholds, and compiling
-- its many text expressions took longer than running them (issue 19)
SET jit = off
AS $$
DECLARE
  y_start date;
  y_end date;
  checked_lang text := report_check_lang(lang);
  the_bodies bigint[] := body_ids;
  -- the form's words, from the vocabulary (form_phrase)
  w_act_signed_on text := label('form_phrase', 'act_signed_on', checked_lang);
  w_instruction text := label('form_phrase', 'instruction', checked_lang);
  w_received_on text := label('form_phrase', 'received_on', checked_lang);
  w_point text := label('form_phrase', 'point', checked_lang);
  w_secret text := label('form_phrase', 'state_secret_card', checked_lang);
  w_due text := label('form_phrase', 'due', checked_lang);
  w_due_passed text := ' (' || label('form_phrase', 'due_passed', checked_lang) || ')';
  w_in_progress text := label('form_phrase', 'status_in_progress', checked_lang);
  w_executed text := label('form_phrase', 'status_executed', checked_lang);
  words jsonb := report_words(checked_lang);
  -- the sectors in the form's order: each key, its heading and its number
  sector_keys text[];
  sector_headings text[];
  sector_nos integer[];
BEGIN
  IF year IS NULL OR year < 2000 OR year > 2100 THEN
    RAISE EXCEPTION 'no annual summary for year %', coalesce(year::text, 'NULL')
      USING ERRCODE = 'IC304', HINT = 'Give a year from 2000 to 2100.';
  END IF;
  PERFORM report_require_whole('Appendix 8');
  y_start := make_date(year, 1, 1);
  y_end := make_date(year, 12, 31);
  IF the_bodies IS NULL THEN
    the_bodies := ARRAY(SELECT b.id FROM state_body b);
  END IF;
  -- A sector's heading once per sector, not per body or row, and its number
  -- in the order the form lists sectors: alphabetical in the form's language
  -- whatever the database's collation, Kazakh by the alphabet's key
  -- (report_kk_sort_key), Russian by instruction_control.ru.  The rows are
  -- sorted by that number, not by comparing headings under a collation per
  -- row (issue 19).  Sectors written two ways under one heading ('health
  -- care', 'Health care') share it: one group, numbered through.  '' is the
  -- sector of a body without one.  Read into arrays before the query, so
  -- that the query looks a row's sector up by value (array_position) and
  -- its sort can run in the parallel workers (a join to a CTE could not).
  SELECT array_agg(n.sector_key), array_agg(n.heading), array_agg(n.sector_no)
    INTO sector_keys, sector_headings, sector_nos
    FROM (SELECT t.sector_key, t.heading,
                 (dense_rank() OVER (ORDER BY
                    -- (COLLATE "C" here: a function's result takes the database's collation)
                    CASE WHEN checked_lang = 'kk' THEN report_kk_sort_key(t.heading) COLLATE "C" END,
                    CASE WHEN checked_lang = 'kk' THEN t.heading COLLATE instruction_control.kk END,
                    t.heading COLLATE instruction_control.ru))::integer AS sector_no
            FROM (SELECT k.sector_key, sector_heading(nullif(k.sector_key, ''), checked_lang) AS heading
                    FROM (SELECT coalesce(b.sector, '') AS sector_key FROM state_body b UNION SELECT '') k) t) n;
  RETURN QUERY
  WITH folded AS (
    -- The journal joined to the instructions and folded once, in the order the
    -- form prints its rows: bodies in the order asked, sectors in their order,
    -- in a sector by act (its day of signing, then the act; rows without an
    -- act last, where ascending order puts NULL), point and id.  One body
    -- reads its instructions and their decisions by index, all bodies in one
    -- hash join in the parallel workers, which also sort their share in print
    -- order (issue 19: one sort, where the fold sorted by id and the rows were
    -- then sorted again, wide, by one process).  The fold is a window over
    -- each instruction's decisions in their order (one sort for all, where an
    -- aggregate with its own ORDER BY would sort once per instruction); its
    -- partition is the instruction with the keys of its place in print (they
    -- are the instruction's), so the sorted rows need no other sort; DISTINCT
    -- ON keeps one row per instruction.
    SELECT DISTINCT ON (k.body_no, k.sector_no, a.signed_on, i.act_id, i.point, i.id)
           k.body_no, k.sector_no, k.sector_pos, coalesce(b.sector, '') AS sector_key,
           a.signed_on AS act_signed_on, a.requisites AS act_requisites, a.id IS NOT NULL AS act_found,
           i.id, i.act_id, i.point, i.secrecy, i.content, i.final_result, i.paper_card_ref, i.received_on,
           i.external_ref, i.due_date AS due_now,
           k.owner, fr.content AS final_report, ir.content AS intermediate_report,
           -- the journal folded at the year's end, as instruction_as_of folds it
           min(d.decided_on) FILTER (WHERE d.kind = 'removal' AND d.decided_on <= y_end) OVER w AS removed_on,
           min(d.ground::text) FILTER (WHERE d.kind = 'removal' AND d.decided_on <= y_end) OVER w AS removal_ground,
           coalesce(bool_or(d.new_due_date IS NOT NULL AND d.decided_on > y_end) OVER w, false) AS due_changed_later,
           (count(*) FILTER (WHERE d.kind = 'extension' AND d.decided_on <= y_end) OVER w)::integer AS ext,
           (count(*) FILTER (WHERE d.kind = 'transfer' AND d.decided_on <= y_end) OVER w)::integer AS tr,
           (count(*) FILTER (WHERE d.kind = 'new_deadline' AND d.decided_on <= y_end) OVER w)::integer AS nd,
           -- the phrases are printed only for a row in progress: a removal
           -- on the ground executed makes the row executed (a removal closes
           -- the record, R75), so its phrase is never printed and not made
           string_agg(decision_phrase(d, words, i.secrecy = 'state_secret') || '.', ' ')
             FILTER (WHERE d.kind <> 'roadmap_approval' AND d.decided_on <= y_end
                       AND (d.kind <> 'removal' OR d.ground IS DISTINCT FROM 'executed')) OVER w AS phrases
      FROM instruction i
      LEFT JOIN decision d ON d.instruction_id = i.id
      LEFT JOIN state_body b ON b.id = i.responsible_body_id
      -- an act's requisites once per act, not per row (issue 19)
      LEFT JOIN (SELECT a.id, a.signed_on,
                        concat_ws(' ', a.act_type, CASE WHEN a.number IS NOT NULL THEN '№ ' || a.number END,
                                  CASE WHEN a.signed_on IS NOT NULL THEN format(w_act_signed_on, report_date(a.signed_on)) END) AS requisites
                   FROM act a) a ON a.id = i.act_id
      -- the year's latest final and intermediate report (report_latest):
      -- joined here, in the parallel workers, not looked up per printed row
      -- after the gather by one process (issue 19: about 1 s of every body's
      -- time at 980,000 reports; a correlated lookup is never run in the
      -- workers).  At most one of each kind per instruction, so the fold's
      -- rows are not multiplied
      LEFT JOIN report_latest('final', y_end) fr ON fr.instruction_id = i.id
      LEFT JOIN report_latest('intermediate', y_end) ir ON ir.instruction_id = i.id
      -- the row's owner (its controlling body, else its responsible body) and
      -- its place in print: its body's in the order asked, its sector's (and
      -- the sector's place in the arrays, for its heading)
      CROSS JOIN LATERAL (SELECT o.owner, array_position(the_bodies, o.owner) AS body_no,
                                 o.sector_pos, sector_nos[o.sector_pos] AS sector_no
                            FROM (SELECT coalesce(i.controlling_body_id, i.responsible_body_id) AS owner,
                                         array_position(sector_keys, coalesce(b.sector, '')) AS sector_pos) o) k
     -- the body's own (its controlling body, else its responsible body),
     -- written as instruction_owner_idx's expression
     WHERE coalesce(i.controlling_body_id, i.responsible_body_id) = ANY (the_bodies)
       AND i.level <> 'pa'
       AND coalesce(i.received_on, i.created_at::date) <= y_end
       -- removed before the year began: not on control in it.  removed_on
       -- is the day of the removal in the journal (written by the decision's
       -- trigger, never by a client), and a removal closes the record, so
       -- the fold would find the same day and leave the row out: its
       -- journal is not joined, sorted or folded, and for one body its row
       -- is not read (a range of instruction_owner_idx: not removed is
       -- removed at infinity)
       AND coalesce(i.removed_on, 'infinity'::date) >= y_start
    WINDOW w AS (PARTITION BY k.body_no, k.sector_no, a.signed_on, i.act_id, i.point, i.id
                 ORDER BY d.seq ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
     ORDER BY k.body_no, k.sector_no, a.signed_on, i.act_id, i.point, i.id, d.seq
  ), rows AS (
    SELECT f.*, f.removed_on IS NULL AS on_control,
           -- the deadline then: the instruction's own unless a later decision
           -- moved it; then what the first such decision found (its old date)
           CASE WHEN f.due_changed_later
                THEN (SELECT d.old_due_date FROM decision d
                       WHERE d.instruction_id = f.id AND d.decided_on > y_end AND d.new_due_date IS NOT NULL
                       ORDER BY d.seq LIMIT 1)
                ELSE f.due_now END AS due_then,
           CASE WHEN f.removed_on IS NOT NULL AND f.removal_ground = 'executed' THEN 'executed' ELSE 'in_progress' END AS status_code
      FROM folded f
    -- (no row removed before the year: folded leaves them out by the
    -- instruction's removed_on, the day its fold would find)
  )
  SELECT r.owner,
         nullif(r.sector_key, ''),
         sector_headings[r.sector_pos],
         (row_number() OVER sector_rows)::integer,
         r.id,
         concat_ws(', ',
           CASE WHEN r.act_found
                THEN r.act_requisites
                ELSE w_instruction
                     || CASE WHEN r.external_ref IS NOT NULL THEN ' ' || r.external_ref ELSE '' END
                     || CASE WHEN r.received_on IS NOT NULL THEN ', ' || format(w_received_on, report_date(r.received_on)) ELSE '' END END,
           CASE WHEN r.point IS NOT NULL THEN format(w_point, r.point::text) END),
         CASE WHEN r.secrecy = 'state_secret'
              THEN format(w_secret, coalesce(r.paper_card_ref, '—'))
              ELSE r.content END,
         r.status_code,
         CASE r.status_code WHEN 'executed' THEN w_executed ELSE w_in_progress END,
         -- executed: the final result in brief (the year's latest final
         -- report, else the instruction's final result)
         CASE WHEN r.status_code = 'executed' AND r.secrecy <> 'state_secret' THEN
           coalesce(r.final_report, r.final_result) END,
         -- in progress: the intermediate result with the facts of extensions,
         -- transfers and new deadlines (and of a removal on another ground)
         CASE WHEN r.status_code = 'in_progress' THEN
           nullif(concat_ws(' ',
             CASE WHEN r.secrecy <> 'state_secret' AND r.on_control THEN r.intermediate_report || '.' END,
             r.phrases,
             CASE WHEN r.on_control THEN
               format(w_due, coalesce(report_date(r.due_then), '—'))
               || CASE WHEN r.due_then < y_end THEN w_due_passed ELSE '' END || '.' END), '')
         END,
         r.due_then,
         r.ext, r.tr, r.nd,
         r.secrecy = 'state_secret'
    FROM rows r
  -- the rows come folded in print order: numbered and returned in it, with
  -- no other sort
  WINDOW sector_rows AS (PARTITION BY r.body_no, r.sector_no
                         ORDER BY r.act_signed_on, r.act_id, r.point, r.id)
   ORDER BY r.body_no, r.sector_no, r.act_signed_on, r.act_id, r.point, r.id;
END
$$;

COMMENT ON INDEX instruction_controlling_idx IS 'The instructions under a body''s control: the references to a state body (its deletion, host_row_user)';
