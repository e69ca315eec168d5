/*
 * 98_failover: the sweep job follows a failover with no manual step (issue 17,
 * item 4), helper D.  Follows sql/src/50_scheduling.sql:
 * - scheduling_status(): the standby's hint no longer asks to unschedule and
 *   schedule again after a promotion; the ready hints recommend
 *   cron.use_background_workers = on when it is off;
 * - schedule_sweeps(): a sweep or cleanup job naming another server's
 *   nodename/nodeport (scheduled on the old primary) is replaced by one naming
 *   this server.
 * Same signatures and results.
 */

\definition scheduling_status sql/src/50_scheduling.sql
-- schedule_sweeps(): as 0.3 has it, named by 99_readme.sql (\definition)

COMMENT ON FUNCTION schedule_sweeps(text, interval) IS
  'Schedule CALL instruction_control.sweep() with pg_cron (default 01:00 GMT = 06:00 in Astana) through cron.schedule_in_database, here or through dblink; the job runs as the calling login role (an ic_admin), the command is fixed and the schedule checked (22023); a job naming another server''s host or port (from before a failover) is replaced by one naming this server; also schedules the daily cleanup of cron.job_run_details older than keep_run_details; returns the job id';
