-- 99w_card_page_tail: after the section (a link to sql/src/71_card_page.sql, a reader's page of control
-- cards, issue 19): 90_security.sql for the section's functions
REVOKE EXECUTE ON FUNCTION report_control_card_page(date, bigint, integer), report_check_page(integer, date, bigint)
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION report_control_card_page(date, bigint, integer), report_check_page(integer, date, bigint)
  TO ic_reader;
