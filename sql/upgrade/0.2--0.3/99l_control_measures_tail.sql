/*
 * 99l_control_measures_tail: the limits, grants and row security of the
 * Control measures section (issue 20, item 2), after
 * 99l_control_measures_section.sql made its objects.  Follows
 * sql/src/85_limits.sql and sql/src/90_security.sql.
 */

ALTER TABLE control_measure ADD CONSTRAINT control_measure_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'control_measure.basis'));
ALTER TABLE control_measure ADD CONSTRAINT control_measure_document_ref_limit CHECK (text_limit_ok(document_ref, 'name', 'control_measure.document_ref'));
ALTER TABLE control_measure ADD CONSTRAINT control_measure_outcome_limit CHECK (text_limit_ok(outcome, 'free_text', 'control_measure.outcome'));
ALTER TABLE control_measure ADD CONSTRAINT control_measure_schedule_ref_limit CHECK (text_limit_ok(schedule_ref, 'name', 'control_measure.schedule_ref'));
-- Control measures and inspections (R66-2, R43-1): the controllers record them;
-- an instruction's readers see them.
REVOKE EXECUTE ON FUNCTION take_control_measure FROM PUBLIC;
GRANT SELECT ON control_measure TO ic_reader;
GRANT INSERT ON control_measure TO ic_controller;
GRANT EXECUTE ON FUNCTION take_control_measure TO ic_controller;

ALTER TABLE control_measure ENABLE ROW LEVEL SECURITY;
CREATE POLICY control_all ON control_measure FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON control_measure FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) control_measure.instruction_id));
