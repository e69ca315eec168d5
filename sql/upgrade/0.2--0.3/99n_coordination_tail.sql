/*
 * 99n_coordination_tail: the limits, grants and row security of the
 * Coordination section (R48, issue 20 item 2), after
 * 99n_coordination_section.sql made its objects.  Follows
 * sql/src/85_limits.sql and sql/src/90_security.sql.
 */

ALTER TABLE body_function ADD CONSTRAINT body_function_function_limit CHECK (text_limit_ok(function, 'name', 'body_function.function'));
ALTER TABLE coordination ADD CONSTRAINT coordination_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'coordination.basis'));
ALTER TABLE coordination ADD CONSTRAINT coordination_ground_limit CHECK (text_limit_ok(ground, 'name', 'coordination.ground'));
-- Coordination (R48): the administrator names the Ministry of Foreign Affairs;
-- the controllers record the coordination of an instruction; its readers see it.
REVOKE EXECUTE ON FUNCTION coordinate_instruction FROM PUBLIC;
GRANT SELECT ON body_function, coordination TO ic_reader;
GRANT INSERT, UPDATE, DELETE ON body_function TO ic_admin;
GRANT INSERT ON coordination TO ic_controller;
GRANT EXECUTE ON FUNCTION coordinate_instruction TO ic_controller;

ALTER TABLE coordination ENABLE ROW LEVEL SECURITY;
CREATE POLICY control_all ON coordination FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON coordination FOR SELECT TO ic_reader
  USING (EXISTS (SELECT 1 FROM instruction_control.instruction i
                  WHERE i.id OPERATOR(pg_catalog.=) coordination.instruction_id));
