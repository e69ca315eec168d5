-- Domain types: the words of a Kazakh or Russian host registry read as exact values.
SET search_path = instruction_control, public;

-- Control levels as a host registry writes them, and their order (R42-1).
SELECT input, input::control_level AS level, label(input::control_level, 'kk') AS kk
  FROM (VALUES ('Администрация Президента'), ('ПӘ'), ('Правительство РК'), ('Үкімет'),
               ('центральный государственный орган'), ('акимат')) AS t(input)
 ORDER BY level DESC;

-- Kinds of instruction and what the rules single out.
SELECT k, label(k, 'ru') AS ru, is_personal(k) AS personal, requires_pa_control(k) AS pa_control
  FROM instruction_kinds() AS k;

-- The points of Decree 403, in natural order, and a subtree fetched by index.
SELECT string_agg(p::text, ' ' ORDER BY p) AS decree_points
  FROM unnest('{80-1,4,75-1,13,66-3,42-1,42,43-1,30-1,30,74-1,74,66-1,66-2}'::point_ref[]) AS p;
SELECT p AS written, p::point_ref AS canonical, depth(p::point_ref), parent(p::point_ref)
  FROM (VALUES ('п. 42-1'), ('42-1-тармақ'), ('1.42-1.5) тармақша'), ('подпункт 5)')) AS t(p);
