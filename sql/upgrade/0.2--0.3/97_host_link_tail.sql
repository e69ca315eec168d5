/*
 * 97_host_link_tail: the limits and grants of the Embedding section (issue 17,
 * item 2), after 97_host_link_section.sql made its objects.  Follows
 * sql/src/85_limits.sql and sql/src/90_security.sql.
 */


ALTER TABLE host_link ADD CONSTRAINT host_link_kind_limit CHECK (text_limit_ok(kind, 'name', 'host_link.kind'));
ALTER TABLE host_link ADD CONSTRAINT host_link_host_schema_limit CHECK (text_limit_ok(host_schema, 'name', 'host_link.host_schema'));
ALTER TABLE host_link ADD CONSTRAINT host_link_host_table_limit CHECK (text_limit_ok(host_table, 'name', 'host_link.host_table'));
ALTER TABLE host_link ADD CONSTRAINT host_link_key_column_limit CHECK (text_limit_ok(key_column, 'name', 'host_link.key_column'));
ALTER TABLE host_link ADD CONSTRAINT host_link_key_type_limit CHECK (text_limit_ok(key_type, 'name', 'host_link.key_type'));
ALTER TABLE host_link ADD CONSTRAINT host_link_linked_by_limit CHECK (text_limit_ok(linked_by, 'name', 'host_link.linked_by'));
ALTER TABLE person ADD CONSTRAINT person_external_ref_limit CHECK (text_limit_ok(external_ref, 'name', 'person.external_ref'));
-- Embedding (issue 17, item 2): ic_admin links host tables (it also owns
-- them, to create their triggers); every reader turns a host key into our id.
-- The triggers run as the owner: the host application's role needs nothing here.
REVOKE ALL ON host_link FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION host_link_of(text), host_row(text, text), host_link_apply(text, jsonb, boolean),
  host_row_user(text, bigint), host_link_sync(), host_ref_check(), link_host(text, regclass, name, jsonb, jsonb),
  unlink_host(text), refuse_member_ddl() FROM PUBLIC;
GRANT SELECT ON host_link TO ic_reader;
GRANT INSERT, DELETE ON host_link TO ic_admin;
GRANT EXECUTE ON FUNCTION host_link_of(text), host_row(text, text) TO ic_reader;
-- CREATE TRIGGER needs EXECUTE on the trigger function (it refuses to fire on any table but the linked one)
GRANT EXECUTE ON FUNCTION host_link_apply(text, jsonb, boolean), link_host(text, regclass, name, jsonb, jsonb),
  unlink_host(text), host_link_sync() TO ic_admin;
