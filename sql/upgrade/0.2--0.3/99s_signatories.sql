/*
 * 99s_signatories: who signs what bodies submit to the PA on execution, and
 * the Government's yearly report on the state planning documents (issue 20,
 * item 3).  Follows sql/src/30_registry.sql (the domain signatory; report's
 * columns signed_by, signed_by_person_id, resolution_addressee), 40_api.sql
 * (submit_report takes them: dropped and created, its arguments change),
 * 70b_forms.sql (report_form_columns gains the planning_documents form),
 * 70c_annual_summary.sql (form_annual_summary_html prints the R75-1 signatory line),
 * 81_signatories.sql (through the link 99s_signatories_section; R67 report_signatory, R75-1 annual_summary_signature
 * and its form rows, R80-1 report_planning_documents and its forms),
 * 85_limits.sql and 90_security.sql.  The rules are the pure core
 * src/rules/signatory_core.c; the refusals raise IC308.
 */

CREATE DOMAIN signatory AS text
  CHECK (VALUE IN ('prime_minister', 'deputy_prime_minister', 'head_of_government_office',
                   'deputy_head_of_government_office', 'first_head', 'deputy_first_head',
                   'collegial_body_member', 'akim'));
COMMENT ON DOMAIN signatory IS
  'Position that signs what a body submits to the PA on execution: the Government''s information (R67: the Prime Minister, the Deputy Prime Minister concerned or the Head of the Government Office; interim information to the Head of the President''s Office, an Assistant or an Adviser also their deputies, part 2) and the annual summary (R75-1)';

ALTER TABLE report ADD COLUMN signed_by signatory,
  ADD COLUMN signed_by_person_id bigint REFERENCES person,
  ADD COLUMN resolution_addressee signatory;
COMMENT ON COLUMN report.signed_by IS 'Position that signed it (R67): the Government''s information by the addressee of the resolution (the Prime Minister, the Deputy Prime Minister concerned or the Head of the Government Office), interim information to the Head of the President''s Office, an Assistant or an Adviser also by a deputy (part 2); another body''s by its first head (the registry''s reading); NULL: not recorded';
COMMENT ON COLUMN report.signed_by_person_id IS 'The person who signed (R67): an active person of the submitting body (else of the responsible body)';
COMMENT ON COLUMN report.resolution_addressee IS 'The Government''s information only: to whom in the Government the resolution of the President, the Head of the PA or the Secretary of the SC was addressed; the signatory must be that addressee (R67)';

-- R67: submit_report records who signed (new arguments: dropped and created)
DROP FUNCTION submit_report(bigint, report_kind, text, bigint, decider, date, date, text);
CREATE FUNCTION submit_report(
  instruction_id bigint,
  kind report_kind,
  content text DEFAULT NULL,
  submitted_by_body_id bigint DEFAULT NULL,
  addressee decider DEFAULT NULL,
  period_end date DEFAULT NULL,
  submitted_on date DEFAULT current_date,
  document_ref text DEFAULT NULL,
  signed_by signatory DEFAULT NULL,
  signed_by_person_id bigint DEFAULT NULL,
  resolution_addressee signatory DEFAULT NULL)
RETURNS report
LANGUAGE sql VOLATILE
BEGIN ATOMIC
  INSERT INTO report (instruction_id, kind, content, submitted_by_body_id, addressee,
                      period_end, submitted_on, document_ref, signed_by, signed_by_person_id,
                      resolution_addressee)
  VALUES (instruction_id, kind, content, submitted_by_body_id, addressee,
          period_end, submitted_on, document_ref, signed_by, signed_by_person_id,
          resolution_addressee)
  RETURNING *;
END;
COMMENT ON FUNCTION submit_report IS 'Submit an intermediate, final, risk or measures report (R66-1, R66-3.5, R72.4), with who signed it (R67: signed_by, signed_by_person_id; the Government''s information also resolution_addressee)';
REVOKE EXECUTE ON FUNCTION submit_report FROM PUBLIC;
GRANT EXECUTE ON FUNCTION submit_report TO ic_executor, ic_controller;

