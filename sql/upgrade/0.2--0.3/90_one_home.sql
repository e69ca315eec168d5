/*
 * 90_one_home: one home per rule and per list (issue 21, item 4, first half), helper I.
 * Follows sql/src/35_registry_triggers.sql (roadmap_due_on_receipt(): R56 in C,
 * the guard's rule) and sql/src/61_sweep_rules.sql (sweep_state_as_of() calls it
 * instead of its own R56 on the rolled due date with a literal 10),
 * sql/src/45_history.sql (instruction_as_of's count of extension decisions
 * has its own name, extension_decisions: its result type changes, so DROP +
 * CREATE with its privileges of sql/src/90_security.sql) and
 * sql/src/70c_annual_summary.sql (form_annual_summary reads it; the comments of the
 * BI views' extensions columns say what they count).
 */

-- R56 in one place (sql/src/35_registry_triggers.sql) --------------------------
CREATE FUNCTION roadmap_due_on_receipt(received_on date, term term, due_date date,
                                       executing_bodies integer, new_approaches boolean,
                                       calendar text DEFAULT NULL)
RETURNS date AS 'MODULE_PATHNAME', 'ic_sql_roadmap_due_on_receipt'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION roadmap_due_on_receipt(date, term, date, integer, boolean, text) IS
  'R56: the day a roadmap is due, 10 working days from receipt, when the term given in the act (to its nominal end, not rolled; else the due date) is longer than six months and 2+ bodies execute or the instruction forms new approaches; NULL when R56 asks for none. The rule the guard applies when an instruction is put on control (calendar NULL: the default calendar)';

-- The replay of a past day asks it (sql/src/61_sweep_rules.sql) -----------------
CREATE OR REPLACE FUNCTION sweep_state_as_of(as_of date)
RETURNS TABLE (id bigint, kind instruction_kind, level control_level, regime text, on_control boolean,
               due_date date, original_due_date date, roadmap_due_date date, reporting_period text,
               category text, received_on date, signed_on date, deadline_source text, calendar text,
               responsible_body_id bigint, controlling_body_id bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT i.id, i.kind, i.level, a.regime, a.on_control, a.due_date, i.original_due_date,
         -- R59: the latest transfer's roadmap date decided by then; else R56's from receipt
         coalesce(
           (SELECT d.roadmap_due_date FROM instruction_control.decision d
             WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id AND d.roadmap_due_date IS NOT NULL
               AND d.decided_on OPERATOR(pg_catalog.<=) as_of
             ORDER BY d.seq DESC LIMIT 1),
           CASE WHEN NOT EXISTS (SELECT 1 FROM instruction_control.decision d
                                  WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id
                                    AND d.roadmap_due_date IS NOT NULL)
                THEN i.roadmap_due_date
                WHEN NOT i.imported   -- R56, the guard's rule (roadmap.c)
                THEN instruction_control.roadmap_due_on_receipt(i.received_on, i.term, i.original_due_date,
                       GREATEST(1, (i.responsible_body_id IS NOT NULL)::pg_catalog.int4
                                              OPERATOR(pg_catalog.+) pg_catalog.cardinality(i.co_executor_ids)),
                       i.new_approaches, instruction_control.effective_calendar(i.calendar))
           END),
         i.reporting_period::pg_catalog.text, i.category::pg_catalog.text, i.received_on, i.signed_on, i.deadline_source::pg_catalog.text,
         instruction_control.effective_calendar(i.calendar), i.responsible_body_id, i.controlling_body_id
    FROM instruction_control.instruction_as_of(as_of) a
    JOIN instruction_control.instruction i ON i.id OPERATOR(pg_catalog.=) a.instruction_id
$$;

-- The journal's count of extension decisions has its own name (sql/src/45_history.sql)
DROP FUNCTION instruction_as_of(date);
\definition instruction_as_of sql/src/45_history.sql
REVOKE EXECUTE ON FUNCTION instruction_as_of(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION instruction_as_of(date) TO ic_reader;

-- ... and the annual summary reads it (sql/src/70c_annual_summary.sql)
-- form_annual_summary(): as 0.3 has it, named by 99f_forms.sql (\definition)

COMMENT ON COLUMN report_control_card.extensions IS 'Extension decisions, R69.1 (ұзартулар / продления); transfers are counted in transfers (instruction.extensions counts both)';
COMMENT ON COLUMN report_overdue.extensions IS 'Extension decisions so far, R69.1 (ұзартулар / продления); transfers are counted in transfers (instruction.extensions counts both)';
