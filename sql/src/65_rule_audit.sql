-- ===========================================================================
-- Rule data: versioned and audited
-- ===========================================================================
--
-- The data the rules judge with -- the decision matrix (decision_rule,
-- decision_authority), the sweep settings and the working-day calendar --
-- is changed by an administrator.  Every change of a row is journaled in
-- rule_change (who, when, before, after, basis) by a trigger of the
-- extension; clients cannot write the journal.  Each change gets the next
-- rules version (commit order: the journal trigger serializes changers on
-- the journal); a decision records the version of the rules that judged it
-- (decision.rules_version), and rules_as_of(version) shows the rule data as
-- it was then.  A change of the decision matrix needs its basis:
-- SET LOCAL instruction_control.change_basis = '...' (or a new basis written
-- into the row itself).
--
-- Seeded rows are left out of dumps and CREATE EXTENSION brings them back on
-- restore; a deleted row whose key the extension seeds would come back too.
-- So every deleted key leaves a tombstone (rule_data_removed, dumped) that
-- deletes the seeded row again when a dump is restored; a row inserted with
-- the key takes the tombstone away.

CREATE TABLE rule_change (
  id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  rules_version  bigint NOT NULL UNIQUE CHECK (rules_version > 0),
  table_name     text NOT NULL,
  row_key        jsonb NOT NULL,
  operation      text NOT NULL CHECK (operation IN ('INSERT', 'UPDATE', 'DELETE')),
  before         jsonb,
  after          jsonb,
  basis          text,
  changed_by     name NOT NULL,
  acted_by       text,
  changed_at     timestamptz NOT NULL,
  CHECK (before IS NOT NULL OR after IS NOT NULL)
);
COMMENT ON TABLE rule_change IS
  'Journal of every change of rule data (decision_rule, decision_authority, sweep_setting, calendar tables): written only by the extension''s triggers; read it through rule_change_history';
COMMENT ON COLUMN rule_change.rules_version IS 'The rules version this change made (1, 2, ... in commit order; 0 is the data as installed or upgraded)';
COMMENT ON COLUMN rule_change.table_name IS 'The changed table of instruction_control';
COMMENT ON COLUMN rule_change.row_key IS 'The primary key of the changed row, e.g. {"id": 10}';
COMMENT ON COLUMN rule_change.operation IS 'INSERT, UPDATE or DELETE (an update of the key is journaled as the old key gone and the new key made)';
COMMENT ON COLUMN rule_change.before IS 'The row before the change (NULL: it did not exist)';
COMMENT ON COLUMN rule_change.after IS 'The row after the change (NULL: deleted)';
COMMENT ON COLUMN rule_change.basis IS 'Why: instruction_control.change_basis, or the new basis written into the row';
COMMENT ON COLUMN rule_change.changed_by IS 'The session user that made the change';
COMMENT ON COLUMN rule_change.acted_by IS 'The person named by SET LOCAL instruction_control.acting_person, proven for the session user (acting_person_proven(): the person behind a pooled role)';
COMMENT ON COLUMN rule_change.changed_at IS 'Start of the changing transaction';
CREATE INDEX rule_change_key ON rule_change (table_name, row_key, rules_version);

CREATE TABLE rule_data_removed (
  table_name  text NOT NULL,
  row_key     jsonb NOT NULL,
  PRIMARY KEY (table_name, row_key)
);
COMMENT ON TABLE rule_data_removed IS
  'Tombstones: keys of rule data rows that were deleted and not made again; dumped, so a restore deletes the seeded row CREATE EXTENSION brings back';

SELECT pg_catalog.pg_extension_config_dump('rule_change', '');
SELECT pg_catalog.pg_extension_config_dump('rule_change_id_seq', '');
SELECT pg_catalog.pg_extension_config_dump('rule_data_removed', '');

CREATE FUNCTION restore_mode()
RETURNS boolean
AS 'MODULE_PATHNAME', 'ic_restore_mode_on'
LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION restore_mode() IS
  'True while instruction_control.restore_mode is on (a superuser reloads a dump): the dump brings its own journals';

-- The journal's writer.  SECURITY DEFINER: the administrator may change the
-- rule data but not write its journal.  Runs as AFTER ROW trigger, so a row a
-- BEFORE trigger turned into another change (an insert that replaces a seeded
-- row) is journaled as what happened.
CREATE FUNCTION rule_change_journal() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  basis    text := pg_catalog.current_setting('instruction_control.change_basis', true);
  old_row  jsonb;
  new_row  jsonb;
  old_key  jsonb;
  new_key  jsonb;
  key_cols text[];
  last_version bigint;
  new_key_made boolean;
BEGIN
  IF TG_TABLE_SCHEMA OPERATOR(pg_catalog.<>) 'instruction_control' OR TG_NAME OPERATOR(pg_catalog.<>) 'rule_change_journal'
     OR TG_WHEN OPERATOR(pg_catalog.<>) 'AFTER' OR TG_LEVEL OPERATOR(pg_catalog.<>) 'ROW' THEN
    RAISE EXCEPTION 'rule_change_journal() journals the rule data of instruction_control only'
      USING ERRCODE = '39P01',
            DETAIL = pg_catalog.format('It fired %s %s on %I.%I.', TG_WHEN, TG_LEVEL, TG_TABLE_SCHEMA, TG_TABLE_NAME);
  END IF;
  -- a restored dump brings its own journal; the extension's script is version 0
  IF instruction_control.restore_mode() OR instruction_control.creating_extension() THEN
    RETURN NULL;
  END IF;
  IF TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN
    old_row := pg_catalog.to_jsonb(OLD);
  END IF;
  IF TG_OP OPERATOR(pg_catalog.<>) 'DELETE' THEN
    new_row := pg_catalog.to_jsonb(NEW);
  END IF;
  SELECT pg_catalog.array_agg(a.attname::text ORDER BY a.attnum) INTO key_cols
    FROM pg_catalog.pg_index i
    JOIN pg_catalog.pg_attribute a ON a.attrelid OPERATOR(pg_catalog.=) i.indrelid
                                  AND a.attnum OPERATOR(pg_catalog.=) ANY (i.indkey)
   WHERE i.indrelid OPERATOR(pg_catalog.=) TG_RELID AND i.indisprimary;
  SELECT pg_catalog.jsonb_object_agg(k, old_row OPERATOR(pg_catalog.->) k) INTO old_key
    FROM pg_catalog.unnest(key_cols) k WHERE old_row IS NOT NULL;
  SELECT pg_catalog.jsonb_object_agg(k, new_row OPERATOR(pg_catalog.->) k) INTO new_key
    FROM pg_catalog.unnest(key_cols) k WHERE new_row IS NOT NULL;

  -- the basis: the setting, else a new basis written into the row
  IF instruction_control.is_blank(basis) THEN
    basis := NULL;
    IF new_row IS NOT NULL
       AND (old_row IS NULL OR (old_row OPERATOR(pg_catalog.->>) 'basis') IS DISTINCT FROM (new_row OPERATOR(pg_catalog.->>) 'basis'))
       AND NOT instruction_control.is_blank(new_row OPERATOR(pg_catalog.->>) 'basis') THEN
      basis := new_row OPERATOR(pg_catalog.->>) 'basis';
    END IF;
  END IF;
  -- (a seeded row that an insert replaces, seeded_row_owner(), goes with that insert)
  IF basis IS NULL AND TG_TABLE_NAME OPERATOR(pg_catalog.=) ANY (ARRAY['decision_rule', 'decision_authority']::name[])
     AND NOT (TG_OP OPERATOR(pg_catalog.=) 'DELETE' AND pg_catalog.pg_trigger_depth() OPERATOR(pg_catalog.>) 1
              AND (old_row OPERATOR(pg_catalog.->>) 'seeded')::boolean) THEN
    RAISE EXCEPTION 'a change of the decision matrix needs its basis (R74-1)'
      USING ERRCODE = 'IC004',
            DETAIL = pg_catalog.format('%s of %s %s names no basis; the rules version records why the rules changed.',
                                       TG_OP, TG_TABLE_NAME, coalesce(new_key, old_key)),
            HINT = 'In the same transaction: SET LOCAL instruction_control.change_basis = ''Decree No. ... of ...''; or write the new basis into the row''s basis column.';
  END IF;

  -- the next version, in commit order: one changer of rule data at a time
  LOCK TABLE instruction_control.rule_change IN SHARE ROW EXCLUSIVE MODE;
  SELECT coalesce(pg_catalog.max(c.rules_version), 0) INTO last_version FROM instruction_control.rule_change c;

  -- one journal row; a changed key is two: the old row gone, the new one made
  new_key_made := old_key IS NOT NULL AND new_key IS NOT NULL AND old_key OPERATOR(pg_catalog.<>) new_key;
  INSERT INTO instruction_control.rule_change
    (rules_version, table_name, row_key, operation, before, after, basis, changed_by, acted_by, changed_at)
  SELECT last_version OPERATOR(pg_catalog.+) e.n, TG_TABLE_NAME, e.row_key, TG_OP, e.before, e.after, basis, session_user,
         instruction_control.acting_person_proven(), pg_catalog.now()
    FROM (VALUES (false, 1, coalesce(new_key, old_key), old_row, new_row),
                 (true, 1, old_key, old_row, NULL::jsonb),
                 (true, 2, new_key, NULL::jsonb, new_row)) AS e(split, n, row_key, before, after)
   WHERE e.split OPERATOR(pg_catalog.=) new_key_made;

  -- tombstones: a deleted key stays deleted after a dump and restore
  IF old_key IS NOT NULL AND old_key IS DISTINCT FROM new_key THEN
    INSERT INTO instruction_control.rule_data_removed (table_name, row_key)
    VALUES (TG_TABLE_NAME, old_key) ON CONFLICT DO NOTHING;
  END IF;
  IF new_key IS NOT NULL AND new_key IS DISTINCT FROM old_key THEN
    DELETE FROM instruction_control.rule_data_removed r
     WHERE r.table_name OPERATOR(pg_catalog.=) TG_TABLE_NAME AND r.row_key OPERATOR(pg_catalog.=) new_key;
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION rule_change_journal() IS
  'Trigger: journals a change of rule data in rule_change with the next rules version, its basis and who made it; refuses a change of the decision matrix without a basis (IC004); keeps a tombstone of a deleted key';

-- A restored tombstone deletes the seeded row CREATE EXTENSION brought back.
CREATE FUNCTION rule_data_removed_apply() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
BEGIN
  IF TG_TABLE_SCHEMA OPERATOR(pg_catalog.<>) 'instruction_control' OR TG_TABLE_NAME OPERATOR(pg_catalog.<>) 'rule_data_removed'
     OR NOT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t
                     WHERE t.tgrelid OPERATOR(pg_catalog.=) pg_catalog.to_regclass(pg_catalog.quote_ident('instruction_control')
                                                         OPERATOR(pg_catalog.||) '.' OPERATOR(pg_catalog.||) pg_catalog.quote_ident(NEW.table_name))
                       AND t.tgname OPERATOR(pg_catalog.=) 'rule_change_journal') THEN
    RAISE EXCEPTION 'rule_data_removed_apply() serves instruction_control.rule_data_removed, for tables of rule data only'
      USING ERRCODE = '39P01';
  END IF;
  EXECUTE pg_catalog.format('DELETE FROM instruction_control.%I t WHERE t.seeded AND pg_catalog.to_jsonb(t) OPERATOR(pg_catalog.@>) $1',
                            NEW.table_name)
    USING NEW.row_key;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION rule_data_removed_apply() IS
  'Trigger: a tombstone (rule_data_removed) deletes a seeded row with its key, e.g. the one CREATE EXTENSION brought back before a dump was restored';

CREATE TRIGGER rule_data_removed_apply AFTER INSERT ON rule_data_removed
  FOR EACH ROW EXECUTE FUNCTION rule_data_removed_apply();

-- the rule data: every table with seeded rows (test/pgtap/37_rule_audit.sql
-- holds the catalog to it)
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['decision_rule', 'decision_authority', 'sweep_setting',
                           'calendar', 'calendar_year', 'calendar_holiday_rule', 'calendar_day'] LOOP
    EXECUTE format('CREATE TRIGGER rule_change_journal AFTER INSERT OR UPDATE OR DELETE ON instruction_control.%I
                      FOR EACH ROW EXECUTE FUNCTION instruction_control.rule_change_journal()', t);
  END LOOP;
END
$$;
-- Only the extension's script marks rows seeded (seeded_flag_guard, Calendar
-- section); an administrator's sweep setting marked seeded would fall out of
-- dumps.  Fires before sweep_setting_owner (triggers fire in name order).
CREATE TRIGGER seeded_flag_guard BEFORE INSERT OR UPDATE ON sweep_setting
  FOR EACH ROW WHEN (NEW.seeded AND NOT instruction_control.creating_extension()) EXECUTE FUNCTION seeded_flag_guard();
-- a new rules version reloads every session's decision matrix, so a decision
-- records the version of the rules it was judged by
CREATE TRIGGER decision_matrix_changed AFTER INSERT ON rule_change
  FOR EACH STATEMENT EXECUTE FUNCTION decision_matrix_changed();
-- the journal only grows
CREATE TRIGGER rule_change_append_only BEFORE UPDATE OR DELETE ON rule_change
  FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER rule_change_no_truncate BEFORE TRUNCATE ON rule_change
  FOR EACH STATEMENT EXECUTE FUNCTION journal_append_only();

CREATE FUNCTION rules_version() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
BEGIN ATOMIC
  SELECT coalesce(pg_catalog.max(c.rules_version), 0) FROM instruction_control.rule_change c;
END;
COMMENT ON FUNCTION rules_version() IS
  'The current rules version: the last change of rule data journaled in rule_change (0: as installed or upgraded)';

CREATE VIEW rule_change_history AS
SELECT c.rules_version, c.changed_at, c.changed_by, c.acted_by, c.table_name, c.row_key, c.operation,
       c.before, c.after, c.basis, c.id
  FROM rule_change c;
COMMENT ON VIEW rule_change_history IS
  'Every change of rule data (decision matrix, sweep settings, calendar): who, when, before, after, basis, and the rules version it made';
COMMENT ON COLUMN rule_change_history.rules_version IS 'The rules version the change made; decision.rules_version names the one that judged a decision';
COMMENT ON COLUMN rule_change_history.changed_at IS 'Start of the changing transaction';
COMMENT ON COLUMN rule_change_history.changed_by IS 'The session user that made the change';
COMMENT ON COLUMN rule_change_history.acted_by IS 'The person who acted, proven (acting_person_proven())';
COMMENT ON COLUMN rule_change_history.table_name IS 'The changed table';
COMMENT ON COLUMN rule_change_history.row_key IS 'The primary key of the changed row';
COMMENT ON COLUMN rule_change_history.operation IS 'INSERT, UPDATE or DELETE';
COMMENT ON COLUMN rule_change_history.before IS 'The row before (NULL: new)';
COMMENT ON COLUMN rule_change_history.after IS 'The row after (NULL: deleted)';
COMMENT ON COLUMN rule_change_history.basis IS 'Why the rules changed';
COMMENT ON COLUMN rule_change_history.id IS 'Journal row id';

-- The rule data as of a version: a row changed after it is as the first later
-- change found it (its before); a row not changed since is as it is now.
CREATE FUNCTION rules_as_of(p_version bigint)
RETURNS TABLE (table_name text, row_key jsonb, row_data jsonb)
LANGUAGE sql STABLE STRICT
SET search_path = pg_catalog, instruction_control, pg_temp
BEGIN ATOMIC
  WITH later AS (
    SELECT DISTINCT ON (h.table_name, h.row_key) h.table_name, h.row_key, h.before
      FROM instruction_control.rule_change_history h
     WHERE h.rules_version OPERATOR(pg_catalog.>) p_version
     ORDER BY h.table_name, h.row_key, h.rules_version
  ), now_rows AS (
    SELECT 'decision_rule'::text AS table_name, pg_catalog.jsonb_build_object('id', r.id) AS row_key,
           pg_catalog.to_jsonb(r.*) AS row_data FROM instruction_control.decision_rule r
    UNION ALL
    SELECT 'decision_authority', pg_catalog.jsonb_build_object('level', a.level, 'action', a.action, 'decider', a.decider),
           pg_catalog.to_jsonb(a.*) FROM instruction_control.decision_authority a
    UNION ALL
    SELECT 'sweep_setting', pg_catalog.jsonb_build_object('level', s.level), pg_catalog.to_jsonb(s.*)
      FROM instruction_control.sweep_setting s
    UNION ALL
    SELECT 'calendar', pg_catalog.jsonb_build_object('code', c.code), pg_catalog.to_jsonb(c.*)
      FROM instruction_control.calendar c
    UNION ALL
    SELECT 'calendar_year', pg_catalog.jsonb_build_object('calendar', y.calendar, 'year', y.year), pg_catalog.to_jsonb(y.*)
      FROM instruction_control.calendar_year y
    UNION ALL
    SELECT 'calendar_holiday_rule',
           pg_catalog.jsonb_build_object('calendar', h.calendar, 'month', h.month, 'day', h.day, 'valid_from_year', h.valid_from_year),
           pg_catalog.to_jsonb(h.*) FROM instruction_control.calendar_holiday_rule h
    UNION ALL
    SELECT 'calendar_day', pg_catalog.jsonb_build_object('calendar', d.calendar, 'day', d.day), pg_catalog.to_jsonb(d.*)
      FROM instruction_control.calendar_day d
  )
  SELECT n.table_name, n.row_key, n.row_data
    FROM now_rows n
   WHERE NOT EXISTS (SELECT 1 FROM later l
                      WHERE l.table_name OPERATOR(pg_catalog.=) n.table_name AND l.row_key OPERATOR(pg_catalog.=) n.row_key)
  UNION ALL
  SELECT l.table_name, l.row_key, l.before FROM later l WHERE l.before IS NOT NULL
  ORDER BY 1, 2;
END;
COMMENT ON FUNCTION rules_as_of(bigint) IS
  'The rule data (decision matrix, sweep settings, calendar) as it was at a rules version, e.g. the one a decision records: one row per table row, as jsonb';
