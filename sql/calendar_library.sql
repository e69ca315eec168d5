--
-- The working-day calendar's own library (issue 19, the first call of a
-- session): a session whose first call counts working days loads
-- instruction_control_calendar alone, with its one setting
-- (instruction_control.calendar); the registry's library, loaded first or
-- later, links it and loads it too.  Which libraries a backend has loaded is
-- read from the process's memory map (Linux).
--
CREATE EXTENSION IF NOT EXISTS instruction_control;
\set VERBOSITY default
SET datestyle = ISO;
CREATE FUNCTION public.ic_loaded_libraries() RETURNS text[] LANGUAGE sql AS $$
  SELECT coalesce(array_agg(DISTINCT lib ORDER BY lib), '{}')
    FROM (SELECT substring(l FROM '/(instruction_control[a-z_]*)\.so$') AS lib
            FROM regexp_split_to_table(pg_read_file('/proc/self/maps'), E'\n') l) m
   WHERE lib IS NOT NULL
$$;

-- a session counting working days: the calendar's library alone, its setting
-- defined, the registry's settings not (they are placeholders until it loads)
\c
SELECT instruction_control.add_working_days('2025-03-20', 1) AS after_nauryz;
SELECT public.ic_loaded_libraries();
SHOW instruction_control.calendar;
SELECT current_setting('instruction_control.typed_basis', true) IS NULL AS registry_settings_not_yet;
-- the registry's library loaded afterwards: both, every setting defined
SELECT instruction_control.lib_version() = (SELECT extversion FROM pg_extension WHERE extname = 'instruction_control')
       AS registry_library;
SELECT public.ic_loaded_libraries();
SELECT current_setting('instruction_control.typed_basis') AS typed_basis;

-- the registry's library first: it loads the calendar's, whose setting is defined
\c
SELECT instruction_control.creating_extension() AS creating;
SELECT public.ic_loaded_libraries();
SHOW instruction_control.calendar;
SELECT instruction_control.add_working_days('2025-03-20', 1) AS after_nauryz;

-- a calendar code set before either library is loaded is checked when the
-- calendar's library defines the setting: not a code, so the default stays
\c
SET instruction_control.calendar = 'not a code';
SELECT instruction_control.add_working_days('2025-03-20', 1) AS after_nauryz;
SHOW instruction_control.calendar;

-- the class, from the catalog: no C function of the extension names the
-- registry's library for a symbol the calendar's library has (a calendar
-- function declared that way would load the registry's library again)
DO $$
DECLARE
  f record;
  misplaced text[] := '{}';
BEGIN
  FOR f IN SELECT p.oid::regprocedure AS fn, p.prosrc
             FROM pg_proc p
            WHERE p.pronamespace = 'instruction_control'::regnamespace
              AND p.prolang = (SELECT oid FROM pg_language WHERE lanname = 'c')
              AND p.probin = '$libdir/instruction_control' LOOP
    BEGIN
      EXECUTE format('CREATE FUNCTION pg_temp.ic_probe() RETURNS void AS %L, %L LANGUAGE C',
                     '$libdir/instruction_control_calendar', f.prosrc);
      misplaced := misplaced || f.fn::text;
      DROP FUNCTION pg_temp.ic_probe();
    EXCEPTION WHEN undefined_function THEN
      NULL;
    END;
  END LOOP;
  RAISE NOTICE 'C functions naming the registry''s library for a calendar symbol: %', misplaced;
END
$$;
SELECT count(*) > 10 AS calendar_functions_name_their_library
  FROM pg_proc WHERE probin = '$libdir/instruction_control_calendar';

DROP FUNCTION public.ic_loaded_libraries();
