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

-- The control card and the overdue register as of a past day (issue 18, Views)
-- "What was overdue on 5 May": each view has an as-of form, a function of the
-- day that answers as the registry stood at the end of that day, folded from
-- the decision journal (instruction_as_of, as Appendix 8 reads it): the
-- deadline then, on control or removed (day and R75 ground), the regime and
-- the extensions (R69.1), repeated changes (R72), transfers (R69.3, R69.4)
-- and new deadlines (R70.4) decided by then, the days overdue counted to that
-- day.  The views are today's case: report_control_card_as_of(current_date)
-- returns the rows of report_control_card.  An instruction received after the
-- day is not in the answer.  The requisites (act, content, bodies, roadmap
-- date, final result) are shown as registered now.
-- body_id narrows the fold to one responsible body (read through its index).
-- The fold is index probes per card, which JIT compiling cannot speed up: its
-- cost estimate crosses the JIT thresholds even for one body and compiling
-- took seconds longer than the fold itself, so the functions run with
-- jit = off (a SET clause: only their own queries).
-- They run with the caller's privileges: row security gives a reader the
-- rows of its bodies, as the views do.

CREATE FUNCTION report_check_as_of(as_of date) RETURNS date
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF as_of IS NULL THEN
    RAISE EXCEPTION 'no day given for the registry as of a day'
      USING ERRCODE = 'IC307',
            HINT = 'Give a day up to today, e.g. report_overdue_as_of(date ''2025-05-05''); for today read the view.';
  END IF;
  IF as_of > current_date THEN
    RAISE EXCEPTION 'the registry as of % is not known yet', as_of
      USING ERRCODE = 'IC307',
            DETAIL = format('Today is %s: the journal answers for today and past days only.', current_date),
            HINT = 'Give a day up to today; for today read the view (report_control_card, report_overdue).';
  END IF;
  RETURN as_of;
END
$$;
COMMENT ON FUNCTION report_check_as_of(date) IS
  'The day of an as-of report, today or past; NULL or a future day raises IC307';

CREATE FUNCTION report_control_card_as_of(as_of date, body_id bigint DEFAULT NULL)
RETURNS SETOF report_control_card
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
SET jit = off
AS $$
DECLARE
  the_day date := report_check_as_of(as_of);
  the_body bigint := body_id;
BEGIN
  RETURN QUERY
  SELECT c.instruction_id, c.external_ref, c.act_id, c.act_type, c.act_number, c.act_title, c.act_signed_on,
         c.point, c.point_sort_key, c.kind, c.kind_kk, c.kind_ru, c.level, c.level_kk, c.level_ru,
         c.content, c.secrecy, c.state_secret, c.paper_card_ref, c.completion_form, c.final_result,
         c.responsible_body_id, c.responsible_body_code, c.responsible_body_name, c.responsible_body_name_kk,
         c.responsible_body_name_ru, c.responsible_body_sector, c.co_executor_count, c.co_executor_codes,
         c.co_executors_kk, c.co_executors_ru, c.controlling_body_id, c.controlling_body_name_ru,
         c.controlling_body_name_kk, c.pa_unit, c.signed_on, c.received_on, c.term, c.original_due_date,
         s.due_date,
         c.roadmap_due_date,
         CASE WHEN s.on_control AND s.due_date IS NOT NULL
              THEN working_days_between(the_day, s.due_date,
                     coalesce(c.calendar, current_setting('instruction_control.calendar', true), 'KZ')) END,
         (s.on_control AND s.due_date < the_day),
         CASE WHEN s.on_control AND s.due_date < the_day
              THEN working_days_between(s.due_date, the_day,
                     coalesce(c.calendar, current_setting('instruction_control.calendar', true), 'KZ'))
              ELSE 0 END,
         CASE WHEN s.on_control THEN 'on_control' ELSE 'removed' END,
         coalesce(vs.kk, CASE WHEN s.on_control THEN 'on_control' ELSE 'removed' END),
         coalesce(vs.ru, CASE WHEN s.on_control THEN 'on_control' ELSE 'removed' END),
         s.removed_on,
         s.removal_ground,
         s.regime, coalesce(vr.kk, s.regime), coalesce(vr.ru, s.regime),
         s.extension_decisions, s.repeated_extensions, s.transfers, s.new_deadlines,
         c.urgent,
         CASE WHEN s.due_date IS NOT NULL
              THEN NOT is_confirmed(s.due_date,
                     coalesce(c.calendar, current_setting('instruction_control.calendar', true), 'KZ'))
              ELSE false END,
         c.calendar, c.parent_id, c.upper_record_id, c.imported
    -- the cards the caller sees (of the body), each folded on its own: the
    -- fold is probed by instruction id (OFFSET 0 keeps both sides apart, so
    -- the planner does not fold the whole registry and join it afterwards)
    FROM (SELECT * FROM report_control_card c0
           WHERE the_body IS NULL OR c0.responsible_body_id = the_body OFFSET 0) c
   CROSS JOIN LATERAL (SELECT * FROM instruction_as_of(the_day) a
                        WHERE a.instruction_id = c.instruction_id OFFSET 0) s
    LEFT JOIN vocabulary vs
           ON vs.domain = 'instruction_status' AND vs.code = CASE WHEN s.on_control THEN 'on_control' ELSE 'removed' END
    LEFT JOIN vocabulary vr ON vr.domain = 'control_regime' AND vr.code = s.regime;
END
$$;
COMMENT ON FUNCTION report_control_card_as_of(date, bigint) IS
  'The control card as the registry stood at the end of a day up to today (issue 18, Views): the rows of report_control_card with the deadline, status, removal (day, R75 ground), regime, extensions (R69.1), repeated changes (R72), transfers (R69.3, R69.4), new deadlines (R70.4) and days left or overdue folded from the decision journal as of that day (instruction_as_of); instructions received after it are left out; body_id: only that responsible body''s. At current_date it equals the view. NULL or a future day: IC307. Row security applies as to the view';

CREATE FUNCTION report_overdue_as_of(as_of date, body_id bigint DEFAULT NULL)
RETURNS SETOF report_overdue
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
SET jit = off
AS $$
DECLARE
  the_day date := report_check_as_of(as_of);
BEGIN
  RETURN QUERY
  SELECT c.instruction_id, c.external_ref, c.act_id, c.act_type, c.act_number, c.act_signed_on,
         c.point, c.point_sort_key, c.kind, c.kind_kk, c.kind_ru, c.level, c.level_kk, c.level_ru,
         c.content, c.state_secret, c.paper_card_ref,
         c.responsible_body_id, c.responsible_body_code, c.responsible_body_name_kk, c.responsible_body_name_ru,
         c.responsible_body_sector, c.co_executors_ru, c.pa_unit,
         c.received_on, c.original_due_date, c.due_date,
         (the_day - c.due_date),
         c.working_days_overdue,
         c.regime, c.regime_kk, c.regime_ru, c.extensions, c.repeated_changes, c.transfers, c.new_deadlines,
         c.urgent
    FROM report_control_card_as_of(the_day, body_id) c
   WHERE c.overdue;
END
$$;
COMMENT ON FUNCTION report_overdue_as_of(date, bigint) IS
  'The overdue register as of a day up to today (issue 18, Views; "what was overdue on 5 May"): instructions on control at the end of that day whose deadline then was before it, with the days overdue counted to that day, folded from the decision journal (report_control_card_as_of); body_id: only that responsible body''s. At current_date it equals report_overdue. NULL or a future day: IC307. Row security applies as to the view';

-- The decision history ---------------------------------------------------------

CREATE VIEW report_decision_history WITH (security_invoker = true) AS
SELECT d.id AS decision_id,
       d.instruction_id,
       d.seq,
       i.act_id,
       i.point::text AS point,
       i.responsible_body_id,
       i.level::text AS level,
       d.kind::text AS kind,
       coalesce(vk.kk, d.kind) AS kind_kk,
       coalesce(vk.ru, d.kind) AS kind_ru,
       d.decided_on,
       d.decided_by::text AS decided_by,
       coalesce(vd.kk, d.decided_by) AS decided_by_kk,
       coalesce(vd.ru, d.decided_by) AS decided_by_ru,
       d.old_due_date,
       d.new_due_date,
       CASE WHEN d.old_due_date IS NOT NULL AND d.new_due_date IS NOT NULL
            THEN working_days_between(d.old_due_date, d.new_due_date,
                   coalesce(i.calendar, current_setting('instruction_control.calendar', true), 'KZ')) END
         AS shift_working_days,
       d.old_regime::text AS old_regime,
       d.new_regime::text AS new_regime,
       d.repeated,
       d.ground::text AS ground,
       coalesce(vg.kk, d.ground) AS ground_kk,
       coalesce(vg.ru, d.ground) AS ground_ru,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.reason END AS reason,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.basis END AS basis,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.disciplinary_review END AS disciplinary_review,
       (d.disciplinary_review IS NOT NULL OR (i.secrecy = 'state_secret' AND d.repeated)) AS disciplinary_review_taken,
       array_to_string(d.evidence::text[], ', ') AS evidence,
       CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE d.evidence_ref END AS evidence_ref,
       d.paper_ref,
       d.measures_due_date,
       d.roadmap_due_date,
       d.receiving_body_id,
       coalesce(rb.name_ru, rb.name) AS receiving_body_name_ru,
       (i.secrecy = 'state_secret') AS state_secret,
       d.imported
  FROM decision d
  JOIN instruction i ON i.id = d.instruction_id
  LEFT JOIN state_body rb ON rb.id = d.receiving_body_id
  LEFT JOIN vocabulary vk ON vk.domain = 'decision_kind' AND vk.code = d.kind::text
  LEFT JOIN vocabulary vd ON vd.domain = 'decider' AND vd.code = d.decided_by::text
  LEFT JOIN vocabulary vg ON vg.domain = 'removal_ground' AND vg.code = d.ground::text;
COMMENT ON VIEW report_decision_history IS
  'Decision history (шешімдер журналы / журнал решений): every decision on control in its order, with the deadline and regime before and after; basis and review of state secrets are not shown (R14)';
COMMENT ON COLUMN report_decision_history.decision_id IS 'Decision id (шешім / решение)';
COMMENT ON COLUMN report_decision_history.instruction_id IS 'Instruction decided on (тапсырма / поручение)';
COMMENT ON COLUMN report_decision_history.seq IS 'Order among the instruction''s decisions (реті / порядковый номер)';
COMMENT ON COLUMN report_decision_history.act_id IS 'Act of the instruction (акт / акт)';
COMMENT ON COLUMN report_decision_history.point IS 'Point of the instruction (тармақ / пункт)';
COMMENT ON COLUMN report_decision_history.responsible_body_id IS 'Responsible executor of the instruction (жауапты орындаушы / ответственный исполнитель)';
COMMENT ON COLUMN report_decision_history.level IS 'Control level code (бақылау деңгейі / уровень контроля)';
COMMENT ON COLUMN report_decision_history.kind IS 'extension, transfer, new_deadline, removal, roadmap_approval (шешім түрі / вид решения)';
COMMENT ON COLUMN report_decision_history.kind_kk IS 'Kind of decision in Kazakh';
COMMENT ON COLUMN report_decision_history.kind_ru IS 'Kind of decision in Russian';
COMMENT ON COLUMN report_decision_history.decided_on IS 'Day of the decision (шешім күні / дата решения)';
COMMENT ON COLUMN report_decision_history.decided_by IS 'Position that decided (шешім қабылдаған / принявший решение)';
COMMENT ON COLUMN report_decision_history.decided_by_kk IS 'Decider in Kazakh';
COMMENT ON COLUMN report_decision_history.decided_by_ru IS 'Decider in Russian';
COMMENT ON COLUMN report_decision_history.old_due_date IS 'Deadline before the decision (бұрынғы мерзім / прежний срок)';
COMMENT ON COLUMN report_decision_history.new_due_date IS 'Deadline after the decision (жаңа мерзім / новый срок)';
COMMENT ON COLUMN report_decision_history.shift_working_days IS 'Working days the deadline moved (жылжу / сдвиг в рабочих днях)';
COMMENT ON COLUMN report_decision_history.old_regime IS 'Regime before a transfer (бұрынғы режим / прежний режим)';
COMMENT ON COLUMN report_decision_history.new_regime IS 'Regime after a transfer (жаңа режим / новый режим)';
COMMENT ON COLUMN report_decision_history.repeated IS 'A repeated extension or transfer, R72 (қайталап / повторно)';
COMMENT ON COLUMN report_decision_history.ground IS 'Removal ground, R75 (алу негізі / основание снятия)';
COMMENT ON COLUMN report_decision_history.ground_kk IS 'Removal ground in Kazakh';
COMMENT ON COLUMN report_decision_history.ground_ru IS 'Removal ground in Russian';
COMMENT ON COLUMN report_decision_history.reason IS 'Circumstances of a transfer or the emergency of a new deadline; NULL for a state secret (себебі / причина)';
COMMENT ON COLUMN report_decision_history.basis IS 'Expert conclusion, agreement or letter; NULL for a state secret (негіздеме / основание)';
COMMENT ON COLUMN report_decision_history.disciplinary_review IS 'Decision on disciplinary responsibility, R72; NULL for a state secret (тәртіптік жауаптылық / дисциплинарная ответственность)';
COMMENT ON COLUMN report_decision_history.disciplinary_review_taken IS 'Disciplinary responsibility was considered, R72 (also for state secrets, whose review is on paper)';
COMMENT ON COLUMN report_decision_history.evidence IS 'Kinds of removal evidence, R75, R76-1 (дәлелдер / подтверждающие документы)';
COMMENT ON COLUMN report_decision_history.evidence_ref IS 'References of the removal evidence; NULL for a state secret';
COMMENT ON COLUMN report_decision_history.paper_ref IS 'Paper document of a state-secret decision, R14 (қағаз құжат / бумажный документ)';
COMMENT ON COLUMN report_decision_history.measures_due_date IS 'Information on measures due, R72.4 (шаралар туралы ақпарат мерзімі / срок информации о мерах)';
COMMENT ON COLUMN report_decision_history.roadmap_due_date IS 'Roadmap due after a long-term transfer, R59 (жол картасы мерзімі / срок дорожной карты)';
COMMENT ON COLUMN report_decision_history.receiving_body_id IS 'Body taking over control, R75(4) (бақылауды қабылдаушы / принимающий контроль орган)';
COMMENT ON COLUMN report_decision_history.receiving_body_name_ru IS 'Body taking over control, in Russian';
COMMENT ON COLUMN report_decision_history.state_secret IS 'The instruction contains state secrets, R14';
COMMENT ON COLUMN report_decision_history.imported IS 'Imported history, not judged by Decree No. 403';

-- Roadmaps and the PA's agreement (R56, R57, R59) ----------------------------
-- «Келісу ... бес жұмыс күні ішінде жүзеге асырылады»: where a roadmap is agreed
-- with the PA, the PA agrees it within 5 working days of its submission -- the
-- PA's own term.  pa_agreement_status reads each roadmap against it.

CREATE VIEW report_roadmap WITH (security_invoker = true) AS
SELECT m.id AS roadmap_id,
       m.instruction_id,
       i.responsible_body_id,
       m.drafted_by_body_id,
       m.drafter::text AS drafter,
       coalesce(vr.kk, m.drafter) AS drafter_kk,
       coalesce(vr.ru, m.drafter) AS drafter_ru,
       m.approved_by::text AS approved_by,
       m.approved_on,
       i.roadmap_due_date,
       m.submitted_to_pa_on,
       a.due AS pa_agreement_due,
       m.agreed_with_pa_on,
       CASE WHEN m.submitted_to_pa_on IS NULL THEN 'not_submitted'
            WHEN m.agreed_with_pa_on IS NOT NULL AND m.agreed_with_pa_on <= a.due THEN 'agreed_in_time'
            WHEN m.agreed_with_pa_on IS NOT NULL THEN 'agreed_late'
            WHEN a.due < current_date THEN 'late'
            ELSE 'pending' END AS pa_agreement_status,
       CASE WHEN m.submitted_to_pa_on IS NOT NULL
            THEN working_days_between(m.submitted_to_pa_on, coalesce(m.agreed_with_pa_on, current_date),
                                      effective_calendar(i.calendar)) END AS pa_working_days,
       m.document_ref,
       (i.secrecy = 'state_secret') AS state_secret
  FROM roadmap m
  JOIN instruction i ON i.id = m.instruction_id
  LEFT JOIN LATERAL (SELECT add_working_days(m.submitted_to_pa_on, 5, effective_calendar(i.calendar)) AS due) a ON true
  LEFT JOIN vocabulary vr ON vr.domain = 'roadmap_drafter' AND vr.code = m.drafter::text;
COMMENT ON VIEW report_roadmap IS
  'Roadmaps (жол карталары / дорожные карты, R56, R57, R59): who drafted and approved each, and the PA''s agreement against its 5 working days from the submission (R57)';
COMMENT ON COLUMN report_roadmap.roadmap_id IS 'Roadmap id (жол картасы / дорожная карта)';
COMMENT ON COLUMN report_roadmap.instruction_id IS 'Instruction of the roadmap (тапсырма / поручение)';
COMMENT ON COLUMN report_roadmap.responsible_body_id IS 'Responsible executor of the instruction (жауапты орындаушы / ответственный исполнитель)';
COMMENT ON COLUMN report_roadmap.drafted_by_body_id IS 'Body that drafted it; NULL: the responsible executor (әзірлеген орган / разработавший орган)';
COMMENT ON COLUMN report_roadmap.drafter IS 'Kind of drafting body, which fixes the approver, R57 (әзірлеуші / разработчик)';
COMMENT ON COLUMN report_roadmap.drafter_kk IS 'Kind of drafting body in Kazakh';
COMMENT ON COLUMN report_roadmap.drafter_ru IS 'Kind of drafting body in Russian';
COMMENT ON COLUMN report_roadmap.approved_by IS 'Position that approved it, R57 (бекіткен / утвердивший)';
COMMENT ON COLUMN report_roadmap.approved_on IS 'Day it was approved (бекітілген күні / дата утверждения)';
COMMENT ON COLUMN report_roadmap.roadmap_due_date IS 'Day a roadmap is due for the instruction, R56, R59 (жол картасы мерзімі / срок дорожной карты)';
COMMENT ON COLUMN report_roadmap.submitted_to_pa_on IS 'Day it was submitted to the PA for agreement, R57 (ПӘ-ге ұсынылған күні / дата представления в АП)';
COMMENT ON COLUMN report_roadmap.pa_agreement_due IS 'Last of the PA''s 5 working days to agree it, R57 (ПӘ келісу мерзімі / срок согласования АП)';
COMMENT ON COLUMN report_roadmap.agreed_with_pa_on IS 'Day the PA agreed it, R57 (ПӘ келіскен күні / дата согласования АП)';
COMMENT ON COLUMN report_roadmap.pa_agreement_status IS 'The PA''s agreement against its 5 working days, R57: not_submitted, pending, late (not agreed and the days passed), agreed_in_time, agreed_late';
COMMENT ON COLUMN report_roadmap.pa_working_days IS 'Working days from the submission to the agreement, or to today while not agreed, R57 (жұмыс күндері / рабочие дни)';
COMMENT ON COLUMN report_roadmap.document_ref IS 'Reference of the roadmap document (құжат / документ)';
COMMENT ON COLUMN report_roadmap.state_secret IS 'The instruction contains state secrets, R14';

-- Executive discipline ---------------------------------------------------------
-- One row per responsible body and month in which the deadline in force falls.
-- "On time": removed as executed on or before the deadline in force; "late":
-- executed after it, or still on control with the deadline passed.  The rate
-- is on time / (on time + late); to roll up to a quarter or a year, sum the
-- counts and divide again (a rate is not summed).

CREATE VIEW report_discipline WITH (security_invoker = true) AS
SELECT g.body_id, b.code AS body_code,
       coalesce(b.name_kk, b.name) AS body_name_kk, coalesce(b.name_ru, b.name) AS body_name_ru,
       b.body_type::text AS body_type, b.sector,
       g.period_start,
       (g.period_start + interval '1 month' - interval '1 day')::date AS period_end,
       extract(year FROM g.period_start)::integer AS year,
       extract(quarter FROM g.period_start)::integer AS quarter,
       extract(month FROM g.period_start)::integer AS month,
       g.instructions, g.on_time, g.late, g.executed_late, g.overdue, g.in_progress,
       g.extended, g.extended_repeatedly, g.transferred, g.with_new_deadline,
       g.removed_executed, g.removed_duplicated, g.removed_impossible, g.removed_control_passed,
       round(100.0 * g.on_time / nullif(g.on_time + g.late, 0), 1) AS on_time_rate
  FROM (
    SELECT i.responsible_body_id AS body_id,
           i.period_start,
           count(*)::integer AS instructions,
           count(*) FILTER (WHERE i.ground = 'executed' AND i.removed_on <= i.due_date)::integer AS on_time,
           count(*) FILTER (WHERE (i.ground = 'executed' AND i.removed_on > i.due_date)
                               OR (i.status = 'on_control' AND i.due_date < current_date))::integer AS late,
           count(*) FILTER (WHERE i.ground = 'executed' AND i.removed_on > i.due_date)::integer AS executed_late,
           count(*) FILTER (WHERE i.status = 'on_control' AND i.due_date < current_date)::integer AS overdue,
           count(*) FILTER (WHERE i.status = 'on_control' AND i.due_date >= current_date)::integer AS in_progress,
           -- instruction.extensions is R69.1's count of changes, extensions and
           -- transfers (the C journal, rules_effect_core.c); less the transfers
           -- it is the extension decisions (extension_decisions of
           -- instruction_as_of)
           count(*) FILTER (WHERE i.extensions > i.transfers)::integer AS extended,
           count(*) FILTER (WHERE i.repeated_extensions > 0)::integer AS extended_repeatedly,
           count(*) FILTER (WHERE i.transfers > 0)::integer AS transferred,
           count(*) FILTER (WHERE i.new_deadlines > 0)::integer AS with_new_deadline,
           count(*) FILTER (WHERE i.ground = 'executed')::integer AS removed_executed,
           count(*) FILTER (WHERE i.ground = 'duplicated')::integer AS removed_duplicated,
           count(*) FILTER (WHERE i.ground = 'impossible')::integer AS removed_impossible,
           count(*) FILTER (WHERE i.ground = 'control_passed')::integer AS removed_control_passed
      FROM (
        -- one row per instruction with the few decisions that are not first
        -- extensions or removals (transfers, new deadlines, repeated
        -- extensions) counted: joined, not aggregated apart, so the planner
        -- probes the journal's index for one body's instructions and hashes
        -- it for every body's (issue 19: a journal aggregated for every
        -- instruction cost a reader a probe of the decision policy per
        -- decision, and its plan crossed the JIT thresholds)
        SELECT i.id, i.responsible_body_id, i.due_date, i.status, i.removed_on, i.extensions,
               date_trunc('month', i.due_date::timestamp)::date AS period_start,
               r.ground,
               count(*) FILTER (WHERE d.kind = 'transfer') AS transfers,
               count(*) FILTER (WHERE d.kind = 'new_deadline') AS new_deadlines,
               count(*) FILTER (WHERE d.kind = 'extension') AS repeated_extensions
          FROM instruction i
          -- the removal, if any: a removed instruction takes no later decision, so
          -- its latest decision (kept by the journal) is the removal
          LEFT JOIN decision r ON r.id = i.last_decision_id AND i.status = 'removed' AND r.kind = 'removal'
          LEFT JOIN decision d ON d.instruction_id = i.id
                              AND (d.kind IN ('transfer', 'new_deadline') OR (d.kind = 'extension' AND d.repeated))
         WHERE i.due_date IS NOT NULL
           -- whole figures only: a body's row for a role that sees all its
           -- instructions (issue 17, item 5; see report_sees_all)
           AND ((SELECT report_whole_bodies()) IS NULL
                OR i.responsible_body_id = ANY ((SELECT report_whole_bodies())::bigint[]))
         GROUP BY i.id, r.ground
      ) i
     GROUP BY i.responsible_body_id, i.period_start
  ) g
  LEFT JOIN state_body b ON b.id = g.body_id;
COMMENT ON VIEW report_discipline IS
  'Executive discipline (атқарушылық тәртіп / исполнительская дисциплина) per responsible body and month of the deadline in force: on time, late, extended, extended repeatedly, transferred, new deadlines, removals by ground and the on-time rate; sum the counts to roll up.  Whole figures only: a reader of some bodies gets the rows of its bodies, never a partial count of another (issue 17, item 5)';
COMMENT ON COLUMN report_discipline.body_id IS 'Responsible executor id; NULL for instructions without one (жауапты орындаушы / ответственный исполнитель)';
COMMENT ON COLUMN report_discipline.body_code IS 'Short code of the body';
COMMENT ON COLUMN report_discipline.body_name_kk IS 'Body in Kazakh (орган атауы)';
COMMENT ON COLUMN report_discipline.body_name_ru IS 'Body in Russian (наименование органа)';
COMMENT ON COLUMN report_discipline.body_type IS 'Body type code (орган түрі / тип органа)';
COMMENT ON COLUMN report_discipline.sector IS 'Sector of the body (сала / сфера)';
COMMENT ON COLUMN report_discipline.period_start IS 'First day of the month the deadlines fall in (кезең басы / начало периода)';
COMMENT ON COLUMN report_discipline.period_end IS 'Last day of that month (кезең соңы / конец периода)';
COMMENT ON COLUMN report_discipline.year IS 'Year of the period (жыл / год)';
COMMENT ON COLUMN report_discipline.quarter IS 'Quarter of the period (тоқсан / квартал)';
COMMENT ON COLUMN report_discipline.month IS 'Month of the period (ай / месяц)';
COMMENT ON COLUMN report_discipline.instructions IS 'Instructions whose deadline in force falls in the period (тапсырмалар / поручения)';
COMMENT ON COLUMN report_discipline.on_time IS 'Removed as executed on or before the deadline (уақтылы / в срок)';
COMMENT ON COLUMN report_discipline.late IS 'Executed after the deadline, or still on control past it (мерзімін бұзып / с нарушением срока)';
COMMENT ON COLUMN report_discipline.executed_late IS 'Removed as executed after the deadline (кеш орындалған / исполнено с опозданием)';
COMMENT ON COLUMN report_discipline.overdue IS 'On control with the deadline passed, as of today (мерзімі өткен / просрочено)';
COMMENT ON COLUMN report_discipline.in_progress IS 'On control, deadline not yet passed (орындалуда / на исполнении)';
COMMENT ON COLUMN report_discipline.extended IS 'Instructions extended at least once, R69.1 (ұзартылған / продлено)';
COMMENT ON COLUMN report_discipline.extended_repeatedly IS 'Instructions extended repeatedly, R72 (қайталап ұзартылған / продлено повторно)';
COMMENT ON COLUMN report_discipline.transferred IS 'Instructions transferred to medium- or long-term control, R69.3, R69.4 (ауыстырылған / переведено)';
COMMENT ON COLUMN report_discipline.with_new_deadline IS 'Instructions with a new deadline, R70.4 (жаңа мерзім белгіленген / установлен новый срок)';
COMMENT ON COLUMN report_discipline.removed_executed IS 'Removed: executed, R75(1) (орындалды / исполнено)';
COMMENT ON COLUMN report_discipline.removed_duplicated IS 'Removed: contained in a new instruction, R75(2) (жаңа тапсырмада / новым поручением)';
COMMENT ON COLUMN report_discipline.removed_impossible IS 'Removed: impossible for objective reasons, R75(3) (мүмкін емес / невозможно)';
COMMENT ON COLUMN report_discipline.removed_control_passed IS 'Removed: control passed, R75(4) (бақылау берілді / контроль передан)';
COMMENT ON COLUMN report_discipline.on_time_rate IS 'Percent on time of on time + late, one decimal; NULL when neither (уақтылы орындау үлесі / доля исполненных в срок)';

-- The forms' columns, phrases and writers (issue 21, item 4) -----------------
-- A form column lives in one row of report_form_columns(): its key (the column
-- of the form's row function), its heading in kk and ru, its width and number
-- on the printed page.  The CSV and HTML writers below read only that table,
-- so adding, renaming or widening a column of Appendix 5 or 8 is one edit
-- there.  The forms' words (statuses, the state-secret card, the phrases of a
-- decision) are rows of the one vocabulary (domain form_phrase, kk/ru/en),
-- read through label(); a phrase with a %s (or %1$s) is a format() pattern,
-- so each language keeps its own word order.  Their codes are not codes of
-- another domain, so label(code, lang) stays unambiguous.

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('form_phrase', 'status_in_progress', 'орындалуда', 'на исполнении', 'in progress'),
  ('form_phrase', 'status_executed', 'орындалған', 'исполнено', 'executed'),
  ('form_phrase', 'point', '%s-тармақ', 'п. %s', 'item %s'),
  ('form_phrase', 'state_secret_card', 'Мемлекеттік құпиялар: қағаз карточка %s', 'Государственные секреты: бумажная карточка %s', 'State secrets: paper card %s'),
  ('form_phrase', 'act_signed_on', '%s ж.', 'от %s', 'of %s'),
  ('form_phrase', 'instruction', 'тапсырма', 'поручение', 'instruction'),
  ('form_phrase', 'received_on', 'келіп түсті %s', 'поступило %s', 'received %s'),
  ('form_phrase', 'due', 'Орындау мерзімі: %s', 'Срок исполнения: %s', 'Deadline: %s'),
  ('form_phrase', 'due_passed', 'өтіп кетті', 'истёк', 'passed'),
  ('form_phrase', 'repeated', 'қайталап', 'повторно', 'repeatedly'),
  ('form_phrase', 'decision_extension', '%1$s мерзім %6$s бастап %7$s дейін %4$sұзартылды (%5$s)', 'Срок %4$sпродлён %1$s с %2$s до %3$s (%5$s)', 'Deadline %4$sextended on %1$s from %2$s to %3$s (%5$s)'),
  ('form_phrase', 'decision_transfer', '%1$s %2$sға ауыстырылды, мерзім %3$s', 'Переведено на %2$s %1$s, срок до %3$s', 'Transferred to %2$s on %1$s, deadline %3$s'),
  ('form_phrase', 'decision_new_deadline', '%1$s жаңа мерзім белгіленді: %2$s%3$s', 'Установлен новый срок %1$s: до %2$s%3$s', 'New deadline set on %1$s: %2$s%3$s'),
  ('form_phrase', 'decision_removal', '%1$s бақылаудан алынды (%2$s)', 'Снято с контроля %1$s (%2$s)', 'Removed from control on %1$s (%2$s)'),
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
   'Үкіметтің (орталық мемлекеттік немесе жергілікті атқарушы органның) өздерінің бақылауына берілген тапсырмалар бойынша жыл сайынғы жиынтық есебінің нысаны',
   'Форма ежегодного сводного отчёта Правительства (центрального государственного или местного исполнительного органа) по поручениям, переданным на их контроль',
   'Form of the annual summary of the Government (a central state body or a local executive body) on the instructions passed to its control'),
  ('form_phrase', 'annual_summary_year', '%s — %s жыл', '%s — %s год', '%s — %s'),
  ('form_phrase', 'annual_summary_note',
   '* орталық мемлекеттік органдар өздерінің ережелеріне сәйкес реттеу саласын көрсетеді.',
   '* центральные государственные органы указывают сферу регулирования в соответствии со своими положениями.',
   '* central state bodies give the sector they regulate as their statutes name it.');

CREATE FUNCTION report_label(domain text, code text, lang text) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
RETURN coalesce((SELECT label(v.domain, v.code, lang) FROM vocabulary v WHERE v.domain = $1 AND v.code = $2), $2);
COMMENT ON FUNCTION report_label(text, text, text) IS
  'label(domain, code, lang) for the forms: a code without a label is printed as written (a form never fails on a label); NULL for NULL';

CREATE FUNCTION report_words(lang text) RETURNS jsonb
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT jsonb_object_agg(v.domain || ':' || v.code,
                          CASE lang WHEN 'kk' THEN v.kk WHEN 'ru' THEN v.ru WHEN 'en' THEN v.en
                                    ELSE label(v.domain, v.code, lang) END)
    FROM vocabulary v
   WHERE v.domain IN ('form_phrase', 'decision_kind', 'decider', 'control_regime', 'new_deadline_reason', 'removal_ground')
$$;
COMMENT ON FUNCTION report_words(text) IS
  'The words a form phrases decisions with, in kk, ru or en: the vocabulary rows label() reads (form_phrase, decision_kind, decider, control_regime, new_deadline_reason, removal_ground) as one JSON object keyed domain:code, read once per form; an unknown language raises as label() does';

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

CREATE FUNCTION report_form_columns(form text)
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

CREATE FUNCTION report_form_csv(form text, lang text, rows jsonb, delimiter text DEFAULT ',', bom boolean DEFAULT false)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  WITH d AS MATERIALIZED (SELECT report_check_csv(delimiter, bom) AS start),
  c AS MATERIALIZED (SELECT * FROM report_form_columns(form)),
  line AS (
    SELECT r.n, string_agg(report_csv_field(x.cell, delimiter), delimiter ORDER BY c.ordinal) AS csv
      FROM jsonb_array_elements(rows) WITH ORDINALITY AS r(j, n) CROSS JOIN c
           -- the cell as a column of its own (OFFSET 0), so that report_csv_field is inlined
           CROSS JOIN LATERAL (SELECT CASE c.format WHEN 'date' THEN report_date((r.j ->> c.key)::date)
                                                    ELSE r.j ->> c.key END AS cell OFFSET 0) x
     GROUP BY r.n)
  SELECT d.start
         || (SELECT string_agg(report_csv_field((CASE lang WHEN 'kk' THEN c.heading_kk ELSE c.heading_ru END) || coalesce(c.mark, ''), delimiter), delimiter ORDER BY c.ordinal) FROM c)
         || E'\r\n'
         || coalesce((SELECT string_agg(line.csv || E'\r\n', '' ORDER BY line.n) FROM line), '')
    FROM d
$$;
COMMENT ON FUNCTION report_form_csv(text, text, jsonb, text, boolean) IS
  'The CSV writer of every form: a header row with the headings of report_form_columns(form) in kk or ru, then a row per element of rows (the form''s rows as a JSON array, in order), each cell through report_csv_field (RFC 4180, CRLF, formula cells neutralised); fields separated by delimiter ('','', '';'' or a tab), the byte order mark first when bom (report_check_csv, IC306)';

CREATE FUNCTION report_form_html_table(form text, lang text, rows jsonb) RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  WITH c AS MATERIALIZED (SELECT * FROM report_form_columns(form)),
  p AS (SELECT c.* FROM c WHERE c.number IS NOT NULL),
  n AS (SELECT count(*) AS cells, label('form_phrase', 'point', lang) AS point FROM p),
  line AS (
    SELECT r.n,
           -- a heading row where the numbering starts again (the sector of Appendix 8)
           coalesce(string_agg('<tr class="sector"><td colspan="' || n.cells || '">' || coalesce(report_html_escape(r.j ->> c.key), '') || coalesce(c.mark, '') || '</td></tr>' || E'\n', '')
                      FILTER (WHERE c.format = 'group' AND (r.j ->> 'row_no') = '1'), '')
           || '<tr>'
           -- a date cell (class d) never breaks: dd.mm.yyyy stays on one line
           || string_agg('<td' || CASE WHEN c.align IS NOT NULL OR c.format = 'date'
                                       THEN ' class="' || concat_ws(' ', c.align, CASE WHEN c.format = 'date' THEN 'd' END) || '"'
                                       ELSE '' END || '>'
                         || CASE c.format
                              WHEN 'row_no' THEN (r.j ->> c.key) || '.'
                              WHEN 'date' THEN coalesce(report_html_escape(report_date((r.j ->> c.key)::date)), '')
                              ELSE CASE WHEN (r.j ->> c.lead_key) IS NOT NULL
                                        THEN '<span class="pt">' || report_html_escape(format(n.point, r.j ->> c.lead_key)) || '</span> '
                                        ELSE '' END
                                   || coalesce(report_html_escape(r.j ->> c.key), '') END
                         || '</td>', '' ORDER BY c.number) FILTER (WHERE c.number IS NOT NULL)
           || '</tr>' AS html
      FROM jsonb_array_elements(rows) WITH ORDINALITY AS r(j, n) CROSS JOIN c CROSS JOIN n
     GROUP BY r.n, n.cells, n.point)
  SELECT '<table><colgroup>'
         || (SELECT string_agg('<col style="width:' || p.width || '%">', '' ORDER BY p.number) FROM p)
         || '</colgroup><thead><tr>'
         || (SELECT string_agg('<th>' || report_html_escape(CASE lang WHEN 'kk' THEN p.heading_kk ELSE p.heading_ru END) || coalesce(p.mark, '') || '</th>', '' ORDER BY p.number) FROM p)
         || '</tr><tr class="num">'
         || (SELECT string_agg('<td>' || p.number || '</td>', '' ORDER BY p.number) FROM p)
         || '</tr></thead><tbody>'
         || coalesce((SELECT string_agg(line.html, E'\n' ORDER BY line.n) FROM line),
                     '<tr><td colspan="' || n.cells || '" class="c">—</td></tr>')
         || '</tbody></table>'
    FROM n
$$;
COMMENT ON FUNCTION report_form_html_table(text, text, jsonb) IS
  'The HTML table writer of every form: widths, headings (kk or ru, with their footnote mark) and the row of column numbers from report_form_columns(form), then a row per element of rows (the form''s rows as a JSON array, in order); every value is HTML-escaped';

-- Appendix 5: control approval of an act ---------------------------------------

CREATE FUNCTION form_control_approval(act_id bigint, lang text DEFAULT 'ru')
RETURNS TABLE (row_no integer, instruction_id bigint, point text, point_sort_key text, measure text,
               due_date date, completion_form text, final_result text, responsible_body text,
               control_body text, state_secret boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  the_act bigint := act_id;
BEGIN
  PERFORM report_check_lang(lang);
  IF NOT EXISTS (SELECT 1 FROM act a WHERE a.id = the_act) THEN
    RAISE EXCEPTION 'no act %', coalesce(the_act::text, 'NULL')
      USING ERRCODE = 'IC302', HINT = 'Name an act of instruction_control.act by its id.';
  END IF;
  PERFORM report_require_whole('Appendix 5');
  RETURN QUERY
  SELECT (row_number() OVER (ORDER BY i.point NULLS LAST, i.id))::integer,
         i.id,
         i.point::text,
         (point_sort_key(i.point) COLLATE "C"),
         CASE WHEN i.secrecy = 'state_secret'
              THEN format(label('form_phrase', 'state_secret_card', lang), coalesce(i.paper_card_ref, '—'))
              ELSE i.content END,
         i.original_due_date,
         CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE i.completion_form END,
         CASE WHEN i.secrecy = 'state_secret' THEN NULL ELSE i.final_result END,
         concat_ws('; ',
           CASE lang WHEN 'kk' THEN coalesce(rb.name_kk, rb.name) ELSE coalesce(rb.name_ru, rb.name) END,
           (SELECT string_agg(CASE lang WHEN 'kk' THEN coalesce(b.name_kk, b.name) ELSE coalesce(b.name_ru, b.name) END,
                              '; ' ORDER BY b.id)
              FROM state_body b WHERE b.id = ANY (i.co_executor_ids))),
         concat_ws('. ',
           coalesce(CASE lang WHEN 'kk' THEN coalesce(cb.name_kk, cb.name) ELSE coalesce(cb.name_ru, cb.name) END,
                    CASE WHEN i.level <> 'pa' THEN label(i.level, lang) END),
           i.pa_unit),
         i.secrecy = 'state_secret'
    FROM instruction i
    LEFT JOIN state_body rb ON rb.id = i.responsible_body_id
    LEFT JOIN state_body cb ON cb.id = i.controlling_body_id
   WHERE i.act_id = the_act
     AND i.upper_record_id IS NULL
   ORDER BY 1;
END
$$;
COMMENT ON FUNCTION form_control_approval(bigint, text) IS
  'Appendix 5, control approval of an act (бақылауды бекіту / утверждение контроля): a row per point with the measure, deadline, completion form, final result, responsible body and the body or PA unit responsible for control (R4.5); state secrets show only their paper card (R14). lang: kk or ru (IC301); unknown act: IC302';

CREATE FUNCTION form_control_approval_csv(act_id bigint, lang text DEFAULT 'ru', delimiter text DEFAULT ',',
                                          bom boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT report_form_csv('control_approval', lang, jsonb_agg(f ORDER BY f.row_no), delimiter, bom)
    FROM form_control_approval(act_id, lang) f
$$;
COMMENT ON FUNCTION form_control_approval_csv(bigint, text, text, boolean) IS
  'Appendix 5 as CSV (RFC 4180, CRLF, a header row with the form''s column headings in kk or ru); for Excel in kk and ru locales delimiter => '';'', bom => true (a UTF-8 byte order mark first); delimiter '','', '';'' or a tab, else IC306';

CREATE FUNCTION form_control_approval_html(act_id bigint, lang text DEFAULT 'ru') RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  a act;
  is_kk boolean := report_check_lang(lang) = 'kk';
  rows jsonb;
  h text;
  act_line text;
  big text;
BEGIN
  SELECT * INTO a FROM act WHERE id = act_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no act %', coalesce(act_id::text, 'NULL')
      USING ERRCODE = 'IC302', HINT = 'Name an act of instruction_control.act by its id.';
  END IF;
  SELECT jsonb_agg(f ORDER BY f.row_no)
    INTO rows
    FROM form_control_approval(act_id, lang) f;
  act_line := report_html_escape(format(label('form_phrase', 'control_approval_act', lang),
                                        coalesce(report_long_date(a.signed_on, lang), label('form_phrase', 'blank_date', lang)),
                                        coalesce(a.number, '_____')));
  big := '<span class="big">' || report_html_escape(label('form_phrase', 'control_approval_heading', lang)) || '</span>';
  -- the words from the vocabulary (form_phrase); only their order on the page is Kazakh or Russian
  h := report_html_head(label('form_phrase', 'control_approval_title', lang), lang)
    || '<div class="appendix">'
    || CASE WHEN is_kk
            THEN report_html_escape(label('form_phrase', 'rules_of_decree', lang)) || '<br><b>' || report_html_escape(format(label('form_phrase', 'appendix', lang), 5)) || '</b>'
            ELSE '<b>' || report_html_escape(format(label('form_phrase', 'appendix', lang), 5)) || '</b><br>' || report_html_escape(label('form_phrase', 'rules_of_decree', lang)) END
    || '</div><h1>'
    || CASE WHEN is_kk THEN act_line || '<br>' || big ELSE big || '<br>' || act_line END
    || '</h1>'
    || CASE WHEN a.secrecy <> 'state_secret' AND a.title IS NOT NULL THEN '<p class="sub">' || report_html_escape(a.title) || '</p>' ELSE '' END
    || report_form_html_table('control_approval', lang, rows)
    || '<p class="note">' || report_html_escape(label('form_phrase', 'control_approval_note', lang))
    || '</p></body></html>';
  RETURN h;
END
$$;
COMMENT ON FUNCTION form_control_approval_html(bigint, text) IS
  'Appendix 5 as a printable HTML document (A4 landscape) in Kazakh (kk) or Russian (ru); every interpolated value is HTML-escaped';

-- Shared page head of the printable forms.
CREATE FUNCTION report_html_head(title text, lang text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT '<!DOCTYPE html>' || E'\n' || '<html lang="' || report_html_escape(lang) || '"><head><meta charset="utf-8"><title>'
      || report_html_escape(title) || '</title><style>'
      -- printing (issue 17, item 5): A4 landscape; lines break only between
      -- words (no overflow-wrap: anywhere, no hyphenation), dates and numbers
      -- never; the table sizes its columns from the widths of the column
      -- table (colgroup) but never narrower than the longest word; the
      -- headings repeat on every page and a row is not split if it fits
      || '@page { size: A4 landscape; margin: 12mm 10mm; }'
      || '@media print { body { margin: 0; } }'
      || 'body { font-family: "Times New Roman", "DejaVu Serif", "Liberation Serif", serif; font-size: 12pt; color: #000; margin: 0 8mm; }'
      || '* { hyphens: manual; overflow-wrap: normal; word-break: normal; }'
      || '.appendix { width: 42%; margin: 8px 0 14px auto; text-align: center; font-size: 10.5pt; }'
      || 'h1 { font-size: 13pt; text-align: center; font-weight: bold; margin: 10px 0 12px; }'
      || 'h1 .big { font-size: 14pt; letter-spacing: 0.5px; }'
      || 'p.sub { text-align: center; margin: 0 0 10px; font-style: italic; }'
      || 'table { border-collapse: collapse; width: 100%; font-size: 10pt; table-layout: auto; }'
      || 'thead { display: table-header-group; } tr { break-inside: avoid; page-break-inside: avoid; }'
      || 'th, td { border: 1px solid #000; padding: 3px 4px; vertical-align: top; }'
      || 'th { font-weight: bold; font-size: 9pt; text-align: center; vertical-align: middle; }'
      || 'tr.num td { text-align: center; font-size: 9pt; padding: 1px; }'
      || 'tr.sector td { font-weight: bold; font-style: italic; text-align: center; background: #f2f2f2; }'
      || 'td.n { text-align: center; white-space: nowrap; } td.c { text-align: center; } td.d { white-space: nowrap; }'
      || '.pt { font-weight: bold; }'
      || 'p.note { font-size: 9.5pt; margin-top: 8px; }'
      || '.sign { margin-top: 18px; font-size: 11pt; }'
      || '</style></head><body>' || E'\n'
$$;
COMMENT ON FUNCTION report_html_head(text, text) IS
  'The head of a printable form: A4 landscape page, serif font with Cyrillic and Kazakh glyphs, bordered table; lines break only between words, never inside a date or a number (issue 17, item 5)';

-- Appendix 8: annual summary of a body ------------------------------------------
-- The instructions a body reports on (R75-1, «өздерінің бақылауына берілген»,
-- given to its own control): those below PA level under its control
-- (controlling_body_id), and those it executes below PA level where no
-- controlling body is recorded.  A point controlled at PA level is the PA's,
-- not the body's, whatever its controlling body says: it is left out.  A year
-- is the registry as it stood at the end of its 31 December (the fold of
-- instruction_as_of), so a decision taken later does not change a past year's
-- summary.  Rows: on control at some time in the year (received by its end,
-- not removed before it began).
--
-- Status: the form has two, executed and in progress («орындалған,
-- орындалуда»).  Executed: removed on the ground executed (R75(1)).  A removal
-- on another ground of R75 (contained in a new instruction, impossible,
-- control passed) is not an execution: the form does not count it as
-- executed; its status is in progress and the intermediate result states the
-- removal, its day and its ground ("Снято с контроля 20.03.2025 (Передача
-- контроля ...)").
--
-- Set-wise (issue 19): form_annual_summary_bodies folds the journal of every
-- body asked for in one query (the decisions joined to the instructions and
-- folded by one window over them), so all bodies cost one pass, and one
-- body reads its instructions and their journal through the indexes; the
-- year's latest reports are joined in the same pass.

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

-- The instructions by their owner (the controlling body, else the responsible
-- body) and day of removal (not removed: infinity): one body's Appendix 8
-- reads only the rows its year can print, not every instruction the body ever
-- had (issue 19: a body's removals accumulate year after year; at 1M, 9,000
-- of the 16,667 rows one body read had been removed before the year).  Not
-- partial: with a partial index the planner estimated these expressions
-- without their statistics, took every body's rows for a tenth of what they
-- are and planned every body without parallel workers.
CREATE INDEX instruction_owner_idx ON instruction ((coalesce(controlling_body_id, responsible_body_id)),
                                                  (coalesce(removed_on, 'infinity'::date)));
COMMENT ON INDEX instruction_owner_idx IS
  'The instructions by their owner (the controlling body, else the responsible body) and day of removal (not removed: infinity): one body''s annual summary (Appendix 8) reads the rows of its year as one range';

-- The latest report of a kind submitted by a day, per instruction: the
-- latest by day, of two on one day the later registered; a report that no
-- later one of its kind outdates.  Written without LIMIT or a correlated
-- lookup, and inlined (LANGUAGE sql, no SET, every name qualified), so that
-- Appendix 8 joins it in its parallel workers (issue 19): every body hashes
-- the reports, one body probes report_instruction_idx per instruction.  kind
-- is text, not the domain report_kind: a value cast to a domain with a CHECK
-- is parallel-restricted in PostgreSQL, and kept the join above the gather.
CREATE FUNCTION report_latest(kind text, until date)
RETURNS TABLE (instruction_id bigint, report_id bigint, submitted_on date, content text)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT p.instruction_id, p.id, p.submitted_on, p.content
    FROM instruction_control.report p
   WHERE p.kind OPERATOR(pg_catalog.=) report_latest.kind
     AND p.submitted_on OPERATOR(pg_catalog.<=) report_latest.until
     AND NOT EXISTS (SELECT 1 FROM instruction_control.report q
                      WHERE q.instruction_id OPERATOR(pg_catalog.=) p.instruction_id
                        AND q.kind OPERATOR(pg_catalog.=) report_latest.kind
                        AND q.submitted_on OPERATOR(pg_catalog.<=) report_latest.until
                        AND (q.submitted_on OPERATOR(pg_catalog.>) p.submitted_on
                             OR q.submitted_on OPERATOR(pg_catalog.=) p.submitted_on
                                AND q.id OPERATOR(pg_catalog.>) p.id))
$$;
COMMENT ON FUNCTION report_latest(text, date) IS
  'The latest report of a kind (final, intermediate, risk, measures) submitted on or before until, one per instruction: the latest by day, of two on one day the later registered (Appendix 8 prints the year''s latest final and intermediate reports, R75-1); rows as the caller may see them';

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
  words jsonb := report_words(checked_lang);
  -- the sectors in the form's order: each key, its heading and its number
  sector_keys text[];
  sector_headings text[];
  sector_nos integer[];
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
  -- A sector's heading once per sector, not per body or row, and its number
  -- in the order the form lists sectors: alphabetical in the form's language
  -- whatever the database's collation, Kazakh by the alphabet's key
  -- (report_kk_sort_key), Russian by instruction_control.ru.  The rows are
  -- sorted by that number, not by comparing headings under a collation per
  -- row (issue 19).  Sectors written two ways under one heading ('health
  -- care', 'Health care') share it: one group, numbered through.  '' is the
  -- sector of a body without one.  Read into arrays before the query, so
  -- that the query looks a row's sector up by value (array_position) and
  -- its sort can run in the parallel workers (a join to a CTE could not).
  SELECT array_agg(n.sector_key), array_agg(n.heading), array_agg(n.sector_no)
    INTO sector_keys, sector_headings, sector_nos
    FROM (SELECT t.sector_key, t.heading,
                 (dense_rank() OVER (ORDER BY
                    -- (COLLATE "C" here: a function's result takes the database's collation)
                    CASE WHEN checked_lang = 'kk' THEN report_kk_sort_key(t.heading) COLLATE "C" END,
                    CASE WHEN checked_lang = 'kk' THEN t.heading COLLATE instruction_control.kk END,
                    t.heading COLLATE instruction_control.ru))::integer AS sector_no
            FROM (SELECT k.sector_key, sector_heading(nullif(k.sector_key, ''), checked_lang) AS heading
                    FROM (SELECT coalesce(b.sector, '') AS sector_key FROM state_body b UNION SELECT '') k) t) n;
  RETURN QUERY
  WITH folded AS (
    -- The journal joined to the instructions and folded once, in the order the
    -- form prints its rows: bodies in the order asked, sectors in their order,
    -- in a sector by act (its day of signing, then the act; rows without an
    -- act last, where ascending order puts NULL), point and id.  One body
    -- reads its instructions and their decisions by index, all bodies in one
    -- hash join in the parallel workers, which also sort their share in print
    -- order (issue 19: one sort, where the fold sorted by id and the rows were
    -- then sorted again, wide, by one process).  The fold is a window over
    -- each instruction's decisions in their order (one sort for all, where an
    -- aggregate with its own ORDER BY would sort once per instruction); its
    -- partition is the instruction with the keys of its place in print (they
    -- are the instruction's), so the sorted rows need no other sort; DISTINCT
    -- ON keeps one row per instruction.
    SELECT DISTINCT ON (k.body_no, k.sector_no, a.signed_on, i.act_id, i.point, i.id)
           k.body_no, k.sector_no, k.sector_pos, coalesce(b.sector, '') AS sector_key,
           a.signed_on AS act_signed_on, a.requisites AS act_requisites, a.id IS NOT NULL AS act_found,
           i.id, i.act_id, i.point, i.secrecy, i.content, i.final_result, i.paper_card_ref, i.received_on,
           i.external_ref, i.due_date AS due_now,
           k.owner, fr.content AS final_report, ir.content AS intermediate_report,
           -- the journal folded at the year's end, as instruction_as_of folds it
           min(d.decided_on) FILTER (WHERE d.kind = 'removal' AND d.decided_on <= y_end) OVER w AS removed_on,
           min(d.ground::text) FILTER (WHERE d.kind = 'removal' AND d.decided_on <= y_end) OVER w AS removal_ground,
           coalesce(bool_or(d.new_due_date IS NOT NULL AND d.decided_on > y_end) OVER w, false) AS due_changed_later,
           (count(*) FILTER (WHERE d.kind = 'extension' AND d.decided_on <= y_end) OVER w)::integer AS ext,
           (count(*) FILTER (WHERE d.kind = 'transfer' AND d.decided_on <= y_end) OVER w)::integer AS tr,
           (count(*) FILTER (WHERE d.kind = 'new_deadline' AND d.decided_on <= y_end) OVER w)::integer AS nd,
           -- the phrases are printed only for a row in progress: a removal
           -- on the ground executed makes the row executed (a removal closes
           -- the record, R75), so its phrase is never printed and not made
           string_agg(decision_phrase(d, words, i.secrecy = 'state_secret') || '.', ' ')
             FILTER (WHERE d.kind <> 'roadmap_approval' AND d.decided_on <= y_end
                       AND (d.kind <> 'removal' OR d.ground IS DISTINCT FROM 'executed')) OVER w AS phrases
      FROM instruction i
      LEFT JOIN decision d ON d.instruction_id = i.id
      LEFT JOIN state_body b ON b.id = i.responsible_body_id
      -- an act's requisites once per act, not per row (issue 19)
      LEFT JOIN (SELECT a.id, a.signed_on,
                        concat_ws(' ', a.act_type, CASE WHEN a.number IS NOT NULL THEN '№ ' || a.number END,
                                  CASE WHEN a.signed_on IS NOT NULL THEN format(w_act_signed_on, report_date(a.signed_on)) END) AS requisites
                   FROM act a) a ON a.id = i.act_id
      -- the year's latest final and intermediate report (report_latest):
      -- joined here, in the parallel workers, not looked up per printed row
      -- after the gather by one process (issue 19: about 1 s of every body's
      -- time at 980,000 reports; a correlated lookup is never run in the
      -- workers).  At most one of each kind per instruction, so the fold's
      -- rows are not multiplied
      LEFT JOIN report_latest('final', y_end) fr ON fr.instruction_id = i.id
      LEFT JOIN report_latest('intermediate', y_end) ir ON ir.instruction_id = i.id
      -- the row's owner (its controlling body, else its responsible body) and
      -- its place in print: its body's in the order asked, its sector's (and
      -- the sector's place in the arrays, for its heading)
      CROSS JOIN LATERAL (SELECT o.owner, array_position(the_bodies, o.owner) AS body_no,
                                 o.sector_pos, sector_nos[o.sector_pos] AS sector_no
                            FROM (SELECT coalesce(i.controlling_body_id, i.responsible_body_id) AS owner,
                                         array_position(sector_keys, coalesce(b.sector, '')) AS sector_pos) o) k
     -- the body's own (its controlling body, else its responsible body),
     -- written as instruction_owner_idx's expression
     WHERE coalesce(i.controlling_body_id, i.responsible_body_id) = ANY (the_bodies)
       AND i.level <> 'pa'
       AND coalesce(i.received_on, i.created_at::date) <= y_end
       -- removed before the year began: not on control in it.  removed_on
       -- is the day of the removal in the journal (written by the decision's
       -- trigger, never by a client), and a removal closes the record, so
       -- the fold would find the same day and leave the row out: its
       -- journal is not joined, sorted or folded, and for one body its row
       -- is not read (a range of instruction_owner_idx: not removed is
       -- removed at infinity)
       AND coalesce(i.removed_on, 'infinity'::date) >= y_start
    WINDOW w AS (PARTITION BY k.body_no, k.sector_no, a.signed_on, i.act_id, i.point, i.id
                 ORDER BY d.seq ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
     ORDER BY k.body_no, k.sector_no, a.signed_on, i.act_id, i.point, i.id, d.seq
  ), rows AS (
    SELECT f.*, f.removed_on IS NULL AS on_control,
           -- the deadline then: the instruction's own unless a later decision
           -- moved it; then what the first such decision found (its old date)
           CASE WHEN f.due_changed_later
                THEN (SELECT d.old_due_date FROM decision d
                       WHERE d.instruction_id = f.id AND d.decided_on > y_end AND d.new_due_date IS NOT NULL
                       ORDER BY d.seq LIMIT 1)
                ELSE f.due_now END AS due_then,
           CASE WHEN f.removed_on IS NOT NULL AND f.removal_ground = 'executed' THEN 'executed' ELSE 'in_progress' END AS status_code
      FROM folded f
    -- (no row removed before the year: folded leaves them out by the
    -- instruction's removed_on, the day its fold would find)
  )
  SELECT r.owner,
         nullif(r.sector_key, ''),
         sector_headings[r.sector_pos],
         (row_number() OVER sector_rows)::integer,
         r.id,
         concat_ws(', ',
           CASE WHEN r.act_found
                THEN r.act_requisites
                ELSE w_instruction
                     || CASE WHEN r.external_ref IS NOT NULL THEN ' ' || r.external_ref ELSE '' END
                     || CASE WHEN r.received_on IS NOT NULL THEN ', ' || format(w_received_on, report_date(r.received_on)) ELSE '' END END,
           CASE WHEN r.point IS NOT NULL THEN format(w_point, r.point::text) END),
         CASE WHEN r.secrecy = 'state_secret'
              THEN format(w_secret, coalesce(r.paper_card_ref, '—'))
              ELSE r.content END,
         r.status_code,
         CASE r.status_code WHEN 'executed' THEN w_executed ELSE w_in_progress END,
         -- executed: the final result in brief (the year's latest final
         -- report, else the instruction's final result)
         CASE WHEN r.status_code = 'executed' AND r.secrecy <> 'state_secret' THEN
           coalesce(r.final_report, r.final_result) END,
         -- in progress: the intermediate result with the facts of extensions,
         -- transfers and new deadlines (and of a removal on another ground)
         CASE WHEN r.status_code = 'in_progress' THEN
           nullif(concat_ws(' ',
             CASE WHEN r.secrecy <> 'state_secret' AND r.on_control THEN r.intermediate_report || '.' END,
             r.phrases,
             CASE WHEN r.on_control THEN
               format(w_due, coalesce(report_date(r.due_then), '—'))
               || CASE WHEN r.due_then < y_end THEN w_due_passed ELSE '' END || '.' END), '')
         END,
         r.due_then,
         r.ext, r.tr, r.nd,
         r.secrecy = 'state_secret'
    FROM rows r
  -- the rows come folded in print order: numbered and returned in it, with
  -- no other sort
  WINDOW sector_rows AS (PARTITION BY r.body_no, r.sector_no
                         ORDER BY r.act_signed_on, r.act_id, r.point, r.id)
   ORDER BY r.body_no, r.sector_no, r.act_signed_on, r.act_id, r.point, r.id;
END
$$;
COMMENT ON FUNCTION form_annual_summary_bodies(integer, text, bigint[]) IS
  'Appendix 8 for many bodies at once (R75-1): the rows of form_annual_summary for every body of body_ids (NULL: every state body), body_id first, in one set-wise pass over the journal; bodies in the order given, then sectors and rows as form_annual_summary orders them. lang kk or ru (IC301); year outside 2000-2100 IC304; a role that sees part of the registry IC305';

CREATE FUNCTION form_annual_summary(body_id bigint, year integer, lang text DEFAULT 'ru')
RETURNS TABLE (sector text, sector_heading text, row_no integer, instruction_id bigint, requisites text,
               content text, status text, status_label text, final_result text, intermediate_result text,
               due_date date, extensions integer, transfers integer, new_deadlines integer, state_secret boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  the_body bigint := body_id;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM state_body b WHERE b.id = the_body) THEN
    RAISE EXCEPTION 'no state body %', coalesce(the_body::text, 'NULL')
      USING ERRCODE = 'IC303', HINT = 'Name a body of instruction_control.state_body by its id.';
  END IF;
  RETURN QUERY
  SELECT f.sector, f.sector_heading, f.row_no, f.instruction_id, f.requisites, f.content, f.status, f.status_label,
         f.final_result, f.intermediate_result, f.due_date, f.extensions, f.transfers, f.new_deadlines, f.state_secret
    FROM form_annual_summary_bodies(year, lang, ARRAY[the_body]) WITH ORDINALITY AS f
   ORDER BY f.ordinality;
END
$$;
COMMENT ON FUNCTION form_annual_summary(bigint, integer, text) IS
  'Appendix 8, annual summary of a body for a year (жыл сайынғы жиынтық есеп / ежегодный сводный отчёт, R75-1): the instructions below PA level given to its control as they stood at the year''s end (the journal folded), grouped by sector (in Kazakh by the Kazakh alphabet), status executed / in progress only (a removal on another ground is in progress with the removal and its ground in the intermediate result), the final result or the intermediate result with the facts of extensions, transfers and new deadlines. lang kk or ru (IC301); unknown body IC303; year outside 2000-2100 IC304';

CREATE FUNCTION form_annual_summary_csv(body_id bigint, year integer, lang text DEFAULT 'ru', delimiter text DEFAULT ',',
                                        bom boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT report_form_csv('annual_summary', lang,
                         jsonb_agg(f ORDER BY o),   -- the row function's order
                         delimiter, bom)
    FROM form_annual_summary(body_id, year, lang) WITH ORDINALITY AS f(sector, sector_heading, row_no, instruction_id, requisites,
         content, status, status_label, final_result, intermediate_result, due_date, extensions, transfers, new_deadlines,
         state_secret, o)
$$;
COMMENT ON FUNCTION form_annual_summary_csv(bigint, integer, text, text, boolean) IS
  'Appendix 8 as CSV (RFC 4180, CRLF, a header row with the form''s column headings in kk or ru; the sector heading in the first column); for Excel in kk and ru locales delimiter => '';'', bom => true (a UTF-8 byte order mark first); delimiter '','', '';'' or a tab, else IC306';

CREATE FUNCTION form_annual_summary_html(body_id bigint, year integer, lang text DEFAULT 'ru') RETURNS text
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

-- Indexes the reports use --------------------------------------------------------

-- Dashboards filter report_discipline by year, quarter or month of the deadline
-- and group by body and month: statistics on those expressions let the planner
-- estimate them (without them a year is guessed at 0.5% of the rows).
CREATE STATISTICS instruction_report_period_stats
  ON responsible_body_id, (date_trunc('month', due_date::timestamp)::date),
     (extract(year FROM date_trunc('month', due_date::timestamp)::date)::integer)
  FROM instruction;
COMMENT ON STATISTICS instruction_report_period_stats IS
  'Lets the planner estimate report_discipline''s filters on the year and its grouping by body and month of the deadline';

-- The discipline figures count the few decisions that are not first extensions
-- or removals (transfers, new deadlines, repeated extensions) from this small
-- partial index instead of reading the whole journal; a first extension or a
-- removal, the bulk of the journal, does not enter it.
CREATE INDEX decision_report_changes_idx ON decision (instruction_id, kind)
  WHERE kind IN ('transfer', 'new_deadline') OR (kind = 'extension' AND repeated);
COMMENT ON INDEX decision_report_changes_idx IS
  'The transfers, new deadlines and repeated extensions of the journal, for report_discipline';

-- A body's instructions by the controlling body: the references to a state
-- body (its deletion, host_row_user); Appendix 8 reads instruction_owner_idx.
CREATE INDEX instruction_controlling_idx ON instruction (controlling_body_id) WHERE controlling_body_id IS NOT NULL;
COMMENT ON INDEX instruction_controlling_idx IS 'The instructions under a body''s control: the references to a state body (its deletion, host_row_user)';

-- Privileges: the Security section (90_security.sql).
