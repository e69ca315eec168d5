--
-- CSV forms never carry a live spreadsheet formula (issue 16, item 9): a cell
-- of user text starting with = + - @, a tab or a carriage return is written
-- with a leading ' (OWASP, CSV injection), in Appendix 5 and Appendix 8, kk
-- and ru.  The text comes from an executor's final report and a controller's
-- descriptive columns, each a LOGIN role holding exactly one ic_* role.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SET datestyle = ISO;
SELECT session_user AS session_user_name \gset

-- the helper every CSV writer uses, cell by cell
SELECT v AS cell, instruction_control.report_csv_field(v) AS csv
  FROM (VALUES ('=HYPERLINK("http://x","y")'), ('+cmd|'' /C calc''!A0'), ('-2+3'), ('@SUM(1+1)'),
               (E'\t=1+1'), (E'\r=1+1'), ('plain, text'), (' =1 '), ('a=b'), ('2025'), (NULL)) t(v);

CREATE ROLE csv_executor LOGIN IN ROLE ic_executor;
CREATE ROLE csv_controller LOGIN IN ROLE ic_controller;
INSERT INTO instruction_control.state_body (code, name, name_kk, name_ru, body_type, sector) VALUES
  ('CSV-X', 'Agency X', 'X агенттігі', 'Агентство X', 'central', 'health care'),
  ('CSV-GOV', 'Government', 'Үкімет', 'Правительство', 'government', NULL);
SELECT id AS x FROM instruction_control.state_body WHERE code = 'CSV-X' \gset
SELECT id AS gov FROM instruction_control.state_body WHERE code = 'CSV-GOV' \gset
INSERT INTO instruction_control.body_member VALUES ('csv_executor', :x);
INSERT INTO instruction_control.act (external_ref, act_type, number, title, signed_on)
VALUES ('CSV-A1', 'Указ', '7', 'Decree seven', '2025-03-01');
SELECT id AS a1 FROM instruction_control.act WHERE external_ref = 'CSV-A1' \gset
SELECT (instruction_control.put_on_control('event', 'government', '2025-03-03', term => '20 wd', act_id => :a1,
          point => '1', responsible_body_id => :x, controlling_body_id => :gov,
          content => '-2+3 measures', completion_form => '@SUM(1+1)')).id AS i \gset

\c - csv_controller
SET datestyle = ISO;
-- a controller's descriptive column
UPDATE instruction_control.instruction SET final_result = '+cmd|'' /C calc''!A0' WHERE id = :i;

\c - csv_executor
SET datestyle = ISO;
-- the executor's final report
SELECT kind FROM instruction_control.submit_report(:i, 'final', '=HYPERLINK("http://x","y")', :x,
          submitted_on => '2025-03-19');

\c - csv_controller
SET datestyle = ISO;
SELECT kind FROM instruction_control.remove_from_control(:i, 'executed', 'prime_minister', '{official_report}',
          'report', decided_on => '2025-03-20');
-- Appendix 8: the final report's text, neutralised, kk and ru
SELECT split_part(instruction_control.form_annual_summary_csv(:gov, 2025, 'ru'), E'\r\n', 2) AS appendix_8_ru;
SELECT split_part(instruction_control.form_annual_summary_csv(:gov, 2025, 'kk'), E'\r\n', 2) AS appendix_8_kk;
-- Appendix 5: the measure, the completion form and the final result
SELECT split_part(instruction_control.form_control_approval_csv(:a1, 'ru'), E'\r\n', 2) AS appendix_5_ru;
SELECT split_part(instruction_control.form_control_approval_csv(:a1, 'kk'), E'\r\n', 2) AS appendix_5_kk;
-- no line of either form has a cell that starts a formula
SELECT count(*) AS formula_cells
  FROM (SELECT instruction_control.form_annual_summary_csv(:gov, 2025, l) AS csv FROM unnest(ARRAY['kk', 'ru']) l
        UNION ALL
        SELECT instruction_control.form_control_approval_csv(:a1, l) FROM unnest(ARRAY['kk', 'ru']) l) f,
       regexp_split_to_table(f.csv, E'\r\n') line
 WHERE line ~ '(^|,)"?[-=+@]';

\c - :session_user_name
SET client_min_messages = warning;
DELETE FROM instruction_control.body_member WHERE member::text LIKE 'csv\_%';
DROP ROLE csv_executor, csv_controller;
