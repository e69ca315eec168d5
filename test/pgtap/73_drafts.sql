-- Drafts and their review deadlines (issue 20, item 1): receipt (R13, R14), review terms in
-- working days from receipt (R20, R33), refinement (R21), the R30 checklist (R33), visas before
-- signature (R24, R33), R37, the journal's order, signature into an act and onto control, and
-- row security.  Each rule has an allowed and a refused case.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
\ir include/helpers.psql
SELECT plan(63);

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('DR_GOV', 'Government', 'government'),
  ('DR_MIN', 'Ministry of drafts', 'central'), ('DR_AKIM', 'Akimat of a region', 'local'),
  ('DR_OTHER', 'Another ministry', 'central');
SELECT id AS gov FROM state_body WHERE code = 'DR_GOV' \gset
SELECT id AS min FROM state_body WHERE code = 'DR_MIN' \gset
SELECT id AS akim FROM state_body WHERE code = 'DR_AKIM' \gset
SELECT id AS other FROM state_body WHERE code = 'DR_OTHER' \gset
\o

-- R13, R14: how a draft reaches the PA --------------------------------------
SELECT lives_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_MIN'), 'first_head',
                                      '2025-09-01', title => 'On a draft')$$,
                'R13: a draft submitted electronically, signed by the first head, is received');
SELECT throws_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_MIN'), 'first_head',
                                       '2025-09-01', title => 'On paper', channel => 'paper')$$,
                 'IC501', NULL, 'R13: an ordinary draft on paper is refused');
SELECT lives_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_MIN'), 'first_head',
                                      '2025-09-01', secrecy => 'state_secret', channel => 'paper',
                                      paper_card_ref => 'PC-1')$$,
                'R14: a state-secret draft on paper with its paper card and no content is received');
SELECT throws_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_MIN'), 'first_head',
                                       '2025-09-01', title => 'Secret title', secrecy => 'state_secret',
                                       channel => 'paper', paper_card_ref => 'PC-2')$$,
                 'IC501', NULL, 'R14: a state-secret draft with a title is refused');
SELECT throws_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_MIN'), 'first_head',
                                       '2025-09-01', secrecy => 'state_secret', paper_card_ref => 'PC-3')$$,
                 'IC501', NULL, 'R14: a state-secret draft submitted electronically is refused');
SELECT throws_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_MIN'), 'first_head',
                                       '2025-09-01', secrecy => 'state_secret', channel => 'paper')$$,
                 'IC501', NULL, 'R14: a state-secret draft without its paper card is refused');
SELECT lives_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_MIN'), 'first_head',
                                      '2025-09-01', secrecy => 'restricted', channel => 'paper',
                                      paper_reason => 'EDMS down for the region')$$,
                'R14: restricted information on paper, electronic submission impossible, is received');
SELECT throws_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_MIN'), 'first_head',
                                       '2025-09-01', secrecy => 'restricted', channel => 'paper',
                                       paper_reason => E'\u00a0 ')$$,
                 'IC501', NULL, 'R14: restricted information on paper without a reason is refused');
SELECT lives_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_GOV'), 'prime_minister',
                                      '2025-09-01')$$,
                'R14(1): the Government submits a draft signed by the Prime Minister');
SELECT throws_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_GOV'), 'first_head',
                                       '2025-09-01')$$,
                 'IC501', NULL, 'R14(1): a Government draft not signed by the Prime Minister is refused');
SELECT lives_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_AKIM'), 'akim',
                                      '2025-09-01')$$,
                'R14(2): a local executive body submits through its akim');
SELECT throws_ok($$SELECT receive_draft('act', (SELECT id FROM state_body WHERE code = 'DR_MIN'), 'akim',
                                       '2025-09-01')$$,
                 'IC501', NULL, 'R14(2): a ministry''s draft signed by an akim is refused');
SELECT throws_ok(format($$SELECT receive_draft('act', %s, 'first_head', %L)$$, :min, current_date + 1),
                 'IC501', NULL, 'R20, R33: a draft received tomorrow is refused');

-- R20, R33: review terms from receipt -----------------------------------------
\o /dev/null
SELECT (receive_draft('planning_act', :min, 'first_head', '2025-09-01', title => 'A national plan',
                      national_plan => true)).id AS plan \gset
SELECT (receive_draft('instruction_draft', :min, 'first_head', '2025-09-01', title => 'A draft instruction')).id AS ins \gset
SELECT (receive_draft('act', :min, 'first_head', '2025-09-01', title => 'Another act')).id AS act \gset
\o
SELECT is((SELECT review_due FROM draft_state WHERE draft_id = :plan), add_working_days('2025-09-01', 10),
          'R20: a planning act''s draft is reviewed within 10 working days of receipt');
SELECT is((SELECT review_due FROM draft_state WHERE draft_id = :plan), '2025-09-15'::date,
          'R20: received Mon 1 Sep 2025, due Mon 15 Sep');
SELECT is((SELECT review_due FROM draft_state WHERE draft_id = :ins), add_working_days('2025-09-01', 3),
          'R33: a draft instruction is reviewed within 3 working days of receipt');
SELECT is((SELECT (review_days, review_due, review_overdue) FROM draft_state WHERE draft_id = :act)::text,
          '(,,f)', 'R20: the decree sets no review term for another act''s draft');
SELECT is((SELECT review_overdue FROM draft_state WHERE draft_id = :ins), true,
          'R33: a draft instruction not agreed after its 3 working days is overdue');

-- R21: refinement of an act's draft ---------------------------------------------
SELECT is((SELECT due_date FROM refine_draft(:plan, 'objections of the ministry', '2025-09-02')),
          add_working_days('2025-09-02', 5), 'R21: a refinement takes 5 working days');
SELECT is((SELECT due_date FROM refine_draft(:plan, 'more time', '2025-09-03', 'assistant_or_adviser', 12)),
          add_working_days('2025-09-03', 12), 'R21: an Adviser sets another term');
SELECT throws_ok(format($$SELECT refine_draft(%s, 'more', '2025-09-03', 'pa_unit_head', 12)$$, :plan),
                 'IC503', NULL, 'R21: a unit head may not set another term');
SELECT throws_ok(format($$SELECT refine_draft(%s, 'more', '2025-09-03', NULL, 12)$$, :plan),
                 'IC503', NULL, 'R21: another term needs the official who set it');
SELECT throws_ok(format($$SELECT refine_draft(%s, 'shortcomings', '2025-09-02')$$, :ins),
                 'IC503', NULL, 'R21: a draft instruction is not refined (R33 reviews it in 3 working days)');
\o /dev/null
INSERT INTO draft_step (draft_id, submitted_by_body_id, step, on_date, due_date)
VALUES (:act, :other, 'refinement', '2025-09-02', '2099-01-01')
RETURNING due_date AS client_due, submitted_by_body_id AS client_body \gset
\o
SELECT is(:'client_due'::date,
          add_working_days('2025-09-02', 5), 'R21: the refinement''s due date is computed, never the client''s');
SELECT is(:client_body::bigint, (SELECT d.submitted_by_body_id FROM draft d WHERE d.id = :act),
          'R13, issue 19: a step''s body is its draft''s (which readers'' row security reads), never the client''s');
SELECT is((SELECT refinement_due FROM draft_state WHERE draft_id = :plan), add_working_days('2025-09-03', 12),
          'R21: draft_state shows the latest refinement''s deadline');

-- R30, R33: the checklist -------------------------------------------------------------
SELECT throws_ok(format($$SELECT agree_draft(%s, '2025-09-03', true, true, true, true, true, false, true)$$, :ins),
                 'IC504', NULL, 'R33: R30(6) not met: the draft instruction is not agreed');
SELECT is((pg_temp.err(format($$SELECT agree_draft(%s, '2025-09-03', true, true, true, true, true, true, false)$$, :ins))).detail,
          format('Draft %s: not met: R33: it does not duplicate instructions the President gave before.', :ins),
          'R33: the DETAIL names the unmet check (duplicating earlier instructions)');
SELECT throws_ok(format($$SELECT agree_draft(%s, '2025-09-03')$$, :ins),
                 'IC504', NULL, 'R33: a draft instruction agreed without the checklist is refused');
SELECT lives_ok(format($$SELECT agree_draft(%s, '2025-09-03', true, true, true, true, true, true, true)$$, :ins),
                'R33: every item of R30 and the duplicate check met: agreed');
SELECT is((SELECT (status, review_overdue) FROM draft_state WHERE draft_id = :ins)::text, '(agreed,f)',
          'R33: an agreed draft is no longer overdue');
SELECT throws_ok(format($$SELECT agree_draft(%s, '2025-09-05', r30_worked_out => true)$$, :plan),
                 'IC504', NULL, 'R30: the checklist is for draft instructions, not acts');

-- R24, R33: visas before signature --------------------------------------------------------
SELECT lives_ok(format($$SELECT agree_draft(%s, '2025-09-22')$$, :plan), 'R20: an act''s draft agreed');
SELECT throws_ok(format($$SELECT sign_draft(%s, 'decree', '1', '2025-09-23')$$, :plan),
                 'IC506', NULL, 'R24: an act''s draft goes to signature only with its visas');
SELECT is((SELECT missing_visa FROM draft_state WHERE draft_id = :plan), 'the Head of the PA''s visa on paper (R24)',
          'R24: draft_state names the first visa still missing');
SELECT throws_ok(format($$SELECT visa_draft(%s, 'state_counsellor', 'paper', '2025-09-22')$$, :plan),
                 'IC506', NULL, 'R24: the State Counsellor does not visa an act on paper');
SELECT lives_ok(format($$SELECT visa_draft(%s, 'state_counsellor', 'electronic', '2025-09-22')$$, :plan),
                'R24: the State Counsellor visas electronically');
\o /dev/null
SELECT visa_draft(:plan, 'head_of_pa', 'paper', '2025-09-22');
SELECT visa_draft(:plan, 'general_department_head', 'paper', '2025-09-22');
\o
SELECT throws_ok(format($$SELECT sign_draft(%s, 'decree', '1', '2025-09-23')$$, :plan),
                 'IC506', NULL, 'R24: still without the supervising official''s visa');
SELECT lives_ok(format($$SELECT visa_draft(%s, 'secretary_sc', 'paper', '2025-09-22')$$, :plan),
                'R24: the supervising official visas on paper');

-- R37: disagreement on a national plan -----------------------------------------------------
SELECT throws_ok(format($$INSERT INTO draft_step (draft_id, step, on_date, decided_by, basis)
                          VALUES (%s, 'disagreement_resolved', '2025-09-22', 'prime_minister', 'deadlines')$$, :plan),
                 'IC503', NULL, 'R37: the Prime Minister does not settle a disagreement on a national plan');
SELECT throws_ok(format($$INSERT INTO draft_step (draft_id, step, on_date, decided_by, basis)
                          VALUES (%s, 'disagreement_resolved', '2025-09-22', 'head_of_pa', 'deadlines')$$, :act),
                 'IC503', NULL, 'R37: a draft that is no national plan has no R37 decision');
SELECT throws_ok(format($$INSERT INTO draft_step (draft_id, step, on_date, decided_by)
                          VALUES (%s, 'disagreement_resolved', '2025-09-22', 'head_of_pa')$$, :plan),
                 'IC505', NULL, 'R37: the decision states its basis');
SELECT lives_ok(format($$INSERT INTO draft_step (draft_id, step, on_date, decided_by, basis)
                         VALUES (%s, 'disagreement_resolved', '2025-09-22', 'head_of_pa', 'deadlines as the ministry proposes')$$, :plan),
                'R37: the Head of the PA settles it');

-- signature, the act and control ---------------------------------------------------------------
SELECT throws_ok(format($$SELECT put_on_control_from_draft(%s, 'act_point', 'pa', '2025-09-24', '1')$$, :plan),
                 'IC507', NULL, 'an unsigned draft''s points are not put on control');
SELECT is((SELECT (act_type, number, title, signed_on)::text FROM sign_draft(:plan, 'decree', '101', '2025-09-23')),
          '(decree,101,"A national plan",2025-09-23)', 'R24: with its visas the draft is signed and becomes an act');
SELECT is((SELECT (status, signed_on, act_id IS NOT NULL, missing_visa) FROM draft_state WHERE draft_id = :plan)::text,
          '(signed,2025-09-23,t,)', 'draft_state: signed, with its act');
SELECT is((SELECT (i.act_id = s.act_id, i.signed_on) FROM put_on_control_from_draft(:plan, 'act_point', 'pa', '2025-09-24', '1',
                                                                         term => '1 month', responsible_body_id => :min, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат') i,
                  draft_state s WHERE s.draft_id = :plan)::text,
          '(t,2025-09-23)', 'a point of the signed draft goes on control from its act, without entering the act again');
SELECT throws_ok(format($$SELECT visa_draft(%s, 'head_of_pa', 'paper', '2025-09-24')$$, :plan),
                 'IC507', NULL, 'a signed draft takes no further step');

-- R33: an instruction's visas, both media ------------------------------------------------------
\o /dev/null
SELECT visa_draft(:ins, p, 'paper', '2025-09-04')
  FROM unnest('{pa_unit_head,secretary_sc,general_department_head}'::text[]) p;
\o
SELECT throws_ok(format($$SELECT sign_draft(%s, 'instruction', '7', '2025-09-05')$$, :ins),
                 'IC506', NULL, 'R33: a draft instruction visaed on paper only is not signed');
\o /dev/null
SELECT visa_draft(:ins, p, 'electronic', '2025-09-04')
  FROM unnest('{pa_unit_head,secretary_sc,general_department_head}'::text[]) p;
\o
SELECT lives_ok(format($$SELECT sign_draft(%s, 'instruction', '7', '2025-09-05')$$, :ins),
                'R33: visaed electronically and on paper, the draft instruction is signed');

-- the journal's order and its rows ---------------------------------------------------------------
SELECT throws_ok(format($$SELECT return_draft(%s, 'shortcomings', '2025-08-31')$$, :act),
                 'IC502', NULL, 'journal: a step before receipt is refused');
SELECT throws_ok(format($$SELECT return_draft(%s, 'shortcomings', %L)$$, :act, current_date + 1),
                 'IC502', NULL, 'journal: a step in the future is refused');
SELECT throws_ok(format($$SELECT return_draft(%s, 'shortcomings', '2025-09-01')$$, :act),
                 'IC502', NULL, 'journal: a step before the draft''s last step is refused');
SELECT throws_ok(format($$SELECT return_draft(%s, ' ', '2025-09-04')$$, :act),
                 'IC505', NULL, 'a returned draft states its shortcomings');
SELECT throws_ok(format($$UPDATE draft_step SET basis = 'rewritten' WHERE draft_id = %s$$, :act),
                 'IC507', NULL, 'journal: draft_step is append-only');
SELECT throws_ok(format($$UPDATE draft SET received_on = '2025-09-10' WHERE id = %s$$, :act),
                 'IC507', NULL, 'R20: the day of receipt, from which the term counts, is fixed');
SELECT lives_ok(format($$UPDATE draft SET title = 'Another act, corrected title' WHERE id = %s$$, :act),
                'a receipt''s title may be corrected');

-- row security: a body's reader sees the drafts it submitted -----------------------------------
\o /dev/null
CREATE ROLE dr_reader_min NOLOGIN IN ROLE ic_reader;
INSERT INTO body_member (member, body_id) VALUES ('dr_reader_min', :min);
SELECT count(*) AS min_steps FROM draft_step s JOIN draft d ON d.id = s.draft_id WHERE d.submitted_by_body_id = :min \gset
\o
SET LOCAL ROLE dr_reader_min;
SELECT is((SELECT count(*) FROM draft_step), :min_steps::bigint,
          'RLS: a reader sees exactly the steps of its body''s drafts (by the body copied on each step)');
SELECT is((SELECT count(*)::int FROM draft_state WHERE submitted_by_body_id <> :min), 0,
          'RLS: a reader sees no draft of another body');
SELECT ok((SELECT count(*) FROM draft_state WHERE draft_id = :plan) = 1
          AND (SELECT count(*) FROM draft_step WHERE draft_id = :plan) > 0,
          'RLS: a reader sees its body''s drafts and their steps');
SELECT throws_ok(format($$SELECT receive_draft('act', %s, 'first_head', '2025-09-01')$$, :min),
                 '42501', NULL, 'a reader does not receive drafts');
RESET ROLE;

-- the class: every step of the journal carries its draft's body, whichever
-- function or INSERT wrote it (issue 19: readers' row security reads it)
SELECT is((SELECT count(*) FROM draft_step s JOIN draft d ON d.id = s.draft_id
            WHERE s.submitted_by_body_id IS DISTINCT FROM d.submitted_by_body_id), 0::bigint,
          'R13, issue 19: every step of every draft carries the body of its draft');
SELECT ok((SELECT count(*) FROM draft_step) >= 10, '... over the steps this test wrote');

SELECT * FROM finish();
ROLLBACK;
