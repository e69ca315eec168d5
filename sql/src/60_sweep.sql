-- ===========================================================================
-- Sweeps: the registry runs the control by itself
--
-- sweep(as_of) looks at every instruction on control as it stood at the end
-- of the day as_of and writes what a controller must learn that morning into
-- the outbox `event`, one row per instruction, event kind and period (unique):
--
--   reminder              N working days before a deadline (N per level, data)    R50.1, R50.3
--   overdue               the deadline passed, still on control (sets a mark)     R50.1
--   overdue_cleared       a decision moved the deadline or removed it             R69.1, R70.4, R50.3, R75
--   escalation            overdue by a grace period, routed per R66-1.3           R66-1.3, R74-1
--   risk_escalation       a risk report (R66-3.5), routed per R66-1.3              R66-3.5
--   personal_overdue      a personal instruction past its two weeks               R51
--   roadmap_missing       no roadmap registered by its due date                   R56, R59
--   roadmap_not_approved  still none after the escalation grace period (the
--                         project's own setting), routed per R66-1.3              R56, R59
--   roadmap_agreement_late  the PA did not agree a submitted roadmap within
--                         5 working days of its submission (the PA's term)      R57
--   report_missing        no intermediate report for the period just ended       R66-1.1
--   measures_missing      no information on measures a month after a repeated
--                         extension                                               R72.4
--   draft_reminder, draft_overdue, draft_escalation, draft_overdue_cleared
--                         the same for a draft's review deadline (event.draft_id)
--                         and the PA's refinement term                          R20, R21, R33
--
-- One statement collects the candidates of every kind (each branch an index
-- range scan: due dates, roadmap dates, reporting periods, measures dates,
-- risk reports, the overdue marks), leaves out what the outbox already holds,
-- and numbers them in batches; each batch is written, notified and committed
-- on its own.  The overdue mark lives in overdue_mark and the sweep
-- re-evaluates it; the only triggers the sweep adds to the registry note which
-- instruction was written (sweep_change), for the next incremental sweep.
--
-- The outbox is read through next_events() and marked through
-- mark_delivered() only (SECURITY DEFINER; nobody may UPDATE event).  The
-- channel instruction_control_events carries an opaque wake-up, once per
-- batch: any role may LISTEN and any role may pg_notify() on it, so a payload
-- tells nothing and a consumer acts on next_events() alone.
--
-- The state of a day: for as_of = current_date the live rows (their indexes);
-- for a past day instruction_as_of(as_of), the journal folded (History), so a
-- replay of a past day yields what that day would have.
--
-- Four parts, in this order: the vocabulary, settings, marks, runs, the
-- outbox and the change queue (here); the rules and the state of a day
-- (61_sweep_rules.sql); where the sweep looks (62_sweep_found.sql) and each
-- mode's statement derived from it (62a_sweep_statements.sql, which the
-- upgrade runs again as its last part); the steps, sweep(), its progress and
-- the outbox's reading (63_sweep_run.sql).
-- ===========================================================================

-- Vocabulary: event kinds and addressees ------------------------------------

CREATE DOMAIN event_kind AS text
  CHECK (VALUE IN ('reminder', 'overdue', 'overdue_cleared', 'escalation', 'risk_escalation',
                   'personal_overdue', 'roadmap_missing', 'roadmap_not_approved', 'report_missing',
                   'measures_missing', 'roadmap_agreement_late', 'draft_reminder', 'draft_overdue',
                   'draft_escalation', 'draft_overdue_cleared', 'deadline_moved'));
COMMENT ON DOMAIN event_kind IS
  'Kind of event a sweep raises: reminder (R50.1), overdue, overdue_cleared, escalation (R66-1.3), risk_escalation (R66-3.5), personal_overdue (R51), roadmap_missing (R56, R59), roadmap_not_approved (R56, R59: still no roadmap after the escalation grace period, the project''s own setting), report_missing (R66-1.1), measures_missing (R72.4), roadmap_agreement_late (R57: the PA did not agree a submitted roadmap within 5 working days); for a draft (event.draft_id): draft_reminder, draft_overdue, draft_escalation, draft_overdue_cleared (R20, R21, R33); deadline_moved (R50.3: a calendar change moved a counted date, written by apply_calendar_change())';

CREATE DOMAIN addressee AS text
  CHECK (VALUE IN ('executor', 'controller', 'head_of_pa', 'state_counsellor', 'secretary_sc',
                   'prime_minister', 'first_head', 'akim'));
COMMENT ON DOMAIN addressee IS
  'Who an event goes to: the responsible executor, the controller (PA unit or controlling body), or an official escalations are routed to (R66-1.3; below PA by analogy, R74-1)';

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('event_kind', 'reminder', 'Мерзімнің жақындағаны туралы еске салу', 'Напоминание о приближении срока', 'Reminder of an approaching deadline'),
  ('event_kind', 'overdue', 'Орындау мерзімі өтіп кетті', 'Срок исполнения нарушен', 'Deadline missed'),
  ('event_kind', 'overdue_cleared', 'Мерзімнің өтіп кеткені туралы белгі алынды', 'Отметка о нарушении срока снята', 'Overdue mark cleared'),
  ('event_kind', 'escalation', 'Мерзімнің бұзылуы туралы басшылыққа хабарлау', 'Доклад руководству о нарушении срока', 'Escalation of a missed deadline'),
  ('event_kind', 'risk_escalation', 'Мерзімнің бұзылу қаупі туралы басшылыққа хабарлау', 'Доклад руководству о риске нарушения срока', 'Escalation of a risk to the deadline'),
  ('event_kind', 'personal_overdue', 'Жеке тапсырманың екі аптасы өтті', 'Истекли две недели личного поручения', 'Personal instruction past its two weeks'),
  ('event_kind', 'roadmap_missing', 'Жол картасы мерзімінде тіркелмеді', 'Дорожная карта не зарегистрирована в срок', 'Roadmap not registered in time'),
  ('event_kind', 'roadmap_not_approved', 'Жол картасы мерзімінде бекітілмеді: басшылыққа хабарлау', 'Дорожная карта не утверждена в срок: доклад руководству', 'Roadmap still not approved: escalation'),
  ('event_kind', 'report_missing', 'Аралық ақпарат мерзімінде ұсынылмады', 'Промежуточная информация не представлена в срок', 'Intermediate report not submitted in time'),
  ('event_kind', 'measures_missing', 'Қабылданған шаралар туралы ақпарат бір ай ішінде ұсынылмады', 'Информация о принятых мерах не представлена в течение месяца', 'Information on measures not submitted within a month'),
  ('event_kind', 'roadmap_agreement_late', 'Жол картасы ПӘ-мен бес жұмыс күні ішінде келісілмеді', 'Дорожная карта не согласована с АП в течение пяти рабочих дней', 'Roadmap not agreed by the PA within 5 working days'),
  ('event_kind', 'draft_reminder', 'Жобаны қарау мерзімінің жақындағаны туралы еске салу', 'Напоминание о приближении срока рассмотрения проекта', 'Reminder of a draft''s approaching review deadline'),
  ('event_kind', 'draft_overdue', 'Жобаны қарау мерзімі өтіп кетті', 'Срок рассмотрения проекта нарушен', 'Draft review deadline missed'),
  ('event_kind', 'draft_escalation', 'Жобаны қарау мерзімінің бұзылуы туралы ПӘ Басшысына хабарлау', 'Доклад Руководителю АП о нарушении срока рассмотрения проекта', 'Escalation of a missed draft review deadline'),
  ('event_kind', 'draft_overdue_cleared', 'Жобаны қарау мерзімінің өтіп кеткені туралы белгі алынды', 'Отметка о нарушении срока рассмотрения проекта снята', 'Draft overdue mark cleared'),
  ('event_kind', 'deadline_moved', 'Күнтізбенің өзгеруіне байланысты мерзім ауысты', 'Срок перенесён в связи с изменением календаря', 'Deadline moved by a change of the calendar'),
  ('addressee', 'executor', 'Жауапты орындаушы', 'Ответственный исполнитель', 'Responsible executor'),
  ('addressee', 'controller', 'Бақылауды жүзеге асыратын бөлімше немесе орган', 'Подразделение или орган, осуществляющий контроль', 'Controlling unit or body'),
  ('addressee', 'head_of_pa', 'Президент Әкімшілігінің Басшысы', 'Руководитель Администрации Президента', 'Head of the Presidential Administration'),
  ('addressee', 'state_counsellor', 'Мемлекеттік кеңесші', 'Государственный советник', 'State Counsellor'),
  ('addressee', 'secretary_sc', 'Қауіпсіздік Кеңесінің Хатшысы', 'Секретарь Совета Безопасности', 'Secretary of the Security Council'),
  ('addressee', 'prime_minister', 'Премьер-Министр', 'Премьер-Министр', 'Prime Minister'),
  ('addressee', 'first_head', 'Бірінші басшы', 'Первый руководитель', 'First head'),
  ('addressee', 'akim', 'Әкім', 'Аким', 'Akim');

INSERT INTO rule (id, title_kk, title_ru, title_en) VALUES
  ('R66-1.3', 'Тәуекел немесе басқа елеулі проблема туралы ПӘ Басшысына, Мемлекеттік кеңесшіге немесе ҚК Хатшысына хабарлау',
   'Информирование Руководителя АП, Государственного советника или Секретаря СБ о риске или иной серьезной проблеме',
   'Risks and serious problems reported to the Head of the PA, the State Counsellor or the Secretary of the SC')
ON CONFLICT (id) DO NOTHING;

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

-- Settings per control level (data) -----------------------------------------

CREATE TABLE sweep_setting (
  level                  control_level PRIMARY KEY,
  reminder_days          integer[] NOT NULL DEFAULT '{5,1}'
                         CHECK (cardinality(reminder_days) BETWEEN 1 AND 10
                                AND 1 <= ALL (reminder_days) AND 60 >= ALL (reminder_days)),
  escalation_grace_days  integer NOT NULL DEFAULT 5 CHECK (escalation_grace_days BETWEEN 0 AND 60),
  seeded                 boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE sweep_setting IS
  'Per control level: reminders N working days before a deadline (default 5 and 1) and the grace period in working days after which an overdue instruction is escalated (default 5; the registry''s own setting, not the decree''s: R66-1.3 sets no grace period); a level without a row uses the defaults';
COMMENT ON COLUMN sweep_setting.reminder_days IS 'Working days before the deadline a reminder is raised (1-60), e.g. {5,1}';
COMMENT ON COLUMN sweep_setting.escalation_grace_days IS 'Working days past the deadline after which the overdue instruction is escalated: the registry''s own setting, not the decree''s (R66-1.3 sets no grace period: informing is due once the risk or problem appears)';
COMMENT ON COLUMN sweep_setting.seeded IS 'Row installed by the extension and not changed since; changed rows are dumped';
COMMENT ON COLUMN sweep_setting.level IS 'The control level the row sets (R42-1)';

-- the seeded rows take the column defaults (the defaults of a level without a row: sweep_settings())
INSERT INTO sweep_setting (level, seeded)
SELECT l, true FROM control_levels() l;

CREATE FUNCTION sweep_setting_owner() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    NEW.seeded := false;
  ELSE
    -- an administrator's row (or a restored one) replaces the seeded row of its level
    DELETE FROM sweep_setting s WHERE s.level = NEW.level AND s.seeded;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION sweep_setting_owner() IS
  'Trigger: an updated seeded sweep_setting row becomes the administrator''s (and is dumped); an inserted one replaces the seeded row of its level';
CREATE TRIGGER sweep_setting_changed BEFORE UPDATE ON sweep_setting
  FOR EACH ROW WHEN (OLD.seeded) EXECUTE FUNCTION sweep_setting_owner();
CREATE TRIGGER sweep_setting_owner BEFORE INSERT ON sweep_setting
  FOR EACH ROW WHEN (NOT NEW.seeded) EXECUTE FUNCTION sweep_setting_owner();
REVOKE EXECUTE ON FUNCTION sweep_setting_owner() FROM PUBLIC;

-- Escalation routing (R66-1.3) ----------------------------------------------
-- The kind says when the Secretary of the SC is informed (security_council);
-- the level says who heads the control below PA (R74-1, by analogy).  That an
-- instruction was given personally to the State Counsellor (and needs not be
-- reported to the President) is not on the card: the PA records it here.

CREATE TABLE instruction_escalation (
  instruction_id  bigint PRIMARY KEY,   -- no foreign key: no trigger is added to instruction
  addressee       addressee NOT NULL CHECK (addressee IN ('state_counsellor', 'head_of_pa', 'secretary_sc')),
  basis           text,
  recorded_at     timestamptz NOT NULL DEFAULT now(),
  recorded_by     name NOT NULL DEFAULT current_user
);
COMMENT ON TABLE instruction_escalation IS
  'Escalations of an instruction routed by hand (R66-1.3): e.g. an instruction given personally to the State Counsellor and not requiring the President to be informed goes to the State Counsellor';
COMMENT ON COLUMN instruction_escalation.addressee IS 'state_counsellor, head_of_pa or secretary_sc';
COMMENT ON COLUMN instruction_escalation.basis IS 'Why: the resolution giving the instruction to the State Counsellor';
COMMENT ON COLUMN instruction_escalation.instruction_id IS 'The instruction (instruction.id) whose escalations go to addressee';
COMMENT ON COLUMN instruction_escalation.recorded_at IS 'When the routing was recorded';
COMMENT ON COLUMN instruction_escalation.recorded_by IS 'Role that recorded it';

-- Scalar SQL functions without SET: the planner inlines them into the sweep.
-- Each names routed once: the planner does not inline a function that uses
-- a parameter twice when its argument is a subquery, as sweep_route()'s is
-- (escalation_addressee() was called through the SQL function machinery
-- once per escalation: 33,700 calls in the first sweep at 1M, though within
-- that sweep's noise; pgTAP 42 checks that no SQL function is left in the
-- sweep's statements).
CREATE FUNCTION escalation_addressee(kind instruction_kind, level control_level, routed addressee DEFAULT NULL)
RETURNS addressee
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT COALESCE(routed::pg_catalog.text,
           CASE
             WHEN instruction_control.is_security_council(kind) THEN 'secretary_sc'
             WHEN level OPERATOR(instruction_control.=) 'pa'::instruction_control.control_level THEN 'head_of_pa'
             WHEN level OPERATOR(instruction_control.=) 'government'::instruction_control.control_level THEN 'prime_minister'
             WHEN level OPERATOR(instruction_control.=) 'local'::instruction_control.control_level THEN 'akim'
             ELSE 'first_head'
           END)::instruction_control.addressee
$$;
COMMENT ON FUNCTION escalation_addressee(instruction_kind, control_level, addressee) IS
  'Who a risk or an overdue deadline is escalated to (R66-1.3): the official routed by hand (instruction_escalation: the State Counsellor), the Secretary of the SC for Security Council decisions, the Head of the PA; below PA by analogy (R74-1) the Prime Minister, the akim or the first head';

CREATE FUNCTION escalation_rule(kind instruction_kind, level control_level, routed addressee DEFAULT NULL)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE
           WHEN routed IS NOT NULL OR instruction_control.is_security_council(kind)
                OR level OPERATOR(instruction_control.=) 'pa'::instruction_control.control_level THEN 'R66-1.3'
           ELSE 'R74-1'
         END
$$;
COMMENT ON FUNCTION escalation_rule(instruction_kind, control_level, addressee) IS
  'The rule that routes an escalation: R66-1.3 at PA level, for Security Council decisions and routed ones; R74-1 below PA';

-- Marks, runs and the outbox ------------------------------------------------

CREATE TABLE overdue_mark (
  instruction_id  bigint PRIMARY KEY,   -- no foreign key: no trigger is added to instruction
  due_date        date NOT NULL,
  marked_on       date NOT NULL,
  sweep_run_id    bigint
);
COMMENT ON TABLE overdue_mark IS
  'Instructions overdue as of the latest sweep: the deadline they missed; a later sweep clears the mark when a decision moved the deadline or removed the instruction (overdue_cleared)';
COMMENT ON COLUMN overdue_mark.due_date IS 'The deadline that was missed (R50.1)';
COMMENT ON COLUMN overdue_mark.marked_on IS 'as_of of the sweep that marked it';
COMMENT ON COLUMN overdue_mark.instruction_id IS 'The overdue instruction (instruction.id)';
COMMENT ON COLUMN overdue_mark.sweep_run_id IS 'The sweep that marked it (sweep_run.id)';

CREATE TABLE sweep_run (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  as_of         date NOT NULL,
  mode          text NOT NULL CHECK (mode IN ('current', 'replay')),
  marks         boolean NOT NULL,
  scope         text NOT NULL DEFAULT 'full' CHECK (scope IN ('full', 'incremental')),
  since         date,
  one_transaction boolean NOT NULL,
  batch_size    integer NOT NULL,
  started_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
  collected_at  timestamptz,
  finished_at   timestamptz,
  candidates    integer,
  batches       integer NOT NULL DEFAULT 0,
  events        integer NOT NULL DEFAULT 0,
  counts        jsonb NOT NULL DEFAULT '{}',
  max_instruction_id bigint,
  max_decision_id bigint,
  max_report_id bigint,
  run_by        name NOT NULL DEFAULT session_user,
  processed     integer NOT NULL DEFAULT 0,
  claimed       pg_snapshot,
  claimed_in    xid8
);
CREATE INDEX sweep_run_as_of_idx ON sweep_run (as_of);
COMMENT ON TABLE sweep_run IS 'One row per sweep: the day, when it started and ended, and how many events of each kind it raised';
COMMENT ON COLUMN sweep_run.as_of IS 'The day swept';
COMMENT ON COLUMN sweep_run.mode IS 'current: the live rows (as_of = today); replay: the registry as it stood at the end of as_of (instruction_as_of)';
COMMENT ON COLUMN sweep_run.marks IS 'Whether the run kept overdue_mark (only a run of the latest day swept does; a replay of an earlier day leaves the marks)';
COMMENT ON COLUMN sweep_run.scope IS 'full: every instruction''s conditions were evaluated; incremental: only what can have changed since the previous sweep (since): dates that passed since then, and instructions, decisions and risk reports written since then';
COMMENT ON COLUMN sweep_run.since IS 'incremental: as_of of the previous sweep the run continues from';
COMMENT ON COLUMN sweep_run.max_instruction_id IS 'Highest instruction id when the run began; for information only (incremental sweeps follow sweep_change, not ids)';
COMMENT ON COLUMN sweep_run.max_decision_id IS 'Highest decision id when the run began; for information only (incremental sweeps follow sweep_change, not ids)';
COMMENT ON COLUMN sweep_run.max_report_id IS 'Highest report id when the run began; for information only (incremental sweeps follow sweep_change, not ids)';
COMMENT ON COLUMN sweep_run.one_transaction IS 'Called inside a transaction block: no commits between batches';
COMMENT ON COLUMN sweep_run.candidates IS 'New events found (before the outbox''s uniqueness, which a concurrent sweep may take first)';
COMMENT ON COLUMN sweep_run.batches IS 'Batches written (each committed on its own unless one_transaction)';
COMMENT ON COLUMN sweep_run.events IS 'Events written to the outbox';
COMMENT ON COLUMN sweep_run.counts IS 'Events written per kind, e.g. {"overdue": 3, "reminder": 12}';
COMMENT ON COLUMN sweep_run.finished_at IS 'End of the run; NULL while it runs, or if it failed';
COMMENT ON COLUMN sweep_run.id IS 'Run number';
COMMENT ON COLUMN sweep_run.started_at IS 'Start of the run';
COMMENT ON COLUMN sweep_run.collected_at IS 'When the new events were collected (before the batches were written)';
COMMENT ON COLUMN sweep_run.batch_size IS 'Events written per batch (and per commit)';
COMMENT ON COLUMN sweep_run.processed IS 'Candidates taken by the batches committed so far (written, or already in the outbox); candidates when done (sweep_progress)';
COMMENT ON COLUMN sweep_run.run_by IS 'Session user that ran it (the pg_cron job''s user when scheduled)';
COMMENT ON COLUMN sweep_run.claimed IS 'The change notes the run took into account: those of the transactions committed in this snapshot, taken before the state was read (sweep_change; NULL: a replay, which takes none)';
COMMENT ON COLUMN sweep_run.claimed_in IS 'The transaction that took the claim: its own notes (instructions written earlier in a transaction block that then swept) are the run''s too';

CREATE TABLE event (
  id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instruction_id  bigint,               -- no foreign key: no trigger is added to instruction
  kind            event_kind NOT NULL,
  period          date NOT NULL,
  addressee       addressee NOT NULL,
  rule_id         text NOT NULL,        -- a rule id: sweep_batch() checks a batch's at once (no foreign key)
  due_date        date,
  as_of           date NOT NULL,
  sweep_run_id    bigint,
  detail          jsonb NOT NULL DEFAULT '{}',
  created_at      timestamptz NOT NULL DEFAULT now(),
  delivered_at    timestamptz,
  delivered_by    name,
  draft_id        bigint,               -- a draft's event (R20, R21, R33); no foreign key, as instruction_id
  -- one subject per event, and once per subject, kind and period (NULLS NOT
  -- DISTINCT: the other subject is NULL)
  CONSTRAINT event_once UNIQUE NULLS NOT DISTINCT (instruction_id, kind, period, draft_id),
  CONSTRAINT event_subject CHECK (num_nonnulls(instruction_id, draft_id) = 1)
);
-- The open events in the order next_events() takes them (oldest first), the
-- addressee beside: whatever the addressee asked, it reads the open events
-- only.  On (addressee, id) it could not give them in id order for all
-- addressees, and next_events() read every delivered event through
-- event_pkey: 42 ms a call at 218,000 delivered, growing with the outbox
-- (issue 19).
CREATE INDEX event_open_idx ON event (id, addressee) WHERE delivered_at IS NULL;
COMMENT ON INDEX event_open_idx IS
  'The open events (not yet delivered) by id, with their addressee: next_events() reads these, never the delivered history (issue 19)';
COMMENT ON TABLE event IS
  'Outbox of the sweeps: one row per instruction (or draft), event kind and period; integrators take open rows with next_events() (FOR UPDATE SKIP LOCKED) and mark them delivered with mark_delivered(), its only writer; apply_calendar_change() writes deadline_moved';
COMMENT ON COLUMN event.kind IS 'event_kind: reminder, overdue, overdue_cleared, escalation, risk_escalation, personal_overdue, roadmap_missing, roadmap_not_approved, report_missing, measures_missing, roadmap_agreement_late; for a draft draft_reminder, draft_overdue, draft_escalation, draft_overdue_cleared; deadline_moved (a calendar change, apply_calendar_change())';
COMMENT ON COLUMN event.period IS 'What the event is about, as a day: the deadline (overdue, escalation), the day of the reminder, the end of the reporting period, the roadmap or measures due date, the day of the risk report, the last of the PA''s 5 working days to agree a roadmap (R57)';
COMMENT ON COLUMN event.addressee IS 'Who it goes to (addressee; labels in vocabulary)';
COMMENT ON COLUMN event.rule_id IS 'The rule that asks for it (rule.id; sweep_batch() checks each batch''s rule ids at once rather than a foreign key row by row: issue 19; the calendar change''s deadline_moved events name R50.3, R20 or R33)';
COMMENT ON COLUMN event.due_date IS 'The instruction''s deadline as the sweep saw it';
COMMENT ON COLUMN event.as_of IS 'The day swept when the event was raised';
COMMENT ON COLUMN event.sweep_run_id IS 'The sweep that raised it (sweep_run.id)';
COMMENT ON COLUMN event.detail IS 'Facts for the message: e.g. working days left or overdue, the new deadline of a cleared mark; "replayed": true for an event a replay of a past day wrote';
COMMENT ON COLUMN event.delivered_at IS 'When an integrator marked it delivered (mark_delivered(), once); NULL: open';
COMMENT ON COLUMN event.delivered_by IS 'Session user that marked it delivered, recorded by mark_delivered()';
COMMENT ON COLUMN event.id IS 'Event number: consumers take events in this order';
COMMENT ON COLUMN event.instruction_id IS 'The instruction (instruction.id) the event is about; NULL for a draft''s event (draft_id)';
COMMENT ON COLUMN event.draft_id IS 'The draft (draft.id) a draft_* event (R20, R21, R33) or a deadline_moved event of a draft (a calendar change) is about; NULL for an instruction''s event: exactly one of instruction_id and draft_id is set';
COMMENT ON COLUMN event.created_at IS 'When the sweep wrote it';

-- the sweep's candidates between its batches (not user data: no WAL, not dumped)
CREATE UNLOGGED TABLE sweep_candidate (
  sweep_run_id    bigint NOT NULL,
  batch           integer NOT NULL,
  instruction_id  bigint,
  kind            text NOT NULL,
  period          date NOT NULL,
  addressee       text NOT NULL,
  rule_id         text NOT NULL,
  due_date        date,
  detail          jsonb NOT NULL,
  draft_id        bigint                -- a draft's event (event.draft_id)
);
CREATE INDEX sweep_candidate_batch_idx ON sweep_candidate (sweep_run_id, batch);
COMMENT ON TABLE sweep_candidate IS 'Internal: the events a running sweep found, numbered in batches; read by the batches and emptied when the run finishes (sweep_finish)';

SELECT pg_catalog.pg_extension_config_dump('event', '');
SELECT pg_catalog.pg_extension_config_dump('event_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('sweep_run', '');
SELECT pg_catalog.pg_extension_config_dump('sweep_run_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('overdue_mark', '');
SELECT pg_catalog.pg_extension_config_dump('instruction_escalation', '');
SELECT pg_catalog.pg_extension_config_dump('sweep_setting', 'WHERE NOT seeded');

-- What changed since the last sweep (issue 16) --------------------------------
-- An incremental sweep re-evaluates the instructions written since the sweep
-- before it: new instructions, decisions (a moved deadline, a removal), risk
-- reports.  Watermarks (max(id) when a sweep began) were defeated twice: by a
-- client's id 2^63-1, and by ids assigned at INSERT but committed later, out
-- of order (a decision with a smaller id committing after a sweep read the
-- max was never seen).  A change queue filled by the server has neither flaw:
-- row triggers (SECURITY DEFINER; no client may write sweep_change) note the
-- instruction in the writing transaction, so the note becomes visible exactly
-- when the change commits.  sweep_begin() claims every note it sees before
-- it reads the state, by recording its snapshot (sweep_run.claimed), not by
-- writing the notes (issue 19: marking 10,000 notes taken was 14 ms of a
-- sweep in which 1% changed); sweep_finish() deletes the notes of the
-- transactions committed in that snapshot (sweep_note_claimed), so a change
-- committed later stays for the next sweep.  The notes of a run that failed
-- are not deleted and the next one reads them again.  No value a client
-- writes enters into it: the note is the instruction_id of a row the registry
-- accepted and the server's id of the transaction that wrote it.  (Snapshot
-- watermarks over the journal, xmin against pg_current_snapshot(), would need
-- a scan of the whole journal each time and break on frozen rows: a note
-- carries its transaction as a full xid8, and lives until the next sweep.)

CREATE TABLE sweep_change (
  instruction_id  bigint NOT NULL,
  xact            xid8 NOT NULL DEFAULT pg_current_xact_id()
);
COMMENT ON TABLE sweep_change IS
  'Internal: instructions written since the last sweep (new instruction, decision, risk report), noted by triggers; an incremental sweep re-evaluates them and deletes the notes when it finishes';
COMMENT ON COLUMN sweep_change.instruction_id IS 'The instruction written (instruction.id)';
COMMENT ON COLUMN sweep_change.xact IS 'The transaction that wrote it (pg_current_xact_id()): the note is a run''s once that transaction is committed in the run''s snapshot (sweep_run.claimed)';

-- Which notes a run claimed: those of the transactions committed in its
-- snapshot, and those its own transaction wrote before it swept
CREATE FUNCTION sweep_note_claimed(xact xid8, claimed pg_snapshot, claimed_in xid8)
RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT pg_catalog.pg_visible_in_snapshot(xact, claimed) OR xact OPERATOR(pg_catalog.=) claimed_in
$$;
COMMENT ON FUNCTION sweep_note_claimed(xid8, pg_snapshot, xid8) IS
  'Internal: whether a change note written by xact is a run''s (sweep_run.claimed, claimed_in): its transaction committed in the run''s snapshot, or the run''s own';

-- Planned as a function scan of about 1,000 rows, not inlined (its SET
-- clause): the notes' own estimate (a third of sweep_change as last analyzed)
-- sized the hash of the risk reports' branch for 100,000 notes where 100 were
-- there, 2.5 ms of a sweep of 30 (issue 19); the hash grows when more come.
CREATE FUNCTION sweep_claimed(run bigint)
RETURNS SETOF bigint
LANGUAGE sql STABLE PARALLEL SAFE ROWS 1000
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT c.instruction_id FROM instruction_control.sweep_change c, instruction_control.sweep_run r
   WHERE r.id OPERATOR(pg_catalog.=) sweep_claimed.run
     AND instruction_control.sweep_note_claimed(c.xact, r.claimed, r.claimed_in)
$$;
COMMENT ON FUNCTION sweep_claimed(bigint) IS
  'Internal: the instructions the change notes claimed by the run name (sweep_note_claimed); an incremental sweep re-reads them';

-- Whether the notes name so many instructions that a full sweep costs less
-- than an incremental one: a probe per note costs about three times an
-- instruction's share of a full sweep (issue 19: after a restore or a bulk
-- load of 1M instructions, 3.7 s incremental against 1.3 s full), so a
-- quarter of the instructions, and 50,000.  Counted only when the table could
-- hold that many (a heap tuple with its line pointer takes 28 bytes at least):
-- the pages of the notes deleted since autovacuum last came by are not read
-- for nothing.
CREATE FUNCTION sweep_notes_many()
RETURNS boolean
LANGUAGE sql STABLE
AS $$
  SELECT pg_catalog.pg_relation_size('instruction_control.sweep_change'::pg_catalog.regclass) OPERATOR(pg_catalog./) 28 OPERATOR(pg_catalog.>=) m.many
     AND (SELECT pg_catalog.count(*) FROM (SELECT 1 FROM instruction_control.sweep_change c LIMIT m.many) n)
         OPERATOR(pg_catalog.>=) m.many
    FROM (SELECT GREATEST(50000, (SELECT c.reltuples FROM pg_catalog.pg_class c
                                   WHERE c.oid OPERATOR(pg_catalog.=) 'instruction_control.instruction'::pg_catalog.regclass)::bigint
                                  OPERATOR(pg_catalog./) 4) AS many) m
$$;
COMMENT ON FUNCTION sweep_notes_many() IS
  'Internal: whether the change notes reach a quarter of the instructions and 50,000 (a restore, a bulk load), so that sweep_begin() sweeps everything rather than look each one up';

CREATE FUNCTION sweep_change_note() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF TG_TABLE_NAME = 'instruction' THEN
    INSERT INTO instruction_control.sweep_change (instruction_id) VALUES (NEW.id);
  ELSE
    INSERT INTO instruction_control.sweep_change (instruction_id) VALUES (NEW.instruction_id);
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION sweep_change_note() IS
  'Trigger: notes the instruction a new instruction, decision or risk report writes, for the next incremental sweep (sweep_change)';
REVOKE EXECUTE ON FUNCTION sweep_change_note() FROM PUBLIC;
CREATE TRIGGER sweep_change AFTER INSERT ON instruction
  FOR EACH ROW EXECUTE FUNCTION sweep_change_note();
CREATE TRIGGER sweep_change AFTER INSERT ON decision
  FOR EACH ROW EXECUTE FUNCTION sweep_change_note();
CREATE TRIGGER sweep_change AFTER INSERT ON report
  FOR EACH ROW WHEN (NEW.kind = 'risk') EXECUTE FUNCTION sweep_change_note();

-- Indexes the sweep reads (partial: only rows that can raise an event) ------
-- instruction_due_idx (due_date) WHERE status = 'on_control' serves reminders,
-- overdue and escalations.

CREATE INDEX instruction_sweep_roadmap_idx ON instruction (roadmap_due_date)
  WHERE status = 'on_control' AND roadmap_due_date IS NOT NULL;
CREATE INDEX instruction_sweep_personal_idx ON instruction (original_due_date)
  WHERE status = 'on_control' AND deadline_source = 'two_weeks';
CREATE INDEX instruction_sweep_reporting_idx ON instruction (reporting_period)
  WHERE status = 'on_control' AND reporting_period IS NOT NULL AND category IS NULL;
CREATE INDEX decision_sweep_measures_idx ON decision (measures_due_date)
  WHERE measures_due_date IS NOT NULL;
CREATE INDEX report_sweep_risk_idx ON report (submitted_on) WHERE kind = 'risk';
-- R57 in an incremental sweep: the roadmaps submitted to the PA in a range of days (sweep_scope)
CREATE INDEX roadmap_submitted_idx ON roadmap (submitted_to_pa_on) WHERE submitted_to_pa_on IS NOT NULL;
COMMENT ON INDEX roadmap_submitted_idx IS
  'Roadmaps submitted to the PA, by the day of submission: an incremental sweep finds those whose 5 working days for the PA''s agreement (R57) ended since the sweep before';
