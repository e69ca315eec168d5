-- Reports for people and BI dashboards (views report_*) and the decree's forms
-- (Appendix 5 and 8).  scripts/demo.sh also writes the forms as HTML to demo/out/.
\set ON_ERROR_STOP 1
SET search_path = instruction_control, public;

\echo '-- The overdue register (report_overdue): the 12 most overdue instructions'
SELECT o.instruction_id AS id, o.responsible_body_code AS body, o.kind, o.level, o.point,
       o.due_date, o.working_days_overdue AS wd_overdue, o.extensions AS ext, o.transfers AS tr,
       o.new_deadlines AS nd, o.urgent, coalesce(left(o.content, 45), '[гос. секреты: ' || o.paper_card_ref || ']') AS content
  FROM report_overdue o
 ORDER BY o.working_days_overdue DESC, o.instruction_id
 LIMIT 12;

\echo '-- Overdue by body (a dashboard tile)'
SELECT o.responsible_body_name_ru AS "орган", count(*) AS "просрочено", max(o.working_days_overdue) AS "макс. раб. дней"
  FROM report_overdue o GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 8;

\echo '-- Executive discipline per body in 2025 (report_discipline, months summed; the rate recomputed)'
SELECT d.body_code AS body, sum(d.instructions) AS instr, sum(d.on_time) AS on_time, sum(d.late) AS late,
       sum(d.extended) AS extended, sum(d.extended_repeatedly) AS ext_rep, sum(d.transferred) AS transf,
       sum(d.with_new_deadline) AS new_dl, sum(d.removed_executed) AS r_exec, sum(d.removed_duplicated) AS r_dup,
       sum(d.removed_impossible) AS r_imp, sum(d.removed_control_passed) AS r_pass,
       round(100.0 * sum(d.on_time) / nullif(sum(d.on_time) + sum(d.late), 0), 1) AS on_time_pct
  FROM report_discipline d
 WHERE d.year = 2025 AND d.body_code LIKE 'R-%'
 GROUP BY d.body_code ORDER BY d.body_code;

\echo '-- Appendix 8 excerpt: the annual summary of the Government for 2025 (as the registry stood on 31.12.2025)'
SELECT f.sector_heading AS "сфера", f.row_no AS "№", f.requisites AS "реквизиты", f.status_label AS "статус",
       left(coalesce(f.final_result, f.intermediate_result), 110) AS "результат"
  FROM form_annual_summary((SELECT id FROM state_body WHERE code = 'R-GOV'), 2025, 'ru') f
 WHERE f.row_no <= 2
 ORDER BY f.sector_heading COLLATE instruction_control.ru, f.row_no;  -- the Russian alphabet on every cluster

\echo '-- Appendix 5 excerpt: the control approval of the decree No. 845, in Kazakh, as CSV'
SELECT string_agg(line, E'\n') AS csv
  FROM (SELECT regexp_split_to_table(form_control_approval_csv((SELECT id FROM act WHERE external_ref = 'R-ACT-6'), 'kk'), E'\r\n') AS line
         LIMIT 4) s;
