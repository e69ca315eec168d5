--
-- CSV for Excel users in kk and ru locales (issue 17, item 5): the CSV forms
-- take delimiter => ';' (what Excel expects where the decimal separator is a
-- comma) and bom => true (a UTF-8 byte order mark, so Excel reads the
-- Cyrillic as UTF-8).  The bytes: EF BB BF first, ';' between fields, a field
-- holding ';' quoted, a field holding ',' not; formula cells still neutralised
-- (issue 16).  The default stays RFC 4180 with commas and no BOM.  In one
-- transaction, rolled back.
--
BEGIN;
SET LOCAL client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET LOCAL search_path = instruction_control, public;
SET LOCAL datestyle = ISO;
INSERT INTO state_body (code, name, name_kk, name_ru, body_type, sector) VALUES
  ('XL-X', 'Agency X', 'X агенттігі', 'Агентство X; филиал', 'central', 'health care'),
  ('XL-GOV', 'Government', 'Үкімет', 'Правительство', 'government', NULL);
INSERT INTO act (external_ref, act_type, number, title, signed_on) VALUES ('XL-A1', 'Указ', '7', 'Decree seven', '2025-03-01');
SELECT id AS x FROM state_body WHERE code = 'XL-X' \gset
SELECT id AS gov FROM state_body WHERE code = 'XL-GOV' \gset
SELECT id AS a1 FROM act WHERE external_ref = 'XL-A1' \gset
SELECT count(*) FROM put_on_control('event', 'government', '2025-03-03', term => '20 wd', act_id => :a1,
          point => '1', responsible_body_id => :x, controlling_body_id => :gov,
          content => 'Меры; этап 1, этап 2', completion_form => '=HYPERLINK("http://x","y")');

-- the cell writer: the delimiter given is quoted, the other is not
SELECT v AS cell, report_csv_field(v, ';') AS semicolon, report_csv_field(v, ',') AS comma,
       report_csv_field(v, E'\t') AS tab
  FROM (VALUES ('a;b'), ('a,b'), (E'a\tb'), ('=1;2'), ('plain'), (NULL)) t(v);

-- Appendix 5 for Excel: the first bytes are the BOM, then the header row
SELECT encode(substr(convert_to(form_control_approval_csv(:a1, 'ru', delimiter => ';', bom => true), 'UTF8'), 1, 8), 'hex')
       AS first_bytes;
-- the lines after the BOM: ';' between the fields, the body name with ';' quoted,
-- the measure with ';' quoted, the formula neutralised
SELECT n, line
  FROM regexp_split_to_table(substr(form_control_approval_csv(:a1, 'ru', delimiter => ';', bom => true), 2), E'\r\n')
       WITH ORDINALITY AS t(line, n)
 WHERE line <> '';
-- the same in Kazakh, Appendix 8
SELECT encode(substr(convert_to(form_annual_summary_csv(:gov, 2025, 'kk', ';', true), 'UTF8'), 1, 3), 'hex') AS bom,
       split_part(substr(form_annual_summary_csv(:gov, 2025, 'kk', ';', true), 2), E'\r\n', 1) AS header;
-- the default is unchanged: commas, no BOM
SELECT encode(substr(convert_to(form_control_approval_csv(:a1, 'ru'), 'UTF8'), 1, 3), 'hex') AS first_bytes,
       split_part(form_control_approval_csv(:a1, 'ru'), E'\r\n', 2) AS first_row;
-- a tab-separated file for those who paste
SELECT split_part(form_control_approval_csv(:a1, 'ru', E'\t'), E'\r\n', 2) AS first_row_tab;

-- another separator, or no answer about the BOM: IC306
\set SHOW_CONTEXT never
SAVEPOINT s;
SELECT form_control_approval_csv(:a1, 'ru', delimiter => '|');
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO SAVEPOINT s;
SELECT form_annual_summary_csv(:gov, 2025, 'ru', bom => NULL);
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO SAVEPOINT s;
ROLLBACK;
