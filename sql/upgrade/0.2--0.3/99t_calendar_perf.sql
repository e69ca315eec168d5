/*
 * 99t_calendar_perf: CREATE EXTENSION time (issue 19).
 *   - calendar_generate_years() finds the days off of the weekend-holiday
 *     rule in arrays read once, not with a query per candidate day (the same
 *     days; sql/src/21_calendar_admin.sql).
 *   - The event trigger instruction_control_member_ddl is created here, after
 *     the other parts, as the install script now creates it last
 *     (sql/src/99_member_ddl_guard.sql): 97_host_link_section.sql is
 *     sql/src/80_embedding.sql, which no longer creates it.
 */

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

CREATE EVENT TRIGGER instruction_control_member_ddl ON ddl_command_end
  WHEN TAG IN ('ALTER TABLE', 'ALTER INDEX', 'CREATE INDEX', 'CREATE TRIGGER', 'CREATE RULE',
               'CREATE POLICY', 'ALTER POLICY', 'CREATE STATISTICS', 'ALTER TRIGGER')
  EXECUTE FUNCTION refuse_member_ddl();
