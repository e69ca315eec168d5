-- ===========================================================================
-- Signatories and the Government's yearly reports (R67, R75-1, R80-1)
--
-- R67: the Government's information on the course of execution of the
-- President's acts and instructions is signed, depending on the addressee of
-- the resolution (of the President, the Head of the PA or the Secretary of the
-- SC), by the Prime Minister, the Deputy Prime Minister concerned or the Head
-- of the Government Office; interim information addressed to the Head of the
-- President's Office, an Assistant or an Adviser may be signed by their
-- deputies (part 2).  A report records who signed it (report.signed_by, the
-- person, and for the Government the resolution's addressee), judged by
-- report_signatory against the pure core (signatory_core.c).
--
-- R75-1: the Government's annual summary (Appendix 8) is signed by a Deputy
-- Prime Minister or the Head of the Government Office by area of supervision:
-- annual_summary_signature records each signature, judged the same way, and
-- the printed form carries the signatory line (kk, ru).
--
-- R80-1: the Government reports yearly on the documents of the state planning
-- system.  The registry holds the drafts of the President's acts approving
-- them (draft kind planning_act), the acts they became and the points of those
-- acts on control: report_planning_documents(year) and its form give that;
-- the documents' targets, indicators and financing, documents approved by the
-- Government itself and the Government's conclusion are not in the registry.
-- Errors: IC308 (a signatory the rule does not name), IC303, IC304, IC305.
-- ===========================================================================

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('signatory', 'prime_minister', 'Қазақстан Республикасының Премьер-Министрі', 'Премьер-Министр Республики Казахстан', 'Prime Minister'),
  ('signatory', 'deputy_prime_minister', 'Премьер-Министрдің орынбасары', 'Заместитель Премьер-Министра', 'Deputy Prime Minister'),
  ('signatory', 'head_of_government_office', 'Үкімет Аппаратының Басшысы', 'Руководитель Аппарата Правительства', 'Head of the Government Office'),
  ('signatory', 'deputy_head_of_government_office', 'Үкімет Аппараты Басшысының орынбасары', 'Заместитель Руководителя Аппарата Правительства', 'Deputy Head of the Government Office'),
  ('signatory', 'first_head', 'Мемлекеттік органның бірінші басшысы', 'Первый руководитель государственного органа', 'First head of the state body'),
  ('signatory', 'deputy_first_head', 'Мемлекеттік органның бірінші басшысының орынбасары', 'Заместитель первого руководителя государственного органа', 'Deputy of the first head'),
  ('signatory', 'collegial_body_member', 'Алқалы органның мүшесі', 'Член коллегиального органа', 'Member of the collegial body'),
  ('signatory', 'akim', 'Әкім', 'Аким', 'Akim'),
  ('form_phrase', 'signatory_line', 'Қол қойған', 'Подписал', 'Signed by'),
  ('form_phrase', 'planning_documents_title',
   'Мемлекеттік жоспарлау жүйесінің құжаттарын іске асыру барысы туралы есеп',
   'Отчёт о ходе реализации документов Системы государственного планирования',
   'Report on the implementation of the documents of the state planning system'),
  ('form_phrase', 'planning_documents_note',
   'Тіркелім деректері (Қағидалардың 80-1-тармағы): жоспарлау құжаттарын бекіту туралы акт жобалары, актілер және олардың бақылаудағы тармақтары, жыл соңындағы жағдай бойынша. Индикаторлар, қаржыландыру және Үкімет қорытындысы тіркелімде жоқ.',
   'Данные реестра (пункт 80-1 Правил): проекты актов об утверждении документов планирования, принятые акты и их пункты на контроле, на конец года. Индикаторов, финансирования и заключения Правительства в реестре нет.',
   'What the registry holds (R80-1): the drafts of acts approving state planning documents, the acts and their points on control, at the year''s end. Indicators, financing and the Government''s conclusion are not in the registry.'),
  ('form_phrase', 'planning_status_signed', 'Бекітілді', 'Утверждён', 'Approved'),
  ('form_phrase', 'planning_status_in_review', 'Қаралуда', 'На рассмотрении', 'In review'),
  ('form_phrase', 'planning_status_withdrawn', 'Кері қайтарып алынды', 'Отозван', 'Withdrawn');

-- The rules, from the pure core (signatory_core.c) ----------------------------

CREATE FUNCTION report_signatory_refusal(body_type text, report_kind text, addressee text,
                                         resolution_addressee text, signatory text) RETURNS text
AS 'MODULE_PATHNAME', 'ic_sql_report_signatory_refusal' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION report_signatory_refusal(text, text, text, text, text) IS
  'R67: NULL when this official may sign a report of this kind from a body of this type, addressed to addressee, on a resolution addressed in the Government to resolution_addressee; else what the rule allows';

CREATE FUNCTION annual_signatory_refusal(body_type text, signatory text) RETURNS text
AS 'MODULE_PATHNAME', 'ic_sql_annual_signatory_refusal' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION annual_signatory_refusal(text, text) IS
  'R75-1: NULL when this official may sign the annual summary of a body of this type (the Government: a Deputy Prime Minister or the Head of the Government Office; another body: its first head, the akim of a local body), else what the rule allows';

-- Whether a person signs for a body.  A role sees only the persons it may act
-- for (person_role, row security): the clerk who records a signature is not
-- the Deputy Prime Minister who signed, so the check reads person as its owner
-- and answers no more than yes or no.
CREATE FUNCTION signatory_person_of_body(person_id bigint, body_id bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT EXISTS (SELECT 1 FROM instruction_control.person p
                  WHERE p.id OPERATOR(pg_catalog.=) $1 AND p.active AND p.body_id OPERATOR(pg_catalog.=) $2)
$$;
COMMENT ON FUNCTION signatory_person_of_body(bigint, bigint) IS
  'R67, R75-1: is this person an active person of this body (the signatory''s person); read past the row security of person, which shows a role only the persons it acts for';

-- R67: who signed a report -----------------------------------------------------

CREATE FUNCTION report_signatory_judge() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  signing_body bigint;
  kind_of_body instruction_control.body_type;
  instruction_level instruction_control.control_level;
  instruction_imported boolean;
  refusal text;
BEGIN
  SELECT coalesce(NEW.submitted_by_body_id, i.responsible_body_id), i.level, i.imported AND NOT i.imported_in_force
    INTO signing_body, instruction_level, instruction_imported
    FROM instruction i WHERE i.id OPERATOR(pg_catalog.=) NEW.instruction_id;
  SELECT b.body_type INTO kind_of_body FROM state_body b WHERE b.id OPERATOR(pg_catalog.=) signing_body;
  IF NEW.signed_by IS NULL AND NEW.resolution_addressee IS NULL AND NEW.signed_by_person_id IS NULL THEN
    -- R67 applies to the Government's information submitted to the PA: a
    -- report whose submitting body is of type government on a point on the
    -- PA's control names its signatory.  Another body's report, a report to
    -- a controller below the PA and imported history (not in force: not
    -- judged by the decree) need none.
    IF kind_of_body IS NOT DISTINCT FROM 'government' AND instruction_level IS NOT DISTINCT FROM 'pa'
       AND NOT coalesce(instruction_imported, false) THEN
      RAISE EXCEPTION 'the Government''s information on the course of execution names its signatory (R67)'
        USING ERRCODE = 'IC308',
              DETAIL = format('A %s report on instruction %s (on the PA''s control) from body %s (type government), addressed to %s, records no signatory.',
                              NEW.kind, NEW.instruction_id, signing_body, coalesce(NEW.addressee::text, 'nobody named')),
              HINT = CASE WHEN NEW.kind OPERATOR(pg_catalog.=) 'intermediate'
                               AND NEW.addressee::text IN ('head_of_presidents_office', 'assistant_or_adviser')
                          THEN 'Name signed_by: the Prime Minister, the Deputy Prime Minister concerned or the Head of the Government Office, as the addressee of the resolution (resolution_addressee); this interim information to the Head of the President''s Office, an Assistant or an Adviser may also be signed by a deputy Head of the Government Office (R67, part 2).'
                          ELSE 'Name signed_by and resolution_addressee: the Prime Minister, the Deputy Prime Minister concerned or the Head of the Government Office, whoever the resolution of the President, the Head of the PA or the Secretary of the SC was addressed to, signs (R67).'
                     END;
    END IF;
    RETURN NEW;                 -- nothing recorded and none required
  END IF;
  IF NEW.signed_by IS NULL AND NEW.signed_by_person_id IS NOT NULL THEN
    refusal := 'R67: a signing person is recorded with the position that signed (signed_by)';
  ELSE
    refusal := report_signatory_refusal(kind_of_body, NEW.kind, NEW.addressee, NEW.resolution_addressee, NEW.signed_by);
  END IF;
  IF refusal IS NOT NULL THEN
    RAISE EXCEPTION 'report is signed by an official the decree does not name for it (R67)'
      USING ERRCODE = 'IC308',
            DETAIL = format('A %s report on instruction %s from body %s (type %s), addressed to %s, on a resolution addressed to %s, is signed by %s.',
                            NEW.kind, NEW.instruction_id, coalesce(signing_body::text, 'not given'),
                            coalesce(kind_of_body::text, 'unknown'), coalesce(NEW.addressee::text, 'nobody named'),
                            coalesce(NEW.resolution_addressee::text, 'nobody named'), coalesce(NEW.signed_by::text, 'nobody')),
            HINT = refusal || '.';
  END IF;
  IF NEW.signed_by_person_id IS NOT NULL
     AND NOT coalesce(signatory_person_of_body(NEW.signed_by_person_id, signing_body), false) THEN
    RAISE EXCEPTION 'report is signed by a person who does not act for the submitting body (R67)'
      USING ERRCODE = 'IC308',
            DETAIL = format('Person %s is not an active person of body %s.', NEW.signed_by_person_id,
                            coalesce(signing_body::text, 'not given')),
            HINT = 'Name an active person of the submitting body (instruction_control.person), or leave signed_by_person_id empty.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION report_signatory_judge() IS
  'Trigger: the Government''s information on a point on the PA''s control names its signatory (R67; not imported history that is not in force); who signed a report (signed_by, signed_by_person_id, resolution_addressee) is one the decree names (R67: the Government''s information by the addressee of the resolution among the Prime Minister, the Deputy Prime Minister concerned and the Head of the Government Office; interim information to the Head of the President''s Office, an Assistant or an Adviser also by a deputy, part 2; another body''s by its first head), the person an active person of the submitting body; IC308';
CREATE TRIGGER report_signatory BEFORE INSERT ON report
  FOR EACH ROW EXECUTE FUNCTION report_signatory_judge();
REVOKE EXECUTE ON FUNCTION report_signatory_judge() FROM PUBLIC;

-- R75-1: who signed the annual summary ------------------------------------------

CREATE TABLE annual_summary_signature (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  body_id             bigint NOT NULL REFERENCES state_body,
  year                integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  signed_by           signatory NOT NULL,
  signed_by_person_id bigint REFERENCES person,
  supervision_area    text,
  signed_on           date NOT NULL DEFAULT current_date,
  document_ref        text,
  recorded_by         name NOT NULL DEFAULT current_user,
  recorded_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE NULLS NOT DISTINCT (body_id, year, signed_by, signed_by_person_id, supervision_area)
);
COMMENT ON TABLE annual_summary_signature IS
  'Who signed a body''s annual summary of the instructions given to its control (Appendix 8, R75-1): the Government''s by a Deputy Prime Minister or the Head of the Government Office, by area of supervision (one row each); another body''s by its first head. The printed form carries the signatory line';
COMMENT ON COLUMN annual_summary_signature.body_id IS 'The body whose annual summary it is';
COMMENT ON COLUMN annual_summary_signature.year IS 'The year the summary covers';
COMMENT ON COLUMN annual_summary_signature.signed_by IS 'The position that signed (R75-1)';
COMMENT ON COLUMN annual_summary_signature.signed_by_person_id IS 'The person who signed: an active person of the body';
COMMENT ON COLUMN annual_summary_signature.supervision_area IS 'The area of supervision the signatory signs for (R75-1), as the Government names it';
COMMENT ON COLUMN annual_summary_signature.signed_on IS 'Day it was signed: not after today, not before the year it covers ends';
COMMENT ON COLUMN annual_summary_signature.document_ref IS 'Reference of the signed document (EDMS)';
COMMENT ON COLUMN annual_summary_signature.recorded_by IS 'The role that recorded it (set by the registry)';
COMMENT ON COLUMN annual_summary_signature.recorded_at IS 'When it was recorded';
SELECT pg_catalog.pg_extension_config_dump('annual_summary_signature', '');
CREATE TRIGGER server_id BEFORE INSERT ON annual_summary_signature FOR EACH ROW EXECUTE FUNCTION server_id();

CREATE FUNCTION annual_summary_signature_judge() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  kind_of_body instruction_control.body_type;
  refusal text;
BEGIN
  NEW.recorded_by := current_user;
  NEW.recorded_at := now();
  SELECT b.body_type INTO kind_of_body FROM state_body b WHERE b.id OPERATOR(pg_catalog.=) NEW.body_id;
  IF NOT FOUND THEN
    RETURN NEW;                 -- the foreign key refuses it (23503)
  END IF;
  refusal := annual_signatory_refusal(kind_of_body, NEW.signed_by);
  IF refusal IS NOT NULL THEN
    RAISE EXCEPTION 'annual summary is signed by an official the decree does not name for it (R75-1)'
      USING ERRCODE = 'IC308',
            DETAIL = format('The annual summary of body %s (type %s) for %s is signed by %s.', NEW.body_id, kind_of_body,
                            NEW.year, NEW.signed_by),
            HINT = refusal || '.';
  END IF;
  IF NEW.signed_by_person_id IS NOT NULL
     AND NOT signatory_person_of_body(NEW.signed_by_person_id, NEW.body_id) THEN
    RAISE EXCEPTION 'annual summary is signed by a person who does not act for the body (R75-1)'
      USING ERRCODE = 'IC308',
            DETAIL = format('Person %s is not an active person of body %s.', NEW.signed_by_person_id, NEW.body_id),
            HINT = 'Name an active person of the body (instruction_control.person), or leave signed_by_person_id empty.';
  END IF;
  IF NOT isfinite(NEW.signed_on) OR NEW.signed_on > current_date OR NEW.signed_on <= make_date(NEW.year, 12, 31) THEN
    RAISE EXCEPTION 'annual summary for % cannot be signed on % (R75-1)', NEW.year, NEW.signed_on
      USING ERRCODE = 'IC308',
            DETAIL = format('The summary is given after the year ends (%s); today is %s.', make_date(NEW.year, 12, 31), current_date),
            HINT = 'Date the signature after the year it covers and not after today.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION annual_summary_signature_judge() IS
  'Trigger: the annual summary (Appendix 8) is signed by one R75-1 names (the Government: a Deputy Prime Minister or the Head of the Government Office; another body: its first head, the akim of a local body), by an active person of the body, after the year ends and not in the future; IC308';
CREATE TRIGGER annual_summary_signature_judge BEFORE INSERT OR UPDATE ON annual_summary_signature
  FOR EACH ROW EXECUTE FUNCTION annual_summary_signature_judge();
REVOKE EXECUTE ON FUNCTION annual_summary_signature_judge() FROM PUBLIC;

CREATE FUNCTION sign_annual_summary(body_id bigint, year integer, signed_by signatory,
                                    signed_by_person_id bigint DEFAULT NULL, supervision_area text DEFAULT NULL,
                                    signed_on date DEFAULT current_date, document_ref text DEFAULT NULL)
RETURNS annual_summary_signature
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION sign_annual_summary IS
  'Record who signed a body''s annual summary for a year (R75-1): the Government''s by a Deputy Prime Minister or the Head of the Government Office for an area of supervision, another body''s by its first head; IC308 otherwise';

CREATE FUNCTION annual_summary_signatories(body_id bigint, year integer, lang text DEFAULT 'ru')
RETURNS TABLE (signed_by signatory, signatory_label text, person text, supervision_area text, signed_on date,
               recorded boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  checked_lang text := report_check_lang(lang);
  the_body bigint := body_id;
  kind_of_body instruction_control.body_type;
BEGIN
  SELECT b.body_type INTO kind_of_body FROM state_body b WHERE b.id = the_body;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no state body %', coalesce(the_body::text, 'NULL')
      USING ERRCODE = 'IC303', HINT = 'Name a body of instruction_control.state_body by its id.';
  END IF;
  RETURN QUERY
  SELECT s.signed_by, label('signatory', s.signed_by, checked_lang), p.name, s.supervision_area, s.signed_on, true
    FROM annual_summary_signature s
    LEFT JOIN person p ON p.id = s.signed_by_person_id
   WHERE s.body_id = the_body AND s.year = annual_summary_signatories.year
   ORDER BY s.supervision_area NULLS FIRST, s.id;
  IF NOT FOUND THEN
    -- none recorded: the positions that may sign, a line to sign on paper
    RETURN QUERY
    SELECT c.code::signatory, label('signatory', c.code, checked_lang), NULL::text, NULL::text, NULL::date, false
      FROM unnest(ARRAY['deputy_prime_minister', 'head_of_government_office', 'first_head', 'akim'])
           WITH ORDINALITY AS c(code, n)
     WHERE annual_signatory_refusal(kind_of_body, c.code) IS NULL
     ORDER BY c.n;
  END IF;
END
$$;
COMMENT ON FUNCTION annual_summary_signatories(bigint, integer, text) IS
  'R75-1: the signatory lines of a body''s annual summary for a year in kk or ru: each recorded signature (signatory_label, person, area of supervision, day), or when none is recorded the positions that may sign (recorded false: a line to sign on paper); unknown body IC303, lang IC301';

-- R80-1: the Government's yearly report on the state planning documents --------

CREATE FUNCTION report_planning_documents(year integer)
RETURNS TABLE (draft_id bigint, act_id bigint, submitted_by_body_id bigint, received_on date, signed_on date,
               status text, points integer, points_on_control integer, points_executed integer,
               points_overdue integer, points_removed_other integer)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  y_start date;
  y_end date;
BEGIN
  IF year IS NULL OR year < 2000 OR year > 2100 THEN
    RAISE EXCEPTION 'no report on the state planning documents for year %', coalesce(year::text, 'NULL')
      USING ERRCODE = 'IC304', HINT = 'Give a year from 2000 to 2100 (R80-1).';
  END IF;
  y_start := make_date(year, 1, 1);
  y_end := make_date(year, 12, 31);
  RETURN QUERY
  WITH drafts AS (
    -- each draft of an act approving a planning document, as it stood at the year's end
    SELECT d.id, d.submitted_by_body_id, d.received_on,
           max(s.on_date) FILTER (WHERE s.step = 'signed') AS signed_on,
           max(s.act_id) FILTER (WHERE s.step = 'signed') AS act_id,
           max(s.on_date) FILTER (WHERE s.step = 'withdrawn') AS withdrawn_on
      FROM draft d
      LEFT JOIN draft_step s ON s.draft_id = d.id AND s.on_date <= y_end
     WHERE d.kind = 'planning_act' AND d.received_on <= y_end
     GROUP BY d.id
  ), at_end AS (
    SELECT * FROM instruction_as_of(y_end)
  ), points AS (
    SELECT i.act_id, count(*)::integer AS n,
           count(*) FILTER (WHERE e.on_control)::integer AS on_control,
           count(*) FILTER (WHERE e.removed_on BETWEEN y_start AND y_end AND e.removal_ground = 'executed')::integer AS executed,
           count(*) FILTER (WHERE e.on_control AND e.due_date < y_end)::integer AS overdue,
           count(*) FILTER (WHERE e.removed_on BETWEEN y_start AND y_end AND e.removal_ground <> 'executed')::integer AS other,
           bool_or(e.on_control OR e.removed_on >= y_start) AS in_year
      FROM instruction i
      JOIN at_end e ON e.instruction_id = i.id
     WHERE i.act_id IN (SELECT dr.act_id FROM drafts dr)
     GROUP BY i.act_id
  )
  SELECT dr.id, dr.act_id, dr.submitted_by_body_id, dr.received_on, dr.signed_on,
         CASE WHEN dr.signed_on IS NOT NULL THEN 'signed'
              WHEN dr.withdrawn_on IS NOT NULL THEN 'withdrawn'
              ELSE 'in_review' END,
         coalesce(p.n, 0), coalesce(p.on_control, 0), coalesce(p.executed, 0), coalesce(p.overdue, 0),
         coalesce(p.other, 0)
    FROM drafts dr
    LEFT JOIN points p ON p.act_id = dr.act_id
   -- the year's documents: received or closed in it, or with points on control in it
   WHERE dr.received_on >= y_start OR dr.signed_on >= y_start OR dr.withdrawn_on >= y_start
      OR coalesce(p.in_year, false)
      OR (dr.signed_on IS NULL AND dr.withdrawn_on IS NULL)
   ORDER BY dr.received_on, dr.id;
END
$$;
COMMENT ON FUNCTION report_planning_documents(integer) IS
  'R80-1: what the registry holds for the Government''s yearly report on the documents of the state planning system, as the year stood at its end: each draft of an act approving such a document (draft kind planning_act) received, closed or with points on control in the year, its status (signed, in_review, withdrawn), the act it became and its points: all, on control at the year''s end, executed in the year, overdue at its end, removed on another ground in the year. The documents'' targets, indicators, financing and the Government''s conclusion are not in the registry. Year outside 2000-2100 IC304; a reader sees its slice';

CREATE FUNCTION form_planning_documents(year integer, lang text DEFAULT 'ru')
RETURNS TABLE (row_no integer, draft_id bigint, act_id bigint, document text, body text, received_on date,
               signed_on date, status text, status_label text, points integer, points_on_control integer,
               points_executed integer, points_overdue integer, points_removed_other integer)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  checked_lang text := report_check_lang(lang);
  w_act_signed_on text := label('form_phrase', 'act_signed_on', checked_lang);
  w_secret text := label('form_phrase', 'state_secret_card', checked_lang);
BEGIN
  PERFORM report_require_whole('R80-1');
  RETURN QUERY
  SELECT (row_number() OVER (ORDER BY r.received_on, r.draft_id))::integer,
         r.draft_id, r.act_id,
         concat_ws(', ',
           CASE WHEN a.id IS NOT NULL
                THEN concat_ws(' ', a.act_type, CASE WHEN a.number IS NOT NULL THEN '№ ' || a.number END,
                               CASE WHEN a.signed_on IS NOT NULL THEN format(w_act_signed_on, report_date(a.signed_on)) END) END,
           CASE WHEN d.secrecy = 'state_secret' THEN format(w_secret, coalesce(d.paper_card_ref, '—'))
                ELSE coalesce(d.title, d.external_ref) END),
         coalesce(CASE checked_lang WHEN 'kk' THEN b.name_kk ELSE b.name_ru END, b.name,
                  label('form_phrase', 'body_not_given', checked_lang)),
         r.received_on, r.signed_on, r.status,
         label('form_phrase', 'planning_status_' || r.status, checked_lang),
         r.points, r.points_on_control, r.points_executed, r.points_overdue, r.points_removed_other
    FROM report_planning_documents(year) r
    JOIN draft d ON d.id = r.draft_id
    LEFT JOIN act a ON a.id = r.act_id
    LEFT JOIN state_body b ON b.id = r.submitted_by_body_id
   ORDER BY 1;
END
$$;
COMMENT ON FUNCTION form_planning_documents(integer, text) IS
  'R80-1: the rows of the yearly report on the documents of the state planning system (report_planning_documents) with the document''s requisites (the act, else the draft''s title; a state secret by its paper card), the submitting body and the status in kk or ru; lang IC301, year IC304; a role that sees only some bodies gets IC305';

CREATE FUNCTION form_planning_documents_csv(year integer, lang text DEFAULT 'ru', delimiter text DEFAULT ',',
                                            bom boolean DEFAULT false) RETURNS text
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT report_form_csv('planning_documents', lang, coalesce(jsonb_agg(f ORDER BY f.row_no), '[]'), delimiter, bom)
    FROM form_planning_documents(year, lang) f
$$;
COMMENT ON FUNCTION form_planning_documents_csv(integer, text, text, boolean) IS
  'R80-1: the report on the state planning documents as CSV (the headings of report_form_columns(''planning_documents'') in kk or ru; delimiter and bom as the other forms, IC306)';

CREATE FUNCTION form_planning_documents_html(year integer, lang text DEFAULT 'ru') RETURNS text
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  checked_lang text := report_check_lang(lang);
  rows jsonb;
BEGIN
  SELECT coalesce(jsonb_agg(f ORDER BY f.row_no), '[]') INTO rows
    FROM form_planning_documents(year, checked_lang) f;
  RETURN report_html_head(label('form_phrase', 'planning_documents_title', checked_lang), checked_lang)
    || '<h1>' || report_html_escape(label('form_phrase', 'planning_documents_title', checked_lang))
    || '</h1><p class="sub">' || report_html_escape(format(label('form_phrase', 'yearly_control_year', checked_lang), year))
    || '</p>'
    || report_form_html_table('planning_documents', checked_lang, rows)
    || '<p class="note">' || report_html_escape(label('form_phrase', 'planning_documents_note', checked_lang))
    || '</p></body></html>';
END
$$;
COMMENT ON FUNCTION form_planning_documents_html(integer, text) IS
  'R80-1: the report on the state planning documents as a printable HTML document (A4 landscape) in Kazakh (kk) or Russian (ru), with what the registry cannot give in its note; every interpolated value is HTML-escaped';
