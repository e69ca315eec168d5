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

\definition code_of sql/src/35_registry_triggers.sql

\definition sector_heading sql/src/70_reporting.sql

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

-- form_annual_summary(): as 0.3 has it, named by 99f_forms.sql (\definition)

CREATE OR REPLACE FUNCTION form_annual_summary_csv(body_id bigint, year integer, lang text DEFAULT 'ru') RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT report_form_csv('annual_summary', lang,
                         jsonb_agg(f ORDER BY CASE WHEN lang = 'kk' THEN f.sector_heading COLLATE instruction_control.kk END,
                                              f.sector_heading COLLATE instruction_control.ru, f.row_no))
    FROM form_annual_summary(body_id, year, lang) f
$$;

-- form_annual_summary_html(): as 0.3 has it, named by 99s_signatories_tail.sql (\definition)

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
