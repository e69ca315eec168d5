-- R57 approvers read from the body (issue 18, round 3): who_may_decide(id,
-- 'roadmap_approval') derives the approvers from the responsible body --
-- state_body.body_type, inside_government, directly_subordinate_to_president
-- -- as the roadmap trigger reads it, never from a declared drafter.  Asked by
-- a LOGIN role holding only ic_reader; the roadmap registered by one holding
-- only ic_controller; allowed and refused per kind of body.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(12);

INSERT INTO state_body (code, name, body_type, inside_government, directly_subordinate_to_president) VALUES
  ('R57W_MIN', 'A ministry inside the Government', 'central', true, false),
  ('R57W_OUT', 'A central body outside the Government', 'central', false, false),
  ('R57W_DIR', 'A body directly subordinate to the President', 'central', true, true),
  ('R57W_AKM', 'An akimat', 'local', false, false);
CREATE ROLE r57w_reader LOGIN IN ROLE ic_reader;
CREATE ROLE r57w_controller LOGIN IN ROLE ic_controller;
GRANT USAGE ON SCHEMA public TO r57w_reader, r57w_controller;
-- the reader reads for the four bodies (row-level security: a reader sees its bodies' instructions)
INSERT INTO body_member SELECT 'r57w_reader'::regrole, id FROM state_body WHERE code LIKE 'R57W_%';

-- a point of each body, more than six months with new approaches: a roadmap is due (R56)
CREATE TEMP TABLE pts AS
SELECT b.code, (put_on_control('act_point', 'pa', '2025-01-06', term => '7 months', new_approaches => true,
                               pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => b.id)).id
  FROM state_body b WHERE b.code LIKE 'R57W_%';
GRANT SELECT ON pts TO r57w_reader, r57w_controller;
SELECT id AS p_min FROM pts WHERE code = 'R57W_MIN' \gset
SELECT id AS p_out FROM pts WHERE code = 'R57W_OUT' \gset
SELECT id AS p_dir FROM pts WHERE code = 'R57W_DIR' \gset
SELECT id AS p_akm FROM pts WHERE code = 'R57W_AKM' \gset

SET ROLE r57w_reader;
SELECT results_eq(format($$SELECT decider::text, rule FROM who_may_decide(%s, 'roadmap_approval') ORDER BY 1$$, :p_min),
  $$VALUES ('deputy_prime_minister', 'R57'), ('first_head', 'R57'), ('head_of_government_office', 'R57')$$,
  'R57: a ministry inside the Government: the supervising Deputy PM or the Head of the Government Office, or its first head for its own measures');
SELECT results_eq(format($$SELECT decider::text, rule FROM who_may_decide(%s, 'roadmap_approval')$$, :p_out),
  $$VALUES ('first_head', 'R57')$$,
  'R57: a central body outside the Government: its first head only');
SELECT results_eq(format($$SELECT decider::text, rule FROM who_may_decide(%s, 'roadmap_approval')$$, :p_dir),
  $$VALUES ('first_head', 'R57')$$,
  'R57: a body directly subordinate to the President: its first head, whatever inside_government says');
SELECT results_eq(format($$SELECT decider::text, rule FROM who_may_decide(%s, 'roadmap_approval') ORDER BY 1$$, :p_akm),
  $$VALUES ('akim', 'R57'), ('first_head', 'R57')$$,
  'R57: a local executive body: the akim, or its first head for its own measures');
SELECT is((SELECT count(*)::int FROM who_may_decide(:p_out, 'roadmap_approval')
            WHERE decider::text IN ('deputy_prime_minister', 'head_of_government_office', 'akim')), 0,
  'R57: no Deputy PM, Head of the Government Office or akim for a body outside the Government');
SELECT is((SELECT count(*)::int FROM who_may_decide(:p_akm, 'roadmap_approval')
            WHERE decider::text IN ('deputy_prime_minister', 'head_of_government_office')), 0,
  'R57: no Deputy PM or Head of the Government Office for an akimat');
RESET ROLE;
-- no responsible body (below PA level it may be named later): every approver R57 names, as the trigger accepts any drafter
SELECT results_eq(format($$SELECT decider::text FROM who_may_decide(%s, 'roadmap_approval') ORDER BY 1$$,
                         (put_on_control('event', 'government', '2025-01-06', term => '7 months', new_approaches => true)).id),
  $$VALUES ('akim'), ('deputy_prime_minister'), ('first_head'), ('head_of_government_office')$$,
  'R57: with no responsible body every approver R57 names is listed');

-- what who_may_decide answers is what the roadmap trigger accepts
SET ROLE r57w_controller;
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'central_interdepartmental', 'deputy_prime_minister', approved_on => '2025-01-15')$$, :p_min),
  'R57: the ministry''s interdepartmental roadmap approved by the Deputy PM who_may_decide named');
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'central_interdepartmental', 'deputy_prime_minister', approved_on => '2025-01-15')$$, :p_out),
  'IC109', NULL, 'R57: a body outside the Government cannot declare itself interdepartmental to get the Deputy PM');
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'central_outside_government', 'first_head', approved_on => '2025-01-15')$$, :p_out),
  'R57: the body outside the Government: its first head, as who_may_decide named');
SELECT throws_ok(format($$SELECT register_roadmap(%s, 'local', 'akim', approved_on => '2025-01-15')$$, :p_dir),
  'IC109', NULL, 'R57: a central body cannot declare itself local to get the akim');
SELECT lives_ok(format($$SELECT register_roadmap(%s, 'local', 'akim', approved_on => '2025-01-15')$$, :p_akm),
  'R57: the akimat''s roadmap approved by the akim');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
