--
-- Hostile input: bad literals of the types (term, control_level,
-- instruction_kind, point_ref), bad arguments of the calendar functions and
-- of the API.  Every one is refused with a specific SQLSTATE: never XX000,
-- never a crash, never accepted.  Each case runs in its own subtransaction
-- (pg_temp.refusal catches the error and returns its SQLSTATE); the table
-- below prints the SQLSTATE of every case, "expected ..." beside any case
-- that got another one, and a summary at the end.  $ID stands for an
-- instruction put on control here; everything is rolled back.
--
CREATE EXTENSION IF NOT EXISTS instruction_control;
\set VERBOSITY default
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET search_path = instruction_control, public;

-- Everything is rolled back, and the sequences are put back too, so that the
-- tests after this one see the registry as if it had not run.
CREATE TEMP TABLE seq_before (seq regclass, last_value bigint, is_called boolean);
DO $$
DECLARE
  s regclass;
BEGIN
  FOR s IN SELECT c.oid FROM pg_class c WHERE c.relkind = 'S'
              AND c.relnamespace = 'instruction_control'::regnamespace LOOP
    EXECUTE format('INSERT INTO seq_before SELECT %L, last_value, is_called FROM %s', s, s);
  END LOOP;
END
$$;

BEGIN;
CREATE FUNCTION pg_temp.refusal(sql text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  st text;
BEGIN
  EXECUTE sql;
  RETURN 'accepted';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE;
  RETURN st;
END
$$;

CREATE TEMP TABLE bad_input (n serial, area text, sql text, want text);
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
-- area, statement, the SQLSTATE it must fail with
INSERT INTO bad_input (area, sql, want) VALUES
-- term
('term', $$SELECT ''::term$$, '22P02'),
('term', $$SELECT '   '::term$$, '22P02'),
('term', $$SELECT E'\u00a0'::term$$, '22P02'),
('term', $$SELECT E'\u00a0\u2007\u202f\t\n'::term$$, '22P02'),
('term', $$SELECT '0 days'::term$$, '22P02'),
('term', $$SELECT '-5 days'::term$$, '22P02'),
('term', $$SELECT '10001 working days'::term$$, '22P02'),
('term', $$SELECT '99999999999999999999999999 days'::term$$, '22P02'),
('term', $$SELECT (repeat('9', 10000) || ' days')::term$$, '22P02'),
('term', $$SELECT repeat('10 days ', 100000)::term$$, '22P02'),
('term', $$SELECT 'ten days'::term$$, '22P02'),
('term', $$SELECT '10'::term$$, '22P02'),
('term', $$SELECT '10 dayz'::term$$, '22P02'),
('term', $$SELECT E'10 d\u0430ys'::term$$, '22P02'),
('term', $$SELECT E'10 \u0440a\u0431очих дней'::term$$, '22P02'),
('term', $$SELECT '10 days 5 weeks'::term$$, '22P02'),
('term', $$SELECT '1e3 days'::term$$, '22P02'),
('term', $$SELECT '0x10 days'::term$$, '22P02'),
('term', $$SELECT '１０ days'::term$$, '22P02'),
('term', $$SELECT (chr(1) || chr(127) || chr(65533) || chr(1114111) || ' days')::term$$, '22P02'),
('term', $$SELECT term_count(NULL::term) IS NULL AND ('5 weeks'::term = NULL) IS NULL AND NULL::term IS NULL AND 'x'::term IS NULL$$, '22P02'),
('term', $$SELECT '2025-01-01'::date + '0 wd'::term$$, '22P02'),
('term', $$SELECT (SELECT string_agg(chr(i), '') FROM generate_series(1, 3000) i)::term$$, '22P02'),
('term', $$SELECT convert_from('\xc0afff20646179'::bytea, 'UTF8')::term$$, '22021'),
('term', $$SELECT '+10 days'::term$$, '22P02'),
-- control_level
('control_level', $$SELECT ''::control_level$$, '22P02'),
('control_level', $$SELECT E'\u00a0'::control_level$$, '22P02'),
('control_level', $$SELECT E'\u0420\u0410'::control_level$$, '22P02'),
('control_level', $$SELECT E'p\u0430'::control_level$$, '22P02'),
('control_level', $$SELECT repeat('central ', 1000)::control_level$$, '22P02'),
('control_level', $$SELECT 'pa; DROP TABLE instruction'::control_level$$, '22P02'),
('control_level', $$SELECT (E'central' || chr(1))::control_level$$, '22P02'),
('control_level', $$SELECT '1'::control_level$$, '22P02'),
('control_level', $$SELECT label('pa'::control_level, 'fr')$$, '22023'),
('control_level', $$SELECT (SELECT string_agg(chr(i), '') FROM generate_series(1, 3000) i)::control_level$$, '22P02'),
-- instruction_kind
('instruction_kind', $$SELECT ''::instruction_kind$$, '22P02'),
('instruction_kind', $$SELECT E'\t \u00a0\n'::instruction_kind$$, '22P02'),
('instruction_kind', $$SELECT 'act point!'::instruction_kind$$, '22P02'),
('instruction_kind', $$SELECT E'\u0430ct_point'::instruction_kind$$, '22P02'),
('instruction_kind', $$SELECT repeat('act_point', 100)::instruction_kind$$, '22P02'),
('instruction_kind', $$SELECT E'act_point\u200b'::instruction_kind$$, '22P02'),
('instruction_kind', $$SELECT '-1'::instruction_kind$$, '22P02'),
('instruction_kind', $$SELECT (SELECT string_agg(chr(i), '') FROM generate_series(1, 3000) i)::instruction_kind$$, '22P02'),
-- point_ref
('point_ref', $$SELECT ''::point_ref$$, '22P02'),
('point_ref', $$SELECT E' \u00a0 '::point_ref$$, '22P02'),
('point_ref', $$SELECT '0'::point_ref$$, '22P02'),
('point_ref', $$SELECT '-1'::point_ref$$, '22P02'),
('point_ref', $$SELECT '1..2'::point_ref$$, '22P02'),
('point_ref', $$SELECT '99999999999999999999'::point_ref$$, '22P02'),
('point_ref', $$SELECT repeat('1.', 2000)::point_ref$$, '22P02'),
('point_ref', $$SELECT 'a.b'::point_ref$$, '22P02'),
('point_ref', $$SELECT '4 2'::point_ref$$, '22P02'),
('point_ref', $$SELECT E'1.\u00a0\u00a0.2'::point_ref$$, '22P02'),
('point_ref', $$SELECT '１'::point_ref$$, '22P02'),
('point_ref', $$SELECT point_ref(-1)$$, '22003'),
('point_ref', $$SELECT point_ref(0)$$, '22003'),
('point_ref', $$SELECT point_ref(-2147483648)$$, '22003'),
('point_ref', $$SELECT (SELECT string_agg(chr(i), '') FROM generate_series(1, 3000) i)::point_ref$$, '22P02'),
-- calendar functions
('calendar', $$SELECT add_working_days('infinity', 1)$$, 'IC002'),
('calendar', $$SELECT add_working_days('-infinity', 1)$$, 'IC002'),
('calendar', $$SELECT add_working_days((SELECT valid_from - 1 FROM calendar WHERE code = 'KZ'), 1)$$, 'IC002'),
('calendar', $$SELECT add_working_days((SELECT valid_to FROM calendar WHERE code = 'KZ'), 1)$$, 'IC002'),
('calendar', $$SELECT add_working_days('2025-01-01', 2147483647)$$, 'IC002'),
('calendar', $$SELECT add_working_days('2025-01-01', -2147483648)$$, 'IC002'),
('calendar', $$SELECT add_working_days('2025-01-01', 1, 'XX')$$, 'IC001'),
('calendar', $$SELECT add_working_days('2025-01-01', 1, '')$$, 'IC001'),
('calendar', $$SELECT add_working_days('2025-01-01', 1, repeat('K', 100000))$$, 'IC001'),
('calendar', $$SELECT add_working_days('2025-01-01', 1, 'kz')$$, 'IC001'),
('calendar', $$SELECT add_working_days('2025-01-01', 1, E'KZ\u00a0')$$, 'IC001'),
('calendar', $$SELECT add_working_days('2025-01-01', 1, 'KZ''; SELECT 1; --')$$, 'IC001'),
('calendar', $$SELECT working_days_between('infinity', '2025-01-01')$$, 'IC002'),
('calendar', $$SELECT working_days_between('2025-01-01', '5874897-12-31')$$, 'IC002'),
('calendar', $$SELECT roll_forward('4713-01-01 BC')$$, 'IC002'),
('calendar', $$SELECT roll_backward('2000-01-01')$$, 'IC002'),
('calendar', $$SELECT count(*) FROM working_days('2025-01-01', 'infinity')$$, 'IC002'),
('calendar', $$SELECT count(*) FROM working_days('-infinity', '2025-01-01')$$, 'IC002'),
('calendar', $$SELECT deadline('2025-01-01', '10000 months')$$, 'IC002'),
('calendar', $$SELECT deadline('infinity', '1 day')$$, 'IC002'),
('calendar', $$SELECT (SELECT valid_to - 30 FROM calendar WHERE code = 'KZ') + '10000 wd'::term$$, 'IC002'),
('calendar', $$SELECT is_confirmed('infinity')$$, 'IC002'),
('calendar', $$SELECT is_working_day('1800-01-01')$$, 'IC002'),
('calendar', $$SELECT set_config('instruction_control.calendar', 'K Z', true)$$, '22023'),
('calendar', $$SELECT set_config('instruction_control.calendar', repeat('K', 1000), true)$$, '22023'),
('calendar', $$SELECT set_config('instruction_control.calendar', 'ZZ', true), add_working_days('2025-01-01', 1)$$, 'IC001'),
('calendar', $$SELECT generate_calendar_year('KZ', 2147483647)$$, '22008'),
('calendar', $$SELECT generate_calendar_year('KZ', 2030)$$, 'IC003'),
('calendar', $$SELECT generate_calendar_year('NOPE', 2076)$$, 'IC001'),
('calendar', $$SELECT extend_calendar('KZ', -2147483648)$$, 'IC003'),
('calendar', $$SELECT count(*) FROM kurban_ait_estimate(2147483647)$$, '22003'),
('calendar', $$SELECT count(*) FROM kurban_ait_estimate(-2147483648)$$, '22003'),
('calendar', $$SELECT add_transfer('KZ', 'infinity', '2025-01-01', 'decree')$$, 'IC002'),
('calendar', $$SELECT add_transfer('XX', '2025-01-04', '2025-01-06', 'decree')$$, 'IC001'),
('calendar', $$SELECT add_transfer('KZ', '2025-01-06', '2025-01-04', 'decree')$$, 'IC003'),
('calendar', $$SELECT confirm_calendar_year('KZ', 99999, 'decree')$$, 'IC003'),
-- API
('api', $$SELECT extend_deadline(NULL, '2025-04-15', 'head_of_pa', 'conclusion')$$, '23502'),
('api', $$SELECT extend_deadline(9223372036854775807, '2025-04-15', 'head_of_pa', 'conclusion')$$, '23503'),
('api', $$SELECT extend_deadline(-9223372036854775808, '2025-04-15', 'head_of_pa', 'conclusion')$$, '23503'),
('api', $$SELECT extend_deadline(-1, '2025-04-15', 'head_of_pa', 'conclusion')$$, '23503'),
('api', $$SELECT extend_deadline($ID, 'infinity', 'head_of_pa', 'conclusion')$$, '22008'),
('api', $$SELECT extend_deadline($ID, '-infinity', 'head_of_pa', 'conclusion')$$, '22008'),
('api', $$SELECT extend_deadline($ID, '5874897-12-31', 'head_of_pa', 'conclusion')$$, 'IC002'),
('api', $$SELECT extend_deadline($ID, '2025-04-15', 'head_of_pa', '')$$, 'IC114'),
('api', $$SELECT extend_deadline($ID, '2025-04-15', 'head_of_pa', E'\u00a0\u00a0')$$, 'IC114'),
('api', $$SELECT extend_deadline($ID, '2025-04-15', 'head_of_pa', E'\u200b\u3000\ufeff')$$, 'IC114'),
('api', $$SELECT extend_deadline($ID, '2025-04-15', 'head_of_pa', NULL)$$, 'IC114'),
('api', $$SELECT extend_deadline($ID, '2025-04-15', 'Head_of_PA', 'conclusion')$$, '23514'),
('api', $$SELECT extend_deadline($ID, '2025-04-15', E'head_of_pa\u00a0', 'conclusion')$$, '23514'),
('api', $$SELECT extend_deadline($ID, '2025-04-15', 'king', 'conclusion')$$, '23514'),
('api', $$SELECT extend_deadline($ID, '2025-04-15', NULL, 'conclusion')$$, 'IC101'),
('api', $$SELECT extend_deadline($ID, '2025-04-15', 'head_of_pa', 'conclusion', decided_on => 'infinity')$$, '22008'),
('api', $$SELECT extend_deadline($ID, '2025-04-15', 'head_of_pa', 'conclusion', decided_on => '1900-01-01')$$, 'IC115'),
('api', $$SELECT extend_deadline($ID, '2025-04-15', 'head_of_pa', 'conclusion', decided_on => '2074-01-01')$$, 'IC116'),
('api', $$SELECT transfer_control($ID, 'forever', '2027-12-31', 'president', 'conclusion')$$, '23514'),
('api', $$SELECT transfer_control($ID, NULL, '2027-12-31', 'president', 'conclusion')$$, 'IC103'),
('api', $$SELECT set_new_deadline($ID, '2025-06-30', 'head_of_pa', 'letter', 'alien_invasion')$$, '23514'),
('api', $$SELECT set_new_deadline($ID, 'infinity', 'head_of_pa', 'letter', 'quarantine')$$, '22008'),
('api', $$SELECT remove_from_control($ID, 'bored', 'head_of_pa', '{official_report}')$$, '23514'),
('api', $$SELECT remove_from_control($ID, 'executed', 'head_of_pa', ARRAY[NULL]::evidence_kind[])$$, 'IC105'),
('api', $$SELECT remove_from_control($ID, 'executed', 'head_of_pa', '{forged_report}')$$, '23514'),
('api', $$SELECT remove_from_control($ID, 'executed', 'head_of_pa', NULL)$$, 'IC105'),
('api', $$SELECT remove_from_control($ID, 'control_passed', 'head_of_pa', '{control_passed_decision}', receiving_body_id => 9223372036854775807)$$, '23503'),
('api', $$SELECT register_roadmap(NULL, 'local', 'akim')$$, '23502'),
('api', $$SELECT register_roadmap(9223372036854775807, 'local', 'akim')$$, '23503'),
('api', $$SELECT register_roadmap($ID, 'an_intern', 'akim')$$, '23514'),
('api', $$SELECT submit_report($ID, 'poem')$$, '23514'),
('api', $$SELECT submit_report(9223372036854775807, 'final')$$, '23503'),
('api', $$SELECT submit_report($ID, 'intermediate', period_end => 'infinity')$$, '22008'),
('api', $$SELECT count(*) FROM who_may_decide(9223372036854775807, 'extension')$$, '23503'),
('api', $$SELECT count(*) FROM who_may_decide(-1, 'extension')$$, '23503'),
('api', $$SELECT count(*) FROM who_may_decide($ID, 'coronation')$$, '23514'),
('api', $$SELECT count(*) FROM record_decisions(ARRAY[NULL]::decision[])$$, '22004'),
('api', $$SELECT count(*) FROM record_decisions(ARRAY[jsonb_populate_record(NULL::decision, '{"kind": "extension", "decided_by": "head_of_pa", "decided_on": "2025-03-05", "basis": "c", "new_due_date": "2025-04-15"}')])$$, '23502'),
('api', $$SELECT count(*) FROM record_decisions(ARRAY[jsonb_populate_record(NULL::decision, '{"instruction_id": 9223372036854775807, "kind": "extension", "decided_by": "head_of_pa", "decided_on": "2025-03-05", "basis": "c", "new_due_date": "2025-04-15", "evidence": []}')])$$, '23503'),
('api', $$SELECT count(*) FROM extend_deadlines(ARRAY[$ID, $ID], ARRAY['2025-04-15']::date[], 'head_of_pa', 'conclusion')$$, '2202E'),
('api', $$SELECT count(*) FROM extend_deadlines(ARRAY[$ID, NULL], ARRAY['2025-04-15', '2025-04-16']::date[], 'head_of_pa', 'conclusion')$$, '22004'),
('api', $$SELECT count(*) FROM extend_deadlines(ARRAY[$ID], ARRAY[NULL]::date[], 'head_of_pa', 'conclusion')$$, 'IC108'),
('api', $$SELECT count(*) FROM extend_deadlines(NULL, NULL, 'head_of_pa', 'conclusion')$$, '22004'),
('api', $$SELECT count(*) FROM extend_deadlines(ARRAY[[1, 2], [3, 4]], ARRAY['2025-04-15', '2025-04-15']::date[], 'head_of_pa', 'conclusion')$$, '2202E'),
('api', $$SELECT count(*) FROM extend_deadlines(ARRAY[9223372036854775807], ARRAY['2025-04-15']::date[], 'head_of_pa', 'conclusion')$$, '23503'),
('api', $$SELECT count(*) FROM extend_deadlines(ARRAY[$ID], ARRAY['infinity']::date[], 'head_of_pa', 'conclusion')$$, '22008'),
('api', $$SELECT count(*) FROM extend_deadlines(ARRAY[$ID], ARRAY['2025-04-15']::date[], 'head_of_pa', E'\u00a0')$$, 'IC114'),
('api', $$SELECT extend_deadline($ID, '2025-03-01', 'head_of_pa', 'conclusion', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}')$$, 'IC108'),
('api', $$SELECT extend_deadline($ID, '2025-04-19', 'head_of_pa', 'conclusion', decided_on => '2025-03-05', evidence => '{pa_expert_conclusion}')$$, 'IC108'),
('api', $$SELECT transfer_control($ID, 'medium_term', '-infinity', 'president', 'conclusion', evidence => '{pa_expert_conclusion}')$$, '22008'),
('api', $$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', upper_record_id => 9223372036854775807, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, '23503'),
('api', $$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', secrecy => 'state_secret', content => 'the secret itself', pa_unit => 'Бақылау бөлімі', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, 'IC110'),
('api', $$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', secrecy => 'state_secret', paper_card_ref => repeat('x', 100000), pa_unit => 'Бақылау бөлімі', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, 'IC110'),
('api', $$SELECT submit_report($ID, 'intermediate', submitted_on => '-infinity')$$, '22008'),
('api', $$SELECT import_decision($ID, 'extension', 'infinity', 'head_of_pa', new_due => '2019-04-15')$$, '22008'),
('api', $$SELECT put_on_control('act_point', 'pa', 'infinity', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, '22008'),
('api', $$SELECT put_on_control('act_point', 'pa', NULL, term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, 'IC108'),
('api', $$SELECT put_on_control(NULL, 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, '23502'),
('api', $$SELECT put_on_control('act_point', 'pa', '2025-03-03', due_date => '-infinity', deadline_source => 'act', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, '22008'),
('api', $$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', responsible_body_id => 9223372036854775807, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат')$$, '23503'),
('api', $$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', co_executor_ids => ARRAY[NULL]::bigint[], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, 'IC109'),
('api', $$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', co_executor_ids => ARRAY[-1], pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, '23503'),
('api', $$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', parent_id => -1, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, '23503'),
('api', $$SELECT put_on_control('act_point', 'pa', '2025-03-03', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, 'IC108'),
('api', $$SELECT put_on_control('act_point', 'pa', (SELECT valid_to - 1 FROM calendar WHERE code = 'KZ'), term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, 'IC002'),
('api', $$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', secrecy => 'top_secret', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, '23514'),
('api', $$SELECT put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', secrecy => NULL, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))$$, '23502'),
('api', $$SELECT import_instruction('act_point', 'pa', 'infinity', '2019-03-15')$$, '22008'),
('api', $$SELECT import_decision(9223372036854775807, 'extension', '2019-03-12', 'head_of_pa', new_due => '2019-04-15')$$, '23503'),
('api', $$SELECT label('decider', 'head_of_pa', 'fr')$$, '22023'),
('api', $$SELECT code_of('no_such_domain', 'x')$$, '22023'),
('api', $$SELECT code_of('decider', E'\u00a0')$$, '22023');

-- The instruction the API cases name ($ID).
SELECT id AS fixture FROM put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45')) \gset

CREATE TEMP TABLE bad_result AS
  SELECT n, area, pg_temp.refusal(replace(sql, '$ID', :'fixture')) AS got, want, sql
    FROM bad_input ORDER BY n;

SELECT n, area, got AS sqlstate,
       CASE WHEN got IS DISTINCT FROM want THEN 'expected ' || want ELSE '' END AS note,
       sql
  FROM bad_result ORDER BY n;

-- Summary: how many, by SQLSTATE class; none accepted, none internal (XX), none
-- a system error (58), none other than expected.
SELECT count(*) AS bad_inputs,
       count(*) FILTER (WHERE area = 'term') AS term,
       count(*) FILTER (WHERE area = 'control_level') AS control_level,
       count(*) FILTER (WHERE area = 'instruction_kind') AS instruction_kind,
       count(*) FILTER (WHERE area = 'point_ref') AS point_ref,
       count(*) FILTER (WHERE area = 'calendar') AS calendar,
       count(*) FILTER (WHERE area = 'api') AS api
  FROM bad_result;
SELECT left(got, 2) AS class, count(*) FROM bad_result GROUP BY 1 ORDER BY 1;
SELECT count(*) FILTER (WHERE got = 'accepted') AS accepted,
       count(*) FILTER (WHERE got LIKE 'XX%' OR got LIKE '58%') AS internal,
       count(*) FILTER (WHERE got IS DISTINCT FROM want) AS unexpected
  FROM bad_result;
ROLLBACK;
SELECT count(setval(seq, last_value, is_called)) > 0 AS sequences_restored FROM seq_before;
