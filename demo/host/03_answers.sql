-- The answers compared before the dump and after pg_restore -j 4.
SET search_path = instruction_control, public;
SELECT d.id AS department, b.name, b.body_type, p.external_ref AS parent
  FROM docs.department d JOIN state_body b ON b.external_ref = d.id::text
  LEFT JOIN state_body p ON p.id = b.parent_id ORDER BY d.id;
SELECT s.login, pe.name, b.external_ref AS department
  FROM docs.staff s JOIN person pe ON pe.external_ref = s.login
  LEFT JOIN state_body b ON b.id = pe.body_id ORDER BY s.login;
SELECT doc.reg_no, doc.title, i.point, i.due_date, i.extensions, rb.external_ref AS responsible,
       ARRAY(SELECT b.external_ref FROM instruction_executor e JOIN state_body b ON b.id = e.body_id
              WHERE e.instruction_id = i.id AND e.role = 'co_executor' ORDER BY 1) AS co_executors,
       n.note
  FROM instruction i JOIN act a ON a.id = i.act_id JOIN docs.document doc ON doc.id::text = a.external_ref
  JOIN state_body rb ON rb.id = i.responsible_body_id
  LEFT JOIN docs.instruction_note n ON n.instruction_id = i.id
 ORDER BY i.point;
SELECT kind, host_schema, host_table, key_column, key_type FROM host_link ORDER BY kind;
SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE c.relnamespace = 'docs'::regnamespace AND NOT t.tgisinternal ORDER BY 1, 2;
SELECT indexrelid::regclass::text AS index FROM pg_index WHERE indrelid = 'docs.instruction_note'::regclass ORDER BY 1;
