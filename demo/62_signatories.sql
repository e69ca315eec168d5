-- Signatories (R67, R75-1): the Government's information on a point on the PA's control names who
-- signed it, by the addressee of the resolution; the Government's annual summary (Appendix 8) is signed
-- by a Deputy Prime Minister or the Head of the Government Office by area of supervision, and the form
-- prints the signatory line.
\set ON_ERROR_STOP 1
SET search_path = instruction_control, public;

\echo '-- The Government''s signatories (persons of the body R-GOV)'
INSERT INTO person (name, body_id, external_ref)
SELECT v.name, (SELECT id FROM state_body WHERE code = 'R-GOV'), v.ref
  FROM (VALUES ('А. Демоев', 'R-P-DPM'),
               ('Б. Демоева', 'R-P-HGO')) v(name, ref)
RETURNING id, name;

\echo '-- A point of the Address on the PA''s control executed by the Government itself (R4.5: PA unit, form, body)'
SELECT id, level, point, due_date
  FROM put_on_control('act_point', 'pa', '2025-09-01', term => '30 working days',
                      content => 'Внести в Администрацию Президента сводную информацию о ходе реализации Послания',
                      act_id => (SELECT id FROM act WHERE external_ref = 'R-ACT-1'), point => '11.1',
                      responsible_body_id => (SELECT id FROM state_body WHERE code = 'R-GOV'),
                      pa_unit => 'Отдел государственного контроля',
                      completion_form => 'Информация в Администрацию Президента', external_ref => 'R-R67-1');

\echo '-- R67: the Government''s information without its signatory is refused (IC308; the HINT says who signs)'
DO $$
BEGIN
  PERFORM submit_report((SELECT id FROM instruction WHERE external_ref = 'R-R67-1'), 'final',
                        'Информация о ходе исполнения', submitted_on => '2025-10-10');
EXCEPTION WHEN SQLSTATE 'IC308' THEN
  DECLARE hint text;
  BEGIN
    GET STACKED DIAGNOSTICS hint = PG_EXCEPTION_HINT;
    RAISE NOTICE 'IC308 refused: %', hint;
  END;
END
$$;

\echo '-- R67: signed by the Deputy Prime Minister to whom the resolution was addressed'
SELECT r.id, r.kind, r.submitted_on, label('signatory', r.signed_by, 'ru') AS "подписал", p.name AS "лицо",
       label('signatory', r.resolution_addressee, 'ru') AS "адресат резолюции"
  FROM submit_report((SELECT id FROM instruction WHERE external_ref = 'R-R67-1'), 'final',
                     'Информация о ходе исполнения направлена в Администрацию Президента', submitted_on => '2025-10-10',
                     signed_by => 'deputy_prime_minister',
                     signed_by_person_id => (SELECT id FROM person WHERE external_ref = 'R-P-DPM'),
                     resolution_addressee => 'deputy_prime_minister') r
  JOIN person p ON p.id = r.signed_by_person_id;

\echo '-- R75-1: the Government''s annual summary for 2025 signed by area of supervision'
SELECT label('signatory', s.signed_by, 'ru') AS "подписал", s.supervision_area AS "направление", s.signed_on
  FROM state_body b
 CROSS JOIN LATERAL (VALUES ('deputy_prime_minister', 'R-P-DPM', 'Социальная сфера'),
                            ('head_of_government_office', 'R-P-HGO', 'Экономика и финансы')) v(pos, ref, area)
 CROSS JOIN LATERAL sign_annual_summary(b.id, 2025, v.pos::signatory, (SELECT id FROM person WHERE external_ref = v.ref),
                                        v.area, '2026-01-20') s
 WHERE b.code = 'R-GOV';

\echo '-- R75-1: the Prime Minister is not who signs the Government''s annual summary (IC308)'
DO $$
BEGIN
  PERFORM sign_annual_summary((SELECT id FROM state_body WHERE code = 'R-GOV'), 2025, 'prime_minister',
                              signed_on => '2026-01-20');
EXCEPTION WHEN SQLSTATE 'IC308' THEN
  DECLARE hint text;
  BEGIN
    GET STACKED DIAGNOSTICS hint = PG_EXCEPTION_HINT;
    RAISE NOTICE 'IC308 refused: %', hint;
  END;
END
$$;

\echo '-- Appendix 8: the signatory lines as printed on the form (kk, ru)'
SELECT lang, m[1] AS "строка подписи"
  FROM unnest(ARRAY['kk', 'ru']) lang,
       regexp_matches(form_annual_summary_html((SELECT id FROM state_body WHERE code = 'R-GOV'), 2025, lang),
                      '<p class="sign">([^<]*)</p>', 'g') m;
