-- Registry: extensions, transfers and new deadlines (R69, R70, R72, R74, R74-1, R59).
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(46);

-- pg_temp.err(sql): the error a statement raises, with its DETAIL and HINT
\ir include/helpers.psql

INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS a \gset

-- R69.1: one extension, by the President or the Head of the PA, on a basis.
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'pa_unit_head', 'conclusion 1', evidence => '{pa_expert_conclusion}')$$, :a),
  'IC101', 'decider may not take this decision (R69.1)', 'R69.1: a PA unit head may not extend');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', NULL)$$, :a),
  'IC114', 'decision has no basis (R69.1)', 'R69.1: an extension needs an expert conclusion or agreement');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-03-17', 'head_of_pa', 'conclusion 1', evidence => '{pa_expert_conclusion}')$$, :a),
  'IC108', 'new deadline is not later than the current one (R69.1)', 'R69.1: an extension moves the deadline later');
SELECT is((extend_deadline(:a, '2025-04-15', 'head_of_pa', 'conclusion 1', decided_on => '2025-03-03', evidence => '{pa_expert_conclusion}')).old_due_date,
  '2025-03-18'::date, 'R69.1: the first extension by the Head of the PA is accepted and journals the old due date');
SELECT is((SELECT due_date FROM instruction WHERE id = :a), '2025-04-15'::date, 'R69.1: the extension is applied');
SELECT is((SELECT original_due_date FROM instruction WHERE id = :a), '2025-03-18'::date, 'R69.1: the original due date stays');

-- R69.1 / R72.2: a repeated extension.
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-05-15', 'head_of_pa', 'conclusion 2', evidence => '{pa_expert_conclusion}')$$, :a),
  'IC102', 'repeated extension needs the decision on disciplinary responsibility (R72.2)', 'R69.1/R72.2: a second extension without review is refused, citing R72.2');
SELECT is((pg_temp.err(format($$SELECT extend_deadline(%s, '2025-05-15', 'head_of_pa', 'conclusion 2', evidence => '{pa_expert_conclusion}')$$, :a))).detail,
  format('Instruction %s was already extended on 2025-03-03 by head_of_pa (R69.1 allows one extension or transfer).', :a),
  'R69.1: DETAIL gives when and by whom it was extended');
SELECT matches((pg_temp.err(format($$SELECT extend_deadline(%s, '2025-05-15', 'head_of_pa', 'conclusion 2', evidence => '{pa_expert_conclusion}')$$, :a))).hint,
  'disciplinary_review.*R72\.2', 'R72.2: HINT says a repeated extension needs disciplinary_review');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-05-15', 'pa_unit_head', 'c2', 'review of heads', evidence => '{pa_expert_conclusion}')$$, :a),
  'IC101', 'decider may not take this decision (R72.2)', 'R72.2: a repeated extension by a PA unit head is refused');
SELECT is((extend_deadline(:a, '2025-05-15', 'head_of_pa', 'conclusion 2', 'disciplinary review opened',
                           decided_on => '2025-04-10', evidence => '{pa_expert_conclusion}')).repeated, true,
  'R72.2: a repeated extension with disciplinary review by the Head of the PA is accepted and marked repeated');
SELECT is((SELECT measures_due_date FROM decision WHERE instruction_id = :a AND repeated), '2025-05-12'::date,
  'R72.4: information on measures is due within one month, rolled to a working day (Sat 10 May -> Mon 12 May)');

-- R72.4: the measures report follows a repeated extension only.
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS b \gset
SELECT throws_ok(format($$SELECT submit_report(%s, 'measures', 'measures taken')$$, :b),
  'IC113', 'information on measures taken follows a repeated extension only (R72.4)',
  'R72.4: a measures report without a repeated extension is refused');
SELECT lives_ok(format($$SELECT submit_report(%s, 'measures', 'disciplinary measures taken')$$, :a),
  'R72.4: a measures report after a repeated extension is accepted');
SELECT lives_ok(format($$SELECT submit_report(%s, 'intermediate', 'half done', period_end => '2025-03-31')$$, :b),
  'R66-1: an intermediate report on an instruction on control is accepted');

-- R69.2 / R72.3 / R70.5: Security Council decisions.
SELECT (put_on_control('security_council', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS sc \gset
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$, :sc),
  'IC101', 'decider may not take this decision (R69.2)', 'R69.2: the Head of the PA may not extend an SC instruction');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'secretary_sc', 'c', evidence => '{pa_expert_conclusion}')$$, :sc),
  'R69.2: the Secretary of the SC extends an SC instruction');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-05-15', 'head_of_pa', 'c', 'review', evidence => '{pa_expert_conclusion}')$$, :sc),
  'IC101', 'decider may not take this decision (R72.3)', 'R72.3: a repeated SC extension by the Head of the PA is refused');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-05-15', 'president', 'c', 'review', evidence => '{pa_expert_conclusion}')$$, :sc),
  'R72.3: a repeated SC extension by the President with review is accepted');
SELECT throws_ok(format($$SELECT set_new_deadline(%s, '2025-06-16', 'head_of_pa', 'c', 'quarantine', evidence => '{pa_expert_conclusion}')$$, :sc),
  'IC101', 'decider may not take this decision (R70.5)', 'R70.5: the Head of the PA may not set a new SC deadline');
SELECT lives_ok(format($$SELECT set_new_deadline(%s, '2025-06-16', 'secretary_sc', 'c', 'quarantine', evidence => '{pa_expert_conclusion}')$$, :sc),
  'R70.5: the Secretary of the SC sets a new SC deadline');

-- R72.1: national action plan.
SELECT (put_on_control('national_plan', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS np \gset
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$, :np),
  'R72.1: the first extension of a national-plan item follows R69.1');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-05-15', 'head_of_pa', 'c', 'review', evidence => '{pa_expert_conclusion}')$$, :np),
  'IC101', 'decider may not take this decision (R72.1)', 'R72.1: a repeated national-plan extension by the Head of the PA is refused');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-05-15', 'president', 'c', 'review of first heads', evidence => '{pa_expert_conclusion}')$$, :np),
  'R72.1: the President extends a national-plan item again with review');

-- R74: personal instructions are extended only by the President.
SELECT (put_on_control('personal', 'pa', '2025-03-11', signed_on => '2025-03-10', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS p \gset
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$, :p),
  'IC101', 'decider may not take this decision (R74)', 'R74: the Head of the PA may not extend a personal instruction');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'president', 'c', evidence => '{pa_expert_conclusion}')$$, :p),
  'R74: the President extends a personal instruction');
SELECT (put_on_control('personal_published', 'pa', '2025-03-11', signed_on => '2025-03-10', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS pp \gset
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$, :pp),
  'R74: a published personal instruction follows the general rules');

-- R69.3 / R69.4 / R59: transfers.
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS t \gset
SELECT throws_ok(format($$SELECT transfer_control(%s, 'medium_term', '2025-12-31', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$, :t),
  'IC103', 'transfer states no circumstances (R69.3)', 'R69.3: a transfer without circumstances is refused');
SELECT throws_ok(format($$SELECT transfer_control(%s, 'regular', '2025-12-31', 'head_of_pa', 'c', 'sanctions', evidence => '{pa_expert_conclusion}')$$, :t),
  'IC103', 'instruction can be transferred only to medium-term or long-term control (R69.3)',
  'R69.3: a transfer to regular control is refused');
SELECT is((transfer_control(:t, 'long_term', '2027-12-31', 'head_of_pa', 'c', 'effect on strategic indicators',
                            decided_on => '2025-03-06', evidence => '{pa_expert_conclusion}')).roadmap_due_date,
  '2025-03-26'::date, 'R69.4/R59: transfer to long-term control makes a roadmap due in 10 working days (Nauryz counted out)');
SELECT is((SELECT (regime, due_date, roadmap_due_date)::text FROM instruction WHERE id = :t),
  '(long_term,2027-12-31,2025-03-26)', 'R69.4: regime, due date and roadmap due date are applied');
SELECT throws_ok(format($$UPDATE instruction SET roadmap_due_date = NULL WHERE id = %s$$, :t),
  'IC111', NULL, 'R59: the roadmap requirement of a long-term instruction cannot be dropped by UPDATE');
SELECT throws_ok(format($$SELECT transfer_control(%s, 'medium_term', '2027-12-29', 'head_of_pa', 'c', 'x', 'review', evidence => '{pa_expert_conclusion}')$$, :t),
  'IC103', 'instruction is already under this or a longer control regime (R69.3)',
  'R69.3: long-term control is not transferred back to medium-term');
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS t2 \gset
SELECT is((transfer_control(:t2, 'medium_term', '2026-06-30', 'president', 'c', 'external circumstances', evidence => '{pa_expert_conclusion}')).new_regime::text,
  'medium_term', 'R69.3: transfer to medium-term control with circumstances is accepted');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2026-12-31', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$, :t2),
  'IC102', NULL, 'R69.1: a transfer is the one change; a later extension is repeated');

-- R70.4: a new deadline for an emergency does not count as the extension.
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS n \gset
SELECT throws_ok(format($$SELECT set_new_deadline(%s, '2025-04-30', 'head_of_pa', 'letter of the ministry', NULL, evidence => '{pa_expert_conclusion}')$$, :n),
  'IC104', 'a new deadline is set only because of an emergency, a state of emergency or a quarantine (R70.4)',
  'R70.4: a new deadline without an emergency reason is refused');
SELECT throws_ok(format($$SELECT set_new_deadline(%s, '2025-04-30', 'head_of_pa', '', 'quarantine')$$, :n),
  'IC114', 'decision has no basis (R70.4)', 'R70.4: a new deadline needs an expert conclusion or a letter');
SELECT is((set_new_deadline(:n, '2025-04-30', 'head_of_pa', 'letter of the ministry', 'quarantine', evidence => '{pa_expert_conclusion}')).repeated, false,
  'R70.4: a new deadline for a quarantine is accepted and is not an extension');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-05-30', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$, :n),
  'R70.4: after a new deadline the first extension is still a first one');

-- R74-1: below PA level the administrator's table decides.
SELECT (put_on_control('act_point', 'central', '2025-03-03', term => '10 wd')).id AS c \gset
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'c', evidence => '{pa_expert_conclusion}')$$, :c),
  'IC101', 'decider may not take this decision (R74-1)', 'R74-1: at central level the Head of the PA is not listed');
SELECT results_eq(format($$SELECT decider::text, rule FROM who_may_decide(%s, 'extension')$$, :c),
  $$VALUES ('first_head', 'R74-1')$$, 'R74-1: who_may_decide lists the seeded first head at central level');
SET LOCAL instruction_control.change_basis = 'internal regulation (test)';
UPDATE decision_authority SET enabled = false WHERE level = 'central' AND action = 'extension' AND decider = 'first_head';
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'first_head', 'c', evidence => '{pa_expert_conclusion}')$$, :c),
  'IC101', 'decider may not take this decision (R74-1)', 'R74-1: a disabled authority no longer decides');
INSERT INTO decision_authority (level, action, decider, basis) VALUES ('central', 'extension', 'deputy_prime_minister', 'internal regulation');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'deputy_prime_minister', 'c', evidence => '{pa_expert_conclusion}')$$, :c),
  'R74-1: an authority the administrator adds decides');
SELECT results_eq(format($$SELECT decider::text, rule FROM who_may_decide(%s, 'removal')$$, :a),
  $$VALUES ('president', 'R76.1'), ('head_of_pa', 'R76.1')$$, 'R76.1: who_may_decide at PA level comes from the same rules');

-- A refused decision leaves nothing behind.
SELECT is((SELECT count(*) FROM decision WHERE instruction_id = :b)::int, 0, 'refused decisions leave no journal entry');
SELECT is((SELECT due_date FROM instruction WHERE id = :b), '2025-03-18'::date, 'refused decisions leave the due date');

SELECT * FROM finish();
ROLLBACK;
