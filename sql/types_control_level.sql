--
-- control_level (R42-1): input of codes and Kazakh/Russian/English names,
-- output, order, labels, and refused literals (22P02 with DETAIL and HINT).
--
-- quietly: the extension exists already when the whole suite runs
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS instruction_control;
RESET client_min_messages;
SET search_path = instruction_control, public;
\set VERBOSITY default
\set SHOW_CONTEXT never

-- Codes, any case and spacing, and the names a host registry uses.
SELECT input, input::control_level AS level
  FROM (VALUES ('pa'), ('PA'), ('  Pa  '), ('government'), ('Government'), ('central'),
               ('local'), ('organisation'), ('Organization'),
               ('Президент Әкімшілігі'), ('ПРЕЗИДЕНТ  ӘКІМШІЛІГІ'), ('ПӘ'),
               ('Администрация Президента'), ('АП'), ('Администрация Президента РК'),
               ('Presidential Administration'), ('Үкімет'), ('Правительство'),
               ('Правительство РК'), ('Правительство Республики Казахстан'),
               ('орталық мемлекеттік орган'), ('центральный государственный орган'),
               ('ЦГО'), ('Министерство'), ('жергілікті атқарушы орган'),
               ('местный исполнительный орган'), ('акимат'), ('Akimat'), ('әкімдік'),
               ('ЖАО'), ('Ұйым'), ('Организация'), ('подведомственная организация'))
       AS t(input);

-- Every level, highest first (R42-1: PA > Government > central > local), with labels.
SELECT l, label(l) AS en, label(l, 'kk') AS kk, label(l, 'ru') AS ru
  FROM control_levels() AS l ORDER BY l DESC;

-- A label is accepted back as input.
SELECT bool_and(label(l, lang)::control_level = l) AS labels_round_trip
  FROM control_levels() AS l, unnest(ARRAY['kk', 'ru', 'en']) AS lang;

-- Comparison operators follow R42-1.
SELECT 'pa'::control_level > 'government' AS pa_above_government,
       'government'::control_level > 'central' AS government_above_central,
       'central'::control_level > 'local' AS central_above_local,
       'local'::control_level > 'organisation' AS local_above_organisation,
       'Үкімет'::control_level = 'government' AS same,
       'акимат'::control_level <> 'local' AS different,
       'ПӘ'::control_level >= 'pa' AS ge, 'local'::control_level <= 'central' AS le;

-- One byte, passed by value.
SELECT typlen, typbyval, typalign FROM pg_type
 WHERE oid = 'instruction_control.control_level'::regtype;
SELECT pg_column_size('pa'::control_level) AS bytes;

-- Refused: the full error for one literal ...
SELECT 'president'::control_level;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT 'Президент'::control_level;
\echo sqlstate :LAST_ERROR_SQLSTATE
-- ... and a label in an unknown language.
SELECT label('pa'::control_level, 'de');
\echo sqlstate :LAST_ERROR_SQLSTATE

-- ... and the SQLSTATE and message of many more.
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
  FROM unnest(ARRAY['', ' ', 'p a', 'pa.', 'P.A.', 'pa1', 'presidential', 'administration',
                    'gov', 'govt', 'centre', 'centrall', 'locale', 'org', 'organisations',
                    'Президент', 'Әкімшілік', 'Үкіметтің', 'орган', 'мемлекеттік орган',
                    'РА', 'акимат акимат', 'none', 'null', '1', '5', 'high', 'local;']) AS lit,
       LATERAL pg_temp.try('instruction_control.control_level', lit) AS r;
