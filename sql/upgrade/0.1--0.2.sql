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

-- Foundation: who runs the extension's script; the roles, before anything grants to them
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
