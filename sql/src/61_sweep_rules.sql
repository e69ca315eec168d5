-- ===========================================================================
-- Sweeps, part 2 of 4: the rules (one function per event kind), the key days
-- an incremental sweep re-reads and the state of a day.  The overview:
-- 60_sweep.sql.
-- ===========================================================================

-- The rules of the sweep: one named function per event kind ----------------
-- Each sweep_rule_<kind>() is the whole rule for one instruction: given the
-- facts of the day's state (and as_of) it returns the event it raises, if any
-- (kind, period, addressee, rule_id, detail).  They are LANGUAGE sql, STABLE,
-- without SET and schema-qualified, so the planner inlines them into the
-- sweep's statement (sweep_found), whose branches only say where to look
-- (index ranges).  The incremental sweep derives the key days it must re-read
-- from the same functions (sweep_rule_days()), so a rule is written once:
-- changing a reminder rule is changing sweep_rule_reminder().

-- Settings with their defaults, the only place the defaults are written (R50.1, R66-1.3).
CREATE FUNCTION sweep_settings()
RETURNS TABLE (level control_level, reminder_days integer[], grace integer)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT l, coalesce(s.reminder_days, '{5,1}'::integer[]), coalesce(s.escalation_grace_days, 5)
    FROM instruction_control.control_levels() l
    LEFT JOIN instruction_control.sweep_setting s ON s.level OPERATOR(instruction_control.=) l
$$;
COMMENT ON FUNCTION sweep_settings() IS
  'Per control level the reminder days and the escalation grace period the sweep applies: sweep_setting, or the defaults (reminders 5 and 1 working days before, escalation 5 working days late: the registry''s own setting, not the decree''s) for a level without a row (R50.1, R66-1.3)';

-- The calendar an instruction's working days are counted in (R50.3).
CREATE FUNCTION effective_calendar(calendar text DEFAULT NULL)
RETURNS text
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT coalesce(calendar,
                  CASE WHEN pg_catalog.current_setting('instruction_control.calendar', true) OPERATOR(pg_catalog.<>) ''
                       THEN pg_catalog.current_setting('instruction_control.calendar', true) END,
                  'KZ')
$$;
COMMENT ON FUNCTION effective_calendar(text) IS
  'The calendar working days are counted in: the instruction''s own, else the setting instruction_control.calendar, else KZ (R50.3)';

-- Who an escalation of an instruction goes to (R66-1.3; R74-1 below PA).
CREATE FUNCTION sweep_route(instruction_id bigint, kind instruction_kind, level control_level)
RETURNS TABLE (addressee addressee, rule_id text)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT instruction_control.escalation_addressee(kind, level, x.routed),
         instruction_control.escalation_rule(kind, level, x.routed)
    FROM (SELECT (SELECT e.addressee FROM instruction_control.instruction_escalation e
                   WHERE e.instruction_id OPERATOR(pg_catalog.=) sweep_route.instruction_id) AS routed) x
$$;
COMMENT ON FUNCTION sweep_route(bigint, instruction_kind, control_level) IS
  'The addressee and the routing rule of an instruction''s escalations: the official routed by hand (instruction_escalation) or escalation_addressee() (R66-1.3, R74-1)';

CREATE FUNCTION sweep_rule_overdue(due_date date, on_control boolean, calendar text, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'overdue', due_date, 'controller', 'R50.1',
         pg_catalog.jsonb_build_object('working_days_late', instruction_control.working_days_between(due_date, as_of, calendar))
   WHERE on_control AND due_date OPERATOR(pg_catalog.<) as_of
$$;
COMMENT ON FUNCTION sweep_rule_overdue(date, boolean, text, date) IS
  'Sweep rule R50.1: the deadline passed and the instruction is still on control: overdue, to the controller';

CREATE FUNCTION sweep_rule_escalation(id bigint, kind instruction_kind, level control_level, due_date date,
                                      on_control boolean, calendar text, grace integer, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'escalation', due_date, r.addressee::pg_catalog.text, r.rule_id,
         pg_catalog.jsonb_build_object('working_days_late', k.late, 'grace', grace,
                                       -- R66-1.3 sets no grace period: say whose the days are
                                       'grace_basis', 'registry setting (sweep_setting.escalation_grace_days), not the decree: R66-1.3 sets no grace period')
    FROM (SELECT instruction_control.working_days_between(due_date, as_of, calendar) AS late) k
   CROSS JOIN instruction_control.sweep_route(id, kind, level) r
   WHERE on_control AND due_date OPERATOR(pg_catalog.<) as_of
     AND k.late OPERATOR(pg_catalog.>=) grace AND k.late OPERATOR(pg_catalog.>) 0
$$;
COMMENT ON FUNCTION sweep_rule_escalation(bigint, instruction_kind, control_level, date, boolean, text, integer, date) IS
  'Sweep rule R66-1.3 (R74-1 below PA): overdue by the grace period of its level (working days; the registry''s own setting, not the decree''s, said so in the event''s detail as grace_basis): escalated per sweep_route()';

CREATE FUNCTION sweep_rule_reminder(due_date date, on_control boolean, calendar text, reminder_days integer[], as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'reminder', instruction_control.add_working_days(due_date, OPERATOR(pg_catalog.-) r.n, calendar), 'executor', 'R50.1',
         pg_catalog.jsonb_build_object('working_days_left', k.left_days, 'reminder_days', r.n)
    FROM (SELECT instruction_control.working_days_between(as_of, due_date, calendar) AS left_days) k
   CROSS JOIN LATERAL (SELECT pg_catalog.min(d) AS n FROM pg_catalog.unnest(reminder_days) d
                        WHERE d OPERATOR(pg_catalog.>=) k.left_days) r
   WHERE on_control AND due_date OPERATOR(pg_catalog.>=) as_of AND r.n IS NOT NULL
$$;
COMMENT ON FUNCTION sweep_rule_reminder(date, boolean, text, integer[], date) IS
  'Sweep rule R50.1, R50.3: a reminder to the executor N working days before the deadline, N the nearest of the level''s reminder days not yet passed; its period is the day it is due';

-- Which decision set the deadline in force on as_of: the kind of the latest
-- decided by then that set one (extension, transfer, new_deadline,
-- calendar_change; none: the deadline is the count it was put on control
-- with).  The one question R51's rule and the clearing of a mark ask of the
-- journal (sweep_rule_personal_overdue, sweep_rule_overdue_cleared).
CREATE FUNCTION sweep_deadline_set_by(instruction_id bigint, as_of date)
RETURNS TABLE (kind text)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT d.kind::pg_catalog.text FROM instruction_control.decision d
   WHERE d.instruction_id OPERATOR(pg_catalog.=) sweep_deadline_set_by.instruction_id
     AND d.new_due_date IS NOT NULL AND d.decided_on OPERATOR(pg_catalog.<=) sweep_deadline_set_by.as_of
   ORDER BY d.seq DESC LIMIT 1
$$;
COMMENT ON FUNCTION sweep_deadline_set_by(bigint, date) IS
  'Internal: the kind of the latest decision decided by as_of that set the instruction''s deadline (none: its deadline is still the count it was put on control with); asked by the sweep''s rules R51 and overdue_cleared';

-- R51's two weeks are the deadline of a personal instruction unless a
-- decision set another: the President's extension (R74), a transfer or a new
-- deadline.  Past a deadline so set, the instruction is overdue and escalated
-- as any other (sweep_rule_overdue, sweep_rule_escalation); raised on the two
-- weeks it would tell the Head of the PA of a deadline no longer in force.
CREATE FUNCTION sweep_rule_personal_overdue(id bigint, kind instruction_kind, level control_level, on_control boolean,
                                            deadline_source text, original_due_date date, signed_on date, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'personal_overdue', original_due_date, r.addressee::pg_catalog.text, 'R51',
         pg_catalog.jsonb_build_object('signed_on', signed_on, 'two_weeks_ended', original_due_date)
    FROM instruction_control.sweep_route(id, kind, level) r
   WHERE on_control AND deadline_source OPERATOR(pg_catalog.=) 'two_weeks'
     AND original_due_date OPERATOR(pg_catalog.<) as_of
     -- the two weeks are still the deadline in force: no decision set
     -- another by as_of, or a calendar change counted them again
     AND coalesce((SELECT k.kind FROM instruction_control.sweep_deadline_set_by(id, as_of) k), 'calendar_change')
         OPERATOR(pg_catalog.=) 'calendar_change'
$$;
COMMENT ON FUNCTION sweep_rule_personal_overdue(bigint, instruction_kind, control_level, boolean, text, date, date, date) IS
  'Sweep rule R51: a personal instruction past the two weeks from signing, while they are its deadline (sweep_deadline_set_by: no decision set another by as_of, or a calendar change counted them again), escalated per sweep_route()';

-- Whether a roadmap was approved by as_of is a fact the sweep's branch asks
-- once per instruction and gives both roadmap rules (approved): each rule
-- looked it up itself, two probes of roadmap per instruction with a roadmap
-- due (issue 19).
CREATE FUNCTION sweep_rule_roadmap_missing(on_control boolean, regime text, roadmap_due_date date, approved boolean,
                                           as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'roadmap_missing', roadmap_due_date, 'controller',
         CASE WHEN regime OPERATOR(pg_catalog.=) 'long_term' THEN 'R59' ELSE 'R56' END,
         -- R59 names no term: its 10 working days are R56's, counted from the transfer
         pg_catalog.jsonb_build_object('roadmap_due_date', roadmap_due_date, 'working_days', 10,
                                       'term_rule', 'R56')
   WHERE on_control AND roadmap_due_date OPERATOR(pg_catalog.<) as_of AND NOT approved
$$;
COMMENT ON FUNCTION sweep_rule_roadmap_missing(boolean, text, date, boolean, date) IS
  'Sweep rule R56 (R59 under long-term control, with the 10 working days borrowed from R56): no roadmap registered by its due date (approved: one approved by as_of, asked by the sweep''s branch), to the controller';

-- R57's 5 working days are the PA's, for agreeing a roadmap submitted to it
-- («Келісу ... бес жұмыс күні ішінде жүзеге асырылады»): a roadmap submitted
-- and not agreed by the last of them is the PA's delay, reported to the Head
-- of the PA; its period is that last day.  An agreement recorded after as_of
-- is not known on as_of (a replay sees the day as it was).
-- The instruction's roadmaps are found by its key alone (OFFSET 0: no other
-- condition reaches the lookup).  Given the submission's range as well, the
-- planner took roadmap_submitted_idx whenever its statistics said no roadmap
-- was submitted, and read every submitted roadmap for each instruction: with
-- 2,083 submitted since the last ANALYZE, a sweep of 1M instructions
-- collected in 11.7 s instead of 0.9 (issue 19: no cliff).
CREATE FUNCTION sweep_rule_roadmap_agreement_late(id bigint, on_control boolean, calendar text, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'roadmap_agreement_late', a.due, 'head_of_pa', 'R57',
         pg_catalog.jsonb_build_object('roadmap_id', m.id, 'submitted_to_pa_on', m.submitted_to_pa_on,
                                       'agreement_due', a.due, 'working_days', 5,
                                       'agreed_with_pa_on', m.agreed_with_pa_on)
    FROM (SELECT * FROM instruction_control.roadmap m0
           WHERE m0.instruction_id OPERATOR(pg_catalog.=) sweep_rule_roadmap_agreement_late.id OFFSET 0) m
   CROSS JOIN LATERAL (SELECT instruction_control.add_working_days(m.submitted_to_pa_on, 5, calendar) AS due) a
   WHERE on_control
     AND m.submitted_to_pa_on IS NOT NULL AND m.submitted_to_pa_on OPERATOR(pg_catalog.<=) as_of
     AND a.due OPERATOR(pg_catalog.<) as_of
     AND (m.agreed_with_pa_on IS NULL OR m.agreed_with_pa_on OPERATOR(pg_catalog.>) a.due)
$$;
COMMENT ON FUNCTION sweep_rule_roadmap_agreement_late(bigint, boolean, text, date) IS
  'Sweep rule R57: a roadmap submitted to the PA and not agreed within 5 working days of the submission (the PA''s own term) is the PA''s delay, reported to the Head of the PA';

-- A roadmap still missing after the escalation grace period of the level
-- (sweep_setting: the project's own setting, not the decree's) is escalated
-- per R66-1.3 and cited by the rule that asked for it, R56 or R59 (R57's 5
-- working days are the PA's for agreeing, not a term of the executor): R59
-- when a transfer to long-term control set the day it is due.  A calendar
-- change writes a roadmap's day too (R50.3: R56's 10 working days counted
-- again, calendar_counted_of), and is no transfer: counted as one, an R56
-- roadmap whose day a calendar change moved was escalated as R59's.  The
-- rule also reports the PA's late agreement (R57), so the sweep's roadmap
-- arm asks one function for both.
CREATE FUNCTION sweep_rule_roadmap_not_approved(id bigint, kind instruction_kind, level control_level, on_control boolean,
                                                roadmap_due_date date, calendar text, grace integer, approved boolean,
                                                as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'roadmap_not_approved', roadmap_due_date, r.addressee::pg_catalog.text,
         CASE WHEN EXISTS (SELECT 1 FROM instruction_control.decision d
                            WHERE d.instruction_id OPERATOR(pg_catalog.=) sweep_rule_roadmap_not_approved.id
                              AND d.kind OPERATOR(pg_catalog.=) 'transfer'
                              AND d.roadmap_due_date OPERATOR(pg_catalog.=) sweep_rule_roadmap_not_approved.roadmap_due_date)
              THEN 'R59' ELSE 'R56' END,
         pg_catalog.jsonb_build_object('roadmap_due_date', roadmap_due_date, 'working_days_late', k.late,
                                       'grace', sweep_rule_roadmap_not_approved.grace, 'grace_source', 'sweep_setting')
    FROM (SELECT instruction_control.working_days_between(roadmap_due_date, as_of, calendar) AS late) k
   CROSS JOIN instruction_control.sweep_route(id, kind, level) r
   WHERE on_control AND roadmap_due_date OPERATOR(pg_catalog.<) as_of
     AND k.late OPERATOR(pg_catalog.>=) sweep_rule_roadmap_not_approved.grace AND k.late OPERATOR(pg_catalog.>) 0
     AND NOT approved
  UNION ALL
  SELECT * FROM instruction_control.sweep_rule_roadmap_agreement_late(id, on_control, calendar, as_of)
$$;
COMMENT ON FUNCTION sweep_rule_roadmap_not_approved(bigint, instruction_kind, control_level, boolean, date, text, integer, boolean, date) IS
  'Sweep rule R56 (R59 after a long-term transfer): no roadmap approved (approved, asked by the sweep''s branch) after the escalation grace period of its level (grace: sweep_setting, the project''s own setting, joined once by the sweep''s branch), escalated per sweep_route(); also returns the PA''s late agreements (sweep_rule_roadmap_agreement_late, R57)';

-- R66-1.1 (round 3): the PA sets the dates per instruction; a periodicity's
-- calendar period ends (period_ends) are the default, reporting_period
-- explicit reads the PA's own dates (instruction.report_dates): the latest
-- whose report was due before as_of.  The period's end is computed once per
-- instruction (OFFSET 0 keeps p a subquery of its own): pulled up, its
-- expression was copied into each of its seven uses and the day parsed from
-- period_ends seven times per instruction reporting (issue 19: the branch
-- took 340-400 ms of backend CPU for the bench's 100,000 of them, 273-315 now).
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
                 END AS period_end OFFSET 0) p
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

CREATE FUNCTION sweep_rule_measures_missing(instruction_id bigint, on_control boolean, decided_on date,
                                            measures_due_date date, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'measures_missing', measures_due_date, 'controller', 'R72.4',
         pg_catalog.jsonb_build_object('repeated_extension_on', decided_on, 'measures_due_date', measures_due_date)
   WHERE on_control AND measures_due_date OPERATOR(pg_catalog.<) as_of AND decided_on OPERATOR(pg_catalog.<=) as_of
     AND NOT EXISTS (SELECT 1 FROM instruction_control.report r
                      WHERE r.instruction_id OPERATOR(pg_catalog.=) sweep_rule_measures_missing.instruction_id
                        AND r.kind OPERATOR(pg_catalog.=) 'measures'::instruction_control.report_kind
                        AND r.submitted_on OPERATOR(pg_catalog.>=) sweep_rule_measures_missing.decided_on
                        AND r.submitted_on OPERATOR(pg_catalog.<=) sweep_rule_measures_missing.measures_due_date OFFSET 0)
$$;
COMMENT ON FUNCTION sweep_rule_measures_missing(bigint, boolean, date, date, date) IS
  'Sweep rule R72.4: no information on measures within a month of a repeated extension (decided_on, measures_due_date), to the controller';

CREATE FUNCTION sweep_rule_risk_escalation(id bigint, kind instruction_kind, level control_level, on_control boolean,
                                           report_id bigint, submitted_on date, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'risk_escalation', submitted_on, r.addressee::pg_catalog.text, 'R66-3.5',
         pg_catalog.jsonb_build_object('report_id', report_id, 'routed_by', r.rule_id)
    FROM instruction_control.sweep_route(id, kind, level) r
   WHERE on_control AND submitted_on OPERATOR(pg_catalog.<=) as_of
$$;
COMMENT ON FUNCTION sweep_rule_risk_escalation(bigint, instruction_kind, control_level, boolean, bigint, date, date) IS
  'Sweep rule R66-3.5: a risk to the deadline reported (report_id, submitted_on), escalated per sweep_route() (R66-1.3)';

-- A mark is cleared by the rule of the decision that moved the deadline: the
-- latest decided by as_of that set one (an extension or a transfer, R69.1; a
-- new deadline in an emergency, R70.4; a calendar change, R50.3), or by
-- R75's removal.  Looked up for the marks cleared only (the select list):
-- every other mark the branch reads stays a comparison of dates.
CREATE FUNCTION sweep_rule_overdue_cleared(id bigint, marked_due_date date, on_control boolean, due_date date,
                                           as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'overdue_cleared', marked_due_date, 'controller',
         CASE WHEN NOT on_control THEN 'R75'
              ELSE coalesce((SELECT CASE WHEN k.kind OPERATOR(pg_catalog.=) 'new_deadline' THEN 'R70.4'
                                         WHEN k.kind OPERATOR(pg_catalog.=) 'calendar_change' THEN 'R50.3' END
                               FROM instruction_control.sweep_deadline_set_by(id, as_of) k), 'R69.1') END,
         pg_catalog.jsonb_build_object('reason', CASE WHEN on_control THEN 'deadline_moved' ELSE 'removed' END,
                                       'new_due_date', due_date)
   WHERE NOT (on_control AND due_date OPERATOR(pg_catalog.=) marked_due_date AND due_date OPERATOR(pg_catalog.<) as_of)
$$;
COMMENT ON FUNCTION sweep_rule_overdue_cleared(bigint, date, boolean, date, date) IS
  'Sweep rule R69.1, R70.4, R50.3, R75: an overdue mark (marked_due_date) is cleared when a decision moved the deadline (cited by that decision''s rule: an extension or transfer R69.1, a new deadline R70.4, a calendar change R50.3) or removed the instruction (R75)';

-- Drafts' review deadlines (issue 20, item 1): the PA's own terms, counted
-- from receipt (R20: 10 working days for an act approving a document of the
-- state planning system; R33: 3 for a draft instruction) or from the
-- refinement step (R21: 5, or the term an official named there set).  The
-- same reminder days and escalation grace as an instruction controlled at PA
-- level (sweep_setting of level pa: the PA reviews), the reviewing PA unit
-- (controller) told, an overdue review escalated to the Head of the PA (the
-- grace is the registry's own setting: the decree sets none).  The state of a
-- day comes from the draft's journal (sweep_draft_state: steps dated on or
-- before as_of), read by every sweep for the drafts whose deadlines can still
-- raise or clear an event, so a full and an incremental sweep read the same
-- rows and agree.
CREATE FUNCTION sweep_rule_draft(deadline_rule text, due_date date, open boolean, calendar text,
                                 reminder_days integer[], grace integer, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'draft_reminder', r.period, 'controller', deadline_rule, r.detail
    FROM instruction_control.sweep_rule_reminder(due_date, open, calendar, reminder_days, as_of) r
  UNION ALL
  SELECT 'draft_overdue', o.period, 'controller', deadline_rule, o.detail
    FROM instruction_control.sweep_rule_overdue(due_date, open, calendar, as_of) o
  UNION ALL
  SELECT 'draft_escalation', due_date, 'head_of_pa', deadline_rule,
         pg_catalog.jsonb_build_object('working_days_late', k.late, 'grace', grace,
                                       'grace_basis', 'registry setting (sweep_setting.escalation_grace_days of level pa), not the decree: R20, R21 and R33 set no escalation')
    FROM (SELECT instruction_control.working_days_between(due_date, as_of, calendar) AS late) k
   WHERE open AND due_date OPERATOR(pg_catalog.<) as_of
     AND k.late OPERATOR(pg_catalog.>=) grace AND k.late OPERATOR(pg_catalog.>) 0
$$;
COMMENT ON FUNCTION sweep_rule_draft(text, date, boolean, text, integer[], integer, date) IS
  'Sweep rule R20, R21, R33 for a draft''s open review or refinement deadline (rule_id): draft_reminder (as sweep_rule_reminder) and draft_overdue (as sweep_rule_overdue) to the reviewing PA unit (controller), draft_escalation to the Head of the PA after the grace of level pa (the registry''s own setting, said so in detail.grace_basis)';

CREATE FUNCTION sweep_rule_draft_cleared(overdue_period date, overdue_rule text, still_overdue boolean, status text)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'draft_overdue_cleared', overdue_period, 'controller', overdue_rule,
         pg_catalog.jsonb_build_object('reason', coalesce(status, 'received'))
   WHERE NOT still_overdue
$$;
COMMENT ON FUNCTION sweep_rule_draft_cleared(date, text, boolean, text) IS
  'Sweep rule R20, R21, R33: a draft_overdue event whose deadline is no longer open (the draft agreed, signed or withdrawn, or its refinement over) is cleared, to the controller; detail.reason is the draft''s status then';

-- The drafts' overdue events raised by as_of and not cleared since: the ones
-- a sweep may clear, and whose drafts it must therefore read.  One overdue
-- event cleared before has its clearing in the outbox, which the sweep never
-- raises again (issue 19: holding every one ever raised against the day's
-- drafts was most of a sweep with ten years of drafts).  Written once, for
-- sweep_draft_state() and the clearing branch of sweep_found(); LANGUAGE sql,
-- STABLE, without SET and schema-qualified, so the planner inlines it.
CREATE FUNCTION sweep_draft_overdue_open(as_of date)
RETURNS SETOF event
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT e.* FROM instruction_control.event e
   WHERE e.instruction_id IS NULL AND e.kind OPERATOR(pg_catalog.=) 'draft_overdue'
     AND e.as_of OPERATOR(pg_catalog.<=) sweep_draft_overdue_open.as_of
     AND NOT EXISTS (SELECT 1 FROM instruction_control.event c
                      WHERE c.instruction_id IS NULL AND c.kind OPERATOR(pg_catalog.=) 'draft_overdue_cleared'
                        AND c.period OPERATOR(pg_catalog.=) e.period
                        AND c.draft_id OPERATOR(pg_catalog.=) e.draft_id)
$$;
COMMENT ON FUNCTION sweep_draft_overdue_open(date) IS
  'Internal: the drafts'' draft_overdue events raised on or before as_of whose draft_overdue_cleared is not in the outbox (R20, R21, R33): what a sweep may clear';

-- Internal: the deadlines of the drafts a sweep must look at, as the journal
-- stood at the end of as_of.  PL/pgSQL (the Drafts section comes later in the
-- script, and a PL/pgSQL body names its tables only when it runs); not
-- SECURITY DEFINER: it reads the drafts and the outbox as its caller may (the
-- sweep: the owner; a role that may not read the outbox is refused, as by
-- sweep_found()).
--
-- Not every draft ever received (issue 19: with 40,000 drafts of ten years,
-- every sweep folded their 140,000 steps, and a sweep that changes nothing
-- took 220-250 ms instead of 40): only those that can raise an event or clear
-- one on as_of.  A draft signed or withdrawn by then has no deadline open, nor
-- has one agreed unless a refinement came after the agreement (R21); the
-- others are read, with the drafts whose draft_overdue event is not yet
-- cleared (the clearing needs their state).  A draft left out returns no row:
-- sweep_found() asks sweep_rule_draft() about open rows only, and clears only
-- the overdue events of the drafts read here (an event cleared before stays
-- in the outbox, so its clearing is not raised again either way).
CREATE FUNCTION sweep_draft_state(as_of date)
RETURNS TABLE (draft_id bigint, deadline text, rule_id text, due_date date, open boolean, status text,
               calendar text)
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  -- a registry that keeps no drafts does not plan the query below on every
  -- sweep (a new session plans it afresh: ~6 ms, issue 19)
  IF NOT EXISTS (SELECT 1 FROM draft d WHERE d.received_on <= sweep_draft_state.as_of) THEN
    RETURN;
  END IF;
  RETURN QUERY
  WITH read AS (
    -- neither signed nor withdrawn by as_of, and not agreed or refined since the agreement
    SELECT d.id FROM draft d
     WHERE d.received_on <= sweep_draft_state.as_of
       AND NOT EXISTS (SELECT 1 FROM draft_step x
                        WHERE x.draft_id = d.id AND x.step IN ('signed', 'withdrawn')
                          AND x.on_date <= sweep_draft_state.as_of)
       AND NOT EXISTS (SELECT 1 FROM draft_step a
                        WHERE a.draft_id = d.id AND a.step = 'agreed' AND a.on_date <= sweep_draft_state.as_of
                          AND NOT EXISTS (SELECT 1 FROM draft_step r
                                           WHERE r.draft_id = d.id AND r.step = 'refinement'
                                             AND r.on_date >= a.on_date AND r.on_date <= sweep_draft_state.as_of))
    UNION
    -- an overdue event raised by as_of and not cleared since
    SELECT e.draft_id FROM sweep_draft_overdue_open(sweep_draft_state.as_of) e
  ),
  j AS (
    SELECT d.id, d.kind, d.received_on,
           (array_agg(s.step::text ORDER BY s.on_date DESC, s.id DESC)
              FILTER (WHERE s.step <> 'visa'))[1] AS last_step,
           (array_agg(s.due_date ORDER BY s.on_date DESC, s.id DESC)
              FILTER (WHERE s.step <> 'visa'))[1] AS last_due,
           bool_or(s.step IN ('agreed', 'signed', 'withdrawn')) AS review_over,
           bool_or(s.step IN ('signed', 'withdrawn')) AS closed
      FROM read
      JOIN draft d ON d.id = read.id
      LEFT JOIN draft_step s ON s.draft_id = d.id AND s.on_date <= sweep_draft_state.as_of
     GROUP BY d.id
  )
  -- R20, R33: the review from receipt, open until agreed, signed or withdrawn
  SELECT j.id, 'review', CASE j.kind WHEN 'planning_act' THEN 'R20' ELSE 'R33' END,
         add_working_days(j.received_on, draft_review_days(j.kind), effective_calendar()),
         NOT coalesce(j.review_over, false), coalesce(j.last_step, 'received'), effective_calendar()
    FROM j
   WHERE draft_review_days(j.kind) IS NOT NULL
  UNION ALL
  -- R21: the refinement in course (the last step but visas), open until the next step
  SELECT j.id, 'refinement', 'R21', j.last_due, NOT coalesce(j.closed, false), j.last_step, effective_calendar()
    FROM j
   WHERE j.last_step = 'refinement';
END
$$;
COMMENT ON FUNCTION sweep_draft_state(date) IS
  'Internal: the review deadline (R20, R33; open until agreed, signed or withdrawn) and the refinement in course (R21; open until the next step) of each draft that can raise or clear an event on as_of (neither signed nor withdrawn, not agreed unless refined since; or with a draft_overdue event not yet cleared), as the journal stood at the end of as_of (steps dated on or before it): what the sweep asks sweep_rule_draft about';

-- The key days an incremental sweep re-reads (issue 16): for the rules that
-- fire a number of working days before or after a date, the dates for which
-- the rule, asked as of as_of, raises an event (a period) it did not raise as
-- of since.  Derived by asking the rule functions themselves about every day
-- of a window as wide as the settings reach (sweep_settings) and for every
-- level's settings: nothing re-encoded.
CREATE FUNCTION sweep_rule_days(since date, as_of date, calendar text)
RETURNS TABLE (key text, days date[])
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH reach AS (   -- how many working days any setting reaches (5: the PA's days for agreeing, R57)
    SELECT pg_catalog.max(greatest(g.grace, 5, (SELECT pg_catalog.max(n) FROM pg_catalog.unnest(g.reminder_days) n))) AS n
      FROM instruction_control.sweep_settings() g
  ),
  probe AS (
    SELECT d::pg_catalog.date AS d, g.level, g.reminder_days, g.grace
      FROM reach,
           pg_catalog.generate_series(instruction_control.add_working_days(since, OPERATOR(pg_catalog.-) (reach.n OPERATOR(pg_catalog.+) 2), calendar) OPERATOR(pg_catalog.-) 7,
                                      instruction_control.add_working_days(as_of, reach.n OPERATOR(pg_catalog.+) 2, calendar) OPERATOR(pg_catalog.+) 7,
                                      '1 day'::pg_catalog.interval) d
     CROSS JOIN instruction_control.sweep_settings() g
  )
  SELECT 'due_date', coalesce(pg_catalog.array_agg(DISTINCT p.d ORDER BY p.d), '{}')
    FROM probe p
   WHERE EXISTS (SELECT r.period FROM instruction_control.sweep_rule_reminder(p.d, true, calendar, p.reminder_days, as_of) r
                 EXCEPT
                 SELECT r.period FROM instruction_control.sweep_rule_reminder(p.d, true, calendar, p.reminder_days, since) r)
      OR EXISTS (SELECT r.period FROM instruction_control.sweep_rule_escalation(NULL, 'act_point', p.level, p.d, true, calendar, p.grace, as_of) r
                 EXCEPT
                 SELECT r.period FROM instruction_control.sweep_rule_escalation(NULL, 'act_point', p.level, p.d, true, calendar, p.grace, since) r)
  UNION ALL
  SELECT 'roadmap_due_date', coalesce(pg_catalog.array_agg(DISTINCT p.d ORDER BY p.d), '{}')
    FROM probe p
   WHERE EXISTS (SELECT r.period FROM instruction_control.sweep_rule_roadmap_not_approved(NULL, 'act_point', p.level, true, p.d, calendar, p.grace, false, as_of) r
                 EXCEPT
                 SELECT r.period FROM instruction_control.sweep_rule_roadmap_not_approved(NULL, 'act_point', p.level, true, p.d, calendar, p.grace, false, since) r)
$$;
COMMENT ON FUNCTION sweep_rule_days(date, date, text) IS
  'Internal: the deadlines (due_date) and roadmap due dates whose reminder (R50.1), escalation (R66-1.3) or missing-roadmap escalation (R56, R59) event becomes due after the sweep of since and by as_of, found by asking the rule functions (sweep_rule_reminder, sweep_rule_escalation, sweep_rule_roadmap_not_approved)';

-- The state of a day --------------------------------------------------------

CREATE VIEW sweep_state_current AS
SELECT i.id, i.kind, i.level, i.regime, i.status = 'on_control' AS on_control,
       i.due_date, i.original_due_date, i.roadmap_due_date, i.reporting_period,
       i.category, i.received_on, i.signed_on, i.deadline_source,
       effective_calendar(i.calendar) AS calendar, i.responsible_body_id, i.controlling_body_id
  FROM instruction i;
COMMENT ON VIEW sweep_state_current IS 'Internal: the live state the sweep of today reads (through the instruction''s indexes: the columns are the table''s own, so the partial indexes'' predicates match)';

CREATE FUNCTION sweep_state_as_of(as_of date)
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
COMMENT ON FUNCTION sweep_state_as_of(date) IS
  'Internal: every instruction as it stood at the end of a past day (instruction_as_of), with the roadmap due date then (R56, R59), for replaying a sweep';

-- The last reporting period whose report was due before a day (R66-1.1):
-- periods end on the last day of a month, quarter, half-year or year, and
-- the report is due on that day rolled forward to a working day.
CREATE FUNCTION reporting_period_end(period reporting_period, as_of date, calendar text DEFAULT 'KZ')
RETURNS date
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  step interval := CASE period WHEN 'monthly' THEN interval '1 month' WHEN 'quarterly' THEN interval '3 months'
                               WHEN 'half_yearly' THEN interval '6 months' ELSE interval '1 year' END;
  start date := CASE period
                  WHEN 'monthly' THEN date_trunc('month', as_of)::date
                  WHEN 'quarterly' THEN date_trunc('quarter', as_of)::date
                  WHEN 'half_yearly' THEN make_date(extract(year FROM as_of)::int,
                                                    CASE WHEN extract(month FROM as_of) > 6 THEN 7 ELSE 1 END, 1)
                  ELSE date_trunc('year', as_of)::date END;
  p date := start - 1;
BEGIN
  IF roll_forward(p, calendar) >= as_of THEN
    p := (start - step)::date - 1;
  END IF;
  RETURN p;
END
$$;
COMMENT ON FUNCTION reporting_period_end(reporting_period, date, text) IS
  'End of the latest intermediate reporting period (month, quarter, half-year, year: R66-1.1) whose report was due before as_of; the report is due on the period''s last day rolled forward to a working day';

-- What an incremental sweep re-reads (issue 16): the instructions whose
-- conditions can have changed since the sweep of since -- the dates that
-- passed in between (each arm an index range), the key days the rules name
-- (sweep_rule_days: reminders, escalations, roadmaps), the reporting periods that
-- ended, and the instructions written since (the notes the run claimed:
-- sweep_claimed).
CREATE FUNCTION sweep_scope(since date, as_of date, run bigint, calendar text)
RETURNS SETOF sweep_state_current
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH k AS MATERIALIZED (
    SELECT k.key, k.days FROM instruction_control.sweep_rule_days(sweep_scope.since, sweep_scope.as_of, sweep_scope.calendar) k
  )
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.due_date OPERATOR(pg_catalog.>=) sweep_scope.since AND s.due_date OPERATOR(pg_catalog.<) sweep_scope.as_of
  UNION
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control
     AND s.due_date OPERATOR(pg_catalog.=) ANY ((SELECT k.days FROM k
                                                 WHERE k.key OPERATOR(pg_catalog.=) 'due_date')::pg_catalog.date[])
  UNION
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.deadline_source OPERATOR(pg_catalog.=) 'two_weeks'
     AND s.original_due_date OPERATOR(pg_catalog.>=) sweep_scope.since AND s.original_due_date OPERATOR(pg_catalog.<) sweep_scope.as_of
  UNION
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.roadmap_due_date IS NOT NULL
     AND (s.roadmap_due_date OPERATOR(pg_catalog.>=) sweep_scope.since AND s.roadmap_due_date OPERATOR(pg_catalog.<) sweep_scope.as_of
          OR s.roadmap_due_date OPERATOR(pg_catalog.=) ANY ((SELECT k.days FROM k
                                                              WHERE k.key OPERATOR(pg_catalog.=) 'roadmap_due_date')::pg_catalog.date[]))
  UNION
  -- R57: the roadmaps whose 5 working days for the PA's agreement ended since.
  -- Those days end on or after since exactly when the roadmap was submitted
  -- on or after the 5th working day before since (add_working_days only
  -- grows with its day): a range of roadmap_submitted_idx, not every roadmap
  -- read and its term counted (issue 19: ~4 ms of every incremental sweep at
  -- 50,000 roadmaps, growing with them)
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.roadmap_due_date IS NOT NULL
     AND EXISTS (SELECT 1 FROM instruction_control.roadmap m
                  WHERE m.instruction_id OPERATOR(pg_catalog.=) s.id
                    AND m.submitted_to_pa_on IS NOT NULL AND m.submitted_to_pa_on OPERATOR(pg_catalog.<) sweep_scope.as_of
                    AND m.submitted_to_pa_on OPERATOR(pg_catalog.>=)
                        instruction_control.add_working_days(sweep_scope.since, -5, sweep_scope.calendar)
                    AND instruction_control.add_working_days(m.submitted_to_pa_on, 5, sweep_scope.calendar)
                        OPERATOR(pg_catalog.>=) sweep_scope.since
                    AND instruction_control.add_working_days(m.submitted_to_pa_on, 5, sweep_scope.calendar)
                        OPERATOR(pg_catalog.<) sweep_scope.as_of)
  UNION
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.reporting_period IS NOT NULL AND s.category IS NULL
     AND s.reporting_period OPERATOR(pg_catalog.=) ANY ((
           SELECT coalesce(pg_catalog.array_agg(p), '{}') FROM pg_catalog.unnest(ARRAY['monthly', 'quarterly', 'half_yearly', 'yearly']) AS p
            WHERE instruction_control.reporting_period_end(p::instruction_control.reporting_period, sweep_scope.since, sweep_scope.calendar)
                  OPERATOR(pg_catalog.<>) instruction_control.reporting_period_end(p::instruction_control.reporting_period, sweep_scope.as_of, sweep_scope.calendar))::pg_catalog.text[])
  UNION
  -- R66-1.1: the PA's own dates whose report became due since (sweep_rule_report_missing)
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.on_control AND s.reporting_period OPERATOR(pg_catalog.=) 'explicit' AND s.category IS NULL
     AND EXISTS (SELECT 1 FROM instruction_control.instruction i
                  CROSS JOIN pg_catalog.unnest(i.report_dates) AS d(d)
                  WHERE i.id OPERATOR(pg_catalog.=) s.id
                    AND instruction_control.roll_forward(d.d, s.calendar) OPERATOR(pg_catalog.>=) sweep_scope.since
                    AND instruction_control.roll_forward(d.d, s.calendar) OPERATOR(pg_catalog.<) sweep_scope.as_of)
  UNION
  -- each instruction noted looked up by its key (OFFSET 0: a probe per note,
  -- never a scan of every instruction: how many notes the run claimed is not
  -- known when the statement is planned, and a hash join chosen for 14,000
  -- estimated read 1M instructions for 10,000 notes, 130 ms against 10)
  SELECT s.* FROM (SELECT c.id FROM instruction_control.sweep_claimed(sweep_scope.run) AS c(id)
                   UNION
                   SELECT x.instruction_id FROM instruction_control.decision x
                    WHERE x.measures_due_date IS NOT NULL AND x.measures_due_date OPERATOR(pg_catalog.>=) sweep_scope.since
                      AND x.measures_due_date OPERATOR(pg_catalog.<) sweep_scope.as_of) n
   CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state_current s
                        WHERE s.id OPERATOR(pg_catalog.=) n.id OFFSET 0) s
$$;
COMMENT ON FUNCTION sweep_scope(date, date, bigint, text) IS
  'Internal: the live instructions an incremental sweep re-reads: dates passed since the sweep of since (deadlines, roadmap due dates, the PA''s 5 working days to agree a roadmap, R57), the key days of the rules (sweep_rule_days), reporting periods ended and the PA''s own reporting dates passed (R66-1.1), and the instructions the run''s notes name (sweep_change)';
