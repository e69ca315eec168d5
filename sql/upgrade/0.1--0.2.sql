/*
 * instruction_control 0.1 -> 0.2.  Built by the Makefile: this part changes
 * what 0.1 created; then the sections rebuilt or new in 0.2 follow, the
 * same files the install script is built from (API, History, Scheduling,
 * Sweeps, Reporting, Security).  The test scripts/upgrade-test.sh holds the result to a fresh
 * CREATE EXTENSION of 0.2.
 */
\echo Use "ALTER EXTENSION instruction_control UPDATE TO '0.2'" to load this file. \quit

-- ===========================================================================
-- What changed in the objects of 0.1
-- ===========================================================================

CREATE FUNCTION is_blank(t text)
RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_is_blank'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION is_blank(text) IS
  'True for NULL, empty or white-space-only text, Unicode spaces too (U+00A0, U+2000-U+200B, U+3000, U+FEFF): no basis';

-- Foundation: texts in any encoding (the sections below use it); who runs the
-- extension's script; the roles, before anything grants to them
CREATE FUNCTION unicode_text(escaped text)
RETURNS text
AS 'MODULE_PATHNAME', 'ic_unicode_text'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION unicode_text(text) IS
  'Text of an ASCII string with the escapes of U&'''' strings (\XXXX, \+XXXXXX, \\) in the database encoding; Kazakh letters the encoding lacks become their nearest Russian letter (\04D9 -> \0430), other missing characters ?';

CREATE FUNCTION creating_extension()
RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_creating_extension'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION creating_extension() IS
  'True while the extension''s own script runs (CREATE EXTENSION, ALTER EXTENSION UPDATE): only then is a row marked seeded';

-- The registry's group roles (NOLOGIN, created if missing; they belong to the
-- cluster and outlive DROP EXTENSION).  What each may do: the Security section.
DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['ic_reader', 'ic_executor', 'ic_controller', 'ic_admin', 'ic_integrator'] LOOP
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) THEN
      EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', r);
    END IF;
  END LOOP;
END
$$;
GRANT ic_reader TO ic_executor;
GRANT ic_reader TO ic_controller;
GRANT ic_controller TO ic_admin;

-- Types: nothing resolved through the caller's search_path
CREATE OR REPLACE FUNCTION control_levels() RETURNS SETOF control_level
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 5
AS $$ SELECT v::instruction_control.control_level
        FROM pg_catalog.unnest(ARRAY['organisation', 'local', 'central', 'government', 'pa']) AS v $$;

CREATE OR REPLACE FUNCTION instruction_kinds() RETURNS SETOF instruction_kind
LANGUAGE sql IMMUTABLE PARALLEL SAFE ROWS 8
AS $$ SELECT v::instruction_control.instruction_kind
        FROM pg_catalog.unnest(ARRAY['act_point', 'event', 'security_council', 'assembly', 'personal',
                          'personal_published', 'document', 'national_plan']) AS v $$;

-- Calendar and registry functions: pg_temp last on the pinned path
DO $$
DECLARE
  f regprocedure;
BEGIN
  FOR f IN SELECT p.oid::regprocedure FROM pg_catalog.pg_proc p
            WHERE p.pronamespace = 'instruction_control'::regnamespace
              AND p.proconfig @> ARRAY['search_path=pg_catalog, instruction_control'] LOOP
    EXECUTE pg_catalog.format('ALTER FUNCTION %s SET search_path = pg_catalog, instruction_control, pg_temp', f);
  END LOOP;
END
$$;

-- Calendar: the functions whose texts are now written for any encoding
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
  off_days  date[] := '{}';     -- days off of the weekend-holiday rule,
  off_for   date[] := '{}';     -- the holiday each one is for,
  off_names text[] := '{}';     -- and its names (en, kk, ru)
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
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
  SELECT p_calendar, make_date(y, h.month, h.day), 'holiday', h.name, h.name_kk, h.name_ru, h.basis
    FROM generate_series(p_from_year, p_to_year) AS y
    JOIN calendar_holiday_rule h
      ON h.calendar = p_calendar AND y BETWEEN h.valid_from_year AND h.valid_to_year
   WHERE (h.month, h.day) <> (2, 29) OR (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0))
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;

  -- Kurban Ait day 1: the days given; for the other years an estimate.
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
  SELECT p_calendar, g, 'holiday', 'Kurban Ait (day 1)', 'Құрбан айт (1-күні)', 'Курбан айт (1-й день)',
         'Labour Code, art. 84(5); never moved'
    FROM unnest(p_kurban_ait) AS g
   WHERE g IS NOT NULL
  UNION ALL
  SELECT p_calendar, e, 'holiday', 'Kurban Ait (day 1, estimated)', 'Құрбан айт (1-күні, болжам)',
         'Курбан айт (1-й день, оценка)',
         'Labour Code, art. 84(5); never moved.  Day estimated by kurban_ait_estimate() until the Spiritual Administration of Muslims of Kazakhstan announces it'
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
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
  SELECT p_calendar, off_days[i], 'day_off',
         format('Day off for %s (%s)', off_names[i][1], off_for[i]),
         format('Демалыс күні: %s (%s)', off_names[i][2], off_for[i]),
         format('Выходной день за %s (%s)', off_names[i][3], off_for[i]),
         'Law "On holidays in the Republic of Kazakhstan", art. 5 (holiday on a day off)'
    FROM generate_subscripts(off_days, 1) AS i
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS k = ROW_COUNT;
  n := n + k;

  INSERT INTO calendar_year (calendar, year, status, basis)
  SELECT p_calendar, y, 'generated',
         'Generated from the holiday rules'
         || CASE WHEN EXISTS (SELECT 1 FROM unnest(p_kurban_ait) AS g WHERE extract(year FROM g) = y) THEN ''
                 WHEN p_estimate_kurban_ait THEN ' (Kurban Ait day 1 estimated)'
                 ELSE ' (Kurban Ait not given)' END
         || '; no Government decree applied'
    FROM generate_series(p_from_year, p_to_year) AS y;
  RETURN n;
END
$$;

CREATE OR REPLACE FUNCTION add_transfer(p_calendar text, p_working_day date, p_day_off date, p_basis text)
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

CREATE OR REPLACE FUNCTION confirm_calendar_year(p_calendar text, p_year integer, p_basis text)
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

-- Calendar: only the extension's script marks rows seeded
CREATE OR REPLACE FUNCTION seeded_row_owner() RETURNS trigger
LANGUAGE plpgsql
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

-- The API is recreated by its section (its functions return the rows of the
-- tables changed below)
DROP FUNCTION put_on_control, extend_deadline, transfer_control, set_new_deadline, remove_from_control,
  register_roadmap, submit_report, who_may_decide, record_decisions, extend_deadlines,
  import_instruction, import_decision;

-- Registry: the status of an instruction is a vocabulary of its own
CREATE DOMAIN instruction_status AS text
  CHECK (VALUE IN ('on_control', 'removed'));
COMMENT ON DOMAIN instruction_status IS 'On control, or removed from control (R75); changed only by a removal decision';

ALTER TABLE instruction DROP CONSTRAINT instruction_status_check;
ALTER TABLE instruction ALTER COLUMN status TYPE instruction_status;
ALTER TABLE instruction ALTER COLUMN status SET DEFAULT 'on_control';

-- Registry: the acting person the application names
ALTER TABLE decision ADD COLUMN acted_by text;
COMMENT ON COLUMN decision.acted_by IS 'The person the application named for the transaction (SET LOCAL instruction_control.acting_person), set by the journal; NULL when none was named. recorded_by is the database role';

-- Privileges: set anew by the Security section below
REVOKE ALL ON ALL TABLES IN SCHEMA instruction_control FROM ic_admin;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA instruction_control FROM ic_admin;
REVOKE ALL ON ALL FUNCTIONS IN SCHEMA instruction_control FROM ic_admin;
REVOKE EXECUTE ON FUNCTION seeded_flag_guard() FROM PUBLIC;

-- Scheduling is rebuilt by its section
DROP FUNCTION scheduling_status();
