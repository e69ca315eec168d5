/*
 * 99zz_sweep_statements_derived: the statements a sweep runs,
 *   sweep_found_current(), sweep_found_replay() and sweep_found_incremental(),
 *   derived once more from sweep_found() as the parts above left it (the DO
 *   block of sql/src/62_sweep_found.sql).  A part that changes sweep_found() or
 *   sweep_found_source() (99ze, 99zk, 99zl) leaves the derivation to this
 *   one, which must stay the last part of the upgrade.
 */

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
