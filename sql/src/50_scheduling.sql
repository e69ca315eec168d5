-- ===========================================================================
-- Scheduling
--
-- pg_cron is optional.  Without it everything works; deadline sweeps are then
-- run by calling the sweep function from any scheduler.  PostgreSQL hides
-- notices raised inside CREATE EXTENSION, so the state of scheduling is a
-- function to ask rather than a message at install time.
-- ===========================================================================

CREATE FUNCTION scheduling_status(
    OUT pg_cron_preloaded boolean,
    OUT pg_cron_installed boolean,
    OUT cron_database text,
    OUT ready boolean,
    OUT hint text)
RETURNS record
LANGUAGE plpgsql STABLE PARALLEL SAFE
SET search_path = pg_catalog
AS $$
BEGIN
  pg_cron_preloaded := 'pg_cron' = ANY (string_to_array(
      replace(current_setting('shared_preload_libraries'), ' ', ''), ','));
  pg_cron_installed := EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_cron');
  cron_database := current_setting('cron.database_name', true);
  ready := pg_cron_preloaded AND pg_cron_installed;
  hint := CASE
    WHEN NOT pg_cron_preloaded THEN
      'Add pg_cron to shared_preload_libraries, set cron.database_name = ''' || current_database()
      || ''', restart the server, then run CREATE EXTENSION pg_cron in this database.'
    WHEN cron_database IS DISTINCT FROM current_database() THEN
      'pg_cron runs jobs in database ' || coalesce(quote_literal(cron_database), '(unset)')
      || '; set cron.database_name = ''' || current_database()
      || ''' and restart, or schedule from that database with cron.schedule_in_database().'
    WHEN NOT pg_cron_installed THEN
      'Run CREATE EXTENSION pg_cron in this database.'
    ELSE
      'pg_cron is ready in this database.'
  END;
END
$$;

COMMENT ON FUNCTION scheduling_status() IS
  'Whether pg_cron can run the deadline sweeps in this database, and if not, what to do';
