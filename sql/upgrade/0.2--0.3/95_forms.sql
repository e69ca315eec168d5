/*
 * 95_forms: the forms driven by one column table per form (issue 21, item 4),
 * helper J.  Follows sql/src/70b_forms.sql, section "The forms' columns,
 * phrases and writers" and the functions of Appendix 5, and
 * sql/src/70c_annual_summary.sql, Appendix 8:
 * - the forms' words as vocabulary rows (domain form_phrase);
 * - new: report_label(), decision_phrase(decision, lang), report_form_columns(),
 *   report_form_csv(), report_form_html_table();
 * - replaced (same signatures and results): form_control_approval[_csv|_html],
 *   form_annual_summary[_csv|_html], now writing through the column table.
 */

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('form_phrase', 'status_in_progress', 'орындалуда', 'на исполнении', 'in progress'),
  ('form_phrase', 'status_executed', 'орындалған', 'исполнено', 'executed'),
  ('form_phrase', 'status_removed', 'бақылаудан алынды: %s', 'снято с контроля: %s', 'removed from control: %s'),
  ('form_phrase', 'point', '%s-тармақ', 'п. %s', 'item %s'),
  ('form_phrase', 'state_secret_card', 'Мемлекеттік құпиялар (R14): қағаз карточка %s', 'Государственные секреты (R14): бумажная карточка %s', 'State secrets (R14): paper card %s'),
  ('form_phrase', 'act_signed_on', '%s ж.', 'от %s', 'of %s'),
  ('form_phrase', 'instruction', 'тапсырма', 'поручение', 'instruction'),
  ('form_phrase', 'received_on', 'келіп түсті %s', 'поступило %s', 'received %s'),
  ('form_phrase', 'due', 'Орындау мерзімі: %s', 'Срок исполнения: %s', 'Deadline: %s'),
  ('form_phrase', 'due_passed', 'өтіп кетті', 'истёк', 'passed'),
  ('form_phrase', 'repeated', 'қайталап', 'повторно', 'repeatedly'),
  ('form_phrase', 'decision_extension', '%1$s мерзім %2$s бастап %3$s дейін %4$sұзартылды (%5$s)', 'Срок %4$sпродлён %1$s с %2$s до %3$s (%5$s)', 'Deadline %4$sextended on %1$s from %2$s to %3$s (%5$s)'),
  ('form_phrase', 'decision_transfer', '%1$s %2$sға ауыстырылды, мерзім %3$s', 'Переведено на %2$s %1$s, срок до %3$s', 'Transferred to %2$s on %1$s, deadline %3$s'),
  ('form_phrase', 'decision_new_deadline', '%1$s жаңа мерзім белгіленді: %2$s%3$s', 'Установлен новый срок %1$s: до %2$s%3$s', 'New deadline set on %1$s: %2$s%3$s'),
  ('form_phrase', 'decision_removal', '%1$s бақылаудан алынды', 'Снято с контроля %1$s', 'Removed from control on %1$s'),
  ('form_phrase', 'appendix', '%s-қосымша', 'Приложение %s', 'Appendix %s'),
  ('form_phrase', 'rules_of_decree',
   'Қазақстан Республикасы Президентінің жолдауын дайындау және іске асыру, актілерімен және тапсырмаларымен жұмыс істеу және олардың орындалуын бақылауды жүзеге асыру, нормативтік құқықтық жарлықтарға мониторинг жүргізу қағидаларына',
   'к Правилам подготовки и реализации Послания Президента Республики Казахстан, работы с актами и поручениями Президента Республики Казахстан и осуществления контроля за их исполнением, мониторинга нормативных правовых указов',
   'to the Rules of preparing and implementing the Address of the President of the Republic of Kazakhstan, of work with the acts and instructions of the President of the Republic of Kazakhstan and control of their execution, and of monitoring normative legal decrees'),
  ('form_phrase', 'blank_date', '_____ 20__ жылғы _____', '«___» _______ 20__ года', '___ _______ 20__'),
  ('form_phrase', 'control_approval_title', 'Бақылауды бекіту', 'Утверждение контроля', 'Control approval'),
  ('form_phrase', 'control_approval_heading', 'БАҚЫЛАУДЫ БЕКІТУ', 'УТВЕРЖДЕНИЕ КОНТРОЛЯ', 'CONTROL APPROVAL'),
  ('form_phrase', 'control_approval_act',
   'Қазақстан Республикасы Президентінің %1$s № %2$s актісін немесе тапсырмасын іске асыру бойынша',
   'по реализации акта или поручения Президента Республики Казахстан от %1$s № %2$s',
   'on implementing the act or instruction of the President of the Republic of Kazakhstan of %1$s No. %2$s'),
  ('form_phrase', 'control_approval_note',
   '* түпкілікті нәтиже өздерінің мазмұны белгілі бір өлшенетін әлеуметтік-экономикалық немесе өзге де әсерге жетуге мүмкіндік беретін нақты тұжырымдалған шаралар қабылдауды болжайтын тапсырмалар мен актілер бойынша ғана айқындалады.',
   '* конечный результат определяется только по поручениям и актам, предполагающим принятие конкретно сформулированных мер, содержание которых позволяет достичь определенного измеримого социально-экономического или иного эффекта.',
   '* a final result is set only for instructions and acts that call for specific measures whose content allows a measurable social, economic or other effect to be reached.'),
  ('form_phrase', 'annual_summary_title', 'Жыл сайынғы жиынтық есеп', 'Ежегодный сводный отчёт', 'Annual summary'),
  ('form_phrase', 'annual_summary_heading',
   'Үкіметтің (орталық мемлекеттік немесе жергілікті атқарушы органның) өздерінің бақылауына берілген тапсырмалар бойынша жыл сайынғы жиынтық есебі',
   'Ежегодный сводный отчёт Правительства (центрального государственного или местного исполнительного органа) по поручениям, переданным на их контроль',
   'Annual summary of the Government (a central state body or a local executive body) on the instructions passed to its control'),
  ('form_phrase', 'annual_summary_year', '%s — %s жыл', '%s — %s год', '%s — %s'),
  ('form_phrase', 'annual_summary_note',
   '* орталық мемлекеттік органдар өздерінің ережелеріне сәйкес реттеу саласын көрсетеді.',
   '* центральные государственные органы указывают сферу регулирования в соответствии со своими положениями.',
   '* central state bodies give the sector they regulate as their statutes name it.');

\definition report_label sql/src/70b_forms.sql
\definition report_words sql/src/70b_forms.sql

CREATE FUNCTION decision_phrase(d decision, words jsonb, hide_reason boolean) RETURNS text
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
             pg_catalog.lower(coalesce(words OPERATOR(pg_catalog.->>) ('control_regime:' OPERATOR(pg_catalog.||) d.new_regime::pg_catalog.text), d.new_regime::pg_catalog.text)),
             instruction_control.report_date(d.new_due_date))
    WHEN d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'new_deadline' THEN
      pg_catalog.format(words OPERATOR(pg_catalog.->>) 'form_phrase:decision_new_deadline', instruction_control.report_date(d.decided_on),
             instruction_control.report_date(d.new_due_date),
             CASE WHEN d.reason IS NOT NULL AND NOT hide_reason
                  THEN ' (' OPERATOR(pg_catalog.||) pg_catalog.lower(coalesce(words OPERATOR(pg_catalog.->>) ('new_deadline_reason:' OPERATOR(pg_catalog.||) d.reason), d.reason)) OPERATOR(pg_catalog.||) ')'
                  ELSE '' END)
    WHEN d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'removal' THEN
      pg_catalog.format(words OPERATOR(pg_catalog.->>) 'form_phrase:decision_removal', instruction_control.report_date(d.decided_on))
    ELSE pg_catalog.concat_ws(' ', words OPERATOR(pg_catalog.->>) ('decision_kind:' OPERATOR(pg_catalog.||) d.kind::pg_catalog.text), instruction_control.report_date(d.decided_on))
  END
$$;
COMMENT ON FUNCTION decision_phrase(decision, jsonb, boolean) IS
  'decision_phrase(decision, lang) for a form that phrases many decisions: the words read once by report_words(lang); hide_reason leaves out the emergency of a new deadline (a state secret, R14)';

CREATE FUNCTION decision_phrase(d decision, lang text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  -- the emergency is named only for an instruction the caller sees that holds no state secret (R14)
  SELECT decision_phrase(d, report_words(lang),
                         NOT EXISTS (SELECT 1 FROM instruction i WHERE i.id = d.instruction_id AND i.secrecy <> 'state_secret'))
$$;
COMMENT ON FUNCTION decision_phrase(decision, text) IS
  'A decision as a form states it, in kk, ru or en, from the vocabulary (the rows label(''form_phrase'', ''decision_<kind>'', lang) reads): "Срок повторно продлён 02.09.2024 с 10.09.2024 до 10.10.2024 (Руководитель Администрации Президента)"; the emergency of a new deadline is left out for a state secret (R14)';

-- report_form_columns(): as 0.3 has it, named by 99s_signatories_tail.sql (\definition)

CREATE FUNCTION report_form_csv(form text, lang text, rows jsonb) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  WITH c AS MATERIALIZED (SELECT * FROM report_form_columns(form)),
  line AS (
    SELECT r.n, string_agg(report_csv_field(x.cell), ',' ORDER BY c.ordinal) AS csv
      FROM jsonb_array_elements(rows) WITH ORDINALITY AS r(j, n) CROSS JOIN c
           -- the cell as a column of its own (OFFSET 0), so that report_csv_field is inlined
           CROSS JOIN LATERAL (SELECT CASE c.format WHEN 'date' THEN report_date((r.j ->> c.key)::date)
                                                    ELSE r.j ->> c.key END AS cell OFFSET 0) x
     GROUP BY r.n)
  SELECT (SELECT string_agg(report_csv_field(CASE lang WHEN 'kk' THEN c.heading_kk ELSE c.heading_ru END), ',' ORDER BY c.ordinal) FROM c)
         || E'\r\n'
         || coalesce((SELECT string_agg(line.csv || E'\r\n', '' ORDER BY line.n) FROM line), '')
$$;
COMMENT ON FUNCTION report_form_csv(text, text, jsonb) IS
  'The CSV writer of every form: a header row with the headings of report_form_columns(form) in kk or ru, then a row per element of rows (the form''s rows as a JSON array, in order), each cell through report_csv_field (RFC 4180, CRLF, formula cells neutralised)';

-- report_form_html_table(): as 0.3 has it, named by 99f_forms.sql (\definition)

-- The forms, now through the column table and the vocabulary ------------------

-- form_control_approval(): as 0.3 has it, named by 99_bi_forms.sql (\definition)

CREATE OR REPLACE FUNCTION form_control_approval_csv(act_id bigint, lang text DEFAULT 'ru') RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT report_form_csv('control_approval', lang, jsonb_agg(f ORDER BY f.row_no))
    FROM form_control_approval(act_id, lang) f
$$;

\definition form_control_approval_html sql/src/70b_forms.sql

-- form_annual_summary(): as 0.3 has it, named by 99f_forms.sql (\definition)

CREATE OR REPLACE FUNCTION form_annual_summary_csv(body_id bigint, year integer, lang text DEFAULT 'ru') RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT report_form_csv('annual_summary', lang, jsonb_agg(f ORDER BY f.sector_heading, f.row_no))
    FROM form_annual_summary(body_id, year, lang) f
$$;

-- form_annual_summary_html(): as 0.3 has it, named by 99s_signatories_tail.sql (\definition)

