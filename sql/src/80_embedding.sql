-- ===========================================================================
-- Embedding: the host's own tables linked, DBA additions kept off ours
-- (issue 17, item 2)
--
-- A table of the extension is created by CREATE EXTENSION, so pg_dump writes
-- its data but never its DDL: a column, index or trigger a DBA adds to it is
-- not in the dump, and the COPY of a table with an extra column fails on
-- restore.  So the supported way puts nothing of the DBA's on our tables:
--
-- * link_host(kind, host_table, key_column, columns, fixed) links a host
--   table (departments, documents, staff) to state_body, act or person.  The
--   link is a row of host_link (dumped); the triggers it creates live on the
--   HOST table (the host's DDL, dumped with it).  Each host row is kept in
--   step as a row of ours whose external_ref is the host key as text (the
--   host's type, bigint, uuid or text, checked by a cast to it): inserting,
--   updating or deleting the host row does the same to ours through the
--   normal tables, so every CHECK and rule applies.  Nothing is entered twice.
-- * Both directions of referential integrity: a host row the registry uses
--   cannot be deleted, nor its key changed, while an instruction references
--   it (IC402, naming the instruction); a linked row of ours needs its host
--   key to exist (IC401); host_row(kind, key) turns a host key into our id.
-- * refuse_member_ddl, an event trigger, refuses CREATE INDEX / TRIGGER /
--   RULE / POLICY / STATISTICS and ALTER TABLE / INDEX on the extension's
--   own tables outside its scripts (IC404), naming where they belong.
-- A restore (restore_mode) reloads both sides as they were: nothing syncs.
-- ===========================================================================

CREATE TABLE host_link (
  kind        text PRIMARY KEY CHECK (kind IN ('state_body', 'act', 'person')),
  host_schema text NOT NULL,
  host_table  text NOT NULL,
  key_column  text NOT NULL,
  key_type    text NOT NULL,
  columns     jsonb NOT NULL DEFAULT '{}' CHECK (pg_catalog.jsonb_typeof(columns) = 'object'),
  fixed       jsonb NOT NULL DEFAULT '{}' CHECK (pg_catalog.jsonb_typeof(fixed) = 'object'),
  linked_by   text NOT NULL DEFAULT session_user,
  linked_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE host_link IS
  'Host tables linked to state_body, act or person (link_host): each host row is kept in step as a row of ours whose external_ref is the host key; dumped';
COMMENT ON COLUMN host_link.kind IS 'state_body, act or person: the table of ours the host rows live in';
COMMENT ON COLUMN host_link.host_schema IS 'Schema of the host table';
COMMENT ON COLUMN host_link.host_table IS 'Name of the host table (its triggers instruction_control_<kind> keep ours in step)';
COMMENT ON COLUMN host_link.key_column IS 'The host''s unique key column; its value as text is external_ref of our row';
COMMENT ON COLUMN host_link.key_type IS 'Type of the host key (format_type), e.g. bigint or uuid: a key given as text is cast to it';
COMMENT ON COLUMN host_link.columns IS 'Our column -> host column, e.g. {"name": "title"}; parent_id and body_id take a host key of the linked state_body table';
COMMENT ON COLUMN host_link.fixed IS 'Our column -> a value for every row, e.g. {"body_type": "central"}';
COMMENT ON COLUMN host_link.linked_by IS 'Session user that made the link';
COMMENT ON COLUMN host_link.linked_at IS 'When the link was made';
SELECT pg_catalog.pg_extension_config_dump('host_link', '');

-- The one row of host_link for a kind, or IC403.
CREATE FUNCTION host_link_of(kind text)
RETURNS host_link
LANGUAGE plpgsql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  l instruction_control.host_link;
BEGIN
  SELECT * INTO l FROM instruction_control.host_link h WHERE h.kind OPERATOR(pg_catalog.=) host_link_of.kind;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'no host table is linked to %', kind
      USING ERRCODE = 'IC403',
            DETAIL = pg_catalog.format('host_link has no row for kind %L.', kind),
            HINT = 'Link one with instruction_control.link_host(kind, host_table, key_column, columns, fixed).';
  END IF;
  RETURN l;
END
$$;
COMMENT ON FUNCTION host_link_of(text) IS 'The link of a kind (state_body, act, person); IC403 when there is none';

-- Our id of a host key, or IC401 (the key is cast to the host's type first).
CREATE FUNCTION host_row(kind text, host_key text)
RETURNS bigint
LANGUAGE plpgsql STABLE STRICT
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  l instruction_control.host_link := instruction_control.host_link_of(kind);
  canonical text;
  our_id bigint;
BEGIN
  BEGIN
    EXECUTE pg_catalog.format('SELECT %1$I::text FROM %2$I.%3$I WHERE %1$I OPERATOR(pg_catalog.=) $1::%4$s',
                              l.key_column, l.host_schema, l.host_table, l.key_type)
       INTO canonical USING host_key;
  EXCEPTION WHEN data_exception THEN
    canonical := NULL;   -- not a value of the key's type: no such row
  END;
  IF canonical IS NOT NULL THEN
    EXECUTE pg_catalog.format('SELECT id FROM instruction_control.%I WHERE external_ref OPERATOR(pg_catalog.=) $1', l.kind)
       INTO our_id USING canonical;
  END IF;
  IF our_id IS NULL THEN
    RAISE EXCEPTION 'host key % of %.% is not linked', host_key, l.host_schema, l.host_table
      USING ERRCODE = 'IC401',
            DETAIL = pg_catalog.format('%s.%s has %s row with %s = %L (of type %s); %s rows live in host table %s.%s.',
                                       l.host_schema, l.host_table,
                                       CASE WHEN canonical IS NULL THEN 'no' ELSE 'a' END,
                                       l.key_column, host_key, l.key_type, l.kind, l.host_schema, l.host_table),
            HINT = 'Insert the row into the host table first: its trigger creates the row of the registry.';
  END IF;
  RETURN our_id;
END
$$;
COMMENT ON FUNCTION host_row(text, text) IS
  'The id in state_body, act or person of a host key (given as text, cast to the host key''s type), e.g. put_on_control(..., act_id => host_row(''act'', ''42'')); IC401 for a key the host table does not hold';

-- Writes our row of one host row (given as jsonb): insert, or update what
-- differs.  with_refs false leaves parent_id/body_id out (link_host's first
-- pass, so a department may name a parent that comes later).
CREATE FUNCTION host_link_apply(kind text, host_values jsonb, with_refs boolean DEFAULT true)
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  l instruction_control.host_link := instruction_control.host_link_of(kind);
  vals jsonb;
  col text;
  host_col text;
  ref_key text;
  cols text := 'external_ref';
  our_id bigint;
  changed boolean;
BEGIN
  vals := pg_catalog.jsonb_build_object('external_ref', host_values OPERATOR(pg_catalog.->>) l.key_column);
  IF vals OPERATOR(pg_catalog.->>) 'external_ref' IS NULL THEN
    RAISE EXCEPTION 'host row of %.% has no key', l.host_schema, l.host_table
      USING ERRCODE = 'IC401', DETAIL = pg_catalog.format('Its %I is NULL.', l.key_column),
            HINT = 'Every linked host row needs its key.';
  END IF;
  vals := vals OPERATOR(pg_catalog.||) l.fixed;
  FOR col, host_col IN SELECT e.key, e.value FROM pg_catalog.jsonb_each_text(l.columns) e LOOP
    IF col IN ('parent_id', 'body_id') THEN
      CONTINUE WHEN NOT with_refs;
      ref_key := host_values OPERATOR(pg_catalog.->>) host_col;
      vals := vals OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object(col,
                CASE WHEN ref_key IS NULL THEN NULL ELSE instruction_control.host_row('state_body', ref_key) END);
    ELSE
      vals := vals OPERATOR(pg_catalog.||) pg_catalog.jsonb_build_object(col, host_values OPERATOR(pg_catalog.->) host_col);
    END IF;
  END LOOP;
  SELECT pg_catalog.string_agg(pg_catalog.quote_ident(k), ', ' ORDER BY k) INTO cols
    FROM pg_catalog.jsonb_object_keys(vals) k;
  EXECUTE pg_catalog.format('SELECT id FROM instruction_control.%I WHERE external_ref OPERATOR(pg_catalog.=) $1', l.kind)
     INTO our_id USING vals OPERATOR(pg_catalog.->>) 'external_ref';
  IF our_id IS NULL THEN
    EXECUTE pg_catalog.format('INSERT INTO instruction_control.%1$I (%2$s) SELECT %2$s FROM pg_catalog.jsonb_populate_record(NULL::instruction_control.%1$I, $1) RETURNING id',
                              l.kind, cols)
       INTO our_id USING vals;
  ELSE
    EXECUTE pg_catalog.format('SELECT ROW(%2$s) IS DISTINCT FROM (SELECT ROW(%2$s) FROM pg_catalog.jsonb_populate_record(NULL::instruction_control.%1$I, $1)) FROM instruction_control.%1$I WHERE id OPERATOR(pg_catalog.=) $2',
                              l.kind, cols)
       INTO changed USING vals, our_id;
    IF changed THEN
      EXECUTE pg_catalog.format('UPDATE instruction_control.%1$I SET (%2$s) = (SELECT %2$s FROM pg_catalog.jsonb_populate_record(NULL::instruction_control.%1$I, $1)) WHERE id OPERATOR(pg_catalog.=) $2',
                                l.kind, cols)
         USING vals, our_id;
    END IF;
  END IF;
  RETURN our_id;
END
$$;
COMMENT ON FUNCTION host_link_apply(text, jsonb, boolean) IS
  'Keeps the row of ours of one host row (host_values, as jsonb) in step: inserted, or updated where it differs; used by link_host and the host table''s trigger';

-- The instruction that references a row of ours, for the errors of IC402.
CREATE FUNCTION host_row_user(kind text, our_id bigint)
RETURNS bigint
LANGUAGE sql STABLE
SET search_path = pg_catalog, instruction_control, pg_temp
BEGIN ATOMIC
  SELECT min(i) FROM (
    SELECT i.id FROM instruction_control.instruction i
     WHERE host_row_user.kind OPERATOR(pg_catalog.=) 'act' AND i.act_id OPERATOR(pg_catalog.=) our_id
    UNION ALL
    SELECT e.instruction_id FROM instruction_control.instruction_executor e
     WHERE host_row_user.kind OPERATOR(pg_catalog.=) 'state_body' AND e.body_id OPERATOR(pg_catalog.=) our_id
    UNION ALL
    SELECT i.id FROM instruction_control.instruction i
     WHERE host_row_user.kind OPERATOR(pg_catalog.=) 'state_body' AND i.controlling_body_id OPERATOR(pg_catalog.=) our_id
    UNION ALL
    SELECT d.instruction_id FROM instruction_control.decision d
     WHERE host_row_user.kind OPERATOR(pg_catalog.=) 'person' AND d.acted_by_person_id OPERATOR(pg_catalog.=) our_id
  ) AS u(i);
END;
COMMENT ON FUNCTION host_row_user(text, bigint) IS
  'The first instruction that references a state body (executor, controller), an act or a person (decisions): named by IC402';

-- The trigger on a linked HOST table: AFTER INSERT/UPDATE/DELETE FOR EACH ROW
-- and BEFORE TRUNCATE.  SECURITY DEFINER: the host application's role writes
-- its own tables and holds no privilege on ours.
CREATE FUNCTION host_link_sync()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  l instruction_control.host_link;
  old_key text;
  new_key text;
  our_id bigint;
  user_id bigint;
  what text;
BEGIN
  SELECT * INTO l FROM instruction_control.host_link h WHERE h.kind OPERATOR(pg_catalog.=) TG_ARGV[0];
  IF NOT FOUND OR TG_NARGS OPERATOR(pg_catalog.<>) 1 OR TG_TABLE_SCHEMA OPERATOR(pg_catalog.<>) l.host_schema
     OR TG_TABLE_NAME OPERATOR(pg_catalog.<>) l.host_table THEN
    RAISE EXCEPTION 'host_link_sync() fires only on the host table linked by link_host'
      USING ERRCODE = '39P01',
            DETAIL = pg_catalog.format('It fired on %I.%I for kind %L.', TG_TABLE_SCHEMA, TG_TABLE_NAME, TG_ARGV[0]),
            HINT = 'A renamed host table is linked again: unlink_host(kind), then link_host(...).';
  END IF;
  -- a restore reloads both sides as they were dumped
  IF instruction_control.restore_mode() THEN
    RETURN NULL;
  END IF;
  what := pg_catalog.format('%I.%I', l.host_schema, l.host_table);
  IF TG_LEVEL OPERATOR(pg_catalog.=) 'STATEMENT' THEN
    RAISE EXCEPTION 'cannot truncate %: it is linked to the registry''s %', what, l.kind
      USING ERRCODE = 'IC402',
            DETAIL = pg_catalog.format('Its rows are the registry''s %s rows (host_link).', l.kind),
            HINT = 'Delete the rows (each is checked), or unlink the table first: instruction_control.unlink_host(kind).';
  END IF;
  IF TG_OP OPERATOR(pg_catalog.<>) 'INSERT' THEN
    old_key := pg_catalog.to_jsonb(OLD) OPERATOR(pg_catalog.->>) l.key_column;
    EXECUTE pg_catalog.format('SELECT id FROM instruction_control.%I WHERE external_ref OPERATOR(pg_catalog.=) $1', l.kind)
       INTO our_id USING old_key;
  END IF;
  IF TG_OP OPERATOR(pg_catalog.<>) 'DELETE' THEN
    new_key := pg_catalog.to_jsonb(NEW) OPERATOR(pg_catalog.->>) l.key_column;
  END IF;
  IF our_id IS NOT NULL AND new_key IS DISTINCT FROM old_key THEN
    user_id := instruction_control.host_row_user(l.kind, our_id);
    IF user_id IS NOT NULL THEN
      RAISE EXCEPTION 'cannot % host row % = % of %: instruction % references it',
                      CASE TG_OP WHEN 'DELETE' THEN 'delete' ELSE 'change the key of' END,
                      l.key_column, old_key, what, user_id
        USING ERRCODE = 'IC402',
              DETAIL = pg_catalog.format('The row is %s %s of the registry (external_ref %L); instruction %s references it.',
                                         l.kind, our_id, old_key, user_id),
              HINT = 'A host row the registry uses stays with its key; mark it inactive in the host instead.';
    END IF;
    IF TG_OP OPERATOR(pg_catalog.=) 'DELETE' THEN
      BEGIN
        EXECUTE pg_catalog.format('DELETE FROM instruction_control.%I WHERE id OPERATOR(pg_catalog.=) $1', l.kind)
          USING our_id;
      EXCEPTION WHEN foreign_key_violation THEN
        RAISE EXCEPTION 'cannot delete host row % = % of %: the registry uses it', l.key_column, old_key, what
          USING ERRCODE = 'IC402',
                DETAIL = pg_catalog.format('The row is %s %s of the registry: %s', l.kind, our_id, SQLERRM),
                HINT = 'Delete what references it first, or keep the host row.';
      END;
      RETURN NULL;
    END IF;
    EXECUTE pg_catalog.format('UPDATE instruction_control.%I SET external_ref = $1 WHERE id OPERATOR(pg_catalog.=) $2', l.kind)
      USING new_key, our_id;
  END IF;
  IF TG_OP OPERATOR(pg_catalog.<>) 'DELETE' THEN
    PERFORM instruction_control.host_link_apply(l.kind, pg_catalog.to_jsonb(NEW));
  END IF;
  RETURN NULL;
END
$$;
COMMENT ON FUNCTION host_link_sync() IS
  'Trigger on a linked host table (made by link_host): a host row inserted, updated or deleted does the same to its state_body, act or person; refused (IC402) while an instruction references it';

-- The trigger on OUR state_body, act and person: a linked row's external_ref
-- is a key of the host table, and a linked row goes with its host row.
CREATE FUNCTION host_ref_check()
RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  l instruction_control.host_link;
  ref text;
  found_key text;
BEGIN
  IF TG_TABLE_SCHEMA OPERATOR(pg_catalog.<>) 'instruction_control'
     OR TG_TABLE_NAME NOT IN ('state_body', 'act', 'person') OR TG_LEVEL OPERATOR(pg_catalog.<>) 'ROW' THEN
    RAISE EXCEPTION 'host_ref_check() checks state_body, act and person of instruction_control only'
      USING ERRCODE = '39P01',
            DETAIL = pg_catalog.format('It fired %s %s on %I.%I.', TG_WHEN, TG_LEVEL, TG_TABLE_SCHEMA, TG_TABLE_NAME);
  END IF;
  IF instruction_control.restore_mode() OR instruction_control.creating_extension() THEN
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  SELECT * INTO l FROM instruction_control.host_link h WHERE h.kind OPERATOR(pg_catalog.=) TG_TABLE_NAME;
  IF NOT FOUND THEN
    RETURN CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END;
  END IF;
  ref := pg_catalog.to_jsonb(CASE TG_OP WHEN 'DELETE' THEN OLD ELSE NEW END) OPERATOR(pg_catalog.->>) 'external_ref';
  IF ref IS NOT NULL THEN
    BEGIN
      EXECUTE pg_catalog.format('SELECT %1$I::text FROM %2$I.%3$I WHERE %1$I OPERATOR(pg_catalog.=) $1::%4$s',
                                l.key_column, l.host_schema, l.host_table, l.key_type)
         INTO found_key USING ref;
    EXCEPTION WHEN data_exception THEN
      found_key := NULL;
    END;
  END IF;
  IF TG_OP OPERATOR(pg_catalog.=) 'DELETE' THEN
    IF found_key IS NOT NULL THEN
      RAISE EXCEPTION 'cannot delete % %: it lives in host table %.%', TG_TABLE_NAME, OLD.id, l.host_schema, l.host_table
        USING ERRCODE = 'IC402',
              DETAIL = pg_catalog.format('Its host row %I = %L still exists.', l.key_column, ref),
              HINT = 'Delete the host row: its trigger deletes this row.';
    END IF;
    RETURN OLD;
  END IF;
  IF ref IS NOT NULL AND found_key IS DISTINCT FROM ref THEN
    RAISE EXCEPTION '% external_ref % is not a key of host table %.%', TG_TABLE_NAME, ref, l.host_schema, l.host_table
      USING ERRCODE = 'IC401',
            DETAIL = pg_catalog.format('%s rows live in %I.%I (host_link); it has no row with %I = %L (of type %s).',
                                       TG_TABLE_NAME, l.host_schema, l.host_table, l.key_column, ref, l.key_type),
            HINT = 'Insert the row into the host table: its trigger creates this row.';
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION host_ref_check() IS
  'Trigger on state_body, act and person: under a link (host_link) a row''s external_ref is a key of the host table (IC401), and a row goes only with its host row (IC402)';

CREATE TRIGGER host_ref_check BEFORE INSERT OR UPDATE OF external_ref OR DELETE ON state_body
  FOR EACH ROW EXECUTE FUNCTION host_ref_check();
CREATE TRIGGER host_ref_check BEFORE INSERT OR UPDATE OF external_ref OR DELETE ON act
  FOR EACH ROW EXECUTE FUNCTION host_ref_check();
CREATE TRIGGER host_ref_check BEFORE INSERT OR UPDATE OF external_ref OR DELETE ON person
  FOR EACH ROW EXECUTE FUNCTION host_ref_check();

-- link_host: the supported way to embed.  SECURITY INVOKER: the caller owns
-- the host table (to create its triggers) and is ic_admin (to write ours).
CREATE FUNCTION link_host(kind text, host_table regclass, key_column name,
                          columns jsonb DEFAULT '{}', fixed jsonb DEFAULT '{}')
RETURNS bigint
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  l instruction_control.host_link;
  nsp text;
  rel text;
  ours text[];
  bad text;
  key_type text;
  h jsonb;
  linked bigint := 0::bigint;
BEGIN
  IF kind IS NULL OR kind NOT IN ('state_body', 'act', 'person') THEN
    RAISE EXCEPTION 'cannot link kind %', kind
      USING ERRCODE = 'IC403', HINT = 'A host table is linked to state_body, act or person.';
  END IF;
  IF EXISTS (SELECT 1 FROM instruction_control.host_link x WHERE x.kind OPERATOR(pg_catalog.=) link_host.kind) THEN
    l := instruction_control.host_link_of(kind);
    RAISE EXCEPTION '% is already linked to %.%', kind, l.host_schema, l.host_table
      USING ERRCODE = 'IC403', HINT = 'One host table per kind: unlink_host(kind) first.';
  END IF;
  SELECT ns.nspname::text, c.relname::text INTO nsp, rel
    FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace ns ON ns.oid OPERATOR(pg_catalog.=) c.relnamespace
   WHERE c.oid OPERATOR(pg_catalog.=) host_table AND c.relkind IN ('r', 'p');
  IF nsp IS NULL OR nsp IN ('instruction_control', 'pg_catalog', 'information_schema') OR nsp LIKE 'pg\_temp%' THEN
    RAISE EXCEPTION 'cannot link % to %', kind, host_table
      USING ERRCODE = 'IC403', DETAIL = 'A host table is an ordinary table of the host''s own (not temporary) schema.';
  END IF;
  SELECT pg_catalog.format_type(a.atttypid, a.atttypmod) INTO key_type
    FROM pg_catalog.pg_attribute a
   WHERE a.attrelid OPERATOR(pg_catalog.=) host_table AND a.attname OPERATOR(pg_catalog.=) key_column
     AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped
     AND EXISTS (SELECT 1 FROM pg_catalog.pg_index i
                  WHERE i.indrelid OPERATOR(pg_catalog.=) host_table AND i.indisunique AND i.indpred IS NULL
                    AND i.indexprs IS NULL AND i.indnkeyatts OPERATOR(pg_catalog.=) 1
                    AND i.indkey[0] OPERATOR(pg_catalog.=) a.attnum);
  IF key_type IS NULL THEN
    RAISE EXCEPTION 'cannot link % to %: % is not a unique key of it', kind, host_table, key_column
      USING ERRCODE = 'IC403', HINT = 'The key column has a primary key or unique index of its own.';
  END IF;
  -- our columns a link may fill: all but id and external_ref
  SELECT pg_catalog.array_agg(a.attname::text) INTO ours
    FROM pg_catalog.pg_attribute a
   WHERE a.attrelid OPERATOR(pg_catalog.=) pg_catalog.format('instruction_control.%I', kind)::regclass
     AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.attname NOT IN ('id', 'external_ref');
  SELECT pg_catalog.string_agg(k, ', ') INTO bad
    FROM (SELECT pg_catalog.jsonb_object_keys(columns) UNION ALL SELECT pg_catalog.jsonb_object_keys(fixed)) AS u(k)
   WHERE k OPERATOR(pg_catalog.<>) ALL (ours);
  IF bad IS NULL THEN
    SELECT pg_catalog.string_agg(e.value, ', ') INTO bad
      FROM pg_catalog.jsonb_each_text(columns) e
     WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a
                        WHERE a.attrelid OPERATOR(pg_catalog.=) host_table AND a.attname OPERATOR(pg_catalog.=) e.value
                          AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped);
    IF bad IS NOT NULL THEN
      bad := 'host columns not in ' || host_table::text || ': ' || bad;
    END IF;
  ELSE
    bad := 'columns not in ' || kind || ': ' || bad;
  END IF;
  IF bad IS NULL THEN
    SELECT pg_catalog.string_agg(a.attname::text, ', ') INTO bad
      FROM pg_catalog.pg_attribute a
     WHERE a.attrelid OPERATOR(pg_catalog.=) pg_catalog.format('instruction_control.%I', kind)::regclass
       AND a.attnum OPERATOR(pg_catalog.>) 0 AND NOT a.attisdropped AND a.attnotnull AND NOT a.atthasdef
       AND a.attidentity OPERATOR(pg_catalog.=) '' AND NOT (columns ? a.attname::text) AND NOT (fixed ? a.attname::text);
    IF bad IS NOT NULL THEN
      bad := 'required columns of ' || kind || ' not given: ' || bad;
    END IF;
  END IF;
  IF bad IS NULL AND (columns ? 'body_id') AND kind OPERATOR(pg_catalog.=) 'person'
     AND NOT EXISTS (SELECT 1 FROM instruction_control.host_link x WHERE x.kind OPERATOR(pg_catalog.=) 'state_body') THEN
    bad := 'body_id takes a host key of the linked state_body table: link state_body first';
  END IF;
  IF bad IS NOT NULL OR (SELECT count(*) FROM pg_catalog.jsonb_each(columns) e
                          WHERE pg_catalog.jsonb_typeof(e.value) OPERATOR(pg_catalog.<>) 'string') OPERATOR(pg_catalog.>) 0 THEN
    RAISE EXCEPTION 'cannot link % to %', kind, host_table
      USING ERRCODE = 'IC403', DETAIL = coalesce(bad, 'A value of columns is not the name of a host column.') || '.',
            HINT = pg_catalog.format('columns maps a column of %s to a host column ({"name": "title"}), fixed gives a value ({"body_type": "central"}); every NOT NULL column of %s is given.', kind, kind);
  END IF;
  -- rows of ours that already carry an external_ref: each one a host key
  EXECUTE pg_catalog.format('SELECT o.external_ref FROM instruction_control.%1$I o WHERE o.external_ref IS NOT NULL
                               AND NOT EXISTS (SELECT 1 FROM %2$s h WHERE h.%3$I::text OPERATOR(pg_catalog.=) o.external_ref) LIMIT 1',
                            kind, host_table, key_column)
     INTO bad;
  IF bad IS NOT NULL THEN
    RAISE EXCEPTION 'cannot link % to %: % has external_ref % that is not a key of it', kind, host_table, kind, bad
      USING ERRCODE = 'IC401',
            DETAIL = pg_catalog.format('A linked %s row is the host row with the key of its external_ref.', kind),
            HINT = 'Correct or clear those external_ref values first (rows whose external_ref is a host key are adopted, not entered twice).';
  END IF;
  INSERT INTO instruction_control.host_link (kind, host_schema, host_table, key_column, key_type, columns, fixed)
  VALUES (kind, nsp, rel, key_column, key_type, columns, fixed);
  EXECUTE pg_catalog.format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %s FOR EACH ROW EXECUTE FUNCTION instruction_control.host_link_sync(%L)',
                            'instruction_control_' || kind, host_table, kind);
  EXECUTE pg_catalog.format('CREATE TRIGGER %I BEFORE TRUNCATE ON %s FOR EACH STATEMENT EXECUTE FUNCTION instruction_control.host_link_sync(%L)',
                            'instruction_control_' || kind || '_truncate', host_table, kind);
  -- the host rows now: a first pass without references, a second with them
  FOR h IN EXECUTE pg_catalog.format('SELECT pg_catalog.to_jsonb(h) FROM %s h ORDER BY %I', host_table, key_column) LOOP
    PERFORM instruction_control.host_link_apply(kind, h, false);
    linked := linked OPERATOR(pg_catalog.+) 1;
  END LOOP;
  IF (columns ? 'parent_id') OR (columns ? 'body_id') THEN
    FOR h IN EXECUTE pg_catalog.format('SELECT pg_catalog.to_jsonb(h) FROM %s h ORDER BY %I', host_table, key_column) LOOP
      PERFORM instruction_control.host_link_apply(kind, h, true);
    END LOOP;
  END IF;
  RETURN linked;
END
$$;
COMMENT ON FUNCTION link_host(text, regclass, name, jsonb, jsonb) IS
  'Links a host table to state_body, act or person: records the link (host_link), creates the triggers instruction_control_<kind> on the host table and brings its rows in; returns how many host rows are linked. The caller owns the host table and is ic_admin';

CREATE FUNCTION unlink_host(kind text)
RETURNS boolean
LANGUAGE plpgsql VOLATILE
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  l instruction_control.host_link := instruction_control.host_link_of(kind);
  host regclass := pg_catalog.to_regclass(pg_catalog.format('%I.%I', l.host_schema, l.host_table));
BEGIN
  IF host IS NOT NULL THEN
    EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS %I ON %s', 'instruction_control_' || kind, host);
    EXECUTE pg_catalog.format('DROP TRIGGER IF EXISTS %I ON %s', 'instruction_control_' || kind || '_truncate', host);
  END IF;
  DELETE FROM instruction_control.host_link h WHERE h.kind OPERATOR(pg_catalog.=) unlink_host.kind;
  RETURN true;
END
$$;
COMMENT ON FUNCTION unlink_host(text) IS
  'Ends the link of a kind: drops the host table''s triggers and the host_link row; the rows of ours stay, with their external_ref';

-- DBA additions on the extension's tables ----------------------------------
-- pg_dump writes only the data of an extension's table, so an index,
-- trigger, rule, policy, statistics or column a DBA adds to it is lost at
-- the next restore (and an extra column makes its COPY fail).  Refused here
-- with where it belongs.  A superuser who knows this may SET LOCAL
-- instruction_control.allow_member_ddl = on (e.g. to disable triggers for a
-- benchmark); a restore (restore_mode) is let through.
CREATE FUNCTION refuse_member_ddl()
RETURNS event_trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  r record;
  tbl regclass;
  what text;
BEGIN
  FOR r IN SELECT c.command_tag, c.classid, c.objid, c.object_identity
             FROM pg_catalog.pg_event_trigger_ddl_commands() c
            -- triggers, rules and policies have no schema of their own
            WHERE (c.schema_name OPERATOR(pg_catalog.=) 'instruction_control' OR c.schema_name IS NULL)
              AND NOT c.in_extension LOOP
    tbl := CASE r.classid
             WHEN 'pg_catalog.pg_class'::regclass::oid THEN
               coalesce((SELECT i.indrelid FROM pg_catalog.pg_index i WHERE i.indexrelid OPERATOR(pg_catalog.=) r.objid), r.objid)
             WHEN 'pg_catalog.pg_trigger'::regclass::oid THEN
               (SELECT t.tgrelid FROM pg_catalog.pg_trigger t WHERE t.oid OPERATOR(pg_catalog.=) r.objid)
             WHEN 'pg_catalog.pg_rewrite'::regclass::oid THEN
               (SELECT w.ev_class FROM pg_catalog.pg_rewrite w WHERE w.oid OPERATOR(pg_catalog.=) r.objid)
             WHEN 'pg_catalog.pg_policy'::regclass::oid THEN
               (SELECT p.polrelid FROM pg_catalog.pg_policy p WHERE p.oid OPERATOR(pg_catalog.=) r.objid)
             WHEN 'pg_catalog.pg_statistic_ext'::regclass::oid THEN
               (SELECT s.stxrelid FROM pg_catalog.pg_statistic_ext s WHERE s.oid OPERATOR(pg_catalog.=) r.objid)
           END;
    CONTINUE WHEN tbl IS NULL OR NOT EXISTS (
      SELECT 1 FROM pg_catalog.pg_depend d JOIN pg_catalog.pg_extension e ON e.oid OPERATOR(pg_catalog.=) d.refobjid
       WHERE d.classid OPERATOR(pg_catalog.=) 'pg_catalog.pg_class'::regclass AND d.objid OPERATOR(pg_catalog.=) tbl
         AND d.deptype OPERATOR(pg_catalog.=) 'e' AND e.extname OPERATOR(pg_catalog.=) 'instruction_control');
    CONTINUE WHEN instruction_control.restore_mode()
               OR pg_catalog.current_setting('instruction_control.allow_member_ddl', true) OPERATOR(pg_catalog.=) 'on';
    what := (SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) FROM pg_catalog.pg_class c
               JOIN pg_catalog.pg_namespace n ON n.oid OPERATOR(pg_catalog.=) c.relnamespace
              WHERE c.oid OPERATOR(pg_catalog.=) tbl);
    RAISE EXCEPTION '% on %: the extension''s tables take no DDL of their own', r.command_tag, what
      USING ERRCODE = 'IC404',
            DETAIL = pg_catalog.format('%s %s was tried on %s, a table of the extension instruction_control: pg_dump writes only its data, so the addition would be lost at the next restore (and an extra column makes the COPY of the table fail).',
                                       r.command_tag, r.object_identity, what),
            HINT = 'Put it in your own schema: a side table referencing ours by id (e.g. docs.act_extra(act_id bigint PRIMARY KEY REFERENCES instruction_control.act), with your columns, indexes and triggers), or link your table with instruction_control.link_host(...). A superuser who accepts that the next restore loses it may SET LOCAL instruction_control.allow_member_ddl = on.';
  END LOOP;
END
$$;
COMMENT ON FUNCTION refuse_member_ddl() IS
  'Event trigger (ddl_command_end): refuses an index, trigger, rule, policy, statistics or ALTER TABLE on a table of the extension outside its scripts (IC404): pg_dump would not keep it';

-- The event trigger itself is created last (sql/src/99_member_ddl_guard.sql).
