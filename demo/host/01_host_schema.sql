-- The host's registry as it was before instruction_control: departments,
-- documents and staff in the host's own schema "docs", with the host's own
-- key types (bigint, uuid, text) and foreign keys.
CREATE SCHEMA docs;
CREATE TABLE docs.department (
  id        bigint PRIMARY KEY,
  title     text NOT NULL,
  title_ru  text,
  kind      text NOT NULL DEFAULT 'central',
  parent_id bigint REFERENCES docs.department
);
CREATE TABLE docs.document (
  id        uuid PRIMARY KEY,
  doc_type  text NOT NULL,
  reg_no    text,
  title     text,
  signed    date
);
CREATE TABLE docs.staff (
  login         text PRIMARY KEY,
  full_name     text NOT NULL,
  department_id bigint REFERENCES docs.department
);
INSERT INTO docs.department VALUES
  (100, 'Ministry of Finance', 'Министерство финансов', 'central', NULL),
  (110, 'Committee of the Treasury', 'Комитет казначейства', 'organisation', 100),
  (200, 'Ministry of Health', 'Министерство здравоохранения', 'central', NULL),
  (300, 'Akimat of Almaty', 'Акимат города Алматы', 'local', NULL);
INSERT INTO docs.document VALUES
  ('6f1c2a52-0c1e-4d7a-9a51-1a2b3c4d5e01', 'address', NULL, 'Address of the President to the people of Kazakhstan', '2025-03-01'),
  ('6f1c2a52-0c1e-4d7a-9a51-1a2b3c4d5e02', 'meeting', 'M-14', 'Extended meeting of the Government', '2025-02-27');
INSERT INTO docs.staff VALUES
  ('a.nurlanovna', 'A. Nurlanovna, head of the PA unit', 100),
  ('b.serikuly', 'B. Serikuly, deputy minister', 200);
