-- ===========================================================================
-- Reporting, part 4 of 4: Appendix 8 (the annual summary of one body, or of
-- every body set-wise) and the indexes the reports use.  The overview:
-- 70_reporting.sql.
-- ===========================================================================

-- Appendix 8: annual summary of a body ------------------------------------------
-- The instructions a body reports on (R75-1, «өздерінің бақылауына берілген»,
-- given to its own control): those below PA level under its control
-- (controlling_body_id), and those it executes below PA level where no
-- controlling body is recorded.  A point controlled at PA level is the PA's,
-- not the body's, whatever its controlling body says: it is left out.  A year
-- is the registry as it stood at the end of its 31 December (the fold of
-- instruction_as_of), so a decision taken later does not change a past year's
-- summary.  Rows: on control at some time in the year (received by its end,
-- not removed before it began).
--
-- Status: the form has two, executed and in progress («орындалған,
-- орындалуда»).  Executed: removed on the ground executed (R75(1)).  A removal
-- on another ground of R75 (contained in a new instruction, impossible,
-- control passed) is not an execution: the form does not count it as
-- executed; its status is in progress and the intermediate result states the
-- removal, its day and its ground ("Снято с контроля 20.03.2025 (Передача
-- контроля ...)").
--
-- Set-wise (issue 19): form_annual_summary_bodies folds the journal of every
-- body asked for in one query (the decisions joined to the instructions and
-- folded by one aggregate per instruction, in the parallel workers), so all
-- bodies cost one pass, and one body reads its instructions and their
-- journal through the indexes; the year's latest reports are joined in the
-- same pass.

CREATE FUNCTION report_kk_sort_key(heading text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
-- each letter of the Kazakh alphabet (А Ә Б В Г Ғ Д Е Ё Ж З И Й К Қ Л М Н Ң
-- О Ө П Р С Т У Ұ Ү Ф Х Һ Ц Ч Ш Щ Ъ Ы І Ь Э Ю Я), upper or lower case, becomes
-- one of 42 characters in that order (U+0100..U+0129), then the Latin letters
-- (U+012A..U+0143: a sector written in Latin after the Kazakh ones), compared
-- under "C"; spaces, digits and signs stay below every letter
RETURN pg_catalog.translate(heading,
  'АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯаәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюяABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  'ĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĀāĂăĄąĆćĈĉĊċČčĎďĐđĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĦħĨĩĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃĪīĬĭĮįİıĲĳĴĵĶķĸĹĺĻļĽľĿŀŁłŃ') COLLATE "C";
COMMENT ON FUNCTION report_kk_sort_key(text) IS
  'A key that sorts Kazakh text in the order of the Kazakh alphabet under COLLATE "C" (give it at the call: report_kk_sort_key(x) COLLATE "C"), without ICU: Appendix 8 in Kazakh lists its sectors by it (Ғылым before Сала көрсетілмеген) on every cluster, the ICU collation instruction_control.kk breaking ties';

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

-- The phrases of an instruction's decisions joined by a space in the order
-- of its journal (seq), whatever order they come in (src/reporting/
-- report_phrases.c).  string_agg(... ORDER BY seq) has no partial mode in
-- PostgreSQL 15, and an aggregate without one keeps the whole fold in the
-- leader, after the gather: this one's state is a bag of pieces that two
-- workers' bags make by joining their bytes, so the parallel workers fold the
-- journal and the leader only combines what each instruction's worker folded
-- (issue 19: the window that folded it was a third of every body's time, in
-- one process).  The state lives in the aggregate's memory and grows in
-- place, as string_agg's does.
CREATE FUNCTION report_phrases_add(state internal, seq integer, phrase text) RETURNS internal
AS 'MODULE_PATHNAME', 'ic_report_phrases_add' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION report_phrases_add(internal, integer, text) IS
  'Internal (the aggregate report_phrases): the phrase as one more piece of the state, kept with its seq; a NULL phrase or seq adds nothing';
CREATE FUNCTION report_phrases_combine(state internal, other internal) RETURNS internal
AS 'MODULE_PATHNAME', 'ic_report_phrases_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION report_phrases_combine(internal, internal) IS
  'Internal (the aggregate report_phrases): two states as one (the parallel workers'' shares)';
CREATE FUNCTION report_phrases_serialize(state internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'ic_report_phrases_serialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION report_phrases_serialize(internal) IS
  'Internal (the aggregate report_phrases): the state as bytes, for a parallel worker to pass';
CREATE FUNCTION report_phrases_deserialize(bytes bytea, unused internal) RETURNS internal
AS 'MODULE_PATHNAME', 'ic_report_phrases_deserialize' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION report_phrases_deserialize(bytea, internal) IS
  'Internal (the aggregate report_phrases): the state again from a worker''s bytes, read by the final function';
CREATE FUNCTION report_phrases_final(state internal) RETURNS text
AS 'MODULE_PATHNAME', 'ic_report_phrases_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION report_phrases_final(internal) IS
  'Internal (the aggregate report_phrases): the pieces'' phrases in the order of their seq, joined by a space; NULL without a phrase; a state that is not whole pieces raises 22P03';
CREATE AGGREGATE report_phrases(seq integer, phrase text) (
  SFUNC = report_phrases_add,
  STYPE = internal,
  FINALFUNC = report_phrases_final,
  COMBINEFUNC = report_phrases_combine,
  SERIALFUNC = report_phrases_serialize,
  DESERIALFUNC = report_phrases_deserialize,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE report_phrases(integer, text) IS
  'The phrases joined by a space in the order of seq (an instruction''s journal), whatever order the rows come in; NULL phrases are left out, no phrase gives NULL. string_agg(phrase, '' '' ORDER BY seq) with a partial mode: Appendix 8 folds the journal in its parallel workers with it (issue 19)';

-- The day of the row with the least seq (NULL seq last, as ORDER BY seq puts
-- it): Appendix 8 takes with it the deadline a later decision found, the old
-- date of the first decision after the year in the journal's order (C,
-- src/reporting/report_first_day.c).  It was a lookup per row after the
-- gather, run once for each of the three places the form prints that date;
-- now it is folded in the parallel workers with the rest of the journal
-- (issue 19).  The state is a bigint key, seq before day, whose least is the
-- first row: two workers' states combine by int8smaller.
CREATE FUNCTION report_first_day_add(state bigint, seq integer, day date) RETURNS bigint
AS 'MODULE_PATHNAME', 'ic_report_first_day_add' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION report_first_day_add(bigint, integer, date) IS
  'Transition function of the aggregate report_first_day: the least of the state and the row''s key (seq, then day)';
CREATE FUNCTION report_first_day_final(state bigint) RETURNS date
AS 'MODULE_PATHNAME', 'ic_report_first_day_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION report_first_day_final(bigint) IS
  'Final function of the aggregate report_first_day: the day its least key holds (22008 for a key that holds no date)';
CREATE AGGREGATE report_first_day(seq integer, day date) (
  SFUNC = report_first_day_add,
  STYPE = bigint,
  FINALFUNC = report_first_day_final,
  COMBINEFUNC = pg_catalog.int8smaller,
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE report_first_day(integer, date) IS
  'The day of the row with the least seq (a NULL seq after every other, as ORDER BY seq puts it; the day may be NULL or infinite); NULL for no row. (array_agg(day ORDER BY seq))[1] with a partial mode: Appendix 8 takes the deadline a later decision found with it in its parallel workers (issue 19)';

-- The number of a row in its run of rows with the same (a, b): Appendix 8
-- numbers its rows per body and sector with it as they come in print order.
-- row_number() over a window did the same, but the window copied every row
-- into its tuple store and read it back, in the one process that finishes
-- the form (issue 19: about a tenth of every body's CPU at 1M).  VOLATILE: it
-- keeps the run it is in (per call site and execution); PARALLEL RESTRICTED:
-- a worker sees only its share of the rows.  PostgreSQL evaluates an output
-- expression that ORDER BY does not name after sorting, so it numbers the
-- rows in the order the query returns them.
CREATE FUNCTION report_row_no(a integer, b integer) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_report_row_no' LANGUAGE C VOLATILE PARALLEL RESTRICTED;
COMMENT ON FUNCTION report_row_no(integer, integer) IS
  'The number of a row in its run of rows with the same (a, b), counted in the order the query returns its rows: 1 for a row whose (a, b) differs from the row before (NULL equals NULL), else one more than the row before; for rows sorted by (a, b), their row_number() OVER (PARTITION BY a, b) without a window. Name it in the output list only, not in ORDER BY: PostgreSQL then evaluates it after sorting (Appendix 8 numbers its rows per body and sector with it, issue 19)';

CREATE FUNCTION form_annual_summary_bodies(year integer, lang text DEFAULT 'ru', body_ids bigint[] DEFAULT NULL)
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
    -- The journal joined to the instructions and folded once, in the order
    -- the form prints its rows: bodies in the order asked, sectors in their
    -- order, in a sector by act (its day of signing, then the act; rows
    -- without an act last, where ascending order puts NULL), point and id.
    -- One body reads its instructions and their decisions by index, all
    -- bodies in one hash join in the parallel workers.  The fold is one
    -- aggregate per instruction, grouped in print order: every aggregate
    -- below has a partial mode (report_phrases for the phrases), so each
    -- worker sorts and folds its share and the leader combines the folded
    -- rows in print order (issue 19: a window over the gathered decisions
    -- folded them in one process, and its rows were deduplicated after it).
    -- The rows' requisites and content are written in the workers too, as
    -- keys of the group.  An instruction's decisions all meet its row in one
    -- worker, so the leader combines one partial row per instruction.
    SELECT k.body_no, k.sector_no, a.signed_on AS act_signed_on, i.act_id, i.point,
           -- i.id + 0, not i.id: the planner drops from GROUP BY the columns a
           -- table's key determines (the act and point above), and the folded
           -- rows would be sorted again for print
           i.id + 0 AS id,
           k.sector_pos, coalesce(b.sector, '') AS sector_key, i.secrecy, i.final_result,
           concat_ws(', ',
             CASE WHEN a.id IS NOT NULL
                  THEN a.requisites
                  ELSE w_instruction
                       || CASE WHEN i.external_ref IS NOT NULL THEN ' ' || i.external_ref ELSE '' END
                       || CASE WHEN i.received_on IS NOT NULL THEN ', ' || format(w_received_on, report_date(i.received_on)) ELSE '' END END,
             CASE WHEN i.point IS NOT NULL THEN format(w_point, i.point::text) END) AS requisites,
           CASE WHEN i.secrecy = 'state_secret'
                THEN format(w_secret, coalesce(i.paper_card_ref, '—'))
                ELSE i.content END AS content_shown,
           i.due_date AS due_now,
           k.owner, fr.content AS final_report, ir.content AS intermediate_report,
           -- the journal folded at the year's end, as instruction_as_of folds it
           min(d.decided_on) FILTER (WHERE d.kind = 'removal' AND d.decided_on <= y_end) AS removed_on,
           min(d.ground::text) FILTER (WHERE d.kind = 'removal' AND d.decided_on <= y_end) AS removal_ground,
           coalesce(bool_or(d.new_due_date IS NOT NULL AND d.decided_on > y_end), false) AS due_changed_later,
           -- what the first of those found: the deadline at the year's end
           report_first_day(d.seq, d.old_due_date)
             FILTER (WHERE d.new_due_date IS NOT NULL AND d.decided_on > y_end) AS due_found_later,
           (count(*) FILTER (WHERE d.kind = 'extension' AND d.decided_on <= y_end))::integer AS ext,
           (count(*) FILTER (WHERE d.kind = 'transfer' AND d.decided_on <= y_end))::integer AS tr,
           (count(*) FILTER (WHERE d.kind = 'new_deadline' AND d.decided_on <= y_end))::integer AS nd,
           -- the phrases are printed only for a row in progress: a removal
           -- on the ground executed makes the row executed (a removal closes
           -- the record, R75), so its phrase is never printed and not made
           report_phrases(d.seq, decision_phrase(d, words, i.secrecy = 'state_secret') || '.')
             FILTER (WHERE d.kind <> 'roadmap_approval' AND d.decided_on <= y_end
                       AND (d.kind <> 'removal' OR d.ground IS DISTINCT FROM 'executed')) AS phrases
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
     -- the sixteen columns above: print order first (the rows come grouped
     -- in it), then the rest of what the row prints of its instruction
     GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16
  ), rows AS (
    SELECT f.*, f.removed_on IS NULL AS on_control,
           -- the deadline then: the instruction's own unless a later decision
           -- moved it; then what the first such decision found (its old date)
           CASE WHEN f.due_changed_later THEN f.due_found_later ELSE f.due_now END AS due_then,
           CASE WHEN f.removed_on IS NOT NULL AND f.removal_ground = 'executed' THEN 'executed' ELSE 'in_progress' END AS status_code
      FROM folded f
    -- (no row removed before the year: folded leaves them out by the
    -- instruction's removed_on, the day its fold would find)
  )
  SELECT r.owner,
         nullif(r.sector_key, ''),
         sector_headings[r.sector_pos],
         -- the row's number in its body's sector: the rows come in print order
         report_row_no(r.body_no, r.sector_no),
         r.id,
         r.requisites,
         r.content_shown,
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
  -- the rows come folded in print order: numbered in it (report_row_no runs
  -- after this ORDER BY, which needs no sort) and returned in it
   ORDER BY r.body_no, r.sector_no, r.act_signed_on, r.act_id, r.point, r.id;
END
$$;
COMMENT ON FUNCTION form_annual_summary_bodies(integer, text, bigint[]) IS
  'Appendix 8 for many bodies at once (R75-1): the rows of form_annual_summary for every body of body_ids (NULL: every state body), body_id first, in one set-wise pass over the journal; bodies in the order given, then sectors and rows as form_annual_summary orders them. lang kk or ru (IC301); year outside 2000-2100 IC304; a role that sees part of the registry IC305';

-- One body's Appendix 8 is every body's for one body, behind the check that
-- the body exists (IC303).  An SQL function without SET, every name
-- qualified, so that the planner inlines it into the caller's statement:
-- the rows of form_annual_summary_bodies come straight from its tuple store,
-- not copied into a second one and sorted again by their place (issue 19:
-- about a twentieth of one body's time).  The check is a condition without
-- the rows' columns: the executor tests it once, before the form runs.
CREATE FUNCTION report_check_body(body_id bigint) RETURNS boolean
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM state_body b WHERE b.id = report_check_body.body_id) THEN
    RAISE EXCEPTION 'no state body %', coalesce(report_check_body.body_id::text, 'NULL')
      USING ERRCODE = 'IC303', HINT = 'Name a body of instruction_control.state_body by its id.';
  END IF;
  RETURN true;
END
$$;
COMMENT ON FUNCTION report_check_body(bigint) IS
  'True if the state body exists; otherwise raises IC303 (the forms of one body: Appendix 8)';

CREATE FUNCTION form_annual_summary(body_id bigint, year integer, lang text DEFAULT 'ru')
RETURNS TABLE (sector text, sector_heading text, row_no integer, instruction_id bigint, requisites text,
               content text, status text, status_label text, final_result text, intermediate_result text,
               due_date date, extensions integer, transfers integer, new_deadlines integer, state_secret boolean)
LANGUAGE sql STABLE
-- not pinned, every name qualified: the planner inlines it (above)
AS $$
  SELECT f.sector, f.sector_heading, f.row_no, f.instruction_id, f.requisites, f.content, f.status, f.status_label,
         f.final_result, f.intermediate_result, f.due_date, f.extensions, f.transfers, f.new_deadlines, f.state_secret
    FROM instruction_control.form_annual_summary_bodies(form_annual_summary.year, form_annual_summary.lang,
                                                        ARRAY[form_annual_summary.body_id]) AS f
   WHERE instruction_control.report_check_body(form_annual_summary.body_id)
$$;
COMMENT ON FUNCTION form_annual_summary(bigint, integer, text) IS
  'Appendix 8, annual summary of a body for a year (жыл сайынғы жиынтық есеп / ежегодный сводный отчёт, R75-1): the instructions below PA level given to its control as they stood at the year''s end (the journal folded), grouped by sector (in Kazakh by the Kazakh alphabet), status executed / in progress only (a removal on another ground is in progress with the removal and its ground in the intermediate result), the final result or the intermediate result with the facts of extensions, transfers and new deadlines. lang kk or ru (IC301); unknown body IC303; year outside 2000-2100 IC304';

CREATE FUNCTION form_annual_summary_csv(body_id bigint, year integer, lang text DEFAULT 'ru', delimiter text DEFAULT ',',
                                        bom boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT report_form_csv('annual_summary', lang,
                         jsonb_agg(f ORDER BY o),   -- the row function's order
                         delimiter, bom)
    FROM form_annual_summary(body_id, year, lang) WITH ORDINALITY AS f(sector, sector_heading, row_no, instruction_id, requisites,
         content, status, status_label, final_result, intermediate_result, due_date, extensions, transfers, new_deadlines,
         state_secret, o)
$$;
COMMENT ON FUNCTION form_annual_summary_csv(bigint, integer, text, text, boolean) IS
  'Appendix 8 as CSV (RFC 4180, CRLF, a header row with the form''s column headings in kk or ru; the sector heading in the first column); for Excel in kk and ru locales delimiter => '';'', bom => true (a UTF-8 byte order mark first); delimiter '','', '';'' or a tab, else IC306';

CREATE FUNCTION form_annual_summary_html(body_id bigint, year integer, lang text DEFAULT 'ru') RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  is_kk boolean := report_check_lang(lang) = 'kk';
  b state_body;
  rows jsonb;
BEGIN
  SELECT * INTO b FROM state_body WHERE id = body_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no state body %', coalesce(body_id::text, 'NULL')
      USING ERRCODE = 'IC303', HINT = 'Name a body of instruction_control.state_body by its id.';
  END IF;
  SELECT jsonb_agg(f ORDER BY o)   -- the row function's order
    INTO rows
    FROM form_annual_summary(body_id, year, lang) WITH ORDINALITY AS f(sector, sector_heading, row_no, instruction_id, requisites,
         content, status, status_label, final_result, intermediate_result, due_date, extensions, transfers, new_deadlines,
         state_secret, o);
  -- the words from the vocabulary (form_phrase); only their order on the page is Kazakh or Russian
  RETURN report_html_head(label('form_phrase', 'annual_summary_title', lang), lang)
    || '<div class="appendix">'
    || CASE WHEN is_kk
            THEN report_html_escape(label('form_phrase', 'rules_of_decree', lang)) || '<br><b>' || report_html_escape(format(label('form_phrase', 'appendix', lang), 8)) || '</b>'
            ELSE '<b>' || report_html_escape(format(label('form_phrase', 'appendix', lang), 8)) || '</b><br>' || report_html_escape(label('form_phrase', 'rules_of_decree', lang)) END
    || '</div><h1>'
    || report_html_escape(label('form_phrase', 'annual_summary_heading', lang))
    || '</h1><p class="sub">'
    || report_html_escape(format(label('form_phrase', 'annual_summary_year', lang),
                                 CASE WHEN is_kk THEN coalesce(b.name_kk, b.name) ELSE coalesce(b.name_ru, b.name) END, year))
    || '</p>'
    || report_form_html_table('annual_summary', lang, rows)
    -- R75-1: the signatory line (who signed, or the positions that may sign)
    || (SELECT coalesce(string_agg('<p class="sign">' || report_html_escape(label('form_phrase', 'signatory_line', lang)) || ': '
                                   || report_html_escape(concat_ws(', ', g.signatory_label, g.supervision_area))
                                   || ' ____________ ' || coalesce(report_html_escape(g.person), '') || '</p>', ''), '')
          FROM annual_summary_signatories(body_id, year, lang) g)
    || '<p class="note">' || report_html_escape(label('form_phrase', 'annual_summary_note', lang))
    || '</p></body></html>';
END
$$;
COMMENT ON FUNCTION form_annual_summary_html(bigint, integer, text) IS
  'Appendix 8 as a printable HTML document (A4 landscape) in Kazakh (kk) or Russian (ru), rows grouped under sector headings; every interpolated value is HTML-escaped';

-- Indexes the reports use --------------------------------------------------------

-- Dashboards filter report_discipline by year, quarter or month of the deadline
-- and group by body and month: statistics on those expressions let the planner
-- estimate them (without them a year is guessed at 0.5% of the rows).
CREATE STATISTICS instruction_report_period_stats
  ON responsible_body_id, (date_trunc('month', due_date::timestamp)::date),
     (extract(year FROM date_trunc('month', due_date::timestamp)::date)::integer)
  FROM instruction;
COMMENT ON STATISTICS instruction_report_period_stats IS
  'Lets the planner estimate report_discipline''s filters on the year and its grouping by body and month of the deadline';

-- The discipline figures count the few decisions that are not first extensions
-- or removals (transfers, new deadlines, repeated extensions) from this small
-- partial index instead of reading the whole journal; a first extension or a
-- removal, the bulk of the journal, does not enter it.
CREATE INDEX decision_report_changes_idx ON decision (instruction_id, kind)
  WHERE kind IN ('transfer', 'new_deadline') OR (kind = 'extension' AND repeated);
COMMENT ON INDEX decision_report_changes_idx IS
  'The transfers, new deadlines and repeated extensions of the journal, for report_discipline';

-- A body's instructions by the controlling body: the references to a state
-- body (its deletion, host_row_user); Appendix 8 reads instruction_owner_idx.
CREATE INDEX instruction_controlling_idx ON instruction (controlling_body_id) WHERE controlling_body_id IS NOT NULL;
COMMENT ON INDEX instruction_controlling_idx IS 'The instructions under a body''s control: the references to a state body (its deletion, host_row_user)';

-- Privileges: the Security section (90_security.sql).
