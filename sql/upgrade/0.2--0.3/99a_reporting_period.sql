/*
 * 99a_reporting_period: R66-1.1 (issue 18), the PA's own reporting dates: the
 * value explicit of reporting_period and instruction.report_dates.  Before
 * 99b_sweep.sql, whose functions take rows that carry the domain (a domain
 * used by a function's argument type can no longer be altered).  Follows
 * sql/src/30_registry.sql; and the sweep's rule for them, given as_of
 * (sql/src/61_sweep_rules.sql), which 99b_sweep.sql's sweep_found() calls.
 * 99e_control_reports.sql does the rest.
 */

-- R66-1.1: the PA's own dates ---------------------------------------------
ALTER DOMAIN reporting_period DROP CONSTRAINT reporting_period_check;
ALTER DOMAIN reporting_period ADD CONSTRAINT reporting_period_check
  CHECK (VALUE IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'explicit'));
COMMENT ON DOMAIN reporting_period IS 'Periodicity of intermediate control (R66-1.1): monthly, quarterly, half_yearly, yearly (reports due at the calendar period ends, the default), or explicit (the dates the PA set, instruction.report_dates)';
INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('reporting_period', 'explicit', 'ПӘ белгілеген күндерде', 'В сроки, установленные АП', 'On the dates the PA set');

ALTER TABLE instruction ADD COLUMN report_dates date[];
ALTER TABLE instruction ADD CONSTRAINT instruction_report_dates_check CHECK (
    CASE WHEN reporting_period = 'explicit'
         THEN coalesce(cardinality(report_dates), 0) BETWEEN 1 AND 366 AND array_position(report_dates, NULL) IS NULL
         ELSE report_dates IS NULL END);
COMMENT ON COLUMN instruction.reporting_period IS 'Intermediate control set by the PA (R66-1.1): a periodicity whose reports are due at the calendar period ends (the default), or explicit: the dates in report_dates';
COMMENT ON COLUMN instruction.report_dates IS 'R66-1.1: the intermediate reporting dates the PA set for this instruction (with reporting_period explicit, else NULL): a report covering each date is due on it, rolled forward to a working day';

-- the rule is given as_of (the PA's dates are read against the day swept)
DROP FUNCTION sweep_rule_report_missing(bigint, boolean, text, text, date, date, text, jsonb);
CREATE FUNCTION sweep_rule_report_missing(id bigint, on_control boolean, reporting_period text, category text,
                                          received_on date, due_date date, calendar text, period_ends jsonb,
                                          as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'report_missing', p.period_end, 'controller', 'R66-1.1',
         pg_catalog.jsonb_build_object('reporting_period', reporting_period, 'period_end', p.period_end,
                                       'report_due', instruction_control.roll_forward(p.period_end, calendar))
    FROM (SELECT CASE WHEN reporting_period OPERATOR(pg_catalog.=) 'explicit'
                      THEN (SELECT pg_catalog.max(d.d)
                              FROM instruction_control.instruction i
                             CROSS JOIN pg_catalog.unnest(i.report_dates) AS d(d)
                             WHERE i.id OPERATOR(pg_catalog.=) sweep_rule_report_missing.id
                               AND instruction_control.roll_forward(d.d, sweep_rule_report_missing.calendar)
                                   OPERATOR(pg_catalog.<) sweep_rule_report_missing.as_of)
                      ELSE (period_ends OPERATOR(pg_catalog.->>) reporting_period)::pg_catalog.date
                 END AS period_end) p
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
COMMENT ON FUNCTION sweep_rule_report_missing(bigint, boolean, text, text, date, date, text, jsonb, date) IS
  'Sweep rule R66-1.1: no intermediate report for the period just ended by its day, to the controller: the period ends the PA set for the instruction (reporting_period explicit: the latest of report_dates due before as_of), or by default the calendar period end of its periodicity (period_ends: the end of the latest period of each kind, reporting_period_end())';
