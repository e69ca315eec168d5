-- Foundation: the extension's schema, its setting and its independence of pg_cron.
BEGIN;
SELECT plan(11);

SELECT lives_ok('CREATE EXTENSION instruction_control', 'CREATE EXTENSION works in a database without pg_cron');
SELECT hasnt_extension('pg_cron', 'pg_cron is not in this database');
SELECT has_schema('instruction_control', 'the extension has its own schema');
SELECT has_function('instruction_control', 'lib_version', 'lib_version() exists');
SELECT is(instruction_control.lib_version(),
          (SELECT extversion FROM pg_extension WHERE extname = 'instruction_control')::text,
          'the library and the SQL scripts are of one release');
SELECT is(current_setting('instruction_control.calendar'), 'KZ',
          'instruction_control.calendar defaults to KZ');
SELECT is((SELECT context FROM pg_settings WHERE name = 'instruction_control.calendar'), 'user',
          'instruction_control.calendar can be set per session');
SELECT throws_ok($$SET instruction_control.calendar = 'no spaces'$$, '22023', NULL,
                 'a malformed calendar code is refused');
SELECT is((SELECT extrelocatable FROM pg_extension WHERE extname = 'instruction_control'), false,
          'the extension is not relocatable (functions pin its schema)');

SELECT is((SELECT ready FROM instruction_control.scheduling_status()), false,
          'without pg_cron in the database scheduling is reported as not ready');
SELECT matches((SELECT hint FROM instruction_control.scheduling_status()), 'cron.database_name',
          'and the hint says how to enable it');

SELECT * FROM finish();
ROLLBACK;
