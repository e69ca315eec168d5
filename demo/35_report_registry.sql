-- A realistic registry for the reports: several acts, about 200 instructions
-- across kinds, levels and bodies, with extensions, a repeated extension with
-- disciplinary review, transfers, new deadlines, removals on every ground,
-- roadmaps, reports and overdue instructions.  Everything goes through the
-- registry's API, so the rules of the decree judge every step; who decides is
-- asked of the decision matrix (who_may_decide).  The choices are
-- deterministic (a function of the instruction's number), not random.
\set ON_ERROR_STOP 1
SET search_path = instruction_control, public;
SET instruction_control.calendar = 'KZ';

INSERT INTO state_body (code, name, name_kk, name_ru, body_type, sector, inside_government) VALUES
  ('R-GOV',   'Government of the Republic of Kazakhstan', 'Қазақстан Республикасының Үкіметі', 'Правительство Республики Казахстан', 'government', NULL, true),
  ('R-MLSP',  'Ministry of Labour and Social Protection', 'Еңбек және халықты әлеуметтік қорғау министрлігі', 'Министерство труда и социальной защиты населения', 'central', 'labour and social protection', true),
  ('R-MH',    'Ministry of Health', 'Денсаулық сақтау министрлігі', 'Министерство здравоохранения', 'central', 'health care', true),
  ('R-MEN',   'Ministry of Enlightenment', 'Оқу-ағарту министрлігі', 'Министерство просвещения', 'central', 'education', true),
  ('R-MSHE',  'Ministry of Science and Higher Education', 'Ғылым және жоғары білім министрлігі', 'Министерство науки и высшего образования', 'central', 'science', true),
  ('R-MF',    'Ministry of Finance', 'Қаржы министрлігі', 'Министерство финансов', 'central', 'finance', true),
  ('R-MNE',   'Ministry of National Economy', 'Ұлттық экономика министрлігі', 'Министерство национальной экономики', 'central', 'economy', true),
  ('R-MA',    'Ministry of Agriculture', 'Ауыл шаруашылығы министрлігі', 'Министерство сельского хозяйства', 'central', 'agriculture', true),
  ('R-MDAI',  'Ministry of Digital Development', 'Цифрлық даму министрлігі', 'Министерство цифрового развития', 'central', 'digital development', true),
  ('R-MT',    'Ministry of Transport', 'Көлік министрлігі', 'Министерство транспорта', 'central', 'transport', true),
  ('R-AST',   'Akimat of Astana', 'Астана қаласының әкімдігі', 'Акимат города Астаны', 'local', 'regional development', false),
  ('R-SHYM',  'Akimat of Shymkent', 'Шымкент қаласының әкімдігі', 'Акимат города Шымкента', 'local', 'regional development', false),
  ('R-NAS',   'National Academy of Sciences', 'Ұлттық ғылым академиясы', 'Национальная академия наук', 'organisation', 'science', false)
ON CONFLICT (code) DO NOTHING;

INSERT INTO act (external_ref, act_type, number, title, signed_on, secrecy) VALUES
  ('R-ACT-1', 'Послание', NULL, 'Послание Главы государства народу Казахстана «Справедливый Казахстан: закон и порядок, экономический рост, общественный оптимизм»', '2024-09-02', 'none'),
  ('R-ACT-2', 'Указ', '611', 'Об утверждении Общенационального плана мероприятий по реализации Послания', '2024-09-30', 'none'),
  ('R-ACT-3', 'Протокол', '25-01/12', 'Расширенное заседание Правительства с участием Главы государства', '2025-01-28', 'none'),
  ('R-ACT-4', 'Протокол', 'СБ-3', NULL, '2025-03-14', 'state_secret'),
  ('R-ACT-5', 'Протокол', 'АНК-34', 'XXXIV сессия Ассамблеи народа Казахстана', '2025-04-24', 'none'),
  ('R-ACT-6', 'Указ', '845', 'О мерах по цифровизации государственных услуг', '2025-06-10', 'none'),
  ('R-ACT-7', 'Протокол', 'МИО-7', 'Совещание по развитию городов республиканского значения', '2026-02-12', 'none')
ON CONFLICT (external_ref) DO NOTHING;

-- One instruction at a time: put on control, then the decisions of its scenario.
DO $$
DECLARE
  b bigint[] := ARRAY(SELECT id FROM state_body
                       WHERE code IN ('R-MLSP', 'R-MH', 'R-MEN', 'R-MSHE', 'R-MF', 'R-MNE', 'R-MA', 'R-MDAI', 'R-MT')
                       ORDER BY code COLLATE "C");
  gov bigint := (SELECT id FROM state_body WHERE code = 'R-GOV');
  ast bigint := (SELECT id FROM state_body WHERE code = 'R-AST');
  shym bigint := (SELECT id FROM state_body WHERE code = 'R-SHYM');
  nas bigint := (SELECT id FROM state_body WHERE code = 'R-NAS');
  today date := current_date;
  n integer;
  k instruction_kind;
  lv control_level;
  act_ref text;
  pt text;
  recv date;
  signed date;
  t term;
  resp bigint;
  co bigint[];
  ctl bigint;
  secret boolean;
  ins instruction;
  dec text;
  dd date;
  nd date;
  scen integer;
  -- what each ministry is asked, in the order of b (by code)
  contents text[] := ARRAY[
    'Расширить программу льготного кредитования весенне-полевых работ',
    'Перевести государственные услуги в проактивный формат',
    'Завершить строительство комфортных школ',
    'Внести предложения по совершенствованию налогового администрирования',
    'Разработать меры по снижению очередей на плановую госпитализацию',
    'Обеспечить принятие закона о социальной защите уязвимых слоёв населения',
    'Обеспечить снижение инфляции до целевого коридора',
    'Увеличить грантовое финансирование научных исследований',
    'Модернизировать железнодорожную инфраструктуру транзитных коридоров'];
  city text[] := ARRAY['Обеспечить благоустройство дворовых территорий', 'Рассмотреть обращение жителей о строительстве школы',
                       'Обеспечить ремонт внутриквартальных дорог', 'Решить вопрос подключения к сетям теплоснабжения'];
  what text;
BEGIN
  FOR n IN 1..200 LOOP
    scen := n % 20;
    secret := false;
    co := '{}';
    ctl := NULL;
    signed := NULL;
    t := NULL;
    resp := b[1 + (n * 7) % array_length(b, 1)];
    -- who, what and when, by block of numbers
    IF n <= 40 THEN          -- the Address: act points at PA level
      k := 'act_point'; lv := 'pa'; act_ref := 'R-ACT-1'; pt := (1 + (n - 1) / 4)::text || '.' || (1 + (n - 1) % 4)::text;
      recv := date '2024-09-04' + (n % 5);
      t := (ARRAY['30 working days', '60 working days', '3 months', '6 months', '8 months'])[1 + n % 5]::term;
      IF n % 5 = 4 THEN co := ARRAY[b[1 + (n * 7 + 1) % array_length(b, 1)]]; END IF;
    ELSIF n <= 70 THEN       -- the national plan
      k := 'national_plan'; lv := 'pa'; act_ref := 'R-ACT-2'; pt := (n - 40)::text;
      recv := date '2024-10-02'; t := (ARRAY['3 months', '6 months', '12 months'])[1 + n % 3]::term;
    ELSIF n <= 110 THEN      -- the extended Government meeting: under the Government's control
      k := 'event'; lv := 'government'; act_ref := 'R-ACT-3'; pt := (n - 70)::text; ctl := gov;
      recv := date '2025-02-03' + (n % 3); t := (ARRAY['10 working days', '20 working days', '40 working days', '4 months'])[1 + n % 4]::term;
    ELSIF n <= 120 THEN      -- the Security Council: state secrets, requisites only (R14)
      k := 'security_council'; lv := 'pa'; act_ref := 'R-ACT-4'; pt := (n - 110)::text; secret := n % 2 = 0;
      recv := date '2025-03-17'; t := '3 months';
    ELSIF n <= 130 THEN      -- the Assembly of People
      k := 'assembly'; lv := 'pa'; act_ref := 'R-ACT-5'; pt := (n - 120)::text;
      recv := date '2025-04-28'; t := '60 working days';
    ELSIF n <= 150 THEN      -- personal instructions: two weeks from signing (R51)
      k := (ARRAY['personal', 'personal_published']::instruction_kind[])[1 + n % 2]; lv := 'pa'; act_ref := NULL; pt := NULL;
      signed := date '2024-03-01' + (n - 130) * 37; recv := signed + 1;
    ELSIF n <= 180 THEN      -- a decree at central level, controlled by the ministries
      k := 'act_point'; lv := 'central'; act_ref := 'R-ACT-6'; pt := '1.' || (n - 150)::text; ctl := resp;
      recv := date '2025-06-12'; t := (ARRAY['20 working days', '3 months', '6 months', '12 months'])[1 + n % 4]::term;
    ELSE                     -- the cities: documents and appeals at local level
      k := 'document'; lv := 'local'; act_ref := 'R-ACT-7'; pt := (n - 180)::text;
      resp := CASE WHEN n % 2 = 0 THEN ast ELSE shym END; ctl := resp;
      recv := date '2026-02-16' + (n % 10) * 14; t := (ARRAY['10 working days', '30 working days', '6 months', '12 months'])[1 + n % 4]::term;
    END IF;
    IF n = 171 THEN resp := nas; ctl := b[4]; END IF;
    what := CASE WHEN resp IN (ast, shym) THEN city[1 + n % 4]
                 WHEN resp = nas THEN 'Подготовить предложения по развитию фундаментальной науки'
                 ELSE contents[array_position(b, resp)] END
            || CASE WHEN n % 3 = 0 THEN ' (этап ' || (1 + n % 4) || ')' ELSE '' END;

    ins := put_on_control(k, lv, recv, term => t,
             content => CASE WHEN secret THEN NULL ELSE what END,
             act_id => (SELECT id FROM act WHERE external_ref = act_ref),
             point => pt::point_ref, signed_on => signed,
             responsible_body_id => resp, co_executor_ids => co, controlling_body_id => ctl,
             pa_unit => CASE WHEN lv = 'pa' THEN (ARRAY['Отдел социальной политики', 'Отдел экономической политики', 'Отдел государственного контроля'])[1 + n % 3] END,
             completion_form => CASE WHEN secret THEN NULL ELSE (ARRAY['Информация в Администрацию Президента', 'Проект закона', 'Постановление Правительства'])[1 + n % 3] END,
             final_result => CASE WHEN NOT secret AND n % 4 = 0 THEN 'Достижение целевого индикатора к сроку' END,
             secrecy => CASE WHEN secret THEN 'state_secret' ELSE 'none' END,
             paper_card_ref => CASE WHEN secret THEN 'ПК-СБ-' || n END,
             external_ref => 'R-' || lpad(n::text, 4, '0'));
    dd := ins.due_date;

    -- The scenario: 0-1 nothing (on control, overdue once past the deadline); 2-9 executed on time; ...
    IF scen BETWEEN 2 AND 9 AND dd - 3 <= today THEN
      -- executed on time, with the final report
      IF NOT secret THEN
        PERFORM submit_report(ins.id, 'final', 'Исполнено в полном объёме, информация исполнителя № ' || n || ' направлена в Администрацию Президента', submitted_on => greatest(recv, dd - 5));
      END IF;
      SELECT decider INTO dec FROM who_may_decide(ins.id, 'removal') LIMIT 1;
      PERFORM remove_from_control(ins.id, 'executed', dec::decider, '{official_report}',
                                  CASE WHEN NOT secret THEN 'Информация исполнителя № ' || n END,
                                  decided_on => greatest(recv, dd - 3),
                                  paper_ref => CASE WHEN secret THEN 'СБ-П-' || n END);
    ELSIF scen = 10 AND dd + 15 <= today THEN
      -- executed late
      SELECT decider INTO dec FROM who_may_decide(ins.id, 'removal') LIMIT 1;
      PERFORM remove_from_control(ins.id, 'executed', dec::decider, '{official_report}',
                                  CASE WHEN NOT secret THEN 'Информация исполнителя № ' || n END,
                                  decided_on => dd + 15, paper_ref => CASE WHEN secret THEN 'СБ-П-' || n END);
    ELSIF scen IN (11, 12, 13) THEN
      -- extended once (R69.1); 13: extended again with disciplinary review (R72)
      SELECT decider INTO dec FROM who_may_decide(ins.id, 'extension') LIMIT 1;
      nd := roll_forward(dd + 45);
      PERFORM extend_deadline(ins.id, nd, dec::decider,
                              CASE WHEN NOT secret THEN 'Экспертное заключение структурного подразделения № ' || n END,
                              decided_on => least(today, recv + 10), paper_ref => CASE WHEN secret THEN 'СБ-П-' || n END, evidence => CASE WHEN lv = 'pa' THEN '{pa_expert_conclusion}' ELSE '{body_expert_conclusion}' END::evidence_kind[]);
      IF scen = 13 AND recv + 40 <= today THEN
        SELECT decider INTO dec FROM who_may_decide(ins.id, 'extension') LIMIT 1;
        PERFORM extend_deadline(ins.id, roll_forward(nd + 60), dec::decider,
                                CASE WHEN NOT secret THEN 'Согласование Администрации Президента № ' || n END,
                                CASE WHEN NOT secret THEN 'Рассмотрен вопрос дисциплинарной ответственности, приказ № ' || n END,
                                decided_on => recv + 40, paper_ref => CASE WHEN secret THEN 'СБ-П-' || n END, evidence => CASE WHEN lv = 'pa' THEN '{pa_expert_conclusion}' ELSE '{body_expert_conclusion}' END::evidence_kind[]);
        IF NOT secret THEN
          PERFORM submit_report(ins.id, 'measures', 'Приняты меры дисциплинарного характера', submitted_on => least(today, recv + 45));
        END IF;
      ELSIF scen = 12 AND nd - 2 <= today THEN
        SELECT decider INTO dec FROM who_may_decide(ins.id, 'removal') LIMIT 1;
        PERFORM remove_from_control(ins.id, 'executed', dec::decider, '{official_report}',
                                    CASE WHEN NOT secret THEN 'Информация исполнителя № ' || n END,
                                    decided_on => nd - 2, paper_ref => CASE WHEN secret THEN 'СБ-П-' || n END);
      END IF;
    ELSIF scen IN (14, 15) AND NOT secret THEN
      -- transfer to medium-term (R69.3) or long-term control with a roadmap (R69.4, R59, R57)
      SELECT decider INTO dec FROM who_may_decide(ins.id, 'transfer') LIMIT 1;
      PERFORM transfer_control(ins.id, CASE WHEN scen = 14 THEN 'medium_term' ELSE 'long_term' END::control_regime,
                               roll_forward(make_date(extract(year FROM recv)::integer + 2, 12, 25)), dec::decider,
                               'Экспертное заключение № ' || n,
                               reason => 'Объективные внешние обстоятельства',
                               decided_on => least(today, recv + 20), evidence => CASE WHEN lv = 'pa' THEN '{pa_expert_conclusion}' ELSE '{body_expert_conclusion}' END::evidence_kind[]);
      IF scen = 15 THEN
        -- R57: the drafter the responsible body fits, and its approver
        PERFORM register_roadmap(ins.id, r.drafter::roadmap_drafter, r.approver::decider,
                                 approved_on => least(today, recv + 28), document_ref => 'ДК-' || n)
           FROM (SELECT CASE WHEN b.body_type = 'local' THEN 'local'
                             WHEN b.body_type = 'central' AND b.inside_government THEN 'central_interdepartmental'
                             WHEN b.body_type = 'central' THEN 'central_outside_government'
                             ELSE 'executor_only' END AS drafter,
                        CASE WHEN b.body_type = 'local' THEN 'akim'
                             WHEN b.body_type = 'central' AND b.inside_government THEN 'deputy_prime_minister'
                             ELSE 'first_head' END AS approver
                   FROM instruction i LEFT JOIN state_body b ON b.id = i.responsible_body_id
                  WHERE i.id = ins.id) r;
      END IF;
    ELSIF scen = 16 AND NOT secret THEN
      -- a new deadline in a quarantine (R70.4)
      SELECT decider INTO dec FROM who_may_decide(ins.id, 'new_deadline') LIMIT 1;
      PERFORM set_new_deadline(ins.id, roll_forward(dd + 30), dec::decider, 'Письмо ответственного органа № ' || n,
                               'quarantine', decided_on => least(today, recv + 7), evidence => '{executor_letter}');
    ELSIF scen = 17 AND recv + 30 <= today THEN
      SELECT decider INTO dec FROM who_may_decide(ins.id, 'removal') LIMIT 1;
      PERFORM remove_from_control(ins.id, 'duplicated', dec::decider, '{new_instruction}',
                                  CASE WHEN NOT secret THEN 'Новое поручение № ' || n END,
                                  decided_on => recv + 30, paper_ref => CASE WHEN secret THEN 'СБ-П-' || n END);
    ELSIF scen = 18 AND recv + 25 <= today THEN
      SELECT decider INTO dec FROM who_may_decide(ins.id, 'removal') LIMIT 1;
      PERFORM remove_from_control(ins.id, 'impossible', dec::decider, '{pa_expert_conclusion}',
                                  CASE WHEN NOT secret THEN 'Экспертное заключение АП № ' || n END,
                                  decided_on => recv + 25, paper_ref => CASE WHEN secret THEN 'СБ-П-' || n END);
    ELSIF scen = 19 AND recv + 15 <= today THEN
      SELECT decider INTO dec FROM who_may_decide(ins.id, 'removal') LIMIT 1;
      PERFORM remove_from_control(ins.id, 'control_passed', dec::decider, '{control_passed_decision}',
                                  CASE WHEN NOT secret THEN 'Решение о передаче контроля № ' || n END,
                                  decided_on => recv + 15, receiving_body_id => gov,
                                  paper_ref => CASE WHEN secret THEN 'СБ-П-' || n END);
    END IF;
    -- intermediate reports on what is still on control
    IF NOT secret AND n % 3 = 0 AND (SELECT status FROM instruction WHERE id = ins.id) = 'on_control' THEN
      PERFORM submit_report(ins.id, 'intermediate', 'Проведена работа: подготовлен проект, идёт согласование с госорганами',
                            period_end => least(today, recv + 30), submitted_on => least(today, recv + 32));
    END IF;
  END LOOP;
END
$$;

\echo '-- The generated registry: instructions by kind and level, decisions by kind'
SELECT c.kind_ru AS "вид", c.level_ru AS "уровень", count(*) AS "поручений",
       count(*) FILTER (WHERE c.status = 'on_control') AS "на контроле",
       count(*) FILTER (WHERE c.overdue) AS "просрочено"
  FROM report_control_card c
 WHERE c.external_ref LIKE 'R-%'
 GROUP BY 1, 2 ORDER BY 3 DESC;
SELECT h.kind_ru AS "решение", coalesce(h.ground_ru, '') AS "основание", count(*) AS "решений",
       count(*) FILTER (WHERE h.repeated) AS "повторных"
  FROM report_decision_history h
  JOIN instruction i ON i.id = h.instruction_id AND i.external_ref LIKE 'R-%'
 GROUP BY 1, 2 ORDER BY 1, 2;
