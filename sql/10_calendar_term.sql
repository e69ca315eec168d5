--
-- The term type (R50.3, R51): input in English, Kazakh and Russian, canonical
-- English output, comparison, binary I/O, accessors, and the errors for a
-- malformed literal (22P02 with DETAIL and HINT).
--
CREATE EXTENSION IF NOT EXISTS instruction_control;
\set VERBOSITY default
\set SHOW_CONTEXT never
SET search_path = instruction_control, public;

SELECT t AS input, t::term AS term, term_count(t::term) AS count, term_unit(t::term) AS unit
  FROM (VALUES ('10 working days'), ('1 working day'), ('10 wd'), ('10WD'), ('  5   Working Days '),
               ('14 days'), ('1 day'), ('14 calendar days'), ('2 weeks'), ('1 week'),
               ('6 months'), ('1 month'),
               ('10 жұмыс күні'), ('10 ЖҰМЫС КҮНІ'), ('5 жұмыс күнге'), ('14 күн'), ('2 апта'),
               ('2 аптаға'), ('6 ай'), ('6 АЙ'), ('6 айға'),
               ('10 рабочих дней'), ('1 рабочий день'), ('3 рабочих дня'), ('14 дней'),
               ('14 календарных дней'), ('2 недели'), ('5 недель'), ('1 неделя'),
               ('6 месяцев'), ('2 месяца'), ('1 месяц'), ('6 МЕСЯЦЕВ'),
               ('10000 days')) AS v(t);

-- Equality is exact; the order is by unit, then by count.
SELECT '2 weeks'::term = '14 days'::term AS weeks_equal_days,
       '2 недели'::term = '2 weeks'::term AS same_term_in_russian,
       '10 wd'::term < '2 days'::term AS working_days_sort_first,
       '10 wd'::term > '9 рабочих дней'::term AS by_count;
SELECT t FROM (VALUES ('6 months'::term), ('10 wd'), ('2 weeks'), ('14 days'), ('1 wd'), ('3 days')) v(t)
 ORDER BY t;
SELECT count(DISTINCT t) AS distinct_terms
  FROM (VALUES ('10 wd'::term), ('10 working days'), ('10 жұмыс күні'), ('10 рабочих дней'), ('14 days')) v(t);

-- Binary send/receive: a round trip through COPY (FORMAT binary), and a bad
-- binary value (unit code 7) refused.  Binary COPY carries no types, so a
-- bytea written out is read back as the raw bytes of a term.
SELECT term_send('10 wd'::term) AS wd10, term_send('6 months'::term) AS months6;
CREATE TEMP TABLE term_copy (t term);
DO $$
DECLARE
  f text := current_setting('data_directory') || '/ic_term_binary.dat';
BEGIN
  EXECUTE format('COPY (SELECT t FROM (VALUES (%L::instruction_control.term), (%L), (%L)) v(t)) TO %L (FORMAT binary)',
                 '10 wd', '2 апта', '6 месяцев', f);
  EXECUTE format('COPY term_copy FROM %L (FORMAT binary)', f);
END
$$;
SELECT t FROM term_copy;
DO $$
DECLARE
  f text := current_setting('data_directory') || '/ic_term_binary.dat';
BEGIN
  EXECUTE format('COPY (SELECT %L::bytea) TO %L (FORMAT binary)', '\x0000000500000007', f);
  EXECUTE format('COPY term_copy FROM %L (FORMAT binary)', f);
END
$$;
\echo sqlstate :LAST_ERROR_SQLSTATE

-- Malformed literals: 22P02, with what is accepted.
SELECT '5 bananas'::term;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT ''::term;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT '0 days'::term;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT '10001 days'::term;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT '10'::term;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT '-3 days'::term;
\echo sqlstate :LAST_ERROR_SQLSTATE
SELECT '1.5 weeks'::term;
\echo sqlstate :LAST_ERROR_SQLSTATE
