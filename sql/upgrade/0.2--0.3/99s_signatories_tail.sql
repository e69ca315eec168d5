-- 99s_signatories_tail: after the section (a link to sql/src/81_signatories.sql): 70b_forms.sql's
-- form rows and 70c_annual_summary.sql's Appendix 8 signatory line, 85_limits.sql and 90_security.sql for the section's objects

-- 70b_forms.sql: the R80-1 form's columns; 70c_annual_summary.sql: the R75-1 signatory line on Appendix 8
CREATE OR REPLACE FUNCTION report_form_columns(form text)
RETURNS TABLE (ordinal integer, key text, heading_kk text, heading_ru text, mark text,
               width integer, number integer, align text, format text, lead_key text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT c.ordinal, c.key, c.heading_kk, c.heading_ru, c.mark, c.width, c.number, c.align, c.format, c.lead_key
    FROM (VALUES
      -- Appendix 5, control approval (form_control_approval)
      ('control_approval', 1, 'row_no', 'р/с №', '№ п/п', NULL, 4, 1, 'n', 'row_no', NULL),
      ('control_approval', 2, 'measure', 'Іс-шараның атауы', 'Наименование мероприятия', NULL, 27, 2, NULL, 'text', 'point'),
      ('control_approval', 3, 'due_date', 'Орындалу мерзімі', 'Срок исполнения', NULL, 9, 3, 'c', 'date', NULL),
      ('control_approval', 4, 'completion_form', 'Аяқталу нысаны', 'Форма завершения', NULL, 12, 4, NULL, 'text', NULL),
      ('control_approval', 5, 'final_result', 'Түпкілікті нәтиже', 'Конечный результат', '*', 12, 5, NULL, 'text', NULL),
      ('control_approval', 6, 'responsible_body', 'Жауапты мемлекеттік орган', 'Ответственный государственный орган', NULL, 15, 6, NULL, 'text', NULL),
      ('control_approval', 7, 'control_body',
       'Бақылауға жауапты мемлекеттік орган (Үкімет, орталық мемлекеттік немесе жергілікті атқарушы орган). Президент Әкімшілігінің жауапты құрылымдық бөлімшесі',
       'Государственный орган, ответственный за контроль (Правительство, центральный государственный или местный исполнительный орган). Ответственное структурное подразделение Администрации Президента',
       NULL, 21, 7, NULL, 'text', NULL),
      -- Appendix 8, annual summary (form_annual_summary); the sector is a heading row in HTML
      ('annual_summary', 1, 'sector_heading', 'Сала', 'Сфера', '*', NULL, NULL, NULL, 'group', NULL),
      ('annual_summary', 2, 'row_no', 'р/с №', '№ п/п', NULL, 4, 1, 'n', 'row_no', NULL),
      ('annual_summary', 3, 'requisites', 'Тапсырманың деректемелері', 'Реквизиты поручения', NULL, 14, 2, NULL, 'text', NULL),
      ('annual_summary', 4, 'content', 'Тапсырманың мазмұны', 'Содержание поручения', NULL, 24, 3, NULL, 'text', NULL),
      ('annual_summary', 5, 'status_label', 'Орындалу мәртебесі (орындалған, орындалуда)', 'Статус исполнения (исполнено, на исполнении)', NULL, 11, 4, 'c', 'text', NULL),
      ('annual_summary', 6, 'final_result', 'Егер тапсырма орындалса, түпкілікті нәтиже қысқаша баяндалсын',
       'Если поручение исполнено, кратко изложить конечный результат', NULL, 19, 5, NULL, 'text', NULL),
      ('annual_summary', 7, 'intermediate_result',
       'Егер тапсырма орындалып жатса, аралық нәтиже қысқаша баяндалсын (оның ішінде мерзімдерді ұзарту, орта мерзімді/ ұзақ мерзімді бақылауға ауыстыру, жаңа мерзімдерді белгілеу фактілері көрсетіле отырып)',
       'Если поручение находится на исполнении, кратко изложить промежуточный результат (в том числе с указанием фактов продления сроков, перевода на среднесрочный/долгосрочный контроль, установления новых сроков)',
       NULL, 28, 6, NULL, 'text', NULL),
      -- R80, the yearly report on control (form_yearly_control); the level is a heading row in HTML
      ('yearly_control', 1, 'level_heading', 'Бақылау деңгейі', 'Уровень контроля', NULL, NULL, NULL, NULL, 'group', NULL),
      ('yearly_control', 2, 'row_no', 'р/с №', '№ п/п', NULL, 4, 1, 'n', 'row_no', NULL),
      ('yearly_control', 3, 'body', 'Жауапты мемлекеттік орган', 'Ответственный государственный орган', NULL, 16, 2, NULL, 'text', NULL),
      ('yearly_control', 4, 'on_control_at_start', 'Жыл басында бақылауда', 'На контроле на начало года', NULL, 8, 3, 'n', 'text', NULL),
      ('yearly_control', 5, 'put_on_control', 'Жыл ішінде бақылауға алынды', 'Поставлено на контроль за год', NULL, 8, 4, 'n', 'text', NULL),
      ('yearly_control', 6, 'executed', 'Орындалды, бақылаудан алынды', 'Исполнено, снято с контроля', NULL, 8, 5, 'n', 'text', NULL),
      ('yearly_control', 7, 'executed_on_time', 'оның ішінде мерзімінде', 'в том числе в срок', NULL, 8, 6, 'n', 'text', NULL),
      ('yearly_control', 8, 'extended', 'Мерзімі ұзартылды', 'Продлены сроки', NULL, 8, 7, 'n', 'text', NULL),
      ('yearly_control', 9, 'repeated_extensions', 'Мерзімі қайталап ұзартылды', 'Сроки продлены повторно', NULL, 8, 8, 'n', 'text', NULL),
      ('yearly_control', 10, 'transferred', 'Орта мерзімді немесе ұзақ мерзімді бақылауға ауыстырылды',
       'Переведены на среднесрочный или долгосрочный контроль', NULL, 8, 9, 'n', 'text', NULL),
      ('yearly_control', 11, 'removed_other', 'Өзге негіздер бойынша бақылаудан алынды', 'Сняты с контроля по иным основаниям', NULL, 8, 10, 'n', 'text', NULL),
      ('yearly_control', 12, 'overdue_at_end', 'Жыл соңында мерзімі өткен', 'Просрочены на конец года', NULL, 8, 11, 'n', 'text', NULL),
      ('yearly_control', 13, 'on_control_at_end', 'Жыл соңында бақылауда', 'На контроле на конец года', NULL, 8, 12, 'n', 'text', NULL),
      -- R80-1, the Government's report on the state planning documents (form_planning_documents)
      ('planning_documents', 1, 'row_no', 'р/с №', '№ п/п', NULL, 4, 1, 'n', 'row_no', NULL),
      ('planning_documents', 2, 'document', 'Мемлекеттік жоспарлау жүйесінің құжаты (акт, жоба)',
       'Документ Системы государственного планирования (акт, проект)', NULL, 24, 2, NULL, 'text', NULL),
      ('planning_documents', 3, 'body', 'Жобаны енгізген мемлекеттік орган', 'Государственный орган, внёсший проект', NULL, 14, 3, NULL, 'text', NULL),
      ('planning_documents', 4, 'received_on', 'Жоба келіп түсті', 'Проект поступил', NULL, 8, 4, 'c', 'date', NULL),
      ('planning_documents', 5, 'signed_on', 'Акт қабылданды', 'Акт принят', NULL, 8, 5, 'c', 'date', NULL),
      ('planning_documents', 6, 'status_label', 'Мәртебесі', 'Статус', NULL, 9, 6, 'c', 'text', NULL),
      ('planning_documents', 7, 'points', 'Актінің бақылаудағы тармақтары', 'Пунктов акта на контроле', NULL, 7, 7, 'n', 'text', NULL),
      ('planning_documents', 8, 'points_on_control', 'Жыл соңында бақылауда', 'На контроле на конец года', NULL, 7, 8, 'n', 'text', NULL),
      ('planning_documents', 9, 'points_executed', 'Жыл ішінде орындалды', 'Исполнено за год', NULL, 7, 9, 'n', 'text', NULL),
      ('planning_documents', 10, 'points_overdue', 'Жыл соңында мерзімі өткен', 'Просрочены на конец года', NULL, 7, 10, 'n', 'text', NULL),
      ('planning_documents', 11, 'points_removed_other', 'Өзге негіздер бойынша бақылаудан алынды', 'Сняты с контроля по иным основаниям', NULL, 5, 11, 'n', 'text', NULL)
    ) AS c(form, ordinal, key, heading_kk, heading_ru, mark, width, number, align, format, lead_key)
   WHERE c.form = $1
   ORDER BY c.ordinal
$$;
COMMENT ON FUNCTION report_form_columns(text) IS
  'The columns of a form (control_approval: Appendix 5; annual_summary: Appendix 8; yearly_control: the R80 report; planning_documents: the R80-1 report), one row each, in CSV order (ordinal): key (the column of the form''s row function), heading in kk and ru, mark after the printed heading (a footnote), width in percent and number on the printed page (NULL: printed as a heading row, not a cell), align (n: number, c: centred), format (text, date, row_no, group), lead_key (a point number printed bold before the text); the CSV and HTML writers read only this';

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

-- 85_limits.sql
ALTER TABLE annual_summary_signature ADD CONSTRAINT annual_summary_signature_supervision_area_limit CHECK (text_limit_ok(supervision_area, 'name', 'annual_summary_signature.supervision_area'));
ALTER TABLE annual_summary_signature ADD CONSTRAINT annual_summary_signature_document_ref_limit CHECK (text_limit_ok(document_ref, 'name', 'annual_summary_signature.document_ref'));

-- 90_security.sql
-- Signatories (R75-1): a body records who signed its annual summary, the PA
-- (the controllers) any body's; a body's readers see its own.
REVOKE EXECUTE ON FUNCTION sign_annual_summary, signatory_person_of_body FROM PUBLIC;
GRANT SELECT ON annual_summary_signature TO ic_reader;
GRANT INSERT ON annual_summary_signature TO ic_executor, ic_controller;
GRANT EXECUTE ON FUNCTION sign_annual_summary, signatory_person_of_body TO ic_executor, ic_controller;

ALTER TABLE annual_summary_signature ENABLE ROW LEVEL SECURITY;
-- R75-1: a body's annual summary signatures, read and recorded for its own bodies
CREATE POLICY control_all ON annual_summary_signature FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON annual_summary_signature FOR SELECT TO ic_reader
  USING (body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[]));
CREATE POLICY executor_signs ON annual_summary_signature FOR INSERT TO ic_executor
  WITH CHECK (body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[]));
