-- ===========================================================================
-- Calendar
-- ===========================================================================
--
-- Deadlines are counted in working days (R50.3).  A calendar is data: a row
-- of calendar (weekend days, covered range), the holiday rules it is
-- generated from, per-day exceptions (holiday, day off, working day) and per
-- year whether the days are decreed (confirmed) or a forecast (generated).
-- The C functions answer from a per-backend cache; a statement-level trigger
-- on the data tables invalidates every backend's cache when a change commits.
--
-- Rows created by CREATE EXTENSION have seeded = true; pg_dump saves only the
-- other rows (pg_extension_config_dump ... 'WHERE NOT seeded').  Updating a
-- seeded row makes it the administrator's (seeded = false), and an
-- administrator's row replaces the seeded row with the same key, so changes
-- survive dump and restore.  Seeded rows cannot be deleted (change them).

CREATE TABLE calendar (
  code          text PRIMARY KEY
                CONSTRAINT calendar_code_format CHECK (code ~ '^[A-Za-z0-9_]{1,16}$'),
  name          text NOT NULL,
  weekend_days  smallint[] NOT NULL DEFAULT '{6,7}'
                CONSTRAINT calendar_weekend_days CHECK (weekend_days <@ '{1,2,3,4,5,6,7}'::smallint[]
                                                      AND array_position(weekend_days, NULL) IS NULL),
  valid_from    date NOT NULL,
  valid_to      date NOT NULL,
  seeded        boolean NOT NULL DEFAULT false,
  CONSTRAINT calendar_range CHECK (valid_from <= valid_to AND isfinite(valid_from) AND isfinite(valid_to)
                                   AND valid_to - valid_from < 146400)
);

COMMENT ON TABLE calendar IS 'Working-day calendars (R50.3); instruction_control.calendar names the default (KZ)';
COMMENT ON COLUMN calendar.code IS 'Calendar code, 1-16 ASCII letters, digits or underscores';
COMMENT ON COLUMN calendar.name IS 'Name of the calendar';
COMMENT ON COLUMN calendar.weekend_days IS 'ISO days of the week that are days off (1 = Monday .. 7 = Sunday)';
COMMENT ON COLUMN calendar.valid_from IS 'First day the calendar covers; earlier dates are an error (IC002)';
COMMENT ON COLUMN calendar.valid_to IS 'Last day the calendar covers; later dates are an error (IC002)';
COMMENT ON COLUMN calendar.seeded IS 'Created by CREATE EXTENSION (not dumped); false for rows an administrator made or changed';

CREATE TABLE calendar_year (
  calendar  text NOT NULL REFERENCES calendar ON UPDATE CASCADE ON DELETE CASCADE,
  year      integer NOT NULL,
  status    text NOT NULL CONSTRAINT calendar_year_status CHECK (status IN ('confirmed', 'generated')),
  basis     text NOT NULL,
  seeded    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, year)
);

COMMENT ON TABLE calendar_year IS 'Per calendar year: confirmed (the Government''s decree is applied) or generated (a forecast from the rules)';
COMMENT ON COLUMN calendar_year.status IS 'confirmed or generated';
COMMENT ON COLUMN calendar_year.basis IS 'Legal basis of the year''s days (the decree on transfers), or how they were generated';
COMMENT ON COLUMN calendar_year.seeded IS 'Created by CREATE EXTENSION (not dumped)';

CREATE TABLE calendar_holiday_rule (
  calendar          text NOT NULL REFERENCES calendar ON UPDATE CASCADE ON DELETE CASCADE,
  month             integer NOT NULL CHECK (month BETWEEN 1 AND 12),
  day               integer NOT NULL CHECK (day BETWEEN 1 AND 31),
  valid_from_year   integer NOT NULL DEFAULT 1,
  valid_to_year     integer NOT NULL DEFAULT 9999,
  name              text NOT NULL,
  name_kk           text,
  name_ru           text,
  basis             text NOT NULL,
  moves_off_weekend boolean NOT NULL DEFAULT true,
  seeded            boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, month, day, valid_from_year),
  CHECK (valid_from_year <= valid_to_year),
  CHECK (make_date(2000, month, day) IS NOT NULL)
);

COMMENT ON TABLE calendar_holiday_rule IS 'Fixed-date holidays a calendar year is generated from (generate_calendar_year), with the years they apply to';
COMMENT ON COLUMN calendar_holiday_rule.valid_from_year IS 'First year the holiday applies to';
COMMENT ON COLUMN calendar_holiday_rule.valid_to_year IS 'Last year the holiday applies to';
COMMENT ON COLUMN calendar_holiday_rule.name IS 'Name in English';
COMMENT ON COLUMN calendar_holiday_rule.name_kk IS 'Name in Kazakh';
COMMENT ON COLUMN calendar_holiday_rule.name_ru IS 'Name in Russian';
COMMENT ON COLUMN calendar_holiday_rule.basis IS 'Legal basis';
COMMENT ON COLUMN calendar_holiday_rule.moves_off_weekend IS 'On a weekend day the next working day becomes a day off (Law "On holidays", art. 5); false for 7 January and Kurban Ait (Labour Code art. 84(5))';
COMMENT ON COLUMN calendar_holiday_rule.seeded IS 'Created by CREATE EXTENSION (not dumped)';

-- The foreign key to calendar is added after the seed data (end of this
-- section): checked once for the 1,500 seeded days instead of once per day.
CREATE TABLE calendar_day (
  calendar  text NOT NULL,
  day       date NOT NULL,
  kind      text NOT NULL CONSTRAINT calendar_day_kind CHECK (kind IN ('holiday', 'day_off', 'working_day')),
  name      text NOT NULL,
  name_kk   text,
  name_ru   text,
  basis     text NOT NULL,
  seeded    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (calendar, day)
);

COMMENT ON TABLE calendar_day IS 'Exceptions to a calendar''s weekly pattern: holidays and days off (non-working), working days (a working Saturday or Sunday)';
COMMENT ON COLUMN calendar_day.kind IS 'holiday (non-working), day_off (weekend-holiday rule or a Government transfer) or working_day (working on a weekend day by transfer)';
COMMENT ON COLUMN calendar_day.name IS 'Name in English';
COMMENT ON COLUMN calendar_day.name_kk IS 'Name in Kazakh';
COMMENT ON COLUMN calendar_day.name_ru IS 'Name in Russian';
COMMENT ON COLUMN calendar_day.basis IS 'Legal basis: the law, code article or Government decree';
COMMENT ON COLUMN calendar_day.seeded IS 'Created by CREATE EXTENSION (not dumped)';

SELECT pg_catalog.pg_extension_config_dump('calendar', 'WHERE NOT seeded');
SELECT pg_catalog.pg_extension_config_dump('calendar_year', 'WHERE NOT seeded');
SELECT pg_catalog.pg_extension_config_dump('calendar_holiday_rule', 'WHERE NOT seeded');
SELECT pg_catalog.pg_extension_config_dump('calendar_day', 'WHERE NOT seeded');

-- Ownership of rows: see the section header.  SECURITY DEFINER: replacing a
-- seeded row deletes it, and ic_admin, who inserts the replacement, has no
-- DELETE on decision_rule (seeded rows are disabled, not deleted).
CREATE FUNCTION seeded_row_owner() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  -- only the extension's script marks rows seeded: a seeded row is left out of dumps
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.seeded AND NOT instruction_control.creating_extension() THEN
    NEW.seeded := false;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seeded AND NOT instruction_control.creating_extension() THEN
      NEW.seeded := false;
    END IF;
    RETURN NEW;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.seeded AND TG_TABLE_NAME = 'decision_rule' THEN
      RAISE EXCEPTION 'a seeded row of the decision matrix is disabled, not deleted'
        USING ERRCODE = '55000',
              DETAIL = format('Row %s (%s) was installed by the extension; CREATE EXTENSION would bring it back after a dump and restore.', OLD.id, OLD.rule_id),
              HINT = 'UPDATE instruction_control.decision_rule SET enabled = false WHERE id = ...';
    ELSIF OLD.seeded AND TG_TABLE_NAME = 'decision_authority' THEN
      RAISE EXCEPTION 'a seeded authority is disabled, not deleted (R74-1)'
        USING ERRCODE = '55000',
              DETAIL = 'The row was installed by the extension; CREATE EXTENSION would bring it back after a dump and restore.',
              HINT = 'UPDATE instruction_control.decision_authority SET enabled = false WHERE ...';
    ELSIF OLD.seeded THEN
      RAISE EXCEPTION 'cannot delete a row of % that CREATE EXTENSION created', TG_TABLE_NAME
        USING ERRCODE = 'IC003',
              DETAIL = 'Seeded rows are recreated by CREATE EXTENSION on restore; a deleted one would come back.',
              HINT = 'Update the row instead (e.g. SET kind = ''working_day''); the change is then kept by pg_dump.';
    END IF;
    RETURN OLD;
  END IF;
  -- INSERT of an administrator's row: it replaces a seeded row with the same key
  -- (this is also what happens when a dump is restored).  The DELETE runs only
  -- when there is such a row: every DELETE statement on a calendar table fires
  -- the cache invalidation below, which is too costly once per inserted row.
  IF NOT NEW.seeded THEN
    CASE TG_TABLE_NAME
      WHEN 'calendar' THEN
        IF EXISTS (SELECT 1 FROM calendar WHERE code = NEW.code AND seeded) THEN
          UPDATE calendar
             SET name = NEW.name, weekend_days = NEW.weekend_days,
                 valid_from = NEW.valid_from, valid_to = NEW.valid_to
           WHERE code = NEW.code;
          RETURN NULL;
        END IF;
      WHEN 'calendar_year' THEN
        IF EXISTS (SELECT 1 FROM calendar_year WHERE calendar = NEW.calendar AND year = NEW.year AND seeded) THEN
          DELETE FROM calendar_year WHERE calendar = NEW.calendar AND year = NEW.year AND seeded;
        END IF;
      WHEN 'calendar_holiday_rule' THEN
        IF EXISTS (SELECT 1 FROM calendar_holiday_rule
                    WHERE calendar = NEW.calendar AND month = NEW.month AND day = NEW.day
                      AND valid_from_year = NEW.valid_from_year AND seeded) THEN
          DELETE FROM calendar_holiday_rule
           WHERE calendar = NEW.calendar AND month = NEW.month AND day = NEW.day
             AND valid_from_year = NEW.valid_from_year AND seeded;
        END IF;
      WHEN 'calendar_day' THEN
        IF EXISTS (SELECT 1 FROM calendar_day WHERE calendar = NEW.calendar AND day = NEW.day AND seeded) THEN
          DELETE FROM calendar_day WHERE calendar = NEW.calendar AND day = NEW.day AND seeded;
        END IF;
      WHEN 'decision_authority' THEN
        IF EXISTS (SELECT 1 FROM decision_authority
                    WHERE level = NEW.level AND action = NEW.action AND decider = NEW.decider AND seeded) THEN
          UPDATE decision_authority SET enabled = NEW.enabled, basis = NEW.basis
           WHERE level = NEW.level AND action = NEW.action AND decider = NEW.decider;
          RETURN NULL;
        END IF;
      WHEN 'decision_rule' THEN
        DELETE FROM decision_rule WHERE id = NEW.id AND seeded;
    END CASE;
  END IF;
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION seeded_row_owner() IS
  'Trigger on tables with seeded rows (calendar data, decision_authority, decision_rule): an update makes a seeded row the administrator''s; an administrator''s insert replaces the seeded row with the same key; seeded rows cannot be deleted';

-- Deleting the seeded rows inside the trigger must not recurse into the DELETE
-- guard, so the guard runs only for statements issued from outside it.  The
-- INSERT and UPDATE triggers fire only for the rows the function acts on (an
-- administrator's new row, an update of a seeded row), so loading many rows
-- (CREATE EXTENSION, new years) does not run it once per row.
-- Only the extension's script marks a row seeded (seeded rows are left out of
-- dumps): a row an administrator marks seeded is theirs all the same.  Fires
-- before seeded_row_owner (triggers fire in name order), never during the
-- script, so loading the seeded data costs one cheap test per row.
CREATE FUNCTION seeded_flag_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  NEW.seeded := false;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION seeded_flag_guard() IS
  'Trigger: a row marked seeded outside the extension''s own script is the administrator''s (seeded = false), so pg_dump keeps it';
CREATE TRIGGER seeded_flag_guard BEFORE INSERT OR UPDATE ON calendar
  FOR EACH ROW WHEN (NEW.seeded AND NOT instruction_control.creating_extension()) EXECUTE FUNCTION seeded_flag_guard();
CREATE TRIGGER seeded_flag_guard BEFORE INSERT OR UPDATE ON calendar_year
  FOR EACH ROW WHEN (NEW.seeded AND NOT instruction_control.creating_extension()) EXECUTE FUNCTION seeded_flag_guard();
CREATE TRIGGER seeded_flag_guard BEFORE INSERT OR UPDATE ON calendar_holiday_rule
  FOR EACH ROW WHEN (NEW.seeded AND NOT instruction_control.creating_extension()) EXECUTE FUNCTION seeded_flag_guard();
CREATE TRIGGER seeded_flag_guard BEFORE INSERT OR UPDATE ON calendar_day
  FOR EACH ROW WHEN (NEW.seeded AND NOT instruction_control.creating_extension()) EXECUTE FUNCTION seeded_flag_guard();
CREATE TRIGGER seeded_row_owner BEFORE INSERT ON calendar
  FOR EACH ROW WHEN (NOT NEW.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_owner BEFORE INSERT ON calendar_year
  FOR EACH ROW WHEN (NOT NEW.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_owner BEFORE INSERT ON calendar_holiday_rule
  FOR EACH ROW WHEN (NOT NEW.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_owner BEFORE INSERT ON calendar_day
  FOR EACH ROW WHEN (NOT NEW.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_changed BEFORE UPDATE ON calendar
  FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_changed BEFORE UPDATE ON calendar_year
  FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_changed BEFORE UPDATE ON calendar_holiday_rule
  FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_changed BEFORE UPDATE ON calendar_day
  FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON calendar
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON calendar_year
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON calendar_holiday_rule
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON calendar_day
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();

-- Cache invalidation: every backend drops its cached calendars when a change
-- to these tables commits (this backend: at the end of the statement).
CREATE FUNCTION calendar_data_changed() RETURNS trigger
AS '$libdir/instruction_control_calendar', 'ic_calendar_data_changed' LANGUAGE C;

COMMENT ON FUNCTION calendar_data_changed() IS
  'Trigger: invalidates the working-day cache of every session when calendar data changes';

CREATE TRIGGER calendar_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_data_changed();
CREATE TRIGGER calendar_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_year
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_data_changed();
CREATE TRIGGER calendar_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_day
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_data_changed();

-- ---------------------------------------------------------------------------
-- Working-day functions (C).  The calendar argument is optional: without it
-- the setting instruction_control.calendar decides.  is_working_day,
-- add_working_days and working_days_between give NULL for a NULL argument
-- as STRICT functions would, but check it themselves: the executor's strict
-- check loops over the arguments, about 2 ns of a 7 ns call with the calendar
-- argument (issue 19; src/calendar/calendar.c).  They live in the calendar's
-- own library, instruction_control_calendar, with the one setting they read:
-- a session whose first call counts working days loads it alone (issue 19).
-- ---------------------------------------------------------------------------

CREATE FUNCTION is_working_day(d date) RETURNS boolean
AS '$libdir/instruction_control_calendar', 'ic_sql_is_working_day' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION is_working_day(d date, calendar text) RETURNS boolean
AS '$libdir/instruction_control_calendar', 'ic_sql_is_working_day' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION is_working_day(date) IS 'Whether d is a working day in the default calendar (R50.3)';
COMMENT ON FUNCTION is_working_day(date, text) IS 'Whether d is a working day in the given calendar (R50.3)';

CREATE FUNCTION add_working_days(d date, n integer) RETURNS date
AS '$libdir/instruction_control_calendar', 'ic_sql_add_working_days' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION add_working_days(d date, n integer, calendar text) RETURNS date
AS '$libdir/instruction_control_calendar', 'ic_sql_add_working_days' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION add_working_days(date, integer) IS
  'n > 0: the n-th working day strictly after d (R50.3: receipt is day 0); n < 0: the |n|-th working day strictly before d; n = 0: d if working, else the next working day';
COMMENT ON FUNCTION add_working_days(date, integer, text) IS
  'add_working_days(d, n) in the given calendar';

CREATE FUNCTION working_days_between(a date, b date) RETURNS integer
AS '$libdir/instruction_control_calendar', 'ic_sql_working_days_between' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION working_days_between(a date, b date, calendar text) RETURNS integer
AS '$libdir/instruction_control_calendar', 'ic_sql_working_days_between' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION working_days_between(date, date) IS
  'Number of working days in (a, b]; negative (minus the working days in (b, a]) when b < a';
COMMENT ON FUNCTION working_days_between(date, date, text) IS
  'working_days_between(a, b) in the given calendar';

CREATE FUNCTION roll_forward(d date) RETURNS date
AS '$libdir/instruction_control_calendar', 'ic_sql_roll_forward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION roll_forward(d date, calendar text) RETURNS date
AS '$libdir/instruction_control_calendar', 'ic_sql_roll_forward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION roll_forward(date) IS 'd if it is a working day, else the next working day';
COMMENT ON FUNCTION roll_forward(date, text) IS 'roll_forward(d) in the given calendar';

CREATE FUNCTION roll_backward(d date) RETURNS date
AS '$libdir/instruction_control_calendar', 'ic_sql_roll_backward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION roll_backward(d date, calendar text) RETURNS date
AS '$libdir/instruction_control_calendar', 'ic_sql_roll_backward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION roll_backward(date) IS 'd if it is a working day, else the previous working day';
COMMENT ON FUNCTION roll_backward(date, text) IS 'roll_backward(d) in the given calendar';

CREATE FUNCTION working_days(a date, b date) RETURNS SETOF date
AS '$libdir/instruction_control_calendar', 'ic_sql_working_days' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 250;
CREATE FUNCTION working_days(a date, b date, calendar text) RETURNS SETOF date
AS '$libdir/instruction_control_calendar', 'ic_sql_working_days' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 250;
COMMENT ON FUNCTION working_days(date, date) IS 'The working days in [a, b], in order (none when b < a)';
COMMENT ON FUNCTION working_days(date, date, text) IS 'working_days(a, b) in the given calendar';

CREATE FUNCTION deadline(received date, t term) RETURNS date
AS '$libdir/instruction_control_calendar', 'ic_sql_deadline' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION deadline(received date, t term, calendar text) RETURNS date
AS '$libdir/instruction_control_calendar', 'ic_sql_deadline' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION deadline(date, term) IS
  'Deadline of a term from the day of receipt: N working days = add_working_days(received, N) (R50.3); days, weeks, months = the calendar offset rolled forward to a working day (R51)';
COMMENT ON FUNCTION deadline(date, term, text) IS 'deadline(received, t) in the given calendar';

CREATE OPERATOR + (LEFTARG = date, RIGHTARG = term, PROCEDURE = deadline);
COMMENT ON OPERATOR + (date, term) IS 'date + term = deadline(date, term) in the default calendar';

CREATE FUNCTION is_confirmed(d date) RETURNS boolean
AS '$libdir/instruction_control_calendar', 'ic_sql_is_confirmed' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION is_confirmed(d date, calendar text) RETURNS boolean
AS '$libdir/instruction_control_calendar', 'ic_sql_is_confirmed' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_confirmed(date) IS
  'Whether d lies in a year whose days are decreed (confirmed) rather than a forecast (generated), in the default calendar';
COMMENT ON FUNCTION is_confirmed(date, text) IS 'is_confirmed(d) in the given calendar';

CREATE FUNCTION calendar_cache_loads() RETURNS bigint
AS '$libdir/instruction_control_calendar', 'ic_sql_calendar_cache_loads' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION calendar_cache_loads() IS
  'How many times this session has read a calendar from its tables into its cache (diagnostics)';

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

-- ---------------------------------------------------------------------------
-- Seed: the Republic of Kazakhstan, 2000-2075 (calendar-kz facts).
--
-- The holiday rules follow the law of each year: until 2001 the Presidential
-- Decree No. 2534 of 1995 "On holidays" (a holiday on a weekend day not moved),
-- from 2002 the Law "On holidays in the Republic of Kazakhstan" No. 267-II of
-- 13 December 2001 and its amendments.  Years with the Government's decree on
-- the transfer of days off applied and checked are confirmed; the others are
-- generated, and from 2027 on they are a forecast.  Sources of each year are
-- in calendar_year.basis and calendar_day.basis; the research notes are in
-- README.md ("Calendar data").
-- ---------------------------------------------------------------------------

INSERT INTO calendar (code, name, weekend_days, valid_from, valid_to)
VALUES ('KZ', 'Republic of Kazakhstan, five-day week', '{6,7}', '2000-01-01', '2075-12-31');

INSERT INTO calendar_holiday_rule
  (calendar, month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, basis, moves_off_weekend)
SELECT 'KZ', month, day, valid_from_year, valid_to_year, name, name_kk, name_ru,
       CASE WHEN valid_to_year < 2002
            THEN 'Presidential Decree No. 2534 of 1995 "On holidays in the Republic of Kazakhstan" (until 2001); a holiday on a weekend day was not moved'
                 || coalesce('; ' || note, '')
            ELSE 'Law "On holidays in the Republic of Kazakhstan" No. 267-II of 13 December 2001, art. 5'
                 || coalesce(' (' || note || ')', '')
       END,
       moves
  FROM (VALUES
  (1, 1, 2000, 2001, 'New Year', 'Жаңа жыл', 'Новый год', NULL, false),
  (1, 1, 2002, 9999, 'New Year', 'Жаңа жыл', 'Новый год', NULL, true),
  (1, 2, 2000, 2001, 'New Year', 'Жаңа жыл', 'Новый год', NULL, false),
  (1, 2, 2002, 9999, 'New Year', 'Жаңа жыл', 'Новый год', NULL, true),
  (3, 8, 2000, 2001, 'International Women''s Day', 'Халықаралық әйелдер күні', 'Международный женский день', NULL, false),
  (3, 8, 2002, 9999, 'International Women''s Day', 'Халықаралық әйелдер күні', 'Международный женский день', NULL, true),
  (3, 15, 2027, 9999, 'Constitution Day', 'Конституция күні', 'День Конституции', 'reported after the constitutional referendum of 15 March 2026; not yet confirmed', true),
  (3, 21, 2010, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', '21-23 March since the amendment signed on 2 June 2009', true),
  (3, 22, 2000, 2001, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'a day off: Government decree No. 282 of 2001 bridged Friday 23 March 2001 for Nauryz meiramy', false),
  (3, 22, 2002, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'only 22 March until 2009', true),
  (3, 23, 2010, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', '21-23 March since the amendment signed on 2 June 2009', true),
  (5, 1, 2000, 2001, 'Unity of the People of Kazakhstan Day', 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана', NULL, false),
  (5, 1, 2002, 9999, 'Unity of the People of Kazakhstan Day', 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана', NULL, true),
  (5, 7, 2013, 9999, 'Defender of the Fatherland Day', 'Отан қорғаушы күні', 'День защитника Отечества', 'a holiday since 2013', true),
  (5, 9, 2000, 2001, 'Victory Day', 'Жеңіс күні', 'День Победы', NULL, false),
  (5, 9, 2002, 9999, 'Victory Day', 'Жеңіс күні', 'День Победы', NULL, true),
  (7, 6, 2009, 9999, 'Capital Day', 'Астана күні', 'День столицы', 'a holiday since 2009', true),
  (8, 30, 2000, 2001, 'Constitution Day', 'Қазақстан Республикасының Конституциясы күні', 'День Конституции Республики Казахстан', NULL, false),
  (8, 30, 2002, 2025, 'Constitution Day', 'Қазақстан Республикасының Конституциясы күні', 'День Конституции Республики Казахстан', 'a holiday through 2025', true),
  (10, 25, 2000, 2001, 'Republic Day', 'Республика күні', 'День Республики', NULL, false),
  (10, 25, 2002, 2008, 'Republic Day', 'Республика күні', 'День Республики', 'removed by the amendment signed on 2 June 2009', true),
  (10, 25, 2022, 9999, 'Republic Day', 'Республика күні', 'День Республики', 'non-working again since 2022', true),
  (12, 1, 2012, 2021, 'First President''s Day', 'Тұңғыш Президент күні', 'День Первого Президента', 'introduced by the Law of 14 December 2011, abolished in 2022', true),
  (12, 16, 2000, 2001, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', NULL, false),
  (12, 16, 2002, 9999, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', NULL, true),
  (12, 17, 2002, 2021, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', 'second day from 2002 until 2021', true)
  ) AS v(month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, note, moves);

INSERT INTO calendar_holiday_rule
  (calendar, month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, basis, moves_off_weekend)
VALUES
  ('KZ', 1, 7, 2006, 9999, 'Orthodox Christmas', 'Православиелік Рождество', 'Православное Рождество',
   'Labour Code, art. 84(5) (a day off since 2006); never moved', false);

-- The days of 2000-2075 in one pass.  Kurban Ait day 1 is a day off since 2006
-- (never moved); the days announced for 2006 and 2014-2026 are given, the
-- other years get kurban_ait_estimate().
SELECT calendar_generate_years('KZ', 2000, 2005, NULL, false);
SELECT calendar_generate_years('KZ', 2006, 2075,
         ARRAY['2006-01-10', '2014-10-04', '2015-09-24', '2016-09-12', '2017-09-01', '2018-08-21',
               '2019-08-11', '2020-07-31', '2021-07-20', '2022-07-09', '2023-06-28', '2024-06-16',
               '2025-06-06', '2026-05-27']::date[],
         true);

-- Government transfers (Labour Code art. 85(3)): a working Saturday or Sunday
-- for a weekday off.  Before 2015 the decrees are the ones python-holidays
-- lists for Kazakhstan with their adilet.zan.kz document codes (the code holds
-- the year and number of the decree); their texts were read where a number or
-- a date is given.
SELECT add_transfer('KZ', w, o, b)
  FROM (VALUES
    (date '2000-05-06', date '2000-05-08', 'Government decree on the transfer of a day off in May 2000 (adilet.zan.kz P000000642_)'),
    ('2001-03-11', '2001-03-09', 'Government decree No. 282 of 2001 (adilet.zan.kz P010000282_): days off moved from Sunday 11 March to Friday 9 March and from Sunday 25 March to Friday 23 March 2001'),
    ('2001-03-25', '2001-03-23', 'Government decree No. 282 of 2001 (adilet.zan.kz P010000282_): days off moved from Sunday 11 March to Friday 9 March and from Sunday 25 March to Friday 23 March 2001'),
    ('2001-04-28', '2001-04-30', 'Government decree on the transfer of a day off in 2001 (adilet.zan.kz P010000515_)'),
    ('2001-12-29', '2001-12-31', 'Government decree on the transfer of a day off in 2001 (adilet.zan.kz P010001604_)'),
    ('2002-05-12', '2002-05-10', 'Government decree on the transfer of a day off in 2002 (adilet.zan.kz P020000466_)'),
    ('2003-05-04', '2003-05-02', 'Government decree on the transfer of a day off in 2003 (adilet.zan.kz P030000338_)'),
    ('2003-12-13', '2003-12-15', 'Government decree on the transfer of a day off in 2003 (adilet.zan.kz P030001166_)'),
    ('2005-03-05', '2005-03-07', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2005-03-19', '2005-03-21', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2005-08-27', '2005-08-29', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2005-10-22', '2005-10-24', 'Government decrees on the transfer of days off in 2005 (adilet.zan.kz P050000142_, P050000751_, P050000949_)'),
    ('2006-01-14', '2006-01-11', 'Government decrees on the transfer of days off in 2006 (adilet.zan.kz P050001309_, P060000277_)'),
    ('2006-05-06', '2006-05-08', 'Government decrees on the transfer of days off in 2006 (adilet.zan.kz P050001309_, P060000277_)'),
    ('2007-03-11', '2007-03-09', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-03-25', '2007-03-23', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-09-02', '2007-08-31', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-10-28', '2007-10-26', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2007-12-29', '2007-12-31', 'Government decrees on the transfer of days off in 2007 (adilet.zan.kz P070000148_, P070000165_, P070000713_, P070000925_, P070001113_)'),
    ('2008-05-04', '2008-05-02', 'Government decree on the transfer of a day off in 2008 (adilet.zan.kz P080000364_)'),
    ('2009-12-20', '2009-12-18', 'Government decree No. 1936 of 26 November 2009 "On the transfer of a day off" (adilet.zan.kz P090001936_)'),
    ('2010-01-10', '2010-01-08', 'Government decree on the transfer of a day off in January 2010 (adilet.zan.kz P090002216_)'),
    ('2010-07-03', '2010-07-05', 'Government decree on the transfer of a day off in July 2010 (adilet.zan.kz P100000637_)'),
    ('2011-03-05', '2011-03-07', 'Government decrees on the transfer of days off in 2011 (adilet.zan.kz P1100000167, P1100000948)'),
    ('2011-08-27', '2011-08-29', 'Government decrees on the transfer of days off in 2011 (adilet.zan.kz P1100000167, P1100000948)'),
    ('2012-03-11', '2012-03-09', 'Government decrees on the transfer of days off in 2012 (adilet.zan.kz P1200000268, P1200000458)'),
    ('2012-04-28', '2012-04-30', 'Government decrees on the transfer of days off in 2012 (adilet.zan.kz P1200000268, P1200000458)'),
    ('2012-12-29', '2012-12-31', 'Government decree No. 1538 of 2012 (adilet.zan.kz P1200001538): the day off moved from Saturday 29 December to Monday 31 December 2012'),
    ('2013-05-04', '2013-05-10', 'Government decrees on the transfer of days off in 2013 (adilet.zan.kz P1300000345, P1300001068)'),
    ('2013-10-12', '2013-10-14', 'Government decrees on the transfer of days off in 2013 (adilet.zan.kz P1300000345, P1300001068)'),
    ('2013-12-28', '2014-01-03', 'Government decree of December 2013 (adilet.zan.kz P1300001322): the day off moved from Saturday 28 December 2013 to Friday 3 January 2014'),
    ('2014-05-04', '2014-05-02', 'Government decree of April 2014 (adilet.zan.kz P1400000365): days off moved from Sunday 4 May to Friday 2 May and from Sunday 11 May to Thursday 8 May 2014'),
    ('2014-05-11', '2014-05-08', 'Government decree of April 2014 (adilet.zan.kz P1400000365): days off moved from Sunday 4 May to Friday 2 May and from Sunday 11 May to Thursday 8 May 2014'),
    ('2016-03-05', '2016-03-07', 'Government decree No. 67 of February 2016 (adilet.zan.kz P1600000067): the day off moved from Saturday 5 March to Monday 7 March 2016'),
    ('2017-03-18', '2017-03-20', 'Government decree No. 5 of 2017 "On the transfer of days off in 2017" (adilet.zan.kz P1700000005)'),
    ('2017-07-01', '2017-07-07', 'Government decree No. 5 of 2017 "On the transfer of days off in 2017" (adilet.zan.kz P1700000005)'),
    ('2018-03-03', '2018-03-09', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-04-28', '2018-04-30', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-05-05', '2018-05-08', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-08-25', '2018-08-31', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2018-12-29', '2018-12-31', 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864)'),
    ('2019-05-04', '2019-05-10', 'Government decree No. 888 of 2018 on the transfer of a day off in 2019 (adilet.zan.kz P1800000888)'),
    ('2020-01-05', '2020-01-03', 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820)'),
    ('2020-05-11', '2020-05-08', 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820)'),
    ('2020-12-20', '2020-12-18', 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820)'),
    ('2021-07-03', '2021-07-05', 'Government decree No. 930 of 2020 on the transfer of a day off in 2021 (adilet.zan.kz P2000000930)'),
    ('2022-03-05', '2022-03-07', 'Government decree No. 713 of 6 October 2021 "On the transfer of days off in 2022"'),
    ('2022-08-27', '2022-08-29', 'Government decree No. 713 of 6 October 2021 "On the transfer of days off in 2022"'),
    ('2022-10-22', '2022-10-24', 'Government decree No. 713 of 6 October 2021 as amended in October 2022 (adilet.zan.kz P2200000796): Saturday 22 October works, Monday 24 October off'),
    ('2023-07-01', '2023-07-07', 'Government resolution of 25 April 2023 "On the transfer of a day off in 2023" (as published by zakon.kz): Sat 1 Jul works, Fri 7 Jul off; resolution number unconfirmed'),
    ('2024-05-04', '2024-05-08', 'Order of the acting Minister of Labour and Social Protection of the Population of 17 April 2024 "On the transfer of a day off in 2024", under Labour Code art. 85(3) (its text as reported by nur.kz and sputniknews.kz; since 2024 the Minister, not the Government, moves days off): Sat 4 May works, Wed 8 May off; order number unconfirmed'),
    ('2025-01-05', '2025-01-03', 'Order of the Minister of Labour and Social Protection of the Population on the transfer of a day off in 2025, under Labour Code art. 85(3) (reported in November 2024): Sun 5 Jan works, Fri 3 Jan off; order number and date unconfirmed')
  ) AS v(w, o, b);

SELECT confirm_calendar_year('KZ', y, b)
  FROM (VALUES
    (2016, 'Government decree No. 67 of February 2016 (adilet.zan.kz P1600000067): Sat 5 Mar works, Mon 7 Mar off; Kurban Ait 12 Sep'),
    (2017, 'Government decree No. 5 of 2017 "On the transfer of days off in 2017" (adilet.zan.kz P1700000005): Sat 18 Mar works, Mon 20 Mar off; Sat 1 Jul works, Fri 7 Jul off; Kurban Ait 1 Sep.  Transfers unconfirmed: they rest on one source (python-holidays'' list of decrees); the resolution text was not read'),
    (2018, 'Government decree No. 864 of 2017 "On the transfer of days off in 2018" (adilet.zan.kz P1700000864): Sat 3 Mar / Fri 9 Mar, Sat 28 Apr / Mon 30 Apr, Sat 5 May / Tue 8 May, Sat 25 Aug / Fri 31 Aug, Sat 29 Dec / Mon 31 Dec (working / off); Kurban Ait 21 Aug'),
    (2019, 'Government decree No. 888 of 2018 (adilet.zan.kz P1800000888): Sat 4 May works, Fri 10 May off; Kurban Ait 11 Aug.  Transfer unconfirmed: it rests on one source (python-holidays'' list of decrees); the resolution text was not read, and a 2019 holiday calendar as published (kokshetau.online) does not list it'),
    (2020, 'Government decree No. 820 of 2019 on the transfer of days off in 2020 (adilet.zan.kz P1900000820): Sun 5 Jan / Fri 3 Jan, Mon 11 May / Fri 8 May, Sun 20 Dec / Fri 18 Dec (working / off); Kurban Ait 31 Jul'),
    (2021, 'Government decree No. 930 of 2020 (adilet.zan.kz P2000000930): Sat 3 Jul works, Mon 5 Jul off; Kurban Ait 20 Jul'),
    (2022, 'Government decree No. 713 of 6 October 2021 "On the transfer of days off in 2022" (Sat 5 Mar / Mon 7 Mar, Sat 27 Aug / Mon 29 Aug), amended in October 2022 (adilet.zan.kz P2200000796) with Sat 22 Oct / Mon 24 Oct; the Law of September 2022 on holidays (adilet.zan.kz Z2200000143) made 25 Oct a holiday and ended 1 Dec and 17 Dec, so 1 and 19 Dec 2022 were working days; Kurban Ait 9 Jul'),
    (2023, 'Government resolution of 25 April 2023 "On the transfer of a day off in 2023" (as published by zakon.kz): Sat 1 Jul works, Fri 7 Jul off; resolution number unconfirmed; Kurban Ait 28 Jun'),
    (2024, 'Order of the acting Minister of Labour and Social Protection of the Population of 17 April 2024 "On the transfer of a day off in 2024", under Labour Code art. 85(3) (its text as reported by nur.kz and sputniknews.kz; since 2024 the Minister, not the Government, moves days off): Sat 4 May works, Wed 8 May off; order number unconfirmed; Kurban Ait 16 Jun'),
    (2025, 'Order of the Minister of Labour and Social Protection of the Population on the transfer of a day off in 2025, under Labour Code art. 85(3) (reported in November 2024): Sun 5 Jan works, Fri 3 Jan off; order number and date unconfirmed; Kurban Ait 6 Jun'),
    (2026, 'No transfers decreed for 2026 (no Government resolution or Minister''s order on moving days off found; unconfirmed that none will be); holidays per the Law "On holidays" as amended (no 30 Aug); Kurban Ait 27 May')
  ) AS v(y, b);

-- What is known of the years left generated.
UPDATE calendar_year
   SET basis = CASE
     WHEN year <= 2001 THEN
       'Generated from the rules of the time (Presidential Decree No. 2534 of 1995: a holiday on a weekend day not moved; its list of holidays as python-holidays has it, 22 March inferred from Government decree No. 282 of 2001), with the Government transfers of the year known from adilet.zan.kz; not confirmed: the decree of 1995 and the transfer decrees were not all read'
     WHEN year <= 2005 THEN
       'Generated from the Law "On holidays" No. 267-II of 13 December 2001 as in force then (7 January and Kurban Ait not yet days off)'
       || CASE WHEN year = 2004 THEN ', no transfer decree known' ELSE ', with the Government transfers of the year known from adilet.zan.kz' END
       || '; not confirmed: the transfer decrees were not all read'
     WHEN year <= 2013 THEN
       'Generated from the Law "On holidays" as in force then, with the Government transfers of the year known from adilet.zan.kz; Kurban Ait day 1 '
       || CASE WHEN year = 2006 THEN '10 January (python-holidays)' ELSE 'estimated' END
       || '; not confirmed: the transfer decrees were not all read'
     WHEN year = 2014 THEN
       'Generated from the Law "On holidays" as in force then, with the transfers of Government decrees P1300001322 and P1400000365 (adilet.zan.kz); Kurban Ait 4 October (reported); not confirmed: other decrees of 2014 not searched'
     WHEN year = 2015 THEN
       'Generated from the holiday rules; Kurban Ait 24 September (egov.kz calendar as reported).  No Government decree on the transfer of days off in 2015 found: the egov.kz calendar for 2015 as reported lists only the days off of the weekend-holiday rule (9 March, 24-25 March, 11 May, 31 August), and python-holidays lists decrees for 2014 and 2016 but none for 2015; that no decree was issued is not established, so the year is not confirmed'
     ELSE 'Forecast generated from the holiday rules, unconfirmed: no Government decree yet; the Kurban Ait date is an estimate (+/- 1 day) until it is announced'
   END
 WHERE calendar = 'KZ' AND status = 'generated';

-- Everything above is the extension's, recreated by CREATE EXTENSION.
-- (the days and years are seeded as they are loaded: see calendar_generate_years)
UPDATE calendar SET seeded = true WHERE code = 'KZ';
UPDATE calendar_year SET seeded = true WHERE calendar = 'KZ' AND NOT seeded;
UPDATE calendar_holiday_rule SET seeded = true WHERE calendar = 'KZ';
UPDATE calendar_day SET seeded = true WHERE calendar = 'KZ' AND NOT seeded;

ALTER TABLE calendar_day ADD CONSTRAINT calendar_day_calendar_fkey
  FOREIGN KEY (calendar) REFERENCES calendar ON UPDATE CASCADE ON DELETE CASCADE;

-- ---------------------------------------------------------------------------
-- The compiled calendar (issue 19, the first call of a session): per
-- calendar, what the working-day cache reads of calendar and calendar_day, in
-- one row, so a session's first call reads one row instead of the calendar's
-- and its 1,471 days (src/calendar/calendar_compiled.c).  Derived, never
-- written by a client: no role has a privilege on it, and the statement
-- trigger below rewrites it in the statement that changes calendar or
-- calendar_day, whatever session_replication_role (ENABLE ALWAYS: a restore
-- loads them in replica mode), so every snapshot sees it in step with them.
-- Not dumped: a restore's rows of calendar and calendar_day write it again.
-- ---------------------------------------------------------------------------

CREATE TABLE calendar_compiled (
  calendar     text PRIMARY KEY REFERENCES calendar ON UPDATE CASCADE ON DELETE CASCADE,
  valid_from   date NOT NULL,
  valid_to     date NOT NULL,
  weekend_days smallint[] NOT NULL,
  days_off     date[] NOT NULL,
  working_days date[] NOT NULL
);
-- kept in the row (compressed), not in the TOAST table: one page to read
ALTER TABLE calendar_compiled ALTER COLUMN days_off SET STORAGE MAIN,
  ALTER COLUMN working_days SET STORAGE MAIN, ALTER COLUMN weekend_days SET STORAGE MAIN;
COMMENT ON TABLE calendar_compiled IS
  'Internal: each calendar as the working-day cache reads it, one row (derived from calendar and calendar_day by the trigger calendar_compiled_refresh; no role may write it)';
COMMENT ON COLUMN calendar_compiled.calendar IS 'The calendar (calendar.code)';
COMMENT ON COLUMN calendar_compiled.valid_from IS 'calendar.valid_from';
COMMENT ON COLUMN calendar_compiled.valid_to IS 'calendar.valid_to';
COMMENT ON COLUMN calendar_compiled.weekend_days IS 'calendar.weekend_days';
COMMENT ON COLUMN calendar_compiled.days_off IS
  'The days of calendar_day in the covered range that are not working days (holidays, days off), in order';
COMMENT ON COLUMN calendar_compiled.working_days IS
  'The days of calendar_day in the covered range that are working days (kind working_day: weekend days worked), in order';

CREATE FUNCTION calendar_compiled_rows()
RETURNS SETOF calendar_compiled
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  -- each calendar's days read once, split by kind (NOT NULL)
  SELECT c.code, c.valid_from, c.valid_to, c.weekend_days, coalesce(x.days_off, '{}'), coalesce(x.working_days, '{}')
    FROM calendar c
    CROSS JOIN LATERAL (
      SELECT array_agg(d.day ORDER BY d.day) FILTER (WHERE d.kind <> 'working_day') AS days_off,
             array_agg(d.day ORDER BY d.day) FILTER (WHERE d.kind = 'working_day') AS working_days
        FROM calendar_day d
       WHERE d.calendar = c.code AND d.day BETWEEN c.valid_from AND c.valid_to) x
$$;
COMMENT ON FUNCTION calendar_compiled_rows() IS
  'Internal: the rows calendar_compiled holds, computed from calendar and calendar_day';

CREATE FUNCTION calendar_compiled_refresh() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  -- one writer at a time: a second change waits for the first to commit and
  -- then (READ COMMITTED) reads it; under REPEATABLE READ its upsert of a row
  -- the first changed fails to serialize (40001) instead of undoing it
  LOCK TABLE calendar_compiled IN EXCLUSIVE MODE;
  INSERT INTO calendar_compiled AS k SELECT * FROM calendar_compiled_rows()
  ON CONFLICT (calendar) DO UPDATE
    SET valid_from = excluded.valid_from, valid_to = excluded.valid_to, weekend_days = excluded.weekend_days,
        days_off = excluded.days_off, working_days = excluded.working_days
    WHERE (k.valid_from, k.valid_to, k.weekend_days, k.days_off, k.working_days)
          IS DISTINCT FROM (excluded.valid_from, excluded.valid_to, excluded.weekend_days, excluded.days_off,
                            excluded.working_days);
  -- (a calendar deleted takes its row with it: the foreign key cascades)
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION calendar_compiled_refresh() IS
  'Trigger (AFTER ... FOR EACH STATEMENT on calendar and calendar_day): writes calendar_compiled again from them';
REVOKE EXECUTE ON FUNCTION calendar_compiled_rows(), calendar_compiled_refresh() FROM PUBLIC;

CREATE TRIGGER calendar_compiled_refresh AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_compiled_refresh();
CREATE TRIGGER calendar_compiled_refresh AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON calendar_day
  FOR EACH STATEMENT EXECUTE FUNCTION calendar_compiled_refresh();
ALTER TABLE calendar ENABLE ALWAYS TRIGGER calendar_compiled_refresh;
ALTER TABLE calendar_day ENABLE ALWAYS TRIGGER calendar_compiled_refresh;
INSERT INTO calendar_compiled SELECT * FROM calendar_compiled_rows();
