--
-- One vocabulary: the codes the C code knows (vocabulary_codes()), the values
-- the SQL domains accept, and the kk/ru/en labels must agree.  Every query
-- below lists disagreements; each must come back empty.  A code added on one
-- side only fails this test.
--
CREATE EXTENSION IF NOT EXISTS instruction_control;
\set VERBOSITY default
\set SHOW_CONTEXT never
SET search_path = instruction_control, public;

-- The values each SQL domain of the extension accepts, read from its CHECK.
CREATE TEMP VIEW sql_codes AS
SELECT t.typname::text AS domain, m[1] AS code
  FROM pg_type t
  JOIN pg_constraint c ON c.contypid = t.oid,
       regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_0-9]+)''', 'g') AS m
 WHERE t.typnamespace = 'instruction_control'::regnamespace AND t.typtype = 'd';

-- Whether a C code is accepted by its SQL domain or type.
CREATE FUNCTION pg_temp.accepted(domain text, code text) RETURNS boolean LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT %L::instruction_control.%I', code, domain);
  RETURN true;
EXCEPTION WHEN OTHERS THEN
  RETURN false;
END $$;

-- 1. Every C code is accepted by its SQL domain or type.
SELECT domain, code FROM vocabulary_codes() WHERE NOT pg_temp.accepted(domain, code);

-- 2. Every value a SQL domain accepts is known to the C code (for the domains the C code reads).
SELECT s.domain, s.code FROM sql_codes s
 WHERE s.domain IN (SELECT domain FROM vocabulary_codes())
   AND (s.domain, s.code) NOT IN (SELECT domain, code FROM vocabulary_codes());

-- 3. Every code of every domain has a label in kk, ru and en.
SELECT s.domain, s.code FROM sql_codes s
  LEFT JOIN vocabulary v ON v.domain = s.domain AND v.code = s.code
 WHERE v.code IS NULL OR btrim(v.kk) = '' OR btrim(v.ru) = '' OR btrim(v.en) = '';

-- 4. No label names a code its domain does not have (the forms' phrases,
-- domain form_phrase, are words of the forms, not codes: checks 4a-4c).
SELECT v.domain, v.code FROM vocabulary v
 WHERE (v.domain, v.code) NOT IN (SELECT domain, code FROM sql_codes)
   AND v.domain <> 'form_phrase';

-- 4a. Every phrase of the forms has kk, ru and en (issue 21, item 4).
SELECT v.code FROM vocabulary v
 WHERE v.domain = 'form_phrase' AND (btrim(v.kk) = '' OR btrim(v.ru) = '' OR btrim(v.en) = '');

-- 4b. A phrase is a format() pattern: each language fills the same places
-- (%s or %1$s ...), so no language drops or repeats a fact.
SELECT v.code, v.kk, v.ru, v.en FROM vocabulary v
 WHERE v.domain = 'form_phrase'
   -- (in Kazakh %6$s and %7$s are the dates of %2$s and %3$s with their case endings, issue 18)
   AND NOT ((SELECT array_agg(m[1] ORDER BY m[1]) FROM regexp_matches(replace(replace(v.kk, '%6$s', '%2$s'), '%7$s', '%3$s'), '%([0-9]*\$?s)', 'g') m)
            IS NOT DISTINCT FROM (SELECT array_agg(m[1] ORDER BY m[1]) FROM regexp_matches(v.ru, '%([0-9]*\$?s)', 'g') m)
        AND (SELECT array_agg(m[1] ORDER BY m[1]) FROM regexp_matches(v.ru, '%([0-9]*\$?s)', 'g') m)
            IS NOT DISTINCT FROM (SELECT array_agg(m[1] ORDER BY m[1]) FROM regexp_matches(v.en, '%([0-9]*\$?s)', 'g') m));

-- 4c. No phrase code is a code of another vocabulary: label(code, lang) stays unambiguous.
SELECT v.code, o.domain FROM vocabulary v JOIN vocabulary o ON o.code = v.code AND o.domain <> v.domain
 WHERE v.domain = 'form_phrase';

-- 5. The types' codes have labels in every language (from their C tables).
SELECT c.domain, c.code, l.lang FROM vocabulary_codes() c, unnest(ARRAY['kk', 'ru', 'en']) AS l(lang)
 WHERE c.domain IN ('control_level', 'instruction_kind')
   AND coalesce(btrim(label(c.code, l.lang)), '') = '';

-- 6. How many codes each vocabulary has, C and SQL side by side (a drift shows as a difference).
SELECT coalesce(c.domain, s.domain) AS domain, c.n AS c_codes, s.n AS sql_codes
  FROM (SELECT domain, count(*) AS n FROM vocabulary_codes() GROUP BY 1) c
  FULL JOIN (SELECT domain, count(*) AS n FROM sql_codes GROUP BY 1) s ON s.domain = c.domain
 ORDER BY 1;

-- The documented examples, and a synonym an administrator adds as data.
SELECT label('pa', 'kk') AS pa_kk, label('decider', 'head_of_pa', 'ru') AS head_of_pa_ru,
       label('monitoring_category', 'monument', 'ru') AS monument_ru;
SELECT label('local', 'en') AS local_is_a_level_first;
SELECT label('executed', 'xx');
SELECT code_of('decider', 'Руководитель Администрации Президента') AS by_label;
INSERT INTO vocabulary_synonym (domain, synonym, code) VALUES ('decider', 'рап', 'head_of_pa');
SELECT code_of('decider', ' РАП ') AS by_synonym;
SELECT code_of('decider', 'king');
DELETE FROM vocabulary_synonym;
