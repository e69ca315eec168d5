--
-- Bounded work (issue 16, item 8): the visibility check of a batch sorts its
-- ids once and finds each row by binary search, and duplicate co-executors are
-- found by sorting.  The answers stay what they were: a batch with an id the
-- role cannot see is refused naming it (23503), a repeated id is two
-- decisions, a duplicated co-executor is named at its second place.  As a
-- LOGIN role holding ic_controller, to which row-level security applies.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SET datestyle = ISO;
SELECT session_user AS session_user_name \gset
CREATE ROLE batch_controller LOGIN IN ROLE ic_controller;
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES
  ('BAT-A', 'Ministry A', 'central'), ('BAT-B', 'Ministry B', 'central'), ('BAT-C', 'Ministry C', 'central');
SELECT id AS ba FROM instruction_control.state_body WHERE code = 'BAT-A' \gset
SELECT id AS bb FROM instruction_control.state_body WHERE code = 'BAT-B' \gset
SELECT id AS bc FROM instruction_control.state_body WHERE code = 'BAT-C' \gset
CREATE TEMP TABLE batch_ids AS
SELECT (instruction_control.put_on_control('act_point', 'central', '2025-03-03', term => '10 wd')).id AS id
  FROM generate_series(1, 3000);
SELECT array_agg(id ORDER BY id DESC) AS ids, min(id) AS first_id, max(id) AS last_id FROM batch_ids \gset
SELECT max(id) + 1000000 AS missing FROM instruction_control.instruction \gset

\c - batch_controller
SET client_min_messages = warning;
-- try(sql): the SQLSTATE, message and detail of the refusal, ids of this run named
CREATE FUNCTION pg_temp.try(stmt text, names jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
  msg text;
  det text;
  k text;
BEGIN
  EXECUTE stmt;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
  msg := SQLSTATE || ': ' || msg || coalesce(' / ' || nullif(det, ''), '');
  FOR k IN SELECT jsonb_object_keys(names) LOOP
    msg := regexp_replace(msg, (names ->> k) || '\M', k, 'g');
  END LOOP;
  RETURN msg;
END
$$;
-- 3,000 ids in descending order, the first repeated, one id that does not exist: refused naming it
SELECT pg_temp.try(format($q$SELECT count(*) FROM instruction_control.extend_deadlines(
  %L::bigint[] || ARRAY[%s, %s]::bigint[],
  array_fill('2025-04-15'::date, ARRAY[3002]), 'first_head', 'conclusion', 'review', '2025-03-10', evidence => '{pa_expert_conclusion}')$q$,
  :'ids', :first_id, :missing), jsonb_build_object('instruction MISSING', 'instruction ' || :missing));
SELECT count(*) AS journaled FROM instruction_control.decision WHERE instruction_id = ANY (:'ids'::bigint[]);
-- without it: 3,001 decisions, the repeated id extended twice (the second repeated, R72)
SELECT count(*) AS decisions, count(*) FILTER (WHERE repeated) AS repeated
  FROM instruction_control.extend_deadlines(
  :'ids'::bigint[] || ARRAY[:first_id]::bigint[],
  array_fill('2025-04-15'::date, ARRAY[3000]) || '2025-05-15'::date, 'first_head', 'conclusion', 'review', '2025-03-10', evidence => '{pa_expert_conclusion}');

-- co-executors: a duplicate is named at its second place, an empty element or the responsible body at theirs
SELECT label AS co_executor_ids,
       pg_temp.try(format($q$SELECT instruction_control.put_on_control('act_point', 'central', '2025-03-03',
                     term => '10 wd', responsible_body_id => %s, co_executor_ids => %L::bigint[])$q$, :ba, a),
                   jsonb_build_object('body A', 'body ' || :ba, 'body B', 'body ' || :bb, 'body C', 'body ' || :bc)) AS refusal
  FROM (VALUES ('C B C B', ARRAY[:bc, :bb, :bc, :bb]), ('B C NULL B', ARRAY[:bb, :bc, NULL, :bb]),
               ('B B A', ARRAY[:bb, :bb, :ba]), ('B A B', ARRAY[:bb, :ba, :bb])) v(label, a);
DROP FUNCTION pg_temp.try(text, jsonb);

\c - :session_user_name
SET client_min_messages = warning;
DROP ROLE batch_controller;
