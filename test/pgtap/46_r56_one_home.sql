-- R56 has one home (issue 21, item 4): the roadmap due date the guard writes when an instruction is
-- put on control and the one a replay of a past day computes (sweep_state_as_of, after a later R59
-- transfer has overwritten the instruction's column) come from the same C rule, roadmap_due_on_receipt().
-- Generated over a quarter of receipt days and the terms around six months, so every way a term can
-- end on a non-working day is met (README, Interpretations: R56 measures the term to its nominal end).
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(5);

CREATE ROLE tap_r56_controller LOGIN IN ROLE ic_controller;
CREATE TEMP TABLE r56 (id bigint, received_on date, term term, bodies int, on_receipt date);
GRANT ALL ON r56 TO tap_r56_controller;

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES
  ('R56_MIN1', 'Ministry one', 'central'), ('R56_MIN2', 'Ministry two', 'central');
SELECT id AS b1 FROM state_body WHERE code = 'R56_MIN1' \gset
SELECT id AS b2 FROM state_body WHERE code = 'R56_MIN2' \gset

-- The controller puts them on control (a role holding only ic_controller).
SET SESSION AUTHORIZATION tap_r56_controller;
INSERT INTO r56 (id, received_on, term, bodies, on_receipt)
SELECT i.id, i.received_on, i.term, g.bodies, i.roadmap_due_date
  FROM generate_series(date '2025-01-01', date '2025-03-31', interval '1 day') AS r(day),
       unnest(ARRAY['6 months', '182 days', '26 weeks', '7 months']::term[]) AS t(term),
       (VALUES (1), (2)) AS g(bodies),
       LATERAL put_on_control('act_point', 'pa', r.day::date, term => t.term, responsible_body_id => :b1,
                              co_executor_ids => CASE g.bodies WHEN 2 THEN ARRAY[:b2]::bigint[] ELSE '{}' END, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат') AS i;
-- R59: a transfer to long-term control after the quarter writes its own roadmap date over R56's.
SELECT transfer_control(id, 'long_term', '2027-12-31', 'head_of_pa', 'c', 'effect on strategic indicators',
                        decided_on => '2025-04-01', evidence => '{pa_expert_conclusion}')
  FROM r56;
RESET SESSION AUTHORIZATION;
\o

SELECT cmp_ok((SELECT count(*) FROM r56 WHERE on_receipt IS NOT NULL), '>', 0::bigint,
  'R56: some of the generated instructions ask for a roadmap on receipt');
SELECT cmp_ok((SELECT count(*) FROM r56 r
                WHERE r.term = '6 months' AND r.bodies = 2 AND r.on_receipt IS NULL
                  AND (SELECT due_date FROM instruction WHERE id = r.id) > (r.received_on + interval '6 months')::date),
              '>', 0::bigint,
  'R56: a term of six months whose end is rolled past six months asks for no roadmap (the nominal term, README Interpretations)');
SELECT is((SELECT count(*) FROM r56 r JOIN instruction i USING (id)
            WHERE i.roadmap_due_date IS DISTINCT FROM (SELECT d.roadmap_due_date FROM decision d
                                                         WHERE d.instruction_id = r.id AND d.kind = 'transfer')),
          0::bigint,
  'R59: the transfer replaced the roadmap due date on every instruction (the replay must compute R56 itself)');
SELECT results_eq(
  $$SELECT id, on_receipt FROM r56 ORDER BY id$$,
  $$SELECT s.id, s.roadmap_due_date FROM sweep_state_as_of('2025-03-31') s JOIN r56 USING (id) ORDER BY s.id$$,
  'R56: the replay of a past day (sweep_state_as_of) gives the roadmap due date the guard wrote on receipt, for every instruction');
SELECT results_eq(
  $$SELECT id, on_receipt FROM r56 ORDER BY id$$,
  $$SELECT r.id, roadmap_due_on_receipt(i.received_on, i.term, i.original_due_date, r.bodies, i.new_approaches, i.calendar)
      FROM r56 r JOIN instruction i USING (id) ORDER BY r.id$$,
  'R56: roadmap_due_on_receipt() is the rule the guard applied');

SELECT * FROM finish();
ROLLBACK;
