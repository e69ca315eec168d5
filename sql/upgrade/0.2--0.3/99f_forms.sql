/*
 * 99f_forms: Appendix 5 and 8 as the decree draws them (issue 18, Forms) and
 * Appendix 8 set-wise (issue 19), helper R4.  Follows sql/src/70_reporting.sql,
 * 70b_forms.sql and 70c_annual_summary.sql (Helpers, the forms' phrases and
 * writers, Appendix 8) and
 * sql/src/35_registry_triggers.sql (the decider's label):
 * - new: kk_number_ending(bigint, text) (C, src/reporting/kk_case*.c) and
 *   report_date_kk(date, text): Kazakh case endings after a date;
 *   report_kk_sort_key(text): Kazakh alphabetical order without ICU;
 *   form_annual_summary_bodies(integer, text, bigint[]): Appendix 8 for many
 *   bodies in one pass over the journal;
 * - form_annual_summary: PA-level points left out (R75-1), two statuses (a
 *   removal on another ground is in progress with its ground stated), a wrapper
 *   of form_annual_summary_bodies; its CSV and HTML keep its order;
 * - the writers print the footnote marks (CSV header, the sector rows);
 * - vocabulary: «Президент Кеңесінің бастығы» / «Начальник Канцелярии
 *   Президента»; the title «… есебінің нысаны» / «Форма …»; the state-secret
 *   card without «(R14)»; the Kazakh extension phrase with case endings; a
 *   removal names its ground; status_removed is gone (two statuses).
 */

-- Vocabulary --------------------------------------------------------------------
UPDATE vocabulary SET kk = 'Президент Кеңесінің бастығы', ru = 'Начальник Канцелярии Президента'
 WHERE domain = 'decider' AND code = 'head_of_presidents_office';
UPDATE vocabulary SET kk = 'Мемлекеттік құпиялар: қағаз карточка %s', ru = 'Государственные секреты: бумажная карточка %s',
       en = 'State secrets: paper card %s'
 WHERE domain = 'form_phrase' AND code = 'state_secret_card';
UPDATE vocabulary SET kk = '%1$s мерзім %6$s бастап %7$s дейін %4$sұзартылды (%5$s)'
 WHERE domain = 'form_phrase' AND code = 'decision_extension';
UPDATE vocabulary SET kk = '%1$s бақылаудан алынды (%2$s)', ru = 'Снято с контроля %1$s (%2$s)', en = 'Removed from control on %1$s (%2$s)'
 WHERE domain = 'form_phrase' AND code = 'decision_removal';
UPDATE vocabulary
   SET kk = 'Үкіметтің (орталық мемлекеттік немесе жергілікті атқарушы органның) өздерінің бақылауына берілген тапсырмалар бойынша жыл сайынғы жиынтық есебінің нысаны',
       ru = 'Форма ежегодного сводного отчёта Правительства (центрального государственного или местного исполнительного органа) по поручениям, переданным на их контроль',
       en = 'Form of the annual summary of the Government (a central state body or a local executive body) on the instructions passed to its control'
 WHERE domain = 'form_phrase' AND code = 'annual_summary_heading';
DELETE FROM vocabulary WHERE domain = 'form_phrase' AND code = 'status_removed';

-- Kazakh case endings after a date --------------------------------------------------
-- a form's dates: report_date is STABLE as to_char is, so that the planner inlines it
ALTER FUNCTION report_date(date) STABLE;
CREATE FUNCTION kk_number_ending(n bigint, grammatical_case text) RETURNS text
AS 'MODULE_PATHNAME', 'ic_kk_number_ending_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kk_number_ending(bigint, text) IS
  'The Kazakh case ending (no hyphen) a number written in digits takes: grammatical_case ablative (шығыс септік: -дан/-ден/-тан/-тен/-нан/-нен) or dative (барыс септік: -ға/-ге/-қа/-ке), by the last word of the number read aloud: kk_number_ending(2025, ''ablative'') = тен; another case raises 22023';

CREATE FUNCTION report_date_kk(d date, grammatical_case text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
RETURN pg_catalog.to_char(d, 'DD.MM.YYYY') OPERATOR(pg_catalog.||) '-'
       OPERATOR(pg_catalog.||) instruction_control.kk_number_ending(pg_catalog.date_part('year', d)::bigint, grammatical_case);
COMMENT ON FUNCTION report_date_kk(date, text) IS
  'A day as the forms print it in Kazakh with a case ending after its year (kk_number_ending): report_date_kk(''2025-03-11'', ''ablative'') = 11.03.2025-тен; NULL for NULL';

-- Phrases and writers ------------------------------------------------------------
CREATE OR REPLACE FUNCTION decision_phrase(d decision, words jsonb, hide_reason boolean) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
-- not pinned, every name qualified: the planner inlines it into the form's query
AS $$
  SELECT CASE
    WHEN d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'extension' THEN
      pg_catalog.format(words OPERATOR(pg_catalog.->>) 'form_phrase:decision_extension',
             instruction_control.report_date(d.decided_on), instruction_control.report_date(d.old_due_date),
             instruction_control.report_date(d.new_due_date),
             CASE WHEN d.repeated THEN (words OPERATOR(pg_catalog.->>) 'form_phrase:repeated') OPERATOR(pg_catalog.||) ' ' ELSE '' END,
             coalesce(words OPERATOR(pg_catalog.->>) ('decider:' OPERATOR(pg_catalog.||) d.decided_by::pg_catalog.text), d.decided_by::pg_catalog.text),
             -- the Kazakh phrase: the dates with the case endings бастап and дейін want
             instruction_control.report_date_kk(d.old_due_date, 'ablative'), instruction_control.report_date_kk(d.new_due_date, 'dative'))
    WHEN d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'transfer' THEN
      pg_catalog.format(words OPERATOR(pg_catalog.->>) 'form_phrase:decision_transfer', instruction_control.report_date(d.decided_on),
             pg_catalog.lower(coalesce(words OPERATOR(pg_catalog.->>) ('control_regime:' OPERATOR(pg_catalog.||) d.new_regime::pg_catalog.text), d.new_regime::pg_catalog.text) COLLATE instruction_control.und),
             instruction_control.report_date(d.new_due_date))
    WHEN d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'new_deadline' THEN
      pg_catalog.format(words OPERATOR(pg_catalog.->>) 'form_phrase:decision_new_deadline', instruction_control.report_date(d.decided_on),
             instruction_control.report_date(d.new_due_date),
             CASE WHEN d.reason IS NOT NULL AND NOT hide_reason
                  THEN ' (' OPERATOR(pg_catalog.||) pg_catalog.lower(coalesce(words OPERATOR(pg_catalog.->>) ('new_deadline_reason:' OPERATOR(pg_catalog.||) d.reason), d.reason) COLLATE instruction_control.und) OPERATOR(pg_catalog.||) ')'
                  ELSE '' END)
    WHEN d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'removal' THEN
      -- the ground named: a removal on a ground other than executed is stated in Appendix 8's result column
      pg_catalog.format(words OPERATOR(pg_catalog.->>) 'form_phrase:decision_removal', instruction_control.report_date(d.decided_on),
             coalesce(words OPERATOR(pg_catalog.->>) ('removal_ground:' OPERATOR(pg_catalog.||) d.ground::pg_catalog.text), d.ground::pg_catalog.text))
    ELSE pg_catalog.concat_ws(' ', words OPERATOR(pg_catalog.->>) ('decision_kind:' OPERATOR(pg_catalog.||) d.kind::pg_catalog.text), instruction_control.report_date(d.decided_on))
  END
$$;

-- report_form_columns(): as 0.3 has it, named by 99s_signatories_tail.sql (\definition)

\definition report_form_csv sql/src/70b_forms.sql

\definition report_form_html_table sql/src/70b_forms.sql

-- Appendix 8 ------------------------------------------------------------------------
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
  w_no_sector text := sector_heading(NULL, checked_lang);
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
  WITH heading AS MATERIALIZED (
    -- a sector's heading once per body, not per row
    SELECT b.id, coalesce(b.sector, '') AS sector_key, sector_heading(nullif(b.sector, ''), checked_lang) AS heading
      FROM state_body b
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
           coalesce(h.sector_key, '') AS sector_key, coalesce(h.heading, w_no_sector) AS heading,
           CASE WHEN f.removed_on IS NOT NULL AND f.removal_ground = 'executed' THEN 'executed' ELSE 'in_progress' END AS status_code
      FROM folded f
      LEFT JOIN heading h ON h.id = f.responsible_body_id
     WHERE f.removed_on IS NULL OR f.removed_on >= y_start
  )
  SELECT r.owner,
         nullif(r.sector_key, ''),
         r.heading,
         (row_number() OVER (PARTITION BY r.owner, r.sector_key ORDER BY a.signed_on NULLS LAST, r.act_id NULLS LAST, r.point NULLS LAST, r.id))::integer,
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
   -- bodies in the order asked; sectors in the alphabetical order of the
   -- form's language whatever the database's collation: Kazakh by the
   -- alphabet's key (report_kk_sort_key), Russian by instruction_control.ru
   ORDER BY array_position(the_bodies, r.owner),
            -- (COLLATE "C" here: a function's result takes the database's collation)
            CASE WHEN checked_lang = 'kk' THEN report_kk_sort_key(r.heading) COLLATE "C" END,
            CASE WHEN checked_lang = 'kk' THEN r.heading COLLATE instruction_control.kk END,
            r.heading COLLATE instruction_control.ru, 4;
END
$$;
COMMENT ON FUNCTION form_annual_summary_bodies(integer, text, bigint[]) IS
  'Appendix 8 for many bodies at once (R75-1): the rows of form_annual_summary for every body of body_ids (NULL: every state body), body_id first, in one set-wise pass over the journal; bodies in the order given, then sectors and rows as form_annual_summary orders them. lang kk or ru (IC301); year outside 2000-2100 IC304; a role that sees part of the registry IC305';

-- form_annual_summary(): as 0.3 has it, named by 99zq_annual_summary_folded_in_workers.sql (\definition)

\definition form_annual_summary_csv sql/src/70c_annual_summary.sql

-- form_annual_summary_html(): as 0.3 has it, named by 99s_signatories_tail.sql (\definition)
