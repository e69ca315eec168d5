/*
 * 99v_forms_perf: Appendix 8 at its floor (issue 19).  report_date and
 * report_date_kk are written in C (src/reporting/report_date.c: the text of
 * to_char(d, 'DD.MM.YYYY') without parsing the picture per day);
 * form_annual_summary_bodies reads a sector's heading once per sector and
 * numbers its rows in the order it prints them, so one sort serves both.
 * Follows sql/src/70c_annual_summary.sql.
 */

CREATE OR REPLACE FUNCTION report_date(d date) RETURNS text
-- in C (issue 19): the text of to_char(d, 'DD.MM.YYYY') without parsing the
-- picture per day; the forms print several days a row (src/reporting/report_date.c)
AS 'MODULE_PATHNAME', 'ic_report_date_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE OR REPLACE FUNCTION report_date_kk(d date, grammatical_case text) RETURNS text
-- in C (issue 19): report_date(d), a hyphen and kk_number_ending(year of d, grammatical_case)
AS 'MODULE_PATHNAME', 'ic_report_date_kk_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

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
  RETURN QUERY
  WITH sectors AS MATERIALIZED (
    -- a sector's heading once per sector, not per body or row, and its
    -- number in the order the form lists sectors: alphabetical in the form's
    -- language whatever the database's collation, Kazakh by the alphabet's
    -- key (report_kk_sort_key), Russian by instruction_control.ru.  The rows
    -- are sorted by that number, not by comparing headings under a collation
    -- per row (issue 19).  Sectors written two ways under one heading
    -- ('health care', 'Health care') share it: one group, numbered through.
    -- '' is the sector of a body without one.
    SELECT t.sector_key, t.heading,
           (dense_rank() OVER (ORDER BY
              -- (COLLATE "C" here: a function's result takes the database's collation)
              CASE WHEN checked_lang = 'kk' THEN report_kk_sort_key(t.heading) COLLATE "C" END,
              CASE WHEN checked_lang = 'kk' THEN t.heading COLLATE instruction_control.kk END,
              t.heading COLLATE instruction_control.ru))::integer AS sector_no
      FROM (SELECT k.sector_key, sector_heading(nullif(k.sector_key, ''), checked_lang) AS heading
              FROM (SELECT coalesce(b.sector, '') AS sector_key FROM state_body b UNION SELECT '') k) t
  ), folded AS (
    -- the journal joined to the instructions and folded once: one body reads
    -- its instructions and their decisions by index, all bodies in one hash
    -- join.  The fold is a window over each instruction's decisions in their
    -- order (one sort for all, where an aggregate with its own ORDER BY would
    -- sort once per instruction); DISTINCT ON keeps one row per instruction.
    SELECT DISTINCT ON (i.id)
           i.id, i.act_id, i.point, i.secrecy, i.content, i.final_result, i.paper_card_ref, i.received_on,
           i.external_ref, i.responsible_body_id, i.due_date AS due_now,
           coalesce(i.controlling_body_id, i.responsible_body_id) AS owner,
           -- the journal folded at the year's end, as instruction_as_of folds it
           min(d.decided_on) FILTER (WHERE d.kind = 'removal' AND d.decided_on <= y_end) OVER w AS removed_on,
           min(d.ground::text) FILTER (WHERE d.kind = 'removal' AND d.decided_on <= y_end) OVER w AS removal_ground,
           coalesce(bool_or(d.new_due_date IS NOT NULL AND d.decided_on > y_end) OVER w, false) AS due_changed_later,
           (count(*) FILTER (WHERE d.kind = 'extension' AND d.decided_on <= y_end) OVER w)::integer AS ext,
           (count(*) FILTER (WHERE d.kind = 'transfer' AND d.decided_on <= y_end) OVER w)::integer AS tr,
           (count(*) FILTER (WHERE d.kind = 'new_deadline' AND d.decided_on <= y_end) OVER w)::integer AS nd,
           string_agg(decision_phrase(d, words, i.secrecy = 'state_secret') || '.', ' ')
             FILTER (WHERE d.kind <> 'roadmap_approval' AND d.decided_on <= y_end) OVER w AS phrases
      FROM instruction i
      LEFT JOIN decision d ON d.instruction_id = i.id
     WHERE (i.controlling_body_id = ANY (the_bodies)
            OR (i.controlling_body_id IS NULL AND i.responsible_body_id = ANY (the_bodies)))
       AND i.level <> 'pa'
       AND coalesce(i.received_on, i.created_at::date) <= y_end
    WINDOW w AS (PARTITION BY i.id ORDER BY d.seq ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
     ORDER BY i.id, d.seq
  ), rows AS (
    SELECT f.*, f.removed_on IS NULL AS on_control,
           -- the deadline then: the instruction's own unless a later decision
           -- moved it; then what the first such decision found (its old date)
           CASE WHEN f.due_changed_later
                THEN (SELECT d.old_due_date FROM decision d
                       WHERE d.instruction_id = f.id AND d.decided_on > y_end AND d.new_due_date IS NOT NULL
                       ORDER BY d.seq LIMIT 1)
                ELSE f.due_now END AS due_then,
           s.sector_key, s.heading, s.sector_no,
           CASE WHEN f.removed_on IS NOT NULL AND f.removal_ground = 'executed' THEN 'executed' ELSE 'in_progress' END AS status_code
      FROM folded f
      LEFT JOIN state_body b ON b.id = f.responsible_body_id
      JOIN sectors s ON s.sector_key = coalesce(b.sector, '')
     WHERE f.removed_on IS NULL OR f.removed_on >= y_start
  )
  SELECT r.owner,
         nullif(r.sector_key, ''),
         r.heading,
         (row_number() OVER sector_rows)::integer,
         r.id,
         concat_ws(', ',
           CASE WHEN a.id IS NOT NULL
                THEN concat_ws(' ', a.act_type, CASE WHEN a.number IS NOT NULL THEN '№ ' || a.number END,
                               CASE WHEN a.signed_on IS NOT NULL THEN format(w_act_signed_on, report_date(a.signed_on)) END)
                ELSE w_instruction
                     || CASE WHEN r.external_ref IS NOT NULL THEN ' ' || r.external_ref ELSE '' END
                     || CASE WHEN r.received_on IS NOT NULL THEN ', ' || format(w_received_on, report_date(r.received_on)) ELSE '' END END,
           CASE WHEN r.point IS NOT NULL THEN format(w_point, r.point::text) END),
         CASE WHEN r.secrecy = 'state_secret'
              THEN format(w_secret, coalesce(r.paper_card_ref, '—'))
              ELSE r.content END,
         r.status_code,
         CASE r.status_code WHEN 'executed' THEN w_executed ELSE w_in_progress END,
         -- executed: the final result in brief
         -- (a report is the latest by day, read backwards from report_instruction_idx)
         CASE WHEN r.status_code = 'executed' AND r.secrecy <> 'state_secret' THEN
           coalesce((SELECT p.content FROM report p WHERE p.instruction_id = r.id AND p.kind = 'final' AND p.submitted_on <= y_end
                      ORDER BY p.submitted_on DESC LIMIT 1),
                    r.final_result) END,
         -- in progress: the intermediate result with the facts of extensions,
         -- transfers and new deadlines (and of a removal on another ground)
         CASE WHEN r.status_code = 'in_progress' THEN
           nullif(concat_ws(' ',
             CASE WHEN r.secrecy <> 'state_secret' AND r.on_control THEN
               (SELECT p.content || '.' FROM report p WHERE p.instruction_id = r.id AND p.kind = 'intermediate' AND p.submitted_on <= y_end
                 ORDER BY p.submitted_on DESC LIMIT 1) END,
             r.phrases,
             CASE WHEN r.on_control THEN
               format(w_due, coalesce(report_date(r.due_then), '—'))
               || CASE WHEN r.due_then < y_end THEN w_due_passed ELSE '' END || '.' END), '')
         END,
         r.due_then,
         r.ext, r.tr, r.nd,
         r.secrecy = 'state_secret'
    FROM rows r
    LEFT JOIN act a ON a.id = r.act_id
  -- bodies in the order asked, sectors in their order (sector_no), in a
  -- sector by act, point and id.  The rows are numbered in the order they
  -- are printed, so one sort serves the numbers and the page (issue 19)
  WINDOW sector_rows AS (PARTITION BY array_position(the_bodies, r.owner), r.sector_no
                         ORDER BY a.signed_on NULLS LAST, r.act_id NULLS LAST, r.point NULLS LAST, r.id)
   ORDER BY array_position(the_bodies, r.owner), r.sector_no,
            a.signed_on NULLS LAST, r.act_id NULLS LAST, r.point NULLS LAST, r.id;
END
$$;
