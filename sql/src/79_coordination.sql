-- ===========================================================================
-- Coordination of instructions following international events (R48)
--
-- «Халықаралық іс-шаралардың қорытындылары бойынша ... үйлестіруді Қазақстан
-- Республикасының Сыртқы істер министрлігі жүзеге асырады»: the Ministry of
-- Foreign Affairs coordinates the bodies executing the acts and instructions
-- following international events.  Which body that is, is data
-- (body_function, kept by ic_admin); an instruction following an
-- international event records its coordination (coordination), and the
-- coordinating body must be the one holding that function.  The particulars
-- of control the President sets for them (R48, part 2) are not the
-- registry's to invent: they go into the decision matrix as data (R74-1).
-- ===========================================================================

CREATE TABLE body_function (
  body_id   bigint PRIMARY KEY REFERENCES state_body ON DELETE CASCADE,
  function  text NOT NULL CHECK (function IN ('foreign_affairs'))
);
CREATE UNIQUE INDEX body_function_once ON body_function (function);
COMMENT ON TABLE body_function IS
  'The functions the decree gives a named state body: foreign_affairs, the Ministry of Foreign Affairs, which coordinates the execution of instructions following international events (R48); one body per function. Kept by ic_admin';
COMMENT ON COLUMN body_function.body_id IS 'The state body';
COMMENT ON COLUMN body_function.function IS 'foreign_affairs (R48)';
SELECT pg_catalog.pg_extension_config_dump('body_function', '');

CREATE TABLE coordination (
  instruction_id       bigint PRIMARY KEY REFERENCES instruction,
  coordinating_body_id bigint NOT NULL REFERENCES state_body,
  ground               text NOT NULL DEFAULT 'international_event' CHECK (ground IN ('international_event')),
  basis                text,
  recorded_by          name NOT NULL DEFAULT current_user,
  recorded_at          timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE coordination IS
  'The body that coordinates the execution of an instruction: the Ministry of Foreign Affairs for an instruction following an international event (R48)';
COMMENT ON COLUMN coordination.coordinating_body_id IS 'The coordinating body: the one holding the function foreign_affairs (body_function)';
COMMENT ON COLUMN coordination.ground IS 'international_event (R48)';
COMMENT ON COLUMN coordination.basis IS 'The international event, e.g. the visit or summit the instruction follows';
COMMENT ON COLUMN coordination.recorded_by IS 'The role that recorded it (set by the registry)';
COMMENT ON COLUMN coordination.recorded_at IS 'When it was recorded';
SELECT pg_catalog.pg_extension_config_dump('coordination', '');

CREATE FUNCTION coordination_judge() RETURNS trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, instruction_control, pg_temp
AS $$
DECLARE
  kind_code text;
  mfa bigint;
BEGIN
  NEW.recorded_by := current_user;
  NEW.recorded_at := now();
  SELECT i.kind::text INTO kind_code FROM instruction i WHERE i.id OPERATOR(pg_catalog.=) NEW.instruction_id;
  IF NOT FOUND THEN
    RETURN NEW;                 -- the foreign key refuses it (23503)
  END IF;
  IF kind_code OPERATOR(pg_catalog.<>) 'event' THEN
    RAISE EXCEPTION 'R48 coordinates instructions following international events'
      USING ERRCODE = 'IC603',
            DETAIL = format('Instruction %s is of kind %s.', NEW.instruction_id, kind_code),
            HINT = 'Record the coordination of an instruction of kind event that follows an international event.';
  END IF;
  SELECT f.body_id INTO mfa FROM body_function f WHERE f.function OPERATOR(pg_catalog.=) 'foreign_affairs';
  IF mfa IS DISTINCT FROM NEW.coordinating_body_id THEN
    RAISE EXCEPTION 'the Ministry of Foreign Affairs coordinates instructions following international events (R48)'
      USING ERRCODE = 'IC603',
            DETAIL = format('Instruction %s names body %s; the body holding foreign_affairs is %s.', NEW.instruction_id,
                            NEW.coordinating_body_id, coalesce(mfa::text, 'not recorded')),
            HINT = CASE WHEN mfa IS NULL
                        THEN 'ic_admin records the Ministry of Foreign Affairs first: INSERT INTO instruction_control.body_function VALUES (<body id>, ''foreign_affairs'').'
                        ELSE format('Name body %s as coordinating_body_id.', mfa) END;
  END IF;
  RETURN NEW;
END
$$;
COMMENT ON FUNCTION coordination_judge() IS
  'Trigger: an instruction following an international event (kind event) is coordinated by the body holding the function foreign_affairs (R48, IC603)';
CREATE TRIGGER coordination_judge BEFORE INSERT OR UPDATE ON coordination
  FOR EACH ROW EXECUTE FUNCTION coordination_judge();
REVOKE EXECUTE ON FUNCTION coordination_judge() FROM PUBLIC;

CREATE FUNCTION coordinate_instruction(instruction_id bigint, coordinating_body_id bigint, basis text DEFAULT NULL)
RETURNS coordination
AS 'MODULE_PATHNAME', 'ic_insert_call'
LANGUAGE C VOLATILE;
COMMENT ON FUNCTION coordinate_instruction IS
  'Record that the Ministry of Foreign Affairs (body_function foreign_affairs) coordinates the execution of an instruction following an international event (R48)';
