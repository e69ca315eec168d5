-- ===========================================================================
-- Control measures and inspections (R66-2, R43-1, R47)
--
-- What a controlling body does to see an instruction executed fully, on time
-- and well (R66-2): periodic monitoring, requests for official information
-- through the EDMS, hearings of reports, documentary checks, on-site
-- inspections, other lawful means; remote monitoring through information
-- systems (R47).  The PA may inspect on site, planned by the approved schedule
-- or unplanned during thematic trips (R43-1); the Government Office inspects
-- under the Government's regulation.  Each measure is a row of the
-- append-only journal control_measure, judged when written; the instruction's
-- readers see its measures (row security as for reports).  Errors: IC6xx.
-- ===========================================================================

CREATE DOMAIN control_measure_kind AS text
  CHECK (VALUE IN ('monitoring', 'information_request', 'report_hearing', 'documentary_check',
                   'on_site_inspection', 'remote_monitoring', 'other'));
COMMENT ON DOMAIN control_measure_kind IS
  'A measure of control: monitoring, information_request (through the EDMS), report_hearing, documentary_check, on_site_inspection (R66-2 (1)-(5), R43-1), remote_monitoring (R47), other (R66-2 (6))';

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('control_measure_kind', 'monitoring', 'Мерзімді мониторинг', 'Периодический мониторинг', 'Periodic monitoring'),
  ('control_measure_kind', 'information_request', 'Ресми ақпаратты талап ету', 'Истребование официальной информации', 'Request for official information'),
  ('control_measure_kind', 'report_hearing', 'Есептер мен баяндамаларды тыңдау және талқылау', 'Заслушивание и обсуждение отчётов и докладов', 'Hearing and discussion of reports'),
  ('control_measure_kind', 'documentary_check', 'Ревизия және құжаттамалық тексеру', 'Ревизия и документальная проверка', 'Audit and documentary check'),
  ('control_measure_kind', 'on_site_inspection', 'Жергілікті жерге барып тексеру', 'Проверка с выездом на место', 'On-site inspection'),
  ('control_measure_kind', 'remote_monitoring', 'Ақпараттық жүйелер арқылы қашықтан бақылау', 'Дистанционный контроль через информационные системы', 'Remote monitoring through information systems'),
  ('control_measure_kind', 'other', 'Өзге де тәсілдер', 'Иные способы', 'Other means');

CREATE TABLE control_measure (
  id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instruction_id   bigint NOT NULL REFERENCES instruction,
  kind             control_measure_kind NOT NULL,
  taken_on         date NOT NULL DEFAULT current_date,
  taken_by_body_id bigint NOT NULL REFERENCES state_body,
  planned          boolean,
  schedule_ref     text,
  basis            text,
  outcome          text,
  document_ref     text,
  recorded_by      name NOT NULL DEFAULT current_user,
  recorded_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'on_site_inspection') = (planned IS NOT NULL)),
  CHECK (kind = 'on_site_inspection' OR schedule_ref IS NULL)
);
CREATE INDEX control_measure_instruction_idx ON control_measure (instruction_id, taken_on);
COMMENT ON TABLE control_measure IS
  'Append-only journal of the measures of control taken on an instruction (R66-2, R47) and on-site inspections (R43-1), with their outcome';
COMMENT ON COLUMN control_measure.kind IS 'The measure (R66-2 (1)-(6), R47)';
COMMENT ON COLUMN control_measure.taken_on IS 'Day the measure was taken: not before the instruction''s receipt, not in the future';
COMMENT ON COLUMN control_measure.taken_by_body_id IS 'The body that took it; an on-site inspection is the PA''s or the Government''s (R43-1)';
COMMENT ON COLUMN control_measure.planned IS 'on_site_inspection: planned by the approved schedule (true) or unplanned, during a thematic trip (false) (R43-1)';
COMMENT ON COLUMN control_measure.schedule_ref IS 'A planned inspection: the approved schedule it follows (R43-1)';
COMMENT ON COLUMN control_measure.basis IS 'Why: the request''s letter, the trip of an unplanned inspection, ...';
COMMENT ON COLUMN control_measure.outcome IS 'What it found: the information received, the findings of an inspection';
COMMENT ON COLUMN control_measure.document_ref IS 'The document that records it (letter, minutes, inspection report)';
COMMENT ON COLUMN control_measure.recorded_by IS 'The role that recorded the measure (set by the registry)';
COMMENT ON COLUMN control_measure.recorded_at IS 'When it was recorded';

CREATE FUNCTION control_measure_judge() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  received date;
  taker_type instruction_control.body_type;
BEGIN
  NEW.recorded_by := current_user;
  NEW.recorded_at := now();
  SELECT coalesce(i.received_on, i.created_at::date) INTO received
    FROM instruction i WHERE i.id OPERATOR(pg_catalog.=) NEW.instruction_id;
  IF NOT FOUND THEN
    RETURN NEW;                 -- the foreign key refuses it (23503)
  END IF;
  IF NOT isfinite(NEW.taken_on) OR NEW.taken_on < received OR NEW.taken_on > current_date THEN
    RAISE EXCEPTION 'a measure of control cannot be dated % (R66-2)', NEW.taken_on
      USING ERRCODE = 'IC601',
            DETAIL = format('Instruction %s was received on %s; today is %s.', NEW.instruction_id, received, current_date),
            HINT = 'Date it between the instruction''s receipt and today.';
  END IF;
  IF NEW.kind = 'on_site_inspection' THEN
    SELECT b.body_type INTO taker_type FROM state_body b WHERE b.id OPERATOR(pg_catalog.=) NEW.taken_by_body_id;
    IF taker_type IS DISTINCT FROM 'presidential_administration' AND taker_type IS DISTINCT FROM 'government' THEN
      RAISE EXCEPTION 'an on-site inspection is the PA''s or the Government Office''s (R43-1)'
        USING ERRCODE = 'IC602',
              DETAIL = format('Body %s is of type %s.', NEW.taken_by_body_id, coalesce(taker_type::text, 'unknown')),
              HINT = 'Record the inspection by the Presidential Administration or the Government; another body''s check is a documentary_check or other measure.';
    END IF;
    IF NEW.planned AND is_blank(NEW.schedule_ref) THEN
      RAISE EXCEPTION 'a planned inspection follows the approved schedule (R43-1)'
        USING ERRCODE = 'IC602',
              DETAIL = format('Instruction %s: a planned inspection without schedule_ref.', NEW.instruction_id),
              HINT = 'Name the approved schedule of inspections in schedule_ref, or record it as unplanned (planned => false) with the trip in basis.';
    END IF;
    IF NOT NEW.planned AND is_blank(NEW.basis) THEN
      RAISE EXCEPTION 'an unplanned inspection is made during a thematic trip (R43-1)'
        USING ERRCODE = 'IC602',
              DETAIL = format('Instruction %s: an unplanned inspection without its basis.', NEW.instruction_id),
              HINT = 'Name the thematic trip of the state inspectors or the unit''s staff in basis.';
    END IF;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION control_measure_judge() IS
  'Trigger: a measure of control is dated between the instruction''s receipt and today (IC601); an on-site inspection is the PA''s or the Government''s, planned by a schedule or unplanned on a trip (R43-1, IC602)';
CREATE TRIGGER control_measure_judge BEFORE INSERT ON control_measure
  FOR EACH ROW EXECUTE FUNCTION control_measure_judge();

CREATE FUNCTION control_measure_append_only() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
BEGIN
  RAISE EXCEPTION 'control_measure is append-only'
    USING ERRCODE = 'IC111',
          DETAIL = format('%s of control_measure was refused.', TG_OP),
          HINT = 'A measure is corrected by a new row; the journal keeps both.';
END
$$;
COMMENT ON FUNCTION control_measure_append_only() IS 'Trigger: the journal of control measures is append-only (IC111)';
CREATE TRIGGER control_measure_append_only BEFORE UPDATE OR DELETE ON control_measure
  FOR EACH ROW EXECUTE FUNCTION control_measure_append_only();
CREATE TRIGGER control_measure_no_truncate BEFORE TRUNCATE ON control_measure
  FOR EACH STATEMENT EXECUTE FUNCTION control_measure_append_only();
CREATE TRIGGER server_id BEFORE INSERT ON control_measure FOR EACH ROW EXECUTE FUNCTION server_id();
REVOKE EXECUTE ON FUNCTION control_measure_judge(), control_measure_append_only() FROM PUBLIC;

SELECT pg_catalog.pg_extension_config_dump('control_measure', '');
SELECT pg_catalog.pg_extension_config_dump('control_measure_id_seq', '');

CREATE FUNCTION take_control_measure(
  instruction_id bigint,
  kind control_measure_kind,
  taken_by_body_id bigint,
  taken_on date DEFAULT current_date,
  outcome text DEFAULT NULL,
  basis text DEFAULT NULL,
  planned boolean DEFAULT NULL,
  schedule_ref text DEFAULT NULL,
  document_ref text DEFAULT NULL)
RETURNS control_measure
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION take_control_measure IS
  'Record a measure of control taken on an instruction (R66-2, R47) or an on-site inspection (R43-1: planned with schedule_ref, or unplanned with the trip in basis)';
