/*
 * 99zm_sweep_claim_by_snapshot: a sweep claims the change notes by recording
 *   its snapshot, not by writing every note (issue 19).  sweep_begin() marked
 *   each note taken (an UPDATE of every note and of its index on taken_by:
 *   14 ms of a sweep in which 1% of 1M instructions changed, and every note
 *   written twice); now a note carries the transaction that wrote it (xact),
 *   sweep_run.claimed the snapshot the run took before it read the state, and
 *   the run's notes are those committed in it (sweep_note_claimed,
 *   sweep_claimed), deleted when it finishes.  The same notes are re-read;
 *   sweep_change has no index left to write.  Follows sql/src/60_sweep.sql,
 *   61_sweep_rules.sql (sweep_scope), 62_sweep_found.sql (sweep_found: the
 *   risk reports' branch; named by 99zp, which changes it again) and
 *   63_sweep_run.sql (sweep_begin; sweep_finish, which deletes the run's
 *   notes, is named by 99zo, which changes it again),
 *   whose definitions it names (\definition: scripts/sql_definitions.pl);
 *   the derived statements sweep_found_<mode>() are derived again (99zz, the
 *   last part).  And a sweep whose notes name a quarter of the instructions,
 *   and 50,000, reads everything rather than probe each note
 *   (sweep_notes_many, sweep_begin: after a restore or a bulk load of 1M,
 *   1.3 s against 3.7).
 */

-- The notes: the transaction that wrote each, no claim written on them (the
-- notes already there are this upgrade's: claimed by the next sweep)
ALTER TABLE sweep_change DROP COLUMN taken_by;
ALTER TABLE sweep_change ADD COLUMN xact xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE sweep_run ADD COLUMN claimed pg_snapshot, ADD COLUMN claimed_in xid8;
COMMENT ON COLUMN sweep_run.claimed IS 'The change notes the run took into account: those of the transactions committed in this snapshot, taken before the state was read (sweep_change; NULL: a replay, which takes none)';
COMMENT ON COLUMN sweep_run.claimed_in IS 'The transaction that took the claim: its own notes (instructions written earlier in a transaction block that then swept) are the run''s too';
COMMENT ON COLUMN sweep_change.xact IS 'The transaction that wrote it (pg_current_xact_id()): the note is a run''s once that transaction is committed in the run''s snapshot (sweep_run.claimed)';

-- Which notes a run claimed: those of the transactions committed in its
-- snapshot, and those its own transaction wrote before it swept
\definition sweep_note_claimed sql/src/60_sweep.sql
\definition sweep_claimed sql/src/60_sweep.sql
-- whether the notes are so many that the sweep reads everything (sweep_begin)
\definition sweep_notes_many sql/src/60_sweep.sql

-- The run claims by its snapshot (sweep_begin), re-reads the instructions its
-- notes name (sweep_scope, the risk reports' branch of sweep_found) and
-- deletes its notes (sweep_finish: 99zo)
\definition sweep_scope sql/src/61_sweep_rules.sql
-- sweep_found(): as 0.3 has it, named by 99zp_sweep_rules_cited.sql (\definition)
\definition sweep_begin sql/src/63_sweep_run.sql
