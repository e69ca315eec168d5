-- ===========================================================================
-- Sweeps: the registry runs the control by itself
--
-- sweep(as_of) looks at every instruction on control as it stood at the end
-- of the day as_of and writes what a controller must learn that morning into
-- the outbox `event`, one row per instruction, event kind and period (unique):
--
--   reminder              N working days before a deadline (N per level, data)    R50.1, R50.3
--   overdue               the deadline passed, still on control (sets a mark)     R50.1
--   overdue_cleared       a decision moved the deadline or removed it             R69.1, R70.4, R75
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
  processed     integer NOT NULL DEFAULT 0
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
CREATE INDEX event_open_idx ON event (addressee, id) WHERE delivered_at IS NULL;
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
COMMENT ON TABLE sweep_candidate IS 'Internal: the events a running sweep found, numbered in batches; emptied as the batches are written';

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
-- when the change commits.  sweep_begin() claims every note it sees
-- (taken_by) before it reads the state, so a change committed later stays for
-- the next sweep; sweep_finish() deletes the notes of its run.  Notes of a run
-- that failed keep its id and are claimed again by the next one.  No value a
-- client writes enters into it: the note is the instruction_id of a row the
-- registry accepted.  (Snapshot watermarks, xmin against pg_current_snapshot(),
-- would need a scan of the whole journal each time and break on frozen rows.)

CREATE TABLE sweep_change (
  instruction_id  bigint NOT NULL,
  taken_by        bigint
);
CREATE INDEX sweep_change_taken_idx ON sweep_change (taken_by);
COMMENT ON TABLE sweep_change IS
  'Internal: instructions written since the last sweep (new instruction, decision, risk report), noted by triggers; an incremental sweep re-evaluates them and deletes the notes when it finishes';
COMMENT ON COLUMN sweep_change.instruction_id IS 'The instruction written (instruction.id)';
COMMENT ON COLUMN sweep_change.taken_by IS 'The sweep (sweep_run.id) that claimed the note; NULL: not yet claimed';

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
$$;
COMMENT ON FUNCTION sweep_rule_personal_overdue(bigint, instruction_kind, control_level, boolean, text, date, date, date) IS
  'Sweep rule R51: a personal instruction past the two weeks from signing, escalated per sweep_route()';

CREATE FUNCTION sweep_rule_roadmap_missing(id bigint, on_control boolean, regime text, roadmap_due_date date, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'roadmap_missing', roadmap_due_date, 'controller',
         CASE WHEN regime OPERATOR(pg_catalog.=) 'long_term' THEN 'R59' ELSE 'R56' END,
         -- R59 names no term: its 10 working days are R56's, counted from the transfer
         pg_catalog.jsonb_build_object('roadmap_due_date', roadmap_due_date, 'working_days', 10,
                                       'term_rule', 'R56')
   WHERE on_control AND roadmap_due_date OPERATOR(pg_catalog.<) as_of
     AND NOT EXISTS (SELECT 1 FROM instruction_control.roadmap m
                      WHERE m.instruction_id OPERATOR(pg_catalog.=) sweep_rule_roadmap_missing.id
                        AND m.approved_on OPERATOR(pg_catalog.<=) sweep_rule_roadmap_missing.as_of OFFSET 0)
$$;
COMMENT ON FUNCTION sweep_rule_roadmap_missing(bigint, boolean, text, date, date) IS
  'Sweep rule R56 (R59 under long-term control, with the 10 working days borrowed from R56): no roadmap registered by its due date, to the controller';

-- R57's 5 working days are the PA's, for agreeing a roadmap submitted to it
-- («Келісу ... бес жұмыс күні ішінде жүзеге асырылады»): a roadmap submitted
-- and not agreed by the last of them is the PA's delay, reported to the Head
-- of the PA; its period is that last day.  An agreement recorded after as_of
-- is not known on as_of (a replay sees the day as it was).
CREATE FUNCTION sweep_rule_roadmap_agreement_late(id bigint, on_control boolean, calendar text, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'roadmap_agreement_late', a.due, 'head_of_pa', 'R57',
         pg_catalog.jsonb_build_object('roadmap_id', m.id, 'submitted_to_pa_on', m.submitted_to_pa_on,
                                       'agreement_due', a.due, 'working_days', 5,
                                       'agreed_with_pa_on', m.agreed_with_pa_on)
    FROM instruction_control.roadmap m
   CROSS JOIN LATERAL (SELECT instruction_control.add_working_days(m.submitted_to_pa_on, 5, calendar) AS due) a
   WHERE on_control AND m.instruction_id OPERATOR(pg_catalog.=) sweep_rule_roadmap_agreement_late.id
     AND m.submitted_to_pa_on IS NOT NULL AND m.submitted_to_pa_on OPERATOR(pg_catalog.<=) as_of
     AND a.due OPERATOR(pg_catalog.<) as_of
     AND (m.agreed_with_pa_on IS NULL OR m.agreed_with_pa_on OPERATOR(pg_catalog.>) a.due)
$$;
COMMENT ON FUNCTION sweep_rule_roadmap_agreement_late(bigint, boolean, text, date) IS
  'Sweep rule R57: a roadmap submitted to the PA and not agreed within 5 working days of the submission (the PA''s own term) is the PA''s delay, reported to the Head of the PA';

-- A roadmap still missing after the escalation grace period of the level
-- (sweep_setting: the project's own setting, not the decree's) is escalated
-- per R66-1.3 and cited by the rule that asked for it, R56 or R59 (R57's 5
-- working days are the PA's for agreeing, not a term of the executor).  The
-- rule also reports the PA's late agreement (R57), so the sweep's roadmap
-- arm asks one function for both.
CREATE FUNCTION sweep_rule_roadmap_not_approved(id bigint, kind instruction_kind, level control_level, on_control boolean,
                                                roadmap_due_date date, calendar text, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'roadmap_not_approved', roadmap_due_date, r.addressee::pg_catalog.text,
         CASE WHEN EXISTS (SELECT 1 FROM instruction_control.decision d
                            WHERE d.instruction_id OPERATOR(pg_catalog.=) sweep_rule_roadmap_not_approved.id
                              AND d.roadmap_due_date OPERATOR(pg_catalog.=) sweep_rule_roadmap_not_approved.roadmap_due_date)
              THEN 'R59' ELSE 'R56' END,
         pg_catalog.jsonb_build_object('roadmap_due_date', roadmap_due_date, 'working_days_late', k.late,
                                       'grace', g.grace, 'grace_source', 'sweep_setting')
    FROM (SELECT instruction_control.working_days_between(roadmap_due_date, as_of, calendar) AS late) k
   CROSS JOIN (SELECT s.grace FROM instruction_control.sweep_settings() s
                WHERE s.level OPERATOR(instruction_control.=) sweep_rule_roadmap_not_approved.level) g
   CROSS JOIN instruction_control.sweep_route(id, kind, level) r
   WHERE on_control AND roadmap_due_date OPERATOR(pg_catalog.<) as_of
     AND k.late OPERATOR(pg_catalog.>=) g.grace AND k.late OPERATOR(pg_catalog.>) 0
     AND NOT EXISTS (SELECT 1 FROM instruction_control.roadmap m
                      WHERE m.instruction_id OPERATOR(pg_catalog.=) sweep_rule_roadmap_not_approved.id
                        AND m.approved_on OPERATOR(pg_catalog.<=) sweep_rule_roadmap_not_approved.as_of OFFSET 0)
  UNION ALL
  SELECT * FROM instruction_control.sweep_rule_roadmap_agreement_late(id, on_control, calendar, as_of)
$$;
COMMENT ON FUNCTION sweep_rule_roadmap_not_approved(bigint, instruction_kind, control_level, boolean, date, text, date) IS
  'Sweep rule R56 (R59 after a long-term transfer): no roadmap yet after the escalation grace period of its level (sweep_setting, the project''s own setting), escalated per sweep_route(); also returns the PA''s late agreements (sweep_rule_roadmap_agreement_late, R57)';

-- R66-1.1 (round 3): the PA sets the dates per instruction; a periodicity's
-- calendar period ends (period_ends) are the default, reporting_period
-- explicit reads the PA's own dates (instruction.report_dates): the latest
-- whose report was due before as_of.
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

CREATE FUNCTION sweep_rule_overdue_cleared(marked_due_date date, on_control boolean, due_date date, as_of date)
RETURNS TABLE (kind text, period date, addressee text, rule_id text, detail jsonb)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT 'overdue_cleared', marked_due_date, 'controller', CASE WHEN on_control THEN 'R69.1' ELSE 'R75' END,
         pg_catalog.jsonb_build_object('reason', CASE WHEN on_control THEN 'deadline_moved' ELSE 'removed' END,
                                       'new_due_date', due_date)
   WHERE NOT (on_control AND due_date OPERATOR(pg_catalog.=) marked_due_date AND due_date OPERATOR(pg_catalog.<) as_of)
$$;
COMMENT ON FUNCTION sweep_rule_overdue_cleared(date, boolean, date, date) IS
  'Sweep rule R69.1, R70.4, R75: an overdue mark (marked_due_date) is cleared when a decision moved the deadline or removed the instruction';

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

-- Internal: every draft's deadlines as the journal stood at the end of as_of.
-- PL/pgSQL (the Drafts section comes later in the script, and a PL/pgSQL body
-- names its tables only when it runs); not SECURITY DEFINER: it reads the
-- drafts as its caller may (the sweep: the owner; a reader: the policies of draft).
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
  WITH j AS (
    SELECT d.id, d.kind, d.received_on,
           (array_agg(s.step::text ORDER BY s.on_date DESC, s.id DESC)
              FILTER (WHERE s.step <> 'visa'))[1] AS last_step,
           (array_agg(s.due_date ORDER BY s.on_date DESC, s.id DESC)
              FILTER (WHERE s.step <> 'visa'))[1] AS last_due,
           bool_or(s.step IN ('agreed', 'signed', 'withdrawn')) AS review_over,
           bool_or(s.step IN ('signed', 'withdrawn')) AS closed
      FROM draft d
      LEFT JOIN draft_step s ON s.draft_id = d.id AND s.on_date <= sweep_draft_state.as_of
     WHERE d.received_on <= sweep_draft_state.as_of
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
  'Internal: each draft''s review deadline (R20, R33; open until agreed, signed or withdrawn) and the refinement in course (R21; open until the next step) as the journal stood at the end of as_of (steps dated on or before it): what the sweep asks sweep_rule_draft about';

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
   WHERE EXISTS (SELECT r.period FROM instruction_control.sweep_rule_roadmap_not_approved(NULL, 'act_point', p.level, true, p.d, calendar, as_of) r
                 EXCEPT
                 SELECT r.period FROM instruction_control.sweep_rule_roadmap_not_approved(NULL, 'act_point', p.level, true, p.d, calendar, since) r)
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
-- ended, and the instructions written since (the notes run claimed).
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
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE s.id IN (SELECT c.instruction_id FROM instruction_control.sweep_change c WHERE c.taken_by OPERATOR(pg_catalog.=) sweep_scope.run
                  UNION
                  SELECT x.instruction_id FROM instruction_control.decision x
                   WHERE x.measures_due_date IS NOT NULL AND x.measures_due_date OPERATOR(pg_catalog.>=) sweep_scope.since
                     AND x.measures_due_date OPERATOR(pg_catalog.<) sweep_scope.as_of)
$$;
COMMENT ON FUNCTION sweep_scope(date, date, bigint, text) IS
  'Internal: the live instructions an incremental sweep re-reads: dates passed since the sweep of since (deadlines, roadmap due dates, the PA''s 5 working days to agree a roadmap, R57), the key days of the rules (sweep_rule_days), reporting periods ended and the PA''s own reporting dates passed (R66-1.1), and the instructions the run''s notes name (sweep_change)';

-- Where the sweep looks, written once (issue 21) ----------------------------
-- sweep_found() is the sweep's one list of branches: each says where to look
-- (an index range of the state, or the decisions, reports and marks that
-- drive a kind) and asks its rule (sweep_rule_<kind>, inlined) what the day
-- raises.  The state it reads is sweep_state(mode): three arms, of which a
-- constant mode keeps one when the statement is planned (the others are
-- dropped, not filtered at run time), so each mode's statement in
-- sweep_collect() is planned as if written for it alone: the live rows
-- through their partial indexes (today), the day folded from the journal
-- (a replay), or the instructions an incremental sweep re-reads (read once
-- by sweep_collect: sweep_scope).  LANGUAGE sql, STABLE, without SET and
-- schema-qualified, so the planner inlines them.

CREATE FUNCTION sweep_state(mode text, as_of date, scope sweep_state_current[])
RETURNS SETOF sweep_state_current
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT s.* FROM instruction_control.sweep_state_current s
   WHERE mode OPERATOR(pg_catalog.=) 'current'
  UNION ALL
  -- ORDER BY keeps the day's state a subquery of its own (quals are still
  -- pushed into it): when mode is not replay the arm is dropped before the
  -- journal's fold (instruction_as_of) is planned at all
  SELECT a.* FROM (SELECT x.id, x.kind, x.level, x.regime::instruction_control.control_regime, x.on_control,
                          x.due_date, x.original_due_date, x.roadmap_due_date,
                          x.reporting_period::instruction_control.reporting_period,
                          x.category::instruction_control.monitoring_category, x.received_on, x.signed_on,
                          x.deadline_source::instruction_control.deadline_source, x.calendar,
                          x.responsible_body_id, x.controlling_body_id
                     FROM instruction_control.sweep_state_as_of(as_of) x ORDER BY x.id) a
   WHERE mode OPERATOR(pg_catalog.=) 'replay'
  UNION ALL
  SELECT u.* FROM pg_catalog.unnest(scope) u
   WHERE mode OPERATOR(pg_catalog.=) 'incremental'
$$;
COMMENT ON FUNCTION sweep_state(text, date, sweep_state_current[]) IS
  'Internal: the state a sweep reads by mode (a constant when planned): current (the live rows: sweep_state_current), replay (the day as_of folded from the journal: sweep_state_as_of), incremental (the rows of scope: sweep_scope read once)';

-- The candidates of a sweep, numbered in batches, leaving out what the outbox
-- holds: every branch once.  mode is current, replay or incremental (since:
-- the day swept before; scope: what it re-reads); the branches driven by
-- decisions, reports and marks then look at what is new only.
CREATE FUNCTION sweep_found(mode text, as_of date, reminder_to date, periods jsonb, keep_marks boolean,
                            batch_size integer, run bigint, since date DEFAULT NULL,
                            scope sweep_state_current[] DEFAULT NULL)
RETURNS TABLE (batch integer, instruction_id bigint, kind text, period date, addressee text, rule_id text,
               due_date date, detail jsonb, draft_id bigint)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  WITH found AS (
    -- an overdue instruction already marked raises nothing (its event is out):
    -- a sweep of the whole registry hashes every mark once ...
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue(s.due_date, s.on_control, s.calendar, as_of) e
     WHERE mode OPERATOR(pg_catalog.<>) 'incremental' AND s.on_control AND s.due_date OPERATOR(pg_catalog.<) as_of
       AND CASE WHEN keep_marks THEN NOT EXISTS (SELECT 1 FROM instruction_control.overdue_mark m
                                                  WHERE m.instruction_id OPERATOR(pg_catalog.=) s.id
                                                    AND m.due_date OPERATOR(pg_catalog.=) s.due_date)
                ELSE true END
    UNION ALL
    -- ... an incremental sweep looks up the mark of each instruction it
    -- re-reads by its key (OFFSET 0: a probe per row, never a hash of every
    -- mark; issue 19: hashing 120,000 marks was ~15 ms of a sweep re-reading
    -- 10,000 instructions, and grew with the overdue ones, not with the scope)
    SELECT s.id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue(s.due_date, s.on_control, s.calendar, as_of) e
     WHERE NOT (mode OPERATOR(pg_catalog.<>) 'incremental') AND s.on_control AND s.due_date OPERATOR(pg_catalog.<) as_of
       AND CASE WHEN keep_marks THEN NOT EXISTS (SELECT 1 FROM instruction_control.overdue_mark m
                                                  WHERE m.instruction_id OPERATOR(pg_catalog.=) s.id
                                                    AND m.due_date OPERATOR(pg_catalog.=) s.due_date OFFSET 0)
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
    -- the marks the day clears: every mark in a sweep of the whole registry
    SELECT m.instruction_id, e.kind, e.period, e.addressee, e.rule_id, s.due_date, e.detail
      FROM instruction_control.overdue_mark m
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) 'replay' THEN 'replay' ELSE 'current' END, sweep_found.as_of, NULL) s
                           WHERE s.id OPERATOR(pg_catalog.=) m.instruction_id OFFSET 0) s
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue_cleared(m.due_date, s.on_control, s.due_date, as_of) e
     WHERE keep_marks AND mode OPERATOR(pg_catalog.<>) 'incremental'
    UNION ALL
    -- in an incremental sweep, the marks of the instructions it re-reads, each
    -- found by its key (issue 19: reading every mark to keep those in scope was
    -- most of a sweep that changes nothing, and grew with the overdue ones)
    SELECT m.instruction_id, e.kind, e.period, e.addressee, e.rule_id, u.due_date, e.detail
      FROM instruction_control.sweep_state(mode, as_of, scope) u
      CROSS JOIN LATERAL (SELECT * FROM instruction_control.overdue_mark m
                           WHERE m.instruction_id OPERATOR(pg_catalog.=) u.id OFFSET 0) m
      CROSS JOIN LATERAL instruction_control.sweep_rule_overdue_cleared(m.due_date, u.on_control, u.due_date, as_of) e
     WHERE keep_marks AND NOT (mode OPERATOR(pg_catalog.<>) 'incremental')
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
    -- (the draft's state read first, so the rule is called with plain values:
    -- the planner inlines no set-returning function with a subquery for an
    -- argument, and would call it per event through the SQL function machinery)
    SELECT e0.draft_id, e.kind, e.period, e.addressee, e.rule_id, e0.due_date, e.detail
      FROM instruction_control.event e0
      CROSS JOIN LATERAL (SELECT EXISTS (SELECT 1 FROM draft_day s
                                          WHERE s.draft_id OPERATOR(pg_catalog.=) e0.draft_id AND s.open
                                            AND s.due_date OPERATOR(pg_catalog.=) e0.period
                                            AND s.due_date OPERATOR(pg_catalog.<) sweep_found.as_of) AS still_overdue,
                                 (SELECT pg_catalog.min(s.status) FROM draft_day s
                                   WHERE s.draft_id OPERATOR(pg_catalog.=) e0.draft_id) AS status) x
      CROSS JOIN LATERAL instruction_control.sweep_rule_draft_cleared(e0.period, e0.rule_id, x.still_overdue, x.status) e
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

-- The statements a sweep runs: sweep_found() derived once per mode -----------
-- Planned through sweep_state(), a mode's statement parses the three arms of
-- the state at each of its eleven state references before the constant mode
-- drops two: ~2 ms more planning per sweep than a statement written for its
-- mode (issue 21: the incremental sweep of 200k instructions went from 28 to
-- 31-36 ms).  So the statements the sweep runs are derived from sweep_found()
-- here, once, when the extension is installed or updated (not at run time):
-- sweep_found_source(mode) is sweep_found()'s body with each state reference
-- replaced by the mode's relation, and the DO block below creates
-- sweep_found_current(), sweep_found_replay() and sweep_found_incremental()
-- with those bodies (static LANGUAGE sql functions, inlined as sweep_found()
-- was).  A rule is still changed in its sweep_rule_<kind>() and a branch in
-- sweep_found(); an upgrade that changes sweep_found() runs the DO block
-- again (pgTAP 42_sweep_collect checks that each body is in step).
CREATE FUNCTION sweep_found_source(mode text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  src text;
  -- the three references sweep_found() makes to its mode, each written one way
  scan constant text := 'instruction_control.sweep_state(mode, as_of, scope)';
  lookup constant text := 'instruction_control.sweep_state(CASE WHEN mode OPERATOR(pg_catalog.=) ''replay'' '
                          'THEN ''replay'' ELSE ''current'' END, sweep_found.as_of, NULL)';
  all_rows constant text := 'mode OPERATOR(pg_catalog.<>) ''incremental''';
BEGIN
  IF mode NOT IN ('current', 'replay', 'incremental') THEN
    RAISE EXCEPTION 'no sweep mode %', mode
      USING ERRCODE = '22023', HINT = 'The modes are current, replay and incremental.';
  END IF;
  SELECT p.prosrc INTO STRICT src FROM pg_proc p
   WHERE p.oid = 'instruction_control.sweep_found(text, date, date, jsonb, boolean, integer, bigint, date, '
                 'instruction_control.sweep_state_current[])'::regprocedure;
  IF position('WITH found AS (' IN src) <> 1 + length(substring(src FROM '^\s*')) THEN
    RAISE EXCEPTION 'sweep_found() no longer begins with WITH found AS (' USING ERRCODE = 'XX000';
  END IF;
  -- a replay folds the journal once (replay_state), and every branch reads
  -- that fold: the lookups become joins with it (no OFFSET 0 fence: hash
  -- joins), not a fold of the journal per instruction looked up
  IF mode = 'replay' THEN
    src := regexp_replace(src, '(\.instruction_id) OFFSET 0\) s\M', '\1) s', 'g');
    src := replace(src, 'WITH found AS (',
                   'WITH replay_state AS MATERIALIZED (SELECT * FROM instruction_control.sweep_state_as_of(sweep_found.as_of)),'
                   || E'\n  found AS (');
  -- an incremental sweep reads what it re-reads (sweep_scope) once, in the
  -- statement: not as an array passed in, a constant the planner would copy
  -- into every branch (30-60 ms of planning for 2,000 instructions)
  ELSIF mode = 'incremental' THEN
    src := replace(src, 'WITH found AS (',
                   'WITH scope_state AS MATERIALIZED (SELECT * FROM instruction_control.sweep_scope(since, as_of, run, '
                   || 'instruction_control.effective_calendar())),' || E'\n  found AS (');
  END IF;
  src := replace(src, scan, CASE mode WHEN 'current' THEN 'instruction_control.sweep_state_current'
                                      WHEN 'replay' THEN 'replay_state'
                                      ELSE 'scope_state' END);
  src := replace(src, lookup, CASE mode WHEN 'replay' THEN 'replay_state'
                                        ELSE 'instruction_control.sweep_state_current' END);
  src := replace(src, all_rows, CASE mode WHEN 'incremental' THEN 'false' ELSE 'true' END);
  src := replace(src, 'sweep_found.', 'sweep_found_' || mode || '.');
  -- a reference to the mode written another way would be left behind: refuse
  -- (one to scope, the generic state's argument, fails when the function is created)
  IF src ~ '\mmode\M' OR src ~ 'sweep_state\(' THEN
    RAISE EXCEPTION 'sweep_found() refers to its mode in a way sweep_found_source() does not derive'
      USING ERRCODE = 'XX000',
            HINT = 'Write the state as sweep_state(mode, as_of, scope), a lookup as in the other lookup branches.';
  END IF;
  RETURN src;
END
$$;
COMMENT ON FUNCTION sweep_found_source(text) IS
  'Internal: the body of sweep_found_<mode>(): sweep_found()''s, with its state references replaced by the mode''s relation (current: sweep_state_current; replay: sweep_state_as_of, folded once; incremental: sweep_scope, read once); used once, when the extension is installed or updated';

DO $$
DECLARE
  m text;
BEGIN
  FOREACH m IN ARRAY ARRAY['current', 'replay', 'incremental'] LOOP
    EXECUTE pg_catalog.format($f$
      CREATE OR REPLACE FUNCTION instruction_control.%I(as_of date, reminder_to date, periods jsonb,
          keep_marks boolean, batch_size integer, run bigint, since date DEFAULT NULL)
      RETURNS TABLE (batch integer, instruction_id bigint, kind text, period date, addressee text,
                     rule_id text, due_date date, detail jsonb, draft_id bigint)
      LANGUAGE sql STABLE PARALLEL SAFE
      AS %L$f$, 'sweep_found_' || m, instruction_control.sweep_found_source(m));
    EXECUTE pg_catalog.format('COMMENT ON FUNCTION instruction_control.%I(date, date, jsonb, boolean, integer, '
                              'bigint, date) IS %L',
      'sweep_found_' || m,
      'Internal: sweep_found() for the mode ' || m || ', derived from it by sweep_found_source() when the '
      'extension was installed or updated (do not edit: change sweep_found())');
  END LOOP;
END
$$;

-- What the server cannot say in SQL: may this procedure commit?
CREATE FUNCTION in_transaction_block() RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_in_transaction_block' LANGUAGE C VOLATILE;
COMMENT ON FUNCTION in_transaction_block() IS
  'True inside a transaction block (BEGIN ... or several statements sent at once), where sweep() cannot commit between batches';

-- The sweep's steps ---------------------------------------------------------
-- SECURITY DEFINER with a pinned path: a role allowed to sweep needs no
-- privilege on the tables.  The procedure sweep() only calls them and
-- commits (a procedure with SET or SECURITY DEFINER could not commit).

-- The collection of a run: one static statement per mode, so each is planned
-- for its mode alone (sweep_found_<mode>); the values the rules read
-- are planned as the constants they are (force_custom_plan), as EXECUTE did.
CREATE FUNCTION sweep_collect(run bigint)
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

CREATE FUNCTION sweep_begin(as_of date, batch_size integer, full_scope boolean DEFAULT false)
RETURNS bigint
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
SET jit = off
AS $$
DECLARE
  run bigint;
  replay boolean;
  keep_marks boolean;
  prev sweep_run;
  collected integer;
BEGIN
  IF as_of IS NULL OR NOT isfinite(as_of) THEN
    RAISE EXCEPTION 'a sweep needs a real day, not %', coalesce(as_of::text, 'NULL')
      USING ERRCODE = '22023', HINT = 'CALL instruction_control.sweep() sweeps today.';
  END IF;
  IF as_of > current_date THEN
    RAISE EXCEPTION 'cannot sweep a day that has not begun (R50.1)'
      USING ERRCODE = 'IC203',
            DETAIL = format('as_of is %s; today is %s.', as_of, current_date),
            HINT = 'Sweep today or replay a past day; reminders already look ahead N working days (sweep_setting).';
  END IF;
  IF batch_size IS NULL OR batch_size < 1 THEN
    RAISE EXCEPTION 'batch_size must be at least 1, not %', coalesce(batch_size::text, 'NULL')
      USING ERRCODE = '22023';
  END IF;
  replay := as_of < current_date;
  -- candidates left by a sweep that failed more than a day ago (a running one keeps its own)
  DELETE FROM sweep_candidate c
   WHERE c.sweep_run_id IN (SELECT r.id FROM sweep_run r
                             WHERE r.finished_at IS NULL AND r.started_at < now() - interval '1 day');
  -- the marks follow the latest day swept; a replay of an earlier day leaves them
  keep_marks := NOT EXISTS (SELECT 1 FROM sweep_run r WHERE r.marks AND r.as_of > sweep_begin.as_of);

  -- Incremental: today's sweep continuing a finished sweep of today or of the
  -- last 7 days looks only at what can have changed since: the days that
  -- passed (each kind's dates in index ranges) and the instructions written,
  -- decided on or reported at risk since (the notes of sweep_change, claimed
  -- below: committed changes only, whatever their ids).
  IF NOT replay AND keep_marks AND NOT coalesce(full_scope, false) THEN
    SELECT * INTO prev FROM sweep_run r
     WHERE r.mode = 'current' AND r.marks AND r.finished_at IS NOT NULL
       AND r.as_of <= sweep_begin.as_of AND r.as_of >= sweep_begin.as_of - 7
     ORDER BY r.id DESC LIMIT 1;
  END IF;

  INSERT INTO sweep_run (as_of, mode, marks, scope, since, one_transaction, batch_size,
                         max_instruction_id, max_decision_id, max_report_id)
  VALUES (as_of, CASE WHEN replay THEN 'replay' ELSE 'current' END, keep_marks,
          CASE WHEN prev.id IS NOT NULL THEN 'incremental' ELSE 'full' END, prev.as_of,
          in_transaction_block(), batch_size,
          (SELECT max(i.id) FROM instruction i), (SELECT max(x.id) FROM decision x),
          (SELECT max(x.id) FROM report x))
  RETURNING id INTO run;

  -- Claim the change notes before the state is read: a change committed after
  -- this statement is seen by the next sweep (its note stays unclaimed).  A
  -- sweep of today claims them all, a full one too (it covers them); the
  -- notes of a run that failed are claimed again.  A replay leaves them.
  IF NOT replay AND keep_marks THEN
    UPDATE sweep_change c SET taken_by = run;
  END IF;

  -- collected first, then stamped: an UPDATE computes its SET list in the
  -- table's column order, so collected_at (before candidates) was the time
  -- the collection began, and sweep_progress counted it in the batches' rate
  collected := sweep_collect(run);
  UPDATE sweep_run SET candidates = collected, collected_at = clock_timestamp() WHERE id = run;
  RETURN run;
END
$$;
COMMENT ON FUNCTION sweep_begin(date, integer, boolean) IS
  'Internal step of sweep(): records the run, claims the change notes and collects every new event of the day (sweep_collect), numbered in batches';

CREATE FUNCTION sweep_batch(run bigint)
RETURNS boolean
LANGUAGE plpgsql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  b integer;
  r sweep_run;
  written jsonb;
  n integer;
  taken_n integer;
  unknown_rule text;
BEGIN
  SELECT * INTO r FROM sweep_run WHERE id = run;
  -- the batches are numbered 0, 1, ... (sweep_found) and written in that
  -- order, one per call: the next is the number written so far, found by an
  -- index probe, not by a scan of every candidate left (issue 19: that scan
  -- made the batches of a large sweep cost more the more were left)
  b := r.batches;
  IF NOT EXISTS (SELECT 1 FROM sweep_candidate c WHERE c.sweep_run_id = run AND c.batch = b) THEN
    RETURN false;
  END IF;

  WITH taken AS (
    DELETE FROM sweep_candidate c WHERE c.sweep_run_id = run AND c.batch = b RETURNING c.*
  ),
  ins AS (
    INSERT INTO event (instruction_id, kind, period, addressee, rule_id, due_date, as_of, sweep_run_id, detail,
                       draft_id)
    -- a replay's events say so: they are about a day gone (a consumer may skip them)
    SELECT t.instruction_id, t.kind, t.period, t.addressee, t.rule_id, t.due_date, r.as_of, run,
           CASE WHEN r.mode = 'replay' THEN t.detail || '{"replayed": true}' ELSE t.detail END, t.draft_id
      FROM taken t
     ORDER BY t.instruction_id, t.draft_id, t.kind, t.period
    ON CONFLICT ON CONSTRAINT event_once DO NOTHING
    RETURNING id, instruction_id, kind, period, addressee, rule_id
  ),
  marked AS (
    INSERT INTO overdue_mark (instruction_id, due_date, marked_on, sweep_run_id)
    SELECT t.instruction_id, t.period, r.as_of, run FROM taken t WHERE r.marks AND t.kind = 'overdue'
    ON CONFLICT (instruction_id) DO UPDATE
      SET due_date = excluded.due_date, marked_on = excluded.marked_on, sweep_run_id = excluded.sweep_run_id
  ),
  cleared AS (
    DELETE FROM overdue_mark m USING taken t
     WHERE r.marks AND t.kind = 'overdue_cleared' AND m.instruction_id = t.instruction_id
       AND m.due_date = t.period
  )
  SELECT coalesce(jsonb_object_agg(kind, c), '{}'), coalesce(sum(c), 0)::int, (SELECT count(*) FROM taken)::int,
         -- the batch's rule ids checked at once, not by a foreign key per event (issue 19)
         (SELECT t.rule_id FROM (SELECT DISTINCT t0.rule_id FROM taken t0) t
           WHERE NOT EXISTS (SELECT 1 FROM rule u WHERE u.id = t.rule_id) LIMIT 1)
    INTO written, n, taken_n, unknown_rule
    FROM (SELECT i.kind, count(*) AS c FROM ins i GROUP BY i.kind) k;
  IF unknown_rule IS NOT NULL THEN
    RAISE EXCEPTION 'the sweep raised an event for rule %, which is not in the table rule', unknown_rule
      USING ERRCODE = '23503',
            DETAIL = format('Sweep run %s, batch %s.', run, b),
            HINT = 'Every sweep_rule_<kind>() names a rule of the table rule (rules.md); the batch was not written.';
  END IF;

  -- the progress a second session reads in sweep_progress once the batch commits
  UPDATE sweep_run s
     SET batches = s.batches + 1, events = s.events + n, processed = s.processed + taken_n,
         counts = (SELECT coalesce(jsonb_object_agg(key, total ORDER BY key), '{}')
                     FROM (SELECT key, sum(value::int) AS total
                             FROM (SELECT * FROM jsonb_each_text(s.counts)
                                   UNION ALL SELECT * FROM jsonb_each_text(written)) e
                            GROUP BY key) t)
   WHERE s.id = run;
  RETURN EXISTS (SELECT 1 FROM sweep_candidate c WHERE c.sweep_run_id = run AND c.batch = b + 1);
END
$$;
COMMENT ON FUNCTION sweep_batch(bigint) IS
  'Internal step of sweep(): writes the next batch of events (once each: instruction, kind, period), keeps the overdue marks; true while batches remain (sweep() sends the wake-up)';

CREATE FUNCTION sweep_finish(run bigint)
RETURNS sweep_run
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  DELETE FROM instruction_control.sweep_candidate WHERE sweep_run_id = run;
  -- the changes this run took into account (a note claimed since by a later run stays its)
  DELETE FROM instruction_control.sweep_change WHERE taken_by = run;
  UPDATE instruction_control.sweep_run SET finished_at = clock_timestamp() WHERE id = run RETURNING *;
$$;
COMMENT ON FUNCTION sweep_finish(bigint) IS 'Internal step of sweep(): records the end of the run';

-- The sweep -----------------------------------------------------------------
-- No SET clause and not SECURITY DEFINER, so that it may COMMIT; every name in
-- it is schema-qualified and its operators too, so no search_path changes it.
--
-- After each batch that wrote events it wakes the consumers: one NOTIFY on
-- instruction_control_events with an empty payload (nothing about an
-- instruction: any role may LISTEN), sent when the batch commits.  A replay
-- of a past day (as_of before today) wakes nobody unless notify => true: its
-- events are about a day gone, and a replay of a busy day writes hundreds of
-- thousands of them.

CREATE PROCEDURE sweep(as_of date DEFAULT current_date, batch_size integer DEFAULT 5000,
                       full_scope boolean DEFAULT false, notify boolean DEFAULT NULL)
LANGUAGE plpgsql
AS $$
DECLARE
  run bigint;
  one_transaction boolean;
  result instruction_control.sweep_run;
  wake boolean;
  more boolean;
  seen integer := 0;
  total integer;
  progress instruction_control.sweep_run;
BEGIN
  IF pg_catalog.pg_is_in_recovery() THEN
    RAISE NOTICE 'sweep skipped: this server is a standby (in recovery)'
      USING DETAIL = 'A standby is read-only; the primary sweeps and its events reach the standby by replication.',
            HINT = 'Schedule the sweep on the primary (instruction_control.schedule_sweeps()).';
    RETURN;
  END IF;
  one_transaction := instruction_control.in_transaction_block();
  IF one_transaction THEN
    RAISE NOTICE 'sweep runs as one transaction: it was called inside a transaction block'
      USING HINT = 'CALL instruction_control.sweep() outside BEGIN ... COMMIT commits after each batch.';
  END IF;
  -- notify NULL: wake the consumers for today's sweep only, never for a replay
  wake := coalesce(notify, as_of OPERATOR(pg_catalog.>=) CURRENT_DATE);
  run := instruction_control.sweep_begin(as_of, batch_size, full_scope);
  IF NOT one_transaction THEN
    COMMIT;
  END IF;
  LOOP
    more := instruction_control.sweep_batch(run);
    SELECT r.events INTO total FROM instruction_control.sweep_run r WHERE r.id OPERATOR(pg_catalog.=) run;
    -- a NOTICE per batch when asked: SET instruction_control.sweep_progress = on
    IF pg_catalog.current_setting('instruction_control.sweep_progress', true) OPERATOR(pg_catalog.=) 'on' THEN
      SELECT * INTO progress FROM instruction_control.sweep_run r WHERE r.id OPERATOR(pg_catalog.=) run;
      RAISE NOTICE 'sweep of %: batch %, % of % candidates (%), % events', progress.as_of, progress.batches,
        progress.processed, progress.candidates,
        pg_catalog.round(100.0 OPERATOR(pg_catalog.*) progress.processed
                         OPERATOR(pg_catalog./) GREATEST(progress.candidates, 1))::pg_catalog.text OPERATOR(pg_catalog.||) '%',
        progress.events;
    END IF;
    IF wake AND total OPERATOR(pg_catalog.>) seen THEN
      -- an opaque wake-up, sent at commit: consumers call next_events()
      PERFORM pg_catalog.pg_notify('instruction_control_events', '');
    END IF;
    seen := total;
    EXIT WHEN NOT more;
    IF NOT one_transaction THEN
      COMMIT;
    END IF;
  END LOOP;
  result := instruction_control.sweep_finish(run);
  RAISE NOTICE 'sweep of %: % events %', result.as_of, result.events, result.counts::pg_catalog.text;
END
$$;
COMMENT ON PROCEDURE sweep(date, integer, boolean, boolean) IS
  'Sweep the day as_of (default today): reminders, overdue marks and their clearing, escalations (R66-1.3), roadmaps (R56, R57, R59), intermediate reports (R66-1.1), measures (R72.4), personal instructions (R51) into the outbox event; idempotent; a past day is replayed from the journal; commits every batch_size events unless called inside a transaction block; continues the previous day''s sweep incrementally unless full_scope; wakes consumers (an empty NOTIFY on instruction_control_events per batch) for today, for a replay only with notify => true; does nothing on a standby; with instruction_control.sweep_progress = on, a NOTICE per batch (another session reads the progress in sweep_progress)';

-- Progress of a running sweep (issue 17, item 5) ---------------------------
-- sweep() commits after each batch, and sweep_batch() counts what the batch
-- took (sweep_run.processed) in the same transaction: another session sees the
-- progress batch by batch, as pg_stat_progress_* views show a running command.
-- A run not finished after a day failed (sweep_begin clears its candidates):
-- it is no longer listed.  With instruction_control.sweep_progress = on,
-- sweep() also says it as a NOTICE per batch.

CREATE VIEW sweep_progress AS
SELECT r.id AS run_id, r.as_of, r.mode, r.scope, r.run_by,
       CASE WHEN r.collected_at IS NULL THEN 'collecting' ELSE 'writing' END AS phase,
       r.candidates, r.processed, r.batches, r.batch_size, r.events,
       CASE WHEN r.collected_at IS NOT NULL
            THEN round(100.0 * r.processed / greatest(r.candidates, 1), 1) END AS percent,
       r.started_at, r.collected_at,
       clock_timestamp() - r.started_at AS elapsed,
       -- the rate so far (since the candidates were collected) over what remains
       CASE WHEN r.processed > 0
            THEN (clock_timestamp() - r.collected_at) * ((r.candidates - r.processed)::float8 / r.processed) END
         AS estimated_remaining
  FROM sweep_run r
 WHERE r.finished_at IS NULL
   AND r.started_at >= now() - interval '1 day';
COMMENT ON VIEW sweep_progress IS
  'Sweeps under way (сыпыру барысы / ход обхода), one row per run: phase (collecting the candidates, then writing them in batches), candidates, processed (taken by the batches committed so far), percent, elapsed and the estimated time remaining at the rate so far; a run in one transaction shows its progress only to itself';
COMMENT ON COLUMN sweep_progress.run_id IS 'The run (sweep_run.id)';
COMMENT ON COLUMN sweep_progress.as_of IS 'The day swept';
COMMENT ON COLUMN sweep_progress.mode IS 'current or replay (sweep_run.mode)';
COMMENT ON COLUMN sweep_progress.scope IS 'full or incremental (sweep_run.scope)';
COMMENT ON COLUMN sweep_progress.run_by IS 'Session user that runs it';
COMMENT ON COLUMN sweep_progress.phase IS 'collecting: finding the new events (one statement); writing: the batches';
COMMENT ON COLUMN sweep_progress.candidates IS 'New events found (NULL while collecting)';
COMMENT ON COLUMN sweep_progress.processed IS 'Candidates taken by the batches committed so far';
COMMENT ON COLUMN sweep_progress.batches IS 'Batches committed';
COMMENT ON COLUMN sweep_progress.batch_size IS 'Candidates per batch';
COMMENT ON COLUMN sweep_progress.events IS 'Events written to the outbox so far';
COMMENT ON COLUMN sweep_progress.percent IS 'processed of candidates, percent, one decimal (NULL while collecting)';
COMMENT ON COLUMN sweep_progress.started_at IS 'Start of the run';
COMMENT ON COLUMN sweep_progress.collected_at IS 'When the candidates were collected';
COMMENT ON COLUMN sweep_progress.elapsed IS 'Time since the start';
COMMENT ON COLUMN sweep_progress.estimated_remaining IS 'Time the remaining candidates take at the rate of the batches so far (NULL before the first batch)';

-- Outbox: reading and delivering ---------------------------------------------

-- Both are SECURITY DEFINER: nobody holds UPDATE on event (not even for FOR
-- UPDATE), so a consumer cannot reopen an event (delivered_at = NULL) or
-- forge delivered_by; EXECUTE is ic_admin's and ic_integrator's only.

CREATE FUNCTION next_events(max_events integer DEFAULT 100, for_addressee addressee DEFAULT NULL)
RETURNS SETOF event
LANGUAGE sql VOLATILE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  SELECT e.* FROM instruction_control.event e
   WHERE e.delivered_at IS NULL
     AND (for_addressee IS NULL OR e.addressee = for_addressee)
   ORDER BY e.id
   LIMIT max_events
   FOR UPDATE SKIP LOCKED
$$;
COMMENT ON FUNCTION next_events(integer, addressee) IS
  'Open events, oldest first, locked for this transaction and skipped by other consumers (FOR UPDATE SKIP LOCKED); deliver them, then mark_delivered() and COMMIT.  The only way to take events: act on what it returns, never on a NOTIFY payload';

CREATE FUNCTION mark_delivered(ids bigint[])
RETURNS integer
LANGUAGE sql VOLATILE STRICT SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
  WITH d AS (
    UPDATE instruction_control.event e SET delivered_at = now(), delivered_by = session_user
     WHERE e.id = ANY (ids) AND e.delivered_at IS NULL
    RETURNING 1)
  SELECT count(*)::integer FROM d
$$;
COMMENT ON FUNCTION mark_delivered(bigint[]) IS
  'Mark events delivered (once: an event already delivered keeps its first mark, nothing reopens it); records now() and the session user itself; the only writer of delivered_at and delivered_by; returns how many were marked now';

-- An event whose addressee or kind has lost its label (a vocabulary row an
-- administrator deleted) is still open: it shows its code, as every other
-- view does, rather than disappear from the consumers' list.
CREATE VIEW open_event AS
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
COMMENT ON VIEW open_event IS
  'Events not yet delivered, per addressee, with kk/ru/en labels of the addressee and the kind, the body (the executor for reminders, the controlling body for the controller) and the rule';
COMMENT ON COLUMN open_event.addressee IS 'Addressee code (addressee)';
COMMENT ON COLUMN open_event.addressee_kk IS 'Addressee in Kazakh';
COMMENT ON COLUMN open_event.addressee_ru IS 'Addressee in Russian';
COMMENT ON COLUMN open_event.addressee_en IS 'Addressee in English';
COMMENT ON COLUMN open_event.body_id IS 'The body concerned: the responsible executor for the executor, the controlling body for the controller';
COMMENT ON COLUMN open_event.body_name IS 'Its name';
COMMENT ON COLUMN open_event.id IS 'Event id (event.id)';
COMMENT ON COLUMN open_event.kind IS 'Event kind code (event_kind)';
COMMENT ON COLUMN open_event.kind_kk IS 'Event kind in Kazakh';
COMMENT ON COLUMN open_event.kind_ru IS 'Event kind in Russian';
COMMENT ON COLUMN open_event.kind_en IS 'Event kind in English';
COMMENT ON COLUMN open_event.instruction_id IS 'The instruction';
COMMENT ON COLUMN open_event.external_ref IS 'The instruction''s key in the host registry';
COMMENT ON COLUMN open_event.point IS 'The instruction''s point number';
COMMENT ON COLUMN open_event.period IS 'The day the event is about (event.period)';
COMMENT ON COLUMN open_event.due_date IS 'The deadline as the sweep saw it';
COMMENT ON COLUMN open_event.rule_id IS 'The rule that asks for the event';
COMMENT ON COLUMN open_event.rule_title_en IS 'The rule''s title in English (rule.title_kk and title_ru hold the others)';
COMMENT ON COLUMN open_event.as_of IS 'The day swept';
COMMENT ON COLUMN open_event.detail IS 'Facts for the message (event.detail)';
COMMENT ON COLUMN open_event.created_at IS 'When the sweep wrote it';
COMMENT ON COLUMN open_event.draft_id IS 'The draft a draft_* event is about (R20, R21, R33; instruction_id, body_id and point are then empty: the draft and its body are in report_open_draft)';

CREATE VIEW open_event_summary AS
SELECT o.addressee, o.addressee_kk, o.addressee_ru, o.addressee_en, o.kind, o.kind_en,
       count(*) AS events, min(o.period) AS earliest, max(o.period) AS latest
  FROM open_event o
 GROUP BY o.addressee, o.addressee_kk, o.addressee_ru, o.addressee_en, o.kind, o.kind_en;
COMMENT ON VIEW open_event_summary IS 'How many events are open per addressee and kind, with labels';
COMMENT ON COLUMN open_event_summary.addressee IS 'Addressee code';
COMMENT ON COLUMN open_event_summary.addressee_kk IS 'Addressee in Kazakh';
COMMENT ON COLUMN open_event_summary.addressee_ru IS 'Addressee in Russian';
COMMENT ON COLUMN open_event_summary.addressee_en IS 'Addressee in English';
COMMENT ON COLUMN open_event_summary.kind IS 'Event kind code';
COMMENT ON COLUMN open_event_summary.kind_en IS 'Event kind in English';
COMMENT ON COLUMN open_event_summary.events IS 'Open events of this addressee and kind';
COMMENT ON COLUMN open_event_summary.earliest IS 'Earliest period among them';
COMMENT ON COLUMN open_event_summary.latest IS 'Latest period among them';

-- Privileges: the Security section (90_security.sql).
