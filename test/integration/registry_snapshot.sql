-- The answers of a registry, for comparing a database with its restored copy
-- (test/integration/restore_paths.sh): psql -X -q -At -f registry_snapshot.sql.
-- Generated from the catalog, so a new table, view or sequence is compared
-- without a change here:
--   - every row of every table of the extension, but sweep_change and
--     sweep_candidate (a sweep's work lists, never dumped);
--   - every sequence of a configuration table (where nextval goes on);
--   - every view of the extension (the report_* views, open_event,
--     decision_matrix, ...), report_calendar_date for 2024-2027 only (the
--     calendar's rows are compared whole above);
--   - who_may_decide for every instruction and decision kind;
--   - the forms: Appendix 5 of every act, Appendix 8 of every body for 2025
--     and 2026, in kk and ru, CSV and HTML.
-- A table or view is compared by its number of rows and the md5 of its rows'
-- text, ordered in the "C" collation, so the answer does not depend on the
-- database's locale.
\set ON_ERROR_STOP 1
SET search_path = instruction_control, public;
SET client_min_messages = warning;

SELECT format('SELECT %L, count(*), md5(string_agg(t::text, E''\n'' ORDER BY t::text COLLATE "C")) FROM %s t%s',
              c.relname, c.oid::regclass,
              CASE WHEN c.relname = 'report_calendar_date' THEN ' WHERE day BETWEEN ''2024-01-01'' AND ''2027-12-31''' END)
  FROM pg_catalog.pg_depend d
  JOIN pg_catalog.pg_class c ON c.oid = d.objid AND d.classid = 'pg_catalog.pg_class'::regclass
 WHERE d.refclassid = 'pg_catalog.pg_extension'::regclass AND d.deptype = 'e'
   AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'instruction_control')
   AND c.relkind IN ('r', 'v')
   AND c.relname NOT IN ('sweep_change', 'sweep_candidate')
 ORDER BY c.relkind, c.relname
\gexec

SELECT format('SELECT %L, last_value, is_called FROM %s', c.relname, c.oid::regclass)
  FROM pg_catalog.pg_extension e
  JOIN pg_catalog.pg_class c ON c.oid = ANY (e.extconfig) AND c.relkind = 'S'
 WHERE e.extname = 'instruction_control'
 ORDER BY c.relname
\gexec

SELECT 'who_may_decide', i.id, k, w::text
  FROM instruction i,
       unnest(ARRAY['extension', 'transfer', 'new_deadline', 'removal']::decision_kind[]) k,
       LATERAL who_may_decide(i.id, k) w
 ORDER BY 2, 3, w::text COLLATE "C";

SELECT 'form_control_approval', a.id, l, md5(form_control_approval_csv(a.id, l)), md5(form_control_approval_html(a.id, l))
  FROM act a, unnest(ARRAY['kk', 'ru']) l
 ORDER BY 2, 3;

SELECT 'form_annual_summary', b.id, y, l, md5(form_annual_summary_csv(b.id, y, l)), md5(form_annual_summary_html(b.id, y, l))
  FROM state_body b, generate_series(2025, 2026) y, unnest(ARRAY['kk', 'ru']) l
 ORDER BY 2, 3, 4;
