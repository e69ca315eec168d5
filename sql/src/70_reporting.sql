-- ===========================================================================
-- Reporting: views for BI dashboards and the decree's official forms
--
-- BI drivers cannot read the extension's own types (control_level,
-- instruction_kind, point_ref, term reach them as USER-DEFINED), so every view
-- here has plain built-in columns only: text, date, integer, bigint, boolean,
-- numeric.  Codes are text, with their kk/ru labels next to them; a point
-- number comes with point_sort_key, plain text that sorts naturally under
-- COLLATE "C".  A label that is missing falls back to the code (LEFT JOIN and
-- coalesce): a dashboard query never fails on a label.
--
-- State secrets (R14): the registry holds only their requisites; the views
-- never show content, completion form, final result, basis, reason or review
-- of a state-secret instruction, only state_secret = true and the paper card.
--
-- The views are security_invoker: the reader's own privileges (and, later,
-- row security) on the base tables apply.  No privilege is granted to PUBLIC
-- beyond what the registry already grants; ic_admin reads them.
--
-- Sections: helpers; dimensions (codes, calendar dates); the control card,
-- the overdue register and the decision history; executive discipline; the
-- forms of Appendix 5 (control approval) and Appendix 8 (annual summary), each
-- as rows, CSV and printable HTML.  Errors are SQLSTATE class IC3xx.
--
-- Four files, in this order: helpers, dimensions, the control card and the
-- overdue register (here); as of a past day, the decision history, roadmaps
-- and discipline (70a_reporting_history.sql); the forms' columns and
-- Appendix 5 (70b_forms.sql); Appendix 8 and the reports' indexes
-- (70c_annual_summary.sql).
-- ===========================================================================

-- Helpers --------------------------------------------------------------------

CREATE FUNCTION point_sort_key(point_ref) RETURNS text
AS 'MODULE_PATHNAME', 'ic_point_sort_key' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION point_sort_key(point_ref) IS
  'Plain-text key of a point number that sorts in the natural order of point_ref (42 < 42.1 < 42) < 42-1 < 43) when compared with COLLATE "C"; opaque, for ORDER BY in BI tools';

CREATE FUNCTION report_html_escape(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
RETURN pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(pg_catalog.replace(
         $1, '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;');
COMMENT ON FUNCTION report_html_escape(text) IS
  'Text made safe inside HTML elements and attribute values: & < > " and '' as entities';

CREATE FUNCTION report_csv_field(value text, delimiter text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN $1 IS NULL THEN ''
            WHEN $1 OPERATOR(pg_catalog.~) '["\r\n]' OR pg_catalog.strpos($1, $2) OPERATOR(pg_catalog.>) 0
                 OR $1 OPERATOR(pg_catalog.<>) pg_catalog.btrim($1)
              THEN '"' OPERATOR(pg_catalog.||)
                   pg_catalog.replace(pg_catalog.regexp_replace($1, '^([-=+@\t\r])', '''\1'), '"', '""')
                   OPERATOR(pg_catalog.||) '"'
            ELSE pg_catalog.regexp_replace($1, '^([-=+@\t\r])', '''\1') END;
COMMENT ON FUNCTION report_csv_field(text, text) IS
  'One CSV field (RFC 4180) for a file whose fields are separated by delimiter: quoted when it holds the delimiter, a quote, a line break or edge spaces; NULL is empty; a text starting with = + - @, a tab or a carriage return gets a leading '' so that a spreadsheet shows it as text, not a formula (issue 16)';

CREATE FUNCTION report_csv_field(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN instruction_control.report_csv_field($1, ',');
COMMENT ON FUNCTION report_csv_field(text) IS
  'One CSV field (RFC 4180) separated by commas: report_csv_field(value, '','')';

-- The CSV dialect of a form: the separator (',' by default; ';' is what Excel
-- expects where the decimal separator is a comma, as in kk and ru locales; a
-- tab) and, for Excel to read UTF-8, an optional byte order mark.
CREATE FUNCTION report_check_csv(delimiter text, bom boolean) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF delimiter IS NULL OR delimiter NOT IN (',', ';', E'\t') THEN
    RAISE EXCEPTION 'a CSV form separates its fields by a comma, a semicolon or a tab, not "%"', coalesce(delimiter, 'NULL')
      USING ERRCODE = 'IC306', HINT = 'Use delimiter => '','' (the default), '';'' (Excel in kk and ru locales) or E''\t''.';
  END IF;
  IF bom IS NULL THEN
    RAISE EXCEPTION 'a CSV form starts with a byte order mark or not: bom is true or false, not NULL'
      USING ERRCODE = 'IC306', HINT = 'Use bom => true for Excel, bom => false (the default) otherwise.';
  END IF;
  IF bom AND getdatabaseencoding() <> 'UTF8' THEN
    RAISE EXCEPTION 'a byte order mark is written for UTF-8 only'
      USING ERRCODE = 'IC306',
            DETAIL = format('The database encoding is %s.', getdatabaseencoding()),
            HINT = 'Use bom => false, and let the client convert the text (client_encoding).';
  END IF;
  RETURN CASE WHEN bom THEN convert_from('\xefbbbf', 'UTF8') ELSE '' END;
END
$$;
COMMENT ON FUNCTION report_check_csv(text, boolean) IS
  'Checks a CSV dialect (delimiter: a comma, a semicolon or a tab; bom: only in a UTF-8 database), else IC306; returns what the file starts with: the byte order mark U+FEFF (bytes EF BB BF) when bom, else an empty text';

CREATE FUNCTION report_check_lang(lang text) RETURNS text
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF lang IS NULL OR lang NOT IN ('kk', 'ru') THEN
    RAISE EXCEPTION 'the forms are printed in Kazakh or Russian, not "%"', coalesce(lang, 'NULL')
      USING ERRCODE = 'IC301', HINT = 'Use lang => ''kk'' or lang => ''ru''.';
  END IF;
  RETURN lang;
END
$$;
COMMENT ON FUNCTION report_check_lang(text) IS 'The language of a form, kk or ru; anything else raises IC301';

CREATE FUNCTION report_date(d date) RETURNS text
-- in C (issue 19): the text of to_char(d, 'DD.MM.YYYY') without parsing the
-- picture per day; the forms print several days a row (src/reporting/report_date.c)
AS 'MODULE_PATHNAME', 'ic_report_date_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION report_date(date) IS 'A day as the forms print it: DD.MM.YYYY';

CREATE FUNCTION report_long_date(d date, lang text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN d IS NULL THEN NULL
            WHEN lang OPERATOR(pg_catalog.=) 'kk'
              THEN pg_catalog.to_char(d, 'YYYY') OPERATOR(pg_catalog.||) ' жылғы ' OPERATOR(pg_catalog.||) pg_catalog.to_char(d, 'FMDD') OPERATOR(pg_catalog.||) ' '
                   OPERATOR(pg_catalog.||) (ARRAY['қаңтардағы', 'ақпандағы', 'наурыздағы', 'сәуірдегі', 'мамырдағы', 'маусымдағы', 'шілдедегі',
                                                   'тамыздағы', 'қыркүйектегі', 'қазандағы', 'қарашадағы', 'желтоқсандағы'])[pg_catalog.date_part('month', d)::integer]
            ELSE pg_catalog.to_char(d, 'FMDD') OPERATOR(pg_catalog.||) ' '
                 OPERATOR(pg_catalog.||) (ARRAY['января', 'февраля', 'марта', 'апреля', 'мая', 'июня', 'июля', 'августа', 'сентября',
                                                 'октября', 'ноября', 'декабря'])[pg_catalog.date_part('month', d)::integer]
                 OPERATOR(pg_catalog.||) ' ' OPERATOR(pg_catalog.||) pg_catalog.to_char(d, 'YYYY') OPERATOR(pg_catalog.||) ' года' END;
COMMENT ON FUNCTION report_long_date(date, text) IS
  'A day as the title of a form writes it: 2024 жылғы 2 қыркүйектегі (kk), 2 сентября 2024 года (ru)';

-- Kazakh case endings after a date (issue 18, Forms) -------------------------
-- "from 11.03.2025 to 02.06.2025" reads in Kazakh "11.03.2025-тен бастап
-- 02.06.2025-ке дейін": бастап wants the ablative, дейін the dative, and a
-- number in digits takes, after a hyphen, the ending of its last word read
-- aloud (2025: "... жиырма бес" -> -тен, -ке; 2020: "... жиырма" -> -дан,
-- -ға; 2000: "екі мың" -> -нан, -ға).  A date is read with its year last.  The
-- rule (vowel harmony and the last sound) is in src/reporting/kk_case_core.c.

CREATE FUNCTION kk_number_ending(n bigint, grammatical_case text) RETURNS text
AS 'MODULE_PATHNAME', 'ic_kk_number_ending_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION kk_number_ending(bigint, text) IS
  'The Kazakh case ending (no hyphen) a number written in digits takes: grammatical_case ablative (шығыс септік: -дан/-ден/-тан/-тен/-нан/-нен) or dative (барыс септік: -ға/-ге/-қа/-ке), by the last word of the number read aloud: kk_number_ending(2025, ''ablative'') = тен; another case raises 22023';

CREATE FUNCTION report_date_kk(d date, grammatical_case text) RETURNS text
-- in C (issue 19): report_date(d), a hyphen and kk_number_ending(year of d, grammatical_case)
AS 'MODULE_PATHNAME', 'ic_report_date_kk_sql' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION report_date_kk(date, text) IS
  'A day as the forms print it in Kazakh with a case ending after its year (kk_number_ending): report_date_kk(''2025-03-11'', ''ablative'') = 11.03.2025-тен; NULL for NULL';

-- Whole figures only (issue 17, item 5) --------------------------------------
-- Row security gives a reader of some bodies only their instructions (policy
-- body_slice: responsible body or co-executor among my_bodies()).  A count
-- over another body, or a form over an act or a body, would then be partial
-- and look whole.  So a figure is shown only to a role that sees every
-- instruction it counts: one that sees the whole registry (row security off
-- for it: superuser, owner, BYPASSRLS; or ic_controller, whose policy
-- control_all sees every row), or, for a body's figure, a reader of that
-- body (it sees every instruction the body is responsible for).

CREATE FUNCTION report_sees_all() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
RETURN NOT pg_catalog.row_security_active('instruction_control.instruction'::pg_catalog.regclass)
       OR pg_catalog.pg_has_role('ic_controller', 'MEMBER');
COMMENT ON FUNCTION report_sees_all() IS
  'True when the current role sees every instruction (row security does not apply to it, or it holds ic_controller): the reports'' figures over any body and the forms are whole for it (issue 17, item 5)';

-- The bodies whose figures the role sees whole; NULL: every body.  PL/pgSQL,
-- so that it may name my_bodies() of the Security section before it exists.
CREATE FUNCTION report_whole_bodies() RETURNS bigint[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF report_sees_all() THEN
    RETURN NULL;
  END IF;
  RETURN my_bodies();
END
$$;
COMMENT ON FUNCTION report_whole_bodies() IS
  'The bodies whose figures the current role sees whole: NULL when it sees every instruction (report_sees_all), else my_bodies(), the bodies row security shows it every instruction of (issue 17, item 5)';

CREATE FUNCTION report_require_whole(form text) RETURNS void
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF NOT report_sees_all() THEN
    RAISE EXCEPTION 'the form % needs the whole registry: row security shows this role only the instructions of its bodies', form
      USING ERRCODE = 'IC305',
            DETAIL = format('Role %s is not ic_controller and row security applies to it; the form would leave out the instructions of other bodies and number its rows as if they did not exist.',
                            current_user),
            HINT = 'Print the forms as a role holding ic_controller; a reader''s whole figures are the rows of its own bodies in report_discipline and report_control_card.';
  END IF;
END
$$;
COMMENT ON FUNCTION report_require_whole(text) IS
  'Raises IC305 unless report_sees_all(): a form printed from a partial registry would look whole (issue 17, item 5)';

-- Sector headings of the annual summary (Appendix 8) -------------------------
-- state_body.sector is free text.  The form's headings ("In health care") come
-- from sector_heading (the administrator's rows) or the built-in list below;
-- any other sector is printed as written.

CREATE TABLE sector_heading (
  sector  text PRIMARY KEY,
  kk      text NOT NULL,
  ru      text NOT NULL,
  en      text NOT NULL
);
COMMENT ON TABLE sector_heading IS
  'Headings of the annual summary (Appendix 8) for the sectors written in state_body.sector, in kk, ru and en; the administrator''s rows win over the built-in headings';
COMMENT ON COLUMN sector_heading.sector IS 'The sector as state_body.sector writes it';
COMMENT ON COLUMN sector_heading.kk IS 'Heading in Kazakh, e.g. Денсаулық сақтау саласында';
COMMENT ON COLUMN sector_heading.ru IS 'Heading in Russian, e.g. В сфере здравоохранения';
COMMENT ON COLUMN sector_heading.en IS 'Heading in English, e.g. In health care';
SELECT pg_catalog.pg_extension_config_dump('sector_heading', '');

CREATE FUNCTION sector_heading(sector text, lang text) RETURNS text
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
COMMENT ON FUNCTION sector_heading(text, text) IS
  'Heading of a sector in the annual summary (Appendix 8) in kk, ru or en: the administrator''s sector_heading row, the built-in heading, or the sector as written';

-- Dimensions -----------------------------------------------------------------

CREATE VIEW report_code_label WITH (security_invoker = true) AS
SELECT s.domain, s.code, s.ordinal,
       coalesce(s.kk, s.code) AS kk, coalesce(s.ru, s.code) AS ru, coalesce(s.en, s.code) AS en,
       (s.kk IS NOT NULL AND s.ru IS NOT NULL AND s.en IS NOT NULL) AS labelled
  FROM (
    SELECT 'control_level'::text AS domain, l::text AS code,
           (row_number() OVER (ORDER BY l))::integer AS ordinal,
           label(l, 'kk') AS kk, label(l, 'ru') AS ru, label(l, 'en') AS en
      FROM control_levels() l
    UNION ALL
    SELECT 'instruction_kind', k::text, (row_number() OVER (ORDER BY k))::integer,
           label(k, 'kk'), label(k, 'ru'), label(k, 'en')
      FROM instruction_kinds() k
    UNION ALL
    SELECT coalesce(v.domain, c.domain), coalesce(v.code, c.code), c.ordinal, v.kk, v.ru, v.en
      FROM vocabulary v
      FULL JOIN (SELECT * FROM vocabulary_codes()
                  WHERE domain NOT IN ('control_level', 'instruction_kind')) c
        ON c.domain = v.domain AND c.code = v.code
  ) s;
COMMENT ON VIEW report_code_label IS
  'Code-label dimension (кодтар / коды): every code of the registry with its names in Kazakh, Russian and English; a code without a label shows the code itself';
COMMENT ON COLUMN report_code_label.domain IS 'Vocabulary of the code, e.g. control_level, instruction_kind, control_regime, removal_ground, decider (сөздік / словарь)';
COMMENT ON COLUMN report_code_label.code IS 'The code as the other views show it (код / код)';
COMMENT ON COLUMN report_code_label.ordinal IS 'Position of the code in its vocabulary where the extension orders it (control levels lowest first, kinds in order); NULL where there is no order (реті / порядок)';
COMMENT ON COLUMN report_code_label.kk IS 'Name in Kazakh (қазақша атауы / название на казахском); the code if missing';
COMMENT ON COLUMN report_code_label.ru IS 'Name in Russian (орысша атауы / название на русском); the code if missing';
COMMENT ON COLUMN report_code_label.en IS 'Name in English (ағылшынша атауы / название на английском); the code if missing';
COMMENT ON COLUMN report_code_label.labelled IS 'true when all three names exist (белгіленген / подписан)';

CREATE VIEW report_calendar_date WITH (security_invoker = true) AS
SELECT c.code AS calendar,
       g.day::date AS day,
       extract(year FROM g.day)::integer AS year,
       extract(quarter FROM g.day)::integer AS quarter,
       extract(month FROM g.day)::integer AS month,
       extract(isoyear FROM g.day)::integer AS iso_year,
       extract(week FROM g.day)::integer AS iso_week,
       extract(isodow FROM g.day)::integer AS iso_dow,
       is_working_day(g.day::date, c.code) AS working_day,
       coalesce(cd.kind, CASE WHEN extract(isodow FROM g.day)::smallint = ANY (c.weekend_days) THEN 'weekend' ELSE 'workday' END) AS day_kind,
       cd.name AS name_en, coalesce(cd.name_kk, cd.name) AS name_kk, coalesce(cd.name_ru, cd.name) AS name_ru,
       coalesce(cy.status = 'confirmed', false) AS confirmed
  FROM calendar c
 CROSS JOIN LATERAL generate_series(c.valid_from::timestamp, c.valid_to::timestamp, interval '1 day') AS g(day)
  LEFT JOIN calendar_day cd ON cd.calendar = c.code AND cd.day = g.day::date
  LEFT JOIN calendar_year cy ON cy.calendar = c.code AND cy.year = extract(year FROM g.day)::integer;
COMMENT ON VIEW report_calendar_date IS
  'Calendar-date dimension (күнтізбе / календарь): every day of every working-day calendar''s covered range, whether it is a working day (R50.3) and whether its year is decreed (confirmed) or a forecast';
COMMENT ON COLUMN report_calendar_date.calendar IS 'Calendar code, e.g. KZ (күнтізбе / календарь)';
COMMENT ON COLUMN report_calendar_date.day IS 'The day (күн / дата)';
COMMENT ON COLUMN report_calendar_date.year IS 'Year (жыл / год)';
COMMENT ON COLUMN report_calendar_date.quarter IS 'Quarter 1-4 (тоқсан / квартал)';
COMMENT ON COLUMN report_calendar_date.month IS 'Month 1-12 (ай / месяц)';
COMMENT ON COLUMN report_calendar_date.iso_year IS 'ISO week-numbering year (ISO жылы / ISO-год)';
COMMENT ON COLUMN report_calendar_date.iso_week IS 'ISO week 1-53 (апта / неделя)';
COMMENT ON COLUMN report_calendar_date.iso_dow IS 'ISO day of the week, 1 = Monday ... 7 = Sunday (апта күні / день недели)';
COMMENT ON COLUMN report_calendar_date.working_day IS 'A working day of the calendar (жұмыс күні / рабочий день)';
COMMENT ON COLUMN report_calendar_date.day_kind IS 'holiday, day_off, working_day (a working weekend day), weekend or workday (күн түрі / тип дня)';
COMMENT ON COLUMN report_calendar_date.name_en IS 'Name of the holiday or transfer in English, if any';
COMMENT ON COLUMN report_calendar_date.name_kk IS 'Name of the holiday or transfer in Kazakh (мереке атауы / название праздника)';
COMMENT ON COLUMN report_calendar_date.name_ru IS 'Name of the holiday or transfer in Russian (мереке атауы / название праздника)';
COMMENT ON COLUMN report_calendar_date.confirmed IS 'The year is decreed (confirmed), not a generated forecast (бекітілген / утверждён)';

-- The control card -----------------------------------------------------------

CREATE VIEW report_control_card WITH (security_invoker = true) AS
SELECT i.id AS instruction_id,
       i.external_ref,
       i.act_id,
       a.act_type,
       a.number AS act_number,
       CASE WHEN a.secrecy = 'state_secret' THEN NULL ELSE a.title END AS act_title,
       a.signed_on AS act_signed_on,
       i.point::text AS point,
       (point_sort_key(i.point) COLLATE "C") AS point_sort_key,
       i.kind::text AS kind,
       label(i.kind, 'kk') AS kind_kk,
       label(i.kind, 'ru') AS kind_ru,
       i.level::text AS level,
       label(i.level, 'kk') AS level_kk,
       label(i.level, 'ru') AS level_ru,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE i.content END AS content,
       i.secrecy::text AS secrecy,
       (i.secrecy = 'state_secret') AS state_secret,
       i.paper_card_ref,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE i.completion_form END AS completion_form,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE i.final_result END AS final_result,
       i.responsible_body_id,
       rb.code AS responsible_body_code,
       rb.name AS responsible_body_name,
       coalesce(rb.name_kk, rb.name) AS responsible_body_name_kk,
       coalesce(rb.name_ru, rb.name) AS responsible_body_name_ru,
       rb.sector AS responsible_body_sector,
       cardinality(i.co_executor_ids) AS co_executor_count,
       (SELECT string_agg(coalesce(b.code, b.id::text), ', ' ORDER BY b.id)
          FROM state_body b WHERE b.id = ANY (i.co_executor_ids)) AS co_executor_codes,
       (SELECT string_agg(coalesce(b.name_kk, b.name), '; ' ORDER BY b.id)
          FROM state_body b WHERE b.id = ANY (i.co_executor_ids)) AS co_executors_kk,
       (SELECT string_agg(coalesce(b.name_ru, b.name), '; ' ORDER BY b.id)
          FROM state_body b WHERE b.id = ANY (i.co_executor_ids)) AS co_executors_ru,
       i.controlling_body_id,
       coalesce(cb.name_ru, cb.name) AS controlling_body_name_ru,
       coalesce(cb.name_kk, cb.name) AS controlling_body_name_kk,
       i.pa_unit,
       i.signed_on,
       i.received_on,
       i.term::text AS term,
       i.original_due_date,
       i.due_date,
       i.roadmap_due_date,
       CASE WHEN i.status = 'on_control' AND i.due_date IS NOT NULL
            THEN working_days_between(current_date, i.due_date,
                   coalesce(i.calendar, current_setting('instruction_control.calendar', true), 'KZ')) END
         AS working_days_left,
       (i.status = 'on_control' AND i.due_date < current_date) AS overdue,
       CASE WHEN i.status = 'on_control' AND i.due_date < current_date
            THEN working_days_between(i.due_date, current_date,
                   coalesce(i.calendar, current_setting('instruction_control.calendar', true), 'KZ'))
            ELSE 0 END AS working_days_overdue,
       i.status::text AS status,
       coalesce(vs.kk, i.status) AS status_kk,
       coalesce(vs.ru, i.status) AS status_ru,
       i.removed_on,
       (SELECT d.ground::text FROM decision d
         WHERE d.instruction_id = i.id AND d.kind = 'removal' ORDER BY d.seq LIMIT 1) AS removal_ground,
       i.regime::text AS regime,
       coalesce(vr.kk, i.regime) AS regime_kk,
       coalesce(vr.ru, i.regime) AS regime_ru,
       (SELECT count(*) FROM decision d WHERE d.instruction_id = i.id AND d.kind = 'extension')::integer AS extensions,
       (SELECT count(*) FROM decision d WHERE d.instruction_id = i.id AND d.kind IN ('extension', 'transfer') AND d.repeated)::integer
         AS repeated_changes,
       (SELECT count(*) FROM decision d WHERE d.instruction_id = i.id AND d.kind = 'transfer')::integer AS transfers,
       (SELECT count(*) FROM decision d WHERE d.instruction_id = i.id AND d.kind = 'new_deadline')::integer AS new_deadlines,
       CASE WHEN i.received_on IS NOT NULL AND i.original_due_date IS NOT NULL
            THEN working_days_between(i.received_on, i.original_due_date,
                   coalesce(i.calendar, current_setting('instruction_control.calendar', true), 'KZ')) <= 10
            ELSE false END AS urgent,
       CASE WHEN i.due_date IS NOT NULL
            THEN NOT is_confirmed(i.due_date, coalesce(i.calendar, current_setting('instruction_control.calendar', true), 'KZ'))
            ELSE false END AS due_in_unconfirmed_year,
       i.calendar,
       i.parent_id,
       i.upper_record_id,
       i.imported
  FROM instruction i
  LEFT JOIN act a ON a.id = i.act_id
  LEFT JOIN state_body rb ON rb.id = i.responsible_body_id
  LEFT JOIN state_body cb ON cb.id = i.controlling_body_id
  LEFT JOIN vocabulary vs ON vs.domain = 'instruction_status' AND vs.code = i.status
  LEFT JOIN vocabulary vr ON vr.domain = 'control_regime' AND vr.code = i.regime::text;

COMMENT ON VIEW report_control_card IS
  'Control card per instruction (бақылау карточкасы / контрольная карточка): act and requisites, point, kind and level, executors, deadlines, working days left or overdue as of today, status, regime and the decisions taken; plain-typed columns for BI tools; state-secret content is never shown (R14)';
COMMENT ON COLUMN report_control_card.instruction_id IS 'Instruction id (тапсырма / поручение)';
COMMENT ON COLUMN report_control_card.external_ref IS 'Key in the host registry (сыртқы кілт / внешний ключ)';
COMMENT ON COLUMN report_control_card.act_id IS 'Act id (акт / акт)';
COMMENT ON COLUMN report_control_card.act_type IS 'Type of the act as registered, e.g. decree, address, meeting (актінің түрі / вид акта)';
COMMENT ON COLUMN report_control_card.act_number IS 'Number of the act (актінің нөмірі / номер акта)';
COMMENT ON COLUMN report_control_card.act_title IS 'Title of the act; NULL for a state-secret act, R14 (актінің атауы / наименование акта)';
COMMENT ON COLUMN report_control_card.act_signed_on IS 'Day the act was signed (қол қойылған күні / дата подписания)';
COMMENT ON COLUMN report_control_card.point IS 'Point number, e.g. 1.42-1.5) (тармақ / пункт)';
COMMENT ON COLUMN report_control_card.point_sort_key IS 'Sorts points naturally under COLLATE "C": ORDER BY act_id, point_sort_key (сұрыптау кілті / ключ сортировки)';
COMMENT ON COLUMN report_control_card.kind IS 'Kind code, see report_code_label domain instruction_kind (тапсырма түрі / вид поручения)';
COMMENT ON COLUMN report_control_card.kind_kk IS 'Kind in Kazakh (тапсырма түрі)';
COMMENT ON COLUMN report_control_card.kind_ru IS 'Kind in Russian (вид поручения)';
COMMENT ON COLUMN report_control_card.level IS 'Control level code: pa, government, central, local, organisation (бақылау деңгейі / уровень контроля)';
COMMENT ON COLUMN report_control_card.level_kk IS 'Control level in Kazakh (бақылау деңгейі)';
COMMENT ON COLUMN report_control_card.level_ru IS 'Control level in Russian (уровень контроля)';
COMMENT ON COLUMN report_control_card.content IS 'Text of the instruction; NULL for a state secret, R14 (мазмұны / содержание)';
COMMENT ON COLUMN report_control_card.secrecy IS 'none, restricted or state_secret (құпиялылық / секретность)';
COMMENT ON COLUMN report_control_card.state_secret IS 'Contains state secrets: only requisites are shown, R14 (мемлекеттік құпия / государственные секреты)';
COMMENT ON COLUMN report_control_card.paper_card_ref IS 'Reference of the paper control card, R50.2 (қағаз карточка / бумажная карточка)';
COMMENT ON COLUMN report_control_card.completion_form IS 'Completion form; NULL for a state secret (аяқталу нысаны / форма завершения)';
COMMENT ON COLUMN report_control_card.final_result IS 'Final result where the instruction has one; NULL for a state secret (түпкілікті нәтиже / конечный результат)';
COMMENT ON COLUMN report_control_card.responsible_body_id IS 'Responsible executor id (жауапты орындаушы / ответственный исполнитель)';
COMMENT ON COLUMN report_control_card.responsible_body_code IS 'Short code of the responsible executor';
COMMENT ON COLUMN report_control_card.responsible_body_name IS 'Name of the responsible executor as registered';
COMMENT ON COLUMN report_control_card.responsible_body_name_kk IS 'Name of the responsible executor in Kazakh (the registered name if none)';
COMMENT ON COLUMN report_control_card.responsible_body_name_ru IS 'Name of the responsible executor in Russian (the registered name if none)';
COMMENT ON COLUMN report_control_card.responsible_body_sector IS 'Sector of the responsible executor, the heading of Appendix 8 (сала / сфера)';
COMMENT ON COLUMN report_control_card.co_executor_count IS 'Number of co-executors (бірлесіп орындаушылар / соисполнители)';
COMMENT ON COLUMN report_control_card.co_executor_codes IS 'Codes of the co-executors, comma-separated';
COMMENT ON COLUMN report_control_card.co_executors_kk IS 'Co-executors in Kazakh, "; "-separated (бірлесіп орындаушылар)';
COMMENT ON COLUMN report_control_card.co_executors_ru IS 'Co-executors in Russian, "; "-separated (соисполнители)';
COMMENT ON COLUMN report_control_card.controlling_body_id IS 'State body responsible for control (бақылауға жауапты орган / орган, ответственный за контроль)';
COMMENT ON COLUMN report_control_card.controlling_body_name_ru IS 'Controlling body in Russian';
COMMENT ON COLUMN report_control_card.controlling_body_name_kk IS 'Controlling body in Kazakh';
COMMENT ON COLUMN report_control_card.pa_unit IS 'PA structural unit responsible for control (ПӘ құрылымдық бөлімшесі / структурное подразделение АП)';
COMMENT ON COLUMN report_control_card.signed_on IS 'Day the instruction was signed (қол қойылған күні / дата подписания)';
COMMENT ON COLUMN report_control_card.received_on IS 'Day of receipt, day 0 of the working-day count, R50.3 (келіп түскен күні / дата поступления)';
COMMENT ON COLUMN report_control_card.term IS 'Term as given, e.g. 10 working days (мерзімі / срок)';
COMMENT ON COLUMN report_control_card.original_due_date IS 'Deadline when put on control (бастапқы мерзім / первоначальный срок)';
COMMENT ON COLUMN report_control_card.due_date IS 'Deadline in force (орындау мерзімі / срок исполнения)';
COMMENT ON COLUMN report_control_card.roadmap_due_date IS 'Day a roadmap is due, R56, R59 (жол картасы мерзімі / срок дорожной карты)';
COMMENT ON COLUMN report_control_card.working_days_left IS 'On control: working days from today to the deadline, negative when overdue; NULL when removed (қалған жұмыс күндері / осталось рабочих дней)';
COMMENT ON COLUMN report_control_card.overdue IS 'On control with the deadline before today (мерзімі өткен / просрочено)';
COMMENT ON COLUMN report_control_card.working_days_overdue IS 'Working days past the deadline as of today, 0 when not overdue (кешіктірілген жұмыс күндері / рабочих дней просрочки)';
COMMENT ON COLUMN report_control_card.status IS 'on_control or removed (мәртебесі / статус)';
COMMENT ON COLUMN report_control_card.status_kk IS 'Status in Kazakh (мәртебесі)';
COMMENT ON COLUMN report_control_card.status_ru IS 'Status in Russian (статус)';
COMMENT ON COLUMN report_control_card.removed_on IS 'Day removed from control (бақылаудан алынған күні / дата снятия с контроля)';
COMMENT ON COLUMN report_control_card.removal_ground IS 'Ground of the removal, R75: executed, duplicated, impossible, control_passed (алу негізі / основание снятия)';
COMMENT ON COLUMN report_control_card.regime IS 'regular, medium_term or long_term, R69.3, R69.4 (бақылау режимі / режим контроля)';
COMMENT ON COLUMN report_control_card.regime_kk IS 'Regime in Kazakh (бақылау режимі)';
COMMENT ON COLUMN report_control_card.regime_ru IS 'Regime in Russian (режим контроля)';
COMMENT ON COLUMN report_control_card.extensions IS 'Extension decisions, R69.1 (ұзартулар / продления); transfers are counted in transfers (instruction.extensions counts both)';
COMMENT ON COLUMN report_control_card.repeated_changes IS 'Repeated extensions or transfers, with disciplinary review, R72 (қайталап ұзарту / повторные продления)';
COMMENT ON COLUMN report_control_card.transfers IS 'Transfers to medium- or long-term control, R69.3, R69.4 (ауыстырулар / переводы)';
COMMENT ON COLUMN report_control_card.new_deadlines IS 'New deadlines set in an emergency or quarantine, R70.4 (жаңа мерзімдер / новые сроки)';
COMMENT ON COLUMN report_control_card.urgent IS 'Urgent: at most 10 working days from receipt to the original deadline (Appendix 7 note) (жедел / срочное)';
COMMENT ON COLUMN report_control_card.due_in_unconfirmed_year IS 'The deadline lies in a calendar year not yet decreed (a forecast): it may move when the year''s transfers are decreed (бекітілмеген жыл / неутверждённый год)';
COMMENT ON COLUMN report_control_card.calendar IS 'Working-day calendar of the deadline (күнтізбе / календарь)';
COMMENT ON COLUMN report_control_card.parent_id IS 'Instruction this one details (негізгі тапсырма / родительское поручение)';
COMMENT ON COLUMN report_control_card.upper_record_id IS 'Record of the same point at a higher level, R79 (жоғары деңгейдегі жазба / запись верхнего уровня)';
COMMENT ON COLUMN report_control_card.imported IS 'Imported history, not judged by Decree No. 403 (импортталған / импортировано)';

-- The overdue register ---------------------------------------------------------

CREATE VIEW report_overdue WITH (security_invoker = true) AS
SELECT c.instruction_id, c.external_ref, c.act_id, c.act_type, c.act_number, c.act_signed_on,
       c.point, c.point_sort_key, c.kind, c.kind_kk, c.kind_ru, c.level, c.level_kk, c.level_ru,
       c.content, c.state_secret, c.paper_card_ref,
       c.responsible_body_id, c.responsible_body_code, c.responsible_body_name_kk, c.responsible_body_name_ru,
       c.responsible_body_sector, c.co_executors_ru, c.pa_unit,
       c.received_on, c.original_due_date, c.due_date,
       (current_date - c.due_date) AS calendar_days_overdue,
       c.working_days_overdue,
       c.regime, c.regime_kk, c.regime_ru, c.extensions, c.repeated_changes, c.transfers, c.new_deadlines,
       c.urgent
  FROM report_control_card c
 WHERE c.overdue;
COMMENT ON VIEW report_overdue IS
  'Overdue register (мерзімі өткен тапсырмалар тізілімі / реестр просроченных поручений): instructions on control whose deadline in force is before today, with the days overdue';
COMMENT ON COLUMN report_overdue.instruction_id IS 'Instruction id (тапсырма / поручение)';
COMMENT ON COLUMN report_overdue.external_ref IS 'Key in the host registry';
COMMENT ON COLUMN report_overdue.act_id IS 'Act id (акт / акт)';
COMMENT ON COLUMN report_overdue.act_type IS 'Type of the act (актінің түрі / вид акта)';
COMMENT ON COLUMN report_overdue.act_number IS 'Number of the act (нөмірі / номер)';
COMMENT ON COLUMN report_overdue.act_signed_on IS 'Day the act was signed (қол қойылған күні / дата подписания)';
COMMENT ON COLUMN report_overdue.point IS 'Point number (тармақ / пункт)';
COMMENT ON COLUMN report_overdue.point_sort_key IS 'Natural sort key of the point under COLLATE "C"';
COMMENT ON COLUMN report_overdue.kind IS 'Kind code (тапсырма түрі / вид поручения)';
COMMENT ON COLUMN report_overdue.kind_kk IS 'Kind in Kazakh';
COMMENT ON COLUMN report_overdue.kind_ru IS 'Kind in Russian';
COMMENT ON COLUMN report_overdue.level IS 'Control level code (бақылау деңгейі / уровень контроля)';
COMMENT ON COLUMN report_overdue.level_kk IS 'Control level in Kazakh';
COMMENT ON COLUMN report_overdue.level_ru IS 'Control level in Russian';
COMMENT ON COLUMN report_overdue.content IS 'Text; NULL for a state secret, R14 (мазмұны / содержание)';
COMMENT ON COLUMN report_overdue.state_secret IS 'Contains state secrets, R14 (мемлекеттік құпия / государственные секреты)';
COMMENT ON COLUMN report_overdue.paper_card_ref IS 'Paper control card (қағаз карточка / бумажная карточка)';
COMMENT ON COLUMN report_overdue.responsible_body_id IS 'Responsible executor id (жауапты орындаушы / ответственный исполнитель)';
COMMENT ON COLUMN report_overdue.responsible_body_code IS 'Short code of the responsible executor';
COMMENT ON COLUMN report_overdue.responsible_body_name_kk IS 'Responsible executor in Kazakh';
COMMENT ON COLUMN report_overdue.responsible_body_name_ru IS 'Responsible executor in Russian';
COMMENT ON COLUMN report_overdue.responsible_body_sector IS 'Sector of the responsible executor (сала / сфера)';
COMMENT ON COLUMN report_overdue.co_executors_ru IS 'Co-executors in Russian (соисполнители)';
COMMENT ON COLUMN report_overdue.pa_unit IS 'PA unit responsible for control (ПӘ бөлімшесі / подразделение АП)';
COMMENT ON COLUMN report_overdue.received_on IS 'Day of receipt (келіп түскен күні / дата поступления)';
COMMENT ON COLUMN report_overdue.original_due_date IS 'Deadline when put on control (бастапқы мерзім / первоначальный срок)';
COMMENT ON COLUMN report_overdue.due_date IS 'Deadline in force, missed (орындау мерзімі / срок исполнения)';
COMMENT ON COLUMN report_overdue.calendar_days_overdue IS 'Calendar days past the deadline as of today (күнтізбелік күндер / календарных дней)';
COMMENT ON COLUMN report_overdue.working_days_overdue IS 'Working days past the deadline as of today (жұмыс күндері / рабочих дней)';
COMMENT ON COLUMN report_overdue.regime IS 'Control regime code (бақылау режимі / режим контроля)';
COMMENT ON COLUMN report_overdue.regime_kk IS 'Regime in Kazakh';
COMMENT ON COLUMN report_overdue.regime_ru IS 'Regime in Russian';
COMMENT ON COLUMN report_overdue.extensions IS 'Extension decisions so far, R69.1 (ұзартулар / продления); transfers are counted in transfers (instruction.extensions counts both)';
COMMENT ON COLUMN report_overdue.repeated_changes IS 'Repeated extensions or transfers, R72 (қайталап / повторно)';
COMMENT ON COLUMN report_overdue.transfers IS 'Transfers, R69.3, R69.4 (ауыстырулар / переводы)';
COMMENT ON COLUMN report_overdue.new_deadlines IS 'New deadlines, R70.4 (жаңа мерзімдер / новые сроки)';
COMMENT ON COLUMN report_overdue.urgent IS 'Urgent: at most 10 working days (жедел / срочное)';
