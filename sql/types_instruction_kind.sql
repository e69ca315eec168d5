--
-- instruction_kind (R4.2, R42): input of codes and names, output, labels, the
-- predicates of the rules, and refused literals (22P02 with DETAIL and HINT).
--
-- quietly: the extension exists already when the whole suite runs
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS instruction_control;
RESET client_min_messages;
SET search_path = instruction_control, public;
\set VERBOSITY default
\set SHOW_CONTEXT never

SELECT input, input::instruction_kind AS kind
  FROM (VALUES ('act_point'), ('ACT_POINT'), ('act point'), ('Актінің тармағы'), ('Пункт акта'),
               ('event'), ('Іс-шара'), ('Мероприятие'),
               ('security_council'), ('Security Council'), ('ҚК'), ('Қауіпсіздік Кеңесі'),
               ('Совет Безопасности'), ('assembly'), ('Қазақстан халқы Ассамблеясы'),
               ('Ассамблея народа Казахстана'), ('personal'), ('Жеке тапсырма'),
               ('Личное поручение Президента'), ('personal_published'),
               ('Жарияланған жеке тапсырма'), ('Опубликованное личное поручение'),
               ('document'), ('Құжат'), ('Обращение'), ('national_plan'),
               ('Жалпыұлттық іс-шаралар жоспары'), ('Общенациональный план мероприятий'))
       AS t(input);

-- Every kind with its labels.
SELECT k, label(k) AS en, label(k, 'kk') AS kk, label(k, 'ru') AS ru
  FROM instruction_kinds() AS k ORDER BY k;

-- The predicates the rules ask.
SELECT k, is_personal(k) AS "R51/R77 personal", is_published_personal(k) AS "R74 published",
       extension_only_by_president(k) AS "R74 president only",
       is_security_council(k) AS "R69.2 SC", is_national_plan(k) AS "R72.1 plan",
       requires_pa_control(k) AS "R42-1.1 PA"
  FROM instruction_kinds() AS k ORDER BY k;

SELECT typlen, typbyval, typalign FROM pg_type
 WHERE oid = 'instruction_control.instruction_kind'::regtype;

SELECT 'personal'::instruction_kind;
SELECT 'personal'::instruction_kind = 'Жеке тапсырма' AS same,
       'event'::instruction_kind < 'document' AS ordered_by_number;

-- Refused.
SELECT 'поручение'::instruction_kind;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT label('event'::instruction_kind, 'english');
\echo sqlstate :LAST_ERROR_SQLSTATE

CREATE FUNCTION pg_temp.try(typ regtype, lit text,
                            OUT state text, OUT message text)
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT %L::%s', lit, typ);
  state := '00000';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
END
$$;
SELECT lit, r.state, r.message
  FROM unnest(ARRAY['', '  ', 'act-point', 'actpoint', 'act.point', 'point', 'events',
                    'security', 'council', 'sec council', 'assembly of people of', 'person',
                    'personal-published', 'published', 'documents', 'plan', 'national',
                    'поручение', 'тапсырма', 'жеке', 'личное', 'Президент', '1', 'null',
                    'act_point;']) AS lit,
       LATERAL pg_temp.try('instruction_control.instruction_kind', lit) AS r;
