/*
 * 10_definer_paths: every pinned search_path ends in pg_temp (issue 16, items 0
 * and 1).  Follows the SET clauses of all sql/src/ files and the qualified
 * casts of the unpinned SQL functions instruction_as_of (45_history.sql),
 * escalation_addressee, sweep_state_as_of and the procedure sweep
 * (60_sweep.sql to 63_sweep_run.sql), and what plpgsql_check found in
 * kurban_ait_estimate, calendar_generate_years and extend_calendar
 * (21_calendar_admin.sql).
 *
 * A path without pg_temp searches the session's temporary schema FIRST for
 * relations and types: an ic_admin could shadow sweep_setting with a temp view
 * and run its own function as the owner of the SECURITY DEFINER sweep steps.
 * Definer or not, every pinned path is now
 * pg_catalog, instruction_control, pg_temp (or pg_catalog, pg_temp where the
 * function names nothing of the extension unqualified).
 */

ALTER FUNCTION cron_connstr() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION cron_exec(text) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION form_annual_summary(bigint,integer,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION form_annual_summary_csv(bigint,integer,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION form_annual_summary_html(bigint,integer,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION form_control_approval(bigint,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION form_control_approval_csv(bigint,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION form_control_approval_html(bigint,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION kurban_ait_estimate(integer) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION mark_delivered(bigint[]) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION next_events(integer,addressee) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION report_check_lang(text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION report_html_head(text,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION reporting_period_end(reporting_period,date,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION schedule_sweeps(text,interval) SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION scheduled_sweeps() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION scheduling_status() SET search_path = pg_catalog, pg_temp;
ALTER FUNCTION sector_heading(text,text) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION sweep_batch(bigint) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION sweep_begin(date,integer,boolean) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION sweep_finish(bigint) SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION sweep_setting_owner() SET search_path = pg_catalog, instruction_control, pg_temp;
ALTER FUNCTION unschedule_sweeps() SET search_path = pg_catalog, pg_temp;

-- Unpinned SQL bodies (inlined, so without SET): every type cast is qualified.

CREATE OR REPLACE FUNCTION instruction_as_of(as_of date)
RETURNS TABLE (
  instruction_id      bigint,
  on_control          boolean,
  due_date            date,
  regime              text,
  extensions          integer,
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
         coalesce(j.extensions, 0),
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
             pg_catalog.count(*) FILTER (WHERE d.kind::pg_catalog.text OPERATOR(pg_catalog.=) 'extension')::integer AS extensions,
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

-- escalation_addressee(): as 0.3 has it, named by 99zk_sweep_functions_inlined.sql (\definition)

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
                WHEN i.original_due_date OPERATOR(pg_catalog.>) (i.received_on OPERATOR(pg_catalog.+) pg_catalog.make_interval(0, 6))
                     AND ((pg_catalog.cardinality(i.co_executor_ids) OPERATOR(pg_catalog.>) 0) OR i.new_approaches)
                THEN instruction_control.add_working_days(i.received_on, 10, coalesce(i.calendar, 'KZ'))
           END),
         i.reporting_period::pg_catalog.text, i.category::pg_catalog.text, i.received_on, i.signed_on, i.deadline_source::pg_catalog.text,
         coalesce(i.calendar, 'KZ'), i.responsible_body_id, i.controlling_body_id
    FROM instruction_control.instruction_as_of(as_of) a
    JOIN instruction_control.instruction i ON i.id OPERATOR(pg_catalog.=) a.instruction_id
$$;

CREATE OR REPLACE PROCEDURE sweep(as_of date DEFAULT current_date, batch_size integer DEFAULT 5000,
                       full_scope boolean DEFAULT false)
LANGUAGE plpgsql
AS $$
DECLARE
  run bigint;
  one_transaction boolean;
  result instruction_control.sweep_run;
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
  run := instruction_control.sweep_begin(as_of, batch_size, full_scope);
  IF NOT one_transaction THEN
    COMMIT;
  END IF;
  WHILE instruction_control.sweep_batch(run) LOOP
    IF NOT one_transaction THEN
      COMMIT;
    END IF;
  END LOOP;
  result := instruction_control.sweep_finish(run);
  RAISE NOTICE 'sweep of %: % events %', result.as_of, result.events, result.counts::pg_catalog.text;
END
$$;

-- plpgsql_check (sql/plpgsql_lint.sql): no unused variable, no implicit cast of an
-- unknown or numeric value in the calendar functions (21_calendar_admin.sql).

CREATE OR REPLACE FUNCTION kurban_ait_estimate(p_year integer) RETURNS SETOF date
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  tab_jd  double precision;   -- 1 Dhu al-Hijjah of the arithmetical calendar (Julian day)
  k       integer;
  t       double precision;
  m       double precision;
  mp      double precision;
  f       double precision;
  om      double precision;
  e       double precision;
  conj    double precision;   -- a conjunction (Julian day, UT)
  best    double precision;   -- the conjunction nearest tab_jd
  ts      timestamp;
  eid     date;
BEGIN
  -- The Hijri years whose 10 Dhu al-Hijjah may fall in p_year (one, sometimes two).
  FOR hy IN ((p_year - 622) * 33 / 32 - 1) .. ((p_year - 622) * 33 / 32 + 2) LOOP
    tab_jd := 325 + (hy - 1) * 354 + (3 + 11 * hy) / 30 + 1948438.5;
    k := round((tab_jd - 2451550.09766) / 29.530588861);
    best := NULL;
    FOR kk IN k - 1 .. k + 1 LOOP
      t := kk / 1236.85;
      m  := radians(2.5534 + 29.10535670 * kk - 0.0000014 * t^2 - 0.00000011 * t^3);
      mp := radians(201.5643 + 385.81693528 * kk + 0.0107582 * t^2 + 0.00001238 * t^3 - 0.000000058 * t^4);
      f  := radians(160.7108 + 390.67050284 * kk - 0.0016118 * t^2 - 0.00000227 * t^3 + 0.000000011 * t^4);
      om := radians(124.7746 - 1.56375588 * kk + 0.0020672 * t^2 + 0.00000215 * t^3);
      e  := 1 - 0.002516 * t - 0.0000074 * t^2;
      conj := 2451550.09766 + 29.530588861 * kk + 0.00015437 * t^2 - 0.000000150 * t^3 + 0.00000000073 * t^4
        - 0.40720 * sin(mp) + 0.17241 * e * sin(m) + 0.01608 * sin(2 * mp) + 0.01039 * sin(2 * f)
        + 0.00739 * e * sin(mp - m) - 0.00514 * e * sin(mp + m) + 0.00208 * e * e * sin(2 * m)
        - 0.00111 * sin(mp - 2 * f) - 0.00057 * sin(mp + 2 * f) + 0.00056 * e * sin(2 * mp + m)
        - 0.00042 * sin(3 * mp) + 0.00042 * e * sin(m + 2 * f) + 0.00038 * e * sin(m - 2 * f)
        - 0.00024 * e * sin(2 * mp - m) - 0.00017 * sin(om) - 0.00007 * sin(mp + 2 * m)
        + 0.00004 * sin(2 * mp - 2 * f) + 0.00004 * sin(3 * m) + 0.00003 * sin(mp + m - 2 * f)
        + 0.00003 * sin(2 * mp + 2 * f) - 0.00003 * sin(mp + m + 2 * f) + 0.00003 * sin(mp - m + 2 * f)
        - 0.00002 * sin(mp - m - 2 * f) - 0.00002 * sin(3 * mp + m) + 0.00002 * sin(4 * mp)
        -- planetary arguments
        + 0.000325 * sin(radians(299.77 + 0.107408 * kk - 0.009173 * t^2))
        + 0.000165 * sin(radians(251.88 + 0.016321 * kk)) + 0.000164 * sin(radians(251.83 + 26.651886 * kk))
        + 0.000126 * sin(radians(349.42 + 36.412478 * kk)) + 0.000110 * sin(radians(84.66 + 18.206239 * kk))
        + 0.000062 * sin(radians(141.74 + 53.303771 * kk)) + 0.000060 * sin(radians(207.14 + 2.453732 * kk))
        + 0.000056 * sin(radians(154.84 + 7.306860 * kk)) + 0.000047 * sin(radians(34.52 + 27.261239 * kk))
        + 0.000042 * sin(radians(207.19 + 0.121824 * kk)) + 0.000040 * sin(radians(291.34 + 1.844379 * kk))
        + 0.000037 * sin(radians(161.72 + 24.198154 * kk)) + 0.000035 * sin(radians(239.56 + 25.513099 * kk))
        + 0.000023 * sin(radians(331.55 + 3.592518 * kk))
        - 69.0 / 86400;           -- terrestrial time to UT (delta T, about 69 s)
      IF best IS NULL OR abs(conj - tab_jd) < abs(best - tab_jd) THEN
        best := conj;
      END IF;
    END LOOP;
    ts := timestamp '2000-01-01 12:00' + (best - 2451545.0) * interval '1 day';
    eid := ts::date + CASE WHEN ts::time <= time '14:00' THEN 10 ELSE 11 END;
    IF extract(year FROM eid) = p_year THEN
      RETURN NEXT eid;
    END IF;
  END LOOP;
END
$$;

CREATE OR REPLACE FUNCTION calendar_generate_years(p_calendar text, p_from_year integer, p_to_year integer,
                                        p_kurban_ait date[], p_estimate_kurban_ait boolean)
RETURNS integer
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  cal      calendar%ROWTYPE;
  y_first  date := make_date(p_from_year, 1, 1);
  y_last   date := make_date(p_to_year, 12, 31);
  r        record;
  d        date;
  n        integer := 0;
  k        integer;
  off_days  date[] := '{}'::date[];   -- days off of the weekend-holiday rule,
  off_for   date[] := '{}'::date[];   -- the holiday each one is for,
  off_names text[] := '{}'::text[];   -- and its names (en, kk, ru)
BEGIN
  IF p_from_year > p_to_year THEN
    RAISE EXCEPTION 'no years from % to %', p_from_year, p_to_year USING ERRCODE = '22023';
  END IF;
  SELECT * INTO cal FROM calendar WHERE code = p_calendar FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'calendar "%" does not exist', p_calendar
      USING ERRCODE = 'IC001',
            HINT = 'Create it first: INSERT INTO instruction_control.calendar (code, name, valid_from, valid_to) VALUES (...).';
  END IF;
  SELECT min(year) INTO k FROM calendar_year
   WHERE calendar = p_calendar AND year BETWEEN p_from_year AND p_to_year;
  IF k IS NOT NULL THEN
    RAISE EXCEPTION 'calendar "%" already has year %', p_calendar, k
      USING ERRCODE = 'IC003',
            DETAIL = 'generate_calendar_year() and extend_calendar() create the rule-based days of new years only.',
            HINT = 'Change single days with UPDATE or add_transfer().';
  END IF;
  IF y_first > cal.valid_to + 1 OR y_last < cal.valid_from - 1 THEN
    RAISE EXCEPTION 'year % is not next to the range of calendar "%" (% to %)',
                    CASE WHEN y_first > cal.valid_to THEN p_from_year ELSE p_to_year END,
                    p_calendar, cal.valid_from, cal.valid_to
      USING ERRCODE = 'IC003',
            HINT = 'Add the years in between first: a calendar covers one unbroken range.';
  END IF;
  IF greatest(cal.valid_to, y_last) - least(cal.valid_from, y_first) >= 146400 THEN
    RAISE EXCEPTION 'calendar "%" would cover more than 400 years (% to %)',
                    p_calendar, least(cal.valid_from, y_first), greatest(cal.valid_to, y_last)
      USING ERRCODE = 'IC003',
            DETAIL = 'The working-day cache holds at most 400 years of a calendar.';
  END IF;
  SELECT g INTO d FROM unnest(p_kurban_ait) g
   WHERE g IS NOT NULL AND extract(year FROM g)::integer NOT BETWEEN p_from_year AND p_to_year LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'Kurban Ait % is not in year %', d,
                    CASE WHEN p_from_year = p_to_year THEN p_from_year::text
                         ELSE p_from_year || '-' || p_to_year END
      USING ERRCODE = '22023';
  END IF;
  UPDATE calendar SET valid_from = least(valid_from, y_first), valid_to = greatest(valid_to, y_last)
   WHERE code = p_calendar AND (valid_from > y_first OR valid_to < y_last);

  -- Holidays of the years from the rules (29 February only in leap years).
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
  SELECT p_calendar, make_date(y, h.month, h.day), 'holiday', h.name, h.name_kk, h.name_ru, h.basis
    FROM generate_series(p_from_year, p_to_year) AS y
    JOIN calendar_holiday_rule h
      ON h.calendar = p_calendar AND y BETWEEN h.valid_from_year AND h.valid_to_year
   WHERE (h.month, h.day) <> (2, 29) OR (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0))
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS n = ROW_COUNT;

  -- Kurban Ait day 1: the days given; for the other years an estimate.
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
  SELECT p_calendar, g, 'holiday', 'Kurban Ait (day 1)', 'Құрбан айт (1-күні)', 'Курбан айт (1-й день)',
         'Labour Code, art. 84(5); never moved'
    FROM unnest(p_kurban_ait) AS g
   WHERE g IS NOT NULL
  UNION ALL
  SELECT p_calendar, e, 'holiday', 'Kurban Ait (day 1, estimated)', 'Құрбан айт (1-күні, болжам)',
         'Курбан айт (1-й день, оценка)',
         'Labour Code, art. 84(5); never moved.  Day estimated by kurban_ait_estimate() until the Spiritual Administration of Muslims of Kazakhstan announces it'
    FROM generate_series(p_from_year, p_to_year) AS y
   CROSS JOIN LATERAL kurban_ait_estimate(y) AS e
   WHERE p_estimate_kurban_ait
     AND NOT EXISTS (SELECT 1 FROM unnest(p_kurban_ait) AS g WHERE extract(year FROM g) = y)
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS k = ROW_COUNT;
  n := n + k;

  -- Law "On holidays", art. 5: a holiday on a weekend day makes the next working
  -- day after it a day off (7 January and Kurban Ait are never moved).  The
  -- days off are collected and inserted at once: each statement on the table
  -- invalidates the working-day caches.
  FOR r IN
    SELECT DISTINCT ON (1) make_date(y, h.month, h.day) AS day, h.name, h.name_kk, h.name_ru
      FROM generate_series(p_from_year, p_to_year) AS y
      JOIN calendar_holiday_rule h
        ON h.calendar = p_calendar AND y BETWEEN h.valid_from_year AND h.valid_to_year
     WHERE h.moves_off_weekend
       AND ((h.month, h.day) <> (2, 29) OR (y % 4 = 0 AND (y % 100 <> 0 OR y % 400 = 0)))
       AND extract(isodow FROM make_date(y, h.month, h.day))::smallint = ANY (cal.weekend_days)
     ORDER BY 1
  LOOP
    d := r.day + 1;
    WHILE extract(isodow FROM d)::smallint = ANY (cal.weekend_days) OR d = ANY (off_days)
          OR EXISTS (SELECT 1 FROM calendar_day WHERE calendar = p_calendar AND day = d) LOOP
      d := d + 1;
    END LOOP;
    off_days := off_days || d;
    off_for := off_for || r.day;
    off_names := off_names || ARRAY[[r.name, r.name_kk, r.name_ru]];
  END LOOP;
  INSERT INTO calendar_day (calendar, day, kind, name, name_kk, name_ru, basis)
  SELECT p_calendar, off_days[i], 'day_off',
         format('Day off for %s (%s)', off_names[i][1], off_for[i]),
         format('Демалыс күні: %s (%s)', off_names[i][2], off_for[i]),
         format('Выходной день за %s (%s)', off_names[i][3], off_for[i]),
         'Law "On holidays in the Republic of Kazakhstan", art. 5 (holiday on a day off)'
    FROM generate_subscripts(off_days, 1) AS i
  ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS k = ROW_COUNT;
  n := n + k;

  INSERT INTO calendar_year (calendar, year, status, basis)
  SELECT p_calendar, y, 'generated',
         'Generated from the holiday rules'
         || CASE WHEN EXISTS (SELECT 1 FROM unnest(p_kurban_ait) AS g WHERE extract(year FROM g) = y) THEN ''
                 WHEN p_estimate_kurban_ait THEN ' (Kurban Ait day 1 estimated)'
                 ELSE ' (Kurban Ait not given)' END
         || '; no Government decree applied'
    FROM generate_series(p_from_year, p_to_year) AS y;
  RETURN n;
END
$$;

\definition extend_calendar sql/src/21_calendar_admin.sql
