-- The control registry, from putting on control to removal.  Errors below are
-- the decree refusing decisions; the demo shows them on purpose.
\set ON_ERROR_STOP 0
\set VERBOSITY default
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';

-- ministries are inside the Government: R57 reads it for a roadmap's approver
INSERT INTO state_body (code, name, name_ru, body_type, sector, inside_government) VALUES
  ('MINFIN',  'Ministry of Finance',            'Министерство финансов',             'central', 'finance', true),
  ('MINHEALTH', 'Ministry of Health',           'Министерство здравоохранения',      'central', 'health care', true),
  ('MINEDU',  'Ministry of Enlightenment',      'Министерство просвещения',          'central', 'education', true),
  ('ALMATY',  'Akimat of Almaty',               'Акимат города Алматы',              'local',   'regional development', false);

INSERT INTO act (external_ref, act_type, number, title, signed_on) VALUES
  ('DOC-2025-001', 'address', NULL, 'Address of the President to the people of Kazakhstan', '2025-03-01'),
  ('DOC-2025-002', 'meeting', 'M-14', 'Extended meeting of the Government', '2025-02-27');

\echo '-- Put on control: due dates counted in working days from receipt (R50.3)'
SELECT i.id, i.point, i.kind, i.level, i.received_on, i.term, i.due_date, i.roadmap_due_date
  FROM (VALUES
    ('1.42-1', 'act_point', '10 working days', 'MINFIN', '{}'::text[], false),
    ('2',      'act_point', '8 months',        'MINHEALTH', '{MINEDU}', false),
    ('3.5)',   'act_point', '2 weeks',          'MINEDU', '{}', true)
  ) AS v(point, kind, term, body, co, new_approaches),
  LATERAL put_on_control(v.kind::instruction_kind, 'pa', '2025-03-03', term => v.term::term,
                         act_id => (SELECT id FROM act WHERE external_ref = 'DOC-2025-001'),
                         point => v.point::point_ref,
                         responsible_body_id => (SELECT id FROM state_body WHERE code = v.body),
                         co_executor_ids => ARRAY(SELECT id FROM state_body WHERE code = ANY (v.co)),
                         new_approaches => v.new_approaches,
                         pa_unit => 'Department of Economic Policy', completion_form => 'information to the PA',
                         content => 'Point ' || v.point || ' of the Address') AS i;

\echo '-- A personal instruction: two weeks from signing (R51)'
SELECT id, kind, signed_on, due_date FROM put_on_control('personal', 'pa', '2025-03-11', signed_on => '2025-03-10',
  content => 'Report on the heating season', responsible_body_id => (SELECT id FROM state_body WHERE code = 'MINEDU'),
  pa_unit => 'Department of Social Policy', completion_form => 'information to the PA');

\echo '-- Extend once (R69.1) ...'
SELECT id, kind, old_due_date, new_due_date, decided_by FROM extend_deadline(1, '2025-04-15', 'head_of_pa', 'expert conclusion No. 12', decided_on => '2025-03-12', evidence => '{pa_expert_conclusion}');
\echo '-- ... a second time is refused without the disciplinary review (R72.2)'
SELECT * FROM extend_deadline(1, '2025-05-15', 'head_of_pa', 'expert conclusion No. 20', decided_on => '2025-04-10', evidence => '{pa_expert_conclusion}');
SELECT id, kind, new_due_date, repeated, measures_due_date
  FROM extend_deadline(1, '2025-05-15', 'head_of_pa', 'expert conclusion No. 20', 'order No. 7 on disciplinary review',
                       decided_on => '2025-04-10', evidence => '{pa_expert_conclusion}');

\echo '-- A personal instruction is extended only by the President (R74)'
SELECT * FROM extend_deadline(4, '2025-04-30', 'head_of_pa', 'letter', decided_on => '2025-03-20', evidence => '{pa_expert_conclusion}');

\echo '-- Transfer to long-term control makes a roadmap due (R69.4, R59); the roadmap is approved (R57)'
SELECT id, kind, new_regime, new_due_date, roadmap_due_date
  FROM transfer_control(2, 'long_term', '2027-12-31', 'president', 'expert conclusion',
                        reason => 'effect on strategic indicators', decided_on => '2025-06-02', evidence => '{pa_expert_conclusion}');
SELECT id, drafter, approved_by FROM register_roadmap(2, 'central_interdepartmental', 'deputy_prime_minister', document_ref => 'RM-7',
                        approved_on => '2025-06-11');

\echo '-- A direct UPDATE that bypasses the journal is refused'
UPDATE instruction SET due_date = '2025-12-31' WHERE id = 3;

\echo '-- Reports and removal (R75, R76.1)'
SELECT id, kind, submitted_on FROM submit_report(3, 'final', 'Executed in full', submitted_on => '2025-03-14');
SELECT * FROM remove_from_control(3, 'executed', 'pa_unit_head', '{official_report}', decided_on => '2025-03-17');
SELECT id, kind, ground, decided_by FROM remove_from_control(3, 'executed', 'head_of_pa', '{official_report}', 'report of 14.03.2025',
                           decided_on => '2025-03-17');

\echo '-- Who may decide is data: the decision matrix (R69-R77, R74-1), and a refusal names its rule for the UI'
SELECT precedence, action, level, kind_class, repeated, deciders, rule_id
  FROM decision_matrix WHERE level IS DISTINCT FROM 'organisation' ORDER BY precedence LIMIT 12;
SELECT decider, rule, (SELECT title_ru FROM rule WHERE id = w.rule) AS rule_ru FROM who_may_decide(2, 'removal') w;

\echo '-- Many decisions in one statement: the same rules, all or nothing'
SELECT (put_on_control('event', 'government', '2025-03-03', term => '15 wd')).id AS g1 \gset
SELECT (put_on_control('event', 'government', '2025-03-03', term => '20 wd')).id AS g2 \gset
SELECT instruction_id, seq, old_due_date, new_due_date, decided_by
  FROM extend_deadlines(ARRAY[:g1, :g2], ARRAY['2025-05-05', '2025-05-12']::date[], 'prime_minister',
                        'letter of the Government Office No. 4', decided_on => '2025-03-20', evidence => '{pa_expert_conclusion}');

\echo '-- The registry and its journal'
SELECT id, point, kind, level, regime, original_due_date, due_date, status FROM instruction ORDER BY id;
SELECT id, instruction_id, kind, decided_by, decided_on, old_due_date, new_due_date, repeated FROM decision ORDER BY id;
\echo '-- Names for people (kk, ru)'
SELECT d.code, label('decider', d.code, 'kk') AS kk, label('decider', d.code, 'ru') AS ru
  FROM (SELECT DISTINCT decided_by::text AS code FROM decision) d ORDER BY 1;
