-- 99s_signatories_tail: after the section (a link to sql/src/81_signatories.sql): 70b_forms.sql's
-- form rows and 70c_annual_summary.sql's Appendix 8 signatory line, 85_limits.sql and 90_security.sql for the section's objects

-- 70b_forms.sql: the R80-1 form's columns; 70c_annual_summary.sql: the R75-1 signatory line on Appendix 8
\definition report_form_columns sql/src/70b_forms.sql

\definition form_annual_summary_html sql/src/70c_annual_summary.sql

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
