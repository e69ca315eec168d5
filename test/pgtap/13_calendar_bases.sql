-- Calendar bases (issue 18, Calendar; R50.3 counts deadlines in this calendar): every year's basis
-- names the act that moved its days off (a Government resolution with its number, or since 2024 the
-- Minister's order) or says plainly that it is unconfirmed; every forecast year says that its Kurban
-- Ait date is an estimate (+/- 1 day).  The estimate itself is computed in C since 0.3: it gives the
-- days the PL/pgSQL function of 0.2 gave (its body is the reference below).
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SELECT plan(14);

-- ---------------------------------------------------------------------------
-- Every year: a resolution (with its number) or "unconfirmed".
-- ---------------------------------------------------------------------------
SELECT is((SELECT string_agg(year::text, ', ' ORDER BY year) FROM calendar_year
            WHERE calendar = 'KZ' AND basis !~ 'No\. [0-9]+' AND basis !~* '\m(unconfirmed|not confirmed)\M'),
          NULL, 'R50.3 every year of the KZ calendar names its resolution''s number or says it is unconfirmed');
SELECT is((SELECT string_agg(year::text, ', ' ORDER BY year) FROM calendar_year
            WHERE calendar = 'KZ' AND year BETWEEN 2016 AND 2022 AND basis !~ 'No\. [0-9]+'),
          NULL, 'R50.3 2016-2022 name the number of their resolution');
SELECT ok((SELECT basis ~ 'resolution of 25 April 2023' AND basis ~ 'number unconfirmed'
             FROM calendar_year WHERE calendar = 'KZ' AND year = 2023),
          'R50.3 2023: the Government resolution of 25 April 2023; its number unconfirmed');
SELECT ok((SELECT basis ~ 'Minister of Labour' AND basis ~ '17 April 2024' AND basis ~ 'number unconfirmed'
             FROM calendar_year WHERE calendar = 'KZ' AND year = 2024),
          'R50.3 2024: the order of 17 April 2024 of the Minister of Labour (not a Government resolution); its number unconfirmed');
SELECT ok((SELECT basis ~ 'Minister of Labour' AND basis ~ 'number and date unconfirmed'
             FROM calendar_year WHERE calendar = 'KZ' AND year = 2025),
          'R50.3 2025: the order of the Minister of Labour; its number and date unconfirmed');
SELECT is((SELECT count(*) FROM calendar_day
            WHERE calendar = 'KZ' AND day IN ('2023-07-01', '2023-07-07', '2024-05-04', '2024-05-08', '2025-01-05', '2025-01-03')
              AND basis ~ '(resolution|order)' AND basis ~ 'unconfirmed'),
          6::bigint, 'R50.3 the transfer days of 2023-2025 carry the same basis as their year');
SELECT ok((SELECT bool_and(basis ~ 'unconfirmed' AND basis ~ 'one source')
             FROM calendar_year WHERE calendar = 'KZ' AND year IN (2017, 2019)),
          'R50.3 2017 and 2019: the transfers rest on one source, marked unconfirmed');
SELECT ok((SELECT basis ~ 'No transfers decreed for 2026' AND basis ~ 'unconfirmed'
             FROM calendar_year WHERE calendar = 'KZ' AND year = 2026),
          'R50.3 2026: no transfer known, unconfirmed that none will come');

-- ---------------------------------------------------------------------------
-- Forecast years: the Kurban Ait date is an estimate (+/- 1 day).
-- ---------------------------------------------------------------------------
SELECT is((SELECT string_agg(year::text, ', ' ORDER BY year) FROM calendar_year
            WHERE calendar = 'KZ' AND status = 'generated'
              AND year > (SELECT max(year) FROM calendar_year WHERE calendar = 'KZ' AND status = 'confirmed')
              AND basis !~ 'Kurban Ait date is an estimate.{0,3}\+/- 1 day'),
          NULL, 'R50.3 every forecast year (2027-2075) says its Kurban Ait date is an estimate (+/- 1 day)');
SELECT is(extend_calendar('KZ', 2078), 3, 'R50.3 extend_calendar adds three forecast years');
SELECT is((SELECT count(*) FROM calendar_year
            WHERE calendar = 'KZ' AND year > 2075 AND basis ~ 'Kurban Ait date is an estimate.{0,3}\+/- 1 day'
              AND basis ~ 'unconfirmed'),
          3::bigint, 'R50.3 the years extend_calendar adds say the estimate and that they are unconfirmed');
SELECT throws_ok($$SELECT confirm_calendar_year('KZ', 2078, '  ')$$, 'IC003', NULL,
                 'R50.3 a year is not confirmed without its basis');

-- ---------------------------------------------------------------------------
-- The estimate in C gives the days of the PL/pgSQL function of 0.2.
-- ---------------------------------------------------------------------------
CREATE FUNCTION pg_temp.kurban_reference(p_year integer) RETURNS SETOF date
LANGUAGE plpgsql IMMUTABLE STRICT
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  tab_jd  double precision;
  k       integer;
  t       double precision;
  m       double precision;
  mp      double precision;
  f       double precision;
  om      double precision;
  e       double precision;
  conj    double precision;
  best    double precision;
  ts      timestamp;
  eid     date;
BEGIN
  FOR hy IN ((p_year - 622) * 33 / 32 - 1) .. ((p_year - 622) * 33 / 32 + 2) LOOP
    tab_jd := 325 + (hy - 1) * 354 + (3 + 11 * hy) / 30 + 1948438.5;
    k := round((tab_jd - 2451550.09766) / 29.530588861);
    best := NULL;
    FOR kk IN k - 1 .. k + 1 LOOP
      t := kk / 1236.85;
      m  := radians(2.5534 + 29.10535670 * kk - 0.0000014 * t^2 - 0.00000011 * t^3);
      mp := radians(201.5643 + 385.81693528 * kk + 0.0107582 * t^2 + 0.00001238 * t^3 - 0.000000058 * t^4);
      f  := radians(160.7108 + 390.67050284 * kk - 0.0016118 * t^2 - 0.00000227 * t^3 + 0.000000011 * t^4);
      om := radians(124.7746 - 1.56375588 * kk + 0.0020672 * t^2 + 0.00000215 * t^3);
      e  := 1 - 0.002516 * t - 0.0000074 * t^2;
      conj := 2451550.09766 + 29.530588861 * kk + 0.00015437 * t^2 - 0.000000150 * t^3 + 0.00000000073 * t^4
        - 0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f)
        + 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m)
        - 0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
        - 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
        - 0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m)
        + 0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f)
        + 0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f)
        - 0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp)
        + 0.000325 * sin(radians(299.77 + 0.107408 * kk - 0.009173 * t^2))
        + 0.000165 * sin(radians(251.88 + 0.016321 * kk)) + 0.000164 * sin(radians(251.83 + 26.651886 * kk))
        + 0.000126 * sin(radians(349.42 + 36.412478 * kk)) + 0.000110 * sin(radians(84.66 + 18.206239 * kk))
        + 0.000062 * sin(radians(141.74 + 53.303771 * kk)) + 0.000060 * sin(radians(207.14 + 2.453732 * kk))
        + 0.000056 * sin(radians(154.84 + 7.306860 * kk)) + 0.000047 * sin(radians(34.52 + 27.261239 * kk))
        + 0.000042 * sin(radians(207.19 + 0.121824 * kk)) + 0.000040 * sin(radians(291.34 + 1.844379 * kk))
        + 0.000037 * sin(radians(161.72 + 24.198154 * kk)) + 0.000035 * sin(radians(239.56 + 25.513099 * kk))
        + 0.000023 * sin(radians(331.55 + 3.592518 * kk))
        - 69.0 / 86400;
      IF best IS NULL OR abs(conj - tab_jd) < abs(best - tab_jd) THEN
        best := conj;
      END IF;
    END LOOP;
    ts := timestamp '2000-01-01 12:00' + (best - 2451545.0) * interval '1 day';
    eid := ts::date + CASE WHEN ts::time <= time '14:00' THEN 10 ELSE 11 END;
    IF extract(year FROM eid) = p_year THEN
      RETURN NEXT eid;
    END IF;
  END LOOP;
END
$$;

SELECT is((SELECT count(*) FROM generate_series(1900, 2600) AS y
            WHERE ARRAY(SELECT kurban_ait_estimate(y)) IS DISTINCT FROM ARRAY(SELECT pg_temp.kurban_reference(y))),
          0::bigint, 'R50.3 kurban_ait_estimate (C) gives the days of the PL/pgSQL function of 0.2 for 1900-2600');
SELECT is(ARRAY(SELECT kurban_ait_estimate(2027)), ARRAY['2027-05-16'::date],
          'R50.3 forecast 2027: Kurban Ait day 1 estimated on 16 May');

SELECT * FROM finish();
ROLLBACK;
