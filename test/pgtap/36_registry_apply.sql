-- Registry: a decision is applied to its instruction as an UPDATE would be -- a DBA's own row
-- triggers, CHECK constraints and indexes see it -- also on the fast path that keeps the
-- executor state for the transaction (decision_apply.c).
BEGIN;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
-- a DBA's triggers, constraints and indexes on instruction: DDL pg_dump does not keep, allowed knowingly (IC404)
SET LOCAL instruction_control.allow_member_ddl = on;
SELECT plan(18);

INSERT INTO instruction_control.state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS a \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS b \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS c \gset

-- a DBA's audit: a row trigger on the columns a decision changes, and a plain AFTER UPDATE one
CREATE TABLE public.dba_audit (instruction_id bigint, old_due date, new_due date, via text);
CREATE FUNCTION public.dba_audit_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO public.dba_audit VALUES (NEW.id, OLD.due_date, NEW.due_date, TG_NAME);
  RETURN NEW;
END $$;
-- named to fire after instruction_guard, which writes the effect (BEFORE triggers fire in name order)
CREATE TRIGGER zz_dba_due_changed BEFORE UPDATE OF due_date ON instruction
  FOR EACH ROW EXECUTE FUNCTION public.dba_audit_row();
CREATE TRIGGER dba_after_row AFTER UPDATE ON instruction
  FOR EACH ROW EXECUTE FUNCTION public.dba_audit_row();

SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-15', 'head_of_pa', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')$$, :a),
  'R69.1: an extension is taken with a DBA''s triggers on instruction');
SELECT is((SELECT string_agg(via || ':' || old_due || '>' || new_due, ',' ORDER BY via) FROM public.dba_audit WHERE instruction_id = :a),
  'dba_after_row:2025-03-18>2025-04-15,zz_dba_due_changed:2025-03-18>2025-04-15',
  'R69.1: the DBA''s UPDATE OF due_date and AFTER UPDATE row triggers each see the extension once');

-- a statement-level trigger needs a statement: the same decision is applied by a query
CREATE TABLE public.dba_statements (n int);
CREATE FUNCTION public.dba_count_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO public.dba_statements VALUES (1); RETURN NULL; END $$;
CREATE TRIGGER dba_statement AFTER UPDATE ON instruction
  FOR EACH STATEMENT EXECUTE FUNCTION public.dba_count_statement();
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-16', 'head_of_pa', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')$$, :b),
  'R69.1: an extension is taken with a statement-level trigger on instruction');
SELECT is((SELECT count(*)::int FROM public.dba_statements), 1, 'R69.1: the statement-level trigger fired once for the decision');
SELECT is((SELECT due_date FROM instruction WHERE id = :b), '2025-04-16'::date, 'R69.1: and the decision was applied');
DROP TRIGGER dba_statement ON instruction;
DROP TRIGGER zz_dba_due_changed ON instruction;
DROP TRIGGER dba_after_row ON instruction;

-- a CHECK constraint a DBA adds holds for decisions too
ALTER TABLE instruction ADD CONSTRAINT dba_no_far_deadlines CHECK (due_date < '2026-01-01');
SELECT throws_ok(format($$SELECT extend_deadline(%s, '2026-03-02', 'head_of_pa', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')$$, :c),
  '23514', NULL, 'R69.1: a decision that breaks a DBA''s CHECK constraint is refused');
SELECT is((SELECT count(*)::int FROM decision WHERE instruction_id = :c), 0, 'R69.1: and nothing of it is journaled');

-- after that refusal, in a savepoint, and after a new index, decisions go on and every index is right
SAVEPOINT before_removal;
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', ARRAY['official_report']::evidence_kind[], decided_on => '2025-03-11')$$, :c),
  'R75: a removal inside a savepoint');
ROLLBACK TO SAVEPOINT before_removal;
SELECT is((SELECT (status, decision_count)::text FROM instruction WHERE id = :c), '(on_control,0)',
  'R75: a removal rolled back to its savepoint leaves the instruction on control');
ALTER TABLE instruction DROP CONSTRAINT dba_no_far_deadlines;
CREATE INDEX dba_regime_idx ON instruction (regime, due_date);
SELECT lives_ok(format($$SELECT extend_deadline(%s, '2025-04-17', 'head_of_pa', 'conclusion', decided_on => '2025-03-12', evidence => '{pa_expert_conclusion}')$$, :c),
  'R69.1: an extension after a new index on instruction');
SELECT lives_ok(format($$SELECT remove_from_control(%s, 'executed', 'head_of_pa', ARRAY['official_report']::evidence_kind[], decided_on => '2025-03-13')$$, :a),
  'R75: a removal after a new index on instruction');
SET LOCAL enable_seqscan = off;
SET LOCAL enable_bitmapscan = off;
SELECT is((SELECT count(*)::int FROM instruction WHERE regime = 'regular' AND due_date = '2025-04-17' AND id = :c), 1,
  'the new index finds the instruction at its new deadline');
SELECT is((SELECT count(*)::int FROM instruction WHERE due_date = '2025-04-15' AND status = 'on_control' AND id = :a), 0,
  'the deadline index no longer lists the removed instruction as on control');
RESET enable_seqscan;
RESET enable_bitmapscan;
SELECT is((SELECT string_agg(id || ':' || decision_count || ':' || extensions || ':' || status, ',' ORDER BY id)
             FROM instruction WHERE id IN (:a, :b, :c)),
  format('%s:2:1:removed,%s:1:1:on_control,%s:1:1:on_control', :a, :b, :c),
  'journal: every instruction counts exactly the decisions that stayed');

-- a batch is written the same way: row triggers on the journal see each row, a skipped row fails the batch
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS d \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '10 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => (SELECT id FROM instruction_control.state_body WHERE code = 'R45'))).id AS e \gset
CREATE TABLE public.dba_journal_rows (decision_id bigint, seq int);
CREATE FUNCTION public.dba_journal_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN INSERT INTO public.dba_journal_rows VALUES (NEW.id, NEW.seq); RETURN NEW; END $$;
CREATE TRIGGER dba_journal_row AFTER INSERT ON decision FOR EACH ROW EXECUTE FUNCTION public.dba_journal_row();
SELECT is((SELECT count(*)::int FROM extend_deadlines(ARRAY[:d, :e], ARRAY['2025-04-15', '2025-04-16']::date[],
            'head_of_pa', 'conclusion', decided_on => '2025-03-10', evidence => '{pa_expert_conclusion}')), 2, 'R69.1: a batch of two extensions');
SELECT is((SELECT string_agg(seq::text, ',') FROM public.dba_journal_rows), '1,1',
  'R69.1: a DBA''s AFTER INSERT trigger on the journal saw both rows, as recorded (seq filled in)');
DROP TRIGGER dba_journal_row ON decision;
CREATE FUNCTION public.dba_skip_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
-- named to fire after decision_judge (BEFORE triggers fire in name order)
CREATE TRIGGER zz_dba_skip_row BEFORE INSERT ON decision FOR EACH ROW EXECUTE FUNCTION public.dba_skip_row();
SELECT throws_ok(format($$SELECT extend_deadlines(ARRAY[%s], ARRAY['2025-05-15']::date[], 'head_of_pa', 'c', 'review', '2025-03-11', evidence => '{pa_expert_conclusion}')$$, :d),
  'IC111', 'a trigger on the decision journal skipped a decision of the batch',
  'R69.1: a batch whose journal row a trigger skips is refused, not applied without its row');
DROP TRIGGER zz_dba_skip_row ON decision;
SELECT is((SELECT (due_date, extensions)::text FROM instruction WHERE id = :d), '(2025-04-15,1)',
  'R69.1: and the instruction kept its state');

SELECT * FROM finish();
ROLLBACK;
