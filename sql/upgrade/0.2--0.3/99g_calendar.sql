/*
 * 99g_calendar: the calendar of issue 19 and issue 18 (Calendar).
 *  - kurban_ait_estimate() in C (src/calendar/kurban_core.c), the same days
 *    as the PL/pgSQL function it replaces (test/pgtap/13_calendar_bases.sql);
 *  - calendar_generate_years() and add_transfer(): rows the extension's own
 *    script loads are seeded as they are inserted; a year generated with the
 *    estimate says "the Kurban Ait date is an estimate, +/- 1 day" and
 *    "unconfirmed";
 *  - the bases of the seeded years 2017, 2019, 2023-2026 and of the forecast
 *    years, and of the transfer days of 2023-2025 (the act found, its number
 *    or date unconfirmed where not found).
 * Rows an administrator made or changed (seeded = false) are left as they are.
 */

CREATE OR REPLACE FUNCTION kurban_ait_estimate(p_year integer) RETURNS SETOF date
AS 'MODULE_PATHNAME', 'ic_sql_kurban_ait_estimate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;

CREATE OR REPLACE FUNCTION calendar_generate_years(p_calendar text, p_from_year integer, p_to_year integer,
                                        p_kurban_ait date[], p_estimate_kurban_ait boolean)
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  cal      calendar%ROWTYPE;
  y_first  date := make_date(p_from_year, 1, 1);
  y_last   date := make_date(p_to_year, 12, 31);
  r        record;
  d        date;
  n        integer := 0;
  k        integer;
  off_days  date[] := '{}'::date[];   -- days off of the weekend-holiday rule,
  off_for   date[] := '{}'::date[];   -- the holiday each one is for,
  off_names text[] := '{}'::text[];   -- and its names (en, kk, ru)
  -- rows the extension's own script loads are seeded from the start (no
  -- second pass over them, and the per-row trigger of an administrator's row
  -- does not fire)
  seed      constant boolean := instruction_control.creating_extension();
BEGIN
  IF p_from_year > p_to_year THEN
    RAISE EXCEPTION 'no years from % to %', p_from_year, p_to_year USING ERRCODE = '22023';
  END IF;
  SELECT * INTO cal FROM calendar WHERE code = p_calendar FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'calendar "%" does not exist', p_calendar
      USING ERRCODE = 'IC001',
            HINT = 'Create it first: INSERT INTO instruction_control.calendar (code, name, valid_from, valid_to) VALUES (...).';
  END IF;
  SELECT min(year) INTO k FROM calendar_year
   WHERE calendar = p_calendar AND year BETWEEN p_from_year AND p_to_year;
  IF k IS NOT NULL THEN
    RAISE EXCEPTION 'calendar "%" already has year %', p_calendar, k
      USING ERRCODE = 'IC003',
            DETAIL = 'generate_calendar_year() and extend_calendar() create the rule-based days of new years only.',
            HINT = 'Change single days with UPDATE or add_transfer().';
  END IF;
  IF y_first > cal.valid_to + 1 OR y_last < cal.valid_from - 1 THEN
    RAISE EXCEPTION 'year % is not next to the range of calendar "%" (% to %)',
                    CASE WHEN y_first > cal.valid_to THEN p_from_year ELSE p_to_year END,
                    p_calendar, cal.valid_from, cal.valid_to
      USING ERRCODE = 'IC003',
            HINT = 'Add the years in between first: a calendar covers one unbroken range.';
  END IF;
  IF greatest(cal.valid_to, y_last) - least(cal.valid_from, y_first) >= 146400 THEN
    RAISE EXCEPTION 'calendar "%" would cover more than 400 years (% to %)',
                    p_calendar, least(cal.valid_from, y_first), greatest(cal.valid_to, y_last)
      USING ERRCODE = 'IC003',
            DETAIL = 'The working-day cache holds at most 400 years of a calendar.';
  END IF;
  SELECT g INTO d FROM unnest(p_kurban_ait) g
   WHERE g IS NOT NULL AND extract(year FROM g)::integer NOT BETWEEN p_from_year AND p_to_year LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Kurban Ait % is not in year %', d,
                    CASE WHEN p_from_year = p_to_year THEN p_from_year::text
                         ELSE p_from_year || '-' || p_to_year END
      USING ERRCODE = '22023';
  END IF;
  UPDATE calendar SET valid_from = least(valid_from, y_first), valid_to = greatest(valid_to, y_last)
   WHERE code = p_calendar AND (valid_from > y_first OR valid_to < y_last);

  -- Holidays of the years from the rules (29 February only in leap years).
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis, seeded)
  SELECT p_calendar, make_date(y, h.month, h.day), 'holiday', h.name, h.name_kk, h.name_ru, h.basis, seed
    FROM generate_series(p_from_year, p_to_year) AS y
    JOIN calendar_holiday_rule h
      ON h.calendar = p_calendar AND y BETWEEN h.valid_from_year AND h.valid_to_year
   WHERE (h.month, h.day) <> (2, 29) OR (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0))
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;

  -- Kurban Ait day 1: the days given; for the other years an estimate.
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis, seeded)
  SELECT p_calendar, g, 'holiday', 'Kurban Ait (day 1)', 'Құрбан айт (1-күні)', 'Курбан айт (1-й день)',
         'Labour Code, art. 84(5); never moved', seed
    FROM unnest(p_kurban_ait) AS g
   WHERE g IS NOT NULL
  UNION ALL
  SELECT p_calendar, e, 'holiday', 'Kurban Ait (day 1, estimated)', 'Құрбан айт (1-күні, болжам)',
         'Курбан айт (1-й день, оценка)',
         'Labour Code, art. 84(5); never moved.  Day estimated by kurban_ait_estimate() until the Spiritual Administration of Muslims of Kazakhstan announces it', seed
    FROM generate_series(p_from_year, p_to_year) AS y
   CROSS JOIN LATERAL kurban_ait_estimate(y) AS e
   WHERE p_estimate_kurban_ait
     AND NOT EXISTS (SELECT 1 FROM unnest(p_kurban_ait) AS g WHERE extract(year FROM g) = y)
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS k = ROW_COUNT;
  n := n + k;

  -- Law "On holidays", art. 5: a holiday on a weekend day makes the next working
  -- day after it a day off (7 January and Kurban Ait are never moved).  The
  -- days off are collected and inserted at once: each statement on the table
  -- invalidates the working-day caches.
  FOR r IN
    SELECT DISTINCT ON (1) make_date(y, h.month, h.day) AS day, h.name, h.name_kk, h.name_ru
      FROM generate_series(p_from_year, p_to_year) AS y
      JOIN calendar_holiday_rule h
        ON h.calendar = p_calendar AND y BETWEEN h.valid_from_year AND h.valid_to_year
     WHERE h.moves_off_weekend
       AND ((h.month, h.day) <> (2, 29) OR (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0)))
       AND extract(isodow FROM make_date(y, h.month, h.day))::smallint = ANY (cal.weekend_days)
     ORDER BY 1
  LOOP
    d := r.day + 1;
    WHILE extract(isodow FROM d)::smallint = ANY (cal.weekend_days) OR d = ANY (off_days)
          OR EXISTS (SELECT 1 FROM calendar_day WHERE calendar = p_calendar AND day = d) LOOP
      d := d + 1;
    END LOOP;
    off_days := off_days || d;
    off_for := off_for || r.day;
    off_names := off_names || ARRAY[[r.name, r.name_kk, r.name_ru]];
  END LOOP;
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis, seeded)
  SELECT p_calendar, off_days[i], 'day_off',
         format('Day off for %s (%s)', off_names[i][1], off_for[i]),
         format('Демалыс күні: %s (%s)', off_names[i][2], off_for[i]),
         format('Выходной день за %s (%s)', off_names[i][3], off_for[i]),
         'Law "On holidays in the Republic of Kazakhstan", art. 5 (holiday on a day off)', seed
    FROM generate_subscripts(off_days, 1) AS i
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS k = ROW_COUNT;
  n := n + k;

  INSERT INTO calendar_year (calendar, year, status, basis, seeded)
  SELECT p_calendar, y, 'generated',
         'Generated from the holiday rules'
         || CASE WHEN EXISTS (SELECT 1 FROM unnest(p_kurban_ait) AS g WHERE extract(year FROM g) = y) THEN ''
                 WHEN p_estimate_kurban_ait THEN ' (the Kurban Ait date is an estimate, +/- 1 day)'
                 ELSE ' (Kurban Ait not given)' END
         || '; unconfirmed: no Government decree applied', seed
    FROM generate_series(p_from_year, p_to_year) AS y;
  RETURN n;
END
$$;

\definition add_transfer sql/src/21_calendar_admin.sql

-- the bases of the seeded years
UPDATE calendar_year AS y SET basis = v.basis
  FROM (VALUES
    (2017, 'Government decree No. 5 of 2017 "On the transfer of days off in 2017" (adilet.zan.kz P1700000005): Sat 18 Mar works, Mon 20 Mar off; Sat 1 Jul works, Fri 7 Jul off; Kurban Ait 1 Sep.  Transfers unconfirmed: they rest on one source (python-holidays'' list of decrees); the resolution text was not read'),
    (2019, 'Government decree No. 888 of 2018 (adilet.zan.kz P1800000888): Sat 4 May works, Fri 10 May off; Kurban Ait 11 Aug.  Transfer unconfirmed: it rests on one source (python-holidays'' list of decrees); the resolution text was not read, and a 2019 holiday calendar as published (kokshetau.online) does not list it'),
    (2023, 'Government resolution of 25 April 2023 "On the transfer of a day off in 2023" (as published by zakon.kz): Sat 1 Jul works, Fri 7 Jul off; resolution number unconfirmed; Kurban Ait 28 Jun'),
    (2024, 'Order of the acting Minister of Labour and Social Protection of the Population of 17 April 2024 "On the transfer of a day off in 2024", under Labour Code art. 85(3) (its text as reported by nur.kz and sputniknews.kz; since 2024 the Minister, not the Government, moves days off): Sat 4 May works, Wed 8 May off; order number unconfirmed; Kurban Ait 16 Jun'),
    (2025, 'Order of the Minister of Labour and Social Protection of the Population on the transfer of a day off in 2025, under Labour Code art. 85(3) (reported in November 2024): Sun 5 Jan works, Fri 3 Jan off; order number and date unconfirmed; Kurban Ait 6 Jun'),
    (2026, 'No transfers decreed for 2026 (no Government resolution or Minister''s order on moving days off found; unconfirmed that none will be); holidays per the Law "On holidays" as amended (no 30 Aug); Kurban Ait 27 May')
  ) AS v(year, basis)
 WHERE y.calendar = 'KZ' AND y.seeded AND y.year = v.year;
UPDATE calendar_year
   SET basis = 'Forecast generated from the holiday rules, unconfirmed: no Government decree yet; the Kurban Ait date is an estimate (+/- 1 day) until it is announced'
 WHERE calendar = 'KZ' AND seeded AND status = 'generated' AND year BETWEEN 2027 AND 2075;

-- the transfer days of 2023-2025
UPDATE calendar_day AS d SET basis = v.basis
  FROM (VALUES
    (date '2023-07-01', 'Government resolution of 25 April 2023 "On the transfer of a day off in 2023" (as published by zakon.kz): Sat 1 Jul works, Fri 7 Jul off; resolution number unconfirmed'),
    ('2023-07-07', 'Government resolution of 25 April 2023 "On the transfer of a day off in 2023" (as published by zakon.kz): Sat 1 Jul works, Fri 7 Jul off; resolution number unconfirmed'),
    ('2024-05-04', 'Order of the acting Minister of Labour and Social Protection of the Population of 17 April 2024 "On the transfer of a day off in 2024", under Labour Code art. 85(3) (its text as reported by nur.kz and sputniknews.kz; since 2024 the Minister, not the Government, moves days off): Sat 4 May works, Wed 8 May off; order number unconfirmed'),
    ('2024-05-08', 'Order of the acting Minister of Labour and Social Protection of the Population of 17 April 2024 "On the transfer of a day off in 2024", under Labour Code art. 85(3) (its text as reported by nur.kz and sputniknews.kz; since 2024 the Minister, not the Government, moves days off): Sat 4 May works, Wed 8 May off; order number unconfirmed'),
    ('2025-01-05', 'Order of the Minister of Labour and Social Protection of the Population on the transfer of a day off in 2025, under Labour Code art. 85(3) (reported in November 2024): Sun 5 Jan works, Fri 3 Jan off; order number and date unconfirmed'),
    ('2025-01-03', 'Order of the Minister of Labour and Social Protection of the Population on the transfer of a day off in 2025, under Labour Code art. 85(3) (reported in November 2024): Sun 5 Jan works, Fri 3 Jan off; order number and date unconfirmed')
  ) AS v(day, basis)
 WHERE d.calendar = 'KZ' AND d.seeded AND d.day = v.day;
