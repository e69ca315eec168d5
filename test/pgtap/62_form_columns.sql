-- The forms driven by one column table per form (issue 21, item 4):
-- report_form_columns() is the single place of a form column (heading, width,
-- number, CSV and HTML); decision_phrase(decision, lang) and every word of the
-- forms come from the vocabulary through label().  The checks are generated
-- from the catalog: a new form_<name>_csv function, a new column or a new
-- decision kind is covered without editing this file.  The forms are read as
-- a controller (ic_controller), not as the superuser.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(17);

-- A small registry --------------------------------------------------------------
INSERT INTO state_body (code, name, name_kk, name_ru, body_type, sector) VALUES
  ('FC-MH', 'Ministry of Health', 'Денсаулық сақтау министрлігі', 'Министерство здравоохранения', 'central', 'health care'),
  ('FC-GOV', 'Government', 'Үкімет', 'Правительство', 'government', NULL);
INSERT INTO act (external_ref, act_type, number, title, signed_on) VALUES ('FC-A1', 'Указ', '7', 'Decree seven', '2025-03-01');
SELECT id AS mh FROM state_body WHERE code = 'FC-MH' \gset
SELECT id AS gov FROM state_body WHERE code = 'FC-GOV' \gset
SELECT id AS a1 FROM act WHERE external_ref = 'FC-A1' \gset
-- open: a new deadline in a quarantine (R70.4); secret: the same for a state secret (R14)
SELECT (put_on_control('event', 'government', '2025-03-03', term => '30 wd', act_id => :a1, point => '1',
                       responsible_body_id => :mh, controlling_body_id => :gov, content => 'Open')).id AS open \gset
SELECT set_new_deadline(:open, '2025-06-02', 'prime_minister', 'letter 1', 'quarantine', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');
SELECT (put_on_control('event', 'government', '2025-03-03', term => '30 wd', act_id => :a1, point => '2',
                       responsible_body_id => :mh, controlling_body_id => :gov,
                       secrecy => 'state_secret', paper_card_ref => 'PC-1')).id AS secret \gset
SELECT set_new_deadline(:secret, '2025-06-02', 'prime_minister', NULL, 'quarantine', decided_on => '2025-03-10', paper_ref => 'P-1', evidence => '{pa_expert_conclusion}');

CREATE ROLE ic_test_form_controller NOLOGIN IN ROLE ic_controller;
SET ROLE ic_test_form_controller;

-- The forms: every form_<name>_csv has a column table ---------------------------
CREATE TEMP VIEW forms AS
SELECT (regexp_match(p.proname, '^form_(.*)_csv$'))[1] AS form, p.oid AS csv_fn
  FROM pg_proc p
 WHERE p.pronamespace = 'instruction_control'::regnamespace AND p.proname ~ '^form_.*_csv$';

SELECT is((SELECT count(*) FROM forms), 4::bigint, 'four forms are written as CSV: Appendix 5, Appendix 8, the R80 yearly report and the R80-1 report on the state planning documents (issues 20, 21)');
SELECT is((SELECT array_agg(f.form ORDER BY f.form) FROM forms f
            WHERE NOT EXISTS (SELECT 1 FROM report_form_columns(f.form))), NULL,
  'every form_<name>_csv has its columns in report_form_columns(<name>) (issue 21, item 4)');

-- Every key is a column of the form's row function form_<name>() (a renamed
-- column of the row function fails here, not on paper).
SELECT is((SELECT array_agg(f.form || '.' || c.key ORDER BY 1) FROM forms f, report_form_columns(f.form) c
            WHERE c.key NOT IN (SELECT n FROM pg_proc p, unnest(p.proargnames, p.proargmodes) AS a(n, m)
                                 WHERE p.pronamespace = 'instruction_control'::regnamespace
                                   AND p.proname = 'form_' || f.form AND a.m = 't')
               OR c.lead_key NOT IN (SELECT n FROM pg_proc p, unnest(p.proargnames, p.proargmodes) AS a(n, m)
                                      WHERE p.pronamespace = 'instruction_control'::regnamespace
                                        AND p.proname = 'form_' || f.form AND a.m = 't')), NULL,
  'every column of a form names a column of its row function form_<name>()');

-- The printed page: widths fill the page, columns numbered 1..n without a gap.
SELECT is((SELECT array_agg(f.form ORDER BY f.form) FROM forms f
            WHERE (SELECT sum(c.width) FROM report_form_columns(f.form) c WHERE c.number IS NOT NULL) <> 100
               OR (SELECT array_agg(c.number ORDER BY c.number) FROM report_form_columns(f.form) c WHERE c.number IS NOT NULL)
                  <> (SELECT array_agg(g) FROM generate_series(1, (SELECT count(*)::integer FROM report_form_columns(f.form) c WHERE c.number IS NOT NULL)) g)),
  NULL, 'the printed columns of every form are numbered 1..n and their widths sum to 100%');

-- The CSV header row is the column table's headings with their footnote marks, in kk and in ru.
SELECT is(split_part(form_control_approval_csv(:a1, l), E'\r\n', 1),
          (SELECT string_agg(report_csv_field((CASE l WHEN 'kk' THEN c.heading_kk ELSE c.heading_ru END) || coalesce(c.mark, '')), ',' ORDER BY c.ordinal)
             FROM report_form_columns('control_approval') c),
          'Appendix 5 CSV, ' || l || ': the header row is the headings of report_form_columns')
  FROM unnest(ARRAY['kk', 'ru']) l;
SELECT is(split_part(form_annual_summary_csv(:gov, 2025, l), E'\r\n', 1),
          (SELECT string_agg(report_csv_field((CASE l WHEN 'kk' THEN c.heading_kk ELSE c.heading_ru END) || coalesce(c.mark, '')), ',' ORDER BY c.ordinal)
             FROM report_form_columns('annual_summary') c),
          'Appendix 8 CSV, ' || l || ': the header row is the headings of report_form_columns')
  FROM unnest(ARRAY['kk', 'ru']) l;

-- A row keeps a field per column, an empty one for a missing value (a deadline too).
SELECT is(split_part(report_form_csv('control_approval', 'ru', '[{"row_no": 1, "measure": "=x"}]'), E'\r\n', 2),
          '1,''=x,,,,,', 'CSV: a field per column of report_form_columns, empty when missing, formulas neutralised (issue 16)');

-- The HTML prints a <th> per printed column (Appendix 8 here: Appendix 5's
-- HTML is first called below, after its column table changed, because PL/pgSQL
-- keeps a called SQL function's plan for the rest of the transaction).
SELECT is((SELECT count(*) FROM regexp_matches(form_annual_summary_html(:gov, 2025, 'ru'), '<th>', 'g')),
          (SELECT count(*) FROM report_form_columns('annual_summary') c WHERE c.number IS NOT NULL),
          'Appendix 8 HTML: a heading per printed column of report_form_columns, the sector as a heading row');

-- decision_phrase: every decision kind of the vocabulary, in kk, ru and en,
-- is a sentence with the day of the decision and no format place left.
SELECT is((SELECT array_agg(k.code || '/' || l ORDER BY 1)
             FROM vocabulary k, unnest(ARRAY['kk', 'ru', 'en']) l,
                  LATERAL (SELECT decision_phrase(jsonb_populate_record(NULL::decision,
                            jsonb_build_object('instruction_id', :open, 'kind', k.code, 'decided_on', '2025-03-10',
                                               'decided_by', 'prime_minister', 'old_due_date', '2025-04-14',
                                               'new_due_date', '2025-06-02', 'new_regime', 'medium_term',
                                               'reason', 'quarantine', 'repeated', true)), l) AS phrase) x
            WHERE k.domain = 'decision_kind'
              AND (x.phrase IS NULL OR x.phrase NOT LIKE '%10.03.2025%' OR x.phrase ~ '%[0-9$]*s')), NULL,
  'decision_phrase: every decision kind phrased in kk, ru and en with its day, from the vocabulary (issue 21)');
SELECT is(decision_phrase(d, 'ru'), 'Установлен новый срок 10.03.2025: до 02.06.2025 (карантин)',
          'decision_phrase: a new deadline names its emergency (R70.4)')
  FROM decision d WHERE d.instruction_id = :open AND d.kind = 'new_deadline';
SELECT is(decision_phrase(d, 'ru'), 'Установлен новый срок 10.03.2025: до 02.06.2025',
          'R14: decision_phrase leaves out the emergency of a state secret, for a controller too')
  FROM decision d WHERE d.instruction_id = :secret AND d.kind = 'new_deadline';

-- No Kazakh or Russian word is written in a form function, a writer or
-- decision_phrase: the words are vocabulary rows (form_phrase) and the column
-- table's headings.  The build writes non-ASCII literals as unicode_text('\04xx...').
SELECT is((SELECT array_agg(p.proname::text ORDER BY 1) FROM pg_proc p
            WHERE p.pronamespace = 'instruction_control'::regnamespace
              AND (p.proname ~ '^(form_|report_form_)' OR p.proname = 'decision_phrase')
              AND p.proname <> 'report_form_columns'
              AND pg_get_functiondef(p.oid) ~ '(\\04[0-9A-Fa-f]{2}|[Ѐ-ӿ])'), NULL,
  'no Kazakh or Russian word is hard-coded in the forms, their writers or decision_phrase (issue 21, item 4)');

-- One place: a phrase changed in the vocabulary changes the form ...
RESET ROLE;
UPDATE vocabulary SET ru = 'Новый срок с %1$s: %2$s%3$s' WHERE domain = 'form_phrase' AND code = 'decision_new_deadline';
SET ROLE ic_test_form_controller;
SELECT ok(form_annual_summary_csv(:gov, 2025, 'ru') LIKE '%Новый срок с 10.03.2025: 02.06.2025 (карантин)%',
  'a decision''s phrase lives in the vocabulary: changed there, the annual summary follows (issue 21, item 4)');

-- ... and a column changed in report_form_columns changes CSV and HTML together.
RESET ROLE;
ALTER FUNCTION report_form_columns(text) RENAME TO report_form_columns_shipped;
CREATE FUNCTION report_form_columns(form text)
RETURNS TABLE (ordinal integer, key text, heading_kk text, heading_ru text, mark text,
               width integer, number integer, align text, format text, lead_key text)
LANGUAGE sql IMMUTABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT c.ordinal, c.key, c.heading_kk,
         CASE WHEN c.key = 'due_date' THEN 'Крайний срок' ELSE c.heading_ru END, c.mark,
         CASE WHEN c.key = 'due_date' THEN c.width + 1 WHEN c.key = 'measure' THEN c.width - 1 ELSE c.width END,
         c.number, c.align, c.format, c.lead_key
    FROM report_form_columns_shipped(form) c
$$;
SET ROLE ic_test_form_controller;
SELECT ok(split_part(form_control_approval_csv(:a1, 'ru'), E'\r\n', 1) LIKE '%,Крайний срок,%',
  'one column changed in report_form_columns: the CSV heading follows');
SELECT ok(form_control_approval_html(:a1, 'ru') LIKE '%<col style="width:26%%"><col style="width:10%%">%<th>Крайний срок</th>%',
  'one column changed in report_form_columns: the HTML width and heading follow');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
