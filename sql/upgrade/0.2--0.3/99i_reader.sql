/*
 * 99i_reader: the readers' paths at their floor (issue 19) and the as-of forms
 * of the control card and the overdue register (issue 18, Views).  Follows
 * sql/src/90_security.sql (the index instruction_co_executors_idx and policy
 * body_slice on instruction, read through indexes; the grants of the as-of
 * functions) and sql/src/70a_reporting_history.sql (report_discipline counts the
 * journal's changes per instruction, same columns, so CREATE OR REPLACE keeps
 * its comments and grants; report_check_as_of, report_control_card_as_of,
 * report_overdue_as_of, new).
 */

CREATE INDEX instruction_co_executors_idx ON instruction USING gin (co_executor_ids)
  WHERE co_executor_ids OPERATOR(pg_catalog.<>) '{}';
COMMENT ON INDEX instruction_co_executors_idx IS
  'The instructions a body co-executes, for the readers'' policy body_slice (issue 19)';
ALTER POLICY body_slice ON instruction
  USING (responsible_body_id OPERATOR(pg_catalog.=) ANY ((SELECT instruction_control.my_bodies())::bigint[])
         OR (co_executor_ids OPERATOR(pg_catalog.<>) '{}'
             AND co_executor_ids OPERATOR(pg_catalog.&&) (SELECT instruction_control.my_bodies())));

CREATE OR REPLACE VIEW report_discipline WITH (security_invoker = true) AS
SELECT g.body_id, b.code AS body_code,
       coalesce(b.name_kk, b.name) AS body_name_kk, coalesce(b.name_ru, b.name) AS body_name_ru,
       b.body_type::text AS body_type, b.sector,
       g.period_start,
       (g.period_start + interval '1 month' - interval '1 day')::date AS period_end,
       extract(year FROM g.period_start)::integer AS year,
       extract(quarter FROM g.period_start)::integer AS quarter,
       extract(month FROM g.period_start)::integer AS month,
       g.instructions, g.on_time, g.late, g.executed_late, g.overdue, g.in_progress,
       g.extended, g.extended_repeatedly, g.transferred, g.with_new_deadline,
       g.removed_executed, g.removed_duplicated, g.removed_impossible, g.removed_control_passed,
       round(100.0 * g.on_time / nullif(g.on_time + g.late, 0), 1) AS on_time_rate
  FROM (
    SELECT i.responsible_body_id AS body_id,
           i.period_start,
           count(*)::integer AS instructions,
           count(*) FILTER (WHERE i.ground = 'executed' AND i.removed_on <= i.due_date)::integer AS on_time,
           count(*) FILTER (WHERE (i.ground = 'executed' AND i.removed_on > i.due_date)
                               OR (i.status = 'on_control' AND i.due_date < current_date))::integer AS late,
           count(*) FILTER (WHERE i.ground = 'executed' AND i.removed_on > i.due_date)::integer AS executed_late,
           count(*) FILTER (WHERE i.status = 'on_control' AND i.due_date < current_date)::integer AS overdue,
           count(*) FILTER (WHERE i.status = 'on_control' AND i.due_date >= current_date)::integer AS in_progress,
           -- instruction.extensions is R69.1's count of changes, extensions and
           -- transfers (the C journal, rules_effect_core.c); less the transfers
           -- it is the extension decisions (extension_decisions of
           -- instruction_as_of)
           count(*) FILTER (WHERE i.extensions > i.transfers)::integer AS extended,
           count(*) FILTER (WHERE i.repeated_extensions > 0)::integer AS extended_repeatedly,
           count(*) FILTER (WHERE i.transfers > 0)::integer AS transferred,
           count(*) FILTER (WHERE i.new_deadlines > 0)::integer AS with_new_deadline,
           count(*) FILTER (WHERE i.ground = 'executed')::integer AS removed_executed,
           count(*) FILTER (WHERE i.ground = 'duplicated')::integer AS removed_duplicated,
           count(*) FILTER (WHERE i.ground = 'impossible')::integer AS removed_impossible,
           count(*) FILTER (WHERE i.ground = 'control_passed')::integer AS removed_control_passed
      FROM (
        -- one row per instruction with the few decisions that are not first
        -- extensions or removals (transfers, new deadlines, repeated
        -- extensions) counted: joined, not aggregated apart, so the planner
        -- probes the journal's index for one body's instructions and hashes
        -- it for every body's (issue 19: a journal aggregated for every
        -- instruction cost a reader a probe of the decision policy per
        -- decision, and its plan crossed the JIT thresholds)
        SELECT i.id, i.responsible_body_id, i.due_date, i.status, i.removed_on, i.extensions,
               date_trunc('month', i.due_date::timestamp)::date AS period_start,
               r.ground,
               count(*) FILTER (WHERE d.kind = 'transfer') AS transfers,
               count(*) FILTER (WHERE d.kind = 'new_deadline') AS new_deadlines,
               count(*) FILTER (WHERE d.kind = 'extension') AS repeated_extensions
          FROM instruction i
          -- the removal, if any: a removed instruction takes no later decision, so
          -- its latest decision (kept by the journal) is the removal
          LEFT JOIN decision r ON r.id = i.last_decision_id AND i.status = 'removed' AND r.kind = 'removal'
          LEFT JOIN decision d ON d.instruction_id = i.id
                              AND (d.kind IN ('transfer', 'new_deadline') OR (d.kind = 'extension' AND d.repeated))
         WHERE i.due_date IS NOT NULL
           -- whole figures only: a body's row for a role that sees all its
           -- instructions (issue 17, item 5; see report_sees_all)
           AND ((SELECT report_whole_bodies()) IS NULL
                OR i.responsible_body_id = ANY ((SELECT report_whole_bodies())::bigint[]))
         GROUP BY i.id, r.ground
      ) i
     GROUP BY i.responsible_body_id, i.period_start
  ) g
  LEFT JOIN state_body b ON b.id = g.body_id;

\definition report_check_as_of sql/src/70a_reporting_history.sql

\definition report_control_card_as_of sql/src/70a_reporting_history.sql

\definition report_overdue_as_of sql/src/70a_reporting_history.sql

REVOKE EXECUTE ON FUNCTION report_check_as_of(date), report_control_card_as_of(date, bigint),
  report_overdue_as_of(date, bigint)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_check_as_of(date), report_control_card_as_of(date, bigint),
  report_overdue_as_of(date, bigint)
  TO ic_reader;
