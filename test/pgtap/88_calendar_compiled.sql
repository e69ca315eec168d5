-- The compiled calendar (issue 19, the first call of a session; R50.3): calendar_compiled holds per
-- calendar what the working-day cache reads of calendar and calendar_day, written by the statement
-- trigger calendar_compiled_refresh in the statement that changes them.  It stays in step with them
-- through every kind of change, made by the calendar's keeper (ic_admin) or in replica mode; no role
-- writes it; the cache reads it, and answers as from the tables.  Read from the catalog: every table
-- the derivation reads carries the trigger.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SET search_path = instruction_control, public;
SET datestyle = ISO;
\ir include/helpers.psql
SELECT plan(21);

-- the rows the table holds against the rows the tables give now: no row means in step
-- (read as the superuser running the suite, whatever role is set)
CREATE FUNCTION pg_temp.out_of_step() RETURNS bigint LANGUAGE sql SECURITY DEFINER AS $$
  SELECT count(*) FROM ((TABLE instruction_control.calendar_compiled
                         EXCEPT ALL SELECT * FROM instruction_control.calendar_compiled_rows())
                        UNION ALL
                        (SELECT * FROM instruction_control.calendar_compiled_rows()
                         EXCEPT ALL TABLE instruction_control.calendar_compiled)) d
$$;
-- every day of the KZ calendar, working (1) or not (0), as the cache answers
CREATE FUNCTION pg_temp.kz_days() RETURNS text LANGUAGE sql AS $$
  SELECT md5(string_agg(instruction_control.is_working_day(d::date, 'KZ')::int::text, '' ORDER BY d))
    FROM generate_series(date '2000-01-01', date '2075-12-31', interval '1 day') d
$$;

SELECT is(pg_temp.out_of_step(), 0::bigint, 'CREATE EXTENSION leaves calendar_compiled in step with calendar and calendar_day');
SELECT is((SELECT cardinality(days_off) > 1000 AND cardinality(working_days) > 40 FROM calendar_compiled WHERE calendar = 'KZ'),
          true, 'the KZ row holds its days off and its working weekend days');

CREATE ROLE k_cc_admin LOGIN IN ROLE ic_admin;
SET ROLE k_cc_admin;
INSERT INTO calendar_day (calendar, day, kind, name, basis) VALUES ('KZ', '2031-03-12', 'day_off', 'A day off', 'test');
SELECT is(pg_temp.out_of_step(), 0::bigint, 'R50.3: a day off the keeper (ic_admin) adds is in the compiled row at once');
SELECT is(is_working_day('2031-03-12', 'KZ'), false, 'R50.3: and the working-day functions count it');
UPDATE calendar_day SET kind = 'holiday' WHERE calendar = 'KZ' AND day = '2031-03-12';
SELECT is(pg_temp.out_of_step(), 0::bigint, 'an UPDATE of a day keeps it in step');
DELETE FROM calendar_day WHERE calendar = 'KZ' AND day = '2031-03-12';
SELECT is(pg_temp.out_of_step(), 0::bigint, 'a DELETE of a day keeps it in step');
SELECT add_transfer('KZ', '2031-03-15', '2031-03-14', 'test transfer');
SELECT is(pg_temp.out_of_step(), 0::bigint, 'a transfer (add_transfer: a working Saturday for a Friday off) keeps it in step');
SELECT is((is_working_day('2031-03-15', 'KZ'), is_working_day('2031-03-14', 'KZ'))::text, '(t,f)',
          'R50.3: the working Saturday and the Friday off are counted from the compiled row');
INSERT INTO calendar (code, name, valid_from, valid_to, weekend_days) VALUES ('T5', 'Five-day test', '2030-01-01', '2031-12-31', '{6,7}');
INSERT INTO calendar_day (calendar, day, kind, name, basis) VALUES ('T5', '2030-01-02', 'holiday', 'Test holiday', 'test');
UPDATE calendar SET weekend_days = '{7}' WHERE code = 'T5';
SELECT is(pg_temp.out_of_step(), 0::bigint, 'a new calendar, its days and a change of its weekly days off keep it in step');
UPDATE calendar SET code = 'T6' WHERE code = 'T5';
RESET ROLE;
SELECT is((SELECT array_agg(calendar ORDER BY calendar) FROM calendar_compiled), '{KZ,T6}'::text[],
          'a calendar renamed is renamed in the compiled rows (the days follow by ON UPDATE CASCADE)');
SET ROLE k_cc_admin;
DELETE FROM calendar WHERE code = 'T6';
RESET ROLE;
SELECT is(pg_temp.out_of_step() + (SELECT count(*) FROM calendar_compiled WHERE calendar = 'T6'), 0::bigint,
          'a calendar deleted leaves no compiled row');
SET ROLE k_cc_admin;
SELECT throws_ok($$INSERT INTO calendar_compiled VALUES ('KZ2', '2030-01-01', '2030-12-31', '{6,7}', '{}', '{}')$$,
                 '42501', NULL, 'the keeper may not write the compiled rows');
RESET ROLE;

SELECT is((SELECT array_agg(r.rolname || ':' || p.priv ORDER BY 1)
             FROM pg_roles r, unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p(priv)
            WHERE r.rolname LIKE 'ic\_%' AND has_table_privilege(r.oid, 'instruction_control.calendar_compiled', p.priv)),
          NULL, 'no ic_* role has a privilege on calendar_compiled (derived, read by the cache only)');

-- a restore loads in replica mode: the trigger fires all the same (ENABLE ALWAYS)
SET LOCAL session_replication_role = replica;
INSERT INTO calendar_day (calendar, day, kind, name, basis) VALUES ('KZ', '2031-04-16', 'day_off', 'Replica day', 'test');
RESET session_replication_role;
SELECT is(pg_temp.out_of_step(), 0::bigint, 'a row written in replica mode (as a restore loads) keeps it in step');

-- the cache reads the compiled row: a day written into it alone (as its owner, which no role is) is
-- counted, and without any row the tables give the same answers as the row
SELECT pg_temp.kz_days() AS kz_with_row \gset
UPDATE calendar_compiled SET days_off = days_off || date '2031-05-14' WHERE calendar = 'KZ';
UPDATE calendar_year SET year = year WHERE false;   -- any statement on it drops the caches (calendar_data_changed)
SELECT is(is_working_day('2031-05-14', 'KZ'), false, 'the working-day cache reads the compiled row');
DELETE FROM calendar_compiled;
UPDATE calendar_year SET year = year WHERE false;
SELECT is(pg_temp.kz_days(), :'kz_with_row',
          'without a compiled row the cache reads calendar and calendar_day and counts every day of 2000-2075 alike');
UPDATE calendar SET code = code WHERE false;    -- any statement on calendar writes the rows again
SELECT is(pg_temp.out_of_step(), 0::bigint, 'the next statement on calendar writes the compiled rows again');

-- a calendar of the 400 years the cache holds at most, with a day off a week (Wednesday, from
-- 6 January 1700) beside Sunday: its compiled row is
-- larger than a page and goes to the TOAST table, which the cache reads through
INSERT INTO calendar (code, name, valid_from, valid_to, weekend_days) VALUES ('T400', 'Four centuries', '1700-01-01', '2099-12-31', '{7}');
INSERT INTO calendar_day (calendar, day, kind, name, basis)
SELECT 'T400', d::date, 'day_off', 'Weekly test day off', 'test'
  FROM generate_series(date '1700-01-06', date '2099-12-31', interval '7 days') d;
SELECT is((SELECT (pg_column_size(days_off) > 8000, cardinality(days_off)) FROM calendar_compiled WHERE calendar = 'T400')::text,
          '(t,20871)', 'a 400-year calendar''s compiled row holds its 20,871 days off (Wednesdays), past a page');
SELECT is((is_working_day('1850-01-02', 'T400'), is_working_day('1850-01-03', 'T400'),
           working_days_between('1700-01-01', '2099-12-31', 'T400'))::text,
          (false, true, (SELECT count(*) FROM generate_series(date '1700-01-02', date '2099-12-31', interval '1 day') d
                          WHERE extract(isodow FROM d) NOT IN (7, 3))::integer)::text,
          'R50.3: the cache counts the days of a calendar that large');
UPDATE calendar_compiled SET days_off = array_remove(days_off, date '1850-01-02') WHERE calendar = 'T400';
UPDATE calendar_year SET year = year WHERE false;
SELECT is(is_working_day('1850-01-02', 'T400'), true,
          'and reads them from the compiled row out of line (a day taken out of it alone counts as working)');

-- the class: every table of the extension the derivation reads has the trigger, ENABLE ALWAYS, for
-- INSERT, UPDATE, DELETE and TRUNCATE, as a statement trigger
SELECT is((SELECT array_agg(c.relname::text ORDER BY c.relname)
             FROM pg_class c
            WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind = 'r'
              AND c.relname <> 'calendar_compiled'
              AND (SELECT p.prosrc FROM pg_proc p
                    WHERE p.oid = 'instruction_control.calendar_compiled_rows()'::regprocedure)
                  ~ ('\m(FROM|JOIN) ' || c.relname || '\M')
              AND NOT EXISTS (SELECT 1 FROM pg_trigger g
                               WHERE g.tgrelid = c.oid AND g.tgname = 'calendar_compiled_refresh'
                                 AND g.tgenabled = 'A' AND (g.tgtype & 1) = 0          -- statement
                                 AND (g.tgtype & (4 | 8 | 16 | 32)) = (4 | 8 | 16 | 32))),  -- I, D, U, T
          NULL, 'every table calendar_compiled is derived from carries calendar_compiled_refresh');

SELECT * FROM finish();
ROLLBACK;
