--
-- A basis made of invisible characters is no basis (issue 16, item 9): blank
-- is "no visible letter, digit, punctuation or symbol", from Unicode's general
-- categories (R69.1, R70.4: IC114; a calendar change: IC003).  The roles are
-- LOGIN roles holding exactly one ic_* role, connected as themselves.
--
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS instruction_control;
SET client_min_messages = warning;
SELECT session_user AS session_user_name \gset

-- is_blank() itself: each of the issue's characters alone and all together,
-- fillers, controls, format characters, a lone accent; and text that is not blank
SELECT label, instruction_control.is_blank(t) AS is_blank
  FROM (VALUES ('U+00AD soft hyphen', U&'\00AD'), ('U+3164 Hangul filler', U&'\3164'),
               ('U+115F Hangul choseong filler', U&'\115F'), ('U+2800 Braille blank', U&'\2800'),
               ('U+001C file separator', U&'\001C'), ('U+FFA0 halfwidth Hangul filler', U&'\FFA0'),
               ('U+200B zero width space', U&'\200B'), ('U+0301 accent without a base', U&'\0301'),
               ('all of them with spaces', U&' \00AD\3164\115F\2800\001C\FFA0\200B\0301\FEFF\3000 '),
               ('a filler and a letter', U&'\3164x'), ('numero sign', U&'\2116'),
               ('a hyphen', '-'), ('Kazakh text', U&'\049A\04B1\0436\0430\0442')) v(label, t);

CREATE ROLE blank_controller LOGIN IN ROLE ic_controller;
CREATE ROLE blank_admin LOGIN IN ROLE ic_admin;
-- the free-text basis is what is judged here: the controller's sessions take the 0.2 opt-out
-- (instruction_control.typed_basis = off; on by default since 0.3, when no kind is named IC114 anyway)
ALTER ROLE blank_controller SET instruction_control.typed_basis = off;
SELECT (instruction_control.put_on_control('act_point', 'central', '2025-03-03', term => '10 wd')).id AS i \gset

\c - blank_controller
SHOW instruction_control.typed_basis;
\set VERBOSITY sqlstate
-- each invisible basis is refused: IC114, nothing journaled
SELECT instruction_control.extend_deadline(:i, '2025-04-15', 'first_head', U&'\00AD', decided_on => '2025-03-10');
SELECT instruction_control.extend_deadline(:i, '2025-04-15', 'first_head', U&'\3164', decided_on => '2025-03-10');
SELECT instruction_control.extend_deadline(:i, '2025-04-15', 'first_head', U&'\115F', decided_on => '2025-03-10');
SELECT instruction_control.extend_deadline(:i, '2025-04-15', 'first_head', U&'\2800', decided_on => '2025-03-10');
SELECT instruction_control.extend_deadline(:i, '2025-04-15', 'first_head', U&'\001C', decided_on => '2025-03-10');
SELECT count(*) AS journaled FROM instruction_control.decision WHERE instruction_id = :i;
-- in a batch too
SELECT count(*) FROM instruction_control.extend_deadlines(ARRAY[:i]::bigint[], ARRAY['2025-04-15']::date[],
          'first_head', U&'\3164\2800', decided_on => '2025-03-10');
-- a visible basis is taken
\set VERBOSITY default
SELECT kind, basis FROM instruction_control.extend_deadline(:i, '2025-04-15', 'first_head', U&'\2116 7',
          decided_on => '2025-03-10');

\c - blank_admin
\set VERBOSITY sqlstate
-- a calendar change needs its decree: IC003
SELECT instruction_control.add_transfer('KZ', '2025-03-01', '2025-03-03', U&'\3164\115F\2800');
SELECT instruction_control.confirm_calendar_year('KZ', 2025, U&'\00AD\001C');

\c - :session_user_name
SET client_min_messages = warning;
DROP ROLE blank_controller, blank_admin;
