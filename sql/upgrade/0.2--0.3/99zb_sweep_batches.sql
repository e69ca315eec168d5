/*
 * 99zb_sweep_batches: how sweep_batch() of 0.3 takes and writes a batch
 *   (issue 19).  It takes the next batch by the number of batches written
 *   (sweep_run.batches) with an index probe, instead of min(batch) over every
 *   candidate left, a scan that cost each batch of a large sweep more the
 *   more were left; and it writes the batch by plain INSERTs first, merging
 *   (ON CONFLICT) only when a unique index refuses them: another sweep's
 *   event, or a mark of another day (ON CONFLICT's check before each row was
 *   a fifth of a batch).  The parts before it changed what it writes (20 the
 *   outbox's ids, 99b the rule ids checked per batch, 99 the candidates
 *   processed, 99r the drafts' events); 99zo, the last to change it (a batch
 *   reads its candidates rather than deleting them), names its definition
 *   (\definition, sql/src/63_sweep_run.sql).
 */
