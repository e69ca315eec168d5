/*
 * 99zi_sweep_roadmaps_by_day: an incremental sweep finds the roadmaps whose
 *   PA's 5 working days for agreement (R57) ended since the sweep before by a
 *   range of their submission day (issue 19).  sweep_scope()'s R57 arm read
 *   every roadmap and counted its term (~4 ms of every incremental sweep at
 *   50,000 roadmaps, growing with them); the term ends on or after since
 *   exactly when the roadmap was submitted on or after the 5th working day
 *   before since, a range of the new partial index roadmap_submitted_idx.
 *   Follows sql/src/61_sweep_rules.sql (sweep_scope() is inlined into the derived
 *   statement sweep_found_incremental() when it is planned: nothing to derive).
 */

-- R57 in an incremental sweep: the roadmaps submitted to the PA in a range of days (sweep_scope)
CREATE INDEX roadmap_submitted_idx ON roadmap (submitted_to_pa_on) WHERE submitted_to_pa_on IS NOT NULL;
COMMENT ON INDEX roadmap_submitted_idx IS
  'Roadmaps submitted to the PA, by the day of submission: an incremental sweep finds those whose 5 working days for the PA''s agreement (R57) ended since the sweep before';

-- sweep_scope(): as 0.3 has it, named by 99zm_sweep_claim_by_snapshot.sql (\definition)
