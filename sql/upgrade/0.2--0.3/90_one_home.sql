/*
 * 90_one_home: one home per rule and per list (issue 21, item 4, first half), helper I.
 * Follows sql/src/35_registry_triggers.sql (roadmap_due_on_receipt(): R56 in C,
 * the guard's rule) and sql/src/61_sweep_rules.sql (sweep_state_as_of() calls it
 * instead of its own R56 on the rolled due date with a literal 10),
 * sql/src/45_history.sql (instruction_as_of's count of extension decisions
 * has its own name, extension_decisions: its result type changes, so DROP +
 * CREATE with its privileges of sql/src/90_security.sql) and
 * sql/src/70c_annual_summary.sql (form_annual_summary reads it; the comments of the
 * BI views' extensions columns say what they count).
 */

-- R56 in one place (sql/src/35_registry_triggers.sql) --------------------------
CREATE FUNCTION roadmap_due_on_receipt(received_on date, term term, due_date date,
                                       executing_bodies integer, new_approaches boolean,
                                       calendar text DEFAULT NULL)
RETURNS date AS 'MODULE_PATHNAME', 'ic_sql_roadmap_due_on_receipt'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION roadmap_due_on_receipt(date, term, date, integer, boolean, text) IS
  'R56: the day a roadmap is due, 10 working days from receipt, when the term given in the act (to its nominal end, not rolled; else the due date) is longer than six months and 2+ bodies execute or the instruction forms new approaches; NULL when R56 asks for none. The rule the guard applies when an instruction is put on control (calendar NULL: the default calendar)';

-- The replay of a past day asks it (sql/src/61_sweep_rules.sql) -----------------
CREATE OR REPLACE FUNCTION sweep_state_as_of(as_of date)
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

-- The journal's count of extension decisions has its own name (sql/src/45_history.sql)
DROP FUNCTION instruction_as_of(date);
CREATE FUNCTION instruction_as_of(as_of date)
RETURNS TABLE (
  instruction_id      bigint,
  on_control          boolean,
  due_date            date,
  regime              text,
  extension_decisions integer,
  repeated_extensions integer,
  transfers           integer,
  new_deadlines       integer,
  decisions           integer,
  removed_on          date,
  removal_ground      text,
  last_decided_on     date)
LANGUAGE sql STABLE PARALLEL SAFE
AS $$
  SELECT i.id,
         j.removed_on IS NULL,
         coalesce(j.due_then, f.due_before, i.due_date),
         coalesce(j.regime_then, f.regime_before, i.regime::pg_catalog.text),
         coalesce(j.extension_decisions, 0),
         coalesce(j.repeated, 0),
         coalesce(j.transfers, 0),
         coalesce(j.new_deadlines, 0),
         coalesce(j.decisions, 0),
         j.removed_on,
         j.removal_ground,
         j.last_decided_on
    FROM instruction_control.instruction i
    -- decisions taken on or before the day: what they left
    LEFT JOIN LATERAL (
      SELECT (pg_catalog.array_agg(d.new_due_date ORDER BY d.seq DESC)
                FILTER (WHERE d.new_due_date IS NOT NULL))[1] AS due_then,
             (pg_catalog.array_agg(d.new_regime::pg_catalog.text ORDER BY d.seq DESC)
                FILTER (WHERE d.new_regime IS NOT NULL))[1] AS regime_then,
             pg_catalog.count(*) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'extension')::integer AS extension_decisions,
             pg_catalog.count(*) FILTER (WHERE d.repeated)::integer AS repeated,
             pg_catalog.count(*) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'transfer')::integer AS transfers,
             pg_catalog.count(*) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'new_deadline')::integer AS new_deadlines,
             pg_catalog.count(*)::integer AS decisions,
             pg_catalog.min(d.decided_on) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'removal') AS removed_on,
             pg_catalog.min(d.ground::pg_catalog.text) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'removal') AS removal_ground,
             pg_catalog.max(d.decided_on) AS last_decided_on
        FROM instruction_control.decision d
       WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id
         AND d.decided_on OPERATOR(pg_catalog.<=) as_of
    ) j ON true
    -- no such decision yet: what the first later decision found
    LEFT JOIN LATERAL (
      SELECT (pg_catalog.array_agg(d.old_due_date ORDER BY d.seq)
                FILTER (WHERE d.new_due_date IS NOT NULL))[1] AS due_before,
             (pg_catalog.array_agg(d.old_regime::pg_catalog.text ORDER BY d.seq)
                FILTER (WHERE d.new_regime IS NOT NULL))[1] AS regime_before
        FROM instruction_control.decision d
       WHERE d.instruction_id OPERATOR(pg_catalog.=) i.id
         AND d.decided_on OPERATOR(pg_catalog.>) as_of
    ) f ON true
   WHERE coalesce(i.received_on, i.created_at::pg_catalog.date) OPERATOR(pg_catalog.<=) as_of
$$;
COMMENT ON FUNCTION instruction_as_of(date) IS
  'Every instruction received on or before the day, as it stood at the end of that day, folded from the decision journal: on control or removed (day, R75 ground), due date and regime then, extension decisions (extension_decisions: extensions only; instruction.extensions counts extensions and transfers, R69.1; repeated: R72), transfers (R69.3, R69.4) and new deadlines (R70.4) so far. Inlined by the planner, so a filter on instruction_id is pushed into it';
REVOKE EXECUTE ON FUNCTION instruction_as_of(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION instruction_as_of(date) TO ic_reader;

-- ... and the annual summary reads it (sql/src/70c_annual_summary.sql)
CREATE OR REPLACE FUNCTION form_annual_summary(body_id bigint, year integer, lang text DEFAULT 'ru')
RETURNS TABLE (sector text, sector_heading text, row_no integer, instruction_id bigint, requisites text,
               content text, status text, status_label text, final_result text, intermediate_result text,
               due_date date, extensions integer, transfers integer, new_deadlines integer, state_secret boolean)
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  the_body bigint := body_id;
  y_start date;
  y_end date;
  is_kk boolean := report_check_lang(lang) = 'kk';
BEGIN
  IF NOT EXISTS (SELECT 1 FROM state_body b WHERE b.id = the_body) THEN
    RAISE EXCEPTION 'no state body %', coalesce(the_body::text, 'NULL')
      USING ERRCODE = 'IC303', HINT = 'Name a body of instruction_control.state_body by its id.';
  END IF;
  IF year IS NULL OR year < 2000 OR year > 2100 THEN
    RAISE EXCEPTION 'no annual summary for year %', coalesce(year::text, 'NULL')
      USING ERRCODE = 'IC304', HINT = 'Give a year from 2000 to 2100.';
  END IF;
  y_start := make_date(year, 1, 1);
  y_end := make_date(year, 12, 31);
  RETURN QUERY
  WITH mine AS (
    SELECT i.*
      FROM instruction i
     WHERE (i.controlling_body_id = the_body
            OR (i.controlling_body_id IS NULL AND i.responsible_body_id = the_body AND i.level <> 'pa'))
       AND coalesce(i.received_on, i.created_at::date) <= y_end
  ), rows AS (
    SELECT m.id, m.act_id, m.point, m.secrecy, m.content, m.final_result, m.paper_card_ref, m.received_on,
           m.calendar, m.external_ref,
           coalesce(rb.sector, '') AS sector_key,
           s.on_control, s.due_date AS due_then, s.removed_on AS removed_then, s.removal_ground,
           s.extension_decisions AS ext, s.transfers AS tr, s.new_deadlines AS nd, s.regime AS regime_then
      FROM mine m
      JOIN instruction_as_of(y_end) s ON s.instruction_id = m.id
      LEFT JOIN state_body rb ON rb.id = m.responsible_body_id
     WHERE s.on_control OR s.removed_on >= y_start
  )
  SELECT nullif(r.sector_key, ''),
         sector_heading(nullif(r.sector_key, ''), lang),
         (row_number() OVER (PARTITION BY r.sector_key ORDER BY a.signed_on NULLS LAST, r.act_id NULLS LAST, r.point NULLS LAST, r.id))::integer,
         r.id,
         concat_ws(', ',
           CASE WHEN a.id IS NOT NULL
                THEN concat_ws(' ', a.act_type, CASE WHEN a.number IS NOT NULL THEN '№ ' || a.number END,
                               CASE WHEN a.signed_on IS NOT NULL THEN CASE WHEN is_kk THEN report_date(a.signed_on) || ' ж.' ELSE 'от ' || report_date(a.signed_on) END END)
                ELSE CASE WHEN is_kk THEN 'тапсырма' ELSE 'поручение' END
                     || CASE WHEN r.external_ref IS NOT NULL THEN ' ' || r.external_ref ELSE '' END
                     || CASE WHEN r.received_on IS NOT NULL THEN CASE WHEN is_kk THEN ', келіп түсті ' ELSE ', поступило ' END || report_date(r.received_on) ELSE '' END END,
           CASE WHEN r.point IS NOT NULL THEN CASE WHEN is_kk THEN r.point::text || '-тармақ' ELSE 'п. ' || r.point::text END END),
         CASE WHEN r.secrecy = 'state_secret'
              THEN CASE WHEN is_kk THEN 'Мемлекеттік құпиялар (R14): қағаз карточка ' ELSE 'Государственные секреты (R14): бумажная карточка ' END
                   || coalesce(r.paper_card_ref, '—')
              ELSE r.content END,
         CASE WHEN r.on_control THEN 'in_progress' WHEN r.removal_ground = 'executed' THEN 'executed' ELSE 'removed' END,
         CASE WHEN r.on_control THEN CASE WHEN is_kk THEN 'орындалуда' ELSE 'на исполнении' END
              WHEN r.removal_ground = 'executed' THEN CASE WHEN is_kk THEN 'орындалған' ELSE 'исполнено' END
              ELSE CASE WHEN is_kk THEN 'бақылаудан алынды: ' ELSE 'снято с контроля: ' END
                   || (coalesce((SELECT CASE WHEN is_kk THEN v.kk ELSE v.ru END FROM vocabulary v
                                       WHERE v.domain = 'removal_ground' AND v.code = r.removal_ground), r.removal_ground, '')) END,
         -- executed: the final result in brief
         CASE WHEN NOT r.on_control AND r.removal_ground = 'executed' THEN
           CASE WHEN r.secrecy = 'state_secret' THEN NULL
                ELSE coalesce(
                  (SELECT p.content FROM report p WHERE p.instruction_id = r.id AND p.kind = 'final' AND p.submitted_on <= y_end
                    ORDER BY p.submitted_on DESC, p.id DESC LIMIT 1),
                  r.final_result) END
           || ''
         END,
         -- in progress: the intermediate result with the facts of extensions, transfers and new deadlines
         CASE WHEN r.on_control OR r.removal_ground <> 'executed' THEN
           nullif(concat_ws(' ',
             CASE WHEN r.secrecy <> 'state_secret' AND r.on_control THEN
               (SELECT p.content || '.' FROM report p WHERE p.instruction_id = r.id AND p.kind = 'intermediate' AND p.submitted_on <= y_end
                 ORDER BY p.submitted_on DESC, p.id DESC LIMIT 1) END,
             (SELECT string_agg(
                CASE d.kind
                  WHEN 'extension' THEN
                    CASE WHEN is_kk THEN report_date(d.decided_on) || ' мерзім ' || coalesce(report_date(d.old_due_date), '') || ' бастап ' || report_date(d.new_due_date) || ' дейін ' || CASE WHEN d.repeated THEN 'қайталап ' ELSE '' END || 'ұзартылды'
                                    || ' (' || coalesce((SELECT v.kk FROM vocabulary v WHERE v.domain = 'decider' AND v.code = d.decided_by::text), d.decided_by::text, '') || ')'
                         ELSE 'Срок ' || CASE WHEN d.repeated THEN 'повторно ' ELSE '' END || 'продлён ' || report_date(d.decided_on) || ' с ' || coalesce(report_date(d.old_due_date), '') || ' до ' || report_date(d.new_due_date)
                                    || ' (' || coalesce((SELECT v.ru FROM vocabulary v WHERE v.domain = 'decider' AND v.code = d.decided_by::text), d.decided_by::text, '') || ')' END
                  WHEN 'transfer' THEN
                    CASE WHEN is_kk THEN report_date(d.decided_on) || ' ' || lower(coalesce((SELECT v.kk FROM vocabulary v WHERE v.domain = 'control_regime' AND v.code = d.new_regime::text), d.new_regime::text, '')) || 'ға ауыстырылды, мерзім ' || coalesce(report_date(d.new_due_date), '')
                         ELSE 'Переведено на ' || CASE d.new_regime::text WHEN 'medium_term' THEN 'среднесрочный' WHEN 'long_term' THEN 'долгосрочный' ELSE coalesce(d.new_regime::text, '') END || ' контроль ' || report_date(d.decided_on) || ', срок до ' || coalesce(report_date(d.new_due_date), '') END
                  WHEN 'new_deadline' THEN
                    CASE WHEN is_kk THEN report_date(d.decided_on) || ' жаңа мерзім белгіленді: ' || report_date(d.new_due_date)
                                    || CASE WHEN r.secrecy <> 'state_secret' AND d.reason IS NOT NULL THEN ' (' || lower(coalesce((SELECT v.kk FROM vocabulary v WHERE v.domain = 'new_deadline_reason' AND v.code = d.reason), d.reason)) || ')' ELSE '' END
                         ELSE 'Установлен новый срок ' || report_date(d.decided_on) || ': до ' || report_date(d.new_due_date)
                                    || CASE WHEN r.secrecy <> 'state_secret' AND d.reason IS NOT NULL THEN ' (' || lower(coalesce((SELECT v.ru FROM vocabulary v WHERE v.domain = 'new_deadline_reason' AND v.code = d.reason), d.reason)) || ')' ELSE '' END END
                  WHEN 'removal' THEN
                    CASE WHEN is_kk THEN report_date(d.decided_on) || ' бақылаудан алынды' ELSE 'Снято с контроля ' || report_date(d.decided_on) END
                END || '.', ' ' ORDER BY d.seq)
                FROM decision d
               WHERE d.instruction_id = r.id AND d.decided_on <= y_end AND d.kind <> 'roadmap_approval'),
             CASE WHEN r.on_control THEN
               CASE WHEN is_kk THEN 'Орындау мерзімі: ' || coalesce(report_date(r.due_then), '—')
                                    || CASE WHEN r.due_then < y_end THEN ' (өтіп кетті)' ELSE '' END || '.'
                    ELSE 'Срок исполнения: ' || coalesce(report_date(r.due_then), '—')
                         || CASE WHEN r.due_then < y_end THEN ' (истёк)' ELSE '' END || '.' END END), '')
         END,
         r.due_then,
         r.ext, r.tr, r.nd,
         r.secrecy = 'state_secret'
    FROM rows r
    LEFT JOIN act a ON a.id = r.act_id
   ORDER BY 2, 3;
END
$$;

COMMENT ON COLUMN report_control_card.extensions IS 'Extension decisions, R69.1 (ұзартулар / продления); transfers are counted in transfers (instruction.extensions counts both)';
COMMENT ON COLUMN report_overdue.extensions IS 'Extension decisions so far, R69.1 (ұзартулар / продления); transfers are counted in transfers (instruction.extensions counts both)';
