/*
 * 97_role_ties: members are roles' identities, and the ic_* roles are adopted
 * explicitly (issue 17, item 2; test/integration/role_ties.sh).  Follows
 * sql/src/00_foundation.sql (the roles' marker) and 90_security.sql:
 *
 *  - body_member.member and person_role.member become regrole (a role's OID):
 *    ALTER ROLE ... RENAME keeps the rows; a name that names no role when this
 *    runs is refused (IC010, the rows in DETAIL): nothing is dropped silently,
 *    the administrator creates the role or deletes the row, then updates again;
 *  - the trigger member_role_exists() refuses a bare OID of no role; the view
 *    dangling_member lists rows of dropped roles; those rows are not dumped
 *    (pg_extension_config_dump's filter);
 *  - my_bodies() and the own_rows policies join pg_roles by OID;
 *  - the ic_* roles without a comment get the extension's marker (they were
 *    created by, or adopted silently by, 0.1 or 0.2).
 */

DO $$
DECLARE
  r text;
BEGIN
  FOREACH r IN ARRAY ARRAY['ic_reader', 'ic_executor', 'ic_controller', 'ic_admin', 'ic_integrator'] LOOP
    IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles a
                WHERE a.rolname OPERATOR(pg_catalog.=) r
                  AND pg_catalog.shobj_description(a.oid, 'pg_authid') IS NULL) THEN
      EXECUTE pg_catalog.format('COMMENT ON ROLE %I IS %L', r,
        'instruction_control group role, in use by database '
        || pg_catalog.quote_ident(pg_catalog.current_database()) || ' before version 0.3');
    END IF;
  END LOOP;
END
$$;

-- a member name that names no role: refuse the update, list the rows
DO $$
DECLARE
  lost text;
BEGIN
  SELECT pg_catalog.string_agg(pg_catalog.format('%s (%s %s)', pg_catalog.quote_ident(x.member), x.what, x.id), ', ' ORDER BY x.member, x.id)
    INTO lost
    FROM (SELECT m.member, 'body_member body_id' AS what, m.body_id AS id FROM instruction_control.body_member m
          UNION ALL
          SELECT m.member, 'person_role person_id', m.person_id FROM instruction_control.person_role m) x
   WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles a WHERE a.rolname OPERATOR(pg_catalog.=) x.member);
  IF lost IS NOT NULL THEN
    RAISE EXCEPTION 'members of body_member or person_role name roles that do not exist'
      USING ERRCODE = 'IC010',
            DETAIL = 'Version 0.3 ties a member to the role itself (regrole), not to its name; these rows name no role of this cluster (renamed or dropped): ' || lost || '.',
            HINT = 'For each, CREATE ROLE it (or ALTER ROLE ... RENAME back) if the row is still meant, or DELETE the row; then ALTER EXTENSION instruction_control UPDATE again.';
  END IF;
END
$$;

DROP POLICY own_rows ON body_member;
DROP POLICY own_rows ON person_role;
ALTER TABLE body_member ALTER COLUMN member TYPE regrole USING member::pg_catalog.text::pg_catalog.regrole;
ALTER TABLE person_role ALTER COLUMN member TYPE regrole USING member::pg_catalog.text::pg_catalog.regrole;
CREATE POLICY own_rows ON body_member FOR SELECT TO PUBLIC
  USING (EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                  WHERE r.oid OPERATOR(pg_catalog.=) body_member.member
                    AND pg_catalog.pg_has_role(r.oid, 'MEMBER')));
CREATE POLICY own_rows ON person_role FOR SELECT TO PUBLIC
  USING (EXISTS (SELECT 1 FROM pg_catalog.pg_roles r
                  WHERE r.oid OPERATOR(pg_catalog.=) person_role.member
                    AND pg_catalog.pg_has_role(r.oid, 'MEMBER')));

COMMENT ON TABLE body_member IS
  'Which state bodies a database role acts for: a reader or executor sees the instructions of these bodies (row-level security). Kept by ic_admin; per database';
COMMENT ON COLUMN body_member.member IS 'A database role (a login role or a group), by identity: RENAME is followed, an unknown name refused (42704); its members act for the body too. Compare as member = ''alice''::regrole';
COMMENT ON COLUMN person_role.member IS 'A database role (a personal login, a pooled application role, or a group), by identity as in body_member; its members may act for the person too';
SELECT pg_catalog.pg_extension_config_dump('body_member',
  'WHERE member OPERATOR(pg_catalog.=) ANY (SELECT r.oid FROM pg_catalog.pg_roles r)');
SELECT pg_catalog.pg_extension_config_dump('person_role',
  'WHERE member OPERATOR(pg_catalog.=) ANY (SELECT r.oid FROM pg_catalog.pg_roles r)');

\definition member_role_exists sql/src/90_security.sql
REVOKE EXECUTE ON FUNCTION member_role_exists() FROM PUBLIC;
CREATE TRIGGER member_role_exists BEFORE INSERT OR UPDATE OF member ON body_member
  FOR EACH ROW EXECUTE FUNCTION member_role_exists();
CREATE TRIGGER member_role_exists BEFORE INSERT OR UPDATE OF member ON person_role
  FOR EACH ROW EXECUTE FUNCTION member_role_exists();

CREATE OR REPLACE FUNCTION my_bodies() RETURNS bigint[]
LANGUAGE sql STABLE PARALLEL SAFE
SET search_path = pg_catalog, pg_temp
AS $$
  SELECT coalesce(array_agg(DISTINCT m.body_id ORDER BY m.body_id), '{}')
    FROM instruction_control.body_member m
    JOIN pg_catalog.pg_roles r ON r.oid = m.member
   WHERE pg_catalog.pg_has_role(r.oid, 'MEMBER')
$$;

CREATE VIEW dangling_member WITH (security_invoker = true) AS
SELECT 'body_member'::text AS in_table, m.member::pg_catalog.oid AS role_oid, m.body_id, NULL::bigint AS person_id
  FROM body_member m
 WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.oid OPERATOR(pg_catalog.=) m.member)
UNION ALL
SELECT 'person_role', m.member::pg_catalog.oid, NULL, m.person_id
  FROM person_role m
 WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.oid OPERATOR(pg_catalog.=) m.member);
COMMENT ON VIEW dangling_member IS
  'Rows of body_member and person_role whose role was dropped (DROP ROLE cannot see them): they grant nothing and are not dumped; delete them, e.g. DELETE FROM instruction_control.body_member WHERE member::oid = <role_oid>';
COMMENT ON COLUMN dangling_member.in_table IS 'body_member or person_role';
COMMENT ON COLUMN dangling_member.role_oid IS 'The OID of the dropped role';
COMMENT ON COLUMN dangling_member.body_id IS 'The state body (body_member)';
COMMENT ON COLUMN dangling_member.person_id IS 'The person (person_role)';
GRANT SELECT ON dangling_member TO ic_admin;
