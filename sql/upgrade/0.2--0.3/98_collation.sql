/*
 * 98_collation: the same answer on every cluster (issue 17, item 3), helper E.
 * Follows sql/src/00_foundation.sql, section "Collations", and the functions
 * that sort or case-fold user-visible text:
 * - new: the collations instruction_control.kk, ru, und (ICU kk-KZ, ru-RU and
 *   root; a copy of "C" where the database cannot use ICU);
 * - replaced (same signatures and results on a C.UTF-8 cluster): the annual
 *   summary (Appendix 8: form_annual_summary[_csv|_html]) sorts its sectors by
 *   the form's language; decision_phrase(), code_of() and sector_heading()
 *   fold case with und, not the database's lc_ctype; label(code, lang) and the
 *   view decision_matrix sort codes by "C";
 * - vocabulary_synonym's lower-case check folds with und, as code_of() does
 *   (a synonym stored in capitals under a C lc_ctype is folded first).
 */

-- Collations (issue 17, item 3): user-visible text (sector headings of the
-- forms, labels, names) is sorted and case-folded with these, never with the
-- database's own collation, so one registry gives the same form on a C, a
-- ru_RU and a kk_KZ cluster.  kk follows the Kazakh alphabet (А Ә Б В Г Ғ Д
-- ... К Қ ... Н Ң О Ө ... У Ұ Ү ... Х Һ ... Ы І ... Э Ю Я), ru the Russian one,
-- und is ICU's root order (English, and case folding of any script).  Codes
-- sort by "C".  Where the database cannot use ICU (a server built without it,
-- an SQL_ASCII database) each is a copy of "C": the order of code points, the
-- same on every such cluster.  The form of a language sorts with its collation
-- (README, Collation and locale).
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT * FROM (VALUES ('kk', 'kk-KZ'), ('ru', 'ru-RU'), ('und', 'und')) AS v(name, locale) LOOP
    BEGIN
      EXECUTE pg_catalog.format('CREATE COLLATION instruction_control.%I (provider = icu, locale = %L)', c.name, c.locale);
    EXCEPTION WHEN feature_not_supported THEN
      RAISE WARNING 'collation instruction_control.% is a copy of "C": %', c.name, SQLERRM
        USING HINT = 'ICU collations need a server built with ICU and a database encoding other than SQL_ASCII.';
      EXECUTE pg_catalog.format('CREATE COLLATION instruction_control.%I FROM pg_catalog."C"', c.name);
    END;
  END LOOP;
END
$$;
COMMENT ON COLLATION instruction_control.kk IS 'Kazakh alphabetical order (ICU kk-KZ) for the forms in Kazakh (қазақ әліпбиі бойынша / по казахскому алфавиту)';
COMMENT ON COLLATION instruction_control.ru IS 'Russian alphabetical order (ICU ru-RU) for the forms in Russian (орыс әліпбиі бойынша / по русскому алфавиту)';
COMMENT ON COLLATION instruction_control.und IS 'ICU root order, for English labels and for case folding (lower) of any script independent of the database''s lc_ctype';

CREATE OR REPLACE FUNCTION label(code text, lang text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  domains text[];
BEGIN
  IF EXISTS (SELECT 1 FROM control_levels() l WHERE l::text = code) THEN
    RETURN label(code::control_level, lang);
  END IF;
  IF EXISTS (SELECT 1 FROM instruction_kinds() k WHERE k::text = code) THEN
    RETURN label(code::instruction_kind, lang);
  END IF;
  SELECT array_agg(v.domain ORDER BY v.domain COLLATE "C") INTO domains FROM vocabulary v WHERE v.code = label.code;
  IF domains IS NULL THEN
    RAISE EXCEPTION 'no label for code "%"', code
      USING ERRCODE = '22023', HINT = 'The codes with labels are listed in instruction_control.vocabulary.';
  ELSIF cardinality(domains) > 1 THEN
    RAISE EXCEPTION 'code "%" belongs to several vocabularies: %', code, array_to_string(domains, ', ')
      USING ERRCODE = '22023', HINT = format('Name the vocabulary: label(%L, %L, %L).', domains[1], code, lang);
  END IF;
  RETURN label(domains[1], code, lang);
END
$$;

CREATE OR REPLACE FUNCTION code_of(domain text, name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  -- case folded by ICU's root rules, not the database's lc_ctype (issue 17 item 3)
  folded text := lower(btrim(name, E' \t\r\n\u00a0') COLLATE instruction_control.und);
  result text;
BEGIN
  SELECT v.code INTO result FROM vocabulary v
   WHERE v.domain = code_of.domain
     AND folded IN (v.code, lower(v.kk COLLATE instruction_control.und), lower(v.ru COLLATE instruction_control.und),
                    lower(v.en COLLATE instruction_control.und))
   LIMIT 1;
  IF result IS NULL THEN
    SELECT s.code INTO result FROM vocabulary_synonym s
     WHERE s.domain = code_of.domain AND s.synonym = folded;
  END IF;
  IF result IS NULL THEN
    RAISE EXCEPTION 'no code of % is named "%"', domain, name
      USING ERRCODE = '22023',
            HINT = 'Use a code, a kk/ru/en label, or add a synonym to instruction_control.vocabulary_synonym.';
  END IF;
  RETURN result;
END
$$;

CREATE OR REPLACE FUNCTION sector_heading(sector text, lang text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT coalesce(
    (SELECT CASE lang WHEN 'kk' THEN h.kk WHEN 'ru' THEN h.ru ELSE h.en END
       FROM sector_heading h WHERE h.sector = $1),
    (SELECT CASE lang WHEN 'kk' THEN b.kk WHEN 'ru' THEN b.ru ELSE b.en END
       FROM (VALUES
         ('labour and social protection', 'Еңбек және халықты әлеуметтік қорғау саласында', 'В сфере труда и социальной защиты населения', 'In labour and social protection'),
         ('health care', 'Денсаулық сақтау саласында', 'В сфере здравоохранения', 'In health care'),
         ('education', 'Білім беру саласында', 'В сфере образования', 'In education'),
         ('science', 'Ғылым саласында', 'В сфере науки', 'In science'),
         ('finance', 'Қаржы саласында', 'В сфере финансов', 'In finance'),
         ('economy', 'Экономика саласында', 'В сфере экономики', 'In the economy'),
         ('agriculture', 'Ауыл шаруашылығы саласында', 'В сфере сельского хозяйства', 'In agriculture'),
         ('energy', 'Энергетика саласында', 'В сфере энергетики', 'In energy'),
         ('digital development', 'Цифрлық даму саласында', 'В сфере цифрового развития', 'In digital development'),
         ('transport', 'Көлік саласында', 'В сфере транспорта', 'In transport'),
         ('culture', 'Мәдениет саласында', 'В сфере культуры', 'In culture'),
         ('justice', 'Әділет саласында', 'В сфере юстиции', 'In justice'),
         ('internal affairs', 'Ішкі істер саласында', 'В сфере внутренних дел', 'In internal affairs'),
         ('regional development', 'Өңірлік даму саласында', 'В сфере регионального развития', 'In regional development'),
         ('ecology', 'Экология саласында', 'В сфере экологии', 'In ecology')
       ) AS b(sector, kk, ru, en) WHERE b.sector = lower($1 COLLATE instruction_control.und)),
    $1,
    CASE lang WHEN 'kk' THEN 'Сала көрсетілмеген' WHEN 'ru' THEN 'Сфера не указана' ELSE 'Sector not given' END)
$$;

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
             coalesce(words OPERATOR(pg_catalog.->>) ('decider:' OPERATOR(pg_catalog.||) d.decided_by::pg_catalog.text), d.decided_by::pg_catalog.text))
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
      pg_catalog.format(words OPERATOR(pg_catalog.->>) 'form_phrase:decision_removal', instruction_control.report_date(d.decided_on))
    ELSE pg_catalog.concat_ws(' ', words OPERATOR(pg_catalog.->>) ('decision_kind:' OPERATOR(pg_catalog.||) d.kind::pg_catalog.text), instruction_control.report_date(d.decided_on))
  END
$$;

CREATE OR REPLACE FUNCTION form_annual_summary(body_id bigint, year integer, lang text DEFAULT 'ru')
RETURNS TABLE (sector text, sector_heading text, row_no integer, instruction_id bigint, requisites text,
               content text, status text, status_label text, final_result text, intermediate_result text,
               due_date date, extensions integer, transfers integer, new_deadlines integer, state_secret boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  the_body bigint := body_id;
  y_start date;
  y_end date;
  checked_lang text := report_check_lang(lang);
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
  w_removed text := label('form_phrase', 'status_removed', checked_lang);
  words jsonb := report_words(checked_lang);
BEGIN
  IF NOT EXISTS (SELECT 1 FROM state_body b WHERE b.id = the_body) THEN
    RAISE EXCEPTION 'no state body %', coalesce(the_body::text, 'NULL')
      USING ERRCODE = 'IC303', HINT = 'Name a body of instruction_control.state_body by its id.';
  END IF;
  IF year IS NULL OR year < 2000 OR year > 2100 THEN
    RAISE EXCEPTION 'no annual summary for year %', coalesce(year::text, 'NULL')
      USING ERRCODE = 'IC304', HINT = 'Give a year from 2000 to 2100.';
  END IF;
  y_start := make_date(year, 1, 1);
  y_end := make_date(year, 12, 31);
  RETURN QUERY
  WITH mine AS (
    SELECT i.*
      FROM instruction i
     WHERE (i.controlling_body_id = the_body
            OR (i.controlling_body_id IS NULL AND i.responsible_body_id = the_body AND i.level <> 'pa'))
       AND coalesce(i.received_on, i.created_at::date) <= y_end
  ), rows AS (
    SELECT m.id, m.act_id, m.point, m.secrecy, m.content, m.final_result, m.paper_card_ref, m.received_on,
           m.calendar, m.external_ref,
           coalesce(rb.sector, '') AS sector_key,
           s.on_control, s.due_date AS due_then, s.removed_on AS removed_then, s.removal_ground,
           s.extension_decisions AS ext, s.transfers AS tr, s.new_deadlines AS nd, s.regime AS regime_then,
           CASE WHEN s.on_control THEN 'in_progress' WHEN s.removal_ground = 'executed' THEN 'executed' ELSE 'removed' END AS status_code
      FROM mine m
      JOIN instruction_as_of(y_end) s ON s.instruction_id = m.id
      LEFT JOIN state_body rb ON rb.id = m.responsible_body_id
     WHERE s.on_control OR s.removed_on >= y_start
  )
  SELECT nullif(r.sector_key, ''),
         sector_heading(nullif(r.sector_key, ''), lang),
         (row_number() OVER (PARTITION BY r.sector_key ORDER BY a.signed_on NULLS LAST, r.act_id NULLS LAST, r.point NULLS LAST, r.id))::integer,
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
         CASE r.status_code WHEN 'in_progress' THEN w_in_progress WHEN 'executed' THEN w_executed
              ELSE format(w_removed, report_label('removal_ground', r.removal_ground, lang)) END,
         -- executed: the final result in brief
         CASE WHEN NOT r.on_control AND r.removal_ground = 'executed' THEN
           CASE WHEN r.secrecy = 'state_secret' THEN NULL
                ELSE coalesce(
                  (SELECT p.content FROM report p WHERE p.instruction_id = r.id AND p.kind = 'final' AND p.submitted_on <= y_end
                    ORDER BY p.submitted_on DESC, p.id DESC LIMIT 1),
                  r.final_result) END
           || ''
         END,
         -- in progress: the intermediate result with the facts of extensions, transfers and new deadlines
         CASE WHEN r.on_control OR r.removal_ground <> 'executed' THEN
           nullif(concat_ws(' ',
             CASE WHEN r.secrecy <> 'state_secret' AND r.on_control THEN
               (SELECT p.content || '.' FROM report p WHERE p.instruction_id = r.id AND p.kind = 'intermediate' AND p.submitted_on <= y_end
                 ORDER BY p.submitted_on DESC, p.id DESC LIMIT 1) END,
             (SELECT string_agg(decision_phrase(d, words, r.secrecy = 'state_secret') || '.', ' ' ORDER BY d.seq)
                FROM decision d
               WHERE d.instruction_id = r.id AND d.decided_on <= y_end AND d.kind <> 'roadmap_approval'),
             CASE WHEN r.on_control THEN
               format(w_due, coalesce(report_date(r.due_then), '—'))
               || CASE WHEN r.due_then < y_end THEN w_due_passed ELSE '' END || '.' END), '')
         END,
         r.due_then,
         r.ext, r.tr, r.nd,
         r.secrecy = 'state_secret'
    FROM rows r
    LEFT JOIN act a ON a.id = r.act_id
   -- sectors in the alphabetical order of the form's language, whatever the
   -- database's collation (instruction_control.kk / ru, issue 17 item 3)
   ORDER BY CASE WHEN checked_lang = 'kk' THEN sector_heading(nullif(r.sector_key, ''), lang) COLLATE instruction_control.kk END,
            sector_heading(nullif(r.sector_key, ''), lang) COLLATE instruction_control.ru, 3;
END
$$;

CREATE OR REPLACE FUNCTION form_annual_summary_csv(body_id bigint, year integer, lang text DEFAULT 'ru') RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT report_form_csv('annual_summary', lang,
                         jsonb_agg(f ORDER BY CASE WHEN lang = 'kk' THEN f.sector_heading COLLATE instruction_control.kk END,
                                              f.sector_heading COLLATE instruction_control.ru, f.row_no))
    FROM form_annual_summary(body_id, year, lang) f
$$;

CREATE OR REPLACE FUNCTION form_annual_summary_html(body_id bigint, year integer, lang text DEFAULT 'ru') RETURNS text
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
  SELECT jsonb_agg(f ORDER BY CASE WHEN is_kk THEN f.sector_heading COLLATE instruction_control.kk END,
                              f.sector_heading COLLATE instruction_control.ru, f.row_no)
    INTO rows
    FROM form_annual_summary(body_id, year, lang) f;
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
    || '<p class="note">' || report_html_escape(label('form_phrase', 'annual_summary_note', lang))
    || '</p></body></html>';
END
$$;

CREATE OR REPLACE VIEW decision_matrix AS
SELECT r.precedence, r.action::text AS action, r.level::text AS level, r.kind_class::text AS kind_class,
       r.repeated, r.drafter::text AS drafter, r.deciders::text[] AS deciders, r.rule_id,
       r.effective_from, r.effective_to, r.basis, 'decision_rule'::text AS source
  FROM decision_rule r
 WHERE r.enabled
UNION ALL
SELECT 900, a.action::text, a.level::text, 'any', NULL, NULL,
       array_agg(a.decider::text ORDER BY a.decider::text COLLATE "C"), 'R74-1', NULL, NULL,
       string_agg(a.basis, '; ' ORDER BY a.decider::text COLLATE "C"), 'decision_authority'
  FROM decision_authority a
 WHERE a.enabled
 GROUP BY a.action, a.level;

UPDATE vocabulary_synonym SET synonym = lower(btrim(synonym) COLLATE instruction_control.und)
 WHERE synonym IS DISTINCT FROM lower(btrim(synonym) COLLATE instruction_control.und);
ALTER TABLE vocabulary_synonym DROP CONSTRAINT vocabulary_synonym_synonym_check,
  ADD CONSTRAINT vocabulary_synonym_synonym_check CHECK (synonym = lower(btrim(synonym) COLLATE instruction_control.und) AND synonym <> '');
