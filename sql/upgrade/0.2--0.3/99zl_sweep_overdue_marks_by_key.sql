/*
 * 99zl_sweep_overdue_marks_by_key: an incremental sweep looks up the overdue
 *   mark of each instruction it re-reads by its key (issue 19).  sweep_found()'s
 *   overdue branch left out the instructions already marked with a NOT EXISTS
 *   the planner hashed: every mark read and hashed in each sweep whose scope
 *   held an overdue instruction (at 1M instructions and 120,000 marks, ~15 ms
 *   of a sweep re-reading 10,000 instructions, growing with the marks, not with
 *   the scope).  The branch is now two, as the branch of the marks cleared is
 *   (99ze): every mark hashed in a sweep of the whole registry (current,
 *   replay), a probe of overdue_mark_pkey per instruction (OFFSET 0) in an
 *   incremental sweep.  The same events.  Follows sql/src/62_sweep_found.sql; the
 *   derived statements sweep_found_<mode>() are derived again (99zz, the last part).
 */

-- sweep_found(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)
