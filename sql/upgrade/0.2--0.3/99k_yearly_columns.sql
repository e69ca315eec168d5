/*
 * 99k_yearly_columns: the R80 yearly report (issue 20, item 3) adds its
 * columns to the forms' one column table; runs before 99k_yearly_section.sql
 * creates the report.  Follows sql/src/70b_forms.sql.
 */

-- report_form_columns(): as 0.3 has it, named by 99s_signatories_tail.sql (\definition)
