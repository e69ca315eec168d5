/*
 * 99r_draft_sweep: the sweep covers drafts' review deadlines (issue 20, item
 * 1), helper W.  Follows sql/src/60_sweep.sql to 63_sweep_run.sql and 75_drafts.sql: the event
 * kinds draft_reminder, draft_overdue, draft_escalation and
 * draft_overdue_cleared (R20, R21, R33, whose rows join the table rule); the
 * outbox carries a draft's events (event.draft_id; instruction_id nullable;
 * event_subject: exactly one set; event_once re-created NULLS NOT DISTINCT
 * over both), sweep_candidate too; the rules sweep_rule_draft,
 * sweep_rule_draft_cleared and the day's state sweep_draft_state; sweep_found()
 * dropped and re-created (a column draft_id in its result; its derived
 * statements are made by the last part, 99zz), sweep_collect() and
 * sweep_batch() writing draft_id (99zb); open_event shows draft_id.  The view
 * report_open_draft for the dashboards is in 75_drafts.sql (99j_drafts_section).
 */

-- Vocabulary and rules ------------------------------------------------------

ALTER DOMAIN event_kind DROP CONSTRAINT event_kind_check;
ALTER DOMAIN event_kind ADD CONSTRAINT event_kind_check
  CHECK (VALUE IN ('reminder', 'overdue', 'overdue_cleared', 'escalation', 'risk_escalation',
                   'personal_overdue', 'roadmap_missing', 'roadmap_not_approved', 'report_missing',
                   'measures_missing', 'roadmap_agreement_late', 'draft_reminder', 'draft_overdue',
                   'draft_escalation', 'draft_overdue_cleared', 'deadline_moved'));
COMMENT ON DOMAIN event_kind IS
  'Kind of event a sweep raises: reminder (R50.1), overdue, overdue_cleared, escalation (R66-1.3), risk_escalation (R66-3.5), personal_overdue (R51), roadmap_missing (R56, R59), roadmap_not_approved (R56, R59: still no roadmap after the escalation grace period, the project''s own setting), report_missing (R66-1.1), measures_missing (R72.4), roadmap_agreement_late (R57: the PA did not agree a submitted roadmap within 5 working days); for a draft (event.draft_id): draft_reminder, draft_overdue, draft_escalation, draft_overdue_cleared (R20, R21, R33); deadline_moved (R50.3: a calendar change moved a counted date, written by apply_calendar_change())';

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('event_kind', 'draft_reminder', 'Жобаны қарау мерзімінің жақындағаны туралы еске салу', 'Напоминание о приближении срока рассмотрения проекта', 'Reminder of a draft''s approaching review deadline'),
  ('event_kind', 'draft_overdue', 'Жобаны қарау мерзімі өтіп кетті', 'Срок рассмотрения проекта нарушен', 'Draft review deadline missed'),
  ('event_kind', 'draft_escalation', 'Жобаны қарау мерзімінің бұзылуы туралы ПӘ Басшысына хабарлау', 'Доклад Руководителю АП о нарушении срока рассмотрения проекта', 'Escalation of a missed draft review deadline'),
  ('event_kind', 'draft_overdue_cleared', 'Жобаны қарау мерзімінің өтіп кеткені туралы белгі алынды', 'Отметка о нарушении срока рассмотрения проекта снята', 'Draft overdue mark cleared');

-- the rules a draft's events cite (the review terms: Drafts section)
INSERT INTO rule (id, title_kk, title_ru, title_en) VALUES
  ('R20', 'Мемлекеттік жоспарлау жүйесінің құжаттарын бекіту туралы актілердің жобаларын ПӘ бөлімшелері келіп түскен күнінен бастап он жұмыс күні ішінде қарайды',
   'Проекты актов об утверждении документов Системы государственного планирования рассматриваются подразделениями АП в течение десяти рабочих дней со дня поступления',
   'Drafts of acts approving documents of the state planning system reviewed by the PA within 10 working days of receipt'),
  ('R21', 'Жобаны ПӘ-де бес жұмыс күні ішінде пысықтау, егер R21-де аталған лауазымды адам басқа мерзім белгілемесе',
   'Доработка проекта в АП в течение пяти рабочих дней, если должностное лицо, названное в R21, не установит иной срок',
   'Refinement of a draft in the PA within 5 working days unless an official named in R21 sets another term'),
  ('R33', 'Мемлекеттік органдар дайындаған тапсырмалар жобаларын ПӘ үш жұмыс күні ішінде қарайды және келіседі',
   'Проекты поручений, подготовленные государственными органами, рассматриваются и согласовываются АП в течение трех рабочих дней',
   'Draft instructions prepared by state bodies reviewed and agreed by the PA within 3 working days')
ON CONFLICT (id) DO NOTHING;

-- The outbox carries a draft's events -------------------------------------

ALTER TABLE event ADD COLUMN draft_id bigint;
ALTER TABLE event ALTER COLUMN instruction_id DROP NOT NULL;
ALTER TABLE event DROP CONSTRAINT event_once;
ALTER TABLE event ADD CONSTRAINT event_once UNIQUE NULLS NOT DISTINCT (instruction_id, kind, period, draft_id);
ALTER TABLE event ADD CONSTRAINT event_subject CHECK (num_nonnulls(instruction_id, draft_id) = 1);
COMMENT ON TABLE event IS
  'Outbox of the sweeps: one row per instruction (or draft), event kind and period; integrators take open rows with next_events() (FOR UPDATE SKIP LOCKED) and mark them delivered with mark_delivered(), its only writer; apply_calendar_change() writes deadline_moved';
COMMENT ON COLUMN event.kind IS 'event_kind: reminder, overdue, overdue_cleared, escalation, risk_escalation, personal_overdue, roadmap_missing, roadmap_not_approved, report_missing, measures_missing, roadmap_agreement_late; for a draft draft_reminder, draft_overdue, draft_escalation, draft_overdue_cleared; deadline_moved (a calendar change, apply_calendar_change())';
COMMENT ON COLUMN event.instruction_id IS 'The instruction (instruction.id) the event is about; NULL for a draft''s event (draft_id)';
COMMENT ON COLUMN event.draft_id IS 'The draft (draft.id) a draft_* event is about (R20, R21, R33); NULL for an instruction''s event: exactly one of instruction_id and draft_id is set';
ALTER TABLE sweep_candidate ALTER COLUMN instruction_id DROP NOT NULL;
ALTER TABLE sweep_candidate ADD COLUMN draft_id bigint;

-- Drafts' review deadlines (issue 20, item 1): the PA's own terms, counted
-- from receipt (R20: 10 working days for an act approving a document of the
-- state planning system; R33: 3 for a draft instruction) or from the
-- refinement step (R21: 5, or the term an official named there set).  The
-- same reminder days and escalation grace as an instruction controlled at PA
-- level (sweep_setting of level pa: the PA reviews), the reviewing PA unit
-- (controller) told, an overdue review escalated to the Head of the PA (the
-- grace is the registry's own setting: the decree sets none).  The state of a
-- day comes from the draft's journal (sweep_draft_state: steps dated on or
-- before as_of), read whole by every sweep: drafts are few, so a full and an
-- incremental sweep read the same rows and agree.
\definition sweep_rule_draft sql/src/61_sweep_rules.sql

\definition sweep_rule_draft_cleared sql/src/61_sweep_rules.sql

-- Internal: every draft's deadlines as the journal stood at the end of as_of.
-- PL/pgSQL (the Drafts section comes later in the script, and a PL/pgSQL body
-- names its tables only when it runs); not SECURITY DEFINER: it reads the
-- drafts as its caller may (the sweep: the owner; a reader: the policies of draft).
\definition sweep_draft_state sql/src/61_sweep_rules.sql

-- sweep_found(): a result column more, so dropped (its derived statements are
-- made once, by the last part, 99zz)
DROP FUNCTION sweep_found(text, date, date, jsonb, boolean, integer, bigint, date, sweep_state_current[]);

CREATE FUNCTION sweep_found(mode text, as_of date, reminder_to date, periods jsonb, keep_marks boolean,
                            batch_size integer, run bigint, since date DEFAULT NULL,
                            scope sweep_state_current[] DEFAULT NULL)
RETURNS TABLE (batch integer, instruction_id bigint, kind text, period date, addressee text, rule_id text,
               due_date date, detail jsonb, draft_id bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH found AS (
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue(s.due_date, s.on_control, s.calendar, as_of) e
     WHERE s.on_control AND s.due_date OPERATOR(pg_catalog.<) as_of
       AND CASE WHEN keep_marks THEN NOT EXISTS (SELECT 1 FROM instruction_control.overdue_mark m
                                                  WHERE m.instruction_id OPERATOR(pg_catalog.=) s.id
                                                    AND m.due_date OPERATOR(pg_catalog.=) s.due_date)
                ELSE true END
    UNION ALL
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      JOIN instruction_control.sweep_settings() g ON g.level OPERATOR(instruction_control.=) s.level
      CROSS JOIN LATERAL instruction_control.sweep_rule_escalation(s.id, s.kind, s.level, s.due_date, s.on_control,
                                                                   s.calendar, g.grace, as_of) e
     WHERE s.on_control AND s.due_date OPERATOR(pg_catalog.<) as_of
    UNION ALL
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      JOIN instruction_control.sweep_settings() g ON g.level OPERATOR(instruction_control.=) s.level
      CROSS JOIN LATERAL instruction_control.sweep_rule_reminder(s.due_date, s.on_control, s.calendar,
                                                                 g.reminder_days, as_of) e
     WHERE s.on_control AND s.due_date OPERATOR(pg_catalog.>=) as_of AND s.due_date OPERATOR(pg_catalog.<=) reminder_to
    UNION ALL
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_personal_overdue(s.id, s.kind, s.level, s.on_control,
                           s.deadline_source, s.original_due_date, s.signed_on, as_of) e
     WHERE s.on_control AND s.deadline_source OPERATOR(pg_catalog.=) 'two_weeks'
       AND s.original_due_date OPERATOR(pg_catalog.<) as_of
    UNION ALL
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_rule_roadmap_missing(s.id, s.on_control, s.regime,
                                                                                      s.roadmap_due_date, as_of)
                          UNION ALL
                          SELECT * FROM instruction_control.sweep_rule_roadmap_not_approved(s.id, s.kind, s.level,
                                          s.on_control, s.roadmap_due_date, s.calendar, as_of)) e
     WHERE s.on_control AND s.roadmap_due_date OPERATOR(pg_catalog.<) as_of
    UNION ALL
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_report_missing(s.id, s.on_control, s.reporting_period,
                           s.category, s.received_on, s.due_date, s.calendar, periods, as_of) e
     WHERE s.on_control AND s.reporting_period IS NOT NULL AND s.category IS NULL
    UNION ALL
    -- the branches driven by decisions, reports and marks look the instruction up
    -- (in the live rows for an incremental sweep)
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.decision d
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) d.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_measures_missing(d.instruction_id, s.on_control, d.decided_on,
                                                                         d.measures_due_date, as_of) e
     WHERE d.measures_due_date IS NOT NULL AND d.measures_due_date OPERATOR(pg_catalog.<) as_of
       AND d.decided_on OPERATOR(pg_catalog.<=) as_of
       AND (mode OPERATOR(pg_catalog.<>) 'incremental' OR d.measures_due_date OPERATOR(pg_catalog.>=) since)
    UNION ALL
    SELECT DISTINCT ON (rr.instruction_id, rr.submitted_on)
           s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.report rr
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) rr.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_risk_escalation(s.id, s.kind, s.level, s.on_control, rr.id,
                                                                        rr.submitted_on, as_of) e
     WHERE rr.kind OPERATOR(pg_catalog.=) 'risk' AND rr.submitted_on OPERATOR(pg_catalog.<=) as_of
       AND (mode OPERATOR(pg_catalog.<>) 'incremental'
            OR rr.instruction_id IN (SELECT c.instruction_id FROM instruction_control.sweep_change c
                                      WHERE c.taken_by OPERATOR(pg_catalog.=) run))
    UNION ALL
    -- the marks the day clears
    SELECT m.instruction_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.overdue_mark m
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) m.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue_cleared(m.due_date, s.on_control, s.due_date, as_of) e
     WHERE keep_marks
       AND (mode OPERATOR(pg_catalog.<>) 'incremental'
            OR m.instruction_id IN (SELECT u.id FROM instruction_control.sweep_state(mode, as_of, scope) u))
    UNION ALL
    -- replaying a past day: the overdue events raised before it that the day clears
    -- (sweep_found.as_of: event has a column as_of)
    SELECT e0.instruction_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.event e0
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) e0.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue_cleared(e0.period, s.on_control, s.due_date,
                                                                        sweep_found.as_of) e
     WHERE NOT keep_marks AND e0.kind OPERATOR(pg_catalog.=) 'overdue' AND e0.as_of OPERATOR(pg_catalog.<) sweep_found.as_of
  ),
  -- drafts' review deadlines (R20, R21, R33): every draft in every sweep (few
  -- rows), so a full and an incremental sweep agree; a draft_overdue event
  -- already raised is cleared once its deadline is no longer open
  draft_day AS MATERIALIZED (
    SELECT * FROM instruction_control.sweep_draft_state(sweep_found.as_of)
  ),
  draft_found AS (
    SELECT s.draft_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM draft_day s
      JOIN instruction_control.sweep_settings() g ON g.level OPERATOR(instruction_control.=) 'pa'::instruction_control.control_level
      CROSS JOIN LATERAL instruction_control.sweep_rule_draft(s.rule_id, s.due_date, s.open, s.calendar,
                                                              g.reminder_days, g.grace, sweep_found.as_of) e
     WHERE s.open
    UNION ALL
    SELECT e0.draft_id, e.kind, e.period, e.addressee, e.rule_id, e0.due_date, e.detail
      FROM instruction_control.event e0
      CROSS JOIN LATERAL instruction_control.sweep_rule_draft_cleared(
             e0.period, e0.rule_id,
             EXISTS (SELECT 1 FROM draft_day s
                      WHERE s.draft_id OPERATOR(pg_catalog.=) e0.draft_id AND s.open
                        AND s.due_date OPERATOR(pg_catalog.=) e0.period
                        AND s.due_date OPERATOR(pg_catalog.<) sweep_found.as_of),
             (SELECT pg_catalog.min(s.status) FROM draft_day s WHERE s.draft_id OPERATOR(pg_catalog.=) e0.draft_id)) e
     WHERE e0.instruction_id IS NULL AND e0.kind OPERATOR(pg_catalog.=) 'draft_overdue'
       AND e0.as_of OPERATOR(pg_catalog.<=) sweep_found.as_of
  )
  SELECT (((pg_catalog.row_number() OVER (ORDER BY f.id, f.draft_id, f.kind, f.period)) OPERATOR(pg_catalog.-) 1)
          OPERATOR(pg_catalog./) batch_size)::integer,
         f.id, f.kind, f.period, f.addressee, f.rule_id, f.due_date, f.detail, f.draft_id
    FROM (SELECT found.*, NULL::bigint AS draft_id FROM found
          UNION ALL
          SELECT NULL::bigint, d.kind, d.period, d.addressee, d.rule_id, d.due_date, d.detail, d.draft_id
            FROM draft_found d
           WHERE NOT EXISTS (SELECT 1 FROM instruction_control.event e
                              WHERE e.instruction_id IS NULL AND e.kind OPERATOR(pg_catalog.=) d.kind
                                AND e.period OPERATOR(pg_catalog.=) d.period
                                AND e.draft_id OPERATOR(pg_catalog.=) d.draft_id OFFSET 0)) f
   WHERE f.draft_id IS NOT NULL
      OR f.kind OPERATOR(pg_catalog.=) 'overdue' AND keep_marks
      OR NOT EXISTS (SELECT 1 FROM instruction_control.event e
                      WHERE e.instruction_id OPERATOR(pg_catalog.=) f.id AND e.kind OPERATOR(pg_catalog.=) f.kind
                        AND e.period OPERATOR(pg_catalog.=) f.period OFFSET 0)
$$;
COMMENT ON FUNCTION sweep_found(text, date, date, jsonb, boolean, integer, bigint, date, sweep_state_current[]) IS
  'Internal: the events the day as_of raises that the outbox does not hold (an overdue kept as a mark when keep_marks), numbered in batches of batch_size: every branch of the sweep once, each an index range asking its rule (sweep_rule_<kind>); mode current, replay or incremental (sweep_state); the drafts'' review deadlines (R20, R21, R33: draft_id set, instruction_id NULL) read whole in every mode';

CREATE OR REPLACE FUNCTION sweep_collect(run bigint)
RETURNS integer
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
SET plan_cache_mode = force_custom_plan
AS $$
DECLARE
  r sweep_run;
  max_n integer;
  reminder_to date;
  periods jsonb;
  n integer;
BEGIN
  SELECT * INTO STRICT r FROM sweep_run WHERE id = run;
  -- a wide enough range for every calendar; the rule decides per row (sweep_rule_reminder)
  SELECT max(d) INTO max_n FROM sweep_settings() g, unnest(g.reminder_days) AS d;
  reminder_to := add_working_days(r.as_of, max_n) + 14;
  SELECT jsonb_object_agg(p, reporting_period_end(p::reporting_period, r.as_of))
    INTO periods FROM unnest(ARRAY['monthly', 'quarterly', 'half_yearly', 'yearly']) AS p;
  IF r.mode = 'replay' THEN
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail,
                                 draft_id)
    SELECT run, f.* FROM sweep_found_replay(r.as_of, reminder_to, periods, r.marks, r.batch_size, run) f;
  ELSIF r.scope = 'incremental' THEN
    -- the instructions that can have changed since the day swept before (sweep_scope, read once in it)
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail,
                                 draft_id)
    SELECT run, f.* FROM sweep_found_incremental(r.as_of, reminder_to, periods, r.marks, r.batch_size, run,
                                                 r.since) f;
  ELSE
    INSERT INTO sweep_candidate (sweep_run_id, batch, instruction_id, kind, period, addressee, rule_id, due_date, detail,
                                 draft_id)
    SELECT run, f.* FROM sweep_found_current(r.as_of, reminder_to, periods, r.marks, r.batch_size, run) f;
  END IF;
  GET DIAGNOSTICS n = ROW_COUNT;
  RETURN n;
END
$$;
COMMENT ON FUNCTION sweep_collect(bigint) IS
  'Internal step of sweep_begin(): collects the candidates of the run in the statement of its mode (sweep_found_current, sweep_found_replay, sweep_found_incremental) (current, replay, incremental); returns how many';

-- sweep_batch(): replaced whole by 99zb_sweep_batches.sql, the last part that changes it

-- The views ------------------------------------------------------------------

CREATE OR REPLACE VIEW open_event AS
SELECT e.addressee::text AS addressee,
       coalesce(v.kk, e.addressee::text) AS addressee_kk, coalesce(v.ru, e.addressee::text) AS addressee_ru,
       coalesce(v.en, e.addressee::text) AS addressee_en,
       b.id AS body_id, b.name AS body_name,
       e.id, e.kind::text AS kind, coalesce(k.kk, e.kind::text) AS kind_kk, coalesce(k.ru, e.kind::text) AS kind_ru,
       coalesce(k.en, e.kind::text) AS kind_en,
       e.instruction_id, i.external_ref, i.point::text AS point,
       e.period, e.due_date, e.rule_id, r.title_en AS rule_title_en, e.as_of, e.detail, e.created_at,
       e.draft_id
  FROM event e
  LEFT JOIN vocabulary v ON v.domain = 'addressee' AND v.code = e.addressee
  LEFT JOIN vocabulary k ON k.domain = 'event_kind' AND k.code = e.kind
  LEFT JOIN rule r ON r.id = e.rule_id
  LEFT JOIN instruction i ON i.id = e.instruction_id
  LEFT JOIN state_body b ON b.id = CASE WHEN e.addressee = 'executor' THEN i.responsible_body_id
                                        WHEN e.addressee = 'controller' THEN i.controlling_body_id END
 WHERE e.delivered_at IS NULL;
COMMENT ON COLUMN open_event.draft_id IS 'The draft a draft_* event is about (R20, R21, R33; instruction_id, body_id and point are then empty: the draft and its body are in report_open_draft)';

-- report_open_draft (75_drafts.sql) comes with its section (99j_drafts_section)
GRANT SELECT ON report_open_draft TO ic_reader;
