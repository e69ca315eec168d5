--
-- The pgTAP suites under make installcheck (issue 21, item 4): every
-- test/pgtap/*.sql, run by pg_prove as make installcheck-tap runs them, on a
-- fresh database of the same server (each suite creates the extension in its
-- own transaction and rolls it back).  The whole TAP stream is kept in
-- results/pgtap.tap (scripts/test.sh counts its assertions from there); this
-- test shows only what failed and pg_prove's verdict, so a new suite needs no
-- change here.  pg_regress sets PGTZ and PGDATESTYLE for its own tests; the
-- suites run as pg_prove runs them, without.  Needs pg_prove and pgTAP
-- (scripts/install-deps.sh).
--
-- A suite takes its shared helpers from test/pgtap/include/helpers.psql
-- (\ir include/helpers.psql: pg_temp.err, pg_temp.plan_of); none defines its own copy of one of them:
\! grep -lE 'CREATE (OR REPLACE )?FUNCTION pg_temp\.(err|plan_of)\(' test/pgtap/*.sql
\! dropdb --if-exists instruction_control_regress_tap >/dev/null 2>&1; createdb instruction_control_regress_tap && psql -X -q -v ON_ERROR_STOP=1 -d instruction_control_regress_tap -c 'CREATE EXTENSION pgtap' && env -u PGTZ -u PGDATESTYLE pg_prove -v -d instruction_control_regress_tap test/pgtap/*.sql >results/pgtap.tap 2>&1; grep -E '^(not ok|Result:)|Dubious|Parse errors|^psql:.*ERROR' results/pgtap.tap; dropdb --if-exists instruction_control_regress_tap
