/*
 * 97_host_link: embedding in a host database (issue 17, item 2).  This part
 * adds person.external_ref; 97_host_link_section.sql is sql/src/80_embedding.sql
 * itself (a link: the section is new in 0.3, written once); 97_host_link_tail.sql
 * adds the limits and grants.
 * Follows sql/src/30_registry.sql (person.external_ref), sql/src/80_embedding.sql
 * (all of it: host_link, link_host, unlink_host, host_row, the host tables'
 * trigger host_link_sync, host_ref_check on state_body/act/person, the event
 * trigger refusing DDL on the extension's tables), sql/src/85_limits.sql
 * (host_link's and person.external_ref's limits) and the Embedding grants at
 * the end of sql/src/90_security.sql.
 */

ALTER TABLE person ADD COLUMN external_ref text UNIQUE;
COMMENT ON COLUMN person.external_ref IS 'Key of this person in the host registry (staff), kept by link_host';

