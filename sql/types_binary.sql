--
-- Binary send/receive of control_level, instruction_kind and point_ref: a
-- COPY BINARY round trip, and corrupt binary values refused (22P03, 22P02).
-- The files are written by the server into its (throwaway) data directory.
--
-- quietly: the extension exists already when the whole suite runs
SET client_min_messages = warning;
CREATE EXTENSION IF NOT EXISTS instruction_control;
RESET client_min_messages;
SET search_path = instruction_control, public;
\set VERBOSITY default
\set SHOW_CONTEXT never

SELECT current_setting('data_directory') || '/types_binary.copy' AS copyfile,
       current_setting('data_directory') || '/types_binary_bad.copy' AS badfile \gset

SELECT control_level_send('pa') AS pa, control_level_send('organisation') AS organisation,
       instruction_kind_send('national_plan') AS national_plan,
       point_ref_send('1.42-1.5)') AS point;

CREATE TEMP TABLE typed (level control_level, kind instruction_kind, ref point_ref);
INSERT INTO typed
SELECT l, k, p
  FROM control_levels() l, instruction_kinds() k,
       unnest('{4,42-1,1.42-1.5),99999999,127.128.16384}'::point_ref[]) p;
COPY typed TO :'copyfile' WITH (FORMAT binary);
CREATE TEMP TABLE typed_back (LIKE typed);
COPY typed_back FROM :'copyfile' WITH (FORMAT binary);
SELECT (SELECT count(*) FROM typed_back) AS rows_back,
       (SELECT count(*) FROM (SELECT * FROM typed EXCEPT ALL SELECT * FROM typed_back) d) AS missing,
       (SELECT count(*) FROM (SELECT * FROM typed_back EXCEPT ALL SELECT * FROM typed) d) AS extra;

-- Corrupt values: a byte out of range, an unknown version, a bad text.
CREATE TEMP TABLE raw (c "char", t text);
INSERT INTO raw VALUES (chr(9)::"char", 'X42');
COPY raw TO :'badfile' WITH (FORMAT binary);
CREATE TEMP TABLE bad_level (level control_level, ref text);
COPY bad_level FROM :'badfile' WITH (FORMAT binary);
\echo sqlstate :LAST_ERROR_SQLSTATE
CREATE TEMP TABLE bad_kind (kind instruction_kind, ref text);
COPY bad_kind FROM :'badfile' WITH (FORMAT binary);
\echo sqlstate :LAST_ERROR_SQLSTATE
CREATE TEMP TABLE bad_ref ("c" "char", ref point_ref);
COPY bad_ref FROM :'badfile' WITH (FORMAT binary);
\echo sqlstate :LAST_ERROR_SQLSTATE
TRUNCATE raw;
INSERT INTO raw VALUES ('a', chr(1) || '4 2');
COPY raw TO :'badfile' WITH (FORMAT binary);
COPY bad_ref FROM :'badfile' WITH (FORMAT binary);
\echo sqlstate :LAST_ERROR_SQLSTATE
