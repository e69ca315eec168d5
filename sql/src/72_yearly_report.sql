-- ===========================================================================
-- The yearly report on control (R80)
--
-- The Head of the PA reports yearly to the President on the state and results
-- of control.  The registry gives the figures it holds, as the year stood at
-- its end, read from the decision journal (instruction_as_of), so the report
-- of a past year does not change when later decisions are recorded:
-- report_yearly(year) by level, body and kind for BI tools, and the printable
-- form (kk, ru; HTML and CSV through the forms' one column table,
-- report_form_columns) by level and body.  Like the decree's forms it is a
-- whole-registry document: a role that sees only some bodies gets IC305.
-- ===========================================================================

CREATE FUNCTION report_yearly(year integer)
RETURNS TABLE (level control_level, body_id bigint, kind instruction_kind,
               on_control_at_start integer, put_on_control integer, executed integer,
               executed_on_time integer, extended integer, repeated_extensions integer,
               transferred integer, new_deadlines integer, removed_duplicated integer,
               removed_impossible integer, removed_control_passed integer,
               overdue_at_end integer, on_control_at_end integer)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  y_start date;
  y_end date;
BEGIN
  IF year IS NULL OR year < 2000 OR year > 2100 THEN
    RAISE EXCEPTION 'no yearly report for year %', coalesce(year::text, 'NULL')
      USING ERRCODE = 'IC304', HINT = 'Give a year from 2000 to 2100 (R80).';
  END IF;
  y_start := make_date(year, 1, 1);
  y_end := make_date(year, 12, 31);
  RETURN QUERY
  WITH at_start AS (
    SELECT s.instruction_id FROM instruction_as_of(y_start - 1) s WHERE s.on_control
  ), at_end AS (
    SELECT * FROM instruction_as_of(y_end)
  ), in_year AS (
    SELECT d.instruction_id,
           bool_or(d.kind = 'extension') AS extended,
           bool_or(d.repeated) AS repeated,
           bool_or(d.kind = 'transfer') AS transferred,
           bool_or(d.kind = 'new_deadline') AS new_deadline
      FROM decision d
     WHERE d.decided_on BETWEEN y_start AND y_end
     GROUP BY d.instruction_id
  ), facts AS (
    SELECT i.level, i.responsible_body_id, i.kind,
           st.instruction_id IS NOT NULL AS at_start,
           coalesce(i.received_on, i.created_at::date) BETWEEN y_start AND y_end AS put,
           e.on_control,
           e.removed_on BETWEEN y_start AND y_end AS removed_in_year,
           e.removal_ground, e.removed_on, e.due_date,
           coalesce(y.extended, false) AS extended, coalesce(y.repeated, false) AS repeated,
           coalesce(y.transferred, false) AS transferred, coalesce(y.new_deadline, false) AS new_deadline
      FROM instruction i
      JOIN at_end e ON e.instruction_id = i.id
      LEFT JOIN at_start st ON st.instruction_id = i.id
      LEFT JOIN in_year y ON y.instruction_id = i.id
  )
  SELECT f.level, f.responsible_body_id, f.kind,
         count(*) FILTER (WHERE f.at_start)::integer,
         count(*) FILTER (WHERE f.put)::integer,
         count(*) FILTER (WHERE f.removed_in_year AND f.removal_ground = 'executed')::integer,
         count(*) FILTER (WHERE f.removed_in_year AND f.removal_ground = 'executed'
                          AND f.removed_on <= f.due_date)::integer,
         count(*) FILTER (WHERE f.extended)::integer,
         count(*) FILTER (WHERE f.repeated)::integer,
         count(*) FILTER (WHERE f.transferred)::integer,
         count(*) FILTER (WHERE f.new_deadline)::integer,
         count(*) FILTER (WHERE f.removed_in_year AND f.removal_ground = 'duplicated')::integer,
         count(*) FILTER (WHERE f.removed_in_year AND f.removal_ground = 'impossible')::integer,
         count(*) FILTER (WHERE f.removed_in_year AND f.removal_ground = 'control_passed')::integer,
         count(*) FILTER (WHERE f.on_control AND f.due_date < y_end)::integer,
         count(*) FILTER (WHERE f.on_control)::integer
    FROM facts f
   WHERE f.at_start OR f.put OR f.on_control OR f.removed_in_year
   GROUP BY f.level, f.responsible_body_id, f.kind
   ORDER BY f.level, f.responsible_body_id NULLS LAST, f.kind;
END
$$;
COMMENT ON FUNCTION report_yearly(integer) IS
  'R80: the figures of control for a year, by level, responsible body and kind, as the year stood at its end (the decision journal): on control at its start, put on control, executed (on time: removed on or before the due date), extended, repeated extensions, transferred, new deadlines, removed on each other ground, overdue at its end (on control with the due date before 31 December), on control at its end; a row security slice for a reader; year outside 2000-2100 IC304';

CREATE FUNCTION form_yearly_control(year integer, lang text DEFAULT 'ru')
RETURNS TABLE (level control_level, level_heading text, row_no integer, body_id bigint, body text,
               on_control_at_start integer, put_on_control integer, executed integer,
               executed_on_time integer, extended integer, repeated_extensions integer,
               transferred integer, removed_other integer, overdue_at_end integer,
               on_control_at_end integer)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  checked_lang text := report_check_lang(lang);
BEGIN
  PERFORM report_require_whole('R80');
  RETURN QUERY
  SELECT r.level, label(r.level, checked_lang),
         (row_number() OVER (PARTITION BY r.level ORDER BY r.body_id NULLS LAST))::integer,
         r.body_id,
         coalesce(CASE checked_lang WHEN 'kk' THEN b.name_kk ELSE b.name_ru END, b.name,
                  label('form_phrase', 'body_not_given', checked_lang)),
         r.a, r.p, r.x, r.t, r.e, r.rp, r.tr, r.o, r.od, r.c
    FROM (SELECT y.level, y.body_id,
                 sum(y.on_control_at_start)::integer AS a, sum(y.put_on_control)::integer AS p,
                 sum(y.executed)::integer AS x, sum(y.executed_on_time)::integer AS t,
                 sum(y.extended)::integer AS e, sum(y.repeated_extensions)::integer AS rp,
                 sum(y.transferred)::integer AS tr,
                 sum(y.removed_duplicated + y.removed_impossible + y.removed_control_passed)::integer AS o,
                 sum(y.overdue_at_end)::integer AS od, sum(y.on_control_at_end)::integer AS c
            FROM report_yearly(year) y
           GROUP BY y.level, y.body_id) r
    LEFT JOIN state_body b ON b.id = r.body_id
   ORDER BY r.level, 3;
END
$$;
COMMENT ON FUNCTION form_yearly_control(integer, text) IS
  'R80: the rows of the yearly report on control, by level of control (a heading) and responsible body, numbered per level; lang kk or ru (IC301); a role that sees only some bodies gets IC305';

CREATE FUNCTION form_yearly_control_csv(year integer, lang text DEFAULT 'ru', delimiter text DEFAULT ',',
                                        bom boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT report_form_csv('yearly_control', lang, coalesce(jsonb_agg(f ORDER BY f.level, f.row_no), '[]'),
                         delimiter, bom)
    FROM form_yearly_control(year, lang) f
$$;
COMMENT ON FUNCTION form_yearly_control_csv(integer, text, text, boolean) IS
  'R80: the yearly report on control as CSV (the headings of report_form_columns(''yearly_control'') in kk or ru; delimiter and bom as the other forms, IC306)';

CREATE FUNCTION form_yearly_control_html(year integer, lang text DEFAULT 'ru') RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  checked_lang text := report_check_lang(lang);
  rows jsonb;
BEGIN
  SELECT coalesce(jsonb_agg(f ORDER BY f.level, f.row_no), '[]') INTO rows
    FROM form_yearly_control(year, checked_lang) f;
  RETURN report_html_head(label('form_phrase', 'yearly_control_title', checked_lang), checked_lang)
    || '<h1>' || report_html_escape(label('form_phrase', 'yearly_control_title', checked_lang))
    || '</h1><p class="sub">' || report_html_escape(format(label('form_phrase', 'yearly_control_year', checked_lang), year))
    || '</p>'
    || report_form_html_table('yearly_control', checked_lang, rows)
    || '<p class="note">' || report_html_escape(label('form_phrase', 'yearly_control_note', checked_lang))
    || '</p></body></html>';
END
$$;
COMMENT ON FUNCTION form_yearly_control_html(integer, text) IS
  'R80: the yearly report on control as a printable HTML document (A4 landscape) in Kazakh (kk) or Russian (ru), rows grouped under the levels of control; every interpolated value is HTML-escaped';

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('form_phrase', 'yearly_control_title',
   'Президент актілері мен тапсырмаларының орындалуын бақылаудың жай-күйі мен нәтижелері туралы жылдық есеп',
   'Ежегодный доклад о состоянии и результатах контроля за исполнением актов и поручений Президента',
   'Yearly report on the state and results of control of the execution of the President''s acts and instructions'),
  ('form_phrase', 'yearly_control_year', '%s жылдың қорытындысы бойынша', 'по итогам %s года', 'for the year %s'),
  ('form_phrase', 'yearly_control_note',
   'Деректер тіркелімнің шешімдер журналынан жыл соңындағы жағдай бойынша алынды (Қағидалардың 80-тармағы). Мерзімінде: бақылаудан орындалу мерзімінде немесе одан бұрын алынды.',
   'Данные взяты из журнала решений реестра по состоянию на конец года (пункт 80 Правил). В срок: снято с контроля в день срока исполнения или раньше.',
   'Figures from the registry''s decision journal as the year stood at its end (R80). On time: removed from control on or before the due date.'),
  ('form_phrase', 'body_not_given', 'Орган көрсетілмеген', 'Орган не указан', 'Body not given');
