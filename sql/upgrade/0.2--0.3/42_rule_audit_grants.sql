/*
 * Part 42: the privileges of the Rule data section (part 40, issue 16 item 7),
 * as sql/src/90_security.sql gives them.
 */
REVOKE ALL ON rule_change, rule_data_removed FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION rule_change_journal(), rule_data_removed_apply(), rules_as_of(bigint),
  rules_version() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION rules_version() TO ic_reader;
GRANT SELECT ON rule_change_history, sweep_setting TO ic_controller;
GRANT EXECUTE ON FUNCTION rules_as_of(bigint) TO ic_controller;
