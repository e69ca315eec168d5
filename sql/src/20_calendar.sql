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
--
-- Three files, in this order: the tables and the working-day functions
-- (here), administration (21_calendar_admin.sql), the seeded KZ calendar and
-- the compiled calendar (22_calendar_seed.sql).

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
