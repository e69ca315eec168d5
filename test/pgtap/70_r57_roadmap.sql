-- Roadmaps read right (issue 18): R57's approver derived from the drafting body (state_body), R57's
-- 5 working days as the PA's term for agreeing, counted from the submission to the PA (the dates
-- checked, the delay reported), R56/R59 cited for the roadmap's own due date, R59's reading of an
-- earlier R56 roadmap, and R72 on a repeated transfer (R69.1 «бір реттен асырмай», R72
-- «қайталап ұзарту»).  Allowed and refused cases, each naming its rule.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(47);

CREATE FUNCTION pg_temp.ev(iid bigint) RETURNS text[] LANGUAGE sql AS $$
  SELECT coalesce(array_agg(e.kind || '/' || e.period || '/' || e.addressee || '/' || e.rule_id
                            ORDER BY e.kind, e.period), '{}')
    FROM instruction_control.event e WHERE e.instruction_id = iid $$;
\ir include/helpers.psql

\o /dev/null
INSERT INTO state_body (code, name, body_type, inside_government, directly_subordinate_to_president) VALUES
  ('R57_GOV', 'Ministry inside the Government', 'central', true, false),
  ('R57_OUT', 'Agency outside the Government', 'central', false, false),
  ('R57_DIR', 'Agency directly subordinate to the President', 'central', true, true),
  ('R57_LOC', 'Regional akimat', 'local', false, false),
  ('R57_ORG', 'Subordinate organisation', 'organisation', false, false);
SELECT id AS gov FROM state_body WHERE code = 'R57_GOV' \gset
SELECT id AS out FROM state_body WHERE code = 'R57_OUT' \gset
SELECT id AS dir FROM state_body WHERE code = 'R57_DIR' \gset
SELECT id AS loc FROM state_body WHERE code = 'R57_LOC' \gset
SELECT id AS org FROM state_body WHERE code = 'R57_ORG' \gset

-- Instructions asking for a roadmap (R56: 8 months, two bodies): due 10 working days from 1 Sep 2025.
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '8 months', responsible_body_id => :gov,
                       co_executor_ids => ARRAY[:out], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i_gov \gset
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '8 months', responsible_body_id => :out,
                       co_executor_ids => ARRAY[:gov], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i_out \gset
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '8 months', responsible_body_id => :loc,
                       co_executor_ids => ARRAY[:gov], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i_loc \gset
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '8 months', responsible_body_id => :gov,
                       co_executor_ids => ARRAY[:loc], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i_late \gset
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '8 months', responsible_body_id => :gov,
                       co_executor_ids => ARRAY[:loc], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i_none \gset
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '8 months', responsible_body_id => :out,
                       co_executor_ids => ARRAY[:loc], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i_dates \gset
\o

-- ---------------------------------------------------------------------------
-- R57 approvers: the drafter must fit the body, so the approver is the body's.
-- ---------------------------------------------------------------------------
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'central_interdepartmental', 'deputy_prime_minister', %s, '2025-09-10')$$, :i_gov, :gov),
  'R57: a body inside the Government drafts an interdepartmental roadmap, approved by the Deputy Prime Minister');
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'central_outside_government', 'first_head', %s, '2025-09-10')$$, :i_gov, :gov),
  'IC109', NULL, 'R57: a body inside the Government may not declare itself outside it to be approved by its own head');
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'central_interdepartmental', 'deputy_prime_minister', %s, '2025-09-10')$$, :i_out, :out),
  'IC109', NULL, 'R57: a body outside the Government is not approved by the Government (inside_government is read)');
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'central_outside_government', 'first_head', %s, '2025-09-10')$$, :i_out, :out),
  'R57: a body outside the Government: its first head approves');
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'central_outside_government', 'first_head', %s, '2025-09-10')$$, :i_out, :dir),
  'R57: a body directly subordinate to the President counts as outside the Government: its first head');
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'local', 'akim', %s, '2025-09-10')$$, :i_loc, :loc),
  'R57: a local executive body: the akim approves');
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'central_interdepartmental', 'deputy_prime_minister', %s, '2025-09-10')$$, :i_loc, :loc),
  'IC109', NULL, 'R57: a local executive body may not declare a central body''s drafter');
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'local', 'akim', approved_on => '2025-09-10')$$, :i_gov),
  'IC109', NULL, 'R57: without drafted_by_body_id the responsible body is read (a ministry is no akimat)');
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'executor_only', 'first_head', %s, '2025-09-10')$$, :i_gov, :org),
  'R57: an organisation''s roadmap of its own measures is approved by its first head');
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'local', 'akim', %s, '2025-09-10')$$, :i_gov, :org),
  'IC109', NULL, 'R57: an organisation may not declare a local body''s drafter');
SELECT matches((pg_temp.err(format($$SELECT register_roadmap(%s, 'central_outside_government', 'first_head', %s, '2025-09-10')$$, :i_gov, :gov))).hint,
  'central_interdepartmental', 'R57: the refusal names the drafter the body fits');

-- ---------------------------------------------------------------------------
-- R57, 5 working days: the PA agrees within 5 working days of the submission;
-- the dates are checked at registration and in the two API steps.
-- ---------------------------------------------------------------------------
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'executor_only', 'first_head', approved_on => '2025-09-10', agreed_with_pa_on => '2025-08-01')$$, :i_dates),
  'IC109', NULL, 'R57: an agreement with the PA dated before receipt and without a submission is refused');
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'executor_only', 'first_head', approved_on => '2025-09-10', submitted_to_pa_on => '2025-08-29')$$, :i_dates),
  'IC109', NULL, 'R57: a submission to the PA before the instruction was received is refused');
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'executor_only', 'first_head', approved_on => '2025-09-10', submitted_to_pa_on => '2025-09-02', agreed_with_pa_on => '2025-09-05')$$, :i_dates),
  'IC109', NULL, 'R57: an agreement with the PA before the roadmap was approved is refused');
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'executor_only', 'first_head', approved_on => '2025-09-10', submitted_to_pa_on => '2025-09-10', agreed_with_pa_on => current_date + 1)$$, :i_dates),
  'IC109', NULL, 'R57: an agreement with the PA dated in the future is refused');
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'executor_only', 'first_head', approved_on => '2025-09-10', submitted_to_pa_on => '2025-09-10', agreed_with_pa_on => '2025-09-12')$$, :i_dates),
  'R57: a roadmap submitted on its approval day and agreed two working days later is registered');
SELECT is((SELECT (submitted_to_pa_on, agreed_with_pa_on)::text FROM roadmap WHERE instruction_id = :i_dates), '(2025-09-10,2025-09-12)',
  'R57: the submission and the agreement are recorded');

-- The steps: the roadmap of :i_late is approved, then submitted, and the PA is late.
\o /dev/null
SELECT id AS rm_late FROM register_roadmap(:i_late, 'central_interdepartmental', 'head_of_government_office', :gov, '2025-09-08') \gset
SELECT id AS rm_gov FROM roadmap WHERE instruction_id = :i_gov AND drafter = 'central_interdepartmental' \gset
\o
SELECT throws_ok(format($$SELECT agree_roadmap_with_pa(%s, '2025-09-09')$$, :rm_late),
  'IC109', NULL, 'R57: the PA''s agreement before any submission is refused');
SELECT throws_ok(format($$SELECT submit_roadmap_to_pa(%s, current_date + 1)$$, :rm_late),
  'IC109', NULL, 'R57: a submission to the PA dated in the future is refused');
SELECT lives_ok(format($$SELECT submit_roadmap_to_pa(%s, '2025-09-10')$$, :rm_late),
  'R57: the roadmap''s submission to the PA is recorded (submit_roadmap_to_pa)');
SELECT throws_ok(format($$SELECT submit_roadmap_to_pa(%s, '2025-09-11')$$, :rm_late),
  'IC111', NULL, 'R57: the submission is written once (the roadmap stays append-only)');
SELECT throws_ok(format($$SELECT agree_roadmap_with_pa(%s, '2025-09-09')$$, :rm_late),
  'IC109', NULL, 'R57: an agreement dated before the submission is refused');
SELECT throws_ok(format($$UPDATE roadmap SET approved_by = 'president' WHERE id = %s$$, :rm_late),
  'IC111', NULL, 'R57: any other change of a roadmap is refused');
SELECT throws_ok($$SELECT submit_roadmap_to_pa(9223372036854775807, '2025-09-10')$$,
  '23503', NULL, 'R57: a submission names a registered roadmap');
SELECT lives_ok(format($$SELECT submit_roadmap_to_pa(%s, '2025-09-10')$$, :rm_gov),
  'R57: another roadmap is submitted the same day');
SELECT lives_ok(format($$SELECT agree_roadmap_with_pa(%s, '2025-09-16')$$, :rm_gov),
  'R57: and agreed on the 4th working day (agree_roadmap_with_pa)');
SELECT throws_ok(format($$SELECT agree_roadmap_with_pa(%s, '2025-09-17')$$, :rm_gov),
  'IC111', NULL, 'R57: the agreement is written once');

-- As a non-superuser: the executor submits, only the controller records the PA's agreement.
\o /dev/null
CREATE ROLE tap_r57_exec LOGIN IN ROLE ic_executor;
INSERT INTO body_member VALUES ('tap_r57_exec', :gov);
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '8 months', responsible_body_id => :gov,
                       co_executor_ids => ARRAY[:loc], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i_ex \gset
SELECT id AS rm_ex FROM register_roadmap(:i_ex, 'executor_only', 'first_head', :gov, '2025-09-08') \gset
SELECT id AS rm_other FROM register_roadmap(:i_out, 'executor_only', 'first_head', :out, '2025-09-10') \gset
\o
SET LOCAL ROLE tap_r57_exec;
SELECT lives_ok(format($$SELECT submit_roadmap_to_pa(%s, '2025-09-09')$$, :rm_ex),
  'R57: the executor submits its roadmap to the PA');
SELECT throws_ok(format($$SELECT agree_roadmap_with_pa(%s, '2025-09-10')$$, :rm_ex),
  '42501', NULL, 'R57: the executor cannot record the PA''s agreement');
SELECT throws_ok(format($$SELECT submit_roadmap_to_pa(%s, '2025-09-10')$$, :rm_other),
  '23503', NULL, 'R57: the executor cannot submit another body''s roadmap (it does not see it)');
RESET ROLE;

-- ---------------------------------------------------------------------------
-- The sweep: the PA's late agreement (R57); the roadmap's own due date is R56's (R59's).
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
-- ---------------------------------------------------------------------------
\o /dev/null
-- R59: transfers to long-term control, one with an R56 roadmap approved before, one without
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '8 months', responsible_body_id => :gov,
                       co_executor_ids => ARRAY[:loc], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')).id AS i_r59ok \gset
SELECT register_roadmap(:i_r59ok, 'central_interdepartmental', 'deputy_prime_minister', :gov, '2025-09-02');
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS i_r59 \gset
\o
SELECT is((SELECT roadmap_due_date FROM transfer_control(:i_r59ok, 'long_term', '2027-12-31', 'head_of_pa', 'c',
                                                          'effect on strategic indicators', decided_on => '2025-09-03', evidence => '{pa_expert_conclusion}')),
  NULL, 'R59: a roadmap registered under R56 before the transfer is the roadmap R59 asks for (no new one due)');
SELECT is((SELECT roadmap_due_date FROM transfer_control(:i_r59, 'long_term', '2027-12-31', 'head_of_pa', 'c',
                                                          'effect on strategic indicators', decided_on => '2025-09-03', evidence => '{pa_expert_conclusion}')),
  add_working_days('2025-09-03', 10, 'KZ'), 'R59: without a roadmap one is due in 10 working days, R56''s term');

\o /dev/null
CALL sweep('2025-09-18');
\o
SELECT ok(format('roadmap_agreement_late/%s/head_of_pa/R57', add_working_days('2025-09-10', 5, 'KZ')) = ANY (pg_temp.ev(:i_late)),
  'R57: a roadmap submitted and not agreed within 5 working days is reported to the Head of the PA');
SELECT is((SELECT count(*)::int FROM event WHERE instruction_id IN (:i_gov, :i_dates) AND kind = 'roadmap_agreement_late'), 0,
  'R57: roadmaps the PA agreed within its 5 working days raise nothing (quiet)');
SELECT is((SELECT count(*)::int FROM event WHERE instruction_id = :i_none AND kind = 'roadmap_not_approved'), 0,
  'R56: a missing roadmap is not escalated within the escalation grace period (the project''s setting, quiet)');
SELECT ok(format('roadmap_missing/%s/controller/R56', add_working_days('2025-09-01', 10, 'KZ')) = ANY (pg_temp.ev(:i_none)),
  'R56: the missing roadmap is flagged to the controller');
SELECT is((SELECT (detail ->> 'term_rule') || '/' || (detail ->> 'working_days') FROM event
            WHERE instruction_id = :i_r59 AND kind = 'roadmap_missing'), 'R56/10',
  'R59: the missing roadmap after a transfer says its 10 working days are R56''s');

\o /dev/null
CALL sweep('2025-09-26');
\o
SELECT ok(format('roadmap_not_approved/%s/head_of_pa/R56', add_working_days('2025-09-01', 10, 'KZ')) = ANY (pg_temp.ev(:i_none)),
  'R56: a roadmap still missing after the grace period is escalated, cited R56 (not R57)');
SELECT ok(format('roadmap_not_approved/%s/head_of_pa/R59', add_working_days('2025-09-03', 10, 'KZ')) = ANY (pg_temp.ev(:i_r59)),
  'R59: a roadmap still missing after a long-term transfer is escalated, cited R59');
SELECT is((SELECT count(*)::int FROM event WHERE rule_id = 'R57' AND kind <> 'roadmap_agreement_late'), 0,
  'R57 is cited only for the PA''s agreement');
SELECT is((SELECT count(*)::int FROM event WHERE instruction_id = :i_r59ok AND kind LIKE 'roadmap%'), 0,
  'R59: the R56 roadmap satisfies the transfer: no roadmap event (quiet)');

-- The roadmap view reads the PA's agreement against its 5 working days.
SELECT is((SELECT (pa_agreement_due, pa_agreement_status)::text FROM report_roadmap WHERE roadmap_id = :rm_late),
  format('(%s,late)', add_working_days('2025-09-10', 5, 'KZ')), 'R57: report_roadmap shows the PA''s agreement late');
SELECT is((SELECT (pa_agreement_status, pa_working_days)::text FROM report_roadmap WHERE roadmap_id = :rm_gov),
  '(agreed_in_time,4)', 'R57: report_roadmap shows an agreement within the 5 working days');

-- ---------------------------------------------------------------------------
-- R72 and transfers: R69.1 «бір реттен асырмай» covers transfers; R72 relaxes «қайталап ұзарту».
-- With repeated_transfer_review on (default) a repeated transfer is R72's repeated extension.
-- ---------------------------------------------------------------------------
\o /dev/null
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS i_tr \gset
SELECT transfer_control(:i_tr, 'medium_term', '2026-06-30', 'head_of_pa', 'conclusion 1', 'external circumstances',
                        decided_on => '2025-09-05', evidence => '{pa_expert_conclusion}');
SELECT (put_on_control('act_point', 'pa', '2025-09-01', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS i_tr2 \gset
SELECT transfer_control(:i_tr2, 'medium_term', '2026-06-30', 'head_of_pa', 'conclusion 1', 'external circumstances',
                        decided_on => '2025-09-05', evidence => '{pa_expert_conclusion}');
\o
SELECT throws_ok(format($$SELECT transfer_control(%s, 'long_term', '2027-12-30', 'head_of_pa', 'conclusion 2', 'effect on indicators', decided_on => '2025-10-01', evidence => '{pa_expert_conclusion}')$$, :i_tr),
  'IC102', NULL, 'R69.1/R72.2: a repeated transfer (medium to long) without the disciplinary review is refused');
SELECT matches((pg_temp.err(format($$SELECT transfer_control(%s, 'long_term', '2027-12-30', 'head_of_pa', 'conclusion 2', 'effect on indicators', decided_on => '2025-10-01', evidence => '{pa_expert_conclusion}')$$, :i_tr))).hint,
  '«бір реттен асырмай».*«қайталап ұзарту».*repeated_transfer_review', 'R72: the refusal explains the reading with both phrases and the setting');
SELECT lives_ok(format($$SELECT transfer_control(%s, 'long_term', '2027-12-30', 'head_of_pa', 'conclusion 2', 'effect on indicators', 'order No. 4 on disciplinary responsibility', decided_on => '2025-10-01', evidence => '{pa_expert_conclusion}')$$, :i_tr),
  'R72.2: the repeated transfer with the decision on disciplinary responsibility is allowed');
SET LOCAL instruction_control.repeated_transfer_review = off;
SELECT lives_ok(format($$SELECT transfer_control(%s, 'long_term', '2027-12-30', 'head_of_pa', 'conclusion 2', 'effect on indicators', decided_on => '2025-10-01', evidence => '{pa_expert_conclusion}')$$, :i_tr2),
  'R72: with repeated_transfer_review off a repeated transfer passes without the review (R72 names extension only)');
RESET instruction_control.repeated_transfer_review;

SELECT * FROM finish();
ROLLBACK;
