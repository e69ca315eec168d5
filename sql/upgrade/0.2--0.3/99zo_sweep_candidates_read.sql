/*
 * 99zo_sweep_candidates_read: sweep_batch() and sweep_finish() as 0.3 has
 *   them, the last part that changes them (the parts before it changed what
 *   sweep_batch() writes: 20 the outbox's ids, 99b the rule ids checked per
 *   batch, 99 the candidates processed, 99r the drafts' events; 99zm the
 *   notes sweep_finish() deletes).  Issue 19 changed how a batch is taken:
 *   - the next batch is the one numbered by the batches written
 *     (sweep_run.batches), found by an index probe, not min(batch) over every
 *     candidate left, a scan that cost each batch of a large sweep more the
 *     more were left;
 *   - a batch is written by plain INSERTs first, merging (ON CONFLICT) only
 *     when a unique index refuses them: another sweep's event, or a mark of
 *     another day (ON CONFLICT's check before each row was a fifth of a batch);
 *   - a batch reads its candidates instead of a DELETE ... RETURNING of them
 *     (10 of a batch's 42 ms for 5,000 events at 1M), and locks the run's row
 *     first so that two calls for one run take its batches in turn;
 *     sweep_finish() removes the run's candidates: by TRUNCATE when the run
 *     is outside a transaction block, no other run has any and the table's
 *     lock is free at once (NOWAIT), else by a DELETE of its own.
 *   Follows sql/src/63_sweep_run.sql, whose definitions it names
 *   (\definition: scripts/sql_definitions.pl).
 */

\definition sweep_batch sql/src/63_sweep_run.sql
\definition sweep_finish sql/src/63_sweep_run.sql
COMMENT ON TABLE sweep_candidate IS 'Internal: the events a running sweep found, numbered in batches; read by the batches and emptied when the run finishes (sweep_finish)';
