-- ===========================================================================
-- Registry
--
-- Acts, instructions, state bodies, the append-only decision journal,
-- roadmaps and reports.  The rules of the decree (R42-R79) are enforced by
-- C triggers that call one pure rules module (src/rules_core.c), so direct
-- DML is judged exactly like the API functions below.
--
-- Putting on control is the INSERT of the instruction: its row, with the
-- columns fixed at that moment (level, term, received_on, original_due_date),
-- is the record of that decision.  Every later decision is a row INSERTed
-- into `decision`.  Its BEFORE trigger locks the instruction, judges the
-- decision and applies it to the instruction (due date, regime, status,
-- count of extensions).  The instruction's own UPDATE
-- trigger refuses any change of those columns that is not the application of
-- a new decision.  Host registries link their rows by external_ref.
-- ===========================================================================

-- Vocabulary (lower-case codes; label() gives kk/ru/en names) ---------------

CREATE DOMAIN decider AS text
  CHECK (VALUE IN ('president', 'head_of_pa', 'secretary_sc', 'state_counsellor',
                   'head_of_presidents_office', 'assistant_or_adviser', 'pa_unit_head',
                   'prime_minister', 'deputy_prime_minister', 'head_of_government_office',
                   'first_head', 'akim'));
COMMENT ON DOMAIN decider IS 'Position that takes a decision on control (R69-R77, R57)';

CREATE DOMAIN signatory AS text
  CHECK (VALUE IN ('prime_minister', 'deputy_prime_minister', 'head_of_government_office',
                   'deputy_head_of_government_office', 'first_head', 'deputy_first_head',
                   'collegial_body_member', 'akim'));
COMMENT ON DOMAIN signatory IS
  'Position that signs what a body submits to the PA on execution: the Government''s information (R67: the Prime Minister, the Deputy Prime Minister concerned or the Head of the Government Office; interim information to the Head of the President''s Office, an Assistant or an Adviser also their deputies, part 2) and the annual summary (R75-1)';

CREATE DOMAIN control_regime AS text
  CHECK (VALUE IN ('regular', 'medium_term', 'long_term'));
COMMENT ON DOMAIN control_regime IS 'Control regime: regular, or medium-/long-term after a transfer (R69.3, R69.4)';

CREATE DOMAIN instruction_status AS text
  CHECK (VALUE IN ('on_control', 'removed'));
COMMENT ON DOMAIN instruction_status IS 'On control, or removed from control (R75); changed only by a removal decision';

CREATE DOMAIN secrecy_class AS text
  CHECK (VALUE IN ('none', 'restricted', 'state_secret'));
COMMENT ON DOMAIN secrecy_class IS 'Secrecy of an instruction; a state_secret one stores requisites only (R14)';

CREATE DOMAIN monitoring_category AS text
  CHECK (VALUE IN ('monument', 'construction', 'digitalisation', 'named_law',
                   'law_amendments', 'event_or_naming'));
COMMENT ON DOMAIN monitoring_category IS
  'R66-3 category monitored without periodic reports; fixes the removal evidence (R76-1)';

CREATE DOMAIN removal_ground AS text
  CHECK (VALUE IN ('executed', 'duplicated', 'impossible', 'control_passed'));
COMMENT ON DOMAIN removal_ground IS 'Ground for removal from control (R75 (1)-(4))';

CREATE DOMAIN evidence_kind AS text
  CHECK (VALUE IN ('official_report', 'act_adopted', 'law_signed', 'pa_unit_memo',
                   'executor_final_report', 'pa_expert_conclusion', 'event_held',
                   'new_instruction', 'control_passed_decision',
                   'pa_agreement', 'executor_letter',
                   'body_expert_conclusion', 'body_unit_memo', 'body_agreement'));
COMMENT ON DOMAIN evidence_kind IS
  'Kind of document a decision rests on: a removal''s evidence (R75, R76-1), the basis of an extension or transfer (R69.1: pa_expert_conclusion or pa_agreement) or of a new deadline (R70.4: pa_expert_conclusion or executor_letter); below PA level the controlling body''s unit gives them (body_*, R74-1)';

CREATE DOMAIN decision_kind AS text
  CHECK (VALUE IN ('extension', 'transfer', 'new_deadline', 'removal', 'roadmap_approval', 'calendar_change'));
COMMENT ON DOMAIN decision_kind IS 'Kind of entry in the decision journal; calendar_change: a counted date moved by a change of the calendar (R50.3), not an extension';

CREATE DOMAIN new_deadline_reason AS text
  CHECK (VALUE IN ('emergency', 'state_of_emergency', 'quarantine'));
COMMENT ON DOMAIN new_deadline_reason IS 'Why a new deadline is set (R70.4)';

CREATE DOMAIN roadmap_drafter AS text
  CHECK (VALUE IN ('central_outside_government', 'central_interdepartmental', 'local',
                   'executor_only'));
COMMENT ON DOMAIN roadmap_drafter IS 'Who drafted a roadmap, which fixes who approves it (R57)';

CREATE DOMAIN report_kind AS text
  CHECK (VALUE IN ('intermediate', 'final', 'risk', 'measures'));
COMMENT ON DOMAIN report_kind IS
  'intermediate (R66-1), final, risk of late execution (R66-3.5), measures taken after a repeated extension (R72.4)';

CREATE DOMAIN reporting_period AS text
  CHECK (VALUE IN ('monthly', 'quarterly', 'half_yearly', 'yearly', 'explicit'));
COMMENT ON DOMAIN reporting_period IS 'Periodicity of intermediate control (R66-1.1): monthly, quarterly, half_yearly, yearly (reports due at the calendar period ends, the default), or explicit (the dates the PA set, instruction.report_dates)';

CREATE DOMAIN deadline_source AS text
  CHECK (VALUE IN ('term', 'two_weeks', 'act', 'control_approval', 'resolution', 'pa'));
COMMENT ON DOMAIN deadline_source IS
  'Where a deadline comes from: term (counted, R50.3), two_weeks (personal, R51), act, control_approval or resolution (R50.1), pa (set by the PA, R50.2)';

CREATE DOMAIN executor_role AS text
  CHECK (VALUE IN ('responsible', 'co_executor'));
COMMENT ON DOMAIN executor_role IS 'Role of a state body in executing an instruction: responsible executor or co-executor';

CREATE DOMAIN body_type AS text
  CHECK (VALUE IN ('presidential_administration', 'security_council', 'government',
                   'central', 'local', 'organisation'));
COMMENT ON DOMAIN body_type IS 'Kind of state body or organisation';

-- State bodies --------------------------------------------------------------

CREATE TABLE state_body (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_ref  text UNIQUE,
  code          text UNIQUE,
  name          text NOT NULL,
  name_kk       text,
  name_ru       text,
  body_type     body_type NOT NULL,
  parent_id     bigint REFERENCES state_body,
  directly_subordinate_to_president boolean NOT NULL DEFAULT false,
  inside_government boolean NOT NULL DEFAULT false,
  sector        text
);
COMMENT ON TABLE state_body IS 'State bodies and organisations that execute or control instructions';
COMMENT ON COLUMN state_body.external_ref IS 'Key of this body in the host registry';
COMMENT ON COLUMN state_body.code IS 'Short code, e.g. MINFIN';
COMMENT ON COLUMN state_body.body_type IS 'presidential_administration, security_council, government, central, local or organisation';
COMMENT ON COLUMN state_body.parent_id IS 'The body an organisation is subordinate to';
COMMENT ON COLUMN state_body.directly_subordinate_to_president IS 'Directly subordinate and accountable to the President (R42-1.4, R57)';
COMMENT ON COLUMN state_body.inside_government IS 'Part of the Government (R57: bodies outside it approve roadmaps by their first head)';
COMMENT ON COLUMN state_body.sector IS 'Sector heading for the annual summary (Appendix 8), e.g. "health care"';

-- People who act ------------------------------------------------------------
-- The acting person of a decision is data, not a claim: a person of a state
-- body, and the database roles allowed to act for that person (person_role,
-- in the Security section).  The journal records a person only when the
-- recording role may act for it (instruction_control.acting_person, SET LOCAL).

CREATE TABLE person (
  id        bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name      text NOT NULL UNIQUE
            CHECK (length(name) BETWEEN 1 AND 200 AND name !~ '^[0-9]+$' AND btrim(name) = name),
  body_id   bigint REFERENCES state_body,
  active    boolean NOT NULL DEFAULT true,
  external_ref text UNIQUE
);
COMMENT ON TABLE person IS
  'People who act in the registry (an official of a state body); decisions record the person named by SET LOCAL instruction_control.acting_person, by id or name, when the role may act for it (person_role). Kept by ic_admin';
COMMENT ON COLUMN person.id IS 'Identity of the person; instruction_control.acting_person may name it';
COMMENT ON COLUMN person.name IS 'Name and position as recorded in decision.acted_by, unique; not only digits (digits name an id)';
COMMENT ON COLUMN person.body_id IS 'The state body the person belongs to';
COMMENT ON COLUMN person.external_ref IS 'Key of this person in the host registry (staff), kept by link_host';
COMMENT ON COLUMN person.active IS 'false: the person no longer acts (left office); earlier decisions keep the name';
SELECT pg_catalog.pg_extension_config_dump('person', '');
SELECT pg_catalog.pg_extension_config_dump('person_id_seq', '');

-- Acts ----------------------------------------------------------------------

CREATE TABLE act (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_ref  text UNIQUE,
  act_type      text NOT NULL,
  number        text,
  title         text,
  signed_on     date,
  secrecy       secrecy_class NOT NULL DEFAULT 'none'
);
COMMENT ON TABLE act IS 'Source documents: acts of the President, minutes of events, Security Council decisions, posts';
COMMENT ON COLUMN act.external_ref IS 'Key of this act in the host registry';
COMMENT ON COLUMN act.act_type IS 'Free text, e.g. decree, order, address, meeting, security_council_decision';
COMMENT ON COLUMN act.signed_on IS 'Day the act was signed';

-- Instructions --------------------------------------------------------------

CREATE TABLE instruction (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  external_ref        text UNIQUE,
  act_id              bigint REFERENCES act,
  point               point_ref,
  kind                instruction_kind NOT NULL,
  level               control_level NOT NULL,
  regime              control_regime NOT NULL DEFAULT 'regular',
  content             text,
  signed_on           date,
  received_on         date,
  term                term,
  due_date            date,
  original_due_date   date,
  calendar            text,
  responsible_body_id bigint REFERENCES state_body,
  co_executor_ids     bigint[] NOT NULL DEFAULT '{}',
  controlling_body_id bigint REFERENCES state_body,
  pa_unit             text,
  completion_form     text,
  final_result        text,
  category            monitoring_category,
  secrecy             secrecy_class NOT NULL DEFAULT 'none',
  paper_card_ref      text,
  local_character     boolean NOT NULL DEFAULT false,
  public_resonance    boolean NOT NULL DEFAULT false,
  new_approaches      boolean NOT NULL DEFAULT false,
  reporting_period    reporting_period,
  deadline_source     deadline_source,
  roadmap_due_date    date,
  status              instruction_status NOT NULL DEFAULT 'on_control',
  removed_on          date,
  parent_id           bigint REFERENCES instruction,
  upper_record_id     bigint REFERENCES instruction,
  extensions          integer NOT NULL DEFAULT 0 CHECK (extensions >= 0),
  decision_count      integer NOT NULL DEFAULT 0 CHECK (decision_count >= 0),
  last_decision_id    bigint,
  last_decided_on     date,
  imported            boolean NOT NULL DEFAULT false,
  recorded_by         name,
  created_at          timestamptz NOT NULL DEFAULT now(),
  imported_in_force   boolean NOT NULL DEFAULT false,
  report_dates        date[],
  -- R66-1.1: the PA's own dates go with reporting_period explicit, and only with it
  CONSTRAINT instruction_report_dates_check CHECK (
    CASE WHEN reporting_period = 'explicit'
         THEN coalesce(cardinality(report_dates), 0) BETWEEN 1 AND 366 AND array_position(report_dates, NULL) IS NULL
         ELSE report_dates IS NULL END)
);
CREATE INDEX instruction_act_point_idx ON instruction (act_id, point);
CREATE INDEX instruction_due_idx ON instruction (due_date) WHERE status = 'on_control';
CREATE INDEX instruction_parent_idx ON instruction (parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX instruction_responsible_idx ON instruction (responsible_body_id);
CREATE INDEX instruction_upper_idx ON instruction (upper_record_id) WHERE upper_record_id IS NOT NULL;

COMMENT ON TABLE instruction IS 'Instructions and act points on control; changed only through decisions (see decision)';
COMMENT ON COLUMN instruction.external_ref IS 'Key of this instruction in the host registry';
COMMENT ON COLUMN instruction.point IS 'Point number within the act, e.g. 1.42-1.5)';
COMMENT ON COLUMN instruction.kind IS 'Kind of instruction (R4.2, R42)';
COMMENT ON COLUMN instruction.level IS 'Level of control, fixed when put on control (R30-1, R42-1)';
COMMENT ON COLUMN instruction.regime IS 'regular, medium_term or long_term; changed by transfer (R69.3, R69.4)';
COMMENT ON COLUMN instruction.content IS 'Text of the instruction; empty for state secrets (R14)';
COMMENT ON COLUMN instruction.signed_on IS 'Day the instruction was signed (R51 counts personal instructions from it)';
COMMENT ON COLUMN instruction.received_on IS 'Day the executing body received it (R50.3 counts from it)';
COMMENT ON COLUMN instruction.term IS 'Term given in the act, e.g. ''10 working days''; the due date is computed from it when not given';
COMMENT ON COLUMN instruction.due_date IS 'Current deadline; changed only by extension, transfer or new deadline decisions';
COMMENT ON COLUMN instruction.original_due_date IS 'Deadline when put on control';
COMMENT ON COLUMN instruction.calendar IS 'Working-day calendar the deadline was counted in';
COMMENT ON COLUMN instruction.responsible_body_id IS 'Responsible executor';
COMMENT ON COLUMN instruction.co_executor_ids IS 'Co-executing bodies (state_body ids), fixed when put on control; checked and kept with foreign keys in instruction_executor';
COMMENT ON COLUMN instruction.controlling_body_id IS 'State body responsible for control (Government, central or local body)';
COMMENT ON COLUMN instruction.pa_unit IS 'PA structural unit responsible for control';
COMMENT ON COLUMN instruction.completion_form IS 'Completion form, e.g. information to the Administration, draft law';
COMMENT ON COLUMN instruction.final_result IS 'Measurable final result, only where the instruction has one';
COMMENT ON COLUMN instruction.category IS 'R66-3 category (monitoring without periodic reports; removal evidence per R76-1)';
COMMENT ON COLUMN instruction.paper_card_ref IS 'Reference of the paper control card (required for state secrets, R50.2)';
COMMENT ON COLUMN instruction.local_character IS 'Of a current (local) character (R42-1.2)';
COMMENT ON COLUMN instruction.public_resonance IS 'The matter caused public resonance (R42-1.2 exception)';
COMMENT ON COLUMN instruction.new_approaches IS 'Aims at new approaches, norms or rules (R56)';
COMMENT ON COLUMN instruction.reporting_period IS 'Intermediate control set by the PA (R66-1.1): a periodicity whose reports are due at the calendar period ends (the default), or explicit: the dates in report_dates';
COMMENT ON COLUMN instruction.report_dates IS 'R66-1.1: the intermediate reporting dates the PA set for this instruction (with reporting_period explicit, else NULL): a report covering each date is due on it, rolled forward to a working day';
COMMENT ON COLUMN instruction.roadmap_due_date IS 'Day a roadmap is due (R56: 10 working days from receipt; R59: on transfer to long-term control)';
COMMENT ON COLUMN instruction.status IS 'on_control or removed';
COMMENT ON COLUMN instruction.removed_on IS 'Day it was removed from control';
COMMENT ON COLUMN instruction.parent_id IS 'Instruction this one details; its due date may not be later (R50.1)';
COMMENT ON COLUMN instruction.extensions IS 'Extensions and transfers so far (R69.1: one is allowed, more are repeated, R72); maintained by the journal';
COMMENT ON COLUMN instruction.last_decision_id IS 'Latest decision applied to this row (maintained by the journal)';
COMMENT ON COLUMN instruction.deadline_source IS 'Where the deadline comes from (R50.1-R50.3, R51); computed for term and two_weeks, given with an explicit due date';
COMMENT ON COLUMN instruction.upper_record_id IS 'The record of the same point at a higher level: the PA''s record, or the body''s that passed control down (R42-1.4, R74-1, R75(4), R79)';
COMMENT ON COLUMN instruction.decision_count IS 'Decisions journaled on this instruction (maintained by the journal; the next one gets seq = decision_count + 1)';
COMMENT ON COLUMN instruction.last_decided_on IS 'Day of the latest decision (maintained by the journal; a new decision may not be dated earlier)';
COMMENT ON COLUMN instruction.imported IS 'Imported history (import_instruction): recorded as it was, not judged by the rules of Decree No. 403';
COMMENT ON COLUMN instruction.imported_in_force IS 'Imported although received when the amended Rules were in force (on or after 2024-02-01): the import said so explicitly (import_instruction(in_force => true)); such history has its decisions imported too, never judged live ones';
COMMENT ON COLUMN instruction.recorded_by IS 'Session user that put it on control or imported it (set by the registry)';

-- Executors, with foreign keys (the relational form of responsible_body_id and
-- co_executor_ids, written by the registry when the instruction is put on control).
CREATE TABLE instruction_executor (
  instruction_id  bigint NOT NULL REFERENCES instruction,
  body_id         bigint NOT NULL REFERENCES state_body,
  role            executor_role NOT NULL,
  PRIMARY KEY (instruction_id, body_id)
);
CREATE INDEX instruction_executor_body_idx ON instruction_executor (body_id);
COMMENT ON TABLE instruction_executor IS 'State bodies executing an instruction: the responsible executor and the co-executors (R56 counts them); written by the registry only';
COMMENT ON COLUMN instruction_executor.role IS 'responsible or co_executor';

-- Decision journal ----------------------------------------------------------

CREATE TABLE decision (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instruction_id      bigint NOT NULL,	-- no foreign key: the journal's trigger reads and locks it
  kind                decision_kind NOT NULL,
  decided_by          decider,
  decided_on          date NOT NULL DEFAULT current_date,
  basis               text,
  old_due_date        date,
  new_due_date        date,
  old_regime          control_regime,
  new_regime          control_regime,
  reason              text,
  ground              removal_ground,
  evidence            evidence_kind[] NOT NULL DEFAULT '{}',
  evidence_ref        text,
  disciplinary_review text,
  repeated            boolean NOT NULL DEFAULT false,
  measures_due_date   date,
  roadmap_due_date    date,
  roadmap_id          bigint,
  receiving_body_id   bigint REFERENCES state_body,
  paper_ref           text,
  seq                 integer,
  imported            boolean NOT NULL DEFAULT false,
  recorded_at         timestamptz NOT NULL DEFAULT now(),
  recorded_by         name NOT NULL DEFAULT session_user,
  acted_by            text,
  imported_in_force   boolean NOT NULL DEFAULT false,
  acted_by_person_id  bigint REFERENCES person,
  rules_version       bigint,
  old_roadmap_due_date date
);
CREATE INDEX decision_instruction_idx ON decision (instruction_id, kind);
-- the order of an instruction's decisions is seq, given under the instruction's row lock
CREATE UNIQUE INDEX decision_instruction_seq_idx ON decision (instruction_id, seq);
-- a roadmap is journaled once: register_roadmap() looks its approval up by roadmap
CREATE INDEX decision_roadmap_idx ON decision (roadmap_id) WHERE roadmap_id IS NOT NULL;
-- instruction.last_decision_id has no foreign key: only the journal writes it, and
-- the guard checks every value against the decision it names.

COMMENT ON TABLE decision IS 'Append-only journal of every decision on control; inserting a row is how a decision is taken';
COMMENT ON COLUMN decision.instruction_id IS 'The instruction decided on (instruction.id); the journal''s trigger reads and locks it for every decision (23503 if it does not exist), and instructions are never deleted, so no foreign-key check is repeated per row';
COMMENT ON COLUMN decision.kind IS 'extension, transfer, new_deadline, removal, roadmap_approval or calendar_change (R50.3: the calendar changed; apply_calendar_change())';
COMMENT ON COLUMN decision.decided_by IS 'Position that decided';
COMMENT ON COLUMN decision.decided_on IS 'Day of the decision';
COMMENT ON COLUMN decision.basis IS 'Expert conclusion, agreement or letter the decision rests on (R69.1, R70.4), as free text; its kind is in evidence (typed, R69.1), which the setting instruction_control.typed_basis requires';
COMMENT ON COLUMN decision.old_due_date IS 'Due date before the decision (filled in by the journal)';
COMMENT ON COLUMN decision.new_due_date IS 'Due date after the decision';
COMMENT ON COLUMN decision.reason IS 'Transfer: the circumstances (R69.3, R69.4); new deadline: emergency, state_of_emergency or quarantine (R70.4)';
COMMENT ON COLUMN decision.ground IS 'Removal: the ground (R75)';
COMMENT ON COLUMN decision.evidence IS 'Kinds of the documents the decision rests on: a removal''s evidence (R75, R76-1); an extension''s, transfer''s or new deadline''s basis (R69.1, R70.4)';
COMMENT ON COLUMN decision.evidence_ref IS 'References (number, date, issuing body) of the documents named in evidence';
COMMENT ON COLUMN decision.disciplinary_review IS 'Repeated extension: the decision on disciplinary responsibility (R72)';
COMMENT ON COLUMN decision.repeated IS 'A repeated extension or transfer (R72), set by the journal';
COMMENT ON COLUMN decision.measures_due_date IS 'Repeated extension: information on measures due within one month (R72.4)';
COMMENT ON COLUMN decision.roadmap_due_date IS 'Transfer to long-term control without a roadmap: the roadmap is due on this day (R59); calendar change: the R56 roadmap due date the calendar now counts (R50.3)';
COMMENT ON COLUMN decision.old_roadmap_due_date IS 'Calendar change: the R56 roadmap due date before the change moved it (R50.3), so the event deadline_moved names from and to; set by the journal, NULL for every other decision and where the roadmap date did not move';
COMMENT ON COLUMN decision.roadmap_id IS 'roadmap_approval: the roadmap approved';
COMMENT ON COLUMN decision.recorded_by IS 'Session user that recorded the decision (set by the journal, never taken from the client)';
COMMENT ON COLUMN decision.acted_by IS 'The person who acted: the name of person acted_by_person_id when it was recorded (SET LOCAL instruction_control.acting_person, proven against person_role), set by the journal; NULL when none was named. recorded_by is the database role';
COMMENT ON COLUMN decision.imported_in_force IS 'Imported although dated when the amended Rules were in force (on or after 2024-02-01), on an imported instruction: the import said so explicitly (import_decision(in_force => true)); who decided is still judged (IC117, IC101)';
COMMENT ON COLUMN decision.acted_by_person_id IS 'The person (person.id) named by SET LOCAL instruction_control.acting_person and proven: the recording role may act for that person (person_role); set by the journal';
COMMENT ON COLUMN decision.rules_version IS
  'The rules version that judged the decision (rule_change; rules_as_of() shows those rules), set by the journal; NULL for imported history and decisions recorded before 0.3';
COMMENT ON COLUMN decision.recorded_at IS 'Start of the transaction that recorded it (set by the journal)';
COMMENT ON COLUMN decision.receiving_body_id IS 'Removal on ground control_passed: the body that takes over control (R75(4))';
COMMENT ON COLUMN decision.paper_ref IS 'State-secret instruction: reference of the paper document holding the basis, reason or review (R14); at most 100 characters';
COMMENT ON COLUMN decision.seq IS 'Order of the decision among the instruction''s decisions (1, 2, ...), given under the row lock';
COMMENT ON COLUMN decision.imported IS 'Imported history (import_decision): recorded as it was, not judged by the rules of Decree No. 403';

-- Who decides below PA level (R74-1) ----------------------------------------

CREATE TABLE decision_authority (
  level     control_level NOT NULL,
  action    decision_kind NOT NULL CHECK (action IN ('extension', 'transfer', 'new_deadline', 'removal')),
  decider   decider NOT NULL,
  enabled   boolean NOT NULL DEFAULT true,
  basis     text,
  seeded    boolean NOT NULL DEFAULT false,
  PRIMARY KEY (level, action, decider),
  CHECK (level <> 'pa')
);
COMMENT ON TABLE decision_authority IS
  'Who may extend, transfer, set a new deadline or remove at Government, central, local and organisation level (R74-1); seeded with the decree''s analogues, editable by an administrator';
COMMENT ON COLUMN decision_authority.enabled IS 'false withdraws the authority (seeded rows are disabled, not deleted, so dump/restore keeps the change)';
COMMENT ON COLUMN decision_authority.basis IS 'The regulation that grants the authority';
COMMENT ON COLUMN decision_authority.seeded IS 'Row installed by the extension and not changed since; user rows and changed rows are dumped';

INSERT INTO decision_authority (level, action, decider, basis, seeded)
SELECT l::control_level, a, d, b, true
  FROM (VALUES
    ('government', 'prime_minister', 'R74-1 by analogy with R69.1/R76.1: the head of the Government'),
    ('government', 'head_of_government_office', 'R74-1 by analogy with R69.1/R76.1: the Head of the Government Office'),
    ('central', 'first_head', 'R74-1: the first head of the central state body'),
    ('local', 'akim', 'R74-1: the akim of the region, the capital or the city of republican significance'),
    ('organisation', 'first_head', 'R74-1: the first head of the organisation')
  ) AS s(l, d, b)
  CROSS JOIN (VALUES ('extension'), ('transfer'), ('new_deadline'), ('removal')) AS a(a);

-- Rules ---------------------------------------------------------------------
-- Every rule id the registry cites (in messages, in the matrix, in the error
-- field CONSTRAINT_NAME) with a title in kk, ru and en, so an application can
-- show a refusal in the user's language: SELECT title_kk FROM rule WHERE id = ...

CREATE TABLE rule (
  id        text PRIMARY KEY,
  title_kk  text NOT NULL,
  title_ru  text NOT NULL,
  title_en  text NOT NULL
);
COMMENT ON TABLE rule IS
  'The rules of Decree No. 976 as amended by No. 403 that the registry cites, by id (rules.md), with titles in kk, ru and en';
COMMENT ON COLUMN rule.id IS 'Rule id as cited in errors (PG_DIAG_CONSTRAINT_NAME), messages and the decision matrix, e.g. R69.1';

INSERT INTO rule (id, title_kk, title_ru, title_en) VALUES
  ('R4.5', 'Бақылауды бекіту: мерзім, аяқталу нысаны, орындаушылар, бақылау деңгейі', 'Утверждение контроля: срок, форма завершения, исполнители, уровень контроля', 'Control approval: deadline, completion form, executors, control level'),
  ('R14', 'Мемлекеттік құпиялары бар құжаттар қағаз жеткізгіште', 'Документы, содержащие государственные секреты, на бумажном носителе', 'State secrets on paper only'),
  ('R30-1', 'Бақылау деңгейі жоба дайындалғанда белгіленеді', 'Уровень контроля определяется при подготовке проекта', 'The control level is fixed when the instruction is drafted'),
  ('R42-1.1', 'Президент Әкімшілігінің бақылауына қойылатын тапсырмалар', 'Поручения, ставящиеся на контроль Администрации Президента', 'Instructions put on control of the Presidential Administration'),
  ('R42-1.2', 'Ағымдағы (жергілікті) сипаттағы тапсырмалар ПӘ бақылауына қойылмайды', 'Поручения текущего (локального) характера не ставятся на контроль АП', 'Instructions of a current (local) character are not put on PA control'),
  ('R42-1.3', 'Өзге тапсырмалар Үкіметтің, орталық немесе жергілікті органның бақылауында', 'Иные поручения на контроле Правительства, центрального или местного органа', 'Other instructions are controlled by the Government or a central or local body'),
  ('R48-1', 'Жеке және заңды тұлғалардың жолданымдары бойынша тапсырмаларды бақылау ерекшеліктерін ПӘ айқындайды', 'Особенности контроля поручений по обращениям физических и юридических лиц определяет АП', 'The PA sets the particulars of control of instructions on appeals of individuals and legal entities'),
  ('R42-1.4', 'Бақылауы берілген тапсырмаларды Үкімет бақылайды', 'Поручения, контроль которых передан, контролирует Правительство', 'Instructions whose control was passed are controlled by the Government'),
  ('R50.1', 'Тапсырмалар актіде, бақылауды бекітуде немесе бұрыштамада белгіленген мерзімде орындалады', 'Поручения исполняются в сроки акта, утверждения контроля или резолюции', 'Deadlines of the act, the control approval or a resolution'),
  ('R50.2', 'Мерзімді Президент Әкімшілігі белгілейді; құпия тапсырмалар қағаз карточкада', 'Срок устанавливает Администрация Президента; секретные поручения в бумажной карточке', 'The PA sets the deadline; state secrets on a paper card'),
  ('R50.3', 'Мерзімдер алған күннен бастап жұмыс күндерімен есептеледі', 'Сроки исчисляются в рабочих днях со дня получения', 'Deadlines are counted in working days from receipt'),
  ('R51', 'Жеке тапсырмалар қол қойылған күннен бастап екі апта ішінде орындалады', 'Личные поручения исполняются в течение двух недель со дня подписания', 'Personal instructions within two weeks of signing'),
  ('R56', 'Жол картасы алған күннен бастап 10 жұмыс күні ішінде әзірленеді', 'Дорожная карта разрабатывается в течение 10 рабочих дней со дня получения', 'A roadmap within 10 working days of receipt'),
  ('R57', 'Жол картасын бекіту', 'Утверждение дорожной карты', 'Approval of a roadmap'),
  ('R59', 'Ұзақ мерзімді бақылауға ауыстырғанда жол картасы міндетті', 'При переводе на долгосрочный контроль дорожная карта обязательна', 'Long-term control needs a roadmap'),
  ('R66-1.1', 'Аралық бақылау мерзімдері', 'Промежуточные сроки контроля', 'Intermediate control deadlines'),
  ('R66-3.5', 'Мерзімнің бұзылу қаупі туралы дереу хабарлау', 'Незамедлительное информирование о риске нарушения срока', 'Immediate report of a risk to the deadline'),
  ('R69.1', 'Мерзімді ұзарту немесе ауыстыру бір реттен артық емес', 'Продление срока или перевод не более одного раза', 'One extension or transfer'),
  ('R69.2', 'Қауіпсіздік Кеңесінің тапсырмалары бойынша шешім', 'Решение по поручениям Совета Безопасности', 'Security Council instructions'),
  ('R69.3', 'Орта мерзімді бақылауға ауыстыру', 'Перевод на среднесрочный контроль', 'Transfer to medium-term control'),
  ('R69.4', 'Ұзақ мерзімді бақылауға ауыстыру', 'Перевод на долгосрочный контроль', 'Transfer to long-term control'),
  ('R70.4', 'Төтенше жағдай, төтенше ахуал немесе карантин кезінде жаңа мерзім белгілеу', 'Установление нового срока при чрезвычайном положении, чрезвычайной ситуации или карантине', 'A new deadline in an emergency or quarantine'),
  ('R70.5', 'Қауіпсіздік Кеңесінің тапсырмалары бойынша жаңа мерзім', 'Новый срок по поручениям Совета Безопасности', 'New deadline of a Security Council instruction'),
  ('R72.1', 'Жалпыұлттық жоспар бойынша қайталап ұзарту', 'Повторное продление по Общенациональному плану', 'Repeated extension of a national-plan item'),
  ('R72.2', 'Тәртіптік жауаптылықты қарай отырып қайталап ұзарту', 'Повторное продление с рассмотрением дисциплинарной ответственности', 'Repeated extension with disciplinary review'),
  ('R72.3', 'Қауіпсіздік Кеңесінің тапсырмаларын қайталап ұзарту', 'Повторное продление поручений Совета Безопасности', 'Repeated extension of a Security Council instruction'),
  ('R72.4', 'Қабылданған шаралар туралы ақпарат бір ай ішінде', 'Информация о принятых мерах в течение месяца', 'Information on measures within one month'),
  ('R74', 'Жеке тапсырмалардың мерзімін тек Президент ұзартады', 'Сроки личных поручений продлевает только Президент', 'Only the President extends personal instructions'),
  ('R74-1', 'Үкімет пен органдар деңгейінде ұқсас тәртіп', 'Аналогичный порядок на уровне Правительства и органов', 'The same order below the PA, by analogy'),
  ('R75', 'Бақылаудан алу негіздері', 'Основания снятия с контроля', 'Grounds for removal from control'),
  ('R76.1', 'Бақылаудан Президент немесе ПӘ Басшысы алады', 'Снимает с контроля Президент или Руководитель АП', 'Removal by the President or the Head of the PA'),
  ('R76.4', 'Қауіпсіздік Кеңесінің тапсырмаларын бақылаудан алу', 'Снятие с контроля поручений Совета Безопасности', 'Removal of Security Council instructions'),
  ('R76-1', 'Жекелеген санаттар бойынша бақылаудан алу үшін құжаттар', 'Документы для снятия с контроля по отдельным категориям', 'Evidence for removal by category'),
  ('R77', 'Жеке тапсырмаларды бақылаудан тек Президент алады', 'Личные поручения снимает с контроля только Президент', 'Only the President removes personal instructions'),
  ('R79', 'ПӘ бақылауындағы тармақты орган ПӘ алғаннан кейін алады', 'Пункт на контроле АП орган снимает после снятия АП', 'A body removes a PA-controlled point after the PA'),
  ('Decree No. 403', 'Өзгерістер 2024 жылғы 1 ақпаннан бастап күшіне енді', 'Изменения вступили в силу с 1 февраля 2024 года', 'The amendments are in force from 1 February 2024'),
  ('journal', 'Шешімдер журналы: шешім күні мен реті', 'Журнал решений: дата и порядок решения', 'The decision journal: date and order of decisions'),
  ('matrix', 'Шешім қабылдаушылар матрицасы', 'Матрица принимающих решения', 'The decision matrix');

-- The decision matrix: who may decide (R57, R69-R77, R74-1) -----------------
-- One row per answer of the decree: for an action, at a level (NULL: any), on
-- a class of kinds, first or repeated (NULL: either), for a roadmap's drafter
-- (R57), in force between two days.  Rows are tried by precedence; the first
-- that matches answers.  The administrator's R74-1 rows below PA stay in
-- decision_authority; the view decision_matrix shows both as one matrix,
-- which is what the triggers read (cached per session, refreshed when either
-- table changes).  An amendment of the decree is a change of one row here.

CREATE DOMAIN kind_class AS text
  CHECK (VALUE IN ('any', 'personal', 'personal_unpublished', 'security_council', 'national_plan',
                   'document_or_appeal'));
COMMENT ON DOMAIN kind_class IS
  'The kinds a rule singles out: any, personal (published or not), personal_unpublished, security_council, national_plan, document_or_appeal (instructions on service documents and appeals of individuals and legal entities, whose particulars the PA sets as rows of the matrix: R48-1)';

CREATE TABLE decision_rule (
  id              integer PRIMARY KEY,
  action          decision_kind NOT NULL,
  level           control_level,
  kind_class      kind_class NOT NULL DEFAULT 'any',
  repeated        boolean,
  drafter         roadmap_drafter,
  deciders        decider[] NOT NULL,
  rule_id         text NOT NULL REFERENCES rule,
  precedence      integer NOT NULL,
  effective_from  date,
  effective_to    date,
  enabled         boolean NOT NULL DEFAULT true,
  basis           text,
  seeded          boolean NOT NULL DEFAULT false,
  CHECK (effective_from IS NULL OR effective_to IS NULL OR effective_from <= effective_to),
  CHECK (isfinite(effective_from) AND isfinite(effective_to)),
  CHECK ((drafter IS NULL) = (action <> 'roadmap_approval')),
  CHECK (precedence BETWEEN 1 AND 899)
);
COMMENT ON TABLE decision_rule IS
  'The decree''s rows of the decision matrix: who may take a decision (R57, R69-R77); one row per answer, tried by precedence';
COMMENT ON COLUMN decision_rule.level IS 'Level the row answers for; NULL: every level';
COMMENT ON COLUMN decision_rule.kind_class IS 'Kinds of instruction the row singles out (kind_class)';
COMMENT ON COLUMN decision_rule.repeated IS 'true: a repeated extension or transfer only (R72); false: a first one only; NULL: either';
COMMENT ON COLUMN decision_rule.drafter IS 'roadmap_approval: the kind of body that drafted the roadmap (R57)';
COMMENT ON COLUMN decision_rule.deciders IS 'Positions that may decide';
COMMENT ON COLUMN decision_rule.rule_id IS 'The rule of rules.md that says so, e.g. R69.1';
COMMENT ON COLUMN decision_rule.precedence IS 'Rows are tried in this order (1-899; the administrator''s R74-1 rows come at 900)';
COMMENT ON COLUMN decision_rule.effective_from IS 'First day of decisions the row judges (NULL: open)';
COMMENT ON COLUMN decision_rule.effective_to IS 'Last day of decisions the row judges (NULL: open)';
COMMENT ON COLUMN decision_rule.enabled IS 'false withdraws the row (seeded rows are disabled, not deleted)';
COMMENT ON COLUMN decision_rule.seeded IS 'Row installed by the extension and not changed since; user rows and changed rows are dumped';

INSERT INTO decision_rule (id, action, level, kind_class, repeated, drafter, deciders, rule_id, precedence,
                           effective_from, basis, seeded)
SELECT id, action, level::control_level, kind_class, repeated, drafter, deciders::decider[], rule_id, precedence,
       date '2024-02-01', basis, true
  FROM (VALUES
    (10,  'removal',      NULL, 'personal',             NULL::boolean, NULL, '{president}',               'R77',   10,  'Personal instructions, published or not, are removed only by the President, at every level of control (R74-1''s analogy does not reach R77)'),
    (20,  'removal',      'pa', 'security_council',     NULL,  NULL, '{president,secretary_sc}',  'R76.4', 20,  'Security Council instructions: the President or the Secretary of the SC'),
    (30,  'removal',      'pa', 'any',                  NULL,  NULL, '{president,head_of_pa}',    'R76.1', 30,  'The President or the Head of the PA'),
    (40,  'extension',    NULL, 'national_plan',        true,  NULL, '{president}',               'R72.1', 40,  'A repeated extension of a national-plan item: the President, at every level'),
    (41,  'transfer',     NULL, 'national_plan',        true,  NULL, '{president}',               'R72.1', 41,  'A repeated transfer of a national-plan item: the President, at every level'),
    (50,  'extension',    NULL, 'personal_unpublished', NULL,  NULL, '{president}',               'R74',   50,  'Personal instructions: only the President moves their deadline, at every level of control (R74-1''s analogy does not reach R74)'),
    (51,  'transfer',     NULL, 'personal_unpublished', NULL,  NULL, '{president}',               'R74',   51,  'R74 read as covering every change of the deadline (README), at every level of control (R74-1''s analogy does not reach R74)'),
    (52,  'new_deadline', NULL, 'personal_unpublished', NULL,  NULL, '{president}',               'R74',   52,  'R74 read as covering every change of the deadline (README), at every level of control (R74-1''s analogy does not reach R74)'),
    (60,  'new_deadline', 'pa', 'security_council',     NULL,  NULL, '{president,secretary_sc}',  'R70.5', 60,  'Security Council instructions: the President or the Secretary of the SC'),
    (70,  'extension',    'pa', 'security_council',     true,  NULL, '{president,secretary_sc}',  'R72.3', 70,  'Repeated, in exceptional cases'),
    (71,  'transfer',     'pa', 'security_council',     true,  NULL, '{president,secretary_sc}',  'R72.3', 71,  'Repeated, in exceptional cases'),
    (80,  'extension',    'pa', 'security_council',     false, NULL, '{president,secretary_sc}',  'R69.2', 80,  'R69.2 replaces the Head of the PA, not the President (revised reading)'),
    (81,  'transfer',     'pa', 'security_council',     false, NULL, '{president,secretary_sc}',  'R69.2', 81,  'R69.2 replaces the Head of the PA, not the President (revised reading)'),
    (90,  'new_deadline', 'pa', 'any',                  NULL,  NULL, '{president,head_of_pa}',    'R70.4', 90,  'R70.4 names no decider: those of R69.1 by analogy'),
    (100, 'extension',    'pa', 'any',                  true,  NULL, '{president,head_of_pa}',    'R72.2', 100, 'Repeated, with disciplinary responsibility considered'),
    (101, 'transfer',     'pa', 'any',                  true,  NULL, '{president,head_of_pa}',    'R72.2', 101, 'Repeated, with disciplinary responsibility considered'),
    (110, 'extension',    'pa', 'any',                  false, NULL, '{president,head_of_pa}',    'R69.1', 110, 'Once, on an expert conclusion or the PA''s agreement'),
    (111, 'transfer',     'pa', 'any',                  false, NULL, '{president,head_of_pa}',    'R69.1', 111, 'Once, to medium- or long-term control (R69.3, R69.4)'),
    (200, 'roadmap_approval', NULL, 'any', NULL, 'central_outside_government', '{first_head}', 'R57', 200, 'A central body outside the Government: its first head (after the Prime Minister''s agreement where needed)'),
    (201, 'roadmap_approval', NULL, 'any', NULL, 'central_interdepartmental', '{deputy_prime_minister,head_of_government_office}', 'R57', 201, 'Interdepartmental measures: the supervising Deputy PM or the Head of the Government Office'),
    (202, 'roadmap_approval', NULL, 'any', NULL, 'local',                     '{akim}',       'R57', 202, 'A local executive body: the akim'),
    (203, 'roadmap_approval', NULL, 'any', NULL, 'executor_only',             '{first_head}', 'R57', 203, 'Only the executor and its organisations: its first head')
  ) AS v(id, action, level, kind_class, repeated, drafter, deciders, rule_id, precedence, basis);

CREATE VIEW decision_matrix AS
SELECT r.precedence, r.action::text AS action, r.level::text AS level, r.kind_class::text AS kind_class,
       r.repeated, r.drafter::text AS drafter, r.deciders::text[] AS deciders, r.rule_id,
       r.effective_from, r.effective_to, r.basis, 'decision_rule'::text AS source
  FROM decision_rule r
 WHERE r.enabled
UNION ALL
SELECT 900, a.action::text, a.level::text, 'any', NULL, NULL,
       array_agg(a.decider::text ORDER BY a.decider::text COLLATE "C"), 'R74-1', NULL, NULL,
       string_agg(a.basis, '; ' ORDER BY a.decider::text COLLATE "C"), 'decision_authority'
  FROM decision_authority a
 WHERE a.enabled
 GROUP BY a.action, a.level;
COMMENT ON VIEW decision_matrix IS
  'Who may decide, as the rules read it: the decree''s rows (decision_rule) and the administrator''s R74-1 rows below PA (decision_authority), tried by precedence; the first matching row answers';
COMMENT ON COLUMN decision_matrix.precedence IS 'Order in which rows are tried (R74-1 rows at 900)';
COMMENT ON COLUMN decision_matrix.action IS 'extension, transfer, new_deadline, removal or roadmap_approval';
COMMENT ON COLUMN decision_matrix.level IS 'Control level; NULL: every level';
COMMENT ON COLUMN decision_matrix.kind_class IS 'Kinds the row singles out (any, personal, personal_unpublished, security_council, national_plan)';
COMMENT ON COLUMN decision_matrix.repeated IS 'true: repeated extension or transfer only; false: first only; NULL: either';
COMMENT ON COLUMN decision_matrix.drafter IS 'roadmap_approval: kind of drafting body (R57)';
COMMENT ON COLUMN decision_matrix.deciders IS 'Positions that may decide';
COMMENT ON COLUMN decision_matrix.rule_id IS 'Rule id of rules.md';
COMMENT ON COLUMN decision_matrix.effective_from IS 'First day the row judges (NULL: open)';
COMMENT ON COLUMN decision_matrix.effective_to IS 'Last day the row judges (NULL: open)';
COMMENT ON COLUMN decision_matrix.basis IS 'Why: the decree''s wording, or the regulation granting an R74-1 authority';
COMMENT ON COLUMN decision_matrix.source IS 'decision_rule (the decree) or decision_authority (the administrator, R74-1)';

-- Roadmaps and reports ------------------------------------------------------

CREATE TABLE roadmap (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instruction_id      bigint NOT NULL REFERENCES instruction,
  drafted_by_body_id  bigint REFERENCES state_body,
  drafter             roadmap_drafter NOT NULL,
  approved_by         decider NOT NULL,
  approved_on         date NOT NULL DEFAULT current_date,
  touches_government_powers boolean NOT NULL DEFAULT false,
  agreed_with_prime_minister boolean NOT NULL DEFAULT false,
  agreed_with_pa_on   date,
  document_ref        text,
  recorded_at         timestamptz NOT NULL DEFAULT now(),
  submitted_to_pa_on  date
);
CREATE INDEX roadmap_instruction_idx ON roadmap (instruction_id);
ALTER TABLE decision ADD FOREIGN KEY (roadmap_id) REFERENCES roadmap;
COMMENT ON TABLE roadmap IS 'Roadmaps (plans of organisational measures, Appendix 3) and their approval (R56, R57, R59)';
COMMENT ON COLUMN roadmap.drafter IS 'Kind of drafting body, which fixes the approver (R57); must fit the drafting body (drafted_by_body_id, else the responsible body): inside the Government central_interdepartmental, outside it or directly subordinate to the President central_outside_government, local local; executor_only fits every body';
COMMENT ON COLUMN roadmap.drafted_by_body_id IS 'The body that drafted it (R57); NULL: the instruction''s responsible body';
COMMENT ON COLUMN roadmap.approved_by IS 'Position that approved it (R57)';
COMMENT ON COLUMN roadmap.touches_government_powers IS 'Touches the Government''s powers: needs the Prime Minister''s agreement (R57)';
COMMENT ON COLUMN roadmap.agreed_with_pa_on IS 'Day the PA agreed it, where needed (R57: within 5 working days of submitted_to_pa_on, the PA''s own term); not before submission, approval or receipt, not in the future; written once (agree_roadmap_with_pa)';
COMMENT ON COLUMN roadmap.submitted_to_pa_on IS 'Day it was submitted to the PA for agreement, where needed (R57: the PA''s 5 working days run from it); not before receipt, not in the future; written once (submit_roadmap_to_pa)';

CREATE TABLE report (
  id                  bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  instruction_id      bigint NOT NULL REFERENCES instruction,
  kind                report_kind NOT NULL,
  period_end          date,
  submitted_on        date NOT NULL DEFAULT current_date,
  submitted_by_body_id bigint REFERENCES state_body,
  addressee           decider,
  content             text,
  document_ref        text,
  recorded_at         timestamptz NOT NULL DEFAULT now(),
  signed_by           signatory,
  signed_by_person_id bigint REFERENCES person,
  resolution_addressee signatory
);
CREATE INDEX report_instruction_idx ON report (instruction_id, submitted_on);
COMMENT ON TABLE report IS 'Intermediate, final, risk and measures reports on an instruction (R66-1, R66-3.5, R72.4)';
COMMENT ON COLUMN report.period_end IS 'End of the reporting period an intermediate report covers';
COMMENT ON COLUMN report.addressee IS 'Official it goes to by area of supervision (R66-1.2, R66-1.3)';
COMMENT ON COLUMN report.signed_by IS 'Position that signed it (R67): the Government''s information by the addressee of the resolution (the Prime Minister, the Deputy Prime Minister concerned or the Head of the Government Office), interim information to the Head of the President''s Office, an Assistant or an Adviser also by a deputy (part 2); another body''s by its first head (the registry''s reading); NULL: not recorded';
COMMENT ON COLUMN report.signed_by_person_id IS 'The person who signed (R67): an active person of the submitting body (else of the responsible body)';
COMMENT ON COLUMN report.resolution_addressee IS 'The Government''s information only: to whom in the Government the resolution of the President, the Head of the PA or the Secretary of the SC was addressed; the signatory must be that addressee (R67)';

