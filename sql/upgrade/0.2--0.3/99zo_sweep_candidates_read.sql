/*
 * 99zo_sweep_candidates_read: a batch reads its candidates, and the run's end
 *   empties them at once (issue 19).  sweep_batch() took each batch by a
 *   DELETE ... RETURNING of its rows in sweep_candidate, about a quarter of
 *   each batch (10 of 42 ms for 5,000 events at 1M); it now reads them, the
 *   number of batches written (sweep_run.batches, counted with the writes)
 *   saying which are taken, and locks the run's row first so that two calls
 *   for one run take its batches in turn.  sweep_finish() removes the run's
 *   candidates: by TRUNCATE when the run is outside a transaction block, no
 *   other run has any and the table's lock is free at once (NOWAIT), else by
 *   a DELETE of its own.  Follows
 *   sql/src/63_sweep_run.sql, whose definitions it names (\definition:
 *   scripts/sql_definitions.pl).
 */

\definition sweep_batch sql/src/63_sweep_run.sql
\definition sweep_finish sql/src/63_sweep_run.sql
COMMENT ON TABLE sweep_candidate IS 'Internal: the events a running sweep found, numbered in batches; read by the batches and emptied when the run finishes (sweep_finish)';
