-- ===========================================================================
-- Sweeps, part 3 of 4 (continued): the statements a sweep runs,
-- sweep_found_current(), sweep_found_replay() and sweep_found_incremental(),
-- derived from sweep_found() by sweep_found_source() (62_sweep_found.sql says
-- why).  The overview: 60_sweep.sql.
--
-- The upgrade from 0.2 runs this file as it is, as its last part
-- (sql/upgrade/0.2--0.3/99zz_sweep_statements_derived.sql is a link to it): a
-- part that changes sweep_found() or sweep_found_source() leaves the
-- derivation to it, so it derives them once from what the parts above left.
-- ===========================================================================

DO $$
DECLARE
  m text;
BEGIN
  FOREACH m IN ARRAY ARRAY['current', 'replay', 'incremental'] LOOP
    EXECUTE pg_catalog.format($f$
      CREATE OR REPLACE FUNCTION instruction_control.%I(as_of date, reminder_to date, periods jsonb,
          keep_marks boolean, batch_size integer, run bigint, since date DEFAULT NULL)
      RETURNS TABLE (batch integer, instruction_id bigint, kind text, period date, addressee text,
                     rule_id text, due_date date, detail jsonb, draft_id bigint)
      LANGUAGE sql STABLE PARALLEL SAFE
      AS %L$f$, 'sweep_found_' || m, instruction_control.sweep_found_source(m));
    EXECUTE pg_catalog.format('COMMENT ON FUNCTION instruction_control.%I(date, date, jsonb, boolean, integer, '
                              'bigint, date) IS %L',
      'sweep_found_' || m,
      'Internal: sweep_found() for the mode ' || m || ', derived from it by sweep_found_source() when the '
      'extension was installed or updated (do not edit: change sweep_found())');
  END LOOP;
END
$$;
