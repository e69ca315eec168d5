-- Event days: every date a client gives for something that happened -- an act signed, an
-- instruction received (R50.3), a decision taken (IC116), a report submitted (R66-1), a measure
-- of control taken (R66-2), a draft received or reviewed (R20, R33), a roadmap approved,
-- submitted to or agreed with the PA (R57), an annual summary signed (R75-1) -- is a day that
-- has come: tomorrow is refused with an IC SQLSTATE that names the day.  Generated from the
-- catalog: every date column of the extension's tables must be classified below (a day that
-- happened, a deadline, a period, or one the registry derives), and every day that happened
-- has a statement that writes it, played with a valid day (it must be written) and with
-- tomorrow (it must be refused), each in a subtransaction rolled back after it.  A date column
-- added later fails the first assertion until it is classified -- and, if it is a day that
-- happened, until its writer refuses the future.
BEGIN;
SET client_min_messages = error;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET search_path = instruction_control, public;
SET client_min_messages = warning;
SET instruction_control.calendar = 'KZ';
SELECT plan(6);

-- What every date column of the extension's tables is.
CREATE TEMP TABLE date_column (tab text, col text, what text CHECK (what IN ('happened', 'deadline', 'period', 'derived')),
                               PRIMARY KEY (tab, col));
INSERT INTO date_column VALUES
  ('act', 'signed_on', 'happened'),
  ('annual_summary_signature', 'signed_on', 'happened'),
  ('control_measure', 'taken_on', 'happened'),
  ('decision', 'decided_on', 'happened'),
  ('draft', 'received_on', 'happened'),
  ('draft_step', 'on_date', 'happened'),
  ('instruction', 'received_on', 'happened'),
  ('instruction', 'signed_on', 'happened'),
  ('report', 'submitted_on', 'happened'),
  ('roadmap', 'approved_on', 'happened'),
  ('roadmap', 'agreed_with_pa_on', 'happened'),
  ('roadmap', 'submitted_to_pa_on', 'happened'),
  -- deadlines: days to come
  ('instruction', 'due_date', 'deadline'),
  ('instruction', 'original_due_date', 'deadline'),
  ('instruction', 'roadmap_due_date', 'deadline'),
  ('decision', 'new_due_date', 'deadline'),
  ('decision', 'old_due_date', 'deadline'),
  ('decision', 'measures_due_date', 'deadline'),
  ('decision', 'roadmap_due_date', 'deadline'),
  ('decision', 'old_roadmap_due_date', 'deadline'),
  ('draft_step', 'due_date', 'deadline'),
  ('event', 'due_date', 'deadline'),
  ('overdue_mark', 'due_date', 'deadline'),
  ('sweep_candidate', 'due_date', 'deadline'),
  -- periods and validity: may run past today (a calendar's forecast years, a rule in force
  -- from a day, a reporting period reported on before it ends)
  ('calendar', 'valid_from', 'period'),
  ('calendar', 'valid_to', 'period'),
  ('calendar_compiled', 'valid_from', 'period'),
  ('calendar_compiled', 'valid_to', 'period'),
  ('calendar_day', 'day', 'period'),
  ('decision_rule', 'effective_from', 'period'),
  ('decision_rule', 'effective_to', 'period'),
  ('report', 'period_end', 'period'),
  ('event', 'period', 'period'),
  ('sweep_candidate', 'period', 'period'),
  -- the registry's own: set by the journal or the sweep, never by a client
  ('instruction', 'removed_on', 'derived'),
  ('instruction', 'last_decided_on', 'derived'),
  ('event', 'as_of', 'derived'),
  ('overdue_mark', 'marked_on', 'derived'),
  ('sweep_run', 'as_of', 'derived'),
  ('sweep_run', 'since', 'derived');

SELECT is((SELECT string_agg(format('%s.%s', c.relname, a.attname), ', ' ORDER BY c.relname, a.attname)
             FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
            WHERE c.relnamespace = 'instruction_control'::regnamespace AND c.relkind IN ('r', 'p')
              AND a.attnum > 0 AND NOT a.attisdropped AND a.atttypid = 'date'::regtype
              AND NOT EXISTS (SELECT 1 FROM date_column d WHERE d.tab = c.relname AND d.col = a.attname)), NULL,
  'every date column of the extension''s tables is classified: a day that happened, a deadline, a period or derived (a new one must be)');

-- The registry the statements write into.
INSERT INTO state_body (code, name, body_type) VALUES ('R45', 'Executor named by R4.5', 'central') ON CONFLICT (code) DO NOTHING;
SELECT id AS r45 FROM state_body WHERE code = 'R45' \gset
SELECT (put_on_control('act_point', 'pa', '2025-03-03', term => '20 wd', pa_unit => 'Бақылау бөлімі', completion_form => 'ақпарат', responsible_body_id => :r45)).id AS pa \gset
SELECT (put_on_control('act_point', 'central', '2025-03-04', term => '10 wd')).id AS central \gset
SELECT (receive_draft('act', :r45, 'first_head', '2025-03-03', 'Decree draft', 'text')).id AS draft \gset
SELECT (register_roadmap(:central, 'executor_only', 'first_head', approved_on => '2025-03-10')).id AS roadmap \gset

-- Each day that happened: the statement that writes it, %s its day.
CREATE TEMP TABLE day_writer (tab text, col text, valid_day date, statement text);
INSERT INTO day_writer VALUES
  ('act', 'signed_on', '2025-02-28', $$INSERT INTO instruction_control.act (act_type, number, signed_on) VALUES ('decree', 'event-days', %L)$$),
  ('annual_summary_signature', 'signed_on', '2025-01-20', format($$SELECT instruction_control.sign_annual_summary(%s, 2024, 'first_head', signed_on => %%L)$$, :r45)),
  ('control_measure', 'taken_on', '2025-03-10', format($$SELECT instruction_control.take_control_measure(%s, 'monitoring', %s, %%L)$$, :pa, :r45)),
  ('decision', 'decided_on', '2025-03-10', format($$SELECT instruction_control.extend_deadline(%s, '2025-05-15', 'head_of_pa', 'conclusion', decided_on => %%L, evidence => '{pa_expert_conclusion}')$$, :pa)),
  ('draft', 'received_on', '2025-03-03', format($$SELECT instruction_control.receive_draft('act', %s, 'first_head', %%L)$$, :r45)),
  ('draft_step', 'on_date', '2025-03-05', format($$SELECT instruction_control.return_draft(%s, 'shortcomings', %%L)$$, :draft)),
  ('instruction', 'received_on', '2025-03-03', $$SELECT instruction_control.put_on_control('event', 'central', %L, term => '10 wd')$$),
  ('instruction', 'signed_on', '2025-03-03', $$SELECT instruction_control.put_on_control('personal', 'government', '2025-03-03', signed_on => %L, local_character => true)$$),
  ('report', 'submitted_on', '2025-03-31', format($$SELECT instruction_control.submit_report(%s, 'intermediate', 'half done', submitted_on => %%L)$$, :pa)),
  ('roadmap', 'approved_on', '2025-03-10', format($$SELECT instruction_control.register_roadmap(%s, 'executor_only', 'first_head', approved_on => %%L)$$, :central)),
  ('roadmap', 'submitted_to_pa_on', '2025-03-11', format($$SELECT instruction_control.submit_roadmap_to_pa(%s, %%L)$$, :roadmap)),
  ('roadmap', 'agreed_with_pa_on', '2025-03-12', format($$SELECT instruction_control.agree_roadmap_with_pa(m.id, %%L) FROM instruction_control.submit_roadmap_to_pa(%s, '2025-03-11') m$$, :roadmap));

SELECT is((SELECT string_agg(format('%s.%s', d.tab, d.col), ', ' ORDER BY d.tab, d.col) FROM date_column d
            WHERE d.what = 'happened' AND NOT EXISTS (SELECT 1 FROM day_writer w WHERE w.tab = d.tab AND w.col = d.col)), NULL,
  'every day that happened has a statement that writes it below');

-- What one statement did, rolled back after it: ok, or its error.
CREATE FUNCTION pg_temp.outcome(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  st text;
  msg text;
  det text;
BEGIN
  BEGIN
    EXECUTE statement;
    RAISE EXCEPTION USING ERRCODE = 'ICXXX', MESSAGE = 'ok';
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL;
    IF st = 'ICXXX' THEN
      RETURN msg;
    END IF;
    RETURN format('error %s: %s | %s', st, msg, det);
  END;
END
$$;

SELECT is((SELECT string_agg(format('%s.%s on %s: %s', w.tab, w.col, w.valid_day, o), E'\n' ORDER BY w.tab, w.col)
             FROM day_writer w, pg_temp.outcome(format(w.statement, w.valid_day)) o
            WHERE o <> 'ok'), NULL,
  'each statement writes its day when the day is valid (so a refusal below is the day''s)');
SELECT is((SELECT string_agg(format('%s.%s tomorrow: %s', w.tab, w.col, o), E'\n' ORDER BY w.tab, w.col)
             FROM day_writer w, pg_temp.outcome(format(w.statement, current_date + 1)) o
            WHERE o NOT LIKE 'error IC%' OR strpos(o, (current_date + 1)::text) = 0), NULL,
  'R50.3, R66-1, R66-2, R20, R33, R57, R75-1, IC116: a day that happened is not tomorrow -- each is refused with an IC SQLSTATE naming the day');
-- ... and no UPDATE moves a day that happened into the future afterwards: each row written with
-- its valid day above, then its day set to tomorrow, is refused (the day's check, a fixed column,
-- or an append-only journal), and at least one row was there to update
CREATE FUNCTION pg_temp.update_outcome(tab text, col text, statement text, day date) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
  st text;
  msg text;
BEGIN
  BEGIN
    EXECUTE format(statement, day);
    EXECUTE format('UPDATE instruction_control.%I SET %I = current_date + 1 WHERE %I = %L', tab, col, col, day);
    GET DIAGNOSTICS n = ROW_COUNT;
    RAISE EXCEPTION USING ERRCODE = 'ICXXX', MESSAGE = format('updated %s rows', n);
  EXCEPTION WHEN OTHERS THEN
    GET STACKED DIAGNOSTICS st = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
    IF st = 'ICXXX' THEN
      RETURN msg;
    END IF;
    RETURN format('error %s: %s', st, msg);
  END;
END
$$;
SELECT is((SELECT string_agg(format('%s.%s set to tomorrow: %s', w.tab, w.col, o), E'\n' ORDER BY w.tab, w.col)
             FROM day_writer w, pg_temp.update_outcome(w.tab, w.col, w.statement, w.valid_day) o
            WHERE o NOT LIKE 'error IC%'), NULL,
  'R50.3, R66-1, IC111: no UPDATE moves a day that happened into the future (the day''s check, a fixed column or an append-only journal refuses it)');

-- a restore reloads rows as they were written, before a check existed: an act signed in the future
-- (written by an earlier version) comes back through pg_restore
SET instruction_control.restore_mode = on;
SELECT lives_ok($$INSERT INTO instruction_control.act (act_type, number, signed_on) VALUES ('decree', 'restored', current_date + 1)$$,
  'restore_mode: an act signed in the future, written before the check, is reloaded as it was');
RESET instruction_control.restore_mode;

SELECT * FROM finish();
ROLLBACK;
