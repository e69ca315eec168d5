/*
 * 99ze_sweep_marks_by_key: an incremental sweep finds the overdue marks of
 *   the instructions it re-reads by their key (issue 19).  sweep_found()'s
 *   branch of the marks the day clears read every mark and kept those of the
 *   instructions in scope, a scan that grew with the overdue instructions (at
 *   1M instructions and 150,000 marks, 11 of a sweep's 18 ms of collection when
 *   nothing changed); it is now two branches: every mark in a sweep of the
 *   whole registry (current, replay) as before, and in an incremental sweep
 *   each instruction in scope looks its mark up (overdue_mark_pkey).  Follows
 *   sql/src/62_sweep_found.sql; the derived statements sweep_found_<mode>() are
 *   derived again (99zz, the last part).
 */

-- sweep_found(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)
