/*
 * 99o_appeals: R48-1 (issue 20, item 2), the particulars of control of
 * instructions on appeals are rows of the decision matrix: the kind class
 * document_or_appeal (instruction_kind document), its label and the rule.
 * Follows sql/src/30_registry.sql and 35_registry_triggers.sql.
 */

ALTER DOMAIN kind_class DROP CONSTRAINT kind_class_check;
ALTER DOMAIN kind_class ADD CONSTRAINT kind_class_check
  CHECK (VALUE IN ('any', 'personal', 'personal_unpublished', 'security_council', 'national_plan',
                   'document_or_appeal'));
COMMENT ON DOMAIN kind_class IS
  'The kinds a rule singles out: any, personal (published or not), personal_unpublished, security_council, national_plan, document_or_appeal (instructions on service documents and appeals of individuals and legal entities, whose particulars the PA sets as rows of the matrix: R48-1)';
INSERT INTO rule (id, title_kk, title_ru, title_en) VALUES
  ('R48-1', 'Жеке және заңды тұлғалардың жолданымдары бойынша тапсырмаларды бақылау ерекшеліктерін ПӘ айқындайды', 'Особенности контроля поручений по обращениям физических и юридических лиц определяет АП', 'The PA sets the particulars of control of instructions on appeals of individuals and legal entities');
INSERT INTO vocabulary (domain, code, kk, ru, en) VALUES
  ('kind_class', 'document_or_appeal', 'Құжаттар мен жолданымдар бойынша тапсырмалар', 'Поручения по документам и обращениям', 'Instructions on documents and appeals');
