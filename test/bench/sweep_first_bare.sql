-- The first sweep of the day done bare (make bench-sweep, issue 19): the same
-- events found and written by one plain statement over the same tables, as an
-- application without the extension would write it for the day current_date:
-- each kind an index range of instruction (or the decisions, reports and
-- marks that drive it), the facts it needs joined set-wise (hash joins), the
-- events into public.bench_floor_event and the overdue marks into
-- public.bench_floor_overdue_mark, both emptied before.  No rule functions,
-- no staging, no batches: the calendar's C functions count the working days
-- (the calendar row of make bench-calendar measures them against d + k).
-- make bench-sweep checks that it writes exactly the events and marks the
-- sweep wrote (instruction, kind, period, addressee, rule, due date and
-- detail), so a rule changed in the extension and not here fails the bench.
-- The drafts' review deadlines are left out: the registry the first sweep
-- runs on holds no draft.  pgTAP 41 runs it too, over a registry raising
-- every kind, against a full sweep (the outbox and the marks copied first).
WITH setting AS (
  SELECT s.level, coalesce(s.reminder_days, '{5,1}') AS reminder_days, coalesce(s.escalation_grace_days, 5) AS grace
    FROM instruction_control.sweep_setting s
),
period_end AS MATERIALIZED (
  SELECT p AS reporting_period, instruction_control.reporting_period_end(p::instruction_control.reporting_period, current_date) AS period_end
    FROM unnest(ARRAY['monthly', 'quarterly', 'half_yearly', 'yearly']) AS p
),
approved AS MATERIALIZED (
  SELECT m.instruction_id FROM instruction_control.roadmap m WHERE m.approved_on <= current_date GROUP BY 1
),
-- the official an escalation goes to and the rule that routes it (R66-1.3, R74-1)
routed AS NOT MATERIALIZED (
  SELECT i.id, i.kind, i.level, i.regime, i.due_date, i.original_due_date, i.roadmap_due_date, i.reporting_period,
         i.category, i.received_on, i.signed_on, i.deadline_source, i.report_dates,
         coalesce(i.calendar, 'KZ') AS cal, g.reminder_days, g.grace,
         coalesce(x.addressee::text, CASE WHEN i.kind::text = 'security_council' THEN 'secretary_sc'
                                          WHEN i.level::text = 'pa' THEN 'head_of_pa'
                                          WHEN i.level::text = 'government' THEN 'prime_minister'
                                          WHEN i.level::text = 'local' THEN 'akim' ELSE 'first_head' END) AS escalate_to,
         CASE WHEN x.addressee IS NOT NULL OR i.kind::text = 'security_council' OR i.level::text = 'pa' THEN 'R66-1.3'
              ELSE 'R74-1' END AS routed_by
    FROM instruction_control.instruction i
    JOIN setting g ON g.level OPERATOR(instruction_control.=) i.level
    LEFT JOIN instruction_control.instruction_escalation x ON x.instruction_id = i.id
   WHERE i.status = 'on_control'
),
found (instruction_id, kind, period, addressee, rule_id, due_date, detail) AS (
  -- R50.1: overdue, unless marked for that deadline already
  SELECT s.id, 'overdue', s.due_date, 'controller', 'R50.1', s.due_date,
         jsonb_build_object('working_days_late', instruction_control.working_days_between(s.due_date, current_date, s.cal))
    FROM routed s
   WHERE s.due_date < current_date
     AND NOT EXISTS (SELECT 1 FROM public.bench_floor_overdue_mark m WHERE m.instruction_id = s.id AND m.due_date = s.due_date)
  UNION ALL
  -- R66-1.3, R74-1: overdue by the level's grace period
  SELECT s.id, 'escalation', s.due_date, s.escalate_to, s.routed_by, s.due_date,
         jsonb_build_object('working_days_late', k.late, 'grace', s.grace,
                            'grace_basis', 'registry setting (sweep_setting.escalation_grace_days), not the decree: R66-1.3 sets no grace period')
    FROM routed s
   CROSS JOIN LATERAL (SELECT instruction_control.working_days_between(s.due_date, current_date, s.cal) AS late) k
   WHERE s.due_date < current_date AND k.late >= s.grace AND k.late > 0
  UNION ALL
  -- R50.1, R50.3: a reminder at the nearest of the level's reminder days not yet passed
  SELECT s.id, 'reminder', instruction_control.add_working_days(s.due_date, -r.n, s.cal), 'executor', 'R50.1', s.due_date,
         jsonb_build_object('working_days_left', k.left_days, 'reminder_days', r.n)
    FROM routed s
   CROSS JOIN LATERAL (SELECT instruction_control.working_days_between(current_date, s.due_date, s.cal) AS left_days) k
   CROSS JOIN LATERAL (SELECT min(d) AS n FROM unnest(s.reminder_days) d WHERE d >= k.left_days) r
   WHERE s.due_date >= current_date
     AND s.due_date <= instruction_control.add_working_days(current_date, (SELECT max(d) FROM setting, unnest(reminder_days) d), 'KZ') + 14
     AND r.n IS NOT NULL
  UNION ALL
  -- R51: a personal instruction past its two weeks, while they are its deadline
  SELECT s.id, 'personal_overdue', s.original_due_date, s.escalate_to, 'R51', s.due_date,
         jsonb_build_object('signed_on', s.signed_on, 'two_weeks_ended', s.original_due_date)
    FROM routed s
   WHERE s.deadline_source = 'two_weeks' AND s.original_due_date < current_date
     AND NOT EXISTS (SELECT 1 FROM instruction_control.decision d
                      WHERE d.instruction_id = s.id AND d.new_due_date IS NOT NULL AND d.kind <> 'calendar_change'
                        AND d.decided_on <= current_date)
  UNION ALL
  -- R56, R59: no roadmap approved by its due date, and after the grace period escalated
  SELECT s.id, e.kind, s.roadmap_due_date, e.addressee, e.rule_id, s.due_date, e.detail
    FROM routed s
    LEFT JOIN approved a ON a.instruction_id = s.id
    LEFT JOIN (SELECT d.instruction_id, d.roadmap_due_date FROM instruction_control.decision d
                WHERE d.kind = 'transfer' AND d.roadmap_due_date IS NOT NULL GROUP BY 1, 2) t
           ON t.instruction_id = s.id AND t.roadmap_due_date = s.roadmap_due_date
   CROSS JOIN LATERAL (SELECT instruction_control.working_days_between(s.roadmap_due_date, current_date, s.cal) AS late) k
   CROSS JOIN LATERAL (
     SELECT 'roadmap_missing' AS kind, 'controller' AS addressee,
            CASE WHEN s.regime = 'long_term' THEN 'R59' ELSE 'R56' END AS rule_id,
            jsonb_build_object('roadmap_due_date', s.roadmap_due_date, 'working_days', 10, 'term_rule', 'R56') AS detail
     UNION ALL
     SELECT 'roadmap_not_approved', s.escalate_to, CASE WHEN t.instruction_id IS NOT NULL THEN 'R59' ELSE 'R56' END,
            jsonb_build_object('roadmap_due_date', s.roadmap_due_date, 'working_days_late', k.late, 'grace', s.grace,
                               'grace_source', 'sweep_setting')
      WHERE k.late >= s.grace AND k.late > 0) e
   WHERE s.roadmap_due_date < current_date AND a.instruction_id IS NULL
  UNION ALL
  -- R57: a submitted roadmap the PA did not agree within 5 working days
  SELECT s.id, 'roadmap_agreement_late', a.due, 'head_of_pa', 'R57', s.due_date,
         jsonb_build_object('roadmap_id', m.id, 'submitted_to_pa_on', m.submitted_to_pa_on, 'agreement_due', a.due,
                            'working_days', 5, 'agreed_with_pa_on', m.agreed_with_pa_on)
    FROM routed s
    JOIN instruction_control.roadmap m ON m.instruction_id = s.id
   CROSS JOIN LATERAL (SELECT instruction_control.add_working_days(m.submitted_to_pa_on, 5, s.cal) AS due) a
   WHERE s.roadmap_due_date IS NOT NULL AND m.submitted_to_pa_on <= current_date AND a.due < current_date
     AND (m.agreed_with_pa_on IS NULL OR m.agreed_with_pa_on > a.due)
  UNION ALL
  -- R66-1.1: no intermediate report for the period just ended
  SELECT s.id, 'report_missing', p.period_end, 'controller', 'R66-1.1', s.due_date,
         jsonb_build_object('reporting_period', s.reporting_period, 'period_end', p.period_end,
                            'report_due', instruction_control.roll_forward(p.period_end, s.cal))
    FROM routed s
   CROSS JOIN LATERAL (SELECT CASE WHEN s.reporting_period = 'explicit'
                                   THEN (SELECT max(d) FROM unnest(s.report_dates) d
                                          WHERE instruction_control.roll_forward(d, s.cal) < current_date)
                                   ELSE (SELECT pe.period_end FROM period_end pe WHERE pe.reporting_period = s.reporting_period)
                              END AS period_end) p
   WHERE s.reporting_period IS NOT NULL AND s.category IS NULL
     AND s.received_on < p.period_end AND s.due_date > p.period_end
     AND NOT EXISTS (SELECT 1 FROM instruction_control.report r
                      WHERE r.instruction_id = s.id AND r.kind = 'intermediate' AND r.period_end >= p.period_end
                        AND r.submitted_on <= instruction_control.roll_forward(p.period_end, s.cal))
  UNION ALL
  -- R72.4: no information on measures a month after a repeated extension
  SELECT s.id, 'measures_missing', d.measures_due_date, 'controller', 'R72.4', s.due_date,
         jsonb_build_object('repeated_extension_on', d.decided_on, 'measures_due_date', d.measures_due_date)
    FROM instruction_control.decision d
    JOIN routed s ON s.id = d.instruction_id
   WHERE d.measures_due_date < current_date AND d.decided_on <= current_date
     AND NOT EXISTS (SELECT 1 FROM instruction_control.report r
                      WHERE r.instruction_id = d.instruction_id AND r.kind = 'measures'
                        AND r.submitted_on >= d.decided_on AND r.submitted_on <= d.measures_due_date)
  UNION ALL
  -- R66-3.5: a risk report, escalated once a day per instruction
  SELECT s.id, 'risk_escalation', rr.submitted_on, s.escalate_to, 'R66-3.5', s.due_date,
         jsonb_build_object('report_id', rr.report_id, 'routed_by', s.routed_by)
    FROM (SELECT r.instruction_id, r.submitted_on, min(r.id) AS report_id FROM instruction_control.report r
           WHERE r.kind = 'risk' AND r.submitted_on <= current_date GROUP BY 1, 2) rr
    JOIN routed s ON s.id = rr.instruction_id
  UNION ALL
  -- R69.1, R70.4, R50.3, R75: a mark whose deadline moved (cited by the rule of the
  -- latest decision that set one) or whose instruction left control
  SELECT m.instruction_id, 'overdue_cleared', m.due_date, 'controller',
         CASE WHEN i.status <> 'on_control' THEN 'R75'
              ELSE coalesce((SELECT CASE d.kind WHEN 'new_deadline' THEN 'R70.4' WHEN 'calendar_change' THEN 'R50.3' END
                               FROM instruction_control.decision d
                              WHERE d.instruction_id = m.instruction_id AND d.new_due_date IS NOT NULL
                                AND d.decided_on <= current_date
                              ORDER BY d.seq DESC LIMIT 1), 'R69.1') END, i.due_date,
         jsonb_build_object('reason', CASE WHEN i.status = 'on_control' THEN 'deadline_moved' ELSE 'removed' END,
                            'new_due_date', i.due_date)
    FROM public.bench_floor_overdue_mark m
    JOIN instruction_control.instruction i ON i.id = m.instruction_id
   WHERE NOT (i.status = 'on_control' AND i.due_date = m.due_date AND i.due_date < current_date)
),
marked AS (
  INSERT INTO public.bench_floor_overdue_mark (instruction_id, due_date, marked_on)
  SELECT f.instruction_id, f.period, current_date FROM found f WHERE f.kind = 'overdue'
)
INSERT INTO public.bench_floor_event (id, instruction_id, kind, period, addressee, rule_id, due_date, as_of, detail)
SELECT (SELECT coalesce(max(e.id), 0) FROM public.bench_floor_event e) + row_number() OVER (), f.instruction_id, f.kind, f.period, f.addressee, f.rule_id, f.due_date, current_date, f.detail
  FROM found f
 WHERE NOT EXISTS (SELECT 1 FROM public.bench_floor_event e
                    WHERE e.instruction_id = f.instruction_id AND e.kind = f.kind AND e.period = f.period);
