-- The same answer on every cluster (issue 17, item 3): Appendix 8 (R75-1) sorts
-- its sectors in the alphabetical order of the form's language with the
-- extension's ICU collations (instruction_control.kk, ru), not with the
-- database's collation: in Kazakh Ғылым and Қаржы come before Экономика (the
-- Kazakh alphabet ... Г Ғ ... К Қ ... Э Ю Я), in Russian Cyrillic headings come
-- before Latin ones.  Rows, CSV and HTML agree.  Case folding of labels
-- (decision phrases, code_of) uses ICU's root rules, not lc_ctype.  The same
-- file runs on the ru_RU.UTF-8 and kk_KZ.UTF-8 clusters of
-- test/integration/locale_clusters.sh, which also compares a C database.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(10);

-- The collations: extension members, ICU here (this server is built with ICU)
SELECT is((SELECT string_agg(c.collname || ':' || c.collprovider::text || ':' || c.colliculocale, ' ' ORDER BY c.collname COLLATE "C")
             FROM pg_collation c
             JOIN pg_depend d ON d.classid = 'pg_collation'::regclass AND d.objid = c.oid AND d.deptype = 'e'
             JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'instruction_control'),
          'kk:i:kk-KZ ru:i:ru-RU und:i:und',
          'the collations kk, ru and und are ICU collations of the extension (dumped and upgraded with it)');

-- A controlling body and one instruction in each of six sectors
INSERT INTO state_body (code, name, name_kk, name_ru, body_type, sector) VALUES
  ('C-GOV', 'Government', 'Үкімет', 'Правительство', 'government', NULL),
  ('C-EC', 'Ministry of Economy', NULL, NULL, 'central', 'economy'),
  ('C-SC', 'Ministry of Science', NULL, NULL, 'central', 'science'),
  ('C-FI', 'Ministry of Finance', NULL, NULL, 'central', 'finance'),
  ('C-AG', 'Ministry of Agriculture', NULL, NULL, 'central', 'agriculture'),
  ('C-JU', 'Ministry of Justice', NULL, NULL, 'central', 'justice'),
  ('C-X', 'Agency X', NULL, NULL, 'central', 'Custom sector');
SELECT id AS gov FROM state_body WHERE code = 'C-GOV' \gset
\o /dev/null
SELECT count(put_on_control('event', 'government', '2025-03-03', term => '10 wd', responsible_body_id => b.id,
                            controlling_body_id => :gov, content => 'Measure of ' || b.name))
  FROM state_body b WHERE b.code LIKE 'C-%' AND b.code <> 'C-GOV';
SELECT i.id AS sc FROM instruction i JOIN state_body b ON b.id = i.responsible_body_id AND b.code = 'C-SC' \gset
SELECT transfer_control(:sc, 'medium_term', '2027-12-24', 'prime_minister', 'letter 1', 'the harvest failed', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}');
\o

\set kk_order '''{"Ауыл шаруашылығы саласында","Әділет саласында","Ғылым саласында","Қаржы саласында","Экономика саласында","Custom sector"}''::text[]'
\set ru_order '''{"В сфере науки","В сфере сельского хозяйства","В сфере финансов","В сфере экономики","В сфере юстиции","Custom sector"}''::text[]'

SELECT is((SELECT array_agg(f.sector_heading ORDER BY o) FROM form_annual_summary(:gov, 2025, 'kk') WITH ORDINALITY AS f(sector, sector_heading, row_no, instruction_id, requisites, content, status, status_label, final_result, intermediate_result, due_date, extensions, transfers, new_deadlines, state_secret, o)),
          :kk_order,
          'R75-1: Appendix 8 in Kazakh lists the sectors in the Kazakh alphabet (Ғылым, Қаржы before Экономика) whatever the database collation');
SELECT is((SELECT array_agg(f.sector_heading ORDER BY o) FROM form_annual_summary(:gov, 2025, 'ru') WITH ORDINALITY AS f(sector, sector_heading, row_no, instruction_id, requisites, content, status, status_label, final_result, intermediate_result, due_date, extensions, transfers, new_deadlines, state_secret, o)),
          :ru_order,
          'R75-1: Appendix 8 in Russian lists the sectors in the Russian alphabet, Cyrillic before Latin');
SELECT is((SELECT array_agg(h ORDER BY strpos(form_annual_summary_csv(:gov, 2025, 'kk'), h)) FROM unnest(:kk_order) h),
          :kk_order, 'R75-1: the CSV of Appendix 8 in Kazakh has the sectors in the same order');
SELECT is((SELECT array_agg(h ORDER BY strpos(form_annual_summary_html(:gov, 2025, 'kk'), '<td colspan="6">' || h)) FROM unnest(:kk_order) h),
          :kk_order, 'R75-1: the HTML of Appendix 8 in Kazakh has the sectors in the same order');
SELECT is((SELECT array_agg(h ORDER BY strpos(form_annual_summary_csv(:gov, 2025, 'ru'), h)) FROM unnest(:ru_order) h),
          :ru_order, 'R75-1: the CSV of Appendix 8 in Russian has the sectors in the same order');

-- Case folding by ICU's root rules: a label inside a phrase in lower case, a
-- Russian name in capitals found
SELECT matches((SELECT intermediate_result FROM form_annual_summary(:gov, 2025, 'kk') WHERE instruction_id = :sc),
               'орта мерзімді бақылау',
               'R75-1: the transfer''s regime is written in lower case in the Kazakh phrase (ICU case folding, not lc_ctype)');
SELECT matches((SELECT intermediate_result FROM form_annual_summary(:gov, 2025, 'ru') WHERE instruction_id = :sc),
               'среднесрочный контроль',
               'R75-1: and in the Russian phrase');
SELECT is(code_of('decider', '  ПРЕМЬЕР-МИНИСТР '), 'prime_minister',
          'code_of() folds Cyrillic capitals by ICU''s root rules, not the database''s lc_ctype');
SELECT throws_ok($$INSERT INTO vocabulary_synonym VALUES ('decider', 'РАП', 'head_of_pa')$$, '23514', NULL,
                 'a synonym in Cyrillic capitals is refused: vocabulary_synonym is lower case by the same rules as code_of()');

SELECT * FROM finish();
ROLLBACK;
