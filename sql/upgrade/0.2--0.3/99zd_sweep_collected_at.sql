/*
 * 99zd_sweep_collected_at: sweep_run.collected_at is when the collection
 *   ended (issue 19, found while timing a sweep's steps).  sweep_begin() set
 *   candidates = sweep_collect(run) and collected_at = clock_timestamp() in one
 *   UPDATE, whose SET list PostgreSQL computes in the table's column order:
 *   collected_at (column 10) before candidates (column 12), so it held the time
 *   the collection began, and sweep_progress's estimate of the time left
 *   counted the collection as batch time.  The collection now runs first
 *   (sql/src/63_sweep_run.sql).
 */

-- sweep_begin(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)
