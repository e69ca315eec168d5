/*
 * 99j_drafts_tail: the limits, grants and row security of the Drafts section
 * (issue 20, item 1), after 99j_drafts_section*.sql made its objects.
 * Follows sql/src/85_limits.sql and sql/src/90_security.sql.
 */

ALTER TABLE draft ADD CONSTRAINT draft_content_limit CHECK (text_limit_ok(content, 'free_text', 'draft.content'));
ALTER TABLE draft ADD CONSTRAINT draft_external_ref_limit CHECK (text_limit_ok(external_ref, 'name', 'draft.external_ref'));
ALTER TABLE draft ADD CONSTRAINT draft_paper_card_ref_limit CHECK (text_limit_ok(paper_card_ref, 'name', 'draft.paper_card_ref'));
ALTER TABLE draft ADD CONSTRAINT draft_paper_reason_limit CHECK (text_limit_ok(paper_reason, 'free_text', 'draft.paper_reason'));
ALTER TABLE draft ADD CONSTRAINT draft_title_limit CHECK (text_limit_ok(title, 'free_text', 'draft.title'));
ALTER TABLE draft_step ADD CONSTRAINT draft_step_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'draft_step.basis'));
-- Drafts (Drafts section): the PA's registry (controllers) receives and
-- reviews them; a body's readers see the drafts it submitted.  Corrections of
-- a receipt touch only its descriptive columns (draft_guard refuses the rest).
REVOKE EXECUTE ON FUNCTION receive_draft, refine_draft, agree_draft, return_draft, visa_draft,
  sign_draft, put_on_control_from_draft FROM PUBLIC;
GRANT SELECT ON draft, draft_step, draft_state TO ic_reader;
GRANT INSERT ON draft, draft_step TO ic_controller;
GRANT UPDATE (title, content, external_ref) ON draft TO ic_controller;
GRANT EXECUTE ON FUNCTION receive_draft, refine_draft, agree_draft, return_draft, visa_draft,
  sign_draft, put_on_control_from_draft TO ic_controller;

ALTER TABLE draft ENABLE ROW LEVEL SECURITY;
ALTER TABLE draft_step ENABLE ROW LEVEL SECURITY;
-- drafts: the PA's registry keeps them all; a body reads the drafts it submitted
CREATE POLICY control_all ON draft FOR ALL TO ic_controller USING (true) WITH CHECK (true);
CREATE POLICY body_slice ON draft FOR SELECT TO ic_reader
  USING (submitted_by_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[]));
CREATE POLICY control_all ON draft_step FOR ALL TO ic_controller USING (true) WITH CHECK (true);
-- (by the draft's body on the step, copied from the draft: a look-up of the
-- draft per step made a reader's report_open_draft six times a controller's;
-- issue 19)
CREATE POLICY body_slice ON draft_step FOR SELECT TO ic_reader
  USING (submitted_by_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[]));

