/*
 * 99_bi_forms: BI and forms as users consume them (issue 17, item 5), helper F.
 * Follows sql/src/70_reporting.sql to 70c_annual_summary.sql (sections "Whole figures only", Helpers,
 * "Executive discipline", the forms' writers, Appendix 5 and 8),
 * sql/src/60_sweep.sql and 63_sweep_run.sql (sweep_run.processed, sweep_batch(), sweep(), section
 * "Progress of a running sweep") and sql/src/90_security.sql (its grant):
 * - whole figures only: report_sees_all(), report_whole_bodies(),
 *   report_require_whole() (IC305); report_discipline shows a reader the rows
 *   of its own bodies only; the forms refuse a role that sees part of the
 *   registry;
 * - printing on A4: report_html_head() (print CSS), report_form_html_table()
 *   (date cells never break);
 * - CSV for Excel: report_csv_field(value, delimiter), report_check_csv()
 *   (IC306); report_form_csv and form_*_csv gain delimiter and bom (new
 *   signatures: dropped and created);
 * - sweep progress: sweep_run.processed, the view sweep_progress, a NOTICE per
 *   batch with instruction_control.sweep_progress = on.
 */

-- Sweep progress --------------------------------------------------------------
ALTER TABLE sweep_run ADD COLUMN processed integer NOT NULL DEFAULT 0;
-- a finished run took all its candidates
UPDATE sweep_run SET processed = coalesce(candidates, 0) WHERE finished_at IS NOT NULL;
COMMENT ON COLUMN sweep_run.processed IS 'Candidates taken by the batches committed so far (written, or already in the outbox); candidates when done (sweep_progress)';

-- sweep_batch(): replaced whole by 99zo_sweep_candidates_read.sql, the last part that changes it
\definition sweep sql/src/63_sweep_run.sql

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

GRANT SELECT ON sweep_progress TO ic_admin, ic_integrator;

-- Whole figures only (issue 17, item 5) --------------------------------------
-- Row security gives a reader of some bodies only their instructions (policy
-- body_slice: responsible body or co-executor among my_bodies()).  A count
-- over another body, or a form over an act or a body, would then be partial
-- and look whole.  So a figure is shown only to a role that sees every
-- instruction it counts: one that sees the whole registry (row security off
-- for it: superuser, owner, BYPASSRLS; or ic_controller, whose policy
-- control_all sees every row), or, for a body's figure, a reader of that
-- body (it sees every instruction the body is responsible for).

CREATE FUNCTION report_sees_all() RETURNS boolean
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
RETURN NOT pg_catalog.row_security_active('instruction_control.instruction'::pg_catalog.regclass)
       OR pg_catalog.pg_has_role('ic_controller', 'MEMBER');
COMMENT ON FUNCTION report_sees_all() IS
  'True when the current role sees every instruction (row security does not apply to it, or it holds ic_controller): the reports'' figures over any body and the forms are whole for it (issue 17, item 5)';

-- The bodies whose figures the role sees whole; NULL: every body.  PL/pgSQL,
-- so that it may name my_bodies() of the Security section before it exists.
CREATE FUNCTION report_whole_bodies() RETURNS bigint[]
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF report_sees_all() THEN
    RETURN NULL;
  END IF;
  RETURN my_bodies();
END
$$;
COMMENT ON FUNCTION report_whole_bodies() IS
  'The bodies whose figures the current role sees whole: NULL when it sees every instruction (report_sees_all), else my_bodies(), the bodies row security shows it every instruction of (issue 17, item 5)';

\definition report_require_whole sql/src/70_reporting.sql

-- CSV for Excel -----------------------------------------------------------------
CREATE FUNCTION report_csv_field(value text, delimiter text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN CASE WHEN $1 IS NULL THEN ''
            WHEN $1 OPERATOR(pg_catalog.~) '["\r\n]' OR pg_catalog.strpos($1, $2) OPERATOR(pg_catalog.>) 0
                 OR $1 OPERATOR(pg_catalog.<>) pg_catalog.btrim($1)
              THEN '"' OPERATOR(pg_catalog.||)
                   pg_catalog.replace(pg_catalog.regexp_replace($1, '^([-=+@\t\r])', '''\1'), '"', '""')
                   OPERATOR(pg_catalog.||) '"'
            ELSE pg_catalog.regexp_replace($1, '^([-=+@\t\r])', '''\1') END;
COMMENT ON FUNCTION report_csv_field(text, text) IS
  'One CSV field (RFC 4180) for a file whose fields are separated by delimiter: quoted when it holds the delimiter, a quote, a line break or edge spaces; NULL is empty; a text starting with = + - @, a tab or a carriage return gets a leading '' so that a spreadsheet shows it as text, not a formula (issue 16)';

CREATE OR REPLACE FUNCTION report_csv_field(text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
RETURN instruction_control.report_csv_field($1, ',');
COMMENT ON FUNCTION report_csv_field(text) IS
  'One CSV field (RFC 4180) separated by commas: report_csv_field(value, '','')';

-- The CSV dialect of a form: the separator (',' by default; ';' is what Excel
-- expects where the decimal separator is a comma, as in kk and ru locales; a
-- tab) and, for Excel to read UTF-8, an optional byte order mark.
CREATE FUNCTION report_check_csv(delimiter text, bom boolean) RETURNS text
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF delimiter IS NULL OR delimiter NOT IN (',', ';', E'\t') THEN
    RAISE EXCEPTION 'a CSV form separates its fields by a comma, a semicolon or a tab, not "%"', coalesce(delimiter, 'NULL')
      USING ERRCODE = 'IC306', HINT = 'Use delimiter => '','' (the default), '';'' (Excel in kk and ru locales) or E''\t''.';
  END IF;
  IF bom IS NULL THEN
    RAISE EXCEPTION 'a CSV form starts with a byte order mark or not: bom is true or false, not NULL'
      USING ERRCODE = 'IC306', HINT = 'Use bom => true for Excel, bom => false (the default) otherwise.';
  END IF;
  IF bom AND getdatabaseencoding() <> 'UTF8' THEN
    RAISE EXCEPTION 'a byte order mark is written for UTF-8 only'
      USING ERRCODE = 'IC306',
            DETAIL = format('The database encoding is %s.', getdatabaseencoding()),
            HINT = 'Use bom => false, and let the client convert the text (client_encoding).';
  END IF;
  RETURN CASE WHEN bom THEN convert_from('\xefbbbf', 'UTF8') ELSE '' END;
END
$$;
COMMENT ON FUNCTION report_check_csv(text, boolean) IS
  'Checks a CSV dialect (delimiter: a comma, a semicolon or a tab; bom: only in a UTF-8 database), else IC306; returns what the file starts with: the byte order mark U+FEFF (bytes EF BB BF) when bom, else an empty text';

DROP FUNCTION form_control_approval_csv(bigint, text);
DROP FUNCTION form_annual_summary_csv(bigint, integer, text);
DROP FUNCTION report_form_csv(text, text, jsonb);
-- report_form_csv(): as 0.3 has it, named by 99f_forms.sql (\definition)

\definition form_control_approval_csv sql/src/70b_forms.sql

-- form_annual_summary_csv(): as 0.3 has it, named by 99f_forms.sql (\definition)

-- Printing on A4; the forms refuse a partial registry ---------------------------
\definition report_html_head sql/src/70b_forms.sql

-- report_form_html_table(): as 0.3 has it, named by 99f_forms.sql (\definition)
\definition form_control_approval sql/src/70b_forms.sql
-- form_annual_summary(): as 0.3 has it, named by 99f_forms.sql (\definition)

-- Executive discipline: whole figures only -----------------------------------
CREATE OR REPLACE VIEW report_discipline WITH (security_invoker = true) AS
SELECT g.body_id, b.code AS body_code,
       coalesce(b.name_kk, b.name) AS body_name_kk, coalesce(b.name_ru, b.name) AS body_name_ru,
       b.body_type::text AS body_type, b.sector,
       g.period_start,
       (g.period_start + interval '1 month' - interval '1 day')::date AS period_end,
       extract(year FROM g.period_start)::integer AS year,
       extract(quarter FROM g.period_start)::integer AS quarter,
       extract(month FROM g.period_start)::integer AS month,
       g.instructions, g.on_time, g.late, g.executed_late, g.overdue, g.in_progress,
       g.extended, g.extended_repeatedly, g.transferred, g.with_new_deadline,
       g.removed_executed, g.removed_duplicated, g.removed_impossible, g.removed_control_passed,
       round(100.0 * g.on_time / nullif(g.on_time + g.late, 0), 1) AS on_time_rate
  FROM (
    SELECT i.responsible_body_id AS body_id,
           date_trunc('month', i.due_date::timestamp)::date AS period_start,
           count(*)::integer AS instructions,
           count(*) FILTER (WHERE r.ground = 'executed' AND i.removed_on <= i.due_date)::integer AS on_time,
           count(*) FILTER (WHERE (r.ground = 'executed' AND i.removed_on > i.due_date)
                               OR (i.status = 'on_control' AND i.due_date < current_date))::integer AS late,
           count(*) FILTER (WHERE r.ground = 'executed' AND i.removed_on > i.due_date)::integer AS executed_late,
           count(*) FILTER (WHERE i.status = 'on_control' AND i.due_date < current_date)::integer AS overdue,
           count(*) FILTER (WHERE i.status = 'on_control' AND i.due_date >= current_date)::integer AS in_progress,
           -- instruction.extensions is R69.1's count of changes, extensions and
           -- transfers (the C journal, rules_effect_core.c); less the transfers
           -- it is the extension decisions (extension_decisions of
           -- instruction_as_of).  The transfers, new deadlines and repeated
           -- extensions, which are few, are counted from the journal
           count(*) FILTER (WHERE i.extensions > coalesce(j.transfers, 0))::integer AS extended,
           count(*) FILTER (WHERE j.repeated_extensions > 0)::integer AS extended_repeatedly,
           count(*) FILTER (WHERE j.transfers > 0)::integer AS transferred,
           count(*) FILTER (WHERE j.new_deadlines > 0)::integer AS with_new_deadline,
           count(*) FILTER (WHERE r.ground = 'executed')::integer AS removed_executed,
           count(*) FILTER (WHERE r.ground = 'duplicated')::integer AS removed_duplicated,
           count(*) FILTER (WHERE r.ground = 'impossible')::integer AS removed_impossible,
           count(*) FILTER (WHERE r.ground = 'control_passed')::integer AS removed_control_passed
      FROM instruction i
      -- the removal, if any: a removed instruction takes no later decision, so
      -- its latest decision (kept by the journal) is the removal
      LEFT JOIN decision r ON r.id = i.last_decision_id AND i.status = 'removed' AND r.kind = 'removal'
      LEFT JOIN (
        SELECT d.instruction_id,
               count(*) FILTER (WHERE d.kind = 'transfer') AS transfers,
               count(*) FILTER (WHERE d.kind = 'new_deadline') AS new_deadlines,
               count(*) FILTER (WHERE d.kind = 'extension') AS repeated_extensions
          FROM decision d
         WHERE d.kind IN ('transfer', 'new_deadline') OR (d.kind = 'extension' AND d.repeated)
         GROUP BY d.instruction_id
      ) j ON j.instruction_id = i.id
     WHERE i.due_date IS NOT NULL
       -- whole figures only: a body's row for a role that sees all its
       -- instructions (issue 17, item 5; see report_sees_all)
       AND ((SELECT report_whole_bodies()) IS NULL
            OR i.responsible_body_id = ANY ((SELECT report_whole_bodies())::bigint[]))
     GROUP BY i.responsible_body_id, date_trunc('month', i.due_date::timestamp)::date
  ) g
  LEFT JOIN state_body b ON b.id = g.body_id;
COMMENT ON VIEW report_discipline IS
  'Executive discipline (атқарушылық тәртіп / исполнительская дисциплина) per responsible body and month of the deadline in force: on time, late, extended, extended repeatedly, transferred, new deadlines, removals by ground and the on-time rate; sum the counts to roll up.  Whole figures only: a reader of some bodies gets the rows of its bodies, never a partial count of another (issue 17, item 5)';
