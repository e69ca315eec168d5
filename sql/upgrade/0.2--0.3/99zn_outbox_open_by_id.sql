/*
 * 99zn_outbox_open_by_id: next_events() reads the open events only (issue 19).
 *   event_open_idx was (addressee, id): it could not give the open events of
 *   every addressee in id order, so next_events() read every delivered event
 *   through event_pkey (42 ms a call at 218,000 delivered, growing with the
 *   outbox).  It is (id, addressee) now.  Follows sql/src/60_sweep.sql.
 */

DROP INDEX event_open_idx;
CREATE INDEX event_open_idx ON event (id, addressee) WHERE delivered_at IS NULL;
COMMENT ON INDEX event_open_idx IS
  'The open events (not yet delivered) by id, with their addressee: next_events() reads these, never the delivered history (issue 19)';
