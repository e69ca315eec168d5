-- ===========================================================================
-- Limits of text (issue 16, item 8)
--
-- Every text column a user writes has a documented maximum, enforced in one
-- place: text_limit_ok(value, class, column), called by one CHECK constraint
-- per column, whatever writes the row (an API function, an INSERT, COPY, an
-- import).  Two classes (README, Limits of text):
--   free_text  10,000 characters: a basis, a reason, a disciplinary review,
--              an instruction's content and final result, a report, a title
--   name          500 characters: names, codes and references (external_ref,
--              paper_card_ref, paper_ref, document_ref, acted_by, ...)
-- and at most 100 elements in a list of codes (decision.evidence, deciders).
-- A longer value is refused with 22001 and the limit in the HINT; the value
-- is judged on its stored size first, so a 100 MB basis costs no scan.
-- A column whose type is a domain with a CHECK, or a foreign key to a bounded
-- column, is bounded already; sql/limits_text.sql checks from the catalog that
-- no text column is left without one of these.
-- ===========================================================================

CREATE FUNCTION text_limit_ok(value text, class text, what text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_text_limit_ok'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION text_limit_ok(text, text, text) IS
  'True when value is within the limit of its class (free_text: 10,000 characters; name: 500); otherwise 22001 naming the column (what) and the limit';

CREATE FUNCTION text_limit_ok(value text[], class text, what text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_text_array_limit_ok'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION text_limit_ok(text[], text, text) IS
  'True when the list has at most 100 elements, each within the limit of its class; otherwise 22001';

ALTER TABLE act ADD CONSTRAINT act_act_type_limit CHECK (text_limit_ok(act_type, 'name', 'act.act_type'));
ALTER TABLE act ADD CONSTRAINT act_external_ref_limit CHECK (text_limit_ok(external_ref, 'name', 'act.external_ref'));
ALTER TABLE act ADD CONSTRAINT act_number_limit CHECK (text_limit_ok(number, 'name', 'act.number'));
ALTER TABLE act ADD CONSTRAINT act_title_limit CHECK (text_limit_ok(title, 'free_text', 'act.title'));
ALTER TABLE calendar ADD CONSTRAINT calendar_name_limit CHECK (text_limit_ok(name, 'name', 'calendar.name'));
ALTER TABLE calendar_day ADD CONSTRAINT calendar_day_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'calendar_day.basis'));
ALTER TABLE calendar_day ADD CONSTRAINT calendar_day_name_kk_limit CHECK (text_limit_ok(name_kk, 'name', 'calendar_day.name_kk'));
ALTER TABLE calendar_day ADD CONSTRAINT calendar_day_name_limit CHECK (text_limit_ok(name, 'name', 'calendar_day.name'));
ALTER TABLE calendar_day ADD CONSTRAINT calendar_day_name_ru_limit CHECK (text_limit_ok(name_ru, 'name', 'calendar_day.name_ru'));
ALTER TABLE calendar_holiday_rule ADD CONSTRAINT calendar_holiday_rule_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'calendar_holiday_rule.basis'));
ALTER TABLE calendar_holiday_rule ADD CONSTRAINT calendar_holiday_rule_name_kk_limit CHECK (text_limit_ok(name_kk, 'name', 'calendar_holiday_rule.name_kk'));
ALTER TABLE calendar_holiday_rule ADD CONSTRAINT calendar_holiday_rule_name_limit CHECK (text_limit_ok(name, 'name', 'calendar_holiday_rule.name'));
ALTER TABLE calendar_holiday_rule ADD CONSTRAINT calendar_holiday_rule_name_ru_limit CHECK (text_limit_ok(name_ru, 'name', 'calendar_holiday_rule.name_ru'));
ALTER TABLE calendar_year ADD CONSTRAINT calendar_year_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'calendar_year.basis'));
ALTER TABLE body_function ADD CONSTRAINT body_function_function_limit CHECK (text_limit_ok(function, 'name', 'body_function.function'));
ALTER TABLE coordination ADD CONSTRAINT coordination_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'coordination.basis'));
ALTER TABLE coordination ADD CONSTRAINT coordination_ground_limit CHECK (text_limit_ok(ground, 'name', 'coordination.ground'));
ALTER TABLE annual_summary_signature ADD CONSTRAINT annual_summary_signature_supervision_area_limit CHECK (text_limit_ok(supervision_area, 'name', 'annual_summary_signature.supervision_area'));
ALTER TABLE annual_summary_signature ADD CONSTRAINT annual_summary_signature_document_ref_limit CHECK (text_limit_ok(document_ref, 'name', 'annual_summary_signature.document_ref'));
ALTER TABLE control_measure ADD CONSTRAINT control_measure_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'control_measure.basis'));
ALTER TABLE control_measure ADD CONSTRAINT control_measure_document_ref_limit CHECK (text_limit_ok(document_ref, 'name', 'control_measure.document_ref'));
ALTER TABLE control_measure ADD CONSTRAINT control_measure_outcome_limit CHECK (text_limit_ok(outcome, 'free_text', 'control_measure.outcome'));
ALTER TABLE control_measure ADD CONSTRAINT control_measure_schedule_ref_limit CHECK (text_limit_ok(schedule_ref, 'name', 'control_measure.schedule_ref'));
ALTER TABLE decision ADD CONSTRAINT decision_acted_by_limit CHECK (text_limit_ok(acted_by, 'name', 'decision.acted_by'));
ALTER TABLE decision ADD CONSTRAINT decision_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'decision.basis'));
ALTER TABLE decision ADD CONSTRAINT decision_disciplinary_review_limit CHECK (text_limit_ok(disciplinary_review, 'free_text', 'decision.disciplinary_review'));
ALTER TABLE decision ADD CONSTRAINT decision_evidence_limit CHECK (text_limit_ok(evidence::text[], 'name', 'decision.evidence'));
ALTER TABLE decision ADD CONSTRAINT decision_evidence_ref_limit CHECK (text_limit_ok(evidence_ref, 'name', 'decision.evidence_ref'));
ALTER TABLE decision ADD CONSTRAINT decision_paper_ref_limit CHECK (text_limit_ok(paper_ref, 'name', 'decision.paper_ref'));
ALTER TABLE decision ADD CONSTRAINT decision_reason_limit CHECK (text_limit_ok(reason, 'free_text', 'decision.reason'));
ALTER TABLE decision_authority ADD CONSTRAINT decision_authority_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'decision_authority.basis'));
ALTER TABLE decision_rule ADD CONSTRAINT decision_rule_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'decision_rule.basis'));
ALTER TABLE decision_rule ADD CONSTRAINT decision_rule_deciders_limit CHECK (text_limit_ok(deciders::text[], 'name', 'decision_rule.deciders'));
ALTER TABLE event ADD CONSTRAINT event_rule_id_limit CHECK (text_limit_ok(rule_id, 'name', 'event.rule_id'));
ALTER TABLE instruction ADD CONSTRAINT instruction_calendar_limit CHECK (text_limit_ok(calendar, 'name', 'instruction.calendar'));
ALTER TABLE instruction ADD CONSTRAINT instruction_completion_form_limit CHECK (text_limit_ok(completion_form, 'name', 'instruction.completion_form'));
ALTER TABLE instruction ADD CONSTRAINT instruction_content_limit CHECK (text_limit_ok(content, 'free_text', 'instruction.content'));
ALTER TABLE instruction ADD CONSTRAINT instruction_external_ref_limit CHECK (text_limit_ok(external_ref, 'name', 'instruction.external_ref'));
ALTER TABLE instruction ADD CONSTRAINT instruction_final_result_limit CHECK (text_limit_ok(final_result, 'free_text', 'instruction.final_result'));
ALTER TABLE instruction ADD CONSTRAINT instruction_pa_unit_limit CHECK (text_limit_ok(pa_unit, 'name', 'instruction.pa_unit'));
ALTER TABLE instruction ADD CONSTRAINT instruction_paper_card_ref_limit CHECK (text_limit_ok(paper_card_ref, 'name', 'instruction.paper_card_ref'));
ALTER TABLE instruction_escalation ADD CONSTRAINT instruction_escalation_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'instruction_escalation.basis'));
ALTER TABLE draft ADD CONSTRAINT draft_content_limit CHECK (text_limit_ok(content, 'free_text', 'draft.content'));
ALTER TABLE draft ADD CONSTRAINT draft_external_ref_limit CHECK (text_limit_ok(external_ref, 'name', 'draft.external_ref'));
ALTER TABLE draft ADD CONSTRAINT draft_paper_card_ref_limit CHECK (text_limit_ok(paper_card_ref, 'name', 'draft.paper_card_ref'));
ALTER TABLE draft ADD CONSTRAINT draft_paper_reason_limit CHECK (text_limit_ok(paper_reason, 'free_text', 'draft.paper_reason'));
ALTER TABLE draft ADD CONSTRAINT draft_title_limit CHECK (text_limit_ok(title, 'free_text', 'draft.title'));
ALTER TABLE draft_step ADD CONSTRAINT draft_step_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'draft_step.basis'));
ALTER TABLE host_link ADD CONSTRAINT host_link_kind_limit CHECK (text_limit_ok(kind, 'name', 'host_link.kind'));
ALTER TABLE host_link ADD CONSTRAINT host_link_host_schema_limit CHECK (text_limit_ok(host_schema, 'name', 'host_link.host_schema'));
ALTER TABLE host_link ADD CONSTRAINT host_link_host_table_limit CHECK (text_limit_ok(host_table, 'name', 'host_link.host_table'));
ALTER TABLE host_link ADD CONSTRAINT host_link_key_column_limit CHECK (text_limit_ok(key_column, 'name', 'host_link.key_column'));
ALTER TABLE host_link ADD CONSTRAINT host_link_key_type_limit CHECK (text_limit_ok(key_type, 'name', 'host_link.key_type'));
ALTER TABLE host_link ADD CONSTRAINT host_link_linked_by_limit CHECK (text_limit_ok(linked_by, 'name', 'host_link.linked_by'));
ALTER TABLE person ADD CONSTRAINT person_external_ref_limit CHECK (text_limit_ok(external_ref, 'name', 'person.external_ref'));
ALTER TABLE person ADD CONSTRAINT person_name_limit CHECK (text_limit_ok(name, 'name', 'person.name'));
ALTER TABLE report ADD CONSTRAINT report_content_limit CHECK (text_limit_ok(content, 'free_text', 'report.content'));
ALTER TABLE report ADD CONSTRAINT report_document_ref_limit CHECK (text_limit_ok(document_ref, 'name', 'report.document_ref'));
ALTER TABLE roadmap ADD CONSTRAINT roadmap_document_ref_limit CHECK (text_limit_ok(document_ref, 'name', 'roadmap.document_ref'));
ALTER TABLE rule ADD CONSTRAINT rule_id_limit CHECK (text_limit_ok(id, 'name', 'rule.id'));
ALTER TABLE rule ADD CONSTRAINT rule_title_en_limit CHECK (text_limit_ok(title_en, 'free_text', 'rule.title_en'));
ALTER TABLE rule ADD CONSTRAINT rule_title_kk_limit CHECK (text_limit_ok(title_kk, 'free_text', 'rule.title_kk'));
ALTER TABLE rule ADD CONSTRAINT rule_title_ru_limit CHECK (text_limit_ok(title_ru, 'free_text', 'rule.title_ru'));
ALTER TABLE rule_change ADD CONSTRAINT rule_change_acted_by_limit CHECK (text_limit_ok(acted_by, 'name', 'rule_change.acted_by'));
ALTER TABLE rule_change ADD CONSTRAINT rule_change_basis_limit CHECK (text_limit_ok(basis, 'free_text', 'rule_change.basis'));
ALTER TABLE rule_change ADD CONSTRAINT rule_change_operation_limit CHECK (text_limit_ok(operation, 'name', 'rule_change.operation'));
ALTER TABLE rule_change ADD CONSTRAINT rule_change_table_name_limit CHECK (text_limit_ok(table_name, 'name', 'rule_change.table_name'));
ALTER TABLE rule_data_removed ADD CONSTRAINT rule_data_removed_table_name_limit CHECK (text_limit_ok(table_name, 'name', 'rule_data_removed.table_name'));
ALTER TABLE sector_heading ADD CONSTRAINT sector_heading_en_limit CHECK (text_limit_ok(en, 'name', 'sector_heading.en'));
ALTER TABLE sector_heading ADD CONSTRAINT sector_heading_kk_limit CHECK (text_limit_ok(kk, 'name', 'sector_heading.kk'));
ALTER TABLE sector_heading ADD CONSTRAINT sector_heading_ru_limit CHECK (text_limit_ok(ru, 'name', 'sector_heading.ru'));
ALTER TABLE sector_heading ADD CONSTRAINT sector_heading_sector_limit CHECK (text_limit_ok(sector, 'name', 'sector_heading.sector'));
ALTER TABLE state_body ADD CONSTRAINT state_body_code_limit CHECK (text_limit_ok(code, 'name', 'state_body.code'));
ALTER TABLE state_body ADD CONSTRAINT state_body_external_ref_limit CHECK (text_limit_ok(external_ref, 'name', 'state_body.external_ref'));
ALTER TABLE state_body ADD CONSTRAINT state_body_name_kk_limit CHECK (text_limit_ok(name_kk, 'name', 'state_body.name_kk'));
ALTER TABLE state_body ADD CONSTRAINT state_body_name_limit CHECK (text_limit_ok(name, 'name', 'state_body.name'));
ALTER TABLE state_body ADD CONSTRAINT state_body_name_ru_limit CHECK (text_limit_ok(name_ru, 'name', 'state_body.name_ru'));
ALTER TABLE state_body ADD CONSTRAINT state_body_sector_limit CHECK (text_limit_ok(sector, 'name', 'state_body.sector'));
ALTER TABLE vocabulary ADD CONSTRAINT vocabulary_code_limit CHECK (text_limit_ok(code, 'name', 'vocabulary.code'));
ALTER TABLE vocabulary ADD CONSTRAINT vocabulary_domain_limit CHECK (text_limit_ok(domain, 'name', 'vocabulary.domain'));
ALTER TABLE vocabulary ADD CONSTRAINT vocabulary_en_limit CHECK (text_limit_ok(en, 'name', 'vocabulary.en'));
ALTER TABLE vocabulary ADD CONSTRAINT vocabulary_kk_limit CHECK (text_limit_ok(kk, 'name', 'vocabulary.kk'));
ALTER TABLE vocabulary ADD CONSTRAINT vocabulary_ru_limit CHECK (text_limit_ok(ru, 'name', 'vocabulary.ru'));
ALTER TABLE vocabulary_synonym ADD CONSTRAINT vocabulary_synonym_synonym_limit CHECK (text_limit_ok(synonym, 'name', 'vocabulary_synonym.synonym'));
