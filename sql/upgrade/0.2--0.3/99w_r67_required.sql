/*
 * 99w_r67_required: R67 required (issue 20 item 3).  report_signatory_judge
 * now refuses (IC308) the Government's information on a point on the PA's
 * control that records no signatory: a report whose submitting body (else the
 * responsible body) is of type government on an instruction of level pa (not
 * imported history that is not in force).  Other reports as before.  Follows
 * sql/src/81_signatories.sql.
 */

CREATE OR REPLACE FUNCTION report_signatory_judge() RETURNS trigger
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
