--
-- A hostile search_path: an ordinary role plants, in a schema on the victim's
-- path, functions and operators that shadow what the extension's queries use
-- -- an exact-match operator for a domain of the registry, unnest, the
-- aggregates, the text comparisons -- each of which would record that it ran.
-- A superuser then uses every part of the extension with that schema first on
-- the path and pg_catalog last.  Nothing planted may run: no query the
-- extension runs resolves an object through the caller's search_path.
--
CREATE EXTENSION IF NOT EXISTS instruction_control;
\set VERBOSITY default
\set SHOW_CONTEXT never
SET datestyle = ISO;
SET client_min_messages = warning;

CREATE ROLE ic_planter NOLOGIN;
CREATE SCHEMA planted AUTHORIZATION ic_planter;
CREATE TABLE planted.ran (what text, by_whom name);
GRANT INSERT, SELECT ON planted.ran TO PUBLIC;
RESET client_min_messages;

SET ROLE ic_planter;
-- each trap records itself, then answers like the object it shadows
CREATE FUNCTION planted.eq_domain(instruction_control.decision_kind, text) RETURNS boolean
LANGUAGE sql AS $$ INSERT INTO planted.ran VALUES ('=(decision_kind, text)', current_user); SELECT $1::text = $2 $$;
CREATE OPERATOR planted.= (FUNCTION = planted.eq_domain,
  LEFTARG = instruction_control.decision_kind, RIGHTARG = text);
CREATE FUNCTION planted.eq_status(instruction_control.instruction_status, text) RETURNS boolean
LANGUAGE sql AS $$ INSERT INTO planted.ran VALUES ('=(instruction_status, text)', current_user); SELECT $1::text = $2 $$;
CREATE OPERATOR planted.= (FUNCTION = planted.eq_status,
  LEFTARG = instruction_control.instruction_status, RIGHTARG = text);
CREATE FUNCTION planted.eq_text(text, text) RETURNS boolean
LANGUAGE sql AS $$ INSERT INTO planted.ran VALUES ('=(text, text)', current_user); SELECT $1 OPERATOR(pg_catalog.=) $2 $$;
CREATE OPERATOR planted.= (FUNCTION = planted.eq_text, LEFTARG = text, RIGHTARG = text);
CREATE FUNCTION planted.eq_int8(bigint, bigint) RETURNS boolean
LANGUAGE sql AS $$ INSERT INTO planted.ran VALUES ('=(bigint, bigint)', current_user); SELECT $1 OPERATOR(pg_catalog.=) $2 $$;
CREATE OPERATOR planted.= (FUNCTION = planted.eq_int8, LEFTARG = bigint, RIGHTARG = bigint);
CREATE FUNCTION planted.le_date(date, date) RETURNS boolean
LANGUAGE sql AS $$ INSERT INTO planted.ran VALUES ('<=(date, date)', current_user); SELECT $1 OPERATOR(pg_catalog.<=) $2 $$;
CREATE OPERATOR planted.<= (FUNCTION = planted.le_date, LEFTARG = date, RIGHTARG = date);
CREATE FUNCTION planted.unnest(anyarray) RETURNS SETOF anyelement
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO planted.ran VALUES ('unnest', current_user); RETURN QUERY SELECT pg_catalog.unnest($1); END $$;
CREATE FUNCTION planted.max_step(date, date) RETURNS date
LANGUAGE sql AS $$ INSERT INTO planted.ran VALUES ('max(date)', current_user) RETURNING NULL::date $$;
CREATE AGGREGATE planted.max(date) (SFUNC = planted.max_step, STYPE = date);
CREATE FUNCTION planted.string_agg_step(text, text, text) RETURNS text
LANGUAGE sql AS $$ INSERT INTO planted.ran VALUES ('string_agg', current_user) RETURNING NULL::text $$;
CREATE AGGREGATE planted.string_agg(text, text) (SFUNC = planted.string_agg_step, STYPE = text);
RESET ROLE;

-- the victim: a superuser whose path starts with the planted schema
SET search_path = planted, instruction_control, public, pg_catalog;
SET instruction_control.calendar = 'KZ';
SELECT count(*) AS levels FROM control_levels();
SELECT count(*) AS kinds FROM instruction_kinds();
SELECT label('decision_kind', 'extension', 'ru'), code_of('decider', 'Руководитель Администрации Президента');
SELECT add_working_days('2025-03-03', 10), working_days_between('2025-03-03', '2025-03-17'),
       is_working_day('2025-03-22'), is_confirmed('2025-03-03');
INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code OPERATOR(pg_catalog.=) 'R45'))).id AS a \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code OPERATOR(pg_catalog.=) 'R45'))).id AS b \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', new_approaches => true, pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code OPERATOR(pg_catalog.=) 'R45'))).id AS c \gset
SELECT decider, rule FROM who_may_decide(:a, 'extension') ORDER BY 1;
SELECT seq, new_due_date FROM extend_deadline(:a, '2025-04-15', 'head_of_pa', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');
INSERT INTO decision (instruction_id, kind, new_due_date, decided_by, basis, disciplinary_review, decided_on, evidence)
VALUES (:a, 'extension', '2025-05-15', 'head_of_pa', 'conclusion', 'order on disciplinary review', '2025-03-11', '{pa_expert_conclusion}')
RETURNING seq, repeated, measures_due_date;
SELECT count(*) FROM extend_deadlines(ARRAY[:b], ARRAY['2025-04-16']::date[], 'head_of_pa', 'c', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');
SELECT seq, new_regime FROM transfer_control(:b, 'long_term', '2026-12-01', 'head_of_pa', 'conclusion', 'new programme', 'order on review',
                                             decided_on => '2025-03-12', evidence => '{pa_expert_conclusion}');
SELECT kind FROM submit_report(:a, 'measures', 'measures taken', submitted_on => '2025-03-12');
SELECT kind, ground FROM remove_from_control(:a, 'executed', 'head_of_pa', ARRAY['official_report']::evidence_kind[],
                                             decided_on => '2025-03-13');
SELECT seq FROM extend_deadline(:c, '2025-04-15', 'head_of_pa', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}');
\set VERBOSITY terse
SELECT extend_deadline(:c, '2025-05-15', 'head_of_pa', 'conclusion', decided_on => '2025-03-11', evidence => '{pa_expert_conclusion}');
\set VERBOSITY default
SELECT drafter FROM register_roadmap(:c, 'executor_only', 'first_head', approved_on => '2025-03-12');
SELECT count(*) >= 3 AS sees_them FROM instruction_as_of('2025-03-12');

-- nothing planted ran (the checks below are the test's own queries: the path is reset first)
RESET search_path;
SELECT what, by_whom FROM planted.ran;
SELECT instruction_id - :a AS nth, on_control, due_date
  FROM instruction_control.instruction_as_of('2025-03-12') WHERE instruction_id IN (:a, :b) ORDER BY 1;
SELECT count(*) AS decisions FROM instruction_control.decision WHERE instruction_id IN (:a, :b, :c);

SET client_min_messages = warning;
DROP SCHEMA planted CASCADE;
DROP ROLE ic_planter;
