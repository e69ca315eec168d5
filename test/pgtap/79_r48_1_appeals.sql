-- R48-1 (issue 20, item 2): the PA sets the particulars of control of instructions on appeals of
-- individuals and legal entities; they are data: a row of the decision matrix for the kind class
-- document_or_appeal (instruction_kind document), with its basis, changes who decides for those
-- instructions and for no other kind.
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
\ir include/helpers.psql
SELECT plan(7);

\o /dev/null
INSERT INTO state_body (code, name, body_type) VALUES ('R481_MIN', 'Ministry of appeals', 'central');
SELECT id AS m FROM state_body WHERE code = 'R481_MIN' \gset
SELECT (put_on_control('document', 'central', '2025-03-03', term => '1 month', responsible_body_id => :m)).id AS doc \gset
SELECT (put_on_control('act_point', 'central', '2025-03-03', term => '1 month', responsible_body_id => :m)).id AS ap \gset
\o

SELECT is((SELECT count(*)::int FROM who_may_decide(:doc, 'extension') WHERE decider = 'pa_unit_head'), 0,
          'R48-1: without a row of the PA''s particulars, an appeal''s instruction follows the general rules');
SELECT throws_ok($$INSERT INTO decision_rule (id, action, level, kind_class, deciders, rule_id, precedence)
                   VALUES (700, 'extension', 'central', 'document_or_appeal', '{pa_unit_head}', 'R48-1', 5)$$,
                 'IC004', NULL, 'R48-1: the PA''s particulars are entered with their basis (R74-1)');
SET LOCAL instruction_control.change_basis = 'PA order on appeals No. 1 (test)';
SELECT lives_ok($$INSERT INTO decision_rule (id, action, level, kind_class, deciders, rule_id, precedence, basis)
                  VALUES (700, 'extension', 'central', 'document_or_appeal', '{pa_unit_head}', 'R48-1', 5,
                          'PA order on appeals No. 1 (test)')$$,
                'R48-1: a row for the kind class document_or_appeal is data');
SELECT is((SELECT string_agg(decider::text || ':' || rule, ',') FROM who_may_decide(:doc, 'extension')), 'pa_unit_head:R48-1',
          'R48-1: who may extend an appeal''s instruction is the PA''s particular');
SELECT is((SELECT count(*)::int FROM who_may_decide(:ap, 'extension') WHERE rule = 'R48-1'), 0,
          'R48-1: an act''s point is not an appeal: the row does not reach it');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2025-04-30', 'first_head', 'letter', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')$$, :doc),
                 'IC101', NULL, 'R48-1: another decider is refused on the appeal''s instruction');
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-30', 'pa_unit_head', 'letter', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')$$, :doc),
                'R48-1: the decider of the PA''s particulars extends it');

SELECT * FROM finish();
ROLLBACK;
