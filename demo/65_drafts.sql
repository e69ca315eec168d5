-- A draft from receipt to signature and onto control (issue 20, item 1):
-- a draft instruction of the Ministry of Finance reaches the PA electronically
-- (R13), is returned once, agreed against the R30 checklist within its 3
-- working days (R33), visaed electronically and on paper, signed, and its
-- point put on control from the act it became -- nothing entered twice.
-- Then the refused steps, each with its SQLSTATE and rule.
\set ON_ERROR_STOP 1
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';

SELECT id AS mf FROM state_body WHERE code = 'R-MF' \gset
SELECT id AS draft FROM receive_draft('instruction_draft', :mf, 'first_head', '2025-10-01',
                                      title => 'On the digital budget', external_ref => 'DEMO-DRAFT-1') \gset
SELECT return_draft(:draft, 'R30(4): no concrete deadlines', '2025-10-02') \gset ignored_
SELECT agree_draft(:draft, '2025-10-03', true, true, true, true, true, true, true) \gset ignored_
SELECT count(visa_draft(:draft, p::visa_position, m::draft_channel, '2025-10-03')) AS visas
  FROM unnest('{pa_unit_head,secretary_sc,general_department_head}'::text[]) p,
       unnest('{electronic,paper}'::text[]) m \gset
SELECT sign_draft(:draft, 'instruction', 'DEMO-7', '2025-10-06') \gset ignored_

\echo '-- the draft''s journal and where it stands (R33: 3 working days from receipt)'
SELECT s.on_date, s.step, coalesce(s.visa_position || ' / ' || s.medium, s.basis, '') AS what
  FROM draft_step s WHERE s.draft_id = :draft ORDER BY s.id;
SELECT kind, received_on, review_days, review_due, status, agreed_on, review_overdue, signed_on
  FROM draft_state WHERE draft_id = :draft;

\echo '-- its point goes on control from the act it became'
SELECT i.id, i.level, i.signed_on, i.due_date, a.act_type, a.number
  FROM put_on_control_from_draft(:draft, 'act_point', 'central', '2025-10-07', '1', '1 month',
                                 responsible_body_id => :mf) i
  JOIN act a ON a.id = i.act_id;

\echo '-- refused: an ordinary draft on paper (R13), a term set by a unit head (R21), a checklist item unmet (R33)'
\set ON_ERROR_STOP 0
\set VERBOSITY terse
SELECT receive_draft('act', :mf, 'first_head', '2025-10-01', channel => 'paper');
SELECT id AS act_draft FROM receive_draft('act', :mf, 'first_head', '2025-10-01') \gset
SELECT refine_draft(:act_draft, 'more time', '2025-10-02', 'pa_unit_head', 12);
SELECT id AS ins_draft FROM receive_draft('instruction_draft', :mf, 'first_head', '2025-10-01') \gset
SELECT agree_draft(:ins_draft, '2025-10-02', true, true, true, true, true, false, true);
