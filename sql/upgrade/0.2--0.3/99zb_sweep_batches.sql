/*
 * 99zb_sweep_batches: sweep_batch() as 0.3 has it, the one part of the
 *   upgrade that replaces it (the parts before it that changed what it writes
 *   leave the function to this one: 20 the outbox's ids, 99b the rule ids
 *   checked per batch, 99 the candidates processed, 99r the drafts' events).
 *   Its own change (issue 19): it takes the next batch by the number of
 *   batches written (sweep_run.batches) with an index probe, instead of
 *   min(batch) over every candidate left, a scan that cost each batch of a
 *   large sweep more the more were left; and it writes the batch by plain
 *   INSERTs first, merging (ON CONFLICT) only when a unique index refuses them:
 *   another sweep's event, or a mark of another day (ON CONFLICT's check
 *   before each row was a fifth of a batch).  Follows sql/src/63_sweep_run.sql.
 */

\definition sweep_batch sql/src/63_sweep_run.sql
