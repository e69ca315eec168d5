/*
 * 99k_yearly_columns: the R80 yearly report (issue 20, item 3) adds its
 * columns to the forms' one column table; runs before 99k_yearly_section.sql
 * creates the report.  Follows sql/src/70b_forms.sql.
 */

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
      ('yearly_control', 13, 'on_control_at_end', 'Жыл соңында бақылауда', 'На контроле на конец года', NULL, 8, 12, 'n', 'text', NULL)
    ) AS c(form, ordinal, key, heading_kk, heading_ru, mark, width, number, align, format, lead_key)
   WHERE c.form = $1
   ORDER BY c.ordinal
$$;
COMMENT ON FUNCTION report_form_columns(text) IS
  'The columns of a form (control_approval: Appendix 5; annual_summary: Appendix 8; yearly_control: the R80 report), one row each, in CSV order (ordinal): key (the column of the form''s row function), heading in kk and ru, mark after the printed heading (a footnote), width in percent and number on the printed page (NULL: printed as a heading row, not a cell), align (n: number, c: centred), format (text, date, row_no, group), lead_key (a point number printed bold before the text); the CSV and HTML writers read only this';
