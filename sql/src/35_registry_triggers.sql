-- Labels for people (kk, ru, en) -------------------------------------------

CREATE TABLE vocabulary (
  domain  text NOT NULL,
  code    text NOT NULL,
  kk      text NOT NULL,
  ru      text NOT NULL,
  en      text NOT NULL,
  PRIMARY KEY (domain, code)
);
COMMENT ON TABLE vocabulary IS 'Kazakh, Russian and English names of the registry''s codes (deciders, regimes, grounds, ...)';
COMMENT ON COLUMN vocabulary.domain IS 'The domain the code belongs to, e.g. decider, control_regime';

INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('decider', 'president', 'Қазақстан Республикасының Президенті', 'Президент Республики Казахстан', 'President of the Republic of Kazakhstan'),
  ('decider', 'head_of_pa', 'Президент Әкімшілігінің Басшысы', 'Руководитель Администрации Президента', 'Head of the Presidential Administration'),
  ('decider', 'secretary_sc', 'Қауіпсіздік Кеңесінің Хатшысы', 'Секретарь Совета Безопасности', 'Secretary of the Security Council'),
  ('decider', 'state_counsellor', 'Мемлекеттік кеңесші', 'Государственный советник', 'State Counsellor'),
  ('decider', 'head_of_presidents_office', 'Президент Кеңесінің бастығы', 'Начальник Канцелярии Президента', 'Head of the President''s Office'),
  ('decider', 'assistant_or_adviser', 'Президенттің көмекшісі немесе кеңесшісі', 'Помощник или советник Президента', 'Assistant or Adviser to the President'),
  ('decider', 'pa_unit_head', 'Президент Әкімшілігі құрылымдық бөлімшесінің басшысы', 'Руководитель структурного подразделения Администрации Президента', 'Head of a PA structural unit'),
  ('decider', 'prime_minister', 'Премьер-Министр', 'Премьер-Министр', 'Prime Minister'),
  ('decider', 'deputy_prime_minister', 'Премьер-Министрдің орынбасары', 'Заместитель Премьер-Министра', 'Deputy Prime Minister'),
  ('decider', 'head_of_government_office', 'Үкімет Аппаратының Басшысы', 'Руководитель Аппарата Правительства', 'Head of the Government Office'),
  ('decider', 'first_head', 'Бірінші басшы', 'Первый руководитель', 'First head'),
  ('decider', 'akim', 'Әкім', 'Аким', 'Akim'),
  ('control_regime', 'regular', 'Ағымдағы бақылау', 'Текущий контроль', 'Regular control'),
  ('control_regime', 'medium_term', 'Орта мерзімді бақылау', 'Среднесрочный контроль', 'Medium-term control'),
  ('control_regime', 'long_term', 'Ұзақ мерзімді бақылау', 'Долгосрочный контроль', 'Long-term control'),
  ('decision_kind', 'extension', 'Мерзімді ұзарту', 'Продление срока', 'Extension of the deadline'),
  ('decision_kind', 'transfer', 'Орта немесе ұзақ мерзімді бақылауға ауыстыру', 'Перевод на средне- или долгосрочный контроль', 'Transfer to medium- or long-term control'),
  ('decision_kind', 'new_deadline', 'Жаңа мерзімді белгілеу', 'Установление нового срока', 'New deadline'),
  ('decision_kind', 'removal', 'Бақылаудан алу', 'Снятие с контроля', 'Removal from control'),
  ('decision_kind', 'roadmap_approval', 'Жол картасын бекіту', 'Утверждение дорожной карты', 'Approval of the roadmap'),
  ('decision_kind', 'calendar_change', 'Күнтізбенің өзгеруіне байланысты мерзімнің ауысуы', 'Перенос срока в связи с изменением календаря', 'Deadline moved by a change of the calendar'),
  ('removal_ground', 'executed', 'Толық және сапалы орындау', 'Полное и качественное исполнение', 'Full and proper execution'),
  ('removal_ground', 'duplicated', 'Бұрынғы тапсырманы қамтитын жаңа тапсырма', 'Новое поручение, содержащее прежнее', 'Contained in a new instruction'),
  ('removal_ground', 'impossible', 'Объективті себептермен орындау мүмкін еместігі', 'Невозможность исполнения по объективным причинам', 'Execution impossible for objective reasons'),
  ('removal_ground', 'control_passed', 'Бақылауды Үкіметке немесе өзге органға беру', 'Передача контроля Правительству или иному органу', 'Control passed to the Government or another body'),
  ('instruction_status', 'on_control', 'Бақылауда', 'На контроле', 'On control'),
  ('instruction_status', 'removed', 'Бақылаудан алынды', 'Снято с контроля', 'Removed from control'),
  ('report_kind', 'intermediate', 'Аралық ақпарат', 'Промежуточная информация', 'Intermediate report'),
  ('report_kind', 'final', 'Қорытынды ақпарат', 'Итоговая информация', 'Final report'),
  ('report_kind', 'risk', 'Мерзімнің бұзылу қаупі туралы ақпарат', 'Информация о риске нарушения срока', 'Risk of late execution'),
  ('report_kind', 'measures', 'Қабылданған шаралар туралы ақпарат', 'Информация о принятых мерах', 'Information on measures taken'),
  ('new_deadline_reason', 'emergency', 'Төтенше ахуал', 'Чрезвычайная ситуация', 'Emergency'),
  ('new_deadline_reason', 'state_of_emergency', 'Төтенше жағдай режимі', 'Режим чрезвычайного положения', 'State of emergency'),
  ('new_deadline_reason', 'quarantine', 'Карантин', 'Карантин', 'Quarantine'),
  ('body_type', 'presidential_administration', 'Президент Әкімшілігі', 'Администрация Президента', 'Presidential Administration'),
  ('body_type', 'security_council', 'Қауіпсіздік Кеңесі', 'Совет Безопасности', 'Security Council'),
  ('body_type', 'government', 'Үкімет', 'Правительство', 'Government'),
  ('body_type', 'central', 'Орталық мемлекеттік орган', 'Центральный государственный орган', 'Central state body'),
  ('body_type', 'local', 'Жергілікті атқарушы орган', 'Местный исполнительный орган', 'Local executive body'),
  ('body_type', 'organisation', 'Ұйым', 'Организация', 'Organisation'),
  ('deadline_source', 'term', 'Мерзімнен жұмыс күндерімен есептелген', 'Исчислен от срока в рабочих днях', 'Counted from the term'),
  ('deadline_source', 'two_weeks', 'Қол қойылған күннен бастап екі апта', 'Две недели со дня подписания', 'Two weeks from signing'),
  ('deadline_source', 'act', 'Актінің немесе тапсырманың мәтінінде', 'В тексте акта или поручения', 'Set in the act or instruction'),
  ('deadline_source', 'control_approval', 'Бақылауды бекітуде', 'В утверждении контроля', 'Set in the control approval'),
  ('deadline_source', 'resolution', 'Бұрыштамада', 'В резолюции', 'Set in a resolution'),
  ('deadline_source', 'pa', 'Президент Әкімшілігі белгілеген', 'Установлен Администрацией Президента', 'Set by the Presidential Administration'),
  ('evidence_kind', 'official_report', 'Орындау туралы ресми ақпарат', 'Официальная информация об исполнении', 'Official report on execution'),
  ('evidence_kind', 'act_adopted', 'Қабылданған акт', 'Принятый акт', 'Act adopted'),
  ('evidence_kind', 'law_signed', 'Заңға Президент қол қойды', 'Закон подписан Президентом', 'Law signed by the President'),
  ('evidence_kind', 'pa_unit_memo', 'ПӘ құрылымдық бөлімшесінің қызметтік жазбасы', 'Служебная записка структурного подразделения АП', 'Memo of the PA unit'),
  ('evidence_kind', 'executor_final_report', 'Орындаушының қорытынды ақпараты', 'Итоговая информация исполнителя', 'Executor''s final report'),
  ('evidence_kind', 'pa_expert_conclusion', 'ПӘ құрылымдық бөлімшесінің сараптамалық қорытындысы', 'Экспертное заключение структурного подразделения АП', 'Expert conclusion of the PA unit'),
  ('evidence_kind', 'event_held', 'Іс-шара өткізілді', 'Мероприятие проведено', 'Event took place'),
  ('evidence_kind', 'new_instruction', 'Жаңа тапсырма', 'Новое поручение', 'New instruction'),
  ('evidence_kind', 'control_passed_decision', 'Бақылауды беру туралы шешім', 'Решение о передаче контроля', 'Decision passing control'),
  ('evidence_kind', 'pa_agreement', 'Үкіметтің немесе орындаушы органның ұсынысын ПӘ келісуі', 'Согласование АП предложения Правительства или исполняющего органа', 'PA''s agreement to the proposal'),
  ('evidence_kind', 'executor_letter', 'Жауапты орындаушы органның хаты', 'Письмо ответственного исполняющего органа', 'Letter of the responsible executor'),
  ('evidence_kind', 'body_expert_conclusion', 'Бақылаушы орган бөлімшесінің сараптамалық қорытындысы', 'Экспертное заключение подразделения контролирующего органа', 'Expert conclusion of the controlling body''s unit'),
  ('evidence_kind', 'body_unit_memo', 'Бақылаушы орган бөлімшесінің қызметтік жазбасы', 'Служебная записка подразделения контролирующего органа', 'Memo of the controlling body''s unit'),
  ('evidence_kind', 'body_agreement', 'Ұсынысты бақылаушы органның келісуі', 'Согласование предложения контролирующим органом', 'Controlling body''s agreement to the proposal'),
  ('executor_role', 'responsible', 'Жауапты орындаушы', 'Ответственный исполнитель', 'Responsible executor'),
  ('executor_role', 'co_executor', 'Бірлесіп орындаушы', 'Соисполнитель', 'Co-executor'),
  ('kind_class', 'any', 'Кез келген түрі', 'Любой вид', 'Any kind'),
  ('kind_class', 'personal', 'Президенттің жеке тапсырмалары (жарияланғандарын қоса)', 'Личные поручения Президента (включая опубликованные)', 'Personal instructions, published or not'),
  ('kind_class', 'personal_unpublished', 'Президенттің жарияланбаған жеке тапсырмалары', 'Неопубликованные личные поручения Президента', 'Personal instructions, not published'),
  ('kind_class', 'security_council', 'Қауіпсіздік Кеңесінің шешімдері', 'Решения Совета Безопасности', 'Security Council decisions'),
  ('kind_class', 'document_or_appeal', 'Құжаттар мен жолданымдар бойынша тапсырмалар', 'Поручения по документам и обращениям', 'Instructions on documents and appeals'),
  ('kind_class', 'national_plan', 'Жалпыұлттық іс-шаралар жоспарының тармақтары', 'Пункты Общенационального плана мероприятий', 'National action plan items'),
  ('monitoring_category', 'monument', 'Ескерткіштер салу', 'Строительство памятников', 'Construction of monuments'),
  ('monitoring_category', 'construction', 'Құрылыс, реконструкциялау және жөндеу', 'Строительство, реконструкция и ремонт', 'Construction, reconstruction and repair'),
  ('monitoring_category', 'digitalisation', 'Цифрландыру', 'Цифровизация', 'Digitalisation'),
  ('monitoring_category', 'named_law', 'Нақты заң', 'Конкретный закон', 'A specific named law'),
  ('monitoring_category', 'law_amendments', 'Заңдарға түзетулер', 'Поправки в законы', 'Amendments to laws'),
  ('monitoring_category', 'event_or_naming', 'Іс-шаралар және атау беру', 'Мероприятия и присвоение наименований', 'Events and naming'),
  ('reporting_period', 'monthly', 'Ай сайын', 'Ежемесячно', 'Monthly'),
  ('reporting_period', 'quarterly', 'Тоқсан сайын', 'Ежеквартально', 'Quarterly'),
  ('reporting_period', 'half_yearly', 'Жарты жылда бір рет', 'Раз в полугодие', 'Half-yearly'),
  ('reporting_period', 'yearly', 'Жыл сайын', 'Ежегодно', 'Yearly'),
  ('reporting_period', 'explicit', 'ПӘ белгілеген күндерде', 'В сроки, установленные АП', 'On the dates the PA set'),
  ('roadmap_drafter', 'central_outside_government', 'Үкімет құрамына кірмейтін орталық мемлекеттік орган', 'Центральный государственный орган, не входящий в состав Правительства', 'Central body outside the Government'),
  ('roadmap_drafter', 'central_interdepartmental', 'Ведомствоаралық іс-шаралары бар орталық мемлекеттік орган', 'Центральный государственный орган с межведомственными мероприятиями', 'Central body with interdepartmental measures'),
  ('roadmap_drafter', 'local', 'Жергілікті атқарушы орган', 'Местный исполнительный орган', 'Local executive body'),
  ('roadmap_drafter', 'executor_only', 'Орындаушы және оның ведомстволық бағынысты ұйымдары', 'Исполнитель и подведомственные ему организации', 'The executor and its subordinate organisations'),
  ('secrecy_class', 'none', 'Құпия емес', 'Несекретно', 'Not classified'),
  ('secrecy_class', 'restricted', 'Қызмет бабында пайдалану үшін', 'Для служебного пользования', 'Restricted (for official use)'),
  ('secrecy_class', 'state_secret', 'Мемлекеттік құпиялар', 'Государственные секреты', 'State secret');

CREATE FUNCTION label(domain text, code text, lang text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  result text;
BEGIN
  IF lang NOT IN ('kk', 'ru', 'en') THEN
    RAISE EXCEPTION 'unknown language "%"', lang
      USING ERRCODE = '22023', HINT = 'Use kk, ru or en.';
  END IF;
  SELECT CASE lang WHEN 'kk' THEN v.kk WHEN 'ru' THEN v.ru ELSE v.en END
    INTO result FROM vocabulary v WHERE v.domain = label.domain AND v.code = label.code;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no label for % "%"', domain, code
      USING ERRCODE = '22023',
            HINT = 'The domains with labels are listed in instruction_control.vocabulary.';
  END IF;
  RETURN result;
END
$$;
COMMENT ON FUNCTION label(text, text, text) IS
  'Name of a registry code for people, in Kazakh (kk), Russian (ru) or English (en): label(''decider'', ''head_of_pa'', ''kk'')';

-- One vocabulary: the labels above for every code of every domain, the codes
-- the C code knows (vocabulary_codes(), checked against the domains and the
-- labels by the regress test vocabulary), and synonyms an administrator adds.

CREATE FUNCTION vocabulary_codes(OUT domain text, OUT code text, OUT ordinal integer)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'ic_vocabulary_codes'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION vocabulary_codes() IS
  'The codes the extension''s C code knows, per domain or type, in their order (for checking the SQL vocabulary against them)';

CREATE FUNCTION label(code text, lang text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  domains text[];
BEGIN
  IF EXISTS (SELECT 1 FROM control_levels() l WHERE l::text = code) THEN
    RETURN label(code::control_level, lang);
  END IF;
  IF EXISTS (SELECT 1 FROM instruction_kinds() k WHERE k::text = code) THEN
    RETURN label(code::instruction_kind, lang);
  END IF;
  SELECT array_agg(v.domain ORDER BY v.domain COLLATE "C") INTO domains FROM vocabulary v WHERE v.code = label.code;
  IF domains IS NULL THEN
    RAISE EXCEPTION 'no label for code "%"', code
      USING ERRCODE = '22023', HINT = 'The codes with labels are listed in instruction_control.vocabulary.';
  ELSIF cardinality(domains) > 1 THEN
    RAISE EXCEPTION 'code "%" belongs to several vocabularies: %', code, array_to_string(domains, ', ')
      USING ERRCODE = '22023', HINT = format('Name the vocabulary: label(%L, %L, %L).', domains[1], code, lang);
  END IF;
  RETURN label(domains[1], code, lang);
END
$$;
COMMENT ON FUNCTION label(text, text) IS
  'Name of a code for people in kk, ru or en, e.g. label(''pa'', ''kk''); control levels and instruction kinds first, then the one vocabulary that has the code';

CREATE TABLE vocabulary_synonym (
  domain    text NOT NULL,
  synonym   text NOT NULL CHECK (synonym = lower(btrim(synonym) COLLATE instruction_control.und) AND synonym <> ''),
  code      text NOT NULL,
  PRIMARY KEY (domain, synonym),
  FOREIGN KEY (domain, code) REFERENCES vocabulary (domain, code)
);
COMMENT ON TABLE vocabulary_synonym IS
  'An administrator''s own names for codes (abbreviations of a host registry), read by code_of(); lower case, trimmed';
COMMENT ON COLUMN vocabulary_synonym.synonym IS 'The name as the host registry writes it, lower case and trimmed';
COMMENT ON COLUMN vocabulary_synonym.code IS 'The code it stands for';
SELECT pg_catalog.pg_extension_config_dump('vocabulary_synonym', '');

CREATE FUNCTION code_of(domain text, name text)
RETURNS text
LANGUAGE plpgsql STABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  -- case folded by ICU's root rules, not the database's lc_ctype (issue 17 item 3)
  folded text := lower(btrim(name, E' \t\r\n\u00a0') COLLATE instruction_control.und);
  result text;
BEGIN
  SELECT v.code INTO result FROM vocabulary v
   WHERE v.domain = code_of.domain
     AND folded IN (v.code, lower(v.kk COLLATE instruction_control.und), lower(v.ru COLLATE instruction_control.und),
                    lower(v.en COLLATE instruction_control.und))
   LIMIT 1;
  IF result IS NULL THEN
    SELECT s.code INTO result FROM vocabulary_synonym s
     WHERE s.domain = code_of.domain AND s.synonym = folded;
  END IF;
  IF result IS NULL THEN
    RAISE EXCEPTION 'no code of % is named "%"', domain, name
      USING ERRCODE = '22023',
            HINT = 'Use a code, a kk/ru/en label, or add a synonym to instruction_control.vocabulary_synonym.';
  END IF;
  RETURN result;
END
$$;
COMMENT ON FUNCTION code_of(text, text) IS
  'The code of a vocabulary named by its code, its kk/ru/en label or an administrator''s synonym, e.g. code_of(''decider'', ''РАП'')';

-- Triggers (C) --------------------------------------------------------------

CREATE FUNCTION instruction_guard()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_instruction_guard' LANGUAGE C;
COMMENT ON FUNCTION instruction_guard() IS
  'Trigger: judges putting on control (R42-1, R14, R50, R51, R56) and refuses changes that bypass decisions';

-- R56 in one place: the guard writes the roadmap due date on receipt with the
-- same C rule the SQL calls to replay a past day (sweep_state_as_of).
CREATE FUNCTION roadmap_due_on_receipt(received_on date, term term, due_date date,
                                       executing_bodies integer, new_approaches boolean,
                                       calendar text DEFAULT NULL)
RETURNS date AS 'MODULE_PATHNAME', 'ic_sql_roadmap_due_on_receipt'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION roadmap_due_on_receipt(date, term, date, integer, boolean, text) IS
  'R56: the day a roadmap is due, 10 working days from receipt, when the term given in the act (to its nominal end, not rolled; else the due date) is longer than six months and 2+ bodies execute or the instruction forms new approaches; NULL when R56 asks for none. The rule the guard applies when an instruction is put on control (calendar NULL: the default calendar)';

CREATE FUNCTION decision_judge()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_decision_judge' LANGUAGE C;
COMMENT ON FUNCTION decision_judge() IS
  'Trigger: locks the instruction, judges a decision against the decree (R69-R79) and applies it';

CREATE FUNCTION journal_append_only()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_journal_append_only' LANGUAGE C;
COMMENT ON FUNCTION journal_append_only() IS
  'Trigger: refuses UPDATE, DELETE and TRUNCATE of the append-only tables (decision, roadmap, report, instruction_executor); a correction is a new row';

CREATE FUNCTION executor_guard()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_executor_guard' LANGUAGE C;
COMMENT ON FUNCTION executor_guard() IS
  'Trigger: instruction_executor is written only by the registry when an instruction is put on control';

CREATE FUNCTION roadmap_judge()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_roadmap_judge' LANGUAGE C;
COMMENT ON FUNCTION roadmap_judge() IS 'Trigger: judges the approval of a roadmap (R57: the drafter fits the drafting body) and journals it; on UPDATE lets through only the PA''s steps, each written once (submitted_to_pa_on, agreed_with_pa_on, R57)';

CREATE FUNCTION report_judge()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_report_judge' LANGUAGE C;
COMMENT ON FUNCTION report_judge() IS 'Trigger: accepts reports only on instructions on control (R72.4 for measures)';


CREATE TRIGGER instruction_guard BEFORE INSERT OR UPDATE OR DELETE ON instruction
  FOR EACH ROW EXECUTE FUNCTION instruction_guard();
-- the executors' rows, with foreign keys, once the instruction exists
CREATE TRIGGER instruction_executors AFTER INSERT ON instruction
  FOR EACH ROW WHEN (NEW.responsible_body_id IS NOT NULL OR cardinality(NEW.co_executor_ids) > 0)
  EXECUTE FUNCTION instruction_guard();
CREATE TRIGGER instruction_no_truncate BEFORE TRUNCATE ON instruction
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER executor_guard BEFORE INSERT ON instruction_executor
  FOR EACH ROW EXECUTE FUNCTION executor_guard();
CREATE TRIGGER executor_append_only BEFORE UPDATE OR DELETE ON instruction_executor
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER executor_no_truncate BEFORE TRUNCATE ON instruction_executor
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER decision_judge BEFORE INSERT ON decision
  FOR EACH ROW EXECUTE FUNCTION decision_judge();
CREATE TRIGGER decision_append_only BEFORE UPDATE OR DELETE ON decision
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER decision_no_truncate BEFORE TRUNCATE ON decision
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER roadmap_judge BEFORE INSERT ON roadmap
  FOR EACH ROW EXECUTE FUNCTION roadmap_judge();
CREATE TRIGGER roadmap_journal AFTER INSERT ON roadmap
  FOR EACH ROW EXECUTE FUNCTION roadmap_judge();
CREATE TRIGGER roadmap_append_only BEFORE DELETE ON roadmap
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER roadmap_pa_step BEFORE UPDATE ON roadmap
  FOR EACH ROW EXECUTE FUNCTION roadmap_judge();
CREATE TRIGGER roadmap_no_truncate BEFORE TRUNCATE ON roadmap
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER report_judge BEFORE INSERT ON report
  FOR EACH ROW EXECUTE FUNCTION report_judge();
CREATE TRIGGER report_append_only BEFORE UPDATE OR DELETE ON report
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER report_no_truncate BEFORE TRUNCATE ON report
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();

-- Ids are the server's (issue 16): GENERATED ALWAYS refuses an INSERT naming
-- an id; server_id refuses the two doors GENERATED ALWAYS leaves open to
-- anyone with INSERT, OVERRIDING SYSTEM VALUE and COPY (IC119), so a client
-- cannot probe another body's hidden rows (23505), claim the ids other
-- sessions will get, or write 2^63-1.  A restore (restore_mode) reloads ids.
CREATE FUNCTION server_id()
RETURNS trigger AS 'MODULE_PATHNAME', 'ic_server_id' LANGUAGE C;
COMMENT ON FUNCTION server_id() IS
  'Trigger: a row''s id is the one its table''s identity just gave it in this session; a client''s id (OVERRIDING SYSTEM VALUE, COPY) is refused (IC119), except when reloading a dump (restore_mode)';
CREATE TRIGGER server_id BEFORE INSERT ON state_body FOR EACH ROW EXECUTE FUNCTION server_id();
CREATE TRIGGER server_id BEFORE INSERT ON act FOR EACH ROW EXECUTE FUNCTION server_id();
CREATE TRIGGER server_id BEFORE INSERT ON instruction FOR EACH ROW EXECUTE FUNCTION server_id();
CREATE TRIGGER server_id BEFORE INSERT ON decision FOR EACH ROW EXECUTE FUNCTION server_id();
CREATE TRIGGER server_id BEFORE INSERT ON roadmap FOR EACH ROW EXECUTE FUNCTION server_id();
CREATE TRIGGER server_id BEFORE INSERT ON report FOR EACH ROW EXECUTE FUNCTION server_id();
REVOKE EXECUTE ON FUNCTION server_id() FROM PUBLIC;

-- R14: the title of a state-secret act is not stored.
CREATE FUNCTION act_secrecy_guard() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  early record;
BEGIN
  IF NOT isfinite(NEW.signed_on) THEN
    RAISE EXCEPTION 'signed_on cannot be %', NEW.signed_on
      USING ERRCODE = '22008',
            HINT = 'Give the day the act was signed, or leave it empty.';
  END IF;
  -- (a restore reloads what was written before this check: restore_mode passes it)
  IF NEW.signed_on > current_date AND NOT restore_mode() THEN
    RAISE EXCEPTION 'an act is signed on a day that has come (R50.3)'
      USING ERRCODE = 'IC108',
            DETAIL = format('Act %s is signed %s; today is %s.', coalesce(NEW.external_ref, NEW.number, NEW.id::text), NEW.signed_on, current_date),
            HINT = 'Give the day the act was signed: today or earlier, or leave it empty until it is signed.';
  END IF;
  -- R50.3: its points are received on or after it is signed; a point put on control holds the
  -- act FOR SHARE (ic_load_act_signed_on), so this UPDATE waits for it and sees its receipt
  IF TG_OP = 'UPDATE' AND NEW.signed_on IS DISTINCT FROM OLD.signed_on AND NEW.signed_on IS NOT NULL THEN
    SELECT i.id, i.received_on INTO early
      FROM instruction i
     WHERE i.act_id OPERATOR(pg_catalog.=) NEW.id AND i.received_on OPERATOR(pg_catalog.<) NEW.signed_on
       AND NOT i.imported
     ORDER BY i.received_on LIMIT 1;
    IF FOUND THEN
      RAISE EXCEPTION 'an act is signed before its points are received (R50.3)'
        USING ERRCODE = 'IC108',
              DETAIL = format('Instruction %s, a point of act %s, was received %s; the act would be signed %s.',
                              early.id, NEW.id, early.received_on, NEW.signed_on),
              HINT = 'Give the day the act was signed, on or before the receipt of its points; a point received by mistake is corrected by removing it from control.';
    END IF;
  END IF;
  IF NEW.secrecy = 'state_secret' AND NEW.title IS NOT NULL THEN
    RAISE EXCEPTION 'the title of a state-secret act is not stored (R14)'
      USING ERRCODE = 'IC110',
            DETAIL = format('Act %s is marked state_secret and has a title.', coalesce(NEW.external_ref, NEW.id::text)),
            HINT = 'Leave title empty: the registry holds only the requisites of a state secret (act_type, number, signed_on).';
  END IF;
  IF TG_OP = 'UPDATE' AND OLD.secrecy = 'state_secret' AND NEW.secrecy IS DISTINCT FROM 'state_secret' THEN
    RAISE EXCEPTION 'a state-secret act is not declassified by an UPDATE (R14)'
      USING ERRCODE = 'IC110',
            DETAIL = format('Act %s is marked state_secret.', NEW.id),
            HINT = 'Register the declassified act anew; the secret record stays as it was.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION act_secrecy_guard() IS 'Trigger: a state-secret act keeps only its requisites (R14); its signing day is a real day that has come, not after the receipt of its points (R50.3, IC108)';
CREATE TRIGGER act_secrecy_guard BEFORE INSERT OR UPDATE ON act
  FOR EACH ROW EXECUTE FUNCTION act_secrecy_guard();

-- seeded rows: as for the calendar's (seeded_row_owner, Calendar section)
CREATE TRIGGER seeded_row_owner BEFORE INSERT OR UPDATE ON decision_authority
  FOR EACH ROW EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON decision_authority
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_owner BEFORE INSERT OR UPDATE ON decision_rule
  FOR EACH ROW EXECUTE FUNCTION seeded_row_owner();
CREATE TRIGGER seeded_row_keep BEFORE DELETE ON decision_rule
  FOR EACH ROW WHEN (pg_trigger_depth() = 0) EXECUTE FUNCTION seeded_row_owner();

-- Every session reads the matrix from its cache; a change tells them all.
CREATE FUNCTION decision_matrix_changed() RETURNS trigger
AS 'MODULE_PATHNAME', 'ic_decision_matrix_changed' LANGUAGE C;
COMMENT ON FUNCTION decision_matrix_changed() IS
  'Trigger: refreshes the decision matrix cached by every session when decision_rule or decision_authority changes';
CREATE TRIGGER decision_matrix_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON decision_rule
  FOR EACH STATEMENT EXECUTE FUNCTION decision_matrix_changed();
CREATE TRIGGER decision_matrix_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON decision_authority
  FOR EACH STATEMENT EXECUTE FUNCTION decision_matrix_changed();

-- Trigger functions are the registry's own: nobody attaches them elsewhere.
REVOKE EXECUTE ON FUNCTION instruction_guard(), decision_judge(), journal_append_only(),
  executor_guard(), roadmap_judge(), report_judge(), act_secrecy_guard(),
  seeded_row_owner(), seeded_flag_guard(), calendar_data_changed(), decision_matrix_changed() FROM PUBLIC;

-- User data survives pg_dump/restore ----------------------------------------

SELECT pg_catalog.pg_extension_config_dump('state_body', '');
SELECT pg_catalog.pg_extension_config_dump('state_body_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('act', '');
SELECT pg_catalog.pg_extension_config_dump('act_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('instruction', '');
SELECT pg_catalog.pg_extension_config_dump('instruction_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('instruction_executor', '');
SELECT pg_catalog.pg_extension_config_dump('decision', '');
SELECT pg_catalog.pg_extension_config_dump('decision_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('roadmap', '');
SELECT pg_catalog.pg_extension_config_dump('roadmap_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('report', '');
SELECT pg_catalog.pg_extension_config_dump('report_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('decision_authority', 'WHERE NOT seeded');
SELECT pg_catalog.pg_extension_config_dump('decision_rule', 'WHERE NOT seeded');
