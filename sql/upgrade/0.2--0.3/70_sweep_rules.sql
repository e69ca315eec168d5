/*
 * 70_sweep_rules: the sweep as a catalogue of named rules (issue 21, item 2),
 * helper G.  Follows sql/src/61_sweep_rules.sql: one inlinable SQL function per
 * event kind (sweep_rule_<kind>), sweep_settings() (the one home of the
 * defaults), sweep_route() (the one routing, R66-1.3/R74-1),
 * effective_calendar(), sweep_rule_days() (the incremental key days asked of
 * the rules), sweep_scope() (what an incremental sweep re-reads);
 * sweep_begin() re-created on them; the state of a day counts in
 * effective_calendar().  Nothing is dropped: no function went away.
 */

-- The rules of the sweep: one named function per event kind ----------------
-- Each sweep_rule_<kind>() is the whole rule for one instruction: given the
-- facts of the day's state (and as_of) it returns the event it raises, if any
-- (kind, period, addressee, rule_id, detail).  They are LANGUAGE sql, STABLE,
-- without SET and schema-qualified, so the planner inlines them into the
-- sweep's statement (sweep_begin), whose branches only say where to look
-- (index ranges).  The incremental sweep derives the key days it must re-read
-- from the same functions (sweep_rule_days()), so a rule is written once:
-- changing a reminder rule is changing sweep_rule_reminder().

-- Settings with their defaults, the only place the defaults are written (R50.1, R66-1.3).
\definition sweep_settings sql/src/61_sweep_rules.sql

-- The calendar an instruction's working days are counted in (R50.3).
\definition effective_calendar sql/src/61_sweep_rules.sql

-- Who an escalation of an instruction goes to (R66-1.3; R74-1 below PA).
\definition sweep_route sql/src/61_sweep_rules.sql

\definition sweep_rule_overdue sql/src/61_sweep_rules.sql

-- sweep_rule_escalation(): as 0.3 has it, named by 99e_control_reports.sql (\definition)

\definition sweep_rule_reminder sql/src/61_sweep_rules.sql

-- sweep_rule_personal_overdue(): as 0.3 has it, named by 99zp_sweep_rules_cited.sql (\definition)

-- sweep_rule_roadmap_missing(): as 0.3 has it, named by 99zp_sweep_rules_cited.sql (\definition)

-- sweep_rule_roadmap_not_approved(): as 0.3 has it, named by 99zp_sweep_rules_cited.sql (\definition)

CREATE FUNCTION sweep_rule_report_missing(id bigint, on_control boolean, reporting_period text, category text,
                                          received_on date, due_date date, calendar text, period_ends jsonb)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'report_missing', p.period_end, 'controller', 'R66-1.1',
         pg_catalog.jsonb_build_object('reporting_period', reporting_period, 'period_end', p.period_end,
                                       'report_due', instruction_control.roll_forward(p.period_end, calendar))
    FROM (SELECT (period_ends OPERATOR(pg_catalog.->>) reporting_period)::pg_catalog.date AS period_end) p
   WHERE on_control AND reporting_period IS NOT NULL AND category IS NULL
     AND received_on OPERATOR(pg_catalog.<) p.period_end AND due_date OPERATOR(pg_catalog.>) p.period_end
     AND NOT EXISTS (SELECT 1 FROM instruction_control.report r
                      WHERE r.instruction_id OPERATOR(pg_catalog.=) sweep_rule_report_missing.id
                        AND r.kind OPERATOR(pg_catalog.=) 'intermediate'::instruction_control.report_kind
                        AND r.period_end OPERATOR(pg_catalog.>=) p.period_end
                        AND r.submitted_on OPERATOR(pg_catalog.<=)
                            instruction_control.roll_forward(p.period_end, sweep_rule_report_missing.calendar)
                     OFFSET 0)
$$;
COMMENT ON FUNCTION sweep_rule_report_missing(bigint, boolean, text, text, date, date, text, jsonb) IS
  'Sweep rule R66-1.1: no intermediate report for the period just ended (period_ends: the end of the latest period of each kind, reporting_period_end()) by its day, to the controller';

\definition sweep_rule_measures_missing sql/src/61_sweep_rules.sql

\definition sweep_rule_risk_escalation sql/src/61_sweep_rules.sql

-- sweep_rule_overdue_cleared(): as 0.3 has it, named by 99zp_sweep_rules_cited.sql (\definition)

-- The key days an incremental sweep re-reads (issue 16): for the rules that
-- fire a number of working days before or after a date, the dates for which
-- the rule, asked as of as_of, raises an event (a period) it did not raise as
-- of since.  Derived by asking the rule functions themselves about every day
-- of a window as wide as the settings reach (sweep_settings) and for every
-- level's settings: nothing re-encoded.
-- sweep_rule_days(): as 0.3 has it, named by 99c_roadmap.sql (\definition)

-- The state of a day counts working days in effective_calendar()
CREATE OR REPLACE VIEW sweep_state_current AS
SELECT i.id, i.kind, i.level, i.regime, i.status = 'on_control' AS on_control,
       i.due_date, i.original_due_date, i.roadmap_due_date, i.reporting_period,
       i.category, i.received_on, i.signed_on, i.deadline_source,
       effective_calendar(i.calendar) AS calendar, i.responsible_body_id, i.controlling_body_id
  FROM instruction i;
COMMENT ON VIEW sweep_state_current IS 'Internal: the live state the sweep of today reads (through the instruction''s indexes: the columns are the table''s own, so the partial indexes'' predicates match)';

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
                WHEN i.original_due_date OPERATOR(pg_catalog.>) (i.received_on OPERATOR(pg_catalog.+) pg_catalog.make_interval(0, 6))
                     AND ((pg_catalog.cardinality(i.co_executor_ids) OPERATOR(pg_catalog.>) 0) OR i.new_approaches)
                THEN instruction_control.add_working_days(i.received_on, 10, instruction_control.effective_calendar(i.calendar))
           END),
         i.reporting_period::pg_catalog.text, i.category::pg_catalog.text, i.received_on, i.signed_on, i.deadline_source::pg_catalog.text,
         instruction_control.effective_calendar(i.calendar), i.responsible_body_id, i.controlling_body_id
    FROM instruction_control.instruction_as_of(as_of) a
    JOIN instruction_control.instruction i ON i.id OPERATOR(pg_catalog.=) a.instruction_id
$$;
COMMENT ON FUNCTION sweep_state_as_of(date) IS
  'Internal: every instruction as it stood at the end of a past day (instruction_as_of), with the roadmap due date then (R56, R59), for replaying a sweep';

-- What an incremental sweep re-reads (issue 16): the instructions whose
-- conditions can have changed since the sweep of since -- the dates that
-- passed in between (each arm an index range), the key days the rules name
-- (sweep_rule_days: reminders, escalations, R57), the reporting periods that
-- ended, and the instructions written since (the notes run claimed).
-- sweep_scope(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)

-- sweep_begin(): its branches ask the rules; the incremental key days come from sweep_rule_days()
-- sweep_begin(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)
