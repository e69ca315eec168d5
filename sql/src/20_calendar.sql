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

CREATE TABLE calendar_day (
  calendar  text NOT NULL REFERENCES calendar ON UPDATE CASCADE ON DELETE CASCADE,
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

-- Ownership of rows: see the section header.
CREATE FUNCTION seeded_row_owner() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control
AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD.seeded THEN
      NEW.seeded := false;
    END IF;
    RETURN NEW;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.seeded AND TG_TABLE_NAME = 'decision_authority' THEN
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
    END CASE;
  END IF;
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION seeded_row_owner() IS
  'Trigger on tables with seeded rows (calendar data, decision_authority): an update makes a seeded row the administrator''s; an administrator''s insert replaces the seeded row with the same key; seeded rows cannot be deleted';

-- Deleting the seeded rows inside the trigger must not recurse into the DELETE
-- guard, so the guard runs only for statements issued from outside it.  The
-- INSERT and UPDATE triggers fire only for the rows the function acts on (an
-- administrator's new row, an update of a seeded row), so loading many rows
-- (CREATE EXTENSION, new years) does not run it once per row.
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
AS 'MODULE_PATHNAME', 'ic_calendar_data_changed' LANGUAGE C;

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
-- the setting instruction_control.calendar decides.
-- ---------------------------------------------------------------------------

CREATE FUNCTION is_working_day(d date) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_is_working_day' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION is_working_day(d date, calendar text) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_is_working_day' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_working_day(date) IS 'Whether d is a working day in the default calendar (R50.3)';
COMMENT ON FUNCTION is_working_day(date, text) IS 'Whether d is a working day in the given calendar (R50.3)';

CREATE FUNCTION add_working_days(d date, n integer) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_add_working_days' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION add_working_days(d date, n integer, calendar text) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_add_working_days' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION add_working_days(date, integer) IS
  'n > 0: the n-th working day strictly after d (R50.3: receipt is day 0); n < 0: the |n|-th working day strictly before d; n = 0: d if working, else the next working day';
COMMENT ON FUNCTION add_working_days(date, integer, text) IS
  'add_working_days(d, n) in the given calendar';

CREATE FUNCTION working_days_between(a date, b date) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_sql_working_days_between' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION working_days_between(a date, b date, calendar text) RETURNS integer
AS 'MODULE_PATHNAME', 'ic_sql_working_days_between' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION working_days_between(date, date) IS
  'Number of working days in (a, b]; negative (minus the working days in (b, a]) when b < a';
COMMENT ON FUNCTION working_days_between(date, date, text) IS
  'working_days_between(a, b) in the given calendar';

CREATE FUNCTION roll_forward(d date) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_roll_forward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION roll_forward(d date, calendar text) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_roll_forward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION roll_forward(date) IS 'd if it is a working day, else the next working day';
COMMENT ON FUNCTION roll_forward(date, text) IS 'roll_forward(d) in the given calendar';

CREATE FUNCTION roll_backward(d date) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_roll_backward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION roll_backward(d date, calendar text) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_roll_backward' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION roll_backward(date) IS 'd if it is a working day, else the previous working day';
COMMENT ON FUNCTION roll_backward(date, text) IS 'roll_backward(d) in the given calendar';

CREATE FUNCTION working_days(a date, b date) RETURNS SETOF date
AS 'MODULE_PATHNAME', 'ic_sql_working_days' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 250;
CREATE FUNCTION working_days(a date, b date, calendar text) RETURNS SETOF date
AS 'MODULE_PATHNAME', 'ic_sql_working_days' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 250;
COMMENT ON FUNCTION working_days(date, date) IS 'The working days in [a, b], in order (none when b < a)';
COMMENT ON FUNCTION working_days(date, date, text) IS 'working_days(a, b) in the given calendar';

CREATE FUNCTION deadline(received date, t term) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_deadline' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION deadline(received date, t term, calendar text) RETURNS date
AS 'MODULE_PATHNAME', 'ic_sql_deadline' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION deadline(date, term) IS
  'Deadline of a term from the day of receipt: N working days = add_working_days(received, N) (R50.3); days, weeks, months = the calendar offset rolled forward to a working day (R51)';
COMMENT ON FUNCTION deadline(date, term, text) IS 'deadline(received, t) in the given calendar';

CREATE OPERATOR + (LEFTARG = date, RIGHTARG = term, PROCEDURE = deadline);
COMMENT ON OPERATOR + (date, term) IS 'date + term = deadline(date, term) in the default calendar';

CREATE FUNCTION is_confirmed(d date) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_is_confirmed' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION is_confirmed(d date, calendar text) RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_sql_is_confirmed' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION is_confirmed(date) IS
  'Whether d lies in a year whose days are decreed (confirmed) rather than a forecast (generated), in the default calendar';
COMMENT ON FUNCTION is_confirmed(date, text) IS 'is_confirmed(d) in the given calendar';

CREATE FUNCTION calendar_cache_loads() RETURNS bigint
AS 'MODULE_PATHNAME', 'ic_sql_calendar_cache_loads' LANGUAGE C VOLATILE STRICT PARALLEL RESTRICTED;
COMMENT ON FUNCTION calendar_cache_loads() IS
  'How many times this session has read a calendar from its tables into its cache (diagnostics)';

-- ---------------------------------------------------------------------------
-- Administration: a new year, a Government transfer, confirming a year.
-- ---------------------------------------------------------------------------

CREATE FUNCTION generate_calendar_year(p_calendar text, p_year integer, p_kurban_ait date DEFAULT NULL)
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control
AS $$
DECLARE
  cal      calendar%ROWTYPE;
  y_first  date := make_date(p_year, 1, 1);
  y_last   date := make_date(p_year, 12, 31);
  r        record;
  d        date;
  n        integer := 0;
  k        integer;
BEGIN
  SELECT * INTO cal FROM calendar WHERE code = p_calendar FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'calendar "%" does not exist', p_calendar
      USING ERRCODE = 'IC001',
            HINT = 'Create it first: INSERT INTO instruction_control.calendar (code, name, valid_from, valid_to) VALUES (...).';
  END IF;
  IF EXISTS (SELECT 1 FROM calendar_year WHERE calendar = p_calendar AND year = p_year) THEN
    RAISE EXCEPTION 'calendar "%" already has year %', p_calendar, p_year
      USING ERRCODE = 'IC003',
            DETAIL = 'generate_calendar_year() creates the rule-based days of a new year only.',
            HINT = 'Change single days with UPDATE or add_transfer().';
  END IF;
  IF y_first > cal.valid_to + 1 OR y_last < cal.valid_from - 1 THEN
    RAISE EXCEPTION 'year % is not next to the range of calendar "%" (% to %)',
                    p_year, p_calendar, cal.valid_from, cal.valid_to
      USING ERRCODE = 'IC003',
            HINT = 'Add the years in between first: a calendar covers one unbroken range.';
  END IF;
  IF p_kurban_ait IS NOT NULL AND extract(year FROM p_kurban_ait) <> p_year THEN
    RAISE EXCEPTION 'Kurban Ait % is not in year %', p_kurban_ait, p_year USING ERRCODE = '22023';
  END IF;
  UPDATE calendar SET valid_from = least(valid_from, y_first), valid_to = greatest(valid_to, y_last)
   WHERE code = p_calendar;

  -- Holidays of the year from the rules.
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
  SELECT p_calendar, make_date(p_year, h.month, h.day), 'holiday', h.name, h.name_kk, h.name_ru, h.basis
    FROM calendar_holiday_rule h
   WHERE h.calendar = p_calendar AND p_year BETWEEN h.valid_from_year AND h.valid_to_year
     AND (h.month, h.day) <> (2, 29)
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;
  IF p_kurban_ait IS NOT NULL THEN
    INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
    VALUES (p_calendar, p_kurban_ait, 'holiday', 'Kurban Ait (day 1)', 'Құрбан айт (1-күні)',
            'Курбан айт (1-й день)', 'Labour Code, art. 84(5); never moved')
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS k = ROW_COUNT;
    n := n + k;
  END IF;

  -- Law "On holidays", art. 5: a holiday on a weekend day makes the next working
  -- day after it a day off (7 January and Kurban Ait are never moved).
  FOR r IN
    SELECT make_date(p_year, h.month, h.day) AS day, h.name, h.name_kk, h.name_ru
      FROM calendar_holiday_rule h
     WHERE h.calendar = p_calendar AND p_year BETWEEN h.valid_from_year AND h.valid_to_year
       AND h.moves_off_weekend AND (h.month, h.day) <> (2, 29)
       AND extract(isodow FROM make_date(p_year, h.month, h.day))::smallint = ANY (cal.weekend_days)
     ORDER BY 1
  LOOP
    d := r.day + 1;
    WHILE extract(isodow FROM d)::smallint = ANY (cal.weekend_days)
          OR EXISTS (SELECT 1 FROM calendar_day WHERE calendar = p_calendar AND day = d) LOOP
      d := d + 1;
    END LOOP;
    INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
    VALUES (p_calendar, d, 'day_off',
            format('Day off for %s (%s)', r.name, r.day),
            format('Демалыс күні: %s (%s)', r.name_kk, r.day),
            format('Выходной день за %s (%s)', r.name_ru, r.day),
            'Law "On holidays in the Republic of Kazakhstan", art. 5 (holiday on a day off)')
    ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS k = ROW_COUNT;
    n := n + k;
  END LOOP;

  INSERT INTO calendar_year (calendar, year, status, basis)
  VALUES (p_calendar, p_year, 'generated',
          'Generated from the holiday rules' || CASE WHEN p_kurban_ait IS NULL THEN ' (Kurban Ait not given)' ELSE '' END
          || '; no Government decree applied');
  RETURN n;
END
$$;

COMMENT ON FUNCTION generate_calendar_year(text, integer, date) IS
  'Adds a year to a calendar: holidays from calendar_holiday_rule, Kurban Ait day 1 if given, and the days off of the weekend-holiday rule; the year is marked generated (returns the number of days added)';

CREATE FUNCTION add_transfer(p_calendar text, p_working_day date, p_day_off date, p_basis text)
RETURNS void
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control
AS $$
DECLARE
  cal  calendar%ROWTYPE;
BEGIN
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
  INSERT INTO calendar_day AS c (calendar, day, kind, name, name_kk, name_ru, basis)
  VALUES (p_calendar, p_working_day, 'working_day',
          format('Working day (day off transferred to %s)', p_day_off),
          format('Жұмыс күні (демалыс %s күніне ауыстырылды)', p_day_off),
          format('Рабочий день (выходной перенесён на %s)', p_day_off),
          p_basis),
         (p_calendar, p_day_off, 'day_off',
          format('Day off (transferred from %s)', p_working_day),
          format('Демалыс күні (%s күнінен ауыстырылды)', p_working_day),
          format('Выходной день (перенесён с %s)', p_working_day),
          p_basis)
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
SET search_path = pg_catalog, instruction_control
AS $$
BEGIN
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
-- Seed: the Republic of Kazakhstan, 2015-2027 (calendar-kz facts).
-- ---------------------------------------------------------------------------

INSERT INTO calendar (code, name, weekend_days, valid_from, valid_to)
VALUES ('KZ', 'Republic of Kazakhstan, five-day week', '{6,7}', '2015-01-01', '2027-12-31');

INSERT INTO calendar_holiday_rule
  (calendar, month, day, valid_from_year, valid_to_year, name, name_kk, name_ru, basis, moves_off_weekend)
VALUES
  ('KZ', 1, 1, 1, 9999, 'New Year', 'Жаңа жыл', 'Новый год', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 1, 2, 1, 9999, 'New Year', 'Жаңа жыл', 'Новый год', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 1, 7, 1, 9999, 'Orthodox Christmas', 'Православиелік Рождество', 'Православное Рождество', 'Labour Code, art. 84(5); never moved', false),
  ('KZ', 3, 8, 1, 9999, 'International Women''s Day', 'Халықаралық әйелдер күні', 'Международный женский день', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 3, 15, 2027, 9999, 'Constitution Day', 'Конституция күні', 'День Конституции', 'Reported after the constitutional referendum of 15 March 2026; not yet confirmed', true),
  ('KZ', 3, 21, 1, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 3, 22, 1, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 3, 23, 1, 9999, 'Nauryz', 'Наурыз мейрамы', 'Наурыз мейрамы', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 5, 1, 1, 9999, 'Unity of the People of Kazakhstan Day', 'Қазақстан халқының бірлігі мерекесі', 'Праздник единства народа Казахстана', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 5, 7, 1, 9999, 'Defender of the Fatherland Day', 'Отан қорғаушы күні', 'День защитника Отечества', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 5, 9, 1, 9999, 'Victory Day', 'Жеңіс күні', 'День Победы', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 7, 6, 1, 9999, 'Capital Day', 'Астана күні', 'День столицы', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 8, 30, 1, 2025, 'Constitution Day', 'Қазақстан Республикасының Конституциясы күні', 'День Конституции Республики Казахстан', 'Law "On holidays in the Republic of Kazakhstan", art. 5 (a holiday through 2025)', true),
  ('KZ', 10, 25, 2022, 9999, 'Republic Day', 'Республика күні', 'День Республики', 'Law "On holidays in the Republic of Kazakhstan", art. 5 (non-working since 2022)', true),
  ('KZ', 12, 1, 1, 2021, 'First President''s Day', 'Тұңғыш Президент күні', 'День Первого Президента', 'Law "On holidays in the Republic of Kazakhstan", art. 5 (abolished in 2022)', true),
  ('KZ', 12, 16, 1, 9999, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', 'Law "On holidays in the Republic of Kazakhstan", art. 5', true),
  ('KZ', 12, 17, 1, 2021, 'Independence Day', 'Тәуелсіздік күні', 'День Независимости', 'Law "On holidays in the Republic of Kazakhstan", art. 5 (second day until 2021)', true);

-- Kurban Ait day 1 (lunar, set each year by the Spiritual Administration of
-- Muslims): 2023-2026 from calendar-kz; 2019, 2021, 2022 from published
-- calendars; 2015-2018, 2020 and 2027 best known dates (those years are generated).
SELECT generate_calendar_year('KZ', y, k)
  FROM (VALUES (2015, date '2015-09-24'), (2016, date '2016-09-12'), (2017, date '2017-09-01'),
               (2018, date '2018-08-21'), (2019, date '2019-08-11'), (2020, date '2020-07-31'),
               (2021, date '2021-07-20'), (2022, date '2022-07-09'), (2023, date '2023-06-28'),
               (2024, date '2024-06-16'), (2025, date '2025-06-06'), (2026, date '2026-05-27'),
               (2027, date '2027-05-16')) AS v(y, k)
 ORDER BY y;

-- Government transfers (Labour Code art. 85(3)).
SELECT add_transfer('KZ', w, o, b)
  FROM (VALUES
    (date '2020-01-05', date '2020-01-03', 'Government decree on the transfer of days off in 2020'),
    (date '2020-05-11', date '2020-05-08', 'Government decree on the transfer of days off in 2020'),
    (date '2020-12-20', date '2020-12-18', 'Government decree on the transfer of days off in 2020'),
    (date '2021-07-03', date '2021-07-05', 'Government decree on the transfer of days off in 2021'),
    (date '2022-03-05', date '2022-03-07', 'Government decree No. 713 of 6 October 2021 on the transfer of days off in 2022'),
    (date '2022-08-27', date '2022-08-29', 'Government decree No. 713 of 6 October 2021 on the transfer of days off in 2022'),
    (date '2022-10-22', date '2022-10-24', 'Government decree No. 713 of 6 October 2021, as amended in 2022'),
    (date '2023-07-01', date '2023-07-07', 'Government decree on the transfer of days off in 2023'),
    (date '2024-05-04', date '2024-05-08', 'Government decree on the transfer of days off in 2024'),
    (date '2025-01-05', date '2025-01-03', 'Government decree on the transfer of days off in 2025')
  ) AS v(w, o, b);

SELECT confirm_calendar_year('KZ', y, b)
  FROM (VALUES
    (2020, 'Government decree on the transfer of days off in 2020 (transfers of 3 Jan, 8 May, 18 Dec)'),
    (2023, 'Government decree on the transfer of days off in 2023 (Sat 1 Jul works, Fri 7 Jul off)'),
    (2024, 'Government decree on the transfer of days off in 2024 (Sat 4 May works, Wed 8 May off)'),
    (2025, 'Government decree on the transfer of days off in 2025 (Sun 5 Jan works, Fri 3 Jan off)'),
    (2026, 'No transfers decreed for 2026; holidays per the Law "On holidays" as amended (no 30 Aug)')
  ) AS v(y, b);

UPDATE calendar_year
   SET basis = 'Generated from the holiday rules, with the transfers known from published decrees (Sat 3 Jul works, Mon 5 Jul off); other transfers of the year not established'
 WHERE calendar = 'KZ' AND year = 2021;
UPDATE calendar_year
   SET basis = 'Generated from the holiday rules, with the transfers of Government decree No. 713 of 6 October 2021 as amended (5/7 Mar, 27/29 Aug, 22/24 Oct); the December holidays of 2022 are reported differently, so the year is not confirmed'
 WHERE calendar = 'KZ' AND year = 2022;

-- Everything above is the extension's, recreated by CREATE EXTENSION.
UPDATE calendar SET seeded = true WHERE code = 'KZ';
UPDATE calendar_year SET seeded = true WHERE calendar = 'KZ';
UPDATE calendar_holiday_rule SET seeded = true WHERE calendar = 'KZ';
UPDATE calendar_day SET seeded = true WHERE calendar = 'KZ';

