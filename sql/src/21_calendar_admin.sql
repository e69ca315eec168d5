-- ===========================================================================
-- Calendar, part 2 of 3: administration (new years, the Kurban Ait estimate,
-- a Government transfer, confirming a year).  The overview: 20_calendar.sql.
-- ===========================================================================

-- ---------------------------------------------------------------------------
-- Administration: new years (one, or a forecast up to a year), a Government
-- transfer, confirming a year.
-- ---------------------------------------------------------------------------

-- Kurban Ait day 1 is 10 Dhu al-Hijjah.  The Spiritual Administration of
-- Muslims of Kazakhstan announces the day from the new crescent, so years
-- without an announced day get this estimate: the conjunction (new moon) of
-- the month, computed with the periodic terms of J. Meeus, "Astronomical
-- Algorithms", ch. 49; when it falls at or before 14:00 UTC (about sunset in
-- Kazakhstan) the month starts the next day, otherwise the day after.  It
-- gives the announced day for 11 of 2006, 2015-2026 (one day early in 2015
-- and 2016).  In C (src/calendar/kurban_core.c), the same computation the
-- PL/pgSQL function of 0.1 and 0.2 made, step for step: CREATE EXTENSION
-- estimates 56 years, which took a third of its time in PL/pgSQL.
CREATE FUNCTION kurban_ait_estimate(p_year integer) RETURNS SETOF date
AS '$libdir/instruction_control_calendar', 'ic_sql_kurban_ait_estimate'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 1;

COMMENT ON FUNCTION kurban_ait_estimate(integer) IS
  'Estimated first day(s) of Kurban Ait (10 Dhu al-Hijjah) in a Gregorian year, from the new moon (J. Meeus, ch. 49; conjunction at or before 14:00 UTC starts the month the next day); an estimate, to be replaced by the day the Spiritual Administration of Muslims of Kazakhstan announces';

-- The rule-based days of the years p_from_year..p_to_year, in one pass: the
-- holidays of calendar_holiday_rule, Kurban Ait day 1 (the days given, else
-- an estimate when p_estimate_kurban_ait), the days off of the weekend-holiday
-- rule, and a calendar_year row marked generated per year.  Returns the
-- number of days added.
CREATE FUNCTION calendar_generate_years(p_calendar text, p_from_year integer, p_to_year integer,
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
  taken     date[];                   -- weekdays the calendar has as exceptions
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
  -- invalidates the working-day caches.  The days the calendar already has
  -- from the first year to a month after the last are read once (taken), so
  -- the search for the next free weekday tests arrays, not the table (issue
  -- 19: a query per candidate day was most of CREATE EXTENSION's calendar).
  SELECT coalesce(array_agg(c.day), '{}'::date[]) INTO taken
    FROM calendar_day c
   WHERE c.calendar = p_calendar AND c.day BETWEEN y_first AND y_last + 31
     AND NOT extract(isodow FROM c.day)::smallint = ANY (cal.weekend_days);
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
    d := r.day;
    LOOP
      d := d + 1;
      CONTINUE WHEN extract(isodow FROM d)::smallint = ANY (cal.weekend_days) OR d = ANY (off_days)
                 OR d = ANY (taken);
      EXIT WHEN d <= y_last + 31
             OR NOT EXISTS (SELECT 1 FROM calendar_day WHERE calendar = p_calendar AND day = d);
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

COMMENT ON FUNCTION calendar_generate_years(text, integer, integer, date[], boolean) IS
  'Internal (generate_calendar_year, extend_calendar, CREATE EXTENSION): adds the rule-based days of the years p_from_year..p_to_year next to the calendar''s range, Kurban Ait day 1 given or estimated, and marks the years generated (returns the number of days added)';

CREATE FUNCTION generate_calendar_year(p_calendar text, p_year integer, p_kurban_ait date DEFAULT NULL)
RETURNS integer
LANGUAGE sql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT calendar_generate_years(p_calendar, p_year, p_year,
                                 CASE WHEN p_kurban_ait IS NULL THEN NULL ELSE ARRAY[p_kurban_ait] END,
                                 false)
$$;

COMMENT ON FUNCTION generate_calendar_year(text, integer, date) IS
  'Adds a year to a calendar: holidays from calendar_holiday_rule, Kurban Ait day 1 if given, and the days off of the weekend-holiday rule; the year is marked generated (returns the number of days added)';

CREATE FUNCTION extend_calendar(p_calendar text, p_until_year integer, p_estimate_kurban_ait boolean DEFAULT true)
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  last_day  date;
  last_year integer;
BEGIN
  SELECT valid_to INTO last_day FROM calendar WHERE code = p_calendar FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'calendar "%" does not exist', p_calendar
      USING ERRCODE = 'IC001',
            HINT = 'Create it first: INSERT INTO instruction_control.calendar (code, name, valid_from, valid_to) VALUES (...).';
  END IF;
  last_year := extract(year FROM last_day)::integer;
  IF last_day <> make_date(last_year, 12, 31) THEN
    RAISE EXCEPTION 'calendar "%" ends on %, not on 31 December', p_calendar, last_day
      USING ERRCODE = 'IC003',
            DETAIL = 'extend_calendar() adds whole years after the covered range.',
            HINT = 'Cover the rest of that year first.';
  END IF;
  IF p_until_year < last_year THEN
    RAISE EXCEPTION 'year % is before the end of calendar "%" (%)', p_until_year, p_calendar, last_day
      USING ERRCODE = 'IC003',
            DETAIL = 'extend_calendar() adds the years after the covered range; it never changes a covered year.',
            HINT = 'Change a covered year with add_transfer() or UPDATE; add a year before the range with generate_calendar_year().';
  END IF;
  IF p_until_year = last_year THEN
    RETURN 0;
  END IF;
  PERFORM calendar_generate_years(p_calendar, last_year + 1, p_until_year, NULL, p_estimate_kurban_ait);
  RETURN p_until_year - last_year;
END
$$;

COMMENT ON FUNCTION extend_calendar(text, integer, boolean) IS
  'Adds the forecast years after a calendar''s range up to p_until_year in one call: holidays from calendar_holiday_rule, the weekend-holiday rule and, unless p_estimate_kurban_ait is false, the estimated Kurban Ait day 1; the years are marked generated (returns the number of years added; 0 if the calendar already ends with that year)';

CREATE FUNCTION add_transfer(p_calendar text, p_working_day date, p_day_off date, p_basis text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  cal  calendar%ROWTYPE;
BEGIN
  IF instruction_control.is_blank(p_basis) THEN
    RAISE EXCEPTION 'a change of the calendar needs its basis, the decree that makes it'
      USING ERRCODE = 'IC003',
            HINT = 'Name the decree, e.g. ''Government Decree No. 713 of 6 October 2021''.';
  END IF;
  -- The days are judged from the tables, not from the working-day cache: a
  -- series of transfers would otherwise reload the cache after each one.  An
  -- unknown calendar or a date outside it gets the error of is_working_day().
  SELECT * INTO cal FROM calendar WHERE code = p_calendar;
  IF NOT FOUND OR p_working_day NOT BETWEEN cal.valid_from AND cal.valid_to THEN
    PERFORM is_working_day(p_working_day, p_calendar);
  END IF;
  IF p_day_off NOT BETWEEN cal.valid_from AND cal.valid_to THEN
    PERFORM is_working_day(p_day_off, p_calendar);
  END IF;
  IF coalesce((SELECT kind = 'working_day' FROM calendar_day WHERE calendar = p_calendar AND day = p_working_day),
              NOT extract(isodow FROM p_working_day)::smallint = ANY (cal.weekend_days)) THEN
    RAISE EXCEPTION '% is already a working day in calendar "%"', p_working_day, p_calendar
      USING ERRCODE = 'IC003',
            DETAIL = 'A transfer (Labour Code art. 85(3)) makes a day off a working day and a working day a day off.',
            HINT = 'The first date is the day off that becomes a working day, the second the working day that becomes a day off.';
  END IF;
  IF NOT coalesce((SELECT kind = 'working_day' FROM calendar_day WHERE calendar = p_calendar AND day = p_day_off),
                  NOT extract(isodow FROM p_day_off)::smallint = ANY (cal.weekend_days)) THEN
    RAISE EXCEPTION '% is already not a working day in calendar "%"', p_day_off, p_calendar
      USING ERRCODE = 'IC003',
            DETAIL = 'A transfer (Labour Code art. 85(3)) makes a day off a working day and a working day a day off.',
            HINT = 'The first date is the day off that becomes a working day, the second the working day that becomes a day off.';
  END IF;
  -- seeded when the extension's own script applies it (as calendar_generate_years)
  INSERT INTO calendar_day AS c (calendar, day, kind, name, name_kk, name_ru, basis, seeded)
  VALUES (p_calendar, p_working_day, 'working_day',
          format('Working day (day off transferred to %s)', p_day_off),
          format('Жұмыс күні (демалыс %s күніне ауыстырылды)', p_day_off),
          format('Рабочий день (выходной перенесён на %s)', p_day_off),
          p_basis, instruction_control.creating_extension()),
         (p_calendar, p_day_off, 'day_off',
          format('Day off (transferred from %s)', p_working_day),
          format('Демалыс күні (%s күнінен ауыстырылды)', p_working_day),
          format('Выходной день (перенесён с %s)', p_working_day),
          p_basis, instruction_control.creating_extension())
  ON CONFLICT (calendar, day) DO UPDATE
     SET kind = excluded.kind, name = excluded.name, name_kk = excluded.name_kk,
         name_ru = excluded.name_ru, basis = excluded.basis;
END
$$;

COMMENT ON FUNCTION add_transfer(text, date, date, text) IS
  'Applies a Government transfer (Labour Code art. 85(3)): p_working_day (a day off) becomes a working day and p_day_off (a working day) a day off';

CREATE FUNCTION confirm_calendar_year(p_calendar text, p_year integer, p_basis text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF instruction_control.is_blank(p_basis) THEN
    RAISE EXCEPTION 'a change of the calendar needs its basis, the decree that makes it'
      USING ERRCODE = 'IC003',
            HINT = 'Name the decree, e.g. ''Government Decree No. 713 of 6 October 2021''.';
  END IF;
  UPDATE calendar_year SET status = 'confirmed', basis = p_basis
   WHERE calendar = p_calendar AND year = p_year;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'calendar "%" has no year %', p_calendar, p_year
      USING ERRCODE = 'IC003',
            HINT = 'Generate it first with instruction_control.generate_calendar_year().';
  END IF;
END
$$;

COMMENT ON FUNCTION confirm_calendar_year(text, integer, text) IS
  'Marks a calendar year confirmed: its days follow the Government''s decree (basis)';
