/*
 * 99_open_event: open_event shows an event whose addressee or kind has lost
 * its label with the code, as every other view does (issue 18, Views), instead
 * of hiding it.  Same columns, so CREATE OR REPLACE keeps open_event_summary.
 */

CREATE OR REPLACE VIEW open_event AS
SELECT e.addressee::text AS addressee,
       coalesce(v.kk, e.addressee::text) AS addressee_kk, coalesce(v.ru, e.addressee::text) AS addressee_ru,
       coalesce(v.en, e.addressee::text) AS addressee_en,
       b.id AS body_id, b.name AS body_name,
       e.id, e.kind::text AS kind, coalesce(k.kk, e.kind::text) AS kind_kk, coalesce(k.ru, e.kind::text) AS kind_ru,
       coalesce(k.en, e.kind::text) AS kind_en,
       e.instruction_id, i.external_ref, i.point::text AS point,
       e.period, e.due_date, e.rule_id, r.title_en AS rule_title_en, e.as_of, e.detail, e.created_at
  FROM event e
  LEFT JOIN vocabulary v ON v.domain = 'addressee' AND v.code = e.addressee
  LEFT JOIN vocabulary k ON k.domain = 'event_kind' AND k.code = e.kind
  LEFT JOIN rule r ON r.id = e.rule_id
  LEFT JOIN instruction i ON i.id = e.instruction_id
  LEFT JOIN state_body b ON b.id = CASE WHEN e.addressee = 'executor' THEN i.responsible_body_id
                                        WHEN e.addressee = 'controller' THEN i.controlling_body_id END
 WHERE e.delivered_at IS NULL;
