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
 * sweep_batch() writing draft_id (99zo); open_event shows draft_id.  The view
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
-- before as_of), read by every sweep for the drafts whose deadlines can still
-- raise or clear an event, so a full and an incremental sweep read the same
-- rows and agree.
\definition sweep_rule_draft sql/src/61_sweep_rules.sql

\definition sweep_rule_draft_cleared sql/src/61_sweep_rules.sql

-- The drafts' overdue events a sweep may clear (issue 19: those not cleared yet)
\definition sweep_draft_overdue_open sql/src/61_sweep_rules.sql

-- Internal: the deadlines of the drafts a sweep must look at (issue 19: not
-- every draft ever received), as the journal stood at the end of as_of
\definition sweep_draft_state sql/src/61_sweep_rules.sql

-- sweep_found(): a result column more, so dropped (its derived statements are
-- made once, by the last part, 99zz)
DROP FUNCTION sweep_found(text, date, date, jsonb, boolean, integer, bigint, date, sweep_state_current[]);

-- sweep_found(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)

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

-- sweep_batch(): replaced whole by 99zo_sweep_candidates_read.sql, the last part that changes it

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
