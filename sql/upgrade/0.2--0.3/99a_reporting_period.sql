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

-- the rule is given as_of (the PA's dates are read against the day swept);
-- its body as 0.3 has it (the period's end computed once per instruction)
DROP FUNCTION sweep_rule_report_missing(bigint, boolean, text, text, date, date, text, jsonb);
\definition sweep_rule_report_missing sql/src/61_sweep_rules.sql
